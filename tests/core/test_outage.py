"""While the database cannot be reached, a page or an API call answers 503 asking to try again in a few seconds
(JSON for the API), not an application error; other failures stay a 500."""

from django.db import OperationalError
from django.test import Client

from danvan.initiatives.models import InitiativeQuerySet


def refused(*args, **kwargs):
    raise OperationalError('connection failed: connection to server at "127.0.0.1", port 5432 failed: refused')


def test_a_database_outage_is_a_503_with_a_try_again(world, login, monkeypatch):
    client = login(world.officer_a)
    client.raise_request_exception = False
    monkeypatch.setattr(InitiativeQuerySet, "visible_to", refused)

    page = client.get("/initiatives/")
    assert page.status_code == 503 and page["Retry-After"] == "10"
    assert "Hãy thử lại sau ít giây" in page.content.decode()

    api = client.get("/api/v1/initiatives")
    assert api.status_code == 503 and api["Retry-After"] == "10"
    assert "thử lại sau ít giây" in api.json()["detail"]


def test_any_other_failure_is_still_a_500(world, login, monkeypatch):
    client: Client = login(world.officer_a)
    client.raise_request_exception = False
    monkeypatch.setattr(InitiativeQuerySet, "visible_to", lambda *a, **k: 1 / 0)
    assert client.get("/initiatives/").status_code == 500
    api = client.get("/api/v1/initiatives")
    assert api.status_code == 500 and api.json()["detail"]
