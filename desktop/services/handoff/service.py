"""The handoff use cases: cards and trust, export (district), import/verify/stage, dry-run
report, merge and undo (city), receipts and reference packages.

Nothing is written when a package is refused: every check runs before the one transaction that
records it. A dry run is the merge itself inside a transaction that is rolled back, so the
report shows exactly what the merge would do.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import String, cast, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from desktop import __version__
from desktop.core.masking import mask_id
from desktop.errors import AppError, NotFound, PermissionDenied, ValidationError
from desktop.exchange import handoff_package as pkg
from desktop.exchange.handoff_package import PackageRefused
from desktop.files import write_atomically
from desktop.models import (
    AuditEvent,
    District,
    HandoffItem,
    HandoffPackage,
    HandoffPeer,
    HandoffUndo,
    Honor,
    Person,
    PersonEvent,
    Standard,
)
from desktop.paths import resources_dir
from desktop.services import audit, seal, settings
from desktop.services.base import Service
from desktop.services.handoff import checks, edits, proposals, reference, resolution
from desktop.services.handoff import rows as rowsmod
from desktop.services.handoff.keys import KeyStore
from desktop.services.handoff.preview import changes_base
from desktop.services.permissions import Actor, Perm

QUARTER_RE = r"^\d{4}Q[1-4]$"


@dataclass(frozen=True)
class Card:
    name: str
    kind: str
    city: str
    fingerprint: str
    grouped: str
    age_recipient: str | None


@dataclass(frozen=True)
class LedgerRow:
    id: int
    direction: str
    kind: str
    district: str
    quarter: str | None
    sequence: int
    state: str
    package_hash: str
    counts: dict[str, Any]
    created_at: str
    created_by: str
    merged_by: str | None
    open_items: int


@dataclass(frozen=True)
class ImportResult:
    kind: str  # district | receipt | reference
    package_id: int | None
    district: str
    sequence: int
    state: str
    dry_run: bool
    report: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportResult:
    package_id: int
    sequence: int
    package_hash: str
    full: bool
    counts: dict[str, int]
    path: Path


def card_summary(data: bytes) -> tuple[str, str]:
    """An association card's name and fingerprint in groups of four (read over the phone)."""
    card = pkg.read_card(data)
    return str(card["name"]), pkg.grouped(card["fingerprint"])


def _staged_open_items(p: HandoffPackage) -> int:
    """The open items a staged package's dry-run report foresees (the items are stored when
    it is merged): the reviewer deciding the merge sees them counted, not 0."""
    try:
        report = json.loads(p.report or "{}")
    except ValueError:
        return 0
    return sum(1 for i in report.get("items") or [] if i.get("status") == "open")


def code_list_version() -> str:
    data = (resources_dir() / "reference" / "codes.json").read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class HandoffService(Service):
    def __init__(self, sessions: sessionmaker[Session], actor: Actor, keys: KeyStore,
                 schema_revision: str, read_sessions: sessionmaker[Session] | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(sessions, actor, read_sessions, today)
        self._keys = keys
        self._schema = schema_revision

    # -- who we are ----------------------------------------------------------------------------

    def _identity(self, s: Session) -> tuple[str, str, str, District]:
        name = settings.get(s, settings.ASSOCIATION)
        if name is None:
            raise AppError("not_initialised")
        mode = settings.get(s, settings.MODE)
        city = settings.get(s, settings.CITY)
        home = s.get(District, uuid.UUID(settings.get(s, "association.district_id")))
        assert home is not None
        return str(name), str(mode), str(city), home

    def card(self) -> bytes:
        """This association's card (public keys, name, GB code, fingerprint), self-signed."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            name, mode, city, home = self._identity(s)
            kind, gbt2260 = home.kind, home.gbt2260
        recipient = self._keys.age_recipient() if mode == "city" else None
        return pkg.make_card(
            name=name, kind=kind, gbt2260=gbt2260, city=city,
            signing_public=self._keys.signing_public(), age_recipient=recipient,
            created_at=_now().isoformat(timespec="seconds"),
            private_raw=self._keys.signing_private())

    def own_fingerprint(self) -> str:
        with self._read_sessions.begin() as s:
            _name, mode, _city, _home = self._identity(s)
        recipient = self._keys.age_recipient() if mode == "city" else None
        return pkg.fingerprint(self._keys.signing_public(), recipient)

    def trust(self, data: bytes, *, replace_reason: str | None = None,
              check_only: bool = False) -> Card:
        """Trust a peer's card: a district trusts its city, the city registers a district.
        A different key for a name already trusted is a re-enrolment: administrators only,
        with a reason; the old key is revoked. ``check_only``: every check, nothing written
        (the page refuses a wrong card before asking for the phone check)."""
        self._actor.require(Perm.MANAGE_SETTINGS)
        card = pkg.read_card(data)
        with self._sessions.begin() as s:
            name, mode, city, _home = self._identity(s)
            if card["city"] != city:
                raise PackageRefused("card_other_city", name=card["name"], city=card["city"])
            if mode == "county" and card["kind"] != "city":
                raise PackageRefused("card_not_city", name=card["name"])
            if mode == "county" and not card.get("age_recipient"):
                raise PackageRefused("card_no_recipient", name=card["name"])
            if mode == "city" and (card["name"] == name or s.scalar(select(District.id).where(
                    District.name == card["name"])) is None):
                raise PackageRefused("card_unknown_district", name=card["name"])
            current = s.scalar(select(HandoffPeer).where(
                HandoffPeer.name == card["name"], HandoffPeer.revoked_at.is_(None)))
            if current is not None and current.fingerprint == card["fingerprint"]:
                return _card(card)
            # one key, one association: a district card with the key of another enrolled
            # district (two associations' cards made on one computer) would let either sign
            # packages as the other
            twin = s.scalar(select(HandoffPeer.name).where(
                HandoffPeer.signing_key == card["signing_key"], HandoffPeer.name != card["name"],
                HandoffPeer.revoked_at.is_(None)))
            if twin is not None:
                raise PackageRefused("card_key_in_use", name=card["name"], other=twin)
            if current is not None and not (replace_reason or "").strip():
                raise PackageRefused("card_key_changed", name=card["name"],
                                     old=pkg.grouped(current.fingerprint))
            if check_only:
                return _card(card)
            if current is not None:
                current.revoked_at = _now()
                current.revoked_by = self._actor.name
                current.revoke_reason = replace_reason
            s.add(HandoffPeer(
                name=card["name"], kind=card["kind"], gbt2260=card.get("gbt2260"),
                city=card["city"], signing_key=card["signing_key"],
                age_recipient=card.get("age_recipient"), fingerprint=card["fingerprint"],
                trusted_by=self._actor.name))
            audit.append(s, self._actor, "handoff.trust", entity="handoff_peer",
                         entity_id=card["name"],
                         detail={"fingerprint": card["fingerprint"],
                                 "replaces": current.fingerprint if current else None,
                                 "reason": replace_reason})
        return _card(card)

    def inspect_card(self, data: bytes) -> Card:
        """A card's name and fingerprint, checked, before the user confirms trusting it."""
        return _card(pkg.read_card(data))

    def peers(self) -> list[Card]:
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            return [Card(p.name, p.kind, p.city, p.fingerprint, pkg.grouped(p.fingerprint),
                         p.age_recipient)
                    for p in s.scalars(select(HandoffPeer).where(HandoffPeer.revoked_at.is_(None))
                                       .order_by(HandoffPeer.name))]

    # -- district: export ----------------------------------------------------------------------

    def export(self, quarter: str, out: Path,
               progress: Callable[[int, int], None] | None = None) -> ExportResult:
        """Write this district's package for ``quarter``: full the first time, afterwards the
        changes since the last acknowledged package; signed, encrypted to the city.
        ``progress(done, total)`` counts the parts: one per table, the audit chain, the
        encryption and the file written."""
        import re

        self._actor.require(Perm.IMPORT_EXPORT)
        if not re.match(QUARTER_RE, quarter or ""):
            raise ValidationError.single("quarter", "quarter_invalid", value=quarter)
        out = Path(out)
        if out.is_dir():
            raise AppError("output_is_directory", path=str(out))
        # The writer's transaction: on SQLite (BEGIN IMMEDIATE) no write is in flight while
        # the rows are read, so the snapshot time is exact and the next package needs no
        # overlap; PostgreSQL writers run concurrently, hence an overlap there (changes_base).
        with self._sessions.begin() as s:
            name, mode, city, _home = self._identity(s)
            if mode != "county":
                raise AppError("handoff_city_cannot_export")
            peer = s.scalar(select(HandoffPeer).where(
                HandoffPeer.kind == "city", HandoffPeer.revoked_at.is_(None)))
            if peer is None or not peer.age_recipient:
                raise AppError("handoff_no_city")
            sent, base, since = changes_base(s)
            snapshot = _now()
            writer = pkg.PackageWriter()
            steps = len(rowsmod.ORDER) + 3
            tell = progress or (lambda _done, _total: None)
            parts = [0]
            write_part = writer.add

            def add(name: str, pieces: Iterable[bytes]) -> None:
                write_part(name, pieces)
                parts[0] += 1
                tell(parts[0], steps)

            counts = rowsmod.export_rows(s, since, add)
            audit_from = (base.audit_head_seq or 0) + 1 if base else 1
            # the package carries a head the district signed (issue 16, item 6): the city
            # keeps it, so this history cannot be rewritten later without the city noticing
            audit.checkpoint(s, self._actor, signing_key=self._keys.signing_private())
            head = _audit_part(s, audit_from, writer)
            tell(steps - 2, steps)
            sequence = (sent[-1].sequence + 1) if sent else 1
            previous = sent[-1].package_hash if sent else None
            recipient = peer.age_recipient
            city_fp = peer.fingerprint
        entries, head_seq, head_hash, head_action, head_detail = head
        if not entries:
            head_seq = base.audit_head_seq if base else 0
            head_hash = base.audit_head_hash if base else None
        manifest = {
            "kind": "district", "sender": name, "city": city, "city_fingerprint": city_fp,
            "sender_fingerprint": pkg.fingerprint(self._keys.signing_public(), None),
            "quarter": quarter, "sequence": sequence,
            "base_sequence": base.sequence if base else 0, "previous_hash": previous,
            "full": base is None, "since": since.isoformat() if since else None,
            "snapshot_at": snapshot.isoformat(), "schema_revision": self._schema,
            "code_list_version": code_list_version(), "app_version": __version__,
            "created_at": snapshot.isoformat(timespec="seconds"), "created_by": self._actor.name,
            "counts": counts,
            "audit": {"from_seq": audit_from, "head_seq": head_seq, "head_hash": head_hash,
                      "entries": entries,
                      "checkpoint": json.loads(str(head_detail))
                      if entries and head_action == seal.CHECKPOINT_ACTION else None},
        }
        inner, manifest_bytes = writer.finish(manifest, self._keys.signing_private())
        del writer
        manifest_hash = pkg.sha256_hex(manifest_bytes)
        sealed = pkg.encrypt(inner, recipient)
        del inner
        tell(steps - 1, steps)
        recorded: list[int] = []

        def record() -> None:
            """The sent ledger row, committed while the package is only a temporary file:
            a package under its name is always in the ledger (a crash in between leaves a
            ledger row without a file, which the next export supersedes)."""
            with self._sessions.begin() as s:
                for older in s.scalars(select(HandoffPackage).where(
                        HandoffPackage.direction == "sent", HandoffPackage.kind == "district",
                        HandoffPackage.state == "sent")):
                    older.state = "superseded"
                row = HandoffPackage(
                    direction="sent", kind="district", district=name, quarter=quarter,
                    sequence=sequence, base_sequence=manifest["base_sequence"],
                    package_hash=manifest_hash, previous_hash=previous, state="sent",
                    counts=json.dumps(counts), snapshot_at=snapshot, since=since,
                    created_by=self._actor.name, audit_head_seq=head_seq,
                    audit_head_hash=head_hash)
                s.add(row)
                s.flush()
                recorded.append(row.id)
                audit.append(s, self._actor, "handoff.export", entity="handoff_package",
                             entity_id=row.id,
                             detail={"quarter": quarter, "sequence": sequence,
                                     "hash": manifest_hash, "counts": counts,
                                     "full": base is None})

        write_atomically(out, sealed, before_rename=record, error_code="handoff_write_failed")
        tell(steps, steps)
        return ExportResult(recorded[0], sequence, manifest_hash, base is None, counts, out)

    # -- import: district packages, receipts, reference packages --------------------------------

    def import_file(self, data: bytes, *, dry_run: bool = False,
                    gap_reason: str | None = None) -> ImportResult:
        """Verify a file and record it (or, ``dry_run``, only say what it would do).
        Raises ``PackageRefused`` (nothing written) when it must not be taken."""
        self._actor.require(Perm.IMPORT_EXPORT)
        if pkg.is_encrypted(data):
            return self._import_district(data, dry_run=dry_run, gap_reason=gap_reason)
        with self._read_sessions.begin() as s:
            _name, mode, _city, _home = self._identity(s)
        package = pkg.read(data, self._checker(kinds=("receipt", "reference"), city_only=True))
        if mode != "county":
            raise PackageRefused("package_wrong_kind", kind=package.manifest["kind"])
        if package.manifest["kind"] == "receipt":
            return self._import_receipt(package, dry_run=dry_run)
        result = self._import_reference(package, dry_run=dry_run)
        if not dry_run:  # then the city's decisions on this district's records
            body = json.loads(package.parts["reference.json"])
            resolution.apply(self._sessions, self._actor, body.get("resolutions") or [],
                             _name, self._today())
        return result

    def _checker(self, *, kinds: tuple[str, ...], city_only: bool = False
                 ) -> Callable[[dict[str, Any], bytes, bytes], None]:
        def check(manifest: dict[str, Any], manifest_bytes: bytes, signature: bytes) -> None:
            if manifest["kind"] not in kinds:
                raise PackageRefused("package_wrong_kind", kind=manifest["kind"])
            with self._read_sessions.begin() as s:
                peer = s.scalar(select(HandoffPeer).where(
                    HandoffPeer.name == manifest["sender"], HandoffPeer.revoked_at.is_(None)))
                revoked = s.scalar(select(func.count()).select_from(HandoffPeer).where(
                    HandoffPeer.name == manifest["sender"], HandoffPeer.revoked_at.is_not(None)))
            if peer is None or (city_only and peer.kind != "city"):
                raise PackageRefused("package_unknown_sender", sender=manifest["sender"])
            if not pkg.signature_ok(pkg.unb64(peer.signing_key), signature, manifest_bytes):
                raise PackageRefused("package_bad_signature", sender=manifest["sender"],
                                     revoked=bool(revoked))
            if isinstance(manifest.get("schema_revision"), str) and \
                    manifest["schema_revision"] > self._schema:
                raise PackageRefused("package_newer_schema",
                                     revision=manifest["schema_revision"], ours=self._schema)
        return check

    def _open_district(self, data: bytes) -> tuple[bytes, pkg.OpenPackage]:
        """The decrypted zip and the package opened from it (manifest and signature checked,
        parts not read yet)."""
        with self._read_sessions.begin() as s:
            _name, mode, _city, _home = self._identity(s)
        if mode != "city":
            raise PackageRefused("package_not_for_us")
        inner = pkg.decrypt(data, self._keys.age_identity())
        opened = pkg.open_package(inner, self._checker(kinds=("district",)))
        for part in opened.names:
            if part.startswith("rows/") and part[5:-6] not in rowsmod.ORDER:
                opened.close()
                raise PackageRefused("package_damaged", reason=f"unknown table {part[5:-6]}")
        return inner, opened

    def _import_district(self, data: bytes, *, dry_run: bool, gap_reason: str | None
                         ) -> ImportResult:
        inner, package = self._open_district(data)
        del data
        with package:
            m = package.manifest
            own_fp = self.own_fingerprint()
            with self._read_sessions.begin() as s:
                _name, _mode, city, _home = self._identity(s)
                if m.get("city") != city or m.get("city_fingerprint") != own_fp:
                    raise PackageRefused("package_not_for_us")
                chain = self._check_sequence(s, package, gap_reason)
            # every row part is read to its end here, against the signed manifest
            report = self._dry_run(package)
            for part in package.names:  # and whatever else the package carries
                if not part.startswith("rows/") and part != "audit.jsonl":
                    package.verify_part(part)
            if dry_run:
                return ImportResult("district", None, m["sender"], m["sequence"], "dry_run",
                                    True, report)
            if gap_reason and not self._actor.can(Perm.MANAGE_SETTINGS):
                raise PermissionDenied("accept_gap", user=self._actor.name,
                                       role=self._actor.role.value)
            with self._sessions.begin() as s:
                self._check_sequence(s, package, gap_reason, chain)  # again, under the lock
                row = HandoffPackage(
                    direction="received", kind="district", district=m["sender"],
                    quarter=m.get("quarter"), sequence=m["sequence"],
                    base_sequence=int(m.get("base_sequence") or 0),
                    package_hash=package.package_hash, previous_hash=m.get("previous_hash"),
                    state="staged", counts=json.dumps(m.get("counts") or {}),
                    report=json.dumps(report, ensure_ascii=False),
                    created_by=self._actor.name, gap_reason=gap_reason, payload=inner,
                    audit_head_seq=(m.get("audit") or {}).get("head_seq"),
                    audit_head_hash=(m.get("audit") or {}).get("head_hash"))
                s.add(row)
                s.flush()
                audit.append(s, self._actor, "handoff.import", entity="handoff_package",
                             entity_id=row.id,
                             detail={"district": m["sender"], "sequence": m["sequence"],
                                     "hash": package.package_hash, "gap_reason": gap_reason})
                package_id = row.id
            return ImportResult("district", package_id, m["sender"], m["sequence"], "staged",
                                False, report)

    def _check_sequence(self, s: Session, package: pkg.OpenPackage, gap_reason: str | None,
                        checked: object = None) -> object:
        """Refuse a replay, a gap (unless accepted with a reason) or a broken audit chain.
        Returns what the chain was checked against; pass it as ``checked`` to check again
        (under the write lock) without reading the chain again when that has not changed."""
        m = package.manifest
        district = m["sender"]
        if not isinstance(m.get("sequence"), int) or m["sequence"] < 1:
            raise PackageRefused("package_damaged", reason="sequence")
        seen = s.scalar(select(HandoffPackage.id).where(
            HandoffPackage.direction == "received",
            HandoffPackage.package_hash == package.package_hash))
        merged = _merged_sequence(s, district)
        if seen is not None or m["sequence"] <= merged:
            raise PackageRefused("package_replay", district=district, sequence=m["sequence"],
                                 merged=merged)
        base = int(m.get("base_sequence") or 0)
        if base > merged and not (gap_reason or "").strip():
            raise PackageRefused("package_gap", district=district, sequence=m["sequence"],
                                 base=base, merged=merged)
        return self._check_audit_chain(s, package, checked)

    def _check_audit_chain(self, s: Session, package: pkg.OpenPackage, checked: object = None
                           ) -> object:
        """The district's audit segment must link to the head the city kept last time, and
        hash correctly: a rewritten history shows."""
        last = s.scalar(select(HandoffPackage).where(
            HandoffPackage.direction == "received", HandoffPackage.kind == "district",
            HandoffPackage.district == package.manifest["sender"],
            HandoffPackage.state == "merged").order_by(HandoffPackage.sequence.desc()).limit(1))
        against = (last.audit_head_seq, last.audit_head_hash) if last is not None else ()
        if checked == against:
            return against
        prev_hash: str | None = None
        last_entry: dict[str, Any] | None = None
        last_prev: str | None = None
        for e in (e for batch in package.row_batches("audit.jsonl") for e in batch):
            if prev_hash is not None and e["prev_hash"] != prev_hash:
                raise PackageRefused("package_audit_broken", district=package.manifest["sender"],
                                     seq=e["seq"])
            if audit.entry_hash(e["prev_hash"], e["seq"], e["at"], e["actor"], e["action"],
                                e["entity"], e["entity_id"], e["detail"],
                                e.get("row_state")) != e["hash"]:
                raise PackageRefused("package_audit_broken", district=package.manifest["sender"],
                                     seq=e["seq"])
            if e["action"] == seal.CHECKPOINT_ACTION:
                self._check_checkpoint(s, package, e, e["prev_hash"], last=False)
            last_entry, last_prev = e, e["prev_hash"]
            prev_hash = e["hash"]
            if last is None or not last.audit_head_seq:
                continue
            if e["seq"] == last.audit_head_seq and e["hash"] != last.audit_head_hash:
                raise PackageRefused("package_audit_broken", district=last.district,
                                     seq=e["seq"])
            if e["seq"] == last.audit_head_seq + 1 and e["prev_hash"] != last.audit_head_hash:
                raise PackageRefused("package_audit_broken", district=last.district,
                                     seq=e["seq"])
        if last_entry is not None:
            if last_entry["action"] == seal.CHECKPOINT_ACTION:  # the export's own: sender's key
                self._check_checkpoint(s, package, last_entry, last_prev or "", last=True)
            claimed = package.manifest.get("audit") or {}
            if (claimed.get("head_seq") != last_entry["seq"]
                    or claimed.get("head_hash") != last_entry["hash"]):
                raise PackageRefused("package_audit_broken", district=package.manifest["sender"],
                                     seq=claimed.get("head_seq"))
        return against

    @staticmethod
    def _check_checkpoint(s: Session, package: pkg.OpenPackage, e: dict[str, Any],
                          prev_hash: str, *, last: bool) -> None:
        """A checkpoint in the district's log must carry a valid signature of the entry before
        it; the export's own (the segment's last entry) must be the district's key. (Earlier
        ones may be another PC's of the district, on a shared PostgreSQL.)"""
        sender = package.manifest["sender"]
        try:
            detail = json.loads(e["detail"])
            ok = (seal.signature_ok(detail) and detail["seq"] == e["seq"] - 1
                  and detail["hash"] == prev_hash)
            if ok and last:
                peer = s.scalar(select(HandoffPeer).where(HandoffPeer.name == sender,
                                                          HandoffPeer.revoked_at.is_(None)))
                ok = peer is not None and \
                    pkg.unb64(detail["key"]) == pkg.unb64(peer.signing_key)
        except (ValueError, KeyError, TypeError):
            ok = False
        if not ok:
            raise PackageRefused("package_audit_broken", district=sender, seq=e["seq"])

    def _dry_run(self, package: pkg.OpenPackage) -> dict[str, Any]:
        """What the merge would do: the same classification, nothing written (and the
        transaction rolled back all the same)."""
        s = self._read_sessions()
        try:
            with s.begin():
                report = self._merge_into(s, package, package_id=None)
                s.rollback()
        finally:
            s.close()
        return report

    def _merge_into(self, s: Session, package: pkg.OpenPackage, package_id: int | None
                    ) -> dict[str, Any]:
        m = package.manifest
        districts = {d.name: d.id for d in s.scalars(select(District))}
        if m["sender"] not in districts:
            raise PackageRefused("card_unknown_district", name=m["sender"])
        try:
            outcome = rowsmod.merge_rows(
                s, package, district_id=districts[m["sender"]], district_ids=districts,
                names={v: k for k, v in districts.items()}, dry_run=package_id is None,
                handover=proposals.handover_ids(s, districts[m["sender"]]))
        except (ValueError, KeyError, TypeError) as exc:
            raise PackageRefused("package_damaged", reason=str(exc)[:200]) from exc
        items = self._pairs(s, m["sender"], outcome, dry_run=package_id is None)
        if package_id is not None:
            for pos, u in enumerate(outcome.undo):
                u["package_id"] = package_id
                u["position"] = pos
            for part in rowsmod.chunks(outcome.undo, 2000):
                s.execute(HandoffUndo.__table__.insert(), part)  # type: ignore[attr-defined]
            for item in items:
                s.add(HandoffItem(package_id=package_id, **item))
        return rowsmod.masked_report({
            "district": m["sender"], "sequence": m["sequence"], "quarter": m.get("quarter"),
            "full": m.get("full"), "counts": outcome.counts,
            "new_persons": outcome.new_persons, "changed_persons": outcome.changes,
            "deleted_persons": outcome.deleted_persons, "skipped": outcome.skipped,
            "items": [{k: v for k, v in i.items() if k != "detail"} | {
                "detail": json.loads(i["detail"])} for i in items],
            # records of a number another district holds that disagree with it (a death and
            # a later visit, different honors): to follow up, nothing the merge decides
            "checks": checks.incoming(s, package, items),
        })

    def _pairs(self, s: Session, district: str, outcome: rowsmod.MergeOutcome, *,
               dry_run: bool) -> list[dict[str, Any]]:
        """Same ID number in two districts: a 迁出/迁入 pair (paired when both halves are here:
        the old record points at the new one) or a conflict the city resolves."""
        incoming: dict[str, dict[str, Any]] = {
            pid: {"id_number": number, "name": name}
            for pid, (number, name) in outcome.people.items()}
        moves = outcome.moves
        by_number: dict[str, list[Any]] = {}
        def flat(key: Any) -> str:  # an id as 32 lower-case hex digits, from either form
            return str(key).replace("-", "").lower()

        holders: dict[str, set[str]] = {}  # number -> the incoming persons' keys holding it
        for pid, p in incoming.items():
            holders.setdefault(p["id_number"], set()).add(flat(pid))
        # first only how many live persons hold each number (no rows built for the tens of
        # thousands held by the incoming person alone); then the rows of the numbers that
        # are held by someone else too
        live = (Person.deleted_at.is_(None), Person.merged_into_id.is_(None))
        numbers: list[str] = []
        for part in rowsmod.chunks(sorted(holders)):
            for number, held, some in s.execute(
                    select(Person.id_number, func.count(), func.min(cast(Person.id, String)))
                    .where(Person.id_number.in_(part), *live).group_by(Person.id_number)):
                if held > 1 or holders.get(str(number)) != {flat(some)}:
                    numbers.append(str(number))
        for part in rowsmod.chunks(numbers):
            for found in s.execute(select(Person.id, Person.id_number,
                                          Person.origin_district_id, Person.name).where(
                    Person.id_number.in_(part), *live)):
                by_number.setdefault(str(found.id_number), []).append(found)
        names = {d.id: d.name for d in s.scalars(select(District))}
        others: list[Any] = [o for group in by_number.values() for o in group
                             if str(o.id) not in incoming]
        other_moves: dict[uuid.UUID, set[str]] = {}
        for part in rowsmod.chunks([o.id for o in others]):
            for other_pid, kind in s.execute(select(PersonEvent.person_id, PersonEvent.kind)
                                             .where(PersonEvent.person_id.in_(part),
                                                    PersonEvent.undone_at.is_(None),
                                                    PersonEvent.kind.in_(("move_out",
                                                                          "move_in")))):
                other_moves.setdefault(other_pid, set()).add(kind)
        items: list[dict[str, Any]] = []
        paired: set[str] = set()
        resolved = resolution.resolved_pairs(s)
        for pid, p in incoming.items():
            for o in by_number.get(p["id_number"], []):
                if str(o.id) == pid:
                    continue
                decision = resolved.get(frozenset((pid, str(o.id))))
                if decision is not None:  # the city decided this pair already
                    resolution.keep_resolved(s, decision, dry_run=dry_run)
                    paired.add(pid)
                    continue
                mine, theirs = moves.get(pid, set()), other_moves.get(o.id, set())
                other_district = names.get(o.origin_district_id, "")
                base = {"id_number": p["id_number"], "person_id": pid,
                        "other_person_id": str(o.id), "district": district,
                        "other_district": other_district}
                if ("move_in" in mine and "move_out" in theirs) or \
                        ("move_out" in mine and "move_in" in theirs):
                    old_id, new_id = (o.id, uuid.UUID(pid)) if "move_in" in mine else \
                        (uuid.UUID(pid), o.id)
                    before = s.execute(select(Person.__table__).where(
                        Person.id == old_id)).first()
                    outcome.undo.append({"table_name": "person", "row_id": str(old_id),
                                         "before": rowsmod._before_json(
                                             Person.__table__, before)})  # type: ignore[arg-type]
                    if not dry_run:
                        s.execute(update(Person).where(Person.id == old_id).values(
                            merged_into_id=new_id).execution_options(
                                synchronize_session=False))
                    paired.add(pid)
                    items.append(base | {"kind": "move_pair", "status": "paired",
                                         "detail": json.dumps({"name": p.get("name"),
                                                               "from": str(old_id),
                                                               "to": str(new_id)},
                                                              ensure_ascii=False)})
                else:
                    items.append(base | {"kind": "same_id", "status": "open",
                                         "detail": json.dumps({"name": p.get("name"),
                                                               "other_name": o.name},
                                                              ensure_ascii=False)})
            if pid not in paired and moves.get(pid) and not any(
                    str(o.id) != pid for o in by_number.get(p["id_number"], [])):
                kind = sorted(moves[pid])[0]
                items.append({"kind": "move_pair", "status": "open",
                              "id_number": p["id_number"], "person_id": pid,
                              "other_person_id": None, "district": district,
                              "other_district": None,
                              "detail": json.dumps({"name": p.get("name"), "half": kind},
                                                   ensure_ascii=False)})
        # whose record it is, by the name the city holds (the owner's), so that the clerk
        # can tell the owner which person's record came from the wrong district
        whose = [uuid.UUID(x["person"]) for x in outcome.skipped if x.get("person")]
        person_names: dict[str, str] = {}
        for part in rowsmod.chunks(whose):
            person_names.update((str(pid), name) for pid, name in s.execute(
                select(Person.id, Person.name).where(Person.id.in_(part))))
        for s_item in outcome.skipped:
            items.append({"kind": "owner_conflict", "status": "open", "id_number": None,
                          "person_id": s_item["id"], "other_person_id": None,
                          "district": district, "other_district": s_item["owner"],
                          "detail": json.dumps({"table": s_item["table"],
                                                "name": person_names.get(
                                                    str(s_item.get("person")), "")},
                                               ensure_ascii=False)})
        return items

    # -- city: merge, undo, receipt ------------------------------------------------------------

    def report(self, package_id: int) -> dict[str, Any]:
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            row = s.get(HandoffPackage, package_id)
            if row is None or row.direction != "received":
                raise NotFound("handoff_package", package_id)
            # masked when built; reports stored before that are masked here
            return rowsmod.masked_report(json.loads(row.report or "{}"))

    def report_workbook(self, package_id: int) -> bytes:
        """The package's dry-run (or merge) report as an .xlsx workbook (audited)."""
        report = self.report(package_id)
        return self.workbook_of(report, package_id)

    def workbook_of(self, report: dict[str, Any], package_id: int | None = None) -> bytes:
        """A dry-run or merge report as an .xlsx workbook; audited, as the file names the
        persons of a district's package (new, changed, removed) and leaves the office."""
        from desktop.exchange.handoff_report import report_xlsx

        self._actor.require(Perm.VIEW)
        data = report_xlsx(report)
        persons = ((report.get("counts") or {}).get("person") or {})
        with self._sessions.begin() as s:
            audit.append(s, self._actor, "handoff.report", entity="handoff_package",
                         entity_id=package_id, detail={
                             "district": report.get("district"),
                             "sequence": report.get("sequence"),
                             "persons_new": persons.get("new", 0),
                             "persons_changed": persons.get("changed", 0)})
        return data

    def merge(self, package_id: int) -> dict[str, Any]:
        """Merge a staged package: reviewer or administrator, never the one who imported it;
        one transaction, audited, undoable as a batch."""
        self._actor.require(Perm.APPROVE)
        with self._sessions.begin() as s:
            row = s.get(HandoffPackage, package_id, with_for_update=True)
            if row is None or row.direction != "received" or row.kind != "district":
                raise NotFound("handoff_package", package_id)
            if row.state != "staged":
                raise AppError("handoff_not_staged", id=package_id, state=row.state)
            if row.created_by == self._actor.name:
                raise AppError("handoff_maker_checker", id=package_id)
            assert row.payload is not None
            package = pkg.open_package(row.payload, self._checker(kinds=("district",)))
            if package.package_hash != row.package_hash:
                package.close()
                raise PackageRefused("package_tampered", part="manifest.json")
            merged = _merged_sequence(s, row.district)
            if row.sequence <= merged:
                raise PackageRefused("package_replay", district=row.district,
                                     sequence=row.sequence, merged=merged)
            if row.base_sequence > merged and not row.gap_reason:
                raise PackageRefused("package_gap", district=row.district,
                                     sequence=row.sequence, base=row.base_sequence,
                                     merged=merged)
            with package:
                report = self._merge_into(s, package, package_id=row.id)
            row.state = "merged"
            row.merged_by = self._actor.name
            row.merged_at = _now()
            row.report = json.dumps(report, ensure_ascii=False)
            for older in s.scalars(select(HandoffPackage).where(
                    HandoffPackage.direction == "received", HandoffPackage.kind == "district",
                    HandoffPackage.district == row.district, HandoffPackage.state == "staged",
                    HandoffPackage.sequence < row.sequence)):
                older.state = "superseded"
            audit.append(s, self._actor, "handoff.merge", entity="handoff_package",
                         entity_id=row.id,
                         detail={"district": row.district, "sequence": row.sequence,
                                 "hash": row.package_hash, "counts": report["counts"],
                                 "audit_head": [row.audit_head_seq, row.audit_head_hash]})
        return report

    def undo(self, package_id: int, reason: str = "", *, force: bool = False) -> int:
        """Undo a merge as a batch (reviewer or administrator, never the importer); only the
        district's latest merge, and only while nothing merged after it. Records the merge
        wrote and the city edited since are listed and refused, unless an administrator
        forces the undo with a reason (audited with the records it overwrote)."""
        self._actor.require(Perm.APPROVE)
        if force:
            self._actor.require(Perm.MANAGE_SETTINGS)
            if not reason.strip():
                raise ValidationError.single("reason", "reason_required")
        with self._sessions.begin() as s:
            row = s.get(HandoffPackage, package_id, with_for_update=True)
            if row is None or row.direction != "received" or row.kind != "district":
                raise NotFound("handoff_package", package_id)
            if row.state not in ("merged", "receipted"):
                raise AppError("handoff_not_merged", id=package_id, state=row.state)
            if row.created_by == self._actor.name:
                raise AppError("handoff_maker_checker", id=package_id)
            later = s.scalar(select(func.count()).select_from(HandoffPackage).where(
                HandoffPackage.direction == "received", HandoffPackage.kind == "district",
                HandoffPackage.state.in_(("merged", "receipted")),
                HandoffPackage.id != row.id, HandoffPackage.merged_at > row.merged_at))
            if later:
                raise AppError("handoff_undo_later_merge", id=package_id)
            entries = [(u.table_name, u.row_id, u.before) for u in s.scalars(
                select(HandoffUndo).where(HandoffUndo.package_id == row.id)
                .order_by(HandoffUndo.position))]
            assert row.merged_at is not None
            staged = (pkg.open_package(row.payload, lambda _m, _b, _s: None)  # verified at import
                      if row.payload else None)
            try:
                shipped = edits.shipped_times(staged)
            finally:
                if staged is not None:
                    staged.close()
            edited = edits.edited_since(s, entries, row.merged_at, shipped)
            if edited and not force:
                raise AppError("handoff_undo_later_edits", id=package_id, count=len(edited),
                               records=edits.describe(edited))
            done = rowsmod.undo_rows(s, entries)
            s.execute(HandoffUndo.__table__.delete().where(  # type: ignore[attr-defined]
                HandoffUndo.package_id == row.id))
            s.execute(HandoffItem.__table__.delete().where(  # type: ignore[attr-defined]
                HandoffItem.package_id == row.id))
            row.state = "undone"
            row.undone_by = self._actor.name
            row.undone_at = _now()
            audit.append(s, self._actor, "handoff.undo", entity="handoff_package",
                         entity_id=row.id, detail={"district": row.district,
                                                   "sequence": row.sequence, "rows": done,
                                                   "reason": reason, "forced": force,
                                                   "overwritten": edited[:100]})
        return done

    def receipt(self, package_id: int) -> bytes:
        """The signed receipt for a merged package, for its district."""
        self._actor.require(Perm.IMPORT_EXPORT)
        with self._sessions.begin() as s:
            name, _mode, _city, _home = self._identity(s)
            row = s.get(HandoffPackage, package_id)
            if row is None or row.direction != "received" or row.kind != "district":
                raise NotFound("handoff_package", package_id)
            if row.state not in ("merged", "receipted"):
                raise AppError("handoff_not_merged", id=package_id, state=row.state)
            open_items = s.scalar(select(func.count()).select_from(HandoffItem).where(
                HandoffItem.package_id == row.id, HandoffItem.status == "open")) or 0
            body = {"package_hash": row.package_hash, "district": row.district,
                    "sequence": row.sequence, "quarter": row.quarter,
                    "counts": json.loads(row.report or "{}").get("counts", {}),
                    "open_items": open_items,
                    "merged_at": row.merged_at.isoformat() if row.merged_at else None,
                    "issued_at": _now().isoformat(timespec="seconds")}
            data = pkg.build({"kind": "receipt", "sender": name, "to": row.district,
                              "sequence": row.sequence, "schema_revision": self._schema,
                              "created_at": body["issued_at"]},
                             {"receipt.json": pkg.canonical_json(body)},
                             self._keys.signing_private())
            row.receipt_hash = pkg.sha256_hex(_manifest_of(data)[1])
            row.state = "receipted"
            audit.append(s, self._actor, "handoff.receipt", entity="handoff_package",
                         entity_id=row.id, detail={"district": row.district,
                                                   "sequence": row.sequence})
        return data

    def _import_receipt(self, package: pkg.Package, *, dry_run: bool) -> ImportResult:
        body = json.loads(package.parts["receipt.json"])
        with self._read_sessions.begin() as s:
            name, _mode, _city, _home = self._identity(s)
        if package.manifest.get("to") != name:
            raise PackageRefused("package_not_for_us")
        with self._sessions.begin() as s:
            sent = s.scalar(select(HandoffPackage).where(
                HandoffPackage.direction == "sent",
                HandoffPackage.package_hash == body["package_hash"]))
            if sent is None:
                raise PackageRefused("receipt_unknown_package", sequence=body.get("sequence"))
            if dry_run:
                s.rollback()
                return ImportResult("receipt", sent.id, name, sent.sequence, sent.state, True,
                                    body)
            if sent.state != "acknowledged":
                sent.state = "acknowledged"
                sent.acknowledged_at = _now()
                sent.receipt_hash = package.package_hash
                sent.report = json.dumps(body, ensure_ascii=False)
                audit.append(s, self._actor, "handoff.acknowledged", entity="handoff_package",
                             entity_id=sent.id, detail={"sequence": sent.sequence,
                                                        "open_items": body.get("open_items")})
            return ImportResult("receipt", sent.id, name, sent.sequence, sent.state, False, body)

    # -- reference data back to the districts ------------------------------------------------

    def reference(self) -> bytes:
        """The city's signed reference package: standards, holiday calendar, code lists."""
        self._actor.require(Perm.MANAGE_SETTINGS)
        from desktop.services.holidays import CALENDAR_KEY

        with self._sessions.begin() as s:
            name, mode, _city, _home = self._identity(s)
            if mode != "city":
                raise AppError("handoff_reference_city_only")
            names = {d.id: d.name for d in s.scalars(select(District))}
            standards = [
                {"year": x.year, "kind": x.kind, "district": names.get(x.district_id)
                 if x.district_id else None, "amount": x.amount, "ratio_pct": x.ratio_pct,
                 "per_year": x.per_year, "note": x.note}
                for x in s.scalars(select(Standard).order_by(Standard.year, Standard.kind))]
            sequence = (s.scalar(select(func.max(HandoffPackage.sequence)).where(
                HandoffPackage.direction == "sent", HandoffPackage.kind == "reference")) or 0) + 1
            body = {"standards": standards,
                    "holiday_calendar": settings.get(s, CALENDAR_KEY),
                    "code_list_version": code_list_version(),
                    "resolutions": resolution.for_districts(s),
                    "proposals": proposals.for_districts(s),
                    **reference.extra_body(s)}
            data = pkg.build({"kind": "reference", "sender": name, "sequence": sequence,
                              "schema_revision": self._schema,
                              "created_at": _now().isoformat(timespec="seconds")},
                             {"reference.json": pkg.canonical_json(body)},
                             self._keys.signing_private())
            manifest_bytes = _manifest_of(data)[1]
            s.add(HandoffPackage(direction="sent", kind="reference", district=name,
                                 sequence=sequence, package_hash=pkg.sha256_hex(manifest_bytes),
                                 state="sent", counts=json.dumps({"standard": len(standards)}),
                                 created_by=self._actor.name))
            audit.append(s, self._actor, "handoff.reference", entity="handoff_package",
                         entity_id=sequence, detail={"standards": len(standards)})
        return data

    def _import_reference(self, package: pkg.Package, *, dry_run: bool) -> ImportResult:
        from desktop.services.holidays import CALENDAR_KEY

        if not self._actor.can(Perm.MANAGE_SETTINGS):  # named as the work, not "settings"
            raise PermissionDenied("import_reference", user=self._actor.name,
                                   role=self._actor.role.value)
        m = package.manifest
        body = json.loads(package.parts["reference.json"])
        with self._sessions.begin() as s:
            have = s.scalar(select(func.max(HandoffPackage.sequence)).where(
                HandoffPackage.direction == "received", HandoffPackage.kind == "reference")) or 0
            if not isinstance(m.get("sequence"), int) or m["sequence"] <= have:
                raise PackageRefused("reference_older", sequence=m.get("sequence"), have=have)
            if dry_run:
                s.rollback()
                return ImportResult("reference", None, m["sender"], m["sequence"], "dry_run",
                                    True, {"standards": len(body.get("standards", []))})
            districts = {d.name: d.id for d in s.scalars(select(District))}
            for item in body.get("standards", []):
                district_id = districts.get(item.get("district")) if item.get("district") \
                    else None
                found = s.scalar(select(Standard).where(
                    Standard.year == item["year"], Standard.kind == item["kind"],
                    Standard.district_id.is_(None) if district_id is None
                    else Standard.district_id == district_id))
                if found is None:
                    found = Standard(year=item["year"], kind=item["kind"],
                                     district_id=district_id)
                    s.add(found)
                found.amount = item.get("amount")
                found.ratio_pct = item.get("ratio_pct")
                found.per_year = item.get("per_year")
                found.note = item.get("note")
            if body.get("holiday_calendar") is not None:
                settings.put(s, CALENDAR_KEY, body["holiday_calendar"])
            extra = reference.apply_extra(s, body)
            extra["proposals"] = proposals.receive(s, body.get("proposals") or [],
                                                   self._identity(s)[0])
            row = HandoffPackage(direction="received", kind="reference", district=m["sender"],
                                 sequence=m["sequence"], package_hash=package.package_hash,
                                 state="applied",
                                 counts=json.dumps({"standard": len(body.get("standards", []))}),
                                 created_by=self._actor.name)
            s.add(row)
            s.flush()
            audit.append(s, self._actor, "handoff.reference_applied", entity="handoff_package",
                         entity_id=row.id, detail={"sequence": m["sequence"], **extra})
            return ImportResult("reference", row.id, m["sender"], m["sequence"], "applied",
                                False, {"standards": len(body.get("standards", []))})

    def resolve(self, item_id: int, action: str, *, keep: str | None = None,
                reason: str = "") -> dict[str, Any]:
        """The city resolves a same-ID conflict (reviewer or administrator, with a reason):
        ``different_people``, or ``same_person`` keeping ``keep``'s record. Remembered for
        later merges and carried down in the next reference package."""
        self._actor.require(Perm.APPROVE)
        with self._sessions.begin() as s:
            _name, mode, _city, _home = self._identity(s)
            if mode != "city":
                raise AppError("handoff_reference_city_only")
            return resolution.resolve(s, self._actor, item_id, action, keep, reason)

    def propose_honor(self, person_id: uuid.UUID | str, title: str, level: str,
                      year: int | None, granting_body: str | None = None,
                      document_number: str | None = None) -> uuid.UUID:
        """City: record an honor the city granted to a person a district manages (by record
        id, or by ID number as a string). The person stays the district's; the honor is the
        city's and goes down as a proposal."""
        self._actor.require(Perm.EDIT_PERSONS)
        with self._sessions.begin() as s:
            _name, mode, _city, home = self._identity(s)
            if mode != "city":
                raise AppError("handoff_reference_city_only")
            if isinstance(person_id, str):
                holders = list(s.scalars(select(Person).where(
                    Person.id_number == person_id.strip().upper(), Person.deleted_at.is_(None),
                    Person.merged_into_id.is_(None)).limit(2)))
                if len(holders) > 1:  # two districts' records: which one is still open
                    raise AppError("handoff_honor_id_twice", number=mask_id(person_id.strip()))
                person = holders[0] if holders else None
            else:
                person = s.get(Person, person_id)
            if person is None or person.deleted_at is not None:
                raise NotFound("person", person_id)
            if not (title or "").strip() or level not in ("全国", "省部级", "市级", "县级"):
                raise ValidationError.single("level", "level_unknown", value=level)
            honor = Honor(person_id=person.id, origin_district_id=home.id, title=title.strip(),
                          level=level, year=year, granting_body=granting_body,
                          document_number=document_number)
            s.add(honor)
            s.flush()
            audit.append(s, self._actor, "handoff.honor_proposed", entity="person",
                         entity_id=person.id, detail={"honor": str(honor.id), "title": title,
                                                      "level": level, "year": year})
            return honor.id

    def proposals(self) -> list[dict[str, Any]]:
        """District: the city's proposals waiting for the clerk (new 市级 honorees, honors)."""
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            return proposals.pending(s)

    def accept_proposal(self, proposal_id: str, id_number: str | None = None) -> uuid.UUID:
        """District: take a proposal into the register (the clerk types the ID number of a
        new person), audited."""
        self._actor.require(Perm.EDIT_PERSONS)
        with self._sessions.begin() as s:
            return proposals.accept(s, self._actor, proposal_id, id_number, self._today())

    def decline_proposal(self, proposal_id: str, reason: str) -> None:
        self._actor.require(Perm.EDIT_PERSONS)
        if not (reason or "").strip():
            raise ValidationError.single("reason", "reason_required")
        with self._sessions.begin() as s:
            proposals.decline(s, self._actor, proposal_id, reason.strip())

    # -- the ledger ----------------------------------------------------------------------------

    def ledger(self) -> list[LedgerRow]:
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            open_items = dict(s.execute(select(HandoffItem.package_id, func.count()).where(
                HandoffItem.status == "open").group_by(HandoffItem.package_id)).all())
            return [
                LedgerRow(p.id, p.direction, p.kind, p.district, p.quarter, p.sequence, p.state,
                          p.package_hash, json.loads(p.counts or "{}"),
                          (rowsmod.aware(p.created_at) or _now()).isoformat(timespec="seconds"),
                          p.created_by, p.merged_by,
                          _staged_open_items(p) if p.state == "staged"
                          else int(open_items.get(p.id, 0)))
                for p in s.scalars(select(HandoffPackage).order_by(HandoffPackage.id))
            ]


def _audit_part(s: Session, audit_from: int, writer: pkg.PackageWriter
                ) -> tuple[int, int | None, str | None, str | None, str | None]:
    """The audit chain from ``audit_from`` as the package's ``audit.jsonl`` (with each entry's
    row digests where it has them); returns the number of entries and the last one's sequence
    number, hash, action and detail."""
    t: Any = AuditEvent.__table__
    head: list[Any] = [0, None, None, None, None]

    def lines() -> Iterator[bytes]:
        stmt = select(t.c.seq, t.c.at, t.c.actor, t.c.action, t.c.entity,
                      t.c.entity_id, t.c.detail, t.c.prev_hash, t.c.hash, t.c.row_state
                      ).where(t.c.seq >= audit_from).order_by(t.c.seq)
        for batch in s.execute(stmt.execution_options(yield_per=5000)).partitions():
            rows = [dict(r._mapping) for r in batch]
            for r in rows:
                if r["row_state"] is None:
                    del r["row_state"]
            head[0] += len(rows)
            last = rows[-1]
            head[1:] = [last["seq"], last["hash"], last["action"], last["detail"]]
            yield pkg.jsonl(rows)

    writer.add("audit.jsonl", lines())
    return head[0], head[1], head[2], head[3], head[4]


def _card(card: dict[str, Any]) -> Card:
    return Card(card["name"], card["kind"], card["city"], card["fingerprint"],
                pkg.grouped(card["fingerprint"]), card.get("age_recipient"))


def _merged_sequence(s: Session, district: str) -> int:
    return int(s.scalar(select(func.max(HandoffPackage.sequence)).where(
        HandoffPackage.direction == "received", HandoffPackage.kind == "district",
        HandoffPackage.district == district,
        HandoffPackage.state.in_(("merged", "receipted")))) or 0)


def _manifest_of(data: bytes) -> tuple[dict[str, Any], bytes, bytes, dict[str, bytes]]:
    package = pkg.read(data, lambda _m, _b, _s: None)
    return package.manifest, package.manifest_bytes, package.signature, package.parts
