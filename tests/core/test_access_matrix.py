"""The access matrix (issue #7): every URL pattern and every API operation, for every persona, with the answer
the product's rules call for, when reading and when changing, on unit A's objects.

- The routes are found by enumeration (the URL resolver, the API's OpenAPI paths), never listed by hand: a new
  route without an entry in the matrix fails, and so does an entry whose route is gone.
- The objects are unit A's (or the bloc's): the officer of unit B and the member of survey team 2 are the
  "other unit" personas, who must get a 404 for an object they cannot see, whatever its id. A few pages are
  asked on unit B's objects too, the other way round.
- Each persona gets a world of its own, and every request runs in a savepoint rolled back after it: a POST that
  succeeds (withdrawing, deleting) leaves the world as it was for the next route.

Expected answers, per persona in the column order of `PERSONAS`:
  ok      the access decision let the request through: 200, 204, 302 or 303 not to a login page, or 400 (a form
          or a service refused the input, which is checked only after access)
  login   302 to the login page (anonymous visitors of signed-in pages)
  alogin  302 to the admin site's login page
  403 404 405 …  exactly that status (the API is always checked with exact statuses: 401 for anonymous)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from danvan.api.api import api
from danvan.api.services import api_token_create
from danvan.assessments.models import Assessment, Assignment
from danvan.assessments.services import (
    ScoreInput,
    assessment_save,
    assessment_submit,
    assignments_add,
    criteria_for,
    photo_add,
    team_create,
)
from danvan.core.freshness import forget_pages
from danvan.demo.checking import pdf, png
from danvan.documents.import_template import template_csv
from danvan.documents.services import import_preview
from danvan.initiatives import services as initiatives
from danvan.initiatives.models import Initiative
from danvan.orgs.models import Membership
from danvan.orgs.services import membership_grant
from danvan.progress import services as progress
from danvan.progress.models import ProgressReport
from danvan.recognition import services as recognition
from danvan.recognition.models import Commendation
from danvan.showcase import services as showcase
from tests.conftest import campaign_periods

DAY = timedelta(days=1)
PERSONAS = ("admin", "officer_a", "officer_b", "survey_1", "survey_2", "leader", "anonymous")
SAME = "same"  # POST answers as GET does: the view does not tell them apart (a read page, or a form page)
ALL_OK = "ok ok ok ok ok ok ok"  # public pages
SIGNED_IN = "ok ok ok ok ok ok login"
ADMIN_ONLY = "ok 403 403 403 403 403 login"
NOT_GET = "405 405 405 405 405 405 login"  # a POST-only view (login is checked first)


# --- The matrix of pages ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """How to reach one URL pattern in the world, and the expected answers (columns as in `PERSONAS`).

    `args` name entries of the world's `refs` (an object's id, or a value such as a file format); `query` and
    `data` are filled from `refs` too. `post` is the answer to a POST with `data` (a minimal body)."""

    args: tuple[str, ...] = ()
    get: str = SIGNED_IN
    post: str = SAME
    query: str = ""
    data: dict[str, str] = field(default_factory=dict)


P = Page

PAGES: dict[str, Page | tuple[Page, ...]] = {
    # Answers, in columns: admin, officer_a, officer_b, survey_1, survey_2, leader, anonymous.
    # --- core
    "home": P(),
    "login": P(get=ALL_OK),  # signed in: sent on to the start page
    "logout": P(get="405 405 405 405 405 405 405", post=ALL_OK),
    "password_change": P(),
    "profile": P(),
    "second_factor": P(),
    "token_revoke": P(("token_a",), get=NOT_GET, post="404 ok 404 404 404 404 login"),  # officer A's own token
    "audit": P(get=ADMIN_ONLY),
    "set_language": P(get=ALL_OK),
    # --- orgs (unit A)
    "orgs:list": P(),
    "orgs:create": P(get=ADMIN_ONLY),
    "orgs:import": P(get=ADMIN_ONLY),
    "orgs:import_template": P(get=ADMIN_ONLY),
    "orgs:detail": (P(("unit_a",), get="ok ok 404 404 404 ok login"), P(("unit_b",), get="ok 404 ok 404 404 ok login")),
    "orgs:edit": P(("unit_a",), get="ok 403 404 404 404 403 login"),
    "orgs:person_add": P(("unit_a",), get=NOT_GET, post="ok 403 404 404 404 403 login"),
    "orgs:person_remove": P(("unit_a", "membership_a"), get=NOT_GET, post="ok 403 404 404 404 403 login"),
    "orgs:lockouts": P(get=ADMIN_ONLY, post=SAME),
    "orgs:lockout_unlock": P(get=NOT_GET, post=ADMIN_ONLY),
    # --- campaigns (the bloc's campaign: every persona sees it, survey members through their team)
    "campaigns:list": P(),
    "campaigns:create": P(get=ADMIN_ONLY),
    "campaigns:detail": P(("campaign",)),
    "campaigns:edit": P(("campaign",), get=ADMIN_ONLY),
    "campaigns:launch": P(("campaign",), get=NOT_GET, post=ADMIN_ONLY),
    "campaigns:remind": P(("campaign",), get=NOT_GET, post=ADMIN_ONLY),
    "campaigns:document": P(("campaign",)),
    # --- initiatives
    "initiatives:list": P(),
    "initiatives:create": P(query="campaign={campaign}", get="ok ok ok 403 403 403 login"),
    "initiatives:detail": (
        P(("accepted_a",), get="ok ok 404 ok 404 ok login"),
        P(("accepted_b",), get="ok 404 ok 404 ok ok login"),  # unit B's, visited by survey team 2
        P(("draft_b",), get="ok 404 ok 404 404 404 login"),  # a draft: not even the leader reads it
    ),
    "initiatives:edit": P(("returned_a",), get="ok ok 404 404 404 403 login"),
    "initiatives:submit": P(("returned_a",), get=NOT_GET, post="ok ok 404 404 404 403 login"),
    "initiatives:accept": P(("submitted_a",), get=NOT_GET, post="ok 403 404 404 404 403 login"),
    "initiatives:return": P(("submitted_a",), get=NOT_GET, post="ok 403 404 404 404 403 login"),
    "initiatives:withdraw": P(("returned_a",), get=NOT_GET, post="ok ok 404 404 404 403 login"),
    "initiatives:carry_over": P(
        ("accepted_a",), get=NOT_GET, post="ok ok 404 403 404 403 login", data={"campaign": "{campaign}"}
    ),
    "initiatives:attachment_add": P(("returned_a",), get=NOT_GET, post="ok ok 404 404 404 403 login"),
    "initiatives:attachment": P(("attachment_accepted",), get="ok ok 404 ok 404 ok login"),
    "initiatives:attachment_remove": P(("attachment_returned",), get=NOT_GET, post="ok ok 404 404 404 403 login"),
    # --- progress (R1: sent, evidence E1; R2: returned to the unit, evidence E2)
    "progress:overview": P(("campaign",)),
    "progress:report_edit": P(
        ("accepted_a", "running"), get="ok ok 404 ok 404 ok login", post="ok ok 404 403 404 403 login"
    ),
    "progress:report": P(("report_sent",), get="ok ok 404 ok 404 ok login"),
    "progress:review": P(("report_sent",), get=NOT_GET, post="ok 403 404 403 404 403 login"),
    "progress:evidence_add": P(("report_returned",), get=NOT_GET, post="ok ok 404 403 404 403 login"),
    "progress:evidence": P(("evidence_sent",), get="ok ok 404 ok 404 ok login"),
    "progress:evidence_remove": P(("evidence_returned",), get=NOT_GET, post="ok ok 404 403 404 403 login"),
    "progress:inspections": P(("campaign",)),
    "progress:inspection_create": P(("campaign",), get=ADMIN_ONLY),
    "progress:inspection": P(("inspection",), get="ok ok 404 404 404 ok login"),
    "progress:answer": P(("inspection_request",), get=NOT_GET, post="ok ok 404 404 404 403 login"),
    # --- assessments (team 1 visits accepted_a, scored and sent, and accepted_a2, not scored yet; team 2 visits B's)
    "assessments:mine": P(),
    "assessments:overview": P(("campaign",)),
    # The rubric is locked once anyone has scored (accepted_a is): nobody may change it any more.
    "assessments:rubric": P(("campaign",), post="403 403 403 403 403 403 login"),
    "assessments:team_create": P(("campaign",), get=ADMIN_ONLY),
    "assessments:sample": P(("campaign",), get=ADMIN_ONLY),
    "assessments:team": P(("team_1",), get="ok 404 404 ok 404 ok login"),
    "assessments:team_edit": P(("team_1",), get="ok 404 404 403 404 403 login"),
    "assessments:assign": P(
        ("team_1",), get=NOT_GET, post="ok 404 404 403 404 403 login", data={"initiatives": "{accepted_b}"}
    ),
    "assessments:unassign": P(("assignment_1",), get=NOT_GET, post="ok 404 404 403 404 403 login"),
    "assessments:score": (
        P(("accepted_a2",), get="403 403 404 ok 404 403 login"),
        P(("accepted_b",), get="403 404 403 404 ok 403 login"),
        # Sent: its member reads it (a redirect to the scoring); nobody else has a scoring of their own there.
        P(("accepted_a",), get="403 403 404 ok 404 403 login"),
    ),
    "assessments:team_score": (
        P(("accepted_a2",), get="403 403 404 ok 404 403 login"),
        # The team's score is sent: whoever may read it is sent to it; nobody but the team leader may post.
        P(("accepted_a",), get="ok ok 404 ok 404 ok login", post="403 403 404 ok 404 403 login"),
    ),
    "assessments:self": (
        P(("accepted_a2",), get="ok ok 404 403 404 403 login"),
        # The unit's self-assessment is sent: its readers are sent to it; a survey member does not read it.
        P(("accepted_a",), get="ok ok 404 403 404 ok login", post="ok ok 404 403 404 403 login"),
    ),
    "assessments:photo_add": P(("accepted_a2",), get=NOT_GET, post="403 403 404 ok 404 403 login"),
    "assessments:detail": P(("team_assessment",), get="ok ok 404 ok 404 ok login"),
    "assessments:reopen": P(("team_assessment",), get=NOT_GET, post="ok 403 404 ok 404 403 login"),
    "assessments:self_report": P(("self_assessment",), get="ok ok 404 404 404 ok login"),
    "assessments:photo": P(("assessment_photo",), get="ok 404 404 ok 404 404 login"),  # a member's own scoring
    # --- recognition (accepted_a is exemplary, shortlisted in round 1, commended)
    "recognition:board": P(("campaign",), get="ok 403 403 403 403 ok login"),
    "recognition:decide": P(("accepted_a",), get="ok 403 404 403 404 ok login", post="ok 403 404 403 404 403 login"),
    "recognition:shortlist_add": P(("accepted_a",), get=NOT_GET, post="ok 403 404 403 404 403 login"),
    "recognition:round": P(("campaign", "round"), get="ok 403 403 403 403 ok login"),
    "recognition:round_decide": P(("campaign", "round"), get=NOT_GET, post=ADMIN_ONLY),
    "recognition:shortlist_remove": P(("shortlist_entry",), get=NOT_GET, post="ok 404 404 404 404 403 login"),
    "recognition:commendations": P(("campaign",)),
    "recognition:commendation_create": P(("campaign",), get=ADMIN_ONLY),
    "recognition:commendation": P(("commendation",)),  # a published decision
    "recognition:commendation_delete": P(("commendation",), get=NOT_GET, post=ADMIN_ONLY),
    "recognition:commendation_pdf": P(("commendation",)),
    "recognition:certificates": P(("commendation",)),
    "recognition:certificate": P(("commendation_entry",)),
    "recognition:spread": P(("campaign",)),
    # Anyone registering for a unit may adopt an exemplary initiative, but not for the unit that owns it.
    "recognition:replicate": P(("accepted_a",), get="ok ok ok 403 403 403 login", post="ok 403 ok 403 403 403 login"),
    # --- showcase (accepted_a is published, with a photo and a citizen's feedback waiting for the unit)
    "showcase:list": P(get=ALL_OK),
    "showcase:feed": P(get=ALL_OK),
    "showcase:detail": P(("entry",), get=ALL_OK),
    "showcase:feedback": P(("entry",), get=ALL_OK),
    "showcase:qr": P(("entry",), get=ALL_OK),
    "showcase:qr_svg": P(("entry",), get=ALL_OK),
    "showcase:photo": P(("showcase_photo",), get=ALL_OK),
    "showcase:photo_remove": P(("showcase_photo",), get=NOT_GET, post="ok 403 404 403 404 403 login"),
    "showcase:manage": P(("accepted_a",), get="ok 403 404 403 404 403 login"),
    "showcase:photo_add": P(("accepted_a",), get=NOT_GET, post="ok 403 404 403 404 403 login"),
    "showcase:moderation": P(),
    "showcase:moderate": P(("feedback",), get=NOT_GET, post="ok ok 404 404 404 403 login"),
    # --- insights and open data
    "insights:dashboard": P(get="ok ok ok 403 403 ok login"),
    "open_data:index": P(get=ALL_OK),
    "open_data:csv": P(("dataset",), get=ALL_OK),
    "open_data:json": P(("dataset",), get=ALL_OK),
    # --- documents
    "documents:units_sheet": P(("xlsx",)),
    "documents:review_sheet": P(("campaign", "xlsx"), get="ok 403 403 403 403 ok login"),
    "documents:reporting_sheet": P(("campaign", "csv")),
    "documents:initiatives_xlsx": P(),
    "documents:initiatives_csv": P(),
    # A campaign's statistics, as the dashboard: not for those who are only survey members.
    "documents:statistics_xlsx": P(("campaign",), get="ok ok ok 403 403 ok login"),
    "documents:statistics_csv": P(("campaign", "table"), get="ok ok ok 403 403 ok login"),
    "documents:report_docx": P(("campaign",), get="ok 403 403 403 403 ok login"),
    "documents:proposal_docx": P(("campaign",), get="ok 403 403 403 403 ok login"),
    "documents:achievement_docx": P(("accepted_a",), get="ok ok 404 403 404 403 login"),
    "documents:import_start": P(get="ok ok ok 403 403 403 login"),
    "documents:import_template_xlsx": P(get="ok ok ok 403 403 403 login"),
    "documents:import_template_csv": P(get="ok ok ok 403 403 403 login"),
    "documents:import_preview": P(("import_batch",), get="ok ok 404 403 403 403 login"),  # officer A's upload
    "documents:import_apply": P(("import_batch",), get=NOT_GET, post="ok ok 404 403 403 403 login"),
    # --- the API's own pages (its operations are in API_MATRIX)
    "api:api-root": P(get="404 404 404 404 404 404 404"),
    "api:openapi-json": P(get=ALL_OK),
    "api:openapi-view": P(get=ALL_OK),
}

# Rules for whole families of routes, rather than silently skipping them.
# - The admin site: for people who are not staff (every persona; the bloc administrator is an application role,
#   not a Django staff account), every admin page sends to the admin's login page, GET or POST; the exceptions are
#   listed. Object ids in admin URLs are filled with 1.
# - No static or media route exists: whitenoise serves static files, uploaded files are served only by the
#   download views above. Should one be routed, it is a new route without an entry, and fails.
# - The benchmark page (bench/bare/) is routed only when settings.DANVAN_BENCH is on (`make bench`); it is then
#   public. Under the tests' settings it is not routed, and answers 404 to everyone.
ADMIN_CATCH_ALL = "admin/(?P<url>.*)$"
ADMIN_SAMPLE_URLS = {"admin:app_list": "/admin/orgs/", ADMIN_CATCH_ALL: "/admin/no-such-page/"}
ADMIN_RULE = P(get="alogin " * 7, post=SAME)
ADMIN_EXCEPTIONS = {
    "admin:login": P(get=ALL_OK),
    # Sent to the admin's index (which sends on to its login page), GET or POST.
    "admin:logout": P(get=ALL_OK),
}
BENCH = ("bench_bare", "bench/bare/")


# --- The matrix of API operations ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """One call of an API operation: the path filled from `refs`, a JSON body (or a multipart form), the statuses."""

    path: str
    expect: str
    json: dict | None = None
    form: dict | None = None


C = Call
API_OK = "200 200 200 200 200 200 401"
PUBLIC = "200 200 200 200 200 200 200"
STATISTICS = "200 200 200 403 403 200 401"  # a campaign's statistics, as the dashboard: not for survey members only

API_MATRIX: dict[str, Call | tuple[Call, ...]] = {
    # Statuses, in columns: admin, officer_a, officer_b, survey_1, survey_2, leader, anonymous.
    "GET /campaigns": C("/campaigns", API_OK),
    "GET /campaigns/{campaign_id}": C("/campaigns/{campaign}", API_OK),
    "GET /campaigns/{campaign_id}/summary": C("/campaigns/{campaign}/summary", STATISTICS),
    "GET /campaigns/{campaign_id}/rubric": C("/campaigns/{campaign}/rubric", API_OK),
    "GET /initiatives": C("/initiatives", API_OK),
    "GET /initiatives/{initiative_id}": C("/initiatives/{accepted_a}", "200 200 404 200 404 200 401"),
    "GET /reports": C("/reports", API_OK),
    "POST /reports": C(
        "/reports",
        "200 200 404 403 404 403 401",
        json={
            "initiative": "{accepted_a}",
            "period": "{running}",
            "activities": "Trực một cửa mỗi sáng thứ Bảy.",
            "version": "{report_version}",
        },
    ),
    "GET /reports/{report_id}": C("/reports/{report_sent}", "200 200 404 200 404 200 401"),
    "GET /indicator-values": C("/indicator-values", API_OK),
    "GET /campaigns/{campaign_id}/reporting": C("/campaigns/{campaign}/reporting", API_OK),
    "GET /teams": C("/teams", API_OK),
    "GET /teams/{team_id}": C("/teams/{team_1}", "200 404 404 200 404 200 401"),
    "GET /assignments": C("/assignments", API_OK),
    "GET /assessments": C("/assessments", API_OK),
    "POST /assessments": (
        C(
            "/assessments",
            "403 403 404 200 404 403 401",
            json={"initiative": "{accepted_a2}", "kind": "member", "version": 0},
        ),
        C(
            "/assessments",
            "200 200 404 403 404 403 401",
            json={"initiative": "{accepted_a2}", "kind": "self", "version": 0},
        ),
    ),
    "GET /campaigns/{campaign_id}/review": C("/campaigns/{campaign}/review", "200 403 403 403 403 200 401"),
    # Only the bloc's reviewers decide; its readers (the leader) and those who see the initiative get 403.
    "POST /initiatives/{initiative_id}/result": C(
        "/initiatives/{accepted_a}/result",
        "200 403 404 403 404 403 401",
        json={
            "result": "exemplary",
            "reason": "Hiệu quả rõ, người dân đánh giá cao.",
            "expected_version": "{accepted_a_version}",
        },
    ),
    "GET /commendations": C("/commendations", API_OK),
    # Only the bloc's reviewers record a decision: others who see the campaign get 403 before any initiative is read.
    "POST /commendations": C(
        "/commendations",
        "201 403 403 403 403 403 401",
        json={
            "campaign": "{campaign}",
            "number": "126-QĐ/ĐUK",
            "issued_on": "{yesterday}",
            "issuer": "Ban Thường vụ Đảng ủy Khối",
            "form": "merit",
            "title": "Về việc khen thưởng mô hình tiêu biểu",
            "signer_name": "Lê Văn Thành",
            "signer_title": "Phó Bí thư Thường trực",
            "entries": [{"initiative": "{accepted_a}"}],
        },
    ),
    "GET /commendations/{commendation_id}": C("/commendations/{commendation}", API_OK),
    "GET /replications": C("/replications", API_OK),
    # Unit B adopts A's published exemplary initiative. Officer A and the survey members do not see unit B (404).
    # The read-only leader registers for no unit: 403.
    "POST /initiatives/{initiative_id}/replicate": C(
        "/initiatives/{accepted_a}/replicate",
        "201 404 201 404 404 403 401",
        json={"campaign": "{campaign}", "unit": "{unit_b}"},
    ),
    "GET /showcase": C("/showcase", PUBLIC),
    "GET /showcase/{entry_id}": C("/showcase/{entry}", PUBLIC),
    "POST /showcase/{entry_id}/feedback": C(
        "/showcase/{entry}/feedback", "202 202 202 202 202 202 202", json={"rating": 4, "comment": "Rất thiết thực."}
    ),
    "GET /feedback": C("/feedback", API_OK),
    "POST /feedback/{feedback_id}/moderate": C(
        "/feedback/{feedback}/moderate",
        "200 200 404 404 404 403 401",
        json={"approve": False, "reason": "Trùng với ý kiến đã đăng."},
    ),
    "GET /campaigns/{campaign_id}/report.docx": C("/campaigns/{campaign}/report.docx", "200 403 403 403 403 200 401"),
    "GET /campaigns/{campaign_id}/statistics.xlsx": C("/campaigns/{campaign}/statistics.xlsx", STATISTICS),
    "GET /initiatives.xlsx": C("/initiatives.xlsx", API_OK),
    "GET /open/statistics": C("/open/statistics", PUBLIC),
    "GET /open/statistics/fields": C("/open/statistics/fields", PUBLIC),
    "POST /imports": C("/imports", "201 201 201 403 403 403 401", form={"campaign": "{campaign}"}),
    "GET /imports/{import_id}": C("/imports/{import_batch}", "200 200 404 403 403 403 401"),
    # Allowed for its uploader and the bloc, but the previewed file has no rows: 400, nothing to apply.
    "POST /imports/{import_id}/apply": C("/imports/{import_batch}/apply", "400 400 404 403 403 403 401"),
}
# Every other method of an API path (PUT, PATCH, DELETE included: the API has none) is a 405 for everyone.
API_METHODS = ("get", "post", "put", "patch", "delete")


# --- Enumeration ----------------------------------------------------------------------------------------------------


def routes() -> list[tuple[str, str]]:
    """(key, route) of every URL pattern: the key is its namespaced name, or its route when it has no name."""

    def walk(patterns, prefix: str, namespace: str):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(
                    p.url_patterns, prefix + str(p.pattern), namespace + (f"{p.namespace}:" if p.namespace else "")
                )
            else:
                route = prefix + str(p.pattern)
                yield (f"{namespace}{p.name}" if p.name else route), route

    return list(walk(get_resolver().url_patterns, "", ""))


def api_paths() -> dict[str, set[str]]:
    """The API's paths (under /api/v1) and their methods, from its OpenAPI description."""
    return {path: set(item) for path, item in api.get_openapi_schema(path_prefix="").get("paths", {}).items()}


def api_route_path(route: str) -> str | None:
    """The API path ("/teams/{team_id}") a URL pattern of the API ("api/v1/teams/<team_id>") serves."""
    if not route.startswith("api/v1/"):
        return None
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route.removeprefix("api/v1/"))


def is_admin(key: str, route: str) -> bool:
    return key.startswith("admin:") or route.startswith("admin/")


def coverage_problems() -> list[str]:
    found = routes()
    keys = {key for key, _route in found}
    paths = api_paths()
    problems = []
    for key, route in found:
        if key in PAGES or is_admin(key, route) or key == BENCH[0]:
            continue
        if api_route_path(route) in paths:
            continue  # an API operation: in API_MATRIX
        problems.append(f"URL pattern {key!r} ({route}) has no entry in the access matrix (PAGES)")
    problems += [
        f"PAGES has an entry for {key!r}, which is no URL pattern any more" for key in PAGES if key not in keys
    ]
    problems += [
        f"The admin rule names {key!r}, which is no admin URL pattern"
        for key in [*ADMIN_EXCEPTIONS, *ADMIN_SAMPLE_URLS]
        if key not in keys
    ]
    operations = {f"{method.upper()} {path}" for path, methods in paths.items() for method in methods}
    problems += [f"API operation {op!r} has no entry in API_MATRIX" for op in sorted(operations - set(API_MATRIX))]
    problems += [
        f"API_MATRIX has an entry for {op!r}, which the API no longer has" for op in API_MATRIX.keys() - operations
    ]
    return problems


def test_every_url_pattern_and_api_operation_has_an_entry_in_the_matrix():
    assert not coverage_problems(), "\n".join(coverage_problems())


# --- The world -----------------------------------------------------------------------------------------------------


def pdf_file(name: str = "minh-chung.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf("Minh chung"), content_type="application/pdf")


def png_file(name: str = "anh.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png((20, 120, 60), 16, 16), content_type="image/png")


@pytest.fixture
def mx(world):
    """Unit A's objects at every stage, reached through the services, and an API token per persona.

    returned_a (returned to the unit, with an attachment); accepted_a (accepted with an attachment, visited by
    survey team 1, scored by its member and by the team, self-assessed by unit A, two reports: one sent with
    evidence, one returned to the unit with evidence; an inspection of unit A; decided exemplary, shortlisted,
    published on the showcase with a photo and a citizen's feedback, commended); accepted_a2 (accepted, visited by
    team 1, not scored); accepted_b (unit B's, visited by survey team 2); an import previewed by officer A."""
    User = get_user_model()
    admin, officer_a, surveyor = world.admin, world.officer_a, world.surveyor
    surveyor_2 = User.objects.create_user(username="surveyor_2", password="Mat-khau-dai-123", email="s2@test.vn")
    membership_grant(user=surveyor_2, organization=world.partner, role=Membership.Role.SURVEYOR, by=None)
    today = timezone.localdate()
    past, running = campaign_periods(
        world, (-90, -31, -20), (-30, 30, 40), quota_max=6, launch_document_file=pdf_file("ke-hoach.pdf")
    )
    campaign = running.campaign  # as the update left it

    returned_a = world.make(world.unit_a, officer_a, "Tổ hòa giải Alpha", submit=True)
    returned_a = initiatives.initiative_return(initiative=returned_a, by=admin, comment="Bổ sung chỉ tiêu.")
    attachment_returned = initiatives.attachment_add(initiative=returned_a, by=officer_a, upload=pdf_file())

    def accepted(unit, by, title, *, attach=False):
        draft = world.make(unit, by, title)
        attachment = initiatives.attachment_add(initiative=draft, by=by, upload=pdf_file()) if attach else None
        submitted = initiatives.initiative_submit(initiative=draft, by=by)
        return initiatives.initiative_accept(initiative=submitted, by=admin), attachment

    accepted_a, attachment_accepted = accepted(world.unit_a, officer_a, "Dân vận chính quyền Alpha", attach=True)
    accepted_a2, _none = accepted(world.unit_a, officer_a, "Sáng thứ Bảy xanh Alpha")
    accepted_b, _none = accepted(world.unit_b, world.officer_b, "Ngày hội đoàn kết Beta")

    team_1 = team_create(campaign=campaign, by=admin, name="Đoàn số 1", members=[surveyor], leader=surveyor)
    team_2 = team_create(campaign=campaign, by=admin, name="Đoàn số 2", members=[surveyor_2], leader=surveyor_2)
    assignments_add(team=team_1, by=admin, initiatives=[accepted_a, accepted_a2])
    assignments_add(team=team_2, by=admin, initiatives=[accepted_b])

    K = Assessment.Kind
    scores = {c.pk: ScoreInput(str(c.max_score)) for c in criteria_for(accepted_a)}
    member = assessment_save(initiative=accepted_a, by=surveyor, kind=K.MEMBER, scores=scores)
    assessment_photo = photo_add(assessment=member, by=surveyor, upload=png_file())
    assessment_submit(assessment=member, by=surveyor)
    team_assessment = assessment_save(initiative=accepted_a, by=surveyor, kind=K.TEAM, scores=scores)
    team_assessment = assessment_submit(assessment=team_assessment, by=surveyor)
    self_assessment = assessment_save(
        initiative=accepted_a, by=officer_a, kind=K.SELF, scores=scores, report_file=pdf_file("tu-danh-gia.pdf")
    )
    self_assessment = assessment_submit(assessment=self_assessment, by=officer_a)

    def report(period, *, returned: bool):
        r = progress.report_save(initiative=accepted_a, period=period, by=officer_a, activities="Trực một cửa.")
        evidence = progress.evidence_add(report=r, by=officer_a, upload=pdf_file())
        r = progress.report_submit(report=r, by=officer_a)
        if returned:
            r = progress.report_return(report=r, by=admin, comment="Bổ sung số liệu.")
        return r, evidence

    report_sent, evidence_sent = report(past, returned=False)
    report_returned, evidence_returned = report(running, returned=True)
    inspection = progress.inspection_record(
        campaign=campaign,
        unit=world.unit_a,
        by=admin,
        held_on=today - DAY,
        inspectors="Đồng chí Trần Văn Kiểm",
        findings="Thực hiện nghiêm túc.",
        requests=[("Bổ sung ảnh hoạt động.", today + 10 * DAY)],
    )

    reason = "Hiệu quả rõ, người dân đánh giá cao."
    exemplary = Initiative.Result.EXEMPLARY
    accepted_a = recognition.result_decide(initiative=accepted_a, by=admin, result=exemplary, reason=reason)
    shortlist_entry = recognition.shortlist_add(
        initiative=accepted_a, by=admin, round=1, proposed_result=exemplary, reason=reason
    )
    entry = showcase.showcase_save(
        initiative=accepted_a, by=admin, publish=True, headline=accepted_a.title, summary="Một cửa thân thiện."
    )
    showcase_photo = showcase.showcase_photo_add(entry=entry, by=admin, upload=png_file())
    feedback = showcase.feedback_submit(entry=entry, rating=5, comment="Cán bộ tận tình.", address="203.0.113.7")
    commendation = recognition.commendation_create(
        campaign=campaign,
        by=admin,
        number="125-QĐ/ĐUK",
        issued_on=today - DAY,
        issuer="Ban Thường vụ Đảng ủy Khối",
        form=Commendation.Form.CERTIFICATE,
        title="Về việc khen thưởng mô hình tiêu biểu",
        signer_name="Lê Văn Thành",
        signer_title="Phó Bí thư Thường trực",
        entries=[recognition.EntryInput(initiative=accepted_a, citation="Thành tích xuất sắc.")],
    )
    import_batch = import_preview(campaign=campaign, name="mo-hinh.csv", content=template_csv().encode(), by=officer_a)

    users = {
        "admin": admin,
        "officer_a": officer_a,
        "officer_b": world.officer_b,
        "survey_1": surveyor,
        "survey_2": surveyor_2,
        "leader": world.leader,
        "anonymous": None,
    }
    tokens = {name: api_token_create(user=u, name="Kiểm tra quyền", by=u) for name, u in users.items() if u}
    objects = {
        "unit_a": world.unit_a,
        "unit_b": world.unit_b,
        "membership_a": Membership.objects.get(user=officer_a, organization=world.unit_a),
        "token_a": tokens["officer_a"][0],
        "campaign": campaign,
        "running": running,
        "submitted_a": world.submitted_a,
        "returned_a": returned_a,
        "accepted_a": accepted_a,
        "accepted_a2": accepted_a2,
        "accepted_b": accepted_b,
        "draft_b": world.draft_b,
        "attachment_returned": attachment_returned,
        "attachment_accepted": attachment_accepted,
        "report_sent": report_sent,
        "report_returned": report_returned,
        "evidence_sent": evidence_sent,
        "evidence_returned": evidence_returned,
        "inspection": inspection,
        "inspection_request": inspection.requests.get(),
        "team_1": team_1,
        "assignment_1": Assignment.objects.get(team=team_1, initiative=accepted_a),
        "team_assessment": team_assessment,
        "self_assessment": self_assessment,
        "assessment_photo": assessment_photo,
        "shortlist_entry": shortlist_entry,
        "entry": entry,
        "showcase_photo": showcase_photo,
        "feedback": feedback,
        "commendation": commendation,
        "commendation_entry": commendation.entries.get(),
        "import_batch": import_batch,
    }
    refs: dict[str, object] = {name: obj.pk for name, obj in objects.items()}
    refs.update(round=1, xlsx="xlsx", csv="csv", table="by_field", dataset="statistics", yesterday=str(today - DAY))
    # The versions an API client read before saving (0: no report yet).
    refs["accepted_a_version"] = Initiative.objects.get(pk=accepted_a.pk).version
    refs["report_version"] = (
        ProgressReport.objects.filter(initiative=accepted_a, period=running).values_list("version", flat=True).first()
        or 0
    )
    return SimpleNamespace(users=users, tokens={name: raw for name, (_t, raw) in tokens.items()}, refs=refs)


# --- Asking ---------------------------------------------------------------------------------------------------------


def fill(value, refs: dict):
    """`value` with every "{name}" replaced by refs[name] (a whole "{name}" keeps the value's type)."""
    if isinstance(value, str):
        whole = re.fullmatch(r"\{(\w+)\}", value)
        return refs[whole.group(1)] if whole else value.format(**refs)
    if isinstance(value, dict):
        return {k: fill(v, refs) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, refs) for v in value]
    return value


LOGIN_NEXT = "/accounts/login/?next="
ADMIN_LOGIN = "/admin/login/"


def answer(response, *, exact: bool = False) -> str:
    """The response as the matrix writes it."""
    code = response.status_code
    if exact:
        return str(code)
    if code in (301, 302, 303):
        location = response["Location"]
        if location.startswith(LOGIN_NEXT):
            return "login"
        if location.startswith(ADMIN_LOGIN):
            return "alogin"
        return "ok"
    return "ok" if code in (200, 204, 400) else str(code)


def ask(client: Client, method: str, url: str, *, exact: bool = False, **kwargs) -> str:
    """One request in a savepoint rolled back after it, so that it changes nothing for the next."""
    try:
        with transaction.atomic():
            response = getattr(client, method)(url, **kwargs)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)  # a download is built while it is read (the client closes it)
            # No response.close() here: the client has closed it, and closing again sends request_finished, whose
            # close_old_connections closes a connection found inside a transaction (PostgreSQL's, not SQLite's
            # in-memory one), and with it the test's.
            transaction.set_rollback(True)
    except Exception as exc:  # a crash is reported with its route, and the other routes are still asked
        return f"raised {type(exc).__name__}: {exc}"
    finally:
        forget_pages()
    return answer(response, exact=exact)


def expected(spec: str, persona: str) -> str:
    columns = spec.split()
    assert len(columns) == len(PERSONAS), f"{spec!r} must give one answer per persona"
    return columns[PERSONAS.index(persona)]


def page_url(key: str, route: str, page: Page, refs: dict) -> str:
    if is_admin(key, route):
        return ADMIN_SAMPLE_URLS.get(key) or "/" + re.sub(r"<[^>]+>", "1", route)
    url = reverse(key, args=[refs[a] for a in page.args])
    return f"{url}?{page.query.format(**refs)}" if page.query else url


@pytest.mark.parametrize("persona", PERSONAS)
def test_access_matrix(persona, mx):
    user = mx.users[persona]
    client = Client()
    problems: list[str] = []

    def check(what: str, spec: str, got: str) -> None:
        want = expected(spec, persona)
        if got != want:
            problems.append(f"{what}: expected {want}, got {got}")

    for key, route in routes():
        if key == BENCH[0]:
            continue  # routed only in benchmark mode: checked below
        if is_admin(key, route):
            entries: tuple[Page, ...] = (ADMIN_EXCEPTIONS.get(key, ADMIN_RULE),)
        elif key in PAGES:
            entry = PAGES[key]
            entries = entry if isinstance(entry, tuple) else (entry,)
        else:
            continue  # an API operation (below), or a route missing from the matrix (the test above)
        for page in entries:
            url = page_url(key, route, page, mx.refs)
            for method, spec in (("get", page.get), ("post", page.get if page.post == SAME else page.post)):
                if user is not None:
                    client.force_login(user)  # again each time: a page may sign out or change the session
                check(f"{method.upper()} {key} {url}", spec, ask(client, method, url, data=fill(page.data, mx.refs)))

    bench = "ok " * 7 if settings.DANVAN_BENCH else "404 " * 7
    check(f"GET {BENCH[0]} /{BENCH[1]}", bench, ask(client, "get", "/" + BENCH[1]))

    api_client = Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {mx.tokens[persona]}"} if user else {}
    for path, methods in api_paths().items():
        for method in API_METHODS:
            op = f"{method.upper()} {path}"
            # An undeclared method: its path filled with ids of 1 (it is refused before anything is read).
            calls = API_MATRIX.get(op) if method in methods else C(re.sub(r"\{\w+\}", "1", path), "405 " * 7)
            if calls is None:
                continue  # missing from the matrix: the test above names it
            for call in calls if isinstance(calls, tuple) else (calls,):
                url = "/api/v1" + fill(call.path, mx.refs)
                kwargs: dict = {}
                if call.json is not None:
                    kwargs = {"data": fill(call.json, mx.refs), "content_type": "application/json"}
                elif call.form is not None:
                    kwargs = {
                        "data": {
                            **fill(call.form, mx.refs),
                            "file": SimpleUploadedFile("mo-hinh.csv", template_csv().encode()),
                        }
                    }
                got = ask(api_client, method, url, exact=True, **headers, **kwargs)
                check(f"{op} {url}", call.expect, got)

    assert not problems, f"{len(problems)} answers differ from the access matrix for {persona}:\n" + "\n".join(problems)
