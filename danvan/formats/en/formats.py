"""Dates stay dd/mm/yyyy in the English interface too: the documents are Vietnamese."""

from danvan.formats.vi.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
