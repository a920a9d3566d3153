"""The achievement report of a collective proposed for a Bằng khen (báo cáo thành tích), following Nghị định
98/2023/NĐ-CP, Phụ lục I, Mẫu số 02: I. Sơ lược đặc điểm, tình hình; II. Thành tích đạt được; III. Các hình thức
khen thưởng đã được ghi nhận; the signatures of the unit's head and of the level that proposes the award.

Filled from the initiative's registration, its indicator results and the unit's honours; what only the unit
knows (its address, history, functions) is left as marked blanks to fill in. The caller checks the user may see
the initiative and write for its unit."""

from datetime import date

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from danvan.documents.docx_base import STATE, WordDocument, committee_name, figure
from danvan.documents.selectors import collective_honours
from danvan.initiatives.models import Initiative
from danvan.insights.checking import indicator_progress
from danvan.insights.review import honours_of
from danvan.orgs.models import Organization
from danvan.recognition.pdf import party_date, place_of, upper


def achievement_report(*, initiative: Initiative, user, today: date | None = None) -> bytes:
    """The collective achievement report of the unit carrying out `initiative`; a DOCX file's bytes."""
    with translation.override("vi"):
        return _report(initiative, user, today or timezone.localdate())


def lower(text: str) -> str:
    return (text or "").lower()


def _blank(text: str) -> str:
    return _("[Đồng chí bổ sung: %(what)s]") % {"what": text}


def _with_blank(w: WordDocument, text: str, blank: str) -> None:
    """A line the unit completes: the known part, then the blank highlighted so that it is not forgotten."""
    paragraph = w.paragraph(text)
    w.run(paragraph, _blank(blank), italic=True, highlight=True)
    w.run(paragraph, ".")


def _report(initiative: Initiative, user, today: date) -> bytes:
    unit = initiative.unit
    campaign = initiative.campaign
    superior = unit.parent
    place = place_of(unit.name, superior.name if superior else "", campaign.organization.name)
    w = WordDocument(
        STATE,
        title=_("Báo cáo thành tích đề nghị tặng Bằng khen: %(unit)s") % {"unit": unit.name},
        author=unit.name,
    )
    w.state_header(
        superior="",
        issuing_body=upper(committee_name(superior) if superior else ""),
        number="",
        place_date=party_date(today, place),
    )
    w.title(
        _("BÁO CÁO THÀNH TÍCH"),
        _("ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN %(city)s")
        % {"city": upper(_("thành phố %(p)s") % {"p": place} if place else _("thành phố"))},
        rule="none",
        size=14,
        lines=[unit.name],
    )
    w.paragraph(
        _("(Mô hình “%(title)s”, phong trào thi đua “Dân vận khéo” năm %(y)s)")
        % {"title": initiative.title, "y": campaign.year},
        italic=True,
        align="center",
        indent=False,
        after=0,
    )
    w.rule(40.0, after=12)

    _situation(w, initiative, unit)
    _achievements(w, initiative, user)
    _honours(w, unit)

    w.paragraph(after=12)
    w.signature_pair(_("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"), _("THỦ TRƯỞNG ĐƠN VỊ"), _("(Ký, đóng dấu)"))
    return w.to_bytes()


def _situation(w: WordDocument, initiative: Initiative, unit: Organization) -> None:
    w.heading(_("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH"))
    w.heading(_("1. Đặc điểm, tình hình"), 2)
    kind = lower(unit.get_kind_display())
    if unit.parent is not None:
        # "chi bộ trực thuộc" already says whose it is.
        text = (
            _("- %(unit)s là %(kind)s %(parent)s.")
            if kind.endswith(_("trực thuộc"))
            else _("- %(unit)s là %(kind)s trực thuộc %(parent)s.")
        )
        w.paragraph(text % {"unit": unit.name, "kind": kind, "parent": unit.parent.name})
    _with_blank(
        w,
        _("- Địa điểm trụ sở chính, điện thoại%(email)s: ")
        % {"email": _(", thư điện tử %(e)s") % {"e": unit.email} if unit.email else ""},
        _("địa chỉ, điện thoại"),
    )
    _with_blank(
        w,
        _("- Quá trình thành lập và phát triển; cơ cấu tổ chức, số đảng viên, các tổ chức đoàn thể: "),
        _("quá trình thành lập, cơ cấu tổ chức"),
    )
    if initiative.situation:
        w.paragraph(_("- Tình hình, lý do xây dựng mô hình: %(t)s") % {"t": _sentence(initiative.situation)})
    w.heading(_("2. Chức năng, nhiệm vụ"), 2)
    _with_blank(w, _("- Chức năng, nhiệm vụ được giao: "), _("chức năng, nhiệm vụ của đơn vị"))
    if initiative.goals:
        w.paragraph(
            _("- Mục tiêu của mô hình “%(title)s”: %(goals)s")
            % {"title": initiative.title, "goals": _sentence(initiative.goals)}
        )


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", ";")) else text + "."


def _achievements(w: WordDocument, initiative: Initiative, user) -> None:
    w.heading(_("II. THÀNH TÍCH ĐẠT ĐƯỢC"))
    w.heading(
        _(
            "1. Báo cáo thành tích căn cứ vào chức năng, nhiệm vụ được giao của cơ quan (đơn vị) và đối tượng, tiêu "
            "chuẩn khen thưởng quy định tại Luật Thi đua, khen thưởng, Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 "
            "năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"
        ),
        2,
    )
    campaign = initiative.campaign
    w.paragraph(
        _(
            "Hưởng ứng phong trào thi đua “Dân vận khéo” năm %(y)s, đơn vị đăng ký và thực hiện mô hình “%(title)s” "
            "(%(kind)s; lĩnh vực: %(fields)s)."
        )
        % {
            "y": campaign.year,
            "title": initiative.title,
            "kind": lower(initiative.get_kind_display()),
            "fields": "; ".join(f.name for f in initiative.fields.all()) or "-",
        }
    )
    for label, value in (
        (_("Địa bàn thực hiện"), initiative.area),
        (_("Chủ thể thực hiện"), initiative.implementers),
        (_("Đối tượng tuyên truyền, vận động"), initiative.target_groups),
        (_("Đối tượng thụ hưởng"), initiative.beneficiaries),
    ):
        if value:
            w.paragraph(_("- %(label)s: %(value)s") % {"label": label, "value": _sentence(value)})

    _periods, results = indicator_progress(initiative, user)
    if results:
        w.paragraph(_("Kết quả thực hiện các chỉ tiêu của mô hình:"), keep_next=True)
        w.grid(
            [_("STT"), _("Chỉ tiêu"), _("Đơn vị tính"), _("Kế hoạch"), _("Thực hiện")],
            [
                [str(n), r.indicator.name, r.indicator.unit_of_measure, figure(r.indicator.target), figure(r.actual)]
                for n, r in enumerate(results, start=1)
            ],
            widths=[12.0, 75.0, 26.0, 26.0, 26.0],
            align=["center", "left", "left", "right", "right"],
        )
        w.paragraph(after=4, line=1.0)
    if initiative.expected_outputs:
        w.paragraph(_("- Kết quả, sản phẩm: %(t)s") % {"t": _sentence(initiative.expected_outputs)})
    if initiative.result:
        w.paragraph(
            _("- Kết quả bình xét cuối năm: mô hình %(result)s.") % {"result": lower(initiative.get_result_display())}
        )
    for entry in honours_of(initiative=initiative):
        text = _("- %(form)s theo Quyết định số %(n)s, ngày %(d)s của %(by)s") % {
            "form": entry.commendation.get_form_display(),
            "n": entry.commendation.number,
            "d": figure(entry.commendation.issued_on),
            "by": entry.commendation.issuer,
        }
        if entry.total_at_decision is not None:
            text += _(" (điểm đánh giá %(s)s)") % {"s": figure(entry.total_at_decision)}
        w.paragraph(text + ".")
        if entry.citation:
            w.paragraph(_sentence(entry.citation), italic=True)

    w.heading(
        _(
            "2. Những biện pháp hoặc nguyên nhân đạt được thành tích; các phong trào thi đua đã được áp dụng trong "
            "thực tiễn sản xuất, công tác"
        ),
        2,
    )
    said = False
    for label, value in (
        (_("Nội dung, phương thức tổ chức thực hiện"), initiative.method),
        (_("Nguồn lực"), initiative.resources),
        (_("Tiến độ, các mốc thực hiện"), initiative.timeline),
        (_("Tính bền vững, khả năng nhân rộng"), initiative.sustainability),
    ):
        if value:
            said = True
            w.paragraph(_("- %(label)s: %(value)s") % {"label": label, "value": _sentence(value)})
    if not said:
        _with_blank(w, "", _("các biện pháp, nguyên nhân đạt được thành tích"))
    w.heading(_("3. Việc thực hiện chủ trương, đường lối của Đảng, chính sách và pháp luật của Nhà nước"), 2)
    _with_blank(w, "", _("việc thực hiện chủ trương, chính sách, pháp luật"))
    w.heading(_("4. Hoạt động của tổ chức đảng, đoàn thể"), 2)
    _with_blank(w, "", _("kết quả hoạt động của tổ chức đảng, đoàn thể"))


def _honours(w: WordDocument, unit: Organization) -> None:
    w.heading(_("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN"))
    w.heading(_("1. Danh hiệu thi đua"), 2)
    w.grid(
        [
            _("Năm"),
            _("Danh hiệu thi đua"),
            _("Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; cơ quan ban hành quyết định"),
        ],
        [["", "", ""]],
        widths=[20.0, 60.0, 85.0],
        align=["center", "left", "left"],
    )
    w.paragraph(after=6, line=1.0)
    w.heading(_("2. Hình thức khen thưởng"), 2)
    honours = collective_honours(unit)
    w.grid(
        [
            _("Năm"),
            _("Hình thức khen thưởng"),
            _("Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định"),
        ],
        [
            [
                str(e.initiative.campaign.year),
                _("%(form)s của %(by)s") % {"form": e.commendation.get_form_display(), "by": e.commendation.issuer},
                _("Quyết định số %(n)s, ngày %(d)s của %(by)s")
                % {"n": e.commendation.number, "d": figure(e.commendation.issued_on), "by": e.commendation.issuer},
            ]
            for e in honours
        ]
        or [["", "", ""]],
        widths=[20.0, 60.0, 85.0],
        align=["center", "left", "left"],
    )
