"""Schemathesis against the OpenAPI document a live, unlocked, token-authenticated desk serves.

A real ``chronika serve`` on 127.0.0.1 is set up through its pages, given the sample report, and
an API token; schemathesis then loads ``/api/v1/openapi.json`` from it and sends generated requests
(valid and invalid) to every operation. No response may be a 5xx, and every error has the API's one
shape. Half the requests that name an incident, source or record get a real one from the vault, so
the generated bodies reach the rules behind the 404s (accept, retract, split, merge, responses).
``max_examples`` keeps the whole run near a minute on a loaded 2-core machine.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from deskkit import SAMPLE
from hypothesis import HealthCheck, settings
from live import prepare, serve

from chronika.desk.openapi import openapi_document

EXAMPLES = int(os.environ.get("CHRONIKA_SCHEMATHESIS_EXAMPLES", "12"))
#: Status codes seen per operation, for the check that the run got past the front door.
SEEN: dict[str, Counter[int]] = defaultdict(Counter)


class Live:
    def __init__(self, url: str, token: str, ids: dict[str, list[str]]) -> None:
        self.url = url
        self.headers = {"Authorization": f"Bearer {token}"}
        self.ids = ids


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    folder = tmp_path_factory.mktemp("schemathesis")
    with serve(folder) as url:
        token = prepare(url)
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=url, headers=headers, timeout=30) as client:
            first = client.post("/api/v1/imports", json={"text": SAMPLE.read_text(), "name": "sample"}).json()
            again = client.post(
                "/api/v1/imports", json={"text": SAMPLE.read_text() + "\nA second copy.", "name": "copy"}
            ).json()
        incidents = first["incidents"] + again["incidents"]
        ids = {
            "incident_id": incidents,
            "source_id": [first["source_id"], again["source_id"]],
            "record_id": [*incidents, first["source_id"]],
        }
        yield Live(url, token, ids)


# The document as the code builds it; test_the_served_document_is_the_one_tested holds the live
# server to serving exactly this. (schemathesis' lazy ``from_fixture`` loader reads a pytest
# attribute that pytest 9 no longer has, so the schema is loaded at import time.)
schema = schemathesis.openapi.from_dict(openapi_document())


def test_the_served_document_is_the_one_tested(live: Live) -> None:
    served = httpx.get(live.url + "/api/v1/openapi.json", timeout=10)
    assert served.status_code == 200 and served.json() == json.loads(json.dumps(openapi_document()))


def _real_ids(case: Any, ids: dict[str, list[str]]) -> None:
    """Swap generated ids for real ones in half the cases (chosen by the case's own content)."""
    digest = hashlib.sha256(repr((case.method, case.path, case.path_parameters, case.body)).encode()).digest()
    if not digest[0] % 2:
        return
    incidents = ids["incident_id"]
    for name in list(case.path_parameters or {}):
        if name in ids:
            case.path_parameters[name] = ids[name][digest[1] % len(ids[name])]
    if isinstance(case.body, dict):
        for field, value in (("other", incidents[digest[2] % len(incidents)]), ("to", incidents[-1])):
            if field in case.body:
                case.body[field] = value
        if "ids" in case.body:
            case.body["ids"] = incidents[: 1 + digest[3] % 3]


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_generated_request_causes_a_server_error(case: Any, live: Live) -> None:
    _real_ids(case, live.ids)
    response = case.call(base_url=live.url, headers=live.headers, timeout=30)
    SEEN[f"{case.method} {case.path}"][response.status_code] += 1
    assert response.status_code < 500, (case.method, case.formatted_path, case.body, response.text)
    if response.status_code >= 400 and case.path != "/api/v1/openapi.json":
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body


def test_the_run_reached_the_rules_not_only_the_front_door() -> None:
    """Runs after the generated requests: most operations answered some of them with success."""
    if not SEEN:
        pytest.skip("run with the generated requests above")
    print({operation: dict(codes) for operation, codes in sorted(SEEN.items())})
    operations = {
        f"{method.upper()} {path}" for path, item in openapi_document()["paths"].items() for method in item
    }
    assert operations <= set(SEEN)  # (schemathesis also tries methods the document does not list)
    succeeded = {op for op in operations if any(200 <= code < 300 for code in SEEN[op])}
    assert len(succeeded) >= len(operations) * 2 // 3, sorted(operations - succeeded)
