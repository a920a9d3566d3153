"""The national generator on a small set: a consistent tree, the app's own search texts and figures on the
generated data, the shape the benchmark relies on, and a second run refused."""

import copy
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from danvan.assessments.models import Assessment, Assignment, Score, SurveyTeam
from danvan.campaigns.models import Campaign, Field, ReportingPeriod
from danvan.demo import national
from danvan.initiatives.models import Indicator, Initiative, InitiativeEvent
from danvan.initiatives.services import _refresh_search
from danvan.insights.summary import campaign_summary
from danvan.orgs.models import Membership, Organization
from danvan.progress.models import IndicatorValue, ProgressReport
from danvan.recognition.models import Commendation, CommendationEntry, Replication
from danvan.recognition.services import number_key, same_base

N = 600
SEED = 7
K = Organization.Kind
S = Initiative.Status


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """One generated set for the whole module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        result = national.generate(initiatives=N, seed=SEED)
        yield result
        transaction.set_rollback(True)


@pytest.fixture
def admin(generated, db):
    return get_user_model().objects.get(username=national.NATIONAL_ADMIN)


def past_campaigns():
    return Campaign.objects.filter(status=Campaign.Status.CLOSED).order_by("year")


def test_tree_kinds_paths_and_bases(generated, db):
    orgs = {o.pk: o for o in Organization.objects.all()}
    kinds = Counter(o.kind for o in orgs.values())
    assert kinds[K.CENTRAL] == 1
    assert kinds[K.PROVINCE] == 34
    assert kinds[K.BLOC] == 68
    assert kinds[K.BASE_COMMITTEE] >= 34 + 34 and kinds[K.BASE_CELL] >= 1 and kinds[K.CELL] >= 34
    for o in orgs.values():
        parent = orgs.get(o.parent_id)
        if parent is None:
            assert (o.kind, o.path, o.depth, o.base_id) == (K.CENTRAL, f"{o.pk}.", 0, None)
            continue
        assert o.path == f"{parent.path}{o.pk}."
        assert o.depth == parent.depth + 1
        if o.kind in Organization.BASE_KINDS:
            assert o.base_id == o.pk
        elif o.kind == K.CELL:
            assert parent.kind in Organization.BASE_KINDS and o.base_id == parent.pk
        else:
            assert o.base_id is None
    # Provinces sit under the central node, blocs and communes under provinces; subtree queries agree with parents.
    province = Organization.objects.get(code="P01")
    assert province.kind == K.PROVINCE and province.name == "Thành ủy Hà Nội"
    subtree = set(Organization.objects.subtree_of(province).values_list("pk", flat=True))
    walk, frontier = {province.pk}, [province.pk]
    while frontier:
        frontier = [o.pk for o in orgs.values() if o.parent_id in set(frontier)]
        walk.update(frontier)
    assert subtree == walk


def test_search_texts_are_the_apps(generated, db):
    initiatives = list(Initiative.objects.select_related("unit"))
    assert len(initiatives) == N
    for i in initiatives:
        fresh = copy.copy(i)
        _refresh_search(fresh)
        assert i.search_text == fresh.search_text, i.pk
        assert not i.missing_for_submission()


def test_counts_and_shapes(generated, db):
    assert Campaign.objects.count() == 10
    assert Campaign.objects.filter(status=Campaign.Status.LAUNCHED).get().year == timezone.localdate().year
    assert Field.objects.count() == 10 * 9 and ReportingPeriod.objects.count() == 10 * 4
    assert SurveyTeam.objects.count() == 9 * 34
    kinds = Counter(Initiative.objects.values_list("kind", flat=True))
    assert set(kinds) == {"collective", "individual"} and 0.2 < kinds["individual"] / N < 0.45
    by_year = dict(Initiative.objects.values_list("campaign__year").annotate(n=Count("id")))
    years = sorted(by_year)
    assert by_year[years[-1]] > by_year[years[0]]  # growing over the years
    per_initiative = Counter(Indicator.objects.values_list("initiative_id", flat=True))
    assert len(per_initiative) == N and set(per_initiative.values()) <= {1, 2, 3}
    assert set(Initiative.objects.annotate(n=Count("fields")).values_list("n", flat=True)) <= {1, 2, 3}
    assert InitiativeEvent.objects.values("initiative").distinct().count() == N
    accepted_past = Initiative.objects.filter(campaign__in=past_campaigns(), status=S.ACCEPTED)
    reports = ProgressReport.objects.filter(initiative__in=accepted_past)
    assert 3.3 <= reports.count() / accepted_past.count() <= 4
    # Every indicator of every sent report has its value.
    expected = sum(per_initiative[i] for i in reports.exclude(status="draft").values_list("initiative_id", flat=True))
    assert IndicatorValue.objects.filter(report__in=reports).count() == expected
    # Each accepted initiative of a past campaign was assessed: by a survey team (about 40 %) or by itself.
    assessed = Assessment.objects.filter(status="submitted", kind__in=["team", "self"])
    assert set(assessed.values_list("initiative_id", flat=True)) == set(accepted_past.values_list("pk", flat=True))
    team = assessed.filter(kind="team")
    assert 0.25 <= team.count() / accepted_past.count() <= 0.55
    assert set(Assignment.objects.values_list("initiative_id", flat=True)) == set(
        team.values_list("initiative_id", flat=True)
    )
    # The team's scores are the criteria of the rubric and add up to its total.
    for a in team[:50]:
        scores = list(a.scores.select_related("criterion"))
        assert len(scores) == 7
        weighted = sum(s.value * s.criterion.weight for s in scores)
        maximum = sum(s.criterion.max_score * s.criterion.weight for s in scores)
        assert round(100 * weighted / maximum, 2) == a.total
    assert Score.objects.exclude(assessment__kind="team").count() == 0
    # Units are very unequal: the most active unit registered several times what the median unit did.
    per_unit = sorted(Counter(Initiative.objects.values_list("unit_id", flat=True)).values())
    assert per_unit[-1] >= 4 * per_unit[len(per_unit) // 2]


def test_the_running_campaign_takes_registrations(generated, db):
    """A person, the import and the benchmark can register into the generated data (the window stays open)."""
    current = Campaign.objects.get(status=Campaign.Status.LAUNCHED)
    today = timezone.localdate()
    assert current.registration_opens <= today and (current.registration_closes - today).days >= 120
    assert current.registration_open_on(today)


def test_statuses_and_results(generated, db):
    current = Campaign.objects.get(status=Campaign.Status.LAUNCHED)
    assert set(Initiative.objects.filter(campaign=current).values_list("status", flat=True)) >= {
        S.DRAFT,
        S.SUBMITTED,
        S.ACCEPTED,
    }
    past = Initiative.objects.filter(campaign__in=past_campaigns())
    assert past.filter(status=S.ACCEPTED).count() / past.count() > 0.9
    # Results only on accepted initiatives of past campaigns, and on all of them.
    assert not Initiative.objects.exclude(result="").exclude(status=S.ACCEPTED, campaign__in=past_campaigns()).exists()
    assert not past.filter(status=S.ACCEPTED, result="").exists()
    shares = Counter(past.filter(status=S.ACCEPTED).values_list("result", flat=True))
    total = sum(shares.values())
    assert 0.04 < shares["exemplary"] / total < 0.18
    assert 0.6 < shares["recognised"] / total < 0.8
    assert 0.12 < shares["not_achieved"] / total < 0.3
    # Workflow dates fall in order, inside the campaign's year.
    for i in Initiative.objects.exclude(submitted_at=None).select_related("campaign"):
        assert i.created_at <= i.submitted_at
        assert i.submitted_at.year == i.campaign.year
        if i.accepted_at:
            assert i.submitted_at <= i.accepted_at


def test_commendations_list_exemplary_initiatives(generated, db):
    entries = CommendationEntry.objects.select_related("commendation", "initiative", "assessment")
    assert entries.exists()
    for e in entries:
        assert e.initiative.result == Initiative.Result.EXEMPLARY
        assert e.initiative.campaign_id == e.commendation.campaign_id
        assert e.initiative.unit.path.startswith(e.commendation.issuing_org.path)
        assert e.assessment.initiative_id == e.initiative_id and e.total_at_decision == e.assessment.total
    for c in Commendation.objects.select_related("issuing_org"):
        assert c.issuing_org.kind == K.PROVINCE and c.number_key == number_key(c.number)
        assert c.issued_on.year == c.campaign.year + 1


def test_replications_copy_an_earlier_exemplary_initiative(generated, db):
    replications = Replication.objects.select_related("original__campaign", "original__unit", "copy__campaign")
    assert replications.count() >= 5  # about one a year after the first, at this size
    for r in replications.select_related("copy__unit"):
        assert r.original.result == Initiative.Result.EXEMPLARY
        assert r.original.campaign.year < r.copy.campaign.year
        assert not same_base(r.original.unit, r.copy.unit)
        assert r.copy.title.split(" ")[0] == r.original.title.split(" ")[0]
        assert r.copy.events.filter(action="replicated").exists()


def test_the_apps_figures_on_the_generated_data(generated, admin):
    for campaign in Campaign.objects.all():
        summary = campaign_summary(campaign=campaign, user=admin)
        mine = Initiative.objects.filter(campaign=campaign)
        assert summary["initiatives"] == mine.filter(status__in=Initiative.REGISTERED_STATUSES).count()
        assert summary["exemplary"] == mine.filter(status=S.ACCEPTED, result="exemplary").count()
        commended = CommendationEntry.objects.filter(commendation__campaign=campaign)
        assert summary["commended"] == commended.values("initiative").distinct().count()
        copies = Replication.objects.filter(original__campaign=campaign).exclude(copy__status=S.WITHDRAWN)
        assert summary["replications"] == copies.count()
    connection.check_constraints()


def test_who_sees_what(generated, admin):
    assert Initiative.objects.visible_to(admin).count() == N
    leader = get_user_model().objects.get(username="lanhdao.p03")
    province = Membership.objects.get(user=leader).organization
    assert province.code == "P03"
    seen = set(Initiative.objects.visible_to(leader).values_list("pk", flat=True))
    expected = set(
        Initiative.objects.filter(unit__path__startswith=province.path)
        .exclude(status=S.DRAFT)
        .values_list("pk", flat=True)
    )
    assert seen == expected and seen
    assert not leader.has_usable_password()


def test_a_second_run_is_refused(generated, db):
    with pytest.raises(CommandError, match="--reset"):
        call_command("generate_national", "--initiatives", "50", stdout=StringIO())


def test_same_seed_same_data(generated, db):
    """The generator is a pure function of its seed: the stored titles are those the plan gives again."""
    today = timezone.localdate()

    def titles(seed):
        units, _provinces = national.build_tree(N, seed, 1)
        plan = national.plan_initiatives(units, national.campaign_calendar(10, today), N, seed, today)
        return [national.content_of(plan.recipe[i], units[plan.unit[i]], plan.kind[i])[0] for i in range(len(plan))]

    again = titles(SEED)
    assert list(Initiative.objects.order_by("pk").values_list("title", flat=True)) == again
    assert titles(SEED + 1) != again
