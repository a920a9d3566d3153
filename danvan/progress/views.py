from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.campaigns.selectors import campaign_for_user, covered_units
from danvan.core.access import scope_for
from danvan.core.files import file_response
from danvan.core.forms import apply_errors, decimal_text, error_text
from danvan.initiatives.selectors import initiative_for_user
from danvan.insights.checking import indicator_progress, reporting
from danvan.progress import services
from danvan.progress.forms import AnswerForm, EvidenceForm, InspectionForm, ReportForm, ReviewForm
from danvan.progress.models import Inspection, ProgressReport
from danvan.progress.rules import may_answer_inspection, may_report_on, report_permissions
from danvan.progress.selectors import (
    evidence_for_user,
    inspection_for_user,
    inspection_request_for_user,
    period_for,
    report_for_user,
)


@login_required
def reporting_overview(request, campaign_id: int):
    """Reporting rate and timeliness per unit and period: who is late, who has not reported."""
    campaign, can_edit = campaign_for_user(request.user, campaign_id)
    data = reporting(campaign, request.user)
    show = request.GET.get("show", "")
    units = data.units
    if show == "late":
        units = [u for u in units if u.total.late or u.total.missing]
    return render(
        request,
        "progress/overview.html",
        {"campaign": campaign, "data": data, "units": units, "show": show, "can_edit": can_edit},
    )


def _report_url(report: ProgressReport) -> str:
    return reverse("progress:report_edit", args=[report.initiative_id, report.period_id])


@login_required
def report_detail(request, pk: int):
    report, _perms = report_for_user(request.user, pk)
    return redirect(_report_url(report))


@login_required
def report_page(request, initiative_id: int, period_id: int):
    """One initiative's report for one period: read it, write it (the unit), or review it (the bloc)."""
    initiative, _perms = initiative_for_user(request.user, initiative_id)
    period = period_for(initiative, period_id)
    report = (
        ProgressReport.objects.visible_to(request.user)
        .filter(initiative=initiative, period=period)
        .select_related("period", "initiative__unit", "initiative__campaign", "submitted_by")
        .first()
    )
    scope = scope_for(request.user)
    rights = report_permissions(scope, report) if report else None
    can_write = rights.can_write if rights else may_report_on(scope, initiative)
    today = timezone.localdate()
    not_started = period.starts_on > today
    indicators = list(initiative.indicators.all())
    form = None
    if can_write and not not_started:
        # No report yet is version 0: had someone else written the first one meanwhile, this save is refused.
        initial = {"version": report.version if report else 0}
        if report:
            initial.update({name: getattr(report, name) for name in services.TEXT_FIELDS})
            initial.update({f"value_{v.indicator_id}": decimal_text(v.value) for v in report.values.all()})
        form = ReportForm(request.POST or None, indicators=indicators, initial=initial)
        if request.method == "POST" and form.is_valid():
            submit = "submit" in request.POST
            try:
                with transaction.atomic():
                    saved = services.report_save(
                        initiative=initiative,
                        period=period,
                        by=request.user,
                        values=form.values(),
                        expected_version=form.cleaned_data.get("version"),
                        **form.texts(),
                    )
                    if submit:
                        services.report_submit(report=saved, by=request.user)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã gửi báo cáo tới khối.") if submit else _("Đã lưu bản nháp báo cáo."))
                return redirect(request.path)
    elif request.method == "POST":
        # Sent from a page that showed the report still editable, by someone who may write it: it was sent on (or
        # reviewed) since. Say so; the text typed is kept in the browser (data-keep-draft).
        if not (_is_stale(request, report) and may_report_on(scope, initiative)):
            raise PermissionDenied
        messages.error(request, services.stale_report_message())
        return redirect(request.path)
    _periods, progress_rows = indicator_progress(initiative, request.user)
    values = {v.indicator_id: v.value for v in report.values.all()} if report else {}
    return render(
        request,
        "progress/report.html",
        {
            "initiative": initiative,
            "period": period,
            "report": report,
            "rights": rights,
            "form": form,
            "not_started": not_started,
            "today": today,
            "indicators": [(ind, values.get(ind.pk)) for ind in indicators],
            "progress_rows": progress_rows,
            "evidence": report.evidence.all() if report else [],
            "evidence_form": EvidenceForm(),
            "review_form": ReviewForm(initial={"version": report.version if report else None}),
        },
        status=400 if form is not None and form.errors else 200,
    )


def _is_stale(request, report: ProgressReport | None) -> bool:
    """Whether the POST was made from a page showing another version of the report than the current one."""
    posted = request.POST.get("version", "")
    return report is not None and posted.isdecimal() and int(posted) != report.version


@login_required
@require_POST
def report_review(request, pk: int):
    report, rights = report_for_user(request.user, pk)
    if not rights.can_review:
        # Another reviewer decided since this reviewer's page was shown: say so rather than refuse as to a stranger.
        if not (_is_stale(request, report) and scope_for(request.user).administers(report.initiative.unit.path)):
            raise PermissionDenied
        messages.error(request, services.stale_report_message())
        return redirect(_report_url(report))
    form = ReviewForm(request.POST)
    if form.is_valid():
        action = services.report_return if "return" in request.POST else services.report_accept
        try:
            action(
                report=report,
                by=request.user,
                comment=form.cleaned_data["comment"],
                expected_version=form.cleaned_data.get("version"),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Đã yêu cầu đơn vị bổ sung báo cáo.") if "return" in request.POST else _("Đã tiếp nhận báo cáo."),
            )
    else:
        messages.error(request, error_text(form))
    return redirect(_report_url(report))


@login_required
@require_POST
def evidence_add(request, pk: int):
    report, rights = report_for_user(request.user, pk)
    if not rights.can_write:
        raise PermissionDenied
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.evidence_add(
                report=report, by=request.user, upload=form.cleaned_data["file"], caption=form.cleaned_data["caption"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã thêm minh chứng."))
    else:
        messages.error(request, error_text(form))
    return redirect(_report_url(report) + "#evidence")


@login_required
def evidence_download(request, pk: int):
    return file_response(evidence_for_user(request.user, pk))


@login_required
@require_POST
def evidence_remove(request, pk: int):
    evidence = evidence_for_user(request.user, pk)
    report, rights = report_for_user(request.user, evidence.report_id)
    if not rights.can_write:
        raise PermissionDenied
    try:
        services.evidence_remove(evidence=evidence, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã xoá minh chứng."))
    return redirect(_report_url(report) + "#evidence")


@login_required
def inspection_list(request, campaign_id: int):
    campaign, can_edit = campaign_for_user(request.user, campaign_id)
    inspections = (
        Inspection.objects.visible_to(request.user)
        .filter(campaign=campaign)
        .select_related("unit")
        .annotate(
            n_requests=Count("requests"), n_answered=Count("requests", filter=Q(requests__answered_at__isnull=False))
        )
    )
    return render(
        request, "progress/inspections.html", {"campaign": campaign, "inspections": inspections, "can_edit": can_edit}
    )


@login_required
def inspection_create(request, campaign_id: int):
    campaign, _can = campaign_for_user(request.user, campaign_id, write=True)
    form = InspectionForm(request.POST or None, units=covered_units(campaign).order_by("name"))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            inspection = services.inspection_record(
                campaign=campaign,
                unit=d["unit"],
                by=request.user,
                held_on=d["held_on"],
                inspectors=d["inspectors"],
                findings=d["findings"],
                requests=form.requests(),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi kết quả kiểm tra. Đơn vị sẽ thấy các yêu cầu trên trang của mình."))
            return redirect("progress:inspection", inspection.pk)
    return render(
        request,
        "progress/inspection_form.html",
        {"campaign": campaign, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def inspection_detail(request, pk: int):
    inspection = inspection_for_user(request.user, pk)
    can_answer = may_answer_inspection(scope_for(request.user), inspection.unit)
    return render(
        request,
        "progress/inspection.html",
        {
            "inspection": inspection,
            "requests": inspection.requests.select_related("answered_by"),
            "can_answer": can_answer,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def inspection_answer(request, pk: int):
    item = inspection_request_for_user(request.user, pk)
    if not may_answer_inspection(scope_for(request.user), item.inspection.unit):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.inspection_answer(
                request=item,
                by=request.user,
                answer=form.cleaned_data["answer"],
                expected_token=form.cleaned_data["seen"] or None,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã gửi trả lời."))
    else:
        messages.error(request, error_text(form))
    return redirect("progress:inspection", item.inspection_id)
