"""Every step of carrying out: progress reports with indicator actuals and evidence, inspections, reminders."""

from collections.abc import Mapping
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.campaigns.models import Campaign, ReportingPeriod
from danvan.core.access import scope_for
from danvan.core.audit import audit, diff, snapshot
from danvan.core.files import check_upload, discard, keep_upload
from danvan.core.freshness import concerns
from danvan.core.text import clean_text, model_label, parse_number
from danvan.initiatives.models import Initiative
from danvan.orgs.models import Organization
from danvan.progress.models import (
    Evidence,
    IndicatorValue,
    Inspection,
    InspectionRequest,
    ProgressReport,
    ReportReminder,
)
from danvan.progress.rules import may_answer_inspection, may_report_on, report_permissions

TEXT_LIMIT = 5000
TEXT_FIELDS = ("activities", "reached", "effect", "difficulties")
AUDITED = [*TEXT_FIELDS, "status", "review_comment"]
# Reminders: days before the deadline, and days after it for a report still missing.
REMIND_BEFORE = (7, 1)
REMIND_AFTER = (1, 7)


def _label(name: str) -> str:
    return model_label(ProgressReport, name)


def _number(raw, where: str) -> Decimal | None:
    """An actual as Vietnamese write it ("1.250" is one thousand two hundred and fifty, "12,5" twelve and a half),
    read by the same rule as the spreadsheet import."""
    if raw is None or str(raw).strip() == "":
        return None
    try:
        return parse_number(raw).quantize(Decimal("0.01"))
    except ValueError:
        raise ValidationError(
            {"values": _("%(where)s: “%(v)s” không phải là một số hợp lệ (số không âm).") % {"where": where, "v": raw}}
        ) from None


def _clean_texts(data: Mapping[str, str]) -> dict[str, str]:
    out, errors = {}, {}
    for name in TEXT_FIELDS:
        if name not in data:
            continue
        value = clean_text(data[name], multiline=True)
        if len(value) > TEXT_LIMIT:
            errors[name] = _("“%(label)s” dài quá %(n)s ký tự.") % {"label": _label(name), "n": TEXT_LIMIT}
        out[name] = value
    if errors:
        raise ValidationError(errors)
    return out


def stale_report_message() -> str:
    """What a writer or reviewer reads whose page shows a report someone else has changed since."""
    return _("Báo cáo này vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất.")


def _locked(report: ProgressReport, expected_version: int | None = None) -> ProgressReport:
    fresh = (
        ProgressReport.objects.select_for_update(no_key=True, of=("self",))
        .select_related("initiative__unit", "initiative__campaign", "period")
        .get(pk=report.pk)
    )
    if expected_version is not None and fresh.version != expected_version:
        raise ValidationError(stale_report_message())
    return fresh


def _check_period(initiative: Initiative, period: ReportingPeriod, today) -> None:
    if period.campaign_id != initiative.campaign_id:
        raise ValidationError({"period": _("Kỳ báo cáo không thuộc đợt phát động của mô hình.")})
    if period.starts_on > today:
        raise ValidationError(
            {
                "period": _("Kỳ “%(name)s” chưa bắt đầu (từ %(day)s): chưa thể báo cáo.")
                % {"name": period.name, "day": period.starts_on.strftime("%d/%m/%Y")}
            }
        )


@concerns("initiative")
@transaction.atomic
def report_save(
    *,
    initiative: Initiative,
    period: ReportingPeriod,
    by,
    values: Mapping[int, object] | None = None,
    expected_version: int | None = None,
    today=None,
    **texts,
) -> ProgressReport:
    """Create or update the report of `initiative` for `period` (a draft, or one the bloc asked to complete).

    `values` maps indicator ids to the actual reached in the period; an empty value clears it.
    """
    today = today or timezone.localdate()
    initiative = Initiative.objects.select_related("unit", "campaign").get(pk=initiative.pk)
    if not may_report_on(scope_for(by), initiative):
        raise ValidationError(
            _("Chỉ đơn vị thực hiện báo cáo được về mô hình đã duyệt, khi đợt phát động đang diễn ra.")
        )
    _check_period(initiative, period, today)
    cleaned = _clean_texts(texts)
    indicators = {i.pk: i for i in initiative.indicators.all()}
    numbers: dict[int, Decimal | None] = {}
    for key, raw in (values or {}).items():
        indicator = indicators.get(int(key))
        if indicator is None:
            raise ValidationError({"values": _("Chỉ tiêu không thuộc mô hình này.")})
        numbers[indicator.pk] = _number(raw, indicator.name)

    try:
        with transaction.atomic():
            report, created = ProgressReport.objects.get_or_create(initiative=initiative, period=period)
    except IntegrityError:  # someone else created it at the same moment
        report, created = ProgressReport.objects.get(initiative=initiative, period=period), False
    report = _locked(report, None if created else expected_version)
    if not report.is_editable:
        raise ValidationError(_("Báo cáo đã gửi, đang chờ khối xem xét: không sửa được nữa."))
    before = snapshot(report, AUDITED)
    for name, value in cleaned.items():
        setattr(report, name, value)
    report.version += 1
    report.save()
    for indicator_id, number in numbers.items():
        if number is None:
            IndicatorValue.objects.filter(report=report, indicator_id=indicator_id).delete()
        else:
            IndicatorValue.objects.update_or_create(
                report=report, indicator_id=indicator_id, defaults={"value": number}
            )
    changes = diff(before, snapshot(report, AUDITED))
    if numbers:
        changes["values"] = {indicators[k].name: v for k, v in numbers.items()}
    audit(actor=by, action="report.create" if created else "report.update", target=report, changes=changes)
    return report


@concerns("report")
@transaction.atomic
def report_submit(*, report: ProgressReport, by, expected_version: int | None = None, at=None) -> ProgressReport:
    """Send the report to the bloc. It must say what was done and give every indicator's actual."""
    report = _locked(report, expected_version)
    if report.status in (ProgressReport.Status.SUBMITTED, ProgressReport.Status.ACCEPTED):
        raise ValidationError(_("Báo cáo này đã được gửi rồi."))
    if not report_permissions(scope_for(by), report).can_write:
        raise ValidationError(_("Bạn không gửi được báo cáo này."))
    missing = []
    if not report.activities.strip():
        missing.append(_label("activities"))
    given = set(report.values.values_list("indicator_id", flat=True))
    missing += [i.name for i in report.initiative.indicators.all() if i.pk not in given]
    if missing:
        raise ValidationError(_("Chưa gửi được báo cáo: còn thiếu %(what)s.") % {"what": "; ".join(missing)})
    report.status = ProgressReport.Status.SUBMITTED
    report.submitted_at = report.submitted_at or at or timezone.now()
    report.submitted_by = report.submitted_by or by
    report.version += 1
    report.save()
    audit(actor=by, action="report.submit", target=report, changes={"submitted_at": report.submitted_at})
    return report


def _review(report: ProgressReport, by, to: str, comment: str, expected_version, at) -> ProgressReport:
    report = _locked(report, expected_version)
    if not report_permissions(scope_for(by), report).can_review:
        raise ValidationError(_("Chỉ xem xét được báo cáo đang chờ, thuộc phạm vi khối quản lý."))
    comment = clean_text(comment, multiline=True)
    if to == ProgressReport.Status.RETURNED and not comment:
        raise ValidationError({"comment": _("Hãy ghi rõ đơn vị cần bổ sung những gì.")})
    if len(comment) > TEXT_LIMIT:
        raise ValidationError({"comment": _("Ý kiến dài quá %(n)s ký tự.") % {"n": TEXT_LIMIT}})
    before = report.status
    report.status = to
    report.review_comment = comment
    report.reviewed_at = at or timezone.now()
    report.version += 1
    report.save()
    audit(actor=by, action=f"report.{to}", target=report, changes={"status": [before, to], "comment": comment})
    return report


@concerns("report")
@transaction.atomic
def report_accept(*, report: ProgressReport, by, comment: str = "", expected_version=None, at=None) -> ProgressReport:
    return _review(report, by, ProgressReport.Status.ACCEPTED, comment, expected_version, at)


@concerns("report")
@transaction.atomic
def report_return(*, report: ProgressReport, by, comment: str, expected_version=None, at=None) -> ProgressReport:
    """Ask the unit for more: the report becomes editable again; its first sending still counts for timeliness."""
    return _review(report, by, ProgressReport.Status.RETURNED, comment, expected_version, at)


@concerns("report")
@transaction.atomic
def evidence_add(*, report: ProgressReport, by, upload, caption: str = "") -> Evidence:
    content_type = check_upload(upload)
    report = _locked(report)
    if not report_permissions(scope_for(by), report).can_write:
        raise ValidationError(_("Chỉ thêm được minh chứng khi báo cáo chưa gửi hoặc được yêu cầu bổ sung."))
    evidence = keep_upload(
        Evidence(report=report, uploaded_by=by),
        upload,
        content_type=content_type,
        caption=caption,
        default_name="minh-chung",
    )
    audit(
        actor=by,
        action="evidence.add",
        target=report,
        changes={"file": evidence.original_name, "caption": evidence.caption},
    )
    return evidence


@concerns("evidence")
@transaction.atomic
def evidence_remove(*, evidence: Evidence, by) -> None:
    report = _locked(evidence.report)
    if not report_permissions(scope_for(by), report).can_write:
        raise ValidationError(_("Không xoá được minh chứng của báo cáo đã gửi."))
    audit(actor=by, action="evidence.remove", target=report, changes={"file": discard(evidence)})


# --- Inspections -----------------------------------------------------------------------------------------------


@transaction.atomic
def inspection_record(
    *, campaign: Campaign, unit: Organization, by, held_on, inspectors: str, findings: str, requests=()
) -> Inspection:
    """Record the bloc's check of a unit, with the requests the unit must answer by their due dates."""
    scope = scope_for(by)
    if not scope.administers(unit.path) or not scope.administers(campaign.organization.path):
        raise ValidationError({"unit": _("Chỉ quản trị của khối ghi được kết quả kiểm tra đơn vị này.")})
    if not unit.path.startswith(campaign.organization.path):
        raise ValidationError({"unit": _("Đơn vị không thuộc phạm vi của đợt phát động.")})
    inspectors, findings = clean_text(inspectors), clean_text(findings, multiline=True)
    errors = {}
    if held_on is None:
        errors["held_on"] = _("Hãy nhập ngày kiểm tra.")
    elif held_on > timezone.localdate():
        errors["held_on"] = _("Ngày kiểm tra không thể ở tương lai.")
    if not inspectors or len(inspectors) > 500:
        errors["inspectors"] = _("Hãy ghi người kiểm tra (tối đa 500 ký tự).")
    if not findings or len(findings) > TEXT_LIMIT:
        errors["findings"] = _("Hãy ghi kết quả kiểm tra (tối đa %(n)s ký tự).") % {"n": TEXT_LIMIT}
    cleaned = []
    for n, (text, due_on) in enumerate(requests, start=1):
        text = clean_text(text, multiline=True)
        if not text and not due_on:
            continue
        if not text or len(text) > TEXT_LIMIT:
            errors["requests"] = _("Yêu cầu %(n)s: nội dung trống hoặc quá dài.") % {"n": n}
        elif not due_on:
            errors["requests"] = _("Yêu cầu %(n)s: chưa có hạn trả lời.") % {"n": n}
        elif held_on and due_on < held_on:
            errors["requests"] = _("Yêu cầu %(n)s: hạn trả lời phải sau ngày kiểm tra.") % {"n": n}
        cleaned.append((text, due_on))
    if errors:
        raise ValidationError(errors)
    inspection = Inspection.objects.create(
        campaign=campaign, unit=unit, held_on=held_on, inspectors=inspectors, findings=findings, created_by=by
    )
    InspectionRequest.objects.bulk_create(
        [InspectionRequest(inspection=inspection, text=t, due_on=d, position=n) for n, (t, d) in enumerate(cleaned)]
    )
    audit(
        actor=by,
        action="inspection.record",
        target=inspection,
        changes={"unit": unit, "held_on": held_on, "findings": findings, "requests": [t for t, _d in cleaned]},
    )
    return inspection


@transaction.atomic
def inspection_answer(
    *, request: InspectionRequest, by, answer: str, expected_token: str | None = None, at=None
) -> InspectionRequest:
    """Answer (or correct the answer to) a request; `expected_token` is the `answer_token` the writer saw, and an
    answer given by someone else since then is never overwritten."""
    request = (
        InspectionRequest.objects.select_for_update(no_key=True, of=("self",))
        .select_related("inspection__unit")
        .get(pk=request.pk)
    )
    if not may_answer_inspection(scope_for(by), request.inspection.unit):
        raise ValidationError(_("Chỉ đơn vị được kiểm tra trả lời được yêu cầu này."))
    if expected_token is not None and request.answer_token != expected_token:
        raise ValidationError(
            _(
                "Yêu cầu này vừa được người khác trả lời hoặc sửa trả lời. Nội dung bạn nhập chưa được lưu; "
                "hãy tải lại trang để xem trả lời mới nhất."
            )
        )
    answer = clean_text(answer, multiline=True)
    if not answer:
        raise ValidationError({"answer": _("Hãy nhập nội dung trả lời.")})
    if len(answer) > TEXT_LIMIT:
        raise ValidationError({"answer": _("Nội dung trả lời dài quá %(n)s ký tự.") % {"n": TEXT_LIMIT}})
    before = request.answer
    request.answer, request.answered_at, request.answered_by = answer, at or timezone.now(), by
    request.save()
    audit(actor=by, action="inspection.answer", target=request.inspection, changes={"answer": [before, answer]})
    return request


# --- Reminders -------------------------------------------------------------------------------------------------


def _officer_emails_by_unit(unit_ids: set[int]) -> dict[int, list[str]]:
    from danvan.orgs.models import Membership

    out: dict[int, set[str]] = {pk: set() for pk in unit_ids}
    rows = Membership.objects.filter(
        organization_id__in=unit_ids, role=Membership.Role.OFFICER, user__is_active=True
    ).values_list("organization_id", "user__email")
    for org_id, email in rows:
        if email:
            out[org_id].add(email)
    for org in Organization.objects.filter(pk__in=unit_ids).exclude(email=""):
        out[org.pk].add(org.email)
    return {k: sorted(v) for k, v in out.items()}


def send_report_reminders(*, today=None) -> int:
    """E-mail the officers of initiatives whose report is due in 7 or 1 days, or 1 or 7 days overdue.

    Each reminder is sent at most once (cron may run it more often than daily). Returns the e-mails sent.
    """
    from django.core.mail import send_mass_mail

    today = today or timezone.localdate()
    days = [today + timedelta(days=d) for d in REMIND_BEFORE] + [today - timedelta(days=d) for d in REMIND_AFTER]
    periods = ReportingPeriod.objects.filter(campaign__status=Campaign.Status.LAUNCHED, due_on__in=days).select_related(
        "campaign"
    )
    pending = []
    for period in periods:
        delta = (period.due_on - today).days
        kind = f"before_{delta}" if delta > 0 else f"after_{-delta}"
        done = ProgressReport.objects.filter(period=period).exclude(status=ProgressReport.Status.DRAFT)
        initiatives = (
            Initiative.objects.filter(campaign=period.campaign, status=Initiative.Status.ACCEPTED)
            .exclude(pk__in=done.values("initiative_id"))
            .exclude(pk__in=ReportReminder.objects.filter(period=period, kind=kind).values("initiative_id"))
            .select_related("unit")
        )
        pending += [(period, kind, i) for i in initiatives]
    emails = _officer_emails_by_unit({i.unit_id for _p, _k, i in pending})
    messages = []
    for period, kind, initiative in pending:
        recipients = emails.get(initiative.unit_id, [])
        url = settings.SITE_URL + reverse("progress:report_edit", args=[initiative.pk, period.pk])
        due = period.due_on.strftime("%d/%m/%Y")
        if kind.startswith("before"):
            subject = _("Sắp đến hạn báo cáo %(period)s: %(title)s") % {
                "period": period.name,
                "title": initiative.title,
            }
            body = _("Báo cáo %(period)s của mô hình “%(title)s” cần gửi trước ngày %(due)s.\nGửi báo cáo tại: %(url)s")
        else:
            subject = _("Quá hạn báo cáo %(period)s: %(title)s") % {"period": period.name, "title": initiative.title}
            body = _(
                "Báo cáo %(period)s của mô hình “%(title)s” đã quá hạn (hạn %(due)s) mà chưa được gửi.\n"
                "Đề nghị đơn vị gửi ngay tại: %(url)s"
            )
        body = body % {"period": period.name, "title": initiative.title, "due": due, "url": url}
        if recipients:
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, recipients))
    sent = send_mass_mail(messages, fail_silently=False) if messages else 0
    # Recorded only once sent: a mail server that is down means the next run tries again.
    ReportReminder.objects.bulk_create(
        [ReportReminder(initiative=i, period=p, kind=k) for p, k, i in pending if emails.get(i.unit_id)],
        ignore_conflicts=True,
    )
    return sent
