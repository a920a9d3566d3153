"""Campaign pages: the bloc administrator runs them; officers and the leader read them (403 on changes);
the survey team, who sees no campaign, gets 404; anonymous visitors are sent to log in."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from danvan.campaigns.models import Campaign
from danvan.campaigns.services import campaign_create, campaign_launch

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
DRAFT_NAME = "Đợt phát động đang soạn"


@pytest.fixture
def draft(world):
    """A campaign the administrator is still preparing (not launched)."""
    today = timezone.localdate()
    return campaign_create(
        organization=world.bloc,
        by=world.admin,
        name=DRAFT_NAME,
        year=world.campaign.year + 1,
        registration_opens=today,
        registration_closes=today + timedelta(days=45),
        quota_min=1,
        quota_max=2,
        fields=["Xây dựng Đảng", "Môi trường"],
    )


@pytest.fixture
def with_document(world):
    """A launched campaign whose launching document was uploaded."""
    today = timezone.localdate()
    campaign = campaign_create(
        organization=world.bloc,
        by=world.admin,
        name="Đợt có văn bản",
        year=world.campaign.year,
        registration_opens=today,
        registration_closes=today + timedelta(days=45),
        launch_document_file=SimpleUploadedFile("ke-hoach-phat-dong.pdf", PDF, content_type="application/pdf"),
        fields=["Xây dựng Đảng"],
    )
    campaign_launch(campaign=campaign, by=world.admin)
    return campaign


def d(day) -> str:
    return day.strftime("%d/%m/%Y")


def form_data(world, **overrides):
    """POST data shaped like templates/campaigns/form.html, with one reporting period filled in."""
    today = timezone.localdate()
    data = {
        "organization": world.bloc.pk,
        "name": "Đợt phát động năm sau",
        "year": world.campaign.year + 1,
        "phase": "2026–2030",
        "launch_document_number": "15-KH/ĐUK",
        "launch_document_date": d(today),
        "registration_opens": d(today),
        "registration_closes": d(today + timedelta(days=30)),
        "quota_min": "1",
        "quota_max": "3",
        "fields_text": "Cải cách hành chính\nAn sinh xã hội\n",
        "previous": "",
        "version": "",
        "period-TOTAL_FORMS": "2",
        "period-INITIAL_FORMS": "0",
        "period-MIN_NUM_FORMS": "0",
        "period-MAX_NUM_FORMS": "24",
        "period-0-name": "Sáu tháng đầu năm",
        "period-0-starts_on": d(today),
        "period-0-ends_on": d(today + timedelta(days=180)),
        "period-0-due_on": d(today + timedelta(days=190)),
        "period-1-name": "",
        "period-1-starts_on": "",
        "period-1-ends_on": "",
        "period-1-due_on": "",
    }
    data.update(overrides)
    return data


def edit_data(world, campaign, **overrides):
    data = form_data(world)
    data.update(
        name=campaign.name,
        year=campaign.year,
        registration_opens=d(campaign.registration_opens),
        registration_closes=d(campaign.registration_closes),
        quota_min=campaign.quota_min,
        quota_max=campaign.quota_max,
        fields_text="\n".join(campaign.fields.values_list("name", flat=True)),
        version=campaign.version,
    )
    data.update(overrides)
    return data


def text(response) -> str:
    return response.content.decode()


def reload(campaign):
    return Campaign.objects.get(pk=campaign.pk)


# ---- Anonymous ------------------------------------------------------------------------------------


ANONYMOUS_CASES = [
    ("get", "campaigns:list", False),
    ("get", "campaigns:create", False),
    ("post", "campaigns:create", False),
    ("get", "campaigns:detail", True),
    ("get", "campaigns:edit", True),
    ("post", "campaigns:edit", True),
    ("post", "campaigns:launch", True),
    ("post", "campaigns:remind", True),
    ("get", "campaigns:document", True),
]


def test_anonymous_is_sent_to_the_login_page(world, client, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for method, name, with_pk in ANONYMOUS_CASES:
            url = reverse(name, args=[draft.pk] if with_pk else [])
            response = getattr(client, method)(url)
            assert response.status_code == 302, f"{method.upper()} {url}"
            assert response["Location"].startswith(reverse("login") + "?next="), f"{method.upper()} {url}"
    assert reload(draft).status == Campaign.Status.DRAFT
    assert mail.outbox == []


# ---- List and detail ------------------------------------------------------------------------------


def test_admin_lists_launched_and_draft_campaigns(world, login, draft):
    page = text(login(world.admin).get(reverse("campaigns:list")))
    assert world.campaign.name in page
    assert DRAFT_NAME in page


@pytest.mark.parametrize("who", ["officer_a", "officer_b", "officer_cell"])
def test_officers_list_launched_campaigns_but_not_drafts(world, login, draft, who):
    page = text(login(getattr(world, who)).get(reverse("campaigns:list")))
    assert world.campaign.name in page
    assert DRAFT_NAME not in page


def test_surveyor_lists_no_campaign(world, login, draft):
    response = login(world.surveyor).get(reverse("campaigns:list"))
    assert response.status_code == 200
    assert world.campaign.name not in text(response)
    assert DRAFT_NAME not in text(response)


@pytest.mark.parametrize(
    ("who", "which", "status"),
    [
        ("admin", "campaign", 200),
        ("admin", "draft", 200),
        ("leader", "campaign", 200),
        ("leader", "draft", 200),
        ("officer_a", "campaign", 200),
        ("officer_cell", "campaign", 200),
        ("officer_a", "draft", 404),
        ("surveyor", "campaign", 404),
        ("surveyor", "draft", 404),
    ],
)
def test_detail_is_shown_only_to_those_it_concerns(world, login, draft, who, which, status):
    campaign = draft if which == "draft" else world.campaign
    response = login(getattr(world, who)).get(reverse("campaigns:detail", args=[campaign.pk]))
    assert response.status_code == status
    if status == 200:
        assert campaign.name in text(response)


@pytest.mark.parametrize("who", ["officer_a", "leader"])
def test_readers_see_no_edit_or_launch_buttons(world, login, draft, who):
    page = text(login(getattr(world, who)).get(reverse("campaigns:detail", args=[world.campaign.pk])))
    assert reverse("campaigns:edit", args=[world.campaign.pk]) not in page
    assert reverse("campaigns:remind", args=[world.campaign.pk]) not in page


# ---- Create ---------------------------------------------------------------------------------------


def test_admin_opens_the_create_form(world, login):
    response = login(world.admin).get(reverse("campaigns:create"))
    assert response.status_code == 200
    assert list(response.context["form"].fields["organization"].queryset) == [world.bloc]


def test_admin_creates_a_campaign_with_document_and_period(world, login, settings):
    response = login(world.admin).post(
        reverse("campaigns:create"),
        form_data(world, launch_document_file=SimpleUploadedFile("kh-15.pdf", PDF, content_type="application/pdf")),
        follow=True,
    )
    campaign = Campaign.objects.get(name="Đợt phát động năm sau")
    assert response.redirect_chain[-1][0] == reverse("campaigns:detail", args=[campaign.pk])
    assert "Đã tạo đợt phát động." in text(response)
    assert campaign.status == Campaign.Status.DRAFT
    assert campaign.organization == world.bloc
    assert list(campaign.fields.values_list("name", flat=True)) == ["Cải cách hành chính", "An sinh xã hội"]
    assert list(campaign.periods.values_list("name", flat=True)) == ["Sáu tháng đầu năm"]
    assert Path(settings.MEDIA_ROOT, campaign.launch_document_file.name).read_bytes() == PDF
    assert mail.outbox == []  # nobody is told before the launch


def test_create_with_closing_before_opening_is_refused(world, login):
    today = timezone.localdate()
    response = login(world.admin).post(
        reverse("campaigns:create"),
        form_data(world, registration_closes=d(today - timedelta(days=1))),
    )
    assert response.status_code == 400
    assert "Hạn đăng ký phải sau ngày mở đăng ký." in text(response)
    assert not Campaign.objects.filter(name="Đợt phát động năm sau").exists()


@pytest.mark.parametrize("who", ["officer_a", "officer_b", "leader", "surveyor"])
def test_only_an_administrator_creates_campaigns(world, login, who):
    client = login(getattr(world, who))
    count = Campaign.objects.count()
    assert client.get(reverse("campaigns:create")).status_code == 403
    assert client.post(reverse("campaigns:create"), form_data(world)).status_code == 403
    assert Campaign.objects.count() == count


# ---- Edit -----------------------------------------------------------------------------------------


def test_admin_edits_a_campaign(world, login, draft):
    client = login(world.admin)
    form = client.get(reverse("campaigns:edit", args=[draft.pk]))
    assert form.status_code == 200
    assert form.context["form"].initial["name"] == DRAFT_NAME
    response = client.post(
        reverse("campaigns:edit", args=[draft.pk]),
        edit_data(world, draft, name="Đợt phát động đã sửa", fields_text="Xây dựng Đảng\nMôi trường\nGiáo dục"),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("campaigns:detail", args=[draft.pk])
    assert "Đã lưu đợt phát động." in text(response)
    fresh = reload(draft)
    assert fresh.name == "Đợt phát động đã sửa"
    assert fresh.version == draft.version + 1
    assert list(fresh.fields.values_list("name", flat=True)) == ["Xây dựng Đảng", "Môi trường", "Giáo dục"]


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("who", "status"), [("officer_a", 403), ("leader", 403), ("surveyor", 404)])
def test_others_cannot_edit_a_campaign(world, login, who, status, method):
    campaign = world.campaign
    client = login(getattr(world, who))
    url = reverse("campaigns:edit", args=[campaign.pk])
    response = client.get(url) if method == "get" else client.post(url, edit_data(world, campaign, name="Bị sửa"))
    assert response.status_code == status
    assert reload(campaign).name == campaign.name


def test_leader_cannot_edit_a_draft_campaign(world, login, draft):
    response = login(world.leader).post(reverse("campaigns:edit", args=[draft.pk]), edit_data(world, draft, name="X"))
    assert response.status_code == 403
    assert reload(draft).name == DRAFT_NAME


# ---- Launch ---------------------------------------------------------------------------------------


def test_admin_launches_and_every_unit_officer_is_told(world, login, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.admin).post(reverse("campaigns:launch", args=[draft.pk]), follow=True)
    assert "Đã phát động. Đã gửi thư báo tới 2 địa chỉ" in text(response)
    fresh = reload(draft)
    assert fresh.status == Campaign.Status.LAUNCHED
    assert fresh.launched_at is not None
    assert sorted(r for m in mail.outbox for r in m.to) == ["officer_a@test.vn", "officer_b@test.vn"]
    assert all(DRAFT_NAME in m.subject for m in mail.outbox)


def test_launching_twice_is_refused_without_mail(world, login, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.admin).post(reverse("campaigns:launch", args=[world.campaign.pk]), follow=True)
    assert "Đợt này đã được phát động rồi." in text(response)
    assert mail.outbox == []


def test_launch_needs_post(world, login, draft):
    assert login(world.admin).get(reverse("campaigns:launch", args=[draft.pk])).status_code == 405
    assert reload(draft).status == Campaign.Status.DRAFT


@pytest.mark.parametrize(
    ("who", "which", "status"),
    [
        ("leader", "draft", 403),
        ("officer_a", "campaign", 403),
        ("officer_a", "draft", 404),  # a draft campaign is not shown to units
        ("surveyor", "draft", 404),
    ],
)
def test_others_cannot_launch(world, login, draft, django_capture_on_commit_callbacks, who, which, status):
    campaign = draft if which == "draft" else world.campaign
    with django_capture_on_commit_callbacks(execute=True):
        response = login(getattr(world, who)).post(reverse("campaigns:launch", args=[campaign.pk]))
    assert response.status_code == status
    assert reload(draft).status == Campaign.Status.DRAFT
    assert mail.outbox == []


# ---- Remind units without registrations ------------------------------------------------------------


def test_admin_reminds_only_units_without_registrations(world, login, django_capture_on_commit_callbacks):
    # Unit A has registered through its cell A1; units B and C have not (C has no officer with an e-mail).
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.admin).post(reverse("campaigns:remind", args=[world.campaign.pk]), follow=True)
    assert "Đã gửi thư nhắc tới 2 đơn vị chưa đăng ký." in text(response)
    assert [r for m in mail.outbox for r in m.to] == ["officer_b@test.vn"]
    assert world.campaign.name in mail.outbox[0].subject


def test_htmx_remind_answers_with_the_result_only(world, login, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.admin).post(
            reverse("campaigns:remind", args=[world.campaign.pk]), HTTP_HX_REQUEST="true"
        )
    assert response.status_code == 200
    assert "<html" not in text(response)
    assert "Đã gửi thư nhắc tới 2 đơn vị." in text(response)
    assert len(mail.outbox) == 1


def test_a_draft_campaign_cannot_be_reminded(world, login, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.admin).post(reverse("campaigns:remind", args=[draft.pk]), follow=True)
    assert "Chỉ nhắc được khi đợt đang phát động." in text(response)
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("who", "status"), [("officer_a", 403), ("officer_b", 403), ("leader", 403), ("surveyor", 404)]
)
def test_others_cannot_remind(world, login, django_capture_on_commit_callbacks, who, status):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(getattr(world, who)).post(reverse("campaigns:remind", args=[world.campaign.pk]))
    assert response.status_code == status
    assert mail.outbox == []


# ---- Launching document ---------------------------------------------------------------------------


@pytest.mark.parametrize(("who", "status"), [("admin", 200), ("officer_b", 200), ("leader", 200), ("surveyor", 404)])
def test_document_is_served_to_those_who_see_the_campaign(world, login, with_document, who, status):
    response = login(getattr(world, who)).get(reverse("campaigns:document", args=[with_document.pk]))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert "attachment" in response["Content-Disposition"]


def test_campaign_without_document_answers_404(world, login):
    assert login(world.admin).get(reverse("campaigns:document", args=[world.campaign.pk])).status_code == 404


def test_document_of_a_draft_campaign_is_hidden_from_units(world, login):
    today = timezone.localdate()
    campaign = campaign_create(
        organization=world.bloc,
        by=world.admin,
        name="Đợt chưa phát động có văn bản",
        year=world.campaign.year,
        registration_opens=today,
        registration_closes=today + timedelta(days=10),
        launch_document_file=SimpleUploadedFile("du-thao.pdf", PDF, content_type="application/pdf"),
        fields=["Xây dựng Đảng"],
    )
    assert login(world.officer_a).get(reverse("campaigns:document", args=[campaign.pk])).status_code == 404
    assert login(world.admin).get(reverse("campaigns:document", args=[campaign.pk])).status_code == 200
