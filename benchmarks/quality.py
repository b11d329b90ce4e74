"""Extraction quality against gold annotations, beside an off-the-shelf baseline.

The scorer here is our own implementation of the matching rules of the shared scorer
(``/work/shared/eval/score.py``, described in ``/work/shared/eval/ANNOTATION.md``), so the figures can
be produced in-process, per corpus, for the engine and the baseline alike:

* a predicted and a gold incident can match when their date ranges overlap (an open end reaches
  ``OPEN_END_DAYS`` past the start) and their act sets share an act;
* candidate pairs are taken greedily, one-to-one, best first, by act-set Jaccard + 1 if both start on
  the same day + victim token F1 (ties go to the later incidents, as in the shared scorer);
* incident precision and recall count matched pairs; date exactness, act Jaccard, actor F1 (mean of
  perpetrator and victim token F1) and location token F1 are averaged over matched pairs, pooled
  across documents.

The reported figure is the held-out half (``corpus/heldout``), which nobody tunes on. The tuning half
and the shared example are shown for context, and when the shared scorer is present it is run on the
held-out half as a cross-check of this implementation.

    python benchmarks/quality.py
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from chronika.extract import extract_source
from chronika.extract.reader import read_path

ROOT = Path(__file__).resolve().parents[1]
CORPORA: tuple[tuple[str, Path], ...] = (
    ("heldout", ROOT / "corpus" / "heldout"),
    ("tune", ROOT / "corpus" / "tune"),
    ("shared example", ROOT.parent / "shared" / "eval" / "example"),
)
SHARED_SCORER = Path("/work/shared/eval/score.py")
OPEN_END_DAYS = 30  # how far an open range ("for several days since") may reach to meet a gold date
STOP_TOKENS = frozenset({"the", "of", "a", "an", "and", "in"})

Record = Mapping[str, Any]  # one incident as JSON: the contract's shape, gold or predicted
System = Callable[[Path, dt.date | None], list[Record]]


# -- the matching rules ------------------------------------------------------------------------


def interval(incident: Record) -> tuple[dt.date, dt.date] | None:
    """The days an incident may have happened on; an open range reaches ``OPEN_END_DAYS`` forward."""
    date = incident.get("date") or {}
    if not date.get("start"):
        return None
    start = dt.date.fromisoformat(date["start"])
    if date.get("end"):
        return start, dt.date.fromisoformat(date["end"])
    if date.get("precision") == "range":
        return start, start + dt.timedelta(days=OPEN_END_DAYS)
    return start, start


def overlap(a: Record, b: Record) -> bool:
    first, second = interval(a), interval(b)
    return first is not None and second is not None and first[0] <= second[1] and second[0] <= first[1]


def tokens(names: Iterable[object] | None) -> set[str]:
    """Lower-cased word tokens of a list of names, without the little words names share."""
    found: set[str] = set()
    for name in names or ():
        if name is not None:
            found.update(t for t in re.findall(r"\w+", str(name).lower()) if t not in STOP_TOKENS)
    return found


def token_f1(gold: Iterable[object] | None, predicted: Iterable[object] | None) -> float:
    """Token overlap of two name lists; two empty lists agree perfectly."""
    g, p = tokens(gold), tokens(predicted)
    if not g and not p:
        return 1.0
    shared = len(g & p)
    if shared == 0:
        return 0.0
    precision, recall = shared / len(p), shared / len(g)
    return 2 * precision * recall / (precision + recall)


def acts_of(incident: Record) -> set[str]:
    return set(incident.get("acts") or ())


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def pair_up(gold: Sequence[Record], predicted: Sequence[Record]) -> list[tuple[Record, Record]]:
    """One-to-one matching, greedy on the candidate score, best first."""
    candidates: list[tuple[float, int, int]] = []
    for g_index, g in enumerate(gold):
        for p_index, p in enumerate(predicted):
            if acts_of(g) & acts_of(p) and overlap(g, p):
                same_start = (g.get("date") or {}).get("start") == (p.get("date") or {}).get("start")
                score = jaccard(acts_of(g), acts_of(p)) + float(same_start)
                score += token_f1(g.get("victims"), p.get("victims"))
                candidates.append((score, g_index, p_index))
    candidates.sort(reverse=True)  # ties: the higher indices first, exactly as the shared scorer sorts
    taken_gold: set[int] = set()
    taken_predicted: set[int] = set()
    pairs: list[tuple[Record, Record]] = []
    for _, g_index, p_index in candidates:
        if g_index not in taken_gold and p_index not in taken_predicted:
            taken_gold.add(g_index)
            taken_predicted.add(p_index)
            pairs.append((gold[g_index], predicted[p_index]))
    return pairs


def same_dates(g: Record, p: Record) -> bool:
    g_date, p_date = g.get("date") or {}, p.get("date") or {}
    return (g_date.get("start"), g_date.get("end")) == (p_date.get("start"), p_date.get("end"))


@dataclass
class Tally:
    """Counts and sums pooled over documents; the figures are derived, never stored."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    sums: dict[str, float] = field(
        default_factory=lambda: {"date_exact": 0.0, "acts_jaccard": 0.0, "actors_f1": 0.0, "location_f1": 0.0}
    )

    errors: Counter[str] = field(default_factory=Counter)
    act_gold: Counter[str] = field(default_factory=Counter)
    act_matched: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Sequence[Record], predicted: Sequence[Record]) -> None:
        pairs = pair_up(gold, predicted)
        self.documents += 1
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.matched += len(pairs)
        self._classify(gold, predicted, pairs)
        for g, p in pairs:
            self.sums["date_exact"] += float(same_dates(g, p))
            self.sums["acts_jaccard"] += jaccard(acts_of(g), acts_of(p))
            self.sums["actors_f1"] += (token_f1(g.get("perpetrators"), p.get("perpetrators"))
                                       + token_f1(g.get("victims"), p.get("victims"))) / 2
            self.sums["location_f1"] += token_f1([g.get("location")], [p.get("location")])

    def _classify(self, gold: Sequence[Record], predicted: Sequence[Record],
                  pairs: Sequence[tuple[Record, Record]]) -> None:
        """Why each unmatched incident is unmatched: counts only, so a held-out corpus stays unread.

        A missed gold incident either has no act predicted anywhere in its document (the act was not
        recognised), or its act was predicted on other dates (a dating error), or its act and dates were
        predicted but that prediction already matched another gold incident (two occasions merged). A
        false positive either duplicates an occasion already matched (one occasion split in two), or
        carries a gold act on dates no gold incident has, or has acts no gold incident has.
        """
        matched_gold = {id(g) for g, _ in pairs}
        matched_predicted = {id(p) for _, p in pairs}
        for g in gold:
            for act in acts_of(g):
                self.act_gold[act] += 1
                self.act_matched[act] += id(g) in matched_gold
            if id(g) in matched_gold:
                continue
            sharing = [p for p in predicted if acts_of(p) & acts_of(g)]
            if not sharing:
                self.errors["missed: act not recognised"] += 1
            elif not any(overlap(g, p) for p in sharing):
                self.errors["missed: act found on other dates"] += 1
            else:
                self.errors["missed: merged into another incident"] += 1
        for p in predicted:
            if id(p) in matched_predicted:
                continue
            sharing = [g for g in gold if acts_of(p) & acts_of(g)]
            if not sharing:
                self.errors["extra: acts no gold incident has"] += 1
            elif any(overlap(g, p) for g in sharing):
                self.errors["extra: one occasion split in two"] += 1
            else:
                self.errors["extra: gold act on other dates"] += 1

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def mean(self, key: str) -> float:
        return self.sums[key] / self.matched if self.matched else 0.0


# -- the systems ---------------------------------------------------------------------------------


def chronika(path: Path, published: dt.date | None) -> list[Record]:
    """The engine, in-process, exactly as ``chronika extract PATH [--published DATE]`` runs it."""
    extraction = extract_source(read_path(path), published=published)
    incidents: list[Record] = msgspec.to_builtins(extraction.incidents)
    return incidents


# The baseline's whole knowledge of acts: words a person would grep for first.
BASELINE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "killing": ("killed", "murdered", "shot dead", "died in custody", "executed"),
    "enforced_disappearance": ("abducted", "disappeared", "whereabouts", "kidnapped"),
    "arbitrary_detention": ("detained", "arrested", "detention", "held by police", "custody"),
    "torture_ill_treatment": ("tortured", "torture", "ill-treated"),
    "physical_attack": ("beat", "beaten", "attacked", "assaulted", "pelted"),
    "sexual_violence": ("raped", "rape", "sexual"),
    "threat": ("threat", "threatened", "threatening", "intimidat"),
    "surveillance": ("followed", "surveillance", "monitored", "watched"),
    "raid_search": ("searched", "raided", "raid", "search of"),
    "seizure": ("confiscated", "seized", "took away"),
    "property_destruction": ("burned", "set on fire", "arson", "demolished", "destroyed"),
    "forced_displacement": ("expelled", "evicted", "deported", "displaced", "forced to flee"),
    "smear_campaign": ("labelled", "labeling", "labelling", "branded", "foreign agent", "traitor"),
    "judicial_harassment": ("charged", "sentenced", "fined", "prosecuted", "convicted", "criminal case"),
    "restriction_of_movement": ("travel ban", "barred from leaving", "denied entry", "banned from leaving"),
    "restriction_of_expression": ("dispersed", "blocked", "censored", "shut down", "closed down"),
    "cyber_attack": ("hacked", "ddos", "malware", "phishing"),
    "armed_clash": ("clashes", "fighting", "fought", "shelling"),
}
_BASELINE_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
_DATEPARSER_SETTINGS_BASE = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


def baseline(path: Path, published: dt.date | None) -> list[Record]:
    """Sentences holding an act keyword become incidents, dated by ``dateparser.search_dates``.

    The document date (the base for relative dates) is ``--published`` when given, else the first
    date dateparser finds in the text (where datelines are), else today. A sentence without a date of
    its own takes the last date found before it, which is what a careful skim would do.
    """
    from dateparser.search import search_dates

    text = read_path(path).text
    document_date = published
    if document_date is None:
        first = search_dates(text[:400], languages=["en"], settings=dict(_DATEPARSER_SETTINGS_BASE))
        document_date = first[0][1].date() if first else dt.date.today()
    settings = {**_DATEPARSER_SETTINGS_BASE,
                "RELATIVE_BASE": dt.datetime.combine(document_date, dt.time())}
    found = search_dates(text, languages=["en"], settings=settings) or []
    dated: list[tuple[int, dt.date]] = []
    cursor = 0
    for words, moment in found:
        at = text.find(words, cursor)
        if at >= 0:
            dated.append((at, moment.date()))
            cursor = at + len(words)
    incidents: list[Record] = []
    last = document_date
    for sentence in _BASELINE_SENTENCE.finditer(text):
        own = [day for at, day in dated if sentence.start() <= at < sentence.end()]
        if own:
            last = own[0]
        lowered = sentence.group().lower()
        acts = sorted(act for act, words in BASELINE_KEYWORDS.items() if any(w in lowered for w in words))
        if acts:
            day = last.isoformat()
            incidents.append({"id": f"i{len(incidents) + 1}", "acts": acts,
                              "date": {"start": day, "end": day, "precision": "day"},
                              "perpetrators": [], "victims": [], "location": None})
    return incidents


SYSTEMS: tuple[tuple[str, System], ...] = (("chronika", chronika), ("baseline", baseline))


# -- running -------------------------------------------------------------------------------------


def documents(folder: Path) -> list[tuple[Path, dt.date | None, list[Record]]]:
    """Each ``NAME.txt`` that has a ``NAME.gold.json``, with its published date and gold incidents."""
    found = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        published = gold["source"].get("published")
        found.append((text_path, dt.date.fromisoformat(published) if published else None, gold["incidents"]))
    return found


def score(system: System, folder: Path) -> Tally:
    tally = Tally()
    for path, published, gold in documents(folder):
        tally.add(gold, system(path, published))
    return tally


def shared_scorer_line(folder: Path) -> str | None:
    """The last line of the shared scorer run through the real command, or None without the scorer."""
    if not SHARED_SCORER.is_file():
        return None
    command = f"{shlex.quote(sys.executable)} -m chronika extract {{txt}} {{published_arg}} --format json"
    done = subprocess.run([sys.executable, str(SHARED_SCORER), "--dir", str(folder), "--cmd", command],
                          capture_output=True, text=True, timeout=1200, check=False)
    lines = done.stdout.strip().splitlines()
    return lines[-1] if lines else f"(no output; exit {done.returncode}: {done.stderr.strip()[-200:]})"


HEADER = ("corpus", "system", "docs", "gold", "pred", "match", "P", "R", "F1", "date-exact", "acts-J",
          "actors-F1", "loc-F1")


def row(corpus: str, system: str, t: Tally) -> tuple[str, ...]:
    figures = [t.precision, t.recall, t.f1, t.mean("date_exact"), t.mean("acts_jaccard"),
               t.mean("actors_f1"), t.mean("location_f1")]
    return (corpus, system, str(t.documents), str(t.gold), str(t.predicted), str(t.matched),
            *(f"{value:.3f}" for value in figures))


def table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for index, r in enumerate(rows):
        cells = [cell.ljust(width) if column < 2 else cell.rjust(width)
                 for column, (cell, width) in enumerate(zip(r, widths, strict=True))]
        lines.append("  ".join(cells))
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main() -> int:
    rows: list[tuple[str, ...]] = [HEADER]
    results: dict[tuple[str, str], Tally] = {}
    for corpus, folder in CORPORA:
        if not any(folder.glob("*.gold.json")):
            continue  # the shared example lives outside the repository and may be absent
        for name, system in SYSTEMS:
            results[corpus, name] = tally = score(system, folder)
            rows.append(row(corpus, name, tally))
    print("Extraction quality (incidents matched on overlapping dates and a shared act, one-to-one)")
    print()
    print(table(rows))
    print()
    for corpus, _ in CORPORA:
        if (corpus, "chronika") in results:
            ours, theirs = results[corpus, "chronika"], results[corpus, "baseline"]
            ratio = f"{ours.f1 / theirs.f1:.1f}x" if theirs.f1 else "n/a"
            print(f"{corpus}: chronika incident F1 {ours.f1:.3f} vs baseline {theirs.f1:.3f} ({ratio}); "
                  f"date-exact {ours.mean('date_exact'):.3f} vs {theirs.mean('date_exact'):.3f}")
    print()
    print("where chronika's errors are (counts of unmatched incidents, and recall per act type):")
    for corpus, _ in CORPORA[:2]:
        if (corpus, "chronika") in results:
            errors = sorted(results[corpus, "chronika"].errors.items())
            print(f"  {corpus}: " + ", ".join(f"{why} {n}" for why, n in errors))
    for corpus, _ in CORPORA[:2]:
        if (corpus, "chronika") in results:
            t = results[corpus, "chronika"]
            print(f"  {corpus} recall by act: " + ", ".join(
                f"{act} {t.act_matched[act]}/{n}" for act, n in t.act_gold.most_common()))
    heldout = dict(CORPORA)["heldout"]
    line = shared_scorer_line(heldout)
    if line is not None:
        print()
        print(f"shared scorer on heldout (subprocess, {SHARED_SCORER}):")
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
