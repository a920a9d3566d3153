from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from danvan.campaigns.models import Criterion
from danvan.campaigns.services import CriterionInput
from danvan.core.forms import LongTextField, TextField
from danvan.orgs.models import Membership


class ScoreForm(forms.Form):
    """One scoring against the rubric: a score and a note per criterion, and a general comment."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    comment = LongTextField(label=_("Nhận xét chung"), max_length=4000, required=False)
    error_aliases = {"scores": "__all__"}

    def __init__(self, *args, criteria, with_report: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for c in self.criteria:
            self.fields[f"score_{c.pk}"] = TextField(
                label=c.name,
                required=False,
                max_length=10,
                help_text=_("Tối đa %(max)s điểm") % {"max": c.max_score},
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal", "autocomplete": "off", "class": "score", "data-max": c.max_score}
                ),
            )
            self.fields[f"note_{c.pk}"] = LongTextField(
                label=_("Ghi chú"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
            )
        if with_report:
            self.fields["report_file"] = forms.FileField(
                label=_("Báo cáo tự đánh giá (PDF, Word)"),
                required=False,
                help_text=_("Bắt buộc trước khi gửi. Tải lên tệp mới sẽ thay tệp cũ."),
            )

    def rows(self):
        return [(c, self[f"score_{c.pk}"], self[f"note_{c.pk}"]) for c in self.criteria]

    def scores(self):
        from danvan.assessments.services import ScoreInput

        return {
            c.pk: ScoreInput(self.cleaned_data.get(f"score_{c.pk}", ""), self.cleaned_data.get(f"note_{c.pk}", ""))
            for c in self.criteria
        }


class PhotoForm(forms.Form):
    # The content is checked by the service (JPG, PNG, WEBP); `capture` opens the camera on a phone.
    photo = forms.FileField(
        label=_("Ảnh chụp tại cơ sở"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    caption = TextField(label=_("Chú thích"), max_length=255, required=False)


class ReopenForm(forms.Form):
    reason = LongTextField(label=_("Lý do mở lại"), max_length=2000)


def eligible_members():
    """People who may sit on a survey team: survey members (bloc or partner commission) and bloc administrators."""
    User = get_user_model()
    return (
        User.objects.filter(is_active=True, memberships__role__in=[Membership.Role.SURVEYOR, Membership.Role.ADMIN])
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class _PersonChoice:
    def label_from_instance(self, user) -> str:
        orgs = ", ".join(sorted({m.organization.code for m in user.memberships.all()}))
        name = f"{user.last_name} {user.first_name}".strip() or user.username
        return f"{name} ({orgs})" if orgs else name


class PeopleField(_PersonChoice, forms.ModelMultipleChoiceField):
    pass


class PersonField(_PersonChoice, forms.ModelChoiceField):
    pass


class TeamForm(forms.Form):
    name = TextField(label=_("Tên đoàn"), max_length=150)
    members = PeopleField(
        label=_("Thành viên"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Thành viên khảo sát của khối và của Ban Dân vận; phân quyền trên trang đơn vị trước."),
    )
    leader = PersonField(label=_("Trưởng đoàn"), queryset=get_user_model().objects.none())
    note = LongTextField(label=_("Ghi chú"), max_length=2000, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = eligible_members().prefetch_related("memberships__organization")
        self.fields["members"].queryset = people  # type: ignore[attr-defined]
        self.fields["leader"].queryset = people  # type: ignore[attr-defined]


class SampleForm(forms.Form):
    size = forms.IntegerField(label=_("Số mô hình cần chọn"), min_value=1, max_value=10000, initial=20)
    per_unit_max = forms.IntegerField(label=_("Tối đa mỗi đơn vị"), min_value=1, max_value=50, initial=2)
    exclude_visited = forms.BooleanField(label=_("Bỏ qua đơn vị đã được khảo sát năm trước"), required=False)
    seed = forms.IntegerField(
        label=_("Số khởi tạo ngẫu nhiên"),
        required=False,
        min_value=0,
        help_text=_("Để trống để rút ngẫu nhiên; nhập cùng một số để rút lại đúng mẫu cũ."),
    )


class CriterionForm(forms.Form):
    name = TextField(label=_("Tiêu chí"), max_length=255, required=False)
    guidance = LongTextField(
        label=_("Hướng dẫn chấm"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    max_score = forms.IntegerField(label=_("Điểm tối đa"), min_value=1, max_value=1000, required=False)
    weight = forms.DecimalField(
        label=_("Trọng số"), min_value=0.01, max_value=100, decimal_places=2, required=False, initial=1
    )


CriterionFormSet = forms.formset_factory(CriterionForm, extra=1, can_delete=True, max_num=30, validate_max=True)


def criterion_inputs(formset, applies_to: str) -> list[CriterionInput]:
    return [
        CriterionInput(
            applies_to=applies_to,
            name=f.cleaned_data.get("name") or "",
            max_score=f.cleaned_data.get("max_score") or "",
            weight=f.cleaned_data.get("weight") or 1,
            guidance=f.cleaned_data.get("guidance") or "",
        )
        for f in formset.forms
        if f.cleaned_data
        and not f.cleaned_data.get("DELETE")
        and (f.cleaned_data.get("name") or f.cleaned_data.get("max_score"))
    ]


def criterion_initial(criteria: list[Criterion]) -> list[dict]:
    return [{"name": c.name, "guidance": c.guidance, "max_score": c.max_score, "weight": c.weight} for c in criteria]
