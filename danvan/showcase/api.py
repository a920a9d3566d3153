"""API of the public showcase (open, no login) and of the moderation of citizens' feedback (signed in).

The public answers are built field by field from what the bloc published: never from a model's whole row.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Prefetch, Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from danvan.api.pagination import Pages
from danvan.api.schemas import (
    ErrorOut,
    FeedbackAccepted,
    FeedbackIn,
    FeedbackOut,
    ModerateIn,
    ShowcaseDetailOut,
    ShowcaseOut,
)
from danvan.core.access import scope_for
from danvan.core.net import client_address
from danvan.core.text import fold
from danvan.initiatives.models import Initiative
from danvan.insights.checking import published_indicator_results
from danvan.recognition.models import CommendationEntry, Replication
from danvan.recognition.rules import may_review
from danvan.showcase import services
from danvan.showcase.models import Feedback, ShowcaseEntry, ShowcasePhoto

router = Router(tags=["showcase"])


def _entries():
    return (
        ShowcaseEntry.objects.published()
        .select_related("initiative__unit", "initiative__campaign")
        .prefetch_related(
            "initiative__fields",
            "initiative__indicators",
            Prefetch("photos", queryset=ShowcasePhoto.objects.order_by("position", "id")),
            Prefetch(
                "initiative__commendation_entries",
                queryset=CommendationEntry.objects.select_related("commendation").order_by("-commendation__issued_on"),
            ),
            Prefetch(
                "initiative__copies",
                queryset=Replication.objects.filter(copy__status=Initiative.Status.ACCEPTED).select_related(
                    "copy__unit", "copy__campaign"
                ),
            ),
        )
        .annotate(
            opinions=Count("feedback", filter=Q(feedback__status=Feedback.Status.PUBLISHED)),
            satisfaction=Avg("feedback__rating", filter=Q(feedback__status=Feedback.Status.PUBLISHED)),
        )
    )


def _public(e: ShowcaseEntry, request) -> dict:
    i = e.initiative
    satisfaction = getattr(e, "satisfaction", None)
    return {
        "id": e.pk,
        "url": request.build_absolute_uri(reverse("showcase:detail", args=[e.pk])),
        "title": e.headline,
        "campaign": i.campaign_id,
        "year": i.campaign.year,
        "unit": {"name": i.unit.name},
        "kind": i.kind,
        "fields": [f.name for f in i.fields.all()],
        "summary": e.summary,
        "implementers": e.implementers,
        "beneficiaries": e.beneficiaries,
        "results": e.results,
        "published_at": e.published_at,
        "indicators": [
            {
                "name": r.indicator.name,
                "unit_of_measure": r.indicator.unit_of_measure,
                "target": r.indicator.target,
                "actual": r.actual,
            }
            for r in published_indicator_results(i)
        ],
        "photos": [
            {"url": request.build_absolute_uri(reverse("showcase:photo", args=[p.pk])), "caption": p.caption}
            for p in e.photos.all()
        ],
        "honours": [
            {
                "form": c.commendation.get_form_display(),
                "decision_number": c.commendation.number,
                "issued_on": c.commendation.issued_on,
                "issuer": c.commendation.issuer,
                "honouree": c.honouree,
            }
            for c in i.commendation_entries.all()
        ],
        "copies": [
            {"title": r.copy.title, "unit": r.copy.unit.name, "year": r.copy.campaign.year} for r in i.copies.all()
        ],
        "feedback": {
            "count": getattr(e, "opinions", 0),
            "average_rating": round(float(satisfaction), 2) if satisfaction is not None else None,
        },
    }


@router.get(
    "/showcase",
    response=list[ShowcaseOut],
    auth=None,
    summary="Mô hình tiêu biểu được công khai (không cần đăng nhập)",
)
@paginate(Pages, page_size=100)
def showcase_list(request, campaign: int | None = None, year: int | None = None, q: str | None = None):
    qs = _entries()
    if campaign:
        qs = qs.filter(initiative__campaign_id=campaign)
    if year:
        qs = qs.filter(initiative__campaign__year=year)
    if q and fold(q):
        qs = qs.filter(search_text__contains=fold(q))
    return _Shaped(qs, request)


class _Shaped:
    """Lets the paginator slice the queryset first, then shapes only that page's rows."""

    def __init__(self, qs, request):
        self.qs, self.request = qs, request

    def count(self):
        return self.qs.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        return [_public(e, self.request) for e in self.qs[item]]


def _published(entry_id: int) -> ShowcaseEntry:
    try:
        return _entries().get(pk=entry_id)
    except (ShowcaseEntry.DoesNotExist, ValueError):
        raise Http404 from None


@router.get(
    "/showcase/{entry_id}",
    response={200: ShowcaseDetailOut, 404: ErrorOut},
    auth=None,
    summary="Một mô hình tiêu biểu được công khai, với ý kiến người dân đã duyệt",
)
def showcase_detail(request, entry_id: int):
    entry = _published(entry_id)
    out = _public(entry, request)
    out["opinions"] = [
        {
            "rating": f.rating,
            "comment": f.comment,
            "author_name": f.author_name,
            "author_area": f.author_area,
            "created_on": f.created_at.date(),
        }
        for f in entry.feedback.shown().order_by("-created_at")
    ]
    return out


@router.post(
    "/showcase/{entry_id}/feedback",
    response={202: FeedbackAccepted, 400: ErrorOut, 404: ErrorOut},
    auth=None,
    summary="Gửi ý kiến về một mô hình công khai (hiển thị sau khi được duyệt)",
)
def send_feedback(request, entry_id: int, payload: FeedbackIn):
    entry = _published(entry_id)
    services.feedback_submit(
        entry=entry,
        rating=payload.rating,
        comment=payload.comment,
        author_name=payload.author_name,
        author_area=payload.author_area,
        address=client_address(request),
    )
    return Status(202, {"detail": _("Cảm ơn bạn. Ý kiến sẽ hiển thị sau khi đơn vị và Khối xem xét.")})


def _feedback_out(f: Feedback) -> dict:
    return {
        "id": f.pk,
        "initiative": f.entry.initiative_id,
        "initiative_title": f.entry.headline,
        "rating": f.rating,
        "comment": f.comment,
        "author_name": f.author_name,
        "author_area": f.author_area,
        "status": f.status,
        "created_at": f.created_at,
        "rejection_reason": f.rejection_reason,
    }


@router.get("/feedback", response=list[FeedbackOut], summary="Ý kiến người dân cần duyệt hoặc đã duyệt")
@paginate(Pages, page_size=100)
def feedback_list(request, status: Feedback.Status | None = None, campaign: int | None = None):
    qs = Feedback.objects.visible_to(request.user).select_related("entry")
    if status:
        qs = qs.filter(status=status)
    if campaign:
        qs = qs.filter(entry__initiative__campaign_id=campaign)
    return [_feedback_out(f) for f in qs]


@router.post(
    "/feedback/{feedback_id}/moderate",
    response={200: FeedbackOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Duyệt (đơn vị trước, Khối sau) hoặc không đăng một ý kiến",
)
def moderate(request, feedback_id: int, payload: ModerateIn):
    try:
        feedback = (
            Feedback.objects.visible_to(request.user)
            .select_related("entry__initiative__unit", "entry__initiative__campaign__organization")
            .get(pk=feedback_id)
        )
    except Feedback.DoesNotExist:
        raise Http404 from None
    # As on the moderation page: the owning unit's officers and the bloc moderate; a leader only reads (403).
    initiative = feedback.entry.initiative
    scope = scope_for(request.user)
    if not (scope.officer_of(initiative.unit.path) or may_review(scope, initiative.campaign)):
        raise PermissionDenied
    feedback = services.feedback_moderate(
        feedback=feedback,
        by=request.user,
        approve=payload.approve,
        reason=payload.reason,
        expected_status=payload.expected_status,
    )
    return _feedback_out(feedback)
