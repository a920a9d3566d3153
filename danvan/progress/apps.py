from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "danvan.progress"
    verbose_name = _("Báo cáo định kỳ và kiểm tra")
