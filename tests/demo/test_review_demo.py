"""The demo's year-end review of 2017, seen as the acceptance story tells it: 13 exemplary initiatives,
all 13 commended by one decision, all 13 on the public showcase; the spread into 2018 and the flagged copy."""

import pytest
from django.contrib.auth import get_user_model

from danvan.campaigns.models import Campaign
from danvan.demo import loader
from danvan.initiatives.models import Initiative
from danvan.insights.review import review_board, spread
from danvan.insights.summary import campaign_summary
from danvan.recognition.models import Commendation, Replication
from danvan.showcase.models import Feedback, ShowcaseEntry


@pytest.mark.django_db
def test_demo_review_figures(client):
    loader.load()
    admin = get_user_model().objects.get(username="quantri")
    c2017 = Campaign.objects.get(year=2017)
    summary = campaign_summary(campaign=c2017, user=admin)
    accepted = Initiative.objects.filter(campaign=c2017, status=Initiative.Status.ACCEPTED)
    assert summary["exemplary"] == accepted.filter(result="exemplary").count() == 13
    assert summary["recognised"] + summary["not_achieved"] + summary["exemplary"] == accepted.count()
    decision = Commendation.objects.get(campaign=c2017)
    assert summary["commended"] == decision.entries.values("initiative").distinct().count() == 13
    assert set(decision.entries.values_list("initiative__result", flat=True)) == {"exemplary"}

    # Every exemplary initiative is published, with photos; the public list shows exactly those.
    published = ShowcaseEntry.objects.published().filter(initiative__campaign=c2017)
    assert set(published.values_list("initiative_id", flat=True)) == set(
        accepted.filter(result="exemplary").values_list("pk", flat=True)
    )
    assert all(e.photos.count() >= 1 for e in published)
    body = client.get(f"/api/v1/showcase?campaign={c2017.pk}").json()
    assert len(body["items"]) == 13

    # Moderation is visible in every state; only published opinions count.
    states = set(Feedback.objects.values_list("status", flat=True))
    assert states == {"pending", "unit_approved", "published", "rejected"}

    # The spread: copies in 2018 of three exemplary models; the board of 2017 ranks every accepted initiative.
    copies = Replication.objects.filter(original__campaign=c2017)
    assert summary["replications"] == copies.count() and summary["replicated"] == 3
    assert sum(t.size for t in spread(c2017, admin)) == copies.count()
    board = review_board(c2017, admin)
    assert len(board.rows) == accepted.count()
    assert [r.rank for r in board.rows[:3]] == [1, 2, 3]

    # The 2018 registration copied word for word from another unit is flagged for the bloc.
    from danvan.recognition.flags import comparison_pool, quality_flags

    c2018 = Campaign.objects.get(year=2018)
    sent = list(Initiative.objects.filter(campaign=c2018, status="submitted").select_related("unit", "campaign"))
    flags = quality_flags(sent, due_periods=0, gaps={}, pool=comparison_pool(c2018))
    flagged = [pk for pk, fs in flags.items() if any(f.code == "near_duplicate" for f in fs)]
    assert len(flagged) == 1
