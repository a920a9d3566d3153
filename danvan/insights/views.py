"""The dashboard: where the movement stands, every figure a link to the list behind it."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.campaigns.models import Campaign
from danvan.campaigns.selectors import campaign_for_user
from danvan.core.access import scope_for
from danvan.core.freshness import cached_page
from danvan.core.htmx import render_page
from danvan.documents.rules import may_sign_for
from danvan.insights.statistics import CampaignStatistics, Table, as_number, campaign_statistics, year_on_year


@dataclass
class Cell:
    value: object
    url: str | None
    numeric: bool


@dataclass
class Bar:
    label: str
    value: float
    url: str | None
    percent: float  # of the chart's largest bar, for its length


LISTED = {"commendations": 30, "replications": 30}


def list_url(query: dict | None) -> str | None:
    if query is None:
        return None
    clean = {k: str(v) for k, v in query.items() if v not in (None, "")}
    return reverse("initiatives:list") + ("?" + urlencode(sorted(clean.items())) if clean else "")


def linked(table: Table, limit: int | None = None) -> list[tuple[object, list[Cell]]]:
    """The table's rows (the first `limit` of them) as cells carrying their drill-down link."""
    rows = table.rows if limit is None else table.rows[:limit]
    return [
        (
            row,
            [
                Cell(as_number(v), list_url(table.cell_query(row, n)) if v else None, table.columns[n].numeric)
                for n, v in enumerate(row.cells)
            ],
        )
        for row in rows
    ]


def bars(table: Table, column: int = 1, *, skip_totals: bool = True, limit: int | None = None) -> list[Bar]:
    rows = [r for r in table.rows if not (skip_totals and r.total)]
    values = [(r, float(as_number(r.cells[column]) or 0)) for r in rows]
    if limit:
        values = sorted(values, key=lambda p: -p[1])[:limit]
    top = max((v for _r, v in values), default=0) or 1
    return [
        Bar(str(r.cells[0]), v, list_url(table.cell_query(r, column)) if v else None, round(100 * v / top, 1))
        for r, v in values
    ]


def _campaigns(user):
    return Campaign.objects.visible_to(user).exclude(status=Campaign.Status.DRAFT).order_by("-year", "-pk")


def _rows(table: Table, stop: int, start: int = 0) -> Table:
    """The same table with only some of its rows, for a chart of comparable figures."""
    return Table(table.key, table.title, table.columns, table.rows[start:stop], table.query)


def _charts(stats: CampaignStatistics) -> dict:
    return {
        "kind": bars(_rows(stats.table("participation"), 6, 4)),
        "field": bars(stats.table("by_field"), 3),
        "status": bars(stats.table("by_status")),
        "units": bars(stats.table("by_unit"), 1, limit=15),
        "results": bars(_rows(stats.table("results"), 5)),
    }


@cached_page
def dashboard(request):
    """The statistics of one campaign (the latest by default) as far as the user may see them."""
    scope = scope_for(request.user)
    if not scope.reads_statistics:
        raise PermissionDenied
    campaigns = list(_campaigns(request.user).select_related("organization"))
    chosen = request.GET.get("campaign")
    campaign = None
    if chosen:
        try:
            campaign, _can_edit = campaign_for_user(request.user, int(chosen))
        except (ValueError, Http404):
            raise Http404 from None
    elif campaigns:
        campaign = campaigns[0]
    context: dict = {"campaigns": campaigns, "campaign": campaign}
    if campaign is not None:
        stats = campaign_statistics(campaign, request.user)
        years = year_on_year(request.user, organization=campaign.organization)
        context.update(
            {
                "stats": stats,
                "s": stats.summary,
                "funnel": [(st, list_url({"campaign": campaign.pk, "stage": st.key})) for st in stats.funnel],
                "charts": _charts(stats),
                # The lists that grow with the country (decisions, replicated models) show their first rows; the
                # workbook and the spread page have them all.
                "tables": {
                    t.key: (t, linked(t, LISTED.get(t.key)), max(0, len(t.rows) - LISTED.get(t.key, len(t.rows))))
                    for t in stats.tables
                },
                "years": (years, linked(years)),
                "year_bars": bars(years, [c.key for c in years.columns].index("initiatives")),
                "may_sign": may_sign_for(request.user, campaign),
            }
        )
    return render_page(request, "insights/dashboard.html", context)


# Open data: public, no sign-in.


def open_data(request):
    """The open-data page: what is published, in which files, and what every field means."""
    from danvan.insights import open_data as od

    return render(
        request,
        "insights/open_data.html",
        {
            "datasets": [
                ("statistics", _("Số liệu tổng hợp theo đợt phát động"), od.STATISTICS_FIELDS),
                ("statistics_fields", _("Số mô hình theo lĩnh vực"), od.FIELD_STATISTICS_FIELDS),
                ("showcase", _("Mô hình tiêu biểu được công khai"), od.SHOWCASE_FIELDS),
            ],
            "campaigns": od.published_campaigns(),
        },
    )


def _dataset(request, name: str) -> tuple[list[str], list[dict]]:
    from danvan.insights import open_data as od

    if name == "showcase":
        return [f.name for f in od.SHOWCASE_FIELDS], od.showcase_rows(request)
    totals, by_field = od.open_statistics()
    if name == "statistics":
        return [f.name for f in od.STATISTICS_FIELDS], totals
    if name == "statistics_fields":
        return [f.name for f in od.FIELD_STATISTICS_FIELDS], by_field
    raise Http404


def open_csv(request, name: str):
    from danvan.documents.exports import csv_stream

    headers, rows = _dataset(request, name)
    flat = ([("; ".join(v) if isinstance(v, list) else v) for v in (r[h] for h in headers)] for r in rows)
    response = StreamingHttpResponse(csv_stream(headers, flat), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def open_json(request, name: str):
    headers, rows = _dataset(request, name)
    response = JsonResponse(
        {"dataset": name, "fields": headers, "count": len(rows), "rows": rows},
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
