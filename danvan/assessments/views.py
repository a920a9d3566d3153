from collections import defaultdict
from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.assessments import services
from danvan.assessments.forms import (
    CriterionFormSet,
    PhotoForm,
    ReopenForm,
    SampleForm,
    ScoreForm,
    TeamForm,
    criterion_initial,
    criterion_inputs,
)
from danvan.assessments.models import Assessment, Assignment, SurveyTeam
from danvan.assessments.rules import may_reopen, scoring_rights
from danvan.assessments.sampling import SampleRequest, draw_sample
from danvan.assessments.selectors import assessment_for_user, my_assignments, photo_for_user, team_for_user
from danvan.campaigns.models import Campaign, Criterion
from danvan.campaigns.selectors import campaign_for_user
from danvan.campaigns.services import rubric_create_default, rubric_update
from danvan.core.access import scope_for
from danvan.core.files import file_response
from danvan.core.forms import apply_errors, decimal_text, error_text
from danvan.core.templatetags.danvan import score as score_text
from danvan.initiatives.models import Initiative
from danvan.initiatives.selectors import initiative_for_user
from danvan.insights.checking import assessment_board, indicator_progress, survey_figures, team_progress
from danvan.progress.selectors import reports_by_period

# --- The bloc's overview, teams and sampling -------------------------------------------------------------------


@login_required
def survey_overview(request, campaign_id: int):
    """Teams, what they visit, and every accepted initiative's team score, self-score and gap."""
    campaign, can_edit = campaign_for_user(request.user, campaign_id)
    only_gaps = request.GET.get("gaps") == "1"
    teams = (
        SurveyTeam.objects.visible_to(request.user)
        .filter(campaign=campaign)
        .prefetch_related("members__user", "assignments")
    )
    return render(
        request,
        "assessments/overview.html",
        {
            "campaign": campaign,
            "can_edit": can_edit,
            "teams": teams,
            "figures": survey_figures(campaign, request.user),
            "board": assessment_board(campaign, request.user, only_large_gaps=only_gaps),
            "only_gaps": only_gaps,
            "large_gap": services.LARGE_GAP,
        },
    )


def _team_form_page(request, campaign: Campaign, team: SurveyTeam | None = None):
    initial = {}
    if team is not None:
        members = list(team.members.select_related("user"))
        initial = {
            "name": team.name,
            "note": team.note,
            "members": [m.user for m in members],
            "leader": next((m.user for m in members if m.is_leader), None),
            "version": team.version,
        }
    form = TeamForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            if team is None:
                team = services.team_create(
                    campaign=campaign,
                    by=request.user,
                    name=d["name"],
                    members=list(d["members"]),
                    leader=d["leader"],
                    note=d["note"],
                )
            else:
                team = services.team_update(
                    team=team,
                    by=request.user,
                    name=d["name"],
                    members=list(d["members"]),
                    leader=d["leader"],
                    note=d["note"],
                    expected_version=d.get("version"),
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu đoàn khảo sát."))
            return redirect("assessments:team", team.pk)
    return render(
        request,
        "assessments/team_form.html",
        {"campaign": campaign, "team": team, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def team_create(request, campaign_id: int):
    campaign, _can = campaign_for_user(request.user, campaign_id, write=True)
    return _team_form_page(request, campaign)


@login_required
def team_edit(request, pk: int):
    team = team_for_user(request.user, pk)
    if not scope_for(request.user).administers(team.campaign.organization.path):
        raise PermissionDenied
    return _team_form_page(request, team.campaign, team)


@login_required
def team_detail(request, pk: int):
    team = team_for_user(request.user, pk)
    scope = scope_for(request.user)
    can_edit = scope.administers(team.campaign.organization.path)
    members = list(team.members.select_related("user"))
    assignments = list(
        team.assignments.filter(initiative__in=Initiative.objects.visible_to(request.user)).select_related(
            "initiative__unit"
        )
    )
    progress = team_progress(team)
    candidates: Iterable[Initiative] = []
    if can_edit and team.campaign.status == Campaign.Status.LAUNCHED:
        candidates = (
            Initiative.objects.filter(
                campaign=team.campaign, status=Initiative.Status.ACCEPTED, assignment__isnull=True
            )
            .select_related("unit")
            .order_by("unit__name", "title")
        )
    return render(
        request,
        "assessments/team.html",
        {
            "team": team,
            "members": members,
            "is_member": any(m.user_id == request.user.pk for m in members),
            "assignments": [(a, progress.get(a.initiative_id, {})) for a in assignments],
            "can_edit": can_edit,
            "candidates": candidates,
            "n_members": len(members),
        },
    )


@login_required
@require_POST
def team_assign(request, pk: int):
    team = team_for_user(request.user, pk)
    if not scope_for(request.user).administers(team.campaign.organization.path):
        raise PermissionDenied
    ids = [int(x) for x in request.POST.getlist("initiatives") if x.isdecimal()]
    if not ids:
        messages.error(request, _("Hãy chọn ít nhất một mô hình."))
        return redirect("assessments:team", team.pk)
    try:
        added = services.assignments_add(team=team, by=request.user, initiatives=ids)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã giao thêm %(n)s mô hình cho đoàn.") % {"n": added})
    return redirect("assessments:team", team.pk)


@login_required
@require_POST
def assignment_remove(request, pk: int):
    try:
        assignment = Assignment.objects.select_related("team__campaign__organization", "initiative").get(
            pk=pk, team__in=SurveyTeam.objects.visible_to(request.user)
        )
    except (Assignment.DoesNotExist, ValueError):
        raise Http404 from None
    if not scope_for(request.user).administers(assignment.team.campaign.organization.path):
        raise PermissionDenied
    try:
        services.assignment_remove(assignment=assignment, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã bỏ mô hình khỏi danh sách của đoàn."))
    return redirect("assessments:team", assignment.team_id)


@login_required
def sample(request, campaign_id: int):
    """Draw a stratified sample, let the administrator adjust it, then confirm the assignments."""
    campaign, _can = campaign_for_user(request.user, campaign_id, write=True)
    teams = list(SurveyTeam.objects.filter(campaign=campaign).order_by("name"))
    form = SampleForm(request.POST if request.POST.get("action") == "draw" else None)
    proposal: list = []
    if request.method == "POST" and request.POST.get("action") == "confirm":
        chosen = defaultdict(list)
        for raw in request.POST.getlist("pick"):
            if raw.isdecimal():
                team_id = request.POST.get(f"team_{raw}", "")
                chosen[team_id].append(int(raw))
        by_id = {str(t.pk): t for t in teams}
        if not chosen:
            messages.error(request, _("Chưa chọn mô hình nào."))
        elif any(t not in by_id for t in chosen):
            messages.error(request, _("Hãy chọn đoàn khảo sát cho mỗi mô hình đã đánh dấu."))
        else:
            try:
                with transaction.atomic():
                    total = sum(
                        (
                            services.assignments_add(team=by_id[t], by=request.user, initiatives=ids)
                            for t, ids in chosen.items()
                        ),
                        0,
                    )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Đã giao %(n)s mô hình cho các đoàn khảo sát.") % {"n": total})
                return redirect("assessments:overview", campaign.pk)
    elif form.is_bound and form.is_valid():
        d = form.cleaned_data
        try:
            rows = draw_sample(
                campaign,
                SampleRequest(
                    size=d["size"],
                    per_unit_max=d["per_unit_max"],
                    exclude_visited_last_year=d["exclude_visited"],
                    seed=d["seed"],
                ),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            # Propose one team per unit, in turn, so that a team visits all the sampled models of a unit.
            unit_team: dict[int, SurveyTeam] = {}
            for i in rows:
                key = i.unit.base_id or i.unit_id
                if teams and key not in unit_team:
                    unit_team[key] = teams[len(unit_team) % len(teams)]
                proposal.append((i, unit_team.get(key)))
            if not rows:
                messages.warning(request, _("Không còn mô hình nào phù hợp để chọn."))
    return render(
        request,
        "assessments/sample.html",
        {"campaign": campaign, "form": form, "teams": teams, "proposal": proposal},
        status=400 if form.errors else 200,
    )


@login_required
def rubric(request, campaign_id: int):
    """The campaign's rubric: everyone concerned reads it; the administrator edits it until someone scores."""
    campaign, can_edit = campaign_for_user(request.user, campaign_id)
    rubric_row = rubric_create_default(campaign)
    criteria = list(rubric_row.criteria.all())
    locked = Criterion.objects.filter(rubric=rubric_row, scores__isnull=False).exists()
    kinds = Criterion.AppliesTo
    formsets = {}
    editing = can_edit and not locked
    if editing:
        for kind, prefix in ((kinds.COLLECTIVE, "col"), (kinds.INDIVIDUAL, "ind")):
            formsets[kind] = CriterionFormSet(
                request.POST or None,
                prefix=prefix,
                initial=criterion_initial([c for c in criteria if c.applies_to == kind]),
            )
        if request.method == "POST":
            if all(fs.is_valid() for fs in formsets.values()):
                inputs = [x for kind, fs in formsets.items() for x in criterion_inputs(fs, kind)]
                version = request.POST.get("version", "")
                try:
                    rubric_update(
                        campaign=campaign,
                        by=request.user,
                        criteria=inputs,
                        expected_version=int(version) if version.isdecimal() else None,
                    )
                except ValidationError as exc:
                    messages.error(request, " ".join(exc.messages))
                else:
                    messages.success(request, _("Đã lưu thang điểm."))
                    return redirect("assessments:rubric", campaign.pk)
            else:
                messages.error(request, _("Chưa lưu được: hãy kiểm tra các ô đánh dấu đỏ."))
    elif request.method == "POST":
        raise PermissionDenied
    sections = [
        (kind, label, [c for c in criteria if c.applies_to == kind], formsets.get(Criterion.AppliesTo(kind)))
        for kind, label in kinds.choices
    ]
    return render(
        request,
        "assessments/rubric.html",
        {
            "campaign": campaign,
            "rubric": rubric_row,
            # A refused form keeps the version it was read at: sent again, it is refused again, never saved over
            # the change it did not see.
            "version": request.POST.get("version", "") if request.method == "POST" else rubric_row.version,
            "sections": sections,
            "editing": editing,
            "locked": locked,
            "can_edit": can_edit,
        },
        status=400 if request.method == "POST" else 200,
    )


# --- Scoring ---------------------------------------------------------------------------------------------------


@login_required
def my_work(request):
    """A survey member's list: the initiatives their teams visit, and where their own scoring stands."""
    rows = list(my_assignments(request.user))
    mine = {
        (a.initiative_id, a.kind): a
        for a in Assessment.objects.filter(
            initiative_id__in=[r.initiative_id for r in rows], kind__in=[Assessment.Kind.MEMBER, Assessment.Kind.TEAM]
        ).filter(assessor=request.user)
    }
    leader_of = set(request.user.survey_teams.filter(is_leader=True).values_list("team_id", flat=True))
    items = [
        {
            "assignment": r,
            "mine": mine.get((r.initiative_id, Assessment.Kind.MEMBER)),
            "leads": r.team_id in leader_of,
            "team": mine.get((r.initiative_id, Assessment.Kind.TEAM)),
        }
        for r in rows
    ]
    return render(request, "assessments/mine.html", {"items": items})


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _existing(initiative: Initiative, kind: str, user) -> Assessment | None:
    qs = Assessment.objects.filter(initiative=initiative, kind=kind)
    if kind == Assessment.Kind.MEMBER:
        qs = qs.filter(assessor=user)
    return qs.prefetch_related("scores", "photos").first()


def _scoring_page(request, initiative_id: int, kind: str):
    initiative, _perms = initiative_for_user(request.user, initiative_id)
    scope = scope_for(request.user)
    rights = scoring_rights(scope, request.user, initiative)
    allowed = {
        str(Assessment.Kind.MEMBER): rights.can_score,
        str(Assessment.Kind.TEAM): rights.can_reconcile,
        str(Assessment.Kind.SELF): rights.can_self_assess,
    }[kind]
    assessment = _existing(initiative, kind, request.user)
    if not allowed:
        # Those who may not score here are sent to read the scoring they may see; a POST is refused all the same.
        if (
            request.method != "POST"
            and assessment is not None
            and (assessment.is_submitted or kind == Assessment.Kind.SELF)
            and Assessment.objects.visible_to(request.user).filter(pk=assessment.pk).exists()
        ):
            return redirect("assessments:detail", assessment.pk)
        if rights.conflict and kind != Assessment.Kind.SELF:
            return render(request, "assessments/conflict.html", {"initiative": initiative}, status=403)
        raise PermissionDenied
    if assessment is not None and assessment.is_submitted:
        return redirect("assessments:detail", assessment.pk)
    criteria = services.criteria_for(initiative)
    # "0" for none yet: two people starting the same team or self assessment, the second save is refused.
    initial: dict = {"version": assessment.version if assessment else 0}
    members_sent: list[Assessment] = []
    suggested: dict = {}
    if kind == Assessment.Kind.TEAM and rights.member is not None:
        members_sent = list(
            Assessment.objects.filter(initiative=initiative, team=rights.member.team, kind=Assessment.Kind.MEMBER)
            .submitted()
            .select_related("assessor")
            .prefetch_related("scores")
        )
        suggested = services.suggested_team_scores(members_sent)
        if assessment is None:
            initial.update({f"score_{cid}": decimal_text(v) for cid, v in suggested.items()})
    if assessment is not None:
        initial["comment"] = assessment.comment
        for s in assessment.scores.all():
            initial[f"score_{s.criterion_id}"] = decimal_text(s.value)
            initial[f"note_{s.criterion_id}"] = s.note
    with_report = kind == Assessment.Kind.SELF
    form = ScoreForm(
        request.POST or None, request.FILES or None, criteria=criteria, with_report=with_report, initial=initial
    )
    if request.method == "POST":
        if form.is_valid():
            submit = "submit" in request.POST
            try:
                with transaction.atomic():
                    saved = services.assessment_save(
                        initiative=initiative,
                        by=request.user,
                        kind=kind,
                        scores=form.scores(),
                        comment=form.cleaned_data["comment"],
                        report_file=form.cleaned_data.get("report_file"),
                        expected_version=form.cleaned_data.get("version"),
                    )
                    if submit:
                        saved = services.assessment_submit(assessment=saved, by=request.user)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                if _wants_json(request):
                    return JsonResponse(
                        {
                            "ok": True,
                            "version": saved.version,
                            "message": _("Đã lưu nháp lúc %(t)s.") % {"t": time_format(timezone.localtime(), "H:i")},
                        }
                    )
                if submit:
                    messages.success(
                        request, _("Đã gửi bản chấm điểm. Tổng điểm: %(t)s/100.") % {"t": score_text(saved.total)}
                    )
                    return redirect("assessments:detail", saved.pk)
                messages.success(request, _("Đã lưu nháp."))
                return redirect(request.path)
        if _wants_json(request):
            return JsonResponse(
                {"ok": False, "message": error_text(form), "errors": {k: list(v) for k, v in form.errors.items()}},
                status=400,
            )
    return render(
        request,
        "assessments/score.html",
        {
            **_initiative_context(initiative, request.user),
            "kind": kind,
            "assessment": assessment,
            "form": form,
            "rights": rights,
            "members_sent": members_sent,
            "suggested": suggested,
            "photo_form": PhotoForm() if kind == Assessment.Kind.MEMBER else None,
            "photos": assessment.photos.all() if assessment else [],
        },
        status=400 if form.errors else 200,
    )


def _initiative_context(initiative: Initiative, user) -> dict:
    """What a scorer reads before scoring: the registration, indicators against targets, and the reports."""
    periods, progress_rows = indicator_progress(initiative, user)
    return {
        "initiative": initiative,
        "periods": periods,
        "progress_rows": progress_rows,
        "reports": reports_by_period(initiative, user),
    }


@login_required
def score_member(request, initiative_id: int):
    return _scoring_page(request, initiative_id, Assessment.Kind.MEMBER)


@login_required
def score_team(request, initiative_id: int):
    return _scoring_page(request, initiative_id, Assessment.Kind.TEAM)


@login_required
def score_self(request, initiative_id: int):
    return _scoring_page(request, initiative_id, Assessment.Kind.SELF)


@login_required
def assessment_detail(request, pk: int):
    assessment = assessment_for_user(request.user, pk)
    initiative = assessment.initiative
    scores = {s.criterion_id: s for s in assessment.scores.select_related("criterion")}
    criteria = services.criteria_for(initiative)
    other_kind = {str(Assessment.Kind.SELF): Assessment.Kind.TEAM, str(Assessment.Kind.TEAM): Assessment.Kind.SELF}.get(
        assessment.kind
    )
    other = None
    if other_kind and assessment.is_submitted:
        other = (
            Assessment.objects.visible_to(request.user)
            .submitted()
            .filter(initiative=initiative, kind=other_kind)
            .prefetch_related("scores")
            .first()
        )
    gap = None
    if other is not None:
        self_a, team_a = (assessment, other) if assessment.kind == Assessment.Kind.SELF else (other, assessment)
        gap = services.gap(self_a.total, team_a.total)
    other_scores = {s.criterion_id: s.value for s in other.scores.all()} if other else {}
    can_reopen = may_reopen(scope_for(request.user), request.user, assessment)
    can_continue = not assessment.is_submitted and (
        assessment.assessor_id == request.user.pk or assessment.kind == Assessment.Kind.SELF
    )
    return render(
        request,
        "assessments/detail.html",
        {
            **_initiative_context(initiative, request.user),
            "assessment": assessment,
            "rows": [(c, scores.get(c.pk), other_scores.get(c.pk)) for c in criteria],
            "other": other,
            "gap": gap,
            "large_gap": services.is_large_gap(gap),
            "can_reopen": can_reopen,
            "can_continue": can_continue,
            "reopen_form": ReopenForm(),
            "photos": assessment.photos.all(),
        },
    )


@login_required
@require_POST
def assessment_reopen(request, pk: int):
    assessment = assessment_for_user(request.user, pk)
    form = ReopenForm(request.POST)
    if not may_reopen(scope_for(request.user), request.user, assessment):
        raise PermissionDenied
    if form.is_valid():
        try:
            services.assessment_reopen(assessment=assessment, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã mở lại bản chấm; bản đã gửi trước đó được lưu trong nhật ký."))
    else:
        messages.error(request, error_text(form))
    return redirect("assessments:detail", assessment.pk)


@login_required
@require_POST
def photo_add(request, initiative_id: int):
    initiative, _perms = initiative_for_user(request.user, initiative_id)
    rights = scoring_rights(scope_for(request.user), request.user, initiative)
    if not rights.can_score:
        raise PermissionDenied
    form = PhotoForm(request.POST, request.FILES)
    url = reverse("assessments:score", args=[initiative.pk]) + "#photos"
    if not form.is_valid():
        messages.error(request, error_text(form))
        return redirect(url)
    try:
        with transaction.atomic():
            assessment = _existing(initiative, Assessment.Kind.MEMBER, request.user)
            if assessment is None:
                assessment = services.assessment_save(
                    initiative=initiative, by=request.user, kind=Assessment.Kind.MEMBER, scores={}
                )
            services.photo_add(
                assessment=assessment,
                by=request.user,
                upload=form.cleaned_data["photo"],
                caption=form.cleaned_data["caption"],
            )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã thêm ảnh."))
    return redirect(url)


@login_required
def photo_download(request, pk: int):
    return file_response(photo_for_user(request.user, pk))


@login_required
def self_report_download(request, pk: int):
    assessment = assessment_for_user(request.user, pk)
    if not assessment.report_file:
        raise Http404
    try:
        handle = assessment.report_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=assessment.report_name or "bao-cao-tu-danh-gia")
