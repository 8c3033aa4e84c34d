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
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
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
        raise PackageRefused("package_damaged", reason="decryption", detail=str(exc)) from exc


# -- the signed zip -----------------------------------------------------------------------------

_ZIP_ERRORS = (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError,
               zipfile.LargeZipFile, zlib.error, ValueError, OverflowError)


class PackageWriter:
    """The signed zip built part by part: each part streams through the compressor (rows are
    never all in memory as text) while its hash and size are counted; :meth:`finish` writes
    the manifest that lists them and its signature."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()
        self._zip = zipfile.ZipFile(self._buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self._parts: dict[str, dict[str, Any]] = {}

    def add(self, name: str, pieces: Iterable[bytes]) -> None:
        if not PART_NAME.match(name) or name in self._parts:
            raise ValueError(f"bad part name {name!r}")
        digest = hashlib.sha256()
        size = 0
        with self._zip.open(name, "w") as out:
            for piece in pieces:
                out.write(piece)
                digest.update(piece)
                size += len(piece)
        self._parts[name] = {"sha256": digest.hexdigest(), "size": size}

    def finish(self, manifest: Mapping[str, Any], private_raw: bytes) -> tuple[bytes, bytes]:
        """The zip's bytes and the manifest's bytes (whose SHA-256 is the package hash)."""
        full = dict(manifest)
        full["format"] = FORMAT
        full["parts"] = dict(sorted(self._parts.items()))
        manifest_bytes = canonical_json(full)
        self._zip.writestr(MANIFEST, manifest_bytes)
        self._zip.writestr(SIGNATURE, sign(private_raw, manifest_bytes))
        self._zip.close()
        return self._buffer.getvalue(), manifest_bytes


def build(manifest: Mapping[str, Any], parts: Mapping[str, bytes], private_raw: bytes) -> bytes:
    """The signed zip: the manifest gets the format and each part's hash and size."""
    for name in parts:
        if not PART_NAME.match(name):
            raise ValueError(f"bad part name {name!r}")
    writer = PackageWriter()
    for name, data in sorted(parts.items()):
        writer.add(name, (data,))
    return writer.finish(manifest, private_raw)[0]


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


class OpenPackage:
    """A signed zip whose manifest and signature have been checked. Parts are read on demand,
    streamed in chunks against the size and hash the signed manifest declares: a part is never
    whole in memory unless asked for with :meth:`body`, and a part that does not match raises
    ``PackageRefused`` once it has been read to its end (so read every part you rely on to the
    end, inside a transaction that the refusal rolls back)."""

    def __init__(self, z: zipfile.ZipFile, by_name: dict[str, zipfile.ZipInfo],
                 manifest: dict[str, Any], manifest_bytes: bytes, signature: bytes) -> None:
        self._zip = z
        self._by_name = by_name
        self.manifest = manifest
        self.manifest_bytes = manifest_bytes
        self.signature = signature

    @property
    def package_hash(self) -> str:
        return sha256_hex(self.manifest_bytes)

    @property
    def names(self) -> list[str]:
        return sorted(self.manifest["parts"])

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> OpenPackage:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def chunks(self, name: str) -> Iterator[bytes]:
        """The part's bytes in chunks of about 1 MiB; an undeclared name yields nothing."""
        entry = self.manifest["parts"].get(name)
        if entry is None:
            return
        info = self._by_name.get(name)
        if info is None:
            raise PackageRefused("package_tampered", part=name)
        if info.file_size > entry["size"]:
            raise PackageRefused("package_damaged", reason=f"{name}: too large")
        digest = hashlib.sha256()
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(1 << 20):
                    size += len(chunk)
                    if size > entry["size"]:
                        raise PackageRefused("package_damaged", reason=f"{name}: too large")
                    digest.update(chunk)
                    yield chunk
        except PackageRefused:
            raise
        except _ZIP_ERRORS as exc:
            raise PackageRefused("package_damaged", reason=str(exc)[:200]) from exc
        if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
            raise PackageRefused("package_tampered", part=name)

    def body(self, name: str) -> bytes:
        return b"".join(self.chunks(name))

    def line_batches(self, name: str) -> Iterator[list[bytes]]:
        """The part's non-empty lines, a chunk's worth at a time."""
        rest = b""
        for chunk in self.chunks(name):
            lines = (rest + chunk).split(b"\n")
            rest = lines.pop()
            yield [line for line in lines if line]
        if rest:
            yield [rest]

    def row_batches(self, name: str) -> Iterator[list[dict[str, Any]]]:
        """The part's JSON lines as objects, a chunk's worth at a time."""
        decode = orjson.loads  # bytes in, UTF-8 checked; about 5x the standard library's
        for batch in self.line_batches(name):
            try:
                rows = [decode(line) for line in batch]
            except (ValueError, UnicodeDecodeError, RecursionError) as exc:
                raise PackageRefused("package_damaged", reason=f"{name}: {exc}"[:200]) from exc
            for row in rows:
                if not isinstance(row, dict):
                    raise PackageRefused("package_damaged", reason="row is not an object")
            yield rows

    def verify_part(self, name: str) -> None:
        """Read a part to its end against the signed manifest (nothing kept)."""
        for _chunk in self.chunks(name):
            pass


def open_package(data: bytes,
                 check_signature: Callable[[dict[str, Any], bytes, bytes], None]
                 ) -> OpenPackage:
    """Open a signed zip: manifest, then ``check_signature(manifest, manifest_bytes, sig)``
    (raises to refuse), no member the manifest does not list. Raises ``PackageRefused``."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError,
            OverflowError) as exc:  # a damaged header can claim any zip version or size
        raise PackageRefused("package_damaged", reason="not a package (zip unreadable)") from exc
    try:
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
        extra = set(by_name) - set(manifest["parts"]) - {MANIFEST, SIGNATURE}
        if extra:
            raise PackageRefused("package_tampered", part=sorted(extra)[0][:80])
        missing = set(manifest["parts"]) - set(by_name)
        if missing:
            raise PackageRefused("package_tampered", part=sorted(missing)[0])
    except BaseException as exc:
        z.close()
        if isinstance(exc, _ZIP_ERRORS):
            raise PackageRefused("package_damaged", reason=str(exc)[:200]) from exc
        raise
    return OpenPackage(z, by_name, manifest, manifest_bytes, signature)


def read(data: bytes, check_signature: Callable[[dict[str, Any], bytes, bytes], None]) -> Package:
    """Open a signed zip: manifest, then ``check_signature(manifest, manifest_bytes, sig)``
    (raises to refuse), then every part against its signed hash. Raises ``PackageRefused``.
    Everything in memory: for receipts, reference packages and cards-sized things; district
    packages are streamed with :func:`open_package`."""
    with open_package(data, check_signature) as opened:
        parts = {name: opened.body(name) for name in opened.manifest["parts"]}
        return Package(opened.manifest, opened.manifest_bytes, opened.signature, parts)


def jsonl(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(canonical_json(r) + b"\n" for r in rows)
