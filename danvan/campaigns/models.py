from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from danvan.orgs.models import Organization


class CampaignQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Campaigns run by an organisation at or above the user's units, or inside their subtree."""
        from danvan.core.access import scope_for

        scope = scope_for(user)
        if scope.is_superuser:
            return self
        paths = scope.admin_paths + scope.leader_paths + scope.officer_paths
        q = _concerning(paths)
        if scope.is_surveyor:
            from danvan.assessments.models import SurveyTeam

            q |= Q(pk__in=SurveyTeam.objects.filter(members__user=user).values("campaign_id"))
        qs = self.filter(q)
        if not scope.is_admin and not scope.is_leader:
            qs = qs.exclude(status=Campaign.Status.DRAFT)
        return qs


def _concerning(paths: list[str]) -> Q:
    """A campaign concerns a user when its organisation is an ancestor of, or inside, one of their units."""
    q = Q(pk__in=[])
    for p in paths:
        ancestor_ids = [int(x) for x in p.split(".") if x]
        q |= Q(organization_id__in=ancestor_ids) | Q(organization__path__startswith=p)
    return q


class Campaign(models.Model):
    """One launch of the movement (đợt phát động), usually a year, inside a phase."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        LAUNCHED = "launched", _("Đã phát động")
        CLOSED = "closed", _("Đã kết thúc")

    organization = models.ForeignKey(
        Organization, verbose_name=_("cấp ủy phát động"), on_delete=models.PROTECT, related_name="campaigns"
    )
    name = models.CharField(_("tên đợt phát động"), max_length=255)
    year = models.PositiveSmallIntegerField(_("năm"), db_index=True)
    phase = models.CharField(_("giai đoạn"), max_length=40, blank=True)
    launch_document_number = models.CharField(_("số văn bản phát động"), max_length=60, blank=True)
    launch_document_date = models.DateField(_("ngày văn bản"), null=True, blank=True)
    launch_document_file = models.FileField(
        _("tệp văn bản phát động"), upload_to="campaigns/%Y/", blank=True, max_length=255
    )
    registration_opens = models.DateField(_("mở đăng ký từ ngày"))
    registration_closes = models.DateField(_("hạn đăng ký"))
    quota_min = models.PositiveSmallIntegerField(_("số mô hình tối thiểu mỗi đơn vị"), default=1)
    quota_max = models.PositiveSmallIntegerField(_("số mô hình tối đa mỗi đơn vị"), default=3)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    launched_at = models.DateTimeField(_("phát động lúc"), null=True, blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("đợt trước"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_campaigns",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("đợt phát động")
        verbose_name_plural = _("đợt phát động")
        ordering = ["-year", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(registration_closes__gte=F("registration_opens")), name="campaign_window_order"
            ),
            models.CheckConstraint(condition=Q(quota_max__gte=F("quota_min")), name="campaign_quota_order"),
        ]

    def __str__(self) -> str:
        return self.name

    def registration_open_on(self, day) -> bool:
        return self.status == self.Status.LAUNCHED and self.registration_opens <= day <= self.registration_closes


class Field(models.Model):
    """A field of work (lĩnh vực) that initiatives of one campaign are classified under."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="fields")
    code = models.CharField(_("mã"), max_length=20)
    name = models.CharField(_("tên lĩnh vực"), max_length=150)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["campaign_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="field_code_unique"),
            models.UniqueConstraint(fields=["campaign", "name"], name="field_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class ReportingPeriod(models.Model):
    """A period for which units report progress (kỳ báo cáo), with its deadline."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="periods")
    name = models.CharField(_("tên kỳ báo cáo"), max_length=100)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    due_on = models.DateField(_("hạn nộp báo cáo"))

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["campaign_id", "starts_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="period_order"),
            models.CheckConstraint(condition=Q(due_on__gte=F("ends_on")), name="period_due_after_end"),
        ]

    def __str__(self) -> str:
        return self.name


class Rubric(models.Model):
    """The scoring grid (thang điểm) of a campaign: survey teams and self-assessing units use the same one."""

    campaign = models.OneToOneField(Campaign, on_delete=models.CASCADE, related_name="rubric")
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("thang điểm")
        verbose_name_plural = _("thang điểm")

    def __str__(self) -> str:
        return str(_("Thang điểm của %(c)s") % {"c": self.campaign})


class Criterion(models.Model):
    """One weighted criterion (tiêu chí) of a rubric, for collective or for individual initiatives."""

    class AppliesTo(models.TextChoices):
        COLLECTIVE = "collective", _("Mô hình tập thể")
        INDIVIDUAL = "individual", _("Mô hình cá nhân")

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    applies_to = models.CharField(_("áp dụng cho"), max_length=20, choices=AppliesTo.choices)
    name = models.CharField(_("tiêu chí"), max_length=255)
    guidance = models.TextField(_("hướng dẫn chấm"), blank=True)
    max_score = models.PositiveSmallIntegerField(_("điểm tối đa"))
    weight = models.DecimalField(_("trọng số"), max_digits=5, decimal_places=2, default=1)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["rubric_id", "applies_to", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(max_score__gt=0), name="criterion_max_positive"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
        ]

    def __str__(self) -> str:
        return self.name
