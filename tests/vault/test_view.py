"""The SQLite view: filters, search, order, paging, history; encrypted at rest; refuses foreign keys."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
from pathlib import Path

import msgspec
import pytest
from test_record import AT, EVERY_OPERATION

from chronika.errors import UsageError, ViewUnusable
from chronika.model import Act, ActorKind, DateSpan, Precision
from chronika.vault.keys import derive_view_key
from chronika.vault.record import (
    ActorUpsert,
    IncidentAccept,
    IncidentChanges,
    IncidentCreate,
    IncidentUpdate,
    LinkAdd,
    LinkKind,
    Operation,
    ResponseAdd,
    ResponseKind,
    Status,
)
from chronika.vault.secret import DataKey
from chronika.vault.sqlite_view import SqliteView
from chronika.vault.state import plan
from chronika.vault.view import Filters, Head, PageRequest, parse_query

SOURCE = EVERY_OPERATION[0]
TEXT = (
    "Police detained Anna Petrova in Kazan.\n"
    "Unknown men threatened Oleg Smirnov by phone; he reported it to the prosecutor.\n"
    "Officers beat the journalist Maria Ivanova in Minsk after the petrol attack."
)
LINES = TEXT.split("\n")


def span_of(line: int) -> tuple[int, int]:
    start = sum(len(text) + 1 for text in LINES[:line])
    return start, start + len(LINES[line])


def create(
    n: int, line: int, day: dt.date | None, acts: list[Act], people: list[str], place: str
) -> IncidentCreate:
    start, end = span_of(line)
    return IncidentCreate(
        id=f"inc_{n:08d}",
        at=AT,
        source_id=SOURCE.id,
        date=DateSpan.day(day) if day else None,
        acts=acts,
        perpetrators=people[:1],
        victims=people[1:],
        location=place,
        evidence=TEXT[start:end],
        evidence_span=(start, end),
        confidence=0.8,
    )


OPS: list[Operation] = [
    msgspec.structs.replace(SOURCE, text=TEXT),  # type: ignore[type-var]
    create(1, 0, dt.date(2019, 5, 12), [Act.ARBITRARY_DETENTION], ["police", "Anna Petrova"], "Kazan"),
    create(2, 1, dt.date(2019, 5, 13), [Act.THREAT], ["unknown men", "Oleg Smirnov"], "Kazan"),
    create(
        3,
        2,
        dt.date(2020, 8, 9),
        [Act.PHYSICAL_ATTACK, Act.ARBITRARY_DETENTION],
        ["officers", "Maria Ivanova"],
        "Minsk",
    ),
    create(4, 2, None, [Act.OTHER], ["officers"], "Minsk"),
    IncidentAccept(id="inc_00000001", at=AT),
    ResponseAdd(
        id="rsp_1",
        at=AT,
        incident_id="inc_00000002",
        kind=ResponseKind.INVESTIGATION_REFUSED,
        date=dt.date(2019, 6, 1),
        source="letter",
    ),
    ActorUpsert(id="who_1", at=AT, name="Anna Petrova", kind=ActorKind.PERSON, aliases=["A. Petrova"]),
    LinkAdd(id="lnk_1", at=AT, kind=LinkKind.FOLLOW_UP_OF, from_id="inc_00000002", to_id="inc_00000001"),
]


def fill(view: SqliteView, ops: list[Operation] = OPS, start: int = 0) -> None:
    batch = list(enumerate(ops, start=start))
    view.apply(plan(batch, view.get), Head(start + len(ops), b"r" * 32))


@pytest.fixture
def view() -> SqliteView:
    store = SqliteView.in_memory()
    fill(store)
    return store


def ids(view: SqliteView, text: str = "", **filters: object) -> list[str]:
    query = parse_query(text)
    page = PageRequest(limit=50)
    found = view.search(query, Filters(**filters), page) if query else view.query(Filters(**filters), page)  # type: ignore[arg-type]
    return [incident.id[-1] for incident in found.incidents]


def test_newest_first_and_unknown_dates_last(view: SqliteView) -> None:
    assert ids(view) == ["3", "2", "1", "4"]


def test_filters(view: SqliteView) -> None:
    assert ids(view, statuses=(Status.ACCEPTED,)) == ["1"]
    assert ids(view, acts=(Act.ARBITRARY_DETENTION,)) == ["3", "1"]
    assert ids(view, acts=(Act.THREAT, Act.PHYSICAL_ATTACK)) == ["3", "2"]
    assert ids(view, responses=("investigation_refused",)) == ["2"]
    assert ids(view, responses=("none",)) == ["3", "1", "4"]
    assert ids(view, place="kazan") == ["2", "1"]
    assert ids(view, actor="Oleg Smirnov") == ["2"]
    assert ids(view, actor="A. Petrova") == ["1"]  # an alias of an actor record
    assert ids(view, date_from=dt.date(2019, 5, 13), date_to=dt.date(2019, 12, 31)) == ["2"]
    assert ids(view, date_from=dt.date(2020, 1, 1)) == ["3"]
    assert ids(view, date_to=dt.date(2020, 12, 31)) == ["3", "2", "1"]  # the undated began in no range
    assert ids(view, statuses=(Status.DRAFT,), place="Minsk", acts=(Act.PHYSICAL_ATTACK,)) == ["3"]


def test_words_phrases_prefixes_and_or(view: SqliteView) -> None:
    assert ids(view, "petrova") == ["1"]
    assert ids(view, "prosecutor") == ["2"]  # from the paragraph around the evidence
    assert ids(view, '"Maria Ivanova"') == ["3", "4"]  # 4 is read from the same paragraph
    assert ids(view, '"Ivanova Maria"') == []
    assert ids(view, "journ*") == ["3", "4"]
    assert ids(view, "kazan OR minsk") == ["3", "2", "1", "4"]
    assert ids(view, "threat") == ["2"]  # the act's name is searchable too
    assert ids(view, "Kazan", statuses=(Status.DRAFT,)) == ["2"]
    assert ids(view, "nothing-like-this") == []
    assert parse_query("  ,;  ") == parse_query("")


def test_ranking_only_when_asked_and_affordable(view: SqliteView) -> None:
    ranked = view.search(parse_query("minsk officers"), Filters(), PageRequest(rank=True))
    assert ranked.ranked and {i.id for i in ranked.incidents} == {"inc_00000003", "inc_00000004"}
    assert not view.search(parse_query("minsk"), Filters(), PageRequest()).ranked


def test_pages(view: SqliteView) -> None:
    first = view.query(Filters(), PageRequest(limit=3))
    second = view.query(Filters(), PageRequest(limit=3, offset=3))
    assert first.more and not second.more
    assert [i.id for i in first.incidents + second.incidents] == [f"inc_0000000{n}" for n in "3214"]
    with pytest.raises(UsageError):
        PageRequest(limit=0)
    with pytest.raises(UsageError):
        Filters(date_from=dt.date(2020, 1, 2), date_to=dt.date(2020, 1, 1))
    with pytest.raises(UsageError):
        Filters(responses=("sentenced",))


def test_oldest_first_keeps_unknown_dates_last_across_pages(view: SqliteView) -> None:
    def oldest(text: str = "", size: int = 50, **filters: object) -> list[str]:
        found, offset = [], 0
        while True:
            page = view.search(
                parse_query(text),
                Filters(**filters),
                PageRequest(limit=size, offset=offset, oldest_first=True),  # type: ignore[arg-type]
            )
            found += [incident.id[-1] for incident in page.incidents]
            offset += size
            if not page.more:
                return found

    assert oldest() == oldest(size=1) == oldest(size=3) == ["1", "2", "3", "4"]
    assert oldest("minsk", size=1) == ["3", "4"]
    assert oldest(date_from=dt.date(2019, 5, 13)) == ["2", "3"]  # a date filter leaves the undated out
    assert oldest(statuses=(Status.DRAFT,), size=2) == ["2", "3", "4"]
    past_the_end = view.query(Filters(), PageRequest(limit=2, offset=9, oldest_first=True))
    assert past_the_end.incidents == [] and not past_the_end.more


def test_counts_bounds_and_periods(view: SqliteView) -> None:
    everything, minsk = Filters(), parse_query("minsk")
    assert view.count(None, everything) == 4
    assert view.count(None, everything, limit=2) == 2
    assert view.count(minsk, Filters(statuses=(Status.DRAFT,))) == 2
    assert view.count(None, Filters(statuses=(Status.ACCEPTED,))) == 1
    assert view.date_bounds(None, everything) == (dt.date(2019, 5, 12), dt.date(2020, 8, 9))
    assert view.date_bounds(parse_query("kazan"), everything) == (dt.date(2019, 5, 12), dt.date(2019, 5, 13))
    assert view.date_bounds(parse_query("nothing-like-this"), everything) is None
    years = [dt.date(2019, 1, 1), dt.date(2020, 1, 1), dt.date(2021, 1, 1)]
    assert view.period_counts(None, everything, years) == [2, 1, 1]  # the last number: the undated
    assert view.period_counts(minsk, everything, years) == [0, 1, 1]
    assert view.period_counts(parse_query("mins*"), everything, years) == [0, 1, 1]  # counted in one pass
    assert view.period_counts(parse_query("kaz*"), Filters(date_to=dt.date(2019, 5, 12)), years) == [1, 0, 0]
    assert view.period_counts(None, Filters(date_from=dt.date(2019, 5, 13)), years) == [1, 1, 0]
    days = [dt.date(2019, 5, 12), dt.date(2019, 5, 13), dt.date(2019, 5, 14)]
    assert view.period_counts(None, everything, days) == [1, 1, 1]
    assert view.period_counts(None, everything, []) == [1]


def test_remembered_timelines_follow_every_change_even_from_another_process(tmp_path: Path) -> None:
    key = derive_view_key(DataKey(os.urandom(32)))
    desk = SqliteView.open(tmp_path / "view.db", key)
    fill(desk)
    years, everything = [dt.date(2019, 1, 1), dt.date(2020, 1, 1), dt.date(2021, 1, 1)], Filters()
    assert desk.period_counts(None, everything, years) == [2, 1, 1]
    fill(
        desk, [create(5, 0, dt.date(2019, 7, 1), [Act.THREAT], ["police", "Anna Petrova"], "Kazan")], len(OPS)
    )
    assert desk.period_counts(None, everything, years) == [3, 1, 1]
    other = SqliteView.open(tmp_path / "view.db", key)  # as a CLI command would, while the desk is open
    fill(other, [create(6, 0, dt.date(2020, 12, 31), [Act.THREAT], ["police", "Ivan"], "Perm")], len(OPS) + 1)
    other.close()
    assert desk.period_counts(None, everything, years) == [3, 2, 1]
    assert desk.date_bounds(None, everything) == (dt.date(2019, 5, 12), dt.date(2020, 12, 31))
    desk.close()


def test_counts_and_oldest_first_agree_with_the_records_on_many_incidents() -> None:
    """Random dates (a fifth unknown), acts and places: every count, bound and order is checked
    against the records themselves, so an off-by-one at a period's or the undated range's edge shows."""
    rng = random.Random(4)
    acts, places = [Act.THREAT, Act.ARBITRARY_DETENTION, Act.RAID_SEARCH], ["Kazan", "Minsk", "Perm"]
    made = [
        create(
            n,
            n % 3,
            None if rng.random() < 0.2 else dt.date(2018, 12, 25) + dt.timedelta(days=rng.randrange(800)),
            [rng.choice(acts)],
            ["police", f"Person {n % 17}"],
            rng.choice(places),
        )
        for n in range(1, 301)
    ]
    view = SqliteView.in_memory()
    fill(view, [OPS[0], *made])
    edges = [dt.date(2018, 12, 1)] + [
        dt.date(year, month, 1) for year in (2019, 2020, 2021) for month in (1, 4, 7, 10)
    ]
    for filters in (
        Filters(),
        Filters(acts=(Act.THREAT,)),
        Filters(place="Perm", date_from=dt.date(2019, 3, 3)),
        Filters(date_to=dt.date(2020, 2, 29)),
    ):
        wanted = [
            c
            for c in made
            if (not filters.acts or c.acts[0] in filters.acts)
            and (filters.place is None or c.location == filters.place)
            and (filters.date_from is None or (c.date is not None and c.date.start >= filters.date_from))
            and (filters.date_to is None or (c.date is not None and c.date.start <= filters.date_to))
        ]
        dated = sorted((c for c in wanted if c.date), key=lambda c: (c.date.start, c.id))  # type: ignore[union-attr]
        order = [c.id for c in dated] + [c.id for c in wanted if c.date is None]
        pages = [
            view.query(filters, PageRequest(limit=40, offset=offset, oldest_first=True))
            for offset in range(0, 320, 40)
        ]
        assert [i.id for page in pages for i in page.incidents] == order
        assert view.count(None, filters) == len(wanted)
        assert view.count(None, filters, limit=10) == min(10, len(wanted))
        starts = [c.date.start for c in dated]  # type: ignore[union-attr]
        assert view.date_bounds(None, filters) == ((min(starts), max(starts)) if starts else None)
        expected = [sum(a <= day < b for day in starts) for a, b in itertools.pairwise(edges)]
        assert view.period_counts(None, filters, edges) == [*expected, len(wanted) - len(dated)]


def test_a_date_edit_moves_the_incident_and_history_keeps_every_version(view: SqliteView) -> None:
    edit = IncidentUpdate(
        id="inc_00000001",
        at=AT,
        changes=IncidentChanges(
            date=DateSpan(start=dt.date(2021, 1, 1), end=None, precision=Precision.RANGE)
        ),
    )
    fill(view, [edit], start=len(OPS))
    assert ids(view) == ["1", "3", "2", "4"]
    assert ids(view, "petrova", date_from=dt.date(2021, 1, 1)) == ["1"]
    assert [(v.version, v.entry) for v in view.history("inc_00000001")] == [(1, 1), (2, 5), (3, len(OPS))]
    assert view.head().size == len(OPS) + 1


def test_links_sources_and_records(view: SqliteView) -> None:
    assert [link.id for link in view.links("inc_00000001")] == ["lnk_1"]
    assert view.links("inc_00000003") == []
    source = view.source_by_hash(SOURCE.sha256)
    assert source is not None and source.text == TEXT
    assert [s.id for s in view.search_sources(parse_query("petrol attack"), PageRequest())] == [SOURCE.id]
    assert sorted(r.id for r in view.records()) == sorted(
        {op.id for op in OPS if not op.id.startswith("rsp")}
    )
    assert view.check() is None


def test_the_encrypted_view_shows_nothing_at_rest_and_needs_its_key(tmp_path: Path) -> None:
    key = derive_view_key(DataKey(os.urandom(32)))
    path = tmp_path / "view.db"
    store = SqliteView.open(path, key)
    fill(store)
    store.close()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert not data.startswith(b"SQLite format 3")
    for word in (b"Petrova", b"petrova", b"Kazan", b"kazan", b"prosecutor", b"CREATE TABLE"):
        assert word not in data
    reopened = SqliteView.open(path, key)
    assert ids(reopened) == ["3", "2", "1", "4"] and reopened.head().size == len(OPS)
    reopened.close()
    with pytest.raises(ViewUnusable):
        SqliteView.open(path, derive_view_key(DataKey(os.urandom(32))))


def test_a_view_of_another_schema_is_refused(tmp_path: Path) -> None:
    key = derive_view_key(DataKey(os.urandom(32)))
    store = SqliteView.open(tmp_path / "view.db", key)
    store._db.execute("UPDATE meta SET value = 999 WHERE name = 'schema'")
    store.close()
    with pytest.raises(ViewUnusable, match="schema"):
        SqliteView.open(tmp_path / "view.db", key)


def test_a_nul_in_a_name_filter_is_no_error() -> None:
    """Found by schemathesis: FTS5 reads the MATCH expression as a C string, which a NUL ended."""
    view = SqliteView.in_memory()
    try:
        for filters in (Filters(actor="\x00"), Filters(place="a\x00b"), Filters(actor="x\x00", place="\x00")):
            assert view.query(filters, PageRequest()).incidents == []
    finally:
        view.close()
