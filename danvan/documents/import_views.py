"""Spreadsheet imports: upload, preview by row and column, apply all or nothing."""

from datetime import date

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from danvan.campaigns.models import Campaign
from danvan.campaigns.selectors import campaign_for_user
from danvan.core.forms import LabelledModelChoiceField
from danvan.documents import services
from danvan.documents.import_selectors import import_batch_for_user
from danvan.documents.import_template import template_csv, template_xlsx
from danvan.documents.models import ImportBatch
from danvan.documents.sheets import MAX_BYTES, MAX_ROWS
from danvan.initiatives.models import Initiative

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE = 100


class ImportForm(forms.Form):
    campaign = LabelledModelChoiceField(
        label=gettext_lazy("Đợt phát động"),
        queryset=Campaign.objects.none(),
        option_label=lambda c: f"{c.year} – {c.name}",
    )
    file = forms.FileField(
        label=gettext_lazy("Tệp bảng tính (.xlsx hoặc .csv)"),
        help_text=gettext_lazy(
            "Tệp Excel (.xlsx) lưu bằng Excel hoặc LibreOffice, hoặc CSV mã UTF-8. Hệ thống đọc trang tính đầu tiên; "
            "dòng đầu có dữ liệu là dòng tiêu đề."
        ),
    )

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["campaign"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Campaign.objects.filter(pk__in=[c.pk for c in campaigns]).order_by("-year", "-id")
        if len(campaigns) == 1:
            field.initial = campaigns[0].pk

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("Tệp lớn hơn %(mb)s MB cho phép. Hãy chia thành nhiều tệp nhỏ hơn.")
                % {"mb": MAX_BYTES // (1024 * 1024)}
            )
        return upload


def _check_importer(user) -> None:
    """Officers and administrators import; leaders and survey members get a 403."""
    if not services.may_import(user):
        raise PermissionDenied


@login_required
def import_start(request):
    """Choose a campaign and upload a file; the next page is the preview."""
    _check_importer(request.user)
    campaigns = services.import_campaigns_for(request.user)
    initial = {"campaign": request.GET.get("campaign")} if request.GET.get("campaign") else None
    form = ImportForm(request.POST or None, request.FILES or None, campaigns=campaigns, initial=initial)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        batch = services.import_preview(
            campaign=form.cleaned_data["campaign"], name=upload.name, content=upload.read(), by=request.user
        )
        return redirect("documents:import_preview", batch.pk)
    recent = (
        ImportBatch.objects.visible_to(request.user)
        .filter(uploaded_by=request.user)
        .select_related("campaign")
        .defer("rows", "problems")[:10]
    )
    return render(
        request,
        "documents/import_start.html",
        {
            "form": form,
            "campaigns": campaigns,
            "recent": recent,
            "columns": services.COLUMNS,
            "max_rows": MAX_ROWS,
            "max_mb": MAX_BYTES // (1024 * 1024),
        },
        status=400 if form.errors else 200,
    )


def _day(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def _query(request, drop: str) -> str:
    """The page's query string without `drop`, so that one table's pages keep the other's."""
    query = request.GET.copy()
    query.pop(drop, None)
    return query.urlencode()


def _preview_page(request, batch: ImportBatch, *, apply_problems=None, status: int = 200):
    problems = Paginator(batch.problems, PAGE).get_page(request.GET.get("p"))
    rows = Paginator(batch.rows, PAGE).get_page(request.GET.get("page"))
    notes: dict[int, list[dict]] = {}
    for p in batch.problems:
        if p.get("row") is not None and p["level"] in ("error", "skip"):
            notes.setdefault(p["row"], []).append(p)
    kinds = dict(Initiative.Kind.choices)
    page_rows = [
        {
            **r,
            "notes": notes.get(r["row"], []),
            "kind_label": kinds.get(r.get("kind", ""), r.get("kind", "")),
            "starts": _day(r.get("starts_on")),
            "ends": _day(r.get("ends_on")),
        }
        for r in rows.object_list
    ]
    created = []
    if batch.status == ImportBatch.Status.APPLIED and batch.created_ids:
        created = list(
            Initiative.objects.visible_to(request.user)
            .filter(pk__in=batch.created_ids[:PAGE])
            .select_related("unit")
            .order_by("pk")
        )
    return render(
        request,
        "documents/import_preview.html",
        {
            "batch": batch,
            "problems": problems,
            "rows": rows,
            "page_rows": page_rows,
            "created": created,
            "apply_problems": apply_problems or [],
            "rows_query": _query(request, "page"),
            "problems_query": _query(request, "p"),
            "can_apply": batch.can_apply and services.may_apply(request.user, batch),
        },
        status=status,
    )


@login_required
def import_preview(request, pk: int):
    """The preview: a summary, the problems by row and column, the rows; or, once applied, what was created."""
    _check_importer(request.user)
    return _preview_page(request, import_batch_for_user(request.user, pk))


@login_required
@require_POST
def import_apply(request, pk: int):
    """Create the previewed initiatives, all or nothing."""
    _check_importer(request.user)
    batch = import_batch_for_user(request.user, pk)
    try:
        batch = services.import_apply(batch=batch, by=request.user)
    except services.ImportNotApplied as exc:
        return _preview_page(request, batch, apply_problems=exc.problems, status=400)
    return redirect("documents:import_preview", batch.pk)  # which now shows what was created


@login_required
def import_template_xlsx(request):
    """The XLSX template; with ?campaign=, its guide lists that campaign's fields and the user's units."""
    _check_importer(request.user)
    campaign = None
    units: list = []
    if request.GET.get("campaign"):
        campaign, _can_edit = campaign_for_user(request.user, request.GET["campaign"])
        units = list(services.registrable_units(request.user, campaign))
    response = HttpResponse(template_xlsx(campaign, units), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-mo-hinh.xlsx"'
    return response


@login_required
def import_template_csv(request):
    _check_importer(request.user)
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-mo-hinh.csv"'
    return response


urlpatterns: list = [
    path("imports/", import_start, name="import_start"),
    path("imports/template.xlsx", import_template_xlsx, name="import_template_xlsx"),
    path("imports/template.csv", import_template_csv, name="import_template_csv"),
    path("imports/<int:pk>/", import_preview, name="import_preview"),
    path("imports/<int:pk>/apply/", import_apply, name="import_apply"),
]
