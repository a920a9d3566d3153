from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import LabelledModelChoiceField, TextField, narrow
from danvan.orgs.models import Membership, Organization


class OrganizationForm(forms.Form):
    code = TextField(label=_("Mã đơn vị"), max_length=40, help_text=_("Mã ổn định, không đổi khi đổi tên đơn vị."))
    name = TextField(label=_("Tên đơn vị"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại"), choices=Organization.Kind.choices)
    parent = LabelledModelChoiceField(
        label=_("Đơn vị cấp trên"),
        queryset=Organization.objects.none(),
        required=False,
        option_label=lambda o: f"{'— ' * o.depth}{o.name}",
    )
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    is_active = forms.BooleanField(label=_("Đang hoạt động"), required=False, initial=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, parents, **kwargs):
        super().__init__(*args, **kwargs)
        narrow(self, "parent", parents)

    def clean_code(self):
        return self.cleaned_data["code"].upper()


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp danh sách đơn vị (.xlsx hoặc .csv)"),
        help_text=_("Các cột: ma, ten, loai, ma_cap_tren, email. Dòng đầu là tiêu đề."),
    )


class PersonForm(forms.Form):
    username = TextField(
        label=_("Tên đăng nhập"),
        max_length=150,
        help_text=_("Người đã có tài khoản: chỉ cần tên đăng nhập. Người mới: thêm họ tên và thư điện tử."),
    )
    full_name = TextField(label=_("Họ và tên"), max_length=300, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    role = forms.ChoiceField(label=_("Vai trò"), choices=Membership.Role.choices, initial=Membership.Role.OFFICER)
