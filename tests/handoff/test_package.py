"""The package format at byte level: round trip, the standard ``age`` tool, cards, and the
reader under hostile input (Hypothesis: random bytes, zip bombs, huge manifests, ../ names)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.exchange import handoff_package as pkg
from desktop.exchange.handoff_package import PackageRefused
from desktop.services.handoff.keys import KeyStore


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> KeyStore:
    return KeyStore(tmp_path_factory.mktemp("keys"))


def _accept(_m: object, _b: bytes, _s: bytes) -> None:
    return None


def _build(keys: KeyStore, parts: dict[str, bytes] | None = None) -> bytes:
    return pkg.build({"kind": "district", "sender": "长兴县", "sequence": 1},
                     parts or {"rows/person.jsonl": b'{"id":"x"}\n'}, keys.signing_private())


def test_round_trip_and_signature(keys: KeyStore) -> None:
    data = _build(keys)
    got = pkg.read(data, _accept)
    assert got.parts == {"rows/person.jsonl": b'{"id":"x"}\n'}
    assert pkg.signature_ok(keys.signing_public(), got.signature, got.manifest_bytes)
    assert not pkg.signature_ok(keys.signing_public(), got.signature, got.manifest_bytes + b" ")


def test_keys_are_private_files(keys: KeyStore) -> None:
    keys.age_identity()
    for path in keys.files():
        assert path.stat().st_mode & 0o077 == 0


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")
def test_the_age_tool_opens_a_package(keys: KeyStore, tmp_path: Path) -> None:
    inner = _build(keys)
    sealed = tmp_path / "p.lmpkg"
    sealed.write_bytes(pkg.encrypt(inner, keys.age_recipient()))
    opened = subprocess.run(["age", "-d", "-i", str(keys.folder / "age.key"), str(sealed)],
                            capture_output=True, check=True, timeout=60).stdout
    assert opened == inner


def test_card_round_trip_and_tamper(keys: KeyStore) -> None:
    card = pkg.make_card(name="湖州市", kind="city", gbt2260="330500", city="湖州市",
                         signing_public=keys.signing_public(), age_recipient=keys.age_recipient(),
                         created_at="2026-12-03T00:00:00+00:00", private_raw=keys.signing_private())
    read = pkg.read_card(card)
    assert len(pkg.grouped(read["fingerprint"]).split(" ")) == 8
    edited = json.loads(card)
    edited["age_recipient"] = "age1" + "q" * 58
    with pytest.raises(PackageRefused):
        pkg.read_card(json.dumps(edited).encode())


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    return buffer.getvalue()


def test_zip_bomb_stops_at_the_declared_size(keys: KeyStore) -> None:
    good = pkg.read(_build(keys), _accept)
    bomb = b"\0" * (64 << 20)  # 64 MiB of zeros: ~64 KiB compressed
    data = _zip({pkg.MANIFEST: good.manifest_bytes, pkg.SIGNATURE: good.signature,
                 "rows/person.jsonl": bomb})
    with pytest.raises(PackageRefused, match="package_damaged"):
        pkg.read(data, _accept)


def test_huge_manifest_is_refused() -> None:
    data = _zip({pkg.MANIFEST: b"{" + b" " * (2 << 20) + b"}", pkg.SIGNATURE: b"x" * 64})
    with pytest.raises(PackageRefused, match="package_damaged"):
        pkg.read(data, _accept)


def test_traversal_names_are_refused(keys: KeyStore) -> None:
    manifest = {"format": pkg.FORMAT, "kind": "district", "sender": "x",
                "parts": {"../../x.json": {"sha256": "0" * 64, "size": 2}}}
    data = _zip({pkg.MANIFEST: pkg.canonical_json(manifest), pkg.SIGNATURE: b"s" * 64,
                 "../../x.json": b"{}"})
    with pytest.raises(PackageRefused, match="package_damaged"):
        pkg.read(data, _accept)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_random_bytes_never_crash_the_reader(data: bytes) -> None:
    with pytest.raises(PackageRefused):
        pkg.read(data, _accept)


@settings(max_examples=60, deadline=None)
@given(names=st.lists(st.text(min_size=1, max_size=30), max_size=5),
       manifest=st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                             lambda inner: st.lists(inner, max_size=4)
                             | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                             max_leaves=20))
def test_hostile_zips_are_refused_cleanly(names: list[str], manifest: object) -> None:
    members = {pkg.MANIFEST: json.dumps(manifest).encode(), pkg.SIGNATURE: b"s" * 64}
    members.update({n: b"{}" for n in names})
    try:
        data = _zip(members)
    except (ValueError, UnicodeEncodeError, IndexError):  # names zipfile itself cannot write
        return
    with pytest.raises(PackageRefused):
        pkg.read(data, _accept)


@settings(max_examples=40, deadline=None)
@given(cut=st.integers(min_value=0, max_value=10_000), flip=st.integers(min_value=0))
def test_damaged_packages_are_refused(keys: KeyStore, cut: int, flip: int) -> None:
    data = bytearray(_build(keys, {"rows/person.jsonl": b'{"id":"x"}\n' * 200}))
    index = flip % len(data)
    data[index] ^= 0x41
    damaged = bytes(data[: min(cut, len(data) - 1)]) if cut < len(data) else bytes(data)
    try:
        got = pkg.read(damaged, _accept)
    except PackageRefused:
        return
    # a flip that zip and hashes cannot see (e.g. in a comment or unused header field) must
    # still hand back exactly the signed parts
    assert got.parts == {"rows/person.jsonl": b'{"id":"x"}\n' * 200}
