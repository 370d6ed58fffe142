"""How many hostile catalogs glossari answers right (issue 18, catalog input).

Builds a glossary from the repository's seed (``extract`` + ``update -l en``), then one copy per
hostile variant of its English catalog: charset headers written every way (spaces, case, a
stray ``;``, two Content-Types, a comment or another field that says otherwise, a 9 KB
preamble) over bytes in that charset or another, codecs that are no text encoding, UTF-16/32
and BOM files, what GNU refuses (current + obsolete, ``#~ msgid ""``, ``nplurals=0``, U+0004),
C0 controls raw and escaped, plural entries for singular messages, CRLF files. Each copy goes
through ``update -l en`` three times (cache deleted, kept, deleted) and ``table -l en --format
json`` once, as separate ``python -m glossari`` processes.

A variant is answered right when either every run exits 2 with one line ``path:line: ...`` and
the catalog's bytes never change, or every run exits 0, the translation reads back as written
after each run (no mojibake), the file is ``msgfmt --check`` clean, and (where the variant says
so) a text that must survive is still in the file. The variants that must be refused (GNU's
refusals, controls, non-text codecs, UTF-16) count as right only when refused.

    uv run python benchmarks/hostile_catalogs.py             # this checkout
    PYTHONPATH=/path/to/other/checkout python benchmarks/hostile_catalogs.py   # another one
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PO = Path("locale/en/LC_MESSAGES/glossary.po")
WORD = "Carrières"


@dataclass
class Variant:
    name: str
    data: bytes
    must_refuse: bool = False
    keep: tuple[bytes, ...] = ()
    """Bytes that must still be in the file after the runs (when accepted)."""
    word: str | None = WORD
    """The Careers translation expected when accepted (None: not checked)."""
    crlf: bool = False
    notes: list[str] = field(default_factory=list)


def _glossari(root: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    # run from the glossary folder: "-m" puts the current folder first on sys.path, and a
    # checkout's own glossari/ would shadow the one PYTHONPATH names
    return subprocess.run([sys.executable, "-m", "glossari", "--root", str(root), *argv],
                          capture_output=True, text=True, timeout=300, check=False,
                          env=os.environ.copy(), cwd=root)


def _base(work: Path) -> tuple[Path, str]:
    root = work / "base"
    shutil.copytree(REPO / "seeds", root / "seeds")
    (root / "locale").mkdir()
    for argv in (("extract",), ("update", "-l", "en")):
        done = _glossari(root, *argv)
        if done.returncode:
            raise SystemExit(f"cannot build the base glossary: {done.stderr}")
    text = (root / PO).read_text("utf-8")
    if 'msgid "Careers"\nmsgstr ""\n' not in text:
        raise SystemExit("the seed has no 'Careers' message any more: adapt this script")
    return root, text.replace('msgid "Careers"\nmsgstr ""\n', f'msgid "Careers"\nmsgstr "{WORD}"\n')


def _with_charset(text: str, declaration: str, *, before: str = "", extra: str = "") -> str:
    head = '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    assert head in text
    return before + text.replace(head, f'"{declaration}\\n"\n{extra}', 1)


def variants(text: str) -> Iterator[Variant]:
    names = {"ISO-8859-1": "latin-1", "ISO-8859-15": "iso8859-15", "CP1252": "cp1252",
             "UTF-8": "utf-8"}
    for name, codec in names.items():
        for other in ("ISO-8859-1", "UTF-8"):
            if other == name:
                continue
            forms = {
                "charset=": f"Content-Type: text/plain; charset={name}",
                "charset-lower-value": f"Content-Type: text/plain; charset={name.lower()}",
                "spaces": f"Content-Type: text/plain; charset = {name}",
                "case": f"Content-Type: text/plain; Charset={name}",
                "upper": f"Content-Type: text/plain; CHARSET={name}",
                "semicolon": f"Content-Type: text/plain; charset={name};",
            }
            for form, declaration in forms.items():
                if other == "UTF-8" or form == "charset=":
                    body = _with_charset(text, declaration)
                    yield Variant(f"{form}-{name}-as-{codec}", body.encode(codec))
            ct = f"Content-Type: text/plain; charset={name}"
            ct_other = f'"Content-Type: text/plain; charset={other}\\n"\n'
            yield Variant(f"two-content-types-{name}-then-{other}",
                          _with_charset(text, ct, extra=ct_other).encode(codec))
            yield Variant(f"comment-says-{other}-header-{name}",
                          _with_charset(text, ct, before=f"# {ct_other[1:-4]}\n").encode(codec))
            yield Variant(f"field-says-{other}-header-{name}",
                          _with_charset(text, ct, extra=f'"X-Note: charset={other}\\n"\n')
                          .encode(codec))
        ct = f"Content-Type: text/plain; charset={name}"
        yield Variant(f"same-charset-twice-{name}",
                      _with_charset(text, ct, extra=f'"{ct}\\n"\n').encode(codec))
        yield Variant(f"9kb-preamble-{name}", _with_charset(
            text, ct, before="# Carrières et métiers: relu par l'équipe.\n" * 220).encode(codec))
    for alias, codec in (("latin1", "latin-1"), ("utf8", "utf-8"), ("windows-1252", "cp1252"),
                         ("ISO8859-1", "latin-1")):
        yield Variant(f"alias-{alias}", _with_charset(
            text, f"Content-Type: text/plain; charset={alias}").encode(codec))
    for codec in ("base64", "rot13", "hex", "zlib", "undefined", "bz2", "uu", "quopri"):
        yield Variant(f"non-text-codec-{codec}", _with_charset(
            text, f"Content-Type: text/plain; charset={codec}").encode("latin-1"),
            must_refuse=True)
    for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        yield Variant(f"wide-{codec}", text.encode(codec), must_refuse=True)
    yield Variant("utf-8-bom", b"\xef\xbb\xbf" + text.encode("utf-8"), must_refuse=True)
    careers = f'msgid "Careers"\nmsgstr "{WORD}"\n'
    gnu_refuses = {
        "current-and-obsolete": text + f'\n#~ msgid "Careers"\n#~ msgstr "{WORD} (old)"\n',
        "obsolete-header": text + '\n#~ msgid ""\n#~ msgstr "Language: en\\n"\n',
        "nplurals-zero": text.replace("nplurals=2; plural=(n != 1);", "nplurals=0; plural=0;"),
        "context-separator-escaped": text.replace(careers, careers.replace("Carr", "Car\\004r")),
        "context-separator-raw": text.replace(careers, careers.replace("Carr", "Car\x04r")),
        "nul-raw": text.replace(careers, careers.replace("Carr", "Car\x00r")),
        "esc-raw": text.replace(careers, careers.replace("Carr", "\x1b[31mCarr")),
        "esc-escaped": text.replace(careers, careers.replace("Carr", "\\033]0;x\\007Carr")),
        "bell-escaped": text.replace(careers, careers.replace("Carr", "\\aCarr")),
        "cr-escaped": text.replace(careers, careers.replace("Carr", "\\rCarr")),
        "vt-raw": text.replace(careers, careers.replace("Carr", "\x0bCarr")),
    }
    for name, body in gnu_refuses.items():
        assert body != text, name
        yield Variant(name, body.encode("utf-8"), must_refuse=True, word=None)
    plural = (f'msgid "Careers"\nmsgid_plural "Careers (n)"\nmsgstr[0] "{WORD}"\n'
              'msgstr[1] "Les carrières"\n')
    yield Variant("plural-for-singular", text.replace(careers, plural).encode("utf-8"),
                  keep=("Les carrières".encode(),))
    yield Variant("plural-for-singular-3-forms",
                  text.replace(careers, plural + 'msgstr[2] "Beaucoup de carrières"\n')
                  .replace("nplurals=2; plural=(n != 1);",
                           "nplurals=3; plural=(n==1 ? 0 : n<5 ? 1 : 2);").encode("utf-8"),
                  keep=("Les carrières".encode(), "Beaucoup de carrières".encode()))
    gone = '\nmsgid "Sudah tiada"\nmsgstr "Gone"\n'
    yield Variant("crlf", (text + gone).replace("\n", "\r\n").encode("utf-8"), crlf=True,
                  keep=(b"Gone",))
    yield Variant("crlf-latin1", _with_charset(
        text + gone, "Content-Type: text/plain; charset=ISO-8859-1").replace("\n", "\r\n")
        .encode("latin-1"), crlf=True, keep=(b"Gone",))


def _word(po: Path) -> str | None:
    data = po.read_bytes().decode("utf-8", "replace")
    marker = 'msgid "Careers"\n'
    if marker not in data.replace("\r\n", "\n"):
        return None
    after = data.replace("\r\n", "\n").split(marker, 1)[1]
    line = after.split("\n", 1)[0]
    if line.startswith("msgid_plural"):
        line = after.split("\n")[1]
    return line.split(" ", 1)[1].strip('"') if " " in line else None


def judge(base: Path, work: Path, variant: Variant) -> tuple[bool, str]:
    root = work / "v"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(base, root, ignore=shutil.ignore_patterns(".glossari-cache"))
    po = root / PO
    po.write_bytes(variant.data)
    codes: list[int] = []
    for run, argv in enumerate((("update", "-l", "en"), ("update", "-l", "en"),
                                ("update", "-l", "en"), ("table", "-l", "en", "--format",
                                                         "json"))):
        if run in (0, 2):
            shutil.rmtree(root / ".glossari-cache", ignore_errors=True)
        done = _glossari(root, *argv)
        codes.append(done.returncode)
        err = done.stderr.strip()
        if "internal error" in err or "Traceback" in err:
            return False, f"run {run + 1}: {err.splitlines()[-1][:120]}"
        if done.returncode == 2:
            lines = err.splitlines()
            if len(lines) != 1 or f"{PO.as_posix()}:" not in lines[0]:
                return False, f"run {run + 1}: exit 2 without one path:line line: {err[:120]}"
            if po.read_bytes() != variant.data:
                return False, f"run {run + 1}: refused, but the catalog changed"
        elif (done.returncode == 0 and argv[0] == "update" and variant.word is not None
              and _word(po) != variant.word):
            return False, f"run {run + 1}: translation now {_word(po)!r}"
    if set(codes) == {2}:
        return True, "refused every run: " + _glossari(root, "update", "-l", "en").stderr[
            len("glossari: error: "):].strip()[:110]
    if set(codes) != {0}:
        return False, f"exit codes {codes}"
    if variant.must_refuse:
        return False, "accepted (GNU or glossari's own rules refuse it)"
    data = po.read_bytes()
    for needed in variant.keep:
        if needed not in data:
            return False, f"lost {needed.decode()!r}"
    if variant.crlf and b"\n" in data.replace(b"\r\n", b""):
        return False, "mixed line ends"
    check = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)], capture_output=True,
                           text=True, check=False)
    if check.returncode:
        return False, f"msgfmt --check: {check.stderr.strip().splitlines()[0][:100]}"
    return True, "read right every run"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per variant")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hostile-catalogs-") as tmp:
        work = Path(tmp)
        base, text = _base(work)
        right = 0
        found = list(variants(text))
        wrong: list[str] = []
        for variant in found:
            ok, why = judge(base, work, variant)
            right += ok
            if args.verbose or not ok:
                print(f"{'right' if ok else 'WRONG'}  {variant.name}: {why}")
            if not ok:
                wrong.append(variant.name)
        print(f"{right} of {len(found)} hostile catalogs answered right")
    return 0 if not wrong else 1


if __name__ == "__main__":
    raise SystemExit(main())
