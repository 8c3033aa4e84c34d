"""Chinese fonts for printed documents: find them, check every character, fall back per character.

Discovery order: fonts an administrator configured, the Windows fonts (the system folder
``%WINDIR%\\Fonts``, then the per-user folder ``%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts``),
then fontconfig on Linux. Only TrueType outlines can be embedded by ReportLab (a ``.ttf``, or
one face of a ``.ttc``);
OpenType/CFF files (``OTTO``, a ``CFF `` table) and corrupt files are skipped with a recorded
reason, or — when an administrator named them — refused with ``font_unusable``.

A :class:`FontSet` names a title face (Song/Hei), a body face (FangSong where available) and
fallbacks; before anything is drawn, :meth:`FontSet.check` makes sure some font has every
character, so a missing glyph is an error naming the person and the character, never a box.
Importing this module also installs the ToUnicode fix of :mod:`desktop.reports.tounicode`.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.errors import AppError
from desktop.reports import tounicode

tounicode.install()

# The Chinese fonts of Windows, in order of preference (file name, face in a .ttc, family).
# simsun.ttc holds SimSun and NSimSun; simsunb.ttf (SimSun-ExtB, part of every Windows) has
# the whole of CJK Extension B (𠮷). Every face listed is parsed when documents are first made,
# so faces that would add no characters (DengXian, MingLiU-ExtB) are left out.
WINDOWS_FONTS: tuple[tuple[str, int, str], ...] = (
    ("simsun.ttc", 0, "SimSun"),
    ("simsun.ttc", 1, "NSimSun"),
    ("simhei.ttf", 0, "SimHei"),
    ("simfang.ttf", 0, "FangSong"),
    ("simkai.ttf", 0, "KaiTi"),
    ("msyh.ttc", 0, "Microsoft YaHei"),
    ("simsunb.ttf", 0, "SimSun-ExtB"),
)
FC_TIMEOUT = 10.0  # seconds; fontconfig builds its cache on first use
# Common characters every main (title/body) face must have; ExtB-only fonts are fallbacks.
PROBE = "中华人民共和国劳动模范协会证明第页共"
NO_FONT_HINT = (
    "Debian/Ubuntu: sudo apt install fonts-wqy-microhei; Windows: SimSun/SimHei/FangSong "
    "(simsun.ttc, simhei.ttf, simfang.ttf) in %WINDIR%\\Fonts; "
    "or configure a TrueType (.ttf/.ttc) Chinese font in the settings"
)
_FANGSONG = re.compile(r"fangsong|fang ?song|仿宋|simfang", re.IGNORECASE)
_KAI = re.compile(r"kai|楷", re.IGNORECASE)
_SONG_HEI = re.compile(r"song|sun|hei|ming|宋|黑|明|yahei", re.IGNORECASE)


class FontUnusable(Exception):
    """A font file ReportLab cannot embed; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclasses.dataclass(frozen=True)
class Rejected:
    """A font file that was found but skipped, and why."""

    path: Path
    reason: str


@dataclasses.dataclass(frozen=True)
class Face:
    """One usable TrueType face. Its characters come from a quick read of the ``cmap`` table;
    the face is parsed and registered with ReportLab (about a quarter of a second for a CJK
    font) only when a document asks for its :attr:`name`, once per process."""

    key: str  # the ReportLab font name, without registering it
    path: Path
    index: int
    family: str
    source: str  # "configured" | "windows" | "fontconfig"
    chars: frozenset[int] = dataclasses.field(repr=False, compare=False)

    def has(self, char: str) -> bool:
        return ord(char) in self.chars

    @property
    def name(self) -> str:
        """The ReportLab font name; the face is loaded and registered on first use."""
        ensure_registered(self)
        return self.key


_REGISTERED: dict[str, tuple[str, int]] = {}  # ReportLab name -> (file, face) loaded here
_REGISTERING = threading.Lock()


def ensure_registered(face: Face) -> None:
    """Parse and register ``face`` with ReportLab unless this process already did."""
    where = (str(face.path), face.index)
    if _REGISTERED.get(face.key) == where:
        return
    with _REGISTERING:  # documents are rendered on worker threads: parse a face once
        if _REGISTERED.get(face.key) == where:
            return
        try:
            font = _load(face.path, face.index, face.key)
        except FontUnusable as e:  # the quick check passed, the full parse did not: say so
            raise AppError("font_unusable", path=str(face.path), reason=e.reason) from None
        pdfmetrics.registerFont(font)
        _REGISTERED[face.key] = where


def loaded_faces() -> list[str]:
    """The ReportLab names of the faces parsed and registered in this process (tests and the
    benchmark check that a document loads only the faces it draws with)."""
    return list(_REGISTERED)


# --------------------------------------------------------------------------------------------
# Inspecting files


def _table_tags(data: bytes, offset: int) -> set[bytes]:
    """The table tags of the sfnt whose header starts at ``offset``."""
    if len(data) < offset + 12:
        raise FontUnusable("truncated font header")
    version = data[offset:offset + 4]
    if version == b"OTTO":
        raise FontUnusable("OpenType with PostScript (CFF) outlines; only TrueType can be embedded")
    if version not in (b"\x00\x01\x00\x00", b"true"):
        raise FontUnusable("not a TrueType font (corrupt or another kind of file)")
    (count,) = struct.unpack(">H", data[offset + 4:offset + 6])
    end = offset + 12 + 16 * count
    if count == 0 or len(data) < end:
        raise FontUnusable("truncated table directory (corrupt font)")
    return {data[p:p + 4] for p in range(offset + 12, end, 16)}


def sniff(path: Path) -> int:
    """How many faces ``path`` holds; raises :class:`FontUnusable` if none is TrueType."""
    try:
        with path.open("rb") as f:
            head = f.read(65536)
    except FileNotFoundError:
        raise FontUnusable("file not found") from None
    except OSError as e:
        raise FontUnusable(f"cannot read the file: {e.strerror or e}") from None
    if head[:4] == b"ttcf":
        if len(head) < 12:
            raise FontUnusable("truncated font collection header")
        (count,) = struct.unpack(">I", head[8:12])
        if not 0 < count <= 64 or len(head) < 12 + 4 * count:
            raise FontUnusable("corrupt font collection header")
        offsets = struct.unpack(f">{count}I", head[12:12 + 4 * count])
        tags = [_table_tags(head, o) if o + 12 <= len(head) else set() for o in offsets]
    else:
        tags = [_table_tags(head, 0)]
    for t in tags:
        if b"CFF " in t or b"CFF2" in t:
            raise FontUnusable("PostScript (CFF) outlines; only TrueType can be embedded")
        if t and b"glyf" not in t:
            raise FontUnusable("no TrueType outlines (glyf table)")
    return len(tags)


_CACHE: dict[tuple[str, int, int, int], TTFont] = {}


def _load(path: Path, index: int, name: str) -> TTFont:
    """Parse a face (cached per file version); ReportLab's own errors become FontUnusable."""
    st = path.stat()
    key = (str(path), index, st.st_mtime_ns, st.st_size)
    font = _CACHE.get(key)
    if font is None or font.fontName != name:
        try:
            font = TTFont(name, str(path), subfontIndex=index)
        except Exception as e:  # ReportLab raises TTFError, struct.error, IndexError, ...
            raise FontUnusable(f"corrupt or unsupported font: {e}") from None
        if not font.face.charToGlyph:
            raise FontUnusable("no Unicode character map")
        _CACHE[key] = font
    return font


def _face_offset(f: BinaryIO, index: int) -> int:
    head = f.read(12)
    if head[:4] != b"ttcf":
        return 0
    (count,) = struct.unpack(">I", head[8:12])
    if index >= count:
        raise FontUnusable(f"the collection has no face {index}")
    f.seek(12 + 4 * index)
    (offset,) = struct.unpack(">I", f.read(4))
    return int(offset)


def charset(path: Path, index: int = 0) -> frozenset[int]:
    """The characters face ``index`` of ``path`` draws (mapped to a glyph other than .notdef),
    read from its ``cmap`` table only: a few milliseconds where parsing the whole face takes
    a quarter of a second. The subtable is chosen as ReportLab chooses it."""
    st = path.stat()
    key = (str(path), index, st.st_mtime_ns, st.st_size)
    found = _CHARSETS.get(key)
    if found is None:
        try:
            found = _CHARSETS[key] = _read_charset(path, index)
        except (struct.error, IndexError, ValueError, OverflowError):
            raise FontUnusable("corrupt character map (cmap)") from None
    return found


_CHARSETS: dict[tuple[str, int, int, int], frozenset[int]] = {}


def _read_charset(path: Path, index: int) -> frozenset[int]:
    with path.open("rb") as f:
        base = _face_offset(f, index)
        f.seek(base + 4)
        (count,) = struct.unpack(">H", f.read(2))
        f.seek(base + 12)
        directory = f.read(16 * count)
        tables = {directory[p:p + 4]: struct.unpack(">II", directory[p + 8:p + 16])
                  for p in range(0, len(directory), 16)}
        if b"cmap" not in tables:
            raise FontUnusable("no character map (cmap)")
        offset, length = tables[b"cmap"]
        f.seek(offset)
        data = f.read(length)
    version, n = struct.unpack_from(">HH", data, 0)
    if n == 0 and version != 0:
        n = version
    chosen, enc = None, 0
    for i in range(n):  # the same preference as ReportLab's TTFontFile.extractInfo
        platform, encoding, sub = struct.unpack_from(">HHI", data, 4 + 8 * i)
        if platform == 3 or (platform == 1 and encoding == 1) or (
                platform == 0 and encoding != 5):
            chosen, enc = sub, 1
        elif platform == 1 and encoding == 0 and enc != 1:
            chosen, enc = sub, 2
    if chosen is None:
        raise FontUnusable("no Unicode character map")
    (fmt,) = struct.unpack_from(">H", data, chosen)
    chars: set[int] = set()
    if fmt == 4:
        (seg2,) = struct.unpack_from(">H", data, chosen + 6)
        seg = seg2 // 2
        ends = struct.unpack_from(f">{seg}H", data, chosen + 14)
        starts = struct.unpack_from(f">{seg}H", data, chosen + 16 + seg2)
        deltas = struct.unpack_from(f">{seg}h", data, chosen + 16 + 2 * seg2)
        ro_at = chosen + 16 + 3 * seg2
        offsets = struct.unpack_from(f">{seg}H", data, ro_at)
        for k in range(seg):
            lo, hi, delta, ro = starts[k], ends[k], deltas[k], offsets[k]
            if hi < lo:
                continue
            if ro == 0:
                chars.update(c for c in range(lo, hi + 1) if (c + delta) & 0xFFFF)
            else:
                at = ro_at + 2 * k + ro
                count_k = hi - lo + 1
                if at + 2 * count_k > len(data):
                    count_k = max(0, (len(data) - at) // 2)
                glyphs = struct.unpack_from(f">{count_k}H", data, at)
                chars.update(lo + j for j, g in enumerate(glyphs) if g)
    elif fmt in (12, 13):
        (groups,) = struct.unpack_from(">I", data, chosen + 12)
        for k in range(groups):
            lo, hi, glyph = struct.unpack_from(">III", data, chosen + 16 + 12 * k)
            if glyph == 0:
                lo += 1 if fmt == 12 else hi - lo + 1
                glyph = 1
            chars.update(range(lo, hi + 1))
    else:  # old formats (0, 2, 6, 10): not worth a reader of their own
        font = TTFont("LM-probe", str(path), subfontIndex=index)
        chars.update(c for c, g in font.face.charToGlyph.items() if g)
    if 0x20 in chars or 0xA0 in chars:  # ReportLab draws either with the other's glyph
        chars.update((0x20, 0xA0))
    return frozenset(chars)


# --------------------------------------------------------------------------------------------
# Finding candidates


@dataclasses.dataclass(frozen=True)
class _Candidate:
    path: Path
    index: int
    family: str
    source: str


def windows_fonts_dirs() -> list[Path]:
    """On Windows: ``%WINDIR%\\Fonts`` and the per-user fonts folder
    ``%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts`` (where Windows 10 and later put a font a user
    installs without administrator rights); elsewhere none."""
    if sys.platform != "win32":
        return []
    folders = []
    root = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if root:
        folders.append(Path(root) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return folders


def _fc_list(pattern: str) -> list[tuple[Path, int, str]]:
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        out = subprocess.run(
            [exe, "--format", "%{file}\t%{index}\t%{family[0]}\n", pattern],
            capture_output=True, text=True, timeout=FC_TIMEOUT, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0]:
            index = int(parts[1]) if parts[1].isdigit() else 0
            found.append((Path(parts[0]), index, parts[2]))
    return found


def fontconfig_fonts() -> list[tuple[Path, int, str]]:
    """Chinese fonts fontconfig knows, then fonts with CJK Extension B (rare characters)."""
    # ":lang=zh" misses ExtB-only fonts and Japanese-tagged Ming faces, hence the second query.
    return _fc_list(":lang=zh") + _fc_list(":charset=20000")


def _candidates(
    configured: Sequence[str | Path], windows_dirs: Sequence[Path], fontconfig: bool,
) -> Iterator[_Candidate]:
    for p in configured:
        yield _Candidate(Path(p), 0, Path(p).stem, "configured")
    for file_name, index, family in WINDOWS_FONTS:
        for folder in windows_dirs:  # the system folder first, then the user's
            path = folder / file_name
            if path.exists():
                yield _Candidate(path, index, family, "windows")
                break
    if fontconfig and sys.platform != "win32":
        for path, index, family in fontconfig_fonts():
            yield _Candidate(path, index, family, "fontconfig")


def _register_name(path: Path, index: int, taken: set[str]) -> str:
    base = "LM-" + (re.sub(r"[^A-Za-z0-9]+", "-", path.stem).strip("-") or "font")
    name = f"{base}-{index}"
    n = 2
    while name in taken:
        name = f"{base}-{index}-{n}"
        n += 1
    return name


# --------------------------------------------------------------------------------------------
# The font set


_STYLES = (  # checked in this order: "Source Han Sans" is sans, "FangSong" is not Song
    ("fangsong", _FANGSONG),
    ("kai", _KAI),
    ("sans", re.compile(r"hei|sans|gothic|yahei|dengxian|wenquanyi|wqy|黑|雅黑", re.IGNORECASE)),
    ("serif", re.compile(r"song|sun|ming|mincho|hanamin|serif|宋|明", re.IGNORECASE)),
)


def style_of(face: Face) -> str:
    """"serif" (宋/明), "sans" (黑), "fangsong", "kai" or "" (unknown), from the face's family
    or file name."""
    for style, pattern in _STYLES:
        if pattern.search(face.family) or pattern.search(face.path.name):
            return style
    return ""


def _kinship(base: str, other: str) -> int:
    """0 for the same style, 1 for a related one (仿宋 and 楷体 take 宋体 next), 2 else."""
    if base and other == base:
        return 0
    if {base, other} <= {"serif", "fangsong", "kai"} and "serif" in (base, other):
        return 1
    return 2


@dataclasses.dataclass(frozen=True)
class FontSet:
    """The fonts a document may use; each is registered with ReportLab the first time a
    document asks for its ``Face.name`` (so a page in one face loads one face)."""

    title: Face
    body: Face
    fallbacks: tuple[Face, ...]
    rejected: tuple[Rejected, ...] = ()

    @functools.cached_property
    def faces(self) -> tuple[Face, ...]:
        """Every distinct face, title first."""
        out: list[Face] = []
        for f in (self.title, self.body, *self.fallbacks):
            if f not in out:
                out.append(f)
        return tuple(out)

    @functools.cached_property
    def _orders(self) -> dict[str, tuple[Face, ...]]:
        # Computed once: documents ask for every character of every cell. After the face
        # itself, faces of the same style come first (a rare character in 宋体 text is drawn
        # from a serif Ext-B face such as SimSun-ExtB or HanaMinB, not from a Hei one).
        faces = self.faces
        styles = {f.key: style_of(f) for f in faces}

        def order(f: Face) -> tuple[Face, ...]:
            others = [g for g in faces if g.key != f.key]
            others.sort(key=lambda g: _kinship(styles[f.key], styles[g.key]))
            return (f, *others)

        return {f.key: order(f) for f in faces}

    def _order(self, base: str | None) -> tuple[Face, ...]:
        order = self._orders.get(base or self.body.key)
        if order is None:
            raise ValueError(f"{base} is not a font of this set")
        return order

    def font_for(self, char: str, base: str | None = None) -> str | None:
        """The name of the first font (``base`` first, default body) that has ``char``."""
        face = self._face_for(char, self._order(base))
        return None if face is None else face.name

    @staticmethod
    def _face_for(char: str, order: tuple[Face, ...]) -> Face | None:
        if char.isspace() or unicodedata_is_control(char):
            return order[0]
        cp = ord(char)
        for f in order:
            if cp in f.chars:
                return f
        return None

    def coverage(self, text: str, base: str | None = None) -> list[tuple[str, str | None]]:
        """Each character of ``text`` with the font that will draw it (None: no font has it)."""
        order = self._order(base)
        out: list[tuple[str, str | None]] = []
        for ch in text:
            face = self._face_for(ch, order)
            out.append((ch, None if face is None else face.name))
        return out

    def single_font(self, text: str, base: str | None = None) -> bool:
        """True when the ``base`` face (default body) draws every character of ``text``: the
        common case, answered without looking at characters one by one."""
        return self._order(base)[0].chars.issuperset(map(ord, text))

    def missing(self, text: str) -> list[str]:
        """The distinct characters of ``text`` that no font has, in order of appearance."""
        if self.single_font(text):
            return []
        order = self._order(None)
        seen: list[str] = []
        for ch in text:
            if ch not in seen and self._face_for(ch, order) is None:
                seen.append(ch)
        return seen

    def check(self, text: str, *, who: str, field: str) -> None:
        """Raise ``glyph_missing`` naming ``who``, ``field`` and the first character no font has."""
        missing = self.missing(text)
        if missing:
            ch = missing[0]
            raise AppError("glyph_missing", who=who, field=field, char=ch,
                           codepoint=f"U+{ord(ch):04X}")

    def runs(self, text: str, base: str | None = None, *, who: str = "",
             field: str = "") -> list[tuple[str, str]]:
        """``text`` split into (font name, run) pieces; checks every character first."""
        if self.single_font(text, base):
            return [(self._order(base)[0].name, text)] if text else []
        self.check(text, who=who, field=field)
        out: list[tuple[str, str]] = []
        for ch, font in self.coverage(text, base):
            assert font is not None
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + ch)
            else:
                out.append((font, ch))
        return out


def unicodedata_is_control(char: str) -> bool:
    """Characters that are not drawn (controls, zero-width joiners, variation selectors)."""
    cp = ord(char)
    return (cp < 0x20 or 0x7F <= cp < 0xA0 or cp in (0x200B, 0x200C, 0x200D, 0xFEFF)
            or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF)


def paragraph_markup(text: str, fontset: FontSet, base_font: str | None = None, *,
                     who: str = "", field: str = "") -> str:
    """Paragraph markup for ``text``: XML-escaped, runs the base font lacks in ``<font>`` tags.

    ``base_font`` is the paragraph style's font (default: the body face). Raises
    ``glyph_missing`` (with ``who``/``field``) when no font has a character.
    """
    base = base_font or fontset.body.name
    parts = []
    for font, run in fontset.runs(text, base, who=who, field=field):
        piece = escape(run)
        parts.append(piece if font == base else f'<font name="{font}">{piece}</font>')
    return "".join(parts)


def _role_pick(faces: Sequence[Face], pattern: re.Pattern[str]) -> Face | None:
    for f in faces:
        if pattern.search(f.family) or pattern.search(f.path.name):
            return f
    return None


def find_fonts(
    configured: Sequence[str | Path] = (),
    *,
    windows_dir: Path | Sequence[Path] | bool | None = True,
    fontconfig: bool = True,
) -> FontSet:
    """Find, check and register the fonts for documents.

    ``configured``: font files an administrator chose (first choice; an unusable one raises
    ``font_unusable``). ``windows_dir``: True looks in the Windows fonts folders on Windows
    (:func:`windows_fonts_dirs`), a folder or a list of folders laid out like
    ``C:\\Windows\\Fonts`` looks there (tests), False/None skips them. Raises ``no_cjk_font``
    when no usable Chinese font is found.
    """
    if windows_dir is True:
        wdirs = windows_fonts_dirs()
    elif not windows_dir:
        wdirs = []
    elif isinstance(windows_dir, Path):
        wdirs = [windows_dir]
    else:
        wdirs = list(windows_dir)
    faces: list[Face] = []
    rejected: list[Rejected] = []
    seen: set[tuple[str, int]] = set()
    taken: set[str] = set()
    for cand in _candidates(configured, wdirs, fontconfig):
        real = Path(os.path.realpath(cand.path))
        if (str(real), cand.index) in seen:
            continue
        seen.add((str(real), cand.index))
        try:
            count = sniff(real)
            if cand.index >= count:
                raise FontUnusable(f"the collection has no face {cand.index}")
            name = _register_name(real, cand.index, taken)
            chars = charset(real, cand.index)
            if cand.source == "configured":  # an administrator's choice is checked in full now
                _load(real, cand.index, name)
        except FontUnusable as e:
            if cand.source == "configured":
                raise AppError("font_unusable", path=str(cand.path), reason=e.reason) from None
            rejected.append(Rejected(cand.path, e.reason))
            continue
        taken.add(name)
        faces.append(Face(name, real, cand.index, cand.family, cand.source, chars))
    main = [f for f in faces if all(f.has(c) for c in PROBE)]
    if not main:
        raise AppError("no_cjk_font", hint=NO_FONT_HINT)
    configured_main = [f for f in main if f.source == "configured"]
    if configured_main:
        title = configured_main[0]
    else:
        plain = [f for f in main if not (_FANGSONG.search(f.family) or _KAI.search(f.family))]
        title = _role_pick(plain, _SONG_HEI) or (plain or main)[0]
    body = _role_pick(main, _FANGSONG) or title
    fallbacks = tuple(f for f in faces if f not in (title, body))
    return FontSet(title, body, fallbacks, tuple(rejected))


def describe(fontset: FontSet) -> Iterable[str]:
    """One line per face and per rejected file (for logs and ``laomo`` diagnostics)."""
    roles = {fontset.title.key: "title", fontset.body.key: "body"}
    if fontset.title == fontset.body:
        roles[fontset.title.key] = "title+body"
    for f in fontset.faces:
        yield f"{roles.get(f.key, 'fallback')}: {f.family} ({f.path}#{f.index}, {f.source})"
    for r in fontset.rejected:
        yield f"skipped: {r.path}: {r.reason}"
