"""The initiative list as XLSX and the import of registrations at national scale: the number of queries does not
grow with the rows. The export streams its rows with one query and reads the fields of each chunk of rows with one
more; the import checks and writes any number of rows with a fixed number of queries, bulk inserts split only by
their batch size."""

import io
import math

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from danvan.campaigns.selectors import open_campaigns_for
from danvan.documents import exports
from danvan.documents.services import COLUMNS, import_apply, import_preview, registrable_units
from danvan.initiatives import services as initiatives
from danvan.initiatives.models import Initiative
from danvan.initiatives.selectors import filter_initiatives

pytestmark = pytest.mark.django_db

CHUNK = 40
N = 100


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 40 rows, so that the generated set spans many of them."""
    monkeypatch.setattr(exports, "CHUNK", CHUNK)


def chunks(rows: int) -> int:
    return math.ceil(rows / CHUNK)


def sheet_rows(content: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(content), read_only=True).worksheets[0].iter_rows(values_only=True))


# ---- The export -----------------------------------------------------------------------------------------------


def test_the_export_reads_one_query_for_the_rows_and_one_per_chunk_for_their_fields(
    national_set, national_admin, small_chunks
):
    qs = filter_initiatives(national_admin)
    assert qs.count() >= 3 * N
    counted = {}
    for n in (N, 3 * N):
        with CaptureQueriesContext(connection) as captured:
            exports.initiatives_xlsx(qs[:n], title="Mô hình").close()
        counted[n] = len(captured)
        assert counted[n] == 1 + chunks(n), [q["sql"][:120] for q in captured]
    assert counted[3 * N] - counted[N] == chunks(3 * N) - chunks(N)


def test_the_export_page_grows_by_one_query_a_chunk_only(client, national_set, national_admin, small_chunks):
    """Through the page, as the benchmark asks it, with the same filter twice: the province with the most
    initiatives, then the whole country."""
    from danvan.orgs.models import Organization

    country = Organization.objects.get(depth=0)
    province = max(
        Organization.objects.filter(depth=1, kind=country.children.first().kind),
        key=lambda o: filter_initiatives(national_admin, unit=o.pk).count(),
    )
    client.force_login(national_admin)
    counted = {}
    for unit in (province, country):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("documents:initiatives_xlsx"), {"unit": unit.pk})
            assert response.status_code == 200
            content = b"".join(response.streaming_content)
        rows = len(sheet_rows(content)) - 1
        assert rows == filter_initiatives(national_admin, unit=unit.pk).count()
        counted[rows] = len(captured)
    small, big = sorted(counted)
    assert big >= 3 * small > 0
    assert counted[big] - counted[small] == chunks(big) - chunks(small)


# ---- The import -----------------------------------------------------------------------------------------------


@pytest.fixture
def open_campaign(national_set, national_admin):
    """The launched campaign whose registration window is open (the generated set keeps one open)."""
    campaign = open_campaigns_for(national_admin).first()
    initiatives.check_registration_window(campaign)
    return campaign


def registration_sheet(campaign, admin, rows: int, tag: str) -> bytes:
    """The import template filled in with `rows` registrations for units with room under the quota."""
    used = dict(
        Initiative.objects.filter(campaign=campaign)
        .exclude(status=Initiative.Status.WITHDRAWN)
        .order_by()
        .values_list("unit_id")
        .annotate(n=Count("id"))
    )
    room = [
        (unit.code, campaign.quota_max - used.get(unit.pk, 0))
        for unit in registrable_units(admin, campaign)
        if campaign.quota_max > used.get(unit.pk, 0)
    ]
    codes = [code for code, n in room for _k in range(n)][:rows]
    assert len(codes) == rows
    fields = list(campaign.fields.order_by("position", "id").values_list("code", flat=True))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Mô hình")
    ws.append([c.label for c in COLUMNS])
    for n, code in enumerate(codes):
        values = {
            "unit": code,
            "title": f"Mô hình nhập {tag} số {n}: vận động nhân dân giữ gìn vệ sinh môi trường",
            "kind": "Tập thể" if n % 2 else "Cá nhân",
            "fields": "; ".join(fields[(n + j) % len(fields)] for j in range(min(2, len(fields)))),
            "goals": "100% hộ gia đình ký cam kết.",
            "method": "Tuyên truyền đến từng hộ; họp dân hằng tháng.",
            "target_groups": "Hộ gia đình trong khu dân cư.",
            "beneficiaries": "Nhân dân khu dân cư.",
            "implementers": "Chi bộ chủ trì; Mặt trận, đoàn thể phối hợp.",
            "starts_on": f"15/04/{campaign.year}",
            "ends_on": f"30/11/{campaign.year}",
            "indicator": "Số hộ ký cam kết",
            "indicator_unit": "hộ",
            "indicator_target": "1.250",
        }
        ws.append([values.get(c.key, "") for c in COLUMNS])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def import_queries(campaign, admin, rows: int, tag: str) -> tuple[int, int]:
    content = registration_sheet(campaign, admin, rows, tag)
    with CaptureQueriesContext(connection) as previewing:
        batch = import_preview(campaign=campaign, name=f"{tag}.xlsx", content=content, by=admin)
    assert batch.error_count == 0, batch.problems[:3]
    with CaptureQueriesContext(connection) as applying:
        batch = import_apply(batch=batch, by=admin)
    assert batch.created_count == rows
    return len(previewing), len(applying)


def test_the_import_reads_and_writes_any_number_of_rows_with_the_same_queries(open_campaign, national_admin):
    import_queries(open_campaign, national_admin, 2, "khởi động")  # the scope and the campaign, read once and kept
    preview_n, apply_n = import_queries(open_campaign, national_admin, 10, "mười")
    preview_3n, apply_3n = import_queries(open_campaign, national_admin, 30, "ba mươi")
    assert preview_3n == preview_n
    # 30 initiatives of about thirty columns stay under SQLite's 999 parameters a statement: one insert a table.
    assert apply_3n == apply_n


def test_the_import_grows_only_by_its_bulk_batches(open_campaign, national_admin, monkeypatch):
    """With batches of 5 rows, the extra queries of 3N rows are the extra inserts: of the initiatives, of their two
    fields each, their indicator, their history event and their audit entry."""
    monkeypatch.setattr(initiatives, "BULK_BATCH", 5)
    import_queries(open_campaign, national_admin, 2, "khởi động")

    def inserts(rows: int) -> int:
        return 4 * math.ceil(rows / 5) + math.ceil(2 * rows / 5)

    preview_n, apply_n = import_queries(open_campaign, national_admin, 10, "mười")
    preview_3n, apply_3n = import_queries(open_campaign, national_admin, 30, "ba mươi")
    assert preview_3n == preview_n
    assert apply_3n - apply_n == inserts(30) - inserts(10)
