"""Desk load benchmark: the real ``chronika serve`` under 20 concurrent clients, on a 100,000-incident vault.

    .venv/bin/python benchmarks/desk.py [--incidents 100000] [--duration 15] [--clients 20] [--fresh]

What it does:

* **The vault**: 100,000 incidents (default) drawn from generated reports: each document tells of
  one to five incidents in English prose (a dated lead sentence naming who did what to whom and
  where, then a paragraph of circumstances), with acts from the vocabulary, dates at every
  precision (days, months, years, ranges, open ranges), perpetrators, victims and places whose
  popularity follows Zipf's law (so "police" is in a third of the vault and most victims in a few
  incidents), statuses (half accepted, a few retracted) and state responses. It is written to a
  real ledger and its view built as ``chronika rebuild`` builds it, then kept under
  ``$XDG_CACHE_HOME/chronika-bench/`` and reused (``--fresh`` builds it again).
* **The server**: ``python -m chronika serve`` in its own process on a free port of 127.0.0.1,
  unlocked through its own unlock form, as a browser would (the session cookie is then sent by
  every client).
* **The load**: 20 connections (``--clients``), each sending its next request as soon as the last
  is answered, for ``--duration`` seconds per page type after a warm-up, cycling through a fixed,
  seeded list of URLs per type:

  - ``list``: the incidents table, unfiltered and filtered (status, act, year, place, actor,
    response), pages 1 to 50, 20 to 100 rows;
  - ``search``: the same table with full-text queries (frequent, medium and rare words, two words,
    a name as a phrase, a prefix), alone and with filters;
  - ``chronology``: chronologies of an actor, a place or a search, from the largest (thousands of
    incidents) to the smallest, and later pages of their dated lists;
  - ``mixed``: all three interleaved (the overall figure);
  - ``static``: the stylesheet, through the same security middleware: the baseline, what the
    server and the load generator cost without any page work.

  For each: requests/s, p50/p95/p99/max latency, errors (any non-2xx answer counts), and the
  server's own CPU time per request (from /proc: it depends far less than latency on what else
  runs on the machine) with the requests/s one core would serve at that cost, and the load
  average before and after (on a shared machine, read the latency figures against it).

The load generator is ``wrk`` (Debian's package; a Lua script supplies the URL list), which costs
a few percent of a core; without it a Python asyncio generator stands in and says so, but it
needs about as much CPU per request as the server, so its figures on a 2-core machine understate
the server. Targets (issue 4): p95 <= 100 ms with 20 clients and >= 200 requests/s on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlencode

from chronika.errors import ViewUnusable
from chronika.model import Act, Anchor, AnchorOrigin, DateSpan, Fact, Precision
from chronika.vault.keyfile import KeyFile
from chronika.vault.keys import INTERACTIVE_KDF, Keyring, derive_view_key
from chronika.vault.ledger import Ledger
from chronika.vault.record import (
    IncidentAccept,
    IncidentCreate,
    IncidentRetract,
    Operation,
    ResponseAdd,
    ResponseKind,
    SourceAdd,
    encode_payload,
)
from chronika.vault.replay import replay
from chronika.vault.secret import Passphrase
from chronika.vault.segment import LEDGER_DIR
from chronika.vault.sqlite_view import VIEW_SCHEMA, SqliteView
from chronika.vault.vault import VIEW_FILE
from chronika.vault.view import Head

SEED = 20161203
#: Bump when the generated vault changes, so a cached one from an older generator is not reused.
GENERATOR = 1
PASSPHRASE = "desk benchmark passphrase"
FIRST_DAY = dt.date(2006, 1, 1).toordinal()
DAYS = 18 * 365
TYPES = ("list", "search", "chronology")

# -- the generated vault ---------------------------------------------------------------------------

_FIRST = (
    "Aslan Timur Ruslan Zaur Magomed Ilyas Islam Murat Anzor Beslan Adam Khasan Said Arbi Lema Ibragim "
    "Artyom Dmitry Sergei Alexei Nikolai Pavel Oleg Yuri Igor Maxim Roman Denis Kirill Viktor Andrei "
    "Yerlan Nurlan Daulet Askar Bakhyt Azamat Rustam Farrukh Jahongir Bekzod Sanjar Otabek "
    "Zarema Madina Aminat Kheda Milana Luiza Zalina Petimat Liana Elina Aishat Fatima Khadizhat "
    "Natalia Yelena Olga Svetlana Irina Tatiana Anna Maria Yekaterina Darya Anastasia Vera Lyudmila "
    "Gulnara Aigerim Dinara Saule Zhanar Nigora Dilnoza Malika Shakhnoza Feruza"
).split()
_ROOTS = (
    "Bakar Dzhab Umar Khas Magom Tsur Elmurz Gaz Idris Musl Yand Temirb Abdul Saidul Usm Gerikh Zakr "
    "Petr Sokol Volk Morozov Lebed Kozl Novik Zayts Orl Belk Sorok Grach Medved Pchel Komar Kuzn Kovalch "
    "Smirn Tikhon Zhuk Gorb Shchegl Karas Ryab Lisits Barsuk Yezh Tulup Vetr Golub Surk Kalash Kadyr "
    "Nurgal Akhmet Seitk Baimukh Zhuman Tokt Sarsen Kenzh Mirz Rakhim Yusup Kurb Tashk Khodzh Ergash"
).split()
_ENDINGS = ("ov", "ev", "in", "aev", "iev", "enko", "uk", "sky", "bekov", "ayev")
_PERPETRATORS = (
    "police", "riot police", "security service officers", "unknown men", "masked men", "prison guards",
    "investigators", "prosecutors", "traffic police", "National Guard soldiers", "border guards",
    "counter-extremism officers", "plain-clothes officers", "a district court", "the regional governor",
    "local officials", "a pro-government youth group", "state television", "migration officers",
    "tax inspectors", "military police", "the interior ministry", "municipal guards", "hackers",
    "men in camouflage", "the head of the republic", "a bailiff service", "university administrators",
)  # fmt: skip
_SYLLABLES = (
    "kar gor nov vol bel ust tal zar mir dub kras ber lip sos ras tom ish chel kur shal argun gud ach "
    "khoy vedeno nur ak kyz tas bay ural oz kamen lug svet yar dol"
).split()
_PLACE_ENDS = ("sk", "ovo", "ino", "gorod", "any", "evka", "abad", "kala", "yurt", "sai", "tau", "pol")
_SETTINGS = (
    "outside the court", "at a checkpoint", "at his home", "at her home", "in the city centre",
    "near the railway station", "at the airport", "during a picket", "at a protest", "in a café",
    "at the office of a rights group", "on the road out of town", "at the market", "near a mosque",
    "at a polling station", "at the university", "in a police station", "at a bus stop",
)  # fmt: skip
_ACT_PHRASES: dict[Act, tuple[str, ...]] = {
    Act.KILLING: ("shot dead", "killed"),
    Act.ENFORCED_DISAPPEARANCE: ("abducted", "took away, and nothing has been heard since of,"),
    Act.ARBITRARY_DETENTION: ("detained", "arrested", "held overnight"),
    Act.TORTURE_ILL_TREATMENT: ("tortured", "beat in custody"),
    Act.PHYSICAL_ATTACK: ("beat", "attacked", "assaulted"),
    Act.SEXUAL_VIOLENCE: ("sexually assaulted",),
    Act.THREAT: ("threatened", "sent death threats to"),
    Act.SURVEILLANCE: ("followed", "put under surveillance"),
    Act.RAID_SEARCH: ("searched the home of", "raided the flat of"),
    Act.SEIZURE: ("seized the phones and computers of", "confiscated the equipment of"),
    Act.PROPERTY_DESTRUCTION: ("burned the car of", "smashed the windows of the office of"),
    Act.FORCED_DISPLACEMENT: ("expelled", "forced out of the region"),
    Act.SMEAR_CAMPAIGN: ("called a traitor", "accused of working for foreign agents"),
    Act.JUDICIAL_HARASSMENT: ("charged", "fined", "brought a criminal case against"),
    Act.RESTRICTION_OF_MOVEMENT: ("barred from leaving the country", "turned back at the border"),
    Act.RESTRICTION_OF_EXPRESSION: ("blocked the website of", "banned the newspaper of"),
    Act.CYBER_ATTACK: ("hacked the accounts of", "took down the site of"),
    Act.ARMED_CLASH: ("fired on",),
}
_ACTS = list(_ACT_PHRASES)
_ACT_WEIGHTS = list(itertools.accumulate((9, 3, 30, 8, 14, 1, 16, 5, 9, 5, 3, 2, 6, 14, 3, 4, 2, 1)))
_CIRCUMSTANCES = (
    "According to {his} lawyer, {he} was not allowed to call {his} family for {n} hours.",
    "The officers did not show any warrant and refused to give their names.",
    "{He} had taken part in a {event} in {place2} {n} days earlier.",
    "Witnesses said that the men arrived in {n} cars without number plates.",
    "Relatives filed a complaint with the prosecutor's office, which has not answered.",
    "The court hearing lasted {n} minutes; observers and journalists were not admitted.",
    "{He} was released late at night without any document explaining the detention.",
    "Doctors recorded bruises on {his} back, arms and face.",
    "The case file refers to article {article} of the criminal code.",
    "{He} had written about {topic} for a local newspaper.",
    "Colleagues say {he} had received warnings about {his} work on {topic}.",
    "Human rights defenders who tried to visit {him} were turned away at the gate.",
    "A video of the incident was shared online and viewed more than {n} thousand times.",
    "The regional ministry said that it had no information about the incident.",
    "{His} phone was taken and returned {n} days later with its memory erased.",
    "The address of the flat was {street} street, building {n}.",
    "Case No. {case} was opened the same week.",
)
_EVENTS = ("picket", "rally", "press conference", "memorial gathering", "public hearing", "vigil")
_TOPICS = (
    "corruption in the police", "disappearances", "conditions in the local prison", "election fraud",
    "land seizures", "torture in custody", "the rights of migrants", "the war", "religious believers",
)  # fmt: skip
_MONTHS = "January February March April May June July August September October November December".split()


def _zipf(count: int, power: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1.0 / (i + 1) ** power for i in range(count)))


class Corpus:
    """Deterministic generated reports and their incidents (same seed, same vault)."""

    def __init__(self, seed: int = SEED) -> None:
        rng = random.Random(seed)
        self.rng = rng
        names = {f"{rng.choice(_FIRST)} {rng.choice(_ROOTS)}{rng.choice(_ENDINGS)}" for _ in range(9000)}
        self.victims = sorted(names)[:6000]
        rng.shuffle(self.victims)  # popularity order: Zipf over a shuffled list
        places = {
            (rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES) + rng.choice(_PLACE_ENDS)).capitalize()
            for _ in range(2500)
        }
        self.places = sorted(places)[:1500]
        rng.shuffle(self.places)
        self.streets = [rng.choice(_ROOTS) + "skaya" for _ in range(300)]
        self.victim_weights = _zipf(len(self.victims), 0.9)
        self.place_weights = _zipf(len(self.places), 1.0)
        self.perpetrator_weights = _zipf(len(_PERPETRATORS), 1.1)

    def _date(self, rng: random.Random) -> tuple[DateSpan, str]:
        day = dt.date.fromordinal(FIRST_DAY + rng.randrange(DAYS))
        roll = rng.random()
        month = _MONTHS[day.month - 1]
        if roll < 0.70:
            return DateSpan.day(day, f"{day.day} {month} {day.year}"), f"On {day.day} {month} {day.year}"
        if roll < 0.85:
            first = day.replace(day=1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            return DateSpan(start=first, end=last, precision=Precision.MONTH, text=f"{month} {day.year}"), (
                f"In {month} {day.year}"
            )
        if roll < 0.93:
            first, last = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
            return DateSpan(start=first, end=last, precision=Precision.YEAR, text=str(day.year)), (
                f"In {day.year}"
            )
        if roll < 0.98:
            end = day + dt.timedelta(days=rng.randint(2, 40))
            text = f"between {day.day} {month} and {end.day} {_MONTHS[end.month - 1]} {end.year}"
            return DateSpan(start=day, end=end, precision=Precision.RANGE, text=text), text.capitalize()
        text = f"since {day.day} {month} {day.year}"
        return DateSpan(start=day, end=None, precision=Precision.RANGE, text=text), text.capitalize()

    def _paragraph(self, rng: random.Random, victim: str, place: str) -> str:
        first = victim.split(maxsplit=1)[0]
        female = first.endswith("a") or first in ("Aigerim", "Saule", "Zhanar")
        pronouns = (
            {"he": "she", "He": "She", "his": "her", "His": "Her", "him": "her"}
            if female
            else {"he": "he", "He": "He", "his": "his", "His": "His", "him": "him"}
        )
        sentences = []
        for template in rng.sample(_CIRCUMSTANCES, rng.randint(2, 6)):
            sentences.append(
                template.format(
                    **pronouns,
                    n=rng.randint(2, 90),
                    event=rng.choice(_EVENTS),
                    topic=rng.choice(_TOPICS),
                    place2=rng.choices(self.places, cum_weights=self.place_weights)[0],
                    article=rng.choice((212, 280, 282, 318, 319, 205, 208, 20)),
                    street=rng.choice(self.streets),
                    case=f"{rng.randint(1000, 99999)}/{rng.randint(10, 24)}",
                )
            )
        return " ".join(sentences)

    def documents(self, incidents: int) -> Iterator[list[Operation]]:
        """One batch per report: the source, its incidents, then reviews and responses."""
        rng = self.rng
        made = serial = 0
        while made < incidents:
            count = min(rng.choice((1, 1, 2, 2, 3, 4, 5)), incidents - made)
            serial += 1
            source_id = f"src_{serial:08d}"
            at = dt.datetime(2024, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=serial)
            paragraphs: list[str] = []
            creates: list[IncidentCreate] = []
            offset = 0
            for k in range(count):
                victim = rng.choices(self.victims, cum_weights=self.victim_weights)[0]
                place = rng.choices(self.places, cum_weights=self.place_weights)[0]
                perpetrator = rng.choices(_PERPETRATORS, cum_weights=self.perpetrator_weights)[0]
                acts = sorted(
                    set(rng.choices(_ACTS, cum_weights=_ACT_WEIGHTS, k=rng.choice((1, 1, 1, 2, 3)))),
                    key=_ACTS.index,
                )
                span, when = self._date(rng)
                lead = (
                    f"{when}, {perpetrator} {rng.choice(_ACT_PHRASES[acts[0]])} {victim} "
                    f"{rng.choice(_SETTINGS)} in {place}."
                )
                paragraph = f"{lead} {self._paragraph(rng, victim, place)}"
                evidence = (offset, offset + len(lead))
                paragraphs.append(paragraph)
                victim_at = offset + lead.index(victim)
                creates.append(
                    IncidentCreate(
                        id=f"inc_{serial:07d}{k}",
                        at=at,
                        source_id=source_id,
                        date=span,
                        acts=acts,
                        perpetrators=[perpetrator],
                        victims=[victim],
                        location=place,
                        evidence=lead,
                        evidence_span=evidence,
                        confidence=round(rng.uniform(0.5, 0.95), 2),
                        facts=[
                            Fact(
                                field="victim",
                                value=victim,
                                text=victim,
                                span=(victim_at, victim_at + len(victim)),
                            )
                        ],
                    )
                )
                offset += len(paragraph) + 2
            published = max(c.date.start for c in creates if c.date) + dt.timedelta(days=rng.randint(1, 30))
            source = SourceAdd(
                id=source_id,
                at=at,
                name=f"report-{serial}.txt",
                title=f"Report {serial}: {creates[0].victims[0]}",
                text="\n\n".join(paragraphs),
                sha256=f"{serial:064x}",
                media_type="text/plain",
                language="en",
                anchor=Anchor(date=published, origin=AnchorOrigin.DATELINE),
            )
            batch: list[Operation] = [source, *creates]
            for create in creates:
                roll = rng.random()
                if roll < 0.50:
                    batch.append(IncidentAccept(id=create.id, at=at))
                elif roll < 0.54:
                    batch.append(IncidentRetract(id=create.id, at=at, reason="a duplicate of another report"))
                if roll < 0.15:
                    batch.append(
                        ResponseAdd(
                            id=f"rsp_{create.id[4:]}",
                            at=at,
                            incident_id=create.id,
                            kind=rng.choice(list(ResponseKind)),
                            date=published,
                            source="letter from the prosecutor's office",
                        )
                    )
            yield batch
            made += count


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "chronika-bench"


def build_vault(directory: Path, incidents: int) -> None:
    """Write the ledger (many reports per append, for speed) and build the view as a rebuild does."""
    started = time.perf_counter()
    _, keyring, _ = KeyFile.create(directory, Passphrase(PASSPHRASE), kdf=INTERACTIVE_KDF)
    entries = documents = 0
    with Ledger.create(directory / LEDGER_DIR, keyring) as ledger:
        pending: list[bytes] = []
        for batch in Corpus().documents(incidents):
            pending += [encode_payload(op) for op in batch]
            documents += 1
            if len(pending) >= 2000:
                ledger.append_batch(pending)
                entries, pending = entries + len(pending), []
        if pending:
            ledger.append_batch(pending)
            entries += len(pending)
    written = time.perf_counter()
    print(
        f"  ledger: {incidents:,} incidents in {documents:,} reports, {entries:,} entries, "
        f"{written - started:.1f} s",
        flush=True,
    )
    build_view(directory, keyring)
    print(f"  view built in {time.perf_counter() - written:.1f} s", flush=True)
    keyring.wipe()


def build_view(directory: Path, keyring: Keyring) -> None:
    """The view from the ledger alone, in bulk mode, swapped in whole: what ``Vault.rebuild`` does."""
    path = directory / VIEW_FILE
    building = path.with_name(VIEW_FILE + ".new")
    building.unlink(missing_ok=True)
    view = SqliteView.open(building, derive_view_key(keyring.data_key), bulk=True)
    try:
        replay(view, directory / LEDGER_DIR, keyring.data_key)
        with Ledger.open(directory / LEDGER_DIR, keyring) as ledger:
            assert ledger.head is not None
            head = Head(ledger.size, ledger.head.root)
        if view.head() != head:
            view.apply([], head)
        view.finish_bulk()
    finally:
        view.close()
    for suffix in ("-wal", "-shm", "-journal"):
        path.with_name(VIEW_FILE + suffix).unlink(missing_ok=True)
    os.replace(building, path)


def vault_for(incidents: int, fresh: bool) -> Path:
    """The cached benchmark vault, built if missing (or ``fresh``), its view rebuilt if outdated."""
    directory = cache_root() / f"desk-{incidents}-g{GENERATOR}"
    done = directory / "complete"
    if fresh or not done.exists():
        shutil.rmtree(directory, ignore_errors=True)
        directory.parent.mkdir(parents=True, exist_ok=True)
        print(f"building the benchmark vault in {directory} (reused by later runs)", flush=True)
        build_vault(directory, incidents)
        done.write_text(f"generator {GENERATOR}\n")
        return directory
    keyring = KeyFile.load(directory).unlock(Passphrase(PASSPHRASE))
    try:
        SqliteView.open(directory / VIEW_FILE, derive_view_key(keyring.data_key)).close()
    except ViewUnusable:
        print(f"the cached vault's view is not schema {VIEW_SCHEMA}: rebuilding it", flush=True)
        started = time.perf_counter()
        build_view(directory, keyring)
        print(f"  view built in {time.perf_counter() - started:.1f} s", flush=True)
    finally:
        keyring.wipe()
    return directory


# -- the URLs --------------------------------------------------------------------------------------


def _url(path: str, params: Sequence[tuple[str, str]]) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def paths(count: int = 600) -> dict[str, list[str]]:
    """Seeded URL lists per page type, drawn with the vault's own popularity (see the module doc)."""
    corpus = Corpus()
    rng = random.Random(SEED + 7)

    def victim() -> str:
        return rng.choices(corpus.victims, cum_weights=corpus.victim_weights)[0]

    def place() -> str:
        return rng.choices(corpus.places, cum_weights=corpus.place_weights)[0]

    def year() -> list[tuple[str, str]]:
        y = rng.randrange(2006, 2024)
        return [("from", f"{y}-01-01"), ("to", f"{y}-12-31")]

    def page() -> list[tuple[str, str]]:
        n = rng.choice((1, 1, 1, 1, 2, 2, 3, 5, 10, 25, 50))
        return [("page", str(n))] if n > 1 else []

    frequent = ("police", "court", "lawyer", "detained", "complaint", "officers", "case", "home")
    medium = ("picket", "vigil", "bruises", "warrant", "newspaper", "checkpoint", "airport", "migrants")
    rare_words = [s.lower() for s in corpus.streets[:40]]

    def query() -> str:
        kind = rng.randrange(7)
        if kind == 0:
            return rng.choice(frequent)
        if kind == 1:
            return rng.choice(medium)
        if kind == 2:
            return rng.choice(rare_words)
        if kind == 3:
            return f"{rng.choice(frequent)} {rng.choice(medium)}"
        if kind == 4:
            return f'"{victim()}"'
        if kind == 5:
            return rng.choice(medium)[:4] + "*"
        return f"{rng.choice(_TOPICS).split()[-1]} {rng.choice(frequent)}"

    def filters() -> list[tuple[str, str]]:
        kind = rng.randrange(9)
        return [
            [],
            [("status", "accepted")],
            [("act", rng.choice(_ACTS).value)],
            year(),
            [("place", place())],
            [("actor", victim())],
            [("actor", rng.choices(_PERPETRATORS, cum_weights=corpus.perpetrator_weights)[0])],
            [("response", rng.choice(list(ResponseKind)).value)],
            [("status", "draft"), ("act", rng.choice(_ACTS).value)],
        ][kind]

    def per() -> list[tuple[str, str]]:
        return [("per", str(rng.choice((20, 20, 20, 50, 100))))]

    lists = [_url("/incidents", filters() + per() + page()) for _ in range(count)]
    searches = [
        _url("/incidents", [("q", query())] + (filters() if rng.random() < 0.4 else []) + page())
        for _ in range(count)
    ]
    chronologies = []
    for _ in range(count):
        kind = rng.randrange(4)
        if kind == 0:
            subject = [("actor", victim())]
        elif kind == 1:
            subject = [("actor", rng.choices(_PERPETRATORS, cum_weights=corpus.perpetrator_weights)[0])]
        elif kind == 2:
            subject = [("place", place())]
        else:
            subject = [("q", query())]
        chronologies.append(_url("/chronology", subject + (page() if rng.random() < 0.3 else [])))
    mixed = [url for trio in zip(lists, searches, chronologies, strict=True) for url in trio]
    return {"list": lists, "search": searches, "chronology": chronologies, "mixed": mixed}


# -- the server ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Server:
    """``chronika serve`` in a child process, unlocked through its unlock form."""

    def __init__(self, vault: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "chronika", "serve", "--vault", str(vault), "--port", str(self.port)]
        self.process = subprocess.Popen(
            [*command, "--idle-minutes", "1440"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    error = self.process.stderr.read().decode() if self.process.stderr else ""
                    raise SystemExit(f"the desk did not start: {error}") from None
                time.sleep(0.1)
        self.cookie = self._unlock()

    def _unlock(self) -> str:
        import httpx

        with httpx.Client(base_url=self.base, follow_redirects=False, timeout=60) as client:
            page = client.get("/unlock")
            token = re.search(r'name="csrf" value="([^"]+)"', page.text)
            assert token, "no CSRF token on the unlock page"
            answer = client.post(
                "/unlock", data={"csrf": token.group(1), "passphrase": PASSPHRASE, "next": "/"}
            )
            if answer.status_code != 303:
                raise SystemExit(f"unlocking the desk failed: {answer.status_code}")
            return "; ".join(f"{name}={value}" for name, value in client.cookies.items())

    def check(self, urls: Sequence[str]) -> None:
        """Every URL answers 200 (wrk counts 4xx and 5xx as errors, but not a redirect to unlock)."""
        import httpx

        with httpx.Client(base_url=self.base, headers={"cookie": self.cookie}, timeout=60) as client:
            for url in urls:
                answer = client.get(url)
                if answer.status_code != 200:
                    raise SystemExit(f"{url} answered {answer.status_code}, not 200: is the desk unlocked?")

    def settle(self, limit: float = 120.0) -> None:
        """Wait until the server has finished what it was sent (its CPU time stops growing)."""
        deadline = time.monotonic() + limit
        last = self.cpu_seconds()
        while time.monotonic() < deadline:
            time.sleep(0.5)
            now = self.cpu_seconds()
            if now - last < 0.02:
                return
            last = now

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# -- the load generators ---------------------------------------------------------------------------

_LUA = r"""
local paths, counter = {}, 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  counter = tonumber(args[2])
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, "max": %d, "errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def run_wrk(server: Server, urls: list[str], seconds: float, clients: int, work: Path) -> dict[str, float]:
    listing, script = work / "paths.txt", work / "desk.lua"
    listing.write_text("\n".join(urls) + "\n")
    script.write_text(_LUA)
    command = [
        "wrk", "-t1", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "20s",
        "-H", f"Cookie: {server.cookie}", "-s", str(script), server.base, "--", str(listing),
        str(random.randrange(len(urls))),
    ]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = re.search(r"^RESULT (.*)$", out, re.MULTILINE)
    assert found, out
    raw = json.loads(found.group(1))
    return {
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "requests": raw["requests"],
        "p50": raw["p50"] / 1000,
        "p95": raw["p95"] / 1000,
        "p99": raw["p99"] / 1000,
        "max": raw["max"] / 1000,
        "errors": raw["errors"],
    }


def run_python(server: Server, urls: list[str], seconds: float, clients: int, work: Path) -> dict[str, float]:
    """The fallback generator: ``clients`` asyncio tasks on one httpx client, closed loop."""
    import httpx

    async def main() -> dict[str, float]:
        times: list[float] = []
        errors = 0
        counter = itertools.count(random.randrange(len(urls)))
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        headers = {"cookie": server.cookie}
        async with httpx.AsyncClient(
            base_url=server.base, limits=limits, headers=headers, timeout=20
        ) as client:
            deadline = time.perf_counter() + seconds

            async def one_client() -> None:
                nonlocal errors
                while time.perf_counter() < deadline:
                    url = urls[next(counter) % len(urls)]
                    started = time.perf_counter()
                    try:
                        answer = await client.get(url)
                        ok = 200 <= answer.status_code < 300
                    except httpx.HTTPError:
                        ok = False
                    times.append(time.perf_counter() - started)
                    errors += not ok

            started = time.perf_counter()
            await asyncio.gather(*(one_client() for _ in range(clients)))
            elapsed = time.perf_counter() - started
        times.sort()

        def pct(p: float) -> float:
            return times[min(len(times) - 1, int(len(times) * p))] * 1000

        return {
            "rps": len(times) / elapsed,
            "requests": len(times),
            "p50": statistics.median(times) * 1000,
            "p95": pct(0.95),
            "p99": pct(0.99),
            "max": times[-1] * 1000,
            "errors": errors,
        }

    return asyncio.run(main())


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--duration", type=float, default=15.0, help="seconds of load per page type")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of unmeasured load per page type")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--types", default="static,list,search,chronology,mixed")
    parser.add_argument("--fresh", action="store_true", help="build the benchmark vault again")
    parser.add_argument(
        "--python-generator", action="store_true", help="use the Python generator even if wrk is here"
    )
    args = parser.parse_args()

    vault = vault_for(args.incidents, args.fresh)
    wrk = None if args.python_generator else shutil.which("wrk")
    if wrk:
        generator, run = "wrk (Debian package, 1 thread)", run_wrk
    else:
        if not args.python_generator:
            print(
                "wrk is not installed (sudo apt-get install -y wrk): using the Python asyncio generator, "
                "which takes CPU from the server on a small machine; its figures understate the desk"
            )
        generator, run = "Python asyncio + httpx (fallback)", run_python
    urls = paths()
    urls["static"] = ["/static/desk.css"]
    server = Server(vault)
    server.check([urls[kind][i] for kind in args.types.split(",") for i in range(0, len(urls[kind]), 50)])
    print(
        f"{args.incidents:,} incidents; {args.clients} clients; {args.duration:g} s per page type after "
        f"{args.warmup:g} s warm-up; generator: {generator}; {os.cpu_count()} cores; "
        f"load average {load_average()} at start"
    )
    print(
        f"{'page':<12}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'errors':>8}"
        f"{'server CPU ms/req':>19}{'req/s per core':>16}{'p95 / static':>14}"
    )
    results: dict[str, dict[str, float]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="chronika-desk-bench-") as tmp:
            for kind in args.types.split(","):
                if args.warmup > 0:
                    run(server, urls[kind], args.warmup, args.clients, Path(tmp))
                server.settle()
                cpu = server.cpu_seconds()
                result = run(server, urls[kind], args.duration, args.clients, Path(tmp))
                result["cpu_ms"] = (server.cpu_seconds() - cpu) * 1000 / max(1, result["requests"])
                results[kind] = result
                server.settle()  # requests still queued when the clients stopped are not the next run's
                if not result["requests"]:
                    print(f"{kind:<12}no request completed in {args.duration:g} s", flush=True)
                    continue
                server.check(urls[kind][:1])  # still unlocked, still answering pages
                base = results.get("static", {}).get("p95")
                ratio = f"{result['p95'] / base:.1f}x" if base else ""
                print(
                    f"{kind:<12}{result['rps']:8.0f}{result['p50']:9.1f}{result['p95']:9.1f}{result['p99']:9.1f}"
                    f"{result['max']:9.0f}{result['errors']:8.0f}{result['cpu_ms']:19.2f}"
                    f"{1000 / max(result['cpu_ms'], 1e-3):16.0f}{ratio:>14}",
                    flush=True,
                )
    finally:
        server.stop()
    print(f"load average {load_average()} at the end; targets: p95 <= 100 ms and >= 200 requests/s")
    for kind in (*TYPES, "mixed"):
        if kind in results:
            r = results[kind]
            if not r["requests"]:
                print(f"  {kind}: MISSES the targets (no request completed in {args.duration:g} s)")
                continue
            verdict = "meets" if r["p95"] <= 100 and r["rps"] >= 200 and not r["errors"] else "MISSES"
            print(f"  {kind}: {verdict} the targets (p95 {r['p95']:.0f} ms, {r['rps']:.0f} requests/s)")


if __name__ == "__main__":
    main()
