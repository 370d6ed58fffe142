"""Gaps found by mutation testing of the day's term-finding code (terms.matcher: codes glued to
amounts, clitic chains after hyphens; seeds.rules.unfollowable_link_target; checks.terms'
compounds and shared names): each test fails on a small change of that code that every other
test let through."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossari.terms import Recognizer


def _found(recognizer: Recognizer, text: str) -> list[tuple[str, int]]:
    return [(h.text, h.start) for h in recognizer.find(text)]


def test_a_glued_word_that_is_itself_a_name_stays_whole() -> None:
    """``FTSE100`` is a name and ``FTSE`` another: the whole is found, not cut at the
    capitals (the cut is for a code on an amount that is no name as written)."""
    recognizer = Recognizer([("FTSE", 1), ("FTSE100", 2)], lang="ms")
    assert _found(recognizer, "FTSE100 naik") == [("FTSE100", 0)]


def test_a_glued_word_is_cut_only_at_a_names_capitals_and_where_they_end() -> None:
    """``RM30 hari``: the code and then ``30 hari``, each at its own offset; ``AB30 hari``
    (``AB`` names nothing) stays one word, so ``30 hari`` is not inside it."""
    recognizer = Recognizer([("RM", 1), ("30 hari", 2)], lang="ms")
    assert _found(recognizer, "RM30 hari") == [("RM", 0), ("30 hari", 2)]
    assert _found(recognizer, "AB30 hari") == []


def test_clitics_attach_after_a_hyphen_only_in_malay_and_only_to_a_word() -> None:
    # English reads no Malay clitic: OPR-nya is OPR and another word
    assert _found(Recognizer([("OPR", 1)], lang="en"), "the OPR-nya and OPR") == [
        ("OPR", 4), ("OPR", 16)]
    malay = Recognizer([("OPR", 1), ("saham", 2)], lang="ms")
    # capitals after the hyphen fold as the word does
    assert _found(malay, "OPR-NYA naik") == [("OPR-NYA", 0)]
    # a hyphenated run of clitics alone attaches to no word before it
    assert _found(malay, "saham nya-lah") == [("saham", 0)]


def test_an_english_hyphenated_pair_is_two_words() -> None:
    """Only Malay reads a repeated word as a reduplication (one word): English ``so-so`` is
    two."""
    assert _found(Recognizer([("so", 1)], lang="en"), "so-so") == [("so", 0), ("so", 3)]


@pytest.mark.parametrize(("target", "why"), [
    ("%5C%5Cserver%5Cdana", "a path on the author's computer"),  # \\server\dana
    ("dana%5Clama", "a path on the author's computer"),
    ("FILE:///home/siti/dana.md", "a path on the author's computer"),
    ("c:/dana", "a path on the author's computer"),
    ("./dana", None),  # a '.' goes nowhere: dana, as written without it
    ("a/./dana", None),
    ("a/../dana", "a relative path"),
    ("..", "a relative path"),
    ("../dana#bahagian", "a relative path"),
    ("1:2", None),  # no drive letter
    ("https://x.my/a/../b", None),  # an outside address resolves its own dots
    ("dana#a/../lama", None),  # the fragment and the query are no path
    ("dana?dari=a/./lama", None),
    ("broker-dealer", None),
])
def test_unfollowable_link_targets(target: str, why: str | None) -> None:
    from glossari.seeds.rules import unfollowable_link_target

    found = unfollowable_link_target(target)
    if why is None:
        assert found is None
    else:
        assert found is not None
        assert found.startswith(why), found


# --- checks.terms: T401's compounds -------------------------------------------------------------

def _missing(msgid: str, translation: str) -> list[str]:
    from glossari.align.resolve import headword_names
    from glossari.checks.terms import Termbase, TermEntry, missing_terms

    pairs = [("saham", "Saham", "Stock"), ("modal", "Modal", "Capital"),
             ("dividen", "Dividen", "Dividend")]
    entries = tuple(TermEntry(identity=i, malay=ms, english=en, context=i, path="x.po", line=1)
                    for i, ms, en in pairs)
    base = Termbase(
        entries=entries,
        malay=Recognizer([(n, e) for e in entries for n in headword_names(e.malay)], lang="ms"),
        english=Recognizer([(n, e.identity) for e in entries for n in headword_names(e.english)],
                           lang="en", acronyms_in_capitals=False, english_bases=True))
    return [t.identity for t in missing_terms(base, msgid, translation, context=None,
                                              domain="articles-k")]


def test_t401_an_agent_compound_needs_a_malay_agent_noun() -> None:
    assert _missing("Dividen kepada pemegang saham.", "Dividends to shareholders.") == []
    # pelaburan is no agent noun (-an): saham there is the term, and Stock is not in it
    assert _missing("Pelaburan saham.", "Investments of shareholders.") == ["saham"]


def test_t401_an_agent_noun_is_right_before_the_term() -> None:
    # a comma between: no compound
    assert _missing("Pemegang, saham dan dividen.", "Stakeholders and dividends.") == ["saham"]


def test_t401_every_use_of_the_term_must_be_in_a_compound() -> None:
    assert _missing("Saham dan pemegang saham.", "Shares and shareholders.") == ["saham"]
    assert _missing("Pemegang saham dan pemegang saham.", "Shareholders.") == []


def test_t401_an_open_agent_compound_has_a_first_word_of_its_own() -> None:
    assert _missing("Dividen kepada pemegang saham.", "Dividends to stock holders.") == []
    # `the holders`: no compound; a sentence opening `Holders` has no word before it
    assert _missing("Dividen kepada pemegang saham.", "Dividends to the holders.") == ["saham"]
    assert _missing("Pemegang saham menerima dividen.", "Holders receive dividends.") == [
        "saham"]


def test_t401_a_compound_headed_by_another_term_needs_that_terms_english() -> None:
    assert _missing("Modal saham syarikat.", "The company's share capital.") == []
    assert sorted(_missing("Modal saham syarikat.", "The company's equity.")) == [
        "modal", "saham"]
    # a comma between the two terms: no compound
    assert "saham" in _missing("Modal, saham dan dividen.", "Capital, shares and dividends.")
    # a head without its English is no agent compound either
    assert "saham" in _missing("Modal saham syarikat.", "The equity of shareholders.")


def test_t401_a_two_word_name_opening_like_a_verb_is_a_name() -> None:
    """``Berjaya Saham`` (ber- on a root, as a verb opens a Title Case heading) kept as
    written is a company's name, not a use of *saham*: only a longer run sheds its verb."""
    assert _missing("Berjaya Saham mencatat untung.", "Berjaya Saham reported a profit.") == []


# --- text.terminal_text ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "shown"), [
    ("a\u2066b\u2069c", "a\\u2066b\\u2069c"),  # bidi isolates, as the embeddings
    ("x\ufffey\uffff", "x\\ufffey\\uffff"),  # noncharacters
    ("\x9b31m", "\\u009b31m"),  # C1 CSI
    ("a\ud800b", "ab"),  # a lone surrogate that no undecodable byte made: dropped
    ("a\udce9b", "a\\xe9b"),  # an undecodable byte of a file name
    ("Kos\u00a0RM\u200b", "Kos\u00a0RM\u200b"),  # text, not control
])
def test_terminal_text_shows_every_hidden_character(text: str, shown: str) -> None:
    from glossari.text import terminal_text

    assert terminal_text(text) == shown


KIRA = """\
---
title: Kira-kira
description: {description}
keywords: Perakaunan
---

# Kira-kira

{body}
"""


def test_t401_and_find_terms_agree_on_a_shared_reduplicated_headword(tmp_path: Path) -> None:
    """Two articles titled *Kira-kira* (S131). T401 promises to read a shared name as
    ``find_terms`` does: a translation holding the English of the term ``find_terms`` gives
    is no T401 finding."""
    from _checkkit import codes, with_catalog

    from glossari.glossary import load_glossary
    from glossari.root import GlossaryRoot

    kit = with_catalog(tmp_path)
    kit.articles["akaun-kira-kira"] = KIRA.format(
        description="Kira-kira akaun ialah baki akaun pada satu tarikh.", body="")
    paragraph = "Kira-kira syarikat itu kukuh pada akhir tahun kewangan."
    kit.articles["kira-kira"] = KIRA.format(
        description="Kira-kira ialah penyata kedudukan kewangan syarikat.", body=paragraph)
    english = {"akaun-kira-kira": "Account balance", "kira-kira": "Balance sheet"}
    for term_id, title in english.items():
        kit.translate("Kira-kira", title, context=term_id)
    kit.write()
    glossary = load_glossary(GlossaryRoot(path=tmp_path))
    (found,) = glossary.find_terms(paragraph)
    kit.translate(paragraph, f"The company's {english[found.term.id].lower()} was strong.")
    assert codes(kit.check(), "T401") == []
