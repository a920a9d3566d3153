"""The API's page numbers, bounded: a page past what a 64-bit OFFSET can hold is bad input (400), not a failure of
the database."""

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=10**9)
        page_size: int | None = Field(None, ge=1, le=10**9)
