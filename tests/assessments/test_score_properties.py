"""Property-based tests of the score arithmetic: totals on a scale of 100, the self/team gap, half-point rounding."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan.assessments.services import (
    LARGE_GAP,
    ScoreInput,
    _clean_scores,
    _half,
    gap,
    is_large_gap,
    weighted_total,
)
from danvan.campaigns.models import Criterion

CI = settings(max_examples=200, deadline=None, derandomize=True, database=None)

weights = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999.99"), places=2)
halves = st.integers(min_value=0, max_value=200).map(lambda n: Decimal(n) / 2)


@st.composite
def scored(draw):
    """Criteria (unsaved) with a half-point score each, within 0..max."""
    out = []
    for i in range(draw(st.integers(min_value=1, max_value=8))):
        max_score = draw(st.integers(min_value=1, max_value=100))
        value = Decimal(draw(st.integers(min_value=0, max_value=2 * max_score))) / 2
        out.append((Criterion(pk=i + 1, name=f"C{i}", max_score=max_score, weight=draw(weights)), value))
    return out


totals = st.decimals(min_value=0, max_value=100, places=2)


@CI
@given(values=scored())
def test_total_is_within_0_and_100_and_is_the_rounded_weighted_share(values):
    total = weighted_total(values)
    assert Decimal(0) <= total <= Decimal(100)
    assert total == total.quantize(Decimal("0.01"))
    exact = 100 * sum(c.weight * v for c, v in values) / sum(c.weight * c.max_score for c, _ in values)
    assert abs(total - exact) <= Decimal("0.005")


@CI
@given(values=scored())
def test_full_and_zero_scores_give_100_and_0(values):
    assert weighted_total([(c, Decimal(c.max_score)) for c, _ in values]) == 100
    assert weighted_total([(c, Decimal(0)) for c, _ in values]) == 0


@CI
@given(values=scored(), factor=st.integers(min_value=2, max_value=9))
def test_scaling_every_weight_keeps_the_total(values, factor):
    scaled = [(Criterion(pk=c.pk, max_score=c.max_score, weight=c.weight * factor), v) for c, v in values]
    assert weighted_total(scaled) == weighted_total(values)


@CI
@given(a=totals, b=totals)
def test_gap_is_antisymmetric_zero_when_equal_and_flags_at_15(a, b):
    assert gap(a, b) == -gap(b, a)
    assert gap(a, a) == 0 and not is_large_gap(gap(a, a))
    assert is_large_gap(gap(a, b)) == (abs(a - b) >= LARGE_GAP)
    assert is_large_gap(gap(a, b)) == is_large_gap(gap(b, a))
    assert gap(a, None) is None and gap(None, b) is None and not is_large_gap(None)


@CI
@given(value=st.decimals(min_value=0, max_value=1000, places=3))
def test_half_rounds_to_the_nearest_half_point_half_up(value):
    rounded = _half(value)
    assert rounded * 2 == (rounded * 2).to_integral_value()
    assert abs(rounded - value) <= Decimal("0.25")
    assert rounded == (value * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2
    assert _half(value + Decimal("0.25")) >= rounded  # monotonic; exactly .25 goes up


@CI
@given(
    max_score=st.integers(min_value=1, max_value=100),
    raw=st.one_of(
        st.text(max_size=12),
        halves,
        st.decimals(min_value=-5, max_value=105, places=1).map(str),
        st.decimals(min_value=-5, max_value=105, places=2).map(lambda d: str(d).replace(".", ",")),
        st.floats(),
    ),
)
def test_score_input_is_a_half_point_within_bounds_or_a_named_error(max_score, raw):
    criterion = Criterion(pk=7, name="C", max_score=max_score, weight=Decimal(1))
    try:
        out = _clean_scores([criterion], {7: ScoreInput(value=raw)})
    except ValidationError as exc:
        assert list(exc.message_dict) == ["score_7"]
        return
    value, _note = out[7]
    if value is not None:
        assert 0 <= value <= max_score
        assert value * 2 == (value * 2).to_integral_value()


def test_a_tenth_of_a_point_is_refused():
    """Found by the property above: 7,3 passed the half-point check (quantizing to 0.5 keeps one decimal place)."""
    criterion = Criterion(pk=7, name="C", max_score=10, weight=Decimal(1))
    for raw in ("7,3", "0.1", "9.9"):
        try:
            _clean_scores([criterion], {7: ScoreInput(value=raw)})
        except ValidationError as exc:
            assert "0,5" in " ".join(exc.message_dict["score_7"])
        else:
            raise AssertionError(f"{raw} was accepted")
