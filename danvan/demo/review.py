"""The demo's year-end review of 2017 and its spread in 2018: results decided in two shortlist rounds,
13 exemplary initiatives commended by one bloc decision, published on the showcase with photos and moderated
feedback, and some adopted by other units in 2018. Loaded through the services, with a fixed seed."""

import random
from datetime import date, timedelta

from django.core.files.base import ContentFile

from danvan.campaigns.models import Campaign
from danvan.demo.checking import TGPL_TITLE, _at, png
from danvan.initiatives import services as initiatives
from danvan.initiatives.models import Initiative
from danvan.insights.checking import indicator_progress
from danvan.insights.review import review_board
from danvan.recognition import services as recognition
from danvan.showcase import services as showcase
from danvan.showcase.models import Feedback

EXEMPLARY = 13
SHORTLIST = 20
# Below this (on the standardised 100-point scale) an initiative is not achieved.
PASS_MARK = 65
DECISION: dict = {
    "number": "125-QĐ/ĐUK",
    "issued_on": date(2018, 1, 15),
    "issuer": "Ban Thường vụ Đảng ủy Khối các cơ quan thành phố",
    "title": "Về việc khen thưởng tập thể, cá nhân có mô hình “Dân vận khéo” tiêu biểu năm 2017",
    "signer_name": "Lê Văn Thành",
    "signer_title": "Phó Bí thư Thường trực Đảng ủy Khối",
}
# Units that adopt an exemplary model of 2017 in 2018 (unit code, position of the original among the 13).
ADOPTERS = [("DB-SYT", 0), ("DB-BHXH", 0), ("DB-KBNN", 0), ("DB-SLDTBXH", 1), ("DB-VPUB", 1), ("CB-TD", 2)]
COLOURS = [(46, 125, 50), (21, 101, 192), (198, 40, 40), (245, 124, 0), (106, 27, 154), (0, 131, 143)]
FEEDBACK = [
    (
        5,
        "Tôi được các cán bộ hướng dẫn tận tình, không mất chi phí gì. Cảm ơn các anh chị rất nhiều.",
        "Bà Nguyễn Thị Hoa",
        "Thủy Nguyên",
    ),
    (
        5,
        "Cán bộ về tận xã, nói dễ hiểu, giải quyết được việc gia đình tôi vướng mắc lâu nay.",
        "Ông Trần Văn Bình",
        "An Lão",
    ),
    (4, "Mô hình hay, mong được tổ chức thường xuyên hơn ở các thôn xa.", "", "Kiến Thụy"),
    (4, "Thủ tục nhanh gọn hơn trước, cán bộ niềm nở.", "Chị Phạm Thu Hà", "Lê Chân"),
    (3, "Có ích nhưng lịch thông báo chưa kịp thời, nhiều người không biết để đến.", "", "Tiên Lãng"),
    (5, "Gia đình tôi được hỗ trợ đúng lúc khó khăn nhất.", "Ông Vũ Đức Long", "Hải An"),
]


def _vn(value) -> str:
    """A score as Vietnamese write it: decimal comma, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _honouree(i: Initiative) -> str:
    """The unit for a collective model; for an individual one, the named cadre as the registration gives them."""
    if i.kind == Initiative.Kind.INDIVIDUAL:
        return i.implementers.split(":")[0].split(";")[0].strip()[:255] or i.unit.name
    return i.unit.name


def _results_text(initiative: Initiative, admin) -> str:
    _periods, rows = indicator_progress(initiative, admin)
    lines = []
    for r in rows:
        actual = f"{r.actual:,.0f}".replace(",", ".")
        target = f"{r.indicator.target:,.0f}".replace(",", ".")
        lines.append(f"{r.indicator.name}: {actual} {r.indicator.unit_of_measure} (chỉ tiêu {target}).")
    return "\n".join(lines)


def load_review(c2017: Campaign, admin, officer_for) -> list[Initiative]:
    """Decide 2017: shortlist rounds, results, one commendation decision. Returns the exemplary initiatives."""
    board = review_board(c2017, admin)
    scored = [r for r in board.rows if r.standardised is not None]
    tgpl = next(r for r in scored if r.initiative.title == TGPL_TITLE)
    shortlist = [tgpl] + [r for r in scored if r is not tgpl][: SHORTLIST - 1]
    for row in shortlist:
        recognition.shortlist_add(
            initiative=row.initiative,
            by=admin,
            round=1,
            proposed_result=Initiative.Result.EXEMPLARY,
            reason=f"Điểm {_vn(row.standardised)} trên thang 100 (đã quy đổi); đề nghị xét tiêu biểu.",
            at=_at(date(2017, 12, 20), 9),
        )
    final = shortlist[:EXEMPLARY]
    for row in final:
        basis = "điểm đoàn khảo sát" if row.team_total is not None else "điểm tự đánh giá"
        recognition.shortlist_add(
            initiative=row.initiative,
            by=admin,
            round=2,
            proposed_result=Initiative.Result.EXEMPLARY,
            reason=f"Ban Thường vụ thống nhất: {basis} {_vn(row.raw)}, kết quả vượt chỉ tiêu, có minh chứng đầy đủ.",
            at=_at(date(2018, 1, 5), 9),
        )
    at = _at(date(2018, 1, 10), 15)
    recognition.shortlist_decide(campaign=c2017, round=2, by=admin, at=at)
    chosen = {r.initiative.pk for r in final}
    for row in board.rows:
        if row.initiative.pk in chosen or row.raw is None:
            continue
        if row.standardised is not None and row.standardised >= PASS_MARK:
            result, reason = Initiative.Result.RECOGNISED, f"Đạt yêu cầu: {_vn(row.standardised)} điểm (đã quy đổi)."
        else:
            result = Initiative.Result.NOT_ACHIEVED
            reason = f"Chưa đạt: {_vn(row.standardised)} điểm (đã quy đổi), kết quả chưa rõ nét."
        recognition.result_decide(initiative=row.initiative, by=admin, result=result, reason=reason, at=at)
    exemplary = [r.initiative for r in final]
    recognition.commendation_create(
        campaign=c2017,
        by=admin,
        form="certificate",
        entries=[
            recognition.EntryInput(
                initiative=i,
                honouree=_honouree(i),
                citation=f"Đã có thành tích xuất sắc trong xây dựng mô hình “Dân vận khéo” “{i.title}” năm 2017.",
            )
            for i in exemplary
        ],
        **DECISION,
    )
    return exemplary


def load_showcase(exemplary: list[Initiative], admin, officer_for, rng: random.Random) -> None:
    """Publish the 13 with two photos each; citizens' feedback on some, moderated by the unit and the bloc."""
    for n, i in enumerate(exemplary):
        entry = showcase.showcase_save(
            initiative=i,
            by=admin,
            publish=True,
            at=_at(date(2018, 1, 20) + timedelta(days=n), 9),
            headline=i.title,
            summary="\n\n".join(p for p in (i.situation, i.goals, i.method) if p),
            implementers=i.implementers,
            beneficiaries=i.beneficiaries,
            results=_results_text(i, admin),
        )
        for k, caption in enumerate(("Cán bộ làm việc với người dân tại cơ sở", "Sơ kết mô hình cuối năm")):
            colour = COLOURS[(n + k) % len(COLOURS)]
            showcase.showcase_photo_add(
                entry=entry,
                by=admin,
                upload=ContentFile(png(colour, 640, 400), name=f"anh-{k + 1}.png"),
                caption=caption,
            )
        if n >= 6:
            continue
        officer = officer_for(i.unit.code)
        for k, (rating, comment, name, area) in enumerate(rng.sample(FEEDBACK, 4)):
            f = showcase.feedback_submit(
                entry=entry,
                rating=rating,
                comment=comment,
                author_name=name,
                author_area=area,
                address=f"203.0.113.{n * 10 + k}",
                now=_at(date(2018, 2, 1) + timedelta(days=n * 3 + k), 10),
            )
            if k == 3 and n in (1, 2):
                continue  # still waiting for the unit
            sent = f.created_at
            f = showcase.feedback_moderate(feedback=f, by=officer, approve=True, at=sent + timedelta(days=2))
            if k == 3 and n == 3:
                continue  # approved by the unit, waiting for the bloc
            showcase.feedback_moderate(feedback=f, by=admin, approve=True, at=sent + timedelta(days=4))
    # A message that is not feedback at all: turned down by the unit, with the reason kept.
    spam = showcase.feedback_submit(
        entry=exemplary[0].showcase,
        rating=1,
        comment="Liên hệ dịch vụ vay tiền nhanh, lãi suất thấp.",
        address="198.51.100.7",
        now=_at(date(2018, 2, 20), 22),
    )
    showcase.feedback_moderate(
        feedback=spam,
        by=officer_for(exemplary[0].unit.code),
        approve=False,
        reason="Quảng cáo, không liên quan.",
        at=_at(date(2018, 2, 21), 8),
    )
    assert Feedback.objects.count() > 0


def load_replications(exemplary: list[Initiative], c2018: Campaign, admin, officer_for, orgs: dict) -> None:
    """2018: other units adopt three of the exemplary models; most copies are accepted, one is still a draft."""
    for n, (code, original_pos) in enumerate(ADOPTERS):
        unit = orgs[code]
        officer = officer_for(code)
        original = exemplary[original_pos]
        day = date(2018, 3, 5) + timedelta(days=n)
        copy = recognition.initiative_replicate(
            original=original, campaign=c2018, unit=unit, by=officer, today=day, at=_at(day, 8)
        )
        if n == len(ADOPTERS) - 1:
            continue
        copy = initiatives.initiative_submit(initiative=copy, by=officer, today=day, at=_at(day))
        initiatives.initiative_accept(initiative=copy, by=admin, at=_at(day + timedelta(days=5), 15))


def load_near_copy(
    c2017: Campaign, c2018: Campaign, exemplary: list[Initiative], officer_for, orgs: dict
) -> Initiative:
    """A 2018 registration that repeats another unit's 2017 model almost word for word, sent as new: the bloc
    sees it flagged as a possible copy while reviewing the registration."""
    used = set(Initiative.objects.filter(campaign=c2018).values_list("unit__base_id", "unit_id"))
    used_ids = {b or u for b, u in used}
    source = (
        Initiative.objects.filter(campaign=c2017, result=Initiative.Result.RECOGNISED)
        .select_related("unit")
        .order_by("pk")
        .first()
    )
    assert source is not None
    unit = next(
        o
        for code, o in sorted(orgs.items())
        if o.kind in ("base_committee", "base_cell")
        and o.pk not in used_ids
        and o.pk != (source.unit.base_id or source.unit_id)
    )
    officer = officer_for(unit.code)
    day = date(2018, 3, 20)
    copy = initiatives.initiative_create(
        campaign=c2018,
        unit=unit,
        by=officer,
        fields=[f for f in c2018.fields.all() if f.name in {x.name for x in source.fields.all()}],
        indicators=[
            initiatives.IndicatorInput(name=i.name, unit_of_measure=i.unit_of_measure, target=i.target)
            for i in source.indicators.all()
        ],
        today=day,
        at=_at(day, 8),
        title=source.title + " năm 2018",
        **{name: getattr(source, name) for name in initiatives.LONG_FIELDS},
    )
    return initiatives.initiative_submit(initiative=copy, by=officer, today=day, at=_at(day))
