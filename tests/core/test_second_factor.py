"""Two-step sign-in: administrators must add a code from an authenticator app; others may choose to."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.core.models import AuditEntry

PASSWORD = "Mat-khau-dai-123"


def code_of(device: TOTPDevice, *, step: int = 0) -> str:
    """What the person's authenticator app shows (`step` 30-second periods later)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=step):06d}"


def sign_in(client, username: str):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


def test_an_administrator_must_set_up_the_app_before_anything_else(world, client):
    assert sign_in(client, "admin").status_code == 302
    response = client.get(reverse("initiatives:list"))
    assert response.status_code == 302 and response.url.startswith(reverse("second_factor"))
    page = client.get(response.url).content.decode()
    assert "bắt buộc dùng xác thực hai bước" in page and "data:image/svg+xml" in page
    # The API is refused to that session as well, with a message.
    answer = client.get("/api/v1/campaigns")
    assert answer.status_code == 403 and "xác thực hai bước" in answer.json()["detail"]

    device = TOTPDevice.objects.get(user=world.admin, confirmed=False)
    wrong = client.post(reverse("second_factor"), {"code": "000000" if code_of(device) != "000000" else "111111"})
    assert wrong.status_code == 400 and "Mã xác thực không đúng" in wrong.content.decode()
    assert client.get(reverse("initiatives:list")).status_code == 302

    response = client.post(reverse("second_factor"), {"code": code_of(device), "next": reverse("initiatives:list")})
    assert response.status_code == 302 and response.url == reverse("initiatives:list")
    assert client.get(reverse("initiatives:list")).status_code == 200
    assert TOTPDevice.objects.get(user=world.admin).confirmed
    assert AuditEntry.objects.filter(action="auth.second_factor_on", target_id=str(world.admin.pk)).exists()


def test_a_set_up_administrator_gives_a_code_at_each_sign_in(world, client, settings):
    device = TOTPDevice.objects.create(user=world.admin, name="app", confirmed=True)
    sign_in(client, "admin")
    assert client.get(reverse("home")).url.startswith(reverse("second_factor"))
    page = client.get(reverse("second_factor")).content.decode()
    assert "Nhập mã 6 chữ số" in page and "data:image/svg+xml" not in page  # the secret is never shown again

    bad = client.post(reverse("second_factor"), {"code": "12ab"})
    assert bad.status_code == 400 and "6 chữ số" in bad.content.decode()
    wrong = client.post(reverse("second_factor"), {"code": code_of(device, step=-20)})
    assert wrong.status_code == 400
    assert AuditEntry.objects.filter(action="auth.second_factor_failed").count() == 1
    # A failure slows the next try down (django-otp's throttling): even the right code waits.
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)

    response = client.post(reverse("second_factor"), {"code": code_of(device), "next": "https://elsewhere.example/"})
    assert response.status_code == 302 and response.url == reverse("home")  # never sent to another site
    assert client.get(reverse("home")).status_code == 200
    assert AuditEntry.objects.filter(action="auth.second_factor").count() == 1
    # The same code cannot be used twice (a code seen over a shoulder is spent).
    client.post(reverse("logout"))
    sign_in(client, "admin")
    again = client.post(reverse("second_factor"), {"code": code_of(device)})
    assert again.status_code == 400


def test_others_are_not_asked_unless_they_turned_it_on(world, client):
    sign_in(client, "officer_a")
    assert client.get(reverse("initiatives:list")).status_code == 200

    client.get(reverse("second_factor"))  # from the profile: set it up by choice
    device = TOTPDevice.objects.get(user=world.officer_a, confirmed=False)
    client.post(reverse("second_factor"), {"code": code_of(device)})
    client.post(reverse("logout"))
    sign_in(client, "officer_a")
    assert client.get(reverse("initiatives:list")).url.startswith(reverse("second_factor"))
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    client.post(reverse("second_factor"), {"code": code_of(device)})
    assert client.get(reverse("initiatives:list")).status_code == 200

    # Turning it off takes a current code, and is not offered to administrators.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    client.post(reverse("second_factor"), {"action": "off", "code": code_of(device)})
    assert not TOTPDevice.objects.filter(user=world.officer_a).exists()
    assert AuditEntry.objects.filter(action="auth.second_factor_off").exists()


@pytest.mark.parametrize("path", ["/showcase/", "/accounts/logout/"])
def test_public_pages_and_signing_out_stay_open_before_the_code(world, client, path):
    sign_in(client, "admin")
    if path.endswith("logout/"):
        assert client.post(path).status_code == 302
    else:
        assert client.get(path).status_code == 200


def test_the_demo_does_not_ask_its_administrators(world, client, settings):
    settings.ADMIN_SECOND_FACTOR = False
    sign_in(client, "admin")
    assert client.get(reverse("initiatives:list")).status_code == 200
