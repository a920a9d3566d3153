"""The audit page, the profile page with its API tokens, and logging out."""

import pytest
from django.urls import reverse

from danvan.api.models import ApiToken, hash_token
from danvan.api.services import api_token_create
from danvan.initiatives.models import Initiative


def text(response) -> str:
    return response.content.decode()


# ---- Anonymous ------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_the_login_page(world, client):
    for method, name in [("get", "audit"), ("get", "profile"), ("post", "profile")]:
        response = getattr(client, method)(reverse(name), {"name": "Báo cáo"} if method == "post" else None)
        assert response.status_code == 302, f"{method.upper()} {name}"
        assert response["Location"].startswith(reverse("login") + "?next="), f"{method.upper()} {name}"
    assert not ApiToken.objects.exists()


def test_anonymous_cannot_revoke_a_token(world, client):
    token, _raw = api_token_create(user=world.officer_a, name="Báo cáo Excel", by=world.officer_a)
    response = client.post(reverse("token_revoke", args=[token.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")
    token.refresh_from_db()
    assert token.revoked_at is None


# ---- Audit ----------------------------------------------------------------------------------------


def test_admin_reads_the_audit_log_of_earlier_actions(world, login):
    client = login(world.admin)
    client.post(reverse("initiatives:accept", args=[world.submitted_a.pk]))
    assert Initiative.objects.get(pk=world.submitted_a.pk).status == Initiative.Status.ACCEPTED
    response = client.get(reverse("audit"))
    assert response.status_code == 200
    page = text(response)
    assert "initiative.create" in page
    assert world.draft_a.title in page
    assert "initiative.accepted" in page
    assert "campaign.launch" in page


def test_audit_search_narrows_the_entries(world, login):
    response = login(world.admin).get(reverse("audit"), {"q": "Beta"})
    page = text(response)
    assert world.draft_b.title in page
    assert world.draft_a.title not in page


@pytest.mark.parametrize("who", ["officer_a", "officer_cell", "officer_b", "surveyor", "leader"])
def test_only_the_administrator_reads_the_audit_log(world, login, who):
    response = login(getattr(world, who)).get(reverse("audit"))
    assert response.status_code == 403
    assert world.draft_a.title not in text(response)


# ---- Profile and API tokens -----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["admin", "officer_a", "surveyor", "leader"])
def test_profile_shows_ones_own_roles(world, login, who):
    user = getattr(world, who)
    response = login(user).get(reverse("profile"))
    assert response.status_code == 200
    membership = user.memberships.get()
    assert membership.organization.name in text(response)
    assert membership.get_role_display() in text(response)


def test_creating_a_token_shows_it_once(world, login):
    client = login(world.officer_a)
    response = client.post(reverse("profile"), {"name": "Báo cáo Excel"})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=world.officer_a)
    raw = response.context["new_token"]
    assert raw.startswith("dvk_")
    assert raw in text(response)
    assert "Đã tạo mã truy cập." in text(response)
    assert token.name == "Báo cáo Excel"
    assert token.digest == hash_token(raw)
    # Only its hash is kept: the next visit lists the token but never shows it again.
    again = client.get(reverse("profile"))
    assert "Báo cáo Excel" in text(again)
    assert raw not in text(again)


def test_a_too_long_token_name_is_refused(world, login):
    response = login(world.officer_a).post(reverse("profile"), {"name": "x" * 101}, follow=True)
    assert "Tên gợi nhớ dài quá 100 ký tự." in text(response)
    assert not ApiToken.objects.exists()


def test_profile_lists_only_ones_own_tokens(world, login):
    api_token_create(user=world.officer_b, name="Mã của Beta", by=world.officer_b)
    api_token_create(user=world.officer_a, name="Mã của Alpha", by=world.officer_a)
    page = text(login(world.officer_a).get(reverse("profile")))
    assert "Mã của Alpha" in page
    assert "Mã của Beta" not in page


def test_user_revokes_their_own_token(world, login):
    token, _raw = api_token_create(user=world.officer_a, name="Báo cáo Excel", by=world.officer_a)
    response = login(world.officer_a).post(reverse("token_revoke", args=[token.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("profile")
    assert "Đã thu hồi mã truy cập “Báo cáo Excel”." in text(response)
    token.refresh_from_db()
    assert token.revoked_at is not None


@pytest.mark.parametrize("who", ["officer_b", "admin", "leader"])
def test_nobody_revokes_another_users_token(world, login, who):
    token, _raw = api_token_create(user=world.officer_a, name="Báo cáo Excel", by=world.officer_a)
    response = login(getattr(world, who)).post(reverse("token_revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_needs_post(world, login):
    token, _raw = api_token_create(user=world.officer_a, name="Báo cáo Excel", by=world.officer_a)
    assert login(world.officer_a).get(reverse("token_revoke", args=[token.pk])).status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


# ---- Logout ---------------------------------------------------------------------------------------


def test_logout_by_get_is_refused_and_keeps_the_session(world, login):
    client = login(world.officer_a)
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("profile")).status_code == 200


def test_logout_by_post_ends_the_session(world, login):
    client = login(world.officer_a)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    after = client.get(reverse("profile"))
    assert after.status_code == 302
    assert after["Location"].startswith(reverse("login"))
