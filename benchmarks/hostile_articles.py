"""How many hostile articles, translations and output paths glossari answers right (issue 18,
every item but catalog input).

Each variant is a small glossary in a temporary folder, run through real ``python -m glossari``
processes (a time limit of 60 s each: a hang counts as wrong):

- **articles** (``seeds/``): every C0 and C1 control and DEL written as a YAML escape in the title,
  the description and a keyword; YAML after a ``...`` end; titles made only of invisible
  characters; 2 MiB of ``![``, ``[`` and ``[a][``; a FIFO, a socket-free device stand-in (an 8 GB
  sparse file); right = ``show``, ``check`` and ``extract`` each exit 2 with one line
  ``seeds/<file>[:line]: ...`` and nothing under the glossary changes;
- **translations** (the catalog of a good article): autolinks, raw HTML, reference definitions and
  links of every scheme; right = ``render`` keeps the Malay (the payload is not in the rendered
  article) and ``check --fail-on error`` exits 1 with an error on that message;
- **outputs**: ``render -o`` and ``table -o`` into ``seeds/`` (directly, through ``..``, through a
  link); right = exit 2, one line, ``seeds/`` unchanged; ``table -o`` to ``/dev/stdout`` and a
  FIFO nobody reads; right = the table on standard output, a one-line refusal (no hang);
- **terminal**: a file name holding an escape sequence; right = no control character in
  anything printed.

    uv run python benchmarks/hostile_articles.py            # prints the counts per family
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

GOOD = ("---\ntitle: Kos\ndescription: Harga barang.\nkeywords: Perakaunan\n---\n\n# Kos\n\n"
        "Perenggan satu [harga](/harga).\n")
SOURCE = "Perenggan satu [harga](/harga)."
CONTROLS = {chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))} - {"\t", "\n", "\r"}


def glossari(root: Path, *argv: str, cwd: Path | None = None) -> tuple[int, str, str]:
    try:
        done = subprocess.run([sys.executable, "-m", "glossari", "--root", str(root), *argv],
                              capture_output=True, text=True, timeout=60, cwd=cwd, check=False)
    except subprocess.TimeoutExpired:
        return -1, "", "timeout"
    return done.returncode, done.stdout, done.stderr


def snapshot(root: Path) -> dict[str, object]:
    found: dict[str, object] = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        if path.is_file() and not path.is_symlink() and info.st_size < 64 * 1024 * 1024:
            found[str(path)] = path.read_bytes()
        else:
            found[str(path)] = (info.st_mode, info.st_size)
    return found


@dataclass
class Variant:
    family: str
    name: str
    check: Callable[[Path], bool]


def _one_line(code: int, err: str, where: str) -> bool:
    lines = err.splitlines()
    return code == 2 and len(lines) == 1 and lines[0].startswith(f"glossari: error: {where}")


def refused_article(
    name: str, make: Callable[[Path], None],
    commands: tuple[str, ...] = ("show", "check", "extract"),
) -> Callable[[Path], bool]:
    def check(tmp: Path) -> bool:
        root = tmp / "g"
        (root / "seeds").mkdir(parents=True)
        (root / "seeds" / "kos.md").write_text(GOOD, encoding="utf-8")
        make(root / "seeds")
        before = snapshot(root)
        for command in commands:
            code, out, err = glossari(root, *([command, "kos"] if command == "show" else [command]))
            if not _one_line(code, err, f"seeds/{name}") or set(out + err) & CONTROLS:
                return False
        return snapshot(root) == before
    return check


def articles() -> Iterator[Variant]:
    def escaped(field: str, char: str) -> Callable[[Path], None]:
        escape = f"\\x{ord(char):02x}"
        text = {"title": f'---\ntitle: "Kos{escape}x"\n---\n',
                "description": f'---\ntitle: Kos\ndescription: "a{escape}b"\n---\n',
                "keyword": f'---\ntitle: Kos\nkeywords: ["a{escape}b"]\n---\n'}[field]
        return lambda seeds: (seeds / "bad.md").write_text(text, encoding="utf-8")

    for field in ("title", "description", "keyword"):
        for char in sorted(CONTROLS - {"\n"}):
            # one command each (every reader goes through the same front-matter reader)
            yield Variant("articles", f"{field} U+{ord(char):04X}",
                          refused_article("bad.md", escaped(field, char), ("check",)))
    for body in ("title: Kos\n...\ndescription: x\n", "title: Kos\n...\n  keywords: [a]\n",
                 "title: Kos\n... # end\nx: y\n"):
        def after_end(seeds: Path, b: str = body) -> None:
            (seeds / "bad.md").write_text(f"---\n{b}---\n", encoding="utf-8")
        yield Variant("articles", f"after ... {body!r}", refused_article("bad.md", after_end))
    for title in ("\u200b", "\u00ad\u2060", "\ufeff\u200c\u200d", "\u2061\u2062\u2063\u2064",
                  "\u180e", "\u061c\u200e\u200f"):
        yield Variant("articles", f"invisible title {title!r}", refused_article(
            "bad.md", lambda s, t=title: (s / "bad.md").write_text(
                f'---\ntitle: "{t}"\n---\n', encoding="utf-8")))
    for pattern in ("![", "[", "[a]["):
        def brackets(seeds: Path, p: str = pattern) -> None:
            (seeds / "bad.md").write_text("---\ntitle: A\n---\n" + p * (2 * 1024 * 1024 // len(p)
                                          - 20), encoding="utf-8")
        yield Variant("articles", f"2 MiB of {pattern!r}", refused_article("bad.md", brackets))
    yield Variant("articles", "FIFO", refused_article("bad.md", lambda s: os.mkfifo(s / "bad.md")))

    def sparse(seeds: Path) -> None:
        with (seeds / "bad.md").open("wb") as handle:
            handle.truncate(8 * 1024**3)
    yield Variant("articles", "8 GB sparse file", refused_article("bad.md", sparse))


PAYLOADS = [
    "<javascript:alert(1)>", "<JAVASCRIPT:alert(1)>", "<vbscript:msgbox(1)>",
    "<data:text/html,<script>alert(1)</script>>", "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>", "<SCRIPT SRC=//x.test/x.js></SCRIPT>",
    '<a href="javascript:alert(1)">x</a>', "<iframe src=//x.test>", "<svg onload=alert(1)>",
    "<!--", "<!-- x -->", "<?php x ?>", "<![CDATA[x]]>", "<style>*{}</style>", "</p><p>",
    "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](<javascript:alert(1)>)",
    "![x](https://tracker.test/p.gif)", "![x](javascript:alert(1))", "[x][r]\n\n[r]: /lain",
    "\n\n[r]: javascript:alert(1)", "[x](/lain)", "<https://phish.test>", "<mailto:a@b.test>",
    "<b>tebal</b>", "<br>", "<details open ontoggle=alert(1)>",
]


def translations() -> Iterator[Variant]:
    for payload in PAYLOADS:
        def check(tmp: Path, payload: str = payload) -> bool:
            root = tmp / "g"
            (root / "seeds").mkdir(parents=True)
            (root / "seeds" / "kos.md").write_text(GOOD, encoding="utf-8")
            if glossari(root, "extract")[0] or glossari(root, "update", "-l", "en")[0]:
                return False
            translation = f"Paragraph one [price](/harga) {payload}"
            quoted = translation.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            for po in (root / "locale" / "en" / "LC_MESSAGES").glob("*.po"):
                text = po.read_text("utf-8")
                po.write_text(text.replace(f'msgid "{SOURCE}"\nmsgstr ""',
                                           f'msgid "{SOURCE}"\nmsgstr "{quoted}"'), "utf-8")
            code, _, _ = glossari(root, "render", "-l", "en", "-o", str(tmp / "out"),
                                    "--min-coverage", "0")
            rendered = (tmp / "out" / "kos.md").read_text("utf-8") if code == 0 else ""
            kept = code == 0 and SOURCE in rendered and "Paragraph one" not in rendered
            code, _, _ = glossari(root, "check", "-l", "en", "--fail-on", "error")
            return kept and code == 1
        yield Variant("translations", repr(payload), check)


def outputs() -> Iterator[Variant]:
    def into(argv: Callable[[Path], list[str]]) -> Callable[[Path], bool]:
        def check(tmp: Path) -> bool:
            root = tmp / "g"
            (root / "seeds").mkdir(parents=True)
            (root / "seeds" / "kos.md").write_text(GOOD, encoding="utf-8")
            (tmp / "alias").symlink_to(root / "seeds")
            before = snapshot(root / "seeds")
            code, _, err = glossari(root, *argv(root))
            return _one_line(code, err, "") and snapshot(root / "seeds") == before
        return check

    for where in ("seeds", "seeds/x", "seeds/../seeds", "./seeds"):
        yield Variant("outputs", f"render -o {where}", into(
            lambda r, w=where: ["render", "-l", "en", "-o", str(r / w), "--min-coverage", "0"]))
        yield Variant("outputs", f"table -o {where}/t.md", into(
            lambda r, w=where: ["table", "-o", str(r / w / "t.md")]))
    yield Variant("outputs", "render -o link-to-seeds", into(
        lambda r: ["render", "-l", "en", "-o", str(r.parent / "alias"), "--min-coverage", "0"]))
    yield Variant("outputs", "table -o link-to-seeds/t.md", into(
        lambda r: ["table", "-o", str(r.parent / "alias" / "t.md")]))

    def stdout(tmp: Path) -> bool:
        root = tmp / "g"
        (root / "seeds").mkdir(parents=True)
        (root / "seeds" / "kos.md").write_text(GOOD, encoding="utf-8")
        code, out, _ = glossari(root, "table", "-o", "/dev/stdout")
        return code == 0 and "| Kos |" in out
    yield Variant("outputs", "table -o /dev/stdout", stdout)

    def fifo(tmp: Path) -> bool:
        root = tmp / "g"
        (root / "seeds").mkdir(parents=True)
        (root / "seeds" / "kos.md").write_text(GOOD, encoding="utf-8")
        os.mkfifo(tmp / "p")
        code, _, err = glossari(root, "table", "-o", str(tmp / "p"))
        return _one_line(code, err, "") and "no program reads" in err
    yield Variant("outputs", "table -o unread FIFO", fifo)

    def escape_name(tmp: Path) -> bool:
        root = tmp / "g"
        (root / "seeds").mkdir(parents=True)
        (root / "seeds" / "k\x1b]0;owned\x07\x1b[2J.md").write_text(GOOD, encoding="utf-8")
        results = [glossari(root, *a) for a in (["show", "k"], ["check"], ["table"])]
        return all(code == 2 and not set(out + err) & CONTROLS for code, out, err in results)
    yield Variant("terminal", "escape sequence in a file name", escape_name)


def main() -> int:
    variants = [*articles(), *translations(), *outputs()]
    right: dict[str, int] = {}
    total: dict[str, int] = {}
    wrong: list[str] = []
    for variant in variants:
        tmp = Path(tempfile.mkdtemp(prefix="glossari-hostile-"))
        try:
            ok = variant.check(tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        total[variant.family] = total.get(variant.family, 0) + 1
        right[variant.family] = right.get(variant.family, 0) + int(ok)
        if not ok:
            wrong.append(f"{variant.family}: {variant.name}")
            print(f"  wrong: {variant.family}: {variant.name}", flush=True)
        if sum(total.values()) % 25 == 0:
            print(f"  ... {sum(right.values())} of {sum(total.values())} right so far", flush=True)
    for family in total:
        print(f"{family}: {right[family]} of {total[family]} answered right")
    print(f"all: {sum(right.values())} of {sum(total.values())} answered right")
    for line in wrong:
        print(f"  wrong: {line}")
    return 0 if not wrong else 1


if __name__ == "__main__":
    raise SystemExit(main())
