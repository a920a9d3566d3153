"""Printable documents of a commendation decision: the decision with its list of honoured entries (A4 portrait,
in the Party document format of Hướng dẫn 36-HD/VPTW) and the certificates (A4 landscape, one per page).

Rendered by WeasyPrint from Django templates. The font is the vendored Liberation Serif (metric-compatible with
Times New Roman, complete Vietnamese), loaded from the static folder by a file:// URL: no system font and no
network are needed, so the server of an intranet prints exactly what a developer sees.
"""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from danvan.core.text import fold
from danvan.recognition.models import Commendation, CommendationEntry

FONT_DIR = "vendor/liberation-serif"
FONT_FAMILY = "Liberation Serif"
_FACES = (("Regular", 400, "normal"), ("Bold", 700, "normal"), ("Italic", 400, "italic"), ("BoldItalic", 700, "italic"))
# "… thành phố Hải Phòng", "… tỉnh Quảng Ninh": the place written before a document's date.
_PLACE = re.compile(r"\b(thành phố|tỉnh|TP\.?)\s+([^,;()]+)$", re.IGNORECASE)
_STANDING = "ban thuong vu "
# Article 1 of the decision: what is given.
AWARD: dict[str, object] = {
    Commendation.Form.PRAISE: _("Biểu dương"),
    Commendation.Form.CERTIFICATE: _("Tặng Giấy khen cho"),
    Commendation.Form.MERIT: _("Tặng Bằng khen cho"),
}


def font_faces() -> str:
    """@font-face rules for the four Liberation Serif styles, from the static files on this machine."""
    rules = []
    for style, weight, slant in _FACES:
        found = finders.find(f"{FONT_DIR}/LiberationSerif-{style}.ttf")
        if not found:
            raise FileNotFoundError(f"{FONT_DIR}/LiberationSerif-{style}.ttf")
        path = found if isinstance(found, str) else found[0]
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{Path(path).resolve().as_uri()}"); '
            f"font-weight: {weight}; font-style: {slant}; }}"
        )
    return "\n".join(rules)


def place_of(*names: str) -> str:
    """The city or province named at the end of an organisation's name ("… thành phố Hải Phòng" → "Hải Phòng")."""
    for name in names:
        m = _PLACE.search((name or "").strip())
        if m:
            return m.group(2).strip()
    return ""


def party_date(day: date, place: str = "") -> str:
    """ "Hải Phòng, ngày 05 tháng 02 năm 2018": days below 10 and months 1 and 2 take a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{place}, {text}" if place else text.capitalize()


@dataclass
class Letterhead:
    superior: str  # the body above the issuing one (top left, first line), may be empty
    issuing_body: str  # bold, with a "*" under it
    on_behalf: str  # "T/M BAN THƯỜNG VỤ"
    place_date: str
    issuer_caps: str  # "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI …", the body that decides


def upper(text: str) -> str:
    return (text or "").upper()


def letterhead(commendation: Commendation) -> Letterhead:
    """The header and signature lines of the decision, from the issuer's name and the issuing organisation.

    "Ban Thường vụ Đảng ủy Khối các cơ quan thành phố" issues: the header names the committee ("ĐẢNG ỦY KHỐI …"),
    the signature reads "T/M BAN THƯỜNG VỤ". The superior body is the issuing organisation's parent, or, for a
    top-level bloc, the city or province its name ends with.
    """
    org = commendation.issuing_org
    issuer = commendation.issuer.strip()
    if fold(issuer).startswith(_STANDING):
        body = issuer[len(_STANDING) :].strip() or org.name
        on_behalf = "T/M BAN THƯỜNG VỤ"
    else:
        body, on_behalf = issuer or org.name, f"T/M {upper(issuer or org.name)}"
    place = place_of(org.name, body, org.parent.name if org.parent else "")
    if org.parent is not None:
        superior = org.parent.name
    elif place:
        kind = "tỉnh" if re.search(r"\btỉnh\b", org.name, re.IGNORECASE) else "thành phố"
        superior = f"Đảng bộ {kind} {place}"
    else:
        superior = ""
    return Letterhead(
        superior=upper(superior),
        issuing_body=upper(body),
        on_behalf=on_behalf,
        place_date=party_date(commendation.issued_on, place),
        issuer_caps=upper(issuer or org.name),
    )


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    # Documents are Vietnamese whatever the interface language: they are the Party's papers.
    with translation.override("vi"):
        html = render_to_string(template, {**context, "font_faces": font_faces()})
    fonts = FontConfiguration()
    return HTML(string=html, base_url=str(Path(__file__).resolve().parent)).write_pdf(font_config=fonts)


def _context(commendation: Commendation, entries: list[CommendationEntry]) -> dict:
    return {
        "c": commendation,
        "entries": entries,
        "head": letterhead(commendation),
        "form_title": upper(commendation.get_form_display()),
        "award": AWARD.get(commendation.form) or commendation.get_form_display(),
        "issued": commendation.issued_on.strftime("%d/%m/%Y"),
        "year": commendation.campaign.year,
    }


def decision_pdf(commendation: Commendation, entries: list[CommendationEntry]) -> bytes:
    """The decision and its list of honoured entries, A4 portrait."""
    return render_pdf("recognition/pdf/decision.html", _context(commendation, entries))


def certificates_pdf(commendation: Commendation, entries: list[CommendationEntry]) -> bytes:
    """One certificate per entry, one per A4 landscape page."""
    return render_pdf("recognition/pdf/certificates.html", _context(commendation, entries))


def filename(commendation: Commendation, what: str) -> str:
    """An ASCII file name: "quyet-dinh-125-qd-duk.pdf"."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(commendation.number)).strip("-") or str(commendation.pk)
    return f"{what}-{slug}.pdf"
