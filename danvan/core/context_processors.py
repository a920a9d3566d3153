from django.conf import settings

from danvan.core.access import scope_for


def navigation(request):
    """What the header needs: the user's scope (which menu items to show) and demo mode."""
    user = getattr(request, "user", None)
    return {"scope": scope_for(user), "DEMO_MODE": settings.DEMO_MODE}
