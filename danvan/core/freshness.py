"""Pages kept ready between changes: a reader's page is kept in the shared cache until anything in the database
changes, so that the dashboard, the lists and an initiative's page are worked out once and then served as they are.

- **The data version** is a token in the cache. Every statement that writes (INSERT, UPDATE, DELETE, also those
  of `QuerySet.update` and raw SQL, which send no signal) gives it a new value: at once, so that the writer's own
  next read sees its change, and again when the transaction commits, so that a page another reader worked out
  from the data before the commit is not kept. Only the sessions' and the sign-in guard's tables do not count.
- **A kept page** is found under the data version, today's date, the reader's session, the language, the host and
  the full path (and htmx's headers). Its forms carry tokens of the session's CSRF secret, which is kept with it and
  given back as the reader's cookie should the reader have another (a session has one secret: it is set on the first
  page and changed only by signing in, which starts a new session). A page is kept only when it is a plain 200 with
  no cookie of its own and no message waiting to be shown; it is kept `PAGE_SECONDS` at most.

A shared cache (Redis: `DANVAN_CACHE_URL`) is needed as soon as more than one process serves; without one, on a
production server, pages are not kept (`settings.DANVAN_PAGE_CACHE`).
"""

import hashlib
import re
import secrets
from functools import wraps

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.decorators import login_required
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connections
from django.http import HttpResponse
from django.utils import timezone, translation

VERSION_KEY = "danvan:data-version"
PAGE_SECONDS = 300
# Tables whose writes change no page: sessions (written by signing in and by every session change), the sign-in
# guard's attempts, and the audit log: every sign-in and API call adds an entry, and no kept page (`cached_page`)
# shows the log, which its own page reads uncached.
_QUIET = re.compile(
    r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(?:django_session|axes_|core_auditentry\b)', re.IGNORECASE
)
_WRITE = re.compile(r"^\s*(?:INSERT|UPDATE|DELETE|TRUNCATE|MERGE|COPY)\b", re.IGNORECASE)
_CTE_WRITE = re.compile(r"\b(?:INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
_WATCHED = "_danvan_data_watched"
_BUMPED = "_danvan_bumped_since_read"


def data_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY) or version
    return version


def forget_pages() -> None:
    """A new data version: no page kept so far is served again."""
    cache.set(VERSION_KEY, secrets.token_hex(8), None)


def data_changed(using: str = "default") -> None:
    """Something was written through `using`: no page worked out before stays kept."""
    connection = connections[using]
    if not connection.in_atomic_block:
        forget_pages()
        return
    # At once, for the writer's own next read (once until a page is read again on this connection)…
    if not getattr(connection, _BUMPED, False):
        forget_pages()
        setattr(connection, _BUMPED, True)
    # … and after the commit, for whoever read the data before it (once a transaction).
    if not any(entry[1] is forget_pages for entry in connection.run_on_commit):
        connection.on_commit(forget_pages)


def _is_write(sql) -> bool:
    if not isinstance(sql, str):
        sql = str(sql)
    if _WRITE.match(sql):
        return not _QUIET.match(sql)
    return sql.lstrip()[:4].upper() == "WITH" and bool(_CTE_WRITE.search(sql))


def _watch(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if _is_write(sql):
        data_changed(context["connection"].alias)
    return result


def watch_writes(sender, connection, **kwargs) -> None:
    """`connection_created`: every statement of the new connection goes through `_watch`."""
    if not getattr(connection, _WATCHED, False):
        connection.execute_wrappers.append(_watch)
        setattr(connection, _WATCHED, True)


def _page_key(request) -> str:
    htmx = sorted((k, v) for k, v in request.headers.items() if k.lower().startswith("hx-"))
    parts = (
        settings.SECRET_KEY,  # a new key ends every session: none of their pages is served again
        data_version(),
        timezone.localdate().isoformat(),
        request.session.session_key or "",
        translation.get_language() or "",
        request.get_host(),
        request.scheme,
        request.get_full_path(),
        repr(htmx),
    )
    return "danvan:page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _has_messages(request) -> bool:
    return bool(len(get_messages(request)))


def cached_page(view):
    """Keep the page `view` answers to a signed-in reader's GET until the data changes (see the module's text).

    The page needs a signed-in reader (`login_required` is applied here, inside). A kept page is served from the
    session alone, without reading the user: it was kept for this session under this data version, so the user it
    was worked out for is still signed in to it and unchanged (a change of the user's password, activity or anything
    else written would have given the data version a new value; signing out ends the session)."""
    guarded = login_required(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if (
            not settings.DANVAN_PAGE_CACHE
            or request.method != "GET"
            or not request.session.get(SESSION_KEY)
            or _has_messages(request)
        ):
            return guarded(request, *args, **kwargs)
        for alias in connections:  # a page is read: the next write bumps the version again at once
            if hasattr(connections[alias], _BUMPED):
                setattr(connections[alias], _BUMPED, False)
        key = _page_key(request)
        kept = cache.get(key)
        if kept is not None:
            content, headers, secret = kept
            if secret and request.META.get("CSRF_COOKIE") != secret:
                request.META["CSRF_COOKIE"] = secret
                request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = guarded(request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and request.user.is_authenticated
            and not _has_messages(request)
        ):
            headers = [(k, v) for k, v in response.items() if k.lower() not in {"set-cookie", "vary"}]
            cache.set(key, (response.content, headers, request.META.get("CSRF_COOKIE")), PAGE_SECONDS)
        return response

    return wrapper
