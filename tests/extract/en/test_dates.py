"""English date expressions: which words are a date, and the days they resolve to.

Every date style the extraction issue lists is a case here, read by the public ``find_mentions`` and
resolved by a ``Timeline`` in document order, the way the pipeline does it. Expected spans follow
the corpus conventions (corpus/tune/README.md): early/mid/late month = days 1-10/11-20/21-end,
early/mid/late year = Jan-Apr/May-Aug/Sep-Dec, seasons are three whole months, "last week" is the
previous Monday-Sunday, a weekday is the latest such day on or before the document's date.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import NamedTuple

import pytest

from chronika.extract.en.dates import find_mentions
from chronika.extract.timeline import Kind, Timeline
from chronika.model import DateSpan, Precision

WEDNESDAY = dt.date(2014, 12, 17)
MONDAY = dt.date(2014, 12, 15)
SUMMER = dt.date(2019, 6, 1)
AUTUMN = dt.date(2019, 11, 1)


class Case(NamedTuple):
    text: str
    document_date: dt.date
    words: str  # exactly the words the mention must cover
    expected: str  # "2014-12-13" for a day, "START..END precision", "START.. range" when open


def label(span: DateSpan) -> str:
    if span.precision is Precision.DAY and span.start == span.end:
        return span.start.isoformat()
    return f"{span.start}..{span.end or ''} {span.precision.value}"


def read(text: str, document_date: dt.date) -> dict[str, DateSpan | None]:
    """Resolve every mention in order, as the pipeline does, keyed by the words it covers."""
    timeline = Timeline(document_date=document_date, reference=document_date)
    spans: dict[str, DateSpan | None] = {}
    for mention in find_mentions(text):
        words = text[mention.start : mention.end]
        spans[words] = timeline.resolve(mention, words, text.count("\n\n", 0, mention.start))
    return spans


def check(case: Case) -> None:
    spans = read(case.text, case.document_date)
    assert case.words in spans, f"{case.words!r} not read as a date; found {list(spans)}"
    span = spans[case.words]
    assert span is not None
    assert label(span) == case.expected
    assert span.text == case.words


EXPLICIT = [
    Case("On 13 December 2014, police came.", WEDNESDAY, "13 December 2014", "2014-12-13"),
    Case("On December 13, 2014, police came.", WEDNESDAY, "December 13, 2014", "2014-12-13"),
    Case("On Dec. 13 police came.", WEDNESDAY, "Dec. 13", "2014-12-13"),
    Case("On 13.12.2014 police came.", WEDNESDAY, "13.12.2014", "2014-12-13"),
    Case("On 12/13/2014 police came.", WEDNESDAY, "12/13/2014", "2014-12-13"),
    Case("On 2014-12-13 police came.", WEDNESDAY, "2014-12-13", "2014-12-13"),
    Case("On the 13th of December police came.", WEDNESDAY, "the 13th of December", "2014-12-13"),
    Case("In the evening of 13 December X.", WEDNESDAY, "In the evening of 13 December", "2014-12-13"),
]
DAY_WITHOUT_YEAR = [
    Case("On 13 December police came.", WEDNESDAY, "13 December", "2014-12-13"),
    Case("On December 9 police came.", WEDNESDAY, "December 9", "2014-12-09"),
    # Never after the document: late December in a January report is last year's December.
    Case("On 28 December police came.", dt.date(2015, 1, 20), "28 December", "2014-12-28"),
    Case("On 5 January police came.", dt.date(2015, 1, 20), "5 January", "2015-01-05"),
    Case("On 2 June police came.", SUMMER, "2 June", "2018-06-02"),
]
PERIODS = [
    Case("At the beginning of March X.", AUTUMN, "the beginning of March", "2019-03-01..2019-03-10 range"),
    Case("By the middle of May X.", AUTUMN, "the middle of May", "2019-05-11..2019-05-20 range"),
    Case("Since the start of September X.", AUTUMN, "Since the start of September", "2019-09-01.. range"),
    Case("In June police came.", AUTUMN, "In June", "2019-06-01..2019-06-30 month"),
    Case("In March 2013 police came.", AUTUMN, "March 2013", "2013-03-01..2013-03-31 month"),
    Case("In late April police came.", AUTUMN, "late April", "2019-04-21..2019-04-30 range"),
    Case("In early May police came.", AUTUMN, "early May", "2019-05-01..2019-05-10 range"),
    Case("In mid-May police came.", AUTUMN, "mid-May", "2019-05-11..2019-05-20 range"),
    Case("By mid-2018 police came.", AUTUMN, "mid-2018", "2018-05-01..2018-08-31 range"),
    Case("In early 2019 police came.", AUTUMN, "In early 2019", "2019-01-01..2019-04-30 range"),
    Case("In late 2018 police came.", AUTUMN, "In late 2018", "2018-09-01..2018-12-31 range"),
    Case("In spring 2019 police came.", AUTUMN, "In spring 2019", "2019-03-01..2019-05-31 range"),
    Case("In the summer police came.", AUTUMN, "In the summer", "2019-06-01..2019-08-31 range"),
    # A season not yet begun in the document's year is last year's.
    Case("In the spring police came.", dt.date(2019, 2, 1), "In the spring", "2018-03-01..2018-05-31 range"),
    Case("In 2016 police came.", AUTUMN, "In 2016", "2016-01-01..2016-12-31 year"),
    # the year written after the month is part of the same date
    Case("In late February this year police came.", AUTUMN, "late February this year",
         "2019-02-21..2019-02-28 range"),
    Case("In mid-October last year police came.", AUTUMN, "mid-October last year",
         "2018-10-11..2018-10-20 range"),
    Case("In April last year police came.", AUTUMN, "In April last year", "2018-04-01..2018-04-30 month"),
]
RANGES = [
    Case("Between 10 and 12 May X.", SUMMER, "Between 10 and 12 May", "2019-05-10..2019-05-12 range"),
    Case("Between May 10 and 12 X.", SUMMER, "Between May 10 and 12", "2019-05-10..2019-05-12 range"),
    Case("From 3 to 5 March police came.", SUMMER, "From 3 to 5 March", "2019-03-03..2019-03-05 range"),
    Case("On 10-12 May police came.", SUMMER, "10-12 May", "2019-05-10..2019-05-12 range"),
    Case("On the night of 3 to 4 May X.", SUMMER, "On the night of 3 to 4 May",
         "2019-05-03..2019-05-04 range"),
    Case("Hamlet of Ivanovka, night of 3 to 4 May", SUMMER, "night of 3 to 4 May",
         "2019-05-03..2019-05-04 range"),
    Case("It began on the night of 31 May to 1 June.", SUMMER, "on the night of 31 May to 1 June",
         "2019-05-31..2019-06-01 range"),
    Case("From 28 December to 3 January X.", dt.date(2019, 2, 1), "From 28 December to 3 January",
         "2018-12-28..2019-01-03 range"),
    Case("From March to May police came.", SUMMER, "From March to May", "2019-03-01..2019-05-31 range"),
    Case("He was held from his arrest on 9 April until 21 April.", SUMMER,
         "from his arrest on 9 April until 21 April", "2019-04-09..2019-04-21 range"),
]
WEEKDAYS = [
    Case("On Monday police came.", WEDNESDAY, "On Monday", "2014-12-15"),
    Case("On Tuesday morning police came.", WEDNESDAY, "On Tuesday morning", "2014-12-16"),
    Case("On Wednesday police came.", WEDNESDAY, "On Wednesday", "2014-12-17"),
    Case("Last Thursday police came.", WEDNESDAY, "Last Thursday", "2014-12-11"),
    # a stretch of weekdays: the latest one that has ended by the document's date
    Case("Power was cut from Friday evening until Sunday morning.", WEDNESDAY,
         "from Friday evening until Sunday morning", "2014-12-12..2014-12-14 range"),
    Case("Power was cut between Saturday and Tuesday.", WEDNESDAY, "between Saturday and Tuesday",
         "2014-12-13..2014-12-16 range"),
]
DOCUMENT_RELATIVE = [
    Case("Police came yesterday.", WEDNESDAY, "yesterday", "2014-12-16"),
    Case("Police came today.", WEDNESDAY, "today", "2014-12-17"),
    Case("Police came the day before yesterday.", WEDNESDAY, "the day before yesterday", "2014-12-15"),
    Case("Police came last week.", WEDNESDAY, "last week", "2014-12-08..2014-12-14 range"),
    Case("Police came this weekend.", MONDAY, "this weekend", "2014-12-13..2014-12-14 range"),
    Case("Police came last month.", WEDNESDAY, "last month", "2014-11-01..2014-11-30 month"),
    Case("Police came earlier this year.", WEDNESDAY, "earlier this year", "2014-01-01..2014-12-17 range"),
    Case("Three days ago X.", WEDNESDAY, "Three days ago", "2014-12-14"),
    # a day of the month alone: the latest such day on or before the document's date
    Case("He was stopped on the 12th at the bridge.", WEDNESDAY, "on the 12th", "2014-12-12"),
    Case("He was stopped on the 20th at the bridge.", WEDNESDAY, "on the 20th", "2014-11-20"),
    Case("Police came two weeks ago.", WEDNESDAY, "two weeks ago", "2014-12-03"),
    Case("Police came two months ago.", WEDNESDAY, "two months ago", "2014-10-01..2014-10-31 month"),
    Case("The hall was built 20 years ago.", WEDNESDAY, "20 years ago", "1994-01-01..1994-12-31 year"),
    # an anniversary names the very day
    Case("Three years today since Ivan was taken.", WEDNESDAY, "Three years today", "2011-12-17"),
    Case("A year ago today, Ivan was taken.", WEDNESDAY, "A year ago today", "2013-12-17"),
]
NARRATIVE_RELATIVE = [
    Case("On 10 May 2019 X. The following day Y.", SUMMER, "The following day", "2019-05-11"),
    Case("On 10 May 2019 X. The next morning Y.", SUMMER, "The next morning", "2019-05-11"),
    Case("On 10 May 2019 X. Two days later Y.", SUMMER, "Two days later", "2019-05-12"),
    Case("On 10 May 2019 X. A week later Y.", SUMMER, "A week later", "2019-05-17"),
    Case("On 10 May 2019 X. On the same day Y.", SUMMER, "On the same day", "2019-05-10"),
    Case("On 10 May 2019 X. Earlier that day Y.", SUMMER, "Earlier that day", "2019-05-10"),
    Case("On 30 May 2019 X. Later that evening Y.", SUMMER, "Later that evening", "2019-05-30"),
    Case("On 10 May 2019 X. The previous day Y.", SUMMER, "The previous day", "2019-05-09"),
    Case("On 10 May 2019 X. The following week Y.", SUMMER, "The following week",
         "2019-05-13..2019-05-19 range"),
    # the story's day and the one after, told together
    Case("On 10 May 2019 X. That night and the following day Y.", SUMMER, "That night and the following day",
         "2019-05-10..2019-05-11 range"),
    # a month or year named by its neighbour is that whole month or year, counted from the last one told,
    # even a month told in passing before the story's latest day
    Case("On 10 May 2019 X. The following month Y.", SUMMER, "The following month",
         "2019-06-01..2019-06-30 month"),
    Case("On 2 May 2019 X.\n\nIn March 2017 a paper named her. The same month Y.", SUMMER, "The same month",
         "2017-03-01..2017-03-31 month"),
    Case("In 2016 X. The following year Y.", SUMMER, "The following year", "2017-01-01..2017-12-31 year"),
    # 10 May 2019 was a Friday: the following Tuesday is the 14th, not the Tuesday before the document
    Case("On 10 May 2019 X. On the following Tuesday Y.", SUMMER, "On the following Tuesday", "2019-05-14"),
    Case("On 10 May 2019 X. The next Friday Y.", SUMMER, "The next Friday", "2019-05-17"),
    # a night told as two days is an occasion: "earlier that day" stays on it
    Case("Hamlet of Ivanovka, night of 7 to 8 May\nTroops arrived after a clash earlier that day.", SUMMER,
         "earlier that day", "2019-05-07..2019-05-08 range"),
    # after midnight: the next day when the story's day was an evening, that same day otherwise
    Case("They set off on the evening of 19 May. Guards stopped them after midnight.", SUMMER,
         "after midnight", "2019-05-20"),
    Case("On 19 May, shortly after midnight, guards stopped them.", SUMMER, "shortly after midnight",
         "2019-05-19"),
]
OPEN_RANGES = [
    Case("On 10 May 2019 X. Within days Y.", SUMMER, "Within days", "2019-05-10.. range"),
    Case("On 10 May 2019 X. Within a few days Y.", SUMMER, "Within a few days", "2019-05-10.. range"),
    Case("On 10 May 2019 X. For several days since, Y.", SUMMER, "For several days since",
         "2019-05-10.. range"),
    Case("On 10 May 2019 X. Since then Y.", SUMMER, "Since then", "2019-05-10.. range"),
    Case("On 10 May 2019 X. In the days that followed Y.", SUMMER, "In the days that followed",
         "2019-05-11.. range"),
    Case("Since January Y.", dt.date(2015, 3, 10), "Since January", "2015-01-01.. range"),
    Case("Since 5 March 2014 Y.", WEDNESDAY, "Since 5 March 2014", "2014-03-05.. range"),
    Case("Since 2012 Y.", WEDNESDAY, "Since 2012", "2012-01-01.. range"),
]

# Styles in the spirit of the list that the engine does not read yet; strict, so a fix shows.
def gap(case: Case, reason: str) -> object:
    return pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=reason))


GAPS = [
    gap(Case("Over the weekend X.", MONDAY, "Over the weekend", "2014-12-13..2014-12-14 range"),
        "'over the weekend' is not read as a date"),
    gap(Case("Since the beginning of the year X.", WEDNESDAY, "Since the beginning of the year",
             "2014-01-01.. range"),
        "'since the beginning of the year' is not read as an open range"),
]


def ids(case: Case) -> str:
    return case.words


@pytest.mark.parametrize("case", EXPLICIT, ids=ids)
def test_explicit_dates(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", DAY_WITHOUT_YEAR, ids=ids)
def test_a_day_without_a_year(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", PERIODS, ids=ids)
def test_months_seasons_and_parts_of_periods(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", RANGES, ids=ids)
def test_ranges(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", WEEKDAYS, ids=ids)
def test_weekdays_are_the_latest_such_day_of_the_document(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", DOCUMENT_RELATIVE, ids=ids)
def test_expressions_relative_to_the_document(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", NARRATIVE_RELATIVE, ids=ids)
def test_expressions_relative_to_the_narrative(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", OPEN_RANGES, ids=ids)
def test_open_ranges(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", GAPS, ids=ids)
def test_styles_not_read_yet(case: Case) -> None:
    check(case)


@pytest.mark.parametrize(
    "text",
    [
        "Protesters may march to the square.",  # "may" the verb, "march" the walk
        "police in may searched the flat",  # month names must be capitalised
        "Next Monday the court will sit.",  # the future is not a report
        "He was held in cell 12 for a year.",
        "The 2014 law on foreign agents.",
    ],
)
def test_words_that_are_not_dates(text: str) -> None:
    assert find_mentions(text) == []


@pytest.mark.parametrize(
    "text",
    ["Men photographed people arriving at their Friday gatherings.",
     "Protests against the council continue after Friday prayers."],
)
def test_a_weekday_naming_a_weekly_habit_is_no_date(text: str) -> None:
    assert find_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [("Police sealed the mosque after Friday prayer.", "Friday"),
     ("On Friday protests were dispersed.", "On Friday")],
)
def test_a_weekday_before_a_noun_that_names_one_occasion_stays_a_date(text: str, words: str) -> None:
    [mention] = find_mentions(text)
    assert text[mention.start : mention.end] == words


def test_a_date_the_calendar_lacks_resolves_to_nothing() -> None:
    assert read("The hearing of 31 February 2019 was cancelled.", SUMMER) == {"31 February 2019": None}


@pytest.mark.parametrize(
    "text",
    ["It was her 3rd day on hunger strike.", "He was moved on the 2nd floor.", "on the 40th anniversary",
     "On the 4th of May X.", "Held on the 5th March."],
)
def test_an_ordinal_that_is_not_a_day_of_the_month_alone(text: str) -> None:
    assert all(m.point is None or m.point.month is not None for m in find_mentions(text))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The prosecutor said today that the case was closed.", "today"),
        ("The ministry announced on Tuesday that the NGO was closed.", "on Tuesday"),
        ("The Kazan Legal Clinic today condemned the verdict against the poet.", "today"),
        ("The ombudsman on Monday voiced concern about the camp.", "on Monday"),
        ("The ministry said in a statement on Tuesday that the editor was arrested lawfully.", "on Tuesday"),
    ],
)
def test_the_date_of_a_statement_is_marked_as_reporting(text: str, words: str) -> None:
    [mention] = find_mentions(text)
    assert text[mention.start : mention.end] == words
    assert mention.reporting


def test_since_before_a_day_makes_an_open_range() -> None:
    [mention] = find_mentions("He has been in custody since 5 March.")
    assert mention.kind is Kind.OPEN


def test_a_look_back_does_not_move_the_story() -> None:
    [mention] = find_mentions("Two years ago police came.")
    assert not mention.sets_anchor


@pytest.mark.parametrize(
    "text",
    ["He was held for 12 days before he saw a judge.",
     "He was questioned during the three days before he saw a judge."],
)
def test_a_count_of_days_before_an_event_that_is_a_duration_is_no_date(text: str) -> None:
    assert find_mentions(text) == []


def test_years_today_needs_since() -> None:
    text = "Two years today the hall stands empty."
    assert [text[m.start : m.end] for m in find_mentions(text)] == ["today"]


def test_a_day_set_beside_a_relative_date_is_the_one_that_counts() -> None:
    text = "On 1 May 2019 police came. Two days later, on 4 May, a court fined him."
    _, later, day = find_mentions(text)
    assert text[later.start : later.end] == "Two days later" and not later.sets_anchor
    assert text[day.start : day.end] == "4 May" and day.sets_anchor and not day.reporting


def test_a_statement_made_today_still_sets_the_story_s_present() -> None:
    [mention] = find_mentions("The Kazan Legal Clinic today condemned the verdict.")
    assert mention.reporting and mention.sets_anchor


def test_the_date_of_an_act_is_not_reporting() -> None:
    [mention] = find_mentions("Police on Monday detained the poet outside the theatre.")
    assert not mention.reporting


def test_since_a_day_when_something_happened_is_that_day() -> None:
    text = "Ilya has not been seen since Sunday, when two men pushed him into a car."
    [mention] = find_mentions(text)
    assert text[mention.start : mention.end] == "Sunday"
    assert mention.kind is Kind.WEEKDAY and mention.sets_anchor


@pytest.mark.parametrize(
    ("text", "words", "anchors"),
    [
        # the end of a state, not a new day of the story
        ("He was held until his release the following morning.", "the following morning", False),
        # a day told in the past perfect looks back from the story's day
        ("She said that from 4 to 6 March she had been denied any water.", "from 4 to 6 March", False),
        ("She said that on 4 March guards beat her.", "4 March", True),
        ("Released two days later, the men said they had been beaten.", "two days later", False),
        ("He reappeared a week later in a hospital.", "a week later", False),
        ("Guards beat him two days later.", "two days later", True),
    ],
)
def test_what_does_not_move_the_story_on(text: str, words: str, anchors: bool) -> None:
    [mention] = find_mentions(text)
    assert text[mention.start : mention.end] == words
    assert mention.sets_anchor is anchors


def test_mentions_are_in_order_and_never_overlap() -> None:
    text = ("On 3 May 2019 police came; two days later, on 5 May, they came back. "
            "Between 10 and 12 May they searched the flat, and since then the family has been followed.")
    mentions = find_mentions(text)
    assert [text[m.start : m.end] for m in mentions] == [
        "3 May 2019", "two days later", "5 May", "Between 10 and 12 May", "since then",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_a_window_reads_only_its_part_of_the_text() -> None:
    text = "On 3 May 2019 police came. On 5 May they came back."
    [mention] = find_mentions(text, 27, len(text))
    assert text[mention.start : mention.end] == "5 May"


# -- days that do not date the act beside them (session 4, fresh-document families) ------------------


@pytest.mark.parametrize(
    ("text", "words", "scheduled"),
    [
        ("The magistrate refused bail and adjourned the trial until 4 November.", "4 November", True),
        ("The hearing was postponed once more, this time to Tuesday.", "Tuesday", True),
        ("A bailiff served a summons requiring him to appear in court on 9 April.", "9 April", True),
        ("Her next hearing is set for 27 January.", "27 January", True),
        ("The appeal is scheduled for 2 December 2031.", "2 December 2031", True),
        ("His next remand hearing is due on 3 December.", "3 December", True),
        ("The verdict is expected on Thursday.", "on Thursday", True),
        # the same verbs with the act's own day
        ("Officers summoned him on 4 November and questioned him for six hours.", "4 November", False),
        ("She was stopped at the border on 9 April as she was about to board a bus.", "9 April", False),
        ("The court sentenced him on 27 January to three years.", "27 January", False),
    ],
)
def test_a_day_fixed_for_a_later_step_dates_no_act(text: str, words: str, scheduled: bool) -> None:
    [mention] = find_mentions(text)
    assert text[mention.start : mention.end] == words
    assert mention.bound is scheduled
    assert mention.sets_anchor is not scheduled


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a weekday used as a given name, or for a habit, is no day of the story
        ("Police beat the boatman Papa Monday Eze on 3 June.", ["3 June"]),
        ("Friday Okonkwo, a trader, was detained on 3 June.", ["3 June"]),
        ("The court ordered him to report to the police every Tuesday.", []),
        ("She must sign a register each Friday until the trial.", []),
        ("A man photographed worshippers arriving at their Friday gatherings.", []),
        # the same weekdays as days
        ("On Monday Police Commissioner Okoro banned the march.", ["On Monday"]),
        ("Police detained him on Friday, Amnesty said.", ["on Friday"]),
        ("Officers raided the office on Tuesday Morning.", ["on Tuesday Morning"]),
        ("The governor said Monday that the curfew would stay.", ["Monday"]),
        ("Saturday\nPolice dispersed the sit-in.", ["Saturday"]),
    ],
)
def test_a_weekday_that_names_a_person_or_a_habit_is_no_day(text: str, days: list[str]) -> None:
    assert [text[m.start : m.end] for m in find_mentions(text)] == days


@pytest.mark.parametrize(
    "case",
    [
        Case("On 3 and 4 May X.", SUMMER, "3 and 4 May", "2019-05-03..2019-05-04 range"),
        Case("On 4 and 5 March 2019, bulldozers razed the market.", SUMMER, "4 and 5 March 2019",
             "2019-03-04..2019-03-05 range"),
        Case("Guards beat him on 14, 15 and 16 January.", SUMMER, "14, 15 and 16 January",
             "2019-01-14..2019-01-16 range"),
        Case("Overnight on 8 to 9 April, his car was set alight.", SUMMER, "Overnight on 8 to 9 April",
             "2019-04-08..2019-04-09 range"),
        Case("Clashes were reported on April 20 and 21.", SUMMER, "April 20 and 21",
             "2019-04-20..2019-04-21 range"),
    ],
)
def test_days_told_together_are_one_stretch(case: Case) -> None:
    check(case)


def test_days_far_apart_are_not_one_stretch() -> None:
    text = "He was questioned on 3 and 17 May."
    assert [text[m.start : m.end] for m in find_mentions(text)] == ["17 May"]


def test_that_night_and_the_following_day_is_a_stretch_of_two_days() -> None:
    spans = read("On 4 May police detained him. That night and the following day, guards beat him.", SUMMER)
    span = spans["That night and the following day"]
    assert span is not None and label(span) == "2019-05-04..2019-05-05 range"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("During her first three days at the barracks she was beaten.", ["During her first three days"]),
        # a duration, not a stretch the story tells
        ("They were denied lawyers for the first four days of their detention.", []),
    ],
)
def test_the_first_days_of_custody(text: str, words: list[str]) -> None:
    assert [text[m.start : m.end].strip() for m in find_mentions(text)] == words


@pytest.mark.parametrize(
    ("text", "dating"),
    [
        ("The regulator took the station off air after Sunday's phone-in on the strike.", False),
        ("Police detained ten people at Sunday's march.", True),
        ("Police detained ten people on Sunday after the march.", True),
    ],
)
def test_the_day_of_what_came_before_the_act_does_not_date_it(text: str, dating: bool) -> None:
    [mention] = find_mentions(text)
    assert mention.bound is not dating


@pytest.mark.parametrize(
    ("text", "words", "seen"),
    [
        ("A nurse who examined her on Monday noted burns on her arms.", "on Monday", True),
        ("His lawyer saw bruises on his legs the following day.", "the following day", True),
        ("Witnesses saw police beat him on Monday.", "on Monday", False),
        ("Police beat him again the following day.", "the following day", False),
    ],
)
def test_the_day_harm_was_seen_is_not_the_day_it_was_done(text: str, words: str, seen: bool) -> None:
    [mention] = find_mentions(text)
    assert text[mention.start : mention.end] == words
    assert mention.reporting is seen
    assert mention.sets_anchor is not seen


@pytest.mark.parametrize(
    ("text", "telling"),
    [
        ("Interviewed in Gulu on 3 May 2024 by our researcher.", True),
        ("The testimony below was recorded in Kampala on 3 May 2024.", True),
        # questioning by the authorities is an act, not the telling of one
        ("He was interviewed by police in Gulu on 3 May 2024 for six hours.", False),
    ],
)
def test_the_day_a_testimony_was_given_is_no_act_s_day(text: str, telling: bool) -> None:
    [mention] = find_mentions(text)
    assert mention.telling is telling
    assert mention.reporting is telling
