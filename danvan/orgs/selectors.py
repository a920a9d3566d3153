"""Reads of the organisation tree, narrowed by who asks."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.http import Http404
from django.utils import timezone

from danvan.core.access import scope_for
from danvan.orgs.models import Organization


def organization_for_user(user, pk: int, *, write: bool = False) -> tuple[Organization, bool]:
    """The unit and whether the user may edit it: 404 outside their scope, 403 when read-only."""
    try:
        org = Organization.objects.visible_to(user).select_related("parent").get(pk=pk)
    except (Organization.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    can_edit = scope_for(user).administers(org.path)
    if write and not can_edit:
        raise PermissionDenied
    return org, can_edit


@dataclass(frozen=True)
class Lock:
    """A username locked out of signing in from an address (django-axes), until `until`."""

    username: str
    address: str
    failures: int
    last_at: datetime
    until: datetime
    full_name: str  # of the account; empty when no account has this username


def locked_accounts(user) -> list[Lock]:
    """The sign-in locks an administrator may lift: those of people holding a role in a unit they administer; an
    administrator of a top unit (or a superuser) also sees usernames that match no account (guesses)."""
    from axes.models import AccessAttempt
    from django.contrib.auth import get_user_model

    scope = scope_for(user)
    if not scope.is_admin:
        return []
    now = timezone.now()
    cooloff = settings.AXES_COOLOFF_TIME
    rows = (
        AccessAttempt.objects.filter(attempt_time__gt=now - cooloff)
        .order_by()
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_at=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )
    rows = list(rows)
    accounts = {
        u.username: u
        for u in get_user_model()
        .objects.filter(username__in={r["username"] for r in rows})
        .prefetch_related("memberships__organization")
    }
    everyone = scope.is_superuser or Organization.objects.filter(path__in=scope.admin_paths, parent=None).exists()
    locks = []
    for r in rows:
        account = accounts.get(r["username"])
        if account is None:
            if not everyone:
                continue
        elif not everyone and not any(scope.administers(m.organization.path) for m in account.memberships.all()):
            continue
        locks.append(
            Lock(
                username=r["username"] or "",
                address=r["ip_address"] or "",
                failures=r["failures"],
                last_at=r["last_at"],
                until=r["last_at"] + cooloff,
                full_name=account.get_full_name() if account else "",
            )
        )
    return sorted(locks, key=lambda lock: lock.last_at, reverse=True)
