from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.campaigns import services
from danvan.campaigns.forms import CampaignForm, PeriodFormSet, period_rows
from danvan.campaigns.models import Campaign
from danvan.campaigns.selectors import campaign_for_user
from danvan.core.access import scope_for
from danvan.core.forms import apply_errors
from danvan.core.htmx import render_page
from danvan.initiatives.models import Initiative
from danvan.insights.summary import campaign_summary, unregistered_units
from danvan.orgs.models import Organization


@login_required
def campaign_list(request):
    campaigns = Campaign.objects.visible_to(request.user).select_related("organization")
    rows = [(c, campaign_summary(campaign=c, user=request.user, checking=False)) for c in campaigns]
    return render(request, "campaigns/list.html", {"rows": rows, "can_create": scope_for(request.user).is_admin})


@login_required
def campaign_detail(request, pk: int):
    campaign, can_edit = campaign_for_user(request.user, pk)
    summary = campaign_summary(campaign=campaign, user=request.user)
    unregistered = list(unregistered_units(campaign, request.user))
    per_unit = (
        Initiative.objects.visible_to(request.user)
        .registered()
        .filter(campaign=campaign)
        .values("unit__base__name", "unit__base_id")
        .annotate(n=Count("id"))
        .order_by("-n", "unit__base__name")
    )
    return render(
        request,
        "campaigns/detail.html",
        {
            "campaign": campaign,
            "can_edit": can_edit,
            "summary": summary,
            "unregistered": unregistered,
            "per_unit": per_unit,
            "periods": campaign.periods.all(),
            "fields": campaign.fields.all(),
        },
    )


def _admin_orgs(user):
    scope = scope_for(user)
    if not scope.is_admin:
        raise PermissionDenied
    return Organization.objects.filter(scope.q_administered()).exclude(
        kind__in=[*Organization.BASE_KINDS, Organization.Kind.CELL, Organization.Kind.PARTNER]
    )


def _form_page(request, form, periods, *, campaign=None):
    """The campaign form shared by create and edit: save on a valid POST, else show the errors."""
    if request.method == "POST" and form.is_valid() and periods.is_valid():
        try:
            if campaign is None:
                saved = services.campaign_create(
                    organization=form.cleaned_data["organization"],
                    by=request.user,
                    periods=period_rows(periods),
                    **form.data_for_service(),
                )
                messages.success(request, _("Đã tạo đợt phát động. Kiểm tra lại rồi bấm “Phát động”."))
            else:
                saved = services.campaign_update(
                    campaign=campaign,
                    by=request.user,
                    expected_version=form.cleaned_data.get("version"),
                    periods=period_rows(periods),
                    **form.data_for_service(),
                )
                messages.success(request, _("Đã lưu đợt phát động."))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("campaigns:detail", saved.pk)
    return render(
        request,
        "campaigns/form.html",
        {"form": form, "periods": periods, "campaign": campaign},
        status=400 if form.errors else 200,
    )


@login_required
def campaign_create(request):
    orgs = _admin_orgs(request.user)
    campaigns = Campaign.objects.visible_to(request.user)
    form = CampaignForm(request.POST or None, request.FILES or None, organizations=orgs, campaigns=campaigns)
    return _form_page(request, form, PeriodFormSet(request.POST or None, prefix="period"))


@login_required
def campaign_edit(request, pk: int):
    campaign, _can = campaign_for_user(request.user, pk, write=True)
    orgs = _admin_orgs(request.user)
    campaigns = Campaign.objects.visible_to(request.user).exclude(pk=campaign.pk)
    initial = {
        name: getattr(campaign, name)
        for name in CampaignForm.base_fields
        if name not in ("fields_text", "version", "launch_document_file")
    }
    initial["fields_text"] = "\n".join(campaign.fields.values_list("name", flat=True))
    initial["version"] = campaign.version
    form = CampaignForm(
        request.POST or None, request.FILES or None, organizations=orgs, campaigns=campaigns, initial=initial
    )
    form.fields["organization"].disabled = True
    periods = PeriodFormSet(
        request.POST or None,
        prefix="period",
        initial=list(campaign.periods.values("name", "starts_on", "ends_on", "due_on")),
    )
    return _form_page(request, form, periods, campaign=campaign)


@login_required
@require_POST
def campaign_launch(request, pk: int):
    campaign, _can = campaign_for_user(request.user, pk, write=True)
    try:
        told = services.campaign_launch(campaign=campaign, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã phát động. Đã gửi thư báo tới %(n)s địa chỉ của các đơn vị.") % {"n": told})
    return redirect("campaigns:detail", campaign.pk)


@login_required
@require_POST
def campaign_remind(request, pk: int):
    campaign, _can = campaign_for_user(request.user, pk, write=True)
    error, reminded = None, 0
    try:
        reminded = services.campaign_remind_unregistered(campaign=campaign, by=request.user)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    if not request.htmx:
        if error:
            messages.error(request, error)
        else:
            messages.success(request, _("Đã gửi thư nhắc tới %(n)s đơn vị chưa đăng ký.") % {"n": reminded})
        return redirect("campaigns:detail", campaign.pk)
    return render_page(
        request,
        "campaigns/detail.html",
        {"campaign": campaign, "reminded": reminded, "remind_error": error},
        partial="remind-result",
    )


@login_required
def campaign_document(request, pk: int):
    """The launching document, served only to those who may see the campaign."""
    campaign, _can = campaign_for_user(request.user, pk)
    if not campaign.launch_document_file:
        raise Http404
    try:
        handle = campaign.launch_document_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = campaign.launch_document_file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name)
