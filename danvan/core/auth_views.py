"""Django's sign-in pages, with the audit entries their steps send no signal for."""

from django.contrib.auth import views as auth_views
from django.db import transaction

from danvan.core.audit import audit
from danvan.core.net import client_address


class PasswordChangeView(auth_views.PasswordChangeView):
    """A person changes their own password (Django's page); the change is audited as `auth.password_change`."""

    @transaction.atomic
    def form_valid(self, form):
        response = super().form_valid(form)
        audit(
            actor=form.user,
            action="auth.password_change",
            target=form.user,
            changes={"address": client_address(self.request)},
        )
        return response
