from django.db.models import Prefetch
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from danvan.api.pagination import Pages
from danvan.api.schemas import ErrorOut, InitiativeDetailOut, InitiativeOut
from danvan.initiatives.models import Indicator, Initiative
from danvan.initiatives.selectors import filter_initiatives, initiative_for_user

router = Router(tags=["initiatives"])


class InitiativeFilter(Schema):
    campaign: int | None = None
    unit: str | None = None
    kind: Initiative.Kind | None = None
    field: str | None = None
    status: Initiative.Status | None = None
    q: str | None = None
    stage: str | None = None
    result: Initiative.Result | None = None


def _out(i: Initiative) -> dict:
    return {
        "id": i.pk,
        "title": i.title,
        "campaign": i.campaign_id,
        "year": i.campaign.year,
        "unit": i.unit,
        "kind": i.kind,
        "fields": list(i.fields.all()),
        "status": i.status,
        "indicators": list(i.indicators.all()),
        "carried_over_from": i.carried_over_from_id,
        "result": i.result,
        "submitted_at": i.submitted_at,
        "accepted_at": i.accepted_at,
    }


@router.get("", response=list[InitiativeOut], summary="Danh sách mô hình (lọc, tìm không dấu)")
@paginate(Pages, page_size=50)
def list_initiatives(request, filters: Query[InitiativeFilter]):
    qs = (
        filter_initiatives(request.user, **filters.dict())
        .select_related("campaign", "unit")
        .prefetch_related("fields", Prefetch("indicators", queryset=Indicator.objects.order_by("position", "id")))
    )
    return _Lazy(qs)


class _Lazy:
    """Lets the paginator slice the queryset first, then shapes only that page's rows."""

    def __init__(self, qs):
        self.qs = qs

    def count(self):
        return self.qs.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        return [_out(i) for i in self.qs[item]]


@router.get("/{initiative_id}", response={200: InitiativeDetailOut, 404: ErrorOut}, summary="Một mô hình")
def get_initiative(request, initiative_id: int):
    initiative, _perms = initiative_for_user(request.user, initiative_id)
    out = _out(initiative)
    for name in InitiativeDetailOut.model_fields:
        if name not in out:
            out[name] = getattr(initiative, name)
    return out
