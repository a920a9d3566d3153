from django.contrib.auth.views import redirect_to_login
from django.db import connection
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _


class VietnameseFirstMiddleware:
    """The interface speaks Vietnamese unless the person chose English (language cookie): a browser set to
    English must not switch a Vietnamese party office's screens. Runs before LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class QueryCountMiddleware:
    """Benchmark mode only (settings.DANVAN_BENCH): the number of SQL queries the request ran, in the response's
    `X-Queries` header. A streamed response counts the queries run before it was returned, not while streaming."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Queries"] = str(count)
        return response


class SecondFactorMiddleware:
    """A signed-in person who must still give their second-step code (`danvan.core.twofactor`) reaches only that
    step, signing out, the language switch and the public pages; an API call made with such a session is refused.
    Runs after the session and authentication middleware; reads nothing but the session once that is settled."""

    OPEN = (
        "/accounts/2fa/",
        "/accounts/logout/",
        "/accounts/login/",
        "/i18n/",
        "/static/",
        "/showcase/",
        "/open-data/",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from danvan.core.twofactor import session_needs_code

        path = request.path_info
        if not path.startswith(self.OPEN) and session_needs_code(request):
            if path.startswith("/api/"):
                message = _("Cần nhập mã xác thực hai bước trên trang web trước khi dùng API trong phiên này.")
                return JsonResponse({"detail": message, "field": None}, status=403)
            return redirect_to_login(request.get_full_path(), reverse("second_factor"), "next")
        return self.get_response(request)
