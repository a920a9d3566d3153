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
from danvan.core.files import check_upload
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
        elif name == "kind" and value not in Initiative.Kind.values:
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


def _check_quota(campaign: Campaign, unit: Organization) -> None:
    # Lock the unit's row so that two simultaneous registrations cannot both pass the count.
    Organization.objects.select_for_update().filter(pk=unit.pk).first()
    used = Initiative.objects.filter(campaign=campaign, unit=unit).exclude(status=Initiative.Status.WITHDRAWN).count()
    if used >= campaign.quota_max:
        raise ValidationError(
            {
                "unit": _("Đơn vị “%(unit)s” đã đăng ký %(used)s mô hình, bằng số tối đa %(max)s của đợt này.")
                % {"unit": unit.name, "used": used, "max": campaign.quota_max}
            }
        )


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
    if unit.kind not in (*Organization.BASE_KINDS, Organization.Kind.CELL) or not unit.path.startswith(
        campaign.organization.path
    ):
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


def _locked(initiative: Initiative, expected_version: int | None = None) -> Initiative:
    fresh = Initiative.objects.select_for_update().select_related("unit", "campaign").get(pk=initiative.pk)
    if expected_version is not None and fresh.version != expected_version:
        raise ValidationError(
            _(
                "Mô hình này vừa được người khác sửa hoặc chuyển trạng thái. Nội dung bạn nhập chưa được lưu; "
                "hãy mở lại mô hình để xem bản mới nhất rồi sửa lại."
            )
        )
    return fresh


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


@transaction.atomic
def initiative_withdraw(*, initiative: Initiative, by, expected_version: int | None = None) -> Initiative:
    initiative = _locked(initiative, expected_version)
    if not permissions(scope_for(by), initiative).can_withdraw:
        raise ValidationError(_("Mô hình đã được duyệt hoặc đã rút, không rút được nữa."))
    return _transition(initiative, Initiative.Status.WITHDRAWN, by, InitiativeEvent.Action.WITHDRAWN)


COPIED_ON_CARRY_OVER = ("title", "kind", "area", *LONG_FIELDS)


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


@transaction.atomic
def attachment_add(*, initiative: Initiative, by, upload, caption: str = "") -> Attachment:
    content_type = check_upload(upload)
    initiative = _locked(initiative)
    if not permissions(scope_for(by), initiative).can_attach:
        raise ValidationError(_("Không thêm được tệp vào mô hình ở trạng thái này."))
    caption = clean_text(caption)
    if len(caption) > 255:
        raise ValidationError({"caption": _("Chú thích dài quá 255 ký tự.")})
    name = clean_text(upload.name)[-200:] or "tep"
    attachment = Attachment(
        initiative=initiative,
        original_name=name,
        content_type=content_type,
        size=upload.size,
        caption=caption,
        uploaded_by=by,
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    audit(actor=by, action="attachment.add", target=initiative, changes={"file": name, "size": upload.size})
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment, by) -> None:
    initiative = _locked(attachment.initiative)
    if not permissions(scope_for(by), initiative).can_attach:
        raise ValidationError(_("Không xoá được tệp của mô hình ở trạng thái này."))
    name = attachment.original_name
    stored = attachment.file.name
    storage = attachment.file.storage
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(stored))
    audit(actor=by, action="attachment.remove", target=initiative, changes={"file": name})
