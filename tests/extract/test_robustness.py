"""Extraction never raises on any text, and its offsets always hold.

People paste anything into Chronika: mangled encodings, emoji, right-to-left scripts, half a table.
The only acceptable failures are one-line user errors: the reader's ``InputEmpty`` for text with
nothing in it, and ``UnsupportedLanguage`` when detection picks a language with no module yet.
Everything else must come back as (perhaps zero) incidents whose evidence is exactly the slice its
span names and whose JSON satisfies the contract's schema.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import jsonschema
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from chronika.errors import InputEmpty, UnsupportedLanguage
from chronika.extract import extract_source
from chronika.extract.reader import SourceText, read_text
from chronika.extract.render import to_json
from chronika.model import Extraction

SCHEMA = json.loads((resources.files("chronika") / "schema" / "extract.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())

DATE_WORDS = [
    "On", "on", "13", "31", "0", "9999", "December", "Dec.", "May", "March", "2014", "1899", "2099",
    "13.13.2014", "2019-02-30", "31 February", "the following day", "two days later",
    "a week after the arrest", "since", "Since then", "within days", "for several days since", "Monday",
    "on Tuesday morning", "last week", "this weekend", "yesterday", "today", "between", "and", "to", "from",
    "the night of", "mid-", "early", "late", "spring", "in 2016", "Published", "MOSCOW,", "–", "(", ")",
]
ACT_WORDS = [
    "police", "detained", "was held by police for several hours", "pelted him with eggs", "set on fire",
    "whereabouts unknown", "banners labelling", "as supporters of terrorism", "searched", "confiscated",
    "killed", "abducted", "threatened", "not", "no one", "called on", "to investigate", "if", "would",
    "said", "Joint Mobile Group", "JMG", "the group", "Kalyapin", "Igor Kalyapin", "the head of Chechnya,",
    "Grozny", "in central Grozny", "unknown men", "“", "”", "'s", "they", "She", "He",
]
SEPARATORS = [" ", " ", " ", ", ", ". ", "; ", "\n", "\n\n", "\r\n", "\t", "…", "\u2028"]

any_text = st.text(st.characters(exclude_categories=()), max_size=400)
wordy_text = st.lists(
    st.one_of(st.sampled_from(DATE_WORDS), st.sampled_from(ACT_WORDS), st.text(max_size=6)),
    min_size=1,
    max_size=60,
).flatmap(
    lambda words: st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)).map(
        lambda seps: "".join(word + sep for word, sep in zip(words, seps, strict=True))
    )
)


def source_of(text: str) -> SourceText:
    try:
        return read_text(text)
    except InputEmpty:
        assume(False)
        raise  # unreachable: assume(False) stops the example


def check(source: SourceText, result: Extraction) -> None:
    text = source.text
    assert result.document.chars == len(text)
    for incident in result.incidents:
        start, end = incident.evidence_span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == incident.evidence
        assert incident.acts
        assert 0.0 <= incident.confidence <= 1.0
        for fact in incident.facts:
            assert text[fact.span[0] : fact.span[1]] == fact.text
    errors = list(VALIDATOR.iter_errors(json.loads(to_json([result]))))
    assert not errors, [error.message for error in errors[:5]]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_any_unicode_extracts_without_raising(text: str) -> None:
    # The English engine is forced so every script reaches it; language choice is tested below.
    source = source_of(text)
    check(source, extract_source(source, published=dt.date(2014, 12, 17), lang="en"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_a_language_without_a_module_is_a_clean_refusal(text: str) -> None:
    """Detection may pick a language Chronika cannot read yet: a one-line user error, never a crash."""
    source = source_of(text)
    try:
        result = extract_source(source, published=dt.date(2014, 12, 17))
    except UnsupportedLanguage as error:
        assert error.one_line().startswith("error [E110]")
        return
    check(source, result)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=wordy_text, published=st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_date_and_act_words_in_any_order_extract_without_raising(text: str, published: dt.date) -> None:
    source = source_of(text)
    check(source, extract_source(source, published=published, lang="en"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=wordy_text)
@example(text="On 2019-02-30 police detained Anna Petrova.")
def test_without_a_document_date_any_words_extract_without_raising(text: str) -> None:
    source = source_of(text)
    check(source, extract_source(source, today=dt.date(2024, 1, 3), lang="en"))


def test_only_blank_text_is_refused() -> None:
    for blank in ["", " ", "\n\n\t", "\ufeff", "\x00\x01"]:
        try:
            read_text(blank)
        except InputEmpty:
            continue
        raise AssertionError(f"{blank!r} was accepted")
