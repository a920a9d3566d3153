"""Text normalisation: every Vietnamese string is stored in NFC; search compares diacritic-folded text."""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

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


_GROUPED_DOTS = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+$")


def parse_number(value) -> Decimal:
    """A non-negative number from a number cell or text as Vietnamese write it: "1.250" (one thousand two
    hundred and fifty), "1.250,5", "12,5"; "12.5" and "1,250,000" are understood too. ValueError otherwise."""
    if isinstance(value, bool) or value is None:
        raise ValueError(value)
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    else:
        text = re.sub(r"\s+", "", clean_text(str(value)))
        dots, commas = text.count("."), text.count(",")
        if dots and commas:
            if text.rfind(",") > text.rfind("."):  # 1.250,5
                text = text.replace(".", "").replace(",", ".")
            else:  # 1,250.5
                text = text.replace(",", "")
        elif commas > 1:  # 1,250,000
            text = text.replace(",", "")
        elif commas == 1:  # 12,5
            text = text.replace(",", ".")
        elif dots > 1 or _GROUPED_DOTS.match(text):  # 1.250 or 1.250.000
            text = text.replace(".", "")
        if not re.fullmatch(r"\d+(\.\d+)?", text):
            raise ValueError(value)
        try:
            number = Decimal(text)
        except InvalidOperation as exc:
            raise ValueError(value) from exc
    if not number.is_finite() or number < 0 or number >= Decimal("1e12"):
        raise ValueError(value)
    return number
