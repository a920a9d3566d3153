"""Text normalisation: every Vietnamese string is stored in NFC; search compares diacritic-folded text."""

import re
import unicodedata

from django.db import models
from django.utils.text import capfirst

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_ALL_SPACE = re.compile(r"\s+")


def clean_text(value: str | None, *, multiline: bool = False) -> str:
    """NFC, non-breaking spaces made plain, runs of spaces folded, outer whitespace stripped."""
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    if multiline:
        lines = [_SPACES.sub(" ", line).strip() for line in value.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return _ALL_SPACE.sub(" ", value).strip()


def fold(value: str | None) -> str:
    """Lower-case text without diacritics: "Trợ giúp Pháp lý" -> "tro giup phap ly"."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", str(value))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _ALL_SPACE.sub(" ", stripped).strip().lower()


def model_label(model: type[models.Model], name: str) -> str:
    """A model field's verbose name with a capital first letter, for labels and messages."""
    field = model._meta.get_field(name)
    return capfirst(str(getattr(field, "verbose_name", name)))
