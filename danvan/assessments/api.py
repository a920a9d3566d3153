from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from ninja import Router

from danvan.api.schemas import AssessmentIn, AssessmentOut, AssignmentOut, ErrorOut, TeamOut
from danvan.assessments import services
from danvan.assessments.models import Assessment, Assignment, SurveyTeam
from danvan.assessments.rules import scoring_rights
from danvan.assessments.selectors import team_for_user, visible_assessments
from danvan.core.access import scope_for
from danvan.initiatives.models import Initiative
from danvan.initiatives.selectors import initiative_for_user

router = Router(tags=["assessments"])


def _team(t: SurveyTeam) -> dict:
    return {
        "id": t.pk,
        "campaign": t.campaign_id,
        "name": t.name,
        "members": [
            {"id": m.user_id, "name": m.user.get_full_name() or m.user.username, "is_leader": m.is_leader}
            for m in t.members.all()
        ],
        "initiatives": [a.initiative_id for a in t.assignments.all()],
    }


@router.get("/teams", response=list[TeamOut], summary="Các đoàn khảo sát")
def list_teams(request, campaign: int | None = None):
    qs = SurveyTeam.objects.visible_to(request.user).prefetch_related("members__user", "assignments")
    if campaign:
        qs = qs.filter(campaign_id=campaign)
    return [_team(t) for t in qs]


@router.get("/teams/{team_id}", response={200: TeamOut, 404: ErrorOut}, summary="Một đoàn khảo sát")
def get_team(request, team_id: int):
    return _team(team_for_user(request.user, team_id))


@router.get("/assignments", response=list[AssignmentOut], summary="Mô hình được giao cho các đoàn khảo sát")
def list_assignments(request, campaign: int | None = None, team: int | None = None):
    qs = Assignment.objects.filter(
        team__in=SurveyTeam.objects.visible_to(request.user),
        initiative__in=Initiative.objects.visible_to(request.user),
    ).select_related("team", "initiative__unit")
    if campaign:
        qs = qs.filter(team__campaign_id=campaign)
    if team:
        qs = qs.filter(team_id=team)
    return [
        {
            "id": a.pk,
            "team": a.team_id,
            "team_name": a.team.name,
            "initiative": a.initiative_id,
            "initiative_title": a.initiative.title,
            "unit": a.initiative.unit,
        }
        for a in qs
    ]


def _assessment(a: Assessment) -> dict:
    return {
        "id": a.pk,
        "initiative": a.initiative_id,
        "kind": a.kind,
        "team": a.team_id,
        "assessor": (a.assessor.get_full_name() or a.assessor.username) if a.assessor else None,
        "status": a.status,
        "total": a.total,
        "submitted_at": a.submitted_at,
        "comment": a.comment,
        "version": a.version,
        "scores": [
            {
                "criterion": s.criterion_id,
                "name": s.criterion.name,
                "max_score": s.criterion.max_score,
                "weight": s.criterion.weight,
                "value": s.value,
                "note": s.note,
            }
            for s in a.scores.all()
        ],
    }


@router.get("/assessments", response=list[AssessmentOut], summary="Bản chấm điểm (đoàn, thành viên, tự đánh giá)")
def list_assessments(
    request, campaign: int | None = None, initiative: int | None = None, kind: Assessment.Kind | None = None
):
    return [
        _assessment(a) for a in visible_assessments(request.user, campaign=campaign, initiative=initiative, kind=kind)
    ]


@router.post(
    "/assessments",
    response={200: AssessmentOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Lưu (và gửi) điểm chấm một mô hình",
)
def save_assessment(request, payload: AssessmentIn):
    initiative, _perms = initiative_for_user(request.user, payload.initiative)
    if payload.kind not in Assessment.Kind.values:
        raise ValidationError({"kind": "member | team | self"})
    # Those who see the initiative but have no part in scoring it this way get a 403; those who have one but may
    # not score now (a conflict of interest, a campaign closed) get the service's own explanation.
    scope = scope_for(request.user)
    member = scoring_rights(scope, request.user, initiative).member
    path = initiative.unit.path
    allowed = {
        str(Assessment.Kind.MEMBER): member is not None,
        str(Assessment.Kind.TEAM): member is not None and member.is_leader,
        str(Assessment.Kind.SELF): scope.officer_of(path) or scope.administers(path),
    }[payload.kind]
    if not allowed:
        raise PermissionDenied
    scores = {cid: services.ScoreInput(s.value, s.note) for cid, s in payload.scores.items()}
    with transaction.atomic():
        a = services.assessment_save(
            initiative=initiative,
            by=request.user,
            kind=payload.kind,
            scores=scores,
            comment=payload.comment,
            expected_version=payload.version,
        )
        if payload.submit:
            a = services.assessment_submit(assessment=a, by=request.user)
    return _assessment(visible_assessments(request.user).get(pk=a.pk))
