"""The dashboard page: who may open it, what it shows, links to the lists behind its figures, and a query count
that does not grow with the data."""

import re
from html import unescape

import pytest
from django.urls import reverse

from danvan.initiatives import services
from danvan.initiatives.models import Initiative

pytestmark = pytest.mark.django_db


def test_personas(world, login, client):
    url = reverse("insights:dashboard")
    assert client.get(url).status_code == 302  # anonymous: to the login page
    for user in (world.admin, world.leader, world.officer_a):
        assert login(user).get(url).status_code == 200
    assert login(world.surveyor).get(url).status_code == 403


def test_another_blocs_campaign_is_not_found(world, login):
    from danvan.campaigns.services import campaign_create
    from danvan.orgs.models import Organization
    from danvan.orgs.services import organization_create

    other = organization_create(code="K2", name="Đảng bộ Khối khác", kind=Organization.Kind.BLOC, parent=None, by=None)
    c = campaign_create(
        organization=other,
        by=None,
        name="Đợt của khối khác",
        year=world.campaign.year,
        registration_opens=world.campaign.registration_opens,
        registration_closes=world.campaign.registration_closes,
        fields=["Lĩnh vực"],
    )
    client = login(world.officer_a)
    assert client.get(reverse("insights:dashboard") + f"?campaign={c.pk}").status_code == 404
    assert client.get(reverse("insights:dashboard") + "?campaign=abc").status_code == 404


def test_empty_state_says_what_to_do(db, login, django_user_model):
    from danvan.orgs.models import Membership, Organization
    from danvan.orgs.services import membership_grant, organization_create

    bloc = organization_create(code="KX", name="Đảng bộ Khối mới", kind=Organization.Kind.BLOC, parent=None, by=None)
    admin = django_user_model.objects.create_user(username="moi", password="Mat-khau-dai-123")
    membership_grant(user=admin, organization=bloc, role=Membership.Role.ADMIN, by=None)
    body = login(admin).get(reverse("insights:dashboard")).content.decode()
    assert "Chưa có số liệu để thống kê." in body
    assert reverse("campaigns:create") in body


def links(body: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]*/initiatives/\?[^"]*)"', body)]


def test_figures_link_to_their_lists(world, login):
    services.initiative_accept(initiative=world.submitted_a, by=world.admin)
    world.make(world.unit_b, world.officer_b, "Mô hình Beta đã gửi", submit=True, kind="individual")
    client = login(world.admin)
    body = client.get(reverse("insights:dashboard")).content.decode()
    sent = Initiative.objects.filter(campaign=world.campaign).registered()
    assert f"{2}/<wbr>{3}" in body  # units A and B registered, of A, B and C
    hrefs = links(body)
    assert f"/initiatives/?campaign={world.campaign.pk}&stage=registered" in hrefs
    # Every linked list answers, and the "registered" list shows as many rows as the figure says.
    page = client.get(f"/initiatives/?campaign={world.campaign.pk}&stage=registered").content.decode()
    assert f"{sent.count()} mô hình" in page
    for href in set(hrefs):
        assert client.get(href).status_code == 200, href


def test_the_years_compared_chart_counts_registrations(world, login):
    """Its caption says "initiatives registered each year": the bars are those, not the units that registered."""
    world.make(world.unit_b, world.officer_b, "Mô hình Beta đã gửi", submit=True)
    world.make(world.unit_b, world.officer_b, "Mô hình Beta thứ hai", submit=True)
    client = login(world.admin)
    response = client.get(reverse("insights:dashboard"))
    bars = {b.label: b.value for b in response.context["year_bars"]}
    registered = Initiative.objects.filter(campaign=world.campaign).registered().count()
    assert response.context["s"]["units_registered"] != registered
    assert bars[str(world.campaign.year)] == registered


def test_an_officer_sees_the_own_unit_only(world, login):
    world.make(world.unit_b, world.officer_b, "Mô hình Beta đã gửi", submit=True)
    body = login(world.officer_a).get(reverse("insights:dashboard")).content.decode()
    assert world.unit_a.name in body
    assert world.unit_b.name not in body


def test_query_count_is_pinned_and_does_not_grow(world, login, django_assert_num_queries):
    client = login(world.admin)
    url = reverse("insights:dashboard")

    def grow(n):
        for k in range(n):
            unit, officer = (
                (world.unit_b, world.officer_b),
                (world.unit_a, world.officer_a),
                (world.cell_a, world.officer_cell),
            )[k % 3]
            i = world.make(
                unit,
                officer,
                f"Mô hình thêm {n}-{k}",
                submit=True,
                indicators=[services.IndicatorInput(name="Số người", unit_of_measure="người", target=10)],
            )
            services.initiative_accept(initiative=i, by=world.admin)

    grow(1)
    # The registration summary, reporting, surveying, indicators and review figures, the funnel's twelve stage
    # counts, the per-unit grouping, the commendations, the spread, the flags and the years compared.
    with django_assert_num_queries(24):
        assert client.get(url).status_code == 200
    grow(3)
    with django_assert_num_queries(24):
        assert client.get(url).status_code == 200
    # More years of campaigns by the same committee: the years compared read the other years' counts at once (four
    # queries however many years there are).
    from danvan.campaigns.services import campaign_create, campaign_launch

    for back in (1, 2):
        earlier = world.campaign.registration_opens.replace(year=world.campaign.year - back)
        campaign_launch(
            campaign=campaign_create(
                organization=world.bloc,
                by=world.admin,
                name=f"Đợt năm {world.campaign.year - back}",
                year=world.campaign.year - back,
                registration_opens=earlier,
                registration_closes=earlier.replace(day=28) if earlier.day > 28 else earlier,
                quota_min=1,
                quota_max=3,
                fields=["Cải cách hành chính"],
            ),
            by=world.admin,
        )
        with django_assert_num_queries(29):
            page = client.get(url, {"campaign": world.campaign.pk})
            assert page.status_code == 200
        assert re.search(rf'<th scope="row">{world.campaign.year - back}</th>', page.content.decode())  # its year
