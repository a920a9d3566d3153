import base64
import sys

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.http import require_POST

from danvan.api.models import ApiToken
from danvan.api.services import api_token_create, api_token_revoke
from danvan.campaigns.models import Campaign
from danvan.core import twofactor
from danvan.core.access import scope_for
from danvan.core.models import AuditEntry
from danvan.core.text import clean_text
from danvan.initiatives.models import Initiative
from danvan.insights.summary import campaign_summary
from danvan.orgs.models import Organization


@login_required
def home(request):
    """The start page: figures of the current campaigns, and for a unit officer its own work."""
    user = request.user
    scope = scope_for(user)
    campaigns = list(Campaign.objects.visible_to(user).select_related("organization")[:4])
    summaries = [(c, campaign_summary(campaign=c, user=user, checking=False)) for c in campaigns]
    my_units = Organization.objects.filter(pk__in=scope.officer_org_ids) if scope.is_officer else []
    recent = (
        Initiative.objects.visible_to(user).select_related("campaign", "unit").order_by("-updated_at")[:8]
        if scope.is_officer
        else []
    )
    pending = (
        Initiative.objects.visible_to(user)
        .filter(status=Initiative.Status.SUBMITTED)
        .aggregate(n=Count("id"), units=Count("unit", distinct=True))
        if scope.is_admin
        else None
    )
    return render(
        request,
        "core/home.html",
        {"summaries": summaries, "my_units": my_units, "recent": recent, "pending": pending},
    )


@login_required
def profile(request):
    """The person's profile: roles, and their personal API tokens (create, list, revoke)."""
    new_token = None
    if request.method == "POST":
        try:
            _token, new_token = api_token_create(user=request.user, name=request.POST.get("name", ""), by=request.user)
            messages.success(request, _("Đã tạo mã truy cập. Hãy sao chép ngay: mã chỉ hiện một lần."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    tokens = ApiToken.objects.visible_to(request.user)
    memberships = request.user.memberships.select_related("organization")
    context = {
        "tokens": tokens,
        "new_token": new_token,
        "memberships": memberships,
        "second_factor": twofactor.device_of(request.user),
        "second_factor_required": twofactor.required_of(request.user),
    }
    return render(request, "core/profile.html", context)


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken.objects.visible_to(request.user), pk=pk)
    api_token_revoke(token=token, by=request.user)
    messages.success(request, _("Đã thu hồi mã truy cập “%(name)s”.") % {"name": token.name})
    return redirect("profile")


@login_required
def audit_log(request):
    """Who changed what, when: for the bloc administrator."""
    if not scope_for(request.user).is_admin:
        raise PermissionDenied
    entries = AuditEntry.objects.visible_to(request.user).select_related("actor")
    q = clean_text(request.GET.get("q", ""))
    if q:
        entries = entries.filter(Q(target_repr__icontains=q) | Q(action__icontains=q) | Q(actor__username__icontains=q))
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit.html", {"page": page, "q": q})


BENCH_PAGE = "<!doctype html><html lang=vi><title>bench</title><p>Dân vận khéo</p></html>"


def bench_bare(request):
    """Benchmark mode only (routed when settings.DANVAN_BENCH): a constant page through the full middleware stack,
    no login, no query: the ceiling of this server and stack that `make bench` compares the pages with."""
    return HttpResponse(BENCH_PAGE)


@login_required
def second_factor(request):
    """The second step of signing in (a code from an authenticator app), and setting that app up: required of
    administrators, chosen by others from their profile (`danvan.core.twofactor`)."""
    device = twofactor.device_of(request.user)
    setting_up = device is None
    if not setting_up and twofactor.is_verified(request) and request.method == "GET":
        return redirect("profile")
    error = ""
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "off":
                twofactor.turn_off(request=request, code=request.POST.get("code", ""))
                messages.success(request, _("Đã tắt xác thực hai bước."))
                return redirect("profile")
            if setting_up:
                twofactor.confirm_device(request=request, code=request.POST.get("code", ""))
                messages.success(
                    request, _("Đã bật xác thực hai bước. Từ nay mỗi lần đăng nhập cần thêm mã trong ứng dụng.")
                )
            else:
                twofactor.verify(request=request, code=request.POST.get("code", ""))
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            target = request.POST.get("next", "")
            safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
            return redirect(target if target and safe else "home")
    context = {
        "setting_up": setting_up,
        "required": twofactor.required_of(request.user),
        "next": request.POST.get("next") or request.GET.get("next", ""),
        "error": error,
    }
    if setting_up:
        pending = twofactor.pending_device(request.user)
        secret = base64.b32encode(pending.bin_key).decode()
        context["secret"] = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))  # as apps show it
        context["qr"] = segno.make(pending.config_url, error="m").svg_data_uri(scale=5, border=2)
    return render(request, "registration/second_factor.html", context, status=200 if not error else 400)


def server_error(request):
    """`handler500`: an outage of the database (refused or dropped connections; also a deadlock, which PostgreSQL
    broke by rolling one transaction back) is a 503 asking to try again in a
    few seconds — JSON for the API — rather than an error of the application; anything else is Django's 500 page
    (JSON for the API). Nothing here reads the database."""
    exc = sys.exc_info()[1]
    outage = isinstance(exc, (OperationalError, InterfaceError))
    status = 503 if outage else 500
    if request.path.startswith("/api/"):
        detail = (
            _("Cơ sở dữ liệu đang bận hoặc tạm mất kết nối: chưa thực hiện được, hãy thử lại sau ít giây.")
            if outage
            else _("Lỗi hệ thống: thao tác chưa hoàn thành. Hãy thử lại sau ít phút.")
        )
        response: HttpResponse = JsonResponse({"detail": detail, "field": None}, status=status)
    elif outage:
        response = HttpResponse(render_to_string("503.html"), status=503)
    else:
        return defaults.server_error(request)
    if outage:
        response["Retry-After"] = "10"
    return response
