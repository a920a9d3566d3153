"""The review board, one page at a time: the same ranks, scores and flags as the whole board of
insights.review.review_board, in a number of queries that does not grow with the campaign."""

import pytest
from django.db.models import Count
from django.urls import reverse

from danvan.campaigns.models import Campaign
from danvan.initiatives.models import Initiative
from danvan.insights.review import review_board
from danvan.orgs.models import Membership, Organization
from danvan.recognition import board as board_module
from danvan.recognition.board import UNDECIDED, board_page, board_row
from danvan.recognition.fingerprints import rebuild
from danvan.recognition.flags import LABELS

# The board page, whatever the number of rows (before: every row's figures and flags, the near-duplicate check
# comparing every text of the campaign): the user (the session is read from the cache), the user's scope, the campaign
# and the review rights, the reporting periods, the board's scores (one narrow query: order, scales and count come
# from it), the rows shown, the rounds of the board; for the rows shown: reports sent, indicators and their values,
# feedback, their rounds, and three for the flags (what they weigh, in one query; the texts' stored near-duplicates
# and the rows they name). A filter adds the ids it matches; one matching nothing reads no row.
BOARD_QUERIES = 14
FILTERED_QUERIES = BOARD_QUERIES + 1
EMPTY_QUERIES = 7


@pytest.fixture(scope="module")
def fingerprinted(national_set, django_db_blocker):
    """The generated set is written in bulk, without signals: its fingerprints are built once, as after an import."""
    with django_db_blocker.unblock():
        rebuild()
    return national_set


@pytest.fixture
def campaign(fingerprinted, db):
    """The closed campaign with the most initiatives, as the benchmark takes it."""
    closed = Campaign.objects.filter(status=Campaign.Status.CLOSED)
    return closed.annotate(n=Count("initiatives")).order_by("-n", "pk").first()


@pytest.fixture
def province_leader(campaign):
    """The leader of the province with the most accepted initiatives in the campaign."""
    leaders = Membership.objects.filter(
        role=Membership.Role.LEADER, organization__kind=Organization.Kind.PROVINCE
    ).select_related("organization", "user")

    def accepted(m):
        return Initiative.objects.filter(
            campaign=campaign, status=Initiative.Status.ACCEPTED, unit__path__startswith=m.organization.path
        ).count()

    return max(leaders, key=accepted).user


def _all_pages(campaign, user, **filters):
    first = board_page(campaign, user, **filters)
    rows = list(first.rows)
    for n in range(2, first.pages + 1):
        rows += board_page(campaign, user, page=n, **filters).rows
    assert len(rows) == first.count
    return first, rows


def _line(r):
    return (
        r.initiative.pk,
        r.rank,
        r.raw,
        r.standardised,
        r.team,
        r.gap,
        r.reports_sent,
        r.reports_due,
        r.indicator_percent,
        r.feedback_count,
        r.rounds,
        [(f.code, f.detail, f.other_id) for f in r.flags],
    )


@pytest.mark.parametrize("order", ["standardised", "raw"])
def test_the_pages_add_up_to_the_whole_board(campaign, national_admin, province_leader, order, monkeypatch):
    monkeypatch.setattr(board_module, "PAGE_SIZE", 7)
    for user in (national_admin, province_leader):
        whole = review_board(campaign, user, order=order)
        first, rows = _all_pages(campaign, user, order=order)
        assert first.total == len(whole.rows)
        assert first.pages > 1 or user == province_leader
        assert [_line(r) for r in rows] == [_line(r) for r in whole.rows]
        assert first.scales == whole.scales
        assert first.rounds == whole.rounds and first.due == whole.due


def test_filters_keep_the_places_on_the_whole_board(campaign, province_leader, monkeypatch):
    monkeypatch.setattr(board_module, "PAGE_SIZE", 2)
    whole = review_board(campaign, province_leader)
    for code in LABELS:
        _first, rows = _all_pages(campaign, province_leader, flag=code)
        assert [_line(r) for r in rows] == [_line(r) for r in whole.rows if any(f.code == code for f in r.flags)]
    _first, rows = _all_pages(campaign, province_leader, result=UNDECIDED)
    assert [_line(r) for r in rows] == [_line(r) for r in whole.rows if not r.initiative.result]


def test_the_decision_page_row_is_the_board_row(campaign, province_leader):
    whole = review_board(campaign, province_leader)
    for r in whole.rows[:: max(1, len(whole.rows) // 10)]:
        initiative = Initiative.objects.select_related("campaign").get(pk=r.initiative.pk)
        row, scales, size = board_row(initiative, province_leader)
        assert _line(row) == _line(r)
        assert scales == whole.scales and size == len(whole.rows)


def test_the_board_costs_a_fixed_number_of_queries(
    client, campaign, province_leader, national_admin, django_assert_num_queries
):
    url = reverse("recognition:board", args=[campaign.pk])
    for user in (province_leader, national_admin):
        client.force_login(user)
        for query, expected in (
            ("", BOARD_QUERIES),
            ("?page=2", BOARD_QUERIES),
            ("?order=raw&page=3", BOARD_QUERIES),
            ("?flag=no_evidence", FILTERED_QUERIES),
            ("?flag=no_evidence&page=2", FILTERED_QUERIES),
            ("?result=undecided&flag=near_duplicate", EMPTY_QUERIES),
        ):
            with django_assert_num_queries(expected):
                response = client.get(url + query)
            assert response.status_code == 200


def test_the_board_shows_one_page(client, campaign, province_leader):
    client.force_login(province_leader)
    response = client.get(reverse("recognition:board", args=[campaign.pk]))
    page = response.context["board"]
    assert len(page.rows) == min(page.count, board_module.PAGE_SIZE)
    if page.pages > 1:
        assert b'rel="next"' in response.content


def test_the_bulk_flag_condition_counts_what_quality_flags_flags(campaign, national_admin):
    """The dashboard's units with flagged initiatives can be counted in the database (flags.any_flag)."""
    from danvan.insights.checking import due_periods
    from danvan.recognition.flags import any_flag, quality_flags

    periods = due_periods(campaign)
    accepted = Initiative.objects.visible_to(national_admin).filter(
        campaign=campaign, status=Initiative.Status.ACCEPTED
    )
    codes = ("no_indicator", "no_evidence", "missing_reports")
    rows = list(accepted.select_related("unit", "campaign"))
    flags = quality_flags(rows, due_periods=len(periods), gaps={}, pool=[])
    expected = {pk for pk, f in flags.items() if any(x.code in codes for x in f)}
    assert set(accepted.filter(any_flag(codes, periods=periods)).values_list("pk", flat=True)) == expected
    assert expected
