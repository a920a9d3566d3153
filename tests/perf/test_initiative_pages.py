"""The initiative list, the search and an initiative's page at national scale: a fixed number of queries, the
same on every page and whatever the amount of data, and the same rows in the same order as a plain sort."""

import pytest
from django.urls import reverse

from danvan.assessments.models import Assignment
from danvan.initiatives import selectors
from danvan.initiatives.models import Initiative
from danvan.initiatives.selectors import filter_initiatives, initiative_page

pytestmark = pytest.mark.django_db

PHRASE = "van dong nhan dan"


@pytest.fixture
def client_admin(client, national_admin):
    client.force_login(national_admin)
    return client


@pytest.fixture
def campaign_id(national_set):
    """The campaign with the most collective initiatives, as the benchmark picks a big one."""
    from django.db.models import Count

    row = (
        Initiative.objects.filter(kind=Initiative.Kind.COLLECTIVE)
        .values("campaign_id")
        .annotate(n=Count("id"))
        .order_by("-n", "campaign_id")
        .first()
    )
    return row["campaign_id"]


@pytest.fixture
def long_lists(monkeypatch):
    """Make every list "long" (more rows than the exact count goes to), as at national scale."""
    monkeypatch.setattr(selectors, "COUNT_LIMIT", 3)


def list_criteria(campaign_id):
    return [
        {"campaign": campaign_id, "kind": Initiative.Kind.COLLECTIVE},
        {"q": PHRASE},
        {"q": "van"},
        {},
    ]


def test_the_search_phrase_matches_long_and_short_rows(national_set, national_admin):
    """The fixture data must exercise both groups of the search within the three pages compared below: rows with
    the whole phrase, then rows without."""
    words = selectors._words(PHRASE)
    qs = filter_initiatives(national_admin, q=PHRASE)
    assert 0 < qs.filter(selectors._phrase(words)).count() < 75
    assert qs.exclude(selectors._phrase(words)).count() > 75


@pytest.mark.parametrize("long", [False, True], ids=["short", "long"])
def test_pages_follow_the_plain_order(national_set, national_admin, campaign_id, monkeypatch, long):
    """Page by page, the rows and their order are those of filter_initiatives (rank, year, unit path, id)."""
    if long:
        monkeypatch.setattr(selectors, "COUNT_LIMIT", 3)
    for criteria in list_criteria(campaign_id):
        expected = list(filter_initiatives(national_admin, **criteria).values_list("pk", flat=True)[:75])
        got = []
        for number in (1, 2, 3):
            page = initiative_page(national_admin, number=number, size=25, **criteria)
            assert page.number == number
            got += [i.pk for i in page.rows]
        assert got == expected, criteria


def test_count_is_exact_when_short_and_more_than_when_long(national_set, national_admin, campaign_id, monkeypatch):
    criteria = {"campaign": campaign_id, "kind": Initiative.Kind.COLLECTIVE}
    total = filter_initiatives(national_admin, **criteria).count()
    page = initiative_page(national_admin, **criteria)
    assert (page.count, page.count_is_exact, page.num_pages) == (total, True, -(-total // 25))
    monkeypatch.setattr(selectors, "COUNT_LIMIT", 3)
    page = initiative_page(national_admin, **criteria)
    assert (page.count, page.count_is_exact, page.num_pages, page.has_next) == (3, False, None, True)


def test_a_page_past_the_end_shows_the_last_page(national_set, national_admin, campaign_id, long_lists):
    criteria = {"campaign": campaign_id, "kind": Initiative.Kind.COLLECTIVE}
    total = filter_initiatives(national_admin, **criteria).count()
    page = initiative_page(national_admin, number=10_000, size=25, **criteria)
    assert page.number == -(-total // 25)
    assert page.rows and not page.has_next


def test_the_page_says_more_than_when_the_list_is_long(client_admin, campaign_id, long_lists):
    text = client_admin.get(reverse("initiatives:list"), {"campaign": campaign_id, "kind": "collective"}).content
    assert "Hơn 3 mô hình".encode() in text
    assert b"Trang 1<" in text


# The list with two filters (the session read from the cache): user, scope; the campaign chosen, the units offered,
# the campaigns and the fields of the form; the capped count, the page's ids, its rows and their fields.
LIST_QUERIES = 10
# The search: the same but the campaign chosen, and the years of the campaigns (the groups of the order).
SEARCH_QUERIES = 10


@pytest.mark.parametrize("long", [False, True], ids=["short", "long"])
@pytest.mark.parametrize("number", ["1", "2"])
def test_list_and_search_have_a_fixed_query_count(
    client_admin, campaign_id, monkeypatch, django_assert_num_queries, django_assert_max_num_queries, long, number
):
    """The same on every page and whether the list is counted exactly or not. A long search reads its rows one
    group (phrase or not, year) at a time until the page is full: at a million rows the first group fills it;
    in this small set the phrase group is short, so a page may take one query per group, never more."""
    from danvan.campaigns.models import Campaign

    if long:
        monkeypatch.setattr(selectors, "COUNT_LIMIT", 3)
    url = reverse("initiatives:list")
    with django_assert_num_queries(LIST_QUERIES):
        response = client_admin.get(url, {"campaign": campaign_id, "kind": "collective", "page": number})
        assert response.status_code == 200
    groups = 2 * Campaign.objects.values("year").distinct().count() if long else 1
    with django_assert_max_num_queries(SEARCH_QUERIES - 1 + groups) as captured:
        response = client_admin.get(url, {"q": PHRASE, "page": number})
        assert response.status_code == 200
    if not long:
        assert len(captured) == SEARCH_QUERIES
    with django_assert_num_queries(SEARCH_QUERIES):  # one word: the first group fills the page
        response = client_admin.get(url, {"q": "van", "page": number})
        assert response.status_code == 200


def test_the_unit_filter_offers_nearby_units_only(client_admin, national_set):
    """Not every unit of the country (tens of thousands of options): the top levels, and around the chosen unit."""
    from danvan.orgs.models import Organization

    response = client_admin.get(reverse("initiatives:list"))
    offered = {str(pk) for pk, _label in response.context["form"].fields["unit"].widget.choices if pk}
    assert offered == {
        str(pk)
        for pk in Organization.objects.filter(depth__lte=1)
        .exclude(kind="partner_commission")
        .values_list("pk", flat=True)
    }
    deep = Organization.objects.filter(depth=2, children__isnull=False).first()
    response = client_admin.get(reverse("initiatives:list"), {"unit": deep.pk})
    offered = {pk for pk, _label in response.context["form"].fields["unit"].widget.choices if pk}
    assert {o.pk for o in deep.children.all()} <= offered
    assert deep.pk in offered and deep.parent_id in offered


# An accepted initiative with reports: the registration (8: the user, the user's scope, the initiative, its
# continuations, the campaigns it could go on in, its fields, attachments and steps), reporting, results and
# assessments (7, and the reader's place in the team when one is assigned), the review card (3: its replication links,
# what the quality flags weigh, the stored near-duplicate; see recognition.selectors.initiative_recognition).
DETAIL_QUERIES = 18


def test_initiative_page_has_a_fixed_query_count(client_admin, national_set, django_assert_num_queries):
    from django.db.models import Count

    pages = (
        Initiative.objects.filter(status=Initiative.Status.ACCEPTED, carried_over_from__isnull=True)
        .annotate(n=Count("reports", distinct=True), m=Count("indicators", distinct=True))
        .filter(n__gt=0, m__gt=0)
        .order_by("-n", "pk")
    )
    first = pages.first()
    # Of one campaign: how many earlier years the quality flags compare texts with is the campaign's (recognition).
    for initiative in (first, pages.filter(campaign_id=first.campaign_id).last()):
        # The reader's place in the survey team is looked for only when a team is assigned.
        assigned = Assignment.objects.filter(initiative=initiative).exists()
        with django_assert_num_queries(DETAIL_QUERIES + assigned):
            assert client_admin.get(reverse("initiatives:detail", args=[initiative.pk])).status_code == 200
