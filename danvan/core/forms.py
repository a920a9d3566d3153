"""Form helpers shared by every app: Vietnamese text normalised to NFC, dates as dd/mm/yyyy."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from danvan.core.text import clean_text

DATE_INPUT = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off", "class": "date"}


class TextField(forms.CharField):
    """A one-line text: NFC, spaces folded, stripped."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class LongTextField(forms.CharField):
    """A multi-line text: NFC, lines kept, stripped."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        return clean_text(super().to_python(value), multiline=True)


class DateField(forms.DateField):
    widget = forms.DateInput(format="%d/%m/%Y", attrs=DATE_INPUT)
    default_error_messages = {"invalid": _("Ngày phải viết theo dạng dd/mm/yyyy, ví dụ 15/04/2017.")}


def apply_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form, on the field it names where the form has it."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                for message in error.messages:
                    form.add_error(target, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)
