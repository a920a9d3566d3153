"""Every state change of the year-end review: shortlist rounds, results, commendations, replications.

Each function is one transaction, checks who may do it, and writes the audit entry.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.assessments.models import Assessment
from danvan.campaigns.models import Campaign
from danvan.core.access import scope_for
from danvan.core.audit import audit
from danvan.core.freshness import concerns
from danvan.core.text import clean_text, fold
from danvan.initiatives.models import Initiative, InitiativeEvent
from danvan.initiatives.services import COPIED_ON_CARRY_OVER, IndicatorInput, initiative_create
from danvan.orgs.models import Organization
from danvan.recognition.models import Commendation, CommendationEntry, Replication, ShortlistEntry
from danvan.recognition.rules import may_review, reviewable, same_base

R = Initiative.Result


def _locked_initiative(initiative: Initiative, expected_version: int | None = None) -> Initiative:
    fresh = (
        Initiative.objects.select_for_update(no_key=True)
        .select_related("unit", "campaign__organization")
        .get(pk=initiative.pk)
    )
    if expected_version is not None and fresh.version != expected_version:
        raise ValidationError(
            _("Mô hình này vừa được người khác thay đổi. Kết quả chưa được lưu; hãy mở lại để xem bản mới nhất.")
        )
    return fresh


def _bump(initiative: Initiative) -> None:
    """A proposal added or withdrawn is a change a reviewer's open page has not seen: forms read before it (a
    result, another proposal) carry the version before it and are refused."""
    initiative.version += 1
    initiative.save(update_fields=["version", "updated_at"])


def _require_reviewer(by, campaign: Campaign) -> None:
    if not may_review(scope_for(by), campaign):
        raise ValidationError(_("Chỉ quản trị viên của Khối phát động đợt này mới được bình xét và khen thưởng."))


def _clean_reason(reason: str, field: str = "reason") -> str:
    reason = clean_text(reason, multiline=True)
    if not reason:
        raise ValidationError({field: _("Hãy ghi lý do: kết quả bình xét phải có căn cứ.")})
    if len(reason) > 2000:
        raise ValidationError({field: _("Lý do dài quá 2000 ký tự.")})
    return reason


def _clean_result(result: str) -> str:
    if result not in R.values:
        raise ValidationError(
            {"result": _("Kết quả phải là một trong: %(r)s.") % {"r": ", ".join(str(label) for label in R.labels)}}
        )
    return result


# --- Results ------------------------------------------------------------------------------------------------------


@concerns("initiative")
@transaction.atomic
def result_decide(
    *, initiative: Initiative, by, result: str, reason: str, expected_version: int | None = None, at=None
) -> Initiative:
    """The bloc decides an initiative's year-end result (not achieved / recognised / exemplary), with a reason."""
    initiative = _locked_initiative(initiative, expected_version)
    _require_reviewer(by, initiative.campaign)
    result = _clean_result(result)
    reason = _clean_reason(reason)
    if not reviewable(initiative):
        raise ValidationError(_("Chỉ bình xét được mô hình đã được duyệt đăng ký, trong đợt đã phát động."))
    if result != R.EXEMPLARY and initiative.result == R.EXEMPLARY:
        if initiative.commendation_entries.exists():
            raise ValidationError(
                {
                    "result": _(
                        "Mô hình đã có trong quyết định khen thưởng; không hạ kết quả được khi chưa huỷ quyết định."
                    )
                }
            )
        if hasattr(initiative, "showcase") and initiative.showcase.is_published:
            raise ValidationError(
                {"result": _("Mô hình đang được công khai; hãy thôi công khai trước khi đổi kết quả.")}
            )
    before = {"result": initiative.result, "reason": initiative.result_reason}
    initiative.result = result
    initiative.result_reason = reason
    initiative.result_decided_at = at or timezone.now()
    initiative.version += 1
    initiative.save(update_fields=["result", "result_reason", "result_decided_at", "version", "updated_at"])
    audit(
        actor=by,
        action="initiative.result",
        target=initiative,
        changes={"result": [before["result"], result], "reason": [before["reason"], reason]},
    )
    return initiative


# --- Shortlist rounds ---------------------------------------------------------------------------------------------


@transaction.atomic
def shortlist_add(
    *,
    initiative: Initiative,
    by,
    round: int,
    proposed_result: str,
    reason: str,
    expected_version: int | None = None,
    at=None,
) -> ShortlistEntry:
    """Propose an initiative in a round; from round 2 on, only initiatives kept from the round before. With the
    initiative's version the proposer's page was read at, a proposal another reviewer made since is not replaced."""
    initiative = _locked_initiative(initiative, expected_version)
    _require_reviewer(by, initiative.campaign)
    proposed_result = _clean_result(proposed_result)
    reason = _clean_reason(reason)
    if not reviewable(initiative):
        raise ValidationError(_("Chỉ đưa vào danh sách bình xét mô hình đã được duyệt đăng ký."))
    if round < 1:
        raise ValidationError({"round": _("Vòng bình xét bắt đầu từ 1.")})
    if round > 1 and not ShortlistEntry.objects.filter(initiative=initiative, round=round - 1).exists():
        raise ValidationError(
            {"round": _("Vòng %(n)s chỉ gồm các mô hình đã qua vòng %(p)s.") % {"n": round, "p": round - 1}}
        )
    entry, created = ShortlistEntry.objects.update_or_create(
        initiative=initiative,
        round=round,
        defaults={
            "campaign": initiative.campaign,
            "proposed_result": proposed_result,
            "reason": reason,
            "added_by": by,
            "added_at": at or timezone.now(),
        },
    )
    _bump(initiative)
    audit(
        actor=by,
        action="shortlist.add" if created else "shortlist.update",
        target=initiative,
        changes={"round": round, "proposed_result": proposed_result, "reason": reason},
    )
    return entry


@transaction.atomic
def shortlist_remove(*, entry: ShortlistEntry, by) -> None:
    initiative = _locked_initiative(entry.initiative)
    _require_reviewer(by, initiative.campaign)
    if ShortlistEntry.objects.filter(initiative=initiative, round__gt=entry.round).exists():
        raise ValidationError(_("Mô hình đã được đưa sang vòng sau; hãy bỏ ở vòng sau trước."))
    round_no = entry.round
    entry.delete()
    _bump(initiative)
    audit(actor=by, action="shortlist.remove", target=initiative, changes={"round": round_no})


@transaction.atomic
def shortlist_decide(*, campaign: Campaign, round: int, by, at=None) -> int:
    """Make a round's proposals the final results, all or none. Returns how many were decided."""
    campaign = Campaign.objects.select_related("organization").get(pk=campaign.pk)
    _require_reviewer(by, campaign)
    entries = list(
        ShortlistEntry.objects.filter(campaign=campaign, round=round)
        .select_related("initiative")
        .order_by("initiative_id")  # the initiatives' rows are locked in one order
    )
    if not entries:
        raise ValidationError({"round": _("Vòng %(n)s chưa có mô hình nào.") % {"n": round}})
    # A result decided one by one after the proposal, and different from it, is not overridden unseen.
    overridden = sorted(
        e.initiative.title
        for e in entries
        if e.initiative.result_decided_at
        and e.initiative.result_decided_at > e.added_at
        and (e.initiative.result, e.initiative.result_reason) != (e.proposed_result, e.reason)
    )
    if overridden:
        raise ValidationError(
            {
                "round": _(
                    "Chưa chốt: %(n)s mô hình đã được ghi kết quả riêng sau khi đề xuất vào vòng %(r)s, khác với đề "
                    "xuất (%(titles)s). Hãy sửa đề xuất cho khớp, hoặc bỏ mô hình khỏi vòng, rồi chốt lại."
                )
                % {"n": len(overridden), "r": round, "titles": "; ".join(overridden)}
            }
        )
    for e in entries:
        result_decide(initiative=e.initiative, by=by, result=e.proposed_result, reason=e.reason, at=at)
    audit(actor=by, action="shortlist.decide", target=campaign, changes={"round": round, "initiatives": len(entries)})
    return len(entries)


# --- Commendations ------------------------------------------------------------------------------------------------


@dataclass
class EntryInput:
    initiative: Initiative
    honouree: str = ""
    honouree_kind: str = ""
    citation: str = ""


_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})


def number_key(number: str) -> str:
    """A decision number as it is compared: no case, spaces or diacritics, every kind of dash a hyphen."""
    return fold(number).translate(_DASHES).replace(" ", "")


def _evidence(initiative: Initiative) -> Assessment | None:
    """The assessment a commendation rests on: the team's score if the initiative was surveyed, else the unit's own."""
    submitted = Assessment.objects.submitted().filter(initiative=initiative)
    return submitted.filter(kind=Assessment.Kind.TEAM).first() or submitted.filter(kind=Assessment.Kind.SELF).first()


@transaction.atomic
def commendation_create(
    *,
    campaign: Campaign,
    by,
    number: str,
    issued_on: date | None,
    issuer: str,
    form: str,
    title: str,
    signer_name: str,
    signer_title: str,
    entries: Sequence[EntryInput],
    issuing_org: Organization | None = None,
) -> Commendation:
    """Record a commendation decision and its honoured entries; only exemplary initiatives can be commended."""
    campaign = Campaign.objects.select_related("organization").get(pk=campaign.pk)
    _require_reviewer(by, campaign)
    issuing_org = issuing_org or campaign.organization
    number = clean_text(number)
    errors: dict[str, str] = {}
    if not number:
        errors["number"] = _("Hãy nhập số quyết định.")
    elif len(number) > 60:
        errors["number"] = _("Số quyết định dài quá 60 ký tự.")
    if issued_on is None:
        errors["issued_on"] = _("Hãy nhập ngày ký quyết định.")
    elif issued_on > timezone.localdate():
        errors["issued_on"] = _("Ngày ký không thể ở tương lai.")
    texts = {
        "issuer": clean_text(issuer),
        "title": clean_text(title),
        "signer_name": clean_text(signer_name),
        "signer_title": clean_text(signer_title),
    }
    labels = {
        "issuer": _("Cấp ra quyết định"),
        "title": _("Trích yếu"),
        "signer_name": _("Người ký"),
        "signer_title": _("Chức vụ người ký"),
    }
    for name, value in texts.items():
        if not value:
            errors[name] = _("Hãy nhập “%(f)s”.") % {"f": labels[name]}
        elif len(value) > int(getattr(Commendation._meta.get_field(name), "max_length", 255) or 255):
            errors[name] = _("“%(f)s” quá dài.") % {"f": labels[name]}
    if form not in Commendation.Form.values:
        errors["form"] = _("Hãy chọn hình thức khen thưởng: biểu dương, giấy khen hoặc bằng khen.")
    if not entries:
        errors["entries"] = _("Quyết định phải có ít nhất một tập thể hoặc cá nhân được khen.")
    if errors or issued_on is None:
        raise ValidationError(errors)
    key = number_key(number)
    if Commendation.objects.filter(issuing_org=issuing_org, number_key=key).exists():
        raise ValidationError(
            {
                "number": _("Số quyết định “%(n)s” đã được dùng cho một quyết định khác của %(o)s.")
                % {"n": number, "o": issuing_org}
            }
        )
    commendation = Commendation(
        campaign=campaign,
        issuing_org=issuing_org,
        number=number,
        number_key=key,
        issued_on=issued_on,
        form=form,
        created_by=by,
        **texts,
    )
    try:
        with transaction.atomic():
            commendation.save()
    except IntegrityError:  # two people recording the same number at the same moment
        raise ValidationError({"number": _("Số quyết định “%(n)s” đã được dùng.") % {"n": number}}) from None
    seen: set[tuple[int, str]] = set()
    for n, e in enumerate(entries):
        initiative = Initiative.objects.select_related("unit", "campaign").get(pk=e.initiative.pk)
        if initiative.campaign_id != campaign.pk:
            raise ValidationError({"entries": _("“%(t)s” không thuộc đợt phát động này.") % {"t": initiative.title}})
        if initiative.result != R.EXEMPLARY:
            raise ValidationError(
                {
                    "entries": _("“%(t)s” chưa được bình xét là mô hình tiêu biểu; chỉ khen thưởng mô hình tiêu biểu.")
                    % {"t": initiative.title}
                }
            )
        kind = e.honouree_kind or (
            CommendationEntry.Honouree.INDIVIDUAL
            if initiative.kind == Initiative.Kind.INDIVIDUAL
            else CommendationEntry.Honouree.COLLECTIVE
        )
        if kind not in CommendationEntry.Honouree.values:
            raise ValidationError({"entries": _("Đối tượng được khen phải là tập thể hoặc cá nhân.")})
        honouree = clean_text(e.honouree) or initiative.unit.name
        if len(honouree) > 255:
            raise ValidationError({"entries": _("Tên tập thể / cá nhân được khen dài quá 255 ký tự.")})
        if (initiative.pk, fold(honouree)) in seen:
            raise ValidationError(
                {
                    "entries": _("“%(h)s” được ghi hai lần cho cùng mô hình “%(t)s”.")
                    % {"h": honouree, "t": initiative.title}
                }
            )
        seen.add((initiative.pk, fold(honouree)))
        evidence = _evidence(initiative)
        CommendationEntry.objects.create(
            commendation=commendation,
            initiative=initiative,
            honouree_kind=kind,
            honouree=honouree,
            citation=clean_text(e.citation, multiline=True),
            assessment=evidence,
            total_at_decision=evidence.total if evidence else None,
            position=n,
        )
    audit(
        actor=by,
        action="commendation.create",
        target=commendation,
        changes={"number": number, "form": form, "entries": [e.initiative.pk for e in entries]},
    )
    return commendation


@transaction.atomic
def commendation_delete(*, commendation: Commendation, by) -> None:
    """Cancel a decision recorded by mistake; the audit log keeps what it said."""
    commendation = Commendation.objects.select_related("campaign__organization").get(pk=commendation.pk)
    _require_reviewer(by, commendation.campaign)
    entries = list(commendation.entries.values_list("initiative_id", "honouree"))
    audit(
        actor=by,
        action="commendation.delete",
        target=commendation,
        changes={"number": commendation.number, "entries": entries},
    )
    commendation.delete()


# --- Replication --------------------------------------------------------------------------------------------------


def replication_problem(*, original: Initiative, unit: Organization) -> str:
    """Why `unit` cannot adopt `original` (empty when it can)."""
    if original.result != R.EXEMPLARY:
        return _("Chỉ nhân rộng được mô hình đã được bình xét là tiêu biểu.")
    if same_base(unit, original.unit):
        return _("Đây là mô hình của chính đơn vị: hãy tiếp tục thực hiện nó trong năm sau thay vì nhân rộng.")
    return ""


@concerns("original")
@transaction.atomic
def initiative_replicate(
    *, original: Initiative, campaign: Campaign, unit: Organization, by, title: str = "", today=None, at=None
) -> Initiative:
    """Another unit adopts an exemplary initiative: its own draft registration in `campaign`, with the original's
    content and indicators to adapt, linked back so that the spread is measured."""
    original = Initiative.objects.select_related("unit", "campaign").get(pk=original.pk)
    problem = replication_problem(original=original, unit=unit)
    if problem:
        raise ValidationError({"original": problem})
    if (
        Replication.objects.filter(original=original, copy__unit=unit, copy__campaign=campaign)
        .exclude(copy__status=Initiative.Status.WITHDRAWN)
        .exists()
    ):
        raise ValidationError(
            {
                "original": _("Đơn vị “%(u)s” đã đăng ký nhân rộng mô hình này trong đợt %(c)s.")
                % {"u": unit, "c": campaign}
            }
        )
    by_name = {f.name: f for f in campaign.fields.all()}
    content = {name: getattr(original, name) for name in COPIED_ON_CARRY_OVER}
    if clean_text(title):
        content["title"] = title
    copy = initiative_create(
        campaign=campaign,
        unit=unit,
        by=by,
        fields=[by_name[f.name] for f in original.fields.all() if f.name in by_name],
        indicators=[
            IndicatorInput(name=i.name, unit_of_measure=i.unit_of_measure, target=i.target, baseline=i.baseline)
            for i in original.indicators.all()
        ],
        today=today,
        at=at,
        **content,
    )
    Replication.objects.create(original=original, copy=copy, created_by=by)
    InitiativeEvent.objects.create(
        initiative=copy,
        action=InitiativeEvent.Action.REPLICATED,
        comment=f"{original.title} – {original.unit.name} ({original.campaign.year})",
        actor=by,
        at=at or timezone.now(),
    )
    audit(actor=by, action="initiative.replicate", target=copy, changes={"original": original.pk, "unit": unit.pk})
    return copy
