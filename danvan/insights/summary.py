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
    """The covered base organisations the user sees that have not registered: the stored flags tell which have
    (a base organisation's row counts its cells too) where they can serve the reader."""
    from danvan.insights import tally
    from danvan.insights.models import UnitTally

    units = _units(campaign, user).order_by("name")
    if tally.terms_for(campaign, user) is not None:
        return units.exclude(pk__in=UnitTally.objects.filter(campaign=campaign, registered__gt=0).values("node_id"))
    return units.exclude(pk__in=registered_unit_ids(campaign, user))


def campaign_summary(*, campaign: Campaign, user, checking: bool = True, rates=None) -> dict:
    """Participation and registrations of one campaign, as far as `user` may see; with `checking`, also
    reporting, surveying, indicator and year-end review figures (`rates`: the reporting figures, when the
    caller has them already)."""
    from danvan.insights import tally

    units_total = _units(campaign, user).count()
    terms = tally.terms_for(campaign, user)
    if terms is None:
        figures = _fresh_figures(campaign, user)
    else:
        f = tally.figures(campaign, terms)
        registered = Initiative.REGISTERED_STATUSES
        figures = {
            "units_registered": f.units[0],
            "initiatives": f.count(lambda x: x["status"] in registered),
            "by_kind": {
                k: f.count(lambda x, k=k: x["status"] in registered and x["kind"] == k) for k in Initiative.Kind
            },
            "by_status": {s: f.count(lambda x, s=s: x["status"] == s) for s in Initiative.Status.values},
            "field_counts": _sum_fields(f.fields, registered),
        }
    by_field = [
        {"id": fd.pk, "code": fd.code, "name": fd.name, "count": figures["field_counts"].get(fd.pk, 0)}
        for fd in campaign.fields.all()
    ]
    units_registered = figures["units_registered"]
    return {
        "campaign": campaign.pk,
        "year": campaign.year,
        "units_total": units_total,
        "units_registered": units_registered,
        "participation_percent": round(100 * units_registered / units_total, 1) if units_total else 0.0,
        "initiatives": figures["initiatives"],
        "collective": figures["by_kind"].get(Initiative.Kind.COLLECTIVE, 0),
        "individual": figures["by_kind"].get(Initiative.Kind.INDIVIDUAL, 0),
        "by_status": figures["by_status"],
        "by_field": by_field,
        **(_checking(campaign, user, rates) if checking else {}),
        **(_review(campaign, user) if checking else {}),
    }


def _sum_fields(fields, statuses) -> dict[int, int]:
    out: dict[int, int] = {}
    for (field, _kind, status), n in fields.items():
        if status in statuses:
            out[field] = out.get(field, 0) + n
    return out


def _fresh_figures(campaign: Campaign, user) -> dict:
    """The summary's counts counted afresh from the initiatives (readers the stored counts cannot serve)."""
    visible = Initiative.objects.visible_to(user).filter(campaign=campaign)
    registered = visible.registered()
    covered_ids = set(_units(campaign, user).values_list("pk", flat=True))
    by_status = {s: 0 for s in Initiative.Status.values}
    by_status.update(dict(visible.values_list("status").annotate(n=Count("id"))))
    return {
        "units_registered": len(registered_unit_ids(campaign, user) & covered_ids),
        "initiatives": registered.count(),
        "by_kind": dict(registered.values_list("kind").annotate(n=Count("id"))),
        "by_status": by_status,
        "field_counts": dict(registered.values_list("fields").annotate(n=Count("id"))),
    }


def _checking(campaign: Campaign, user, rates=None) -> dict:
    from danvan.insights.checking import indicator_totals, reporting, survey_figures

    rates = rates or reporting(campaign, user)
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
        "self_assessed_units": survey.self_assessed_units,
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
