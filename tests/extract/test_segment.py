"""Paragraphs and sentences: where reports break, and that offsets always index the text.

Evidence spans are slices of the document, so every sentence must be an exact, trimmed, ordered span
inside its paragraph whatever the input; and a sentence cut at an abbreviation ("incl.", "approx.")
hands half an occasion to the next sentence, which then looks like an occasion of its own.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronika.extract.segment import paragraphs, sentences


def texts(text: str) -> list[str]:
    return [s.text(text) for s in sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Police detained 14 people, incl. two minors, at the picket.",
        "Officers searched the flat for approx. three hours and left.",
        "The family lives on ul. Lenina in the old town.",
        "He was held by Lt. Col. Ivanov and Supt. Rahimov for a day.",
        "The ruling cites Art. 280 of the Criminal Code, cf. para. 4 of the decree.",
        "A. Petrova and B. K. Osmanov were summoned on Dec. 3 to the district office.",
        "Troops from the U.S. base did not intervene, the report says.",
    ],
)
def test_an_abbreviation_or_an_initial_does_not_end_the_sentence(text: str) -> None:
    assert texts(text) == [text]


def test_sentences_end_at_their_punctuation_and_keep_quotes() -> None:
    text = 'He said: "We will find you." The next day, police came. Was anyone charged? No.'
    assert texts(text) == [
        'He said: "We will find you."', "The next day, police came.", "Was anyone charged?", "No."
    ]


def test_a_lower_case_word_after_a_period_continues_the_sentence() -> None:
    text = "The group was labelled an extremist org. by the court in March."
    assert texts(text) == [text]


def test_list_items_table_rows_and_dated_lines_are_units_of_their_own() -> None:
    text = (
        "Incidents this week\n"
        "- 3 May: police dispersed a vigil\n"
        "- 4 May: two activists were fined\n"
        "\n"
        "Date | Place | Event\n"
        "5 May | Kazan | Office searched\n"
        "\n"
        "12.05.2024 Unknown men followed the monitor home\n"
        "13.05.2024 Her car was set on fire"
    )
    assert texts(text) == [
        "Incidents this week",
        "- 3 May: police dispersed a vigil",
        "- 4 May: two activists were fined",
        "Date | Place | Event",
        "5 May | Kazan | Office searched",
        "12.05.2024 Unknown men followed the monitor home",
        "13.05.2024 Her car was set on fire",
    ]


def test_a_wrapped_line_joins_its_sentence_and_a_heading_stands_alone() -> None:
    text = "RAID ON THE OFFICE\nOn 3 May officers searched the office of the\ngroup and took its laptops."
    assert texts(text) == [
        "RAID ON THE OFFICE", "On 3 May officers searched the office of the\ngroup and took its laptops."
    ]


def test_paragraphs_are_trimmed_runs_between_blank_lines() -> None:
    text = "  First paragraph.\n\n \n Second one,\nwrapped.  \n\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["First paragraph.", "Second one,\nwrapped."]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_sentences_are_ordered_trimmed_slices_inside_their_paragraphs(text: str) -> None:
    spans = paragraphs(text)
    previous_end = 0
    for sentence in sentences(text):
        p_start, p_end = spans[sentence.paragraph]
        assert p_start <= sentence.start < sentence.end <= p_end
        assert sentence.start >= previous_end
        piece = sentence.text(text)
        assert piece == piece.strip() and piece
        previous_end = sentence.end
