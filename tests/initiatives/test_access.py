"""Who may do what with an initiative, page by page: the owner succeeds, another unit gets 404,
a read-only persona gets 403 where they can see the initiative (404 where they cannot), anonymous is sent to log in."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from danvan.campaigns.services import campaign_create, campaign_launch
from danvan.initiatives import services
from danvan.initiatives.models import Attachment, Initiative

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
ALPHA_DRAFT = "Một cửa thân thiện Alpha"
BETA_DRAFT = "Ngày thứ Bảy tình nguyện Beta"
CELL_SUBMITTED = "Trợ giúp pháp lý miễn phí"


def pdf(name="ke-hoach.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def attach(initiative, by, name="ke-hoach.pdf"):
    return services.attachment_add(initiative=initiative, by=by, upload=pdf(name), caption="Kế hoạch")


def reload(initiative):
    return Initiative.objects.get(pk=initiative.pk)


def form_data(world, **overrides):
    """POST data shaped like templates/initiatives/form.html: the form, one indicator row, "save"."""
    data = {
        "campaign": world.campaign.pk,
        "title": "Tổ tư vấn pháp luật lưu động",
        "kind": "collective",
        "work_fields": [world.field_ids[1]],
        "starts_on": "",
        "ends_on": "",
        "situation": "Người dân ở xa khó tiếp cận dịch vụ pháp lý.",
        "goals": "Tư vấn cho 300 lượt người mỗi năm.",
        "method": "Tổ tư vấn đi xuống các khu dân cư mỗi tháng một lần.",
        "area": "Các phường nội thành",
        "target_groups": "Đoàn viên, hội viên.",
        "beneficiaries": "Người dân khu dân cư.",
        "implementers": "Chi đoàn chủ trì, luật gia phối hợp.",
        "resources": "",
        "timeline": "",
        "expected_outputs": "",
        "sustainability": "",
        "version": "",
        "ind-TOTAL_FORMS": "1",
        "ind-INITIAL_FORMS": "0",
        "ind-MIN_NUM_FORMS": "0",
        "ind-MAX_NUM_FORMS": "20",
        "ind-0-name": "Số lượt người được tư vấn",
        "ind-0-unit_of_measure": "lượt người",
        "ind-0-baseline": "",
        "ind-0-target": "300",
        "save": "",
    }
    data.update(overrides)
    return data


def page_text(response) -> str:
    return response.content.decode()


# ---- Anonymous ------------------------------------------------------------------------------------


ANONYMOUS_CASES = [
    ("get", "initiatives:list", None),
    ("get", "initiatives:create", None),
    ("post", "initiatives:create", None),
    ("get", "initiatives:detail", "draft_a"),
    ("get", "initiatives:edit", "draft_a"),
    ("post", "initiatives:edit", "draft_a"),
    ("post", "initiatives:submit", "draft_a"),
    ("post", "initiatives:accept", "submitted_a"),
    ("post", "initiatives:return", "submitted_a"),
    ("post", "initiatives:withdraw", "draft_a"),
    ("post", "initiatives:carry_over", "submitted_a"),
    ("post", "initiatives:attachment_add", "draft_a"),
    ("get", "initiatives:attachment", "attachment"),
    ("post", "initiatives:attachment_remove", "attachment"),
]


def test_anonymous_is_sent_to_the_login_page(world, client):
    objects = {
        "draft_a": world.draft_a,
        "submitted_a": world.submitted_a,
        "attachment": attach(world.draft_a, world.officer_a),
    }
    for method, name, target in ANONYMOUS_CASES:
        url = reverse(name, args=[objects[target].pk] if target else [])
        response = getattr(client, method)(url)
        assert response.status_code == 302, f"{method.upper()} {url}"
        assert response["Location"].startswith(reverse("login") + "?next="), f"{method.upper()} {url}"
    assert reload(world.draft_a).status == Initiative.Status.DRAFT
    assert reload(world.submitted_a).status == Initiative.Status.SUBMITTED
    assert Attachment.objects.count() == 1


# ---- List -----------------------------------------------------------------------------------------


def test_officer_lists_their_unit_and_its_cells_only(world, login):
    text = page_text(login(world.officer_a).get(reverse("initiatives:list")))
    assert ALPHA_DRAFT in text
    assert CELL_SUBMITTED in text
    assert BETA_DRAFT not in text


@pytest.mark.parametrize(
    "query",
    [{}, {"q": "mot cua than thien"}, {"status": "draft"}, {"page": "2"}],
    ids=["plain", "search", "status", "page"],
)
def test_list_never_shows_another_units_draft(world, login, query):
    response = login(world.officer_b).get(reverse("initiatives:list"), query)
    assert response.status_code == 200
    assert ALPHA_DRAFT not in page_text(response)
    assert CELL_SUBMITTED not in page_text(response)


def test_filtering_by_another_unit_shows_none_of_its_initiatives(world, login):
    client = login(world.officer_b)
    for value in (world.unit_a.pk, world.unit_a.code, world.cell_a.pk):
        response = client.get(reverse("initiatives:list"), {"unit": value})
        assert response.status_code == 200
        assert ALPHA_DRAFT not in page_text(response), value
        assert CELL_SUBMITTED not in page_text(response), value


def test_htmx_list_partial_never_shows_another_units_draft(world, login):
    response = login(world.officer_b).get(reverse("initiatives:list"), {"q": "alpha"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in page_text(response)
    assert ALPHA_DRAFT not in page_text(response)


def test_leader_lists_registrations_but_no_drafts(world, login):
    text = page_text(login(world.leader).get(reverse("initiatives:list")))
    assert CELL_SUBMITTED in text
    assert ALPHA_DRAFT not in text
    assert BETA_DRAFT not in text


def test_surveyor_lists_no_initiative(world, login):
    text = page_text(login(world.surveyor).get(reverse("initiatives:list")))
    for title in (ALPHA_DRAFT, BETA_DRAFT, CELL_SUBMITTED):
        assert title not in text


# ---- Create ---------------------------------------------------------------------------------------


def test_create_without_campaign_goes_to_the_only_open_campaign(world, login):
    response = login(world.officer_a).get(reverse("initiatives:create"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('initiatives:create')}?campaign={world.campaign.pk}"


def test_create_form_offers_only_the_officers_own_unit_and_cells(world, login):
    response = login(world.officer_a).get(reverse("initiatives:create"), {"campaign": world.campaign.pk})
    assert response.status_code == 200
    assert list(response.context["form"].fields["unit"].queryset) == [world.unit_a, world.cell_a]


def test_officer_creates_a_draft_for_their_unit(world, login):
    before = set(Initiative.objects.values_list("pk", flat=True))
    response = login(world.officer_a).post(
        reverse("initiatives:create"), form_data(world, unit=world.unit_a.pk), follow=True
    )
    assert response.status_code == 200
    assert "Đã lưu bản nháp mô hình." in page_text(response)
    (new,) = Initiative.objects.exclude(pk__in=before)
    assert response.redirect_chain[-1][0] == reverse("initiatives:detail", args=[new.pk])
    assert (new.unit, new.status, new.title) == (world.unit_a, Initiative.Status.DRAFT, "Tổ tư vấn pháp luật lưu động")
    assert list(new.fields.values_list("pk", flat=True)) == [world.field_ids[1]]
    assert list(new.indicators.values_list("name", "target")) == [("Số lượt người được tư vấn", 300)]


def test_cell_officer_creates_and_submits_in_one_step(world, login):
    before = set(Initiative.objects.values_list("pk", flat=True))
    data = form_data(world, unit=world.cell_a.pk)
    del data["save"]
    data["submit"] = ""
    response = login(world.officer_cell).post(reverse("initiatives:create"), data, follow=True)
    assert "Đã gửi đăng ký mô hình tới Ban Thường vụ." in page_text(response)
    (new,) = Initiative.objects.exclude(pk__in=before)
    assert (new.unit, new.status) == (world.cell_a, Initiative.Status.SUBMITTED)
    assert new.submitted_at is not None


def test_officer_cannot_register_for_another_unit(world, login):
    count = Initiative.objects.count()
    response = login(world.officer_b).post(reverse("initiatives:create"), form_data(world, unit=world.unit_a.pk))
    assert response.status_code == 400
    assert "Đơn vị không hợp lệ hoặc bạn không được đăng ký cho đơn vị này." in page_text(response)
    assert Initiative.objects.count() == count
    assert not Initiative.objects.filter(unit=world.unit_a, title="Tổ tư vấn pháp luật lưu động").exists()


def test_leader_may_not_register(world, login):
    client = login(world.leader)
    count = Initiative.objects.count()
    url = reverse("initiatives:create")
    assert client.get(url, {"campaign": world.campaign.pk}).status_code == 403
    assert client.post(url, form_data(world, unit=world.unit_a.pk)).status_code == 403
    assert Initiative.objects.count() == count


def test_surveyor_does_not_see_the_campaign_to_register_in(world, login):
    client = login(world.surveyor)
    url = reverse("initiatives:create")
    assert client.get(url, {"campaign": world.campaign.pk}).status_code == 404
    assert client.post(url, form_data(world, unit=world.unit_a.pk)).status_code == 404


# ---- Detail ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "target", "status"),
    [
        ("officer_a", "draft_a", 200),
        ("officer_a", "submitted_a", 200),
        ("officer_cell", "submitted_a", 200),
        ("admin", "draft_a", 200),
        ("leader", "submitted_a", 200),
        ("officer_b", "draft_a", 404),
        ("officer_b", "submitted_a", 404),
        ("officer_cell", "draft_a", 404),
        ("leader", "draft_a", 404),
        ("surveyor", "submitted_a", 404),
    ],
)
def test_detail_is_shown_only_within_scope(world, login, who, target, status):
    initiative = getattr(world, target)
    response = login(getattr(world, who)).get(reverse("initiatives:detail", args=[initiative.pk]))
    assert response.status_code == status
    if status == 200:
        assert initiative.title in page_text(response)


def test_leader_reads_a_registration_without_action_buttons(world, login):
    response = login(world.leader).get(reverse("initiatives:detail", args=[world.submitted_a.pk]))
    text = page_text(response)
    assert "Bạn chỉ xem được mô hình này." in text
    for name in ("accept", "return", "withdraw", "attachment_add"):
        assert reverse(f"initiatives:{name}", args=[world.submitted_a.pk]) not in text


# ---- Edit -----------------------------------------------------------------------------------------


def edit_data(world, initiative, **overrides):
    return form_data(world, **{"version": initiative.version, **overrides})


def test_edit_form_opens_for_the_owner(world, login):
    response = login(world.officer_a).get(reverse("initiatives:edit", args=[world.draft_a.pk]))
    assert response.status_code == 200
    assert response.context["form"].initial["title"] == ALPHA_DRAFT


def test_owner_edits_a_draft(world, login):
    draft = world.draft_a
    response = login(world.officer_a).post(
        reverse("initiatives:edit", args=[draft.pk]),
        edit_data(world, draft, title="Một cửa thân thiện Alpha 2"),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("initiatives:detail", args=[draft.pk])
    assert "Đã lưu các thay đổi." in page_text(response)
    fresh = reload(draft)
    assert fresh.title == "Một cửa thân thiện Alpha 2"
    assert fresh.version == draft.version + 1
    assert fresh.status == Initiative.Status.DRAFT


def test_owner_edits_and_submits(world, login):
    draft = world.draft_a
    data = edit_data(world, draft)
    del data["save"]
    data["submit"] = ""
    login(world.officer_a).post(reverse("initiatives:edit", args=[draft.pk]), data)
    assert reload(draft).status == Initiative.Status.SUBMITTED


def test_stale_edit_is_refused(world, login):
    draft = world.draft_a
    services.initiative_update(initiative=draft, by=world.admin, expected_version=draft.version, title="Bản mới")
    response = login(world.officer_a).post(
        reverse("initiatives:edit", args=[draft.pk]), edit_data(world, draft, title="Bản cũ")
    )
    assert response.status_code == 400
    assert "vừa được người khác sửa" in page_text(response)
    assert reload(draft).title == "Bản mới"


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_unit_cannot_open_the_edit_form(world, login, method):
    url = reverse("initiatives:edit", args=[world.draft_a.pk])
    client = login(world.officer_b)
    response = client.get(url) if method == "get" else client.post(url, edit_data(world, world.draft_a, title="X"))
    assert response.status_code == 404
    assert reload(world.draft_a).title == ALPHA_DRAFT


@pytest.mark.parametrize("method", ["get", "post"])
def test_leader_cannot_edit(world, login, method):
    client = login(world.leader)
    submitted = reload(world.submitted_a)
    url = reverse("initiatives:edit", args=[submitted.pk])
    response = client.get(url) if method == "get" else client.post(url, edit_data(world, submitted, title="X"))
    assert response.status_code == 403
    assert reload(submitted).title == CELL_SUBMITTED
    # A draft is not even visible to the leader.
    assert client.get(reverse("initiatives:edit", args=[world.draft_a.pk])).status_code == 404


def test_owner_cannot_edit_once_submitted(world, login):
    submitted = reload(world.submitted_a)
    response = login(world.officer_cell).post(
        reverse("initiatives:edit", args=[submitted.pk]), edit_data(world, submitted, title="X")
    )
    assert response.status_code == 403
    assert reload(submitted).title == CELL_SUBMITTED


# ---- Submit ---------------------------------------------------------------------------------------


def test_owner_submits_a_draft(world, login):
    draft = world.draft_a
    response = login(world.officer_a).post(
        reverse("initiatives:submit", args=[draft.pk]), {"version": draft.version}, follow=True
    )
    assert "Đã gửi đăng ký mô hình tới Ban Thường vụ." in page_text(response)
    fresh = reload(draft)
    assert fresh.status == Initiative.Status.SUBMITTED
    assert fresh.submitted_at is not None


def test_incomplete_draft_is_not_submitted_and_the_page_says_why(world, login):
    draft = world.make(world.unit_a, world.officer_a, "Mô hình còn thiếu", goals="", implementers="")
    response = login(world.officer_a).post(reverse("initiatives:submit", args=[draft.pk]), follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert "chưa có “mục tiêu và tiêu chí đo lường”" in page_text(response).lower()
    assert reload(draft).status == Initiative.Status.DRAFT


def test_submit_needs_post(world, login):
    response = login(world.officer_a).get(reverse("initiatives:submit", args=[world.draft_a.pk]))
    assert response.status_code == 405
    assert reload(world.draft_a).status == Initiative.Status.DRAFT


def test_another_unit_cannot_submit(world, login):
    response = login(world.officer_b).post(reverse("initiatives:submit", args=[world.draft_a.pk]))
    assert response.status_code == 404
    assert reload(world.draft_a).status == Initiative.Status.DRAFT


def test_read_only_personas_cannot_submit(world, login):
    returned = services.initiative_return(initiative=world.submitted_a, by=world.admin, comment="Bổ sung chỉ tiêu.")
    response = login(world.leader).post(reverse("initiatives:submit", args=[returned.pk]))
    assert response.status_code == 403
    assert reload(returned).status == Initiative.Status.RETURNED
    assert login(world.leader).post(reverse("initiatives:submit", args=[world.draft_a.pk])).status_code == 404


def test_malformed_version_does_not_crash(world, client):
    client.force_login(world.officer_a)
    client.raise_request_exception = False
    response = client.post(reverse("initiatives:submit", args=[world.draft_a.pk]), {"version": "abc"})
    assert response.status_code == 302


# ---- Accept / return (the bloc's review) ----------------------------------------------------------


def test_admin_accepts_a_submitted_registration(world, login):
    submitted = reload(world.submitted_a)
    response = login(world.admin).post(
        reverse("initiatives:accept", args=[submitted.pk]), {"version": submitted.version}, follow=True
    )
    assert "Đã duyệt mô hình." in page_text(response)
    fresh = reload(submitted)
    assert fresh.status == Initiative.Status.ACCEPTED
    assert fresh.accepted_at is not None


def test_draft_cannot_be_accepted(world, login):
    response = login(world.admin).post(reverse("initiatives:accept", args=[world.draft_a.pk]))
    assert response.status_code == 403
    assert reload(world.draft_a).status == Initiative.Status.DRAFT


@pytest.mark.parametrize("action", ["accept", "return"])
@pytest.mark.parametrize(
    ("who", "status"), [("officer_b", 404), ("officer_a", 403), ("officer_cell", 403), ("leader", 403)]
)
def test_only_the_bloc_reviews(world, login, action, who, status):
    response = login(getattr(world, who)).post(
        reverse(f"initiatives:{action}", args=[world.submitted_a.pk]), {"comment": "Chưa đạt."}
    )
    assert response.status_code == status
    fresh = reload(world.submitted_a)
    assert fresh.status == Initiative.Status.SUBMITTED
    assert fresh.return_comment == ""


def test_admin_returns_with_a_comment_the_unit_then_reads(world, login):
    submitted = reload(world.submitted_a)
    response = login(world.admin).post(
        reverse("initiatives:return", args=[submitted.pk]),
        {"comment": "Cần nêu rõ chủ thể thực hiện.", "version": submitted.version},
        follow=True,
    )
    assert "Đã trả lại mô hình cho đơn vị kèm ý kiến." in page_text(response)
    fresh = reload(submitted)
    assert fresh.status == Initiative.Status.RETURNED
    assert fresh.return_comment == "Cần nêu rõ chủ thể thực hiện."
    page = login(world.officer_cell).get(reverse("initiatives:detail", args=[submitted.pk]))
    assert "Cần nêu rõ chủ thể thực hiện." in page_text(page)


def test_return_without_a_reason_is_refused(world, login):
    response = login(world.admin).post(
        reverse("initiatives:return", args=[world.submitted_a.pk]), {"comment": "  "}, follow=True
    )
    assert response.status_code == 200
    assert reload(world.submitted_a).status == Initiative.Status.SUBMITTED
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


# ---- Withdraw -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("who", "target"), [("officer_a", "draft_a"), ("officer_cell", "submitted_a")])
def test_owner_withdraws(world, login, who, target):
    initiative = getattr(world, target)
    response = login(getattr(world, who)).post(reverse("initiatives:withdraw", args=[initiative.pk]), follow=True)
    assert "Đã rút đăng ký mô hình." in page_text(response)
    assert reload(initiative).status == Initiative.Status.WITHDRAWN


def test_another_unit_cannot_withdraw(world, login):
    client = login(world.officer_b)
    assert client.post(reverse("initiatives:withdraw", args=[world.draft_a.pk])).status_code == 404
    assert client.post(reverse("initiatives:withdraw", args=[world.submitted_a.pk])).status_code == 404
    assert reload(world.draft_a).status == Initiative.Status.DRAFT
    assert reload(world.submitted_a).status == Initiative.Status.SUBMITTED


def test_leader_cannot_withdraw(world, login):
    client = login(world.leader)
    assert client.post(reverse("initiatives:withdraw", args=[world.submitted_a.pk])).status_code == 403
    assert client.post(reverse("initiatives:withdraw", args=[world.draft_a.pk])).status_code == 404
    assert reload(world.submitted_a).status == Initiative.Status.SUBMITTED
    assert reload(world.draft_a).status == Initiative.Status.DRAFT


# ---- Carry over into next year's campaign ---------------------------------------------------------


@pytest.fixture
def next_campaign(world):
    today = timezone.localdate()
    campaign = campaign_create(
        organization=world.bloc,
        by=world.admin,
        name="Đợt thử nghiệm năm sau",
        year=world.campaign.year + 1,
        registration_opens=today - timedelta(days=1),
        registration_closes=today + timedelta(days=60),
        quota_min=1,
        quota_max=3,
        fields=["Cải cách hành chính"],
    )
    campaign_launch(campaign=campaign, by=world.admin)
    return campaign


def test_officer_carries_an_initiative_over(world, login, next_campaign):
    source = world.submitted_a
    response = login(world.officer_a).post(
        reverse("initiatives:carry_over", args=[source.pk]), {"campaign": next_campaign.pk}
    )
    new = Initiative.objects.get(carried_over_from=source)
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:edit", args=[new.pk])
    assert (new.campaign, new.unit, new.status, new.title) == (
        next_campaign,
        world.cell_a,
        Initiative.Status.DRAFT,
        CELL_SUBMITTED,
    )


def test_another_unit_cannot_carry_over(world, login, next_campaign):
    response = login(world.officer_b).post(
        reverse("initiatives:carry_over", args=[world.submitted_a.pk]), {"campaign": next_campaign.pk}
    )
    assert response.status_code == 404
    assert not Initiative.objects.filter(campaign=next_campaign).exists()


def test_leader_cannot_carry_over(world, login, next_campaign):
    response = login(world.leader).post(
        reverse("initiatives:carry_over", args=[world.submitted_a.pk]), {"campaign": next_campaign.pk}
    )
    assert response.status_code == 403
    assert not Initiative.objects.filter(campaign=next_campaign).exists()


# ---- Attachments ----------------------------------------------------------------------------------


def test_owner_attaches_a_file(world, login, settings):
    response = login(world.officer_a).post(
        reverse("initiatives:attachment_add", args=[world.draft_a.pk]), {"file": pdf(), "caption": "Kế hoạch năm"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:detail", args=[world.draft_a.pk]) + "#attachments"
    (attachment,) = Attachment.objects.filter(initiative=world.draft_a)
    assert (attachment.original_name, attachment.caption, attachment.content_type) == (
        "ke-hoach.pdf",
        "Kế hoạch năm",
        "application/pdf",
    )
    assert Path(settings.MEDIA_ROOT, attachment.file.name).read_bytes() == PDF


def test_a_file_that_is_not_a_document_is_refused(world, login):
    fake = SimpleUploadedFile("ke-hoach.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    response = login(world.officer_a).post(
        reverse("initiatives:attachment_add", args=[world.draft_a.pk]), {"file": fake}, follow=True
    )
    assert "không thuộc loại được nhận" in page_text(response)
    assert not Attachment.objects.exists()


def test_another_unit_cannot_attach(world, login):
    response = login(world.officer_b).post(
        reverse("initiatives:attachment_add", args=[world.draft_a.pk]), {"file": pdf()}
    )
    assert response.status_code == 404
    assert not Attachment.objects.exists()


def test_leader_cannot_attach(world, login):
    client = login(world.leader)
    assert (
        client.post(reverse("initiatives:attachment_add", args=[world.submitted_a.pk]), {"file": pdf()}).status_code
        == 403
    )
    assert (
        client.post(reverse("initiatives:attachment_add", args=[world.draft_a.pk]), {"file": pdf()}).status_code == 404
    )
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    ("who", "target", "status"),
    [
        ("officer_a", "draft_a", 200),
        ("admin", "draft_a", 200),
        ("leader", "submitted_a", 200),
        ("officer_b", "draft_a", 404),
        ("leader", "draft_a", 404),
        ("surveyor", "submitted_a", 404),
    ],
)
def test_attachment_download_follows_who_may_read_the_initiative(world, login, who, target, status):
    attachment = attach(getattr(world, target), world.officer_a)
    response = login(getattr(world, who)).get(reverse("initiatives:attachment", args=[attachment.pk]))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert 'filename="ke-hoach.pdf"' in response["Content-Disposition"]


def test_owner_removes_an_attachment(world, login, settings, django_capture_on_commit_callbacks):
    attachment = attach(world.draft_a, world.officer_a)
    stored = Path(settings.MEDIA_ROOT, attachment.file.name)
    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.officer_a).post(
            reverse("initiatives:attachment_remove", args=[attachment.pk]), follow=True
        )
    assert "Đã xoá tệp đính kèm." in page_text(response)
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert not stored.exists()


def test_another_unit_cannot_remove_an_attachment(world, login):
    attachment = attach(world.draft_a, world.officer_a)
    response = login(world.officer_b).post(reverse("initiatives:attachment_remove", args=[attachment.pk]))
    assert response.status_code == 404
    assert Attachment.objects.filter(pk=attachment.pk).exists()


def test_leader_cannot_remove_an_attachment(world, login):
    visible = attach(world.submitted_a, world.officer_cell)
    hidden = attach(world.draft_a, world.officer_a)
    client = login(world.leader)
    assert client.post(reverse("initiatives:attachment_remove", args=[visible.pk])).status_code == 403
    assert client.post(reverse("initiatives:attachment_remove", args=[hidden.pk])).status_code == 404
    assert Attachment.objects.count() == 2
