"""A tiny, clean two-article glossary for the check tests, and ways to give it one defect.

``Kit`` writes ``seeds/`` and (optionally) a complete English catalog into a folder; a test edits
one article line or one translation, runs the checks, and looks for one code at one line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from glossari.catalog.messages import iter_messages
from glossari.checks import run_checks
from glossari.diagnostics import Finding
from glossari.glossary import load_glossary
from glossari.langid import LanguageIdentifier
from glossari.root import GlossaryRoot

_KOS_PARAGRAPH = (
    "Kos jualan termasuk bahan mentah dan tenaga kerja yang digunakan, dan ditolak daripada hasil "
    "untuk mendapatkan [untung kasar](/untungkasar)."
)

KOS = f"""\
---
title: Kos jualan
description: Kos jualan ialah kos langsung untuk menghasilkan barang yang dijual oleh syarikat.
keywords: Perakaunan
---

# Kos jualan

## Memahami Kos Jualan

{_KOS_PARAGRAPH}

## Sorotan

- Pada tahun 2021, kos jualan syarikat ialah $57,504 atau 12% daripada hasil.
"""
"""Line 11: the paragraph with the link; line 13: ``## Sorotan``; line 15: the item."""

UNTUNG = """\
---
title: Untung kasar
description: Untung kasar ialah hasil syarikat selepas ditolak kos jualan barang yang dijual.
keywords: Perakaunan
---

# Untung kasar

Untung kasar menunjukkan sejauh mana syarikat menggunakan tenaga kerja dan bahan dengan cekap.
"""

ENGLISH: dict[tuple[str | None, str], str] = {
    ("kosjualan", "Kos jualan"): "Cost of sales",
    ("untungkasar", "Untung kasar"): "Gross profit",
    ("/untungkasar", "untung kasar"): "gross profit",
    (None, "Kos jualan ialah kos langsung untuk menghasilkan barang yang dijual oleh syarikat."):
        "Cost of sales is the direct cost of producing the goods a company sells.",
    (None, "Untung kasar ialah hasil syarikat selepas ditolak kos jualan barang yang dijual."):
        "Gross profit is a company's revenue minus the cost of sales of the goods it sold.",
    (None, "Perakaunan"): "Accounting",
    (None, "Memahami Kos Jualan"): "Understanding Cost of Sales",
    (None, "Sorotan"): "Highlights",
    (None, "Kos jualan termasuk bahan mentah dan tenaga kerja yang digunakan, dan ditolak "
           "daripada hasil untuk mendapatkan [untung kasar](/untungkasar)."):
        "Cost of sales includes the raw materials and labour used, and is subtracted from "
        "revenue to obtain [gross profit](/untungkasar).",
    (None, "Pada tahun 2021, kos jualan syarikat ialah $57,504 atau 12% daripada hasil."):
        "In 2021, the company's cost of sales was $57,504, or 12% of revenue.",
    (None, "Untung kasar menunjukkan sejauh mana syarikat menggunakan tenaga kerja dan bahan "
           "dengan cekap."):
        "Gross profit shows how efficiently a company uses its labour and materials.",
}
"""A complete, correct English catalog of the two articles, by (msgctxt, msgid)."""


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@dataclass
class Kit:
    """A glossary folder under construction."""

    root: Path
    articles: dict[str, str] = field(default_factory=lambda: {"kosjualan": KOS,
                                                             "untungkasar": UNTUNG})
    english: dict[tuple[str | None, str], str] | None = None
    """None: no catalog at all; else msgstr by key (missing keys stay untranslated)."""
    fuzzy: set[tuple[str | None, str]] = field(default_factory=set)
    extra_entries: list[str] = field(default_factory=list)
    """Raw entries appended to the glossary catalog."""
    drop: set[tuple[str | None, str]] = field(default_factory=set)
    """Messages left out of the catalog altogether."""
    entry_lines: dict[tuple[str | None, str], int] = field(default_factory=dict)
    """After :meth:`write`: the 1-based line of each entry in its catalog."""

    def edit(self, term_id: str, old: str, new: str) -> None:
        """Replace one exact piece of an article."""
        assert old in self.articles[term_id], old
        self.articles[term_id] = self.articles[term_id].replace(old, new, 1)

    def translate(self, msgid: str, msgstr: str, context: str | None = None) -> None:
        """Set one translation (the catalog must exist)."""
        assert self.english is not None
        self.english[(context, msgid)] = msgstr

    def write(self) -> GlossaryRoot:
        (self.root / "seeds").mkdir(parents=True, exist_ok=True)
        (self.root / "locale").mkdir(exist_ok=True)
        for old in (self.root / "seeds").glob("*.md"):
            old.unlink()
        for term_id, text in self.articles.items():
            (self.root / "seeds" / f"{term_id}.md").write_text(text, encoding="utf-8")
        root = GlossaryRoot(path=self.root)
        if self.english is None:
            return root
        glossary = load_glossary(root)
        domains: dict[str, list[tuple[str | None, str, str]]] = {}
        seen: set[tuple[str, str | None, str]] = set()
        for term in glossary:
            for m in iter_messages(term):
                if (m.domain, m.context, m.msgid) in seen or m.key in self.drop:
                    continue
                seen.add((m.domain, m.context, m.msgid))
                domains.setdefault(m.domain, []).append((m.context, m.msgid, str(m.location)))
        folder = self.root / "locale" / "en" / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.po"):
            old.unlink()
        for domain, messages in domains.items():
            lines = ['msgid ""', 'msgstr ""', '"Language: en\\n"',
                     '"Content-Type: text/plain; charset=UTF-8\\n"']
            for context, msgid, where in messages:
                lines.append("")
                self.entry_lines[(context, msgid)] = len(lines) + 1
                lines.append(f"#: {where}")
                if (context, msgid) in self.fuzzy:
                    lines.append("#, fuzzy")
                if context is not None:
                    lines.append(f"msgctxt {_quote(context)}")
                lines.append(f"msgid {_quote(msgid)}")
                lines.append(f"msgstr {_quote(self.english.get((context, msgid), ''))}")
            if domain == "glossary":
                for raw in self.extra_entries:
                    lines.append("")
                    lines.extend(raw.rstrip("\n").split("\n"))
            (folder / f"{domain}.po").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return root

    def check(self, langs: list[str] | None = None) -> list[Finding]:
        root = self.write()
        return run_checks(load_glossary(root), root, langs)


def with_catalog(root: Path) -> Kit:
    """The clean glossary with its complete English catalog."""
    return Kit(root=root, english=dict(ENGLISH))


def into_language(root: Path, lang: str) -> None:
    """Make the kit's written English catalogs ``lang``'s: their ``Language`` header and their
    folder, as a glossary translated into French or Indonesian has them."""
    english = root / "locale" / "en"
    for po in english.glob("LC_MESSAGES/*.po"):
        po.write_text(po.read_text(encoding="utf-8").replace('"Language: en', f'"Language: {lang}'),
                      encoding="utf-8")
    english.rename(root / "locale" / lang)


def codes(findings: list[Finding], code: str) -> list[tuple[str, int]]:
    """(path, line) of every finding with ``code``."""
    return [(f.path, f.line) for f in findings if f.code == code]


def memory_langid() -> LanguageIdentifier:
    return LanguageIdentifier(None, processes=1)
