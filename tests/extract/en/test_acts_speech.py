"""How English reports phrase the acts of speech and civic life: threats, smears, restrictions of
expression and movement, attacks on accounts, and the other sanctions of the vocabulary.

Read through ``find_triggers`` on single sentences, as the engine reads them. Every sentence is
fresh; each family has its negative cases, the phrasings it must leave alone.
"""

from __future__ import annotations

import pytest

from chronika.extract.en.triggers import find_triggers


def triggers(sentence: str) -> list[tuple[str, str]]:
    (found,) = find_triggers(sentence, [(0, len(sentence))])
    return [(t.act.value, sentence[t.start : t.end]) for t in found]


def acts(sentence: str) -> set[str]:
    return {act for act, _ in triggers(sentence)}


# -- threats: a price set on the hearer's conduct ------------------------------------------------------

CONDITIONAL_MENACES = [
    'The desk sergeant told him it "might be healthier" for his family if he stopped visiting the morgue.',
    "She said that if I went to the newspaper again, my husband's pension would be cancelled.",
    "On the call the man told Rustam that his nephew would keep his job if he sent the list of donors.",
    'The captain warned that she would be "dealt with as a spy" if she continued posting videos.',
    "A woman phoned and said that if we ever spoke about the fire, the school would close our son's place.",
]


@pytest.mark.parametrize("sentence", CONDITIONAL_MENACES)
def test_a_price_set_on_the_hearers_conduct_is_a_threat(sentence: str) -> None:
    assert "threat" in acts(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor said the march will go ahead if the weather holds.",
        "Her lawyer told reporters the appeal would be heard in May if the clerk confirmed the date.",
        "The minister said that if the bill passes, the agency will gain new powers.",
    ],
)
def test_a_forecast_with_a_condition_is_not_a_threat(sentence: str) -> None:
    assert "threat" not in acts(sentence)


def test_the_menace_starts_at_its_own_verb_not_at_the_reporters() -> None:
    sentence = (
        "The teacher said a police officer had phoned her on Friday and warned that she would be "
        '"treated as an enemy" if she kept talking to parents.'
    )
    found = triggers(sentence)
    assert [act for act, _ in found] == ["threat"]
    assert "Friday" not in found[0][1]  # the date stays outside the act's words, free to date it


FATES_FOR_WHOEVER = [
    "The commander said anyone who hid a soldier would be shot with his family.",
    'The officer told her that mothers who "talk to foreign radios" could "lose their children too".',
    "Fighters told the villagers that whoever opened a shop on Friday will answer for it.",
]


@pytest.mark.parametrize("sentence", FATES_FOR_WHOEVER)
def test_a_fate_announced_for_whoever_defies_is_a_threat(sentence: str) -> None:
    assert "threat" in acts(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor said anyone who lost a house would receive compensation.",
        "The ministry said those who registered before June will be allowed to return.",
    ],
)
def test_a_promise_to_whoever_qualifies_is_not_a_threat(sentence: str) -> None:
    assert "threat" not in acts(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Since May he has had calls from unknown numbers claiming to be from the prosecutor's office, "
        "warning him to drop the complaint.",
        "Her two sisters were questioned twice and told to persuade her to stop the broadcasts.",
        'The officers kept telling his father that his son will be "sent where no one finds him".',
    ],
)
def test_warnings_passed_through_calls_and_relatives_are_threats(sentence: str) -> None:
    assert "threat" in acts(sentence)


# -- smears: a quoted label must be pinned on people -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        'The air force says it only bombs "terrorist positions" near the border.',
        'He said she had met "foreigners" at the conference.',
    ],
)
def test_a_quote_that_labels_no_one_is_not_a_smear(sentence: str) -> None:
    assert "smear_campaign" not in acts(sentence)


def test_a_quoted_label_in_a_statement_is_still_a_smear() -> None:
    assert "smear_campaign" in acts('The deputy said the monitors were "foreign agents" paid to lie.')


EXPOSURES = [
    "In March an anonymous channel published what it said was the activist's real name and workplace.",
    'A weekly printed the three editors\' portraits under the headline "Hired pens of the enemy".',
    'Posters reading "Spy" and "Sold out" were glued to the door of the clinic overnight.',
    "The account posted photographs of her flat and her car, asking followers to 'visit'.",
    'On Monday the station labelled the two organisers as "paid provocateurs".',
]


@pytest.mark.parametrize("sentence", EXPOSURES)
def test_exposing_and_labelling_people_in_public_is_a_smear(sentence: str) -> None:
    assert "smear_campaign" in acts(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry has published neither names nor figures for the dead.",
        'The judge said this was "a matter for the appeal court".',
        'Her lawyer called the charges "a tool to silence critics".',
        'An officer told her that "insults are not a criminal matter".',
    ],
)
def test_comments_on_things_and_refusals_to_publish_are_not_smears(sentence: str) -> None:
    assert "smear_campaign" not in acts(sentence)


def test_accusing_someone_of_a_quoted_charge_is_the_charge_not_a_smear() -> None:
    sentence = 'The request accused him of "financing an extremist community".'
    assert acts(sentence) == {"judicial_harassment"}


def test_a_habit_of_the_one_described_does_not_make_the_act_habitual() -> None:
    sentence = "A channel that regularly attacks critics published her home address on Monday."
    assert "smear_campaign" in acts(sentence)
    assert acts("The channel regularly publishes the home addresses of critics.") == set()
