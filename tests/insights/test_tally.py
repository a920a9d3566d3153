"""The stored counts behind the dashboards equal a fresh count after every kind of change: each change below goes
through the application's services (or, for what has no service here, the model), and then (a) the stored rows
equal those computed again from scratch, and (b) every figure a persona reads from them equals the same figure
counted afresh from the initiatives."""

import contextlib
import datetime as dt

import pytest
from django.db import transaction
from django.db.models import Count

from danvan.assessments.models import Assessment, AssessmentPhoto
from danvan.initiatives import services as initiatives
from danvan.initiatives.models import Attachment, Initiative
from danvan.insights import tally
from danvan.insights.checking import fresh_indicator_totals, fresh_reporting, indicator_totals, reporting
from danvan.insights.models import FieldTally, FlagTally, IndicatorTally, ReportTally, Tally, UnitTally
from danvan.insights.statistics import (
    DASHBOARD_FLAGS,
    STAGES,
    _by_field_kind,
    _flagged_by_unit,
    fresh_by_field_kind,
    fresh_stage_counts,
    stage_counts,
)
from danvan.insights.summary import (
    _fresh_figures,
    _units,
    campaign_summary,
    registered_unit_ids,
    unregistered_units,
)
from danvan.orgs.models import Organization
from danvan.orgs.services import organization_update
from danvan.progress.models import Evidence, IndicatorValue, ProgressReport
from danvan.recognition import services as recognition
from danvan.recognition.flags import any_flag, flag_condition
from danvan.recognition.models import Commendation

pytestmark = pytest.mark.django_db
S = Initiative.Status


def stored():
    return (
        sorted(Tally.objects.values_list("campaign_id", "node_id", "parent_id", "n", "copies", *tally.KEY)),
        sorted(
            FieldTally.objects.values_list("campaign_id", "node_id", "parent_id", "field_id", "kind", "status", "n")
        ),
        sorted(
            UnitTally.objects.values_list(
                "campaign_id", "node_id", "parent_id", "registered", "surveyed", "self_assessed"
            )
        ),
        sorted(
            ReportTally.objects.values_list("campaign_id", "node_id", "parent_id", "period_id", "submitted", "on_time")
        ),
        sorted(
            IndicatorTally.objects.values_list(
                "campaign_id", "node_id", "parent_id", "unit_of_measure", "target", "initiatives", "actual"
            )
        ),
        sorted(FlagTally.objects.values_list("campaign_id", "node_id", "parent_id", "measured", "shown", "sent", "n")),
    )


def fresh_flagged(campaign, user, periods) -> dict[int, int]:
    """The accepted initiatives carrying one of the dashboard's flags, counted afresh per unit one level below."""
    units = tally.units_below(tally.terms_for(campaign, user))
    flagged = (
        Initiative.objects.visible_to(user)
        .filter(campaign=campaign, status=S.ACCEPTED)
        .filter(any_flag(DASHBOARD_FLAGS, periods=periods))
    )
    counts = {u.pk: flagged.filter(unit__path__startswith=u.path).count() for u in units}
    return {pk: n for pk, n in counts.items() if n}


def personas(demo):
    return [demo.admin, demo.leader, demo.officer]


def assert_fresh(demo, *campaigns):
    """The stored counts are what a computation from scratch gives, and every persona's figures are fresh."""
    before = stored()
    tally.rebuild()
    assert stored() == before, "the stored counts drifted from a fresh computation"
    for campaign in campaigns or (demo.c2017, demo.c2018):
        for user in personas(demo):
            # The officer of a cell counts for a base organisation they do not see: counted afresh, not stored.
            assert (tally.terms_for(campaign, user) is not None) == (user != demo.officer)
            assert stage_counts(campaign, user) == fresh_stage_counts(campaign, user), (campaign.year, user)
            assert {k: n for k, n in _by_field_kind(campaign, user).items() if n} == fresh_by_field_kind(campaign, user)
            summary = campaign_summary(campaign=campaign, user=user, checking=False)
            fresh = _fresh_figures(campaign, user)
            assert summary["initiatives"] == fresh["initiatives"]
            assert summary["units_registered"] == fresh["units_registered"]
            assert summary["by_status"] == fresh["by_status"]
            assert {k: v for k, v in fresh["by_kind"].items() if v} == {
                k: summary[k] for k in ("collective", "individual") if summary[k]
            }
            assert {f["id"]: f["count"] for f in summary["by_field"] if f["count"]} == {
                k: v for k, v in fresh["field_counts"].items() if k is not None and v
            }
            assert indicator_totals(campaign, user) == fresh_indicator_totals(campaign, user)
            fresh_unregistered = _units(campaign, user).exclude(pk__in=registered_unit_ids(campaign, user))
            assert list(unregistered_units(campaign, user)) == list(fresh_unregistered.order_by("name"))
            stored_rates = reporting(campaign, user)
            fresh_rates = fresh_reporting(campaign, user, stored_rates.periods)
            assert stored_rates.total == fresh_rates.total and stored_rates.by_period == fresh_rates.by_period
            flagged = {u.pk: n for u, n in _flagged_by_unit(campaign, user, stored_rates.periods)}
            if user != demo.officer:
                assert flagged == fresh_flagged(campaign, user, stored_rates.periods), (campaign.year, user)
            if user == demo.admin:  # the bloc's units one level down are its base organisations
                assert {u.unit_id: u.total for u in stored_rates.units} == {
                    u.unit_id: u.total for u in fresh_rates.units
                }


def test_the_demo_counts_are_fresh_and_every_stage_is_covered(demo):
    assert set(stage_counts(demo.c2017, demo.admin)) == set(STAGES)
    assert stage_counts(demo.c2017, demo.admin)["registered"] == 110  # the 2017 story's registrations
    assert Tally.objects.exists() and UnitTally.objects.exists() and FieldTally.objects.exists()
    assert_fresh(demo)


def _draft(demo):
    """A new registration of the demo officer's unit in the running campaign."""
    return initiatives.initiative_create(
        campaign=demo.c2018,
        unit=demo.officer.memberships.first().organization,
        by=demo.admin,
        title="Mô hình thử số liệu tổng hợp",
        kind=Initiative.Kind.COLLECTIVE,
        fields=list(demo.c2018.fields.all()[:2]),
        goals="Giúp 100 hộ",
        implementers="Chi bộ chủ trì",
        target_groups="Người dân",
        beneficiaries="Hộ nghèo",
        method="Vận động từng nhà",
    )


def test_registration_workflow_keeps_counts_fresh(demo):
    draft = _draft(demo)
    assert_fresh(demo, demo.c2018)
    initiatives.initiative_update(
        initiative=draft, by=demo.admin, expected_version=draft.version, fields=list(demo.c2018.fields.all()[3:4])
    )
    assert_fresh(demo, demo.c2018)
    draft.refresh_from_db()
    initiatives.initiative_submit(initiative=draft, by=demo.admin)
    assert_fresh(demo, demo.c2018)
    draft.refresh_from_db()
    initiatives.initiative_return(initiative=draft, by=demo.admin, comment="Bổ sung chỉ tiêu")
    assert_fresh(demo, demo.c2018)
    draft.refresh_from_db()
    initiatives.initiative_submit(initiative=draft, by=demo.admin)
    draft.refresh_from_db()
    initiatives.initiative_accept(initiative=draft, by=demo.admin)
    assert_fresh(demo, demo.c2018)
    second = _draft(demo)
    initiatives.initiative_submit(initiative=second, by=demo.admin)
    second.refresh_from_db()
    initiatives.initiative_withdraw(initiative=second, by=demo.admin)
    assert_fresh(demo, demo.c2018)


def test_assessments_results_commendations_and_copies_keep_counts_fresh(demo):
    c = demo.c2017
    accepted = Initiative.objects.filter(campaign=c, status=S.ACCEPTED)
    # A team's score and a unit's self-assessment reopened for correction (as `assessment_reopen` does; the
    # campaign is closed, so the service would refuse): no longer counted as assessed.
    for kind in (Assessment.Kind.TEAM, Assessment.Kind.SELF):
        done = Assessment.objects.submitted().filter(initiative__campaign=c, kind=kind).order_by("pk").first()
        if done is not None:
            done.status = Assessment.Status.DRAFT
            done.save(update_fields=["status"])
            assert_fresh(demo, c)
    # A sent quarterly report taken back to draft (as reopening it does), and a deadline moved later.
    report = ProgressReport.objects.sent().filter(initiative__campaign=c).order_by("pk").first()
    report.status = ProgressReport.Status.DRAFT
    report.save(update_fields=["status"])
    assert_fresh(demo, c)
    # Evidence where there was none: a photo in a sent report, then removed; an attachment; a scoring's photo.
    flagged_before = _flagged_by_unit(c, demo.admin, reporting(c, demo.admin).periods)
    bare = accepted.filter(flag_condition("no_evidence", periods=[])).order_by("pk")
    sent = ProgressReport.objects.sent().filter(initiative__in=bare).order_by("pk").first()
    evidence = Evidence.objects.create(
        report=sent, file="x.jpg", original_name="x.jpg", content_type="image/jpeg", size=1
    )
    assert_fresh(demo, c)
    evidence.delete()
    assert_fresh(demo, c)
    Attachment.objects.create(
        initiative=bare[0], file="k.pdf", original_name="k.pdf", content_type="application/pdf", size=1
    )
    assert_fresh(demo, c)
    scored = Assessment.objects.filter(initiative__in=bare[1:]).order_by("pk").first()
    AssessmentPhoto.objects.create(
        assessment=scored, file="a.jpg", original_name="a.jpg", content_type="image/jpeg", size=1
    )
    assert_fresh(demo, c)
    assert _flagged_by_unit(c, demo.admin, reporting(c, demo.admin).periods) != flagged_before
    # A value of a sent report corrected, an accepted initiative's target corrected, then the indicator removed
    # (through the models: the services change neither once sent): the indicator totals follow.
    before = indicator_totals(c, demo.admin)
    value = IndicatorValue.objects.filter(report__initiative__in=accepted).exclude(report__status="draft").first()
    value.value += 5
    value.save()
    assert_fresh(demo, c)
    indicator = value.indicator
    indicator.target += 7
    indicator.save()
    assert_fresh(demo, c)
    assert indicator_totals(c, demo.admin) != before
    indicator.delete()
    assert_fresh(demo, c)
    period = c.periods.order_by("starts_on").first()
    period.due_on += dt.timedelta(days=60)
    period.save()
    assert_fresh(demo, c)
    # A result decided (the campaign is over: decided as the bloc would on its board).
    undecided = accepted.filter(result="").first() or accepted.exclude(result=Initiative.Result.EXEMPLARY).first()
    recognition.result_decide(initiative=undecided, by=demo.admin, result="exemplary", reason="Hiệu quả rõ rệt")
    assert_fresh(demo, c)
    # A commendation decision cancelled (its entries go with it).
    decision = Commendation.objects.filter(campaign=c).annotate(n=Count("entries")).filter(n__gt=0).first()
    recognition.commendation_delete(commendation=decision, by=demo.admin)
    assert_fresh(demo, c)
    # An exemplary initiative taken up by another unit in the next campaign; the copy then withdrawn.
    original = Initiative.objects.filter(campaign=c, result=Initiative.Result.EXEMPLARY).first()
    other = Organization.objects.base_units().exclude(pk=original.unit.base_id or original.unit_id).first()
    problem = recognition.replication_problem(original=original, unit=other)
    if problem:
        pytest.skip(problem)
    copy = recognition.initiative_replicate(original=original, campaign=demo.c2018, unit=other, by=demo.admin)
    assert_fresh(demo, c, demo.c2018)
    initiatives.initiative_withdraw(initiative=copy, by=demo.admin)
    assert_fresh(demo, c, demo.c2018)


def test_tree_changes_keep_counts_fresh(demo, django_capture_on_commit_callbacks):
    c = demo.c2017
    counted = Initiative.objects.filter(campaign=c, status=S.ACCEPTED).values("unit__base_id")
    unit = Organization.objects.filter(pk__in=counted).order_by("name").first()
    with django_capture_on_commit_callbacks(execute=True):
        organization_update(org=unit, by=demo.admin, is_active=False)
    assert_fresh(demo, c)
    # A cell moved to another base organisation: both bases and their ancestors count again.
    cell = Organization.objects.filter(kind=Organization.Kind.CELL, initiatives__campaign=c).first()
    if cell is not None:
        target = Organization.objects.base_units().exclude(pk=cell.parent_id).order_by("name").first()
        with django_capture_on_commit_callbacks(execute=True):
            organization_update(org=cell, by=demo.admin, parent=target)
        assert_fresh(demo, c)


def test_a_tree_change_after_one_rolled_back_is_still_counted(demo, django_capture_on_commit_callbacks):
    """A change of the tree is counted once its transaction commits; one rolled back before it leaves nothing behind
    that would let the next go uncounted."""
    c = demo.c2017
    counted = Initiative.objects.filter(campaign=c, status=S.ACCEPTED).values("unit__base_id")
    first, second = Organization.objects.filter(pk__in=counted).order_by("name")[:2]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with contextlib.suppress(_Undone), transaction.atomic():
            organization_update(org=first, by=demo.admin, is_active=False)
            raise _Undone
        organization_update(org=second, by=demo.admin, is_active=False)
    assert len(callbacks) == 1
    assert Organization.objects.get(pk=first.pk).is_active
    assert_fresh(demo, c)


class _Undone(Exception):
    pass


def test_changes_in_a_deferred_block_are_counted_as_it_ends_and_not_after_an_error(demo):
    """Many changes in a row (the demo's loading) gather their units and count them once, when the block ends."""
    before = stored()
    with tally.deferred():
        draft = _draft(demo)
        with tally.deferred():  # an inner block leaves the counting to the outer one
            initiatives.initiative_update(
                initiative=draft, by=demo.admin, expected_version=None, title="Mô hình thử, tên mới"
            )
        assert stored() == before
        initiatives.initiative_submit(initiative=draft, by=demo.admin)
        assert stored() == before
    assert stored() != before
    assert_fresh(demo, demo.c2018)
    counted = stored()
    with contextlib.suppress(_Undone), transaction.atomic(), tally.deferred():
        initiatives.initiative_withdraw(initiative=draft, by=demo.admin)
        raise _Undone
    assert stored() == counted


def test_a_changed_unit_counts_where_it_now_is(demo):
    draft = _draft(demo)
    initiatives.initiative_submit(initiative=draft, by=demo.admin)
    draft.refresh_from_db()
    elsewhere = Organization.objects.base_units().exclude(pk=draft.unit_id).order_by("name").first()
    draft.unit = elsewhere  # moved by the administrator's edit of the record
    draft.save()
    assert_fresh(demo, demo.c2018)
    Initiative.objects.filter(pk=draft.pk).first().delete()
    assert_fresh(demo, demo.c2018)
