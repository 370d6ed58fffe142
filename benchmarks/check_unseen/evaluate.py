"""Precision and recall of ``glossari check`` per code on five glossaries it has never seen.

``glossaries.json`` holds glossary A (13 articles with Malay file stems: ``saham``,
``kadarfaedah``, ``kwsp``; an alias, an acronym headword) and B (13 articles with English slugs:
``balance-sheet``, ``roe``, ``working-capital``), and C (14 articles on derivatives and trading,
written blind to the rules by another engineer: Malay stems ``niagahadapan``, ``peniaga-broker``
and English slugs ``option``, ``market-capitalisation`` mixed; the acronym headword *Tawaran
awam permulaan (IPO)*, the alias *dana unit amanah*, inflected link texts ``saham-saham``,
``pelaburannya``, ``melindung nilai``), and D (17 articles on Islamic banking, bonds and tax,
written blind to the rules: ``perbankan-islam``, ``tarikhmatang``, ``credit-rating``, ``gst``;
the acronym headword *Cukai Barang dan Perkhidmatan (GST)*, the aliases *surat bon* and *hasil
bon*, link texts ``bon-bon``, ``kadar hasilnya``, ``penarafan kreditnya``, ``sukuk-sukuk``;
English variants ``mudarabah``, ``musharakah``, ``bondholders``, ``taxpayers``, ``RM1.2bn``,
``5m wide``), and E (18 articles on estates and wills: ``harta-pusaka``, ``wasiat``,
``faraid``, ``surat-kuasa-mentadbir`` beside ``probate``, ``executor``, ``estate-duty``; the
acronym headword *Unit Pembahagian Pusaka (UPP)*, the aliases *pusaka* and *penerima manfaat*,
link texts ``waris-waris``, ``wasi``, ``benefisiari``, the link-only ``/kwsp`` and
``/syariah-court``; ``pewasiat``, ``mewasiatkan``, ``diwarisi``, ``RM2 dan 50 sen`` in the
Malay; ``bequeath``, ``testator``, ``inheritance tax``, ``RM2.50``, ``1/8`` in the English), each
block a Malay text and the translation a careful financial translator would write.
``mistakes.json`` holds 145 realistic mistakes (35 in A and B, 20 in C, 50 in D, 40 in E: a
wrong term, a dropped or redirected link, a changed number, date, scale word or sign, Malay left
in, a heading left untranslated or written with its marks, emphasis dropped or left open), each
with the codes that should report it. A mistake with ``english`` is written into the catalog;
one with ``malay`` (D: ``##Sorotan``, ``>##Nota``, ``[kupon] (/kupon)``; E: ``**Sorotan**``)
into the article's line holding the block's clean Malay, after the catalogs are made, and is
scored on that line of ``seeds/``.

Each glossary is built under ``benchmarks/_work/check_unseen/`` (``extract``, ``update -l en``,
``align -l en`` of the clean English), the mistakes are written into its catalogs, and
``check -l en --format json`` is scored: a finding is right when the message it is about holds
a planted mistake that expects its code; every other finding is a false alarm.

    uv run python benchmarks/check_unseen/evaluate.py [PROJECT] [--errors] [--clean]

``PROJECT``: the glossari checkout to run (default: this one); ``--errors`` lists every false
alarm and miss; ``--clean``: no mistake planted, so every finding is a false alarm.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import polib

HERE = Path(__file__).resolve().parent
CODES = ("C202", "C203", "C204", "C205", "C206", "L301", "T401", "T402", "S101", "S113")


def _plain(text: str) -> str:
    """A block's text as its message holds it: no quote, heading or list marker."""
    return re.sub(r"^(?:> ?)*(?:#+ |- )?", "", text.strip())


def _mistaken(mistake: dict[str, Any]) -> str:
    """The text a finding about ``mistake`` is on: its translation as the message holds it, or
    the article's line that holds its Malay."""
    return mistake["malay"] if "malay" in mistake else _plain(mistake["english"])


def _article(article: dict[str, Any], side: int) -> str:
    front = [f"keywords: {article['keywords'][side]}", f"title: {article['title'][side]}",
             f"description: {article['description'][side]}"]
    if article["extra"] and side == 0:
        front.append(article["extra"])
    lines = ["---", *front, "---", "", f"# {article['title'][side]}"]
    for block in article["blocks"]:
        lines += [block[side], ""]
    return "\n".join(lines)


def _plant(root: Path, articles: list[dict[str, Any]], mistakes: list[dict[str, Any]]) -> None:
    """Write each mistake into the catalog message that holds the clean translation, or, for a
    mistake of the Malay (``malay``), into the article's line that holds the clean Malay."""
    by_id = {a["id"]: a for a in articles}
    todo = []
    for mistake in mistakes:
        article = by_id[mistake["id"]]
        block = mistake["block"]
        if "malay" in mistake:
            path = root / "seeds" / f"{mistake['id']}.md"
            lines = path.read_text("utf-8").split("\n")
            clean = article["blocks"][block][0]
            lines[lines.index(clean)] = mistake["malay"]
            path.write_text("\n".join(lines), "utf-8")
            continue
        clean = (article["description"][1] if block == "desc"
                 else article["blocks"][block][1])
        todo.append([_plain(clean), _plain(mistake["english"]), mistake["id"], False])
    for path in sorted((root / "locale" / "en" / "LC_MESSAGES").glob("*.po")):
        po = polib.pofile(str(path), wrapwidth=79)
        changed = False
        for entry in po:
            for item in todo:
                if (not item[3] and entry.msgstr == item[0]
                        and any(f"{item[2]}.md" in where for where, _ in entry.occurrences)):
                    entry.msgstr, item[3], changed = item[1], True, True
        if changed:
            po.save(str(path))
    missing = [item[1] for item in todo if not item[3]]
    assert not missing, missing


def _build(project: Path, name: str, articles: list[dict[str, Any]],
           mistakes: list[dict[str, Any]]) -> tuple[Path, list[dict[str, Any]]]:
    root = project / "benchmarks" / "_work" / "check_unseen" / name
    shutil.rmtree(root, ignore_errors=True)
    (root / "seeds").mkdir(parents=True)
    (root / "en").mkdir()
    for article in articles:
        (root / "seeds" / f"{article['id']}.md").write_text(_article(article, 0), "utf-8")
        (root / "en" / f"{article['id']}.md").write_text(_article(article, 1), "utf-8")
    glossari = ["uv", "run", "-q", "--project", str(project), "glossari"]
    for command in (["extract"], ["update", "-l", "en"], ["align", "-l", "en", "en"]):
        subprocess.run([*glossari, *command], cwd=root, check=True, capture_output=True)
    _plant(root, articles, mistakes)
    done = subprocess.run([*glossari, "check", "-l", "en", "--format", "json"], cwd=root,
                          capture_output=True, text=True, check=False)
    return root, json.loads(done.stdout)


def _translation_at(path: Path, line: int) -> str:
    """The translation of the catalog entry that ``line`` is in (entries are separated by
    blank lines)."""
    lines = path.read_text("utf-8").split("\n")
    start = end = line - 1
    while start > 0 and lines[start - 1].strip():
        start -= 1
    while end < len(lines) and lines[end].strip():
        end += 1
    field, msgstr = None, ""
    for text in lines[start:end]:
        keyword = re.match(r'(msgid|msgstr|msgctxt) "(.*)"$', text)
        if keyword:
            field = keyword.group(1)
            msgstr += keyword.group(2) if field == "msgstr" else ""
        elif text.startswith('"') and field == "msgstr":
            msgstr += text[1:-1]
    return _plain(msgstr.replace('\\"', '"'))


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    project = Path(args[0]).resolve() if args else HERE.parent.parent
    glossaries = json.loads((HERE / "glossaries.json").read_text("utf-8"))
    mistakes = [] if "--clean" in argv else json.loads(
        (HERE / "mistakes.json").read_text("utf-8"))
    counts = {code: [0, 0, 0] for code in CODES}  # right, false alarm, missed
    per_glossary = {name: [0, 0, 0] for name in glossaries}
    false_alarms, misses = [], []
    for name, articles in glossaries.items():
        planted = [m for m in mistakes if m["glossary"] == name]
        root, findings = _build(project, name, articles, planted)
        reported = set()
        for found in findings:
            if found["code"] not in CODES:
                continue
            path = root / found["path"]
            if found["path"].endswith(".po"):
                text = _translation_at(path, found["line"])
            elif found["path"].startswith("seeds/"):
                text = path.read_text("utf-8").split("\n")[found["line"] - 1]
            else:
                text = ""
            match = [k for k, m in enumerate(planted)
                     if found["code"] in m["codes"] and text and _mistaken(m) == text
                     and ("malay" not in m or found["path"] == f"seeds/{m['id']}.md")]
            if match:
                counts[found["code"]][0] += 1
                per_glossary[name][0] += 1
                reported.add((match[0], found["code"]))
            else:
                counts[found["code"]][1] += 1
                per_glossary[name][1] += 1
                false_alarms.append(f"{name} {found['path']}:{found['line']}: "
                                    f"{found['code']} {found['message'][:120]}")
        for k, mistake in enumerate(planted):
            for code in mistake["codes"]:
                if (k, code) not in reported:
                    counts[code][2] += 1
                    per_glossary[name][2] += 1
                    misses.append(f"{name} {mistake['id']}: {code} {_mistaken(mistake)[:90]}")
    print(f"{'code':6} {'right':>5} {'false':>5} {'missed':>6} {'precision':>9} {'recall':>7}")
    total = [0, 0, 0]
    for code in (*CODES, "all"):
        right, false, missed = total if code == "all" else counts[code]
        if code != "all":
            total = [t + c for t, c in zip(total, counts[code], strict=True)]
        precision = f"{100 * right / (right + false):.0f}%" if right + false else "-"
        recall = f"{100 * right / (right + missed):.0f}%" if right + missed else "-"
        print(f"{code:6} {right:5} {false:5} {missed:6} {precision:>9} {recall:>7}")
    print()
    for name, (right, false, missed) in per_glossary.items():
        print(f"glossary {name}: {right} right, {false} false alarms, {missed} missed")
    if "--errors" in argv:
        print("\nfalse alarms:", *false_alarms, sep="\n  ")
        print("\nmissed:", *misses, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
