"""Lists and statistic tables as XLSX and CSV, streamed: rows are read from the database in chunks and written
as they come into a temporary file (CSV goes straight to the response), so exporting a national list does not hold
it in memory. The initiative list, up to hundreds of thousands of rows, is written by `plain_xlsx` (the sheet's XML
as text); the other lists and the statistic tables by openpyxl's write-only mode."""

import csv
import math
import re
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from itertools import islice

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils.datetime import to_excel

from danvan.initiatives.models import Initiative
from danvan.insights.statistics import Table, as_number

CHUNK = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
# zlib level of the XLSX written by `plain_xlsx`: 1 compresses three times faster than the default 6, for a
# file about a third larger.
XLSX_COMPRESSION = 1

# The registration list units exchange: the same headers as the import template, so an exported list can be
# edited and imported again (rows already registered are recognised and skipped).
INITIATIVE_COLUMNS = (
    ("pk", _("Số hiệu"), 8),
    ("campaign__year", _("Năm"), 7),
    ("unit__code", _("Mã đơn vị"), 12),
    ("unit__name", _("Đơn vị"), 40),
    ("title", _("Tên mô hình"), 60),
    ("kind", _("Loại mô hình"), 12),
    ("fields", _("Lĩnh vực"), 30),
    ("status", _("Trạng thái"), 14),
    ("result", _("Kết quả bình xét"), 16),
    ("area", _("Địa bàn"), 25),
    ("target_groups", _("Đối tượng tuyên truyền, vận động"), 30),
    ("beneficiaries", _("Đối tượng thụ hưởng"), 30),
    ("implementers", _("Chủ thể thực hiện"), 30),
    ("starts_on", _("Ngày bắt đầu"), 12),
    ("ends_on", _("Ngày kết thúc"), 12),
    ("submitted_at", _("Ngày gửi"), 12),
    ("accepted_at", _("Ngày duyệt"), 12),
)
_DB_COLUMNS = [c for c, _label, _w in INITIATIVE_COLUMNS if c != "fields"]
_DAY_COLUMNS = ("submitted_at", "accepted_at")  # moments shown as the day they fell on, in the local time zone


def initiative_headers() -> list[str]:
    return [str(label) for _c, label, _w in INITIATIVE_COLUMNS]


def initiative_rows(qs) -> Iterator[list]:
    """One list of cell values per initiative of `qs`, in its order (INITIATIVE_COLUMNS), read `CHUNK` rows at a
    time: one query streams the rows (a server-side cursor on PostgreSQL), one more per chunk reads their fields."""
    # Labels are looked up once, not per row: a national list has hundreds of thousands. The database gives
    # the local day of a moment (TruncDate, in the current time zone), which is cheaper than reading the moment
    # and converting it here.
    kinds = {value: str(label) for value, label in Initiative.Kind.choices}
    statuses = {value: str(label) for value, label in Initiative.Status.choices}
    results = {value: str(label) for value, label in Initiative.Result.choices}
    columns = [TruncDate(c) if c in _DAY_COLUMNS else c for c in _DB_COLUMNS]
    rows = qs.values_list(*columns).iterator(chunk_size=CHUNK)
    while chunk := list(islice(rows, CHUNK)):
        fields = _field_names([r[0] for r in chunk])
        # The unpacking follows _DB_COLUMNS (INITIATIVE_COLUMNS without "fields"); the output, INITIATIVE_COLUMNS.
        for (
            pk,
            year,
            unit_code,
            unit_name,
            title,
            kind,
            status,
            result,
            area,
            target_groups,
            beneficiaries,
            implementers,
            starts_on,
            ends_on,
            submitted_on,
            accepted_on,
        ) in chunk:
            yield [
                pk,
                year,
                unit_code,
                unit_name,
                title,
                kinds.get(kind, kind),
                fields.get(pk, ""),
                statuses.get(status, status),
                results.get(result, "") if result else "",
                area,
                target_groups,
                beneficiaries,
                implementers,
                starts_on,
                ends_on,
                submitted_on,
                accepted_on,
            ]


def _field_names(initiative_ids: list[int]) -> dict[int, str]:
    """The fields of these initiatives, joined with "; " in the campaign's order: one query."""
    through = Initiative.fields.through
    links = through.objects.order_by("field__position", "field__name").values_list("initiative_id", "field__name")
    if connection.vendor == "postgresql":
        # The ids as one array rather than a placeholder each: binding 2,000 placeholders takes longer than
        # running the query.
        column = f"{connection.ops.quote_name(through._meta.db_table)}.{connection.ops.quote_name('initiative_id')}"
        links = links.filter(RawSQL(f"{column} = ANY(%s)", (initiative_ids,), output_field=BooleanField()))
    else:
        links = links.filter(initiative_id__in=initiative_ids)
    names: dict[int, list[str]] = defaultdict(list)
    for initiative_id, name in links:
        names[initiative_id].append(name)
    return {pk: "; ".join(n) for pk, n in names.items()}


def _value(v):
    if isinstance(v, Decimal):
        return as_number(v)
    return v


def _header_cells(ws, headers: Iterable[str]) -> list[WriteOnlyCell]:
    cells = []
    for h in headers:
        cell = WriteOnlyCell(ws, value=h)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cells.append(cell)
    return cells


def _row_cells(ws, values: list, *, bold: bool = False) -> list:
    out = []
    for v in values:
        v = _value(v)
        if isinstance(v, date | datetime) or bold:
            cell = WriteOnlyCell(ws, value=v)
            if isinstance(v, date | datetime):
                cell.number_format = "DD/MM/YYYY"
            if bold:
                cell.font = Font(bold=True)
            out.append(cell)
        else:
            out.append(v)
    return out


def initiatives_xlsx(qs, *, title: str):
    """A temporary file holding the XLSX of the initiatives of `qs`; the caller streams and closes it."""
    return plain_xlsx(
        title=title,
        headers=initiative_headers(),
        widths=[width for _c, _label, width in INITIATIVE_COLUMNS],
        rows=initiative_rows(qs),
    )


def rows_xlsx(*, title: str, headers: list[str], rows: Iterable[list], widths: list[int] | None = None):
    """A temporary file holding one sheet: bold headers, then the rows as they come."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_sheet_title(title))
    for n, width in enumerate(widths or []):
        ws.column_dimensions[_letter(n)].width = width
    ws.freeze_panes = "A2"
    ws.append(_header_cells(ws, headers))
    for values in rows:
        ws.append(_row_cells(ws, list(values)))
    return _saved(wb)


def tables_xlsx(tables: list[Table], *, heading: str):
    """A temporary file holding one sheet per statistic table, numbers as numbers."""
    wb = Workbook(write_only=True)
    used: set[str] = set()
    for table in tables:
        name = _sheet_title(table.title, used)
        ws = wb.create_sheet(name)
        ws.column_dimensions["A"].width = 48
        for n in range(1, len(table.columns)):
            ws.column_dimensions[_letter(n)].width = 16
        title = WriteOnlyCell(ws, value=table.title)
        title.font = Font(bold=True, size=13)
        ws.append([title])
        ws.append([heading])
        ws.append([])
        ws.append(_header_cells(ws, [c.label for c in table.columns]))
        for row in table.rows:
            ws.append(_row_cells(ws, list(row.cells), bold=row.total))
        if table.note:
            ws.append([])
            ws.append([table.note])
    return _saved(wb)


# ---- One plain sheet, its XML written as text -------------------------------------------------------------------
# openpyxl spends several microseconds on every cell (a cell object, its style, an lxml element), and a national
# list has millions of cells. `plain_xlsx` writes the same sheet openpyxl's write-only mode would — bold wrapped
# headers, the first row frozen, column widths, numbers as numbers, dates as dates shown DD/MM/YYYY, text as
# inline strings — straight into the zip, a chunk of rows at a time.

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PLAIN_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_DOC_REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_DOC_REL}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    # Cell styles: 0 plain, 1 a header (bold, wrapped, at the top), 2 a date shown DD/MM/YYYY.
    "xl/styles.xml": (
        f'<styleSheet xmlns="{_MAIN_NS}">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/></numFmts>'
        '<fonts count="2">'
        '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
        '<font><b val="1"/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
        "</fonts>"
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="3">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
        '<alignment vertical="top" wrapText="1"/></xf>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}
_HEADER_STYLE, _DATE_STYLE = 1, 2
# What XML text cannot hold as it is: markup characters, a carriage return (a reader would turn it into a line
# feed), and control characters XML 1.0 forbids (openpyxl refuses them; here they are left out).
_XML_UNSAFE = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
    | dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])
)
_EXCEL_DAY_ZERO = date(1899, 12, 30).toordinal()  # serial 0 of Excel's 1900 date system


def _xml_text(text: str) -> str:
    return text.translate(_XML_ESCAPES) if _XML_UNSAFE.search(text) else text


def _text_cell(ref: str, text: str, style: str = "") -> str:
    # Spaces at either end are kept only when the element says so.
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_xml_text(text)}</t></is></c>'


def _date_serial(day: date) -> int | float:
    """A date (or a moment, in local time) as Excel counts days."""
    if isinstance(day, datetime):
        return to_excel(timezone.make_naive(day) if timezone.is_aware(day) else day)
    serial = day.toordinal() - _EXCEL_DAY_ZERO
    return serial if serial > 60 else to_excel(day)  # before 1 March 1900 Excel counts a 29 February never was


def _cell_xml(ref: str, v, style: int = 0) -> str:
    """One cell; "" for an empty one (left out, as openpyxl and Excel do)."""
    s = f' s="{style}"' if style else ""
    if v is None or v == "":
        return ""
    if isinstance(v, str):
        return _text_cell(ref, v, s)
    if isinstance(v, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(v)}</v></c>'
    if isinstance(v, int):
        return f'<c r="{ref}"{s} t="n"><v>{v}</v></c>'
    if isinstance(v, float | Decimal):
        number = _value(v)
        if isinstance(number, float) and not math.isfinite(number):
            return ""
        return f'<c r="{ref}"{s} t="n"><v>{number}</v></c>'
    if isinstance(v, date):
        return f'<c r="{ref}" s="{style or _DATE_STYLE}" t="n"><v>{_date_serial(v)}</v></c>'
    return _text_cell(ref, str(v), s)


def _row_xml(number: int, values: list, letters: list[str]) -> Iterator[str]:
    """A row's XML in pieces. Text, whole numbers, dates and empty cells, nearly every cell of a list, are written
    here without a function call; the rest by `_cell_xml`."""
    yield f'<row r="{number}">'
    for letter, v in zip(letters, values, strict=False):  # `letters` is at least as long as the row
        cls = v.__class__
        if cls is str:
            if v:
                if _XML_UNSAFE.search(v) or v[0].isspace() or v[-1].isspace():
                    yield _text_cell(f"{letter}{number}", v)
                else:
                    yield f'<c r="{letter}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
        elif v is None:
            continue
        elif cls is int:
            yield f'<c r="{letter}{number}" t="n"><v>{v}</v></c>'
        elif cls is date:
            yield f'<c r="{letter}{number}" s="{_DATE_STYLE}" t="n"><v>{_date_serial(v)}</v></c>'
        else:
            yield _cell_xml(f"{letter}{number}", v)
    yield "</row>"


def plain_xlsx(*, title: str, headers: list[str], rows: Iterable[list], widths: list[int] | None = None):
    """A temporary file holding one sheet: bold headers, then the rows as they come, `CHUNK` rows written at a
    time. Values are text, numbers (int, float, Decimal), booleans, dates or None; anything else is written as its
    text."""
    letters = [_letter(n) for n in range(max(len(headers), len(widths or [])))]
    cols = "".join(
        f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>' for n, width in enumerate(widths or [], 1)
    )
    head = (
        f'{_XML_HEAD}<worksheet xmlns="{_MAIN_NS}">'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A1" sqref="A1"/>'
        '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + '<sheetData><row r="1">'
        + "".join(_cell_xml(f"{letters[n]}1", h, _HEADER_STYLE) for n, h in enumerate(headers))
        + "</row>"
    )
    tail = (
        '</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>'
    )
    out = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - the response streams it, then closes it
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=XLSX_COMPRESSION) as package:
        for name, xml in _PLAIN_PARTS.items():
            package.writestr(name, _XML_HEAD + xml)
        sheet_name = _xml_text(_sheet_title(title)).replace('"', "&quot;")
        package.writestr(
            "xl/workbook.xml",
            f'{_XML_HEAD}<workbook xmlns="{_MAIN_NS}" xmlns:r="{_DOC_REL}"><bookViews><workbookView/></bookViews>'
            f'<sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        with package.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(head.encode())
            number = 1
            rows = iter(rows)
            while chunk := list(islice(rows, CHUNK)):
                parts: list[str] = []
                for values in chunk:
                    number += 1
                    if len(values) > len(letters):
                        letters += [_letter(n) for n in range(len(letters), len(values))]
                    parts += _row_xml(number, values, letters)
                sheet.write("".join(parts).encode())
            sheet.write(tail.encode())
    out.seek(0)
    return out


def _saved(wb: Workbook):
    out = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - the response streams it, then closes it
    wb.save(out)
    out.seek(0)
    return out


def _letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n + 1)


def _sheet_title(title: str, used: set[str] | None = None) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name, each name once."""
    name = "".join(" " if ch in "[]:*?/\\" else ch for ch in str(title))[:31].strip() or "Sheet"
    if used is not None:
        base, n = name, 2
        while name in used:
            suffix = f" ({n})"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        used.add(name)
    return name


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_stream(headers: list[str], rows: Iterable[list]) -> Iterator[str]:
    """CSV text in pieces: a byte-order mark first (so Excel reads the Vietnamese letters), then one line per row.
    Numbers are written with a dot, dates as YYYY-MM-DD."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(headers)
    for row in rows:
        yield writer.writerow(["" if v is None else _csv_value(v) for v in row])


def _csv_value(v):
    v = _value(v)
    if isinstance(v, datetime):
        return timezone.localtime(v).date().isoformat() if timezone.is_aware(v) else v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    return v


def table_csv(table: Table) -> Iterator[str]:
    return csv_stream([c.label for c in table.columns], (list(r.cells) for r in table.rows))
