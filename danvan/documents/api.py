"""Files through the API: the year-end report, the statistics workbook and the initiative list as XLSX.

They are the same files the pages offer, built by the same functions, with the same access rules."""

from ninja import Query, Router

from danvan.api.schemas import ErrorOut
from danvan.documents import exports
from danvan.documents.views import (
    DOCX_TYPE,
    _filename,
    docx_response,
    signed_campaign,
    statistic_tables,
    statistics_campaign,
    statistics_heading,
    xlsx_response,
)
from danvan.initiatives.api import InitiativeFilter
from danvan.initiatives.selectors import filter_initiatives

router = Router(tags=["documents"])


def _binary(content_type: str, description: str) -> dict:
    return {
        "responses": {
            200: {
                "description": description,
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


@router.get(
    "/campaigns/{campaign_id}/report.docx",
    response={403: ErrorOut, 404: ErrorOut},
    summary="Báo cáo tổng kết của đợt (DOCX, thể thức văn bản của Đảng)",
    openapi_extra=_binary(DOCX_TYPE, "Báo cáo tổng kết, tệp Word"),
)
def report_docx(request, campaign_id: int):
    from danvan.documents.report import year_end_report

    campaign = signed_campaign(request.user, campaign_id)
    content = year_end_report(campaign=campaign, user=request.user)
    return docx_response(content, _filename(f"bao-cao-tong-ket-{campaign.year}", "docx"))


@router.get(
    "/campaigns/{campaign_id}/statistics.xlsx",
    response={403: ErrorOut, 404: ErrorOut},
    summary="Các bảng thống kê của đợt (XLSX)",
    openapi_extra=_binary(exports.XLSX_TYPE, "Một trang tính cho mỗi bảng thống kê"),
)
def statistics_xlsx(request, campaign_id: int):
    campaign = statistics_campaign(request.user, campaign_id)
    file = exports.tables_xlsx(statistic_tables(campaign, request.user), heading=statistics_heading(campaign))
    return xlsx_response(file, _filename(f"thong-ke-{campaign.year}", "xlsx"))


@router.get(
    "/initiatives.xlsx",
    response={400: ErrorOut, 422: ErrorOut},
    summary="Danh sách mô hình (XLSX), cùng bộ lọc với danh sách",
    openapi_extra=_binary(exports.XLSX_TYPE, "Danh sách mô hình, tệp Excel"),
)
def initiatives_xlsx(request, filters: Query[InitiativeFilter]):
    qs = filter_initiatives(request.user, **filters.dict())
    return xlsx_response(exports.initiatives_xlsx(qs, title="Mô hình"), _filename("mo-hinh", "xlsx"))
