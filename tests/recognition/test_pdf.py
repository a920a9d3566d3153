"""The printed documents of a commendation decision: the decision with its list (A4 portrait, Party document
format) and the certificates (A4 landscape, one per page), read back with poppler's pdftotext and pdfinfo."""

import shutil
import subprocess
from datetime import date

import pytest
from django.urls import reverse

from danvan.orgs.models import Organization
from danvan.recognition import pdf, services
from danvan.recognition.models import Commendation, CommendationEntry
from tests.recognition.test_views import rv  # noqa: F401  (the fixture)

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")

HONOUREE = "Chi bộ Trung tâm Trợ giúp pháp lý nhà nước thành phố Hải Phòng"
PERSON = "Đồng chí Nguyễn Hữu Tùng"


def poppler(tool: str, content: bytes, tmp_path, *args: str) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(content)
    return subprocess.run(
        [tool, *args, str(path), "-"] if tool == "pdftotext" else [tool, str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def pages(content: bytes, tmp_path) -> tuple[int, str]:
    info = poppler("pdfinfo", content, tmp_path)
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    return int(fields["Pages"]), fields["Page size"].strip()


@pytest.fixture
def decision(world, rv):  # noqa: F811
    # The bloc as the demo names it: the city is read from the end of its name.
    Organization.objects.filter(pk=world.bloc.pk).update(name="Đảng bộ Khối các cơ quan thành phố Hải Phòng")
    for i in (rv.cell, rv.a):
        services.result_decide(initiative=i, by=world.admin, result="exemplary", reason="Tiêu biểu.")
    return services.commendation_create(
        campaign=world.campaign,
        by=world.admin,
        number="125-QĐ/ĐUK",
        issued_on=date(2018, 1, 15),
        issuer="Ban Thường vụ Đảng ủy Khối các cơ quan thành phố",
        form=Commendation.Form.CERTIFICATE,
        title="Về việc khen thưởng tập thể, cá nhân có mô hình “Dân vận khéo” tiêu biểu năm 2017",
        signer_name="Lê Văn Thành",
        signer_title="Phó Bí thư Thường trực Đảng ủy Khối",
        entries=[
            services.EntryInput(initiative=rv.cell, honouree=HONOUREE, citation="Trợ giúp pháp lý cho 811 lượt người."),
            services.EntryInput(initiative=rv.a, honouree=PERSON, honouree_kind="individual"),
        ],
    )


def test_the_decision_is_an_a4_portrait_party_document(world, decision, login, tmp_path):
    response = login(world.admin).get(reverse("recognition:commendation_pdf", args=[decision.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="quyet-dinh-125-qd-duk.pdf"'
    content = response.content
    n, size = pages(content, tmp_path)
    assert size.startswith("595.276 x 841.89") and "A4" in size  # portrait
    assert n >= 2
    page = " ".join(poppler("pdftotext", content, tmp_path).split())
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 125-QĐ/ĐUK",
        "QUYẾT ĐỊNH",
        "ĐẢNG ỦY KHỐI CÁC CƠ QUAN THÀNH PHỐ",
        "T/M BAN THƯỜNG VỤ",
        "Lê Văn Thành",
        "Nơi nhận:",
        "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG",
        "Hải Phòng, ngày 15 tháng 01 năm 2018",
        "STT",
        PERSON,
        HONOUREE,
        "Dân vận chính quyền Alpha",
    ):
        assert expected in page, expected
    # Pages are numbered from the second one: the first carries no number, the second starts with "2".
    first = poppler("pdftotext", content, tmp_path, "-f", "1", "-l", "1").split()
    second = poppler("pdftotext", content, tmp_path, "-f", "2", "-l", "2").split()
    assert first[0] != "1" and second[0] == "2"


def test_a_certificate_is_one_a4_landscape_page(world, decision, login, tmp_path):
    entry = decision.entries.get(honouree=HONOUREE)
    response = login(world.admin).get(reverse("recognition:certificate", args=[entry.pk]))
    assert response["Content-Type"] == "application/pdf"
    n, size = pages(response.content, tmp_path)
    assert n == 1 and size.startswith("841.89 x 595.276")  # landscape
    page = " ".join(poppler("pdftotext", response.content, tmp_path).split())
    for expected in (
        "GIẤY KHEN",
        "Tặng",
        HONOUREE,
        "Trợ giúp pháp lý cho 811 lượt người.",
        "Quyết định số 125-QĐ/ĐUK",
        "ngày 15/01/2018",
        "Hải Phòng, ngày 15 tháng 01 năm 2018",
        "Lê Văn Thành",
    ):
        assert expected in page, expected


def test_all_certificates_of_a_decision_one_per_page(world, decision, login, tmp_path):
    response = login(world.admin).get(reverse("recognition:certificates", args=[decision.pk]))
    n, size = pages(response.content, tmp_path)
    assert n == 2 and size.startswith("841.89 x 595.276")
    assert PERSON in poppler("pdftotext", response.content, tmp_path, "-f", "2", "-l", "2")


def test_the_documents_are_read_by_whoever_sees_the_decision(world, rv, decision, login):  # noqa: F811
    entry = CommendationEntry.objects.first()
    urls = [
        reverse("recognition:commendation_pdf", args=[decision.pk]),
        reverse("recognition:certificates", args=[decision.pk]),
        reverse("recognition:certificate", args=[entry.pk]),
    ]
    for url in urls:
        assert login(world.officer_b).get(url).status_code == 200
        assert login(rv.outsider).get(url).status_code == 404


def test_the_letterhead_follows_the_issuer_and_the_organisation(world, decision):
    decision = Commendation.objects.select_related("issuing_org__parent").get(pk=decision.pk)
    head = pdf.letterhead(decision)
    assert head.issuing_body == "ĐẢNG ỦY KHỐI CÁC CƠ QUAN THÀNH PHỐ"
    assert head.on_behalf == "T/M BAN THƯỜNG VỤ"
    assert head.superior == "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG"
    assert head.place_date == "Hải Phòng, ngày 15 tháng 01 năm 2018"
    # A top-level bloc whose name gives no city: no superior line, the date alone.
    decision.issuing_org.name = "Đảng bộ Khối thử nghiệm"
    decision.issuer = "Thường trực Đảng ủy Khối"
    head = pdf.letterhead(decision)
    assert (head.superior, head.place_date) == ("", "Ngày 15 tháng 01 năm 2018")
    assert (head.issuing_body, head.on_behalf) == ("THƯỜNG TRỰC ĐẢNG ỦY KHỐI", "T/M THƯỜNG TRỰC ĐẢNG ỦY KHỐI")
    assert pdf.party_date(date(2018, 11, 5), "Hải Phòng") == "Hải Phòng, ngày 05 tháng 11 năm 2018"
