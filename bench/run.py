"""`make bench`: the application served by gunicorn (production settings, several sync workers) against the
data in DATABASE_URL (PostgreSQL), driven over loopback by a separate load process (bench/load.py) for a fixed
number of requests per scenario. Prints a table and writes bench/results/<YYYYMMDD-HHMM>-<N>.json.

Run with the project's Python: `.venv/bin/python bench/run.py` (see bench/README.md for the options).
The exit status is non-zero when any request of any scenario failed or a scenario could not be run.
"""

import io
import json
import os
import platform
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench" / "results"
LOAD = BASE_DIR / "bench" / "load.py"
sys.path.insert(0, str(BASE_DIR))


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        sys.exit(f"bench: {name}={value!r} is not a whole number")
    if number < 1:
        sys.exit(f"bench: {name} must be at least 1")
    return number


REQUESTS = env_int("BENCH_REQUESTS", 300)  # per page scenario (and per reference)
EXPORTS = env_int("BENCH_EXPORTS", 3)
IMPORTS = env_int("BENCH_IMPORTS", 1)
WORKERS = env_int("BENCH_WORKERS", 3)
CONCURRENCY = env_int("BENCH_CONCURRENCY", 2 * WORKERS)
PORT = env_int("BENCH_PORT", 0)  # 0: a free port
SEED = env_int("BENCH_SEED", 2017)
# Optional: stop sending a page scenario's requests after this many seconds (0: never; the count decides).
MAX_SECONDS = int(os.environ.get("BENCH_MAX_SECONDS", "0") or 0)
EXPORT_ROWS = 100_000  # the export scenario's target size; the filter closest to it is chosen
IMPORT_ROWS = env_int("BENCH_IMPORT_ROWS", 10_000)
DETAIL_SAMPLE = 200  # initiatives opened in turn by the initiative_detail scenario
# Changes to other initiatives a second while the initiative pages are read again (their pages are not dropped).
WRITES_PER_SECOND = env_int("BENCH_WRITES_PER_SECOND", 20)
SEARCH_PHRASES = ("van dong nhan dan", "giup", "tro giup phap ly", "dan van")
TIMEOUT = 600  # seconds a worker may spend on one request (gunicorn --timeout), and the client waits

PAGE_SCENARIOS = (
    "dashboard_national",
    "dashboard_province",
    "initiative_list",
    "search",
    "initiative_detail",
    "review_board",
)
SCENARIOS = (*PAGE_SCENARIOS, "export_xlsx_100k", "import_10k")
# Optional: only these scenarios (comma-separated names); the two references always run.
ONLY = [name.strip() for name in os.environ.get("BENCH_ONLY", "").split(",") if name.strip()]

# The server's environment: production settings as the README's deployment section sets them, served over
# plain HTTP on loopback; the load driver sends `X-Forwarded-Proto: https` as the TLS proxy in front would.
SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "danvan.settings",
    "DANVAN_PRODUCTION": "1",
    "DJANGO_SECRET_KEY": "bench-" + secrets.token_urlsafe(48),  # new each run: the minted sessions die with it
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_DEBUG": "0",
    "DANVAN_DEMO": "0",
    "DANVAN_BENCH": "1",
    "DANVAN_LOG_LEVEL": "WARNING",
    # The shared cache of the deployment section (sessions, kept pages), under a prefix of its own each run: every
    # run starts with nothing kept.
    "DANVAN_CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/0"),
    "DANVAN_CACHE_PREFIX": "bench-" + secrets.token_hex(6),
}
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "danvan-bench"}


def say(*parts) -> None:
    print(*parts, flush=True)


# ---- Checks and the description of the machine ---------------------------------------------------------------


def check_database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        sys.exit(
            "bench: DATABASE_URL must point to PostgreSQL, e.g. "
            "DATABASE_URL=postgres://postgres@127.0.0.1:5432/danvan_bench (got "
            f"{url or 'nothing'}). Load data first: manage.py migrate, then generate_national or load_demo."
        )
    return url


def check_cache_url(url: str) -> None:
    """The shared cache (Redis) must answer: the workers keep sessions and pages there."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=3) as sock:
            sock.sendall(b"PING\r\n")
            answer = sock.recv(64)
    except OSError as error:
        sys.exit(f"bench: the cache at {url} does not answer ({error}). Start Redis or set BENCH_CACHE_URL.")
    if not answer.startswith(b"+PONG"):
        sys.exit(f"bench: {url} did not answer PING as Redis does ({answer[:40]!r}).")


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _line(path: str, start: str, sep: str) -> str:
    """The value of the first line of a /proc or /etc file that starts with `start`."""
    for line in _read(path).splitlines():
        if line.startswith(start):
            return line.split(sep, 1)[1].strip().strip('"')
    return ""


def machine() -> str:
    cpu = _line("/proc/cpuinfo", "model name", ":") or platform.processor() or platform.machine()
    mem_kb = int((_line("/proc/meminfo", "MemTotal", ":") or "0 kB").split()[0])
    os_name = _line("/etc/os-release", "PRETTY_NAME=", "=") or platform.system()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem_kb / 1024 / 1024:.1f} GB RAM, {os_name} (Linux {platform.release()}), "
        f"Python {platform.python_version()}, PostgreSQL {pg}"
    )


def commit() -> str:
    """The checked-out commit, read from .git's files (no git command)."""
    git = BASE_DIR / ".git"
    if git.is_file():  # a worktree: "gitdir: <path>"
        git = Path(git.read_text().split(":", 1)[1].strip())
    head = _read(str(git / "HEAD")).strip()
    if not head.startswith("ref:"):
        return head
    ref = head.split(":", 1)[1].strip()
    for base in (git, Path(_read(str(git / "commondir")).strip() or ".")):
        base = base if base.is_absolute() else git / base
        value = _read(str(base / ref)).strip()
        if value:
            return value
        for line in _read(str(base / "packed-refs")).splitlines():
            if line.endswith(" " + ref):
                return line.split()[0]
    return ""


# ---- What to ask for: personas, sessions, the chosen campaign, province, initiatives, files ------------------


@dataclass
class Plan:
    initiatives: int
    cookies: dict[str, str]  # persona -> Cookie header
    paths: dict[str, list[str]]  # scenario -> paths taken in turn
    warmup: dict[str, list[str]] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    who: dict[str, str] = field(default_factory=dict)  # scenario -> persona
    notes: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    import_job: dict = field(default_factory=dict)
    token: str = ""


def _persona(username: str, *, organization=None, role: str = "", superuser: bool = False):
    from django.contrib.auth import get_user_model

    from danvan.orgs.services import membership_grant

    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": "Bench", "last_name": username}
    )
    if created:
        user.set_unusable_password()
    if superuser and not (user.is_staff and user.is_superuser):
        user.is_staff = user.is_superuser = True
        created = True
    if created:
        user.save()
    if organization is not None:
        membership_grant(user=user, organization=organization, role=role, by=None)
    return user


def _session_cookie(user) -> str:
    """A signed-in session for `user`, minted directly in the session store: no password, no login page, and verified
    with a second-step device of theirs, as the second step leaves it (administrators must give a code)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def _counts_by_prefix(candidates) -> dict[int, int]:
    """Initiatives under each candidate organisation, in one grouped query."""
    from django.db.models import Count

    from danvan.initiatives.models import Initiative

    per_path = Initiative.objects.order_by().values_list("unit__path").annotate(n=Count("id"))
    counts = dict.fromkeys((c.pk for c in candidates), 0)
    for path, n in per_path:
        for c in candidates:
            if path.startswith(c.path):
                counts[c.pk] += n
    return counts


def _import_sheet(campaign, units_room: list[tuple[str, int]], rows: int, tag: str) -> bytes:
    """A filled-in import template: `rows` registrations spread over units with room under the quota."""
    from django.utils import translation
    from openpyxl import Workbook

    from danvan.documents.services import COLUMNS
    from danvan.initiatives.models import Initiative

    with translation.override("vi"):
        kinds = [str(label) for _value, label in Initiative.Kind.choices]
        headers = [str(c.label) for c in COLUMNS]
    field_codes = list(campaign.fields.order_by("position", "id").values_list("code", flat=True))
    year = campaign.year
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Mô hình")
    ws.append(headers)
    n = 0
    for code, room in units_room:
        for _k in range(room):
            if n >= rows:
                break
            n += 1
            values = {
                "unit": code,
                "title": f"Mô hình thử tải {tag} số {n}: vận động nhân dân giữ gìn vệ sinh môi trường khu dân cư",
                "kind": kinds[n % len(kinds)],
                "fields": "; ".join(field_codes[(n + j) % len(field_codes)] for j in range(min(2, len(field_codes)))),
                "situation": "Khu dân cư còn tình trạng xả rác không đúng nơi quy định, người dân chưa đồng thuận.",
                "goals": "100% hộ gia đình ký cam kết; giảm 80% điểm tập kết rác tự phát trong năm.",
                "method": "Tổ tuyên truyền đến từng hộ; họp dân hằng tháng; biểu dương hộ gương mẫu.",
                "area": "Khu dân cư số 3",
                "target_groups": "Hộ gia đình, hộ kinh doanh trong khu dân cư.",
                "beneficiaries": "Nhân dân khu dân cư.",
                "implementers": "Chi bộ chủ trì; Mặt trận, Hội Phụ nữ, Đoàn Thanh niên phối hợp.",
                "starts_on": f"15/04/{year}",
                "ends_on": f"30/11/{year}",
                "indicator": "Số hộ ký cam kết",
                "indicator_unit": "hộ",
                "indicator_target": "1.250",
            }
            ws.append([values.get(c.key, "") for c in COLUMNS])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def prepare() -> Plan:
    from django.db.models import Count
    from django.utils import timezone

    from danvan.campaigns.models import Campaign
    from danvan.documents.services import registrable_units
    from danvan.initiatives.models import Initiative
    from danvan.initiatives.selectors import filter_initiatives
    from danvan.orgs.models import Membership, Organization

    total = Initiative.objects.count()
    if not total:
        sys.exit("bench: the database has no initiative. Load data first (generate_national or load_demo).")

    # The central node: the one of kind "central", else the root with the most initiatives below it.
    centrals = Organization.objects.filter(kind=Organization.Kind.CENTRAL, is_active=True)
    central = centrals.order_by("depth", "pk").first()
    if central is None:
        roots = list(Organization.objects.filter(parent__isnull=True).exclude(kind=Organization.Kind.PARTNER))
        counts = _counts_by_prefix(roots)
        central = max(roots, key=lambda o: counts[o.pk])
    # The province: a province committee with the most initiatives, else the biggest child of the central node.
    provinces = list(Organization.objects.filter(kind=Organization.Kind.PROVINCE, path__startswith=central.path))
    if not provinces:
        provinces = list(central.children.exclude(kind=Organization.Kind.PARTNER))
    counts = _counts_by_prefix(provinces)
    province = max(provinces, key=lambda o: (counts[o.pk], -o.pk))

    national = _persona("bench.national", organization=central, role=Membership.Role.ADMIN)
    leader = _persona("bench.province", organization=province, role=Membership.Role.LEADER)
    superuser = _persona("bench.superuser", superuser=True)
    users = {"national": national, "province": leader, "superuser": superuser}
    plan = Plan(
        initiatives=total,
        cookies={name: _session_cookie(user) for name, user in users.items()},
        paths={},
    )

    # The campaign: the closed one with the most initiatives (the latest of equals).
    campaigns = Campaign.objects.visible_to(national).annotate(n=Count("initiatives"))
    campaign = (
        campaigns.filter(status=Campaign.Status.CLOSED).order_by("-n", "-year", "-pk").first()
        or campaigns.exclude(status=Campaign.Status.DRAFT).order_by("-n", "-year", "-pk").first()
    )
    if campaign is None:
        sys.exit("bench: no launched or closed campaign to measure.")
    if campaign.status != Campaign.Status.CLOSED:
        plan.notes.append(f"no closed campaign: measuring the launched campaign {campaign.year} instead")
    c = campaign.pk
    plan.notes.append(
        f"campaign {c} ({campaign.year}, {campaign.n} initiatives); province {province.code} "
        f"({counts[province.pk]} initiatives); central node {central.code}"
    )

    plan.paths["bare"] = ["/bench/bare/"]
    plan.paths["admin_list"] = [f"/admin/initiatives/initiative/?campaign__id__exact={c}&kind__exact=collective"]
    plan.paths["dashboard_national"] = [f"/statistics/?campaign={c}"]
    plan.paths["dashboard_province"] = [f"/statistics/?campaign={c}"]
    plan.paths["initiative_list"] = [f"/initiatives/?campaign={c}&kind=collective"]
    plan.paths["review_board"] = [f"/review/campaigns/{c}/"]
    plan.who = {
        "bare": "",
        "admin_list": "superuser",
        "dashboard_national": "national",
        "dashboard_province": "province",
        "initiative_list": "national",
        "search": "national",
        "initiative_detail": "national",
        "review_board": "province",
        "export_xlsx_100k": "national",
    }

    phrase = next((p for p in SEARCH_PHRASES if filter_initiatives(national, q=p).exists()), None)
    if phrase is None:
        plan.skipped["search"] = f"none of {SEARCH_PHRASES} matches an initiative"
    else:
        plan.paths["search"] = ["/initiatives/?" + urlencode({"q": phrase})]
        plan.notes.append(f"search: “{phrase}” ({filter_initiatives(national, q=phrase).count()} matches)")

    ids = list(Initiative.objects.visible_to(national).order_by("pk").values_list("pk", flat=True))
    sample = random.Random(SEED).sample(ids, min(DETAIL_SAMPLE, len(ids)))
    plan.paths["initiative_detail"] = [f"/initiatives/{pk}/" for pk in sample]

    # The export: the filter whose row count is closest to 100,000 (one campaign at a million initiatives).
    options = [({"campaign": x.pk}, filter_initiatives(national, campaign=x.pk).count()) for x in campaigns]
    options.append(({}, filter_initiatives(national).count()))
    criteria, rows = min(((o, n) for o, n in options if n), key=lambda p: (abs(p[1] - EXPORT_ROWS), -p[1]))
    plan.paths["export_xlsx_100k"] = ["/documents/initiatives.xlsx" + ("?" + urlencode(criteria) if criteria else "")]
    plan.rows["export_xlsx_100k"] = rows
    small = filter_initiatives(national, **criteria).values_list("unit_id", flat=True).first()
    plan.warmup["export_xlsx_100k"] = [f"/documents/initiatives.xlsx?{urlencode({**criteria, 'unit': small})}"]
    plan.notes.append(f"export: {plan.paths['export_xlsx_100k'][0]} ({rows} rows)")

    # The import: the launched campaign whose registration window is open today, into units with room.
    today = timezone.localdate()
    open_campaigns = [
        x
        for x in Campaign.objects.visible_to(national).filter(status=Campaign.Status.LAUNCHED).order_by("-year", "-pk")
        if x.registration_open_on(today)
    ]
    if not open_campaigns:
        plan.skipped["import_10k"] = (
            f"no launched campaign has its registration window open today ({today:%d/%m/%Y}): "
            "nothing can be imported. Open one (the campaign's page) or regenerate the data."
        )
    else:
        target = open_campaigns[0]
        used = dict(
            Initiative.objects.filter(campaign=target)
            .exclude(status=Initiative.Status.WITHDRAWN)
            .order_by()
            .values_list("unit_id")
            .annotate(n=Count("id"))
        )
        units_room = [
            (u.code, target.quota_max - used.get(u.pk, 0))
            for u in registrable_units(national, target).only("pk", "code")
            if target.quota_max > used.get(u.pk, 0)
        ]
        room = sum(r for _code, r in units_room)
        rows = min(IMPORT_ROWS, room)
        if not rows:
            plan.skipped["import_10k"] = f"campaign {target.pk}: every unit has reached its quota"
        else:
            if rows < IMPORT_ROWS:
                plan.notes.append(f"import: the units' quotas leave room for {rows} rows only, not {IMPORT_ROWS}")
            plan.rows["import_10k"] = rows
            plan.import_job = {"campaign": target.pk, "rows": rows, "units_room": units_room}
            plan.token = _api_token(national.username)
            plan.notes.append(f"import: {rows} rows into campaign {target.pk} ({target.year}), {len(units_room)} units")
    return plan


def _api_token(username: str) -> str:
    out = subprocess.run(
        [sys.executable, "manage.py", "create_api_token", username],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return out[-1]


def cleanup_import(created_ids: list[int]) -> None:
    """The imported drafts are deleted again (with their import batches), so that the data and the units'
    quotas are the same for the next run. Their audit entries stay: the audit log is append-only."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.db.models.signals import post_delete, pre_delete

    from danvan.documents.models import ImportBatch
    from danvan.initiatives.models import Initiative
    from danvan.insights import tally

    drafts = Initiative.objects.filter(status=Initiative.Status.DRAFT)
    with transaction.atomic():
        places: dict[int, set[int]] = {}
        for start in range(0, len(created_ids), 2000):
            part = drafts.filter(pk__in=created_ids[start : start + 2000])
            for campaign, unit in part.values_list("campaign_id", "unit_id").distinct():
                places.setdefault(campaign, set()).add(unit)
        # One delete of them all, then one refresh of the stored counts per campaign: the per-row receivers
        # (stored counts, text fingerprints) would recompute the units' counts ten thousand times. A draft is in
        # no near-duplicate count, and its fingerprint goes with it.
        saved = [(signal, signal.receivers) for signal in (pre_delete, post_delete)]
        try:
            for signal, _receivers in saved:
                signal.receivers = []
                signal.sender_receivers_cache.clear()
            for start in range(0, len(created_ids), 2000):
                drafts.filter(pk__in=created_ids[start : start + 2000]).delete()
        finally:
            for signal, receivers in saved:
                signal.receivers = receivers
                signal.sender_receivers_cache.clear()
        for campaign, units in places.items():
            tally.refresh(campaign, units)
        ImportBatch.objects.filter(uploaded_by__in=get_user_model().objects.filter(username="bench.national")).delete()


def forget_credentials(plan: Plan) -> None:
    """The minted sessions are deleted and the API token revoked: nothing the run signed in with outlives it."""
    from django.contrib.sessions.models import Session

    from danvan.api.models import ApiToken, hash_token
    from danvan.api.services import api_token_revoke

    keys = [cookie.split("=", 1)[1] for cookie in plan.cookies.values()]
    Session.objects.filter(session_key__in=keys).delete()
    if plan.token:
        for token in ApiToken.objects.filter(digest=hash_token(plan.token)).select_related("user"):
            api_token_revoke(token=token, by=token.user)


# ---- The server ------------------------------------------------------------------------------------------------


class Server:
    """gunicorn in a process group of its own; `stop()` ends the whole group."""

    def __init__(self, port: int, log: Path):
        self.port = port
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        gunicorn = Path(sys.executable).parent / "gunicorn"
        command = [
            str(gunicorn),
            "danvan.wsgi",
            "--workers",
            str(WORKERS),
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--timeout",
            str(TIMEOUT),
            "--graceful-timeout",
            "10",
            "--error-logfile",
            str(self.log),
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(command, cwd=BASE_DIR, start_new_session=True, stdin=subprocess.DEVNULL)
        self.wait_ready()

    def workers(self) -> list[int]:
        assert self.process is not None
        pid = self.process.pid
        text = _read(f"/proc/{pid}/task/{pid}/children")
        if text:
            return [int(p) for p in text.split()]
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            parts = _read(str(stat)).rsplit(")", 1)[-1].split()
            if len(parts) > 1 and parts[1] == str(pid):
                children.append(int(stat.parent.name))
        return children

    def peak_rss_mb(self) -> float:
        """The largest VmHWM (peak resident memory since the process started) among the workers, in MB."""
        peaks = []
        for pid in self.workers():
            for line in _read(f"/proc/{pid}/status").splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        return round(max(peaks, default=0.0), 1)

    def wait_ready(self, seconds: float = 90) -> None:
        import http.client

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped (exit {self.process.returncode}):\n{self.log_tail()}")
            if len(self.workers()) == WORKERS:
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                    conn.request("GET", "/bench/bare/", headers=PROXY_HEADERS)
                    status = conn.getresponse().status
                    conn.close()
                    if status == 200:
                        return
                    raise RuntimeError(f"/bench/bare/ answers {status}:\n{self.log_tail()}")
                except OSError:
                    pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {seconds:.0f} s:\n{self.log_tail()}")

    def restart_workers(self) -> None:
        """New workers (HUP: gunicorn starts fresh ones and retires the old), so that the next scenario's peak
        memory is its own: a worker's VmHWM only grows over its life."""
        assert self.process is not None
        old = set(self.workers())
        os.kill(self.process.pid, signal.SIGHUP)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            now = set(self.workers())
            if len(now) == WORKERS and not now & old:
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"gunicorn's workers were not replaced within 90 s:\n{self.log_tail()}")
        self.wait_ready()

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(_read(str(self.log)).splitlines()[-lines:])

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        except ProcessLookupError:
            pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- Scenarios ---------------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    name: str
    requests: int = 0
    rps: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    queries: float = 0.0
    peak_rss_mb: float = 0.0
    errors: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    rows: int | None = None
    skipped: str = ""
    first_ms: float | None = None  # a page scenario's first request, alone, before anything is kept
    first_queries: int | None = None
    # A scenario of several paths: its pass over them before the warm-up, each page worked out afresh.
    cold: "Outcome | None" = None
    # The initiative pages again while other initiatives change (`WRITES_PER_SECOND`).
    while_writing: "Outcome | None" = None
    writes: int = 0


LOAD_PROCESS: list[subprocess.Popen] = []


def drive(spec: dict) -> dict:
    """Runs bench/load.py in its own process with `spec`, and returns what it measured."""
    process = subprocess.Popen(
        [sys.executable, str(LOAD)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    LOAD_PROCESS.append(process)
    try:
        out, err = process.communicate(json.dumps(spec))
    finally:
        LOAD_PROCESS.remove(process)
    if process.returncode != 0:
        raise RuntimeError(f"bench/load.py failed (exit {process.returncode}):\n{err[-2000:]}")
    return json.loads(out)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def summarise(name: str, measured: list[dict], server: Server, rows: int | None = None) -> Outcome:
    latencies = [x for m in measured for x in m["latencies_ms"]]
    queries = [q for m in measured for q in m["queries"]]
    errors = [e for m in measured for e in m["errors"]]
    wall = sum(m["wall_s"] for m in measured)
    done = len(latencies)
    return Outcome(
        name=name,
        requests=done,
        rps=round(done / wall, 2) if wall and done else 0.0,
        p50_ms=round(percentile(latencies, 50), 1),
        p95_ms=round(percentile(latencies, 95), 1),
        p99_ms=round(percentile(latencies, 99), 1),
        queries=round(statistics.fmean(queries), 1) if queries else 0.0,
        peak_rss_mb=server.peak_rss_mb(),
        errors=errors,
        seconds=round(statistics.fmean(latencies) / 1000, 2) if latencies else 0.0,
        rows=rows,
    )


def headers_for(plan: Plan, persona: str) -> dict:
    return {**PROXY_HEADERS, **({"Cookie": plan.cookies[persona]} if persona else {})}


def run_pages(
    name: str, plan: Plan, server: Server, *, requests: int, concurrency: int, warmup: int, max_seconds: int = 0
) -> Outcome:
    spec = {
        "port": server.port,
        "headers": headers_for(plan, plan.who[name]),
        "paths": plan.paths[name],
        "warmup_paths": plan.warmup.get(name) or plan.paths[name],
        "warmup": warmup,
        "requests": requests,
        "concurrency": concurrency,
        "timeout": TIMEOUT,
        "max_seconds": max_seconds,
        "first": name in PAGE_SCENARIOS,
        "cold": name in PAGE_SCENARIOS,
    }
    measured = drive(spec)
    outcome = summarise(name, [measured], server, plan.rows.get(name))
    if measured.get("cold"):
        outcome.cold = summarise(f"{name} (afresh)", [measured["cold"]], server)
        outcome.errors = outcome.cold.errors + outcome.errors
    if measured.get("first_ms") is not None:
        outcome.first_ms = round(measured["first_ms"], 1)
        outcome.first_queries = measured.get("first_queries")
    if name == "initiative_detail" and WRITES_PER_SECOND:
        outcome.while_writing, outcome.writes = while_writing(plan, spec, server)
        outcome.errors += outcome.while_writing.errors
    return outcome


def while_writing(plan: Plan, spec: dict, server: Server) -> tuple[Outcome, int]:
    """The initiative pages read again while, `WRITES_PER_SECOND` times a second, another initiative changes as the
    services change one (its row, inside `concerning`): its page and those showing it are dropped, not the others."""
    import threading

    from django.db import close_old_connections
    from django.db.models import F

    from danvan.core.freshness import concerning
    from danvan.initiatives.models import Initiative

    shown = {int(p.strip("/").split("/")[-1]) for p in plan.paths["initiative_detail"]}
    others = [pk for pk in Initiative.objects.order_by("?").values_list("pk", flat=True)[:500] if pk not in shown]
    stop, done = threading.Event(), [0]

    def write() -> None:
        try:
            while not stop.wait(1 / WRITES_PER_SECOND):
                pk = others[done[0] % len(others)]
                with concerning(pk):
                    Initiative.objects.filter(pk=pk).update(version=F("version") + 1)
                done[0] += 1
        finally:
            close_old_connections()

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        # Ten times the requests, so that the writes go on for a few seconds.
        measured = drive({**spec, "first": False, "cold": False, "warmup": 0, "requests": 10 * spec["requests"]})
    finally:
        stop.set()
        writer.join()
    return summarise("initiative_detail (while writing)", [measured], server), done[0]


def run_import(plan: Plan, server: Server, tmp: Path) -> Outcome:
    """Each import: a fresh file (new titles), the upload with its preview and the apply timed together by
    the load process, then the created drafts deleted again (not timed)."""
    from danvan.campaigns.models import Campaign

    job = plan.import_job
    campaign = Campaign.objects.get(pk=job["campaign"])
    measured = []
    for n in range(IMPORTS):
        tag = secrets.token_hex(3)
        path = tmp / f"bench-import-{tag}.xlsx"
        path.write_bytes(_import_sheet(campaign, job["units_room"], job["rows"], tag))
        say(f"  import {n + 1}/{IMPORTS}: {job['rows']} rows, {path.stat().st_size / 1024:.0f} KB")
        spec = {
            "port": server.port,
            "headers": PROXY_HEADERS,
            "import": {"file": str(path), "campaign": job["campaign"], "token": plan.token, "rows": job["rows"]},
            "warmup_paths": ["/api/v1/campaigns"] * 3,
        }
        result = drive(spec)
        measured.append(result)
        if result.get("created_ids"):
            cleanup_import(result["created_ids"])
        if "apply_s" in result:
            say(f"    preview {result['preview_s']:.1f} s + apply {result['apply_s']:.1f} s")
    return summarise("import_10k", measured, server, job["rows"])


# ---- Report ------------------------------------------------------------------------------------------------------


def table(outcomes: list[Outcome]) -> str:
    head = f"{'scenario':<20} {'requests':>8} {'rps':>9} {'p50 ms':>9} {'p95 ms':>9} {'p99 ms':>9} "
    head += f"{'queries':>8} {'peak MB':>8} {'errors':>6} {'first ms':>9}  rows"
    lines = [head, "-" * len(head)]
    for o in outcomes:
        if o.skipped:
            lines.append(f"{o.name:<20} SKIPPED: {o.skipped}")
            continue
        lines.append(
            f"{o.name:<20} {o.requests:>8} {o.rps:>9.2f} {o.p50_ms:>9.1f} {o.p95_ms:>9.1f} {o.p99_ms:>9.1f} "
            f"{o.queries:>8.1f} {o.peak_rss_mb:>8.1f} {len(o.errors):>6} "
            f"{'' if o.first_ms is None else f'{o.first_ms:.0f}':>9}  {'' if o.rows is None else o.rows}"
        )
        if o.cold is not None:
            c = o.cold
            lines.append(
                f"{'  … afresh':<20} {c.requests:>8} {c.rps:>9.2f} {c.p50_ms:>9.1f} {c.p95_ms:>9.1f} {c.p99_ms:>9.1f} "
                f"{c.queries:>8.1f} {'':>8} {len(c.errors):>6}"
            )
        if o.while_writing is not None:
            w = o.while_writing
            lines.append(
                f"{'  … while writing':<20} {w.requests:>8} {w.rps:>9.2f} {w.p50_ms:>9.1f} {w.p95_ms:>9.1f} "
                f"{w.p99_ms:>9.1f} {w.queries:>8.1f} {'':>8} {len(w.errors):>6}"
            )
    return "\n".join(lines)


def ratios_and_targets(by: dict[str, Outcome]) -> list[str]:
    def ok(flag: bool) -> str:
        return "met" if flag else "NOT met"

    lines = []
    bare, admin = by["bare"].rps, by["admin_list"].rps
    detail, listing = by.get("initiative_detail"), by.get("initiative_list")
    if detail and not detail.skipped and bare:
        r = detail.rps / bare
        lines.append(f"initiative_detail rps / bare rps      = {r:.3f}   (target ≥ 0.40: {ok(r >= 0.4)})")
        if detail.cold is not None:
            r = detail.cold.rps / bare
            n = detail.cold.requests
            lines.append(f"  its {n} pages worked out afresh   = {r:.3f}   (no target; shown as measured)")
        if detail.while_writing is not None:
            r = detail.while_writing.rps / bare
            lines.append(
                f"  the same while others change     = {r:.3f}   ({detail.writes} changes to other initiatives, "
                f"{WRITES_PER_SECOND} a second)"
            )
    if listing and not listing.skipped and admin:
        r = listing.rps / admin
        lines.append(f"initiative_list rps / admin list rps  = {r:.2f}   (target ≥ 10: {ok(r >= 10)})")
    pages = [o for o in by.values() if o.name in PAGE_SCENARIOS and not o.skipped]
    slow = [o.name for o in pages if o.p95_ms > 150]
    if pages:
        above = f" ({', '.join(slow)} above)" if slow else ""
        lines.append(f"interactive pages p95 ≤ 150 ms: {ok(not slow)}{above}")
    export, imp = by.get("export_xlsx_100k"), by.get("import_10k")
    if export and not export.skipped:
        timing = ok(export.seconds <= 15) if (export.rows or 0) >= EXPORT_ROWS else "not judged below 100,000 rows"
        lines.append(
            f"export of {export.rows} rows: {export.seconds:.1f} s, worker peak {export.peak_rss_mb:.0f} MB "
            f"(targets ≤ 15 s at 100,000 rows: {timing}; ≤ 250 MB: {ok(export.peak_rss_mb <= 250)})"
        )
    if imp and not imp.skipped:
        timing = ok(imp.seconds <= 20) if (imp.rows or 0) >= 10_000 else "not judged below 10,000 rows"
        lines.append(f"import of {imp.rows} rows: {imp.seconds:.1f} s (target ≤ 20 s at 10,000 rows: {timing})")
    return lines


def as_json(plan: Plan, outcomes: dict[str, Outcome], started: datetime, description: str) -> dict:
    scenarios = {}
    for name in SCENARIOS:
        o = outcomes.get(name)
        if o is None or o.skipped:  # not measured: left out (the printed report says why)
            continue
        entry: dict[str, object] = {
            "rps": o.rps,
            "p50_ms": o.p50_ms,
            "p95_ms": o.p95_ms,
            "p99_ms": o.p99_ms,
            "queries": o.queries,
            "peak_rss_mb": o.peak_rss_mb,
            "requests": o.requests,
            "errors": len(o.errors),
        }
        if o.rows is not None:
            entry["rows"] = o.rows
        if o.first_ms is not None:
            entry["first_ms"] = o.first_ms
            entry["first_queries"] = o.first_queries
        if o.cold is not None:
            entry["afresh"] = {
                "requests": o.cold.requests,
                "rps": o.cold.rps,
                "p50_ms": o.cold.p50_ms,
                "p95_ms": o.cold.p95_ms,
                "p99_ms": o.cold.p99_ms,
                "queries": o.cold.queries,
            }
        if o.while_writing is not None:
            w = o.while_writing
            entry["while_writing"] = {
                "writes": o.writes,
                "writes_per_second": WRITES_PER_SECOND,
                "requests": w.requests,
                "rps": w.rps,
                "p50_ms": w.p50_ms,
                "p95_ms": w.p95_ms,
                "p99_ms": w.p99_ms,
                "queries": w.queries,
            }
        if name in ("export_xlsx_100k", "import_10k"):
            entry["seconds"] = o.seconds
        scenarios[name] = entry
    return {
        "machine": description,
        "initiatives": plan.initiatives,
        "reference": {"bare_rps": outcomes["bare"].rps, "admin_list_rps": outcomes["admin_list"].rps},
        "scenarios": scenarios,
        "when": started.isoformat(timespec="seconds"),
        "commit": commit(),
    }


# ---- Main --------------------------------------------------------------------------------------------------------


def _terminate(signum, _frame):
    raise SystemExit(128 + signum)


def collect_static() -> None:
    """Production static storage needs its manifest: collectstatic (slow: it compresses every file) runs only
    when the manifest is missing or older than a file of static/."""
    from django.conf import settings
    from django.core.management import call_command

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    sources = [f for d in settings.STATICFILES_DIRS for f in Path(d).rglob("*") if f.is_file()]
    newest = max((f.stat().st_mtime for f in sources), default=0)
    if manifest.exists() and manifest.stat().st_mtime >= newest:
        return
    say("static files: collectstatic into staticfiles/ (once, then whenever static/ changes) …")
    call_command("collectstatic", interactive=False, verbosity=0)


def main() -> int:
    check_database_url()
    unknown = [name for name in ONLY if name not in SCENARIOS]
    if unknown:
        sys.exit(f"bench: BENCH_ONLY names unknown scenarios {unknown}; they are {', '.join(SCENARIOS)}")
    check_cache_url(SERVER_ENV["DANVAN_CACHE_URL"])
    started = datetime.now().astimezone()  # the machine's time zone (Django's setup switches it to the app's)
    os.environ.update(SERVER_ENV)
    signal.signal(signal.SIGTERM, _terminate)
    import django

    django.setup()
    tmp = Path(tempfile.mkdtemp(prefix="danvan-bench-"))
    try:
        return bench(started, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def bench(started: datetime, tmp: Path) -> int:
    from django.db import connection

    say(f"bench: {WORKERS} workers, {CONCURRENCY} concurrent clients, {REQUESTS} requests per page scenario")
    description = machine()
    say(f"machine: {description}")
    collect_static()
    plan = prepare()
    say(f"data: {plan.initiatives} initiatives")
    for note in plan.notes:
        say(f"  {note}")
    connection.close()

    server = Server(PORT or free_port(), tmp / "gunicorn.log")
    outcomes: dict[str, Outcome] = {}
    order = ["bare", "admin_list", *(name for name in SCENARIOS if not ONLY or name in ONLY)]
    try:
        say(f"serving on 127.0.0.1:{server.port} (gunicorn, {WORKERS} sync workers)")
        server.start()
        for name in order:
            if name in plan.skipped:
                outcomes[name] = Outcome(name, skipped=plan.skipped[name])
                say(f"{name}: SKIPPED — {plan.skipped[name]}")
                continue
            began = time.monotonic()
            server.restart_workers()
            say(f"{name} …")
            if name == "export_xlsx_100k":
                outcome = run_pages(name, plan, server, requests=EXPORTS, concurrency=1, warmup=1)
            elif name == "import_10k":
                outcome = run_import(plan, server, tmp)
            else:
                outcome = run_pages(
                    name,
                    plan,
                    server,
                    requests=REQUESTS,
                    concurrency=CONCURRENCY,
                    warmup=CONCURRENCY,
                    max_seconds=MAX_SECONDS,
                )
            outcomes[name] = outcome
            took = time.monotonic() - began
            say(f"  {outcome.requests} requests, {outcome.rps} rps, {len(outcome.errors)} errors, {took:.0f} s")
            for error in outcome.errors[:5]:
                say(f"  ERROR {error['status']} {error['path']}: {error['detail'][:300]}")
            if len(outcome.errors) > 5:
                say(f"  … {len(outcome.errors) - 5} more errors")
    finally:
        for process in LOAD_PROCESS:
            process.kill()
        server.stop()
        forget_credentials(plan)

    failed = any(o.errors for o in outcomes.values())
    if failed:
        say("\ngunicorn's log (last lines):\n" + server.log_tail())
    result = as_json(plan, outcomes, started, description)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"{started:%Y%m%d-%H%M}-{plan.initiatives}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")

    ordered = [outcomes[n] for n in order if n in outcomes]
    say("\n" + table(ordered) + "\n")
    for line in ratios_and_targets(outcomes):
        say(line)
    say(f"\nwritten: {out.relative_to(BASE_DIR)}")
    problems = [o.name for o in ordered if o.errors or o.skipped]
    if problems:
        say(f"bench: FAILED — errors or skipped scenarios in: {', '.join(problems)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
