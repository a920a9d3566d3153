"""`make loadtest`: many people of every role using the application at once, for a bounded time, against gunicorn
(production settings, several sync workers) on a fresh PostgreSQL database filled with the demo data; then the same
while PostgreSQL is restarted. Afterwards every acknowledged write is looked up in the database.

Run with the project's Python: `.venv/bin/python loadtest/run.py` (see loadtest/README.md for the options). It prints
the figures of each phase, writes them to loadtest/results/<YYYYMMDD-HHMM>.json, and exits non-zero when a write was
lost or duplicated, a request hung, an answer outside the outage was unexpected (a 5xx, a refusal the client did not
deserve), an answer during it said nothing of trying again, or the application did not recover.
"""

import hashlib
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "loadtest" / "results"
LOAD = BASE_DIR / "loadtest" / "load.py"
sys.path.insert(0, str(BASE_DIR))

import bench.run as bench  # noqa: E402


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip() or str(default)
    if not value.isdecimal():
        sys.exit(f"loadtest: {name}={value!r} is not a whole number")
    return int(value)


SECONDS = env_int("LOADTEST_SECONDS", 60)  # each phase's load
REQUESTS = env_int("LOADTEST_REQUESTS", 10_000)  # at most, per phase
WORKERS = env_int("LOADTEST_WORKERS", 3)
TIMEOUT = env_int("LOADTEST_TIMEOUT", 30)  # a request without an answer after this long has hung
THINK_MS = env_int("LOADTEST_THINK_MS", 500)  # mean pause of a person between two requests
OUTAGE_AT = env_int("LOADTEST_OUTAGE_AT", SECONDS // 3)  # seconds into the fault phase
OUTAGE = env_int("LOADTEST_OUTAGE", 5)  # seconds PostgreSQL stays stopped
RECOVERY = env_int("LOADTEST_RECOVERY", 15)  # seconds after PostgreSQL is back by which every answer is right again
CITIZENS = env_int("LOADTEST_CITIZENS", 8)
PORT = env_int("LOADTEST_PORT", 0)
SEED = env_int("LOADTEST_SEED", 2018)
DATABASE = os.environ.get("LOADTEST_DATABASE", "danvan_loadtest")
SEED_DATABASE = DATABASE + "_seed"
PHASES = [p.strip() for p in os.environ.get("LOADTEST_PHASES", "load,fault").split(",") if p.strip()]
CACHE_URL = os.environ.get("LOADTEST_CACHE_URL", "redis://127.0.0.1:6379/0")
WORKER_TIMEOUT = 2 * TIMEOUT  # gunicorn's: longer than the client's, so that a hang shows as one
TOKEN = re.compile(r"LT-p\d-\d+-\d+")
KINDS = ("page", "public", "api-read", "report", "score", "feedback")
CLASSES = ("ok", "conflict", "limited", "503", "5xx", "4xx", "3xx", "conn", "timeout")
EXPECTED = ("ok", "conflict", "limited")

# The server's environment: bench's production settings, its own cache prefix, and one proxy in front (so that each
# citizen is limited by their own address, as behind nginx).
SERVER_ENV = {
    **bench.SERVER_ENV,
    "DANVAN_CACHE_URL": CACHE_URL,
    "DANVAN_CACHE_PREFIX": "loadtest-" + secrets.token_hex(6),
    "DANVAN_TRUSTED_PROXIES": "1",
}
HEADERS = {**bench.PROXY_HEADERS, "User-Agent": "danvan-loadtest"}


def say(*parts) -> None:
    print(*parts, flush=True)


# ---- The databases -----------------------------------------------------------------------------------------------


def check_database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        sys.exit(
            "loadtest: DATABASE_URL must point to a PostgreSQL server, e.g. "
            f"DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (got {url or 'nothing'}). The run creates "
            f"its own databases there ({DATABASE}, {SEED_DATABASE}); the one named in the URL is not touched."
        )
    if not re.fullmatch(r"[a-z][a-z0-9_]*", DATABASE):
        sys.exit(f"loadtest: LOADTEST_DATABASE={DATABASE!r}: lower-case letters, digits and _ only")
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"loadtest: loopback only — the fault phase restarts the PostgreSQL server ({parts.hostname}).")
    return url


def url_of(database: str) -> str:
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + database))


def maintenance(*statements: str, fetch: bool = False):
    import psycopg

    with psycopg.connect(url_of("postgres"), autocommit=True) as conn:
        for statement in statements:
            cursor = conn.execute(statement)
        return cursor.fetchall() if fetch else None


def fingerprint() -> str:
    """The seed database is built again when the migrations or the demo data's code change."""
    files = sorted([*BASE_DIR.glob("danvan/*/migrations/*.py"), *BASE_DIR.glob("danvan/demo/**/*.py")])
    digest = hashlib.sha256()
    for f in files:
        digest.update(str(f.relative_to(BASE_DIR)).encode() + f.read_bytes())
    return digest.hexdigest()[:16]


def ensure_seed() -> None:
    """A database migrated and filled with the demo data, kept between runs as the template of each phase's fresh
    copy (loading the demo takes minutes; copying it, a second). Built again when the demo's code or the app's
    migrations change; migrated every run (the migrations of the libraries, too)."""
    want = fingerprint()
    sql = f"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{SEED_DATABASE}'"
    rows = maintenance(sql, fetch=True)
    build = not rows or rows[0][0] != want or bool(os.environ.get("LOADTEST_REBUILD"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DANVAN_", "DJANGO_"))}
    env.update(DATABASE_URL=url_of(SEED_DATABASE), DANVAN_DEMO="1")
    began = time.monotonic()
    if build:
        say(f"seed database {SEED_DATABASE}: migrate and load the demo data (a few minutes, once) …")
        maintenance(f'DROP DATABASE IF EXISTS "{SEED_DATABASE}" WITH (FORCE)', f'CREATE DATABASE "{SEED_DATABASE}"')
    commands = [["migrate", "--noinput", "-v0"], *([["load_demo"]] if build else [])]
    for command in commands:
        manage = [sys.executable, "manage.py", *command]
        subprocess.run(manage, cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL)
    maintenance(f"COMMENT ON DATABASE \"{SEED_DATABASE}\" IS '{want}'")
    state = "built" if build else "up to date"
    say(f"seed database {SEED_DATABASE}: {state} ({want}, {time.monotonic() - began:.0f} s)")


def fresh_database() -> None:
    from django.db import connection

    connection.close()
    maintenance(
        f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)', f'CREATE DATABASE "{DATABASE}" TEMPLATE "{SEED_DATABASE}"'
    )


def cluster_commands() -> tuple[list[str], list[str]]:
    """How to stop and start the PostgreSQL server: LOADTEST_PG_STOP / LOADTEST_PG_START, else Debian's pg_ctlcluster
    for the cluster that answers (`SHOW cluster_name`: "15/main")."""
    stop, start = os.environ.get("LOADTEST_PG_STOP"), os.environ.get("LOADTEST_PG_START")
    if stop and start:
        return shlex.split(stop), shlex.split(start)
    name = maintenance("SHOW cluster_name", fetch=True)[0][0]
    if "/" not in name:
        sys.exit(
            f"loadtest: cannot tell the cluster (cluster_name {name!r}): set LOADTEST_PG_STOP and LOADTEST_PG_START"
        )
    version, cluster = name.split("/", 1)
    return (
        ["pg_ctlcluster", version, cluster, "stop", "-m", "fast"],
        ["pg_ctlcluster", version, cluster, "start"],
    )


def database_answers() -> bool:
    import psycopg

    try:
        psycopg.connect(url_of(DATABASE), connect_timeout=2).close()
        return True
    except psycopg.Error:
        return False


# ---- Who uses the application ------------------------------------------------------------------------------------


def prepare(phase: str) -> dict:
    """The people of the demo, each with a session (pages) and an API token (writes), and what each of them does."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from danvan.api.services import api_token_create
    from danvan.assessments.models import Assessment, TeamMember
    from danvan.assessments.rules import scoring_rights
    from danvan.assessments.services import criteria_for
    from danvan.campaigns.models import Campaign
    from danvan.core.access import scope_for
    from danvan.initiatives.models import Initiative
    from danvan.orgs.models import Membership
    from danvan.showcase.models import ShowcaseEntry

    campaign = Campaign.objects.filter(status=Campaign.Status.LAUNCHED).order_by("-year").first()
    closed = Campaign.objects.filter(status=Campaign.Status.CLOSED).order_by("-year").first()
    if campaign is None or closed is None:
        sys.exit("loadtest: the data has no launched and closed campaign (is it the demo?)")
    c = campaign.pk
    periods = list(campaign.periods.filter(starts_on__lte=timezone.localdate()).order_by("starts_on"))
    accepted = list(
        Initiative.objects.filter(campaign=campaign, status=Initiative.Status.ACCEPTED)
        .select_related("unit", "campaign")
        .prefetch_related("indicators")
        .order_by("pk")
    )
    users: list[dict] = []

    def person(user, role: str, devices: list[dict], **common) -> None:
        """One person, signed in once (a session for the pages, an API token), with a thread for each device."""
        cookie = bench._session_cookie(user)
        token = api_token_create(user=user, name="loadtest", by=user)[1]
        for n, device in enumerate(devices, 1):
            entry = {"name": f"{user.username}/{n}", "username": user.username, "role": role, "cookie": cookie}
            entry["assessor"] = user.get_full_name() or user.username  # as the API names a scoring's assessor
            users.append({**entry, "token": token, **common, **device})

    def criteria(initiative) -> dict[str, str]:
        return {str(x.pk): str(x.max_score) for x in criteria_for(initiative)}

    # Unit officers, two devices each: progress reports of every accepted initiative of their unit, for every period
    # begun (the two devices write the same reports: the stale one is refused); the unit's self-assessment (first
    # device only).
    by_unit: dict[int, list] = defaultdict(list)
    for i in accepted:
        by_unit[i.unit_id].append(i)
    for initiatives in by_unit.values():
        unit = initiatives[0].unit
        membership = Membership.objects.filter(organization=unit, role=Membership.Role.OFFICER).order_by("pk").first()
        if membership is None:
            continue
        officer = membership.user
        scope = scope_for(officer)
        reports = [
            {"initiative": i.pk, "period": p.pk, "indicators": [x.pk for x in i.indicators.all()]}
            for i in initiatives
            for p in periods
        ]
        selfs = [
            {"initiative": i.pk, "kind": "self", "criteria": criteria(i)}
            for i in initiatives
            if scoring_rights(scope, officer, i).can_self_assess
        ]
        pages = ["/", "/initiatives/", *(f"/initiatives/{i.pk}/" for i in initiatives)]
        pages += [f"/progress/initiatives/{i.pk}/periods/{p.pk}/" for i in initiatives for p in periods[:2]]
        api_reads = [f"/api/v1/reports?campaign={c}"]
        person(officer, "officer", [{"scores": selfs}, {}], pages=pages, reports=reports, api_reads=api_reads)

    # Survey-team members, two devices each, scoring the team's initiatives; the leader's second device records the
    # team's reconciled score.
    for member in TeamMember.objects.filter(team__campaign=campaign).select_related("user", "team").order_by("pk"):
        user, team = member.user, member.team
        scope = scope_for(user)
        assigned = [a.initiative for a in team.assignments.select_related("initiative__unit", "initiative__campaign")]
        rights = {i.pk: scoring_rights(scope, user, i) for i in assigned}
        own = [
            {"initiative": i.pk, "kind": "member", "criteria": criteria(i)} for i in assigned if rights[i.pk].can_score
        ]
        reconciled = [
            {"initiative": i.pk, "kind": "team", "criteria": criteria(i)}
            for i in assigned
            if rights[i.pk].can_reconcile
        ]
        pages = [
            "/survey/mine/",
            f"/survey/teams/{team.pk}/",
            *(f"/survey/initiatives/{x['initiative']}/score/" for x in own),
        ]
        api_reads = [f"/api/v1/assessments?campaign={c}"]
        devices = [{"scores": own}, {"scores": reconciled or own}]
        person(user, "surveyor", devices, pages=pages, api_reads=api_reads, write_share=0.6)

    # The bloc administrator and the leader read: dashboards, lists, initiatives, reporting, survey and review pages.
    reading = [
        f"/statistics/?campaign={c}",
        f"/statistics/?campaign={closed.pk}",
        f"/initiatives/?campaign={c}",
        *(f"/initiatives/{i.pk}/" for i in accepted),
        f"/progress/campaigns/{c}/",
        f"/survey/campaigns/{c}/",
        f"/review/campaigns/{closed.pk}/",
    ]
    User = get_user_model()
    for role in (Membership.Role.ADMIN, Membership.Role.LEADER):
        user = User.objects.filter(memberships__role=role, memberships__organization__parent__isnull=True)
        user = user.order_by("pk").first()
        if user is not None:
            person(user, str(role), [{}, {}], pages=reading, api_reads=[f"/api/v1/campaigns/{c}/reporting"])

    # Citizens: the public showcase and open data, and now and then an opinion on an initiative, two of them behind
    # each address (opinions are limited per address and hour: the limit is reached within the phase).
    entries = list(ShowcaseEntry.objects.published().order_by("pk").values_list("pk", flat=True))
    public = ["/showcase/", "/showcase/feed/", "/open-data/", *(f"/showcase/{e}/" for e in entries)]
    n = PHASES.index(phase) + 1
    for k in range(CITIZENS):
        users.append(
            {
                "name": f"citizen/{k + 1}",
                "role": "citizen",
                "pages": public,
                "feedback": entries,
                "address": f"10.{n}.0.{k // 2 + 1}",
            }
        )

    initial = {
        f"{a.initiative_id}/{a.kind}/{a.assessor.username}": a.version
        for a in Assessment.objects.filter(initiative__campaign=campaign).select_related("assessor")
    }
    return {"campaign": c, "users": users, "initial_scores": initial}


# ---- A phase -------------------------------------------------------------------------------------------------------


class Server(bench.Server):
    """bench's gunicorn, with the workers' own output (a traceback for every 500) in the log instead of the terminal,
    and gunicorn's worker timeout above the client's."""

    def start(self) -> None:
        command = [str(Path(sys.executable).parent / "gunicorn"), "danvan.wsgi", "--workers", str(WORKERS)]
        command += ["--bind", f"127.0.0.1:{self.port}", "--timeout", str(WORKER_TIMEOUT), "--graceful-timeout", "10"]
        command += ["--log-level", "warning"]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                command, cwd=BASE_DIR, start_new_session=True, stdin=subprocess.DEVNULL, stdout=log, stderr=log
            )
        self.wait_ready()


def load_process(spec: dict, tmp: Path) -> subprocess.Popen:
    stderr = open(tmp / "load.err", "ab")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        [sys.executable, str(LOAD)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True
    )
    assert process.stdin is not None
    process.stdin.write(json.dumps(spec))
    process.stdin.close()
    return process


def finish(process: subprocess.Popen, tmp: Path) -> dict:
    assert process.stdout is not None
    out = process.stdout.read()
    if process.wait() != 0:
        raise RuntimeError(
            f"loadtest/load.py failed (exit {process.returncode}):\n{(tmp / 'load.err').read_text()[-3000:]}"
        )
    return json.loads(out)


def outage(stop: list[str], start: list[str]) -> dict:
    """PostgreSQL stopped (fast: open transactions are cut), kept down OUTAGE seconds, started again — whatever
    happens meanwhile, even an interrupted run."""
    times = {"stop": time.time()}
    try:
        command(stop)
        times["stopped"] = time.time()
        time.sleep(OUTAGE)
    finally:
        times["start"] = time.time()
        command(start)
    while not database_answers():
        time.sleep(0.2)
    times["up"] = time.time()
    return times


def command(argv: list[str]) -> None:
    done = subprocess.run(argv, timeout=120, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{' '.join(argv)} failed (exit {done.returncode}): {done.stderr.strip()}")


def run_phase(phase: str, tmp: Path) -> dict:
    from django.db import connection

    fresh_database()
    plan = prepare(phase)
    connection.close()
    tag = f"p{PHASES.index(phase) + 1}"
    spec = {"port": PORT or bench.free_port(), "headers": HEADERS, "timeout": TIMEOUT, "users": plan["users"]}
    spec.update(seconds=SECONDS, requests=REQUESTS, think_ms=THINK_MS, seed=SEED, tag=tag)
    roles = Counter(u["role"] for u in plan["users"])
    say(f"\n{phase}: {len(plan['users'])} people at once ({', '.join(f'{n} {r}' for r, n in roles.items())})")
    server = Server(spec["port"], tmp / f"gunicorn-{phase}.log")
    process = None
    times: dict[str, float] = {}
    try:
        server.start()
        problems = finish(load_process({**spec, "preflight": True}, tmp), tmp)["problems"]
        if problems:
            sys.exit("loadtest: pages of the plan do not answer 200 before any load:\n  " + "\n  ".join(problems))
        began = time.time()
        process = load_process(spec, tmp)
        if phase == "fault":
            stop, start = cluster_commands()
            time.sleep(max(0.0, began + OUTAGE_AT - time.time()))
            say(f"  {OUTAGE_AT} s: PostgreSQL stopped ({' '.join(stop)}), {OUTAGE} s down, started again")
            times = outage(stop, start)
            times = {k: v - began for k, v in times.items()}
            say(f"  answering again at {times['up']:.1f} s (down {times['up'] - times['stop']:.1f} s)")
        measured = finish(process, tmp)
    finally:
        if process is not None and process.poll() is None:
            process.kill()
        server.stop()
    connection.close()
    for row in measured["requests"]:
        row[0] -= began
    for write in measured["writes"]:
        write["t0"] -= began
        write["t1"] -= began
    figures = summarise(measured, times)
    figures["writes"] = verify(plan, measured["writes"])
    figures["server_errors"] = server_errors(server.log)
    return figures


def server_errors(log: Path) -> dict[str, int]:
    """The exceptions the workers logged (the last of each chain), counted: "OperationalError: deadlock detected"."""
    found = Counter()
    for line in log.read_text(errors="replace").splitlines():
        if re.match(r"(django\.\S+|\w+Error): ", line):
            found[re.sub(r"\d+", "N", re.sub(r"^[\w.]*\.(?=\w+: )", "", line))[:160]] += 1
    return dict(found.most_common(8))


# ---- What was written, looked up in the database ---------------------------------------------------------------

# Per kind of write: sent; acknowledged (a 2xx); found (acknowledged, and in the database exactly once with what was
# sent); lost; duplicated; refused (a 4xx); refused_in_db (refused, yet written); uncertain (a 5xx or no answer: it may
# have been written or not); uncertain_in_db (those written after all).
WRITE_FIGURES = ("sent", "acknowledged", "found", "lost", "duplicated", "refused", "refused_in_db")
WRITE_FIGURES += ("uncertain", "uncertain_in_db")


def verify(plan: dict, writes: list[dict]) -> dict[str, dict]:
    from danvan.assessments.models import Assessment
    from danvan.core.models import AuditEntry
    from danvan.progress.models import ProgressReport
    from danvan.showcase.models import Feedback

    figures = {kind: Counter() for kind in ("report", "score", "feedback")}
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for w in writes:
        groups[w["type"], w["key"]].append(w)
        figures[w["type"]]["sent"] += 1
        figures[w["type"]][w["outcome"]] += 1

    # Every save of a report writes its audit entry in the same transaction: the save's token is there exactly once.
    audit = AuditEntry.objects.filter(
        target_type="progress.progressreport", action__in=("report.create", "report.update")
    ).values_list("changes", flat=True)
    saved = Counter(t for changes in audit for t in TOKEN.findall(str((changes.get("activities") or ["", ""])[1])))
    reports = {
        f"{r.initiative_id}/{r.period_id}": r
        for r in ProgressReport.objects.filter(initiative__campaign_id=plan["campaign"]).prefetch_related("values")
    }
    opinions = Feedback.objects.filter(comment__contains="LT-p").values_list("comment", flat=True)
    sent_opinions = Counter(t for comment in opinions for t in TOKEN.findall(comment))
    scorings = {
        f"{a.initiative_id}/{a.kind}/{a.assessor.username}": a
        for a in Assessment.objects.filter(initiative__campaign_id=plan["campaign"])
        .select_related("assessor")
        .prefetch_related("scores")
    }
    for (kind, key), ws in groups.items():
        f = figures[kind]
        if kind == "score":
            check_scoring(ws, scorings.get(key), plan["initial_scores"].get(key, 0), f)
            continue
        stored = saved if kind == "report" else sent_opinions
        for w in ws:
            n = stored[w["token"]]
            f["duplicated"] += max(0, n - 1)
            if w["outcome"] == "acknowledged":
                f["found" if n else "lost"] += 1
            elif w["outcome"] == "uncertain":
                f["uncertain_in_db"] += min(n, 1)
            elif n:
                f["refused_in_db"] += 1
        if kind == "report" and not report_holds_last(ws, reports.get(key)):
            f["lost"] += 1  # its last acknowledged save was overwritten by an older one, or is gone
            f["found"] -= 1
    return {kind: {k: f[k] for k in WRITE_FIGURES} for kind, f in figures.items()}


def holder(text: str, ws: list[dict]) -> dict | None:
    """The write whose token the stored text carries."""
    tokens = TOKEN.findall(text or "")
    return next((w for w in ws if tokens and w["token"] == tokens[-1]), None)


def holds_last(ws: list[dict], version: int | None, text: str, values: dict, field: str) -> bool:
    """A record (None: not stored) holds its highest acknowledged version, with that save's values (`field` of the
    write); or a later save, sent on top of it, whose answer did not arrive."""
    acked = [w for w in ws if w["outcome"] == "acknowledged"]
    if not acked:
        return True
    last = max(acked, key=lambda w: w["version"])
    w = holder(text, ws) if version is not None else None
    if w is None:
        return False
    later = w["outcome"] == "uncertain" and w["base"] >= last["version"]
    right = version == last["version"] if w is last else later
    return right and values == decimals(w[field])


def report_holds_last(ws: list[dict], row) -> bool:
    if row is None:
        return holds_last(ws, None, "", {}, "values")
    values = {str(v.indicator_id): v.value for v in row.values.all()}
    return holds_last(ws, row.version, row.activities, values, "values")


def check_scoring(ws: list[dict], row, initial: int, f: Counter) -> None:
    """Every committed save of a scoring adds one to its version (the first creates it at 1), and a save is sent with
    the version it read: the saves committed are between the acknowledged ones and those plus the uncertain ones, and
    the scoring holds its last acknowledged save (or a later one whose answer did not arrive)."""
    acked = [w for w in ws if w["outcome"] == "acknowledged"]
    uncertain = [w for w in ws if w["outcome"] == "uncertain"]
    committed = (row.version if row is not None else 0) - initial
    lost = max(0, len(acked) - committed)
    f["duplicated"] += max(0, committed - len(acked) - len(uncertain))
    f["uncertain_in_db"] += min(max(0, committed - len(acked)), len(uncertain))
    if row is None:
        right = holds_last(ws, None, "", {}, "scores")
    else:
        values = {str(s.criterion_id): s.value for s in row.scores.all()}
        right = holds_last(ws, row.version, row.comment, values, "scores")
    lost = max(lost, 0 if right else 1)
    f["lost"] += lost
    f["found"] += len(acked) - lost


def decimals(values: dict[str, str]) -> dict[str, Decimal]:
    return {k: Decimal(v) for k, v in values.items()}


# ---- Figures -------------------------------------------------------------------------------------------------------


def ended(row: list) -> float:
    return row[0] + row[1] / 1000


def latency(rows: list[list]) -> dict:
    ms = [r[1] for r in rows if r[3] not in ("conn", "timeout")]
    return {"p50_ms": round(bench.percentile(ms, 50), 1), "p95_ms": round(bench.percentile(ms, 95), 1)}


def answer_of(row: list) -> str:
    """What the answer was, without the path it answered: "page: 500 text/html Lỗi hệ thống | …"."""
    return f"{row[2]}: " + (row[5].split(": ", 1)[1] if ": " in row[5] else row[5])[:130]


def summarise(measured: dict, times: dict) -> dict:
    rows = measured["requests"]
    wall = measured["wall_s"]
    out: dict = {"requests": len(rows), "seconds": round(wall, 1), "rps": round(len(rows) / wall, 1) if wall else 0}
    out.update(latency(rows))
    out["answers"] = {c: n for c in CLASSES if (n := sum(1 for r in rows if r[3] == c))}
    out["by_kind"] = {}
    for kind in KINDS:
        mine = [r for r in rows if r[2] == kind]
        if mine:
            out["by_kind"][kind] = {"requests": len(mine), **Counter(r[3] for r in mine), **latency(mine)}
    unexpected = [r for r in rows if r[3] not in EXPECTED]
    if times:
        out["outage"] = outage_figures(rows, times)
        # What was under way while PostgreSQL was down, or sent until RECOVERY seconds after its return, is the
        # outage's; any other failure is unexpected.
        unexpected = [r for r in unexpected if not (ended(r) >= times["stop"] and r[0] < times["up"] + RECOVERY)]
    out["unexpected"] = len(unexpected)
    out["unexpected_what"] = dict(Counter(answer_of(r) for r in unexpected).most_common(8))
    buckets: dict[int, Counter] = defaultdict(Counter)
    for r in rows:
        buckets[int(r[0] // 5) * 5]["ok" if r[3] in EXPECTED else "failed"] += 1
    out["timeline"] = {f"{t}-{t + 5}": dict(c) for t, c in sorted(buckets.items())}
    return out


def outage_figures(rows: list[list], times: dict) -> dict:
    """The answers to the requests under way while PostgreSQL was down (those waiting for a worker included), what
    was served meanwhile, and how soon after its return each kind of request succeeded again."""
    down, up = times["stop"], times["up"]
    during = [r for r in rows if ended(r) >= down and r[0] < up]
    failed = [r for r in during if r[3] not in EXPECTED]
    served = [r for r in rows if r[0] >= times["stopped"] and ended(r) <= times["start"] and r[3] == "ok"]
    back = {}
    for kind in ("page", "public", "api-read", "report", "score"):
        first = min((ended(r) for r in rows if r[2] == kind and r[3] == "ok" and r[0] >= up), default=None)
        back[kind] = None if first is None else round(first - up, 1)
    return {
        "stopped_at_s": round(down, 1),
        "answering_at_s": round(up, 1),
        "requests": len(during),
        "answers": dict(Counter(r[3] for r in during)),
        "failed_503": sum(1 for r in failed if r[3] == "503"),
        "failed_saying_try_again": sum(1 for r in failed if r[3] != "503" and r[6]),
        "failed_silently": sum(1 for r in failed if r[3] != "503" and not r[6]),
        "what": dict(Counter(answer_of(r) for r in failed).most_common(8)),
        "served_while_down": dict(Counter(r[2] for r in served)),
        "failed_after_return": sum(1 for r in rows if r[0] >= up and r[3] not in EXPECTED),
        "succeeded_again_after_s": back,
        "recovered": all(s is not None and s <= RECOVERY for s in back.values()),
    }


def table(phase: str, f: dict) -> str:
    lines = [
        f"{phase}: {f['requests']} requests in {f['seconds']} s ({f['rps']}/s), "
        f"p50 {f['p50_ms']:.0f} ms, p95 {f['p95_ms']:.0f} ms",
        f"  {'answers':<10}{'requests':>9}" + "".join(f"{c:>9}" for c in CLASSES) + f"{'p50 ms':>8}{'p95 ms':>8}",
    ]
    for kind, k in f["by_kind"].items():
        counts = "".join(f"{k.get(c, 0):>9}" for c in CLASSES)
        lines.append(f"  {kind:<10}{k['requests']:>9}{counts}{k['p50_ms']:>8.0f}{k['p95_ms']:>8.0f}")
    lines.append(f"  {'writes':<10}" + "".join(f"{h:>{len(h) + 2}}" for h in WRITE_FIGURES))
    for kind, w in f["writes"].items():
        lines.append(f"  {kind:<10}" + "".join(f"{w[h]:>{len(h) + 2}}" for h in WRITE_FIGURES))
    o = f.get("outage")
    if o:
        lines.append(
            f"  outage: PostgreSQL stopped at {o['stopped_at_s']} s, answering again at {o['answering_at_s']} s; "
            f"{o['requests']} requests under way meanwhile: {o['answers']}"
        )
        lines.append(
            f"    their failures: {o['failed_503']} × 503, {o['failed_saying_try_again']} other answers saying "
            f"“thử lại” (try again), {o['failed_silently']} saying neither:"
        )
        lines += [f"    {n:>5} × {what}" for what, n in o["what"].items()]
        lines.append(f"    served while PostgreSQL was down: {o['served_while_down'] or 'nothing'}")
        lines.append(
            f"    after its return: {o['failed_after_return']} failures; each kind succeeded again after (s) "
            f"{o['succeeded_again_after_s']}: recovered within {RECOVERY} s: {'yes' if o['recovered'] else 'NO'}"
        )
    timeline = [f"{t} s {c.get('ok', 0)}/{c.get('failed', 0)}" for t, c in f["timeline"].items()]
    lines.append("  timeline (ok/failed per 5 s): " + ", ".join(timeline))
    if f["unexpected"]:
        lines.append(f"  unexpected answers: {f['unexpected']}")
        lines += [f"    {n:>5} × {what}" for what, n in f["unexpected_what"].items()]
    if f["server_errors"]:
        lines.append("  errors in gunicorn's log:")
        lines += [f"    {n:>5} × {error}" for error, n in f["server_errors"].items()]
    return "\n".join(lines)


def failures(phase: str, f: dict) -> list[str]:
    found = []
    for kind, w in f["writes"].items():
        for figure in ("lost", "duplicated", "refused_in_db"):
            if w[figure]:
                found.append(f"{phase}: {w[figure]} {kind} writes {figure.replace('_', ' ')}")
    if f["answers"].get("timeout"):
        found.append(f"{phase}: {f['answers']['timeout']} requests hung (no answer within {TIMEOUT} s)")
    if f["unexpected"]:
        found.append(f"{phase}: {f['unexpected']} unexpected answers (outside the outage)")
    o = f.get("outage")
    if o and not o["recovered"]:
        found.append(f"{phase}: the application did not recover within {RECOVERY} s of PostgreSQL's return")
    if o and o["failed_silently"]:
        found.append(f"{phase}: {o['failed_silently']} answers during the outage neither 503 nor saying “thử lại”")
    return found


# ---- Main ----------------------------------------------------------------------------------------------------------


def main() -> int:
    check_database_url()
    unknown = [p for p in PHASES if p not in ("load", "fault")]
    if unknown or not PHASES:
        sys.exit(f"loadtest: LOADTEST_PHASES names {unknown or 'nothing'}; the phases are load and fault")
    bench.check_cache_url(CACHE_URL)
    bench.WORKERS, bench.TIMEOUT = WORKERS, WORKER_TIMEOUT  # bench's Server waits for this many workers
    started = datetime.now().astimezone()
    ensure_seed()
    os.environ.update(SERVER_ENV, DATABASE_URL=url_of(DATABASE))
    signal.signal(signal.SIGTERM, bench._terminate)
    import django

    django.setup()
    fresh_database()
    say(f"loadtest: {WORKERS} workers, {SECONDS} s and at most {REQUESTS} requests per phase: {', '.join(PHASES)}")
    description = bench.machine()
    say(f"machine: {description}")
    bench.collect_static()
    tmp = Path(tempfile.mkdtemp(prefix="danvan-loadtest-"))
    phases = {}
    for phase in PHASES:
        phases[phase] = run_phase(phase, tmp)
        say("\n" + table(phase, phases[phase]))
    problems = [p for phase, f in phases.items() for p in failures(phase, f)]
    settings = {"seconds": SECONDS, "requests": REQUESTS, "workers": WORKERS, "timeout_s": TIMEOUT}
    settings.update(think_ms=THINK_MS, outage_at_s=OUTAGE_AT, outage_s=OUTAGE, recovery_s=RECOVERY, seed=SEED)
    result = {"machine": description, "when": started.isoformat(timespec="seconds"), "commit": bench.commit()}
    result.update(settings=settings, phases=phases)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"{started:%Y%m%d-%H%M}.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    say(f"\nwritten: {out.relative_to(BASE_DIR)}")
    if problems:
        say(f"the logs of the server and the load process are kept in {tmp}")
        say("loadtest: FAILED\n  " + "\n  ".join(problems))
        return 1
    shutil.rmtree(tmp, ignore_errors=True)
    say("loadtest: passed — no write lost or duplicated, no request hung, every answer as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
