from django import template
from django.utils.formats import get_format
from django.utils.translation import get_language

register = template.Library()


@register.filter
def person(user) -> str:
    """A person's name in Vietnamese order (family name first), or their username."""
    if user is None:
        return "—"
    name = f"{user.last_name} {user.first_name}".strip()
    return name or user.username


@register.filter
def get_item(mapping, key):
    """`mapping[key]` in a template (None when absent)."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def score(value):
    """A score or total as people write it: "17,5", "82" (no trailing zeros), "—" when there is none."""
    if value is None or value == "":
        return "—"
    text = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value}"
    return text.replace(".", get_format("DECIMAL_SEPARATOR", get_language()))


@register.filter
def figure(value):
    """A statistic as Vietnamese write it: "54.590", "64,6"; an empty cell is "—"."""
    from decimal import Decimal

    from django.utils import numberformat

    if value is None or value == "":
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return value
    places = 0 if value == int(value) else 1
    lang = get_language()
    return numberformat.format(
        value,
        get_format("DECIMAL_SEPARATOR", lang),
        decimal_pos=places,
        grouping=get_format("NUMBER_GROUPING", lang),
        thousand_sep=get_format("THOUSAND_SEPARATOR", lang),
        force_grouping=True,
    )
