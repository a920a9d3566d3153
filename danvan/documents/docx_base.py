"""The page, fonts and building blocks of the year's-end Word documents.

Two formats: a Party document (Hướng dẫn 36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT NAM" top right, margins 25/25/35/15 mm)
and a State one (Nghị định 30/2020/NĐ-CP: the national motto block, margins 20/20/30/15 mm). Both are A4, set in
Times New Roman, numbered from the second page at the top centre. The blocks — header, title, statistic tables,
signature and recipients — are what the report, the proposal and the achievement report share; the figures in
them come from danvan.insights and are only formatted here.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from io import BytesIO
from typing import Any

from django.contrib.staticfiles import finders
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from danvan.insights.statistics import Table, as_number
from danvan.orgs.models import Organization
from danvan.recognition.pdf import FONT_DIR, Letterhead, letterhead, place_of

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
TABLE_SIZE = 12  # points, inside every table of figures
KEEP_TOGETHER = 10  # a table of at most this many rows is not split across pages
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_FIRST_LINE = Mm(10)  # paragraphs start 1 cm in, in both formats


@dataclass(frozen=True)
class PageFormat:
    """A4 paper and the margins, in millimetres, of one document format."""

    name: str
    top: float
    bottom: float
    left: float
    right: float
    header: float = 10.0  # the page number's distance from the top edge
    width: float = 210.0
    height: float = 297.0

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def is_party(self) -> bool:
        return self.name == "party"


# Hướng dẫn 36-HD/VPTW, front side of a Party document.
PARTY = PageFormat("party", top=25, bottom=25, left=35, right=15)
# Nghị định 30/2020/NĐ-CP, Phụ lục I: a State administrative document.
STATE = PageFormat("state", top=20, bottom=20, left=30, right=15)


def figure(value: Any) -> str:
    """A figure as a Vietnamese office writes it: "1.250", "64,6", "15/01/2018"; "-" when there is none.

    Call it inside `translation.override("vi")`: the separators are the active language's.
    """
    if value is None or value == "":
        return "-"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    value = as_number(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return number_format(value, force_grouping=True)
    return str(value)


def lower_first(text: str) -> str:
    """ "Phong trào thi đua …" → "phong trào thi đua …", to continue a sentence with a name."""
    return text[:1].lower() + text[1:] if text else text


_STYLES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}


@lru_cache(maxsize=4)
def _face(bold: bool, italic: bool):
    from PIL import ImageFont

    found = finders.find(f"{FONT_DIR}/LiberationSerif-{_STYLES[(bold, italic)]}.ttf")
    if not found:
        return None
    return ImageFont.truetype(found if isinstance(found, str) else found[0], 100)


def text_width(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """The width in millimetres of one line of Times New Roman, measured with its metric twin Liberation Serif
    (vendored for the PDFs); a rough estimate if the font is missing."""
    face = _face(bold, italic)
    points = face.getlength(text) * size / 100 if face is not None else len(text) * size * 0.5
    return points * 25.4 / 72


# The party committee of an organisation: "Đảng bộ Sở Y tế" is led by "Đảng ủy Sở Y tế".
_PARTY_BODY = re.compile(r"^Đảng bộ\b", re.IGNORECASE)


def committee_name(org: Organization) -> str:
    """The committee that signs for a party organisation, as its documents name it: "Đảng bộ Khối các cơ quan
    thành phố Hải Phòng" → "Đảng ủy Khối các cơ quan thành phố" (the superior line already names the city)."""
    name = _PARTY_BODY.sub("Đảng ủy", org.name.strip())
    place = place_of(org.name)
    if org.parent is None and place and name.endswith(" " + place):
        name = name[: -len(place) - 1]
    return name


def standing_committee(org: Organization) -> str:
    """ "Ban Thường vụ Đảng ủy Khối các cơ quan thành phố": who issues the bloc's reports and proposals."""
    return _("Ban Thường vụ %(body)s") % {"body": committee_name(org)}


def party_letterhead(org: Organization, day: date) -> Letterhead:
    """The header and signature lines of a document the standing committee of `org` issues on `day`, by the
    rules of the commendation decision's letterhead (an unsaved decision carries the issuer and the date)."""
    from danvan.recognition.models import Commendation

    return letterhead(Commendation(issuing_org=org, issuer=standing_committee(org), issued_on=day))


def higher_committee(org: Organization) -> str:
    """ "Thành ủy" or "Tỉnh ủy": the committee above a city or province bloc, for the recipients' lines."""
    return _("Tỉnh ủy") if re.search(r"\btỉnh\b", org.name, re.IGNORECASE) else _("Thành ủy")


def number_suffix(launch_number: str, body: str) -> str:
    """The issuer's code in a document number: "ĐUK" from the launching document "292-CV/ĐUK", or the initials
    of the committee's first words ("Đảng ủy Khối …" → "ĐUK")."""
    if "/" in launch_number:
        return launch_number.rsplit("/", 1)[1].strip()
    # The bare letter of each initial: "ủy" gives "U" ("Đ" is a letter of its own and stays).
    return "".join(unicodedata.normalize("NFD", w)[0] for w in body.split()[:3]).upper()


def document_number(number: str, kind: str, suffix: str, *, state: bool = False) -> str:
    """ "Số 15-BC/ĐUK" (Party) or "Số: 15/TTr-ĐUK" (State); a number typed in full is kept as it is, and an empty
    one leaves the blank the office fills in when it registers the document."""
    number = (number or "").strip()
    if not re.fullmatch(r"\d*", number):
        text = number
    elif state:
        text = f"{number or ' ' * 6}/{kind}-{suffix}"
    else:
        text = f"{number or ' ' * 6}-{kind}/{suffix}"
    return (_("Số: %(n)s") if state else _("Số %(n)s")) % {"n": text}


@dataclass
class Signer:
    authority: str  # quyền hạn: "T/M BAN THƯỜNG VỤ"
    position: str  # chức vụ: "PHÓ BÍ THƯ"
    name: str  # họ tên, or a placeholder to fill in


def _fonts(rpr) -> None:
    """Times New Roman for every script (Latin, complex, East Asian): Vietnamese never falls back to a theme font."""
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    rpr.insert(0, fonts)


def _language(rpr) -> None:
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)


# The order of a table's properties in WordprocessingML: Word refuses a file whose children are out of order.
_TABLE_PROPERTIES = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
)


def _put(parent, element, order: Sequence[str] = _TABLE_PROPERTIES) -> None:
    """Insert `element` among `parent`'s children where the schema's `order` wants it (replacing one of its kind)."""
    tag = element.tag
    for old in parent.findall(tag):
        parent.remove(old)
    names = [qn(t) for t in order]
    later = set(names[names.index(tag) + 1 :])
    for child in parent:
        if child.tag in later:
            child.addprevious(element)
            return
    parent.append(element)


def _child(parent, tag: str):
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


class WordDocument:
    """One document being written: the page set up for its format, and methods adding its blocks in order."""

    def __init__(self, page: PageFormat, *, title: str, author: str, size: float = 14) -> None:
        self.page = page
        self.size = size
        self.landscape = False
        self.room = page.text_width  # the width (mm) between the margins of the current section
        self.doc = Document()
        self._defaults()
        self._page_setup()
        props = self.doc.core_properties
        props.title = title
        props.author = author
        props.last_modified_by = author
        props.language = LANGUAGE
        props.comments = ""
        props.revision = 1
        props.created = props.modified = timezone.now()
        # python-docx's template carries a thumbnail of its own sample page: file browsers would show it.
        package = self.doc.part.package
        for key, rel in list(package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                del package.rels[key]

    # -- page and defaults -------------------------------------------------------------------------------------

    def _defaults(self) -> None:
        styles = self.doc.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _fonts(rpr)
        _language(rpr)
        for tag in ("w:sz", "w:szCs"):
            _child(rpr, tag).set(qn("w:val"), str(int(self.size * 2)))
        spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(self.size)
        _fonts(normal.element.get_or_add_rPr())
        _language(normal.element.get_or_add_rPr())

    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        p = self.page
        section.page_width, section.page_height = Mm(p.width), Mm(p.height)
        section.top_margin, section.bottom_margin = Mm(p.top), Mm(p.bottom)
        section.left_margin, section.right_margin = Mm(p.left), Mm(p.right)
        section.header_distance, section.footer_distance = Mm(p.header), Mm(10)
        # Pages are numbered from the second: the first page has its own, empty header.
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        number = section.header.paragraphs[0]
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._page_field(number)

    def _page_field(self, paragraph: Paragraph) -> None:
        def char(kind: str) -> None:
            run = self.run(paragraph, "")
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)

        char("begin")
        instruction = OxmlElement("w:instrText")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = " PAGE "
        self.run(paragraph, "")._r.append(instruction)
        char("separate")
        self.run(paragraph, "2")
        char("end")

    # -- text --------------------------------------------------------------------------------------------------

    def run(
        self,
        paragraph: Paragraph,
        text: str,
        *,
        size: float | None = None,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        highlight: bool = False,
    ) -> Run:
        run = paragraph.add_run(text)
        run.font.name = FONT
        _fonts(run._r.get_or_add_rPr())
        run.font.size = Pt(size or self.size)
        run.bold = bold or None
        run.italic = italic or None
        run.underline = underline or None
        if highlight:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        return run

    def paragraph(
        self,
        text: str = "",
        *,
        container: Any = None,
        size: float | None = None,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        highlight: bool = False,
        align: str = "justify",
        indent: bool = True,
        before: float = 0,
        after: float = 6,
        line: float = 1.15,
        keep_next: bool = False,
    ) -> Paragraph:
        """A paragraph of body text (justified, 1 cm first line, 6 pt after) or, with the options, any other line.
        `container` is a table cell for the blocks laid out in columns; its first empty paragraph is reused."""
        paragraph = self._new_paragraph(container)
        paragraph.alignment = _ALIGN[align]
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = _FIRST_LINE if indent else Mm(0)
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = line
        if keep_next:
            fmt.keep_with_next = True
        if text:
            self.run(paragraph, text, size=size, bold=bold, italic=italic, underline=underline, highlight=highlight)
        return paragraph

    def _new_paragraph(self, container: Any) -> Paragraph:
        if isinstance(container, _Cell):
            first = container.paragraphs[0]
            if len(container.paragraphs) == 1 and not first.text and not first.runs:
                return first
            return container.add_paragraph()
        return self.doc.add_paragraph()

    def heading(self, text: str, level: int = 1) -> Paragraph:
        """ "I. KẾT QUẢ THỰC HIỆN" (level 1), "1. Kết quả đăng ký" (2), "a) …" (3): bold, kept with what follows, and
        in the document outline so that the navigation pane finds them."""
        paragraph = self.paragraph(
            text, bold=True, italic=level >= 3, before=6 if level == 1 else 3, after=6, keep_next=True
        )
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(level - 1))
        paragraph._p.get_or_add_pPr().append(outline)
        return paragraph

    def note(self, text: str) -> Paragraph:
        """An italic, highlighted line for the person who edits the draft: removed before signing."""
        return self.paragraph(text, italic=True, highlight=True, after=6)

    def rule(self, width: float, *, container: Any = None, within: float | None = None, after: float = 0) -> None:
        """A short centred horizontal line `width` mm long (NĐ 30/2020: under the issuing body, the motto and the
        subject), drawn as the bottom border of an empty paragraph indented from both sides of its column."""
        paragraph = self._new_paragraph(container)
        room = within if within is not None else self.page.text_width
        side = max(0.0, (room - width) / 2)
        fmt = paragraph.paragraph_format
        fmt.left_indent, fmt.right_indent, fmt.first_line_indent = Mm(side), Mm(side), Mm(0)
        fmt.space_before, fmt.space_after = Pt(0), Pt(after)
        fmt.line_spacing = Pt(3)
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        ppr = paragraph._p.get_or_add_pPr()
        # pBdr comes before spacing and indentation in a paragraph's properties.
        anchor = ppr.find(qn("w:spacing"))
        if anchor is not None:
            anchor.addprevious(borders)
        else:
            ppr.append(borders)

    def page_break(self) -> None:
        paragraph = self.paragraph(after=0, line=1.0, indent=False)
        self.run(paragraph, "").add_break(WD_BREAK.PAGE)

    def new_section(self, *, landscape: bool) -> None:
        """Go on on a new page turned `landscape` or back (for a wide appendix table): same margins, numbered."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        p = self.page
        width, height = (p.height, p.width) if landscape else (p.width, p.height)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.different_first_page_header_footer = False
        self.landscape = landscape
        self.room = width - p.left - p.right

    # -- header blocks -----------------------------------------------------------------------------------------

    def layout(self, widths: Sequence[float], *, shift: float = 0) -> list[_Cell]:
        """A borderless one-row table whose cells hold blocks side by side (header, signature); `shift` mm moves
        it left of the text's edge (a negative indent), for a header block wider than the text."""
        table = self.doc.add_table(rows=1, cols=len(widths))
        self._fix_widths(table, widths)
        props = table._tbl.tblPr
        if shift:
            table.alignment = None
            indent = OxmlElement("w:tblInd")
            indent.set(qn("w:w"), str(-round(shift * 1440 / 25.4)))
            indent.set(qn("w:type"), "dxa")
            _put(props, indent)
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            element = OxmlElement(f"w:{edge}")
            element.set(qn("w:val"), "nil")
            borders.append(element)
        _put(props, borders)
        margins = OxmlElement("w:tblCellMar")
        for edge in ("left", "right"):
            element = OxmlElement(f"w:{edge}")
            element.set(qn("w:w"), "0")
            element.set(qn("w:type"), "dxa")
            margins.append(element)
        _put(props, margins)
        row = table.rows[0]
        self._cant_split(row)
        return list(row.cells)

    def _line(self, cell: _Cell, text: str, **style: Any) -> Paragraph:
        style.setdefault("after", 0)
        return self.paragraph(text, container=cell, align="center", indent=False, line=1.0, **style)

    def party_header(self, head: Letterhead, number: str) -> None:
        """36-HD/VPTW: the superior and issuing bodies, "*" and the number top left; "ĐẢNG CỘNG SẢN VIỆT NAM"
        (15, bold, underlined) and the place and date in italics top right."""
        # The block reaches 8 mm into the left margin so that the widest lines ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG",
        # "ĐẢNG CỘNG SẢN VIỆT NAM", the date) stand side by side with a clear gap.
        left, right = self.layout([86.0, self.page.text_width + 8 - 86.0], shift=8)
        if head.superior:
            self._line(left, head.superior)
        self._line(left, head.issuing_body, bold=True)
        self._line(left, "*")
        self._line(left, number)
        self._line(right, _("ĐẢNG CỘNG SẢN VIỆT NAM"), size=15, bold=True, underline=True)
        self._line(right, head.place_date, italic=True, before=10)

    def state_header(self, *, superior: str, issuing_body: str, number: str, place_date: str) -> None:
        """NĐ 30/2020: the bodies (issuing one bold, a short line under it) and the number top left; the national
        motto block (13 and 14, bold, a line as long as the motto under it) and the place and date top right."""
        # 10 mm into the left margin, so that the superior body (13, ~74 mm for "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG") and
        # the national title (13, bold, ~95 mm) stand side by side on one line each.
        widths = [79.0, self.page.text_width + 10 - 79.0]
        left, right = self.layout(widths, shift=10)
        if superior:
            self._line(left, superior, size=13)
        self._line(left, issuing_body, size=13, bold=True)
        self.rule(min(text_width(issuing_body, 13, bold=True), widths[0]) / 3, container=left, within=widths[0])
        if number:
            self._line(left, number, size=13, before=6)
        self._line(right, _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), size=13, bold=True)
        motto = _("Độc lập - Tự do - Hạnh phúc")
        self._line(right, motto, bold=True)
        self.rule(text_width(motto, 14, bold=True), container=right, within=widths[1])
        self._line(right, place_date, italic=True, before=8)

    def title(
        self, kind: str, subject: str, *, rule: str = "party", size: float = 15, lines: Sequence[str] = ()
    ) -> None:
        """The document type in bold capitals and its subject (trích yếu) in bold under it, centred; then
        "-----" (`rule` "party", 36-HD), a short line ("state", NĐ 30) or nothing ("none"). `lines` follow the
        subject in the same style."""
        self.paragraph(kind, size=size, bold=True, align="center", indent=False, before=18, after=0, keep_next=True)
        for text in (subject, *lines):
            if text:
                self.paragraph(text, bold=True, align="center", indent=False, after=0, keep_next=True)
        if rule == "party":
            self.paragraph("-----", align="center", indent=False, after=12, line=1.0)
        elif rule == "state":
            width = min(text_width(subject, 14, bold=True), self.page.text_width) / 3
            self.rule(max(width, 25.0), after=12)

    # -- tables ------------------------------------------------------------------------------------------------

    def _fix_widths(self, table: WordTable, widths: Sequence[float]) -> None:
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False  # a fixed layout: the widths below hold in Word and LibreOffice alike
        width = OxmlElement("w:tblW")
        width.set(qn("w:w"), str(round(sum(widths) * 1440 / 25.4)))
        width.set(qn("w:type"), "dxa")
        _put(table._tbl.tblPr, width)
        for column, w in zip(table.columns, widths, strict=True):
            column.width = Mm(w)
        for row in table.rows:
            for cell, w in zip(row.cells, widths, strict=True):
                cell.width = Mm(w)

    @staticmethod
    def _cant_split(row, *, header: bool = False) -> None:
        props = row._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))
        if header:
            props.append(OxmlElement("w:tblHeader"))

    def grid(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        widths: Sequence[float],
        align: Sequence[str],
        totals: Sequence[int] = (),
        size: float = TABLE_SIZE,
    ) -> WordTable:
        """A table of figures: borders, a bold header row repeated on every page, `align` per column, the rows whose
        index is in `totals` in bold; the widths (mm) are scaled down to the text width if they exceed it."""
        room = self.room
        if sum(widths) > room:
            widths = [w * room / sum(widths) for w in widths]
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        self._fix_widths(table, widths)
        bold_rows = set(totals)
        for r, row in enumerate(table.rows):
            self._cant_split(row, header=r == 0)
            texts = header if r == 0 else rows[r - 1]
            for c, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                self.paragraph(
                    text,
                    container=cell,
                    size=size,
                    bold=r == 0 or (r - 1) in bold_rows,
                    align="center" if r == 0 else align[c],
                    indent=False,
                    before=2,
                    after=2,
                    line=1.0,
                    # The header row stays with the first row; a short table stays whole.
                    keep_next=r == 0 or (r < len(rows) and len(rows) <= KEEP_TOGETHER),
                )
        return table

    def caption(self, text: str) -> Paragraph:
        return self.paragraph(text, size=13, bold=True, align="center", indent=False, before=6, after=4, keep_next=True)

    def table_note(self, text: str) -> Paragraph:
        return self.paragraph(text, size=TABLE_SIZE, italic=True, before=2, after=6)

    def statistic_table(self, table: Table, *, caption: str = "", widths: Sequence[float] | None = None) -> WordTable:
        """One table of danvan.insights.statistics printed as it is: its column labels, its cells as figures,
        numbers right-aligned, dates centred, total rows bold, its note under it."""
        if caption:
            self.caption(caption)
        kinds = []
        for i, column in enumerate(table.columns):
            if column.numeric:
                kinds.append("right")
            elif table.rows and all(isinstance(r.cells[i], date) for r in table.rows):
                kinds.append("center")
            else:
                kinds.append("left")
        rows = [[figure(v) for v in r.cells] for r in table.rows]
        totals = [i for i, r in enumerate(table.rows) if r.total]
        word = self.grid(
            [c.label for c in table.columns],
            rows,
            widths=widths or default_widths([c.numeric for c in table.columns], self.room),
            align=kinds,
            totals=totals,
        )
        if table.note:
            self.table_note(table.note)
        else:
            self.paragraph(after=4, line=1.0)
        return word

    # -- signature ---------------------------------------------------------------------------------------------

    def recipients(self, names: Sequence[str], keep: str) -> list[str]:
        """ "- Thường trực Thành ủy," … "- Lưu Văn phòng." (Party) or "- Như trên;" … "- Lưu: VT, BDV." (State)."""
        mark = "," if self.page.is_party else ";"
        return [f"- {n}{mark}" for n in names] + [f"- {keep}."]

    def signature(self, *, recipients: Sequence[str], signer: Signer, seal_space: float = 70) -> None:
        """Recipients bottom left ("Nơi nhận:"), authority, position and name of the signer bottom right with room
        for the signature and seal, laid out side by side so that they stay together on one page."""
        left, right = self.layout([self.page.text_width * 0.48, self.page.text_width * 0.52])
        if self.page.is_party:
            self._cell_text(left, _("Nơi nhận:"), size=14, bold=True, italic=True, underline=True)
            size = 12.0
        else:
            self._cell_text(left, _("Nơi nhận:"), size=12, bold=True, italic=True)
            size = 11.0
        for line in recipients:
            self._cell_text(left, line, size=size)
        self._line(right, signer.authority, bold=True)
        self._line(right, signer.position, bold=True)
        self._line(right, signer.name, bold=True, before=seal_space)

    def signature_pair(self, left_title: str, right_title: str, note: str) -> None:
        """Two signers side by side, each with a note under the title ("(Ký, đóng dấu)")."""
        half = self.page.text_width / 2
        for cell, title in zip(self.layout([half, half]), (left_title, right_title), strict=True):
            self._line(cell, title, bold=True)
            self._line(cell, note, italic=True)
            self.paragraph(container=cell, after=0, line=1.0, before=60, indent=False)

    def _cell_text(self, cell: _Cell, text: str, **style: Any) -> Paragraph:
        return self.paragraph(text, container=cell, align="left", indent=False, after=0, line=1.0, **style)

    def to_bytes(self) -> bytes:
        out = BytesIO()
        self.doc.save(out)
        return out.getvalue()


def default_widths(numeric: Sequence[bool], room: float) -> list[float]:
    """Column widths (mm) for a table: numbers get 13–26 mm each, other text columns 30 mm, and the first column
    (the row's label) what is left."""
    count = sum(numeric)
    number = 26.0 if count <= 3 else max(13.0, min(22.0, (room - 55) / count))
    widths = [number if n else 30.0 for n in numeric]
    widths[0] = max(40.0, room - sum(widths[1:]))
    return widths
