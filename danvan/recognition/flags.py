"""Quality flags against formalism: an initiative with nothing to measure, nothing to show, silence for two
periods, a large self/team gap, or a text nearly identical to another unit's initiative.

Flags inform the review; they never decide it. Everything is computed in a fixed number of queries for the
initiatives asked about; the near-duplicate check reads the fingerprints kept at save time (fingerprints.py), so it
costs the same in a campaign of 100 registrations or 100,000. `near_duplicates` below is the rule itself, compared
with a given pool: the fingerprints must always give its answer.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.assessments.models import AssessmentPhoto
from danvan.campaigns.models import Campaign
from danvan.core.text import fold
from danvan.initiatives.models import Attachment, Indicator, Initiative
from danvan.progress.models import Evidence, ProgressReport

# Two initiatives sharing this share of their three-word sequences are the same text with a few words changed.
NEAR_DUPLICATE = 0.5
# A sequence found in more initiatives than this is a stock phrase of the genre, not evidence of copying.
_COMMON = 40
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Flag:
    code: str
    label: str
    detail: str = ""
    other_id: int | None = None


LABELS = {
    "no_indicator": _("Không có chỉ tiêu đo được"),
    "no_evidence": _("Không có minh chứng"),
    "missing_reports": _("Không báo cáo từ hai kỳ trở lên"),
    "large_gap": _("Tự chấm chênh lệch lớn với điểm đoàn"),
    "near_duplicate": _("Nội dung gần trùng mô hình của đơn vị khác"),
}


def _shingles(text: str) -> set[str]:
    words = _WORD.findall(fold(text))
    return {" ".join(words[k : k + 3]) for k in range(max(0, len(words) - 2))}


def _text(i: Initiative) -> str:
    return " ".join([i.title, i.goals, i.method])


def near_duplicates(initiatives: list[Initiative], pool: list[Initiative]) -> dict[int, tuple[Initiative, float]]:
    """For each of `initiatives`, the most similar initiative of another unit in `pool` (at or above the
    threshold), leaving out its own replication and carry-over links."""
    shingles = {i.pk: _shingles(_text(i)) for i in {*initiatives, *pool}}
    by_id = {i.pk: i for i in pool}
    index: dict[str, list[int]] = defaultdict(list)
    for i in pool:
        for s in shingles[i.pk]:
            index[s].append(i.pk)
    family = _families({i.pk for i in initiatives} | set(by_id))
    found: dict[int, tuple[Initiative, float]] = {}
    for i in initiatives:
        mine = shingles[i.pk]
        shared: dict[int, int] = defaultdict(int)
        for s in mine:
            ids = index.get(s, ())
            if len(ids) > _COMMON:
                continue
            for pk in ids:
                shared[pk] += 1
        best: tuple[Initiative, float] | None = None
        for other_id, n in shared.items():
            other = by_id[other_id]
            if other_id == i.pk or (other.unit.base_id or other.unit_id) == (i.unit.base_id or i.unit_id):
                continue
            if family[i.pk] == family[other_id]:
                continue
            similarity = n / len(mine | shingles[other_id])
            if similarity >= NEAR_DUPLICATE and (best is None or similarity > best[1]):
                best = (other, similarity)
        if best:
            found[i.pk] = best
    return found


def _families(ids: set[int]) -> dict[int, int]:
    """Each initiative's family: the first ancestor through replication and carry-over links. A copy, its
    original, its sister copies and a carried-over model share a text legitimately."""
    from danvan.recognition.models import Replication

    parent: dict[int, int] = dict(Replication.objects.filter(copy_id__in=ids).values_list("copy_id", "original_id"))
    parent.update(
        Initiative.objects.filter(pk__in=ids, carried_over_from__isnull=False).values_list("pk", "carried_over_from_id")
    )
    missing = set(parent.values()) - ids
    while missing:  # ancestors outside the pool (an older campaign)
        found = dict(Replication.objects.filter(copy_id__in=missing).values_list("copy_id", "original_id"))
        found.update(
            Initiative.objects.filter(pk__in=missing, carried_over_from__isnull=False).values_list(
                "pk", "carried_over_from_id"
            )
        )
        parent.update(found)
        missing = set(found.values()) - set(parent)

    def root(pk: int) -> int:
        seen = set()
        while pk in parent and pk not in seen:
            seen.add(pk)
            pk = parent[pk]
        return pk

    return {pk: root(pk) for pk in ids}


def comparison_pool(campaign) -> list[Initiative]:
    """What a registration is compared with: the campaign's and the previous campaign's registrations."""
    campaigns = [campaign.pk] + ([campaign.previous_id] if campaign.previous_id else [])
    return list(
        Initiative.objects.registered()
        .filter(campaign_id__in=campaigns)
        .select_related("unit", "campaign")
        .only("pk", "title", "goals", "method", "unit__base_id", "unit__name", "campaign__year")
    )


def quality_flags(
    initiatives: list[Initiative], *, due_periods: int, gaps: dict[int, bool], pool=None, sent: dict | None = None
) -> dict:
    """{initiative id: [Flag, …]} for the given initiatives of one campaign. `sent` (reports sent per initiative
    for the periods due), when the caller has counted them already, saves counting them again."""
    ids = [i.pk for i in initiatives]
    # What the flags weigh, for all the initiatives in one query: an indicator, anything shown (a sent report's
    # evidence, an attachment, a survey photo), and the reports sent for the periods due.
    shown = (
        Exists(
            Evidence.objects.filter(report__initiative=OuterRef("pk")).exclude(
                report__status=ProgressReport.Status.DRAFT
            )
        )
        | Exists(Attachment.objects.filter(initiative=OuterRef("pk")))
        | Exists(AssessmentPhoto.objects.filter(assessment__initiative=OuterRef("pk")))
    )
    facts = Initiative.objects.filter(pk__in=ids).annotate(
        measured=Exists(Indicator.objects.filter(initiative=OuterRef("pk"))), shown=shown
    )
    if sent is None:
        # Only reports of periods past their deadline (the rule of insights.checking.due_periods) make up for them:
        # reporting early on the running period does not fill two missed ones.
        reports = ProgressReport.objects.sent().filter(initiative=OuterRef("pk"))
        if initiatives and initiatives[0].campaign.status != Campaign.Status.CLOSED:
            reports = reports.filter(period__due_on__lt=timezone.localdate())
        counted = reports.order_by().values("initiative").annotate(n=Count("pk")).values("n")
        facts = facts.annotate(sent=Coalesce(Subquery(counted, output_field=IntegerField()), 0))
        rows = list(facts.values_list("pk", "measured", "shown", "sent"))
        sent = {row[0]: row[3] for row in rows}
    else:
        rows = list(facts.values_list("pk", "measured", "shown"))
    indicators = {row[0]: row[1] for row in rows}
    with_evidence = {row[0] for row in rows if row[2]}
    if pool is not None:  # an explicit pool (an empty one leaves the check out)
        copies = near_duplicates(initiatives, pool) if initiatives else {}
    else:
        from danvan.recognition.fingerprints import stored_near_duplicates

        copies = stored_near_duplicates(initiatives)
    out: dict[int, list[Flag]] = {}
    for i in initiatives:
        flags = []
        if not indicators.get(i.pk):
            flags.append(Flag("no_indicator", str(LABELS["no_indicator"])))
        if i.status == Initiative.Status.ACCEPTED and i.pk not in with_evidence:
            flags.append(Flag("no_evidence", str(LABELS["no_evidence"])))
        missing = due_periods - sent.get(i.pk, 0) if i.status == Initiative.Status.ACCEPTED else 0
        if missing >= 2:
            flags.append(Flag("missing_reports", str(LABELS["missing_reports"]), str(missing)))
        if gaps.get(i.pk):
            flags.append(Flag("large_gap", str(LABELS["large_gap"])))
        if i.pk in copies:
            other, similarity = copies[i.pk]
            flags.append(
                Flag(
                    "near_duplicate",
                    str(LABELS["near_duplicate"]),
                    f"{other.title} – {other.unit.name} ({other.campaign.year}): {round(similarity * 100)}%",
                    other.pk,
                )
            )
        out[i.pk] = flags
    return out


def flag_condition(code: str, *, periods: list) -> Q | None:
    """One flag of an accepted initiative as a database condition, by the rules of `quality_flags`, for filtering and
    counting without reading the rows: the review board's filter, and the dashboard's units with flagged initiatives,
    e.g. `accepted.filter(any_flag(("no_indicator", "no_evidence", "missing_reports"), periods=due))
    .values("unit__base_id").annotate(n=Count("pk"))`. `periods`: the reporting periods due. None for the self/team
    gap, which needs the scores (insights.review)."""
    from danvan.recognition.models import TextFingerprint

    if code == "no_indicator":
        return ~Q(Exists(Indicator.objects.filter(initiative=OuterRef("pk"))))
    if code == "no_evidence":
        sent = ProgressReport.objects.exclude(status=ProgressReport.Status.DRAFT)
        return (
            ~Q(Exists(Evidence.objects.filter(report__initiative=OuterRef("pk"), report__in=sent)))
            & ~Q(Exists(Attachment.objects.filter(initiative=OuterRef("pk"))))
            & ~Q(Exists(AssessmentPhoto.objects.filter(assessment__initiative=OuterRef("pk"))))
        )
    if code == "missing_reports":
        if len(periods) < 2:
            return Q(pk__in=[])
        sent_count = (
            ProgressReport.objects.sent()
            .filter(initiative=OuterRef("pk"), period__in=periods)
            .order_by()
            .values("initiative")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Q(LessThanOrEqual(Coalesce(Subquery(sent_count, output_field=IntegerField()), 0), len(periods) - 2))
    if code == "near_duplicate":  # kept at save time; the flagged are few and indexed
        return Q(pk__in=TextFingerprint.objects.filter(duplicate_of__isnull=False).values("pk"))
    return None


def any_flag(codes, *, periods: list) -> Q:
    """Accepted initiatives carrying at least one of these flags (see flag_condition)."""
    out = Q(pk__in=[])
    for code in codes:
        condition = flag_condition(code, periods=periods)
        if condition is not None:
            out |= condition
    return out
