"""Checking, page by page: the survey overview, the rubric, teams, sampling, a member's list, the scoring pages
(member, team, self-assessment), an assessment and its reopening. Allowed reads answer 200, anonymous is sent to
log in, a person who cannot see the object at all gets 404, one who sees it but may not act gets 403."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from danvan.assessments.models import Assessment, Assignment, Score, SurveyTeam
from danvan.assessments.services import (
    ScoreInput,
    assessment_save,
    assessment_submit,
    assignments_add,
    criteria_for,
    team_create,
)
from danvan.campaigns.models import Criterion
from danvan.campaigns.services import campaign_update, rubric_create_default
from danvan.initiatives.services import IndicatorInput, initiative_accept
from danvan.orgs.models import Membership
from danvan.orgs.services import membership_grant
from danvan.progress.services import report_save, report_submit
from tests.conftest import accept_with_indicators, campaign_periods

DAY = timedelta(days=1)
CONFLICT = "xung đột lợi ích"
TEAM = "Đoàn khảo sát số 1"
TITLE = "Trợ giúp pháp lý miễn phí"


def page_text(response) -> str:
    return response.content.decode()


def assert_login_redirect(response, what: str) -> None:
    assert response.status_code == 302, what
    assert response["Location"].startswith(reverse("login") + "?next="), what


def surveyor(world, username: str):
    user = get_user_model().objects.create_user(
        username=username, password="Mat-khau-dai-123", email=f"{username}@test.vn"
    )
    membership_grant(user=user, organization=world.partner, role=Membership.Role.SURVEYOR, by=None)
    return user


@pytest.fixture
def sv(world):
    """A running reporting period; the cell A1's registration accepted with one indicator; a team led by
    `world.surveyor` with a second survey member of the partner body, assigned that initiative; and a survey
    member of the partner body on no team."""
    today = timezone.localdate()
    (period,) = campaign_periods(world, (-30, 30, 40))
    initiative = accept_with_indicators(world, [IndicatorInput("Lượt người được trợ giúp", "lượt người", 300)])
    member = surveyor(world, "khaosat2")
    team = team_create(
        campaign=world.campaign, by=world.admin, name=TEAM, members=[world.surveyor, member], leader=world.surveyor
    )
    assignments_add(team=team, by=world.admin, initiatives=[initiative])
    return SimpleNamespace(
        today=today,
        period=period,
        initiative=initiative,
        indicator=initiative.indicators.get(),
        team=team,
        leader=world.surveyor,
        member=member,
        outsider=surveyor(world, "khaosat_ngoai"),
        criteria=criteria_for(initiative),
    )


def persona(world, sv, name: str):
    return getattr(sv, name) if name in ("member", "outsider") else getattr(world, name)


def full_scores(sv, value=None) -> dict:
    return {c.pk: ScoreInput(c.max_score if value is None else value) for c in sv.criteria}


def member_draft(sv, **kwargs) -> Assessment:
    return assessment_save(
        initiative=sv.initiative, by=sv.member, kind=Assessment.Kind.MEMBER, scores=full_scores(sv), **kwargs
    )


def member_submitted(sv) -> Assessment:
    a = assessment_submit(assessment=member_draft(sv), by=sv.member)
    a.refresh_from_db()
    return a


def score_url(sv, name="assessments:score") -> str:
    return reverse(name, args=[sv.initiative.pk])


# ---- Anonymous ------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_the_login_page(world, sv, client):
    draft = member_draft(sv)
    campaign = world.campaign.pk
    cases = [
        ("get", reverse("assessments:mine")),
        ("get", reverse("assessments:overview", args=[campaign])),
        ("get", reverse("assessments:rubric", args=[campaign])),
        ("post", reverse("assessments:rubric", args=[campaign])),
        ("get", reverse("assessments:team_create", args=[campaign])),
        ("post", reverse("assessments:team_create", args=[campaign])),
        ("get", reverse("assessments:sample", args=[campaign])),
        ("post", reverse("assessments:sample", args=[campaign])),
        ("get", reverse("assessments:team", args=[sv.team.pk])),
        ("get", reverse("assessments:team_edit", args=[sv.team.pk])),
        ("post", reverse("assessments:assign", args=[sv.team.pk])),
        ("post", reverse("assessments:unassign", args=[sv.initiative.assignment.pk])),
        ("get", score_url(sv)),
        ("post", score_url(sv)),
        ("get", score_url(sv, "assessments:team_score")),
        ("get", score_url(sv, "assessments:self")),
        ("post", score_url(sv, "assessments:photo_add")),
        ("get", reverse("assessments:detail", args=[draft.pk])),
        ("post", reverse("assessments:reopen", args=[draft.pk])),
        ("get", reverse("assessments:self_report", args=[draft.pk])),
    ]
    for method, url in cases:
        assert_login_redirect(getattr(client, method)(url), f"{method.upper()} {url}")
    assert Assignment.objects.count() == 1
    assert Assessment.objects.count() == 1


# ---- Overview -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("leader", 200),
        ("officer_a", 200),
        ("officer_b", 200),
        ("surveyor", 200),  # on a team of this campaign
        ("member", 200),
        ("outsider", 404),  # a survey member on no team of this campaign
    ],
)
def test_survey_overview(world, sv, login, who, status):
    response = login(persona(world, sv, who)).get(reverse("assessments:overview", args=[world.campaign.pk]))
    assert response.status_code == status


def test_survey_overview_shows_the_team_to_the_admin(world, sv, login):
    response = login(world.admin).get(reverse("assessments:overview", args=[world.campaign.pk]))
    assert TEAM in page_text(response)


# ---- Rubric ---------------------------------------------------------------------------------------


def rubric_post(world, *, rename: str, drop_last_individual: bool = False) -> dict:
    rubric = rubric_create_default(world.campaign)
    criteria = list(rubric.criteria.order_by("position", "id"))
    data = {"version": rubric.version}
    for kind, prefix in ((Criterion.AppliesTo.COLLECTIVE, "col"), (Criterion.AppliesTo.INDIVIDUAL, "ind")):
        rows = [c for c in criteria if c.applies_to == kind]
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": len(rows),
                f"{prefix}-INITIAL_FORMS": len(rows),
                f"{prefix}-MIN_NUM_FORMS": 0,
                f"{prefix}-MAX_NUM_FORMS": 30,
            }
        )
        for n, c in enumerate(rows):
            data.update(
                {
                    f"{prefix}-{n}-name": c.name,
                    f"{prefix}-{n}-guidance": c.guidance,
                    f"{prefix}-{n}-max_score": c.max_score,
                    f"{prefix}-{n}-weight": f"{c.weight}",
                }
            )
        if kind == Criterion.AppliesTo.COLLECTIVE:
            data[f"{prefix}-0-name"] = rename
            data[f"{prefix}-0-max_score"] = 25
        elif drop_last_individual:
            data[f"{prefix}-{len(rows) - 1}-DELETE"] = "on"
    return data


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("leader", 200),
        ("officer_cell", 200),
        ("officer_b", 200),
        ("member", 200),
        ("outsider", 404),
    ],
)
def test_rubric_page(world, sv, login, who, status):
    response = login(persona(world, sv, who)).get(reverse("assessments:rubric", args=[world.campaign.pk]))
    assert response.status_code == status
    if status == 200:
        assert ('name="col-TOTAL_FORMS"' in page_text(response)) is (who == "admin")


def test_admin_edits_the_rubric_through_the_formsets(world, sv, login):
    before = {
        k: rubric_create_default(world.campaign).criteria.filter(applies_to=k).count()
        for k in ("collective", "individual")
    }
    url = reverse("assessments:rubric", args=[world.campaign.pk])
    response = login(world.admin).post(url, rubric_post(world, rename="Mục tiêu cụ thể", drop_last_individual=True))
    assert response.status_code == 302
    assert response["Location"] == url
    rubric = rubric_create_default(world.campaign)
    first = rubric.criteria.filter(applies_to=Criterion.AppliesTo.COLLECTIVE).order_by("position").first()
    assert (first.name, first.max_score) == ("Mục tiêu cụ thể", 25)
    assert rubric.criteria.filter(applies_to=Criterion.AppliesTo.COLLECTIVE).count() == before["collective"]
    assert rubric.criteria.filter(applies_to=Criterion.AppliesTo.INDIVIDUAL).count() == before["individual"] - 1


@pytest.mark.parametrize(
    ("who", "status"), [("leader", 403), ("officer_cell", 403), ("member", 403), ("outsider", 404)]
)
def test_others_cannot_edit_the_rubric(world, sv, login, who, status):
    data = rubric_post(world, rename="Sửa trái phép")
    response = login(persona(world, sv, who)).post(reverse("assessments:rubric", args=[world.campaign.pk]), data)
    assert response.status_code == status
    assert not Criterion.objects.filter(name="Sửa trái phép").exists()


def test_once_someone_scored_the_rubric_is_locked_even_for_the_admin(world, sv, login):
    member_draft(sv)
    url = reverse("assessments:rubric", args=[world.campaign.pk])
    client = login(world.admin)
    assert 'name="col-TOTAL_FORMS"' not in page_text(client.get(url))
    assert client.post(url, rubric_post(world, rename="Sửa sau khi chấm")).status_code == 403
    assert not Criterion.objects.filter(name="Sửa sau khi chấm").exists()


# ---- Teams ----------------------------------------------------------------------------------------


def test_admin_creates_a_team(world, sv, login):
    url = reverse("assessments:team_create", args=[world.campaign.pk])
    client = login(world.admin)
    assert client.get(url).status_code == 200
    data = {"name": "Đoàn khảo sát số 2", "members": [sv.outsider.pk, world.admin.pk], "leader": sv.outsider.pk}
    response = client.post(url, {**data, "note": "", "version": ""})
    assert response.status_code == 302
    team = SurveyTeam.objects.get(name="Đoàn khảo sát số 2")
    assert response["Location"] == reverse("assessments:team", args=[team.pk])
    assert set(team.members.values_list("user_id", "is_leader")) == {(sv.outsider.pk, True), (world.admin.pk, False)}


def test_a_team_member_must_be_a_survey_member_or_admin(world, sv, login):
    url = reverse("assessments:team_create", args=[world.campaign.pk])
    data = {"name": "Đoàn sai", "members": [world.officer_a.pk], "leader": world.officer_a.pk, "note": ""}
    response = login(world.admin).post(url, data)
    assert response.status_code == 400
    assert not SurveyTeam.objects.filter(name="Đoàn sai").exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("officer_a", 403), ("officer_b", 403), ("leader", 403), ("member", 403), ("outsider", 404)],
)
def test_others_cannot_create_a_team(world, sv, login, who, status):
    url = reverse("assessments:team_create", args=[world.campaign.pk])
    client = login(persona(world, sv, who))
    assert client.get(url).status_code == status
    data = {"name": "Đoàn trái phép", "members": [sv.outsider.pk], "leader": sv.outsider.pk, "note": ""}
    assert client.post(url, data).status_code == status
    assert not SurveyTeam.objects.filter(name="Đoàn trái phép").exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("member", 200),
        ("surveyor", 200),
        ("admin", 200),
        ("leader", 200),
        ("officer_cell", 404),  # the visited unit does not see who visits it
        ("officer_b", 404),
        ("outsider", 404),
    ],
)
def test_team_page(world, sv, login, who, status):
    response = login(persona(world, sv, who)).get(reverse("assessments:team", args=[sv.team.pk]))
    assert response.status_code == status
    if status == 200:
        assert TEAM in page_text(response)
        assert TITLE in page_text(response)


@pytest.mark.parametrize(("who", "status"), [("admin", 200), ("member", 403), ("leader", 403), ("officer_b", 404)])
def test_team_edit_page(world, sv, login, who, status):
    assert login(persona(world, sv, who)).get(reverse("assessments:team_edit", args=[sv.team.pk])).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        # Members and the bloc's leader see the team but may not change it.
        ("member", 403),
        ("leader", 403),
        ("officer_b", 404),
        ("outsider", 404),
    ],
)
def test_others_cannot_remove_an_assignment(world, sv, login, who, status):
    assignment = sv.initiative.assignment
    response = login(persona(world, sv, who)).post(reverse("assessments:unassign", args=[assignment.pk]))
    assert response.status_code == status
    assert Assignment.objects.filter(pk=assignment.pk).exists()


@pytest.mark.parametrize(("who", "status"), [("member", 403), ("leader", 403), ("officer_b", 404), ("outsider", 404)])
def test_others_cannot_assign_to_a_team(world, sv, login, who, status):
    beta = initiative_accept(
        initiative=world.make(world.unit_b, world.officer_b, "Ngày thứ Bảy xanh Beta", submit=True), by=world.admin
    )
    response = login(persona(world, sv, who)).post(
        reverse("assessments:assign", args=[sv.team.pk]), {"initiatives": [beta.pk]}
    )
    assert response.status_code == status
    assert not Assignment.objects.filter(initiative=beta).exists()


def test_admin_assigns_to_a_team(world, sv, login):
    beta = initiative_accept(
        initiative=world.make(world.unit_b, world.officer_b, "Ngày thứ Bảy xanh Beta", submit=True), by=world.admin
    )
    response = login(world.admin).post(reverse("assessments:assign", args=[sv.team.pk]), {"initiatives": [beta.pk]})
    assert response.status_code == 302
    assert Assignment.objects.get(initiative=beta).team == sv.team


# ---- Sampling -------------------------------------------------------------------------------------


def test_admin_draws_a_sample_and_confirms_it(world, sv, login):
    beta = initiative_accept(
        initiative=world.make(world.unit_b, world.officer_b, "Ngày thứ Bảy xanh Beta", submit=True), by=world.admin
    )
    url = reverse("assessments:sample", args=[world.campaign.pk])
    client = login(world.admin)
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "draw", "size": 5, "per_unit_max": 2, "seed": 7})
    assert response.status_code == 200
    text = page_text(response)
    assert "Ngày thứ Bảy xanh Beta" in text
    assert f'name="team_{beta.pk}"' in text
    assert not Assignment.objects.filter(initiative=beta).exists()  # drawing writes nothing

    response = client.post(url, {"action": "confirm", "pick": [beta.pk], f"team_{beta.pk}": sv.team.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:overview", args=[world.campaign.pk])
    assert Assignment.objects.get(initiative=beta).team == sv.team


def test_confirming_without_a_team_assigns_nothing(world, sv, login):
    beta = initiative_accept(
        initiative=world.make(world.unit_b, world.officer_b, "Ngày thứ Bảy xanh Beta", submit=True), by=world.admin
    )
    url = reverse("assessments:sample", args=[world.campaign.pk])
    response = login(world.admin).post(url, {"action": "confirm", "pick": [beta.pk], f"team_{beta.pk}": "999999"})
    assert response.status_code == 200
    assert not Assignment.objects.filter(initiative=beta).exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("officer_a", 403), ("officer_b", 403), ("leader", 403), ("member", 403), ("outsider", 404)],
)
def test_others_cannot_sample(world, sv, login, who, status):
    beta = initiative_accept(
        initiative=world.make(world.unit_b, world.officer_b, "Ngày thứ Bảy xanh Beta", submit=True), by=world.admin
    )
    url = reverse("assessments:sample", args=[world.campaign.pk])
    client = login(persona(world, sv, who))
    assert client.get(url).status_code == status
    assert client.post(url, {"action": "draw", "size": 5, "per_unit_max": 2}).status_code == status
    response = client.post(url, {"action": "confirm", "pick": [beta.pk], f"team_{beta.pk}": sv.team.pk})
    assert response.status_code == status
    assert not Assignment.objects.filter(initiative=beta).exists()


# ---- A member's list ------------------------------------------------------------------------------


@pytest.mark.parametrize(("who", "listed"), [("surveyor", True), ("member", True), ("outsider", False)])
def test_mine_lists_the_assigned_initiatives(world, sv, login, who, listed):
    response = login(persona(world, sv, who)).get(reverse("assessments:mine"))
    assert response.status_code == 200
    assert (TITLE in page_text(response)) is listed
    assert (score_url(sv) in page_text(response)) is listed


def test_only_the_team_leader_is_offered_the_team_score_on_mine(world, sv, login):
    team_score = score_url(sv, "assessments:team_score")
    assert team_score in page_text(login(sv.leader).get(reverse("assessments:mine")))
    assert team_score not in page_text(login(sv.member).get(reverse("assessments:mine")))


# ---- Member's scoring -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("member", 200),
        ("surveyor", 200),  # the leader scores on their own too
        ("admin", 403),  # sees the initiative, is on no team
        ("leader", 403),
        ("officer_cell", 403),
        ("officer_b", 404),
        ("outsider", 404),
    ],
)
def test_score_page_get(world, sv, login, who, status):
    response = login(persona(world, sv, who)).get(score_url(sv))
    assert response.status_code == status
    if status == 200:
        text = page_text(response)
        assert TITLE in text
        assert all(f'name="score_{c.pk}"' in text for c in sv.criteria)


@pytest.mark.parametrize("own", ["cell_a", "unit_a"])
def test_a_member_of_the_initiatives_unit_is_refused_for_conflict_of_interest(world, sv, login, own):
    membership_grant(user=sv.member, organization=getattr(world, own), role=Membership.Role.OFFICER, by=None)
    client = login(sv.member)
    response = client.get(score_url(sv))
    assert response.status_code == 403
    assert CONFLICT in page_text(response)
    data = {f"score_{sv.criteria[0].pk}": "5", "comment": "", "save": ""}
    response = client.post(score_url(sv), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert CONFLICT in page_text(response)
    assert client.get(score_url(sv, "assessments:team_score")).status_code == 403
    assert not Assessment.objects.exists()


def test_a_member_saves_a_draft_as_json(world, sv, login):
    first, second = sv.criteria[:2]
    data = {f"score_{first.pk}": "7,5", f"note_{first.pk}": "Có kế hoạch", f"score_{second.pk}": "", "save": ""}
    response = login(sv.member).post(
        score_url(sv), {**data, "version": "", "comment": "Nháp"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    saved = Assessment.objects.get(initiative=sv.initiative, assessor=sv.member)
    assert body["version"] == saved.version
    assert (saved.kind, saved.status, saved.comment) == (Assessment.Kind.MEMBER, Assessment.Status.DRAFT, "Nháp")
    assert dict(saved.scores.values_list("criterion_id", "value")) == {first.pk: 7.5}
    # The page shows the draft again as it was typed.
    assert f'name="score_{first.pk}" value="7.5"' in page_text(login(sv.member).get(score_url(sv)))

    # The next autosave carries the version it was given.
    data[f"score_{second.pk}"] = "3"
    response = login(sv.member).post(
        score_url(sv), {**data, "version": body["version"], "comment": ""}, HTTP_ACCEPT="application/json"
    )
    assert response.json()["ok"] is True
    assert response.json()["version"] == body["version"] + 1


def test_a_score_above_the_maximum_via_json_is_refused(world, sv, login):
    criterion = sv.criteria[0]
    data = {f"score_{criterion.pk}": str(criterion.max_score + 1), "version": "", "comment": "", "save": ""}
    response = login(sv.member).post(score_url(sv), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert criterion.name in body["message"]
    assert f"từ 0 đến {criterion.max_score}" in body["message"]
    assert f"score_{criterion.pk}" in body["errors"]
    assert not Assessment.objects.exists()
    assert not Score.objects.exists()


def test_a_stale_autosave_is_refused(world, sv, login):
    draft = member_draft(sv)
    criterion = sv.criteria[0]
    data = {f"score_{criterion.pk}": "1", "version": draft.version - 1, "comment": "", "save": ""}
    response = login(sv.member).post(score_url(sv), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert Score.objects.get(assessment=draft, criterion=criterion).value == criterion.max_score


def test_a_member_submits_through_the_page(world, sv, login):
    data = {f"score_{c.pk}": str(c.max_score) for c in sv.criteria}
    response = login(sv.member).post(score_url(sv), {**data, "version": "", "comment": "", "submit": ""})
    saved = Assessment.objects.get(assessor=sv.member)
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:detail", args=[saved.pk])
    assert (saved.status, saved.total) == (Assessment.Status.SUBMITTED, 100)
    # Once sent, the scoring page leads to the read-only assessment.
    assert login(sv.member).get(score_url(sv))["Location"] == reverse("assessments:detail", args=[saved.pk])


def test_score_page_query_count_is_pinned(world, sv, login, django_assert_max_num_queries):
    """A member's draft with every criterion scored and noted, more indicators and two sent reports: the page
    must not ask once per criterion, indicator or report."""
    campaign_update(
        campaign=world.campaign,
        by=world.admin,
        periods=[
            {
                "name": "Quý 0",
                "starts_on": sv.today - 90 * DAY,
                "ends_on": sv.today - 60 * DAY,
                "due_on": sv.today - 50 * DAY,
            },
            {
                "name": "Quý I",
                "starts_on": sv.today - 30 * DAY,
                "ends_on": sv.today + 30 * DAY,
                "due_on": sv.today + 40 * DAY,
            },
        ],
    )
    for period in world.campaign.periods.all():
        report = report_save(
            initiative=sv.initiative,
            period=period,
            by=world.officer_cell,
            values={sv.indicator.pk: "20"},
            activities="Tư vấn pháp luật.",
        )
        report_submit(report=report, by=world.officer_cell)
    assessment_save(
        initiative=sv.initiative,
        by=sv.member,
        kind=Assessment.Kind.MEMBER,
        scores={c.pk: ScoreInput(c.max_score, "Ghi chú") for c in sv.criteria},
        comment="Nháp",
    )
    client = login(sv.member)
    client.get(score_url(sv))  # warm the session and the template caches
    # Measured: 17 queries on SQLite and PostgreSQL (14 with no draft and no report: the draft's scores and
    # photos, and the reports' evidence, are one query each whatever their number; a third period and report
    # still give 17).
    with django_assert_max_num_queries(19):
        response = client.get(score_url(sv))
    assert response.status_code == 200


# ---- Team score -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("surveyor", 200), ("member", 403), ("admin", 403), ("officer_cell", 403), ("officer_b", 404), ("outsider", 404)],
)
def test_team_score_page_is_the_leaders(world, sv, login, who, status):
    response = login(persona(world, sv, who)).get(score_url(sv, "assessments:team_score"))
    assert response.status_code == status


def test_a_member_cannot_record_the_team_score(world, sv, login):
    member_submitted(sv)
    data = {f"score_{c.pk}": "1" for c in sv.criteria}
    response = login(sv.member).post(score_url(sv, "assessments:team_score"), {**data, "comment": "", "save": ""})
    assert response.status_code == 403
    assert not Assessment.objects.filter(kind=Assessment.Kind.TEAM).exists()


def test_the_leader_is_offered_the_members_mean(world, sv, login):
    member_submitted(sv)
    response = login(sv.leader).get(score_url(sv, "assessments:team_score"))
    assert response.status_code == 200
    first = sv.criteria[0]
    assert f'name="score_{first.pk}" value="{first.max_score}"' in page_text(response)


# ---- Self-assessment ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("officer_cell", 200),
        ("officer_a", 200),
        ("admin", 200),
        ("leader", 403),
        ("surveyor", 403),  # sees the initiative through the team, never assesses for the unit
        ("member", 403),
        ("officer_b", 404),
        ("outsider", 404),
    ],
)
def test_self_assessment_page(world, sv, login, who, status):
    response = login(persona(world, sv, who)).get(score_url(sv, "assessments:self"))
    assert response.status_code == status
    if status == 200:
        assert 'name="report_file"' in page_text(response)


def test_the_unit_saves_its_self_assessment_draft(world, sv, login):
    data = {f"score_{c.pk}": "1" for c in sv.criteria}
    response = login(world.officer_cell).post(score_url(sv, "assessments:self"), {**data, "comment": "", "save": ""})
    assert response.status_code == 302
    saved = Assessment.objects.get(kind=Assessment.Kind.SELF)
    assert (saved.assessor, saved.team, saved.status) == (world.officer_cell, None, Assessment.Status.DRAFT)


def test_a_survey_member_cannot_write_the_self_assessment(world, sv, login):
    data = {f"score_{c.pk}": "1" for c in sv.criteria}
    response = login(sv.member).post(score_url(sv, "assessments:self"), {**data, "comment": "", "save": ""})
    assert response.status_code == 403
    assert not Assessment.objects.exists()


# ---- An assessment and its reopening --------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("member", 200),
        ("admin", 200),
        ("surveyor", 404),  # the leader sees members' scorings once sent
        ("officer_cell", 404),
        ("leader", 404),
        ("officer_b", 404),
    ],
)
def test_a_members_draft_is_private(world, sv, login, who, status):
    draft = member_draft(sv)
    assert login(persona(world, sv, who)).get(reverse("assessments:detail", args=[draft.pk])).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [("member", 200), ("admin", 200), ("surveyor", 200), ("officer_cell", 404), ("leader", 404), ("officer_b", 404)],
)
def test_a_members_sent_scoring(world, sv, login, who, status):
    sent = member_submitted(sv)
    assert login(persona(world, sv, who)).get(reverse("assessments:detail", args=[sent.pk])).status_code == status


@pytest.mark.parametrize(("who", "status"), [("member", 403), ("officer_cell", 404), ("officer_b", 404)])
def test_others_cannot_reopen(world, sv, login, who, status):
    sent = member_submitted(sv)
    url = reverse("assessments:reopen", args=[sent.pk])
    response = login(persona(world, sv, who)).post(url, {"reason": "Chấm lại."})
    assert response.status_code == status
    sent.refresh_from_db()
    assert sent.status == Assessment.Status.SUBMITTED


@pytest.mark.parametrize("who", ["admin", "surveyor"])
def test_the_admin_or_the_team_leader_reopens(world, sv, login, who):
    sent = member_submitted(sv)
    url = reverse("assessments:reopen", args=[sent.pk])
    response = login(persona(world, sv, who)).post(url, {"reason": "Chấm nhầm tiêu chí 2."})
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:detail", args=[sent.pk])
    sent.refresh_from_db()
    assert (sent.status, sent.total) == (Assessment.Status.DRAFT, None)
    # Reopened: the member may score again.
    assert login(sv.member).get(score_url(sv)).status_code == 200


def test_reopening_without_a_reason_changes_nothing(world, sv, login):
    sent = member_submitted(sv)
    response = login(world.admin).post(reverse("assessments:reopen", args=[sent.pk]), {"reason": ""})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == Assessment.Status.SUBMITTED
