import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from danvan.campaigns.models import Campaign
from danvan.demo import loader


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The Hải Phòng demo, loaded once for the module's tests and rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        loader.load()
        User = get_user_model()
        yield type(
            "Demo",
            (),
            {
                "admin": User.objects.get(username="quantri"),
                "leader": User.objects.get(username="lanhdao"),
                "officer": User.objects.get(username="canbo.tgpl"),
                "surveyor": User.objects.get(username="khaosat1"),
                "c2017": Campaign.objects.get(year=2017),
                "c2018": Campaign.objects.get(year=2018),
            },
        )
        transaction.set_rollback(True)
