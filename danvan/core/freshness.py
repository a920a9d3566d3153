"""Pages kept ready between changes: a reader's page is kept in the shared cache until what it shows changes, so
that the dashboard, the lists and an initiative's page are worked out once and then served as they are.

- **Data versions** are tokens in the cache. Every statement that writes (INSERT, UPDATE, DELETE, also those of
  `QuerySet.update` and raw SQL, which send no signal) gives a version a new value: at once, so that the writer's own
  next read sees its change, and again when the transaction commits, so that a page another reader worked out from
  the data before the commit is not kept. The sessions', the sign-in guard's and the audit log's tables do not count,
  nor a user's time of last sign-in. There are three kinds of version:
  - **all**: every write. The lists, the dashboard and the review board are kept under it.
  - **an initiative's**: a write inside `concerning(initiative)` to a table whose rows belong to one initiative
    (`OWNED`: its fields, indicators, steps, reports, scores, decisions…) gives a new value to the versions of the
    initiatives named, and of those whose page shows them (the one it continues or its continuations, the original
    of a replication or its copies, an initiative whose near-duplicate it is).
  - **shared**: every other write, except to the tables no initiative's page reads (`UNREAD`: the stored counts,
    the near-duplicate check's counts, reminders, tokens…). A write to an `OWNED` table outside `concerning` is
    shared too: what is not said to concern one initiative concerns them all.
  An initiative's page is kept under the shared version and its own, so a registration in another province or a
  report on another initiative leaves it kept.
- **A kept page** is found under its versions, today's date, the reader's session, the language, the host and the
  full path (and htmx's headers). Its forms carry tokens of the session's CSRF secret, which is kept with it and
  given back as the reader's cookie should the reader have another (a session has one secret: it is set on the first
  page and changed only by signing in, which starts a new session). A page is kept only when it is a plain 200 with
  no cookie of its own and no message waiting to be shown; it is kept `PAGE_SECONDS` at most.

A shared cache (Redis: `DANVAN_CACHE_URL`) is needed as soon as more than one process serves; without one, on a
production server, pages are not kept (`settings.DANVAN_PAGE_CACHE`).
"""

import hashlib
import re
import secrets
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.decorators import login_required
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connections
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone, translation

VERSION_KEY = "danvan:data-version"  # all
SHARED_KEY = "danvan:data-version:shared"
INITIATIVE_KEY = "danvan:data-version:initiative:%d"
PAGE_SECONDS = 300
MANY_INITIATIVES = 1000
# An initiative's version is kept a day after its last use: once gone, a new one is drawn, under which nothing is kept.
INITIATIVE_VERSION_SECONDS = 24 * 3600
# Writes that change no page: sessions (written by signing in and by every session change), the sign-in guard's
# attempts, the audit log (every sign-in and API call adds an entry, and no kept page shows the log, which its own page
# reads uncached) and the time of a user's last sign-in, which no kept page shows.
_QUIET = re.compile(
    r'^\s*(?:(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(?:django_session|axes_|core_auditentry\b)'
    r'|UPDATE\s+"?auth_user"?\s+SET\s+"?last_login"?\s*=\s*(?:%s|NULL)\s+WHERE\b)',
    re.IGNORECASE,
)
_WRITE = re.compile(r"^\s*(?:INSERT|UPDATE|DELETE|TRUNCATE|MERGE|COPY)\b", re.IGNORECASE)
_CTE_WRITE = re.compile(r"\b(?:INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
_TABLE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)

# Tables whose every row belongs to one initiative and is shown, if at all, on its page (or on the pages that show it:
# see `_shown_with`). A write to them inside `concerning(...)` changes the pages of the initiatives named there only.
OWNED = frozenset(
    {
        "initiatives_initiative",
        "initiatives_initiative_fields",
        "initiatives_indicator",
        "initiatives_attachment",
        "initiatives_initiativeevent",
        "progress_progressreport",
        "progress_indicatorvalue",
        "progress_evidence",
        "assessments_assignment",
        "assessments_assessment",
        "assessments_score",
        "assessments_assessmentphoto",
        "recognition_shortlistentry",
        "recognition_commendationentry",
        "recognition_replication",
        "recognition_textfingerprint",
    }
)
# Tables no initiative's page reads (`tests/core/test_freshness.py` checks it against the queries of the pages): a
# write to them changes the lists and the dashboard only.
UNREAD = frozenset(
    {
        "insights_tally",
        "insights_fieldtally",
        "insights_unittally",
        "insights_reporttally",
        "insights_indicatortally",
        "insights_flagtally",
        "recognition_shinglecount",
        "progress_reportreminder",
        "documents_importbatch",
        "api_apitoken",
        "showcase_feedback",
        "django_admin_log",
    }
)
_WATCHED = "_danvan_data_watched"
_BUMPED = "_danvan_bumped_since_read"
_SHARED_BUMPED = "_danvan_shared_bumped_since_read"
_ABOUT = "_danvan_concerning"


def _version(key: str, timeout: int | None = None) -> str:
    version = cache.get(key)
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(key, version, timeout):
            version = cache.get(key) or version
    return version


def data_version() -> str:
    """The version of all the data: new with every write."""
    return _version(VERSION_KEY)


def initiative_versions(pk: int) -> tuple[str, str]:
    """The versions an initiative's page is kept under: the shared one and the initiative's own (one round trip)."""
    own = INITIATIVE_KEY % pk
    found = cache.get_many([SHARED_KEY, own])
    shared = found.get(SHARED_KEY) or _version(SHARED_KEY)
    mine = found.get(own) or _version(own, INITIATIVE_VERSION_SECONDS)
    return shared, mine


def _forget_all() -> None:
    cache.set(VERSION_KEY, secrets.token_hex(8), None)


def _forget_shared() -> None:
    cache.set(SHARED_KEY, secrets.token_hex(8), None)


def forget_pages() -> None:
    """New versions: no page kept so far is served again."""
    cache.set_many({VERSION_KEY: secrets.token_hex(8), SHARED_KEY: secrets.token_hex(8)}, None)


def _forget_initiatives(ids: Iterable[int]) -> None:
    cache.set_many({INITIATIVE_KEY % pk: secrets.token_hex(8) for pk in ids}, INITIATIVE_VERSION_SECONDS)


def _changed(connection, forget, flag: str) -> None:
    if not connection.in_atomic_block:
        forget()
        return
    # At once, for the writer's own next read (once until a page is read again on this connection)…
    if not getattr(connection, flag, False):
        forget()
        setattr(connection, flag, True)
    # … and after the commit, for whoever read the data before it (once a transaction).
    if not any(entry[1] is forget for entry in connection.run_on_commit):
        connection.on_commit(forget)


def data_changed(using: str = "default") -> None:
    """Something was written through `using`: no page worked out before stays kept."""
    connection = connections[using]
    _changed(connection, _forget_all, _BUMPED)
    _changed(connection, _forget_shared, _SHARED_BUMPED)


def _shown_with(changed: set[int], using: str) -> set[int]:
    """The initiatives whose page shows one of these: the one each continues and its continuations, the original of
    a replication and its copies, and those whose near-duplicate it is."""
    Initiative = apps.get_model("initiatives", "Initiative")
    Replication = apps.get_model("recognition", "Replication")
    TextFingerprint = apps.get_model("recognition", "TextFingerprint")
    ids = sorted(changed)
    pairs = Initiative.objects.using(using).filter(pk__in=ids, carried_over_from__isnull=False)
    found = set(pairs.values_list("carried_over_from_id", flat=True))
    found |= set(Initiative.objects.using(using).filter(carried_over_from__in=ids).values_list("pk", flat=True))
    for original, copy in (
        Replication.objects.using(using)
        .filter(Q(original__in=ids) | Q(copy__in=ids))
        .values_list("original_id", "copy_id")
    ):
        found |= {original, copy}
    found |= set(TextFingerprint.objects.using(using).filter(duplicate_of__in=ids).values_list("pk", flat=True))
    return found


def initiatives_changed(ids: Iterable[int], using: str = "default") -> None:
    """These initiatives changed: their pages, and the pages that show them, are not served again as kept."""
    ids = {int(pk) for pk in ids}
    if not ids:
        return
    connection = connections[using]
    if len(ids) > MANY_INITIATIVES:  # a bulk change: cheaper to let every initiative's page go
        _changed(connection, _forget_shared, _SHARED_BUMPED)
        return

    def forget() -> None:
        _forget_initiatives(ids | _shown_with(ids, using))

    forget()
    if connection.in_atomic_block:
        connection.on_commit(forget)


class Concerning:
    """What a `concerning` block is about: the initiatives named, whether one of their tables was written, and
    whether something it concerned could not be named (then it may have concerned any initiative)."""

    def __init__(self, ids: Iterable[int]) -> None:
        self.ids = {int(pk) for pk in ids if pk is not None}
        self.written = False
        self.unknown = False

    def add(self, *initiatives) -> None:
        """An initiative created in the block (its id is known only once it is saved)."""
        self.ids |= {_pk(i) for i in initiatives}


def _pk(initiative) -> int:
    return int(getattr(initiative, "pk", initiative))


@contextmanager
def concerning(*initiatives, using: str = "default"):
    """The writes of this block to the tables of `OWNED` concern only these initiatives (ids or objects; one created in
    the block is added with `.add`): their pages, and those that show them, are not served again as kept; other
    initiatives' pages stay kept. Writes to other tables count as they do anywhere. When the block ends (and again when
    its transaction commits) the versions change. A block within another adds to the outer one."""
    connection = connections[using]
    outer = getattr(connection, _ABOUT, None)
    about = Concerning(_pk(i) for i in initiatives if i is not None)
    setattr(connection, _ABOUT, about)
    try:
        yield about
    finally:
        setattr(connection, _ABOUT, outer)
        # Nothing named (or something that could not be): it may have concerned any of them.
        unknown = about.unknown or (about.written and not about.ids)
        if outer is not None:
            outer.ids |= about.ids
            outer.written |= about.written
            outer.unknown |= unknown
        elif unknown:
            _changed(connection, _forget_shared, _SHARED_BUMPED)
        elif about.written:
            initiatives_changed(about.ids, using)


def initiative_of(thing) -> int | None:
    """The initiative an object belongs to: an initiative, its id, or a row of its (a report, a scoring, an
    attachment, a piece of evidence, a scoring's photo, an assignment)."""
    if thing is None or isinstance(thing, int):
        return thing
    if thing._meta.label_lower == "initiatives.initiative":
        return thing.pk
    if hasattr(thing, "initiative_id"):
        return thing.initiative_id
    for via in ("report", "assessment"):  # evidence, a scoring's photo
        if hasattr(thing, f"{via}_id"):
            return getattr(thing, via).initiative_id
    return None


def concerns(*names: str):
    """A service whose writes concern only the initiatives of its keyword arguments `names` (each an initiative, an
    id, a row of one — see `initiative_of` — or a list of them) and the one of the row it answers, if any: it runs
    in `concerning(...)`."""

    def decorate(service):
        @wraps(service)
        def wrapper(*args, **kwargs):
            named = []
            for name in names:
                value = kwargs.get(name)
                if value is None or isinstance(value, int) or hasattr(value, "_meta"):
                    named.append(value)
                else:  # a list, a query set, a generator: read once, and given on as a list
                    kwargs[name] = value = list(value)
                    named.extend(value)
            ids = [initiative_of(thing) for thing in named]
            with concerning(*ids) as about:
                # A row whose initiative cannot be told (no `initiative_of`): any initiative may be concerned.
                about.unknown = any(pk is None and thing is not None for pk, thing in zip(ids, named, strict=True))
                answer = service(*args, **kwargs)
                if hasattr(answer, "_meta"):
                    about.add(*[pk for pk in [initiative_of(answer)] if pk is not None])
            return answer

        return wrapper

    return decorate


def _is_write(sql) -> bool:
    if not isinstance(sql, str):
        sql = str(sql)
    if _WRITE.match(sql):
        return not _QUIET.match(sql)
    return sql.lstrip()[:4].upper() == "WITH" and bool(_CTE_WRITE.search(sql))


def _written(connection, sql) -> None:
    match = _TABLE.match(sql if isinstance(sql, str) else str(sql))
    table_written(match.group(1).lower() if match else None, connection)


def table_written(table: str | None, connection=None) -> None:
    """A write to `table` (None: unknown) through `connection` (the default one if not given): what `_watch` does
    for a statement, for the writes it does not see (COPY, `core.bulk.insert_rows`)."""
    connection = connection or connections["default"]
    _changed(connection, _forget_all, _BUMPED)
    if table in UNREAD:
        return
    about = getattr(connection, _ABOUT, None)
    if about is not None and table in OWNED:
        about.written = True
    else:
        _changed(connection, _forget_shared, _SHARED_BUMPED)


def _watch(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if _is_write(sql):
        _written(context["connection"], sql)
    return result


def watch_writes(sender, connection, **kwargs) -> None:
    """`connection_created`: every statement of the new connection goes through `_watch`."""
    if not getattr(connection, _WATCHED, False):
        connection.execute_wrappers.append(_watch)
        setattr(connection, _WATCHED, True)


def _page_key(request, versions: tuple[str, ...]) -> str:
    htmx = sorted((k, v) for k, v in request.headers.items() if k.lower().startswith("hx-"))
    parts = (
        settings.SECRET_KEY,  # a new key ends every session: none of their pages is served again
        *versions,
        timezone.localdate().isoformat(),
        request.session.session_key or "",
        translation.get_language() or "",
        request.get_host(),
        request.scheme,
        request.get_full_path(),
        repr(htmx),
    )
    return "danvan:page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


# Set while a page is worked out when it read data the versions do not follow: it is served, not kept.
_NOT_KEPT: ContextVar[bool] = ContextVar("danvan_page_not_kept", default=False)


def do_not_keep() -> None:
    """The page being worked out shows something read where the versions do not look (e.g. the near-duplicate check's
    counts, in `UNREAD`, when an initiative has no stored result yet): serve it, do not keep it."""
    _NOT_KEPT.set(True)


def _has_messages(request) -> bool:
    return bool(len(get_messages(request)))


def all_versions(request, *args, **kwargs) -> tuple[str, ...]:
    return (data_version(),)


def cached_page(view=None, *, versions=all_versions):
    """Keep the page `view` answers to a signed-in reader's GET until the data changes (see the module's text):
    `versions(request, *args, **kwargs)` are the versions it is kept under, all the data's by default
    (`@cached_page(versions=lambda request, pk: initiative_versions(pk))` for an initiative's page).

    The page needs a signed-in reader (`login_required` is applied here, inside). A kept page is served from the
    session alone, without reading the user: it was kept for this session under this data version, so the user it
    was worked out for is still signed in to it and unchanged (a change of the user's password, activity or anything
    else written would have given the shared and all versions a new value; signing out ends the session)."""
    if view is None:
        return lambda view: cached_page(view, versions=versions)
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
        for alias in connections:  # a page is read: the next write bumps the versions again at once
            for flag in (_BUMPED, _SHARED_BUMPED):
                if hasattr(connections[alias], flag):
                    setattr(connections[alias], flag, False)
        key = _page_key(request, versions(request, *args, **kwargs))
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
        reset = _NOT_KEPT.set(False)
        try:
            response = guarded(request, *args, **kwargs)
            keep = not _NOT_KEPT.get()
        finally:
            _NOT_KEPT.reset(reset)
        if (
            keep
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and request.user.is_authenticated
            and not _has_messages(request)
        ):
            headers = [(k, v) for k, v in response.items() if k.lower() not in {"set-cookie", "vary"}]
            cache.set(key, (response.content, headers, request.META.get("CSRF_COOKIE")), PAGE_SECONDS)
        return response

    return wrapper
