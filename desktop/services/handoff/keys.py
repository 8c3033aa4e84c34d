"""The installation's keys: :mod:`desktop.services.keystore` (shared with the audit log's
signed checkpoints, issue 16 item 6), re-exported here for the handoff."""

from __future__ import annotations

from desktop.services.keystore import AGE_FILE, SIGNING_FILE, KeyStore

__all__ = ["AGE_FILE", "SIGNING_FILE", "KeyStore"]
