import base64
import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.access import scope_for
from danvan.core.forms import apply_errors, error_text
from danvan.initiatives.models import Initiative
from danvan.orgs import services
from danvan.orgs.forms import ImportForm, OrganizationForm, PersonForm
from danvan.orgs.models import Membership, Organization
from danvan.orgs.selectors import locked_accounts, organization_for_user
from danvan.recognition.selectors import honours_by_year


@login_required
def organization_list(request):
    orgs = Organization.objects.visible_to(request.user).annotate(
        n_initiatives=Count("initiatives", filter=Q(initiatives__status__in=Initiative.REGISTERED_STATUSES))
    )
    return render(request, "orgs/list.html", {"orgs": orgs, "can_edit": scope_for(request.user).is_admin})


@login_required
def organization_detail(request, pk: int):
    """A unit's page: where it sits, its cells, its people and its initiatives over the years."""
    org, can_edit = organization_for_user(request.user, pk)
    initiatives = (
        Initiative.objects.visible_to(request.user)
        .filter(unit__path__startswith=org.path)
        .select_related("campaign", "unit")
        .order_by("-campaign__year", "unit__path", "id")
    )
    children = Organization.objects.visible_to(request.user).filter(parent=org)
    officers = Membership.objects.filter(organization=org).select_related("user")
    return render(
        request,
        "orgs/detail.html",
        {
            "org": org,
            "can_edit": can_edit,
            "ancestors": org.ancestors().filter(pk__in=Organization.objects.visible_to(request.user).values("pk")),
            "children": children,
            "officers": officers,
            "initiatives": initiatives,
            "person_form": PersonForm() if can_edit else None,
            "honours": honours_by_year(org),
        },
    )


def _parents(user):
    scope = scope_for(user)
    if not scope.is_admin:
        raise PermissionDenied
    return Organization.objects.filter(scope.q_administered())


@login_required
def organization_create(request):
    parents = _parents(request.user)
    form = OrganizationForm(request.POST or None, parents=parents, initial={"parent": request.GET.get("parent")})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            org = services.organization_create(
                code=d["code"],
                name=d["name"],
                kind=d["kind"],
                parent=d["parent"],
                email=d["email"],
                by=request.user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã thêm đơn vị “%(name)s”.") % {"name": org.name})
            return redirect("orgs:detail", org.pk)
    return render(request, "orgs/form.html", {"form": form, "org": None}, status=400 if form.errors else 200)


@login_required
def organization_edit(request, pk: int):
    org, _can = organization_for_user(request.user, pk, write=True)
    parents = _parents(request.user).exclude(path__startswith=org.path)
    initial = {k: getattr(org, k) for k in ("code", "name", "kind", "parent", "email", "is_active", "version")}
    form = OrganizationForm(request.POST or None, parents=parents, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        version = d.pop("version")
        try:
            services.organization_update(org=org, by=request.user, expected_version=version, **d)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu đơn vị."))
            return redirect("orgs:detail", org.pk)
    return render(request, "orgs/form.html", {"form": form, "org": org}, status=400 if form.errors else 200)


@login_required
def organization_import(request):
    """Create or update units from a sheet in two steps: the upload shows what every row would do (or every
    problem by row and column) and writes nothing; "Nhập" then writes all rows or none."""
    _parents(request.user)
    if request.method == "POST" and request.POST.get("action") == "apply":
        return _import_apply(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems, preview = [], None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            rows = services.read_sheet(upload.name, content)
            preview = services.organizations_import(rows=rows, by=request.user, dry_run=True)
        except services.ImportRefused as exc:
            problems = exc.problems
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            # The checked file waits in the session for the confirmation (a browser cannot post a file twice).
            request.session[IMPORT_KEY] = {
                "name": upload.name,
                "content": base64.b64encode(content).decode(),
                "sha256": hashlib.sha256(content).hexdigest(),
                # The units as previewed: one created or changed since then refuses the import.
                "versions": preview["versions"],
            }
    kinds = dict(Organization.Kind.choices)
    return render(
        request,
        "orgs/import.html",
        {"form": form, "problems": problems, "preview": preview, "kinds": kinds},
        status=400 if problems or form.errors else 200,
    )


IMPORT_KEY = "orgs_import"


def _import_apply(request):
    kept = request.session.get(IMPORT_KEY)
    if not kept or kept.get("sha256") != request.POST.get("sha256"):
        messages.error(request, _("Không còn tệp đã xem trước. Hãy tải tệp lên lại."))
        return redirect("orgs:import")
    content = base64.b64decode(kept["content"])
    try:
        rows = services.read_sheet(kept["name"], content)
        result = services.organizations_import(rows=rows, by=request.user, expected_versions=kept.get("versions"))
    except (services.ImportRefused, ValidationError) as exc:
        # Someone changed the tree since the preview: say what, and show the file's problems again on a new upload.
        detail = exc.messages if isinstance(exc, ValidationError) else []
        messages.error(
            request,
            " ".join([_("Dữ liệu đã thay đổi từ lúc xem trước; chưa có gì được ghi. Hãy tải tệp lên lại."), *detail]),
        )
        return redirect("orgs:import")
    finally:
        request.session.pop(IMPORT_KEY, None)
    messages.success(
        request,
        _("Đã nhập danh sách: %(c)s đơn vị mới, %(u)s đơn vị cập nhật.")
        % {"c": result["created"], "u": result["updated"]},
    )
    return redirect("orgs:list")


@login_required
def import_template(request):
    _parents(request.user)
    body = "\ufeffma,ten,loai,ma_cap_tren,email\nDB-VD,Đảng bộ Sở Ví dụ,base_committee,DUK-HP,\n"
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-don-vi.csv"'
    return response


@login_required
@require_POST
def person_add(request, pk: int):
    org, _can = organization_for_user(request.user, pk, write=True)
    form = PersonForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            membership, password = services.person_add(
                organization=org,
                username=d["username"],
                role=d["role"],
                full_name=d["full_name"],
                email=d["email"],
                by=request.user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if password:
                messages.success(
                    request,
                    _(
                        "Đã tạo tài khoản “%(u)s” với mật khẩu tạm: %(p)s — hãy trao tận tay và nhắc đổi mật khẩu "
                        "ngay lần đăng nhập đầu."
                    )
                    % {"u": membership.user.username, "p": password},
                )
            else:
                messages.success(request, _("Đã giao vai trò cho “%(u)s”.") % {"u": membership.user.username})
            return redirect("orgs:detail", org.pk)
    messages.error(request, error_text(form))
    return redirect("orgs:detail", org.pk)


@login_required
@require_POST
def person_remove(request, pk: int, membership_pk: int):
    org, _can = organization_for_user(request.user, pk, write=True)
    membership = get_object_or_404(
        Membership.objects.select_related("user", "organization"), pk=membership_pk, organization=org
    )
    services.membership_revoke(membership=membership, by=request.user)
    messages.success(
        request,
        _("Đã bỏ vai trò “%(r)s” của “%(u)s”.") % {"r": membership.get_role_display(), "u": membership.user.username},
    )
    return redirect("orgs:detail", org.pk)


@login_required
def lockouts(request):
    """Accounts locked out of signing in after repeated failures, for their administrators to unlock."""
    if not scope_for(request.user).is_admin:
        raise PermissionDenied
    return render(
        request,
        "orgs/lockouts.html",
        {
            "locks": locked_accounts(request.user),
            "limit": settings.AXES_FAILURE_LIMIT,
            "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
    )


@login_required
@require_POST
def lockout_unlock(request):
    if not scope_for(request.user).is_admin:
        raise PermissionDenied
    username = request.POST.get("username", "")
    try:
        services.account_unlock(username=username, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã mở khóa đăng nhập cho “%(u)s”.") % {"u": username})
    return redirect("orgs:lockouts")
