"""The load process of `make loadtest`: many people of every role using the application at once, in threads of a
process of its own, over loopback, for a bounded time and number of requests. Standard library only (and
bench/load.py's HTTP client).

It reads a JSON spec on stdin and writes a JSON result on stdout:

    spec   {"port": 8123, "headers": {...}, "seconds": 60, "requests": 10000, "timeout": 30, "think_ms": 500,
            "seed": 2018, "tag": "p1", "preflight": false, "users": [{"name": "canbo.db-kbnn/1", "role": "officer",
            "cookie": "sessionid=…", "token": "…", "pages": ["/initiatives/116/"], "api_reads": ["/api/v1/…"],
            "reports": [{"initiative": 116, "period": 4, "indicators": [31, 32]}], "send_share": 0.02,
            "scores": [{"initiative": 116, "kind": "self", "criteria": {"7": "20.0"}}], "write_share": 0.5,
            "feedback": [3, 5], "address": "10.0.1.7"}, …]}
    result {"requests": [[t, ms, kind, class, status, what, says_retry], …], "writes": [{…}, …], "wall_s": 90.1}

Every request is recorded with its start (epoch seconds, so that the harness can place it before, during or after
an outage), its latency, its kind (page, public, api-read, report, score, feedback) and the class of its answer:
ok, conflict (a stale version refused: expected), limited (the citizens' limit: expected), 503, 5xx, 4xx, 3xx,
conn (no answer: refused or dropped connection) or timeout (no answer within `timeout` seconds); and, for an answer
that is not a success, a short account of it and whether it says to try again ("thử lại").

Every write is recorded with what it wrote and its outcome: acknowledged (a 2xx answer, or the redirect that follows
an accepted opinion), refused (a 4xx: nothing was written) or uncertain (a 5xx or no answer: it may have been
written).
"""

import contextlib
import http.client
import json
import random
import re
import sys
import threading
import time
import unicodedata
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import Client  # noqa: E402

# Refusals that a correct server gives to a correct client under concurrency: a version someone else changed since,
# a report sent meanwhile by the other device.
CONFLICT_MARKERS = ("vừa được", "đã gửi", "đã được gửi")
LIMIT_MARKER = "trong một giờ qua"  # the citizens' limit of opinions per hour, answered on the form
RETRY = "thử lại"  # "try again": what an answer during an outage should say
STARTED = re.compile(r'name="started" value="([^"]+)"')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
FEEDBACK_WAIT = 3.2  # the form refuses an opinion sent less than 3 s after the form was served


class Stop(Exception):
    """The time or the request budget is spent."""


class Run:
    def __init__(self, spec: dict):
        self.spec = spec
        self.lock = threading.Lock()
        self.sent = 0
        self.requests: list[list] = []
        self.writes: list[dict] = []
        self.deadline = time.monotonic() + spec["seconds"]

    def take(self) -> None:
        """One request of the budget, or Stop."""
        with self.lock:
            if self.sent >= self.spec["requests"] or time.monotonic() >= self.deadline:
                raise Stop
            self.sent += 1

    def record(self, *row) -> None:
        with self.lock:
            self.requests.append(list(row))

    def wrote(self, write: dict) -> None:
        with self.lock:
            self.writes.append(write)


def readable(headers: dict, body: bytes) -> str:
    """An answer's text: the API's JSON detail (its non-ASCII letters are escaped), else the body as it is."""
    text = body[:20_000].decode("utf-8", "replace")
    if (headers.get("Content-Type") or "").startswith("application/json"):
        with contextlib.suppress(ValueError, AttributeError):
            return str(json.loads(text).get("detail", text))
    return text


def describe(status: int, headers: dict, text: str) -> str:
    """A short account of an answer that is not a success: its type, and its title or its JSON detail."""
    kind = (headers.get("Content-Type") or "").split(";")[0]
    if status in (301, 302, 303):
        text = "→ " + (headers.get("Location") or "?")
    elif match := TITLE.search(text):
        text = match.group(1) + " | " + re.sub(r"<[^>]+>", " ", text[match.end() :])
    return f"{status} {kind} {' '.join(text.split())[:200]}"


def classify(status: int, text: str) -> str:
    if 200 <= status < 300:
        return "ok"
    if status == 429 or (status == 400 and LIMIT_MARKER in text):
        return "limited"
    if status in (400, 409) and any(m in text for m in CONFLICT_MARKERS):
        return "conflict"
    if status == 503:
        return "503"
    return f"{status // 100}xx"


class Person:
    """One thread: a person (or one of their devices) doing what their role does, with pauses between steps."""

    def __init__(self, run: Run, user: dict, index: int):
        self.run, self.user = run, user
        self.rng = random.Random(f"{run.spec['seed']}-{index}")
        self.client = Client(run.spec["port"], run.spec.get("headers", {}), run.spec.get("timeout", 30))
        self.label = f"{run.spec['tag']}-{index}"
        self.seq = 0
        self.reports = [dict(r, version=None) for r in user.get("reports", [])]
        self.scorings = [dict(s, version=None) for s in user.get("scores", [])]

    # ---- one request, recorded --------------------------------------------------------------------------------

    def call(self, kind: str, method: str, path: str, body=None, headers=None) -> tuple[str, int, dict, bytes]:
        self.run.take()
        started, began = time.time(), time.perf_counter()
        try:
            status, answer_headers, answer, _size, _s = self.client.request(method, path, body, headers, keep=True)
        except TimeoutError:
            self.client.close()
            self.run.record(started, (time.perf_counter() - began) * 1000, kind, "timeout", 0, path, False)
            return "timeout", 0, {}, b""
        except (OSError, http.client.HTTPException) as exc:
            self.client.close()
            self.run.record(started, (time.perf_counter() - began) * 1000, kind, "conn", 0, f"{path}: {exc!r}", False)
            return "conn", 0, {}, b""
        text = readable(answer_headers, answer)
        cls = classify(status, text)
        if kind == "feedback" and status == 302:
            cls = "ok"  # an accepted opinion redirects to the initiative's public page
        what = "" if cls == "ok" else f"{method} {path}: {describe(status, answer_headers, text)}"
        retry = cls != "ok" and RETRY in text
        self.run.record(started, (time.perf_counter() - began) * 1000, kind, cls, status, what, retry)
        return cls, status, answer_headers, answer

    def api(self, kind: str, method: str, path: str, payload: dict | None = None):
        headers = {"Authorization": f"Bearer {self.user['token']}"}
        body = None
        if payload is not None:
            body = json.dumps(payload, ensure_ascii=False).encode()
            headers["Content-Type"] = "application/json"
        cls, status, _h, answer = self.call(kind, method, path, body, headers)
        data = json.loads(answer) if cls == "ok" and answer.startswith((b"{", b"[")) else None
        return cls, status, data

    def token(self) -> str:
        self.seq += 1
        return f"LT-{self.label}-{self.seq}"

    # ---- what people do ----------------------------------------------------------------------------------------

    def step(self) -> None:
        u, rng = self.user, self.rng
        if u.get("feedback") and rng.random() < 0.15:
            return self.feedback()
        writes = [w for w, has in ((self.report, self.reports), (self.score, self.scorings)) if has]
        if writes and rng.random() < u.get("write_share", 0.5):
            return rng.choice(writes)()
        if u.get("api_reads") and rng.random() < 0.15:
            self.api("api-read", "GET", rng.choice(u["api_reads"]))
            return
        headers = {"Cookie": u["cookie"]} if u.get("cookie") else None
        self.call("page" if headers else "public", "GET", rng.choice(u["pages"]), headers=headers)

    def refresh(self, report: dict) -> None:
        """The report's current version (0: none yet), as the page or an API client reads it before saving."""
        cls, _status, data = self.api(
            "api-read", "GET", f"/api/v1/reports?initiative={report['initiative']}&period={report['period']}"
        )
        if cls != "ok" or data is None:
            return
        items = data.get("items", [])
        if items and items[0]["status"] not in ("draft", "returned"):
            self.reports.remove(report)  # sent (by the other device): nothing more to write
        else:
            report["version"] = items[0]["version"] if items else 0

    def report(self) -> None:
        report = self.rng.choice(self.reports)
        if report["version"] is None:
            return self.refresh(report)
        token = self.token()
        activities = unicodedata.normalize(
            "NFC", f"Tổ dân vận đến từng hộ, họp dân, biểu dương hộ gương mẫu ({token})."
        )
        values = {str(i): str(self.rng.randint(1, 5000)) for i in report["indicators"]}
        submit = self.rng.random() < self.user.get("send_share", 0.02)
        payload = {
            "initiative": report["initiative"],
            "period": report["period"],
            "values": values,
            "activities": activities,
            "version": report["version"],
            "submit": submit,
        }
        t0 = time.time()
        cls, status, data = self.api("report", "POST", "/api/v1/reports", payload)
        write = {
            "type": "report",
            "key": f"{report['initiative']}/{report['period']}",
            "token": token,
            "t0": t0,
            "t1": time.time(),
            "base": report["version"],
            "values": values,
            "submit": submit,
            "outcome": outcome(cls),
            "status": status,
        }
        if cls == "ok" and data is not None:
            write.update(id=data["id"], version=data["version"])
            report["version"] = data["version"]
            if data["status"] not in ("draft", "returned"):
                self.reports.remove(report)
        else:
            report["version"] = None  # read it again before the next save
        self.run.wrote(write)

    def reread(self, target: dict) -> None:
        """The person's scoring's current version (0: none yet), as the scoring page or an API client reads it before
        saving. A member's own is told from the other members' by its assessor; there is one team and one self."""
        cls, _status, data = self.api(
            "api-read", "GET", f"/api/v1/assessments?initiative={target['initiative']}&kind={target['kind']}"
        )
        if cls != "ok" or data is None:
            return
        mine = [a for a in data if target["kind"] != "member" or a["assessor"] == self.user["assessor"]]
        if mine and mine[0]["status"] != "draft":
            self.scorings.remove(target)  # sent: nothing more to write
        else:
            target["version"] = mine[0]["version"] if mine else 0

    def score(self) -> None:
        target = self.rng.choice(self.scorings)
        if target["version"] is None:
            return self.reread(target)
        token = self.token()
        # Half points from 0 to each criterion's maximum.
        scores = {c: str(self.rng.randint(0, int(float(m) * 2)) / 2) for c, m in target["criteria"].items()}
        payload = {
            "initiative": target["initiative"],
            "kind": target["kind"],
            "scores": {c: {"value": v, "note": ""} for c, v in scores.items()},
            "comment": f"Nhận xét của người chấm ({token}).",
            "version": target["version"],
        }
        t0 = time.time()
        cls, status, data = self.api("score", "POST", "/api/v1/assessments", payload)
        key = f"{target['initiative']}/{target['kind']}/{self.user['username']}"
        write = {"type": "score", "key": key, "token": token, "t0": t0, "t1": time.time(), "scores": scores}
        write.update(base=target["version"], outcome=outcome(cls), status=status)
        if cls == "ok" and data is not None:
            write.update(id=data["id"], version=data["version"])
            target["version"] = data["version"]
        else:
            target["version"] = None  # read it again before the next save
        self.run.wrote(write)

    def feedback(self) -> None:
        """A citizen opens an initiative's feedback form, writes for a few seconds and sends it."""
        entry = self.rng.choice(self.user["feedback"])
        path = f"/showcase/{entry}/feedback/"
        # Django accepts a CSRF secret the client chose, sent both as the cookie and as the form's token.
        secret = "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(32))
        headers = {"Cookie": f"csrftoken={secret}", "X-Forwarded-For": self.user["address"]}
        cls, _status, _h, page = self.call("public", "GET", path, headers=headers)
        started = STARTED.search(page.decode("utf-8", "replace"))
        if cls != "ok" or started is None:
            return
        time.sleep(FEEDBACK_WAIT)
        token = self.token()
        form = {
            "csrfmiddlewaretoken": secret,
            "rating": str(self.rng.randint(3, 5)),
            "comment": f"Mô hình giúp bà con trong khu phố rất nhiều, cảm ơn các đồng chí ({token}).",
            "author_name": "",
            "author_area": "Phường Máy Tơ",
            "website": "",
            "started": started.group(1),
        }
        headers.update(
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"https://127.0.0.1:{self.run.spec['port']}{path}",
            }
        )
        t0 = time.time()
        cls, status, _h, _answer = self.call("feedback", "POST", path, urlencode(form).encode(), headers)
        write = {"type": "feedback", "key": str(entry), "token": token, "t0": t0, "t1": time.time()}
        write.update(outcome=outcome(cls), status=status)
        self.run.wrote(write)

    def live(self) -> None:
        think = self.run.spec.get("think_ms", 500) / 1000
        try:
            while True:
                self.step()
                time.sleep(self.rng.uniform(0, 2 * think))
        except Stop:
            pass
        finally:
            self.client.close()


def outcome(cls: str) -> str:
    if cls == "ok":
        return "acknowledged"
    if cls in ("conflict", "limited", "4xx", "3xx"):
        return "refused"  # the transaction was rolled back: nothing written
    return "uncertain"  # a 5xx or no answer: it may have been committed before the failure


def preflight(spec: dict) -> dict:
    """Every page of every person once, in turn: each must answer 200, or the plan is wrong (not the load)."""
    problems = []
    for user in spec["users"]:
        client = Client(spec["port"], spec.get("headers", {}), spec.get("timeout", 30))
        headers = {"Cookie": user["cookie"]} if user.get("cookie") else {}
        auth = {"Authorization": f"Bearer {user['token']}"} if user.get("token") else {}
        for path, extra in [*((p, headers) for p in user["pages"]), *((p, auth) for p in user.get("api_reads", []))]:
            status, answer_headers, body, _size, _s = client.request("GET", path, headers=extra, keep=True)
            if status != 200:
                text = readable(answer_headers, body)
                problems.append(f"{user['name']}: GET {path}: {describe(status, answer_headers, text)}")
        client.close()
    return {"problems": problems}


def main() -> None:
    spec = json.load(sys.stdin)
    if spec.get("preflight"):
        json.dump(preflight(spec), sys.stdout)
        return
    run = Run(spec)
    started = time.perf_counter()
    threads = [threading.Thread(target=Person(run, u, i).live) for i, u in enumerate(spec["users"])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    json.dump({"requests": run.requests, "writes": run.writes, "wall_s": time.perf_counter() - started}, sys.stdout)


if __name__ == "__main__":
    main()
