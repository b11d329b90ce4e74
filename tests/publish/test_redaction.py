from __future__ import annotations

import pytest
from publish_scene import CANARIES, Scene

from chronika.publish.bundle import record_lines
from chronika.publish.chronology import Scope, select_incidents
from chronika.publish.redaction import Audience, redact, redact_all
from chronika.vault.record import Status


def _all(scene: Scene) -> list:
    return select_incidents(scene.vault, Scope())


def test_internal_sees_everything_unchanged(scene: Scene) -> None:
    records = _all(scene)
    redacted = redact_all(records, Audience.INTERNAL)
    assert [r.record for r in redacted] == records
    assert all(r.withheld == () for r in redacted)


@pytest.mark.parametrize("audience", [Audience.PUBLIC, Audience.PARTNER])
def test_outside_sees_accepted_only(scene: Scene, audience: Audience) -> None:
    redacted = redact_all(_all(scene), audience)
    assert {r.record.id for r in redacted} == set(scene.accepted)
    assert all(r.record.status is Status.ACCEPTED for r in redacted)
    assert redact(scene.vault.incident(scene.draft), audience) is None
    assert redact(scene.vault.incident(scene.retracted), audience) is None


@pytest.mark.parametrize("audience", [Audience.PUBLIC, Audience.PARTNER])
def test_marked_identities_addresses_and_evidence_are_withheld(scene: Scene, audience: Audience) -> None:
    redacted = redact(scene.vault.incident(scene.sensitive), audience)
    assert redacted is not None
    assert set(redacted.withheld) == {"victims", "location", "evidence"}
    record = redacted.record
    assert record.victims == [] and record.location is None and record.evidence == ""
    assert record.facts == [] and record.notes == []


def test_partner_sees_a_marked_date_public_does_not(scene: Scene) -> None:
    incident = scene.vault.incident(scene.marked_date)
    public = redact(incident, Audience.PUBLIC)
    partner = redact(incident, Audience.PARTNER)
    assert public is not None and partner is not None
    assert public.record.date is None and "date" in public.withheld
    assert partner.record.date == incident.date and "date" not in partner.withheld
    assert public.record.perpetrators == partner.record.perpetrators == []
    assert "evidence" in public.withheld and "evidence" in partner.withheld  # it may name them
    assert public.record.evidence == partner.record.evidence == ""


def test_response_notes_are_internal(scene: Scene) -> None:
    incident = scene.vault.incident(scene.responded)
    public = redact(incident, Audience.PUBLIC)
    assert public is not None
    assert [r.kind for r in public.record.responses] == [r.kind for r in incident.responses]
    assert all(r.note == "" for r in public.record.responses)


@pytest.mark.parametrize("audience", [Audience.PUBLIC, Audience.PARTNER])
def test_no_canary_in_any_redacted_record(scene: Scene, audience: Audience) -> None:
    text = b"\n".join(record_lines(redact_all(_all(scene), audience))).decode()
    for canary in CANARIES.values():
        assert canary not in text
    assert scene.hidden_evidence not in text


def test_canaries_are_really_in_the_vault(scene: Scene) -> None:
    text = b"\n".join(record_lines(redact_all(_all(scene), Audience.INTERNAL))).decode()
    for name, canary in CANARIES.items():
        assert canary in text, name


def test_a_source_file_name_is_not_public(scene: Scene) -> None:
    from chronika.publish.redaction import cite_source
    from chronika.vault.state import SourceRecord

    incident = scene.vault.incident(scene.responded)
    assert incident.source_id is not None
    source = scene.vault.show(incident.source_id)
    assert isinstance(source, SourceRecord) and source.title is None
    assert cite_source(source, Audience.PUBLIC) == f"document {source.id}"
    assert source.name in cite_source(source, Audience.PARTNER)


def test_withheld_evidence_takes_the_merged_drafts_words_too(tmp_path) -> None:
    """A merged incident keeps the other draft's words (``more_evidence``): withheld with the evidence."""
    from chronika.vault.keys import INTERACTIVE_KDF
    from chronika.vault.record import IncidentChanges
    from chronika.vault.secret import Passphrase
    from chronika.vault.vault import Vault

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("On 4 April 2021 police detained the journalist Lidia Sokolova in Tomsk.")
    (folder / "b.txt").write_text(
        "Lidia Sokolova was detained in Tomsk on 4 April 2021, said her editor Pyotr Zhuk."
    )
    vault, _ = Vault.init(tmp_path / "vault", Passphrase("correct horse battery staple"), kdf=INTERACTIVE_KDF)
    try:
        first, second = [i for r in vault.import_documents(sorted(folder.iterdir())) for i in r.incidents]
        vault.merge(first, second)
        vault.edit(first, IncidentChanges(sensitive=["victims"]))
        vault.accept([first])
        merged = vault.incident(first)
        assert "Pyotr Zhuk" in merged.more_evidence[0].text
        for audience in (Audience.PUBLIC, Audience.PARTNER):
            redacted = redact(merged, audience)
            assert redacted is not None and redacted.record.more_evidence == []
            assert "Pyotr Zhuk" not in b"\n".join(record_lines([redacted])).decode()
        internal = redact(merged, Audience.INTERNAL)
        assert internal is not None and internal.record.more_evidence == merged.more_evidence
    finally:
        vault.lock()
