"""Figures of the year-end review: the ranked board with raw and standardised scores, the results and
commendations counted, and the spread of exemplary initiatives. Pages, API and documents read these."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Q

from danvan.assessments.models import Assessment
from danvan.assessments.services import gap, is_large_gap
from danvan.campaigns.models import Campaign
from danvan.initiatives.models import Initiative, visibility
from danvan.insights.checking import due_periods, is_rate
from danvan.progress.models import IndicatorValue, ProgressReport
from danvan.recognition.flags import Flag, quality_flags
from danvan.recognition.models import CommendationEntry, Replication, ShortlistEntry

SELF_GROUP = "self"
_CENT = Decimal("0.01")


def _q(value: float) -> Decimal:
    return Decimal(str(value)).quantize(_CENT, rounding=ROUND_HALF_UP)


@dataclass
class GroupScale:
    """How one team (or the self-assessments) scored: its mean and spread, used to put everyone on one scale."""

    name: str
    count: int
    mean: Decimal
    sd: Decimal


def standardise(scores: dict[int, tuple[str, Decimal]]) -> tuple[dict[int, Decimal], list[GroupScale]]:
    """Per-group standardisation: each score becomes overall mean + overall sd × (score − group mean) / group sd.

    A harsh team and a lenient team then stand on the same scale; the order inside a team never changes.
    A group of one, or whose scores are all equal, is only shifted by the difference of means.
    `scores` maps an initiative to (group, raw score); the answer maps it to its standardised score.
    """
    if not scores:
        return {}, []
    values = [float(v) for _g, v in scores.values()]
    overall_mean = statistics.fmean(values)
    overall_sd = statistics.pstdev(values) if len(values) > 1 else 0.0
    groups: dict[str, list[float]] = defaultdict(list)
    for g, v in scores.values():
        groups[g].append(float(v))
    scales = {}
    for g, vs in groups.items():
        scales[g] = (statistics.fmean(vs), statistics.pstdev(vs) if len(vs) > 1 else 0.0)
    out = {}
    for pk, (g, v) in scores.items():
        mean, sd = scales[g]
        if sd > 0 and overall_sd > 0:
            out[pk] = _q(overall_mean + overall_sd * (float(v) - mean) / sd)
        else:
            out[pk] = _q(overall_mean + float(v) - mean)
    summary = [GroupScale(g, len(vs), _q(scales[g][0]), _q(scales[g][1])) for g, vs in sorted(groups.items())]
    return out, summary


@dataclass
class ReviewRow:
    initiative: Initiative
    team: str
    team_total: Decimal | None
    self_total: Decimal | None
    raw: Decimal | None
    standardised: Decimal | None
    gap: Decimal | None
    indicator_percent: float | None
    reports_sent: int
    reports_due: int
    feedback_count: int
    feedback_average: float | None
    flags: list[Flag]
    rounds: list[int] = field(default_factory=list)
    rank: int | None = None

    @property
    def basis(self) -> str:
        return "team" if self.team_total is not None else ("self" if self.self_total is not None else "")


@dataclass
class ReviewBoard:
    rows: list[ReviewRow]
    scales: list[GroupScale]
    rounds: list[int]
    due: int


def review_board(campaign: Campaign, user, *, order: str = "standardised") -> ReviewBoard:
    """Every accepted initiative of the campaign the user may see, ranked by its (standardised) score."""
    initiatives = list(
        Initiative.objects.visible_to(user)
        .filter(campaign=campaign, status=Initiative.Status.ACCEPTED)
        .select_related("unit", "campaign", "assignment__team")
        .order_by("unit__path", "pk")
    )
    ids = [i.pk for i in initiatives]
    totals: dict[tuple[int, str], Decimal | None] = {}
    for initiative_id, kind, total in (
        Assessment.objects.submitted()
        .filter(initiative_id__in=ids, kind__in=[Assessment.Kind.TEAM, Assessment.Kind.SELF])
        .values_list("initiative_id", "kind", "total")
    ):
        totals[(initiative_id, kind)] = total
    periods = due_periods(campaign)
    sent = dict(
        ProgressReport.objects.sent()
        .filter(initiative_id__in=ids, period__in=periods)
        .values_list("initiative_id")
        .annotate(n=Count("id"))
    )
    achievement = indicator_achievement(ids)
    feedback = _feedback(ids)
    rounds_of: dict[int, list[int]] = defaultdict(list)
    for initiative_id, r in ShortlistEntry.objects.filter(initiative_id__in=ids).values_list("initiative_id", "round"):
        rounds_of[initiative_id].append(r)
    scores: dict[int, tuple[str, Decimal]] = {}
    gaps: dict[int, bool] = {}
    rows = []
    for i in initiatives:
        team_total = totals.get((i.pk, Assessment.Kind.TEAM))
        self_total = totals.get((i.pk, Assessment.Kind.SELF))
        assignment = getattr(i, "assignment", None)
        team = assignment.team.name if assignment and team_total is not None else ""
        raw = team_total if team_total is not None else self_total
        if raw is not None:
            scores[i.pk] = (team or SELF_GROUP, raw)
        g = gap(self_total, team_total)
        gaps[i.pk] = is_large_gap(g)
        count, average = feedback.get(i.pk, (0, None))
        rows.append(
            ReviewRow(
                initiative=i,
                team=team,
                team_total=team_total,
                self_total=self_total,
                raw=raw,
                standardised=None,
                gap=g,
                indicator_percent=achievement.get(i.pk),
                reports_sent=sent.get(i.pk, 0),
                reports_due=len(periods),
                feedback_count=count,
                feedback_average=average,
                flags=[],
                rounds=sorted(rounds_of.get(i.pk, [])),
            )
        )
    standardised, scales = standardise(scores)
    flags = quality_flags(initiatives, due_periods=len(periods), gaps=gaps, sent=sent)
    for row in rows:
        row.standardised = standardised.get(row.initiative.pk)
        row.flags = flags.get(row.initiative.pk, [])
    key = "raw" if order == "raw" else "standardised"
    ranked = sorted(rows, key=lambda r: (getattr(r, key) is None, -(getattr(r, key) or 0), r.initiative.pk))
    for n, row in enumerate(ranked, start=1):
        row.rank = n if getattr(row, key) is not None else None
    all_rounds = sorted({r for row in rows for r in row.rounds})
    return ReviewBoard(ranked, scales, all_rounds, len(periods))


def indicator_achievement(initiative_ids: list[int]) -> dict[int, float]:
    """Per initiative, the mean share of its indicators' targets reached (each capped at 100%), from sent reports."""
    from danvan.initiatives.models import Indicator

    indicators = list(
        Indicator.objects.filter(initiative_id__in=initiative_ids).values_list(
            "pk", "initiative_id", "target", "unit_of_measure"
        )
    )
    values: dict[int, list[tuple[date, Decimal]]] = defaultdict(list)
    for indicator_id, period_pos, value in (
        IndicatorValue.objects.filter(indicator_id__in=[x[0] for x in indicators])
        .exclude(report__status=ProgressReport.Status.DRAFT)
        .values_list("indicator_id", "report__period__starts_on", "value")
    ):
        values[indicator_id].append((period_pos, value))
    shares: dict[int, list[float]] = defaultdict(list)
    for pk, initiative_id, target, unit in indicators:
        given = [v for _p, v in sorted(values.get(pk, []))]
        actual = (given[-1] if given else Decimal(0)) if is_rate(unit) else sum(given, Decimal(0))
        if target and target > 0:
            shares[initiative_id].append(min(100.0, float(100 * actual / target)))
    return {k: round(statistics.fmean(v), 1) for k, v in shares.items() if v}


def _feedback(initiative_ids: list[int]) -> dict[int, tuple[int, float | None]]:
    """Published citizens' feedback per initiative: how many, and the mean satisfaction (1–5)."""
    from danvan.showcase.models import Feedback

    rows = (
        Feedback.objects.shown()
        .filter(entry__initiative_id__in=initiative_ids)
        .values_list("entry__initiative_id")
        .annotate(n=Count("id"), avg=Avg("rating"))
    )
    return {pk: (n, round(float(avg), 2) if avg is not None else None) for pk, n, avg in rows}


@dataclass
class RecognitionFigures:
    not_achieved: int
    recognised: int
    exemplary: int
    undecided: int
    commended: int
    commendations: int
    replications: int
    replicated: int


def recognition_figures(campaign: Campaign, user) -> RecognitionFigures:
    """Results decided, initiatives commended, and copies made of this campaign's initiatives."""
    from danvan.insights import tally
    from danvan.insights.statistics import STAGE_TESTS

    terms = tally.terms_for(campaign, user)
    if terms is not None:
        f = tally.figures(campaign, terms)
        visible = Initiative.objects.visible_to(user).filter(campaign=campaign, status=Initiative.Status.ACCEPTED)
        decisions = (
            CommendationEntry.objects.filter(commendation__campaign=campaign, initiative__in=visible)
            .values("commendation_id")
            .distinct()
            .count()
        )
        return RecognitionFigures(
            not_achieved=f.count(STAGE_TESTS["not_achieved"]),
            recognised=f.count(lambda x: x["status"] == Initiative.Status.ACCEPTED and x["result"] == "recognised"),
            exemplary=f.count(STAGE_TESTS["exemplary"]),
            undecided=f.count(STAGE_TESTS["undecided"]),
            commended=f.count(STAGE_TESTS["commended"]),
            commendations=decisions,
            replications=f.copies_of(STAGE_TESTS["accepted"]),
            replicated=f.count(STAGE_TESTS["replicated"]),
        )
    accepted = Initiative.objects.visible_to(user).filter(campaign=campaign, status=Initiative.Status.ACCEPTED)
    R = Initiative.Result
    counts = dict(accepted.values_list("result").annotate(n=Count("id")))
    honours = CommendationEntry.objects.filter(commendation__campaign=campaign, initiative__in=accepted).aggregate(
        initiatives=Count("initiative_id", distinct=True), decisions=Count("commendation_id", distinct=True)
    )
    copies = (
        Replication.objects.filter(original__in=accepted)
        .exclude(copy__status=Initiative.Status.WITHDRAWN)
        .aggregate(copies=Count("id"), originals=Count("original_id", distinct=True))
    )
    return RecognitionFigures(
        not_achieved=counts.get(R.NOT_ACHIEVED, 0),
        recognised=counts.get(R.RECOGNISED, 0),
        exemplary=counts.get(R.EXEMPLARY, 0),
        undecided=counts.get("", 0),
        commended=honours["initiatives"],
        commendations=honours["decisions"],
        replications=copies["copies"],
        replicated=copies["originals"],
    )


@dataclass
class SpreadNode:
    initiative: Initiative
    copies: list["SpreadNode"] = field(default_factory=list)

    @property
    def size(self) -> int:
        """Copies below this initiative, at any depth."""
        return sum(1 + c.size for c in self.copies)


_SPREAD_FIELDS = ("title", "status", "result", "unit__name", "campaign__year")


def spread(campaign: Campaign, user) -> list[SpreadNode]:
    """The adoption tree of each of the campaign's initiatives that has been replicated (copies of copies too).

    Copies the user may not see are left out; the originals are exemplary and shown to every signed-in reader.
    """
    visible_copies = visibility(user, "copy__") & ~Q(copy__status=Initiative.Status.WITHDRAWN)
    shown = [f"{side}__{f}" for side in ("copy", "original") for f in _SPREAD_FIELDS]
    children: dict[int, list[Initiative]] = defaultdict(list)
    by_id: dict[int, Initiative] = {}
    # Level by level from the campaign's originals (copies of copies are registered in later campaigns): one query
    # a level, reading only the links of these trees and only what is shown of each initiative.
    level = Replication.objects.filter(original__campaign=campaign)
    reached: set[int] = set()
    while True:
        links = list(
            level.filter(visible_copies)
            .select_related("copy__unit", "copy__campaign", "original__unit", "original__campaign")
            .only(*shown)
        )
        for r in links:
            children[r.original_id].append(r.copy)
            by_id[r.original_id] = r.original
        fresh = {r.copy_id for r in links} - reached
        if not fresh:
            break
        reached |= fresh
        level = Replication.objects.filter(original_id__in=fresh)
    roots = [by_id[pk] for pk in children if by_id[pk].campaign_id == campaign.pk]

    def node(i: Initiative, seen: frozenset[int]) -> SpreadNode:
        kids = sorted(children.get(i.pk, []), key=lambda c: (c.campaign.year, c.unit.name))
        return SpreadNode(i, [node(c, seen | {c.pk}) for c in kids if c.pk not in seen])

    trees = [node(r, frozenset({r.pk})) for r in roots]
    return sorted(trees, key=lambda t: (-t.size, t.initiative.title))


def spread_by_year(trees: list[SpreadNode]) -> dict[int, int]:
    """How many copies were registered each year, over all the trees."""
    years: dict[int, int] = defaultdict(int)

    def walk(n: SpreadNode) -> None:
        for c in n.copies:
            years[c.initiative.campaign.year] += 1
            walk(c)

    for t in trees:
        walk(t)
    return dict(sorted(years.items()))


def honours_of(*, unit=None, initiative=None):
    """Commendation entries of a unit (its subtree) or of one initiative, newest first, with their decisions."""
    qs = CommendationEntry.objects.select_related("commendation", "initiative__campaign", "initiative__unit")
    if unit is not None:
        qs = qs.filter(initiative__unit__path__startswith=unit.path)
    if initiative is not None:
        qs = qs.filter(initiative=initiative)
    return qs.order_by("-commendation__issued_on", "commendation_id", "position")
