"""The documents of the year's end as Word files, read back with python-docx: the year-end report in the Party
format (Hướng dẫn 36-HD/VPTW), the commendation proposal in the State format (Nghị định 30/2020/NĐ-CP) and a
collective's achievement report (Nghị định 98/2023/NĐ-CP, Mẫu số 02).

The page, fonts and blocks are checked on the small world of the personas; the figures on the Hải Phòng demo of
2017, against the statistics of danvan.insights and against counts made here with plain queries."""

import io
import re
import zipfile
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Sum
from django.test import override_settings
from django.utils import translation
from docx import Document
from docx.shared import Mm, Pt

from danvan.assessments.models import Assessment
from danvan.campaigns.models import Campaign
from danvan.demo import loader
from danvan.documents.achievement import achievement_report
from danvan.documents.docx_base import figure
from danvan.documents.proposal import commendation_proposal
from danvan.documents.report import year_end_report
from danvan.initiatives.models import Initiative
from danvan.insights.statistics import campaign_statistics
from danvan.insights.summary import campaign_summary
from danvan.orgs.models import Organization
from danvan.progress.models import IndicatorValue, ProgressReport
from danvan.recognition.models import CommendationEntry, Replication

FONT = "Times New Roman"
REGISTERED = Initiative.REGISTERED_STATUSES
ACCEPTED = Initiative.Status.ACCEPTED


def read(content: bytes):
    return Document(io.BytesIO(content))


def text_of(content: bytes) -> str:
    """The document's text as the acceptance check reads it: word/document.xml without its tags."""
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
    return re.sub(r"<[^>]+>", "", xml)


def number(text: str) -> int | float:
    """ "1.250" → 1250, "64,6" → 64.6: the figures as the documents print them."""
    text = text.replace(".", "")
    return float(text.replace(",", ".")) if "," in text else int(text)


def mm(length) -> float:
    return length / Mm(1)


def cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def find_table(doc, header: list[str]):
    """The first table of the document whose header row is `header`."""
    for table in doc.tables:
        if [c.text for c in table.rows[0].cells] == header:
            return table
    raise AssertionError(f"no table headed {header}")


def paragraphs(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def runs(doc):
    """Every run of the document: body, tables (nested cells too) and headers."""
    for p in doc.paragraphs:
        yield from p.runs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    yield from p.runs
    for section in doc.sections:
        for part in (section.header, section.first_page_header):
            for p in part.paragraphs:
                yield from p.runs


def assert_page(doc, *, top: float, bottom: float, left: float, right: float) -> None:
    section = doc.sections[0]
    assert mm(section.page_width) == pytest.approx(210, abs=0.5)
    assert mm(section.page_height) == pytest.approx(297, abs=0.5)
    for value, want in (
        (section.top_margin, top),
        (section.bottom_margin, bottom),
        (section.left_margin, left),
        (section.right_margin, right),
    ):
        assert mm(value) == pytest.approx(want, abs=0.5)
    # Pages are numbered from the second: an empty first-page header, a centred PAGE field 10 mm from the top.
    assert section.different_first_page_header_footer
    assert mm(section.header_distance) == pytest.approx(10, abs=0.5)
    header = section.header._element.xml
    assert "PAGE" in "".join(section.header._element.itertext())
    assert "w:fldChar" in header
    assert section.header.paragraphs[0].alignment == 1  # centred
    assert "PAGE" not in "".join(section.first_page_header._element.itertext())


def assert_fonts(doc) -> None:
    """Times New Roman everywhere: the defaults, the Normal style, and every run for every script."""
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    defaults = doc.styles.element.find(f"{ns}docDefaults").find(f"{ns}rPrDefault").find(f"{ns}rPr")
    fonts = defaults.find(f"{ns}rFonts")
    assert {fonts.get(f"{ns}{a}") for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {FONT}
    assert not [k for k in fonts.attrib if k.endswith("Theme")]
    normal = doc.styles["Normal"]
    assert normal.font.name == FONT
    assert normal.element.rPr.rFonts.get(f"{ns}eastAsia") == FONT
    assert normal.font.size == Pt(14)
    for run in runs(doc):
        assert run.font.name == FONT, run.text
        assert run._r.rPr.rFonts.get(f"{ns}cs") == FONT


# -- the page and blocks, on the world of the personas ---------------------------------------------------------


@pytest.fixture
def world_report(world):
    Organization.objects.filter(pk=world.bloc.pk).update(name="Đảng bộ Khối các cơ quan thành phố Hải Phòng")
    world.campaign.refresh_from_db()
    return year_end_report(
        campaign=world.campaign,
        user=world.admin,
        today=date(2018, 2, 5),
        number="15",
        signer_name="Lê Văn Thành",
        signer_title="Phó Bí thư",
    )


def test_report_follows_the_party_format(world, world_report):
    doc = read(world_report)
    assert_page(doc, top=25, bottom=25, left=35, right=15)
    assert_fonts(doc)

    # The header block: superior and issuing body, "*", the number top left; the party's name and the date right.
    head = doc.tables[0]
    left, right = head.rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG",
        "ĐẢNG ỦY KHỐI CÁC CƠ QUAN THÀNH PHỐ",
        "*",
        "Số 15-BC/ĐUK",
    ]
    assert not left.paragraphs[0].runs[0].bold
    assert all(r.bold for r in left.paragraphs[1].runs)
    party, dated = right.paragraphs
    assert party.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    (run,) = party.runs
    assert run.bold and run.underline and run.font.size == Pt(15)
    assert dated.text == "Hải Phòng, ngày 05 tháng 02 năm 2018"
    assert all(r.italic for r in dated.runs)
    # The header block has no borders: it is layout, not a table of figures.
    assert "w:tblBorders" in head._tbl.xml and 'w:val="nil"' in head._tbl.xml

    # The document type in bold capitals, the subject under it, "-----".
    texts = paragraphs(doc)
    kind = texts.index("BÁO CÁO")
    assert texts[kind + 1] == f"tổng kết phong trào thi đua “Dân vận khéo” năm {world.campaign.year}"
    assert texts[kind + 2] == "-----"
    assert doc.paragraphs[kind].runs[0].bold and doc.paragraphs[kind + 1].runs[0].bold
    for heading in (
        "I. KẾT QUẢ THỰC HIỆN",
        "II. HẠN CHẾ, NGUYÊN NHÂN",
        f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {world.campaign.year + 1}",
    ):
        assert heading in texts
    assert sum("[Dự thảo" in t for t in texts) == 1

    # The signature block and the recipients, side by side at the end of the body.
    sign = next(t for t in doc.tables if "T/M BAN THƯỜNG VỤ" in t.rows[0].cells[-1].text)
    recipients, signer = sign.rows[0].cells
    assert [p.text for p in signer.paragraphs] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lê Văn Thành"]
    assert recipients.paragraphs[0].text == "Nơi nhận:"
    assert recipients.paragraphs[0].runs[0].font.size == Pt(14)
    assert recipients.paragraphs[-1].text == "- Lưu Văn phòng Đảng ủy."
    assert all(p.text.startswith("- ") for p in recipients.paragraphs[1:])


def test_report_tables_have_borders_a_repeated_header_and_fit_the_page(world, world_report):
    doc = read(world_report)
    figures = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
    assert figures
    for table in figures:
        first = table.rows[0]
        assert (
            first._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
        )
        assert all(r.bold for c in first.cells for p in c.paragraphs for r in p.runs)
        width = sum(mm(c.width) for c in first.cells)
        assert width <= 160.5 or (width <= 247.5 and len(first.cells) > 6)  # landscape for wide tables
        for row in table.rows[1:]:
            for cell in row.cells:
                for p in cell.paragraphs:
                    for r in p.runs:
                        assert r.font.size == Pt(12)
    participation = find_table(doc, ["Nội dung", "Số lượng"])
    assert participation.rows[1].cells[1].paragraphs[0].alignment == 2  # numbers right-aligned


def test_documents_are_vietnamese_whatever_the_interface_language(world):
    with translation.override("en"):
        content = year_end_report(campaign=world.campaign, user=world.admin)
    text = text_of(content)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "BÁO CÁO" in text and "KẾT QUẢ THỰC HIỆN" in text


def test_figures_are_written_the_vietnamese_way():
    with translation.override("vi"):
        assert figure(54067) == "54.067"
        assert figure(64.6) == "64,6"
        assert figure(date(2018, 1, 15)) == "15/01/2018"
        assert figure(None) == "-"
    with translation.override("vi"):
        assert figure(Decimal("811.00")) == "811"
        assert figure(Decimal("12.50")) == "12,5"


# -- the figures, on the Hải Phòng demo ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for this module (its files in a temporary folder), the three documents generated once
    from it as the bloc's administrator, and everything rolled back after the module's tests."""
    with (
        override_settings(
            MEDIA_ROOT=tmp_path_factory.mktemp("media"),
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        loader.load()
        admin = get_user_model().objects.get(username="quantri")
        c2017 = Campaign.objects.get(year=2017)
        legal_aid = Initiative.objects.get(campaign=c2017, title__startswith="Trợ giúp pháp lý miễn phí")
        yield SimpleNamespace(
            admin=admin,
            c2017=c2017,
            legal_aid=legal_aid,
            stats=campaign_statistics(c2017, admin),
            summary=campaign_summary(campaign=c2017, user=admin),
            report=year_end_report(campaign=c2017, user=admin, today=date(2018, 1, 20)),
            proposal=commendation_proposal(campaign=c2017, user=admin, today=date(2018, 1, 20)),
            achievement=achievement_report(initiative=legal_aid, user=admin, today=date(2018, 1, 20)),
        )
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_demo_report_contains_what_the_acceptance_check_reads(demo):
    text = text_of(demo.report)
    for word in ("ĐẢNG CỘNG SẢN VIỆT NAM", "110", "42", "65", "74", "36", "13"):
        assert word in text
    assert "42/65 đơn vị (64,6%) đăng ký 110 mô hình, trong đó 74 mô hình tập thể, 36 mô hình cá nhân" in text
    doc = read(demo.report)
    assert_page(doc, top=25, bottom=25, left=35, right=15)
    assert_fonts(doc)


@pytest.mark.django_db
def test_demo_report_prints_every_statistic_table_as_insights_computes_it(demo):
    doc = read(demo.report)
    for table in demo.stats.tables:
        if table.key == "commendations" and not table.rows:
            continue
        if table.key == "replications" and not table.rows:
            continue
        printed = cells(find_table(doc, [c.label for c in table.columns]))
        # The header row is printed once in the file (Word repeats it on each page).
        assert printed[1:] == [[figure(v) for v in row.cells] for row in table.rows], table.key
        bold = [
            all(r.bold for c in row.cells for p in c.paragraphs for r in p.runs)
            for row in find_table(doc, [c.label for c in table.columns]).rows[1:]
        ]
        assert bold == [row.total for row in table.rows], table.key


@pytest.mark.django_db
def test_demo_report_figures_equal_the_summary_and_plain_counts(demo):
    c, s = demo.c2017, demo.summary
    doc = read(demo.report)
    units = Organization.objects.filter(
        path__startswith=c.organization.path, kind__in=Organization.BASE_KINDS, is_active=True
    )
    registered = Initiative.objects.filter(campaign=c, status__in=REGISTERED)
    registered_units = {u.pk for u in units if registered.filter(unit__path__startswith=u.path).exists()}
    accepted = Initiative.objects.filter(campaign=c, status=ACCEPTED)

    participation = {row[0]: number(row[1]) for row in cells(find_table(doc, ["Nội dung", "Số lượng"]))[1:]}
    counted = {
        "Đơn vị cơ sở trong phạm vi": units.count(),
        "Đơn vị đã đăng ký mô hình": len(registered_units),
        "Tỷ lệ đơn vị tham gia (%)": round(100 * len(registered_units) / units.count(), 1),
        "Mô hình đã đăng ký": registered.count(),
        "Mô hình tập thể": registered.filter(kind="collective").count(),
        "Mô hình cá nhân": registered.filter(kind="individual").count(),
    }
    assert participation == counted
    assert (
        s["units_total"],
        s["units_registered"],
        s["initiatives"],
        s["collective"],
        s["individual"],
    ) == (
        counted["Đơn vị cơ sở trong phạm vi"],
        counted["Đơn vị đã đăng ký mô hình"],
        counted["Mô hình đã đăng ký"],
        counted["Mô hình tập thể"],
        counted["Mô hình cá nhân"],
    )

    # By field: each field's collective and individual registrations.
    by_field = cells(find_table(doc, ["Lĩnh vực", "Tập thể", "Cá nhân", "Cộng"]))[1:]
    assert len(by_field) == c.fields.count()
    for name, collective, individual, total in by_field:
        in_field = registered.filter(fields__name=name)
        assert [number(collective), number(individual), number(total)] == [
            in_field.filter(kind="collective").count(),
            in_field.filter(kind="individual").count(),
            in_field.count(),
        ]

    # By unit: every base unit once, its registrations counted over its subtree; the total row.
    by_unit = cells(find_table(doc, [col.label for col in demo.stats.table("by_unit").columns]))[1:]
    assert len(by_unit) == units.count() + 1
    names = {u.name: u for u in units}
    for row in by_unit[:-1]:
        unit = names[row[0]]
        mine = registered.filter(unit__path__startswith=unit.path)
        assert [number(row[1]), number(row[2]), number(row[3])] == [
            mine.count(),
            mine.filter(kind="collective").count(),
            mine.filter(kind="individual").count(),
        ], row[0]
    assert by_unit[-1][0] == "Cộng" and number(by_unit[-1][1]) == registered.count()

    # Surveyed by a team, or assessed by the unit itself.
    team = set(
        Assessment.objects.filter(initiative__in=accepted, kind="team", status="submitted").values_list(
            "initiative_id", flat=True
        )
    )
    own = (
        set(
            Assessment.objects.filter(initiative__in=accepted, kind="self", status="submitted").values_list(
                "initiative_id", flat=True
            )
        )
        - team
    )
    surveyed_units = {i.unit.base_id or i.unit_id for i in accepted.filter(pk__in=team).select_related("unit")}
    assessment = cells(find_table(doc, ["Hình thức", "Số mô hình", "Số đơn vị"]))
    assert [number(assessment[1][1]), number(assessment[1][2]), number(assessment[2][1])] == [
        len(team),
        len(surveyed_units),
        len(own),
    ]
    assert (s["surveyed"], s["surveyed_units"], s["self_assessed"]) == (len(team), len(surveyed_units), len(own))

    # Results and commendations.
    results = {row[0]: number(row[1]) for row in cells(find_table(doc, ["Kết quả", "Số mô hình"]))[1:]}
    commended = (
        CommendationEntry.objects.filter(commendation__campaign=c, initiative__in=accepted)
        .values("initiative")
        .distinct()
        .count()
    )
    assert results["Tiêu biểu"] == accepted.filter(result="exemplary").count() == s["exemplary"]
    assert results["Đạt, được công nhận"] == accepted.filter(result="recognised").count() == s["recognised"]
    assert results["Không đạt"] == accepted.filter(result="not_achieved").count() == s["not_achieved"]
    assert results["Được khen thưởng"] == commended == s["commended"]

    # Periodic reports, all periods due: accepted initiatives × periods, and those sent.
    reporting = cells(find_table(doc, ["Kỳ báo cáo", "Phải nộp", "Đã nộp", "Đúng hạn", "Tỷ lệ nộp (%)"]))
    total = reporting[-1]
    sent = ProgressReport.objects.filter(initiative__in=accepted).exclude(status="draft").count()
    assert total[0] == "Cộng"
    assert [number(total[1]), number(total[2])] == [accepted.count() * c.periods.count(), sent]
    assert (s["reports_expected"], s["reports_submitted"]) == (accepted.count() * c.periods.count(), sent)

    # Replications: copies of this campaign's initiatives.
    copies = Replication.objects.filter(original__campaign=c).exclude(copy__status="withdrawn")
    replications = cells(find_table(doc, ["Mô hình gốc", "Đơn vị", "Số nơi nhân rộng"]))[1:]
    assert sum(number(r[2]) for r in replications) == copies.count() == s["replications"]

    # The exemplary initiatives are named with their units.
    exemplary = cells(find_table(doc, ["STT", "Tên mô hình", "Đơn vị thực hiện", "Loại", "Điểm", "Điểm quy đổi"]))
    assert {(r[1], r[2]) for r in exemplary[1:]} == {
        (i.title, i.unit.name) for i in accepted.filter(result="exemplary").select_related("unit")
    }


@pytest.mark.django_db
def test_demo_report_names_the_units_that_need_attention(demo):
    text = text_of(demo.report)
    c = demo.c2017
    units = Organization.objects.filter(
        path__startswith=c.organization.path, kind__in=Organization.BASE_KINDS, is_active=True
    )
    registered = Initiative.objects.filter(campaign=c, status__in=REGISTERED)
    silent = [u for u in units if not registered.filter(unit__path__startswith=u.path).exists()]
    assert silent
    assert f"Còn {len(silent)}/{units.count()} đơn vị chưa đăng ký mô hình" in text
    for unit in silent:
        assert unit.name in text
    # Appendices follow the signature, on new pages; the wide per-unit table on a landscape page.
    doc = read(demo.report)
    assert any(mm(s.page_width) == pytest.approx(297, abs=0.5) for s in doc.sections)
    assert "PHỤ LỤC 1" in paragraphs(doc) and "PHỤ LỤC 2" in paragraphs(doc)


@pytest.mark.django_db
def test_demo_proposal_follows_the_state_format_and_lists_the_exemplary(demo):
    doc = read(demo.proposal)
    assert_page(doc, top=20, bottom=20, left=30, right=15)
    assert_fonts(doc)
    left, right = doc.tables[0].rows[0].cells
    motto = [p for p in right.paragraphs if p.text]
    assert [p.text for p in motto[:2]] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert motto[0].runs[0].bold and motto[0].runs[0].font.size == Pt(13)
    assert motto[1].runs[0].bold and motto[1].runs[0].font.size == Pt(14)
    assert motto[2].text == "Hải Phòng, ngày 20 tháng 01 năm 2018" and motto[2].runs[0].italic
    issuing = [p for p in left.paragraphs if p.text]
    assert issuing[1].text == "ĐẢNG ỦY KHỐI CÁC CƠ QUAN THÀNH PHỐ" and issuing[1].runs[0].bold
    assert re.fullmatch(r"Số: +/TTr-ĐUK", issuing[2].text)

    texts = paragraphs(doc)
    assert "TỜ TRÌNH" in texts
    assert "Kính gửi: Ủy ban nhân dân thành phố Hải Phòng." in texts
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in texts
    assert any(t.startswith("Căn cứ Nghị định số 98/2023/NĐ-CP") for t in texts)

    listed = cells(find_table(doc, ["STT", "Tên tập thể/cá nhân", "Mô hình", "Đơn vị", "Điểm / kết quả"]))[1:]
    exemplary = Initiative.objects.filter(campaign=demo.c2017, status=ACCEPTED, result="exemplary")
    assert len(listed) == exemplary.count()
    assert [r[0] for r in listed] == [str(n) for n in range(1, exemplary.count() + 1)]
    assert {(r[2], r[3]) for r in listed} == {(i.title, i.unit.name) for i in exemplary.select_related("unit")}
    entries = CommendationEntry.objects.filter(commendation__campaign=demo.c2017)
    assert {r[1].split("\n")[0] for r in listed} == set(entries.values_list("honouree", flat=True))

    sign = doc.tables[-1].rows[0].cells
    assert sign[1].paragraphs[0].text == "TM. BAN THƯỜNG VỤ"
    assert sign[0].paragraphs[0].text == "Nơi nhận:" and sign[0].paragraphs[0].runs[0].font.size == Pt(12)
    assert sign[0].paragraphs[-1].text == "- Lưu: VT, BDV."
    assert all(r.font.size == Pt(11) for p in sign[0].paragraphs[1:] for r in p.runs)


@pytest.mark.django_db
def test_demo_achievement_report_follows_decree_98_form_02(demo):
    doc = read(demo.achievement)
    assert_page(doc, top=20, bottom=20, left=30, right=15)
    assert_fonts(doc)
    texts = paragraphs(doc)
    for heading in (
        "BÁO CÁO THÀNH TÍCH",
        "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
        "1. Đặc điểm, tình hình",
        "2. Chức năng, nhiệm vụ",
        "II. THÀNH TÍCH ĐẠT ĐƯỢC",
        "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN",
        "1. Danh hiệu thi đua",
        "2. Hình thức khen thưởng",
    ):
        assert heading in texts, heading
    assert any(t.startswith("1. Báo cáo thành tích căn cứ vào chức năng, nhiệm vụ được giao") for t in texts)
    assert demo.legal_aid.unit.name in texts
    signatures = doc.tables[-1].rows[0].cells
    assert [c.paragraphs[0].text for c in signatures] == ["XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "THỦ TRƯỞNG ĐƠN VỊ"]

    # Indicators: each target and the actual summed from the reports sent (811 people served, in the story).
    indicators = cells(find_table(doc, ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện"]))[1:]
    assert len(indicators) == demo.legal_aid.indicators.count()
    for row, indicator in zip(indicators, demo.legal_aid.indicators.all(), strict=True):
        actual = (
            IndicatorValue.objects.filter(indicator=indicator).exclude(report__status="draft").aggregate(n=Sum("value"))
        )["n"]
        assert [row[1], number(row[3]), number(row[4])] == [indicator.name, int(indicator.target), int(actual)]
    assert "811" in [r[4] for r in indicators]

    # The honours the unit received as a collective, one line per decision.
    honours = cells(
        find_table(
            doc,
            [
                "Năm",
                "Hình thức khen thưởng",
                "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định",
            ],
        )
    )[1:]
    decisions = (
        CommendationEntry.objects.filter(
            initiative__unit__path__startswith=demo.legal_aid.unit.path, honouree_kind="collective"
        )
        .values_list("commendation__number", flat=True)
        .distinct()
    )
    assert len(honours) == len(decisions) == 1
    assert decisions[0] in honours[0][2] and honours[0][0] == "2017"


@pytest.mark.django_db
def test_demo_documents_open_in_libreoffice(demo, tmp_path):
    """The files open in LibreOffice as a party office would open them: converted to PDF, the report keeps its
    header and figures and numbers its pages from the second one."""
    import shutil
    import subprocess

    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice (libreoffice-writer-nogui) is needed to check the documents open"
    names = {"report": demo.report, "proposal": demo.proposal, "achievement": demo.achievement}
    for name, content in names.items():
        (tmp_path / f"{name}.docx").write_bytes(content)
    subprocess.run(
        [office, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *[str(tmp_path / f"{n}.docx") for n in names]],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    for name in names:
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.exists() and pdf.stat().st_size > 10_000, name
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pages[0]
    assert "42/65 đơn vị (64,6%) đăng ký 110 mô hình" in " ".join(text.split())
    assert pages[1].strip().splitlines()[0].strip() == "2"  # the page number heads the second page
    proposal = subprocess.run(
        ["pdftotext", str(tmp_path / "proposal.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in proposal
