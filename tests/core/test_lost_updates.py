"""No lost update: two people (or two server processes) editing the same record from the same version. The first
save stays; the second is refused with a message that says someone else changed it, and the record keeps the first
edit. Every edit path a person uses (the page's form, or the API) carries the version it was read at.

The first test starts two real server processes on PostgreSQL and edits one initiative through both; the others
go through the same pages and API in-process, one record type each."""

import http.client
import os
import re
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta
from http.cookies import SimpleCookie
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.api.services import api_token_create
from danvan.assessments.models import Assessment, SurveyTeam
from danvan.assessments.services import ScoreInput, assessment_save, assignments_add, criteria_for, team_create
from danvan.campaigns.models import Campaign, Criterion, Rubric
from danvan.campaigns.services import rubric_create_default
from danvan.core import twofactor
from danvan.initiatives.models import Initiative
from danvan.initiatives.services import IndicatorInput, initiative_submit
from danvan.orgs.models import Membership, Organization
from danvan.orgs.services import membership_grant
from danvan.progress.models import InspectionRequest, ProgressReport
from danvan.progress.services import inspection_record, report_save, report_submit
from danvan.recognition.models import ShortlistEntry
from danvan.recognition.services import result_decide, shortlist_add
from danvan.showcase import services as showcase
from danvan.showcase.models import Feedback, ShowcaseEntry
from tests.conftest import FULL, accept_with_indicators, campaign_periods

BASE_DIR = Path(__file__).resolve().parents[2]
DAY = timedelta(days=1)
TIMEOUT = 30  # seconds: one request, or a server's start
STARTUP = 90  # seconds a server process may take to answer (the machine may be busy)
INDICATOR = "Lượt người được trợ giúp pháp lý"

# What each refusal says: someone else changed the record, and nothing of this edit was saved.
INITIATIVE_STALE = "vừa được người khác sửa"
REPORT_STALE = "Báo cáo này vừa được người khác sửa"
CAMPAIGN_STALE = "Đợt phát động này vừa được người khác sửa"
RUBRIC_STALE = "Thang điểm vừa được người khác sửa"
ORG_STALE = "Đơn vị này vừa được người khác sửa"
TEAM_STALE = "Đoàn này vừa được người khác sửa"
SCORING_STALE = "Bản chấm điểm này vừa được lưu ở nơi khác"
RESULT_STALE = "Mô hình này vừa được người khác thay đổi"
SHOWCASE_STALE = "Nội dung công khai của mô hình này vừa được người khác sửa"
FEEDBACK_STALE = "Ý kiến này vừa được người khác xử lý"
ANSWER_STALE = "Yêu cầu này vừa được người khác trả lời hoặc sửa trả lời"


def text(response) -> str:
    return response.content.decode()


def version_on(page: str, name: str = "version") -> str:
    """The version a page's form carries (the first hidden field `name`), as a browser would send it back."""
    found = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert found, f"no {name} field on the page"
    return found.group(1)


def dmy(day) -> str:
    return day.strftime("%d/%m/%Y")


def initiative_post(world, version: str, **overrides) -> dict:
    """The registration form as templates/initiatives/form.html sends it, with no indicator rows."""
    data = {
        "title": "Một cửa thân thiện Alpha",
        "kind": "collective",
        "work_fields": [world.field_ids[0]],
        "starts_on": "",
        "ends_on": "",
        "area": "",
        "resources": "",
        "timeline": "",
        "expected_outputs": "",
        "sustainability": "",
        **FULL,
        "version": version,
        "ind-TOTAL_FORMS": "0",
        "ind-INITIAL_FORMS": "0",
        "ind-MIN_NUM_FORMS": "0",
        "ind-MAX_NUM_FORMS": "20",
        "save": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def browser():
    """A browser signed in as `user`: a client of its own, as a second person at another desk has."""

    def open_as(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return open_as


@pytest.fixture
def admin2(world):
    """A second administrator of the bloc: the two administrators edit the same records."""
    user = get_user_model().objects.create_user(username="admin2", password="Mat-khau-dai-123", email="a2@test.vn")
    membership_grant(user=user, organization=world.bloc, role=Membership.Role.ADMIN, by=None)
    return user


@pytest.fixture
def api():
    tokens: dict[int, str] = {}

    def call(user, path, payload=None):
        if user.pk not in tokens:
            tokens[user.pk] = api_token_create(user=user, name="test", by=user)[1]
        headers = {"HTTP_AUTHORIZATION": f"Bearer {tokens[user.pk]}"}
        if payload is None:
            return Client().get(f"/api/v1{path}", **headers)
        return Client().post(f"/api/v1{path}", payload, content_type="application/json", **headers)

    return call


@pytest.fixture
def accepted(world):
    """A running reporting period, and the cell A1's registration accepted with one indicator."""
    (period,) = campaign_periods(world, (-30, 30, 40))
    initiative = accept_with_indicators(world, [IndicatorInput(INDICATOR, "lượt người", 300)])
    return SimpleNamespace(
        initiative=initiative,
        indicator=initiative.indicators.get(),
        period=period,
        url=reverse("progress:report_edit", args=[initiative.pk, period.pk]),
    )


# ---- Two real server processes on PostgreSQL ---------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{quote(db['NAME'], safe='')}"


def _signed_in(user) -> str:
    """A session for `user` minted in the database the servers read (as bench/run.py does): no login page, and
    verified with a second-step device of theirs, as the second step leaves it (administrators must give a code)."""
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if twofactor.needed(user):
        device = twofactor.device_of(user) or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.save()
    assert store.session_key is not None
    return store.session_key


class Visitor:
    """One person's browser talking to one server process over loopback: its cookies, GET and form POST."""

    def __init__(self, port: int, session_key: str):
        self.port = port
        self.cookies = {settings.SESSION_COOKIE_NAME: session_key}

    def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            page = response.read().decode()
            for header in response.headers.get_all("Set-Cookie") or []:
                jar = SimpleCookie()
                jar.load(header)
                self.cookies.update({name: morsel.value for name, morsel in jar.items()})
            return response.status, response.headers.get("Location", ""), page
        finally:
            conn.close()

    def open_form(self, path: str) -> tuple[str, str]:
        """GET the edit page: the version it shows and the CSRF token of its form."""
        status, _location, page = self.request("GET", path)
        assert status == 200, page[:500]
        return version_on(page), version_on(page, "csrfmiddlewaretoken")


def _start_server(port: int, env: dict, log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "danvan.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--timeout",
                str(TIMEOUT * 2),
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _wait_until_serving(process: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server on port {port} stopped: {log.read_text(errors='replace')[-2000:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", reverse("login"))
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            conn.close()
        time.sleep(0.3)
    pytest.fail(f"the server on port {port} did not answer in {STARTUP} s: {log.read_text(errors='replace')[-2000:]}")


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two server processes need a database both can open at once: run on PostgreSQL (CI does)",
)
@pytest.mark.django_db(transaction=True)
def test_two_server_processes_editing_one_initiative(world, tmp_path):
    """The unit's officer on one server process and the bloc's administrator on another open the same draft; the
    first save wins, the second is refused and overwrites nothing; then both save at the same moment: one wins."""
    initiative = world.draft_a
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "danvan.settings",
        "DATABASE_URL": _database_url(),
        "DATABASE_CONN_MAX_AGE": "0",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # the minted sessions are signed with it
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DANVAN_PRODUCTION": "0",
        "DANVAN_BENCH": "0",
        "DANVAN_DEMO": "0",
        "DANVAN_CACHE_URL": "",
        "DANVAN_PAGE_CACHE": "0",  # sessions in the database, no page kept by either process
        "DANVAN_MEDIA_ROOT": str(tmp_path / "media"),
        "DANVAN_LOG_LEVEL": "WARNING",
    }
    ports = [_free_port(), _free_port()]
    logs = [tmp_path / f"server-{n}.log" for n in (1, 2)]
    servers: list[subprocess.Popen] = []
    try:
        for port, log in zip(ports, logs, strict=True):
            servers.append(_start_server(port, env, log))
        for server, port, log in zip(servers, ports, logs, strict=True):
            _wait_until_serving(server, port, log)
        assert servers[0].pid != servers[1].pid
        officer = Visitor(ports[0], _signed_in(world.officer_a))
        admin = Visitor(ports[1], _signed_in(world.admin))
        edit = reverse("initiatives:edit", args=[initiative.pk])

        # One after the other: both read version v, the officer saves first.
        seen, officer_csrf = officer.open_form(edit)
        seen_too, admin_csrf = admin.open_form(edit)
        assert seen == seen_too == str(initiative.version)
        status, location, _page = officer.request(
            "POST", edit, initiative_post(world, seen, title="Bản của đơn vị", csrfmiddlewaretoken=officer_csrf)
        )
        assert (status, location) == (302, reverse("initiatives:detail", args=[initiative.pk]))
        status, _location, page = admin.request(
            "POST", edit, initiative_post(world, seen, title="Bản của Khối", csrfmiddlewaretoken=admin_csrf)
        )
        assert status == 400
        assert INITIATIVE_STALE in page
        fresh = Initiative.objects.get(pk=initiative.pk)
        assert (fresh.title, fresh.version) == ("Bản của đơn vị", int(seen) + 1)
        # The second process shows the first's edit, not a copy of its own.
        assert "Bản của đơn vị" in admin.request("GET", edit)[2]

        # At the same moment: both read v + 1 and send together; the row lock lets exactly one through.
        seen, officer_csrf = officer.open_form(edit)
        seen_too, admin_csrf = admin.open_form(edit)
        assert seen_too == seen
        start = threading.Barrier(2, timeout=TIMEOUT)
        answers: dict[str, tuple[int, str, str]] = {}

        def send(visitor: Visitor, title: str, csrf: str) -> None:
            data = initiative_post(world, seen, title=title, csrfmiddlewaretoken=csrf)
            start.wait()
            answers[title] = visitor.request("POST", edit, data)

        threads = [
            threading.Thread(target=send, args=(officer, "Đơn vị gửi cùng lúc", officer_csrf)),
            threading.Thread(target=send, args=(admin, "Khối gửi cùng lúc", admin_csrf)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(TIMEOUT * 2)
        assert not any(thread.is_alive() for thread in threads)
        statuses = {title: answer[0] for title, answer in answers.items()}
        assert sorted(statuses.values()) == [302, 400], statuses
        winner = next(title for title, status in statuses.items() if status == 302)
        loser = next(title for title, status in statuses.items() if status == 400)
        assert INITIATIVE_STALE in answers[loser][2]
        fresh = Initiative.objects.get(pk=initiative.pk)
        assert (fresh.title, fresh.version) == (winner, int(seen) + 1)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)


# ---- Initiatives -------------------------------------------------------------------------------------------------


def test_initiative_edit_page(world, browser):
    officer, admin = browser(world.officer_a), browser(world.admin)
    url = reverse("initiatives:edit", args=[world.draft_a.pk])
    seen_by_officer, seen_by_admin = version_on(text(officer.get(url))), version_on(text(admin.get(url)))
    assert officer.post(url, initiative_post(world, seen_by_officer, title="Bản của đơn vị")).status_code == 302
    response = admin.post(url, initiative_post(world, seen_by_admin, title="Bản của Khối"))
    assert response.status_code == 400
    assert INITIATIVE_STALE in text(response)
    assert Initiative.objects.get(pk=world.draft_a.pk).title == "Bản của đơn vị"


def test_initiative_edit_page_after_the_other_sent_it(world, browser):
    """The unit's officer edits a draft while another officer of the unit sends it: the edit is not saved, and the
    page says why instead of a bare refusal."""
    colleague = get_user_model().objects.create_user(username="officer_a2", password="Mat-khau-dai-123")
    membership_grant(user=colleague, organization=world.unit_a, role=Membership.Role.OFFICER, by=None)
    officer = browser(world.officer_a)
    url = reverse("initiatives:edit", args=[world.draft_a.pk])
    seen = version_on(text(officer.get(url)))
    initiative_submit(initiative=world.draft_a, by=colleague)
    response = officer.post(url, initiative_post(world, seen, title="Sửa sau khi đã gửi"), follow=True)
    assert response.status_code == 200
    assert INITIATIVE_STALE in text(response)
    fresh = Initiative.objects.get(pk=world.draft_a.pk)
    assert fresh.status == Initiative.Status.SUBMITTED and fresh.title != "Sửa sau khi đã gửi"


@pytest.mark.parametrize("step", ["accept", "return"])
def test_a_status_step_from_a_page_seen_before_another_reviewer_decided(world, browser, admin2, step):
    """Two reviewers have the same submitted initiative open; the first accepts it. The second's accept or return is
    not taken, and the page says it changed meanwhile (the buttons it showed are gone)."""
    initiative = world.submitted_a
    first, second = browser(world.admin), browser(admin2)
    detail = reverse("initiatives:detail", args=[initiative.pk])
    seen = str(initiative.version)
    version_on(text(second.get(detail)))
    accept = reverse("initiatives:accept", args=[initiative.pk])
    assert first.post(accept, {"version": seen}).status_code == 302
    url = reverse(f"initiatives:{step}", args=[initiative.pk])
    response = second.post(url, {"version": seen, "comment": "Bổ sung số liệu."}, follow=True)
    assert response.status_code == 200
    assert INITIATIVE_STALE in text(response)
    fresh = Initiative.objects.get(pk=initiative.pk)
    assert fresh.status == Initiative.Status.ACCEPTED and fresh.return_comment == ""


# ---- Campaigns, rubrics, organisations, survey teams -------------------------------------------------------------


def campaign_post(campaign: Campaign, version: str, **overrides) -> dict:
    data = {
        "organization": campaign.organization_id,
        "name": campaign.name,
        "year": campaign.year,
        "phase": "",
        "launch_document_number": "",
        "launch_document_date": "",
        "registration_opens": dmy(campaign.registration_opens),
        "registration_closes": dmy(campaign.registration_closes),
        "quota_min": campaign.quota_min,
        "quota_max": campaign.quota_max,
        "fields_text": "\n".join(campaign.fields.values_list("name", flat=True)),
        "previous": "",
        "version": version,
        "period-TOTAL_FORMS": "0",
        "period-INITIAL_FORMS": "0",
        "period-MIN_NUM_FORMS": "0",
        "period-MAX_NUM_FORMS": "24",
    }
    data.update(overrides)
    return data


def test_campaign_edit_page(world, browser, admin2):
    first, second = browser(world.admin), browser(admin2)
    url = reverse("campaigns:edit", args=[world.campaign.pk])
    seen_first, seen_second = version_on(text(first.get(url))), version_on(text(second.get(url)))
    assert first.post(url, campaign_post(world.campaign, seen_first, quota_max=5)).status_code == 302
    response = second.post(url, campaign_post(world.campaign, seen_second, quota_max=2))
    assert response.status_code == 400
    assert CAMPAIGN_STALE in text(response)
    assert Campaign.objects.get(pk=world.campaign.pk).quota_max == 5


def rubric_post(rubric: Rubric, version: str, first_name: str) -> dict:
    data = {"version": version}
    for kind, prefix in ((Criterion.AppliesTo.COLLECTIVE, "col"), (Criterion.AppliesTo.INDIVIDUAL, "ind")):
        rows = list(rubric.criteria.filter(applies_to=kind).order_by("position", "id"))
        data.update({f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": len(rows)})
        data.update({f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 30})
        for n, c in enumerate(rows):
            data.update(
                {
                    f"{prefix}-{n}-name": first_name if n == 0 else c.name,
                    f"{prefix}-{n}-guidance": c.guidance,
                    f"{prefix}-{n}-max_score": c.max_score,
                    f"{prefix}-{n}-weight": f"{c.weight}",
                }
            )
    return data


def test_rubric_page(world, browser, admin2):
    rubric = rubric_create_default(world.campaign)
    first, second = browser(world.admin), browser(admin2)
    url = reverse("assessments:rubric", args=[world.campaign.pk])
    seen_first, seen_second = version_on(text(first.get(url))), version_on(text(second.get(url)))
    assert first.post(url, rubric_post(rubric, seen_first, "Tiêu chí của người thứ nhất")).status_code == 302
    response = second.post(url, rubric_post(rubric, seen_second, "Tiêu chí của người thứ hai"), follow=True)
    assert RUBRIC_STALE in text(response)
    # The refused form keeps the version it was read at: sending it again is refused again.
    assert version_on(text(response)) == seen_second
    response = second.post(url, rubric_post(rubric, seen_second, "Tiêu chí của người thứ hai"))
    assert RUBRIC_STALE in text(response)
    names = set(rubric.criteria.values_list("name", flat=True))
    assert "Tiêu chí của người thứ nhất" in names and "Tiêu chí của người thứ hai" not in names


def org_post(org: Organization, version: str, **overrides) -> dict:
    data = {
        "code": org.code,
        "name": org.name,
        "kind": org.kind,
        "parent": org.parent_id or "",
        "email": org.email,
        "is_active": "on",
        "version": version,
    }
    data.update(overrides)
    return data


def test_organisation_edit_page(world, browser, admin2):
    first, second = browser(world.admin), browser(admin2)
    url = reverse("orgs:edit", args=[world.unit_b.pk])
    seen_first, seen_second = version_on(text(first.get(url))), version_on(text(second.get(url)))
    assert first.post(url, org_post(world.unit_b, seen_first, email="beta@test.vn")).status_code == 302
    response = second.post(url, org_post(world.unit_b, seen_second, name="Đảng bộ Sở Beta (cũ)"))
    assert response.status_code == 400
    assert ORG_STALE in text(response)
    fresh = Organization.objects.get(pk=world.unit_b.pk)
    assert (fresh.name, fresh.email) == ("Đảng bộ Sở Beta", "beta@test.vn")


def test_organisation_import_after_an_edit_since_the_preview(world, browser, admin2):
    """The sheet was previewed, then another administrator edited a unit it names: applying it would undo that edit
    unseen, so nothing is written."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    importer, editor = browser(world.admin), browser(admin2)
    sheet = "\ufeffma,ten,loai,ma_cap_tren,email\nB,Đảng bộ Sở Beta,base_committee,KHOI,beta-cu@test.vn\n"
    preview = importer.post(reverse("orgs:import"), {"file": SimpleUploadedFile("don-vi.csv", sheet.encode())})
    assert preview.status_code == 200
    url = reverse("orgs:edit", args=[world.unit_b.pk])
    edited = editor.post(url, org_post(world.unit_b, version_on(text(editor.get(url))), email="beta-moi@test.vn"))
    assert edited.status_code == 302
    response = importer.post(
        reverse("orgs:import"), {"action": "apply", "sha256": importer.session["orgs_import"]["sha256"]}, follow=True
    )
    page = text(response)
    assert "chưa có gì được ghi" in page and "“B” vừa được người khác thêm hoặc sửa" in page
    assert Organization.objects.get(pk=world.unit_b.pk).email == "beta-moi@test.vn"


def test_organisation_import_creating_a_unit_created_since_the_preview(world, browser, admin2):
    from django.core.files.uploadedfile import SimpleUploadedFile

    importer = browser(world.admin)
    sheet = "\ufeffma,ten,loai,ma_cap_tren,email\nD,Đảng bộ Sở Delta,base_committee,KHOI,\n"
    preview = importer.post(reverse("orgs:import"), {"file": SimpleUploadedFile("d.csv", sheet.encode())})
    assert preview.status_code == 200
    data = org_post(world.unit_b, "", code="D", name="Đảng bộ Sở Delta (người khác tạo)", parent=world.bloc.pk)
    assert browser(admin2).post(reverse("orgs:create"), data).status_code == 302
    importer.post(reverse("orgs:import"), {"action": "apply", "sha256": importer.session["orgs_import"]["sha256"]})
    assert Organization.objects.get(code="D").name == "Đảng bộ Sở Delta (người khác tạo)"


def test_survey_team_edit_page(world, browser, admin2):
    team = team_create(
        campaign=world.campaign, by=world.admin, name="Đoàn số 1", members=[world.surveyor], leader=world.surveyor
    )
    first, second = browser(world.admin), browser(admin2)
    url = reverse("assessments:team_edit", args=[team.pk])
    seen_first, seen_second = version_on(text(first.get(url))), version_on(text(second.get(url)))
    data = {"members": [world.surveyor.pk], "leader": world.surveyor.pk, "note": ""}
    assert first.post(url, {**data, "name": "Đoàn của người thứ nhất", "version": seen_first}).status_code == 302
    response = second.post(url, {**data, "name": "Đoàn của người thứ hai", "version": seen_second})
    assert response.status_code == 400
    assert TEAM_STALE in text(response)
    assert SurveyTeam.objects.get(pk=team.pk).name == "Đoàn của người thứ nhất"


# ---- Progress reports, their review, inspections ----------------------------------------------------------------


def report_post(accepted, version: str, activities: str, value: str = "25") -> dict:
    return {
        "version": version,
        f"value_{accepted.indicator.pk}": value,
        "activities": activities,
        "reached": "",
        "effect": "",
        "difficulties": "",
        "save": "",
    }


def test_report_page(world, accepted, browser):
    report_save(initiative=accepted.initiative, period=accepted.period, by=world.officer_cell, activities="Nháp.")
    cell, unit = browser(world.officer_cell), browser(world.officer_a)
    seen_cell, seen_unit = version_on(text(cell.get(accepted.url))), version_on(text(unit.get(accepted.url)))
    assert cell.post(accepted.url, report_post(accepted, seen_cell, "Bản của chi bộ.")).status_code == 302
    response = unit.post(accepted.url, report_post(accepted, seen_unit, "Bản của đảng bộ.", value="1"))
    assert response.status_code == 400
    assert REPORT_STALE in text(response)
    report = ProgressReport.objects.get()
    assert report.activities == "Bản của chi bộ."
    assert report.values.get().value == 25


def test_report_page_after_the_other_writer_sent_it(world, accepted, browser):
    """The first writer saves and sends the report to the bloc; the second, still seeing the draft, saves it."""
    report_save(initiative=accepted.initiative, period=accepted.period, by=world.officer_cell, activities="Nháp.")
    cell, unit = browser(world.officer_cell), browser(world.officer_a)
    seen_cell, seen_unit = version_on(text(cell.get(accepted.url))), version_on(text(unit.get(accepted.url)))
    sent = {**report_post(accepted, seen_cell, "Bản đã gửi."), "submit": ""}
    del sent["save"]
    assert cell.post(accepted.url, sent).status_code == 302
    response = unit.post(accepted.url, report_post(accepted, seen_unit, "Bản của đảng bộ."), follow=True)
    assert REPORT_STALE in text(response)
    report = ProgressReport.objects.get()
    assert (report.status, report.activities) == (ProgressReport.Status.SUBMITTED, "Bản đã gửi.")


def test_report_page_when_both_write_the_first_report(world, accepted, browser):
    """No report yet: both open an empty form; the second to save would overwrite the first's new report."""
    cell, unit = browser(world.officer_cell), browser(world.officer_a)
    seen_cell, seen_unit = version_on(text(cell.get(accepted.url))), version_on(text(unit.get(accepted.url)))
    assert seen_cell == seen_unit == "0"
    assert cell.post(accepted.url, report_post(accepted, seen_cell, "Bản của chi bộ.")).status_code == 302
    response = unit.post(accepted.url, report_post(accepted, seen_unit, "Bản của đảng bộ."))
    assert response.status_code == 400
    assert REPORT_STALE in text(response)
    assert ProgressReport.objects.get().activities == "Bản của chi bộ."


def test_report_api(world, accepted, api):
    report = report_save(initiative=accepted.initiative, period=accepted.period, by=world.officer_cell)
    seen = api(world.officer_cell, f"/reports/{report.pk}").json()["version"]
    assert api(world.officer_a, f"/reports/{report.pk}").json()["version"] == seen == report.version
    payload = {"initiative": accepted.initiative.pk, "period": accepted.period.pk, "version": seen}
    response = api(world.officer_cell, "/reports", {**payload, "activities": "Bản của chi bộ."})
    assert response.status_code == 200 and response.json()["version"] == seen + 1
    response = api(world.officer_a, "/reports", {**payload, "activities": "Bản của đảng bộ."})
    assert response.status_code == 400
    assert REPORT_STALE in response.json()["detail"]
    assert ProgressReport.objects.get().activities == "Bản của chi bộ."


def test_report_api_when_both_write_the_first_report(world, accepted, api):
    payload = {"initiative": accepted.initiative.pk, "period": accepted.period.pk, "version": 0}
    assert api(world.officer_cell, "/reports", {**payload, "activities": "Bản của chi bộ."}).status_code == 200
    response = api(world.officer_a, "/reports", {**payload, "activities": "Bản của đảng bộ."})
    assert response.status_code == 400
    assert REPORT_STALE in response.json()["detail"]
    assert ProgressReport.objects.get().activities == "Bản của chi bộ."


def test_report_review(world, accepted, browser, admin2):
    report = report_save(
        initiative=accepted.initiative,
        period=accepted.period,
        by=world.officer_cell,
        values={accepted.indicator.pk: "25"},
        activities="Tư vấn pháp luật.",
    )
    report = report_submit(report=report, by=world.officer_cell)
    first, second = browser(world.admin), browser(admin2)
    seen_first, seen_second = version_on(text(first.get(accepted.url))), version_on(text(second.get(accepted.url)))
    review = reverse("progress:review", args=[report.pk])
    first.post(review, {"accept": "", "comment": "Tốt.", "version": seen_first})
    response = second.post(review, {"return": "", "comment": "Bổ sung ảnh.", "version": seen_second}, follow=True)
    assert REPORT_STALE in text(response)
    fresh = ProgressReport.objects.get(pk=report.pk)
    assert (fresh.status, fresh.review_comment) == (ProgressReport.Status.ACCEPTED, "Tốt.")


@pytest.mark.parametrize("answered_before", [False, True])
def test_inspection_answer(world, browser, answered_before):
    inspection = inspection_record(
        campaign=world.campaign,
        unit=world.unit_a,
        by=world.admin,
        held_on=timezone.localdate(),
        inspectors="Đoàn kiểm tra của Khối",
        findings="Cần bổ sung minh chứng.",
        requests=[("Gửi biên bản họp chi bộ.", timezone.localdate() + 10 * DAY)],
    )
    item = inspection.requests.get()
    if answered_before:
        browser(world.officer_a).post(reverse("progress:answer", args=[item.pk]), {"answer": "Trả lời đầu tiên."})
    page = reverse("progress:inspection", args=[inspection.pk])
    officer, admin = browser(world.officer_a), browser(world.admin)
    seen_officer, seen_admin = version_on(text(officer.get(page)), "seen"), version_on(text(admin.get(page)), "seen")
    answer = reverse("progress:answer", args=[item.pk])
    officer.post(answer, {"answer": "Trả lời của đơn vị.", "seen": seen_officer})
    response = admin.post(answer, {"answer": "Trả lời của Khối thay đơn vị.", "seen": seen_admin}, follow=True)
    assert ANSWER_STALE in text(response)
    fresh = InspectionRequest.objects.get(pk=item.pk)
    assert (fresh.answer, fresh.answered_by) == ("Trả lời của đơn vị.", world.officer_a)


# ---- Scoring and the year-end review -----------------------------------------------------------------------------


def test_scoring_page(world, accepted, browser):
    """The same survey member in two tabs (or on a phone and a computer) saves from both."""
    team = team_create(
        campaign=world.campaign, by=world.admin, name="Đoàn số 1", members=[world.surveyor], leader=world.surveyor
    )
    assignments_add(team=team, by=world.admin, initiatives=[accepted.initiative])
    criteria = criteria_for(accepted.initiative)
    assessment_save(
        initiative=accepted.initiative,
        by=world.surveyor,
        kind=Assessment.Kind.MEMBER,
        scores={criteria[0].pk: ScoreInput(5)},
    )
    phone, desk = browser(world.surveyor), browser(world.surveyor)
    url = reverse("assessments:score", args=[accepted.initiative.pk])
    seen_phone, seen_desk = version_on(text(phone.get(url))), version_on(text(desk.get(url)))
    key = f"score_{criteria[0].pk}"
    from_phone = phone.post(url, {key: "7", "comment": "Trên điện thoại", "version": seen_phone, "save": ""})
    assert from_phone.status_code == 302
    response = desk.post(url, {key: "2", "comment": "Trên máy tính", "version": seen_desk, "save": ""})
    assert response.status_code == 400
    assert SCORING_STALE in text(response)
    saved = Assessment.objects.get(assessor=world.surveyor)
    assert (saved.comment, saved.scores.get().value) == ("Trên điện thoại", 7)


def test_self_assessment_when_both_start_it(world, accepted, browser, admin2):
    """No self-assessment yet: the unit's officer and the bloc's administrator both open an empty form; the second to
    save would overwrite the first's scores."""
    criteria = criteria_for(accepted.initiative)
    url = reverse("assessments:self", args=[accepted.initiative.pk])
    officer, admin = browser(world.officer_a), browser(admin2)
    seen_officer, seen_admin = version_on(text(officer.get(url))), version_on(text(admin.get(url)))
    assert seen_officer == seen_admin == "0"
    key = f"score_{criteria[0].pk}"
    assert (
        officer.post(url, {key: "8", "comment": "Đơn vị tự chấm", "version": seen_officer, "save": ""}).status_code
        == 302
    )
    response = admin.post(url, {key: "3", "comment": "Khối chấm thay", "version": seen_admin, "save": ""})
    assert response.status_code == 400
    assert SCORING_STALE in text(response)
    saved = Assessment.objects.get(initiative=accepted.initiative, kind=Assessment.Kind.SELF)
    assert (saved.comment, saved.scores.get().value) == ("Đơn vị tự chấm", 8)


def test_result_page(world, accepted, browser, admin2):
    first, second = browser(world.admin), browser(admin2)
    url = reverse("recognition:decide", args=[accepted.initiative.pk])
    seen_first, seen_second = version_on(text(first.get(url))), version_on(text(second.get(url)))
    R = Initiative.Result
    decided = first.post(url, {"result": R.EXEMPLARY, "reason": "Vượt chỉ tiêu.", "version": seen_first})
    assert decided.status_code == 302
    response = second.post(url, {"result": R.NOT_ACHIEVED, "reason": "Chưa đạt.", "version": seen_second})
    assert response.status_code == 400
    assert RESULT_STALE in text(response)
    fresh = Initiative.objects.get(pk=accepted.initiative.pk)
    assert (fresh.result, fresh.result_reason) == (R.EXEMPLARY, "Vượt chỉ tiêu.")


def test_shortlist_proposal_from_the_result_page(world, accepted, browser, admin2):
    first, second = browser(world.admin), browser(admin2)
    url = reverse("recognition:decide", args=[accepted.initiative.pk])
    add = reverse("recognition:shortlist_add", args=[accepted.initiative.pk])
    seen_first = version_on(text(first.get(url)), "sl-version")
    seen_second = version_on(text(second.get(url)), "sl-version")
    R = Initiative.Result

    def proposal(result, reason, version) -> dict:
        return {"sl-round": "1", "sl-proposed_result": result, "sl-reason": reason, "sl-version": version}

    assert first.post(add, proposal(R.EXEMPLARY, "Vượt chỉ tiêu.", seen_first)).status_code == 302
    response = second.post(add, proposal(R.NOT_ACHIEVED, "Chưa đạt.", seen_second))
    assert response.status_code == 400
    assert RESULT_STALE in text(response)
    entry = ShortlistEntry.objects.get(initiative=accepted.initiative, round=1)
    assert (entry.proposed_result, entry.reason, entry.added_by) == (R.EXEMPLARY, "Vượt chỉ tiêu.", world.admin)
    # The result form read before the proposal is refused too: the page it was chosen on did not show it.
    response = second.post(url, {"result": R.NOT_ACHIEVED, "reason": "Chưa đạt.", "version": seen_second})
    assert response.status_code == 400 and RESULT_STALE in text(response)


def test_a_round_decision_does_not_override_a_result_decided_since_the_proposal(world, accepted, browser, admin2):
    R = Initiative.Result
    shortlist_add(initiative=accepted.initiative, by=world.admin, round=1, proposed_result=R.EXEMPLARY, reason="Tốt.")
    result_decide(initiative=accepted.initiative, by=admin2, result=R.RECOGNISED, reason="Chỉ đạt yêu cầu.")
    response = browser(world.admin).post(reverse("recognition:round_decide", args=[world.campaign.pk, 1]), follow=True)
    assert "Chưa chốt: 1 mô hình đã được ghi kết quả riêng" in text(response)
    fresh = Initiative.objects.get(pk=accepted.initiative.pk)
    assert (fresh.result, fresh.result_reason) == (R.RECOGNISED, "Chỉ đạt yêu cầu.")
    # Once the proposal says what was decided, the round is decided.
    shortlist_add(initiative=fresh, by=admin2, round=1, proposed_result=R.RECOGNISED, reason="Chỉ đạt yêu cầu.")
    response = browser(world.admin).post(reverse("recognition:round_decide", args=[world.campaign.pk, 1]))
    assert response.status_code == 302
    assert Initiative.objects.get(pk=accepted.initiative.pk).result == R.RECOGNISED


def test_result_api(world, accepted, api, admin2):
    path = f"/initiatives/{accepted.initiative.pk}"
    seen = api(world.admin, path).json()["version"]
    assert api(admin2, path).json()["version"] == seen == accepted.initiative.version
    R = Initiative.Result
    first = {"result": R.RECOGNISED, "reason": "Đạt.", "expected_version": seen}
    assert api(world.admin, f"{path}/result", first).status_code == 200
    response = api(admin2, f"{path}/result", {"result": R.EXEMPLARY, "reason": "Tiêu biểu.", "expected_version": seen})
    assert response.status_code == 400
    assert RESULT_STALE in response.json()["detail"]
    assert Initiative.objects.get(pk=accepted.initiative.pk).result == R.RECOGNISED


# ---- The public showcase and citizens' feedback ------------------------------------------------------------------


@pytest.fixture
def exemplary(world, accepted):
    return result_decide(
        initiative=accepted.initiative, by=world.admin, result=Initiative.Result.EXEMPLARY, reason="Vượt chỉ tiêu."
    )


def showcase_post(version: str, headline: str, publish: bool) -> dict:
    data = {
        "headline": headline,
        "summary": "Tư vấn pháp luật miễn phí.",
        "implementers": "",
        "beneficiaries": "",
        "results": "",
        "version": version,
    }
    return {**data, "publish": "on"} if publish else data


@pytest.mark.parametrize("saved_before", [False, True])
def test_showcase_page(world, exemplary, browser, admin2, saved_before):
    """Two administrators write the public texts, the first time (no entry yet) or again: the second is refused,
    and neither its texts nor its choice to publish take effect."""
    if saved_before:
        showcase.showcase_save(initiative=exemplary, by=world.admin, headline="Bản đầu", summary="Giới thiệu.")
    first, second = browser(world.admin), browser(admin2)
    url = reverse("showcase:manage", args=[exemplary.pk])
    seen_first, seen_second = version_on(text(first.get(url))), version_on(text(second.get(url)))
    assert seen_first == seen_second == ("1" if saved_before else "0")
    assert first.post(url, showcase_post(seen_first, "Bản của người thứ nhất", publish=False)).status_code == 302
    response = second.post(url, showcase_post(seen_second, "Bản của người thứ hai", publish=True))
    assert response.status_code == 400
    assert SHOWCASE_STALE in text(response)
    entry = ShowcaseEntry.objects.get(initiative=exemplary)
    assert (entry.headline, entry.is_published) == ("Bản của người thứ nhất", False)


@pytest.fixture
def pending(world, exemplary):
    entry = showcase.showcase_save(
        initiative=exemplary, by=world.admin, publish=True, headline="Trợ giúp pháp lý", summary="Tư vấn miễn phí."
    )
    return showcase.feedback_submit(entry=entry, rating=5, comment="Cán bộ rất tận tình.", address="198.51.100.7")


def test_feedback_moderation_page(world, pending, browser):
    """The unit approves the opinion; the bloc, still seeing it pending, declines it: refused, the approval stands."""
    unit, bloc = browser(world.officer_a), browser(world.admin)
    listing = reverse("showcase:moderation") + "?status=all"
    assert version_on(text(unit.get(listing)), "seen") == version_on(text(bloc.get(listing)), "seen") == "pending"
    url = reverse("showcase:moderate", args=[pending.pk])
    unit.post(url, {"approve": "1", "seen": "pending"})
    response = bloc.post(url, {"reject": "1", "reason": "Trùng lặp.", "seen": "pending"}, follow=True)
    assert FEEDBACK_STALE in text(response)
    fresh = Feedback.objects.get(pk=pending.pk)
    assert (fresh.status, fresh.rejection_reason) == (Feedback.Status.UNIT_APPROVED, "")


def test_feedback_moderation_api(world, pending, api):
    seen = next(f["status"] for f in api(world.admin, "/feedback").json()["items"] if f["id"] == pending.pk)
    path = f"/feedback/{pending.pk}/moderate"
    assert api(world.officer_a, path, {"approve": True, "expected_status": seen}).status_code == 200
    response = api(world.admin, path, {"approve": False, "reason": "Trùng lặp.", "expected_status": seen})
    assert response.status_code == 400
    assert FEEDBACK_STALE in response.json()["detail"]
    assert Feedback.objects.get(pk=pending.pk).status == Feedback.Status.UNIT_APPROVED


@pytest.mark.parametrize("version", ["²", "٣", "-1", "abc"])
def test_a_version_that_is_not_a_plain_number_is_no_failure(world, browser, version):
    """ "²" passes str.isdigit() yet int() refuses it: a version field is read with isdecimal(), never a 500."""
    url = reverse("initiatives:accept", args=[world.submitted_a.pk])
    response = browser(world.admin).post(url, {"version": version})
    assert response.status_code in (302, 400)
