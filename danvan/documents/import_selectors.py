"""Reads of spreadsheet imports, narrowed by who asks."""

from django.http import Http404

from danvan.documents.models import ImportBatch


def import_batch_for_user(user, pk) -> ImportBatch:
    """An import the user may see (their own, or one in a campaign they administer); anything else is a 404."""
    try:
        return (
            ImportBatch.objects.visible_to(user)
            .select_related("campaign__organization", "uploaded_by", "applied_by")
            .get(pk=pk)
        )
    except (ImportBatch.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
