"""Creating and revoking personal API tokens."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.api.models import ApiToken, hash_token
from danvan.core.audit import audit
from danvan.core.text import clean_text


@transaction.atomic
def api_token_create(*, user, name: str, by) -> tuple[ApiToken, str]:
    """A new token for `user`; returns the row and the raw token, which is never stored."""
    name = clean_text(name) or _("Mã truy cập")
    if len(name) > 100:
        raise ValidationError({"name": _("Tên gợi nhớ dài quá 100 ký tự.")})
    raw = ApiToken.generate()
    token = ApiToken.objects.create(user=user, name=name, prefix=raw[:12], digest=hash_token(raw))
    audit(actor=by, action="api_token.create", target=token, changes={"user": user.username})
    return token, raw


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit(actor=by, action="api_token.revoke", target=token)


def user_for_token(raw: str, *, method: str, path: str, address: str):
    """The user a valid token acts for; each use is audited (`last_used_at` only moves every five minutes)."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    audit(
        actor=token.user,
        action="api_token.use",
        target=token,
        changes={"method": method, "path": path, "address": address},
    )
    return token.user
