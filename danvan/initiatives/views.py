from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, prefetch_related_objects
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.assessments.selectors import initiative_assessments
from danvan.campaigns.models import Campaign
from danvan.campaigns.selectors import campaign_for_user
from danvan.core.access import scope_for
from danvan.core.files import file_response
from danvan.core.forms import apply_errors, error_text
from danvan.core.freshness import cached_page, initiative_versions
from danvan.core.htmx import render_page
from danvan.documents.rules import may_report_achievement
from danvan.initiatives import services
from danvan.initiatives.forms import (
    AttachmentForm,
    IndicatorFormSet,
    InitiativeFilterForm,
    InitiativeForm,
    NewInitiativeForm,
    ReturnForm,
    indicator_inputs,
)
from danvan.initiatives.models import Initiative
from danvan.initiatives.selectors import InitiativePage, attachment_for_user, initiative_for_user, initiative_page
from danvan.insights.checking import indicator_progress
from danvan.orgs.models import Organization
from danvan.progress.selectors import reports_by_period
from danvan.recognition.selectors import initiative_recognition


@cached_page
def initiative_list(request):
    form = InitiativeFilterForm(request.GET or None, user=request.user)
    criteria = {}
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        criteria = {
            "campaign": d["campaign"] and d["campaign"].pk,
            "unit": d["unit"] and d["unit"].pk,
            "field": d["field"] and d["field"].pk,
            "kind": d["kind"],
            "status": d["status"],
            "q": d["q"],
            "stage": d["stage"],
            "result": d["result"],
        }
    _offer_nearby_units(request.user, form)
    for name in ("campaign", "field"):
        _choices_at_once(form, name)
    try:
        page = initiative_page(request.user, number=request.GET.get("page") or 1, size=25, **criteria)
    except ValidationError:
        page = InitiativePage(rows=[], number=1, size=25, has_next=False, count=0, count_is_exact=True)
    query = request.GET.copy()
    query.pop("page", None)
    return render_page(
        request,
        "initiatives/list.html",
        {"form": form, "page": page, "query": query.urlencode()},
        partial="results",
    )


def _offer_nearby_units(user, form: InitiativeFilterForm) -> None:
    """Offer in the unit filter the user's own top units and the level under them, and around the chosen unit
    its ancestors and its children, so that one reaches any unit by choosing step by step.

    Every unit a national administrator sees would be some 56,000 options (3.6 MB on every page, most of the
    page's time). Only the options shown are narrowed: the field still accepts any unit the user may see.
    """
    field = form.fields["unit"]
    assert isinstance(field, forms.ModelChoiceField)
    scope = scope_for(user)
    if scope.is_superuser:
        near = Q(parent__isnull=True) | Q(parent__parent__isnull=True)
    else:
        # A path ends with the unit's own id ("1.5.23."): the top units and their children by primary and parent key.
        paths = scope.admin_paths + scope.leader_paths + scope.officer_paths
        tops = [int(path.rstrip(".").rsplit(".", 1)[-1]) for path in paths]
        near = Q(pk__in=tops) | Q(parent_id__in=tops)
    chosen = getattr(form, "cleaned_data", {}).get("unit")
    if chosen is not None:
        near |= Q(pk__in=[int(pk) for pk in chosen.path.split(".") if pk]) | Q(parent_id=chosen.pk)
    assert field.queryset is not None
    units = field.queryset.filter(near).order_by("path").values_list("pk", "name")
    field.widget.choices = [("", field.empty_label), *units]


def _choices_at_once(form, name: str) -> None:
    """Read a model choice field's options with one plain query: rendering them through Django's iterator (a
    server-side cursor, one choice object per option) cost more than the rest of the list page."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField) and field.queryset is not None
    options = [(obj.pk, field.label_from_instance(obj)) for obj in field.queryset]
    field.widget.choices = [("", field.empty_label), *options]


def _registrable_units(user, campaign: Campaign):
    """Units the user may register for in this campaign: their own (and cells) or, for an admin, any."""
    scope = scope_for(user)
    return (
        Organization.objects.filter(scope.q_subtree("path", scope.officer_paths) | scope.q_administered())
        .subtree_of(campaign.organization)
        .filter(kind__in=[*Organization.BASE_KINDS, Organization.Kind.CELL], is_active=True)
        .order_by("path")
    )


def _save(request, form, formset, *, initiative=None, campaign=None):
    """Create or update from the form, and submit too when asked: one transaction, or nothing."""
    submit = "submit" in request.POST
    common = {
        "by": request.user,
        "fields": list(form.cleaned_data["work_fields"]),
        "indicators": indicator_inputs(formset),
    }
    with transaction.atomic():
        if initiative is None:
            initiative = services.initiative_create(
                campaign=campaign, unit=form.cleaned_data["unit"], **common, **form.content()
            )
        else:
            initiative = services.initiative_update(
                initiative=initiative, expected_version=form.cleaned_data.get("version"), **common, **form.content()
            )
        if submit:
            initiative = services.initiative_submit(initiative=initiative, by=request.user)
    return initiative, submit


def _form_page(request, form, formset, *, campaign, initiative=None):
    """The registration form page shared by create and edit: save on a valid POST, else show the errors."""
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            saved, submitted = _save(request, form, formset, initiative=initiative, campaign=campaign)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if submitted:
                messages.success(request, _("Đã gửi đăng ký mô hình tới Ban Thường vụ."))
            else:
                messages.success(request, _("Đã lưu các thay đổi.") if initiative else _("Đã lưu bản nháp mô hình."))
            return redirect("initiatives:detail", saved.pk)
    return render(
        request,
        "initiatives/form.html",
        {"form": form, "formset": formset, "campaign": campaign, "initiative": initiative},
        status=400 if form.errors or formset.total_error_count() else 200,
    )


@login_required
def initiative_create(request):
    """Register a new initiative (as a draft, or straight to the bloc)."""
    campaign_id = request.GET.get("campaign") or request.POST.get("campaign")
    if not campaign_id:
        open_campaigns = Campaign.objects.visible_to(request.user).filter(status=Campaign.Status.LAUNCHED)
        if len(open_campaigns) == 1:
            return redirect(f"{reverse('initiatives:create')}?campaign={open_campaigns[0].pk}")
        return render(request, "initiatives/choose_campaign.html", {"campaigns": open_campaigns})
    campaign, _can = campaign_for_user(request.user, campaign_id)
    units = _registrable_units(request.user, campaign)
    if not units.exists():
        raise PermissionDenied
    form = NewInitiativeForm(request.POST or None, campaign=campaign, units=units)
    formset = IndicatorFormSet(request.POST or None, prefix="ind")
    return _form_page(request, form, formset, campaign=campaign)


@login_required
def initiative_edit(request, pk: int):
    initiative, perms = initiative_for_user(request.user, pk)
    if request.method == "POST" and _changed_since_seen(request, initiative) and not perms.can_edit:
        # Sent, accepted or withdrawn by someone else meanwhile: no longer editable, and the edit not saved.
        messages.error(request, services.CHANGED_BY_OTHERS)
        return redirect("initiatives:detail", initiative.pk)
    if not perms.can_edit:
        raise PermissionDenied
    initial = {name: getattr(initiative, name) for name in services.CONTENT_FIELDS}
    initial.update(work_fields=list(initiative.fields.all()), version=initiative.version)
    form = InitiativeForm(request.POST or None, campaign=initiative.campaign, initial=initial)
    formset = IndicatorFormSet(
        request.POST or None,
        prefix="ind",
        initial=[
            {"name": i.name, "unit_of_measure": i.unit_of_measure, "baseline": i.baseline, "target": i.target}
            for i in initiative.indicators.all()
        ],
    )
    return _form_page(request, form, formset, campaign=initiative.campaign, initiative=initiative)


@cached_page(versions=lambda request, pk: initiative_versions(pk))
def initiative_detail(request, pk: int):
    initiative, perms = initiative_for_user(request.user, pk)
    indicators = initiative.indicators.all()
    events = initiative.events.select_related("actor")
    previous = None
    if initiative.carried_over_from_id:
        previous = (
            Initiative.objects.visible_to(request.user)
            .filter(pk=initiative.carried_over_from_id)
            .select_related("campaign")
            .prefetch_related("events")  # the page shows the previous year's steps, not who took them
            .first()
        )
    continuations = list(
        (initiative.continuations.all() & Initiative.objects.visible_to(request.user)).select_related("campaign")
    )
    next_campaigns = []
    scope = scope_for(request.user)
    if scope.officer_of(initiative.unit.path) or scope.administers(initiative.unit.path):
        next_campaigns = [
            c
            for c in Campaign.objects.visible_to(request.user).filter(
                status=Campaign.Status.LAUNCHED, year__gt=initiative.campaign.year
            )
            if not any(x.campaign_id == c.pk for x in continuations)
        ]
    carrying_out = _carrying_out(initiative, request.user)
    scoring = carrying_out.get("scoring") or {}
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "perms": perms,
            "indicators": indicators,
            "attachments": initiative.attachments.all(),
            "events": events,
            "previous": previous,
            "continuations": continuations,
            "next_campaigns": next_campaigns,
            "missing": initiative.missing_for_submission() if perms.can_submit else [],
            "return_form": ReturnForm(initial={"version": initiative.version}),
            "attachment_form": AttachmentForm(),
            "recognition": initiative_recognition(initiative, request.user, large_gap=bool(scoring.get("large_gap"))),
            "may_report_achievement": may_report_achievement(request.user, initiative),
            **carrying_out,
        },
    )


def _carrying_out(initiative: Initiative, user) -> dict:
    """Reports, indicator results and assessments, shown once the initiative is accepted."""
    if initiative.status != Initiative.Status.ACCEPTED:
        return {}
    # The campaign's periods once, for the indicator table and the reports alike.
    prefetch_related_objects([initiative.campaign], "periods")
    periods, progress_rows = indicator_progress(initiative, user)
    reports = reports_by_period(initiative, user)
    for period, report in reports:
        if report is not None:
            report.period = period  # its deadline tells whether it came on time: no query per report
    return {
        "periods": periods,
        "progress_rows": progress_rows,
        "reports": reports,
        "scoring": initiative_assessments(initiative, user),
    }


def _changed_since_seen(request, initiative: Initiative) -> bool:
    """A change sent from a page showing an earlier version, by someone who takes steps on this initiative: they
    are told that it changed meanwhile (the step they saw may no longer be offered), rather than refused."""
    version = request.POST.get("version", "")
    if not version.isdecimal() or int(version) == initiative.version:
        return False
    scope = scope_for(request.user)
    return scope.officer_of(initiative.unit.path) or scope.administers(initiative.unit.path)


def _act(request, pk: int, allowed: str, action, success: str):
    initiative, perms = initiative_for_user(request.user, pk)
    if _changed_since_seen(request, initiative):
        messages.error(request, services.CHANGED_BY_OTHERS)
        return redirect("initiatives:detail", initiative.pk)
    if not getattr(perms, allowed):
        raise PermissionDenied
    version = request.POST.get("version", "")
    try:
        action(initiative=initiative, by=request.user, expected_version=int(version) if version.isdecimal() else None)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)
    return redirect("initiatives:detail", initiative.pk)


@login_required
@require_POST
def initiative_submit(request, pk: int):
    return _act(request, pk, "can_submit", services.initiative_submit, _("Đã gửi đăng ký mô hình tới Ban Thường vụ."))


@login_required
@require_POST
def initiative_accept(request, pk: int):
    return _act(request, pk, "can_review", services.initiative_accept, _("Đã duyệt mô hình."))


@login_required
@require_POST
def initiative_withdraw(request, pk: int):
    return _act(request, pk, "can_withdraw", services.initiative_withdraw, _("Đã rút đăng ký mô hình."))


@login_required
@require_POST
def initiative_return(request, pk: int):
    initiative, perms = initiative_for_user(request.user, pk)
    if _changed_since_seen(request, initiative):
        messages.error(request, services.CHANGED_BY_OTHERS)
        return redirect("initiatives:detail", initiative.pk)
    if not perms.can_review:
        raise PermissionDenied
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.initiative_return(
                initiative=initiative,
                by=request.user,
                comment=form.cleaned_data["comment"],
                expected_version=form.cleaned_data.get("version"),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã trả lại mô hình cho đơn vị kèm ý kiến."))
            return redirect("initiatives:detail", initiative.pk)
    messages.error(request, error_text(form))
    return redirect("initiatives:detail", initiative.pk)


@login_required
@require_POST
def initiative_carry_over(request, pk: int):
    source, _perms = initiative_for_user(request.user, pk)
    scope = scope_for(request.user)
    if not (scope.officer_of(source.unit.path) or scope.administers(source.unit.path)):
        raise PermissionDenied
    campaign, _can = campaign_for_user(request.user, request.POST.get("campaign"))
    try:
        initiative = services.initiative_carry_over(source=source, campaign=campaign, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("initiatives:detail", source.pk)
    messages.success(request, _("Đã tạo bản đăng ký tiếp nối trong %(c)s. Hãy xem lại rồi gửi.") % {"c": campaign.name})
    return redirect("initiatives:edit", initiative.pk)


@login_required
@require_POST
def attachment_add(request, pk: int):
    initiative, perms = initiative_for_user(request.user, pk)
    if not perms.can_attach:
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                initiative=initiative,
                by=request.user,
                upload=form.cleaned_data["file"],
                caption=form.cleaned_data["caption"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã đính kèm tệp."))
    else:
        messages.error(request, error_text(form))
    return redirect(reverse("initiatives:detail", args=[initiative.pk]) + "#attachments")


@login_required
def attachment_download(request, pk: int):
    return file_response(attachment_for_user(request.user, pk))


@login_required
@require_POST
def attachment_remove(request, pk: int):
    attachment = attachment_for_user(request.user, pk)
    _initiative, perms = initiative_for_user(request.user, attachment.initiative_id)
    if not perms.can_attach:
        raise PermissionDenied
    try:
        services.attachment_remove(attachment=attachment, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã xoá tệp đính kèm."))
    return redirect(reverse("initiatives:detail", args=[attachment.initiative_id]) + "#attachments")
