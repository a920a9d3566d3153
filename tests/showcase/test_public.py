"""The public showcase, read by an anonymous visitor: the list and its search, an initiative's page with its
figures, photos, honours, copies and feedback, the feedback form and its anti-spam checks, the QR code and the
Atom feed. Nothing internal (scores, assessment notes, result reasons, report texts, unmoderated feedback,
e-mail addresses, unpublished entries) ever reaches these pages."""

import re
import time
import xml.etree.ElementTree as ET
from decimal import Decimal
from types import SimpleNamespace

import pytest
import segno
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from danvan.assessments.models import Assessment
from danvan.assessments.services import ScoreInput, assessment_save, assessment_submit, assignments_add, team_create
from danvan.assessments.services import criteria_for as rubric_of
from danvan.demo.checking import png
from danvan.initiatives.models import Initiative
from danvan.initiatives.services import IndicatorInput, initiative_accept, initiative_submit
from danvan.progress.services import report_save, report_submit
from danvan.recognition.services import EntryInput, commendation_create, initiative_replicate, result_decide
from danvan.showcase import services
from danvan.showcase.forms import form_token
from danvan.showcase.models import Feedback, ShowcaseEntry
from tests.conftest import accept_with_indicators, campaign_periods

HEADLINE = "Trợ giúp pháp lý miễn phí cho người nghèo"
REPORT_TEXT = "Nội dung báo cáo nội bộ: tư vấn tại bộ phận một cửa"
ASSESSMENT_COMMENT = "Nhận xét nội bộ của đoàn khảo sát"
SCORE_NOTE = "Ghi chú chấm điểm nội bộ"
RESULT_REASON = "Lý do bình xét nội bộ: vượt chỉ tiêu"
PRIVATE_MAIL = "lienhe.alpha@test.vn"
PENDING = "Ý kiến đang chờ đơn vị xem xét"
REJECTED = "Quảng cáo vay tiền nhanh"
REJECTION_REASON = "Quảng cáo, không liên quan"
PUBLISHED = "Cán bộ hướng dẫn tận tình, không mất chi phí"


def text(response) -> str:
    return response.content.decode()


def old_token(entry, seconds: float = 10) -> str:
    """The form's signed timestamp as if the page had been opened `seconds` ago."""
    return form_token(entry.pk, time.time() - seconds)


def feedback_data(entry, **extra) -> dict:
    data = {
        "rating": "5",
        "comment": "Cán bộ tận tình, gia đình tôi được giúp đỡ kịp thời.",
        "author_name": "Bà Nguyễn Thị Hoa",
        "author_area": "Thủy Nguyên",
        "website": "",
        "started": old_token(entry),
    }
    data.update(extra)
    return data


def publish(world, initiative, *, reason: str = "Tiêu biểu.", **texts) -> ShowcaseEntry:
    result_decide(initiative=initiative, by=world.admin, result=Initiative.Result.EXEMPLARY, reason=reason)
    values = {"headline": initiative.title, "summary": "Giới thiệu mô hình."} | texts
    return services.showcase_save(initiative=initiative, by=world.admin, **values)


@pytest.fixture
def pub(world):
    """The cell A1's initiative, accepted with two indicators (a count and a rate), two sent reports, a team's
    score with notes, decided exemplary with a reason, commended, copied by B (accepted) and C (a draft), published
    with a photo; its feedback: one published, one pending, one rejected. Plus B's exemplary initiative, saved but
    not published."""
    today = timezone.localdate()
    past, running = campaign_periods(world, (-90, -31, -20), (-30, 30, 40))
    i = accept_with_indicators(
        world,
        [
            IndicatorInput("Lượt người được trợ giúp pháp lý", "lượt người", 300),
            IndicatorInput("Tỷ lệ người được hỏi hài lòng", "%", 90),
        ],
        situation=f"Người nghèo thiếu hiểu biết pháp luật. Liên hệ {PRIVATE_MAIL}.",
    )
    count, rate = i.indicators.order_by("position", "id")
    for period, values in ((past, ("120", "80")), (running, ("91", "95"))):
        report = report_save(
            initiative=i,
            period=period,
            by=world.officer_cell,
            values={count.pk: values[0], rate.pk: values[1]},
            activities=REPORT_TEXT,
        )
        report_submit(report=report, by=world.officer_cell)
    team = team_create(
        campaign=world.campaign, by=world.admin, name="Đoàn khảo sát 1", members=[world.surveyor], leader=world.surveyor
    )
    assignments_add(team=team, by=world.admin, initiatives=[i])
    scores = {c.pk: ScoreInput(Decimal(c.max_score) - Decimal("1.5"), note=SCORE_NOTE) for c in rubric_of(i)}
    member = assessment_save(initiative=i, by=world.surveyor, kind=Assessment.Kind.MEMBER, scores=scores)
    assessment_submit(assessment=member, by=world.surveyor)
    assessment = assessment_save(
        initiative=i, by=world.surveyor, kind=Assessment.Kind.TEAM, scores=scores, comment=ASSESSMENT_COMMENT
    )
    assessment = assessment_submit(assessment=assessment, by=world.surveyor)
    result_decide(initiative=i, by=world.admin, result=Initiative.Result.EXEMPLARY, reason=RESULT_REASON)
    commendation_create(
        campaign=world.campaign,
        by=world.admin,
        number="125-QĐ/ĐUK",
        issued_on=today,
        issuer="Ban Thường vụ Đảng ủy Khối",
        form="certificate",
        title="Về việc khen thưởng mô hình tiêu biểu",
        signer_name="Lê Văn Thành",
        signer_title="Phó Bí thư",
        entries=[EntryInput(initiative=i)],
    )
    copy_b = initiative_replicate(
        original=i, campaign=world.campaign, unit=world.unit_b, by=world.officer_b, title="Trợ giúp pháp lý ở Beta"
    )
    initiative_accept(initiative=initiative_submit(initiative=copy_b, by=world.officer_b), by=world.admin)
    initiative_replicate(original=i, campaign=world.campaign, unit=world.unit_c, by=world.admin, title="Bản nháp Gamma")
    entry = services.showcase_save(
        initiative=i,
        by=world.admin,
        publish=True,
        headline=HEADLINE,
        summary="Tư vấn pháp luật miễn phí tại xã.\nHai buổi mỗi tháng.",
        implementers="Chi bộ Trung tâm Alpha; luật sư cộng tác viên.",
        beneficiaries="Người nghèo, gia đình chính sách.",
        results="211 lượt người được trợ giúp trong hai quý.",
    )
    services.showcase_photo_add(
        entry=entry,
        by=world.admin,
        upload=ContentFile(png((40, 120, 60)), name="buoi-tro-giup.png"),
        caption="Buổi trợ giúp",
    )
    shown = services.feedback_submit(
        entry=entry, rating=4, comment=PUBLISHED, author_name="Ông Trần Văn Bình", author_area="An Lão", address="a"
    )
    services.feedback_moderate(feedback=shown, by=world.officer_cell, approve=True)
    services.feedback_moderate(feedback=shown, by=world.admin, approve=True)
    services.feedback_submit(entry=entry, rating=2, comment=PENDING, address="b")
    spam = services.feedback_submit(entry=entry, rating=1, comment=REJECTED, address="c")
    services.feedback_moderate(feedback=spam, by=world.officer_cell, approve=False, reason=REJECTION_REASON)

    b = initiative_accept(
        initiative=world.make(world.unit_b, world.officer_b, "Ngày thứ Bảy tình nguyện kín", submit=True),
        by=world.admin,
    )
    hidden = publish(world, b, summary="Chưa công khai.")
    services.showcase_photo_add(
        entry=hidden, by=world.admin, upload=ContentFile(png((200, 0, 0)), name="an.png"), caption="Ảnh chưa công khai"
    )
    return SimpleNamespace(
        initiative=i, entry=entry, team_total=assessment.total, hidden=hidden, count=count, rate=rate, today=today
    )


# --- The list ---------------------------------------------------------------------------------------------------


def test_an_anonymous_visitor_sees_the_published_entries_as_cards(client, world, pub):
    response = client.get(reverse("showcase:list"))
    assert response.status_code == 200
    page = text(response)
    assert HEADLINE in page
    assert world.cell_a.name in page
    assert str(world.campaign.year) in page
    assert "Cải cách hành chính" in page
    assert "★ Giấy khen" in page
    assert reverse("showcase:photo", args=[pub.entry.photos.get().pk]) in page
    assert reverse("showcase:feed") in page
    # The unpublished entry is not there, neither is its unit in the filters.
    assert "Ngày thứ Bảy tình nguyện kín" not in page
    assert world.unit_b.name not in page


def test_the_search_ignores_diacritics_and_case(client, world, pub):
    for q in ("tro giup phap ly", "TRỢ GIÚP pháp lý", "Tro Giup", "nguoi ngheo"):
        page = text(client.get(reverse("showcase:list"), {"q": q}))
        assert HEADLINE in page, q
    page = text(client.get(reverse("showcase:list"), {"q": "thieu hieu biet"}))  # only in the registration
    assert HEADLINE not in page
    assert "Không có mô hình tiêu biểu nào khớp." in page


def test_filters_by_year_field_and_unit(client, world, pub):
    url = reverse("showcase:list")
    year = world.campaign.year
    assert HEADLINE in text(client.get(url, {"year": year}))
    assert HEADLINE in text(client.get(url, {"year": year - 1}))  # not a choice (a stale link): ignored
    assert HEADLINE in text(client.get(url, {"field": "Cải cách hành chính"}))
    assert HEADLINE in text(client.get(url, {"unit": world.cell_a.pk}))
    other = initiative_accept(initiative=world.make(world.unit_a, world.officer_a, "Khác", submit=True), by=world.admin)
    services.showcase_set_published(entry=publish(world, other), by=world.admin, published=True)
    page = text(client.get(url, {"unit": world.unit_a.pk}))  # A with its cell A1
    assert HEADLINE in page and ">Khác</a>" in page
    page = text(client.get(url, {"unit": world.cell_a.pk}))
    assert HEADLINE in page and ">Khác</a>" not in page
    page = text(client.get(url, {"unit": world.cell_a.pk, "q": "khac"}))
    assert "Không có mô hình tiêu biểu nào khớp." in page


def test_the_list_with_nothing_published_says_so(client, world):
    page = text(client.get(reverse("showcase:list")))
    assert "Chưa có mô hình tiêu biểu nào được công khai." in page


# --- An initiative's page -----------------------------------------------------------------------------------------


def test_the_page_shows_the_published_texts_figures_honours_copies_and_feedback(client, world, pub):
    response = client.get(reverse("showcase:detail", args=[pub.entry.pk]))
    assert response.status_code == 200
    page = text(response)
    assert HEADLINE in page
    assert world.cell_a.name in page
    assert "Tư vấn pháp luật miễn phí tại xã.<br>Hai buổi mỗi tháng." in page
    assert "luật sư cộng tác viên" in page
    assert "Người nghèo, gia đình chính sách." in page
    assert "211 lượt người được trợ giúp trong hai quý." in page
    # Indicators: counts add up over the sent reports (120 + 91 of 300), a rate is its latest value (95 of 90).
    assert re.search(r"Lượt người được trợ giúp pháp lý</td>.*?300.*?<strong>211</strong>.*?70,3%", page, re.S)
    assert re.search(r"Tỷ lệ người được hỏi hài lòng</td>.*?90.*?<strong>95</strong>.*?105,6%", page, re.S)
    # Honours and copies.
    assert "Giấy khen" in page and "125-QĐ/ĐUK" in page and pub.today.strftime("%d/%m/%Y") in page
    assert "Ban Thường vụ Đảng ủy Khối" in page
    assert "Trợ giúp pháp lý ở Beta" in page and world.unit_b.name in page
    assert "Bản nháp Gamma" not in page
    # Published feedback, its count and mean; links to the form and the QR code.
    assert PUBLISHED in page and "Ông Trần Văn Bình" in page and "An Lão" in page
    assert "4,0/5 từ 1 ý kiến" in page
    assert reverse("showcase:feedback", args=[pub.entry.pk]) in page
    assert reverse("showcase:qr", args=[pub.entry.pk]) in page
    assert reverse("showcase:photo", args=[pub.entry.photos.get().pk]) in page


def test_the_page_never_shows_anything_internal(client, world, pub):
    page = text(client.get(reverse("showcase:detail", args=[pub.entry.pk])))
    total = pub.team_total
    assert total is not None and total != total.to_integral_value()  # a figure that cannot occur by chance
    for secret in (
        f"{total:f}".rstrip("0"),
        f"{total:f}".rstrip("0").replace(".", ","),
        REPORT_TEXT,
        ASSESSMENT_COMMENT,
        SCORE_NOTE,
        RESULT_REASON,
        PENDING,
        REJECTED,
        REJECTION_REASON,
        PRIVATE_MAIL,
        "@test.vn",
        "Người nghèo thiếu hiểu biết pháp luật",  # the registration's own text, not published
        "Bổ sung chỉ tiêu",  # the return comment
    ):
        assert secret not in page, secret
    # Nor does the list, the form, the QR page or the feed.
    for url in (
        reverse("showcase:list"),
        reverse("showcase:feedback", args=[pub.entry.pk]),
        reverse("showcase:qr", args=[pub.entry.pk]),
        reverse("showcase:feed"),
    ):
        other = text(client.get(url))
        for secret in (RESULT_REASON, ASSESSMENT_COMMENT, PENDING, REJECTED, REJECTION_REASON, PRIVATE_MAIL):
            assert secret not in other, (url, secret)


def test_user_text_is_escaped(client, world, pub):
    f = services.feedback_submit(entry=pub.entry, rating=5, comment='Tôi thấy 3 < 5 và "rất tốt" & nhanh', address="d")
    services.feedback_moderate(feedback=f, by=world.officer_cell, approve=True)
    services.feedback_moderate(feedback=f, by=world.admin, approve=True)
    page = text(client.get(reverse("showcase:detail", args=[pub.entry.pk])))
    assert "Tôi thấy 3 &lt; 5 và &quot;rất tốt&quot; &amp; nhanh" in page


def test_an_unpublished_entry_does_not_exist_for_the_public(client, world, pub):
    hidden = pub.hidden
    photo = hidden.photos.get()
    for url in (
        reverse("showcase:detail", args=[hidden.pk]),
        reverse("showcase:feedback", args=[hidden.pk]),
        reverse("showcase:qr", args=[hidden.pk]),
        reverse("showcase:qr_svg", args=[hidden.pk]),
        reverse("showcase:photo", args=[photo.pk]),
        reverse("showcase:detail", args=[99999]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("showcase:feedback", args=[hidden.pk]), feedback_data(hidden)).status_code == 404
    assert "Ngày thứ Bảy tình nguyện kín" not in text(client.get(reverse("showcase:list")))
    # A withdrawn entry disappears as well.
    services.showcase_set_published(entry=pub.entry, by=world.admin, published=False)
    assert client.get(reverse("showcase:detail", args=[pub.entry.pk])).status_code == 404
    assert HEADLINE not in text(client.get(reverse("showcase:list")))


def test_the_bloc_administrator_previews_an_unpublished_entry(login, world, pub):
    page = text(login(world.admin).get(reverse("showcase:detail", args=[pub.hidden.pk])))
    assert "Bản xem trước." in page
    assert reverse("showcase:feedback", args=[pub.hidden.pk]) not in page
    assert login(world.admin).get(reverse("showcase:photo", args=[pub.hidden.photos.get().pk])).status_code == 200
    # The unit's officer and a leader cannot.
    assert login(world.officer_b).get(reverse("showcase:detail", args=[pub.hidden.pk])).status_code == 404
    assert login(world.leader).get(reverse("showcase:detail", args=[pub.hidden.pk])).status_code == 404


def test_a_photo_is_served_inline_with_its_checked_type(client, world, pub):
    response = client.get(reverse("showcase:photo", args=[pub.entry.photos.get().pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


# --- The feedback form --------------------------------------------------------------------------------------------


def test_the_form_has_five_labelled_stars_a_limited_comment_and_a_hidden_trap(client, world, pub):
    page = text(client.get(reverse("showcase:feedback", args=[pub.entry.pk])))
    assert len(re.findall(r'<input type="radio" name="rating"', page)) == 5
    for label in ("1 sao: Không hài lòng", "5 sao: Rất hài lòng"):
        assert label in page
    assert 'maxlength="1000"' in page and "Tối đa 1000 ký tự" in page
    assert 'name="website"' in page and 'class="sc-hp" aria-hidden="true"' in page
    assert 'name="started"' in page and "csrfmiddlewaretoken" in page


def test_a_citizen_sends_feedback_that_waits_for_moderation(client, world, pub):
    url = reverse("showcase:feedback", args=[pub.entry.pk])
    before = Feedback.objects.count()
    response = client.post(url, feedback_data(pub.entry), REMOTE_ADDR="203.0.113.9", follow=True)
    assert response.redirect_chain[-1][0] == reverse("showcase:detail", args=[pub.entry.pk])
    page = text(response)
    assert "Cảm ơn bạn. Ý kiến sẽ hiển thị sau khi đơn vị và Khối xem xét." in page
    assert "Cán bộ tận tình, gia đình tôi được giúp đỡ kịp thời." not in page
    assert Feedback.objects.count() == before + 1
    f = Feedback.objects.latest("id")
    assert (f.status, f.rating, f.author_area) == (Feedback.Status.PENDING, 5, "Thủy Nguyên")
    assert f.client_key == services.client_key("203.0.113.9")


def test_a_comment_with_a_script_is_refused_and_nothing_saved(client, world, pub):
    before = Feedback.objects.count()
    response = client.post(
        reverse("showcase:feedback", args=[pub.entry.pk]),
        feedback_data(pub.entry, comment="Hay quá <script>alert(1)</script>", author_name="Chị Hà"),
    )
    assert response.status_code == 400
    page = text(response)
    assert "Ý kiến không được chứa mã HTML hoặc script" in page
    assert "<script>alert(1)</script>" not in page
    assert "Hay quá &lt;script&gt;alert(1)&lt;/script&gt;" in page  # what was typed is kept, escaped
    assert 'value="Chị Hà"' in page
    assert Feedback.objects.count() == before


def test_empty_input_is_refused_with_the_error_next_to_each_field(client, world, pub):
    response = client.post(
        reverse("showcase:feedback", args=[pub.entry.pk]), feedback_data(pub.entry, rating="", comment="  ")
    )
    assert response.status_code == 400
    page = text(response)
    assert "Hãy chọn mức hài lòng từ 1 đến 5 sao." in page
    assert "Hãy viết ý kiến của bạn." in page
    assert 'value="Bà Nguyễn Thị Hoa"' in page


def test_too_long_a_comment_is_refused(client, world, pub):
    before = Feedback.objects.count()
    response = client.post(
        reverse("showcase:feedback", args=[pub.entry.pk]), feedback_data(pub.entry, comment="Rất tốt. " * 200)
    )
    assert response.status_code == 400
    assert "quá 1000 ký tự" in text(response)
    assert Feedback.objects.count() == before


def test_the_honeypot_refuses_a_robot(client, world, pub):
    before = Feedback.objects.count()
    response = client.post(
        reverse("showcase:feedback", args=[pub.entry.pk]), feedback_data(pub.entry, website="http://spam.example")
    )
    assert response.status_code == 400
    assert "biểu mẫu do máy tự điền" in text(response)
    assert Feedback.objects.count() == before


def test_a_form_sent_too_fast_is_refused_then_accepted_when_sent_again(client, world, pub, settings):
    url = reverse("showcase:feedback", args=[pub.entry.pk])
    before = Feedback.objects.count()
    response = client.post(url, feedback_data(pub.entry, started=form_token(pub.entry.pk)))
    assert response.status_code == 400
    page = text(response)
    assert "Bạn gửi nhanh quá" in page
    assert "Cán bộ tận tình, gia đình tôi được giúp đỡ kịp thời." in page
    assert Feedback.objects.count() == before
    # The minimum age is a setting, read at each request.
    settings.DANVAN_FEEDBACK_MIN_SECONDS = 0
    assert client.post(url, feedback_data(pub.entry, started=form_token(pub.entry.pk))).status_code == 302
    assert Feedback.objects.count() == before + 1


def test_an_old_forged_or_foreign_token_is_refused(client, world, pub):
    url = reverse("showcase:feedback", args=[pub.entry.pk])
    before = Feedback.objects.count()
    response = client.post(url, feedback_data(pub.entry, started=old_token(pub.entry, 25 * 3600)))
    assert response.status_code == 400
    page = text(response)
    assert "Trang đã mở quá một ngày" in page
    # A fresh token replaces the expired one, so that sending again works.
    fresh = re.search(r'name="started" value="([^"]+)"', page).group(1)
    assert fresh != feedback_data(pub.entry)["started"]
    for started in ("", "abc", old_token(pub.entry)[:-2] + "xx", form_token(pub.hidden.pk, time.time() - 10)):
        response = client.post(url, feedback_data(pub.entry, started=started))
        assert response.status_code == 400, started
        assert "biểu mẫu không hợp lệ" in text(response)
    assert Feedback.objects.count() == before


def test_a_flood_from_one_address_is_stopped_with_a_message_at_the_top(client, world, pub, monkeypatch):
    # The service reads its limit once, at import: the test lowers the module's value.
    monkeypatch.setattr(services, "FEEDBACK_PER_HOUR", 2)
    url = reverse("showcase:feedback", args=[pub.entry.pk])
    for n in range(2):
        response = client.post(url, feedback_data(pub.entry, comment=f"Ý kiến số {n}"), REMOTE_ADDR="198.51.100.1")
        assert response.status_code == 302
    before = Feedback.objects.count()
    response = client.post(url, feedback_data(pub.entry, comment="Ý kiến thứ ba"), REMOTE_ADDR="198.51.100.1")
    assert response.status_code == 400
    page = text(response)
    top = page.index('class="form-errors"')
    assert page.index("Bạn đã gửi 2 ý kiến trong một giờ qua") > top
    assert page.index("Bạn đã gửi 2 ý kiến trong một giờ qua") < page.index("sc-rating")
    assert "Ý kiến thứ ba" in page
    assert Feedback.objects.count() == before
    # Another address is not held back.
    assert (
        client.post(url, feedback_data(pub.entry, comment="Ý kiến khác"), REMOTE_ADDR="198.51.100.2").status_code == 302
    )


def test_the_same_comment_twice_is_refused(client, world, pub):
    url = reverse("showcase:feedback", args=[pub.entry.pk])
    assert client.post(url, feedback_data(pub.entry)).status_code == 302
    before = Feedback.objects.count()
    response = client.post(url, feedback_data(pub.entry))
    assert response.status_code == 400
    assert "Ý kiến này đã được gửi; xin đừng gửi lại." in text(response)
    assert Feedback.objects.count() == before


def test_the_form_keeps_csrf_protection(world, pub):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("showcase:feedback", args=[pub.entry.pk]), feedback_data(pub.entry))
    assert response.status_code == 403
    assert not Feedback.objects.filter(comment__startswith="Cán bộ tận tình").exists()


# --- QR code and feed ---------------------------------------------------------------------------------------------


def svg_modules(svg: bytes) -> tuple[int, list[list[bool]]]:
    """Read segno's SVG back into its module matrix (the path draws each dark run as `h<length>`)."""
    root = ET.fromstring(svg)
    size = int(float(root.get("viewBox").split()[2]))
    path = root.find("{http://www.w3.org/2000/svg}path").get("d")
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for op, a, b in re.findall(r"([MmHh])\s*(-?[\d.]+)(?:[ ,](-?[\d.]+))?", path):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            for col in range(int(x), int(x + float(a))):
                grid[int(y)][col] = True
            x += float(a)
    return size, grid


def test_the_qr_code_encodes_the_address_of_the_feedback_form(client, world, pub):
    response = client.get(reverse("showcase:qr_svg", args=[pub.entry.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<svg")
    url = "http://testserver" + reverse("showcase:feedback", args=[pub.entry.pk])
    expected = segno.make_qr(url, error="m")
    size, grid = svg_modules(response.content)
    width, _height = expected.symbol_size(scale=1, border=0)
    assert size == width + 8  # the modules and a quiet zone of four on each side
    assert [row[4 : 4 + width] for row in grid[4 : 4 + width]] == [[bool(v) for v in row] for row in expected.matrix]


def test_the_printable_qr_page_writes_out_the_address(client, world, pub):
    page = text(client.get(reverse("showcase:qr", args=[pub.entry.pk])))
    url = "http://testserver" + reverse("showcase:feedback", args=[pub.entry.pk])
    assert f">{url}</a>" in page
    assert "Quét mã để gửi ý kiến về mô hình" in page
    assert HEADLINE in page and world.cell_a.name in page
    assert reverse("showcase:qr_svg", args=[pub.entry.pk]) in page


def test_the_feed_is_atom_listing_published_entries_only(client, world, pub):
    response = client.get(reverse("showcase:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.find("a:title", ns).text and root.find("a:id", ns).text and root.find("a:updated", ns).text
    entries = root.findall("a:entry", ns)
    assert [e.find("a:title", ns).text for e in entries] == [HEADLINE]
    item = entries[0]
    assert item.find("a:link", ns).get("href") == "http://testserver" + reverse("showcase:detail", args=[pub.entry.pk])
    assert item.find("a:author/a:name", ns).text == world.cell_a.name
    assert item.find("a:published", ns).text.startswith(str(pub.entry.published_at.year))
    assert "Tư vấn pháp luật miễn phí tại xã." in item.find("a:summary", ns).text
    assert "Ngày thứ Bảy tình nguyện kín" not in text(response)


def test_the_list_answers_an_htmx_filter_with_the_results_only(client, world, pub):
    response = client.get(reverse("showcase:list"), {"q": "tro giup"}, HTTP_HX_REQUEST="true")
    page = text(response)
    assert HEADLINE in page
    assert "<html" not in page and 'role="search"' not in page


def test_the_public_pages_read_a_fixed_number_of_queries(client, world, pub, django_assert_max_num_queries):
    for unit, officer, title in (
        (world.unit_a, world.officer_a, "Một cửa thân thiện"),
        (world.cell_a, world.officer_cell, "Ngày thứ Bảy xanh"),
        (world.unit_c, world.admin, "Tiếp dân tận tình"),
    ):
        i = initiative_accept(initiative=world.make(unit, officer, title, submit=True), by=world.admin)
        entry = publish(world, i)
        services.showcase_set_published(entry=entry, by=world.admin, published=True)
        services.showcase_photo_add(entry=entry, by=world.admin, upload=ContentFile(png((1, 2, 3)), name="a.png"))
    with django_assert_max_num_queries(8):
        page = text(client.get(reverse("showcase:list")))
    assert page.count('class="sc-card"') == 4
    with django_assert_max_num_queries(11):
        client.get(reverse("showcase:detail", args=[pub.entry.pk]))
