from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        from danvan.core.access import scope_for

        if scope_for(user).is_admin:
            return self
        return self.none()


class AuditEntry(models.Model):
    """One state change: who did what to which object, when, and what changed. Append-only."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), null=True, on_delete=models.SET_NULL
    )
    action = models.CharField(_("thao tác"), max_length=60, db_index=True)
    target_type = models.CharField(_("loại đối tượng"), max_length=60)
    target_id = models.CharField(_("mã đối tượng"), max_length=40)
    target_repr = models.CharField(_("đối tượng"), max_length=255)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target_idx")]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.target_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries are append-only.")
