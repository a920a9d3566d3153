"""Pages pin their SQL query count: more data must not mean more queries."""

import pytest
from django.urls import reverse

from danvan.initiatives import services


@pytest.fixture
def more(world):
    """Grow the world: more initiatives in every unit, accepted, with indicators."""
    for n in range(2):
        for unit, officer in ((world.unit_b, world.officer_b), (world.unit_a, world.officer_a)):
            i = world.make(
                unit,
                officer,
                f"Mô hình thêm {n} của {unit.code}",
                submit=True,
                indicators=[services.IndicatorInput(name="Số người", unit_of_measure="người", target=10)],
            )
            services.initiative_accept(initiative=i, by=world.admin)
    return world


def count_queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("home", []),
        ("initiatives:list", []),
        ("campaigns:list", []),
        ("orgs:list", []),
    ],
)
def test_list_pages_do_not_grow_with_the_data(world, login, django_assert_max_num_queries, name, args):
    client = login(world.admin)
    url = reverse(name, args=args)
    before = count_queries(client, url, django_assert_max_num_queries, 40)
    for n in range(3):
        world.make(world.unit_b if n < 2 else world.unit_a, world.officer_b if n < 2 else world.officer_a, f"Thêm {n}")
    after = count_queries(client, url, django_assert_max_num_queries, 40)
    assert after == before


def test_campaign_and_initiative_pages_have_a_fixed_query_count(more, login, django_assert_num_queries):
    client = login(more.admin)
    with django_assert_num_queries(16):
        assert client.get(reverse("campaigns:detail", args=[more.campaign.pk])).status_code == 200
    with django_assert_num_queries(10):
        assert client.get(reverse("initiatives:detail", args=[more.submitted_a.pk])).status_code == 200
    with django_assert_num_queries(9):
        assert client.get(reverse("initiatives:list")).status_code == 200
