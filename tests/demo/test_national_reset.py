"""`generate_national --reset` empties a database that already holds data and generates again. A test of its
own: Django's flush needs a committed database (TRUNCATE on PostgreSQL cannot run inside a test's transaction)."""

from io import StringIO

import pytest
from django.core.management import call_command

from danvan.demo import national
from danvan.initiatives.models import Initiative
from danvan.orgs.models import Organization


@pytest.mark.django_db(transaction=True)
def test_reset_generates_again():
    out = StringIO()
    call_command("generate_national", "--initiatives", "40", "--seed", "3", stdout=out)
    first = list(Initiative.objects.order_by("pk").values_list("title", flat=True))
    Organization.objects.create(name="Đơn vị thêm bằng tay", code="THEM", kind=Organization.Kind.CELL)

    call_command("generate_national", "--initiatives", "40", "--seed", "3", "--reset", stdout=out)

    assert not Organization.objects.filter(code="THEM").exists()
    assert list(Initiative.objects.order_by("pk").values_list("title", flat=True)) == first
    assert Organization.objects.filter(kind=Organization.Kind.PROVINCE).count() == 34
    assert national.NATIONAL_ADMIN in out.getvalue()
