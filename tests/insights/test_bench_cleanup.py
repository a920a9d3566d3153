"""The benchmark deletes the drafts its import created, in one go: afterwards the drafts are gone with their
fingerprints, and the stored counts are what a computation from scratch gives (the per-row receivers are quiet
during the delete and put back afterwards)."""

import pytest
from django.db.models.signals import post_delete, pre_delete

from bench.run import cleanup_import
from danvan.initiatives.models import Initiative
from danvan.insights import tally
from danvan.recognition.models import TextFingerprint
from tests.insights.test_tally import _draft, stored

pytestmark = pytest.mark.django_db


def test_cleanup_deletes_the_drafts_and_keeps_the_counts_fresh(demo):
    receivers = (list(pre_delete.receivers), list(post_delete.receivers))
    drafts = [_draft(demo) for _k in range(3)]
    ids = [d.pk for d in drafts]
    assert TextFingerprint.objects.filter(pk__in=ids).count() == 3
    before = stored()
    assert before[0] != [], "the drafts are counted"

    cleanup_import(ids)

    assert not Initiative.objects.filter(pk__in=ids).exists()
    assert not TextFingerprint.objects.filter(pk__in=ids).exists()
    after = stored()
    tally.rebuild()
    assert stored() == after, "the stored counts drifted from a fresh computation"
    assert after != before, "the drafts are no longer counted"
    assert (list(pre_delete.receivers), list(post_delete.receivers)) == receivers
