"""Resolving date mentions to spans of days, following the narrative of a report.

Language modules find *mentions* ("the following day", "in late April", "on Monday") and describe
them structurally; this module turns them into ``DateSpan``s. Reports tell a story: each date they
state becomes the anchor for the relative expressions after it, a missing year is taken from the
surrounding narrative, and nothing is placed after the document's own date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from chronika.model import Act, DateSpan, Precision


class Kind(Enum):
    CALENDAR = "calendar"  # a day, month, part of a month, season, part of a year or a year
    RANGE = "range"  # two calendar points: "between 10 and 12 May"
    WEEKDAY = "weekday"  # "on Monday": relative to the document's date
    DOC_RELATIVE = "doc_relative"  # "yesterday", "last week", "this weekend"
    ANCHOR_RELATIVE = "anchor_relative"  # "the following day", "two days later"
    OPEN = "open"  # "within days", "since January": a start and no end


class Part(Enum):
    EARLY = "early"
    MID = "mid"
    LATE = "late"


class Unit(Enum):
    DAY = "day"
    WEEK = "week"
    WEEKEND = "weekend"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class CalendarRef:
    """A calendar point with whatever parts the text gave; missing parts are inferred or widened."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: Part | None = None
    season: str | None = None  # spring | summer | autumn | winter
    weekday: int | None = None  # "Thursday 28 November": the year must put the day on that weekday
    relative_year: int | None = None  # "11 July last year": -1 from the document's year


@dataclass(frozen=True, slots=True)
class Mention:
    """One date expression at ``[start, end)`` of the document text."""

    start: int
    end: int
    kind: Kind
    point: CalendarRef | None = None
    until: CalendarRef | None = None
    weekday: int | None = None
    until_weekday: int | None = None  # "from Friday evening until Sunday morning"
    offset: int = 0  # how many ``unit``s from the anchor or the document's date; negative is earlier
    unit: Unit = Unit.DAY
    open_from_next_day: bool = False
    whole_unit: bool = False  # "the following week": that whole calendar week
    to_document_date: bool = False  # "so far this year": the open range ends at the document's date
    after_act: Act | None = None  # "a week after the arrest": relative to that act's incident
    sets_anchor: bool = True
    reporting: bool = False  # "said today": when something was said, not when an act happened
    open_end: bool = False  # "since Tuesday", "since 5 March": from that date, with no end
    bound: bool = False  # "held until the following evening", "released by 26 Jan": the end of a state
    heading: bool = False  # a date that opens a line of a log or feed ("03.06 | 09:40", "2018-09-15:")
    evening: bool = False  # "on the evening of 19 June": what comes "after midnight" is the next day
    past_midnight: bool = False  # "intercepted after midnight": the day after an evening, else that day
    same_day: bool = False  # "two years today since ...": that calendar day, ``offset`` units back
    title: bool = False  # a date that ends a short title line ("3. Hill village, 9 May")
    latest: bool = False  # "after the hearing": the act's latest occasion, not its first
    night: bool = False  # "last night": in a post written in the morning, the night just ending
    morning_post: bool = False  # a log heading with a time before noon ("03.06 | 09:40")
    telling: bool = False  # "the account was given on 26 November": what it recounts happened before
    through: int = 0  # "that night and the following day": the span runs on this many days
    aside: bool = False  # "..., a day after he spoke on the radio": dates its own clause, not the story
    # where the clause the date belongs to begins ("a law adopted in 2021", "interviews he had given in
    # 2020"): an act told before that clause is not dated by it
    clause_start: int | None = None
    background: bool = False  # that clause names no act ("a law adopted in 2021"): nor what follows a comma


DAY_SECTION_PARAGRAPHS = 40  # how far a live page's day heading reaches, at most
FEW_DAYS = 4  # a range shorter than this many days ("3 to 4 May") is a told occasion, not background
FOLLOW_PARAGRAPHS = 2  # how many paragraphs a story told day by day carries its year
FORWARD_DAYS = 300  # how far ahead of the story's day a date without a year is still read forwards
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
PART_OF_MONTH_DAYS = {Part.EARLY: (1, 10), Part.MID: (11, 20), Part.LATE: (21, 31)}
PART_OF_YEAR_MONTHS = {Part.EARLY: (1, 4), Part.MID: (5, 8), Part.LATE: (9, 12)}
# "A week after the arrest" when no arrest was read as such: the act an arrest is told with (someone
# "taken away" in a search, or seized by men who did not say who they were).
TOLD_WITH = {Act.ARBITRARY_DETENTION: (Act.RAID_SEARCH,)}
# "Since his arrest" when he was first taken by men who denied holding him: the day he was taken,
# the earlier of the first detention and the first disappearance told.
SAME_OCCASION = {Act.ARBITRARY_DETENTION: (Act.ENFORCED_DISAPPEARANCE,)}


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, last_day(year, month + 1)))


def is_flashback(anchor: DateSpan | None, span: DateSpan) -> bool:
    """A coarse date wholly before the story's current day ("interviews given in 2020") is background:
    it neither moves the story's anchor nor dates the sentences that follow. A range of a few named
    days ("the night of 3 to 4 May") is as precise as a day."""
    if anchor is None or span.precision is Precision.DAY or span.end is None:
        return False
    if span.precision is Precision.RANGE and (span.end - span.start).days < FEW_DAYS:
        return False
    return span.end < anchor.start


def _refines(finer: DateSpan, coarser: DateSpan) -> bool:
    """Whether ``finer`` is a narrower span inside ``coarser``."""
    if coarser.end is None or finer.end is None:
        return False
    inside = coarser.start <= finer.start and finer.end <= coarser.end
    return inside and (finer.end - finer.start) < (coarser.end - coarser.start)


def _shift(day: dt.date, m: Mention) -> dt.date:
    if m.unit is Unit.MONTH:
        return add_months(day, m.offset)
    if m.unit is Unit.YEAR:
        return add_months(day, 12 * m.offset)
    return day + dt.timedelta(days=m.offset * (7 if m.unit is Unit.WEEK else 1))


@dataclass
class Timeline:
    """Walks a document's date mentions in order, keeping the narrative anchor.

    ``document_date`` bounds every inference (no event after the document); ``reference`` is where the
    narrative starts when nothing has been stated yet.
    """

    document_date: dt.date
    reference: dt.date
    anchor: DateSpan | None = None
    act_dates: dict[Act, DateSpan] = field(default_factory=dict)
    act_latest: dict[Act, DateSpan] = field(default_factory=dict)
    paragraph: int = 0
    year_paragraph: int | None = None  # the paragraph of the last date that stated or continued a year
    entry_date: dt.date | None = None  # the day of the log entry being read: "today" in a feed post
    entry_paragraph: int = 0  # where that entry's heading stands; the entry is it and the paragraph after
    entry_paragraphs: int = 1  # how many paragraphs after its heading the entry runs
    entry_morning: bool = False  # that entry was posted before noon
    backward: bool = False  # the mention being resolved looks back ("had been warned on 2 April")
    evening: bool = False  # the story's day was told as an evening or a night
    titled: tuple[DateSpan | None, DateSpan] | None = None  # (anchor before a title's date, that date)
    told_on: dt.date | None = None  # the day a testimony was given: a day it recounts is on or before it
    told: DateSpan | None = None  # the last calendar date told, background or not: "the same month"

    def resolve(self, mention: Mention, text: str, paragraph: int = 0) -> DateSpan | None:
        self.paragraph = paragraph
        self.backward = not mention.sets_anchor
        try:
            span = self._resolve(mention, text)
        except (ValueError, OverflowError):
            return None  # "31 February", year 0: the words are not a real date
        if span is None:
            return None
        if mention.kind in (Kind.CALENDAR, Kind.RANGE) and not mention.reporting and not mention.open_end:
            self.told = span
        if mention.open_end:
            span = DateSpan(start=span.start, end=None, precision=Precision.RANGE, text=text)
        if span.start > self.document_date and mention.kind in (Kind.ANCHOR_RELATIVE, Kind.OPEN):
            return None  # "five years after": not an event this document can report
        flashback = (mention.kind is Kind.ANCHOR_RELATIVE and mention.offset < 0) or is_flashback(
            self.anchor, span
        )
        future = span.start > self.document_date  # a planned step; the story stays where it was
        if (
            mention.sets_anchor
            and mention.kind is not Kind.OPEN
            and not mention.open_end
            and not flashback
            and not future
        ):
            self.titled = (self.anchor, span) if mention.title else None
            self.anchor = span
            self.evening = mention.evening
        if mention.point is not None and (mention.point.year is not None or self._narrative_year()):
            self.year_paragraph = paragraph  # a year stated, or carried on by the story told in order
        if mention.telling and span.start <= self.document_date:
            self.told_on = span.end or span.start
        if mention.heading and span.precision is Precision.DAY and span.start <= self.document_date:
            self.entry_date, self.entry_paragraph = span.start, paragraph
            # a day alone on its line ("SUNDAY 18 MAY 2025") heads every post until the next such day
            self.entry_paragraphs = DAY_SECTION_PARAGRAPHS if mention.title else 1
            self.entry_morning = mention.morning_post
        return span

    def note_incident(self, acts: list[Act], span: DateSpan) -> None:
        """Remember when each act first happened, for "a week after the arrest": a report names "the
        arrest" after telling it, and later steps of the same case (a remand in custody the next day)
        are not the arrest it means. A summary's period ("the arrest in mid-February") gives way to
        the day its details then tell ("detained him on 14 February")."""
        for act in acts:
            if span.precision is Precision.DAY:  # a court step is a day; "fined her in 2021" is background
                self.act_latest[act] = span
            known = self.act_dates.get(act)
            if known is None or _refines(span, known):
                self.act_dates[act] = span

    # -- the kinds ---------------------------------------------------------------------------

    def _resolve(self, m: Mention, text: str) -> DateSpan | None:
        if m.kind is Kind.CALENDAR:
            assert m.point is not None
            start, end, precision = self._calendar(m.point)
            return DateSpan(start=start, end=end, precision=precision, text=text)
        if m.kind is Kind.RANGE:
            assert m.point is not None and m.until is not None
            return self._range(m.point, m.until, text)
        if m.kind is Kind.WEEKDAY:
            assert m.weekday is not None
            today = self._today()
            if m.until_weekday is not None:  # the latest such stretch that has ended by the document's day
                end = today - dt.timedelta(days=(today.weekday() - m.until_weekday) % 7)
                start = end - dt.timedelta(days=(m.until_weekday - m.weekday) % 7)
                return DateSpan(start=start, end=end, precision=Precision.RANGE, text=text)
            back = (today.weekday() - m.weekday) % 7
            return DateSpan.day(today - dt.timedelta(days=back), text)
        if m.kind is Kind.DOC_RELATIVE:
            return self._doc_relative(m, text)
        if m.kind is Kind.ANCHOR_RELATIVE:
            return self._anchor_relative(m, text)
        return self._open(m, text)

    def _calendar(self, point: CalendarRef) -> tuple[dt.date, dt.date, Precision]:
        if point.season is not None:
            return self._season(point)
        if point.month is None and point.day is not None:  # "on the 12th": the latest such day, as weekdays
            ref = self._today()
            latest = self.document_date
            if self.told_on is not None and self.told_on < ref:
                ref = latest = self.told_on  # a witness recounts days before the one she spoke on
            day = dt.date(ref.year, ref.month, min(point.day, last_day(ref.year, ref.month)))
            if day > latest:
                back = add_months(ref.replace(day=1), -1)
                day = dt.date(back.year, back.month, min(point.day, last_day(back.year, back.month)))
            return day, day, Precision.DAY
        if point.month is None:
            year = point.year if point.year is not None else self._reference().year
            if point.part is not None:
                first, last = PART_OF_YEAR_MONTHS[point.part]
                return dt.date(year, first, 1), dt.date(year, last, last_day(year, last)), Precision.RANGE
            return dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR
        if point.year is not None:
            year = point.year
        elif point.relative_year is not None:
            year = self.document_date.year + point.relative_year
        else:
            year = self._infer_year(point.month, point.day or 1, point.weekday)
        month = point.month
        if point.day is not None:
            day = dt.date(year, month, point.day)
            return day, day, Precision.DAY
        if point.part is not None:
            first, last = PART_OF_MONTH_DAYS[point.part]
            end = min(last, last_day(year, month))
            return dt.date(year, month, first), dt.date(year, month, end), Precision.RANGE
        return dt.date(year, month, 1), dt.date(year, month, last_day(year, month)), Precision.MONTH

    def _season(self, point: CalendarRef) -> tuple[dt.date, dt.date, Precision]:
        assert point.season is not None
        first, last = SEASON_MONTHS[point.season]
        if point.year is not None:
            year = point.year
        else:
            year = self._reference().year
            if dt.date(year, first, 1) > self.document_date:
                year -= 1
        end_year = year + 1 if last < first else year
        return dt.date(year, first, 1), dt.date(end_year, last, last_day(end_year, last)), Precision.RANGE

    def _range(self, a: CalendarRef, b: CalendarRef, text: str) -> DateSpan:
        b_year = b.year if b.year is not None else a.year
        b_month = b.month if b.month is not None else a.month
        if b_month is None:
            raise ValueError("a range needs a month")
        if b_year is None:
            b_year = self._infer_year(b_month, b.day or 1)
        a_month = a.month if a.month is not None else b_month
        a_year = a.year if a.year is not None else (b_year if a_month <= b_month else b_year - 1)
        a_start, _, _ = self._calendar(CalendarRef(year=a_year, month=a_month, day=a.day))
        _, b_end, _ = self._calendar(CalendarRef(year=b_year, month=b_month, day=b.day))
        if b_end < a_start:
            a_start, b_end = b_end, a_start
        return DateSpan(start=a_start, end=b_end, precision=Precision.RANGE, text=text)

    def _today(self) -> dt.date:
        """The day a log entry was written, else the document's: what "today" and "on Monday" count from."""
        if self.entry_date is not None and self._in_entry():
            return self.entry_date
        return self.document_date

    def _in_entry(self) -> bool:
        since_heading = self.paragraph - self.entry_paragraph
        return self.entry_date is not None and 0 <= since_heading <= self.entry_paragraphs

    def _doc_relative(self, m: Mention, text: str) -> DateSpan:
        doc = self._today()
        if m.night and self.entry_morning and self._in_entry():
            return DateSpan.day(doc, text)  # "last night" in a morning post: the post's own day
        if m.unit is Unit.DAY or m.same_day:
            return DateSpan.day(_shift(doc, m), text)
        if m.unit is Unit.WEEK:
            monday = doc - dt.timedelta(days=doc.weekday()) + dt.timedelta(weeks=m.offset)
            end = min(monday + dt.timedelta(days=6), doc)
            if m.to_document_date:
                return DateSpan(start=monday, end=doc, precision=Precision.RANGE, text=text)
            return DateSpan(start=monday, end=end, precision=Precision.RANGE, text=text)
        if m.unit is Unit.WEEKEND:
            saturday = doc - dt.timedelta(days=doc.weekday()) + dt.timedelta(days=5)
            if saturday > doc:
                saturday -= dt.timedelta(weeks=1)
            saturday += dt.timedelta(weeks=m.offset)
            return DateSpan(
                start=saturday, end=saturday + dt.timedelta(days=1), precision=Precision.RANGE, text=text
            )
        if m.unit is Unit.MONTH:
            first = add_months(doc.replace(day=1), m.offset)
            if m.to_document_date:
                return DateSpan(start=first, end=doc, precision=Precision.RANGE, text=text)
            end = dt.date(first.year, first.month, last_day(first.year, first.month))
            return DateSpan(start=first, end=end, precision=Precision.MONTH, text=text)
        year = doc.year + m.offset
        if m.to_document_date:
            return DateSpan(start=dt.date(year, 1, 1), end=doc, precision=Precision.RANGE, text=text)
        return DateSpan(
            start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), precision=Precision.YEAR, text=text
        )

    def _act_date(self, act: Act | None, latest: bool = False) -> DateSpan | None:
        """When ``act`` first (or last) happened; failing that, the act an arrest is usually told with."""
        if act is None:
            return None
        if latest and act in self.act_latest:
            return self.act_latest[act]
        same = [self.act_dates[a] for a in (act, *SAME_OCCASION.get(act, ())) if a in self.act_dates]
        if same:  # someone seized by men who would not say who they were was arrested then
            return min(same, key=lambda span: span.start)
        for candidate in TOLD_WITH.get(act, ()):
            if candidate in self.act_dates:
                return self.act_dates[candidate]
        return None

    def _anchor_relative(self, m: Mention, text: str) -> DateSpan:
        before, title = self.titled or (None, None)
        if before is not None and title is not None and m.offset and m.after_act is None:
            # "3. Hill village, 9 May / Five days later, ...": the section's first words count from
            # the story before its title; when they land on the title's day, that is the day meant
            self.titled = None
            shifted = _shift(before.start, m)
            if title.start <= shifted <= (title.end or title.start):
                return DateSpan.day(shifted, text)
        base = self._act_date(m.after_act, m.latest) or self.anchor or DateSpan.day(self.reference)
        if m.past_midnight and self.evening and base.precision is Precision.DAY:
            return DateSpan.day(base.start + dt.timedelta(days=1), text)  # "that evening ... after midnight"
        if m.weekday is not None:  # "the following Tuesday": the first Tuesday after the story's day
            after = base.start if base.precision is Precision.DAY else (base.end or base.start)
            ahead = (m.weekday - after.weekday()) % 7 or 7
            return DateSpan.day(after + dt.timedelta(days=ahead), text)
        if m.unit in (Unit.MONTH, Unit.YEAR) and m.whole_unit:
            # "In June 2023 a paper named her. The same month she was dismissed": the month just told,
            # even when it was told in passing, not the story's latest day
            told = self.told or base
            if m.unit is Unit.MONTH:
                first = add_months(told.start.replace(day=1), m.offset)
                last = dt.date(first.year, first.month, last_day(first.year, first.month))
                return DateSpan(start=first, end=last, precision=Precision.MONTH, text=text)
            year = told.start.year + m.offset
            return DateSpan(
                start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), precision=Precision.YEAR, text=text
            )
        if m.unit is Unit.WEEK and m.whole_unit:
            monday = base.start - dt.timedelta(days=base.start.weekday()) + dt.timedelta(weeks=m.offset)
            return DateSpan(
                start=monday, end=monday + dt.timedelta(days=6), precision=Precision.RANGE, text=text
            )
        start, end = _shift(base.start, m), _shift(base.end or base.start, m)
        if m.through and (base.precision is Precision.DAY or base.end is None):
            return DateSpan(
                start=start, end=start + dt.timedelta(days=m.through), precision=Precision.RANGE, text=text
            )
        if base.precision is Precision.DAY or base.end is None:
            return DateSpan.day(start, text)
        if start <= self.document_date < end:
            # "Last week ... Five days later": a stretch moved on is still never after the document
            end = self.document_date
            return DateSpan(start=start, end=end, precision=Precision.RANGE, text=text)
        return DateSpan(start=start, end=end, precision=base.precision, text=text)

    def _open(self, m: Mention, text: str) -> DateSpan:
        if m.point is not None:
            start, _, _ = self._calendar(m.point)
        else:
            base = self._act_date(m.after_act) or self.anchor or DateSpan.day(self.reference)
            start = base.end if base.precision is Precision.RANGE and base.end is not None else base.start
        if m.open_from_next_day:
            start += dt.timedelta(days=1)
        end = self.document_date if m.to_document_date else None
        if end is not None and end < start:
            end = start
        return DateSpan(start=start, end=end, precision=Precision.RANGE, text=text)

    # -- inference ---------------------------------------------------------------------------

    def _reference(self) -> dt.date:
        return self.anchor.start if self.anchor is not None else self.reference

    def _narrative_year(self) -> bool:
        """Whether a date without a year may continue the story's own years.

        Inside the paragraph that stated a year, always. A story told in order (a chronology, a
        testimony) carries its year on for a couple of paragraphs, forwards only; a year-only
        background date ("in 2013") does not carry across paragraphs.
        """
        if self.year_paragraph is None:
            return False
        if self.year_paragraph == self.paragraph:
            return True
        return (
            self.anchor is not None
            and self.anchor.precision is not Precision.YEAR
            and 0 < self.paragraph - self.year_paragraph <= FOLLOW_PARAGRAPHS
        )

    def _infer_year(self, month: int, day: int, weekday: int | None = None) -> int:
        """The year of a date written without one, never after the document.

        A weekday written beside the date ("Thursday 28 November") picks the year that fits it.
        Inside the paragraph of a stated year the story goes forwards: the first such date on or
        after the narrative's day when less than ``FORWARD_DAYS`` on, else the nearest one (a date
        that looks back, "had been warned on 2 April", takes the nearest). In the paragraphs that
        follow, only a forward date continues the story. Elsewhere, the latest such date on or
        before the document's own date, as news is written.
        """
        def on(year: int) -> dt.date:
            return dt.date(year, month, min(day, last_day(year, month)))

        doc = self.document_date
        news = max(c for c in (on(doc.year - 1), on(doc.year)) if c <= doc)
        narrative = self._narrative_year()
        reference = self._reference() if narrative else doc
        candidates = [c for c in (on(y) for y in range(reference.year - 1, reference.year + 2)) if c <= doc]
        if weekday is not None:
            fitting = [c for c in candidates if c.weekday() == weekday]
            if not fitting:
                years = range(min(reference.year, doc.year) - 6, doc.year + 1)
                fitting = [c for c in (on(y) for y in years) if c <= doc and c.weekday() == weekday]
            if fitting:
                return min(fitting, key=lambda c: abs((c - reference).days)).year
        if not narrative or not candidates:
            return news.year
        ahead = [c for c in candidates if 0 <= (c - reference).days <= FORWARD_DAYS]
        if ahead and not self.backward:
            return min(ahead).year
        if self.year_paragraph != self.paragraph:
            return news.year
        return min(candidates, key=lambda c: abs((c - reference).days)).year
