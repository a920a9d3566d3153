"""The Hải Phòng 2017 demo: the seed article's facts, loaded through the same services users go through."""

import random
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from danvan.assessments import services as survey
from danvan.campaigns.models import Campaign
from danvan.campaigns.services import campaign_close, campaign_create, campaign_launch
from danvan.demo import checking, data, review
from danvan.initiatives import services as initiatives
from danvan.initiatives.models import Initiative
from danvan.insights import tally
from danvan.orgs.models import Membership, Organization
from danvan.orgs.services import membership_grant, organization_create

DEMO_PASSWORD = "DanVanKheo@2017"
EMAIL_DOMAIN = "danvan.local"

ACCOUNTS = [
    # username, full name, unit code, role
    ("quantri", "Nguyễn Thị Thu Hà", data.BLOC[0], Membership.Role.ADMIN),
    ("lanhdao", "Phạm Xuân Thanh", data.BLOC[0], Membership.Role.LEADER),
    ("canbo.tgpl", "Đào Thị Mai", "CB-TGPL", Membership.Role.OFFICER),
    ("canbo.thongke", "Lê Văn Hùng", "DB-CTK", Membership.Role.OFFICER),
    ("khaosat1", "Trần Minh Đức", data.PARTNER[0], Membership.Role.SURVEYOR),
    ("khaosat2", "Hoàng Thị Lan", data.PARTNER[0], Membership.Role.SURVEYOR),
    ("khaosat.khoi1", "Vũ Đức Thắng", data.BLOC[0], Membership.Role.SURVEYOR),
    ("khaosat.khoi2", "Ngô Thị Hạnh", data.BLOC[0], Membership.Role.SURVEYOR),
]


def _at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def is_loaded() -> bool:
    return Organization.objects.filter(code=data.BLOC[0]).exists()


def _users(orgs: dict) -> dict:
    User = get_user_model()
    hashed = make_password(DEMO_PASSWORD)
    users = {}
    for username, full_name, code, role in ACCOUNTS:
        last, _sep, first = full_name.rpartition(" ")
        user = User.objects.create(
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@{EMAIL_DOMAIN}",
            password=hashed,
        )
        membership_grant(user=user, organization=orgs[code], role=role, by=None)
        users[username] = user
    # One officer for every other base organisation and cell, so that launching and reminders reach someone.
    taken = {code for _u, _n, code, role in ACCOUNTS if role == Membership.Role.OFFICER}
    for code, org in orgs.items():
        if code in taken or org.kind not in (*Organization.BASE_KINDS, Organization.Kind.CELL):
            continue
        username = f"canbo.{code.lower()}"
        user = User.objects.create(username=username, email=f"{username}@{EMAIL_DOMAIN}", password=hashed)
        membership_grant(user=user, organization=org, role=Membership.Role.OFFICER, by=None)
        users[username] = user
    return users


def _officer_for(users: dict, unit_code: str):
    for username, _n, code, role in ACCOUNTS:
        if code == unit_code and role == Membership.Role.OFFICER:
            return users[username]
    return users[f"canbo.{unit_code.lower()}"]


def _content(entry: dict) -> dict:
    """The registration-form part of a demo entry."""
    return {k: v for k, v in entry.items() if k in initiatives.CONTENT_FIELDS}


def _indicators(entry: dict):
    return [
        initiatives.IndicatorInput(name=name, unit_of_measure=uom, target=target)
        for name, uom, target in entry.get("indicators", [])
    ]


@transaction.atomic
@tally.deferred()
def load(stdout=None) -> dict:
    """Load everything, in one transaction (the dashboards' counts computed once, at the end). Returns the demo's
    main objects."""
    say = stdout.write if stdout else (lambda _m: None)
    bloc = organization_create(code=data.BLOC[0], name=data.BLOC[1], kind=Organization.Kind.BLOC, parent=None, by=None)
    orgs = {bloc.code: bloc}
    partner = organization_create(
        code=data.PARTNER[0], name=data.PARTNER[1], kind=Organization.Kind.PARTNER, parent=None, by=None
    )
    orgs[partner.code] = partner
    for code, name, kind in data.UNITS:
        orgs[code] = organization_create(
            code=code,
            name=name,
            kind=kind,
            parent=bloc,
            by=None,
            email=f"vanphong.{code.lower()}@{EMAIL_DOMAIN}",
        )
    for code, name, parent_code in data.CELLS:
        orgs[code] = organization_create(
            code=code, name=name, kind=Organization.Kind.CELL, parent=orgs[parent_code], by=None
        )
    say(f"  {len(data.UNITS)} tổ chức cơ sở đảng, {len(data.CELLS)} chi bộ trực thuộc\n")

    users = _users(orgs)
    admin = users["quantri"]
    field_names = [name for _code, name in data.FIELDS]

    # 2017: launched by document no. 292; registrations in April; all accepted; the campaign is over.
    c2017 = campaign_create(
        organization=bloc,
        by=admin,
        name="Phong trào thi đua xây dựng mô hình “Dân vận khéo” năm 2017",
        year=2017,
        phase="2016–2020",
        launch_document_number="292-CV/ĐUK",
        launch_document_date=date(2017, 3, 20),
        registration_opens=date(2017, 3, 25),
        registration_closes=date(2017, 4, 30),
        quota_min=1,
        quota_max=max(3, *_per_unit(data.INITIATIVES_2017).values()),
        fields=field_names,
        periods=[
            {"name": f"Quý {q}/2017", "starts_on": s, "ends_on": e, "due_on": e + timedelta(days=10)}
            for q, s, e in [
                (2, date(2017, 4, 1), date(2017, 6, 30)),
                (3, date(2017, 7, 1), date(2017, 9, 30)),
                (4, date(2017, 10, 1), date(2017, 12, 31)),
            ]
        ],
    )
    _fix_codes(c2017)
    campaign_launch(campaign=c2017, by=admin, notify=False, at=_at(date(2017, 3, 20), 14))
    fields_2017 = {f.code: f for f in c2017.fields.all()}
    by_title: dict[str, Initiative] = {}
    for n, e in enumerate(data.INITIATIVES_2017):
        day = date(2017, 4, 3 + n % 26)
        officer = _officer_for(users, e["unit"])
        i = initiatives.initiative_create(
            campaign=c2017,
            unit=orgs[e["unit"]],
            by=officer,
            fields=[fields_2017[c] for c in e["fields"]],
            indicators=_indicators(e),
            today=day,
            at=_at(day, 8),
            starts_on=date(2017, 5, 1),
            ends_on=date(2017, 12, 31),
            **_content(e),
        )
        i = initiatives.initiative_submit(initiative=i, by=officer, today=day, at=_at(day))
        i = initiatives.initiative_accept(initiative=i, by=admin, at=_at(day + timedelta(days=7), 15))
        by_title[i.title] = i
    say(f"  2017: {len(data.INITIATIVES_2017)} mô hình đã đăng ký và được duyệt\n")
    rng = random.Random(2017)

    def officer_for(code: str):
        return _officer_for(users, code)

    checking.load_reports(c2017, admin, officer_for, rng)
    checking.load_inspections(c2017, admin, orgs, officer_for)
    checking.load_survey(c2017, admin, users, officer_for, rng)
    say("  2017: báo cáo quý, 2 đoàn khảo sát, tự đánh giá\n")
    campaign_close(campaign=c2017, by=admin)
    exemplary = review.load_review(c2017, admin, officer_for)
    say(f"  2017: bình xét, {len(exemplary)} mô hình tiêu biểu được khen thưởng\n")

    # 2018: stricter registration, open now for the demo (so that people can try registering).
    today = timezone.localdate()
    c2018 = campaign_create(
        organization=bloc,
        by=admin,
        name="Phong trào thi đua xây dựng mô hình “Dân vận khéo” năm 2018",
        year=2018,
        phase="2016–2020",
        launch_document_number="318-CV/ĐUK",
        launch_document_date=date(2018, 1, 10),
        registration_opens=date(2018, 1, 15),
        registration_closes=max(date(2018, 12, 31), today + timedelta(days=120)),
        quota_min=1,
        quota_max=max(3, *_per_unit(data.INITIATIVES_2018).values()),
        previous=c2017,
        fields=field_names,
        periods=[
            {"name": f"Quý {q}/2018", "starts_on": s, "ends_on": e, "due_on": e + timedelta(days=10)}
            for q, s, e in [
                (1, date(2018, 1, 1), date(2018, 3, 31)),
                (2, date(2018, 4, 1), date(2018, 6, 30)),
                (3, date(2018, 7, 1), date(2018, 9, 30)),
                (4, date(2018, 10, 1), date(2018, 12, 31)),
            ]
        ],
    )
    _fix_codes(c2018)
    campaign_launch(campaign=c2018, by=admin, notify=False, at=_at(date(2018, 1, 10), 14))
    fields_2018 = {f.code: f for f in c2018.fields.all()}
    day = date(2018, 3, 1)
    for e in data.INITIATIVES_2018:
        officer = _officer_for(users, e["unit"])
        source = by_title.get(e.get("carried_over_from", ""))
        if source is not None:
            i = initiatives.initiative_carry_over(source=source, campaign=c2018, by=officer, today=day)
            i = initiatives.initiative_update(
                initiative=i,
                by=officer,
                expected_version=i.version,
                fields=[fields_2018[c] for c in e["fields"]],
                indicators=_indicators(e),
                **_content(e),
            )
        else:
            i = initiatives.initiative_create(
                campaign=c2018,
                unit=orgs[e["unit"]],
                by=officer,
                fields=[fields_2018[c] for c in e["fields"]],
                indicators=_indicators(e),
                today=day,
                at=_at(day, 8),
                **_content(e),
            )
        status = e.get("status", "draft")
        if status in ("submitted", "returned", "accepted"):
            i = initiatives.initiative_submit(initiative=i, by=officer, today=day, at=_at(day))
        if status == "returned":
            initiatives.initiative_return(initiative=i, by=admin, comment=e["return_comment"], at=_at(day, 16))
        elif status == "accepted":
            initiatives.initiative_accept(initiative=i, by=admin, at=_at(day, 16))
    # 2018: a survey team is formed and has its first initiatives to visit, not scored yet.
    team = survey.team_create(
        campaign=c2018,
        by=admin,
        name="Đoàn khảo sát số 1 năm 2018",
        members=[users["khaosat1"], users["khaosat.khoi2"]],
        leader=users["khaosat1"],
    )
    accepted_2018 = Initiative.objects.filter(campaign=c2018, status=Initiative.Status.ACCEPTED).order_by("pk")
    survey.assignments_add(team=team, by=admin, initiatives=list(accepted_2018[:3]))
    say(f"  2018: {len(data.INITIATIVES_2018)} mô hình (nháp, chờ duyệt, trả lại, đã duyệt)\n")
    review.load_showcase(exemplary, admin, officer_for, random.Random(2018))
    review.load_replications(exemplary, c2018, admin, officer_for, orgs)
    review.load_near_copy(c2017, c2018, exemplary, officer_for, orgs)
    say("  Công khai 13 mô hình tiêu biểu, ý kiến người dân; nhân rộng sang năm 2018\n")
    return {"bloc": bloc, "campaigns": [c2017, c2018], "users": users}


def _per_unit(entries: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in entries:
        counts[e["unit"]] = counts.get(e["unit"], 0) + 1
    return counts


def _fix_codes(campaign: Campaign) -> None:
    """Give the campaign's fields the demo's short codes (the API filters by them)."""
    names = dict((name, code) for code, name in data.FIELDS)
    for f in campaign.fields.all():
        if f.name in names and f.code != names[f.name]:
            f.code = names[f.name]
            f.save(update_fields=["code"])


def login_help() -> str:
    lines = [f"Mật khẩu chung của các tài khoản mẫu: {DEMO_PASSWORD}"]
    for username, full_name, _code, role in ACCOUNTS:
        lines.append(f"  {username:<15} {Membership.Role(role).label} – {full_name}")
    lines.append(f"Đăng nhập tại {settings.SITE_URL}/accounts/login/")
    return "\n".join(lines)
