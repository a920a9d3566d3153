"""The bloc administrator gives people their roles on a unit's page."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from danvan.core.models import AuditEntry
from danvan.orgs.models import Membership


def add(client, org, **data):
    return client.post(reverse("orgs:person_add", args=[org.pk]), data, follow=True)


def test_admin_creates_an_officer_who_can_then_log_in(world, login, client):
    response = add(
        login(world.admin),
        world.unit_b,
        username="Canbo.Moi",
        full_name="Trần Thị Lan",
        email="lan@test.vn",
        role="officer",
    )
    text = response.content.decode()
    password = re.search(r"mật khẩu tạm: (\S+) —", text).group(1)
    user = get_user_model().objects.get(username="canbo.moi")
    assert (user.last_name, user.first_name) == ("Trần Thị", "Lan")
    assert Membership.objects.filter(user=user, organization=world.unit_b, role="officer").exists()
    assert AuditEntry.objects.filter(action="membership.grant", actor=world.admin).exists()
    client.logout()
    assert client.post(reverse("login"), {"username": "canbo.moi", "password": password}).status_code == 302


def test_existing_person_gets_a_second_role_and_a_duplicate_is_refused(world, login):
    client = login(world.admin)
    add(client, world.unit_b, username="officer_a", role="leader")
    assert Membership.objects.filter(user=world.officer_a, organization=world.unit_b, role="leader").exists()
    response = add(client, world.unit_b, username="officer_a", role="leader")
    assert "đã có vai trò này" in response.content.decode()
    assert Membership.objects.filter(user=world.officer_a, organization=world.unit_b).count() == 1


def test_new_person_needs_a_name(world, login):
    response = add(login(world.admin), world.unit_b, username="nguoi.moi", role="officer")
    assert "Cần họ và tên" in response.content.decode()
    assert not get_user_model().objects.filter(username="nguoi.moi").exists()


def test_admin_removes_a_role(world, login):
    membership = Membership.objects.get(user=world.officer_b, organization=world.unit_b)
    client = login(world.admin)
    response = client.post(reverse("orgs:person_remove", args=[world.unit_b.pk, membership.pk]))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


@pytest.mark.parametrize(
    ("who", "unit", "status"),
    [
        ("officer_a", "unit_a", 403),
        ("officer_a", "unit_b", 404),
        ("leader", "unit_b", 403),
        ("surveyor", "unit_b", 404),
    ],
)
def test_only_the_administrator_manages_people(world, login, who, unit, status):
    org = getattr(world, unit)
    client = login(getattr(world, who))
    response = client.post(
        reverse("orgs:person_add", args=[org.pk]), {"username": "x.y", "full_name": "A B", "role": "admin"}
    )
    assert response.status_code == status
    membership = Membership.objects.filter(organization=org).first()
    if membership:
        assert client.post(reverse("orgs:person_remove", args=[org.pk, membership.pk])).status_code == status
    assert not get_user_model().objects.filter(username="x.y").exists()
