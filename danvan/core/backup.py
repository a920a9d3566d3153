"""Backup and restore of the whole site: every table's rows and every uploaded file, in one archive.

Why not `dumpdata` and `loaddata`: loaddata saves one object at a time (hours for the national data set's twenty
million rows), and neither checks that what comes back is what went out. Here:

- `backup_create` writes one ZIP file: `data/NNN-<app>.<model>.jsonl` (a JSON array a row, in the manifest's column
  order; the tables in dependency order), `media/<path>` (the uploaded files as they are, not compressed again) and
  `manifest.json` (format version, when, the migrations applied, each table's columns, row count and SHA-256, each
  file's size and SHA-256). The rows are read in one consistent snapshot (REPEATABLE READ on PostgreSQL, one read
  transaction on SQLite), in chunks through a server-side cursor, and written as they come: memory does not grow
  with the tables.
- `backup_restore` reads the manifest and checks the archive against it (every table's row count and checksum,
  every file's size and checksum, nothing missing, nothing added) before it changes anything, staging the files in a
  folder inside the uploads folder. Then, in one transaction, it empties the tables, loads the rows (COPY on
  PostgreSQL, the secondary indexes and foreign keys dropped meanwhile and rebuilt after, which checks every row),
  checks every constraint, moves the sequences on, writes an audit entry and swaps the files in. Any failure rolls
  the rows back and puts the files back where they were.

The rows are written with plain SQL, not through the models: no signal fires (the stored counts and fingerprints
come back from the archive as they were), `auto_now` dates keep their value, and the audit log's append-only guard
(`AuditEntry.save`/`delete`, which refuse to change an entry) stays untouched for every other use.
"""

import base64
import contextlib
import hashlib
import json
import os
import shutil
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from danvan.core.bulk import secondary
from danvan.core.freshness import data_changed
from danvan.core.models import AuditEntry

FORMAT = "danvan-backup"
VERSION = 1
MANIFEST = "manifest.json"
# Folders a restore works in, inside the uploads folder (so that moving a file is a rename on the same disk);
# never backed up, never counted as an upload.
STAGING_PREFIX = ".restore-"
REPLACED_PREFIX = ".replaced-"
# Sessions are not kept: they are short-lived keys that sign people in, and a restored site should ask everyone to
# sign in again. Their table is emptied by a restore.
LEFT_OUT = {"sessions.session"}
# Rows `migrate` and signing in write by themselves: they do not make a database "not empty" (a restore replaces them).
REFILLED = {"contenttypes.contenttype", "auth.permission"}
REFILLED_APPS = {"axes"}
# Values JSON carries as they are (numbers, text, booleans); every other type is written as text and read back with
# the field's own `to_python`.
NATIVE = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
    "BooleanField",
    "FloatField",
    "CharField",
    "TextField",
    "SlugField",
    "EmailField",
    "URLField",
    "FileField",
    "ImageField",
    "FilePathField",
    "GenericIPAddressField",
}
CHUNK = 2000  # rows fetched, encoded or inserted at a time
BLOCK = 1 << 20  # bytes read at a time from a file or an archive member
PROGRESS_EVERY = 1_000_000  # a progress line every so many rows of one table
SHOWN = 20  # differences listed in a refusal
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP entry can carry

Say = Callable[[str], None]


def _quiet(line: str) -> None:
    pass


class BackupError(Exception):
    """A backup or a restore refused or failed; the message (Vietnamese) says why and what to do."""


@dataclass
class BackupResult:
    path: Path
    tables: int
    rows: int
    files: int
    file_bytes: int
    archive_bytes: int
    missing_files: list[str]
    seconds: float


@dataclass
class RestoreResult:
    created_at: str
    tables: int
    rows: int
    files: int
    seconds: float
    checked_only: bool = False
    counts: dict[str, int] = field(default_factory=dict)


# --- What is backed up ----------------------------------------------------------------------------------------------


def backed_up_models() -> list[type[models.Model]]:
    """Every table the installed models own (many-to-many tables too), a table after those it points at, so that a
    reader of the archive meets parents first (the load itself runs with the foreign keys deferred or dropped)."""
    candidates = sorted(
        (
            m
            for m in apps.get_models(include_auto_created=True)
            if m._meta.managed and not m._meta.proxy and m._meta.label_lower not in LEFT_OUT
        ),
        key=lambda m: m._meta.label_lower,
    )
    depends: dict[type[models.Model], set[type[models.Model]]] = {}
    for model in candidates:
        targets = {
            f.related_model._meta.concrete_model
            for f in model._meta.local_concrete_fields
            if f.is_relation and isinstance(f.related_model, type)
        }
        depends[model] = {t for t in targets if t is not model and t in candidates}
    ordered: list[type[models.Model]] = []
    done: set[type[models.Model]] = set()
    pending = list(candidates)
    while pending:
        ready = [m for m in pending if depends[m] <= done] or pending[:1]  # a cycle: deferred keys allow any order
        for model in ready:
            ordered.append(model)
            done.add(model)
            pending.remove(model)
    return ordered


def _left_out_models() -> list[type[models.Model]]:
    found = []
    for label in sorted(LEFT_OUT):
        try:
            found.append(apps.get_model(label))
        except LookupError:  # the app is not installed
            continue
    return found


def columns_of(model: type[models.Model]) -> list[str]:
    """The table's columns, by the names the ORM reads them (`unit_id` for a foreign key)."""
    return [f.attname for f in model._meta.local_concrete_fields]


def _kind(f) -> str:
    return (f.target_field if f.is_relation else f).get_internal_type()


def _as_text(value):
    if value is None:
        return None
    if isinstance(value, datetime | date | clock):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return str(value)


def _encoders(model: type[models.Model]) -> list[Callable | None]:
    return [
        None if _kind(f) in NATIVE or _kind(f) == "JSONField" else _as_text for f in model._meta.local_concrete_fields
    ]


def _decoders(model: type[models.Model], columns: list[str], connection) -> list[Callable | None]:
    fields = {f.attname: f for f in model._meta.local_concrete_fields}

    def json_value(f):
        return lambda value: f.get_db_prep_save(value, connection)

    def typed(f):
        return lambda value: None if value is None else f.get_db_prep_save(f.to_python(value), connection)

    decoders: list[Callable | None] = []
    for name in columns:
        f = fields[name]
        kind = _kind(f)
        decoders.append(None if kind in NATIVE else json_value(f) if kind == "JSONField" else typed(f))
    return decoders


def _file_columns(model: type[models.Model]) -> list[int]:
    return [i for i, f in enumerate(model._meta.local_concrete_fields) if isinstance(f, models.FileField)]


def _applied_migrations(connection, app_labels: set[str]) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in MigrationRecorder(connection).applied_migrations():
        if app_label in app_labels:
            applied.setdefault(app_label, []).append(name)
    return {app_label: sorted(names) for app_label, names in sorted(applied.items())}


def _when(manifest: dict) -> str:
    try:
        return timezone.localtime(datetime.fromisoformat(manifest["created_at"])).strftime("%d/%m/%Y %H:%M:%S")
    except (KeyError, TypeError, ValueError):
        return "?"


def _n(value: int) -> str:
    return number_format(value, force_grouping=True)


def _seconds(value: float) -> str:
    return number_format(value, 1)


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _uploads(root: Path) -> Iterator[tuple[str, Path]]:
    """Every uploaded file under `root` as (path relative to root with `/`, absolute path), in a stable order; the
    restore's working folders and symbolic links are passed over."""
    if not root.is_dir():
        return
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        if here == root:
            subfolders[:] = [d for d in subfolders if not d.startswith((STAGING_PREFIX, REPLACED_PREFIX))]
        subfolders.sort()
        for name in sorted(files):
            path = here / name
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix(), path


# --- Backup ---------------------------------------------------------------------------------------------------------


def default_destination(*, folder: Path | None = None) -> Path:
    """`var/backups/danvan-YYYYMMDD-HHMMSS.zip` (or in `folder`): a name that sorts by date."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return (folder or Path(settings.VAR_DIR) / "backups") / f"danvan-{stamp}.zip"


def backup_create(*, destination: Path, say: Say = _quiet, using: str = DEFAULT_DB_ALIAS) -> BackupResult:
    """Write the archive of every table's rows and every uploaded file to `destination` (a new file, readable by its
    owner only: it holds password hashes). It is written under a temporary name and renamed when complete, so a
    file with the final name is always a whole backup."""
    started = time.monotonic()
    destination = Path(destination).resolve()
    root = _media_root().resolve()
    if destination.exists():
        raise BackupError(_("Tệp “%(path)s” đã có: hãy chọn một tên khác.") % {"path": destination})
    if destination.is_relative_to(root):
        raise BackupError(
            _("Không ghi bản sao lưu vào thư mục tệp tải lên (%(root)s): nó sẽ tự chép lại chính mình.")
            % {"root": root}
        )
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    say(_("Sao lưu vào %(path)s") % {"path": destination})
    try:
        with (
            os.fdopen(handle, "wb") as raw,
            zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        ):
            manifest = _write_archive(archive, root=root, say=say, using=using)
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    result = BackupResult(
        path=destination,
        tables=len(manifest["tables"]),
        rows=sum(t["rows"] for t in manifest["tables"]),
        files=len(manifest["files"]),
        file_bytes=sum(f["size"] for f in manifest["files"]),
        archive_bytes=destination.stat().st_size,
        missing_files=manifest["missing_files"],
        seconds=time.monotonic() - started,
    )
    if result.missing_files:
        say(
            _(
                "Cảnh báo: %(count)s tệp được dữ liệu nhắc đến nhưng không có trong thư mục tệp tải lên, "
                "ví dụ: %(names)s"
            )
            % {"count": _n(len(result.missing_files)), "names": ", ".join(result.missing_files[:5])}
        )
    say(
        _(
            "Xong: %(rows)s dòng của %(tables)s bảng và %(files)s tệp (%(size)s) trong %(seconds)s giây "
            "→ %(path)s (%(archive)s)."
        )
        % {
            "rows": _n(result.rows),
            "tables": _n(result.tables),
            "files": _n(result.files),
            "size": filesizeformat(result.file_bytes),
            "seconds": _seconds(result.seconds),
            "path": destination,
            "archive": filesizeformat(result.archive_bytes),
        }
    )
    return result


def _write_archive(archive: zipfile.ZipFile, *, root: Path, say: Say, using: str) -> dict:
    connection = connections[using]
    connection.ensure_connection()
    order = backed_up_models()
    tables: list[dict] = []
    missing: list[str] = []
    outer = connection.in_atomic_block
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql" and not outer:
            # One snapshot for every table: a change committed while the backup runs is in none of them or in all.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        created_at = timezone.now()
        migrations = _applied_migrations(connection, {m._meta.app_label for m in order})
        present = {name for name, _path in _uploads(root)}
        for position, model in enumerate(order, start=1):
            table_started = time.monotonic()
            entry = _write_table(archive, model, position=position, present=present, missing=missing, using=using)
            tables.append(entry)
            say(
                _("  %(model)-42s %(rows)12s dòng %(seconds)8s giây")
                % {
                    "model": entry["table"],
                    "rows": _n(entry["rows"]),
                    "seconds": _seconds(time.monotonic() - table_started),
                }
            )
    files_started = time.monotonic()
    files = _write_files(archive, root=root)
    say(
        _("  %(label)-42s %(count)12s tệp %(seconds)9s giây (%(size)s)")
        % {
            "label": _("tệp tải lên"),
            "count": _n(len(files)),
            "seconds": _seconds(time.monotonic() - files_started),
            "size": filesizeformat(sum(f["size"] for f in files)),
        }
    )
    return {
        "format": FORMAT,
        "version": VERSION,
        "created_at": created_at.isoformat(),
        "database": connection.vendor,
        "django": django.get_version(),
        "migrations": migrations,
        "tables": tables,
        "files": files,
        "missing_files": sorted(set(missing)),
    }


def _write_table(
    archive: zipfile.ZipFile,
    model: type[models.Model],
    *,
    position: int,
    present: set[str],
    missing: list[str],
    using: str,
) -> dict:
    columns = columns_of(model)
    encoders = _encoders(model)
    plain = not any(encoders)
    file_columns = _file_columns(model)
    member = f"data/{position:03d}-{model._meta.label_lower}.jsonl"
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    digest = hashlib.sha256()
    count = 0
    rows = model._base_manager.using(using).order_by("pk").values_list(*columns).iterator(chunk_size=CHUNK)
    with archive.open(member, "w", force_zip64=True) as out:
        lines: list[str] = []
        for row in rows:
            for i in file_columns:
                if row[i] and row[i] not in present:
                    missing.append(row[i])
            lines.append(encode(row if plain else [e(v) if e else v for e, v in zip(encoders, row, strict=True)]))
            if len(lines) == CHUNK:
                count += _flush_lines(out, lines, digest)
        count += _flush_lines(out, lines, digest)
    return {
        "model": model._meta.label_lower,
        "table": model._meta.db_table,
        "member": member,
        "columns": columns,
        "rows": count,
        "sha256": digest.hexdigest(),
    }


def _flush_lines(out, lines: list[str], digest) -> int:
    if not lines:
        return 0
    data = ("\n".join(lines) + "\n").encode()
    digest.update(data)
    out.write(data)
    written = len(lines)
    lines.clear()
    return written


def _write_files(archive: zipfile.ZipFile, *, root: Path) -> list[dict]:
    """Each uploaded file stored as it is (photos, PDFs and office files are compressed already), with its size and
    SHA-256 taken from the bytes written. A file deleted since the listing is passed over."""
    files = []
    for name, path in _uploads(root):
        try:
            source = path.open("rb")
        except FileNotFoundError:
            continue
        with source:
            stat = os.fstat(source.fileno())
            info = zipfile.ZipInfo("media/" + name, date_time=max(time.localtime(stat.st_mtime)[:6], ZIP_EPOCH))
            info.compress_type = zipfile.ZIP_STORED
            info.file_size = stat.st_size
            digest = hashlib.sha256()
            size = 0
            with archive.open(info, "w") as out:
                while block := source.read(BLOCK):
                    digest.update(block)
                    out.write(block)
                    size += len(block)
        files.append({"path": name, "size": size, "sha256": digest.hexdigest()})
    return files


# --- Reading an archive ---------------------------------------------------------------------------------------------


def _open(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BackupError(_("Không tìm thấy tệp “%(path)s”.") % {"path": path}) from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(
            _("Tệp “%(path)s” không đọc được như một bản sao lưu (.zip): %(error)s") % {"path": path, "error": exc}
        ) from None


def _manifest(archive: zipfile.ZipFile, path: Path) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise BackupError(
            _(
                "Tệp “%(path)s” không phải bản sao lưu của Dân vận khéo: thiếu hoặc hỏng danh mục "
                "%(manifest)s (%(error)s)."
            )
            % {"path": path, "manifest": MANIFEST, "error": exc}
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("Tệp “%(path)s” không phải bản sao lưu của Dân vận khéo.") % {"path": path})
    if manifest.get("version") != VERSION:
        raise BackupError(
            _(
                "Bản sao lưu “%(path)s” theo định dạng phiên bản %(version)s; phiên bản này chỉ đọc "
                "định dạng %(supported)s."
            )
            % {"path": path, "version": manifest.get("version"), "supported": VERSION}
        )
    if not _well_formed(manifest):
        raise BackupError(
            _("Danh mục %(manifest)s của bản sao lưu “%(path)s” thiếu thông tin hoặc sai dạng.")
            % {"path": path, "manifest": MANIFEST}
        )
    return manifest


_TABLE_KEYS = {"model": str, "table": str, "member": str, "columns": list, "rows": int, "sha256": str}
_FILE_KEYS = {"path": str, "size": int, "sha256": str}


def _well_formed(manifest: dict) -> bool:
    """Every key the restore reads is there with its type: a hand-edited manifest is refused, not half-read."""

    def fits(entry, keys: dict[str, type]) -> bool:
        return isinstance(entry, dict) and all(isinstance(entry.get(k), t) for k, t in keys.items())

    return (
        isinstance(manifest.get("created_at"), str)
        and isinstance(manifest.get("migrations"), dict)
        and isinstance(manifest.get("tables"), list)
        and isinstance(manifest.get("files"), list)
        and all(fits(t, _TABLE_KEYS) for t in manifest["tables"])
        and all(fits(f, _FILE_KEYS) for f in manifest["files"])
    )


def _schema_problems(manifest: dict, connection) -> list[str]:
    """What keeps the archive's rows from fitting this database: another set of tables, columns or migrations."""
    problems = []
    current = {m._meta.label_lower: m for m in backed_up_models()}
    listed = {t["model"] for t in manifest["tables"]}
    for entry in manifest["tables"]:
        model = current.get(entry["model"])
        if model is None:
            problems.append(
                _("Bảng “%(table)s” (%(model)s) của bản sao lưu không có trong phiên bản này của ứng dụng.")
                % {"table": entry["table"], "model": entry["model"]}
            )
        elif set(entry["columns"]) != set(columns_of(model)):
            ours, theirs = set(columns_of(model)), set(entry["columns"])
            problems.append(
                _("Bảng “%(table)s”: các cột khác nhau (chỉ trong bản sao lưu: %(theirs)s; chỉ ở đây: %(ours)s).")
                % {
                    "table": entry["table"],
                    "theirs": ", ".join(sorted(theirs - ours)) or "—",
                    "ours": ", ".join(sorted(ours - theirs)) or "—",
                }
            )
    for label in sorted(set(current) - listed):
        problems.append(
            _("Bảng “%(table)s” (%(model)s) của phiên bản này không có trong bản sao lưu.")
            % {"table": current[label]._meta.db_table, "model": label}
        )
    here = _applied_migrations(connection, {m._meta.app_label for m in current.values()})
    theirs = manifest["migrations"]
    for app_label in sorted(set(here) | set(theirs)):
        only_theirs = sorted(set(theirs.get(app_label, [])) - set(here.get(app_label, [])))
        only_here = sorted(set(here.get(app_label, [])) - set(theirs.get(app_label, [])))
        if only_theirs or only_here:
            problems.append(
                _(
                    "Ứng dụng “%(app)s”: migration chỉ có trong bản sao lưu: %(theirs)s; chỉ có ở cơ sở dữ liệu "
                    "này: %(here)s."
                )
                % {"app": app_label, "theirs": ", ".join(only_theirs) or "—", "here": ", ".join(only_here) or "—"}
            )
    if problems:
        problems.append(
            _(
                "Khôi phục bằng phiên bản mã nguồn đã tạo bản sao lưu, trên một cơ sở dữ liệu đã chạy "
                "`manage.py migrate` của phiên bản đó; sau đó mới nâng cấp."
            )
        )
    return problems


def _safe_path(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        bool(name)
        and not path.is_absolute()
        and ".." not in path.parts
        and "\\" not in name
        and not path.parts[0].startswith((STAGING_PREFIX, REPLACED_PREFIX))
    )


def _member_digest(archive: zipfile.ZipFile, member: str, target: Path | None = None) -> tuple[str, int, int]:
    """SHA-256, size in bytes and number of lines of a member, copied to `target` on the way if given."""
    digest = hashlib.sha256()
    size = lines = 0
    with archive.open(member) as source, target.open("wb") if target else _Discard() as out:
        while block := source.read(BLOCK):
            digest.update(block)
            size += len(block)
            lines += block.count(b"\n")
            out.write(block)
    return digest.hexdigest(), size, lines


class _Discard:
    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def write(self, data: bytes) -> int:
        return len(data)


def _archive_problems(archive: zipfile.ZipFile, manifest: dict, *, staging: Path | None, say: Say) -> list[str]:
    """Every difference between the archive and its manifest: a table whose rows or checksum differ, a file missing,
    changed or added. With `staging`, each file is copied there as it is checked."""
    problems = []
    members = set(archive.namelist())
    expected = {MANIFEST}
    started = time.monotonic()
    for entry in manifest["tables"]:
        expected.add(entry["member"])
        label = {"table": entry["table"], "model": entry["model"]}
        if entry["member"] not in members:
            problems.append(_("Bảng “%(table)s” (%(model)s): thiếu dữ liệu trong bản sao lưu.") % label)
            continue
        try:
            sha, _size, rows = _member_digest(archive, entry["member"])
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            problems.append(_("Bảng “%(table)s” (%(model)s): dữ liệu hỏng (%(error)s).") % {**label, "error": exc})
            continue
        if rows != entry["rows"]:
            problems.append(
                _("Bảng “%(table)s” (%(model)s): bản sao lưu có %(found)s dòng, danh mục ghi %(expected)s dòng.")
                % {**label, "found": _n(rows), "expected": _n(entry["rows"])}
            )
        elif sha != entry["sha256"]:
            problems.append(
                _("Bảng “%(table)s” (%(model)s): dữ liệu đã bị thay đổi (mã kiểm SHA-256 không khớp danh mục).") % label
            )
    say(
        _("  Đã kiểm tra dữ liệu %(tables)s bảng (%(seconds)s giây).")
        % {"tables": _n(len(manifest["tables"])), "seconds": _seconds(time.monotonic() - started)}
    )
    started = time.monotonic()
    for entry in manifest["files"]:
        name = entry["path"]
        member = "media/" + name
        expected.add(member)
        if not _safe_path(name):
            problems.append(_("Tệp “%(name)s”: đường dẫn không hợp lệ.") % {"name": name})
            continue
        if member not in members:
            problems.append(_("Tệp “%(name)s”: thiếu trong bản sao lưu.") % {"name": name})
            continue
        target = None
        if staging is not None:
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
        try:
            sha, size, _lines = _member_digest(archive, member, target)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            problems.append(_("Tệp “%(name)s”: hỏng (%(error)s).") % {"name": name, "error": exc})
            continue
        if size != entry["size"]:
            problems.append(
                _("Tệp “%(name)s”: %(found)s byte, danh mục ghi %(expected)s byte.")
                % {"name": name, "found": _n(size), "expected": _n(entry["size"])}
            )
        elif sha != entry["sha256"]:
            problems.append(
                _("Tệp “%(name)s”: nội dung đã bị thay đổi (mã kiểm SHA-256 không khớp danh mục).") % {"name": name}
            )
    for member in sorted(members - expected):
        if not member.endswith("/"):
            problems.append(_("“%(name)s” nằm trong bản sao lưu nhưng không có trong danh mục.") % {"name": member})
    say(
        _("  Đã kiểm tra %(files)s tệp (%(seconds)s giây).")
        % {"files": _n(len(manifest["files"])), "seconds": _seconds(time.monotonic() - started)}
    )
    return problems


def _refusal(intro: str, problems: list[str]) -> BackupError:
    shown = [f"- {p}" for p in problems[:SHOWN]]
    if len(problems) > SHOWN:
        shown.append(_("- … và %(count)s chỗ khác.") % {"count": _n(len(problems) - SHOWN)})
    return BackupError("\n".join([intro, *shown]))


def backup_check(*, archive: Path, say: Say = _quiet, using: str = DEFAULT_DB_ALIAS) -> RestoreResult:
    """Read the whole archive and compare it with its manifest and with this database's tables, changing nothing:
    whether a backup can be restored is known before it is needed."""
    started = time.monotonic()
    path = Path(archive)
    with _open(path) as zf:
        manifest = _manifest(zf, path)
        say(_("Kiểm tra bản sao lưu %(path)s (tạo lúc %(at)s)") % {"path": path, "at": _when(manifest)})
        problems = _schema_problems(manifest, connections[using])
        problems += _archive_problems(zf, manifest, staging=None, say=say)
    if problems:
        raise _refusal(_("Bản sao lưu “%(path)s” không dùng được:") % {"path": path}, problems)
    result = _result(manifest, started, checked_only=True)
    say(
        _("Bản sao lưu đầy đủ và khớp danh mục: %(rows)s dòng của %(tables)s bảng, %(files)s tệp.")
        % {"rows": _n(result.rows), "tables": _n(result.tables), "files": _n(result.files)}
    )
    return result


def _result(manifest: dict, started: float, *, checked_only: bool = False) -> RestoreResult:
    return RestoreResult(
        created_at=manifest["created_at"],
        tables=len(manifest["tables"]),
        rows=sum(t["rows"] for t in manifest["tables"]),
        files=len(manifest["files"]),
        seconds=time.monotonic() - started,
        checked_only=checked_only,
        counts={t["table"]: t["rows"] for t in manifest["tables"]},
    )


# --- Restore --------------------------------------------------------------------------------------------------------


def _not_empty(root: Path, using: str) -> list[str]:
    """Why this site is not empty: the tables holding rows of their own, and a file already in the uploads folder."""
    found = [
        _("bảng “%(table)s” đã có dữ liệu") % {"table": m._meta.db_table}
        for m in backed_up_models()
        if m._meta.label_lower not in REFILLED
        and m._meta.app_label not in REFILLED_APPS
        and m._base_manager.using(using).exists()
    ]
    for name, _path in _uploads(root):
        found.append(_("thư mục tệp tải lên (%(root)s) đã có tệp, ví dụ “%(name)s”") % {"root": root, "name": name})
        break
    return found


def backup_restore(
    *, archive: Path, force: bool = False, say: Say = _quiet, using: str = DEFAULT_DB_ALIAS
) -> RestoreResult:
    """Replace this site's rows and uploaded files by the archive's, all or nothing.

    Refuses a site with data of its own unless `force` (then that data is replaced: the tables are emptied, the
    files not in the archive removed), an archive whose tables or migrations do not match this code, and an archive
    that differs from its manifest; each refusal names what differs and changes nothing. Must run outside any
    transaction: it commits the rows itself, and moves the files only when they are sure to be committed."""
    connection = connections[using]
    if connection.in_atomic_block:
        raise RuntimeError("backup_restore commits by itself: call it outside a transaction.")
    started = time.monotonic()
    path = Path(archive)
    root = _media_root().resolve()
    with _open(path) as zf:
        manifest = _manifest(zf, path)
        say(_("Khôi phục từ %(path)s (tạo lúc %(at)s)") % {"path": path, "at": _when(manifest)})
        problems = _schema_problems(manifest, connection)
        if problems:
            raise _refusal(_("Bản sao lưu không khớp với cơ sở dữ liệu này, không khôi phục gì:"), problems)
        if not force and (found := _not_empty(root, using)):
            raise BackupError(
                _(
                    "Không khôi phục: trang này đã có dữ liệu (%(found)s). Hãy khôi phục vào một cơ sở dữ liệu mới "
                    "(đã chạy `manage.py migrate`) với thư mục tệp tải lên trống, hoặc thêm --force để xoá TOÀN BỘ "
                    "dữ liệu và tệp hiện có rồi thay bằng bản sao lưu."
                )
                % {"found": "; ".join(found[:6])}
            )
        root.mkdir(parents=True, exist_ok=True)
        token = timezone.now().strftime("%Y%m%d%H%M%S") + f"-{os.getpid()}"
        swap = _FileSwap(root=root, staging=root / (STAGING_PREFIX + token), replaced=root / (REPLACED_PREFIX + token))
        committed = False
        try:
            swap.staging.mkdir()
            problems = _archive_problems(zf, manifest, staging=swap.staging, say=say)
            if problems:
                raise _refusal(
                    _("Bản sao lưu “%(path)s” không khớp với danh mục của nó, không khôi phục gì:") % {"path": path},
                    problems,
                )
            try:
                with transaction.atomic(using=using):
                    _load(zf, manifest, connection=connection, say=say)
                    AuditEntry.objects.using(using).create(
                        action="backup.restore",
                        target_type="backup",
                        target_id=manifest["created_at"][:40],
                        target_repr=path.name[:255],
                        changes={
                            "created_at": manifest["created_at"],
                            "rows": sum(t["rows"] for t in manifest["tables"]),
                            "files": len(manifest["files"]),
                            "force": force,
                        },
                    )
                    data_changed(using)
                    swap.apply([f["path"] for f in manifest["files"]])
                committed = True
            except DatabaseError as exc:
                raise BackupError(
                    _("Dữ liệu của bản sao lưu không nạp được, không khôi phục gì: %(error)s") % {"error": exc}
                ) from exc
        finally:
            if not committed:
                swap.undo()
            swap.clean(committed=committed)
    ContentType.objects.clear_cache()
    result = _result(manifest, started)
    say(
        _("Xong: %(rows)s dòng của %(tables)s bảng và %(files)s tệp trong %(seconds)s giây.")
        % {
            "rows": _n(result.rows),
            "tables": _n(result.tables),
            "files": _n(result.files),
            "seconds": _seconds(result.seconds),
        }
    )
    return result


def _load(archive: zipfile.ZipFile, manifest: dict, *, connection, say: Say) -> None:
    """Inside the restore's transaction: empty the tables, load every table's rows, check them, move sequences on."""
    current = {m._meta.label_lower: m for m in backed_up_models()}
    tables = [current[t["model"]]._meta.db_table for t in manifest["tables"]]
    emptied = tables + [model._meta.db_table for model in _left_out_models()]
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        started = time.monotonic()
        if postgres:
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for sql in connection.ops.sql_flush(no_style(), emptied, reset_sequences=True):
            cursor.execute(sql)
        builds: list[tuple[str, str]] = []
        keys: list[tuple[str, str]] = []
        if postgres:
            # The manual's advice for loading: indexes built once after the rows, foreign keys checked in one pass.
            drops, builds, keys = secondary(cursor, tables)
            for sql in drops:
                cursor.execute(sql)
        say(_("  Đã xoá dữ liệu cũ (%(seconds)s giây).") % {"seconds": _seconds(time.monotonic() - started)})
        for entry in manifest["tables"]:
            table_started = time.monotonic()
            model = current[entry["model"]]
            rows = _load_table(archive, entry, model, cursor=cursor, connection=connection, say=say)
            if rows != entry["rows"]:
                raise BackupError(
                    _("Bảng “%(table)s”: nạp được %(found)s dòng, danh mục ghi %(expected)s dòng. Không khôi phục gì.")
                    % {"table": entry["table"], "found": _n(rows), "expected": _n(entry["rows"])}
                )
            say(
                _("  %(model)-42s %(rows)12s dòng %(seconds)8s giây")
                % {"model": entry["table"], "rows": _n(rows), "seconds": _seconds(time.monotonic() - table_started)}
            )
        if postgres:
            started = time.monotonic()
            for _name, sql in builds + keys:
                cursor.execute(sql)
            for table in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
            say(
                _("  Đã dựng lại %(indexes)s chỉ mục và %(keys)s khoá ngoại (%(seconds)s giây).")
                % {"indexes": _n(len(builds)), "keys": _n(len(keys)), "seconds": _seconds(time.monotonic() - started)}
            )
        for sql in connection.ops.sequence_reset_sql(no_style(), list(current.values())):
            cursor.execute(sql)
    connection.check_constraints()


def _load_table(
    archive: zipfile.ZipFile, entry: dict, model: type[models.Model], *, cursor, connection, say: Say
) -> int:
    columns = entry["columns"]
    fields = {f.attname: f for f in model._meta.local_concrete_fields}
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(fields[c].column) for c in columns)
    decoders = _decoders(model, columns, connection)
    plain = not any(decoders)

    def rows() -> Iterator[list]:
        count = 0
        with archive.open(entry["member"]) as source:
            for line in source:
                values = json.loads(line)
                yield values if plain else [d(v) if d else v for d, v in zip(decoders, values, strict=True)]
                count += 1
                if count % PROGRESS_EVERY == 0:
                    say(_("    … %(rows)s dòng") % {"rows": _n(count)})

    count = 0
    if connection.vendor == "postgresql":
        with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows():
                copy.write_row(row)
                count += 1
        return count
    marks = ", ".join(["%s"] * len(columns))
    for batch in _batches(rows(), CHUNK):
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", batch)
        count += len(batch)
    return count


def _batches(rows: Iterable[list], size: int) -> Iterator[list[list]]:
    batch: list[list] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class _FileSwap:
    """Moves the staged files into the uploads folder, the files already there aside, and can put it all back: every
    move is a rename inside one folder tree, so it is quick and cannot half-copy a file."""

    def __init__(self, *, root: Path, staging: Path, replaced: Path) -> None:
        self.root, self.staging, self.replaced = root, staging, replaced
        self.moves: list[tuple[Path, Path]] = []

    def _move(self, source: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        self.moves.append((source, target))

    def apply(self, names: list[str]) -> None:
        for name, path in list(_uploads(self.root)):
            self._move(path, self.replaced / name)
        for name in names:
            self._move(self.staging / name, self.root / name)

    def undo(self) -> None:
        while self.moves:
            source, target = self.moves.pop()
            os.replace(target, source)

    def clean(self, *, committed: bool) -> None:
        """Remove the working folders: the staged copies always, the replaced files once the restore has committed
        (before that, only the folders left empty: a file that could not be put back stays there to be found)."""
        shutil.rmtree(self.staging, ignore_errors=True)
        if committed:
            shutil.rmtree(self.replaced, ignore_errors=True)
            _prune_empty_folders(self.root, keep_root=True)
        elif self.replaced.exists():
            _prune_empty_folders(self.replaced, keep_root=False)


def _prune_empty_folders(root: Path, *, keep_root: bool) -> None:
    for folder, _subfolders, _files in os.walk(root, topdown=False):
        here = Path(folder)
        if here != root or not keep_root:
            with contextlib.suppress(OSError):  # not empty
                here.rmdir()
