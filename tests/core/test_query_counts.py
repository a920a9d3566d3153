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
    # Registration, surveying, reporting, indicator and review figures read from the stored counts (insights.tally:
    # a few rows per figure set), the units yet to register, the review's commendation decisions.
    with django_assert_num_queries(21):
        assert client.get(reverse("campaigns:detail", args=[more.campaign.pk])).status_code == 200
    # The registration with its reports and continuations, and the review card: its replication links, the
    # campaign's bloc, and the quality flags the bloc reads (what they weigh in one query, the stored near-duplicate).
    with django_assert_num_queries(12):
        assert client.get(reverse("initiatives:detail", args=[more.submitted_a.pk])).status_code == 200
    with django_assert_num_queries(10):
        assert client.get(reverse("initiatives:list")).status_code == 200


def test_an_accepted_initiative_page_does_not_grow_with_its_reports(more, login, django_assert_max_num_queries):
    """Reports, indicator results and assessments on an accepted initiative's page: a fixed number of queries."""
    from datetime import timedelta

    from django.utils import timezone

    from danvan.campaigns.services import campaign_update
    from danvan.initiatives.models import Initiative
    from danvan.progress.services import report_save

    today = timezone.localdate()
    periods = [
        {
            "name": f"Kỳ {n}",
            "starts_on": today - timedelta(days=90 - 30 * n),
            "ends_on": today - timedelta(days=61 - 30 * n),
            "due_on": today - timedelta(days=60 - 30 * n),
        }
        for n in range(3)
    ]
    campaign_update(campaign=more.campaign, by=more.admin, periods=periods)
    initiative = Initiative.objects.filter(unit=more.unit_a, status=Initiative.Status.ACCEPTED).first()
    client = login(more.admin)
    url = reverse("initiatives:detail", args=[initiative.pk])
    for n, period in enumerate(more.campaign.periods.all()):
        report_save(
            initiative=initiative,
            period=period,
            by=more.officer_a,
            values={i.pk: 3 for i in initiative.indicators.all()},
            activities="Đã làm.",
        )
        if n == 0:  # one report, then three: the page must not need more queries
            before = count_queries(client, url, django_assert_max_num_queries, 30)
    after = count_queries(client, url, django_assert_max_num_queries, 30)
    assert after == before
