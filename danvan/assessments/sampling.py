"""The sampling helper: which initiatives the survey teams should visit.

A stratified random sample of a campaign's accepted initiatives: strata are (first field, kind), each stratum
gets a share proportional to its size (largest remainders), no unit gives more than `per_unit_max`
initiatives, and units visited last year can be left out. The administrator adjusts the proposal before
confirming it; nothing is written here.
"""

import random
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from danvan.assessments.models import Assignment
from danvan.campaigns.models import Campaign
from danvan.initiatives.models import Initiative


@dataclass(frozen=True)
class SampleRequest:
    size: int
    per_unit_max: int = 2
    exclude_visited_last_year: bool = False
    seed: int | None = None


def _stratum(initiative: Initiative) -> tuple[str, str]:
    fields = sorted(initiative.fields.all(), key=lambda f: (f.position, f.pk))
    return (fields[0].code if fields else "", initiative.kind)


def visited_units_last_year(campaign: Campaign) -> set[int]:
    """Base organisations a survey team visited in the previous campaign."""
    if campaign.previous_id is None:
        return set()
    return {
        base or unit
        for unit, base in Assignment.objects.filter(team__campaign_id=campaign.previous_id).values_list(
            "initiative__unit_id", "initiative__unit__base_id"
        )
    }


def allocate(sizes: dict, total: int) -> dict:
    """Split `total` over strata in proportion to their sizes, by largest remainders (never above a size).

    When the sample has room for every non-empty stratum, each gets one place first, so that a small field or
    kind is never left out; the rest is shared in proportion."""
    population = sum(sizes.values())
    present = [k for k, n in sizes.items() if n > 0]
    if population and len(present) <= total < population:
        rest = _proportional({k: max(n - 1, 0) for k, n in sizes.items()}, total - len(present))
        return {k: rest[k] + (1 if sizes[k] > 0 else 0) for k in sizes}
    return _proportional(sizes, total)


def _proportional(sizes: dict, total: int) -> dict:
    population = sum(sizes.values())
    if population == 0 or total <= 0:
        return {k: 0 for k in sizes}
    total = min(total, population)
    exact = {k: total * n / population for k, n in sizes.items()}
    shares = {k: int(v) for k, v in exact.items()}
    rest = total - sum(shares.values())
    for k in sorted(sizes, key=lambda k: (-(exact[k] - shares[k]), str(k)))[:rest]:
        shares[k] += 1
    return shares


def draw_sample(campaign: Campaign, request: SampleRequest) -> list[Initiative]:
    """A proposed sample of accepted initiatives not yet assigned to a team."""
    if request.size < 1:
        raise ValidationError({"size": _("Cỡ mẫu phải lớn hơn 0.")})
    if request.per_unit_max < 1:
        raise ValidationError({"per_unit_max": _("Số mô hình tối đa mỗi đơn vị phải lớn hơn 0.")})
    pool = list(
        Initiative.objects.filter(campaign=campaign, status=Initiative.Status.ACCEPTED, assignment__isnull=True)
        .select_related("unit")
        .prefetch_related("fields")
        .order_by("pk")
    )
    already: dict[int, int] = defaultdict(int)
    for unit, base in Assignment.objects.filter(team__campaign=campaign).values_list(
        "initiative__unit_id", "initiative__unit__base_id"
    ):
        already[base or unit] += 1
    if request.exclude_visited_last_year:
        skip = visited_units_last_year(campaign)
        pool = [i for i in pool if (i.unit.base_id or i.unit_id) not in skip]
    rng = random.Random(request.seed)
    strata: dict[tuple[str, str], list[Initiative]] = defaultdict(list)
    for i in pool:
        strata[_stratum(i)].append(i)
    for rows in strata.values():
        rng.shuffle(rows)
    shares = allocate({k: len(v) for k, v in strata.items()}, request.size)
    taken: list[Initiative] = []
    per_unit = dict(already)

    def take(rows: list[Initiative], n: int) -> None:
        for i in list(rows):
            if n <= 0:
                return
            unit = i.unit.base_id or i.unit_id
            if per_unit.get(unit, 0) >= request.per_unit_max:
                continue
            per_unit[unit] = per_unit.get(unit, 0) + 1
            taken.append(i)
            rows.remove(i)
            n -= 1

    for key in sorted(strata, key=str):
        take(strata[key], shares[key])
    # Strata that could not fill their share (unit limits) leave room: fill it from the others, largest first.
    for key in sorted(strata, key=lambda k: (-len(strata[k]), str(k))):
        if len(taken) >= request.size:
            break
        take(strata[key], request.size - len(taken))
    return sorted(taken, key=lambda i: (i.unit.path, i.pk))
