"""Reads of initiatives, narrowed by who asks."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.utils.translation import gettext as _

from danvan.campaigns.models import Field
from danvan.core.access import scope_for
from danvan.core.text import fold
from danvan.initiatives.models import Attachment, Initiative
from danvan.initiatives.rules import InitiativePermissions, permissions
from danvan.orgs.models import Organization


def initiative_for_user(user, pk, *, write: bool = False) -> tuple[Initiative, InitiativePermissions]:
    """The initiative and what the user may do with it: 404 outside their scope, 403 if `write` is refused."""
    try:
        initiative = Initiative.objects.visible_to(user).select_related("campaign", "unit", "unit__parent").get(pk=pk)
    except (Initiative.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    perms = permissions(scope_for(user), initiative)
    if write and not perms.can_edit:
        raise PermissionDenied
    return initiative, perms


def attachment_for_user(user, pk) -> Attachment:
    try:
        return Attachment.objects.select_related("initiative").get(
            pk=pk, initiative__in=Initiative.objects.visible_to(user)
        )
    except (Attachment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


DEFAULT_ORDER = ("-campaign__year", "unit__path", "id")


def search(qs, q: str):
    """Accent- and case-insensitive search: every word of `q` must begin a word of the folded text;
    rows holding the whole phrase come first."""
    words = fold(q).split()
    for word in words:
        qs = qs.filter(search_text__contains=f" {word}")
    phrase = " " + " ".join(words)
    return qs.annotate(
        search_rank=Case(
            When(search_text__contains=phrase, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    ).order_by("search_rank", *DEFAULT_ORDER)


def _by_id_or_code(qs, value):
    value = str(value).strip()
    return qs.filter(pk=int(value)) if value.isdigit() else qs.filter(code=value.upper())


def filter_initiatives(
    user, *, campaign=None, unit=None, kind=None, field=None, status=None, q=None, stage=None, result=None
):
    """The list behind the page, the API and exports: visible rows narrowed by the filters.

    `unit` (id or code) includes the unit's cells; `field` is an id or a code; `stage` is one of the stages
    of the year counted by the dashboard (insights.statistics.STAGES), so a figure opens the list behind it.
    An unknown unit, field or stage is refused with a message naming it rather than silently answering nothing.
    """
    from danvan.insights.statistics import STAGES, in_stage

    qs = Initiative.objects.visible_to(user)
    if stage:
        if stage not in STAGES:
            raise ValidationError({"stage": _("Không có tiến trình “%(v)s”.") % {"v": stage}})
        qs = in_stage(qs, stage, user)
    if result:
        if result not in Initiative.Result.values:
            raise ValidationError({"result": _("Không có kết quả bình xét “%(v)s”.") % {"v": result}})
        qs = qs.filter(result=result)
    if campaign:
        qs = qs.filter(campaign_id=campaign)
    if unit:
        org = _by_id_or_code(Organization.objects.visible_to(user), unit).first()
        if org is None:
            raise ValidationError({"unit": _("Không có đơn vị “%(v)s”.") % {"v": unit}})
        qs = qs.filter(unit__path__startswith=org.path)
    if field:
        fields = _by_id_or_code(Field.objects.all(), field)
        if campaign:
            fields = fields.filter(campaign_id=campaign)
        ids = list(fields.values_list("pk", flat=True))
        if not ids:
            raise ValidationError({"field": _("Không có lĩnh vực “%(v)s”.") % {"v": field}})
        qs = qs.filter(pk__in=Initiative.fields.through.objects.filter(field_id__in=ids).values("initiative_id"))
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    return search(qs, q) if q and fold(q) else qs.order_by(*DEFAULT_ORDER)
