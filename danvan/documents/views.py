"""Downloads: the initiative list and the statistic tables as XLSX/CSV, and the documents of the year's end as
DOCX. Every file reads the same selectors and insights functions as the pages, so it shows what the user may
see and the same figures."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.urls import path, re_path
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.campaigns.models import Campaign
from danvan.campaigns.selectors import campaign_for_user
from danvan.core.access import scope_for
from danvan.documents import exports
from danvan.documents.rules import may_report_achievement, may_sign_for
from danvan.initiatives.forms import InitiativeFilterForm
from danvan.initiatives.selectors import filter_initiatives, initiative_for_user
from danvan.insights.statistics import campaign_statistics, year_on_year

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def list_criteria(user, params) -> dict:
    """The initiative-list filters of a query string, checked by the list's own form; bad ones raise
    ValidationError naming the field."""
    form = InitiativeFilterForm(params, user=user)
    if not form.is_valid():
        raise ValidationError(
            {
                name: [f"{form.fields[name].label}: {message}" for message in errors]
                for name, errors in form.errors.items()
            }
        )
    d = form.cleaned_data
    return {
        "campaign": d["campaign"] and d["campaign"].pk,
        "unit": d["unit"] and d["unit"].pk,
        "field": d["field"] and d["field"].pk,
        "kind": d["kind"],
        "status": d["status"],
        "q": d["q"],
        "stage": d["stage"],
        "result": d["result"],
    }


def initiatives_for_export(user, params):
    return filter_initiatives(user, **list_criteria(user, params))


def _filename(stem: str, ext: str) -> str:
    return f"{stem}-{timezone.localdate():%Y%m%d}.{ext}"


def xlsx_response(file, filename: str) -> FileResponse:
    return FileResponse(file, as_attachment=True, filename=filename, content_type=exports.XLSX_TYPE)


def csv_response(chunks, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type=exports.CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _bad_filter(exc: ValidationError) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(" ".join(exc.messages), content_type="text/plain; charset=utf-8")


@login_required
def initiatives_xlsx(request):
    try:
        qs = initiatives_for_export(request.user, request.GET)
    except ValidationError as exc:
        return _bad_filter(exc)
    return xlsx_response(exports.initiatives_xlsx(qs, title=_("Mô hình")), _filename("mo-hinh", "xlsx"))


@login_required
def initiatives_csv(request):
    try:
        qs = initiatives_for_export(request.user, request.GET)
    except ValidationError as exc:
        return _bad_filter(exc)
    return csv_response(
        exports.csv_stream(exports.initiative_headers(), exports.initiative_rows(qs)), _filename("mo-hinh", "csv")
    )


def statistic_tables(campaign: Campaign, user) -> list:
    """The campaign's tables and the years compared, as the dashboard shows them."""
    stats = campaign_statistics(campaign, user)
    return [*stats.tables, year_on_year(user, organization=campaign.organization)]


def statistics_heading(campaign: Campaign) -> str:
    return _("%(name)s — số liệu đến ngày %(day)s") % {
        "name": campaign.name,
        "day": timezone.localdate().strftime("%d/%m/%Y"),
    }


def statistics_campaign(user, pk: int) -> Campaign:
    """A campaign whose statistics the user may read (as on the dashboard; one they cannot see is not found)."""
    campaign = campaign_for_user(user, pk)[0]
    if not scope_for(user).reads_statistics:
        raise PermissionDenied
    return campaign


@login_required
def statistics_xlsx(request, pk: int):
    campaign = statistics_campaign(request.user, pk)
    file = exports.tables_xlsx(statistic_tables(campaign, request.user), heading=statistics_heading(campaign))
    return xlsx_response(file, _filename(f"thong-ke-{campaign.year}", "xlsx"))


@login_required
def statistics_csv(request, pk: int, key: str):
    campaign = statistics_campaign(request.user, pk)
    table = next((t for t in statistic_tables(campaign, request.user) if t.key == key), None)
    if table is None:
        raise Http404
    return csv_response(exports.table_csv(table), _filename(f"thong-ke-{campaign.year}-{key}", "csv"))


def signed_campaign(user, pk: int) -> Campaign:
    campaign, _can_edit = campaign_for_user(user, pk)
    if not may_sign_for(user, campaign):
        raise PermissionDenied
    return campaign


def docx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def report_docx(request, pk: int):
    from danvan.documents.report import year_end_report

    campaign = signed_campaign(request.user, pk)
    content = year_end_report(campaign=campaign, user=request.user)
    return docx_response(content, _filename(f"bao-cao-tong-ket-{campaign.year}", "docx"))


@login_required
def proposal_docx(request, pk: int):
    from danvan.documents.proposal import commendation_proposal

    campaign = signed_campaign(request.user, pk)
    content = commendation_proposal(campaign=campaign, user=request.user)
    return docx_response(content, _filename(f"to-trinh-khen-thuong-{campaign.year}", "docx"))


@login_required
def achievement_docx(request, pk: int):
    """The collective achievement report of an initiative's unit: written by the unit, checked by the bloc."""
    from danvan.documents.achievement import achievement_report

    initiative, _perms = initiative_for_user(request.user, pk)
    if not may_report_achievement(request.user, initiative):
        raise PermissionDenied
    content = achievement_report(initiative=initiative, user=request.user)
    return docx_response(content, _filename(f"bao-cao-thanh-tich-{initiative.pk}", "docx"))


def _sheet_response(sheet, fmt: str, stem: str):
    if fmt == "csv":
        return csv_response(exports.csv_stream(sheet.headers, sheet.rows), _filename(stem, "csv"))
    file = exports.rows_xlsx(title=sheet.title, headers=sheet.headers, rows=sheet.rows, widths=sheet.widths)
    return xlsx_response(file, _filename(stem, "xlsx"))


@login_required
def units_sheet(request, fmt: str):
    from danvan.documents.lists import units_sheet as sheet

    return _sheet_response(sheet(request.user), fmt, "don-vi")


@login_required
def review_sheet(request, pk: int, fmt: str):
    from danvan.documents.lists import review_sheet as sheet
    from danvan.recognition.selectors import review_campaign_for_user

    campaign, _can_review = review_campaign_for_user(request.user, pk)
    order = "raw" if request.GET.get("order") == "raw" else "standardised"
    return _sheet_response(sheet(campaign, request.user, order=order), fmt, f"binh-xet-{campaign.year}")


@login_required
def reporting_sheet(request, pk: int, fmt: str):
    from danvan.documents.lists import reporting_sheet as sheet

    campaign, _can_edit = campaign_for_user(request.user, pk)
    return _sheet_response(sheet(campaign, request.user), fmt, f"bao-cao-dinh-ky-{campaign.year}")


urlpatterns = [
    re_path(r"^units\.(?P<fmt>xlsx|csv)$", units_sheet, name="units_sheet"),
    re_path(r"^campaigns/(?P<pk>\d+)/review\.(?P<fmt>xlsx|csv)$", review_sheet, name="review_sheet"),
    re_path(r"^campaigns/(?P<pk>\d+)/reporting\.(?P<fmt>xlsx|csv)$", reporting_sheet, name="reporting_sheet"),
    path("initiatives.xlsx", initiatives_xlsx, name="initiatives_xlsx"),
    path("initiatives.csv", initiatives_csv, name="initiatives_csv"),
    path("campaigns/<int:pk>/statistics.xlsx", statistics_xlsx, name="statistics_xlsx"),
    path("campaigns/<int:pk>/statistics/<slug:key>.csv", statistics_csv, name="statistics_csv"),
    path("campaigns/<int:pk>/report.docx", report_docx, name="report_docx"),
    path("campaigns/<int:pk>/proposal.docx", proposal_docx, name="proposal_docx"),
    path("initiatives/<int:pk>/achievement.docx", achievement_docx, name="achievement_docx"),
]
