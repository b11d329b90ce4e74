"""The language-neutral extraction pipeline: segment, date, find acts and roles, group, score.

Grouping follows how reports are written: a sentence that states a date opens an occasion; the
sentences after it that report more acts without a date of their own ("They also searched the
car.") belong to the same occasion; a new date, or a new paragraph, closes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from dataclasses import dataclass, field, replace

import chronika.extract.en  # noqa: F401  (registers the English module)
from chronika.extract import language as languages
from chronika.extract.gazetteer import default_gazetteer
from chronika.extract.language import Dateline, Language, Locus, Participant, Trigger
from chronika.extract.reader import SourceText
from chronika.extract.segment import Sentence, sentences
from chronika.extract.timeline import Kind, Mention, Timeline, Unit, is_flashback
from chronika.model import (
    UNKNOWN_ACTOR,
    Act,
    Anchor,
    AnchorOrigin,
    DateSpan,
    Extraction,
    Fact,
    Incident,
    Precision,
    SourceDocument,
    sort_acts,
)

# How far back (in paragraphs) a stated date still dates an act whose sentence gives none.
CONTEXT_PARAGRAPHS = 1


@dataclass
class Draft:
    """An incident being assembled from one or more sentences."""

    date: DateSpan
    date_mention: Mention | None
    paragraph: int
    sentences: list[Sentence] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    perpetrators: list[Participant] = field(default_factory=list)
    victims: list[Participant] = field(default_factory=list)
    places: list[Locus] = field(default_factory=list)
    context_places: list[Locus] = field(default_factory=list)
    hedged: bool = False
    # the open incident this one was told right after but judged another occasion of the same day
    parted_from: Draft | None = None

    @property
    def acts(self) -> list[Act]:
        return sort_acts({t.act for t in self.triggers})


def run(source: SourceText, published: dt.date | None, lang: str, today: dt.date | None) -> Extraction:
    text = source.text
    code = languages.detect(text) if lang == "auto" else lang
    module = languages.get(code)
    today = today or dt.date.today()
    found = module.find_dates(text)
    dateline = module.find_dateline(text, found)
    anchor = _anchor(text, dateline, published, source.published, today)
    mentions = _without_dateline(found, dateline)
    timeline = _timeline(anchor, mentions, text)
    units = sentences(text)
    cast = module.read_cast(text)
    drafts = _drafts(module, text, units, mentions, timeline, cast)
    scenes = _Scenes(module, text, cast, units)
    incidents = [
        _incident(text, draft, index, scenes.location(draft), module.generic_agents)
        for index, draft in enumerate(_dedupe(text, drafts), start=1)
    ]
    document = SourceDocument(
        path=source.path,
        language=module.code,
        anchor=anchor,
        sha256=source.sha256 or hashlib.sha256(text.encode()).hexdigest(),
        chars=len(text),
        title=source.title,
        media_type=source.media_type,
    )
    return Extraction(document=document, incidents=incidents)


def _anchor(
    text: str, dateline: Dateline | None, published: dt.date | None, metadata: dt.date | None, today: dt.date
) -> Anchor:
    if published is not None:
        return Anchor(date=published, origin=AnchorOrigin.PUBLISHED)
    if dateline is not None:
        origin = AnchorOrigin.TEXT if dateline.stated else AnchorOrigin.DATELINE
        return Anchor(date=dateline.date, origin=origin, text=text[dateline.start : dateline.end])
    if metadata is not None:
        return Anchor(date=metadata, origin=AnchorOrigin.METADATA)
    return Anchor(date=today, origin=AnchorOrigin.TODAY)


def _without_dateline(mentions: list[Mention], dateline: Dateline | None) -> list[Mention]:
    """The dateline dates the document, not the acts in the headline beside it."""
    if dateline is None:
        return mentions
    return [
        replace(m, reporting=True)
        if m.start <= dateline.start < m.end or dateline.start <= m.start < dateline.end
        else m
        for m in mentions
    ]


def _timeline(anchor: Anchor, mentions: list[Mention], text: str) -> Timeline:
    """Without a document date, the narrative's own years bound and start it, not today's."""
    if anchor.origin is not AnchorOrigin.TODAY:
        return Timeline(document_date=anchor.date, reference=anchor.date)
    years = [
        m.point.year
        for m in mentions
        if m.kind in (Kind.CALENDAR, Kind.RANGE)
        and m.point is not None
        and m.point.year is not None
        and m.point.year <= anchor.date.year
    ]
    if not years:
        return Timeline(document_date=anchor.date, reference=anchor.date)
    first = next(m for m in mentions if m.point is not None and m.point.year == years[0])
    assert first.point is not None and first.point.year is not None
    try:
        reference = dt.date(first.point.year, first.point.month or 1, first.point.day or 1)
    except ValueError:  # "30 February 2019": the words name no real day; start from the year
        reference = dt.date(first.point.year, 1, 1)
    bound = min(dt.date(max(years), 12, 31), anchor.date)
    return Timeline(document_date=bound, reference=reference)


def _drafts(
    module: Language,
    text: str,
    units: list[Sentence],
    mentions: list[Mention],
    timeline: Timeline,
    cast: object,
) -> list[Draft]:
    resolved: dict[int, DateSpan] = {}
    drafts: list[Draft] = []
    current: Draft | None = None
    context: tuple[DateSpan, Mention, int] | None = None  # last stated date, its mention, paragraph
    context_start = 0  # where the sentences of the current date context begin
    position = 0
    found = module.find_triggers(text, [(u.start, u.end) for u in units])
    for sentence, sentence_triggers in zip(units, found, strict=True):
        if current is not None and current.paragraph != sentence.paragraph:
            current = None
        own: list[tuple[Mention, DateSpan]] = []
        while position < len(mentions) and mentions[position].start < sentence.end:
            mention = mentions[position]
            position += 1
            if mention.start < sentence.start:
                continue
            span = timeline.resolve(mention, text[mention.start : mention.end], sentence.paragraph)
            if span is not None:
                resolved[mention.start] = span
                own.append((mention, span))
        remaining = _continue_custody(module, text, cast, drafts, sentence, own, sentence_triggers)
        triggers = [
            t
            for t in remaining
            if not any(m.start <= t.start and t.end <= m.end for m, _ in own)
            and not (t.anaphoric and any(t.act in d.acts for d in drafts))
        ]
        triggers = _without_official_version(module, text, sentence, triggers, drafts)
        if own and not triggers:
            current = None
        # a day after the document's own ("adjourned to 15 January 2026") is planned, never reported
        stated = [
            (m, span)
            for m, span in own
            if not m.reporting and not m.bound and span.start <= timeline.document_date
        ]
        narrative = [
            (m, span)
            for m, span in stated
            if not m.aside and (context is None or not is_flashback(context[0], span))
        ]
        # "a sit-in on 21 January, over wages unpaid since October", "had called them out today, as
        # they had in March": the story goes on from the sentence's day, not a state or a look back
        narrative = [(m, span) for m, span in narrative if m.kind is not Kind.OPEN] or narrative
        narrative = [
            (m, span)
            for m, span in narrative
            if m.sets_anchor or not any(is_flashback(other, span) for _, other in narrative)
        ]
        entry = any(m.heading for m, _ in own)  # "15.04 | police detained ...": a log's line, not a title
        if not triggers or (not entry and _is_headline(text, sentence, units)):
            if narrative:
                context = (narrative[-1][1], narrative[-1][0], sentence.paragraph)
                context_start = sentence.start
            continue
        if not stated and text[sentence.start] in _QUOTES:
            continue  # a spokesperson's undated quote comments on the story; it is not a new occasion
        groups = _group_by_mention(text, sentence, triggers, stated)
        for mention_and_span, group in groups:
            if mention_and_span is None:
                if (
                    current is None
                    and drafts
                    and context is not None
                    and drafts[-1].date is context[0]
                    and sentence.paragraph - drafts[-1].paragraph <= CONTEXT_PARAGRAPHS
                ):
                    current = drafts[-1]  # the story of the last occasion goes on in a new paragraph
                if current is not None and not _fits(module, text, cast, current, sentence, group):
                    draft = Draft(date=current.date, date_mention=None, paragraph=sentence.paragraph)
                    draft.parted_from = current
                    current = None
                    drafts.append(draft)
                elif current is not None:
                    draft = current
                elif context is not None and sentence.paragraph - context[2] <= CONTEXT_PARAGRAPHS:
                    draft = Draft(date=context[0], date_mention=None, paragraph=sentence.paragraph)
                    draft.context_places = module.places(text, cast, context_start, sentence.start)
                    drafts.append(draft)
                else:
                    continue
            elif current is not None and _same_day_goes_on(
                module, text, cast, current, sentence, group, mention_and_span
            ):
                draft = current
            else:
                mention, span = mention_and_span
                draft = Draft(date=span, date_mention=mention, paragraph=sentence.paragraph)
                if mention.kind is Kind.ANCHOR_RELATIVE or mention.kind is Kind.OPEN:
                    draft.context_places = module.places(text, cast, context_start, sentence.start)
                drafts.append(draft)
            _add(module, text, cast, draft, sentence, group)
            timeline.note_incident(draft.acts, draft.date)
            current = draft
            if mention_and_span is None and context is not None:
                context = (context[0], context[1], sentence.paragraph)  # the story goes on
        if narrative:
            context = (narrative[-1][1], narrative[-1][0], sentence.paragraph)
            context_start = sentence.start
    return drafts


_LEAD_WORDS = 4  # a date among a sentence's first words opens it ("On the same day", "Later that evening")


def _same_day_goes_on(
    module: Language,
    text: str,
    cast: object,
    current: Draft,
    sentence: Sentence,
    group: list[Trigger],
    dated: tuple[Mention, DateSpan],
) -> bool:
    """"He was formally detained that evening": the same person's day goes on, one occasion. The marker
    opening a sentence ("Later that day, ...", "That night, ...") tells another occasion, and so do the
    same words about someone the occasion did not hold ("... detained his brother that evening")."""
    mention, span = dated
    same_day = mention.kind is Kind.ANCHOR_RELATIVE and mention.offset == 0 and mention.unit is Unit.DAY
    restated = mention.kind is Kind.CALENDAR and span.precision is Precision.DAY  # "Before dawn on 20 June"
    if (
        not (same_day or restated)
        or (same_day and len(text[sentence.start : mention.start].split()) < _LEAD_WORDS)  # "Later that day,"
        or current.paragraph != sentence.paragraph
        or not span.same_interval(current.date)
        or not _fits(module, text, cast, current, sentence, group)
    ):
        return False
    held = {v.name.casefold() for v in current.victims}
    for trigger in group:
        _, victims = module.participants(text, cast, (sentence.start, sentence.end), trigger)
        if any(v.name.casefold() not in held for v in victims):
            return False
    return True


# "Since then his whereabouts have remained unknown": the state a detention left, not a new occasion.
_STILL_MISSING = re.compile(
    r"whereabouts|missing|not\s+been\s+(?:seen|heard)|no\s+(?:news|word|contact|information)|never\s+(?:returned|seen)|"
    r"acknowledg\w*|fate|undisclosed|unable\s+to\s+locate|no\s+trace",
    re.IGNORECASE,
)


def _continue_custody(
    module: Language,
    text: str,
    cast: object,
    drafts: list[Draft],
    sentence: Sentence,
    own: list[tuple[Mention, DateSpan]],
    triggers: list[Trigger],
) -> list[Trigger]:
    """A person held and then missing is one incident (a disappearance is dated on the day the person
    was taken): a sentence that only says they are still missing joins the detention told just before."""
    if not drafts or any(m.kind is not Kind.OPEN for m, _ in own):
        return triggers
    last = drafts[-1]
    held = Act.ARBITRARY_DETENTION in last.acts or Act.ENFORCED_DISAPPEARANCE in last.acts
    if not held or sentence.paragraph - last.paragraph > CONTEXT_PARAGRAPHS:
        return triggers
    joining = [
        t
        for t in triggers
        if t.act is Act.ENFORCED_DISAPPEARANCE and _STILL_MISSING.search(text, t.start, t.end + 40)
    ]
    if not joining or len(joining) != len(triggers):
        return triggers
    if Act.ENFORCED_DISAPPEARANCE not in last.acts:
        _add(module, text, cast, last, sentence, joining)
    return []


# What authorities call an act the report told: an abduction "an arrest", a killing "an exchange of fire".
_OFFICIAL_NAMES = (
    (Act.ARBITRARY_DETENTION, frozenset({Act.ENFORCED_DISAPPEARANCE})),
    (Act.ENFORCED_DISAPPEARANCE, frozenset({Act.ARBITRARY_DETENTION})),
    (Act.ARMED_CLASH, frozenset({Act.KILLING, Act.PHYSICAL_ATTACK})),
)
# Acts the speaking itself commits ("the governor said the villagers were terrorists" smears them).
_SPOKEN_ACTS = frozenset({Act.THREAT, Act.SMEAR_CAMPAIGN})


def _without_official_version(
    module: Language, text: str, sentence: Sentence, triggers: list[Trigger], drafts: list[Draft]
) -> list[Trigger]:
    """An authority's account of an occasion the report has already told ("The police announced that
    two persons had died in an 'exchange of fire'", "The ministry said he had been arrested in
    flagrante") is its version of that occasion: it neither opens another incident nor adds an act
    (the clash the gold does not record). An account of acts the report has not told stays: it may
    be the only telling there is ("Police said they had detained 40 people")."""
    offset = module.official_account(text[sentence.start : sentence.end])
    if offset is None:
        return triggers
    begins = sentence.start + offset
    claimed = [t for t in triggers if t.start >= begins and t.act not in _SPOKEN_ACTS]
    told = {act for draft in drafts for act in draft.acts} | {t.act for t in triggers if t.start < begins}
    for official_name, acts in _OFFICIAL_NAMES:
        if told & acts:
            told.add(official_name)
    if not claimed or not {t.act for t in claimed} & told:
        return triggers
    return [t for t in triggers if t not in claimed]


def _is_headline(text: str, sentence: Sentence, units: list[Sentence]) -> bool:
    """A title line: a paragraph of one short sentence with no closing punctuation."""
    alone = sum(1 for u in units if u.paragraph == sentence.paragraph and _has_words(text, u)) == 1
    line = text[sentence.start : sentence.end]
    words = line.split()
    return alone and len(words) <= 25 and line.rstrip(_QUOTES + "”»")[-1:] not in ".!?"


def _has_words(text: str, unit: Sentence) -> bool:
    """Whether a unit says anything: a section's number ("2.") standing before its title does not."""
    return any(c.isalpha() for c in text[unit.start : unit.end])


# Acts that one operation tends to combine: a raid with seizure and detention, a shelling with deaths.
ACT_FAMILIES: tuple[frozenset[Act], ...] = (
    frozenset(
        {
            Act.ARBITRARY_DETENTION,
            Act.ENFORCED_DISAPPEARANCE,
            Act.TORTURE_ILL_TREATMENT,
            Act.RAID_SEARCH,
            Act.SEIZURE,
            Act.JUDICIAL_HARASSMENT,
            Act.RESTRICTION_OF_MOVEMENT,
            Act.SEXUAL_VIOLENCE,
            Act.THREAT,
            Act.PHYSICAL_ATTACK,
        }
    ),
    frozenset({Act.KILLING, Act.PHYSICAL_ATTACK, Act.ARMED_CLASH, Act.SEXUAL_VIOLENCE}),
    frozenset(
        {Act.THREAT, Act.SMEAR_CAMPAIGN, Act.SURVEILLANCE, Act.CYBER_ATTACK, Act.RESTRICTION_OF_EXPRESSION}
    ),
    frozenset({Act.PROPERTY_DESTRUCTION, Act.SEIZURE, Act.RAID_SEARCH}),
    frozenset({Act.FORCED_DISPLACEMENT}),
    frozenset({Act.OTHER}),
)


def _fits(
    module: Language, text: str, cast: object, draft: Draft, sentence: Sentence, triggers: list[Trigger]
) -> bool:
    """Whether dateless acts continue the open incident: related acts, the same paragraph (a report
    tells one occasion's dispersal, arrests and releases sentence by sentence) unless the sentence
    moves to another town, or, across paragraphs, the same people."""
    acts = {t.act for t in triggers}
    current = set(draft.acts)
    if (
        current & _CUSTODY_ACTS
        and Act.TORTURE_ILL_TREATMENT not in current
        and acts & _HARM_ACTS
        and acts - current <= _HARM_ACTS | {Act.THREAT}
        and not _held_and_hurt(text, draft, sentence, triggers)
    ):
        return False  # what was done to them while held is told as its own occasion
    if acts & current or any(acts & family and current & family for family in ACT_FAMILIES):
        return True
    if draft.paragraph == sentence.paragraph:
        return not _elsewhere(module, text, cast, draft, sentence)
    victims = set()
    for trigger in triggers:
        _, found = module.participants(text, cast, (sentence.start, sentence.end), trigger)
        victims |= {v.name.casefold() for v in found}
    return bool(victims & {v.name.casefold() for v in draft.victims})


# A court's custody order, not its building: "outside the court building" is a place
_COURT = re.compile(
    r"\b(?:court|judge|magistrate|prosecutors?|prosecution|tribunal)\b(?!\s+(?:building|house|steps|premises|gates?))",
    re.IGNORECASE,
)
# Harm done to a crowd rather than to people in hand: shooting, tear gas, water cannon, grenades.
_AT_A_CROWD = re.compile(r"shot|shoot|fir(?:e|ed|ing)\b|gas|bullet|cannon|grenade|pellet", re.IGNORECASE)


def _held_and_hurt(text: str, draft: Draft, sentence: Sentence, triggers: list[Trigger]) -> bool:
    """Blows told in the same paragraph as the arrest ("The brothers said soldiers kicked them and
    kept them tied up during the night") are what was done to the people held on that occasion, one
    incident. Not so after a court's custody order (the ill-treatment told then happened during the
    custody before it), nor shooting or tear gas (done to a crowd, not to people in hand), nor sexual
    violence, which reports record as its own occasion."""
    return (
        draft.paragraph == sentence.paragraph
        and Act.JUDICIAL_HARASSMENT not in draft.acts
        and not any(_COURT.search(text, s.start, s.end) for s in draft.sentences)
        and all(t.act is not Act.SEXUAL_VIOLENCE for t in triggers)
        and not any(_AT_A_CROWD.search(text, t.start, t.end) for t in triggers if t.act in _HARM_ACTS)
    )


def _elsewhere(module: Language, text: str, cast: object, draft: Draft, sentence: Sentence) -> bool:
    """Whether a sentence sets its acts at a named place the open incident does not hold
    ("In the next village, ..."): the same day's story moving to another scene."""
    def towns(found: list[Locus]) -> set[str]:
        return {c.place.name.casefold() for c in found if c.strength >= 2 and c.place.specificity == _TOWN}

    here = towns(draft.places)
    there = towns(module.places(text, cast, sentence.start, sentence.end))
    return len(here) == 1 and bool(there) and not here & there


_TOWN = 2  # a place's specificity as a settlement: two towns are two scenes, a town and its region not


def _group_by_mention(
    text: str, sentence: Sentence, triggers: list[Trigger], own: list[tuple[Mention, DateSpan]]
) -> list[tuple[tuple[Mention, DateSpan] | None, list[Trigger]]]:
    """Each act takes the date of its own clause; failing that, the date that opens the sentence
    ("On 14 June, ..., he was seized"). A date inside a relative clause ("who left Russia in 2022")
    or inside the act's own words describes something else. Acts with no date of their own stay
    together and take the story's date."""
    if not own:
        return [(None, triggers)]
    opening = next(
        (
            i
            for i, (m, _) in enumerate(own)
            if m.heading or _ROW_LABEL.fullmatch(text, sentence.start, m.start)
        ),
        None,
    )
    groups: dict[int | None, list[Trigger]] = {}
    for trigger in triggers:
        usable = [
            i
            for i, (m, _) in enumerate(own)
            if not (trigger.start <= m.start and m.end <= trigger.end and not _said_in_the_act(text, m))
            and not _in_relative_clause(text, sentence, m, trigger)
            and not _outside_its_clause(text, m, trigger)
            and not _background_to_opening(text, own, opening, i, trigger)
        ]
        same_clause = [i for i in usable if not _CLAUSE_BREAK.search(_between(text, own[i][0], trigger))]
        chosen: int | None
        if same_clause:
            chosen = min(same_clause, key=lambda i: _distance(own[i][0], trigger))
        elif opening is not None:
            chosen = opening
        elif nearby := [i for i in usable if ";" not in _between(text, own[i][0], trigger)]:
            chosen = min(nearby, key=lambda i: _distance(own[i][0], trigger))
        else:
            chosen = None
        groups.setdefault(chosen, []).append(trigger)
    ordered = sorted(groups, key=lambda i: -1 if i is None else i)
    return [(None if i is None else own[i], groups[i]) for i in ordered]


# What may stand before a date that opens a sentence: nothing much, or a row's label ("Row 4: ").
_ROW_LABEL = re.compile(r"(?s:.{0,3})|\W*[A-Za-z]+\.?\s*\d{0,3}\s*[:.)|–—-]\s*")
_RELATIVE = re.compile(r"\b(?:who|whose|which|whom)\b[^,;:()]*$", re.IGNORECASE)


def _in_relative_clause(text: str, sentence: Sentence, mention: Mention, trigger: Trigger) -> bool:
    """A date inside a relative clause describes that clause, not the act outside it, unless the act
    is the noun the clause describes ("the indictment, which the court accepted in March 2023"). An
    act in the same clause dated with its own year ("three men who were killed by soldiers in December
    2020") is an earlier occasion told in passing, and takes it; without a year, such a clause points
    back to the story's own occasion ("who was arrested on Friday")."""
    clause = _RELATIVE.search(text, sentence.start, mention.start)
    if clause is None:
        return False
    if trigger.end <= clause.start() and not text[trigger.end : clause.start()].strip(" ,"):
        return False  # "the indictment, which the court accepted in March 2023": the act's own day
    # "activists who were arrested at a meeting on July 16": a named day is its own as much as a year
    dated = mention.point is not None and (
        mention.point.year is not None or (mention.point.month is not None and mention.point.day is not None)
    )
    return not (dated and clause.start() < trigger.start < mention.start)


def _said_in_the_act(text: str, mention: Mention) -> bool:
    """'She was charged the following day under ...': a day said inside the act's own words is the
    act's day (a name such as "Radio Today" is not)."""
    if mention.kind is Kind.CALENDAR:  # "charged on 20 February with sedition"
        return bool(_ON_BEFORE.search(text, max(0, mention.start - 4), mention.start))
    return mention.kind in (Kind.DOC_RELATIVE, Kind.WEEKDAY, Kind.ANCHOR_RELATIVE) and text[
        mention.start
    ].islower()


_ON_BEFORE = re.compile(r"\bon\s+$", re.IGNORECASE)


def _background_to_opening(
    text: str, own: list[tuple[Mention, DateSpan]], opening: int | None, index: int, trigger: Trigger
) -> bool:
    """'In January, he was summoned over a post that named men taken in 2024': a coarser period wholly
    before the day or month the sentence opens with, in a clause after the act, is background to
    that clause, not the act's date."""
    if opening is None or index == opening or trigger.start < own[opening][0].end:
        return False
    mention = own[index][0]
    if mention.start < trigger.end or not _SUBORDINATE.search(text, trigger.end, mention.start):
        return False
    return is_flashback(own[opening][1], own[index][1])


_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|whose|where|when)\b", re.IGNORECASE)


def _outside_its_clause(text: str, mention: Mention, trigger: Trigger) -> bool:
    """'Charged under a decree issued on 13 September 2022', 'a charge over interviews he had given in
    2020': the date belongs to a clause the act is not in."""
    if mention.clause_start is None:
        return False
    if trigger.end <= mention.clause_start:
        return True
    return mention.background and trigger.start >= mention.end and bool(
        _CLAUSE_BREAK.search(_between(text, mention, trigger))
    )


_QUOTES = "\"“«„‘'"
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–—/|]\s")  # " / " and " | " part the cells of a row


_ACRONYM = re.compile(r"\s\([A-Z][A-Za-z]{1,7}\)")  # "the Oromo Liberation Army (OLA)": no clause break


def _between(text: str, mention: Mention, trigger: Trigger) -> str:
    if mention.end <= trigger.start:
        return _ACRONYM.sub("", text[mention.end : trigger.start])
    if trigger.end <= mention.start:
        return _ACRONYM.sub("", text[trigger.end : mention.start])
    return ""


def _distance(mention: Mention, trigger: Trigger) -> int:
    if mention.end <= trigger.start:
        return trigger.start - mention.end
    if trigger.end <= mention.start:
        return (mention.start - trigger.end) + 25  # a date before its act is the usual order
    return 0


_CUSTODY_ACTS = frozenset({Act.ARBITRARY_DETENTION, Act.ENFORCED_DISAPPEARANCE})
_HARM_ACTS = frozenset({Act.TORTURE_ILL_TREATMENT, Act.PHYSICAL_ATTACK, Act.SEXUAL_VIOLENCE})


def _add(
    module: Language, text: str, cast: object, draft: Draft, sentence: Sentence, triggers: list[Trigger]
) -> None:
    if sentence not in draft.sentences:
        draft.sentences.append(sentence)
        draft.places += module.places(text, cast, sentence.start, sentence.end)
        draft.hedged = draft.hedged or module.hedged(text[sentence.start : sentence.end])
    held = any(t.act in _CUSTODY_ACTS and t.start < sentence.start for t in draft.triggers)
    for found in triggers:
        trigger = found
        if held and found.act is Act.PHYSICAL_ATTACK:
            # beaten after being taken, in a later sentence of the same story: ill-treatment in custody
            trigger = replace(found, act=Act.TORTURE_ILL_TREATMENT)
        draft.triggers.append(trigger)
        perpetrators, victims = module.participants(text, cast, (sentence.start, sentence.end), trigger)
        _extend(draft.perpetrators, perpetrators)
        _extend(draft.victims, victims)


def _extend(into: list[Participant], new: list[Participant]) -> None:
    names = {p.name.casefold() for p in into}
    for participant in new:
        if participant.name.casefold() not in names:
            into.append(participant)
            names.add(participant.name.casefold())


def _dedupe(text: str, drafts: list[Draft]) -> list[Draft]:
    """The same occasion told twice (a summary lead, then the details) becomes one incident,
    dated and evidenced by its most precise telling."""
    kept: list[Draft] = []
    for draft in drafts:
        index = next((i for i, k in enumerate(kept) if _same_occasion(text, k, draft)), None)
        if index is None:
            kept.append(draft)
            continue
        twin = kept[index]
        primary, secondary = (draft, twin) if _narrower(draft.date, twin.date) else (twin, draft)
        told_elsewhere = _told_elsewhere(secondary, primary, drafts)
        primary.triggers += [
            t for t in secondary.triggers if t.act not in primary.acts and t.act not in told_elsewhere
        ]
        _extend(primary.perpetrators, secondary.perpetrators)
        _extend(primary.victims, secondary.victims)
        primary.places += secondary.places
        kept[index] = primary
    return kept


def _told_elsewhere(summary: Draft, primary: Draft, drafts: list[Draft]) -> set[Act]:
    """The acts a summary lead lists that other tellings inside its period give in detail: "were
    abducted, tortured and sexually assaulted last week" brings the abduction to the abduction's
    own incident, not the torture told as its own occasion two days later."""
    if not _narrower(primary.date, summary.date):
        return set()
    return {
        act
        for other in drafts
        if other is not summary and other is not primary and _contains(summary.date, other.date)
        for act in other.acts
    }


_MONTH_DAYS = 31


def _span_days(span: DateSpan) -> int:
    return ((span.end or span.start + dt.timedelta(days=3650)) - span.start).days


def _narrower(a: DateSpan, b: DateSpan) -> bool:
    return _span_days(a) < _span_days(b)


def _contains(outer: DateSpan, inner: DateSpan) -> bool:
    outer_end = outer.end or dt.date.max
    return outer.start <= inner.start and (inner.end or dt.date.max) <= outer_end


def _same_occasion(text: str, a: Draft, b: Draft) -> bool:
    """Same acts on the same days to the same people; or an open "since then" continuing them."""
    if _entry(text, a) and _entry(text, b):
        return False  # two lines of a timeline or rows of a table are two entries, each its own occasion
    if a.parted_from is b or b.parted_from is a:
        return False  # told one after the other and judged apart when they were read
    if _share_sentence(a, b) and a.date.same_interval(b.date):
        return True  # "... withdrew their accreditation; both were deported the same evening"
    if not set(a.acts) & set(b.acts):
        return False
    a_victims = {p.name.casefold() for p in a.victims}
    b_victims = {p.name.casefold() for p in b.victims}
    shared_victims = bool(a_victims & b_victims) or not a_victims or not b_victims
    if (_same_day_marker(a) or _same_day_marker(b)) and not _share_sentence(a, b):
        return False  # "later that day": the text itself says this is another occasion
    if a.date.same_interval(b.date):
        return shared_victims or abs(a.paragraph - b.paragraph) <= 1
    vaguer, finer = (a, b) if _narrower(b.date, a.date) else (b, a)
    if (
        vaguer.date.precision is not Precision.DAY
        and _contains(vaguer.date, finer.date)
        and vaguer.date.end is not None
    ):
        # a summary ("have killed, detained ... since mid-May") told before its details, or the
        # same act told again later in the month that holds its day ("were killed in December 2011")
        if vaguer is a and _weekend_lead(a):
            # "detained 12 people this weekend": a told occasion of its own, not a summary of the
            # weekend's other tellings ("one organiser was sentenced yesterday"), unless it is theirs
            return bool(a_victims & b_victims)
        return shared_victims or vaguer is a or _span_days(vaguer.date) <= _MONTH_DAYS
    continues = (
        b.date.end is None
        and b.date_mention is not None
        and b.date_mention.point is None
        and b.date_mention.kind is Kind.OPEN
        and a.date.start <= b.date.start <= (a.date.end or a.date.start) + dt.timedelta(days=1)
    )
    return continues and shared_victims


def _weekend_lead(draft: Draft) -> bool:
    """Whether the draft is dated "this weekend" / "last weekend": a wire's lead telling the weekend's
    own occasion (the Saturday-Sunday crowd detained), not a summary of the days inside it."""
    m = draft.date_mention
    return m is not None and m.kind is Kind.DOC_RELATIVE and m.unit is Unit.WEEKEND


def _entry(text: str, draft: Draft) -> bool:
    """Whether the draft's date opens its line ("29-31 July - Police detain ...", "Row 2: Early Jan")."""
    m = draft.date_mention
    if m is None:
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    return m.heading or _ROW_LABEL.fullmatch(text, line_start, m.start) is not None


def _share_sentence(a: Draft, b: Draft) -> bool:
    return any(s in b.sentences for s in a.sentences)


_OPENING_CHARS = 25  # how far into its sentence a date still opens it ("Hours later, on the road, ...")


def _same_day_marker(draft: Draft) -> bool:
    """A sentence that opens on "Later that day" / "The same evening" tells another occasion of the
    day; "that day" further into a sentence ("the arrests that day were the largest") points back."""
    m = draft.date_mention
    return (
        m is not None
        and m.kind is Kind.ANCHOR_RELATIVE
        and m.offset == 0
        and any(s.start <= m.start < s.start + _OPENING_CHARS for s in draft.sentences)
    )


def _incident(
    text: str, draft: Draft, index: int, location: Locus | None, generic_agents: frozenset[str]
) -> Incident:
    first, last = draft.sentences[0], draft.sentences[-1]
    contiguous = all(s.paragraph == first.paragraph for s in draft.sentences)
    end = last.end if contiguous else first.end
    facts: list[Fact] = []
    if draft.date_mention is not None:
        m = draft.date_mention
        facts.append(
            Fact(
                field="date",
                value=draft.date.start.isoformat(),
                text=text[m.start : m.end],
                span=(m.start, m.end),
            )
        )
    for trigger in draft.triggers:
        facts.append(
            Fact(
                field="act",
                value=trigger.act.value,
                text=text[trigger.start : trigger.end],
                span=(trigger.start, trigger.end),
            )
        )
    perpetrators = _main_agents(draft, generic_agents)
    for role, people in (("perpetrator", perpetrators), ("victim", draft.victims)):
        for person in people:
            facts.append(
                Fact(
                    field=role,
                    value=person.name,
                    text=text[person.start : person.end],
                    span=(person.start, person.end),
                )
            )
    if location is not None:
        facts.append(
            Fact(
                field="location",
                value=location.text,
                text=text[location.start : location.end],
                span=(location.start, location.end),
            )
        )
    return Incident(
        id=f"i{index}",
        date=draft.date,
        acts=draft.acts,
        perpetrators=[p.name for p in perpetrators] or [UNKNOWN_ACTOR],
        victims=[v.name for v in draft.victims],
        location=location.text if location else None,
        evidence=text[first.start : end],
        evidence_span=(first.start, end),
        confidence=_confidence(draft, perpetrators),
        facts=facts,
    )


# Acts done at a distance: where the story happens is not where they happened.
REMOTE_ACTS = frozenset({Act.THREAT, Act.SMEAR_CAMPAIGN, Act.CYBER_ATTACK})


class _Scenes:
    """Where each incident happened: the most specific place its own sentences name as the scene;
    failing that the place of the story it continues or of its paragraph, then a place its sentences
    only hint at. A dateline's place is where the report was filed, which measured worse than
    nothing as a last resort (dispatches from capitals about events elsewhere)."""

    def __init__(self, module: Language, text: str, cast: object, units: list[Sentence]) -> None:
        self._module, self._text, self._cast = module, text, cast
        self._paragraphs: dict[int, tuple[int, int]] = {}
        for unit in units:
            start, end = self._paragraphs.get(unit.paragraph, (unit.start, unit.end))
            self._paragraphs[unit.paragraph] = (min(start, unit.start), max(end, unit.end))

    def location(self, draft: Draft) -> Locus | None:
        strong = [c for c in draft.places if c.strength >= 2]
        if strong:
            return self._most_specific(strong)
        if set(draft.acts) <= REMOTE_ACTS:
            return None  # a message, a broadcast or a hack happens nowhere the story's places say
        context = [c for c in draft.context_places if c.strength >= 2]
        if context:
            return self._most_specific(context)
        if draft.sentences:
            first = draft.sentences[0]
            p_start, p_end = self._paragraphs.get(first.paragraph, (first.start, first.end))
            named = self._module.places(self._text, self._cast, p_start, p_end)
            around = [c for c in named if c.strength >= 2]
            before = [c for c in around if c.start < first.start]
            if before:
                return self._most_specific([c for c in before if c.start >= before[-1].start - 200])
            if around:
                return self._most_specific(around[:1])
        weak = draft.places + draft.context_places
        return self._most_specific(weak) if weak else None

    def _most_specific(self, candidates: list[Locus]) -> Locus:
        """The finest place; several distinct places of that rank named together ("in Tbilisi and
        Kutaisi") give the area that holds them."""
        finest = max(c.place.specificity for c in candidates)
        top = [c for c in candidates if c.place.specificity == finest]
        distinct = {c.place.name.casefold(): c for c in top}
        if len(distinct) > 1 and _coordinated(self._text, top):
            area = default_gazetteer().smallest_area([c.place for c in distinct.values()])
            if area is not None:
                return Locus(top[0].start, top[-1].end, area, area.name, 2)
        return min(top, key=lambda c: c.start)


def _coordinated(text: str, loci: list[Locus]) -> bool:
    """Whether places are named as a list ("Tbilisi and Kutaisi", "Gomel, Rechytsa and Mozyr")."""
    ordered = sorted(loci, key=lambda c: c.start)
    return any(
        re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", text[a.end : b.start]) is not None
        for a, b in itertools.pairwise(ordered)
    )


def _main_agents(draft: Draft, generic: frozenset[str]) -> list[Participant]:
    """Who did it: the agent named for the occasion's first act, which the later acts' clauses
    mostly restate with a generic noun ("officers", "the men"). An armed clash has two sides."""
    victims = {v.name.casefold() for v in draft.victims}
    # one occasion does not make someone both: a name the clause shapes read as a victim stays one
    named = [p for p in draft.perpetrators if p.name != UNKNOWN_ACTOR and p.name.casefold() not in victims]
    if Act.ARMED_CLASH in draft.acts:
        return named
    specific = [p for p in named if p.name.casefold() not in generic]
    return (specific or named)[:1]


def _confidence(draft: Draft, perpetrators: list[Participant]) -> float:
    """How much a reviewer can lean on this draft: a stated date, named parties, no hedging."""
    score = 0.5
    score += 0.2 if draft.date_mention is not None and draft.date_mention.kind is not Kind.OPEN else 0.05
    score += 0.1 if perpetrators else 0.0
    score += 0.1 if draft.victims else 0.0
    score += 0.05 if len(draft.triggers) > 1 else 0.0
    score -= 0.15 if draft.hedged else 0.0
    return round(max(0.05, min(0.99, score)), 2)
