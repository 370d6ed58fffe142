"""Property: any article we can generate reads back into the Term it was generated from.

The generator writes headings (with and without their space), paragraphs, list items, quotes,
links, Malay-looking text, CRLF or LF, with or without a BOM, and records the line of every part
as it writes it; the reader must find the same parts on the same lines.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.errors import SeedError
from glossari.seeds.article import parse_article
from glossari.seeds.source import decode_article
from glossari.text import first_control

WORDS = st.sampled_from([
    "akaun", "eksekutif", "pelanggan", "jualan", "kewangan", "pampasan", "gaji", "bonus",
    "industri", "firma", "dana", "pelaburan", "risiko", "cukai", "untung", "rugi", "bank",
    "saham", "bon", "kadar", "faedah", "3220", "$57,504", "2021", "peratus", "Mei", "ialah",
])
SLUGS = st.from_regex(r"[a-z][a-z0-9-]{0,14}", fullmatch=True)


@st.composite
def sentences(draw: st.DrawFn, *, links: bool = True) -> tuple[str, list[tuple[str, str]]]:
    # the first word is never a number: "3220." alone is an ordered list item in CommonMark
    words = [draw(WORDS.filter(str.isalpha)), *draw(st.lists(WORDS, max_size=11))]
    found: list[tuple[str, str]] = []
    if links and draw(st.booleans()):
        at = draw(st.integers(0, len(words)))
        text = " ".join(draw(st.lists(WORDS, min_size=1, max_size=3)))
        slug = draw(SLUGS)
        words.insert(at, f"[{text}](/{slug})")
        found.append((text, slug))
    sentence = " ".join(words)
    return sentence[:1].upper() + sentence[1:] + ".", found


@dataclass
class Expected:
    sections: list[tuple[str, int, int, bool, list[tuple[str, str, int]]]]
    links: list[tuple[str, str, int]]


@st.composite
def articles(draw: st.DrawFn) -> tuple[bytes, dict[str, object], Expected]:
    title = " ".join(draw(st.lists(WORDS, min_size=1, max_size=4))).capitalize()
    description, _ = draw(sentences(links=False))
    categories = draw(st.lists(st.sampled_from(["Careers", "Banking", "Cukai", "Saham"]),
                               max_size=3, unique=True))
    lines = ["---", f"title: {title}", f'description: "{description}"']
    if categories:
        lines.append(f"keywords: {', '.join(categories)}")
    lines += ["---", ""]
    expected = Expected(sections=[], links=[])
    n_sections = draw(st.integers(0, 4))
    headings = draw(st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" ".join),
                             min_size=n_sections, max_size=n_sections))
    if draw(st.booleans()):
        headings.append("Sorotan")
    for heading in headings:
        level = draw(st.integers(1, 3))
        # without its space only a word makes a heading (`##Sorotan`; `#3220` is text)
        spaceless = draw(st.booleans()) and heading[:1].isalpha()
        lines.append(("#" * level) + ("" if spaceless else " ") + heading)
        heading_line = len(lines)
        lines.append("")
        blocks: list[tuple[str, str, int]] = []
        for _ in range(draw(st.integers(0, 3))):
            kind = draw(st.sampled_from(["paragraph", "item", "quote", "code", "table"]))
            if kind == "table":  # one message, as written: header, delimiter, rows
                width = draw(st.integers(1, 3))
                cells = st.lists(WORDS, min_size=width, max_size=width).map(
                    lambda row: "| " + " | ".join(row) + " |")
                rows = [draw(cells), "|" + "---|" * width,
                        *draw(st.lists(cells, max_size=3))]
                blocks.append((kind, "\n".join(rows), len(lines) + 1))
                lines += [*rows, ""]
                continue
            if kind == "code":  # a fenced formula: a block as written, no links, no message
                code = draw(st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" = ".join),
                                     min_size=1, max_size=3))
                blocks.append((kind, "\n".join(code), len(lines) + 1))
                lines += ["~~~", *code, "~~~", ""]
                continue
            text, found = draw(sentences())
            prefix = {"paragraph": "", "item": "- ", "quote": "> "}[kind]
            lines.append(prefix + text)
            blocks.append((kind, text, len(lines)))
            expected.links += [(t, s, len(lines)) for t, s in found]
            lines.append("")
        expected.sections.append((heading, level, heading_line, spaceless, blocks))
    text = "\n".join(lines) + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    front = {"title": title, "description": description, "categories": tuple(categories)}
    return data, front, expected


@settings(max_examples=150)
@given(articles())
def test_generated_article_reads_back(generated: tuple[bytes, dict[str, object], Expected]) -> None:
    data, front, expected = generated
    term = parse_article(decode_article(data, source="t.md"), term_id="t", source="t.md")
    assert term.title == front["title"]
    assert term.description == front["description"]
    assert term.categories == front["categories"]
    got = [
        (s.heading, s.level, s.line, s.malformed, [(b.kind, b.text, b.line) for b in s.blocks])
        for s in term.sections
    ]
    assert got == expected.sections
    assert [(link.text, link.target, link.line) for link in term.links] == expected.links
    sorotan = [s for s in expected.sections if s[0] == "Sorotan"]
    assert [(b.kind, b.text, b.line) for b in term.highlights] == (sorotan[0][4] if sorotan else [])
    spaceless = [s for s in expected.sections if s[3]]
    assert [(f.code, f.line) for f in term.findings if f.code == "S101"] == [
        ("S101", s[2]) for s in spaceless
    ]


@settings(max_examples=100)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
def test_yaml_values_are_kept_as_written(value: str) -> None:
    # Any value written as a double-quoted YAML string comes back exactly (no YAML 1.1 typing).
    escaped = value.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    text = f'---\ntitle: "T{escaped}"\nno: 012\nyes: 2021-05-01\n---\n'
    try:
        decoded = decode_article(text.encode("utf-8"), source="t.md")
    except ValueError:
        return  # control characters are refused before YAML is read
    if first_control(value) is not None:
        # ...and, written as YAML escapes, on the decoded value, naming its line (issue 18)
        with pytest.raises(SeedError, match=r"^t\.md:2: control character"):
            parse_article(decoded, term_id="t", source="t.md")
        return
    term = parse_article(decoded, term_id="t", source="t.md")
    assert term.meta_value("no") == "012"
    assert term.meta_value("yes") == "2021-05-01"
    assert term.meta_value("title") == "T" + value


def test_quoted_is_read_from_the_path_and_equal_paths_share_one_tuple() -> None:
    """``Block.quoted`` is no field of its own beside ``Block.path`` (one fact, one home, and
    not written twice into every termbase row), and two articles' blocks at the same place hold
    one tuple: a tuple and a string for every list item held tens of MB more at 30,000 terms."""
    import dataclasses

    from glossari.model import Block

    text = "---\ntitle: {0}\n---\n\n# {0}\n\n> Petikan.\n>\n> - dalam petikan\n\n- satu\n\nAkhir.\n"
    first, second = (
        [block for section in parse_article(text.format(title), term_id=title.lower(),
                                            source=f"seeds/{title.lower()}.md").sections
         for block in section.blocks]
        for title in ("Bon", "Sukuk"))
    assert [(b.path, b.quoted) for b in first] == [
        (("quote:1",), True), (("quote:1", "ul:2:1"), True), (("ul:3:1",), False), ((), False)]
    assert all(a.path is b.path for a, b in zip(first, second, strict=True))
    assert "quoted" not in {field.name for field in dataclasses.fields(Block)}


SPACES = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u202f", "\u2007", " \u00a0"])


@settings(max_examples=60)
@given(st.lists(WORDS.filter(str.isalpha), min_size=1, max_size=6),
       st.lists(SPACES, min_size=6, max_size=6), st.booleans())
def test_no_break_spaces_in_the_title_and_description_are_kept(
        words: list[str], spaces: list[str], folded: bool) -> None:
    """``title: RM\\u00a0100 seunit`` loaded as ``RM 100 seunit``: the reader joined
    ``x.split()``, which takes a no-break space for layout, so the headword and definition
    could break between ``RM`` and ``100`` in every rendering and on the site, and their
    msgids were not the text written (``glossari.text.single_spaced`` is the rule for a
    front-matter value on one line). Layout white space (spaces, tabs, a folded YAML line)
    is still one space, and so is a run mixing it with a no-break space, which binds
    nothing there."""
    written = "RM" + "".join(s + w for s, w in zip(spaces, ["100", *words], strict=False))
    line_end = "\n  " if folded else " "  # a plain YAML scalar folded onto the next line
    text = (f'---\ntitle: "{written}"\ndescription: Harga{line_end}{written}.\n---\n\n'
            f"# {written}\n")
    term = parse_article(text, term_id="rm-100", source="seeds/rm-100.md")
    # what a reader sees: each run with a breaking space one space, a no-break one kept
    expected = "RM" + "".join((" " if set(s) & {" ", "\t"} else s) + w
                              for s, w in zip(spaces, ["100", *words], strict=False))
    assert term.title == expected
    assert term.description == f"Harga {expected}."
    kept = [s for s in spaces[: len(words) + 1] if s in ("\u00a0", "\u202f", "\u2007")]
    assert [c for c in term.title if c in "\u00a0\u202f\u2007"] == kept
