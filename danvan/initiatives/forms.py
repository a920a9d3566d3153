from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.campaigns.models import Campaign, Field
from danvan.core.forms import (
    DateField,
    LabelledModelChoiceField,
    LongTextField,
    QuickSelect,
    TextField,
    model_label,
    narrow,
)
from danvan.initiatives.models import Initiative
from danvan.initiatives.services import LONG_FIELDS, TEXT_LIMIT, IndicatorInput
from danvan.orgs.models import Organization


class InitiativeForm(forms.Form):
    """The official registration form (phiếu đăng ký mô hình "Dân vận khéo")."""

    title = TextField(label=_("Tên mô hình"), max_length=255)
    kind = forms.ChoiceField(
        label=_("Loại mô hình"),
        choices=Initiative.Kind.choices,
        widget=forms.RadioSelect,
        initial="collective",
    )
    work_fields = forms.ModelMultipleChoiceField(
        label=_("Lĩnh vực"),
        queryset=Field.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    starts_on = DateField(label=_("Ngày bắt đầu"), required=False)
    ends_on = DateField(label=_("Ngày kết thúc"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    error_aliases = {"fields": "work_fields"}

    SECTIONS = [
        (_("Tình hình và mục tiêu"), ["situation", "goals"]),
        (_("Nội dung và cách làm"), ["method", "area", "target_groups", "beneficiaries", "implementers"]),
        (_("Nguồn lực và tiến độ"), ["resources", "timeline", "starts_on", "ends_on"]),
        (_("Kết quả và nhân rộng"), ["expected_outputs", "sustainability"]),
    ]

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        narrow(self, "work_fields", campaign.fields.all())
        for name in LONG_FIELDS:
            self.fields[name] = LongTextField(
                label=model_label(Initiative, name), max_length=TEXT_LIMIT, required=False
            )
        self.fields["area"] = TextField(label=model_label(Initiative, "area"), max_length=255, required=False)
        for name in Initiative.REQUIRED_TO_SUBMIT:
            self.fields[name].required_to_submit = True  # type: ignore[attr-defined]  # read by the field template
            self.fields[name].help_text = _("Bắt buộc trước khi gửi đăng ký.")
        self.fields["goals"].help_text = _("Nêu mục tiêu đo đếm được. Bắt buộc trước khi gửi đăng ký.")
        self.fields["implementers"].help_text = _(
            "Ai thực hiện, vai trò của từng người, từng tổ chức. Bắt buộc trước khi gửi."
        )
        self.order_fields(["title", "kind", "work_fields"])

    def clean(self):
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data

    def content(self) -> dict:
        d = self.cleaned_data
        return {name: d[name] for name in ("title", "kind", "starts_on", "ends_on", "area", *LONG_FIELDS)}

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]


class NewInitiativeForm(InitiativeForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị đăng ký"), queryset=Organization.objects.none())

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        narrow(self, "unit", units)
        self.fields["unit"].error_messages["invalid_choice"] = _(
            "Đơn vị không hợp lệ hoặc bạn không được đăng ký cho đơn vị này."
        )
        if units.count() == 1:
            self.fields["unit"].initial = units.first()
        self.order_fields(["unit", "title", "kind", "work_fields"])


class IndicatorForm(forms.Form):
    name = TextField(label=_("Chỉ tiêu"), max_length=255, required=False)
    unit_of_measure = TextField(label=_("Đơn vị tính"), max_length=50, required=False)
    baseline = forms.DecimalField(label=_("Ban đầu"), required=False, min_value=0, max_digits=14, decimal_places=2)
    target = forms.DecimalField(label=_("Chỉ tiêu đạt"), required=False, min_value=0, max_digits=14, decimal_places=2)

    def clean(self):
        data = super().clean() or {}
        if data.get("name") or data.get("target") is not None:
            if not data.get("name"):
                self.add_error("name", _("Chưa có tên chỉ tiêu."))
            if not data.get("unit_of_measure"):
                self.add_error("unit_of_measure", _("Chưa có đơn vị tính."))
            if data.get("target") is None:
                self.add_error("target", _("Chưa có giá trị chỉ tiêu."))
        return data


IndicatorFormSet = forms.formset_factory(IndicatorForm, extra=1, can_delete=True, max_num=20, validate_max=True)


def indicator_inputs(formset) -> list[IndicatorInput]:
    return [
        IndicatorInput(
            name=f.cleaned_data["name"],
            unit_of_measure=f.cleaned_data["unit_of_measure"],
            target=f.cleaned_data["target"],
            baseline=f.cleaned_data.get("baseline"),
        )
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("name")
    ]


class ReturnForm(forms.Form):
    comment = LongTextField(
        label=_("Lý do trả lại"),
        max_length=TEXT_LIMIT,
        help_text=_("Ghi rõ phần nào chưa đạt để đơn vị sửa: mục tiêu, chủ thể, đối tượng, phương thức…"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Tệp"))
    caption = TextField(label=_("Chú thích"), max_length=255, required=False)


def _any_of(label, choices) -> forms.ChoiceField:
    """A list filter over fixed choices, "Tất cả" first."""
    return forms.ChoiceField(label=label, widget=QuickSelect, choices=[("", _("Tất cả")), *choices], required=False)


class InitiativeFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm kiếm"),
        required=False,
        widget=forms.SearchInput(attrs={"placeholder": _("Tên mô hình, đơn vị… (gõ có dấu hoặc không dấu)")}),
    )
    campaign = LabelledModelChoiceField(
        option_label=lambda c: f"{c.year} – {c.name}",
        label=_("Đợt phát động"),
        widget=QuickSelect,
        queryset=Campaign.objects.none(),
        required=False,
        empty_label=_("Tất cả"),
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        widget=QuickSelect,
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Tất cả"),
    )
    kind = _any_of(_("Loại"), Initiative.Kind.choices)
    field = LabelledModelChoiceField(
        option_label=lambda f: f"{f.name} ({f.campaign.year})",
        label=_("Lĩnh vực"),
        widget=QuickSelect,
        queryset=Field.objects.none(),
        required=False,
        empty_label=_("Tất cả"),
    )
    status = _any_of(_("Trạng thái"), Initiative.Status.choices)
    stage = forms.ChoiceField(label=_("Tiến trình"), widget=QuickSelect, choices=(), required=False)
    result = _any_of(_("Kết quả bình xét"), Initiative.Result.choices)

    def __init__(self, *args, user, **kwargs):
        from danvan.insights.statistics import STAGES

        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", _("Tất cả")), *STAGES.items()]  # type: ignore[attr-defined]
        campaigns = Campaign.objects.visible_to(user)
        narrow(self, "campaign", campaigns)
        narrow(self, "unit", Organization.objects.visible_to(user).exclude(kind=Organization.Kind.PARTNER))
        narrow(self, "field", Field.objects.filter(campaign__in=campaigns).select_related("campaign"))
