from django.contrib import admin

from danvan.campaigns.models import Campaign


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "organization", "status"]
    readonly_fields = ["status", "launched_at", "version"]
