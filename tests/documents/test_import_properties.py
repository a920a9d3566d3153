"""Property-based tests of the import parser: whatever the cells hold, reading gives rows or clean problems naming
a row and a column, never a crash; and rows written from valid values read back as they were written."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.documents.services import import_preview
from danvan.documents.sheets import SheetRefused, cell_text, parse_date, read_table
from tests.documents.sheetfiles import HEADER, csv_bytes, row, xlsx

FAST = settings(max_examples=60, deadline=None, derandomize=True, database=None)
DB = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# What a person types in a cell: Vietnamese letters, digits, punctuation, spaces; and what a spreadsheet may hold.
# (Control characters cannot be written to an XLSX at all, so no file can carry them.)
text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40)
tidy = st.text(
    alphabet="abcdeghiklmnopqrstuvxyĂÂĐÊÔƠƯăâđêôơưáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩịúùủũụ0123456789-.,()",
    min_size=1,
    max_size=30,
)
cell = st.one_of(
    st.none(),
    text,
    st.integers(min_value=-(2**53), max_value=2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
)


@FAST
@given(content=st.binary(max_size=400), name=st.sampled_from(["dang-ky.csv", "dang-ky.xlsx", "x", ""]))
def test_any_bytes_are_read_or_refused_with_a_message(content, name):
    try:
        table = read_table(name, content)
    except SheetRefused as refused:
        assert refused.problems and all(p.message and p.column for p in refused.problems)
    else:
        assert table.kind in ("csv", "xlsx")
        assert all(len(r.values) == len(table.header) for r in table.rows)


@FAST
@given(rows=st.lists(st.lists(tidy, min_size=len(HEADER), max_size=len(HEADER)), min_size=1, max_size=5))
def test_tidy_text_rows_round_trip_through_csv_and_xlsx(rows):
    for content, name in ((csv_bytes(rows), "a.csv"), (xlsx(rows), "a.xlsx")):
        table = read_table(name, content)
        assert table.header == HEADER
        assert [[cell_text(v) for v in r.values] for r in table.rows] == rows
        assert [r.number for r in table.rows] == list(range(2, len(rows) + 2))


@FAST
@given(day=st.dates(min_value=date(1945, 1, 1), max_value=date(2100, 12, 31)), sep=st.sampled_from("/-."))
def test_dates_written_day_first_parse_back(day, sep):
    assert parse_date(f"{day.day}{sep}{day.month}{sep}{day.year}") == day
    assert parse_date(f"{day.day:02d}/{day.month:02d}/{day.year}") == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(cell_text(day)) == day


@FAST
@given(value=cell)
def test_parse_date_gives_a_date_or_a_value_error(value):
    try:
        day = parse_date(value)
    except ValueError:
        return
    assert isinstance(day, date)


@pytest.mark.django_db
@DB
@given(rows=st.lists(st.lists(cell, min_size=len(HEADER), max_size=len(HEADER)), min_size=1, max_size=4))
def test_arbitrary_cells_give_problems_naming_row_and_column(world, rows):
    batch = import_preview(campaign=world.campaign, name="dang-ky.xlsx", content=xlsx(rows), by=world.admin)
    for p in batch.problems:
        assert p["message"] and p["level"]
        if p["row"] is not None:  # a problem of one row also names its column
            assert p["column"] and 2 <= p["row"] <= len(rows) + 1


@pytest.mark.django_db
@DB
# Unit A already has one initiative in `world` and may have three: two more rows stay within its quota.
@given(titles=st.lists(tidy, min_size=1, max_size=2, unique_by=lambda t: t.casefold()))
def test_valid_rows_are_all_to_be_created(world, titles):
    rows = [row(title=f"Mô hình {t}") for t in titles]
    batch = import_preview(campaign=world.campaign, name="dang-ky.xlsx", content=xlsx(rows), by=world.admin)
    assert [p for p in batch.problems if p["level"] == "error"] == []
    assert batch.create_count == len(rows)
