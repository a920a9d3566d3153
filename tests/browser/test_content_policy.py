"""The Content Security Policy holds in a real browser: the pages of every part of the cycle load without a single
violation (no inline script or style, nothing from another origin), and their styles and scripts still work."""

import pytest

from danvan.campaigns.models import Campaign
from danvan.demo import loader
from danvan.initiatives.models import Initiative
from danvan.orgs.models import Membership, Organization
from danvan.showcase.models import ShowcaseEntry
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def top() -> Organization:
    """The unit the demo's administrator administers (the bloc)."""
    return Membership.objects.get(user__username="quantri", role=Membership.Role.ADMIN).organization


def pages() -> list[str]:
    closed = Campaign.objects.filter(status=Campaign.Status.CLOSED).order_by("-year").first()
    launched = Campaign.objects.filter(status=Campaign.Status.LAUNCHED).order_by("-year").first()
    accepted = Initiative.objects.filter(status=Initiative.Status.ACCEPTED, campaign=launched).first()
    shown = ShowcaseEntry.objects.published().first()
    assert closed and launched and accepted and shown, "the demo data has these"
    return [
        "/",
        "/initiatives/",
        f"/initiatives/{accepted.pk}/",
        "/orgs/",
        f"/orgs/{top().pk}/",
        "/orgs/locked/",
        "/campaigns/",
        f"/campaigns/{launched.pk}/",
        f"/progress/campaigns/{launched.pk}/",
        f"/survey/campaigns/{launched.pk}/",
        f"/review/campaigns/{closed.pk}/",
        f"/statistics/?campaign={closed.pk}",
        "/audit/",
        "/accounts/profile/",
        "/showcase/",
        f"/showcase/{shown.pk}/",
        "/admin/",
        "/admin/initiatives/initiative/",
        "/api/v1/docs",
    ]


def test_no_page_breaks_the_content_security_policy(live_server, browser):
    loader.load()
    base = live_server.url
    paths = pages()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(f"{page.url}: {m.text}") if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{base}/accounts/login/")
    # The stylesheet applies (it would not if the policy blocked it): the page is not in the browser's default font.
    assert "Times" not in page.evaluate("getComputedStyle(document.body).fontFamily")
    sign_in(page, base, "quantri", loader.DEMO_PASSWORD)
    for path in paths:
        response = page.goto(base + path)
        assert response is not None and response.status == 200, path
        policy = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, path
        page.wait_for_load_state("networkidle")
    assert not violations, "\n".join(sorted({v[:200] for v in violations}))
    # The scripts run: a confirmation is still asked before a destructive step (declined here: nothing happens).
    page.goto(f"{base}/orgs/{top().pk}/")
    asked: list[str] = []
    page.on("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.locator("form[data-confirm] button[type=submit]").first.click()
    assert asked and page.url == f"{base}/orgs/{top().pk}/"
    context.close()
