"""Open data through the API: the published totals of finished campaigns, for anyone."""

from ninja import Router, Schema

from danvan.insights import open_data

router = Router(tags=["open data"])


class OpenStatisticsOut(Schema):
    campaign: int
    year: int
    campaign_name: str
    organization: str
    units_total: int
    units_registered: int
    participation_percent: float
    initiatives: int
    collective: int
    individual: int
    surveyed: int
    self_assessed: int
    recognised: int
    exemplary: int
    not_achieved: int
    commended: int
    replications: int


class OpenFieldStatisticsOut(Schema):
    campaign: int
    year: int
    field_code: str
    field: str
    initiatives: int


@router.get(
    "/open/statistics",
    response=list[OpenStatisticsOut],
    auth=None,
    summary="Số liệu tổng hợp của các đợt phát động đã kết thúc (dữ liệu mở, không cần đăng nhập)",
)
def statistics(request):
    return open_data.open_statistics()[0]


@router.get(
    "/open/statistics/fields",
    response=list[OpenFieldStatisticsOut],
    auth=None,
    summary="Số mô hình theo lĩnh vực của các đợt đã kết thúc (dữ liệu mở)",
)
def statistics_by_field(request):
    return open_data.open_statistics()[1]
