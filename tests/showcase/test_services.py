"""The public showcase: the bloc publishes exemplary initiatives in words of its own; citizens rate them and
comment, within limits that keep floods and markup out; the unit, then the bloc, decide what is shown."""

import threading
import time
from datetime import timedelta
from statistics import fmean

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from danvan.core.models import AuditEntry
from danvan.core.text import fold
from danvan.demo.checking import pdf, png
from danvan.insights.review import review_board
from danvan.showcase.models import Feedback, ShowcaseEntry, ShowcasePhoto
from danvan.showcase.services import (
    COMMENT_MAX,
    FEEDBACK_PER_HOUR,
    feedback_moderate,
    feedback_submit,
    showcase_photo_add,
    showcase_save,
    showcase_set_published,
)
from tests.recognition.test_services import (
    R,
    accepted,
    decide,
    exemplary,
    other_bloc_admin,
    with_room,
)

FS = Feedback.Status
TEXTS = {
    "headline": "Trợ giúp pháp lý miễn phí cho người nghèo",
    "summary": "Trung tâm trợ giúp pháp lý đưa luật sư về tận xã, phường.",
    "implementers": "Chi bộ Trung tâm Trợ giúp pháp lý",
    "beneficiaries": "Người nghèo, gia đình chính sách",
    "results": "811 người được trợ giúp trong năm đầu.",
}


def fields_named(excinfo) -> set[str]:
    return set(getattr(excinfo.value, "error_dict", {}))


def said(excinfo) -> str:
    return " ".join(excinfo.value.messages)


def publish(world, initiative, **texts) -> ShowcaseEntry:
    return showcase_save(initiative=initiative, by=world.admin, publish=True, **(TEXTS | texts))


@pytest.fixture
def entry(rv) -> ShowcaseEntry:
    """The cell A1's exemplary initiative, published."""
    return publish(rv, exemplary(rv, rv.cell_a, rv.officer_cell, "Trợ giúp pháp lý lưu động"))


def opinion(entry, comment="Cán bộ hướng dẫn tận tình, không phải đi lại nhiều lần.", rating=5, **extra) -> Feedback:
    return feedback_submit(entry=entry, rating=rating, comment=comment, **extra)


@pytest.fixture
def rv(world):
    return with_room(world)


# --- Publishing ------------------------------------------------------------------------------------------------


def test_the_bloc_administrator_publishes_an_exemplary_initiative_in_words_of_its_own(rv):
    initiative = exemplary(rv, rv.cell_a, rv.officer_cell, "Trợ giúp pháp lý lưu động")
    draft = showcase_save(initiative=initiative, by=rv.admin, **TEXTS)
    assert (draft.is_published, draft.published_at) == (False, None)
    assert not ShowcaseEntry.objects.published().exists()

    entry = showcase_set_published(entry=draft, by=rv.admin, published=True)
    entry.refresh_from_db()
    assert entry.is_published and entry.published_at is not None
    assert list(ShowcaseEntry.objects.published()) == [entry]
    assert {name: getattr(entry, name) for name in TEXTS} == TEXTS
    # The public search finds it without diacritics, by its headline and by its unit.
    assert fold(TEXTS["headline"]) in entry.search_text
    assert fold(rv.cell_a.name) in entry.search_text
    assert list(AuditEntry.objects.filter(target_type="showcase.showcaseentry").values_list("action", flat=True)) == [
        "showcase.publish",
        "showcase.create",
    ]

    showcase_set_published(entry=entry, by=rv.admin, published=False)
    assert not ShowcaseEntry.objects.published().exists()


def test_only_an_exemplary_initiative_is_published(rv):
    undecided = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    recognised = decide(rv, accepted(rv, rv.unit_b, rv.officer_b, "Tiếp dân Beta"), R.RECOGNISED)
    for initiative in (undecided, recognised):
        with pytest.raises(ValidationError) as e:
            publish(rv, initiative)
        assert "tiêu biểu" in said(e)
    assert not ShowcaseEntry.objects.exists()

    # Prepared while exemplary, then the result was lowered: it can no longer be published.
    initiative = exemplary(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    draft = showcase_save(initiative=initiative, by=rv.admin, **TEXTS)
    decide(rv, initiative, R.RECOGNISED, reason="Xét lại.")
    with pytest.raises(ValidationError):
        showcase_set_published(entry=draft, by=rv.admin, published=True)
    draft.refresh_from_db()
    assert not draft.is_published
    assert not ShowcaseEntry.objects.published().exists()


def test_only_the_blocs_administrator_publishes(rv):
    initiative = exemplary(rv, rv.cell_a, rv.officer_cell, "Trợ giúp pháp lý lưu động")
    outsiders = (rv.officer_cell, rv.officer_a, rv.officer_b, rv.leader, rv.surveyor, other_bloc_admin())
    for user in outsiders:
        with pytest.raises(ValidationError):
            showcase_save(initiative=initiative, by=user, publish=True, **TEXTS)
    assert not ShowcaseEntry.objects.exists()

    draft = showcase_save(initiative=initiative, by=rv.admin, **TEXTS)
    for user in outsiders:
        with pytest.raises(ValidationError):
            showcase_set_published(entry=draft, by=user, published=True)
    assert not ShowcaseEntry.objects.published().exists()


@pytest.mark.parametrize("field", ["headline", "summary", "implementers", "beneficiaries", "results"])
@pytest.mark.parametrize(
    "markup", ["<b>Tiêu biểu</b>", "<script>alert(1)</script>", "Xem javascript:alert(1)", "&lt;i&gt;", "x onclick=y"]
)
def test_public_texts_with_markup_are_refused_naming_the_field(rv, field, markup):
    initiative = exemplary(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    with pytest.raises(ValidationError) as e:
        publish(rv, initiative, **{field: markup})
    assert fields_named(e) == {field}
    assert not ShowcaseEntry.objects.exists()


def test_a_public_entry_needs_its_headline_and_summary_within_their_lengths(rv):
    initiative = exemplary(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    with pytest.raises(ValidationError) as e:
        publish(rv, initiative, headline="  ", summary="")
    assert fields_named(e) == {"headline", "summary"}
    with pytest.raises(ValidationError) as e:
        publish(rv, initiative, headline="x" * 256)
    assert fields_named(e) == {"headline"}
    assert not ShowcaseEntry.objects.exists()


def test_public_photos_are_images_with_plain_captions_added_by_the_bloc(rv, entry):
    def photo(name="anh.png", content=None, caption="Buổi trợ giúp tại xã", by=None):
        upload = SimpleUploadedFile(name, content or png((10, 120, 40)))
        return showcase_photo_add(entry=entry, by=by or rv.admin, upload=upload, caption=caption)

    first, second = photo(), photo(caption="Sơ kết cuối năm")
    assert [(p.position, p.content_type) for p in (first, second)] == [(0, "image/png"), (1, "image/png")]
    with pytest.raises(ValidationError) as e:
        photo(name="bien-ban.pdf", content=pdf("Bien ban"))
    assert fields_named(e) == {"file"}
    with pytest.raises(ValidationError) as e:
        photo(caption="<img src=x onerror=alert(1)>")
    assert fields_named(e) == {"caption"}
    for user in (rv.officer_cell, rv.leader):
        with pytest.raises(ValidationError):
            photo(by=user)
    assert ShowcasePhoto.objects.count() == 2


# --- Citizens' feedback ----------------------------------------------------------------------------------------


def test_a_citizens_opinion_is_kept_waiting_for_moderation_without_their_address(rv, entry):
    f = opinion(entry, rating="4", author_name=" Nguyễn  Thị Lan ", author_area="Phường Lê Chân", address="203.0.113.5")
    f.refresh_from_db()
    assert (f.status, f.rating, f.author_name, f.author_area) == (FS.PENDING, 4, "Nguyễn Thị Lan", "Phường Lê Chân")
    assert "203.0.113.5" not in f.client_key
    assert not Feedback.objects.shown().exists()


@pytest.mark.parametrize(
    "comment",
    [
        "",
        "   \n ",
        "a" * (COMMENT_MAX + 1),
        "<script>alert(1)</script>",
        "<b>x</b>",
        "javascript:alert(1)",
        "Rất hay &#60;3",
    ],
)
def test_an_empty_overlong_or_marked_up_comment_is_refused_and_nothing_is_saved(rv, entry, comment):
    with pytest.raises(ValidationError) as e:
        opinion(entry, comment=comment)
    assert fields_named(e) == {"comment"}
    assert not Feedback.objects.exists()


def test_a_comment_of_exactly_the_maximum_length_is_accepted(rv, entry):
    assert len(opinion(entry, comment="a" * COMMENT_MAX).comment) == COMMENT_MAX


@pytest.mark.parametrize("rating", [0, 6, -1, "", None, "năm"])
def test_a_rating_outside_one_to_five_stars_is_refused(rv, entry, rating):
    with pytest.raises(ValidationError) as e:
        opinion(entry, rating=rating)
    assert fields_named(e) == {"rating"}
    assert not Feedback.objects.exists()


def test_a_name_or_place_with_markup_is_refused_naming_it(rv, entry):
    with pytest.raises(ValidationError) as e:
        opinion(entry, author_name="<b>Lan</b>", author_area="<i>Lê Chân</i>")
    assert fields_named(e) == {"author_name", "author_area"}
    assert not Feedback.objects.exists()


def test_no_opinion_on_an_initiative_that_is_not_published(rv, entry):
    showcase_set_published(entry=entry, by=rv.admin, published=False)
    with pytest.raises(ValidationError) as e:
        opinion(entry)
    assert "không còn được công khai" in said(e)
    assert not Feedback.objects.exists()


def test_one_address_sends_a_limited_number_of_opinions_an_hour(rv, entry):
    start = timezone.now()
    for n in range(FEEDBACK_PER_HOUR):
        opinion(
            entry,
            comment=f"Ý kiến thứ {n + 1}: cán bộ tận tình.",
            address="203.0.113.9",
            now=start + n * timedelta(minutes=5),
        )
    last = start + (FEEDBACK_PER_HOUR - 1) * timedelta(minutes=5)
    with pytest.raises(ValidationError) as e:
        opinion(entry, comment="Một ý kiến nữa.", address="203.0.113.9", now=last + timedelta(minutes=1))
    assert str(FEEDBACK_PER_HOUR) in said(e)
    assert Feedback.objects.count() == FEEDBACK_PER_HOUR

    # Another sender is not held back by the flood.
    opinion(entry, comment="Ý kiến từ nhà khác.", address="198.51.100.20", now=last + timedelta(minutes=1))
    # An hour after the first of them, the sender may write again.
    opinion(entry, comment="Một ý kiến nữa.", address="203.0.113.9", now=start + timedelta(hours=1, minutes=1))
    assert Feedback.objects.count() == FEEDBACK_PER_HOUR + 2


def test_the_same_comment_is_not_sent_twice(rv, entry):
    opinion(entry, comment="Cán bộ rất tận tình.", address="203.0.113.9")
    with pytest.raises(ValidationError) as e:
        opinion(entry, comment="  cán bộ  RẤT tận tình. ", address="203.0.113.9")
    assert fields_named(e) == {"comment"}
    assert Feedback.objects.count() == 1
    opinion(entry, comment="Thủ tục nhanh hơn trước.", address="203.0.113.9")
    assert Feedback.objects.count() == 2


# --- Moderation ------------------------------------------------------------------------------------------------


def test_the_unit_approves_first_then_the_bloc_publishes(rv, entry):
    f = opinion(entry)
    f = feedback_moderate(feedback=f, by=rv.officer_cell, approve=True)
    assert (f.status, f.unit_moderator) == (FS.UNIT_APPROVED, rv.officer_cell)
    assert not Feedback.objects.shown().exists()
    # The unit has had its say: it cannot act on it again.
    with pytest.raises(ValidationError):
        feedback_moderate(feedback=f, by=rv.officer_a, approve=True)

    f = feedback_moderate(feedback=f, by=rv.admin, approve=True)
    f.refresh_from_db()
    assert (f.status, f.bloc_moderator) == (FS.PUBLISHED, rv.admin)
    assert f.moderated_at is not None
    assert list(Feedback.objects.shown()) == [f]
    assert list(
        AuditEntry.objects.filter(action="feedback.moderate").order_by("id").values_list("changes__status", flat=True)
    ) == [[FS.PENDING, FS.UNIT_APPROVED], [FS.UNIT_APPROVED, FS.PUBLISHED]]


def test_the_bloc_cannot_publish_an_opinion_before_the_unit_has_seen_it(rv, entry):
    f = opinion(entry)
    with pytest.raises(ValidationError) as e:
        feedback_moderate(feedback=f, by=rv.admin, approve=True)
    assert "đơn vị" in said(e)
    f.refresh_from_db()
    assert f.status == FS.PENDING


def test_only_the_owning_units_officers_and_the_bloc_moderate(rv, entry):
    f = opinion(entry)
    for user in (rv.officer_b, rv.leader, rv.surveyor, other_bloc_admin()):
        for approve in (True, False):
            with pytest.raises(ValidationError):
                feedback_moderate(feedback=f, by=user, approve=approve, reason="Không phù hợp.")
    f.refresh_from_db()
    assert (f.status, f.unit_moderator, f.bloc_moderator) == (FS.PENDING, None, None)
    # The officer of the base unit moderates for its cell.
    assert feedback_moderate(feedback=f, by=rv.officer_a, approve=True).status == FS.UNIT_APPROVED


def test_turning_an_opinion_down_needs_a_reason_and_it_is_never_shown(rv, entry):
    f = opinion(entry, comment="Liên hệ dịch vụ vay tiền nhanh.", rating=1)
    with pytest.raises(ValidationError) as e:
        feedback_moderate(feedback=f, by=rv.officer_cell, approve=False, reason="  ")
    assert fields_named(e) == {"reason"}
    f.refresh_from_db()
    assert f.status == FS.PENDING

    f = feedback_moderate(feedback=f, by=rv.officer_cell, approve=False, reason="Quảng cáo, không liên quan.")
    assert (f.status, f.rejection_reason, f.unit_moderator) == (
        FS.REJECTED,
        "Quảng cáo, không liên quan.",
        rv.officer_cell,
    )
    with pytest.raises(ValidationError):
        feedback_moderate(feedback=f, by=rv.admin, approve=True)
    assert not Feedback.objects.shown().exists()

    # The bloc may turn down what the unit approved.
    g = feedback_moderate(feedback=opinion(entry, address="198.51.100.1"), by=rv.officer_cell, approve=True)
    g = feedback_moderate(feedback=g, by=rv.admin, approve=False, reason="Nêu tên cán bộ cụ thể.")
    assert (g.status, g.bloc_moderator) == (FS.REJECTED, rv.admin)


def test_the_review_board_counts_only_published_opinions(rv, entry):
    ratings = {"published": (5, 4, 2), "unit": (1,), "pending": (1,), "rejected": (1,)}
    address = iter(f"203.0.113.{n}" for n in range(100))
    for stage, values in ratings.items():
        for rating in values:
            f = opinion(entry, rating=rating, comment=f"{stage} {rating} sao", address=next(address))
            if stage in ("published", "unit"):
                f = feedback_moderate(feedback=f, by=rv.officer_cell, approve=True)
            if stage == "published":
                feedback_moderate(feedback=f, by=rv.admin, approve=True)
            if stage == "rejected":
                feedback_moderate(feedback=f, by=rv.officer_cell, approve=False, reason="Không liên quan.")

    shown = [f.rating for f in Feedback.objects.all() if f.status == FS.PUBLISHED]
    (row,) = [r for r in review_board(rv.campaign, rv.admin).rows if r.initiative.pk == entry.initiative_id]
    assert (row.feedback_count, row.feedback_average) == (len(shown), round(fmean(shown), 2))
    assert len(shown) < Feedback.objects.count()


def test_behind_a_trusted_proxy_each_citizen_has_their_own_budget(settings, rf):
    """Behind nginx every request comes from the proxy's address: the limit must count the real clients, and a
    client that writes its own X-Forwarded-For entry cannot step around it."""
    from danvan.core.net import client_address

    settings.DANVAN_TRUSTED_PROXIES = 1
    a = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    b = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.8")
    spoofed = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7")
    assert client_address(a) == "203.0.113.7" != client_address(b)
    assert client_address(spoofed) == client_address(a)
    settings.DANVAN_TRUSTED_PROXIES = 0
    assert client_address(a) == client_address(b) == "10.0.0.2"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="opinions sent at once need a database that runs them side by side"
)
@pytest.mark.django_db(transaction=True)
def test_opinions_sent_at_once_by_one_sender_stay_within_the_limit(world, monkeypatch):
    """Several opinions from one address arrive together, each counting the sender's opinions of the last hour before
    writing its own: however they interleave, no more than the limit are kept, and the others are refused."""
    rv = with_room(world)
    entry = publish(rv, exemplary(rv, rv.cell_a, rv.officer_cell, "Trợ giúp pháp lý lưu động"))
    sent = FEEDBACK_PER_HOUR + 3
    start = threading.Barrier(sent, timeout=20)
    create = Feedback.objects.create

    def slow_create(**fields):
        time.sleep(0.2)  # counted already, not written yet: the moment the others count too
        return create(**fields)

    monkeypatch.setattr(Feedback.objects, "create", slow_create)
    outcomes: list[str] = []

    def send(n: int) -> None:
        try:
            start.wait()
            opinion(entry, comment=f"Ý kiến gửi cùng lúc, số {n}.", address="203.0.113.9")
            outcomes.append("kept")
        except ValidationError as exc:
            outcomes.append(" ".join(exc.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(sent)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcomes.count("kept") == FEEDBACK_PER_HOUR
    assert all("trong một giờ qua" in o for o in outcomes if o != "kept")
    assert Feedback.objects.count() == FEEDBACK_PER_HOUR
