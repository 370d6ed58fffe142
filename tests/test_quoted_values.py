"""A value a message quotes back is quoted as written (glossari.text.quoted): ``repr`` doubled
each backslash (``-l 'en\\US'`` was told of ``'en\\\\US'``) and put a value holding ``'`` in
double quotes, unlike every other message of glossari."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.catalog.charset import decode_catalog
from glossari.catalog.languages import check_language, check_translation_language
from glossari.config import parse_config
from glossari.errors import GlossariError, InputError, SeedError
from glossari.glossary import Glossary
from glossari.model import Location, Term
from glossari.text import quoted

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
