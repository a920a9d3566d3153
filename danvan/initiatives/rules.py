"""Who may do each step of the registration workflow: written once, used by views, API and templates."""

from dataclasses import dataclass

from danvan.core.access import Scope
from danvan.initiatives.models import Initiative


@dataclass(frozen=True)
class InitiativePermissions:
    can_edit: bool = False
    can_submit: bool = False
    can_review: bool = False
    can_withdraw: bool = False
    can_attach: bool = False

    @property
    def read_only(self) -> bool:
        return not (self.can_edit or self.can_submit or self.can_review or self.can_withdraw)


def permissions(scope: Scope, initiative: Initiative) -> InitiativePermissions:
    path = initiative.unit.path
    owner = scope.officer_of(path) or scope.administers(path)
    status = initiative.status
    S = Initiative.Status
    return InitiativePermissions(
        can_edit=owner and status in Initiative.EDITABLE_STATUSES,
        can_submit=owner and status in Initiative.EDITABLE_STATUSES,
        can_review=scope.administers(path) and status == S.SUBMITTED,
        can_withdraw=owner and status in (S.DRAFT, S.SUBMITTED, S.RETURNED),
        can_attach=owner and status in (S.DRAFT, S.RETURNED, S.SUBMITTED),
    )


def may_register_for(scope: Scope, unit) -> bool:
    """An officer registers for their own unit and its cells; an administrator for any unit below them."""
    return scope.officer_of(unit.path) or scope.administers(unit.path)
