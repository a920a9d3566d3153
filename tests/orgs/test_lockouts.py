"""Sign-in locks: the administrator sees the accounts locked in their units and lifts a lock, which is audited."""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from danvan.core.models import AuditEntry
from danvan.orgs.models import Membership
from danvan.orgs.services import membership_grant

RIGHT = "Mat-khau-dai-123"


def lock_out(username: str, settings) -> Client:
    """A browser of its own that fails to sign in as `username` until it is locked out."""
    browser = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        browser.post(reverse("login"), {"username": username, "password": "sai-mat-khau"})
    assert browser.post(reverse("login"), {"username": username, "password": RIGHT}).status_code == 429
    return browser


def test_the_administrator_sees_a_locked_account_and_unlocks_it(world, client, login, settings):
    browser = lock_out("officer_a", settings)
    login(world.admin)
    page = client.get(reverse("orgs:lockouts")).content.decode()
    assert "officer_a" in page and "Mở khóa" in page

    response = client.post(reverse("orgs:lockout_unlock"), {"username": "officer_a"}, follow=True)
    assert "Đã mở khóa đăng nhập cho “officer_a”." in response.content.decode()
    assert "officer_a" not in client.get(reverse("orgs:lockouts")).content.decode()
    # The same browser signs in with the right password at once.
    assert browser.post(reverse("login"), {"username": "officer_a", "password": RIGHT}).status_code == 302
    entry = AuditEntry.objects.get(action="auth.unlock")
    assert entry.actor == world.admin and entry.target_id == str(world.officer_a.pk)
    assert entry.changes["username"] == "officer_a"


def test_with_nothing_locked_the_page_says_what_it_is_for(world, client, login):
    login(world.admin)
    page = client.get(reverse("orgs:lockouts")).content.decode()
    assert "Không có tài khoản nào đang bị khóa." in page


def test_an_administrator_of_another_unit_neither_sees_nor_lifts_the_lock(world, client, login, settings):
    browser = lock_out("officer_a", settings)
    lock_out("no-such-person", settings)
    admin_b = get_user_model().objects.create_user(username="admin_b", password=RIGHT)
    membership_grant(user=admin_b, organization=world.unit_b, role=Membership.Role.ADMIN, by=None)
    login(admin_b)
    page = client.get(reverse("orgs:lockouts")).content.decode()
    assert "officer_a" not in page and "no-such-person" not in page

    response = client.post(reverse("orgs:lockout_unlock"), {"username": "officer_a"}, follow=True)
    assert "không thuộc phạm vi bạn quản lý" in response.content.decode()
    assert not AuditEntry.objects.filter(action="auth.unlock").exists()
    # Still locked.
    assert browser.post(reverse("login"), {"username": "officer_a", "password": RIGHT}).status_code == 429


def test_the_top_administrator_also_sees_guessed_usernames(world, client, login, settings):
    lock_out("no-such-person", settings)
    login(world.admin)
    page = client.get(reverse("orgs:lockouts")).content.decode()
    assert "no-such-person" in page and "không có tài khoản này" in page
    client.post(reverse("orgs:lockout_unlock"), {"username": "no-such-person"})
    assert AuditEntry.objects.get(action="auth.unlock").changes["username"] == "no-such-person"


def test_others_may_not_open_the_page(world, client, login):
    login(world.officer_a)
    assert client.get(reverse("orgs:lockouts")).status_code == 403
    assert client.post(reverse("orgs:lockout_unlock"), {"username": "officer_a"}).status_code == 403
