from django.db import connection


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
