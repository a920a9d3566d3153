"""The load driver of `make bench`: a process of its own, separate from the server's, that sends one scenario's
requests over loopback and reports what it measured. Standard library only.

It reads a JSON spec on stdin and writes a JSON result on stdout:

    spec   {"port": 8123, "headers": {...}, "paths": ["/a", "/b"], "warmup_paths": [...], "warmup": 6,
            "requests": 300, "concurrency": 6, "timeout": 600, "max_seconds": 0, "first": true, "cold": true}
           or, for an import, "import": {"file": "/tmp/x.xlsx", "campaign": 3, "token": "..."} instead of paths
    result {"latencies_ms": [...], "queries": [...], "errors": [{"status": 500, "path": "/a", "detail": "..."}],
            "wall_s": 12.3, "bytes": 123456, "created_ids": [...], "first_ms": 812.0, "first_queries": 26,
            "cold": {"latencies_ms": [...], "queries": [...], "errors": [...], "wall_s": 3.1, "bytes": 123}}

With `cold` (a scenario of several paths), every path but the first (read alone by `first`) is read once, at the
measured concurrency, before the warm-up: those pages are worked out afresh, as by the first reader after a
change, and are reported apart under `cold`. The measured phase then reads pages read before, as a single-path
scenario's does after its first request.

`paths` are taken in turn. With `max_seconds`, no new request is sent once the measured phase has run that
long (those under way are finished and counted). Each thread keeps its own HTTP/1.1 connection (gunicorn's
sync workers close it after every answer; http.client then opens a new one). A request's latency runs from
sending it to reading the last byte of the answer. Any answer that is not 2xx, and any failed connection, is
an error.
"""

import http.client
import itertools
import json
import sys
import threading
import time
import uuid
from pathlib import Path

CHUNK = 256 * 1024


class Client:
    def __init__(self, port: int, headers: dict, timeout: float):
        self.port = port
        self.headers = headers
        self.timeout = timeout
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None, keep=False):
        """(status, response headers, body, size, seconds). The body is kept whole with `keep`, else only its
        first kilobytes (enough for an error page): a large file is read to its end but not held."""
        all_headers = {**self.headers, **(headers or {})}
        attempts = (1, 2) if method == "GET" else (2,)
        for attempt in attempts:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            started = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=all_headers)
                response = self.conn.getresponse()
                status, response_headers = response.status, dict(response.getheaders())
                parts, size = [], 0
                while chunk := response.read(CHUNK):
                    size += len(chunk)
                    if keep or not parts:
                        parts.append(chunk)
                elapsed = time.perf_counter() - started
                if response.will_close:
                    self.close()
                return status, response_headers, b"".join(parts), size, elapsed
            except (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine):
                # A connection the server closed while idle: a GET is retried once on a new one, then an error.
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def queries_of(headers: dict) -> int | None:
    value = headers.get("X-Queries") or headers.get("x-queries")
    return int(value) if value is not None and value.isdigit() else None


def run_pages(spec: dict) -> dict:
    port, headers, timeout = spec["port"], spec.get("headers", {}), spec.get("timeout", 600)
    concurrency = max(1, int(spec.get("concurrency", 1)))
    result: dict = {"latencies_ms": [], "queries": [], "errors": [], "bytes": 0}
    lock = threading.Lock()

    def worker(paths: list[str], counter, total: int, sink: dict | None, deadline: float) -> None:
        client = Client(port, headers, timeout)
        try:
            while True:
                with lock:
                    n = next(counter)
                if n >= total or time.perf_counter() > deadline:
                    return
                path = paths[n % len(paths)]
                try:
                    status, response_headers, body, size, elapsed = client.request("GET", path)
                except Exception as exc:
                    if sink is not None:
                        with lock:
                            sink["errors"].append({"status": None, "path": path, "detail": repr(exc)})
                    continue
                if sink is None:
                    continue
                with lock:
                    sink["latencies_ms"].append(elapsed * 1000)
                    sink["bytes"] += size
                    q = queries_of(response_headers)
                    if q is not None:
                        sink["queries"].append(q)
                    if not 200 <= status < 300:
                        detail = body[:300].decode("utf-8", "replace")
                        if 300 <= status < 400:
                            detail = f"redirect to {response_headers.get('Location', '?')}"
                        sink["errors"].append({"status": status, "path": path, "detail": detail})
        finally:
            client.close()

    def phase(paths: list[str], total: int, sink: dict | None, seconds: float = 0) -> float:
        counter = itertools.count()
        started = time.perf_counter()
        deadline = started + seconds if seconds else float("inf")
        threads = [
            threading.Thread(target=worker, args=(paths, counter, total, sink, deadline)) for _ in range(concurrency)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return time.perf_counter() - started

    if spec.get("first"):
        # One request alone before anything else: the page as its first reader after a change gets it (nothing
        # kept yet; the worker answering may be new too).
        client = Client(port, headers, timeout)
        try:
            status, response_headers, _body, _size, elapsed = client.request("GET", spec["paths"][0])
            result["first_ms"] = elapsed * 1000
            result["first_queries"] = queries_of(response_headers)
        except Exception:
            result["first_ms"] = None
        finally:
            client.close()
    rest = list(dict.fromkeys(spec["paths"]))[1 if spec.get("first") else 0 :]
    if spec.get("cold") and rest:
        cold: dict = {"latencies_ms": [], "queries": [], "errors": [], "bytes": 0}
        cold["wall_s"] = phase(rest, len(rest), cold)
        result["cold"] = cold
    if spec.get("warmup"):
        phase(spec.get("warmup_paths") or spec["paths"], int(spec["warmup"]), None)
    result["wall_s"] = phase(spec["paths"], int(spec["requests"]), result, seconds=spec.get("max_seconds", 0))
    return result


def multipart(fields: dict[str, str], file_field: str, filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = bytearray()
    for name, value in fields.items():
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    out += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
        "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"
    ).encode()
    out += content + f"\r\n--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def run_import(spec: dict) -> dict:
    """One import: the upload with its preview, then applying it; timed together, their queries added."""
    job = spec["import"]
    client = Client(spec["port"], {**spec.get("headers", {}), "Authorization": f"Bearer {job['token']}"}, 600)
    result: dict = {"latencies_ms": [], "queries": [], "errors": [], "bytes": 0, "created_ids": []}
    for path in spec.get("warmup_paths") or []:
        client.request("GET", path)
    content = Path(job["file"]).read_bytes()
    body, content_type = multipart({"campaign": str(job["campaign"])}, "file", Path(job["file"]).name, content)
    started = time.perf_counter()
    status, headers, answer, _size, preview_s = client.request(
        "POST", "/api/v1/imports", body=body, headers={"Content-Type": content_type}, keep=True
    )
    queries = queries_of(headers) or 0
    preview = json.loads(answer) if answer.startswith(b"{") else {}
    result["preview_s"] = preview_s
    if status != 201 or preview.get("status") != "previewed" or preview.get("error_count"):
        problems = [p for p in preview.get("problems", []) if p.get("level") == "error"][:5]
        detail = f"preview {preview.get('status')}: {problems or answer[:300].decode('utf-8', 'replace')}"
        result["errors"].append({"status": status, "path": "/api/v1/imports", "detail": detail})
        result["wall_s"] = time.perf_counter() - started
        return result
    path = f"/api/v1/imports/{preview['id']}/apply"
    status, headers, answer, _size, apply_s = client.request("POST", path, keep=True)
    result["wall_s"] = time.perf_counter() - started
    result["apply_s"] = apply_s
    applied = json.loads(answer) if answer.startswith(b"{") else {}
    result["created_ids"] = applied.get("created_ids") or []
    result["latencies_ms"].append((preview_s + apply_s) * 1000)
    result["queries"].append(queries + (queries_of(headers) or 0))
    if status != 200 or applied.get("created_count") != job.get("rows"):
        detail = f"apply: created {applied.get('created_count')} of {job.get('rows')}: {answer[:300]!r}"
        result["errors"].append({"status": status, "path": path, "detail": detail})
    client.close()
    return result


def main() -> None:
    spec = json.load(sys.stdin)
    result = run_import(spec) if "import" in spec else run_pages(spec)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
