"""A small generated national set shared by the modules of this folder: the pages the benchmark measures have
their query counts pinned on it, so that no count grows with the data."""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from danvan.demo import national

N = 600
SEED = 11


@pytest.fixture(scope="module")
def national_set(django_db_setup, django_db_blocker):
    """One generated set per test module, rolled back at the module's end."""
    with django_db_blocker.unblock(), transaction.atomic():
        result = national.generate(initiatives=N, seed=SEED)
        yield result
        transaction.set_rollback(True)


@pytest.fixture
def national_admin(national_set, db):
    return get_user_model().objects.get(username=national.NATIONAL_ADMIN)
