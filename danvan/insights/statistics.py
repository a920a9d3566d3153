"""The statistics of a campaign as tables and a funnel: the dashboard draws them, the year-end DOCX prints them,
the XLSX/CSV exports write them. Every number here is either read from the summary functions of this package or
counted with `in_stage`, the same rule the initiative list uses to show the rows behind a figure."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from danvan.assessments.models import Assessment
from danvan.campaigns.models import Campaign
from danvan.initiatives.models import Initiative
from danvan.orgs.models import Organization
from danvan.recognition.models import Commendation, CommendationEntry, Replication

A = Initiative.Status.ACCEPTED
R = Initiative.Result

# The stages an initiative goes through in a year, in order; each is a filter of the initiative list.
STAGES = {
    "registered": _("Đã đăng ký"),
    "accepted": _("Đã duyệt"),
    "assessed": _("Đã khảo sát hoặc tự đánh giá"),
    "surveyed": _("Được đoàn khảo sát"),
    "self_assessed": _("Tự đánh giá"),
    "not_assessed": _("Chưa đánh giá"),
    "recognised": _("Đạt (công nhận trở lên)"),
    "exemplary": _("Tiêu biểu"),
    "not_achieved": _("Không đạt"),
    "undecided": _("Chưa bình xét"),
    "commended": _("Được khen thưởng"),
    "replicated": _("Được nhân rộng"),
}
FUNNEL = ("registered", "accepted", "assessed", "recognised", "exemplary", "commended", "replicated")


def _submitted(kind: str):
    return Assessment.objects.submitted().filter(kind=kind, initiative=OuterRef("pk"))


def in_stage(qs, stage: str, user):
    """Narrow an initiative queryset to one stage of the year. The figures of the dashboard are counts of
    exactly these querysets, so a figure and the list behind it always agree."""
    team, own = Exists(_submitted(Assessment.Kind.TEAM)), Exists(_submitted(Assessment.Kind.SELF))
    if stage == "registered":
        return qs.registered()
    if stage not in STAGES:
        raise KeyError(stage)
    qs = qs.filter(status=A)
    if stage == "surveyed":
        return qs.filter(team)
    if stage == "self_assessed":
        return qs.filter(own & ~team)
    if stage == "assessed":
        return qs.filter(team | own)
    if stage == "not_assessed":
        return qs.exclude(team | own)
    if stage == "recognised":
        return qs.filter(result__in=[R.RECOGNISED, R.EXEMPLARY])
    if stage in ("exemplary", "not_achieved"):
        return qs.filter(result=stage)
    if stage == "undecided":
        return qs.filter(result="")
    if stage == "commended":
        return qs.filter(
            Exists(
                CommendationEntry.objects.filter(initiative=OuterRef("pk"), commendation__campaign=OuterRef("campaign"))
            )
        )
    if stage == "replicated":
        # Replicated: another unit has taken it up (a copy not withdrawn, wherever it is, seen by the reader or not).
        copies = Replication.objects.filter(original=OuterRef("pk")).exclude(copy__status=Initiative.Status.WITHDRAWN)
        return qs.filter(Exists(copies))
    return qs


# The same stages as tests on one stored count's facts (insights.tally.KEY): a figure read from the stored
# counts is the size of the list `in_stage` gives (tests/insights/test_tally.py compares them for every stage).
STAGE_TESTS = {
    "registered": lambda f: f["status"] in Initiative.REGISTERED_STATUSES,
    "accepted": lambda f: f["status"] == A,
    "surveyed": lambda f: f["status"] == A and f["surveyed"],
    "self_assessed": lambda f: f["status"] == A and f["self_assessed"] and not f["surveyed"],
    "assessed": lambda f: f["status"] == A and (f["surveyed"] or f["self_assessed"]),
    "not_assessed": lambda f: f["status"] == A and not (f["surveyed"] or f["self_assessed"]),
    "recognised": lambda f: f["status"] == A and f["result"] in (R.RECOGNISED, R.EXEMPLARY),
    "exemplary": lambda f: f["status"] == A and f["result"] == R.EXEMPLARY,
    "not_achieved": lambda f: f["status"] == A and f["result"] == R.NOT_ACHIEVED,
    "undecided": lambda f: f["status"] == A and f["result"] == "",
    "commended": lambda f: f["status"] == A and f["commended"],
    "replicated": lambda f: f["status"] == A and f["replicated"],
}


@dataclass
class Column:
    key: str
    label: str
    numeric: bool = True
    query: dict | None = None  # filters of the initiative list behind this column's cells; None: no list


@dataclass
class Row:
    cells: list
    query: dict | None = None  # filters of the list behind this row; None when the row has no list
    total: bool = False


@dataclass
class Table:
    """One statistic table, as the dashboard shows it, the DOCX prints it and the XLSX writes it."""

    key: str
    title: str
    columns: list[Column]
    rows: list[Row]
    query: dict = field(default_factory=dict)  # filters every cell of the table shares (the campaign)
    note: str = ""

    def cell_query(self, row: Row, index: int) -> dict | None:
        """The initiative-list filters behind one cell, or None when it is not a count of initiatives."""
        column = self.columns[index]
        if row.query is None or column.query is None:
            return None
        return {**self.query, **row.query, **column.query}


@dataclass
class Stage:
    key: str
    label: str
    count: int
    percent: float  # of the registered initiatives


@dataclass
class CampaignStatistics:
    campaign: Campaign
    summary: dict
    funnel: list[Stage]
    tables: list[Table]
    attention: dict

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


def _pct(part: int | float, whole: int | float) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def stage_counts(campaign: Campaign, user, stages=tuple(STAGES)) -> dict[str, int]:
    from danvan.insights import tally

    terms = tally.terms_for(campaign, user)
    if terms is not None:
        figures = tally.figures(campaign, terms)
        return {s: figures.count(STAGE_TESTS[s]) for s in stages}
    return fresh_stage_counts(campaign, user, stages)


def fresh_stage_counts(campaign: Campaign, user, stages=tuple(STAGES)) -> dict[str, int]:
    """The same counts, counted afresh from the initiatives."""
    base = Initiative.objects.visible_to(user).filter(campaign=campaign)
    return {s: in_stage(base, s, user).count() for s in stages}


UNIT_COLUMNS = ("registered", "collective", "individual", "accepted", "surveyed", "self_assessed", "exemplary")


def _by_unit(campaign: Campaign, user) -> list[dict]:
    """One row per unit one level below what the user oversees (the base organisations of a bloc, the provinces
    of the whole country), each counting its subtree: registrations by kind, acceptance, assessment, results."""
    from danvan.insights import tally

    terms = tally.terms_for(campaign, user)
    if terms is None:
        return _by_base_unit(campaign, user)
    below, figures = tally.below_figures(campaign, terms)
    # Inactive units are listed only while they have something counted.
    units = [u for u in below if u.is_active or u.pk in figures]
    rows = []
    for u in units:
        f = figures.get(u.pk)
        counts = (
            {k: f.count(STAGE_TESTS[k]) for k in ("registered", "accepted", "surveyed", "self_assessed")} if f else {}
        )
        if f:
            counts["collective"] = f.count(_registered_of_kind(Initiative.Kind.COLLECTIVE))
            counts["individual"] = f.count(_registered_of_kind(Initiative.Kind.INDIVIDUAL))
            counts["exemplary"] = f.count(STAGE_TESTS["exemplary"])
            counts["commended"] = f.count(STAGE_TESTS["commended"])
        rows.append({"unit": u, "visible": True, **counts})
    return rows


def _by_base_unit(campaign: Campaign, user) -> list[dict]:
    """Per base organisation (its cells included), counted afresh: for readers the stored counts cannot serve."""
    from danvan.campaigns.selectors import covered_units

    base = Initiative.objects.visible_to(user).filter(campaign=campaign, unit__base__isnull=False)
    rows: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    for unit_id, kind, n in base.registered().values_list("unit__base_id", "kind").annotate(n=Count("id")):
        rows[unit_id][kind] += n
        rows[unit_id]["registered"] += n
    for stage in ("accepted", "surveyed", "self_assessed", "exemplary", "commended"):
        for unit_id, n in in_stage(base, stage, user).values_list("unit__base_id").annotate(n=Count("id")):
            rows[unit_id][stage] = n
    visible = set(Organization.objects.visible_to(user).values_list("pk", flat=True))
    # A cell's officer sees the cell's initiatives but not its base organisation: the row is still the base's.
    units = covered_units(campaign).filter(Q(pk__in=visible) | Q(pk__in=list(rows))).order_by("name")
    return [{"unit": u, "visible": u.pk in visible, **rows.get(u.pk, {})} for u in units]


def _by_field_kind(campaign: Campaign, user) -> dict[tuple[int, str], int]:
    """Registrations per (field, kind): from the stored counts, or counted afresh for the readers they cannot serve."""
    from danvan.insights import tally

    terms = tally.terms_for(campaign, user)
    if terms is None:
        return fresh_by_field_kind(campaign, user)
    out: dict[tuple[int, str], int] = {}
    for (field_id, kind, status), n in tally.figures(campaign, terms).fields.items():
        if status in Initiative.REGISTERED_STATUSES:
            out[(field_id, kind)] = out.get((field_id, kind), 0) + n
    return out


def fresh_by_field_kind(campaign: Campaign, user) -> dict[tuple[int, str], int]:
    return {
        (f, k): n
        for f, k, n in Initiative.objects.visible_to(user)
        .filter(campaign=campaign)
        .registered()
        .values_list("fields", "kind")
        .annotate(n=Count("id"))
        if f is not None
    }


def campaign_statistics(campaign: Campaign, user) -> CampaignStatistics:
    """Everything the dashboard, the year-end report and the statistics workbook show for one campaign."""
    from danvan.insights.checking import reporting
    from danvan.insights.review import spread
    from danvan.insights.summary import campaign_summary, unregistered_units

    rates = reporting(campaign, user)
    s = campaign_summary(campaign=campaign, user=user, rates=rates)
    counts = stage_counts(campaign, user)
    funnel = [Stage(k, str(STAGES[k]), counts[k], _pct(counts[k], counts["registered"])) for k in FUNNEL]
    base_query = {"campaign": campaign.pk}
    tables: list[Table] = []

    tables.append(
        Table(
            "participation",
            str(_("Tham gia đăng ký mô hình")),
            [Column("label", str(_("Nội dung")), numeric=False), Column("value", str(_("Số lượng")), query={})],
            [
                Row([str(_("Đơn vị cơ sở trong phạm vi")), s["units_total"]]),
                Row([str(_("Đơn vị đã đăng ký mô hình")), s["units_registered"]]),
                Row([str(_("Tỷ lệ đơn vị tham gia (%)")), s["participation_percent"]]),
                Row([str(_("Mô hình đã đăng ký")), s["initiatives"]], {"stage": "registered"}),
                Row([str(_("Mô hình tập thể")), s["collective"]], {"stage": "registered", "kind": "collective"}),
                Row([str(_("Mô hình cá nhân")), s["individual"]], {"stage": "registered", "kind": "individual"}),
            ],
            base_query,
        )
    )

    by_field_kind = _by_field_kind(campaign, user)
    tables.append(
        Table(
            "by_field",
            str(_("Mô hình theo lĩnh vực và loại")),
            [
                Column("label", str(_("Lĩnh vực")), numeric=False),
                Column("collective", str(_("Tập thể")), query={"kind": "collective"}),
                Column("individual", str(_("Cá nhân")), query={"kind": "individual"}),
                Column("total", str(_("Cộng")), query={}),
            ],
            [
                Row(
                    [
                        f["name"],
                        by_field_kind.get((f["id"], "collective"), 0),
                        by_field_kind.get((f["id"], "individual"), 0),
                        f["count"],
                    ],
                    {"stage": "registered", "field": f["id"]},
                )
                for f in s["by_field"]
            ],
            base_query,
            note=str(_("Một mô hình có thể thuộc nhiều lĩnh vực nên cột “Cộng” có thể lớn hơn tổng số mô hình.")),
        )
    )

    status_labels = dict(Initiative.Status.choices)
    tables.append(
        Table(
            "by_status",
            str(_("Mô hình theo trạng thái đăng ký")),
            [Column("label", str(_("Trạng thái")), numeric=False), Column("value", str(_("Số mô hình")), query={})],
            [Row([str(status_labels[k]), n], {"status": k}) for k, n in s["by_status"].items()],
            base_query,
        )
    )

    units = _by_unit(campaign, user)
    unit_cols = UNIT_COLUMNS
    unit_rows = [
        Row(
            [u["unit"].name, *[u.get(k, 0) for k in unit_cols], u.get("commended", 0)],
            {"unit": u["unit"].pk} if u["visible"] else None,
        )
        for u in units
    ]
    unit_rows.append(
        Row(
            [str(_("Cộng")), *[sum(u.get(k, 0) for u in units) for k in (*unit_cols, "commended")]],
            {},
            total=True,
        )
    )
    tables.append(
        Table(
            "by_unit",
            str(_("Mô hình theo đơn vị")),
            [
                Column("label", str(_("Đơn vị")), numeric=False),
                Column("registered", str(_("Đăng ký")), query={"stage": "registered"}),
                Column("collective", str(_("Tập thể")), query={"stage": "registered", "kind": "collective"}),
                Column("individual", str(_("Cá nhân")), query={"stage": "registered", "kind": "individual"}),
                Column("accepted", str(_("Đã duyệt")), query={"stage": "accepted"}),
                Column("surveyed", str(_("Đoàn khảo sát")), query={"stage": "surveyed"}),
                Column("self_assessed", str(_("Tự đánh giá")), query={"stage": "self_assessed"}),
                Column("exemplary", str(_("Tiêu biểu")), query={"stage": "exemplary"}),
                Column("commended", str(_("Khen thưởng")), query={"stage": "commended"}),
            ],
            unit_rows,
            base_query,
        )
    )

    tables.append(
        Table(
            "assessment",
            str(_("Khảo sát và tự đánh giá")),
            [
                Column("label", str(_("Hình thức")), numeric=False),
                Column("value", str(_("Số mô hình")), query={}),
                Column("units", str(_("Số đơn vị"))),
            ],
            [
                Row([str(_("Đoàn khảo sát chấm điểm")), s["surveyed"], s["surveyed_units"]], {"stage": "surveyed"}),
                Row(
                    [
                        str(_("Đơn vị tự khảo sát, đánh giá")),
                        s["self_assessed"],
                        s["self_assessed_units"],
                    ],
                    {"stage": "self_assessed"},
                ),
                Row([str(_("Chưa đánh giá")), counts["not_assessed"], None], {"stage": "not_assessed"}),
            ],
            base_query,
        )
    )

    tables.append(
        Table(
            "results",
            str(_("Kết quả bình xét và khen thưởng")),
            [Column("label", str(_("Kết quả")), numeric=False), Column("value", str(_("Số mô hình")), query={})],
            [
                Row([str(_("Tiêu biểu")), s["exemplary"]], {"stage": "exemplary"}),
                Row([str(_("Đạt, được công nhận")), s["recognised"]], {"stage": "accepted", "result": R.RECOGNISED}),
                Row([str(_("Không đạt")), s["not_achieved"]], {"stage": "not_achieved"}),
                Row([str(_("Chưa bình xét")), s["undecided"]], {"stage": "undecided"}),
                Row([str(_("Được khen thưởng")), s["commended"]], {"stage": "commended"}),
                Row([str(_("Số quyết định khen thưởng")), s["commendations"]]),
            ],
            base_query,
        )
    )

    # The entries the reader sees, counted per decision: a filter (a semi-join the database runs once) rather than
    # a filtered count, which it evaluated entry by entry against every visible initiative (minutes at a million).
    decisions = (
        Commendation.objects.filter(campaign=campaign, entries__initiative__in=Initiative.objects.visible_to(user))
        .annotate(n=Count("entries"))
        .order_by("issued_on", "number")
    )
    tables.append(
        Table(
            "commendations",
            str(_("Quyết định khen thưởng")),
            [
                Column("label", str(_("Số quyết định")), numeric=False),
                Column("date", str(_("Ngày ký")), numeric=False),
                Column("form", str(_("Hình thức")), numeric=False),
                Column("issuer", str(_("Cấp khen")), numeric=False),
                Column("value", str(_("Số mô hình"))),
            ],
            [Row([c.number, c.issued_on, c.get_form_display(), c.issuer, c.n]) for c in decisions],
            base_query,
        )
    )

    trees = spread(campaign, user)
    tables.append(
        Table(
            "replications",
            str(_("Mô hình được nhân rộng")),
            [
                Column("label", str(_("Mô hình gốc")), numeric=False),
                Column("unit", str(_("Đơn vị")), numeric=False),
                Column("value", str(_("Số nơi nhân rộng"))),
            ],
            [Row([t.initiative.title, t.initiative.unit.name, t.size]) for t in trees],
            base_query,
        )
    )

    tables.append(
        Table(
            "reporting",
            str(_("Báo cáo định kỳ")),
            [
                Column("label", str(_("Kỳ báo cáo")), numeric=False),
                Column("expected", str(_("Phải nộp"))),
                Column("submitted", str(_("Đã nộp"))),
                Column("on_time", str(_("Đúng hạn"))),
                Column("rate", str(_("Tỷ lệ nộp (%)"))),
            ],
            [
                *[
                    Row([p.name, r.expected, r.submitted, r.on_time, r.rate_percent])
                    for p in rates.periods
                    for r in [rates.by_period[p.pk]]
                ],
                Row(
                    [
                        str(_("Cộng")),
                        rates.total.expected,
                        rates.total.submitted,
                        rates.total.on_time,
                        rates.total.rate_percent,
                    ],
                    total=True,
                ),
            ],
            base_query,
        )
    )

    tables.append(
        Table(
            "indicators",
            str(_("Kết quả chỉ tiêu")),
            [
                Column("label", str(_("Đơn vị tính")), numeric=False),
                Column("initiatives", str(_("Số mô hình"))),
                Column("target", str(_("Chỉ tiêu"))),
                Column("actual", str(_("Thực hiện"))),
            ],
            [
                Row([r["unit_of_measure"], r["initiatives"], r["target"], r["actual"]])
                for r in s["indicator_totals"]  # counted once, by the summary
            ],
            base_query,
        )
    )

    late = [u for u in rates.units if u.total.missing or u.total.late]
    attention = {
        "unregistered": list(unregistered_units(campaign, user)),
        "late": late,
        "flagged": _flagged_by_unit(campaign, user, rates.periods),
    }
    return CampaignStatistics(campaign, s, funnel, tables, attention)


# The flags the dashboard counts per unit (the self/team gap and the near-duplicate are the review board's).
DASHBOARD_FLAGS = ("no_indicator", "no_evidence", "missing_reports")


def _flagged_by_unit(campaign: Campaign, user, periods: list) -> list[tuple[Organization, int]]:
    """Units with accepted initiatives that lack indicators, evidence or reports, and how many: from the stored counts,
    the units one level below the reader (the base organisations of a bloc, the provinces of the whole country);
    for readers they cannot serve, base organisations, counted by the database with the rules of `recognition.flags`
    (`any_flag`)."""
    from danvan.insights import tally
    from danvan.recognition.flags import any_flag

    terms = tally.terms_for(campaign, user)
    if terms is not None:
        return tally.flagged_below(campaign, terms, periods)

    flagged = (
        Initiative.objects.visible_to(user)
        .filter(campaign=campaign, status=A)
        .filter(any_flag(DASHBOARD_FLAGS, periods=periods))
        .order_by()
        .values_list("unit__base_id", "unit_id")
        .annotate(n=Count("pk"))
    )
    per: dict[int, int] = defaultdict(int)
    for base, unit, n in flagged:
        per[base or unit] += n
    units = Organization.objects.only("name").in_bulk(list(per))  # shown by name, linked by id
    return sorted(((units[k], n) for k, n in per.items()), key=lambda p: (-p[1], p[0].name))


YEAR_COLUMNS = (
    ("units_registered", _("Đơn vị tham gia")),
    ("initiatives", _("Mô hình đăng ký")),
    ("collective", _("Tập thể")),
    ("individual", _("Cá nhân")),
    ("surveyed", _("Đoàn khảo sát")),
    ("self_assessed", _("Tự đánh giá")),
    ("exemplary", _("Tiêu biểu")),
    ("commended", _("Khen thưởng")),
    ("replications", _("Bản nhân rộng")),
)

YEAR_QUERIES = {
    "initiatives": {"stage": "registered"},
    "collective": {"stage": "registered", "kind": "collective"},
    "individual": {"stage": "registered", "kind": "individual"},
    "surveyed": {"stage": "surveyed"},
    "self_assessed": {"stage": "self_assessed"},
    "exemplary": {"stage": "exemplary"},
    "commended": {"stage": "commended"},
}


def _registered_of_kind(kind: str):
    return lambda f: STAGE_TESTS["registered"](f) and f["kind"] == kind


def year_on_year(user, *, organization: Organization | None = None) -> Table:
    """One row per campaign the user sees (of one launching organisation if given), oldest first."""
    from danvan.insights import tally
    from danvan.insights.summary import _units, campaign_summary

    campaigns = Campaign.objects.visible_to(user).exclude(status=Campaign.Status.DRAFT).select_related("organization")
    if organization is not None:
        campaigns = campaigns.filter(organization=organization)
    rows = []
    units_total: dict[int, int] = {}  # the covered units depend on the launching organisation only
    listed = [(c, tally.terms_for(c, user)) for c in campaigns.order_by("year", "pk")]
    tally.prefetch_figures([(c, terms) for c, terms in listed if terms is not None])
    for c, terms in listed:
        if terms is None:
            s = campaign_summary(campaign=c, user=user)
        else:
            if c.organization_id not in units_total:
                units_total[c.organization_id] = _units(c, user).count()
            f = tally.figures(c, terms)
            s = {
                "units_total": units_total[c.organization_id],
                "units_registered": f.units[0],
                "initiatives": f.count(STAGE_TESTS["registered"]),
                "collective": f.count(_registered_of_kind(Initiative.Kind.COLLECTIVE)),
                "individual": f.count(_registered_of_kind(Initiative.Kind.INDIVIDUAL)),
                "surveyed": f.count(STAGE_TESTS["surveyed"]),
                "self_assessed": f.count(STAGE_TESTS["self_assessed"]),
                "exemplary": f.count(STAGE_TESTS["exemplary"]),
                "commended": f.count(STAGE_TESTS["commended"]),
                "replications": f.copies_of(STAGE_TESTS["accepted"]),
            }
        rows.append(
            Row(
                [str(c.year), s["units_total"], *[s[k] for k, _label in YEAR_COLUMNS]],
                {"campaign": c.pk},
            )
        )
    return Table(
        "years",
        str(_("So sánh qua các năm")),
        [
            Column("label", str(_("Năm")), numeric=False),
            Column("units", str(_("Đơn vị trong phạm vi"))),
            *[Column(k, str(label), query=YEAR_QUERIES.get(k)) for k, label in YEAR_COLUMNS],
        ],
        rows,
    )


def as_number(value) -> int | float | None:
    """Decimal figures become plain numbers for spreadsheets and charts."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
