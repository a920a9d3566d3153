"""The filter selects written out in Python give the markup Django's templates give."""

import re

from django import forms

from danvan.core.forms import QuickSelect

CHOICES = [
    ("", "Tất cả"),
    ("1", 'Đảng bộ <Sở> Tư pháp & "Dân vận"'),
    ("Nhóm", [("2", "Chi bộ 1"), ("3", "Chi bộ 2")]),
    (4, "Khối cơ quan"),
]


def _tight(html: str) -> str:
    return re.sub(r">\s+<", "><", str(html)).strip()


def test_the_quick_select_writes_what_the_template_writes():
    for value in (None, "", "1", "3", 4):
        attrs = {"id": "id_unit", "class": "small"}
        quick = QuickSelect(choices=CHOICES).render("unit", value, attrs)
        plain = forms.Select(choices=CHOICES).render("unit", value, attrs)
        assert _tight(quick) == _tight(plain), value
    assert "&lt;Sở&gt;" in QuickSelect(choices=CHOICES).render("unit", None)  # escaped, never raw


def test_the_initiative_filter_marks_the_chosen_kind():
    from django.contrib.auth.models import AnonymousUser

    from danvan.initiatives.forms import InitiativeFilterForm

    form = InitiativeFilterForm({"kind": "collective"}, user=AnonymousUser())
    html = str(form["kind"])
    assert re.search(r'<option value="collective" selected>', html)
