"""The proposal (tờ trình) to the city People's Committee to award its Bằng khen to the collectives and persons of
the campaign's exemplary initiatives, in the State format of Nghị định 30/2020/NĐ-CP, citing the Law on Emulation
and Commendation (2022) and Nghị định 98/2023/NĐ-CP. The list is the exemplary initiatives the user may see."""

from datetime import date

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from danvan.campaigns.models import Campaign
from danvan.documents.docx_base import (
    STATE,
    Signer,
    WordDocument,
    committee_name,
    document_number,
    figure,
    higher_committee,
    lower_first,
    number_suffix,
    party_letterhead,
    standing_committee,
)
from danvan.documents.selectors import exemplary_initiatives
from danvan.insights.summary import campaign_summary
from danvan.recognition.models import Commendation
from danvan.recognition.pdf import place_of, upper

LAW = "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
DECREE = (
    "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều "
    "của Luật Thi đua, khen thưởng"
)


def commendation_proposal(
    *,
    campaign: Campaign,
    user,
    today: date | None = None,
    number: str = "",
    signer_name: str = "",
    signer_title: str = "",
) -> bytes:
    """The proposal for `campaign`'s exemplary initiatives, dated `today`; a DOCX file's bytes."""
    with translation.override("vi"):
        return _proposal(campaign, user, today or timezone.localdate(), number, signer_name, signer_title)


def _proposal(campaign: Campaign, user, today: date, number: str, signer_name: str, signer_title: str) -> bytes:
    org = campaign.organization
    head = party_letterhead(org, today)
    body = committee_name(org)
    standing = standing_committee(org)
    place = place_of(org.name)
    city = _("thành phố %(p)s") % {"p": place} if place else _("thành phố")
    s = campaign_summary(campaign=campaign, user=user)
    proposed = exemplary_initiatives(campaign, user)
    y = campaign.year

    w = WordDocument(
        STATE,
        title=_("Tờ trình đề nghị tặng Bằng khen mô hình “Dân vận khéo” tiêu biểu năm %(y)s") % {"y": y},
        author=body,
    )
    w.state_header(
        superior=head.superior,
        issuing_body=head.issuing_body,
        number=document_number(number, "TTr", number_suffix(campaign.launch_document_number, body), state=True),
        place_date=head.place_date,
    )
    w.title(
        _("TỜ TRÌNH"),
        _(
            "Về việc đề nghị Chủ tịch Ủy ban nhân dân thành phố tặng Bằng khen cho các tập thể, cá nhân có mô hình "
            "“Dân vận khéo” tiêu biểu năm %(y)s"
        )
        % {"y": y},
        rule="state",
        size=14,
    )
    w.paragraph(_("Kính gửi: Ủy ban nhân dân %(city)s.") % {"city": city}, align="center", indent=False, after=12)

    grounds = [_("Căn cứ %(law)s;") % {"law": LAW}, _("Căn cứ %(decree)s;") % {"decree": DECREE}]
    if campaign.launch_document_number:
        launch = _("văn bản số %(n)s") % {"n": campaign.launch_document_number}
        if campaign.launch_document_date:
            launch += _(", ngày %(d)s") % {"d": figure(campaign.launch_document_date)}
        grounds.append(
            _("Căn cứ %(launch)s của %(by)s phát động %(name)s;")
            % {"launch": launch, "by": standing, "name": lower_first(campaign.name)}
        )
    decisions = Commendation.objects.visible_to(user).filter(campaign=campaign).order_by("issued_on", "number")
    review = _("Căn cứ kết quả khảo sát, đánh giá và bình xét các mô hình “Dân vận khéo” năm %(y)s") % {"y": y}
    if decisions:
        review += _(" và %(list)s") % {
            "list": "; ".join(
                _("Quyết định số %(n)s, ngày %(d)s của %(by)s")
                % {"n": d.number, "d": figure(d.issued_on), "by": d.issuer}
                for d in decisions
            )
        }
    grounds.append(review + ",")
    for line in grounds:
        w.paragraph(line)

    w.paragraph(
        _(
            "Năm %(y)s, có %(reg)s/%(total)s tổ chức cơ sở đảng đăng ký %(n)s mô hình “Dân vận khéo” (%(col)s mô "
            "hình tập thể, %(ind)s mô hình cá nhân). Các mô hình đã được triển khai, báo cáo kết quả định kỳ, được "
            "đoàn khảo sát hoặc đơn vị tự đánh giá theo bộ tiêu chí chung; qua bình xét, %(by)s công nhận %(ex)s "
            "mô hình tiêu biểu, có cách làm sáng tạo, hiệu quả, được nhân dân đồng tình, hưởng ứng."
        )
        % {
            "y": y,
            "reg": figure(s["units_registered"]),
            "total": figure(s["units_total"]),
            "n": figure(s["initiatives"]),
            "col": figure(s["collective"]),
            "ind": figure(s["individual"]),
            "by": standing,
            "ex": figure(s["exemplary"]),
        }
    )
    w.paragraph(
        _(
            "Để kịp thời động viên, khen thưởng, %(by)s kính đề nghị Chủ tịch Ủy ban nhân dân %(city)s xem xét, "
            "tặng Bằng khen cho %(n)s tập thể, cá nhân có mô hình “Dân vận khéo” tiêu biểu năm %(y)s, gồm:"
        )
        % {"by": standing, "city": city, "n": figure(s["exemplary"]), "y": y},
        keep_next=True,
    )
    kind = {"collective": _("Tập thể"), "individual": _("Cá nhân")}
    w.caption(_("DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN"))
    w.grid(
        [_("STT"), _("Tên tập thể/cá nhân"), _("Mô hình"), _("Đơn vị"), _("Điểm / kết quả")],
        [
            [
                str(n),
                _("%(name)s\n(%(kind)s)") % {"name": p.honouree, "kind": kind.get(p.honouree_kind, "")},
                p.initiative.title,
                p.initiative.unit.name,
                _("%(score)s điểm\n%(result)s")
                % {"score": figure(p.score), "result": p.initiative.get_result_display()},
            ]
            for n, p in enumerate(proposed, start=1)
        ],
        widths=[12.0, 46.0, 50.0, 36.0, 21.0],
        align=["center", "left", "left", "left", "center"],
    )
    w.paragraph(
        _("(Có báo cáo thành tích của các tập thể, cá nhân kèm theo)."),
        italic=True,
        align="center",
        indent=False,
        before=6,
    )
    w.paragraph(
        _("%(by)s kính trình Chủ tịch Ủy ban nhân dân %(city)s xem xét, quyết định./.")
        % {"by": standing, "city": city},
        after=12,
        keep_next=True,
    )
    higher = higher_committee(org)
    w.signature(
        recipients=w.recipients(
            [
                _("Như trên"),
                _("Ban Thi đua - Khen thưởng %(city)s") % {"city": city},
                _("Ban Dân vận %(c)s") % {"c": higher},
            ],
            _("Lưu: VT, BDV"),
        ),
        signer=Signer(
            # NĐ 30/2020 writes the authority "TM." where a Party document writes "T/M".
            head.on_behalf.replace("T/M ", "TM. "),
            upper(signer_title or _("Bí thư")),
            signer_name or _("[Họ và tên người ký]"),
        ),
    )
    return w.to_bytes()
