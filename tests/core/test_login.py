"""Logging in: wrong passwords are throttled; the audit of state changes is for the administrator."""

from django.urls import reverse


def test_login_with_the_right_password(world, client):
    response = client.post(reverse("login"), {"username": "officer_a", "password": "Mat-khau-dai-123"})
    assert response.status_code == 302 and response.url == reverse("home")


def test_wrong_password_says_so_in_vietnamese(world, client):
    response = client.post(reverse("login"), {"username": "officer_a", "password": "sai"})
    assert response.status_code == 200
    assert "mật khẩu chính xác" in response.content.decode()


def test_repeated_failures_lock_the_account_even_with_the_right_password(world, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "officer_a", "password": "sai-mat-khau"})
    response = client.post(reverse("login"), {"username": "officer_a", "password": "Mat-khau-dai-123"})
    assert response.status_code == 429
    assert "Tạm khoá đăng nhập" in response.content.decode()
    # Another person is not locked out by officer_a's failures.
    response = client.post(reverse("login"), {"username": "officer_b", "password": "Mat-khau-dai-123"})
    assert response.status_code == 302


def test_behind_a_proxy_the_failing_address_is_locked_out_not_the_proxy(world, client, settings):
    """Every request reaches the application from the reverse proxy's address; the client's own is the one the
    proxy appended to X-Forwarded-For. A person who mistyped five times elsewhere is not locked out by them."""
    settings.DANVAN_TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": "officer_a", "password": "sai-mat-khau"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
            **proxy,
        )
    right = {"username": "officer_a", "password": "Mat-khau-dai-123"}
    response = client.post(reverse("login"), right, HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert response.status_code == 429
    response = client.post(reverse("login"), right, HTTP_X_FORWARDED_FOR="198.51.100.20", **proxy)
    assert response.status_code == 302 and response.url == reverse("home")
