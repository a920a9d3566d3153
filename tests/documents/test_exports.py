"""Lists and statistic tables as XLSX and CSV: the rows the user may see, Vietnamese headers, numbers as numbers,
the list's own filters, and a memory peak that does not grow with the number of rows."""

import csv
import io
import tracemalloc

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from danvan.documents import exports
from danvan.initiatives import services
from danvan.initiatives.models import Initiative
from danvan.insights.statistics import as_number, campaign_statistics

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def xlsx_rows(content: bytes, sheet=None) -> list[tuple]:
    wb = load_workbook(io.BytesIO(content))
    ws = wb[sheet] if sheet else wb.worksheets[0]
    return list(ws.iter_rows(values_only=True))


def test_the_list_as_xlsx_holds_what_the_user_sees(world, login):
    services.initiative_accept(initiative=world.submitted_a, by=world.admin)
    response = login(world.officer_b).get(reverse("documents:initiatives_xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"] == exports.XLSX_TYPE
    assert "attachment" in response["Content-Disposition"]
    rows = xlsx_rows(body(response))
    assert rows[0][:6] == ("Số hiệu", "Năm", "Mã đơn vị", "Đơn vị", "Tên mô hình", "Loại mô hình")
    visible = Initiative.objects.visible_to(world.officer_b)
    assert [r[0] for r in rows[1:]] == list(visible.order_by("pk").values_list("pk", flat=True))
    assert all(r[4] != world.submitted_a.title for r in rows[1:])  # another unit's initiative is not there

    rows = xlsx_rows(body(login(world.admin).get(reverse("documents:initiatives_xlsx"))))
    by_id = {r[0]: r for r in rows[1:]}
    row = by_id[world.submitted_a.pk]
    assert isinstance(row[1], int) and row[1] == world.campaign.year  # a number, not text
    assert row[2] == world.cell_a.code and row[7] == "Đã duyệt"
    assert row[6] == world.campaign.fields.get(pk=world.field_ids[0]).name


def test_filters_are_the_lists_own(world, login):
    client = login(world.admin)
    world.make(world.unit_b, world.officer_b, "Ngày thứ Bảy tình nguyện Gamma", submit=True, kind="individual")
    url = reverse("documents:initiatives_csv") + "?kind=individual&q=tinh nguyen"
    rows = list(csv.reader(io.StringIO(body(client.get(url)).decode("utf-8-sig"))))
    expected = Initiative.objects.filter(kind="individual", search_text__contains=" tinh nguyen")
    assert rows[0][4] == "Tên mô hình"
    assert sorted(int(r[0]) for r in rows[1:]) == sorted(expected.values_list("pk", flat=True))

    bad = client.get(reverse("documents:initiatives_xlsx") + "?stage=khong-co")
    assert bad.status_code == 400
    assert "Tiến trình" in bad.content.decode()


def test_csv_starts_with_a_bom_and_keeps_vietnamese_letters(world, login):
    content = body(login(world.admin).get(reverse("documents:initiatives_csv")))
    assert content.startswith("\ufeff".encode())
    assert "Trợ giúp pháp lý miễn phí".encode() in content


def test_statistics_workbook_has_every_table_with_numbers(world, login):
    services.initiative_accept(initiative=world.submitted_a, by=world.admin)
    response = login(world.admin).get(reverse("documents:statistics_xlsx", args=[world.campaign.pk]))
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(body(response)))
    tables = campaign_statistics(world.campaign, world.admin).tables
    assert wb.sheetnames[: len(tables)] == [t.title[:31] for t in tables]
    for table in tables:
        rows = list(wb[table.title[:31]].iter_rows(values_only=True))
        assert rows[3][: len(table.columns)] == tuple(c.label for c in table.columns)
        for sheet_row, row in zip(rows[4:], table.rows, strict=False):
            expected = [as_number(v) for v in row.cells]
            got = list(sheet_row[: len(expected)])
            for g, e in zip(got, expected, strict=True):
                if isinstance(e, int | float) and not isinstance(e, bool):
                    assert isinstance(g, int | float) and g == e
    by_unit = list(wb["Mô hình theo đơn vị"].iter_rows(values_only=True))
    total = next(r for r in by_unit if r[0] == "Cộng")
    assert total[1] == Initiative.objects.filter(campaign=world.campaign).registered().count()


def test_one_table_as_csv_and_an_unknown_one(world, login):
    client = login(world.leader)
    ok = client.get(reverse("documents:statistics_csv", args=[world.campaign.pk, "by_unit"]))
    rows = list(csv.reader(io.StringIO(body(ok).decode("utf-8-sig"))))
    assert rows[0][:2] == ["Đơn vị", "Đăng ký"]
    assert client.get(reverse("documents:statistics_csv", args=[world.campaign.pk, "khong-co"])).status_code == 404


def _many(world, n: int) -> None:
    """`n` more accepted initiatives spread over the units, written in bulk (the export reads, it does not care how
    they were made)."""
    Initiative.objects.filter(title__startswith="Hàng loạt").delete()
    units = [world.unit_a, world.unit_b, world.unit_c, world.cell_a]
    rows = [
        Initiative(
            campaign=world.campaign,
            unit=units[k % 4],
            title=f"Hàng loạt số {k} — tuyên truyền, vận động nhân dân",
            status=Initiative.Status.ACCEPTED,
            search_text=f" hang loat so {k}",
            area="Phường Lạch Tray, quận Ngô Quyền",
            beneficiaries="Người dân " * 20,
        )
        for k in range(n)
    ]
    Initiative.objects.bulk_create(rows, batch_size=500)
    through = Initiative.fields.through
    through.objects.bulk_create(
        [
            through(initiative_id=i.pk, field_id=world.field_ids[0])
            for i in Initiative.objects.filter(title__startswith="Hàng loạt")
        ],
        batch_size=500,
    )


def _peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_exports_keep_a_bounded_memory_peak(world, monkeypatch):
    """Five times the rows, about the same peak: rows are read and written a chunk at a time."""
    monkeypatch.setattr(exports, "CHUNK", 200)
    qs = Initiative.objects.filter(title__startswith="Hàng loạt").order_by("pk")

    def csv_all():
        size = sum(
            len(piece) for piece in exports.csv_stream(exports.initiative_headers(), exports.initiative_rows(qs))
        )
        assert size > 0

    def xlsx_all():
        exports.initiatives_xlsx(qs, title="Mô hình").close()

    peaks = {}
    for n in (600, 3000):
        _many(world, n)
        assert qs.count() == n
        peaks[n] = (_peak(csv_all), _peak(xlsx_all))
    small, big = peaks[600], peaks[3000]
    assert big[0] < small[0] * 1.5 + 256 * 1024, peaks
    assert big[1] < small[1] * 1.5 + 256 * 1024, peaks


def test_units_review_board_and_reporting_download_as_their_pages_show_them(world, login):
    from danvan.insights.checking import reporting
    from danvan.insights.review import review_board
    from danvan.orgs.models import Organization

    services.initiative_accept(initiative=world.submitted_a, by=world.admin)
    admin = login(world.admin)
    units = xlsx_rows(body(admin.get(reverse("documents:units_sheet", args=["xlsx"]))))
    assert units[0][:3] == ("Mã đơn vị", "Tên đơn vị", "Loại")
    assert sorted(r[0] for r in units[1:]) == sorted(
        Organization.objects.visible_to(world.admin).values_list("code", flat=True)
    )
    officer_units = list(
        csv.reader(io.StringIO(body(login(world.officer_b).get("/documents/units.csv")).decode("utf-8-sig")))
    )
    assert [r[0] for r in officer_units[1:]] == [world.unit_b.code]

    admin = login(world.admin)  # the test client is one browser: sign the administrator in again
    board = xlsx_rows(body(admin.get(reverse("documents:review_sheet", args=[world.campaign.pk, "xlsx"]))))
    assert [r[1] for r in board[1:]] == [r.initiative.title for r in review_board(world.campaign, world.admin).rows]
    assert (
        login(world.officer_a).get(reverse("documents:review_sheet", args=[world.campaign.pk, "csv"])).status_code
        == 403
    )

    rates = xlsx_rows(body(admin.get(reverse("documents:reporting_sheet", args=[world.campaign.pk, "xlsx"]))))
    data = reporting(world.campaign, world.admin)
    assert [(r[0], r[2], r[3]) for r in rates[1:]] == [
        (u.code, u.total.expected, u.total.submitted) for u in data.units
    ]


def test_the_plain_sheet_is_the_sheet_openpyxl_writes(tmp_path):
    """The initiative list is written without openpyxl's cell objects (`plain_xlsx`), much faster: it must read back
    exactly as openpyxl's write-only sheet of the same rows — values and their types, dates shown DD/MM/YYYY, bold
    wrapped headers, the first row frozen, the column widths and the sheet's name."""
    from datetime import date
    from decimal import Decimal

    headers = ["Số hiệu", "Tên mô hình", "Ngày gửi", "Tỷ lệ", "Ghi chú"]
    rows = [
        [1, "Trợ giúp pháp lý miễn phí", date(2017, 4, 15), Decimal("12.50"), None],
        [2, "A & B <c> \"d\" 'e'", date(1900, 1, 15), 0.125, ""],
        [300000, "  lề trái", date(2099, 12, 31), Decimal("7"), "hai dòng\nvà\r\ndấu phẩy, chấm;"],
        [4, "lề phải  ", None, -3, "Ủy ban nhân dân 😀"],
    ]
    widths = [8, 60, 12, 10, 30]
    plain = load_workbook(exports.plain_xlsx(title="Mô hình: 2017/18", headers=headers, rows=rows, widths=widths))
    reference = load_workbook(exports.rows_xlsx(title="Mô hình: 2017/18", headers=headers, rows=rows, widths=widths))
    assert plain.sheetnames == reference.sheetnames == ["Mô hình  2017 18"]
    ours, theirs = plain.worksheets[0], reference.worksheets[0]
    assert ours.freeze_panes == theirs.freeze_panes == "A2"
    for letter in "ABCDE":
        assert ours.column_dimensions[letter].width == theirs.column_dimensions[letter].width
    for our_row, their_row in zip(ours.iter_rows(), theirs.iter_rows(), strict=True):
        for our, their in zip(our_row, their_row, strict=True):
            assert (our.value, type(our.value)) == (their.value, type(their.value)), our.coordinate
            if their.value is not None:
                assert our.number_format == their.number_format, our.coordinate
                assert (our.font.b, our.alignment.wrap_text) == (their.font.b, their.alignment.wrap_text)
    assert ours["C2"].number_format == "DD/MM/YYYY" and ours["A1"].font.b


def test_the_plain_sheet_leaves_out_characters_xml_cannot_hold():
    """openpyxl refuses a text with a control character (pasted from old software); the list is written anyway."""
    sheet = exports.plain_xlsx(title="Mô hình", headers=["Tên"], rows=[["Mô\x0bhình\x00 số\x1f 1"]])
    assert xlsx_rows(sheet.read()) == [("Tên",), ("Môhình số 1",)]


def test_the_initiative_list_as_xlsx_has_every_column_in_its_place(world, login):
    """Each column of the list holds its own value: the fields of the chunk, labels for codes, local days."""
    from django.utils import timezone

    services.initiative_accept(initiative=world.submitted_a, by=world.admin)
    initiative = Initiative.objects.get(pk=world.submitted_a.pk)
    rows = xlsx_rows(body(login(world.admin).get(reverse("documents:initiatives_xlsx"))))
    row = dict(zip(rows[0], next(r for r in rows[1:] if r[0] == initiative.pk), strict=True))
    fields = "; ".join(initiative.fields.order_by("position", "name").values_list("name", flat=True))
    assert row == {
        "Số hiệu": initiative.pk,
        "Năm": initiative.campaign.year,
        "Mã đơn vị": initiative.unit.code,
        "Đơn vị": initiative.unit.name,
        "Tên mô hình": initiative.title,
        "Loại mô hình": initiative.get_kind_display(),
        "Lĩnh vực": fields or None,
        "Trạng thái": "Đã duyệt",
        "Kết quả bình xét": initiative.get_result_display() if initiative.result else None,
        "Địa bàn": initiative.area or None,
        "Đối tượng tuyên truyền, vận động": initiative.target_groups or None,
        "Đối tượng thụ hưởng": initiative.beneficiaries or None,
        "Chủ thể thực hiện": initiative.implementers or None,
        "Ngày bắt đầu": _as_datetime(initiative.starts_on),
        "Ngày kết thúc": _as_datetime(initiative.ends_on),
        "Ngày gửi": _as_datetime(timezone.localtime(initiative.submitted_at).date()),
        "Ngày duyệt": _as_datetime(timezone.localtime(initiative.accepted_at).date()),
    }


def _as_datetime(day):
    """A date cell as openpyxl reads it back: a (naive) datetime at midnight."""
    from datetime import datetime, time

    return datetime.combine(day, time()) if day else None
