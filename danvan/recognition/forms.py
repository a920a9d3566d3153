from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.campaigns.models import Campaign
from danvan.core.forms import DateField, LabelledModelChoiceField, LongTextField, TextField, narrow
from danvan.initiatives.models import Initiative
from danvan.orgs.models import Organization
from danvan.recognition.models import Commendation


class ResultForm(forms.Form):
    """The bloc's decision on one initiative. The reason is checked by the service, which names the field."""

    result = forms.ChoiceField(
        label=_("Kết quả bình xét"), choices=Initiative.Result.choices, widget=forms.RadioSelect, required=False
    )
    reason = LongTextField(
        label=_("Lý do, căn cứ"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ví dụ: điểm đoàn khảo sát, chỉ tiêu đạt được, minh chứng, ý kiến của người dân."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_result(self):
        value = self.cleaned_data.get("result")
        if not value:
            raise forms.ValidationError(_("Hãy chọn kết quả: không đạt, đạt hoặc tiêu biểu."))
        return value


class ShortlistForm(forms.Form):
    """Propose an initiative in a round of the review."""

    round = forms.IntegerField(label=_("Vòng"), min_value=1, max_value=20, initial=1)
    proposed_result = forms.ChoiceField(
        label=_("Đề xuất kết quả"), choices=Initiative.Result.choices, initial=Initiative.Result.EXEMPLARY
    )
    reason = LongTextField(
        label=_("Lý do đề xuất"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "sl")
        super().__init__(*args, **kwargs)


class CommendationForm(forms.Form):
    """A commendation decision and the exemplary initiatives it honours, each with an optional name and citation."""

    number = TextField(label=_("Số quyết định"), max_length=60, help_text=_("Ví dụ: 125-QĐ/ĐUK"))
    issued_on = DateField(label=_("Ngày ký"))
    issuer = TextField(label=_("Cấp ra quyết định"), max_length=255)
    form = forms.ChoiceField(
        label=_("Hình thức khen thưởng"),
        choices=Commendation.Form.choices,
        initial=Commendation.Form.CERTIFICATE,
        widget=forms.RadioSelect,
    )
    title = TextField(label=_("Trích yếu"), max_length=255)
    signer_name = TextField(label=_("Người ký"), max_length=120)
    signer_title = TextField(label=_("Chức vụ người ký"), max_length=120, help_text=_("Ví dụ: Phó Bí thư Thường trực"))
    entries = forms.TypedMultipleChoiceField(
        label=_("Tập thể, cá nhân được khen"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = list(candidates)
        self.fields["entries"].choices = [(i.pk, i.title) for i in self.candidates]  # type: ignore[attr-defined]
        for i in self.candidates:
            self.fields[f"honouree_{i.pk}"] = TextField(
                label=_("Tên tập thể / cá nhân được khen"), max_length=255, required=False
            )
            self.fields[f"citation_{i.pk}"] = LongTextField(
                label=_("Thành tích"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
            )

    def rows(self):
        """Each candidate with its checkbox state and its two text boxes, for the checklist."""
        chosen = {str(v) for v in (self["entries"].value() or [])}
        return [(i, str(i.pk) in chosen, self[f"honouree_{i.pk}"], self[f"citation_{i.pk}"]) for i in self.candidates]

    def chosen(self) -> list[tuple[Initiative, str, str]]:
        by_id = {i.pk: i for i in self.candidates}
        d = self.cleaned_data
        return [(by_id[pk], d[f"honouree_{pk}"], d[f"citation_{pk}"]) for pk in d["entries"] if pk in by_id]

    def header(self) -> dict:
        d = self.cleaned_data
        names = ("number", "issued_on", "issuer", "form", "title", "signer_name", "signer_title")
        return {name: d.get(name) for name in names}


class ReplicateForm(forms.Form):
    campaign = LabelledModelChoiceField(
        label=_("Đăng ký trong đợt"),
        queryset=Campaign.objects.none(),
        option_label=lambda c: f"{c.year} – {c.name}",
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị nhân rộng"), queryset=Organization.objects.none(), empty_label=_("— Chọn đơn vị —")
    )
    title = TextField(
        label=_("Tên mô hình của đơn vị"),
        max_length=255,
        required=False,
        help_text=_("Để trống thì giữ tên mô hình gốc; có thể sửa sau trong bản nháp."),
    )

    def __init__(self, *args, campaigns, units, **kwargs):
        super().__init__(*args, **kwargs)
        narrow(self, "campaign", campaigns)
        narrow(self, "unit", units)
        if len(campaigns) == 1:
            self.fields["campaign"].initial = campaigns[0]
        if len(units) == 1:
            self.fields["unit"].initial = units[0]
