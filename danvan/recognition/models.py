"""Year-end review (bình xét): shortlist rounds, commendation decisions with their entries, and replications."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.assessments.models import Assessment
from danvan.campaigns.models import Campaign
from danvan.initiatives.models import Initiative
from danvan.orgs.models import Organization


class ShortlistEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The shortlist is the bloc's working paper: administrators and leaders of the campaign's bloc only."""
        from danvan.core.access import scope_for

        scope = scope_for(user)
        if scope.is_superuser:
            return self
        return self.filter(scope.q_subtree("initiative__unit__path", scope.admin_paths + scope.leader_paths))


class ShortlistEntry(models.Model):
    """An initiative proposed for a result in one round of the review; later rounds narrow the earlier ones."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="shortlist")
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="shortlist_entries")
    round = models.PositiveSmallIntegerField(_("vòng"))
    proposed_result = models.CharField(_("đề xuất kết quả"), max_length=20, choices=Initiative.Result.choices)
    reason = models.TextField(_("lý do đề xuất"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    objects = ShortlistEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("mô hình trong danh sách bình xét")
        verbose_name_plural = _("danh sách bình xét")
        ordering = ["campaign_id", "round", "initiative_id"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "round"], name="shortlist_once_per_round"),
            models.CheckConstraint(condition=Q(round__gte=1), name="shortlist_round_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.initiative}"


class CommendationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A commendation is a published decision: everyone signed in who sees its campaign sees it."""
        return self.filter(campaign__in=Campaign.objects.visible_to(user))


class Commendation(models.Model):
    """A commendation decision (quyết định khen thưởng): number, date, issuer, form, and the honoured entries."""

    class Form(models.TextChoices):
        PRAISE = "praise", _("Biểu dương")
        CERTIFICATE = "certificate", _("Giấy khen")
        MERIT = "merit", _("Bằng khen")

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("đợt phát động"), on_delete=models.PROTECT, related_name="commendations"
    )
    issuing_org = models.ForeignKey(
        Organization, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="commendations"
    )
    number = models.CharField(_("số quyết định"), max_length=60)
    # The number with case, spaces and diacritics folded, so that "125-QĐ/ĐUK" and "125-qđ/đuk" clash.
    number_key = models.CharField(max_length=60, editable=False)
    issued_on = models.DateField(_("ngày ký"))
    issuer = models.CharField(_("cấp ra quyết định"), max_length=255)
    form = models.CharField(_("hình thức khen thưởng"), max_length=20, choices=Form.choices)
    title = models.CharField(_("trích yếu"), max_length=255)
    signer_name = models.CharField(_("người ký"), max_length=120)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["issuing_org", "number_key"], name="commendation_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"


class CommendationEntry(models.Model):
    """One honoured collective or person in a decision, tied to the exemplary initiative and the evidence."""

    class Honouree(models.TextChoices):
        COLLECTIVE = "collective", _("Tập thể")
        INDIVIDUAL = "individual", _("Cá nhân")

    commendation = models.ForeignKey(Commendation, on_delete=models.CASCADE, related_name="entries")
    initiative = models.ForeignKey(Initiative, on_delete=models.PROTECT, related_name="commendation_entries")
    honouree_kind = models.CharField(_("đối tượng"), max_length=20, choices=Honouree.choices)
    honouree = models.CharField(_("tập thể / cá nhân được khen"), max_length=255)
    citation = models.TextField(_("thành tích"), blank=True)
    # The evidence the decision rests on, kept as it was on the day: the assessment used and its total.
    assessment = models.ForeignKey(Assessment, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    total_at_decision = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tập thể, cá nhân được khen")
        verbose_name_plural = _("tập thể, cá nhân được khen")
        ordering = ["commendation_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["commendation", "initiative", "honouree"], name="commendation_entry_once"),
        ]

    def __str__(self) -> str:
        return f"{self.honouree}: {self.initiative}"


class ReplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A replication is seen by whoever sees the copy (the original is exemplary and public anyway)."""
        return self.filter(copy__in=Initiative.objects.visible_to(user))


class Replication(models.Model):
    """Another unit adopts an exemplary initiative (nhân rộng): the copy is a registration of its own."""

    original = models.ForeignKey(Initiative, on_delete=models.PROTECT, related_name="copies")
    copy = models.OneToOneField(Initiative, on_delete=models.CASCADE, related_name="replication")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("nhân rộng")
        verbose_name_plural = _("nhân rộng")
        ordering = ["original_id", "copy_id"]
        constraints = [
            models.CheckConstraint(condition=~Q(original=F("copy")), name="replication_not_itself"),
        ]

    def __str__(self) -> str:
        return f"{self.original} → {self.copy}"


class TextFingerprint(models.Model):
    """An initiative's three-word sequences, hashed, and the near-duplicate they lead to: kept up to date when the
    texts change (recognition.fingerprints), so that the near-duplicate flag is read, not recomputed on every view."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, primary_key=True, related_name="fingerprint"
    )
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    # Counted in its campaign's ShingleCount rows: a registration (submitted, returned or accepted).
    registered = models.BooleanField(default=False)
    size = models.PositiveIntegerField(default=0)
    # " h1 h2 … " (signed 64-bit hashes in decimal, space-delimited so that a LIKE finds one whole hash).
    hashes = models.TextField(default=" ")
    duplicate_of = models.ForeignKey(Initiative, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    similarity = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = _("dấu vân tay văn bản")
        verbose_name_plural = _("dấu vân tay văn bản")
        indexes = [models.Index(fields=["campaign", "registered"], name="fingerprint_campaign")]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.size}"


class ShingleCount(models.Model):
    """How many registrations of a campaign contain a three-word sequence, and which ones while they are few (a
    sequence in more than flags._COMMON of them is a stock phrase and never counted as copying)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    hash = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)
    # The initiatives' ids while count ≤ flags._COMMON; empty above it.
    initiative_ids = models.JSONField(default=list)

    class Meta:
        verbose_name = _("tần suất cụm từ")
        verbose_name_plural = _("tần suất cụm từ")
        constraints = [models.UniqueConstraint(fields=["campaign", "hash"], name="shingle_count_once")]

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.hash}: {self.count}"
