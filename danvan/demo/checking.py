"""The demo's carrying out and checking of 2017: quarterly reports (some late, a few missing), two survey teams
that scored 44 initiatives at 27 units, the others self-assessed, and two inspections. Loaded through the
services, with a fixed random seed so that every load gives the same figures."""

import random
import struct
import zlib
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from danvan.assessments import services as assessments
from danvan.assessments.models import Assessment
from danvan.campaigns.models import Campaign
from danvan.initiatives.models import Initiative
from danvan.progress import services as progress

# The seed: 2 teams scored 44 models at 27 units; 17 units had two models visited, 10 units one.
SURVEYED_UNITS = 27
SURVEYED_INITIATIVES = 44
TGPL_TITLE = "Trợ giúp pháp lý miễn phí cho người nghèo, đối tượng chính sách trên địa bàn thành phố Hải Phòng"
# People given free legal aid per quarter of 2017: 811 in the model's first year.
TGPL_PEOPLE = (248, 265, 298)
TGPL_REPORTS = [
    (
        "Tiếp nhận yêu cầu tại trụ sở và qua đường dây nóng; tổ chức 7 đợt trợ giúp pháp lý lưu động tại các "
        "xã của huyện Thủy Nguyên, An Lão; cử trợ giúp viên tham gia tố tụng 31 vụ việc.",
        "Người nghèo, người có công, người khuyết tật ở các xã xa trung tâm.",
        "248 người được tư vấn, trợ giúp miễn phí; nhiều vụ tranh chấp đất đai được hòa giải thành.",
        "Đội ngũ trợ giúp viên còn mỏng so với nhu cầu; kinh phí đi lưu động hạn chế.",
    ),
    (
        "Duy trì đường dây nóng; phối hợp với Ủy ban nhân dân xã đặt hòm thư trợ giúp pháp lý; 8 đợt lưu "
        "động; tham gia tố tụng 36 vụ việc, trong đó 9 vụ bào chữa cho người chưa thành niên.",
        "Người nghèo, trẻ em, người khuyết tật; cán bộ tư pháp cấp xã.",
        "265 người được trợ giúp; người dân biết đến dịch vụ qua hòm thư và loa truyền thanh của xã.",
        "Một số cơ quan tiến hành tố tụng thông báo vụ việc còn chậm.",
    ),
    (
        "9 đợt trợ giúp lưu động kết hợp tuyên truyền pháp luật; tham gia tố tụng 42 vụ việc; sơ kết một "
        "năm thực hiện mô hình, rút kinh nghiệm cách tiếp nhận yêu cầu qua điện thoại.",
        "Người nghèo, đối tượng chính sách trên địa bàn 15 quận, huyện.",
        "298 người được trợ giúp trong quý, cả năm 811 người; không có khiếu nại về chất lượng trợ giúp.",
        "Đề nghị bổ sung biên chế trợ giúp viên pháp lý cho chi nhánh ở huyện xa.",
    ),
]
DIFFICULTIES = [
    "Kinh phí thực hiện còn hạn chế, chủ yếu lồng ghép từ nguồn chi thường xuyên.",
    "Cán bộ kiêm nhiệm nhiều việc nên thời gian dành cho mô hình chưa nhiều.",
    "Một bộ phận người dân chưa quen với cách làm mới, cần tuyên truyền thêm.",
    "Việc phối hợp với địa phương có lúc chưa thường xuyên.",
    "",
]
TEAMS = [
    ("Đoàn khảo sát số 1", ["khaosat.khoi1", "khaosat2"], "khaosat.khoi1"),
    ("Đoàn khảo sát số 2", ["khaosat1", "khaosat.khoi2"], "khaosat1"),
]


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def png(color: tuple[int, int, int], width: int = 320, height: int = 200) -> bytes:
    """A plain-colour PNG, for evidence photos of the demo."""
    row = b"\x00" + bytes(color) * width
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def pdf(title: str) -> bytes:
    """A one-page PDF with an ASCII title, standing in for a unit's signed self-assessment report."""
    text = title.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 60 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _half(value: float) -> Decimal:
    return (Decimal(str(value)) * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2


def _scores(criteria, quality: float, rng: random.Random, spread: float = 0.08) -> dict:
    out = {}
    for c in criteria:
        share = min(1.0, max(0.2, quality + rng.uniform(-spread, spread)))
        out[c.pk] = assessments.ScoreInput(_half(c.max_score * share))
    return out


def load_reports(campaign: Campaign, admin, officer_for, rng: random.Random) -> None:
    """Three quarterly reports per accepted initiative: most on time, some late, a few never sent."""
    periods = list(campaign.periods.order_by("starts_on"))
    rows = Initiative.objects.filter(campaign=campaign, status=Initiative.Status.ACCEPTED).select_related("unit")
    for initiative in rows.order_by("pk"):
        officer = officer_for(initiative.unit.code)
        indicators = list(initiative.indicators.all())
        tgpl = initiative.title == TGPL_TITLE
        for q, period in enumerate(periods):
            roll = rng.random()
            if not tgpl and roll < 0.05:
                continue  # never sent
            late = not tgpl and roll > 0.85
            sent_on = (
                period.due_on + timedelta(days=rng.randint(3, 25))
                if late
                else period.due_on - timedelta(days=rng.randint(0, 9))
            )
            if tgpl:
                values = {
                    i.pk: TGPL_PEOPLE[q] if n == 0 else round(float(i.target) * (0.3 + 0.05 * q))
                    for n, i in enumerate(indicators)
                }
                activities, reached, effect, difficulties = TGPL_REPORTS[q]
            else:
                values = {i.pk: max(0, round(float(i.target) * rng.uniform(0.22, 0.4))) for i in indicators}
                first = (initiative.method.split(".")[0] or initiative.title).strip()
                activities = f"Trong {period.name.lower()}, đơn vị tiếp tục triển khai: {first[0].lower()}{first[1:]}."
                reached = initiative.beneficiaries
                effect = "; ".join(f"{ind.name}: {values[ind.pk]} {ind.unit_of_measure}" for ind in indicators)
                difficulties = rng.choice(DIFFICULTIES)
            report = progress.report_save(
                initiative=initiative,
                period=period,
                by=officer,
                values=values,
                today=sent_on,
                activities=activities,
                reached=reached,
                effect=effect,
                difficulties=difficulties,
            )
            if tgpl:
                photo = ContentFile(
                    png((165, 14, 21) if q % 2 else (217, 162, 27)), name=f"tro-giup-luu-dong-quy-{q + 2}.png"
                )
                progress.evidence_add(
                    report=report, by=officer, upload=photo, caption=f"Trợ giúp pháp lý lưu động, quý {q + 2}/2017"
                )
            elif q == len(periods) - 1 and initiative.pk % 4:
                # Three in four initiatives send a photo with their last report; the rest are flagged for it.
                photo = ContentFile(png((46, 125, 50) if initiative.pk % 2 else (21, 101, 192)), name="so-ket.png")
                progress.evidence_add(report=report, by=officer, upload=photo, caption="Sơ kết mô hình năm 2017")
            report = progress.report_submit(report=report, by=officer, at=_at(sent_on, 10))
            if not tgpl and rng.random() < 0.06:
                report = progress.report_return(
                    report=report,
                    by=admin,
                    comment="Đề nghị bổ sung số liệu cụ thể và ảnh hoặc biên bản minh chứng.",
                    at=_at(sent_on + timedelta(days=3), 15),
                )
                report = progress.report_save(
                    initiative=initiative,
                    period=period,
                    by=officer,
                    today=sent_on + timedelta(days=6),
                    effect=report.effect + " (đã bổ sung số liệu theo yêu cầu)",
                )
                report = progress.report_submit(report=report, by=officer, at=_at(sent_on + timedelta(days=6), 10))
            progress.report_accept(report=report, by=admin, at=_at(sent_on + timedelta(days=8), 16))


def _surveyed(campaign: Campaign) -> list[Initiative]:
    """44 initiatives at 27 units: the units with most models first; two models from the first 17, one from the rest."""
    by_unit: dict[int, list[Initiative]] = {}
    for i in (
        Initiative.objects.filter(campaign=campaign, status=Initiative.Status.ACCEPTED)
        .select_related("unit", "unit__base")
        .order_by("pk")
    ):
        by_unit.setdefault(i.unit.base_id or i.unit_id, []).append(i)
    units = sorted(by_unit.values(), key=lambda rows: (-len(rows), rows[0].unit.path))[:SURVEYED_UNITS]
    two = SURVEYED_INITIATIVES - SURVEYED_UNITS
    chosen = []
    for n, rows in enumerate(units):
        chosen += rows[: 2 if n < two else 1]
    return chosen


def load_survey(campaign: Campaign, admin, users: dict, officer_for, rng: random.Random) -> None:
    teams = []
    for name, usernames, head in TEAMS:
        teams.append(
            assessments.team_create(
                campaign=campaign, by=admin, name=name, members=[users[m] for m in usernames], leader=users[head]
            )
        )
    chosen = _surveyed(campaign)
    half = (len(chosen) + 1) // 2
    # Units stay with one team: the first half of the list (ordered by unit) goes to team 1.
    chosen.sort(key=lambda i: (i.unit.path, i.pk))
    split = {teams[0]: chosen[:half], teams[1]: chosen[half:]}
    for team, rows in split.items():
        assessments.assignments_add(team=team, by=admin, initiatives=rows)
    quality: dict[int, float] = {}
    for team, team_rows in split.items():
        members = [m.user for m in team.members.select_related("user")]
        leader = next(m.user for m in team.members.all() if m.is_leader)
        for n, initiative in enumerate(team_rows):
            day = date(2017, 11, 6) + timedelta(days=n // 3)
            q = quality[initiative.pk] = rng.uniform(0.58, 0.95) if initiative.title != TGPL_TITLE else 0.95
            criteria = assessments.criteria_for(initiative)
            for member in members:
                a = assessments.assessment_save(
                    initiative=initiative,
                    by=member,
                    kind=Assessment.Kind.MEMBER,
                    scores=_scores(criteria, q, rng),
                    comment="Đã làm việc với cấp ủy, xem hồ sơ, gặp người thụ hưởng tại cơ sở.",
                )
                assessments.assessment_submit(assessment=a, by=member, at=_at(day, 11))
            sent = Assessment.objects.filter(initiative=initiative, kind=Assessment.Kind.MEMBER).prefetch_related(
                "scores"
            )
            agreed = assessments.suggested_team_scores(sent)
            team_scores = {cid: assessments.ScoreInput(v, "Điểm thống nhất của đoàn.") for cid, v in agreed.items()}
            a = assessments.assessment_save(
                initiative=initiative,
                by=leader,
                kind=Assessment.Kind.TEAM,
                scores=team_scores,
                comment="Đoàn thống nhất điểm sau khi trao đổi.",
            )
            assessments.assessment_submit(assessment=a, by=leader, at=_at(day, 16))
    # Every other accepted initiative assesses itself; a third of the surveyed ones did too, showing the gaps.
    surveyed_ids = {i.pk for i in chosen}
    others = Initiative.objects.filter(campaign=campaign, status=Initiative.Status.ACCEPTED).select_related("unit")
    for initiative in others.order_by("pk"):
        if initiative.pk in surveyed_ids and rng.random() > 0.35:
            continue
        officer = officer_for(initiative.unit.code)
        base_q = quality.get(initiative.pk, rng.uniform(0.55, 0.9))
        bias = rng.choice([0.02, 0.05, 0.08, 0.1, 0.22]) if initiative.pk in surveyed_ids else rng.uniform(0, 0.08)
        report = ContentFile(pdf(f"Bao cao tu danh gia mo hinh so {initiative.pk}"), name="bao-cao-tu-danh-gia.pdf")
        a = assessments.assessment_save(
            initiative=initiative,
            by=officer,
            kind=Assessment.Kind.SELF,
            scores=_scores(assessments.criteria_for(initiative), min(0.98, base_q + bias), rng, spread=0.05),
            comment="Chi bộ đã họp đánh giá, thống nhất điểm tự chấm.",
            report_file=report,
        )
        assessments.assessment_submit(assessment=a, by=officer, at=_at(date(2017, 11, 30), 9))


def load_inspections(campaign: Campaign, admin, orgs: dict, officer_for) -> None:
    stp = progress.inspection_record(
        campaign=campaign,
        unit=orgs["DB-STP"],
        by=admin,
        held_on=date(2017, 8, 22),
        inspectors="Đồng chí Nguyễn Thị Thu Hà, Văn phòng Đảng ủy Khối; đồng chí Trần Minh Đức, Ban Dân vận Thành ủy",
        findings=(
            "Các mô hình được cấp ủy chỉ đạo sát; mô hình trợ giúp pháp lý miễn phí có sổ theo dõi từng vụ việc, "
            "số liệu khớp với báo cáo quý. Một số mô hình của chi bộ trực thuộc chưa có minh chứng bằng hình ảnh."
        ),
        requests=[
            ("Bổ sung ảnh, biên bản minh chứng cho báo cáo quý 3 của các chi bộ trực thuộc.", date(2017, 9, 15)),
            ("Xây dựng kế hoạch nhân rộng cách trợ giúp lưu động cho các chi nhánh.", date(2017, 10, 31)),
        ],
    )
    progress.inspection_answer(
        request=stp.requests.order_by("position")[0],
        by=officer_for("DB-STP"),
        answer="Đã bổ sung 12 ảnh và 3 biên bản vào báo cáo quý 3 của các chi bộ.",
        at=_at(date(2017, 9, 12), 10),
    )
    progress.inspection_record(
        campaign=campaign,
        unit=orgs["DB-CTK"],
        by=admin,
        held_on=date(2017, 9, 14),
        inspectors="Đồng chí Vũ Đức Thắng, Văn phòng Đảng ủy Khối",
        findings="Mô hình triển khai đúng kế hoạch; chỉ tiêu đo lường còn chung, chưa tách theo quý.",
        requests=[("Tách chỉ tiêu theo quý trong các báo cáo tiếp theo.", date(2017, 10, 10))],
    )
