"""Spreadsheets as units send them, built in the tests: Excel-like XLSX (openpyxl), hand-written CSV in the
encodings Excel saves, LibreOffice's own XLSX, and files that are not spreadsheets at all."""

import csv
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

HEADER = [
    "Mã đơn vị",
    "Tên mô hình",
    "Loại mô hình",
    "Lĩnh vực",
    "Tình hình, lý do",
    "Mục tiêu",
    "Nội dung, phương thức",
    "Địa bàn",
    "Đối tượng tuyên truyền, vận động",
    "Đối tượng thụ hưởng",
    "Chủ thể thực hiện",
    "Ngày bắt đầu",
    "Ngày kết thúc",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Giá trị chỉ tiêu",
]
COL = {h: i for i, h in enumerate(HEADER)}
LETTER = {h: "ABCDEFGHIJKLMNOP"[i] for i, h in enumerate(HEADER)}


def row(unit="A", title="Mô hình thử", kind="Tập thể", fields="Cải cách hành chính", **extra) -> list:
    """One registration row in the template's column order; `extra` sets other columns by header:
    row(**{"Ngày bắt đầu": "42840"})."""
    values: list = [unit, title, kind, fields, "Tình hình", "Mục tiêu", "Cách làm", "Phường A"]
    values += ["Cán bộ", "Người dân", "Chi bộ", "15/4/2017", "31/12/2017", "Lượt người", "lượt", "1.250"]
    for header, value in extra.items():
        values[COL[header]] = value
    return values


def xlsx(rows, *, header=HEADER, merge: str = "", epoch_1904: bool = False) -> bytes:
    """An XLSX as Excel would write it (openpyxl): the header, then `rows` (None for an empty row)."""
    wb = Workbook()
    ws = wb.active
    if epoch_1904:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        wb.epoch = CALENDAR_MAC_1904
    if header:
        ws.append(header)
    for r in rows:
        ws.append(r if r is not None else [])
    if merge:
        ws.merge_cells(merge)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def with_cached_values(content: bytes, values: dict[str, str]) -> bytes:
    """The XLSX with a saved result added to the formula of each cell in `values` ({"P2": "300"}), as Excel and
    LibreOffice store it (openpyxl writes formulas without results)."""
    src = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for ref, value in values.items():
                    text = re.sub(
                        rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?', rf"\1\2<v>{value}</v>", text
                    )
                data = text.encode()
            dst.writestr(item, data)
    return out.getvalue()


def csv_bytes(rows, *, header=HEADER, delimiter=",", encoding="utf-8-sig") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    if header:
        writer.writerow(header)
    for r in rows:
        writer.writerow(r if r is not None else [])
    return out.getvalue().encode(encoding)


def libreoffice_xlsx(tmp_path: Path, csv_content: bytes) -> bytes:
    """An XLSX saved by LibreOffice Calc, converted from a UTF-8 CSV."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.fail(
            "LibreOffice is needed to test files saved by LibreOffice: apt-get install libreoffice-calc-nogui",
            pytrace=False,
        )
    source = tmp_path / "dang-ky.csv"
    source.write_bytes(csv_content)
    outdir = tmp_path / "lo"
    outdir.mkdir()
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--infilter=CSV:44,34,76,1",  # comma, double quote, UTF-8, from line 1
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return (outdir / "dang-ky.xlsx").read_bytes()


def docx_bytes() -> bytes:
    """A minimal Word document (.docx): a zip with word/document.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def ods_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "Workbook".encode("utf-16-le") + b"\x00" * 400
