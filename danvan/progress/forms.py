from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import DateField, LongTextField, TextField, decimal_text, model_label
from danvan.orgs.models import Organization
from danvan.progress.models import ProgressReport
from danvan.progress.services import TEXT_FIELDS, TEXT_LIMIT


class ReportForm(forms.Form):
    """A period's report: what was done, for whom, with what effect, the difficulties, and each indicator's actual."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    error_aliases = {"values": "__all__"}

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for ind in self.indicators:
            self.fields[f"value_{ind.pk}"] = TextField(
                label=f"{ind.name} ({ind.unit_of_measure})",
                required=False,
                max_length=30,
                help_text=_("Kết quả đạt được trong kỳ. Chỉ tiêu cả năm: %(t)s") % {"t": decimal_text(ind.target)},
                widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            )
        for name in TEXT_FIELDS:
            self.fields[name] = LongTextField(
                label=model_label(ProgressReport, name), max_length=TEXT_LIMIT, required=False
            )
        self.fields["activities"].required_to_submit = True  # type: ignore[attr-defined]
        self.fields["activities"].help_text = _("Bắt buộc trước khi gửi báo cáo.")

    def value_fields(self):
        return [self[f"value_{ind.pk}"] for ind in self.indicators]

    def text_fields(self):
        return [self[name] for name in TEXT_FIELDS]

    def values(self) -> dict[int, str]:
        return {ind.pk: self.cleaned_data.get(f"value_{ind.pk}", "") for ind in self.indicators}

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in TEXT_FIELDS}


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Ảnh, biên bản, tài liệu"))
    caption = TextField(label=_("Chú thích"), max_length=255, required=False)


class ReviewForm(forms.Form):
    comment = LongTextField(
        label=_("Ý kiến của khối"),
        max_length=TEXT_LIMIT,
        required=False,
        help_text=_("Khi yêu cầu bổ sung, ghi rõ đơn vị cần bổ sung những gì."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class InspectionForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị được kiểm tra"), queryset=Organization.objects.none())
    held_on = DateField(label=_("Ngày kiểm tra"))
    inspectors = TextField(label=_("Người kiểm tra"), max_length=500)
    findings = LongTextField(label=_("Kết quả kiểm tra, nhận xét"), max_length=TEXT_LIMIT)
    ROWS = 3

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        for n in range(1, self.ROWS + 1):
            self.fields[f"request_{n}"] = LongTextField(
                label=_("Yêu cầu %(n)s") % {"n": n}, max_length=TEXT_LIMIT, required=False
            )
            self.fields[f"due_{n}"] = DateField(label=_("Hạn trả lời yêu cầu %(n)s") % {"n": n}, required=False)

    def request_rows(self):
        return [(self[f"request_{n}"], self[f"due_{n}"]) for n in range(1, self.ROWS + 1)]

    def requests(self):
        d = self.cleaned_data
        return [(d.get(f"request_{n}", ""), d.get(f"due_{n}")) for n in range(1, self.ROWS + 1)]


class AnswerForm(forms.Form):
    answer = LongTextField(label=_("Trả lời của đơn vị"), max_length=TEXT_LIMIT)
    seen = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)  # InspectionRequest.answer_token
