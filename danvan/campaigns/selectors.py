"""Reads of campaigns, narrowed by who asks."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from danvan.campaigns.models import Campaign
from danvan.core.access import scope_for
from danvan.orgs.models import Organization


def campaign_for_user(user, pk, *, write: bool = False) -> tuple[Campaign, bool]:
    """The campaign and whether the user may change it: 404 outside their scope, 403 when read-only."""
    try:
        campaign = Campaign.objects.visible_to(user).select_related("organization").get(pk=pk)
    except (Campaign.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    can_edit = scope_for(user).administers(campaign.organization.path)
    if write and not can_edit:
        raise PermissionDenied
    return campaign, can_edit


def covered_units(campaign: Campaign):
    """The base organisations a campaign covers (65 in the Hải Phòng bloc): not the bloc, partners or cells."""
    return Organization.objects.subtree_of(campaign.organization).base_units()


def open_campaigns_for(user):
    return Campaign.objects.visible_to(user).filter(status=Campaign.Status.LAUNCHED).select_related("organization")
