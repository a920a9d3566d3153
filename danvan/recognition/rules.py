"""Who may decide, commend and replicate: written once, used by the services, views, API and templates."""

from dataclasses import dataclass

from danvan.campaigns.models import Campaign
from danvan.core.access import Scope
from danvan.initiatives.models import Initiative


def reviewable(initiative: Initiative) -> bool:
    """Only accepted registrations of a launched or ended campaign have a year-end result."""
    return initiative.status == Initiative.Status.ACCEPTED and initiative.campaign.status != Campaign.Status.DRAFT


def may_review(scope: Scope, campaign: Campaign) -> bool:
    """The bloc that runs the campaign decides results and issues its commendations."""
    return scope.administers(campaign.organization.path)


def may_read_review(scope: Scope, campaign: Campaign) -> bool:
    path = campaign.organization.path
    return scope.administers(path) or any(p.startswith(path) or path.startswith(p) for p in scope.leader_paths)


@dataclass(frozen=True)
class ReplicationRights:
    can_replicate: bool = False
    why_not: str = ""


def same_base(a, b) -> bool:
    """Two units of the same base organisation (a cell and its base committee) are one unit for replication."""
    return (a.base_id or a.pk) == (b.base_id or b.pk)


def adoptable(user):
    """Exemplary initiatives a signed-in person may open to adopt: those they see anyway, and those the bloc
    published on the showcase (other units' initiatives are otherwise out of their sight)."""
    from django.db.models import Q

    visible = Initiative.objects.visible_to(user).values("pk")
    return (
        Initiative.objects.filter(result=Initiative.Result.EXEMPLARY)
        .filter(Q(pk__in=visible) | Q(showcase__is_published=True))
        .select_related("unit", "campaign")
    )
