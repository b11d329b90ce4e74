"""Incidents and extractions survive a trip through JSON unchanged: later layers store and reload them."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from chronika.model import (
    Act,
    Anchor,
    AnchorOrigin,
    DateSpan,
    Extraction,
    Fact,
    Incident,
    SourceDocument,
    sort_acts,
)

TEXT = "On 14 December 2014, police searched the flat and confiscated laptops."


def incident() -> Incident:
    return Incident(
        id="i1",
        date=DateSpan.day(dt.date(2014, 12, 14), "14 December 2014"),
        acts=[Act.RAID_SEARCH, Act.SEIZURE],
        perpetrators=["police"],
        victims=["Joint Mobile Group"],
        location="Grozny",
        evidence=TEXT,
        evidence_span=(0, len(TEXT)),
        confidence=0.87,
        facts=[Fact(field="act", value="raid_search", text="searched", span=(27, 35))],
    )


def extraction() -> Extraction:
    document = SourceDocument(
        path="report.txt",
        language="en",
        anchor=Anchor(date=dt.date(2014, 12, 17), origin=AnchorOrigin.DATELINE, text="17 December 2014"),
        sha256="0" * 64,
        chars=len(TEXT),
    )
    return Extraction(document=document, incidents=[incident()])


def as_json(value: object) -> dict[str, object]:
    decoded: dict[str, object] = msgspec.json.decode(msgspec.json.encode(value))
    return decoded


def test_an_extraction_round_trips_through_json() -> None:
    original = extraction()
    assert msgspec.json.decode(msgspec.json.encode(original), type=Extraction) == original


def test_the_anchor_origin_is_written_as_from() -> None:
    document = as_json(extraction())["document"]
    assert isinstance(document, dict)
    assert document["anchor"] == {"date": "2014-12-17", "from": "dateline", "text": "17 December 2014"}


def test_incidents_serialise_in_contract_shape() -> None:
    payload = as_json(incident())
    assert payload["acts"] == ["raid_search", "seizure"]
    assert payload["evidence_span"] == [0, len(TEXT)]
    assert payload["date"] == {"start": "2014-12-14", "end": "2014-12-14", "precision": "day",
                               "text": "14 December 2014"}


def test_an_unknown_act_is_refused_on_decoding() -> None:
    payload = as_json(incident())
    payload["acts"] = ["raid_search", "harassment"]
    with pytest.raises(msgspec.ValidationError, match="acts"):
        msgspec.convert(payload, type=Incident)


def test_sort_acts_gives_one_order_for_one_set() -> None:
    assert sort_acts({Act.SEIZURE, Act.RAID_SEARCH, Act.ARBITRARY_DETENTION}) == sort_acts(
        [Act.RAID_SEARCH, Act.ARBITRARY_DETENTION, Act.SEIZURE]
    )
    assert sort_acts([Act.OTHER, Act.KILLING, Act.KILLING]) == [Act.KILLING, Act.OTHER]
