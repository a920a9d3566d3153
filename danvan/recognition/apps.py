from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "danvan.recognition"
    verbose_name = _("Bình xét, khen thưởng và nhân rộng")
