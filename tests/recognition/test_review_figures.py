"""What the bloc reads at the year-end review: scores put on one scale across harsh and lenient teams, the
ranked board with its quality flags, indicator achievement, results and commendations counted, and the spread
of exemplary initiatives to other units and years."""

import math
import re
from collections import Counter
from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from danvan.assessments.services import assignments_add, team_create
from danvan.campaigns.services import campaign_close
from danvan.core.text import fold
from danvan.demo.checking import png
from danvan.initiatives.models import Initiative
from danvan.initiatives.services import (
    IndicatorInput,
    initiative_accept,
    initiative_carry_over,
    initiative_create,
    initiative_submit,
    initiative_withdraw,
)
from danvan.insights.review import (
    SELF_GROUP,
    honours_of,
    indicator_achievement,
    recognition_figures,
    review_board,
    spread,
    spread_by_year,
    standardise,
)
from danvan.insights.summary import campaign_summary
from danvan.orgs.models import Membership
from danvan.orgs.services import membership_grant, organization_create
from danvan.progress.services import evidence_add, report_save, report_submit
from danvan.recognition.flags import NEAR_DUPLICATE, comparison_pool, quality_flags
from danvan.recognition.models import Commendation, CommendationEntry, Replication
from danvan.recognition.services import initiative_replicate, shortlist_add
from tests.conftest import FULL, campaign_periods
from tests.recognition.test_services import (
    R,
    accepted,
    commend,
    decide,
    exemplary,
    next_campaign,
    one_criterion_rubric,
    self_score,
    team_score,
    with_room,
)

DAY = timedelta(days=1)
WITHDRAWN = Initiative.Status.WITHDRAWN


@pytest.fixture
def rv(world):
    return with_room(world)


# --- Standardisation -------------------------------------------------------------------------------------------


def _mean(values):
    return sum(values) / len(values)


def _sd(values):
    """Population standard deviation."""
    m = _mean(values)
    return math.sqrt(sum((v - m) ** 2 for v in values) / len(values))


def by_formula(x, group, everyone) -> Decimal:
    """overall mean + overall sd × (x − group mean) / group sd; a group of one or without spread only shifted."""
    if len(group) > 1 and _sd(group) > 0 and _sd(everyone) > 0:
        value = _mean(everyone) + _sd(everyone) * (x - _mean(group)) / _sd(group)
    else:
        value = _mean(everyone) + x - _mean(group)
    return Decimal(f"{value:.2f}")


HARSH, LENIENT = "Đoàn khảo sát số 1", "Đoàn khảo sát số 2"


def test_a_harsh_team_and_a_lenient_team_with_the_same_spread_end_on_the_same_scale():
    harsh = {1: 50, 2: 60, 3: 70}
    lenient = {4: 70, 5: 80, 6: 90}
    scores = {pk: (HARSH, Decimal(v)) for pk, v in harsh.items()} | {
        pk: (LENIENT, Decimal(v)) for pk, v in lenient.items()
    }
    out, scales = standardise(scores)

    everyone = [*harsh.values(), *lenient.values()]
    for group in (harsh, lenient):
        for pk, x in group.items():
            assert out[pk] == by_formula(x, list(group.values()), everyone)
    # Each team's best, middle and weakest stand level with the other team's.
    assert [out[1], out[2], out[3]] == [out[4], out[5], out[6]]
    # The harsh team's best (70) was below the lenient team's middle (80); on one scale it is above.
    assert harsh[3] < lenient[5] and out[3] > out[5]
    # The order inside a team never changes.
    assert out[1] < out[2] < out[3] and out[4] < out[5] < out[6]

    def cents(value):
        return Decimal(f"{value:.2f}")

    assert [(s.name, s.count, s.mean, s.sd) for s in scales] == [
        (name, len(g), cents(_mean(list(g.values()))), cents(_sd(list(g.values()))))
        for name, g in ((HARSH, harsh), (LENIENT, lenient))
    ]


def test_teams_of_different_spreads_keep_their_inner_order_and_are_rounded_to_cents():
    groups = {HARSH: {1: 41.5, 2: 58, 3: 62.5, 4: 77}, LENIENT: {5: 88, 6: 90.5, 7: 93}}
    scores = {pk: (g, Decimal(str(v))) for g, rows in groups.items() for pk, v in rows.items()}
    out, _scales = standardise(scores)
    everyone = [v for rows in groups.values() for v in rows.values()]
    for rows in groups.values():
        for pk, x in rows.items():
            assert out[pk] == by_formula(x, list(rows.values()), everyone)
        ranked_raw = sorted(rows, key=rows.get)
        assert sorted(rows, key=out.get) == ranked_raw
    assert all(v.as_tuple().exponent == -2 for v in out.values())


def test_a_group_of_one_or_without_spread_is_only_shifted_by_the_difference_of_means():
    groups = {HARSH: {1: 40, 2: 60}, LENIENT: {3: 75}, SELF_GROUP: {4: 66, 5: 66}}
    scores = {pk: (g, Decimal(v)) for g, rows in groups.items() for pk, v in rows.items()}
    out, scales = standardise(scores)
    everyone = [v for rows in groups.values() for v in rows.values()]
    overall = Decimal(f"{_mean(everyone):.2f}")
    # A lone or uniform group stands at the overall mean.
    assert out[3] == out[4] == out[5] == overall
    assert out[1] == by_formula(40, [40, 60], everyone)
    assert {s.name: (s.count, s.sd) for s in scales} == {
        HARSH: (2, Decimal(f"{_sd([40, 60]):.2f}")),
        LENIENT: (1, Decimal("0.00")),
        SELF_GROUP: (2, Decimal("0.00")),
    }


def test_a_single_score_stays_as_it_is_and_no_score_gives_an_empty_board():
    assert standardise({7: (HARSH, Decimal("83.5"))})[0] == {7: Decimal("83.50")}
    assert standardise({}) == ({}, [])


# --- The review board ------------------------------------------------------------------------------------------


def surveyor(world, username):
    user = get_user_model().objects.create_user(username=username, password="Mat-khau-dai-123")
    membership_grant(user=user, organization=world.partner, role=Membership.Role.SURVEYOR, by=None)
    return user


@pytest.fixture
def bd(rv):
    """A harsh team (scores 50, 60, 70 for A's and its cell's initiatives) and a lenient team (70, 80, 90 for B's
    and C's), one initiative C assessed itself (85), and one of B nobody scored. A also assessed its weakest (80)."""
    one_criterion_rubric(rv)
    harsh_leader, lenient_leader = rv.surveyor, surveyor(rv, "khaosat2")
    h1 = accepted(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    h2 = accepted(rv, rv.unit_a, rv.officer_a, "Một cửa thân thiện Alpha 2")
    h3 = accepted(rv, rv.cell_a, rv.officer_cell, "Trợ giúp pháp lý lưu động")
    l1 = accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    l2 = accepted(rv, rv.unit_b, rv.officer_b, "Tiếp dân Beta")
    l3 = accepted(rv, rv.unit_c, rv.admin, "Gamma đồng hành")
    s1 = accepted(rv, rv.unit_c, rv.admin, "Gamma tự đánh giá")
    u1 = accepted(rv, rv.unit_b, rv.officer_b, "Beta chưa chấm")
    harsh = team_create(campaign=rv.campaign, by=rv.admin, name=HARSH, members=[harsh_leader], leader=harsh_leader)
    lenient = team_create(
        campaign=rv.campaign, by=rv.admin, name=LENIENT, members=[lenient_leader], leader=lenient_leader
    )
    assignments_add(team=harsh, by=rv.admin, initiatives=[h1, h2, h3])
    assignments_add(team=lenient, by=rv.admin, initiatives=[l1, l2, l3])
    raw = {}
    for initiative, value in ((h1, 50), (h2, 60), (h3, 70)):
        raw[initiative.pk] = team_score(initiative, harsh_leader, value).total
    for initiative, value in ((l1, 70), (l2, 80), (l3, 90)):
        raw[initiative.pk] = team_score(initiative, lenient_leader, value).total
    raw[s1.pk] = self_score(s1, rv.admin, 85).total
    h1_self = self_score(h1, rv.officer_a, 80).total
    groups = {HARSH: [h1, h2, h3], LENIENT: [l1, l2, l3], SELF_GROUP: [s1]}
    return SimpleNamespace(
        h1=h1, h2=h2, h3=h3, l1=l1, l2=l2, l3=l3, s1=s1, u1=u1, raw=raw, h1_self=h1_self, groups=groups
    )


def test_the_board_ranks_on_one_scale_where_raw_scores_favour_the_lenient_team(rv, bd):
    board = review_board(rv.campaign, rv.admin)
    rows = {r.initiative.pk: r for r in board.rows}
    assert set(rows) == {i.pk for i in (bd.h1, bd.h2, bd.h3, bd.l1, bd.l2, bd.l3, bd.s1, bd.u1)}

    everyone = [float(v) for v in bd.raw.values()]
    for name, members in bd.groups.items():
        group = [float(bd.raw[i.pk]) for i in members]
        for i in members:
            assert rows[i.pk].standardised == by_formula(float(bd.raw[i.pk]), group, everyone)
            assert rows[i.pk].team == ("" if name == SELF_GROUP else name)
    assert {s.name: s.count for s in board.scales} == {n: len(m) for n, m in bd.groups.items()}

    raw_order = [r.initiative.pk for r in review_board(rv.campaign, rv.admin, order="raw").rows]
    fair_order = [r.initiative.pk for r in board.rows]
    assert raw_order.index(bd.l2.pk) < raw_order.index(bd.h3.pk)
    assert fair_order.index(bd.h3.pk) < fair_order.index(bd.l2.pk)
    # Ranks follow the order; the initiative nobody scored comes last, without a rank.
    assert [r.rank for r in board.rows] == [*range(1, len(bd.raw) + 1), None]
    assert board.rows[-1].initiative == bd.u1
    assert (board.rows[-1].raw, board.rows[-1].standardised, board.rows[-1].basis) == (None, None, "")


def test_a_row_shows_the_teams_score_the_units_own_and_their_gap(rv, bd):
    rows = {r.initiative.pk: r for r in review_board(rv.campaign, rv.admin).rows}
    h1, l1, s1 = rows[bd.h1.pk], rows[bd.l1.pk], rows[bd.s1.pk]
    assert (h1.team_total, h1.self_total, h1.raw, h1.basis) == (bd.raw[bd.h1.pk], bd.h1_self, bd.raw[bd.h1.pk], "team")
    assert h1.gap == bd.h1_self - bd.raw[bd.h1.pk]
    assert (l1.self_total, l1.gap) == (None, None)
    assert (s1.team_total, s1.self_total, s1.basis, s1.gap) == (None, bd.raw[bd.s1.pk], "self", None)
    # A self-score 30 points above the team's is flagged; no gap, no flag.
    assert "large_gap" in {f.code for f in h1.flags}
    assert "large_gap" not in {f.code for f in l1.flags}


def test_the_board_shows_the_rounds_an_initiative_went_through(rv, bd):
    shortlist_add(initiative=bd.h3, by=rv.admin, round=1, proposed_result=R.RECOGNISED, reason="Đạt.")
    shortlist_add(initiative=bd.h3, by=rv.admin, round=2, proposed_result=R.EXEMPLARY, reason="Nổi bật.")
    shortlist_add(initiative=bd.l1, by=rv.admin, round=1, proposed_result=R.RECOGNISED, reason="Đạt.")
    board = review_board(rv.campaign, rv.admin)
    rows = {r.initiative.pk: r for r in board.rows}
    assert (rows[bd.h3.pk].rounds, rows[bd.l1.pk].rounds, rows[bd.l2.pk].rounds) == ([1, 2], [1], [])
    assert board.rounds == [1, 2]


def test_a_unit_officer_sees_only_their_own_units_rows(rv, bd):
    def seen_by(user):
        return {r.initiative.pk for r in review_board(rv.campaign, user).rows}

    assert seen_by(rv.officer_a) == {bd.h1.pk, bd.h2.pk, bd.h3.pk}
    assert seen_by(rv.officer_cell) == {bd.h3.pk}
    assert seen_by(rv.officer_b) == {bd.l1.pk, bd.l2.pk, bd.u1.pk}
    assert seen_by(rv.leader) == seen_by(rv.admin)


# --- Indicators achieved ---------------------------------------------------------------------------------------


@pytest.fixture
def periods(rv):
    """Two quarters past their deadline and a third under way."""
    today = timezone.localdate()
    q1, q2, q3 = campaign_periods(rv, (-90, -31, -20), (-30, -5, -2), (-4, 40, 45))
    return SimpleNamespace(q1=q1, q2=q2, q3=q3, due=[p for p in (q1, q2, q3) if p.due_on < today])


def send(initiative, period, by, values=None, *, submit=True, photo=False):
    report = report_save(
        initiative=initiative, period=period, by=by, values=values or {}, activities="Đã tổ chức các buổi tiếp dân."
    )
    if photo:
        evidence_add(report=report, by=by, upload=SimpleUploadedFile("anh.png", png((3, 4, 5))))
    if submit:
        report_submit(report=report, by=by)
    return report


def test_indicator_achievement_sums_counts_takes_the_latest_rate_and_caps_each_at_its_target(rv, periods):
    measured = accepted(
        rv,
        rv.unit_a,
        rv.officer_a,
        "Tuyên truyền pháp luật Alpha",
        indicators=[
            IndicatorInput("Người được trợ giúp", "người", 100),
            IndicatorInput("Buổi tuyên truyền", "buổi", 12),
            IndicatorInput("Tỷ lệ hồ sơ đúng hạn", "%", 90),
        ],
    )
    over = accepted(
        rv, rv.unit_b, rv.officer_b, "Beta vượt chỉ tiêu", indicators=[IndicatorInput("Hộ được hỗ trợ", "hộ", 100)]
    )
    plain = accepted(rv, rv.unit_c, rv.admin, "Gamma không chỉ tiêu")
    people, sessions, rate = measured.indicators.order_by("position")
    (households,) = over.indicators.all()
    sent = {
        periods.q1: {people.pk: 30, sessions.pk: 3, rate.pk: 60},
        periods.q2: {people.pk: 50, sessions.pk: 5, rate.pk: 45},
    }
    for period, values in sent.items():
        send(measured, period, rv.officer_a, values)
    send(over, periods.q1, rv.officer_b, {households.pk: 150})
    send(over, periods.q2, rv.officer_b, {households.pk: 500}, submit=False)  # a draft does not count

    counts = [min(100.0, 100 * sum(v[i.pk] for v in sent.values()) / float(i.target)) for i in (people, sessions)]
    latest_rate = min(100.0, 100 * sent[periods.q2][rate.pk] / float(rate.target))
    expected = {measured.pk: round(_mean([*counts, latest_rate]), 1), over.pk: 100.0}
    assert indicator_achievement([measured.pk, over.pk, plain.pk]) == expected
    rows = {r.initiative.pk: r.indicator_percent for r in review_board(rv.campaign, rv.admin).rows}
    assert (rows[measured.pk], rows[over.pk], rows[plain.pk]) == (expected[measured.pk], 100.0, None)


# --- Quality flags ---------------------------------------------------------------------------------------------


def texts(goals, method):
    return {"goals": goals, "method": method}


def codes(flags, initiative) -> set[str]:
    return {f.code for f in flags[initiative.pk]}


def test_silence_for_two_periods_no_evidence_and_no_indicator_are_flagged(rv, periods):
    silent = accepted(
        rv,
        rv.unit_a,
        rv.officer_a,
        "Đối thoại doanh nghiệp",
        indicators=[IndicatorInput("Cuộc đối thoại", "cuộc", 4)],
        **texts(
            "Tổ chức bốn cuộc đối thoại giữa lãnh đạo sở và doanh nghiệp về thủ tục đầu tư.",
            "Lãnh đạo sở trực tiếp nghe, trả lời kiến nghị tại hội nghị hằng quý.",
        ),
    )
    speaking = accepted(
        rv,
        rv.unit_b,
        rv.officer_b,
        "Sân chơi cho thiếu nhi",
        indicators=[IndicatorInput("Sân chơi", "sân", 2)],
        **texts(
            "Xây dựng hai sân chơi an toàn cho trẻ em khu tập thể cũ.",
            "Đoàn viên góp ngày công, vận động nhà hảo tâm tài trợ thiết bị.",
        ),
    )
    bare = accepted(
        rv,
        rv.unit_c,
        rv.admin,
        "Thư viện xanh",
        **texts(
            "Mở tủ sách pháp luật tại nhà văn hóa tổ dân phố.",
            "Cựu chiến binh quản lý, mượn trả sách vào tối thứ Năm.",
        ),
    )
    (playgrounds,) = speaking.indicators.all()
    send(speaking, periods.q1, rv.officer_b, {playgrounds.pk: 1}, photo=True)  # one of the two due periods
    send(bare, periods.q1, rv.admin, submit=False, photo=True)  # evidence in a draft is no evidence

    board = review_board(rv.campaign, rv.admin)
    flags = {r.initiative.pk: r.flags for r in board.rows}
    assert board.due == len(periods.due)
    assert codes(flags, silent) == {"missing_reports", "no_evidence"}
    assert [f.detail for f in flags[silent.pk] if f.code == "missing_reports"] == [str(len(periods.due))]
    assert codes(flags, speaking) == set()
    assert codes(flags, bare) == {"no_indicator", "no_evidence", "missing_reports"}
    reports = {r.initiative.pk: (r.reports_sent, r.reports_due) for r in board.rows}
    assert reports[speaking.pk] == (1, len(periods.due))


def test_a_report_for_the_running_period_does_not_make_up_for_the_missed_ones(rv, periods):
    ahead = accepted(
        rv,
        rv.unit_b,
        rv.officer_b,
        "Sân chơi cho thiếu nhi",
        indicators=[IndicatorInput("Sân chơi", "sân", 2)],
        **texts(
            "Xây dựng hai sân chơi an toàn cho trẻ em khu tập thể cũ.",
            "Đoàn viên góp ngày công, vận động nhà hảo tâm tài trợ thiết bị.",
        ),
    )
    (playgrounds,) = ahead.indicators.all()
    # Nothing for the two quarters past their deadline; the running quarter reported early.
    send(ahead, periods.q3, rv.officer_b, {playgrounds.pk: 1}, photo=True)

    (row,) = [r for r in review_board(rv.campaign, rv.admin).rows if r.initiative == ahead]
    assert (row.reports_sent, row.reports_due) == (0, len(periods.due))
    assert [f.detail for f in row.flags if f.code == "missing_reports"] == [str(len(periods.due))]
    assert "no_evidence" not in {f.code for f in row.flags}

    # Once the campaign has ended every period is due, and the early report counts.
    campaign_close(campaign=rv.campaign, by=rv.admin)
    rv.campaign.refresh_from_db()
    all_periods = rv.campaign.periods.count()
    (row,) = [r for r in review_board(rv.campaign, rv.admin).rows if r.initiative == ahead]
    assert (row.reports_sent, row.reports_due) == (1, all_periods)
    assert [f.detail for f in row.flags if f.code == "missing_reports"] == [str(all_periods - 1)]


LEGAL_AID = texts(
    "Mỗi năm trợ giúp pháp lý miễn phí cho ít nhất 800 người nghèo, gia đình chính sách và người khuyết tật "
    "trên địa bàn thành phố.",
    "Luật sư và trợ giúp viên của Trung tâm tổ chức các buổi tư vấn lưu động tại xã, phường, phối hợp với "
    "Mặt trận và các đoàn thể lập danh sách người cần trợ giúp, theo dõi từng vụ việc đến khi giải quyết xong.",
)
LEGAL_AID_TITLE = "Trợ giúp pháp lý miễn phí cho người nghèo"


def similarity(a: Initiative, b: Initiative) -> float:
    def shingles(i):
        words = re.findall(r"\w+", fold(" ".join([i.title, i.goals, i.method])))
        return {tuple(words[k : k + 3]) for k in range(len(words) - 2)}

    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y)


def test_a_nearly_identical_text_of_another_unit_is_flagged_with_the_initiative_it_resembles(rv):
    original = rv.make(rv.unit_a, rv.officer_a, LEGAL_AID_TITLE, submit=True, **LEGAL_AID)
    lookalike = rv.make(
        rv.unit_b,
        rv.officer_b,
        LEGAL_AID_TITLE,
        submit=True,
        goals=LEGAL_AID["goals"].replace("800", "900"),
        method=LEGAL_AID["method"].replace("Mặt trận", "Hội Nông dân"),
    )
    same_goals = rv.make(
        rv.unit_c,
        rv.admin,
        "Tư vấn pháp luật cho công nhân",
        submit=True,
        goals=LEGAL_AID["goals"],
        method="Đoàn Thanh niên mở quầy tư vấn chiều thứ Bảy tại nhà văn hóa công nhân về hợp đồng lao động.",
    )
    different = rv.make(
        rv.unit_c,
        rv.admin,
        "Bữa cơm nghĩa tình",
        submit=True,
        **texts(
            "Nấu 200 suất cơm mỗi tuần cho bệnh nhân nghèo.", "Hội Phụ nữ quyên góp gạo, rau và nấu tại bếp chung."
        ),
    )
    assert similarity(original, lookalike) >= NEAR_DUPLICATE > similarity(original, same_goals)

    initiatives = [original, lookalike, same_goals, different]
    flags = quality_flags(initiatives, due_periods=0, gaps={})
    found = {i.pk: [f for f in flags[i.pk] if f.code == "near_duplicate"] for i in initiatives}
    assert [f.other_id for f in found[lookalike.pk]] == [original.pk]
    assert [f.other_id for f in found[original.pk]] == [lookalike.pk]
    assert found[same_goals.pk] == found[different.pk] == []
    (flag,) = found[lookalike.pk]
    assert rv.unit_a.name in flag.detail
    assert f"{round(similarity(original, lookalike) * 100)}%" in flag.detail


def test_copies_sister_copies_and_a_carried_over_initiative_are_not_flagged_but_a_hand_copy_is(rv):
    delta = organization_create(code="D", name="Đảng bộ Sở Delta", kind="base_committee", parent=rv.bloc, by=None)
    original = exemplary(rv, rv.unit_a, rv.officer_a, LEGAL_AID_TITLE, **LEGAL_AID)
    b_copy = initiative_replicate(original=original, campaign=rv.campaign, unit=rv.unit_b, by=rv.officer_b)
    c_copy = initiative_replicate(original=original, campaign=rv.campaign, unit=rv.unit_c, by=rv.admin)
    for copy, officer in ((b_copy, rv.officer_b), (c_copy, rv.admin)):
        initiative_submit(initiative=copy, by=officer)
    this_year = list(Initiative.objects.filter(pk__in=[original.pk, b_copy.pk, c_copy.pk]))
    flags = quality_flags(this_year, due_periods=0, gaps={})
    assert all("near_duplicate" not in codes(flags, i) for i in this_year)

    # Next year A continues its initiative and Delta adopts it: still one family.
    later = next_campaign(rv)
    continued = initiative_carry_over(source=original, campaign=later, by=rv.officer_a)
    adopted = initiative_replicate(original=original, campaign=later, unit=delta, by=rv.admin)
    for initiative, officer in ((continued, rv.officer_a), (adopted, rv.admin)):
        initiative_submit(initiative=initiative, by=officer)
    next_year = list(Initiative.objects.filter(campaign=later))
    flags = quality_flags(next_year, due_periods=0, gaps={}, pool=comparison_pool(later))
    assert "near_duplicate" not in codes(flags, continued)
    assert "near_duplicate" not in codes(flags, adopted)

    # Gamma types the same text in by hand: that one is not part of the family.
    typed = initiative_create(
        campaign=later,
        unit=rv.unit_c,
        by=rv.admin,
        fields=[later.fields.first()],
        title=LEGAL_AID_TITLE,
        **FULL | LEGAL_AID,
    )
    initiative_submit(initiative=typed, by=rv.admin)
    next_year = list(Initiative.objects.filter(campaign=later))
    flags = quality_flags(next_year, due_periods=0, gaps={}, pool=comparison_pool(later))
    family = {original.pk, b_copy.pk, c_copy.pk, continued.pk, adopted.pk}
    assert [f.other_id in family for f in flags[typed.pk] if f.code == "near_duplicate"] == [True]
    # The family now resembles Gamma's text, never one another.
    for member in (continued, adopted):
        assert [f.other_id for f in flags[member.pk] if f.code == "near_duplicate"] == [typed.pk]


# --- Results, commendations and replications counted -----------------------------------------------------------


def test_the_campaign_summary_counts_results_and_commendations_as_the_records_show(rv):
    a1 = exemplary(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    a2 = exemplary(rv, rv.cell_a, rv.officer_cell, "Trợ giúp pháp lý lưu động")
    b1 = decide(rv, accepted(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta"), R.RECOGNISED)
    decide(rv, accepted(rv, rv.unit_b, rv.officer_b, "Tiếp dân Beta"), R.NOT_ACHIEVED)
    decide(rv, accepted(rv, rv.unit_c, rv.admin, "Gamma đồng hành"), R.RECOGNISED)
    accepted(rv, rv.unit_c, rv.admin, "Gamma chưa bình xét")
    accepted(rv, rv.unit_a, rv.officer_a, "Alpha chưa bình xét")
    decide(rv, b1, R.EXEMPLARY)
    commend(rv, a1, number="12-QĐ/ĐUK", issued_on=timezone.localdate() - 10 * DAY)
    commend(rv, a1, a2, number="125-QĐ/ĐUK")
    # Not yet accepted: no result to count.
    assert rv.submitted_a.status == Initiative.Status.SUBMITTED

    def expected(user_units=None):
        rows = [
            i
            for i in Initiative.objects.filter(campaign=rv.campaign, status=Initiative.Status.ACCEPTED)
            if user_units is None or (i.unit.base_id or i.unit_id) in user_units
        ]
        results = Counter(i.result for i in rows)
        ids = {i.pk for i in rows}
        entries = [e for e in CommendationEntry.objects.all() if e.initiative_id in ids]
        return {
            "not_achieved": results[R.NOT_ACHIEVED],
            "recognised": results[R.RECOGNISED],
            "exemplary": results[R.EXEMPLARY],
            "undecided": results[""],
            "commended": len({e.initiative_id for e in entries}),
            "commendations": len({e.commendation_id for e in entries}),
        }

    def summary(user):
        figures = campaign_summary(campaign=rv.campaign, user=user)
        return {
            k: figures[k]
            for k in ("not_achieved", "recognised", "exemplary", "undecided", "commended", "commendations")
        }

    assert summary(rv.admin) == expected()
    assert expected()["commendations"] == Commendation.objects.count()
    assert summary(rv.leader) == expected()
    # A unit officer counts only their own unit's (and its cells').
    assert summary(rv.officer_a) == expected({rv.unit_a.pk})
    assert summary(rv.officer_b) == expected({rv.unit_b.pk})


@pytest.fixture
def tree(rv):
    """A's exemplary initiative, copied by Gamma the same year and by Beta the next; Beta's copy, exemplary in
    its turn, copied by Gamma the year after. Beta's first try that year was withdrawn."""
    original = exemplary(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    gamma_now = initiative_replicate(original=original, campaign=rv.campaign, unit=rv.unit_c, by=rv.admin)
    dropped = initiative_replicate(original=original, campaign=rv.campaign, unit=rv.unit_b, by=rv.officer_b)
    initiative_withdraw(initiative=dropped, by=rv.officer_b)
    second = next_campaign(rv)
    beta_next = initiative_replicate(original=original, campaign=second, unit=rv.unit_b, by=rv.officer_b)
    initiative_submit(initiative=beta_next, by=rv.officer_b)
    initiative_accept(initiative=beta_next, by=rv.admin)
    decide(rv, beta_next, R.EXEMPLARY)
    third = next_campaign(rv, previous=second, years=2)
    gamma_later = initiative_replicate(original=beta_next, campaign=third, unit=rv.unit_c, by=rv.admin)
    return SimpleNamespace(
        original=original,
        gamma_now=gamma_now,
        dropped=dropped,
        beta_next=beta_next,
        gamma_later=gamma_later,
        second=second,
        third=third,
    )


def shape(nodes):
    return [(n.initiative.pk, shape(n.copies)) for n in nodes]


def test_the_spread_follows_copies_of_copies_across_years(rv, tree):
    trees = spread(rv.campaign, rv.admin)
    assert shape(trees) == [
        (tree.original.pk, [(tree.gamma_now.pk, []), (tree.beta_next.pk, [(tree.gamma_later.pk, [])])]),
    ]
    live = Replication.objects.exclude(copy__status=WITHDRAWN).select_related("copy__campaign")
    assert trees[0].size == live.count()
    assert spread_by_year(trees) == dict(Counter(r.copy.campaign.year for r in live))
    # The next year's campaign shows Beta's copy as the origin of its own spread.
    assert shape(spread(tree.second, rv.admin)) == [(tree.beta_next.pk, [(tree.gamma_later.pk, [])])]


def test_a_unit_officer_sees_only_the_copies_they_may_see(rv, tree):
    assert shape(spread(rv.campaign, rv.officer_b)) == [(tree.original.pk, [(tree.beta_next.pk, [])])]
    assert spread(rv.campaign, rv.officer_cell) == []


def test_replications_are_counted_once_per_copy_and_replicated_once_per_original(rv, tree):
    def expected(campaign):
        live = [
            r
            for r in Replication.objects.select_related("original", "copy")
            if r.original.campaign_id == campaign.pk and r.copy.status != WITHDRAWN
        ]
        return len(live), len({r.original_id for r in live})

    for campaign in (rv.campaign, tree.second, tree.third):
        figures = recognition_figures(campaign, rv.admin)
        assert (figures.replications, figures.replicated) == expected(campaign)
        summary = campaign_summary(campaign=campaign, user=rv.admin)
        assert (summary["replications"], summary["replicated"]) == expected(campaign)
    assert expected(rv.campaign) == (2, 1)  # the withdrawn try is not a replication


def test_the_honours_of_a_unit_include_its_cells_newest_decision_first(rv):
    own = exemplary(rv, rv.unit_a, rv.officer_a, "Dân vận chính quyền Alpha")
    cell = exemplary(rv, rv.cell_a, rv.officer_cell, "Trợ giúp pháp lý lưu động")
    other = exemplary(rv, rv.unit_b, rv.officer_b, "Ngày thứ Bảy xanh Beta")
    older = commend(rv, own, other, number="12-QĐ/ĐUK", issued_on=timezone.localdate() - 30 * DAY)
    newer = commend(rv, cell, own, number="125-QĐ/ĐUK")

    assert [(e.commendation, e.initiative) for e in honours_of(unit=rv.unit_a)] == [
        (newer, cell),
        (newer, own),
        (older, own),
    ]
    assert [e.commendation for e in honours_of(unit=rv.cell_a)] == [newer]
    assert [e.commendation for e in honours_of(initiative=other)] == [older]
