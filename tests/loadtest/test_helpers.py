"""The load test's own arithmetic (loadtest/): how answers are classed and how acknowledged writes are judged found,
lost or duplicated. The load test itself runs with `make loadtest`, not here."""

import json
from collections import Counter
from decimal import Decimal
from types import SimpleNamespace

from loadtest import load, run


def stored(items):
    return SimpleNamespace(all=lambda: items)


def report_row(token, version, values):
    rows = [SimpleNamespace(indicator_id=int(k), value=Decimal(v)) for k, v in values.items()]
    return SimpleNamespace(activities=f"Đã làm ({token}).", version=version, values=stored(rows))


def save(token, outcome, version=None, base=0, values=None):
    return {"token": token, "outcome": outcome, "version": version, "base": base, "values": values or {"1": "5"}}


def test_answers_are_classed_by_what_they_say():
    # The API escapes the letters of its messages: they are read from the JSON, not from the bytes.
    body = json.dumps({"detail": "Báo cáo này vừa được người khác sửa."}).encode()
    stale = load.readable({"Content-Type": "application/json"}, body)
    assert load.classify(400, stale) == "conflict"
    assert load.classify(400, "Bạn đã gửi 5 ý kiến trong một giờ qua.") == "limited"
    assert load.classify(400, "Tiêu chí không thuộc thang điểm.") == "4xx"
    assert (load.classify(200, ""), load.classify(503, ""), load.classify(500, ""), load.classify(302, "")) == (
        "ok",
        "503",
        "5xx",
        "3xx",
    )
    assert [load.outcome(c) for c in ("ok", "conflict", "5xx", "timeout")] == [
        "acknowledged",
        "refused",
        "uncertain",
        "uncertain",
    ]


def test_a_report_holds_its_last_acknowledged_save_or_a_later_uncertain_one():
    first, second = save("LT-p1-0-1", "acknowledged", 2), save("LT-p1-0-2", "acknowledged", 3, base=2)
    assert run.report_holds_last([first, second], report_row("LT-p1-0-2", 3, {"1": "5"}))
    assert not run.report_holds_last([first, second], report_row("LT-p1-0-1", 2, {"1": "5"}))  # the later one lost
    assert not run.report_holds_last([first, second], report_row("LT-p1-0-2", 3, {"1": "6"}))  # other values
    assert not run.report_holds_last([first], None)
    later = save("LT-p1-0-3", "uncertain", base=3)  # its answer was a 500, but it was committed
    assert run.report_holds_last([first, second, later], report_row("LT-p1-0-3", 4, {"1": "5"}))


def test_a_scoring_counts_its_saves_in_its_version_and_holds_the_last():
    def scoring(version, token):
        scores = stored([SimpleNamespace(criterion_id=7, value=Decimal("4.5"))])
        return SimpleNamespace(version=version, comment=f"({token})", scores=scores)

    def saves(*outcomes):
        """Each save sent on top of the one before: the first creates the scoring at version 1."""
        return [
            {"token": f"LT-p1-0-{n}", "outcome": o, "base": n - 1, "version": n, "scores": {"7": "4.5"}}
            for n, o in enumerate(outcomes, 1)
        ]

    def judged(ws, row, initial=0):
        figures = Counter()
        run.check_scoring(ws, row, initial, figures)
        return figures["found"], figures["lost"], figures["uncertain_in_db"], figures["duplicated"]

    three = saves("acknowledged", "acknowledged", "acknowledged")
    assert judged(three, scoring(3, "LT-p1-0-3")) == (3, 0, 0, 0)
    assert judged(three, scoring(2, "LT-p1-0-2")) == (2, 1, 0, 0)  # one save is not in the version
    assert judged(three, scoring(3, "LT-p1-0-1")) == (2, 1, 0, 0)  # holds an older save than the last acknowledged
    assert judged(three, None) == (0, 3, 0, 0)
    assert judged(three[1:], scoring(3, "LT-p1-0-3"), initial=1) == (2, 0, 0, 0)  # it existed before the run
    with_uncertain = saves("acknowledged", "acknowledged", "uncertain")  # its answer was lost, but it was committed
    assert judged(with_uncertain, scoring(3, "LT-p1-0-3")) == (2, 0, 1, 0)
    assert judged(with_uncertain, scoring(2, "LT-p1-0-2")) == (2, 0, 0, 0)  # or it was not
    # One more commit than saves were sent: counted as a duplicate, and the last save no longer holds its version.
    assert judged(three, scoring(4, "LT-p1-0-3")) == (2, 1, 0, 1)


def test_the_outage_and_the_recovery_are_read_from_the_requests():
    times = {"stop": 10.0, "stopped": 10.5, "start": 15.5, "up": 16.0}
    rows = [
        [9.0, 1500, "page", "5xx", 500, "GET /: 500 text/html Lỗi", True],  # queued, answered while down
        [12.0, 20, "page", "ok", 200, "", False],  # a page kept in the cache
        [13.0, 20, "report", "5xx", 500, "POST /api: 500 text/html x", False],
        *([16.5, 50, kind, "ok", 200, "", False] for kind in ("page", "public", "api-read", "report", "score")),
    ]
    figures = run.outage_figures(rows, times)
    assert figures["requests"] == 3
    assert (figures["failed_saying_try_again"], figures["failed_silently"]) == (1, 1)
    assert figures["served_while_down"] == {"page": 1}
    assert figures["recovered"] and figures["succeeded_again_after_s"]["page"] == 0.6
    assert not run.outage_figures(rows[:-1], times)["recovered"]  # no scoring succeeded after the return
