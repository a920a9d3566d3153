"""Backup and restore (`manage.py backup`, `manage.py restore`): a restore brings back every row of every table and
every uploaded file byte for byte; a tampered archive, an archive that does not load, and a site that already has
data are refused, and then nothing has changed.

The tests commit for real (`transaction=True`): the restore runs its own transaction, as it does in production."""

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from danvan.core import backup
from danvan.core.backup import MANIFEST, BackupError, backed_up_models, backup_create, backup_restore, columns_of
from danvan.core.models import AuditEntry
from danvan.demo.checking import pdf, png
from danvan.initiatives.services import IndicatorInput, attachment_add, initiative_accept
from danvan.orgs.models import Organization
from danvan.orgs.services import organization_create
from danvan.progress.models import Evidence
from danvan.progress.services import evidence_add, report_save, report_submit
from tests.conftest import campaign_periods

pytestmark = pytest.mark.django_db(transaction=True)

DAY = timedelta(days=1)


@pytest.fixture
def site(world):
    """The world with what a year leaves behind, every step through its service: a launching document, an
    attachment, an accepted initiative with indicators, a sent report with values and evidence (a photo, a PDF)."""
    today = timezone.localdate()
    first, _second = campaign_periods(
        world,
        (-90, -31, -20),
        (-30, -1, 7),
        launch_document_number="292-KH/ĐUK",
        launch_document_date=today - 20 * DAY,
        launch_document_file=SimpleUploadedFile("ke-hoach-292.pdf", pdf("Ke hoach 292")),
    )
    attachment_add(
        initiative=world.draft_a,
        by=world.officer_a,
        upload=SimpleUploadedFile("thuyet-minh.pdf", pdf("Thuyet minh")),
        caption="Thuyết minh mô hình",
    )
    measured = world.make(
        world.unit_a,
        world.officer_a,
        "Tuyên truyền pháp luật Alpha",
        submit=True,
        indicators=[IndicatorInput("Người được trợ giúp", "người", 100), IndicatorInput("Tỷ lệ hài lòng", "%", 90)],
    )
    measured = initiative_accept(initiative=measured, by=world.admin, comment="Đạt yêu cầu.")
    people, rate = measured.indicators.order_by("position")
    report = report_save(
        initiative=measured,
        period=first,
        by=world.officer_a,
        values={people.pk: "30", rate.pk: "92.5"},
        activities="Trợ giúp pháp lý lưu động tại 3 xã.",
    )
    evidence_add(
        report=report, by=world.officer_a, upload=SimpleUploadedFile("anh.png", png((1, 2, 3))), caption="Buổi 1"
    )
    evidence_add(report=report, by=world.officer_a, upload=SimpleUploadedFile("bien-ban.pdf", pdf("Bien ban")))
    report_submit(report=report, by=world.officer_a)
    return world


def all_rows() -> dict[str, list[tuple]]:
    """Every row of every backed-up table, as value tuples in primary-key order."""
    return {
        m._meta.label_lower: list(m._base_manager.order_by("pk").values_list(*columns_of(m)))
        for m in backed_up_models()
    }


def all_files(root) -> dict[str, bytes]:
    root = Path(root)
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def without_restore_entry(rows: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """The rows as they were before the restore wrote its own audit entry (the one row it adds, on purpose)."""
    entry = AuditEntry.objects.get(action="backup.restore")
    return {**rows, "core.auditentry": [r for r in rows["core.auditentry"] if r[0] != entry.pk]}


def rewrite(archive: Path, change: Callable[[str, bytes, dict], bytes]) -> Path:
    """A copy of `archive` with each member passed through `change(name, data, manifest)`."""
    target = archive.with_name("sua-" + archive.name)
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        manifest = json.loads(source.read(MANIFEST))
        for info in source.infolist():
            if info.filename != MANIFEST:
                out.writestr(info.filename, change(info.filename, source.read(info.filename), manifest))
        out.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False))
    return target


def member_of(manifest: dict, label: str) -> dict:
    return next(t for t in manifest["tables"] if t["model"] == label)


# --- A restore reproduces the site ---------------------------------------------------------------------------------


def test_a_restore_into_an_empty_database_brings_back_every_row_and_every_file(site, tmp_path, settings):
    rows, files = all_rows(), all_files(settings.MEDIA_ROOT)
    # The world really has something in the tables that matter, and files in several folders.
    for label in (
        "orgs.organization",
        "initiatives.initiative",
        "initiatives.initiative_fields",
        "progress.indicatorvalue",
        "progress.evidence",
        "initiatives.attachment",
        "core.auditentry",
        "insights.tally",
        "contenttypes.contenttype",
    ):
        assert rows[label], label
    assert len(files) == 4
    archive = tmp_path / "sao-luu.zip"
    out = io.StringIO()
    call_command("backup", "--output", str(archive), stdout=out)
    assert "orgs_organization" in out.getvalue()
    assert "Xong:" in out.getvalue()
    assert archive.stat().st_mode & 0o077 == 0  # password hashes inside: the owner's eyes only

    # A new server: an emptied database (migrate's content types and permissions only), an empty uploads folder.
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "may-moi" / "media"
    assert not Organization.objects.exists()

    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)

    assert without_restore_entry(all_rows()) == rows
    assert all_files(settings.MEDIA_ROOT) == files
    photo = Evidence.objects.get(original_name="anh.png")
    with photo.file.open("rb") as handle:
        assert handle.read() == png((1, 2, 3))
    said = out.getvalue()
    assert "initiatives_initiative " in said and "dòng" in said
    assert "Xong: " in said
    restored = AuditEntry.objects.get(action="backup.restore")
    assert restored.changes["files"] == 4
    # The sequences moved on: a new row gets a new id, not one of the restored ones.
    new = organization_create(code="D", name="Đảng bộ Sở Delta", kind="base_committee", parent=site.bloc, by=None)
    assert new.pk > max(r[0] for r in rows["orgs.organization"])
    # The working folders are gone.
    assert [p.name for p in Path(settings.MEDIA_ROOT).iterdir() if p.name.startswith(".")] == []


def test_restore_force_makes_a_changed_site_equal_to_the_backup(site, tmp_path, settings):
    rows, files = all_rows(), all_files(settings.MEDIA_ROOT)
    archive = backup_create(destination=tmp_path / "sao-luu.zip").path
    call_command("restore", str(archive), "--check", stdout=io.StringIO())

    # After the backup: a new unit, a new file, a removed file, a session.
    session = SessionStore()
    session["seen"] = True
    session.create()
    organization_create(code="D", name="Đảng bộ Sở Delta", kind="base_committee", parent=site.bloc, by=None)
    attachment_add(initiative=site.draft_b, by=site.officer_b, upload=SimpleUploadedFile("moi.pdf", pdf("Moi")))
    Path(settings.MEDIA_ROOT, next(iter(files))).unlink()

    backup_restore(archive=archive, force=True)

    assert without_restore_entry(all_rows()) == rows
    assert all_files(settings.MEDIA_ROOT) == files
    assert "sessions.session" not in rows
    assert not Session.objects.exists()  # sessions are not kept: everyone signs in again


# --- Refusals change nothing ---------------------------------------------------------------------------------------


def test_restore_into_a_site_with_data_is_refused_without_force(site, tmp_path, settings):
    archive = backup_create(destination=tmp_path / "sao-luu.zip").path
    rows, files = all_rows(), all_files(settings.MEDIA_ROOT)

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), stdout=io.StringIO())

    assert "đã có dữ liệu" in str(refused.value)
    assert "orgs_organization" in str(refused.value)
    assert "--force" in str(refused.value)
    assert all_rows() == rows
    assert all_files(settings.MEDIA_ROOT) == files


def _change_a_file(name: str, data: bytes, manifest: dict) -> bytes:
    return data.replace(b"Thuyet minh", b"Thuyet mjnh") if name.startswith("media/") else data


def _change_a_count(name: str, data: bytes, manifest: dict) -> bytes:
    member_of(manifest, "orgs.organization")["rows"] += 1
    return data


def _change_a_row(name: str, data: bytes, manifest: dict) -> bytes:
    if name == member_of(manifest, "orgs.organization")["member"]:
        return data.replace("Đảng bộ Sở Beta".encode(), "Đảng bộ Sở Bêta".encode())
    return data


def _change_a_column(name: str, data: bytes, manifest: dict) -> bytes:
    table = member_of(manifest, "orgs.organization")
    table["columns"] = ["ma_don_vi" if c == "code" else c for c in table["columns"]]
    return data


EXPECTED = {
    _change_a_file: ["thuyet-minh", "SHA-256"],
    _change_a_count: ["orgs_organization", "danh mục ghi"],
    _change_a_row: ["orgs_organization", "SHA-256"],
    _change_a_column: ["orgs_organization", "ma_don_vi"],
}


@pytest.mark.parametrize("tamper", list(EXPECTED), ids=lambda f: f.__name__.removeprefix("_"))
def test_a_tampered_archive_is_refused_naming_what_differs_and_nothing_changes(site, tmp_path, settings, tamper):
    archive = rewrite(backup_create(destination=tmp_path / "sao-luu.zip").path, tamper)
    rows, files = all_rows(), all_files(settings.MEDIA_ROOT)

    with pytest.raises(BackupError) as refused:
        backup_restore(archive=archive, force=True)

    for words in EXPECTED[tamper]:
        assert words in str(refused.value)
    assert "không khôi phục gì" in str(refused.value)
    assert all_rows() == rows
    assert all_files(settings.MEDIA_ROOT) == files
    assert [p.name for p in Path(settings.MEDIA_ROOT).iterdir() if p.name.startswith(".")] == []


def test_an_archive_that_matches_its_manifest_but_does_not_load_is_rolled_back(site, tmp_path, settings):
    """A unit removed from the data, the manifest made to agree: the checks pass, the load fails on the units that
    point at it (a foreign key), and the tables emptied meanwhile are as they were."""

    def drop_unit_a(name: str, data: bytes, manifest: dict) -> bytes:
        table = member_of(manifest, "orgs.organization")
        if name != table["member"]:
            return data
        kept = b"".join(line for line in data.splitlines(keepends=True) if json.loads(line)[0] != site.unit_a.pk)
        table["rows"] -= 1
        table["sha256"] = hashlib.sha256(kept).hexdigest()
        return kept

    archive = rewrite(backup_create(destination=tmp_path / "sao-luu.zip").path, drop_unit_a)
    attachment_add(initiative=site.draft_b, by=site.officer_b, upload=SimpleUploadedFile("moi.pdf", pdf("Moi")))
    rows, files = all_rows(), all_files(settings.MEDIA_ROOT)

    with pytest.raises(BackupError) as refused:
        backup_restore(archive=archive, force=True)

    assert "không nạp được" in str(refused.value)
    assert all_rows() == rows
    assert all_files(settings.MEDIA_ROOT) == files
    assert [p.name for p in Path(settings.MEDIA_ROOT).iterdir() if p.name.startswith(".")] == []


def test_a_failure_while_the_files_are_swapped_puts_back_the_rows_and_the_files(site, tmp_path, settings, monkeypatch):
    """The last step fails (a disk error after half the files were moved): the rows roll back, the files moved are
    moved back, the replaced ones come back."""
    archive = backup_create(destination=tmp_path / "sao-luu.zip").path
    attachment_add(initiative=site.draft_b, by=site.officer_b, upload=SimpleUploadedFile("moi.pdf", pdf("Moi")))
    rows, files = all_rows(), all_files(settings.MEDIA_ROOT)
    real_move = backup._FileSwap._move
    moved = []

    def failing_move(self, source, target):
        if len(moved) == 6:
            raise OSError("Ổ đĩa đầy")
        real_move(self, source, target)
        moved.append(target)

    monkeypatch.setattr(backup._FileSwap, "_move", failing_move)

    with pytest.raises(OSError, match="Ổ đĩa đầy"):
        backup_restore(archive=archive, force=True)

    assert len(moved) == 6
    assert all_rows() == rows
    assert all_files(settings.MEDIA_ROOT) == files
    assert [p.name for p in Path(settings.MEDIA_ROOT).iterdir() if p.name.startswith(".")] == []
