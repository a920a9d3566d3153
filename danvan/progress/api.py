from django.core.exceptions import PermissionDenied
from django.db import transaction
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from danvan.api.pagination import Pages
from danvan.api.schemas import ErrorOut, IndicatorValueOut, ReportIn, ReportingOut, ReportOut
from danvan.campaigns.selectors import campaign_for_user
from danvan.core.access import scope_for
from danvan.initiatives.selectors import initiative_for_user
from danvan.insights.checking import reporting
from danvan.progress import services
from danvan.progress.models import IndicatorValue, ProgressReport
from danvan.progress.selectors import period_for, report_for_user

router = Router(tags=["progress"])


class ReportFilter(Schema):
    campaign: int | None = None
    initiative: int | None = None
    period: int | None = None
    status: ProgressReport.Status | None = None


def _out(r: ProgressReport) -> dict:
    return {
        "id": r.pk,
        "initiative": r.initiative_id,
        "initiative_title": r.initiative.title,
        "unit": r.initiative.unit,
        "period": r.period,
        "status": r.status,
        "submitted_at": r.submitted_at,
        "on_time": r.on_time if r.submitted_at else None,
        "activities": r.activities,
        "reached": r.reached,
        "effect": r.effect,
        "difficulties": r.difficulties,
        "review_comment": r.review_comment,
        "version": r.version,
        "values": [
            {
                "indicator": v.indicator_id,
                "name": v.indicator.name,
                "unit_of_measure": v.indicator.unit_of_measure,
                "target": v.indicator.target,
                "value": v.value,
            }
            for v in r.values.all()
        ],
        "evidence": [
            {"id": e.pk, "name": e.original_name, "caption": e.caption, "content_type": e.content_type, "size": e.size}
            for e in r.evidence.all()
        ],
    }


class _Page:
    def __init__(self, qs, shape):
        self.qs, self.shape = qs, shape

    def count(self):
        return self.qs.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        return [self.shape(x) for x in self.qs[item]]


@router.get("/reports", response=list[ReportOut], summary="Báo cáo định kỳ của các mô hình")
@paginate(Pages, page_size=50)
def list_reports(request, filters: Query[ReportFilter]):
    qs = ProgressReport.objects.visible_to(request.user)
    if filters.campaign:
        qs = qs.filter(initiative__campaign_id=filters.campaign)
    if filters.initiative:
        qs = qs.filter(initiative_id=filters.initiative)
    if filters.period:
        qs = qs.filter(period_id=filters.period)
    if filters.status:
        qs = qs.filter(status=filters.status)
    qs = (
        qs.select_related("initiative__unit", "period")
        .prefetch_related("values__indicator", "evidence")
        .order_by("initiative_id", "period__starts_on")
    )
    return _Page(qs, _out)


@router.get("/reports/{report_id}", response={200: ReportOut, 404: ErrorOut}, summary="Một báo cáo định kỳ")
def get_report(request, report_id: int):
    report, _perms = report_for_user(request.user, report_id)
    return _out(report)


@router.post(
    "/reports",
    response={200: ReportOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Lưu (và gửi) báo cáo của một mô hình cho một kỳ",
)
def save_report(request, payload: ReportIn):
    initiative, _perms = initiative_for_user(request.user, payload.initiative)
    period = period_for(initiative, payload.period)
    scope = scope_for(request.user)
    if not (scope.officer_of(initiative.unit.path) or scope.administers(initiative.unit.path)):
        raise PermissionDenied
    texts = {k: v for k, v in payload.dict().items() if k in services.TEXT_FIELDS and v is not None}
    with transaction.atomic():
        report = services.report_save(
            initiative=initiative,
            period=period,
            by=request.user,
            values=payload.values,
            expected_version=payload.version,
            **texts,
        )
        if payload.submit:
            report = services.report_submit(report=report, by=request.user)
    saved, _rights = report_for_user(request.user, report.pk)
    return _out(saved)


@router.get("/indicator-values", response=list[IndicatorValueOut], summary="Kết quả chỉ tiêu theo kỳ báo cáo")
@paginate(Pages, page_size=200)
def indicator_values(request, campaign: int | None = None, initiative: int | None = None):
    qs = IndicatorValue.objects.filter(report__in=ProgressReport.objects.visible_to(request.user).sent())
    if campaign:
        qs = qs.filter(report__initiative__campaign_id=campaign)
    if initiative:
        qs = qs.filter(report__initiative_id=initiative)
    qs = qs.select_related("indicator", "report__period").order_by(
        "report__initiative_id", "indicator_id", "report__period__starts_on"
    )
    return _Page(
        qs,
        lambda v: {
            "initiative": v.report.initiative_id,
            "report": v.report_id,
            "period": v.report.period_id,
            "period_name": v.report.period.name,
            "indicator": v.indicator_id,
            "name": v.indicator.name,
            "unit_of_measure": v.indicator.unit_of_measure,
            "target": v.indicator.target,
            "value": v.value,
        },
    )


def _rate(period_id, r) -> dict:
    return {"period": period_id, "expected": r.expected, "submitted": r.submitted, "on_time": r.on_time}


@router.get(
    "/campaigns/{campaign_id}/reporting",
    response={200: ReportingOut, 404: ErrorOut},
    summary="Tỷ lệ báo cáo và báo cáo đúng hạn theo đơn vị, theo kỳ",
)
def reporting_rates(request, campaign_id: int):
    campaign, _ = campaign_for_user(request.user, campaign_id)
    data = reporting(campaign, request.user)
    return {
        "campaign": campaign.pk,
        "expected": data.total.expected,
        "submitted": data.total.submitted,
        "on_time": data.total.on_time,
        "reporting_rate_percent": data.total.rate_percent,
        "timeliness_percent": data.total.timeliness_percent,
        "by_period": [_rate(p.pk, data.by_period[p.pk]) for p in data.periods],
        "units": [
            {
                "unit": u.unit_id,
                "code": u.code,
                "name": u.name,
                "expected": u.total.expected,
                "submitted": u.total.submitted,
                "on_time": u.total.on_time,
                "periods": [_rate(p.pk, u.periods[p.pk]) for p in data.periods],
            }
            for u in data.units
        ],
    }
