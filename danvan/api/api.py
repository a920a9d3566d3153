"""REST API v1: the same access rules as the pages, one router per app."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import HttpBearer, django_auth

from danvan.api.services import user_for_token
from danvan.core.net import client_address


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        user = user_for_token(token, method=request.method, path=request.path, address=client_address(request))
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="Dân vận khéo API",
    version="1",
    description=_(
        "API của nền tảng quản lý phong trào “Dân vận khéo”. Xác thực bằng mã truy cập cá nhân: "
        "`Authorization: Bearer <mã>`."
    ),
    auth=[BearerToken(), django_auth],
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    """Bad query or body: a Vietnamese message naming the field."""
    problems = []
    for err in exc.errors:
        loc = [str(p) for p in err.get("loc", []) if p not in ("query", "body", "path")]
        field = ".".join(loc) or None
        if err.get("type") == "missing":
            detail = _("Thiếu “%(f)s”: trường này bắt buộc.") % {"f": field}
        else:
            detail = _("Giá trị của “%(f)s” không hợp lệ.") % {"f": field}
        problems.append({"field": field, "detail": detail})
    first = problems[0] if problems else {"field": None, "detail": _("Dữ liệu không hợp lệ.")}
    return api.create_response(request, {**first, "errors": problems}, status=422)


@api.exception_handler(DjangoValidationError)
def on_domain_error(request, exc: DjangoValidationError):
    if hasattr(exc, "error_dict"):
        field, errors = next(iter(exc.error_dict.items()))
        detail = " ".join(str(m) for e in errors for m in e.messages)
        return api.create_response(request, {"detail": detail, "field": field}, status=400)
    return api.create_response(request, {"detail": " ".join(exc.messages), "field": None}, status=400)


@api.exception_handler(OverflowError)
@api.exception_handler(DataError)
def on_out_of_range(request, exc):
    # A number past what the database holds (an id or a page number beyond 64 bits): bad input, not a failure.
    return api.create_response(
        request, {"detail": _("Một giá trị trong yêu cầu vượt quá giới hạn cho phép."), "field": None}, status=400
    )


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(request, {"detail": _("Không tìm thấy."), "field": None}, status=404)


@api.exception_handler(PermissionDenied)
def on_forbidden(request, exc):
    return api.create_response(
        request, {"detail": _("Bạn không có quyền thực hiện thao tác này."), "field": None}, status=403
    )


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    return api.create_response(
        request,
        {"detail": _("Cần đăng nhập hoặc mã truy cập hợp lệ (Authorization: Bearer <mã>)."), "field": None},
        status=401,
    )


api.add_router("/campaigns", "danvan.campaigns.api.router")
api.add_router("/initiatives", "danvan.initiatives.api.router")
api.add_router("", "danvan.progress.api.router")
api.add_router("", "danvan.assessments.api.router")
api.add_router("", "danvan.recognition.api.router")
api.add_router("", "danvan.showcase.api.router")
api.add_router("", "danvan.documents.api.router")
api.add_router("", "danvan.insights.api.router")
api.add_router("", "danvan.documents.import_api.router")
