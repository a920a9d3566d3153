from django.contrib import admin

from danvan.core.admin import VersionedAdmin
from danvan.initiatives.models import Initiative


@admin.register(Initiative)
class InitiativeAdmin(VersionedAdmin):
    """Read-mostly: status changes go through the workflow's services, never through the admin."""

    list_display = ["title", "unit", "campaign", "kind", "status"]
    list_filter = ["campaign", "kind", "status"]
    search_fields = ["title", "search_text"]
    readonly_fields = [
        "status",
        "submitted_at",
        "accepted_at",
        "return_comment",
        "version",
        "carried_over_from",
    ]
    raw_id_fields = ["unit", "campaign"]

    def has_delete_permission(self, request, obj=None):
        return False
