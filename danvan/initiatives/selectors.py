"""Reads of initiatives, narrowed by who asks."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import StrIndex
from django.db.models.lookups import Exact, GreaterThan
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.campaigns.models import Campaign, Field
from danvan.core.access import scope_for
from danvan.core.text import fold
from danvan.initiatives.models import Attachment, Initiative
from danvan.initiatives.rules import InitiativePermissions, permissions
from danvan.orgs.models import Organization


def initiative_for_user(user, pk, *, write: bool = False) -> tuple[Initiative, InitiativePermissions]:
    """The initiative and what the user may do with it: 404 outside their scope, 403 if `write` is refused."""
    try:
        initiative = (
            Initiative.objects.visible_to(user)
            .select_related("campaign__organization", "unit", "unit__parent")
            .get(pk=pk)
        )
    except (Initiative.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    perms = permissions(scope_for(user), initiative)
    if write and not perms.can_edit:
        raise PermissionDenied
    return initiative, perms


def attachment_for_user(user, pk) -> Attachment:
    try:
        return Attachment.objects.select_related("initiative").get(
            pk=pk, initiative__in=Initiative.objects.visible_to(user)
        )
    except (Attachment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


DEFAULT_ORDER = ("-campaign__year", "unit__path", "id")
# The list counts its rows exactly up to this many; past it the page says "more than" instead, because an exact
# count of a national filter (hundreds of thousands of rows) costs more than the whole page.
COUNT_LIMIT = 1000


def _words(q: str | None) -> list[str]:
    return fold(q).split() if q else []


def _phrase(words: list[str]) -> Q:
    return Q(search_text__contains=" " + " ".join(words))


def _matching(qs, words: list[str]):
    """Rows where every word begins a word of the folded text (a pg_trgm index serves these on PostgreSQL)."""
    for word in words:
        qs = qs.filter(search_text__contains=f" {word}")
    return qs


def _ranked(qs, words: list[str]):
    """The list's order: with a search, rows holding the whole phrase first; then newest year, unit, id."""
    if not words:
        return qs.order_by(*DEFAULT_ORDER)
    return qs.annotate(
        search_rank=Case(When(_phrase(words), then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("search_rank", *DEFAULT_ORDER)


def search(qs, q: str):
    """Accent- and case-insensitive search: every word of `q` must begin a word of the folded text;
    rows holding the whole phrase come first."""
    words = _words(q)
    return _ranked(_matching(qs, words), words)


def _by_id_or_code(qs, value):
    value = str(value).strip()
    return qs.filter(pk=int(value)) if value.isdecimal() else qs.filter(code=value.upper())


def filter_initiatives(
    user, *, campaign=None, unit=None, kind=None, field=None, status=None, q=None, stage=None, result=None
):
    """The list behind the page, the API and exports: visible rows narrowed by the filters, in the list's order.

    `unit` (id or code) includes the unit's cells; `field` is an id or a code; `stage` is one of the stages
    of the year counted by the dashboard (insights.statistics.STAGES), so a figure opens the list behind it.
    An unknown unit, field or stage is refused with a message naming it rather than silently answering nothing.
    """
    qs = _narrowed(
        user, campaign=campaign, unit=unit, kind=kind, field=field, status=status, stage=stage, result=result
    )
    words = _words(q)
    return _ranked(_matching(qs, words), words)


def _narrowed(user, *, campaign=None, unit=None, kind=None, field=None, status=None, stage=None, result=None):
    """Visible rows narrowed by every filter but the search, unordered."""
    from danvan.insights.statistics import STAGES, in_stage

    qs = Initiative.objects.visible_to(user)
    if stage:
        if stage not in STAGES:
            raise ValidationError({"stage": _("Không có tiến trình “%(v)s”.") % {"v": stage}})
        qs = in_stage(qs, stage, user)
    if result:
        if result not in Initiative.Result.values:
            raise ValidationError({"result": _("Không có kết quả bình xét “%(v)s”.") % {"v": result}})
        qs = qs.filter(result=result)
    if campaign:
        qs = qs.filter(campaign_id=campaign)
    if unit:
        org = _by_id_or_code(Organization.objects.visible_to(user), unit).first()
        if org is None:
            raise ValidationError({"unit": _("Không có đơn vị “%(v)s”.") % {"v": unit}})
        qs = qs.filter(unit__path__startswith=org.path)
    if field:
        fields = _by_id_or_code(Field.objects.all(), field)
        if campaign:
            fields = fields.filter(campaign_id=campaign)
        ids = list(fields.values_list("pk", flat=True))
        if not ids:
            raise ValidationError({"field": _("Không có lĩnh vực “%(v)s”.") % {"v": field}})
        qs = qs.filter(pk__in=Initiative.fields.through.objects.filter(field_id__in=ids).values("initiative_id"))
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by()


@dataclass
class InitiativePage:
    """One page of the list: its rows, and how many rows there are when that is cheap to know exactly."""

    rows: list[Initiative]
    number: int
    size: int
    has_next: bool
    count: int  # exact when `count_is_exact`, else COUNT_LIMIT ("more than COUNT_LIMIT")
    count_is_exact: bool

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def num_pages(self) -> int | None:
        return max(1, -(-self.count // self.size)) if self.count_is_exact else None


def initiative_page(
    user,
    *,
    number=1,
    size: int = 25,
    campaign=None,
    unit=None,
    kind=None,
    field=None,
    status=None,
    q=None,
    stage=None,
    result=None,
) -> InitiativePage:
    """A page of `filter_initiatives(user, q=q, **criteria)`, fast at national scale (a million rows).

    Queries: a count stopped at COUNT_LIMIT + 1 rows, the years of the campaigns (when no campaign is chosen),
    the page's ids (for a long list, one query per group of its order read, see _ordered_ids; usually one),
    its rows, their fields. Raises ValidationError as filter_initiatives does.
    """
    try:
        number = max(1, int(number))
    except (TypeError, ValueError):
        number = 1
    words = _words(q)
    criteria = {"campaign": campaign, "unit": unit, "kind": kind, "field": field, "status": status}
    qs = _narrowed(user, stage=stage, result=result, **criteria)
    count = _matching(qs, words)[: COUNT_LIMIT + 1].count()
    exact = count <= COUNT_LIMIT
    if exact:
        number = min(number, max(1, -(-count // size)))
    groups = _year_groups(campaign)
    start = (number - 1) * size
    ids = _ordered_ids(qs, words, groups, start=start, stop=start + size + 1, walk=not exact)
    if not ids and number > 1:
        # Past the end of a long list (a hand-edited page number): the last page, as Django's get_page does.
        count = _matching(qs, words).count()
        exact = count <= COUNT_LIMIT
        number = max(1, -(-count // size))
        start = (number - 1) * size
        ids = _ordered_ids(qs, words, groups, start=start, stop=start + size + 1, walk=not exact)
    rows = Initiative.objects.filter(pk__in=ids[:size]).select_related("campaign", "unit").prefetch_related("fields")
    by_id = {i.pk: i for i in rows}
    return InitiativePage(
        rows=[by_id[pk] for pk in ids[:size]],
        number=number,
        size=size,
        has_next=len(ids) > size,
        count=count if exact else COUNT_LIMIT,
        count_is_exact=exact,
    )


def _year_groups(campaign) -> list[list[int]]:
    """Campaign ids by year, newest year first; one group when a campaign is chosen."""
    if campaign:
        return [[int(campaign)]]
    groups: dict[int, list[int]] = {}
    for year, pk in Campaign.objects.order_by("-year", "pk").values_list("year", "pk"):
        groups.setdefault(year, []).append(pk)
    return list(groups.values())


def _ordered_ids(qs, words: list[str], groups: list[list[int]], *, start: int, stop: int, walk: bool) -> list[int]:
    """Ids of the rows [start, stop) in the list's order.

    A short list is simply sorted, in one query. A long one is not: ORDER BY year, unit path over a join sorts
    every matching row (hundreds of thousands) for 26 of them. Its rows are taken group by group instead (phrase
    or not, then year, newest first: the keys no index can order), each group read in unit-path order, which
    PostgreSQL does by walking the units' path index and each unit's rows of the year by the (unit, campaign, id)
    index, and stopping at `stop` rows: one query per group until the page is full, usually one. Same order.
    """
    if not walk:
        return list(_ranked(_matching(qs, words), words).values_list("pk", flat=True)[start:stop])
    # Here the words are common (more than COUNT_LIMIT rows hold them), and the trigram index is the wrong road:
    # PostgreSQL, taking the words for independent, expects few rows and would read them all through it, then
    # sort. STRPOS() is the same test the index cannot serve. The phrase holds every word: it alone picks group 0.
    phrase = " " + " ".join(words)
    words_in = [StrIndex("search_text", Value(f" {w}")) for w in words]
    phrase_in = StrIndex("search_text", Value(phrase))
    if len(words) > 1:
        ranks = [Q(GreaterThan(phrase_in, 0)), Q(*(GreaterThan(w, 0) for w in words_in), Exact(phrase_in, 0))]
    else:
        ranks = [Q(*(GreaterThan(w, 0) for w in words_in))]
    ids: list[int] = []
    before = 0  # rows of the groups already read
    for rank in ranks:
        for campaigns in groups:
            group = list(
                qs.filter(rank, campaign_id__in=campaigns)
                .order_by("unit__path", "pk")
                .values_list("pk", flat=True)[: stop - before]
            )
            ids += group[max(0, start - before) :]
            before += len(group)
            if before >= stop:
                return ids
    return ids
