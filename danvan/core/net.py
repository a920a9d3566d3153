"""The address a request really came from, when the product runs behind trusted reverse proxies."""

from django.conf import settings


def client_address(request) -> str:
    """REMOTE_ADDR, or — behind `DANVAN_TRUSTED_PROXIES` proxies that each append to X-Forwarded-For — the
    address the outermost trusted proxy saw. Entries a client writes itself sit further left and are ignored."""
    proxies = getattr(settings, "DANVAN_TRUSTED_PROXIES", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    return hops[-proxies] if len(hops) >= proxies else remote
