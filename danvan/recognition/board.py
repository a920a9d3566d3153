"""The review board one page at a time: the same rows, ranks, scales and flags as `insights.review.review_board`,
but sorted, filtered and counted in the database, with the per-row figures and flags computed only for the rows
shown. A province's board (tens of thousands of initiatives) then costs a fixed number of queries.

The standardisation is the one of `insights.review.standardise`: each group's mean and spread come from one
aggregate query, and the standardised score is a linear expression of the raw score that the database sorts by.
"""

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    FilteredRelation,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Round

from danvan.assessments.models import Assessment
from danvan.assessments.services import LARGE_GAP, gap, is_large_gap
from danvan.campaigns.models import Campaign
from danvan.core.access import scope_for
from danvan.initiatives.models import Initiative
from danvan.insights.checking import due_periods
from danvan.insights.review import SELF_GROUP, GroupScale, ReviewRow, _feedback, _q, indicator_achievement
from danvan.orgs.models import Organization
from danvan.progress.models import ProgressReport
from danvan.recognition.flags import flag_condition, quality_flags
from danvan.recognition.models import ShortlistEntry

PAGE_SIZE = 50
UNDECIDED = "undecided"


@dataclass
class BoardPage:
    """One page of the board, with what the whole board needs (scales, rounds, counts)."""

    rows: list[ReviewRow]
    scales: list[GroupScale]
    rounds: list[int]
    due: int
    total: int  # accepted initiatives on the board
    count: int  # of them, those matching the filters
    page: int
    pages: int
    size: int

    @property
    def start(self) -> int:
        return (self.page - 1) * self.size + 1 if self.count else 0

    @property
    def end(self) -> int:
        return min(self.page * self.size, self.count)


@dataclass
class _Board:
    """The whole board in order, as narrow tuples (no row is loaded), and its scales."""

    rows: QuerySet  # the board's initiatives with their scores annotated, to load the rows shown
    base: QuerySet  # the same rows without the scores: cheaper to filter
    ordered: list[int]  # every id, in the board's order
    gaps: dict[int, bool]  # a large self/team gap, per id
    scales: list[GroupScale]
    periods: list
    # {group: (mean, sd)} and the overall (mean, sd): the displayed score is computed as standardise() does.
    groups: dict[str, tuple[float, float]]
    overall: tuple[float, float]

    def standardised(self, group: str, raw) -> Decimal | None:
        return _q(self._score(group, raw)) if raw is not None and group in self.groups else None

    def _score(self, group: str, raw) -> float:
        (mean, sd), (overall_mean, overall_sd) = self.groups[group], self.overall
        if sd > 0 and overall_sd > 0:
            return overall_mean + overall_sd * (float(raw) - mean) / sd
        return overall_mean + float(raw) - mean


def _submitted(kind: str) -> FilteredRelation:
    return FilteredRelation(
        "assessments", condition=Q(assessments__kind=kind, assessments__status=Assessment.Status.SUBMITTED)
    )


def _cents(value: float) -> int:
    """The score rounded half up to cents, as insights.review._q rounds it, as a whole number of cents."""
    scaled = value * 100
    if abs(scaled - math.floor(scaled) - 0.5) < 1e-6:  # near a half: let Decimal decide, as _q does
        return int(_q(value) * 100)
    return math.floor(scaled + 0.5)


def _board(campaign: Campaign, user, order: str) -> _Board:
    """The board's order and scales from one narrow query: id, team and self totals, team name per initiative."""
    periods = due_periods(campaign)
    base = Initiative.objects.visible_to(user).filter(campaign=campaign, status=Initiative.Status.ACCEPTED)
    scope = scope_for(user)
    if not (scope.is_superuser or scope.is_surveyor):
        # The same rows, said again as "in these units": the planner then walks the (unit, campaign) index of the
        # province's units instead of reading the whole national campaign (visible_to still decides).
        paths = scope.admin_paths + scope.leader_paths + scope.officer_paths
        base = base.filter(unit__in=Organization.objects.filter(scope.q_subtree("path", paths)).values("pk"))
    rows = (
        # One join per kind (an initiative has at most one team and one self assessment), not a subquery per use.
        base.annotate(team_a=_submitted(Assessment.Kind.TEAM), self_a=_submitted(Assessment.Kind.SELF))
        .annotate(team_total=F("team_a__total"), self_total=F("self_a__total"))
        .annotate(
            raw=Coalesce("team_total", "self_total"),
            group=Case(
                When(team_total__isnull=False, assignment__isnull=False, then=F("assignment__team__name")),
                default=Value(SELF_GROUP),
            ),
        )
    )
    # Scores in whole cents (totals have two decimals): exact sums and fast arithmetic on thousands of rows.
    cents = {f"{k}_c": Cast(Round(F(k) * 100), IntegerField()) for k in ("team_total", "self_total")}
    narrow = rows.annotate(**cents).order_by().values_list("pk", "team_total_c", "self_total_c", "group")
    sql, params = narrow.query.sql_with_params()
    with connection.cursor() as cursor:  # plain tuples of ints and names: Django's converters would cost more
        cursor.execute(sql, params)
        board = [
            (pk, team, own, team if team is not None else own, group) for pk, team, own, group in cursor.fetchall()
        ]
    large = int(LARGE_GAP * 100)
    gaps = {pk: team is not None and own is not None and abs(own - team) >= large for pk, team, own, _r, _g in board}
    sums: dict[str, list[int]] = {}
    for _pk, _t, _s, raw, group in board:
        if raw is not None:
            entry = sums.setdefault(group, [0, 0, 0])
            entry[0] += 1
            entry[1] += raw
            entry[2] += raw * raw
    # Means and population deviations as standardise() has them (statistics.fmean, pstdev), from exact sums.
    groups = {g: _mean_sd(n, total, squares) for g, (n, total, squares) in sums.items()}
    overall = _mean_sd(
        sum(e[0] for e in sums.values()), sum(e[1] for e in sums.values()), sum(e[2] for e in sums.values())
    )
    scales = [GroupScale(g, sums[g][0], _q(mean), _q(sd)) for g, (mean, sd) in sorted(groups.items())]
    out = _Board(rows, base, [], gaps, scales, periods, groups, overall)
    # Ranked as review_board ranks: the score as shown (cents, half up) or the raw score, highest first, then by id.
    if order == "raw":
        keyed = [(raw is None, -(raw or 0), pk) for pk, _t, _s, raw, _g in board]
    else:
        overall_mean, overall_sd = overall
        keyed = []
        for pk, _t, _s, raw, group in board:
            if raw is None:
                keyed.append((True, 0, pk))
                continue
            mean, sd = groups[group]
            value = raw / 100  # correctly rounded: the float of the two-decimal total
            # standardise()'s arithmetic, in its order (see _Board._score).
            if sd > 0 and overall_sd > 0:
                score = overall_mean + overall_sd * (value - mean) / sd
            else:
                score = overall_mean + value - mean
            keyed.append((False, -_cents(score), pk))
    out.ordered = [pk for _n, _k, pk in sorted(keyed)]
    return out


def _mean_sd(n: int, total_cents: int, square_cents: int) -> tuple[float, float]:
    """Mean and population standard deviation from the count, the sum and the sum of squares of scores in cents
    (exact, as Fractions)."""
    if not n:
        return 0.0, 0.0
    total, squares = Fraction(total_cents, 100), Fraction(square_cents, 10000)
    mean = total / n
    variance = squares / n - mean * mean
    return float(mean), math.sqrt(variance) if n > 1 and variance > 0 else 0.0


def _rows(board: _Board, initiatives: list[Initiative], positions: dict[int, int], order: str) -> list[ReviewRow]:
    """The board's figures and flags for these rows only."""
    periods = board.periods
    ids = [i.pk for i in initiatives]
    sent = dict(
        ProgressReport.objects.sent()
        .filter(initiative_id__in=ids, period__in=periods)
        .values_list("initiative_id")
        .annotate(n=Count("id"))
    )
    achievement = indicator_achievement(ids)
    feedback = _feedback(ids)
    rounds: dict[int, list[int]] = {}
    for initiative_id, r in ShortlistEntry.objects.filter(initiative_id__in=ids).values_list("initiative_id", "round"):
        rounds.setdefault(initiative_id, []).append(r)
    gaps = {}
    out = []
    for i in initiatives:
        # The annotations of _board.
        team_total, self_total, raw, group = (getattr(i, a) for a in ("team_total", "self_total", "raw", "group"))
        g = gap(self_total, team_total)
        gaps[i.pk] = is_large_gap(g)
        count, average = feedback.get(i.pk, (0, None))
        standardised = board.standardised(group, raw)
        key = raw if order == "raw" else standardised
        out.append(
            ReviewRow(
                initiative=i,
                team=group if group != SELF_GROUP else "",
                team_total=team_total,
                self_total=self_total,
                raw=raw,
                standardised=standardised,
                gap=g,
                indicator_percent=achievement.get(i.pk),
                reports_sent=sent.get(i.pk, 0),
                reports_due=len(periods),
                feedback_count=count,
                feedback_average=average,
                flags=[],
                rounds=sorted(rounds.get(i.pk, [])),
                rank=positions.get(i.pk) if key is not None else None,
            )
        )
    flags = quality_flags(initiatives, due_periods=len(periods), gaps=gaps, sent=sent)
    for row in out:
        row.flags = flags.get(row.initiative.pk, [])
    return out


def board_page(
    campaign: Campaign, user, *, order: str = "standardised", result: str = "", flag: str = "", page: int = 1
) -> BoardPage:
    """One page of the campaign's board as the user may see it, ranked by the (standardised) score and filtered by
    result (`UNDECIDED` for none yet) and flag; ranks are places on the whole board."""
    board = _board(campaign, user, order)
    ordered = board.ordered
    matching = board.base
    if result == UNDECIDED:
        matching = matching.filter(result="")
    elif result:
        matching = matching.filter(result=result)
    if flag and flag != "large_gap":
        condition = flag_condition(flag, periods=board.periods)
        if condition is not None:
            matching = matching.filter(condition)
    if result or (flag and flag != "large_gap"):
        keep = set(matching.values_list("pk", flat=True))
        ordered = [pk for pk in ordered if pk in keep]
    if flag == "large_gap":
        ordered = [pk for pk in ordered if board.gaps.get(pk)]
    count = len(ordered)
    pages = max(1, math.ceil(count / PAGE_SIZE))
    page = min(max(1, page), pages)
    offset = (page - 1) * PAGE_SIZE
    ids = ordered[offset : offset + PAGE_SIZE]
    loaded = {i.pk: i for i in board.rows.filter(pk__in=ids).select_related("unit", "campaign")} if ids else {}
    shown = [loaded[pk] for pk in ids]
    places = {pk: n for n, pk in enumerate(board.ordered, start=1)} if ids else {}
    rounds = sorted(
        set(
            ShortlistEntry.objects.filter(initiative__in=board.base.values("pk"))
            .order_by()
            .values_list("round", flat=True)
            .distinct()
        )
    )
    return BoardPage(
        rows=_rows(board, shown, places, order),
        scales=board.scales,
        rounds=rounds,
        due=len(board.periods),
        total=len(board.ordered),
        count=count,
        page=page,
        pages=pages,
        size=PAGE_SIZE,
    )


def board_row(initiative: Initiative, user) -> tuple[ReviewRow | None, list[GroupScale], int]:
    """The initiative's line of its campaign's board (its rank and scores stand on the whole board's scale), the
    board's scales, and how many initiatives the board holds."""
    board = _board(initiative.campaign, user, "standardised")
    total = len(board.ordered)
    mine = list(board.rows.filter(pk=initiative.pk).select_related("unit", "campaign"))
    if not mine:
        return None, board.scales, total
    places = {initiative.pk: board.ordered.index(initiative.pk) + 1}
    return _rows(board, mine, places, "standardised")[0], board.scales, total
