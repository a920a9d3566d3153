from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.campaigns.models import Campaign


class ImportBatchQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An import is seen by the person who uploaded it and by the administrators of its campaign."""
        from danvan.core.access import scope_for

        scope = scope_for(user)
        if not scope.is_authenticated:
            return self.none()
        if scope.is_superuser:
            return self
        return self.filter(Q(uploaded_by=user) | scope.q_subtree("campaign__organization__path", scope.admin_paths))


class ImportBatch(models.Model):
    """One spreadsheet of initiatives sent for import: what was read, its problems by row and column, and,
    once applied, what it created. The preview writes nothing else; applying is all or nothing."""

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Đã xem trước")
        APPLIED = "applied", _("Đã nhập")
        REFUSED = "refused", _("Không đọc được")

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("đợt phát động"), on_delete=models.CASCADE, related_name="import_batches"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveIntegerField(_("cỡ tệp (byte)"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.PREVIEWED, db_index=True
    )
    row_count = models.PositiveIntegerField(_("số dòng dữ liệu"), default=0)
    create_count = models.PositiveIntegerField(_("số mô hình sẽ tạo"), default=0)
    skip_count = models.PositiveIntegerField(_("số dòng đã có, bỏ qua"), default=0)
    error_count = models.PositiveIntegerField(_("số lỗi"), default=0)
    # The cleaned rows, as they will be applied: {"row", "action" (create/skip/error), "unit_id", values…}.
    rows = models.JSONField(default=list, blank=True)
    # [{"row", "column", "cell", "message", "level": "error" | "skip" | "notice"}], in the order of the file.
    problems = models.JSONField(default=list, blank=True)
    applied_at = models.DateTimeField(_("nhập lúc"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_count = models.PositiveIntegerField(_("số mô hình đã tạo"), default=0)
    created_ids = models.JSONField(default=list, blank=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("lần nhập bảng tính")
        verbose_name_plural = _("lần nhập bảng tính")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def can_apply(self) -> bool:
        return self.status == self.Status.PREVIEWED and self.error_count == 0
