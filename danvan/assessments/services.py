"""Every step of checking: forming survey teams, assigning initiatives, scoring, reconciling, self-assessing."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.assessments.models import Assessment, AssessmentPhoto, Assignment, Score, SurveyTeam, TeamMember
from danvan.assessments.rules import has_conflict, may_reopen, scoring_rights
from danvan.campaigns.models import Campaign, Criterion
from danvan.campaigns.services import rubric_create_default
from danvan.core.access import scope_for
from danvan.core.audit import audit
from danvan.core.files import check_upload, keep_upload
from danvan.core.freshness import concerns
from danvan.core.text import clean_text
from danvan.initiatives.models import Initiative
from danvan.orgs.models import Membership

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
# A self-score this many points (of 100) away from the team's is flagged for the bloc.
LARGE_GAP = Decimal(15)
NOTE_LIMIT = 2000


# --- Score arithmetic ------------------------------------------------------------------------------------------


def criteria_for(initiative: Initiative) -> list[Criterion]:
    """The rubric criteria that apply to the initiative's kind, in order."""
    rubric = rubric_create_default(initiative.campaign)
    return list(rubric.criteria.filter(applies_to=initiative.kind).order_by("position", "id"))


def weighted_total(values: Iterable[tuple[Criterion, Decimal]]) -> Decimal:
    """Weighted points over the weighted maximum, on a scale of 100 (two decimals)."""
    points = maximum = Decimal(0)
    for criterion, value in values:
        points += criterion.weight * value
        maximum += criterion.weight * criterion.max_score
    if not maximum:
        return Decimal(0)
    return (HUNDRED * points / maximum).quantize(CENT, rounding=ROUND_HALF_UP)


def suggested_team_scores(assessments: Iterable[Assessment]) -> dict[int, Decimal]:
    """The mean of the members' submitted scores per criterion, rounded to half a point: the leader's starting
    point for the reconciled score."""
    sums: dict[int, list[Decimal]] = {}
    for a in assessments:
        if a.kind == Assessment.Kind.MEMBER and a.is_submitted:
            for s in a.scores.all():
                sums.setdefault(s.criterion_id, []).append(s.value)
    return {cid: _half(sum(v, Decimal(0)) / len(v)) for cid, v in sums.items()}


def _half(value: Decimal) -> Decimal:
    return (value * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2


def gap(self_total: Decimal | None, team_total: Decimal | None) -> Decimal | None:
    """Self-score minus team score (positive: the unit rates itself higher than the team did)."""
    if self_total is None or team_total is None:
        return None
    return self_total - team_total


def is_large_gap(value: Decimal | None) -> bool:
    return value is not None and abs(value) >= LARGE_GAP


# --- Teams and assignments -------------------------------------------------------------------------------------


def _check_admin(campaign: Campaign, by) -> None:
    if not scope_for(by).administers(campaign.organization.path):
        raise ValidationError(_("Chỉ quản trị của khối phát động mới làm được việc này."))


def _clean_members(campaign: Campaign, members, leader) -> list:
    User = get_user_model()
    ids = list(dict.fromkeys(m.pk if hasattr(m, "pk") else int(m) for m in members))
    if not ids:
        raise ValidationError({"members": _("Đoàn khảo sát cần ít nhất một thành viên.")})
    leader_id = leader.pk if hasattr(leader, "pk") else (int(leader) if leader else None)
    if leader_id not in ids:
        raise ValidationError({"leader": _("Trưởng đoàn phải là một thành viên của đoàn.")})
    # Members come from the bloc (its administrators or survey members) or from a partner commission.
    eligible = Membership.objects.filter(
        role__in=[Membership.Role.SURVEYOR, Membership.Role.ADMIN], user_id__in=ids, user__is_active=True
    )
    allowed = set(eligible.values_list("user_id", flat=True))
    users = {u.pk: u for u in User.objects.filter(pk__in=ids)}
    for pk in ids:
        if pk not in allowed:
            name = users[pk].get_full_name() or users[pk].username if pk in users else pk
            raise ValidationError(
                {
                    "members": _(
                        "“%(name)s” không phải thành viên khảo sát hay quản trị của khối: hãy phân quyền trước."
                    )
                    % {"name": name}
                }
            )
    return [(users[pk], pk == leader_id) for pk in ids]


@transaction.atomic
def team_create(*, campaign: Campaign, by, name: str, members, leader, note: str = "") -> SurveyTeam:
    _check_admin(campaign, by)
    name, note = clean_text(name), clean_text(note, multiline=True)
    if not name or len(name) > 150:
        raise ValidationError({"name": _("Hãy đặt tên đoàn (tối đa 150 ký tự).")})
    if SurveyTeam.objects.filter(campaign=campaign, name=name).exists():
        raise ValidationError({"name": _("Đợt này đã có đoàn tên “%(name)s”.") % {"name": name}})
    cleaned = _clean_members(campaign, members, leader)
    team = SurveyTeam.objects.create(campaign=campaign, name=name, note=note)
    TeamMember.objects.bulk_create([TeamMember(team=team, user=u, is_leader=lead) for u, lead in cleaned])
    audit(
        actor=by,
        action="team.create",
        target=team,
        changes={"members": [str(u) for u, _l in cleaned], "leader": [str(u) for u, lead in cleaned if lead]},
    )
    return team


@transaction.atomic
def team_update(
    *, team: SurveyTeam, by, name: str, members, leader, note: str = "", expected_version=None
) -> SurveyTeam:
    team = SurveyTeam.objects.select_for_update(no_key=True).select_related("campaign__organization").get(pk=team.pk)
    _check_admin(team.campaign, by)
    if expected_version is not None and expected_version != team.version:
        raise ValidationError(_("Đoàn này vừa được người khác sửa. Hãy tải lại trang rồi sửa lại."))
    name, note = clean_text(name), clean_text(note, multiline=True)
    if not name or len(name) > 150:
        raise ValidationError({"name": _("Hãy đặt tên đoàn (tối đa 150 ký tự).")})
    if SurveyTeam.objects.filter(campaign=team.campaign, name=name).exclude(pk=team.pk).exists():
        raise ValidationError({"name": _("Đợt này đã có đoàn tên “%(name)s”.") % {"name": name}})
    cleaned = _clean_members(team.campaign, members, leader)
    before = [str(m.user) for m in team.members.select_related("user")]
    keep = {u.pk for u, _l in cleaned}
    for m in team.members.exclude(user_id__in=keep).select_related("user"):
        if Assessment.objects.filter(team=team, assessor=m.user).exists():
            raise ValidationError(
                {"members": _("Không bỏ được “%(name)s”: thành viên này đã chấm điểm.") % {"name": m.user}}
            )
        m.delete()
    team.members.update(is_leader=False)
    for user, lead in cleaned:
        TeamMember.objects.update_or_create(team=team, user=user, defaults={"is_leader": lead})
    team.name, team.note = name, note
    team.version += 1
    team.save()
    audit(actor=by, action="team.update", target=team, changes={"members": [before, [str(u) for u, _l in cleaned]]})
    return team


@concerns("initiatives")
@transaction.atomic
def assignments_add(*, team: SurveyTeam, by, initiatives: Iterable[Initiative | int]) -> int:
    """Give the team initiatives to visit. Each must be accepted, of the team's campaign, and not another team's."""
    team = SurveyTeam.objects.select_for_update(no_key=True).select_related("campaign__organization").get(pk=team.pk)
    _check_admin(team.campaign, by)
    if team.campaign.status != Campaign.Status.LAUNCHED:
        raise ValidationError(_("Đợt phát động đã kết thúc: không giao thêm được."))
    ids = [i if isinstance(i, int) else i.pk for i in initiatives]
    rows = Initiative.objects.filter(pk__in=ids).select_related("assignment__team")
    found = {i.pk: i for i in rows}
    added = 0
    for pk in ids:
        i = found.get(pk)
        if i is None or i.campaign_id != team.campaign_id:
            raise ValidationError({"initiatives": _("Mô hình không thuộc đợt phát động của đoàn.")})
        if i.status != Initiative.Status.ACCEPTED:
            raise ValidationError({"initiatives": _("“%(t)s” chưa được duyệt: không giao khảo sát được.") % {"t": i}})
        existing = getattr(i, "assignment", None)
        if existing is not None:
            if existing.team_id == team.pk:
                continue
            raise ValidationError(
                {"initiatives": _("“%(t)s” đã giao cho %(team)s.") % {"t": i, "team": existing.team.name}}
            )
        Assignment.objects.create(team=team, initiative=i)
        added += 1
    audit(actor=by, action="team.assign", target=team, changes={"initiatives": ids, "added": added})
    return added


@concerns("assignment")
@transaction.atomic
def assignment_remove(*, assignment: Assignment, by) -> None:
    team = assignment.team
    _check_admin(team.campaign, by)
    if Assessment.objects.filter(team=team, initiative_id=assignment.initiative_id).exists():
        raise ValidationError(_("Đoàn đã chấm mô hình này: không bỏ khỏi danh sách được."))
    title = str(assignment.initiative)
    assignment.delete()
    audit(actor=by, action="team.unassign", target=team, changes={"initiative": title})


# --- Scoring ---------------------------------------------------------------------------------------------------


@dataclass
class ScoreInput:
    value: Decimal | str | int | float | None
    note: str = ""


def _clean_scores(criteria: list[Criterion], scores: Mapping[int, ScoreInput]) -> dict[int, tuple[Decimal | None, str]]:
    by_id = {c.pk: c for c in criteria}
    out: dict[int, tuple[Decimal | None, str]] = {}
    for key, given in scores.items():
        criterion = by_id.get(int(key))
        if criterion is None:
            raise ValidationError({"scores": _("Tiêu chí không thuộc thang điểm của mô hình này.")})
        note = clean_text(given.note, multiline=True)
        if len(note) > NOTE_LIMIT:
            raise ValidationError(
                {f"score_{criterion.pk}": _("Ghi chú của tiêu chí “%(c)s” quá dài.") % {"c": criterion.name}}
            )
        raw = given.value
        if raw is None or str(raw).strip() == "":
            out[criterion.pk] = (None, note)
            continue
        try:
            value = Decimal(str(raw).replace(",", ".").strip())
        except (InvalidOperation, ValueError):
            value = None
        if value is None or not value.is_finite():
            raise ValidationError(
                {f"score_{criterion.pk}": _("Điểm của tiêu chí “%(c)s” phải là một số.") % {"c": criterion.name}}
            )
        if value < 0 or value > criterion.max_score:
            raise ValidationError(
                {
                    f"score_{criterion.pk}": _("Điểm của tiêu chí “%(c)s” phải từ 0 đến %(max)s.")
                    % {"c": criterion.name, "max": criterion.max_score}
                }
            )
        # Half points only: twice the value is whole. (Quantizing to Decimal("0.5") keeps one decimal place, so
        # 7,3 would pass.)
        if value * 2 != (value * 2).to_integral_value():
            raise ValidationError(
                {f"score_{criterion.pk}": _("Điểm của tiêu chí “%(c)s” chấm đến 0,5 điểm.") % {"c": criterion.name}}
            )
        out[criterion.pk] = (value, note)
    return out


def _find_or_new(initiative: Initiative, kind: str, by, team: SurveyTeam | None) -> tuple[Assessment, bool]:
    lookup: dict = {"initiative": initiative, "kind": kind}
    if kind == Assessment.Kind.MEMBER:
        lookup["assessor"] = by
    # The initiative's row first: two first saves at once cannot both find nothing and both insert (the second waits,
    # then finds the first one's scoring).
    list(
        Initiative.objects.select_for_update(no_key=True, of=("self",))
        .filter(pk=initiative.pk)
        .order_by()
        .values_list("pk")
    )
    existing = Assessment.objects.select_for_update(no_key=True).filter(**lookup).first()
    if existing is not None:
        return existing, False
    return Assessment(initiative=initiative, kind=kind, team=team, assessor=by), True


def _check_rights(initiative: Initiative, by, kind: str) -> SurveyTeam | None:
    rights = scoring_rights(scope_for(by), by, initiative)
    if kind in (Assessment.Kind.MEMBER, Assessment.Kind.TEAM):
        if rights.conflict:
            raise ValidationError(
                _(
                    "Đồng chí không được chấm mô hình của chính đơn vị mình (xung đột lợi ích). "
                    "Trưởng đoàn sẽ phân công người khác."
                )
            )
        if rights.member is None:
            raise ValidationError(_("Mô hình này không được giao cho đoàn khảo sát của đồng chí."))
        if kind == Assessment.Kind.MEMBER and not rights.can_score:
            raise ValidationError(_("Không chấm được: mô hình chưa được duyệt hoặc đợt phát động đã kết thúc."))
        if kind == Assessment.Kind.TEAM and not rights.can_reconcile:
            raise ValidationError(_("Chỉ trưởng đoàn ghi điểm thống nhất của đoàn, khi đợt phát động đang diễn ra."))
        return rights.member.team
    if not rights.can_self_assess:
        raise ValidationError(
            _("Chỉ đơn vị thực hiện tự đánh giá được mô hình đã duyệt, khi đợt phát động đang diễn ra.")
        )
    return None


@concerns("initiative")
@transaction.atomic
def assessment_save(
    *,
    initiative: Initiative,
    by,
    kind: str,
    scores: Mapping[int, ScoreInput],
    comment: str = "",
    report_file=None,
    expected_version: int | None = None,
) -> Assessment:
    """Save a draft scoring (a member's own, the team's reconciled score, or the unit's self-assessment).

    Nothing of it is visible to others until it is submitted.
    """
    initiative = Initiative.objects.select_related("campaign", "unit").get(pk=initiative.pk)
    team = _check_rights(initiative, by, kind)
    cleaned = _clean_scores(criteria_for(initiative), scores)
    comment = clean_text(comment, multiline=True)
    if len(comment) > NOTE_LIMIT * 2:
        raise ValidationError({"comment": _("Nhận xét chung quá dài.")})
    content_type = check_upload(report_file, field="report_file") if report_file else None
    assessment, created = _find_or_new(initiative, kind, by, team)
    if not created and expected_version is not None and assessment.version != expected_version:
        raise ValidationError(_("Bản chấm điểm này vừa được lưu ở nơi khác. Hãy tải lại trang để xem bản mới nhất."))
    if assessment.is_submitted:
        raise ValidationError(_("Bản chấm điểm đã gửi; chỉ trưởng đoàn hoặc quản trị của khối mở lại được."))
    if kind == Assessment.Kind.TEAM and assessment.assessor_id != by.pk:
        assessment.assessor = by
    assessment.comment = comment
    if content_type is not None and report_file is not None:
        if content_type.startswith("image/"):
            raise ValidationError({"report_file": _("Báo cáo tự đánh giá phải là văn bản (PDF, Word, ODT).")})
        assessment.report_name = clean_text(report_file.name)[-200:] or "bao-cao"
        assessment.report_file.save(assessment.report_name, report_file, save=False)
    if not created:
        assessment.version += 1
    assessment.save()
    for criterion_id, (value, note) in cleaned.items():
        if value is None and not note:
            Score.objects.filter(assessment=assessment, criterion_id=criterion_id).delete()
        elif value is None:
            raise ValidationError({f"score_{criterion_id}": _("Có ghi chú nhưng chưa có điểm.")})
        else:
            Score.objects.update_or_create(
                assessment=assessment, criterion_id=criterion_id, defaults={"value": value, "note": note}
            )
    return assessment


def _scores_snapshot(assessment: Assessment) -> dict:
    return {
        s.criterion.name: {"value": str(s.value), "note": s.note}
        for s in assessment.scores.select_related("criterion").order_by("criterion__position")
    }


@concerns("assessment")
@transaction.atomic
def assessment_submit(*, assessment: Assessment, by, expected_version: int | None = None, at=None) -> Assessment:
    """Submit a scoring: every criterion scored (and, for a self-assessment, its report attached)."""
    assessment = (
        Assessment.objects.select_for_update(no_key=True, of=("self",))
        .select_related("initiative__campaign", "initiative__unit")
        .get(pk=assessment.pk)
    )
    if assessment.is_submitted:
        raise ValidationError(_("Bản chấm điểm này đã được gửi rồi; không gửi lần thứ hai."))
    if expected_version is not None and assessment.version != expected_version:
        raise ValidationError(_("Bản chấm điểm này vừa được lưu ở nơi khác. Hãy tải lại trang để xem bản mới nhất."))
    if assessment.kind == Assessment.Kind.MEMBER and assessment.assessor_id != by.pk:
        raise ValidationError(_("Chỉ người chấm mới gửi được bản chấm của mình."))
    _check_rights(assessment.initiative, by, assessment.kind)
    criteria = criteria_for(assessment.initiative)
    scored = {s.criterion_id: s for s in assessment.scores.all()}
    missing = [c.name for c in criteria if c.pk not in scored]
    if missing:
        raise ValidationError(_("Chưa chấm đủ các tiêu chí: %(list)s.") % {"list": "; ".join(missing)})
    if assessment.kind == Assessment.Kind.SELF and not assessment.report_file:
        raise ValidationError({"report_file": _("Hãy đính kèm báo cáo tự đánh giá trước khi gửi.")})
    if assessment.kind == Assessment.Kind.TEAM:
        sent = Assessment.objects.filter(
            initiative=assessment.initiative, team=assessment.team, kind=Assessment.Kind.MEMBER
        ).submitted()
        if not sent.exists():
            raise ValidationError(
                _("Các thành viên chưa gửi điểm: điểm của đoàn chỉ được thống nhất sau khi thành viên chấm độc lập.")
            )
    assessment.total = weighted_total((c, scored[c.pk].value) for c in criteria)
    assessment.status = Assessment.Status.SUBMITTED
    assessment.submitted_at = at or timezone.now()
    assessment.version += 1
    assessment.save()
    audit(
        actor=by,
        action=f"assessment.submit.{assessment.kind}",
        target=assessment,
        changes={"total": assessment.total, "scores": _scores_snapshot(assessment), "comment": assessment.comment},
    )
    return assessment


@concerns("assessment")
@transaction.atomic
def assessment_reopen(*, assessment: Assessment, by, reason: str) -> Assessment:
    """Reopen a submitted scoring for correction; the audit log keeps the submitted version."""
    assessment = (
        Assessment.objects.select_for_update(no_key=True, of=("self",))
        .select_related("initiative__campaign", "initiative__unit")
        .get(pk=assessment.pk)
    )
    if not may_reopen(scope_for(by), by, assessment):
        raise ValidationError(_("Chỉ trưởng đoàn hoặc quản trị của khối mở lại được bản chấm đã gửi."))
    reason = clean_text(reason, multiline=True)
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do mở lại bản chấm.")})
    audit(
        actor=by,
        action="assessment.reopen",
        target=assessment,
        changes={"reason": reason, "total": assessment.total, "scores": _scores_snapshot(assessment)},
    )
    assessment.status = Assessment.Status.DRAFT
    assessment.total = None
    assessment.submitted_at = None
    assessment.version += 1
    assessment.save()
    return assessment


@concerns("assessment")
@transaction.atomic
def photo_add(*, assessment: Assessment, by, upload, caption: str = "") -> AssessmentPhoto:
    content_type = check_upload(upload, field="photo")
    if not content_type.startswith("image/"):
        raise ValidationError({"photo": _("Chỉ nhận ảnh (JPG, PNG, WEBP).")})
    assessment = Assessment.objects.select_for_update(no_key=True, of=("self",)).get(pk=assessment.pk)
    if assessment.assessor_id != by.pk or assessment.is_submitted:
        raise ValidationError({"photo": _("Chỉ thêm ảnh vào bản chấm của mình khi chưa gửi.")})
    photo = keep_upload(
        AssessmentPhoto(assessment=assessment), upload, content_type=content_type, caption=caption, default_name="anh"
    )
    audit(actor=by, action="assessment.photo", target=assessment, changes={"file": photo.original_name})
    return photo


def conflicted_members(team: SurveyTeam, initiative: Initiative) -> list:
    return [m.user for m in team.members.select_related("user") if has_conflict(m.user, initiative)]
