"""The year-end review, page by page: the board, deciding a result, shortlist rounds, commendation decisions,
the spread and adopting an exemplary initiative, and what the initiative, unit and campaign pages show of it.

Every mutating view has a "works", an "other unit gets 404" (where the object is out of their sight) and a
"read-only gets 403" test; a refused input keeps what was typed and names the field."""

import re
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from danvan.assessments.models import Assessment
from danvan.assessments.services import (
    ScoreInput,
    assessment_save,
    assessment_submit,
    assignments_add,
    criteria_for,
    team_create,
)
from danvan.campaigns.models import Criterion
from danvan.campaigns.services import CriterionInput, rubric_update
from danvan.demo.checking import pdf as pdf_bytes
from danvan.initiatives.models import Initiative
from danvan.initiatives.services import initiative_accept
from danvan.orgs.models import Membership
from danvan.orgs.services import membership_grant
from danvan.recognition import services
from danvan.recognition.models import Commendation, CommendationEntry, Replication, ShortlistEntry

R = Initiative.Result
TEAM = "Đoàn khảo sát số 1"
NUMBER = "125-QĐ/ĐUK"


def text(response) -> str:
    return response.content.decode()


def assert_login_redirect(response) -> None:
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


def row(page: str, initiative) -> int:
    return page.index(f'id="row-{initiative.pk}"')


def rows(page: str) -> list[int]:
    """The initiatives of the board's table, in their order."""
    return [int(pk) for pk in re.findall(r'<tr id="row-(\d+)"', page)]


def scored(initiative, user, kind, value: str, **extra) -> Assessment:
    a = assessment_save(
        initiative=initiative,
        by=user,
        kind=kind,
        scores={c.pk: ScoreInput(value) for c in criteria_for(initiative)},
        **extra,
    )
    return assessment_submit(assessment=a, by=user)


@pytest.fixture
def rv(world):
    """Three accepted initiatives (the cell A1's, A's, B's) scored by one team on a single criterion out of 8:
    93.75, 75 and 68.75. B assessed itself at 100, far above the team (a large gap). A surveyor who is on no team
    of the campaign does not see it at all."""
    rubric_update(
        campaign=world.campaign,
        by=world.admin,
        criteria=[
            CriterionInput(Criterion.AppliesTo.COLLECTIVE, "Hiệu quả thiết thực", 8, 1),
            CriterionInput(Criterion.AppliesTo.INDIVIDUAL, "Gương mẫu", 8, 1),
        ],
    )
    cell = initiative_accept(initiative=world.submitted_a, by=world.admin)
    a = initiative_accept(
        initiative=world.make(world.unit_a, world.officer_a, "Dân vận chính quyền Alpha", submit=True), by=world.admin
    )
    b = initiative_accept(
        initiative=world.make(world.unit_b, world.officer_b, "Ngày thứ Bảy xanh Beta", submit=True), by=world.admin
    )
    User = get_user_model()
    member = User.objects.create_user(username="khaosat2", password="Mat-khau-dai-123")
    membership_grant(user=member, organization=world.partner, role=Membership.Role.SURVEYOR, by=None)
    outsider = User.objects.create_user(username="khaosat9", password="Mat-khau-dai-123")
    membership_grant(user=outsider, organization=world.partner, role=Membership.Role.SURVEYOR, by=None)
    team = team_create(
        campaign=world.campaign, by=world.admin, name=TEAM, members=[world.surveyor, member], leader=world.surveyor
    )
    assignments_add(team=team, by=world.admin, initiatives=[cell, a, b])
    for initiative, value in ((cell, "7.5"), (a, "6"), (b, "5.5")):
        scored(initiative, member, Assessment.Kind.MEMBER, value)
        scored(initiative, world.surveyor, Assessment.Kind.TEAM, value)
    from django.core.files.uploadedfile import SimpleUploadedFile

    scored(
        b,
        world.officer_b,
        Assessment.Kind.SELF,
        "8",
        report_file=SimpleUploadedFile("tu-danh-gia.pdf", pdf_bytes("Bao cao"), content_type="application/pdf"),
    )
    for i in (cell, a, b):
        i.refresh_from_db()
    return SimpleNamespace(cell=cell, a=a, b=b, team=team, member=member, outsider=outsider)


def decided(world, initiative, result=R.EXEMPLARY, reason="Điểm cao, có minh chứng đầy đủ.") -> Initiative:
    return services.result_decide(initiative=initiative, by=world.admin, result=result, reason=reason)


def commendation(world, *initiatives, number=NUMBER) -> Commendation:
    return services.commendation_create(
        campaign=world.campaign,
        by=world.admin,
        number=number,
        issued_on=timezone.localdate() - timedelta(days=1),
        issuer="Ban Thường vụ Đảng bộ Khối thử nghiệm",
        form=Commendation.Form.CERTIFICATE,
        title="Về việc khen thưởng mô hình “Dân vận khéo” tiêu biểu",
        signer_name="Lê Văn Thành",
        signer_title="Phó Bí thư Thường trực",
        entries=[services.EntryInput(initiative=i, citation="Thành tích xuất sắc.") for i in initiatives],
    )


# --- The board -----------------------------------------------------------------------------------------------------


def test_the_board_ranks_by_standardised_score_with_raw_beside_it(world, rv, login):
    response = login(world.admin).get(reverse("recognition:board", args=[world.campaign.pk]))
    assert response.status_code == 200
    page = text(response)
    # Ranked 93.75, 75, 68.75, written with a decimal comma.
    assert row(page, rv.cell) < row(page, rv.a) < row(page, rv.b)
    assert "93,75" in page and "68,75" in page and "93.75" not in page
    assert "Điểm quy đổi" in page and "Điểm gốc" in page
    # The scale of each scoring group, and the gap of B (100 − 68.75) flagged.
    assert TEAM in page and "Độ lệch chuẩn" in page
    assert "+31,25" in page
    assert "Chênh điểm lớn" in page
    assert f'href="{reverse("recognition:decide", args=[rv.a.pk])}"' in page


def test_the_board_filters_by_result_and_flag_and_ranks_by_raw_score(world, rv, login):
    decided(world, rv.a, R.RECOGNISED)
    client = login(world.admin)
    url = reverse("recognition:board", args=[world.campaign.pk])
    page = text(client.get(url, {"result": "recognised"}))
    assert rows(page) == [rv.a.pk]
    page = text(client.get(url, {"result": "undecided"}))
    assert rows(page) == [rv.cell.pk, rv.b.pk]
    page = text(client.get(url, {"flag": "large_gap"}))
    assert rows(page) == [rv.b.pk]
    page = text(client.get(url, {"order": "raw"}))
    assert rows(page) == [rv.cell.pk, rv.a.pk, rv.b.pk]
    page = text(client.get(url, {"flag": "missing_reports"}))
    assert "Không có mô hình nào khớp" in page


def test_the_board_is_the_blocs_paper(world, rv, login, client):
    url = reverse("recognition:board", args=[world.campaign.pk])
    assert login(world.leader).get(url).status_code == 200
    assert login(world.officer_a).get(url).status_code == 403
    assert login(rv.outsider).get(url).status_code == 404
    client.logout()
    assert_login_redirect(client.get(url))


# --- Deciding a result ---------------------------------------------------------------------------------------------


def test_the_decide_page_shows_the_evidence_and_records_the_result(world, rv, login):
    client = login(world.admin)
    url = reverse("recognition:decide", args=[rv.b.pk])
    page = text(client.get(url))
    assert "68,75" in page and "+31,25" in page and TEAM in page
    assert reverse("initiatives:detail", args=[rv.b.pk]) in page
    response = client.post(
        url, {"result": R.RECOGNISED, "reason": "Đạt yêu cầu; tự chấm cao hơn đoàn.", "version": rv.b.version}
    )
    assert response.status_code == 302
    rv.b.refresh_from_db()
    assert (rv.b.result, rv.b.result_reason) == (R.RECOGNISED, "Đạt yêu cầu; tự chấm cao hơn đoàn.")


def test_a_refused_decision_keeps_the_typed_reason_and_names_the_field(world, rv, login):
    client = login(world.admin)
    url = reverse("recognition:decide", args=[rv.a.pk])
    typed = "Kết quả vượt chỉ tiêu, người dân đánh giá cao"
    response = client.post(url, {"result": "", "reason": typed, "version": rv.a.version})
    assert response.status_code == 400
    page = text(response)
    assert typed in page and "Hãy chọn kết quả" in page
    # The service refuses an empty reason: the message sits on the reason field.
    response = client.post(url, {"result": R.EXEMPLARY, "reason": "  ", "version": rv.a.version})
    assert response.status_code == 400
    assert 'class="field has-error"' in text(response) and "Hãy ghi lý do" in text(response)
    # Someone decided in between: nothing is overwritten, the typed reason stays.
    decided(world, rv.a, R.RECOGNISED)
    response = client.post(url, {"result": R.EXEMPLARY, "reason": typed, "version": rv.a.version})
    assert response.status_code == 400
    assert "vừa được người khác thay đổi" in text(response) and typed in text(response)
    rv.a.refresh_from_db()
    assert rv.a.result == R.RECOGNISED


def test_only_the_bloc_decides(world, rv, login):
    url = reverse("recognition:decide", args=[rv.a.pk])
    data = {"result": R.EXEMPLARY, "reason": "Tốt."}
    assert login(world.leader).get(url).status_code == 200
    assert login(world.leader).post(url, data).status_code == 403
    assert login(world.officer_a).post(url, data).status_code == 403
    assert login(world.officer_b).post(url, data).status_code == 404
    rv.a.refresh_from_db()
    assert rv.a.result == ""


# --- Shortlist rounds ----------------------------------------------------------------------------------------------


def test_shortlisting_then_deciding_a_round(world, rv, login):
    client = login(world.admin)
    for i in (rv.cell, rv.a):
        response = client.post(
            reverse("recognition:shortlist_add", args=[i.pk]),
            {"sl-round": "1", "sl-proposed_result": R.EXEMPLARY, "sl-reason": "Điểm cao nhất khối."},
        )
        assert response.status_code == 302
    assert response["Location"] == reverse("recognition:round", args=[world.campaign.pk, 1])
    page = text(client.get(reverse("recognition:round", args=[world.campaign.pk, 1])))
    assert rv.cell.title in page and rv.a.title in page and "Điểm cao nhất khối." in page
    assert "Chốt kết quả vòng 1" in page and "data-confirm" in page
    response = client.post(reverse("recognition:round_decide", args=[world.campaign.pk, 1]))
    assert response.status_code == 302
    assert set(Initiative.objects.filter(result=R.EXEMPLARY).values_list("pk", flat=True)) == {rv.cell.pk, rv.a.pk}


def test_a_refused_proposal_keeps_the_reason_and_names_the_round(world, rv, login):
    typed = "Đề nghị đưa thẳng vào vòng hai"
    response = login(world.admin).post(
        reverse("recognition:shortlist_add", args=[rv.b.pk]),
        {"sl-round": "2", "sl-proposed_result": R.EXEMPLARY, "sl-reason": typed},
    )
    assert response.status_code == 400
    page = text(response)
    assert typed in page and "Vòng 2 chỉ gồm các mô hình đã qua vòng 1" in page
    assert not ShortlistEntry.objects.exists()


def test_only_the_bloc_shortlists(world, rv, login):
    url = reverse("recognition:shortlist_add", args=[rv.a.pk])
    data = {"sl-round": "1", "sl-proposed_result": R.EXEMPLARY, "sl-reason": "Tốt."}
    assert login(world.leader).post(url, data).status_code == 403
    assert login(world.officer_b).post(url, data).status_code == 404
    assert not ShortlistEntry.objects.exists()


def test_removing_from_a_round(world, rv, login):
    entry = services.shortlist_add(
        initiative=rv.a, by=world.admin, round=1, proposed_result=R.EXEMPLARY, reason="Điểm cao."
    )
    url = reverse("recognition:shortlist_remove", args=[entry.pk])
    assert login(world.leader).post(url).status_code == 403
    assert login(world.officer_b).post(url).status_code == 404
    assert ShortlistEntry.objects.filter(pk=entry.pk).exists()
    page = text(login(world.leader).get(reverse("recognition:round", args=[world.campaign.pk, 1])))
    assert rv.a.title in page and "Bỏ khỏi vòng" not in page
    response = login(world.admin).post(url)
    assert response.status_code == 302
    assert not ShortlistEntry.objects.exists()


def test_deciding_a_round_is_the_blocs(world, rv, login):
    services.shortlist_add(initiative=rv.a, by=world.admin, round=1, proposed_result=R.EXEMPLARY, reason="Tốt.")
    url = reverse("recognition:round_decide", args=[world.campaign.pk, 1])
    assert login(world.leader).post(url).status_code == 403
    assert login(world.officer_a).post(url).status_code == 403
    assert login(rv.outsider).post(url).status_code == 404
    rv.a.refresh_from_db()
    assert rv.a.result == ""


def test_an_empty_round_says_how_to_fill_it(world, rv, login):
    page = text(login(world.admin).get(reverse("recognition:round", args=[world.campaign.pk, 1])))
    assert "Vòng 1 chưa có mô hình nào." in page and "Chốt kết quả" not in page
    assert login(world.officer_a).get(reverse("recognition:round", args=[world.campaign.pk, 1])).status_code == 403


# --- Commendations -------------------------------------------------------------------------------------------------


def commendation_post(world, *initiatives, **overrides) -> dict:
    data = {
        "number": NUMBER,
        "issued_on": (timezone.localdate() - timedelta(days=1)).strftime("%d/%m/%Y"),
        "issuer": "Ban Thường vụ Đảng bộ Khối thử nghiệm",
        "form": Commendation.Form.CERTIFICATE,
        "title": "Về việc khen thưởng tập thể, cá nhân có mô hình tiêu biểu",
        "signer_name": "Lê Văn Thành",
        "signer_title": "Phó Bí thư Thường trực",
        "entries": [str(i.pk) for i in initiatives],
    }
    for i in initiatives:
        data[f"honouree_{i.pk}"] = ""
        data[f"citation_{i.pk}"] = ""
    data.update(overrides)
    return data


def test_recording_a_commendation_decision(world, rv, login):
    decided(world, rv.cell)
    decided(world, rv.a)
    client = login(world.admin)
    url = reverse("recognition:commendation_create", args=[world.campaign.pk])
    page = text(client.get(url))
    assert rv.cell.title in page and rv.a.title in page and rv.b.title not in page
    assert "Ban Thường vụ Đảng bộ Khối thử nghiệm" in page  # the issuer, prefilled
    data = commendation_post(world, rv.cell, rv.a)
    data[f"honouree_{rv.cell.pk}"] = "Chi bộ Trung tâm Trợ giúp pháp lý"
    data[f"citation_{rv.cell.pk}"] = "Đã trợ giúp pháp lý miễn phí cho 811 lượt người."
    response = client.post(url, data)
    assert response.status_code == 302
    c = Commendation.objects.get()
    assert response["Location"] == reverse("recognition:commendation", args=[c.pk])
    entries = {e.initiative_id: e for e in c.entries.all()}
    assert entries[rv.cell.pk].honouree == "Chi bộ Trung tâm Trợ giúp pháp lý"
    assert entries[rv.a.pk].honouree == world.unit_a.name  # left empty: the unit's name
    assert entries[rv.cell.pk].total_at_decision == Decimal("93.75")
    # Nothing left to commend: the form says so.
    assert "Không còn mô hình tiêu biểu nào chưa được khen thưởng" in text(client.get(url))


def test_a_refused_decision_keeps_what_was_typed_and_names_the_field(world, rv, login):
    decided(world, rv.cell)
    decided(world, rv.a)
    commendation(world, rv.cell)
    client = login(world.admin)
    url = reverse("recognition:commendation_create", args=[world.campaign.pk])
    data = commendation_post(world, rv.a, number="125-qđ/đuk", title="Về việc khen thưởng đợt hai")
    data[f"citation_{rv.a.pk}"] = "Giải quyết dứt điểm 40 vụ việc tồn đọng."
    response = client.post(url, data)
    assert response.status_code == 400
    page = text(response)
    assert "đã được dùng" in page and "Về việc khen thưởng đợt hai" in page
    assert "Giải quyết dứt điểm 40 vụ việc tồn đọng." in page
    assert '<a href="#id_number">Số quyết định</a>' in page
    # A date written the wrong way, a date in the future, and no entry chosen.
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d/%m/%Y")
    page = text(client.post(url, commendation_post(world, rv.a, number="126-QĐ/ĐUK", issued_on="15/13/2018")))
    assert "dd/mm/yyyy" in page
    page = text(client.post(url, commendation_post(world, rv.a, number="126-QĐ/ĐUK", issued_on=tomorrow)))
    assert "Ngày ký không thể ở tương lai" in page
    response = client.post(url, commendation_post(world, number="126-QĐ/ĐUK"))
    assert response.status_code == 400 and "ít nhất một tập thể hoặc cá nhân" in text(response)
    assert Commendation.objects.count() == 1


def test_only_the_bloc_records_a_decision(world, rv, login):
    decided(world, rv.a)
    url = reverse("recognition:commendation_create", args=[world.campaign.pk])
    data = commendation_post(world, rv.a)
    assert login(world.leader).get(url).status_code == 403
    assert login(world.leader).post(url, data).status_code == 403
    assert login(world.officer_b).post(url, data).status_code == 403
    assert login(rv.outsider).post(url, data).status_code == 404
    assert not Commendation.objects.exists()


def test_a_decision_is_read_by_everyone_who_sees_the_campaign_with_its_evidence(world, rv, login):
    decided(world, rv.cell)
    c = commendation(world, rv.cell)
    url = reverse("recognition:commendation", args=[c.pk])
    page = text(login(world.admin).get(url))
    assert NUMBER in page and "93,75" in page and world.unit_a.name not in page
    assessment = CommendationEntry.objects.get().assessment
    assert reverse("assessments:detail", args=[assessment.pk]) in page
    assert reverse("initiatives:detail", args=[rv.cell.pk]) + "#reports" in page
    assert reverse("recognition:certificate", args=[c.entries.get().pk]) in page
    assert "Huỷ quyết định" in page
    # Another unit's officer reads the published decision, without a link to a page they cannot open.
    page = text(login(world.officer_b).get(url))
    assert NUMBER in page and rv.cell.title in page
    assert reverse("initiatives:detail", args=[rv.cell.pk]) not in page and "Huỷ quyết định" not in page
    assert login(world.officer_b).get(reverse("recognition:commendations", args=[world.campaign.pk])).status_code == 200
    assert login(rv.outsider).get(url).status_code == 404


def test_deleting_a_decision(world, rv, login):
    decided(world, rv.cell)
    c = commendation(world, rv.cell)
    url = reverse("recognition:commendation_delete", args=[c.pk])
    assert login(world.leader).post(url).status_code == 403
    assert login(world.officer_b).post(url).status_code == 403
    assert login(rv.outsider).post(url).status_code == 404
    assert Commendation.objects.exists()
    response = login(world.admin).post(url)
    assert response["Location"] == reverse("recognition:commendations", args=[world.campaign.pk])
    assert not Commendation.objects.exists()


def test_no_decision_yet_says_what_to_do(world, rv, login):
    url = reverse("recognition:commendations", args=[world.campaign.pk])
    assert "Chưa có quyết định khen thưởng nào" in text(login(world.admin).get(url))


# --- Spread and replication ----------------------------------------------------------------------------------------


def publish(world, initiative):
    from danvan.showcase.services import showcase_save

    return showcase_save(
        initiative=initiative, by=world.admin, publish=True, headline=initiative.title, summary="Giới thiệu mô hình."
    )


def test_adopting_a_published_exemplary_initiative(world, rv, login):
    decided(world, rv.cell)
    url = reverse("recognition:replicate", args=[rv.cell.pk])
    assert login(world.officer_b).get(url).status_code == 404  # not published: out of B's sight
    publish(world, rv.cell)
    client = login(world.officer_b)
    page = text(client.get(url))
    assert rv.cell.title in page and world.unit_b.name in page
    response = client.post(
        url, {"campaign": world.campaign.pk, "unit": world.unit_b.pk, "title": "Trợ giúp pháp lý tại Sở Beta"}
    )
    copy = Replication.objects.get().copy
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:edit", args=[copy.pk])
    assert (copy.unit, copy.title, copy.status) == (
        world.unit_b,
        "Trợ giúp pháp lý tại Sở Beta",
        Initiative.Status.DRAFT,
    )
    # Twice in the same campaign is refused, and the typed title stays.
    response = client.post(url, {"campaign": world.campaign.pk, "unit": world.unit_b.pk, "title": "Bản thứ hai"})
    assert response.status_code == 400
    assert "đã đăng ký nhân rộng" in text(response) and "Bản thứ hai" in text(response)
    # A missing unit is named.
    response = client.post(url, {"campaign": world.campaign.pk, "unit": "", "title": "Bản thứ ba"})
    assert response.status_code == 400 and '<a href="#id_unit">' in text(response) and "Bản thứ ba" in text(response)
    assert Replication.objects.count() == 1


def test_who_may_adopt(world, rv, login):
    decided(world, rv.cell)
    publish(world, rv.cell)
    url = reverse("recognition:replicate", args=[rv.cell.pk])
    assert login(world.leader).get(url).status_code == 403
    response = login(world.officer_a).get(url)  # the cell's own base unit
    assert response.status_code == 200 and "Đây là mô hình của chính đơn vị" in text(response)
    assert login(world.officer_a).post(url, {"campaign": world.campaign.pk, "unit": world.unit_a.pk}).status_code == 403
    page = text(login(world.admin).get(reverse("recognition:replicate", args=[rv.b.pk])))
    assert "Chỉ nhân rộng được mô hình đã được bình xét là tiêu biểu" in page
    # The administrator adopts it for unit C.
    response = login(world.admin).post(url, {"campaign": world.campaign.pk, "unit": world.unit_c.pk, "title": ""})
    assert response.status_code == 302
    assert Replication.objects.get().copy.title == rv.cell.title


def test_the_spread_shows_each_tree_of_copies_and_counts_them_per_year(world, rv, login):
    url = reverse("recognition:spread", args=[world.campaign.pk])
    assert "Chưa có mô hình nào của đợt này được nhân rộng" in text(login(world.officer_b).get(url))
    decided(world, rv.cell)
    copy = services.initiative_replicate(original=rv.cell, campaign=world.campaign, unit=world.unit_b, by=world.admin)
    page = text(login(world.admin).get(url))
    assert rv.cell.title in page and world.unit_b.name in page
    assert reverse("initiatives:detail", args=[copy.pk]) in page
    assert f'<td>{world.campaign.year}</td><td class="num">1</td>' in page
    assert login(world.officer_b).get(url).status_code == 200
    assert login(rv.outsider).get(url).status_code == 404


# --- The initiative, unit and campaign pages -----------------------------------------------------------------------


def test_the_initiative_page_shows_its_review_honours_and_copies(world, rv, login):
    decided(world, rv.cell, reason="Tiêu biểu: 811 lượt người được trợ giúp.")
    c = commendation(world, rv.cell)
    copy = services.initiative_replicate(original=rv.cell, campaign=world.campaign, unit=world.unit_b, by=world.admin)
    url = reverse("initiatives:detail", args=[rv.cell.pk])
    page = text(login(world.admin).get(url))
    assert "Bình xét, khen thưởng, nhân rộng" in page
    assert "Tiêu biểu: 811 lượt người được trợ giúp." in page
    assert reverse("recognition:commendation", args=[c.pk]) in page and NUMBER in page
    assert world.unit_b.name in page and reverse("initiatives:detail", args=[copy.pk]) in page
    assert "Cảnh báo hình thức" in page  # the bloc sees the flags
    assert reverse("recognition:decide", args=[rv.cell.pk]) in page
    assert reverse("recognition:replicate", args=[rv.cell.pk]) in page
    # The unit sees its result and honours, not the flags, and is not offered to adopt its own model.
    page = text(login(world.officer_cell).get(url))
    assert "Tiêu biểu: 811 lượt người được trợ giúp." in page and NUMBER in page
    assert "Cảnh báo hình thức" not in page
    assert reverse("recognition:decide", args=[rv.cell.pk]) not in page
    assert reverse("recognition:replicate", args=[rv.cell.pk]) not in page
    # The copy names its original.
    page = text(login(world.officer_b).get(reverse("initiatives:detail", args=[copy.pk])))
    assert "Nhân rộng từ" in page and rv.cell.title in page


def test_the_unit_page_lists_its_honours_by_year(world, rv, login):
    decided(world, rv.cell)
    c = commendation(world, rv.cell)
    page = text(login(world.officer_a).get(reverse("orgs:detail", args=[world.unit_a.pk])))
    assert "Khen thưởng qua các năm" in page
    assert reverse("recognition:commendation", args=[c.pk]) in page and "Giấy khen" in page
    page = text(login(world.officer_b).get(reverse("orgs:detail", args=[world.unit_b.pk])))
    assert "Khen thưởng qua các năm" not in page


def test_the_campaign_page_links_the_review(world, rv, login):
    decided(world, rv.cell)
    url = reverse("campaigns:detail", args=[world.campaign.pk])
    page = text(login(world.admin).get(url))
    assert "Bình xét và khen thưởng" in page
    board = f'href="{reverse("recognition:board", args=[world.campaign.pk])}"'
    assert board in page
    assert reverse("recognition:commendations", args=[world.campaign.pk]) in page
    page = text(login(world.officer_b).get(url))
    assert board not in page
    assert reverse("recognition:spread", args=[world.campaign.pk]) in page


def test_dates_on_the_pages_are_written_day_first(world, rv, login):
    decided(world, rv.cell)
    c = services.commendation_create(
        campaign=world.campaign,
        by=world.admin,
        number="7-QĐ/ĐUK",
        issued_on=date(2018, 1, 5),
        issuer="Ban Thường vụ Đảng bộ Khối thử nghiệm",
        form=Commendation.Form.PRAISE,
        title="Về việc biểu dương",
        signer_name="Lê Văn Thành",
        signer_title="Bí thư",
        entries=[services.EntryInput(initiative=rv.cell)],
    )
    assert "05/01/2018" in text(login(world.admin).get(reverse("recognition:commendation", args=[c.pk])))
