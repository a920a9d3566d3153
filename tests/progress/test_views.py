"""Carrying out, page by page: who may read the reporting overview and a report, who may write, review and
download evidence, and who may record and answer an inspection. Allowed reads answer 200, anonymous is sent to
log in, a person who cannot see the object at all gets 404, one who sees it but may not act gets 403."""

import html
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from danvan.assessments.services import assignments_add, team_create
from danvan.initiatives.services import IndicatorInput, initiative_accept
from danvan.progress import services
from danvan.progress.models import Evidence, IndicatorValue, Inspection, InspectionRequest, ProgressReport
from tests.conftest import accept_with_indicators, campaign_periods

DAY = timedelta(days=1)
INDICATOR = "Lượt người được trợ giúp pháp lý"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def page_text(response) -> str:
    return response.content.decode()


def assert_login_redirect(response, what: str) -> None:
    assert response.status_code == 302, what
    assert response["Location"].startswith(reverse("login") + "?next="), what


@pytest.fixture
def pv(world):
    """A past quarter (its deadline gone) and a running one, and the cell A1's registration accepted with one
    indicator (returned, given the indicator, sent again, accepted)."""
    today = timezone.localdate()
    past, running = campaign_periods(world, (-90, -31, -20), (-30, 30, 40))
    initiative = accept_with_indicators(world, [IndicatorInput(INDICATOR, "lượt người", 300)])
    indicator = initiative.indicators.get()
    return SimpleNamespace(
        today=today,
        past=past,
        running=running,
        initiative=initiative,
        indicator=indicator,
        url=reverse("progress:report_edit", args=[initiative.pk, running.pk]),
    )


def saved_report(world, pv, *, period=None, value="12", submit=False) -> ProgressReport:
    report = services.report_save(
        initiative=pv.initiative,
        period=period or pv.running,
        by=world.officer_cell,
        values={pv.indicator.pk: value},
        activities="Tư vấn pháp luật tại bộ phận một cửa.",
    )
    if submit:
        report = services.report_submit(report=report, by=world.officer_cell)
    return report


def report_post(pv, **overrides) -> dict:
    data = {
        "version": "",
        f"value_{pv.indicator.pk}": "25",
        "activities": "Tổ chức 3 buổi tư vấn pháp luật lưu động.",
        "reached": "Người dân phường Alpha.",
        "effect": "",
        "difficulties": "",
        "save": "",
    }
    data.update(overrides)
    return data


def persona(world, name: str):
    return getattr(world, name)


# ---- Anonymous ------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_the_login_page(world, pv, client):
    report = saved_report(world, pv, submit=True)
    evidence = services.evidence_add(
        report=services.report_return(report=report, by=world.admin, comment="Bổ sung ảnh."),
        by=world.officer_cell,
        upload=SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf"),
    )
    inspection = services.inspection_record(
        campaign=world.campaign,
        unit=world.unit_a,
        by=world.admin,
        held_on=pv.today,
        inspectors="Đồng chí Trưởng ban",
        findings="Đơn vị thực hiện tốt.",
        requests=[("Gửi báo cáo bổ sung.", pv.today + 10 * DAY)],
    )
    item = inspection.requests.get()
    cases = [
        ("get", reverse("progress:overview", args=[world.campaign.pk])),
        ("get", pv.url),
        ("post", pv.url),
        ("get", reverse("progress:report", args=[report.pk])),
        ("post", reverse("progress:review", args=[report.pk])),
        ("post", reverse("progress:evidence_add", args=[report.pk])),
        ("get", reverse("progress:evidence", args=[evidence.pk])),
        ("post", reverse("progress:evidence_remove", args=[evidence.pk])),
        ("get", reverse("progress:inspections", args=[world.campaign.pk])),
        ("get", reverse("progress:inspection_create", args=[world.campaign.pk])),
        ("post", reverse("progress:inspection_create", args=[world.campaign.pk])),
        ("get", reverse("progress:inspection", args=[inspection.pk])),
        ("post", reverse("progress:answer", args=[item.pk])),
    ]
    for method, url in cases:
        assert_login_redirect(getattr(client, method)(url), f"{method.upper()} {url}")
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.RETURNED
    assert Evidence.objects.count() == 1
    assert InspectionRequest.objects.get().answer == ""


# ---- Overview -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("leader", 200),
        ("officer_a", 200),
        ("officer_cell", 200),
        ("officer_b", 200),
        ("surveyor", 404),  # no survey team in this campaign: the campaign does not exist for them
    ],
)
def test_reporting_overview(world, pv, login, who, status):
    response = login(persona(world, who)).get(reverse("progress:overview", args=[world.campaign.pk]))
    assert response.status_code == status


def test_a_survey_member_on_a_team_reads_the_overview_and_the_sent_reports_of_assigned_initiatives(world, pv, login):
    team = team_create(
        campaign=world.campaign, by=world.admin, name="Đoàn 1", members=[world.surveyor], leader=world.surveyor
    )
    assignments_add(team=team, by=world.admin, initiatives=[pv.initiative])
    saved_report(world, pv, submit=True)
    client = login(world.surveyor)
    assert client.get(reverse("progress:overview", args=[world.campaign.pk])).status_code == 200
    response = client.get(pv.url)
    assert response.status_code == 200
    assert "Tư vấn pháp luật tại bộ phận một cửa." in page_text(response)
    assert 'name="submit"' not in page_text(response)
    assert client.post(pv.url, report_post(pv)).status_code == 403


def test_reporting_overview_for_an_unknown_campaign_is_404(world, login):
    assert login(world.admin).get(reverse("progress:overview", args=[999999])).status_code == 404


def test_reporting_overview_lists_a_unit_that_has_not_reported(world, pv, login):
    response = login(world.admin).get(reverse("progress:overview", args=[world.campaign.pk]), {"show": "late"})
    assert response.status_code == 200
    assert world.unit_a.name in page_text(response)


def test_a_unit_on_the_reporting_overview_links_to_its_initiatives(world, pv, login):
    other = world.make(world.unit_b, world.officer_b, "Mô hình của Sở Beta", submit=True)
    client = login(world.admin)
    page = client.get(reverse("progress:overview", args=[world.campaign.pk]), {"show": "late"}).content.decode()
    link = re.search(rf'<a href="([^"]+)">{re.escape(world.unit_a.name)}</a>', page)
    assert link, "the unit is not linked"
    listing = client.get(html.unescape(link.group(1)))
    assert listing.status_code == 200
    assert pv.initiative.title in page_text(listing)
    assert other.title not in page_text(listing)  # narrowed to the unit, not every initiative


def test_reporting_overview_query_count_is_pinned(world, pv, login, django_assert_max_num_queries):
    """Six more accepted initiatives with reports in both periods: the overview must not ask once per row."""
    for n, unit in enumerate([world.unit_a, world.unit_a, world.unit_b, world.unit_b, world.unit_c, world.unit_c]):
        officer = {world.unit_a.pk: world.officer_a, world.unit_b.pk: world.officer_b}.get(unit.pk, world.admin)
        i = world.make(
            unit, officer, f"Mô hình đo đếm {n}", submit=True, indicators=[IndicatorInput("Buổi", "buổi", 10)]
        )
        i = initiative_accept(initiative=i, by=world.admin)
        for period in (pv.past, pv.running):
            r = services.report_save(
                initiative=i, period=period, by=officer, values={i.indicators.get().pk: "2"}, activities="Đã làm."
            )
            services.report_submit(report=r, by=officer)
    saved_report(world, pv, period=pv.past, submit=True)
    client = login(world.admin)
    url = reverse("progress:overview", args=[world.campaign.pk])
    client.get(url)  # warm the session and the template caches
    # Measured: 15 queries on SQLite and PostgreSQL (session, user, memberships, campaign, periods, the reader's
    # top units, their stored counts and those of the units below them), the same with one accepted initiative and
    # no report as with seven and thirteen reports.
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert response.status_code == 200


# ---- Report page ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status", "has_form"),
    [
        ("officer_cell", 200, True),  # the unit that carries it out
        ("officer_a", 200, True),  # the officer of the parent unit writes for its cells too
        ("admin", 200, True),
        ("leader", 200, False),  # reads, never writes
        ("officer_b", 404, False),
        ("surveyor", 404, False),  # not assigned to a team that visits it
    ],
)
def test_report_page_get(world, pv, login, who, status, has_form):
    response = login(persona(world, who)).get(pv.url)
    assert response.status_code == status
    if status == 200:
        text = page_text(response)
        assert INDICATOR in text
        assert ('name="submit"' in text) is has_form
        assert (f'name="value_{pv.indicator.pk}"' in text) is has_form


def test_report_page_for_a_period_of_another_campaign_is_404(world, pv, login):
    url = reverse("progress:report_edit", args=[pv.initiative.pk, 999999])
    assert login(world.officer_cell).get(url).status_code == 404


def test_leader_reads_a_sent_report_without_a_form(world, pv, login):
    saved_report(world, pv, value="17", submit=True)
    response = login(world.leader).get(pv.url)
    assert response.status_code == 200
    text = page_text(response)
    assert "Tư vấn pháp luật tại bộ phận một cửa." in text
    assert 'name="submit"' not in text
    assert 'name="accept"' not in text  # reviewing is the bloc administrator's


def test_owner_saves_a_draft_report_through_the_page(world, pv, login):
    response = login(world.officer_cell).post(pv.url, report_post(pv))
    assert response.status_code == 302
    assert response["Location"] == pv.url
    report = ProgressReport.objects.get(initiative=pv.initiative, period=pv.running)
    assert report.status == ProgressReport.Status.DRAFT
    assert report.activities == "Tổ chức 3 buổi tư vấn pháp luật lưu động."
    assert report.values.get(indicator=pv.indicator).value == 25
    # The saved value is shown again as it was typed, without trailing zeros.
    assert f'name="value_{pv.indicator.pk}" value="25"' in page_text(login(world.officer_cell).get(pv.url))


def test_owner_sends_the_report_through_the_page(world, pv, login):
    data = report_post(pv)
    del data["save"]
    data["submit"] = ""
    response = login(world.officer_cell).post(pv.url, data)
    assert response.status_code == 302
    report = ProgressReport.objects.get(initiative=pv.initiative, period=pv.running)
    assert report.status == ProgressReport.Status.SUBMITTED
    assert report.submitted_by == world.officer_cell


@pytest.mark.parametrize(("who", "status"), [("leader", 403), ("officer_b", 404), ("surveyor", 404)])
def test_others_cannot_write_a_report_and_nothing_is_written(world, pv, login, who, status):
    response = login(persona(world, who)).post(pv.url, report_post(pv))
    assert response.status_code == status
    assert not ProgressReport.objects.exists()
    assert not IndicatorValue.objects.exists()


def test_leader_cannot_change_an_existing_draft(world, pv, login):
    report = saved_report(world, pv, value="12")
    response = login(world.leader).post(pv.url, report_post(pv, activities="Ghi đè."))
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.activities == "Tư vấn pháp luật tại bộ phận một cửa."
    assert report.values.get().value == 12


def test_a_value_that_is_not_a_number_is_refused_with_a_message_naming_the_indicator(world, pv, login):
    response = login(world.officer_cell).post(pv.url, report_post(pv, **{f"value_{pv.indicator.pk}": "abc"}))
    assert response.status_code == 400
    text = page_text(response)
    assert INDICATOR in text
    assert "không phải là một số hợp lệ" in text
    assert "abc" in text
    assert not ProgressReport.objects.exists()
    assert not IndicatorValue.objects.exists()


def test_a_value_that_is_not_a_number_leaves_an_existing_draft_unchanged(world, pv, login):
    report = saved_report(world, pv, value="12")
    data = report_post(pv, version=report.version, activities="Nội dung mới", **{f"value_{pv.indicator.pk}": "abc"})
    response = login(world.officer_cell).post(pv.url, data)
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.activities == "Tư vấn pháp luật tại bộ phận một cửa."
    assert report.values.get().value == 12


def test_a_sent_report_is_no_longer_writable_by_the_unit(world, pv, login):
    saved_report(world, pv, submit=True)
    client = login(world.officer_cell)
    assert 'name="submit"' not in page_text(client.get(pv.url))
    assert client.post(pv.url, report_post(pv)).status_code == 403


def test_report_detail_redirects_to_the_report_page(world, pv, login):
    report = saved_report(world, pv)
    response = login(world.officer_cell).get(reverse("progress:report", args=[report.pk]))
    assert response.status_code == 302
    assert response["Location"] == pv.url


@pytest.mark.parametrize(("who", "status"), [("leader", 404), ("officer_b", 404), ("surveyor", 404)])
def test_a_draft_report_is_not_visible_outside_its_unit(world, pv, login, who, status):
    report = saved_report(world, pv)
    assert login(persona(world, who)).get(reverse("progress:report", args=[report.pk])).status_code == status


# ---- Review ---------------------------------------------------------------------------------------


def review_url(report) -> str:
    return reverse("progress:review", args=[report.pk])


def test_admin_accepts_a_sent_report(world, pv, login):
    report = saved_report(world, pv, submit=True)
    response = login(world.admin).post(review_url(report), {"accept": "", "comment": "Tốt.", "version": report.version})
    assert response.status_code == 302
    assert response["Location"] == pv.url
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.ACCEPTED
    assert report.review_comment == "Tốt."


def test_admin_returns_a_sent_report_with_a_comment(world, pv, login):
    report = saved_report(world, pv, submit=True)
    response = login(world.admin).post(review_url(report), {"return": "", "comment": "Bổ sung ảnh minh chứng."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.RETURNED
    assert report.review_comment == "Bổ sung ảnh minh chứng."
    # Returned: the unit may write again.
    assert 'name="submit"' in page_text(login(world.officer_cell).get(pv.url))


def test_returning_without_a_comment_changes_nothing(world, pv, login):
    report = saved_report(world, pv, submit=True)
    client = login(world.admin)
    response = client.post(review_url(report), {"return": "", "comment": ""}, follow=True)
    assert response.status_code == 200
    assert "Hãy ghi rõ đơn vị cần bổ sung những gì." in page_text(response)
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED


@pytest.mark.parametrize(
    ("who", "status"),
    [("officer_cell", 403), ("officer_a", 403), ("leader", 403), ("officer_b", 404), ("surveyor", 404)],
)
def test_others_cannot_review(world, pv, login, who, status):
    report = saved_report(world, pv, submit=True)
    response = login(persona(world, who)).post(review_url(report), {"accept": "", "comment": ""})
    assert response.status_code == status
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED


# ---- Evidence -------------------------------------------------------------------------------------


@pytest.fixture
def evidence(world, pv):
    report = saved_report(world, pv)
    return services.evidence_add(
        report=report,
        by=world.officer_cell,
        upload=SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf"),
        caption="Biên bản buổi tư vấn",
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("officer_cell", 200),
        ("officer_a", 200),
        ("admin", 200),
        ("leader", 404),  # the report is still a draft
        ("officer_b", 404),
        ("surveyor", 404),
    ],
)
def test_evidence_download(world, evidence, login, who, status):
    response = login(persona(world, who)).get(reverse("progress:evidence", args=[evidence.pk]))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF


def test_evidence_of_a_sent_report_is_downloaded_by_the_leader(world, pv, evidence, login):
    services.report_submit(report=evidence.report, by=world.officer_cell)
    response = login(world.leader).get(reverse("progress:evidence", args=[evidence.pk]))
    assert response.status_code == 200
    assert login(world.officer_b).get(reverse("progress:evidence", args=[evidence.pk])).status_code == 404


def test_evidence_is_added_by_the_unit_only(world, pv, login):
    report = saved_report(world, pv)
    url = reverse("progress:evidence_add", args=[report.pk])

    def upload():
        return {"file": SimpleUploadedFile("anh.pdf", PDF, content_type="application/pdf"), "caption": "Ảnh"}

    assert login(world.officer_b).post(url, upload()).status_code == 404
    assert login(world.leader).post(url, upload()).status_code == 404
    assert Evidence.objects.count() == 0
    response = login(world.officer_cell).post(url, upload())
    assert response.status_code == 302
    assert Evidence.objects.get().caption == "Ảnh"


@pytest.mark.parametrize(("who", "status"), [("officer_b", 404), ("leader", 404), ("surveyor", 404)])
def test_others_cannot_remove_evidence(world, evidence, login, who, status):
    response = login(persona(world, who)).post(reverse("progress:evidence_remove", args=[evidence.pk]))
    assert response.status_code == status
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_evidence_of_a_sent_report_cannot_be_removed(world, evidence, login):
    services.report_submit(report=evidence.report, by=world.officer_cell)
    response = login(world.officer_cell).post(reverse("progress:evidence_remove", args=[evidence.pk]))
    assert response.status_code == 403
    assert Evidence.objects.filter(pk=evidence.pk).exists()


# ---- Inspections ----------------------------------------------------------------------------------


def inspection_post(world, pv, **overrides) -> dict:
    data = {
        "unit": world.unit_a.pk,
        "held_on": pv.today.strftime("%d/%m/%Y"),
        "inspectors": "Đồng chí Phó Trưởng ban Dân vận",
        "findings": "Đơn vị triển khai đúng kế hoạch, còn chậm báo cáo quý I.",
        "request_1": "Gửi báo cáo quý I còn thiếu.",
        "due_1": (pv.today + 14 * DAY).strftime("%d/%m/%Y"),
        "request_2": "",
        "due_2": "",
        "request_3": "",
        "due_3": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def inspection(world, pv):
    return services.inspection_record(
        campaign=world.campaign,
        unit=world.unit_a,
        by=world.admin,
        held_on=pv.today - DAY,
        inspectors="Đoàn kiểm tra của khối",
        findings="Cần bổ sung minh chứng.",
        requests=[("Bổ sung ảnh minh chứng.", pv.today + 7 * DAY)],
    )


def test_admin_records_an_inspection_through_the_page(world, pv, login):
    client = login(world.admin)
    assert client.get(reverse("progress:inspection_create", args=[world.campaign.pk])).status_code == 200
    response = client.post(reverse("progress:inspection_create", args=[world.campaign.pk]), inspection_post(world, pv))
    assert response.status_code == 302
    inspection = Inspection.objects.get()
    assert response["Location"] == reverse("progress:inspection", args=[inspection.pk])
    assert (inspection.unit, inspection.held_on, inspection.created_by) == (world.unit_a, pv.today, world.admin)
    item = inspection.requests.get()
    assert (item.text, item.due_on) == ("Gửi báo cáo quý I còn thiếu.", pv.today + 14 * DAY)
    text = page_text(client.get(reverse("progress:inspections", args=[world.campaign.pk])))
    assert world.unit_a.name in text


def test_an_inspection_in_the_future_is_refused_and_nothing_written(world, pv, login):
    data = inspection_post(world, pv, held_on=(pv.today + 3 * DAY).strftime("%d/%m/%Y"))
    response = login(world.admin).post(reverse("progress:inspection_create", args=[world.campaign.pk]), data)
    assert response.status_code == 400
    assert "Ngày kiểm tra không thể ở tương lai." in page_text(response)
    assert not Inspection.objects.exists()


def test_an_inspection_date_that_is_not_a_date_is_refused(world, pv, login):
    data = inspection_post(world, pv, held_on="31/02/2026")
    response = login(world.admin).post(reverse("progress:inspection_create", args=[world.campaign.pk]), data)
    assert response.status_code == 400
    assert "dd/mm/yyyy" in page_text(response)
    assert not Inspection.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("officer_a", 403), ("officer_cell", 403), ("officer_b", 403), ("leader", 403), ("surveyor", 404)],
)
def test_only_the_bloc_admin_records_inspections(world, pv, login, who, status):
    client = login(persona(world, who))
    url = reverse("progress:inspection_create", args=[world.campaign.pk])
    assert client.get(url).status_code == status
    assert client.post(url, inspection_post(world, pv)).status_code == status
    assert not Inspection.objects.exists()


@pytest.mark.parametrize(
    ("who", "listed"),
    [("admin", True), ("leader", True), ("officer_a", True), ("officer_cell", False), ("officer_b", False)],
)
def test_inspection_list(world, inspection, login, who, listed):
    response = login(persona(world, who)).get(reverse("progress:inspections", args=[world.campaign.pk]))
    assert response.status_code == 200
    assert (reverse("progress:inspection", args=[inspection.pk]) in page_text(response)) is listed


@pytest.mark.parametrize(
    ("who", "status", "can_answer"),
    [
        ("officer_a", 200, True),  # the inspected unit
        ("admin", 200, True),
        ("leader", 200, False),
        ("officer_cell", 404, False),  # a cell below the inspected unit
        ("officer_b", 404, False),
        ("surveyor", 404, False),
    ],
)
def test_inspection_detail(world, inspection, login, who, status, can_answer):
    response = login(persona(world, who)).get(reverse("progress:inspection", args=[inspection.pk]))
    assert response.status_code == status
    if status == 200:
        text = page_text(response)
        assert "Bổ sung ảnh minh chứng." in text
        item = inspection.requests.get()
        assert (reverse("progress:answer", args=[item.pk]) in text) is can_answer


def test_the_inspected_unit_answers_a_request(world, inspection, login):
    item = inspection.requests.get()
    client = login(world.officer_a)
    response = client.post(reverse("progress:answer", args=[item.pk]), {"answer": "Đã bổ sung 5 ảnh."})
    assert response.status_code == 302
    assert response["Location"] == reverse("progress:inspection", args=[inspection.pk])
    item.refresh_from_db()
    assert (item.answer, item.answered_by) == ("Đã bổ sung 5 ảnh.", world.officer_a)
    assert item.answered_at is not None
    assert "Đã bổ sung 5 ảnh." in page_text(client.get(response["Location"]))


@pytest.mark.parametrize(
    ("who", "status"), [("leader", 403), ("officer_b", 404), ("officer_cell", 404), ("surveyor", 404)]
)
def test_others_cannot_answer_a_request(world, inspection, login, who, status):
    item = inspection.requests.get()
    response = login(persona(world, who)).post(reverse("progress:answer", args=[item.pk]), {"answer": "Trả lời hộ."})
    assert response.status_code == status
    item.refresh_from_db()
    assert item.answer == ""
