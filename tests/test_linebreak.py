"""Line breaking identical to GNU msgcat's with no native library (glossari/catalog/linebreak.py).

How libunistring is hidden: the ``no_libunistring`` fixture makes ``ctypes.util.find_library``
find nothing and ``ctypes.CDLL`` refuse every library whose name mentions ``unistring`` (as on a
machine without GNU gettext), clears ``pofile._libunistring``'s cache, and asserts that it now
returns None, so every catalog below is wrapped by the pure-Python breaker alone.

The oracles: GNU ``msgcat`` itself (every catalog of the repository, the real Malay and
Indonesian catalogs shipped with Django, and generated catalogs); and, where it is installed,
libunistring's ``ulc_width_linebreaks`` on random text, mark for mark.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from _catalog_oracles import REPO, needs_gnu
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossari.catalog import pofile
from glossari.catalog.linebreak import width_linebreaks
from glossari.errors import CatalogError


@pytest.fixture
def no_libunistring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real_cdll = ctypes.CDLL

    def refusing_cdll(name: object, *args: object, **kwargs: object) -> ctypes.CDLL:
        if name is None or "unistring" in str(name):
            raise OSError(f"{name}: cannot open shared object file (hidden by the test)")
        return real_cdll(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ctypes, "CDLL", refusing_cdll)
    monkeypatch.setattr(ctypes.util, "find_library", lambda _name: None)
    pofile._libunistring.cache_clear()
    assert pofile._libunistring() is None
    yield
    pofile._libunistring.cache_clear()


def _repository_catalogs() -> list[Path]:
    found = []
    for path in sorted(REPO.rglob("*.po*")):
        if path.suffix not in (".po", ".pot") or ".venv" in path.parts or "bad" in path.parts:
            continue
        found.append(path)
    return found


def _django_catalogs() -> list[Path]:
    django = pytest.importorskip("django")
    base = Path(django.__file__).parent
    return sorted(p for p in base.rglob("*.po") if p.parent.parent.name in ("ms", "id"))


def rewrapped(path: Path, width: int = 79) -> bytes:
    """``path`` written anew by glossari: every entry's layout dropped, so every line of every
    string goes through the line breaker (render_po keeps an unchanged entry's own text)."""
    po = pofile.parse_po(path.read_bytes().decode("utf-8"), source=path.name)
    po = replace(
        po,
        header=po.header and replace(po.header, raw=None),
        entries=tuple(replace(entry, raw=None) for entry in po.entries),
        text_of_source=None,
    )
    return pofile.render_po(po, width=width).encode("utf-8")


def msgcat(path: Path, width: int = 79) -> bytes:
    done = subprocess.run(["msgcat", f"--width={width}", str(path), "-o", "-"],
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def test_repository_has_catalogs_to_compare() -> None:
    assert len(_repository_catalogs()) >= 5
    assert len(_django_catalogs()) >= 20


@needs_gnu
@pytest.mark.usefixtures("no_libunistring")
@pytest.mark.parametrize("path", _repository_catalogs(), ids=lambda p: p.name)
def test_every_repository_catalog_as_msgcat_writes_it(path: Path) -> None:
    for width in (79, 40):
        assert rewrapped(path, width) == msgcat(path, width)


@needs_gnu
@pytest.mark.slow
@pytest.mark.usefixtures("no_libunistring")
def test_django_malay_and_indonesian_catalogs_as_msgcat_writes_them() -> None:
    catalogs = _django_catalogs()
    differing = [p for p in catalogs if rewrapped(p) != msgcat(p)]
    assert differing == []


# --- generated text ---------------------------------------------------------------------------

WORDS = st.sampled_from([
    "syarikat-syarikat", "broker-dealer", "kanak-kanak", "pelabur", "saham", "dan", "-", "--",
    "https://www.sc.com.my/regulation/licensing?x=1&y=2", "/broker-dealer", "(RM)", "[FINRA]",
    "50%", "RM1,000.00", "e-mel", "\"dipetik\"", "'petik'", "a\\b", "%(name)s", "{0}",
    "日本語の文", "証券会社", "한국어", "中文\uff0c句子。", "\uff08括弧\uff09",
    "💰", "🇲🇾🇮🇩", "👩‍💼", "👍🏽", "e\u0301", "n\u0303a", "\u05d0-\u05d1", "\u200b", "\u00a0",
    "\u2014", "\u2010", "\u00ad", "\u2060", "\u0e01\u0e32\u0e23", "\t", "…", "x" * 90,
])
SEPARATORS = st.sampled_from([" ", " ", " ", "", "  ", "-", "/", "\u3000"])


@st.composite
def messages(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, min_size=1, max_size=40))
    text = words[0]
    for word in words[1:]:
        text += draw(SEPARATORS) + word
    if draw(st.booleans()):
        text += "\n" + draw(st.sampled_from(["", "kedua baris", "https://x.example/a-b"]))
    return text


@needs_gnu
@pytest.mark.usefixtures("no_libunistring")
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(messages(), min_size=1, max_size=25, unique=True),
       width=st.sampled_from([79, 79, 50, 30]))
def test_generated_catalogs_are_msgcat_fixed_points(
    texts: list[str], width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    header = pofile.Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n")
    entries = tuple(
        pofile.Entry(msgid=text, msgstr=texts[(i + 1) % len(texts)], msgctxt=f"c{i}",
                     extracted_comments=(text.replace("\n", " "),))
        for i, text in enumerate(texts)
    )
    try:
        written = pofile.render_po(pofile.PoFile(header=header, entries=entries), width=width)
    except CatalogError:  # pragma: no cover - no NUL is generated
        raise
    path = tmp_path_factory.mktemp("gen") / "gen.po"
    path.write_bytes(written.encode("utf-8"))
    assert msgcat(path, width) == path.read_bytes()


@pytest.mark.usefixtures("no_libunistring")
def test_reduplication_breaks_after_the_hyphen_as_msgcat_does() -> None:
    # the old fallback broke after spaces only: 2,370 of 3,047 lines of a catalog of reduplicated
    # words differed from msgcat. UAX #14 lets a line break after a hyphen between letters.
    data = b"aaaa syarikat-syarikat"
    marks = width_linebreaks(data, 12)
    assert [i for i, mark in enumerate(marks) if mark == 2] == [5, 14]
    # "[broker-dealer](/broker-" / "dealer)": the break the issue saw differ in articles-a.po
    data = b"[broker-dealer](/broker-dealer)"
    assert [i for i, m in enumerate(width_linebreaks(data, 26)) if m == 2] == [24]


# --- mark for mark against libunistring, where it is installed ---------------------------------

def _library_marks(data: bytes, width: int, start: int, overrides: bytes) -> bytes:
    function = pofile._libunistring()
    if function is None:
        pytest.skip("libunistring is not installed: msgcat is the oracle above")
    out = ctypes.create_string_buffer(len(data) + 1)
    function(data, len(data), width, start, 0, overrides, b"UTF-8", out)
    return out.raw[: len(data)]


CHARS = st.one_of(
    st.sampled_from([*"ab -/()[]\"'.,:;!?%$0\\\t\n\r",
        "\u00a0", "\u2014", "\u2010", "\u200b", "\u200d", "\u0301", "\u05d0", "\U0001f1e6",
        "\U0001f466", "\U0001f3fb", "\u4e00", "\u3002", "\uff08", "\u2028", "\u3005", "\uac00",
        "\u1100", "\u1160", "\u11a8", "\u2060", "\u00b4", "\u2024", "\U0001f600", "\u0e01",
        "\u00ad", "\ufffc", "\U00020000", "\x85", "\u30fc", "\u0085"]),
    st.characters(exclude_categories=("Cs",)),
)


@settings(max_examples=1500, deadline=None)
@given(text=st.lists(CHARS, max_size=40).map("".join), width=st.integers(0, 40),
       start=st.integers(0, 12), data=st.data())
def test_marks_equal_libunistrings(text: str, width: int, start: int,
                                   data: st.DataObject) -> None:
    encoded = text.encode("utf-8")
    overrides = bytes(data.draw(st.lists(st.sampled_from([0, 0, 0, 1]), min_size=len(encoded),
                                         max_size=len(encoded))))
    expected = _library_marks(encoded, width, start, overrides)
    assert width_linebreaks(encoded, width, start, overrides) == expected
