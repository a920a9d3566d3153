"""Reading a spreadsheet a person sends: XLSX (Excel, LibreOffice) or CSV, judged by its content, not its name.

`read_table()` gives the header and the non-empty rows with the row numbers the person sees in their sheet,
every text cleaned (NFC, non-breaking and outer spaces removed). Anything that cannot be read safely is
refused with a message that says what the file is and what to do: a Word document renamed .xlsx, an old
.xls, an .ods, a PDF, a picture, a corrupt file, merged cells, too many rows. A formula is read through the
value Excel or LibreOffice saved for it; one without a saved value, or with an error value, is marked on its
cell so that the import can name its row and column.
"""

import codecs
import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import WINDOWS_EPOCH, from_excel

from danvan.core.text import clean_text, fold

MAX_ROWS = 50_000
MAX_BYTES = 20 * 1024 * 1024
MAX_COLUMNS = 200
# Dates outside these years are typing mistakes (or a year read as an Excel serial number: 2017 is 1905-07-09).
MIN_YEAR, MAX_YEAR = 1945, 2100

EXCEL_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!"}

Value = str | int | float | bool | date | datetime | time | timedelta


@dataclass(frozen=True)
class CellError:
    """A cell whose value cannot be used (a formula with no saved value, an Excel error): its message."""

    message: str


@dataclass
class SheetProblem:
    """A problem found in a file, at a row (None: the whole file) and a column (its header, or its letter)."""

    row: int | None
    column: str
    message: str
    level: str = "error"
    cell: str = ""

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "cell": self.cell, "message": self.message, "level": self.level}


class SheetRefused(Exception):
    """The file cannot be read as a table at all; `problems` say why and what to do."""

    def __init__(self, problems: list[SheetProblem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass
class SheetRow:
    """A non-empty row: its number in the sheet (as Excel or LibreOffice shows it) and its cell values."""

    number: int
    values: list[Value | CellError | None]


@dataclass
class SheetTable:
    """The first sheet of a workbook, or a CSV file: the header row and every non-empty row below it."""

    kind: str  # "xlsx" or "csv"
    header: list[str]
    header_row: int
    rows: list[SheetRow]
    epoch: datetime = WINDOWS_EPOCH  # for Excel serial numbers: 1900, or 1904 when the workbook says so
    extra_data_columns: list[int] = field(default_factory=list)  # 0-based columns with data but no header


def _refuse(message: str, row: int | None = None, column: str = "") -> SheetRefused:
    return SheetRefused([SheetProblem(row, column or _("Tệp"), message)])


def read_table(name: str, content: bytes, *, max_rows: int = MAX_ROWS) -> SheetTable:
    """The header and rows of an XLSX or CSV file; SheetRefused with clear messages when it is neither."""
    name = clean_text(name) or _("không tên")
    if not content:
        raise _refuse(_("Tệp “%(name)s” rỗng: không có dữ liệu nào.") % {"name": name})
    if len(content) > MAX_BYTES:
        raise _refuse(
            _("Tệp “%(name)s” lớn hơn %(mb)s MB cho phép. Hãy chia thành nhiều tệp nhỏ hơn.")
            % {"name": name, "mb": MAX_BYTES // (1024 * 1024)}
        )
    head = content[:8]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _read_zip(name, content, max_rows)
    if head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _refuse(_ole2_message(name, content))
    not_text = _binary_kind(name, content)
    if not_text:
        raise _refuse(not_text)
    return _read_csv(name, content, max_rows)


# ---- What a file that is not a spreadsheet is ---------------------------------------------------------------


def _not_a_sheet(name: str, what: str) -> str:
    return _(
        "Tệp “%(name)s” không phải bảng tính Excel (.xlsx) hay CSV: %(what)s. Hãy tải lên tệp .xlsx hoặc .csv."
    ) % {"name": name, "what": what}


def _save_as(name: str, what: str) -> str:
    return _(
        "Tệp “%(name)s” là %(what)s, hệ thống chưa đọc được dạng này. Hãy mở tệp bằng Excel hoặc LibreOffice, "
        "chọn Lưu thành (Save As) dạng Excel Workbook (.xlsx) hoặc CSV UTF-8, rồi tải lên lại."
    ) % {"name": name, "what": what}


def _ole2_message(name: str, content: bytes) -> str:
    """An old binary Office file: a password-protected workbook, an .xls, or a Word .doc."""

    def has(stream: str) -> bool:
        return stream.encode("utf-16-le") in content

    if has("EncryptedPackage"):
        return _(
            "Tệp “%(name)s” được đặt mật khẩu nên không đọc được. Hãy mở tệp, bỏ mật khẩu (Tệp → Thông tin → "
            "Bảo vệ sổ làm việc), lưu lại rồi tải lên."
        ) % {"name": name}
    if has("WordDocument"):
        return _not_a_sheet(name, _("đây là văn bản Word (.doc)"))
    if has("PowerPoint Document"):
        return _not_a_sheet(name, _("đây là bài trình chiếu PowerPoint (.ppt)"))
    return _save_as(name, _("bảng tính Excel 97–2003 (.xls)"))


def _binary_kind(name: str, content: bytes) -> str:
    """A message when the content is clearly not text (PDF, picture, archive, random bytes); "" for text."""
    import filetype

    if content.startswith(b"%PDF"):
        return _not_a_sheet(name, _("đây là tệp PDF"))
    if content.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return ""
    kind = filetype.guess(content[:8192])
    if kind is not None:
        if kind.mime.startswith("image/"):
            return _not_a_sheet(name, _("đây là ảnh (%(type)s)") % {"type": kind.extension.upper()})
        return _not_a_sheet(name, _("nội dung là tệp %(type)s") % {"type": kind.extension.upper()})
    if _looks_like_utf16(content):
        return ""
    sample = content[:4096]
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if control > len(sample) // 100:
        return _not_a_sheet(name, _("nội dung không phải chữ mà là dữ liệu nhị phân, có thể tệp đã hỏng"))
    return ""


def _looks_like_utf16(content: bytes) -> bool:
    sample = content[:2000]
    if len(sample) < 4:
        return False
    odd_zeros = sample[1::2].count(0)
    even_zeros = sample[0::2].count(0)
    half = len(sample) // 2
    return odd_zeros > half * 0.6 or even_zeros > half * 0.6


# ---- XLSX ----------------------------------------------------------------------------------------------------


def _read_zip(name: str, content: bytes, max_rows: int) -> SheetTable:
    corrupt = _(
        "Không đọc được tệp Excel “%(name)s”: tệp bị hỏng hoặc chưa được lưu trọn vẹn. Hãy mở tệp bằng Excel hoặc "
        "LibreOffice, lưu lại dạng .xlsx rồi tải lên lại."
    ) % {"name": name}
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = set(archive.namelist())
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError, ValueError) as exc:
        raise _refuse(corrupt) from exc
    if b"opendocument.spreadsheet" in mimetype:
        raise _refuse(_save_as(name, _("bảng tính OpenDocument (.ods)")))
    if b"opendocument" in mimetype:
        raise _refuse(_not_a_sheet(name, _("đây là văn bản OpenDocument (.odt, .odp)")))
    if "word/document.xml" in names or b"wordprocessingml" in types:
        raise _refuse(_not_a_sheet(name, _("đây là văn bản Word (.docx) được đặt tên như bảng tính")))
    if "ppt/presentation.xml" in names or b"presentationml" in types:
        raise _refuse(_not_a_sheet(name, _("đây là bài trình chiếu PowerPoint (.pptx)")))
    if not (b"spreadsheetml" in types or "xl/workbook.xml" in names):
        if not types:
            raise _refuse(_not_a_sheet(name, _("đây là một tệp nén (.zip)")))
        raise _refuse(corrupt)
    workbook_xml = archive.read("xl/workbook.xml") if "xl/workbook.xml" in names else b""
    if b"purl.oclc.org/ooxml" in workbook_xml:
        raise _refuse(_save_as(name, _("bảng tính dạng Strict Open XML")))
    try:
        return _read_xlsx(content, max_rows)
    except SheetRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged part
        raise _refuse(corrupt) from exc


def _read_xlsx(content: bytes, max_rows: int) -> SheetTable:
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.worksheet._reader import FORMULA_TAG, INLINE_STRING, VALUE_TAG, WorkSheetParser
    from openpyxl.xml.constants import SHEET_MAIN_NS

    TEXT_TAG = f"{{{SHEET_MAIN_NS}}}t"
    RUN_TEXT_TAG = f"{{{SHEET_MAIN_NS}}}r/{{{SHEET_MAIN_NS}}}t"

    class Parser(WorkSheetParser):
        """openpyxl's streaming parser, keeping apart a formula with no saved value (it reads as empty)."""

        def parse_cell(self, element):
            if element.get("t") == "inlineStr" and element.find(FORMULA_TAG) is None:
                return self.inline_string(element)
            cell = super().parse_cell(element)
            # A formula's empty result is saved as <v></v> with t="str"; any other empty one was never calculated.
            if (
                cell["value"] is None
                and element.find(FORMULA_TAG) is not None
                and (element.find(VALUE_TAG) is None or element.get("t") != "str")
            ):
                cell["data_type"] = "formula"
            return cell

        def inline_string(self, element):
            """Text written in the cell itself (as openpyxl and some programs do), read without building
            openpyxl's rich-text objects: ten times faster on a large sheet. Phonetic runs are left out."""
            coordinate = element.get("r")
            if coordinate:
                row, column = coordinate_to_tuple(coordinate)
                self.col_counter = column
            else:
                self.col_counter += 1
                row, column = self.row_counter, self.col_counter
            box = element.find(INLINE_STRING)
            value = None
            if box is not None:
                plain = box.find(TEXT_TAG)
                if plain is not None:
                    value = plain.text or ""
                else:
                    value = "".join(t.text or "" for t in box.iterfind(RUN_TEXT_TAG))
            return {"row": row, "column": column, "value": value, "data_type": "s", "style_id": 0}

    # openpyxl's read-only workbook, without opening its worksheets: a read-only worksheet parses its whole
    # sheet once just to size it when the file has no <dimension> (openpyxl's own files), and it hides where
    # each row came from and the merged cells. openpyxl's own streaming parser gives both (merged cells come
    # after the rows), reading the first worksheet once.
    reader = ExcelReader(io.BytesIO(content), read_only=True, data_only=True)
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        wb = reader.wb
        paths = [
            rel.target
            for _sheet, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type
        ]
        if not paths:
            raise _refuse(_("Tệp Excel không có trang tính nào."))
        with reader.archive.open(paths[0]) as source:
            parser = Parser(
                source,
                reader.shared_strings,
                data_only=True,
                epoch=wb.epoch,
                date_formats=wb._date_formats,
                timedelta_formats=wb._timedelta_formats,
            )
            table = _collect(_xlsx_rows(parser), kind="xlsx", max_rows=max_rows)
            merged = [m.coord for m in parser.merged_cells.mergeCell] if parser.merged_cells else []
        table.epoch = wb.epoch
    finally:
        reader.archive.close()
    if merged:
        raise SheetRefused([_merged_problem(ref) for ref in merged])
    return table


def _merged_problem(ref: str) -> SheetProblem:
    from openpyxl.utils.cell import range_boundaries

    min_col, min_row, max_col, max_row = range_boundaries(ref)
    rows = str(min_row) if min_row == max_row else _("%(first)s đến %(last)s") % {"first": min_row, "last": max_row}
    return SheetProblem(
        min_row,
        get_column_letter(min_col)
        if min_col == max_col
        else f"{get_column_letter(min_col)}–{get_column_letter(max_col)}",
        _(
            "Ô gộp %(ref)s (dòng %(rows)s): bảng tính không được có ô gộp. Hãy bỏ gộp ô (Merge & Center → Unmerge "
            "Cells), ghi đủ giá trị vào từng dòng rồi tải lên lại."
        )
        % {"ref": ref, "rows": rows},
        cell=ref,
    )


def _xlsx_rows(parser) -> Iterator[tuple[int, list]]:
    for number, cells in parser.parse():
        if not cells:
            continue
        width = min(max(c["column"] for c in cells), MAX_COLUMNS + 1)
        values: list = [None] * width
        for c in cells:
            col = c["column"]
            if col > width:
                continue
            value, data_type = c["value"], c["data_type"]
            if data_type == "formula":
                value = CellError(
                    _(
                        "ô có công thức nhưng chưa có giá trị đã tính. Hãy mở tệp bằng Excel hoặc LibreOffice, "
                        "lưu lại (để lưu kết quả của công thức) rồi tải lên, hoặc thay công thức bằng giá trị."
                    )
                )
            elif data_type == "e" or (isinstance(value, str) and value in EXCEL_ERRORS):
                value = CellError(
                    _("ô có lỗi công thức %(error)s; hãy sửa công thức hoặc ghi giá trị.") % {"error": value}
                )
            elif value is not None and not isinstance(value, Value):
                value = str(value)  # rich text
            values[col - 1] = value
        yield number, values


# ---- CSV -----------------------------------------------------------------------------------------------------


def _decode(name: str, content: bytes) -> str:
    if content.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif _looks_like_utf16(content):
        encoding = "utf-16-le" if content[1::2].count(0) > content[0::2].count(0) else "utf-16-be"
    else:
        encoding = "utf-8"
    try:
        return content.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _refuse(
            _(
                "Tệp “%(name)s” không phải CSV mã UTF-8 (chữ Việt sẽ bị lỗi) và cũng không phải bảng tính Excel "
                "(.xlsx). Hãy lưu lại bằng Excel dạng “CSV UTF-8 (Comma delimited)” hoặc Excel Workbook (.xlsx)."
            )
            % {"name": name}
        ) from exc


def _delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(name: str, content: bytes, max_rows: int) -> SheetTable:
    text = _decode(name, content).replace("\x00", "")
    lines = text.lstrip("\ufeff").splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        raise _refuse(_("Tệp “%(name)s” không có dòng nào có dữ liệu.") % {"name": name})
    if fold(first[:20]).startswith(("<!doctype", "<html", "<?xml", "<table")):
        raise _refuse(_save_as(name, _("trang web (HTML) hoặc XML mang tên bảng tính")))
    body = text.lstrip("\ufeff")
    sep = re.match(r"^sep=(.)\r?\n", body)
    if sep:  # Excel's hint line; Excel hides it, so the header is row 1
        delimiter = sep.group(1)
        body = body[sep.end() :]
    else:
        delimiter = _delimiter(first)

    def rows() -> Iterator[tuple[int, list]]:
        reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
        try:
            for number, values in enumerate(reader, start=1):
                yield number, list(values[: MAX_COLUMNS + 1])
        except csv.Error as exc:
            raise _refuse(
                _("Tệp CSV “%(name)s” hỏng ở dòng %(row)s: %(error)s.")
                % {"name": name, "row": reader.line_num, "error": exc}
            ) from exc

    return _collect(rows(), kind="csv", max_rows=max_rows)


# ---- Both ----------------------------------------------------------------------------------------------------


# Text that `clean_text` would change: line breaks, tabs, non-breaking or doubled spaces, outer spaces.
_UNTIDY = re.compile(r"[\r\n\t\u00a0\u2007\u202f]|  |^\s|\s$")


def _clean(value):
    """A cell's text cleaned (NFC, spaces); most cells are clean already, and checking is cheaper than cleaning."""
    if isinstance(value, str):
        if (value.isascii() or unicodedata.is_normalized("NFC", value)) and not _UNTIDY.search(value):
            return value
        return clean_text(value, multiline=True)
    return value


def _is_empty(value) -> bool:
    return value is None or value == ""


def _collect(rows: Iterator[tuple[int, list]], *, kind: str, max_rows: int) -> SheetTable:
    header: list[str] | None = None
    header_row = 0
    out: list[SheetRow] = []
    extra: set[int] = set()
    for number, raw in rows:
        values = [_clean(v) for v in raw]
        if all(_is_empty(v) for v in values):
            continue  # empty rows are skipped; the others keep the sheet's numbers
        if header is None:
            while values and _is_empty(values[-1]):
                values.pop()
            header = [clean_text(cell_text(v)) for v in values][:MAX_COLUMNS]
            header_row = number
            continue
        if len(out) >= max_rows:
            raise _refuse(
                _(
                    "Tệp có hơn %(max)s dòng dữ liệu, quá giới hạn một lần nhập. Hãy chia thành nhiều tệp, "
                    "mỗi tệp không quá %(max)s dòng."
                )
                % {"max": f"{max_rows:,}".replace(",", ".")},
                row=number,
            )
        width = len(header)
        for i in range(width, len(values)):
            if not _is_empty(values[i]):
                extra.add(i)
        out.append(SheetRow(number, values[:width] + [None] * (width - len(values))))
    if header is None:
        raise _refuse(_("Trang tính đầu tiên không có dữ liệu: cần một dòng tiêu đề và các dòng bên dưới."))
    return SheetTable(kind=kind, header=header, header_row=header_row, rows=out, extra_data_columns=sorted(extra))


def cell_text(value) -> str:
    """A cell as text: numbers without a trailing ".0", dates as dd/mm/yyyy."""
    if value is None or isinstance(value, CellError):
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(Decimal(repr(value)).normalize(), "f")
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if value.time() == time() else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


# ---- Columns -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column a kind of import knows: its key, its header in the template (a gettext_noop message id),
    other headers people write for it, and whether it must be there."""

    key: str
    header: str
    required: bool = False
    aliases: Sequence[str] = ()

    @property
    def label(self) -> str:
        return _(self.header)

    def matches(self) -> set[str]:
        return {header_key(h) for h in (self.header, self.label, *self.aliases)}


def header_key(text: str) -> str:
    """A header as compared: no diacritics, no case, no notes in brackets, no "*" marks."""
    text = re.sub(r"\([^)]*\)|\[[^]]*\]", " ", fold(text))
    return re.sub(r"[\s*:.]+", " ", text).strip()


@dataclass
class ColumnMap:
    """Where each known column is in a table (0-based), and the problems and notices about the header."""

    index: dict[str, int]
    problems: list[SheetProblem]


def map_columns(table: SheetTable, columns: Sequence[Column]) -> ColumnMap:
    """Find each known column by its header: missing required columns and repeated ones are errors, unknown
    ones a notice (they are ignored). A header row with none of the known columns is one error."""
    wanted = {m: c for c in columns for m in c.matches()}
    index: dict[str, int] = {}
    problems: list[SheetProblem] = []
    named: list[str] = []
    unnamed: list[str] = []
    for i, text in enumerate(table.header):
        letter = get_column_letter(i + 1)
        if not text:
            if any(not _is_empty(r.values[i]) for r in table.rows[:1000]):
                unnamed.append(letter)
            continue
        column = wanted.get(header_key(text))
        if column is None:
            named.append(f"“{text}” ({letter})")
        elif column.key in index:
            first = get_column_letter(index[column.key] + 1)
            problems.append(
                SheetProblem(
                    table.header_row,
                    column.label,
                    _("Cột “%(label)s” có hai lần, ở cột %(first)s và cột %(second)s; hãy giữ một cột.")
                    % {"label": column.label, "first": first, "second": letter},
                    cell=f"{letter}{table.header_row}",
                )
            )
        else:
            index[column.key] = i
    unnamed += [get_column_letter(i + 1) for i in table.extra_data_columns]
    if not index:
        required = ", ".join(f"“{c.label}”" for c in columns if c.required)
        return ColumnMap(
            index=index,
            problems=[
                SheetProblem(
                    table.header_row,
                    "",
                    _(
                        "Dòng %(row)s (dòng đầu tiên có dữ liệu) không phải dòng tiêu đề của mẫu: không có cột nào "
                        "của mẫu (cần các cột %(required)s). Hãy dùng tệp mẫu, giữ nguyên dòng tiêu đề."
                    )
                    % {"row": table.header_row, "required": required},
                )
            ],
        )
    for column in columns:
        if column.required and column.key not in index:
            problems.append(
                SheetProblem(
                    table.header_row,
                    column.label,
                    _("Thiếu cột “%(label)s” ở dòng tiêu đề (dòng %(row)s). Hãy dùng tệp mẫu, giữ nguyên dòng tiêu đề.")
                    % {"label": column.label, "row": table.header_row},
                )
            )
    if named or unnamed:
        parts = list(named)
        if unnamed:
            parts.append(_("các cột không có tiêu đề %(letters)s") % {"letters": ", ".join(unnamed)})
        problems.append(
            SheetProblem(
                table.header_row,
                "",
                _("Các cột không thuộc mẫu sẽ được bỏ qua: %(columns)s.") % {"columns": "; ".join(parts)},
                level="notice",
            )
        )
    return ColumnMap(index=index, problems=problems)


# ---- Values --------------------------------------------------------------------------------------------------

_DMY = re.compile(r"^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_SERIAL = re.compile(r"^\d{1,6}(?:[.,]0+)?$")


def parse_date(value, epoch: datetime = WINDOWS_EPOCH) -> date:
    """A date from a date cell, an Excel serial number (as a number or digits), or text written as
    15/4/2017, 15/04/2017, 15-4-2017, 15.4.2017 or 2017-04-15; ValueError otherwise."""
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, bool | time | timedelta):
        raise ValueError(value)
    elif isinstance(value, int | float):
        day = _serial(value, epoch)
    else:
        text = clean_text(str(value))
        if _SERIAL.match(text):
            day = _serial(float(text.replace(",", ".")), epoch)
        elif m := _DMY.match(text):
            day = date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        elif m := _YMD.match(text):
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        else:
            raise ValueError(value)
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(value)
    return day


def _serial(number: float, epoch: datetime) -> date:
    if number != number or number < 1 or number >= 2958466:  # NaN, or beyond 31/12/9999
        raise ValueError(number)
    converted = from_excel(number, epoch)
    if not isinstance(converted, datetime):
        raise ValueError(number)
    return converted.date()
