"""Reads of the year-end review, narrowed by who asks: 404 outside the user's scope, 403 when they may not act."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from danvan.campaigns.models import Campaign
from danvan.campaigns.selectors import campaign_for_user
from danvan.core.access import scope_for
from danvan.initiatives.models import Initiative
from danvan.initiatives.selectors import initiative_for_user
from danvan.orgs.models import Organization
from danvan.recognition.models import Commendation, CommendationEntry, Replication, ShortlistEntry
from danvan.recognition.rules import adoptable, may_read_review, may_review


def review_campaign_for_user(user, pk) -> tuple[Campaign, bool]:
    """A campaign's review papers (board, rounds) and whether the user decides: 404 when the campaign is not
    theirs to see, 403 for those who see it but are not the bloc (units' officers, survey members)."""
    campaign, _can_edit = campaign_for_user(user, pk)
    scope = scope_for(user)
    if not may_read_review(scope, campaign):
        raise PermissionDenied
    return campaign, may_review(scope, campaign)


def review_initiative_for_user(user, pk, *, write: bool = False) -> tuple[Initiative, bool]:
    """An initiative under review and whether the user may decide it (403 if `write` is refused)."""
    initiative, _perms = initiative_for_user(user, pk)
    campaign = initiative.campaign  # read with its organisation
    scope = scope_for(user)
    can_review = may_review(scope, campaign)
    if not (can_review or may_read_review(scope, campaign)) or (write and not can_review):
        raise PermissionDenied
    return initiative, can_review


def shortlist_entry_for_user(user, pk) -> ShortlistEntry:
    try:
        return (
            ShortlistEntry.objects.visible_to(user)
            .select_related("initiative__unit", "campaign__organization")
            .get(pk=pk)
        )
    except (ShortlistEntry.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def round_entries(campaign: Campaign, round_no: int, user):
    return (
        ShortlistEntry.objects.visible_to(user)
        .filter(campaign=campaign, round=round_no)
        .select_related("initiative__unit", "added_by")
        .order_by("initiative__unit__path", "initiative_id")
    )


def rounds_of(campaign: Campaign, user) -> dict[int, int]:
    """{round: number of initiatives} of the campaign's shortlist."""
    counts: dict[int, int] = defaultdict(int)
    for r in ShortlistEntry.objects.visible_to(user).filter(campaign=campaign).values_list("round", flat=True):
        counts[r] += 1
    return dict(sorted(counts.items()))


def commendation_for_user(user, pk) -> Commendation:
    """A decision: published to everyone signed in who sees its campaign."""
    try:
        return (
            Commendation.objects.visible_to(user)
            .select_related("campaign__organization", "issuing_org__parent", "created_by")
            .get(pk=pk)
        )
    except (Commendation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def commendation_entry_for_user(user, pk) -> CommendationEntry:
    try:
        return CommendationEntry.objects.select_related(
            "commendation__campaign__organization", "commendation__issuing_org__parent", "initiative__unit"
        ).get(pk=pk, commendation__in=Commendation.objects.visible_to(user))
    except (CommendationEntry.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def entries_of(commendation: Commendation):
    return commendation.entries.select_related("initiative__unit", "initiative__campaign", "assessment__team")


def unhonoured_exemplary(campaign: Campaign):
    """The campaign's exemplary initiatives that no decision has commended yet: the candidates of a new one."""
    return (
        Initiative.objects.filter(
            campaign=campaign, status=Initiative.Status.ACCEPTED, result=Initiative.Result.EXEMPLARY
        )
        .exclude(pk__in=CommendationEntry.objects.values("initiative_id"))
        .select_related("unit")
        .order_by("unit__path", "pk")
    )


def visible_ids(user, ids) -> set[int]:
    """Which of these initiatives the user may open (the others are shown as text, without a link)."""
    return set(Initiative.objects.visible_to(user).filter(pk__in=list(ids)).values_list("pk", flat=True))


# --- Replication ---------------------------------------------------------------------------------------------------


def original_for_user(user, pk) -> Initiative:
    """An initiative the user may open to adopt: one they see, or an exemplary one of another unit that the rules
    make adoptable (published on the showcase). Anything else is a 404."""
    visible = Initiative.objects.visible_to(user).values("pk")
    try:
        return (
            Initiative.objects.filter(Q(pk__in=visible) | Q(pk__in=adoptable(user).values("pk")))
            .select_related("campaign__organization", "unit__parent")
            .get(pk=pk)
        )
    except (Initiative.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def replication_campaigns(user, original: Initiative):
    """Campaigns a copy can be registered in: launched, open for registration today, seen by the user, not
    older than the original's."""
    today = timezone.localdate()
    return (
        Campaign.objects.visible_to(user)
        .filter(
            status=Campaign.Status.LAUNCHED,
            registration_opens__lte=today,
            registration_closes__gte=today,
            year__gte=original.campaign.year,
        )
        .select_related("organization")
        .order_by("-year", "name")
    )


def replication_units(user):
    """Units the user may register for: their own unit and its cells, or any unit under an administrator."""
    scope = scope_for(user)
    return (
        Organization.objects.filter(scope.q_subtree("path", scope.officer_paths) | scope.q_administered())
        .filter(kind__in=[*Organization.BASE_KINDS, Organization.Kind.CELL], is_active=True)
        .order_by("path")
    )


# --- The review card of an initiative's page -----------------------------------------------------------------------


@dataclass
class InitiativeRecognition:
    """What the initiative page shows about its year-end review, its honours and its spread."""

    honours: list[CommendationEntry] = field(default_factory=list)
    original: Initiative | None = None
    original_visible: bool = False
    copies: list[Initiative] = field(default_factory=list)
    flags: list = field(default_factory=list)
    show_flags: bool = False
    can_decide: bool = False
    can_replicate: bool = False

    @property
    def has_content(self) -> bool:
        return bool(self.honours or self.original or self.copies or self.flags or self.can_decide)


def _base_path(unit: Organization) -> str | None:
    """The path of the base organisation a unit counts for, when it can be told without a query."""
    if unit.base_id in (None, unit.pk):
        return unit.path
    if unit.parent_id == unit.base_id and unit.parent is not None:
        return unit.parent.path
    return None


def initiative_recognition(initiative: Initiative, user, *, large_gap: bool = False) -> InitiativeRecognition:
    """The review card of one initiative, in a fixed number of queries (one, two when it was copied or is a copy,
    plus the flags for the bloc)."""
    from danvan.insights.checking import due_periods
    from danvan.insights.review import honours_of
    from danvan.recognition.flags import quality_flags

    scope = scope_for(user)
    out = InitiativeRecognition()
    # The links by their keys first (none, mostly: one index lookup), then the few initiatives they name, each with
    # whether the reader may open it. (A filter on the copies' visibility in the links' query was planned as a scan
    # of every visible initiative: 1.5 s at a million for an initiative that was copied.)
    links = list(
        Replication.objects.filter(Q(copy=initiative) | Q(original=initiative)).values_list("original_id", "copy_id")
    )
    if links:
        visible = Initiative.objects.visible_to(user)
        named = (
            Initiative.objects.filter(pk__in={pk for link in links for pk in link} - {initiative.pk})
            .select_related("unit", "campaign")
            .annotate(readable=Exists(visible.filter(pk=OuterRef("pk"))))
        )
        for other in named:
            if any(copy == initiative.pk and original == other.pk for original, copy in links):
                out.original, out.original_visible = other, other.readable
            elif other.readable and other.status != Initiative.Status.WITHDRAWN:
                out.copies.append(other)
    out.copies.sort(key=lambda c: (c.campaign.year, c.unit.name))
    if initiative.result == Initiative.Result.EXEMPLARY:
        out.honours = list(honours_of(initiative=initiative))
        base = _base_path(initiative.unit)
        out.can_replicate = scope.is_admin or any(
            base is None or not (p.startswith(base) or base.startswith(p)) for p in scope.officer_paths
        )
    if initiative.status in Initiative.REGISTERED_STATUSES and (scope.is_admin or scope.is_leader):
        campaign = initiative.campaign  # with its organisation and periods when the page has read them
        out.show_flags = may_read_review(scope, campaign)
        out.can_decide = may_review(scope, campaign) and initiative.status == Initiative.Status.ACCEPTED
        if out.show_flags:
            # Missing reports are only counted against an accepted initiative: no periods to look up otherwise.
            due = len(due_periods(campaign)) if initiative.status == Initiative.Status.ACCEPTED else 0
            flags = quality_flags([initiative], due_periods=due, gaps={initiative.pk: large_gap})
            out.flags = flags.get(initiative.pk, [])
    return out


def honours_by_year(unit: Organization) -> list[tuple[int, list[CommendationEntry]]]:
    """A unit's honours (its cells' too), grouped by the year of the campaign, newest first."""
    from danvan.insights.review import honours_of

    years: dict[int, list[CommendationEntry]] = defaultdict(list)
    for entry in honours_of(unit=unit):
        years[entry.initiative.campaign.year].append(entry)
    return sorted(years.items(), reverse=True)
