"""The capitalised runs that names are read from, checked against a plain token-by-token reading.

``actors._runs`` is on the hot path of every extraction and was rewritten for speed; this keeps it
equal, on any text, to the straightforward reading it replaced.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from chronika.extract.en import actors


def reference_runs(text: str) -> list[tuple[int, int, list[str]]]:
    tokens = [(m.start(), m.end(), m.group()) for m in actors._TOKEN.finditer(text)]
    runs: list[tuple[int, int, list[str]]] = []
    index = 0
    while index < len(tokens):
        if not actors._capitalised(tokens[index][2]):
            index += 1
            continue
        words = [tokens[index][2]]
        last = index
        probe = index + 1
        while probe < len(tokens) and actors._adjacent(text, tokens[probe - 1][1], tokens[probe][0]):
            word = tokens[probe][2]
            if actors._capitalised(word):
                words.append(word)
                last = probe
            elif (
                word in ("'", "’")
                and tokens[probe - 1][1] == tokens[probe][0]
                and words[-1].endswith("s")
                and probe + 1 < len(tokens)
                and (len(words) >= 2 or tokens[probe + 1][2].casefold() in actors.ORG_HEADS)
                and actors._capitalised(tokens[probe + 1][2])
                and actors._adjacent(text, tokens[probe][1], tokens[probe + 1][0])
            ):
                words[-1] += word
            elif not (
                word.lower() in actors.CONNECTORS
                and word.lower() != "and"
                and probe + 1 < len(tokens)
                and actors._capitalised(tokens[probe + 1][2])
                and actors._adjacent(text, tokens[probe][1], tokens[probe + 1][0])
            ):
                break
            else:
                words.append(word)
            probe += 1
        runs.append((tokens[index][0], tokens[last][1], words))
        index = last + 1
    return runs


WORDS = [
    "The", "Committee", "against", "Torture", "of", "the", "and", "Joint", "Mobile", "Group", "(JMG)",
    "Ramzan", "Kadyrov", "O'Brien", "al-Hassan", "de", "la", "Ünal", "İstanbul", "police", "5Km", "_Abc",
    "U.S.", "Dr.", "“Memorial”", "—", ",", ".", "(", ")", "é", "x", "Farmers", "'", "’", "Union", "al-Harbi",
]  # fmt: skip
GAPS = [" ", " ", "", "-", "\u00a0", "  ", "\n", " \n ", "\t"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), max_size=40))
    return "".join(word + gap for word, gap in parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(texts(), st.text(max_size=80)))
@example(text="Members of the Committee against Torture and Joint Mobile Group met")
@example(text="")
@example(text="the Free Farmers' Union and Kenya's Farmers' Union met Huda al-Harbi")
def test_runs_equal_the_plain_reading(text: str) -> None:
    expected = reference_runs(text)
    assert actors._read_runs(text) == expected
    assert actors._runs(text) == expected
    assert actors._runs(text) == expected  # kept from the call before
