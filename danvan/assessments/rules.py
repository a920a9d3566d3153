"""Who may score what, written once: conflict of interest, team membership, leaders, reopening."""

from dataclasses import dataclass

from danvan.assessments.models import Assessment, TeamMember
from danvan.campaigns.models import Campaign
from danvan.core.access import Scope
from danvan.initiatives.models import Initiative
from danvan.orgs.models import Membership


def own_base_ids(user) -> set[int]:
    """The base organisations a person belongs to (through any role): they never score those."""
    rows = Membership.objects.filter(user=user).values_list("organization_id", "organization__base_id")
    return {base or org for org, base in rows}


def has_conflict(user, initiative: Initiative) -> bool:
    unit = initiative.unit
    return bool({unit.pk, unit.base_id or unit.pk} & own_base_ids(user))


def team_membership(user, initiative: Initiative) -> TeamMember | None:
    """The user's place in the team assigned to `initiative`, if any."""
    return TeamMember.objects.filter(user=user, team__assignments__initiative=initiative).select_related("team").first()


def campaign_running(initiative: Initiative) -> bool:
    return initiative.campaign.status == Campaign.Status.LAUNCHED


@dataclass(frozen=True)
class ScoringRights:
    member: TeamMember | None = None
    conflict: bool = False
    can_score: bool = False
    can_reconcile: bool = False
    can_self_assess: bool = False

    @property
    def any(self) -> bool:
        return self.can_score or self.can_reconcile or self.can_self_assess


def scoring_rights(scope: Scope, user, initiative: Initiative, *, assigned: bool = True) -> ScoringRights:
    """`assigned=False`, from a caller that knows no team is assigned to the initiative, spares looking for the
    user's place in that team."""
    running = campaign_running(initiative) and initiative.status == Initiative.Status.ACCEPTED
    member = team_membership(user, initiative) if assigned and (scope.is_surveyor or scope.is_admin) else None
    conflict = member is not None and has_conflict(user, initiative)
    path = initiative.unit.path
    return ScoringRights(
        member=member,
        conflict=conflict,
        can_score=running and member is not None and not conflict,
        can_reconcile=running and member is not None and member.is_leader and not conflict,
        can_self_assess=running and (scope.officer_of(path) or scope.administers(path)),
    )


def may_reopen(scope: Scope, user, assessment: Assessment) -> bool:
    """A submitted assessment is reopened only by its team's leader or by the bloc administrator."""
    if not assessment.is_submitted or not campaign_running(assessment.initiative):
        return False
    if scope.administers(assessment.initiative.unit.path):
        return True
    if assessment.kind == Assessment.Kind.SELF:
        return False
    return TeamMember.objects.filter(team_id=assessment.team_id, user=user, is_leader=True).exists()
