"""The near-duplicate fingerprints give exactly the answer of the brute-force rule (flags.near_duplicates against
the whole pool), after edits, status changes, deletions, new family links and stock phrases crossing the
threshold; and the initiative page's flags cost a fixed number of queries. The full rebuild's memoizing hasher
gives the texts' own hashes, and its side-by-side form on PostgreSQL stores exactly what the one-transaction form
stores."""

import random
from collections import defaultdict

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from danvan.campaigns.models import Campaign
from danvan.core.bulk import insert_rows
from danvan.demo import national
from danvan.initiatives.models import Initiative
from danvan.recognition import fingerprints
from danvan.recognition.fingerprints import (
    KEEP,
    _dump,
    _Hasher,
    find_near_duplicates,
    rebuild,
    stored_near_duplicates,
    text_hashes,
)
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


@pytest.fixture(scope="class")
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


class TestAGeneratedSetChangedBySaves:
    """On `planted`, whose transaction stays open for this class only: the tests below commit theirs (and
    pytest-django runs such tests after the others)."""

    @pytest.mark.django_db
    def test_stored_and_looked_up_near_duplicates_match_the_brute_force_rule(self, planted):
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
    def test_the_replication_and_the_withdrawn_copy_are_not_flagged(self, planted):
        (a1, b1), (a2, b2) = planted["originals"][1], planted["originals"][2]
        stored = dict(
            TextFingerprint.objects.filter(pk__in=[a1.pk, b1.pk, a2.pk, b2.pk]).values_list("pk", "duplicate_of")
        )
        assert stored[b1.pk] != a1.pk and stored[a1.pk] != b1.pk
        assert stored[b2.pk] is None and stored[a2.pk] != b2.pk

    @pytest.mark.django_db
    def test_counts_kept_at_each_save_equal_a_rebuild_from_scratch(self, planted):
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
    def test_a_rebuild_stores_each_texts_hashes_and_each_campaigns_counts(self, planted):
        with transaction.atomic():
            rebuild()
            stored = {
                pk: rest
                for pk, *rest in TextFingerprint.objects.values_list(
                    "pk", "campaign_id", "registered", "size", "hashes"
                )
            }
            counts = {
                (c, h): (n, ids)
                for c, h, n, ids in ShingleCount.objects.values_list("campaign_id", "hash", "count", "initiative_ids")
            }
            transaction.set_rollback(True)
        expected, holders = {}, defaultdict(list)
        for pk, c, status, *texts in Initiative.objects.order_by("pk").values_list(
            "pk", "campaign_id", "status", "title", "goals", "method"
        ):
            hashes = text_hashes(*texts)
            registered = status in Initiative.REGISTERED_STATUSES
            expected[pk] = [c, registered, len(hashes), _dump(hashes)]
            for h in hashes if registered else ():
                holders[(c, h)].append(pk)
        assert stored == expected
        assert counts == {key: (len(ids), ids if len(ids) <= KEEP else []) for key, ids in holders.items()}
        assert any(n > KEEP for n, _ids in counts.values()) and any(len(ids) > 1 for _n, ids in counts.values())

    @pytest.mark.django_db
    def test_rebuild_of_some_rows_catches_up_with_a_bulk_write(self, planted):
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
    def test_the_initiative_page_flags_cost_a_fixed_number_of_queries(self, planted):
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
            expected += 1 if Replication.objects.filter(Q(copy=initiative) | Q(original=initiative)).exists() else 0
            assert len(ctx.captured_queries) == expected, [q["sql"] for q in ctx.captured_queries]
        near = [
            f
            for f in initiative_recognition(Initiative.objects.get(pk=b.pk), admin).flags
            if f.code == "near_duplicate"
        ]
        assert near and near[0].other_id is not None and near[0].detail.endswith("100%")  # a or one of its twins


def _stored() -> tuple[set[tuple], dict[tuple[int, int], tuple[int, list[int]]]]:
    fingerprints_ = set(
        TextFingerprint.objects.values_list(
            "pk", "campaign_id", "registered", "size", "hashes", "duplicate_of_id", "similarity"
        )
    )
    counts = {
        (c, h): (n, ids)
        for c, h, n, ids in ShingleCount.objects.values_list("campaign_id", "hash", "count", "initiative_ids")
    }
    return fingerprints_, counts


def _secondary_schema() -> set[tuple]:
    tables = [TextFingerprint._meta.db_table, ShingleCount._meta.db_table]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), convalidated FROM pg_constraint "
            "WHERE conrelid = ANY(%s::regclass[])",
            [tables],
        )
        schema = set(cursor.fetchall())
        cursor.execute("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)", [tables])
        return schema | set(cursor.fetchall())


side_by_side = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the side-by-side rebuild is PostgreSQL's, outside a transaction; elsewhere rebuild() always takes the "
    "one-transaction path the other tests check",
)


@side_by_side
@pytest.mark.django_db(transaction=True)
def test_the_side_by_side_rebuild_stores_what_the_one_transaction_rebuild_stores():
    # Outside a transaction the generator loads side by side and ends with rebuild() side by side.
    national.generate(initiatives=500, seed=5, years=3)
    schema = _secondary_schema()
    # Copies across units written without signals (as COPY writes them): near-duplicates to find.
    rng = random.Random(9)
    registered = list(Initiative.objects.registered().select_related("unit").order_by("pk"))
    for n in range(8):
        a = rng.choice(registered)
        b = rng.choice([x for x in registered if x.campaign_id == a.campaign_id and _base(x) != _base(a)])
        for pk, changed in ((a.pk, 0), (b.pk, n * 4)):
            words = _words(random.Random(n), 60)
            for k in random.Random(-n).sample(range(60), changed):
                words[k] = "khac"
            Initiative.objects.filter(pk=pk).update(
                title=" ".join(words[:8]), goals=" ".join(words[8:30]), method=" ".join(words[30:])
            )
    rebuild()
    side = _stored()
    assert _secondary_schema() == schema  # foreign keys, unique constraint and indexes back, and checked
    with transaction.atomic():
        rebuild()
        one = _stored()
    assert side == one
    assert any(other is not None for *_f, other, _s in side[0])
    assert len(side[0]) == Initiative.objects.count()


@side_by_side
@pytest.mark.django_db(transaction=True)
def test_a_failed_side_by_side_rebuild_leaves_empty_tables_with_their_keys(monkeypatch):
    national.generate(initiatives=60, seed=4, years=2)
    schema = _secondary_schema()
    assert TextFingerprint.objects.exists()
    fill = fingerprints._fill

    def fail(campaigns):
        raise ValueError("hỏng")

    def orphan(campaigns):  # as if an initiative were deleted during the rebuild
        candidates = fill(campaigns)
        line = f"{Initiative.objects.order_by('pk').last().pk + 1000 + campaigns[0]}\t{campaigns[0]}\tf\t0\t  \n"
        insert_rows(TextFingerprint, fingerprints._FINGERPRINT_COLUMNS, [line])
        return candidates

    monkeypatch.setattr(fingerprints, "_fill", fail)  # the forked processes inherit it
    with pytest.raises(RuntimeError, match="hỏng"):
        rebuild()
    assert not TextFingerprint.objects.exists() and not ShingleCount.objects.exists()
    assert _secondary_schema() == schema

    monkeypatch.setattr(fingerprints, "_fill", orphan)
    with pytest.raises(RuntimeError, match="violates foreign key constraint"):
        rebuild()
    assert not TextFingerprint.objects.exists() and not ShingleCount.objects.exists()
    assert _secondary_schema() == schema

    monkeypatch.setattr(fingerprints, "_fill", fill)
    rebuild()
    assert TextFingerprint.objects.count() == Initiative.objects.count()


def test_the_rebuilds_hasher_gives_the_texts_hashes():
    """The full rebuild cuts texts token by token, remembering tokens, fields and sequences: the same hashes and the
    same stored text as `text_hashes` and `_dump`, whatever the spaces, diacritics, punctuation or case."""
    pieces = [
        *("Trợ", "giúp", "Pháp", "lý", "ĐƯỜNG", "đi", "Đảng", "ủy", "ΟΔΟΣ", "Σ", "ΑΣ", "σ", "İstanbul", "ß", "ﬁle"),
        *("a\u0301", "\u0301b", "x\u00a0y", "co-op", "l'eau", "l’eau", "9.5%", "1.250,5", "a_b", "Ǆ", "ǅx", "…", "—"),
        *("a.Σ", "ΑΣ.", "x\u0345", "ｆｕｌｌ", "①", "²", "la la la", "la", "", " ", "\t", "\n", "\u2007", "\u202f"),
    ]
    separators = [" ", "  ", "\t", "\u00a0", "\n", "", ".", ", "]
    rng = random.Random(5)

    def text() -> str:
        n = rng.choice([0, 0, 1, 2, 3, 5, 12])
        return "".join(rng.choice(pieces) + rng.choice(separators) for _k in range(n))

    hasher = _Hasher()
    for n in range(3000):
        title, goals, method = text(), text(), text()
        if n % 3 == 0:  # goals and method met before, or a title equal to earlier goals
            title, goals = goals, rng.choice(pieces)
        rest, extra = hasher.text(title, goals, method)
        expected = text_hashes(title, goals, method)
        assert rest.hashes | set(extra) == expected and len(rest.hashes) + len(extra) == len(expected)
        assert hasher.dump(rest, extra) == _dump(expected)
        if n % 500 == 0:
            hasher.trim()
            hasher.LIMIT = 50  # start afresh now and then


# The review card of a registration for the bloc: its replication links, the campaign, one for what the flags weigh
# (indicators, evidence, reports sent), and one read of the stored near-duplicate, whatever the size of the campaign
# (before: the whole pool and its family links). An accepted one reads the reporting periods too; a copy or an
# original, the initiatives at the other end of its links.
FLAG_QUERIES = 4
