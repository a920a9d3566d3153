"""Benchmark mode (`make bench`, DANVAN_BENCH=1): off by default; when on, a bare reference page and the
X-Queries header. The URLs are built when danvan.urls is imported, so the routing is tested as the test run
was started (bench mode off); the page and the middleware are tested directly."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from danvan.core.middleware import QueryCountMiddleware
from danvan.core.views import bench_bare
from danvan.settings import env_bool

BENCH_MIDDLEWARE = "danvan.core.middleware.QueryCountMiddleware"


def test_bench_mode_is_off_by_default(monkeypatch):
    monkeypatch.delenv("DANVAN_BENCH", raising=False)
    assert env_bool("DANVAN_BENCH") is False


@pytest.mark.skipif(settings.DANVAN_BENCH, reason="the test run was started in bench mode")
def test_off_no_bare_page_and_no_counter(client):
    assert BENCH_MIDDLEWARE not in settings.MIDDLEWARE
    response = client.get("/bench/bare/")
    assert response.status_code == 404
    assert "X-Queries" not in response


@pytest.mark.django_db
def test_bare_page_is_constant_and_runs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = bench_bare(RequestFactory().get("/bench/bare/"))
    assert response.status_code == 200
    assert "Dân vận khéo" in response.content.decode()


@pytest.mark.django_db
def test_counter_puts_the_number_of_queries_in_a_header():
    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.execute("SELECT 2")
        return HttpResponse("ok")

    response = QueryCountMiddleware(view)(RequestFactory().get("/"))
    assert response["X-Queries"] == "2"
    assert QueryCountMiddleware(lambda request: HttpResponse("ok"))(RequestFactory().get("/"))["X-Queries"] == "0"


@pytest.mark.django_db
def test_counter_through_the_whole_stack_counts_session_and_user(client):
    user = get_user_model().objects.create_user(username="bench.test", password="Mat-khau-dai-123")
    client.force_login(user)
    with override_settings(MIDDLEWARE=[BENCH_MIDDLEWARE, *settings.MIDDLEWARE]):
        response = client.get("/accounts/profile/")
    assert response.status_code == 200
    assert int(response["X-Queries"]) >= 2  # at least the session and the user
