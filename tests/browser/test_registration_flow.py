"""A unit officer registers and submits an initiative on a phone; the bloc administrator returns it."""

import pytest

from danvan.campaigns.models import Campaign
from danvan.demo import loader
from danvan.initiatives.models import Initiative
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base, username):
    sign_in(page, base, username, loader.DEMO_PASSWORD)


def test_officer_registers_and_submits_then_admin_returns_with_comment(live_server, browser):
    loader.load()
    base = live_server.url
    campaign = Campaign.objects.get(year=2018)

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, base, "canbo.tgpl")
    page.click("text=+ Đăng ký mô hình")
    page.wait_for_url(f"**/initiatives/new/?campaign={campaign.pk}")
    page.fill("#id_title", "Tư vấn pháp luật lưu động cho người khuyết tật tại xã đảo Cát Hải")
    page.check("label:has-text('An sinh xã hội') input")
    page.fill("#id_situation", "Người khuyết tật ở xã đảo khó đến trụ sở để được tư vấn.")
    page.fill("#id_goals", "Tư vấn miễn phí cho 150 người khuyết tật trong năm 2018.")
    page.fill("#id_method", "Mỗi tháng một buổi tư vấn lưu động tại nhà văn hóa xã.")
    page.fill("#id_target_groups", "Trợ giúp viên pháp lý, cán bộ xã.")
    page.fill("#id_beneficiaries", "Người khuyết tật và gia đình họ.")
    page.fill("#id_implementers", "Chi bộ chủ trì; trợ giúp viên pháp lý thực hiện; Hội Người khuyết tật phối hợp.")
    page.fill("#id_ind-0-name", "Số người khuyết tật được tư vấn")
    page.fill("#id_ind-0-unit_of_measure", "người")
    page.fill("#id_ind-0-target", "150")
    page.click("button[name=submit]")
    page.wait_for_selector("text=Đã gửi đăng ký mô hình tới Ban Thường vụ.")
    assert page.locator(".page-head .badge").inner_text() == "Chờ duyệt"
    page.screenshot(path="/tmp/browser-officer-submitted.png", full_page=True)
    phone.close()

    initiative = Initiative.objects.get(title__startswith="Tư vấn pháp luật lưu động")
    assert initiative.status == Initiative.Status.SUBMITTED
    assert initiative.unit.code == "CB-TGPL" and initiative.campaign == campaign
    assert [i.name for i in initiative.indicators.all()] == ["Số người khuyết tật được tư vấn"]

    desktop = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desktop.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, base, "quantri")
    page.click("text=Xem và duyệt")
    page.click(f"text={initiative.title}")
    page.fill("#id_comment", "Chưa nêu rõ địa bàn các thôn sẽ đến và lịch từng tháng.")
    page.click("text=Trả lại cho đơn vị sửa")
    page.wait_for_selector("text=Đã trả lại mô hình cho đơn vị kèm ý kiến.")
    assert "Chưa nêu rõ địa bàn" in page.locator(".callout").inner_text()
    desktop.close()

    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.RETURNED
    assert initiative.return_comment == "Chưa nêu rõ địa bàn các thôn sẽ đến và lịch từng tháng."
