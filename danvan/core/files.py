"""Uploaded files are judged by their content, not their name."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ACCEPTED = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/msword": ".doc",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
}
ACCEPTED_LABEL = "PDF, DOCX, DOC, XLSX, XLS, ODT, ODS, JPG, PNG, WEBP"


def check_upload(upload, *, field: str = "file") -> str:
    """The file's real content type, or a ValidationError naming `field` (too large, empty, not accepted)."""
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if upload.size == 0:
        raise ValidationError({field: _("Tệp “%(name)s” rỗng.") % {"name": upload.name}})
    if upload.size > limit:
        raise ValidationError(
            {
                field: _("Tệp “%(name)s” lớn hơn %(mb)s MB cho phép.")
                % {"name": upload.name, "mb": settings.MAX_UPLOAD_MB}
            }
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ACCEPTED:
        raise ValidationError(
            {
                field: _("Tệp “%(name)s” không thuộc loại được nhận (%(accepted)s): nội dung tệp không khớp.")
                % {"name": upload.name, "accepted": ACCEPTED_LABEL}
            }
        )
    return kind.mime
