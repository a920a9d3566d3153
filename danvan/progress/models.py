"""Carrying out: periodic progress reports with indicator actuals and evidence, and the bloc's inspections."""

from datetime import UTC

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.campaigns.models import Campaign, ReportingPeriod
from danvan.core.files import StoredFile
from danvan.initiatives.models import Indicator, Initiative
from danvan.orgs.models import Organization


class ProgressReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Reports of the initiatives a person sees; drafts only to the unit that writes them and its administrators."""
        from danvan.core.access import scope_for

        scope = scope_for(user)
        if scope.is_superuser:
            return self
        owned = scope.q_subtree("initiative__unit__path", scope.admin_paths + scope.officer_paths)
        sent = Q(initiative__in=Initiative.objects.visible_to(user)) & ~Q(status=ProgressReport.Status.DRAFT)
        return self.filter(owned | sent)

    def of_initiative(self, initiative: Initiative, user):
        """`visible_to(user).filter(initiative=initiative)` said for one initiative: its unit's writers and
        administrators see every report, whoever else sees the initiative sees those sent. (The planner, given the
        whole rule, hashes the whole tree of organisations for the one initiative's reports.)"""
        from danvan.core.access import scope_for

        scope = scope_for(user)
        reports = self.filter(initiative=initiative)
        if scope.administers(initiative.unit.path) or scope.officer_of(initiative.unit.path):  # a superuser too
            return reports
        return reports.sent().filter(initiative__in=Initiative.objects.visible_to(user).filter(pk=initiative.pk))

    def sent(self):
        return self.exclude(status=ProgressReport.Status.DRAFT)


class ProgressReport(models.Model):
    """An initiative's report for one reporting period (báo cáo định kỳ)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Chưa gửi")
        SUBMITTED = "submitted", _("Chờ xem xét")
        RETURNED = "returned", _("Yêu cầu bổ sung")
        ACCEPTED = "accepted", _("Đã tiếp nhận")

    EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="reports")
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("kỳ báo cáo"), on_delete=models.PROTECT, related_name="reports"
    )
    activities = models.TextField(_("những việc đã làm"), blank=True)
    reached = models.TextField(_("đối tượng được tác động, thụ hưởng"), blank=True)
    effect = models.TextField(_("hiệu quả, tác động"), blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc, đề xuất"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    review_comment = models.TextField(_("ý kiến của khối"), blank=True)
    # The first time it was sent: timeliness is judged on it, a later re-sending after a request does not count.
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("xem xét lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ProgressReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = _("báo cáo định kỳ")
        ordering = ["initiative_id", "period__starts_on"]
        constraints = [models.UniqueConstraint(fields=["initiative", "period"], name="report_one_per_period")]

    def __str__(self) -> str:
        return f"{self.initiative} – {self.period}"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def on_time(self) -> bool:
        return self.submitted_at is not None and timezone.localdate(self.submitted_at) <= self.period.due_on


class IndicatorValue(models.Model):
    """The actual value an indicator reached in one reporting period (IATI: result → indicator → period)."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("kết quả trong kỳ"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("kết quả chỉ tiêu")
        verbose_name_plural = _("kết quả chỉ tiêu")
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="value_one_per_indicator")]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


def evidence_path(instance, filename: str) -> str:
    return f"reports/{instance.report_id}/{filename}"


class Evidence(StoredFile):
    """A photo, minutes or document that shows what a report claims; served only through an access-checked view."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        ordering = ["uploaded_at", "id"]


class ReportReminder(models.Model):
    """A reminder already sent, so that cron running twice never sends it twice."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["initiative", "period", "kind"], name="reminder_once")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.initiative_id}/{self.period_id}"


class InspectionQuerySet(models.QuerySet):
    def visible_to(self, user):
        from danvan.core.access import scope_for

        scope = scope_for(user)
        if scope.is_superuser:
            return self
        return self.filter(scope.q_subtree("unit__path", scope.admin_paths + scope.leader_paths + scope.officer_paths))


class Inspection(models.Model):
    """A periodic check of a unit by the bloc (kiểm tra, giám sát): findings and requests to answer."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("đợt phát động"), on_delete=models.PROTECT, related_name="inspections"
    )
    unit = models.ForeignKey(
        Organization, verbose_name=_("đơn vị được kiểm tra"), on_delete=models.PROTECT, related_name="inspections"
    )
    held_on = models.DateField(_("ngày kiểm tra"))
    inspectors = models.CharField(_("người kiểm tra"), max_length=500)
    findings = models.TextField(_("kết quả kiểm tra, nhận xét"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InspectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("kiểm tra")
        verbose_name_plural = _("kiểm tra")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.unit} – {self.held_on:%d/%m/%Y}"


class InspectionRequest(models.Model):
    """Something the inspected unit must do or explain by a date; the unit answers it."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="requests")
    text = models.TextField(_("yêu cầu"))
    due_on = models.DateField(_("hạn trả lời"))
    answer = models.TextField(_("trả lời của đơn vị"), blank=True)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("yêu cầu sau kiểm tra")
        verbose_name_plural = _("yêu cầu sau kiểm tra")
        ordering = ["inspection_id", "position", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def answer_token(self) -> str:
        """The answer as the answering form saw it ("0": none yet): the moment of the last answer, which every
        answer renews, stands for a version and keeps a second officer from overwriting the first's answer."""
        if self.answered_at is None:
            return "0"
        return self.answered_at.astimezone(UTC).strftime("%Y%m%d%H%M%S%f")
