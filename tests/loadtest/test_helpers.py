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


def test_a_scoring_counts_its_saves_in_its_version():
    def scoring(version, token="LT-p1-0-3"):
        scores = stored([SimpleNamespace(criterion_id=7, value=Decimal("4.5"))])
        return SimpleNamespace(version=version, comment=f"({token})", scores=scores)

    def saves(*outcomes):
        return [
            {"token": f"LT-p1-0-{n}", "outcome": o, "t0": n, "t1": n + 0.5, "scores": {"7": "4.5"}}
            for n, o in enumerate(outcomes, 1)
        ]

    figures = Counter()
    run.check_scoring(saves("acknowledged", "acknowledged", "acknowledged"), scoring(3), 0, figures)
    assert (figures["found"], figures["lost"], figures["duplicated"]) == (3, 0, 0)
    figures = Counter()
    run.check_scoring(saves("acknowledged", "acknowledged", "acknowledged"), scoring(2), 0, figures)
    assert (figures["found"], figures["lost"]) == (2, 1)
    figures = Counter()
    run.check_scoring(saves("acknowledged", "uncertain", "acknowledged"), scoring(4), 0, figures)
    assert (figures["found"], figures["uncertain_in_db"], figures["duplicated"]) == (2, 1, 1)
    figures = Counter()  # holds an acknowledged save that another acknowledged one, sent after it, followed
    run.check_scoring(saves("acknowledged", "acknowledged", "acknowledged"), scoring(3, "LT-p1-0-1"), 0, figures)
    assert figures["lost"] == 1


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
