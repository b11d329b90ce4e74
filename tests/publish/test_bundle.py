from __future__ import annotations

import base64
import json
from pathlib import Path

import nacl.signing
import pytest
from publish_scene import CANARIES, PASSPHRASE, SAMPLE, Scene, run_chronika, run_cli

from chronika.publish.bundle import MANIFEST, RECORDS, SIGNATURE, verify_bundle, write_bundle
from chronika.publish.chronology import Scope, build_chronology, render_markdown, timeline_svg
from chronika.publish.redaction import Audience
from chronika.vault.keys import INTERACTIVE_KDF
from chronika.vault.secret import Passphrase
from chronika.vault.vault import Vault

DURESS = "they made me type this one"


def _bundle(scene: Scene, out: Path, audience: Audience = Audience.PUBLIC) -> Path:
    made = build_chronology(scene.vault, Scope(), audience)
    records = [entry.incident for entry in made.entries]
    files = {"chronology.md": render_markdown(made).encode()}
    return write_bundle(scene.vault, out, files, records, kind="chronology", audience=audience.value)


def _culprits(folder: Path) -> list[str]:
    return [culprit for culprit, _ in verify_bundle(folder).problems]


def test_fresh_bundle_verifies(scene: Scene, tmp_path: Path) -> None:
    folder = _bundle(scene, tmp_path / "b")
    check = verify_bundle(folder)
    assert check.ok, check.problems
    assert check.records == len(scene.accepted)
    assert check.files == 2
    manifest = json.loads((folder / MANIFEST).read_text())
    assert manifest["vault"]["public_key"] == scene.vault.keyring.public_key.hex()
    assert all(item["entries"] for item in manifest["records"])
    pinned = verify_bundle(folder, scene.vault.keyring.public_key)
    assert pinned.ok


@pytest.mark.parametrize("audience", [Audience.PUBLIC, Audience.PARTNER])
def test_bundle_leaks_no_canary(scene: Scene, tmp_path: Path, audience: Audience) -> None:
    folder = _bundle(scene, tmp_path / "b", audience)
    for path in folder.iterdir():
        text = path.read_text()
        for canary in CANARIES.values():
            assert canary not in text, path.name


@pytest.mark.parametrize("name", ["chronology.md", RECORDS, MANIFEST, SIGNATURE])
@pytest.mark.parametrize("where", [0, -3])
def test_a_changed_byte_names_the_file(scene: Scene, tmp_path: Path, name: str, where: int) -> None:
    folder = _bundle(scene, tmp_path / "b")
    path = folder / name
    data = bytearray(path.read_bytes())
    data[where] ^= 0x01
    path.write_bytes(bytes(data))
    culprits = _culprits(folder)
    assert culprits
    assert (SIGNATURE if name == MANIFEST else name) in culprits or name in culprits


def test_a_removed_record_is_named(scene: Scene, tmp_path: Path) -> None:
    folder = _bundle(scene, tmp_path / "b")
    lines = (folder / RECORDS).read_bytes().splitlines(keepends=True)
    removed = json.loads(lines[1])["id"]
    (folder / RECORDS).write_bytes(b"".join(lines[:1] + lines[2:]))
    culprits = _culprits(folder)
    assert f"record {removed}" in culprits and RECORDS in culprits


def test_an_added_record_is_named(scene: Scene, tmp_path: Path) -> None:
    folder = _bundle(scene, tmp_path / "b")
    first = json.loads((folder / RECORDS).read_bytes().splitlines()[0])
    first["id"] = "inc_zzzzzzzz"
    with (folder / RECORDS).open("ab") as handle:
        handle.write(json.dumps(first).encode() + b"\n")
    assert "record inc_zzzzzzzz" in _culprits(folder)


def test_a_record_dropped_from_the_manifest_is_named(scene: Scene, tmp_path: Path) -> None:
    folder = _bundle(scene, tmp_path / "b")
    manifest = json.loads((folder / MANIFEST).read_text())
    dropped = manifest["records"].pop(0)["id"]
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    culprits = _culprits(folder)
    assert SIGNATURE in culprits and f"record {dropped}" in culprits


def test_an_added_or_removed_file_is_named(scene: Scene, tmp_path: Path) -> None:
    folder = _bundle(scene, tmp_path / "b")
    (folder / "extra.txt").write_text("hello")
    assert _culprits(folder) == ["extra.txt"]
    (folder / "extra.txt").unlink()
    (folder / "chronology.md").unlink()
    assert _culprits(folder) == ["chronology.md"]


def test_a_replaced_signature_is_named(scene: Scene, tmp_path: Path) -> None:
    folder = _bundle(scene, tmp_path / "b")
    other = nacl.signing.SigningKey.generate()
    forged = other.sign((folder / MANIFEST).read_bytes()).signature
    (folder / SIGNATURE).write_text(base64.b64encode(forged).decode() + "\n")
    assert _culprits(folder) == [SIGNATURE]


def test_a_manifest_resigned_by_another_key_fails_the_pin_and_the_checkpoint(
    scene: Scene, tmp_path: Path
) -> None:
    folder = _bundle(scene, tmp_path / "b")
    other = nacl.signing.SigningKey.generate()
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["vault"]["public_key"] = bytes(other.verify_key).hex()
    data = (json.dumps(manifest, indent=2) + "\n").encode()
    (folder / MANIFEST).write_bytes(data)
    (folder / SIGNATURE).write_text(base64.b64encode(other.sign(data).signature).decode() + "\n")
    assert _culprits(folder) == [MANIFEST]  # the checkpoint is not signed by the claimed key
    assert MANIFEST in [c for c, _ in verify_bundle(folder, scene.vault.keyring.public_key).problems]


def test_a_bad_proof_is_named(scene: Scene, tmp_path: Path) -> None:
    folder = _bundle(scene, tmp_path / "b")
    manifest = json.loads((folder / MANIFEST).read_text())
    target = manifest["records"][0]
    target["entries"][0]["index"] += 1
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    assert f"record {target['id']}" in _culprits(folder)


def test_out_must_be_new(scene: Scene, tmp_path: Path) -> None:
    from chronika.errors import UsageError

    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x").write_text("")
    with pytest.raises(UsageError):
        _bundle(scene, tmp_path / "b")


def test_cli_publish_export_verify(scene: Scene, tmp_path: Path) -> None:
    made = run_cli(
        scene,
        tmp_path,
        "publish",
        "chronology",
        "--audience",
        "public",
        "--format",
        "html",
        "--out",
        str(tmp_path / "html"),
    )
    assert made.returncode == 0, made.stderr
    assert {p.name for p in (tmp_path / "html").iterdir()} == {
        "chronology.html",
        "timeline.svg",
        RECORDS,
        MANIFEST,
        SIGNATURE,
    }
    for fmt in ("csv", "jsonl", "acled", "uwazi-csv"):
        done = run_cli(
            scene, tmp_path, "export", "--format", fmt, "--audience", "partner", "--out", str(tmp_path / fmt)
        )
        assert done.returncode == 0, done.stderr
        checked = run_cli(scene, tmp_path, "verify-bundle", str(tmp_path / fmt))
        assert checked.returncode == 0, checked.stderr
        assert "OK" in checked.stdout
    ok = run_cli(scene, tmp_path, "verify-bundle", str(tmp_path / "html"))
    assert ok.returncode == 0 and "OK" in ok.stdout
    (tmp_path / "html" / "timeline.svg").write_text("<svg/>")
    bad = run_cli(scene, tmp_path, "verify-bundle", str(tmp_path / "html"))
    assert bad.returncode != 0
    assert "FAIL timeline.svg" in bad.stderr


def test_a_duplicated_record_is_named(scene: Scene, tmp_path: Path) -> None:
    folder = _bundle(scene, tmp_path / "b")
    first = (folder / RECORDS).read_bytes().splitlines(keepends=True)[0]
    with (folder / RECORDS).open("ab") as handle:
        handle.write(first)
    record_id = json.loads(first)["id"]
    assert f"record {record_id}" in _culprits(folder)


@pytest.mark.parametrize(
    "manifest",
    [
        b"",
        b"[]",
        b'{"format": "chronika-bundle/1"}',
        b'{"format": "chronika-bundle/1", "vault": 3, "records": 5, "files": []}',
        b'{"format": "chronika-bundle/1", "vault": {"public_key": "00"}, "records": [1, {"id": 2}]}',
    ],
)
def test_a_malformed_manifest_fails_without_crashing(scene: Scene, tmp_path: Path, manifest: bytes) -> None:
    folder = _bundle(scene, tmp_path / "b")
    (folder / MANIFEST).write_bytes(manifest)
    check = verify_bundle(folder)
    assert not check.ok
    assert MANIFEST in [culprit for culprit, _ in check.problems]


def test_a_valid_key_with_a_garbage_manifest_body_does_not_crash(scene: Scene, tmp_path: Path) -> None:
    folder = _bundle(scene, tmp_path / "b")
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["checkpoint"] = 7
    manifest["files"] = {"../../etc/passwd": "00", "chronology.md": 1}
    manifest["records"] = [{"id": "x", "entries": [{"index": "a"}]}, {"id": "y", "entries": 3}]
    (folder / MANIFEST).write_text(json.dumps(manifest))
    check = verify_bundle(folder)
    culprits = [culprit for culprit, _ in check.problems]
    assert SIGNATURE in culprits and "../../etc/passwd" in culprits and "record x" in culprits


def test_duress_publishes_nothing_and_says_so_in_one_line(tmp_path: Path) -> None:
    """Under duress the vault shows nothing and a bundle cannot be signed as the vault: refused, and
    no folder, record or name appears (the refusal itself is a tell: see docs/threat-model.md)."""
    directory = tmp_path / "vault"
    vault, _ = Vault.init(directory, Passphrase(PASSPHRASE), Passphrase(DURESS), kdf=INTERACTIVE_KDF)
    (imported,) = vault.import_documents([SAMPLE])
    vault.accept(imported.incidents)
    names = [name for i in imported.incidents for name in vault.incident(i).victims]
    vault.lock()
    for args in (
        ("publish", "chronology", "--audience", "internal", "--format", "md"),
        ("export", "--format", "csv", "--audience", "internal"),
    ):
        out = tmp_path / args[0]
        done = run_chronika(directory, tmp_path, *args, "--out", str(out), passphrase=DURESS)
        assert done.returncode == 3, done.stderr
        assert done.stderr.strip().splitlines()[-1] == (
            "chronika: error [E240]: a bundle cannot be made from this vault"
        )
        assert not out.exists() and done.stdout == ""
        assert not any(name in done.stderr for name in names)


def test_every_changed_byte_of_every_file_is_named(scene: Scene, tmp_path: Path) -> None:
    """Each byte of each file of a (small) bundle changed in turn, every bit of the signature's:
    verify-bundle fails every time and names that file (a manifest change: the signature). The
    timeline, a second file checked only by its hash like the chronology, every seventh byte."""
    made = build_chronology(scene.vault, Scope(link_group=scene.marked_date), Audience.PARTNER)
    files = {
        "chronology.md": render_markdown(made).encode(),
        "timeline.svg": timeline_svg(made, standalone=True).encode(),
    }
    records = [entry.incident for entry in made.entries]
    folder = write_bundle(scene.vault, tmp_path / "b", files, records, kind="chronology", audience="partner")
    originals = {path.name: path.read_bytes() for path in folder.iterdir()}
    assert set(originals) == {"chronology.md", "timeline.svg", RECORDS, MANIFEST, SIGNATURE}
    missed = []
    for name, data in originals.items():
        named = {name, SIGNATURE} if name == MANIFEST else {name}
        for index in range(0, len(data), 7 if name == "timeline.svg" else 1):
            for bit in range(8) if name == SIGNATURE else (index % 8,):
                changed = bytearray(data)
                changed[index] ^= 1 << bit
                (folder / name).write_bytes(bytes(changed))
                if not named & set(_culprits(folder)):
                    missed.append((name, index, bit))
        (folder / name).write_bytes(data)
    assert missed == []
    assert verify_bundle(folder).ok
