"""Who did what to whom in an English report (chronika.extract.en.actors), one rule per test."""

from __future__ import annotations

import datetime as dt

import pytest

from chronika.extract import extract_text
from chronika.extract.en import actors
from chronika.model import Incident

PUBLISHED = dt.date(2024, 5, 20)


def first(text: str) -> Incident:
    incidents = extract_text(text, published=PUBLISHED).incidents
    assert incidents, text
    return incidents[0]


def test_an_organisation_introduced_with_its_acronym_is_named_by_the_acronym() -> None:
    text = (
        "The Steppe Legal Clinic (SLC) said that on 3 May, police searched the SLC office in Aktobe "
        "and seized its computers."
    )
    assert first(text).victims == ["SLC"]


def test_words_before_an_acronym_s_expansion_are_not_part_of_the_name() -> None:
    text = "On 3 May, Kazakh National Security Committee (NSC) officers detained the blogger Arman Seitov."
    assert first(text).perpetrators == ["NSC"]


def test_the_agents_of_an_organisation_are_the_organisation() -> None:
    text = (
        "On 3 May, fighters of the Eastern Liberation Front (ELF) abducted two nurses near Bunia. "
        "The ELF has held the road since March."
    )
    assert first(text).perpetrators == ["ELF"]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("On 12 May, border guards seize the passport of the lawyer Pavel Lis.", "border guards"),
        ("On 3 May, police search the homes of two reporters in Sukhumi.", "police"),
    ],
)
def test_the_subject_of_a_verb_in_the_present_is_its_agent(text: str, agent: str) -> None:
    assert first(text).perpetrators == [agent]


def test_a_year_before_the_agent_is_not_part_of_its_name() -> None:
    text = "In March 2023 police searched the flat of the journalist Olga Petrenko in Lviv."
    assert first(text).perpetrators == ["police"]


def test_an_agent_noun_keeps_the_words_that_say_which_agents() -> None:
    text = "On 3 May, migration officers confiscated the passport of the poet Sardor Umarov."
    assert first(text).perpetrators == ["migration officers"]


def test_an_agent_named_elsewhere_in_the_sentence_is_the_agent() -> None:
    text = "On 3 May, in a ruling the defence called absurd, a magistrate fined the activist Ruslan Beketov."
    assert first(text).perpetrators == ["magistrate"]


def test_unidentified_attackers_are_unknown() -> None:
    text = "On 3 May, unidentified men beat the reporter Aslan Dzhabrailov outside his home in Nazran."
    assert first(text).perpetrators == ["unknown"]


def test_a_victim_s_relatives_are_named_by_him() -> None:
    text = "On 3 May, police detained relatives of the blogger Timur Aliev in Derbent."
    assert first(text).victims == ["relatives of Timur Aliev"]


def test_a_name_in_apposition_is_the_victim_not_the_noun_before_it() -> None:
    text = "On 3 May, police detained her younger brother, Timur Aliev, at a checkpoint near Derbent."
    assert first(text).victims == ["Timur Aliev"]


def test_houses_are_not_victims_but_their_owners_are() -> None:
    text = "On 3 May, soldiers burned the homes of two herders near Kidal."
    assert first(text).victims == ["two herders"]


def test_the_team_members_of_the_organisation_in_focus_are_the_organisation() -> None:
    text = (
        "The Delta Field Observers Network (DFON) monitors evictions. "
        "On 3 May, police detained the team members near Warri."
    )
    assert first(text).victims == ["DFON"]


def test_my_in_a_first_person_account_is_its_narrator() -> None:
    text = (
        "My name is Gulnara. I sell vegetables at the market. "
        "I have two sons and my husband drives a bus.\n\n"
        "On 3 May, officers searched my flat and took my phone."
    )
    assert first(text).victims == ["Gulnara"]


def test_i_as_the_subject_of_a_passive_verb_is_the_narrator() -> None:
    text = (
        "Testimony of Dilnoza Karimova, a nurse from Fergana. I have worked at the clinic for ten years "
        "and my patients know me.\n\nOn 3 May, I was detained by police outside the clinic."
    )
    assert first(text).victims == ["Dilnoza Karimova"]


def test_his_possessions_make_him_the_victim() -> None:
    text = "Rustam Nazarov is a lawyer in Osh. On 3 May, police searched his office and seized his laptop."
    assert first(text).victims == ["Rustam Nazarov"]


def test_men_marked_out_by_their_dress_keep_it() -> None:
    text = "On 3 May, men in camouflage uniforms abducted the farmer Ilyas Bekov from his field near Argun."
    assert first(text).perpetrators == ["men in camouflage uniforms"]


def test_the_subject_of_died_is_the_victim() -> None:
    text = "On 3 May, the blogger Zaur Gadzhiev died in custody in Makhachkala."
    incident = first(text)
    assert incident.victims == ["Zaur Gadzhiev"]
    assert "Zaur Gadzhiev" not in incident.perpetrators


def test_a_crowd_of_victims_is_not_an_agent() -> None:
    text = "On 3 May, at least 40 people were detained near the square in Almaty."
    assert first(text).perpetrators == ["unknown"]


def test_the_occasion_s_agent_is_named_once_not_restated_by_its_officers() -> None:
    text = (
        "On 3 May, the Federal Security Service (FSB) searched the flat of the lawyer Emil Kurbedinov "
        "in Simferopol. Officers seized his phone."
    )
    assert first(text).perpetrators == ["FSB"]


def test_both_sides_of_an_armed_clash_are_its_parties() -> None:
    text = (
        "On 3 May, fighting broke out between the Northern Defence Army (NDA) and the Hill Brigade "
        "(HB) near Pauk."
    )
    incident = first(text)
    assert "armed_clash" in incident.acts
    assert set(incident.perpetrators) >= {"NDA"}


def test_her_father_is_the_father_of_the_woman_last_named() -> None:
    text = (
        "Aigerim Sultanova is a reporter in Shymkent. "
        "On 3 May, police detained her father outside his shop."
    )
    assert first(text).victims == ["father of Aigerim Sultanova"]


def test_an_expansion_split_at_and_still_names_the_organisation() -> None:
    text = (
        "The Truth and Justice Centre (TJC) documents abuses. "
        "On 3 May, police searched the offices of Justice Centre staff in Osh."
    )
    assert "TJC" in first(text).victims


def test_a_heading_in_capitals_is_not_a_person() -> None:
    text = "RECENT CASES\n\nOn 3 May, police detained the student Malika Yusupova in Andijan."
    assert first(text).victims == ["Malika Yusupova"]


def test_a_member_of_a_force_makes_the_force_the_agent() -> None:
    text = "On 3 May, the student Ilya Orlov was beaten by a member of the security forces in Minsk."
    assert first(text).perpetrators == ["security forces"]


def test_the_head_of_a_republic_is_an_agent() -> None:
    text = 'On 3 May, the head of the republic called the activist Zarema Musaeva "a traitor" on television.'
    assert first(text).perpetrators == ["head of the republic"]


def test_a_label_given_to_the_victim_is_not_its_author() -> None:
    text = (
        "The Steppe Legal Clinic (SLC) reported that on 4 May a march in Aktobe carried banners "
        "labelling the SLC as supporters of terrorism."
    )
    incident = first(text)
    assert incident.victims == ["SLC"]
    assert all(not name.lower().startswith("as ") for name in incident.perpetrators), incident.perpetrators


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("On 3 May, six police officers searched the flat of the poet Dana Esenova in Taraz.", "police"),
        ("On 3 May, about twenty border guards detained the fisher Rustam Oripov.", "border guards"),
        ("On 3 May, 3,000 riot policemen dispersed the march of the Green Steppe movement.", "riot police"),
        ("On 3 May, two men on a motorbike shot dead the editor Jorge Paredes.", "two men on a motorbike"),
    ],
)
def test_how_many_agents_there_were_is_not_their_name_except_for_a_few_men(text: str, agent: str) -> None:
    assert first(text).perpetrators == [agent]


@pytest.mark.parametrize(
    ("text", "agent", "victims"),
    [
        (
            "On 3 May, the blogger Timur Sadykov, who writes about the port, received messages from unknown "
            "numbers threatening to kill him.",
            "unknown",
            ["Timur Sadykov"],
        ),
        (
            "On 3 May, Aliya Nurova, director of the Free Voice Centre, received a death threat from police "
            "officers at the station.",
            "police",
            ["Aliya Nurova"],
        ),
        (
            "Kemal Aras says that on 3 May his elderly parents received calls threatening the family.",
            "unknown",
            ["parents of Kemal Aras"],
        ),
    ],
)
def test_who_received_a_threat_is_its_victim_and_the_sender_its_agent(
    text: str, agent: str, victims: list[str]
) -> None:
    incident = first(text)
    assert (incident.perpetrators, incident.victims) == ([agent], victims)


@pytest.mark.parametrize(
    ("text", "court"),
    [
        ("On 3 May, a Tashkent court sentenced the blogger Olim Rakhimov to five years.", "Tashkent court"),
        ("On 3 May, the Zarechny district court fined the poet Vera Lanskaya.", "Zarechny district court"),
        ("On 3 May, a court in the town of Oktyabrsk fined the poet Vera Lanskaya.", "court in Oktyabrsk"),
        ("On 3 May, a magistrate's court in Ruwa convicted the teacher Farai Dube.", "magistrate's court"),
        ("On 3 May, the Central Military Court in Omsk sentenced Ivan Gorev.", "Central Military Court"),
    ],
)
def test_a_court_is_named_by_its_place_or_name(text: str, court: str) -> None:
    assert first(text).perpetrators == [court]


def test_a_court_keeps_no_sentence_opening_word_as_its_name() -> None:
    text = "Yesterday a court in Ruwa fined the teacher Farai Dube for holding a meeting on 3 May."
    assert first(text).perpetrators == ["court in Ruwa"]


def test_a_surname_behind_a_particle_is_part_of_the_name() -> None:
    text = "On 3 May, a court in Jeddah sentenced Huda al-Qahtani, a poet, to ten years in prison."
    assert first(text).victims == ["Huda al-Qahtani"]


def test_a_plural_possessive_inside_a_name_keeps_the_name_whole() -> None:
    text = "On 3 May, police searched the office of the Free Farmers' Union in Kisumu."
    assert first(text).victims == ["Free Farmers' Union"]


def test_a_one_word_plural_possessive_does_not_join_the_next_word_to_it() -> None:
    runs = [words for _, _, words in actors._read_runs("Honduras' Pacific coast and the Free Farmers' Union")]
    assert runs == [["Honduras"], ["Pacific"], ["Free", "Farmers'", "Union"]]


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        (
            "On 3 May, Oleg Sarkisov, who runs the Aral Water Project, was detained by police in Nukus.",
            ["Oleg Sarkisov"],
        ),
        (
            "On 3 May, Rosa Quispe, president of the Andean Weavers Union, was arrested by police in Puno.",
            ["Rosa Quispe"],
        ),
    ],
)
def test_the_words_about_a_passive_subject_are_not_victims(text: str, victims: list[str]) -> None:
    assert first(text).victims == victims


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Lena Orlova writes for the Kama Post. On 3 May her car was set on fire in Perm.", ["Lena Orlova"]),
        (
            "The Kama Rights Centre documents torture in Perm. On 3 May its website was taken offline "
            "by a denial-of-service attack.",
            ["Kama Rights Centre"],
        ),
    ],
)
def test_the_owner_of_a_thing_that_was_hit_is_the_victim(text: str, victims: list[str]) -> None:
    assert first(text).victims == victims


def test_an_outlet_that_was_hit_is_not_the_agent() -> None:
    text = "The Kama Rights Centre documents torture in Perm. On 3 May its website was hacked."
    assert first(text).perpetrators == ["unknown"]


def test_a_lone_proper_name_after_by_is_the_agent() -> None:
    text = "On 3 May, the news site Tuva Online was blocked by Gosnadzor without a court order."
    assert first(text).perpetrators == ["Gosnadzor"]


def test_a_name_that_posted_on_its_own_page_is_not_a_victim() -> None:
    text = "On 3 May, the deputy Pavel Lomov published on his page a list branding ten activists traitors."
    assert "Pavel Lomov" not in first(text).victims


def test_a_word_of_a_name_that_is_also_a_little_word_still_ends_it() -> None:
    text = "On 3 May, officers of the Ministry of State Security detained the poet Li Wen in Kunming."
    assert first(text).perpetrators == ["Ministry of State Security"]


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("On 3 May, police in Oral detained 14 teachers outside the school.", ["14 teachers"]),
        ("On 3 May, a court in Oral fined 9 of the participants for the picket.", ["9 of the participants"]),
        (
            "On 3 May, police in Minsk detained more than 1,200 participants of the march.",
            ["more than 1,200 participants of the march"],
        ),
        ("On 3 May, guards beat several inmates of the colony in Orsha.", ["several inmates of the colony"]),
    ],
)
def test_groups_of_people_are_victims(text: str, victims: list[str]) -> None:
    assert first(text).victims == victims


def test_a_district_named_with_its_city_s_possessive_is_not_a_person() -> None:
    text = "On 3 May, police detained the poet Ayla Kaya as she walked through Istanbul's Besiktas district."
    assert first(text).victims == ["Ayla Kaya"]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "On 3 May, the minister for youth policy, Oleg Vasin, called the blogger Rita Kim a spy.",
            "Oleg Vasin",
        ),
        (
            "Rita Kim edits the Aral Post. On 3 May, a Member of Parliament from the ruling party, "
            "Mr Levan Gelashvili, called Rita Kim a foreign agent.",
            "Levan Gelashvili",
        ),
    ],
)
def test_an_official_named_after_the_role_is_the_agent(text: str, agent: str) -> None:
    assert first(text).perpetrators == [agent]


def test_the_people_a_court_sentenced_are_not_named_as_the_court() -> None:
    text = "On 3 May, a court in Oral sentenced Ivan Orlov, Pavel Lis and two other activists to prison."
    assert first(text).perpetrators == ["court in Oral"]


def test_officers_of_a_named_body_are_that_body() -> None:
    text = (
        "The Ural Rights Group documents arrests in Bashkortostan. On 3 May, officers of the Centre for "
        "Combating Extremism detained the imam Rustam Aliev, a member of the Ural Rights Group, in Ufa."
    )
    assert first(text).perpetrators == ["Centre for Combating Extremism"]


def test_a_district_commissioner_is_an_agent() -> None:
    text = "On 3 May, the district commissioner called the herder Lemayan Saitoti a foreign agent."
    assert first(text).perpetrators == ["district commissioner"]


@pytest.mark.parametrize(
    "intro",
    [
        "The Lake Rights Centre recorded this testimony in Gulu from Akello (not her real name), 41.",
        "The following testimony was given to the Lake Rights Centre by Okello P., 33, a driver from Gulu.",
    ],
)
def test_the_witness_an_introduction_names_is_the_narrator(intro: str) -> None:
    text = intro + '\n\n"On 3 May, two soldiers stopped me at a checkpoint and beat me with sticks."'
    narrator = "Akello" if "Akello" in intro else "Okello P"
    assert first(text).victims == [narrator]


def test_a_blog_heading_is_not_the_organisation_the_report_is_about() -> None:
    text = (
        "Blog of Vesna Ilic, reporter, Nis\n\nI write for the portal Danube Herald. On 3 May our website "
        "was taken offline by a denial-of-service attack."
    )
    assert first(text).victims == ["Danube Herald"]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May, riot police dispersed a rally against the new mine in Oyu with tear gas.",
        "On 3 May, police broke up the sit-in outside the governor's office in Oyu.",
    ],
)
def test_those_at_a_dispersed_gathering_are_protesters(text: str) -> None:
    assert first(text).victims == ["protesters"]


def test_named_people_at_a_dispersed_gathering_are_the_victims() -> None:
    text = "On 3 May, police dispersed a picket by the teacher Aigul Serikova outside the akimat in Oral."
    assert first(text).victims == ["Aigul Serikova"]
