"""The organisation tree's pages: the bloc administrator changes it; an officer may read their own unit
(403 on changing it, 404 on another unit); the leader reads everything (403 on changes)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.models import AuditEntry
from danvan.orgs.models import Organization


def text(response) -> str:
    return response.content.decode()


def reload(org):
    return Organization.objects.get(pk=org.pk)


def org_data(org=None, **overrides):
    """POST data shaped like templates/orgs/form.html (the current values of `org`, if given)."""
    data = {"code": "", "name": "", "kind": "", "parent": "", "email": "", "is_active": "on", "version": ""}
    if org is not None:
        data.update(
            code=org.code,
            name=org.name,
            kind=org.kind,
            parent=org.parent_id or "",
            email=org.email,
            version=org.version,
        )
    data.update(overrides)
    return data


def csv_upload(body: str, name="don-vi.csv"):
    return SimpleUploadedFile(name, ("\ufeff" + body).encode(), content_type="text/csv")


# ---- Anonymous ------------------------------------------------------------------------------------


ANONYMOUS_CASES = [
    ("get", "orgs:list", False),
    ("get", "orgs:create", False),
    ("post", "orgs:create", False),
    ("get", "orgs:import", False),
    ("post", "orgs:import", False),
    ("get", "orgs:import_template", False),
    ("get", "orgs:detail", True),
    ("get", "orgs:edit", True),
    ("post", "orgs:edit", True),
]


def test_anonymous_is_sent_to_the_login_page(world, client):
    count = Organization.objects.count()
    for method, name, with_pk in ANONYMOUS_CASES:
        url = reverse(name, args=[world.unit_a.pk] if with_pk else [])
        response = getattr(client, method)(url)
        assert response.status_code == 302, f"{method.upper()} {url}"
        assert response["Location"].startswith(reverse("login") + "?next="), f"{method.upper()} {url}"
    assert Organization.objects.count() == count


# ---- List and detail ------------------------------------------------------------------------------


def test_admin_lists_the_whole_bloc(world, login):
    page = text(login(world.admin).get(reverse("orgs:list")))
    for org in (world.bloc, world.unit_a, world.cell_a, world.unit_b, world.unit_c):
        assert org.name in page


def test_officer_lists_their_unit_and_its_cells_only(world, login):
    page = text(login(world.officer_a).get(reverse("orgs:list")))
    assert world.unit_a.name in page
    assert world.cell_a.name in page
    assert world.unit_b.name not in page
    assert world.unit_c.name not in page


def test_surveyor_lists_no_unit_of_the_bloc(world, login):
    page = text(login(world.surveyor).get(reverse("orgs:list")))
    assert world.unit_a.name not in page
    assert world.unit_b.name not in page


@pytest.mark.parametrize(
    ("who", "target", "status"),
    [
        ("admin", "unit_b", 200),
        ("leader", "unit_a", 200),
        ("officer_a", "unit_a", 200),
        ("officer_a", "cell_a", 200),
        ("officer_a", "unit_b", 404),
        ("officer_a", "bloc", 404),
        ("officer_cell", "unit_a", 404),
        ("surveyor", "unit_a", 404),
    ],
)
def test_detail_is_shown_only_within_scope(world, login, who, target, status):
    org = getattr(world, target)
    response = login(getattr(world, who)).get(reverse("orgs:detail", args=[org.pk]))
    assert response.status_code == status
    if status == 200:
        assert org.name in text(response)


def test_unit_page_shows_the_leader_registrations_but_not_drafts(world, login):
    page = text(login(world.leader).get(reverse("orgs:detail", args=[world.unit_a.pk])))
    assert world.submitted_a.title in page  # registered by cell A1, counted under A
    assert world.draft_a.title not in page  # drafts stay with the unit


# ---- Create ---------------------------------------------------------------------------------------


def test_admin_adds_a_cell_under_a_unit(world, login):
    client = login(world.admin)
    assert client.get(reverse("orgs:create"), {"parent": world.unit_a.pk}).status_code == 200
    response = client.post(
        reverse("orgs:create"),
        org_data(code="a2", name="Chi bộ Phòng Alpha", kind="cell", parent=world.unit_a.pk, email="a2@test.vn"),
        follow=True,
    )
    org = Organization.objects.get(code="A2")
    assert response.redirect_chain[-1][0] == reverse("orgs:detail", args=[org.pk])
    assert "Đã thêm đơn vị “Chi bộ Phòng Alpha”." in text(response)
    assert org.parent == world.unit_a
    assert org.base == world.unit_a
    assert org.path == f"{world.unit_a.path}{org.pk}."
    # The officer of unit A now sees the new cell too.
    assert login(world.officer_a).get(reverse("orgs:detail", args=[org.pk])).status_code == 200


def test_duplicate_code_is_refused(world, login):
    count = Organization.objects.count()
    response = login(world.admin).post(
        reverse("orgs:create"), org_data(code="b", name="Trùng mã", kind="cell", parent=world.unit_a.pk)
    )
    assert response.status_code == 400
    assert Organization.objects.count() == count


def test_admin_cannot_hang_a_unit_under_a_body_outside_the_bloc(world, login):
    response = login(world.admin).post(
        reverse("orgs:create"), org_data(code="P1", name="Tổ lạ", kind="cell", parent=world.partner.pk)
    )
    assert response.status_code == 400
    assert not Organization.objects.filter(code="P1").exists()


@pytest.mark.parametrize("who", ["officer_a", "leader", "surveyor"])
def test_only_an_administrator_adds_units(world, login, who):
    client = login(getattr(world, who))
    count = Organization.objects.count()
    assert client.get(reverse("orgs:create")).status_code == 403
    data = org_data(code="A9", name="Chi bộ lạ", kind="cell", parent=world.unit_a.pk)
    assert client.post(reverse("orgs:create"), data).status_code == 403
    assert Organization.objects.count() == count


def test_bloc_admin_cannot_create_a_unit_outside_their_subtree(world, login):
    response = login(world.admin).post(
        reverse("orgs:create"), org_data(code="ROOT", name="Đơn vị ngoài khối", kind="base_committee", parent="")
    )
    assert response.status_code == 400
    assert not Organization.objects.filter(code="ROOT").exists()


# ---- Edit -----------------------------------------------------------------------------------------


def test_admin_edits_a_unit(world, login):
    client = login(world.admin)
    form = client.get(reverse("orgs:edit", args=[world.unit_b.pk]))
    assert form.status_code == 200
    assert form.context["form"].initial["name"] == world.unit_b.name
    response = client.post(
        reverse("orgs:edit", args=[world.unit_b.pk]),
        org_data(world.unit_b, name="Đảng bộ Sở Beta mới", email="beta@test.vn"),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("orgs:detail", args=[world.unit_b.pk])
    assert "Đã lưu đơn vị." in text(response)
    fresh = reload(world.unit_b)
    assert (fresh.name, fresh.email, fresh.version) == ("Đảng bộ Sở Beta mới", "beta@test.vn", world.unit_b.version + 1)
    assert AuditEntry.objects.filter(action="org.update", target_id=str(world.unit_b.pk)).exists()


def test_moving_a_cell_moves_what_it_counts_for(world, login):
    response = login(world.admin).post(
        reverse("orgs:edit", args=[world.cell_a.pk]), org_data(world.cell_a, parent=world.unit_b.pk)
    )
    assert response.status_code == 302
    fresh = reload(world.cell_a)
    assert fresh.parent == world.unit_b
    assert fresh.base == world.unit_b
    assert fresh.path.startswith(world.unit_b.path)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(
    ("who", "target", "status"),
    [
        ("officer_a", "unit_a", 403),
        ("officer_a", "cell_a", 403),
        ("officer_a", "unit_b", 404),
        ("officer_cell", "unit_a", 404),
        ("leader", "unit_a", 403),
        ("surveyor", "unit_a", 404),
    ],
)
def test_others_cannot_edit_a_unit(world, login, method, who, target, status):
    org = getattr(world, target)
    client = login(getattr(world, who))
    url = reverse("orgs:edit", args=[org.pk])
    response = client.get(url) if method == "get" else client.post(url, org_data(org, name="Bị đổi tên"))
    assert response.status_code == status
    assert reload(org).name == org.name


# ---- Import ---------------------------------------------------------------------------------------


def test_import_template_is_a_csv_for_administrators(world, login):
    response = login(world.admin).get(reverse("orgs:import_template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.decode("utf-8-sig").splitlines()[0] == "ma,ten,loai,ma_cap_tren,email"


@pytest.mark.parametrize("who", ["officer_a", "leader", "surveyor"])
def test_only_an_administrator_imports(world, login, who):
    client = login(getattr(world, who))
    count = Organization.objects.count()
    assert client.get(reverse("orgs:import")).status_code == 403
    assert client.get(reverse("orgs:import_template")).status_code == 403
    upload = csv_upload("ma,ten,loai,ma_cap_tren,email\nZ,Đảng bộ Z,base_committee,KHOI,\n")
    assert client.post(reverse("orgs:import"), {"file": upload}).status_code == 403
    assert Organization.objects.count() == count


def test_import_with_one_bad_row_writes_nothing_and_names_the_row_and_column(world, login):
    count = Organization.objects.count()
    upload = csv_upload(
        "ma,ten,loai,ma_cap_tren,email\n"
        "D,Đảng bộ Sở Delta,base_committee,KHOI,\n"
        "D1,Chi bộ Phòng Delta,khong-ro,D,\n"
        "D2,Chi bộ Kho Delta,cell,D,\n"
    )
    client = login(world.admin)
    assert client.get(reverse("orgs:import")).status_code == 200
    response = client.post(reverse("orgs:import"), {"file": upload})
    assert response.status_code == 400
    page = text(response)
    assert "Tệp chưa được nhập." in page
    assert "Dòng 3, cột “loai”" in page
    assert "khong-ro" in page
    assert "Dòng 2" not in page and "Dòng 4" not in page
    assert Organization.objects.count() == count
    assert not Organization.objects.filter(code__in=["D", "D1", "D2"]).exists()


def test_import_with_unknown_parent_names_the_parent_column(world, login):
    upload = csv_upload("ma,ten,loai,ma_cap_tren,email\nE,Đảng bộ Sở Epsilon,base_committee,KHONG-CO,\n")
    response = login(world.admin).post(reverse("orgs:import"), {"file": upload})
    assert response.status_code == 400
    assert "Dòng 2, cột “ma_cap_tren”" in text(response)
    assert not Organization.objects.filter(code="E").exists()


def import_units(client, upload, **kwargs):
    """Upload (the preview, which writes nothing), then confirm."""
    preview = client.post(reverse("orgs:import"), {"file": upload})
    assert preview.status_code == 200, preview.content.decode()[:500]
    sha = client.session["orgs_import"]["sha256"]
    return client.post(reverse("orgs:import"), {"action": "apply", "sha256": sha}, **kwargs)


def test_good_import_places_units_in_the_tree(world, login):
    # The cell's kind is written as the Vietnamese label, as the import page allows.
    upload = csv_upload(
        "ma,ten,loai,ma_cap_tren,email\n"
        "D,Đảng bộ Sở Delta,base_committee,KHOI,delta@test.vn\n"
        "d1,Chi bộ Phòng Delta,Chi bộ trực thuộc,D,\n"
    )
    response = import_units(login(world.admin), upload, follow=True)
    assert response.redirect_chain[-1][0] == reverse("orgs:list")
    assert "Đã nhập danh sách: 2 đơn vị mới, 0 đơn vị cập nhật." in text(response)
    unit = Organization.objects.get(code="D")
    cell = Organization.objects.get(code="D1")
    assert (unit.parent, unit.kind, unit.base, unit.email) == (world.bloc, "base_committee", unit, "delta@test.vn")
    assert (cell.parent, cell.kind, cell.base) == (unit, "cell", unit)
    assert cell.path == f"{world.bloc.path}{unit.pk}.{cell.pk}."
    assert cell.depth == unit.depth + 1 == world.bloc.depth + 2


def test_import_accepts_a_cell_listed_before_its_parent(world, login):
    upload = csv_upload(
        "ma,ten,loai,ma_cap_tren,email\nD1,Chi bộ Phòng Delta,cell,D,\nD,Đảng bộ Sở Delta,base_committee,KHOI,\n"
    )
    response = import_units(login(world.admin), upload)
    assert response.status_code == 302
    unit = Organization.objects.get(code="D")
    assert Organization.objects.get(code="D1").base == unit


def test_import_updates_an_existing_unit_by_code(world, login):
    upload = csv_upload("ma,ten,loai,ma_cap_tren,email\nB,Đảng bộ Sở Beta (đổi tên),base_committee,KHOI,\n")
    response = import_units(login(world.admin), upload, follow=True)
    assert "0 đơn vị mới, 1 đơn vị cập nhật" in text(response)
    assert reload(world.unit_b).name == "Đảng bộ Sở Beta (đổi tên)"


def test_import_cannot_touch_a_unit_outside_the_admins_subtree(world, login):
    upload = csv_upload(
        "ma,ten,loai,ma_cap_tren,email\nP,Cơ quan bị đổi tên,partner_commission,,\nX,Đơn vị treo dưới P,cell,P,\n"
    )
    response = login(world.admin).post(reverse("orgs:import"), {"file": upload})
    assert response.status_code == 400
    assert reload(world.partner).name == "Ban Dân vận thử nghiệm"
    assert not Organization.objects.filter(code="X").exists()
