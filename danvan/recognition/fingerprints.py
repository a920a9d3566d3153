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

The full rebuild reads each text once and cuts it with a `_Hasher`, which folds each token and hashes each sequence
once (generated texts repeat their goals and methods, all texts their words); the counts of a campaign need only
its own registrations, so on PostgreSQL, outside a transaction, two forked processes share the campaigns and COPY
their rows into the emptied tables, whose keys and indexes are put back afterwards. Only a registration with at
least half of its sequences rare can be a near-duplicate: those few are then looked up. For the generator's million
initiatives on the 2-CPU test machine: 50 s when nothing else runs (each process about 30 s of Python and 10 s of
its database backend, then 5 s for keys and indexes), 80 s right after the generator's load, 75 to 105 s while
another process keeps a CPU busy; the rebuild row by row in one process took 30 to 37 minutes.
"""

import hashlib
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import chain, islice
from operator import itemgetter
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import Count

from danvan.campaigns.models import Campaign
from danvan.core.bulk import in_processes, insert_rows, run_in_parallel, secondary, share_out
from danvan.core.freshness import concerning, do_not_keep, forget_pages
from danvan.core.text import fold
from danvan.initiatives.models import Initiative
from danvan.recognition.flags import _COMMON, _WORD, NEAR_DUPLICATE, _families, _shingles
from danvan.recognition.models import ShingleCount, TextFingerprint

# Initiatives' ids are listed on a ShingleCount row while its count is at most this: exactly the rows a lookup needs.
KEEP = _COMMON
_CHUNK = 500  # hashes or ids per IN (…) list
_REGISTERED = frozenset(Initiative.REGISTERED_STATUSES)
_TEXT_FIELDS = ("title", "goals", "method")
_log = logging.getLogger(__name__)


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
        # Looked up in the counts, which the pages' versions do not follow (`UNREAD`): a page showing it is not kept.
        do_not_keep()
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
    with transaction.atomic(), concerning(*ids):
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
                ShingleCount.objects.select_for_update(no_key=True)
                .filter(campaign_id=c, hash__in=part)
                .order_by("hash")
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
            with concerning(*(f.initiative_id for f in changed)):
                TextFingerprint.objects.bulk_update(changed, ["duplicate_of", "similarity"], batch_size=_CHUNK)


def rebuild(initiative_ids: Iterable[int] | None = None) -> None:
    """Recompute fingerprints, counts and near-duplicates after a bulk write that sent no signals.

    `rebuild()` starts afresh for the whole database (the national generator, a restored dump: 50 to 105 s for a
    million initiatives, see the module's docstring). On PostgreSQL outside a transaction, two processes fill the
    tables side by side (see `_rebuild_side_by_side`: the tables are out of service meanwhile and the rebuild is not
    one transaction); elsewhere, or inside a transaction, one process does it in one transaction (a test's
    generated set; 2 minutes for a million, its keys checked row by row at the commit).
    `rebuild(initiative_ids=[…])` updates those rows and whatever their change affects (the Excel import: drafts
    cost one fingerprint each). Call it after the rows are written, in the same transaction or after it."""
    if initiative_ids is not None:
        ids = sorted(set(initiative_ids))
        for part in _chunks(ids, 2000):
            refresh(part)
        return
    started = time.monotonic()
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        candidates = _rebuild_side_by_side()
        step = time.monotonic()
        store_results(candidates)
        _log.info("fingerprints: %d candidates looked up in %.1f s", len(candidates), time.monotonic() - step)
    else:
        with transaction.atomic():
            ShingleCount.objects.all().delete()
            TextFingerprint.objects.all().delete()
            store_results(_fill(sorted(_campaign_sizes())))
    forget_pages()  # every near-duplicate result may have changed, some written where the versions do not look
    _log.info("fingerprints: rebuilt in %.1f s", time.monotonic() - started)


# --- The full rebuild ----------------------------------------------------------------------------------------------


class _Part(NamedTuple):
    """A field of a text, or its goals and method together: the words, the hashes of their sequences, those hashes
    in order."""

    words: tuple[str, ...]
    hashes: frozenset[int]
    ordered: tuple[int, ...]


class _Hasher:
    """`text_hashes` and `_dump` for a whole table of texts, remembering what repeats (generated texts repeat whole
    sentences, real ones their words): each space-separated token is folded once, each three-word sequence hashed
    once, each goals and each method (and each pair of them) cut into hashed sequences once; the title (which names
    the unit, so rarely repeats: remembering titles costs more than it saves) is cut each time, from its tokens.

    Folding a token alone gives what folding the whole text gives to it (a space is a starter that nothing
    decomposes into or combines with, and it breaks a final sigma's context), so the words of the text are those of
    its fields' tokens in turn, and its sequences those of each field and the (at most two) across each field's
    end."""

    LIMIT = 200_000  # tokens, fields or pairs (or 4 × sequences) remembered before starting afresh

    def __init__(self) -> None:
        self._tokens: dict[str, tuple[str, ...]] = {}
        self._triples: dict[tuple[str, ...], int] = {}
        self._fields: dict[str, _Part] = {}
        self._rests: dict[tuple[str, str], _Part] = {}
        self._decimal: dict[int, str] = {}
        self.decimal = self._decimal.__getitem__  # str(h) of a hash of a text in hand (trim() clears in place)

    def _words(self, text: str) -> tuple[str, ...]:
        tokens = text.split()
        words = list(map(self._tokens.get, tokens))
        if None in words:
            for token in tokens:
                if token not in self._tokens:
                    self._tokens[token] = tuple(_WORD.findall(fold(token)))
            words = list(map(self._tokens.get, tokens))
        return tuple(chain.from_iterable(words))  # type: ignore[arg-type]

    def _hashes(self, words: tuple[str, ...]) -> list[int]:
        triples = list(zip(words, words[1:], words[2:], strict=False))
        hashes = list(map(self._triples.get, triples))
        if None in hashes:
            for triple in triples:
                if triple not in self._triples:
                    h = self._triples[triple] = shingle_hash(" ".join(triple))
                    self._decimal[h] = str(h)
            hashes = list(map(self._triples.get, triples))
        return hashes  # type: ignore[return-value]

    def _field(self, text: str) -> _Part:
        part = self._fields.get(text)
        if part is None:
            words = self._words(text)
            hashes = frozenset(self._hashes(words))
            part = self._fields[text] = _Part(words, hashes, tuple(sorted(hashes)))
        return part

    def text(self, title: str, goals: str, method: str) -> tuple[_Part, tuple[int, ...]]:
        """The goals-and-method part, and the other hashes of the text (the title's and those across its end): the
        two make `text_hashes(title, goals, method)`, and share none."""
        rest = self._rests.get((goals, method))
        if rest is None:
            g, m = self._field(goals), self._field(method)
            hashes = (g.hashes | m.hashes).union(self._hashes(g.words[-2:] + m.words[:2]))
            rest = self._rests[(goals, method)] = _Part(g.words + m.words, hashes, tuple(sorted(hashes)))
        return rest, tuple(set(self._hashes(self._words(title) + rest.words[:2])).difference(rest.hashes))

    def dump(self, rest: _Part, extra: tuple[int, ...]) -> str:
        """`_dump` of the text's hashes."""
        return " " + " ".join(map(self.decimal, sorted(rest.ordered + extra))) + " "

    def trim(self) -> None:
        """Forget what fills a memo (between rows: the hashes of the texts in hand keep their decimals)."""
        if len(self._tokens) >= self.LIMIT:
            self._tokens.clear()
        if max(len(self._fields), len(self._rests), len(self._triples) // 4) >= self.LIMIT:
            for memo in (self._triples, self._decimal, self._fields, self._rests):
                memo.clear()


_BATCH = 5000  # initiatives read (and fingerprints written) at a time


def _campaign_sizes() -> dict[int, int]:
    return dict(Initiative.objects.order_by().values_list("campaign_id").annotate(n=Count("pk")))


def _fill(campaigns: Iterable[int]) -> list[int]:
    """Write the fingerprints and the counts of these campaigns' initiatives (the tables hold none of them yet), a
    campaign at a time; answer the registrations that may be near-duplicates: those with at least half of their
    sequences rare in their own campaign. Only a text with at least half of its sequences rare in its pool (its
    campaign and the previous one) can be one, and a sequence rare in the pool is rare in the campaign: these include
    all of them, and looking the others up finds nothing (in generated data they are the same)."""
    hasher = _Hasher()
    copy = connection.vendor == "postgresql"
    candidates: list[int] = []
    spent = dict.fromkeys(("read", "hash", "write", "count"), 0.0)  # seconds, for the log
    cpu = time.process_time()
    text, decimal = hasher.text, hasher.decimal
    for campaign_id in campaigns:
        kept: list[tuple[int, tuple[int, ...], _Part, int]] = []  # the registrations: id, extra, rest, size
        rows = Initiative.objects.filter(campaign_id=campaign_id).values_list("pk", "status", *_TEXT_FIELDS)
        rows_iter = rows.iterator(chunk_size=_BATCH)
        clock = time.monotonic()
        while batch := list(islice(rows_iter, _BATCH)):
            clock = _tick(spent, "read", clock)
            fingerprints: list = []
            for pk, status, title, goals, method in batch:
                rest, extra = text(title, goals, method)
                size = len(rest.hashes) + len(extra)
                hashes = " ".join(map(decimal, sorted(rest.ordered + extra)))  # _dump, without its outer spaces
                registered = status in _REGISTERED
                if registered:
                    kept.append((pk, extra, rest, size))
                if copy:
                    fingerprints.append(f"{pk}\t{campaign_id}\t{'t' if registered else 'f'}\t{size}\t {hashes} \n")
                else:
                    fingerprints.append((pk, campaign_id, registered, size, f" {hashes} "))
            clock = _tick(spent, "hash", clock)
            insert_rows(TextFingerprint, _FINGERPRINT_COLUMNS, fingerprints)
            hasher.trim()
            clock = _tick(spent, "write", clock)
        # The counts: of the titles' (and across) sequences, then of goals and method, once per pair of them.
        counts: Counter[int] = Counter(chain.from_iterable(map(itemgetter(1), kept)))
        rests = Counter(map(id, map(itemgetter(2), kept)))
        for rest in {id(rest): rest for _pk, _extra, rest, _size in kept}.values():
            n = rests[id(rest)]
            for h in rest.hashes:
                counts[h] += n
        # Which registrations hold each rare sequence (KEEP is _COMMON: rare as the rule counts it); the candidates.
        rare = {h for h, n in counts.items() if n <= KEEP}
        holders: dict[int, list[int]] = defaultdict(list)
        rare_rests: dict[int, set[int]] = {}
        for pk, extra, rest, size in kept:
            of_rest = rare_rests.get(id(rest))
            if of_rest is None:
                of_rest = rare_rests[id(rest)] = rare.intersection(rest.hashes)
            mine = rare.intersection(extra)
            if of_rest:
                mine |= of_rest
            for h in mine:
                holders[h].append(pk)
            if 2 * len(mine) >= size > 0:
                candidates.append(pk)
        kept.clear()
        count_rows: list = []
        for h, n in counts.items():
            ids = "[" + ", ".join(map(str, sorted(holders[h]))) + "]" if n <= KEEP else "[]"
            count_rows.append(f"{campaign_id}\t{h}\t{n}\t{ids}\n" if copy else (campaign_id, h, n, ids))
        insert_rows(ShingleCount, _COUNT_COLUMNS, count_rows)
        _tick(spent, "count", clock)
    spent["cpu"] = time.process_time() - cpu
    _log.info("fingerprints: campaigns %s: %s", campaigns, ", ".join(f"{k} {v:.1f} s" for k, v in spent.items()))
    return candidates


def _tick(spent: dict[str, float], phase: str, since: float) -> float:
    now = time.monotonic()
    spent[phase] += now - since
    return now


_FINGERPRINT_COLUMNS = ("initiative_id", "campaign_id", "registered", "size", "hashes")
_COUNT_COLUMNS = ("campaign_id", "hash", "count", "initiative_ids")


def _fill_logged(campaigns: list[int]) -> list[int]:
    started = time.monotonic()
    candidates = _fill(campaigns)
    _log.info("fingerprints: campaigns %s filled in %.1f s", campaigns, time.monotonic() - started)
    return candidates


def _rebuild_side_by_side() -> list[int]:
    """PostgreSQL, outside a transaction: empty the two tables and drop their foreign keys and secondary indexes
    (each row would otherwise check its keys and fill the indexes one by one), fill them from two processes side by
    side, each with its share of the campaigns (a sequence's count needs only its own campaign), then put the
    indexes and keys back on two connections (which checks every row) and ANALYZE. If a process fails, the tables
    are emptied again (with their indexes and keys back) and the error raised; so too if a key cannot be put back
    (an initiative deleted meanwhile: the rebuild is meant for a quiet database)."""
    tables = [TextFingerprint._meta.db_table, ShingleCount._meta.db_table]
    quote = connection.ops.quote_name
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        drops, builds, keys = secondary(cursor, tables)
        cursor.execute(f"TRUNCATE {', '.join(quote(t) for t in tables)}")
        for statement in drops:
            cursor.execute(statement)
    errors: list[str] = ["interrupted"]
    try:
        done, errors = in_processes(_fill_logged, share_out(_campaign_sizes()))
        candidates = [pk for part in done for pk in part]
    finally:
        filled = time.monotonic()
        if errors:
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {', '.join(quote(t) for t in tables)}")
        _put_back(builds, keys, tables)
        _log.info(
            "fingerprints: filled in %.1f s, indexes and keys back in %.1f s",
            filled - started,
            time.monotonic() - filled,
        )
    if errors:
        raise RuntimeError("fingerprints: a filling process failed:\n" + "\n".join(errors))
    analyzed = time.monotonic()
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {quote(table)}")
    _log.info("fingerprints: analyzed in %.1f s", time.monotonic() - analyzed)
    return candidates


def _put_back(builds: list[tuple[str, str]], keys: list[tuple[str, str]], tables: list[str]) -> None:
    """Put the indexes and unique constraints, then the foreign keys, back ((name, statement) pairs). If one cannot
    be, empty the tables, put back whatever is still missing, and raise RuntimeError."""
    try:
        run_in_parallel([statement for _name, statement in builds])
        run_in_parallel([statement for _name, statement in keys])
    except Exception as exc:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(quote(t) for t in tables)}")
            cursor.execute(
                "SELECT conname FROM pg_constraint WHERE conrelid = ANY(%s::regclass[]) "
                "UNION SELECT indexname FROM pg_indexes WHERE tablename = ANY(%s)",
                [tables, tables],
            )
            present = {name for (name,) in cursor.fetchall()}
            for name, statement in builds + keys:
                if name not in present:
                    cursor.execute(statement)
        raise RuntimeError(f"fingerprints: {exc} (the tables were emptied: rebuild again)") from exc


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
