"""Form helpers shared by every app: Vietnamese text normalised to NFC, dates as dd/mm/yyyy."""

from collections.abc import Callable
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from danvan.core.text import clean_text, model_label  # noqa: F401  (re-exported for forms)

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


class QuickSelect(forms.Select):
    """A select written out in Python, with the markup of Django's templates: a list filter's few hundred options
    cost a template include each (a quarter of the initiative list's time at a national scale)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts: list[str] = [format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))]
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(format_html('<optgroup label="{}">', group))
            parts += [
                format_html('<option value="{}"{}>{}</option>', str(o["value"]), _attrs(o["attrs"]), o["label"])
                for o in options
            ]
            if group:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308  (every part escaped by format_html)


def _attrs(attrs: dict) -> str:
    """Attributes as django/forms/widgets/attrs.html writes them: in their order, True bare, False left out."""
    return mark_safe(  # noqa: S308  (every part escaped by format_html)
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value))
            for name, value in attrs.items()
            if value is not False
        )
    )


class DateField(forms.DateField):
    widget = forms.DateInput(format="%d/%m/%Y", attrs=DATE_INPUT)
    default_error_messages = {"invalid": _("Ngày phải viết theo dạng dd/mm/yyyy, ví dụ 15/04/2017.")}


class LabelledModelChoiceField(forms.ModelChoiceField):
    """A model choice whose option text is `option_label(obj)` (e.g. a campaign as "2017 – name")."""

    def __init__(self, *args, option_label: Callable[[Any], str] = str, **kwargs):
        super().__init__(*args, **kwargs)
        self.option_label = option_label

    def label_from_instance(self, obj) -> str:
        return self.option_label(obj)


def narrow(form: forms.BaseForm, name: str, queryset) -> forms.ModelChoiceField:
    """Give a model choice field of `form` its choices for this request."""
    field = cast(forms.ModelChoiceField, form.fields[name])
    field.queryset = queryset
    return field


def apply_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form, on the field it names where the form has it
    (a form may rename a service's field in `error_aliases`)."""
    aliases: dict[str, str] = getattr(form, "error_aliases", {})
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            field = aliases.get(field, field)
            target = field if field in form.fields else None
            for error in errors:
                for message in error.messages:
                    form.add_error(target, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def error_text(form: forms.BaseForm) -> str:
    """All of a form's error messages as one sentence, for a message shown after a redirect."""
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


def decimal_text(value) -> str:
    """A stored decimal as a person would type it in a form: 12, 7.5 (no trailing zeros)."""
    return format(value.normalize(), "f") if value is not None else ""
