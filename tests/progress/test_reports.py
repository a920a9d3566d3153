"""Carrying out: periodic reports with indicator actuals, their timeliness, evidence, inspections, reminders."""

from datetime import datetime, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from danvan.campaigns.services import campaign_update
from danvan.demo.checking import pdf, png
from danvan.initiatives.services import IndicatorInput, initiative_accept
from danvan.insights.checking import indicator_totals, reporting
from danvan.progress.models import Evidence, IndicatorValue, InspectionRequest, ProgressReport
from danvan.progress.services import (
    evidence_add,
    inspection_answer,
    inspection_record,
    report_return,
    report_save,
    report_submit,
    send_report_reminders,
)
from tests.conftest import campaign_periods

DAY = timedelta(days=1)


def said(excinfo) -> str:
    return " ".join(excinfo.value.messages)


def local(day, hour: int, minute: int = 0) -> datetime:
    """An aware moment in the project's time zone (Asia/Ho_Chi_Minh)."""
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def rp(world):
    """Three quarters (the first overdue, the second running, the third not started) and two accepted
    initiatives of unit A: one with two indicators, one (of the cell A1) without."""
    today = timezone.localdate()
    q1, q2, q3 = campaign_periods(world, (-90, -31, -20), (-30, -1, 7), (10, 40, 45))
    measured = world.make(
        world.unit_a,
        world.officer_a,
        "Tuyên truyền pháp luật Alpha",
        submit=True,
        indicators=[
            IndicatorInput("Người được trợ giúp", "người", 100),
            IndicatorInput("Buổi tuyên truyền", "buổi", 12),
        ],
    )
    measured = initiative_accept(initiative=measured, by=world.admin)
    plain = initiative_accept(initiative=world.submitted_a, by=world.admin)
    people, sessions = measured.indicators.order_by("position")
    return SimpleNamespace(
        today=today, q1=q1, q2=q2, q3=q3, measured=measured, plain=plain, people=people, sessions=sessions
    )


def full_report(rp, world, period, *, people="30", sessions="3", submit=True, at=None):
    report = report_save(
        initiative=rp.measured,
        period=period,
        by=world.officer_a,
        values={rp.people.pk: people, rp.sessions.pk: sessions},
        activities="Tổ chức trợ giúp pháp lý lưu động tại 3 xã.",
    )
    if submit:
        report = report_submit(report=report, by=world.officer_a, at=at)
    return report


def plain_report(rp, world, period, *, at=None, submit=True):
    report = report_save(
        initiative=rp.plain, period=period, by=world.officer_cell, activities="Tiếp dân tại bộ phận một cửa."
    )
    if submit:
        report = report_submit(report=report, by=world.officer_cell, at=at)
    return report


# --- Writing a report ------------------------------------------------------------------------------------------


def test_a_report_for_a_period_not_started_yet_is_refused(world, rp):
    with pytest.raises(ValidationError) as e:
        report_save(initiative=rp.measured, period=rp.q3, by=world.officer_a, activities="Đã làm trước.")
    assert "Quý III" in said(e)
    assert "chưa bắt đầu" in said(e)
    assert not ProgressReport.objects.exists()


def test_an_indicator_value_that_is_not_a_number_is_refused_and_nothing_is_written(world, rp):
    with pytest.raises(ValidationError) as e:
        report_save(
            initiative=rp.measured,
            period=rp.q1,
            by=world.officer_a,
            values={rp.people.pk: "abc", rp.sessions.pk: "3"},
            activities="Một việc đã làm.",
        )
    assert "Người được trợ giúp" in said(e)
    assert "abc" in said(e)
    assert ProgressReport.objects.count() == 0
    assert IndicatorValue.objects.count() == 0

    # On an existing draft, the refused save changes neither its text nor its values.
    report = full_report(rp, world, rp.q1, people="30", submit=False)
    with pytest.raises(ValidationError):
        report_save(
            initiative=rp.measured,
            period=rp.q1,
            by=world.officer_a,
            values={rp.people.pk: "-5"},
            activities="Nội dung mới không được lưu.",
        )
    report.refresh_from_db()
    assert report.activities == "Tổ chức trợ giúp pháp lý lưu động tại 3 xã."
    assert IndicatorValue.objects.get(report=report, indicator=rp.people).value == Decimal("30.00")
    assert ProgressReport.objects.count() == 1


def test_a_decimal_comma_and_spaces_in_a_value_are_read_as_vietnamese_write_them(world, rp):
    report = report_save(
        initiative=rp.measured,
        period=rp.q1,
        by=world.officer_a,
        values={rp.people.pk: "1 250", rp.sessions.pk: "2,5"},
    )
    values = dict(report.values.values_list("indicator_id", "value"))
    assert values == {rp.people.pk: Decimal("1250.00"), rp.sessions.pk: Decimal("2.50")}


def test_a_number_with_thousands_dots_and_a_decimal_comma_is_read(world, rp):
    report = report_save(initiative=rp.measured, period=rp.q1, by=world.officer_a, values={rp.people.pk: "1.250,5"})
    assert report.values.get(indicator=rp.people).value == Decimal("1250.50")


def test_an_empty_value_clears_an_actual_given_before(world, rp):
    report = full_report(rp, world, rp.q1, submit=False)
    report_save(initiative=rp.measured, period=rp.q1, by=world.officer_a, values={rp.sessions.pk: ""})
    assert list(report.values.values_list("indicator_id", flat=True)) == [rp.people.pk]


def test_submitting_needs_what_was_done_and_every_indicator_actual(world, rp):
    report = report_save(
        initiative=rp.measured, period=rp.q1, by=world.officer_a, values={rp.people.pk: "30"}, activities="  "
    )
    with pytest.raises(ValidationError) as e:
        report_submit(report=report, by=world.officer_a)
    assert "Những việc đã làm" in said(e)
    assert "Buổi tuyên truyền" in said(e)
    assert "Người được trợ giúp" not in said(e)
    report.refresh_from_db()
    assert (report.status, report.submitted_at) == (ProgressReport.Status.DRAFT, None)

    report_save(
        initiative=rp.measured,
        period=rp.q1,
        by=world.officer_a,
        values={rp.sessions.pk: "4"},
        activities="Mở 4 buổi tuyên truyền.",
    )
    report = report_submit(report=report, by=world.officer_a)
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED
    assert report.submitted_by == world.officer_a
    assert report.submitted_at is not None


def test_a_sent_report_cannot_be_sent_again_nor_edited(world, rp):
    report = full_report(rp, world, rp.q1)
    first = ProgressReport.objects.get(pk=report.pk).submitted_at
    with pytest.raises(ValidationError) as e:
        report_submit(report=report, by=world.officer_a)
    assert "đã được gửi" in said(e)
    with pytest.raises(ValidationError):
        report_save(initiative=rp.measured, period=rp.q1, by=world.officer_a, activities="Sửa sau khi gửi.")
    report.refresh_from_db()
    assert report.submitted_at == first
    assert report.activities == "Tổ chức trợ giúp pháp lý lưu động tại 3 xã."


def test_an_officer_of_another_unit_cannot_write_the_report(world, rp):
    with pytest.raises(ValidationError):
        report_save(initiative=rp.measured, period=rp.q1, by=world.officer_b, activities="Không phải việc của B.")
    with pytest.raises(ValidationError):
        report_save(initiative=rp.plain, period=rp.q1, by=world.surveyor, activities="Người khảo sát không báo cáo.")
    assert not ProgressReport.objects.exists()
    # The officer of the base unit reports for its cell's initiative too.
    report_save(initiative=rp.plain, period=rp.q1, by=world.officer_a, activities="Đơn vị báo cáo thay chi bộ.")
    assert ProgressReport.objects.count() == 1


def test_only_an_accepted_initiative_is_reported_on(world, rp):
    with pytest.raises(ValidationError):
        report_save(initiative=world.draft_a, period=rp.q1, by=world.officer_a, activities="Chưa được duyệt.")
    assert not ProgressReport.objects.exists()


# --- Periods edited after reports were written -----------------------------------------------------------------


def periods(rp, *rows):
    return [{"name": p.name, "starts_on": p.starts_on, "ends_on": p.ends_on, "due_on": p.due_on} for p in rows]


def test_moving_a_deadline_keeps_the_reports_of_the_period(world, rp):
    report = plain_report(rp, world, rp.q1)
    rows = periods(rp, rp.q1, rp.q2, rp.q3)
    rows[0]["due_on"] += 5 * DAY
    campaign_update(campaign=world.campaign, by=world.admin, periods=rows)
    report.refresh_from_db()
    assert (report.period_id, report.period.due_on) == (rp.q1.pk, rp.q1.due_on + 5 * DAY)


def test_a_period_with_reports_cannot_be_removed(world, rp):
    plain_report(rp, world, rp.q2, submit=False)
    with pytest.raises(ValidationError) as e:
        campaign_update(campaign=world.campaign, by=world.admin, periods=periods(rp, rp.q1))
    assert "Quý II" in said(e)
    assert world.campaign.periods.count() == 3


def test_inserting_an_earlier_period_leaves_the_reports_on_their_own_period(world, rp):
    report = plain_report(rp, world, rp.q2)
    earlier = {"name": "Quý 0", "starts_on": rp.q1.starts_on - 60 * DAY, "ends_on": rp.q1.starts_on - DAY}
    earlier["due_on"] = earlier["ends_on"]
    campaign_update(campaign=world.campaign, by=world.admin, periods=[earlier, *periods(rp, rp.q1, rp.q2, rp.q3)])
    report.refresh_from_db()
    assert report.period.name == "Quý II"


# --- Timeliness and rates --------------------------------------------------------------------------------------


def test_reports_sent_by_the_deadline_are_on_time_the_others_late(world, rp):
    due = rp.q1.due_on
    full_report(rp, world, rp.q1, at=local(due, 23, 30))  # the last evening still counts
    plain_report(rp, world, rp.q1, at=local(due + DAY, 8))
    total = reporting(world.campaign, world.admin).total
    assert (total.expected, total.submitted, total.on_time, total.late) == (2, 2, 1, 1)
    assert total.timeliness_percent == 50.0


def test_a_report_sent_early_on_the_day_after_the_deadline_is_late(world, rp):
    # 05:00 in Hà Nội is 22:00 UTC of the deadline day: the deadline is judged in local time.
    plain_report(rp, world, rp.q1, at=local(rp.q1.due_on + DAY, 5))
    total = reporting(world.campaign, world.admin).total
    assert (total.submitted, total.on_time) == (1, 0)


def test_a_report_read_back_from_the_database_agrees_with_the_rate_on_its_timeliness(world, rp):
    report = plain_report(rp, world, rp.q1, at=local(rp.q1.due_on + DAY, 5))
    report.refresh_from_db()
    assert report.on_time is False


def test_a_returned_then_resent_report_keeps_its_first_sending_time(world, rp):
    due = rp.q1.due_on
    report = plain_report(rp, world, rp.q1, at=local(due - DAY, 9))
    report_return(report=report, by=world.admin, comment="Bổ sung số người được trợ giúp.")
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.RETURNED
    report_save(initiative=rp.plain, period=rp.q1, by=world.officer_cell, activities="Đã bổ sung số liệu.")
    report_submit(report=report, by=world.officer_cell, at=local(due + 10 * DAY, 9))
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED
    assert report.submitted_at == local(due - DAY, 9)
    assert report.activities == "Đã bổ sung số liệu."
    total = reporting(world.campaign, world.admin).total
    assert (total.submitted, total.on_time) == (1, 1)


def test_the_reporting_rate_expects_each_accepted_initiative_once_per_period_past_its_deadline(world, rp):
    b = world.make(world.unit_b, world.officer_b, "Ngày thứ Bảy xanh Beta", submit=True)
    initiative_accept(initiative=b, by=world.admin)
    plain_report(rp, world, rp.q1, at=local(rp.q1.due_on, 10))
    full_report(rp, world, rp.q2, submit=False)  # a draft is not a report sent

    def units(today):
        data = reporting(world.campaign, world.admin, today=today)
        return {u.code: (u.total.expected, u.total.submitted, u.total.on_time) for u in data.units}, data

    # Today only the first quarter's deadline has passed. A's two initiatives (one of its cell A1) count for A;
    # its draft and the unaccepted ones are not expected to report.
    now, data = units(rp.today)
    assert now == {"A": (2, 1, 1), "B": (1, 0, 0)}
    assert [p.name for p in data.periods] == ["Quý I"]
    assert data.total.rate_percent == round(100 / 3, 1)
    # Once the second quarter's deadline has passed, each accepted initiative owes two reports.
    later, data = units(rp.q2.due_on + DAY)
    assert later == {"A": (4, 1, 1), "B": (2, 0, 0)}
    assert (data.by_period[rp.q2.pk].expected, data.by_period[rp.q2.pk].submitted) == (3, 0)
    # The deadline day itself is not yet past.
    assert units(rp.q2.due_on)[0] == {"A": (2, 1, 1), "B": (1, 0, 0)}


def test_indicator_totals_add_up_the_actuals_of_sent_reports_only(world, rp):
    full_report(rp, world, rp.q1, people="30", sessions="3")
    full_report(rp, world, rp.q2, people="50", sessions="5", submit=False)
    rows = indicator_totals(world.campaign, world.admin)
    assert [(r["unit_of_measure"], r["target"], r["actual"], r["initiatives"]) for r in rows] == [
        ("buổi", Decimal("12"), Decimal("3"), 1),
        ("người", Decimal("100"), Decimal("30"), 1),
    ]
    report_submit(report=ProgressReport.objects.get(period=rp.q2), by=world.officer_a)
    rows = {r["unit_of_measure"]: r["actual"] for r in indicator_totals(world.campaign, world.admin)}
    assert rows == {"buổi": Decimal("8"), "người": Decimal("80")}


# --- Evidence --------------------------------------------------------------------------------------------------


def test_evidence_that_is_not_an_accepted_kind_is_refused(world, rp):
    report = full_report(rp, world, rp.q1, submit=False)
    for upload in (
        SimpleUploadedFile("bien-ban.exe", b"MZ\x90\x00" + b"\x00" * 200),
        SimpleUploadedFile("bien-ban.pdf", b"Chi la van ban thuong, khong phai PDF."),
    ):
        with pytest.raises(ValidationError) as e:
            evidence_add(report=report, by=world.officer_a, upload=upload)
        assert upload.name in said(e)
        assert "không thuộc loại được nhận" in said(e)
    assert not Evidence.objects.exists()


def test_evidence_larger_than_the_limit_is_refused(world, rp, settings):
    settings.MAX_UPLOAD_MB = 1
    report = full_report(rp, world, rp.q1, submit=False)
    big = png((1, 2, 3)) + b"\x00" * (1024 * 1024)
    with pytest.raises(ValidationError) as e:
        evidence_add(report=report, by=world.officer_a, upload=SimpleUploadedFile("anh.png", big))
    assert "1 MB" in said(e)
    assert not Evidence.objects.exists()


def test_evidence_is_kept_with_its_real_type_until_the_report_is_sent(world, rp):
    report = full_report(rp, world, rp.q1, submit=False)
    photo = evidence_add(
        report=report, by=world.officer_a, upload=SimpleUploadedFile("anh.jpg", png((1, 2, 3))), caption="Buổi 1"
    )
    minutes = evidence_add(report=report, by=world.officer_a, upload=SimpleUploadedFile("bien-ban.pdf", pdf("x")))
    assert (photo.content_type, photo.is_image, minutes.content_type) == ("image/png", True, "application/pdf")
    report_submit(report=report, by=world.officer_a)
    with pytest.raises(ValidationError):
        evidence_add(report=report, by=world.officer_a, upload=SimpleUploadedFile("them.png", png((4, 5, 6))))
    assert report.evidence.count() == 2


# --- Inspections -----------------------------------------------------------------------------------------------


def test_an_inspection_request_is_answered_by_the_inspected_units_officer_only(world, rp):
    inspection = inspection_record(
        campaign=world.campaign,
        unit=world.unit_a,
        by=world.admin,
        held_on=rp.today - DAY,
        inspectors="Đ/c Trưởng ban Dân vận",
        findings="Mô hình triển khai đúng kế hoạch; thiếu biên bản sơ kết.",
        requests=[("Gửi biên bản sơ kết quý I.", rp.today + 10 * DAY)],
    )
    request = inspection.requests.get()
    with pytest.raises(ValidationError):
        inspection_answer(request=request, by=world.officer_b, answer="B trả lời thay.")
    request.refresh_from_db()
    assert (request.answer, request.answered_by) == ("", None)

    inspection_answer(request=request, by=world.officer_a, answer="Đã gửi biên bản ngày 05.")
    request.refresh_from_db()
    assert (request.answer, request.answered_by) == ("Đã gửi biên bản ngày 05.", world.officer_a)
    assert request.answered_at is not None


def test_only_the_blocs_administrator_records_an_inspection(world, rp):
    for user in (world.officer_a, world.officer_b, world.leader):
        with pytest.raises(ValidationError):
            inspection_record(
                campaign=world.campaign,
                unit=world.unit_a,
                by=user,
                held_on=rp.today,
                inspectors="Ai đó",
                findings="Tự kiểm tra.",
            )
    assert not InspectionRequest.objects.exists()
    assert not world.unit_a.inspections.exists()


# --- Reminders -------------------------------------------------------------------------------------------------


def test_reminders_go_to_the_officers_of_missing_reports_once(world, rp):
    due = rp.q1.due_on
    plain_report(rp, world, rp.q1)  # the cell's report is sent: nobody reminds it
    full_report(rp, world, rp.q1, submit=False)  # a draft is still missing

    assert send_report_reminders(today=due - 7 * DAY) == 1
    assert [m.to for m in mail.outbox] == [["officer_a@test.vn"]]
    assert "Tuyên truyền pháp luật Alpha" in mail.outbox[0].subject
    assert "Quý I" in mail.outbox[0].subject
    assert due.strftime("%d/%m/%Y") in mail.outbox[0].body

    # Cron running twice the same day sends nothing more.
    assert send_report_reminders(today=due - 7 * DAY) == 0
    assert len(mail.outbox) == 1

    # Not a reminder day.
    assert send_report_reminders(today=due - 3 * DAY) == 0
    assert len(mail.outbox) == 1

    # The day after the deadline: overdue.
    assert send_report_reminders(today=due + DAY) == 1
    assert [m.to for m in mail.outbox[1:]] == [["officer_a@test.vn"]]
    assert "Quá hạn" in mail.outbox[1].subject
    assert send_report_reminders(today=due + DAY) == 0
    assert len(mail.outbox) == 2
    assert all("officer_cell@test.vn" not in m.to for m in mail.outbox)


def test_no_overdue_reminder_once_the_report_is_sent(world, rp):
    due = rp.q1.due_on
    full_report(rp, world, rp.q1, at=local(due + DAY, 8))
    plain_report(rp, world, rp.q1, at=local(due, 8))
    assert send_report_reminders(today=due + 7 * DAY) == 0
    assert mail.outbox == []


def test_actuals_are_read_as_vietnamese_write_them():
    """A report's actual and an imported target follow one rule: "1.250" is one thousand two hundred and fifty."""
    from danvan.progress.services import _number

    assert _number("1.250", "Số người") == Decimal("1250.00")
    assert _number("1.250,5", "Số người") == Decimal("1250.50")
    assert _number("12,5", "Số người") == Decimal("12.50")
    assert _number("", "Số người") is None
    with pytest.raises(ValidationError) as err:
        _number("mười", "Số người")
    assert "Số người" in str(err.value)
