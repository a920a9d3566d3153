"""Reading spreadsheets: numbers and dates as Vietnamese write them, CSV dialects, what is refused."""

from datetime import date
from decimal import Decimal

import pytest

from danvan.core.text import parse_number
from danvan.documents.sheets import SheetRefused, parse_date, read_table
from tests.documents.sheetfiles import xlsx


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("1.250", Decimal("1250")),
        ("1.250,5", Decimal("1250.5")),
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),
        ("0.250", Decimal("0.250")),
        ("1.250.000", Decimal("1250000")),
        ("1,250,000", Decimal("1250000")),
        ("1,250.5", Decimal("1250.5")),
        (" 811\u00a0", Decimal("811")),
        (811, Decimal("811")),
        (12.5, Decimal("12.5")),
    ],
)
def test_numbers_as_vietnamese_write_them(written, number):
    assert parse_number(written) == number


@pytest.mark.parametrize("written", ["", "abc", "-5", "1e5", "1.2.3,4,5", True, None])
def test_not_numbers(written):
    with pytest.raises(ValueError):
        parse_number(written)


@pytest.mark.parametrize(
    "written", ["15/4/2017", "15/04/2017", "15-4-2017", "15.4.2017", "2017-04-15", "2017-04-15 00:00:00", 42840]
)
def test_dates(written):
    assert parse_date(written) == date(2017, 4, 15)


@pytest.mark.parametrize("written", ["31/02/2017", "15/4/17", "15/4-2017", "2017", "", "ngày 15", 0, -3])
def test_not_dates(written):
    with pytest.raises(ValueError):
        parse_date(written)


def test_csv_with_excels_separator_line_and_quoted_line_breaks():
    content = 'sep=;\r\nMã đơn vị;Ghi chú\r\nA;"dòng một\r\ndòng hai"\r\nB;x\r\n'.encode()
    table = read_table("a.csv", content)
    assert table.header == ["Mã đơn vị", "Ghi chú"] and table.header_row == 1
    assert [(r.number, r.values) for r in table.rows] == [(2, ["A", "dòng một\ndòng hai"]), (3, ["B", "x"])]


def test_a_header_below_empty_rows_keeps_the_sheet_numbers():
    table = read_table("a.xlsx", xlsx([None, ["Mã đơn vị", "Tên mô hình"], ["A", "x"]], header=None))
    assert table.header_row == 2 and [r.number for r in table.rows] == [3]


def test_a_sheet_with_only_empty_cells_is_refused():
    with pytest.raises(SheetRefused) as refused:
        read_table("a.xlsx", xlsx([None, ["", " "]], header=None))
    assert "không có dữ liệu" in refused.value.problems[0].message
