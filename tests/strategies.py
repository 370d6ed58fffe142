"""Shared hypothesis strategies: article text and PO text with the characters that break tools.

The awkward characters are drawn on purpose: quotes and backslashes (PO escapes), tabs, U+2028 and
U+0085 (line breaks to Python's ``str.splitlines`` and to YAML, but not to PO or CommonMark; polib
loses text around U+2028), emoji (outside the BMP), and Malay with accents.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = [
    "AWKWARD",
    "MALAY_WORDS",
    "article_bytes",
    "article_text",
    "body_paragraph",
    "po_text",
    "translation",
]

MALAY_WORDS = (
    "akaun", "eksekutif", "pelanggan", "harga", "kos", "saham", "pelaburan", "broker",
    "peniaga", "dana", "lindung", "nilai", "bank", "pinjaman", "faedah", "cukai", "untung",
    "rugi", "modal", "pasaran", "Ébène", "naïf", "kewangan", "syarikat",
)
"""Words that look like the articles' own."""

AWKWARD = ('"', "\\", "\t", "\u2028", "\x85", "💰", "🇲🇾", "'", "%s", "{0}", "&", "<b>", "é")
"""Characters and snippets that break naive PO, XML or Markdown handling."""

_word = st.sampled_from(MALAY_WORDS)
_awkward_token = st.sampled_from(AWKWARD)


@st.composite
def body_paragraph(draw: st.DrawFn, *, awkward: bool = True) -> str:
    """One line of article prose: starts and ends with a word, so CommonMark reads it as exactly
    this paragraph text (no heading, list, quote, code block or trailing hard break).

    ``\\x85`` is left out: the article reader rejects C1 control characters.
    """
    tokens = [draw(_word)]
    for _ in range(draw(st.integers(0, 8))):
        if awkward and draw(st.booleans()):
            token = draw(_awkward_token)
            if token == "\x85":
                token = "\u2028"
            tokens.append(token)
        else:
            tokens.append(draw(_word))
    tokens.append(draw(_word))
    sep = draw(st.sampled_from((" ", " ", " ", "\t")))
    return sep.join(tokens)


def translation() -> st.SearchStrategy[str]:
    """A translator's msgstr for a one-line msgid: any text, awkward characters likely, no
    leading or trailing newline (``msgfmt --check`` demands the msgid's), never empty."""
    free = st.text(
        alphabet=st.characters(exclude_categories=["Cs", "Cc"], exclude_characters="\ufeff")
        | st.sampled_from(('"', "\\", "\t", "\x85")),
        min_size=1,
        max_size=40,
    )
    pieces = st.lists(free | _awkward_token | _word, min_size=1, max_size=6)
    return pieces.map(" ".join).filter(lambda s: bool(s.strip()) and not s.startswith("\n")
                                       and not s.endswith("\n"))


CATALOG_CONTROLS = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n")
"""The C0 controls a catalog string may not hold (parse_po refuses them, raw or escaped)."""


def po_text() -> st.SearchStrategy[str]:
    """Text that might appear as a PO string: anything but NUL and surrogates, newlines
    included, awkward characters likely."""
    return st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"),
                max_size=20)
        | _awkward_token
        | st.just("\n"),
        max_size=8,
    ).map("".join)


@st.composite
def article_text(draw: st.DrawFn) -> str:
    """A well-formed article: front matter with a title, then headings, paragraphs, list items
    and quotes made of :func:`body_paragraph` lines, and fenced code (a formula: no message)."""
    title = " ".join(draw(st.lists(_word, min_size=1, max_size=3)))
    lines = ["---", f'title: "{title}"', f"description: {draw(body_paragraph(awkward=False))}",
             f"keywords: {draw(_word)}, {draw(_word)}", "---", "", f"# {title}", ""]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(("heading", "paragraph", "item", "quote", "code")))
        if kind == "code":
            code = draw(st.lists(st.lists(_word, max_size=4).map(" = ".join), min_size=1,
                                 max_size=3))
            lines += ["```", *("  " * i + line for i, line in enumerate(code)), "```", ""]
            continue
        text = draw(body_paragraph())
        prefix = {"heading": "## ", "paragraph": "", "item": "- ", "quote": "> "}[kind]
        lines += [prefix + text, ""]
    return "\n".join(lines)


def article_bytes() -> st.SearchStrategy[bytes]:
    """Bytes that are sometimes an article and often nearly one: fuzz input for the reader."""
    return st.one_of(
        st.binary(max_size=400),
        article_text().map(lambda s: s.encode()),
        st.tuples(article_text(), st.binary(max_size=8), st.integers(0, 400)).map(
            lambda t: t[0].encode()[: t[2]] + t[1] + t[0].encode()[t[2]:]
        ),
        st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
    )
