from typing import ClassVar

from django import forms
from django.contrib import admin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from danvan.core.audit import audit, diff, snapshot
from danvan.core.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log is append-only: viewable, never edited or deleted."""

    list_display = ["at", "actor", "action", "target_repr"]
    list_filter = ["action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedAdmin(admin.ModelAdmin):
    """An admin whose changes land in the audit log as a service's would. `audit_actions` names the creation (with
    the values of `audit_fields`), the update (the [old, new] of those that changed) and the deletion."""

    audit_actions: ClassVar[tuple[str, str, str]]
    audit_fields: ClassVar[list[str]]

    def _audit_state(self, obj, cleaned_data: dict | None = None) -> dict:
        """`audit_fields` of `obj`; many-to-many ones as sorted names, taken from `cleaned_data` when given, since
        the admin saves them only after `save_model`."""
        related = [n for n in self.audit_fields if obj._meta.get_field(n).many_to_many]
        state = snapshot(obj, [n for n in self.audit_fields if n not in related])
        for name in related:
            values = cleaned_data[name] if cleaned_data and name in cleaned_data else getattr(obj, name).all()
            state[name] = sorted(str(v) for v in values)
        return state

    def save_model(self, request, obj, form, change):
        before = self._audit_state(type(obj)._default_manager.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)
        after = self._audit_state(obj, form.cleaned_data)
        create, update, _delete = self.audit_actions
        if not change:
            audit(actor=request.user, action=create, target=obj, changes=after)
        elif changes := diff(before, after):
            audit(actor=request.user, action=update, target=obj, changes=changes)

    def delete_model(self, request, obj):
        audit(actor=request.user, action=self.audit_actions[2], target=obj, changes=self._audit_state(obj))
        super().delete_model(request, obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit(actor=request.user, action=self.audit_actions[2], target=obj, changes=self._audit_state(obj))
        super().delete_queryset(request, queryset)


CHANGED_IN_ADMIN = _(
    "Bản ghi này vừa được người khác sửa sau khi bạn mở trang. Nội dung bạn nhập chưa được lưu; hãy mở lại để xem "
    "bản mới nhất rồi sửa lại."
)


class VersionedAdmin(admin.ModelAdmin):
    """Optimistic locking in the admin, as in the application's own pages: the change form carries the version it
    showed; saving it after someone else (here or in the application) changed the record is refused with a message,
    and a save moves the version on. The check locks the row until the admin's transaction ends, so two saves of the
    same version cannot both pass."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        if kwargs.get("fields"):  # the fieldsets name the form's own field too: not one of the model's
            kwargs["fields"] = [name for name in kwargs["fields"] if name != "seen_version"]
        base = super().get_form(request, obj, change=change, **kwargs)

        class Form(base):  # type: ignore[valid-type,misc]
            seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                if self.instance.pk is not None:
                    self.fields["seen_version"].initial = self.instance.version

            def clean(self):
                data = super().clean()
                if self.instance.pk is not None:
                    manager = type(self.instance)._default_manager
                    current = (
                        manager.select_for_update(no_key=True)
                        .filter(pk=self.instance.pk)
                        .values_list("version", flat=True)
                    )
                    if data.get("seen_version") != current.first():
                        raise forms.ValidationError(CHANGED_IN_ADMIN)
                return data

        return Form

    def save_model(self, request, obj, form, change):
        if change:
            obj.version = form.cleaned_data["seen_version"] + 1
        super().save_model(request, obj, form, change)
