"""The confidentiality check flags identifying details and leaves ordinary numbers alone.

A table of what a practitioner might type: each positive case must be found with the right kind
and exact text; each negative case (times, ratings, counts, plain dates, invalid NHS numbers,
postcode look-alikes) must produce no finding at all.
"""

from __future__ import annotations

import pytest

from resilience_journal.domain.confidentiality import (
    Finding,
    apply_replacements,
    find_identifying_details,
    initials,
    nhs_number_is_valid,
)

POSITIVE = [
    # postcodes
    ("Visit near SW1A 1AA today", "postcode", "SW1A 1AA"),
    ("Family moved to M1 1AE last month", "postcode", "M1 1AE"),
    ("Their house is in B33 8TH.", "postcode", "B33 8TH"),
    ("postcode: cr2 6xh", "postcode", "cr2 6xh"),
    ("Drove to DN551PT", "postcode", "DN551PT"),
    # phone numbers
    ("Mum's mobile is 07700 900123", "phone", "07700 900123"),
    ("Ring 07700900123 after 4", "phone", "07700900123"),
    ("Office line +44 (0)20 7946 0958 today", "phone", "+44 (0)20 7946 0958"),
    ("call +447700900123", "phone", "+447700900123"),
    ("School number (0161) 496 0000.", "phone", "(0161) 496 0000"),
    ("Use 0113-496-0000", "phone", "0113-496-0000"),
    # email
    ("Emailed jane.doe+school@example.org about it", "email", "jane.doe+school@example.org"),
    # NHS numbers with a valid check digit, grouped and not
    ("NHS no 943 476 5919 on the form", "nhs_number", "943 476 5919"),
    ("nhs 9434765919", "nhs_number", "9434765919"),
    ("ref 401-023-2137", "nhs_number", "401-023-2137"),
    # National Insurance numbers
    ("NI number AB 12 34 56 C given", "ni_number", "AB 12 34 56 C"),
    ("NINO ce123456a", "ni_number", "ce123456a"),
    # dates of birth, only next to the words that make them one
    ("DOB 12/03/2015", "date_of_birth", "12/03/2015"),
    ("D.O.B: 1.4.09", "date_of_birth", "1.4.09"),
    ("baby was born on 3 March 2024", "date_of_birth", "3 March 2024"),
    ("date of birth 14th of February 2011", "date_of_birth", "14th of February 2011"),
    ("Birthday is July 4, 2016", "date_of_birth", "July 4, 2016"),
    # addresses
    ("They live at 12 Oak Road now", "address", "12 Oak Road"),
    ("Went to 7a Mill Lane", "address", "7a Mill Lane"),
    ("Flat 4, 27 Upper Church Street", "address", "Flat 4, 27 Upper Church Street"),
    # the user's own watch list
    ("Spoke to Mrs Kowalski at the door", "watch_word", "Kowalski"),
    ("saw kowalski again", "watch_word", "kowalski"),
    ("Greenfield Primary called", "watch_word", "Greenfield Primary"),
]

NEGATIVE = [
    "Visit at 14:30, home by 16:45.",
    "Stress was 7/10 before and 3/10 after.",
    "Rated it 8 out of 10; 0 to 10 scale.",
    "Three visits, 45 minutes each, 120 miles driven.",
    "Met on 12/03/2025 for the review.",  # a date, but not a date of birth
    "The baby was born last week and is doing well.",
    "Case ref 1234567890 in the system.",  # ten digits, invalid NHS check digit
    "943 476 5918 is not a real number",  # one digit off a valid NHS number
    "Room 101, then the B12 bus.",
    "Took the M1 north; left at 5pm.",
    "sw1a is where the office is",  # half a postcode, lower case, no context
    "Between 2015-2019 things were hard.",
    "Call lasted 0 1 2 3 4 5 6 7 8 9 minutes",
    "We had 2 Family Court hearings and 1 Crown Court Way meeting.",
    "Drove 5 minutes drive from the office",
    "In 2026 I want to do more of this.",
    "QQ 12 34 56 C is an example on the form",  # QQ is never issued
    "Score 10.5 then 7.25",
    "ratio 1:2:3 and version 0.6.4",
    "",
]


@pytest.mark.parametrize(("text", "kind", "found"), POSITIVE)
def test_identifying_details_are_found(text, kind, found):
    findings = find_identifying_details(text, watch_words=["Kowalski", "Greenfield Primary"])
    assert [(f.kind, f.text) for f in findings] == [(kind, found)]
    f = findings[0]
    assert text[f.start : f.end] == found


@pytest.mark.parametrize("text", NEGATIVE)
def test_ordinary_text_is_not_flagged(text):
    assert find_identifying_details(text, watch_words=["Kowalski"]) == []


def test_findings_are_in_order_and_never_overlap():
    text = "J lives at 12 Oak Road, SW1A 1AA, phone 07700 900123, DOB 01/02/2013. Kowalski knows."
    findings = find_identifying_details(text, watch_words=["Oak", "Kowalski"])
    kinds = [f.kind for f in findings]
    assert kinds == ["address", "postcode", "phone", "date_of_birth", "watch_word"]
    for a, b in zip(findings, findings[1:], strict=False):
        assert a.end <= b.start


def test_watch_word_is_a_whole_word_only():
    assert find_identifying_details("Annabel and Ann", watch_words=["Ann"]) == [
        Finding(12, 15, "watch_word", "Ann", "A.")
    ]


def test_suggestions_are_labels_or_initials():
    findings = find_identifying_details("Jane Smith, 07700 900123", watch_words=["Jane Smith"])
    assert [f.suggestion for f in findings] == ["J.S.", "[phone number]"]
    assert initials("mary-ann o'neil") == "M.A.O.N."


@pytest.mark.parametrize(
    ("digits", "valid"),
    [("9434765919", True), ("4010232137", True), ("9434765918", False), ("1234567890", False), ("123", False)],
)
def test_nhs_check_digit(digits, valid):
    assert nhs_number_is_valid(digits) is valid


def test_apply_replacements_uses_spans_of_the_original_text():
    text = "Smith at 12 Oak Road, SW1A 1AA."
    findings = find_identifying_details(text, watch_words=["Smith"])
    out = apply_replacements(text, {(f.start, f.end): f.suggestion for f in findings})
    assert out == "S. at [address], [postcode]."
    assert find_identifying_details(out, watch_words=["Smith"]) == []


def test_apply_replacements_refuses_overlaps_and_bad_spans():
    with pytest.raises(ValueError):
        apply_replacements("abcdef", {(0, 3): "x", (2, 4): "y"})
    with pytest.raises(ValueError):
        apply_replacements("abc", {(2, 9): "x"})
    assert apply_replacements("abc", {}) == "abc"
