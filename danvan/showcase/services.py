"""Publishing exemplary initiatives, and receiving and moderating citizens' feedback on them."""

import hashlib
import hmac
import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.access import scope_for
from danvan.core.audit import audit
from danvan.core.files import check_upload, discard, keep_upload
from danvan.core.text import clean_text, fold
from danvan.initiatives.models import Initiative
from danvan.recognition.rules import may_review
from danvan.showcase.models import Feedback, ShowcaseEntry, ShowcasePhoto

# Anything that looks like markup or a script is refused outright: the public pages escape everything anyway,
# but a comment full of tags is never an honest opinion.
_MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|javascript\s*:|&#|&lt;|\bon[a-z]+\s*=", re.IGNORECASE)
# The same address may send this many opinions an hour (on all initiatives together);
# settings.DANVAN_FEEDBACK_PER_HOUR overrides it, read at each submission.
FEEDBACK_PER_HOUR = 5
COMMENT_MAX = 1000
PUBLIC_TEXTS = {
    "headline": 255,
    "summary": 5000,
    "implementers": 2000,
    "beneficiaries": 2000,
    "results": 5000,
}
PHOTO_TYPES = ("image/jpeg", "image/png", "image/webp")


def has_markup(value: str) -> bool:
    return bool(_MARKUP.search(value or ""))


def client_key(address: str) -> str:
    """A keyed hash of the sender's address: it tells a flood apart without keeping anyone's address."""
    return hmac.new(settings.SECRET_KEY.encode(), (address or "").encode(), hashlib.sha256).hexdigest()


def _refresh_search(entry: ShowcaseEntry) -> None:
    i = entry.initiative
    parts = [entry.headline, entry.summary, entry.implementers, entry.beneficiaries, i.unit.name]
    parts += [f.name for f in i.fields.all()]
    entry.search_text = fold(" ".join(parts))


def _require_publisher(by, initiative: Initiative) -> None:
    if not may_review(scope_for(by), initiative.campaign):
        raise ValidationError(_("Chỉ quản trị viên của Khối mới được công khai mô hình."))


def _label(name: str) -> str:
    return str(getattr(ShowcaseEntry._meta.get_field(name), "verbose_name", name))


def _clean_public_texts(texts: dict) -> dict:
    out, errors = {}, {}
    for name, limit in PUBLIC_TEXTS.items():
        value = clean_text(texts.get(name, ""), multiline=name != "headline")
        label = _label(name)
        if len(value) > limit:
            errors[name] = _("“%(f)s” dài quá %(n)s ký tự.") % {"f": label, "n": limit}
        elif has_markup(value):
            errors[name] = _("“%(f)s” chứa mã HTML hoặc script; hãy chỉ nhập văn bản.") % {"f": label}
        out[name] = value
    for name in ("headline", "summary"):
        if not out[name] and name not in errors:
            errors[name] = _("Hãy nhập “%(f)s”.") % {"f": _label(name)}
    if errors:
        raise ValidationError(errors)
    return out


@transaction.atomic
def showcase_save(
    *,
    initiative: Initiative,
    by,
    publish: bool | None = None,
    expected_version: int | None = None,
    at=None,
    **texts,
) -> ShowcaseEntry:
    """Write (or rewrite) what the public sees of an exemplary initiative; optionally publish or withdraw it.

    `expected_version` is the entry's version the writer saw (0: no entry yet); a save based on an older one is
    refused, so that one administrator never overwrites another's texts unseen."""
    initiative = (
        Initiative.objects.select_for_update(no_key=True)
        .select_related("unit", "campaign__organization")
        .get(pk=initiative.pk)
    )
    _require_publisher(by, initiative)
    entry = (
        ShowcaseEntry.objects.select_for_update(no_key=True, of=("self",))
        .filter(initiative=initiative)
        .order_by("pk")
        .first()
    )
    if expected_version is not None and (entry.version if entry else 0) != expected_version:
        raise ValidationError(
            _(
                "Nội dung công khai của mô hình này vừa được người khác sửa. Nội dung bạn nhập chưa được lưu; "
                "hãy tải lại trang để xem bản mới nhất rồi sửa lại."
            )
        )
    if initiative.result != Initiative.Result.EXEMPLARY:
        raise ValidationError(_("Chỉ công khai được mô hình đã được bình xét là tiêu biểu."))
    data = _clean_public_texts(texts)
    entry = entry or ShowcaseEntry(initiative=initiative)
    created = entry.pk is None
    for name, value in data.items():
        setattr(entry, name, value)
    if publish is True and not entry.is_published:
        entry.is_published = True
        entry.published_at = entry.published_at or at or timezone.now()
    elif publish is False:
        entry.is_published = False
    if not created:
        entry.version += 1
    _refresh_search(entry)
    entry.save()
    audit(
        actor=by,
        action="showcase.create" if created else "showcase.update",
        target=entry,
        changes={"published": entry.is_published, **data},
    )
    return entry


@transaction.atomic
def showcase_set_published(*, entry: ShowcaseEntry, by, published: bool) -> ShowcaseEntry:
    entry = (
        ShowcaseEntry.objects.select_for_update(no_key=True)
        .select_related("initiative__campaign__organization")
        .get(pk=entry.pk)
    )
    _require_publisher(by, entry.initiative)
    if published and entry.initiative.result != Initiative.Result.EXEMPLARY:
        raise ValidationError(_("Chỉ công khai được mô hình đã được bình xét là tiêu biểu."))
    entry.is_published = published
    if published and entry.published_at is None:
        entry.published_at = timezone.now()
    entry.version += 1
    entry.save(update_fields=["is_published", "published_at", "version", "updated_at"])
    audit(actor=by, action="showcase.publish" if published else "showcase.withdraw", target=entry)
    return entry


@transaction.atomic
def showcase_photo_add(*, entry: ShowcaseEntry, by, upload, caption: str = "") -> ShowcasePhoto:
    content_type = check_upload(upload)
    if content_type not in PHOTO_TYPES:
        raise ValidationError({"file": _("Ảnh công khai phải là JPG, PNG hoặc WEBP.")})
    entry = (
        ShowcaseEntry.objects.select_for_update(no_key=True)
        .select_related("initiative__campaign__organization")
        .get(pk=entry.pk)
    )
    _require_publisher(by, entry.initiative)
    if has_markup(caption):
        raise ValidationError({"caption": _("Chú thích chứa mã HTML hoặc script; hãy chỉ nhập văn bản.")})
    photo = keep_upload(
        ShowcasePhoto(entry=entry, position=entry.photos.count()),
        upload,
        content_type=content_type,
        caption=caption,
        default_name="anh.png",
    )
    audit(
        actor=by,
        action="showcase.photo_add",
        target=entry,
        changes={"file": photo.original_name, "caption": photo.caption},
    )
    return photo


@transaction.atomic
def showcase_photo_remove(*, photo: ShowcasePhoto, by) -> None:
    entry = ShowcaseEntry.objects.select_related("initiative__campaign__organization").get(pk=photo.entry_id)
    _require_publisher(by, entry.initiative)
    audit(actor=by, action="showcase.photo_remove", target=entry, changes={"file": discard(photo)})


# --- Citizens' feedback ------------------------------------------------------------------------------------------


FEEDBACK_LOCK = 0x44564B46  # the first key of PostgreSQL's advisory locks taken per sender of opinions


def _one_sender_at_a_time(key: str) -> None:
    """Opinions of one sender are counted and written one transaction at a time, so that several sent at once
    cannot each find room under the limit (locking the sender's earlier opinions would not do: a transaction does
    not see, and cannot lock, those written meanwhile, and there are none to lock before the first). On SQLite, the
    embedded database of a trial, the second of two such transactions fails to write rather than exceed the limit."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", [FEEDBACK_LOCK, key])


@transaction.atomic
def feedback_submit(
    *,
    entry: ShowcaseEntry,
    rating,
    comment: str,
    author_name: str = "",
    author_area: str = "",
    address: str = "",
    now=None,
) -> Feedback:
    """A citizen's opinion on a published initiative: checked, limited per sender, kept until moderated."""
    now = now or timezone.now()
    if not ShowcaseEntry.objects.published().filter(pk=entry.pk).exists():
        raise ValidationError(_("Mô hình này không còn được công khai; không gửi được ý kiến."))
    errors: dict[str, str] = {}
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        errors["rating"] = _("Hãy chọn mức hài lòng từ 1 đến 5 sao.")
    comment = clean_text(comment, multiline=True)
    if not comment:
        errors["comment"] = _("Hãy viết ý kiến của bạn.")
    elif len(comment) > COMMENT_MAX:
        errors["comment"] = _("Ý kiến dài %(n)s ký tự, quá %(max)s ký tự cho phép.") % {
            "n": len(comment),
            "max": COMMENT_MAX,
        }
    elif has_markup(comment):
        errors["comment"] = _("Ý kiến không được chứa mã HTML hoặc script; hãy chỉ viết chữ.")
    author_name, author_area = clean_text(author_name), clean_text(author_area)
    if len(author_name) > 100:
        errors["author_name"] = _("Họ tên dài quá 100 ký tự.")
    elif has_markup(author_name):
        errors["author_name"] = _("Họ tên không được chứa mã HTML hoặc script.")
    if len(author_area) > 150:
        errors["author_area"] = _("Nơi ở dài quá 150 ký tự.")
    elif has_markup(author_area):
        errors["author_area"] = _("Nơi ở không được chứa mã HTML hoặc script.")
    if errors:
        raise ValidationError(errors)
    key = client_key(address)
    _one_sender_at_a_time(key)
    recent = Feedback.objects.filter(client_key=key, created_at__gte=now - timedelta(hours=1))
    if len(recent) >= getattr(settings, "DANVAN_FEEDBACK_PER_HOUR", FEEDBACK_PER_HOUR):
        raise ValidationError(
            _("Bạn đã gửi %(n)s ý kiến trong một giờ qua. Xin cảm ơn; hãy gửi tiếp sau ít phút nữa.")
            % {"n": len(recent)}
        )
    if any(f.entry_id == entry.pk and fold(f.comment) == fold(comment) for f in recent):
        raise ValidationError({"comment": _("Ý kiến này đã được gửi; xin đừng gửi lại.")})
    return Feedback.objects.create(
        entry=entry,
        rating=rating,
        comment=comment,
        author_name=author_name,
        author_area=author_area,
        client_key=key,
        created_at=now,
    )


def moderation_rights(scope, feedback: Feedback) -> tuple[bool, bool]:
    """(the owning unit may act, the bloc may act) on this feedback now."""
    initiative = feedback.entry.initiative
    S = Feedback.Status
    unit = scope.officer_of(initiative.unit.path) and feedback.status == S.PENDING
    bloc = may_review(scope, initiative.campaign) and feedback.status in (S.PENDING, S.UNIT_APPROVED)
    return unit, bloc


@transaction.atomic
def feedback_moderate(
    *, feedback: Feedback, by, approve: bool, reason: str = "", expected_status: str | None = None, at=None
) -> Feedback:
    """The owning unit approves first, then the bloc publishes; either may decline to show it, with a reason.

    `expected_status` is the status the moderator saw: a decision taken on a state someone else has changed since
    is refused rather than laid over theirs."""
    feedback = (
        Feedback.objects.select_for_update(no_key=True)
        .select_related("entry__initiative__unit", "entry__initiative__campaign__organization")
        .get(pk=feedback.pk)
    )
    if expected_status is not None and feedback.status != expected_status:
        raise ValidationError(
            _(
                "Ý kiến này vừa được người khác xử lý (hiện: “%(status)s”). Quyết định của bạn chưa được ghi; "
                "hãy tải lại trang để xem trạng thái mới nhất."
            )
            % {"status": feedback.get_status_display()}
        )
    scope = scope_for(by)
    unit_may, bloc_may = moderation_rights(scope, feedback)
    S = Feedback.Status
    if not (unit_may or bloc_may):
        raise ValidationError(_("Ý kiến này không chờ bạn duyệt (hoặc bạn không phải đơn vị, Khối quản lý mô hình)."))
    reason = clean_text(reason)
    if not approve and not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do không đăng ý kiến.")})
    if len(reason) > 255:
        raise ValidationError({"reason": _("Lý do dài quá 255 ký tự.")})
    before = feedback.status
    if not approve:
        feedback.status, feedback.rejection_reason = S.REJECTED, reason
        if bloc_may:
            feedback.bloc_moderator = by
        else:
            feedback.unit_moderator = by
    elif bloc_may and feedback.status == S.UNIT_APPROVED:
        feedback.status, feedback.bloc_moderator = S.PUBLISHED, by
    elif unit_may:
        feedback.status, feedback.unit_moderator = S.UNIT_APPROVED, by
    else:
        raise ValidationError(_("Ý kiến cần được đơn vị quản lý mô hình xem xét trước khi Khối duyệt đăng."))
    feedback.moderated_at = at or timezone.now()
    feedback.save()
    audit(
        actor=by,
        action="feedback.moderate",
        target=feedback.entry,
        changes={"feedback": feedback.pk, "status": [before, feedback.status], "reason": reason},
    )
    return feedback
