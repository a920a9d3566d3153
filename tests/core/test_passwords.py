from django.contrib.auth.hashers import identify_hasher, make_password
from django.test import override_settings

from danvan import settings as project_settings


def test_passwords_are_hashed_with_argon2():
    # The project's own settings, not the tests' faster override.
    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    with override_settings(PASSWORD_HASHERS=project_settings.PASSWORD_HASHERS):
        assert identify_hasher(make_password("Mat-khau-dai-123")).algorithm == "argon2"
