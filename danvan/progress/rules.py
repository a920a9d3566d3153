"""Who may do what with a progress report or an inspection: written once, used by views, API and templates."""

from dataclasses import dataclass

from danvan.campaigns.models import Campaign
from danvan.core.access import Scope
from danvan.initiatives.models import Initiative
from danvan.progress.models import ProgressReport


@dataclass(frozen=True)
class ReportPermissions:
    can_write: bool = False
    can_review: bool = False


def may_report_on(scope: Scope, initiative: Initiative) -> bool:
    """The unit (or its administrator) reports on its accepted initiatives while the campaign runs."""
    path = initiative.unit.path
    return (
        (scope.officer_of(path) or scope.administers(path))
        and initiative.status == Initiative.Status.ACCEPTED
        and initiative.campaign.status == Campaign.Status.LAUNCHED
    )


def report_permissions(scope: Scope, report: ProgressReport) -> ReportPermissions:
    initiative = report.initiative
    return ReportPermissions(
        can_write=may_report_on(scope, initiative) and report.is_editable,
        can_review=scope.administers(initiative.unit.path) and report.status == ProgressReport.Status.SUBMITTED,
    )


def may_answer_inspection(scope: Scope, unit) -> bool:
    return scope.officer_of(unit.path) or scope.administers(unit.path)
