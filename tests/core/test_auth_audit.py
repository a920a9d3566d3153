"""The audit log records every sign-in, failure, lock-out and sign-out, every use of an API token and every change
to a person's rights or password, wherever it is made; it never holds a password."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from danvan.api.services import api_token_create
from danvan.core.models import AuditEntry
from danvan.orgs.models import Membership

RIGHT = "Mat-khau-dai-123"
WRONG = "Sai-mat-khau-bi-mat"
NEW = "Mat-khau-moi-dai-456"


def sign_in(client, username: str, password: str, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def whole_log() -> str:
    return json.dumps(list(AuditEntry.objects.values()), default=str, ensure_ascii=False)


@pytest.fixture
def root(db, client):
    """The technical administrator, the one person who works in Django's admin, signed in to `client`."""
    user = get_user_model().objects.create_superuser("root", "root@test.vn", RIGHT)
    client.force_login(user)
    return user


def test_signing_in_is_audited_with_the_address_the_proxy_saw(world, client, settings):
    settings.DANVAN_TRUSTED_PROXIES = 1
    response = sign_in(client, "officer_a", RIGHT, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="auth.login")
    assert entry.actor == world.officer_a and entry.target_id == str(world.officer_a.pk)
    assert entry.changes == {"address": "203.0.113.7"}


@pytest.mark.parametrize("username", ["officer_a", "no-such-person"])
def test_a_failed_sign_in_names_the_account_and_never_the_password(world, client, username):
    assert sign_in(client, username, WRONG).status_code == 200
    entry = AuditEntry.objects.get(action="auth.login_failed")
    assert entry.actor is None and entry.changes == {"username": username, "address": "127.0.0.1"}
    assert (entry.target_type, entry.target_repr) == ("auth.user", username)
    assert entry.target_id == (str(world.officer_a.pk) if username == "officer_a" else "")
    assert WRONG not in whole_log()


def test_a_lockout_is_audited(world, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "officer_a", WRONG)
    assert AuditEntry.objects.filter(action="auth.login_failed").count() == settings.AXES_FAILURE_LIMIT
    entry = AuditEntry.objects.get(action="auth.locked_out")
    assert entry.actor is None and entry.target_id == str(world.officer_a.pk)
    assert entry.changes == {"username": "officer_a", "address": "127.0.0.1"}
    # Even the right password is refused while locked, and the refusal is recorded too.
    assert sign_in(client, "officer_a", RIGHT).status_code == 429
    assert AuditEntry.objects.filter(action="auth.locked_out").count() == 2
    assert AuditEntry.objects.filter(action="auth.login_failed").count() == settings.AXES_FAILURE_LIMIT  # not twice
    assert not AuditEntry.objects.filter(action="auth.login").exists()
    assert WRONG not in whole_log() and RIGHT not in whole_log()


def test_signing_out_is_audited(world, client):
    sign_in(client, "officer_a", RIGHT)
    client.post(reverse("logout"))
    entry = AuditEntry.objects.get(action="auth.logout")
    assert entry.actor == world.officer_a and entry.target_id == str(world.officer_a.pk)


def test_every_api_call_with_a_token_is_audited(world, client):
    token, raw = api_token_create(user=world.officer_a, name="Báo cáo Excel", by=world.officer_a)
    for _ in range(2):  # the token's "last used" moves once in five minutes; the log has every call
        assert client.get("/api/v1/campaigns", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    entries = AuditEntry.objects.filter(action="api_token.use")
    assert entries.count() == 2
    entry = entries.first()
    assert entry is not None and entry.actor == world.officer_a and entry.target_id == str(token.pk)
    assert entry.changes == {"method": "GET", "path": "/api/v1/campaigns", "address": "127.0.0.1"}
    assert raw not in whole_log()
    # A refused token is no use of a token.
    assert client.get("/api/v1/campaigns", HTTP_AUTHORIZATION="Bearer sai").status_code == 401
    assert entries.count() == 2


def test_a_role_given_on_the_units_page_is_audited_once(world, client, login):
    login(world.admin)
    client.post(reverse("orgs:person_add", args=[world.unit_b.pk]), {"username": "officer_a", "role": "leader"})
    membership = Membership.objects.get(user=world.officer_a, organization=world.unit_b)
    entries = AuditEntry.objects.filter(target_type="orgs.membership", target_id=str(membership.pk))
    assert [(e.action, e.actor) for e in entries] == [("membership.grant", world.admin)]


def test_a_role_changed_and_removed_in_the_admin_is_audited(world, client, root):
    membership = Membership.objects.get(user=world.officer_a)
    data = {"user": world.officer_a.pk, "organization": world.unit_a.pk, "role": Membership.Role.ADMIN}
    assert client.post(reverse("admin:orgs_membership_change", args=[membership.pk]), data).status_code == 302
    entry = AuditEntry.objects.get(action="membership.update")
    assert entry.actor == root and entry.changes == {"role": ["officer", "admin"]}

    client.post(reverse("admin:orgs_membership_delete", args=[membership.pk]), {"post": "yes"})
    assert not Membership.objects.filter(pk=membership.pk).exists()
    entry = AuditEntry.objects.get(action="membership.revoke")
    assert entry.actor == root and entry.changes["role"] == "admin"


def test_rights_given_in_the_admin_are_audited(world, client, root):
    Group.objects.create(name="Kỹ thuật")
    joined = timezone.localtime(world.officer_a.date_joined)
    data = {
        "username": "officer_a",
        "email": "officer_a@test.vn",
        "is_active": "on",
        "is_staff": "on",
        "is_superuser": "on",
        "groups": [Group.objects.get().pk],
        "date_joined_0": joined.strftime("%Y-%m-%d"),
        "date_joined_1": joined.strftime("%H:%M:%S"),
    }
    response = client.post(reverse("admin:auth_user_change", args=[world.officer_a.pk]), data)
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="user.update")
    assert entry.actor == root and entry.target_id == str(world.officer_a.pk)
    assert entry.changes == {
        "is_staff": [False, True],
        "is_superuser": [False, True],
        "groups": [[], ["Kỹ thuật"]],
    }


def test_a_password_set_in_the_admin_is_audited(world, client, root):
    url = reverse("admin:auth_user_password_change", args=[world.officer_a.pk])
    response = client.post(url, {"password1": NEW, "password2": NEW, "usable_password": "true"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="auth.password_change")
    assert entry.actor == root and entry.target_id == str(world.officer_a.pk)
    assert NEW not in whole_log()


def test_a_person_changing_their_own_password_is_audited(world, client):
    sign_in(client, "officer_a", RIGHT)
    data = {"old_password": RIGHT, "new_password1": NEW, "new_password2": NEW}
    assert client.post(reverse("password_change"), data).status_code == 302
    entry = AuditEntry.objects.get(action="auth.password_change")
    assert entry.actor == world.officer_a and entry.target_id == str(world.officer_a.pk)
    assert NEW not in whole_log() and RIGHT not in whole_log()
