from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "danvan.core"
    verbose_name = _("Dùng chung")

    def ready(self) -> None:
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
        from django.db.backends.signals import connection_created

        from danvan.core import signals
        from danvan.core.freshness import watch_writes

        connection_created.connect(watch_writes, dispatch_uid="danvan.core.freshness.watch_writes")
        user_logged_in.connect(signals.logged_in, dispatch_uid="danvan.core.signals.logged_in")
        user_logged_out.connect(signals.logged_out, dispatch_uid="danvan.core.signals.logged_out")
        user_login_failed.connect(signals.login_failed, dispatch_uid="danvan.core.signals.login_failed")
        user_locked_out.connect(signals.locked_out, dispatch_uid="danvan.core.signals.locked_out")
