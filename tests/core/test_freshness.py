"""Pages kept between changes (danvan/core/freshness.py): served again as they were until anything is written,
never to another reader, never over a message waiting to be shown."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core import freshness
from danvan.core.audit import audit
from danvan.initiatives.models import Initiative


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_page_read_again_is_served_as_kept_without_a_query(world, django_assert_num_queries):
    client = signed_in(world.admin)
    url = reverse("initiatives:detail", args=[world.submitted_a.pk])
    first = client.get(url)
    with django_assert_num_queries(0):  # the session is read from the cache; the user need not be read
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content


@pytest.mark.parametrize("change", ["deactivated", "new password", "signed out"])
def test_a_kept_page_is_not_served_to_a_reader_who_may_no_longer_read_it(world, change):
    client = signed_in(world.admin)
    url = reverse("initiatives:detail", args=[world.submitted_a.pk])
    assert client.get(url).status_code == 200
    if change == "deactivated":
        world.admin.is_active = False
        world.admin.save(update_fields=["is_active"])
    elif change == "new password":  # changed elsewhere: this session's hash no longer matches
        world.admin.set_password("Mat-khau-moi-456")
        world.admin.save(update_fields=["password"])
    else:
        client.post(reverse("logout"))
    again = client.get(url)
    assert again.status_code == 302 and reverse("login") in again["Location"]


def test_an_anonymous_visitor_is_sent_to_sign_in(world):
    url = reverse("initiatives:detail", args=[world.submitted_a.pk])
    answer = Client().get(url)
    assert answer.status_code == 302 and reverse("login") in answer["Location"]


@pytest.mark.parametrize("how", ["service", "queryset update", "raw sql"])
def test_any_write_shows_on_the_next_read(world, how):
    client = signed_in(world.admin)
    url = reverse("initiatives:detail", args=[world.submitted_a.pk])
    assert "Trợ giúp pháp lý miễn phí" in client.get(url).content.decode()
    new = "Trợ giúp pháp lý lưu động"
    if how == "service":
        from danvan.initiatives.services import initiative_return

        initiative_return(initiative=world.submitted_a, by=world.admin, comment="Bổ sung số liệu.")
        new = "Bổ sung số liệu."
    elif how == "queryset update":  # no signal is sent: the statement itself is seen
        Initiative.objects.filter(pk=world.submitted_a.pk).update(title=new)
    else:
        with connection.cursor() as cursor:
            cursor.execute("UPDATE initiatives_initiative SET title = %s WHERE id = %s", [new, world.submitted_a.pk])
    assert new in client.get(url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_version_changes_again_when_the_transaction_commits():
    from danvan.orgs.services import organization_create

    with transaction.atomic():
        organization_create(code="KHOI", name="Đảng bộ Khối thử nghiệm", kind="bloc_committee", parent=None, by=None)
        during = freshness.data_version()  # new at once: the writer reads its own change
        # Another reader works the page out now, from the data before the commit, and keeps it under `during`.
    assert freshness.data_version() != during


def test_session_writes_change_no_page(world):
    client = signed_in(world.admin)
    client.get(reverse("initiatives:list"))
    before = freshness.data_version()
    session = client.session
    session["x"] = 1
    session.save()
    client.get(reverse("initiatives:list"))
    assert freshness.data_version() == before


def test_audit_entries_keep_the_kept_pages_a_change_does_not(world, django_assert_num_queries):
    # Every sign-in and API call writes an audit entry; were they changes, no page would stay kept for long.
    client = signed_in(world.admin)
    url = reverse("initiatives:detail", args=[world.submitted_a.pk])
    client.get(url)
    audit(actor=world.officer_a, action="auth.login", target=world.officer_a)
    with django_assert_num_queries(0):
        client.get(url)
    Initiative.objects.filter(pk=world.submitted_a.pk).update(title="Trợ giúp pháp lý lưu động")
    assert "Trợ giúp pháp lý lưu động" in client.get(url).content.decode()


def test_readers_never_share_a_page(world):
    admin, officer = signed_in(world.admin), signed_in(world.officer_b)
    url = reverse("initiatives:list")
    assert "Trợ giúp pháp lý miễn phí" in admin.get(url).content.decode()
    seen = officer.get(url).content.decode()
    assert "Ngày thứ Bảy tình nguyện Beta" in seen
    assert "Trợ giúp pháp lý miễn phí" not in seen


def test_a_waiting_message_is_shown_not_a_kept_page(world, rf):
    client = signed_in(world.admin)
    url = reverse("initiatives:detail", args=[world.submitted_a.pk])
    client.get(url)
    client.get(url)
    # A step's message waits (in its cookie) for the next page.
    storage = CookieStorage(rf.get("/"))
    client.cookies[storage.cookie_name] = storage._encode([Message(constants.SUCCESS, "Đã lưu thông tin mô hình.")])
    assert "Đã lưu thông tin mô hình." in client.get(url).content.decode()
    assert "Đã lưu thông tin mô hình." not in client.get(url).content.decode()  # shown once


def test_a_kept_page_gives_its_forms_csrf_secret_to_a_reader_without_the_cookie(world):
    client = signed_in(world.officer_a)
    client.handler.enforce_csrf_checks = True
    url = reverse("initiatives:detail", args=[world.draft_a.pk])
    client.get(url)  # kept, with the forms' tokens of the secret set as the cookie
    del client.cookies["csrftoken"]
    again = client.get(url)  # same session: the kept page, and its secret back as the cookie
    assert "csrftoken" in again.cookies
    token = again.content.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    submit = client.post(reverse("initiatives:submit", args=[world.draft_a.pk]), {"csrfmiddlewaretoken": token})
    assert submit.status_code != 403


@pytest.mark.parametrize(
    ("cache_url", "kept", "sessions"),
    [("", "False", "django.contrib.sessions.backends.db"), ("redis://127.0.0.1:6379/0", "True", "cached_db")],
)
def test_a_production_server_keeps_pages_only_with_a_shared_cache(cache_url, kept, sessions):
    """Several worker processes each with a cache of its own would each keep their own data version (and a session
    signed out in one would live on in the others): production keeps pages and sessions in a shared cache or not at
    all."""
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DANVAN_PRODUCTION": "1",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DANVAN_CACHE_URL": cache_url,
        "DJANGO_SETTINGS_MODULE": "danvan.settings",
    }
    env.pop("DANVAN_PAGE_CACHE", None)
    code = (
        "from django.conf import settings as s; "
        "print(s.DANVAN_PAGE_CACHE, s.SESSION_ENGINE, s.CACHES['default']['BACKEND'])"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    page_cache, engine, backend = out.split()
    assert page_cache == kept
    assert engine.endswith(sessions)
    assert backend.endswith("RedisCache" if cache_url else "LocMemCache")


# An initiative's page is kept under the shared version and its own (freshness.initiative_versions).


def test_an_initiatives_page_stays_kept_over_a_change_to_another(world, django_assert_num_queries):
    from danvan.initiatives.services import initiative_update

    client = signed_in(world.admin)
    page = reverse("initiatives:detail", args=[world.submitted_a.pk])
    listing = reverse("initiatives:list")
    client.get(page)
    client.get(listing)
    initiative_update(initiative=world.draft_b, by=world.officer_b, expected_version=None, title="Chủ nhật xanh Beta")
    with django_assert_num_queries(0):
        client.get(page)
    assert "Chủ nhật xanh Beta" in client.get(listing).content.decode()  # the list shows every change


def test_a_write_not_said_to_concern_one_initiative_drops_every_initiatives_page(world):
    client = signed_in(world.admin)
    page = reverse("initiatives:detail", args=[world.submitted_a.pk])
    client.get(page)
    Initiative.objects.filter(pk=world.draft_b.pk).update(title="Chủ nhật xanh Beta")  # no `concerning`
    with CaptureQueriesContext(connection) as read:
        client.get(page)
    assert len(read) > 0


def test_a_change_to_an_initiative_shows_on_the_pages_that_show_it(world):
    from danvan.initiatives.services import initiative_update

    # The draft of unit A continues the cell's registration (linked here by hand: a write of no initiative's own).
    Initiative.objects.filter(pk=world.draft_a.pk).update(carried_over_from=world.submitted_a)
    client = signed_in(world.admin)
    source = reverse("initiatives:detail", args=[world.submitted_a.pk])
    assert "Một cửa thân thiện Alpha" in client.get(source).content.decode()
    initiative_update(initiative=world.draft_a, by=world.officer_a, expected_version=None, title="Một cửa số Alpha")
    assert "Một cửa số Alpha" in client.get(source).content.decode()


def test_a_block_that_names_no_initiative_drops_every_initiatives_page(world):
    client = signed_in(world.admin)
    page = reverse("initiatives:detail", args=[world.submitted_a.pk])
    client.get(page)
    with freshness.concerning():
        Initiative.objects.filter(pk=world.submitted_a.pk).update(title="Trợ giúp pháp lý lưu động")
    assert "Trợ giúp pháp lý lưu động" in client.get(page).content.decode()


@pytest.mark.parametrize("reader", ["admin", "leader", "officer_cell", "officer_a"])
def test_no_initiatives_page_reads_a_table_said_to_be_unread(world, reader):
    client = signed_in(getattr(world, reader))
    tables = set()
    with override_settings(DANVAN_PAGE_CACHE=False):
        for initiative in Initiative.objects.all():
            with CaptureQueriesContext(connection) as read:
                client.get(reverse("initiatives:detail", args=[initiative.pk]))
            for query in read.captured_queries:
                tables |= {t.lower() for t in re.findall(r'(?:FROM|JOIN)\s+"(\w+)"', query["sql"])}
    assert "initiatives_initiative" in tables
    assert not tables & freshness.UNREAD


def test_a_service_said_to_concern_initiatives_given_as_a_generator_still_receives_them(world):
    @freshness.concerns("initiatives")
    def count(*, initiatives):
        return sum(1 for _ in initiatives)

    assert count(initiatives=(i for i in [world.draft_a, world.draft_b.pk])) == 2


def test_a_block_naming_nothing_inside_one_naming_an_initiative_drops_every_initiatives_page(world):
    client = signed_in(world.admin)
    page = reverse("initiatives:detail", args=[world.submitted_a.pk])
    client.get(page)
    with freshness.concerning(world.draft_b), freshness.concerning():
        Initiative.objects.filter(pk=world.submitted_a.pk).update(title="Trợ giúp pháp lý lưu động")
    assert "Trợ giúp pháp lý lưu động" in client.get(page).content.decode()


def test_a_service_given_a_row_of_no_known_initiative_drops_every_initiatives_page(world):
    @freshness.concerns("thing")
    def rename(*, thing, initiative, title):
        Initiative.objects.filter(pk=initiative.pk).update(title=title)

    client = signed_in(world.admin)
    page = reverse("initiatives:detail", args=[world.submitted_a.pk])
    client.get(page)
    rename(thing=world.campaign, initiative=world.submitted_a, title="Trợ giúp pháp lý lưu động")
    assert "Trợ giúp pháp lý lưu động" in client.get(page).content.decode()


def test_writes_not_seen_as_statements_are_said_by_table(world):
    client = signed_in(world.admin)
    client.get(reverse("initiatives:list"))  # a page read: the next write gives new versions at once
    before_all, before_shared = freshness.data_version(), freshness.initiative_versions(world.draft_a.pk)[0]
    freshness.table_written("insights_tally")  # a count: the lists and dashboards, not an initiative's page
    assert freshness.data_version() != before_all
    assert freshness.initiative_versions(world.draft_a.pk)[0] == before_shared
    freshness.table_written("recognition_textfingerprint")  # not said to concern particular initiatives
    assert freshness.initiative_versions(world.draft_a.pk)[0] != before_shared


def test_a_page_read_from_what_the_versions_do_not_follow_is_served_not_kept(world):
    from danvan.recognition.models import TextFingerprint

    client = signed_in(world.admin)
    page = reverse("initiatives:detail", args=[world.submitted_a.pk])
    TextFingerprint.objects.filter(pk=world.submitted_a.pk).delete()  # looked up in the counts instead
    client.get(page)
    with CaptureQueriesContext(connection) as read:
        assert client.get(page).status_code == 200
    assert len(read) > 0


def test_a_sign_in_time_changes_no_page_but_a_user_change_does(world, django_assert_num_queries):
    from django.utils import timezone

    client = signed_in(world.admin)
    page = reverse("initiatives:detail", args=[world.submitted_a.pk])
    client.get(page)
    world.officer_b.last_login = timezone.now()
    world.officer_b.save(update_fields=["last_login"])
    with django_assert_num_queries(0):
        client.get(page)
    world.officer_b.first_name = "Lan"
    world.officer_b.save(update_fields=["last_login", "first_name"])
    with CaptureQueriesContext(connection) as read:
        client.get(page)
    assert len(read) > 0
