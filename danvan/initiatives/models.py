from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from danvan.campaigns.models import Campaign, Field
from danvan.core.files import StoredFile
from danvan.core.text import model_label
from danvan.orgs.models import Organization


class InitiativeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one door for reading initiatives: administrators see their subtree, leaders everything
        but drafts, officers their own unit's (and its cells') initiatives, nobody else anything."""
        return self.filter(visibility(user))

    def registered(self):
        """Initiatives a unit has actually sent to the bloc (not drafts, not withdrawn)."""
        return self.filter(status__in=Initiative.REGISTERED_STATUSES)


def visibility(user, via: str = "") -> Q:
    """`visible_to` as a condition, on the initiative reached through the relation `via` (e.g. "copy__" on
    replications): filtering the rows that point at initiatives by it joins them one by one, where a filter
    `copy__in=Initiative.objects.visible_to(user)` is planned as a scan of every visible initiative."""
    from danvan.assessments.models import Assignment
    from danvan.core.access import scope_for

    scope = scope_for(user)
    if scope.is_superuser:
        return Q()
    own = scope.q_subtree(f"{via}unit__path", scope.admin_paths + scope.officer_paths)
    led = scope.q_subtree(f"{via}unit__path", scope.leader_paths) & ~Q(**{f"{via}status": Initiative.Status.DRAFT})
    if scope.is_surveyor:
        # A survey-team member sees the initiatives assigned to their teams, and nothing else.
        own |= Q(**{f"{via}pk__in": Assignment.objects.filter(team__members__user=user).values("initiative_id")})
    return own | led


class Initiative(models.Model):
    """A "Dân vận khéo" model (mô hình) registered by a unit in a campaign."""

    class Kind(models.TextChoices):
        COLLECTIVE = "collective", _("Tập thể")
        INDIVIDUAL = "individual", _("Cá nhân")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Chưa gửi")
        SUBMITTED = "submitted", _("Chờ duyệt")
        RETURNED = "returned", _("Trả lại để sửa")
        ACCEPTED = "accepted", _("Đã duyệt")
        WITHDRAWN = "withdrawn", _("Đã rút")

    class Result(models.TextChoices):
        """The year-end review's outcome (bình xét), separate from the registration workflow."""

        NOT_ACHIEVED = "not_achieved", _("Không đạt")
        RECOGNISED = "recognised", _("Đạt")
        EXEMPLARY = "exemplary", _("Tiêu biểu")

    REGISTERED_STATUSES = (Status.SUBMITTED, Status.RETURNED, Status.ACCEPTED)
    EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)
    # What the bloc insists on before a registration can be sent (the seed's lesson against formalism).
    REQUIRED_TO_SUBMIT = ("goals", "implementers", "target_groups", "beneficiaries", "method")

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("đợt phát động"), on_delete=models.PROTECT, related_name="initiatives"
    )
    unit = models.ForeignKey(
        Organization, verbose_name=_("đơn vị đăng ký"), on_delete=models.PROTECT, related_name="initiatives"
    )
    title = models.CharField(_("tên mô hình"), max_length=255)
    kind = models.CharField(_("loại mô hình"), max_length=20, choices=Kind.choices, default=Kind.COLLECTIVE)
    fields = models.ManyToManyField(Field, verbose_name=_("lĩnh vực"), related_name="initiatives")
    situation = models.TextField(_("tình hình, lý do xây dựng mô hình"), blank=True)
    goals = models.TextField(_("mục tiêu và tiêu chí đo lường"), blank=True)
    method = models.TextField(_("nội dung, phương thức tổ chức thực hiện"), blank=True)
    area = models.CharField(_("địa bàn thực hiện"), max_length=255, blank=True)
    target_groups = models.TextField(_("đối tượng tuyên truyền, vận động"), blank=True)
    beneficiaries = models.TextField(_("đối tượng thụ hưởng"), blank=True)
    implementers = models.TextField(_("chủ thể thực hiện và vai trò"), blank=True)
    resources = models.TextField(_("nguồn lực (kinh phí, ngày công, đóng góp)"), blank=True)
    timeline = models.TextField(_("tiến độ, các mốc thực hiện"), blank=True)
    starts_on = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    ends_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    expected_outputs = models.TextField(_("kết quả dự kiến"), blank=True)
    sustainability = models.TextField(_("tính bền vững, khả năng nhân rộng"), blank=True)

    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    return_comment = models.TextField(_("ý kiến khi trả lại"), blank=True)
    carried_over_from = models.ForeignKey(
        "self",
        verbose_name=_("tiếp nối mô hình năm trước"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continuations",
    )
    # Set only by recognition.services.result_decide, at the year-end review.
    result = models.CharField(_("kết quả bình xét"), max_length=20, choices=Result.choices, blank=True)
    result_reason = models.TextField(_("lý do"), blank=True)
    result_decided_at = models.DateTimeField(_("bình xét lúc"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    # Title, unit and people folded without diacritics, so that "tro giup phap ly" finds "Trợ giúp pháp lý".
    search_text = models.TextField(editable=False, default="")

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("mô hình")
        verbose_name_plural = _("mô hình")
        ordering = ["-campaign__year", "unit__path", "id"]
        indexes = [
            models.Index(fields=["campaign", "status"], name="initiative_campaign_status"),
            models.Index(fields=["campaign", "result"], name="initiative_campaign_result"),
            # The list walks units in path order and reads each unit's rows of a year from here (selectors).
            models.Index(fields=["unit", "campaign", "id"], name="initiative_unit_campaign"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="initiative_dates_order",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    def missing_for_submission(self) -> list[str]:
        """Verbose names of the required parts still empty."""
        return [
            model_label(Initiative, name) for name in self.REQUIRED_TO_SUBMIT if not (getattr(self, name) or "").strip()
        ]


class Indicator(models.Model):
    """A measurable target of an initiative (chỉ tiêu), e.g. people given free legal aid: 800."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=50)
    baseline = models.DecimalField(_("giá trị ban đầu"), max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("chỉ tiêu"), max_digits=14, decimal_places=2)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["initiative_id", "position", "id"]

    def __str__(self) -> str:
        return self.name


def attachment_path(instance, filename: str) -> str:
    return f"initiatives/{instance.initiative_id}/{filename}"


class Attachment(StoredFile):
    """A file attached to a registration (plan, minutes, photo); served only through an access-checked view."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["uploaded_at", "id"]


class InitiativeEvent(models.Model):
    """A step in an initiative's history shown on its page: submitted, returned (with why), accepted…"""

    class Action(models.TextChoices):
        CREATED = "created", _("Đã tạo bản nháp")
        CARRIED_OVER = "carried_over", _("Đã tiếp nối từ năm trước")
        REPLICATED = "replicated", _("Đăng ký nhân rộng mô hình tiêu biểu")
        UPDATED = "updated", _("Đã sửa nội dung")
        SUBMITTED = "submitted", _("Đã gửi đăng ký")
        RETURNED = "returned", _("Đã trả lại để sửa")
        ACCEPTED = "accepted", _("Đã duyệt")
        WITHDRAWN = "withdrawn", _("Đã rút đăng ký")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=20, choices=Action.choices)
    comment = models.TextField(blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("diễn biến")
        verbose_name_plural = _("diễn biến")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%d/%m/%Y}"
