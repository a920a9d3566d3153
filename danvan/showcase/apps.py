from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShowcaseConfig(AppConfig):
    name = "danvan.showcase"
    verbose_name = _("Giới thiệu công khai và ý kiến người dân")
