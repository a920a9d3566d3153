from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """DOCX documents a party office signs, XLSX/CSV exports, and spreadsheet imports."""

    name = "danvan.documents"
    verbose_name = _("Văn bản, xuất và nhập bảng tính")
