"""The timeline: how a report's dates anchor one another as the story is told.

``test_dates`` checks single expressions; this module checks the narrative: each stated date becomes
the anchor for the relative expressions after it, a missing year comes from the surrounding story and
never lands after the document, "a week after the arrest" counts from the arrest, and the document's
own date comes from ``--published``, a dateline, a stated date or, failing those, today.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronika.extract import extract_text
from chronika.extract.en.dates import find_mentions
from chronika.extract.timeline import Timeline
from chronika.model import Act, AnchorOrigin, DateSpan, Extraction

SUMMER = dt.date(2019, 6, 1)
WEDNESDAY = dt.date(2014, 12, 17)


def walk(text: str, document_date: dt.date) -> list[tuple[str, DateSpan | None]]:
    """Every mention of ``text`` resolved in order, with the words it covers."""
    timeline = Timeline(document_date=document_date, reference=document_date)
    out = []
    for mention in find_mentions(text):
        words = text[mention.start : mention.end]
        out.append((words, timeline.resolve(mention, words, text.count("\n\n", 0, mention.start))))
    return out


def days(text: str, document_date: dt.date) -> list[str | None]:
    """Each mention as 'start' for a day, 'start..end' otherwise ('start..' when open)."""
    labels: list[str | None] = []
    for _, span in walk(text, document_date):
        if span is None:
            labels.append(None)
        elif span.end == span.start:
            labels.append(span.start.isoformat())
        else:
            labels.append(f"{span.start}..{span.end or ''}")
    return labels


def incidents(extraction: Extraction) -> list[tuple[str, list[str]]]:
    out = []
    for incident in extraction.incidents:
        assert incident.date is not None
        label = incident.date.start.isoformat()
        if incident.date.end != incident.date.start:
            label += f"..{incident.date.end or ''}"
        out.append((label, [act.value for act in incident.acts]))
    return out


# -- narrative anchoring -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 10 May 2019 X. On 12 May Y. The following day Z.", ["2019-05-10", "2019-05-12", "2019-05-13"]),
        ("On 10 May 2019 X. The following day Y. Two days later Z.",
         ["2019-05-10", "2019-05-11", "2019-05-13"]),
        # An open range says how long something went on; it does not move the story's anchor.
        ("On 10 May 2019 X. Since then Y. The following day Z.",
         ["2019-05-10", "2019-05-10..", "2019-05-11"]),
        ("On 10 May 2019 X. Within days Y. Two days later Z.", ["2019-05-10", "2019-05-10..", "2019-05-12"]),
        # After a period, an open range starts where the period ends.
        ("In late April X. Since then Y.", ["2019-04-21..2019-04-30", "2019-04-30.."]),
    ],
)
def test_each_stated_date_anchors_what_follows(text: str, expected: list[str]) -> None:
    assert days(text, SUMMER) == expected


def test_relative_dates_follow_the_narrative_end_to_end() -> None:
    text = ("On 10 May 2019, police detained Anna Petrova in Kazan. The following day, officers searched her "
            "flat. Two days later, she was charged with extremism.")
    assert incidents(extract_text(text, published=SUMMER)) == [
        ("2019-05-10", ["arbitrary_detention"]),
        ("2019-05-11", ["raid_search"]),
        ("2019-05-13", ["judicial_harassment"]),
    ]


def test_nothing_relative_is_placed_after_the_document() -> None:
    assert days("On 30 May 2019 X. A week later Y.", SUMMER) == ["2019-05-30", None]


# -- a missing year ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "document_date", "expected"),
    [
        ("On 28 December X.", dt.date(2015, 1, 20), ["2014-12-28"]),
        ("On 5 January X.", dt.date(2015, 1, 20), ["2015-01-05"]),
        # Inside a passage that stated its year, the year that keeps the story together...
        ("In March 2013 X. On 5 April Y.", WEDNESDAY, ["2013-03-01..2013-03-31", "2013-04-05"]),
        ("On 28 December 2013 X. On 3 January Y.", WEDNESDAY, ["2013-12-28", "2014-01-03"]),
        # ...but never a day after the document's own date.
        ("In May 2019 X. On 20 June Y.", SUMMER, ["2019-05-01..2019-05-31", "2018-06-20"]),
    ],
)
def test_a_missing_year_comes_from_context_and_never_after_the_document(
    text: str, document_date: dt.date, expected: list[str]
) -> None:
    assert days(text, document_date) == expected


def test_a_missing_year_end_to_end() -> None:
    text = "On 28 December, police detained Anna Petrova in Kazan."
    result = extract_text(text, published=dt.date(2015, 1, 20))
    assert incidents(result) == [("2014-12-28", ["arbitrary_detention"])]


def test_a_story_told_forwards_keeps_its_year() -> None:
    text = "On 3 May 2016, police detained Anna Petrova. On 20 December, she was charged with extremism."
    result = extract_text(text, published=dt.date(2017, 6, 1))
    assert incidents(result) == [
        ("2016-05-03", ["arbitrary_detention"]),
        ("2016-12-20", ["judicial_harassment"]),
    ]


# -- relative to an act ------------------------------------------------------------------------


def test_a_week_after_the_arrest_counts_from_the_arrest_not_the_last_date() -> None:
    text = "On 3 May 2019 X. On 6 May Y. A week after the arrest Z."
    timeline = Timeline(document_date=SUMMER, reference=SUMMER)
    resolved = []
    for mention in find_mentions(text):
        span = timeline.resolve(mention, text[mention.start : mention.end])
        assert span is not None
        resolved.append(span.start.isoformat())
        if len(resolved) == 1:
            timeline.note_incident([Act.ARBITRARY_DETENTION], span)
    assert resolved == ["2019-05-03", "2019-05-06", "2019-05-10"]


@pytest.mark.parametrize(
    ("relative", "expected"),
    [("A week after the arrest", "2019-05-10"), ("Two days after the search", "2019-05-08")],
)
def test_a_date_relative_to_an_act_end_to_end(relative: str, expected: str) -> None:
    text = (f"On 3 May 2019, police arrested Anna Petrova in Kazan. On 6 May, officers searched her flat. "
            f"{relative}, she was charged with extremism.")
    assert incidents(extract_text(text, published=SUMMER)) == [
        ("2019-05-03", ["arbitrary_detention"]),
        ("2019-05-06", ["raid_search"]),
        (expected, ["judicial_harassment"]),
    ]


def test_an_act_counts_from_its_first_telling_not_a_later_step_of_the_case() -> None:
    text = ("On 3 May 2019, police arrested Anna Petrova in Kazan. The following day, a court remanded her "
            "in custody for two months. Hours after the arrest, a state channel called her a traitor.")
    assert incidents(extract_text(text, published=SUMMER))[-1] == ("2019-05-03", ["smear_campaign"])


def test_after_the_arrest_falls_back_to_the_search_it_was_told_with() -> None:
    timeline = Timeline(document_date=SUMMER, reference=SUMMER)
    text = "On 3 May 2019 X. On 6 May Y. A week after the arrest Z."
    spans = []
    for mention in find_mentions(text):
        span = timeline.resolve(mention, text[mention.start : mention.end])
        assert span is not None
        spans.append(span.start.isoformat())
        if len(spans) == 1:
            timeline.note_incident([Act.RAID_SEARCH], span)
        elif len(spans) == 2:
            timeline.note_incident([Act.PROPERTY_DESTRUCTION], span)
    assert spans == ["2019-05-03", "2019-05-06", "2019-05-10"]


@pytest.mark.parametrize(
    ("relative", "expected"),
    [("Three days after the verdict", "2019-05-13"), ("Two days after he was sentenced", "2019-05-12")],
)
def test_a_date_relative_to_a_court_step(relative: str, expected: str) -> None:
    text = (f"On 2 May 2019, police arrested Anna Petrova in Kazan. On 10 May, a court sentenced her to two "
            f"years in prison. {relative}, a state channel called her a traitor.")
    assert incidents(extract_text(text, published=SUMMER))[-1] == (expected, ["smear_campaign"])


def test_after_the_hearing_is_the_day_of_the_latest_court_step() -> None:
    text = ("On 2 May 2019, a court in Kazan charged the poet Anna Petrova with extremism. On 28 May, the "
            "court sentenced her to two years in prison. Her lawyer said she had been beaten in custody on "
            "12 May.\n\nAfter the hearing, police detained two of her supporters outside the court.")
    assert incidents(extract_text(text, published=SUMMER))[-1] == ("2019-05-28", ["arbitrary_detention"])


def test_a_court_step_told_with_its_day_keeps_that_day() -> None:
    text = ("On 2 May 2019, police detained the poet Anna Petrova in Kazan. At the hearing on 4 May, a judge "
            "remanded her in custody.")
    assert incidents(extract_text(text, published=SUMMER))[-1][0] == "2019-05-04"


def test_the_act_in_a_relative_date_is_not_an_incident() -> None:
    # "before he was killed" dates the threat; the killing itself is told elsewhere
    text = ("On 20 May 2019, gunmen shot dead the farmer Pedro Ruiz outside Tela. Six days before he was "
            "killed, his wife found a note under their door threatening to kill him.")
    assert incidents(extract_text(text, published=SUMMER)) == [
        ("2019-05-20", ["killing"]),
        ("2019-05-14", ["threat"]),
    ]


def test_the_end_of_a_detention_does_not_move_the_story() -> None:
    text = ("On 12 May 2019, police searched the flat of Anna Petrova in Kazan and detained her. She was "
            "held at the station until her release at about 02:00 the following morning. Four days later, a "
            "court fined her for disobeying the police.")
    assert incidents(extract_text(text, published=SUMMER))[-1] == ("2019-05-16", ["judicial_harassment"])


def test_a_statement_today_does_not_date_what_it_condemns() -> None:
    text = ("The Kazan Legal Clinic today condemned the surveillance of its staff.\n\n"
            "Its director was detained in 2016 for a month.\n\n"
            "A forensic check found in March that the director's phone had been infected with spyware.")
    result = extract_text(text, published=dt.date(2019, 6, 3))
    assert incidents(result) == [
        ("2016-01-01..2016-12-31", ["arbitrary_detention"]),
        ("2019-03-01..2019-03-31", ["cyber_attack"]),
    ]


def test_a_release_later_does_not_date_what_was_done_in_custody() -> None:
    text = ("On 6 May 2019, soldiers detained four farmers near Tete. Released three days later, they said "
            "they had been beaten with sticks.")
    assert {day for day, _ in incidents(extract_text(text, published=SUMMER))} == {"2019-05-06"}


def test_an_interception_after_midnight_is_on_the_next_day() -> None:
    text = ("Nine men crossed the river near Kipi on the evening of 14 May 2019. After midnight, men in "
            "balaclavas stopped them, searched them and took their phones.")
    assert {day for day, _ in incidents(extract_text(text, published=SUMMER))} == {"2019-05-15"}


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("For several days since the raid", "2019-05-06.."),
        ("In the days that followed the raid", "2019-05-07.."),
    ],
)
def test_an_open_range_from_an_act(relative: str, expected: str) -> None:
    text = (f"On 6 May 2019, police raided the office of the Kazan Legal Clinic. On 9 May, a court fined its "
            f"director. {relative}, unknown callers have threatened its staff.")
    assert incidents(extract_text(text, published=SUMMER))[-1] == (expected, ["threat"])


def test_a_summary_s_period_gives_way_to_the_day_told_later() -> None:
    text = ("We condemn the arrest of Anna Petrova in mid-May 2019.\n\nPolice detained her on 14 May. "
            "In the days that followed the arrest, a state channel called her a traitor.")
    assert incidents(extract_text(text, published=SUMMER))[-1] == ("2019-05-15..", ["smear_campaign"])


def test_a_year_ago_beside_its_day_is_that_day() -> None:
    text = "A year ago, on 2 March 2018, police detained dozens of students in Kazan."
    assert incidents(extract_text(text, published=dt.date(2019, 3, 2))) == [
        ("2018-03-02", ["arbitrary_detention"])
    ]


def test_since_a_day_when_someone_was_taken() -> None:
    text = ("Ilya Orlov has not been seen since Sunday, when men in masks forced him into a van in Kazan. "
            "The same night, officers searched his parents' flat.")
    assert incidents(extract_text(text, published=WEDNESDAY)) == [
        ("2014-12-14", ["enforced_disappearance"]),
        ("2014-12-14", ["raid_search"]),
    ]


# -- the document's own date -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "origin", "anchor", "detained"),
    [
        ("On Monday, police detained Anna Petrova in Kazan.", dt.date(2021, 3, 4), AnchorOrigin.PUBLISHED,
         "2021-03-04", "2021-03-01"),
        ("KAZAN, 4 March 2021 – On Monday, police detained Anna Petrova.", None, AnchorOrigin.DATELINE,
         "2021-03-04", "2021-03-01"),
        ("On Monday, police detained Anna Petrova.\n\nPublished 4 March 2021", None, AnchorOrigin.TEXT,
         "2021-03-04", "2021-03-01"),
        ("On Monday, police detained Anna Petrova in Kazan.", None, AnchorOrigin.TODAY, "2024-01-03",
         "2024-01-01"),
        ("VOLGA WATCH DIGEST\nIssue 12 | 4 March 2021\n\nOn Monday, police detained Anna Petrova.", None,
         AnchorOrigin.DATELINE, "2021-03-04", "2021-03-01"),
        ("Case summary\nSubmitted: 4 March 2021\n\nOn Monday, police detained Anna Petrova in Kazan.", None,
         AnchorOrigin.TEXT, "2021-03-04", "2021-03-01"),
        ("Medical findings\nDate of report: 4 March 2021\n\nOn Monday, police detained Anna Petrova.", None,
         AnchorOrigin.TEXT, "2021-03-04", "2021-03-01"),
        ("On Monday, police detained Anna Petrova.\n\nWritten up Thursday 4 March 2021", None,
         AnchorOrigin.TEXT, "2021-03-04", "2021-03-01"),
    ],
)
def test_the_document_date_and_where_it_came_from(
    text: str, published: dt.date | None, origin: AnchorOrigin, anchor: str, detained: str
) -> None:
    result = extract_text(text, published=published, today=dt.date(2024, 1, 3))
    assert result.document.anchor.origin is origin
    assert result.document.anchor.date.isoformat() == anchor
    assert incidents(result) == [(detained, ["arbitrary_detention"])]


def test_published_wins_over_a_dateline() -> None:
    text = "KAZAN, 4 March 2021 – Yesterday, police detained Anna Petrova."
    result = extract_text(text, published=dt.date(2021, 3, 10))
    assert result.document.anchor.origin is AnchorOrigin.PUBLISHED
    assert incidents(result) == [("2021-03-09", ["arbitrary_detention"])]


def test_without_a_document_date_the_story_stays_in_its_own_years() -> None:
    text = "On 3 May 2016, police detained Anna Petrova in Kazan. On 10 June, her flat was searched."
    result = extract_text(text, today=dt.date(2024, 1, 3))
    assert result.document.anchor.origin is AnchorOrigin.TODAY
    assert incidents(result) == [("2016-05-03", ["arbitrary_detention"]), ("2016-06-10", ["raid_search"])]


def test_the_date_of_a_statement_does_not_date_the_act() -> None:
    text = "The prosecutor said today that Anna Petrova had been detained on 12 December."
    assert incidents(extract_text(text, published=WEDNESDAY)) == [("2014-12-12", ["arbitrary_detention"])]


# -- chronologies, feeds and stories told across paragraphs ------------------------------------------


def test_a_weekday_beside_a_date_picks_its_year() -> None:
    # 28 November was a Thursday in 2019, a Saturday in 2020
    text = "On Thursday 28 November, police detained Anna Petrova in Kazan."
    assert incidents(extract_text(text, published=dt.date(2021, 3, 15))) == [
        ("2019-11-28", ["arbitrary_detention"])
    ]


def test_a_day_last_year_is_in_the_year_before_the_document() -> None:
    text = "They detained me on 11 July last year in Kazan."
    assert incidents(extract_text(text, published=dt.date(2024, 11, 20))) == [
        ("2023-07-11", ["arbitrary_detention"])
    ]


def test_a_day_written_with_dashes() -> None:
    text = "Kazan monitoring notes.\n\n• 20-08-2020 — Kazan. Anna Petrova was detained by police."
    assert incidents(extract_text(text, published=dt.date(2021, 3, 15))) == [
        ("2020-08-20", ["arbitrary_detention"])
    ]


def test_a_chronology_carries_its_year_forwards_across_entries() -> None:
    text = ("• 02.10.2019 — Kazan. Police dispersed a picket outside the city hall.\n\n"
            "• 6 Dec. — Kazan. Unknown men beat the activist Ivan Sokolov near his home.\n\n"
            "• 14 January — Kazan. Ivan Sokolov was detained by police.")
    assert incidents(extract_text(text, published=dt.date(2021, 3, 15))) == [
        ("2019-10-02", ["restriction_of_expression"]),
        ("2019-12-06", ["physical_attack"]),
        ("2020-01-14", ["arbitrary_detention"]),
    ]


def test_a_background_date_does_not_pull_later_news_into_its_year() -> None:
    text = ("A year ago, on 30 September 2022, police detained dozens of students in Kazan.\n\n"
            "In mid-September, police detained Anna Petrova in Kazan.")
    assert incidents(extract_text(text, published=dt.date(2023, 9, 30))) == [
        ("2022-09-30", ["arbitrary_detention"]),
        ("2023-09-11..2023-09-20", ["arbitrary_detention"]),
    ]


def test_today_in_a_feed_post_is_the_day_of_the_post() -> None:
    text = ("03.06 | 09:40\nKAZAN. Police detained two students outside the university today.\n\n"
            "05.06 | 11:20\nKAZAN. Yesterday unknown men beat a blogger near the market.")
    assert incidents(extract_text(text, published=dt.date(2024, 6, 28))) == [
        ("2024-06-03", ["arbitrary_detention"]),
        ("2024-06-04", ["physical_attack"]),
    ]


@pytest.mark.parametrize(
    ("relative", "expected"),
    [("Four days later", ["2019-05-02", "2019-05-06"]), ("Two days later", ["2019-05-02", "2019-05-08"])],
)
def test_a_section_titled_with_its_day(relative: str, expected: list[str]) -> None:
    # the section's "four days later" counts from the story before its title and lands on the title's
    # day; one that does not land there counts from the title as usual
    text = ("1. Hill village, 2 May 2019\n- Soldiers detained the headman.\n\n"
            f"2. River camp, 6 May\n- {relative}, soldiers burned the camp's huts.")
    assert [day for day, _ in incidents(extract_text(text, published=SUMMER))] == expected


def test_last_night_in_a_morning_post_is_the_day_of_the_post() -> None:
    text = ("07.05 | 08:15\nKAZAN. Last night police detained two students outside the dormitory.\n\n"
            "09.05 | 21:40\nKAZAN. Last night unknown men beat a blogger near the market.")
    assert incidents(extract_text(text, published=dt.date(2024, 5, 28))) == [
        ("2024-05-07", ["arbitrary_detention"]),
        ("2024-05-08", ["physical_attack"]),
    ]


def test_a_log_entry_date_does_not_outlive_its_entry() -> None:
    text = ("Kazan monitoring log\nPublished 12.02.2024\n\n"
            "27.01.2024 - Kazan.\n\nPolice detained two students outside the university.\n\n"
            "Monitors met relatives of prisoners in Kazan.\n\n"
            "Last week, unknown men beat a blogger near the market in Kazan.")
    assert incidents(extract_text(text, published=dt.date(2024, 2, 12))) == [
        ("2024-01-27", ["arbitrary_detention"]),
        ("2024-02-05..2024-02-11", ["physical_attack"]),
    ]


def test_since_an_act_opens_a_range_from_that_acts_day() -> None:
    text = ("On 3 May 2024, police arrested the journalist Anna Petrova in Kazan. Since her arrest, her "
            "colleagues have received threatening messages. On 10 May the city demolished the community "
            "centre in Kazan. Since the demolition, two men have watched the house from a car.")
    result = extract_text(text, published=dt.date(2024, 6, 1))
    spans = [(sorted(a.value for a in i.acts), i.date.start.isoformat() if i.date else None,
              i.date.end.isoformat() if i.date and i.date.end else None) for i in result.incidents]
    assert spans == [
        (["arbitrary_detention"], "2024-05-03", "2024-05-03"),
        (["threat"], "2024-05-03", None),
        (["property_destruction"], "2024-05-10", "2024-05-10"),
        (["surveillance"], "2024-05-10", None),
    ]


def test_since_a_word_that_names_no_act_is_left_to_the_date_patterns() -> None:
    text = "Since the spring, police have not answered the family. On 3 May 2024, police detained Ivan Orlov."
    found = incidents(extract_text(text, published=dt.date(2024, 6, 1)))
    assert found == [("2024-05-03", ["arbitrary_detention"])]


def test_within_days_of_an_act_counts_from_that_act() -> None:
    text = ("On 3 May 2024, police arrested the journalist Anna Petrova in Kazan. Within days of her arrest, "
            'her husband was told that he would be "next" if he spoke to lawyers.')
    result = extract_text(text, published=dt.date(2024, 6, 1))
    assert [(i.acts[0].value, i.date.start.isoformat() if i.date else None) for i in result.incidents] == [
        ("arbitrary_detention", "2024-05-03"),
        ("threat", "2024-05-03"),
    ]


def test_a_diary_day_set_off_by_a_full_stop_dates_its_entry() -> None:
    text = ("Monitor's notes, Kazan\n\nWed 9 Apr. Police detained Anna Petrova at a picket.\n\n"
            "Thu 10 Apr. Anna called: she was dismissed from the library this morning.\n\nFiled 14.04.2025")
    found = incidents(extract_text(text))
    assert found == [("2025-04-09", ["arbitrary_detention"]), ("2025-04-10", ["other"])]


# -- an offset counted from a named event ------------------------------------------------------


def test_after_the_verdict_counts_from_the_sentence_told_last_not_the_first_court_step() -> None:
    text = ("In March 2017 a court in Ufa fined the blogger Timur Sadykov for a post about the river.\n\n"
            "On 14 May 2019 a judge in Ufa convicted Sadykov of extremism and sentenced him to three years. "
            "Two days after the verdict, a pro-government channel branded his lawyer a traitor.")
    assert incidents(extract_text(text, published=SUMMER))[-1] == ("2019-05-16", ["smear_campaign"])


@pytest.mark.parametrize(
    "relative",
    ["Four days before his death", "Four days before Rojas's killing", "Four days before Rojas’s death"],
)
def test_before_a_death_or_a_named_person_s_killing_counts_from_the_killing(relative: str) -> None:
    text = ("On 20 May 2019, gunmen shot dead the farmer Tomás Rojas outside Tela. On 25 May, his family "
            f"buried him. {relative}, a court in Tela charged him with land invasion.")
    assert incidents(extract_text(text, published=SUMMER))[-1] == ("2019-05-16", ["judicial_harassment"])


def test_after_a_word_that_is_no_event_still_counts_from_the_story() -> None:
    text = "On 20 May 2019 X. Two days after Rojas's birthday Y."
    assert days(text, SUMMER) == ["2019-05-20", "2019-05-22"]


# -- "a day after <what happened>": the clause is the earlier day --------------------------------


def test_the_clause_after_a_day_after_is_the_day_before_and_the_story_stays() -> None:
    text = ("KAZAN, 20 May 2019 - Police on Friday detained the poet Ilya Orlov at his flat, a day after he "
            "read an anti-war poem on the radio. Investigators charged him with spreading false news.")
    assert incidents(extract_text(text)) == [("2019-05-17", ["arbitrary_detention", "judicial_harassment"])]


def test_the_arrest_came_a_day_after_dates_the_clause_back_from_the_arrest() -> None:
    text = ("On 12 May 2019, police detained the editor Anna Petrova in Kazan. On the same day, officers "
            "searched her newsroom. The arrest came two days after a state channel aired a film calling "
            "her newsroom \"a nest of foreign agents\".")
    assert incidents(extract_text(text, published=SUMMER))[-1] == ("2019-05-10", ["smear_campaign"])


def test_a_day_before_after_a_stated_day_dates_the_clause_it_leads() -> None:
    text = ("The clinic's website was taken down by a DDoS attack on 7 May 2019, a day before hackers took "
            "over the director's Facebook account.")
    assert incidents(extract_text(text, published=SUMMER)) == [
        ("2019-05-07", ["cyber_attack"]),
        ("2019-05-08", ["cyber_attack"]),
    ]


def test_an_offset_opening_its_sentence_still_counts_forwards() -> None:
    # must not change: "Two days after police raided ..." at the head of a sentence is the later day
    text = "On 6 May 2019 X. Two days after police raided the flat, Y."
    assert days(text, SUMMER) == ["2019-05-06", "2019-05-08"]


def test_a_diary_day_with_its_weekday_alone_on_a_line_dates_its_entry() -> None:
    text = ("Observer's diary, Kazan court\n\nMon. 07.04\nThe judge adjourned the hearing.\n\n"
            "Thu. 10.04\nThe court sentenced Anna Petrova to two years in a penal colony.\n\n"
            "Filed 14.04.2025")
    assert incidents(extract_text(text)) == [("2025-04-10", ["judicial_harassment"])]


def test_a_decimal_alone_on_a_line_is_no_diary_day() -> None:
    # must not change: without a weekday, "2.1" on its own line is a section number
    assert find_mentions("Findings\n2.1\nThe detainee had bruises.") == []


def test_a_state_since_a_month_inside_a_sentence_does_not_date_the_sentences_after_it() -> None:
    text = ("KAZAN, 20 February 2025 - The charges stem from a strike on 21 January 2025, when miners "
            "demanded wages unpaid since October. Riot police broke up the strike with tear gas.")
    assert [day for day, _ in incidents(extract_text(text))] == ["2025-01-21"]


def test_an_open_range_alone_still_dates_what_follows() -> None:
    # must not change: a sentence whose only date is "since January" still leads the story
    text = ("KAZAN, 20 February 2025 - Since January, men in a grey car have followed the lawyer Anna "
            "Petrova. They also photographed her visitors.")
    assert [day for day, _ in incidents(extract_text(text))] == ["2025-01-01.."]


# -- a date that belongs to another clause ----------------------------------------------------


def test_the_day_a_law_was_issued_does_not_date_a_prosecution_under_it() -> None:
    text = ("KAZAN, 20 May 2019 - On Friday, a court in Kazan charged the poet Ilya Orlov with extremism "
            "under a law adopted in 2012, for a poem about the war.")
    assert incidents(extract_text(text)) == [("2019-05-17", ["judicial_harassment"])]


def test_the_day_of_a_flashback_clause_does_not_date_the_act_before_it() -> None:
    text = ("On 14 May 2019, investigators in Kazan charged Anna Petrova with treason over interviews she "
            "had given to a foreign radio station in 2016.")
    assert incidents(extract_text(text, published=SUMMER)) == [("2019-05-14", ["judicial_harassment"])]


def test_an_act_inside_a_past_perfect_clause_keeps_that_clause_s_date() -> None:
    # must not change: the act told in the past perfect is the one the date belongs to
    text = "Anna Petrova told the court in Kazan that guards had beaten her on 2 May 2019."
    assert [day for day, _ in incidents(extract_text(text, published=SUMMER))] == ["2019-05-02"]


def test_an_acronym_in_brackets_does_not_part_an_act_from_its_date() -> None:
    text = ("KAZAN, 20 May 2019 - On 9 May, a local channel showed fighting between the army and the Free "
            "Mountain Front (FMF) around the village between 2 and 4 May.")
    assert [day for day, _ in incidents(extract_text(text))] == ["2019-05-02..2019-05-04"]


def test_a_look_back_beside_the_day_of_a_sentence_does_not_date_what_follows() -> None:
    text = ("KAZAN, 20 May 2019 - Activists had called a vigil today outside the court, as they had done "
            "in March.\n\nPolice dispersed the vigil and detained five activists.")
    assert [day for day, _ in incidents(extract_text(text))] == ["2019-05-20"]


def test_a_day_said_inside_the_words_of_the_act_dates_it() -> None:
    text = ("On 14 May 2019, police in Kazan detained the activist Anna Petrova after a picket. She was "
            "charged the following day under the extremism law with \"calls to separatism\".")
    assert incidents(extract_text(text, published=SUMMER)) == [
        ("2019-05-14", ["arbitrary_detention"]),
        ("2019-05-15", ["judicial_harassment"]),
    ]
