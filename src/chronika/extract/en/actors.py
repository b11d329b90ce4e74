"""Who is named in an English report, and who did what to whom around an act.

Names are found as runs of capitalised words, classed as organisations (by their head words or as
acronyms), places (by the gazetteer) or people; a report's short forms are resolved to the full
names it introduced: "Joint Mobile Group (JMG)" makes "JMG" the group, "Igor Kalyapin" makes
"Kalyapin" him, and "the group" or "the NGO" is the organisation the report is about. Roles come
from the shape of the clause: "by X" and the subject of an active verb are perpetrators; the object
of an active verb, the subject of a passive one and "of X" after a noun are victims.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from chronika.extract import prefilter
from chronika.extract.en.modality import last_match
from chronika.extract.language import Locus
from chronika.model import ActorKind, Place, PlaceKind

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
    special rapporteur rapporteurs experts
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
    r"(?:police(?:men|women)?|officers?|officials?|authorities|men|man|women|people|individuals|persons|assailants|"
    r"attackers|gunmen|militants|insurgents|soldiers|troops|forces|agents|guards|servicemen|investigators?|"
    r"prosecutors?|prosecution|courts?|judges?|magistrates?['’]s?\s+courts?|magistrates?|mob|crowd|youths|thugs|vigilantes|fighters|militia|"
    r"militiamen|kadyrovtsy|employees|representatives|operatives|personnel|unit|squad|army|military|group|"
    r"gang|settlers|rebels|paramilitaries|supporters|nationalists|activists|riot\s+police|special\s+forces|"
    r"security\s+services|security\s+forces|law\s+enforcement(?:\s+(?:officers|officials|agencies))?|"
    r"administration|government|ministry|governor|minister|spokes(?:man|woman|person)|presenter|host|"
    r"staff|khokim|akim|hokim|mayor|commissioner|channel|broadcaster|television|daily|newspaper|websites?|outlets?|"
    r"boys|agency|agencies|captors|interrogators|jailers|wardens|commander|inspector|groups|secretary|"
    r"director|university|rancher|landowner|company|head\s+of\s+(?:the\s+)?(?:republic|region|district|"
    r"province|state|city|administration|police))"
)
# Words that may stand before an agent's head noun ("migration officers", "pro-government websites"),
# but never a verb in the past ("detained officers") or a little word.
_NOT_MODIFIERS = (
    r"(?:and|or|the|of|to|in|on|at|by|with|for|from|was|were|had|has|have|is|are|be|been|who|that|which|"
    r"then|also|later|when|while|after|before|since|his|her|their|its|our|my|said|says|told|not|no|where|"
    r"between|among|against|about|around|into|during|whom|whose|than|both|each|every|all|any|evening|"
    r"morning|night|day|week|month|year|online|show|thousand|hundred|dozen|million|more|most|less|least|"
    r"other|such|what|this|these|those|there|here|as|like|but|so|if|because|nor|yet|via|upon|under|over|"
    r"through|without|within|towards?|across|behind|near|beside|per)"
)


def _agent_modifier(regroup: Callable[[str], str]) -> str:
    return (
        r"(?:(?:(?:unknown|unidentified|armed|masked|uniformed|plain-?clothes|plainclothes),?|state-run|state-owned|"
        r"pro-?government|pro-\w+|\w+ian|\w+ese|\d{1,3}(?![\d.,:/])|"
        rf"(?!{regroup(_NOT_MODIFIERS)}\b)"
        r"(?-i:[a-z][a-z\-]+)(?<!ed)(?<!ly)(?<!ing))\s+)"
    )


# "men in uniform", "two men on a motorcycle", "persons in plain dress": what marks them out
_AGENT_DRESS = (
    r"(?:(?:(?<=men)|(?<=man)|(?<=persons)|(?<=people)|(?<=individuals))\s+(?:in|on|wearing|with)\s+"
    r"(?:a\s+|an\s+)?(?:[a-z-]+\s+){0,2}(?:uniforms?|clothes|clothing|dress|camouflage|motorcycles?|"
    r"motorbikes?|balaclavas|masks|helmets)\b)?"
)


def _by_first_letter(group: str) -> str:
    """``(?:police|prosecutors?|officers?)`` as ``(?:p(?:olice|rosecutors?)|o(?:fficers?))``: the same
    strings, preferred in the same order, but the engine enters only the branches whose first letter
    fits, where it otherwise tries every word of a long list at every word of the text.

    Branches are regrouped only when each starts with a plain letter (two branches with different
    letters, in either case, can never both match at one place, so their order does not matter), and
    the group is returned unchanged when any branch does not.
    """
    branches = _top_level_branches(group)
    if branches is None:
        return group
    by_letter: dict[str, list[str]] = {}
    for branch in branches:
        first, rest = branch[:1], branch[1:]
        if not (first.isascii() and first.isalpha()) or rest[:1] in ("", "?", "*", "+", "{"):
            return group
        known = by_letter.setdefault(first.lower(), [])
        if known and known[0][0] != first:
            return group  # "A..." and "a...": under IGNORECASE both match, and order would matter
        known.append(branch)
    regrouped = (f"{same[0][0]}(?:{'|'.join(b[1:] for b in same)})" for same in by_letter.values())
    return "(?:" + "|".join(regrouped) + ")"


def _as_written(group: str) -> str:
    return group


def _top_level_branches(group: str) -> list[str] | None:
    """The branches of a ``(?:...)`` group that spans all of ``group`` (None: not such a group)."""
    if not (group.startswith("(?:") and group.endswith(")")):
        return None
    body = group[3:-1]
    branches, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(body):
        char = body[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None  # the first "(" closes before the end: not one group
        elif char == "|" and depth == 0:
            branches.append(body[start:index])
            start = index + 1
        index += 1
    if depth != 0 or in_class:
        return None
    branches.append(body[start:])
    return branches


def _agent_phrase(regroup: Callable[[str], str]) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:(?:a\s+group\s+of|a\s+number\s+of|dozens\s+of|at\s+least)\s+)?"
        rf"{_agent_modifier(regroup)}{{0,3}}{regroup(AGENT_HEADS)}\b{_AGENT_DRESS}",
        re.IGNORECASE,
    )


_AGENT_PHRASE = _agent_phrase(_by_first_letter)
_AGENT_PHRASE_PLAIN = _agent_phrase(_as_written)  # the reference the regrouped one is tested against
# People who are agents only when the text marks them out: "armed men", "men in uniform", not "people"
_PLAIN_PEOPLE = re.compile(
    r"(?:(?:at\s+least|more\s+than|about|some|several|many|dozens\s+of|hundreds\s+of|young|\d+|two|three|four|"
    r"five|six|seven|eight|nine|ten|other)\s+)*(?:men|women|people|persons|individuals|man|woman|activists|"
    r"supporters|group|staff|residents|youths)",
    re.IGNORECASE,
)
_VICTIM_HEADS = (
    r"(?:journalists?|reporters?|activists?|lawyers?|advocates?|defenders?|residents|villagers|protesters|"
    r"demonstrators|relatives|families|family|members|staff(?:\s+members)?|employees|civilians|students|"
    r"women|children|monitors|volunteers|bloggers?|photographers?|cameraman|editors?|correspondents?|"
    r"farmers|workers|worshippers|believers|refugees|migrants|detainees|prisoners|villagers|inhabitants|"
    r"dissidents|opposition\s+(?:figures|members|supporters)|human\s+rights\s+defenders?|mothers|wives|"
    r"sons|brothers|parents|daughters|sisters|cousins|man|woman|teenager|boy|girl|son|daughter|brother|sister|"
    r"wife|husband|father|mother|"
    r"homes|houses|civilian|participants|supporters|organi[sz]ers|users|inmates|teachers|"
    r"teenagers|leaders|elders|paralegals|couriers|nurses|doctors|pensioners|marchers|mourners|youths|"
    r"politicians|clerics|herders|shepherds|fishers|fishermen|pastors|priests|imams|voters|candidates)"
)
# a word of the "of" complement of a victim noun ("residents of the village"), up to a preposition
_OF_WORD = (
    r"(?!(?:in|at|on|near|from|with|after|before|during|by|for|to|into|and|who|which|that|while|when|"
    r"outside|inside|since|until|over|under)\b)[\w-]+"
)
def _victim_phrase(regroup: Callable[[str], str]) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:(?:at\s+least\s+)?(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
        rf"some|many|most|all)\s+of\s+(?:the|these|those)|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|several|"
        rf"dozens\s+of|thousands\s+of|more\s+than|about|around|approximately|a\s+group\s+of|"
        rf"hundreds\s+of|local|independent|young|elderly|the|a|an|his|her|their|its|one|other|some|many|"
        rf"\w+ian|\w+ese|human\s+rights|opposition|civil\s+society|rights|female|male)\s+){{0,4}}{regroup(_VICTIM_HEADS)}"
        rf"(?:\s+of\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:{_OF_WORD}\s+){{0,3}}{_OF_WORD}(?=[\s,.;:)]|$))?",
        re.IGNORECASE,
    )


_VICTIM_PHRASE = _victim_phrase(_by_first_letter)
_VICTIM_PHRASE_PLAIN = _victim_phrase(_as_written)  # the reference the regrouped one is tested against
_ROLE_NOUN = re.compile(
    r"\bthe\s+(?:\w+\s+)?(?:lawyer|journalist|activist|blogger|researcher|reporter|defender|editor|"
    r"photographer|poet|writer|artist|academic|professor|student|pastor|imam|priest|monk|politician|"
    r"councillor|candidate|doctor|nurse|human\s+rights\s+defender)\b",
    re.IGNORECASE,
)
_FIRST_PERSON_SUBJECT = re.compile(r"\bI\b")
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|she|him|her|his)\b", re.IGNORECASE)
_BY = re.compile(r"\bby\s+", re.IGNORECASE)
_BE_BEFORE = re.compile(
    r"\b(?:(?:was|were|been|being|is|are|got|get)\s+(?:\w+ly\s+)?|(?:receiv(?:ed|es|ing)|got|gets|faced|faces|"
    r"facing|suffered|subjected\s+to|endured|sustained)\s+(?:\w+\s+){0,2})$",
    re.IGNORECASE,
)
# Agent nouns that say nothing a named agent of the same occasion does not ("FSB" and "officers").
GENERIC_AGENTS = frozenset(
    "officer officers agents men personnel servicemen employees staff operatives official officials "
    "fighters guards".split()
)
_UNDERGONE = re.compile(
    r"(?:died|dies|dying|disappeared|disappears|vanished|went\s+missing|goes\s+missing|fled|flee|flees|"
    r"drowned|perished|suffered|sustained)\b",
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


def verbal(trigger_text: str, before: str = "") -> bool:
    """Whether an act's words are a verb whose subject is its agent. Past forms and participles
    always are; a bare form is a verb in the present ("Police raid the offices", "the court
    sentences him") unless a determiner or preposition makes it a noun ("the raid", "after his
    arrest") or its ending does ("detention", "harassment")."""
    first = trigger_text.split(maxsplit=1)[0].lower() if trigger_text.split() else ""
    if first.endswith(("ed", "ing")) or first in _IRREGULAR_VERBS:
        return True
    if not before or _NOMINAL_BEFORE.search(before):
        return False
    return not first.endswith(("tion", "sion", "ment", "ure", "ance", "ence", "al", "ship", "age", "ism"))


_NOMINAL_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|of|after|before|during|"
    r"following|for|under|against|upon|since|new|further|another|any|no|such|mass|several|two|three|"
    r"\d+)|['’]s?|\S*[,;:(])\s*$",
    re.IGNORECASE,
)


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


_Phrases = tuple[re.Pattern[str], list[re.Match[str]]]  # a pattern and its matches in one window


@dataclass
class Cast:
    """Everyone a document names, with its short forms resolved."""

    mentions: list[Mention] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # folded alias -> canonical name
    kinds: dict[str, ActorKind] = field(default_factory=dict)
    focus: str | None = None  # the organisation the report is about
    focus_person: str | None = None  # the person the report is mostly about
    narrator: str | None = None  # who "I" is in a first-person testimony, letter or blog
    places: list[tuple[int, int, Place]] = field(default_factory=list)
    loci: list[Locus] = field(default_factory=list)  # places named as scenes (see en.places)
    expansions: dict[str, str] = field(default_factory=dict)  # acronym -> the words it stands for
    runs: list[tuple[int, int, list[str]]] = field(default_factory=list)  # capitalised runs, read once
    _locative_only: dict[str, bool] = field(default_factory=dict)

    def only_after_locatives(self, text: str, name: str) -> bool:
        """``only_after_locatives`` for this cast's text, each name looked up once."""
        if name not in self._locative_only:
            self._locative_only[name] = only_after_locatives(text, name)
        return self._locative_only[name]

    _starts: list[int] | None = None  # the mentions' starts, if they are in order
    _starts_of: tuple[int, int] = (0, -1)  # (id, length) of the mentions list they were read from
    _phrases: dict[tuple[int, int, int], _Phrases] = field(default_factory=dict)
    _roles: dict[tuple[tuple[int, int], tuple[int, int], bool, bool], Roles] = field(default_factory=dict)

    def between(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end], in order (a bisection: roles ask this for every act)."""
        starts = self._mention_starts()
        if starts is None:
            return [m for m in self.mentions if start <= m.start and m.end <= end]
        window = self.mentions[bisect.bisect_left(starts, start) : bisect.bisect_right(starts, end)]
        return [m for m in window if m.end <= end]

    def last_person_before(self, offset: int) -> Mention | None:
        starts = self._mention_starts()
        if starts is None:
            found = None
            for mention in self.mentions:
                if mention.start >= offset:
                    break
                if mention.kind is ActorKind.PERSON:
                    found = mention
            return found
        for index in range(bisect.bisect_left(starts, offset) - 1, -1, -1):
            if self.mentions[index].kind is ActorKind.PERSON:
                return self.mentions[index]
        return None

    def phrases(self, pattern: re.Pattern[str], text: str, start: int, end: int) -> list[re.Match[str]]:
        """``list(pattern.finditer(text, start, end))`` for this cast's text, each window read once
        (every act of a sentence asks for the sentence's agent phrases) and skipped at once where
        the window holds none of the pattern's stems."""
        key = (id(pattern), start, end)  # by identity: hashing a compiled pattern hashes all its code
        known = self._phrases.get(key)
        if known is not None and known[0] is pattern:
            return known[1]
        may_match = prefilter.may_match(pattern, text, start, end)
        found = list(pattern.finditer(text, start, end)) if may_match else []
        self._phrases[key] = (pattern, found)  # holding the pattern keeps its id from being reused
        return found

    def _mention_starts(self) -> list[int] | None:
        """The starts of the mentions, if they are in order of start (None: scan them one by one)."""
        key = (id(self.mentions), len(self.mentions))
        if self._starts_of != key:
            starts = [m.start for m in self.mentions]
            self._starts = None if any(a > b for a, b in itertools.pairwise(starts)) else starts
            self._starts_of = key
        return self._starts


Run = tuple[int, int, list[str]]


@functools.lru_cache(maxsize=2)
def _runs(text: str) -> list[Run]:
    """Runs of capitalised tokens (with inner connectors), as (start, end, tokens).

    Names and places are both read from the runs of one document in turn, so the runs of the last
    texts are kept (callers only read them).
    """
    return _read_runs(text)


def _read_runs(text: str) -> list[Run]:
    tokens = list(_TOKEN.finditer(text))
    words = [m.group() for m in tokens]
    starts = [m.start() for m in tokens]
    ends = [m.end() for m in tokens]
    capital = [w[0].isupper() and w[0].isalpha() for w in words]  # _capitalised, for every token at once
    if _PARTICLE_IN_TEXT.search(text):  # one pass in C first: most texts have no such name
        for at, word in enumerate(words):
            if "-" in word[1:4] and _PARTICLE_NAME.match(word):
                capital[at] = True  # "al-Harbi", "ad-Dabaa": a surname behind its particle
    runs: list[Run] = []
    count = len(tokens)
    index = 0
    while True:
        try:
            index = capital.index(True, index)
        except ValueError:
            break
        run = [words[index]]
        last = index
        probe = index + 1
        while probe < count and _adjacent(text, ends[probe - 1], starts[probe]):
            word = words[probe]
            if capital[probe]:
                run.append(word)
                last = probe
            elif (
                word in ("'", "’")
                and ends[probe - 1] == starts[probe]
                and run[-1].endswith("s")
                and probe + 1 < count
                and (len(run) >= 2 or words[probe + 1].casefold() in ORG_HEADS)  # not "Kenya's Rift"
                and capital[probe + 1]
                and _adjacent(text, ends[probe], starts[probe + 1])
            ):
                run[-1] += word  # "Solidarity Lawyers' Association": a plural possessive inside a name
            elif not (
                word.lower() in CONNECTORS
                and word.lower() != "and"
                and probe + 1 < count
                and capital[probe + 1]
                and _adjacent(text, ends[probe], starts[probe + 1])
            ):
                break
            else:
                run.append(word)
            probe += 1
        runs.append((starts[index], ends[last], run))
        index = last + 1
    return runs


_PARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ibn|abu|bou)-[A-Z]")
# Whether the text holds ``_PARTICLE_NAME`` anywhere: the same words, found from the hyphen, which the
# engine finds at once where it must try every "a" of the text for a pattern opening on the particle.
_PARTICLE_IN_TEXT = re.compile(
    r"-(?:(?<=(?:al|el|ad|ar|as|at|az|an|ud|ul)-)|(?<=(?:ash|bin|ibn|abu|bou)-))[A-Z]"
)


def _capitalised(word: str) -> bool:
    return (word[:1].isupper() and word[:1].isalpha()) or _PARTICLE_NAME.match(word) is not None


def _adjacent(text: str, end: int, start: int) -> bool:
    if start == end + 1 and text[end] in " -\u00a0":
        return True  # the usual gap, without slicing it out
    gap = text[end:start]
    return gap in (" ", "-", "\u00a0") or (gap.strip() == "" and "\n" not in gap and len(gap) <= 2)


def _trim(words: list[str]) -> list[str]:
    while words and words[0].lower().strip(".") in STOP_CAPS:
        words = words[1:]
    while words and (words[-1].lower() in STOP_CAPS or words[-1].lower() in CONNECTORS):
        if len(words) >= 2 and words[-1].lower() in _NAME_ENDINGS and words[-2].lower() not in CONNECTORS:
            break  # "Ministry of Public Security", "Cyber Police": the word ends the name
        words = words[:-1]
    return words


_NAME_ENDINGS = frozenset({"security", "police"})


_POSSESSIVE = re.compile(r"['’]s$")


def _strip_possessive(name: str) -> str:
    if "s" not in name[-2:]:
        return name  # no possessive ending can match (a fast path: this runs for every capitalised run)
    return _POSSESSIVE.sub("", name)


def build_cast(text: str, find_place: Callable[[str], Place | None]) -> Cast:
    cast = Cast()
    acronyms: dict[str, str] = {}
    for match in re.finditer(
        r"([A-Z][\w'’\-]*(?:[ \t]+(?:[A-Z][\w'’\-]*|of|for|the|on|against|and|in|de|al)){1,8})[ \t]*"
        r"\(([A-Z][A-Za-z0-9&\-]{1,9})\)",
        text,
    ):
        acronym = match.group(2)
        full = " ".join(_expansion(_trim(match.group(1).split()), acronym))
        capitals = sum(1 for c in acronym if c.isupper())
        if full and len(full.split()) >= 2 and capitals >= 2 and full[0].upper() == acronym[0]:
            acronyms[acronym] = full  # not "Jonas Mbusa (Goma)": a name and a place
    persons: dict[str, str] = {}
    raw: list[tuple[int, int, str, ActorKind]] = []
    cast.runs = _runs(text)
    runs = [(start, end, _trim(run), run) for start, end, run in cast.runs]
    # surnames of the people the report names in full: "Mr. Alvarado" is him, not a town
    full_names = {
        words[-1].casefold(): " ".join(words)
        for _, _, words, _ in runs
        if 2 <= len(words) <= 4 and _classify(words, acronyms) is ActorKind.PERSON
    }

    def is_surname(name: str, place: Place) -> bool:
        full = full_names.get(name.casefold())
        return (
            full is not None
            and not _well_known_place(place)
            and find_place(_strip_possessive(full)) is None
            and not cast.only_after_locatives(text, full)
        )

    for start, end, words, run in runs:
        if not words:
            continue
        offset = text.index(words[0], start) if words[0] != run[0] else start
        surface = " ".join(words)
        surface_end = offset + len(surface) if text.startswith(surface, offset) else end
        name = _strip_possessive(surface)
        place = None
        if not (name in acronyms and not names_area(acronyms[name], find_place)):
            place = find_place(name)
            if place is not None and len(words) == 1 and is_surname(name, place):
                place = None
        if place is not None:
            cast.places.append((offset, surface_end, place))
            continue
        kind = _classify(words, acronyms)
        if kind is ActorKind.PERSON and _NAMED_ORG_BEFORE.search(text, max(0, offset - 40), offset):
            kind = ActorKind.ORGANISATION  # "the newspaper La Voz Diaria"
        if kind is None:
            continue
        if kind is ActorKind.PERSON and len(words) >= 2 and name.isupper():
            continue  # "SELECTED CASES": a heading, not a person
        if kind is ActorKind.PERSON and cast.only_after_locatives(text, name):
            continue  # "in Sre Ambel", "at Chbar Mon": a place the gazetteer does not know
        owner = _strip_possessive(words[0])
        if owner != words[0] and kind is ActorKind.PERSON and len(words) >= 2 and find_place(owner):
            continue  # "Istanbul's Kadikoy": a part of a place, not a person
        if kind is ActorKind.PERSON and len(name.split()) >= 2:
            persons.setdefault(name.split()[-1].casefold(), name)
        raw.append((offset, surface_end, name, kind))
    # An organisation introduced with its acronym is reported by the acronym: the shortest
    # unambiguous form, and the one the rest of the report uses.
    for acronym, full in acronyms.items():
        cast.aliases[full.casefold()] = acronym
        cast.kinds[acronym] = ActorKind.ORGANISATION
        cast.expansions[acronym] = full
    expansions = sorted(acronyms.items(), key=lambda item: -len(item[1]))
    for surname, full in persons.items():
        cast.aliases.setdefault(surname, full)
    for start, end, name, kind in raw:
        canonical = cast.aliases.get(name.casefold(), name)
        if canonical == name:
            # "Russia's Federal Security Service", "Plainclothes National Security Agency"
            canonical = next(
                (
                    acronym
                    for acronym, full in expansions
                    if name.casefold().endswith(" " + full.casefold())
                    or (len(name.split()) >= 2 and full.casefold().endswith(" " + name.casefold()))
                ),
                name,
            )
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
    cast.narrator = _narrator(text, cast)
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


_NAMED_ORG_BEFORE = re.compile(
    r"\b(?:newspaper|outlet|website|channel|station|broadcaster|magazine|agency|organi[sz]ation|ngo|group|"
    r"association|movement|network|collective|coalition|union|party|company|firm|foundation|initiative|"
    r"platform|daily|weekly|portal|radio|television|tv|centre|center|cooperative|community\s+radio)\s+$",
    re.IGNORECASE,
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|around|between|from|to|towards|(?:village|town|city|commune|community|"
    r"municipality|district|province)\s+of)\s+$",
    re.IGNORECASE,
)


_AREA_WORDS = re.compile(
    r"\b(?:region|province|oblast|krai|republic|district|county|territory|state|governorate)\b", re.IGNORECASE
)


def names_area(expansion: str, find_place: Callable[[str], Place | None]) -> bool:
    """Whether an acronym stands for a place ("Gorno-Badakhshan Autonomous Region (GBAO)")."""
    return find_place(expansion) is not None or bool(_AREA_WORDS.search(expansion))


def _well_known_place(place: Place | None) -> bool:
    """A country, a region or a city too big to be anyone's surname in a report ("Covers Minsk")."""
    return place is not None and (place.kind is not PlaceKind.CITY or place.population >= 100_000)


def only_after_locatives(text: str, name: str) -> bool:
    """Whether every mention of a two- or three-word name follows a locative preposition: such a
    name is a settlement ("Sre Ambel"), since reports name people as subjects and objects too."""
    if not 2 <= len(name.split()) <= 3:
        return False
    found = _whole_word_starts(text, name)
    return bool(found) and all(_LOCATIVE_BEFORE.search(text, max(0, at - 30), at) for at in found)


_WORD_CHAR = re.compile(r"\w")


def _whole_word_starts(text: str, name: str) -> list[int]:
    r"""Where ``name`` stands as a whole word: exactly the starts of
    ``re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)``, without compiling a pattern per name."""
    found: list[int] = []
    if not name:
        return [m.start() for m in re.finditer(r"(?<!\w)(?!\w)", text)]
    size = len(name)
    at = text.find(name)
    while at >= 0:
        if (at == 0 or not _WORD_CHAR.match(text, at - 1)) and not _WORD_CHAR.match(text, at + size):
            found.append(at)
            at = text.find(name, at + size)
        else:
            at = text.find(name, at + 1)
    return found


def _expansion(words: list[str], acronym: str) -> list[str]:
    """The words an acronym stands for, without the words before them that it does not cover
    ("Russia's Federal Security Service (FSB)" -> "Federal Security Service")."""
    for start in range(len(words) - 1):
        if words[start][:1].upper() == acronym[:1].upper() and words[start].lower() not in CONNECTORS:
            return words[start:]
    return words


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
    capitalised = all(w[:1].isupper() or _PARTICLE_NAME.match(w) for w in words)
    if 1 <= len(words) <= 4 and capitalised and not NOT_NAMES.intersection(folded):
        return ActorKind.PERSON
    return None


_STATE_BODY = re.compile(
    r"\b(?:police|court|ministry|security|intelligence|army|armed|forces|prosecutor|prosecutor's|prosecution|"
    r"guard|militia|government|administration|investigative|gendarmerie|directorate|front|brigade|battalion|"
    r"liberation|rebels?|fighters|division|regiment)\b",
    re.IGNORECASE,
)


# (the "\b" before "My" is said after its first letter, "(?<!\w[Mm])", so that the whole-text scan
# jumps from one "m" to the next instead of trying every position)
_MY_NAME = re.compile(r"[Mm](?<!\w[Mm])y\s+name\s+is\s+((?:[A-Z][\w'’\-]+(?:\s+|(?=[.,;])))+)")
# "Testimony of Dilnoza Karimova", "Blog of ...": the writer of a first-person text, named in its head
_GENRE_OF = re.compile(
    r"\b(?:Testimony|Blog|Interview|Letter|Diary)\s+(?:of|by|from|with)\s+((?:[A-Z][\w'’\-]+(?:\s+|(?=[.,;])))+)"
)
# "The following testimony was given to the centre by Joseph K., 29", "collected this testimony in
# Bamenda from Bih (not her real name)": the witness an introduction names
_GIVEN_BY = re.compile(
    r"\b(?:testimony|account|statement)\b[^.\n]{0,80}?\b(?:by|from)\s+"
    r"((?:[A-Z][\w'’\-]+\.?)(?:\s+[A-Z][\w'’\-]*\.?){0,3})(?=[\s,(])"
)
# "\b(?:I|me|my|My)\b", with the first "\b" said after the first letter (as in ``_MY_NAME``)
_FIRST_PERSON = re.compile(r"(?:I(?<!\wI)|m(?<!\wm)[ey]|M(?<!\wM)y)\b")


def _narrator(text: str, cast: Cast) -> str | None:
    """Who "I" is: the name the writer gives ("My name is Azamat"), or in a text written in the
    first person, the first person its introduction names ("Blog of Milica Stankovic")."""
    stated = _MY_NAME.search(text) or _GENRE_OF.search(text, 0, 1000) or _GIVEN_BY.search(text, 0, 1000)
    if stated is not None:
        name = " ".join(_trim(stated.group(1).rstrip(".").split()))
        if name:
            return cast.aliases.get(name.casefold(), name)
    if len(_FIRST_PERSON.findall(text)) < 4:
        return None
    people = [m for m in cast.mentions if m.kind is ActorKind.PERSON]
    return people[0].name if people else None


def _focus(text: str, cast: Cast) -> str | None:
    """The organisation a report is about: the most mentioned one that is not merely speaking."""
    score: Counter[str] = Counter()
    for mention in cast.mentions:
        if mention.kind is not ActorKind.ORGANISATION:
            continue
        if _STATE_BODY.search(cast.expansions.get(mention.name, mention.name)):
            continue  # a police force, a court or a ministry acts; reports are about those it acts on
        if _GENRE_OF.match(mention.name + " "):
            continue  # "Blog of Milica Stankovic": a heading, not an organisation
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


_LEADING_DETERMINER = re.compile(r"^(?:the|a|an|some|about|around)\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _clean(phrase: str) -> str:
    phrase = _LEADING_DETERMINER.sub("", phrase.strip(" ,"))
    phrase = _SPACES.sub(" ", phrase)
    return phrase.rstrip(" ,")


def _names_in(cast: Cast, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.name, m.start, m.end) for m in cast.between(start, end)]


def _clause_end(text: str, offset: int, limit: int) -> int:
    stop = _STOP_AFTER.search(text, offset, limit)
    return stop.start() if stop else limit


_FIRST_WORD = re.compile(r"\S+")
_AFTER_PREPOSITION = re.compile(r"\b(?:against|of|to|on)\s+(?:the\s+)?$", re.IGNORECASE)
_COMMA = re.compile(r"\s*,\s*")
_OWNER_GAP = re.compile(r"\)?(?:['’]s)?\s+(?:\w+\s+)?")
_OF_GAP = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?(?:\w+\s+){0,2}")
_UNKNOWN = re.compile(r"(?:unknown|unidentified)\b", re.IGNORECASE)
_APPOSITION_GAP = re.compile(r"\s*,?\s*")
_OUR_STAFF = re.compile(r"\b(?:our|its)\s+(?:staff|team)\b", re.IGNORECASE)
_MEMBERS_OF = re.compile(r"(?:\w+\s+)*(?:members|staff|employees)\s+of\s+", re.IGNORECASE)
_STAFF = re.compile(
    r"(?:(?:the|our|its|\d+|two|three|four|five|six|several|some)\s+)*(?:team\s+|staff\s+)?"
    r"(?:members|staff|staff\s+members|employees|team)",
    re.IGNORECASE,
)
_CLAUSE_START_BREAK = re.compile(
    r"[;:]|\s[-–—]\s|\bthat\b|,\s+(?:and|but|while|after|before|when)\b|\b(?:and|then)\s+"
    r"(?=(?:was|were|police|officers|men|he|she|they)\b)",
)


def _clause_start(text: str, offset: int, floor: int) -> int:
    head = text[floor:offset]
    last = last_match(_CLAUSE_START_BREAK, head)
    return floor + last.end() if last is not None else floor


def roles(
    text: str,
    cast: Cast,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    speech: bool = False,
    clash: bool = False,
) -> Roles:
    """Perpetrators and victims of one act, read from the clause around its trigger.

    An act is asked about more than once (whether it joins the incident before it, then for the
    incident itself); the cast keeps the answer for its text."""
    key = (sentence, trigger, speech, clash)
    known = cast._roles.get(key)
    if known is None:
        known = cast._roles[key] = _roles(text, cast, sentence, trigger, speech, clash)
    return Roles(list(known.perpetrators), list(known.victims))


def _roles(
    text: str, cast: Cast, sentence: tuple[int, int], trigger: tuple[int, int], speech: bool, clash: bool
) -> Roles:
    s_start, s_end = sentence
    t_start, t_end = trigger
    if clash:
        sides = _sides(text, cast, sentence, trigger)
        if sides:
            return Roles(sides, [])
    perpetrators: list[tuple[str, int, int]] = []
    victims: list[tuple[str, int, int]] = []
    after_end = _clause_end(text, t_end, s_end)
    before_start = _clause_start(text, t_start, s_start)
    passive = (
        bool(_BE_BEFORE.search(text, max(s_start, t_start - 30), t_start))
        or bool(_BE_START.match(text, t_start, t_end))
        or bool(_UNDERGOER_VERB.match(text, t_start, t_end))
    )

    received = None
    if not _PLAIN_PASSIVE.search(text, max(s_start, t_start - 30), t_start):  # not "who was detained"
        received = _RECEIVED.match(text, t_start, t_end) or (
            last_match(_RECEIVED, text, before_start, t_start)
            if prefilter.may_match(_RECEIVED, text, before_start, t_start)
            else None
        )
    if received is not None:
        rest = (received.end(), min(s_end, max(after_end, t_end) + 80))
        return _received_roles(text, cast, (before_start, received.start()), rest)
    is_verbal = verbal(text[t_start:t_end], text[max(s_start, t_start - 30) : t_start])
    if _UNDERGONE.match(text, t_start, t_end):
        passive = True  # "he died in custody", "she disappeared": the subject is the victim
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
        subject = _nearest_before(text, cast, before_start, t_start, agents=False)
        victims += _outside_asides(text, before_start, t_start, subject)
    else:
        object_end = by.start() if by is not None and by.start() < after_end else after_end
        first_word = _FIRST_WORD.match(text[t_start:t_end])
        object_start = t_start + first_word.end() if first_word else t_end
        victims += _victims_at(text, cast, object_start, min(max(object_end, t_end), t_end + 120))
    if not victims:
        fallback_end = min(after_end, t_end + 60, by.start() if by is not None else len(text))
        victims += _victims_at(text, cast, t_end, fallback_end)
    if not victims and (passive or not is_verbal or not perpetrators):
        victims += _owner(text, cast, before_start, t_start)  # not "X posted on his page that ..."
    if not victims:
        gathering = prefilter.search(_DISPERSED, text, before_start, min(s_end, after_end + 40))
        if gathering is not None and gathering.start() <= t_end + 40:
            victims.append(("protesters", gathering.start(), gathering.end()))
    victims = _settle_victims(text, cast, victims)
    if not perpetrators:
        perpetrators += _any_agent(text, cast, sentence, trigger, {v[0] for v in victims})
    perpetrators = [
        _court_named(text, _apposed_person(text, cast, _organisation_of(text, cast, a))) for a in perpetrators
    ]
    return Roles(
        _unique(perpetrators), _unique([v for v in victims if v[0] not in {p[0] for p in perpetrators}])
    )


# "she received threatening messages", "he has been getting calls": the subject is the one threatened
_RECEIVED = re.compile(
    r"\b(?:received|receives|receiving|has\s+been\s+getting|have\s+been\s+getting|was\s+sent|were\s+sent)\b",
    re.IGNORECASE,
)
_PLAIN_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+", re.IGNORECASE)
# "Ms Oskina, who runs the group's channel, received ...", "Ms Cruz, coordinator of the network, has
# received ...": the subject, not the words about it
_ASIDE = re.compile(
    r",\s*(?:(?:who|which|whose)\b|(?:the\s+|a\s+|an\s+)?(?-i:[a-z])[\w-]*(?:\s+[\w-]+){0,2}\s+(?:of|at|for|with)\s)"
    r"[^,;]*,",
    re.IGNORECASE,
)
_JOINED = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*", re.IGNORECASE)


# "his car was set on fire", "our website was taken offline", "Adalat's office was searched"
_OWNED = re.compile(
    r"\b(?:(his|her|its|our|their|my)|([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})['’]s?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:offices?|websites?|site|accounts?|pages?|phones?|cars?|vehicles?|house|homes?|flats?|apartments?|"
    r"channels?|premises|shops?|laptops?|computers?|e-?mail|newspaper|radio|studio|archive|stall|farm|land)\b"
)


def _owner(text: str, cast: Cast, start: int, end: int) -> list[tuple[str, int, int]]:
    """Whose property the subject of a passive act is: the victim when a thing was the target."""
    owned = last_match(_OWNED, text, start, end)
    if owned is None:
        return []
    word = (owned.group(1) or "").lower()
    if owned.group(2):
        named = [m for m in cast.between(owned.start(), owned.end()) if m.start == owned.start(2)]
        return [(named[0].name, named[0].start, named[0].end)] if named else []
    if word in ("his", "her"):
        person = cast.last_person_before(owned.start())
        return [(person.name, owned.start(), owned.end(1))] if person is not None else []
    owner = {"my": cast.narrator, "our": cast.focus or cast.narrator, "its": cast.focus}.get(word)
    return [(owner, owned.start(), owned.end(1))] if owner else []


# A gathering dispersed or broken up, with no one named: those who gathered were protesters.
_DISPERSED = re.compile(
    r"\b(?:dispers(?:ed|e|es|ing|al\s+of)|broke\s+up|break\s+up|breaking\s+up|cleared|broken\s+up)\s+"
    r"(?:the\s+|a\s+|an\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:rally|rallies|protests?|demonstrations?|crowds?|march(?:es)?|sit-ins?|pickets?|gatherings?|assembly|"
    r"vigils?|meetings?)\b",
    re.IGNORECASE,
)


def _outside_asides(
    text: str, start: int, end: int, found: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """The phrases of a subject that are not inside a relative clause or a role set off by commas
    ("Ms Oskina, who runs the group's channel, ..."), unless nothing else is left."""
    ends = {f[2] for f in found}
    hidden = [(m.start(), m.end()) for m in _ASIDE.finditer(text, start, end) if m.start() in ends]
    kept = [f for f in found if not any(h_start <= f[1] < h_end for h_start, h_end in hidden)]
    return kept or found


def _received_roles(text: str, cast: Cast, subject: tuple[int, int], rest: tuple[int, int]) -> Roles:
    """Roles of an act the subject received ("she received threats from unknown numbers"): the
    subject is the victim; the sender is the agent "from" whom it came, or no one the text names."""
    start, end = subject
    subjects = _outside_asides(text, start, end, _nearest_before(text, cast, start, end, agents=False))
    # the subject is the last phrase before the verb, with the phrases joined to it by "and"
    victims = subjects[-1:]
    for earlier in reversed(subjects[:-1]):
        if _JOINED.fullmatch(text, earlier[2], victims[0][1]) is None:
            break
        victims.insert(0, earlier)
    victims = _settle_victims(text, cast, victims)
    perpetrators: list[tuple[str, int, int]] = []
    sender = _FROM.search(text, *rest)
    if sender is not None and sender.start() - rest[0] < 60:
        names = _names_in(cast, sender.end(), min(rest[1], sender.end() + 25))
        phrase = prefilter.search(_AGENT_PHRASE, text, sender.end(), min(rest[1], sender.end() + 60))
        if names and names[0][1] - sender.end() < 10:
            perpetrators = names[:1]
        elif phrase is not None and phrase.start() - sender.end() < 10:
            perpetrators = [(_agent_name(phrase.group()), phrase.start(), phrase.end())]
    perpetrators = [_apposed_person(text, cast, _organisation_of(text, cast, a)) for a in perpetrators]
    agents = {p[0] for p in perpetrators}
    return Roles(_unique(perpetrators), _unique([v for v in victims if v[0] not in agents]))


_AGENTIVE_ORG = re.compile(
    r"\b(?:police|court|ministry|service|services|forces|army|guard|guards|committee|agency|department|"
    r"prosecutor|prosecutor's|prosecution|administration|government|directorate|security|intelligence|"
    r"tv|channel|television|broadcaster|newspaper|daily|militia|brigade|battalion|division|regiment|"
    r"office|procuracy|inspectorate|authority|authorities|council|parliament|assembly|kgb|fsb)\b",
    re.IGNORECASE,
)


_OWNED_OUTLET = re.compile(
    r".*\b(?:websites?|channels?|outlets?|newspaper|daily|television|broadcaster|accounts?|pages?)$",
    re.IGNORECASE,
)
_POSSESSOR_BEFORE = re.compile(
    r"(?:\b(?:our|its|his|her|their|my)|['’]s?)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)


def _any_agent(
    text: str, cast: Cast, sentence: tuple[int, int], trigger: tuple[int, int], victims: set[str]
) -> list[tuple[str, int, int]]:
    """When the clause names no agent, the sentence's own: the nearest organisation that acts
    (a court, a ministry, a police force, a channel) or an agent noun ("officers", "the judge"),
    before the act first, and never one of the act's victims or the report's own organisation."""
    s_start, s_end = sentence
    t_start, _ = trigger
    candidates: list[tuple[str, int, int]] = []
    for mention in cast.between(s_start, s_end):
        if mention.kind is not ActorKind.ORGANISATION or mention.name == cast.focus:
            continue
        if _AGENTIVE_ORG.search(mention.name) or (mention.name.isupper() and mention.name in cast.kinds):
            candidates.append((mention.name, mention.start, mention.end))
    for phrase in cast.phrases(_AGENT_PHRASE, text, s_start, s_end):
        if any(s <= phrase.start() < e or phrase.start() <= s < phrase.end() for _, s, e in candidates):
            continue
        before = text[max(s_start, phrase.start() - 12) : phrase.start()]
        if _AFTER_PREPOSITION.search(before):
            continue  # "the case against the officers", "complaints to the police"
        possessor = _POSSESSOR_BEFORE.search(text, max(s_start, phrase.start() - 40), phrase.start())
        if possessor is not None and _OWNED_OUTLET.match(phrase.group()):
            # "our website was taken offline": what was hit, not who hit it; but an agency's own
            # channel speaks for it ("the ministry's channel published ...")
            owner = [m for m in cast.between(s_start, possessor.start() + 2) if m.end == possessor.start()]
            if owner and owner[0].kind is ActorKind.ORGANISATION and owner[0].name != cast.focus:
                candidates.append((owner[0].name, owner[0].start, phrase.end()))
            continue
        candidates.append((_agent_name(phrase.group()), phrase.start(), phrase.end()))
    candidates = [
        c
        for c in candidates
        if c[0] not in victims
        and not _PLAIN_PEOPLE.fullmatch(c[0])
        and c[0] not in (cast.focus_person, cast.narrator)
    ]
    if not candidates:
        return []
    before_act = [c for c in candidates if c[2] <= t_start]
    chosen = max(before_act, key=lambda c: c[1]) if before_act else min(candidates, key=lambda c: c[1])
    return [chosen]


_COURT = re.compile(r"(?:^|\s)courts?$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’\-]+\s+){1,2})$")
_PLACE_AFTER = re.compile(
    r"\s+in\s+(?:the\s+(?:town|city|village|region|district|province)\s+of\s+)?"
    r"([A-Z][\w'’\-]+(?:[ \-][A-Z][\w'’\-]+)?)"
)


def _court_named(text: str, agent: tuple[str, int, int]) -> tuple[str, int, int]:
    """A court is told apart by its place or name: "an Istanbul court", "the Kirovsky district
    court", and a bare court by where it sits: "a court in the town of Baymak" ("court in Baymak")."""
    name, start, end = agent
    if _COURT.search(name) is None or not text[start:end].casefold().endswith(name.casefold()):
        return agent
    before = _NAME_BEFORE.search(text, max(0, start - 40), start) if name[:1].islower() else None
    if before is not None:
        words = before.group(1).split()
        while words and words[0].casefold() in STOP_CAPS:
            words = words[1:]
        if words:
            lead = before.group(1)
            name, start = f"{' '.join(words)} {name}", start - len(lead) + lead.index(words[0])
    # a bare court is told apart by where it sits; a named court needs no place
    after = _PLACE_AFTER.match(text, end) if name.casefold() == "court" else None
    if after is not None and after.group(1).casefold() not in STOP_CAPS:
        name, end = f"{name} in {after.group(1)}", after.end()
    return name, start, end


def _apposed_person(text: str, cast: Cast, agent: tuple[str, int, int]) -> tuple[str, int, int]:
    """"the regional governor, Pavel Sorokin," and "the head of Chechnya, Ramzan Kadyrov" are him."""
    _, start, end = agent
    after = _ROLE_TAIL.match(text, end, min(len(text), end + 90))
    if after is None:
        return agent
    if any(m.kind is ActorKind.PERSON for m in cast.between(end, after.start() + len(after.group()) - 1)):
        return agent  # "a court in Oral fined Ivan Orlov, Pavel Lis ...": the role is not theirs
    for mention in cast.between(after.end(), after.end() + 60):
        if mention.start == after.end() and mention.kind is ActorKind.PERSON:
            return (mention.name, start, mention.end)
    return agent


# what may stand between a role and the name it is given: "the minister for nationalities policy,
# Kamil Abakarov", "a member of parliament from the ruling party, Mr Zurab Lomidze"
_ROLE_TAIL = re.compile(
    r"(?:\s+(?:for|of|from|in|at|on)\s+(?:the\s+)?(?:(?!\w+ed\b)[\w'’\-]+\s+){0,3}?(?!\w+ed\b)[\w'’\-]+)?\s*,\s*"
    r"(?:(?:Mr|Mrs|Ms|Dr|Judge|General|Colonel)\.?\s+)?"
)


_ORG_MEMBERS = GENERIC_AGENTS | {"soldiers", "members", "agent"}


def _organisation_of(text: str, cast: Cast, agent: tuple[str, int, int]) -> tuple[str, int, int]:
    """The agents of an organisation are the organisation: "RSF fighters", "KGB officers"."""
    name, start, end = agent
    if any(m.start == start and m.end == end for m in cast.between(start, end)):  # a mention exactly
        return agent
    generic = name.split()[-1:] and name.split()[-1].lower() in _ORG_MEMBERS
    for mention in cast.between(max(0, start - 40), min(len(text), end + 60)):
        if mention.kind is not ActorKind.ORGANISATION or mention.name == cast.focus:
            continue
        if mention.start >= end and generic and _OF_GAP.fullmatch(text[end : mention.start]):
            return (mention.name, start, mention.end)  # "officers of the Centre for Combating Extremism"
        if not _AGENTIVE_ORG.search(mention.name) and not mention.name.isupper():
            continue
        if mention.end <= start and _OWNER_GAP.fullmatch(text[mention.end : start]):
            return (mention.name, mention.start, end)
        if mention.start >= end and _OF_GAP.fullmatch(text[end : mention.start]):
            return (mention.name, start, mention.end)
        if start <= mention.start and mention.end <= end:
            return (mention.name, start, end)
    return agent


_THEIR_KIN = re.compile(
    r"(?:his|her|their)\s+(?:(?:\w+-year-old|younger|elder|older|eldest|youngest|teenage|adult|elderly|ageing|aged|ailing|two|three)\s+)*"
    r"(relatives|family|parents|father|mother|sons?|daughters?|brothers?|sisters?|wife|husband|cousins?|"
    r"children|nephews?|nieces?)",
    re.IGNORECASE,
)
_BARE_ROLE = re.compile(
    r"(?:journalist|reporter|activist|lawyer|blogger|editor|defender|photographer|correspondent|family|"
    r"man|woman|detainees?|prisoners?|members|relatives)",
    re.IGNORECASE,
)


def _settle_victims(
    text: str, cast: Cast, victims: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """"her father" is the father of the woman last named; a bare "journalist" beside a name adds
    nothing the name does not say."""
    settled = []
    for name, start, end in victims:
        kin = _THEIR_KIN.fullmatch(name)
        person = cast.last_person_before(start) if kin is not None else None
        if kin is not None and person is not None:
            settled.append((f"{kin.group(1).lower()} of {person.name}", start, end))
        else:
            settled.append((name, start, end))
    named = [v for v in settled if v[0] in cast.kinds or any(m.name == v[0] for m in cast.mentions)]
    if named:
        settled = [v for v in settled if not _BARE_ROLE.fullmatch(v[0])]
    return settled


_BETWEEN = re.compile(r"\bbetween\s+", re.IGNORECASE)


def _sides(
    text: str, cast: Cast, sentence: tuple[int, int], trigger: tuple[int, int]
) -> list[tuple[str, int, int]]:
    """The parties of a clash: "fighting between the army and the RSF", "clashes between X and Y"."""
    _, s_end = sentence
    t_start, t_end = trigger
    between = _BETWEEN.search(text, t_start, min(s_end, t_end + 60))
    if between is None:
        return []
    stop = re.compile(r"[;:.]|\b(?:in|near|around|on|since|from|at|after|which|that|forced|left|killed)\b")
    end_match = stop.search(text, between.end(), s_end)
    end = end_match.start() if end_match is not None else s_end
    sides: list[tuple[str, int, int]] = [
        (m.name, m.start, m.end) for m in cast.between(between.end(), end) if m.kind is ActorKind.ORGANISATION
    ]
    for phrase in cast.phrases(_AGENT_PHRASE, text, between.end(), end):
        if not any(s <= phrase.start() < e or phrase.start() <= s < phrase.end() for _, s, e in sides):
            sides.append((_agent_name(phrase.group()), phrase.start(), phrase.end()))
    sides.sort(key=lambda side: side[1])
    return _unique([_organisation_of(text, cast, side) for side in sides])[:3]


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


_MEMBER_OF = re.compile(r"(?:an?\s+|one\s+|two\s+|several\s+)?members?\s+of\s+", re.IGNORECASE)


def _agents_at(text: str, cast: Cast, start: int, end: int) -> list[tuple[str, int, int]]:
    member = _MEMBER_OF.match(text, start, end)
    if member is not None:
        start = member.end()  # "by a member of the security forces": the security forces
    names = _names_in(cast, start, end)
    if names and names[0][1] - start < 25:
        return names[:2]
    phrase = prefilter.search(_AGENT_PHRASE, text, start, end)
    if phrase is not None and phrase.start() - start < 15:
        return [(_agent_name(phrase.group()), phrase.start(), phrase.end())]
    proper = _PROPER_AGENT.match(text, start, end)
    if (
        proper is not None
        and proper.group(1).casefold() not in STOP_CAPS
        and not names[:1]
        and not any(p_start == proper.start(1) for p_start, _, _ in cast.places)
    ):
        return [(proper.group(1), proper.start(1), proper.end(1))]  # "blocked by Roskomnadzor"
    return names[:1]


# a lone proper name right after "by": an agency the report names once, not a place
_PROPER_AGENT = re.compile(r"(?:the\s+)?([A-Z][\w\-]{2,})(?![\w\-'’]|\s+[A-Z])")


# How many agents there were is not who they were: "six police officers" are the police, though
# a handful of men is told apart by its number ("two men on a motorcycle").
_AGENT_COUNT = re.compile(
    r"^(?:(?:at\s+least|about|around|approx\.?|approximately|more\s+than|some|several|many|dozens\s+of|"
    r"hundreds\s+of|thousands\s+of|a\s+group\s+of|a\s+number\s+of|a\s+team\s+of|\d[\d,]*|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|dozens)\s+)+",
    re.IGNORECASE,
)
_COUNTED_PEOPLE = re.compile(
    r".*\b(?:men|man|gunmen|persons|people|individuals|women|youths)\b", re.IGNORECASE
)
_POLICE_OFFICERS = re.compile(r"\bpolice\s*(?:officers|men|women)\b|\bpolicemen\b", re.IGNORECASE)


def _agent_name(phrase: str) -> str:
    cleaned = _clean(phrase)
    if _UNKNOWN.match(cleaned):
        return "unknown"
    count = _AGENT_COUNT.match(cleaned)
    if count is not None and count.end() < len(cleaned) and not _COUNTED_PEOPLE.match(cleaned):
        cleaned = cleaned[count.end() :]
    return _POLICE_OFFICERS.sub("police", cleaned)


def _nearest_before(
    text: str, cast: Cast, start: int, end: int, agents: bool, prefer_people: bool = True
) -> list[tuple[str, int, int]]:
    names_mentions = cast.between(start, end)
    names = [(m.name, m.start, m.end) for m in names_mentions]
    pattern = _AGENT_PHRASE if agents else _VICTIM_PHRASE
    phrases = cast.phrases(pattern, text, start, end)
    candidates: list[tuple[str, int, int]] = [(n, s, e) for n, s, e in names]
    for phrase in phrases:
        if any(s <= phrase.start() < e or phrase.start() <= s < phrase.end() for _, s, e in names):
            continue
        value = _agent_name(phrase.group()) if agents else _clean(phrase.group())
        candidates.append((_resolve_members(cast, value), phrase.start(), phrase.end()))
    if not agents and cast.narrator:
        me = last_match(_FIRST_PERSON_SUBJECT, text, start, end)
        if me is not None:
            candidates.append((cast.narrator, me.start(), me.end()))
    pronoun = last_match(_SUBJECT_PRONOUN, text, start, end)
    pronoun_starts = set()
    if pronoun is not None:
        person = cast.last_person_before(pronoun.start())
        if person is not None:
            candidates.append((person.name, pronoun.start(), pronoun.end()))
            pronoun_starts.add(pronoun.start())
    if agents:
        # the organisation or person a report is about is its subject, almost never the one acting
        candidates = [c for c in candidates if c[0] not in (cast.focus, cast.focus_person, cast.narrator)]
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
    # "the blogger Zaur Gadzhiev", "her brother, Islam": the name, not the noun in apposition to it
    name_starts = {n[1] for n in names}
    candidates = [
        c
        for c in candidates
        if c[1] in name_starts
        or not any(
            ns >= c[2] and _APPOSITION_GAP.fullmatch(text[c[2] : ns]) is not None for ns in name_starts
        )
    ]
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
    match = ORG_PHRASES.search(phrase) or _OUR_STAFF.search(phrase)
    if match and cast.focus and _MEMBERS_OF.match(phrase):
        return cast.focus
    if cast.focus and _STAFF.fullmatch(phrase):
        return cast.focus  # "the team members", "27 members of our staff": the organisation's people
    owner = _PROPERTY_OF.match(phrase)
    if owner is not None:
        return _resolve_members(cast, owner.group(1))  # "the homes of two reporters": the reporters
    return phrase


# Property is not a victim; its owners are: "the homes of the activists", "the flat of his parents".
_PROPERTY_OF = re.compile(
    r"(?:(?:the|a|an|his|her|their|its|at\s+least|\d+|two|three|four|five|several|dozens\s+of)\s+)*"
    r"(?:homes?|houses?|flats?|apartments?|offices?|premises|cars?|vehicles?|property|belongings|huts?)\s+"
    r"of\s+(?:the\s+)?(.+)$",
    re.IGNORECASE,
)
_BARE_PROPERTY = re.compile(
    r"(?:(?:the|a|an|his|her|their|its|at\s+least|about|some|\d+|two|three|four|five|several|dozens\s+of|"
    r"hundreds\s+of)\s+)*(?:homes?|houses?|huts?)",
    re.IGNORECASE,
)


# the people an act was done to, by pronoun: "beat him", "searched her flat", "took my phone"
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her|his|me|my|us|our)\b", re.IGNORECASE)
_KIN_OF = re.compile(
    r"(?:the\s+|his\s+|her\s+|their\s+|two\s+|three\s+|several\s+)*"
    r"(relatives|family|parents|father|mother|sons?|daughters?|brothers?|sisters?|wife|husband|cousins?|"
    r"children|nephews?|nieces?|uncles?|aunts?|grandsons?|granddaughters?)\s+of\b",
    re.IGNORECASE,
)


def _victims_at(text: str, cast: Cast, start: int, end: int) -> list[tuple[str, int, int]]:
    names = _names_in(cast, start, end)
    role = prefilter.search(_ROLE_NOUN, text, start, end)
    if role is not None and cast.focus_person and (not names or role.start() < names[0][1]):
        names = [(cast.focus_person, role.start(), role.end()), *names]
    first_phrase = phrase = prefilter.search(_VICTIM_PHRASE, text, start, end)
    if phrase is not None and _BARE_PROPERTY.fullmatch(phrase.group().strip()):
        phrase = None  # "set fire to twenty houses": the houses are no one
    if (
        phrase is not None
        and names
        and phrase.end() <= names[0][1]
        and _APPOSITION_GAP.fullmatch(text[phrase.end() : names[0][1]])
    ):
        phrase = None  # "his younger brother, Islam Tsakaev", "the blogger Karim Abdelaziz": the name
    if phrase is not None and (not names or phrase.end() < names[0][1]):
        names = [(_resolve_members(cast, _clean(phrase.group())), phrase.start(), phrase.end())]
    elif phrase is not None and names and phrase.start() < names[0][1] < phrase.end():
        kin = _KIN_OF.match(phrase.group())
        if kin is not None:  # "relatives of the blogger Timur Aliev": his relatives, not him
            inside = [n for n in names if phrase.start() <= n[1] < phrase.end()]
            rest = [n for n in names if not phrase.start() <= n[1] < phrase.end()]
            names = [(f"{kin.group(1).lower()} of {inside[-1][0]}", phrase.start(), phrase.end()), *rest]
    if names:
        return names[:4]
    pronoun = _OBJECT_PRONOUN.search(text, start, min(end, start + 30))
    if pronoun is not None:
        word = pronoun.group().lower()
        if word in ("me", "my") and cast.narrator:
            return [(cast.narrator, pronoun.start(), pronoun.end())]
        if word in ("us", "our") and (cast.focus or cast.narrator):
            return [(cast.focus or cast.narrator or "", pronoun.start(), pronoun.end())]
        if word in ("him", "her", "his"):
            person = cast.last_person_before(pronoun.start())
            if person is not None:
                return [(person.name, pronoun.start(), pronoun.end())]
    phrase = first_phrase  # _VICTIM_PHRASE.search(text, start, end), as above
    if phrase is not None:
        return [(_resolve_members(cast, _clean(phrase.group())), phrase.start(), phrase.end())]
    return []
