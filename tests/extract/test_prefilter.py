"""The prefiltered scan gives exactly what a plain ``finditer`` gives, for the engine's patterns and others.

The fast path must never drop, add or change a match: an act or a date lost there would silently
disappear from a chronicle. Equivalence is checked on the engine's own patterns over report-like
sentences, the tuning corpus and generated texts built from the patterns' stems, and on randomly
generated patterns (lookarounds, lazy and nested repeats, alternations, word boundaries) over texts
with long whitespace runs, long tokens and characters outside the Basic Multilingual Plane.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import chronika.extract.en
from chronika.extract import prefilter
from chronika.extract.en import actors, dates, modality, triggers

ROOT = Path(__file__).resolve().parents[2]
# What the engine scans over the lower-cased document...
ENGLISH = [
    *triggers._LOWER.values(),
    triggers._NOT_ACTS_LOWER,
    *(regex for regex, _ in dates._COMPILED),
]
# ... and over the text as written (case-insensitive twins, sentence checks, roles).
ENGLISH_ANY_CASE = [
    *triggers._ANY_CASE.values(),
    triggers._NOT_ACTS_ANY_CASE,
    *(regex for regex, _ in dates._COMPILED_ANY_CASE),
    *(
        value
        for module in (triggers, modality, actors, dates, chronika.extract.en)
        for value in vars(module).values()
        if isinstance(value, re.Pattern)
    ),
]
STEMS = sorted(
    {
        literal
        for p in ENGLISH
        if (how := prefilter.plan(p))
        for _, _, group in how.groups
        for literal in group
    }
)

# Fresh sentences in the styles the engine reads; not taken from any report.
SENTENCES = [
    "On 3 March 2021, officers detained the journalist outside her flat and held her for six hours.",
    "Between 10 and 12 May, masked men searched the offices of the group and seized two laptops.",
    "The following day, he was charged with “extremism”, and on Tuesday morning a court fined him.",
    "Police raided the homes of five activists on the night of 4 to 5 June 2019; nobody was arrested.",
    "In late April, the website was blocked and the newspaper labelled as a “foreign agent”.",
    "He has been held incommunicado since 14 February, and his whereabouts remain unknown.",
    "A week after the arrest, unknown men set fire to his car; two days later they threatened his wife.",
    "The authorities called on the police to investigate the attack, which took place on 2020-11-07.",
    "Residents fled their homes when the village was shelled in mid-2018 and again in early 2019.",
    "(Grozny, 13.12.2014) — The lawyer was beaten in custody, his relatives said yesterday.",
    "Since January,\n\nthe  organisation  has   been   under   surveillance;\tits staff were followed.",
    "Dec. 13: the trial opened.  Jan 5 - 7 2022: hearings.   From March to May, fighting went on.",
    "Thousands were displaced; at least 600 people detained in the quarter, so far this year.",
    "Earlier that day she was summoned for questioning; later that evening, she was released.",
]
TUNE_TEXTS = sorted((ROOT / "corpus" / "tune").glob("*.txt"))


def plain(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> list[object]:
    end = len(text) if endpos is None else endpos
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos, end)]


def fast(
    scanner: prefilter.Scanner, pattern: re.Pattern[str], pos: int = 0, endpos: int | None = None
) -> list[object]:
    return [(m.span(), m.groups()) for m in scanner.finditer(pattern, pos, endpos)]


def assert_same(patterns: list[re.Pattern[str]], text: str, pos: int = 0, endpos: int | None = None) -> None:
    declared = prefilter.Scanner(text, patterns)
    undeclared = prefilter.Scanner(text)  # stems looked up one by one
    for pattern in patterns:
        expected = plain(pattern, text, pos, endpos)
        assert fast(declared, pattern, pos, endpos) == expected, pattern.pattern[:80]
        assert fast(undeclared, pattern, pos, endpos) == expected, pattern.pattern[:80]
        first = pattern.search(text, pos, len(text) if endpos is None else endpos)
        found = prefilter.search(pattern, text, pos, endpos)
        assert (found and (found.span(), found.groups())) == (first and (first.span(), first.groups()))
        assert prefilter.may_match(pattern, text, pos, endpos) or first is None


def test_the_engine_patterns_are_prefiltered() -> None:
    """Nearly every pattern gets stems; if this falls, extraction has quietly become slow again."""
    planned = [p for p in ENGLISH if prefilter.plan(p) is not None]
    assert len(planned) >= 0.9 * len(ENGLISH)
    assert not any(how.folded for p in planned if (how := prefilter.plan(p)))
    folded = [how for p in ENGLISH_ANY_CASE if (how := prefilter.plan(p))]
    assert len(folded) >= 0.8 * len(ENGLISH_ANY_CASE)
    assert all(how.folded for how in folded if how.folded)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_report_sentences(sentence: str) -> None:
    for text in (sentence, sentence.lower(), " ".join(SENTENCES).lower()):
        assert_same(ENGLISH, text)
    assert_same(ENGLISH_ANY_CASE, sentence)
    assert_same(ENGLISH_ANY_CASE, sentence.upper())


@pytest.mark.parametrize("path", TUNE_TEXTS, ids=lambda p: p.name)
def test_tuning_corpus(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert_same(ENGLISH, text.lower())
    middle = len(text) // 3
    assert_same(ENGLISH, text.lower(), middle, 2 * middle)  # a sentence rescanned alone: pos and endpos
    assert_same(ENGLISH_ANY_CASE, text)


PIECES = [
    *STEMS,
    "detained", "Detained", "police", "the", "of", "on", "in", "by", "13", "2014", "31st", "may", "May",
    "march", "monday", "“", "”", "«", '"', "'", ",", ".", ";", ":", "-", "–", "(", ")", "|", "x" * 70,
    "naïve", "𝔸𝔹", "Ünïcødé", "ΣΊΣΥΦΟΣ", "İstanbul",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", "", "  ", "\n", "\n\n", "\t", "\u00a0", " " * 40, "\r\n", "-"]


@st.composite
def report_like(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(PIECES), min_size=0, max_size=60))
    out = []
    for word in words:
        out.append(word)
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=report_like(), lower=st.booleans(), bounds=st.tuples(st.integers(0, 400), st.integers(0, 400)))
@example(text="since  \n\n  early   march", lower=True, bounds=(0, 0))
def test_generated_report_text(text: str, lower: bool, bounds: tuple[int, int]) -> None:
    text = text.lower() if lower else text
    assert_same(ENGLISH, text)
    pos, endpos = sorted(bounds)
    assert_same(ENGLISH, text, pos, endpos)
    assert_same(ENGLISH_ANY_CASE, text, pos, endpos)


# -- any pattern --------------------------------------------------------------------------------

CHUNKS = ["a", "b", "c", "ab", "abc", " ", " " * 9, "\n", "\n\n", "-", "-\n-", "\u00a0", "é", "𝔸", "c" * 9]


def _atoms() -> st.SearchStrategy[str]:
    return st.sampled_from(
        ["a", "b", "ab", "ba", "c", "abc", " ", r"\s", r"\S", r"\w", r"\W", r"\d", ".", "[ab]", "[^a]",
         "[a-c]", r"[\s-]", r"\b", r"\B", "$", "^", "é", "𝔸", r"\n", "-", r"(?<=a)", r"(?<!b)", r"[é-]"]
    )  # fmt: skip


def _regex(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    quantifiers = st.sampled_from(
        ["*", "+", "?", "{0,3}", "{1,2}", "{2}", "*?", "+?", "??", "{0,4}?", "*+", "++"]
    )
    return st.one_of(
        st.lists(children, min_size=2, max_size=4).map("".join),
        st.lists(children, min_size=2, max_size=3).map(lambda parts: "(?:" + "|".join(parts) + ")"),
        st.tuples(children, quantifiers).map(lambda t: f"(?:{t[0]}){t[1]}"),
        children.map(lambda r: f"(?={r})"),
        children.map(lambda r: f"(?!{r})"),
        children.map(lambda r: f"({r})"),
        children.map(lambda r: f"(?>{r})"),
        children.map(lambda r: f"(?i:{r})"),
    )


_ANY_REGEX = st.recursive(_atoms(), _regex, max_leaves=10)
# Most random patterns have no stem; these always do, with random context on either side.
_STEMMED_REGEX = st.tuples(
    _ANY_REGEX, st.sampled_from(["ab", "abc", "b a", "ca", "(?:ab|ba)"]), _ANY_REGEX
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    regex=st.one_of(_ANY_REGEX, _STEMMED_REGEX, _STEMMED_REGEX),
    text=st.lists(st.sampled_from(CHUNKS), max_size=40).map("".join),
    bounds=st.tuples(st.integers(0, 130), st.integers(0, 130)),
)
@example(regex=r"(?:a\s+){1,3}b", text="a  a    a b", bounds=(0, 0))
@example(regex=r"\bab\b", text="ab abab ab", bounds=(3, 5))
@example(regex=r"(?:\S+\s+){0,3}?abc(?=\s*-)", text="x y z abc - a abc", bounds=(0, 0))
@example(regex=r"ab(?=\s*c)", text="ab       c", bounds=(0, 0))  # looking ahead reaches further
@example(regex=r"ab(?!\s*c)", text="ab       c", bounds=(0, 0))
@example(regex=r"a[\s-]+b", text="a -\n-\n-\n-\n-\n- b", bounds=(0, 0))  # a run across lines
@example(regex=r"a.+b", text="a" + "c" * 30 + " " * 30 + "b", bounds=(0, 0))
@example(regex=r"ab$", text="ab\nc", bounds=(0, 0))  # "$" looks two characters on
@example(regex=r"(?:a|bbb)cc", text="acc bbbcc", bounds=(0, 0))  # the stem's offset depends on the branch
@example(regex=r"(?<=a)bc", text="abc", bounds=(0, 0))  # looking behind takes no room
@example(regex=r"(?i:ab)c", text="ABc AbC", bounds=(0, 0))
@example(regex=r"ABc", text="abc ABC", bounds=(0, 0))  # folded stems are lower-cased
@example(regex=r"(?!ab)c", text="c ab", bounds=(0, 0))  # what must not follow is no stem
@example(regex=r"(?i)s(?-i:c)", text="ſc Sc sC", bounds=(0, 0))  # "ſ" matches "s" ignoring case
@example(regex=r"(?i)abc", text="İ ABC", bounds=(0, 0))  # "İ" lower-cases to two characters
def test_any_pattern(regex: str, text: str, bounds: tuple[int, int]) -> None:
    try:
        patterns = [re.compile(regex), re.compile(regex, re.IGNORECASE)]
    except re.error:
        return
    assert_same(patterns, text)
    pos, endpos = sorted(bounds)
    assert_same(patterns, text, pos, endpos)


def test_unbounded_patterns_fall_back_to_a_full_scan() -> None:
    assert prefilter.plan(re.compile(r"(a)b\1")) is None  # a back-reference
    assert prefilter.plan(re.compile(r"é", re.IGNORECASE)) is None  # no ASCII stem to fold
    assert prefilter.plan(re.compile(r"a|\d")) is None  # an alternative without a stem
    assert prefilter.plan(re.compile(r"(?:ab)?")) is None  # may match nothing
    text = "ab aB Ab ab1 2"
    for regex in (r"(a)b\1", r"(?i:é)", r"a|\d", r"(?:ab)?c?"):
        assert_same([re.compile(regex)], text)


def test_word_characters_are_never_whitespace() -> None:
    """The widths assume ``\\w`` and ``\\d`` runs sit inside runs of non-whitespace."""
    word = re.compile(r"[\w\d]")
    assert not [c for c in map(chr, range(0x110000)) if c.isspace() and word.match(c)]


def test_folding_finds_every_case_insensitive_ascii_match() -> None:
    """What ``fold`` relies on: a character that matches an ASCII character ignoring case lower-cases
    to it, except the few that ``fold`` refuses ("ı", "ſ", and "İ", which lower-cases to two)."""
    ascii_any_case = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    for char in map(chr, range(0x110000)):
        if ascii_any_case.fullmatch(char) and prefilter.fold(char) is not None:
            matched = [c for c in map(chr, range(128)) if re.fullmatch(re.escape(c), char, re.IGNORECASE)]
            assert matched and all(c.lower() == char.lower() for c in matched), hex(ord(char))
    for refused in ("ı", "ſ", "İ"):
        assert prefilter.fold(f"x{refused}y") is None


# -- long alternations, part by part --------------------------------------------------------------

ALTERNATIONS = [
    *triggers._LOWER_PARTS.values(),
    triggers._NOT_ACTS_LOWER_PARTS,
]
ALTERNATIONS_ANY_CASE = [*triggers._ANY_CASE_PARTS.values(), triggers._NOT_ACTS_ANY_CASE_PARTS]


def assert_same_alternatives(
    alternations: list[prefilter.Alternation], text: str, pos: int = 0, endpos: int | None = None
) -> None:
    """Part by part, each alternation finds exactly the spans its whole pattern finds."""
    scanned = [p for a in alternations for p in a.split().parts]
    declared = prefilter.Scanner(text, scanned)
    undeclared = prefilter.Scanner(text)
    end = len(text) if endpos is None else endpos
    for alternation in alternations:
        expected = [m.span() for m in alternation.whole.finditer(text, pos, end)]
        for scanner in (declared, undeclared):
            found = [m.span() for m in scanner.alternatives(alternation, pos, endpos)]
            assert found == expected, alternation.whole.pattern[:80]


def test_the_engine_alternations_are_split() -> None:
    """Every act list is scanned phrasing by phrasing; if this falls, the act scan is slow again."""
    for alternation in [*ALTERNATIONS, *ALTERNATIONS_ANY_CASE]:
        split = alternation.split()
        assert len(split.parts) > 1 and not split.unplanned


@pytest.mark.parametrize("sentence", SENTENCES)
def test_alternations_on_report_sentences(sentence: str) -> None:
    for text in (sentence.lower(), " ".join(SENTENCES).lower()):
        assert_same_alternatives(ALTERNATIONS, text)
    assert_same_alternatives(ALTERNATIONS_ANY_CASE, sentence)
    assert_same_alternatives(ALTERNATIONS_ANY_CASE, "İ " + sentence.upper())  # not folded: scanned whole


@pytest.mark.parametrize("path", TUNE_TEXTS, ids=lambda p: p.name)
def test_alternations_on_the_tuning_corpus(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert_same_alternatives(ALTERNATIONS, text.lower())
    middle = len(text) // 3
    assert_same_alternatives(ALTERNATIONS, text.lower(), middle, 2 * middle)
    assert_same_alternatives(ALTERNATIONS_ANY_CASE, text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=report_like(), bounds=st.tuples(st.integers(0, 400), st.integers(0, 400)))
def test_alternations_on_generated_report_text(text: str, bounds: tuple[int, int]) -> None:
    pos, endpos = sorted(bounds)
    assert_same_alternatives(ALTERNATIONS, text.lower())
    assert_same_alternatives(ALTERNATIONS, text.lower(), pos, endpos)
    assert_same_alternatives(ALTERNATIONS_ANY_CASE, text, pos, endpos)


_ASSERTIONS = st.sampled_from(["", r"\b", r"(?<!\w)", r"(?<=\s)", r"(?!a)", r"(?=\w)", r"^", r"\B(?!c)"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    alternatives=st.lists(st.one_of(_ANY_REGEX, _STEMMED_REGEX, _STEMMED_REGEX), min_size=1, max_size=5),
    prefix=_ASSERTIONS,
    suffix=_ASSERTIONS,
    ignore_case=st.booleans(),
    text=st.lists(st.sampled_from(CHUNKS), max_size=40).map("".join),
    bounds=st.tuples(st.integers(0, 130), st.integers(0, 130)),
)
@example(
    alternatives=["ab|a", "abc"], prefix="", suffix=r"\b", ignore_case=False, text="abc ab", bounds=(0, 0)
)
@example(alternatives=["a", "ab"], prefix="", suffix="", ignore_case=False, text="ab", bounds=(0, 0))
@example(alternatives=["(?:b|ab)c", "a"], prefix="", suffix="", ignore_case=False, text="abc", bounds=(0, 0))
@example(
    alternatives=["[|]a|b", r"\|"], prefix="", suffix="", ignore_case=False, text="|a b |", bounds=(0, 0)
)
def test_any_alternation(
    alternatives: list[str], prefix: str, suffix: str, ignore_case: bool, text: str, bounds: tuple[int, int]
) -> None:
    """The first part matching at the leftmost place is what the whole alternation takes there."""
    try:
        alternation = prefilter.Alternation(alternatives, prefix, suffix, re.IGNORECASE if ignore_case else 0)
        alternation.split()
    except re.error:
        return
    if any(prefilter._may_be_empty(part) for part in alternation.split().parts):
        return  # (not split: scanned whole)
    pos, endpos = sorted(bounds)
    assert_same_alternatives([alternation], text)
    assert_same_alternatives([alternation], text, pos, endpos)


def test_split_alternatives_reads_groups_classes_and_escapes() -> None:
    split = prefilter.split_alternatives
    assert split(r"a|(?:b|c)d|e") == ["a", "(?:b|c)d", "e"]
    assert split(r"(?:a|(?:b|c))") == ["a", "b", "c"]  # a lone group is opened
    assert split(r"(?:a|b)?") == ["(?:a|b)?"]  # not when it is repeated
    assert split(r"(?-i:a|b)") == ["(?-i:a|b)"]  # nor when it sets flags
    assert split(r"[|]x|[^]|]y|\|z|[\]|]w") == ["[|]x", "[^]|]y", r"\|z", r"[\]|]w"]
    assert split(r"(a|b)|c") == ["(a|b)", "c"]


def test_a_prefix_that_takes_characters_is_not_split() -> None:
    """ "x(?:a|ab)" tries "a" and "ab" after each way "x" can match; its parts would not."""
    assert prefilter.Alternation(["a", "b"], r"x+").split().parts == ()
    assert prefilter.Alternation(["a", "b"], r"(?<!\w)", r"\b").split().parts != ()
    alternation = prefilter.Alternation(["a", "a+b"], r"\w*?")
    text = "aab ab"
    assert [m.span() for m in prefilter.Scanner(text).alternatives(alternation)] == [
        m.span() for m in alternation.whole.finditer(text)
    ]
