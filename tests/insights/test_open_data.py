"""Open data: the totals of finished campaigns and the public showcase, for anyone, as CSV, JSON and API; no
drafts counted, nothing of a running campaign, every documented field present."""

import csv
import io

import pytest
from django.urls import reverse

from danvan.campaigns.services import campaign_close
from danvan.initiatives.models import Initiative
from danvan.initiatives.services import initiative_accept
from danvan.insights import open_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(world):
    initiative_accept(initiative=world.submitted_a, by=world.admin)
    world.make(world.unit_b, world.officer_b, "Mô hình Beta đã gửi", submit=True, kind="individual")
    campaign_close(campaign=world.campaign, by=world.admin)
    return world


def test_nothing_is_published_while_the_campaign_runs(world, client):
    assert client.get("/api/v1/open/statistics").json() == []
    body = client.get(reverse("open_data:index")).content.decode()
    assert "Chưa có đợt phát động nào kết thúc" in body


def test_totals_of_a_finished_campaign_without_drafts(closed, client):
    c = closed.campaign
    sent = Initiative.objects.filter(campaign=c).registered()
    drafts = Initiative.objects.filter(campaign=c, status="draft").count()
    assert drafts > 0  # the world has drafts, and they must not be counted
    rows = client.get("/api/v1/open/statistics").json()
    assert len(rows) == 1
    row = rows[0]
    assert set(row) == {f.name for f in open_data.STATISTICS_FIELDS}
    assert row["initiatives"] == sent.count()
    assert (row["collective"], row["individual"]) == (
        sent.filter(kind="collective").count(),
        sent.filter(kind="individual").count(),
    )
    assert row["units_registered"] == len({i.unit.base_id for i in sent.select_related("unit")})

    response = client.get(reverse("open_data:csv", args=["statistics"]))
    assert response["Access-Control-Allow-Origin"] == "*"
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = list(csv.DictReader(io.StringIO(text)))
    assert lines[0]["initiatives"] == str(row["initiatives"])

    fields = client.get(reverse("open_data:json", args=["statistics_fields"])).json()
    first = c.fields.get(pk=closed.field_ids[0])
    counted = {r["field_code"]: r["initiatives"] for r in fields["rows"]}
    assert counted[first.code] == sent.filter(fields=first).count()
    assert fields["fields"] == [f.name for f in open_data.FIELD_STATISTICS_FIELDS]


def test_showcase_dataset_shows_only_published_entries(world, client):
    from danvan.recognition.services import result_decide
    from danvan.showcase.services import showcase_save

    star = initiative_accept(initiative=world.submitted_a, by=world.admin)
    star = result_decide(initiative=star, by=world.admin, result="exemplary", reason="Vượt chỉ tiêu.")
    showcase_save(initiative=star, by=world.admin, publish=False, headline="Chưa công khai", summary="Bản nháp.")
    assert client.get(reverse("open_data:json", args=["showcase"])).json()["rows"] == []
    showcase_save(initiative=star, by=world.admin, publish=True, headline="Trợ giúp pháp lý", summary="Tư vấn.")
    data = client.get(reverse("open_data:json", args=["showcase"])).json()
    assert [r["title"] for r in data["rows"]] == ["Trợ giúp pháp lý"]
    assert set(data["rows"][0]) == {f.name for f in open_data.SHOWCASE_FIELDS}
    text = b"".join(client.get(reverse("open_data:csv", args=["showcase"])).streaming_content).decode("utf-8-sig")
    assert "Trợ giúp pháp lý" in text and world.draft_a.title not in text


def test_unknown_dataset_is_not_found(client, db):
    assert client.get("/open-data/khong-co.json").status_code == 404
