"""Duplicate persons: finding candidate pairs, dismissing them, merging and undoing a merge.

Finding pairs never compares every person with every other: each person is put into a few
blocks (ID number; phone; name keys within a birth date and within a birth year and district),
and only persons sharing a block are compared. 100,000 persons cost one plain query and a few
hundred thousand dictionary operations (``benchmarks/bench_duplicates.py``).

The merge itself (``merge``/``undo_merge``) lives in ``desktop.services.register.merge``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.search_keys import char_pinyin, name_keys
from desktop.errors import AppError, NotFound
from desktop.models import District, DuplicateDismissal, Person
from desktop.services import audit
from desktop.services.permissions import Actor, Perm
from desktop.services.register import id_guard
from desktop.services.register import merge as person_merge
from desktop.services.register.service import member_row
from desktop.services.register.types import DuplicatePair, MemberRow

__all__ = [
    "REASON_SAME_ID",
    "REASON_SAME_NAME",
    "REASON_SAME_NAME_BIRTH",
    "REASON_SAME_NAME_OTHER_SEX",
    "REASON_SAME_PHONE",
    "REASON_SIMILAR_NAME",
    "DuplicatesService",
    "normalise_phone",
]

REASON_SAME_ID = "same_id_number"
REASON_SAME_NAME_BIRTH = "same_name_birth"
REASON_SIMILAR_NAME = "similar_name"
REASON_SAME_NAME = "same_name"  # identical names, other birth dates (same year and district)
REASON_SAME_NAME_OTHER_SEX = "same_name_other_sex"  # ...and the records' sexes differ
_OTHER_SEX = 0.5  # a man and a woman of one name are seldom one person entered twice
_SEXES = {"1": "m", "男": "m", "2": "f", "女": "f"}
REASON_SAME_PHONE = "same_phone"

SIMILAR_RATIO = 85.0  # rapidfuzz ratio on the characters of the names
# Weights of the reasons; a pair's score is 1 - prod(1 - weight), so reasons add up.
_WEIGHT = {REASON_SAME_ID: 0.95, REASON_SAME_NAME_BIRTH: 0.9, REASON_SAME_PHONE: 0.6}
_SIMILAR_SAME_DATE = 0.8  # similar name, same birth date
_SIMILAR_SAME_YEAR = 0.55  # similar name, same birth year and district
_SAME_PINYIN_SIMILARITY = 0.95
# A phone number shared by more persons than this is an office switchboard, not a signal; a
# name block that large means a key too common to say anything.
_MAX_PHONE_GROUP = 8
_MAX_NAME_GROUP = 200
_MAX_DELETIONS = 3
_NAME_DROP = re.compile(r"[\s·•・．.]+")
_NON_DIGIT = re.compile(r"[^0-9]")


@dataclass(frozen=True, slots=True)
class _Candidate:
    """One person as the blocking needs it. Ids, dates and district ids are the driver's raw
    values (hashable, consistent within one database): converting 100,000 of them to
    ``uuid.UUID`` and ``date`` would cost more than the whole search."""

    raw_id: Hashable
    name: str  # normalised: no spaces or middle dots, NFKC
    pinyin: str  # full pinyin; "" when a character has no reading (then it proves nothing)
    birth: Hashable  # None when unknown
    year: str
    district: Hashable
    id_number: str
    phones: tuple[str, ...]
    keys: tuple[str, ...]  # name blocking keys (see _name_keys)
    sex: str = ""  # "m", "f", or "" when not known


def normalise_name(name: str | None) -> str:
    """The name as compared: NFKC, without spaces and middle dots (阿依·买买提)."""
    text = name or ""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _NAME_DROP.sub("", text)


def normalise_phone(raw: str | None) -> str:
    """Digits only, without a leading +86/0086 country code; "" when too short to mean much."""
    if not raw:
        return ""
    if raw.isascii() and raw.isdigit():  # as the person service stores a mobile
        digits = raw
    else:
        text = raw if raw.isascii() else unicodedata.normalize("NFKC", raw)
        digits = _NON_DIGIT.sub("", text)
    if len(digits) == 13 and digits.startswith("86"):
        return digits[2:]
    if len(digits) == 15 and digits.startswith("0086"):
        return digits[4:]
    return digits if len(digits) >= 7 else ""


def _max_deletions(length: int) -> int:
    """Characters to delete from a name of ``length`` so that any two names with a rapidfuzz
    ratio >= 85 share a variant. With x deletions from this name and y from the other, the
    ratio needs x + y <= 0.15 * (n + m) = 0.15 * (2 * lcs + x + y), i.e. 1.15 * x <= 0.3 * n:
    0 for names up to 3 characters, 1 up to 7, 2 up to 11, 3 beyond (capped: a name of 16
    characters or more is a data-entry accident, and its variants would run into thousands)."""
    return min(_MAX_DELETIONS, int(0.3 * length / 1.15 + 1e-9))


_FIRST_WITH_DELETIONS = 4  # _max_deletions(n) == 0 for n < 4


@lru_cache(maxsize=200_000)
def _name_keys(name: str, pinyin: str) -> tuple[str, tuple[str, ...]]:
    """(pinyin to compare, blocking keys) of a normalised name and its stored pinyin.

    The keys are the pinyin of the name and of each deletion variant (so 张晓明/张小明 share a
    key, and so do names one character apart); a character without a reading stands for
    itself, and then the pinyin to compare is "" (equal pinyin proves nothing when 𠮷 was left
    out of it). Sharing a key only makes two names worth comparing."""
    readings = [char_pinyin(ch) for ch in name]
    if not all(readings):
        pinyin = ""
    elif len(name) < _FIRST_WITH_DELETIONS:  # most names: one or two keys, nothing to delete
        joined = "".join(readings)
        return pinyin, (joined,) if joined == pinyin or not pinyin else (pinyin, joined)
    keys = {pinyin} if pinyin else set()
    spelled = [r or "\x00" + ch for r, ch in zip(readings, name, strict=True)]
    for drop in range(_max_deletions(len(name)) + 1):
        for skip in itertools.combinations(range(len(name)), drop):
            keys.add("".join(r for i, r in enumerate(spelled) if i not in skip))
    return pinyin, tuple(sorted(keys))


@lru_cache(maxsize=200_000)
def _name_info(raw_name: str, stored_pinyin: str | None) -> tuple[str, str, tuple[str, ...]]:
    """(normalised name, pinyin to compare, blocking keys) of a name as stored."""
    name = normalise_name(raw_name)
    if stored_pinyin is None:  # a row written before the search keys existed
        stored_pinyin = name_keys(name)[0]
    pinyin, keys = _name_keys(name, stored_pinyin)
    return name, pinyin, keys


def _name_similarity(a: _Candidate, b: _Candidate) -> float:
    """1.0 identical, 0.95 same full pinyin, ratio/100 when >= 85, else 0."""
    if a.name == b.name:
        return 1.0
    if a.pinyin and a.pinyin == b.pinyin:
        return _SAME_PINYIN_SIMILARITY
    ratio = fuzz.ratio(a.name, b.name, score_cutoff=SIMILAR_RATIO)
    return ratio / 100.0


def _pairs_in(groups: Iterable[list[int]], limit: int) -> Iterator[tuple[int, int]]:
    for members in groups:
        if 2 <= len(members) <= limit:
            yield from itertools.combinations(members, 2)


def find_pairs(people: list[_Candidate]) -> dict[tuple[int, int], dict[str, float]]:
    """Pairs of indexes into ``people`` (i < j) with a weight per reason."""
    found: dict[tuple[int, int], dict[str, float]] = defaultdict(dict)

    def add(pair: tuple[int, int], reason: str, weight: float) -> None:
        reasons = found[pair]
        reasons[reason] = max(weight, reasons.get(reason, 0.0))

    by_id: dict[str, list[int]] = defaultdict(list)
    by_phone: dict[str, list[int]] = defaultdict(list)
    by_name: dict[tuple[Hashable, ...], list[int]] = defaultdict(list)
    for i, p in enumerate(people):
        if p.id_number:
            by_id[p.id_number].append(i)
        for phone in p.phones:
            by_phone[phone].append(i)
        if p.birth is None or not p.name:
            continue
        for key in p.keys:
            by_name[(p.birth, key)].append(i)
            by_name[(p.year, p.district, key)].append(i)

    for pair in _pairs_in(by_id.values(), len(people)):
        add(pair, REASON_SAME_ID, _WEIGHT[REASON_SAME_ID])
    for pair in _pairs_in(by_phone.values(), _MAX_PHONE_GROUP):
        add(pair, REASON_SAME_PHONE, _WEIGHT[REASON_SAME_PHONE])
    checked: set[tuple[int, int]] = set()
    for pair in _pairs_in(by_name.values(), _MAX_NAME_GROUP):
        if pair in checked:
            continue
        checked.add(pair)
        a, b = people[pair[0]], people[pair[1]]
        same_date = a.birth == b.birth
        if same_date and a.name == b.name:
            add(pair, REASON_SAME_NAME_BIRTH, _WEIGHT[REASON_SAME_NAME_BIRTH])
            continue
        similarity = _name_similarity(a, b)
        if similarity:
            weight = _SIMILAR_SAME_DATE if same_date else _SIMILAR_SAME_YEAR
            other_sex = bool(a.sex and b.sex and a.sex != b.sex)
            if a.name == b.name:  # not "similar": the same name, said so (issue: 姓名相近 55%)
                add(pair, REASON_SAME_NAME_OTHER_SEX if other_sex else REASON_SAME_NAME,
                    weight * (_OTHER_SEX if other_sex else 1.0))
            else:
                add(pair, REASON_SIMILAR_NAME,
                    weight * similarity * (_OTHER_SEX if other_sex else 1.0))
    return found


def _score(reasons: dict[str, float]) -> float:
    remaining = 1.0
    for weight in reasons.values():
        remaining *= 1.0 - weight
    return round(1.0 - remaining, 4)


def _member_row(p: Person, district: str, today: dt.date, masked: bool) -> MemberRow:
    return member_row(today, p.id, p.name, p.sex, p.birth_date, district, p.work_unit,
                      p.treatment_level, p.highest_honor, p.employment_status, p.life_status,
                      p.mobile, p.phone, p.id_number, p.in_hardship, p.row_version,
                      masked=masked)


def _member_rows(
    s: Session, ids: set[uuid.UUID], masked: bool
) -> dict[uuid.UUID, tuple[MemberRow, tuple[dt.datetime, str]]]:
    """MemberRow and a sort key (created_at, id) of each person, for ordering a pair."""
    districts: dict[uuid.UUID, str] = {
        i: n for i, n in s.execute(select(District.id, District.name))}
    today = dt.date.today()
    out: dict[uuid.UUID, tuple[MemberRow, tuple[dt.datetime, str]]] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for p in s.scalars(select(Person).where(Person.id.in_(chunk))):
            out[p.id] = (_member_row(p, districts.get(p.district_id, ""), today, masked),
                         (p.created_at.replace(tzinfo=None), str(p.id)))
    return out


def ordered_pair(a: uuid.UUID, b: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    """The pair as ``duplicate_dismissal`` stores it: the smaller id first."""
    return (a, b) if a < b else (b, a)


class DuplicatesService:
    """Candidate duplicates (查重), dismissing a pair, merging two records and undoing a merge."""

    def __init__(
        self, sessions: sessionmaker[Session], actor: Actor,
        read_sessions: sessionmaker[Session] | None = None,
    ) -> None:
        self._sessions = sessions
        self._read_sessions = read_sessions or sessions
        self._actor = actor

    def candidates(self, *, limit: int = 500) -> list[DuplicatePair]:
        """Pairs of live, not merged persons that may be one human, strongest first.

        In each pair ``a`` is the record made first (the natural one to keep).
        """
        self._actor.require(Perm.VIEW)
        with self._read_sessions.begin() as s:
            people = self._load(s)
            dismissed = {(a, b) for a, b in s.execute(
                select(DuplicateDismissal.person_a_id, DuplicateDismissal.person_b_id))}
            ids: dict[int, uuid.UUID] = {}

            def id_of(i: int) -> uuid.UUID:
                if i not in ids:
                    raw = people[i].raw_id
                    ids[i] = raw if isinstance(raw, uuid.UUID) else uuid.UUID(str(raw))
                return ids[i]

            scored: list[tuple[float, int, int, tuple[str, ...]]] = []
            for (i, j), reasons in find_pairs(people).items():
                if ordered_pair(id_of(i), id_of(j)) in dismissed:
                    continue
                codes = tuple(sorted(reasons, key=lambda r: (-reasons[r], r)))
                scored.append((_score(reasons), i, j, codes))
            scored.sort(key=lambda t: (-t[0], people[t[1]].name, people[t[2]].name,
                                       id_of(t[1]), id_of(t[2])))
            top = scored[:max(0, limit)]
            rows = _member_rows(s, {id_of(i) for _, i, _, _ in top}
                                | {id_of(j) for _, _, j, _ in top},
                                masked=not self._actor.can(Perm.UNMASK))
        pairs: list[DuplicatePair] = []
        for score, i, j, codes in top:
            a, a_key = rows[id_of(i)]
            b, b_key = rows[id_of(j)]
            if b_key < a_key:
                a, b = b, a
            pairs.append(DuplicatePair(a=a, b=b, reasons=codes, score=score))
        return pairs

    @staticmethod
    def _load(s: Session) -> list[_Candidate]:
        # Plain SQL: the driver's values as they are (see _Candidate), one pass, no ORM.
        stmt = text(
            "SELECT id, name, name_pinyin, birth_date, district_id, id_number, phone, mobile, "
            "sex FROM person WHERE deleted_at IS NULL AND merged_into_id IS NULL")
        people: list[_Candidate] = []
        for pid, raw_name, stored, birth, district, number, phone, mobile, sex in (
                s.execute(stmt).all()):
            name, pinyin, keys = _name_info(raw_name or "", stored)
            first, second = normalise_phone(phone), normalise_phone(mobile)
            phones = tuple(p for p in {first, second} if p)
            people.append(_Candidate(
                raw_id=pid, name=name, pinyin=pinyin, keys=keys, birth=birth,
                year=str(birth)[:4] if birth is not None else "", district=district,
                id_number=number.strip().upper() if number else "", phones=phones,
                sex=_SEXES.get((sex or "").strip(), ""),
            ))
        return people

    def dismiss(self, a_id: uuid.UUID, b_id: uuid.UUID, reason: str | None = None) -> None:
        """Record that two persons are different people: the pair is never proposed again."""
        self._actor.require(Perm.EDIT_PERSONS)
        if a_id == b_id:
            raise AppError("duplicate_self")
        first, second = ordered_pair(a_id, b_id)
        with self._sessions.begin() as s:
            for pid in (first, second):
                if s.get(Person, pid) is None:
                    raise NotFound("person", pid)
            if s.get(DuplicateDismissal, (first, second)) is not None:
                return
            why = (reason or "").strip()[:500] or None
            s.add(DuplicateDismissal(
                person_a_id=first, person_b_id=second, dismissed_by=self._actor.name,
                dismissed_at=dt.datetime.now(dt.UTC), reason=why,
            ))
            audit.append(s, self._actor, "duplicate.dismiss", entity="person",
                         entity_id=first, detail={"a": str(first), "b": str(second),
                                                  "reason": why})

    def merge(self, keep_id: uuid.UUID, duplicate_id: uuid.UUID, *, reason: str) -> uuid.UUID:
        """Merge ``duplicate_id`` into ``keep_id`` (one transaction); returns the id of the
        'merge' person event on the kept person, which ``undo_merge`` takes."""
        self._actor.require(Perm.EDIT_PERSONS)
        with self._sessions.begin() as s:
            event_id = person_merge.merge(s, self._actor, keep_id, duplicate_id, reason=reason)
            s.flush()
            id_guard.ensure(s)  # the last duplicate merged: the deferred index (0012) now holds
            return event_id

    def undo_merge(self, merge_event_id: uuid.UUID, *, reason: str) -> None:
        """Restore both persons exactly as they were before the merge."""
        self._actor.require(Perm.EDIT_PERSONS)
        with self._sessions.begin() as s:
            person_merge.undo(s, self._actor, merge_event_id, reason=reason)
