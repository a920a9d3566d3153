"""REST API v1 for carrying out and checking: figures, reports, teams, assignments and scorings, each seen
only by those the pages would show them to."""

import json
from datetime import datetime, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from danvan.api.services import api_token_create
from danvan.assessments.models import Assessment
from danvan.assessments.services import (
    ScoreInput,
    assessment_save,
    assessment_submit,
    assignments_add,
    criteria_for,
    team_create,
)
from danvan.demo.checking import pdf
from danvan.initiatives.services import IndicatorInput, initiative_accept
from danvan.orgs.models import Membership
from danvan.orgs.services import membership_grant
from danvan.progress.models import ProgressReport
from danvan.progress.services import report_save, report_submit
from tests.conftest import campaign_periods

DAY = timedelta(days=1)


def local(day, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def api(client):
    tokens: dict[int, str] = {}

    def call(user, path, payload=None):
        if user.pk not in tokens:
            tokens[user.pk] = api_token_create(user=user, name="test", by=user)[1]
        headers = {"HTTP_AUTHORIZATION": f"Bearer {tokens[user.pk]}"}
        if payload is None:
            return client.get(f"/api/v1{path}", **headers)
        return client.post(f"/api/v1{path}", data=json.dumps(payload), content_type="application/json", **headers)

    return call


def half_of_each(initiative) -> dict:
    return {c.pk: ScoreInput(Decimal(c.max_score) / 2) for c in criteria_for(initiative)}


@pytest.fixture
def sc(world):
    """Quarter I (overdue) and II (running). Three accepted initiatives: the cell A1's, A's (people helped)
    and B's (trees planted). Quarter I reports: A1 and A on time, B late; A's quarter II is a draft.
    Team 1 (leader `surveyor`, member s2) has A1 and A and has scored A1; team 2 (s3) has B. B assessed itself."""
    q1, q2 = campaign_periods(world, (-90, -31, -20), (-30, -1, 7))
    cell = initiative_accept(initiative=world.submitted_a, by=world.admin)
    a = world.make(
        world.unit_a,
        world.officer_a,
        "Trợ giúp người nghèo Alpha",
        submit=True,
        indicators=[IndicatorInput("Người được trợ giúp", "người", 100)],
    )
    a = initiative_accept(initiative=a, by=world.admin)
    b = world.make(
        world.unit_b,
        world.officer_b,
        "Trồng cây Beta",
        submit=True,
        indicators=[IndicatorInput("Cây xanh trồng mới", "cây", 500)],
    )
    b = initiative_accept(initiative=b, by=world.admin)

    def report(initiative, by, period, value=None, at=None):
        values = {initiative.indicators.get().pk: value} if value is not None else {}
        r = report_save(initiative=initiative, period=period, by=by, values=values, activities=f"Việc đã làm: {by}.")
        return report_submit(report=r, by=by, at=at) if at else r

    reports = SimpleNamespace(
        cell=report(cell, world.officer_cell, q1, at=local(q1.due_on - DAY, 9)),
        a=report(a, world.officer_a, q1, "40", at=local(q1.due_on, 16)),
        a_draft=report(a, world.officer_a, q2, "999"),
        b=report(b, world.officer_b, q1, "120", at=local(q1.due_on + 2 * DAY, 9)),
    )

    def surveyor(username):
        user = get_user_model().objects.create_user(username=username, password="Mat-khau-dai-123")
        membership_grant(user=user, organization=world.partner, role=Membership.Role.SURVEYOR, by=None)
        return user

    s2, s3 = surveyor("khaosat2"), surveyor("khaosat3")
    team1 = team_create(
        campaign=world.campaign, by=world.admin, name="Đoàn số 1", members=[world.surveyor, s2], leader=world.surveyor
    )
    team2 = team_create(campaign=world.campaign, by=world.admin, name="Đoàn số 2", members=[s3], leader=s3)
    assignments_add(team=team1, by=world.admin, initiatives=[cell, a])
    assignments_add(team=team2, by=world.admin, initiatives=[b])
    for user, kind in ((s2, Assessment.Kind.MEMBER), (world.surveyor, Assessment.Kind.TEAM)):
        x = assessment_save(initiative=cell, by=user, kind=kind, scores=half_of_each(cell))
        assessment_submit(assessment=x, by=user)
    x = assessment_save(
        initiative=b,
        by=world.officer_b,
        kind=Assessment.Kind.SELF,
        scores=half_of_each(b),
        report_file=SimpleUploadedFile("tu-danh-gia.pdf", pdf("B")),
    )
    assessment_submit(assessment=x, by=world.officer_b)
    return SimpleNamespace(q1=q1, q2=q2, cell=cell, a=a, b=b, reports=reports, s2=s2, s3=s3, team1=team1, team2=team2)


def test_the_summary_gives_reporting_and_checking_figures_as_numbers(world, sc, api):
    s = api(world.admin, f"/campaigns/{world.campaign.pk}/summary").json()
    figures = {k: s[k] for k in ("reports_expected", "reports_submitted", "reports_on_time")}
    figures |= {k: s[k] for k in ("surveyed", "surveyed_units", "self_assessed")}
    assert figures == {
        "reports_expected": 3,
        "reports_submitted": 3,
        "reports_on_time": 2,
        "surveyed": 1,
        "surveyed_units": 1,
        "self_assessed": 1,
    }
    assert all(type(v) is int for v in figures.values())
    assert s["timeliness_percent"] == round(200 / 3, 1)
    assert [(r["unit_of_measure"], Decimal(r["target"]), Decimal(r["actual"])) for r in s["indicator_totals"]] == [
        ("cây", Decimal(500), Decimal(120)),
        ("người", Decimal(100), Decimal(40)),
    ]


@pytest.mark.parametrize(
    "path, expect",
    [
        ("/teams", lambda r, sc: sorted(t["name"] for t in r) == ["Đoàn số 1", "Đoàn số 2"]),
        ("/assignments", lambda r, sc: sorted(x["initiative"] for x in r) == sorted([sc.cell.pk, sc.a.pk, sc.b.pk])),
        ("/assessments", lambda r, sc: sorted(x["kind"] for x in r) == ["member", "self", "team"]),
        ("/reports", lambda r, sc: r["count"] == 4),
        ("/indicator-values", lambda r, sc: sorted(Decimal(v["value"]) for v in r["items"]) == [40, 120]),
        ("/campaigns/{c}/reporting", lambda r, sc: (r["expected"], r["submitted"], r["on_time"]) == (3, 3, 2)),
        (
            "/campaigns/{c}/rubric",
            lambda r, sc: len(r) == 14 and {c["applies_to"] for c in r} == {"collective", "individual"},
        ),
    ],
)
def test_the_administrator_reads_every_checking_endpoint(world, sc, api, path, expect):
    response = api(world.admin, path.format(c=world.campaign.pk))
    assert response.status_code == 200
    assert expect(response.json(), sc)


def test_an_officer_of_another_unit_sees_none_of_its_reports_or_scorings(world, sc, api):
    reports = api(world.officer_b, "/reports").json()["items"]
    assert [r["id"] for r in reports] == [sc.reports.b.pk]
    assert reports[0]["on_time"] is False
    for r in (sc.reports.cell, sc.reports.a, sc.reports.a_draft):
        assert api(world.officer_b, f"/reports/{r.pk}").status_code == 404
    assert [(x["initiative"], x["kind"]) for x in api(world.officer_b, "/assessments").json()] == [(sc.b.pk, "self")]
    assert [v["initiative"] for v in api(world.officer_b, "/indicator-values").json()["items"]] == [sc.b.pk]
    units = api(world.officer_b, f"/campaigns/{world.campaign.pk}/reporting").json()["units"]
    assert [u["code"] for u in units] == ["B"]
    # A sees its own reports, its draft included, and none of B's.
    assert sorted(r["id"] for r in api(world.officer_a, "/reports").json()["items"]) == sorted(
        [sc.reports.cell.pk, sc.reports.a.pk, sc.reports.a_draft.pk]
    )


def test_a_survey_member_sees_only_their_teams_assignments(world, sc, api):
    assert sorted(x["initiative"] for x in api(sc.s2, "/assignments").json()) == sorted([sc.cell.pk, sc.a.pk])
    assert [x["initiative"] for x in api(sc.s3, "/assignments").json()] == [sc.b.pk]
    assert [t["name"] for t in api(sc.s3, "/teams").json()] == ["Đoàn số 2"]
    # Reports: only the sent report of the initiative the team visits.
    assert [r["id"] for r in api(sc.s3, "/reports").json()["items"]] == [sc.reports.b.pk]


def test_a_members_scoring_is_not_shown_to_the_unit_or_the_leaders(world, sc, api):
    draft = assessment_save(
        initiative=sc.b, by=sc.s3, kind=Assessment.Kind.MEMBER, scores={criteria_for(sc.b)[0].pk: ScoreInput(3)}
    )

    def kinds(user, initiative):
        return sorted((x["kind"], x["status"]) for x in api(user, f"/assessments?initiative={initiative.pk}").json())

    assert kinds(sc.s3, sc.b) == [("member", "draft")]
    assert ("member", "draft") in kinds(world.admin, sc.b)
    assert kinds(world.officer_b, sc.b) == [("self", "submitted")]
    assert kinds(world.leader, sc.b) == [("self", "submitted")]
    # Nor once submitted: the unit and the leaders see the team's score, never a member's own.
    assert kinds(world.officer_cell, sc.cell) == [("team", "submitted")]
    assert kinds(world.officer_a, sc.cell) == [("team", "submitted")]
    assert kinds(world.leader, sc.cell) == [("team", "submitted")]
    assert ("member", "submitted") in kinds(world.surveyor, sc.cell)  # the team's leader does see it
    assert draft.pk not in [x["id"] for x in api(world.officer_b, "/assessments").json()]


def test_an_officer_of_another_unit_cannot_post_a_report(world, sc, api):
    before = ProgressReport.objects.count()
    payload = {
        "initiative": sc.a.pk,
        "period": sc.q2.pk,
        "activities": "Ghi thay đơn vị A.",
        "version": sc.reports.a_draft.version,
    }
    response = api(world.officer_b, "/reports", payload)
    assert response.status_code in (403, 404)
    assert "detail" in response.json()
    assert ProgressReport.objects.count() == before
    sc.reports.a_draft.refresh_from_db()
    assert sc.reports.a_draft.activities != "Ghi thay đơn vị A."
    # The unit itself posts the same payload.
    response = api(world.officer_a, "/reports", payload)
    assert response.status_code == 200
    assert response.json()["activities"] == "Ghi thay đơn vị A."


def test_those_who_only_read_an_initiative_cannot_post_its_report(world, sc, api):
    payload = {
        "initiative": sc.a.pk,
        "period": sc.q2.pk,
        "activities": "Ghi thay đơn vị A.",
        "version": sc.reports.a_draft.version,
    }
    for user in (world.leader, world.surveyor):  # the bloc's leader; the survey team visiting it
        assert api(user, f"/initiatives/{sc.a.pk}").status_code == 200
        response = api(user, "/reports", payload)
        assert response.status_code == 403
        assert response.json()["detail"]
    sc.reports.a_draft.refresh_from_db()
    assert sc.reports.a_draft.activities != "Ghi thay đơn vị A."


def test_posting_a_report_with_a_bad_value_names_the_indicator(world, sc, api):
    payload = {
        "initiative": sc.a.pk,
        "period": sc.q2.pk,
        "values": {str(sc.a.indicators.get().pk): "nhiều"},
        "version": sc.reports.a_draft.version,
    }
    response = api(world.officer_a, "/reports", payload)
    assert response.status_code == 400
    assert "Người được trợ giúp" in response.json()["detail"]


def test_posting_a_score_above_the_maximum_is_a_400_naming_the_criterion(world, sc, api):
    first = criteria_for(sc.b)[0]
    payload = {
        "initiative": sc.b.pk,
        "kind": "member",
        "scores": {str(first.pk): {"value": str(first.max_score + 1)}},
        "version": 0,
    }
    response = api(sc.s3, "/assessments", payload)
    assert response.status_code == 400
    assert first.name in response.json()["detail"]
    assert not Assessment.objects.filter(initiative=sc.b, kind=Assessment.Kind.MEMBER).exists()

    payload["scores"][str(first.pk)]["value"] = str(first.max_score)
    response = api(sc.s3, "/assessments", payload)
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["scores"][0]["name"]) == ("draft", first.name)


def test_a_score_saved_from_a_stale_read_is_refused_and_nothing_is_overwritten(world, sc, api):
    first = criteria_for(sc.b)[0]
    payload = {"initiative": sc.b.pk, "kind": "member", "version": 0, "scores": {str(first.pk): {"value": "1"}}}
    saved = api(sc.s3, "/assessments", payload).json()
    assert saved["version"] >= 1
    # Two clients read that version; the first saves, the second's save over it is refused.
    payload = {**payload, "version": saved["version"], "scores": {str(first.pk): {"value": "2"}}}
    assert api(sc.s3, "/assessments", payload).status_code == 200
    stale = {**payload, "scores": {str(first.pk): {"value": "3"}}}
    response = api(sc.s3, "/assessments", stale)
    assert response.status_code == 400 and response.json()["detail"]
    assessment = Assessment.objects.get(initiative=sc.b, kind=Assessment.Kind.MEMBER)
    assert assessment.scores.get(criterion=first).value == 2
