"""How English reports phrase each act of the vocabulary.

Patterns are lower-case regular expressions matched case-insensitively on word boundaries; when two
patterns overlap, the longer match wins, so "arson attack" is property destruction and not an
assault, and "launched an attack against police" is an armed clash. Keep each list readable: one
phrasing family per line, and no names of people, places or events from any report.
"""

from __future__ import annotations

from chronika.model import Act

_BE = r"(?:was|were|been|being|is|are|got|get|gets|had\s+been|have\s+been|has\s+been)"
_PERSONAL = r"(?:him|her|them|his|their|its|the|a|an|several|two|three|four|five|at\s+least\s+\w+)"
_PREMISES = (
    r"(?:apartment|flat|home|house|houses|homes|office|offices|premises|headquarters|building|shelter|"
    r"newsroom|studio|mosque|church|shop|car|vehicle|dormitory|residence|compound)"
)
_EQUIPMENT = (
    r"(?:phones?|mobile\s+phones|laptops?|computers?|cameras?|equipment|documents|archives?|files|"
    r"hard\s+drives?|notebooks|records|materials|literature|books|leaflets|banners|"
    r"flash\s+drives?|memory\s+cards?|sim\s+cards?|servers?|devices|tablets?|recorders?|recordings|footage|hard\s+disks?|money|cash|"
    r"savings|property|belongings|motorbikes?|motorcycles?|scooters?|bicycles?)"
)
# Where a thing is taken that no one seizes: "took his laptop to the repair shop", "took her phone home".
_NOT_SEIZED = r"(?!\s+(?:to|home|back|along|with\s+(?:him|her|them|me|us))\b)"
# People that agents take, as reports name them.
_PERSONS = (
    # ("her" and "them" only where no noun follows: "grabbed her phone" takes a thing)
    r"(?:him|me|us|(?:her|them)(?=\s+(?:at|in|on|near|outside|from|and|as|while|during|off)\b|\s*[,.;])|"
    r"(?:the|a|an|two|three|four|five|several)\s+(?:\w+\s+)?(?:man|men|woman|women|boy|boys|girl|girls|"
    r"activists?|journalists?|farmers?|students?|lawyers?|teachers?|drivers?|shepherds?|herders?|protesters?|"
    r"demonstrators?|defenders?|bloggers?|priests?|imams?|doctors?|villagers?|residents?|reporters?|workers?|youths?))\b"
)
# What a menace makes its price: the hearer's own conduct ("if you keep writing", "if I did it again").
_CONDUCT = (
    r"(?:did\s+(?:it|so|this|that)\s+again|continu\w*|kept|keep|keeps|went|go|goes|spoke|speak|speaks|talked|talk|"
    r"talks|told|tell|contacted|contact|complained|complain|sent|send|refused|refuse|returned|return|came\s+back|"
    r"come\s+back|published|publish|posted|post|wrote|write|gave|give|filed|file|testified|testify|met|meet|joined|"
    r"join|attended|attend|made|make|did\s+not|didn't|does\s+not|doesn't|do\s+not|don't|ever|again|stopped|stop)"
)
# One speech window: words up to the menace that do not pass another verb of speech, so that a
# reporter's "said ... on Monday ... warned" starts the menace at "warned" and leaves the date out.
_UNTIL_SPEECH = r"(?:(?!(?:said|says|told|warned|called|telling|warning)\b)\S+\s+)"
# What a promise to people "who ..." may hold that no menace does.
_BENIGN_FUTURE = (
    r"(?!be\s+(?:allowed|given|able|welcome|welcomed|compensated|paid|rewarded|eligible|entitled|released|free|"
    r"exempt|invited|helped)\b|receive|get\b|have\b|benefit)"
)
# A comment on a thing, not a label pinned on people: 'called the case "a tool of pressure"'.
_NOT_PEOPLE = (
    r"(?!(?:the|this|that|these|those|its|his|her|their)\s+(?:\w+\s+)?(?:case|cases|charges?|trial|law|bill|verdict|"
    r"ruling|decision|sentence|accusations?|allegations?|prosecution|proceedings|raid|arrests?|detention|operation|"
    r"move|measures?|ban|judgment|investigation|process|hearing|elections?|vote|report|claims?|amendments?)\b)"
)
# Words inside a quotation that make it a label pinned on people; "terrorist targets" names no one.
_QUOTED_LABEL = (
    r"(?:tool|agent|traitor|terroris|enem|spy\b|spies|foreign(?!ers)|extremis|nazi|fascist|puppet|provocateur|"
    r"bandit|mercenar|informer|separatist|sabotage|western|cia\b|payroll|poison|smuggl|traffick|sleeper|mouthpiece|"
    r"prox(?:y|ies)\b|lackey|henchm[ae]n|recruiters?\b|propaganda\s+(?:arm|wing|machine|outlet)|"
    r"(?:political|propaganda|armed|legal|civilian|media)\s+(?:arm|wing)s?\b|fronts?\s+(?:for|of)\b)\w*"
    r"(?!\s+(?:targets?|positions?|operations?|infrastructure|bases?|camps?|hideouts?|facilit\w+))"
)
_LABELS = (
    r"(?:terroris[tm]s?|extremists?|traitors?|foreign\s+agents?|agents?\s+of|spies|spy|enem(?:y|ies)|"
    r"supporters?\s+of\s+terrorism|accomplices|separatists?|sympathi[sz]ers|provocateurs|"
    r"puppets?|mercenaries|fifth\s+column|insurgents?|militants?|western\s+agents?|tools?\s+of|"
    r"stooges?|hirelings?|nazis?|fascists?|sect|cult|scum|drug\s+addicts?|hooligans|perverts?|provocateurs?|criminals?|bandits?|collaborators?|"
    r"foreign-funded|grant-eaters?|russophobes?|sabotage|saboteurs?|apostates?|infidels?|heretics?|liars?|"
    r"(?:nests?|dens?)\s+of\s+(?:spies|traitors|terrorists|extremists|vipers|enemies|foreign\s+agents)|agitators?|"
    r"prostitutes?|whores?|paedophiles?|pedophiles?|degenerates?|vermin|parasites?|"
    r"paid\s+(?:agitators?|provocateurs?|agents?|protesters|activists?|mercenaries|trolls?|actors?)|propagandists?|"
    r"rioters)"
)

ACT_PATTERNS: dict[Act, list[str]] = {
    Act.KILLING: [
        r"shoot(?:ing|s)?\s+(?:\S+\s+){1,3}dead",
        r"died\s+in\s+(?:an?\s+)?(?:ambush|attack|shooting|explosion|air-?strike|bombing|blast)",
        r"d(?:ies|ied|ie)\s+(?:\S+\s+){0,3}after\s+being\s+(?:shot|beaten|stabbed|tortured|hit)",
        r"died\s+(?:there|on\s+the\s+spot|at\s+the\s+scene|instantly|immediately|on\s+the\s+way|before\s+reaching)",
        r"succumbed\s+to|(?:fired|using|used)\s+live\s+(?:ammunition|rounds|fire)\s+(?:\S+\s+){0,4}kill\w*",
        r"shot\s+(?:(?!\d+\s)\S+\s+){1,5}?dead|died\s+(?:(?!\d)\S+\s+){0,6}(?:from|of)\s+(?:\S+\s+){0,2}(?:injuries|wounds)|died\s+in\s+(?:hospital|custody|detention|prison)",
        # a date between the death and its cause: "died on 4 May from injuries inflicted by police"
        r"died(?=\s+(?:\S+\s+){1,6}?(?:from|of)\s+(?:\S+\s+){0,2}(?:injuries|wounds)\b)",
        r"(?:body|bodies)(?:,[^,]{0,80},)?\s+(?:was|were|had\s+been)\s+(?:found|discovered|recovered|dumped|returned)",
        r"died\s+(?:after|from|of)\s+being\s+(?:shot|beaten|stabbed|tortured|hit)|left\s+(?:at\s+least\s+)?\w+\s+(?:people\s+)?dead",
        r"kill(?:s|ing)?\s+(?:at\s+least\s+)?\w+|(?:was|were)\s+shot\s+dead|fatally\s+(?:shot|wounded|injured)",
        r"(?:was|were|been|being)\s+(?:shot\s+and\s+)?killed|killed|killing\s+(?:of\s+)?|kills",
        r"murder(?:ed|s)?|the\s+murder\s+of|assassinat(?:ed|ion)",
        r"shot\s+dead|gunned\s+down|stabbed\s+to\s+death|beaten\s+to\s+death|tortured\s+to\s+death",
        r"(?:extra-?judicial(?:ly)?\s+)?executed|extra-?judicial\s+executions?|summary\s+executions?",
        r"died\s+(?:in|while\s+in)\s+(?:police\s+)?(?:custody|detention|a\s+cell)|death\s+in\s+custody",
        r"died\s+(?:of|from|after)\s+(?:his|her|their|the)?\s*(?:injuries|wounds|torture|beatings?)",
        r"(?:body|bodies)\s+(?:was|were)\s+(?:found|discovered|recovered|dumped|returned)",
        r"found\s+(?:lying\s+|shot\s+|stabbed\s+|beaten\s+|hanged\s+)?dead|lynched|slain|lost\s+(?:his|her|their|my|our)\s+li(?:fe|ves)",
        r"(?:hacked|burned|burnt|starved|kicked|clubbed|stoned|hanged)\s+to\s+death|burn(?:ed|t)\s+alive|buried\s+alive|"
        r"massacred|beheaded|decapitated|strangled|fatally\s+(?:stabbed|beaten)|died\s+under\s+torture",
        r"died\s+(?:\S+\s+){0,3}?after\s+(?:his|her|their)\s+(?:arrest|detention|abduction)|found\s+hanged",
        # an execution: "was hanged in the prison at dawn" (suspension as torture is hanged BY the wrists)
        r"(?:was|were|been)\s+hanged\b(?!\s+(?:up\s+)?(?:by|from|on)\b)",
        r"(?:body|bodies|corpses?|remains)\s+(?:of\s+(?:\S+\s+){1,4}?)?(?:was|were|had\s+been|have\s+been)\s+"
        r"(?:found|discovered|recovered|dumped|exhumed|returned)",
        # a death where the state holds the person: "died in the hospital", "died in Badr prison"
        r"died\s+(?:in|at)\s+(?:(?:the|a|an)\s+)?(?:\w+\s+)?(?:hospital|prison|jail|"
        r"penal\s+colony|colony|detention\s+cent(?:re|er)|police\s+station|cell|camp)",
        # the discovery of the dead: "villagers found both bodies near the creek"
        r"(?:found|discovered|uncovered)\s+(?:(?:the|his|her|their|both|two|three|four|five|several)\s+)?(?:(?!no\b|any\b)\w+\s+)?"
        r"(?:body|bodies|corpses?)\b|(?:body|bodies|corpses?)\s+(?:of\s+(?:\S+\s+){1,4}?)?washed\s+(?:up|ashore)|"
        r"(?:pronounced|declared|certified)\s+dead|throats?\s+(?:(?:was|were|had\s+been)\s+)?(?:slit|cut)|"
        r"(?:fake|staged|so-called)\s+[“\"'‘]?encounters?\b",
        # the authorities' account of a death they had to explain: "told the parents that he had died"
        r"(?:told|informed|notified)\s+(?:(?:the|his|her|their|my|our)\s+)?(?:family|families|parents|relatives|mother|"
        r"father|wife|husband|widow|brother|sister|son|daughter|him|her|them|us|me)\s+that\s+(?:\S+\s+){0,3}?(?:had\s+)?died",
        r"(?:body|bodies)\s+(?:of\s+(?:\S+\s+){1,3})?found\s+(?:with|in|near|on|dumped|bearing|showing)",
        # a headline or a log entry: "Body of fisherman and campaigner Luis Ferrer found in the lake"
        r"(?:body|bodies)\s+of\s+(?:[^\s.;,]+\s+){4,8}?found\s+(?:with|in|near|on|at|dumped|bearing|showing|floating)\b",
        # the dead taken from where they lay: "pulled the bodies of four farmers from the river"
        r"(?:pulled|recovered|retrieved|exhumed|unearthed|dug\s+up|fished\s+out)\s+(?:(?:the|a|his|her|their|two|three|four|five|"
        r"six|several|\d+)\s+)?(?:\w+\s+)?(?:body|bodies|corpses?)\b",
        r"(?:body|bodies|corpses?|remains)\s+(?:of\s+(?:\S+\s+){1,4}?)?(?:was|were|had\s+been|have\s+been)\s+(?:\w+ly\s+)?"
        r"(?:retrieved|pulled|uncovered|unearthed|left|thrown|washed\s+up)",
        r"(?:body|bodies|corpses?)\s+(?:bore|bearing|showed|showing)\s+(?:\S+\s+){0,2}?(?:marks|signs|traces|wounds|bullet)",
        r"(?:uncovered|discovered|found|exhumed|unearthed)\s+(?:\S+\s+){0,3}?mass\s+graves?|mass\s+graves?\s+(?:\S+\s+){0,6}?"
        r"(?:was|were)\s+(?:uncovered|discovered|found|unearthed|exhumed)",
        # the manner of a death: "crushed to death by an armoured vehicle", "found hanging in his cell"
        r"(?:crushed|run\s+over|trampled|bludgeoned|battered|clubbed|drowned|bled|mauled|choked|suffocated|asphyxiated|"
        r"electrocuted|knifed|whipped|flogged|lashed|shot|frozen)\s+to\s+death|found\s+hanging",
        r"fatal\s+(?:shooting|stabbing|beating|assault|attack|(?:gunshot\s+|stab\s+|bullet\s+|head\s+)?(?:wounds?|injur(?:y|ies))|shot)",
        # (the words after the blow may hold its date, so the act is the blow's word alone)
        r"(?:shot|hit|struck|stabbed|beaten|run\s+over|wounded|injured|tortured|poisoned)(?=\s+(?:\S+\s+){0,8}?and\s+"
        r"(?:(?:he|she|they)\s+)?(?:later\s+|subsequently\s+|soon\s+)?died\b)",
        r"(?:so\s+(?:badly|severely|hard|brutally)|with\s+such\s+force)(?=\s+(?:\S+\s+){0,6}?that\s+(?:he|she|they|the\s+\w+)\s+"
        r"(?:later\s+|soon\s+)?died)",
        r"died\s+(?:\S+\s+){0,3}?(?:as\s+a\s+(?:direct\s+)?result\s+of|due\s+to|because\s+of|following)\s+(?:\S+\s+){0,3}?"
        r"(?:torture|beatings?|injuries|wounds|ill-?treatment|blows|gunshot|medical\s+neglect|(?:the\s+)?lack\s+of\s+"
        r"(?:medical\s+)?(?:care|treatment))",
        r"died\s+(?:\S+\s+){0,2}?(?:of|from)\s+(?:\S+\s+){0,3}?(?:trauma|blows?|gunshot\s+wounds?|bullet\s+wounds?|"
        r"asphyxia|haemorrhag\w+|hemorrhag\w+|bleeding|strangulation|suffocation)",
        # a named death: "the detainee's death on 9 January", "the death of a prisoner"
        r"(?:detainee|prisoner|inmate|protester|demonstrator|activist|journalist|defender|blogger|lawyer|student|teenager|"
        r"boy|girl)(?:'s|’s)\s+death\b(?!\s+(?:threats?|penalty|sentence))",
        r"death\s+of\s+(?:a|an|the)\s+(?:\S+\s+)?(?:detainee|prisoner|inmate|protester|demonstrator)s?\b",
        r"executions?\s+of\s+(?:at\s+least\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|the)\s+(?:\w+\s+)?"
        r"(?:prisoners|detainees|men|women|people|civilians|protesters|activists|inmates|villagers|youths)\b",
    ],
    Act.ENFORCED_DISAPPEARANCE: [
        r"(?:he|she|they|who|and)\s+never\s+(?:arrived|arrives|returned|returns|came\s+(?:back|home)|reached)",
        r"(?:pushed|forced|dragged|threw|shoved|bundled)\s+(?:\S+\s+){0,2}in(?:to)?\s+(?:a|the|an)\s+(?!(?:\S+\s+)?(?:police|prison)\s)"
        r"(?:\S+\s+){0,2}(?:van|car|vehicle|minibus|truck|jeep)",
        r"(?:no|any)\s+news\s+(?:of|from|about)\s+(?:him|her|them|me|us)|taken\s+away\s+in|(?:taken|driven|bundled|pushed|forced|put)\s+(?:away\s+)?(?:\S+\s+){0,3}in(?:to)?\s+an?\s+unmarked",
        r"den(?:y|ies|ied|ying)\s+(?:holding|detaining|having\s+(?:detained|arrested)|any\s+knowledge\s+of)",
        r"refus(?:ed|es|ing)\s+to\s+(?:tell|disclose|reveal|confirm|say)\s+(?:\S+\s+){0,4}(?:where|whereabouts)",
        r"(?:he|she|they|who)\s+(?:was|were|had\s+been)\s+(?:seized|grabbed|snatched)",
        r"(?:do|does|did)\s+not\s+know\s+where\s+(?:he|she|they|\w+)\s+(?:is|are|was|were)",
        r"denied\s+(?:holding|detaining|having\s+detained)\s+(?:him|her|them|me|us)|held\s+incommunicado",
        r"abduct(?:ed|ion|ions|ing|s)?|kidnap(?:ped|ping|s)?",
        r"(?:forcibly|forced)\s+disappear(?:ed|ance)|enforced\s+disappearances?|disappeared|disappearance",
        r"whereabouts\s+(?:\S+\s+){0,3}(?:unknown|not\s+known|unclear)|went\s+missing|gone\s+missing",
        r"(?:has|have|had)\s+not\s+been\s+(?:seen|heard\s+from)\s+since|missing\s+since",
        r"taken\s+away\s+by|taken\s+to\s+an\s+unknown\s+(?:location|destination)|and\s+taken\s+away\b(?!\s+(?:his|her|their))",
        r"bundled\s+(?:him|her|them|me|us)?\s*into|forced\s+(?:him|her|them|me|us)\s+into\s+(?:a|an)\s+(?:car|van|vehicle)",
        # taken by men nobody can name: "taken off a bus by armed men", "seized by masked men"
        r"(?:taken(?!\s+over)|seized|snatched|grabbed|led\s+away|driven\s+away)\s+(?:\S+\s+){0,6}?by\s+(?:\w+\s+)?(?:armed|masked|unidentified|"
        r"unknown|hooded|plain-?clothes|plainclothes)\s+(?:\w+\s+)?(?:men|gunmen|people|persons|individuals|officers|agents)",
        # the same when the words between hold the date ("led away from his house late on Saturday by four
        # men in plain clothes"): the act is the taking alone, so that the date stays outside it
        r"(?:taken(?!\s+over)|seized|snatched|grabbed|led\s+away|driven\s+away)(?=\s+(?:\S+\s+){0,10}?by\s+(?:\w+\s+)?(?:armed|"
        r"masked|unidentified|unknown|hooded|plain-?clothes|plainclothes|(?:\w+\s+)?(?:men|people|persons|individuals|officers|"
        r"agents)\s+(?:in|wearing)\s+(?:plain|civilian)\s+cloth))",
        # cut off from the family since: "has received no letters, calls or visits since March"
        r"(?:received|heard)\s+no\s+(?:news|word|letters?|calls?|visits?|information|contact)\b[^.;]{0,90}?\bsince|"
        r"had\s+no\s+(?:news|word|contact)\s+(?:with|from|of)\s+(?:him|her|them)\s+since",
        r"vanished|(?:was|were)\s+last\s+seen|(?:remains?|remained|still)\s+missing|secret\s+(?:detention|prisons?|facilit(?:y|ies)|sites?)|"
        r"refus(?:ed|es|ing)\s+to\s+(?:acknowledge|confirm|disclose)\s+(?:\S+\s+){0,2}?(?:detention|arrest|whereabouts|fate)",
        # hooded and driven off: "put a bag over her head and drove her away"
        # the family's side of an absence: "has not seen him since", "unable to locate her", "fate unknown"
        r"(?:has|have|had)\s+not\s+(?:seen|heard\s+from)\s+(?:him|her|them)\s+since|(?:never|not)\s+(?:been\s+)?seen\s+"
        r"(?:or\s+heard\s+(?:from|of)\s+)?again|(?:unable|failed)\s+to\s+(?:locate|find|trace)\s+(?:him|her|them)\b|"
        r"no\s+trace\s+of\s+(?:him|her|them)\b|(?:heard|had|received|know)\s+nothing\s+(?:(?:from|of|about)\s+(?:him|her|them)\s+)?"
        r"since\b|(?:lost|had\s+no|has\s+had\s+no|have\s+had\s+no)\s+(?:all\s+)?(?:contact|"
        r"communication)\s+with\s+(?:him|her|them)\b",
        r"(?:undisclosed|unknown|secret)\s+(?:location|locations|place|places|destination)|fates?\s+(?:\S+\s+){0,3}?(?:unknown|"
        r"unclear|not\s+known)|fate\s+(?:and|or)\s+whereabouts|whereabouts\s+(?:and|or)\s+fate",
        r"(?:not|never|refused\s+to|refuses?\s+to|failed\s+to)\s+(?:officially\s+)?acknowledged?\s+(?:\S+\s+){0,2}?(?:holding|"
        r"detaining|(?:his|her|their|the)\s+(?:detention|arrest|custody|whereabouts))",
        r"(?:snatch|grabb|seiz)(?:ed|ing)\s+(?:\S+\s+){0,3}?off\s+the\s+(?:street|road|pavement|sidewalk)|"
        r"snatch(?:ed|es|ing)\s+" + _PERSONS,
        r"(?:put|placed|pulled|threw)\s+(?:a\s+)?(?:bag|hood|sack)\s+over\s+(?:his|her|their|my|our)\s+heads?(?=\s+and\s+"
        r"(?:drove|took|led|bundled|pushed|dragged|forced|carried)\s+(?:him|her|them|me|us)\b)",
    ],
    Act.ARBITRARY_DETENTION: [
        r"(?:took|taken|brought|driven|drove|escorted)\s+(?:\S+\s+){0,6}?to\s+(?:the\s+|a\s+)?(?:local\s+|district\s+|city\s+)?(?:rovd|ovd|govd|omvd|uvd)\b",
        r"taken\s+from\s+(?:their|the|his|her|my|our)\s+(?:\S+\s+)?(?:home|house|flat|apartment|hostel|dormitory|office|"
        r"workplace|shop|bed|car)|held\s+(?:him|her|them|me|us)\s+for",
        r"took\s+away\s+(?:\S+\s+){0,3}(?:people|persons|men|women|activists|protesters|journalists|participants|students|residents)",
        r"spent\s+(?:\S+\s+){0,4}(?:in\s+(?:a\s+)?(?:police\s+)?(?:cell|custody|detention|jail|prison)|behind\s+bars)",
        r"(?:took|taken|brought|drove|driven|escorted|escort)\s+(?:\S+\s+){0,5}?to\s+(?:a|the)\s+(?:\S+\s+){0,2}(?:police|station|precinct|detention|department)",
        r"(?:questioned|interrogated)\s+for\s+(?:\S+\s+){0,2}hours|placed\s+in\s+(?:a|the)\s+(?:\S+\s+){0,3}(?:detention|cell|custody|isolator|prison|jail)",
        r"(?:took|taken|take|taking)\s+(?:\S+\s+){0,4}into\s+custody",
        r"picked\s+(?:\S+\s+){0,3}up|remanded\s+(?:\S+\s+){0,2}in\s+(?:custody|detention)|remanded",
        r"(?:took|take|takes|taking)\s+(?:\S+\s+){1,14}?to\s+(?:a|an|the)\s+(?:\S+\s+){0,2}(?:police|station|department|precinct|base)",
        r"(?:took|take|takes|taking)\s+(?:him|her|them|me|us)\s+away",
        # a testimony's words for a relative taken: "they took my husband away"
        r"(?:they|police|policemen|soldiers|officers|men|agents|troops|guards|militiamen)\s+(?:\w+\s+)?(?:took|take|takes|taking)\s+"
        r"(?:my|our|his|her|their)\s+(?:husband|wife|son|sons|daughter|daughters|brother|brothers|sister|sisters|father|mother|"
        r"children|boys|nephew|cousin|uncle)\s+away",
        r"kept\s+(?:him|her|them|me|us)\s+for\s+(?:\S+\s+){0,2}?(?:hours|days|nights|weeks)\b|(?:kept|held)\s+(?:\S+\s+){0,2}?in\s+"
        r"(?:handcuffs|shackles|chains)",
        r"(?:kept|held|locked)\s+(?:\S+\s+){0,8}?(?:inside|in\s+(?:a|the)\s+(?:cell|room|basement|van|bus))\s+for",
        r"held\s+(?:him|her|them|me|us)\s+(?:\S+\s+){0,3}?(?:at|in)\s+(?:a|the)\s+(?:\S+\s+)?(?:station|cell|basement|camp|"
        r"police|department|base)|held\s+(?:\S+\s+){1,5}?for\s+(?:several|a\s+few|many|\w+)\s+(?:hours|days|nights)",
        r"taken\s+back\s+into\s+custody|(?:admit(?:ted)?|committed|placed)\s+(?:\S+\s+){0,2}(?:to|in)\s+(?:a|the)\s+(?:\S+\s+){0,3}psychiatric",
        r"detains|arrests|take[sn]?\s+(?:\S+\s+){0,2}from\s+(?:his|her|their|my|our)\s+(?:home|house|flat|apartment)",
        r"handed\s+(?:\w+\s+)?over\s+to\s+(?:\S+\s+){0,2}(?:police|officers|authorities|security)",
        r"(?:was|were)\s+handcuffed|handcuffed\s+(?:him|her|them|me|us)\b(?!\s+to\b)|"
        r"(?:hauled|dragged|bundled|pushed|thrown|loaded|shoved)\s+(?:\S+\s+){0,2}?(?:in)?to\s+(?:a|an|the)\s+(?:waiting\s+)?"
        r"(?:police|prison|security|military)\s+(?:van|car|bus|vehicle|truck)",
        r"kept\s+(?:him|her|them|me|us)\s+(?:\S+\s+){0,2}?(?:at|in)\s+(?:a|the)\s+(?:\w+\s+)?(?:police|station|cell|detention|"
        r"basement|isolator)",
        # seized by the state's own agents: "grabbed by officers as he was helping a woman"
        r"(?:grabbed|seized|snatched)\s+by\s+(?:\S+\s+){0,2}?(?:police|policemen|officers|soldiers|troops|security\s+forces|"
        r"agents|guards|riot\s+police)\b",
        # agents taking a person (not things): "soldiers took him", "they took 7 young men"
        r"(?:soldiers|police|policemen|officers|troops|agents|guards|militiamen)\s+took\s+(?:him|her|me|us)\b"
        r"(?!\s+(?:to\s+(?:a\s+|the\s+)?)?(?:hospital|clinic|doctor|home|behind|aside|outside|into|inside))|"
        # "they took me to another room" goes on with a custody already told; "they took him, his phone" not
        r"they\s+took\s+(?:him|her|me|us)(?=\s*,|\s+and\b|\s+with\s+them)|they\s+took\s+(?:him|her|me|us)\s+to\s+(?:a|an|the)\s+"
        r"(?:\w+\s+)?(?:building|house|base|camp|basement|station|prison|jail|headquarters|barracks|compound|container)\b|"
        r"(?:soldiers|police|policemen|officers|troops|agents|guards|militiamen|they)\s+took\s+"
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:young\s+)?(?:men|women|boys|girls|people|students|"
        r"villagers|residents)\b",
        r"detain(?:ed|ing|s)?|detention|detentions",
        r"arrest(?:ed|ing|s)?|re-?arrested",
        rf"{_BE}\s+held|held\s+(?:by|at|in|for|incommunicado|without|overnight|in\s+custody)",
        r"taken\s+into\s+custody|remanded\s+in\s+custody|in\s+pre-?trial\s+detention|placed\s+in\s+custody",
        r"(?:taken|brought|driven|escorted)\s+to\s+(?:a|the)\s+(?:\S+\s+){0,2}(?:police\s+station|station|"
        r"police\s+department|department|precinct|detention\s+cent(?:re|er)|headquarters|base)",
        # "police stopped us and took me to the deportation centre": a place where people are held
        r"(?:took|taken|brought|sent|transferred)\s+(?:(?:him|her|me|us|them)\s+)?to\s+(?:a|an|the)\s+(?:\S+\s+){0,2}?"
        r"(?:deportation|immigration|removal|detention|holding)\s+(?:detention\s+)?(?:cent(?:re|er)|facility|camp)",
        r"apprehended|rounded\s+up|jailed|imprisoned|locked\s+up|house\s+arrest",
        # field notes in the present: "round up 11 young men, who are driven to the gendarmerie brigade"
        r"round(?:s|ing)?\s+up\s+(?:\S+\s+){0,3}?(?:men|women|people|youths|boys|girls|students|villagers|residents|protesters|"
        r"activists|suspects|migrants)\b|(?:taken|brought|driven|escorted|transferred)\s+to\s+(?:a|the)\s+(?:\S+\s+){0,2}?"
        r"gendarmerie",
        r"administrative\s+arrest|sentenced\s+to\s+\w+\s+days",
        # the words of witnesses and wires: "hauled off", "taken in for questioning", "put in a cell"
        # ("led" alone is inside "called", "killed", "filed": the prefilter anchors that one on "away")
        r"(?:hauled|carted|whisked|frog-?marched|marched|dragged)\s+(?:(?:him|her|them|me|us|the\s+\w+|\w+)\s+)?(?:off|away)\b"
        r"(?!\s+(?:the|a|an|his|her|their)\b)|led\s+(?:(?:him|her|them|me|us|the\s+\w+|\w+)\s+)?away\b"
        r"(?!\s+(?:the|a|an|his|her|their)\b)",
        r"(?:took|taken|take|taking|brought|bring|hauled)\s+(?:\S+\s+){0,3}?in\s+for\s+(?:questioning|interrogation|a\s+(?:talk|"
        r"conversation|chat))|taken\s+in\s+by\s+(?:the\s+)?(?:\w+\s+)?(?:police|officers|security|agents|soldiers)",
        r"(?:put|thrown|locked|shut|placed)\s+(?:\S+\s+){0,2}?in(?:to)?\s+(?:a|the)\s+(?:\w+\s+)?(?:cell|lock-?up|cage)\b|"
        r"paddy\s+wagons?|(?:loaded|herded|packed|crammed)\s+(?:\S+\s+){0,3}?(?:into|onto)\s+(?:\S+\s+){0,2}?(?:buses|vans)\b|"
        r"(?:loaded|herded|packed|crammed|bundled)\s+(?:\S+\s+){0,3}?(?:into|onto)\s+(?:a|an|the|their|waiting)\s+(?:\w+\s+)?"
        r"(?:pick-?ups?|vans?|bus|truck|lorry)\b",
        r"(?:was|were|been|being)\s+(?:kept|locked\s+up|locked|confined)\s+(?:\S+\s+){0,2}?(?:at|in|inside|to)\s+(?:a|an|the)\s+"
        r"(?:\w+\s+)?(?:police|station|cell|detention|basement|isolator|precinct|container|barracks|base|camp|compound)\b",
        r"(?:kept|held|locked|confined)\s+(?:\S+\s+){0,6}?(?:in|inside)\s+(?:a|an|the)\s+(?:\w+\s+)?(?:container|cage|shed|warehouse|"
        r"garage|truck|lorry|gym|stadium|sports\s+hall)\s+for",
        r"(?:took|taken|brought|driven|drove|escorted)\s+(?:\S+\s+){0,5}?to\s+(?:a|an|the)\s+(?:\w+\s+)?(?:barracks|military\s+base|"
        r"army\s+base|army\s+camp|prison|jail)\b",
        r"(?:seized|grabbed)\s+" + _PERSONS + r"(?!\s+by\b)",
        r"(?:took|take|takes|taking)\s+(?:him|her|them|me|us)\s+from\s+(?:his|her|their|my|our|the)\s+(?:\S+\s+)?(?:home|house|flat|"
        r"apartment|office|workplace|shop|bed|car|cell)",
        r"incarcerat(?:ed|ing)|interned\b",
    ],
    Act.TORTURE_ILL_TREATMENT: [
        r"placed\s+in\s+(?:a|an|the)\s+(?:\S+\s+)?(?:punishment|isolation|solitary|disciplinary)\s+(?:cell|confinement|block|unit)(?:\s+for\s+\S+\s+(?:days|weeks|months))?",
        r"refus(?:ed|es|ing)\s+(?:\S+\s+){0,4}(?:medical|doctor|cardiologist|hospital|treatment|medication|medicine)",
        r"refus(?:ed|es|ing)\s+to\s+(?:take|transfer|send|bring|escort|let)\s+(?:him|her|them|me|us)\s+(?:\S+\s+){0,5}?(?:doctors?|"
        r"\w+ologists?|specialists?|surgeons?|dentists?|hospital|clinic|infirmary|treatment|surgery)",
        # methods that only captors use: suspension, falaka, suffocation with a bag, sleep deprivation
        r"(?:hung|hanged|suspended|strung\s+up)\s+(?:(?:him|her|them|me|us)\s+)?(?:up\s+)?(?:by|from|on)\s+(?:the\s+|his\s+|her\s+|"
        r"their\s+|my\s+|our\s+|an?\s+)?(?:(?:metal|iron|steel|wooden|horizontal|heating)\s+)?(?:wrists|arms|hands|handcuffs|feet|legs|"
        r"ankles|hook|pole|bar|ceiling|pipe|rope|beam|door|window\s+bars)",
        r"(?:beat|beating|beaten|hit|struck|whipped)\s+(?:\S+\s+){0,8}?(?:on\s+)?the\s+soles\s+of|falaka|bastinado",
        r"(?:put|placed|pulled|tied)\s+(?:a\s+)?(?:plastic\s+bag|gas\s+mask)\s+over\s+(?:his|her|their|my|our)\s+(?:head|face)",
        r"(?:did\s+not|didn't|would\s+not|wouldn't|never)\s+let\s+(?:him|her|them|me|us)\s+sleep|deprived\s+of\s+sleep|sleep\s+deprivation",
        r"(?:made|forced)\s+(?:him|her|them|me|us)\s+(?:to\s+)?(?:stand|kneel|squat|crawl)\b|poured\s+(?:\S+\s+)?(?:cold|icy|boiling|hot)\s+"
        r"water\s+(?:on|over)|(?:kept|left|held)\s+(?:him|her|them|me|us|the\s+(?:\w+\s+)?(?:prisoners|detainees|men|women))\s+"
        r"without\s+(?:food|water|sleep)|cigarette\s+burns|"
        r"mock\s+executions?|burn(?:ed|t)\s+(?:\S+\s+){0,3}?with\s+(?:cigarettes?|lighters?|a\s+lighter|hot\s+\w+|boiling)|"
        r"(?:pulled|ripped|tore|torn)\s+out\s+(?:his|her|their|my|our)\s+(?:finger|toe)?nails",
        # made to undress before captors: "ordered them to strip to their underwear"
        r"(?:ordered|made|told)\s+(?:him|her|them|me|us|\w+)\s+to\s+(?:strip|undress)",
        r"punishment\s+cell|solitary\s+confinement|isolation\s+cell|(?:given|received|got)\s+no\s+(?:food|water|medical|medicine)",
        r"strip[-\s]search(?:ed|es)?|humiliat(?:ed|ing)\s+(?:\S+\s+){0,3}(?:search|treatment)",
        r"denied\s+(?:\w+\s+)?(?:insulin|food|water|medication|medicine|sleep|toilet|medical\s+\w+)",
        r"forced\s+to\s+(?:strip|lie|crawl|sing|eat|drink)|slapp(?:ed|ing)|inject(?:ed|s)?\s+(?:\S+\s+){0,5}against\s+(?:his|her|their|my|our)\s+will",
        r"beaten\s+(?:\S+\s+){0,6}(?:during\s+questioning|at\s+the\s+(?:\w+\s+)?(?:police\s+)?(?:department|station|headquarters))",
        r"tortur(?:ed|e|ing)|ill-?treat(?:ed|ment)|mistreat(?:ed|ment)|maltreat(?:ed|ment)",
        r"electric\s+shocks?|electrocut(?:ed|ion)|suffocat(?:ed|ion)|waterboard(?:ed|ing)",
        r"(?:beaten|beat\s+(?:him|her|them|me|us))\s+(?:in|while\s+in)\s+(?:custody|detention|the\s+cell|the\s+station)",
        # "was kept standing for about fourteen hours", "left kneeling for most of the night"
        r"(?:kept|left)\s+(?:standing|kneeling|squatting)\s+(?:\S+\s+){0,2}?for\s+(?:about\s+|some\s+|nearly\s+|almost\s+|"
        r"over\s+|more\s+than\s+|at\s+least\s+|up\s+to\s+)?(?:\w+\s+)?(?:hours|days|nights|the\s+whole\s+night|most\s+of\s+the)\b",
        r"forced\s+to\s+(?:stand|kneel|squat|sign|confess|record)|stress\s+positions?|made\s+to\s+(?:stand|kneel|squat|crawl|"
        r"lie\s+(?:face\s+down|on))",
        r"cruel,?\s+inhuman(?:e)?\s+or\s+degrading|degrading\s+treatment|denied\s+medical\s+(?:care|treatment)",
        # methods named by survivors and medico-legal reports
        r"(?:finger|toe)?nails\s+(?:were|was|had\s+been)\s+(?:\w+ly\s+)?(?:pulled|ripped|torn|extracted)|(?:pulled|ripped|tore|torn)\s+"
        r"(?:out|off)\s+(?:\S+\s+){0,2}?(?:finger|toe)?nails",
        r"(?:shackled|chained|strapped|tied|cuffed)\s+(?:(?:him|her|them|me|us)\s+)?(?:\S+\s+){0,2}?to\s+(?:a|an|the|his|her|their|my)\s+"
        r"(?:\w+\s+)?(?:bed|radiator|chair|pipe|wall|bars|railings?|pole|post|ring|hook|floor|heater|grille|grate)\b",
        r"(?:held|pushed|forced|dunked|submerged|plunged)\s+(?:his|her|their|my|our)\s+heads?\s+(?:under|in|into)\s+(?:the\s+|a\s+)?"
        r"(?:\w+\s+)?(?:water|bucket|toilet|tub|barrel|bath|tank)",
        r"(?:tied|bound)\s+(?:his|her|their|my|our)\s+(?:hands\s+and\s+(?:feet|legs)|arms\s+and\s+legs|wrists\s+and\s+ankles)|"
        r"hog-?tied|(?:[“\"'‘])?(?:swallow|chicken|banana|scorpion|airplane|aeroplane|frog)(?:[”\"'’])?\s+position|"
        r"parrot(?:'s|’s)?\s+perch|falanga|german\s+chair|shabeh|dulab|tyre\s+method|tire\s+method",
        # an order to the captives: "forced the prisoners to crawl on broken glass"
        r"(?:forced|made|ordered)\s+(?:the\s+)?(?:\w+\s+)?(?:prisoners|detainees|inmates|captives|men|women|boys)\s+to\s+(?:stand|kneel|"
        r"squat|crawl|lie|strip|undress|sing|bark|eat|drink|run|roll|hold)\b",
        r"(?:kept|held|left|locked)\s+(?:(?!without\b)\S+\s+){0,6}?without\s+(?:food|water|light|sleep|heating|ventilation|blankets|a\s+toilet|"
        r"toilets|medical\s+(?:care|help|treatment))\b",
        r"denied\s+(?:\S+\s+){1,3}?(?:drinking\s+water|food|water|insulin|medication|medicine|sleep|toilet|medical\s+\w+)\b",
    ],
    Act.PHYSICAL_ATTACK: [
        r"threw\s+(?:\S+\s+){1,5}?(?:into|in|at)\s+(?:(?:his|her|their|my|our)\s+|(?:the\s+)?\S+(?:'s|’s)\s+)(?:face|head|eyes)",
        r"hit\s+(?:me|us|him|her|them)\s+with|(?:was|were)\s+shot\s+in\s+the|shot\s+in\s+the\s+(?:head|chest|leg|back|arm|stomach)",
        # struck in the passive: "was hit in the face by an officer", "were punched and kicked by men"
        r"(?:was|were)\s+(?:repeatedly\s+|badly\s+|severely\s+)?(?:hit|struck|punched|kicked|slapped|shot)\s+(?:(?:and|or)\s+(?!killed\b)\w+ed\s+)?"
        r"(?:in|on|near|outside|at|with|during|while|as|by(?!\s+(?:\S+\s+){0,3}?(?:attacks?|ddos|hackers|cyber\w*|sanctions|floods?|"
        r"storms?|outages?|crisis|virus|waves?|fines?|bans?|cuts?)\b))\b",
        r"ambush(?:ed|ing)|used\s+(?:\S+\s+){0,2}(?:batons|truncheons|tear\s+gas|stun\s+grenades|water\s+cannons?|rubber\s+bullets|live\s+ammunition|excessive\s+force|force)",
        r"(?:used|applied)\s+(?:\S+\s+){0,2}?(?:stun\s+guns?|tasers?|electric\s+batons?|electroshock\s+\w+)\s+(?:on|against)",
        r"tear\s+gas|rubber\s+bullets|water\s+cannon|fired\s+(?:on|at)|(?:was|were)\s+shot\s+(?:in|at)",
        # (words attack texts and ideas too: "attacked the report as biased")
        r"attack(?:ed|s)?(?!\s+(?:the|a|an|his|her|their|its)\s+(?:\w+\s+)?(?:report|decision|bill|law|ruling|verdict|statement|"
        r"policy|proposal|article|book|film|plan|idea|remarks|comments|claims|speech|record|budget|reform)s?\b)|assault(?:ed|s)?|"
        r"set\s+upon",
        r"beat(?:en|ing|ings)?\s*(?:up)?|punch(?:ed|ing)|kick(?:ed|ing)|stabb(?:ed|ing)|hit\s+(?:him|her|them|me|us)",
        r"whipp(?:ed|ing)|flogg(?:ed|ing)|lashed\s+(?:him|her|them|me|us)|pelt(?:ed|ing)|"
        r"(?:threw|thrown|pushed|knocked|shoved|dragged)\s+(?:\S+\s+){0,4}?(?:to|on)\s+the\s+ground|threw\s+(?:eggs|stones|acid|paint|rocks|bottles|a\s+\w+)\s+at|hurled",
        r"(?:doused|splashed|sprayed)\s+(?:him|her|them|me|us)?\s*with",
        r"injur(?:ed|ing|ies)|wound(?:ed|ing)|bruises|concussion|hospitali[sz]ed",
        r"opened\s+fire\s+on|shot\s+(?:at|in\s+the)|attempt(?:ed)?\s+on\s+(?:his|her|their|my|our)\s+li(?:fe|ves)",
        r"assassination\s+attempt|attempted\s+(?:to\s+kill|murder)|tried\s+to\s+(?:kill|run\s+\w+\s+over)",
        # blows in the words of witnesses and medical notes
        r"rough(?:ed|ing)\s+(?:\S+\s+)?up|manhandl(?:ed|ing)|clubb(?:ed|ing)|bludgeon(?:ed|ing)|pummell?(?:ed|ing)|thrash(?:ed|ing)\s+"
        r"(?:him|her|them|me|us|the)|stamp(?:ed|ing)\s+on\s+(?:him|her|them|me|us|his|her|their)|trampl(?:ed|ing)\s+(?:on\s+)?"
        r"(?:him|her|them|me|us)",
        r"(?:hit|struck)\s+(?:\S+\s+){0,3}?(?:on|in|across)\s+the\s+(?:head|face|back|neck|legs?|arms?|chest|stomach|eye|jaw|mouth|"
        r"ribs|shoulders?|knees?|kidneys)",
        r"pushed\s+(?:\S+\s+){0,3}?(?:down\s+(?:the\s+|a\s+)?(?:\w+\s+){0,3}?stairs|off\s+(?:a|the)\s+(?:balcony|bridge|roof|platform|"
        r"stage))",
        r"pepper[-\s]spray(?:ed|ing)?|(?:pepper|chilli|chili)\s+(?:balls|gas)|taser(?:ed|ing)|tased|"
        r"fired\s+(?:\S+\s+){0,2}?(?:pellets|birdshot|buckshot|rubber-coated\s+\w+|stun\s+grenades|tear\s+gas\s+canisters|"
        r"bullets|live\s+rounds|shots)\s+(?:at|into|on)\b",
        r"survived\s+(?:an?\s+)?(?:\w+\s+)?(?:shooting|stabbing|assassination\s+attempt|attempt\s+on|bombing|ambush|acid\s+attack)",
        r"knocked\s+(?:him|her|them|me|us)\s+(?:unconscious|out|down)|(?:broke|broken|fractured)\s+(?:his|her|their|my|our)\s+"
        r"(?:\w+\s+)?(?:arms?|legs?|nose|jaw|ribs?|skull|fingers?|hands?|wrists?|teeth|collarbone)",
    ],
    Act.SEXUAL_VIOLENCE: [
        r"rap(?:ed|e|es|ing)|sexual(?:ly)?\s+(?:assault(?:ed)?|abus(?:ed|e)|violence|harass(?:ed|ment)|humiliat\w+)|"
        r"(?:abused|assaulted|molested)\s+sexually",
        r"grop(?:ed|ing)|molest(?:ed|ation)|forced\s+(?:him|her|them|me|us)\s+to\s+undress|forced\s+nudity",
        # stripped naked before captors: "forced ... to strip naked", "stripped me naked"
        r"(?:(?:forced|made|ordered)\s+(?:\S+\s+){0,8}?to\s+)?(?:strip|stripped|undress|undressed)\s+(?:(?:him|her|them|me|us)\s+)?(?:completely\s+)?naked",
        r"(?:beat|beaten|hit|struck|kicked|burned|shocked)\s+(?:\S+\s+){0,3}?(?:genitals|private\s+parts|testicles)",
        r"(?:touched|fondled|grabbed)\s+(?:her|his|my|their)\s+(?:breasts?|genitals|private\s+parts|buttocks|crotch)|virginity\s+tests?",
        # a blow or a device aimed at the genitals is sexual violence as well as torture: the body part
        # alone is the trigger, so that "electric shocks" before it stays torture
        # ("shocks to his genitals", "a baton into his anus"; a doctor "examined his genitals")
        r"(?:(?<=\bto\s)|(?<=\bin\s)|(?<=\bon\s)|(?<=\bat\s)|(?<=\binto\s)|(?<=\bagainst\s))(?:his|her|their|my|the)\s+"
        r"(?:genitals|genital\s+area|genitalia|testicles|scrotum|penis|anus|rectum|private\s+parts)\b|"
        r"(?:squeezed|twisted|crushed|pulled|grabbed)\s+(?:his|her|their|my)\s+(?:genitals|testicles|scrotum|penis)",
        r"sodomi[sz](?:ed|ing)|sexual\s+slavery|sex\s+slaves?|forced\s+(?:into\s+)?marriage|forced\s+prostitution|"
        r"(?:sexually\s+)?exploited\s+sexually|sexually\s+exploited|sexual\s+(?:torture|exploitation|assaults)",
        r"paraded\s+(?:\S+\s+){0,3}?naked|(?:stripped|undressed)\s+(?:\S+\s+){0,2}?and\s+paraded|forced\s+(?:\S+\s+){0,3}?to\s+"
        r"(?:strip|undress)\s+(?:\S+\s+){0,2}?(?:and|then)\s+(?:paraded|filmed|photographed|mocked|touched)",
    ],
    Act.THREAT: [
        # warned off a step: "warned the families not to speak to the UN" (first: tried in list order)
        r"warn(?:ed|ing|s)\s+(?:\S+\s+){1,6}?not\s+to\s+(?:speak|talk|testify|complain|contact|write|post|publish|report|"
        r"protest|pursue|seek\s+justice|file|cooperate)",
        r"if\s+(?:he|she|they|you|i|we)\s+want(?:ed|s)?\s+to\s+(?:stay|remain|live|keep\s+(?:\S+\s+)?)\s*(?:alive|safe|healthy|well|free|whole)",
        r"(?:silent|anonymous)\s+(?:phone\s+|night\s+)?calls|calls?\s+(?:\S+\s+){0,4}?in\s+which\s+(?:nobody|no\s+one)\s+(?:speaks|spoke|said)",
        r"(?:notes?|letters?)\s+(?:\S+\s+){0,8}?[“\"«][^”\"»]{0,80}?\b(?:will|next|die|dead|kill|burn|regret)\b",
        # a place on their list, a fate 'like the others', a loss named: what menace sounds like when reported
        r"told\s+(?:\S+\s+){1,3}?(?:that\s+)?(?:he|she|they|i|we)\s+(?:was|were|is|are)\s+on\s+[“\"]?(?:a|the|their|its)\s+(?:\w+\s+){0,2}?list",
        r"(?:would|will|\'ll)\s+[“\"«‘]?(?:\S+\s+){0,2}?(?:end\s+up|disappear|vanish|be\s+found)\s+like\s+(?:the\s+)?(?:others|him|her|them)",
        r"(?:would|will|\'ll)\s+[“\"«‘]?(?:lose\s+(?:the|your|his|her|their|my|our)\s+(?:\w+\s+)?(?:one|son|daughter|child|children|husband|wife|brother|sister|family)|pay(?:\s+for\s+(?:this|it|that))?(?=\s*[”\"»’])|regret\s+it|not\s+(?:reach|return|come\s+back|get\s+(?:out|home))\s+(?:\S+\s+){0,3}?alive)",
        r"(?:calls?|messages?|texts?)\s+(?:\S+\s+){0,4}?from\s+(?:an?\s+)?(?:unknown|anonymous|unidentified|withheld|hidden|private)\s+(?:numbers?|accounts?|callers?|senders?)|(?:calls?|messages?|texts?)\s+(?:\S+\s+){0,4}?from\s+(?:an?\s+)?(?:numbers?|accounts?|people|persons?)\s+(?:that\s+)?(?:i|we|he|she|they)\s+(?:do|did|does)\s+not\s+know",
        r"warn(?:ed|s|ing)\s+(?:\S+\s+){0,3}that\s+(?:\S+\s+){0,5}?(?:would|will|\'ll)\s+(?:be\s+)?\S+",
        r"(?:sent|issued|received|gave|handed)\s+(?:\S+\s+){0,2}(?:written\s+|official\s+|formal\s+)?warnings?",
        r"told\s+(?:him|her|them|me|us)\s+to\s+[“\"]?(?:stop|leave(?!\s+(?:within|in\s+\d|by\s|their\s|the\s+(?:flat|house|"
        r"home|village|apartment|area|land|building)))|keep\s+quiet|be\s+quiet|shut\s+up|stay\s+away|drop)|(?:would|will)\s+not\s+(?:see|live|survive|come\s+back|return\s+alive)",
        r"[“\"«‘\'][^”\"»’\']{0,80}?(?:we\s+know\s+where|we\s+will|we\s+shall|you\s+will\s+(?:not|never|be|die|regret|rot|pay|end\s+up)|you\s+are\s+next|we\'ll|will\s+answer|will\s+pay)",
        r"told\s+(?:\S+\s+){0,6}that\s+[“\"](?:\S+\s+){0,10}(?:will|would|shall|\'ll)\b",
        r"or\s+[“\"«‘\']?(?:face|suffer)\s+(?:the\s+)?consequences|you\s+(?:are|will\s+be)\s+next|(?:said|saying|told|warned|telling)\s+(?:\S+\s+){0,4}?(?:would|will)\s+be\s+next\b(?!\s+to)|(?:would|will|\'ll)\s+(?:\S+\s+)?(?:cut\s+off|kill|shoot|burn|behead|get\s+rid\s+of|deal\s+with|punish|rape|break\s+(?:his|her|your))",
        r"pressur(?:ed|ing|es)\s+(?:him|her|them|his|their|\S+)\s",
        r"intimidat\w+|harass(?:ed|ing)\s+(?:by|him|her|them)",
        r"receiv(?:ed|ing|es|e)\s+(?:\S+\s+){0,3}(?:messages|calls|letters|notes|texts)\s+(?:\S+\s+){0,8}(?:telling|saying|warning|threatening)",
        r"declar\w+\s+(?:\S+\s+){0,6}(?:to\s+be\s+)?(?:“|\")?(?:legitimate\s+|military\s+)targets?",
        r"(?:declar\w+|nam\w+|call\w+)\s+(?:\S+\s+){0,6}(?:(?:“|\")?(?:legitimate\s+|military\s+)targets?)",
        r"told\s+(?:him|her|them|me|us)\s+(?:that\s+)?(?:\S+\s+){0,8}(?:would|will)\s+(?:be\s+)?(?:killed|arrested|jailed|punished|found|disappear|end\s+up)",
        r"threat(?:s|en|ened|ening|ens)?|death\s+threats?|intimidat(?:ed|ion|ing|es|e)",
        r"warned\s+(?:him|her|them|the\s+\w+|that)|(?:vowed|promised)\s+to\s+[“\"«‘\']?(?:punish|kill|deal\s+with|"
        r"destroy|expel|find|get\s+rid\s+of|crush|eliminate|wipe\s+out|hunt\s+down|teach|make\s+(?:his|her|their|your|my|our)\s+"
        r"li(?:fe|ves))",
        # "said he knew which school her children attended": knowledge of the family's life held over them
        r"(?:said|told|reminded|warned|added|saying|telling)\s+(?:\S+\s+){0,3}?(?:that\s+)?(?:he|she|they|we|i)\s+(?:knew|know|knows)\s+"
        r"(?:where\s+(?:\S+\s+){0,3}?(?:lived?|lives|studie[sd]|stud(?:y|ies)|works?|worked|sleeps?|parks?|goes|went)|"
        r"which\s+school|what\s+time\s+(?:\S+\s+){0,3}?(?:leaves?|left|comes?|came|goes|went|returns?)|the\s+(?:address|route))",
        # objects of menace: a bullet in an envelope, a wreath at the door, "leave or die"
        r"(?:letter|envelope|parcel|package|box|note)\s+(?:\S+\s+){0,2}(?:containing|with)\s+(?:a\s+|an\s+|two\s+)?(?:funeral\s+|spent\s+|live\s+|black\s+)?(?:bullets?|"
        r"cartridges?|knife|coffin|wreath)(?![-\w])|wreaths?\s+(?:\S+\s+){0,3}(?:was|were|had\s+been)\s+(?:left|delivered|sent)\s+"
        r"(?:\S+\s+){0,3}(?:door|doorstep|gate|house|home|office|flat|apartment)|[“\"«‘\'][^”\"»’\']{0,60}?(?:or\s+(?:die|else)|leave\s+or)\b",
        r"(?:told|warned|advised|reminded)\s+(?:him|her|them|me|us)\s+(?:that\s+)?(?:\S+\s+){0,3}?[“\"«‘\']?(?:to\s+|should\s+|"
        r"had\s+better\s+|must\s+)?be\s+(?:very\s+|more\s+)?careful|(?:said|told|warned)\s+(?:that\s+)?(?:the\s+)?\w+\s+"
        r"[“\"«‘\']?(?:should|had\s+better|better)\s+be\s+(?:very\s+)?careful|watch\s+(?:your|his|her|their)\s+(?:back|step)",
        # orders through relatives: "told him to make his daughter return", "told them she must stop posting"
        r"told\s+(?:him|her|them|(?:his|her|their)\s+\w+)\s+to\s+(?:make|get|force|persuade|convince)\s+(?:his|her|their)\s+\w+\s+(?:to\s+)?(?:return|"
        r"stop|come\s+back|give\s+up|quit|leave)|told\s+(?:him|her|them|me|us)\s+(?:that\s+)?(?:he|she|they|you|i|we|"
        r"(?:his|her|their)\s+\w+)\s+(?:should|must|had\s+to|needed\s+to)\s+(?:stop\s+(?:posting|writing|talking|"
        r"speaking|campaigning|complaining|asking|protesting|publishing|criticis\w+|criticiz\w+|filming|reporting|search\w*|"
        r"(?:his|her|their)\s+\w+)|quit|give\s+up|delete|keep\s+quiet|stay\s+away|come\s+back)",
        r"threatening\s+(?:phone\s+)?(?:calls?|messages?|letters?)",
        r"(?:calls?|messages?|texts?|letters?|notes?)\s+(?:\S+\s+){0,10}?(?:telling|warning|ordering)\s+(?:him|her|them|me|us)\s+to",
        # words of menace quoted to the victim: "told her that her son would 'end up like the others'"
        r"(?:told|telling|warned|informed|advised)\s+(?:by\s+(?:\S+\s+){1,3}?)?(?:(?:him|her|them|me|us|you|the\s+family|"
        r"(?:his|her|their|my|our)\s+\w+)\s+)?(?:that\s+)?(?:if\s+(?:\S+\s+){1,8}?)?(?:he|she|they|you|we|i|it|the\s+family|"
        r"(?:his|her|their|your|my|our)\s+(?:\w+\s+)?\w+)\s+(?:would|will|could|\'ll)\s+(?:\S+\s+){0,3}?[“\"«‘]",
        r"(?:told|advised|ordered|warned)\s+(?:him|her|them|me|us)\s+(?:\S+\s+){0,2}?to\s+[“\"«‘]",
        r"told\s+(?:him|her|them|me|us)\s+that\s+[“\"«]|you(?:\'re|’re|\s+are)\s+next|"
        r"anonymous\s+(?:phone\s+)?(?:calls|messages|letters|notes)",
        # a price set on the hearer's conduct: "told her it 'would be better' if she stopped asking"
        rf"(?:told|telling|warned|warning|said|threatened|informed)\s+{_UNTIL_SPEECH}{{0,12}}?[“\"«‘\']?"
        rf"(?:would|will|could|might|\'ll)\s+(?:\S+\s+){{0,8}}?(?:if|unless)\s+(?:he|she|they|you|i|we)\s+(?:\S+\s+)?{_CONDUCT}\b",
        rf"(?:told|telling|warned|said|informed)\s+{_UNTIL_SPEECH}{{0,12}}?(?:that\s+)?[“\"«‘\']?(?:if|unless)\s+"
        rf"(?:he|she|they|you|i|we|(?:his|her|their|your|my|our)\s+\w+)\s+(?:\S+\s+)?[“\"«‘\']?{_CONDUCT}\b\S*(?:\s+\S+){{0,14}}?\s+[“\"«‘\']?(?:would|will|could|might|\'ll)\b",
        # the condition quoted at once: "said, 'If you go back to the road, your children will find you'"
        rf"(?:said|told\s+(?:him|her|them|me|us)),\s+[“\"«‘\'](?:if|unless)\s+(?:he|she|they|you|i|we)\s+(?:\S+\s+)?"
        rf"{_CONDUCT}\b\S*(?:\s+\S+){{0,14}}?\s+(?:would|will|could|might|\'ll)\b",
        # a fate announced for whoever defies: "said anybody who disobeys will lose a hand"
        rf"(?:said|told|warned|announced|declared|telling|shouted)\s+(?:(?:him|her|them|me|us|the\s+\w+)\s+)?"
        rf"(?:that\s+)?(?:(?:anybody|anyone|everyone|everybody|those|any\s+\w+)\s+who|whoever)\s+(?:\S+\s+){{1,8}}?"
        rf"[“\"«‘\']?(?:would|will|could|\'ll)(?=\s+{_BENIGN_FUTURE})",
        rf"(?:told|warned|telling)\s+(?:him|her|them|me|us)\s+that\s+(?:\S+\s+){{0,2}}?\w+\s+who\s+(?:\S+\s+){{1,8}}?"
        rf"[“\"«‘\']?(?:would|will|could|\'ll)(?=\s+{_BENIGN_FUTURE})",
        r"warning\s+(?:him|her|them|me|us|the\s+\w+)\s+(?:not\s+to|to\s+(?:stop|leave|keep|drop|abandon|cease|end|think|"
        r"stay|withdraw|give\s+up|delete|remove|quit))",
        # idioms of menace: "would find me wherever I go", "think about your children", "days are numbered"
        r"(?:would|will|\'ll|could)\s+(?:\S+\s+)?(?:find|get|reach)\s+(?:me|us|you)\s+(?:wherever|anywhere|everywhere)|"
        r"(?:would|will|\'ll)\s+come\s+(?:for|after)\s+(?:him|her|them|me|us|you|his|her|their|my|our)\b|"
        r"(?:would|will|\'ll|could)\s+end\s+up\s+like|playing\s+with\s+fire|days\s+are\s+numbered|(?:we\s+are|we\'re)\s+"
        r"watching\s+you",
        r"(?:should|must|had\s+better|better)\s+think\s+(?:about|of)\s+(?:his|her|their|my|our|your)\s+(?:children|family|"
        r"son|daughter|wife|husband|mother|father|parents|kids|relatives|safety)",
        r"(?:hinted|implied|insinuated)\s+(?:that\s+)?(?:\S+\s+){0,4}?(?:could|would|might|will)\s+(?:also\s+)?(?:be\s+)?"
        r"(?:arrested|detained|jailed|killed|harmed|punished|charged|prosecuted|dismissed|expelled|next|disappear)",
        r"(?:told|warned|informed)\s+(?:\S+\s+){0,3}?(?:that\s+)?(?:his|her|their|my|our)\s+names?\s+(?:was|were|is|are)\s+on\s+"
        r"(?:a|the|their)\s+(?:\w+\s+)?list(?!\s+of\s+(?:speakers|candidates|participants|guests|winners|applicants|delegates|"
        r"invitees|passengers|voters))",
        r"or\s+(?:else\s+)?(?:\S+\s+){0,3}?(?:would|will)\s+be\s+(?:burned|burnt|destroyed|killed|shot|arrested|punished|"
        r"demolished|taken)|(?:was|were|been|being)\s+warned\s+(?:not\s+to|against|to\s+(?:stop|leave|keep|drop|abandon|"
        r"cease|end|stay|withdraw|give\s+up|delete|remove|quit))",
        r"(?:told|asked|ordered|instructed|made|forced)\s+to\s+(?:pressure|persuade|convince|make|get)\s+(?:him|her|them|\w+)\s+"
        r"(?:to\s+)?(?:stop|return|quit|give\s+up|come\s+back|abandon|delete|cease|end)",
        # a fate in the speaker's own words: 'they would be "crushed like insects"', "could be taken away"
        rf"(?:told|telling|warned|said|saying|threatened|declared|announced|vowed)\s+{_UNTIL_SPEECH}{{0,12}}?[“\"«‘\']?"
        r"(?:would|will|could|might|\'ll)\s+[“\"«‘\']?(?:also\s+)?be\s+[“\"«‘\']?(?:crushed|hunted(?:\s+down)?|eliminated|"
        r"wiped\s+out|dealt\s+with|buried|finished\s+off|silenced|made\s+to\s+pay|taught\s+a\s+lesson)\b|[“\"«‘\'](?:could|"
        r"would|will|might)\s+be\s+taken\s+away",
        r"[“\"«‘\'](?:\S+\s+){0,3}?(?:you\s+are\s+(?:dead|finished|a\s+dead\s+(?:man|woman))|you\'re\s+(?:dead|finished)|"
        r"death\s+to)\b|(?:not|never)\s+(?:be\s+)?safe\s+anywhere|a\s+marked\s+(?:man|woman)",
        r"or\s+(?:else\s+)?(?:be|get)\s+(?:shot|killed|arrested|burned|burnt|beaten|jailed|hanged|executed)|or\s+die\b",
        # objects and marks of menace: "a bullet was left on the desk", "painted a red cross on the door"
        r"(?:bullets?|cartridges?|coffin|wreath|dead\s+(?:birds?|rats?|cats?|dogs?|animals?))\s+(?:\S+\s+){0,2}?(?:was|were|"
        r"had\s+been)\s+(?:left|placed|delivered|sent|thrown)\s+(?:\S+\s+){0,4}?(?:door|doorstep|desk|car|windscreen|gate|"
        r"letterbox|mailbox|office|house|home|flat|yard|porch)",
        r"(?:painted|drew|daubed|sprayed|marked)\s+(?:an?\s+)?(?:black\s+)?(?:cross|crosses|x|target|skull|noose|gallows)\s+on\s+"
        r"(?:\S+\s+){0,4}?(?:door|gate|house|wall|car|home|flat|office)",
        r"(?:sent|received|message|text|envelope|letter)\s+(?:\S+\s+){0,5}?(?:photos?|photographs?|pictures?|images?)\s+of\s+"
        r"(?:his|her|their|your)\s+(?:\w+\s+)?(?:children|child|daughters?|daughter[\'’]s|sons?|son[\'’]s|kids|grandchildren|"
        r"family|wife|husband)",
        # testimony's menace: "we are coming", "next time I will not miss", "three days to disappear"
        r"[“\"«‘\'][^”\"»’\']{0,60}?(?:we\s+are\s+coming|we\'re\s+coming|next\s+time\s+(?:i|we)\s+(?:will|won\'t|shall|\'ll))|"
        r"(?:days|hours)\s+to\s+(?:disappear|vanish|leave\s+(?:the\s+)?(?:country|city|town|village|area))|(?:end|ends|ended)"
        r"\s+up\s+(?:in|at)\s+(?:a|the)\s+(?:river|ditch|grave|morgue|cemetery)",
        r"(?:told|warned|advised)\s+(?:\S+\s+){0,4}?(?:should|must|to|had\s+better|better)\s+think\s+(?:very\s+)?(?:carefully|"
        r"twice|hard|again)\s+before\b|keep\s+(?:his|her|their|your|my|our)\s+mouths?\s+shut|(?:was|were|been)\s+told\s+to\s+(?:keep\s+"
        r"quiet|be\s+quiet|shut\s+up|stay\s+away|stop\s+\w+ing)",
        r"(?:future|fate|li(?:fe|ves)|safety)\s+(?:was|were|is|are|lay|lies)\s+in\s+(?:my|your|his|her|their|our)\s+hands",
        r"(?:warned|threatened)\s+(?:\S+\s+){0,5}?(?:could|would|will|can|might)\s+make\s+(?:him|her|them|me|us|you)\s+"
        r"(?:disappear|vanish)|make\s+(?:him|her|them|me|us|you)\s+(?:disappear|vanish|suffer|regret)",
        r"we\s+know\s+(?:which\s+school|what\s+time|where\s+your)",
        # the family named as the price: 'think of your grandchildren before', 'otherwise "your son will"'
        r"think\s+(?:about|of)\s+(?:his|her|their|my|our|your)\s+(?:\w+\s+)?(?:children|grandchildren|daughters?|sons?|"
        r"family|wife|husband|mother|father|parents|kids|relatives|safety|future|career)\s+before\b",
        r"otherwise,?\s+[“\"«‘\'](?:\S+\s+){0,6}?(?:will|would|\'ll|could)\b|otherwise,?\s+(?:he|she|they|you|we|i|"
        r"(?:his|her|their|your|my|our)\s+(?:\w+\s+)?\w+)\s+(?:will|would|could|\'ll)\s+(?:also\s+)?(?:be\s+)?(?:arrested|"
        r"killed|shot|taken|sent|evicted|jailed|punished|harmed|detained|disappear|regret|suffer|lose|pay|face|end\s+up)",
        # incitement in a caption: '"... The city knows what to do."'
        r"[“\"«‘\'][^”\"»’\']{0,80}?(?:knows?|know)\s+what\s+to\s+do\b",
        # a fate announced with the date told between: "told her on 4 April that she would be next"
        r"that\s+(?:he|she|they|i|we|you)\s+(?:would|will)\s+be\s+next\b(?!\s+to)",
        # written menace read out: "a note on her door saying she would die", "a text reading ... next"
        r"(?:notes?|letters?|messages?|texts?|e-?mails?|sms|graffiti|inscriptions?)\s+(?:\S+\s+){0,6}?(?:saying|reading|"
        r"stating|which\s+(?:said|read)|that\s+(?:said|read))\s+(?:\S+\s+){0,6}?(?:would|will|\'ll|was|is)\s+(?:be\s+)?"
        r"(?:die|dead|killed|shot|next|regret|pay|disappear|burn(?:ed|t)?|hanged|executed|punished)\b",
        # idioms of menace told of a person: "your time is up", "deserves a bullet", "make his life hell"
        r"(?:your|his|her|their)\s+time\s+is\s+(?:up|running\s+out)|deserves?\s+(?:a\s+bullet|to\s+(?:die|be\s+(?:shot|"
        r"hanged|killed|executed|punished)))|make\s+(?:his|her|their|your|my|our)\s+li(?:fe|ves)\s+(?:a\s+)?(?:hell|"
        r"miserable|a\s+misery)|if\s+(?:he|she|they|you|i|we)\s+valued\s+(?:his|her|their|your|my|our)\s+li(?:fe|ves)",
        # an order backed by a sanction: "withdraw her statement or face charges"
        r"or\s+(?:else\s+)?(?:face|suffer|risk)\s+(?:\w+\s+)?(?:charges|prosecution|arrest|jail|prison|reprisals?|"
        r"punishment|trouble|dismissal|expulsion|deportation|the\s+consequences)\b",
        # the warned person told by whom: "was warned by an intelligence officer to stop investigating"
        r"(?:was|were|been|being)\s+warned\s+by\s+(?:\S+\s+){1,5}?(?:not\s+to|to\s+(?:stop|leave|keep|drop|abandon|cease|"
        r"end|stay|withdraw|give\s+up|delete|remove|quit))",
        # calls to kill a named person, posted or shouted: "posted calls to hang the activist"
        r"calls?\s+(?:for|to)\s+(?:\S+\s+)?(?:kill|hang|lynch|shoot|behead|murder|rape|burn|execute)\s+(?:him|her|them|the|his|"
        r"her|their|all)\b",
        # menace named by its manner: "a menacing email", "a sinister letter"
        r"(?:menacing|sinister|threatening|intimidating)\s+(?:e-?mails?|messages?|letters?|notes?|calls?|texts?|visits?|"
        r"posts?|comments?|graffiti|gestures?|voicemails?)",
        r"(?:should|must|had\s+better|better)\s+[“\"«‘\']?think\s+(?:about|of)\s+(?:his|her|their|my|our|your)\s+(?:career|"
        r"future|job|health|life|licen[cs]e|position|post)",
    ],
    Act.SURVEILLANCE: [
        r"watch(?:ed|ing)\s+(?:the|his|her|their|our|my|its)\s+(?:\w+\s+)?(?:house|home|office|flat|apartment|building|door|gate|premises)",
        # watchers at the door: "men ... stationed near the office, taking note of who enters"
        r"(?:stationed|posted|loitering|waiting|sitting)\s+(?:\S+\s+){0,3}?(?:near|outside|opposite|across\s+from|in\s+front\s+of)\s+(?:the|his|her|their|its|our|my)\s+(?:\w+\s+){0,2}?(?:office|home|house|flat|building|door|gate|premises)",
        r"(?:taking|took|taken|noting|noted|writing\s+down|wrote\s+down)\s+(?:\S+\s+)?(?:note|notes|photos|pictures|names)\s+of\s+(?:who|everyone|those|people|visitors)\b",
        r"(?:put|placed|included|added|registered)\s+(?:\S+\s+){0,3}?on\s+(?:the\s+|a\s+)?(?:police\s+)?[“\"]?(?:preventive|prophylactic|watch|surveillance|special)\s+(?:register|list|records?|lists)",
        r"photograph(?:s|ed|ing)?\s+(?:\S+\s+){0,2}(?:house|home|car|office|flat)|follow(?:s|ed|ing)?\s+(?:his|her|their|the|my|our)\s+(?:car|vehicle|taxi)",
        r"park(?:ed|s|ing)?\s+(?:\S+\s+){0,10}?(?:near|outside|opposite|across\s+from|across\s+the\s+street)",
        r"listen(?:ed|ing)\s+in\s+on|intercept(?:ed|ing)\s+(?:his|her|their|my|our)|monitor(?:ed|ing)\s+(?:his|her|their|my|our)\s+(?:calls|phone|communications|messages|correspondence|movements)",
        r"under\s+(?:\S+\s+)?(?:watch|observation|surveillance)|filmed\s+(?:the\s+)?(?:participants|protesters|them|him|her|everyone|activists|mourners|journalists)",
        r"photograph\s+(?:their|his|her|the|everyone)",
        r"park(?:ed|s|ing)?\s+(?:\S+\s+){0,4}outside|(?:posted|stationed)\s+outside",
        r"(?:took|taking|take)\s+(?:photographs|photos|pictures)\s+of|photograph(?:ed|ing|s)\s+(?:everyone|every|them|him|her|the\s+\w+|visitors|participants|mourners|their|people|"
        r"those|us|me)",
        r"wr(?:ote|iting|ites)\s+down\s+(?:the\s+)?(?:names|plate\s+numbers|number\s+plates)",
        rf"{_BE}\s+(?:being\s+)?(?:followed|tailed|trailed|watched|monitored)",
        r"followed\s+(?:him|her|them|the\s+\w+|by)|tailed|under\s+surveillance|surveillance",
        r"follow(?:ed|s)\s+(?!by\b)(?:\S+\s+){0,3}(?:monitors?|journalists?|activists?|staff|members?|lawyers?|"
        r"reporters?|defenders?|employees|relatives|workers|volunteers|him|her|them|me|us)\b",
        r"(?:wire-?)?tapp(?:ed|ing)|eavesdropp(?:ed|ing)|(?:phone|calls)\s+(?:was|were)\s+(?:intercepted|monitored)",
        r"stak(?:ed|ing)\s+out|kept\s+watch|spying\s+on|spied\s+on",
        r"install\w*\s+(?:an?\s+)?(?:\w+\s+)?(?:cameras?|microphones?|bugs?|trackers?)\s+(?:\S+\s+){0,3}?(?:facing|opposite|"
        r"pointed\s+at|overlooking|in)\s+(?:the|his|her|their)\s+(?:\S+\s+)?(?:door|house|home|flat|office|apartment|entrance|"
        r"bedroom|car)|(?:e-?mails?|messages|correspondence|calls|conversations)\s+(?:had\s+"
        r"been|have\s+been|were|was)\s+(?:read|intercepted|monitored|recorded|listened\s+to)\b(?!\s+out)|(?:movements|"
        r"whereabouts|location)\s+(?:were|was|had\s+been|have\s+been)\s+(?:tracked|monitored|traced)",
        # the same watchers seen again: "noticed the same car behind me all the way home"
        r"the\s+same\s+(?:\w+\s+)?(?:car|vehicle|van|man|men|motorbike|people|faces)\s+(?:\S+\s+){0,3}?(?:behind|following|"
        r"outside|parked\s+(?:near|outside|opposite))\s+(?:me|us|him|her|them|my|our|his|their|the)\b",
        # devices planted: "a tracking device under her car", "a hidden camera in the office", "was bugged"
        r"(?:tracking|listening|gps|recording|eavesdropping)\s+devices?|gps\s+trackers?|hidden\s+(?:cameras?|microphones?|"
        r"recorders?)|bugg(?:ed|ing)\s+(?:the|his|her|their|its|our|my)\b|(?:was|were|been|had\s+been)\s+bugged",
        r"watch(?:ed|ing)\s+(?:the|his|her|their|our|my|its)\s+(?:\S+\s+)?(?:house|home|office|flat|apartment|building|"
        r"door|gate|premises|movements)|monitor(?:ed|ing)\s+(?:the\s+\S+\s+|his\s+|her\s+|their\s+|my\s+|our\s+|its\s+)"
        r"(?:\w+\s+)?(?:calls|phones?|communications|messages|correspondence|movements|e-?mails|social\s+media|"
        r"online\s+activity|accounts?|whereabouts)",
    ],
    Act.RAID_SEARCH: [
        r"inspect(?:ed|ion\s+of)\s+(?:the|his|her|their|its)\s+(?:\S+\s+){0,2}(?:premises|office|home|flat|apartment|house)",
        r"broke\s+down\s+the\s+door|went\s+through\s+(?:his|her|their|the)\s+(?:belongings|papers|things|files)",
        r"(?:was|were)\s+searched",
        r"(?:served|executed|carried\s+out)\s+(?:\S+\s+){0,2}search\s+warrants?",
        r"occupied\s+(?:its|the|their|his|her)\s+(?:offices?|premises|building|headquarters)",
        r"searches|raids",
        r"forced\s+(?:their|his|her|its|our)\s+way\s+into|(?:kicked|broke|knocked|battered|smashed)\s+(?:down|in)\s+(?:the|a|his|her|"
        r"their|our|my)\s+(?:front\s+|back\s+)?(?:door|gate)",
        r"house[-\s]to[-\s]house\s+(?:search|check|raid)\w*|(?:went|going|moved)\s+(?:from\s+)?(?:house\s+to\s+house|door\s+to\s+door)"
        r"\s+(?:\S+\s+){0,2}?(?:search|check|look)\w*",
        r"check(?:ed|ing|s)?\s+(?:their|his|her|the|my)\s+(?:phones?|bags|belongings|devices)",
        r"raid(?:ed|s|ing)?|ransack(?:ed|ing|s)|storm(?:ed|s)|burst\s+into|broke\s+into|broken\s+into|break-?ins?",
        r"search(?:ed|es|ing)?|body\s+searches|house\s+search(?:es)?|(?:frisked|patted\s+down)",
        rf"entered\s+(?:\S+\s+){{0,3}}{_PREMISES}",
        # a raid in the words of wires and witnesses: "swooped on the homes", "turned the flat upside down"
        r"swoop(?:ed|s|ing)?\s+(?:down\s+)?on|descended\s+on\s+(?:the|his|her|their|its)\s+(?:\w+\s+)?"
        + _PREMISES
        + r"|turn(?:ed|ing)\s+(?:\S+\s+){1,3}?upside\s+down|"
        r"turn(?:ed|ing)\s+over\s+(?:every|each|the|all\s+the)\s+(?:room|rooms|house|flat|apartment|office)|turn(?:ed|ing)\s+(?:\S+\s+){1,3}?inside\s+out|(?:came|burst|barged|walked|forced\s+their\s+way)"
        r"\s+in\s+without\s+(?:knocking|a\s+warrant|permission)",
    ],
    Act.SEIZURE: [
        r"(?:took|take|taken)\s+(?:my|our|his|her|their)\s+(?:\S+\s+)?(?:phones?|laptops?|cameras?|money|documents|wallet|bags?|belongings|computers?|car)"
        + _NOT_SEIZED,
        r"(?:carrying|carried|took|taking)\s+away\s+(?:\S+\s+){0,3}" + _EQUIPMENT,
        r"(?:removed|remove|removes)\s+(?:\S+\s+){0,4}(?:boxes|" + _EQUIPMENT[3:],
        r"(?:phone|phones|laptop|passport|camera)\s+(?:is|was|were)\s+taken\s+(?:from|away)",
        r"confiscation\s+of|seized\s+(?:its|the|his|her|their)(?!\s+(?:\w+\s+)?(?:opportunity|chance|moment|initiative|occasion)\b)",
        r"(?:had|have|has)\s+(?:his|her|their|my|our)\s+(?:\S+\s+)?(?:phones?|notebooks?|cameras?|laptops?|documents|"
        r"equipment|cards?|recorders?)\s+(?:taken|confiscated|seized|removed)",
        r"(?:confiscat(?:ed|ion|ing|es|e)|seiz(?:ed|ure|ing|es|e)|impound(?:ed|ing|s)|expropriat(?:ed|ion|es))"
        r"(?!\s+(?:no|nothing)\b|\s+(?:the|an?|this|that|every)\s+(?:\w+\s+)?(?:opportunity|chance|moment|initiative|occasion)\b)",
        rf"(?:took|taken|carried|taking)\s+(?:away\s+)?(?!(?:him|her|them|me|us)\b)(?:\S+\s+){{0,3}}{_EQUIPMENT}{_NOT_SEIZED}",
        # things listed after the person taken: "soldiers took him, his phone and his motorbike"
        rf"(?:(?<=\bhim,\s)|(?<=\bher,\s)|(?<=\bme,\s)|(?<=\bus,\s))(?:his|her|their|my|our)\s+(?:\S+\s+)?{_EQUIPMENT}",
        rf"{_EQUIPMENT}\s+(?:\S+\s+){{0,2}}(?:were|was)\s+(?:taken|removed|stolen|confiscated|seized)",
        r"carried\s+off|(?:drove|made|ran|went)\s+off\s+with|stole|stolen|looted|froze\s+(?:\S+\s+){0,5}(?:accounts?|assets|funds)|(?:accounts?|assets)\s+(?:were|was)\s+frozen",
        r"(?:accounts?|assets|funds)\s+(?:of\s+(?:\S+\s+){1,3}?)?(?:were|was|had\s+been|have\s+been|has\s+been)\s+frozen|"
        r"commandeer(?:ed|ing)|requisition(?:ed|ing)\s+(?:the|their|his|her|its)|land[-\s]grabs?|grabb(?:ed|ing)\s+"
        r"(?:\S+\s+){0,2}?(?:land|lands|farmland|fields|plots)\b",
        r"(?:forced|made|ordered|told|compelled|demanded)\s+(?:\S+\s+){0,3}?to\s+hand\s+over\s+(?:\S+\s+){0,2}?"
        + _EQUIPMENT,
    ],
    Act.PROPERTY_DESTRUCTION: [
        r"setting\s+(?:on\s+)?(?:fire|alight|ablaze)|set(?:ting)?\s+fire\s+to",
        r"threw\s+(?:an?\s+)?(?:burning\s+|lit\s+)?(?:bottles?|petrol\s+bombs?|molotovs?|incendiary\s+\w+|firebombs?)\s+(?:\S+\s+){0,3}?at\s+(?:the|his|her|their|its|our)\s+(?:\w+\s+)?(?:door|house|home|office|car|window|building|gate)",
        r"(?:sprayed|daubed|painted|covered)\s+with\s+(?:\S+\s+)?(?:graffiti|slogans|paint)",
        r"slash(?:ed|ing)|(?:torn|tore|pulled)\s+down",
        r"arson(?:\s+attacks?)?|set\s+(?:on\s+)?(?:fire|alight|ablaze)|set\s+\w+\s+(?:on\s+)?(?:fire|alight)|"
        r"set\s+(?:\S+\s+){2,4}?(?:on\s+fire|alight|ablaze)",
        r"torch(?:ed|ing)|firebomb(?:ed|ing)|molotov|burn(?:ed|t)\s+(?:down|out)|burn(?:ed|t)|gutted",
        r"destroyed\s+(?:in|by)\s+(?:a\s+)?fire|fire\s+(?:destroyed|gutted|broke\s+out)",
        r"demolish(?:ed|ing|es)|demolition|bulldoz(?:ed|ing|es)|raze[sd]|(?:flattened|levell?ed|leveled)\s+(?:to\s+the\s+ground|by)",
        r"(?:bulldozers|excavators|diggers)\s+(?:\S+\s+){0,3}?(?:cleared|flattened|levelled|leveled|destroyed|tore\s+down|ploughed)",
        r"vandali[sz](?:ed|ing|m)|smash(?:ed|ing)|destroy(?:ed|ing)|damag(?:ed|ing)|defaced|daubed",
        # the elliptic passive of a log or a list: "the lock was filled with glue and the windows broken"
        r"(?:windows?|windscreens?|windshields?|doors?|locks?|gates?|shutters?)\s+(?:(?:was|were|had\s+been|have\s+been)\s+)?"
        r"(?:broken|shattered|kicked\s+in|glued|filled\s+with\s+(?:glue|foam|cement|sealant))",
        r"(?:broke|shattered|kicked\s+in)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+|our\s+)?(?:\w+\s+)?(?:windows?|windscreens?|windshields?)",
        # what is left, and what is thrown at a building: "reduced to rubble", "a firebomb thrown at it"
        r"reduced\s+to\s+(?:rubble|ashes|ruins|cinders)|(?:left|lay|lies)\s+in\s+ruins|wreck(?:ed|ing)|trash(?:ed|ing)",
        r"(?:petrol\s+bombs?|molotov\s+cocktails?|firebombs?|incendiary\s+(?:devices?|bombs?)|grenades?|explosive\s+devices?|"
        r"stones|rocks|bricks)\s+(?:\S+\s+){0,3}?(?:was|were|had\s+been)\s+(?:thrown|hurled|lobbed|planted)\s+(?:at|into|on|"
        r"through)\s+(?:the|his|her|their|its)\s+(?:\S+\s+){0,2}?" + _PREMISES,
        r"uproot(?:ed|ing)|(?:cut|chopped)\s+down\s+(?:\S+\s+){0,3}?(?:olive|fruit|orange|lemon|almond|apple|date|cherry)\s+trees",
    ],
    Act.FORCED_DISPLACEMENT: [
        r"(?:took|sought|taking|seeking|taken)\s+refuge|abandon(?:ed|ing)\s+(?:their|his|her)\s+(?:homes?|farms?|villages?|lands?)",
        r"made\s+to\s+(?:cross|leave)|forced\s+(?:\S+\s+){0,6}?across",
        r"(?:ran|run|fled|escaped)\s+(?:away\s+)?(?:to|into)\s+the\s+(?:bush|forest|mountains|hills|woods|jungle)",
        r"forcibly\s+(?:returned|deported|expelled|evicted)|refoul(?:ed|ement)|(?:fled|flee|fleeing)\s+(?:their|his|her)\s+homes?",
        r"fle(?:e|d|eing|es)\b|forced\s+(?:\S+\s+){0,5}to\s+flee",
        r"put\s+on\s+a\s+(?:plane|flight|train|bus)\s+to|extradited|extradition(?!\s+(?:treat(?:y|ies)|agreements?|laws?|requests?))",
        # removed from the country: "they put us on a plane to Guatemala"
        r"put\s+(?:him|her|them|us|me|\d+\s+of\s+(?:us|them))\s+on\s+(?:a|the)\s+(?:\w+\s+)?(?:plane|flight)\s+(?:to|bound\s+for)",
        # pushbacks at a border: "pushed back across the river", "put into an inflatable boat"
        r"(?:pushed|forced|sent|driven|taken)\s+(?:\S+\s+){0,2}?back\s+(?:across|over)\s+(?:the\s+)?"
        r"(?:border|river|frontier|sea|line)",
        r"(?:put|forced|loaded|placed)\s+(?:\S+\s+){0,3}?(?:into|onto|in)\s+(?:an?\s+)?(?:\w+\s+)?"
        r"(?:dinghy|dinghies|inflatable\s+boats?|rubber\s+boats?|rafts?)",
        r"forced\s+out\s+of\s+(?:their|his|her|the|its)\s+(?:homes?|houses?|village|villages|land|flats?|apartments?)|"
        r"ordered\s+(?:\S+\s+){0,2}?to\s+leave\s+the\s+(?:country|territory|region|village|town|area|island)",
        # joining a flight already under way: "joined thousands of residents fleeing the town"
        r"join(?:ed|ing)\s+(?:\S+\s+){0,6}?(?:fleeing|exodus|flight\s+from)",
        # an order to go at once: "told them to leave within an hour"
        r"(?:told|ordered|gave)\s+(?:\S+\s+){0,3}?(?:to\s+)?(?:leave|vacate|clear\s+out)\s+(?:\S+\s+){0,3}?(?:within|in)\s+(?:an?\s+|\d+\s+|\w+\s+)?"
        r"(?:hours?|minutes|days?)",
        r"expel(?:led|ling|s)?|expulsion|evict(?:ed|ion|ions|s)|deport(?:ed|ation|ations|s)",
        r"(?:told|ordered|forced|made)\s+(?:\S+\s+){0,3}?to\s+(?:leave|abandon|vacate)\s+(?:the|their|his|her|our|my)\s+(?:village|"
        r"homes?|houses?|land|lands|area|town|district|valley|farms?|flats?|apartments?)\b",
        # pushed out of a home, a country or a border: "thrown out of their homes", "forced into exile"
        r"(?:thrown|kicked|turned|thrown)\s+out\s+of\s+(?:their|his|her|the|its)\s+(?:homes?|houses?|flats?|apartments?|land|"
        r"village|shelter|dormitory|country)|(?:forced|driven|sent|pushed|hounded)\s+into\s+exile",
        r"push(?:ed|ing)\s+back\s+(?:\S+\s+){0,3}?(?:asylum[-\s]seekers|migrants|refugees|families|boats?)\b",
        r"put\s+(?:him|her|them|us|me)\s+on\s+(?:a|the)\s+(?:\w+\s+)?(?:plane|flight)\b",
        r"(?:relocated|moved|resettled|transferred)\s+(?:\S+\s+){0,4}?against\s+(?:their|his|her|our|my)\s+will",
        r"forced\s+(?:\w+\s+)?to\s+(?:leave|flee|move|relocate|abandon)|forcibly\s+(?:relocated|transferred|removed|displaced)",
        # people moved in a body where they did not choose: "transferred them by truck to a site"
        r"(?:transferred|moved|relocated|trucked|bussed|resettled)\s+(?:them|the\s+\w+|(?:\d+|several|all)\s+\w+)\s+(?:\S+\s+){0,3}?to\s+"
        r"(?:a|an|the)\s+(?:\w+\s+)?(?:site|camp|settlement|relocation\s+area|resettlement\s+area)",
        # "newly displaced households", "displaced people" name a status, not the occasion of a flight
        r"(?<!newly\s)(?<!internally\s)displace(?:d|ment)(?!\s+(?:people|persons|families|households|residents|children|"
        r"civilians|population|communities|villagers|camps?|sites?)\b)|driven\s+(?:out|from)|banished",
    ],
    Act.SMEAR_CAMPAIGN: [
        r"(?:posters?|leaflets?|flyers?|banners?|graffiti|stickers?)\s+(?:(?!against\b|about\b)\S+\s+){7,24}?[“\"«‘][^”\"»’]{0,80}?"
        + _QUOTED_LABEL,
        r"(?:repentance|confession|apology|apologetic)\s+video|video\s+(?:\S+\s+){0,8}(?:confess\w*|repent\w*|apologi\w+)",
        r"add(?:ed|s)?\s+(?:\S+\s+){0,16}?to\s+(?:the\s+|its\s+|a\s+)?(?:\S+\s+)?(?:register|list|registry)\s+of\s+(?:“|\")?(?:foreign\s+agents|extremists|terrorists|terrorist)",
        r"(?:said|says|told|tell|claimed|claims|alleged|stated|call(?:s|ed|ing)?|describ(?:es|ed|ing|e)|brand(?:s|ed|ing)?|"
        rf"label+(?:s|ed|ing)?|accus(?:es|ed|ing|e)(?!\s+\S+\s+of\s+[“\"«‘\'])|show(?:s|ed)?)\s+{_NOT_PEOPLE}{_UNTIL_SPEECH}{{0,15}}?[“\"«‘\'][^”\"»’\']{{0,80}}?"
        + _QUOTED_LABEL,
        r"broadcast\s+(?:a\s+|his\s+|her\s+|their\s+)?(?:“|\")?(?:confession|apology)",
        r"(?:“|\"|\')?(?:staged|fabricated|invented|faked)(?:”|\"|\')?\s+(?:their|his|her|the)\s+(?:own\s+)?(?:abduction|disappearance|attack|beating|kidnapping|arrest)",
        r"(?:call(?:s|ed|ing)?|brand(?:s|ed|ing)?|label+(?:s|ed|ing)?|describ(?:es|ed|ing)|portray(?:s|ed|ing)|dubb(?:ed|ing)|nam(?:es|ed|ing)|denounc(?:es|ed|ing)|present(?:s|ed|ing)|"
        r"referr(?:ed|ing)\s+to|refers\s+to|depict(?:s|ed|ing)|paint(?:s|ed|ing))\s+"
        + _NOT_PEOPLE
        + r"(?:\S+\s+){0,8}?as\s+(?:“|\"|«|‘|\')",
        r"(?:call(?:s|ed|ing)?|brand(?:s|ed|ing)?|label+(?:s|ed|ing)?|describ(?:es|ed|ing)|portray(?:s|ed|ing)|dubb(?:ed|ing)|nam(?:es|ed|ing)|accus(?:es|ed|ing))\s+"
        + _NOT_PEOPLE
        + r"(?:\S+\s+){0,6}?(?:as\s+|of\s+being\s+)?(?:“|\"|«)(?:an?|the)\s",
        r"brand(?:s|ed|ing)\s+(?:\S+\s+){0,7}?(?:“|\"|«|‘|\')?(?:an?\s+)?" + _LABELS,
        r"(?:said|claimed|alleged|stated|wrote|posted|declared|suggested)\s+(?:\S+\s+){0,12}?(?<!\bthis\s)(?<!\bit\s)(?<!\bthat\s)"
        r"(?:was|were|is|are)\s+(?:“|\"|«)(?:an?|the)\s",
        r"(?:publish(?:ed|es)?|print(?:ed|s)?|air(?:ed|s)?|broadcast|post(?:ed|s)?|show(?:ed|s)?|leak(?:ed|s)?)\s+(?!neither\b|no\b)(?:\S+\s+){0,3}(?:names|(?:home\s+)?addresse?s?|"
        r"personal\s+data|phone\s+numbers)|(?:publish(?:ed|es)?|print(?:ed|s)?|air(?:ed|s)?|post(?:ed|s)?|show(?:ed|s)?)\s+(?:\S+\s+){0,3}"
        r"(?:photographs|photos|pictures)\s+of\s+(?:the\s+)?(?:detained|arrested|his|her|their|staff|activists|journalists|"
        r"lawyers|members|children|relatives|family|(?-i:[A-Z]))",
        r"(?:televised|filmed|forced|recorded)\s+confessions?|(?:appeared|aired|shown)\s+(?:\S+\s+){0,8}(?:video|broadcast|segment|programme|program)\s+(?:\S+\s+){0,10}(?:confess\w*|apologi\w+|repent\w*|traitor)",
        r"(?:staged|fabricated|invented)\s+(?:their|his|her|the)\s+(?:own\s+)?(?:abduction|disappearance|attack|beating|kidnapping)",
        rf"label(?:led|ed|ling|ing)\s+(?:\S+\s+){{0,4}}(?:as\s+)?(?:an?\s+)?(?:“|\")?{_LABELS}",
        rf"brand(?:ed|ing)\s+(?:\S+\s+){{0,4}}(?:as\s+)?(?:an?\s+)?{_LABELS}",
        rf"(?:call|describ|portray|denounc|declar|nam|dubb?|depict|present|cast|dismiss)(?:s|es|ed|d|e|ing)?\s+(?:\S+\s+){{0,6}}?(?:as\s+)?(?:an?\s+)?(?:“|\"|‘|\'|«)?{_LABELS}",
        r"defam(?:ed|ation|atory)|smear(?:ed|s|ing)?|slander(?:ed|ous)?|discredit(?:ed|ing)",
        r"(?:claimed|claiming|alleged|alleging|accused|accusing|said|suggested|suggesting)\s+(?:\S+\s+){0,8}(?:assist(?:ing|ed)|help(?:ing|ed)|financ(?:ing|ed)|"
        r"fund(?:ing|ed)|support(?:ing|ed)|work(?:ing|ed)\s+for|collaborat(?:ing|ed)\s+with|spying\s+for)\s+"
        r"(?:\S+\s+){0,2}(?:insurgents|terrorists|militants|extremists|foreign|the\s+west|enem(?:y|ies)|"
        r"western|the\s+enemy|separatists|terrorism|extremism|separatism)",
        # a film or a list that names people as enemies: 'a video titled "The traitors among us"'
        r"(?:videos?|clips?|films?|documentar(?:y|ies)|programmes?|programs?|reports?|articles?|posts?|segments?|broadcasts?)\s+"
        r"(?:\S+\s+){0,2}?(?:titled|entitled|headlined|captioned)\s+[“\"«‘\'][^”\"»’\']{0,80}?"
        + _QUOTED_LABEL,
        r"(?:websites?|lists?|pages?|channels?|database)\s+(?:\S+\s+){0,2}?(?:listing|naming)\s+[“\"«]?(?:enem|traitor|agent|"
        r"terroris|extremis|spies)\w*",
        rf"(?:posters|leaflets|banners|graffiti|broadcasts?|reports?)\s+(?:\S+\s+){{0,6}}(?:calling|labell?ing|"
        rf"depicting|describing|branding)\s+(?:\S+\s+){{0,4}}(?:as\s+)?(?:“|\")?{_LABELS}",
        r"foreign\s+agent\s+(?:list|register|label|status)|(?:designated|listed|added)\s+(?:\S+\s+){0,3}as\s+"
        r"(?:a|an)\s+(?:“|\")?foreign\s+agent",
        r"hate\s+speech|vilif(?:ied|ication)",
        # a hostile piece in the media: "ran a story accusing the union of sabotage", "portraying them as"
        r"(?:stor(?:y|ies)|programmes?|programs?|segments?|documentar(?:y|ies)|films?|videos?|editorials?|broadcasts?|"
        r"shows?|series|columns?|campaigns?|posts?|articles?|leaflets?|posters?)\s+(?:\S+\s+){0,3}?(?:portraying|"
        r"depicting|painting|branding|labell?ing|vilifying|smearing|denouncing|mocking|ridiculing|demoni[sz]ing|"
        r"stigmati[sz]ing|(?:accusing|alleging|claiming|suggesting|insinuating)\s+(?:\S+\s+){0,6}?(?:of\s+)?(?:being\s+|"
        r"were\s+|was\s+|are\s+|is\s+)?(?:spies|spying|sabotage|treason|traitors?|betray\w*|agents?|paid|funded|financed|"
        r"working\s+for|serving|on\s+(?:a|the)\s+(?:\w+\s+)?payroll|collaborat\w*|terroris\w+|extremis\w+|links?\s+to|"
        r"ties\s+to))\b",
        # a label in a hostile piece: "a video claiming the activist was a drug addict"
        r"(?:videos?|programmes?|programs?|segments?|documentar(?:y|ies)|films?|posts?|articles?|broadcasts?|shows?)\s+"
        r"(?:\S+\s+){0,3}?(?:claiming|alleging|suggesting|saying|insinuating)\s+(?:that\s+)?(?:\S+\s+){0,4}?(?:was|were|is|are)\s+"
        r"(?:an?\s+)?(?:\w+\s+)?" + _LABELS,
        r"dismiss(?:ed|es|ing)\s+(?:\S+\s+){0,5}?as\s+(?:an?\s+)?[“\"«‘\']",
        # accused of disloyalty, not of an offence: "accused the lawyer of betraying her country"
        r"(?:publicly|openly|repeatedly)\s+(?:accus|denounc|insult|brand|label|vilif|attack)\w*|accus\w*\s+(?:\S+\s+){0,4}?of\s+"
        r"(?:betray\w+|being\s+(?:an?\s+)?(?:\w+\s+)?(?:agents?|spies|spy|traitors?|enem\w+|puppets?|mercenar\w+)|"
        r"working\s+for\s+(?:foreign|the\s+enemy|western|the\s+west)|serving\s+(?:foreign|western|the\s+enemy))",
        # a label told about someone: "told the whole village that I was a terrorist"
        r"(?:told|said|wrote|announced|declared|claimed)\s+(?:\S+\s+){0,5}?that\s+(?:i|he|she|they|we|(?:his|her|their|my|"
        r"our)\s+\w+)\s+(?:was|were|is|are)\s+(?:an?\s+)?(?:\w+\s+)?(?:terrorists?|traitors?|spy|spies|foreign\s+agents?|"
        r"agents?\s+of|enem(?:y|ies)|extremists?|criminals?|liars?|provocateurs?|mercenar(?:y|ies)|puppets?|prostitutes?)\b",
        # foreign money alleged: "accused the activist of being paid by foreign embassies", "payroll"
        r"(?:accus|alleg|claim|suggest|insinuat|portray|present|depict|brand|saying|says|wrote|writ|told)\w*\s+"
        r"(?:\S+\s+){0,10}?(?:paid|funded|financed|bankrolled|sponsored|controlled|directed|run|working)\s+(?:by|for|from)\s+"
        r"(?:\S+\s+){0,2}?(?:foreign(?:ers)?|abroad|the\s+west|western|embass\w+|the\s+enemy|enem\w+|intelligence|special\s+services|"
        r"drug\s+(?:traffickers|cartels|lords|dealers)|cartels?|the\s+mafia|terrorists|criminals|gangs?|the\s+opposition)|(?:accus|alleg|claim|"
        r"suggest|insinuat)\w*\s+(?:\S+\s+){0,12}?(?:on\s+(?:a|the)\s+(?:foreign|western|enemy|\w+\s+government['’]s)\s+"
        r"payroll|for\s+(?:foreign|western)\s+(?:money|cash|grants|funding))",
        # a public made to fear people: "stigmatised the activists as a threat to children"
        r"(?:stigmati[sz]|demoni[sz])(?:ed|es|ing)\s+(?:\S+\s+){0,6}?as\b|(?:stigmati[sz]ation|demoni[sz]ation)\s+of|"
        r"(?:portray|present|depict|describ|paint|brand|label)\w*\s+"
        + _NOT_PEOPLE
        + r"(?:\S+\s+){0,5}?as\s+(?:an?\s+)?(?:\w+\s+)?(?:threat|danger|menace)\s+to\b",
        # money from abroad alleged: "claimed that the activist had received money from abroad"
        r"(?:claim|alleg|accus|suggest|insinuat)\w*\s+(?:\S+\s+){0,8}?(?:receiv\w+|tak\w+|took|accept\w+|paid)\s+(?:\S+\s+)?"
        r"(?:money|funds|funding|payments?|cash|grants?)\s+from\s+(?:an?\s+|the\s+)?(?:abroad|foreign|the\s+west|western|(?:\S+\s+)?embass\w+|"
        r"the\s+enemy|enem\w+)",
        r"(?:doctored|faked?|fabricated|manipulated|deepfake|forged)\s+(?:videos?|photos?|photographs?|images?|recordings?|"
        r"audio|screenshots?)|(?:walls?|boards?|stands?)\s+of\s+shame",
        # exposure: a real name, a home address or a house put before a hostile public
        r"(?:publish|post|leak|reveal|disclos|print|shar|circulat)\w*\s+(?:\S+\s+){0,6}?(?:real|full|home|private|personal)\s+"
        r"(?:names?|address(?:es)?|identit(?:y|ies)|phone\s+numbers?|photo(?:graph)?s|pictures|videos|correspondence|"
        r"messages|medical\s+records)|(?:publish|post|shar|circulat)\w*\s+(?:\S+\s+){0,8}?(?:name|names)\s+of\s+"
        r"(?:his|her|their)\s+(?:street|building|village|school|workplace|employer|neighbou?rhood)|"
        r"(?:publish|post|shar|circulat)\w*\s+(?:\S+\s+){0,3}"
        r"(?:photographs?|photos?|pictures?|videos?)\s+of\s+(?:\S+\s+){0,3}(?:house|home|flat|apartment|door|car|children)",
        # a front page or a poster that names people: 'ran their photographs under the headline "..."'
        r"(?:photographs?|photos?|pictures?|portraits?|faces?|images?)\s+(?:\S+\s+){0,6}?(?:under|with|beneath)\s+"
        r"(?:the\s+|a\s+)?(?:headlines?|headings?|captions?|titles?|words?|slogans?)",
        r"(?:headlines?|headings?|captions?|posters?|leaflets?|stickers?)\s+(?:(?!against\b|about\b|on\b)\S+\s+){0,6}?"
        r"[“\"«‘\'][^”\"»’\']{0,80}?(?:"
        + _QUOTED_LABEL
        + r"|terror\b|liars?|sells?\b|sold\b|paid\b|smuggl\w*|traffick\w*)",
    ],
    Act.JUDICIAL_HARASSMENT: [
        r"(?:named|declared|designated|listed|made)\s+(?:as\s+)?(?:an?\s+)?(?:official\s+)?suspects?\b",
        # a testimony's words for a sentence or a penalty: "the judge gave me fifteen days"
        r"(?:judge|court|magistrate|tribunal)\s+(?:\S+\s+){0,2}?(?:gave|handed)\s+(?:\S+\s+){1,3}?(?:\d+|\w+)\s+(?:days|"
        r"months|years)\b(?!\s+to\b)|(?:court|judge|magistrate|tribunal)\s+(?:\S+\s+){0,3}?ordered\s+(?:\S+\s+){1,4}?to\s+"
        r"pay\b|(?:drew|drawn|draw)\s+up\s+(?:an?\s+)?(?:\w+\s+)?(?:reports?|protocols?|records?|charge\s*sheets?)\s+against",
        r"accus(?:ed|ing)\s+(?:him|her|them|me|us)\s+of\s+(?:joining|membership|belonging|spreading|financing|funding|inciting|organi[sz]ing|insulting|publishing|disseminating|undermining|collaborating|spying)",
        r"(?:was|were|is|are)\s+(?:now\s+)?under\s+(?:criminal\s+)?investigation\s+(?:for|over|on\s+suspicion)",
        r"(?:gave|given|handed\s+(?:down\s+)?)\s+(?:\S+\s+){0,2}?(?:\d+|\w+)\s+years?\s+(?:of|in|to)\b|"
        r"appeal\s+(?:was\s+|were\s+)?(?:rejected|dismissed|denied)|"
        r"(?:upheld|confirmed)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:sentence|conviction|verdict|ruling|fine)|(?:refused|denied)\s+(?:\S+\s+){0,2}bail",
        r"(?:allowed|authori[sz]ed|permitted)\s+(?:\S+\s+){0,2}to\s+(?:hold|detain|keep)|ordered\s+(?:the\s+)?(?:\S+\s+)?(?:arrest|detention)\s+of",
        r"charg(?:es|ed|e)(?!\s+(?:into|at|towards|through|forward)\b)\s+(?:\S+\s+){0,20}?with(?!\s+(?:their\s+|his\s+|its\s+)?(?:batons|truncheons|clubs|sticks|horses|tear|shields|whips|bayonets))|(?:open|launch|initiat|announc|start|register|fil|lodg)\w*\s+(?:a\s+|an\s+)?(?:new\s+)?(?:criminal\s+)?(?:investigation|case|proceedings|complaint|"
        r"first\s+information\s+report|fir|police\s+report|charge\s*sheet)\s+against",
        r"summon(?:ed|s)\s+(?:him|her|them|\S+)\s+(?:under|to|for|over|in)",
        r"summon(?:ed|s)\s+(?:(?!and\b)\S+\s+){0,8}?(?:to|for)\b",
        r"(?:issued|obtained|sought)\s+(?:an?\s+)?(?:\S+\s+)?arrest\s+warrants?",
        r"(?:criminal\s+)?(?:case|fir|complaint|charges?)\s+(?:\(\w+\)\s+)?(?:was\s+|were\s+|has\s+been\s+)?"
        r"(?:registered|filed|lodged|opened)\s+(?:\S+\s+){0,5}?(?:for|against|over|under)",
        r"accus(?:ed|ing)\s+(?:him|her|them)\s+of\s+[“\"«]",
        r"fines|charg(?:es|ed)\s+(?:him|her|them|\w+)\s+with|filed\s+(?:\S+\s+){0,2}(?:complaints?|charges|lawsuit|case)",
        r"(?:ordered|orders|renewed|renews|extended|extends)\s+(?:\S+\s+){0,4}(?:detention|re-?arrest|pre-?trial|to\s+be\s+(?:held|detained|remanded))",
        r"charged\s+(?:with|under)|charges?\s+(?:of|against|under)|criminal\s+charges?|indict(?:ed|ment)",
        r"prosecut(?:ed|ion|ing)|criminal\s+(?:case|proceedings|investigation)\s+(?:was\s+|has\s+been\s+)?"
        r"(?:opened|launched|initiated|brought)|opened\s+a\s+criminal\s+(?:case|investigation)",
        r"sentenc(?:ed|es)|convict(?:ed|s)|found\s+guilty|ruled\s+(?:against|that)|fined|a\s+fine\s+of|lawsuits?|sued|put\s+on\s+trial|stood\s+trial",
        r"administrative\s+(?:case|offen[cs]e|charges?|protocol)|summoned\s+(?:for|to)|interrogat(?:ed|ion)",
        # words that speech acts share with the courts: a defamation suit, an extradition request
        r"(?:criminal\s+)?(?:defamation|libel|slander)\s+(?:complaints?|suits?|lawsuits?|cases?|charges?|proceedings|claims?)|"
        r"extradition\s+(?:requests?|warrants?|proceedings|case|hearings?)|(?:request(?:ed|s)?|sought|seek(?:s|ing)?)\s+"
        r"(?:\S+\s+){0,3}extradition",
        r"(?:placed|put)\s+on\s+(?:a|the)\s+(?:\w+\s+)?wanted\s+list|accused\s+of\s+(?:\S+\s+){0,3}"
        r"(?:extremism|terrorism|treason|espionage|fraud|hooliganism|disseminating|spreading|inciting|"
        r"participat|organi[sz]|insult|abuse)",
        # the sanction and its appeal: "ordered to pay a fine", "appealed the acquittal", "tried in absentia"
        r"(?:ordered|sentenced|made|forced)\s+to\s+pay\s+(?:a\s+)?(?:\S+\s+){0,2}?(?:fines?|damages|compensation)|"
        r"appeal\w*\s+(?:against\s+)?(?:the\s+|his\s+|her\s+|their\s+)?acquittal|(?:tried|convicted|sentenced|prosecuted|"
        r"judged)\s+in\s+absentia",
        r"(?:request|demand|sought|seek|ask)\w*\s+(?:a\s+|an\s+)?(?:\S+\s+){0,2}?(?:prison|jail|custodial)\s+(?:terms?|"
        r"sentences?)|(?:rejected|dismissed|denied|turned\s+down)\s+(?:\S+\s+){0,3}?appeals?\b|refus\w*\s+(?:to\s+)?"
        r"(?:release|free)\s+(?:\S+\s+){0,4}?on\s+bail|(?:handed|gave|given)\s+(?:\S+\s+){0,6}?(?:sentence|prison\s+term|"
        r"jail\s+term)\b",
        # custody prolonged by a court: "extended the remand of the defender", "her remand was renewed"
        r"(?:extend|prolong|renew)\w*\s+(?:\S+\s+){0,4}?(?:remand|custody|arrest|pre-?trial)|(?:remand|custody|detention)\s+"
        r"(?:\S+\s+){0,3}?(?:was|were|has\s+been|had\s+been)\s+(?:again\s+)?(?:extended|prolonged|renewed)",
        r"(?:placed|put)\s+under\s+(?:criminal\s+|formal\s+|official\s+)?investigation|(?:questioned|interrogated|"
        r"interviewed|summoned|named)\s+(?:\S+\s+){0,4}?as\s+(?:an?\s+)?(?:\w+\s+)?(?:suspects?|accused|defendants?)\b",
        r"(?:upheld|confirmed|quashed\s+the\s+acquittal\s+and\s+reinstated)\s+(?:\S+\s+){0,3}?(?:sentences?|convictions?|"
        r"verdicts?|fines?|ruling)",
        r"found\s+(?:(?!not\b)\S+\s+){1,4}?guilty|(?:imposed|handed\s+down|passed|gave)\s+(?:\S+\s+){0,3}?(?:sentences?|"
        r"fines?|prison\s+terms?|penalt(?:y|ies))\b(?!\s+(?:reductions?|guidelines|laws?|codes?))",
        # a case opened on a person, not on a crime against one: "opened an investigation into the journalist"
        r"(?:open|launch|initiat|start|begin|began|begun)\w*\s+(?:a\s+|an\s+)?(?:new\s+)?(?:criminal\s+|preliminary\s+)?"
        r"(?:investigation|inquiry|probe|case|proceedings)\s+(?:into|against)\s+(?:him|her|them|(?:the|a|an|two|three|"
        r"several)\s+(?:\w+\s+)?(?:journalists?|activists?|lawyers?|bloggers?|defenders?|editors?|reporters?|members?|"
        r"leaders?|organi[sz]ations?|ngos?|group|newspaper|outlet|foundation|association|union|party|director|founder|"
        r"staff|researchers?|academics?|professors?|students?|protesters|organi[sz]ers?|critics?|monitors?|artists?|"
        r"writers?|poets?|singers?|rappers?|doctors?)\b(?![\'’]))",
    ],
    Act.RESTRICTION_OF_MOVEMENT: [
        # (the agent may stand before: "officers took her passport" is no arrest of her)
        r"(?:(?:officers|police|policemen|guards|officials|agents|soldiers|they)\s+)?(?:took|taken|take)\s+"
        r"(?:my|his|her|their|our)\s+passports?|(?:could|can)\s*not\s+leave\s+the\s+country|stopped\s+(?:\S+\s+){0,8}?as\s+(?:he|she|they|i|we)\s+(?:was|were)\s+about\s+to\s+(?:board|leave|fly|cross)",
        r"not\s+(?:permitted|allowed)\s+to\s+(?:leave|travel|board|exit|depart)|(?:placed|put|added|included)\s+(?:\S+\s+){0,3}?on\s+(?:the|a|an)\s+(?:\S+\s+){0,2}?(?:exit[-\s]control|no-?fly|stop|travel[-\s]ban)\s+list",
        r"(?:cancel|annul|revok|withh[eo]ld|kep|keep|confiscat|seiz)\w*\s+(?:\S+\s+){0,5}passports?|turn(?:ed|s)?\s+(?:\S+\s+){0,5}back\s+(?:at|from)|turned\s+back",
        r"withh(?:e|o)ld(?:s|ing)?\s+(?:his|her|their)\s+passports?",
        r"(?:barred|banned|prevented|stopped|blocked)\s+(?:\S+\s+){0,3}from\s+(?:leaving|travel\w*|entering|boarding|crossing|flying)",
        r"ban\s+on\s+(?:(?:foreign|international|overseas)\s+)?(?:leaving|travel\w*|exit)|"
        r"turn(?:ed|s|ing)?\s+(?:\S+\s+){0,3}?away\s+at\s+(?:the\s+)?(?:\w+\s+)?(?:border|crossing|airport|checkpoint|frontier)|(?:stopped|prevented|banned|barred)\s+from\s+(?:boarding|leaving|travel\w*|crossing)|refused\s+entry",
        r"travel\s+bans?|banned\s+from\s+(?:leaving|travel(?:l)?ing|entering)|barred\s+from\s+(?:leaving|entering|"
        r"travel(?:l)?ing|boarding)",
        r"(?:denied|refused)\s+(?:\w+\s+)?(?:entry|exit|boarding)|entry\s+ban|turned\s+back\s+at",
        r"prevented\s+(?:\S+\s+){0,2}from\s+(?:leaving|boarding|travel(?:l)?ing|crossing|entering|flying|going\s+to|"
        r"moving\s+(?:freely|around|between|out)|accessing\s+(?:their|his|her)\s+(?:fields|land|farms|homes|village))",
        r"passports?\s+(?:was|were|had\s+been)\s+(?:confiscated|seized|cancell?ed|annulled|withheld|taken\s+(?:from|away)"
        r"(?:\s+(?:from\s+)?(?:him|her|them|me|us))?)|"
        r"(?:confiscated|seized|cancell?ed|annulled)\s+(?:his|her|their|my|our)\s+passports?",
        r"not\s+allowed\s+to\s+(?:leave|travel)|exit\s+ban|stopped\s+at\s+the\s+border",
        # "refused to let him board a flight", "would not allow her to cross", "restricted from leaving"
        r"(?:refus\w+|declin\w+|(?:did|would|could)\s+not)\s+(?:to\s+)?(?:let|allow)\s+(?:\S+\s+){1,3}?(?:to\s+)?"
        r"(?:board|leave|cross|travel|fly|exit|depart)|restricted\s+from\s+(?:leaving|travel\w*|exit\w*)",
        # a written undertaking not to leave: "had to sign a paper that I would not leave the city"
        r"sign\w*\s+(?:\S+\s+){0,5}?(?:that\s+(?:i|he|she|they|we)\s+would\s+not|not\s+to)\s+leave|"
        r"(?:undertaking|pledge|obligation)\s+not\s+to\s+leave",
        r"(?:removed|offloaded|off-loaded|escorted\s+off)\s+(?:from\s+)?(?:the|a|his|her|their)\s+(?:\w+\s+)?"
        r"(?:flight|plane|aircraft|ferry)|(?:refus\w+|denied|declin\w+)\s+(?:to\s+)?(?:issue|renew|return|give\s+back|"
        r"hand\s+back)\s+(?:\S+\s+){0,2}(?:passports?|travel\s+documents?|exit\s+(?:visas?|permits?))",
        r"(?:imposed|declared|placed\s+under|put\s+under)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:curfew|blockade)|"
        r"(?:curfew|blockade)\s+(?:was|were|had\s+been)\s+(?:imposed|declared)",
        # sent back at a checkpoint: "told the driver to take us back", "turned them back"
        r"(?:told|ordered|forced|made)\s+(?:\S+\s+){0,3}?to\s+(?:take\s+(?:us|them|him|her|me)\s+back|turn\s+(?:back|around))|"
        r"(?:turned|sent)\s+(?:us|them|him|her|me)\s+back\b",
        r"(?:(?:did|would|could)\s+not|refus\w+\s+to|declin\w+\s+to)\s+(?:let|allow\w*|permit\w*)\s+(?:\S+\s+){1,16}?(?:to\s+)?"
        r"(?:(?:go\s+(?:in)?to|enter|reach|return\s+to|visit)\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+|a\s+)?(?:\w+\s+){0,2}?"
        r"(?:village|town|city|area|region|district|camp|country|zone|territory|homes?|lands?|fields?|island|province|"
        r"valley|settlement|site|quarter|neighbou?rhood)s?|pass|proceed|cross|return\s+home)\b",
        # told at the border: 'told by border police that she "could not leave for now"'
        r"told\s+(?:by\s+(?:\S+\s+){1,3}?)?(?:\S+\s+){0,3}?(?:that\s+)?(?:he|she|they|i|we)\s+[“\"«‘\']?(?:could|can|may)\s*"
        r"(?:not|n\'t|no\s+longer)\s+(?:leave|travel|fly|board|go\s+abroad|exit)\b|stopped\s+at\s+(?:the\s+)?(?:\S+\s+){0,3}?"
        r"(?:airport|border\s+crossing|border)\b",
        # bail conditions that hold a person in place: "the conditions are that I cannot leave the town"
        r"conditions?\s+(?:\S+\s+){0,5}?(?:cannot|can\'t|could\s+not|may\s+not|must\s+not|not\s+to|(?:does|do|did|would)\s+not)"
        r"\s+leave\s+(?:the\s+)?(?:\w+\s+)?(?:country|city|town|district|region|village|area|island|capital|province|"
        r"municipality|\w+(?=\s*(?:[,.;]|and\b|or\b|without\b|$)))",
        # held inside a place by force: "confined to the village", "placed the town under siege"
        r"confined\s+to\s+(?:the|their|its|a|an)\s+(?:\w+\s+)?(?:village|town|city|district|region|area|camp|"
        r"neighbou?rhood|compound|island|municipality|settlement|quarter)s?\b|(?:placed|put)\s+(?:\S+\s+){1,3}?under\s+"
        r"(?:an?\s+|the\s+)?(?:\w+\s+)?(?:curfew|blockade|siege)",
        # papers to travel withheld: "refused a passport to", "denied her a new passport"
        r"(?:refus|den(?:y|i))\w*\s+(?:(?:him|her|them|me|us|the\s+\w+)\s+)?(?:an?\s+|the\s+)?(?:new\s+|foreign\s+)?"
        r"(?:passports?|travel\s+documents?|exit\s+(?:visas?|permits?))\b",
        # leave to go refused: "refused permission to leave the country", "denied the right to return"
        r"(?:refus|den(?:y|i))\w*\s+(?:\S+\s+){0,3}?(?:permission|authori[sz]ation|leave|the\s+right|clearance)\s+to\s+"
        r"(?:leave|travel|exit|go\s+abroad|depart|return|enter|fly)\b",
        # ordered to stay: "ordered the defender not to leave the city", "forbade her to leave"
        r"(?:ordered|told|obliged|required|instructed)\s+(?:\S+\s+){0,3}?not\s+to\s+leave\b|(?:forb(?:ade|idden|id|ids)|"
        r"prohibit(?:ed|s|ing))\s+(?:\S+\s+){0,3}?(?:to\s+leave|from\s+(?:leaving|travel\w*|entering))\b",
        # the road closed to people: "stopped residents from reaching the town"
        r"(?:barred|banned|prevented|stopped|blocked|kept)\s+(?!(?:the|a|an|their)\s+(?:\w+\s+)?(?:march|rally|procession|"
        r"protest|demonstration|picket|vigil|parade)\b)(?:\S+\s+){0,3}?from\s+(?:reaching\s+(?:the|their|his|her|its|a)\s+(?:\w+\s+)?(?:town|city|village|border|airport|capital|"
        r"homes?|fields?|farms?|lands?|hospital|market|crossing|checkpoint|area|region|district|camp)s?|returning\s+(?:to|home)|"
        r"fleeing|exiting|going\s+(?:abroad|home|to\s+(?:the\s+)?(?:airport|border|capital))|moving\s+freely)\b",
    ],
    Act.RESTRICTION_OF_EXPRESSION: [
        r"disperse\s+(?:a|the|an|their)\s+(?:\w+\s+){0,3}?(?:march|rally|protest|crowd|gathering|demonstration|sit-?in|vigil|picket|meeting|procession)",
        r"(?:restrict(?:ed|ing)?|limit(?:ed|ing)?|throttl(?:ed|ing|e))\s+access\s+to\s+(?:\S+\s+){0,3}?(?:platforms?|websites?|sites?|internet|social\s+media|apps?|services?|networks?|messengers?)",
        r"suspend(?:ed|s|ing)\s+(?:\S+\s+){0,6}?for\s+(?:\S+\s+)?(?:days?|weeks?|months?|years?)|suspend(?:ed|s|ing)\s+(?:the\s+)?(?:\S+\s+){0,3}?(?:permit|licen[cs]e|registration|accreditation|activities|operations)",
        # an assembly stopped or sent away: "the march was stopped by police ... ordered to disperse"
        # (not the month: "On 4 March the lawyer was prevented from boarding" is no march stopped)
        r"(?<!\d\s)(?<!\bin\s)(?<!\bof\s)(?<!\bsince\s)(?<!\bon\s)(?<!\bearly\s)(?<!\blate\s)(?<!\bmid-)(?<!\buntil\s)(?<!\bby\s)"
        r"(?:march|rally|protest|procession|vigil|picket|sit-?in|gathering|demonstration|meeting|commemoration)\s+(?:\S+\s+){0,8}?(?:was|were)\s+(?:stopped|blocked|halted|prevented|banned|broken\s+up)(?!\s+by\s+(?:the\s+|its\s+)?organi[sz]ers)|ordered\s+to\s+disperse",
        r"(?:was|were)\s+closed\s+(?:down\s+)?(?:by\s+(?:an?\s+)?(?:\w+\s+)?order|on\s+(?:the\s+)?orders?)",
        r"(?:removed|evicted|cleared)\s+(?:the\s+)?(?:protesters|demonstrators|participants|strikers|marchers|sit-?in)",
        r"add(?:ed|s)?\s+(?:\S+\s+){0,16}?to\s+(?:the\s+|its\s+|a\s+)?(?:\S+\s+)?(?:list|register|registry)\s+of\s+(?:“|\")?extremist\s+materials",
        r"(?:become|became|becomes|been|is|are|was|were|remains?|remained)\s+(?:\S+\s+)?(?:inaccessible|unavailable|blocked)",
        r"(?:internet|access|connection|website|websites|network)\s+(?:\S+\s+){0,5}(?:was|were|has\s+been|have\s+been|is|are)\s+(?:\S+\s+)?(?:slowed|throttled|suspended|restricted|shut\s+off|cut\s+off|disconnected)",
        r"(?:office|premises|building|newsroom|headquarters|studio)\s+(?:\S+\s+){0,4}(?:was|were)\s+sealed|seal(?:ed|s)\s+(?:off\s+)?(?:the|its|their)\s+(?:office|premises|building|newsroom|mosque|church|temple|prayer\s+house|school)",
        r"declar(?:ed|es)\s+(?:\S+\s+){0,8}(?:“|\")?extremist(?:\s+materials?)?|(?:access|website)\s+blocked",
        r"internet\s+(?:\S+\s+){0,3}(?:unavailable|cut\s+off|down)|pushed\s+back\s+by\s+(?:riot\s+)?police",
        r"(?:internet|mobile|phone|network)\s+(?:\S+\s+){0,3}?(?:services?|access|connections?)\s+(?:was\s+|were\s+)?"
        r"(?:suspended|cut(?:\s+off)?|shut\s+down|blocked|disconnected|switched\s+off)",
        r"(?:internet|mobile\s+data|network)\s+(?:was|were|has\s+been|had\s+been)\s+(?:switched|turned|cut|shut)\s+off|"
        r"closed\s+(?:\S+\s+){0,3}(?:association|organi[sz]ation|ngo|newspaper|outlet|website|channel|radio|bureau)|"
        r"blocking\s+of|suspended\s+(?:\S+\s+){0,4}for\s+(?:\S+\s+)?(?:days|weeks|months|years)|"
        r"internet\s+(?:shutdown|blackout)|(?:internet|access|website|websites|network)\s+(?:\S+\s+){0,3}(?:was|were|has\s+been|have\s+been|remains?)\s+(?:\w+\s+)?(?:blocked|cut|shut\s+down|restricted|unavailable|throttled)",
        r"(?:break|broke|breaking|broken)\s+up\s+(?:the|a|an|their|one|two|three|several|both|each)\s+(?:\w+\s+)?(?:sit-in|protest|rally|march|meeting|demonstration|gathering|picket|vigil|strike)",
        r"(?:clear|cleared|clearing)\s+(?:\w+\s+)?protesters|told\s+to\s+disperse|cancell?ed\s+(?:\S+\s+){0,3}(?:legal\s+)?registration|(?:sealed|closed)\s+(?:off\s+)?the\s+premises",
        r"off\s+the\s+air|taken\s+off(?:\s+the)?\s+air|unavailable\s+(?:\S+\s+){0,4}(?:orders|authorities)",
        r"dispers(?:ed|al|ing)|broke\s+up\s+(?:a|the)\s+(?:\w+\s+)?(?:protest|rally|meeting|demonstration|"
        r"gathering|picket|vigil)",
        r"censor(?:ed|ship|ing)|block(?:ed|ing)\s+(?:access|the\s+website|its\s+website|websites?)|"
        r"website\s+(?:was|were)\s+blocked",
        r"shut\s+down|closed\s+down|liquidat(?:ed|ion)|forced\s+(?:\w+\s+)?to\s+close|ordered\s+(?:the\s+)?closure|"
        # "ordered the learning centre to close" (a road or a border closed is not an outlet: no object after)
        r"ordered\s+(?:the|a|an|its|their|his|her)\s+(?:\S+\s+){0,3}?(?:radio|station|newspaper|weekly|daily|paper|magazine|outlet|"
        r"channel|website|site|broadcaster|publisher|printing\s+house|press|cent(?:re|er)|office|organi[sz]ation|association|"
        r"ngo|union|party|theat(?:re|er)|gallery|bookshop|library|club)\s+to\s+(?:close|shut)(?:\s+down)?\b"
        r"(?!\s+(?:the|a|an|its|their|his|her|all)\b)",
        r"(?:revoked|withdrew|suspended|stripped)\s+(?:\S+\s+){0,3}(?:licen[cs]e|registration|accreditation|"
        r"broadcast)|(?:denied|refused)\s+(?:\w+\s+)?accreditation|deregister(?:ed)?",
        r"(?:banned|prohibited|cancell?ed)\s+(?:a|the|an|its|their)\s+(?:\w+\s+)?(?:rally|march|protest|"
        r"event|concert|screening|book|newspaper|publication|demonstration|meeting|conference|society|association|"
        r"organi[sz]ation|club|union|party|movement|lecture|talk|exhibition|performance|play|film|show|festival|seminar|"
        r"debate|reading|programme|program|vigil|picket|gathering|commemoration|parade|procession|magazine|song|album|"
        r"novel|documentary)",
        # an assembly stopped: "the rally was banned", "police stopped the march", "ended the picket"
        r"(?:rally|rallies|march|marches|protest|protests|demonstration|demonstrations|meeting|event|concert|exhibition|"
        r"screening|conference|gathering|picket|performance|festival|parade|vigil|play|lecture|fair|forum|seminar|congress|"
        r"strike|commemoration)\s+(?:was|were|had\s+been|"
        r"has\s+been)\s+(?:\w+ly\s+)?(?:banned|prohibited|stopped\s+by\s+(?:the\s+)?(?:police|authorities|officers|security|"
        r"soldiers|troops|guards)|broken\s+up|closed\s+(?:down\s+)?by|cancell?ed\s+(?:\S+\s+){0,2}"
        r"(?:after|following|under|by\s+order|on\s+the\s+orders?|at\s+the\s+request)\s+(?:\S+\s+){0,3}(?:pressure|police|"
        r"authorities|security|officials|ministry|order|governor|mayor|prosecutor))",
        r"(?:stopped|halted|blocked|ended)\s+(?:the|a|an|their|his|her|its)\s+(?:\w+\s+)?(?:march|rally|protest|procession|"
        r"demonstration|picket|meeting|vigil|concert|performance|screening|exhibition|sit-?in|gathering|parade|assembly|"
        r"commemoration)",
        # an outlet's licence or a journalist's accreditation taken away
        r"(?:licen[cs]e|registration|accreditation|broadcast\s+rights)\s+(?:\S+\s+){0,2}(?:was|were|had\s+been|"
        r"has\s+been)\s+(?:revoked|withdrawn|suspended|cancell?ed|annulled)|(?:refus\w+|denied|declin\w+)\s+(?:to\s+)?"
        r"(?:register|re-register)\s+(?:\S+\s+){0,5}?(?:association|organi[sz]ation|ngo|party|union|group|society|"
        r"newspaper|outlet|media|church|community|foundation|movement)",
        r"(?:refus\w+|denied|rejected)\s+(?:\S+\s+){0,3}?(?:permission|permits?|authori[sz]ation|approval|applications?|"
        r"requests?|notifications?)\s+(?:\S+\s+){0,3}?(?:rally|march|protest|demonstration|picket|meeting|gathering|vigil|"
        r"concert|event|assembly|procession|parade)|(?:refus\w+|denied)\s+(?:the\s+)?organi[sz]ers\s+(?:a\s+)?(?:permit|"
        r"permission|authori[sz]ation)",
        r"(?:banned|barred|prevented|stopped)\s+from\s+(?:covering|reporting|filming|broadcasting|publishing|writing|"
        r"speaking|performing|preaching|marching|protesting|demonstrating|gathering)|kettl(?:ed|ing)",
        r"(?<!bank\s)(?:accounts?|page|channel|profile|website|site|blog)\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?"
        r"(?:suspended|deleted|removed|restricted|taken\s+down)\s+(?:after|following|at\s+the\s+request|on\s+the\s+orders?|by\s+order|"
        r"on\s+a\s+court|under)",
        r"(?:print\s+run|issues?|copies|edition|circulation)\s+(?:\S+\s+){0,3}?(?:was|were)\s+(?:confiscated|seized|pulped|"
        r"banned|withdrawn)|forced\s+(?:\w+\s+)?to\s+(?:remove|delete|take\s+down|withdraw|retract)",
        r"(?:switched|turned|cut|shut)\s+off\s+(?:the\s+)?(?:mobile\s+)?(?:internet|network|phone\s+lines|mobile\s+data)|"
        r"(?:switched|turned|cut|shut)\s+(?:the\s+)?(?:mobile\s+)?(?:internet|network|phone\s+lines|mobile\s+data)\s+off|"
        r"shut\s+down\s+(?:the\s+)?(?:mobile\s+)?internet",
        r"declared\s+(?:\w+\s+)?[“\"«]undesirable[”\"»]?|removed\s+from\s+(?:\S+\s+)?(?:libraries|shelves|bookshops|sale|"
        r"the\s+curriculum)",
        r"taken\s+off\s+(?:the\s+)?air|ordered\s+to\s+(?:remove|delete|take\s+down)|declared\s+(?:\w+\s+)?"
        r"undesirable|prevented\s+(?:\S+\s+){0,2}from\s+(?:reporting|filming|covering|speaking|holding)",
        # a channel or site blocked: "the channel, which the regulator had blocked inside the country"
        r"(?:had|has|have)\s+blocked\s+(?:access\s+to\s+)?(?:(?:the|its|his|her|their|our)\s+)?(?:\S+\s+)?(?:channel|website|site|"
        r"account|page|app|platform|outlet|portal|blog|messenger)|blocked\s+(?:inside|throughout|nationwide)",
        # a connection gone: "still no mobile internet in the township since June"
        r"(?:still|been|was|were|is|are|left)\s+(?:\S+\s+){0,2}?(?:no|without)\s+(?:mobile\s+|cellular\s+)?(?:internet|mobile\s+data|"
        r"phone\s+(?:signal|network|service)|telephone\s+(?:lines?|service))|no\s+(?:mobile\s+)?internet\s+(?:\S+\s+){0,4}?since",
        # the press kept out: "turned back about 20 journalists", "barred reporters from entering the hall"
        r"turn(?:ed|s|ing)?\s+(?:back|away)\s+(?:\S+\s+){0,3}?(?:journalists|reporters|observers|monitors|press|media|"
        r"(?:camera|television|tv|film)\s+crews?|diplomats)|(?:barred|banned|prevented|stopped|blocked|kept)\s+(?:\S+\s+){0,3}?"
        r"(?:journalists|reporters|observers|monitors|press|media|diplomats)\s+from\s+(?:entering|attending|covering|"
        r"reporting|filming)\s+(?:\S+\s+)?\w+",
        # a crowd broken up: "drove at the crowd to disperse it", "tried to clear the remaining protesters"
        r"disperse\s+(?:it|them|the\s+(?:\w+\s+)?(?:crowd|protest\w*|demonstrat\w+|gathering|rally|sit-in|march|picket|"
        r"vigil|mourners|participants))|(?:clear|cleared|clearing)\s+(?:\w+\s+){0,3}(?:protesters|demonstrators|"
        r"the\s+(?:square|camp|sit-in))",
        # an outlet outlawed: "the designation of the weekly as an 'extremist formation'" (the legal status
        # only, so that the words between the designation and the status, often its date, stay free)
        r"as\s+(?:an?\s+)?[“\"«](?:extremist|terrorist|undesirable)\s+(?:formation|organi[sz]ation|group|community|"
        r"structure|materials?|outlet|media|cell)",
        # an assembly not allowed or made to end: "we were not allowed to hold our meeting"
        r"(?:not\s+(?:allowed|permitted)|(?:did|would|could)\s+not\s+(?:allow|let|permit))\s+(?:\S+\s+){0,4}?(?:to\s+)?(?:hold|"
        r"stage|take\s+place|go\s+ahead|gather|march|assemble|protest|demonstrate|commemorate|picket)\b",
        r"(?:forced|made|ordered|compelled)\s+(?:\S+\s+){0,3}?to\s+(?:end|stop|abandon|cancel|call\s+off|break\s+up|disperse|"
        r"wind\s+up)\s+(?:the|their|our|his|her|its|a)\s+(?:\w+\s+)?(?:meeting|rally|march|protest|vigil|picket|gathering|"
        r"demonstration|event|concert|performance|screening|conference|sit-?in|strike|commemoration|broadcast|programme)",
        # a venue or a printer withdrawn under pressure: "cancelled our booking after a visit from the police"
        r"(?:cancell?ed\s+(?:our|their|the|his|her|its)\s+(?:\w+\s+)?(?:booking|reservation|rental|lease|contract)|refus\w+\s+"
        r"to\s+(?:print|publish|broadcast|air|distribute|sell|screen|host)\s+(?:\S+\s+){0,3}?(?:newspapers?|books?|"
        r"magazines?|articles?|programmes?|films?|documentar(?:y|ies)|statements?|leaflets?|events?|meetings?))\s+(?:\S+\s+)"
        r"{0,3}?(?:after|following|under|at\s+the\s+request|on\s+the\s+orders?)\s+(?:\S+\s+){0,4}?(?:police|authorities|"
        r"officials|security|pressure|orders?|ministry|call|visit|warning)",
        r"(?:articles?|posts?|videos?|stor(?:y|ies)|interviews?|columns?|programmes?|broadcasts?|cartoons?|songs?)\s+"
        r"(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:removed|deleted|taken\s+down|withdrawn|censored|blocked|pulled|"
        r"banned)\s+(?:\S+\s+){0,4}?(?:after|following|at|on|under|by)\s+(?:\S+\s+){0,4}?(?:police|authorities|regulator|"
        r"ministry|censors?|court|officials|government|prosecutor\w*|security|pressure|orders?|request|demand)\b",
        r"(?:journalists|reporters|observers|diplomats|press|media|monitors)\s+(?:were|was)\s+(?:ordered|told|forced|made)\s+"
        r"to\s+leave\s+(?:the\s+)?(?:court\w*|hall|room|hearing|trial|building|session|square)",
        # a platform or an outlet cut off: "blocked the messaging app nationwide"
        r"block(?:ed|s|ing)\s+(?:access\s+to\s+)?(?:the|a|an|its|his|her|their)\s+(?:\S+\s+){0,3}?(?:apps?|messengers?|"
        r"platforms?|websites?|sites?|portals?|channels?|blogs?|outlets?|social\s+networks?|news\s+sites?)\b",
        # a march kept from its goal: "prevented the march from reaching the centre"
        r"(?:prevented|stopped|blocked|barred)\s+(?:the|a|an|their)\s+(?:\w+\s+)?(?:march|rally|procession|protest|"
        r"demonstration|marchers|protesters|demonstrators|picket|vigil|parade)\s+from\s+(?:\S+\s+){0,5}?\w+",
        # the making of a publication stopped: "halted the printing of the weekly"
        r"(?:halt|stop|suspend|ban|block|prevent|cancel|prohibit)\w*\s+(?:the\s+)?(?:printing|publication|distribution|"
        r"broadcast(?:ing)?|screening|airing|circulation|staging)\s+of|(?:ban|prohibit|halt|stop)\w*\s+"
        r"(?:the\s+)?sale\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+|their\s+)?(?:\S+\s+){0,2}?(?:newspapers?|books?|"
        r"magazines?|weekly|daily|journals?|novels?|publications?|albums?)\b",
        r"(?:banned|barred|prevented|stopped|blocked|forbade|forbidden)\s+(?:\S+\s+){1,4}?from\s+(?:covering|reporting|"
        r"filming|broadcasting|publishing|writing|speaking|performing|preaching|marching|protesting|demonstrating|gathering|"
        r"holding\s+(?:a|the|an|its|their|any)\s+(?:\w+\s+)?(?:meetings?|rally|rallies|conferences?|events?|protests?|vigils?|"
        r"congress|assembly|assemblies))\b",
        # the premises of an outlet or a group shut: "shut the offices of the radio station"
        r"(?:shut|closed|sealed)\s+(?:down\s+)?(?:the\s+)?(?:offices?|premises|headquarters|studios?|building)\s+of\s+(?:the\s+)?"
        r"(?:\w+\s+){0,2}?(?:newspaper|radio|station|channel|organi[sz]ation|ngo|group|association|union|party|movement|outlet|"
        r"foundation|centre|center|magazine|weekly|website|agency|publisher|church|mosque)\b|"
        r"(?:shut|closed|sealed)\s+(?:down\s+)?(?:the|its|their|his|her)\s+(?:\w+\s+)?(?:printing\s+(?:house|press)|"
        r"newsroom|bureau|radio\s+station|tv\s+station|television\s+station|newspaper|channel|website)\b",
        # assemblies banned wholesale: "prohibited all public gatherings"
        r"(?:banned|prohibited|outlawed|forbade|forbidden)\s+(?:all\s+|any\s+)?(?:public\s+|street\s+|political\s+|mass\s+|"
        r"opposition\s+|outdoor\s+)?(?:gatherings|assemblies|rallies|protests|demonstrations|marches|meetings|pickets|"
        r"processions|vigils)\b",
        # providers told to cut a site: "instructed internet providers to restrict access to it"
        r"(?:instruct|order|direct|told|tell|requir|oblig|compel)\w*\s+(?:\S+\s+){0,4}?(?:providers|operators|isps|carriers|"
        r"platforms|hosts|companies)\s+to\s+(?:restrict|block|limit|throttle|cut|suspend|shut|remove|delete|take\s+down)\b",
        # a site gone for its readers: "can no longer be opened without a VPN", "unable to open the website"
        r"(?:can\s*not|can\'t|could\s+not|can\s+no\s+longer|could\s+no\s+longer|unable\s+to)\s+(?:be\s+)?(?:open|access|reach|"
        r"load|view)\w*\s+(?:\S+\s+){0,4}?(?:without\s+(?:a\s+)?vpns?|(?:website|site|portal|channel|outlet|platform)\b)|"
        r"(?:only|except)\s+(?:through|via|with|using)\s+(?:a\s+)?vpns?",
        # a gathering broken up, told by the people in it: "to break up about 200 mourners who had gathered"
        r"(?:break|broke|breaking|broken)\s+up\s+(?:\S+\s+){0,3}?(?:mourners|protesters|demonstrators|crowds?|marchers|"
        r"strikers|worshippers|picketers)\b",
        # a showing of a work stopped: "the screening of the film was cancelled on the orders of the governor"
        r"(?:screening|showing|performance|presentation|launch|reading)\s+of\s+(?:the|a|an|his|her|their|its)\s+(?:\S+\s+)"
        r"{0,2}?(?:was|were|had\s+been)\s+(?:banned|cancell?ed|stopped|prohibited|called\s+off)\b",
        # a programme taken off: "pulled the programme off air", "dropped the show from the schedule"
        r"(?:pull|took|take|taken|yank|drop)\w*\s+(?:\S+\s+){0,7}?off\s+(?:the\s+)?air|(?:pull|drop|remov)\w*\s+"
        r"(?:the|a|an|its|his|her|their)\s+(?:\w+\s+)?(?:programme|program|show|series|documentary|film|column|book|"
        r"broadcast|interview|segment)\s+(?:\S+\s+){0,2}?from\s+(?:the\s+)?(?:schedule|air|broadcast|sale|shelves|"
        r"circulation|cinemas|festival|programme|website|curriculum)",
        # printed matter taken or destroyed: "confiscated the print run", "ordered to pulp the entire edition"
        r"(?:confiscat|seiz|impound|pulp|destroy|withdr[ae]w|recall|burn)\w*\s+(?:\S+\s+){0,3}?(?:print\s+runs?|"
        r"editions?|circulation|(?:\w+\s+)?copies\s+of\s+(?:the|a|an|its|his|her|their)\s+(?:\w+\s+)?(?:newspaper|book|"
        r"magazine|weekly|daily|journal|report|leaflet|bulletin|novel|pamphlet|issue))",
        # an order to unsay: "ordered the news site to remove the article", "ordered to cancel"
        r"order(?:ed|s|ing)\s+(?:\S+\s+){0,5}?to\s+(?:remove|delete|take\s+down|withdraw|retract|pulp|cancel|call\s+off|"
        r"close|suspend|halt|stop|block)\s+(?:the|a|an|its|his|her|their|all)\s+(?:\w+\s+)?(?:articles?|posts?|videos?|"
        r"stor(?:y|ies)|content|materials?|publications?|programmes?|programs?|broadcasts?|pages?|concerts?|screenings?|"
        r"events?|exhibitions?|performances?|plays?|lectures?|books?|websites?|sites?|channels?|accounts?|newspapers?|"
        r"outlets?|rally|march|protest|vigil|picket|gathering|meeting|festival|print\s+run|edition|interviews?|reports?)\b",
        # an organisation outlawed: "outlawed the opposition party", "dissolved the human rights organisation"
        r"(?:(?:outlaw|dissolv|disband|liquidat|proscrib)\w*|banned|banning)\s+(?:the|a|an|its|their|his|her|two|three|several)\s+"
        r"(?:\S+\s+){0,4}?(?:party|parties|organi[sz]ations?|ngos?|groups?|associations?|unions?|movements?|societ(?:y|ies)|"
        r"foundations?|newspapers?|outlets?|media|church(?:es)?|communit(?:y|ies)|clubs?|charit(?:y|ies)|centres?|"
        r"centers?)\b|(?:party|organi[sz]ation|ngo|group|association|union|movement|society|foundation|newspaper|"
        r"outlet|church|community|club|charity|centre|center|book|film|novel|song|album|documentary|magazine|"
        r"play)\s+(?:\S+\s+){0,4}?(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:outlawed|dissolved|disbanded|"
        r"liquidated|proscribed|banned|prohibited)\b",
        # an outlet silenced for a time: "suspended the newspaper", "suspended the channel's broadcasts"
        r"suspend(?:ed|s|ing)\s+(?:the|a|an|its|his|her|their)\s+(?:\S+\s+){0,2}?(?:newspapers?|outlets?|channels?|"
        r"broadcasters?|stations?|magazines?|websites?|publications?|programmes?|programs?|shows?|broadcasts?|"
        r"broadcasting|columns?|accounts?)\b",
    ],
    Act.CYBER_ATTACK: [
        r"(?:gained|obtained)\s+(?:unauthori[sz]ed\s+)?access\s+to\s+(?:\S+\s+){0,3}(?:accounts?|email|phone|computer|server|database)",
        # a site or an account attacked, in the passive: "the website of the NGO was defaced"
        r"(?:website|site|page|portal|homepage)\s+(?:of\s+(?:\S+\s+){1,4}?)?(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?"
        r"(?:defaced|hacked|hijacked|compromised)|(?:accounts?|e-?mail|inbox|computer|phone|server|database|website)\s+"
        r"(?:was|were|had\s+been|has\s+been)\s+(?:broken|hacked)\s+into",
        r"(?:denial[-\s]of[-\s]service|ddos)\s*(?:\(\w+\)\s*)?attacks?",
        r"(?:knocked|taken|forced)\s+offline|taken\s+down\s+by\s+(?:\S+\s+){0,4}(?:attack|hackers)|passwords?\s+(?:\S+\s+){0,10}?(?:changed|reset)\s+by",
        r"taken\s+over\s+by\s+(?:\w+\s+)?hackers|(?:hijacked|compromised)|taken\s+over\s+by\s+(?:an?\s+)?(?:unknown|unidentified|"
        r"anonymous)\s+\w+|took\s+over\s+(?:\S+\s+){0,4}?(?:accounts?|e-?mail|page|channel|website|profile|inbox)|"
        r"(?:took|taken|seized|gained|got)\s+control\s+of\s+(?:\S+\s+){0,4}?(?:accounts?|e-?mail|page|channel|website|"
        r"profile|inbox|phone|server)",
        r"(?:logged|got)\s+in(?:to)?\s+(?:his|her|their|the|its|my|our)\s+(?:\S+\s+)?(?:accounts?|e-?mail|inbox|page|profile)\s+"
        r"(?:\S+\s+){0,4}?(?:and\s+(?:deleted|changed|posted|published|sent|removed|downloaded|read)|without)|broke\s+into\s+"
        r"(?:\S+\s+){0,2}(?:servers?|accounts?|e-?mail|database|network|systems?|computers?)|(?:accounts?|e-?mail|page|profile|channel)\s+(?:was|were|had\s+been)\s+"
        r"(?:stolen|hijacked)",
        r"(?:attempt\w*|tried)\s+to\s+(?:break|hack|log)\s+into|break\s+into\s+(?:\S+\s+){0,2}(?:accounts?|e-?mail|servers?|"
        r"database)|(?:accounts?|e-?mail|inbox|page|profile)\s+(?:was|were|had\s+been)\s+accessed\s+(?:from|by)",
        r"hack(?:ed|ing|ers?)|ddos|denial[-\s]of[-\s]service|malware|spyware|phishing|pegasus",
        r"(?:accounts?|email|inbox|website|channel|page|profile)\s+(?:\([^)]{0,60}\)\s+)?(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?:compromised|hijacked|"
        r"taken\s+over|defaced|breached)|account\s+takeover|cyber-?\s?attacks?",
        r"(?:gained|obtained)\s+(?:unauthori[sz]ed\s+)?access\s+to\s+(?:his|her|their|the)\s+(?:\w+\s+)?"
        r"(?:accounts?|email|phone|computer)",
    ],
    Act.OTHER: [
        r"(?:barred|banned|suspended|dismissed|removed)\s+from\s+(?:teaching|practi[sc]ing\s+law|practi[sc]ing|the\s+bar|his\s+post|her\s+post|(?:his|her|their)\s+job)",
        r"(?:contract|employment)\s+(?:was\s+|had\s+been\s+|has\s+been\s+)?terminated|terminated\s+(?:his|her|their|my)\s+(?:contract|employment)",
        # (an institution's name may stand before the verb, and a name is no act: "expelled 37 students")
        r"(?:university|school|college|institute|academy|party|bar\s+association)\s+(?:\S+\s+){0,6}?expel(?:s|led)"
        r"(?!\s+(?:\S+\s+){0,2}?(?:students?|pupils?|cadets?|lecturers?|professors?|teachers?)\b)",
        r"dismiss(?:es|ed)\s+(?:\S+\s+){0,3}(?:teachers?|staff|employees?|journalists?|lawyers?|doctors?|professors?|workers?|lecturers?)",
        r"(?:fired|sacked)\s+(?:the|a|an|his|her|their|its|two|three|several|\d+)\s+(?:\w+\s+)?(?:professors?|teachers?|"
        r"lecturers?|doctors?|nurses?|journalists?|editors?|employees?|workers?|officials?|judges?|directors?|principals?|"
        r"staff|presenters?|reporters?|researchers?|engineers?|civil\s+servants?)\b",
        r"(?:was|were|been)\s+(?:\S+\s+)?(?:dismissed|fired|sacked)\s+(?:\S+\s+)?(?:from|on|by|for|after|because)|"
        r"dismiss(?:es|ed)\s+(?:him|her|them|me)\b",
        r"expel(?:led|s)?\s+(?:\S+\s+){0,3}from\s+(?:the\s+)?(?:\S+\s+){0,3}?(?:university|school|college|institute|"
        r"academy|party|bar|union|association|guild|federation|syndicate|chamber)",
        r"expel(?:led|s)?\s+(?:\S+\s+){0,2}?(?:students?|pupils?|cadets?|lecturers?|professors?|teachers?)\b",
        # losing work or the right to practise for what one said
        r"(?:lost\s+(?:his|her|their|my|our)\s+(?:\w+\s+)?(?:jobs?|posts?|positions?)|forced\s+(?:\w+\s+)?to\s+(?:resign|quit|"
        r"step\s+down|retire))\s+(?:\S+\s+){0,3}?(?:after|for|because\s+of|over|following)\s+(?:\S+\s+){0,3}?(?:protest\w*|"
        r"posts?|article|interview|speech|activism|participat\w+|statements?|comments?|signing|signature|support\w*|strike|"
        r"rally|criticis\w+|criticiz\w+|vote|testimony|refus\w+|speaking|talking|writing)|disbar(?:red|ment)|(?:licen[cs]e|right)\s+to\s+practi[sc]e\s+(?:\S+\s+){0,4}(?:revoked|"
        r"suspended|withdrawn|cancell?ed|stripped|annulled)|(?:revoked|suspended|withdrew|cancell?ed|stripped|annulled)\s+"
        r"(?:\S+\s+){0,4}(?:licen[cs]e|right)\s+to\s+practi[sc]e",
        r"forced\s+(?:\S+\s+){0,2}to\s+(?:work|labou?r)\s+(?:in|on|at|without|for\s+(?:no|free|the\s+army|\d+))|forced\s+"
        r"(?:\S+\s+){0,2}to\s+(?:pick|harvest|dig)\b",
        r"forced\s+labou?r|obliged\s+(?:\S+\s+){0,6}to\s+(?:go|work|pick)|stripp?(?:ed|ing|s)\s+(?:\S+\s+){0,5}of\s+(?:\S+\s+){0,2}"
        r"(?:citizenship|nationality)",
    ],
    Act.ARMED_CLASH: [
        r"fought\s+(?:for\s+(?:several|many|some|two|three|four|\d+)\s+(?:hours|days)|around|near)\b",
        r"fought\s+(?:for\s+control|over\s+(?:control|the)|each\s+other|one\s+another)",
        r"violence\s+(?:broke\s+out|erupted)\s+between|clash(?:es|ed)?\s+between",
        # ("a fight between drunken young men" is a brawl)
        r"shooting\s+between|fire\s+between|(?:(?<!\ba\s)fight|fighting|fought)\s+(?:between|with|against)|came\s+to\s+fight",
        r"exchang(?:ed|ing)\s+(?:\S+\s+)?fire|(?:gun|armed)\s+battles?",
        r"fighting\s+(?:between|in|around|near|spread|continued)|clash\s+with|anti-terrorist\s+operation|counter-?terrorism\s+operation",
        r"(?:armed\s+)?clash(?:es|ed)?|gun\s+battles?|firefights?|shoot-?outs?|exchange\s+of\s+fire",
        r"(?:ensuing|heavy)\s+fighting|fighting\s+(?:broke\s+out|erupted)|armed\s+hostilities",
        r"skirmish(?:es|ed)?|gunfights?|caught\s+in\s+(?:the\s+|a\s+)?cross-?fire",
        r"launched\s+(?:an?\s+)?(?:armed\s+)?attacks?\s+(?:against|on)\s+(?:\S+\s+){0,3}(?:officials|police|"
        r"officers|troops|soldiers|forces|checkpoints?|posts?|base)",
        r"shell(?:ed|ing)|air-?strikes?|bombard(?:ed|ment)|insurgent\s+attack|militants?\s+attacked",
        # armed groups and the army against each other's positions, and fire from the air or from guns
        r"(?:rebels?|insurgents?|militants?|fighters|guerrill?as|jihadists|separatists|militias?|militiamen|gunmen)\s+"
        r"(?:\S+\s+){0,2}?(?:attacked|ambushed|raided|overran|stormed|struck)\s+(?:\S+\s+){0,2}?(?:army|military|police|security|"
        r"government|federal|border)\s+(?:bases?|posts?|positions?|convoys?|patrols?|checkpoints?|barracks|outposts?|troops|"
        r"forces|units?|vehicles?)",
        r"(?:troops|army|soldiers|forces)\s+(?:\S+\s+){0,2}?(?:attacked|ambushed|raided|overran|stormed|struck)\s+(?:\S+\s+){0,2}?"
        r"(?:rebel|insurgent|militant|guerrill?a|separatist|militia|jihadist)\s+(?:bases?|positions?|camps?|hideouts?|strongholds?)",
        r"(?:launched|mounted|began|started)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:new\s+|major\s+|ground\s+|military\s+)?"
        r"(?:counter-?)?offensive|offensive\s+(?:on|against)\s+(?:the\s+)?(?:\S+\s+)?(?:town|city|village|region|positions?|"
        r"stronghold)",
        r"(?:jets|warplanes|aircraft|planes|helicopters|drones|gunships)\s+(?:\S+\s+){0,2}?(?:bombed|struck|hit|attacked|"
        r"targeted|fired\s+on|strafed)|(?:drone|missile|rocket|artillery)\s+(?:strikes?|attacks?)|"
        r"mortar\s+(?:fire|shells?|rounds?|attacks?)|barrel\s+bombs?|cluster\s+munitions",
        r"return(?:ed|s|ing)?\s+fire|(?:army|military|police|security|government|federal)\s+(?:convoy|patrol|post|base|checkpoint|"
        r"unit|vehicle|outpost)s?\s+(?:was|were|had\s+been|came\s+under)\s+(?:ambushed|attacked|targeted|overrun|attack|fire)",
        r"(?:seized|took|captured|regained|retook|wrested)\s+control\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:town|city|village|base|district|"
        r"area|region|airport|province|crossing|road|highway|territory|hills?|camp|port)|(?:captured|overran|retook|recaptured)\s+"
        r"(?:the\s+)?(?:\w+\s+)?(?:town|city|village|base|district|area|region|airport)|(?:days|hours|weeks)\s+of\s+(?:heavy\s+)?"
        r"(?:fighting|clashes|combat)",
    ],
}

# Words near an assault that place it in custody, where the vocabulary calls it ill-treatment.
CUSTODY_CONTEXT = (
    r"\b(?:custody|detention|detained|cell|police\s+station|(?<!polling\s)(?<!bus\s)(?<!railway\s)(?<!train\s)(?<!petrol\s)"
    r"(?<!gas\s)(?<!radio\s)(?<!tv\s)(?<!power\s)(?<!metro\s)station|interrogat\w+|questioning|captured|captives?|prisoners?\s+of\s+war|POWs?|"
    r"while\s+held|in\s+detention|temporary\s+detention|isolator|colony|prison|during\s+questioning|prison\s+guards?|"
    r"detainees?|prisoners?|inmates?|on\s+the\s+way\s+to\s+the\s+(?:police|station|court)|during\s+the\s+drive|"
    r"remanded|(?:prison|police)\s+(?:van|car|bus)|roll\s+calls?|interrogators?|"
    # a captive's condition or place: "blindfolded and beaten", "beaten after his arrest", "at the army base"
    r"blindfold(?:ed)?|hooded|(?:after|following)\s+(?:his|her|their|the)\s+arrests?|kept\s+(?:\w+\s+)?tied|tied\s+up|"
    r"(?:military|army)\s+(?:base|camp|barracks|intelligence)|barracks|"
    # seized and driven off: "grabbed by officers, dragged to a van and beaten there"
    r"(?:dragged|pushed|thrown|bundled|forced|shoved|loaded)\s+(?:\S+\s+){0,2}?(?:in|on)?to\s+(?:a|an|the|their)?\s*(?:\w+\s+)?"
    r"(?:vans?|bus|buses|minibus(?:es)?|vehicles?|cars?|trucks?|jeeps?|lorr(?:y|ies))|handcuffed|"
    # the story goes on in the vehicle the person was dragged to: "Inside the vehicle, an officer struck her"
    r"inside\s+the\s+(?:\w+\s+)?(?:vehicle|van|minibus|bus|car|truck|jeep))\b"
)
