import pytest
from django.urls import reverse

PAGES = ["home", "campaigns:list", "initiatives:list", "orgs:list", "profile"]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("who", ["admin", "officer_a", "officer_b", "surveyor", "leader"])
def test_every_page_opens_for_every_role(world, login, name, who):
    client = login(getattr(world, who))
    response = client.get(reverse(name))
    assert response.status_code == 200
