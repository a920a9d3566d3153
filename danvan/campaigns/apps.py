from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "danvan.campaigns"
    verbose_name = _("Phong trào thi đua")
