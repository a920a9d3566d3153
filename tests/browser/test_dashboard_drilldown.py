"""A leader opens the dashboard, reads a figure and clicks it: the list behind it shows exactly that many
initiatives; on a phone the charts stay readable and their numbers clickable."""

import re

import pytest

from danvan.initiatives.models import Initiative
from danvan.initiatives.services import initiative_accept
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Mat-khau-dai-123"  # the personas' password in tests/conftest.py


def log_in(page, base, username):
    sign_in(page, base, username, PASSWORD)


def listed(page) -> int:
    text = page.locator("#results p.muted").first.inner_text()
    return int(re.match(r"(\d+)", text).group(1))


def test_a_figure_opens_the_list_behind_it(live_server, browser, world):
    initiative_accept(initiative=world.submitted_a, by=world.admin)
    world.make(world.unit_b, world.officer_b, "Ngày thứ Bảy tình nguyện Beta mở rộng", submit=True, kind="individual")
    base = live_server.url
    registered = Initiative.objects.filter(campaign=world.campaign).registered()

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, base, "leader")
    page.click("nav >> text=Thống kê")
    page.wait_for_selector("h1:has-text('Thống kê phong trào')")
    funnel = page.locator("ol.funnel li", has_text="Đã đăng ký")
    shown = int(funnel.locator(".bar-value a").inner_text())
    assert shown == registered.count()
    funnel.locator(".bar-value a").click()
    page.wait_for_url(re.compile(r"/initiatives/\?"))
    assert listed(page) == shown
    assert page.locator("#id_stage").input_value() == "registered"

    # Back on the dashboard, the unit chart's bar for Beta opens Beta's list only.
    page.go_back()
    page.locator("ul.bars li", has_text=world.unit_b.name).first.locator(".bar-value a").click()
    page.wait_for_url(re.compile(r"unit="))
    assert listed(page) == registered.filter(unit__path__startswith=world.unit_b.path).count()
    titles = page.locator("#results tbody tr td:first-child a").all_inner_texts()
    assert titles and all("Beta" in t for t in titles)
    page.close()

    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    log_in(phone, base, "admin")
    phone.goto(f"{base}/statistics/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1  # nothing wider than the phone
    phone.locator("a.figure", has_text="mô hình cá nhân").click()
    phone.wait_for_url(re.compile(r"kind=individual"))
    assert listed(phone) == registered.filter(kind="individual").count()
    phone.close()
