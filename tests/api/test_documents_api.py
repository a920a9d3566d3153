"""Files through the API: the statistics workbook, the initiative list as XLSX with the list's filters, and the
year-end report for those who sign it; all in the OpenAPI document."""

import io

import pytest
from openpyxl import load_workbook

from danvan.api.services import api_token_create
from danvan.initiatives.models import Initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def get(client):
    tokens: dict[int, str] = {}

    def call(user, path):
        headers = {}
        if user is not None:
            if user.pk not in tokens:
                tokens[user.pk] = api_token_create(user=user, name="test", by=user)[1]
            headers = {"HTTP_AUTHORIZATION": f"Bearer {tokens[user.pk]}"}
        return client.get(f"/api/v1{path}", **headers)

    return call


def test_openapi_lists_the_file_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for p in (
        "/api/v1/campaigns/{campaign_id}/report.docx",
        "/api/v1/campaigns/{campaign_id}/statistics.xlsx",
        "/api/v1/initiatives.xlsx",
        "/api/v1/open/statistics",
    ):
        assert p in paths, p


def test_initiatives_xlsx_with_filters(world, get):
    response = get(world.admin, f"/initiatives.xlsx?campaign={world.campaign.pk}&stage=registered")
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    ids = [r[0] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert ids == list(Initiative.objects.filter(campaign=world.campaign).registered().values_list("pk", flat=True))
    bad = get(world.admin, "/initiatives.xlsx?stage=khong-co")
    assert bad.status_code == 400 and bad.json()["field"] == "stage"
    assert get(None, "/initiatives.xlsx").status_code == 401


def test_statistics_xlsx_and_access(world, get):
    ok = get(world.officer_a, f"/campaigns/{world.campaign.pk}/statistics.xlsx")
    assert ok.status_code == 200
    assert b"".join(ok.streaming_content)[:2] == b"PK"
    assert get(world.admin, "/campaigns/999999/statistics.xlsx").status_code == 404


def test_report_docx_is_for_those_who_sign_it(world, get):
    response = get(world.admin, f"/campaigns/{world.campaign.pk}/report.docx")
    assert response.status_code == 200
    assert response.content[:2] == b"PK"
    assert get(world.leader, f"/campaigns/{world.campaign.pk}/report.docx").status_code == 200
    assert get(world.officer_a, f"/campaigns/{world.campaign.pk}/report.docx").status_code == 403
    assert get(None, f"/campaigns/{world.campaign.pk}/report.docx").status_code == 401
