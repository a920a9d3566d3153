"""Reads of survey teams and assessments, narrowed by who asks."""

from django.http import Http404

from danvan.assessments.models import Assessment, AssessmentPhoto, Assignment, SurveyTeam, TeamMember
from danvan.initiatives.models import Initiative


def team_for_user(user, pk) -> SurveyTeam:
    try:
        return SurveyTeam.objects.visible_to(user).select_related("campaign__organization").get(pk=pk)
    except (SurveyTeam.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def assessment_for_user(user, pk) -> Assessment:
    try:
        return (
            Assessment.objects.visible_to(user)
            .select_related("initiative__unit", "initiative__campaign", "team", "assessor")
            .get(pk=pk)
        )
    except (Assessment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def photo_for_user(user, pk) -> AssessmentPhoto:
    try:
        return AssessmentPhoto.objects.get(pk=pk, assessment__in=Assessment.objects.visible_to(user))
    except (AssessmentPhoto.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def my_assignments(user):
    """What a survey member has to visit: the assignments of their teams, with their own scoring's state."""
    return (
        Assignment.objects.filter(team__members__user=user)
        .select_related("team__campaign", "initiative__unit")
        .order_by("-team__campaign__year", "team__name", "initiative__unit__path", "initiative_id")
    )


def visible_assessments(user, *, campaign=None, initiative=None, kind=None):
    qs = Assessment.objects.visible_to(user).filter(initiative__in=Initiative.objects.visible_to(user))
    if campaign:
        qs = qs.filter(initiative__campaign_id=campaign)
    if initiative:
        qs = qs.filter(initiative_id=initiative)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.select_related("assessor").prefetch_related("scores__criterion").order_by("initiative_id", "kind", "pk")


def is_member(user, team: SurveyTeam) -> bool:
    return TeamMember.objects.filter(team=team, user=user).exists()


def initiative_assessments(initiative: Initiative, user) -> dict:
    """The team and unit scores of an initiative the user may see, their gap, and what the user may do."""
    from danvan.assessments.rules import scoring_rights
    from danvan.assessments.services import gap, is_large_gap
    from danvan.core.access import scope_for

    rows = {
        a.kind: a
        for a in Assessment.objects.visible_to(user)
        .filter(initiative=initiative, kind__in=[Assessment.Kind.TEAM, Assessment.Kind.SELF])
        .select_related("team")
    }
    team, own = rows.get(Assessment.Kind.TEAM), rows.get(Assessment.Kind.SELF)
    g = gap(own.total, team.total) if team and own and team.is_submitted and own.is_submitted else None
    assignment = Assignment.objects.filter(initiative=initiative).select_related("team").first()
    return {
        "team": team,
        "self": own,
        "gap": g,
        "large_gap": is_large_gap(g),
        "assignment": assignment,
        "rights": scoring_rights(scope_for(user), user, initiative, assigned=assignment is not None),
    }
