"""Signing in and out, failed sign-ins and lock-outs: Django and django-axes take these steps and send signals; the
receivers here write their audit entries (connected in `CoreConfig.ready`)."""

from axes.helpers import get_failure_limit
from django.contrib.auth import get_user_model

from danvan.core import twofactor
from danvan.core.audit import Target, audit
from danvan.core.net import client_address


def _address(request) -> str:
    return client_address(request) if request is not None else ""


def _account(username: str):
    """The account a sign-in named or, when no account has that username, the username alone."""
    User = get_user_model()
    user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    return user or Target(User._meta.label_lower, "", username)


def logged_in(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        twofactor.remember_need(request.session, user)
    audit(actor=user, action="auth.login", target=user, changes={"address": _address(request)})


def logged_out(sender, request, user, **kwargs) -> None:
    if user is not None:  # signing out of a session that was not signed in
        audit(actor=user, action="auth.logout", target=user, changes={"address": _address(request)})


def _refused_while_locked(request, credentials: dict) -> bool:
    """The account was locked already before this attempt (django-axes, whose receiver runs first, counted it as
    one more failure past the limit): the refusal is written once, as `auth.locked_out`, not also as a failure."""
    failures = getattr(request, "axes_failures_since_start", None)
    if not getattr(request, "axes_locked_out", False) or failures is None:
        return False
    return failures > get_failure_limit(request, credentials)


def login_failed(sender, credentials: dict, request=None, **kwargs) -> None:
    if request is not None and _refused_while_locked(request, credentials):
        return
    # Only the username is read from the credentials: the password (masked by Django anyway) is never stored.
    username = str(credentials.get(get_user_model().USERNAME_FIELD) or "")[:150]
    audit(
        actor=None,
        action="auth.login_failed",
        target=_account(username),
        changes={"username": username, "address": _address(request)},
    )


def locked_out(sender, request, username, **kwargs) -> None:
    username = str(username or "")[:150]
    audit(
        actor=None,
        action="auth.locked_out",
        target=_account(username),
        changes={"username": username, "address": _address(request)},
    )
