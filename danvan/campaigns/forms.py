from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.campaigns.models import Campaign
from danvan.core.forms import DateField, TextField, narrow
from danvan.core.text import clean_text
from danvan.orgs.models import Organization


class CampaignForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Cấp ủy phát động"), queryset=Organization.objects.none())
    name = TextField(label=_("Tên đợt phát động"), max_length=255)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    phase = TextField(label=_("Giai đoạn"), max_length=40, required=False, help_text=_("Ví dụ: 2016–2020"))
    launch_document_number = TextField(label=_("Số văn bản phát động"), max_length=60, required=False)
    launch_document_date = DateField(label=_("Ngày văn bản"), required=False)
    launch_document_file = forms.FileField(label=_("Tệp văn bản phát động (PDF, DOCX…)"), required=False)
    registration_opens = DateField(label=_("Mở đăng ký từ ngày"))
    registration_closes = DateField(label=_("Hạn đăng ký"))
    quota_min = forms.IntegerField(label=_("Số mô hình tối thiểu mỗi đơn vị"), min_value=0, max_value=50, initial=1)
    quota_max = forms.IntegerField(label=_("Số mô hình tối đa mỗi đơn vị"), min_value=1, max_value=50, initial=3)
    fields_text = forms.CharField(
        label=_("Lĩnh vực"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Mỗi dòng một lĩnh vực."),
    )
    previous = forms.ModelChoiceField(
        label=_("Tiếp nối đợt"), queryset=Campaign.objects.none(), required=False, empty_label=_("Không")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organizations, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        narrow(self, "organization", organizations)
        if organizations.count() == 1:
            self.fields["organization"].initial = organizations.first()
        narrow(self, "previous", campaigns)

    def clean_fields_text(self):
        names = [clean_text(line) for line in self.cleaned_data["fields_text"].splitlines()]
        names = [n for n in names if n]
        if not names:
            raise forms.ValidationError(_("Cần ít nhất một lĩnh vực."))
        too_long = [n for n in names if len(n) > 150]
        if too_long:
            raise forms.ValidationError(_("Tên lĩnh vực dài quá 150 ký tự: %(n)s") % {"n": too_long[0][:40]})
        return names

    def clean(self):
        data = super().clean() or {}
        opens, closes = data.get("registration_opens"), data.get("registration_closes")
        if opens and closes and closes < opens:
            self.add_error("registration_closes", _("Hạn đăng ký phải sau ngày mở đăng ký."))
        qmin, qmax = data.get("quota_min"), data.get("quota_max")
        if qmin is not None and qmax is not None and qmax < qmin:
            self.add_error("quota_max", _("Số mô hình tối đa phải lớn hơn hoặc bằng số tối thiểu."))
        return data

    def data_for_service(self) -> dict:
        d = dict(self.cleaned_data)
        d.pop("version", None)
        d.pop("organization", None)
        d["fields"] = d.pop("fields_text")
        if not d.get("launch_document_file"):
            d.pop("launch_document_file", None)
        return d


class PeriodForm(forms.Form):
    name = TextField(label=_("Tên kỳ"), max_length=100, required=False)
    starts_on = DateField(label=_("Từ ngày"), required=False)
    ends_on = DateField(label=_("Đến ngày"), required=False)
    due_on = DateField(label=_("Hạn nộp"), required=False)

    def clean(self):
        d = super().clean() or {}
        if any(d.get(k) for k in ("name", "starts_on", "ends_on", "due_on")):
            for k, msg in (
                ("name", _("Chưa có tên kỳ.")),
                ("starts_on", _("Chưa có ngày bắt đầu.")),
                ("ends_on", _("Chưa có ngày kết thúc.")),
                ("due_on", _("Chưa có hạn nộp.")),
            ):
                if not d.get(k) and k not in self.errors:
                    self.add_error(k, msg)
            if d.get("starts_on") and d.get("ends_on") and d["ends_on"] < d["starts_on"]:
                self.add_error("ends_on", _("Ngày kết thúc phải sau ngày bắt đầu."))
            if d.get("ends_on") and d.get("due_on") and d["due_on"] < d["ends_on"]:
                self.add_error("due_on", _("Hạn nộp phải từ ngày kết thúc kỳ trở đi."))
        return d


PeriodFormSet = forms.formset_factory(PeriodForm, extra=2, can_delete=True, max_num=24, validate_max=True)


def period_rows(formset) -> list[dict]:
    return [
        {k: f.cleaned_data[k] for k in ("name", "starts_on", "ends_on", "due_on")}
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("name")
    ]
