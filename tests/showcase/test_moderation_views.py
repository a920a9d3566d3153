"""The showcase's management pages: the bloc's administrator publishes an exemplary initiative (texts, photos),
and citizens' feedback is moderated, the owning unit first, then the bloc. Each page: it works, another unit's
officer gets 404, a reader who may not act gets 403 (or a clear refusal), anonymous is sent to log in."""

import time
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.demo.checking import png
from danvan.initiatives.models import Initiative
from danvan.initiatives.services import initiative_accept
from danvan.recognition.services import result_decide
from danvan.showcase import services
from danvan.showcase.forms import form_token
from danvan.showcase.models import Feedback, ShowcaseEntry, ShowcasePhoto

COMMENT = "Cán bộ về tận xã, nói dễ hiểu, giải quyết được việc gia đình tôi."


def text(response) -> str:
    return response.content.decode()


def assert_login_redirect(response) -> None:
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.fixture
def mv(world):
    """The cell A1's initiative accepted and decided exemplary; published; one pending feedback."""
    i = initiative_accept(initiative=world.submitted_a, by=world.admin)
    i = result_decide(initiative=i, by=world.admin, result=Initiative.Result.EXEMPLARY, reason="Vượt chỉ tiêu.")
    entry = services.showcase_save(
        initiative=i, by=world.admin, publish=True, headline="Trợ giúp pháp lý", summary="Tư vấn miễn phí."
    )
    feedback = services.feedback_submit(entry=entry, rating=5, comment=COMMENT, author_area="An Lão", address="x")
    return SimpleNamespace(initiative=i, entry=entry, feedback=feedback)


def moderate(client, feedback, *, approve: bool, reason: str = "", follow: bool = True):
    data = {"approve": "1"} if approve else {"reject": "1", "reason": reason}
    return client.post(reverse("showcase:moderate", args=[feedback.pk]), data, follow=follow)


# --- Publishing ---------------------------------------------------------------------------------------------------


def test_the_first_form_is_prefilled_from_the_registration(login, world):
    i = initiative_accept(initiative=world.submitted_a, by=world.admin)
    i = result_decide(initiative=i, by=world.admin, result=Initiative.Result.EXEMPLARY, reason="Vượt chỉ tiêu.")
    response = login(world.admin).get(reverse("showcase:manage", args=[i.pk]))
    assert response.status_code == 200
    page = text(response)
    assert 'value="Trợ giúp pháp lý miễn phí"' in page
    assert "Tổ tình nguyện trực tại bộ phận một cửa." in page  # the method, in the summary
    assert "Chưa soạn nội dung công khai" in page
    assert not ShowcaseEntry.objects.exists()


def test_the_administrator_publishes_and_withdraws(login, client, world):
    i = initiative_accept(initiative=world.submitted_a, by=world.admin)
    i = result_decide(initiative=i, by=world.admin, result=Initiative.Result.EXEMPLARY, reason="Vượt chỉ tiêu.")
    url = reverse("showcase:manage", args=[i.pk])
    data = {
        "headline": "Trợ giúp pháp lý miễn phí",
        "summary": "Tư vấn pháp luật miễn phí.",
        "implementers": "",
        "beneficiaries": "Người nghèo.",
        "results": "811 lượt người.",
        "publish": "on",
    }
    response = login(world.admin).post(url, data, follow=True)
    assert "Đã lưu và công khai mô hình." in text(response)
    entry = ShowcaseEntry.objects.get(initiative=i)
    assert entry.is_published and entry.beneficiaries == "Người nghèo."
    client.logout()
    assert client.get(reverse("showcase:detail", args=[entry.pk])).status_code == 200
    response = login(world.admin).post(url, {**data, "publish": ""}, follow=True)
    assert "Đã lưu; mô hình chưa được công khai." in text(response)
    client.logout()
    assert client.get(reverse("showcase:detail", args=[entry.pk])).status_code == 404


def test_a_refused_text_keeps_what_was_typed(login, world, mv):
    url = reverse("showcase:manage", args=[mv.initiative.pk])
    response = login(world.admin).post(
        url, {"headline": "Tên <b>đậm</b>", "summary": "Giới thiệu mới, chưa lưu.", "publish": "on"}
    )
    assert response.status_code == 400
    page = text(response)
    assert "chứa mã HTML hoặc script" in page
    assert "Giới thiệu mới, chưa lưu." in page and 'value="Tên &lt;b&gt;đậm&lt;/b&gt;"' in page
    mv.entry.refresh_from_db()
    assert mv.entry.headline == "Trợ giúp pháp lý"


def test_a_non_exemplary_initiative_cannot_be_published(login, world):
    i = initiative_accept(initiative=world.submitted_a, by=world.admin)
    page = text(login(world.admin).get(reverse("showcase:manage", args=[i.pk])))
    assert "Chỉ công khai được mô hình đã được bình xét là tiêu biểu." in page
    response = login(world.admin).post(reverse("showcase:manage", args=[i.pk]), {"headline": "X", "summary": "Y"})
    assert response.status_code == 400
    assert not ShowcaseEntry.objects.exists()


def test_who_may_open_the_publishing_page(client, login, world, mv):
    url = reverse("showcase:manage", args=[mv.initiative.pk])
    assert_login_redirect(client.get(url))
    assert login(world.officer_b).get(url).status_code == 404  # another unit: it does not exist
    for reader in (world.officer_cell, world.officer_a, world.leader):  # sees the initiative, may not publish
        assert login(reader).get(url).status_code == 403
        assert login(reader).post(url, {"headline": "X", "summary": "Y", "publish": "on"}).status_code == 403
    mv.entry.refresh_from_db()
    assert mv.entry.headline == "Trợ giúp pháp lý"


def test_photos_are_added_and_removed_by_the_administrator_only(client, login, world, mv):
    add = reverse("showcase:photo_add", args=[mv.initiative.pk])
    upload = SimpleUploadedFile("anh.png", png((10, 120, 60)), content_type="image/png")
    response = login(world.admin).post(add, {"file": upload, "caption": "Buổi tư vấn"}, follow=True)
    assert "Đã thêm ảnh." in text(response)
    photo = ShowcasePhoto.objects.get()
    assert photo.caption == "Buổi tư vấn"
    # A file that is not an image is refused, with the caption kept.
    fake = SimpleUploadedFile("anh.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = login(world.admin).post(add, {"file": fake, "caption": "Chú thích giữ lại"})
    assert response.status_code == 400
    assert 'value="Chú thích giữ lại"' in text(response)
    assert ShowcasePhoto.objects.count() == 1
    # Others.
    remove = reverse("showcase:photo_remove", args=[photo.pk])
    again = SimpleUploadedFile("b.png", png((1, 2, 3)), content_type="image/png")
    assert login(world.officer_b).post(add, {"file": again}).status_code == 404
    assert login(world.officer_b).post(remove).status_code == 404
    assert login(world.officer_cell).post(add, {"file": again}).status_code == 403
    assert login(world.leader).post(remove).status_code == 403
    client.logout()
    assert_login_redirect(client.post(remove))
    assert ShowcasePhoto.objects.count() == 1
    page = text(login(world.admin).get(reverse("showcase:manage", args=[mv.initiative.pk])))
    assert "data-confirm" in page and remove in page
    response = login(world.admin).post(remove, follow=True)
    assert "Đã xoá ảnh." in text(response)
    assert not ShowcasePhoto.objects.exists()


# --- Moderation ---------------------------------------------------------------------------------------------------


def test_the_unit_approves_first_then_the_bloc_publishes(client, login, world, mv):
    detail = reverse("showcase:detail", args=[mv.entry.pk])
    queue = reverse("showcase:moderation")
    # The bloc cannot publish before the unit has looked.
    page = text(login(world.admin).get(queue))
    assert COMMENT not in page  # not waiting for the bloc yet
    assert COMMENT in text(login(world.admin).get(queue, {"status": "pending"}))
    response = moderate(login(world.admin), mv.feedback, approve=True)
    assert "đơn vị quản lý mô hình xem xét trước" in text(response)
    mv.feedback.refresh_from_db()
    assert mv.feedback.status == Feedback.Status.PENDING
    # The cell's officer sees it waiting and approves it.
    page = text(login(world.officer_cell).get(queue))
    assert COMMENT in page and "Đồng ý, chuyển Khối duyệt" in page
    response = moderate(login(world.officer_cell), mv.feedback, approve=True)
    assert "Đơn vị đã đồng ý; ý kiến chuyển Khối duyệt đăng." in text(response)
    mv.feedback.refresh_from_db()
    assert (mv.feedback.status, mv.feedback.unit_moderator) == (Feedback.Status.UNIT_APPROVED, world.officer_cell)
    client.logout()
    assert COMMENT not in text(client.get(detail))
    # The bloc now finds it waiting and publishes it.
    page = text(login(world.admin).get(queue))
    assert COMMENT in page and "Duyệt đăng công khai" in page
    response = moderate(login(world.admin), mv.feedback, approve=True)
    assert "Đã đăng ý kiến lên trang công khai." in text(response)
    mv.feedback.refresh_from_db()
    assert mv.feedback.status == Feedback.Status.PUBLISHED
    client.logout()
    assert COMMENT in text(client.get(detail))
    # Published: nobody's turn any more.
    response = moderate(login(world.officer_cell), mv.feedback, approve=False, reason="Đổi ý.")
    assert "không chờ bạn duyệt" in text(response)


def test_rejecting_needs_a_reason_which_never_reaches_the_public(client, login, world, mv):
    response = moderate(login(world.officer_a), mv.feedback, approve=False, reason="")
    assert "Hãy ghi lý do không đăng ý kiến." in text(response)
    mv.feedback.refresh_from_db()
    assert mv.feedback.status == Feedback.Status.PENDING
    response = moderate(login(world.officer_a), mv.feedback, approve=False, reason="Không liên quan tới mô hình.")
    assert "Đã quyết định không đăng ý kiến này." in text(response)
    mv.feedback.refresh_from_db()
    assert (mv.feedback.status, mv.feedback.rejection_reason) == (
        Feedback.Status.REJECTED,
        "Không liên quan tới mô hình.",
    )
    assert "Không liên quan tới mô hình." in text(
        login(world.admin).get(reverse("showcase:moderation"), {"status": "all"})
    )
    client.logout()
    page = text(client.get(reverse("showcase:detail", args=[mv.entry.pk])))
    assert COMMENT not in page and "Không liên quan tới mô hình." not in page


def test_another_units_officer_neither_sees_nor_moderates(login, world, mv):
    assert COMMENT not in text(login(world.officer_b).get(reverse("showcase:moderation"), {"status": "all"}))
    assert moderate(login(world.officer_b), mv.feedback, approve=True, follow=False).status_code == 404
    mv.feedback.refresh_from_db()
    assert mv.feedback.status == Feedback.Status.PENDING


def test_a_leader_reads_the_queue_but_may_not_moderate(login, world, mv):
    page = text(login(world.leader).get(reverse("showcase:moderation"), {"status": "all"}))
    assert COMMENT in page
    assert "Bạn chỉ xem được các ý kiến" in page
    assert reverse("showcase:moderate", args=[mv.feedback.pk]) not in page
    assert moderate(login(world.leader), mv.feedback, approve=True, follow=False).status_code == 403
    mv.feedback.refresh_from_db()
    assert mv.feedback.status == Feedback.Status.PENDING


def test_moderation_needs_a_signed_in_user(client, world, mv):
    assert_login_redirect(client.get(reverse("showcase:moderation")))
    assert_login_redirect(moderate(client, mv.feedback, approve=True, follow=False))
    assert client.get(reverse("showcase:moderate", args=[mv.feedback.pk])).status_code in (302, 405)


def test_feedback_sent_through_the_form_reaches_the_units_queue(client, login, world, mv):
    data = {
        "rating": "4",
        "comment": "Mong được tổ chức thường xuyên hơn.",
        "author_name": "",
        "author_area": "Kiến Thụy",
        "website": "",
        "started": form_token(mv.entry.pk, time.time() - 5),
    }
    assert client.post(reverse("showcase:feedback", args=[mv.entry.pk]), data).status_code == 302
    page = text(login(world.officer_cell).get(reverse("showcase:moderation")))
    assert "Mong được tổ chức thường xuyên hơn." in page and "Kiến Thụy" in page
