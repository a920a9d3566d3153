"""A citizen scans the printed QR code of a published initiative, sends an opinion from a phone, and sees it on
the public page only after the unit's officer and then the bloc's administrator have approved it."""

import time

import pytest

from danvan.initiatives.models import Initiative
from danvan.initiatives.services import initiative_accept
from danvan.recognition.services import result_decide
from danvan.showcase import services
from danvan.showcase.models import Feedback
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMMENT = "Cán bộ trợ giúp pháp lý về tận thôn, giải thích dễ hiểu. Gia đình tôi rất cảm ơn."
PASSWORD = "Mat-khau-dai-123"  # the personas' password in tests/conftest.py


def log_in(page, base, username):
    sign_in(page, base, username, PASSWORD)


def approve_in_queue(page, base, username, button):
    log_in(page, base, username)
    page.goto(f"{base}/showcase/moderation/")
    item = page.locator("li.sc-mod", has_text=COMMENT)
    item.locator(f"button:has-text('{button}')").click()
    page.wait_for_selector(".msg.success")
    page.locator("form[action='/accounts/logout/'] button").click()


def test_a_citizen_scans_the_qr_code_and_the_opinion_appears_after_moderation(live_server, browser, world, settings):
    settings.DANVAN_FEEDBACK_MIN_SECONDS = 1  # a person still needs a moment; the test waits a little longer
    initiative = initiative_accept(initiative=world.submitted_a, by=world.admin)
    result_decide(initiative=initiative, by=world.admin, result=Initiative.Result.EXEMPLARY, reason="Vượt chỉ tiêu.")
    entry = services.showcase_save(
        initiative=initiative,
        by=world.admin,
        publish=True,
        headline="Trợ giúp pháp lý miễn phí cho người nghèo",
        summary="Tư vấn pháp luật miễn phí tại xã, hai buổi mỗi tháng.",
    )
    base = live_server.url

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.goto(f"{base}/showcase/{entry.pk}/qr/")
    assert page.locator("text=Quét mã để gửi ý kiến về mô hình").is_visible()
    image = page.locator("img.qr-img")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    address = page.locator("[data-feedback-url]").inner_text().strip()
    assert address == f"{base}/showcase/{entry.pk}/feedback/"
    page.screenshot(path="/tmp/browser-showcase-qr.png", full_page=True)

    # What the QR code leads to: the form, filled on the phone.
    page.goto(address)
    page.click("label[for=id_rating_3]")  # the fourth star
    assert page.locator("#id_rating_3").is_checked()
    page.fill("#id_comment", COMMENT)
    page.fill("#id_author_name", "Bà Nguyễn Thị Hoa")
    page.fill("#id_author_area", "Thủy Nguyên")
    assert not page.locator("#id_website").is_visible() or page.locator("#id_website").bounding_box()["x"] < 0
    time.sleep(1.3)
    page.click("button:has-text('Gửi ý kiến')")
    page.wait_for_url(f"{base}/showcase/{entry.pk}/")
    assert page.locator("text=Cảm ơn bạn. Ý kiến sẽ hiển thị sau khi đơn vị và Khối xem xét.").is_visible()
    assert COMMENT not in page.content()
    page.screenshot(path="/tmp/browser-showcase-thanks.png", full_page=True)
    feedback = Feedback.objects.get(entry=entry)
    assert (feedback.status, feedback.rating) == (Feedback.Status.PENDING, 4)

    # The unit's officer, then the bloc's administrator, approve it from the moderation queue.
    office = browser.new_context(viewport={"width": 1280, "height": 900})
    desk = office.new_page()
    desk.on("dialog", lambda dialog: dialog.accept())
    approve_in_queue(desk, base, world.officer_cell.username, "Đồng ý, chuyển Khối duyệt")
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.UNIT_APPROVED
    page.reload()
    assert COMMENT not in page.content()
    approve_in_queue(desk, base, world.admin.username, "Duyệt đăng công khai")
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.PUBLISHED
    office.close()

    page.reload()
    assert page.locator(f"text={COMMENT}").is_visible()
    assert page.locator("text=Thủy Nguyên").is_visible()
    page.screenshot(path="/tmp/browser-showcase-published.png", full_page=True)
    phone.close()
