"""The pipeline end to end on short texts: which acts a sentence reports, what is not an incident,
how sentences group into occasions, and how a document's short forms resolve to names.

Each case is a sentence or two in the way reports phrase things, run through the public
``extract_text``. Cases the engine gets wrong today are strict xfails with the reason, so they are
listed in every test run and turn into failures the moment they are fixed (and must be unmarked).
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest

from chronika.extract import extract_text
from chronika.model import Act, Extraction, Incident

PUBLISHED = dt.date(2019, 6, 1)
ON = "On 12 May 2019, "  # every act case happens on this day
SAMPLE_TEXT = (resources.files("chronika") / "samples" / "grozny-2014.txt").read_text(encoding="utf-8")


def extract(text: str, published: dt.date = PUBLISHED) -> Extraction:
    return extract_text(text, published=published)


def only(text: str, published: dt.date = PUBLISHED) -> Incident:
    result = extract(text, published)
    assert len(result.incidents) == 1, [(i.date, i.acts, i.evidence) for i in result.incidents]
    return result.incidents[0]


def gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# -- acts: one phrasing per act type, and the phrasings the issue names --------------------------

ACTS = [
    (ON + "soldiers shot dead the farmer Ivan Sokolov near his home in Nalchik.", {"killing"}),
    (ON + "Ivan Sokolov died in police custody in Kazan.", {"killing"}),
    (ON + "Anna Petrova was abducted by unknown men in Kazan.", {"enforced_disappearance"}),
    (ON + "Ivan Sokolov was taken away by men in uniform; his whereabouts are unknown.",
     {"enforced_disappearance"}),
    (ON + "police detained the activist Anna Petrova in Kazan.", {"arbitrary_detention"}),
    (ON + "Anna Petrova was detained by police in Kazan.", {"arbitrary_detention"}),
    ("The detention of Anna Petrova on 12 May 2019 drew protests.", {"arbitrary_detention"}),
    (ON + "the journalists Ivan Sokolov and Oleg Lebedev were held by police for several hours.",
     {"arbitrary_detention"}),
    (ON + "officers tortured Ivan Sokolov with electric shocks at the police station in Kazan.",
     {"torture_ill_treatment"}),
    (ON + "unknown men beat Ivan Sokolov outside his home in Kazan.", {"physical_attack"}),
    (ON + "during a lecture in Kazan, several men shouted insults at Ivan Sokolov and pelted him "
     "with eggs.", {"physical_attack"}),
    (ON + "two soldiers raped a woman at a checkpoint near Nalchik.", {"sexual_violence"}),
    (ON + "Anna Petrova received death threats by phone.", {"threat"}),
    (ON + "Anna Petrova was followed by two men in plain clothes.", {"surveillance"}),
    (ON + "security officers placed Anna Petrova under surveillance.", {"surveillance"}),
    (ON + "police searched the home of Anna Petrova in Kazan.", {"raid_search"}),
    (ON + "officers confiscated the laptops and phones of the Kazan Rights Centre.", {"seizure"}),
    (ON + "the office of the Kazan Rights Centre was set on fire.", {"property_destruction"}),
    (ON + "bulldozers demolished the homes of twelve families in Ulus.", {"property_destruction"}),
    (ON + "the authorities evicted forty families from the village of Ulus.", {"forced_displacement"}),
    (ON + "the authorities deported Anna Petrova to Kazakhstan.", {"forced_displacement"}),
    (ON + "banners labelling the Kazan Rights Centre as supporters of terrorism appeared at a rally "
     "in Kazan.", {"smear_campaign"}),
    (ON + "the state broadcaster called Anna Petrova a foreign agent.", {"smear_campaign"}),
    (ON + "the head of the republic, Pavel Sorokin, accused Anna Petrova of helping insurgents.",
     {"smear_campaign"}),
    (ON + "Anna Petrova was charged with extremism.", {"judicial_harassment"}),
    (ON + "prosecutors opened a criminal case against Anna Petrova.", {"judicial_harassment"}),
    (ON + "the investigators charged Anna Petrova with fraud.", {"judicial_harassment"}),
    (ON + "a court fined Anna Petrova for organising an unauthorised picket.", {"judicial_harassment"}),
    (ON + "border guards barred Anna Petrova from leaving the country at Kazan airport.",
     {"restriction_of_movement"}),
    (ON + "police dispersed a peaceful rally in Kazan.", {"restriction_of_expression"}),
    (ON + "the authorities blocked the website of the Kazan Rights Centre.",
     {"restriction_of_expression"}),
    (ON + "the Ministry of Justice ordered the closure of the Kazan Rights Centre.",
     {"restriction_of_expression"}),
    (ON + "unknown hackers took over the Facebook account of the Kazan Rights Centre.",
     {"cyber_attack"}),
    (ON + "the Kazan Rights Centre's website was hit by a DDoS attack.", {"cyber_attack"}),
    (ON + "fighting broke out between government forces and rebels near Nalchik.", {"armed_clash"}),
    (ON + "armed clashes erupted between the army and rebels near Nalchik.", {"armed_clash"}),
    (ON + "the authorities stripped Anna Petrova of her citizenship.", {"other"}),
    pytest.param(ON + "two men in plain clothes followed Anna Petrova from her office to her home in Kazan.",
                 {"surveillance"}),
    (ON + "police held Ivan Sokolov and Oleg Lebedev for several hours.", {"arbitrary_detention"}),
    pytest.param(ON + "armed men in uniform took Anna Petrova from her home in Nalchik.",
                 {"enforced_disappearance"},
                 marks=gap("'took X from her home' is missed unless 'whereabouts' follows")),
    pytest.param(ON + "the government forces and the rebels fought for hours near Nalchik.",
                 {"armed_clash"}, marks=gap("the verb 'fought' is not read as an armed clash")),
]


@pytest.mark.parametrize(("text", "acts"), ACTS, ids=lambda value: value if isinstance(value, str) else None)
def test_the_act_a_sentence_reports(text: str, acts: set[str]) -> None:
    incident = only(text)
    assert {act.value for act in incident.acts} == acts
    assert incident.date is not None
    assert incident.date.start == dt.date(2019, 5, 12) or "2019" not in text


# -- what did not happen is not an incident ------------------------------------------------------

NOT_INCIDENTS = [
    "The Kazan Rights Centre called on the authorities to investigate the abduction of Anna Petrova.",
    "We urge the prosecutor to investigate the killing and bring those responsible to justice.",
    "Rights groups demanded the release of Anna Petrova.",
    "On 12 May 2019, police did not detain anyone at the rally in Kazan.",
    "No one was arrested on 12 May 2019.",
    "So far no one has been charged over the arson.",
    "There has been no attempt to investigate these incidents.",
    "Anna Petrova was never charged.",
    "The ministry denied that Ivan Sokolov had been tortured.",
    "If convicted, Anna Petrova could face up to ten years in prison.",
    "Activists fear that Anna Petrova may be arrested if she returns to Kazan.",
    "Anna Petrova would have been detained had she attended the rally.",
    "The authorities plan to demolish the market in Kazan next month.",
    "Police are expected to search the premises next week.",
    "A court hearing in the case is scheduled for 20 June.",
    # what a law lets be done, told as background
    "Under a decree adopted in March 2018, a person can be held without charge for up to thirty days.",
    "Since 2017, the law lets prosecutors keep suspects in pre-trial detention for up to two years.",
    "The code on mass events, in force since 2016, allows the police to disperse any unregistered picket.",
]


@pytest.mark.parametrize("text", NOT_INCIDENTS)
def test_calls_negations_hypotheticals_and_plans_are_not_incidents(text: str) -> None:
    assert extract(text).incidents == []


# -- a stated intention to harm is a threat by its speaker -----------------------------------------


GOVERNOR = "On 5 December 2014, the regional governor, Pavel Sorokin, "


@pytest.mark.parametrize(
    "text",
    [
        GOVERNOR + "said the families of the rebels would be expelled from the region and their houses "
        "demolished.",
        GOVERNOR + "threatened to expel the families of the rebels.",
        GOVERNOR + "warned that Anna Petrova would be arrested if she spoke to journalists again.",
    ],
)
def test_a_stated_intention_to_harm_is_a_threat_by_its_speaker(text: str) -> None:
    incident = only(text, dt.date(2014, 12, 17))
    assert [act.value for act in incident.acts] == ["threat"]
    assert incident.perpetrators == ["Pavel Sorokin"]
    assert incident.date is not None
    assert incident.date.start == dt.date(2014, 12, 5)


@gap("the victims of an announced expulsion swallow the verb: 'families of the rebels would be expelled'")
def test_the_threatened_are_named_as_the_text_names_them() -> None:
    incident = only(GOVERNOR + "said the families of the rebels would be expelled from the region.",
                    dt.date(2014, 12, 17))
    assert incident.victims == ["families of the rebels"]


# -- grouping: one occasion is one incident -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 14 March 2019, police raided the office of the Kazan Rights Centre, confiscated computers and "
        "detained two staff members for six hours.",
        "On 14 March 2019, police raided the office of the Kazan Rights Centre in Kazan. They confiscated "
        "computers and documents and searched the staff. Two staff members, Anna Petrova and Ivan Sokolov, "
        "were held by police for six hours.",
    ],
)
def test_a_raid_with_seizure_and_detention_on_one_day_is_one_incident(text: str) -> None:
    incident = only(text)
    assert {act.value for act in incident.acts} == {"raid_search", "seizure", "arbitrary_detention"}
    assert incident.date is not None
    assert incident.date.start == incident.date.end == dt.date(2019, 3, 14)
    assert incident.perpetrators == ["police"]


ARREST = "On 3 March 2019, police detained Anna Petrova in Kazan. "


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (ARREST + "On 10 March 2019, unknown men beat Ivan Sokolov in Nalchik.",
         ["2019-03-03", "2019-03-10"]),
        # The same day, another place, other people: the text itself says it is another occasion.
        (ARREST + "Later that day, unknown men beat Ivan Sokolov in Nalchik.", ["2019-03-03", "2019-03-03"]),
    ],
)
def test_separate_occasions_stay_separate(text: str, days: list[str]) -> None:
    result = extract(text)
    assert [i.date.start.isoformat() for i in result.incidents if i.date is not None] == days
    acts = [[a.value for a in i.acts] for i in result.incidents]
    assert acts == [["arbitrary_detention"], ["physical_attack"]]
    assert [i.location for i in result.incidents] == ["Kazan", "Nalchik"]


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        # a dispersal, then what happened to the people dispersed
        ("On 9 April 2019, police broke up a small vigil outside the town hall in Kazan. Eleven participants "
         "were held at a police station for three hours and then released.",
         {"restriction_of_expression", "arbitrary_detention"}),
        # an eviction, then the arrests made during it
        ("On 9 April 2019, riot police evicted forty families from a settlement near Kazan. Officers "
         "arrested two of the community's elders.", {"forced_displacement", "arbitrary_detention"}),
    ],
)
def test_an_occasion_told_over_a_paragraph_is_one_incident(text: str, acts: set[str]) -> None:
    incident = only(text)
    assert {act.value for act in incident.acts} == acts
    assert incident.date is not None and incident.date.start == dt.date(2019, 4, 9)


def test_the_story_moving_to_another_town_is_another_incident() -> None:
    text = ("On 9 April 2019, artillery fire killed two farmers in the village of Shali. In Gudermes, "
            "about 40 houses were destroyed.")
    assert [(i.location, [a.value for a in i.acts]) for i in extract(text).incidents] == [
        ("Shali", ["killing"]), ("Gudermes", ["property_destruction"])]


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("On 2 May 2019, the foreign ministry withdrew the accreditation of two correspondents of Kama TV; "
         "both were put on a flight to Almaty the same evening and barred from entering Russia for three "
         "years.",
         {"restriction_of_expression", "forced_displacement", "restriction_of_movement"}),
        ("On 14 March 2019, our website was taken offline for two days by a distributed denial-of-service "
         "(DDoS) attack shortly after we published a report on prison deaths.", {"cyber_attack"}),
    ],
)
def test_a_same_day_marker_inside_the_sentence_does_not_split_it(text: str, acts: set[str]) -> None:
    assert {act.value for act in only(text).acts} == acts


def test_a_same_day_marker_opening_a_sentence_is_another_occasion() -> None:
    result = extract("On 3 March 2019, police detained Anna Petrova in Kazan. Later that day, police "
                     "detained Ivan Sokolov in Kazan.")
    assert [(i.date.start.isoformat() if i.date else None, i.victims) for i in result.incidents] == [
        ("2019-03-03", ["Anna Petrova"]), ("2019-03-03", ["Ivan Sokolov"])]


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("On 6 March 2023, officers searched the flat of Pavel Kim in Kazan and took his laptop. He was "
         "formally arrested that evening.", ["arbitrary_detention", "raid_search", "seizure"]),
        ("On 6 March 2023, police detained Pavel Kim at a picket in Kazan. A judge fined him 20,000 roubles "
         "the same evening.", ["arbitrary_detention", "judicial_harassment"]),
    ],
)
def test_the_same_persons_day_going_on_is_one_occasion(text: str, acts: list[str]) -> None:
    assert dated(extract(text, dt.date(2023, 3, 20))) == [("2023-03-06", acts)]


def test_the_same_day_named_again_for_the_same_group_goes_on() -> None:
    text = ("A group of fourteen men crossed the river near Feres on the evening of 19 June 2023. They were "
            "stopped after midnight by masked men, who beat them and took their phones. Before dawn on "
            "20 June, all fourteen were put into a boat and expelled to Turkey.")
    assert dated(extract(text, dt.date(2023, 7, 1))) == [
        ("2023-06-20", ["physical_attack", "seizure", "forced_displacement"])]


def test_the_same_evening_for_someone_else_is_another_occasion() -> None:
    text = ("On 6 March 2023, officers searched the flat of Pavel Kim in Kazan and took his laptop. Police "
            "detained his brother, Oleg Kim, that evening.")
    assert dated(extract(text, dt.date(2023, 3, 20))) == [("2023-03-06", ["raid_search", "seizure"]),
                                    ("2023-03-06", ["arbitrary_detention"])]


def test_days_after_arrests_named_by_their_place_count_from_those_arrests() -> None:
    # the release told in between is not the day "after the Tver arrests" counts from
    text = ("On 15 May 2024, soldiers arrested nine young men at the market in Tver. Six were released on "
            "19 May.\n\nThree days after the Tver arrests, agents detained the blogger Oleg Lebedev.")
    assert dated(extract(text, dt.date(2024, 6, 5))) == [("2024-05-15", ["arbitrary_detention"]),
                                                         ("2024-05-18", ["arbitrary_detention"])]


VIGIL = ("On 18 May 2019, police in Kazan detained nine people at a vigil.\n\nThey had gathered to remember "
         "the union leader Oleg Lebedev, who was shot dead by guards on 16 March 2018.\n\n")


def test_a_killing_told_again_within_its_month_is_one_incident() -> None:
    text = VIGIL + "At least seven workers were killed when guards opened fire on a strike in March 2018."
    assert dated(extract(text)) == [("2019-05-18", ["arbitrary_detention"]),
                                    ("2018-03-16", ["killing", "physical_attack"])]


def test_killings_told_over_a_whole_year_are_not_that_day() -> None:
    text = VIGIL + "At least seven workers were killed by guards in Kazan in 2018, according to the union."
    assert dated(extract(text)) == [("2019-05-18", ["arbitrary_detention"]), ("2018-03-16", ["killing"]),
                                    ("2018-01-01", ["killing"])]


LEAD = ("(Kazan, 20 May 2019) – Three activists were abducted and tortured in Kazan last week, their lawyers "
        "said.\n\nAnna Petrova, Olga Ivanova and Maria Sokolova were abducted by masked men outside a "
        "cafe in Kazan on 13 May 2019.")


def test_a_summary_lead_gives_each_act_to_the_occasion_that_tells_it() -> None:
    text = LEAD + "\n\nOn 15 May, the three were tortured with electric shocks in a basement."
    assert dated(extract(text, dt.date(2019, 5, 20))) == [("2019-05-13", ["enforced_disappearance"]),
                                                          ("2019-05-15", ["torture_ill_treatment"])]


def test_a_weekend_lead_is_its_own_occasion_beside_a_day_inside_it() -> None:
    # the crowd detained over the weekend, and one organiser's sentence on the Saturday
    text = ("KAZAN, 20 April 2025 - Police in Kazan detained at least 20 people this weekend at a vigil for "
            "a jailed poet, lawyers said.\n\nOne of the organisers, Anna Petrova, was sentenced yesterday "
            "to ten days of administrative arrest.")
    spans = [(i.date.start, i.date.end) for i in extract(text, dt.date(2025, 4, 20)).incidents if i.date]
    saturday, sunday = dt.date(2025, 4, 19), dt.date(2025, 4, 20)
    assert spans == [(saturday, sunday), (saturday, saturday)]


def test_a_weekend_lead_told_again_in_detail_is_one_incident() -> None:
    text = ("KAZAN, 20 April 2025 - Police in Kazan detained the poet Anna Petrova this weekend, her lawyer "
            "said.\n\nAnna Petrova was detained on Saturday outside her home and taken to a police station.")
    assert dated(extract(text, dt.date(2025, 4, 20))) == [("2025-04-19", ["arbitrary_detention"])]


def test_a_summary_lead_keeps_the_acts_no_other_telling_gives() -> None:
    assert dated(extract(LEAD, dt.date(2019, 5, 20))) == [
        ("2019-05-13", ["enforced_disappearance", "torture_ill_treatment"])]


def test_numbered_section_titles_are_not_occasions() -> None:
    text = ("WEEKLY NOTES\n\n1. Newsroom raided in Kazan\n\nOn 3 May 2019, police searched the newsroom of "
            "Kama Voice in Kazan.\n\n2. Kazan: \"They beat us and took our phones\"\n\nStudents of the Kazan "
            "medical college told us that last month guards at their hostel confiscated their phones.")
    assert dated(extract(text)) == [("2019-05-03", ["raid_search"]), ("2019-05-01", ["seizure"])]


def test_that_day_inside_a_sentence_points_back_to_the_occasion() -> None:
    text = ("The trial of the activists arrested on 4 March 2018 at a rally in Kazan continues. The arrest "
            "of some thirty people that day was the largest in the city for years.")
    assert dated(extract(text)) == [("2018-03-04", ["arbitrary_detention"])]


def test_a_state_since_a_named_day_is_not_the_continuation_of_that_days_act() -> None:
    # "since then" carries on the act before it; "since Monday evening" names its own start
    text = ("Police sealed the office of the newspaper Kama Voice in Kazan on Monday, 13 May 2019.\n\n"
            "Mobile internet in the city has been cut since Monday evening.")
    result = extract(text, dt.date(2019, 5, 15))
    assert [(i.date.start.isoformat(), i.date.end) for i in result.incidents if i.date] == [
        ("2019-05-13", dt.date(2019, 5, 13)), ("2019-05-13", None)]


# -- short forms resolve to the names the document introduced -----------------------------------------


VLAG = "The Volga Legal Aid Group (VLAG) documents abuses in Tatarstan. On 14 March 2019, "
KRC = "The Kazan Rights Centre (KRC) documents abuses in Tatarstan. On 14 March 2019, "


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Anna Petrova is a lawyer in Kazan. On 14 March 2019, police detained Petrova outside the court.",
         ["Anna Petrova"]),
        # an organisation introduced with its acronym is named by it: the shortest unambiguous form
        (VLAG + "banners labelling the VLAG as supporters of terrorism appeared at a rally.", ["VLAG"]),
        (VLAG + "police raided the VLAG office in Kazan.", ["VLAG"]),
        ("Anna Petrova heads the Kazan Rights Centre. On 14 March 2019, police searched the group's office.",
         ["Kazan Rights Centre"]),
        (KRC + "police raided the KRC office in Kazan.", ["KRC"]),
        ("The Kazan Rights Centre documents abuses. On 14 March 2019, police raided the office of the NGO.",
         ["Kazan Rights Centre"]),
    ],
)
def test_short_forms_resolve_to_full_names(text: str, victims: list[str]) -> None:
    assert only(text).victims == victims


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("On 12 May 2019, Ivan Sokolov died in police custody in Kazan.", ["Ivan Sokolov"]),
        ("On 14 December 2014, two staff members, Sergei Babinets and Dmitry Dimitriev, were "
         "held by police for several hours.", ["Sergei Babinets", "Dmitry Dimitriev"]),
    ],
)
def test_the_people_an_act_was_done_to_are_its_victims(text: str, victims: list[str]) -> None:
    assert only(text).victims == victims


def test_an_acronym_is_not_a_place() -> None:
    assert only(KRC + "police raided the office of the KRC in Kazan.").location == "Kazan"


# -- the shipped sample, read as a person would read it --------------------------------------------

SAMPLE = extract_text(SAMPLE_TEXT)


def sample_incident(day: str, act: str) -> Incident:
    found = [i for i in SAMPLE.incidents
             if i.date is not None and i.date.start.isoformat() == day and act in i.acts]
    assert len(found) == 1, [(i.date, i.acts) for i in SAMPLE.incidents]
    return found[0]


@pytest.mark.parametrize(
    ("day", "act", "location"),
    [
        ("2014-12-10", "smear_campaign", None),
        ("2014-12-11", "physical_attack", "Moscow"),
        ("2014-12-11", "threat", None),
        ("2014-12-13", "smear_campaign", "Grozny"),
        ("2014-12-13", "property_destruction", "Grozny"),
        ("2014-12-14", "raid_search", "Grozny"),
        ("2014-12-13", "surveillance", "Grozny"),
    ],
)
def test_the_sample_incidents(day: str, act: str, location: str | None) -> None:
    incident = sample_incident(day, act)
    if location is not None:
        assert incident.location == location


def test_the_sample_raid_holds_its_seizure_and_detention() -> None:
    acts = {a.value for a in sample_incident("2014-12-14", "raid_search").acts}
    assert {"raid_search", "seizure", "arbitrary_detention"} <= acts


def test_the_sample_threats_run_open_from_the_press_conference() -> None:
    incident = sample_incident("2014-12-11", "threat")
    assert incident.date is not None
    assert incident.date.end is None
    assert incident.victims == ["Igor Kalyapin"]


def test_no_one_disappears_in_the_sample() -> None:
    assert not [i for i in SAMPLE.incidents if Act.ENFORCED_DISAPPEARANCE in i.acts]


def test_the_sample_raid_has_only_its_own_acts() -> None:
    acts = {a.value for a in sample_incident("2014-12-14", "raid_search").acts}
    assert acts == {"raid_search", "seizure", "arbitrary_detention"}


def test_the_sample_lead_is_not_an_incident() -> None:
    assert not [i for i in SAMPLE.incidents if i.date is not None and i.date.start == dt.date(2014, 12, 17)]


def test_the_sample_accusation_names_accuser_and_accused() -> None:
    incident = sample_incident("2014-12-10", "smear_campaign")
    assert incident.perpetrators == ["Ramzan Kadyrov"]
    assert incident.victims == ["Igor Kalyapin"]


def test_the_sample_egg_attack_names_attackers_and_victim() -> None:
    incident = sample_incident("2014-12-11", "physical_attack")
    assert incident.victims == ["Igor Kalyapin"]
    assert "Igor Kalyapin" not in incident.perpetrators


def test_the_sample_raid_victims_are_the_staff_held() -> None:
    victims = sample_incident("2014-12-14", "raid_search").victims
    assert {"Sergei Babinets", "Dmitry Dimitriev"} <= set(victims)
    assert "Marina Orlova" not in victims


# -- occasions told in passing -------------------------------------------------------------------------


def dated(result: Extraction) -> list[tuple[str | None, list[str]]]:
    return [(i.date.start.isoformat() if i.date else None, [a.value for a in i.acts])
            for i in result.incidents]


def test_an_earlier_occasion_in_a_relative_clause_keeps_its_own_date() -> None:
    result = extract("On 12 May 2019, police detained the lawyer Anna Petrova in Kazan. Petrova represents "
                     "the families of two farmers who were shot dead by soldiers in March 2018.")
    assert dated(result) == [("2019-05-12", ["arbitrary_detention"]), ("2018-03-01", ["killing"])]


def test_a_relative_clause_on_the_act_itself_dates_the_act() -> None:
    result = extract("On 12 May 2019, police detained the lawyer Anna Petrova in Kazan.\n\nThe indictment, "
                     "which a court in Kazan accepted in August 2019, rests on her posts about the river.",
                     dt.date(2019, 12, 1))
    assert dated(result) == [("2019-05-12", ["arbitrary_detention"]), ("2019-08-01", ["judicial_harassment"])]


def test_a_relative_clause_without_a_year_points_back_to_the_story() -> None:
    result = extract("KAZAN, 14 May 2019 - Rights groups condemned the jailing of Anna Petrova, who was "
                     "arrested on Friday. Police detained Anna Petrova on Friday outside her office.",
                     dt.date(2019, 5, 14))
    assert [i.date.start.isoformat() for i in result.incidents if i.date] == ["2019-05-10"]


def test_a_table_of_slash_separated_rows_gives_one_incident_per_row() -> None:
    text = ("Table 2. Incidents (date / place / person / what happened / status)\n"
            "Row 1: 04 May / Kazan / Anna Petrova / Detained by police outside a court / Released on 9 May\n"
            "Row 2: 07 May / Kazan / Ivan Sokolov / Beaten by unknown men near his home / In hospital")
    assert dated(extract(text)) == [("2019-05-04", ["arbitrary_detention"]),
                                    ("2019-05-07", ["physical_attack"])]


Dated = list[tuple[str, list[str]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chronology of events, May 2019\n\n29-31 May - Police detain more than 300 people across Kazan, "
         "according to official figures.\n\n30 May - The activist Anna Petrova is detained by police outside "
         "her home in Kazan.",
         [("2019-05-29", ["arbitrary_detention"]), ("2019-05-30", ["arbitrary_detention"])]),
        ("Table 1. Cases (date / place / person / what happened)\n"
         "Row 1: 03 May / Kazan / Ivan Sokolov / Detained by police at a checkpoint\n"
         "Row 2: Early May / Kazan / Two brothers of the S. family / Detained by police at their workshop",
         [("2019-05-03", ["arbitrary_detention"]), ("2019-05-01", ["arbitrary_detention"])]),
    ],
)
def test_entries_of_a_timeline_or_table_are_never_merged(text: str, expected: Dated) -> None:
    # a wider entry holding a narrower one's day is not a summary of it: each line is its own record
    assert dated(extract(text)) == expected


# -- first-person testimony: what was done to someone while held --------------------------------------


HELD_THEN_BEATEN = ("On 12 May 2019, two officers took me from my flat in Kazan and drove me to the police "
                   "station. They hit me with a chair and kicked me until I signed.")


def test_beatings_told_right_after_an_arrest_are_ill_treatment_on_that_occasion() -> None:
    expected = [("2019-05-12", ["arbitrary_detention", "torture_ill_treatment"])]
    assert dated(extract(HELD_THEN_BEATEN)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2019, soldiers detained four farmers at a checkpoint near Nalchik. The farmers said the "
        "soldiers kicked them and kept them handcuffed overnight.",
        "On 3 May 2019, soldiers detained four farmers at a checkpoint near Nalchik and held them for two "
        "days in a barn, where two of them were whipped with cables.",
    ],
)
def test_what_was_done_to_the_people_held_belongs_to_their_arrest(text: str) -> None:
    assert dated(extract(text)) == [("2019-05-03", ["arbitrary_detention", "torture_ill_treatment"])]


@pytest.mark.parametrize(
    "text",
    [
        # told in a paragraph of its own
        HELD_THEN_BEATEN.replace(" They hit", "\n\nThey hit"),
        # shooting at a crowd is not ill-treatment of the people held
        "On 3 May 2019, police detained the organisers of a march in Kazan. Officers fired rubber bullets "
        "at the marchers.",
        # sexual violence is recorded as its own occasion
        "On 3 May 2019, soldiers detained two women at a checkpoint near Nalchik. One of them was raped "
        "at the post.",
    ],
)
def test_harm_told_apart_from_the_arrest_stays_its_own_incident(text: str) -> None:
    assert len(extract(text).incidents) == 2


def test_torture_told_after_a_custody_order_stays_its_own_incident() -> None:
    # the later sentence names the custody again ("throughout his detention"); that shared word
    # must not fold the torture back into the court's order
    text = ("On 5 May 2019, a court in Kazan ordered Ivan Sokolov detained for 15 days. His lawyer said "
            "officers had kept him hooded throughout his detention and given him electric shocks.")
    result = dated(extract(text))
    assert len(result) == 2
    assert "torture_ill_treatment" not in result[0][1] and "torture_ill_treatment" in result[1][1]


def test_a_beating_in_the_same_sentence_as_the_arrest_stays_with_it() -> None:
    text = "On 12 May 2019, police detained Ivan Sokolov at a rally in Kazan and beat him in the police van."
    assert [a.value for a in only(text).acts] == ["arbitrary_detention", "torture_ill_treatment"]


def test_the_end_of_a_detention_does_not_date_another_occasion() -> None:
    text = ("On 12 May 2019, police detained Ivan Sokolov at a rally in Kazan. He was then held at the "
            "district police station until the following evening.")
    assert dated(extract(text)) == [("2019-05-12", ["arbitrary_detention"])]


# -- roles from the shape of the clause ---------------------------------------------------------------


def test_they_is_the_agents_the_story_named_last() -> None:
    text = ("On 12 May 2019, masked officers stopped Ivan Sokolov outside his flat in Kazan. "
            "They searched his car and took him away.")
    assert only(text).perpetrators == ["masked officers"]


def test_who_undergoes_a_death_is_its_victim_not_its_perpetrator() -> None:
    incident = only("On 12 May 2019, Anna Petrova died in detention in Kazan, her lawyer said.")
    assert incident.victims == ["Anna Petrova"]
    assert incident.perpetrators == ["unknown"]


def test_a_victim_is_not_also_a_perpetrator_of_the_same_incident() -> None:
    incident = only("On 12 May 2019, Ivan Sokolov was stopped at a checkpoint in Kazan by traffic police who "
                    "searched Ivan Sokolov and his car.")
    assert "Ivan Sokolov" not in incident.perpetrators


def test_still_missing_after_a_detention_is_the_same_incident() -> None:
    text = ("On 21 February 2025, intelligence agents detained the poet Karim Saedi at his home in Ahvaz. "
            "Since then his whereabouts have remained unknown.")
    result = extract_text(text, published=dt.date(2025, 3, 10))
    assert [(sorted(a.value for a in i.acts), i.date.start.isoformat() if i.date else None)
            for i in result.incidents] == [(["arbitrary_detention", "enforced_disappearance"], "2025-02-21")]


def test_a_later_abduction_of_someone_else_stays_its_own_incident() -> None:
    text = ("On 21 February 2025, agents detained the poet Karim Saedi in Ahvaz. On 3 March 2025, masked men "
            "abducted his brother in Abadan; his whereabouts are unknown.")
    result = extract_text(text, published=dt.date(2025, 3, 10))
    assert len(result.incidents) == 2


# -- lines of a diary or log: the day that opens the line dates every act on it -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday before the day, and a scene named before the act after a semicolon
        ("Mon 7 Apr. Vigil outside the court; officers detained Pavel Kim and took his phone.",
         [("2025-04-07", ["arbitrary_detention", "seizure"])]),
        ("Sat 12 Apr - march in the centre; riot police beat two students.",
         [("2025-04-12", ["physical_attack"])]),
        # a log line with no closing full stop is an entry, not a title
        ("Log of the week\n\n14.04 | rally at the mayor's office; police detained a lawyer\n\n"
         "15.04 | police detained a lawyer at the court",
         [("2025-04-14", ["arbitrary_detention"]), ("2025-04-15", ["arbitrary_detention"])]),
    ],
)
def test_a_dated_diary_line_dates_its_acts(text: str, expected: Dated) -> None:
    assert dated(extract(text, dt.date(2025, 4, 20))) == expected


def test_a_title_line_without_a_day_stays_a_title() -> None:
    text = ("Police detain lawyer in Kazan\n\nOn 14 April 2025, police detained the lawyer Pavel Kim outside "
            "the court in Kazan.")
    assert dated(extract(text, dt.date(2025, 4, 20))) == [("2025-04-14", ["arbitrary_detention"])]


def test_a_past_permission_is_a_decision_not_a_provision() -> None:
    text = ("On 5 May 2019, citing Article 108 of the criminal code, a judge in Kazan allowed investigators "
            "to search the flat of Ivan Sokolov.")
    assert [a.value for a in only(text).acts] == ["raid_search"]


# -- an authority's own account of an occasion already told -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a killing the authorities call a clash: the clash is their version, not another occasion
        "On 4 June 2024, soldiers shot dead two farmers, Ivan Sokolov and Oleg Lebedev, in their field near "
        "Nalchik. The army announced the next day that two militants had died in an exchange of fire with "
        "its patrol.",
        # an abduction the prosecutors call a lawful arrest, in a statement days later
        "On 4 June 2024, masked men forced Anna Petrova into a van outside her home in Kazan; her family did "
        "not know where she was for a week.\n\nThe prosecutor's office said in a statement on Monday that "
        "she had been arrested lawfully and was being held in Kazan.",
    ],
)
def test_an_official_version_adds_no_incident_and_no_act(text: str) -> None:
    incident = only(text, dt.date(2024, 6, 20))
    assert incident.date is not None and incident.date.start == dt.date(2024, 6, 4)
    assert len(incident.acts) == 1


def test_an_official_account_of_acts_not_told_otherwise_is_kept() -> None:
    # the authorities' announcement may be the only telling of an occasion
    text = "Police said they had detained 40 people at a rally in Kazan on Saturday."
    incident = only(text, dt.date(2024, 6, 20))
    assert [a.value for a in incident.acts] == ["arbitrary_detention"]


def test_a_lawyers_account_is_not_an_official_version() -> None:
    text = ("On 4 June 2024, police detained Anna Petrova in Kazan. Her lawyer said on Friday that officers "
            "had also searched her parents' flat in Nalchik on 6 June.")
    assert dated(extract(text, dt.date(2024, 6, 20))) == [("2024-06-04", ["arbitrary_detention"]),
                                                          ("2024-06-06", ["raid_search"])]


# -- dates the story does not happen on (session 4, fresh-document families) -------------------------


def spans(result: Extraction) -> list[tuple[str | None, str | None, list[str]]]:
    return [
        (i.date.start.isoformat() if i.date else None,
         i.date.end.isoformat() if i.date and i.date.end else None,
         [a.value for a in i.acts])
        for i in result.incidents
    ]


@pytest.mark.parametrize(
    ("head", "anchor"),
    [
        ("Kisumu / Nairobi / Brussels, 9 October 2023", "2023-10-09"),
        ("Dakar/Bamako, 9 October 2023", "2023-10-09"),
        ("OSLO, 9 October 2023", "2023-10-09"),
        ("NAIROBI (9 October 2023) -", "2023-10-09"),
    ],
)
def test_a_joint_dateline_naming_several_cities_dates_the_document(head: str, anchor: str) -> None:
    text = f"JOINT STATEMENT\n\n{head}\n\nOn Friday, gendarmes detained the organiser Awino Otieno in Kisumu."
    result = extract_text(text, today=dt.date(2026, 1, 5))
    assert result.document.anchor.date.isoformat() == anchor
    assert dated(result) == [("2023-10-06", ["arbitrary_detention"])]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 October 2023, a court in Kisumu charged Awino Otieno with incitement and adjourned the case "
        "to 14 November.",
        "At a hearing on 3 October 2023, a court in Kisumu charged Awino Otieno with incitement and set the "
        "verdict for 9 February 2024.",
        "On 3 October 2023, a court in Kisumu charged Awino Otieno with incitement; the next hearing is on "
        "14 November.",
    ],
)
def test_a_later_court_date_does_not_date_the_court_step(text: str) -> None:
    result = extract(text, published=dt.date(2023, 10, 20))
    assert dated(result) == [("2023-10-03", ["judicial_harassment"])]


def test_a_summons_is_dated_when_served_not_when_it_orders_an_appearance() -> None:
    text = ("On 3 October 2023, police in Kisumu detained the organiser Awino Otieno for a day. A week "
            "later, an officer served a summons ordering Otieno to appear before a magistrate on 30 October.")
    result = extract(text, published=dt.date(2023, 10, 20))
    assert ("2023-10-10", ["judicial_harassment"]) in dated(result)
    assert all(day not in {"2022-10-30", "2023-10-30"} for day, _ in dated(result))


def test_a_clause_a_few_days_after_which_a_body_was_found_tells_the_earlier_day() -> None:
    text = ("The body of the trader Ali Musa was found in a ditch near Mandera on Friday, two days after men "
            "in police uniform abducted him from his shop. Herders who saw the body called his brother.")
    result = extract(text, published=dt.date(2023, 10, 21))
    found = {tuple(acts): day for day, acts in dated(result)}
    assert found.get(("killing",)) == "2023-10-20"
    taken = [day for day, acts in dated(result) if "enforced_disappearance" in acts
             or "arbitrary_detention" in acts]
    assert taken == ["2023-10-18"]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 October 2023, eleven days after the elections, police arrested Ali Musa in Mandera.",
        "On 3 October 2023, two days after returning from Nairobi, Ali Musa was arrested in Mandera.",
    ],
)
def test_a_day_after_an_event_noun_or_a_participle_stays_the_told_day(text: str) -> None:
    assert dated(extract(text, published=dt.date(2023, 10, 21))) == [("2023-10-03", ["arbitrary_detention"])]


def test_a_day_without_a_month_in_a_testimony_is_before_the_day_it_was_given() -> None:
    text = ("The account below was recorded by our monitor in Gulu on 4 March 2022.\n\n"
            "\"On the 27th, soldiers beat me at the market in Gulu and took my phone.\"")
    assert [day for day, _ in dated(extract(text, published=dt.date(2022, 4, 2)))] == ["2022-02-27"]


def test_a_day_without_a_month_after_a_told_day_stays_in_the_document_s_month() -> None:
    text = ("On 4 March 2022, police detained the trader Okello Peter in Gulu. On the 27th, a magistrate "
            "charged him with incitement.")
    assert dated(extract(text, published=dt.date(2022, 4, 2))) == [
        ("2022-03-04", ["arbitrary_detention"]), ("2022-03-27", ["judicial_harassment"])
    ]


def test_an_older_year_in_a_clause_after_the_act_is_background_to_the_opening_date() -> None:
    text = ("In March 2021, police summoned the blogger Aliya Nurova for questioning in Almaty over a video "
            "that showed a rally held in 2019.")
    assert dated(extract(text, published=dt.date(2021, 6, 1))) == [("2021-03-01", ["judicial_harassment"])]


def test_an_act_inside_the_clause_keeps_that_clause_s_older_date() -> None:
    text = ("In May 2021, soldiers bulldozed a memorial in Kilinochchi to the villagers who disappeared "
            "after surrendering in May 2009.")
    assert dated(extract(text, published=dt.date(2021, 6, 1))) == [
        ("2021-05-01", ["property_destruction"]), ("2009-05-01", ["enforced_disappearance"])
    ]


def test_a_named_day_in_a_relative_clause_dates_the_act_told_in_it() -> None:
    text = ("On Friday, a magistrate in Gweru again refused bail to eight students who were arrested at a "
            "vigil in Gweru on 3 March, and remanded them in custody until 31 March.")
    result = dated(extract(text, published=dt.date(2023, 3, 20)))
    assert ("2023-03-03", ["arbitrary_detention"]) in result
    assert [day for day, acts in result if "judicial_harassment" in acts] == ["2023-03-17"]


def test_the_first_days_in_custody_count_from_the_arrest() -> None:
    text = ("Police arrested the teacher Ana Lima in Recife on 4 May 2019. On 20 May 2019, a judge in Recife "
            "charged her with defamation. She told the judge that during her first three days at the police "
            "station officers had beaten her with a rubber hose.")
    result = extract(text, published=dt.date(2019, 6, 1))
    assert ("2019-05-04", "2019-05-06", ["torture_ill_treatment"]) in spans(result)


@pytest.mark.parametrize(
    ("second", "day"),
    [
        ("Two of the students were charged on 20 February with sedition.", "2024-02-20"),
        ("Two of the students were charged five days later with sedition.", "2024-02-20"),
        ("Two of the students were charged on Tuesday with sedition.", "2024-02-20"),
    ],
)
def test_a_day_set_inside_the_act_s_words_still_dates_it(second: str, day: str) -> None:
    text = f"On 15 February, police in Kupang detained 40 students at a march. {second}"
    result = dated(extract(text, published=dt.date(2024, 2, 22)))
    assert [d for d, acts in result if "judicial_harassment" in acts] == [day]
    assert [d for d, acts in result if "arbitrary_detention" in acts] == ["2024-02-15"]


def test_an_act_after_an_earlier_day_s_programme_keeps_the_entry_s_day() -> None:
    text = ("Wed 11 Sep. The authorities ordered the community station Radio Kiambu off the air after "
            "Sunday's phone-in.")
    result = extract(text, published=dt.date(2024, 9, 20))
    assert dated(result) == [("2024-09-11", ["restriction_of_expression"])]


LIVE_PAGE = """LIVE: Students' protest weekend in northern Uganda

SATURDAY 4 MAY 2024

09:00 — Police detained ten students at the university gate in Gulu this morning.

11:30 — A spokesperson said the gathering had not been authorised.

14:00 — Our correspondent says the campus is calm.

21:00 — Soldiers raided the office of Radio Rupiny in Gulu this evening and took two computers.

SUNDAY 5 MAY 2024

10:00 — Gunmen burned the house of the activist Okot James in Gulu this morning.
"""


def test_a_live_page_is_as_recent_as_its_last_day_heading_and_each_heading_dates_its_posts() -> None:
    result = extract_text(LIVE_PAGE, today=dt.date(2026, 1, 5))
    assert result.document.anchor.date.isoformat() == "2024-05-05"
    assert dated(result) == [
        ("2024-05-04", ["arbitrary_detention"]),
        ("2024-05-04", ["raid_search", "seizure"]),
        ("2024-05-05", ["property_destruction"]),
    ]


def test_a_single_date_line_under_the_title_is_still_the_document_date() -> None:
    text = ("Statement\n\n4 May 2024\n\nOn Friday, police detained ten students in Gulu.\n\n"
            "Contact: 3 June 2024")
    result = extract_text(text, today=dt.date(2026, 1, 5))
    assert result.document.anchor.date.isoformat() == "2024-05-04"
    assert dated(result) == [("2024-05-03", ["arbitrary_detention"])]


@pytest.mark.parametrize(
    ("second", "start", "end"),
    [
        ("The same month she was dismissed from her job at the city library.", "2023-06-01", "2023-06-30"),
        ("In the same week, police in Osh detained her son.", "2023-06-12", "2023-06-18"),
    ],
)
def test_the_same_month_is_the_period_just_told_even_in_passing(second: str, start: str, end: str) -> None:
    text = ("Earlier this year her husband was sentenced to seven years. On 14 June 2023 a local newspaper "
            f"published an article naming his wife, Aigul Osmonova, as 'the wife of the traitor'. {second}")
    result = extract(text, published=dt.date(2024, 3, 1))
    assert (start, end) in [(s, e) for s, e, _ in spans(result)]


def test_the_day_a_lawyer_saw_the_bruises_does_not_move_the_story() -> None:
    text = ("On 3 March 2024, guards beat the blogger Ruslan Akhmetov in the detention centre in Aktobe; his "
            "lawyer saw bruises on his arms the following day. Two days later, investigators charged "
            "Akhmetov with resisting the guards.")
    result = dated(extract(text, published=dt.date(2024, 3, 20)))
    assert [day for day, acts in result if "judicial_harassment" in acts] == ["2024-03-05"]
    assert all(day == "2024-03-03" for day, acts in result if "judicial_harassment" not in acts)


def test_a_testimony_s_chain_from_last_week_never_runs_past_the_document() -> None:
    text = ("Last week two men from the security service came to my shop in Gulu and threatened me. The next "
            "day they came back and beat my son. Five days later police arrested my husband at the market.")
    result = spans(extract(text, published=dt.date(2024, 5, 15)))
    assert ("2024-05-06", "2024-05-12", ["threat"]) in result
    assert ("2024-05-12", "2024-05-15", ["arbitrary_detention"]) in result
    assert all(end is not None and end <= "2024-05-15" for _, end, _ in result)
