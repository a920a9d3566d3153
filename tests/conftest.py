"""Personas and a small world shared by the tests: a bloc with two units (A has a cell), a partner body,
a launched campaign, and the people of each role."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone, translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from danvan.campaigns.services import campaign_create, campaign_launch, campaign_update
from danvan.core import twofactor
from danvan.core.freshness import forget_pages
from danvan.initiatives import services as initiatives
from danvan.orgs.models import Membership, Organization
from danvan.orgs.services import membership_grant, organization_create

FULL = {
    "situation": "Người dân còn gặp khó khăn khi làm thủ tục.",
    "goals": "Hướng dẫn 500 lượt người dân mỗi năm.",
    "method": "Tổ tình nguyện trực tại bộ phận một cửa.",
    "target_groups": "Cán bộ, công chức của đơn vị.",
    "beneficiaries": "Người dân, doanh nghiệp đến làm thủ tục.",
    "implementers": "Chi bộ chủ trì, Đoàn Thanh niên phối hợp.",
}
QUARTERS = ("Quý I", "Quý II", "Quý III", "Quý IV")


@pytest.fixture(autouse=True)
def _media(tmp_path, settings):
    # Argon2 is deliberately slow; tests/core/test_passwords.py checks that production uses it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Every test starts in the product's language: a request in English leaves English active in the thread
    # (LocaleMiddleware does not switch back), and mail or messages of the next test would come out in English.
    translation.activate(settings.LANGUAGE_CODE)
    # A page kept by an earlier test showed data its rollback undid: none is served again. (Sessions stay: a client
    # signed in by a fixture shared between tests reads its session from the cache in every test alike.)
    forget_pages()


@pytest.fixture(autouse=True)
def _signed_in_means_verified(monkeypatch):
    """`Client.force_login` stands for a finished sign-in: for a person who must give a second-step code
    (danvan.core.twofactor), the session is verified with a device of theirs, as the second step leaves it. The
    second step itself is tested through the real pages (tests/core/test_second_factor.py), never through this."""
    original = Client._login

    def _login(self, user, backend=None):
        original(self, user, backend)
        user = type(user).objects.get(pk=user.pk)  # its scope is worked out afresh, not kept on the test's object
        if twofactor.needed(user):
            device = twofactor.device_of(user) or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "_login", _login)


@pytest.fixture
def world(db):
    User = get_user_model()
    bloc = organization_create(
        code="KHOI", name="Đảng bộ Khối thử nghiệm", kind=Organization.Kind.BLOC, parent=None, by=None
    )
    unit_a = organization_create(code="A", name="Đảng bộ Sở Alpha", kind="base_committee", parent=bloc, by=None)
    cell_a = organization_create(code="A1", name="Chi bộ Trung tâm Alpha", kind="cell", parent=unit_a, by=None)
    unit_b = organization_create(code="B", name="Đảng bộ Sở Beta", kind="base_committee", parent=bloc, by=None)
    unit_c = organization_create(code="C", name="Chi bộ Cục Gamma", kind="base_cell", parent=bloc, by=None)
    partner = organization_create(
        code="P", name="Ban Dân vận thử nghiệm", kind="partner_commission", parent=None, by=None
    )

    def person(username, org, role):
        user = User.objects.create_user(username=username, password="Mat-khau-dai-123", email=f"{username}@test.vn")
        membership_grant(user=user, organization=org, role=role, by=None)
        return user

    admin = person("admin", bloc, Membership.Role.ADMIN)
    officer_a = person("officer_a", unit_a, Membership.Role.OFFICER)
    officer_cell = person("officer_cell", cell_a, Membership.Role.OFFICER)
    officer_b = person("officer_b", unit_b, Membership.Role.OFFICER)
    surveyor = person("surveyor", partner, Membership.Role.SURVEYOR)
    leader = person("leader", bloc, Membership.Role.LEADER)
    today = timezone.localdate()
    campaign = campaign_create(
        organization=bloc,
        by=admin,
        name="Đợt thử nghiệm",
        year=today.year,
        registration_opens=today - timedelta(days=10),
        registration_closes=today + timedelta(days=30),
        quota_min=1,
        quota_max=3,
        fields=["Cải cách hành chính", "An sinh xã hội"],
    )
    campaign_launch(campaign=campaign, by=admin)
    campaign.refresh_from_db()
    field_ids = list(campaign.fields.values_list("pk", flat=True))

    def initiative(unit, by, title, *, submit=False, **extra):
        i = initiatives.initiative_create(
            campaign=campaign, unit=unit, by=by, fields=[field_ids[0]], title=title, **{**FULL, **extra}
        )
        if submit:
            i = initiatives.initiative_submit(initiative=i, by=by)
        return i

    draft_a = initiative(unit_a, officer_a, "Một cửa thân thiện Alpha")
    submitted_a = initiative(cell_a, officer_cell, "Trợ giúp pháp lý miễn phí", submit=True)
    draft_b = initiative(unit_b, officer_b, "Ngày thứ Bảy tình nguyện Beta")
    return SimpleNamespace(
        bloc=bloc,
        unit_a=unit_a,
        cell_a=cell_a,
        unit_b=unit_b,
        unit_c=unit_c,
        partner=partner,
        admin=admin,
        officer_a=officer_a,
        officer_cell=officer_cell,
        officer_b=officer_b,
        surveyor=surveyor,
        leader=leader,
        campaign=campaign,
        field_ids=field_ids,
        draft_a=draft_a,
        submitted_a=submitted_a,
        draft_b=draft_b,
        make=initiative,
    )


def campaign_periods(world, *spans, names=QUARTERS, **fields):
    """Sets the campaign's reporting periods, one per span `(starts, ends, due)` in days from today, named in order
    from `names`; `fields` of the campaign are changed in the same update. Returns the periods, earliest first (each
    with the campaign as that update left it)."""
    assert len(spans) <= len(names)
    today = timezone.localdate()
    periods = [
        {
            "name": name,
            "starts_on": today + timedelta(days=starts),
            "ends_on": today + timedelta(days=ends),
            "due_on": today + timedelta(days=due),
        }
        for name, (starts, ends, due) in zip(names, spans, strict=False)
    ]
    campaign = campaign_update(campaign=world.campaign, by=world.admin, periods=periods, **fields)
    return list(campaign.periods.order_by("starts_on"))


def accept_with_indicators(world, indicators, **fields):
    """The cell A1's registration returned by the administrator, given `indicators` (and `fields`) by its officer,
    sent again and accepted: the accepted initiative."""
    i = initiatives.initiative_return(initiative=world.submitted_a, by=world.admin, comment="Bổ sung chỉ tiêu.")
    i = initiatives.initiative_update(
        initiative=i, by=world.officer_cell, expected_version=None, indicators=indicators, **fields
    )
    i = initiatives.initiative_submit(initiative=i, by=world.officer_cell)
    return initiatives.initiative_accept(initiative=i, by=world.admin)


@pytest.fixture
def login(client):
    def as_(user):
        client.force_login(user)
        return client

    return as_
