"""DateSpan: an honest interval of days, validated however it is built (in code or from JSON)."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronika.model import DateSpan, Precision

DAY = dt.date(2014, 12, 13)


def span(start: str, end: str | None, precision: Precision = Precision.RANGE) -> DateSpan:
    return DateSpan(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end) if end else None,
                    precision=precision)


def test_a_span_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match=r"ends .* before it starts"):
        span("2014-12-13", "2014-12-12")


@pytest.mark.parametrize("end", ["2014-12-13", "2014-12-20", None])
def test_a_span_may_be_one_day_longer_or_open(end: str | None) -> None:
    assert span("2014-12-13", end).start == DAY


def test_day_builds_a_one_day_span_with_its_words() -> None:
    assert DateSpan.day(DAY, "On 13 December") == DateSpan(start=DAY, end=DAY, precision=Precision.DAY,
                                                           text="On 13 December")


def test_spans_are_frozen() -> None:
    with pytest.raises(AttributeError):
        DateSpan.day(DAY).start = dt.date(2015, 1, 1)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (("2014-12-13", "2014-12-13"), ("2014-12-13", "2014-12-13"), True),
        (("2014-12-01", "2014-12-31"), ("2014-12-13", "2014-12-13"), True),
        (("2014-12-01", "2014-12-12"), ("2014-12-13", "2014-12-13"), False),
        (("2014-12-01", None), ("2020-01-01", "2020-01-01"), True),  # an open end reaches forward
        (("2014-12-14", None), ("2014-12-13", "2014-12-13"), False),  # but not back
    ],
)
def test_overlaps_is_symmetric_and_treats_an_open_end_as_unbounded(
    a: tuple[str, str | None], b: tuple[str, str | None], expected: bool
) -> None:
    first, second = span(*a), span(*b)
    assert first.overlaps(second) is expected
    assert second.overlaps(first) is expected


def test_an_open_span_sorts_after_a_closed_one_from_the_same_day() -> None:
    closed, open_ = span("2014-12-13", "2014-12-20"), span("2014-12-13", None)
    assert sorted([open_, closed], key=DateSpan.sort_key) == [closed, open_]
    assert closed.same_interval(span("2014-12-13", "2014-12-20", Precision.DAY))
    assert not closed.same_interval(open_)


# -- JSON -------------------------------------------------------------------------------------------


def test_json_uses_iso_dates_and_precision_names() -> None:
    encoded = msgspec.json.encode(span("2014-12-11", None))
    expected = {"start": "2014-12-11", "end": None, "precision": "range", "text": ""}
    assert msgspec.json.decode(encoded) == expected


@given(
    start=st.dates(),
    length=st.one_of(st.none(), st.integers(0, 4000)),
    precision=st.sampled_from(Precision),
    text=st.text(max_size=40),
)
def test_json_round_trip(start: dt.date, length: int | None, precision: Precision, text: str) -> None:
    end = None if length is None else start + dt.timedelta(days=min(length, (dt.date.max - start).days))
    original = DateSpan(start=start, end=end, precision=precision, text=text)
    assert msgspec.json.decode(msgspec.json.encode(original), type=DateSpan) == original


@pytest.mark.parametrize(
    ("payload", "complaint"),
    [
        (b'{"start":"2014-12-13","end":"2014-12-01","precision":"day"}', "before it starts"),
        (b'{"start":"2014-12-13","end":null,"precision":"week"}', "precision"),
        (b'{"start":"2014-02-30","end":null,"precision":"day"}', "start"),
        (b'{"start":"13.12.2014","end":null,"precision":"day"}', "start"),
        (b'{"end":null,"precision":"day"}', "start"),
    ],
)
def test_decoding_validates_like_construction(payload: bytes, complaint: str) -> None:
    with pytest.raises(msgspec.ValidationError, match=complaint):
        msgspec.json.decode(payload, type=DateSpan)
