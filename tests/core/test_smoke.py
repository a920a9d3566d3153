import pytest
from django.urls import reverse

PAGES = ["home", "campaigns:list", "initiatives:list", "orgs:list", "profile"]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("who", ["admin", "officer_a", "officer_b", "surveyor", "leader"])
def test_every_page_opens_for_every_role(world, login, name, who):
    client = login(getattr(world, who))
    response = client.get(reverse(name))
    assert response.status_code == 200


def test_interface_is_vietnamese_even_for_an_english_browser(world, client):
    client.force_login(world.officer_a)
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Tổng quan" in html and "Đăng xuất" in html


def test_english_when_chosen(world, client):
    client.force_login(world.officer_a)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert "Overview" in html and "Sign out" in html
    assert "Tổng quan" not in html
