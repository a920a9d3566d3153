"""The other lists users exchange as spreadsheets — units, the review board, reporting per unit — as a title,
Vietnamese headers and rows, read from the same selectors and insights functions as their pages."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from danvan.campaigns.models import Campaign
from danvan.initiatives.models import Initiative
from danvan.orgs.models import Organization


@dataclass
class Sheet:
    title: str
    headers: list[str]
    rows: Iterable[list]
    widths: list[int]


def units_sheet(user) -> Sheet:
    kinds = dict(Organization.Kind.choices)
    orgs = (
        Organization.objects.visible_to(user)
        .select_related("parent")
        .annotate(n=Count("initiatives", filter=Q(initiatives__status__in=Initiative.REGISTERED_STATUSES)))
        .order_by("path")
    )
    return Sheet(
        _("Đơn vị"),
        [_("Mã đơn vị"), _("Tên đơn vị"), _("Loại"), _("Mã cấp trên"), _("Thư điện tử"), _("Đang hoạt động"),
         _("Mô hình đã đăng ký")],
        (
            [o.code, o.name, str(kinds.get(o.kind, o.kind)), o.parent.code if o.parent else "", o.email,
             _("Có") if o.is_active else _("Không"), o.n]
            for o in orgs.iterator(chunk_size=2000)
        ),
        [14, 60, 22, 14, 28, 12, 12],
    )  # fmt: skip


def review_sheet(campaign: Campaign, user, *, order: str = "standardised") -> Sheet:
    from danvan.insights.review import review_board

    results = dict(Initiative.Result.choices)
    board = review_board(campaign, user, order=order)
    return Sheet(
        _("Bình xét %(year)s") % {"year": campaign.year},
        [_("Hạng"), _("Tên mô hình"), _("Đơn vị"), _("Loại"), _("Đoàn khảo sát"), _("Điểm của đoàn"),
         _("Điểm tự đánh giá"), _("Điểm"), _("Điểm quy đổi"), _("Chênh lệch"), _("Chỉ tiêu đạt (%)"),
         _("Báo cáo đã gửi"), _("Báo cáo phải gửi"), _("Ý kiến người dân"), _("Điểm hài lòng"), _("Lưu ý"),
         _("Kết quả bình xét")],
        (
            [r.rank, r.initiative.title, r.initiative.unit.name, r.initiative.get_kind_display(), r.team,
             r.team_total, r.self_total, r.raw, r.standardised, r.gap, r.indicator_percent, r.reports_sent,
             r.reports_due, r.feedback_count, r.feedback_average, "; ".join(f.label for f in r.flags),
             str(results.get(r.initiative.result, "")) if r.initiative.result else ""]
            for r in board.rows
        ),
        [7, 60, 40, 10, 18, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 40, 14],
    )  # fmt: skip


def reporting_sheet(campaign: Campaign, user) -> Sheet:
    from danvan.insights.checking import reporting

    data = reporting(campaign, user)
    return Sheet(
        _("Báo cáo định kỳ %(year)s") % {"year": campaign.year},
        [_("Mã đơn vị"), _("Đơn vị"), _("Phải nộp"), _("Đã nộp"), _("Đúng hạn"), _("Trễ hạn"), _("Chưa nộp"),
         _("Tỷ lệ nộp (%)"), _("Tỷ lệ đúng hạn (%)"),
         *[_("%(period)s: đã nộp") % {"period": p.name} for p in data.periods]],
        (
            [u.code, u.name, u.total.expected, u.total.submitted, u.total.on_time, u.total.late, u.total.missing,
             u.total.rate_percent, u.total.timeliness_percent, *[u.periods[p.pk].submitted for p in data.periods]]
            for u in data.units
        ),
        [14, 60, 10, 10, 10, 10, 10, 12, 12, *[12 for _p in data.periods]],
    )  # fmt: skip
