"""Every step of an initiative's registration: create, edit, submit, accept, return, withdraw, carry over."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.campaigns.models import Campaign, Field
from danvan.core.access import scope_for
from danvan.core.audit import audit, diff, snapshot
from danvan.core.files import check_upload, discard, keep_upload
from danvan.core.freshness import concerns
from danvan.core.models import AuditEntry
from danvan.core.text import clean_text, fold, model_label
from danvan.initiatives.models import Attachment, Indicator, Initiative, InitiativeEvent
from danvan.initiatives.rules import may_register_for, permissions
from danvan.orgs.models import Organization

TEXT_LIMIT = 5000
SHORT_FIELDS = ("title", "area")
LONG_FIELDS = (
    "situation",
    "goals",
    "method",
    "target_groups",
    "beneficiaries",
    "implementers",
    "resources",
    "timeline",
    "expected_outputs",
    "sustainability",
)
CONTENT_FIELDS = ("kind", "starts_on", "ends_on", *SHORT_FIELDS, *LONG_FIELDS)
AUDITED = [*CONTENT_FIELDS, "status", "unit", "campaign"]
KINDS = frozenset(Initiative.Kind.values)  # computed once: an import checks the kind of every row


@dataclass
class IndicatorInput:
    name: str
    unit_of_measure: str
    target: Decimal | str | int | float
    baseline: Decimal | str | int | float | None = None


def _label(name: str) -> str:
    return model_label(Initiative, name)


def _today():
    return timezone.localdate()


def _clean_content(data: dict) -> dict:
    """Normalise every text to NFC and check lengths, kinds and dates; errors name the field."""
    errors: dict[str, str] = {}
    out = {}
    for name, value in data.items():
        if name not in CONTENT_FIELDS:
            raise ValidationError(_("Trường không hợp lệ: %(name)s") % {"name": name})
        if name in SHORT_FIELDS:
            value = clean_text(value)
            if len(value) > 255:
                errors[name] = _("“%(label)s” dài quá 255 ký tự.") % {"label": _label(name)}
        elif name in LONG_FIELDS:
            value = clean_text(value, multiline=True)
            if len(value) > TEXT_LIMIT:
                errors[name] = _("“%(label)s” dài quá %(n)s ký tự.") % {
                    "label": _label(name),
                    "n": TEXT_LIMIT,
                }
        elif name == "kind" and value not in KINDS:
            errors[name] = _("Loại mô hình không hợp lệ.")
        out[name] = value
    if "title" in out and not out["title"]:
        errors["title"] = _("Tên mô hình không được để trống.")
    starts, ends = out.get("starts_on"), out.get("ends_on")
    if starts and ends and ends < starts:
        errors["ends_on"] = _("Ngày kết thúc phải sau ngày bắt đầu.")
    if errors:
        raise ValidationError(errors)
    return out


def _clean_indicators(indicators: list[IndicatorInput]) -> list[IndicatorInput]:
    out = []
    for position, ind in enumerate(indicators, start=1):
        name, uom = clean_text(ind.name), clean_text(ind.unit_of_measure)
        if not name and not uom and ind.target in (None, ""):
            continue
        where = _("Chỉ tiêu %(n)s") % {"n": position}
        if not name:
            raise ValidationError({"indicators": _("%(where)s: chưa có tên chỉ tiêu.") % {"where": where}})
        if len(name) > 255 or len(uom) > 50:
            raise ValidationError({"indicators": _("%(where)s: tên hoặc đơn vị tính quá dài.") % {"where": where}})
        if not uom:
            raise ValidationError({"indicators": _("%(where)s: chưa có đơn vị tính.") % {"where": where}})
        values: dict[str, Decimal | None] = {}
        for attr in ("target", "baseline"):
            raw = getattr(ind, attr)
            if raw in (None, "") and attr == "baseline":
                values[attr] = None
                continue
            try:
                number = Decimal(str(raw).replace(",", ".").strip())
            except (InvalidOperation, ValueError):
                number = None
            if number is None or not number.is_finite() or number < 0 or number >= Decimal("1e12"):
                raise ValidationError(
                    {"indicators": _("%(where)s: giá trị “%(v)s” không phải số hợp lệ.") % {"where": where, "v": raw}}
                )
            values[attr] = number
        out.append(
            IndicatorInput(name=name, unit_of_measure=uom, target=values["target"] or 0, baseline=values["baseline"])
        )
    return out


def _clean_fields(campaign: Campaign, fields) -> list[Field]:
    ids = [f.pk if isinstance(f, Field) else f for f in fields]
    found = list(Field.objects.filter(campaign=campaign, pk__in=ids))
    if len(found) != len(set(ids)):
        raise ValidationError({"fields": _("Lĩnh vực không thuộc đợt phát động này.")})
    return found


def _refresh_search(initiative: Initiative) -> None:
    # A leading space before every word lets a search match word beginnings: " tro giup".
    initiative.search_text = " " + fold(
        " ".join(
            [
                initiative.title,
                initiative.unit.name,
                initiative.unit.code,
                initiative.implementers,
                initiative.target_groups,
                initiative.beneficiaries,
                initiative.area,
            ]
        )
    )


def _event(initiative: Initiative, action: str, by, comment: str = "", at=None) -> None:
    InitiativeEvent.objects.create(
        initiative=initiative, action=action, actor=by, comment=comment, at=at or timezone.now()
    )


def _set_indicators(initiative: Initiative, indicators: list[IndicatorInput]) -> None:
    initiative.indicators.all().delete()
    Indicator.objects.bulk_create(
        [
            Indicator(
                initiative=initiative,
                name=i.name,
                unit_of_measure=i.unit_of_measure,
                target=i.target,
                baseline=i.baseline,
                position=n,
            )
            for n, i in enumerate(indicators)
        ]
    )


def _check_window(campaign: Campaign, today) -> None:
    if campaign.status != Campaign.Status.LAUNCHED:
        raise ValidationError({"campaign": _("Đợt phát động này chưa mở hoặc đã kết thúc.")})
    if not campaign.registration_open_on(today):
        raise ValidationError(
            {
                "campaign": _("Ngoài thời hạn đăng ký (từ %(opens)s đến %(closes)s).")
                % {
                    "opens": campaign.registration_opens.strftime("%d/%m/%Y"),
                    "closes": campaign.registration_closes.strftime("%d/%m/%Y"),
                }
            }
        )


def check_registration_window(campaign: Campaign, today=None) -> None:
    """ValidationError unless the campaign is launched and `today` (default: today) is inside its window."""
    _check_window(campaign, today or _today())


def _check_quota(campaign: Campaign, unit: Organization) -> None:
    # Lock the unit's row so that two simultaneous registrations cannot both pass the count.
    Organization.objects.select_for_update(no_key=True).filter(pk=unit.pk).first()
    used = Initiative.objects.filter(campaign=campaign, unit=unit).exclude(status=Initiative.Status.WITHDRAWN).count()
    if used >= campaign.quota_max:
        raise ValidationError(
            {
                "unit": _("Đơn vị “%(unit)s” đã đăng ký %(used)s mô hình, bằng số tối đa %(max)s của đợt này.")
                % {"unit": unit.name, "used": used, "max": campaign.quota_max}
            }
        )


def _in_campaign(campaign: Campaign, unit: Organization) -> bool:
    """A unit registers in a campaign when it is a base organisation or a cell inside the campaign's tree."""
    return unit.kind in (*Organization.BASE_KINDS, Organization.Kind.CELL) and unit.path.startswith(
        campaign.organization.path
    )


@concerns()
@transaction.atomic
def initiative_create(
    *,
    campaign: Campaign,
    unit: Organization,
    by,
    fields=(),
    indicators: Sequence[IndicatorInput] = (),
    today=None,
    at=None,
    **content,
) -> Initiative:
    """A new draft registration of `unit` in `campaign`, within the window and the unit's quota."""
    campaign = Campaign.objects.select_related("organization").get(pk=campaign.pk)  # its current status
    if not may_register_for(scope_for(by), unit):
        raise ValidationError({"unit": _("Bạn không được đăng ký mô hình cho đơn vị này.")})
    if not _in_campaign(campaign, unit):
        raise ValidationError({"unit": _("Đơn vị “%(unit)s” không thuộc phạm vi đợt phát động.") % {"unit": unit}})
    _check_window(campaign, today or _today())
    _check_quota(campaign, unit)
    data = _clean_content(content)
    field_rows = _clean_fields(campaign, fields)
    indicator_rows = _clean_indicators(list(indicators))
    initiative = Initiative(campaign=campaign, unit=unit, created_by=by, **data)
    _refresh_search(initiative)
    initiative.full_clean(exclude=["fields", "search_text"])
    initiative.save()
    initiative.fields.set(field_rows)
    _set_indicators(initiative, indicator_rows)
    _event(initiative, InitiativeEvent.Action.CREATED, by, at=at)
    audit(actor=by, action="initiative.create", target=initiative, changes=snapshot(initiative, AUDITED))
    return initiative


CHANGED_BY_OTHERS = _(
    "Mô hình này vừa được người khác sửa hoặc chuyển trạng thái. Nội dung bạn nhập chưa được lưu; "
    "hãy mở lại mô hình để xem bản mới nhất rồi sửa lại."
)


def _locked(initiative: Initiative, expected_version: int | None = None) -> Initiative:
    fresh = Initiative.objects.select_for_update(no_key=True).select_related("unit", "campaign").get(pk=initiative.pk)
    if expected_version is not None and fresh.version != expected_version:
        raise ValidationError(CHANGED_BY_OTHERS)
    return fresh


@concerns("initiative")
@transaction.atomic
def initiative_update(
    *,
    initiative: Initiative,
    by,
    expected_version: int | None,
    fields=None,
    indicators: list[IndicatorInput] | None = None,
    **content,
) -> Initiative:
    """Edit a draft or returned registration; a stale edit (someone saved in between) is refused."""
    initiative = _locked(initiative, expected_version)
    if not permissions(scope_for(by), initiative).can_edit:
        raise ValidationError(
            _("Mô hình ở trạng thái “%(s)s” không sửa được.") % {"s": initiative.get_status_display()}
        )
    before = snapshot(initiative, AUDITED)
    before_fields = sorted(initiative.fields.values_list("name", flat=True))
    before_ind = list(initiative.indicators.values_list("name", "unit_of_measure", "target"))
    data = _clean_content(content)
    merged = {**{k: getattr(initiative, k) for k in ("starts_on", "ends_on")}, **data}
    if merged["starts_on"] and merged["ends_on"] and merged["ends_on"] < merged["starts_on"]:
        raise ValidationError({"ends_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    field_rows = _clean_fields(initiative.campaign, fields) if fields is not None else None
    indicator_rows = _clean_indicators(list(indicators)) if indicators is not None else None
    for name, value in data.items():
        setattr(initiative, name, value)
    _refresh_search(initiative)
    initiative.version += 1
    initiative.full_clean(exclude=["fields", "search_text"])
    initiative.save()
    changes = diff(before, snapshot(initiative, AUDITED))
    if field_rows is not None:
        initiative.fields.set(field_rows)
        after_fields = sorted(f.name for f in field_rows)
        if after_fields != before_fields:
            changes["fields"] = [before_fields, after_fields]
    if indicator_rows is not None:
        _set_indicators(initiative, indicator_rows)
        after_ind = list(initiative.indicators.values_list("name", "unit_of_measure", "target"))
        if after_ind != before_ind:
            changes["indicators"] = [
                [f"{n}: {t} {u}" for n, u, t in before_ind],
                [f"{n}: {t} {u}" for n, u, t in after_ind],
            ]
    _event(initiative, InitiativeEvent.Action.UPDATED, by)
    audit(actor=by, action="initiative.update", target=initiative, changes=changes)
    return initiative


def _transition(initiative: Initiative, to: str, by, action: str, comment: str = "", at=None) -> Initiative:
    before = initiative.status
    initiative.status = to
    initiative.version += 1
    initiative.save()
    _event(initiative, action, by, comment, at=at)
    audit(
        actor=by,
        action=f"initiative.{action}",
        target=initiative,
        changes={"status": [before, to], **({"comment": comment} if comment else {})},
    )
    return initiative


@concerns("initiative")
@transaction.atomic
def initiative_submit(
    *, initiative: Initiative, by, expected_version: int | None = None, today=None, at=None
) -> Initiative:
    """Send the registration to the bloc. Refused while goals, implementers, target groups, beneficiaries
    or method are missing, or outside the registration window."""
    initiative = _locked(initiative, expected_version)
    if not permissions(scope_for(by), initiative).can_submit:
        raise ValidationError(
            _("Mô hình ở trạng thái “%(s)s” không gửi được.") % {"s": initiative.get_status_display()}
        )
    missing = [name for name in Initiative.REQUIRED_TO_SUBMIT if not (getattr(initiative, name) or "").strip()]
    if missing:
        raise ValidationError(
            {
                name: _("Chưa có “%(label)s”: mô hình phải nêu rõ trước khi gửi đăng ký.") % {"label": _label(name)}
                for name in missing
            }
        )
    if not initiative.fields.exists():
        raise ValidationError({"fields": _("Chưa chọn lĩnh vực của mô hình.")})
    _check_window(initiative.campaign, today or _today())
    initiative.submitted_at = at or timezone.now()
    initiative.return_comment = ""
    return _transition(initiative, Initiative.Status.SUBMITTED, by, InitiativeEvent.Action.SUBMITTED, at=at)


@concerns("initiative")
@transaction.atomic
def initiative_accept(
    *, initiative: Initiative, by, comment: str = "", expected_version: int | None = None, at=None
) -> Initiative:
    initiative = _locked(initiative, expected_version)
    if not permissions(scope_for(by), initiative).can_review:
        raise ValidationError(_("Chỉ duyệt được mô hình đang chờ duyệt."))
    initiative.accepted_at = at or timezone.now()
    return _transition(
        initiative,
        Initiative.Status.ACCEPTED,
        by,
        InitiativeEvent.Action.ACCEPTED,
        clean_text(comment, multiline=True),
        at=at,
    )


@concerns("initiative")
@transaction.atomic
def initiative_return(
    *, initiative: Initiative, by, comment: str, expected_version: int | None = None, at=None
) -> Initiative:
    """Send the registration back to its unit with the bloc's reasons; the unit revises and resubmits."""
    comment = clean_text(comment, multiline=True)
    if not comment:
        raise ValidationError({"comment": _("Hãy ghi rõ lý do trả lại để đơn vị sửa.")})
    if len(comment) > TEXT_LIMIT:
        raise ValidationError({"comment": _("Ý kiến dài quá %(n)s ký tự.") % {"n": TEXT_LIMIT}})
    initiative = _locked(initiative, expected_version)
    if not permissions(scope_for(by), initiative).can_review:
        raise ValidationError(_("Chỉ trả lại được mô hình đang chờ duyệt."))
    initiative.return_comment = comment
    return _transition(initiative, Initiative.Status.RETURNED, by, InitiativeEvent.Action.RETURNED, comment, at=at)


@concerns("initiative")
@transaction.atomic
def initiative_withdraw(*, initiative: Initiative, by, expected_version: int | None = None) -> Initiative:
    initiative = _locked(initiative, expected_version)
    if not permissions(scope_for(by), initiative).can_withdraw:
        raise ValidationError(_("Mô hình đã được duyệt hoặc đã rút, không rút được nữa."))
    return _transition(initiative, Initiative.Status.WITHDRAWN, by, InitiativeEvent.Action.WITHDRAWN)


COPIED_ON_CARRY_OVER = ("title", "kind", "area", *LONG_FIELDS)


@concerns("source")
@transaction.atomic
def initiative_carry_over(*, source: Initiative, campaign: Campaign, by, today=None) -> Initiative:
    """Continue last year's initiative in a new campaign: a new draft with the same content, linked back."""
    if source.campaign_id == campaign.pk or source.campaign.year >= campaign.year:
        raise ValidationError({"campaign": _("Chỉ tiếp nối được sang một đợt phát động của năm sau.")})
    if (
        Initiative.objects.filter(campaign=campaign, carried_over_from=source)
        .exclude(status=Initiative.Status.WITHDRAWN)
        .exists()
    ):
        raise ValidationError({"campaign": _("Mô hình này đã được tiếp nối trong đợt %(c)s.") % {"c": campaign.name}})
    by_name = {f.name: f for f in campaign.fields.all()}
    fields = [by_name[f.name] for f in source.fields.all() if f.name in by_name]
    indicators = [
        IndicatorInput(name=i.name, unit_of_measure=i.unit_of_measure, target=i.target, baseline=i.baseline)
        for i in source.indicators.all()
    ]
    initiative = initiative_create(
        campaign=campaign,
        unit=source.unit,
        by=by,
        fields=fields,
        indicators=indicators,
        today=today,
        **{name: getattr(source, name) for name in COPIED_ON_CARRY_OVER},
    )
    initiative.carried_over_from = source
    initiative.save(update_fields=["carried_over_from"])
    _event(initiative, InitiativeEvent.Action.CARRIED_OVER, by, source.campaign.name)
    return initiative


@concerns("initiative")
@transaction.atomic
def attachment_add(*, initiative: Initiative, by, upload, caption: str = "") -> Attachment:
    content_type = check_upload(upload)
    initiative = _locked(initiative)
    if not permissions(scope_for(by), initiative).can_attach:
        raise ValidationError(_("Không thêm được tệp vào mô hình ở trạng thái này."))
    attachment = keep_upload(
        Attachment(initiative=initiative, uploaded_by=by), upload, content_type=content_type, caption=caption
    )
    audit(
        actor=by,
        action="attachment.add",
        target=initiative,
        changes={"file": attachment.original_name, "size": attachment.size},
    )
    return attachment


@concerns("attachment")
@transaction.atomic
def attachment_remove(*, attachment: Attachment, by) -> None:
    initiative = _locked(attachment.initiative)
    if not permissions(scope_for(by), initiative).can_attach:
        raise ValidationError(_("Không xoá được tệp của mô hình ở trạng thái này."))
    audit(actor=by, action="attachment.remove", target=initiative, changes={"file": discard(attachment)})


# ---- Many registrations at once (an import from a spreadsheet) -----------------------------------------------

BULK_BATCH = 500


@dataclass
class ImportRow:
    """One registration of a bulk import: the unit (by id), its content (CONTENT_FIELDS), its fields (ids of the
    campaign's fields) and indicators; `row` is where it came from (a sheet's row number), for the messages."""

    unit_id: int
    content: dict
    fields: Sequence[int] = ()
    indicators: Sequence[IndicatorInput] = ()
    row: int | None = None


@dataclass
class RowProblem:
    """Why one row of a bulk import cannot be registered; `field` names the part (unit, title, fields…)."""

    row: int | None
    field: str
    message: str


class ImportRowsRefused(ValidationError):
    """Some rows of a bulk import break a rule; nothing was written."""

    def __init__(self, problems: list[RowProblem]):
        messages = [
            _("Dòng %(row)s: %(message)s") % {"row": p.row, "message": p.message} if p.row else p.message
            for p in problems
        ]
        super().__init__(messages or [_("Không nhập được.")])
        self.problems = problems


@dataclass
class ImportContext:
    """What checking a bulk import needs from the database, read once whatever the number of rows."""

    units: dict[int, Organization]
    fields: dict[int, Field]
    # (unit id, folded title) of the campaign's initiatives that count: every status but withdrawn.
    existing: list[tuple[int, str]]


@dataclass
class ImportCheck:
    """The outcome of checking a bulk import: problems, rows to create, rows already registered (skipped)."""

    problems: list[RowProblem]
    to_create: list[tuple[ImportRow, dict, list[IndicatorInput]]]
    skipped: list[ImportRow]


def import_context(campaign: Campaign, unit_ids, *, lock: bool = False) -> ImportContext:
    """Units, fields and existing registrations for checking an import: three queries. With `lock`, the
    units' rows are locked as `_check_quota` does, so that a registration made meanwhile cannot pass the quota."""
    units_qs = Organization.objects.filter(pk__in=sorted(set(unit_ids)))
    if lock:
        units_qs = units_qs.select_for_update(no_key=True)
    units = {u.pk: u for u in units_qs}
    fields = {f.pk: f for f in Field.objects.filter(campaign=campaign)}
    existing = [
        (unit_id, fold(title))
        for unit_id, title in Initiative.objects.filter(campaign=campaign, unit_id__in=list(units))
        .exclude(status=Initiative.Status.WITHDRAWN)
        .order_by()
        .values_list("unit_id", "title")
    ]
    return ImportContext(units=units, fields=fields, existing=existing)


def content_problems(content: dict) -> tuple[dict, dict[str, str]]:
    """A registration's content cleaned as `initiative_create` cleans it, and its problems by field."""
    try:
        return _clean_content(content), {}
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            raise
        return {}, {name: " ".join(messages) for name, messages in exc.message_dict.items()}


def check_import_rows(*, campaign: Campaign, rows: Sequence[ImportRow], by, context: ImportContext) -> ImportCheck:
    """Every rule of `initiative_create` applied to many rows, without a query per row: who may register for
    the unit, the unit inside the campaign, the content, the fields, the indicators, the quota (rows of the
    file counted with the unit's registrations), and no two rows for the same initiative. A row repeating a
    registration the unit already has (same title, case and diacritics ignored) is skipped, not an error."""
    scope = scope_for(by)
    problems: list[RowProblem] = []
    to_create: list[tuple[ImportRow, dict, list[IndicatorInput]]] = []
    skipped: list[ImportRow] = []
    existing = set(context.existing)
    used: dict[int, int] = {}
    for unit_id, _title in context.existing:
        used[unit_id] = used.get(unit_id, 0) + 1
    seen: dict[tuple[int, str], int | None] = {}
    planned: dict[int, list[ImportRow]] = {}
    for r in rows:
        unit = context.units.get(r.unit_id)
        if unit is None:
            problems.append(RowProblem(r.row, "unit", _("Đơn vị này không còn trong danh sách đơn vị.")))
            continue
        unit_problem = ""
        if not may_register_for(scope, unit):
            unit_problem = _("Bạn không được đăng ký mô hình cho đơn vị mã “%(code)s”.") % {"code": unit.code}
        elif not _in_campaign(campaign, unit):
            unit_problem = _("Đơn vị “%(unit)s” không thuộc phạm vi đợt phát động.") % {"unit": unit.name}
        elif not unit.is_active:
            unit_problem = _("Đơn vị “%(unit)s” đã ngừng hoạt động.") % {"unit": unit.name}
        if unit_problem:
            problems.append(RowProblem(r.row, "unit", unit_problem))
        data, errors = content_problems(r.content)
        problems += [RowProblem(r.row, name, message) for name, message in errors.items()]
        if errors or unit_problem:
            # Nothing is said about another unit's registrations (whether one exists, how many).
            continue
        key = (unit.pk, fold(data["title"]))
        if key in existing:
            skipped.append(r)
            continue
        if key in seen:
            problems.append(
                RowProblem(
                    r.row,
                    "title",
                    _("Trùng với dòng %(row)s: cùng đơn vị, cùng tên mô hình.") % {"row": seen[key]}
                    if seen[key]
                    else _("Trùng với một dòng khác: cùng đơn vị, cùng tên mô hình."),
                )
            )
            continue
        seen[key] = r.row
        if any(f not in context.fields for f in r.fields):
            problems.append(RowProblem(r.row, "fields", _("Lĩnh vực không thuộc đợt phát động này.")))
        try:
            indicators = _clean_indicators(list(r.indicators))
        except ValidationError as exc:
            problems.append(RowProblem(r.row, "indicators", " ".join(exc.messages)))
            indicators = []
        planned.setdefault(unit.pk, []).append(r)
        to_create.append((r, data, indicators))
    for unit_id, unit_rows in planned.items():
        before = used.get(unit_id, 0)
        room = max(campaign.quota_max - before, 0)
        for r in unit_rows[room:]:
            problems.append(
                RowProblem(
                    r.row,
                    "unit",
                    _(
                        "Vượt số mô hình tối đa: đơn vị “%(unit)s” đã có %(used)s mô hình trong đợt, tệp thêm "
                        "%(added)s, cộng lại %(total)s, quá số tối đa %(max)s mỗi đơn vị."
                    )
                    % {
                        "unit": context.units[unit_id].name,
                        "used": before,
                        "added": len(unit_rows),
                        "total": before + len(unit_rows),
                        "max": campaign.quota_max,
                    },
                )
            )
    problems.sort(key=lambda p: p.row or 0)
    return ImportCheck(problems=problems, to_create=to_create, skipped=skipped)


def _import_audit_changes(changes: dict):
    """An imported initiative's audit changes, as an expression: a row holding one makes Django's PostgreSQL
    backend insert the audit entries with VALUES rather than UNNEST arrays, whose quoting of each JSON document
    psycopg does in Python, twice as slow. The stored value is the same."""
    from django.db.models import JSONField, Value

    return Value(changes, output_field=JSONField())


class _CyclicGcPaused:
    """The cyclic garbage collector held off while an import builds its rows: tens of thousands of new objects, no
    cycles among them, and each collection would scan them all again (a fifth of the import's time). Reference
    counting still frees them; the collector runs again afterwards."""

    def __enter__(self) -> None:
        import gc

        self.collecting = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc) -> None:
        import gc

        if self.collecting:
            gc.enable()


@transaction.atomic
def initiatives_import(
    *, campaign: Campaign, rows: Sequence[ImportRow], by, at=None, today=None, source: str = ""
) -> list[Initiative]:
    """Register many initiatives at once as drafts, under the rules of `initiative_create`, all or nothing.

    Everything is checked again here, inside the transaction, with the campaign and the units locked: the data
    may have changed since a preview. Rows repeating a registration the unit already has are skipped, so that
    importing the same rows twice creates nothing the second time. The writes are bulk inserts (initiatives,
    their fields, indicators, history events and audit entries), so the number of queries does not grow with
    each row. Returns the initiatives created."""
    with _CyclicGcPaused():
        campaign = Campaign.objects.select_for_update(no_key=True).select_related("organization").get(pk=campaign.pk)
        _check_window(campaign, today or _today())
        context = import_context(campaign, [r.unit_id for r in rows], lock=True)
        check = check_import_rows(campaign=campaign, rows=rows, by=by, context=context)
        if check.problems:
            raise ImportRowsRefused(check.problems)
        at = at or timezone.now()
        actor_id = by.pk if getattr(by, "pk", None) else None
        created: list[Initiative] = []
        for r, data, _indicators in check.to_create:
            initiative = Initiative(campaign=campaign, unit=context.units[r.unit_id], created_by_id=actor_id, **data)
            # `_clean_content` already enforced what full_clean would (lengths, kind, dates) without its queries.
            _refresh_search(initiative)
            created.append(initiative)
        Initiative.objects.bulk_create(created, batch_size=BULK_BATCH)
        # Rows refer to the new initiatives by id (`initiative_id=`), not by instance: thousands of instances each
        # checked again by `bulk_create` cost more than the inserts of small rows.
        through = Initiative.fields.through
        field_links = []
        indicator_rows = []
        events = []
        entries = []
        comment_template = _("Nhập từ tệp “%(source)s”, dòng %(row)s.") if source else _("Nhập từ bảng tính.")
        target_type = Initiative._meta.label_lower
        for initiative, (r, _data, indicators) in zip(created, check.to_create, strict=True):
            pk = initiative.pk
            field_links += [through(initiative_id=pk, field_id=f) for f in dict.fromkeys(r.fields)]
            indicator_rows += [
                Indicator(
                    initiative_id=pk,
                    name=i.name,
                    unit_of_measure=i.unit_of_measure,
                    target=i.target,
                    baseline=i.baseline,
                    position=n,
                )
                for n, i in enumerate(indicators)
            ]
            comment = comment_template % {"source": source, "row": r.row} if source else comment_template
            events.append(
                InitiativeEvent(
                    initiative_id=pk, action=InitiativeEvent.Action.CREATED, actor_id=actor_id, comment=comment, at=at
                )
            )
            entries.append(
                AuditEntry(
                    actor_id=actor_id,
                    action="initiative.create",
                    target_type=target_type,
                    target_id=str(pk),
                    target_repr=str(initiative)[:255],
                    changes=_import_audit_changes({**snapshot(initiative, AUDITED), "import": source, "row": r.row}),
                )
            )
        through.objects.bulk_create(field_links, batch_size=BULK_BATCH)
        Indicator.objects.bulk_create(indicator_rows, batch_size=BULK_BATCH)
        InitiativeEvent.objects.bulk_create(events, batch_size=BULK_BATCH)
        AuditEntry.objects.bulk_create(entries, batch_size=BULK_BATCH)
        _derived_after_bulk(campaign, created)
        return created


def _derived_after_bulk(campaign: Campaign, created: Sequence[Initiative]) -> None:
    """Bulk inserts send no signals: keep what the application derives from initiatives up to date, in the same
    transaction — the dashboards' stored counts and the texts' fingerprints for the near-duplicate check."""
    from danvan.insights import tally
    from danvan.recognition import fingerprints

    tally.refresh(campaign.pk, {i.unit_id for i in created})
    fingerprints.rebuild(initiative_ids=[i.pk for i in created])
