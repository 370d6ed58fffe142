"""One home for each rule: where two modules read the same thing, they read it by one function.

Each test here asks the consumers of a rule that once had two homes (a twin) for one answer.
"""

from __future__ import annotations

import html.entities
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import glossari
from glossari.align.names import link_translation_names, resolve_names
from glossari.catalog.messages import normalize_heading
from glossari.checks.termcheck import message_text
from glossari.export.site._pages import letter_of
from glossari.model import English, Link, Location, Status, Term
from glossari.termbase.search import _without_html
from glossari.terms import character_reference
from glossari.terms.matcher import _blank_markup
from glossari.text import APOSTROPHES, DOUBLE_QUOTES, without_accents
from tests.strategies import MALAY_WORDS, po_text

_NAMES = sorted(name for name in html.entities.html5 if name.endswith(";"))

_ZEROS = st.integers(0, 12).map(lambda n: "0" * n)
_REFERENCES = st.one_of(
    st.sampled_from(_NAMES).map(lambda name: f"&{name}"),
    st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,8}", fullmatch=True).map(lambda name: f"&{name};"),
    # a number with any number of leading zeros, as HTML reads it (&#00000065; is A)
    st.tuples(_ZEROS, st.integers(1, 0x10FFFF)).map(lambda z: f"&#{z[0]}{z[1]};"),
    st.tuples(st.sampled_from("xX"), _ZEROS, st.integers(1, 0x10FFFF)).map(
        lambda z: f"&#{z[0]}{z[1]}{z[2]:x};"),
)


@settings(max_examples=300, deadline=None)
@given(_REFERENCES)
@example("&#00000065;")     # eight digits: termcheck's pattern took seven at most
@example("&#x00000000041;")
@example("&T;")             # AT&T;: one letter names no entity, text to all three
@example("&commission;")    # a program's entity: termcheck blanks it
def test_a_character_reference_is_read_alike_by_find_search_and_termcheck(written: str) -> None:
    """``&name;``: the recogniser, the search index and termcheck keep one HTML does not define
    as written (``R&D;``), and read one it defines as its character, by one rule and one
    pattern (terms.CHARACTER_REFERENCE): termcheck's own took a number of seven digits at most,
    so ``&#00000065;`` (HTML's ``A``) was text to it. termcheck blanks a name of two letters or
    more that HTML does not define (a program's ``&commission;``)."""
    char = character_reference(written)
    if written[1] == "#":
        assert char == html.unescape(written)
    text = f"Saham {written} bon"
    assert (_without_html(text) == text) == (char is None or char == written)
    if char is None:
        assert _blank_markup(text) == text
        blank = len(written) > len("&T;")
        assert message_text(text) == ("Saham " + " " * len(written) + " bon" if blank else text)
    else:
        assert written not in _blank_markup(text)
        assert _without_html(text) == f"Saham {char} bon"
        if char.isalpha():
            assert message_text(text).startswith(f"Saham {char}")


class _Catalog:
    """A language's catalogs holding one link message's translation."""

    def __init__(self, msgstr: str) -> None:
        self.msgstr = msgstr

    def get(self, domain: str, context: str | None, msgid: str) -> tuple[str | None, Status]:
        return self.msgstr, "translated"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["the ", "its ", "The ", "", "the\n"]),
       st.sampled_from(["RM\u00a0100 notes", "takaful\u00a0operators", "bond  issues",
                        "stock\tindices", "broker-dealers"]))
def test_a_link_translation_gives_an_article_the_name_it_gives_a_link_only_term(
        determiner: str, name: str) -> None:
    """The English variant a link's translation gives its article (align.names) is the name it
    gives a link-only term (align.links.link_translation_names): no-break spaces kept in both
    (``RM\\u00a0100``), where the variant was joined on every space."""
    at = Location(path="seeds/bon.md", line=1)
    bon = Term(id="bon", title="Bon", source=at,
               english=English(title="Bond", status="translated"))
    saham = Term(id="saham", title="Saham", source=Location(path="seeds/saham.md", line=1),
                 links=(Link(text="bon-bon", target="bon", line=7),))
    msgstr = determiner + name
    resolved = resolve_names([bon, saham], catalog=_Catalog(msgstr), lang="en")
    variants = next(t for t in resolved.articles if t.id == "bon").names.english_variants
    assert variants == (link_translation_names(msgstr)[0],)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["", "\u034f", "\ufe0f", "\ufe00", "\U000e0100", " "]),
       st.sampled_from((*MALAY_WORDS, "Ékuiti", "ﬁnra", "Акций", "401(k)", "ǅ")))
def test_the_site_files_a_headword_under_the_letter_find_reads_it_with(
        ignorable: str, name: str) -> None:
    """The site's A-Z index reads a headword's first letter without accents by the rule of a
    name's key (glossari.text.without_accents), not a copy of it that took a mark selecting a
    glyph (U+034F, a variation selector) for the first letter and filed the name under #."""
    first = without_accents(name).casefold().lstrip()[0]
    assert letter_of(ignorable + name) == (first if "a" <= first <= "z" else "#")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["-4.6%", "+12.9%", "\u22123", "2020-2021", "5%-10%", "saham",
                                 "(-2)", "RM-5", "1-for-4", "turun", "\u2212", "-"]),
                max_size=6).map(" ".join))
def test_a_number_read_negative_is_one_the_sign_rule_sees(text: str) -> None:
    """numbers(signs=True) (its keyword once named ``signed``, shadowing the function) reads a
    number as negative only where :func:`signed` sees a sign, by the one rule, ``_sign``."""
    from glossari.checks.parity import numbers, signed

    with_signs = numbers(text, signs=True)
    assert [n.lstrip("-") for n in with_signs] == list(numbers(text))
    if with_signs != numbers(text):
        assert signed(text)


def test_show_prints_the_library_view_of_a_term(capsys: pytest.CaptureFixture[str]) -> None:
    """``glossari show`` parses its argument and prints glossari.export.termview.format_term,
    the term's plain-text view, which the command module held (commands parse, call, print)."""
    import glossari
    from glossari.cli import main
    from glossari.commands import show
    from glossari.export.termview import format_term

    assert not hasattr(show, "_wrap")  # the rendering's helpers live in the library
    capsys.readouterr()
    root = Path(__file__).resolve().parent.parent
    assert main(["--root", str(root), "show", "peniaga broker", "-l", "en"]) == 0
    glossary = glossari.load(root, lang="en")
    term = glossary.lookup("peniaga broker")
    assert capsys.readouterr().out == format_term(term, lang="en", glossary=glossary)


@pytest.mark.parametrize("spelled", [["--root", "show"], ["--roo", "show"], ["--root=show"],
                                     ["--traceback", "--ro", "show"]])
def test_a_text_argument_starting_with_a_dash_is_read_however_root_is_spelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    spelled: list[str],
) -> None:
    """Where the command stands is argparse's answer, the one that found the command: a copy
    of the rule knew ``--root DIR`` only, so with ``--roo show`` (argparse's abbreviation) the
    folder's name was taken for the command, ``-saham`` for an option, and show said 'the
    following arguments are required: TERM'."""
    from glossari.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["init", "show"]) == 0
    capsys.readouterr()
    code = main([*spelled, "show", "-saham"])
    err = capsys.readouterr().err
    assert "required" not in err, err
    assert "usage:" not in err, err
    assert code == 2  # no such term: the text was read as the TERM
    assert "-saham" in err


_LANGID_WORDS = ["Pengeluaran", "sebelum", "matang", "dan", "yang", "sukuk", "Sukuk", "modal",
                 "the", "losses", "Cukai", "Barang", "dikongsi", "mengikut", "is", "and",
                 "*sukuk*", "(jual", "dan)", "tidak", "menggunakan", "[bon](/bon)", "Skim", ","]


@settings(max_examples=300, deadline=None)
@example("the losses dikongsi mengikut sebelum matang is",
         "Pengeluaran dikongsi mengikut sebelum matang dan")
# found by hypothesis: kept_malay blanked the italics to spaces and quoted one run across them
@example("sebelum sebelum *sukuk* sebelum Pengeluaran", "sebelum")
@given(st.lists(st.sampled_from(_LANGID_WORDS), max_size=12).map(" ".join),
       st.lists(st.sampled_from(_LANGID_WORDS), max_size=12).map(" ".join))
def test_malay_kept_in_a_row_is_one_run_to_both_language_rules(
        translation: str, source: str) -> None:
    """``judged_text`` (a long run of words kept from the source is Malay left untranslated,
    evidence) and ``kept_malay`` (the run it quotes) read "kept in a row" by one rule,
    ``langid._kept_runs``: a run of lower-case words long enough that kept_malay quotes is
    evidence that judged_text keeps."""
    from glossari.langid import MIN_WORDS, judged_text, kept_malay, words

    quoted = kept_malay(translation, source)
    if quoted is None or not quoted.islower() or len(words(quoted)) < MIN_WORDS:
        return
    left = words(judged_text(translation, source))
    assert set(words(quoted)) <= set(left)


_KEPT_WORDS = ["sebelum", "matang", "tidak", "menggunakan", "dan", "yang", "the", "losses",
               "`kos jualan`", "<b>", "[bon](/bon-korporat)", "ejen@bursa.com.my", "*sukuk*",
               "(jual dan)", '"wang pendahuluan"', "pelaburannya", "saham-saham", "ETF", "is"]


@settings(max_examples=200, deadline=None)
@example("the ejen@bursa.com.my sebelum matang dan `kos jualan` yang tidak",
         "sebelum matang dan yang tidak menggunakan")
@given(st.lists(st.sampled_from(_KEPT_WORDS), max_size=12).map(" ".join),
       st.lists(st.sampled_from(_KEPT_WORDS), max_size=8).map(" ".join))
def test_the_malay_kept_is_quoted_from_the_translation_as_written(
        translation: str, source: str) -> None:
    """kept_malay blanks an address, code, a tag, italics and a mention out of the translation
    by one rule, :func:`glossari.text.blanked` (spaces, or a character that parts the words
    either side), as find, termcheck and the reader blank what they skip: offsets kept, so the
    run it names is a slice of the translation as written, whole words kept from the source."""
    from glossari.langid import kept_malay, words

    quoted = kept_malay(translation, source)
    if quoted is None:
        return
    assert quoted in translation
    kept = {word.casefold() for word in words(source)}
    assert words(quoted), quoted
    assert all(word.casefold() in kept for word in words(quoted)), quoted
    before, after = translation.split(quoted, 1)
    assert quoted[0].isalpha(), quoted  # whole words
    assert not before[-1:].isalpha(), quoted
    assert quoted[-1].isalpha(), quoted
    assert not after[:1].isalpha(), quoted


@pytest.mark.parametrize("mark", list(DOUBLE_QUOTES))
def test_a_double_quote_is_one_to_a_heading_and_to_search_by_one_rule(mark: str) -> None:
    """A heading's comparison read \u201f and \u2033 as a double quote and search did not
    (its own list of quotes lacked them): \u201fkos jualan\u201f was two words asked apart,
    found in any text holding both. Both read :data:`glossari.text.DOUBLE_QUOTES`."""
    from glossari.termbase.search import match_expression

    assert normalize_heading(f"Apa itu {mark}saham-saham{mark}?") == 'apa itu "saham-saham"?'
    assert match_expression(f"{mark}kos jualan{mark}") == match_expression('"kos jualan"')
    assert match_expression(f"{mark}pelaburannya naik\u201d") == match_expression(
        '"pelaburannya naik"')


class _Memo:
    """A memo table of rendered entries (incremental's ``Table``), held in memory."""

    def __init__(self) -> None:
        self.texts: dict[object, str] = {}

    def items(self) -> list[tuple[object, None, str]]:
        return [(key, None, text) for key, text in self.texts.items()]

    def replace(self, fresh: dict[object, str]) -> None:
        self.texts = dict(fresh)

    def save(self) -> None:
        pass


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([None, "kos", "/broker-dealer"]),
                          po_text().filter(lambda text: "\x04" not in text),
                          st.sampled_from([(), ("definition of kos",)])), max_size=5),
       st.sampled_from(["", "# a comment of no message\n", "\n"]),
       st.booleans())
@example([(None, "Peniaga broker", ())], "", False)  # no header: a blank line started the file
def test_a_template_from_the_memo_is_what_render_po_writes(
        messages: list[tuple[str | None, str, tuple[str, ...]]], trailer: str,
        headed: bool) -> None:
    """render_template joins the entries' texts by render_po's rule (incremental._join, shared
    with render_rows), so its bytes are render_po's, rendered anew or from its memo, with a
    header or none (its first entry was written after a newline render_po does not write)."""
    from glossari.catalog.incremental import render_template
    from glossari.catalog.pofile import Entry, PoFile, render_po
    from glossari.catalog.template import header_for

    entries = tuple(dict.fromkeys(
        Entry(msgctxt=context, msgid=msgid or "x", extracted_comments=comments,
              references=("seeds/peniaga-broker.md:3",)) for context, msgid, comments in messages))
    header = header_for("glossary", "2026-12-07 18:00+0000") if headed else None
    pot = PoFile(header=header, entries=entries, trailer=trailer)
    expected = render_po(pot).encode("utf-8")
    memo = _Memo()
    assert render_template(pot, None) == expected
    assert render_template(pot, memo) == expected
    assert render_template(pot, memo) == expected  # from the memo


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([*MALAY_WORDS, "Ékuiti", "ива", "йод", "игра", "Йена", "ўлчов",
                                 "усул"]), min_size=2, max_size=6, unique=True),
       st.sampled_from(["\u034f", "\ufe0f", "\U000e0100"]))
def test_the_order_of_headwords_drops_accents_as_their_letters_do(
        names: list[str], ignorable: str) -> None:
    """The order of terms (text.sort_key) reads a headword without accents by the rule of its
    key and its A-Z letter (without_accents), not a copy that split a Cyrillic й into и and a
    breve (йод sorted among the и words) and kept a mark selecting a glyph as a letter (a
    headword starting with one sorted after z)."""
    from glossari.text import sort_key

    marked = [ignorable + names[0], *names[1:]]
    order = [name.lstrip(ignorable) for name in sorted(marked, key=sort_key)]
    assert order == sorted(names, key=lambda n: " ".join(without_accents(n).casefold().split()))
    letters = [letter_of(n) for n in sorted(marked, key=sort_key)]
    assert all(letter not in letters[k + 1:] for k, letter in enumerate(letters)
               if letters[k + 1:k + 2] != [letter])  # each letter's headwords together


@pytest.mark.parametrize("acronym", ["P/E", "R&D", "FINRA", "B40", "S&P"])
def test_an_english_acronym_is_found_in_malay_text_whatever_joins_its_capitals(
        acronym: str) -> None:
    """An English headword that is an acronym is a name of the Malay side too (the same letters
    in both languages), by the recogniser's rule of what an acronym is (terms.is_acronym):
    a copy in term_names took capitals joined by & (R&D) and not by / (P/E), so find never
    found P/E in Malay text while it found R&D."""
    import glossari
    from glossari.model import English, Location, Term

    term = Term(id="nisbah-harga-pendapatan", title="Nisbah harga pendapatan",
                source=Location(path="seeds/nisbah-harga-pendapatan.md", line=1),
                english=English(title=acronym, status="translated"))
    found = glossari.Glossary([term]).find_terms(f"Nisbah {acronym} dikira setiap suku.")
    assert [m.text for m in found] == [acronym]


@pytest.mark.parametrize("char", list("\u00ad\u200b\u200c\u200d\u2060\ufeff"))
def test_a_character_invisible_in_a_word_splits_no_name_and_takes_no_width(char: str) -> None:
    """One list (text.INVISIBLE_IN_WORDS) of the characters left inside words, which the
    recogniser reads through and char_width counts as nothing; there were two copies."""
    from glossari.terms import Recognizer
    from glossari.text import INVISIBLE_IN_WORDS, char_width

    assert char in INVISIBLE_IN_WORDS
    assert char_width(char) == 0
    recognizer = Recognizer([("pelaburan", "investment")], lang="ms")
    assert [h.keys for h in recognizer.find(f"Dana pela{char}buran itu")] == [("investment",)]


# the characters a heading's comparison reads as the straight apostrophe (the rule that held
# them all before the recogniser and the site did): every one of them is one to find too
_HEADING_APOSTROPHES = [c for c in map(chr, range(0x3000))
                        if normalize_heading(f"Tabarru{c}") == "tabarru'"]


@pytest.mark.parametrize("apostrophe", _HEADING_APOSTROPHES)
def test_an_apostrophe_is_one_to_a_heading_to_find_and_to_the_site_by_one_rule(
        apostrophe: str) -> None:
    """text.APOSTROPHES: a heading's comparison read a left single quote (an autocorrect's
    wrong curl), the low and reversed quotes and a prime as the straight apostrophe, where the
    recogniser's fold and the site's script read only U+2019 and U+02BC (``Moody\u2018s``
    found no *Moody's*)."""
    from glossari.terms import Recognizer, fold

    assert apostrophe in APOSTROPHES
    assert fold(f"Moody{apostrophe}s") == "moody's"
    names = ["Moody's", "Buyer\u2019s market", "Standard & Poor's"]
    english = Recognizer([(n, n) for n in names], lang="en")
    text = (f"Moody{apostrophe}s rating, buyer{apostrophe}s markets and "
            f"Standard & Poor{apostrophe}s")
    assert [h.name for h in english.find(text)] == names
    malay = Recognizer([("FINRA", 1), ("Peniaga broker", 2)], lang="ms")
    text = f"Peraturan FINRA{apostrophe}s dan peniaga-peniaga broker{apostrophe}nya."
    assert [(h.text, h.keys) for h in malay.find(text)] == [
        (f"FINRA{apostrophe}s", (1,)), (f"peniaga-peniaga broker{apostrophe}nya", (2,))]


def test_the_site_script_folds_the_apostrophes_of_the_one_rule() -> None:
    """The site's search script (static/site.js) mirrors text.APOSTROPHES in its fold
    (tests/test_site_rules.py runs it on each in chromium): the two lists agree."""
    script = (Path(glossari.__file__).parent / "export" / "site" / "static" / "site.js")
    found = re.search(r"var APOSTROPHE = /\[((?:\\u[0-9a-f]{4})+)\]/g;",
                      script.read_text(encoding="utf-8"))
    assert found, "site.js folds its apostrophes by a regex APOSTROPHE"
    mirrored = {chr(int(code, 16)) for code in found.group(1).split("\\u")[1:]}
    assert mirrored == set(APOSTROPHES) - {"'"} == set(_HEADING_APOSTROPHES) - {"'"}
