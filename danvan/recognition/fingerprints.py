"""Fingerprints of the initiatives' texts, so that the near-duplicate flag is read from a table instead of comparing a
text with its whole campaign on every view.

The rule stays the one of `flags.near_duplicates`: the three-word sequences (shingles) of title, goals and method; a
sequence found in more than `flags._COMMON` registrations of the pool (the campaign and the previous one) is a stock
phrase and does not count; a pair is a near-duplicate when the shared other sequences make at least
`flags.NEAR_DUPLICATE` of all the sequences of both texts. What is kept for it:

- `TextFingerprint`: per initiative its hashed sequences, whether it counts (a registration), and the result: the
  most similar initiative of another unit and the similarity (`duplicate_of`, `similarity`).
- `ShingleCount`: per campaign and sequence, how many registrations contain it, and which ones while they are at
  most `_COMMON` (above that the sequence is a stock phrase in every pool that holds the campaign).

A lookup (`find_near_duplicates`) reads the counts of the initiative's own sequences (one indexed query), takes the
registrations sharing enough rare ones (at least half of the text: below that the similarity cannot reach 50 %),
and compares those few exactly as the old rule did.

Keeping it up to date: `apps.RecognitionConfig.ready` connects `refresh` to every save and delete of an
Initiative and of a Replication (a new family link lifts a flag). Bulk writes that send no signals — the national
generator, the Excel import — must call `rebuild()` (everything) or `rebuild(initiative_ids=…)` (those rows)
after they commit their rows. `manage.py shell -c "from danvan.recognition.fingerprints import rebuild; rebuild()"`
rebuilds an existing database.
"""

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

from danvan.campaigns.models import Campaign
from danvan.initiatives.models import Initiative
from danvan.recognition.flags import _COMMON, NEAR_DUPLICATE, _families, _shingles
from danvan.recognition.models import ShingleCount, TextFingerprint

# Initiatives' ids are listed on a ShingleCount row while its count is at most this: exactly the rows a lookup needs.
KEEP = _COMMON
_CHUNK = 500  # hashes or ids per IN (…) list
_REGISTERED = frozenset(Initiative.REGISTERED_STATUSES)
_TEXT_FIELDS = ("title", "goals", "method")


def shingle_hash(shingle: str) -> int:
    """A signed 64-bit hash of a three-word sequence, stable across processes (Python's hash() is not)."""
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big", signed=True)


def text_shingles(title: str, goals: str, method: str) -> set[str]:
    return _shingles(" ".join([title, goals, method]))


def text_hashes(title: str, goals: str, method: str) -> set[int]:
    return {shingle_hash(s) for s in text_shingles(title, goals, method)}


def _dump(hashes: Iterable[int]) -> str:
    return " " + " ".join(str(h) for h in sorted(hashes)) + " "


def _load(text: str) -> set[int]:
    return {int(h) for h in text.split()}


def _chunks(items: list, size: int = _CHUNK):
    for k in range(0, len(items), size):
        yield items[k : k + size]


def _pools(campaign_ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    """Each campaign's comparison pool: itself and the previous campaign."""
    previous = dict(Campaign.objects.filter(pk__in=set(campaign_ids)).values_list("pk", "previous_id"))
    return {c: (c, p) if p else (c,) for c, p in previous.items()}


def _counts(keys: dict[int, set[int]]) -> dict[tuple[int, int], tuple[int, list[int]]]:
    """{(campaign, hash): (count, ids)} for the given hashes per campaign, in a few indexed queries."""
    out: dict[tuple[int, int], tuple[int, list[int]]] = {}
    for campaign_id, hashes in keys.items():
        for part in _chunks(sorted(hashes)):
            for c, h, n, ids in ShingleCount.objects.filter(campaign_id=campaign_id, hash__in=part).values_list(
                "campaign_id", "hash", "count", "initiative_ids"
            ):
                out[(c, h)] = (n, ids)
    return out


# --- The lookup ----------------------------------------------------------------------------------------------------


def find_near_duplicates(initiatives: list[Initiative]) -> dict[int, tuple[Initiative, float]]:
    """For each initiative (its texts, `campaign_id`, `unit` loaded), the most similar registration of another unit
    in its pool at or above `flags.NEAR_DUPLICATE`, outside its replication and carry-over family — the answer of
    `flags.near_duplicates(initiatives, comparison_pool(campaign))`, from the counts instead of the whole pool.
    Ties go to the smaller id. A fixed number of queries whatever the size of the campaign."""
    if not initiatives:
        return {}
    pools = _pools({i.campaign_id for i in initiatives})
    mine = {i.pk: text_shingles(i.title, i.goals, i.method) for i in initiatives}
    hashes = {pk: {shingle_hash(s) for s in shingles} for pk, shingles in mine.items()}
    wanted: dict[int, set[int]] = defaultdict(set)
    for i in initiatives:
        for c in pools.get(i.campaign_id, ()):
            wanted[c] |= hashes[i.pk]
    counts = _counts(wanted)
    shared: dict[int, dict[int, int]] = {}
    for i in initiatives:
        pool = pools.get(i.campaign_id, ())
        n: dict[int, int] = defaultdict(int)
        for h in hashes[i.pk]:
            parts = [counts[(c, h)] for c in pool if (c, h) in counts]
            if sum(p[0] for p in parts) > _COMMON:
                continue
            for _count, ids in parts:
                for pk in ids:
                    n[pk] += 1
        # similarity = shared / |union| and |union| ≥ |mine|: fewer than half shared can never reach the threshold.
        enough = {pk: k for pk, k in n.items() if pk != i.pk and 2 * k >= len(mine[i.pk])}
        if enough:
            shared[i.pk] = enough
    if not shared:
        return {}
    other_ids = sorted({pk for per in shared.values() for pk in per})
    others = {
        o.pk: o
        for part in _chunks(other_ids)
        for o in Initiative.objects.filter(pk__in=part)
        .select_related("unit", "campaign")
        .only(*_TEXT_FIELDS, "unit__base_id", "unit__name", "campaign__year")
    }
    theirs = {pk: text_shingles(o.title, o.goals, o.method) for pk, o in others.items()}
    family = _families(set(shared) | set(others))
    by_id = {i.pk: i for i in initiatives}
    found: dict[int, tuple[Initiative, float]] = {}
    for pk, per in shared.items():
        i = by_id[pk]
        base = i.unit.base_id or i.unit_id
        best: tuple[Initiative, float] | None = None
        for other_id, k in sorted(per.items()):
            other = others.get(other_id)
            if other is None or (other.unit.base_id or other.unit_id) == base or family[pk] == family[other_id]:
                continue
            similarity = k / len(mine[pk] | theirs[other_id])
            if similarity >= NEAR_DUPLICATE and (best is None or similarity > best[1]):
                best = (other, similarity)
        if best:
            found[pk] = best
    return found


def stored_near_duplicates(initiatives: list[Initiative]) -> dict[int, tuple[Initiative, float]]:
    """The near-duplicates kept in the fingerprints (one query); initiatives without a fingerprint yet (written by a
    bulk path not followed by `rebuild`) are looked up on the spot."""
    ids = [i.pk for i in initiatives]
    if not ids:
        return {}
    found: dict[int, tuple[Initiative, float]] = {}
    known: set[int] = set()
    for fp in (
        TextFingerprint.objects.filter(pk__in=ids)
        .select_related("duplicate_of__unit", "duplicate_of__campaign")
        .only(
            "initiative_id",
            "similarity",
            "duplicate_of__title",
            "duplicate_of__unit__name",
            "duplicate_of__campaign__year",
        )
    ):
        known.add(fp.pk)
        if fp.duplicate_of is not None and fp.similarity is not None:
            found[fp.pk] = (fp.duplicate_of, fp.similarity)
    missing = [i for i in initiatives if i.pk not in known and i.status in _REGISTERED]
    if missing:
        found.update(find_near_duplicates(missing))
    return found


# --- Keeping it up to date -----------------------------------------------------------------------------------------


def refresh(initiative_ids: Iterable[int], *, gone: bool = False) -> None:
    """Recompute the fingerprints of these initiatives (from their current texts and status; `gone`: they are being
    deleted), the counts of their sequences, and the near-duplicate result of every registration the change can
    affect: these, and the registrations sharing a rare sequence with them in their campaign or the next."""
    ids = sorted(set(initiative_ids))
    if not ids:
        return
    with transaction.atomic():
        current = (
            {}
            if gone
            else {
                i.pk: i
                for part in _chunks(ids)
                for i in Initiative.objects.filter(pk__in=part).only("campaign_id", "status", *_TEXT_FIELDS)
            }
        )
        old = {f.pk: f for part in _chunks(ids) for f in TextFingerprint.objects.filter(pk__in=part)}
        delta: dict[tuple[int, int], dict[int, int]] = defaultdict(lambda: defaultdict(int))
        touched: set[tuple[int, int]] = set()
        fingerprints = []
        for pk in ids:
            f, i = old.get(pk), current.get(pk)
            if f is not None and f.registered:
                for h in _load(f.hashes):
                    delta[(f.campaign_id, h)][pk] -= 1
                    touched.add((f.campaign_id, h))
            if i is None:
                continue
            hashes = text_hashes(i.title, i.goals, i.method)
            registered = i.status in _REGISTERED
            if registered:
                for h in hashes:
                    delta[(i.campaign_id, h)][pk] += 1
                    touched.add((i.campaign_id, h))
            fingerprints.append(
                TextFingerprint(
                    initiative_id=pk,
                    campaign_id=i.campaign_id,
                    registered=registered,
                    size=len(hashes),
                    hashes=_dump(hashes),
                )
            )
        # The fingerprints first: a count coming back down to KEEP re-reads its ids from them.
        if fingerprints:
            TextFingerprint.objects.bulk_create(
                fingerprints,
                update_conflicts=True,
                unique_fields=["initiative"],
                update_fields=["campaign", "registered", "size", "hashes"],
            )
        gone_ids = [pk for pk in ids if pk not in current and pk in old]
        if gone_ids:
            TextFingerprint.objects.filter(pk__in=gone_ids).update(registered=False, hashes=" ", size=0)
        changes = {k: {pk: d for pk, d in v.items() if d} for k, v in delta.items()}
        affected = set(ids) | _apply({k: v for k, v in changes.items() if v}, touched)
        store_results(affected)


def _apply(changes: dict[tuple[int, int], dict[int, int]], touched: set[tuple[int, int]]) -> set[int]:
    """Apply +1/−1 per (campaign, hash, initiative) to the counts, rows locked in a fixed order; answer the ids
    listed on the touched rows before and after, and on the same hashes of the next campaigns."""
    by_campaign: dict[int, set[int]] = defaultdict(set)
    for c, h in touched:
        by_campaign[c].add(h)
    if changes:
        ShingleCount.objects.bulk_create(
            [ShingleCount(campaign_id=c, hash=h) for (c, h), d in sorted(changes.items()) if max(d.values()) > 0],
            ignore_conflicts=True,
        )
    affected: set[int] = set()
    rows = []
    for c, hashes in sorted(by_campaign.items()):
        for part in _chunks(sorted(hashes)):
            rows += list(
                ShingleCount.objects.select_for_update().filter(campaign_id=c, hash__in=part).order_by("hash")
                if changes
                else ShingleCount.objects.filter(campaign_id=c, hash__in=part)
            )
    changed, emptied, rescan = [], [], []
    for row in rows:
        affected.update(row.initiative_ids)
        d = changes.get((row.campaign_id, row.hash))
        if not d:
            continue
        before = row.count
        row.count = max(0, before + sum(d.values()))
        if row.count == 0:
            emptied.append(row.pk)
            continue
        if row.count > KEEP:
            row.initiative_ids = []
        elif before <= KEEP:
            ids = (set(row.initiative_ids) - {pk for pk, v in d.items() if v < 0}) | {
                pk for pk, v in d.items() if v > 0
            }
            row.initiative_ids = sorted(ids)
        else:
            rescan.append(row)
        changed.append(row)
    for row in rescan:  # back down from a stock phrase: which registrations hold it is read again
        row.initiative_ids = sorted(
            TextFingerprint.objects.filter(
                campaign_id=row.campaign_id, registered=True, hashes__contains=f" {row.hash} "
            ).values_list("pk", flat=True)
        )
        row.count = len(row.initiative_ids)
    for row in changed:
        affected.update(row.initiative_ids)
    if emptied:
        ShingleCount.objects.filter(pk__in=emptied).delete()
    if changed:
        ShingleCount.objects.bulk_update(changed, ["count", "initiative_ids"], batch_size=_CHUNK)
    # The next campaigns compare their registrations with this one: their rare sequences may have moved too.
    for nxt, prev in Campaign.objects.filter(previous_id__in=list(by_campaign)).values_list("pk", "previous_id"):
        for part in _chunks(sorted(by_campaign[prev])):
            for ids in ShingleCount.objects.filter(campaign_id=nxt, hash__in=part, count__lte=KEEP).values_list(
                "initiative_ids", flat=True
            ):
                affected.update(ids)
    return affected


def store_results(initiative_ids: Iterable[int]) -> None:
    """Look the near-duplicate of these initiatives up again and keep it in their fingerprints."""
    ids = sorted(set(initiative_ids))
    for part in _chunks(ids, 2000):
        registered = list(
            Initiative.objects.registered()
            .filter(pk__in=part)
            .select_related("unit")
            .only("campaign_id", "status", *_TEXT_FIELDS, "unit__base_id")
        )
        found = find_near_duplicates(registered)
        current = {
            pk: (other, sim)
            for pk, other, sim in TextFingerprint.objects.filter(pk__in=part).values_list(
                "pk", "duplicate_of_id", "similarity"
            )
        }
        changed = []
        for pk, (other, sim) in current.items():
            new = found.get(pk)
            want = (new[0].pk, new[1]) if new else (None, None)
            if want != (other, sim):
                changed.append(TextFingerprint(initiative_id=pk, duplicate_of_id=want[0], similarity=want[1]))
        if changed:
            TextFingerprint.objects.bulk_update(changed, ["duplicate_of", "similarity"], batch_size=_CHUNK)


def rebuild(initiative_ids: Iterable[int] | None = None) -> None:
    """Recompute fingerprints, counts and near-duplicates after a bulk write that sent no signals.

    `rebuild()` starts afresh for the whole database (the national generator, a restored dump: 3.5 minutes for
    200,000 initiatives, 35 for a million on a busy 2-CPU machine); `rebuild(initiative_ids=[…])` updates those
    rows and whatever their change affects (the Excel import: drafts cost one fingerprint each). Call it after the
    rows are written, in the same transaction
    or after it."""
    if initiative_ids is not None:
        ids = sorted(set(initiative_ids))
        for part in _chunks(ids, 2000):
            refresh(part)
        return
    with transaction.atomic():
        ShingleCount.objects.all().delete()
        TextFingerprint.objects.all().delete()
        counts: dict[tuple[int, int], list] = {}
        batch: list[TextFingerprint] = []
        rows = Initiative.objects.order_by("pk").values_list("pk", "campaign_id", "status", *_TEXT_FIELDS)
        for pk, campaign_id, status, title, goals, method in rows.iterator(chunk_size=5000):
            hashes = text_hashes(title, goals, method)
            registered = status in _REGISTERED
            if registered:
                for h in hashes:
                    entry = counts.setdefault((campaign_id, h), [0, []])
                    entry[0] += 1
                    if entry[0] <= KEEP:
                        entry[1].append(pk)
                    elif entry[1]:
                        entry[1] = []
            batch.append(
                TextFingerprint(
                    initiative_id=pk,
                    campaign_id=campaign_id,
                    registered=registered,
                    size=len(hashes),
                    hashes=_dump(hashes),
                )
            )
            if len(batch) >= 5000:
                TextFingerprint.objects.bulk_create(batch)
                batch = []
        TextFingerprint.objects.bulk_create(batch)
        ShingleCount.objects.bulk_create(
            (ShingleCount(campaign_id=c, hash=h, count=n, initiative_ids=ids) for (c, h), (n, ids) in counts.items()),
            batch_size=5000,
        )
        # Only a text with at least half of its sequences rare in its own campaign can be a near-duplicate.
        pools = _pools({c for c, _h in counts})
        candidates = []
        for pk, campaign_id, hashes_text in (
            TextFingerprint.objects.filter(registered=True)
            .order_by("pk")
            .values_list("pk", "campaign_id", "hashes")
            .iterator(chunk_size=5000)
        ):
            hashes = _load(hashes_text)
            rare = sum(1 for h in hashes if sum(counts.get((c, h), (0,))[0] for c in pools[campaign_id]) <= _COMMON)
            if hashes and 2 * rare >= len(hashes):
                candidates.append(pk)
        counts.clear()
        store_results(candidates)


# --- Signals (connected in apps.RecognitionConfig.ready) -----------------------------------------------------------

_WATCHED = {"title", "goals", "method", "status", "campaign", "campaign_id", "unit", "unit_id", "carried_over_from"}


def on_initiative_saved(sender, instance: Initiative, raw: bool = False, update_fields=None, **kwargs) -> None:
    if raw or (update_fields is not None and not (set(update_fields) & _WATCHED)):
        return
    refresh([instance.pk])


def on_initiative_deleting(sender, instance: Initiative, **kwargs) -> None:
    refresh([instance.pk], gone=True)


def on_replication_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        refresh([instance.copy_id])
