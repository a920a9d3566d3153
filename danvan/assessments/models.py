"""Checking: survey teams (đoàn khảo sát), their assignments, and assessments scored against the rubric."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.campaigns.models import Campaign, Criterion
from danvan.core.files import StoredFile
from danvan.initiatives.models import Initiative


class SurveyTeamQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Administrators and leaders see the teams of campaigns they see; a member sees their own teams."""
        from danvan.core.access import scope_for

        scope = scope_for(user)
        if scope.is_superuser:
            return self
        run = scope.q_subtree("campaign__organization__path", scope.admin_paths + scope.leader_paths)
        member = Q(pk__in=TeamMember.objects.filter(user=user).values("team_id"))
        return self.filter(run | member)


class SurveyTeam(models.Model):
    """A team of bloc and partner-commission members that visits units and scores their initiatives."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("đợt phát động"), on_delete=models.PROTECT, related_name="survey_teams"
    )
    name = models.CharField(_("tên đoàn"), max_length=150)
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SurveyTeamQuerySet.as_manager()

    class Meta:
        verbose_name = _("đoàn khảo sát")
        verbose_name_plural = _("đoàn khảo sát")
        ordering = ["campaign_id", "name", "id"]
        constraints = [models.UniqueConstraint(fields=["campaign", "name"], name="team_name_unique")]

    def __str__(self) -> str:
        return self.name


class TeamMember(models.Model):
    team = models.ForeignKey(SurveyTeam, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="survey_teams")
    is_leader = models.BooleanField(_("trưởng đoàn"), default=False)

    class Meta:
        verbose_name = _("thành viên đoàn")
        verbose_name_plural = _("thành viên đoàn")
        ordering = ["team_id", "-is_leader", "id"]
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="member_once_per_team"),
            models.UniqueConstraint(fields=["team"], condition=Q(is_leader=True), name="team_one_leader"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.team}"


class Assignment(models.Model):
    """An initiative a team visits and scores; each initiative is visited by at most one team."""

    team = models.ForeignKey(SurveyTeam, on_delete=models.CASCADE, related_name="assignments")
    initiative = models.OneToOneField(Initiative, on_delete=models.PROTECT, related_name="assignment")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mô hình được giao khảo sát")
        verbose_name_plural = _("mô hình được giao khảo sát")
        ordering = ["team_id", "initiative__unit__path", "initiative_id"]

    def __str__(self) -> str:
        return f"{self.team}: {self.initiative}"


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Administrators see every assessment of their subtree; a member their own scoring and, as leader,
        their team's; leaders and the unit see what was submitted: the team's score and the self-assessment."""
        from danvan.core.access import scope_for

        scope = scope_for(user)
        if scope.is_superuser:
            return self
        K, S = Assessment.Kind, Assessment.Status
        admin = scope.q_subtree("initiative__unit__path", scope.admin_paths)
        mine = Q(assessor=user)
        led = Q(kind=K.MEMBER, status=S.SUBMITTED) & Q(
            team__in=TeamMember.objects.filter(user=user, is_leader=True).values("team_id")
        )
        team = Q(kind=K.TEAM) & Q(team__in=TeamMember.objects.filter(user=user).values("team_id"))
        unit = scope.q_subtree("initiative__unit__path", scope.officer_paths) & (
            Q(kind=K.SELF) | Q(kind=K.TEAM, status=S.SUBMITTED)
        )
        leader = scope.q_subtree("initiative__unit__path", scope.leader_paths) & Q(
            kind__in=[K.SELF, K.TEAM], status=S.SUBMITTED
        )
        return self.filter(admin | mine | led | team | unit | leader)

    def submitted(self):
        return self.filter(status=Assessment.Status.SUBMITTED)


class Assessment(models.Model):
    """One scoring of an initiative against the rubric: a team member's own, the team's reconciled score
    recorded by its leader, or the unit's self-assessment."""

    class Kind(models.TextChoices):
        MEMBER = "member", _("Thành viên đoàn chấm")
        TEAM = "team", _("Điểm của đoàn")
        SELF = "self", _("Đơn vị tự đánh giá")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang chấm")
        SUBMITTED = "submitted", _("Đã gửi")

    initiative = models.ForeignKey(Initiative, on_delete=models.PROTECT, related_name="assessments")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    team = models.ForeignKey(SurveyTeam, null=True, blank=True, on_delete=models.PROTECT, related_name="assessments")
    # The member who scores, the leader who records the team's score, or the unit's officer.
    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    comment = models.TextField(_("nhận xét chung"), blank=True)
    # Weighted points over weighted maximum, on a scale of 100; set when submitted.
    total = models.DecimalField(_("tổng điểm (thang 100)"), max_digits=5, decimal_places=2, null=True, blank=True)
    report_file = models.FileField(_("báo cáo tự đánh giá"), upload_to="assessments/%Y/", blank=True, max_length=255)
    report_name = models.CharField(max_length=255, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("bản chấm điểm")
        verbose_name_plural = _("bản chấm điểm")
        ordering = ["initiative_id", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "assessor"], condition=Q(kind="member"), name="assessment_member_once"
            ),
            models.UniqueConstraint(fields=["initiative"], condition=Q(kind="team"), name="assessment_team_once"),
            models.UniqueConstraint(fields=["initiative"], condition=Q(kind="self"), name="assessment_self_once"),
            models.CheckConstraint(
                condition=Q(kind="self", team__isnull=True) | Q(team__isnull=False, kind__in=["member", "team"]),
                name="assessment_team_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.initiative}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class Score(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    value = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("điểm tiêu chí")
        verbose_name_plural = _("điểm tiêu chí")
        ordering = ["assessment_id", "criterion__position"]
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="score_once_per_criterion")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


def photo_path(instance, filename: str) -> str:
    return f"assessments/{instance.assessment_id}/{filename}"


class AssessmentPhoto(StoredFile):
    """A photo a team member takes in the field while scoring."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=photo_path, max_length=255)

    class Meta:
        verbose_name = _("ảnh khảo sát")
        verbose_name_plural = _("ảnh khảo sát")
        ordering = ["uploaded_at", "id"]
