"""The fast paths of actor and place reading give exactly what their plain versions give.

Each shortcut (a name looked up with ``str.find``, mentions found by bisection, memoised phrase
scans, the possessive ending stripped without a regex) is checked against the straightforward code
it replaced, on generated texts full of the edge cases: names inside longer words, names next to
digits, underscores and non-Latin letters, overlapping repeats, unsorted mentions.
"""

from __future__ import annotations

import random
import re

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
