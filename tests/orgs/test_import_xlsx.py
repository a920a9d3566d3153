"""Units arrive as an Excel sheet too, in either Unicode form; a file that is not a sheet is refused clearly."""

import io
import unicodedata

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from danvan.orgs.models import Organization


def xlsx(rows) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_xlsx_sheet_with_decomposed_text_and_a_cell_before_its_parent(world, login):
    name = unicodedata.normalize("NFD", "Chi bộ Phòng Pháp chế")
    content = xlsx(
        [
            ["ma", "ten", "loai", "ma_cap_tren", "email"],
            ["d1", name, "Chi bộ trực thuộc", "D", None],
            ["D", "Đảng bộ Sở Delta", "base_committee", "KHOI", "delta@test.vn"],
        ]
    )
    upload = SimpleUploadedFile("don-vi.xlsx", content)
    client = login(world.admin)
    before = Organization.objects.count()
    preview = client.post(reverse("orgs:import"), {"file": upload})
    assert preview.status_code == 200
    body = preview.content.decode()
    assert "Xem trước: chưa có gì được ghi" in body and "Chi bộ Phòng Pháp chế" in body
    assert Organization.objects.count() == before  # the preview writes nothing
    sha = client.session["orgs_import"]["sha256"]
    response = client.post(reverse("orgs:import"), {"action": "apply", "sha256": sha})
    assert response.status_code == 302
    assert Organization.objects.count() == before + 2
    assert client.post(reverse("orgs:import"), {"action": "apply", "sha256": sha}).status_code == 302
    assert Organization.objects.count() == before + 2  # confirming twice writes nothing more
    cell = Organization.objects.get(code="D1")
    assert cell.name == "Chi bộ Phòng Pháp chế" and unicodedata.is_normalized("NFC", cell.name)
    assert cell.parent.code == "D" and cell.base.code == "D" and cell.kind == "cell"


def test_a_file_that_is_not_a_sheet_is_refused_and_nothing_is_written(world, login):
    before = Organization.objects.count()
    upload = SimpleUploadedFile("don-vi.xlsx", b"PK\x03\x04 not really a workbook")
    response = login(world.admin).post(reverse("orgs:import"), {"file": upload})
    assert response.status_code == 400
    assert "Không đọc được tệp Excel" in response.content.decode()
    assert Organization.objects.count() == before
