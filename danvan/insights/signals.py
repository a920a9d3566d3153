"""Keeps the stored counts (insights.tally) equal to a fresh count: every save or delete of what they count
recomputes the counts of the unit concerned and its ancestors, in the same transaction as the change."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from danvan.assessments.models import Assessment, AssessmentPhoto
from danvan.campaigns.models import ReportingPeriod
from danvan.initiatives.models import Attachment, Indicator, Initiative
from danvan.insights import tally
from danvan.orgs.models import Organization
from danvan.progress.models import Evidence, IndicatorValue, ProgressReport
from danvan.recognition.models import CommendationEntry, Replication

_TREE = ("parent_id", "path", "kind", "is_active")


def _of_initiatives(pks) -> None:
    """Refresh the units of these initiatives, and the units of what they are copies of (their copy counts)."""
    pks = [pk for pk in pks if pk is not None]
    if not pks:
        return
    rows = set(Initiative.objects.filter(pk__in=pks).values_list("campaign_id", "unit_id"))
    originals = Replication.objects.filter(copy_id__in=pks).values("original_id")
    rows |= set(Initiative.objects.filter(pk__in=originals).values_list("campaign_id", "unit_id"))
    by_campaign: dict[int, set[int]] = {}
    for campaign, unit in rows:
        by_campaign.setdefault(campaign, set()).add(unit)
    for campaign in sorted(by_campaign):
        tally.refresh(campaign, by_campaign[campaign])


@receiver(pre_save, sender=Initiative)
def _remember_place(sender, instance: Initiative, raw=False, **kwargs):
    """Where the initiative was counted before this save (its campaign and unit may change)."""
    before = None
    if instance.pk and not raw:
        before = Initiative.objects.filter(pk=instance.pk).values_list("campaign_id", "unit_id").first()
    setattr(instance, "_tally_before", before)  # noqa: B010


@receiver(post_save, sender=Initiative)
def _initiative_saved(sender, instance: Initiative, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_tally_before", None)
    if before and before != (instance.campaign_id, instance.unit_id):
        tally.refresh(before[0], [before[1]])
    _of_initiatives([instance.pk])


@receiver(post_delete, sender=Initiative)
def _initiative_deleted(sender, instance: Initiative, **kwargs):
    tally.refresh(instance.campaign_id, [instance.unit_id])


@receiver(m2m_changed, sender=Initiative.fields.through)
def _fields_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # a field's initiatives changed
        _of_initiatives(list(pk_set or []))
    else:
        _of_initiatives([instance.pk])


@receiver(post_save, sender=Assessment)
@receiver(post_delete, sender=Assessment)
@receiver(post_save, sender=CommendationEntry)
@receiver(post_delete, sender=CommendationEntry)
@receiver(post_save, sender=ProgressReport)
@receiver(post_delete, sender=ProgressReport)
@receiver(post_save, sender=Indicator)
@receiver(post_delete, sender=Indicator)
@receiver(post_save, sender=Attachment)
@receiver(post_delete, sender=Attachment)
def _about_initiative_changed(sender, instance, raw=False, **kwargs):
    """Something counted about one initiative: an assessment, a commendation, a report, an indicator, an attachment
    (evidence for the quality flags)."""
    if not raw:
        _of_initiatives([instance.initiative_id])


@receiver(post_save, sender=IndicatorValue)
@receiver(post_delete, sender=IndicatorValue)
@receiver(post_save, sender=Evidence)
@receiver(post_delete, sender=Evidence)
def _of_report_changed(sender, instance, raw=False, **kwargs):
    """Part of a report changed: a value (counted in the indicator totals once the report is no longer a draft) or a
    piece of evidence (which, in a report that is not a draft, lifts the initiative's "no evidence" flag)."""
    if not raw:
        _of_initiatives(
            list(ProgressReport.objects.filter(pk=instance.report_id).values_list("initiative_id", flat=True))
        )


@receiver(post_save, sender=AssessmentPhoto)
@receiver(post_delete, sender=AssessmentPhoto)
def _photo_changed(sender, instance: AssessmentPhoto, raw=False, **kwargs):
    """A scoring's photo is evidence too."""
    if not raw:
        _of_initiatives(
            list(Assessment.objects.filter(pk=instance.assessment_id).values_list("initiative_id", flat=True))
        )


@receiver(pre_save, sender=ReportingPeriod)
def _remember_deadline(sender, instance: ReportingPeriod, raw=False, **kwargs):
    before = None
    if instance.pk and not raw:
        before = ReportingPeriod.objects.filter(pk=instance.pk).values_list("due_on", flat=True).first()
    setattr(instance, "_tally_due_on", before)  # noqa: B010


@receiver(post_save, sender=ReportingPeriod)
def _deadline_changed(sender, instance: ReportingPeriod, created=False, raw=False, **kwargs):
    """A moved deadline changes which reports were on time: the campaign is counted again."""
    before = getattr(instance, "_tally_due_on", None)
    if raw or created or before is None or before == instance.due_on:
        return
    tally.rebuild([instance.campaign_id])


@receiver(post_save, sender=Replication)
@receiver(post_delete, sender=Replication)
def _replication_changed(sender, instance: Replication, raw=False, **kwargs):
    if not raw:
        _of_initiatives([instance.original_id])


@receiver(pre_save, sender=Organization)
def _remember_tree(sender, instance: Organization, raw=False, **kwargs):
    before = None
    if instance.pk and not raw:
        before = Organization.objects.filter(pk=instance.pk).values_list(*_TREE).first()
    setattr(instance, "_tally_tree", before)  # noqa: B010


@receiver(post_save, sender=Organization)
def _organization_saved(sender, instance: Organization, created=False, raw=False, **kwargs):
    """A unit that moved, changed kind or was (de)activated changes what its ancestors count: everything is
    computed again once the change is committed (a move saves every descendant: one computation for all)."""
    before = getattr(instance, "_tally_tree", None)
    if raw or created or before is None or not before[1]:  # not placed yet: its first save
        return
    if before == tuple(getattr(instance, f) for f in _TREE):
        return
    # Once per transaction: the callbacks waiting for this one's commit are those of its savepoints that were not
    # rolled back (a flag on the connection would outlive a rollback that dropped its callback).
    waiting = transaction.get_connection().run_on_commit
    if any(isinstance(func, _RebuildOnCommit) and not func.done for _sids, func, _robust in waiting):
        return
    transaction.on_commit(_RebuildOnCommit())


class _RebuildOnCommit:
    done = False

    def __call__(self) -> None:
        self.done = True
        tally.rebuild()
