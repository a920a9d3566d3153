"""Every change to the organisation tree and to people's roles."""

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core.access import scope_for
from danvan.core.audit import Target, audit, diff, snapshot
from danvan.core.text import clean_text
from danvan.documents.sheets import SheetRefused, cell_text, read_table
from danvan.orgs.models import Membership, Organization

ORG_FIELDS = ["code", "name", "kind", "parent", "email", "is_active"]


def _place(org: Organization) -> None:
    """Derive path, depth and base from the parent (the tree is data: any depth)."""
    parent = org.parent
    org.path = f"{parent.path if parent else ''}{org.pk}."
    org.depth = parent.depth + 1 if parent else 0
    if org.kind in Organization.BASE_KINDS:
        org.base = org
    else:
        org.base = parent.base if parent and parent.kind not in (Organization.Kind.PARTNER,) else None


def _check_parent(org: Organization, parent: Organization | None, by=None) -> None:
    scope = scope_for(by) if by is not None else None
    if scope is not None and not scope.is_superuser:
        if parent is None:
            raise ValidationError({"parent": _("Cần chọn đơn vị cấp trên trong phạm vi quản lý của bạn.")})
        if not scope.administers(parent.path):
            raise ValidationError({"parent": _("Đơn vị cấp trên nằm ngoài phạm vi quản lý của bạn.")})
    if parent is None:
        return
    if org.pk and parent.path.startswith(org.path):
        raise ValidationError(
            {"parent": _("Đơn vị cấp trên không thể là chính đơn vị này hoặc đơn vị cấp dưới của nó.")}
        )


@transaction.atomic
def organization_create(
    *, code: str, name: str, kind: str, parent: Organization | None, by, email: str = ""
) -> Organization:
    org = Organization(code=clean_text(code).upper(), name=clean_text(name), kind=kind, parent=parent, email=email)
    _check_parent(org, parent, by)
    org.full_clean(exclude=["path", "base"])
    org.save()
    _place(org)
    org.save(update_fields=["path", "depth", "base"])
    audit(actor=by, action="org.create", target=org, changes=snapshot(org, ORG_FIELDS))
    return org


def _replace_descendants(org: Organization, old_path: str) -> None:
    for child in Organization.objects.filter(path__startswith=old_path).exclude(pk=org.pk).order_by("depth"):
        child.parent = Organization.objects.get(pk=child.parent_id)
        _place(child)
        child.save(update_fields=["path", "depth", "base"])


@transaction.atomic
def organization_update(*, org: Organization, by, expected_version: int | None = None, **changes) -> Organization:
    org = Organization.objects.select_for_update(no_key=True).get(pk=org.pk)
    if expected_version is not None and org.version != expected_version:
        raise ValidationError(_("Đơn vị này vừa được người khác sửa. Hãy tải lại trang rồi sửa lại."))
    before = snapshot(org, ORG_FIELDS)
    old_path = org.path
    for name, value in changes.items():
        if name in ("name", "code") and isinstance(value, str):
            value = clean_text(value)
        setattr(org, name, value)
    _check_parent(org, org.parent, by)
    org.full_clean(exclude=["path", "base"])
    _place(org)
    org.version += 1
    org.save()
    if org.path != old_path or before["kind"] != org.kind:
        _replace_descendants(org, old_path)
    audit(actor=by, action="org.update", target=org, changes=diff(before, snapshot(org, ORG_FIELDS)))
    return org


@transaction.atomic
def membership_grant(*, user, organization: Organization, role: str, by) -> Membership:
    membership, created = Membership.objects.get_or_create(user=user, organization=organization, role=role)
    if created:
        audit(actor=by, action="membership.grant", target=membership, changes={"role": role})
    return membership


# ---- Import from a sheet of units -------------------------------------------------------------------

IMPORT_COLUMNS = ["ma", "ten", "loai", "ma_cap_tren", "email"]
KIND_ALIASES = {
    **{k.value: k.value for k in Organization.Kind},
    **{str(k.label).lower(): k.value for k in Organization.Kind},
}


@dataclass
class ImportProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Dòng %(row)s, cột “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportRefused(Exception):
    def __init__(self, problems: list[ImportProblem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def read_sheet(upload_name: str, content: bytes) -> list[dict[str, str] | None]:
    """Rows of a CSV or XLSX sheet of units, as dicts keyed by the template's column names; the sheet is read by
    `documents.sheets.read_table`. Position n holds sheet row n + 2 (None for the header and empty rows), so
    that messages name the rows a person sees."""
    try:
        table = read_table(upload_name, content)
    except SheetRefused as exc:
        raise ImportRefused([ImportProblem(p.row or 0, p.column or _("tệp"), p.message) for p in exc.problems]) from exc
    header = [clean_text(h).lower() for h in table.header]
    missing = [c for c in IMPORT_COLUMNS[:3] if c not in header]
    if missing:
        raise ImportRefused(
            [ImportProblem(table.header_row, c, _("Thiếu cột này trong dòng tiêu đề.")) for c in missing]
        )
    last = table.rows[-1].number if table.rows else table.header_row
    out: list[dict[str, str] | None] = [None] * max(last - 1, 0)
    for row in table.rows:
        out[row.number - 2] = {h: clean_text(cell_text(row.values[i])) for i, h in enumerate(header) if h}
    return out


@transaction.atomic
def organizations_import(
    *,
    rows: Sequence[dict[str, str] | None],
    by,
    dry_run: bool = False,
    expected_versions: Mapping[str, int] | None = None,
) -> dict:
    """Create or update units by code; all rows are checked first and nothing is written if any is wrong.
    With `dry_run`, nothing is written either way: the answer lists what each row would do (the preview) and, under
    "versions", the version of each unit it names (0: no such unit yet). Given back as `expected_versions`, they
    refuse the whole import if any of those units was created or changed since the preview.

    An administrator imports inside their own subtree: every row needs a parent there (or in the sheet),
    and a code that exists elsewhere in the tree is refused."""
    problems: list[ImportProblem] = []
    known = {o.code: o for o in Organization.objects.select_related("parent")}
    scope = scope_for(by) if by is not None else None

    def in_scope(org: Organization) -> bool:
        return scope is None or scope.administers(org.path)

    in_sheet = {(row.get("ma") or "").upper() for row in rows if row}
    seen: dict[str, int] = {}
    plan = []
    for index, row in enumerate(rows, start=2):
        if row is None:
            continue
        code = row.get("ma", "").upper()
        name = row.get("ten", "")
        kind = KIND_ALIASES.get(row.get("loai", "").lower())
        parent_code = row.get("ma_cap_tren", "").upper()
        if not code:
            problems.append(ImportProblem(index, "ma", _("Mã đơn vị không được để trống.")))
        elif code in seen:
            problems.append(ImportProblem(index, "ma", _("Mã đã có ở dòng %(row)s.") % {"row": seen[code]}))
        elif len(code) > 40:
            problems.append(ImportProblem(index, "ma", _("Mã dài quá 40 ký tự.")))
        elif code in known and not in_scope(known[code]):
            problems.append(
                ImportProblem(
                    index, "ma", _("Mã “%(v)s” là của một đơn vị ngoài phạm vi quản lý của bạn.") % {"v": code}
                )
            )
        seen[code] = index
        if not name:
            problems.append(ImportProblem(index, "ten", _("Tên đơn vị không được để trống.")))
        elif len(name) > 255:
            problems.append(ImportProblem(index, "ten", _("Tên dài quá 255 ký tự.")))
        if kind is None:
            problems.append(
                ImportProblem(index, "loai", _("Loại đơn vị không hợp lệ: “%(v)s”.") % {"v": row.get("loai", "")})
            )
        if parent_code:
            if parent_code not in known and parent_code not in in_sheet:
                problems.append(
                    ImportProblem(index, "ma_cap_tren", _("Không có đơn vị mã “%(v)s”.") % {"v": parent_code})
                )
            elif parent_code in known and not in_scope(known[parent_code]):
                problems.append(
                    ImportProblem(
                        index,
                        "ma_cap_tren",
                        _("Đơn vị “%(v)s” nằm ngoài phạm vi quản lý của bạn.") % {"v": parent_code},
                    )
                )
        elif scope is not None and not scope.is_superuser:
            problems.append(ImportProblem(index, "ma_cap_tren", _("Cần ghi mã đơn vị cấp trên.")))
        plan.append((code, name, kind or "", parent_code, row.get("email", "")))
    if problems:
        raise ImportRefused(problems)
    # Parents first, whatever order the sheet lists them in.
    ordered, placed = [], set(known)
    while plan:
        ready = [p for p in plan if not p[3] or p[3] in placed]
        if not ready:
            raise ImportRefused([ImportProblem(0, "ma_cap_tren", _("Các đơn vị cấp trên tạo thành vòng lặp."))])
        ordered += ready
        placed |= {p[0] for p in ready}
        plan = [p for p in plan if p not in ready]
    if dry_run:
        planned = []
        for code, name, kind, parent_code, email in ordered:
            org = known.get(code)
            parent_now = org.parent.code if org and org.parent_id else ""
            if org is None:
                action = "create"
            elif (org.name, org.kind, parent_now, org.email) != (name, kind, parent_code, email):
                action = "update"
            else:
                action = "same"
            planned.append({"code": code, "name": name, "kind": kind, "parent": parent_code, "action": action})
        return {
            "created": sum(p["action"] == "create" for p in planned),
            "updated": sum(p["action"] == "update" for p in planned),
            "rows": planned,
            "versions": {code: known[code].version if code in known else 0 for code, *_rest in ordered},
        }
    expected = expected_versions or {}
    for code, *_rest in ordered:
        if code in expected and (known[code].version if code in known else 0) != expected[code]:
            raise ValidationError(
                _("Đơn vị mã “%(code)s” vừa được người khác thêm hoặc sửa sau khi bạn xem trước.") % {"code": code}
            )
    created = updated = 0
    for code, name, kind, parent_code, email in ordered:
        parent = known.get(parent_code) if parent_code else None
        if code in known:
            org = known[code]
            if (org.name, org.kind, org.parent_id, org.email) != (name, kind, parent and parent.pk, email):
                known[code] = organization_update(
                    org=org,
                    by=by,
                    expected_version=expected.get(code),
                    name=name,
                    kind=kind,
                    parent=parent,
                    email=email,
                )
                updated += 1
        else:
            known[code] = organization_create(code=code, name=name, kind=kind, parent=parent, by=by, email=email)
            created += 1
    return {"created": created, "updated": updated}


# ---- People and their roles ---------------------------------------------------------------------------


def _check_may_manage_people(by, organization: Organization) -> None:
    if by is not None and not scope_for(by).administers(organization.path):
        raise ValidationError(_("Bạn không quản lý đơn vị này."))


@transaction.atomic
def person_add(
    *, organization: Organization, username: str, role: str, by, full_name: str = "", email: str = ""
) -> tuple[Membership, str | None]:
    """Give a person a role in a unit; a new username creates the account with a one-time password.

    Returns the membership and, for a new account, the temporary password to hand over (never stored)."""
    from django.contrib.auth import get_user_model

    _check_may_manage_people(by, organization)
    User = get_user_model()
    username = clean_text(username).lower()
    if not username or len(username) > 150 or " " in username:
        raise ValidationError({"username": _("Tên đăng nhập không hợp lệ (không dấu cách, tối đa 150 ký tự).")})
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Vai trò không hợp lệ.")})
    password = None
    user = User.objects.filter(username=username).first()
    if user is None:
        full_name = clean_text(full_name)
        if not full_name:
            raise ValidationError({"full_name": _("Cần họ và tên của người mới.")})
        last, _sep, first = full_name.rpartition(" ")
        password = secrets.token_urlsafe(10)
        user = User(username=username, first_name=first[:150], last_name=last[:150], email=email)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save()
        audit(actor=by, action="user.create", target=user, changes={"username": username})
    elif Membership.objects.filter(user=user, organization=organization, role=role).exists():
        raise ValidationError({"username": _("“%(u)s” đã có vai trò này ở đơn vị.") % {"u": username}})
    membership = Membership.objects.create(user=user, organization=organization, role=role)
    audit(actor=by, action="membership.grant", target=membership, changes={"role": role, "user": username})
    return membership, password


@transaction.atomic
def membership_revoke(*, membership: Membership, by) -> None:
    _check_may_manage_people(by, membership.organization)
    audit(
        actor=by,
        action="membership.revoke",
        target=membership,
        changes={"role": membership.role, "user": membership.user.username},
    )
    membership.delete()


@transaction.atomic
def account_unlock(*, username: str, by) -> int:
    """Lift the sign-in lock of `username` (every address), as an administrator who may see it
    (`selectors.locked_accounts`). Returns how many addresses were unlocked."""
    from axes.utils import reset
    from django.contrib.auth import get_user_model

    from danvan.orgs.selectors import locked_accounts

    locks = [lock for lock in locked_accounts(by) if lock.username == username]
    if not locks:
        message = _("Tài khoản “%(u)s” không bị khóa, hoặc không thuộc phạm vi bạn quản lý.")
        raise ValidationError(message % {"u": username})
    User = get_user_model()
    target = User.objects.filter(username=username).first() or Target(User._meta.label_lower, "", username)
    addresses = sorted(lock.address for lock in locks)
    reset(username=username)
    audit(actor=by, action="auth.unlock", target=target, changes={"username": username, "addresses": addresses})
    return len(addresses)
