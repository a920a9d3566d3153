"""The one place that decides between a whole page and an HTMX partial."""

from django.shortcuts import render


def render_page(request, template: str, context: dict, *, partial: str | None = None, status: int = 200):
    """Render `template`; an HTMX request that targets a part of the page gets only `partial`."""
    if partial and getattr(request, "htmx", False) and not request.htmx.boosted:
        return render(request, f"{template}#{partial}", context, status=status)
    return render(request, template, context, status=status)
