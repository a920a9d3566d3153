from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db import transaction

from danvan.core.admin import AuditedAdmin, VersionedAdmin
from danvan.core.audit import audit
from danvan.core.net import client_address
from danvan.orgs.models import Membership, Organization
from danvan.orgs.services import ORG_FIELDS


@admin.register(Organization)
class OrganizationAdmin(VersionedAdmin, AuditedAdmin):
    list_display = ["name", "code", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "code"]
    readonly_fields = ["path", "depth", "base", "parent", "kind"]
    audit_actions = ("org.create", "org.update", "org.delete")
    audit_fields = ORG_FIELDS


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "organization", "role"]
    list_filter = ["role"]
    raw_id_fields = ["user", "organization"]
    audit_actions = ("membership.grant", "membership.update", "membership.revoke")
    audit_fields = ["user", "organization", "role"]


# Accounts and their admin rights: Django's own pages, audited.
admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class AccountAdmin(AuditedAdmin, UserAdmin):
    audit_actions = ("user.create", "user.update", "user.delete")
    audit_fields = ["username", "is_active", "is_staff", "is_superuser", "groups", "user_permissions"]

    @transaction.atomic
    def user_change_password(self, request, id, form_url=""):
        user = self.get_object(request, unquote(id)) if request.method == "POST" else None
        response = super().user_change_password(request, id, form_url)
        if user is not None:
            before = user.password
            user.refresh_from_db(fields=["password"])
            if user.password != before:  # a new password, or password sign-in turned off
                audit(
                    actor=request.user,
                    action="auth.password_change",
                    target=user,
                    changes={"address": client_address(request)},
                )
        return response


@admin.register(Group)
class AccountGroupAdmin(AuditedAdmin, GroupAdmin):
    audit_actions = ("group.create", "group.update", "group.delete")
    audit_fields = ["name", "permissions"]
