"""The audit log: every service function that changes state calls `audit()` inside its transaction."""

from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from django.db import models
from django.db.models.fields.files import FieldFile

from danvan.core.models import AuditEntry


def _plain(value):
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, FieldFile):
        return value.name or ""
    return value


def snapshot(obj: models.Model, fields: list[str]) -> dict:
    return {name: _plain(getattr(obj, name)) for name in fields}


def diff(before: dict, after: dict) -> dict:
    """Only what changed, as {field: [old, new]}."""
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


class Target(NamedTuple):
    """A target with no row to point at, e.g. the username of a failed sign-in that names no account."""

    type: str
    id: str
    repr: str


def audit(*, actor, action: str, target: models.Model | Target, changes: dict | None = None) -> AuditEntry:
    if isinstance(target, models.Model):
        target = Target(target._meta.label_lower, str(target.pk), str(target))
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        target_type=target.type,
        target_id=target.id,
        target_repr=target.repr[:255],
        changes={k: _plain(v) for k, v in (changes or {}).items()},
    )
