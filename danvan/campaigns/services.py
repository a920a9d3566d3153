"""Every change to a campaign: create, edit, launch, remind."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.campaigns.models import Campaign, Criterion, Field, ReportingPeriod, Rubric
from danvan.core.audit import audit, diff, snapshot
from danvan.core.files import check_upload
from danvan.core.text import clean_text, fold
from danvan.orgs.models import Membership, Organization

CAMPAIGN_FIELDS = [
    "name",
    "year",
    "phase",
    "launch_document_number",
    "launch_document_date",
    "launch_document_file",
    "registration_opens",
    "registration_closes",
    "quota_min",
    "quota_max",
    "previous",
]


def _set_fields(campaign: Campaign, names: list[str]) -> None:
    """Replace the campaign's fields by `names`, keeping the rows (and their links) of names kept."""
    wanted = []
    for name in names:
        name = clean_text(name)
        if name and name not in wanted:
            wanted.append(name)
    if not wanted:
        raise ValidationError({"fields": _("Cần ít nhất một lĩnh vực.")})
    existing = {f.name: f for f in campaign.fields.all()}
    for position, name in enumerate(wanted):
        f = existing.pop(name, None)
        if f is None:
            code = fold(name).upper().replace(" ", "-")[:20] or f"LV{position + 1}"
            Field.objects.create(campaign=campaign, name=name, code=_unique_code(campaign, code), position=position)
        elif f.position != position:
            f.position = position
            f.save(update_fields=["position"])
    for f in existing.values():
        if f.initiatives.exists():
            raise ValidationError(
                {"fields": _("Không thể bỏ lĩnh vực “%(name)s”: đã có mô hình thuộc lĩnh vực này.") % {"name": f.name}}
            )
        f.delete()


def _unique_code(campaign: Campaign, code: str) -> str:
    candidate, n = code, 1
    while Field.objects.filter(campaign=campaign, code=candidate).exists():
        n += 1
        candidate = f"{code[:17]}-{n}"
    return candidate


def _set_periods(campaign: Campaign, periods: list[dict]) -> None:
    """Replace the periods, keeping the row (and the reports that hang on it) of each period kept: a period is
    the same when its name is, or else its start date; an inserted period never takes over another's reports."""
    existing = list(campaign.periods.order_by("starts_on", "id"))
    matched: list[tuple[ReportingPeriod | None, dict]] = []
    for p in periods:
        name = clean_text(p.get("name", ""))
        same = next((e for e in existing if e.name == name), None) or next(
            (
                e
                for e in existing
                if e.starts_on == p.get("starts_on") and e.name not in {clean_text(x.get("name", "")) for x in periods}
            ),
            None,
        )
        if same is not None:
            existing.remove(same)
        matched.append((same, p))
    for period in existing:
        if period.reports.exists():
            raise ValidationError(
                {"periods": _("Không thể bỏ kỳ “%(name)s”: đã có báo cáo của kỳ này.") % {"name": period.name}}
            )
        period.delete()
    for same, p in matched:
        period = same or ReportingPeriod(campaign=campaign)
        for name, value in p.items():
            setattr(period, name, clean_text(value) if isinstance(value, str) else value)
        period.full_clean()
        period.save()


def _check_document(data: dict) -> None:
    upload = data.get("launch_document_file")
    if isinstance(upload, UploadedFile):
        check_upload(upload, field="launch_document_file")


def _validate(campaign: Campaign) -> None:
    errors = {}
    opens, closes = campaign.registration_opens, campaign.registration_closes
    if opens and closes and closes < opens:
        errors["registration_closes"] = _("Hạn đăng ký phải sau ngày mở đăng ký.")
    if campaign.quota_max is not None and campaign.quota_min is not None and campaign.quota_max < campaign.quota_min:
        errors["quota_max"] = _("Số mô hình tối đa phải lớn hơn hoặc bằng số tối thiểu.")
    if errors:
        raise ValidationError(errors)
    campaign.full_clean()


@transaction.atomic
def campaign_create(
    *, organization: Organization, by, fields: list[str], periods: list[dict] | None = None, **data
) -> Campaign:
    _check_document(data)
    campaign = Campaign(organization=organization, **data)
    campaign.name = clean_text(campaign.name)
    campaign.phase = clean_text(campaign.phase)
    campaign.launch_document_number = clean_text(campaign.launch_document_number)
    _validate(campaign)
    campaign.save()
    _set_fields(campaign, fields)
    _set_periods(campaign, periods or [])
    rubric_create_default(campaign)
    audit(
        actor=by,
        action="campaign.create",
        target=campaign,
        changes={**snapshot(campaign, CAMPAIGN_FIELDS), "fields": fields},
    )
    return campaign


@transaction.atomic
def campaign_update(
    *,
    campaign: Campaign,
    by,
    expected_version: int | None = None,
    fields: list[str] | None = None,
    periods: list[dict] | None = None,
    **data,
) -> Campaign:
    _check_document(data)
    campaign = Campaign.objects.select_for_update(no_key=True).get(pk=campaign.pk)
    if expected_version is not None and expected_version != campaign.version:
        raise ValidationError(_("Đợt phát động này vừa được người khác sửa. Hãy tải lại trang rồi sửa lại."))
    before = snapshot(campaign, CAMPAIGN_FIELDS)
    before_fields = list(campaign.fields.values_list("name", flat=True))
    for name, value in data.items():
        setattr(campaign, name, clean_text(value) if isinstance(value, str) else value)
    _validate(campaign)
    campaign.version += 1
    campaign.save()
    changes = diff(before, snapshot(campaign, CAMPAIGN_FIELDS))
    if fields is not None:
        _set_fields(campaign, fields)
        after_fields = list(campaign.fields.values_list("name", flat=True))
        if after_fields != before_fields:
            changes["fields"] = [before_fields, after_fields]
    if periods is not None:
        _set_periods(campaign, periods)
    audit(actor=by, action="campaign.update", target=campaign, changes=changes)
    return campaign


def _officer_emails(units) -> list[str]:
    """E-mail addresses of the officers of `units` and of the units themselves."""
    User = get_user_model()
    officers = User.objects.filter(
        is_active=True, memberships__role=Membership.Role.OFFICER, memberships__organization__in=list(units)
    ).exclude(email="")
    return sorted(set(officers.values_list("email", flat=True)) | {u.email for u in units if u.email})


def _send(subject: str, body: str, recipients: list[str]) -> int:
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [r]) for r in recipients]
    return send_mass_mail(messages, fail_silently=False) if messages else 0


@transaction.atomic
def campaign_launch(*, campaign: Campaign, by, notify: bool = True, at=None) -> int:
    """Launch the campaign and tell every covered unit's officers. Returns how many were told."""
    from danvan.campaigns.selectors import covered_units

    campaign = Campaign.objects.select_for_update(no_key=True).get(pk=campaign.pk)
    if campaign.status != Campaign.Status.DRAFT:
        raise ValidationError(_("Đợt này đã được phát động rồi."))
    if not campaign.fields.exists():
        raise ValidationError({"fields": _("Cần ít nhất một lĩnh vực trước khi phát động.")})
    campaign.status = Campaign.Status.LAUNCHED
    campaign.launched_at = at or timezone.now()
    campaign.version += 1
    campaign.save(update_fields=["status", "launched_at", "version"])
    units = list(covered_units(campaign))
    recipients = _officer_emails(units) if notify else []
    subject = _("Phát động phong trào thi đua: %(name)s") % {"name": campaign.name}
    body = _(
        "%(org)s phát động %(name)s (văn bản số %(number)s).\n"
        "Thời hạn đăng ký mô hình: từ %(opens)s đến %(closes)s; mỗi đơn vị đăng ký từ %(min)s đến %(max)s mô hình.\n"
        "Đăng ký tại: %(url)s"
    ) % {
        "org": campaign.organization.name,
        "name": campaign.name,
        "number": campaign.launch_document_number or "—",
        "opens": campaign.registration_opens.strftime("%d/%m/%Y"),
        "closes": campaign.registration_closes.strftime("%d/%m/%Y"),
        "min": campaign.quota_min,
        "max": campaign.quota_max,
        "url": settings.SITE_URL + reverse("campaigns:detail", args=[campaign.pk]),
    }
    transaction.on_commit(lambda: _send(subject, body, recipients))
    audit(actor=by, action="campaign.launch", target=campaign, changes={"notified": len(recipients)})
    return len(recipients)


@transaction.atomic
def campaign_remind_unregistered(*, campaign: Campaign, by) -> int:
    """E-mail the officers of units that have not registered yet. Returns how many units were reminded."""
    from danvan.campaigns.selectors import covered_units
    from danvan.insights.summary import registered_unit_ids

    if campaign.status != Campaign.Status.LAUNCHED:
        raise ValidationError(_("Chỉ nhắc được khi đợt đang phát động."))
    registered = registered_unit_ids(campaign, by)
    units = [u for u in covered_units(campaign) if u.pk not in registered]
    recipients = _officer_emails(units)
    subject = _("Nhắc đăng ký mô hình “Dân vận khéo”: %(name)s") % {"name": campaign.name}
    body = _(
        "Đơn vị của đồng chí chưa đăng ký mô hình nào trong %(name)s. Hạn đăng ký: %(closes)s.\nĐăng ký tại: %(url)s"
    ) % {
        "name": campaign.name,
        "closes": campaign.registration_closes.strftime("%d/%m/%Y"),
        "url": settings.SITE_URL + reverse("initiatives:create") + f"?campaign={campaign.pk}",
    }
    transaction.on_commit(lambda: _send(subject, body, recipients))
    audit(
        actor=by,
        action="campaign.remind",
        target=campaign,
        changes={"units": len(units), "recipients": len(recipients)},
    )
    return len(units)


@transaction.atomic
def campaign_close(*, campaign: Campaign, by) -> Campaign:
    """End the campaign: registration stops; its figures stay."""
    campaign = Campaign.objects.select_for_update(no_key=True).get(pk=campaign.pk)
    if campaign.status != Campaign.Status.LAUNCHED:
        raise ValidationError(_("Chỉ kết thúc được đợt đang phát động."))
    campaign.status = Campaign.Status.CLOSED
    campaign.version += 1
    campaign.save(update_fields=["status", "version"])
    audit(actor=by, action="campaign.close", target=campaign)
    return campaign


# The criteria used in practice to judge a "Dân vận khéo" model, out of 100 points.
DEFAULT_CRITERIA = {
    Criterion.AppliesTo.COLLECTIVE: [
        (
            "Mục tiêu rõ ràng, có địa chỉ cụ thể",
            "Mô hình xác định rõ mục tiêu, tiêu chí đo lường, địa bàn và đối tượng; không chung chung, hình thức.",
            15,
        ),
        (
            "Gắn với sự lãnh đạo, chỉ đạo của cấp ủy",
            "Có nghị quyết, kế hoạch hoặc phân công của cấp ủy; cấp ủy theo dõi, sơ kết việc thực hiện.",
            10,
        ),
        (
            "Huy động được nhiều lực lượng tham gia",
            "Phát huy vai trò của chính quyền, đoàn thể, đảng viên và người dân; phân công rõ vai trò từng lực lượng.",
            15,
        ),
        (
            "Hiệu quả thiết thực, được nhân dân đồng tình, ủng hộ",
            "Kết quả đo đếm được so với chỉ tiêu; có minh chứng; người dân, người thụ hưởng hài lòng.",
            20,
        ),
        (
            "Giải quyết được nhiệm vụ cấp bách, việc khó của cơ quan, địa phương",
            "Mô hình hướng vào vấn đề bức xúc, nhiệm vụ trọng tâm mà trước đó chưa giải quyết được.",
            15,
        ),
        (
            "Được cơ quan có thẩm quyền ghi nhận",
            "Được cấp ủy, chính quyền, cơ quan chuyên môn đánh giá, biểu dương hoặc khen thưởng.",
            10,
        ),
        (
            "Bền vững, có khả năng nhân rộng",
            "Duy trì được lâu dài, chi phí hợp lý; đơn vị khác có thể áp dụng cách làm.",
            15,
        ),
    ],
    Criterion.AppliesTo.INDIVIDUAL: [
        (
            "Mục tiêu rõ ràng, cách làm cụ thể",
            "Cá nhân xác định rõ việc làm, đối tượng, kết quả cần đạt; cách làm sáng tạo, phù hợp.",
            15,
        ),
        (
            "Gương mẫu, gắn với nhiệm vụ được cấp ủy phân công",
            "Thể hiện vai trò nêu gương của cán bộ, đảng viên; việc làm gắn với chức trách, nhiệm vụ.",
            10,
        ),
        (
            "Vận động được người dân, tập thể cùng tham gia",
            "Lôi cuốn được đồng nghiệp, người dân, tổ chức cùng thực hiện.",
            15,
        ),
        (
            "Hiệu quả thiết thực, được nhân dân tin tưởng, ủng hộ",
            "Kết quả đo đếm được, có minh chứng; người thụ hưởng ghi nhận.",
            25,
        ),
        (
            "Giải quyết được việc khó, việc cấp bách ở cơ sở",
            "Việc làm giúp tháo gỡ khó khăn cụ thể của người dân, của cơ quan.",
            15,
        ),
        (
            "Được cơ quan, đơn vị ghi nhận",
            "Được thủ trưởng, cấp ủy, cơ quan có thẩm quyền ghi nhận, biểu dương.",
            10,
        ),
        (
            "Có sức lan tỏa, khả năng nhân rộng",
            "Cách làm có thể được người khác học tập, làm theo.",
            10,
        ),
    ],
}


@dataclass
class CriterionInput:
    applies_to: str
    name: str
    max_score: int | str
    weight: Decimal | str | int | float = 1
    guidance: str = ""


def rubric_create_default(campaign: Campaign) -> Rubric:
    """Give a new campaign the default rubric, which its administrator can then edit."""
    rubric, created = Rubric.objects.get_or_create(campaign=campaign)
    if created:
        Criterion.objects.bulk_create(
            [
                Criterion(
                    rubric=rubric, applies_to=applies_to, name=name, guidance=guidance, max_score=points, position=n
                )
                for applies_to, rows in DEFAULT_CRITERIA.items()
                for n, (name, guidance, points) in enumerate(rows)
            ]
        )
    return rubric


def _clean_criteria(criteria: list[CriterionInput]) -> list[CriterionInput]:
    out: list[CriterionInput] = []
    counts = {k: 0 for k in Criterion.AppliesTo.values}
    for c in criteria:
        name, guidance = clean_text(c.name), clean_text(c.guidance, multiline=True)
        if not name and str(c.max_score or "").strip() == "":
            continue
        if c.applies_to not in counts:
            raise ValidationError({"criteria": _("Loại mô hình của tiêu chí không hợp lệ.")})
        counts[c.applies_to] += 1
        where = _("Tiêu chí “%(name)s”") % {"name": name or counts[c.applies_to]}
        if not name or len(name) > 255:
            raise ValidationError({"criteria": _("%(where)s: tên tiêu chí trống hoặc quá dài.") % {"where": where}})
        try:
            max_score = int(str(c.max_score).strip())
        except ValueError:
            max_score = 0
        if not 1 <= max_score <= 1000:
            raise ValidationError(
                {"criteria": _("%(where)s: điểm tối đa phải là số nguyên từ 1 đến 1000.") % {"where": where}}
            )
        try:
            weight = Decimal(str(c.weight).replace(",", ".").strip())
        except (InvalidOperation, ValueError):
            weight = Decimal(0)
        if not weight.is_finite() or not Decimal("0.01") <= weight <= Decimal("100"):
            raise ValidationError({"criteria": _("%(where)s: trọng số phải từ 0,01 đến 100.") % {"where": where}})
        out.append(CriterionInput(c.applies_to, name, max_score, weight.quantize(Decimal("0.01")), guidance))
    for applies_to, n in counts.items():
        if n == 0:
            raise ValidationError(
                {
                    "criteria": _("Thang điểm cần ít nhất một tiêu chí cho %(kind)s.")
                    % {"kind": str(Criterion.AppliesTo(applies_to).label).lower()}
                }
            )
    return out


@transaction.atomic
def rubric_update(*, campaign: Campaign, by, criteria: list[CriterionInput], expected_version=None) -> Rubric:
    """Replace the rubric's criteria. Refused once anyone has scored against it: scores must keep their meaning."""
    rubric = Rubric.objects.select_for_update(no_key=True).get(pk=rubric_create_default(campaign).pk)
    if expected_version is not None and expected_version != rubric.version:
        raise ValidationError(_("Thang điểm vừa được người khác sửa. Hãy tải lại trang rồi sửa lại."))
    if rubric.criteria.filter(scores__isnull=False).exists():
        raise ValidationError(
            {"criteria": _("Đã có người chấm điểm theo thang điểm này; không thể sửa các tiêu chí nữa.")}
        )
    cleaned = _clean_criteria(criteria)
    before = [f"{c.applies_to}: {c.name} ({c.max_score} × {c.weight})" for c in rubric.criteria.all()]
    rubric.criteria.all().delete()
    positions = {k: 0 for k in Criterion.AppliesTo.values}
    for c in cleaned:
        Criterion.objects.create(
            rubric=rubric,
            applies_to=c.applies_to,
            name=c.name,
            guidance=c.guidance,
            max_score=int(c.max_score),
            weight=c.weight,
            position=positions[c.applies_to],
        )
        positions[c.applies_to] += 1
    rubric.version += 1
    rubric.save()
    after = [f"{c.applies_to}: {c.name} ({c.max_score} × {c.weight})" for c in rubric.criteria.all()]
    audit(actor=by, action="rubric.update", target=rubric, changes={"criteria": [before, after]})
    return rubric
