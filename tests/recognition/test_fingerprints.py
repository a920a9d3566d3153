"""The near-duplicate fingerprints give exactly the answer of the brute-force rule (flags.near_duplicates against
the whole pool), after edits, status changes, deletions, new family links and stock phrases crossing the
threshold; and the initiative page's flags cost a fixed number of queries."""

import random

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from danvan.campaigns.models import Campaign
from danvan.demo import national
from danvan.initiatives.models import Initiative
from danvan.recognition.fingerprints import KEEP, find_near_duplicates, rebuild, stored_near_duplicates
from danvan.recognition.flags import _COMMON, NEAR_DUPLICATE, comparison_pool, near_duplicates
from danvan.recognition.models import Replication, ShingleCount, TextFingerprint
from danvan.recognition.selectors import initiative_recognition

SYLLABLES = [
    *("an", "ba", "ca", "da", "em", "gia", "ha", "khi", "la", "ma", "na", "nga", "nha"),
    *("oa", "pha", "qua", "ra", "sa", "ta", "tha", "tra", "uy", "va", "xa", "ya"),
]


def _words(rng: random.Random, n: int) -> list[str]:
    return [rng.choice(SYLLABLES) + rng.choice(SYLLABLES) for _ in range(n)]


def _set_text(i: Initiative, words: list[str]) -> None:
    i.title = " ".join(words[:8])
    i.goals = " ".join(words[8:40])
    i.method = " ".join(words[40:])
    i.save()


def _base(i: Initiative) -> int:
    return i.unit.base_id or i.unit_id


@pytest.fixture(scope="module")
def planted(django_db_setup, django_db_blocker):
    """A generated set (bulk-written, then `rebuild`), changed afterwards through ordinary saves: texts copied
    across units with a few words changed, a stock phrase pushed above the threshold and back, a copy made a
    replication, an original deleted, a copy withdrawn."""
    with django_db_blocker.unblock(), transaction.atomic():
        national.generate(initiatives=400, seed=7, years=3)
        rebuild()
        rng = random.Random(3)
        campaigns = list(Campaign.objects.order_by("year"))
        registered = list(
            Initiative.objects.registered().filter(campaign__in=campaigns[-2:]).select_related("unit").order_by("pk")
        )
        rng.shuffle(registered)
        originals = []
        for n in range(12):  # an original and a copy at another unit, changed more and more
            a = registered.pop()
            b = next(x for x in registered if _base(x) != _base(a))
            registered.remove(b)
            words = _words(rng, 70)
            _set_text(a, words)
            copy = list(words)
            for k in rng.sample(range(70), n * 3):
                copy[k] = rng.choice(SYLLABLES) * 2
            _set_text(b, copy)
            originals.append((a, b))
        # Two copies of one original at two other units: the tie goes to the smaller id.
        a, _b = originals[0]
        twins = [x for x in registered if _base(x) != _base(a)][:2]
        for x in twins:
            registered.remove(x)
            x.title, x.goals, x.method = a.title, a.goals, a.method
            x.save()
        # A stock phrase in more registrations than _COMMON, then back under it.
        phrase = " ".join(_words(rng, 3))
        holders = [x for x in registered if x.campaign_id == campaigns[-1].pk][: _COMMON + 3]
        for x in holders:
            x.goals = f"{x.goals} {phrase}"
            x.save()
        for x in holders[:4]:
            x.goals = x.goals.replace(phrase, "")
            x.save()
        # A copy declared as a replication; a withdrawn copy; a deleted original.
        Replication.objects.create(original=originals[1][0], copy=originals[1][1])
        withdrawn = originals[2][1]
        withdrawn.status = Initiative.Status.WITHDRAWN
        withdrawn.save(update_fields=["status"])
        deletable = next(
            (a for a, _b in originals[3:] if not a.assessments.exists() and not hasattr(a, "assignment")), None
        )
        if deletable is not None:
            Initiative.objects.filter(pk=deletable.pk).first().delete()
        yield {"campaigns": campaigns, "originals": originals, "holders": holders}
        transaction.set_rollback(True)


def _brute_force(campaign) -> dict[int, tuple[int, float]]:
    pool = comparison_pool(campaign)
    mine = [i for i in pool if i.campaign_id == campaign.pk]
    for i in mine:
        i.unit  # noqa: B018 — loaded by comparison_pool
    return {pk: (other.pk, sim) for pk, (other, sim) in near_duplicates(mine, pool).items()}


def _same(found: dict[int, tuple[int, float]], expected: dict[int, tuple[int, float]]) -> None:
    assert set(found) == set(expected)
    for pk, (other, sim) in expected.items():
        assert found[pk][1] == pytest.approx(sim, abs=1e-12)
        if found[pk][0] != other:  # a tie: the old rule took whichever came first, the new one the smaller id
            assert found[pk][0] < other or found[pk][1] == pytest.approx(sim)


def _registered(campaign) -> list[Initiative]:
    return list(
        Initiative.objects.registered().filter(campaign=campaign).select_related("unit", "campaign").order_by("pk")
    )


@pytest.mark.django_db
def test_stored_and_looked_up_near_duplicates_match_the_brute_force_rule(planted):
    flagged = 0
    for campaign in planted["campaigns"]:
        expected = _brute_force(campaign)
        flagged += len(expected)
        initiatives = _registered(campaign)
        looked_up = {pk: (o.pk, s) for pk, (o, s) in find_near_duplicates(initiatives).items()}
        stored = {pk: (o.pk, s) for pk, (o, s) in stored_near_duplicates(initiatives).items()}
        _same(looked_up, expected)
        _same(stored, expected)
    # The planted copies are found, not only the absence of any: the easiest ones at least.
    assert flagged >= 6
    assert all(
        s >= NEAR_DUPLICATE
        for _o, s in TextFingerprint.objects.exclude(similarity=None).values_list("pk", "similarity")
    )


@pytest.mark.django_db
def test_the_replication_and_the_withdrawn_copy_are_not_flagged(planted):
    (a1, b1), (a2, b2) = planted["originals"][1], planted["originals"][2]
    stored = dict(TextFingerprint.objects.filter(pk__in=[a1.pk, b1.pk, a2.pk, b2.pk]).values_list("pk", "duplicate_of"))
    assert stored[b1.pk] != a1.pk and stored[a1.pk] != b1.pk
    assert stored[b2.pk] is None and stored[a2.pk] != b2.pk


@pytest.mark.django_db
def test_counts_kept_at_each_save_equal_a_rebuild_from_scratch(planted):
    def state():
        counts = {
            (c, h): (n, sorted(ids))
            for c, h, n, ids in ShingleCount.objects.values_list("campaign_id", "hash", "count", "initiative_ids")
        }
        results = dict(TextFingerprint.objects.values_list("pk", "duplicate_of_id"))
        return counts, results

    incremental = state()
    with transaction.atomic():
        rebuild()
        fresh = state()
        transaction.set_rollback(True)
    assert incremental[0] == fresh[0]
    assert incremental[1] == fresh[1]
    # The stock phrase went above the threshold (ids dropped) and back under it (ids read again).
    assert all(n <= KEEP or not ids for n, ids in incremental[0].values())


@pytest.mark.django_db
def test_rebuild_of_some_rows_catches_up_with_a_bulk_write(planted):
    campaign = planted["campaigns"][-1]
    a, _b = planted["originals"][4]
    target = next(i for i in _registered(campaign) if _base(i) != _base(a) and i.pk != a.pk)
    # A write that sends no signal (as bulk_create and COPY do), then the rebuild of that row.
    Initiative.objects.filter(pk=target.pk).update(title=a.title, goals=a.goals, method=a.method)
    rebuild(initiative_ids=[target.pk])
    expected = _brute_force(campaign)
    stored = {pk: (o.pk, s) for pk, (o, s) in stored_near_duplicates(_registered(campaign)).items()}
    _same(stored, expected)
    assert target.pk in stored


@pytest.mark.django_db
def test_the_initiative_page_flags_cost_a_fixed_number_of_queries(planted):
    admin = get_user_model().objects.get(username=national.NATIONAL_ADMIN)
    a, b = planted["originals"][0]
    initiative_recognition(Initiative.objects.get(pk=a.pk), admin)  # the user's scope, read once per request
    others = [i for i in _registered(planted["campaigns"][-1]) if i.pk not in (a.pk, b.pk)]
    for pk in (b.pk, *(i.pk for i in others[:30])):
        initiative = Initiative.objects.select_related("unit__parent", "campaign").get(pk=pk)
        with CaptureQueriesContext(connection) as ctx:
            card = initiative_recognition(initiative, admin)
        assert card.show_flags
        expected = FLAG_QUERIES + (1 if initiative.status == Initiative.Status.ACCEPTED else 0)
        expected += 1 if card.original is not None else 0
        assert len(ctx.captured_queries) == expected, [q["sql"] for q in ctx.captured_queries]
    near = [
        f for f in initiative_recognition(Initiative.objects.get(pk=b.pk), admin).flags if f.code == "near_duplicate"
    ]
    assert near and near[0].other_id is not None and near[0].detail.endswith("100%")  # a or one of its twins


# The review card of a registration for the bloc: its replication links, the campaign, indicators, three for
# evidence, reports sent, and one read of the stored near-duplicate, whatever the size of the campaign (before: the
# whole pool and its family links). An accepted one reads the reporting periods too; a copy, whether its original
# is visible.
FLAG_QUERIES = 8
