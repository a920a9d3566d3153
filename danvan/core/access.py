"""Who may see what: a person's scope, computed once per request from their memberships.

Every queryset that reaches a person goes through a `visible_to(user)` method built on this scope,
and every object a view opens goes through its app's `<object>_for_user()` helper.
"""

from dataclasses import dataclass, field

from django.db.models import Q


@dataclass
class Scope:
    is_authenticated: bool = False
    is_superuser: bool = False
    admin_paths: list[str] = field(default_factory=list)
    leader_paths: list[str] = field(default_factory=list)
    officer_paths: list[str] = field(default_factory=list)
    surveyor_org_ids: list[int] = field(default_factory=list)
    admin_org_ids: list[int] = field(default_factory=list)
    officer_org_ids: list[int] = field(default_factory=list)

    @property
    def is_admin(self) -> bool:
        return self.is_superuser or bool(self.admin_paths)

    @property
    def is_leader(self) -> bool:
        return bool(self.leader_paths)

    @property
    def is_officer(self) -> bool:
        return bool(self.officer_paths)

    @property
    def is_surveyor(self) -> bool:
        return bool(self.surveyor_org_ids)

    @property
    def reads_statistics(self) -> bool:
        """The dashboard and a campaign's statistics (pages, workbooks, the API's summary): not for a person who is
        only a survey member, whose part is the initiatives assigned to their team."""
        return not self.is_surveyor or self.is_admin or self.is_officer or self.is_leader

    @staticmethod
    def q_subtree(lookup: str, paths: list[str]) -> Q:
        """Q matching rows whose `lookup` path lies under any of `paths` (nothing when there are none)."""
        q = Q(pk__in=[])
        for p in paths:
            q |= Q(**{f"{lookup}__startswith": p})
        return q

    def q_administered(self, lookup: str = "path") -> Q:
        """Q matching rows inside the subtrees this person administers (every row for a superuser)."""
        return Q(pk__isnull=False) if self.is_superuser else self.q_subtree(lookup, self.admin_paths)

    @staticmethod
    def _under(path: str, paths: list[str]) -> bool:
        return any(path.startswith(p) for p in paths)

    def administers(self, path: str) -> bool:
        return self.is_superuser or self._under(path, self.admin_paths)

    def officer_of(self, path: str) -> bool:
        return self._under(path, self.officer_paths)

    def reads(self, path: str) -> bool:
        return self.administers(path) or self._under(path, self.leader_paths + self.officer_paths)


ANONYMOUS = Scope()


def scope_for(user) -> Scope:
    """The user's scope, cached on the user object for the rest of the request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_danvan_scope", None)
    if cached is not None:
        return cached
    from danvan.orgs.models import Membership

    scope = Scope(is_authenticated=True, is_superuser=user.is_superuser)
    rows = Membership.objects.filter(user=user, organization__is_active=True).values_list(
        "role", "organization_id", "organization__path"
    )
    for role, org_id, path in rows:
        if role == Membership.Role.ADMIN:
            scope.admin_paths.append(path)
            scope.admin_org_ids.append(org_id)
        elif role == Membership.Role.LEADER:
            scope.leader_paths.append(path)
        elif role == Membership.Role.OFFICER:
            scope.officer_paths.append(path)
            scope.officer_org_ids.append(org_id)
        elif role == Membership.Role.SURVEYOR:
            scope.surveyor_org_ids.append(org_id)
    user._danvan_scope = scope
    return scope
