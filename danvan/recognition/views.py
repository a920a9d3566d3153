"""Pages of the year-end review: the ranked board, deciding results, shortlist rounds, commendation decisions with
their printed documents, the spread of exemplary initiatives, and adopting one (nhân rộng)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.campaigns.selectors import campaign_for_user
from danvan.core.access import scope_for
from danvan.core.forms import apply_errors
from danvan.core.freshness import cached_page
from danvan.core.htmx import render_page
from danvan.initiatives.models import Initiative
from danvan.insights.review import SELF_GROUP, spread, spread_by_year
from danvan.recognition import pdf, selectors, services
from danvan.recognition.board import UNDECIDED, board_page, board_row
from danvan.recognition.flags import LABELS as FLAG_LABELS
from danvan.recognition.forms import CommendationForm, ReplicateForm, ResultForm, ShortlistForm
from danvan.recognition.models import Commendation, ShortlistEntry
from danvan.recognition.rules import may_review

# --- The board -----------------------------------------------------------------------------------------------------


@cached_page
def board(request, campaign_id: int):
    """The campaign's accepted initiatives ranked by their standardised (or raw) score with what the review weighs,
    one page at a time."""
    campaign, can_review = selectors.review_campaign_for_user(request.user, campaign_id)
    order = "raw" if request.GET.get("order") == "raw" else "standardised"
    result = request.GET.get("result", "")
    if result not in (UNDECIDED, *Initiative.Result.values):
        result = ""
    flag = request.GET.get("flag", "")
    if flag not in FLAG_LABELS:
        flag = ""
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    data = board_page(campaign, request.user, order=order, result=result, flag=flag, page=page)
    query = urlencode(
        {k: v for k, v in (("order", order if order == "raw" else ""), ("result", result), ("flag", flag)) if v}
    )
    return render_page(
        request,
        "recognition/board.html",
        {
            "campaign": campaign,
            "can_review": can_review,
            "board": data,
            "rows": data.rows,
            "order": order,
            "result": result,
            "flag": flag,
            "query": query,
            "results": Initiative.Result.choices,
            "flag_labels": sorted(FLAG_LABELS.items()),
            "self_group": SELF_GROUP,
            "filtered": bool(result or flag),
        },
        partial="rows",
    )


# --- Deciding one initiative ---------------------------------------------------------------------------------------


def _decide_page(request, initiative: Initiative, can_review: bool, *, result_form=None, shortlist_form=None):
    row, scales, board_size = board_row(initiative, request.user)
    entries = list(ShortlistEntry.objects.visible_to(request.user).filter(initiative=initiative).order_by("round"))
    next_round = max((e.round for e in entries), default=0) + 1
    if result_form is None:
        result_form = ResultForm(
            initial={
                "result": initiative.result,
                "reason": initiative.result_reason,
                "version": initiative.version,
            }
        )
    if shortlist_form is None:
        shortlist_form = ShortlistForm(initial={"round": next_round, "version": initiative.version})
    invalid = result_form.errors or shortlist_form.errors
    return render(
        request,
        "recognition/decide.html",
        {
            "initiative": initiative,
            "campaign": initiative.campaign,
            "can_review": can_review,
            "row": row,
            "scales": scales,
            "board_size": board_size,
            "self_group": SELF_GROUP,
            "entries": entries,
            "result_form": result_form,
            "shortlist_form": shortlist_form,
            "honours": list(initiative.commendation_entries.select_related("commendation")),
        },
        status=400 if invalid else 200,
    )


@login_required
def decide(request, initiative_id: int):
    """Decide an initiative's result, seeing its scores, flags, indicators and feedback (GET for the bloc's
    readers too)."""
    initiative, can_review = selectors.review_initiative_for_user(
        request.user, initiative_id, write=request.method == "POST"
    )
    if request.method != "POST":
        return _decide_page(request, initiative, can_review)
    form = ResultForm(request.POST)
    if form.is_valid():
        try:
            services.result_decide(
                initiative=initiative,
                by=request.user,
                result=form.cleaned_data["result"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data.get("version"),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            label = Initiative.Result(form.cleaned_data["result"]).label
            messages.success(request, _("Đã ghi kết quả bình xét: %(r)s.") % {"r": label})
            return redirect(reverse("recognition:board", args=[initiative.campaign_id]) + f"#row-{initiative.pk}")
    return _decide_page(request, initiative, can_review, result_form=form)


@login_required
@require_POST
def shortlist_add(request, initiative_id: int):
    initiative, can_review = selectors.review_initiative_for_user(request.user, initiative_id, write=True)
    form = ShortlistForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            entry = services.shortlist_add(
                initiative=initiative,
                by=request.user,
                round=d["round"],
                proposed_result=d["proposed_result"],
                reason=d["reason"],
                expected_version=d["version"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã đưa mô hình vào danh sách bình xét vòng %(n)s.") % {"n": entry.round})
            return redirect("recognition:round", initiative.campaign_id, entry.round)
    return _decide_page(request, initiative, can_review, shortlist_form=form)


# --- Rounds --------------------------------------------------------------------------------------------------------


@login_required
def round_detail(request, campaign_id: int, round_no: int):
    campaign, can_review = selectors.review_campaign_for_user(request.user, campaign_id)
    if round_no < 1:
        raise Http404
    entries = list(selectors.round_entries(campaign, round_no, request.user))
    rounds = selectors.rounds_of(campaign, request.user)
    kept = {e.initiative_id for e in entries}
    # Proposals of the round before that this round has not taken up (yet): the bloc narrows them down here.
    left_behind = (
        [e for e in selectors.round_entries(campaign, round_no - 1, request.user) if e.initiative_id not in kept]
        if round_no > 1
        else []
    )
    return render(
        request,
        "recognition/round.html",
        {
            "campaign": campaign,
            "can_review": can_review,
            "round_no": round_no,
            "entries": entries,
            "rounds": rounds,
            "left_behind": left_behind,
            # The tab of the round after the last one, to narrow the list down further.
            "open_round": max(rounds, default=0) + 1,
            "later": {
                e.initiative_id
                for e in ShortlistEntry.objects.filter(
                    campaign=campaign, round__gt=round_no, initiative_id__in=kept
                ).only("initiative_id")
            },
        },
    )


@login_required
@require_POST
def shortlist_remove(request, pk: int):
    entry = selectors.shortlist_entry_for_user(request.user, pk)
    if not may_review(scope_for(request.user), entry.campaign):
        raise PermissionDenied
    try:
        services.shortlist_remove(entry=entry, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã bỏ “%(t)s” khỏi vòng %(n)s.") % {"t": entry.initiative.title, "n": entry.round})
    return redirect("recognition:round", entry.campaign_id, entry.round)


@login_required
@require_POST
def round_decide(request, campaign_id: int, round_no: int):
    campaign, can_review = selectors.review_campaign_for_user(request.user, campaign_id)
    if not can_review:
        raise PermissionDenied
    try:
        n = services.shortlist_decide(campaign=campaign, round=round_no, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("recognition:round", campaign.pk, round_no)
    messages.success(request, _("Đã chốt kết quả vòng %(r)s cho %(n)s mô hình.") % {"r": round_no, "n": n})
    return redirect("recognition:board", campaign.pk)


# --- Commendations -------------------------------------------------------------------------------------------------


@login_required
def commendation_list(request, campaign_id: int):
    campaign, _can_edit = campaign_for_user(request.user, campaign_id)
    can_review = may_review(scope_for(request.user), campaign)
    commendations = (
        Commendation.objects.visible_to(request.user)
        .filter(campaign=campaign)
        .select_related("issuing_org")
        .annotate(n_entries=Count("entries"))
    )
    return render(
        request,
        "recognition/commendations.html",
        {
            "campaign": campaign,
            "can_review": can_review,
            "commendations": commendations,
            "candidates": selectors.unhonoured_exemplary(campaign).count() if can_review else 0,
        },
    )


def _default_title(campaign) -> str:
    return _("Về việc khen thưởng tập thể, cá nhân có mô hình “Dân vận khéo” tiêu biểu năm %(y)s") % {
        "y": campaign.year
    }


@login_required
def commendation_create(request, campaign_id: int):
    campaign, _can_edit = campaign_for_user(request.user, campaign_id)
    if not may_review(scope_for(request.user), campaign):
        raise PermissionDenied
    candidates = list(selectors.unhonoured_exemplary(campaign))
    form = CommendationForm(
        request.POST or None,
        candidates=candidates,
        initial={
            "issuer": _("Ban Thường vụ %(o)s") % {"o": campaign.organization.name},
            "title": _default_title(campaign),
            "entries": [i.pk for i in candidates],
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            commendation = services.commendation_create(
                campaign=campaign,
                by=request.user,
                entries=[
                    services.EntryInput(initiative=i, honouree=honouree, citation=citation)
                    for i, honouree, citation in form.chosen()
                ],
                **form.header(),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("Đã ghi quyết định khen thưởng số %(n)s. In danh sách và giấy khen từ trang này.")
                % {"n": commendation.number},
            )
            return redirect("recognition:commendation", commendation.pk)
    return render(
        request,
        "recognition/commendation_form.html",
        {"campaign": campaign, "form": form, "candidates": candidates},
        status=400 if form.errors else 200,
    )


@login_required
def commendation_detail(request, pk: int):
    commendation = selectors.commendation_for_user(request.user, pk)
    entries = list(selectors.entries_of(commendation))
    from danvan.assessments.models import Assessment

    readable = set(
        Assessment.objects.visible_to(request.user)
        .filter(pk__in=[e.assessment_id for e in entries if e.assessment_id])
        .values_list("pk", flat=True)
    )
    return render(
        request,
        "recognition/commendation.html",
        {
            "c": commendation,
            "campaign": commendation.campaign,
            "entries": entries,
            "can_review": may_review(scope_for(request.user), commendation.campaign),
            "visible": selectors.visible_ids(request.user, [e.initiative_id for e in entries]),
            "readable_assessments": readable,
        },
    )


@login_required
@require_POST
def commendation_delete(request, pk: int):
    commendation = selectors.commendation_for_user(request.user, pk)
    if not may_review(scope_for(request.user), commendation.campaign):
        raise PermissionDenied
    try:
        services.commendation_delete(commendation=commendation, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("recognition:commendation", commendation.pk)
    messages.success(request, _("Đã huỷ quyết định số %(n)s.") % {"n": commendation.number})
    return redirect("recognition:commendations", commendation.campaign_id)


def _pdf_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@login_required
def commendation_pdf(request, pk: int):
    """The decision and its list, A4 portrait, in the Party document format."""
    commendation = selectors.commendation_for_user(request.user, pk)
    entries = list(selectors.entries_of(commendation))
    return _pdf_response(pdf.decision_pdf(commendation, entries), pdf.filename(commendation, "quyet-dinh"))


@login_required
def certificates(request, pk: int):
    """Every certificate of a decision, one per A4 landscape page."""
    commendation = selectors.commendation_for_user(request.user, pk)
    entries = list(selectors.entries_of(commendation))
    return _pdf_response(pdf.certificates_pdf(commendation, entries), pdf.filename(commendation, "giay-khen"))


@login_required
def certificate(request, pk: int):
    entry = selectors.commendation_entry_for_user(request.user, pk)
    content = pdf.certificates_pdf(entry.commendation, [entry])
    return _pdf_response(content, pdf.filename(entry.commendation, f"giay-khen-{entry.position + 1}"))


# --- Spread and replication ----------------------------------------------------------------------------------------


@login_required
def spread_page(request, campaign_id: int):
    """Each replicated initiative of the campaign and the tree of its copies, with copies counted per year."""
    campaign, _can_edit = campaign_for_user(request.user, campaign_id)
    trees = spread(campaign, request.user)
    return render(
        request,
        "recognition/spread.html",
        {
            "campaign": campaign,
            "trees": trees,
            "by_year": spread_by_year(trees),
            "visible": selectors.visible_ids(request.user, [t.initiative.pk for t in trees]),
        },
    )


@login_required
def replicate(request, initiative_id: int):
    """Another unit adopts an exemplary initiative: its own draft registration, linked to the original."""
    original = selectors.original_for_user(request.user, initiative_id)
    units = list(selectors.replication_units(request.user))
    if not units:
        raise PermissionDenied
    problems = {u.pk: services.replication_problem(original=original, unit=u) for u in units}
    allowed = [u for u in units if not problems[u.pk]]
    campaigns = selectors.replication_campaigns(request.user, original)
    why_not = "" if allowed else next(iter(problems.values()))
    form = None
    if allowed and campaigns:
        form = ReplicateForm(
            request.POST or None,
            campaigns=campaigns,
            units=selectors.replication_units(request.user).filter(pk__in=[u.pk for u in allowed]),
        )
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            try:
                copy = services.initiative_replicate(
                    original=original, campaign=d["campaign"], unit=d["unit"], by=request.user, title=d["title"]
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Đã tạo bản đăng ký nhân rộng cho %(u)s. Hãy điều chỉnh cho phù hợp với đơn vị rồi gửi.")
                    % {"u": copy.unit.name},
                )
                return redirect("initiatives:edit", copy.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "recognition/replicate.html",
        {
            "original": original,
            "form": form,
            "why_not": why_not,
            "has_campaigns": bool(campaigns),
            "original_visible": bool(selectors.visible_ids(request.user, [original.pk])),
        },
        status=400 if form is not None and form.errors else 200,
    )
