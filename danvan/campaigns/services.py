"""Every change to a campaign: create, edit, launch, remind."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.campaigns.models import Campaign, Field, ReportingPeriod
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
    campaign.periods.all().delete()
    for p in periods:
        period = ReportingPeriod(campaign=campaign, **p)
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
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
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

    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
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
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.Status.LAUNCHED:
        raise ValidationError(_("Chỉ kết thúc được đợt đang phát động."))
    campaign.status = Campaign.Status.CLOSED
    campaign.version += 1
    campaign.save(update_fields=["status", "version"])
    audit(actor=by, action="campaign.close", target=campaign)
    return campaign
