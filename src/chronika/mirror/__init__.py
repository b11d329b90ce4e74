"""Mirrors: off-site copies of a vault on servers that cannot read it, sync, and restore after a fire.

Layers, each a small module, from the wire up:

* ``protocol``: endpoints, JSON bodies, request signatures, limits, the one error shape;
* ``intake``: the checks a mirror (and a pulling client) runs on ledger bytes before storing them;
* ``store``: what a mirror keeps, behind the :class:`~chronika.mirror.store.Store` contract;
  ``FileStore`` keeps the ledger's own segment files;
* ``server``: the ASGI app and ``serve`` (uvicorn);
* ``disk``: durable appends and ranged reads under the store;
* ``access``: how the recovery phrase alone finds and opens a vault on a mirror;
* ``connection``: one signed HTTP connection to one mirror;
* ``local``: the local ledger indexed for comparison; ``roster``: ``mirrors.json``;
* ``witness``: catches a mirror that rolls back, forks, drops, reorders or alters;
* ``client``: sync (push, pull, resume); ``restore``: rebuild a vault from a mirror;
* ``commands``: the CLI.

The threat model they answer is docs/threat-model.md (A6, A7); the walkthrough is docs/mirrors.md.
Nothing is imported here, so the CLI can register the mirror commands without loading the HTTP
stack: import from the modules themselves (``chronika.mirror.client.sync_all``, ...).
"""

"""Mirrors: off-site copies of a vault on servers that cannot read it, sync, and restore after a fire.

Layers, each a small module, from the wire up:

* ``protocol``: endpoints, JSON bodies, request signatures, limits, the one error shape;
* ``intake``: the checks a mirror (and a pulling client) runs on ledger bytes before storing them;
* ``store``: what a mirror keeps, behind the :class:`~chronika.mirror.store.Store` contract;
  ``FileStore`` keeps the ledger's own segment files;
* ``server``: the ASGI app and ``serve`` (uvicorn);
* ``disk``: durable appends and ranged reads under the store;
* ``access``: how the recovery phrase alone finds and opens a vault on a mirror;
* ``connection``: one signed HTTP connection to one mirror;
* ``local``: the local ledger indexed for comparison; ``roster``: ``mirrors.json``;
* ``witness``: catches a mirror that rolls back, forks, drops, reorders or alters;
* ``client``: sync (push, pull, resume); ``restore``: rebuild a vault from a mirror;
* ``commands``: the CLI.

The threat model they answer is docs/threat-model.md (A6, A7); the walkthrough is docs/mirrors.md.
Nothing is imported here, so the CLI can register the mirror commands without loading the HTTP
stack: import from the modules themselves (``chronika.mirror.client.sync_all``, ...).
"""
