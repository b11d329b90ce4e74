"""Device certificates, revocations and the enrolment file: trust rules and the sealed hand-over."""

from __future__ import annotations

import itertools
import secrets
import time

import msgspec
import nacl.signing
import pytest

from chronika.errors import EnrolmentRefused
from chronika.vault.devices import (
    Certificate,
    Enrolment,
    MirrorAddress,
    Revocation,
    evaluate,
    new_code,
    normalise_code,
    open_enrolment,
    seal_enrolment,
)
from chronika.vault.keys import INTERACTIVE_KDF, device_id_for

VAULT = secrets.token_bytes(16)


class Device:
    def __init__(self) -> None:
        self.key = nacl.signing.SigningKey.generate()
        self.public = bytes(self.key.verify_key)
        self.id = device_id_for(self.public)

    def certify(self, other: Device, name: str = "laptop") -> Certificate:
        return Certificate.issue(
            self.key, vault_id=VAULT, authorised_by=self.id, public_key=other.public, name=name
        )

    def revoke(self, other: Device, after: int) -> Revocation:
        return Revocation.issue(
            self.key, vault_id=VAULT, revoked_by=self.id, device_id=other.id, after_seq=after
        )


def test_trust_flows_from_the_founder_only_and_in_any_order():
    founder, b, c, stranger = Device(), Device(), Device(), Device()
    certs = [founder.certify(b), b.certify(c), stranger.certify(Device())]
    for order in itertools.permutations(certs):
        trust = evaluate(VAULT, founder.public, order)
        assert set(trust.keys) == {founder.id, b.id, c.id}
    # A certificate with a bad signature, or of another vault, counts for nothing.
    forged = msgspec.structs.replace(founder.certify(stranger), signature=bytes(64))
    elsewhere = Certificate.issue(
        founder.key,
        vault_id=secrets.token_bytes(16),
        authorised_by=founder.id,
        public_key=stranger.public,
        name="x",
    )
    assert stranger.id not in evaluate(VAULT, founder.public, [forged, elsewhere]).keys


def test_revocation_cuts_a_device_and_what_it_enrolled_but_never_the_founder():
    founder, b, c = Device(), Device(), Device()
    certs = [founder.certify(b), b.certify(c)]
    revocations = [founder.revoke(b, after=3), b.revoke(founder, after=0)]
    for order in itertools.permutations(revocations):
        trust = evaluate(VAULT, founder.public, certs, order)
        assert trust.cutoffs == {b.id: 3}  # the founder's revocation by b is ignored
        assert trust.may_write(b.id, 3) and not trust.may_write(b.id, 4)
        assert c.id not in trust.keys  # enrolled by a revoked device: withdrawn with it
        assert trust.may_write(founder.id, 10**6)
    # Two revocations of one device: the lower cut-off stands.
    both = evaluate(
        VAULT, founder.public, certs[:1], [founder.revoke(b, after=5), founder.revoke(b, after=2)]
    )
    assert both.cutoffs == {b.id: 2}


def _enrolment(expires: int) -> Enrolment:
    founder, new = Device(), Device()
    seed = new.key.encode()
    return Enrolment(
        vault_id=VAULT,
        data_key=secrets.token_bytes(32),
        signing_seed=seed,
        certificate=founder.certify(new),
        founder_key=founder.public,
        enrolled_by=founder.id,
        mirrors=[MirrorAddress("http://127.0.0.1:9", "00" * 16)],
        expires=expires,
    )


def test_enrolment_opens_with_its_code_only():
    enrolment = _enrolment(int(time.time()) + 60)
    code = new_code()
    blob = seal_enrolment(enrolment, code, kdf=INTERACTIVE_KDF)
    assert enrolment.data_key not in blob and enrolment.signing_seed not in blob
    assert code.encode() not in blob and normalise_code(code).encode() not in blob
    # Typed loosely: upper case, spaces instead of dashes.
    assert open_enrolment(blob, code.upper().replace("-", " ")) == enrolment
    other = new_code()
    with pytest.raises(EnrolmentRefused, match="wrong enrolment code"):
        open_enrolment(blob, other)
    tampered = bytearray(blob)
    tampered[blob.index(b'"sealed":"') + 12] ^= 1
    with pytest.raises(EnrolmentRefused):
        open_enrolment(bytes(tampered), code)
    with pytest.raises(EnrolmentRefused, match="expired"):
        open_enrolment(blob, code, now=time.time() + 3600)
    for bad in ("", "abc", "x" * 12 + "u", "ūūūū-ūūūū-ūūūū"):
        with pytest.raises(EnrolmentRefused):
            open_enrolment(blob, bad)
    with pytest.raises(EnrolmentRefused, match="not a Chronika enrolment"):
        open_enrolment(b"{}", code)
