"""The import's first pass builds the person rules' drafts without the dataclasses' generated
``__init__`` (a fifth of planning a row): they must be the very drafts ``__init__`` would build."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.services.imports.plan import _defaults, _honor_draft, _person_draft
from desktop.services.register.types import HonorDraft, PersonDraft
from tests.person_support import draft, full_draft


def test_the_quick_drafts_are_the_drafts_init_builds() -> None:
    for cls in (PersonDraft, HonorDraft):
        # what the quick path skips: a __post_init__ would not run, slots would have no __dict__
        assert not hasattr(cls, "__post_init__")
        assert "__slots__" not in vars(cls)
        assert vars(cls)["__dataclass_params__"].frozen
        assert all(f.default_factory is dataclasses.MISSING for f in dataclasses.fields(cls))
    for expected in (full_draft(), draft(), draft(sex="2", notes="  ", phone="")):
        values = {f.name: getattr(expected, f.name) for f in dataclasses.fields(PersonDraft)
                  if getattr(expected, f.name) != f.default or f.name in ("name", "district")}
        built = _person_draft(values)
        assert built == expected and hash(built) == hash(expected)
        assert repr(built) == repr(expected)
        assert list(vars(built).items()) == list(vars(expected).items())
        for h in expected.honors:
            quick = _honor_draft(h.title, h.level, h.year)
            plain = HonorDraft(title=h.title, level=h.level, year=h.year)
            assert quick == plain and repr(quick) == repr(plain)
            assert list(vars(quick).items()) == list(vars(plain).items())


def test_a_draft_field_with_a_default_factory_is_refused_loudly() -> None:
    @dataclasses.dataclass(frozen=True)
    class Later:
        name: str
        tags: list[str] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="default factory"):
        _defaults(Later)
