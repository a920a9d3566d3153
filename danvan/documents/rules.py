"""Who may produce which document."""

from danvan.core.access import scope_for


def may_sign_for(user, campaign) -> bool:
    """The year-end report and the proposal are the bloc's: its administrators draft them, leaders read them."""
    scope = scope_for(user)
    return scope.administers(campaign.organization.path) or scope.is_leader or scope.is_superuser


def may_report_achievement(user, initiative) -> bool:
    """The achievement report of an exemplary initiative is written by its unit and checked by the bloc."""
    scope = scope_for(user)
    return initiative.result == initiative.Result.EXEMPLARY and (
        scope.administers(initiative.unit.path) or scope.officer_of(initiative.unit.path)
    )
