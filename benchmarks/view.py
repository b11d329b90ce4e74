"""View benchmark: build, rebuild and search, SQLCipher on disk against SQLite in memory.

    .venv/bin/python benchmarks/view.py [--incidents 100000] [--queries 400] [--backends sqlcipher,memory]
    .venv/bin/python benchmarks/view.py --incidents 1000000 --direct   # 1M: fill the view directly

A generated corpus stands in for a year of a large group's work: documents of 1-3 KB of English-like
text (Zipf-distributed words, so some words are in most documents and most words in few), each with
1-5 incidents naming perpetrators and victims from a pool of 5,000 names and places from a pool of
2,000, dated over ten years, with a quarter of them accepted and a tenth carrying a state response.

What is measured, each backend in its own process (so memory figures are its own):

* import: the operations written to a real ledger, one batch per document, as ``import`` does
  (reported once; it does not depend on the view backend);
* build: the view filled from the ledger by ``rebuild`` (decrypt, decode, apply, index), entries/s;
  with ``--direct`` the planned changes go straight into the view (no ledger), for the 1M run;
* search: first pages (20 incidents) of word queries with and without filters: frequent, medium
  and rare words, names, phrases, prefixes, with status / act / date range / actor / place /
  response filters, newest first; p50, p95 and max in ms, after one warm-up pass;
* memory: the process's peak resident size after building and searching;
* open: how long reopening the encrypted view takes (what every CLI command pays).

Targets (issue 3): search p95 <= 20 ms at 100k incidents with sources, <= 50 ms at 1M; rebuild >=
20,000 entries/s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from chronika.model import Act, Anchor, AnchorOrigin, DateSpan, Fact
from chronika.vault.audit import check_view
from chronika.vault.keyfile import KeyFile
from chronika.vault.keys import INTERACTIVE_KDF, derive_view_key
from chronika.vault.ledger import Ledger
from chronika.vault.record import (
    IncidentAccept,
    IncidentCreate,
    Operation,
    ResponseAdd,
    ResponseKind,
    SourceAdd,
    Status,
    encode_payload,
)
from chronika.vault.replay import CHUNK_ENTRIES, replay
from chronika.vault.secret import Passphrase
from chronika.vault.sqlite_view import SqliteView
from chronika.vault.state import plan
from chronika.vault.verify import verify_ledger
from chronika.vault.view import Filters, Head, PageRequest, parse_query

SEED = 20141213
START = 733_000  # 2007-11-20 as an ordinal: ten years of incidents from there
_VERBS = ("detained", "beat", "threatened", "searched", "followed", "abducted", "fined", "charged")
_ACTS = [act for act in Act if act is not Act.OTHER]


def _words(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnoprstuvy"
    made = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(12_000)}
    return sorted(made)


class Corpus:
    """Deterministic generated documents and incidents (same seed, same corpus)."""

    def __init__(self, seed: int = SEED) -> None:
        rng = random.Random(seed)
        self.rng = rng
        self.words = _words(rng)
        # Zipf-like (cumulative) weights: word i is about 1/(i+1) as frequent as word 0.
        self.weights = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(self.words))))
        firsts = [w.capitalize() for w in rng.sample(self.words, 200)]
        lasts = [w.capitalize() + "ov" for w in rng.sample(self.words, 200)]
        self.names = sorted({f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(6000)})[:5000]
        self.places = sorted({w.capitalize() + "sk" for w in rng.sample(self.words, 2500)})[:2000]
        self.perpetrators = ["police", "security service", "unknown men", "border guards", "prosecutors"]

    def documents(self, incidents: int) -> Iterator[list[Operation]]:
        """Batches as ``import`` writes them: a source document, then its incidents (generated lazily)."""
        rng = self.rng
        made = 0
        serial = 0
        while made < incidents:
            count = min(rng.randint(1, 5), incidents - made)
            serial += 1
            source_id = f"src_{serial:08d}"
            at = _at(serial)
            sentences, spans, ops = [], [], []
            offset = 0
            for k in range(count):
                victim, place = rng.choice(self.names), rng.choice(self.places)
                perpetrator = rng.choice(self.perpetrators)
                day = START + rng.randrange(3650)
                filler = " ".join(rng.choices(self.words, cum_weights=self.weights, k=rng.randint(40, 120)))
                sentence = f"{perpetrator.capitalize()} {rng.choice(_VERBS)} {victim} in {place}. {filler}."
                sentences.append(sentence)
                spans.append((offset, offset + len(sentence)))
                offset += len(sentence) + 2
                acts = sorted(set(rng.sample(_ACTS, rng.choice((1, 1, 2, 3)))), key=_ACTS.index)
                ops.append(
                    IncidentCreate(
                        id=f"inc_{serial:06d}{k:02d}",
                        at=at,
                        source_id=source_id,
                        date=DateSpan.day(_day(day)),
                        acts=acts,
                        perpetrators=[perpetrator],
                        victims=[victim],
                        location=place,
                        evidence=sentence[:200],
                        evidence_span=spans[-1],
                        confidence=0.7,
                        facts=[Fact(field="victim", value=victim, text=victim, span=spans[-1])],
                    )
                )
            text = "\n\n".join(sentences)
            source = SourceAdd(
                id=source_id,
                at=at,
                name=f"report-{serial}.txt",
                text=text,
                sha256=f"{serial:064x}",
                media_type="text/plain",
                language="en",
                anchor=Anchor(date=_day(START + 3650), origin=AnchorOrigin.DATELINE),
            )
            batch: list[Operation] = [source, *ops]
            for op in ops:
                roll = rng.random()
                if roll < 0.25:
                    batch.append(IncidentAccept(id=op.id, at=at))
                if roll < 0.10:
                    batch.append(
                        ResponseAdd(
                            id=f"rsp_{op.id[4:]}",
                            at=at,
                            incident_id=op.id,
                            kind=rng.choice(list(ResponseKind)),
                            date=_day(START + 3650),
                            source="statement",
                        )
                    )
            yield batch
            made += count

    def queries(self, count: int) -> list[tuple[str, str, Filters]]:
        """(label, query text, filters): a mix of word searches with and without filters, in turn."""
        rng = random.Random(SEED + 1)
        frequent, medium, rare = self.words[:20], self.words[200:1000], self.words[5000:]
        accepted = (Status.ACCEPTED,)

        def one(kind: int) -> tuple[str, str, Filters]:
            word, act, year = rng.choice(frequent), (rng.choice(_ACTS),), _year_filter(rng)
            name, place, response = (
                rng.choice(self.names),
                rng.choice(self.places),
                rng.choice(list(ResponseKind)),
            )
            return [
                ("frequent word", word, Filters()),
                ("frequent + status", word, Filters(statuses=accepted)),
                ("frequent + act", word, Filters(acts=act)),
                ("frequent + year", word, year),
                ("two frequent words", f"{word} {rng.choice(frequent)}", Filters()),
                ("medium + act + from", rng.choice(medium), Filters(acts=act, date_from=year.date_from)),
                ("rare word", rng.choice(rare), Filters()),
                ("name as a phrase", f'"{name}"', Filters()),
                ("frequent + actor", word, Filters(actor=name)),
                ("medium + place", rng.choice(medium), Filters(place=place)),
                ("prefix", rng.choice(medium)[:3] + "*", Filters()),
                ("frequent + response", word, Filters(responses=(response.value,))),
                ("filters only", "", Filters(statuses=accepted, acts=act)),
            ][kind % 13]

        return [one(i) for i in range(count)]


def _year_filter(rng: random.Random) -> Filters:
    year = rng.randrange(2008, 2018)
    return Filters(date_from=dt.date(year, 1, 1), date_to=dt.date(year, 12, 31))


def _day(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)


def _at(serial: int) -> dt.datetime:
    return dt.datetime(2018, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=serial)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mib() -> float:
    """Resident memory now (Linux): what the process holds while it answers searches."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def search_times(view: SqliteView, queries: list[tuple[str, str, Filters]]) -> dict[str, object]:
    page = PageRequest(limit=20)

    def run(text: str, filters: Filters) -> int:
        parsed = parse_query(text)
        found = view.search(parsed, filters, page) if parsed else view.query(filters, page)
        return len(found.incidents)

    for _, text, filters in queries:  # warm-up: the cache as after the first few commands
        run(text, filters)
    times: list[float] = []
    by_kind: dict[str, list[float]] = {}
    hits = 0
    for label, text, filters in queries:
        started = time.perf_counter()
        hits += run(text, filters)
        elapsed = (time.perf_counter() - started) * 1000
        times.append(elapsed)
        by_kind.setdefault(label, []).append(elapsed)
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 2),
        "max_ms": round(times[-1], 2),
        "mean_hits": round(hits / len(queries), 1),
        "worst_kind_p95": max(
            ((label, round(sorted(t)[max(0, int(len(t) * 0.95) - 1)], 2)) for label, t in by_kind.items()),
            key=lambda item: item[1],
        ),
    }


def child(args: argparse.Namespace) -> None:
    """One phase of one backend, in its own process; JSON on stdout.

    ``sqlcipher``: build the view file (phase ``build``), then, in a fresh process as every CLI
    command is, open it, search and verify (phase ``search``), so its memory is what a command holds.
    ``memory``: build and search in one process, since an in-memory view lives only as long as it.
    """
    work = Path(args.work)
    corpus = Corpus()
    key_file = KeyFile.load(work / "vault")
    keyring = key_file.unlock(Passphrase("benchmark passphrase"))
    ledger_dir, path = work / "vault" / "ledger", work / "view.db"
    result: dict[str, object] = {"backend": args.backend, "phase": args.phase}
    if args.phase == "build":
        if args.backend == "sqlcipher":
            view = SqliteView.open(path, derive_view_key(keyring.data_key), bulk=True)
        else:
            view = SqliteView.in_memory()
        started = time.perf_counter()
        if args.direct:  # generating the corpus is not the view's work: only plan and apply are timed
            entries, generating, chunk = 0, 0.0, []
            documents = corpus.documents(args.incidents)
            while True:
                paused = time.perf_counter()
                batch = next(documents, None)
                generating += time.perf_counter() - paused
                if batch is not None:
                    chunk += [(entries + i, op) for i, op in enumerate(batch)]
                    entries += len(batch)
                if chunk and (batch is None or len(chunk) >= CHUNK_ENTRIES):
                    view.apply(plan(chunk, view.get), Head(entries, b""))
                    chunk = []
                if batch is None:
                    break
            started += generating
        else:
            entries = replay(view, ledger_dir, keyring.data_key)
        if args.backend == "sqlcipher":
            view.finish_bulk()
        build_s = time.perf_counter() - started
        result |= {
            "entries": entries,
            "build_s": round(build_s, 2),
            "entries_per_s": round(entries / build_s),
        }
        result |= view.counts()
        if args.backend == "sqlcipher":
            view.close()
            result["file_mib"] = round(path.stat().st_size / 2**20, 1)
            print(json.dumps(result))
            return
    else:
        started = time.perf_counter()
        view = SqliteView.open(path, derive_view_key(keyring.data_key))
        view.head()
        result["open_ms"] = round((time.perf_counter() - started) * 1000, 1)
    result |= search_times(view, corpus.queries(args.queries))
    result["rss_searching_mib"] = round(rss_mib(), 1)
    if args.backend == "sqlcipher" and not args.direct:
        keys = {key_file.device_id: key_file.public_key}
        started = time.perf_counter()
        report = verify_ledger(
            ledger_dir, vault_id=key_file.vault_id, public_keys=keys, data_key=keyring.data_key
        )
        result["verify_ledger_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        check_view(view, ledger_dir, keyring.data_key, report)
        result["verify_view_s"] = round(time.perf_counter() - started, 2)
    result["peak_rss_mib"] = round(peak_rss_mib(), 1)
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=390)
    parser.add_argument("--backends", default="sqlcipher,memory")
    parser.add_argument("--direct", action="store_true", help="fill the view directly, without a ledger")
    parser.add_argument("--backend", help=argparse.SUPPRESS)
    parser.add_argument("--phase", default="build", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:
        child(args)
        return
    with tempfile.TemporaryDirectory(prefix="chronika-view-bench-") as tmp:
        work = Path(tmp)
        _, keyring, _ = KeyFile.create(
            work / "vault", Passphrase("benchmark passphrase"), kdf=INTERACTIVE_KDF
        )
        if args.direct:
            print(f"{args.incidents:,} incidents, the view filled directly (no ledger)")
        else:
            started, entries, documents = time.perf_counter(), 0, 0
            with Ledger.create(work / "vault" / "ledger", keyring) as ledger:
                for batch in Corpus().documents(args.incidents):
                    ledger.append_batch([encode_payload(op) for op in batch])
                    entries, documents = entries + len(batch), documents + 1
            seconds = time.perf_counter() - started
            print(
                f"{args.incidents:,} incidents in {documents:,} documents, {entries:,} entries; "
                f"import into the ledger, one batch per document: {seconds:.1f} s, "
                f"{entries / seconds:,.0f} entries/s"
            )
        for backend in args.backends.split(","):
            for phase in ("build", "search") if backend == "sqlcipher" else ("build",):
                command = [sys.executable, __file__, "--backend", backend, "--phase", phase, "--work", tmp]
                command += ["--incidents", str(args.incidents), "--queries", str(args.queries)]
                if args.direct:
                    command.append("--direct")
                out = subprocess.run(command, capture_output=True, text=True, check=False)
                if out.returncode != 0:
                    print(out.stderr, file=sys.stderr)
                    break
                print(out.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
