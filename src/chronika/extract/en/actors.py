"""Who is named in an English report, and who did what to whom around an act.

Names are found as runs of capitalised words, classed as organisations (by their head words or as
acronyms), places (by the gazetteer) or people; a report's short forms are resolved to the full
names it introduced: "Joint Mobile Group (JMG)" makes "JMG" the group, "Igor Kalyapin" makes
"Kalyapin" him, and "the group" or "the NGO" is the organisation the report is about. Roles come
from the shape of the clause: "by X" and the subject of an active verb are perpetrators; the object
of an active verb, the subject of a passive one and "of X" after a noun are victims.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from chronika.extract.en.modality import last_match
from chronika.model import ActorKind, Place

_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*[\w]|[^\W\d_]|\d[\w\-]*|[^\w\s]", re.UNICODE)
CONNECTORS = frozenset({"of", "for", "the", "de", "del", "da", "al", "el", "bin", "ibn", "van", "von", "der",
                        "la", "le", "du", "on", "against", "&"})  # fmt: skip
STOP_CAPS = frozenset(
    """
    a an the on in at after before during since until by for from with without of to as and or but if
    when while where who whom whose which what that this these those there then than it its he she they
    we our his her their him them you your i my me us also yet still so thus however meanwhile according
    earlier later following next previous same another other some many several all both each every one
    two three four five six seven eight nine ten no not none mr mrs ms dr prof sir madam
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    within between among around near outside inside over under about against despite although though
    read more share follow contact donate subscribe click here photo video source update updated
    published posted news press release statement urgent appeal action report
    police officers officials authorities security men unknown armed masked
    """.split()
)
ORG_HEADS = frozenset(
    """
    group committee centre center union association foundation network council movement party ministry
    service court watch international institute office coalition alliance society agency bureau front
    commission memorial initiative project fund church university department police guard army forces
    directorate investigative news radio television tv times post herald journal gazette channel media
    press club league federation assembly parliament government board unit battalion regiment brigade
    intelligence security federal national collective trust mission brotherhood clinic hospital school
    academy organisation organization rights defenders prosecutor prosecutor's procuracy ombudsman
    agency sputnik tribune review observer daily weekly magazine newspaper times online monitor
    kommersant novaya gazeta
    """.split()
)
TITLES = frozenset(
    """
    president minister prime deputy governor mayor head leader chief chairman chairwoman director
    spokesman spokeswoman spokesperson general colonel major captain lieutenant sergeant judge
    prosecutor senator lawyer activist journalist editor commander imam sheikh father bishop
    dr mr mrs ms prof professor sir
    """.split()
)
NOT_NAMES = frozenset(
    """
    criminal code article region country republic street avenue square district province oblast krai
    city village town human rights day new year eve law act constitution convention declaration
    europe european central asia east west north south northern southern eastern western islamic state
    muslim christian orthodox soviet union federation internet facebook twitter telegram instagram
    youtube whatsapp vkontakte google apple covid coronavirus ramadan easter christmas olympic games
    cup championship summit forum council border airport station prison colony hospital
    """.split()
)
ORG_PHRASES = re.compile(
    r"\b(?:the|this|that)\s+(?:human\s+rights\s+|rights\s+|local\s+|independent\s+)?"
    r"(?:group|ngo|organi[sz]ation|centre|center|charity|association|foundation|committee|network|"
    r"movement|outlet|newspaper|channel|website|publication|initiative|project|union|collective)(?!\s+(?:of|members))\b",
    re.IGNORECASE,
)
AGENT_HEADS = (
    r"(?:police(?:men|women)?|officers?|officials|authorities|men|man|women|people|individuals|persons|assailants|"
    r"attackers|gunmen|militants|insurgents|soldiers|troops|forces|agents|guards|servicemen|investigators|"
    r"prosecutors?|court|judge|mob|crowd|youths|thugs|vigilantes|fighters|militia|militiamen|kadyrovtsy|"
    r"employees|representatives|operatives|personnel|unit|squad|army|military|group|gang|settlers|"
    r"rebels|paramilitaries|supporters|nationalists|activists|officer|riot\s+police|special\s+forces|"
    r"security\s+services|security\s+forces|law\s+enforcement(?:\s+(?:officers|officials|agencies))?)"
)
_AGENT_PHRASE = re.compile(
    rf"\b(?:(?:unknown|unidentified|armed|masked|plain-?clothes|plainclothes|uniformed|local|federal|regional|"
    rf"several|two|three|four|five|six|a\s+group\s+of|a\s+number\s+of|dozens\s+of|some|the|about|around|"
    rf"at\s+least|pro-?government|state|chechen|russian|\w+ian|\w+ese|riot|traffic|special|masked,|armed,|"
    rf"unidentified,|\d+)\s+){{0,4}}{AGENT_HEADS}\b",
    re.IGNORECASE,
)
_VICTIM_HEADS = (
    r"(?:journalists?|reporters?|activists?|lawyers?|advocates?|defenders?|residents|villagers|protesters|"
    r"demonstrators|relatives|families|family|members|staff(?:\s+members)?|employees|civilians|students|"
    r"women|children|monitors|volunteers|bloggers?|photographers?|cameraman|editors?|correspondents?|"
    r"farmers|workers|worshippers|believers|refugees|migrants|detainees|prisoners|villagers|inhabitants|"
    r"dissidents|opposition\s+(?:figures|members|supporters)|human\s+rights\s+defenders?|mothers|wives|"
    r"sons|brothers|man|woman|teenager|boy|girl|son|daughter|brother|sister|wife|husband|father|mother|"
    r"homes|houses|civilian)"
)
_VICTIM_PHRASE = re.compile(
    rf"\b(?:(?:at\s+least\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens\s+of|"
    rf"hundreds\s+of|local|independent|young|elderly|the|a|an|his|her|their|its|one|other|some|many|"
    rf"\w+ian|\w+ese|human\s+rights|opposition|civil\s+society|rights|female|male)\s+){{0,4}}{_VICTIM_HEADS}"
    rf"(?:\s+of\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){{0,3}}[\w-]+(?=[\s,.;:)]|$))?",
    re.IGNORECASE,
)
_ROLE_NOUN = re.compile(
    r"\bthe\s+(?:\w+\s+)?(?:lawyer|journalist|activist|blogger|researcher|reporter|defender|editor|"
    r"photographer|poet|writer|artist|academic|professor|student|pastor|imam|priest|monk|politician|"
    r"councillor|candidate|doctor|nurse|human\s+rights\s+defender)\b",
    re.IGNORECASE,
)
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|she|him|her|his)\b", re.IGNORECASE)
_BY = re.compile(r"\bby\s+", re.IGNORECASE)
_BE_BEFORE = re.compile(
    r"\b(?:(?:was|were|been|being|is|are|got|get)\s+(?:\w+ly\s+)?|(?:receiv(?:ed|es|ing)|got|gets|faced|faces|"
    r"facing|suffered|subjected\s+to|endured|sustained)\s+(?:\w+\s+){0,2})$",
    re.IGNORECASE,
)
_BE_START = re.compile(
    r"(?:was|were|been|being|is|are|got|get|had\s+been|has\s+been|have\s+been)\s", re.IGNORECASE
)
# Verbs whose subject undergoes the act ("died in custody", "went missing"): read like a passive.
_UNDERGOER_VERB = re.compile(
    r"(?:died|dies|die|disappeared|vanished|went\s+missing|gone\s+missing|succumbed|drowned)\b", re.IGNORECASE
)
# Act words that are verbs take their subject as the agent; nouns ("the arson attack") do not.
_IRREGULAR_VERBS = frozenset(
    "set burnt beat shot took stole broke threw hit held kept tore sent put cut struck drove bound "
    "burst stormed seized raided abducted said told wrote".split()
)


def verbal(trigger_text: str) -> bool:
    first = trigger_text.split(maxsplit=1)[0].lower() if trigger_text.split() else ""
    return first.endswith(("ed", "ing")) or first in _IRREGULAR_VERBS


_STOP_AFTER = re.compile(r"[;:.!?()]|\s[-–—]\s|\b(?:who|which|where|when|after|before|because|while|but)\b")
_SPEAKER_VERB = re.compile(
    r"^\s*(?:,[^,]{0,60},\s*)?(?:has\s+|have\s+|had\s+)?(?:said|says|urged|urges|called|calls|demanded|stated|"
    r"reported|documented|condemned|noted|added|welcomed|published|told|warned|wrote|expressed)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text and what it resolves to."""

    start: int
    end: int
    surface: str
    name: str
    kind: ActorKind


@dataclass
class Cast:
    """Everyone a document names, with its short forms resolved."""

    mentions: list[Mention] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # folded alias -> canonical name
    kinds: dict[str, ActorKind] = field(default_factory=dict)
    focus: str | None = None  # the organisation the report is about
    focus_person: str | None = None  # the person the report is mostly about
    places: list[tuple[int, int, Place]] = field(default_factory=list)

    def between(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def last_person_before(self, offset: int) -> Mention | None:
        found = None
        for mention in self.mentions:
            if mention.start >= offset:
                break
            if mention.kind is ActorKind.PERSON:
                found = mention
        return found


def _runs(text: str) -> list[tuple[int, int, list[str]]]:
    """Runs of capitalised tokens (with inner connectors), as (start, end, tokens)."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    runs: list[tuple[int, int, list[str]]] = []
    index = 0
    while index < len(tokens):
        if not _capitalised(tokens[index][2]):
            index += 1
            continue
        words = [tokens[index][2]]
        last = index
        probe = index + 1
        while probe < len(tokens) and _adjacent(text, tokens[probe - 1][1], tokens[probe][0]):
            word = tokens[probe][2]
            if _capitalised(word):
                words.append(word)
                last = probe
            elif not (
                word.lower() in CONNECTORS
                and word.lower() != "and"
                and probe + 1 < len(tokens)
                and _capitalised(tokens[probe + 1][2])
                and _adjacent(text, tokens[probe][1], tokens[probe + 1][0])
            ):
                break
            else:
                words.append(word)
            probe += 1
        runs.append((tokens[index][0], tokens[last][1], words))
        index = last + 1
    return runs


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _adjacent(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return gap in (" ", "-", "\u00a0") or (gap.strip() == "" and "\n" not in gap and len(gap) <= 2)


def _trim(words: list[str]) -> list[str]:
    while words and words[0].lower().strip(".") in STOP_CAPS:
        words = words[1:]
    while words and (words[-1].lower() in STOP_CAPS or words[-1].lower() in CONNECTORS):
        words = words[:-1]
    return words


def _strip_possessive(name: str) -> str:
    return re.sub(r"['’]s$", "", name)


def build_cast(text: str, find_place: Callable[[str], Place | None]) -> Cast:
    cast = Cast()
    acronyms: dict[str, str] = {}
    for match in re.finditer(
        r"([A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|for|the|on|against|and|in|de|al)){1,8})\s*"
        r"\(([A-Z][A-Za-z0-9&]{1,9})\)",
        text,
    ):
        full = " ".join(_trim(match.group(1).split()))
        acronym = match.group(2)
        if full and len(full.split()) >= 2:
            acronyms[acronym] = full
    persons: dict[str, str] = {}
    raw: list[tuple[int, int, str, ActorKind]] = []
    for start, end, run in _runs(text):
        words = _trim(run)
        if not words:
            continue
        offset = text.index(words[0], start) if words[0] != run[0] else start
        surface = " ".join(words)
        surface_end = offset + len(surface) if text.startswith(surface, offset) else end
        name = _strip_possessive(surface)
        place = find_place(name)
        if place is not None:
            cast.places.append((offset, surface_end, place))
            continue
        kind = _classify(words, acronyms)
        if kind is None:
            continue
        if kind is ActorKind.PERSON and len(name.split()) >= 2:
            persons.setdefault(name.split()[-1].casefold(), name)
        raw.append((offset, surface_end, name, kind))
    for acronym, full in acronyms.items():
        cast.aliases[acronym.casefold()] = full
        cast.kinds[full] = ActorKind.ORGANISATION
    for surname, full in persons.items():
        cast.aliases.setdefault(surname, full)
    for start, end, name, kind in raw:
        canonical = cast.aliases.get(name.casefold(), name)
        if kind is ActorKind.PERSON and len(name.split()) == 1 and name.casefold() not in cast.aliases:
            continue  # a lone capitalised word that names no one we know
        resolved_kind = cast.kinds.get(
            canonical,
            kind
            if canonical == name
            else ActorKind.PERSON
            if canonical.casefold().split()[-1] in persons
            else ActorKind.ORGANISATION,
        )
        cast.kinds.setdefault(canonical, resolved_kind)
        cast.mentions.append(Mention(start, end, text[start:end], canonical, cast.kinds[canonical]))
    cast.focus = _focus(text, cast)
    people = Counter(m.name for m in cast.mentions if m.kind is ActorKind.PERSON)
    if people:
        cast.focus_person = people.most_common(1)[0][0]
    if cast.focus is not None:
        for match in ORG_PHRASES.finditer(text):
            cast.mentions.append(
                Mention(match.start(), match.end(), match.group(), cast.focus, ActorKind.ORGANISATION)
            )
        cast.mentions.sort(key=lambda m: m.start)
    return cast


def _classify(words: list[str], acronyms: dict[str, str]) -> ActorKind | None:
    folded = [w.lower().strip(".'’") for w in words]
    while len(folded) > 1 and folded[0] in TITLES:
        words, folded = words[1:], folded[1:]
    if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 8:
        return ActorKind.ORGANISATION
    if words[0] in acronyms:
        return ActorKind.ORGANISATION
    if any(w in ORG_HEADS for w in folded):
        return ActorKind.ORGANISATION
    if any(w in CONNECTORS for w in folded[1:-1]):
        return ActorKind.ORGANISATION if len(words) >= 3 else None
    if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not NOT_NAMES.intersection(folded):
        return ActorKind.PERSON
    return None


def _focus(text: str, cast: Cast) -> str | None:
    """The organisation a report is about: the most mentioned one that is not merely speaking."""
    score: Counter[str] = Counter()
    for mention in cast.mentions:
        if mention.kind is not ActorKind.ORGANISATION:
            continue
        score[mention.name] += 1
        if _SPEAKER_VERB.match(text, mention.end):
            score[mention.name] -= 2
    ranked = [name for name, value in score.most_common() if value > 0]
    return ranked[0] if ranked else None


# -- roles around an act ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Roles:
    perpetrators: list[tuple[str, int, int]]
    victims: list[tuple[str, int, int]]


def _clean(phrase: str) -> str:
    phrase = re.sub(r"^(?:the|a|an|some|about|around)\s+", "", phrase.strip(" ,"), flags=re.IGNORECASE)
    phrase = re.sub(r"\s+", " ", phrase)
    return phrase.rstrip(" ,")


def _names_in(cast: Cast, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.name, m.start, m.end) for m in cast.between(start, end)]


def _clause_end(text: str, offset: int, limit: int) -> int:
    stop = _STOP_AFTER.search(text, offset, limit)
    return stop.start() if stop else limit


_CLAUSE_START_BREAK = re.compile(
    r"[;:]|\s[-–—]\s|\bthat\b|,\s+(?:and|but|while|after|before|when)\b|\b(?:and|then)\s+"
    r"(?=(?:was|were|police|officers|men|he|she|they)\b)",
)


def _clause_start(text: str, offset: int, floor: int) -> int:
    head = text[floor:offset]
    last = last_match(_CLAUSE_START_BREAK, head)
    return floor + last.end() if last is not None else floor


def roles(
    text: str, cast: Cast, sentence: tuple[int, int], trigger: tuple[int, int], speech: bool = False
) -> Roles:
    """Perpetrators and victims of one act, read from the clause around its trigger."""
    s_start, s_end = sentence
    t_start, t_end = trigger
    perpetrators: list[tuple[str, int, int]] = []
    victims: list[tuple[str, int, int]] = []
    after_end = _clause_end(text, t_end, s_end)
    before_start = _clause_start(text, t_start, s_start)
    passive = (
        bool(_BE_BEFORE.search(text, max(s_start, t_start - 30), t_start))
        or bool(_BE_START.match(text, t_start, t_end))
        or bool(_UNDERGOER_VERB.match(text, t_start, t_end))
    )

    is_verbal = verbal(text[t_start:t_end])
    by = _BY.search(text, t_start, min(after_end + 40, s_end))
    if by is not None and by.start() - t_end < 60 and (passive or not is_verbal):
        agent_end = _clause_end(text, by.end(), s_end)
        perpetrators += _agents_at(text, cast, by.end(), min(agent_end, by.end() + 80))
    else:
        by = None
    if not passive and is_verbal and not perpetrators:
        perpetrators += _nearest_before(text, cast, before_start, t_start, agents=True, prefer_people=speech)
    if not passive and is_verbal and not perpetrators:
        perpetrators += _antecedent_of_they(text, before_start, t_start)
    if passive:
        victims += _nearest_before(text, cast, before_start, t_start, agents=False)
    else:
        object_end = by.start() if by is not None and by.start() < after_end else after_end
        first_word = re.match(r"\S+", text[t_start:t_end])
        object_start = t_start + first_word.end() if first_word else t_end
        victims += _victims_at(text, cast, object_start, min(max(object_end, t_end), t_end + 120))
    if not victims:
        victims += _victims_at(text, cast, t_end, min(after_end, t_end + 60))
    return Roles(
        _unique(perpetrators), _unique([v for v in victims if v[0] not in {p[0] for p in perpetrators}])
    )


_THEY = re.compile(r"\bthey\b", re.IGNORECASE)
_FORCE_PHRASE = re.compile(
    r"\b(?:(?:unknown|unidentified|armed|masked|plain-?clothes|uniformed|riot|special|security|federal|local|"
    r"\w+ian|\w+ese|several|two|three|four|five|six|the)\s+){0,3}"
    r"(?:police(?:men)?|officers|soldiers|troops|forces|agents|guards|servicemen|gunmen|militants|militia(?:men)?|"
    r"fighters|investigators|officials|men\s+in\s+(?:\w+\s+)?(?:uniforms?|plain\s+clothes|civilian\s+clothes|"
    r"black)|(?:armed|masked|unknown|unidentified)\s+men)\b",
    re.IGNORECASE,
)
LOOKBACK_CHARS = 600  # how far back "they" may find the agents a story introduced


def _antecedent_of_they(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """'They searched his car', 'they took me': the agents the story named last, when 'they' is
    the subject of the act."""
    they = last_match(_THEY, text, start, end)
    if they is None:
        return []
    found = last_match(_FORCE_PHRASE, text, max(0, they.start() - LOOKBACK_CHARS), they.start())
    if found is None:
        return []
    return [(_agent_name(found.group()), they.start(), they.end())]


def _unique(items: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    seen: set[str] = set()
    out = []
    for name, start, end in items:
        key = name.casefold()
        if key not in seen and name:
            seen.add(key)
            out.append((name, start, end))
    return out


def _agents_at(text: str, cast: Cast, start: int, end: int) -> list[tuple[str, int, int]]:
    names = _names_in(cast, start, end)
    if names and names[0][1] - start < 25:
        return names[:2]
    phrase = _AGENT_PHRASE.search(text, start, end)
    if phrase is not None and phrase.start() - start < 15:
        return [(_agent_name(phrase.group()), phrase.start(), phrase.end())]
    return names[:1]


def _agent_name(phrase: str) -> str:
    cleaned = _clean(phrase)
    if re.match(r"(?:unknown|unidentified)\b", cleaned, re.IGNORECASE):
        return "unknown"
    return cleaned


def _nearest_before(
    text: str, cast: Cast, start: int, end: int, agents: bool, prefer_people: bool = True
) -> list[tuple[str, int, int]]:
    names_mentions = cast.between(start, end)
    names = [(m.name, m.start, m.end) for m in names_mentions]
    pattern = _AGENT_PHRASE if agents else _VICTIM_PHRASE
    phrases = list(pattern.finditer(text, start, end))
    candidates: list[tuple[str, int, int]] = [(n, s, e) for n, s, e in names]
    for phrase in phrases:
        if any(s <= phrase.start() < e or phrase.start() <= s < phrase.end() for _, s, e in names):
            continue
        value = _agent_name(phrase.group()) if agents else _clean(phrase.group())
        candidates.append((_resolve_members(cast, value), phrase.start(), phrase.end()))
    pronoun = last_match(_SUBJECT_PRONOUN, text, start, end)
    pronoun_starts = set()
    if pronoun is not None:
        person = cast.last_person_before(pronoun.start())
        if person is not None:
            candidates.append((person.name, pronoun.start(), pronoun.end()))
            pronoun_starts.add(pronoun.start())
    if agents:
        # the organisation a report is about is its subject, almost never the one acting against it
        candidates = [c for c in candidates if c[0] != cast.focus]
    if not candidates:
        return []
    candidates.sort(key=lambda c: c[1])
    if agents:
        kinds = {m.start: m.kind for m in names_mentions}
        preferred = [
            c for c in candidates if kinds.get(c[1]) is not ActorKind.PERSON and c[1] not in pronoun_starts
        ]
        if prefer_people or not preferred:
            return [candidates[0]]
        return [preferred[0]]
    # the subject of a passive verb: the first name of the clause, with names joined to it by "and"
    first = candidates[0]
    chosen = [c for c in candidates if c[1] >= first[1]][:4]
    named = {m.start for m in names_mentions}
    if len(chosen) > 1 and chosen[0][1] not in named and chosen[1][1] in named:
        between = text[chosen[0][2] : chosen[1][1]]
        if between.strip() in (",", ":", "—", "-", "–"):
            chosen = chosen[1:]  # "two staff members, X and Y, were held": the names say who
    return chosen


def _resolve_members(cast: Cast, phrase: str) -> str:
    """'members of the group' are the group, for the contract's shortest unambiguous name."""
    match = ORG_PHRASES.search(phrase)
    if (
        match
        and cast.focus
        and re.match(r"(?:\w+\s+)*(?:members|staff|employees)\s+of\s+", phrase, re.IGNORECASE)
    ):
        return cast.focus
    return phrase


def _victims_at(text: str, cast: Cast, start: int, end: int) -> list[tuple[str, int, int]]:
    names = _names_in(cast, start, end)
    role = _ROLE_NOUN.search(text, start, end)
    if role is not None and cast.focus_person and (not names or role.start() < names[0][1]):
        names = [(cast.focus_person, role.start(), role.end()), *names]
    phrase = _VICTIM_PHRASE.search(text, start, end)
    if phrase is not None and (not names or phrase.end() < names[0][1]):
        names = [(_resolve_members(cast, _clean(phrase.group())), phrase.start(), phrase.end())]
    if names:
        return names[:4]
    pronoun = re.compile(r"\b(?:him|her)\b", re.IGNORECASE).search(text, start, min(end, start + 25))
    if pronoun is not None:
        person = cast.last_person_before(pronoun.start())
        if person is not None:
            return [(person.name, pronoun.start(), pronoun.end())]
    phrase = _VICTIM_PHRASE.search(text, start, end)
    if phrase is not None:
        return [(_resolve_members(cast, _clean(phrase.group())), phrase.start(), phrase.end())]
    return []
