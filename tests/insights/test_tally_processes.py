"""The counts rebuilt by several processes (as the national generator rebuilds them) are those one process stores.
A test of its own module: it commits (the processes read committed rows), which the module of the other tally tests,
holding the demo in a transaction for all its tests, cannot."""

import pytest
from django.db import connection

from danvan.insights import tally
from tests.insights.test_tally import stored


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the rebuild in several processes is PostgreSQL's, outside a transaction"
)
@pytest.mark.django_db(transaction=True)
def test_a_rebuild_shared_between_processes_stores_what_one_process_does():
    from danvan.demo import national

    national.generate(initiatives=80, seed=6, years=3)  # its counts rebuilt by two processes
    shared = stored()
    assert len({campaign for campaign, *_rest in shared[0]}) == 3
    tally.rebuild()
    assert stored() == shared
    tally.rebuild(processes=2)
    assert stored() == shared
