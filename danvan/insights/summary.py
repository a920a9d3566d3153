"""Every figure of a campaign, computed once: the campaign page, the API summary and later the
year-end documents all read these functions, so their numbers can never disagree."""

from django.db.models import Count, Q

from danvan.campaigns.models import Campaign
from danvan.campaigns.selectors import covered_units
from danvan.initiatives.models import Initiative
from danvan.orgs.models import Organization


def _units(campaign: Campaign, user):
    """The covered base organisations the user sees, or whose cell the user sees (a cell's officer counts for it)."""
    visible = Organization.objects.visible_to(user)
    return covered_units(campaign).filter(Q(pk__in=visible.values("pk")) | Q(pk__in=visible.values("base_id")))


def registered_unit_ids(campaign: Campaign, user) -> set[int]:
    """Base organisations with at least one registration sent (an initiative of a cell counts for its base)."""
    return set(
        Initiative.objects.visible_to(user)
        .registered()
        .filter(campaign=campaign, unit__base__isnull=False)
        .values_list("unit__base_id", flat=True)
        .distinct()
    )


def unregistered_units(campaign: Campaign, user):
    return _units(campaign, user).exclude(pk__in=registered_unit_ids(campaign, user)).order_by("name")


def campaign_summary(*, campaign: Campaign, user, checking: bool = True) -> dict:
    """Participation and registrations of one campaign, as far as `user` may see; with `checking`, also
    reporting, surveying, indicator and year-end review figures."""
    visible = Initiative.objects.visible_to(user).filter(campaign=campaign)
    registered = visible.registered()
    units_total = _units(campaign, user).count()
    covered_ids = set(_units(campaign, user).values_list("pk", flat=True))
    units_registered = len(registered_unit_ids(campaign, user) & covered_ids)
    by_kind = dict(registered.values_list("kind").annotate(n=Count("id")))
    by_status = {s: 0 for s in Initiative.Status.values}
    by_status.update(dict(visible.values_list("status").annotate(n=Count("id"))))
    field_counts = dict(registered.values_list("fields").annotate(n=Count("id")))
    by_field = [
        {"id": f.pk, "code": f.code, "name": f.name, "count": field_counts.get(f.pk, 0)} for f in campaign.fields.all()
    ]
    return {
        "campaign": campaign.pk,
        "year": campaign.year,
        "units_total": units_total,
        "units_registered": units_registered,
        "participation_percent": round(100 * units_registered / units_total, 1) if units_total else 0.0,
        "initiatives": registered.count(),
        "collective": by_kind.get(Initiative.Kind.COLLECTIVE, 0),
        "individual": by_kind.get(Initiative.Kind.INDIVIDUAL, 0),
        "by_status": by_status,
        "by_field": by_field,
        **(_checking(campaign, user) if checking else {}),
        **(_review(campaign, user) if checking else {}),
    }


def _checking(campaign: Campaign, user) -> dict:
    from danvan.insights.checking import indicator_totals, reporting, survey_figures

    rates = reporting(campaign, user)
    survey = survey_figures(campaign, user)
    return {
        "reports_expected": rates.total.expected,
        "reports_submitted": rates.total.submitted,
        "reports_on_time": rates.total.on_time,
        "reporting_rate_percent": rates.total.rate_percent,
        "timeliness_percent": rates.total.timeliness_percent,
        "surveyed": survey.surveyed,
        "surveyed_units": survey.surveyed_units,
        "self_assessed": survey.self_assessed,
        "indicator_totals": indicator_totals(campaign, user),
    }


def _review(campaign: Campaign, user) -> dict:
    from danvan.insights.review import recognition_figures

    r = recognition_figures(campaign, user)
    return {
        "not_achieved": r.not_achieved,
        "recognised": r.recognised,
        "exemplary": r.exemplary,
        "undecided": r.undecided,
        "commended": r.commended,
        "commendations": r.commendations,
        "replications": r.replications,
        "replicated": r.replicated,
    }
