"""The registration workflow and its refusals, through the service functions every door uses."""

import unicodedata
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from danvan.core.models import AuditEntry
from danvan.initiatives import services
from danvan.initiatives.models import Initiative, InitiativeEvent
from tests.conftest import FULL


def test_submit_refuses_what_lacks_goals_implementers_targets_beneficiaries_or_method(world):
    bare = services.initiative_create(
        campaign=world.campaign,
        unit=world.unit_b,
        by=world.officer_b,
        fields=world.field_ids[:1],
        title="Thiếu nội dung",
    )
    with pytest.raises(ValidationError) as exc:
        services.initiative_submit(initiative=bare, by=world.officer_b)
    assert set(exc.value.error_dict) == {"goals", "implementers", "target_groups", "beneficiaries", "method"}
    assert "Chủ thể thực hiện" in " ".join(exc.value.messages)
    bare.refresh_from_db()
    assert bare.status == Initiative.Status.DRAFT


def test_submit_refuses_without_a_field(world):
    i = services.initiative_create(campaign=world.campaign, unit=world.unit_b, by=world.officer_b, title="X", **FULL)
    with pytest.raises(ValidationError) as exc:
        services.initiative_submit(initiative=i, by=world.officer_b)
    assert "fields" in exc.value.error_dict


def test_return_with_comment_then_resubmit_then_accept(world):
    i = services.initiative_return(initiative=world.submitted_a, by=world.admin, comment="Chưa rõ đối tượng thụ hưởng.")
    assert i.status == Initiative.Status.RETURNED
    assert i.return_comment == "Chưa rõ đối tượng thụ hưởng."
    i = services.initiative_update(
        initiative=i, by=world.officer_cell, expected_version=i.version, beneficiaries="Người nghèo, trẻ em."
    )
    i = services.initiative_submit(initiative=i, by=world.officer_cell)
    assert i.status == Initiative.Status.SUBMITTED and i.return_comment == ""
    i = services.initiative_accept(initiative=i, by=world.admin)
    assert i.status == Initiative.Status.ACCEPTED and i.accepted_at is not None
    actions = list(i.events.values_list("action", flat=True))
    assert actions == ["created", "submitted", "returned", "updated", "submitted", "accepted"]
    returned = i.events.get(action=InitiativeEvent.Action.RETURNED)
    assert returned.comment == "Chưa rõ đối tượng thụ hưởng." and returned.actor == world.admin
    assert AuditEntry.objects.filter(action="initiative.returned", target_id=str(i.pk), actor=world.admin).exists()


def test_return_needs_a_reason(world):
    with pytest.raises(ValidationError) as exc:
        services.initiative_return(initiative=world.submitted_a, by=world.admin, comment="   \u00a0 ")
    assert "comment" in exc.value.error_dict
    world.submitted_a.refresh_from_db()
    assert world.submitted_a.status == Initiative.Status.SUBMITTED


def test_only_the_bloc_reviews_and_only_what_was_submitted(world):
    with pytest.raises(ValidationError):
        services.initiative_accept(initiative=world.submitted_a, by=world.officer_cell)
    with pytest.raises(ValidationError):
        services.initiative_accept(initiative=world.draft_a, by=world.admin)
    with pytest.raises(ValidationError):
        services.initiative_accept(initiative=world.submitted_a, by=world.leader)


def test_accepted_initiative_can_no_longer_be_edited_or_withdrawn(world):
    i = services.initiative_accept(initiative=world.submitted_a, by=world.admin)
    with pytest.raises(ValidationError):
        services.initiative_update(initiative=i, by=world.officer_cell, expected_version=i.version, title="Khác")
    with pytest.raises(ValidationError):
        services.initiative_withdraw(initiative=i, by=world.officer_cell)


def test_quota_is_enforced_with_a_message_naming_the_unit(world):
    world.make(world.unit_b, world.officer_b, "Thứ hai")
    world.make(world.unit_b, world.officer_b, "Thứ ba")
    with pytest.raises(ValidationError) as exc:
        world.make(world.unit_b, world.officer_b, "Thứ tư")
    assert "Đảng bộ Sở Beta" in exc.value.error_dict["unit"][0].messages[0]
    assert "3" in exc.value.error_dict["unit"][0].messages[0]
    assert Initiative.objects.filter(unit=world.unit_b).count() == 3


def test_withdrawn_initiatives_free_the_quota(world):
    world.make(world.unit_b, world.officer_b, "Thứ hai")
    third = world.make(world.unit_b, world.officer_b, "Thứ ba")
    services.initiative_withdraw(initiative=third, by=world.officer_b)
    world.make(world.unit_b, world.officer_b, "Thay thế")


def test_registration_window_is_enforced(world):
    world.campaign.registration_closes = timezone.localdate() - timedelta(days=1)
    world.campaign.registration_opens = timezone.localdate() - timedelta(days=20)
    world.campaign.save()
    with pytest.raises(ValidationError) as exc:
        world.make(world.unit_b, world.officer_b, "Trễ hạn")
    assert "Ngoài thời hạn đăng ký" in exc.value.messages[0]
    with pytest.raises(ValidationError):
        services.initiative_submit(initiative=world.draft_a, by=world.officer_a)


def test_officer_cannot_register_for_another_unit(world):
    with pytest.raises(ValidationError) as exc:
        world.make(world.unit_b, world.officer_a, "Không phải của mình")
    assert "unit" in exc.value.error_dict


def test_stale_edit_is_refused_and_nothing_is_overwritten(world):
    i = world.draft_a
    seen_version = i.version
    services.initiative_update(
        initiative=i, by=world.officer_a, expected_version=seen_version, title="Bản của người thứ nhất"
    )
    with pytest.raises(ValidationError) as exc:
        services.initiative_update(
            initiative=i, by=world.officer_a, expected_version=seen_version, title="Bản của người thứ hai"
        )
    assert "vừa được người khác sửa" in exc.value.messages[0]
    i.refresh_from_db()
    assert i.title == "Bản của người thứ nhất"


def test_text_is_stored_in_nfc_with_spaces_cleaned(world):
    decomposed = unicodedata.normalize("NFD", "  Trợ giúp\u00a0pháp lý  ")
    i = world.make(world.unit_b, world.officer_b, decomposed, goals=unicodedata.normalize("NFD", "Mục tiêu rõ"))
    i.refresh_from_db()
    assert i.title == "Trợ giúp pháp lý"
    assert unicodedata.is_normalized("NFC", i.title) and unicodedata.is_normalized("NFC", i.goals)
    assert "tro giup phap ly" in i.search_text


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 256}, "title"),
        ({"goals": "x" * (services.TEXT_LIMIT + 1)}, "goals"),
        ({"kind": "group"}, "kind"),
        ({"starts_on": timezone.localdate(), "ends_on": timezone.localdate() - timedelta(days=1)}, "ends_on"),
    ],
)
def test_bad_content_names_the_field_and_writes_nothing(world, changes, field):
    before = Initiative.objects.count()
    with pytest.raises(ValidationError) as exc:
        world.make(world.unit_b, world.officer_b, changes.pop("title", "Tên hợp lệ"), **changes)
    assert field in exc.value.error_dict
    assert Initiative.objects.count() == before


def test_unknown_field_is_refused(world, db):
    with pytest.raises(ValidationError) as exc:
        services.initiative_create(
            campaign=world.campaign, unit=world.unit_b, by=world.officer_b, fields=[999999], title="X"
        )
    assert "fields" in exc.value.error_dict


def test_indicator_with_a_non_number_is_refused(world):
    with pytest.raises(ValidationError) as exc:
        world.make(
            world.unit_b,
            world.officer_b,
            "Có chỉ tiêu",
            indicators=[services.IndicatorInput(name="Số người", unit_of_measure="người", target="tám trăm")],
        )
    assert "tám trăm" in exc.value.messages[0]
    assert not Initiative.objects.filter(title="Có chỉ tiêu").exists()


def test_carry_over_copies_content_and_links_history(world):
    from danvan.campaigns.services import campaign_create, campaign_launch

    old = services.initiative_accept(initiative=world.submitted_a, by=world.admin)
    # The earlier campaign is last year's; the new one is this year's.
    old.campaign.year -= 1
    old.campaign.save()
    today = timezone.localdate()
    new_campaign = campaign_create(
        organization=world.bloc,
        by=world.admin,
        name="Đợt năm sau",
        year=today.year,
        registration_opens=today,
        registration_closes=today + timedelta(days=5),
        fields=["Cải cách hành chính"],
    )
    campaign_launch(campaign=new_campaign, by=world.admin)
    copy = services.initiative_carry_over(source=old, campaign=new_campaign, by=world.officer_cell)
    assert copy.carried_over_from == old and copy.status == Initiative.Status.DRAFT
    assert copy.title == old.title and copy.beneficiaries == old.beneficiaries
    assert [f.name for f in copy.fields.all()] == ["Cải cách hành chính"]
    assert "carried_over" in copy.events.values_list("action", flat=True)
    with pytest.raises(ValidationError):
        services.initiative_carry_over(source=old, campaign=new_campaign, by=world.officer_cell)


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_attachment_is_checked_by_content_not_name(world):
    fake = SimpleUploadedFile("bien-ban.pdf", b"MZ\x90\x00this is an executable", content_type="application/pdf")
    with pytest.raises(ValidationError) as exc:
        services.attachment_add(initiative=world.draft_a, by=world.officer_a, upload=fake)
    assert "bien-ban.pdf" in exc.value.messages[0]
    good = SimpleUploadedFile("ke-hoach.pdf", PDF, content_type="application/octet-stream")
    a = services.attachment_add(initiative=world.draft_a, by=world.officer_a, upload=good, caption="Kế hoạch")
    assert a.content_type == "application/pdf" and a.size == len(PDF)
    assert world.draft_a.attachments.count() == 1


def test_attachment_too_large_is_refused(world, settings):
    settings.MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("anh.pdf", PDF + b"0" * (1024 * 1024), content_type="application/pdf")
    with pytest.raises(ValidationError) as exc:
        services.attachment_add(initiative=world.draft_a, by=world.officer_a, upload=big)
    assert "1 MB" in exc.value.messages[0]
    assert world.draft_a.attachments.count() == 0


def test_save_and_submit_from_the_page_is_all_or_nothing(world, login):
    from django.urls import reverse

    from tests.initiatives.test_access import form_data

    data = form_data(world, unit=world.unit_b.pk, title="Gửi ngay mà thiếu lĩnh vực", submit="")
    data.pop("work_fields")
    data.pop("save")
    response = login(world.officer_b).post(reverse("initiatives:create") + f"?campaign={world.campaign.pk}", data)
    assert response.status_code == 400
    form = response.context["form"]
    assert "Chưa chọn lĩnh vực" in form.errors["work_fields"][0]
    assert form["title"].value() == "Gửi ngay mà thiếu lĩnh vực"  # what was typed is still there
    assert not Initiative.objects.filter(title="Gửi ngay mà thiếu lĩnh vực").exists()
