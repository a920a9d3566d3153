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
    result: str
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
    version: int  # sent back as ResultIn.expected_version: a decision based on an older state is refused


class IndicatorTotalOut(Schema):
    unit_of_measure: str
    target: Decimal
    actual: Decimal
    initiatives: int


class SummaryCheckingOut(SummaryOut):
    reports_expected: int
    reports_submitted: int
    reports_on_time: int
    reporting_rate_percent: float
    timeliness_percent: float
    surveyed: int
    surveyed_units: int
    self_assessed: int
    indicator_totals: list[IndicatorTotalOut]
    not_achieved: int
    recognised: int
    exemplary: int
    undecided: int
    commended: int
    commendations: int
    replications: int
    replicated: int


class PeriodRef(Schema):
    id: int
    name: str
    starts_on: date
    ends_on: date
    due_on: date


class ValueOut(Schema):
    indicator: int
    name: str
    unit_of_measure: str
    target: Decimal
    value: Decimal


class EvidenceOut(Schema):
    id: int
    name: str
    caption: str
    content_type: str
    size: int


class ReportOut(Schema):
    id: int
    initiative: int
    initiative_title: str
    unit: OrgRef
    period: PeriodRef
    status: str
    submitted_at: datetime | None
    on_time: bool | None
    activities: str
    reached: str
    effect: str
    difficulties: str
    review_comment: str
    version: int  # sent back as ReportIn.version: an edit based on an older report is refused
    values: list[ValueOut]
    evidence: list[EvidenceOut]


class ReportIn(Schema):
    initiative: int
    period: int
    values: dict[int, str] = {}
    activities: str | None = None
    reached: str | None = None
    effect: str | None = None
    difficulties: str | None = None
    version: int  # ReportOut.version as last read, 0 when there was no report yet
    submit: bool = False


class IndicatorValueOut(Schema):
    initiative: int
    report: int
    period: int
    period_name: str
    indicator: int
    name: str
    unit_of_measure: str
    target: Decimal
    value: Decimal


class RatePeriodOut(Schema):
    period: int
    expected: int
    submitted: int
    on_time: int


class ReportingUnitOut(Schema):
    unit: int
    code: str
    name: str
    expected: int
    submitted: int
    on_time: int
    periods: list[RatePeriodOut]


class ReportingOut(Schema):
    campaign: int
    expected: int
    submitted: int
    on_time: int
    reporting_rate_percent: float
    timeliness_percent: float
    by_period: list[RatePeriodOut]
    units: list[ReportingUnitOut]


class CriterionOut(Schema):
    id: int
    applies_to: str
    name: str
    guidance: str
    max_score: int
    weight: Decimal


class MemberOut(Schema):
    id: int
    name: str
    is_leader: bool


class TeamOut(Schema):
    id: int
    campaign: int
    name: str
    members: list[MemberOut]
    initiatives: list[int]


class AssignmentOut(Schema):
    id: int
    team: int
    team_name: str
    initiative: int
    initiative_title: str
    unit: OrgRef


class ScoreOut(Schema):
    criterion: int
    name: str
    max_score: int
    weight: Decimal
    value: Decimal
    note: str


class AssessmentOut(Schema):
    id: int
    initiative: int
    kind: str
    team: int | None
    assessor: str | None
    status: str
    total: Decimal | None
    submitted_at: datetime | None
    comment: str
    version: int  # send it back as AssessmentIn.version: a save over a change made since is refused
    scores: list[ScoreOut]


class ScoreIn(Schema):
    value: str | None = None
    note: str = ""


class AssessmentIn(Schema):
    initiative: int
    kind: str
    scores: dict[int, ScoreIn] = {}
    comment: str = ""
    # AssessmentOut.version as last read, 0 when there was none yet: a save over a change made since is refused.
    version: int
    submit: bool = False


# --- Year-end review ------------------------------------------------------------------------------------------


class FlagOut(Schema):
    code: str
    label: str
    detail: str
    other: int | None


class ReviewRowOut(Schema):
    rank: int | None
    initiative: int
    title: str
    unit: OrgRef
    kind: str
    team: str
    team_total: Decimal | None
    self_total: Decimal | None
    raw: Decimal | None
    standardised: Decimal | None
    gap: Decimal | None
    indicator_percent: float | None
    reports_sent: int
    reports_due: int
    feedback_count: int
    feedback_average: float | None
    flags: list[FlagOut]
    rounds: list[int]
    result: str


class ResultIn(Schema):
    result: str
    reason: str
    expected_version: int  # the initiative's version as last read (InitiativeOut.version)


class ResultOut(Schema):
    id: int
    result: str
    result_reason: str
    result_decided_at: datetime | None
    version: int


class CommendationEntryIn(Schema):
    initiative: int
    honouree: str = ""
    honouree_kind: str = ""
    citation: str = ""


class CommendationIn(Schema):
    campaign: int
    number: str
    issued_on: date
    issuer: str
    form: str
    title: str
    signer_name: str
    signer_title: str
    entries: list[CommendationEntryIn]


class CommendationEntryOut(Schema):
    id: int
    initiative: int
    initiative_title: str
    unit: OrgRef
    honouree_kind: str
    honouree: str
    citation: str
    assessment: int | None
    total_at_decision: Decimal | None


class CommendationOut(Schema):
    id: int
    campaign: int
    number: str
    issued_on: date
    issuer: str
    issuing_org: OrgRef
    form: str
    title: str
    signer_name: str
    signer_title: str
    entries: list[CommendationEntryOut]


class InitiativeRef(Schema):
    id: int
    title: str
    unit: OrgRef
    year: int
    status: str
    result: str


class ReplicationOut(Schema):
    id: int
    original: InitiativeRef
    replica: InitiativeRef
    created_at: datetime


class ReplicateIn(Schema):
    campaign: int
    unit: int
    title: str = ""


# --- Public showcase: only what the bloc published; no internal field ever appears here. --------------------------


class PublicUnit(Schema):
    name: str


class PublicIndicator(Schema):
    name: str
    unit_of_measure: str
    target: Decimal
    actual: Decimal


class PublicPhoto(Schema):
    url: str
    caption: str


class PublicHonour(Schema):
    form: str
    decision_number: str
    issued_on: date
    issuer: str
    honouree: str


class PublicCopy(Schema):
    title: str
    unit: str
    year: int


class PublicFeedbackFigures(Schema):
    count: int
    average_rating: float | None


class PublicOpinion(Schema):
    rating: int
    comment: str
    author_name: str
    author_area: str
    created_on: date


class ShowcaseOut(Schema):
    id: int
    url: str
    title: str
    campaign: int
    year: int
    unit: PublicUnit
    kind: str
    fields: list[str]
    summary: str
    implementers: str
    beneficiaries: str
    results: str
    published_at: datetime | None
    indicators: list[PublicIndicator]
    photos: list[PublicPhoto]
    honours: list[PublicHonour]
    copies: list[PublicCopy]
    feedback: PublicFeedbackFigures


class ShowcaseDetailOut(ShowcaseOut):
    opinions: list[PublicOpinion]


class FeedbackIn(Schema):
    rating: int
    comment: str
    author_name: str = ""
    author_area: str = ""


class FeedbackAccepted(Schema):
    detail: str


class FeedbackOut(Schema):
    id: int
    initiative: int
    initiative_title: str
    rating: int
    comment: str
    author_name: str
    author_area: str
    status: str
    created_at: datetime
    rejection_reason: str


class ModerateIn(Schema):
    approve: bool
    reason: str = ""
    expected_status: str | None = None  # FeedbackOut.status as last read: a decision on a stale state is refused
