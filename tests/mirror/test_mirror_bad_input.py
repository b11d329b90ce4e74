"""Bad input to a mirror process: malformed, oversized, replayed, unsigned, wrong vault, forged.

Every answer is a 4xx in the one JSON error shape, nothing is stored, and no input gets a 5xx.
"""

from __future__ import annotations

import json
import random
import time

import httpx
import nacl.signing
import pytest
from mirrorkit import mirror_ledger, segment_bytes

from chronika.mirror.protocol import HEADER_TIME, sign_request
from chronika.vault import frame as frames


class Client:
    """Raw HTTP to the mirror, signing as a given device (or not at all)."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url, timeout=10)
        self.mirror_id = self.http.get("/v1/mirror").json()["mirror_id"]

    def signed(self, method: str, target: str, body: bytes = b"", *, key, device: bytes, offset: int = 0):
        headers = sign_request(
            key,
            device,
            mirror_id=self.mirror_id,
            method=method,
            target=target,
            body=body,
            clock_offset=offset,
        )
        return self.http.request(method, target, content=body, headers=headers), headers

    def as_vault(self, vault, method: str, target: str, body: bytes = b"", **options):
        return self.signed(
            method, target, body, key=vault.keyring.signing_key(), device=vault.keyring.device_id, **options
        )[0]


def refused(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, (response.status_code, response.text)
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["code"] == code, body
    assert response.headers["content-type"] == "application/json"
    return body["error"]


@pytest.fixture
def setup(make_vault, mirrors):
    vault, other = make_vault(batches=2), make_vault(batches=2)
    mirror = mirrors()
    for each in (vault, other):
        each.add_mirror(mirror.url)
        assert each.sync(mirror.url).ok
    vault.append(1, 5)  # five entries and a checkpoint the mirror does not have yet
    return vault, other, mirror, Client(mirror.url)


def _tail(vault, mirror) -> tuple[int, bytes]:
    """Where the mirror's copy of segment 1 ends, and the vault's bytes after it."""
    stored = (mirror_ledger(mirror, vault) / "00000001.seg").read_bytes()
    local = (vault.ledger_dir / "00000001.seg").read_bytes()
    return len(stored), local[len(stored) :]


def test_bad_requests_are_4xx_in_one_shape_and_store_nothing(setup):
    vault, other, mirror, client = setup
    vid = vault.keyring.vault_id.hex()
    before = segment_bytes(mirror_ledger(mirror, vault))
    offset, tail = _tail(vault, mirror)
    append = f"/v1/vaults/{vid}/segments/1?offset={offset}"

    refused(client.http.get("/nothing/here"), 404, "E350")
    refused(client.http.delete(f"/v1/vaults/{vid}"), 405, "E351")
    refused(client.http.get(f"/v1/vaults/{vid}"), 401, "E343")  # unsigned
    refused(client.http.post(append, content=tail), 401, "E343")
    refused(client.as_vault(vault, "GET", "/v1/vaults/NOT-HEX"), 400, "E341")
    refused(client.as_vault(vault, "POST", f"/v1/vaults/{vid}", b"{not json"), 400, "E341")
    refused(client.as_vault(vault, "POST", f"/v1/vaults/{vid}", b'{"public_key": 5}'), 400, "E341")
    refused(client.as_vault(vault, "POST", f"/v1/vaults/{vid}/segments/1?offset=x", tail), 400, "E341")
    refused(
        client.as_vault(vault, "POST", f"/v1/vaults/{vid}/segments/1?offset=1&offset=2", tail), 400, "E341"
    )
    refused(client.as_vault(vault, "POST", f"/v1/vaults/{vid}/segments/0?offset=0", tail), 400, "E341")
    refused(client.as_vault(vault, "GET", f"/v1/vaults/{vid}/proof?old=9&new=2"), 400, "E341")
    refused(client.as_vault(vault, "POST", f"/v1/vaults/{vid}/audit", b'{"nonce": "AAAA"}'), 400, "E341")
    refused(client.as_vault(vault, "PUT", f"/v1/vaults/{vid}/keyfile", b"{}"), 400, "E341")
    refused(client.http.post("/v1/recover", content=b'{"locator": "zz", "token": "x"}'), 400, "E341")
    refused(
        client.http.post("/v1/recover", content=json.dumps({"locator": "0" * 32, "token": "A" * 43 + "="})),
        404,
        "E346",
    )
    # oversized: refused from the declared length, and from the bytes when no length is declared
    refused(client.as_vault(vault, "POST", append, b"\0" * (8 * 1024 * 1024 + 1)), 413, "E342")

    def chunks():
        for _ in range(9):
            yield b"\0" * (1024 * 1024)

    refused(client.http.post(append, content=chunks()), 413, "E342")
    # wrong key, wrong vault, a stale timestamp
    stranger = nacl.signing.SigningKey.generate()
    forged, _ = client.signed("GET", f"/v1/vaults/{vid}", key=stranger, device=vault.keyring.device_id)
    refused(forged, 404, "E346")
    refused(client.as_vault(other, "GET", f"/v1/vaults/{vid}"), 404, "E346")
    refused(client.as_vault(other, "POST", append, tail), 404, "E346")
    refused(client.as_vault(vault, "GET", f"/v1/vaults/{'ab' * 16}"), 404, "E346")
    stale = client.as_vault(vault, "GET", f"/v1/vaults/{vid}", offset=-3600)
    refused(stale, 401, "E344")
    assert abs(int(stale.headers[HEADER_TIME]) - time.time()) < 60
    # wrong place
    refused(
        client.as_vault(vault, "POST", f"/v1/vaults/{vid}/segments/1?offset={offset + 1}", tail), 409, "E347"
    )
    refused(client.as_vault(vault, "POST", f"/v1/vaults/{vid}/segments/3?offset=0", tail), 409, "E347")
    assert segment_bytes(mirror_ledger(mirror, vault)) == before

    # and the same append, well formed and signed, is accepted exactly once
    response, headers = client.signed(
        "POST", append, tail, key=vault.keyring.signing_key(), device=vault.keyring.device_id
    )
    assert response.status_code == 200 and response.json()["size"] == 25
    replay = client.http.post(append, content=tail, headers=headers)
    refused(replay, 401, "E345")
    assert segment_bytes(mirror_ledger(mirror, vault)) == segment_bytes(vault.ledger_dir)


def test_forged_frames_are_refused_and_nothing_is_stored(setup):
    vault, other, mirror, client = setup
    vid = vault.keyring.vault_id.hex()
    before = segment_bytes(mirror_ledger(mirror, vault))
    offset, tail = _tail(vault, mirror)
    parsed = list(frames.scan(tail))
    entries = [body for _, kind, body in parsed if kind == frames.KIND_ENTRY]
    checkpoint = next(body for _, kind, body in parsed if kind == frames.KIND_CHECKPOINT)
    target = f"/v1/vaults/{vid}/segments/1?offset={offset}"

    def forged(*bodies: tuple[int, bytes]) -> bytes:
        return b"".join(frames.encode_frame(kind, body) for kind, body in bodies)

    flipped_crc = bytearray(tail)
    flipped_crc[20] ^= 1
    bad_signature = bytearray(checkpoint)
    bad_signature[-10] ^= 1
    other_tail = (other.ledger_dir / "00000001.seg").read_bytes()[-2000:]
    cases = {
        "garbage": b"\x01" + b"\xff" * 300,
        "checksum": bytes(flipped_crc),
        "skipped entry": forged(*((1, e) for e in entries[1:]), (2, checkpoint)),
        "swapped entries": forged(
            (1, entries[1]), (1, entries[0]), *((1, e) for e in entries[2:]), (2, checkpoint)
        ),
        "bad signature": forged(*((1, e) for e in entries), (2, bytes(bad_signature))),
        "short checkpoint": forged(*((1, e) for e in entries[:-1]), (2, checkpoint)),
        "unknown kind": forged((9, b"x" * 40)),
        "other vault": other_tail[other_tail.index(frames.MAGIC) - 9 :],
    }
    for name, body in cases.items():
        response = client.as_vault(vault, "POST", target, body)
        assert response.status_code in (400, 422), (name, response.text)
        assert response.json()["error"]["code"] in ("E341", "E348"), name
        head = client.as_vault(vault, "GET", f"/v1/vaults/{vid}").json()
        assert head["size"] == 20, name
        # a refused slice leaves no pending bytes either: the head ends where it did
        assert head["segments"][0]["length"] == offset, name
    assert segment_bytes(mirror_ledger(mirror, vault)) == before


def test_random_bytes_never_get_a_5xx(setup):
    vault, _, mirror, client = setup
    vid = vault.keyring.vault_id.hex()
    offset, _ = _tail(vault, mirror)
    rng = random.Random(6)
    paths = [
        f"/v1/vaults/{vid}/segments/1?offset={offset}",
        f"/v1/vaults/{vid}",
        f"/v1/vaults/{vid}/audit",
        f"/v1/vaults/{vid}/keyfile",
        "/v1/recover",
    ]
    statuses = set()
    for i in range(150):
        body = rng.randbytes(rng.randrange(0, 3000))
        path = paths[i % len(paths)]
        method = "PUT" if path.endswith("keyfile") else "POST"
        signed = i % 2 == 0 and path != "/v1/recover"
        response = (
            client.as_vault(vault, method, path, body)
            if signed
            else client.http.request(method, path, content=body)
        )
        statuses.add(response.status_code)
        assert 400 <= response.status_code < 500, (path, response.status_code, response.text)
        assert set(response.json()) == {"error"}
    for junk in (
        "/v1/vaults/" + "a" * 5000,
        "/v1/vaults/%00/segments/1",
        "/v1/vaults/" + vid + "/segments/99999999999",
    ):
        response = client.as_vault(vault, "GET", junk)
        assert 400 <= response.status_code < 500, (junk, response.status_code)
    assert statuses <= {400, 401, 404, 409, 413, 422}
