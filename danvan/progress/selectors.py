"""Reads of progress reports and inspections, narrowed by who asks."""

from django.http import Http404

from danvan.campaigns.models import ReportingPeriod
from danvan.core.access import scope_for
from danvan.initiatives.models import Initiative
from danvan.progress.models import Evidence, Inspection, InspectionRequest, ProgressReport
from danvan.progress.rules import ReportPermissions, report_permissions


def report_for_user(user, pk) -> tuple[ProgressReport, ReportPermissions]:
    try:
        report = (
            ProgressReport.objects.visible_to(user)
            .select_related("initiative__unit", "initiative__campaign", "period", "submitted_by")
            .get(pk=pk)
        )
    except (ProgressReport.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    return report, report_permissions(scope_for(user), report)


def period_for(initiative: Initiative, pk) -> ReportingPeriod:
    try:
        return ReportingPeriod.objects.get(pk=pk, campaign_id=initiative.campaign_id)
    except (ReportingPeriod.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def evidence_for_user(user, pk) -> Evidence:
    try:
        return Evidence.objects.select_related("report").get(pk=pk, report__in=ProgressReport.objects.visible_to(user))
    except (Evidence.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def inspection_for_user(user, pk) -> Inspection:
    try:
        return Inspection.objects.visible_to(user).select_related("unit", "campaign", "created_by").get(pk=pk)
    except (Inspection.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def inspection_request_for_user(user, pk) -> InspectionRequest:
    try:
        return InspectionRequest.objects.select_related("inspection__unit").get(
            pk=pk, inspection__in=Inspection.objects.visible_to(user)
        )
    except (InspectionRequest.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def reports_by_period(initiative: Initiative, user) -> list[tuple[ReportingPeriod, ProgressReport | None]]:
    """Every period of the initiative's campaign with the report the user may see (or None)."""
    reports = {
        r.period_id: r for r in ProgressReport.objects.of_initiative(initiative, user).prefetch_related("evidence")
    }
    return [(p, reports.get(p.pk)) for p in initiative.campaign.periods.all()]
