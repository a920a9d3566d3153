"""Checking: scoring against the rubric, conflicts of interest, the team's reconciled score, reopening,
self-assessment, and the figures the bloc reads from them."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.assessments.models import Assessment, AssessmentPhoto, Score
from danvan.assessments.services import (
    ScoreInput,
    assessment_reopen,
    assessment_save,
    assessment_submit,
    assignment_remove,
    assignments_add,
    criteria_for,
    gap,
    is_large_gap,
    photo_add,
    suggested_team_scores,
    team_create,
    weighted_total,
)
from danvan.campaigns.models import Criterion
from danvan.campaigns.services import CriterionInput, rubric_update
from danvan.core.models import AuditEntry
from danvan.demo.checking import pdf, png
from danvan.initiatives.services import initiative_accept
from danvan.insights.checking import assessment_board, survey_figures
from danvan.orgs.models import Membership

M, T, S = Assessment.Kind.MEMBER, Assessment.Kind.TEAM, Assessment.Kind.SELF
CONFLICT = "xung đột lợi ích"


def said(excinfo) -> str:
    return " ".join(excinfo.value.messages)


def surveyor(world, username: str):
    from danvan.orgs.services import membership_grant

    user = get_user_model().objects.create_user(
        username=username, password="Mat-khau-dai-123", email=f"{username}@test.vn"
    )
    membership_grant(user=user, organization=world.partner, role=Membership.Role.SURVEYOR, by=None)
    return user


@pytest.fixture
def sc(world):
    """A two-criterion rubric (weights 2 and 1, out of 10 and 20), accepted initiatives of the cell A1, of A
    and of B, and a team of three survey members (led by `world.surveyor`) assigned all three."""
    rubric_update(
        campaign=world.campaign,
        by=world.admin,
        criteria=[
            CriterionInput(Criterion.AppliesTo.COLLECTIVE, "Hiệu quả thiết thực", 10, 2),
            CriterionInput(Criterion.AppliesTo.COLLECTIVE, "Khả năng nhân rộng", 20, 1),
            CriterionInput(Criterion.AppliesTo.INDIVIDUAL, "Gương mẫu", 10, 1),
        ],
    )
    cell = initiative_accept(initiative=world.submitted_a, by=world.admin)
    a = initiative_accept(
        initiative=world.make(world.unit_a, world.officer_a, "Dân vận chính quyền Alpha", submit=True), by=world.admin
    )
    b = initiative_accept(
        initiative=world.make(world.unit_b, world.officer_b, "Ngày thứ Bảy xanh Beta", submit=True), by=world.admin
    )
    s2, s3 = surveyor(world, "khaosat2"), surveyor(world, "khaosat3")
    team = team_create(
        campaign=world.campaign,
        by=world.admin,
        name="Đoàn khảo sát số 1",
        members=[world.surveyor, s2, s3],
        leader=world.surveyor,
    )
    assignments_add(team=team, by=world.admin, initiatives=[cell, a, b])
    effect, spread = criteria_for(cell)
    return SimpleNamespace(
        cell=cell, a=a, b=b, team=team, leader=world.surveyor, s2=s2, s3=s3, effect=effect, spread=spread
    )


def score(sc, initiative, user, kind, values, *, submit=True, **extra) -> Assessment:
    scores = {c.pk: ScoreInput(v) for c, v in zip((sc.effect, sc.spread), values, strict=False)}
    a = assessment_save(initiative=initiative, by=user, kind=kind, scores=scores, **extra)
    if submit:
        a = assessment_submit(assessment=a, by=user)
    a.refresh_from_db()
    return a


def report_pdf():
    return SimpleUploadedFile("bao-cao-tu-danh-gia.pdf", pdf("Bao cao tu danh gia"))


# --- Arithmetic ------------------------------------------------------------------------------------------------


def test_the_total_is_weighted_points_over_the_weighted_maximum_on_a_scale_of_100():
    a = Criterion(name="a", weight=Decimal(2), max_score=10)
    b = Criterion(name="b", weight=Decimal(1), max_score=20)
    # 100 × (2×5 + 1×20) / (2×10 + 1×20) = 75
    assert weighted_total([(a, Decimal(5)), (b, Decimal(20))]) == Decimal("75.00")
    assert weighted_total([(a, Decimal(10)), (b, Decimal(20))]) == Decimal("100.00")
    assert weighted_total([(a, Decimal(0)), (b, Decimal("0.5"))]) == Decimal("1.25")
    # Two decimals, halves rounded up: 100 × 1 / 800 = 0.125.
    assert weighted_total([(Criterion(name="c", weight=Decimal(1), max_score=800), Decimal(1))]) == Decimal("0.13")
    assert weighted_total([]) == Decimal(0)


def test_a_submitted_scoring_carries_its_weighted_total(world, sc):
    a = score(sc, sc.cell, sc.s2, M, ["5", "20"])
    assert (a.status, a.total) == (Assessment.Status.SUBMITTED, Decimal("75.00"))
    assert a.submitted_at is not None


# --- Scores refused --------------------------------------------------------------------------------------------


def test_a_score_above_the_criterions_maximum_is_refused_and_nothing_saved(world, sc):
    with pytest.raises(ValidationError) as e:
        score(sc, sc.cell, sc.s2, M, ["11", "20"], submit=False)
    assert "Hiệu quả thiết thực" in said(e)
    assert "10" in said(e)
    assert not Assessment.objects.exists()
    assert not Score.objects.exists()

    # A draft saved before keeps its scores when a later save is refused.
    draft = score(sc, sc.cell, sc.s2, M, ["6", "12"], submit=False)
    with pytest.raises(ValidationError) as e:
        score(sc, sc.cell, sc.s2, M, ["7", "21"], submit=False)
    assert "Khả năng nhân rộng" in said(e)
    assert dict(draft.scores.values_list("criterion_id", "value")) == {
        sc.effect.pk: Decimal("6.00"),
        sc.spread.pk: Decimal("12.00"),
    }
    with pytest.raises(ValidationError):
        score(sc, sc.cell, sc.s2, M, ["-1", "12"], submit=False)


def test_a_score_that_is_not_a_number_is_refused(world, sc):
    with pytest.raises(ValidationError) as e:
        score(sc, sc.cell, sc.s2, M, ["mười", "12"], submit=False)
    assert "Hiệu quả thiết thực" in said(e)
    assert "phải là một số" in said(e)
    assert not Assessment.objects.exists()


def test_scores_go_by_half_points_and_accept_a_decimal_comma(world, sc):
    with pytest.raises(ValidationError) as e:
        score(sc, sc.cell, sc.s2, M, ["7.25", "12"], submit=False)
    assert "0,5" in said(e)
    a = score(sc, sc.cell, sc.s2, M, ["7,5", "12"], submit=False)
    assert a.scores.get(criterion=sc.effect).value == Decimal("7.5")


# --- Who may score ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "own_org, role, target",
    [
        ("unit_a", Membership.Role.LEADER, "cell"),  # a member of the base unit scoring its cell's initiative
        ("cell_a", Membership.Role.OFFICER, "a"),  # a member of the cell scoring its base unit's initiative
        ("unit_a", Membership.Role.OFFICER, "a"),
    ],
)
def test_a_member_never_scores_an_initiative_of_their_own_unit(world, sc, own_org, role, target):
    from danvan.orgs.services import membership_grant

    insider = surveyor(world, "khaosat.noibo")
    membership_grant(user=insider, organization=getattr(world, own_org), role=role, by=None)
    team = team_create(
        campaign=world.campaign, by=world.admin, name="Đoàn số 2", members=[insider, world.admin], leader=insider
    )
    initiative = world.make(world.unit_b, world.officer_b, "Beta thứ hai", submit=True)
    initiative_accept(initiative=initiative, by=world.admin)
    # Move the target initiative to this team.
    assignment_remove(assignment=getattr(sc, target).assignment, by=world.admin)
    assignments_add(team=team, by=world.admin, initiatives=[getattr(sc, target), initiative])

    for kind in (M, T):
        with pytest.raises(ValidationError) as e:
            score(sc, getattr(sc, target), insider, kind, ["5", "10"], submit=False)
        assert CONFLICT in said(e)
    assert not Assessment.objects.exists()
    # The same person scores another unit's initiative.
    assert score(sc, initiative, insider, M, ["5", "10"]).total == Decimal("50.00")


def test_a_survey_member_not_on_the_assigned_team_cannot_score(world, sc):
    outsider = surveyor(world, "khaosat.ngoai")
    team_create(campaign=world.campaign, by=world.admin, name="Đoàn số 2", members=[outsider], leader=outsider)
    for user in (outsider, world.admin):
        with pytest.raises(ValidationError) as e:
            score(sc, sc.cell, user, M, ["5", "10"], submit=False)
        assert "không được giao cho đoàn" in said(e)
    with pytest.raises(ValidationError):
        score(sc, sc.cell, world.officer_cell, M, ["5", "10"], submit=False)
    assert not Assessment.objects.exists()


# --- Submitting ------------------------------------------------------------------------------------------------


def test_submitting_needs_every_criterion_scored(world, sc):
    a = score(sc, sc.cell, sc.s2, M, ["5"], submit=False)
    with pytest.raises(ValidationError) as e:
        assessment_submit(assessment=a, by=sc.s2)
    assert "Khả năng nhân rộng" in said(e)
    assert "Hiệu quả thiết thực" not in said(e)
    a.refresh_from_db()
    assert (a.status, a.total) == (Assessment.Status.DRAFT, None)


def test_a_scoring_is_submitted_only_once(world, sc):
    a = score(sc, sc.cell, sc.s2, M, ["5", "10"])
    with pytest.raises(ValidationError) as e:
        assessment_submit(assessment=a, by=sc.s2)
    assert "lần thứ hai" in said(e)
    with pytest.raises(ValidationError):
        score(sc, sc.cell, sc.s2, M, ["10", "20"], submit=False)
    a.refresh_from_db()
    assert a.total == Decimal("50.00")


def test_the_teams_score_waits_for_a_members_independent_scoring(world, sc):
    team = score(sc, sc.cell, sc.leader, T, ["7", "14"], submit=False)
    with pytest.raises(ValidationError) as e:
        assessment_submit(assessment=team, by=sc.leader)
    assert "Các thành viên chưa gửi điểm" in said(e)
    score(sc, sc.cell, sc.s2, M, ["6", "12"], submit=False)  # a draft is not enough
    with pytest.raises(ValidationError):
        assessment_submit(assessment=team, by=sc.leader)

    assessment_submit(assessment=Assessment.objects.get(kind=M, assessor=sc.s2), by=sc.s2)
    team = assessment_submit(assessment=team, by=sc.leader)
    team.refresh_from_db()
    assert (team.status, team.total, team.assessor) == (Assessment.Status.SUBMITTED, Decimal("70.00"), sc.leader)


def test_only_the_leader_records_the_teams_score(world, sc):
    with pytest.raises(ValidationError) as e:
        score(sc, sc.cell, sc.s2, T, ["7", "14"], submit=False)
    assert "Chỉ trưởng đoàn" in said(e)
    assert not Assessment.objects.filter(kind=T).exists()


def test_the_suggested_team_score_is_the_members_mean_rounded_to_half_a_point(world, sc):
    score(sc, sc.cell, sc.leader, M, ["7", "10.5"])
    score(sc, sc.cell, sc.s2, M, ["7.5", "11"])
    score(sc, sc.cell, sc.s3, M, ["0", "0"], submit=False)  # drafts do not count

    def suggested():
        return suggested_team_scores(Assessment.objects.filter(initiative=sc.cell).prefetch_related("scores"))

    # 7.25 → 7.5 and 10.75 → 11.
    assert suggested() == {sc.effect.pk: Decimal("7.5"), sc.spread.pk: Decimal("11")}
    assessment_submit(assessment=score(sc, sc.cell, sc.s3, M, ["4", "20"], submit=False), by=sc.s3)
    # (7 + 7.5 + 4) / 3 = 6.17 → 6 and (10.5 + 11 + 20) / 3 = 13.83 → 14.
    assert suggested() == {sc.effect.pk: Decimal("6"), sc.spread.pk: Decimal("14")}


# --- Reopening -------------------------------------------------------------------------------------------------


def test_only_the_team_leader_or_the_bloc_administrator_reopens_a_scoring(world, sc):
    score(sc, sc.cell, sc.s2, M, ["7", "14"])
    team = score(sc, sc.cell, sc.leader, T, ["7", "14"])
    own = Assessment.objects.get(kind=M, assessor=sc.s2)
    for user, target in ((sc.s2, team), (sc.s2, own), (world.officer_cell, team), (world.officer_a, team)):
        with pytest.raises(ValidationError) as e:
            assessment_reopen(assessment=target, by=user, reason="Chấm lại.")
        assert "Chỉ trưởng đoàn hoặc quản trị" in said(e)
    team.refresh_from_db()
    assert (team.status, team.total) == (Assessment.Status.SUBMITTED, Decimal("70.00"))

    assessment_reopen(assessment=team, by=sc.leader, reason="Thống nhất lại tiêu chí 2.")
    assessment_reopen(assessment=own, by=world.admin, reason="Chấm nhầm mô hình.")
    for a in (team, own):
        a.refresh_from_db()
        assert (a.status, a.total, a.submitted_at) == (Assessment.Status.DRAFT, None, None)


def test_a_unit_cannot_reopen_its_own_self_assessment(world, sc):
    mine = score(sc, sc.cell, world.officer_cell, S, ["9", "18"], report_file=report_pdf())
    for user in (world.officer_cell, world.officer_a, sc.leader):
        with pytest.raises(ValidationError):
            assessment_reopen(assessment=mine, by=user, reason="Tự sửa điểm.")
    assessment_reopen(assessment=mine, by=world.admin, reason="Đơn vị xin sửa báo cáo.")
    mine.refresh_from_db()
    assert mine.status == Assessment.Status.DRAFT


def test_a_reopen_needs_a_reason(world, sc):
    a = score(sc, sc.cell, sc.s2, M, ["7", "14"])
    with pytest.raises(ValidationError):
        assessment_reopen(assessment=a, by=world.admin, reason="   ")
    a.refresh_from_db()
    assert a.status == Assessment.Status.SUBMITTED


def test_the_audit_log_keeps_the_first_submitted_scores_and_the_new_ones(world, sc):
    a = score(sc, sc.cell, sc.s2, M, ["7", "10"])
    assessment_reopen(assessment=a, by=world.admin, reason="Chấm nhầm tiêu chí 1.")
    a = score(sc, sc.cell, sc.s2, M, ["8", "12"])
    assert a.total == Decimal("70.00")

    entries = list(AuditEntry.objects.filter(target_type="assessments.assessment", target_id=str(a.pk)).order_by("id"))
    assert [e.action for e in entries] == ["assessment.submit.member", "assessment.reopen", "assessment.submit.member"]
    first, reopen, second = (e.changes for e in entries)

    def values(changes):
        return {name: Decimal(s["value"]) for name, s in changes["scores"].items()}

    assert values(reopen) == {"Hiệu quả thiết thực": Decimal(7), "Khả năng nhân rộng": Decimal(10)}
    assert Decimal(reopen["total"]) == Decimal(60)
    assert reopen["reason"] == "Chấm nhầm tiêu chí 1."
    assert entries[1].actor == world.admin
    assert values(first) == values(reopen)
    assert values(second) == {"Hiệu quả thiết thực": Decimal(8), "Khả năng nhân rộng": Decimal(12)}
    assert Decimal(second["total"]) == Decimal(70)


# --- Self-assessment -------------------------------------------------------------------------------------------


def test_a_self_assessment_is_sent_with_its_report_attached(world, sc):
    mine = score(sc, sc.cell, world.officer_cell, S, ["9", "18"], submit=False)
    with pytest.raises(ValidationError) as e:
        assessment_submit(assessment=mine, by=world.officer_cell)
    assert "báo cáo tự đánh giá" in said(e)
    with pytest.raises(ValidationError) as e:
        score(
            sc,
            sc.cell,
            world.officer_cell,
            S,
            ["9", "18"],
            submit=False,
            report_file=SimpleUploadedFile("anh.png", png((1, 2, 3))),
        )
    assert "PDF" in said(e)
    mine.refresh_from_db()
    assert (mine.status, mine.report_file.name) == (Assessment.Status.DRAFT, "")

    mine = score(sc, sc.cell, world.officer_cell, S, ["9", "18"], report_file=report_pdf())
    assert (mine.status, mine.total, mine.report_name) == (
        Assessment.Status.SUBMITTED,
        Decimal("90.00"),
        "bao-cao-tu-danh-gia.pdf",
    )


def test_only_the_unit_self_assesses_its_initiative(world, sc):
    for user in (world.officer_b, sc.s2):
        with pytest.raises(ValidationError):
            score(sc, sc.cell, user, S, ["9", "18"], submit=False)
    assert not Assessment.objects.exists()


# --- Photos ----------------------------------------------------------------------------------------------------


def test_a_member_adds_photos_to_their_own_draft_only(world, sc):
    mine = score(sc, sc.cell, sc.s2, M, ["7", "14"], submit=False)
    photo = photo_add(assessment=mine, by=sc.s2, upload=SimpleUploadedFile("hien-truong.png", png((9, 9, 9))))
    assert photo.content_type == "image/png"
    with pytest.raises(ValidationError):
        photo_add(assessment=mine, by=sc.s2, upload=SimpleUploadedFile("bien-ban.pdf", pdf("x")))
    with pytest.raises(ValidationError):
        photo_add(assessment=mine, by=sc.leader, upload=SimpleUploadedFile("cua-toi.png", png((1, 1, 1))))
    assessment_submit(assessment=mine, by=sc.s2)
    with pytest.raises(ValidationError):
        photo_add(assessment=mine, by=sc.s2, upload=SimpleUploadedFile("muon.png", png((2, 2, 2))))
    assert AssessmentPhoto.objects.count() == 1


# --- Figures ---------------------------------------------------------------------------------------------------


def test_the_gap_is_self_score_minus_team_score_and_15_points_is_large():
    assert gap(Decimal("90"), Decimal("70")) == Decimal(20)
    assert gap(Decimal("60"), Decimal("70")) == Decimal(-10)
    assert gap(None, Decimal("70")) is None
    assert gap(Decimal("70"), None) is None
    assert is_large_gap(Decimal(15)) and is_large_gap(Decimal(-15)) and is_large_gap(Decimal(20))
    assert not is_large_gap(Decimal("14.99")) and not is_large_gap(Decimal("-14.5")) and not is_large_gap(None)


def test_the_board_shows_team_and_self_scores_with_their_gap(world, sc):
    for initiative in (sc.cell, sc.b):
        score(sc, initiative, sc.s2, M, ["7", "14"])
        score(sc, initiative, sc.leader, T, ["7", "14"])  # 70
    score(sc, sc.cell, world.officer_cell, S, ["9", "18"], report_file=report_pdf())  # 90
    score(sc, sc.b, world.officer_b, S, ["8", "16"], report_file=report_pdf())  # 80
    score(sc, sc.a, world.officer_a, S, ["10", "20"], report_file=report_pdf(), submit=False)  # a draft

    rows = {r.initiative.pk: r for r in assessment_board(world.campaign, world.admin)}
    assert set(rows) == {sc.cell.pk, sc.a.pk, sc.b.pk}
    cell, a, b = rows[sc.cell.pk], rows[sc.a.pk], rows[sc.b.pk]
    assert (cell.team_total, cell.self_total, cell.gap, cell.large_gap) == (Decimal(70), Decimal(90), Decimal(20), True)
    assert (b.team_total, b.self_total, b.gap, b.large_gap) == (Decimal(70), Decimal(80), Decimal(10), False)
    assert (a.team_total, a.self_total, a.gap, a.large_gap) == (None, None, None, False)
    assert cell.team == "Đoàn khảo sát số 1"
    assert [r.initiative.pk for r in assessment_board(world.campaign, world.admin, only_large_gaps=True)] == [
        sc.cell.pk
    ]


def test_survey_figures_count_surveyed_initiatives_their_units_and_the_self_assessed_others(world, sc):
    c = world.make(world.unit_c, world.admin, "Gamma tự đánh giá", submit=True)
    initiative_accept(initiative=c, by=world.admin)
    # The cell A1's and A's initiatives are scored by the team: two initiatives, one base unit (A).
    for initiative in (sc.cell, sc.a):
        score(sc, initiative, sc.s2, M, ["7", "14"])
        score(sc, initiative, sc.leader, T, ["7", "14"])
    # B's initiative: a member scored it but the team's score is only a draft; B assessed itself.
    score(sc, sc.b, sc.s2, M, ["7", "14"])
    score(sc, sc.b, sc.leader, T, ["7", "14"], submit=False)
    score(sc, sc.b, world.officer_b, S, ["8", "16"], report_file=report_pdf())
    # A self-assessment of a surveyed initiative does not count as self-assessed; a draft neither.
    score(sc, sc.cell, world.officer_cell, S, ["9", "18"], report_file=report_pdf())
    score(sc, c, world.admin, S, ["9", "18"], report_file=report_pdf(), submit=False)

    f = survey_figures(world.campaign, world.admin)
    assert (f.surveyed, f.surveyed_units, f.self_assessed, f.accepted, f.not_assessed) == (2, 1, 1, 4, 1)

    assessment_submit(assessment=Assessment.objects.get(initiative=c, kind=S), by=world.admin)
    assessment_submit(assessment=Assessment.objects.get(initiative=sc.b, kind=T), by=sc.leader)
    f = survey_figures(world.campaign, world.admin)
    assert (f.surveyed, f.surveyed_units, f.self_assessed, f.not_assessed) == (3, 2, 1, 0)
