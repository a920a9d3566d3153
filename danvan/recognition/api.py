"""API of the year-end review: the ranked board, results, commendations and replications."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Router, Status

from danvan.api.schemas import (
    CommendationIn,
    CommendationOut,
    ErrorOut,
    ReplicateIn,
    ReplicationOut,
    ResultIn,
    ResultOut,
    ReviewRowOut,
)
from danvan.campaigns.models import Campaign
from danvan.campaigns.selectors import campaign_for_user
from danvan.core.access import scope_for
from danvan.initiatives.models import Initiative
from danvan.insights.review import review_board
from danvan.orgs.models import Organization
from danvan.recognition import services
from danvan.recognition.models import Commendation, Replication
from danvan.recognition.rules import adoptable, may_read_review, may_review
from danvan.recognition.selectors import replication_units, review_initiative_for_user

router = Router(tags=["review"])


@router.get(
    "/campaigns/{campaign_id}/review",
    response={200: list[ReviewRowOut], 403: ErrorOut, 404: ErrorOut},
    summary="Bảng bình xét: điểm thô và điểm quy đổi, chỉ tiêu, báo cáo, ý kiến người dân, cảnh báo",
)
def board(request, campaign_id: int, order: str = "standardised"):
    campaign, _can_edit = campaign_for_user(request.user, campaign_id)
    if not may_read_review(scope_for(request.user), campaign):
        raise PermissionDenied
    return [
        {
            "rank": r.rank,
            "initiative": r.initiative.pk,
            "title": r.initiative.title,
            "unit": r.initiative.unit,
            "kind": r.initiative.kind,
            "team": r.team,
            "team_total": r.team_total,
            "self_total": r.self_total,
            "raw": r.raw,
            "standardised": r.standardised,
            "gap": r.gap,
            "indicator_percent": r.indicator_percent,
            "reports_sent": r.reports_sent,
            "reports_due": r.reports_due,
            "feedback_count": r.feedback_count,
            "feedback_average": r.feedback_average,
            "flags": [{"code": f.code, "label": f.label, "detail": f.detail, "other": f.other_id} for f in r.flags],
            "rounds": r.rounds,
            "result": r.initiative.result,
        }
        for r in review_board(campaign, request.user, order=order).rows
    ]


@router.post(
    "/initiatives/{initiative_id}/result",
    response={200: ResultOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Quyết định kết quả bình xét của một mô hình (kèm lý do)",
)
def decide(request, initiative_id: int, payload: ResultIn):
    # The review page's rights: the bloc's readers may see the review, only its reviewers decide (403 otherwise).
    initiative, _can_review = review_initiative_for_user(request.user, initiative_id, write=True)
    return services.result_decide(
        initiative=initiative,
        by=request.user,
        result=payload.result,
        reason=payload.reason,
        expected_version=payload.expected_version,
    )


def _commendation(c: Commendation) -> dict:
    return {
        "id": c.pk,
        "campaign": c.campaign_id,
        "number": c.number,
        "issued_on": c.issued_on,
        "issuer": c.issuer,
        "issuing_org": c.issuing_org,
        "form": c.form,
        "title": c.title,
        "signer_name": c.signer_name,
        "signer_title": c.signer_title,
        "entries": [
            {
                "id": e.pk,
                "initiative": e.initiative_id,
                "initiative_title": e.initiative.title,
                "unit": e.initiative.unit,
                "honouree_kind": e.honouree_kind,
                "honouree": e.honouree,
                "citation": e.citation,
                "assessment": e.assessment_id,
                "total_at_decision": e.total_at_decision,
            }
            for e in c.entries.all()
        ],
    }


def _commendations(user):
    return (
        Commendation.objects.visible_to(user)
        .select_related("issuing_org")
        .prefetch_related("entries__initiative__unit")
    )


@router.get("/commendations", response=list[CommendationOut], summary="Các quyết định khen thưởng")
def list_commendations(request, campaign: int | None = None):
    qs = _commendations(request.user)
    if campaign:
        qs = qs.filter(campaign_id=campaign)
    return [_commendation(c) for c in qs]


@router.get(
    "/commendations/{commendation_id}", response={200: CommendationOut, 404: ErrorOut}, summary="Một quyết định"
)
def get_commendation(request, commendation_id: int):
    try:
        return _commendation(_commendations(request.user).get(pk=commendation_id))
    except Commendation.DoesNotExist:
        raise Http404 from None


@router.post(
    "/commendations",
    response={201: CommendationOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Ghi một quyết định khen thưởng (chỉ mô hình tiêu biểu)",
)
def create_commendation(request, payload: CommendationIn):
    campaign, _can_edit = campaign_for_user(request.user, payload.campaign)
    if not may_review(scope_for(request.user), campaign):
        raise PermissionDenied
    visible = Initiative.objects.visible_to(request.user).filter(campaign=campaign)
    by_id = {i.pk: i for i in visible.filter(pk__in=[e.initiative for e in payload.entries])}
    missing = [e.initiative for e in payload.entries if e.initiative not in by_id]
    if missing:
        raise Http404
    commendation = services.commendation_create(
        campaign=campaign,
        by=request.user,
        number=payload.number,
        issued_on=payload.issued_on,
        issuer=payload.issuer,
        form=payload.form,
        title=payload.title,
        signer_name=payload.signer_name,
        signer_title=payload.signer_title,
        entries=[
            services.EntryInput(
                initiative=by_id[e.initiative], honouree=e.honouree, honouree_kind=e.honouree_kind, citation=e.citation
            )
            for e in payload.entries
        ],
    )
    return Status(201, _commendation(_commendations(request.user).get(pk=commendation.pk)))


def _ref(i: Initiative) -> dict:
    return {
        "id": i.pk,
        "title": i.title,
        "unit": i.unit,
        "year": i.campaign.year,
        "status": i.status,
        "result": i.result,
    }


@router.get("/replications", response=list[ReplicationOut], summary="Nhân rộng: mô hình gốc và các bản nhân rộng")
def list_replications(request, campaign: int | None = None, original: int | None = None):
    qs = Replication.objects.visible_to(request.user).select_related(
        "original__unit", "original__campaign", "copy__unit", "copy__campaign"
    )
    if campaign:
        qs = qs.filter(original__campaign_id=campaign)
    if original:
        qs = qs.filter(original_id=original)
    return [{"id": r.pk, "original": _ref(r.original), "replica": _ref(r.copy), "created_at": r.created_at} for r in qs]


@router.post(
    "/initiatives/{initiative_id}/replicate",
    response={201: ReplicationOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Đăng ký nhân rộng một mô hình tiêu biểu cho đơn vị của mình",
)
def replicate(request, initiative_id: int, payload: ReplicateIn):
    try:
        source = adoptable(request.user).get(pk=initiative_id)
        campaign = Campaign.objects.visible_to(request.user).get(pk=payload.campaign)
        unit = Organization.objects.visible_to(request.user).get(pk=payload.unit)
    except (Initiative.DoesNotExist, Campaign.DoesNotExist, Organization.DoesNotExist):
        raise Http404 from None
    # As on the page: only those who may register for a unit (its officers, an administrator) adopt one.
    if not replication_units(request.user).filter(pk=unit.pk).exists():
        raise PermissionDenied
    copy = services.initiative_replicate(
        original=source, campaign=campaign, unit=unit, by=request.user, title=payload.title
    )
    r = Replication.objects.select_related("original__unit", "original__campaign", "copy__unit", "copy__campaign").get(
        copy=copy
    )
    return Status(201, {"id": r.pk, "original": _ref(r.original), "replica": _ref(r.copy), "created_at": r.created_at})
