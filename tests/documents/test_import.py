"""Importing initiatives from a spreadsheet: the preview names every problem by row and column and writes
nothing; the apply is all or nothing; the same file twice creates nothing the second time."""

import random
import time
import unicodedata
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from danvan.campaigns.models import Campaign
from danvan.core.models import AuditEntry
from danvan.documents.models import ImportBatch
from danvan.documents.services import ImportNotApplied, import_apply, import_preview
from danvan.initiatives.models import Initiative, InitiativeEvent
from danvan.initiatives.services import initiative_create, initiative_withdraw
from tests.conftest import FULL
from tests.documents.sheetfiles import (
    HEADER,
    LETTER,
    PDF,
    PNG,
    XLS,
    csv_bytes,
    docx_bytes,
    libreoffice_xlsx,
    ods_bytes,
    row,
    with_cached_values,
    xlsx,
)


def preview(world, content: bytes, name: str = "dang-ky.xlsx", by=None) -> ImportBatch:
    return import_preview(campaign=world.campaign, name=name, content=content, by=by or world.admin)


def errors(batch: ImportBatch) -> list[tuple]:
    return [(p["row"], p["column"], p["message"]) for p in batch.problems if p["level"] == "error"]


def only_error(batch: ImportBatch) -> tuple:
    found = errors(batch)
    assert len(found) == 1, found
    return found[0]


def assert_nothing_written(world, batch: ImportBatch, before: int) -> None:
    """The preview wrote nothing, and applying the batch is refused and writes nothing either."""
    assert Initiative.objects.count() == before
    with pytest.raises(ImportNotApplied):
        import_apply(batch=batch, by=world.admin)
    assert Initiative.objects.count() == before
    batch.refresh_from_db()
    assert batch.status != ImportBatch.Status.APPLIED and batch.created_count == 0


def ours(world, title: str) -> Initiative:
    return Initiative.objects.get(campaign=world.campaign, title=title)


# ---- A good file --------------------------------------------------------------------------------------------


def test_an_excel_file_is_previewed_without_writing_then_applied_as_drafts(world):
    rows = [
        row("A", "Sổ tay dân vận điện tử"),
        row("B", "Tổ tư vấn pháp luật lưu động", "Cá nhân", "CAI-CACH-HANH-CHINH; An sinh xã hội"),
        row("A1", "Chi bộ A1 đồng hành cùng người nghèo", **{"Giá trị chỉ tiêu": "1.250,5"}),
    ]
    before = Initiative.objects.count()
    audit_before = AuditEntry.objects.count()
    batch = preview(world, xlsx(rows))
    assert (batch.status, batch.row_count, batch.create_count, batch.error_count) == ("previewed", 3, 3, 0)
    assert Initiative.objects.count() == before and AuditEntry.objects.count() == audit_before

    batch = import_apply(batch=batch, by=world.admin)
    assert batch.status == "applied" and batch.created_count == len(rows)
    assert Initiative.objects.count() == before + len(rows)
    sotay = ours(world, "Sổ tay dân vận điện tử")
    assert (sotay.status, sotay.kind, sotay.unit, sotay.created_by) == (
        "draft",
        "collective",
        world.unit_a,
        world.admin,
    )
    assert (sotay.starts_on, sotay.ends_on) == (date(2017, 4, 15), date(2017, 12, 31))
    assert [(i.name, i.unit_of_measure, i.target) for i in sotay.indicators.all()] == [
        ("Lượt người", "lượt", Decimal("1250"))
    ]
    assert " so tay dan van" in sotay.search_text
    tuvan = ours(world, "Tổ tư vấn pháp luật lưu động")
    assert tuvan.kind == "individual"
    assert sorted(f.name for f in tuvan.fields.all()) == ["An sinh xã hội", "Cải cách hành chính"]
    assert ours(world, "Chi bộ A1 đồng hành cùng người nghèo").indicators.get().target == Decimal("1250.5")
    event = sotay.events.get()
    assert event.action == InitiativeEvent.Action.CREATED and "dang-ky.xlsx" in event.comment
    assert "dòng 2" in event.comment
    assert AuditEntry.objects.filter(action="initiative.create", target_id=str(sotay.pk)).exists()
    assert AuditEntry.objects.get(action="import.apply").changes["created"] == len(rows)
    assert sorted(batch.created_ids) == sorted(
        Initiative.objects.filter(title__in=[r[1] for r in rows]).values_list("pk", flat=True)
    )


def test_importing_the_same_file_twice_creates_nothing_the_second_time(world):
    content = xlsx([row("A", "Sổ tay dân vận"), row("B", "Ngày chủ nhật xanh")])
    first = import_apply(batch=preview(world, content), by=world.admin)
    after_first = Initiative.objects.count()
    assert first.created_count == 2

    again = import_apply(batch=first, by=world.admin)  # the same batch: returned unchanged
    assert again.created_count == 2 and Initiative.objects.count() == after_first

    second = preview(world, content)
    assert (second.create_count, second.skip_count, second.error_count) == (0, 2, 0)
    skipped = [(p["row"], p["column"]) for p in second.problems if p["level"] == "skip"]
    assert skipped == [(2, "Tên mô hình"), (3, "Tên mô hình")]
    assert any(p["level"] == "notice" and "đã được nhập" in p["message"] for p in second.problems)
    second = import_apply(batch=second, by=world.admin)
    assert second.status == "applied" and second.created_count == 0
    assert Initiative.objects.count() == after_first


def test_a_row_repeating_an_existing_initiative_is_skipped_and_the_others_created(world):
    # world.draft_a is "Một cửa thân thiện Alpha" of unit A: case, diacritics and spaces do not make it new.
    rows = [row("A", "  MOT CUA THAN THIEN ALPHA "), row("A", "Tiếp dân không hẹn")]
    batch = preview(world, xlsx(rows))
    assert [(p["row"], p["column"], p["level"]) for p in batch.problems] == [(2, "Tên mô hình", "skip")]
    assert "sẽ bỏ qua" in batch.problems[0]["message"]
    before = Initiative.objects.count()
    assert import_apply(batch=batch, by=world.admin).created_count == 1
    assert Initiative.objects.count() == before + 1
    assert Initiative.objects.filter(unit=world.unit_a, title__iexact="Một cửa thân thiện Alpha").count() == 1


def test_a_withdrawn_initiative_does_not_count_as_existing(world):
    initiative_withdraw(initiative=world.draft_b, by=world.officer_b)
    batch = preview(world, xlsx([row("B", world.draft_b.title)]))
    assert (batch.create_count, batch.skip_count) == (1, 0)


def test_decomposed_letters_non_breaking_and_outer_spaces_are_cleaned_and_headers_match_loosely(world):
    nfd = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
    header = ["MÃ ĐƠN VỊ", "ten mo hinh", nfd("Loại mô hình"), "Lĩnh vực (mã hoặc tên)", nfd("Ngày bắt đầu")]
    title = "Dân vận khéo trong cải cách hành chính"
    content = xlsx(
        [["\u00a0 a\u00a0", f"  {nfd(title)}\u00a0", " tập thể ", nfd(" cải cách hành chính "), " 15/4/2017 "]],
        header=header,
    )
    assert nfd(title) != title
    batch = preview(world, content)
    assert errors(batch) == []
    import_apply(batch=batch, by=world.admin)
    saved = Initiative.objects.get(campaign=world.campaign, unit=world.unit_a, title=title)
    assert unicodedata.is_normalized("NFC", saved.title) and saved.starts_on == date(2017, 4, 15)
    assert [f.name for f in saved.fields.all()] == ["Cải cách hành chính"]


# ---- Problems by row and column; nothing written ----------------------------------------------------------


def test_missing_required_fields_are_named_by_row_and_column(world):
    before = Initiative.objects.count()
    batch = preview(world, xlsx([row("A", "Có đủ"), row("", "", "", "")]))
    assert sorted((r, c) for r, c, _m in errors(batch)) == [
        (3, "Loại mô hình"),
        (3, "Lĩnh vực"),
        (3, "Mã đơn vị"),
        (3, "Tên mô hình"),
    ]
    cells = {p["cell"] for p in batch.problems}
    assert {f"{LETTER['Mã đơn vị']}3", f"{LETTER['Tên mô hình']}3"} <= cells
    assert_nothing_written(world, batch, before)


def test_unknown_unit_and_unknown_field(world):
    before = Initiative.objects.count()
    batch = preview(world, xlsx([row("ZZZ", "Mô hình một"), row("A", "Mô hình hai", fields="XDD; Kinh tế số")]))
    assert errors(batch)[0][:2] == (2, "Mã đơn vị") and "ZZZ" in errors(batch)[0][2]
    assert errors(batch)[1][:2] == (3, "Lĩnh vực") and "Kinh tế số" in errors(batch)[1][2]
    assert_nothing_written(world, batch, before)


def test_every_problem_of_a_row_is_named_at_once(world):
    batch = preview(world, xlsx([row("ZZZ", "Tên quá dài " * 30, **{"Mục tiêu": "x" * 5001})]))
    assert sorted(c for _r, c, _m in errors(batch)) == ["Mã đơn vị", "Mục tiêu", "Tên mô hình"]


def test_a_unit_outside_the_campaign_is_refused(world):
    before = Initiative.objects.count()
    batch = preview(world, xlsx([row("P", "Mô hình của cơ quan phối hợp")]))
    assert only_error(batch)[:2] == (2, "Mã đơn vị")
    assert_nothing_written(world, batch, before)


@pytest.mark.parametrize("written", ["31/02/2017", "4/15/2017", "hôm qua", "15/4/17", "2017", 1000000])
def test_a_bad_date_is_named_by_row_and_column(world, written):
    before = Initiative.objects.count()
    batch = preview(world, xlsx([row("A", "Mô hình ngày sai", **{"Ngày bắt đầu": written})]))
    row_number, column, message = only_error(batch)
    assert (row_number, column) == (2, "Ngày bắt đầu") and "ngày/tháng/năm" in message
    assert_nothing_written(world, batch, before)


def test_an_end_before_the_start_is_named(world):
    before = Initiative.objects.count()
    batch = preview(world, xlsx([row("A", "Mô hình", **{"Ngày bắt đầu": "15/4/2017", "Ngày kết thúc": "1/4/2017"})]))
    assert only_error(batch)[:2] == (2, "Ngày kết thúc")
    assert_nothing_written(world, batch, before)


def test_a_bad_number_is_named(world):
    before = Initiative.objects.count()
    batch = preview(world, xlsx([row("A", "Mô hình", **{"Giá trị chỉ tiêu": "một nghìn"})]))
    assert only_error(batch)[:2] == (2, "Giá trị chỉ tiêu")
    assert_nothing_written(world, batch, before)


def test_an_indicator_without_its_unit_of_measure(world):
    batch = preview(world, xlsx([row("A", "Mô hình", **{"Đơn vị tính": ""})]))
    assert only_error(batch)[:2] == (2, "Đơn vị tính")


def test_over_the_quota_each_exceeding_row_is_an_error_naming_the_unit_count_and_max(world):
    quota = world.campaign.quota_max
    used = Initiative.objects.filter(campaign=world.campaign, unit=world.unit_b).exclude(status="withdrawn").count()
    titles = [f"Mô hình Beta số {n}" for n in range(1, quota + 2)]
    before = Initiative.objects.count()
    batch = preview(world, xlsx([row("B", t) for t in titles]))
    allowed = quota - used
    expected_rows = [2 + n for n in range(allowed, len(titles))]
    found = errors(batch)
    assert [(r, c) for r, c, _m in found] == [(n, "Mã đơn vị") for n in expected_rows]
    message = found[0][2]
    assert world.unit_b.name in message and f"tối đa {quota}" in message and f"đã có {used}" in message
    assert_nothing_written(world, batch, before)


def test_two_rows_for_the_same_initiative_in_one_file(world):
    before = Initiative.objects.count()
    batch = preview(world, xlsx([row("A", "Sổ tay dân vận"), row("A", "SO TAY  DAN VAN"), row("B", "Sổ tay dân vận")]))
    row_number, column, message = only_error(batch)
    assert (row_number, column) == (3, "Tên mô hình") and "dòng 2" in message
    assert_nothing_written(world, batch, before)


def test_a_missing_column_refuses_the_file_at_the_header_row(world):
    before = Initiative.objects.count()
    header = [h for h in HEADER if h != "Tên mô hình"]
    batch = preview(world, xlsx([["A", "Tập thể", "XDD"]], header=header))
    assert batch.status == "refused"
    assert only_error(batch)[:2] == (1, "Tên mô hình")
    assert_nothing_written(world, batch, before)


def test_outside_the_registration_window_the_whole_import_is_refused(world):
    Campaign.objects.filter(pk=world.campaign.pk).update(
        registration_opens=timezone.localdate() - timedelta(days=60),
        registration_closes=timezone.localdate() - timedelta(days=30),
    )
    world.campaign.refresh_from_db()
    before = Initiative.objects.count()
    batch = preview(world, xlsx([row("A", "Mô hình muộn")]))
    assert batch.status == "refused"
    row_number, _column, message = only_error(batch)
    assert row_number is None and "Ngoài thời hạn đăng ký" in message
    assert_nothing_written(world, batch, before)


# ---- Files that are not (readable) spreadsheets -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("dang-ky.xlsx", b"PK\x03\x04 not really a workbook", "Không đọc được tệp Excel"),
        ("dang-ky.xlsx", docx_bytes(), "văn bản Word"),
        ("dang-ky.xlsx", PDF, "PDF"),
        ("dang-ky.csv", PNG, "ảnh"),
        ("dang-ky.xlsx", random.Random(7).randbytes(3000), "không phải bảng tính"),
        ("dang-ky.xlsx", b"", "rỗng"),
        ("dang-ky.xls", XLS, "Excel 97–2003 (.xls)"),
        ("dang-ky.ods", ods_bytes(), "OpenDocument (.ods)"),
        ("dang-ky.xls", b"<html><body><table><tr><td>A</td></tr></table></body></html>", "trang web"),
        ("dang-ky.csv", "Tên mô hình,Mã\nMô hình,A\n".encode("cp1252"), "UTF-8"),
    ],
)
def test_a_file_that_is_not_a_readable_sheet_is_refused_with_a_clear_message(world, name, content, says):
    before = Initiative.objects.count()
    batch = preview(world, content, name=name)
    assert batch.status == "refused"
    row_number, _column, message = only_error(batch)
    assert says in message and name in message, message
    assert_nothing_written(world, batch, before)


def test_merged_cells_are_refused_naming_the_range_and_its_rows(world):
    before = Initiative.objects.count()
    batch = preview(world, xlsx([row("A", "Mô hình một"), row("A", "Mô hình hai")], merge="A2:A3"))
    assert batch.status == "refused"
    row_number, column, message = only_error(batch)
    assert (row_number, column) == (2, "A") and "A2:A3" in message and "2 đến 3" in message
    assert_nothing_written(world, batch, before)


def test_formulas_are_read_through_their_saved_values(world):
    rows = [row("A", "Mô hình công thức", **{"Giá trị chỉ tiêu": "=100*3"})]
    without = preview(world, xlsx(rows))
    row_number, column, message = only_error(without)
    assert (row_number, column) == (2, "Giá trị chỉ tiêu") and "công thức" in message
    assert_nothing_written(world, without, Initiative.objects.count())

    cell = f"{LETTER['Giá trị chỉ tiêu']}2"
    saved = preview(world, with_cached_values(xlsx(rows), {cell: "300"}))
    assert errors(saved) == []
    import_apply(batch=saved, by=world.admin)
    assert ours(world, "Mô hình công thức").indicators.get().target == Decimal("300")


def test_empty_rows_are_skipped_and_the_rows_keep_the_sheet_numbers(world):
    before = Initiative.objects.count()
    batch = preview(world, xlsx([row("A", "Mô hình một"), None, ["", "\u00a0", " "], row("ZZZ", "Mô hình hai")]))
    assert batch.row_count == 2
    assert only_error(batch)[:2] == (5, "Mã đơn vị")
    assert_nothing_written(world, batch, before)


def test_extra_columns_are_ignored_and_listed_as_a_notice(world):
    content = xlsx(
        [[*row("A", "Mô hình có ghi chú"), "ghi chú riêng", "", "x"]], header=[*HEADER, "Ghi chú", "Người lập"]
    )
    batch = preview(world, content)
    assert errors(batch) == []
    notices = [p["message"] for p in batch.problems if p["level"] == "notice"]
    assert len(notices) == 1 and "Ghi chú" in notices[0] and "Người lập" in notices[0]
    assert "không có tiêu đề" in notices[0]  # the "x" in a column without a header
    assert import_apply(batch=batch, by=world.admin).created_count == 1


@pytest.mark.parametrize(
    "written",
    ["15/4/2017", "15/04/2017", "15-4-2017", "15.04.2017", "2017-04-15", 42840, "42840", date(2017, 4, 15)],
)
def test_dates_as_text_as_excel_serial_numbers_and_as_date_cells(world, written):
    batch = preview(world, xlsx([row("A", "Mô hình ngày", **{"Ngày bắt đầu": written})]))
    assert errors(batch) == []
    import_apply(batch=batch, by=world.admin)
    assert ours(world, "Mô hình ngày").starts_on == date(2017, 4, 15)


def test_a_workbook_in_the_1904_date_system(world):
    # 15/04/2017 is day 42840 counted from 1900 and day 42840 - 1462 counted from 1904.
    batch = preview(world, xlsx([row("A", "Mô hình Mac", **{"Ngày bắt đầu": 42840 - 1462})], epoch_1904=True))
    assert errors(batch) == []
    import_apply(batch=batch, by=world.admin)
    assert ours(world, "Mô hình Mac").starts_on == date(2017, 4, 15)


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(",", "utf-8-sig"), (";", "utf-8"), ("\t", "utf-16"), (",", "utf-16-le")]
)
def test_csv_as_excel_saves_it(world, delimiter, encoding):
    rows = [row("A", "Mô hình CSV", **{"Ngày bắt đầu": "42840"}), row("B", "Mô hình CSV hai")]
    batch = preview(world, csv_bytes(rows, delimiter=delimiter, encoding=encoding), name="dang-ky.csv")
    assert (batch.create_count, errors(batch)) == (2, [])
    import_apply(batch=batch, by=world.admin)
    assert ours(world, "Mô hình CSV").starts_on == date(2017, 4, 15)


def test_a_csv_with_a_bad_row_names_its_row_and_column(world):
    before = Initiative.objects.count()
    content = csv_bytes([row("A", "Một"), [], row("A", "Hai", **{"Ngày kết thúc": "32/12/2017"})])
    batch = preview(world, content, name="dang-ky.csv")
    assert only_error(batch)[:2] == (4, "Ngày kết thúc")
    assert_nothing_written(world, batch, before)


def test_a_file_saved_by_libreoffice(world, tmp_path):
    rows = [
        row("A", "Mô hình LibreOffice", **{"Ngày bắt đầu": "2017-04-15", "Giá trị chỉ tiêu": "811"}),
        row("B", unicodedata.normalize("NFD", "Tuổi trẻ xung kích")),
    ]
    content = libreoffice_xlsx(tmp_path, csv_bytes(rows, encoding="utf-8"))
    batch = preview(world, content)
    assert (batch.create_count, errors(batch)) == (2, [])
    import_apply(batch=batch, by=world.admin)
    made = ours(world, "Mô hình LibreOffice")
    assert made.starts_on == date(2017, 4, 15) and made.indicators.get().target == Decimal("811")
    assert ours(world, "Tuổi trẻ xung kích").unit == world.unit_b


def test_fifty_thousand_rows_are_previewed_and_one_more_is_refused(world):
    Campaign.objects.filter(pk=world.campaign.pk).update(quota_max=30000)
    world.campaign.refresh_from_db()
    n = 50_000
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADER[:5])
    for i in range(n):
        ws.append(["A" if i % 2 else "B", f"Mô hình số {i}", "Tập thể", "CAI-CACH-HANH-CHINH", "Tình hình"])
    import io

    out = io.BytesIO()
    wb.save(out)
    started = time.monotonic()
    batch = preview(world, out.getvalue())
    elapsed = time.monotonic() - started
    assert (batch.row_count, batch.create_count, batch.error_count) == (n, n, 0)
    assert elapsed < 60, elapsed

    too_many = csv_bytes([["A", f"Mô hình {i}", "Tập thể", "XDD"] for i in range(n + 1)], header=HEADER[:4])
    refused = preview(world, too_many, name="qua-nhieu.csv")
    assert refused.status == "refused"
    row_number, _column, message = only_error(refused)
    assert "50.000" in message and row_number == n + 2


# ---- Who may import -----------------------------------------------------------------------------------------


def test_an_officer_imports_only_for_their_own_unit_and_learns_nothing_of_another(world):
    before = Initiative.objects.count()
    # Unit A has a draft with this title: an officer of B must not learn it (no "already there, skipped").
    rows = [row("B", "Mô hình Beta"), row("A", world.draft_a.title)]
    batch = preview(world, xlsx(rows), by=world.officer_b)
    assert [(p["row"], p["column"], p["level"]) for p in batch.problems] == [(3, "Mã đơn vị", "error")]
    assert "không được đăng ký" in batch.problems[0]["message"]
    assert world.unit_a.name not in batch.problems[0]["message"]
    assert [r["unit_name"] for r in batch.rows] == [world.unit_b.name, ""]
    assert_nothing_written(world, batch, before)


def test_the_apply_checks_again_what_changed_since_the_preview(world):
    batch = preview(world, xlsx([row("B", "Beta hai"), row("B", "Beta ba")]), by=world.officer_b)
    assert batch.error_count == 0
    # Meanwhile the unit registers one by hand: the file would now take it over the quota.
    initiative_create(campaign=world.campaign, unit=world.unit_b, by=world.officer_b, title="Beta bằng tay", **FULL)
    before = Initiative.objects.count()
    with pytest.raises(ImportNotApplied) as refused:
        import_apply(batch=batch, by=world.officer_b)
    assert [(p["row"], p["column"]) for p in refused.value.problems] == [(3, "Mã đơn vị")]
    assert Initiative.objects.count() == before
    batch.refresh_from_db()
    assert batch.status == "previewed"


def test_only_the_uploader_or_an_administrator_applies(world):
    from django.core.exceptions import PermissionDenied

    batch = preview(world, xlsx([row("A", "Mô hình Alpha mới")]), by=world.officer_a)
    with pytest.raises(PermissionDenied):
        import_apply(batch=batch, by=world.officer_b)
    assert import_apply(batch=batch, by=world.admin).created_count == 1


def test_no_query_per_row_in_the_preview_nor_in_the_apply(world):
    Campaign.objects.filter(pk=world.campaign.pk).update(quota_max=1000)
    world.campaign.refresh_from_db()

    def run(n: int) -> tuple[int, int]:
        content = xlsx([row("A1" if i % 2 else "B", f"Mô hình {n}-{i}") for i in range(n)])
        with CaptureQueriesContext(connection) as previewing:
            batch = preview(world, content)
        with CaptureQueriesContext(connection) as applying:
            batch = import_apply(batch=batch, by=world.admin)
        assert batch.created_count == n
        return len(previewing), len(applying)

    run(2)  # the user's scope and the campaign's organisation are read once, then kept
    preview_10, apply_10 = run(10)
    preview_200, apply_200 = run(200)
    assert preview_200 == preview_10
    # Bulk inserts: SQLite splits them by its limit of 999 parameters a statement, never one a row.
    assert apply_200 - apply_10 <= 190 // 15


# ---- The pages ----------------------------------------------------------------------------------------------


def upload(client, world, content: bytes, name: str = "dang-ky.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("documents:import_start"), {"campaign": world.campaign.pk, "file": SimpleUploadedFile(name, content)}
    )


def test_an_officer_uploads_previews_and_applies_on_the_pages(world, login):
    client = login(world.officer_a)
    page = client.get(reverse("documents:import_start"))
    assert page.status_code == 200 and world.campaign.name in page.content.decode()
    response = upload(client, world, xlsx([row("A", "Mô hình trang web"), row("A1", "Mô hình chi bộ")]))
    batch = ImportBatch.objects.get(uploaded_by=world.officer_a)
    assert response.status_code == 302 and response["Location"] == reverse("documents:import_preview", args=[batch.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Nhập 2 mô hình" in page and "Mô hình chi bộ" in page
    before = Initiative.objects.count()
    response = client.post(reverse("documents:import_apply", args=[batch.pk]))
    assert response.status_code == 302 and Initiative.objects.count() == before + 2
    page = client.get(response["Location"]).content.decode()
    created = ours(world, "Mô hình trang web")
    assert reverse("initiatives:detail", args=[created.pk]) in page


def test_a_file_with_errors_shows_its_problems_and_no_import_button(world, login):
    client = login(world.officer_a)
    response = upload(client, world, xlsx([row("A", "Mô hình", **{"Ngày bắt đầu": "31/02/2017"})]))
    page = client.get(response["Location"]).content.decode()
    assert "Sửa tệp rồi tải lên lại" in page and "Ngày bắt đầu" in page and "Nhập 1 mô hình" not in page
    batch = ImportBatch.objects.get(uploaded_by=world.officer_a)
    before = Initiative.objects.count()
    assert client.post(reverse("documents:import_apply", args=[batch.pk])).status_code == 400
    assert Initiative.objects.count() == before


def test_a_file_that_is_not_a_sheet_shows_why_on_the_page(world, login):
    client = login(world.officer_a)
    response = upload(client, world, PDF, name="dang-ky.xlsx")
    page = client.get(response["Location"]).content.decode()
    assert "không phải bảng tính Excel (.xlsx) hay CSV" in page


def test_leaders_and_survey_members_get_403(world, login, client):
    batch = preview(world, xlsx([row("A", "Mô hình")]), by=world.officer_a)
    for user in (world.leader, world.surveyor):
        client.force_login(user)
        assert client.get(reverse("documents:import_start")).status_code == 403
        assert client.get(reverse("documents:import_preview", args=[batch.pk])).status_code == 403
        assert client.post(reverse("documents:import_apply", args=[batch.pk])).status_code == 403
        assert client.get(reverse("documents:import_template_xlsx")).status_code == 403


def test_another_users_import_is_404(world, login):
    batch = preview(world, xlsx([row("A", "Mô hình")]), by=world.officer_a)
    client = login(world.officer_b)
    assert client.get(reverse("documents:import_preview", args=[batch.pk])).status_code == 404
    assert client.post(reverse("documents:import_apply", args=[batch.pk])).status_code == 404
    assert not Initiative.objects.filter(title="Mô hình").exists()


def test_the_template_has_the_columns_and_a_guide_with_the_campaigns_fields_and_units(world, login):
    client = login(world.officer_a)
    response = client.get(reverse("documents:import_template_xlsx") + f"?campaign={world.campaign.pk}")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    import io

    wb = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in wb.worksheets[0][1]] == HEADER and wb.worksheets[0]["A1"].font.bold
    guide = " ".join(str(c) for r in wb["Hướng dẫn"].iter_rows(values_only=True) for c in r if c)
    for f in world.campaign.fields.all():
        assert f.code in guide and f.name in guide
    assert world.unit_a.name in guide and world.cell_a.name in guide and world.unit_b.name not in guide

    ws = wb.worksheets[0]
    ws.append(row("A", "Mô hình điền vào mẫu"))
    filled = io.BytesIO()
    wb.save(filled)
    batch = preview(world, filled.getvalue(), by=world.officer_a)
    assert (batch.create_count, errors(batch)) == (1, [])

    csv_template = client.get(reverse("documents:import_template_csv")).content.decode("utf-8-sig")
    assert csv_template.strip() == ",".join(f'"{h}"' if "," in h else h for h in HEADER)


def test_the_initiatives_list_links_to_the_import_for_officers_only(world, login, client):
    link = reverse("documents:import_start")
    assert link in login(world.officer_a).get(reverse("initiatives:list")).content.decode()
    client.force_login(world.leader)
    assert link not in client.get(reverse("initiatives:list")).content.decode()


def test_a_text_file_without_the_templates_header_is_one_clear_error(world):
    before = Initiative.objects.count()
    content = b"import sys\nprint('xin chao', 1, 2, 3)\n"
    batch = preview(world, content, name="ghi-chu.csv")
    assert batch.status == "refused"
    row_number, _column, message = only_error(batch)
    assert row_number == 1 and "không phải dòng tiêu đề của mẫu" in message and "Mã đơn vị" in message
    assert [p for p in batch.problems if p["level"] == "notice"] == []
    assert_nothing_written(world, batch, before)
