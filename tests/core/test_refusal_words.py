"""Refusals read in words for people (issue 14, point 6), zh and en: every permission a service
checks, and the issuer's check of Actor.require_issuer, has its words; a name without words
still never shows (``只读用户不能issue_documents`` was shown)."""

from __future__ import annotations

import re

import pytest

from desktop.core.texts import PERMISSION_WORDS, error_text, permission_refusal
from desktop.errors import AppError, PermissionDenied
from desktop.services.permissions import Actor, Perm, Role

VIEWER = Actor(1, "view1", "只读", Role.VIEWER)
INTERNAL = re.compile(r"[a-z]+_[a-z_]+")


def test_every_permission_reads_in_words() -> None:
    assert {p.value for p in Perm} | {"issue_documents"} <= set(PERMISSION_WORDS)
    for perm in [*(p.value for p in Perm), "issue_documents"]:
        for lang in ("zh_CN", "en"):
            text = permission_refusal(perm, "viewer", lang)
            assert not INTERNAL.search(text), (perm, lang, text)
            if lang == "zh_CN":  # no English name at all in the Chinese sentence
                assert not re.search("[A-Za-z]", text), (perm, text)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_issuer_refusal_and_an_unknown_name_read_in_words(lang: str) -> None:
    with pytest.raises(PermissionDenied) as refused:
        VIEWER.require_issuer()
    text = error_text(refused.value, lang)
    assert "issue_documents" not in text
    assert ("只读用户不能开具编号文书" in text) if lang == "zh_CN" else ("viewer cannot issue"
                                                                     in text)
    odd = error_text(AppError("permission_denied", permission="some_new_right"), lang)
    assert "some_new_right" not in odd and "None" not in odd
