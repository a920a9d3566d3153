from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "danvan.insights"
    verbose_name = _("Số liệu")

    def ready(self):
        from danvan.insights import signals  # noqa: F401  (connects the counts' upkeep)
