from django.contrib import admin

from danvan.campaigns.models import Campaign
from danvan.core.admin import VersionedAdmin


@admin.register(Campaign)
class CampaignAdmin(VersionedAdmin):
    list_display = ["name", "year", "organization", "status"]
    readonly_fields = ["status", "launched_at", "version"]
