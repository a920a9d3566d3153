"""Importing initiatives from a spreadsheet: a preview that names every problem by row and column and writes
nothing but the preview itself, then an apply that is all or nothing and never creates the same initiative twice.

The rules are those of a registration made by hand (`initiatives.services`): the preview applies them to every
row with a fixed number of queries, and the apply applies them again, inside its transaction, through
`initiatives_import`.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl.utils import get_column_letter

from danvan.campaigns.models import Campaign, Field
from danvan.core.access import Scope, scope_for
from danvan.core.audit import audit
from danvan.core.text import clean_text, fold, parse_number
from danvan.documents.models import ImportBatch
from danvan.documents.sheets import (
    CellError,
    Column,
    SheetProblem,
    SheetRefused,
    SheetRow,
    cell_text,
    map_columns,
    parse_date,
    read_table,
)
from danvan.initiatives import services as initiatives
from danvan.initiatives.models import Initiative
from danvan.initiatives.rules import may_register_for
from danvan.orgs.models import Organization

COLUMNS = (
    Column("unit", gettext_noop("Mã đơn vị"), required=True, aliases=("Mã ĐV", "Mã tổ chức đảng")),
    Column("title", gettext_noop("Tên mô hình"), required=True),
    Column("kind", gettext_noop("Loại mô hình"), required=True),
    Column("fields", gettext_noop("Lĩnh vực"), required=True),
    Column("situation", gettext_noop("Tình hình, lý do"), aliases=("Tình hình, lý do xây dựng mô hình",)),
    Column("goals", gettext_noop("Mục tiêu"), aliases=("Mục tiêu và tiêu chí đo lường",)),
    Column("method", gettext_noop("Nội dung, phương thức"), aliases=("Nội dung, phương thức tổ chức thực hiện",)),
    Column("area", gettext_noop("Địa bàn"), aliases=("Địa bàn thực hiện",)),
    Column("target_groups", gettext_noop("Đối tượng tuyên truyền, vận động")),
    Column("beneficiaries", gettext_noop("Đối tượng thụ hưởng")),
    Column("implementers", gettext_noop("Chủ thể thực hiện"), aliases=("Chủ thể thực hiện và vai trò",)),
    Column("starts_on", gettext_noop("Ngày bắt đầu")),
    Column("ends_on", gettext_noop("Ngày kết thúc")),
    Column("indicator", gettext_noop("Chỉ tiêu"), aliases=("Tên chỉ tiêu",)),
    Column("indicator_unit", gettext_noop("Đơn vị tính")),
    Column("indicator_target", gettext_noop("Giá trị chỉ tiêu")),
)
COLUMN = {c.key: c for c in COLUMNS}
TEXT_KEYS = ("area", "situation", "goals", "method", "target_groups", "beneficiaries", "implementers")
SHORT_KEYS = ("unit", "title", "kind", "fields", "area", "indicator", "indicator_unit")
# Where a rule of the registration names its field, the sheet's column that holds it.
FIELD_COLUMN = {"indicators": "indicator", "campaign": ""}
# A file with every row wrong could list hundreds of thousands of problems: the first ones are enough to fix it.
MAX_PROBLEMS = 2000


class ImportNotApplied(ValidationError):
    """The import was not applied; `problems` say why, by row and column. Nothing was written."""

    def __init__(self, problems: list[dict]):
        super().__init__([problem_text(p) for p in problems] or [_("Không nhập được.")])
        self.problems = problems


def problem_text(p: dict) -> str:
    if p.get("row") and p.get("column"):
        return _("Dòng %(row)s, cột “%(column)s”: %(message)s") % p
    if p.get("row"):
        return _("Dòng %(row)s: %(message)s") % p
    return str(p["message"])


# ---- Who may import ------------------------------------------------------------------------------------------


def may_import(user) -> bool:
    """Unit officers (for their units) and administrators import; leaders and survey members do not."""
    scope = scope_for(user)
    return scope.is_officer or scope.is_admin


def registrable_units(user, campaign: Campaign):
    """Units the user may register initiatives for in `campaign` (officers: their unit and its cells)."""
    scope = scope_for(user)
    return (
        Organization.objects.filter(scope.q_subtree("path", scope.officer_paths) | scope.q_administered())
        .subtree_of(campaign.organization)
        .filter(kind__in=[*Organization.BASE_KINDS, Organization.Kind.CELL], is_active=True)
        .order_by("path")
    )


def import_campaigns_for(user):
    """Launched campaigns in which the user has a unit to register for."""
    from danvan.campaigns.selectors import open_campaigns_for

    return [c for c in open_campaigns_for(user) if registrable_units(user, c).exists()]


# ---- Preview -------------------------------------------------------------------------------------------------


@dataclass
class _Lookups:
    units_by_code: dict[str, Organization]
    fields_by_key: dict[str, Field]
    field_codes: str
    kinds: dict[str, str]
    scope: Scope


def _kinds() -> dict[str, str]:
    out: dict[str, str] = {"tap the": Initiative.Kind.COLLECTIVE.value, "ca nhan": Initiative.Kind.INDIVIDUAL.value}
    for value, label in Initiative.Kind.choices:
        out[fold(value)] = value
        out[fold(str(label))] = value
    return out


def _lookups(campaign: Campaign, codes: set[str], by) -> _Lookups:
    units: dict[str, Organization] = {}
    ordered = sorted(codes)
    for start in range(0, len(ordered), 500):
        units.update({u.code: u for u in Organization.objects.filter(code__in=ordered[start : start + 500])})
    fields = list(Field.objects.filter(campaign=campaign).order_by("position", "id"))
    by_key: dict[str, Field] = {}
    for f in fields:
        by_key.setdefault(fold(f.name), f)
        by_key.setdefault(fold(f.code), f)
    return _Lookups(
        units_by_code=units,
        fields_by_key=by_key,
        field_codes=", ".join(f.code for f in fields),
        kinds=_kinds(),
        scope=scope_for(by),
    )


class _Row:
    """One sheet row being read: its values by column key, its problems, and what will be stored."""

    def __init__(self, srow: SheetRow, index: dict[str, int], epoch):
        self.number = srow.number
        self.index = index
        self.epoch = epoch  # of the workbook, for dates written as Excel serial numbers
        self.values = srow.values
        self.problems: list[SheetProblem] = []

    def cell(self, key: str) -> str:
        i = self.index.get(key)
        return f"{get_column_letter(i + 1)}{self.number}" if i is not None else ""

    def raw(self, key: str):
        i = self.index.get(key)
        value = self.values[i] if i is not None else None
        if isinstance(value, CellError):
            self.error(key, value.message)
            return None
        return value

    def text(self, key: str) -> str:
        """The cell as text; the sheet reader has cleaned it already, one-line columns lose line breaks here."""
        if key not in self.index:
            return ""
        value = cell_text(self.raw(key))
        return clean_text(value) if key in SHORT_KEYS and "\n" in value else value

    def error(self, key: str, message: str, level: str = "error") -> None:
        column = COLUMN[key].label if key in COLUMN else ""
        self.problems.append(SheetProblem(self.number, column, message, level=level, cell=self.cell(key)))


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    """`fold` remembered: kinds and fields repeat on every row of a large file."""
    return fold(text)


def _read_row(row: _Row, lookups: _Lookups) -> tuple[dict, initiatives.ImportRow | None]:
    """A row's stored form and, when its unit is known, the registration to check."""
    stored: dict = {"row": row.number}
    code = row.text("unit").upper()
    unit = None
    if not code:
        row.error("unit", _("Chưa có mã đơn vị."))
    else:
        unit = lookups.units_by_code.get(code)
        if unit is None:
            row.error("unit", _("Không có đơn vị mã “%(code)s” trong danh sách đơn vị.") % {"code": code})
    # The name is shown only for a unit the person may register for: the file names the others by code alone.
    shown = unit is not None and may_register_for(lookups.scope, unit)
    stored.update(unit=code, unit_id=unit and unit.pk, unit_name=unit.name if unit and shown else "")

    title = row.text("title")
    if not title:
        row.error("title", _("Chưa có tên mô hình."))
    raw_kind = row.text("kind")
    kind = lookups.kinds.get(_folded(raw_kind), "")
    if not raw_kind:
        row.error("kind", _("Chưa có loại mô hình: ghi “Tập thể” hoặc “Cá nhân”."))
    elif not kind:
        row.error(
            "kind", _("Loại mô hình “%(value)s” không hợp lệ: ghi “Tập thể” hoặc “Cá nhân”.") % {"value": raw_kind}
        )
    stored.update(title=title, kind=kind or raw_kind)

    field_ids, field_names = _fields(row, lookups)
    stored.update(fields=field_ids, field_names=field_names)

    dates: dict[str, date | None] = {}
    for key in ("starts_on", "ends_on"):
        value = row.raw(key)
        dates[key] = None
        if value is None or value == "":
            continue
        try:
            dates[key] = parse_date(value, row.epoch)
        except ValueError:
            row.error(
                key,
                _("“%(value)s”: ngày không hợp lệ, hãy ghi dạng ngày/tháng/năm (ví dụ 15/04/2017).")
                % {"value": cell_text(value)},
            )
    starts, ends = dates["starts_on"], dates["ends_on"]
    if starts and ends and ends < starts:
        row.error("ends_on", _("Ngày kết thúc phải sau ngày bắt đầu."))
        dates["ends_on"] = None  # reported here; not again by the registration's own check
    stored.update({k: v.isoformat() if v else None for k, v in dates.items()})

    texts = {key: row.text(key) for key in TEXT_KEYS}
    stored.update(texts)
    stored["indicator"] = indicator = _indicator(row)

    if not title or not kind:
        return stored, None
    content = {"title": title, "kind": kind, **dates, **texts}
    if unit is None:
        # Not checked with the others (no unit to check it against), but its texts can be, to name every
        # problem of the row at once.
        for name, message in initiatives.content_problems(content)[1].items():
            row.error(FIELD_COLUMN.get(name, name), message)
        return stored, None
    indicators = (
        [initiatives.IndicatorInput(indicator["name"], indicator["unit_of_measure"], indicator["target"])]
        if indicator
        else []
    )
    return stored, initiatives.ImportRow(
        unit_id=unit.pk, content=content, fields=field_ids, indicators=indicators, row=row.number
    )


def _fields(row: _Row, lookups: _Lookups) -> tuple[list[int], str]:
    text = row.text("fields")
    if not text:
        row.error(
            "fields",
            _("Chưa có lĩnh vực: ghi mã hoặc tên lĩnh vực, nhiều lĩnh vực ngăn cách bởi dấu “;” (%(codes)s).")
            % {"codes": lookups.field_codes},
        )
        return [], ""
    found: list[Field] = []
    unknown: list[str] = []
    for token in filter(None, (t.strip() for t in re.split(r"[;\n]+", text))):
        field = lookups.fields_by_key.get(_folded(token))
        if field is not None:
            found.append(field)
            continue
        parts = [lookups.fields_by_key.get(fold(p)) for p in token.split(",") if p.strip()]
        if len(parts) > 1 and all(parts):
            found += [p for p in parts if p]
        else:
            unknown.append(token)
    if unknown:
        row.error(
            "fields",
            _("Không có lĩnh vực “%(value)s” trong đợt phát động này. Các lĩnh vực: %(codes)s.")
            % {"value": "; ".join(unknown), "codes": lookups.field_codes},
        )
    unique = list(dict.fromkeys(found))
    return [f.pk for f in unique], "; ".join(f.name for f in unique)


def _has_cell_error(row: _Row, key: str) -> bool:
    i = row.index.get(key)
    return i is not None and isinstance(row.values[i], CellError)


def _indicator(row: _Row) -> dict | None:
    name, uom = row.text("indicator"), row.text("indicator_unit")
    raw = row.raw("indicator_target")
    if not name and not uom and (raw is None or raw == ""):
        return None
    ok = True
    if not name:
        row.error("indicator", _("Chưa có tên chỉ tiêu (có đơn vị tính hoặc giá trị mà không có tên)."))
        ok = False
    if not uom:
        row.error("indicator_unit", _("Chưa có đơn vị tính của chỉ tiêu."))
        ok = False
    target = None
    if raw is None or raw == "":
        if not _has_cell_error(row, "indicator_target"):
            row.error("indicator_target", _("Chưa có giá trị chỉ tiêu."))
        ok = False
    else:
        try:
            target = parse_number(raw)
        except ValueError:
            row.error(
                "indicator_target",
                _("“%(value)s” không phải số hợp lệ (số không âm, ví dụ 1.250 hoặc 12,5).") % {"value": cell_text(raw)},
            )
            ok = False
    if not ok or target is None:
        return None
    return {"name": name, "unit_of_measure": uom, "target": str(target)}


def _file_problem(message: str, level: str = "error") -> dict:
    return SheetProblem(None, "", message, level=level).as_dict()


def import_preview(*, campaign: Campaign, name: str, content: bytes, by, today=None) -> ImportBatch:
    """Read a spreadsheet of initiatives and check every row; store and return the preview (an ImportBatch).

    A file that cannot be read, or a campaign not open for registration, gives a batch with status `refused`
    and its problems; otherwise every row is checked against the database with a fixed number of queries, and
    the batch lists each problem with its row and column: `error` (blocks the import), `skip` (an initiative
    the unit already has: not created again) or `notice`. Nothing but the batch is written."""
    name = clean_text(name)[:255] or "tep"
    batch = ImportBatch(
        campaign=campaign,
        uploaded_by=by,
        original_name=name,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
    )
    try:
        table = read_table(name, content)
    except SheetRefused as exc:
        return _refused(batch, [p.as_dict() for p in exc.problems])
    columns = map_columns(table, COLUMNS)
    header_problems = [p.as_dict() for p in columns.problems]
    if any(p["level"] == "error" for p in header_problems):
        return _refused(batch, header_problems, row_count=len(table.rows))
    try:
        initiatives.check_registration_window(campaign, today)
    except ValidationError as exc:
        return _refused(batch, [*header_problems, _file_problem(" ".join(exc.messages))], row_count=len(table.rows))
    if not table.rows:
        return _refused(
            batch,
            [*header_problems, _file_problem(_("Tệp chỉ có dòng tiêu đề, chưa có dòng mô hình nào."))],
        )

    rows = [_Row(r, columns.index, table.epoch) for r in table.rows]
    codes = {r.text("unit").upper() for r in rows} - {""}
    lookups = _lookups(campaign, codes, by)
    stored: list[dict] = []
    to_check: list[initiatives.ImportRow] = []
    for r in rows:
        data, candidate = _read_row(r, lookups)
        stored.append(data)
        if candidate is not None:
            to_check.append(candidate)

    context = initiatives.import_context(campaign, [c.unit_id for c in to_check])
    check = initiatives.check_import_rows(campaign=campaign, rows=to_check, by=by, context=context)
    by_number = {r.number: r for r in rows}
    for p in check.problems:
        key = FIELD_COLUMN.get(p.field, p.field)
        if p.row is not None and p.row in by_number:
            by_number[p.row].error(key, p.message)
    skipped = {r.row for r in check.skipped if r.row is not None}
    for number in sorted(skipped):
        by_number[number].error(
            "title", _("Đã có mô hình này của đơn vị trong đợt — sẽ bỏ qua, không tạo lại."), level="skip"
        )

    problems = [*header_problems, *_earlier_import(campaign, batch.sha256)]
    for r, data in zip(rows, stored, strict=True):
        errors = [p for p in r.problems if p.level == "error"]
        data["action"] = "error" if errors else "skip" if r.number in skipped else "create"
        problems += [p.as_dict() for p in r.problems]
    batch.rows = stored
    batch.row_count = len(stored)
    batch.error_count = sum(1 for p in problems if p["level"] == "error")
    batch.skip_count = sum(1 for d in stored if d["action"] == "skip")
    batch.create_count = sum(1 for d in stored if d["action"] == "create")
    batch.problems = _capped(problems)
    batch.status = ImportBatch.Status.PREVIEWED
    batch.save()
    return batch


def _earlier_import(campaign: Campaign, sha256: str) -> list[dict]:
    earlier = (
        ImportBatch.objects.filter(campaign=campaign, sha256=sha256, status=ImportBatch.Status.APPLIED)
        .order_by("-applied_at")
        .first()
    )
    if earlier is None or earlier.applied_at is None:
        return []
    return [
        _file_problem(
            _("Tệp này đã được nhập ngày %(date)s; các mô hình đã có sẽ được bỏ qua, không tạo lại.")
            % {"date": timezone.localtime(earlier.applied_at).strftime("%d/%m/%Y %H:%M")},
            level="notice",
        )
    ]


def _capped(problems: list[dict]) -> list[dict]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [
        *problems[:MAX_PROBLEMS],
        _file_problem(
            _("Còn %(n)s vấn đề nữa chưa liệt kê. Hãy sửa các vấn đề trên rồi tải lên lại để xem tiếp.") % {"n": rest},
            level="notice",
        ),
    ]


def _refused(batch: ImportBatch, problems: list[dict], row_count: int = 0) -> ImportBatch:
    batch.status = ImportBatch.Status.REFUSED
    batch.problems = _capped(problems)
    batch.error_count = sum(1 for p in problems if p["level"] == "error")
    batch.row_count = row_count
    batch.save()
    return batch


# ---- Apply ---------------------------------------------------------------------------------------------------


def _import_rows(batch: ImportBatch) -> list[initiatives.ImportRow]:
    out = []
    for d in batch.rows:
        if d.get("action") != "create":
            continue
        content = {
            "title": d["title"],
            "kind": d["kind"],
            "starts_on": date.fromisoformat(d["starts_on"]) if d.get("starts_on") else None,
            "ends_on": date.fromisoformat(d["ends_on"]) if d.get("ends_on") else None,
            **{key: d.get(key, "") for key in TEXT_KEYS},
        }
        ind = d.get("indicator")
        indicators = [initiatives.IndicatorInput(ind["name"], ind["unit_of_measure"], ind["target"])] if ind else []
        out.append(
            initiatives.ImportRow(
                unit_id=d["unit_id"], content=content, fields=d["fields"], indicators=indicators, row=d["row"]
            )
        )
    return out


def may_apply(user, batch: ImportBatch) -> bool:
    """The person who uploaded the file, or an administrator of the campaign's organisation."""
    return (user.pk is not None and user.pk == batch.uploaded_by_id) or scope_for(user).administers(
        batch.campaign.organization.path
    )


def import_apply(*, batch: ImportBatch, by, at=None, today=None) -> ImportBatch:
    """Create the previewed initiatives, all or nothing; an already applied batch is returned unchanged.

    The rows are checked again inside the transaction (the data may have changed since the preview): any
    problem refuses the whole import with ImportNotApplied, naming rows and columns, and nothing is written."""
    with transaction.atomic():
        batch = (
            ImportBatch.objects.select_for_update(no_key=True).select_related("campaign__organization").get(pk=batch.pk)
        )
        if batch.status == ImportBatch.Status.APPLIED:
            return batch
        if not may_apply(by, batch):
            raise PermissionDenied
        if not batch.can_apply:
            errors = [p for p in batch.problems if p["level"] == "error"]
            raise ImportNotApplied(errors or [_file_problem(_("Tệp còn lỗi, chưa nhập được."))])
        try:
            created = initiatives.initiatives_import(
                campaign=batch.campaign,
                rows=_import_rows(batch),
                by=by,
                at=at,
                today=today,
                source=batch.original_name,
            )
        except initiatives.ImportRowsRefused as exc:
            raise ImportNotApplied([_apply_problem(batch, p) for p in exc.problems]) from exc
        except ValidationError as exc:
            raise ImportNotApplied([_file_problem(m) for m in exc.messages]) from exc
        batch.status = ImportBatch.Status.APPLIED
        batch.applied_at = at or timezone.now()
        batch.applied_by = by
        batch.created_count = len(created)
        batch.created_ids = [i.pk for i in created]
        batch.save(update_fields=["status", "applied_at", "applied_by", "created_count", "created_ids"])
        audit(
            actor=by,
            action="import.apply",
            target=batch,
            changes={
                "file": batch.original_name,
                "campaign": str(batch.campaign),
                "rows": batch.row_count,
                "created": len(created),
                "skipped": batch.row_count - len(created),
            },
        )
    return batch


def _apply_problem(batch: ImportBatch, p: initiatives.RowProblem) -> dict:
    key = FIELD_COLUMN.get(p.field, p.field)
    column = COLUMN[key].label if key in COLUMN else ""
    return SheetProblem(p.row, column, p.message).as_dict()
