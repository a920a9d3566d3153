"""A survey-team member scores an assigned initiative on a phone, losing the connection mid-save."""

import pytest

from danvan.assessments.models import Assessment, Assignment
from danvan.assessments.services import criteria_for, weighted_total
from danvan.demo import checking, loader
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_khaosat1_scores_an_assigned_initiative_on_a_phone(live_server, browser, tmp_path):
    loader.load()
    base = live_server.url
    assignment = (
        Assignment.objects.filter(team__campaign__year=2018, team__members__user__username="khaosat1")
        .select_related("initiative")
        .order_by("initiative_id")
        .first()
    )
    initiative = assignment.initiative
    criteria = criteria_for(initiative)

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, base, "khaosat1", loader.DEMO_PASSWORD)
    page.click("main a.btn:has-text('Mô hình được giao khảo sát')")
    page.click(f"text={initiative.title}")
    page.wait_for_url(f"**/survey/initiatives/{initiative.pk}/score/")
    # The member reads the registration before scoring.
    assert "Nội dung đăng ký" in page.content()

    values = [max(1, c.max_score - 3) for c in criteria]
    inputs = page.locator("input.score")
    assert inputs.count() == len(criteria)
    for n, value in enumerate(values):
        inputs.nth(n).fill(str(value))
    page.locator("textarea[name^=note_]").first.fill("Gặp 12 người được trợ giúp tại xã, đều xác nhận.")

    # The connection drops while saving: the form keeps what was typed and retries by itself.
    phone.set_offline(True)
    page.click("button[name=save]")
    page.wait_for_selector(".save-status:has-text('Mất kết nối')")
    assert inputs.nth(0).input_value() == str(values[0])
    assert not Assessment.objects.filter(initiative=initiative, kind=Assessment.Kind.MEMBER).exists()
    phone.set_offline(False)
    page.wait_for_selector(".save-status:has-text('Đã lưu nháp')", timeout=15000)
    draft = Assessment.objects.get(initiative=initiative, kind=Assessment.Kind.MEMBER)
    assert draft.status == Assessment.Status.DRAFT
    assert sorted(s.value for s in draft.scores.all()) == sorted(values)
    page.screenshot(path="/tmp/browser-scoring-phone.png", full_page=True)

    # A photo taken in the field, then the scoring is submitted.
    photo = tmp_path / "tai-co-so.png"
    photo.write_bytes(checking.png((30, 120, 60)))
    page.set_input_files("#id_photo", str(photo))
    page.fill("#photos #id_caption", "Buổi trợ giúp tại nhà văn hóa xã")
    page.click("text=Tải ảnh lên")
    page.wait_for_selector("text=Đã thêm ảnh.")
    assert page.locator("input.score").nth(0).input_value() == str(values[0])
    page.click("button[name=submit]")
    page.wait_for_selector("text=Đã gửi bản chấm điểm")
    page.screenshot(path="/tmp/browser-scoring-submitted.png", full_page=True)
    phone.close()

    draft.refresh_from_db()
    assert draft.status == Assessment.Status.SUBMITTED
    assert draft.total == weighted_total(
        zip(criteria, [s.value for s in draft.scores.order_by("criterion__position")], strict=True)
    )
    assert draft.photos.count() == 1
