"""Which acts an English sentence states, read through ``find_triggers`` on single sentences.

Each case is a fresh sentence in the way reports phrase things; the expected value is the set of
act types the sentence asserts (an empty set: it asserts none).
"""

from __future__ import annotations

import pytest

from chronika.extract.en.triggers import find_triggers


def acts(sentence: str) -> set[str]:
    (found,) = find_triggers(sentence, [(0, len(sentence))])
    return {t.act.value for t in found}


# -- threats made inside another occasion ---------------------------------------------------------

THREATS = [
    'Two officers called on her father and told him that his daughter would "disappear like the others".',
    "The inspector told us that we would “regret every word” if the article came out.",
    'After the questioning she was told by a detective that she could "easily join her brother in jail".',
    'The guard told her to "stop writing letters or stop eating".',
    "At the door the officer advised him to “remember he has a family”.",
    'They shouted, "You will confess or you will never walk again."',
    "A stranger stopped me and said: 'We know where your sister studies, we shall visit her too.'",
]


@pytest.mark.parametrize("sentence", THREATS)
def test_words_of_menace_quoted_to_a_victim_are_a_threat(sentence: str) -> None:
    assert "threat" in acts(sentence)


def test_a_label_announced_as_a_consequence_is_a_threat_not_a_smear() -> None:
    sentence = 'The commander warned that she would be "treated as a traitor" if she kept filming.'
    assert acts(sentence) == {"threat"}


@pytest.mark.parametrize(
    "sentence",
    [
        'The minister told reporters that the hearing would "resume next month".',
        "The spokesman said the new rules will be published on Friday.",
    ],
)
def test_an_announcement_to_the_press_is_not_a_threat(sentence: str) -> None:
    assert "threat" not in acts(sentence)


# -- telegraphic styles: table cells, logs and briefs ------------------------------------------------

TELEGRAPHIC = [
    ("Four calls from withheld numbers telling her to close the clinic", {"threat"}),
    ("Mobile internet services suspended in the district for two days", {"restriction_of_expression"}),
    ("Criminal case registered against him for 'hooliganism' after the rally", {"judicial_harassment"}),
    ("Body found with stab wounds near the river bank", {"killing"}),
    ("Taken from his dormitory before dawn by men in uniform", {"arbitrary_detention"}),
]


@pytest.mark.parametrize(("sentence", "expected"), TELEGRAPHIC)
def test_acts_in_telegraphic_notes(sentence: str, expected: set[str]) -> None:
    assert acts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["The student is out on pre-arrest bail.", "Five previously disappeared men were named."],
)
def test_words_that_only_describe_are_not_acts(sentence: str) -> None:
    assert acts(sentence) == set()


# -- precision: statistics, questions and conditions assert no occasion ----------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Since the fighting broke out in the valley in March, more than 300 people have been killed.",
        "Since 2019, over forty journalists have been detained in the province.",
        "• 45,000 people displaced across the two districts since 2 February (cumulative)",
        "Q: When were you arrested for the first time?",
        "If the appeal court upholds the verdict, she will return to prison.",
    ],
)
def test_statistics_questions_and_conditions_are_not_occasions(sentence: str) -> None:
    assert acts(sentence) == set()


def test_a_year_is_not_a_count() -> None:
    assert acts("Access to the news site has been blocked since March 2021.") == {"restriction_of_expression"}


def test_whipping_is_an_assault() -> None:
    assert acts("Guards whipped the prisoners with a belt in the yard.") == {"torture_ill_treatment"}


# -- more ways reports phrase acts ---------------------------------------------------------------------

PHRASINGS = [
    ('A week later her brother got a message from a hidden number: "You\'re next, traitor."', "threat"),
    ("The mayor has received anonymous calls every night since the vote.", "threat"),
    ('Two policemen told her that if the interviews went on, she would "lose the flat too".', "threat"),
    ("A grey van was parked for three nights on the lane opposite her gate.", "surveillance"),
    ("A man in a cap was photographing people arriving at the meeting hall.", "surveillance"),
    ("The tribunal gave the blogger 12 years of imprisonment for treason.", "judicial_harassment"),
    ("Her appeal was rejected on 3 June.", "judicial_harassment"),
    ("In March, prosecutors charged six members of the union, among them its head, with fraud.",
     "judicial_harassment"),
    ("A complaint was filed at the station against 40 villagers for trespass.", "judicial_harassment"),
    ("Mobile data was switched off across the province from noon.", "restriction_of_expression"),
    ("The ministry closed the teachers' association by decree.", "restriction_of_expression"),
    ("The lecturer was fired yesterday by the rector for signing the letter.", "other"),
    ("He was expelled from Kazan State University for his posts.", "other"),
    ("One reporter had her camera taken by an officer at the gate.", "seizure"),
    ("Officers pushed the lawyer to the ground and kicked him.", "physical_attack"),
    ("Police held me at the station for five hours without a lawyer.", "arbitrary_detention"),
    ("He was stopped by armed men at a checkpoint and taken away.", "enforced_disappearance"),
]


@pytest.mark.parametrize(("sentence", "act"), PHRASINGS)
def test_more_phrasings(sentence: str, act: str) -> None:
    assert act in acts(sentence)


def test_an_age_beside_a_name_is_not_a_count() -> None:
    assert acts("Timur Sadykov, 34, a trader who had lived in Kazan since 2015, was detained on Monday.") == {
        "arbitrary_detention"
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("- To the regional prosecutor: investigate the beating of detainees in Kavumu.", set()),
        ("To the Ministry of the Interior: release the three students and return their phones.", set()),
        ("To our surprise, police detained the three students at the gate.", {"arbitrary_detention"}),
        ("Arrest of the editor.", set()),
        ("Hacking of the union's channel.", set()),
        ("Police arrested the editor.", {"arbitrary_detention"}),
        ("Arrest of the editor at his home by six officers on Monday morning.", {"arbitrary_detention"}),
    ],
)
def test_addressed_recommendations_and_item_labels_assert_nothing(sentence: str, expected: set[str]) -> None:
    assert acts(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Since Monday a car without plates has been parked outside her house.", {"surveillance"}),
        ("Men with no insignia detained the lawyer at the gate of the court.", {"arbitrary_detention"}),
        ("He walked out of the station without being detained.", set()),
        ("No one was detained at the picket.", set()),
    ],
)
def test_without_plates_describes_the_agents_and_negates_nothing(sentence: str, expected: set[str]) -> None:
    assert acts(sentence) == expected


def test_blows_before_being_loaded_onto_trucks_are_ill_treatment_in_custody() -> None:
    sentence = "The students were kicked and struck with rifle butts before being loaded onto trucks."
    assert acts(sentence) == {"torture_ill_treatment"}
