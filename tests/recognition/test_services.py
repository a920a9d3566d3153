"""The year-end review as the bloc administrator works it: results with their reasons, shortlist rounds,
commendation decisions resting on the evidence of the day, and other units replicating exemplary initiatives."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from danvan.assessments.models import Assessment
from danvan.assessments.services import (
    ScoreInput,
    assessment_reopen,
    assessment_save,
    assessment_submit,
    assignments_add,
    criteria_for,
    team_create,
)
from danvan.campaigns.models import Campaign, Criterion
from danvan.campaigns.services import CriterionInput, campaign_close, campaign_update, rubric_update
from danvan.core.models import AuditEntry
from danvan.demo.checking import pdf
from danvan.initiatives.models import Initiative, InitiativeEvent
from danvan.initiatives.services import (
    COPIED_ON_CARRY_OVER,
    IndicatorInput,
    initiative_accept,
    initiative_create,
    initiative_submit,
    initiative_withdraw,
)
from danvan.orgs.models import Membership, Organization
from danvan.orgs.services import membership_grant, organization_create
from danvan.recognition.models import Commendation, CommendationEntry, Replication, ShortlistEntry
from danvan.recognition.services import (
    EntryInput,
    commendation_create,
    commendation_delete,
    initiative_replicate,
    result_decide,
    shortlist_add,
    shortlist_decide,
    shortlist_remove,
)
from danvan.showcase.services import showcase_save, showcase_set_published
from tests.conftest import FULL

R = Initiative.Result
M, T, S = Assessment.Kind.MEMBER, Assessment.Kind.TEAM, Assessment.Kind.SELF


def fields_named(excinfo) -> set[str]:
    return set(getattr(excinfo.value, "error_dict", {}))


def said(excinfo) -> str:
    return " ".join(excinfo.value.messages)


def with_room(world):
    """The world with room for more initiatives per unit (the quota is not what these tests are about)."""
    campaign_update(campaign=world.campaign, by=world.admin, quota_max=10)
    return world


@pytest.fixture
def rv(world):
    return with_room(world)


def accepted(world, unit, officer, title, **extra) -> Initiative:
    return initiative_accept(initiative=world.make(unit, officer, title, submit=True, **extra), by=world.admin)


def decide(world, initiative, result, reason="Căn cứ kết quả khảo sát và báo cáo của đơn vị.") -> Initiative:
    return result_decide(initiative=initiative, by=world.admin, result=result, reason=reason)


def exemplary(world, unit, officer, title, **extra) -> Initiative:
    return decide(world, accepted(world, unit, officer, title, **extra), R.EXEMPLARY)


def commend(world, *initiatives, number="125-QĐ/ĐUK", issued_on=None, by=None, campaign=None):
    return commendation_create(
        campaign=campaign or world.campaign,
        by=by or world.admin,
        number=number,
        issued_on=issued_on or timezone.localdate(),
        issuer="Ban Thường vụ Đảng ủy Khối",
        form=Commendation.Form.CERTIFICATE,
        title="Khen thưởng các mô hình “Dân vận khéo” tiêu biểu",
        signer_name="Nguyễn Văn Bình",
        signer_title="Phó Bí thư Thường trực",
        entries=[EntryInput(i) for i in initiatives],
    )


def other_bloc_admin():
    bloc = organization_create(
        code="KHOI2", name="Đảng bộ Khối khác", kind=Organization.Kind.BLOC, parent=None, by=None
    )
    user = get_user_model().objects.create_user(username="admin2", password="Mat-khau-dai-123", email="a2@test.vn")
    membership_grant(user=user, organization=bloc, role=Membership.Role.ADMIN, by=None)
    return user


def next_campaign(world, previous=None, years=1) -> Campaign:
    from danvan.campaigns.services import campaign_create, campaign_launch

    today = timezone.localdate()
    campaign = campaign_create(
        organization=world.bloc,
        by=world.admin,
        name=f"Đợt năm {today.year + years}",
        year=today.year + years,
        registration_opens=today - timedelta(days=1),
        registration_closes=today + timedelta(days=30),
        quota_min=1,
        quota_max=10,
        fields=["Cải cách hành chính", "An sinh xã hội"],
        previous=previous or world.campaign,
    )
    campaign_launch(campaign=campaign, by=world.admin, notify=False)
    campaign.refresh_from_db()
    return campaign


# --- Scores the decisions rest on ------------------------------------------------------------------------------


def one_criterion_rubric(world) -> None:
    """One criterion out of 100 with weight 1: a scoring's total is the score given."""
    rubric_update(
        campaign=world.campaign,
        by=world.admin,
        criteria=[
            CriterionInput(Criterion.AppliesTo.COLLECTIVE, "Hiệu quả thiết thực", 100, 1),
            CriterionInput(Criterion.AppliesTo.INDIVIDUAL, "Gương mẫu", 100, 1),
        ],
    )


def team_score(initiative, leader, value) -> Assessment:
    (criterion,) = criteria_for(initiative)
    for kind in (M, T):
        a = assessment_save(initiative=initiative, by=leader, kind=kind, scores={criterion.pk: ScoreInput(str(value))})
        assessment_submit(assessment=a, by=leader)
    return Assessment.objects.get(initiative=initiative, kind=T)


def self_score(initiative, officer, value) -> Assessment:
    (criterion,) = criteria_for(initiative)
    a = assessment_save(
        initiative=initiative,
        by=officer,
        kind=S,
        scores={criterion.pk: ScoreInput(str(value))},
        report_file=SimpleUploadedFile("bao-cao-tu-danh-gia.pdf", pdf("Bao cao")),
    )
    assessment_submit(assessment=a, by=officer)
    a.refresh_from_db()
    return a


# --- Results ---------------------------------------------------------------------------------------------------


def test_the_bloc_administrator_decides_a_result_and_the_audit_log_keeps_it_with_its_reason(rv):
    initiative = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    result_decide(initiative=initiative, by=rv.admin, result=R.RECOGNISED, reason="  Đạt các chỉ tiêu   đăng ký. ")
    initiative.refresh_from_db()
    assert (initiative.result, initiative.result_reason) == (R.RECOGNISED, "Đạt các chỉ tiêu đăng ký.")
    assert initiative.result_decided_at is not None

    result_decide(initiative=initiative, by=rv.admin, result=R.EXEMPLARY, reason="Được người dân đánh giá cao.")
    entries = AuditEntry.objects.filter(
        action="initiative.result", target_type="initiatives.initiative", target_id=str(initiative.pk)
    ).order_by("id")
    assert [e.changes["result"] for e in entries] == [["", R.RECOGNISED], [R.RECOGNISED, R.EXEMPLARY]]
    assert entries.last().changes["reason"] == ["Đạt các chỉ tiêu đăng ký.", "Được người dân đánh giá cao."]
    assert {e.actor for e in entries} == {rv.admin}


def test_a_result_without_a_reason_is_refused_naming_the_reason(rv):
    initiative = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    for reason in ("", "   \n  "):
        with pytest.raises(ValidationError) as e:
            result_decide(initiative=initiative, by=rv.admin, result=R.EXEMPLARY, reason=reason)
        assert fields_named(e) == {"reason"}
    initiative.refresh_from_db()
    assert initiative.result == ""
    assert not AuditEntry.objects.filter(action="initiative.result").exists()


def test_a_result_that_is_not_one_of_the_three_is_refused(rv):
    initiative = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    for result in ("excellent", "", "EXEMPLARY"):
        with pytest.raises(ValidationError) as e:
            result_decide(initiative=initiative, by=rv.admin, result=result, reason="Rất tốt.")
        assert "result" in fields_named(e)
    initiative.refresh_from_db()
    assert initiative.result == ""


def test_only_an_accepted_initiative_of_a_launched_or_ended_campaign_has_a_result(rv):
    for initiative in (rv.draft_a, rv.submitted_a):
        with pytest.raises(ValidationError):
            decide(rv, initiative, R.RECOGNISED)
        initiative.refresh_from_db()
        assert initiative.result == ""

    initiative = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    Campaign.objects.filter(pk=rv.campaign.pk).update(status=Campaign.Status.DRAFT)
    with pytest.raises(ValidationError):
        decide(rv, initiative, R.RECOGNISED)
    initiative.refresh_from_db()
    assert initiative.result == ""

    # The review usually happens once the campaign has ended.
    Campaign.objects.filter(pk=rv.campaign.pk).update(status=Campaign.Status.LAUNCHED)
    campaign_close(campaign=rv.campaign, by=rv.admin)
    decide(rv, initiative, R.RECOGNISED)
    initiative.refresh_from_db()
    assert initiative.result == R.RECOGNISED


def test_only_the_administrator_of_the_campaigns_bloc_decides_results(rv):
    initiative = accepted(rv, rv.cell_a, rv.officer_cell, "Trợ giúp pháp lý lưu động")
    for user in (rv.officer_cell, rv.officer_a, rv.officer_b, rv.leader, rv.surveyor, other_bloc_admin()):
        with pytest.raises(ValidationError) as e:
            result_decide(initiative=initiative, by=user, result=R.EXEMPLARY, reason="Tự đánh giá là tiêu biểu.")
        assert "quản trị viên của Khối" in said(e)
    initiative.refresh_from_db()
    assert initiative.result == ""


def test_a_decision_made_on_a_stale_page_is_refused_and_changes_nothing(rv):
    initiative = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    seen = initiative.version
    # Two administrators open the same page; the first saves.
    result_decide(initiative=initiative, by=rv.admin, result=R.RECOGNISED, reason="Đạt.", expected_version=seen)
    with pytest.raises(ValidationError) as e:
        result_decide(
            initiative=initiative, by=rv.admin, result=R.EXEMPLARY, reason="Tiêu biểu.", expected_version=seen
        )
    assert "vừa được người khác thay đổi" in said(e)
    initiative.refresh_from_db()
    assert (initiative.result, initiative.result_reason) == (R.RECOGNISED, "Đạt.")
    assert AuditEntry.objects.filter(action="initiative.result").count() == 1


def test_a_commended_exemplary_initiative_is_not_lowered_until_its_decision_is_cancelled(rv):
    initiative = exemplary(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    commendation = commend(rv, initiative)
    for lower in (R.RECOGNISED, R.NOT_ACHIEVED):
        with pytest.raises(ValidationError) as e:
            decide(rv, initiative, lower, reason="Xét lại.")
        assert fields_named(e) == {"result"}
    # Keeping it exemplary with a better-worded reason is still possible.
    decide(rv, initiative, R.EXEMPLARY, reason="Tiêu biểu: 811 người được trợ giúp.")
    initiative.refresh_from_db()
    assert initiative.result == R.EXEMPLARY

    commendation_delete(commendation=commendation, by=rv.admin)
    decide(rv, initiative, R.RECOGNISED, reason="Xét lại sau khi huỷ quyết định.")
    initiative.refresh_from_db()
    assert initiative.result == R.RECOGNISED


def test_a_published_exemplary_initiative_is_not_lowered_until_withdrawn_from_the_showcase(rv):
    initiative = exemplary(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    entry = showcase_save(
        initiative=initiative, by=rv.admin, publish=True, headline="Ngày thứ Bảy xanh", summary="Dọn vệ sinh."
    )
    with pytest.raises(ValidationError) as e:
        decide(rv, initiative, R.RECOGNISED)
    assert fields_named(e) == {"result"}
    initiative.refresh_from_db()
    assert initiative.result == R.EXEMPLARY

    showcase_set_published(entry=entry, by=rv.admin, published=False)
    decide(rv, initiative, R.RECOGNISED)
    initiative.refresh_from_db()
    assert initiative.result == R.RECOGNISED


# --- Shortlist rounds ------------------------------------------------------------------------------------------


def test_round_two_takes_only_initiatives_kept_from_round_one(rv):
    initiative = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    with pytest.raises(ValidationError) as e:
        shortlist_add(initiative=initiative, by=rv.admin, round=2, proposed_result=R.EXEMPLARY, reason="Nổi bật.")
    assert fields_named(e) == {"round"}
    assert not ShortlistEntry.objects.exists()

    shortlist_add(initiative=initiative, by=rv.admin, round=1, proposed_result=R.RECOGNISED, reason="Đạt.")
    shortlist_add(initiative=initiative, by=rv.admin, round=2, proposed_result=R.EXEMPLARY, reason="Nổi bật.")
    assert list(ShortlistEntry.objects.values_list("round", "proposed_result")) == [
        (1, R.RECOGNISED),
        (2, R.EXEMPLARY),
    ]
    # Proposing it again in a round changes the proposal, not the number of entries.
    shortlist_add(initiative=initiative, by=rv.admin, round=2, proposed_result=R.RECOGNISED, reason="Xét lại.")
    assert list(ShortlistEntry.objects.values_list("round", "proposed_result")) == [
        (1, R.RECOGNISED),
        (2, R.RECOGNISED),
    ]


def test_only_the_blocs_administrator_puts_accepted_initiatives_on_the_shortlist(rv):
    initiative = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    for user in (rv.officer_b, rv.leader):
        with pytest.raises(ValidationError):
            shortlist_add(initiative=initiative, by=user, round=1, proposed_result=R.EXEMPLARY, reason="Tốt.")
    with pytest.raises(ValidationError):
        shortlist_add(initiative=rv.submitted_a, by=rv.admin, round=1, proposed_result=R.EXEMPLARY, reason="Tốt.")
    assert not ShortlistEntry.objects.exists()


def test_an_initiative_kept_in_a_later_round_is_removed_from_that_round_first(rv):
    initiative = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    first = shortlist_add(initiative=initiative, by=rv.admin, round=1, proposed_result=R.RECOGNISED, reason="Đạt.")
    second = shortlist_add(initiative=initiative, by=rv.admin, round=2, proposed_result=R.EXEMPLARY, reason="Nổi bật.")
    with pytest.raises(ValidationError) as e:
        shortlist_remove(entry=first, by=rv.admin)
    assert "vòng sau" in said(e)
    assert ShortlistEntry.objects.count() == 2

    with pytest.raises(ValidationError):
        shortlist_remove(entry=second, by=rv.officer_b)
    shortlist_remove(entry=second, by=rv.admin)
    shortlist_remove(entry=first, by=rv.admin)
    assert not ShortlistEntry.objects.exists()


def test_deciding_a_round_gives_each_of_its_initiatives_the_proposed_result(rv):
    a = accepted(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    b = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    c = accepted(rv, rv.unit_c, rv.admin, "Gamma tiếp dân")
    for i in (a, b, c):
        shortlist_add(initiative=i, by=rv.admin, round=1, proposed_result=R.RECOGNISED, reason="Đạt vòng 1.")
    shortlist_add(initiative=a, by=rv.admin, round=2, proposed_result=R.EXEMPLARY, reason="Tiêu biểu: 811 người.")
    shortlist_add(initiative=b, by=rv.admin, round=2, proposed_result=R.NOT_ACHIEVED, reason="Thiếu minh chứng.")

    with pytest.raises(ValidationError):
        shortlist_decide(campaign=rv.campaign, round=2, by=rv.leader)
    with pytest.raises(ValidationError) as e:
        shortlist_decide(campaign=rv.campaign, round=3, by=rv.admin)
    assert fields_named(e) == {"round"}
    assert not Initiative.objects.exclude(result="").exists()

    in_round_two = {e.initiative_id: (e.proposed_result, e.reason) for e in ShortlistEntry.objects.filter(round=2)}
    assert shortlist_decide(campaign=rv.campaign, round=2, by=rv.admin) == len(in_round_two)
    decided = {i.pk: (i.result, i.result_reason) for i in Initiative.objects.filter(pk__in=[a.pk, b.pk, c.pk])}
    assert decided == {**in_round_two, c.pk: ("", "")}
    assert AuditEntry.objects.filter(action="shortlist.decide", target_id=str(rv.campaign.pk)).count() == 1


def test_deciding_a_round_is_all_or_nothing(rv):
    a = accepted(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    b = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    assert a.pk < b.pk  # a is decided first, then b fails
    for i in (a, b):
        shortlist_add(initiative=i, by=rv.admin, round=1, proposed_result=R.EXEMPLARY, reason="Tiêu biểu.")
    # B's registration is no longer accepted (a correction made in the database, say).
    Initiative.objects.filter(pk=b.pk).update(status=Initiative.Status.WITHDRAWN)

    with pytest.raises(ValidationError):
        shortlist_decide(campaign=rv.campaign, round=1, by=rv.admin)
    assert list(Initiative.objects.filter(pk__in=[a.pk, b.pk]).values_list("result", flat=True)) == ["", ""]
    assert not AuditEntry.objects.filter(action__in=["initiative.result", "shortlist.decide"]).exists()


# --- Commendations ---------------------------------------------------------------------------------------------


def test_a_commendation_honours_each_exemplary_initiatives_unit_in_order(rv):
    cell = exemplary(rv, rv.cell_a, rv.officer_cell, "Trợ giúp pháp lý lưu động")
    person = exemplary(rv, rv.unit_b, rv.officer_b, "Bí thư chi bộ gần dân", kind=Initiative.Kind.INDIVIDUAL)
    commendation = commend(rv, cell, person, number="  125-QĐ/ĐUK ")
    assert (commendation.number, commendation.issuing_org, commendation.campaign) == (
        "125-QĐ/ĐUK",
        rv.bloc,
        rv.campaign,
    )
    rows = list(commendation.entries.values_list("initiative_id", "honouree", "honouree_kind", "position"))
    assert rows == [
        (cell.pk, rv.cell_a.name, CommendationEntry.Honouree.COLLECTIVE, 0),
        (person.pk, rv.unit_b.name, CommendationEntry.Honouree.INDIVIDUAL, 1),
    ]
    audit = AuditEntry.objects.get(action="commendation.create")
    assert (audit.actor, audit.changes["entries"]) == (rv.admin, [cell.pk, person.pk])


def test_only_exemplary_initiatives_are_commended(rv):
    recognised = decide(rv, accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta"), R.RECOGNISED)
    undecided = accepted(rv, rv.unit_c, rv.admin, "Gamma tiếp dân")
    for initiative in (recognised, undecided):
        with pytest.raises(ValidationError) as e:
            commend(rv, initiative)
        assert fields_named(e) == {"entries"}
        assert initiative.title in said(e)
    assert not Commendation.objects.exists()


def test_an_initiative_of_another_campaign_is_not_commended_in_this_campaigns_decision(rv):
    later = next_campaign(rv)
    initiative = initiative_create(
        campaign=later,
        unit=rv.unit_b,
        by=rv.officer_b,
        fields=[later.fields.first()],
        title="Ngày thứ Bảy xanh Beta",
        **FULL,
    )
    initiative = initiative_submit(initiative=initiative, by=rv.officer_b)
    initiative = initiative_accept(initiative=initiative, by=rv.admin)
    result_decide(initiative=initiative, by=rv.admin, result=R.EXEMPLARY, reason="Tiêu biểu năm sau.")
    with pytest.raises(ValidationError) as e:
        commend(rv, initiative)
    assert "không thuộc đợt phát động này" in said(e)
    assert not Commendation.objects.exists()
    assert commend(rv, initiative, campaign=later).entries.get().initiative == initiative


@pytest.mark.parametrize(
    "change, field",
    [
        ({"number": "   "}, "number"),
        ({"issued_on": None}, "issued_on"),
        ({"issued_on": "tomorrow"}, "issued_on"),
        ({"entries": []}, "entries"),
        ({"form": "medal"}, "form"),
        ({"signer_name": ""}, "signer_name"),
    ],
)
def test_a_decision_without_its_number_a_past_date_or_any_entry_is_refused(rv, change, field):
    initiative = exemplary(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    data = {
        "campaign": rv.campaign,
        "by": rv.admin,
        "number": "125-QĐ/ĐUK",
        "issued_on": timezone.localdate(),
        "issuer": "Ban Thường vụ Đảng ủy Khối",
        "form": Commendation.Form.MERIT,
        "title": "Khen thưởng mô hình tiêu biểu",
        "signer_name": "Nguyễn Văn Bình",
        "signer_title": "Phó Bí thư",
        "entries": [EntryInput(initiative)],
    }
    data.update(change)
    if data["issued_on"] == "tomorrow":
        data["issued_on"] = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as e:
        commendation_create(**data)
    assert field in fields_named(e)
    assert not Commendation.objects.exists()
    assert not CommendationEntry.objects.exists()


@pytest.mark.parametrize("again", ["125-qđ/đuk", "125 - QĐ / ĐUK", "125-QD/DUK", " 125-Qđ/Đuk ", "125–QĐ/ĐUK"])
def test_a_decision_number_is_used_once_whatever_its_case_spacing_or_diacritics(rv, again):
    a = exemplary(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    b = exemplary(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    commend(rv, a, number="125-QĐ/ĐUK")
    with pytest.raises(ValidationError) as e:
        commend(rv, b, number=again)
    assert fields_named(e) == {"number"}
    assert list(Commendation.objects.values_list("number", flat=True)) == ["125-QĐ/ĐUK"]
    assert not CommendationEntry.objects.filter(initiative=b).exists()
    commend(rv, b, number="126-QĐ/ĐUK")
    assert Commendation.objects.count() == 2


def test_nothing_is_written_when_the_second_entry_is_refused(rv):
    good = exemplary(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    bad = decide(rv, accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta"), R.RECOGNISED)
    with pytest.raises(ValidationError) as e:
        commend(rv, good, bad)
    assert bad.title in said(e)
    assert not Commendation.objects.exists()
    assert not CommendationEntry.objects.exists()
    assert not AuditEntry.objects.filter(action="commendation.create").exists()
    # The number is still free.
    assert commend(rv, good).number == "125-QĐ/ĐUK"


def test_the_same_honouree_is_not_listed_twice_for_one_initiative(rv):
    initiative = exemplary(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    with pytest.raises(ValidationError) as e:
        commendation_create(
            campaign=rv.campaign,
            by=rv.admin,
            number="125-QĐ/ĐUK",
            issued_on=timezone.localdate(),
            issuer="Ban Thường vụ",
            form=Commendation.Form.PRAISE,
            title="Biểu dương",
            signer_name="Nguyễn Văn Bình",
            signer_title="Phó Bí thư",
            entries=[
                EntryInput(initiative, honouree="Tổ tình nguyện"),
                EntryInput(initiative, honouree="tổ  TÌNH nguyện"),
            ],
        )
    assert fields_named(e) == {"entries"}
    assert not Commendation.objects.exists()


def test_an_entry_keeps_the_evidence_it_rested_on_and_its_total_on_the_day(rv):
    one_criterion_rubric(rv)
    surveyed = accepted(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    self_only = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    unscored = accepted(rv, rv.unit_c, rv.admin, "Gamma tiếp dân")
    team = team_create(
        campaign=rv.campaign, by=rv.admin, name="Đoàn khảo sát số 1", members=[rv.surveyor], leader=rv.surveyor
    )
    assignments_add(team=team, by=rv.admin, initiatives=[surveyed])
    by_team = team_score(surveyed, rv.surveyor, 80)
    own = self_score(surveyed, rv.officer_a, 95)
    by_unit = self_score(self_only, rv.officer_b, 70)
    assert by_team.total != own.total
    for i in (surveyed, self_only, unscored):
        decide(rv, i, R.EXEMPLARY)

    commendation = commend(rv, surveyed, self_only, unscored)
    entries = {e.initiative_id: e for e in commendation.entries.all()}
    # The team's score is preferred to the unit's own; a unit not surveyed is judged on its self-assessment.
    assert (entries[surveyed.pk].assessment, entries[surveyed.pk].total_at_decision) == (by_team, by_team.total)
    assert (entries[self_only.pk].assessment, entries[self_only.pk].total_at_decision) == (by_unit, by_unit.total)
    assert (entries[unscored.pk].assessment, entries[unscored.pk].total_at_decision) == (None, None)

    # The team corrects its score afterwards: the decision still shows what it rested on that day.
    on_the_day = by_team.total
    assessment_reopen(assessment=by_team, by=rv.admin, reason="Chấm lại sau phúc tra.")
    (criterion,) = criteria_for(surveyed)
    assessment_save(initiative=surveyed, by=rv.surveyor, kind=T, scores={criterion.pk: ScoreInput("60")})
    assessment_submit(assessment=by_team, by=rv.surveyor)
    by_team.refresh_from_db()
    assert by_team.total != on_the_day
    assert CommendationEntry.objects.get(initiative=surveyed).total_at_decision == on_the_day


def test_only_the_blocs_administrator_records_and_cancels_a_decision(rv):
    initiative = exemplary(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    for user in (rv.officer_b, rv.leader, other_bloc_admin()):
        with pytest.raises(ValidationError):
            commend(rv, initiative, by=user)
    assert not Commendation.objects.exists()

    commendation = commend(rv, initiative)
    for user in (rv.officer_b, rv.leader, rv.surveyor):
        with pytest.raises(ValidationError):
            commendation_delete(commendation=commendation, by=user)
    assert Commendation.objects.filter(pk=commendation.pk).exists()

    commendation_delete(commendation=commendation, by=rv.admin)
    assert not Commendation.objects.exists()
    assert not CommendationEntry.objects.exists()
    audit = AuditEntry.objects.get(action="commendation.delete")
    assert (audit.actor, audit.changes["number"]) == (rv.admin, "125-QĐ/ĐUK")
    assert audit.changes["entries"] == [[initiative.pk, rv.unit_b.name]]


# --- Replication -----------------------------------------------------------------------------------------------


def test_another_unit_replicates_an_exemplary_initiative_as_its_own_draft_with_the_same_content(rv):
    original = exemplary(
        rv,
        rv.cell_a,
        rv.officer_cell,
        "Trợ giúp pháp lý miễn phí cho người nghèo",
        area="Thành phố Hải Phòng",
        resources="Hai luật sư, kinh phí của Trung tâm.",
        indicators=[
            IndicatorInput("Người được trợ giúp", "người", 811, 0),
            IndicatorInput("Buổi trợ giúp lưu động", "buổi", 12),
        ],
    )
    copy = initiative_replicate(original=original, campaign=rv.campaign, unit=rv.unit_b, by=rv.officer_b)
    copy.refresh_from_db()
    assert (copy.status, copy.unit, copy.campaign, copy.result) == (
        Initiative.Status.DRAFT,
        rv.unit_b,
        rv.campaign,
        "",
    )
    assert {n: getattr(copy, n) for n in COPIED_ON_CARRY_OVER} == {
        n: getattr(original, n) for n in COPIED_ON_CARRY_OVER
    }

    def indicators(i):
        return list(i.indicators.order_by("position").values_list("name", "unit_of_measure", "target", "baseline"))

    assert indicators(copy) == indicators(original)
    assert [f.name for f in copy.fields.all()] == [f.name for f in original.fields.all()]
    link = Replication.objects.get(copy=copy)
    assert (link.original, link.created_by) == (original, rv.officer_b)
    assert copy.events.filter(action=InitiativeEvent.Action.REPLICATED).count() == 1
    assert AuditEntry.objects.filter(action="initiative.replicate", target_id=str(copy.pk)).count() == 1

    # From here on the copy is an ordinary registration of B.
    copy = initiative_submit(initiative=copy, by=rv.officer_b)
    copy = initiative_accept(initiative=copy, by=rv.admin)
    copy.refresh_from_db()
    assert copy.status == Initiative.Status.ACCEPTED


def test_a_copy_may_carry_its_own_title(rv):
    original = exemplary(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    copy = initiative_replicate(
        original=original, campaign=rv.campaign, unit=rv.unit_c, by=rv.admin, title="Dân vận chính quyền Gamma"
    )
    assert copy.title == "Dân vận chính quyền Gamma"
    assert copy.goals == original.goals


def test_only_an_exemplary_initiative_is_replicated(rv):
    undecided = accepted(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    recognised = decide(rv, accepted(rv, rv.unit_a, rv.officer_a, "Một cửa Alpha"), R.RECOGNISED)
    not_achieved = decide(rv, accepted(rv, rv.cell_a, rv.officer_cell, "Tiếp dân Alpha"), R.NOT_ACHIEVED)
    before = Initiative.objects.count()
    for original in (undecided, recognised, not_achieved):
        with pytest.raises(ValidationError) as e:
            initiative_replicate(original=original, campaign=rv.campaign, unit=rv.unit_b, by=rv.officer_b)
        assert fields_named(e) == {"original"}
    assert Initiative.objects.count() == before
    assert not Replication.objects.exists()


def test_a_unit_does_not_replicate_its_own_initiative_nor_its_cells(rv):
    of_cell = exemplary(rv, rv.cell_a, rv.officer_cell, "Trợ giúp pháp lý lưu động")
    of_unit = exemplary(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    before = Initiative.objects.count()
    for original, unit, officer in (
        (of_cell, rv.unit_a, rv.officer_a),
        (of_cell, rv.cell_a, rv.officer_cell),
        (of_unit, rv.cell_a, rv.officer_cell),
        (of_unit, rv.unit_a, rv.officer_a),
    ):
        with pytest.raises(ValidationError) as e:
            initiative_replicate(original=original, campaign=rv.campaign, unit=unit, by=officer)
        assert "tiếp tục thực hiện nó trong năm sau" in said(e)
    assert Initiative.objects.count() == before


def test_an_officer_replicates_only_for_their_own_unit(rv):
    original = exemplary(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    for user in (rv.officer_b, rv.leader):
        with pytest.raises(ValidationError):
            initiative_replicate(original=original, campaign=rv.campaign, unit=rv.unit_c, by=user)
    assert not Replication.objects.exists()


def test_a_unit_replicates_an_initiative_once_per_campaign(rv):
    original = exemplary(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    copy = initiative_replicate(original=original, campaign=rv.campaign, unit=rv.unit_b, by=rv.officer_b)
    with pytest.raises(ValidationError) as e:
        initiative_replicate(original=original, campaign=rv.campaign, unit=rv.unit_b, by=rv.officer_b)
    assert rv.unit_b.name in said(e)
    assert Replication.objects.filter(original=original).count() == 1

    # Another unit may; and once B withdraws its copy, B may start again.
    initiative_replicate(original=original, campaign=rv.campaign, unit=rv.unit_c, by=rv.admin)
    initiative_withdraw(initiative=copy, by=rv.officer_b)
    again = initiative_replicate(original=original, campaign=rv.campaign, unit=rv.unit_b, by=rv.officer_b)
    assert again.pk != copy.pk
    assert Replication.objects.filter(original=original, copy__unit=rv.unit_b).count() == 2
