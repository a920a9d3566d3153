"""Forms of the showcase: the public filters and feedback form (with its anti-spam checks), the publisher's
texts and photos, and the moderator's decision. The services check the content; these forms only normalise."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import LongTextField, TextField
from danvan.showcase.models import Feedback, ShowcaseEntry
from danvan.showcase.selectors import ALL, MINE, FilterChoices
from danvan.showcase.services import COMMENT_MAX, PUBLIC_TEXTS

TOKEN_SALT = "danvan.showcase.feedback-form"
TOKEN_MAX_AGE = 24 * 3600
RATINGS = [
    (1, _("1 sao: Không hài lòng")),
    (2, _("2 sao: Chưa hài lòng")),
    (3, _("3 sao: Bình thường")),
    (4, _("4 sao: Hài lòng")),
    (5, _("5 sao: Rất hài lòng")),
]


def min_form_seconds() -> float:
    """A person needs a few seconds to read and write; a form sent faster is a robot's (read at each request)."""
    return float(getattr(settings, "DANVAN_FEEDBACK_MIN_SECONDS", 3))


def form_token(entry_id: int, now: float | None = None) -> str:
    """A signed note of when the form was served, and for which entry."""
    return signing.dumps({"e": entry_id, "t": int(now if now is not None else time.time())}, salt=TOKEN_SALT)


class ShowcaseFilterForm(forms.Form):
    q = TextField(
        label=_("Tìm kiếm"),
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"placeholder": _("Tên mô hình, đơn vị, lĩnh vực…")}),
    )
    year = forms.TypedChoiceField(label=_("Năm"), coerce=int, required=False, empty_value=None)
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    unit = forms.TypedChoiceField(label=_("Đơn vị"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, choices: FilterChoices, **kwargs):
        super().__init__(*args, **kwargs)
        every = ("", _("Tất cả"))
        self.fields["year"].choices = [every, *[(y, str(y)) for y in choices.years]]  # type: ignore[attr-defined]
        self.fields["field"].choices = [every, *[(n, n) for n in choices.fields]]  # type: ignore[attr-defined]
        self.fields["unit"].choices = [every, *choices.units]  # type: ignore[attr-defined]

    def criteria(self) -> dict:
        """The valid filters only: a stale or mistyped one is dropped rather than emptying the list."""
        if not self.is_bound:
            return {}
        self.is_valid()
        d = getattr(self, "cleaned_data", {})
        return {
            "year": d.get("year"),
            "field": d.get("field") or "",
            "unit": d.get("unit"),
            "q": d.get("q") or "",
        }


class FeedbackForm(forms.Form):
    """A citizen's opinion. Content rules (empty, too long, markup, flood, repeats) live in feedback_submit;
    this form adds only what stops robots: a field people never see and a minimum time to fill the form."""

    rating = forms.TypedChoiceField(
        label=_("Mức hài lòng"),
        choices=RATINGS,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    comment = LongTextField(
        label=_("Ý kiến của bạn"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": COMMENT_MAX}),
    )
    author_name = TextField(
        label=_("Họ tên (không bắt buộc)"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": 100, "autocomplete": "name"}),
    )
    author_area = TextField(
        label=_("Nơi ở: xã, phường (không bắt buộc)"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": 150, "autocomplete": "address-level2"}),
    )
    # The honeypot: hidden from people (and from screen readers), filled in by robots that fill every field.
    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, entry: ShowcaseEntry, now: float | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry
        self.now = now if now is not None else time.time()
        self.fields["started"].initial = form_token(entry.pk, self.now)
        self.fields["comment"].help_text = gettext(
            "Tối đa %(n)s ký tự. Chỉ viết chữ, không dán mã hay đường dẫn lạ."
        ) % {"n": COMMENT_MAX}
        self.fields["comment"].required_to_submit = True  # type: ignore[attr-defined]
        self.fields["rating"].required_to_submit = True  # type: ignore[attr-defined]

    def clean(self):
        data = super().clean() or {}
        if data.get("website"):
            raise forms.ValidationError(
                _(
                    "Không gửi được: hệ thống nhận thấy biểu mẫu do máy tự điền. "
                    "Nếu bạn là người gửi, hãy tải lại trang."
                )
            )
        try:
            token = signing.loads(data.get("started") or "", salt=TOKEN_SALT)
            started, entry_id = float(token["t"]), int(token["e"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            self._renew_token()
            raise forms.ValidationError(
                _("Không gửi được: biểu mẫu không hợp lệ. Hãy tải lại trang rồi gửi lại ý kiến.")
            ) from None
        age = self.now - started
        if entry_id != self.entry.pk:
            self._renew_token()
            raise forms.ValidationError(
                _("Không gửi được: biểu mẫu không hợp lệ. Hãy tải lại trang rồi gửi lại ý kiến.")
            )
        if age > TOKEN_MAX_AGE:
            self._renew_token()
            raise forms.ValidationError(
                _(
                    "Trang đã mở quá một ngày nên chưa gửi được. "
                    "Nội dung vẫn còn dưới đây; hãy bấm “Gửi ý kiến” lần nữa."
                )
            )
        if age < min_form_seconds():
            raise forms.ValidationError(
                _("Bạn gửi nhanh quá nên chưa gửi được. Hãy đọc lại ý kiến rồi bấm “Gửi ý kiến” lần nữa.")
            )
        return data

    def _renew_token(self) -> None:
        """A token that can no longer be used is replaced, so that sending the same text again works."""
        data = self.data.copy()  # type: ignore[attr-defined]
        data["started"] = form_token(self.entry.pk, self.now)
        self.data = data


class ShowcaseForm(forms.Form):
    """What the public will read: prefilled from the registration the first time, reviewed by the bloc."""

    headline = TextField(
        label=_("Tên mô hình (công khai)"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": PUBLIC_TEXTS["headline"]}),
    )
    summary = LongTextField(
        label=_("Giới thiệu mô hình"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": PUBLIC_TEXTS["summary"]}),
        help_text=_("Tình hình, mục tiêu, cách làm: viết cho người dân đọc."),
    )
    implementers = LongTextField(
        label=_("Chủ thể thực hiện"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": PUBLIC_TEXTS["implementers"]}),
    )
    beneficiaries = LongTextField(
        label=_("Đối tượng thụ hưởng"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": PUBLIC_TEXTS["beneficiaries"]}),
    )
    results = LongTextField(
        label=_("Kết quả nổi bật"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": PUBLIC_TEXTS["results"]}),
        help_text=_("Chỉ ghi những con số, kết quả được phép công bố."),
    )
    publish = forms.BooleanField(
        label=_("Công khai trên trang Mô hình tiêu biểu"),
        required=False,
        help_text=_("Bỏ chọn để thôi công khai; nội dung vẫn được giữ lại."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    TEXTS = tuple(PUBLIC_TEXTS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["headline"].required_to_submit = True  # type: ignore[attr-defined]
        self.fields["summary"].required_to_submit = True  # type: ignore[attr-defined]

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in self.TEXTS}

    def text_fields(self):
        return [self[name] for name in self.TEXTS]


class PhotoForm(forms.Form):
    file = forms.FileField(
        label=_("Ảnh (JPG, PNG, WEBP)"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    caption = TextField(label=_("Chú thích ảnh"), max_length=255, required=False)


class ModerationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[(MINE, _("Chờ tôi duyệt")), *Feedback.Status.choices, (ALL, _("Tất cả"))],
    )


class ModerateForm(forms.Form):
    reason = TextField(label=_("Lý do không đăng"), max_length=255, required=False)
