"""Open data: the statistics of finished campaigns and the public showcase, for anyone, as CSV and JSON.

Only totals are published, counted over what a standing-committee reader sees (registrations sent, never
drafts); nothing here names a person or shows a unit's internal assessment. The showcase rows are the ones
the public pages already show."""

from dataclasses import dataclass

from django.utils.functional import Promise as StrPromise
from django.utils.translation import gettext_lazy as _

from danvan.campaigns.models import Campaign
from danvan.core.access import Scope
from danvan.insights.summary import campaign_summary


class PublicReader:
    """Reads a campaign as its standing committee would (everything sent, no drafts), for published totals."""

    is_authenticated = True
    is_active = True
    is_superuser = False
    pk = None

    def __init__(self, path: str):
        self._danvan_scope = Scope(is_authenticated=True, leader_paths=[path])


@dataclass(frozen=True)
class OpenField:
    name: str
    kind: str  # "integer", "number", "string", "date", "url", "list"
    description: "str | StrPromise"


STATISTICS_FIELDS = (
    OpenField("campaign", "integer", _("Mã số của đợt phát động")),
    OpenField("year", "integer", _("Năm của đợt phát động")),
    OpenField("campaign_name", "string", _("Tên đợt phát động")),
    OpenField("organization", "string", _("Cấp ủy phát động")),
    OpenField("units_total", "integer", _("Số đơn vị cơ sở trong phạm vi phát động")),
    OpenField("units_registered", "integer", _("Số đơn vị cơ sở đã đăng ký ít nhất một mô hình")),
    OpenField("participation_percent", "number", _("Tỷ lệ đơn vị tham gia (%)")),
    OpenField("initiatives", "integer", _("Số mô hình đã đăng ký (đã gửi, không tính bản nháp và mô hình đã rút)")),
    OpenField("collective", "integer", _("Số mô hình tập thể")),
    OpenField("individual", "integer", _("Số mô hình cá nhân")),
    OpenField("surveyed", "integer", _("Số mô hình được đoàn khảo sát chấm điểm")),
    OpenField("self_assessed", "integer", _("Số mô hình do đơn vị tự khảo sát, đánh giá")),
    OpenField("recognised", "integer", _("Số mô hình đạt, được công nhận (không kể tiêu biểu)")),
    OpenField("exemplary", "integer", _("Số mô hình tiêu biểu")),
    OpenField("not_achieved", "integer", _("Số mô hình không đạt")),
    OpenField("commended", "integer", _("Số mô hình được khen thưởng")),
    OpenField("replications", "integer", _("Số lần mô hình của đợt được đơn vị khác nhân rộng")),
)
FIELD_STATISTICS_FIELDS = (
    OpenField("campaign", "integer", _("Mã số của đợt phát động")),
    OpenField("year", "integer", _("Năm của đợt phát động")),
    OpenField("field_code", "string", _("Mã lĩnh vực")),
    OpenField("field", "string", _("Tên lĩnh vực")),
    OpenField(
        "initiatives", "integer", _("Số mô hình đã đăng ký thuộc lĩnh vực (một mô hình có thể thuộc nhiều lĩnh vực)")
    ),
)
SHOWCASE_FIELDS = (
    OpenField("id", "integer", _("Mã số của mô hình trên trang công khai")),
    OpenField("url", "url", _("Địa chỉ trang công khai của mô hình")),
    OpenField("title", "string", _("Tên mô hình")),
    OpenField("year", "integer", _("Năm đăng ký")),
    OpenField("unit", "string", _("Đơn vị thực hiện")),
    OpenField("kind", "string", _("Loại mô hình: collective (tập thể) hoặc individual (cá nhân)")),
    OpenField("fields", "list", _("Các lĩnh vực, ngăn cách bằng dấu chấm phẩy trong CSV")),
    OpenField("summary", "string", _("Giới thiệu mô hình")),
    OpenField("implementers", "string", _("Chủ thể thực hiện")),
    OpenField("beneficiaries", "string", _("Đối tượng thụ hưởng")),
    OpenField("results", "string", _("Kết quả nổi bật")),
    OpenField("published_at", "date", _("Ngày công khai (YYYY-MM-DD)")),
    OpenField("honours", "list", _("Hình thức khen thưởng và số quyết định")),
    OpenField("copies", "integer", _("Số nơi đã nhân rộng mô hình")),
    OpenField("feedback_count", "integer", _("Số ý kiến người dân đã được duyệt")),
    OpenField("average_rating", "number", _("Điểm hài lòng trung bình (1–5) của các ý kiến đã duyệt")),
)


def published_campaigns():
    """Campaigns whose figures are final: the ones that have ended."""
    return Campaign.objects.filter(status=Campaign.Status.CLOSED).select_related("organization").order_by("year", "pk")


def open_statistics() -> tuple[list[dict], list[dict]]:
    """One row of totals per finished campaign, and one row per campaign and field."""
    rows: list[dict] = []
    field_rows: list[dict] = []
    for c in published_campaigns():
        s = campaign_summary(campaign=c, user=PublicReader(c.organization.path))
        rows.append(
            {
                "campaign": c.pk,
                "year": c.year,
                "campaign_name": c.name,
                "organization": c.organization.name,
                **{f.name: s[f.name] for f in STATISTICS_FIELDS[4:]},
            }
        )
        field_rows.extend(
            {"campaign": c.pk, "year": c.year, "field_code": f["code"], "field": f["name"], "initiatives": f["count"]}
            for f in s["by_field"]
        )
    return rows, field_rows


def showcase_rows(request) -> list[dict]:
    """The public showcase as flat rows, shaped by the same function as the public API."""
    from danvan.showcase.api import _entries, _public

    out = []
    for e in _entries():
        p = _public(e, request)
        out.append(
            {
                "id": p["id"],
                "url": p["url"],
                "title": p["title"],
                "year": p["year"],
                "unit": p["unit"]["name"],
                "kind": p["kind"],
                "fields": p["fields"],
                "summary": p["summary"],
                "implementers": p["implementers"],
                "beneficiaries": p["beneficiaries"],
                "results": p["results"],
                "published_at": p["published_at"].date() if p["published_at"] else None,
                "honours": [f"{h['form']} {h['decision_number']}" for h in p["honours"]],
                "copies": len(p["copies"]),
                "feedback_count": p["feedback"]["count"],
                "average_rating": p["feedback"]["average_rating"],
            }
        )
    return out
