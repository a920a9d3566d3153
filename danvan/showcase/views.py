"""The public showcase (list, page, photos, feedback form, QR code, feed) and the bloc's publishing and
moderation pages. Public pages read only published entries; every change goes through showcase.services."""

import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.access import scope_for
from danvan.core.files import file_response
from danvan.core.forms import apply_errors
from danvan.core.htmx import render_page
from danvan.core.net import client_address
from danvan.core.templatetags.danvan import score
from danvan.recognition.rules import may_review
from danvan.showcase import selectors, services
from danvan.showcase.feeds import ShowcaseFeed
from danvan.showcase.forms import (
    FeedbackForm,
    ModerateForm,
    ModerationFilterForm,
    PhotoForm,
    ShowcaseFilterForm,
    ShowcaseForm,
)
from danvan.showcase.models import Feedback, ShowcaseEntry

PAGE_SIZE = 12
QR_BORDER = 4

feed = ShowcaseFeed()


# --- Public pages -------------------------------------------------------------------------------------------------


def showcase_list(request):
    """Published exemplary initiatives as cards, with filters and an accent-insensitive search."""
    choices = selectors.filter_choices()
    form = ShowcaseFilterForm(request.GET or None, choices=choices)
    qs = selectors.filter_entries(**form.criteria())
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    entries = list(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    scope = scope_for(request.user)
    return render_page(
        request,
        "showcase/list.html",
        {
            "form": form,
            "page": page,
            "entries": entries,
            "photos": selectors.first_photos([e.pk for e in entries]),
            "badges": selectors.honour_badges([e.initiative_id for e in entries]),
            "query": query.urlencode(),
            "filtered": any(form.criteria().values()),
            "may_moderate": scope.is_admin or scope.is_officer or scope.is_leader,
        },
        partial="results",
    )


def showcase_detail(request, pk: int):
    entry, preview = selectors.entry_for_page(request.user, pk)
    initiative = entry.initiative
    return render(
        request,
        "showcase/detail.html",
        {
            "entry": entry,
            "initiative": initiative,
            "preview": preview,
            "fields": list(initiative.fields.all()),
            "indicators": selectors.public_indicator_progress(initiative),
            "photos": list(entry.photos.all()),
            "honours": selectors.public_honours(initiative),
            "copies": selectors.public_copies(initiative),
            "feedback": selectors.shown_feedback(entry),
            "can_manage": request.user.is_authenticated and may_review(scope_for(request.user), initiative.campaign),
        },
    )


def photo(request, pk: int):
    """A published photo, inline with its checked content type (an unpublished one only for its publisher)."""
    return file_response(selectors.photo_for_user(request.user, pk))


def feedback(request, pk: int):
    """The citizens' form: stars, a comment, optionally a name and area; held until the unit and the bloc agree."""
    entry = selectors.published_entry(pk)
    form = FeedbackForm(request.POST or None, entry=entry)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.feedback_submit(
                entry=entry,
                rating=d["rating"],
                comment=d["comment"],
                author_name=d["author_name"],
                author_area=d["author_area"],
                address=client_address(request),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Cảm ơn bạn. Ý kiến sẽ hiển thị sau khi đơn vị và Khối xem xét."))
            return redirect("showcase:detail", entry.pk)
    return render(
        request,
        "showcase/feedback.html",
        {"entry": entry, "form": form},
        status=400 if form.errors else 200,
    )


def _feedback_url(request, entry: ShowcaseEntry) -> str:
    return request.build_absolute_uri(reverse("showcase:feedback", args=[entry.pk]))


def qr_svg(request, pk: int):
    """The QR code of the feedback form's address, to print and put up where the initiative's people meet."""
    entry = selectors.published_entry(pk)
    code = segno.make_qr(_feedback_url(request, entry), error="m")
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        scale=1,
        border=QR_BORDER,
        xmldecl=False,
        omitsize=True,
        svgclass="qr",
        title=_("Mã QR gửi ý kiến: %(t)s") % {"t": entry.headline},
    )
    response = HttpResponse(out.getvalue(), content_type="image/svg+xml")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = f'inline; filename="ma-qr-mo-hinh-{entry.pk}.svg"'
    return response


def qr_page(request, pk: int):
    entry = selectors.published_entry(pk)
    return render(request, "showcase/qr.html", {"entry": entry, "feedback_url": _feedback_url(request, entry)})


# --- Publishing (the bloc's administrators) -----------------------------------------------------------------------


def _initial_texts(initiative) -> dict:
    """The first draft of the public texts: the registration's own words and the indicators' sent results."""
    results = [
        _("%(name)s: %(actual)s %(unit)s (chỉ tiêu %(target)s).")
        % {
            "name": row.indicator.name,
            "actual": score(row.actual),
            "unit": row.indicator.unit_of_measure,
            "target": score(row.indicator.target),
        }
        for row in selectors.public_indicator_progress(initiative)
    ]
    return {
        "headline": initiative.title,
        "summary": "\n\n".join(p for p in (initiative.situation, initiative.goals, initiative.method) if p),
        "implementers": initiative.implementers,
        "beneficiaries": initiative.beneficiaries,
        "results": "\n".join(results),
        "publish": False,
    }


def _entry_initial(entry: ShowcaseEntry) -> dict:
    """The saved public texts, and the version they are (a save based on an older one is refused)."""
    texts = {name: getattr(entry, name) for name in services.PUBLIC_TEXTS}
    return {**texts, "publish": entry.is_published, "version": entry.version}


def _manage_page(request, initiative, entry, form, photo_form, *, status: int = 200):
    return render(
        request,
        "showcase/manage.html",
        {
            "initiative": initiative,
            "entry": entry,
            "form": form,
            "photo_form": photo_form,
            "photos": list(entry.photos.all()) if entry else [],
            "exemplary": initiative.result == initiative.Result.EXEMPLARY,
        },
        status=status,
    )


@login_required
def manage(request, initiative_id: int):
    """What the public sees of an exemplary initiative: texts, publishing, photos, and a preview."""
    initiative, entry = selectors.initiative_for_publisher(request.user, initiative_id)
    initial = _entry_initial(entry) if entry else {**_initial_texts(initiative), "version": 0}
    form = ShowcaseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        publish = form.cleaned_data["publish"]
        try:
            entry = services.showcase_save(
                initiative=initiative,
                by=request.user,
                publish=publish,
                expected_version=form.cleaned_data["version"],
                **form.texts(),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("Đã lưu và công khai mô hình.") if entry.is_published else _("Đã lưu; mô hình chưa được công khai."),
            )
            return redirect("showcase:manage", initiative.pk)
    return _manage_page(request, initiative, entry, form, PhotoForm(), status=400 if form.errors else 200)


@login_required
@require_POST
def photo_add(request, initiative_id: int):
    initiative, entry = selectors.initiative_for_publisher(request.user, initiative_id)
    if entry is None:
        messages.error(request, _("Hãy lưu nội dung công khai trước, rồi thêm ảnh."))
        return redirect("showcase:manage", initiative.pk)
    photo_form = PhotoForm(request.POST, request.FILES)
    if photo_form.is_valid():
        try:
            services.showcase_photo_add(
                entry=entry,
                by=request.user,
                upload=photo_form.cleaned_data["file"],
                caption=photo_form.cleaned_data["caption"],
            )
        except ValidationError as exc:
            apply_errors(photo_form, exc)
        else:
            messages.success(request, _("Đã thêm ảnh."))
            return redirect(reverse("showcase:manage", args=[initiative.pk]) + "#photos")
    return _manage_page(request, initiative, entry, ShowcaseForm(initial=_entry_initial(entry)), photo_form, status=400)


@login_required
@require_POST
def photo_remove(request, pk: int):
    item = selectors.photo_for_publisher(request.user, pk)
    initiative_id = item.entry.initiative_id
    try:
        services.showcase_photo_remove(photo=item, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã xoá ảnh."))
    return redirect(reverse("showcase:manage", args=[initiative_id]) + "#photos")


# --- Moderation ---------------------------------------------------------------------------------------------------


@login_required
def moderation(request):
    """Citizens' feedback the user moderates (or, for a leader, reads): by default what waits for them."""
    form = ModerationFilterForm(request.GET or None)
    status = selectors.MINE
    if form.is_bound and form.is_valid():
        status = form.cleaned_data["status"] or selectors.MINE
    page = Paginator(selectors.feedback_for_moderation(request.user, status), 25).get_page(request.GET.get("page"))
    scope = scope_for(request.user)
    rows = []
    for item in page.object_list:
        unit_may, bloc_may = services.moderation_rights(scope, item)
        rows.append({"f": item, "unit_may": unit_may, "bloc_may": bloc_may})
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "showcase/moderation.html",
        {
            "form": form,
            "status": status,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "waiting": Feedback.objects.visible_to(request.user).filter(selectors.waiting_for(request.user)).count(),
            "reason_form": ModerateForm(),
            "moderator": scope.is_admin or scope.is_officer,
        },
    )


@login_required
@require_POST
def moderate(request, pk: int):
    item = selectors.feedback_for_user(request.user, pk)
    initiative = item.entry.initiative
    scope = scope_for(request.user)
    if not (scope.officer_of(initiative.unit.path) or may_review(scope, initiative.campaign)):
        raise PermissionDenied
    approve = "approve" in request.POST
    form = ModerateForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else request.POST.get("reason", "")[:1000]
    seen = request.POST.get("seen", "")
    try:
        item = services.feedback_moderate(
            feedback=item,
            by=request.user,
            approve=approve,
            reason=reason,
            expected_status=seen if seen in Feedback.Status.values else None,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        S = Feedback.Status
        done: dict[str, str] = {
            S.PUBLISHED: _("Đã đăng ý kiến lên trang công khai."),
            S.UNIT_APPROVED: _("Đơn vị đã đồng ý; ý kiến chuyển Khối duyệt đăng."),
            S.REJECTED: _("Đã quyết định không đăng ý kiến này."),
        }
        messages.success(request, done.get(item.status, _("Đã ghi nhận.")))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = reverse("showcase:moderation")
    return redirect(target)
