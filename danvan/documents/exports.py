"""Lists and statistic tables as XLSX and CSV, streamed: rows are read from the database in chunks and written
as they come (openpyxl's write-only mode keeps them in a temporary file, CSV goes straight to the response), so
exporting a national list does not hold it in memory."""

import csv
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from itertools import islice

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from danvan.initiatives.models import Initiative
from danvan.insights.statistics import Table, as_number

CHUNK = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"

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


def initiative_headers() -> list[str]:
    return [str(label) for _c, label, _w in INITIATIVE_COLUMNS]


def initiative_rows(qs) -> Iterator[list]:
    """One list of cell values per initiative of `qs`, in its order, read `CHUNK` rows at a time."""
    kinds = dict(Initiative.Kind.choices)
    statuses = dict(Initiative.Status.choices)
    results = dict(Initiative.Result.choices)
    rows = qs.values_list(*_DB_COLUMNS).iterator(chunk_size=CHUNK)
    while chunk := list(islice(rows, CHUNK)):
        names: dict[int, list[str]] = defaultdict(list)
        for initiative_id, name in (
            Initiative.fields.through.objects.filter(initiative_id__in=[r[0] for r in chunk])
            .order_by("field__position", "field__name")
            .values_list("initiative_id", "field__name")
        ):
            names[initiative_id].append(name)
        for r in chunk:
            v = dict(zip(_DB_COLUMNS, r, strict=True))
            v["kind"] = str(kinds.get(v["kind"], v["kind"]))
            v["status"] = str(statuses.get(v["status"], v["status"]))
            v["result"] = str(results.get(v["result"], "")) if v["result"] else ""
            v["fields"] = "; ".join(names.get(v["pk"], []))
            for k in ("submitted_at", "accepted_at"):
                v[k] = timezone.localtime(v[k]).date() if v[k] else None
            yield [v[c] for c, _label, _w in INITIATIVE_COLUMNS]


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
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_sheet_title(title))
    for n, (_c, _label, width) in enumerate(INITIATIVE_COLUMNS):
        ws.column_dimensions[_letter(n)].width = width
    ws.freeze_panes = "A2"
    ws.append(_header_cells(ws, initiative_headers()))
    for values in initiative_rows(qs):
        ws.append(_row_cells(ws, values))
    return _saved(wb)


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
