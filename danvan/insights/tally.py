"""The precomputed counts behind the dashboards (insights.models): how they are kept equal to a fresh count, and
how a user's figures are read from them.

Every node of the tree holds, per campaign, the counts of its whole subtree. When an initiative (or what is known
about it: an assessment, a commendation, a copy) changes, `refresh` recomputes the rows of its unit and of every
ancestor, in the same transaction: a node's rows are its own initiatives plus its children's rows, so one change
reads a handful of rows, never the whole campaign. `rebuild` computes everything from scratch (after a bulk load,
or when the tree itself changed). A user's figures are then a few rows: those of the nodes at the top of what the
user sees (`Scope`), leaders' without drafts.

Signals (insights.signals) call `refresh` for every change made through the models; bulk loads call it, or
`rebuild`, themselves.
"""

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce

from danvan.assessments.models import Assessment, AssessmentPhoto
from danvan.campaigns.models import Campaign
from danvan.core.access import scope_for
from danvan.core.bulk import in_processes, insert_rows, share_out
from danvan.initiatives.models import Attachment, Indicator, Initiative
from danvan.insights.models import FieldTally, FlagTally, IndicatorTally, ReportTally, Tally, UnitTally, sent_periods
from danvan.orgs.models import Organization
from danvan.progress.models import Evidence, IndicatorValue, ProgressReport
from danvan.recognition.models import CommendationEntry, Replication

DRAFT = Initiative.Status.DRAFT
ACCEPTED = Initiative.Status.ACCEPTED
REGISTERED = tuple(Initiative.REGISTERED_STATUSES)

# The facts of one initiative that the statistics read, in the order of a Tally row's key.
KEY = ("status", "kind", "result", "surveyed", "self_assessed", "commended", "replicated")


@dataclass(frozen=True)
class Node:
    pk: int
    parent_id: int | None
    depth: int
    base_id: int | None
    covered: bool  # an active base organisation: a unit the campaign counts


def _node(pk, parent_id, depth, base_id, kind, is_active) -> Node:
    return Node(pk, parent_id, depth, base_id, kind in Organization.BASE_KINDS and is_active)


NODE_FIELDS = ("pk", "parent_id", "depth", "base_id", "kind", "is_active")


# ---- Facts of initiatives -----------------------------------------------------------------------------------


def _facts(initiatives) -> Iterable[tuple]:
    """(unit, status, kind, result, surveyed, self_assessed, commended, copies) of each initiative: a few
    set-wise queries rather than subqueries per row, so that a whole campaign is read in seconds."""
    submitted = Assessment.objects.submitted().filter(initiative__in=initiatives)
    team = set(submitted.filter(kind=Assessment.Kind.TEAM).values_list("initiative_id", flat=True))
    own = set(submitted.filter(kind=Assessment.Kind.SELF).values_list("initiative_id", flat=True))
    commended = set(
        CommendationEntry.objects.filter(
            initiative__in=initiatives, commendation__campaign_id=F("initiative__campaign_id")
        ).values_list("initiative_id", flat=True)
    )
    copies = dict(
        Replication.objects.filter(original__in=initiatives)
        .exclude(copy__status=Initiative.Status.WITHDRAWN)
        .order_by()
        .values_list("original_id")
        .annotate(n=Count("pk"))
    )
    for pk, unit, status, kind, result in (
        initiatives.order_by().values_list("pk", "unit_id", "status", "kind", "result").iterator(chunk_size=5000)
    ):
        yield unit, status, kind, result, pk in team, pk in own, pk in commended, copies.get(pk, 0)


def _field_facts(initiatives) -> Iterable[tuple]:
    """(unit, field, kind, status) of each link between an initiative and a field."""
    return (
        Initiative.fields.through.objects.filter(initiative__in=initiatives)
        .values_list("initiative__unit_id", "field_id", "initiative__kind", "initiative__status")
        .iterator(chunk_size=5000)
    )


def _report_facts(initiatives) -> Iterable[tuple]:
    """(unit, period, reports sent, of which on time) of the accepted initiatives' sent reports (one per initiative
    and period): the rule of `insights.checking.reporting` (on time when first sent by the period's deadline)."""
    return (
        ProgressReport.objects.sent()
        .filter(initiative__in=initiatives.filter(status=ACCEPTED))
        .order_by()
        .values_list("initiative__unit_id", "period_id")
        .annotate(sent=Count("pk"), on_time=Count("pk", filter=Q(submitted_at__date__lte=F("period__due_on"))))
        .iterator(chunk_size=5000)
    )


def _indicator_facts(initiatives) -> tuple[Iterable[tuple], Iterable[tuple]]:
    """(unit, unit of measure, target, initiatives) of the accepted initiatives' indicators, and (unit, unit of
    measure, actual) of their values in reports that are no longer drafts: the rule of
    `insights.checking.indicator_totals` (rates left out)."""
    from danvan.insights.checking import RATE_UNITS

    accepted = initiatives.filter(status=ACCEPTED)
    targets = (
        Indicator.objects.filter(initiative__in=accepted)
        .exclude(unit_of_measure__in=RATE_UNITS)
        .order_by()
        .values_list("initiative__unit_id", "unit_of_measure")
        .annotate(target=Sum("target"), n=Count("initiative", distinct=True))
    )
    actuals = (
        IndicatorValue.objects.filter(indicator__initiative__in=accepted)
        .exclude(indicator__unit_of_measure__in=RATE_UNITS)
        .exclude(report__status=ProgressReport.Status.DRAFT)
        .order_by()
        .values_list("indicator__initiative__unit_id", "indicator__unit_of_measure")
        .annotate(actual=Sum("value"))
    )
    return targets, actuals


def _flag_facts(initiatives) -> Iterable[tuple]:
    """(unit, measured, shown, sent) of each accepted initiative: what `recognition.flags.flag_condition` reads for
    the flags the dashboard counts (an indicator; evidence in a report that is not a draft, an attachment or a
    scoring's photo; the periods whose report is sent, as `FlagTally.sent`). The database tells each initiative's
    facts (on PostgreSQL its periods too), rather than sending every indicator and report over."""
    reports = ProgressReport.objects.sent().filter(initiative=OuterRef("pk"))
    facts = initiatives.filter(status=ACCEPTED).annotate(
        measured=Exists(Indicator.objects.filter(initiative=OuterRef("pk"))),
        shown=ExpressionWrapper(
            Q(
                Exists(
                    Evidence.objects.filter(report__initiative=OuterRef("pk")).exclude(
                        report__status=ProgressReport.Status.DRAFT
                    )
                )
            )
            | Q(Exists(Attachment.objects.filter(initiative=OuterRef("pk"))))
            | Q(Exists(AssessmentPhoto.objects.filter(assessment__initiative=OuterRef("pk")))),
            output_field=BooleanField(),
        ),
    )
    if connection.vendor == "postgresql":
        from django.contrib.postgres.aggregates import StringAgg

        periods = (
            reports.order_by()
            .values("initiative")
            .annotate(s=StringAgg(Cast("period_id", CharField()), ",", order_by="period_id"))
            .values("s")
        )
        facts = facts.annotate(sent=Coalesce(Subquery(periods, output_field=CharField()), Value("")))
        yield from facts.order_by().values_list("unit_id", "measured", "shown", "sent").iterator(chunk_size=20000)
        return
    sent: dict[int, set[int]] = defaultdict(set)
    accepted = initiatives.filter(status=ACCEPTED)
    for pk, period in (
        ProgressReport.objects.sent().filter(initiative__in=accepted).values_list("initiative_id", "period_id")
    ):
        sent[pk].add(period)
    for pk, unit, measured, shown in (
        facts.order_by().values_list("pk", "unit_id", "measured", "shown").iterator(chunk_size=20000)
    ):
        yield unit, measured, shown, ",".join(str(p) for p in sorted(sent.get(pk, ())))


class Counts:
    """The counts of one node while they are being computed."""

    def __init__(self) -> None:
        self.rows: Counter = Counter()  # KEY → n
        self.copies: Counter = Counter()  # KEY → copies
        self.fields: Counter = Counter()  # (field, kind, status) → n
        self.units = [0, 0, 0]  # base organisations registered, surveyed, self-assessed (nodes above the base)
        self.sent: Counter = Counter()  # period → accepted initiatives whose report is sent
        self.on_time: Counter = Counter()  # period → … sent by the deadline
        self.indicators: dict[str, list] = {}  # unit of measure → [target, initiatives, actual]
        self.flags: Counter = Counter()  # (measured, shown, sent) → accepted initiatives

    def add(self, other: "Counts") -> None:
        self.rows.update(other.rows)
        self.flags.update(other.flags)
        self.copies.update(other.copies)
        self.fields.update(other.fields)
        self.sent.update(other.sent)
        self.on_time.update(other.on_time)
        self.units = [a + b for a, b in zip(self.units, other.units, strict=True)]
        for uom, values in other.indicators.items():
            self.add_indicator(uom, *values)

    def add_indicator(self, uom: str, target=0, initiatives: int = 0, actual=0) -> None:
        mine = self.indicators.setdefault(uom, [Decimal(0), 0, Decimal(0)])
        mine[0] += target or 0
        mine[1] += initiatives
        mine[2] += actual or 0

    def unit_flags(self) -> list[int]:
        """For a base organisation (or a cell): whether its subtree registered, was surveyed, assessed itself."""
        registered = surveyed = self_only = 0
        for (status, _kind, _result, team, own, _c, _r), n in self.rows.items():
            if not n:
                continue
            if status in REGISTERED:
                registered = 1
            if status == ACCEPTED and team:
                surveyed = 1
            if status == ACCEPTED and own and not team:
                self_only = 1
        return [registered, surveyed, self_only]


def _own(campaign_id: int, unit_ids) -> dict[int, Counts]:
    own: dict[int, Counts] = defaultdict(Counts)
    initiatives = Initiative.objects.filter(campaign_id=campaign_id)
    if unit_ids is not None:
        initiatives = initiatives.filter(unit_id__in=unit_ids)
    for unit, status, kind, result, team, own_, commended, copies in _facts(initiatives):
        key = (status, kind, result, bool(team), bool(own_), bool(commended), copies > 0)
        own[unit].rows[key] += 1
        own[unit].copies[key] += copies
    for unit, field, kind, status in _field_facts(initiatives):
        own[unit].fields[(field, kind, status)] += 1
    for unit, period, sent, on_time in _report_facts(initiatives):
        own[unit].sent[period] += sent
        own[unit].on_time[period] += on_time
    for unit, measured, shown, sent in _flag_facts(initiatives):
        own[unit].flags[(measured, shown, sent)] += 1
    targets, actuals = _indicator_facts(initiatives)
    for unit, uom, target, n in targets:
        own[unit].add_indicator(uom, target=target, initiatives=n)
    for unit, uom, actual in actuals:
        own[unit].add_indicator(uom, actual=actual)
    return own


def _finish(node: Node, counts: Counts) -> Counts:
    """A node's counts once its own initiatives and its children are in: below the base level the unit counts
    are the node's own flags (a cell counts for its base organisation, never twice)."""
    if node.base_id is not None:
        counts.units = counts.unit_flags() if (node.covered or node.base_id != node.pk) else [0, 0, 0]
    return counts


TALLY_COLUMNS = ("campaign_id", "node_id", "parent_id", "n", "copies", *KEY)
FIELD_COLUMNS = ("campaign_id", "node_id", "parent_id", "field_id", "kind", "status", "n")
UNIT_COLUMNS = ("campaign_id", "node_id", "parent_id", "registered", "surveyed", "self_assessed")
REPORT_COLUMNS = ("campaign_id", "node_id", "parent_id", "period_id", "submitted", "on_time")
INDICATOR_COLUMNS = ("campaign_id", "node_id", "parent_id", "unit_of_measure", "target", "initiatives", "actual")
FLAG_COLUMNS = ("campaign_id", "node_id", "parent_id", "measured", "shown", "sent", "n")
MODELS = (Tally, FieldTally, UnitTally, ReportTally, IndicatorTally, FlagTally)


def _write(campaign_id: int, nodes: dict[int, Node], computed: dict[int, Counts], *, replace: bool = True) -> None:
    if replace:
        for model in MODELS:
            model.objects.filter(campaign_id=campaign_id, node_id__in=list(computed)).delete()
    tallies, fields, units, reports, indicators, flags = [], [], [], [], [], []
    for pk, c in computed.items():
        parent = nodes[pk].parent_id
        tallies += [(campaign_id, pk, parent, n, c.copies[key], *key) for key, n in c.rows.items() if n]
        fields += [(campaign_id, pk, parent, *fk, n) for fk, n in c.fields.items() if n]
        if any(c.units):
            units.append((campaign_id, pk, parent, *c.units))
        reports += [(campaign_id, pk, parent, period, n, c.on_time[period]) for period, n in c.sent.items() if n]
        indicators += [(campaign_id, pk, parent, uom, *v) for uom, v in c.indicators.items() if v[1]]
        flags += [(campaign_id, pk, parent, *fk, n) for fk, n in c.flags.items() if n]
    insert_rows(ReportTally, REPORT_COLUMNS, reports)
    insert_rows(Tally, TALLY_COLUMNS, tallies)
    insert_rows(FieldTally, FIELD_COLUMNS, fields)
    insert_rows(UnitTally, UNIT_COLUMNS, units)
    insert_rows(IndicatorTally, INDICATOR_COLUMNS, indicators)
    insert_rows(FlagTally, FLAG_COLUMNS, flags)


def _stored(campaign_id: int, parents: list[int], exclude: list[int]) -> dict[int, Counts]:
    """The stored counts of the children of `parents` that are not being recomputed, added up per parent."""
    out: dict[int, Counts] = defaultdict(Counts)
    rows = Tally.objects.filter(campaign_id=campaign_id, parent_id__in=parents).exclude(node_id__in=exclude)
    for parent, n, copies, *key in rows.values_list("parent_id", "n", "copies", *KEY):
        out[parent].rows[tuple(key)] += n
        out[parent].copies[tuple(key)] += copies
    fields = FieldTally.objects.filter(campaign_id=campaign_id, parent_id__in=parents).exclude(node_id__in=exclude)
    for parent, field, kind, status, n in fields.values_list("parent_id", "field_id", "kind", "status", "n"):
        out[parent].fields[(field, kind, status)] += n
    units = UnitTally.objects.filter(campaign_id=campaign_id, parent_id__in=parents).exclude(node_id__in=exclude)
    for parent, *flags in units.values_list("parent_id", "registered", "surveyed", "self_assessed"):
        out[parent].units = [a + b for a, b in zip(out[parent].units, flags, strict=True)]
    reports = ReportTally.objects.filter(campaign_id=campaign_id, parent_id__in=parents).exclude(node_id__in=exclude)
    for parent, period, sent, on_time in reports.values_list("parent_id", "period_id", "submitted", "on_time"):
        out[parent].sent[period] += sent
        out[parent].on_time[period] += on_time
    indicators = IndicatorTally.objects.filter(campaign_id=campaign_id, parent_id__in=parents).exclude(
        node_id__in=exclude
    )
    columns = ("parent_id", "unit_of_measure", "target", "initiatives", "actual")
    for parent, uom, target, n, actual in indicators.values_list(*columns):
        out[parent].add_indicator(uom, target, n, actual)
    flag_rows = FlagTally.objects.filter(campaign_id=campaign_id, parent_id__in=parents).exclude(node_id__in=exclude)
    for parent, measured, shown, reported, n in flag_rows.values_list("parent_id", "measured", "shown", "sent", "n"):
        out[parent].flags[(measured, shown, reported)] += n
    return out


# Inside `deferred()`: the units whose counts are owed, by campaign.
_OWED: ContextVar[dict[int, set[int]] | None] = ContextVar("danvan_tally_owed", default=None)


@contextmanager
def deferred():
    """Many changes in a row, none of which reads the counts (the demo's loading: some 3,000 saves, each of which
    would recompute its unit's counts and its ancestors'): the refreshes asked for inside the block are gathered
    and each unit of each campaign is recomputed once, as the block ends without an error (inside the caller's
    transaction, if any). Nested blocks leave the work to the outermost. Also a decorator."""
    if _OWED.get() is not None:
        yield
        return
    owed: dict[int, set[int]] = {}
    token = _OWED.set(owed)
    try:
        yield
    finally:
        _OWED.reset(token)
    for campaign_id in sorted(owed):
        refresh(campaign_id, owed[campaign_id])


def refresh(campaign_id: int, unit_ids: Iterable[int]) -> None:
    """Recompute the counts of these units and of all their ancestors for one campaign (one transaction)."""
    unit_ids = {u for u in unit_ids if u is not None}
    if not unit_ids:
        return
    owed = _OWED.get()
    if owed is not None:
        owed.setdefault(campaign_id, set()).update(unit_ids)
        return
    _changed()
    with transaction.atomic():
        # One writer of a campaign's counts at a time: two changes under the same parent must not each add
        # up the siblings as they were before the other. FOR NO KEY UPDATE, not FOR UPDATE: a transaction that
        # inserted rows referring to the campaign checks those keys as it commits (Django's foreign keys are
        # deferred), and must not wait there for a writer that waits for this transaction's own lock.
        list(Campaign.objects.select_for_update(no_key=True).filter(pk=campaign_id).values_list("pk"))
        paths = Organization.objects.filter(pk__in=unit_ids).values_list("path", flat=True)
        chain = {int(p) for path in paths for p in path.split(".") if p}
        nodes = {row[0]: _node(*row) for row in Organization.objects.filter(pk__in=chain).values_list(*NODE_FIELDS)}
        own = _own(campaign_id, list(nodes))
        stored = _stored(campaign_id, list(nodes), list(nodes))
        computed: dict[int, Counts] = {}
        for node in sorted(nodes.values(), key=lambda n: -n.depth):
            counts = Counts()
            counts.add(own.get(node.pk, Counts()))
            counts.add(stored.get(node.pk, Counts()))
            for child in (c for c in nodes.values() if c.parent_id == node.pk):
                counts.add(computed[child.pk])
            computed[node.pk] = _finish(node, counts)
        _write(campaign_id, nodes, computed)


def rebuild(campaign_ids: Iterable[int] | None = None, *, processes: int = 1) -> int:
    """Compute every count of these campaigns (all when None) from scratch, each campaign in one transaction;
    returns the rows written. With `processes` > 1 on PostgreSQL outside a transaction (the generator asks
    for two; never a web request), forked processes share the campaigns (a campaign's counts need only its
    own rows: a million initiatives in two thirds of the time of one process)."""
    _changed()
    campaigns = list(Campaign.objects.values_list("pk", flat=True)) if campaign_ids is None else list(campaign_ids)
    if processes > 1 and connection.vendor == "postgresql" and not connection.in_atomic_block and len(campaigns) > 1:
        sizes = dict(
            Initiative.objects.filter(campaign_id__in=campaigns)
            .order_by()
            .values_list("campaign_id")
            .annotate(n=Count("pk"))
        )
        written, errors = in_processes(_rebuild, share_out({c: sizes.get(c, 0) for c in campaigns}, processes))
        if errors:
            raise RuntimeError("stored counts: a rebuilding process failed:\n" + "\n".join(errors))
        return sum(written)
    return _rebuild(campaigns)


def _rebuild(campaigns: list[int]) -> int:
    nodes = {row[0]: _node(*row) for row in Organization.objects.values_list(*NODE_FIELDS)}
    written = 0
    for campaign_id in campaigns:
        with transaction.atomic():
            own = _own(campaign_id, None)
            computed: dict[int, Counts] = defaultdict(Counts)
            for pk, counts in own.items():
                computed[pk].add(counts)
            # Deepest first, every node adds its finished counts to its parent's.
            for node in sorted((nodes[pk] for pk in _with_ancestors(nodes, own)), key=lambda n: -n.depth):
                counts = _finish(node, computed[node.pk])
                if node.parent_id is not None:
                    computed[node.parent_id].add(counts)
            for model in MODELS:
                model.objects.filter(campaign_id=campaign_id).delete()
            _write(campaign_id, nodes, dict(computed), replace=False)
            written += Tally.objects.filter(campaign_id=campaign_id).count()
    return written


def _with_ancestors(nodes: dict[int, Node], starts) -> set[int]:
    out: set[int] = set()
    for pk in starts:
        while pk is not None and pk not in out:
            out.add(pk)
            pk = nodes[pk].parent_id
    return out


# ---- Reading: a user's figures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """Part of what a user sees: the subtree of `node`, with `statuses` None for all, or only these."""

    node: int
    nondraft: bool  # leaders see everything but drafts
    only_drafts: bool = False  # an own subtree inside a led one: its drafts are all it adds

    def q(self, prefix: str = "") -> Q:
        q = Q(**{f"{prefix}node_id": self.node})
        if self.nondraft:
            q &= ~Q(**{f"{prefix}status": DRAFT})
        if self.only_drafts:
            q &= Q(**{f"{prefix}status": DRAFT})
        return q


# Reads of one request share their results (a dashboard reads the same counts for several tables): they are kept
# on the user object, which lives as long as the request, and dropped as soon as this process changes a count.
_generation = 0


def _changed() -> None:
    global _generation
    _generation += 1


class Terms(list):
    """The terms of one reader, with the memo of what was already read for them."""

    memo: dict


def _memo(user) -> dict:
    cached = getattr(user, "_danvan_tally", None)
    if cached is None or cached[0] != _generation:
        cached = (_generation, {})
        setattr(user, "_danvan_tally", cached)  # noqa: B010
    return cached[1]


def terms_for(campaign: Campaign, user) -> list[Term] | None:
    """See `_terms_for`; read once per request."""
    memo = _memo(user)
    key = ("terms", campaign.pk)
    if key not in memo:
        terms = _terms_for(campaign, user)
        if terms is not None:
            terms = Terms(terms)
            terms.memo = memo
        memo[key] = terms
    return memo[key]


def _memo_key(terms, key: tuple) -> tuple:
    return (*key, tuple(terms))


def _remembered(terms, key, compute):
    memo = getattr(terms, "memo", None)
    if memo is None:
        return compute()
    key = _memo_key(terms, key)
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _terms_for(campaign: Campaign, user) -> list[Term] | None:
    """The nodes whose counts make up what `user` sees of the campaign; None when the counts cannot tell (a
    survey-team member also sees the initiatives assigned to the team, a cell's officer counts for a base
    organisation they do not see): the caller then counts afresh."""
    scope = scope_for(user)
    if scope.is_superuser:
        return [Term(campaign.organization_id, nondraft=False)]
    if scope.is_surveyor or not scope.is_authenticated:
        return None
    own = _top(scope.admin_paths + scope.officer_paths)
    led = [p for p in _top(scope.leader_paths) if not any(p.startswith(o) for o in own)]
    if not own and not led:
        return []
    ids = {int(p.rstrip(".").rsplit(".", 1)[-1]): p for p in own + led}
    memo = _memo(user)  # the same for every campaign: read once a request
    if ("kinds",) not in memo:
        memo[("kinds",)] = dict(Organization.objects.filter(pk__in=list(ids)).values_list("pk", "kind"))
    kinds = memo[("kinds",)]
    if any(kinds.get(pk) == Organization.Kind.CELL for pk in ids):
        return None
    terms = [Term(int(p.rstrip(".").rsplit(".", 1)[-1]), nondraft=True) for p in led]
    for p in own:
        pk = int(p.rstrip(".").rsplit(".", 1)[-1])
        inside_led = any(p.startswith(lp) for lp in led)
        terms.append(Term(pk, nondraft=False, only_drafts=inside_led))
    return terms


def _top(paths: list[str]) -> list[str]:
    """The paths not inside another of them."""
    unique = sorted(set(paths), key=len)
    return [p for i, p in enumerate(unique) if not any(p.startswith(q) for q in unique[:i])]


@dataclass
class Figures:
    """A user's counts of one campaign, read from the stored counts."""

    rows: Counter  # KEY → n
    copies: Counter  # KEY → copies
    fields: Counter  # (field, kind, status) → n
    units: list[int]  # base organisations registered, surveyed, self-assessed
    sent: Counter = dataclasses.field(default_factory=Counter)  # period → accepted initiatives whose report is sent
    on_time: Counter = dataclasses.field(default_factory=Counter)  # period → … sent by the deadline

    def count(self, test) -> int:
        return sum(n for key, n in self.rows.items() if test(dict(zip(KEY, key, strict=True))))

    def copies_of(self, test) -> int:
        return sum(n for key, n in self.copies.items() if test(dict(zip(KEY, key, strict=True))))


def figures(campaign: Campaign, terms: list[Term]) -> Figures:
    """The reader's counts of the campaign."""
    return _remembered(terms, ("figures", campaign.pk), lambda: _figures(campaign, terms))


def below_figures(campaign: Campaign, terms: list[Term]) -> tuple[list[Organization], dict[int, "Figures"]]:
    """The units one level below the reader (`units_below`) and their counts."""

    def compute():
        below = units_below(terms)
        return below, node_figures(campaign, [u.pk for u in below])

    return _remembered(terms, ("below", campaign.pk), compute)


def prefetch_figures(pairs: list[tuple[Campaign, list[Term]]]) -> None:
    """Read the counts of several campaigns at once for `figures` to find (the years compared): a few queries for
    all of them rather than a few a campaign. Readers whose terms keep no memo are left to `figures`."""
    groups: dict[tuple[Term, ...], list[tuple[int, dict]]] = defaultdict(list)
    for campaign, terms in pairs:
        memo = getattr(terms, "memo", None)
        if memo is not None and _memo_key(terms, ("figures", campaign.pk)) not in memo:
            groups[tuple(terms)].append((campaign.pk, memo))
    for shared, members in groups.items():
        found = _figures_many([pk for pk, _memo in members], list(shared))
        for pk, memo in members:
            memo[_memo_key(shared, ("figures", pk))] = found[pk]


def _figures(campaign: Campaign, terms: list[Term]) -> Figures:
    return _figures_many([campaign.pk], terms)[campaign.pk]


def _figures_many(campaign_ids: list[int], terms: list[Term]) -> dict[int, Figures]:
    out = {pk: Figures(Counter(), Counter(), Counter(), [0, 0, 0], Counter(), Counter()) for pk in campaign_ids}
    if not terms:
        return out
    where = Q()
    for t in terms:
        where |= t.q()
    mine = {"campaign_id__in": campaign_ids}
    for campaign, n, c, *key in Tally.objects.filter(where, **mine).values_list("campaign_id", "n", "copies", *KEY):
        out[campaign].rows[tuple(key)] += n
        out[campaign].copies[tuple(key)] += c
    for campaign, field, kind, status, n in FieldTally.objects.filter(where, **mine).values_list(
        "campaign_id", "field_id", "kind", "status", "n"
    ):
        out[campaign].fields[(field, kind, status)] += n
    counted = [t.node for t in terms if not t.only_drafts]
    for campaign, *flags in UnitTally.objects.filter(node_id__in=counted, **mine).values_list(
        "campaign_id", "registered", "surveyed", "self_assessed"
    ):
        out[campaign].units = [a + b for a, b in zip(out[campaign].units, flags, strict=True)]
    reports = ReportTally.objects.filter(node_id__in=counted, **mine)
    for campaign, period, n, on_time in reports.values_list("campaign_id", "period_id", "submitted", "on_time"):
        out[campaign].sent[period] += n
        out[campaign].on_time[period] += on_time
    return out


def indicator_figures(campaign: Campaign, terms: list[Term]) -> dict[str, list]:
    """The reader's indicator totals: unit of measure → [target, initiatives, actual]."""

    def compute() -> dict[str, list]:
        totals = Counts()
        counted = [t.node for t in terms if not t.only_drafts]
        for values in IndicatorTally.objects.filter(campaign=campaign, node_id__in=counted).values_list(
            "unit_of_measure", "target", "initiatives", "actual"
        ):
            totals.add_indicator(*values)
        return totals.indicators

    return _remembered(terms, ("indicators", campaign.pk), compute)


def node_figures(campaign: Campaign, nodes: list[int]) -> dict[int, Figures]:
    """The counts of each of these nodes' subtrees, drafts left out (the tables that read them count
    registrations), keyed by node; nodes with nothing to count are missing."""
    out: dict[int, Figures] = {}

    def of(node: int) -> Figures:
        if node not in out:
            out[node] = Figures(Counter(), Counter(), Counter(), [0, 0, 0])
        return out[node]

    rows = Tally.objects.filter(campaign=campaign, node_id__in=nodes).exclude(status=DRAFT)
    for node, n, c, *key in rows.values_list("node_id", "n", "copies", *KEY):
        of(node).rows[tuple(key)] += n
        of(node).copies[tuple(key)] += c
    units = UnitTally.objects.filter(campaign=campaign, node_id__in=nodes)
    for node, *flags in units.values_list("node_id", "registered", "surveyed", "self_assessed"):
        of(node).units = list(flags)
    reports = ReportTally.objects.filter(campaign=campaign, node_id__in=nodes)
    for node, period, n, on_time in reports.values_list("node_id", "period_id", "submitted", "on_time"):
        of(node).sent[period] += n
        of(node).on_time[period] += on_time
    return out


def flagged_below(campaign: Campaign, terms: list[Term], periods: list) -> list[tuple[Organization, int]]:
    """The units one level below the reader (`units_below`) with accepted initiatives carrying one of the
    dashboard's flags with these periods due (`recognition.flags.flag_condition`), and how many: most first."""

    def flagged(measured: bool, shown: bool, sent: str) -> bool:
        if not measured or not shown:
            return True
        return len(due) >= 2 and len(sent_periods(sent) & due) <= len(due) - 2

    due = {p.pk for p in periods}
    below, _figures = below_figures(campaign, terms)  # read once a request with the by-unit table
    units = {u.pk: u for u in below}
    counted: Counter = Counter()
    rows = FlagTally.objects.filter(campaign=campaign, node_id__in=list(units))
    for node, measured, shown, sent, n in rows.values_list("node_id", "measured", "shown", "sent", "n"):
        if flagged(measured, shown, sent):
            counted[node] += n
    return sorted(((units[pk], n) for pk, n in counted.items()), key=lambda p: (-p[1], p[0].name))


def units_below(terms: list[Term]) -> list[Organization]:
    """The units a by-unit table lists for these terms: the reader's top units that are base organisations,
    and the units one level below the others (not partner bodies; inactive ones too: they may have counts),
    by name."""
    tops = list(Organization.objects.filter(pk__in=[t.node for t in terms if not t.only_drafts]))
    units = [o for o in tops if o.is_base]
    below = [o.pk for o in tops if not o.is_base]
    if below:
        units += list(Organization.objects.filter(parent__in=below).exclude(kind=Organization.Kind.PARTNER))
    return sorted(units, key=lambda o: o.name)
