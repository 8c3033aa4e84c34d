"""The quarterly data package as bytes: a signed zip, age-encrypted for the city.

Bytes in, bytes out; no database. Layout of the (decrypted) zip::

    manifest.json   canonical JSON: format, kind, sender, parts {name: {sha256, size}} …
    manifest.sig    Ed25519 signature of manifest.json's bytes (raw 64 bytes)
    <parts>         e.g. rows/person.jsonl, audit.jsonl, receipt.json

A district package is the zip encrypted with the age format to the city's X25519 recipient
(``pyrage``), so ``age -d -i city.key F.lmpkg > F.zip`` opens it too; receipts and reference
packages carry no personal data and are signed but not encrypted. The package's identity
(``package_hash``) is the SHA-256 of manifest.json, which covers every part by its hash.

The reader is written for hostile input: bounded member count, manifest size and part sizes
(read in chunks against the size the *signed* manifest declares, so a zip bomb stops early),
only names the manifest lists, no other member, no path tricks.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from desktop.errors import AppError

FORMAT = "laomo-handoff/1"
CARD_FORMAT = "laomo-card/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
AGE_MAGIC = b"age-encryption.org/v1\n"
MAX_MEMBERS = 64
MAX_MANIFEST = 1 << 20  # 1 MiB
MAX_PART = 1 << 30  # 1 GiB uncompressed, per part
MAX_CARD = 64 << 10
PART_NAME = re.compile(r"^[a-z0-9_]{1,40}(/[a-z0-9_]{1,40})?\.(jsonl|json)$")
KINDS = ("district", "receipt", "reference")


class PackageRefused(AppError):
    """A package, receipt, reference package or card that is refused: nothing was written."""

    exit_code = 3


@dataclass(frozen=True)
class Package:
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    parts: dict[str, bytes]

    @property
    def package_hash(self) -> str:
        return sha256_hex(self.manifest_bytes)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


# -- keys, signatures, fingerprints -----------------------------------------------------------

def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def sign(private_raw: bytes, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_raw).sign(data)


def public_of(private_raw: bytes) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return Ed25519PrivateKey.from_private_bytes(private_raw).public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)


def signature_ok(public_raw: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(signing_public_raw: bytes, age_recipient: str | None) -> str:
    """32 upper-case hex digits over the public keys: what two offices read over the phone."""
    material = signing_public_raw + (age_recipient or "").encode("ascii")
    return hashlib.sha256(material).hexdigest()[:32].upper()


def grouped(fp: str) -> str:
    """``ABCD 1234 …``: a fingerprint in groups of four."""
    return " ".join(fp[i:i + 4] for i in range(0, len(fp), 4))


# -- association cards -------------------------------------------------------------------------

def make_card(*, name: str, kind: str, gbt2260: str | None, city: str, signing_public: bytes,
              age_recipient: str | None, created_at: str, private_raw: bytes) -> bytes:
    body = {
        "format": CARD_FORMAT, "name": name, "kind": kind, "gbt2260": gbt2260, "city": city,
        "signing_key": b64(signing_public), "age_recipient": age_recipient,
        "fingerprint": fingerprint(signing_public, age_recipient), "created_at": created_at,
    }
    signed = dict(body, signature=b64(sign(private_raw, canonical_json(body))))
    return json.dumps(signed, ensure_ascii=False, indent=2).encode("utf-8")


def read_card(data: bytes) -> dict[str, Any]:
    """A card's fields, its self-signature and fingerprint checked."""
    if len(data) > MAX_CARD:
        raise PackageRefused("card_unreadable", reason="too large")
    try:
        card = json.loads(data.decode("utf-8"))
        if not isinstance(card, dict) or card.get("format") != CARD_FORMAT:
            raise ValueError("not a laomo association card")
        signature = unb64(str(card.pop("signature")))
        public = unb64(str(card["signing_key"]))
        for key in ("name", "kind", "city", "fingerprint"):
            if not isinstance(card.get(key), str):
                raise ValueError(f"{key} missing")
        recipient = card.get("age_recipient")
        if recipient is not None and not (isinstance(recipient, str)
                                          and recipient.startswith("age1")):
            raise ValueError("age_recipient")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise PackageRefused("card_unreadable", reason=str(exc)) from exc
    if len(public) != 32 or not signature_ok(public, signature, canonical_json(card)):
        raise PackageRefused("card_bad_signature", name=card.get("name"))
    if fingerprint(public, recipient) != card["fingerprint"]:
        raise PackageRefused("card_bad_signature", name=card.get("name"))
    return card


# -- encryption (age) ---------------------------------------------------------------------------

def encrypt(data: bytes, recipient: str) -> bytes:
    import pyrage

    return bytes(pyrage.encrypt(data, [pyrage.x25519.Recipient.from_str(recipient)]))


def is_encrypted(data: bytes) -> bool:
    return data.startswith(AGE_MAGIC)


def decrypt(data: bytes, identity: str) -> bytes:
    import pyrage

    try:
        return bytes(pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity)]))
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise PackageRefused("package_not_for_us") from exc
        raise PackageRefused("package_damaged", reason=str(exc)) from exc


# -- the signed zip -----------------------------------------------------------------------------

def build(manifest: Mapping[str, Any], parts: Mapping[str, bytes], private_raw: bytes) -> bytes:
    """The signed zip: the manifest gets the format and each part's hash and size."""
    for name in parts:
        if not PART_NAME.match(name):
            raise ValueError(f"bad part name {name!r}")
    full = dict(manifest)
    full["format"] = FORMAT
    full["parts"] = {name: {"sha256": sha256_hex(data), "size": len(data)}
                     for name, data in sorted(parts.items())}
    manifest_bytes = canonical_json(full)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr(MANIFEST, manifest_bytes)
        z.writestr(SIGNATURE, sign(private_raw, manifest_bytes))
        for name, data in sorted(parts.items()):
            z.writestr(name, data)
    return buffer.getvalue()


def _read_member(z: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """At most ``limit`` bytes, counted while inflating (the header's size may lie)."""
    if info.file_size > limit:
        raise PackageRefused("package_damaged", reason=f"{info.filename}: too large")
    out = bytearray()
    with z.open(info) as stream:
        while chunk := stream.read(1 << 20):
            out += chunk
            if len(out) > limit:
                raise PackageRefused("package_damaged", reason=f"{info.filename}: too large")
    return bytes(out)


def _check_manifest(manifest: Any) -> dict[str, Any]:
    if not isinstance(manifest, dict):
        raise PackageRefused("package_damaged", reason="manifest is not an object")
    if manifest.get("format") != FORMAT:
        raise PackageRefused("package_unknown_format", format=str(manifest.get("format"))[:40])
    if manifest.get("kind") not in KINDS:
        raise PackageRefused("package_damaged", reason="unknown kind")
    parts = manifest.get("parts")
    if not isinstance(parts, dict) or len(parts) > MAX_MEMBERS - 2:
        raise PackageRefused("package_damaged", reason="parts")
    for name, entry in parts.items():
        if not (isinstance(name, str) and PART_NAME.match(name) and isinstance(entry, dict)
                and isinstance(entry.get("sha256"), str) and isinstance(entry.get("size"), int)
                and 0 <= entry["size"] <= MAX_PART):
            raise PackageRefused("package_damaged", reason=f"part {str(name)[:60]!r}")
    if not isinstance(manifest.get("sender"), str):
        raise PackageRefused("package_damaged", reason="sender")
    return manifest


def read(data: bytes, check_signature: Callable[[dict[str, Any], bytes, bytes], None]) -> Package:
    """Open a signed zip: manifest, then ``check_signature(manifest, manifest_bytes, sig)``
    (raises to refuse), then every part against its signed hash. Raises ``PackageRefused``."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError,
            OverflowError) as exc:  # a damaged header can claim any zip version or size
        raise PackageRefused("package_damaged", reason="not a package (zip unreadable)") from exc
    try:
        with z:
            infos = z.infolist()
            if len(infos) > MAX_MEMBERS:
                raise PackageRefused("package_damaged", reason="too many members")
            by_name: dict[str, zipfile.ZipInfo] = {}
            for info in infos:
                if info.filename in by_name:
                    raise PackageRefused("package_damaged", reason="duplicate member")
                by_name[info.filename] = info
            if MANIFEST not in by_name or SIGNATURE not in by_name:
                raise PackageRefused("package_damaged", reason="manifest missing")
            manifest_bytes = _read_member(z, by_name[MANIFEST], MAX_MANIFEST)
            signature = _read_member(z, by_name[SIGNATURE], 64)
            try:
                manifest = json.loads(manifest_bytes.decode("utf-8"))
            except (ValueError, UnicodeDecodeError, RecursionError) as exc:
                raise PackageRefused("package_damaged", reason="manifest unreadable") from exc
            manifest = _check_manifest(manifest)
            check_signature(manifest, manifest_bytes, signature)
            declared: dict[str, dict[str, Any]] = manifest["parts"]
            extra = set(by_name) - set(declared) - {MANIFEST, SIGNATURE}
            if extra:
                raise PackageRefused("package_tampered", part=sorted(extra)[0][:80])
            parts: dict[str, bytes] = {}
            for name, entry in declared.items():
                if name not in by_name:
                    raise PackageRefused("package_tampered", part=name)
                body = _read_member(z, by_name[name], entry["size"])
                if len(body) != entry["size"] or sha256_hex(body) != entry["sha256"]:
                    raise PackageRefused("package_tampered", part=name)
                parts[name] = body
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError,
            zipfile.LargeZipFile, zlib.error, ValueError, OverflowError) as exc:
        raise PackageRefused("package_damaged", reason=str(exc)[:200]) from exc
    return Package(manifest, manifest_bytes, signature, parts)


def jsonl(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(canonical_json(r) + b"\n" for r in rows)


def read_jsonl(data: bytes) -> list[dict[str, Any]]:
    rows = []
    for line in data.splitlines():
        if line:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise PackageRefused("package_damaged", reason="row is not an object")
            rows.append(row)
    return rows
