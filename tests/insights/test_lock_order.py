"""Two saves about one initiative at the same moment both succeed: neither is broken off by PostgreSQL as a
deadlock. Found by the load test (`make loadtest`): a unit's progress report and a scoring of the same initiative,
each refreshing the campaign's stored counts (danvan.insights.tally, which locks the campaign's row)."""

import threading
import time

import pytest
from django.db import connection, transaction

from danvan.assessments.models import Assessment
from danvan.assessments.services import ScoreInput, assessment_save
from danvan.progress.models import ProgressReport
from danvan.progress.services import report_save
from tests.assessments.test_scoring import sc  # noqa: F401 (a fixture)
from tests.conftest import campaign_periods

TIMEOUT = 20  # seconds


def _waiting_for_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return bool(row) and row[0] == "Lock"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two transactions at once need a database that runs them side by side"
)
@pytest.mark.django_db(transaction=True)
def test_a_report_and_a_scoring_of_one_initiative_saved_at_once_both_succeed(world, sc):  # noqa: F811
    """The report's transaction has written the report (its key to the initiative is checked as it commits) and
    holds the campaign's counts; the scoring locks the initiative and waits for those counts. Then the report
    commits: before, it waited there for the scoring's lock on the initiative, and PostgreSQL broke the cycle by
    refusing the scoring ("deadlock detected", a 503 to the surveyor)."""
    (period,) = campaign_periods(world, (-30, 1, 7), names=["Quý IV"])
    initiative = sc.a
    reported, release = threading.Event(), threading.Event()
    pid: dict[str, int] = {}
    saved: list[str] = []
    errors: list[BaseException] = []

    def report() -> None:
        try:
            with transaction.atomic():  # a request still at work after its save, as a slow one is
                report_save(initiative=initiative, period=period, by=world.officer_a, results="Đã làm được")
                reported.set()
                release.wait(TIMEOUT)
            saved.append("report")
        except BaseException as exc:
            errors.append(exc)
        finally:
            reported.set()
            connection.close()

    def scoring() -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pid["scoring"] = cursor.fetchone()[0]
            reported.wait(TIMEOUT)
            assessment_save(
                initiative=initiative, by=world.officer_a, kind="self", scores={sc.effect.pk: ScoreInput("8")}
            )
            saved.append("scoring")
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=report), threading.Thread(target=scoring)]
    for thread in threads:
        thread.start()
    waited = False
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and not errors:
        if "scoring" in pid and reported.is_set() and _waiting_for_a_lock(pid["scoring"]):
            waited = True
            break
        time.sleep(0.05)
    release.set()
    for thread in threads:
        thread.join(TIMEOUT)

    assert waited, f"the scoring never waited for the report's transaction: {errors}"
    assert errors == []
    assert sorted(saved) == ["report", "scoring"]
    assert ProgressReport.objects.filter(initiative=initiative, period=period).count() == 1
    assert Assessment.objects.filter(initiative=initiative, kind="self").count() == 1
