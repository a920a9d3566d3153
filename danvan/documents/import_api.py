"""API of spreadsheet imports: upload for a preview, read it, apply it (all or nothing)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Status, UploadedFile

from danvan.api.schemas import ErrorOut
from danvan.campaigns.selectors import campaign_for_user
from danvan.documents import services
from danvan.documents.import_schemas import ImportAppliedOut, ImportBatchOut, ImportRefusedOut
from danvan.documents.import_selectors import import_batch_for_user
from danvan.documents.models import ImportBatch
from danvan.documents.sheets import MAX_BYTES

router = Router(tags=["imports"])


def _out(batch: ImportBatch) -> dict:
    return {
        "id": batch.pk,
        "campaign": batch.campaign_id,
        "original_name": batch.original_name,
        "status": batch.status,
        "created_at": batch.created_at,
        "row_count": batch.row_count,
        "create_count": batch.create_count,
        "skip_count": batch.skip_count,
        "error_count": batch.error_count,
        "can_apply": batch.can_apply,
        "problems": batch.problems,
        "applied_at": batch.applied_at,
        "created_count": batch.created_count,
        "created_ids": batch.created_ids,
    }


def _check_importer(user) -> None:
    if not services.may_import(user):
        raise PermissionDenied


@router.post(
    "/imports",
    response={201: ImportBatchOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Tải lên bảng tính mô hình (XLSX hoặc CSV) để xem trước: mọi vấn đề theo dòng và cột, chưa ghi gì",
)
def create_import(request, campaign: Form[int], file: File[UploadedFile]):
    """The preview is stored and returned with status `previewed` (or `refused` when the file cannot be read);
    `error_count` 0 means it can be applied with `POST /imports/{id}/apply`."""
    _check_importer(request.user)
    campaign_obj, _can_edit = campaign_for_user(request.user, campaign)
    if (file.size or 0) > MAX_BYTES:
        return Status(
            400,
            {"detail": _("Tệp lớn hơn %(mb)s MB cho phép.") % {"mb": MAX_BYTES // (1024 * 1024)}, "field": "file"},
        )
    batch = services.import_preview(campaign=campaign_obj, name=file.name or "", content=file.read(), by=request.user)
    return Status(201, _out(batch))


@router.get(
    "/imports/{import_id}",
    response={200: ImportBatchOut, 403: ErrorOut, 404: ErrorOut},
    summary="Một lần nhập: trạng thái, số dòng, các vấn đề",
)
def get_import(request, import_id: int):
    _check_importer(request.user)
    return _out(import_batch_for_user(request.user, import_id))


@router.post(
    "/imports/{import_id}/apply",
    response={200: ImportAppliedOut, 400: ImportRefusedOut, 403: ErrorOut, 404: ErrorOut},
    summary="Nhập các mô hình đã xem trước: tất cả hoặc không; nhập lại lần nữa không tạo thêm",
)
def apply_import(request, import_id: int):
    _check_importer(request.user)
    batch = import_batch_for_user(request.user, import_id)
    try:
        batch = services.import_apply(batch=batch, by=request.user)
    except services.ImportNotApplied as exc:
        return Status(
            400,
            {
                "detail": _("Chưa nhập được: còn %(n)s vấn đề, không có gì được ghi.") % {"n": len(exc.problems)},
                "field": None,
                "problems": exc.problems,
            },
        )
    return {
        "id": batch.pk,
        "status": batch.status,
        "created_count": batch.created_count,
        "created_ids": batch.created_ids,
        "skip_count": batch.skip_count,
    }
