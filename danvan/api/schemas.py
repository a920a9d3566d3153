from datetime import date, datetime
from decimal import Decimal

from ninja import Schema


class ErrorOut(Schema):
    detail: str
    field: str | None = None


class OrgRef(Schema):
    id: int
    code: str
    name: str


class FieldRef(Schema):
    id: int
    code: str
    name: str


class CampaignOut(Schema):
    id: int
    year: int
    name: str
    phase: str
    status: str
    organization: OrgRef
    launch_document_number: str
    launch_document_date: date | None
    registration_opens: date
    registration_closes: date
    quota_min: int
    quota_max: int
    fields: list[FieldRef]


class FieldCount(Schema):
    id: int
    code: str
    name: str
    count: int


class SummaryOut(Schema):
    campaign: int
    year: int
    units_total: int
    units_registered: int
    participation_percent: float
    initiatives: int
    collective: int
    individual: int
    by_status: dict[str, int]
    by_field: list[FieldCount]


class IndicatorOut(Schema):
    name: str
    unit_of_measure: str
    baseline: Decimal | None
    target: Decimal


class InitiativeOut(Schema):
    id: int
    title: str
    campaign: int
    year: int
    unit: OrgRef
    kind: str
    fields: list[FieldRef]
    status: str
    indicators: list[IndicatorOut]
    carried_over_from: int | None
    submitted_at: datetime | None
    accepted_at: datetime | None


class InitiativeDetailOut(InitiativeOut):
    situation: str
    goals: str
    method: str
    area: str
    target_groups: str
    beneficiaries: str
    implementers: str
    resources: str
    timeline: str
    starts_on: date | None
    ends_on: date | None
    expected_outputs: str
    sustainability: str
    return_comment: str
