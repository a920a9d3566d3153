"""Reads of the organisation tree, narrowed by who asks."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from danvan.core.access import scope_for
from danvan.orgs.models import Organization


def organization_for_user(user, pk: int, *, write: bool = False) -> tuple[Organization, bool]:
    """The unit and whether the user may edit it: 404 outside their scope, 403 when read-only."""
    try:
        org = Organization.objects.visible_to(user).select_related("parent").get(pk=pk)
    except (Organization.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    can_edit = scope_for(user).administers(org.path)
    if write and not can_edit:
        raise PermissionDenied
    return org, can_edit
