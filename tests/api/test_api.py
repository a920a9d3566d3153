"""REST API v1: bearer tokens, the same access rules as the pages, figures from insights."""

import pytest

from danvan.api.services import api_token_create, api_token_revoke
from danvan.initiatives import services


@pytest.fixture
def api(client):
    def call(user, path, token=None):
        if token is None and user is not None:
            _row, token = api_token_create(user=user, name="test", by=user)
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        return client.get(f"/api/v1{path}", **headers)

    return call


def test_no_token_is_401_with_a_message(world, api):
    response = api(None, "/campaigns")
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]


def test_revoked_token_no_longer_works(world, api):
    row, raw = api_token_create(user=world.admin, name="x", by=world.admin)
    assert api(None, "/campaigns", token=raw).status_code == 200
    api_token_revoke(token=row, by=world.admin)
    assert api(None, "/campaigns", token=raw).status_code == 401


def test_campaigns_list_gives_id_year_name(world, api):
    rows = api(world.admin, "/campaigns").json()
    assert [(r["id"], r["year"], r["name"]) for r in rows] == [
        (world.campaign.pk, world.campaign.year, "Đợt thử nghiệm")
    ]
    assert api(world.surveyor, "/campaigns").json() == []


def test_summary_counts_units_and_registrations(world, api):
    services.initiative_accept(initiative=world.submitted_a, by=world.admin)
    world.make(world.unit_b, world.officer_b, "Beta cá nhân", submit=True, kind="individual")
    s = api(world.admin, f"/campaigns/{world.campaign.pk}/summary").json()
    # Base organisations only: A, B and C; not the bloc, the partner or the cell A1.
    assert s["units_total"] == 3
    # A (through its cell's initiative) and B have sent a registration; drafts do not count.
    assert s["units_registered"] == 2
    assert (s["initiatives"], s["collective"], s["individual"]) == (2, 1, 1)
    assert s["by_status"] == {"draft": 2, "submitted": 1, "returned": 0, "accepted": 1, "withdrawn": 0}
    assert {f["name"]: f["count"] for f in s["by_field"]} == {"Cải cách hành chính": 2, "An sinh xã hội": 0}


def test_summary_of_an_officer_covers_only_their_unit(world, api):
    s = api(world.officer_b, f"/campaigns/{world.campaign.pk}/summary").json()
    assert s["units_total"] == 1
    assert s["by_status"]["draft"] == 1


def test_initiatives_search_ignores_diacritics_and_case(world, api):
    rows = api(world.admin, f"/initiatives?campaign={world.campaign.pk}&q=TRO%20giup%20phap%20LY").json()["items"]
    assert [r["title"] for r in rows] == ["Trợ giúp pháp lý miễn phí"]
    rows = api(world.admin, "/initiatives?q=tr%E1%BB%A3%20gi%C3%BAp").json()["items"]  # "trợ giúp"
    assert [r["title"] for r in rows] == ["Trợ giúp pháp lý miễn phí"]


def test_initiatives_filters(world, api):
    def titles(query):
        return sorted(r["title"] for r in api(world.admin, f"/initiatives?{query}").json()["items"])

    assert titles("unit=A") == ["Một cửa thân thiện Alpha", "Trợ giúp pháp lý miễn phí"]  # includes its cell
    assert titles("status=submitted") == ["Trợ giúp pháp lý miễn phí"]
    assert titles("kind=individual") == []
    assert titles(f"field={world.field_ids[0]}&status=draft") == [
        "Một cửa thân thiện Alpha",
        "Ngày thứ Bảy tình nguyện Beta",
    ]


def test_list_rows_carry_unit_kind_fields_status_and_indicators(world, api):
    i = world.make(
        world.unit_b,
        world.officer_b,
        "Có chỉ tiêu",
        indicators=[services.IndicatorInput(name="Số người được giúp", unit_of_measure="người", target=800)],
    )
    row = next(r for r in api(world.admin, "/initiatives?unit=B").json()["items"] if r["id"] == i.pk)
    assert row["unit"]["code"] == "B" and row["kind"] == "collective" and row["status"] == "draft"
    assert row["fields"][0]["name"] == "Cải cách hành chính"
    assert row["indicators"][0]["name"] == "Số người được giúp" and float(row["indicators"][0]["target"]) == 800


def test_officer_never_sees_other_units_drafts(world, api):
    rows = api(world.officer_b, "/initiatives?status=draft").json()["items"]
    assert [r["title"] for r in rows] == ["Ngày thứ Bảy tình nguyện Beta"]
    assert api(world.officer_b, f"/initiatives/{world.draft_a.pk}").status_code == 404


def test_leader_sees_submitted_but_not_drafts(world, api):
    rows = api(world.leader, "/initiatives").json()["items"]
    assert [r["title"] for r in rows] == ["Trợ giúp pháp lý miễn phí"]
    assert api(world.leader, f"/initiatives/{world.draft_a.pk}").status_code == 404


def test_detail_has_registration_content(world, api):
    body = api(world.officer_cell, f"/initiatives/{world.submitted_a.pk}").json()
    assert body["beneficiaries"] == "Người dân, doanh nghiệp đến làm thủ tục."
    assert body["unit"]["name"] == "Chi bộ Trung tâm Alpha"


@pytest.mark.parametrize(
    ("query", "field"),
    [("unit=KHONG-CO", "unit"), ("field=KHONG-CO", "field"), ("status=lost", "status"), ("campaign=abc", "campaign")],
)
def test_bad_filters_answer_with_the_field_named(world, api, query, field):
    response = api(world.admin, f"/initiatives?{query}")
    assert response.status_code in (400, 422)
    assert response.json()["field"] == field


def test_unknown_campaign_is_404(world, api):
    assert api(world.admin, "/campaigns/999999/summary").status_code == 404
    assert api(world.surveyor, f"/campaigns/{world.campaign.pk}/summary").status_code == 404


def test_openapi_document_and_docs(world, client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/campaigns/{campaign_id}/summary" in spec["paths"]
    assert "/api/v1/initiatives" in spec["paths"]
    assert client.get("/api/v1/docs").status_code == 200


def test_docs_page_loads_nothing_from_the_internet(world, client):
    client.force_login(world.admin)
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "cdn." not in html and "https://" not in html.replace("https://swagger.io", "")


@pytest.mark.parametrize(
    ("who", "path", "status"),
    [
        ("admin", "/campaigns/{campaign}", 200),
        ("leader", "/campaigns/{campaign}", 200),
        ("officer_b", "/campaigns/{campaign}", 200),
        ("surveyor", "/campaigns/{campaign}", 404),
        ("admin", "/initiatives/{draft_a}", 200),
        ("officer_a", "/initiatives/{draft_a}", 200),
        ("officer_cell", "/initiatives/{draft_a}", 404),  # a cell does not see its parent unit's drafts
        ("officer_a", "/initiatives/{submitted_a}", 200),  # a unit sees its cells' initiatives
        ("officer_b", "/initiatives/{submitted_a}", 404),
        ("leader", "/initiatives/{submitted_a}", 200),
        ("surveyor", "/initiatives/{submitted_a}", 404),
    ],
)
def test_every_role_on_every_endpoint(world, api, who, path, status):
    url = path.format(campaign=world.campaign.pk, draft_a=world.draft_a.pk, submitted_a=world.submitted_a.pk)
    assert api(getattr(world, who), url).status_code == status


def test_session_login_also_reads_the_api(world, client):
    client.force_login(world.officer_b)
    assert client.get("/api/v1/initiatives").json()["count"] == 1
