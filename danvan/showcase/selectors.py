"""Reads of the showcase: the public list and page of published entries (for anyone), what a moderator sees
of citizens' feedback, and what a publisher opens. Public reads never narrow by a user: they only ever return
published entries and the texts, photos, figures and decisions that go with them."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Q, QuerySet
from django.http import Http404

from danvan.campaigns.models import Field
from danvan.core.access import scope_for
from danvan.core.text import fold
from danvan.initiatives.models import Initiative
from danvan.initiatives.selectors import initiative_for_user
from danvan.insights.checking import IndicatorProgress, published_indicator_results
from danvan.insights.review import honours_of
from danvan.orgs.models import Organization
from danvan.recognition.models import Commendation, CommendationEntry, Replication
from danvan.recognition.rules import may_review
from danvan.showcase.models import Feedback, ShowcaseEntry, ShowcasePhoto

# Characters a word may follow in the folded text: a space, an opening quote or bracket.
_WORD_STARTS = (" ", "“", '"', "(", "‘", "'")
# The higher form first: a badge on the list shows the highest honour an initiative received.
FORM_ORDER = [Commendation.Form.MERIT, Commendation.Form.CERTIFICATE, Commendation.Form.PRAISE]


def published_entries() -> QuerySet[ShowcaseEntry]:
    return ShowcaseEntry.objects.published().select_related("initiative__unit", "initiative__campaign")


def search_entries(qs: QuerySet[ShowcaseEntry], q: str) -> QuerySet[ShowcaseEntry]:
    """Accent- and case-insensitive: every word of `q` must begin a word of the entry's folded public text."""
    for word in fold(q).split():
        match = Q(search_text__startswith=word)
        for start in _WORD_STARTS:
            match |= Q(search_text__contains=start + word)
        qs = qs.filter(match)
    return qs


def filter_entries(*, year: int | None = None, field: str = "", unit: int | None = None, q: str = ""):
    """The public list: published entries narrowed by campaign year, field name, unit (with its cells) and words."""
    qs = published_entries()
    if year:
        qs = qs.filter(initiative__campaign__year=year)
    if field:
        qs = qs.filter(
            initiative__in=Initiative.fields.through.objects.filter(field__name=field).values("initiative_id")
        )
    if unit:
        org = Organization.objects.filter(pk=unit).first()
        qs = qs.filter(initiative__unit__path__startswith=org.path) if org else qs.none()
    if q and fold(q):
        qs = search_entries(qs, q)
    return qs.prefetch_related("initiative__fields").order_by("-initiative__campaign__year", "-published_at", "id")


@dataclass
class FilterChoices:
    years: list[int]
    fields: list[str]
    units: list[tuple[int, str]]


def filter_choices() -> FilterChoices:
    """Only what published entries use, so that no filter ever names an unpublished initiative's unit or field."""
    published = ShowcaseEntry.objects.published()
    years = sorted(set(published.values_list("initiative__campaign__year", flat=True)), reverse=True)
    fields = sorted(
        set(Field.objects.filter(initiatives__showcase__in=published).values_list("name", flat=True)),
        key=lambda n: fold(n),
    )
    units = sorted(
        set(published.values_list("initiative__unit_id", "initiative__unit__name")), key=lambda u: fold(u[1])
    )
    return FilterChoices(years, fields, units)


def published_entry(pk) -> ShowcaseEntry:
    """A published entry, or 404 (an unpublished or withdrawn one does not exist for the public)."""
    try:
        return published_entries().get(pk=pk)
    except (ShowcaseEntry.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def entry_for_page(user, pk) -> tuple[ShowcaseEntry, bool]:
    """(the entry, whether this is a preview): published for anyone; unpublished only for its publisher."""
    try:
        entry = ShowcaseEntry.objects.select_related("initiative__unit", "initiative__campaign__organization").get(
            pk=pk
        )
    except (ShowcaseEntry.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if ShowcaseEntry.objects.published().filter(pk=entry.pk).exists():
        return entry, False
    if user.is_authenticated and may_review(scope_for(user), entry.initiative.campaign):
        return entry, True
    raise Http404


def photo_for_user(user, pk) -> ShowcasePhoto:
    """A photo of a published entry for anyone; of an unpublished one only for whoever may publish it."""
    try:
        photo = ShowcasePhoto.objects.select_related("entry__initiative__campaign__organization").get(pk=pk)
    except (ShowcasePhoto.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if ShowcaseEntry.objects.published().filter(pk=photo.entry_id).exists():
        return photo
    if user.is_authenticated and may_review(scope_for(user), photo.entry.initiative.campaign):
        return photo
    raise Http404


def initiative_for_publisher(user, pk) -> tuple[Initiative, ShowcaseEntry | None]:
    """The initiative and its entry for the bloc's administrator: 404 outside the user's scope, 403 for others."""
    initiative, _perms = initiative_for_user(user, pk)
    if not may_review(scope_for(user), initiative.campaign):
        raise PermissionDenied
    entry = ShowcaseEntry.objects.filter(initiative=initiative).first()
    return initiative, entry


def photo_for_publisher(user, pk) -> ShowcasePhoto:
    photo = ShowcasePhoto.objects.select_related("entry").filter(pk=pk).first()
    if photo is None:
        raise Http404
    initiative_for_publisher(user, photo.entry.initiative_id)
    return photo


# --- What the public page shows -----------------------------------------------------------------------------------


def public_indicator_progress(initiative: Initiative) -> list[IndicatorProgress]:
    """Each indicator's actual against its target from the initiative's sent reports: counts add up over the
    periods, a rate is its latest value. The same function feeds the showcase API, so page and API agree."""
    return published_indicator_results(initiative)


@dataclass
class Honour:
    form: str
    number: str
    issued_on: object
    issuer: str
    honouree: str


def public_honours(initiative: Initiative) -> list[Honour]:
    """The commendation decisions naming the initiative: form, number, date, issuer and who was honoured."""
    return [
        Honour(
            form=e.commendation.get_form_display(),
            number=e.commendation.number,
            issued_on=e.commendation.issued_on,
            issuer=e.commendation.issuer,
            honouree=e.honouree,
        )
        for e in honours_of(initiative=initiative)
    ]


def honour_badges(initiative_ids: list[int]) -> dict[int, str]:
    """Per initiative, the label of the highest form of commendation it received (none: absent)."""
    forms: dict[int, set[str]] = defaultdict(set)
    for initiative_id, form in CommendationEntry.objects.filter(initiative_id__in=initiative_ids).values_list(
        "initiative_id", "commendation__form"
    ):
        forms[initiative_id].add(form)
    labels = dict(Commendation.Form.choices)
    out = {}
    for pk, given in forms.items():
        best = next(f for f in FORM_ORDER if f in given)
        out[pk] = str(labels[best])
    return out


def first_photos(entry_ids: list[int]) -> dict[int, ShowcasePhoto]:
    out: dict[int, ShowcasePhoto] = {}
    for photo in ShowcasePhoto.objects.filter(entry_id__in=entry_ids).order_by("entry_id", "position", "id"):
        out.setdefault(photo.entry_id, photo)
    return out


def public_copies(initiative: Initiative) -> list[Initiative]:
    """Units that adopted the initiative, counted only once the bloc accepted the copy's registration."""
    return [
        r.copy
        for r in Replication.objects.filter(original=initiative, copy__status=Initiative.Status.ACCEPTED)
        .select_related("copy__unit", "copy__campaign")
        .order_by("copy__campaign__year", "copy__unit__name", "copy_id")
    ]


@dataclass
class FeedbackSummary:
    items: list[Feedback]
    count: int
    mean: float | None

    @property
    def stars(self) -> int:
        """The mean as whole stars, for the picture next to the figure."""
        return int(Decimal(str(self.mean)).quantize(Decimal(1), rounding=ROUND_HALF_UP)) if self.mean else 0


def shown_feedback(entry: ShowcaseEntry) -> FeedbackSummary:
    """Published feedback only (the unit and the bloc both approved), newest first, with count and mean rating."""
    qs = Feedback.objects.shown().filter(entry=entry)
    agg = qs.aggregate(n=Count("id"), mean=Avg("rating"))
    mean = round(float(agg["mean"]), 1) if agg["mean"] is not None else None
    return FeedbackSummary(list(qs.order_by("-created_at", "-id")), agg["n"], mean)


# --- Moderation ---------------------------------------------------------------------------------------------------

MINE = "mine"
ALL = "all"


def waiting_for(user) -> Q:
    """Feedback whose next step is this user's: pending at their unit, or approved by the unit for their bloc."""
    scope = scope_for(user)
    S = Feedback.Status
    q = Q(status=S.PENDING) & scope.q_subtree("entry__initiative__unit__path", scope.officer_paths)
    if scope.is_superuser:
        q |= Q(status=S.UNIT_APPROVED)
    else:
        q |= Q(status=S.UNIT_APPROVED) & scope.q_subtree(
            "entry__initiative__campaign__organization__path", scope.admin_paths
        )
    return q


def feedback_for_moderation(user, status: str = MINE) -> QuerySet[Feedback]:
    qs = Feedback.objects.visible_to(user).select_related(
        "entry__initiative__unit",
        "entry__initiative__campaign__organization",
        "unit_moderator",
        "bloc_moderator",
    )
    if status == MINE:
        qs = qs.filter(waiting_for(user))
    elif status in Feedback.Status.values:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-id")


def feedback_for_user(user, pk) -> Feedback:
    """Feedback the user may see as a moderator (or leader), else 404."""
    try:
        return (
            Feedback.objects.visible_to(user)
            .select_related("entry__initiative__unit", "entry__initiative__campaign__organization")
            .get(pk=pk)
        )
    except (Feedback.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
