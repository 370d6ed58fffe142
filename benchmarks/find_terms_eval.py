"""Precision and recall of ``Glossary.find_terms`` on the annotated sentences, and its speed.

    uv run python benchmarks/find_terms_eval.py            # figures per language
    uv run python benchmarks/find_terms_eval.py --errors   # and every miss and false alarm
    uv run python benchmarks/find_terms_eval.py --speed    # and sentences per second

The sentences are ``benchmarks/termsets/{ms,en}.jsonl`` (one object a line: ``text``, ``source``,
``terms``: the expected ``start``/``end``/``text``/``term`` spans, annotated by hand); the terms
are ``benchmarks/termsets/terms.json`` (the bundled glossary's terms, the terms of
``tests/data/parallel``, and 31 more, among them Malay stems and the words of Django's Malay
catalogs). A found term counts as right when an expected span of the same term overlaps it
(each expected span answers one found term).

With PySastrawi installed (``uv pip install pysastrawi``: an Indonesian stemmer, measured here
only, never imported by glossari), the Malay set is measured a second time with the names and
the text reduced to Sastrawi's stems instead of glossari's rules (docs/terms.md).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from glossari.glossary import Glossary
from glossari.model import English, Location, Term
from glossari.terms import Recognizer

HERE = Path(__file__).resolve().parent / "termsets"
Span = tuple[int, int, str]


def glossary() -> Glossary:
    rows = json.loads((HERE / "terms.json").read_text(encoding="utf-8"))
    return Glossary(
        Term(id=r["id"], title=r["ms"], english=English(title=r["en"], status="translated"),
             source=Location(path="benchmarks/termsets/terms.json", line=1))
        for r in rows
    )


def sentences(lang: str) -> list[dict[str, object]]:
    with (HERE / f"{lang}.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(found: list[Span], expected: list[Span]) -> tuple[int, list[Span], list[Span]]:
    """(true positives, false positives, misses)."""
    left = list(expected)
    wrong: list[Span] = []
    right = 0
    for start, end, term in found:
        match = next((e for e in left if e[2] == term and e[0] < end and start < e[1]), None)
        if match is None:
            wrong.append((start, end, term))
        else:
            left.remove(match)
            right += 1
    return right, wrong, left


def measure(finder: Callable[[str], list[Span]], rows: Iterable[dict[str, object]],
            errors: bool) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for row in rows:
        text = str(row["text"])
        expected = [(int(t["start"]), int(t["end"]), str(t["term"]))  # type: ignore[index]
                    for t in row["terms"]]  # type: ignore[attr-defined]
        right, wrong, missed = score(finder(text), expected)
        tp, fp, fn = tp + right, fp + len(wrong), fn + len(missed)
        if errors:
            for s, e, t in wrong:
                print(f"  false: {text[s:e]!r} as {t} in {text!r} [{row['source']}]")
            for s, e, t in missed:
                print(f"  missed: {text[s:e]!r} ({t}) in {text!r} [{row['source']}]")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def sastrawi_finder(g: Glossary) -> Callable[[str], list[Span]] | None:
    """The same matching, with every word reduced to its Sastrawi stem (names and text)."""
    try:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # type: ignore[import-untyped]
    except ImportError:
        return None
    stemmer = StemmerFactory().create_stemmer()
    cache: dict[str, str] = {}

    def stem(word: str) -> str:
        if word not in cache:
            cache[word] = stemmer.stem(word) or word
        return cache[word]

    token = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
    trie: dict[tuple[str, ...], str] = {}
    for term in g:
        if term.title:
            names = [term.title, re.sub(r"\s*\(.*?\)\s*", " ", term.title)]
            names += re.findall(r"\(([A-Z]{2,})\)", term.title)
            for name in names:
                key = tuple(stem(w.casefold()) for w in token.findall(name))
                if key:
                    trie.setdefault(key, term.id)
    longest = max(len(k) for k in trie)

    def find(text: str) -> list[Span]:
        words = [(m.start(), m.end(), stem(m.group().casefold())) for m in token.finditer(text)]
        out: list[Span] = []
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                term_id = trie.get(tuple(w[2] for w in words[i:i + n]))
                if term_id is not None:
                    out.append((words[i][0], words[i + n - 1][1], term_id))
                    i += n
                    break
            else:
                i += 1
        return out

    return find


def speed(g: Glossary, rows: list[dict[str, object]]) -> None:
    """Sentences per second: find_terms against a peer in the same run, a compiled regex of the
    exact names (no inflection at all) over the same sentences."""
    texts = [str(r["text"]) for r in rows] * 20
    g.find_terms("warm up")
    names = sorted({t.title for t in g if t.title}, key=len, reverse=True)
    regex = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)",
                       re.IGNORECASE)
    recognizer: Recognizer[str] = Recognizer(((n, n) for n in names), lang="ms")

    def run(label: str, fn: Callable[[str], object]) -> float:
        start = time.perf_counter()
        for text in texts:
            fn(text)
        seconds = time.perf_counter() - start
        print(f"  {label:<34} {len(texts) / seconds:>10,.0f} sentences/s")
        return seconds

    print(f"speed over {len(texts)} Malay sentences (load: {os.getloadavg()[0]:.2f})")
    peer = run("regex of exact names (peer)", regex.findall)
    ours = run("Glossary.find_terms", g.find_terms)
    cold = run("Recognizer.find (names alone)", recognizer.find)
    print(f"  find_terms / regex time ratio: {ours / peer:.2f} (cached words: {cold / peer:.2f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--errors", action="store_true", help="print every miss and false alarm")
    parser.add_argument("--speed", action="store_true", help="measure sentences per second")
    args = parser.parse_args(argv)
    g = glossary()
    print(f"{len(g)} terms (benchmarks/termsets/terms.json)")
    figures: dict[str, tuple[float, float]] = {}
    for lang in ("ms", "en"):
        rows = sentences(lang)
        spans = sum(len(r["terms"]) for r in rows)  # type: ignore[arg-type]
        print(f"{lang}: {len(rows)} sentences, {spans} annotated term occurrences")

        def ours(text: str, lang: str = lang) -> list[Span]:
            return [(m.start, m.end, m.term.id) for m in g.find_terms(text, lang)]  # type: ignore[arg-type]

        p, r, tp, fp, fn = measure(ours, rows, args.errors)
        figures[lang] = (p, r)
        print(f"  glossari rules: precision {p:.1%}  recall {r:.1%}  (tp {tp}, fp {fp}, fn {fn})")
        if lang == "ms":
            other = sastrawi_finder(g)
            if other is None:
                print("  PySastrawi: not installed (uv pip install pysastrawi)")
            else:
                p, r, tp, fp, fn = measure(other, rows, args.errors)
                print(f"  PySastrawi stems: precision {p:.1%}  recall {r:.1%}  "
                      f"(tp {tp}, fp {fp}, fn {fn})")
    if args.speed:
        speed(g, sentences("ms"))
    ok = all(p >= 0.95 and r >= 0.95 for p, r in figures.values())
    print("target (>= 95% each):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
