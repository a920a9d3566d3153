"""Figures of carrying out and checking: reporting rate and timeliness, indicator totals, surveyed versus
self-assessed, self/team gaps. Pages, API and documents read these functions, never their own counts."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from danvan.assessments.models import Assessment
from danvan.assessments.services import gap, is_large_gap
from danvan.campaigns.models import Campaign, ReportingPeriod
from danvan.initiatives.models import Indicator, Initiative
from danvan.progress.models import IndicatorValue, ProgressReport

# Indicators measured as a rate are a level, not a count: their actual is the latest value, never a sum.
RATE_UNITS = ("%", "phần trăm", "tỷ lệ", "tỉ lệ")


def is_rate(unit_of_measure: str) -> bool:
    return unit_of_measure.strip().lower() in RATE_UNITS


def due_periods(campaign: Campaign, today=None) -> list[ReportingPeriod]:
    """Periods whose deadline has passed (all of them once the campaign is over): reports are expected for them."""
    today = today or timezone.localdate()
    periods = list(campaign.periods.all())
    if campaign.status == Campaign.Status.CLOSED:
        return periods
    return [p for p in periods if p.due_on < today]


@dataclass
class Rate:
    expected: int = 0
    submitted: int = 0
    on_time: int = 0

    @property
    def late(self) -> int:
        return self.submitted - self.on_time

    @property
    def missing(self) -> int:
        return self.expected - self.submitted

    @property
    def rate_percent(self) -> float:
        return round(100 * self.submitted / self.expected, 1) if self.expected else 0.0

    @property
    def timeliness_percent(self) -> float:
        return round(100 * self.on_time / self.expected, 1) if self.expected else 0.0


@dataclass
class UnitRow:
    unit_id: int
    name: str
    code: str
    total: Rate = field(default_factory=Rate)
    periods: dict[int, Rate] = field(default_factory=dict)


@dataclass
class Reporting:
    periods: list[ReportingPeriod]
    total: Rate
    by_period: dict[int, Rate]
    units: list[UnitRow]


def reporting(campaign: Campaign, user, today=None) -> Reporting:
    """Reports expected (accepted initiatives × periods due), sent, and sent by the deadline, per unit and period.

    A report counts as on time when it was first sent by its period's deadline, even if the bloc later asked
    for more.
    """
    from danvan.insights import tally

    periods = due_periods(campaign, today)
    terms = tally.terms_for(campaign, user)
    if terms is not None:
        return _stored_reporting(campaign, terms, periods)
    return fresh_reporting(campaign, user, periods)


def fresh_reporting(campaign: Campaign, user, periods: list[ReportingPeriod]) -> Reporting:
    """The reporting figures counted afresh from the initiatives and their reports, per base organisation."""
    accepted = (
        Initiative.objects.visible_to(user)
        .filter(campaign=campaign, status=Initiative.Status.ACCEPTED)
        .values_list(
            "pk", "unit__base_id", "unit_id", "unit__base__name", "unit__name", "unit__base__code", "unit__code"
        )
    )
    unit_of: dict[int, int] = {}
    units: dict[int, UnitRow] = {}
    for pk, base, unit, base_name, unit_name, base_code, unit_code in accepted:
        key = base or unit
        unit_of[pk] = key
        if key not in units:
            units[key] = UnitRow(key, base_name or unit_name, base_code or unit_code)
    total = Rate()
    by_period = {p.pk: Rate() for p in periods}
    for row in units.values():
        row.periods = {p.pk: Rate() for p in periods}
    for key in unit_of.values():
        for p in periods:
            for rate in (total, by_period[p.pk], units[key].total, units[key].periods[p.pk]):
                rate.expected += 1
    sent = (
        ProgressReport.objects.sent()
        .filter(initiative_id__in=list(unit_of), period__in=periods)
        .values_list("initiative_id", "period_id")
        .annotate(on_time=Count("pk", filter=Q(submitted_at__date__lte=F("period__due_on"))))
    )
    for initiative_id, period_id, on_time in sent:
        row = units[unit_of[initiative_id]]
        for rate in (total, by_period[period_id], row.total, row.periods[period_id]):
            rate.submitted += 1
            rate.on_time += 1 if on_time else 0
    ordered = sorted(units.values(), key=lambda r: (r.total.timeliness_percent, r.name))
    return Reporting(periods=periods, total=total, by_period=by_period, units=ordered)


def _stored_reporting(campaign: Campaign, terms, periods: list[ReportingPeriod]) -> Reporting:
    """The same figures read from the stored counts; the units are those one level below the reader."""
    from danvan.insights import tally
    from danvan.insights.statistics import STAGE_TESTS

    def rates(f) -> tuple[Rate, dict[int, Rate]]:
        accepted = f.count(STAGE_TESTS["accepted"])
        by_period = {p.pk: Rate(accepted, f.sent[p.pk], f.on_time[p.pk]) for p in periods}
        total = Rate(
            sum(r.expected for r in by_period.values()),
            sum(r.submitted for r in by_period.values()),
            sum(r.on_time for r in by_period.values()),
        )
        return total, by_period

    total, by_period = rates(tally.figures(campaign, terms))
    below, figures = tally.below_figures(campaign, terms)
    units = []
    for u in below:
        f = figures.get(u.pk)
        if f is None or not f.count(STAGE_TESTS["accepted"]):
            continue
        row = UnitRow(u.pk, u.name, u.code)
        row.total, row.periods = rates(f)
        units.append(row)
    units.sort(key=lambda r: (r.total.timeliness_percent, r.name))
    return Reporting(periods=periods, total=total, by_period=by_period, units=units)


def indicator_totals(campaign: Campaign, user, *, by: str | None = None) -> list[dict]:
    """Actuals reached (sum over reported periods) against targets, per unit of measure; optionally also per
    `by`: "unit" (base organisation), "field", "kind" or "indicator". Rates (%) cannot be added up and are left out.
    The totals without `by` are read from the stored counts where they can serve the reader."""
    from danvan.insights import tally

    terms = tally.terms_for(campaign, user) if by is None else None
    if terms is not None:
        stored = tally.indicator_figures(campaign, terms)
        rows = [
            {"unit_of_measure": uom, "target": target, "actual": actual, "initiatives": n}
            for uom, (target, n, actual) in stored.items()
            if n
        ]
        return sorted(rows, key=lambda r: ("", -r["initiatives"], r["unit_of_measure"]))
    return fresh_indicator_totals(campaign, user, by=by)


def fresh_indicator_totals(campaign: Campaign, user, *, by: str | None = None) -> list[dict]:
    """`indicator_totals` counted afresh from the indicators and the reports' values."""
    initiatives = Initiative.objects.visible_to(user).filter(campaign=campaign, status=Initiative.Status.ACCEPTED)
    dims = {
        None: [],
        "unit": ["initiative__unit__base__name"],
        "field": ["initiative__fields__name"],
        "kind": ["initiative__kind"],
        "indicator": ["name"],
    }[by]
    targets = (
        Indicator.objects.filter(initiative__in=initiatives)
        .exclude(unit_of_measure__in=RATE_UNITS)
        .values("unit_of_measure", *dims)
        .annotate(target=Sum("target"), initiatives=Count("initiative", distinct=True))
    )
    actual_dims = [f"indicator__{d}" for d in dims]
    actuals = {
        tuple(r[k] for k in ["indicator__unit_of_measure", *actual_dims]): r["actual"]
        for r in IndicatorValue.objects.filter(indicator__initiative__in=initiatives)
        .exclude(indicator__unit_of_measure__in=RATE_UNITS)
        .exclude(report__status=ProgressReport.Status.DRAFT)
        .values("indicator__unit_of_measure", *actual_dims)
        .annotate(actual=Sum("value"))
    }
    rows = []
    for r in targets:
        key = tuple(r[k] for k in ["unit_of_measure", *dims])
        row = {
            "unit_of_measure": r["unit_of_measure"],
            "target": r["target"] or Decimal(0),
            "actual": actuals.get(key) or Decimal(0),
            "initiatives": r["initiatives"],
        }
        if by:
            row[by] = r[dims[0]]
        rows.append(row)
    return sorted(rows, key=lambda r: (str(r.get(by) or ""), -r["initiatives"], r["unit_of_measure"]))


@dataclass
class SurveyFigures:
    surveyed: int
    surveyed_units: int
    self_assessed: int
    accepted: int
    self_assessed_units: int = 0

    @property
    def not_assessed(self) -> int:
        return self.accepted - self.surveyed - self.self_assessed


def survey_figures(campaign: Campaign, user) -> SurveyFigures:
    """Initiatives scored by a team (and at how many units), and the others that assessed themselves."""
    from danvan.insights import tally
    from danvan.insights.statistics import STAGE_TESTS

    terms = tally.terms_for(campaign, user)
    if terms is not None:
        f = tally.figures(campaign, terms)
        return SurveyFigures(
            surveyed=f.count(STAGE_TESTS["surveyed"]),
            surveyed_units=f.units[1],
            self_assessed=f.count(STAGE_TESTS["self_assessed"]),
            accepted=f.count(STAGE_TESTS["accepted"]),
            self_assessed_units=f.units[2],
        )
    accepted = Initiative.objects.visible_to(user).filter(campaign=campaign, status=Initiative.Status.ACCEPTED)
    team_done = Assessment.objects.submitted().filter(kind=Assessment.Kind.TEAM, initiative__in=accepted)
    surveyed_ids = set(team_done.values_list("initiative_id", flat=True))
    units = {
        base or unit for unit, base in accepted.filter(pk__in=surveyed_ids).values_list("unit_id", "unit__base_id")
    }
    self_ids = set(
        Assessment.objects.submitted()
        .filter(kind=Assessment.Kind.SELF, initiative__in=accepted)
        .exclude(initiative_id__in=surveyed_ids)
        .values_list("initiative_id", flat=True)
    )
    self_units = {
        base or unit for unit, base in accepted.filter(pk__in=self_ids).values_list("unit_id", "unit__base_id")
    }
    return SurveyFigures(
        surveyed=len(surveyed_ids),
        surveyed_units=len(units),
        self_assessed=len(self_ids),
        accepted=accepted.count(),
        self_assessed_units=len(self_units),
    )


@dataclass
class BoardRow:
    initiative: Initiative
    team: str
    team_total: Decimal | None
    self_total: Decimal | None
    gap: Decimal | None
    large_gap: bool


def assessment_board(campaign: Campaign, user, *, only_large_gaps: bool = False) -> list[BoardRow]:
    """Every accepted initiative with its team score and self-score, and the gap between them."""
    initiatives = (
        Initiative.objects.visible_to(user)
        .filter(campaign=campaign, status=Initiative.Status.ACCEPTED)
        .select_related("unit", "assignment__team")
        .order_by("unit__path", "pk")
    )
    totals: dict[tuple[int, str], Decimal | None] = {}
    for initiative_id, kind, total in (
        Assessment.objects.visible_to(user)
        .submitted()
        .filter(initiative__campaign=campaign, kind__in=[Assessment.Kind.TEAM, Assessment.Kind.SELF])
        .values_list("initiative_id", "kind", "total")
    ):
        totals[(initiative_id, kind)] = total
    rows = []
    for i in initiatives:
        team_total = totals.get((i.pk, Assessment.Kind.TEAM))
        self_total = totals.get((i.pk, Assessment.Kind.SELF))
        g = gap(self_total, team_total)
        assignment = getattr(i, "assignment", None)
        row = BoardRow(i, assignment.team.name if assignment else "", team_total, self_total, g, is_large_gap(g))
        if not only_large_gaps or row.large_gap:
            rows.append(row)
    return rows


def team_progress(team) -> dict[int, dict]:
    """Per assigned initiative of a team: members' scorings sent, and whether the team's score is recorded."""
    out: dict[int, dict] = defaultdict(lambda: {"members_sent": 0, "team_total": None, "team_status": None})
    for initiative_id, kind, status, total in Assessment.objects.filter(team=team).values_list(
        "initiative_id", "kind", "status", "total"
    ):
        row = out[initiative_id]
        if kind == Assessment.Kind.MEMBER and status == Assessment.Status.SUBMITTED:
            row["members_sent"] += 1
        elif kind == Assessment.Kind.TEAM:
            row["team_status"], row["team_total"] = status, total
    return out


@dataclass
class IndicatorProgress:
    indicator: Indicator
    by_period: list[Decimal | None]
    actual: Decimal

    @property
    def percent(self) -> float | None:
        target = self.indicator.target
        return round(float(100 * self.actual / target), 1) if target else None


def reached(indicator: Indicator, values_in_period_order: list[Decimal]) -> Decimal:
    """What an indicator has reached: the sum of its periods' actuals, or the latest one for a rate (a level)."""
    if is_rate(indicator.unit_of_measure):
        return values_in_period_order[-1] if values_in_period_order else Decimal(0)
    return sum(values_in_period_order, Decimal(0))


def indicator_progress(initiative: Initiative, user) -> tuple[list[ReportingPeriod], list[IndicatorProgress]]:
    """Each indicator's actual per period (from sent reports) and in total, against its target."""
    periods = list(initiative.campaign.periods.all())
    reports = ProgressReport.objects.of_initiative(initiative, user).sent()
    cells = {
        (indicator_id, period_id): value
        for indicator_id, period_id, value in IndicatorValue.objects.filter(report__in=reports).values_list(
            "indicator_id", "report__period_id", "value"
        )
    }
    rows = []
    for ind in initiative.indicators.all():
        by_period = [cells.get((ind.pk, p.pk)) for p in periods]
        rows.append(IndicatorProgress(ind, by_period, reached(ind, [v for v in by_period if v is not None])))
    return periods, rows


def published_indicator_results(initiative: Initiative) -> list[IndicatorProgress]:
    """Each indicator's actual against its target from the initiative's sent reports, for the public showcase:
    the caller has checked the initiative is published; nothing but the numbers leaves this function."""
    periods = list(initiative.campaign.periods.all())
    order = {p.pk: n for n, p in enumerate(periods)}
    given: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    sent = IndicatorValue.objects.filter(report__initiative=initiative).exclude(
        report__status=ProgressReport.Status.DRAFT
    )
    for indicator_id, period_id, value in sent.values_list("indicator_id", "report__period_id", "value"):
        given[indicator_id].append((order.get(period_id, 0), value))
    rows = []
    for ind in initiative.indicators.all():
        rows.append(IndicatorProgress(ind, [], reached(ind, [v for _n, v in sorted(given.get(ind.pk, []))])))
    return rows
