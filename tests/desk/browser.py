"""Page objects for the browser tests: one small class per desk page, selectors written once.

Each method does what a person does on that page (fill, choose, press) and waits for the page the
server answers with (JavaScript is off: every step is a form submission or a link). Tests read
as the user's path; when the markup changes, only this module changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from playwright.sync_api import Page


@dataclass
class DeskBrowser:
    page: Page
    url: str

    def go(self, path: str) -> None:
        self.page.goto(self.url + path)

    @property
    def path(self) -> str:
        return self.page.url.removeprefix(self.url)

    def text(self) -> str:
        return self.page.content()

    def flash(self) -> str:
        return self.page.locator(".flashes").inner_text()

    # -- access ---------------------------------------------------------------------------------

    def set_up(self, passphrase: str) -> list[str]:
        """The first-run page: passphrase twice; returns the recovery words shown once."""
        self.page.fill("#passphrase", passphrase)
        self.page.fill("#passphrase2", passphrase)
        self.page.click("button[type=submit].primary")
        words = self.page.locator("#recovery-phrase li").all_inner_texts()
        self.page.click("a.button.primary[href='/inbox']")
        return words

    def unlock(self, passphrase: str) -> None:
        self.page.fill("#passphrase", passphrase)
        self.page.click("form[action='/unlock'] button[type=submit]")

    def lock(self) -> None:
        self.page.click("button.button-lock")

    # -- inbox and review -----------------------------------------------------------------------

    def paste(self, name: str, text: str) -> str:
        """Paste a report in the inbox; returns the source id of the review page it opens."""
        self.go("/inbox")
        self.page.fill("#name", name)
        self.page.fill("#text", text)
        self.page.click("form[action='/inbox/paste'] button[type=submit]")
        return self.path.split("/sources/", 1)[1].split("#", 1)[0]

    def draft_cards(self) -> list[str]:
        return [card.get_attribute("id") or "" for card in self.page.locator("article.card.draft").all()]

    def card_with(self, words: str) -> str:
        """The incident whose evidence (marked in the report's text) holds ``words``."""
        mark = self.page.locator("mark[id^='ev-']", has_text=words).first
        return (mark.get_attribute("id") or "").removeprefix("ev-")

    def split(self, incident_id: str, *, before: str, part_acts: list[str]) -> None:
        """From the draft's card: cut its words where ``before`` starts, give the part these acts."""
        self.page.click(f"article.card#{incident_id} a[href='/incidents/{incident_id}/split']")
        after = self.page.locator("span.after", has_text=re.compile("^" + re.escape(before)))
        self.page.locator("fieldset label", has=after).locator("input[name=cut]").check()
        for act in part_acts:
            self.page.check(f"input[name=part_act][value={act}]")
        self.page.click("button[type=submit].primary")

    def merge(self, keep_id: str, other_id: str, note: str) -> None:
        """From the kept draft's card: choose the other draft, compare, merge."""
        self.page.click(f"article.card#{keep_id} a[href='/incidents/{keep_id}/merge']")
        self.page.select_option("select[name=other]", other_id)
        self.page.click("form[method=get] button[type=submit] >> nth=0")
        self.page.fill("#note", note)
        self.page.click("button[type=submit].primary")

    def accept_all(self) -> None:
        self.page.click("button[name=all_of]")

    # -- one incident ---------------------------------------------------------------------------

    def open_edit(self, incident_id: str) -> None:
        self.go(f"/incidents/{incident_id}/edit")

    def edit(self, *, add_act: str, perpetrator: str, note: str) -> None:
        """On the edit form: tick an act, write a perpetrator in the first empty slot, say why."""
        self.page.check(f"input[name=act][value={add_act}]")
        self.page.locator("input[name=perpetrator][value='']").first.fill(perpetrator)
        self.page.fill("#note", note)
        self.page.click("form.edit button[type=submit].primary")

    def suggestions(self) -> list[str]:
        """The names the edit form's ``<datalist>`` offers (the browser shows them without script)."""
        return [o.get_attribute("value") or "" for o in self.page.locator("#known-actors option").all()]

    def add_response(self, kind: str, day: str, source: str) -> None:
        self.page.select_option("form[action$='/responses'] select[name=kind]", kind)
        self.page.fill("form[action$='/responses'] input[name=date]", day)
        self.page.fill("form[action$='/responses'] input[name=source]", source)
        self.page.click("form[action$='/responses'] button[type=submit]")

    def history_ops(self) -> list[str]:
        return self.page.locator("table.history tbody tr td:nth-child(4)").all_inner_texts()

    # -- finding --------------------------------------------------------------------------------

    def search(self, words: str) -> list[str]:
        """The incidents table's search; returns the ids of the rows found."""
        self.go("/incidents")
        self.page.fill("input[name=q]", words)
        self.page.click(".filters button[type=submit]")
        links = self.page.locator("table.incidents tbody tr td:first-child a").all()
        return [(link.get_attribute("href") or "").rsplit("/", 1)[-1] for link in links]

    def chronology(self, **criteria: str) -> list[str]:
        """A chronology page; returns the incident ids listed under the timeline, in order."""
        self.go("/chronology?" + urlencode(criteria))
        return [item.get_attribute("id") or "" for item in self.page.locator("ol.chronology li").all()]

    def timeline_marks(self) -> int:
        return self.page.locator("svg.timeline .mark").count()

    # -- actors ---------------------------------------------------------------------------------

    def actor(self, name: str) -> None:
        self.go("/actors")
        self.page.click(f"table.directory a:text-is('{name}')")

    def merge_actor_here(self, duplicate: str, note: str) -> None:
        """On an actor's page: the duplicate name becomes an alias of this actor."""
        self.page.fill("form[action='/actors/merge'] #duplicate", duplicate)
        self.page.fill("form[action='/actors/merge'] #merge-note", note)
        self.page.click("form[action='/actors/merge'] button[type=submit]")

    def aliases(self) -> list[str]:
        return self.page.locator("ul.aliases span.alias").all_inner_texts()
