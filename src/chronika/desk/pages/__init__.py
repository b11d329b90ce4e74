"""The desk's HTML pages, one module per area: access (setup, unlock, lock), review, browse, admin."""
