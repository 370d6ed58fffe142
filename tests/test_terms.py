"""glossari.terms: names found in running text, Malay and English word formation included."""

from __future__ import annotations

import html
import unicodedata

import pytest
from _cost import costs_like
from hypothesis import given, settings
from hypothesis import strategies as st

from glossari.model import Term
from glossari.terms import Lang, Recognizer
from glossari.terms.malay import takes_derivation
from glossari.text import APOSTROPHES

MALAY_NAMES = [
    "komisen", "eksekutif akaun", "dana lindung nilai", "penasihat pelaburan", "peniaga broker",
    "Pihak Berkuasa Kawal Selia Industri Kewangan (FINRA)", "FINRA", "untung", "labur",
    "akaun", "bank", "nilai", "pembrokeran utama", "sekuriti",
]


def _malay() -> Recognizer[str]:
    return Recognizer([(n, n) for n in MALAY_NAMES], lang="ms")


def _found(recognizer: Recognizer[str], text: str) -> list[tuple[str, str]]:
    return [(h.text, h.name) for h in recognizer.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("komisen-komisen", [("komisen-komisen", "komisen")]),
        ("komisennya", [("komisennya", "komisen")]),
        ("berkomisen", [("berkomisen", "komisen")]),
        ("komisenlah", [("komisenlah", "komisen")]),
        ("Komisen-komisennyakah", [("Komisen-komisennyakah", "komisen")]),
        ("dana-dana lindung nilai", [("dana-dana lindung nilai", "dana lindung nilai")]),
        ("eksekutif-eksekutif akaun", [("eksekutif-eksekutif akaun", "eksekutif akaun")]),
        ("eksekutif akaunnya", [("eksekutif akaunnya", "eksekutif akaun")]),
        ("keuntungan", [("keuntungan", "untung")]),
        ("menguntungkan", [("menguntungkan", "untung")]),
        ("pelaburan", [("pelaburan", "labur")]),
        ("pelabur", [("pelabur", "labur")]),
        ("dilaburkan", [("dilaburkan", "labur")]),
        ("perbankan", [("perbankan", "bank")]),
        ("penilaian", [("penilaian", "nilai")]),
        ("dinilai", [("dinilai", "nilai")]),
        ("kaunilai", [("kaunilai", "nilai")]),
        ("pembrokeran utamanya", [("pembrokeran utamanya", "pembrokeran utama")]),
        ("sekuriti-sekuriti", [("sekuriti-sekuriti", "sekuriti")]),
        ("Pihak Berkuasa Kawal Selia Industri Kewangan (FINRA) menetapkan",
         [("Pihak Berkuasa Kawal Selia Industri Kewangan (FINRA)",
           "Pihak Berkuasa Kawal Selia Industri Kewangan (FINRA)")]),
        ("FINRAnya", [("FINRAnya", "FINRA")]),
        # reduplication in the informal notation, with a 2
        ("komisen2 dan komisen2nya", [("komisen2", "komisen"), ("komisen2nya", "komisen")]),
        ("Eksekutif2 akaun", [("Eksekutif2 akaun", "eksekutif akaun")]),
        ("bank2 dan bank22 dan 2bank", [("bank2", "bank")]),
    ],
)
def test_malay_forms_are_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(_malay(), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "komitmen",                      # another word, not a form of komisen
        "penasihat itu",                 # one word of a compound is not the compound
        "nilai lindung dana",            # its words in another order neither
        "dana. Lindung nilai",           # nor across a full stop
        "finra",                         # an acronym matches in capitals only
        "pelaburan-pelaburan peribadi",  # -an on labur: found, but not "peribadi"
        "sekuritinya dikenakan",         # not "kena"
    ],
)
def test_malay_no_over_matching(text: str) -> None:
    names = {h.name for h in _malay().find(text)}
    assert not names & {"komisen", "dana lindung nilai", "penasihat pelaburan", "FINRA"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # accents as combining marks (NFD: text pasted from macOS, PDFs): one word, not two
        ("Ko\u0301misen-ko\u0301misennya", "Ko\u0301misen-ko\u0301misennya"),
        ("dana lindung ni\u0301lai", "dana lindung ni\u0301lai"),
        # invisible characters inside a word (soft hyphen, zero-width space and joiners)
        ("kom\u00adisen dibayar", "kom\u00adisen"),
        ("ko\u200bmisen\u200dnya", "ko\u200bmisen\u200dnya"),
        ("kau\u2060nilai", "kau\u2060nilai"),
        # ... but not at its edges: they stay outside the match
        ("\u00adkomisen\u200b.", "komisen"),
    ],
)
def test_marks_and_invisible_characters_inside_a_word(text: str, expected: str) -> None:
    (hit,) = _malay().find(text)
    assert hit.text == expected
    assert text[hit.start:hit.end] == expected


def test_a_name_written_decomposed_matches_composed_text_and_back() -> None:
    composed, decomposed = "\u00c9kuiti", "E\u0301kuiti"
    for name, text in ((composed, decomposed), (decomposed, composed)):
        recognizer = Recognizer([(name, "equity")], lang="ms")
        assert [h.text for h in recognizer.find(f"{text}nya dan {text.lower()}")] == [
            f"{text}nya", text.lower()]
        english = Recognizer([(name, "equity")], lang="en")
        assert [h.text for h in english.find(f"The {text}'s")] == [f"{text}'s"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ms", "F.I.N.R.A. dan F.I.N.R.A.nya, F.I.N.R.A", ["F.I.N.R.A.", "F.I.N.R.A.nya",
                                                         "F.I.N.R.A"]),
        ("ms", "f.i.n.r.a. dan F.I.N.R.A.sekarang", ["F.I.N.R.A"]),  # capitals only
        ("en", "E.T.F.s, the E.T.F.'s fee, an E.T.F and ETFs", ["E.T.F.s", "E.T.F.'s", "E.T.F",
                                                               "ETFs"]),
        # the possessive with the other apostrophes a word takes (U+2019, U+02BC): the
        # modifier letter was left out, and F.I.N.R.A.\u02bcs matched only F.I.N.R.A
        ("en", "the E.T.F.\u2019s fee and the E.T.F.\u02bcs fee", ["E.T.F.\u2019s",
                                                                  "E.T.F.\u02bcs"]),
        ("en", "e.t.f. and i.e. and E.T.Fund", []),
    ],
)
def test_acronyms_written_with_dots(lang: Lang, text: str, expected: list[str]) -> None:
    recognizer = Recognizer([("FINRA", 1), ("ETF", 2)], lang=lang)
    assert [h.text for h in recognizer.find(text)] == expected
    assert [h.text for h in recognizer.find(text)] == [text[h.start:h.end]
                                                       for h in recognizer.find(text)]


@settings(max_examples=60)
@given(st.sampled_from(["ms", "en"]), st.sampled_from(APOSTROPHES),
       st.sampled_from(APOSTROPHES), st.sampled_from(["", " ialah", ".", ", dan"]))
def test_a_name_ending_in_an_apostrophe_takes_it_in_any_form(
        lang: Lang, written: str, typed: str, after: str) -> None:
    """A name ending in an apostrophe (Tabarru', the Arabic ain of a Malay loanword) matches
    the text's word with its apostrophe in any form, as the words are compared: Tabarru\u2019
    was matched as 'Tabarru' (the span left the apostrophe out), Tabarru' whole; and the
    modifier letter (U+02BC), a letter to Unicode, was no apostrophe: no match at all."""
    recognizer = Recognizer([(f"Tabarru{written}", "tabarru")], lang=lang)
    text = f"Tabarru{typed}{after}"
    (hit,) = recognizer.find(text)
    assert (hit.start, hit.end, hit.text) == (0, 8, f"Tabarru{typed}")


def test_a_name_written_with_dots_matches_without() -> None:
    recognizer = Recognizer([("Exchange-traded fund (E.T.F.)", 1), ("E.T.F.", 1)], lang="en")
    assert [h.text for h in recognizer.find("ETFs and an exchange-traded fund (ETF)")] == [
        "ETFs", "exchange-traded fund (ETF)"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>Peniaga</b> broker dan <em>komisen</em>", ["Peniaga</b> broker", "komisen"]),
        ('<a href="/komisen" title="komisen">Komisen</a>', ["Komisen"]),
        ("[komisen](/komisen) dan [peniaga broker](</peniaga-broker> \"bank\")",
         ["komisen", "peniaga broker"]),
        ("Lihat https://contoh.my/komisen-bank?nilai=1 dan komisen.", ["komisen"]),
        ("Peniaga&nbsp;broker &amp; bank", ["Peniaga&nbsp;broker", "bank"]),
        ("<!-- komisen --> bank", ["bank"]),
        # a reference link's label and a reference definition's line, as a link's target
        ("Lihat [nota][komisen], [bank][] dan [nilai].\n\n[komisen]: /komisen \"Komisen\"\n"
         "  [nota]: https://contoh.my/bank", ["bank", "nilai"]),
        ("nilai < 5 dan komisen > 3", ["nilai", "komisen"]),  # not a tag
        # a web address without its scheme, an e-mail address, a path: no word of one is a use
        ("Lihat www.contoh.my/FINRA/komisen, tulis ke FINRA@contoh.my atau komisen.bank@"
         "contoh.com.my; fail /data/FINRA/komisen.csv, ../bank.md, ~/nilai dan C:\\FINRA\\"
         "bank.xlsx. Komisen.", ["Komisen"]),
        # a slash inside a word starts no path, nor is a price after @ an e-mail address
        ("bank/komisen dan/atau nilai@RM5.00", ["bank", "komisen", "nilai"]),
        # a relative path (a file name ends it) and a handle are no more text than a path
        ("Fail data/FINRA.csv, (docs/bank/komisen.md) dan bank.my/x/nilai.html; ikuti "
         "@FINRA_rasmi dan @komisen. Bank/komisen.", ["Bank", "komisen"]),
        # a slash then a dot that ends a sentence makes no file name; an amount after @ is a price
        ("nisbah bank/komisen. Nilai @5% dan komisen @RM5",
         ["bank", "komisen", "Nilai", "komisen"]),
    ],
)
def test_markup_is_not_text(text: str, expected: list[str]) -> None:
    assert [h.text for h in _malay().find(text)] == expected
    assert [h.text for h in _malay().find_all(text)] == expected


@given(tag=st.sampled_from(["p", "P", "div", "li", "td", "th", "tr", "h2", "blockquote",
                            "section", "dd", "pre", "table"]),
       closing=st.booleans(), attrs=st.sampled_from(["", ' class="x"', " id='a'"]),
       between=st.sampled_from(["", "\n", " ", "\n  "]))
@settings(max_examples=60, deadline=None)
def test_a_name_does_not_run_across_an_html_block(tag: str, closing: bool, attrs: str,
                                                   between: str) -> None:
    # <p>Peniaga</p><p>broker</p>: two paragraphs, as two Markdown paragraphs are; the tags
    # were blanked to spaces, so the words on either side made one name
    end = f"</{tag}>" if closing else ""
    text = f"<{tag}{attrs}>Peniaga{end}{between}<{tag}{attrs}>broker dan komisen{end}"
    found = [h.text for h in _malay().find(text)]
    assert found == ["komisen"]
    assert [h.text for h in _malay().find_all(text)] == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a footnote's text is prose: its definition's line was blanked whole, as a reference
        # definition's is, and every term in the note was missed
        ("Komisen naik.[^1]\n\n[^1]: Peniaga broker dan FINRA tidak termasuk.",
         ["Komisen", "Peniaga broker", "FINRA"]),
        ("   [^nota]: eksekutif akaunnya", ["eksekutif akaunnya"]),
        # its reference is no word: a name runs across it, as across a reference label
        ("peniaga[^1] broker", ["peniaga[^1] broker"]),
        ("komisen[^2].", ["komisen"]),
        # a reference definition is still markup
        ("[komisen]: /komisen \"Komisen\"\nbank", ["bank"]),
    ],
)
def test_a_footnote_s_text_is_prose_and_its_label_no_word(text: str,
                                                          expected: list[str]) -> None:
    assert [h.text for h in _malay().find(text)] == expected
    assert [h.text for h in _malay().find_all(text) if h.text in expected] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quote's lines are one paragraph: its markers are blanks (the name was missed)
        ("> Peniaga\n> broker", ["Peniaga\n> broker"]),
        ("> > Eksekutif\n> > akaunnya", ["Eksekutif\n> > akaunnya"]),
        ("   > peniaga\n   >broker", ["peniaga\n   >broker"]),
        ("> Peniaga\r\n> broker", ["Peniaga\r\n> broker"]),
        # a quote that starts or changes depth after a line of text is another block
        ("Peniaga\n> broker", []),
        ("> Peniaga\n> > broker", []),
        ("> Peniaga\n>\n> broker", []),
        # a heading is a block of its own line, as a thematic break or setext underline parts two
        ("# Peniaga\nbroker", []),
        ("## Peniaga broker\nkomisen", ["Peniaga broker", "komisen"]),
        ("Peniaga\n---\nbroker", []),
        ("Peniaga\n===\nbroker", []),
        ("Peniaga\n* * *\nbroker", []),
        ("Peniaga\r\n***\r\nbroker", []),
        # not block lines: a hash inside a word, a sign in running text
        ("#Peniaga\nbroker", ["Peniaga\nbroker"]),
        ("nilai < 5 dan\nkomisen > 3", ["nilai", "komisen"]),
    ],
)
def test_markdown_block_lines_part_names_as_a_reader_sees_them(text: str,
                                                               expected: list[str]) -> None:
    assert [h.text for h in _malay().find(text)] == expected
    assert [h.text for h in _malay().find_all(text) if " " in h.text or "\n" in h.text] == [
        t for t in expected if " " in t or "\n" in t]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>Peniaga broker</p><p>komisen</p>", ["Peniaga broker", "komisen"]),
        ("Peniaga<br>broker, peniaga<BR/>\nbroker", ["Peniaga<br>broker", "peniaga<BR/>\nbroker"]),
        ("<span>Peniaga</span> <i>broker</i>", ["Peniaga</span> <i>broker"]),
        ("Eksekutif<hr>akaun", ["akaun"]),
        ("Peniaga-<br>broker", ["Peniaga-<br>broker"]),
    ],
)
def test_html_blocks_and_line_breaks_part_names_as_markdown_does(text: str,
                                                                 expected: list[str]) -> None:
    assert [h.text for h in _malay().find(text)] == expected


@given(first=st.sampled_from(["<br>", "<BR/>", "<br />", "</br>", '<br class="x">']),
       second=st.sampled_from(["<br>", "<br/>", "<BR>"]),
       between=st.sampled_from(["", " ", "\n", " \n  ", "\r\n"]),
       around=st.sampled_from(["", " ", "\n"]))
@settings(max_examples=60, deadline=None)
def test_two_line_breaks_part_names_as_a_blank_line_does(first: str, second: str, between: str,
                                                         around: str) -> None:
    """``Pasaran<br><br>saham`` was *peniaga broker* across a blank line as a reader sees it:
    each ``<br>`` was a blank. Two in a row part two stretches, as a blank line does; one is a
    line's end, which a name runs across."""
    text = f"Peniaga{around}{first}{between}{second}{around}broker dan komisen"
    assert [h.text for h in _malay().find(text)] == ["komisen"]
    assert [h.text for h in _malay().find_all(text) if h.text != "broker"] == ["komisen"]
    one = f"Peniaga{around.strip()}{first}{around.strip()}broker dan komisen"
    assert [h.text for h in _malay().find(one)] == [one[:-len(" dan komisen")], "komisen"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clitic after a hyphen, as Malay writes one on an acronym or a name, is taken in
        ("FINRA-nya dan FINRA-nyalah", ["FINRA-nya", "FINRA-nyalah"]),
        ("peniaga-broker-nya dan bank-lah", ["peniaga-broker-nya", "bank-lah"]),
        ("Peniaga-peniaga broker-nya", ["Peniaga-peniaga broker-nya"]),
        # a reduplicated word with one is one use, not two
        ("komisen-komisen-nya", ["komisen-komisen-nya"]),
        # a hyphen before what is no clitic still splits the words
        ("peniaga-broker-komisen", ["peniaga-broker", "komisen"]),
        # a possessive and a particle, each after its own hyphen, any hyphen
        ("FINRA-nya-lah dan peniaga-broker-nya-kah", ["FINRA-nya-lah", "peniaga-broker-nya-kah"]),
        ("komisen-komisen-nya-lah", ["komisen-komisen-nya-lah"]),
        ("FINRA\u2011nya\u2011lah dan FINRA\u2010nya",
         ["FINRA\u2011nya\u2011lah", "FINRA\u2010nya"]),
        ("FINRA-lah-nya", ["FINRA"]),  # a particle before a possessive is no clitic chain
        # after an acronym written with dots too: F.I.N.R.A.-nya was F.I.N.R.A. without its -nya
        ("Menurut F.I.N.R.A.-nya dan F.I.N.R.A.\u2011nya-lah.",
         ["F.I.N.R.A.-nya", "F.I.N.R.A.\u2011nya-lah"]),
        ("F.I.N.R.A.-peniaga broker", ["F.I.N.R.A.", "peniaga broker"]),
    ],
)
def test_a_clitic_after_a_hyphen_belongs_to_the_word_before(text: str,
                                                             expected: list[str]) -> None:
    assert [h.text for h in _malay().find(text)] == expected


@given(st.text(alphabet="ab /\\:.~@(<&][w\n", max_size=24))
def test_markup_quick_check_never_changes_the_answer(text: str) -> None:
    # the quick check before _MARKUP is only a shortcut: the text it lets through unchanged is
    # what the whole regular expression leaves unchanged too
    from glossari.terms.matcher import _MARKUP, _blank_markup

    assert _blank_markup(text) == _MARKUP.sub(lambda m: " " * len(m.group()), text)


def test_a_slash_inside_a_word_runs_no_markup_expression(monkeypatch: pytest.MonkeyPatch) -> None:
    # dan/atau, RM5/unit, 1/2, 12/3/2024: ordinary Malay prose ran every alternative of _MARKUP
    # over the whole text (three times the cost of the rest of _blank_markup's work)
    from glossari.terms import matcher

    class Counting:
        calls = 0

        def sub(self, *args: object) -> str:
            Counting.calls += 1
            return str(real.sub(*args))  # type: ignore[call-overload]

    real = matcher._MARKUP
    monkeypatch.setattr(matcher, "_MARKUP", Counting())
    text = "Pelabur dan/atau broker membayar RM5/unit, 1/2 daripada saham pada 12/3/2024."
    assert matcher._blank_markup(text) == text
    assert Counting.calls == 0
    assert matcher._blank_markup("fail (/data/komisen.csv)") == "fail (" + " " * 17 + ")"
    assert Counting.calls == 1


def test_markup_that_never_closes_costs_linear_time() -> None:
    # each unclosed comment opening scanned the rest of the text: 220 KB took 50 s
    text = "<!-- komisen " * 20_000
    assert _malay().find(text) == []
    costs_like(lambda: _malay().find(text), lambda: _malay().find("<b>komisen " * 20_000))


@pytest.mark.parametrize("lang", ["ms", "en"])
def test_a_long_run_of_capitals_costs_linear_time(lang: Lang) -> None:
    # the test for capitals glued to a number tried each capital of a run: 100 KB took 100 s
    recognizer = Recognizer([(n, n) for n in ("RM", "bank")], lang=lang)
    assert recognizer.find("K" * 100_000) == []
    costs_like(lambda: recognizer.find("K" * 100_000), lambda: recognizer.find("Kk" * 50_000))


@pytest.mark.parametrize("text", ["bank/" * 40_000, "x " + "b/k." * 40_000 + "csv"])
def test_a_long_run_of_slashes_costs_linear_time(text: str) -> None:
    # a relative path was tried from each slash of the run to its end: 80 KB took 60 s
    costs_like(lambda: _malay().find(text), lambda: _malay().find("k" * len(text)))


@pytest.mark.parametrize("gap", [" ", "\n", " \t"])
def test_a_link_target_opening_a_run_of_spaces_costs_linear_time(gap: str) -> None:
    # the spaces after "](" were shared out between three quantifiers: 100 KB took 100 s
    text = "[komisen](" + gap * 100_000 + "komisen"
    assert [h.text for h in _malay().find(text)] == ["komisen", "komisen"]
    costs_like(lambda: _malay().find(text),
               lambda: _malay().find("[komisen](komisen" + " k" * 50_000))
    # a title after an empty destination is still part of the target
    assert [h.text for h in _malay().find('[bank]( "komisen") bank')] == ["bank", "bank"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "the Profit & Loss statement, Profit &amp; Loss", ["Profit & Loss",
                                                                 "Profit &amp; Loss"]),
        ("en", "P/E ratios and the S&P 500's fall", ["P/E ratios", "S&P 500's"]),
        ("en", "P / E ratio", ["P / E ratio"]),
        ("ms", "nisbah harga/pendapatannya", ["nisbah harga/pendapatannya"]),
        ("ms", "Syarikat Sdn. Bhd. itu", ["Syarikat Sdn. Bhd."]),
        ("ms", "Syarikat Sdn Bhd", ["Syarikat Sdn Bhd"]),  # a space will do, as always
        # only the punctuation the name writes there
        ("en", "Profit / Loss, P&E ratio, S/P 500", []),
        ("ms", "nisbah harga, pendapatan; Syarikat. Sdn Bhd", []),
    ],
)
def test_a_name_written_with_punctuation_between_its_words(
    lang: Lang, text: str, expected: list[str],
) -> None:
    names = ["Profit & Loss", "P/E ratio", "S&P 500", "nisbah harga/pendapatan",
             "Syarikat Sdn. Bhd."]
    recognizer = Recognizer([(n, n) for n in names], lang=lang)
    assert [h.text for h in recognizer.find(text)] == expected


@pytest.mark.parametrize("lang", ["ms", "en"])
def test_capitals_joined_by_a_slash_or_an_ampersand_are_an_acronym(lang: Lang) -> None:
    # P/E, M&A, R&D are acronyms as FINRA is: in capitals only, never the word `ma` (Malay:
    # mother) or the `pe` of a word cut in two, written closed or apart in lower case
    recognizer = Recognizer([("P/E", "pe"), ("M&A", "ma"), ("R&D", "rd")], lang=lang)
    text = "ma dan pe; m&a, p/e, r&d, P/e, m a; pe-niaga; Saya ma"
    assert recognizer.find(text) == []
    found = recognizer.find("P/E dan M&A, R & D; P / E")
    assert [(h.text, h.keys) for h in found] == [
        ("P/E", ("pe",)), ("M&A", ("ma",)), ("R & D", ("rd",)), ("P / E", ("pe",))]
    # the checks, which ask whether a translation has the term, accept any case
    lenient = Recognizer([("P/E", "pe")], lang=lang, acronyms_in_capitals=False)
    assert [h.text for h in lenient.find("nisbah p/e")] == ["p/e"]


_ACRONYM_LETTERS = st.text("BCFKPSTW", min_size=2, max_size=4)


@settings(max_examples=60, deadline=None)
@given(letters=_ACRONYM_LETTERS, joined=st.sampled_from(["", "/", "&"]),
       dotted=st.booleans(),
       ending=st.sampled_from(["", "nya", "-nya", "\u2019nya", "lah", "-nyalah", "'s", "s"]),
       lang=st.sampled_from(["ms", "en"]))
def test_a_name_written_as_an_acronym_with_dots_or_an_ending_is_that_acronym(
        letters: str, joined: str, dotted: bool, ending: str, lang: Lang) -> None:
    """A link text ``[S.C.nya](/suruhanjaya-sekuriti)`` was filed as the plain name ``scnya``,
    so a text's lower-case ``scnya``, ``sc's`` or ``s.c.`` was found as *SC*: a name written as
    an acronym with dots or an ending is that acronym (``glossari.terms.acronym_of``), found
    where the acronym is and nowhere else, in capitals only."""
    acronym = joined.join(letters) if joined and len(letters) == 2 else letters
    written = ".".join(acronym) + "." if dotted and not joined else acronym
    name = written + ending
    if name == acronym:
        return  # the acronym itself
    as_written = Recognizer([(name, "x")], lang=lang)
    as_acronym = Recognizer([(acronym, "x")], lang=lang)
    # in lower case, nothing, as the acronym: scnya, s.c., sc's
    for text in (name.lower(), acronym.lower(), f"{acronym.lower()}-nya", f"{name.lower()} dan",
                 ".".join(acronym.lower()) + "."):
        assert ([h.text for h in as_written.find(text)]
                == [h.text for h in as_acronym.find(text)] == []), (name, text)
    # in capitals, what the acronym finds, and the name as written (SCnya, whose glued clitic
    # no rule cuts off two letters)
    for text in (name, acronym, f"{acronym}-nya", f"{acronym}'s", f"Lihat {name} dan"):
        found = [h.text for h in as_written.find(text)]
        by_acronym = [h.text for h in as_acronym.find(text)]
        assert found in (by_acronym, [name]), (name, text)
    # the name as written is found in Malay text, a link text's (a text's SCnya for [SCnya](/sc))
    if lang == "ms" and not dotted:
        assert [h.text for h in as_written.find(f"Lihat {name} dan")] == [name]


def test_clitics_on_an_acronym_of_several_capitals() -> None:
    # P/E-nya found nothing: the clitics' stem `e` was too short for the Malay rules, and
    # FINRA-nya's rule never reached it
    recognizer = Recognizer([("P/E", "pe"), ("M&A", "ma"), ("Enam", "enam")], lang="ms")
    text = "Nisbah P/E-nya, P/Enya; M&Anyalah; p/e-nya, enya, enamnya"
    assert [(h.text, h.keys) for h in recognizer.find(text)] == [
        ("P/E-nya", ("pe",)), ("P/Enya", ("pe",)), ("M&Anyalah", ("ma",)),
        ("enamnya", ("enam",))]


@pytest.mark.parametrize("lang", ["ms", "en"])
def test_an_acronym_of_several_capitals_in_the_plural(lang: Lang) -> None:
    # P/Es, as Malay text borrows the English plural (docs/terms.md lists it): found in
    # English and with a possessive (P/E's), but not in Malay, whose rule for REITs wanted a
    # whole acronym before the -s, and `e` is only the last capital of one
    recognizer = Recognizer([("P/E", "pe"), ("M&A", "ma"), ("Enam", "enam")], lang=lang)
    text = "Nisbah P/Es, P / Es dan M&As; p/es, P/es, es, Es"
    assert [(h.text, h.keys) for h in recognizer.find(text)] == [
        ("P/Es", ("pe",)), ("P / Es", ("pe",)), ("M&As", ("ma",))]


@given(st.text(alphabet="pemaPEMA&/ -", max_size=12))
@settings(max_examples=200, deadline=None)
def test_a_joined_acronym_is_found_only_where_its_capitals_are(text: str) -> None:
    recognizer = Recognizer([("P/E", "pe"), ("M&A", "ma")], lang="ms")
    for hit in recognizer.find(text):
        letters = "".join(c for c in hit.text if c.isalnum())
        assert letters in {"PE", "MA"}, hit


@pytest.mark.parametrize("lang", ["ms", "en"])
def test_an_acronym_before_a_semicolon_is_no_character_reference(lang: Lang) -> None:
    # `&D;` in `R&D;` looked like a character reference and was blanked out with its `D`;
    # only a name HTML defines (`&amp;`, `&AMP;`, `&hellip;`) or a number is one
    recognizer = Recognizer([("R&D", "rd"), ("AT&T", "att"), ("Saham", "saham")], lang=lang)
    text = "R&D; AT&T; R&amp;D&hellip; saham&#32;AT&amp;T;"
    assert [h.text for h in recognizer.find(text)] == [
        "R&D", "AT&T", "R&amp;D", "saham", "AT&amp;T"]


def test_clitics_after_an_apostrophe_are_the_words_as_after_a_hyphen() -> None:
    # Malay marks clitics on a foreign word or an acronym with an apostrophe as with a hyphen
    # (OPR\u2019nya, broker'nya): the whole name was lost, `peniaga broker\u2019nya` found nothing
    recognizer = Recognizer([("Peniaga broker", 1), ("OPR", 2),
                             ("Saham", 3), ("Qur'an", 4)], lang="ms")
    text = ("Peniaga-peniaga broker\u2019nya dan OPR\u02bcnya; saham'lah, Qur'an; "
            "opr\u2019nya, saham's, 'nya")
    assert [(h.text, h.keys) for h in recognizer.find(text)] == [
        ("Peniaga-peniaga broker\u2019nya", (1,)), ("OPR\u02bcnya", (2,)), ("saham'lah", (3,)),
        ("Qur'an", (4,))]
    # English reads an apostrophe as its possessive, as ever
    english = Recognizer([("broker", 1)], lang="en")
    assert [h.text for h in english.find("broker'nya broker's")] == ["broker's"]


@pytest.mark.parametrize("written", ["&shy;", "&#173;", "&#xAD;", "&ZeroWidthSpace;", "<wbr>",
                                     "<WBR/>"])
def test_an_invisible_character_written_as_markup_splits_no_word(written: str) -> None:
    # HTML source pasted from a web page: `pela&shy;buran` is `pela\u00adburan`, one word
    # (the entity was blanked out with spaces, which cut the word in two)
    recognizer = Recognizer([("Pelaburan", 1), ("Bon", 2)], lang="ms")
    text = f"pela{written}burannya dan bon{written}"
    assert [h.text for h in recognizer.find(text)] == [f"pela{written}burannya", "bon"]
    # a line break between two letters is one between two words, as ever
    assert recognizer.find("pela<br>buran pela&nbsp;buran") == []


def test_a_name_written_reduplicated_is_found_in_every_number() -> None:
    # link texts are running text: [syarikat-syarikat induk](/parent-company) names the
    # concept "syarikat induk", as lookup and link resolution already read it
    recognizer = Recognizer([("syarikat-syarikat induk", 1), ("Bank-bank", 2),
                             ("kira-kira", 3)], lang="ms")
    text = "Syarikat induk, syarikat-syarikat induknya, bank2 dan banknya; kira-kiranya"
    assert [(h.text, h.keys) for h in recognizer.find(text)] == [
        ("Syarikat induk", (1,)), ("syarikat-syarikat induknya", (1,)), ("bank2", (2,)),
        ("banknya", (2,)), ("kira-kiranya", (3,))]
    # the single word takes no derivation: mengira (to count) is no form of kira-kira
    assert recognizer.find("mengira perbankan") == []


def test_a_word_hyphenated_at_a_line_break() -> None:
    # text from a PDF or a printed page breaks a word across lines with a hyphen
    recognizer = Recognizer([("pelaburan", 1), ("komisen", 2), ("peniaga broker", 3)],
                            lang="ms")
    text = "Pela-\nburan dan ko-\r\n  misen-\nkomisennya oleh peniaga-\nbroker"
    assert [h.text for h in recognizer.find(text)] == [
        "Pela-\nburan", "ko-\r\n  misen-\nkomisennya", "peniaga-\nbroker"]
    # a hyphen with no line break after it joins nothing; an ordinary word stays split
    assert recognizer.find("pela- buran, pela-buran") == []
    english = Recognizer([("investment adviser", 1)], lang="en")
    assert [h.text for h in english.find("invest-\nment advi-\nsers")] == [
        "invest-\nment advi-\nsers"]


@given(end=st.sampled_from(["\n", "\r\n", "\r", "\x85", "\u2028"]),
       spaces=st.sampled_from(["", " ", "\t", "  "]),
       cut=st.integers(1, 8), hyphen=st.sampled_from(["-", "\u2010", "\u00ad"]))
@settings(max_examples=60, deadline=None)
def test_a_word_hyphenated_at_any_line_end_is_made_whole(end: str, spaces: str, cut: int,
                                                          hyphen: str) -> None:
    # a line ends in CR alone, NEL or U+2028 as in LF (docs/terms.md): pela-\rburan was two
    # words, though a name ran across the same line end
    recognizer = Recognizer([("pelaburan", 1), ("komisen", 2)], lang="ms")
    word = "pelaburannya"
    text = f"Dana {word[:cut]}{hyphen}{spaces}{end}{spaces}{word[cut:]} naik."
    assert [h.text for h in recognizer.find(text)] == [
        f"{word[:cut]}{hyphen}{spaces}{end}{spaces}{word[cut:]}"]
    komisen = f"komisen-{end}komisennya"
    assert [h.text for h in recognizer.find(komisen)] == [komisen]


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
def test_an_apostrophe_in_a_name_is_any_apostrophe(apostrophe: str) -> None:
    names = ["Buyer's market", "Moody\u2019s", "Standard & Poor's"]
    recognizer = Recognizer([(n, n) for n in names], lang="en")
    text = f"Buyer{apostrophe}s markets, MOODY{apostrophe}S and Standard & Poor{apostrophe}s"
    assert [h.name for h in recognizer.find(text)] == names


def test_a_bare_suffix_wants_a_root_of_two_syllables() -> None:
    # kadi (a judge) is not kad (card) + -i, padi (rice) not pad + -i: Malay puts a suffix
    # with no prefix on roots of two syllables or more (hormati, jualan, cukaikan); with a
    # prefix, one will do (perbankan)
    recognizer = Recognizer([(n, n) for n in ("kad", "pad", "bank", "hormat", "jual", "cukai")],
                            lang="ms")
    text = "kadi padi bankan hormati jualan cukaikan perbankan kadnya"
    assert [h.text for h in recognizer.find(text)] == [
        "hormati", "jualan", "cukaikan", "perbankan", "kadnya"]


def test_a_root_that_only_starts_like_a_prefix_takes_derivation() -> None:
    recognizer = Recognizer([("sewa", 1), ("diskaun", 2), ("pelabur", 3)], lang="ms")
    text = "menyewa, penyewa, disewakan, sewaan, didiskaunkan, pelaburan"
    assert [h.text for h in recognizer.find(text)] == [
        "menyewa", "penyewa", "disewakan", "sewaan", "didiskaunkan"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Peniaga\n- broker baru", []),          # two items of a list
        ("* Dana lindung\n* nilai", ["nilai"]),  # the name nilai alone
        ("Peniaga\n\nbroker", []),                 # two paragraphs
        ("Peniaga\r\n  \r\nbroker", []),
        ("peniaga \u2014 broker, peniaga -- broker", []),  # a dash that sets a clause apart
        # the same dash written with a hyphen, or an em dash closed up as English writes it
        ("peniaga - broker, peniaga \u2013 broker", []),
        ("peniaga\u2014broker, peniaga--broker, peniaga\u2015broker", []),
        ("Eksekutif akaun\u2014dan peniaga broker\u2014naik", ["Eksekutif akaun",
                                                               "peniaga broker"]),
        ("peniaga\n   broker", ["peniaga\n   broker"]),  # one paragraph, wrapped
        ("peniaga-\nbroker, peniaga\u2013broker", ["peniaga-\nbroker", "peniaga\u2013broker"]),
    ],
)
def test_a_name_does_not_run_across_a_break(text: str, expected: list[str]) -> None:
    assert [h.text for h in _malay().find(text)] == expected


@pytest.mark.parametrize(
    ("lang", "name", "text"),
    [
        ("en", "hedge fund", "hedgefunds"), ("en", "broker-dealer", "Brokerdealer's"),
        ("en", "share holder", "shareholders"),
        ("ms", "mata wang", "matawangnya"), ("ms", "pemegang saham", "pemegangsaham"),
        ("ms", "warga negara", "kewarganegaraan"),
    ],
)
def test_a_two_word_name_written_closed(lang: Lang, name: str, text: str) -> None:
    (hit,) = Recognizer([(name, 0)], lang=lang).find(f"oleh {text} itu")
    assert hit.text == text


def test_a_closed_name_is_no_closed_form_of_longer_names() -> None:
    recognizer = Recognizer([("dana lindung nilai", 0)], lang="ms")
    assert recognizer.find("danalindungnilai danalindung") == []


def test_derived_name_words_take_no_more_derivation() -> None:
    # pelaburan (investment) is pe(N)-...-an on labur, not the investor (pelabur) plus -an
    recognizer = Recognizer([("pelabur", "investor"), ("penasihat", "advisor")], lang="ms")
    assert recognizer.find("pelaburan") == []
    assert recognizer.find("penasihatan") == []
    assert [h.text for h in recognizer.find("pelabur-pelaburnya dan penasihatlah")] == [
        "pelabur-pelaburnya", "penasihatlah"]


def test_longest_name_wins_then_text_order() -> None:
    recognizer = Recognizer([("penasihat", 1), ("penasihat pelaburan", 2), ("pelaburan", 3)],
                            lang="ms")
    hits = recognizer.find("Penasihat pelaburan dan penasihat, pelaburan.")
    assert [(h.text, h.keys) for h in hits] == [
        ("Penasihat pelaburan", (2,)), ("penasihat", (1,)), ("pelaburan", (3,))]
    assert [h.start for h in hits] == [0, 24, 35]
    everything = recognizer.find_all("penasihat pelaburan")
    assert [(h.text, h.keys) for h in everything] == [
        ("penasihat pelaburan", (2,)), ("penasihat", (1,)), ("pelaburan", (3,))]


def test_middle_words_are_not_inflected() -> None:
    recognizer = Recognizer([("dana lindung nilai", 1)], lang="ms")
    assert recognizer.find("dana dilindung nilai") == []
    assert recognizer.find("dananya lindung nilai") == []


def test_one_name_two_owners() -> None:
    recognizer = Recognizer([("Komisen", "a"), ("komisen", "b")], lang="ms")
    (hit,) = recognizer.find("komisen")
    assert hit.keys == ("a", "b")
    assert hit.name == "Komisen"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Account executives", ["Account executives"]),
        ("the account executive's desk", ["account executive's"]),
        ("account executives' desks", ["account executives"]),
        ("ACCOUNT-EXECUTIVE", ["ACCOUNT-EXECUTIVE"]),
        ("accounts executive", []),
        ("executive account", []),
        ("commissions", ["commissions"]),
        ("the commissioner", []),
        ("agencies", ["agencies"]),
        ("taxes, not taxis", ["taxes"]),
        ("broker dealers and broker-dealer's", ["broker dealers", "broker-dealer's"]),
        ("a hedgefund", ["hedgefund"]),
    ],
)
def test_english_forms(text: str, expected: list[str]) -> None:
    recognizer = Recognizer(
        [(n, n) for n in ("account executive", "commission", "agency", "tax", "broker-dealer",
                          "hedgefund")], lang="en")
    assert [h.text for h in recognizer.find(text)] == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Stock index", "stock indices"), ("Analysis", "analyses"), ("Crisis", "crises'"),
        ("Memorandum", "memoranda"), ("Criterion", "criteria"), ("Stimulus", "stimuli"),
        ("Formula", "formulae"), ("Chairman", "chairmen's"), ("Middleman", "Middlemen"),
        ("Half", "halves"), ("Life", "lives"), ("Child", "children"), ("Bureau", "bureaux"),
        ("Appendix", "appendices"),
    ],
)
def test_english_irregular_plurals(name: str, text: str) -> None:
    recognizer = Recognizer([(name, 0)], lang="en")
    (hit,) = recognizer.find(f"the {text} here")
    assert hit.text == text.rstrip("'")


def test_english_irregular_plurals_stay_at_the_end_of_a_name() -> None:
    recognizer = Recognizer([("index fund", 0), ("child", 1), ("chairman", 2)], lang="en")
    assert recognizer.find("indices fund, childrens, chairmens, chairwomen") == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Market capitalisation", "market capitalizations"),
        ("Market capitalization", "Market Capitalisation's"),
        ("Labour cost", "labor costs"), ("Labor union", "labour unions"),
        ("Favourable variance", "favorable variances"), ("Organise", "organize"),
        ("Cost centre", "cost centers"), ("Banking licence", "banking licenses"),
        ("Defense stock", "defence stocks"), ("Catalogue", "catalogs"),
        ("Programme trading", "program trading"), ("Judgement", "judgments"),
        ("Investment adviser", "investment advisors"), ("Investment advisor", "investment adviser"),
        ("Cancelled order", "canceled orders"), ("Instalment", "installments"),
        ("Analyse", "analyze"),
    ],
)
def test_english_british_and_american_spellings(name: str, text: str) -> None:
    (hit,) = Recognizer([(name, 0)], lang="en").find(f"All {text} here.")
    assert hit.text == text


def test_spelling_variants_are_no_other_words() -> None:
    # short words have no variants: for is not four, rize not rise, tor not tour
    recognizer = Recognizer([("four", 0), ("rise", 1), ("tour", 3)], lang="en")
    assert recognizer.find("for, rize, tor") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Costs of sales rose", ["Costs of sales"]),
        ("two letters of credit and a letter of credit's terms",
         ["letters of credit", "letter of credit's"]),
        ("certificates of deposit", ["certificates of deposit"]),
        ("Returns on equity", ["Returns on equity"]),
        ("allowances for doubtful accounts", ["allowances for doubtful accounts"]),
        # the head takes a plural only, and only before its connective
        ("letter's of credit, costs sales", []),
        # an apostrophe between words is punctuation a name's gap may hold (Employees' Fund)
        ("costs' of sales", ["costs' of sales"]),
        ("costs", []),
    ],
)
def test_english_plural_of_the_head_before_of(text: str, expected: list[str]) -> None:
    names = ["cost of sales", "letter of credit", "certificate of deposit", "return on equity",
             "allowance for doubtful account"]
    recognizer = Recognizer([(n, n) for n in names], lang="en")
    assert [h.text for h in recognizer.find(text)] == expected


# -- properties --------------------------------------------------------------------------------
# Names are made of syllables of b d k l s t and a i u; the filler text around them only of
# c f j o v w z, letters no affix has: no analysis of a filler word can reach a name's word.

_syllable = st.tuples(st.sampled_from("bdklst"), st.sampled_from("aiu")).map("".join)
_name_word = st.lists(_syllable, min_size=2, max_size=3).map("".join)
_filler_word = st.lists(
    st.tuples(st.sampled_from("cfjvwz"), st.sampled_from("o")).map("".join),
    min_size=1, max_size=3).map("".join)
_filler = st.lists(_filler_word, max_size=6)


def _nasal(prefix: str, root: str) -> str:
    """me(N)-/pe(N)- on ``root``, by the textbook table (written apart from the analyser)."""
    first = root[0]
    if first in "aeiou" or first in "gh":
        return prefix + "ng" + root
    if first == "k":
        return prefix + "ng" + root[1:]
    if first == "p":
        return prefix + "m" + root[1:]
    if first in "bfv":
        return prefix + "m" + root
    if first == "t":
        return prefix + "n" + root[1:]
    if first in "dcjz":
        return prefix + "n" + root
    if first == "s":
        return prefix + "ny" + root[1:]
    return prefix + root


# prefix -> the derivational suffixes it takes with it
_AFFIXES = {
    "": ("", "kan", "i", "an"), "di": ("", "kan", "i"), "ter": ("", "kan", "i"),
    "ber": ("", "kan", "an"), "se": ("",), "ke": ("an",), "per": ("", "an", "kan", "i"),
    "memper": ("", "kan", "i"), "diper": ("", "kan"), "meN": ("", "kan", "i"), "peN": ("", "an"),
}


@st.composite
def _inflected(draw: st.DrawFn, name: tuple[str, ...]) -> str:
    """``name`` inflected by the rules: affixes and reduplication at its edges."""
    first, last = name[0], name[-1]
    single = len(name) == 1
    prefix, suffix = "", ""
    if takes_derivation(first) and (single or draw(st.booleans())):
        prefix = draw(st.sampled_from(sorted(_AFFIXES)))
        if single:
            suffix = draw(st.sampled_from(_AFFIXES[prefix]))
        elif prefix == "ke":
            prefix = ""
    if not single and takes_derivation(last):
        suffix = draw(st.sampled_from(("", "kan", "i", "an"))) if not prefix else ""
    head = _nasal(prefix[:2], first) if prefix in ("meN", "peN") else prefix + first
    proclitic = draw(st.sampled_from(("", "", "ku", "kau"))) if not prefix else ""
    head = proclitic + head
    if draw(st.booleans()):
        head = f"{head}-{first}"  # reduplication of the (first) word
    possessive = draw(st.sampled_from(("", "nya", "ku", "mu")))
    particle = draw(st.sampled_from(("", "lah", "kah", "pun")))
    words = [head, *name[1:]]
    if single:
        words = [head + suffix]
    else:
        words[-1] = words[-1] + suffix
    words[-1] += possessive + particle
    text = " ".join(words)
    return text.upper() if draw(st.booleans()) else text


@given(data=st.data(), name=st.lists(_name_word, min_size=1, max_size=3, unique=True),
       before=_filler, after=_filler, punctuation=st.sampled_from(("", ".", ",", "!", ")")))
def test_an_inflected_name_in_text_is_found(
    data: st.DataObject, name: list[str], before: list[str], after: list[str], punctuation: str,
) -> None:
    surface = data.draw(_inflected(tuple(name)))
    lead = " ".join(before) + " " if before else ""
    text = lead + surface + punctuation + (" " + " ".join(after) if after else "")
    recognizer = Recognizer([(" ".join(name), "the name")], lang="ms")
    hits = recognizer.find(text)
    assert [(h.start, h.text, h.keys) for h in hits] == [(len(lead), surface, ("the name",))]


@given(names=st.lists(st.lists(_name_word, min_size=1, max_size=3), min_size=1, max_size=5),
       text=st.lists(st.tuples(_filler_word, st.sampled_from(" ,.-;()")), max_size=12))
def test_text_without_a_name_yields_nothing(
    names: list[list[str]], text: list[tuple[str, str]],
) -> None:
    recognizer = Recognizer([(" ".join(n), i) for i, n in enumerate(names)], lang="ms")
    assert recognizer.find("".join(w + p for w, p in text)) == []


@given(name=st.lists(_name_word, min_size=2, max_size=3, unique=True))
def test_the_words_of_a_compound_in_another_order_are_not_it(name: list[str]) -> None:
    recognizer = Recognizer([(" ".join(name), 0)], lang="ms")
    assert recognizer.find(" ".join(reversed(name))) == []


_english_word = st.lists(st.sampled_from("bcdfgklmnprt"), min_size=1, max_size=2).flatmap(
    lambda cs: st.sampled_from(["a", "e", "o"]).map(lambda v: cs[0] + v + "".join(cs[1:]) + "n"))


@given(name=st.lists(_english_word, min_size=1, max_size=3, unique=True),
       ending=st.sampled_from(("", "s", "'s", "s'")), upper=st.booleans(),
       hyphen=st.booleans())
def test_an_english_name_inflected_is_found(
    name: list[str], ending: str, upper: bool, hyphen: bool,
) -> None:
    surface = ("-" if hyphen else " ").join(name) + ending
    surface = surface.upper() if upper else surface
    recognizer = Recognizer([(" ".join(name), 0)], lang="en")
    (hit,) = recognizer.find(f"zz {surface} zz")
    assert hit.text == surface.rstrip("'")


@given(text=st.text(alphabet="EeTtFfSsNnYyAa.' -", max_size=30))
def test_ascii_text_reads_as_any_other_text(text: str) -> None:
    # ASCII text takes a faster path (one regular expression over the lower-cased text): it must
    # find what the general one finds, the same text with a character that is not ASCII after it
    recognizer = Recognizer([("ETF", 1), ("fee", 2), ("sean", 3)], lang="en")
    fast = [(h.start, h.end) for h in recognizer.find(text)]
    assert fast == [(h.start, h.end) for h in recognizer.find(text + " \u00e9")]


@given(text=st.text(alphabet="ETFsnyaLd.'-_09 *", max_size=30))
def test_the_ascii_tokeniser_finds_the_words_of_the_general_one(text: str) -> None:
    # an acronym after an underscore (Markdown emphasis: _E.T.F._) is one word on both paths
    from glossari.terms.matcher import _TOKEN, _ascii_token

    assert _ascii_token(text).findall(text) == _TOKEN.findall(text)


def test_an_acronym_with_dots_in_underscore_emphasis() -> None:
    recognizer = Recognizer([("ETF", 1)], lang="en")
    for text in ("an _E.T.F._ fee", "an _E.T.F._ f\u00e9e"):
        assert [h.text for h in recognizer.find(text)] == ["E.T.F."]


# -- the names of a glossary's terms (glossari.glossary.term_names) ----------------------------


def _term(term_id: str, title: str, english: str) -> Term:
    from glossari.model import English, Location

    return Term(id=term_id, title=title, english=English(title=english, status="translated"),
                source=Location(path=f"seeds/{term_id}.md", line=1))


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Dana Dagangan Bursa (ETF)", ["Dana Dagangan Bursa (ETF)", "Dana Dagangan Bursa", "ETF"]),
        # an acronym as the link resolver reads one (headword_acronyms): plural, dotted, mixed
        ("Amanah Pelaburan Hartanah (REITs)",
         ["Amanah Pelaburan Hartanah (REITs)", "Amanah Pelaburan Hartanah", "REITs", "REIT"]),
        ("Dana Dagangan Bursa (E.T.F.)",
         ["Dana Dagangan Bursa (E.T.F.)", "Dana Dagangan Bursa", "E.T.F."]),
        ("Akaun (simpanan)", ["Akaun (simpanan)"]),  # a gloss, not an acronym
        # an abbreviation with dots is a name as an acronym is
        ("Sendirian Berhad (Sdn. Bhd.)",
         ["Sendirian Berhad (Sdn. Bhd.)", "Sendirian Berhad", "Sdn. Bhd."]),
        ("Berhad (Bhd.)", ["Berhad (Bhd.)", "Berhad", "Bhd."]),
        # an acronym with a slash: P/E (price/earnings)
        ("Nisbah harga/pendapatan (P/E)",
         ["Nisbah harga/pendapatan (P/E)", "Nisbah harga/pendapatan", "P/E"]),
    ],
)
def test_a_headword_with_its_acronym_is_found_by_each(title: str, names: list[str]) -> None:
    from glossari.glossary import term_names

    assert term_names(_term("x", title, "X")) == names


def test_find_terms_reads_an_acronym_with_a_plural() -> None:
    from glossari.glossary import Glossary

    g = Glossary([_term("reit", "Amanah Pelaburan Hartanah (REITs)",
                        "Real estate investment trust (REIT)")])
    found = [m.text for m in g.find_terms("REIT dan REITs; amanah pelaburan hartanahnya")]
    assert found == ["REIT", "REITs", "amanah pelaburan hartanahnya"]
    assert [m.text for m in g.find_terms("Two REITs", lang="en")] == ["REITs"]


@pytest.mark.parametrize("lang", ["ms", "en"])
def test_a_currency_code_glued_to_its_amount_is_the_code(lang: Lang) -> None:
    # RM30 bilion, USD2.5: the code names the currency; a name that writes its digits (B40,
    # FTSE100) and a reduplication in the informal notation (SAHAM2) stay whole
    recognizer = Recognizer([(n, n) for n in ("RM", "USD", "B40", "FTSE100", "saham", "bilion")],
                            lang=lang)
    text = "RM30 bilion, RM2.5j, USD100 dan RM30-RM50; B40, FTSE100 dan rm30"
    assert [(h.text, h.start) for h in recognizer.find(text)] == [
        ("RM", 0), ("bilion", 5), ("RM", 13), ("USD", 21), ("RM", 32), ("RM", 37), ("B40", 43),
        ("FTSE100", 48)]
    assert [h.text for h in recognizer.find_all(text)][:2] == ["RM", "bilion"]
    assert recognizer.keys_in("Harga USD2.5") == {"USD"}
    if lang == "ms":
        assert [h.text for h in recognizer.find("SAHAM2 DIJUAL")] == ["SAHAM2"]


def test_a_name_word_written_reduplicated_is_found_after_the_first_word() -> None:
    # kunci kira-kira (balance sheet): the headword's own reduplication, not a plural, in the
    # second place of the name; it must be found as written and inflected at its end
    recognizer = Recognizer([("Kunci kira-kira", 1)], lang="ms")
    text = "Kunci kira-kira syarikat dan kunci kira-kiranya; mengira-ngira"
    assert [h.text for h in recognizer.find(text)] == ["Kunci kira-kira", "kunci kira-kiranya"]


def test_a_headword_with_a_slashed_acronym_is_found_by_its_name_alone() -> None:
    # "pendapatan" (income) is a term too: the name must win, not the word inside it
    from glossari.glossary import Glossary

    g = Glossary([_term("pe", "Nisbah harga/pendapatan (P/E)", "P/E ratio"),
                  _term("income", "Pendapatan", "Income")])
    found = [(m.term.id, m.text) for m in g.find_terms("Nisbah harga/pendapatan saham; P/E")]
    assert found == [("pe", "Nisbah harga/pendapatan"), ("pe", "P/E")]


def test_a_derived_word_reduplicated_whole() -> None:
    # the plural of a derived word: keuntungan-keuntungan (profits) on untung, informally
    # keuntungan2; clitics after the pair
    recognizer = Recognizer([("untung", 1), ("cukai", 2)], lang="ms")
    text = "Keuntungan-keuntungan, keuntungan2 dan keuntungan-keuntungannya; percukaian-percukaian"
    assert [h.text for h in recognizer.find(text)] == [
        "Keuntungan-keuntungan", "keuntungan2", "keuntungan-keuntungannya",
        "percukaian-percukaian"]
    # halves that differ are two words, not one plural
    assert [h.text for h in recognizer.find("keuntungan-kerugian")] == ["keuntungan"]


def test_an_acronym_in_full_width_capitals() -> None:
    recognizer = Recognizer([("KWSP", 1)], lang="ms")
    capitals, small = "\uff2b\uff37\uff33\uff30", "\uff4b\uff57\uff53\uff50"
    assert [h.text for h in recognizer.find(f"Caruman {capitals} dan {small}")] == [capitals]


def test_ber_before_a_derived_noun() -> None:
    # golongan berpendapatan rendah (low-income group): ber- on the noun pendapatan
    recognizer = Recognizer([("pendapatan", 1), ("pelabur", 2)], lang="ms")
    assert [h.text for h in recognizer.find("Golongan berpendapatan rendah")] == [
        "berpendapatan"]
    # only ber- on a pe(N)-...-an or ke-...-an noun: no other affix, no other derived word
    assert recognizer.find("dipendapatankan, berpelabur, memendapatan") == []


def test_a_blank_line_of_no_break_spaces_ends_a_paragraph() -> None:
    # text pasted from a web page or a word processor: the "empty" line holds a no-break space
    recognizer = Recognizer([("peniaga broker", 1)], lang="ms")
    for blank in ("", " \t", "\u00a0", "\u00a0 \u3000", "\u2007\r"):
        assert recognizer.find(f"peniaga\n{blank}\nbroker") == [], repr(blank)
    assert [h.text for h in recognizer.find("peniaga\u00a0broker")] == ["peniaga\u00a0broker"]


def test_a_closing_bracket_is_the_name_s_only_when_the_match_opened_it() -> None:
    recognizer = Recognizer([("Suruhanjaya Sekuriti (SC)", 1)], lang="ms")
    assert [h.text for h in recognizer.find("(Suruhanjaya Sekuriti SC) dan "
                                            "Suruhanjaya Sekuriti (SC).")] == [
        "Suruhanjaya Sekuriti SC", "Suruhanjaya Sekuriti (SC)"]


def test_a_plural_possessive_is_found_with_any_apostrophe_or_none() -> None:
    recognizer = Recognizer([("Employees' Provident Fund", 1)], lang="en")
    for text in ("the Employees' Provident Fund", "the Employees\u2019 Provident Fund",
                 "the employees provident fund"):
        assert [h.keys for h in recognizer.find(text)] == [(1,)], text


def test_me_pe_go_on_a_root_not_on_a_noun_made_with_an() -> None:
    # penyimpanan (storage) is pe(N)-...-an on simpan, not pe(N)- on simpanan (savings): an app's
    # "Ruang penyimpanan penuh" (storage full) names no savings; peminjaman is not pinjaman (loan)
    recognizer = Recognizer([(n, n) for n in ("simpanan", "pinjaman", "pasaran", "makan")],
                            lang="ms")
    text = "Ruang penyimpanan penuh, tarikh peminjaman, pemasaran, menyimpanan"
    assert recognizer.find(text) == []
    # the names themselves, inflected, and a root that merely ends in -an (pemakan, makan)
    assert [h.text for h in recognizer.find(
        "simpanannya, pinjaman-pinjaman, pasaran2, pemakan, dimakan")] == [
        "simpanannya", "pinjaman-pinjaman", "pasaran2", "pemakan", "dimakan"]


@pytest.mark.parametrize("blank", ["\r\r", "\r \r", "\u2029", "\u2028\u2028", "\x85\x85",
                                   "\n\r\n", "\r\n\u00a0\r\n"])
def test_a_name_does_not_run_across_a_paragraph_of_any_line_ending(blank: str) -> None:
    # classic Mac text ends its lines with CR alone; U+2029 is a paragraph separator; NEL and
    # U+2028 end lines too (str.splitlines): a blank line of any of them is a paragraph
    recognizer = Recognizer([("bank negara malaysia", 1)], lang="ms")
    assert recognizer.find(f"Bank{blank}Negara Malaysia") == []
    for one in ("\r", "\r\n", "\u2028", "\x85"):
        assert [h.keys for h in recognizer.find(f"Bank{one}Negara Malaysia")] == [(1,)], one


def test_a_very_long_word_has_no_english_bases() -> None:
    import tracemalloc

    from glossari.terms import english

    # every beginning of it, three ways, was kept: memory grew with the square of its length
    tracemalloc.start()
    try:
        assert english.bases("x" * 20_000) == []
        assert tracemalloc.get_traced_memory()[1] < 10_000_000
    finally:
        tracemalloc.stop()
    assert "tax" in english.bases("taxation")


def test_find_terms_reads_a_malay_text_that_borrows_an_acronyms_english_plural() -> None:
    """Malay financial text writes ``REITs`` for the plural of *REIT*: ``find -l en`` and
    ``search`` found it, ``find`` in Malay (and T401, termcheck) did not. In capitals only, as
    every acronym: ``reits`` and ``bons`` are no forms."""
    from glossari.glossary import Glossary

    g = Glossary([_term("reit", "Amanah Pelaburan Hartanah (REIT)",
                        "Real estate investment trust (REIT)"),
                  _term("bon", "Bon", "Bond")])
    found = [(m.text, m.term.id) for m in g.find_terms("REITs di Malaysia; reits, bons, BONs")]
    assert found == [("REITs", "reit")]


@given(st.sampled_from(["pelaburan", "saham", "dividen", "komisen", "pinjaman", "caruman"]),
       st.sampled_from(["", "syarikat "]), st.sampled_from(["{w}", "{w}-{w}", "{w}nya",
                                                           "{w}-{w}nya", "{w}2"]))
def test_a_name_written_with_its_possessive_names_the_word_without_it(
        word: str, before: str, form: str) -> None:
    # a link-only term known only as [pelaburannya](/investment) is found in "pelaburan"
    # (a compound reduplicates its first word only: syarikat-syarikat pelaburan)
    if before and form != "{w}nya":
        form = "{w}"
    recognizer = Recognizer([(f"{before}{word}nya", 1)], lang="ms")
    text = f"Bank itu menambah {before}{form.format(w=word)} tahun ini."
    assert [h.keys for h in recognizer.find(text)] == [(1,)]


@pytest.mark.parametrize("name", ["hanya", "punya", "jumlah", "langkah"])
def test_a_word_that_only_ends_like_a_clitic_keeps_it(name: str) -> None:
    recognizer = Recognizer([(name, 1)], lang="ms")
    assert recognizer.find(f"Ia {name[:-3]} di sini.") == []
    assert [h.text for h in recognizer.find(f"Ia {name} di sini.")] == [name]


@given(name=st.sampled_from(["Ha", "Ke", "Pu", "SC", "RM"]),
       possessive=st.sampled_from(["", "nya", "ku", "mu"]),
       particle=st.sampled_from(["", "lah", "kah", "pun", "tah"]),
       mark=st.sampled_from(["-", "'", "\u2019"]), longer=st.sampled_from(["Bon", "KWSP"]))
@settings(max_examples=60, deadline=None)
def test_a_clitic_glued_to_two_letters_is_a_word_of_its_own(
        name: str, possessive: str, particle: str, mark: str, longer: str) -> None:
    """``find`` read ``hanya`` as *Ha* with ``-nya`` and ``kenya`` as *Ke*, where docs/terms.md
    says ``hanya`` is a word of its own: a clitic is cut off by rule only where it leaves three
    letters, and a two-letter name ends before clitics only where a hyphen or an apostrophe
    says so (``SC-nya``, ``Ha\u2019nya``); a longer name takes them glued (``Bonnya``,
    ``KWSPnya``)."""
    clitics = possessive + particle
    if not clitics:
        return
    recognizer = Recognizer([(name, 1), (longer, 2)], lang="ms")
    glued, marked = name + clitics, f"{name}{mark}{clitics}"
    for written in (glued, glued.lower()):
        assert recognizer.find(f"Dia {written} mahu.") == [], written
    assert [(h.keys, h.text) for h in recognizer.find(f"Dia {marked} mahu.")] == [
        ((1,), marked)]
    assert [(h.keys, h.text) for h in recognizer.find(f"Dia {longer}{clitics} mahu.")] == [
        ((2,), longer + clitics)]


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
def test_an_acronym_with_the_english_possessive_in_malay_text(apostrophe: str) -> None:
    """Malay text borrows an acronym's English possessive as it does its plural (``REITs``):
    ``FINRA's`` and ``FINRA\u2019s`` found nothing; a Malay word takes no ``'s`` (``saham's``),
    and an acronym matches in capitals only."""
    recognizer = Recognizer([("FINRA", 1), ("Saham", 2), ("P/E", 3), ("REIT", 4)], lang="ms")
    s = apostrophe + "s"
    text = (f"Peraturan FINRA{s} ketat, nisbah P/E{s} tinggi, REIT{s} dan "
            f"(FINRA{s}); bukan finra{s} atau saham{s}.")
    assert [(h.text, h.keys) for h in recognizer.find(text)] == [
        (f"FINRA{s}", (1,)), (f"P/E{s}", (3,)), (f"REIT{s}", (4,)), (f"FINRA{s}", (1,))]
    if apostrophe != "\u02bc":  # after the last dot of an acronym with dots, and a plural's
        assert [h.text for h in recognizer.find(
            f"F.I.N.R.A.{s} dan f.i.n.r.a.{s}, REITs{apostrophe}")] == [f"F.I.N.R.A.{s}", "REITs"]


_MARKED = ["a", "É", "e\u0301", "и", "й", "и\u0306", "Ў", "ї", "ё", "葛", "\U000e0100", "\ufe0f",
           "\u034f", "क", "्", "र", "ा", "स", "\u064e", "\u0647", "ß", "\ufb01", " ", "-",
           "\uff2b"]


@given(st.lists(st.sampled_from(_MARKED), max_size=12).map("".join))
@settings(max_examples=200, deadline=None)
def test_find_folds_a_name_s_marks_as_its_key_does(text: str) -> None:
    """find's fold kept variation selectors (葛 with one was no 葛), dropped viramas (क्रम was
    करम) and read й as и, where a name's key (glossari.text.lookup_key) does the opposite of
    each: one rule now, glossari.text.without_accents."""
    from glossari.terms import fold
    from glossari.text import lookup_key

    folded = "".join(c for c in fold(text) if c.isalnum() or unicodedata.category(c)[0] == "M")
    assert folded == lookup_key(text)


def test_find_reads_a_virama_and_a_letter_of_its_own() -> None:
    from glossari.terms import fold

    assert fold("क्रम") != fold("करम")
    assert fold("акций") != fold("акции")
    assert fold("葛\U000e0100") == fold("葛")


@pytest.mark.parametrize("text", ["Peniaga\n<br>\nbroker dan komisen",
                                  "Peniaga \r\n <BR/> \r\nbroker dan komisen",
                                  "Peniaga<br>\nbroker dan komisen"])
def test_one_line_break_on_a_line_of_its_own_parts_no_name(text: str) -> None:
    """``Peniaga\\n<br>\\nbroker`` reads as two lines (HTML takes a newline for a space), but the
    tag blanked between two newlines was a blank line, and *peniaga broker* was missed."""
    assert [h.text for h in _malay().find(text)] == [text[:-len(" dan komisen")], "komisen"]


def test_a_line_break_keeps_the_list_item_after_it_apart() -> None:
    assert [h.text for h in _malay().find("Peniaga<br>\n- broker dan komisen")] == ["komisen"]


def test_a_name_word_opening_on_di_takes_derivation() -> None:
    # `di-` makes a passive verb no affix goes round, so a name word opening on `di` is a root:
    # `Berdividen tinggi` found no Dividen (dividen was read as di- on `viden`)
    recognizer = Recognizer([("Dividen", 1), ("Digital", 2), ("Pelabur", 3)], lang="ms")
    text = "Saham berdividen tinggi, pendigitalan dan didividenkan; pelaburan, berpelabur"
    assert [(h.text, h.keys) for h in recognizer.find(text)] == [
        ("berdividen", (1,)), ("pendigitalan", (2,)), ("didividenkan", (1,))]


@pytest.mark.parametrize("clitic", ["nya", "-nya", "\u2019nya", "nyalah", "-nya-lah", "ku", "-pun"])
def test_clitics_after_a_name_s_closing_bracket_are_the_name_s(clitic: str) -> None:
    # `Kadar Dasar Semalaman (OPR)nya` left the clitic out of the match, as after no other
    # acronym (OPRnya, OPR-nya); a word that is no clitic stays outside
    recognizer = Recognizer([("Kadar Dasar Semalaman (OPR)", 1), ("Saham", 2)], lang="ms")
    text = (f"Kadar dasar semalaman (OPR){clitic} dan saham (OPR)naik, "
            "Kadar Dasar Semalaman (OPR)-naik")
    assert [h.text for h in recognizer.find(text)] == [
        f"Kadar dasar semalaman (OPR){clitic}", "saham", "Kadar Dasar Semalaman (OPR)"]
    english = Recognizer([("Overnight Policy Rate (OPR)", 1)], lang="en")
    assert [h.text for h in english.find(f"the Overnight Policy Rate (OPR){clitic}")] == [
        "Overnight Policy Rate (OPR)"]


@pytest.mark.parametrize("lang", ["ms", "en"])
def test_a_very_long_name_in_its_own_translation_costs_linear_time(lang: Lang) -> None:
    # every start of a text repeating one long name (a headword translated as "Bond kata " *
    # 30000, read back by termcheck in a catalog) was walked to the text's end: quadratic,
    # 15,000 words took a minute; a walk stops where the name needs more words than are left
    name = "Bond kata " * 10_000
    recognizer = Recognizer([(name, "bon"), ("kata", "kata")], lang=lang)
    assert recognizer.keys_in(name) == {"bon", "kata"}
    assert recognizer.keys_in(name[: len(name) // 2]) == {"kata"}
    assert [h.keys for h in recognizer.find(name)] == [("bon",)]
    costs_like(lambda: (recognizer.keys_in(name), recognizer.find(name)),
               lambda: (recognizer.keys_in("Bons kata " * 10_000),
                        recognizer.find("Bons kata " * 10_000)))


@settings(max_examples=200, deadline=None)
@given(names=st.lists(st.lists(st.sampled_from(["bon", "kata", "saham", "dan", "of"]),
                               min_size=1, max_size=5), min_size=1, max_size=6),
       text=st.lists(st.sampled_from(["bon", "kata", "saham", "dan", "of", "x", "saham-saham",
                                      "bonnya", "bonds"]), max_size=14),
       lang=st.sampled_from(["ms", "en"]))
def test_a_walk_cut_short_by_the_words_left_finds_what_a_whole_walk_finds(
        names: list[list[str]], text: list[str], lang: Lang) -> None:
    """The walk of the names' tree stops where every name below needs more words than the
    text has left: it finds exactly what walking on to the text's end finds."""
    from glossari.terms import matcher

    pairs = [(" ".join(words), k) for k, words in enumerate(names)]
    joined = " ".join(text)
    cut = Recognizer(pairs, lang=lang)
    whole = Recognizer(pairs, lang=lang)
    stack: list[matcher._Node[int]] = [whole._root]
    while stack:  # every node as before the cut: each walk goes on while words are left
        node = stack.pop()
        node.deeper = 1
        stack.extend(node.children.values())
    assert cut.find_all(joined) == whole.find_all(joined)
    assert cut.keys_in(joined) == whole.keys_in(joined)


@settings(max_examples=200, deadline=None)
@given(names=st.lists(st.lists(st.sampled_from(["bon", "kata", "saham", "dan", "of", "ETF",
                                                "saham-saham"]),
                               min_size=1, max_size=5), min_size=1, max_size=6),
       text=st.lists(st.sampled_from(["bon", "kata", "saham", "dan", "of", "x", "saham-saham",
                                      "bonnya", "bonds", "ETF", "etf", "ETFnya", "ETFs"]),
                     max_size=16),
       lang=st.sampled_from(["ms", "en"]))
def test_keys_in_walks_no_name_already_found_and_finds_what_find_all_finds(
        names: list[list[str]], text: list[str], lang: Lang) -> None:
    """keys_in stops walking into names it has already found: it gives exactly the keys of
    every hit find_all (which walks every start to its end) gives."""
    pairs = [(" ".join(words), k % 3) for k, words in enumerate(names)]
    joined = " ".join(text)
    recognizer = Recognizer(pairs, lang=lang)
    assert recognizer.keys_in(joined) == {k for h in recognizer.find_all(joined) for k in h.keys}


@pytest.mark.parametrize("lang", ["ms", "en"])
def test_keys_in_of_a_long_name_written_twice_costs_steps_in_proportion_to_its_length(
        lang: Lang, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each start of a text that writes one long name twice walked the whole name again to
    find the same key (8,000 words: 49 s): the steps of the walk (one separator read per word
    walked into) grow as the text does, not as its square."""
    from glossari.terms import matcher

    steps = 0
    separator = matcher._separator

    def counting(text: str, start: int, end: int) -> str | None:
        nonlocal steps
        steps += 1
        return separator(text, start, end)

    monkeypatch.setattr(matcher, "_separator", counting)
    counts = []
    for reps in (200, 400, 800):
        name = "Bond kata " * reps
        recognizer = Recognizer([(name, "bon"), ("saham-saham", "saham")], lang=lang)
        steps = 0
        assert recognizer.keys_in(name + name) == {"bon"}
        counts.append(steps)
    assert counts[2] <= 2.5 * counts[1] <= 2.5 * 2.5 * counts[0]
    assert counts[2] <= 4 * 2 * 2 * 800


_ROOTS = ("wasiat", "cukai", "labur", "waris", "nilai", "rumah", "lindung", "yakin", "modal")
_VERB_PREFIXES = ("di", "diper", "ter", "memper", "me")
_CLITIC_ENDS = ("", "nya", "lah", "nyalah", "kah")


def _me(root: str) -> str:
    """``me(N)-`` on ``root``, by nasal assimilation (the forms malay._nasal undoes)."""
    first = root[0]
    if first in "lmnrwy":
        return "me" + root
    if first in "aeiou" or first in "gh":
        return "meng" + root
    return {"k": "meng" + root[1:], "p": "mem" + root[1:], "t": "men" + root[1:],
            "s": "meny" + root[1:], "b": "mem" + root, "c": "men" + root,
            "d": "men" + root}.get(first, "me" + root)


@settings(max_examples=80, deadline=None)
@given(root=st.sampled_from(_ROOTS), prefix=st.sampled_from(_VERB_PREFIXES),
       suffix=st.sampled_from(("", "kan", "i")), clitic=st.sampled_from(_CLITIC_ENDS),
       twice=st.booleans())
def test_a_verb_made_on_a_word_is_a_verb_and_the_word_itself_is_not(
        root: str, prefix: str, suffix: str, clitic: str, twice: bool) -> None:
    """Every verb the analyser reads as a form of ``root`` (``di-``, ``diper-``, ``ter-``,
    ``memper-``, ``me(N)-``, with or without ``-kan``/``-i``, clitics after, the root
    reduplicated inside) is a verb by :func:`malay.makes_a_verb`, so T401 and termcheck take
    it for no use of a noun term; the word itself, with clitics or reduplicated, never is."""
    from glossari.terms import malay

    front = _me(root) if prefix == "me" else prefix + root
    verb = (f"{front}-{root}" if twice else front) + suffix + clitic
    if any(a.root == root for a in malay.analyse(verb)):
        assert malay.makes_a_verb(verb, root), verb
    for noun in (root + clitic, f"{root}-{root}{clitic}", f"{root}2{clitic}"):
        assert any(a.root == root for a in malay.analyse(noun)), noun
        assert not malay.makes_a_verb(noun, root), noun


_REFERENCE_NAMES = ("Wasiat", "Pelaburan", "Ékuiti", "Saham biasa", "Peniaga broker", "P/E")


def _reference(char: str, style: int) -> str:
    """``char`` written as an HTML character reference: decimal, hex with leading zeros, or
    by its name where HTML gives it one."""
    import html.entities

    if style == 2:
        named = next((n for n, c in sorted(html.entities.html5.items())
                      if c == char and n.endswith(";")), None)
        if named is not None:
            return f"&{named}"
    return f"&#{ord(char)};" if style == 0 else f"&#x{ord(char):06X};"


@settings(max_examples=120, deadline=None)
@given(name=st.sampled_from(_REFERENCE_NAMES), where=st.integers(0, 20),
       style=st.integers(0, 2), clitic=st.sampled_from(["", "nya"]))
def test_a_character_reference_in_a_word_is_its_character(
        name: str, where: int, style: int, clitic: str) -> None:
    """``pel&#97;buran`` is ``pelaburan`` to a reader of the HTML: the reference was read as a
    blank, which cut the word in two, so find, T401 and termcheck missed the term. Any
    character of a name written as a reference (a letter, an accented one, the ``/`` of
    ``P/E``) finds the name, and the match covers the reference as written."""
    recognizer = Recognizer([(n, n) for n in _REFERENCE_NAMES], lang="ms")
    at = [k for k, c in enumerate(name) if not c.isspace()][where % len(name.replace(" ", ""))]
    written = name[:at] + _reference(name[at], style) + name[at + 1:]
    if name != "P/E":
        written += clitic
    text = f"Dia menyemak {written}, bukan yang lain."
    assert [(h.text, h.keys) for h in recognizer.find(text)] == [(written, (name,))]


@pytest.mark.parametrize("dash", ["&mdash;", "&#8212;", "&#x2014;", " &ndash; ", " &#45; "])
def test_a_dash_written_as_a_reference_parts_two_words_as_the_dash_does(dash: str) -> None:
    """``peniaga&mdash;broker`` read the dash as a blank and found *peniaga broker*, which
    ``peniaga—broker`` is not: a reference is the character it stands for."""
    recognizer = Recognizer([("Peniaga broker", 1), ("Peniaga", 2)], lang="ms")
    plain = html.unescape(dash)
    assert [h.text for h in recognizer.find(f"Peniaga{plain}broker")] == ["Peniaga"]
    assert [h.text for h in recognizer.find(f"Peniaga{dash}broker")] == ["Peniaga"]


_JOINERS = ["-", "\u2010", "\u2011", "'", "\u2019"]


@settings(max_examples=120, deadline=None)
@given(word=st.sampled_from(["komisen", "saham", "eksekutif", "pelaburan"]),
       joiner=st.sampled_from(_JOINERS), style=st.integers(0, 2),
       clitic=st.sampled_from(["", "nya", "lah"]))
def test_a_hyphen_written_as_a_reference_joins_a_reduplicated_word_as_the_hyphen_does(
        word: str, joiner: str, style: int, clitic: str) -> None:
    """``komisen&#8209;komisen`` (a non-breaking hyphen written as a reference) gave two
    matches where ``komisen\u2011komisen`` gives one reduplicated word: the reference stands
    for its character, and the zero-width spaces that keep its place split the word after a
    hyphen. A word joined by any hyphen or apostrophe written as a reference is the word
    joined by the character itself, and the match covers the reference as written."""
    recognizer = Recognizer([("Komisen", "k"), ("Saham", "s"), ("Eksekutif akaun", "e"),
                             ("Pelaburan", "p")], lang="ms")
    tail = (" akaun" if word == "eksekutif" else "") + clitic
    written = word + _reference(joiner, style) + word
    plain = word + joiner + word
    expect = [(h.keys, h.start, h.end - len(plain))
              for h in recognizer.find(f"Dia menyemak {plain}{tail} semalam.")]
    assert [(h.keys, h.start, h.end - len(written))
            for h in recognizer.find(f"Dia menyemak {written}{tail} semalam.")] == expect
    if joiner not in APOSTROPHES:
        assert len(expect) == 1


@settings(max_examples=80, deadline=None)
@given(first=st.sampled_from(APOSTROPHES), second=st.sampled_from(APOSTROPHES),
       hyphen=st.sampled_from(["-", "\u2011"]), clitic=st.sampled_from(["", "nya", "-nya"]))
def test_a_word_ending_in_an_apostrophe_written_reduplicated_is_one_word(
        first: str, second: str, hyphen: str, clitic: str) -> None:
    """``tabarru'-tabarru'`` gave two matches of *Tabarru'* (the apostrophe before the hyphen
    ended the word), and ``show "tabarru'-tabarru'"`` found no term: a word ending in an
    apostrophe, the ain of an Arabic loanword, reduplicated is one word, as
    ``komisen-komisen`` is, for find and for lookups (``malay_key``)."""
    from glossari.align.resolve import malay_key

    recognizer = Recognizer([("Tabarru'", "t"), ("Tabarru' am", "a")], lang="ms")
    written = f"tabarru{first}{hyphen}tabarru{second}"
    text = f"Peserta membayar {written}{clitic} setiap bulan."
    assert [(h.text, h.keys) for h in recognizer.find(text)] == [(written + clitic, ("t",))]
    if not clitic:
        assert [h.keys for h in recognizer.find(f"Dana {written} am ini.")] == [("a",)]
    assert malay_key(written) == malay_key("Tabarru'")


@settings(max_examples=120, deadline=None)
@given(root=st.sampled_from(["cair", "wasiat", "komisen", "labur", "untung"]),
       affixes=st.sampled_from([("di", "kan"), ("di", "i"), ("me", "kan"), ("ber", ""),
                                ("ter", "kan"), ("", "")]),
       clitic=st.sampled_from(["", "nya", "lah"]))
def test_reduplication_with_a_2_inside_affixes_is_the_reduplication_written_out(
        root: str, affixes: tuple[str, str], clitic: str) -> None:
    """``dicair2kan`` (informal for ``dicair-cairkan``) was not analysed: the ``2`` doubled
    the whole of ``dicair``, and ``dicair-dicairkan`` is no Malay word. A ``2`` after a
    prefixed root doubles the root, the affixes round the pair, as written out."""
    from glossari.terms.malay import makes_a_verb

    recognizer = Recognizer([(n, n) for n in ("Cair", "Wasiat", "Komisen", "Labur",
                                              "Untung")], lang="ms")
    prefix, suffix = affixes
    if prefix == "me":  # me(N)- keeps the root's first letter before these (mencair, melabur)
        prefix = {"c": "men", "l": "me", "w": "me", "k": "", "u": ""}[root[0]]
    head = prefix + root
    written, two = f"{head}-{root}{suffix}{clitic}", f"{head}2{suffix}{clitic}"
    expect = [(h.keys, h.start) for h in recognizer.find(f"Ia {written} semalam.")]
    assert expect, written
    assert [(h.keys, h.start) for h in recognizer.find(f"Ia {two} semalam.")] == expect
    assert makes_a_verb(two, root) is makes_a_verb(written, root)


@pytest.mark.parametrize("written", ["komisen\u2011komisen", "Komisen\u2010komisen",
                                     "tabarru'-tabarru'", "Tabarru\u2019\u2011tabarru\u2019"])
def test_lookup_reads_a_reduplication_joined_by_any_hyphen_find_reads(written: str) -> None:
    """``show "komisen\u2011komisen"`` (a non-breaking hyphen, as a word processor writes it) found
    no term, where ``find`` reads the word as *Komisen* reduplicated: lookup tried the
    reduplication only for a hyphen-minus."""
    from glossari.glossary import Glossary
    from glossari.model import Location

    terms = [Term(id=i, title=t, source=Location(path=f"seeds/{i}.md", line=1))
             for i, t in (("komisen", "Komisen"), ("tabarru", "Tabarru'"))]
    assert Glossary(terms).lookup(written).id == ("komisen" if "om" in written else "tabarru")


@settings(max_examples=40, deadline=None)
@given(word=st.sampled_from(["Komisen", "Saham", "Eksekutif akaun"]),
       clitic=st.sampled_from(["", "nya"]), upper=st.booleans())
def test_lookup_reads_reduplication_with_a_2_as_find_does(
        word: str, clitic: str, upper: bool) -> None:
    """``show komisen2`` found no term where ``find`` reads *komisen2* as *Komisen*
    reduplicated: lookup read a reduplication written out (``komisen-komisen``) only."""
    from glossari.glossary import Glossary
    from glossari.model import Location

    terms = [Term(id=w.replace(" ", ""), title=w, source=Location(path="seeds/x.md", line=1))
             for w in ("Komisen", "Saham", "Eksekutif akaun", "B40")]
    first, _, rest = word.partition(" ")
    written = f"{first}2 {rest}".strip() + clitic
    glossary = Glossary(terms)
    assert glossary.lookup(written.upper() if upper else written).title == word
    assert glossary.lookup("B40").title == "B40"


@given(name=st.sampled_from(["Ha", "Ke", "SC", "RM"]),
       possessive=st.sampled_from(["nya", "ku", "mu"]),
       particle=st.sampled_from(["", "lah", "kah"]),
       mark=st.sampled_from(["-", "'", "\u2019", "\u2011"]),
       particle_mark=st.sampled_from(["", "-"]))
@settings(max_examples=60, deadline=None)
def test_a_two_letter_name_reduplicated_with_clitics_is_one_match(
        name: str, possessive: str, particle: str, mark: str, particle_mark: str) -> None:
    """``ha-ha-nya`` gave two matches of *Ha* (``ha`` and ``ha-nya``), where
    ``komisen-komisen-nya`` is one: the clitic after the hyphen was glued to the second half
    (``ha-hanya``), which reads as ``hanya`` does, a word of its own, so the pair was no
    reduplication. The mark says where a two-letter word ends, reduplicated too."""
    clitics = possessive + (particle_mark + particle if particle else "")
    recognizer = Recognizer([(name, 1), ("Komisen", 2)], lang="ms")
    for half in (name, name.lower()) if name.istitle() else (name,):
        written = f"{half}-{half}{mark}{clitics}"
        assert [(h.keys, h.text) for h in recognizer.find(f"Dia {written} mahu.")] == [
            ((1,), written)], written
    # glued, the clitic still makes a word of its own of the second half (hanya)
    assert [h.text for h in recognizer.find(f"Dia {name}-{name}{possessive} mahu.")] == [name]
    komisen = f"komisen-komisen{mark}{clitics}"
    assert [(h.keys, h.text) for h in recognizer.find(f"Dia {komisen} mahu.")] == [
        ((2,), komisen)]


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(["Tabarru'", "Qur'an", "Ta'awun"]),
       apostrophe=st.sampled_from(APOSTROPHES), clitic=st.sampled_from(["", "nya", "lah"]))
def test_a_word_with_an_apostrophe_reduplicated_with_a_2_is_the_pair(
        name: str, apostrophe: str, clitic: str) -> None:
    """``tabarru'2`` (the informal ``2`` after the ain of an Arabic loanword) found nothing,
    where ``tabarru'-tabarru'`` is *Tabarru'*: the ``2`` doubled only a word of letters, so
    neither the apostrophe before it nor one inside the word (``qur'an2``) was read; nor
    did ``Glossary.lookup`` (``show``) read it."""
    from glossari.glossary import Glossary
    from glossari.model import Location

    recognizer = Recognizer([(name, 1), ("Komisen", 2)], lang="ms")
    written = name.replace("'", apostrophe)
    two, pair = f"{written}2{clitic}", f"{written}-{written}{clitic}"
    assert [(h.keys, h.start) for h in recognizer.find(f"Ia membayar {pair} semalam.")] == [
        ((1,), 12)]
    assert [(h.keys, h.text) for h in recognizer.find(f"Ia membayar {two} semalam.")] == [
        ((1,), two)]
    terms = [Term(id="t", title=name, source=Location(path="seeds/t.md", line=1))]
    assert Glossary(terms).lookup(two.removesuffix(clitic)).id == "t"


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(["Qur'an", "Ta'awun", "Syar'i", "Tabarru'"]),
       first=st.sampled_from(APOSTROPHES), second=st.sampled_from(APOSTROPHES),
       upper=st.booleans())
def test_a_word_with_an_apostrophe_inside_reduplicated_has_the_word_s_key(
        name: str, first: str, second: str, upper: bool) -> None:
    """``malay_key("qur'an-qur'an")`` was ``quranquran``, so ``show "qur'an-qur'an"`` found no
    term and a link ``[qur'an-qur'an](/x)`` named none, where find reads the pair as
    *Qur'an*: the reduplication was read only on a word of letters, an apostrophe at its end
    aside (``tabarru'-tabarru'``)."""
    from glossari.align.resolve import malay_key
    from glossari.glossary import Glossary
    from glossari.model import Location

    half = name.lower()
    written = f"{name.replace(chr(39), first)}-{half.replace(chr(39), second)}"
    if upper:
        written = written.upper()
    assert malay_key(written) == malay_key(name)
    terms = [Term(id="t", title=name, source=Location(path="seeds/t.md", line=1)),
             Term(id="k", title="Komisen", source=Location(path="seeds/k.md", line=1))]
    glossary = Glossary(terms)
    assert glossary.lookup(written).id == "t"
    assert glossary.lookup(name.replace("'", first) + "2").id == "t"
    recognizer = Recognizer([(name, 1)], lang="ms")
    assert [(h.keys, h.text) for h in recognizer.find(f"Baca {written}nya.")] == [
        ((1,), written + "nya")]


@settings(max_examples=80, deadline=None)
@given(marks=st.permutations(["/", "&"]), letters=st.sampled_from(["PE", "MA", "RD"]),
       text_mark=st.sampled_from(["/", "&", " / ", " & "]), capitals=st.booleans(),
       lenient=st.booleans())
def test_capitals_joined_by_a_mark_are_found_by_their_own_mark(
        marks: list[str], letters: str, text_mark: str, capitals: bool, lenient: bool) -> None:
    """With *P&E* (loji dan peralatan) and *P/E* (harga/pendapatan) in one glossary, ``find``
    gave ``P/E`` as *P&E* (and the checks ``p/e`` as both): two names of one word list shared
    their place and the marks either wrote, and the text's ``/`` was any of them. A name's
    own mark, or a plain gap, will do between its words (docs/terms.md), no other's."""
    first, second = letters
    names = [(f"{first}{mark}{second}", mark) for mark in marks]
    recognizer = Recognizer(names, lang="ms", acronyms_in_capitals=not lenient)
    written = f"{first}{text_mark}{second}"
    if not capitals:
        written = written.lower()
    found = recognizer.keys_in(f"Nisbah {written} naik.")
    if capitals or lenient:
        assert found == {text_mark.strip()}
        hits = recognizer.find(f"Nisbah {written} naik.")
        assert [(h.keys, h.text) for h in hits] == [((text_mark.strip(),), written)]
    else:
        assert found == set()
    # a plain gap will do for either (the first given wins in find, as for any shared name)
    assert [h.keys for h in recognizer.find(f"Nisbah {first} {second} naik.")] == [
        (marks[0],)]


@pytest.mark.parametrize("written", ["REITs", "REIT's", "REIT\u2019s", "P/Es", "P/E's", "P/Enya",
                                     "M&Anya", "M&As", "M&A's", "REITnya", "P/E-nya"])
def test_the_checks_read_an_acronym_s_borrowed_endings_as_find_does(written: str) -> None:
    """The checks' recogniser (acronyms in any case: does a translation *have* the term) did
    not read the endings Malay text borrows on an acronym, which ``find`` reads: ``REITs``,
    ``P/E's`` and ``M&Anya`` were no *REIT*, *P/E*, *M&A*, so termcheck told a Malay
    translation writing them that it lacked the term; the acronym was known only by the
    capitals it is matched in."""
    names = [("REIT", 1), ("P/E", 2), ("M&A", 3), ("Saham", 4)]
    text = f"Pelabur membeli {written} semalam."
    strict = Recognizer(names, lang="ms").keys_in(text)
    assert strict
    for lenient_text in (text, text.lower()):
        assert Recognizer(names, lang="ms", acronyms_in_capitals=False).keys_in(
            lenient_text) == strict, lenient_text
    # a Malay word takes no English ending, in any case (saham's, sahams)
    assert Recognizer(names, lang="ms", acronyms_in_capitals=False).keys_in(
        "Dia membeli sahams dan saham's.") == set()


@settings(max_examples=40, deadline=None)
@given(apostrophe=st.sampled_from(APOSTROPHES), end=st.sampled_from(["\n", "\r\n", "\u2028"]),
       clitic=st.sampled_from(["", "nya"]))
def test_a_word_ending_in_an_apostrophe_reduplicated_across_a_line_is_one_word(
        apostrophe: str, end: str, clitic: str) -> None:
    """``tabarru'-⏎tabarru'`` (a reduplication cut at a line's end, printed or PDF text) gave
    two matches of *Tabarru'*, where ``komisen-⏎komisen`` and ``tabarru'-tabarru'`` are one:
    the apostrophe before the line-end hyphen kept the two halves apart."""
    recognizer = Recognizer([("Tabarru'", 1), ("Komisen", 2)], lang="ms")
    written = f"tabarru{apostrophe}-{end}tabarru{apostrophe}{clitic}"
    hits = recognizer.find(f"Peserta membayar {written} setiap bulan.")
    assert [(h.keys, h.text) for h in hits] == [((1,), written)]


@pytest.mark.parametrize("lang", ["en", "ms"])
@pytest.mark.parametrize("acronym", ["R&D", "AT&T", "P&L", "M&S", "B/L"])
@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_an_acronym_ending_in_an_article_s_letter_takes_the_possessive(
        lang: Lang, acronym: str, apostrophe: str) -> None:
    """``R&D's``, ``AT&T's`` and ``P&L's`` found nothing where ``M&A's`` is *M&A*: the last
    capital and its apostrophe were read as a French article elided (``d'``, ``t'``, ``l'``),
    before a consonant, where docs/terms.md says an article is elided before a vowel."""
    recognizer = Recognizer([(acronym, 1), ("Impôt", 2), ("Action", 3)], lang=lang)
    written = f"{acronym}{apostrophe}s"
    assert [(h.keys, h.text) for h in recognizer.find(f"The {written} budget.")] == [
        ((1,), written)]
    french = Recognizer([("Impôt", 2), ("Action", 3), ("Hôpital", 4)], lang="en")
    text = (f"le taux de l{apostrophe}impôt, d{apostrophe}actions, qu{apostrophe}un "
            f"l{apostrophe}hôpital, l{apostrophe}Écu")
    assert [h.keys for h in french.find(text)] == [(2,), (3,), (4,)]


@pytest.mark.parametrize("lang", ["en", "ms"])
@pytest.mark.parametrize("written", ["S&P500", "S&P500's", "S&P 500", "FTSE100", "RM30"])
def test_one_capital_of_joined_capitals_glued_to_a_number_is_cut_as_two_are(
        lang: Lang, written: str) -> None:
    """``S&P500`` (as financial news writes the index) found no *S&P 500*, where ``FTSE100``
    is *FTSE 100* and ``RM30`` *RM*: only two capitals or more glued to a number were cut
    from it, and the ``P`` of ``S&P`` is one."""
    if lang == "ms" and "'" in written:
        return  # a Malay name that is no acronym takes no English possessive (saham's)
    names = [("S&P 500", 1), ("FTSE 100", 2), ("RM", 3), ("B40", 4)]
    recognizer = Recognizer(names, lang=lang)
    hits = recognizer.find(f"Indeks {written} naik, kata B40.")
    expected = [3] if written == "RM30" else [2] if written == "FTSE100" else [1]
    assert [h.keys[0] for h in hits] == [*expected, 4]
    assert hits[0].text == (written if written != "RM30" else "RM")


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(["Cukai pendapatan", "Peniaga broker", "Dana lindung nilai"]),
       clitic=st.sampled_from(["", "nya", "-nya"]), two=st.booleans())
def test_a_compound_written_with_hyphens_its_first_word_reduplicated_is_one_match(
        name: str, clitic: str, two: bool) -> None:
    """``Cukai-cukai-pendapatan`` gave *Cukai* and then *Cukai pendapatan* from its second
    half, where ``cukai-cukai pendapatan`` and ``cukai-pendapatan`` are one match: the parts
    of a hyphenated word were each a word, so the reduplicated first word was two."""
    words_ = name.lower().split()
    recognizer = Recognizer([(name, 1), (name.split()[0], 2)], lang="ms")
    first = f"{words_[0]}2" if two else f"{words_[0]}-{words_[0]}"
    written = "-".join([first.capitalize(), *words_[1:]]) + clitic
    assert [(h.keys, h.text) for h in recognizer.find(f"Semua {written} dibayar.")] == [
        ((1,), written)]


_INFLECTED_TERMS = (
    ("suruhanjaya-sekuriti", "Suruhanjaya Sekuriti (SC)", "Securities Commission (SC)"),
    ("saham", "Saham", "Stock"), ("peniaga-broker", "Peniaga broker", "Broker-dealer"),
    ("kwsp", "Kumpulan Wang Simpanan Pekerja (KWSP)", "Employees Provident Fund (EPF)"),
    ("surat-kredit", "Surat kredit", "Letter of credit"), ("cukai", "Cukai", "Tax"),
    ("ekuiti", "Ékuiti", "Equity"))


def _inflected_glossary(*extra: tuple[str, str, str]) -> object:
    from glossari.glossary import Glossary
    from glossari.model import English, Location

    return Glossary([Term(id=i, title=ms, source=Location(path=f"seeds/{i}.md", line=1),
                          english=English(title=en, status="translated"))
                     for i, ms, en in (*_INFLECTED_TERMS, *extra)])


@settings(max_examples=80, deadline=None)
@given(name=st.sampled_from(["SC", "Saham", "Peniaga broker", "KWSP", "Ékuiti",
                             "Kumpulan Wang Simpanan Pekerja (KWSP)", "saham-saham",
                             "Peniaga-peniaga broker", "Surat kredit"]),
       ending=st.sampled_from(["nya", "-nya", "\u2019nya", "lah", "-nyalah", "kah", "pun",
                               "nyakah", "-lah"]),
       english=st.sampled_from(["stocks", "Broker-dealers", "broker-dealer's", "EPF's",
                                "securities commissions", "Letters of credit", "taxes",
                                "Equity's", "stock\u2019s"]),
       upper=st.booleans())
def test_lookup_answers_the_name_an_inflection_on_its_end_is_a_form_of(
        name: str, ending: str, english: str, upper: bool) -> None:
    """``show SC-nya``, ``show sahamlah``, ``show Broker-dealers`` found no term where ``find``
    reads each, whole, as one term's name (a clitic after two letters or other than ``-nya``,
    an English plural or possessive): lookup now reads the name back to the names it may be a
    form of (terms.end_bases, the recogniser's rules) and answers the term find reads; a text
    find reads as two terms, or a derivation, is still no name."""
    glossary = _inflected_glossary()
    for text, lang in ((name + ending, "ms"), (english, "en")):
        if name == "SC" and ending[0] not in "-\u2019" and lang == "ms":
            continue  # SCnya: no clitic is cut by rule off two letters (docs/terms.md)
        text = text.upper() if upper else text
        [match] = glossary.find_terms(f"Lihat {text} sahaja.", lang=lang)
        assert match.text == text
        assert glossary.lookup(text) is match.term, text
    for miss in (f"saham {name}{ending}", f"{english} rumah", "Percukaian", "hanya"):
        with pytest.raises(KeyError):
            glossary.lookup(miss)


def test_lookup_prefers_the_name_as_written_and_the_fewest_letters_taken_off() -> None:
    """A name written with what reads as an inflection is its own term first (``Sahamlah``, a
    term of its own, beside *Saham*), and of two readings the one with less taken off wins
    (``komisennyalah``: the link-only term *komisennya* before *Komisen*), Malay before
    English."""
    glossary = _inflected_glossary(("sahamlah", "Sahamlah", "Lah shares"),
                                   ("komisen", "Komisen", "Commission"),
                                   ("komisennya", "Komisennya", "Its commission"))
    assert glossary.lookup("SAHAMLAH").id == "sahamlah"
    assert glossary.lookup("sahamkah").id == "saham"
    assert glossary.lookup("komisennyalah").id == "komisennya"
    assert glossary.lookup("komisenlah").id == "komisen"
    assert glossary.lookup("Lah shares's").id == "sahamlah"
    for other in ("Cukai's", "sahams", "Taxlah"):  # an ending of the other language: no name
        with pytest.raises(KeyError):
            glossary.lookup(other)


@pytest.mark.parametrize("acronym", ["SC", "RM", "KWSP"])
@pytest.mark.parametrize("form", ["{d}.nya", "{d}.-nya", "{u}-nya", "{d}.nyalah", "{d}.-nya-lah"])
def test_an_acronym_of_two_letters_written_with_dots_takes_clitics(acronym: str,
                                                                     form: str) -> None:
    """``S.C.nya`` and ``S.C.-nya`` found nothing where ``SC-nya`` and ``K.W.S.P.nya`` are
    their acronyms: with its dots taken out, the acronym of two letters and its clitic were
    read glued (``scnya``), a word of its own as ``hanya`` is, though the dots say where the
    acronym ends as a hyphen does."""
    dotted = ".".join(acronym)
    written = form.format(d=dotted, u=dotted)
    recognizer = Recognizer([(acronym, 1), ("Ha", 2)], lang="ms")
    assert [(h.keys, h.text) for h in recognizer.find(f"Kata {written} semalam.")] == [
        ((1,), written)]
    assert recognizer.find(f"Kata {written.lower()} semalam.") == []
    assert recognizer.find("Kata h.a.nya semalam.") == []


@pytest.mark.parametrize("lang", ["ms", "en"])
def test_the_checks_read_no_capitals_joined_written_closed(lang: Lang) -> None:
    """The checks' recogniser (acronyms in any case) found *P/E* in ``pe`` and *M&A* in
    ``ma``: it filed capitals joined by ``/`` or ``&`` as a name of two words, also written
    closed, where docs/terms.md says they never are; in any case they are what they are."""
    names = [("P/E", 1), ("M&A", 2), ("R&D", 3), ("Hedge fund", 4)]
    lenient = Recognizer(names, lang=lang, acronyms_in_capitals=False)
    assert lenient.keys_in("Firma PE, ibu ma, kos rd, ms pe.") == set()
    assert lenient.keys_in("Nisbah p/e, M&A dan R&D-nya.") == {1, 2, 3}
    if lang == "en":
        assert lenient.keys_in("Two hedgefunds.") == {4}


@settings(max_examples=20, deadline=None)
@given(words=st.lists(st.sampled_from(["banks", "of", "saham-saham", "sahamnya", "in", "rates",
                                       "for", "kosnya", "on", "stocks'"]),
                      min_size=1, max_size=12),
       times=st.sampled_from([1, 50, 400]))
def test_an_inflected_name_has_a_few_bases_whatever_its_length(words: list[str],
                                                                times: int) -> None:
    """end_bases read every plural word before a connective as a head: a pasted page of 30 KB
    (``banks of money`` 2,000 times) gave 2,000 bases, each asked by its keys over the whole
    text, and its lookup took 36 s where it took 0.04. The head before the first connective
    only; the bases stay a few, and the first text's bases are the repeated text's."""
    from glossari.terms import end_bases

    text = " ".join(words * times)
    for lang in ("ms", "en"):
        assert len(end_bases(text, lang)) <= 12
    assert end_bases("banks of money of banks", "en") == ["banks of money of bank",
                                                          "bank of money of banks"]
