"""Uploaded files are judged by their content, not their name."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.text import clean_text

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


class StoredFile(models.Model):
    """An uploaded file kept outside the static root, with the type its content showed, its original name and size.

    Attachments, report evidence, survey photos and showcase photos are all stored files: each app's model adds
    what the file belongs to and sets `file`'s folder."""

    file = models.FileField(max_length=255)
    original_name = models.CharField(gettext_lazy("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    caption = models.CharField(gettext_lazy("chú thích"), max_length=255, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


def keep_upload(stored: StoredFile, upload, *, content_type: str, caption: str = "", default_name: str = "tep"):
    """Save `upload` into `stored` (an unsaved row that knows what it belongs to) with its cleaned name and caption;
    `content_type` is what `check_upload` found. Call inside the service's transaction."""
    caption = clean_text(caption)
    if len(caption) > 255:
        raise ValidationError({"caption": _("Chú thích dài quá 255 ký tự.")})
    stored.caption = caption
    stored.original_name = clean_text(upload.name)[-200:] or default_name
    stored.content_type = content_type
    stored.size = upload.size
    stored.file.save(stored.original_name, upload, save=False)
    stored.save()
    return stored


def discard(stored: StoredFile) -> str:
    """Delete the row now and its file once the transaction has committed (a rollback keeps both); the file's name."""
    name, path, storage = stored.original_name, stored.file.name, stored.file.storage
    stored.delete()
    transaction.on_commit(lambda: storage.delete(path))
    return name


def file_response(stored: StoredFile) -> FileResponse:
    """The file as a download (images shown in the browser), never sniffed into another type nor run as a page."""
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=not stored.is_image, filename=stored.original_name, content_type=stored.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
