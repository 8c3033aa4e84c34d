"""This installation's private keys, kept as files in the data folder (``paths.keys_dir()``).

``signing.key``: the Ed25519 signing key (every installation: handoff packages and the audit
log's checkpoints); ``age.key``: the age X25519 identity packages are encrypted to (the city).
Written once, owner-only, atomically; never logged, never put in a package. Losing them means
re-enrolment (a new card, trusted again).

Shared by the handoff and the audit log, so nothing heavy is imported at module level: the
log-in only reads the key file (for the head's seal), it never loads ``cryptography``.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

SIGNING_FILE = "signing.key"
AGE_FILE = "age.key"
_SIGNING_PREFIX = "LAOMO-ED25519-PRIVATE-KEY "


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class KeyStore:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def signing_private(self) -> bytes:
        """The raw 32-byte Ed25519 key (any 32 random bytes are one), made on first use."""
        path = self.folder / SIGNING_FILE
        if not path.exists():
            raw = os.urandom(32)
            _write_private(path, _SIGNING_PREFIX + base64.b64encode(raw).decode() + "\n")
        text = path.read_text(encoding="ascii").strip()
        if not text.startswith(_SIGNING_PREFIX):
            raise ValueError(f"{path}: not a laomo signing key")
        return base64.b64decode(text[len(_SIGNING_PREFIX):])

    def signing_public(self) -> bytes:
        from desktop.exchange.handoff_package import public_of  # cryptography: not at log-in

        return public_of(self.signing_private())

    def age_identity(self) -> str:
        """The age secret key (``AGE-SECRET-KEY-1…``), made on first use; ``age -d -i`` reads
        this file as it is."""
        import pyrage

        path = self.folder / AGE_FILE
        if not path.exists():
            identity = pyrage.x25519.Identity.generate()
            _write_private(path, f"# laomo city decryption key\n"
                                 f"# public key: {identity.to_public()}\n{identity}\n")
        for line in path.read_text(encoding="ascii").splitlines():
            if line.startswith("AGE-SECRET-KEY-"):
                return line.strip()
        raise ValueError(f"{path}: no age identity")

    def age_recipient(self) -> str:
        import pyrage

        return str(pyrage.x25519.Identity.from_str(self.age_identity()).to_public())

    def files(self) -> list[Path]:
        return [p for p in (self.folder / SIGNING_FILE, self.folder / AGE_FILE) if p.exists()]
