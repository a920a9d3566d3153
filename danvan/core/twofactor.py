"""Two-step sign-in (TOTP, django-otp): a code from an authenticator app after the password.

Required of administrators (they change the tree, people's roles and every unit's records) and of superusers;
anyone else may turn it on from their profile, and is then asked for it too. A session is *verified* once its
person gave a valid code (django-otp keeps the device in the session); until then, a person who needs the second
step reaches only that step, signing out and the public pages (`SecondFactorMiddleware`). Whether a session needs
it is worked out once and kept in the session, so that a kept page is still served from the session alone.

API tokens are a credential of their own (created by a signed-in, verified person) and are not asked for a code.
"""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.core.access import scope_for
from danvan.core.audit import audit

NEEDED_SESSION_KEY = "danvan_second_factor"  # "required", "chosen" or "" (not needed), once worked out


def required_of(user) -> bool:
    """Administrators and superusers must use the second step (but in the demo: `settings.ADMIN_SECOND_FACTOR`)."""
    return settings.ADMIN_SECOND_FACTOR and bool(user.is_superuser or scope_for(user).is_admin)


def device_of(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def needed(user) -> str:
    if required_of(user):
        return "required"
    return "chosen" if TOTPDevice.objects.filter(user=user, confirmed=True).exists() else ""


def is_verified(request) -> bool:
    return bool(request.session.get(DEVICE_ID_SESSION_KEY))


def remember_need(session, user) -> None:
    """Worked out as the person signs in, so that their first page costs no more than the next."""
    session[NEEDED_SESSION_KEY] = needed(user)


def session_needs_code(request) -> bool:
    """A signed-in session that must give a code before anything else (worked out once per session)."""
    session = request.session
    if not session.get(SESSION_KEY) or session.get(DEVICE_ID_SESSION_KEY):
        return False
    if NEEDED_SESSION_KEY not in session:
        user = request.user
        if not user.is_authenticated:
            return False
        session[NEEDED_SESSION_KEY] = needed(user)
    return bool(session[NEEDED_SESSION_KEY])


def pending_device(user) -> TOTPDevice:
    """The device being set up (not confirmed yet): the same secret until it is confirmed, so that reloading the
    page does not invalidate what the person already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Ứng dụng xác thực"), confirmed=False)
    return device


def _clean(code: str) -> str:
    code = "".join(code.split())
    if not code.isdecimal() or len(code) != 6:
        raise ValidationError({"code": _("Mã xác thực gồm 6 chữ số.")})
    return code


@transaction.atomic
def confirm_device(*, request, code: str) -> TOTPDevice:
    """The person scanned the secret and typed a code from their app: the device is theirs from now on, and this
    session is verified."""
    user = request.user
    device = TOTPDevice.objects.select_for_update(no_key=True).filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        raise ValidationError({"code": _("Chưa có mã bí mật nào đang chờ xác nhận: hãy tải lại trang.")})
    if not device.verify_token(_clean(code)):
        raise ValidationError(
            {"code": _("Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trong ứng dụng.")}
        )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    otp_login(request, device)
    request.session[NEEDED_SESSION_KEY] = "required" if required_of(user) else "chosen"
    audit(actor=user, action="auth.second_factor_on", target=user)
    return device


def verify(*, request, code: str) -> TOTPDevice:
    """The second step of signing in. Wrong codes are slowed down by django-otp (each failure doubles the wait)
    and written to the audit log: the failure is committed, then refused."""
    user = request.user
    code = _clean(code)
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update(no_key=True).filter(user=user, confirmed=True).order_by("pk").first()
        )
        if device is None:
            raise ValidationError({"code": _("Tài khoản chưa cài ứng dụng xác thực.")})
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            raise ValidationError({"code": _("Đã nhập sai nhiều lần: hãy đợi ít giây rồi nhập mã mới.")})
        accepted = device.verify_token(code)
        if accepted:
            otp_login(request, device)
        audit(actor=user, action="auth.second_factor" if accepted else "auth.second_factor_failed", target=user)
    if not accepted:
        raise ValidationError({"code": _("Mã xác thực không đúng hoặc đã hết hạn.")})
    return device


@transaction.atomic
def turn_off(*, request, code: str) -> None:
    """A person who is not required to use the second step turns it off, proving it with a current code."""
    user = request.user
    if required_of(user):
        raise ValidationError({"code": _("Quản trị viên bắt buộc dùng xác thực hai bước.")})
    device = device_of(user)
    if device is None or not device.verify_token(_clean(code)):
        raise ValidationError({"code": _("Mã xác thực không đúng hoặc đã hết hạn.")})
    TOTPDevice.objects.filter(user=user).delete()
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    request.session[NEEDED_SESSION_KEY] = ""
    audit(actor=user, action="auth.second_factor_off", target=user)
