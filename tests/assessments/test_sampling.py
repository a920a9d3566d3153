"""The sampling helper: a stratified random proposal of the initiatives the survey teams should visit."""

import random
from collections import Counter
from datetime import timedelta
from itertools import count
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from danvan.assessments.models import Assignment
from danvan.assessments.sampling import SampleRequest, allocate, draw_sample
from danvan.assessments.services import assignments_add, team_create
from danvan.campaigns.services import campaign_create, campaign_launch
from danvan.initiatives import services as initiatives
from danvan.initiatives.models import Initiative
from danvan.orgs.services import organization_create
from tests.conftest import FULL

COLLECTIVE, INDIVIDUAL = Initiative.Kind.COLLECTIVE, Initiative.Kind.INDIVIDUAL


def base(initiative: Initiative) -> int:
    return initiative.unit.base_id or initiative.unit_id


def stratum(initiative: Initiative) -> tuple[str, str]:
    return (initiative.fields.order_by("position").first().code, initiative.kind)


# --- Allocation ------------------------------------------------------------------------------------------------


def test_allocation_is_proportional_with_the_largest_remainders_getting_the_rest():
    # Exact shares 2.0, 1.2 and 0.8: the floors give 3, the fourth goes to the largest remainder (z).
    assert allocate({"x": 5, "y": 3, "z": 2}, 4) == {"x": 2, "y": 1, "z": 1}
    # 1.33, 2.0, 0.67 → 1, 2, 0 and one left: z's remainder 0.67 beats x's 0.33.
    assert allocate({"x": 6, "y": 9, "z": 3}, 4) == {"x": 1, "y": 2, "z": 1}
    assert allocate({"x": 6, "y": 3, "z": 3}, 4) == {"x": 2, "y": 1, "z": 1}


def test_allocation_never_exceeds_a_stratum_nor_the_population():
    assert allocate({"x": 2, "y": 1}, 10) == {"x": 2, "y": 1}
    assert allocate({"x": 0, "y": 0}, 3) == {"x": 0, "y": 0}
    assert allocate({"x": 4, "y": 1}, 0) == {"x": 0, "y": 0}
    rng = random.Random(2017)
    for _ in range(500):
        sizes = {k: rng.randint(0, 12) for k in "abcdefg"[: rng.randint(1, 7)]}
        total = rng.randint(1, 60)
        shares = allocate(sizes, total)
        assert set(shares) == set(sizes)
        assert all(0 <= shares[k] <= sizes[k] for k in sizes), (sizes, total, shares)
        assert sum(shares.values()) == min(total, sum(sizes.values())), (sizes, total, shares)
        # Proportional: each share is the exact quota rounded down or up, except that when the sample has room
        # for every non-empty stratum each gets one place first (which can cost the larger ones a place each).
        population = sum(sizes.values())
        present = [k for k, n in sizes.items() if n]
        if population:
            for k, n in sizes.items():
                exact = min(total, population) * n / population
                if len(present) <= total:
                    assert (n > 0) <= shares[k] <= max(1, int(exact) + 1), (sizes, total, shares)
                    assert shares[k] >= min(n, int(exact)) - len(present), (sizes, total, shares)
                else:
                    assert int(exact) <= shares[k] <= int(exact) + 1


# --- Drawing ---------------------------------------------------------------------------------------------------


@pytest.fixture
def sp(world):
    """A campaign taking up to 10 initiatives per unit, two more base units D and E, and a previous campaign in
    which a team visited the cell A1."""
    today = timezone.localdate()
    window = {"registration_opens": today - timedelta(days=5), "registration_closes": today + timedelta(days=5)}
    previous = campaign_create(
        organization=world.bloc, by=world.admin, name="Đợt năm trước", year=today.year - 1, fields=["Chung"], **window
    )
    campaign_launch(campaign=previous, by=world.admin, notify=False)
    campaign = campaign_create(
        organization=world.bloc,
        by=world.admin,
        name="Đợt chọn mẫu",
        year=today.year,
        quota_min=1,
        quota_max=10,
        fields=["Cải cách hành chính", "An sinh xã hội"],
        previous=previous,
        **window,
    )
    campaign_launch(campaign=campaign, by=world.admin, notify=False)
    unit_d = organization_create(code="D", name="Đảng bộ Sở Delta", kind="base_committee", parent=world.bloc, by=None)
    unit_e = organization_create(code="E", name="Chi bộ Ban Epsilon", kind="base_cell", parent=world.bloc, by=None)
    numbers = count(1)

    def make(unit, *, field=0, kind=COLLECTIVE, status="accepted", on=None):
        on = on or campaign
        fields = list(on.fields.order_by("position"))
        i = initiatives.initiative_create(
            campaign=on,
            unit=unit,
            by=world.admin,
            fields=[fields[field]],
            title=f"Mô hình số {next(numbers)} của {unit.code}",
            kind=kind,
            **FULL,
        )
        if status == "draft":
            return i
        i = initiatives.initiative_submit(initiative=i, by=world.admin)
        if status == "accepted":
            i = initiatives.initiative_accept(initiative=i, by=world.admin)
        elif status == "returned":
            i = initiatives.initiative_return(initiative=i, by=world.admin, comment="Bổ sung mục tiêu.")
        elif status == "withdrawn":
            i = initiatives.initiative_withdraw(initiative=i, by=world.admin)
        return i

    visited = make(world.cell_a, on=previous)
    last_year = team_create(
        campaign=previous, by=world.admin, name="Đoàn năm trước", members=[world.surveyor], leader=world.surveyor
    )
    assignments_add(team=last_year, by=world.admin, initiatives=[visited])
    team = team_create(
        campaign=campaign, by=world.admin, name="Đoàn số 1", members=[world.surveyor], leader=world.surveyor
    )
    return SimpleNamespace(campaign=campaign, previous=previous, team=team, make=make, d=unit_d, e=unit_e)


def draw(sp, **request):
    return draw_sample(sp.campaign, SampleRequest(**request))


def test_no_unit_gives_more_than_its_maximum_and_a_cell_counts_for_its_base(world, sp):
    for unit, n in ((world.unit_a, 2), (world.cell_a, 2), (world.unit_b, 3), (world.unit_c, 3)):
        for _ in range(n):
            sp.make(unit)
    for seed in range(10):
        sample = draw(sp, size=10, per_unit_max=2, seed=seed)
        per_base = Counter(base(i) for i in sample)
        assert per_base == {world.unit_a.pk: 2, world.unit_b.pk: 2, world.unit_c.pk: 2}, seed
    assert Counter(base(i) for i in draw(sp, size=10, per_unit_max=1, seed=1)) == {
        world.unit_a.pk: 1,
        world.unit_b.pk: 1,
        world.unit_c.pk: 1,
    }


def test_initiatives_already_assigned_count_towards_a_units_maximum(world, sp):
    cell = [sp.make(world.cell_a) for _ in range(3)]
    others = [sp.make(world.unit_b) for _ in range(3)]
    assignments_add(team=sp.team, by=world.admin, initiatives=[cell[0]])
    for seed in range(5):
        per_base = Counter(base(i) for i in draw(sp, size=10, per_unit_max=2, seed=seed))
        assert per_base == {world.unit_a.pk: 1, world.unit_b.pk: 2}, seed
    assert {i.pk for i in draw(sp, size=10, per_unit_max=3, seed=0)} == {i.pk for i in cell[1:] + others}


def test_units_visited_last_year_can_be_left_out(world, sp):
    a = [sp.make(world.unit_a), sp.make(world.cell_a)]  # the cell A1 was visited: A as a whole is left out
    others = [sp.make(world.unit_b), sp.make(world.unit_c), sp.make(sp.d)]
    kept = draw(sp, size=10, per_unit_max=5, exclude_visited_last_year=True, seed=3)
    assert {i.pk for i in kept} == {i.pk for i in others}
    everyone = draw(sp, size=10, per_unit_max=5, exclude_visited_last_year=False, seed=3)
    assert {i.pk for i in everyone} == {i.pk for i in a + others}


def test_a_campaign_without_a_previous_one_leaves_nobody_out(world, sp):
    sp.campaign.previous = None
    sp.campaign.save(update_fields=["previous"])
    a = sp.make(world.cell_a)
    assert draw(sp, size=5, exclude_visited_last_year=True, seed=1) == [a]


def test_only_accepted_initiatives_not_yet_assigned_are_proposed(world, sp):
    accepted = [sp.make(u) for u in (world.unit_a, world.cell_a, world.unit_b, world.unit_c, sp.d, sp.e)]
    for status in ("draft", "submitted", "returned", "withdrawn"):
        sp.make(world.unit_b, status=status)
        sp.make(sp.e, status=status)
    assignments_add(team=sp.team, by=world.admin, initiatives=[accepted[2]])
    sp.make(world.unit_b, on=sp.previous)  # another campaign's accepted initiative
    sample = draw(sp, size=50, per_unit_max=50, seed=7)
    assert {i.pk for i in sample} == {i.pk for i in accepted} - {accepted[2].pk}
    assert all(i.status == Initiative.Status.ACCEPTED for i in sample)
    # Nothing is written: the proposal is only a proposal.
    assert Assignment.objects.filter(team=sp.team).count() == 1


def test_the_same_seed_gives_the_same_sample_and_other_seeds_other_samples(world, sp):
    units = [world.unit_a, world.unit_b, world.unit_c, sp.d, sp.e]
    for n, unit in enumerate(units * 2):
        sp.make(unit, field=n % 2, kind=COLLECTIVE if n % 3 else INDIVIDUAL)

    def pks(seed):
        return [i.pk for i in draw(sp, size=4, per_unit_max=2, seed=seed)]

    assert pks(42) == pks(42)
    assert len({tuple(pks(seed)) for seed in range(20)}) > 1


def test_every_stratum_is_represented_when_the_size_allows(world, sp):
    units = [world.unit_a, world.unit_b, world.unit_c, sp.d, sp.e]
    for n, (field, kind, size) in enumerate(
        ((0, COLLECTIVE, 3), (0, INDIVIDUAL, 3), (1, COLLECTIVE, 2), (1, INDIVIDUAL, 2))
    ):
        for k in range(size):
            sp.make(units[(n + k) % len(units)], field=field, kind=kind)
    strata = {(f.code, kind) for f in sp.campaign.fields.all() for kind in (COLLECTIVE, INDIVIDUAL)}
    for seed in range(10):
        sample = draw(sp, size=4, per_unit_max=10, seed=seed)
        assert len(sample) == 4
        assert {stratum(i) for i in sample} == strata, seed
        # Eight: two of each stratum.
        assert set(Counter(stratum(i) for i in draw(sp, size=8, per_unit_max=10, seed=seed)).values()) == {2}


def test_every_stratum_is_represented_even_when_one_is_small(world, sp):
    units = [world.unit_a, world.unit_b, world.unit_c, sp.d, sp.e]
    for n, (field, kind, size) in enumerate(
        ((0, COLLECTIVE, 6), (0, INDIVIDUAL, 2), (1, COLLECTIVE, 3), (1, INDIVIDUAL, 1))
    ):
        for k in range(size):
            sp.make(units[(n + k) % len(units)], field=field, kind=kind)
    sample = draw(sp, size=4, per_unit_max=10, seed=1)
    assert len({stratum(i) for i in sample}) == 4


def test_a_sample_needs_a_positive_size_and_unit_maximum(world, sp):
    with pytest.raises(ValidationError):
        draw(sp, size=0)
    with pytest.raises(ValidationError):
        draw(sp, size=3, per_unit_max=0)
