from django.core.exceptions import PermissionDenied
from ninja import Router

from danvan.api.schemas import CampaignOut, CriterionOut, ErrorOut, SummaryCheckingOut
from danvan.campaigns.models import Campaign
from danvan.campaigns.selectors import campaign_for_user
from danvan.core.access import scope_for
from danvan.insights.summary import campaign_summary

router = Router(tags=["campaigns"])


@router.get("", response=list[CampaignOut], summary="Các đợt phát động")
def list_campaigns(request):
    return Campaign.objects.visible_to(request.user).select_related("organization").prefetch_related("fields")


@router.get("/{campaign_id}", response={200: CampaignOut, 404: ErrorOut}, summary="Một đợt phát động")
def get_campaign(request, campaign_id: int):
    campaign, _ = campaign_for_user(request.user, campaign_id)
    return campaign


@router.get(
    "/{campaign_id}/summary",
    response={200: SummaryCheckingOut, 403: ErrorOut, 404: ErrorOut},
    summary="Số liệu tổng hợp của đợt",
)
def summary(request, campaign_id: int):
    campaign, _ = campaign_for_user(request.user, campaign_id)
    if not scope_for(request.user).reads_statistics:
        raise PermissionDenied
    return campaign_summary(campaign=campaign, user=request.user)


@router.get("/{campaign_id}/rubric", response={200: list[CriterionOut], 404: ErrorOut}, summary="Thang điểm của đợt")
def rubric(request, campaign_id: int):
    from danvan.campaigns.services import rubric_create_default

    campaign, _ = campaign_for_user(request.user, campaign_id)
    return list(rubric_create_default(campaign).criteria.all())
