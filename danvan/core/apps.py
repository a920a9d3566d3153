from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "danvan.core"
    verbose_name = _("Dùng chung")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from danvan.core.freshness import watch_writes

        connection_created.connect(watch_writes, dispatch_uid="danvan.core.freshness.watch_writes")
