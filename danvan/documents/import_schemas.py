"""API schemas of spreadsheet imports."""

from datetime import datetime

from ninja import Schema


class ImportProblemOut(Schema):
    row: int | None
    column: str
    cell: str = ""
    message: str
    level: str  # error | skip | notice


class ImportBatchOut(Schema):
    id: int
    campaign: int
    original_name: str
    status: str  # previewed | applied | refused
    created_at: datetime
    row_count: int
    create_count: int
    skip_count: int
    error_count: int
    can_apply: bool
    problems: list[ImportProblemOut]
    applied_at: datetime | None = None
    created_count: int = 0
    created_ids: list[int] = []


class ImportAppliedOut(Schema):
    id: int
    status: str
    created_count: int
    created_ids: list[int]
    skip_count: int


class ImportRefusedOut(Schema):
    detail: str
    field: str | None = None
    problems: list[ImportProblemOut]
