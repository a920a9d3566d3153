"""The import through the REST API: POST a file for a preview, read it, apply it (all or nothing)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.api.services import api_token_create
from danvan.documents.models import ImportBatch
from danvan.initiatives.models import Initiative
from tests.documents.sheetfiles import PDF, csv_bytes, row, xlsx


@pytest.fixture
def api(client):
    tokens: dict = {}

    def call(method: str, user, path: str, data=None):
        if user.pk not in tokens:
            tokens[user.pk] = api_token_create(user=user, name="test", by=user)[1]
        headers = {"HTTP_AUTHORIZATION": f"Bearer {tokens[user.pk]}"}
        if method == "get":
            return client.get(f"/api/v1{path}", **headers)
        return client.post(f"/api/v1{path}", data or {}, **headers)

    return call


def send(api, user, world, content: bytes, name: str = "dang-ky.xlsx"):
    return api("post", user, "/imports", {"campaign": world.campaign.pk, "file": SimpleUploadedFile(name, content)})


def test_preview_then_apply_then_apply_again(world, api):
    rows = [row("A", "Mô hình qua API"), row("A1", "Mô hình chi bộ qua API")]
    before = Initiative.objects.count()
    response = send(api, world.officer_a, world, xlsx(rows))
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["row_count"], body["create_count"], body["error_count"]) == ("previewed", 2, 2, 0)
    assert body["can_apply"] is True and Initiative.objects.count() == before

    assert api("get", world.officer_a, f"/imports/{body['id']}").json()["id"] == body["id"]
    applied = api("post", world.officer_a, f"/imports/{body['id']}/apply")
    assert applied.status_code == 200
    result = applied.json()
    created = Initiative.objects.filter(title__in=[r[1] for r in rows])
    assert result["created_count"] == len(rows) == created.count()
    assert sorted(result["created_ids"]) == sorted(created.values_list("pk", flat=True))

    again = api("post", world.officer_a, f"/imports/{body['id']}/apply")
    assert again.status_code == 200 and again.json()["created_ids"] == result["created_ids"]
    assert Initiative.objects.count() == before + len(rows)


def test_problems_by_row_and_column_and_apply_refused_with_400(world, api):
    content = csv_bytes([row("A", "Một"), row("A", "Hai", **{"Ngày bắt đầu": "31/02/2017"})])
    body = send(api, world.officer_a, world, content, name="dang-ky.csv").json()
    assert body["error_count"] == 1 and body["can_apply"] is False
    [problem] = [p for p in body["problems"] if p["level"] == "error"]
    assert (problem["row"], problem["column"], problem["cell"]) == (3, "Ngày bắt đầu", "L3")
    before = Initiative.objects.count()
    refused = api("post", world.officer_a, f"/imports/{body['id']}/apply")
    assert refused.status_code == 400
    assert [(p["row"], p["column"]) for p in refused.json()["problems"]] == [(3, "Ngày bắt đầu")]
    assert Initiative.objects.count() == before


def test_a_file_that_is_not_a_sheet_is_a_refused_preview(world, api):
    body = send(api, world.officer_a, world, PDF).json()
    assert body["status"] == "refused" and "PDF" in body["problems"][0]["message"]
    assert api("post", world.officer_a, f"/imports/{body['id']}/apply").status_code == 400


def test_another_users_import_is_404_and_a_leader_gets_403(world, api):
    body = send(api, world.officer_a, world, xlsx([row("A", "Mô hình")])).json()
    assert api("get", world.officer_b, f"/imports/{body['id']}").status_code == 404
    assert api("post", world.officer_b, f"/imports/{body['id']}/apply").status_code == 404
    assert send(api, world.leader, world, xlsx([row("A", "Mô hình")])).status_code == 403
    assert ImportBatch.objects.get(pk=body["id"]).status == "previewed"
    assert not Initiative.objects.filter(title="Mô hình").exists()


def test_the_imports_are_in_the_openapi_document(world, client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "post" in paths["/api/v1/imports"]
    assert "get" in paths["/api/v1/imports/{import_id}"]
    assert "post" in paths["/api/v1/imports/{import_id}/apply"]
    body = paths["/api/v1/imports"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in body
