"""Questionnaire scoring against hand-worked examples, following the published rules."""

from __future__ import annotations

from datetime import date

import pytest

from resilience_journal.domain.questionnaires import SCREENING_NOTICE, cbi, proqol, questionnaire_due
from resilience_journal.domain.questionnaires.definitions import INSTRUMENTS, load


def by_scale(results):
    return {s.scale: s for s in results}


# --- Copenhagen Burnout Inventory ---------------------------------------------------------


def test_cbi_worked_example_with_reversed_item_and_missing_client_answers():
    responses = {
        # personal: Always, Often, Sometimes, Seldom, Never, Sometimes -> 100+75+50+25+0+50 = 300 / 6
        1: 4, 2: 3, 3: 2, 4: 1, 5: 0, 6: 2,
        # work: 75+75+50+50+25+25, and item 13 "Always enough energy" is reversed -> 0; 300 / 7
        7: 3, 8: 3, 9: 2, 10: 2, 11: 1, 12: 1, 13: 4,
        # client: only two answered -> fewer than three, so no score
        14: 4, 15: 4, 16: None,
    }  # fmt: skip
    s = by_scale(cbi.score(responses))
    assert s["personal"].score == 50.0
    assert s["work"].score == pytest.approx(42.86)
    assert s["client"].score is None
    assert s["client"].answered == 2 and s["client"].needed == 3


def test_cbi_reversed_item_counts_the_other_way():
    assert cbi.item_points(13, 4) == 0  # always enough energy: no burnout
    assert cbi.item_points(13, 0) == 100  # never enough energy: most burnout
    assert cbi.item_points(10, 4) == 100


def test_cbi_minimum_answers_per_scale():
    # work needs four answers: three is not enough, four is (item 13 "Never" reversed -> 100)
    three = {7: 2, 8: 2, 9: 2}
    assert by_scale(cbi.score(three))["work"].score is None
    four = {7: 2, 8: 2, 9: 2, 13: 0}
    assert by_scale(cbi.score(four))["work"].score == 62.5
    # personal and client need three: two is not enough, three is (mean of those answered)
    assert by_scale(cbi.score({1: 4, 2: 4}))["personal"].score is None
    assert by_scale(cbi.score({1: 4, 2: 4, 3: 0}))["personal"].score == pytest.approx(66.67)
    assert by_scale(cbi.score({17: 4, 18: 4, 19: 1}))["client"].score == 75.0


def test_cbi_all_extremes_and_bad_answers():
    all_always = {i: 4 for i in range(1, 20)}
    s = by_scale(cbi.score(all_always))
    assert s["personal"].score == 100
    assert s["work"].score == pytest.approx(600 / 7, abs=0.01)  # item 13 reversed pulls it down
    assert s["client"].score == 100
    with pytest.raises(ValueError):
        cbi.score({1: 5})
    with pytest.raises(ValueError):
        cbi.score({20: 1})


# --- ProQOL 5 -----------------------------------------------------------------------------


def answers(values_by_item: dict[int, int], default: int = 3) -> dict[int, int]:
    return {i: values_by_item.get(i, default) for i in range(1, 31)}


def test_proqol_all_sometimes_is_thirty_everywhere():
    s = by_scale(proqol.score(answers({})))
    assert {k: v.score for k, v in s.items()} == {
        "compassion_satisfaction": 30, "burnout": 30, "secondary_traumatic_stress": 30,
    }  # fmt: skip
    assert all(v.band == "moderate" for v in s.values())


def test_proqol_burnout_reverses_items_1_4_15_17_29():
    reversed_items = {1, 4, 15, 17, 29}
    plain_burnout = set(proqol.SCALES["burnout"]) - reversed_items
    # Very often happy/connected/sustained... and never worn out: lowest possible burnout.
    low = answers({**{i: 5 for i in reversed_items}, **{i: 1 for i in plain_burnout}})
    assert by_scale(proqol.score(low))["burnout"].score == 10
    assert by_scale(proqol.score(low))["burnout"].band == "low"
    high = answers({**{i: 1 for i in reversed_items}, **{i: 5 for i in plain_burnout}})
    assert by_scale(proqol.score(high))["burnout"].score == 50
    assert by_scale(proqol.score(high))["burnout"].band == "high"


@pytest.mark.parametrize(
    ("values", "total", "band"),
    [
        ((3, 3, 2, 2, 2, 2, 2, 2, 2, 2), 22, "low"),
        ((3, 3, 3, 2, 2, 2, 2, 2, 2, 2), 23, "moderate"),
        ((5, 4, 4, 4, 4, 4, 4, 4, 4, 4), 41, "moderate"),
        ((5, 5, 4, 4, 4, 4, 4, 4, 4, 4), 42, "high"),
    ],
)
def test_proqol_band_edges(values, total, band):
    cs_items = proqol.SCALES["compassion_satisfaction"]
    s = by_scale(proqol.score(answers(dict(zip(cs_items, values, strict=True)))))
    assert s["compassion_satisfaction"].score == total
    assert s["compassion_satisfaction"].band == band


def test_proqol_scale_with_a_skipped_item_is_not_scored():
    r = answers({})
    r[28] = None  # a secondary traumatic stress item
    s = by_scale(proqol.score(r))
    assert s["secondary_traumatic_stress"].score is None
    assert s["secondary_traumatic_stress"].band is None
    assert s["secondary_traumatic_stress"].answered == 9
    assert s["burnout"].score == 30  # the other scales still score


def test_proqol_refuses_answers_outside_one_to_five():
    with pytest.raises(ValueError):
        proqol.score({1: 0})
    with pytest.raises(ValueError):
        proqol.score({31: 3})


def test_scales_cover_every_item_exactly_once():
    for module, count in ((cbi, 19), (proqol, 30)):
        items = [i for scale in module.SCALES.values() for i in scale]
        assert sorted(items) == list(range(1, count + 1))


# --- wording as data ----------------------------------------------------------------------


def test_wording_matches_scoring_and_credits_the_authors():
    c = load("cbi")
    assert len(c.items) == 19 and [i.number for i in c.items] == list(range(1, 20))
    assert "Kristensen" in c.credit and "Borritz" in c.credit
    assert c.items[12].text.startswith("Do you have enough energy for family and friends")
    p = load("proqol5")
    assert len(p.items) == 30
    assert "Center for Victims of Torture" in p.credit and p.link == "https://www.proqol.org"
    assert "last 30 days" in p.instructions
    assert set(INSTRUMENTS) == {"cbi", "proqol5"}
    assert "not a diagnosis" in SCREENING_NOTICE


def test_proqol_helper_word_becomes_the_users_role_and_nothing_else_changes():
    default = load("proqol5")
    assert default.items[9].text == "I feel trapped by my job as a social worker."
    assert default.items[1].text == "I am preoccupied with more than one person I help."
    assert default.items[20].text == "I feel overwhelmed because my case work load seems endless."
    ot = load("proqol5", role="occupational therapist")
    assert ot.items[11].text == "I like my work as an occupational therapist."
    assert all("[" not in i.text and "{" not in i.text for i in ot.items)
    unchanged = [a.text == b.text for a, b in zip(default.items, ot.items, strict=True)]
    assert unchanged.count(False) == 5  # exactly the five items that name the helper


def test_questionnaire_rhythm():
    today = date(2026, 11, 25)
    assert questionnaire_due(None, today, 30)
    assert not questionnaire_due(date(2026, 10, 27), today, 30)  # 29 days
    assert questionnaire_due(date(2026, 10, 26), today, 30)  # 30 days
    assert not questionnaire_due(None, today, 0)  # turned off
