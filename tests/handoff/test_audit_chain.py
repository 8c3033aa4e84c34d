"""The city keeps each district's audit-chain head: a later package whose history was rewritten
(re-hashed consistently and signed by the district itself) is refused, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.exchange import handoff_package as pkg
from desktop.services import audit
from desktop.services.handoff.keys import KeyStore
from tests.handoff.support import enrol, make_office, reseal
from tests.handoff.test_handoff_flow import ID_A, ID_B, person, refused


def test_a_rewritten_history_is_refused(tmp_path: Path, sqlite_template: Path) -> None:
    city, cx = (make_office(tmp_path, sqlite_template, n) for n in ("湖州市", "长兴县"))
    enrol(city, cx)
    cx.persons().create(person("朱荣荣", "长兴县", ID_A))
    cx.handoff().export("2026Q4", tmp_path / "1.lmpkg")
    staged = city.handoff().import_file((tmp_path / "1.lmpkg").read_bytes())
    assert staged.package_id is not None
    city.handoff(city.reviewer).merge(staged.package_id)
    cx.persons().create(person("孙德", "长兴县", ID_B))
    cx.handoff().export("2027Q1", tmp_path / "2.lmpkg")

    def rewrite(members: dict[str, bytes]) -> None:
        events = [json.loads(line) for line in members["audit.jsonl"].splitlines()]
        events[0]["detail"] = events[0]["detail"].replace("}", ', "x": 1}', 1)
        prev = events[0]["prev_hash"]
        for e in events:  # a consistent chain, only not the one the city saw
            e["prev_hash"] = prev
            e["hash"] = prev = audit.entry_hash(e["prev_hash"], e["seq"], e["at"], e["actor"],
                                                e["action"], e["entity"], e["entity_id"],
                                                e["detail"])
        members["audit.jsonl"] = pkg.jsonl(events)
        manifest = json.loads(members["manifest.json"])
        manifest["parts"]["audit.jsonl"] = {"sha256": pkg.sha256_hex(members["audit.jsonl"]),
                                            "size": len(members["audit.jsonl"])}
        members["manifest.json"] = pkg.canonical_json(manifest)
        members["manifest.sig"] = pkg.sign(KeyStore(cx.keys).signing_private(),
                                           members["manifest.json"])

    forged = reseal((tmp_path / "2.lmpkg").read_bytes(), city, rewrite)
    refused(city.handoff(), forged, "package_audit_broken", city)
    assert city.handoff().import_file((tmp_path / "2.lmpkg").read_bytes()).state == "staged"
    city.db.dispose()
    cx.db.dispose()
