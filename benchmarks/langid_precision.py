"""Precision of glossari's language checks on real text nobody on the team wrote.

Django ships Malay catalogs (``django/conf/locale/ms`` and ``django/contrib/*/locale/ms``),
translated by Django's translators on Transifex. Their msgids are real English UI strings, their
msgstrs real Malay. For each distinct text of four words or more this prints:

- Malay msgstrs flagged "still Malay" (recall: the check ``L301`` catches an untranslated string);
  the rest would be reported by ``L303`` ("source does not look Malay") if they were sources;
- English msgids flagged "still Malay" (false positives of ``L301`` on a correct translation);
- and, for more English prose, the first paragraphs of the standard library's module docstrings
  (read with ``ast``, nothing imported).

Run: ``uv run python benchmarks/langid_precision.py`` (django is in the ``dev`` group).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import polib

from glossari.langid import LanguageIdentifier, detection_text


@dataclass(frozen=True, slots=True, kw_only=True)
class Figures:
    """Counts over the distinct texts of four words or more."""

    catalogs: tuple[str, ...]
    malay_total: int
    malay_flagged: int
    english_total: int
    english_flagged: int
    malay_short: int
    english_short: int
    misses: tuple[str, ...]
    """Malay texts not flagged."""
    false_positives: tuple[str, ...]
    """English texts flagged."""

    @property
    def recall(self) -> float:
        return self.malay_flagged / self.malay_total

    @property
    def false_positive_rate(self) -> float:
        return self.english_flagged / self.english_total


def django_ms_catalogs() -> list[Path]:
    """Every Malay ``.po`` file of the installed Django, in a stable order."""
    import django

    base = Path(django.__file__).parent
    return sorted(base.glob("**/locale/ms/LC_MESSAGES/*.po"))


def _texts(paths: list[Path]) -> tuple[list[str], list[str]]:
    malay: list[str] = []
    english: list[str] = []
    for path in paths:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            if entry.msgid_plural:
                forms = [s for _, s in sorted(entry.msgstr_plural.items()) if s]
                if not forms:
                    continue
                malay.extend(forms)
                english.extend([entry.msgid, entry.msgid_plural])
            elif entry.msgstr:
                malay.append(entry.msgstr)
                english.append(entry.msgid)
    return malay, english


def measure(paths: list[Path] | None = None) -> Figures:
    """Run the language check over Django's Malay catalogs (or ``paths``) and count."""
    paths = django_ms_catalogs() if paths is None else paths
    malay_all, english_all = _texts(paths)
    ident = LanguageIdentifier()  # memory only: every text is really detected
    ident.prefetch(malay_all + english_all)

    def split(texts: list[str]) -> tuple[list[str], int]:
        distinct = sorted(set(texts))
        long = [t for t in distinct if detection_text(t) is not None]
        return long, len(distinct) - len(long)

    malay, malay_short = split(malay_all)
    english, english_short = split(english_all)
    misses = tuple(t for t in malay if not ident.is_still_malay(t))
    false_pos = tuple(t for t in english if ident.is_still_malay(t))
    return Figures(
        catalogs=tuple(str(p) for p in paths),
        malay_total=len(malay),
        malay_flagged=len(malay) - len(misses),
        english_total=len(english),
        english_flagged=len(false_pos),
        malay_short=malay_short,
        english_short=english_short,
        misses=misses,
        false_positives=false_pos,
    )


def stdlib_english() -> list[str]:
    """Distinct first paragraphs (up to three) of the standard library's module docstrings."""
    import ast
    import sysconfig

    found: set[str] = set()
    base = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(base.glob("*.py")) + sorted(base.glob("*/__init__.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, UnicodeDecodeError):
            continue
        doc = ast.get_docstring(tree) or ""
        for paragraph in doc.split("\n\n")[:3]:
            text = " ".join(paragraph.split())
            if detection_text(text) is not None and ">>>" not in text:
                found.add(text)
    return sorted(found)


def measure_english(texts: list[str]) -> tuple[int, tuple[str, ...]]:
    """How many of ``texts`` (English) are flagged "still Malay", and which."""
    ident = LanguageIdentifier()
    ident.prefetch(texts)
    return len(texts), tuple(t for t in texts if ident.is_still_malay(t))


def main() -> int:
    figures = measure()
    if not figures.catalogs:
        print("no Malay catalogs found in the installed Django", file=sys.stderr)
        return 2
    import django

    print(f"Django {django.get_version()}: {len(figures.catalogs)} Malay catalogs")
    print(
        f"Malay msgstrs >= 4 words flagged 'still Malay': {figures.malay_flagged}/"
        f"{figures.malay_total} ({figures.recall:.1%}); {figures.malay_short} shorter, not judged"
    )
    print(
        f"English msgids >= 4 words wrongly flagged: {figures.english_flagged}/"
        f"{figures.english_total} ({figures.false_positive_rate:.1%}); "
        f"{figures.english_short} shorter, not judged"
    )
    total, flagged = measure_english(stdlib_english())
    print(
        f"English docstring paragraphs (Python {sys.version.split()[0]} standard library) wrongly "
        f"flagged: {len(flagged)}/{total} ({len(flagged) / max(total, 1):.1%})"
    )
    for text in flagged:
        print(f"  flagged English: {text[:100]!r}")
    for text in figures.misses:
        print(f"  missed Malay: {text!r}")
    for text in figures.false_positives:
        print(f"  flagged English: {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
