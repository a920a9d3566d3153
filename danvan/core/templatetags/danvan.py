from django import template

register = template.Library()


@register.filter
def person(user) -> str:
    """A person's name in Vietnamese order (family name first), or their username."""
    if user is None:
        return "—"
    name = f"{user.last_name} {user.first_name}".strip()
    return name or user.username
