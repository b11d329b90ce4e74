"""Units of the desk: evidence marks, the SVG timeline, criteria parsing, languages, config, tokens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chronika.desk.config import DeskConfig, is_loopback
from chronika.desk.i18n import pick_language
from chronika.desk.marks import context_bounds, marked_text
from chronika.desk.selection import Criteria, Role, Sort
from chronika.desk.timeline import draw_histogram, draw_timeline, period_edges
from chronika.desk.tokens import TokenStore
from chronika.errors import UsageError
from chronika.model import DateSpan, Precision
from chronika.vault.record import Status
from chronika.vault.state import IncidentRecord

NOW = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def incident(
    identifier: str, start: str, end: str | None, precision: Precision = Precision.DAY
) -> IncidentRecord:
    span = DateSpan(
        start=dt.date.fromisoformat(start),
        end=dt.date.fromisoformat(end) if end else None,
        precision=precision,
    )
    return IncidentRecord(
        id=identifier,
        version=1,
        entry=0,
        created_at=NOW,
        updated_at=NOW,
        source_id=None,
        status=Status.ACCEPTED,
        date=span,
        acts=[],
        perpetrators=["<b>x</b>"],
        victims=["A & B"],
        location=None,
        evidence="e",
        evidence_span=(0, 1),
        confidence=0.5,
    )


def test_marks_escape_text_and_handle_overlaps() -> None:
    text = "a <b> c & d e"
    html = str(
        marked_text(text, [("inc_1", (2, 9)), ("inc_2", (6, 13)), ("inc_3", (40, 50))], current="inc_2")
    )
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert 'id="ev-inc_1"' in html and 'id="ev-inc_2"' in html and "ev-inc_3" not in html
    assert 'class="current overlap"' in html
    assert html.replace("<mark", "").count("mark>") == 3


def test_context_is_the_paragraph() -> None:
    text = "one\n\ntwo three four\n\nfive"
    assert text[slice(*context_bounds(text, (9, 14)))] == "two three four"
    assert context_bounds("only", (0, 2)) == (0, 4)


def test_timeline_draws_dots_bars_and_arrows_escaped() -> None:
    svg = str(
        draw_timeline(
            [
                incident("inc_a", "2014-12-10", "2014-12-10"),
                incident("inc_b", "2014-12-01", "2014-12-31", Precision.MONTH),
                incident("inc_c", "2014-12-11", None, Precision.RANGE),
            ],
            "Chronology: <x>",
        )
    )
    assert svg.startswith("<svg") and "&lt;x&gt;" in svg
    assert "<circle" in svg and "<rect" in svg and 'class="arrow"' in svg
    assert 'href="#inc_a"' in svg and "A &amp; B" in svg and " style=" not in svg
    assert str(draw_timeline([], "empty")) == ""


def test_timeline_years_axis() -> None:
    svg = str(
        draw_timeline(
            [incident("inc_a", "2001-01-05", "2001-01-05"), incident("inc_b", "2019-06-01", "2019-06-01")],
            "t",
        )
    )
    assert ">2005<" in svg or ">2004<" in svg


def test_period_edges_by_day_month_and_year() -> None:
    day = dt.date
    assert period_edges(day(2014, 12, 30), day(2015, 1, 2)) == [day(2014, 12, d) for d in (30, 31)] + [
        day(2015, 1, d) for d in (1, 2, 3)
    ]
    months = period_edges(day(2014, 3, 15), day(2015, 9, 2))
    assert months[0] == day(2014, 3, 1) and months[-1] == day(2015, 10, 1) and len(months) == 20
    years = period_edges(day(2001, 5, 5), day(2019, 1, 1))
    assert years == [day(year, 1, 1) for year in range(2001, 2021)]


def test_histogram_bars_link_to_their_period_escaped() -> None:
    edges = [dt.date(2014, 1, 1), dt.date(2015, 1, 1), dt.date(2016, 1, 1), dt.date(2017, 1, 1)]
    svg = str(draw_histogram(edges, [3, 0, 1200], "Chronology: <x>", lambda a, b: f"/c?from={a}&to={b}"))
    assert svg.startswith("<svg") and "&lt;x&gt;" in svg and " style=" not in svg
    assert 'href="/c?from=2014-01-01&amp;to=2014-12-31"' in svg and "2014: 3 incidents" in svg
    assert "2016: 1200 incidents" in svg and "from=2015-01-01" not in svg  # an empty year has no bar
    assert str(draw_histogram(edges, [0, 0, 0], "t", lambda a, b: "")) == ""


def test_criteria_round_trip_and_refusals() -> None:
    criteria = Criteria.parse(
        {
            "q": ["Grozny"],
            "act": ["threat", "threat"],
            "status": ["draft"],
            "role": ["victim"],
            "actor": ["X"],
            "sort": ["place"],
            "order": ["asc"],
            "page": ["2"],
            "from": ["2014"],
            "response": ["none"],
        }
    )
    assert (
        criteria.acts == (criteria.acts[0],) and criteria.role is Role.VICTIM and criteria.sort is Sort.PLACE
    )
    assert criteria.date_from == dt.date(2014, 1, 1) and criteria.needs_scan and not criteria.descending
    again = Criteria.parse(
        {key: [v for k, v in criteria.params() if k == key] for key, _ in criteria.params()}
    )
    assert again.params() == criteria.params()
    for bad in ({"page": ["0"]}, {"per": ["5"]}, {"order": ["up"]}, {"response": ["x"]}, {"q": ["x" * 600]}):
        with pytest.raises(UsageError):
            Criteria.parse(bad)


def test_language_negotiation() -> None:
    assert pick_language("ru-RU,ru;q=0.9") == "ru"
    assert pick_language("de, en;q=0.1") == "en"
    assert pick_language("de;q=1, ru;q=0.5") == "ru"
    assert pick_language(None, "ru") == "ru"
    assert pick_language("fr;q=bad") == "en"


def test_config_hosts_and_loopback(tmp_path: Path) -> None:
    config = DeskConfig(vault_dir=tmp_path, port=9000)
    assert config.loopback and "localhost:9000" in config.allowed_hosts and not config.secure_cookies
    assert "http://127.0.0.1:9000" in config.allowed_origins and config.url == "http://127.0.0.1:9000/"
    lan = DeskConfig(vault_dir=tmp_path, host="10.1.2.3", extra_hosts=("desk.lan",))
    assert not lan.loopback and lan.secure_cookies and "desk.lan:8765" in lan.allowed_hosts
    assert "localhost:8765" not in lan.allowed_hosts
    assert is_loopback("::1") and is_loopback("127.3.4.5") and not is_loopback("0.0.0.0")
    with pytest.raises(UsageError):
        DeskConfig(vault_dir=tmp_path, port=0)
    with pytest.raises(UsageError):
        DeskConfig(vault_dir=tmp_path, idle_minutes=0)


def test_token_store(tmp_path: Path) -> None:
    store = TokenStore(tmp_path)
    made = store.create("  ci   job ")
    assert made.token.label == "ci job" and store.check(made.secret) == made.token
    assert store.check(made.secret + "x") is None and store.check("nope") is None
    with pytest.raises(UsageError):
        store.create(" ")
    assert store.revoke(made.token.id) and not store.revoke(made.token.id)
    assert store.check(made.secret) is None
    (tmp_path / "desk-tokens.json").write_text("{broken")
    assert store.list() == []


def test_every_ui_string_has_a_russian_translation() -> None:
    """What ``pybabel extract`` would collect from the desk, each with a non-empty Russian string."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
    from babel.messages.pofile import read_po

    import chronika.desk

    desk = Path(chronika.desk.__file__).parent
    keywords = {**DEFAULT_KEYWORDS, "_": None, "gettext": None, "ngettext": (1, 2)}
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    found = {
        message if isinstance(message, str) else message[0]
        for _, _, message, _, _ in extract_from_dir(str(desk), method_map, keywords=keywords)
    }
    with (desk / "locale" / "ru" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle, locale="ru")
    missing = sorted(m for m in found if m and (m not in catalogue or not catalogue[m].string))
    assert len(found) > 150 and missing == []
