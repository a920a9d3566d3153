"""Every statistic of the dashboard, the workbook and the year-end report, checked against counts made here with
plain queries on the demo's 2017 campaign; and every figure opens a list with exactly that many initiatives."""

from collections import Counter, defaultdict

import pytest

from danvan.assessments.models import Assessment
from danvan.campaigns.selectors import covered_units
from danvan.initiatives.models import Initiative
from danvan.initiatives.selectors import filter_initiatives
from danvan.insights.statistics import STAGES, campaign_statistics, stage_counts, year_on_year
from danvan.orgs.models import Organization
from danvan.progress.models import ProgressReport
from danvan.recognition.models import CommendationEntry, Replication

pytestmark = pytest.mark.django_db

SENT = ("submitted", "returned", "accepted")  # sent to the bloc at least once


def cells(table, key=None):
    """{first cell: the row's other cells}."""
    return {r.cells[0]: r.cells[1:] for r in table.rows}


def test_participation_kinds_fields_and_statuses(demo):
    c = demo.c2017
    st = campaign_statistics(c, demo.admin)
    sent = Initiative.objects.filter(campaign=c, status__in=SENT)
    units = Organization.objects.filter(path__startswith=c.organization.path, kind__in=Organization.BASE_KINDS)
    registered_units = {i.unit.base_id for i in sent.select_related("unit")}
    s = st.summary
    assert s["units_total"] == units.filter(is_active=True).count()
    assert s["units_registered"] == len(registered_units)
    assert s["initiatives"] == sent.count()
    assert (s["collective"], s["individual"]) == (
        sent.filter(kind="collective").count(),
        sent.filter(kind="individual").count(),
    )
    participation = [r.cells[1] for r in st.table("participation").rows]
    assert participation[:2] == [s["units_total"], s["units_registered"]]
    assert participation[3:] == [s["initiatives"], s["collective"], s["individual"]]

    by_field = cells(st.table("by_field"))
    for f in c.fields.all():
        in_field = sent.filter(fields=f)
        assert by_field[f.name] == [
            in_field.filter(kind="collective").count(),
            in_field.filter(kind="individual").count(),
            in_field.count(),
        ]

    statuses = Counter(Initiative.objects.filter(campaign=c).values_list("status", flat=True))
    labels = dict(Initiative.Status.choices)
    assert cells(st.table("by_status")) == {str(labels[k]): [statuses.get(k, 0)] for k in labels}


def test_every_unit_row_and_the_total(demo):
    c = demo.c2017
    st = campaign_statistics(c, demo.admin)
    table = st.table("by_unit")
    rows = {r.cells[0]: r for r in table.rows}
    team = set(Assessment.objects.submitted().filter(kind="team").values_list("initiative_id", flat=True))
    own = set(Assessment.objects.submitted().filter(kind="self").values_list("initiative_id", flat=True))
    commended = set(CommendationEntry.objects.filter(commendation__campaign=c).values_list("initiative_id", flat=True))
    totals = [0] * 8
    for unit in covered_units(c):
        mine = Initiative.objects.filter(campaign=c, unit__path__startswith=unit.path)
        sent = mine.filter(status__in=SENT)
        accepted = list(mine.filter(status="accepted").values_list("pk", "result"))
        expected = [
            sent.count(),
            sent.filter(kind="collective").count(),
            sent.filter(kind="individual").count(),
            len(accepted),
            sum(1 for pk, _r in accepted if pk in team),
            sum(1 for pk, _r in accepted if pk in own and pk not in team),
            sum(1 for _pk, r in accepted if r == "exemplary"),
            sum(1 for pk, _r in accepted if pk in commended),
        ]
        assert rows[unit.name].cells[1:] == expected, unit.name
        totals = [a + b for a, b in zip(totals, expected, strict=True)]
    total = table.rows[-1]
    assert total.total and total.cells[1:] == totals


def test_assessment_results_commendations_and_replications(demo):
    c = demo.c2017
    st = campaign_statistics(c, demo.admin)
    accepted = Initiative.objects.filter(campaign=c, status="accepted")
    team_done = set(
        Assessment.objects.submitted().filter(kind="team", initiative__in=accepted).values_list("initiative", flat=True)
    )
    self_done = (
        set(
            Assessment.objects.submitted()
            .filter(kind="self", initiative__in=accepted)
            .values_list("initiative", flat=True)
        )
        - team_done
    )
    team_units = {i.unit.base_id for i in accepted.filter(pk__in=team_done).select_related("unit")}
    assessment = cells(st.table("assessment"))
    assert list(assessment.values()) == [
        [len(team_done), len(team_units)],
        [len(self_done), len({i.unit.base_id for i in accepted.filter(pk__in=self_done).select_related("unit")})],
        [accepted.count() - len(team_done) - len(self_done), None],
    ]

    results = Counter(accepted.values_list("result", flat=True))
    commended = CommendationEntry.objects.filter(commendation__campaign=c).values("initiative").distinct().count()
    assert [r.cells[1] for r in st.table("results").rows][:5] == [
        results["exemplary"],
        results["recognised"],
        results["not_achieved"],
        results[""],
        commended,
    ]
    decisions = st.table("commendations").rows
    assert [(r.cells[0], r.cells[4]) for r in decisions] == [
        (d.number, d.entries.count()) for d in c.commendations.order_by("issued_on", "number")
    ]

    copies = defaultdict(int)
    for original in (
        Replication.objects.filter(original__campaign=c)
        .exclude(copy__status="withdrawn")
        .values_list("original_id", flat=True)
    ):
        copies[original] += 1
    replicated = {r.cells[0]: r.cells[2] for r in st.table("replications").rows}
    assert replicated == {Initiative.objects.get(pk=pk).title: n for pk, n in copies.items()}


def test_reporting_table(demo):
    c = demo.c2017
    st = campaign_statistics(c, demo.admin)
    accepted = Initiative.objects.filter(campaign=c, status="accepted")
    rows = st.table("reporting").rows
    for period, row in zip(c.periods.all(), rows, strict=False):
        sent = ProgressReport.objects.sent().filter(period=period, initiative__in=accepted)
        on_time = [r for r in sent.select_related("period") if r.submitted_at.date() <= period.due_on]
        assert row.cells[:4] == [period.name, accepted.count(), sent.count(), len(on_time)]
    assert rows[-1].cells[1] == accepted.count() * c.periods.count()


def test_every_figure_opens_a_list_of_that_many_initiatives(demo):
    """The drill-down rule: the filters behind a cell select exactly the number the cell shows."""
    c = demo.c2017
    for user in (demo.admin, demo.leader, demo.officer):
        st = campaign_statistics(c, user)
        for stage in st.funnel:
            assert filter_initiatives(user, campaign=c.pk, stage=stage.key).count() == stage.count
        checked = 0
        for table in st.tables:
            for row in table.rows:
                for n, value in enumerate(row.cells):
                    query = table.cell_query(row, n)
                    if query is None:
                        continue
                    assert filter_initiatives(user, **query).count() == value, (table.key, row.cells[0], n)
                    checked += 1
        assert checked > 20


def test_funnel_stages_agree_with_the_summary(demo):
    c = demo.c2017
    counts = stage_counts(c, demo.admin)
    s = campaign_statistics(c, demo.admin).summary
    assert set(counts) == set(STAGES)
    assert counts["registered"] == s["initiatives"]
    assert counts["surveyed"] == s["surveyed"] and counts["self_assessed"] == s["self_assessed"]
    assert counts["exemplary"] == s["exemplary"] and counts["commended"] == s["commended"]
    assert counts["recognised"] == s["recognised"] + s["exemplary"]
    assert counts["replicated"] == s["replicated"]
    assert counts["assessed"] == counts["surveyed"] + counts["self_assessed"]
    assert counts["not_assessed"] == counts["accepted"] - counts["assessed"]


def test_an_officer_sees_only_the_own_unit(demo):
    c = demo.c2017
    st = campaign_statistics(c, demo.officer)
    mine = Initiative.objects.visible_to(demo.officer).filter(campaign=c)
    own_units = {i.unit.base_id for i in mine.select_related("unit")}
    assert st.summary["initiatives"] == mine.filter(status__in=SENT).count()
    assert st.summary["units_total"] == len(own_units) == 1
    assert len(st.table("by_unit").rows) == 2  # the unit and the total
    assert st.attention["unregistered"] == []


def test_year_on_year_has_one_row_per_campaign(demo):
    table = year_on_year(demo.admin)
    years = [r.cells[0] for r in table.rows]
    assert years == ["2017", "2018"]
    for row, c in zip(table.rows, (demo.c2017, demo.c2018), strict=True):
        sent = Initiative.objects.filter(campaign=c, status__in=SENT)
        assert row.cells[3] == sent.count()
        assert row.cells[4] == sent.filter(kind="collective").count()
        assert row.cells[8] == sent.filter(result="exemplary").count()


def test_units_with_flagged_initiatives_follow_the_review_rules(demo):
    """The dashboard's "to look at again" list counts, per base organisation, the accepted initiatives that
    `quality_flags` marks for missing indicators, evidence or reports (counted by the database, not row by row)."""
    from danvan.insights.checking import due_periods
    from danvan.recognition.flags import quality_flags

    for campaign in (demo.c2017, demo.c2018):
        accepted = list(
            Initiative.objects.filter(campaign=campaign, status=Initiative.Status.ACCEPTED).select_related(
                "unit", "campaign"
            )
        )
        flags = quality_flags(accepted, due_periods=len(due_periods(campaign)), gaps={}, pool=[])
        expected = Counter(i.unit.base_id or i.unit_id for i in accepted if flags.get(i.pk))
        got = campaign_statistics(campaign, demo.admin).attention["flagged"]
        assert {u.pk: n for u, n in got} == dict(expected)
        assert [n for _u, n in got] == sorted((n for _u, n in got), reverse=True)
    assert expected or campaign_statistics(demo.c2017, demo.admin).attention["flagged"]
