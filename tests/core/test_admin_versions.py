"""The Django admin refuses to save a record someone else changed after the admin's page was opened (as the
application's own pages do), and moves the version on when it saves."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from danvan.orgs.models import Organization
from danvan.orgs.services import organization_update


class FormFields(HTMLParser):
    """The values a browser would send for the page's change form."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") != "checkbox" or "checked" in a:
                self.data[name] = a.get("value") or ("on" if a.get("type") == "checkbox" else "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def change_form(client, org: Organization) -> dict[str, str]:
    parser = FormFields()
    parser.feed(client.get(reverse("admin:orgs_organization_change", args=[org.pk])).content.decode())
    return parser.data


@pytest.fixture
def root(client):
    user = get_user_model().objects.create_superuser("root", "root@test.vn", "Mat-khau-dai-123")
    client.force_login(user)
    return user


def test_an_admin_save_after_a_change_elsewhere_is_refused(world, client, root):
    org = world.unit_a
    form = change_form(client, org)
    assert form["seen_version"] == str(org.version)
    organization_update(org=org, by=world.admin, name="Đảng bộ Sở Alpha (tên mới)")  # meanwhile, in the app

    response = client.post(reverse("admin:orgs_organization_change", args=[org.pk]), {**form, "name": "Tên cũ sửa"})
    assert response.status_code == 200
    assert "vừa được người khác sửa sau khi bạn mở trang" in response.content.decode()
    org.refresh_from_db()
    assert org.name == "Đảng bộ Sở Alpha (tên mới)"

    # Opened again, the admin's save goes through and moves the version on: the app's stale form is refused then.
    seen_by_app = org.version
    form = change_form(client, org)
    response = client.post(reverse("admin:orgs_organization_change", args=[org.pk]), {**form, "name": "Tên sửa lại"})
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.name == "Tên sửa lại" and org.version == seen_by_app + 1


def test_an_initiative_and_a_campaign_saved_in_the_admin_move_their_version_on(world, client, root):
    for obj, name in ((world.draft_a, "initiatives_initiative"), (world.campaign, "campaigns_campaign")):
        url = reverse(f"admin:{name}_change", args=[obj.pk])
        parser = FormFields()
        parser.feed(client.get(url).content.decode())
        response = client.post(url, parser.data)
        assert response.status_code == 302, response.content.decode()[:2000]
        before = obj.version
        obj.refresh_from_db()
        assert obj.version == before + 1
