"""The public face of the movement: published exemplary initiatives, their photos, and citizens' feedback.

Nothing here is copied from internal records at read time: what the public sees is exactly the texts and
photos the bloc chose to publish, so an internal field can never leak through a public page.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core.files import StoredFile
from danvan.initiatives.models import Initiative


class ShowcaseEntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, initiative__result=Initiative.Result.EXEMPLARY)

    def visible_to(self, user):
        """Published entries for everyone; unpublished ones for whoever sees the initiative."""
        if user is None or not user.is_authenticated:
            return self.published()
        published = Q(is_published=True, initiative__result=Initiative.Result.EXEMPLARY)
        return self.filter(published | Q(initiative__in=Initiative.objects.visible_to(user)))


class ShowcaseEntry(models.Model):
    """What the bloc publishes about an exemplary initiative: its own texts, reviewed before publishing."""

    initiative = models.OneToOneField(Initiative, on_delete=models.CASCADE, related_name="showcase")
    headline = models.CharField(_("tên mô hình (công khai)"), max_length=255)
    summary = models.TextField(_("giới thiệu mô hình"))
    implementers = models.TextField(_("chủ thể thực hiện (công khai)"), blank=True)
    beneficiaries = models.TextField(_("đối tượng thụ hưởng (công khai)"), blank=True)
    results = models.TextField(_("kết quả nổi bật"), blank=True)
    is_published = models.BooleanField(_("đang công khai"), default=False)
    published_at = models.DateTimeField(_("công khai lúc"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    # Headline, summary, unit and fields folded without diacritics, for the public search.
    search_text = models.TextField(editable=False, default="")

    objects = ShowcaseEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("mô hình công khai")
        verbose_name_plural = _("mô hình công khai")
        ordering = ["-initiative__campaign__year", "initiative__unit__path", "id"]

    def __str__(self) -> str:
        return self.headline


def showcase_photo_path(instance, filename: str) -> str:
    return f"showcase/{instance.entry_id}/{filename}"


class ShowcasePhoto(StoredFile):
    """A photo the bloc chose to publish (a copy: removing the internal evidence does not break the page)."""

    entry = models.ForeignKey(ShowcaseEntry, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=showcase_photo_path, max_length=255)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("ảnh công khai")
        verbose_name_plural = _("ảnh công khai")
        ordering = ["entry_id", "position", "id"]

    def __str__(self) -> str:
        return self.caption or self.original_name


class FeedbackQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(status=Feedback.Status.PUBLISHED)

    def visible_to(self, user):
        """Moderators: the owning unit's officers and the bloc's administrators; leaders read everything."""
        from danvan.core.access import scope_for

        scope = scope_for(user)
        if scope.is_superuser:
            return self
        paths = scope.admin_paths + scope.officer_paths + scope.leader_paths
        return self.filter(scope.q_subtree("entry__initiative__unit__path", paths))


class Feedback(models.Model):
    """A beneficiary's rating and comment on a published initiative; shown only after the unit and the bloc
    have both approved it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ đơn vị xem xét")
        UNIT_APPROVED = "unit_approved", _("Đơn vị đã duyệt, chờ Khối")
        PUBLISHED = "published", _("Đã đăng")
        REJECTED = "rejected", _("Không đăng")

    entry = models.ForeignKey(ShowcaseEntry, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(_("mức hài lòng"))
    comment = models.TextField(_("ý kiến"))
    author_name = models.CharField(_("họ tên (không bắt buộc)"), max_length=100, blank=True)
    author_area = models.CharField(_("nơi ở (không bắt buộc)"), max_length=150, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING)
    # A keyed hash of the sender's address: enough to stop a flood, useless to identify anyone.
    client_key = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(db_index=True)
    unit_moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bloc_moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.CharField(_("lý do không đăng"), max_length=255, blank=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("ý kiến người dân")
        verbose_name_plural = _("ý kiến người dân")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="feedback_rating_range"),
        ]

    def __str__(self) -> str:
        return f"{self.rating}/5 – {self.comment[:40]}"
