from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationQuerySet(models.QuerySet):
    def subtree_of(self, org: "Organization"):
        return self.filter(path__startswith=org.path)

    def base_units(self):
        """The base organisations (đảng bộ cơ sở, chi bộ cơ sở) that register initiatives."""
        return self.filter(kind__in=Organization.BASE_KINDS, is_active=True)

    def visible_to(self, user):
        from danvan.core.access import scope_for

        scope = scope_for(user)
        if scope.is_superuser:
            return self
        return self.filter(scope.q_subtree("path", scope.admin_paths + scope.leader_paths + scope.officer_paths))


class Organization(models.Model):
    """A node of the party organisation tree: the bloc, its base organisations, their cells, partner bodies."""

    class Kind(models.TextChoices):
        CENTRAL = "central", _("Cấp Trung ương")
        PROVINCE = "province_committee", _("Tỉnh ủy, thành ủy")
        BLOC = "bloc_committee", _("Đảng ủy khối")
        BASE_COMMITTEE = "base_committee", _("Đảng bộ cơ sở")
        BASE_CELL = "base_cell", _("Chi bộ cơ sở")
        CELL = "cell", _("Chi bộ trực thuộc")
        PARTNER = "partner_commission", _("Cơ quan phối hợp")

    BASE_KINDS = (Kind.BASE_COMMITTEE, Kind.BASE_CELL)

    code = models.CharField(_("mã đơn vị"), max_length=40, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    kind = models.CharField(_("loại"), max_length=30, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path "1.5.23." of primary keys: a subtree is one indexed prefix match.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    # The base organisation this node counts for (itself, or the base ancestor of a cell).
    base = models.ForeignKey("self", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+")
    email = models.EmailField(_("thư điện tử"), blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("tổ chức đảng")
        verbose_name_plural = _("tổ chức đảng")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_base(self) -> bool:
        return self.kind in self.BASE_KINDS

    def ancestors(self):
        ids = [int(p) for p in self.path.split(".") if p][:-1]
        return Organization.objects.filter(pk__in=ids).order_by("depth")


class Membership(models.Model):
    """A person's role in one organisation; the role applies to its whole subtree."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Quản trị của khối")
        OFFICER = "officer", _("Cán bộ đơn vị")
        SURVEYOR = "surveyor", _("Thành viên đoàn khảo sát")
        LEADER = "leader", _("Lãnh đạo (chỉ xem)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("người dùng"),
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("đơn vị")
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [models.UniqueConstraint(fields=["user", "organization", "role"], name="membership_unique_role")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.organization}"
