"""REST API v1 of the year-end review and the public showcase: the board for the bloc only, results and
commendations under the same rules as the pages, replication by another unit, and an open showcase that
answers without login and never carries an internal field."""

import json

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from danvan.api.services import api_token_create
from danvan.demo.checking import png
from danvan.initiatives.models import Initiative
from danvan.initiatives.services import initiative_accept
from danvan.recognition.models import Commendation, Replication
from danvan.recognition.services import result_decide
from danvan.showcase.models import Feedback
from danvan.showcase.services import feedback_submit, showcase_photo_add, showcase_save


@pytest.fixture
def api(client):
    tokens: dict[int, str] = {}

    def call(user, path, payload=None):
        headers = {}
        if user is not None:
            if user.pk not in tokens:
                tokens[user.pk] = api_token_create(user=user, name="test", by=user)[1]
            headers = {"HTTP_AUTHORIZATION": f"Bearer {tokens[user.pk]}"}
        if payload is None:
            return client.get(f"/api/v1{path}", **headers)
        return client.post(f"/api/v1{path}", data=json.dumps(payload), content_type="application/json", **headers)

    return call


@pytest.fixture
def rv(world):
    """The cell A1's initiative accepted and exemplary, published with a photo; A's accepted and recognised."""
    star = initiative_accept(initiative=world.submitted_a, by=world.admin)
    star = result_decide(initiative=star, by=world.admin, result="exemplary", reason="Vượt mọi chỉ tiêu.")
    plain = world.make(world.unit_a, world.officer_a, "Tổ tư vấn thủ tục Alpha", submit=True)
    plain = initiative_accept(initiative=plain, by=world.admin)
    plain = result_decide(initiative=plain, by=world.admin, result="recognised", reason="Đạt yêu cầu.")
    entry = showcase_save(
        initiative=star,
        by=world.admin,
        publish=True,
        headline=star.title,
        summary="Trợ giúp pháp lý miễn phí tại xã.",
        implementers="Chi bộ Trung tâm Alpha.",
        beneficiaries="Người nghèo.",
        results="Hơn 800 người được trợ giúp.",
    )
    showcase_photo_add(
        entry=entry, by=world.admin, upload=ContentFile(png((10, 120, 60)), name="a.png"), caption="Buổi trợ giúp"
    )
    return world, star, plain, entry


def test_summary_counts_results_and_commendations(rv, api):
    world, star, plain, _entry = rv
    body = api(world.admin, f"/campaigns/{world.campaign.pk}/summary").json()
    decided = Initiative.objects.filter(campaign=world.campaign).exclude(result="")
    assert body["exemplary"] == decided.filter(result="exemplary").count() == 1
    assert body["recognised"] == decided.filter(result="recognised").count() == 1
    assert body["commended"] == 0 and body["replications"] == 0


def test_board_is_for_the_bloc_only(rv, api):
    world, star, plain, _entry = rv
    rows = api(world.admin, f"/campaigns/{world.campaign.pk}/review").json()
    assert {r["initiative"] for r in rows} == {star.pk, plain.pk}
    assert api(world.leader, f"/campaigns/{world.campaign.pk}/review").status_code == 200
    assert api(world.officer_a, f"/campaigns/{world.campaign.pk}/review").status_code == 403


def test_result_needs_a_reason_and_the_bloc(rv, api):
    world, star, plain, _entry = rv
    url = f"/initiatives/{plain.pk}/result"
    seen = api(world.admin, f"/initiatives/{plain.pk}").json()["version"]
    answer = api(world.admin, url, {"result": "exemplary", "reason": "  ", "expected_version": seen})
    assert answer.status_code == 400 and answer.json()["field"] == "reason"
    # An officer of the unit sees the initiative but does not decide it.
    assert (
        api(world.officer_a, url, {"result": "exemplary", "reason": "Tốt", "expected_version": seen}).status_code == 403
    )
    # Nor does a client that does not say which version it decided on.
    answer = api(world.admin, url, {"result": "exemplary", "reason": "Bổ sung minh chứng tốt."})
    assert answer.status_code == 422 and answer.json()["field"] == "payload.expected_version"
    assert "Thiếu" in answer.json()["detail"]
    plain.refresh_from_db()
    assert plain.result == "recognised"
    ok = api(world.admin, url, {"result": "exemplary", "reason": "Bổ sung minh chứng tốt.", "expected_version": seen})
    assert ok.status_code == 200 and ok.json()["result"] == "exemplary"


def test_commendation_rules_through_the_api(rv, api):
    world, star, plain, _entry = rv
    decision = {
        "campaign": world.campaign.pk,
        "number": "12-QĐ/ĐUK",
        "issued_on": str(timezone.localdate()),
        "issuer": "Ban Thường vụ Đảng ủy Khối",
        "form": "certificate",
        "title": "Về việc khen thưởng mô hình tiêu biểu",
        "signer_name": "Nguyễn Văn A",
        "signer_title": "Bí thư",
        "entries": [{"initiative": star.pk}, {"initiative": plain.pk}],
    }
    refused = api(world.admin, "/commendations", decision)
    assert refused.status_code == 400 and "tiêu biểu" in refused.json()["detail"]
    assert not Commendation.objects.exists()
    decision["entries"] = [{"initiative": star.pk}]
    made = api(world.admin, "/commendations", decision)
    assert made.status_code == 201
    assert made.json()["entries"][0]["honouree"] == star.unit.name
    again = api(world.admin, "/commendations", {**decision, "number": "12-qđ/đuk"})
    assert again.status_code == 400 and again.json()["field"] == "number"
    assert api(world.admin, f"/campaigns/{world.campaign.pk}/summary").json()["commended"] == 1
    # An officer of B reads the decision (it is published inside the bloc) but cannot record one.
    assert len(api(world.officer_b, f"/commendations?campaign={world.campaign.pk}").json()) == 1
    assert api(world.officer_b, "/commendations", {**decision, "number": "13-QĐ/ĐUK"}).status_code == 403
    assert Commendation.objects.count() == 1


def test_another_unit_adopts_a_published_exemplary_initiative(rv, api):
    world, star, plain, _entry = rv
    answer = api(
        world.officer_b, f"/initiatives/{star.pk}/replicate", {"campaign": world.campaign.pk, "unit": world.unit_b.pk}
    )
    assert answer.status_code == 201, answer.content
    copy = Initiative.objects.get(pk=answer.json()["replica"]["id"])
    assert copy.unit == world.unit_b and copy.status == Initiative.Status.DRAFT
    assert Replication.objects.get(copy=copy).original == star
    # A recognised (not exemplary) initiative of another unit is not even reachable for adoption.
    assert (
        api(
            world.officer_b,
            f"/initiatives/{plain.pk}/replicate",
            {"campaign": world.campaign.pk, "unit": world.unit_b.pk},
        ).status_code
        == 404
    )
    # Its own unit cannot "replicate" its own model.
    own = api(
        world.officer_a, f"/initiatives/{star.pk}/replicate", {"campaign": world.campaign.pk, "unit": world.unit_a.pk}
    )
    assert own.status_code == 400
    rows = api(world.admin, f"/replications?campaign={world.campaign.pk}").json()
    assert [(r["original"]["id"], r["replica"]["id"]) for r in rows] == [(star.pk, copy.pk)]


INTERNAL = ("score", "total", "reason", "note", "draft", "email", "password", "comment", "status", "version")


def test_showcase_answers_without_login_and_shows_nothing_internal(rv, api):
    world, star, plain, entry = rv
    feedback_submit(entry=entry, rating=5, comment="Cán bộ rất tận tình.", address="203.0.113.1")
    body = api(None, f"/showcase?campaign={world.campaign.pk}").json()
    rows = body["items"]
    assert [r["id"] for r in rows] == [entry.pk]
    assert rows[0]["photos"][0]["url"].startswith("http")
    assert rows[0]["feedback"] == {"count": 0, "average_rating": None}  # pending feedback is not counted
    text = json.dumps(rows).lower()
    assert not [k for k in INTERNAL if k in text]
    assert "Vượt mọi chỉ tiêu" not in json.dumps(rows, ensure_ascii=False)
    assert world.officer_a.email not in text
    detail = api(None, f"/showcase/{entry.pk}").json()
    assert detail["opinions"] == []
    # Unpublished: gone from the list and 404 on its own.
    showcase_save(initiative=star, by=world.admin, publish=False, headline=star.title, summary="x")
    assert api(None, f"/showcase?campaign={world.campaign.pk}").json()["items"] == []
    assert api(None, f"/showcase/{entry.pk}").status_code == 404


def test_feedback_through_the_api_is_checked_and_moderated(rv, api):
    world, star, plain, entry = rv
    script = api(None, f"/showcase/{entry.pk}/feedback", {"rating": 4, "comment": "<script>alert(1)</script>"})
    assert script.status_code == 400 and script.json()["field"] == "comment"
    assert not Feedback.objects.exists()
    sent = api(None, f"/showcase/{entry.pk}/feedback", {"rating": 4, "comment": "Rất hữu ích cho gia đình tôi."})
    assert sent.status_code == 202
    pending = api(world.officer_cell, "/feedback?status=pending").json()["items"]
    assert len(pending) == 1
    assert api(world.officer_b, "/feedback").json()["items"] == []
    fid = pending[0]["id"]
    assert api(world.officer_b, f"/feedback/{fid}/moderate", {"approve": True}).status_code == 404
    assert api(world.admin, f"/feedback/{fid}/moderate", {"approve": True}).status_code == 400  # the unit first
    assert api(world.officer_cell, f"/feedback/{fid}/moderate", {"approve": True}).json()["status"] == "unit_approved"
    assert api(world.admin, f"/feedback/{fid}/moderate", {"approve": True}).json()["status"] == "published"
    detail = api(None, f"/showcase/{entry.pk}").json()
    assert [o["comment"] for o in detail["opinions"]] == ["Rất hữu ích cho gia đình tôi."]
    assert detail["feedback"] == {"count": 1, "average_rating": 4.0}
