"""Where an English report says an act happened (chronika.extract.en.places and the pipeline's choice)."""

from __future__ import annotations

import datetime as dt

import pytest

from chronika.extract import extract_text
from chronika.extract.en import places
from chronika.extract.en.actors import build_cast
from chronika.extract.gazetteer import default_gazetteer

PUBLISHED = dt.date(2024, 3, 20)


def _loci(text: str) -> list[tuple[str, int]]:
    gazetteer = default_gazetteer()
    cast = build_cast(text, gazetteer.lookup)
    return [(locus.text, locus.strength) for locus in places.find(text, cast, gazetteer)]


def _location(text: str) -> str | None:
    incidents = extract_text(text, published=PUBLISHED).incidents
    assert incidents, text
    return incidents[0].location


def test_a_destination_is_not_a_scene() -> None:
    text = (
        "On 3 March, police detained the poet Anvar Ilyasov at the airport in Tashkent "
        "before his flight to Vienna."
    )
    assert ("Vienna", 2) not in _loci(text)
    assert _location(text) == "Tashkent"


def test_a_home_town_is_only_a_hint() -> None:
    assert ("Samarkand", 1) in _loci("A teacher from Samarkand wrote to us.")


def test_a_court_named_after_its_town_places_the_act_there() -> None:
    assert _location("On 4 March the Khujand City Court fined the blogger Dilshod Rakhimov.") == "Khujand"


def test_the_town_after_of_wins_over_a_district_named_like_a_town() -> None:
    text = "On 4 March the Leninsky District Court of Saratov fined the activist Oleg Vasin."
    assert _location(text) == "Saratov"


def test_a_settlement_unknown_to_the_gazetteer_is_read_from_its_cue() -> None:
    text = "On 4 March, soldiers burned twelve houses in the village of Ngoma Kati and detained two farmers."
    assert _location(text) == "Ngoma Kati"


def test_a_name_only_ever_after_locatives_is_a_place_not_a_person() -> None:
    text = (
        "On 4 March, police detained three fishermen in Kampong Prey. "
        "The men were released near Kampong Prey."
    )
    incident = extract_text(text, published=PUBLISHED).incidents[0]
    assert incident.location == "Kampong Prey"
    assert "Kampong Prey" not in incident.victims


@pytest.mark.parametrize("word", ["Chechen", "Uzbek", "Kurdish"])
def test_a_language_is_not_a_place(word: str) -> None:
    assert not [name for name, _ in _loci(f"She received messages in {word} every night.")]


def test_a_metro_station_is_not_a_settlement() -> None:
    assert not _loci("Police detained 30 people near Oktyabrskaya metro station.")


def test_places_named_together_give_the_country_that_holds_them() -> None:
    text = "On 4 March, police searched the offices of four newspapers in Tbilisi and Kutaisi."
    assert _location(text) == "Georgia"


def test_a_dateline_in_capitals_reads_as_the_place_name() -> None:
    text = "BISHKEK, 20 March 2024 - Police detained the journalist Aida Samatova on Monday."
    incidents = extract_text(text).incidents
    assert incidents[0].location == "Bishkek"


def test_a_sentence_without_a_place_takes_its_paragraph_s() -> None:
    text = (
        "Monitors arrived in Osh in early March. "
        "On 4 March, officers beat two market traders with batons.\n\n"
        "On 6 March, a court elsewhere fined a lawyer."
    )
    incidents = extract_text(text, published=PUBLISHED).incidents
    assert incidents[0].location == "Osh"


def test_a_threat_by_message_takes_no_place_from_its_paragraph() -> None:
    text = (
        "Monitors arrived in Osh in early March. "
        "On 4 March, the blogger Aidai Tolonova received messages threatening to kill her."
    )
    assert extract_text(text, published=PUBLISHED).incidents[0].location is None
