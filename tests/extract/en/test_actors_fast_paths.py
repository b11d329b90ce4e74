"""The fast paths of actor and place reading give exactly what their plain versions give.

Each shortcut (a name looked up with ``str.find``, mentions found by bisection, memoised phrase
scans, the possessive ending stripped without a regex) is checked against the straightforward code
it replaced, on generated texts full of the edge cases: names inside longer words, names next to
digits, underscores and non-Latin letters, overlapping repeats, unsorted mentions.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from chronika.extract.en import actors, places
from chronika.extract.en.actors import Cast, Mention
from chronika.model import ActorKind

_PIECES = ["Sre Ambel", "Ambel", "Sre", " ", "  ", "\n", ",", ".", "-", "_", "é", "Ж", "7", "in ", "at ", "x",
           "'s", "’s"]  # fmt: skip


def _texts(seed: int, count: int = 300) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40))) for _ in range(count)]


@pytest.mark.parametrize("name", ["Sre Ambel", "Ambel", "Sre", "Sre Sre", "a", "é"])
def test_whole_word_starts_equal_a_regex_scan(name: str) -> None:
    for text in _texts(1):
        plain = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
        assert actors._whole_word_starts(text, name) == plain, (text, name)


def test_whole_word_starts_of_overlapping_repeats() -> None:
    text = "Sre Sre Sre Sre, Sre Sre_Sre Sre"
    plain = [m.start() for m in re.finditer(r"(?<!\w)Sre Sre(?!\w)", text)]
    assert actors._whole_word_starts(text, "Sre Sre") == plain


def test_only_after_locatives_still_reads_the_preposition() -> None:
    assert actors.only_after_locatives("They met in Sre Ambel and later at Sre Ambel.", "Sre Ambel")
    assert not actors.only_after_locatives("In Sre Ambel, Sre Ambel spoke.", "Sre Ambel")
    assert not actors.only_after_locatives("Nobody is named here.", "Sre Ambel")


def _plain_between(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if start <= m.start and m.end <= end]


def _plain_last_person_before(mentions: list[Mention], offset: int) -> Mention | None:
    found = None
    for mention in mentions:
        if mention.start >= offset:
            break
        if mention.kind is ActorKind.PERSON:
            found = mention
    return found


@pytest.mark.parametrize("ordered", [True, False])
def test_between_and_last_person_equal_linear_scans(ordered: bool) -> None:
    rng = random.Random(7)
    for _ in range(200):
        mentions = []
        for _ in range(rng.randint(0, 15)):
            start = rng.randint(0, 60)
            kind = rng.choice([ActorKind.PERSON, ActorKind.ORGANISATION])
            mentions.append(Mention(start, start + rng.randint(0, 12), "x", "x", kind))
        if ordered:
            mentions.sort(key=lambda m: m.start)
        cast = Cast(mentions=mentions)
        for _ in range(20):
            start = rng.randint(-2, 70)
            end = start + rng.randint(-3, 40)
            assert cast.between(start, end) == _plain_between(mentions, start, end)
            assert cast.last_person_before(start) is _plain_last_person_before(mentions, start)


def test_between_follows_mentions_added_later() -> None:
    cast = Cast(mentions=[Mention(0, 4, "Anna", "Anna", ActorKind.PERSON)])
    assert [m.name for m in cast.between(0, 50)] == ["Anna"]
    cast.mentions.append(Mention(10, 14, "Boris", "Boris", ActorKind.PERSON))
    assert [m.name for m in cast.between(0, 50)] == ["Anna", "Boris"]
    cast.mentions = [Mention(20, 24, "Vera", "Vera", ActorKind.PERSON)]
    assert [m.name for m in cast.between(0, 50)] == ["Vera"]


def test_phrases_equal_a_plain_scan_and_are_read_once() -> None:
    text = (
        "Masked men detained the journalist near his home. Two unidentified officers beat three activists, "
        "and riot police dispersed the crowd while local residents watched. Nothing else happened."
    )
    cast = Cast()
    for pattern in (actors._AGENT_PHRASE, actors._VICTIM_PHRASE):
        for start in range(0, len(text), 7):
            for end in range(start, len(text) + 1, 11):
                plain = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]
                fast = cast.phrases(pattern, text, start, end)
                assert [(m.start(), m.end(), m.group()) for m in fast] == plain
    assert cast.phrases(actors._AGENT_PHRASE, text, 0, 50) is cast.phrases(actors._AGENT_PHRASE, text, 0, 50)


@pytest.mark.parametrize("strip", [actors._strip_possessive, places._strip_possessive])
def test_strip_possessive_equals_the_regex(strip: object) -> None:
    assert callable(strip)
    for name in ["Kadyrov's", "Kadyrov’s", "Boris", "s", "'s", "Mass", "Chess's\n", "x's\nz", "", "Is"]:
        assert strip(name) == re.sub(r"['’]s$", "", name), name


def test_adjacent_fast_path_equals_the_plain_rule() -> None:
    def plain(text: str, end: int, start: int) -> bool:
        gap = text[end:start]
        return gap in (" ", "-", "\u00a0") or (gap.strip() == "" and "\n" not in gap and len(gap) <= 2)

    text = "a b-c\u00a0d\te  f\ng,h.i\u2003j"
    for end in range(len(text)):
        for start in range(end, min(len(text), end + 4) + 1):
            assert actors._adjacent(text, end, start) == plain(text, end, start), (end, start)


def test_roles_asked_twice_give_the_same_fresh_answer() -> None:
    text = "Police officers detained the journalist Anna Petrova in Kazan. Masked men beat her brother."
    cast = actors.build_cast(text, lambda name: None)
    for sentence, word in (((0, 62), "detained"), ((63, len(text)), "beat")):
        trigger = (text.index(word), text.index(word) + len(word))
        first = actors.roles(text, cast, sentence, trigger)
        plain = actors._roles(text, cast, sentence, trigger, False, False)
        first.victims.append(("someone else", 0, 0))  # a caller's change reaches no later answer
        second = actors.roles(text, cast, sentence, trigger)
        assert second == plain
        assert second.perpetrators and second.victims


@pytest.mark.parametrize(
    "group",
    [
        "(?:a|b)",  # a one-letter branch: nothing to regroup after its letter
        "(?:p?x|a)",  # the first letter is optional
        "(?:police|Police)",  # the same letter in two cases: order would matter under IGNORECASE
        "(?:\\w+ian|men)",  # a branch that does not start with a letter
        "(?:a)|(?:b)",  # not one group
        "plain words",
    ],
)
def test_by_first_letter_leaves_what_it_cannot_regroup(group: str) -> None:
    assert actors._by_first_letter(group) == group


def test_by_first_letter_keeps_the_order_of_preference() -> None:
    group = "(?:abc|ab|ba|b[|)]c|ac(?:x|y)?)"
    regrouped = actors._by_first_letter(group)
    assert regrouped == "(?:a(?:bc|b|c(?:x|y)?)|b(?:a|[|)]c))"
    for text in ["abc", "ab", "ba", "b|c", "b)c", "acx", "ac", "ABC", "xabcx"]:
        for flags in (0, re.IGNORECASE):
            plain = [m.span() for m in re.finditer(group, text, flags)]
            assert [m.span() for m in re.finditer(regrouped, text, flags)] == plain


_SOUP = (
    "Police police POLICE officers armed masked unknown men in uniform on motorcycles the court judge of "
    "a group of at least 12 local journalists human rights defenders residents of the village relatives "
    "security forces law enforcement officers head of the republic pro-government websites Russian "
    "soldiers riot police detained interrogators his wife her brother opposition members and or then "
    "Kazakh activists migration officials, unidentified, plainclothes agents staff members of the NGO"
).split()


def test_regrouped_phrases_equal_the_written_ones() -> None:
    rng = random.Random(11)
    texts = [
        " ".join(rng.choice(_SOUP) + rng.choice(["", "", ",", ".", "'s"]) for _ in range(rng.randint(1, 40)))
        for _ in range(400)
    ]
    samples = Path(actors.__file__).resolve().parents[2] / "samples"
    texts += [path.read_text(encoding="utf-8") for path in sorted(samples.glob("*.txt"))]
    pairs = (
        (actors._AGENT_PHRASE, actors._AGENT_PHRASE_PLAIN),
        (actors._VICTIM_PHRASE, actors._VICTIM_PHRASE_PLAIN),
    )
    for fast, plain in pairs:
        assert fast.pattern != plain.pattern  # the regrouping did happen
        for text in texts:
            windows = [(0, len(text))] + [(s, min(len(text), s + 160)) for s in range(0, len(text), 53)]
            for start, end in windows:
                expected = [(m.span(), m.group()) for m in plain.finditer(text, start, end)]
                assert [(m.span(), m.group()) for m in fast.finditer(text, start, end)] == expected


# Whole-text scans whose opening "\b" is said after the first letter, against the patterns as first written.
_WORD_PIECES = [
    *(
        "I",
        "me",
        "my",
        "My",
        "MY",
        "Mr",
        "name",
        " name is ",
        "My name is ",
        "Tamar ",
        "Ali",
        "al",
        "el",
        "ash",
    ),
    *(
        "bin",
        "abu",
        "-",
        "-A",
        "-a",
        "_",
        "é",
        "Ж",
        "7",
        " ",
        "\n",
        ".",
        ",",
        "’",
        "'",
        "x",
        "am",
        "him",
        "Amy",
    ),
]
_AS_WRITTEN = {
    "_FIRST_PERSON": re.compile(r"\b(?:I|me|my|My)\b"),
    "_MY_NAME": re.compile(r"\b(?:My|my)\s+name\s+is\s+((?:[A-Z][\w'’\-]+(?:\s+|(?=[.,;])))+)"),
    "_PARTICLE_IN_TEXT": re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ibn|abu|bou)-[A-Z]"),
}


def _word_texts(seed: int, count: int = 2000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_WORD_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def test_rewritten_whole_text_scans_equal_the_patterns_as_written() -> None:
    texts = _word_texts(7) + [
        p.read_text(encoding="utf-8") for p in sorted(Path("corpus/tune").glob("*.txt"))
    ]
    texts += [
        "My name is Tamar Ali.",
        "my name is Tamar",
        "Amy name is Tamar",
        "I, me, my; My. xI Imy",
        "al-Ali",
    ]
    for text in texts:
        assert actors._FIRST_PERSON.findall(text) == _AS_WRITTEN["_FIRST_PERSON"].findall(text), text
        plain = _AS_WRITTEN["_MY_NAME"].search(text)
        fast = actors._MY_NAME.search(text)
        assert (fast and (fast.span(), fast.groups())) == (plain and (plain.span(), plain.groups())), text
        # only whether the text holds such a name is asked of it
        assert bool(actors._PARTICLE_IN_TEXT.search(text)) == bool(
            _AS_WRITTEN["_PARTICLE_IN_TEXT"].search(text)
        )
    assert sum(bool(actors._PARTICLE_IN_TEXT.search(t)) for t in texts) > 10  # the check is not vacuous
    assert sum(bool(actors._MY_NAME.search(t)) for t in texts) >= 5
