from ninja import Router

from danvan.api.schemas import CampaignOut, ErrorOut, SummaryOut
from danvan.campaigns.models import Campaign
from danvan.campaigns.selectors import campaign_for_user
from danvan.insights.summary import campaign_summary

router = Router(tags=["campaigns"])


@router.get("", response=list[CampaignOut], summary="Các đợt phát động")
def list_campaigns(request):
    return Campaign.objects.visible_to(request.user).select_related("organization").prefetch_related("fields")


@router.get("/{campaign_id}", response={200: CampaignOut, 404: ErrorOut}, summary="Một đợt phát động")
def get_campaign(request, campaign_id: int):
    campaign, _ = campaign_for_user(request.user, campaign_id)
    return campaign


@router.get("/{campaign_id}/summary", response={200: SummaryOut, 404: ErrorOut}, summary="Số liệu tổng hợp của đợt")
def summary(request, campaign_id: int):
    campaign, _ = campaign_for_user(request.user, campaign_id)
    return campaign_summary(campaign=campaign, user=request.user)
