"""Bulk writing, shared by the national generator (`demo.national`) and the full rebuilds of derived tables
(`insights.tally`, `recognition.fingerprints`): plain rows into a table, a table's secondary indexes and constraints
dropped for a load and put back after, statements run side by side on connections of their own, and a forked
process's own connection.

These paths write many rows at once and send no signals: each caller says what it keeps up to date afterwards."""

import multiprocessing
import threading
import time
import traceback
from collections.abc import Callable, Sequence

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction

from danvan.core.freshness import table_written


def insert_rows(model, columns: Sequence[str], rows: list) -> None:
    """Plain rows into the model's table (`columns` by field name, `…_id` for a foreign key): COPY on PostgreSQL,
    INSERTs elsewhere. On PostgreSQL a row may also be one ready line of COPY's text format (the caller vouches that
    it has nothing to escape), which spares formatting every value again."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(model._meta.get_field(c.removesuffix("_id")).column) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                if isinstance(rows[0], str):
                    copy.write("".join(rows))
                else:
                    for row in rows:
                        copy.write_row(row)
            # COPY is not seen by the pages' data versions (`core.freshness`): said here.
            table_written(model._meta.db_table, connection)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def secondary(cursor, tables: list[str]) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """PostgreSQL: the statements that drop the tables' unique constraints and indexes other than the primary key,
    and every foreign key from or to them; then (name, statement) pairs that put back the indexes and unique
    constraints, and those that put back the foreign keys. (With no foreign key pointing at it, a table can be
    emptied and loaded frozen.)"""
    quote = connection.ops.quote_name
    cursor.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype FROM pg_constraint "
        "WHERE (contype IN ('f', 'u') AND conrelid = ANY(%s::regclass[])) "
        "   OR (contype = 'f' AND confrelid = ANY(%s::regclass[])) ORDER BY 1, 2",
        [tables, tables],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT ic.relname, pg_get_indexdef(ix.indexrelid) FROM pg_index ix "
        "JOIN pg_class ic ON ic.oid = ix.indexrelid "
        "WHERE ix.indrelid = ANY(%s::regclass[]) AND NOT ix.indisprimary AND NOT EXISTS ("
        "  SELECT 1 FROM pg_constraint k WHERE k.conindid = ix.indexrelid AND k.contype IN ('p', 'u', 'x')) "
        "ORDER BY 1",
        [tables],
    )
    indexes = cursor.fetchall()

    def add(t: str, n: str, d: str) -> tuple[str, str]:
        return n, f"ALTER TABLE {quote(t)} ADD CONSTRAINT {quote(n)} {d}"

    drops = [f"ALTER TABLE {quote(t)} DROP CONSTRAINT {quote(n)}" for t, n, _d, kind in constraints if kind == "f"]
    drops += [f"ALTER TABLE {quote(t)} DROP CONSTRAINT {quote(n)}" for t, n, _d, kind in constraints if kind == "u"]
    drops += [f"DROP INDEX {quote(name)}" for name, _d in indexes]
    builds = [(name, definition) for name, definition in indexes]
    builds += [add(t, n, d) for t, n, d, kind in constraints if kind == "u"]
    keys = [add(t, n, d) for t, n, d, kind in constraints if kind == "f"]
    return drops, builds, keys


def run_in_parallel(statements: list[str], *, workers: int = 2, say: Callable[[str], None] | None = None) -> None:
    """Run independent statements (index builds, constraint checks, ANALYZE) on connections of their own, `workers`
    at a time, in the order given (so give the longest first); raise the first error once all have stopped. `say`,
    if given, hears how long each one took."""
    pending = list(reversed(statements))
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work() -> None:
        raw = connection.get_new_connection(connection.get_connection_params())
        try:
            raw.autocommit = True
            with raw.cursor() as cursor:
                cursor.execute("SET maintenance_work_mem = '512MB'")
                cursor.execute("SET work_mem = '128MB'")
                while not errors:
                    with lock:
                        if not pending:
                            return
                        statement = pending.pop()
                    started = time.monotonic()
                    cursor.execute(statement)
                    if say:
                        say(f"      {time.monotonic() - started:6.2f}s {statement[:110]}")
        except BaseException as exc:
            errors.append(exc)
        finally:
            raw.close()

    threads = [threading.Thread(target=work) for _k in range(min(workers, len(statements)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


_INHERITED: list = []  # connection wrappers forked processes copied from their parent (see own_connection)


def own_connection() -> None:
    """In a forked process, before any query: use a connection of its own. What the fork copied of the parent's
    connection shares its socket with the parent and the other processes, so it is never used; it is kept
    referenced, never closed or collected, so that nothing is sent on that socket from here."""
    _INHERITED.append(connections[DEFAULT_DB_ALIAS])
    connections[DEFAULT_DB_ALIAS] = connections.create_connection(DEFAULT_DB_ALIAS)


def share_out(sizes: dict[int, int], workers: int = 2) -> list[list[int]]:
    """Keys (campaigns) shared out between `workers` processes by their sizes, the largest first to the least
    loaded; each share sorted, empty ones left out."""
    groups: list[list[int]] = [[] for _k in range(workers)]
    loads = [0] * workers
    for key, n in sorted(sizes.items(), key=lambda item: (-item[1], item[0])):
        k = loads.index(min(loads))
        groups[k].append(key)
        loads[k] += n
    return [sorted(g) for g in groups if g]


def in_processes(job: Callable[[list], object], groups: list[list]) -> tuple[list, list[str]]:
    """Run `job(group)` for each group in a forked process of its own, side by side, each on a connection of its
    own and in one transaction. Answer the results of those that succeeded and the tracebacks of those that failed
    (a failed one wrote nothing); the caller decides what a failure undoes. The caller's connection is closed first:
    the processes must not share it, and it connects again on its next query."""
    connection.close()
    context = multiprocessing.get_context("fork")
    processes, receivers = [], []
    results: list = []
    errors: list[str] = []
    try:
        for group in groups:
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_forked, args=(job, group, sender))
            process.start()
            sender.close()
            processes.append(process)
            receivers.append(receiver)
        for receiver in receivers:
            try:
                ok, answer = receiver.recv()
            except EOFError:
                ok, answer = False, "a process ended without an answer"
            (results if ok else errors).append(answer)
        for process in processes:
            process.join()
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
                process.join()
    errors += [f"a process ended with code {p.exitcode}" for p in processes if p.exitcode and not errors]
    return results, errors


def _forked(job: Callable[[list], object], group: list, sender) -> None:
    own_connection()
    try:
        with transaction.atomic():
            answer = job(group)
        sender.send((True, answer))
    except BaseException:
        sender.send((False, traceback.format_exc()))
    finally:
        connection.close()
        sender.close()
