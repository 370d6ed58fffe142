"""A value a message quotes back is quoted as written (glossari.text.quoted): ``repr`` doubled
each backslash (``-l 'en\\US'`` was told of ``'en\\\\US'``) and put a value holding ``'`` in
double quotes, unlike every other message of glossari."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.catalog.charset import decode_catalog
from glossari.catalog.languages import check_language, check_translation_language
from glossari.config import parse_config
from glossari.errors import GlossariError, InputError, SeedError
from glossari.glossary import Glossary
from glossari.model import Location, Term
from glossari.text import excerpt, quoted

_AWKWARD = st.text(st.sampled_from("ab\\'\"x9 "), min_size=1, max_size=8).filter(
    lambda v: "\\" in v or "'" in v)
"""A value holding a backslash or a quote: what ``repr`` writes otherwise than ``quoted``."""


@settings(max_examples=40, deadline=None)
@given(_AWKWARD)
def test_a_language_code_is_quoted_as_written(code: str) -> None:
    with pytest.raises(GlossariError) as caught:
        check_language(code)
    assert f"unknown language code {quoted(code)}" in str(caught.value)


def test_a_language_code_spelled_otherwise_or_malay_is_quoted_as_written() -> None:
    with pytest.raises(GlossariError) as caught:
        check_language("pt-BR")
    assert str(caught.value) == ("-l: the language code 'pt-BR' is written 'pt_BR' in locale/; "
                                 "use 'pt_BR'")
    with pytest.raises(GlossariError) as caught:
        check_translation_language("ms_MY")
    assert str(caught.value).startswith("-l: 'ms_MY' is Malay")


@settings(max_examples=30, deadline=None)
@given(_AWKWARD.filter(lambda v: '"' not in v))
def test_a_configuration_value_is_quoted_as_written(value: str) -> None:
    toml = value.replace("\\", "\\\\")  # a TOML basic string's escape
    with pytest.raises(GlossariError) as caught:
        parse_config(f'[check]\nfail-on = "{toml}"\n', source="glossari.toml")
    assert f"not {quoted(value)};" in str(caught.value)
    with pytest.raises(GlossariError) as caught:
        parse_config(f'[check]\nseverity = {{ L301 = "{toml}" }}\n', source="glossari.toml")
    assert f"unknown severity {quoted(value)} for L301" in str(caught.value)


def test_a_configuration_value_of_another_type_is_written_as_toml_writes_it() -> None:
    with pytest.raises(GlossariError, match="not true;"):
        parse_config("[check]\nfail-on = true\n", source="glossari.toml")


@pytest.mark.parametrize("charset", ["it's", "UTF\\\\8"])
def test_a_charset_is_quoted_as_the_header_gives_it(charset: str) -> None:
    data = (f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset={charset}\\n"\n\n'
            'msgid "a"\nmsgstr "b"\n').encode()
    with pytest.raises(GlossariError) as caught:
        decode_catalog(data, source="x.po")
    value = charset.replace("\\\\", "\\")
    assert f"unknown charset '{value}' in the header" in str(caught.value)


def _term(term_id: str, title: str = "Kos") -> Term:
    return Term(id=term_id, title=title, source=Location(path=f"seeds/{term_id}.md", line=1))


def test_the_glossary_quotes_an_id_a_lookup_and_a_language_as_written() -> None:
    with pytest.raises(SeedError) as caught:
        Glossary([_term("kos\\jualan"), _term("kos\\jualan")])
    assert "a second term with the id 'kos\\jualan'" in str(caught.value)
    glossary = Glossary([_term("kos-jualan", "Kos jualan"), _term("pelaburan", "Pelaburan")])
    with pytest.raises(KeyError) as missed:
        glossary.lookup("kos jualan's")
    assert missed.value.args[0] == "no term 'kos jualan's' in the glossary; did you mean " \
                                   "'Kos jualan'?"
    with pytest.raises(InputError) as caught:
        glossary.search("kos", lang="en\\US")
    assert "not 'en\\US'" in str(caught.value)
    with pytest.raises(InputError) as caught:
        glossary.find_terms("kos", lang="it's")
    assert str(caught.value) == "lang: find_terms reads Malay ('ms') or English ('en'), " \
                                "not 'it's'"


def test_a_language_of_the_wrong_type_is_a_type_error() -> None:
    glossary = Glossary([_term("kos")])
    with pytest.raises(TypeError, match="lang is a str"):
        glossary.search("kos", lang=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="lang is a str"):
        glossary.find_terms("kos", lang=None)  # type: ignore[arg-type]


def test_the_command_line_and_the_exchange_quote_a_value_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """`search 'C:\\dana'` said no term matched 'C:\\\\dana', `search "it's"` put it in double
    quotes, and so did `site --base-url`, `render --min-coverage`, an import's note on a
    column it does not read and its refusal of a header, and render's reason for keeping the
    Malay (a link target holding a quote)."""
    from glossari.catalog.usable import unusable_translation
    from glossari.cli import main
    from glossari.exchange.csvfile import parse_csv

    def said(*argv: str) -> str:
        assert main(list(argv)) == (0 if argv[0] == "search" else 2), argv
        return capsys.readouterr().err

    assert said("search", "it's") == "glossari: no term matches 'it's'\n"
    assert said("search", "kos\\jualan") == "glossari: no term matches 'kos\\jualan'\n"
    assert "--base-url: 'https://x\\y z' is not a base address" in said(
        "site", "--base-url", "https://x\\y z", "-o", str(tmp_path / "laman"))
    assert "not a percentage: 'lapan\\puluh'" in said(
        "render", "-l", "en", "--min-coverage", "lapan\\puluh", "-o", str(tmp_path / "r"))
    base = parse_csv(b"id,ms,en,C:\\nota\r\nkos,Kos,Cost,x\r\n", source="n.csv")
    assert base.ignored_columns == ("C:\\nota",)
    with pytest.raises(GlossariError) as caught:
        parse_csv(b"idd,C:\\ms,en\r\nkos,Kos,Cost\r\n", source="n.csv")
    assert "unknown columns 'C:\\ms', 'idd'" in str(caught.value)
    problem = unusable_translation("Lihat [saham](/saham).", "See [shares](/it's).", block=True)
    assert problem == ("the translation's links and HTML ['/it's'] differ from the source's "
                       "['/saham']")


def test_an_imports_note_on_a_column_it_does_not_read_quotes_it_as_written(
        tmp_path: Path) -> None:
    from _exchangekit import glossary_root, run

    root = glossary_root(tmp_path / "g")
    sheet = tmp_path / "nota.csv"
    sheet.write_bytes(b"id,ms,en,C:\\nota\r\nkos,Kos,Cost,x\r\n")
    code, _, err = run(root, "import", str(sheet))
    assert code == 0, err
    assert f"{sheet}:1: note: the column 'C:\\nota' is not read" in err


@settings(max_examples=30, deadline=None)
@given(space=st.sampled_from([" ", "  ", "\t", "\n", " \n\t   "]),
       words=st.lists(st.sampled_from(["saham-saham", "unit-amanah", "pelaburannya", "ETF"]),
                      min_size=1, max_size=12))
def test_a_translations_links_and_html_are_quoted_as_every_message_quotes_a_value(
        space: str, words: list[str]) -> None:
    """The links and HTML a translation's refusal names are each quoted by
    :func:`glossari.text.excerpt` (one line, 60 characters at most), the one rule a message
    quotes a value by: a cut of their own kept a line break of raw HTML as '\\n' and a run of
    spaces as written, where every other message quotes the value on one line."""
    from glossari.catalog.usable import unusable_translation

    target = "/" + "-".join(words)
    html = f"<span{space}title=\"kos\">"
    problem = unusable_translation(
        "Kos jualan bagi [peniaga broker](/broker-dealer).",
        f"Cost of sales {html}for</span> [broker-dealers]({target}).", block=True)
    assert problem is not None
    shown = ", ".join(quoted(excerpt(value)) for value in (f"html {html}", "html </span>", target))
    assert problem == (f"the translation's links and HTML [{shown}] differ from the source's "
                       "['/broker-dealer']")


def test_a_column_the_header_does_not_name_is_quoted_as_every_message_quotes_a_value() -> None:
    """The text of a column the header does not name is quoted by :func:`glossari.text.excerpt`:
    a cut of its own, to 40 characters, had no ellipsis (the quote read as the whole cell) and
    kept a line break of the cell as '\\n'."""
    from glossari.exchange.csvfile import parse_csv

    cell = "Nota: saham-saham syarikat\nyang tersenarai di Bursa Malaysia, bukan unit amanah"
    with pytest.raises(GlossariError) as caught:
        parse_csv(f'id,ms,en,\r\nkos,Kos,Cost,"{cell}"\r\n'.encode(), source="nota.csv")
    assert f"which the header does not name: {quoted(excerpt(cell))}" in str(caught.value)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(["Saham-saham", "pelaburannya", "ETF", "\n\n", "  ", "dana"]),
                min_size=25, max_size=40).map(" ".join))
def test_a_lookup_that_finds_nothing_quotes_the_text_as_every_message_quotes_a_value(
        text: str) -> None:
    """A lookup that finds nothing names the text by :func:`glossari.text.excerpt` (a pasted
    page by its start, on one line), the one rule a message quotes a value by: its own cut kept
    the page's line breaks as '\\n' and its runs of spaces as written."""
    glossary = Glossary([Term(id="kos", title="Kos", source=Location(path="seeds/kos.md",
                                                                       line=1))])
    with pytest.raises(KeyError) as missed:
        glossary.lookup(text)
    assert missed.value.args[0].startswith(f"no term {quoted(excerpt(text, 80))} in the glossary")
