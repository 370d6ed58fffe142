"""Gaps found by mutation testing of the day's catalog code (merge's retitled headwords and
fuzzy flags, the PO writer's flags and wrap detection, catalog.usable): each test fails on a
small change of that code that every other test let through."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from glossari.catalog.merge import merge
from glossari.catalog.pofile import Entry, PoFile, parse_po, render_po

MSGFMT = shutil.which("msgfmt")
MSGCAT = shutil.which("msgcat")


def _catalog(*entries: Entry) -> PoFile:
    return PoFile(header=None, entries=entries)


def _current(po: PoFile) -> dict[tuple[str | None, str], Entry]:
    return {(e.msgctxt, e.msgid): e for e in po.entries if not e.obsolete}


# --- merge: a retitled headword only when unambiguous -------------------------------------

def test_two_old_messages_of_one_context_retitle_neither() -> None:
    """Two translated messages under the term id ``kos`` (neither in the template): which one
    the new headword is a retitling of is unknowable, so neither is offered by the id."""
    template = _catalog(Entry(msgctxt="kos", msgid="Akaun margin"))
    catalog = _catalog(Entry(msgctxt="kos", msgid="Zebra", msgstr="Zebra account"),
                       Entry(msgctxt="kos", msgid="Quokka", msgstr="Quokka fund"))
    merged = _current(merge(template, catalog, lang="en"))
    assert merged[("kos", "Akaun margin")].msgstr == ""
    assert not merged[("kos", "Akaun margin")].fuzzy


def test_two_new_messages_of_one_context_take_no_retitled_translation() -> None:
    """One old headword, two new messages of its context: neither is its retitling."""
    template = _catalog(Entry(msgctxt="kos", msgid="Akaun A"), Entry(msgctxt="kos", msgid="Bon B"))
    catalog = _catalog(Entry(msgctxt="kos", msgid="Zebra", msgstr="Zebra account"))
    merged = _current(merge(template, catalog, lang="en"))
    assert [merged[k].msgstr for k in (("kos", "Akaun A"), ("kos", "Bon B"))] == ["", ""]


def test_a_plural_or_obsolete_message_of_the_context_is_no_retitled_headword() -> None:
    template = _catalog(Entry(msgctxt="kos", msgid="Akaun margin"))
    plural = _catalog(Entry(msgctxt="kos", msgid="Zebra", msgid_plural="Zebras",
                            msgstr_plural=("Zebra account", "Zebra accounts")))
    merged = _current(merge(template, plural, lang="en"))
    assert merged[("kos", "Akaun margin")].msgstr == ""
    obsolete = _catalog(Entry(msgctxt="kos", msgid="Zebra", msgstr="Zebra account",
                              obsolete=True))
    po = merge(template, obsolete, lang="en")
    assert _current(po)[("kos", "Akaun margin")].msgstr == ""
    # the obsolete translation stays where it was
    assert [(e.msgid, e.msgstr) for e in po.entries if e.obsolete] == [("Zebra", "Zebra account")]


def test_a_current_message_of_the_context_does_not_make_the_retitling_ambiguous() -> None:
    """``kos`` keeps its current ``Kos`` and gains ``Akaun margin``: the one *new* message of
    the context is the retitling of its one lost message."""
    template = _catalog(Entry(msgctxt="kos", msgid="Kos"),
                        Entry(msgctxt="kos", msgid="Akaun margin"))
    catalog = _catalog(Entry(msgctxt="kos", msgid="Kos", msgstr="Cost"),
                       Entry(msgctxt="kos", msgid="Zebra", msgstr="Zebra account"))
    merged = _current(merge(template, catalog, lang="en"))
    retitled = merged[("kos", "Akaun margin")]
    assert (retitled.msgstr, retitled.fuzzy, retitled.previous_msgid) == (
        "Zebra account", True, "Zebra")
    assert (merged[("kos", "Kos")].msgstr, merged[("kos", "Kos")].fuzzy) == ("Cost", False)


def test_an_old_headword_current_under_another_id_is_still_retitled() -> None:
    """Only a text that is *new* under another id keeps its old translation from the
    retitling (kos.md renamed kos-modal.md); one already current there is no such case."""
    template = _catalog(Entry(msgctxt="kos-modal", msgid="Kos"),
                        Entry(msgctxt="kos", msgid="Kos pelepasan peluang"))
    catalog = _catalog(Entry(msgctxt="kos-modal", msgid="Kos", msgstr="Capital cost"),
                       Entry(msgctxt="kos", msgid="Kos", msgstr="Cost"))
    merged = _current(merge(template, catalog, lang="en"))
    assert merged[("kos", "Kos pelepasan peluang")].msgstr == "Cost"
    assert merged[("kos", "Kos pelepasan peluang")].fuzzy
    assert merged[("kos-modal", "Kos")].msgstr == "Capital cost"


def test_a_retitled_headword_is_not_also_offered_to_another_message() -> None:
    """The old headword went to its retitling: it is no fuzzy guess for a similar text too."""
    template = _catalog(Entry(msgctxt="kos", msgid="Akaun margin"),
                        Entry(msgid="Akaun margin zebra"))
    catalog = _catalog(Entry(msgctxt="kos", msgid="Akaun margin zebra lama",
                             msgstr="Old zebra margin account"))
    merged = _current(merge(template, catalog, lang="en"))
    assert merged[("kos", "Akaun margin")].msgstr == "Old zebra margin account"
    assert merged[(None, "Akaun margin zebra")].msgstr == ""


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="needs GNU msgmerge")
def test_a_reviewed_message_with_stale_previous_lines_is_diffed_against_its_msgid(
        tmp_path: Path) -> None:
    """A translation no longer fuzzy was reviewed against its msgid: its stale ``#|`` lines
    (left by an editor that dropped only the flag) are not the new fuzzy entry's previous
    message; msgmerge --previous writes the old msgid."""
    old = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
           '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
           '#| msgid "Harga kos jualan bersih syarikat"\n'
           'msgid "Kos jualan bersih syarikat itu"\nmsgstr "The company\'s net cost of sales"\n')
    new = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
           'msgid "Kos jualan bersih syarikat ini"\nmsgstr ""\n')
    (tmp_path / "old.po").write_text(old)
    (tmp_path / "new.pot").write_text(new)
    gnu = subprocess.run(["msgmerge", "--previous", "-q", "-o", "-", "old.po", "new.pot"],
                         cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    (expected,) = polib.pofile(gnu)
    ours = merge(parse_po(new, source="new.pot"), parse_po(old, source="old.po"), lang="en")
    (entry,) = _current(ours).values()
    assert entry.fuzzy
    assert "fuzzy" in expected.flags
    assert entry.previous_msgid == expected.previous_msgid == "Kos jualan bersih syarikat itu"


# --- the PO writer: flags --------------------------------------------------------------------

_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_a_repeated_tool_flag_is_written_once(tmp_path: Path) -> None:
    """Two ``#,`` lines naming Weblate's ``max-length:80`` (a translator's merge of two
    files): the entry written anew names it once, as msgcat writes a repeated ``fuzzy``."""
    po = parse_po(_HEADER + "#, max-length:80, max-length:80\n#, read-only, max-length:80\n"
                  'msgid "a"\nmsgstr "b"\n', source="x.po")
    (entry,) = po.entries
    text = render_po(PoFile(header=po.header, entries=(entry.with_changes(msgstr="c"),)))
    assert "#, max-length:80, read-only\n" in text
    assert polib.pofile(text)[0].flags == ["max-length:80", "read-only"]


# --- the PO writer: is the file wrapped? -----------------------------------------------------

@pytest.mark.skipif(MSGCAT is None, reason="needs GNU msgcat")
def test_a_wide_line_under_80_characters_is_evidence_of_an_unwrapped_file(
        tmp_path: Path) -> None:
    """A Chinese translation line of 79 characters is 117 columns: msgcat breaks it, so a file
    holding it whole was saved unwrapped (``msgcat --no-wrap``, Weblate). It was read as
    wrapped, measured by its characters before its columns, and an entry written anew there
    came out wrapped among whole lines. msgcat is the oracle, both ways."""
    from tests._catalog_oracles import strings_wrapped

    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            f'msgid "Kos"\nmsgstr "{"成本 " * 23}成"\n')
    assert len(text.splitlines()[-1]) == 79
    (tmp_path / "zh.po").write_text(text, encoding="utf-8")
    for args, wrapped in ((["--no-wrap"], False), ([], True)):
        saved = subprocess.run([MSGCAT, *args, "zh.po"], cwd=tmp_path, capture_output=True,
                               check=True).stdout.decode()
        assert (saved.count('"\n"') > 1) is wrapped  # msgcat did break the line, or not
        assert strings_wrapped(parse_po(saved, source="zh.po")) is wrapped, args


# --- catalog.usable: one rule for a usable translation ----------------------------------------

def test_only_a_glossary_link_text_is_never_refused() -> None:
    from glossari.catalog.usable import refused

    # a link's text in the glossary domain: never refused for what it holds, only for showing
    # nothing (tests/test_invisible_link_name.py)
    assert not refused("glossary", "/kos", "kos", "<b>cost</b>", block=False)
    # a headword (its context the term id) is held to the rule
    assert refused("glossary", "kos", "Kewangan", "<b>Finance</b>", block=False)
    # an article's message with a context that reads like a link's is no link text
    assert refused("articles-k", "/kos", "kos", "<b>cost</b>", block=False)
    assert not refused("articles-k", "/kos", "kos", "cost", block=False)


def test_message_state_without_a_translation_is_untranslated() -> None:
    from glossari.catalog.usable import message_state

    for status in ("fuzzy", "translated", "untranslated"):
        for msgstr in ("", None):
            assert message_state("glossary", "kos", "Kos", msgstr, status,
                                 block=False) == "untranslated", (status, msgstr)
    assert message_state("glossary", "kos", "Kos", "Cost", "fuzzy", block=False) == "fuzzy"
    assert message_state("glossary", "kos", "Kos", "Cost", "translated",
                         block=False) == "translated"


def test_entry_state_of_fuzzy_empty_and_partial_entries() -> None:
    from glossari.catalog.usable import entry_state

    assert entry_state("glossary", None) == "untranslated"
    # fuzzy with nothing to offer: nothing a reader or a translator gets
    assert entry_state("glossary", Entry(msgid="Kos", flags=("fuzzy",))) == "untranslated"
    assert entry_state("glossary", Entry(msgid="Kos", msgstr="Cost",
                                         flags=("fuzzy",))) == "fuzzy"
    plural = Entry(msgid="satu saham", msgid_plural="%d saham")
    assert entry_state("articles-k", plural.with_changes(
        msgstr_plural=("one share", ""))) == "untranslated"
    assert entry_state("articles-k", plural.with_changes(
        msgstr_plural=("one share", "%d shares"))) == "translated"
    # a link text (never refused) with a form left empty is no translation either
    link = Entry(msgctxt="/saham", msgid="saham", msgid_plural="saham-saham",
                 msgstr_plural=("share", ""))
    assert entry_state("glossary", link) == "untranslated"


def test_entry_state_holds_every_plural_form_to_its_own_source() -> None:
    from glossari.catalog.usable import entry_state

    # the plural source links where the singular does not: each form has its own source
    linked = Entry(msgid="satu saham", msgid_plural="%d [saham](/saham)",
                   msgstr_plural=("one share", "%d [shares](/saham)"))
    assert entry_state("articles-k", linked) == "translated"
    # a later form a reader cannot be given makes the message untranslated
    bad = Entry(msgid="satu saham", msgid_plural="%d saham",
                msgstr_plural=("one share", "%d <b>shares</b>"))
    assert entry_state("articles-k", bad) == "untranslated"


def test_entry_state_holds_a_block_to_the_block_rule() -> None:
    from glossari.catalog.usable import entry_state

    entry = Entry(msgid="Pada 2007 kos naik.", msgstr="2007. Costs rose.",
                  extracted_comments=("paragraph of kos",))
    assert entry_state("articles-k", entry) == "untranslated"  # a list item, rendered
    heading = entry.with_changes(extracted_comments=("heading of kos",))
    assert entry_state("articles-k", heading) == "translated"


@pytest.mark.skipif(MSGCAT is None, reason="needs GNU msgcat")
@pytest.mark.parametrize("width", [79, 80])
def test_a_line_is_evidence_of_an_unwrapped_file_from_80_columns_on(
        tmp_path: Path, width: int) -> None:
    """msgcat keeps a string line of 79 columns whole and breaks one of 80: only the second,
    found whole, says the file was saved unwrapped."""
    from tests._catalog_oracles import strings_wrapped

    head = 'msgstr "'
    words = ("kata " * 20)[: width - len(head) - 1]
    line = f'{head}{words}"'
    assert len(line) == width
    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            f'msgid "Kos"\n{line}\n')
    (tmp_path / "ms.po").write_text(text, encoding="utf-8")
    gnu = subprocess.run([MSGCAT, "ms.po"], cwd=tmp_path, capture_output=True,
                         check=True).stdout.decode()
    kept_whole = f"\n{line}\n" in gnu
    assert kept_whole is (width == 79)
    assert strings_wrapped(parse_po(text, source="ms.po")) is kept_whole


@pytest.mark.skipif(MSGCAT is None, reason="needs GNU msgcat")
def test_a_long_line_whose_only_space_is_before_a_bracket_is_no_evidence(tmp_path: Path) -> None:
    """msgcat cannot break before a closing bracket: a wrapped file keeps such a line whole,
    so it says nothing about the file's way (only a space before a word does)."""
    from tests._catalog_oracles import strings_wrapped

    # alone, and after a short stretch that a NEL ends (msgcat counts columns afresh there;
    # the space before a word is in that stretch, not in the long one)
    for line in (f'msgstr "{"a" * 85} )"', f'msgstr "kata kata\u0085{"a" * 85} )"'):
        text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                f'msgid "Kos"\n{line}\n')
        (tmp_path / "ms.po").write_text(text, encoding="utf-8")
        gnu = subprocess.run([MSGCAT, "ms.po"], cwd=tmp_path, capture_output=True,
                             check=True).stdout.decode()
        assert f"\n{line}\n" in gnu  # msgcat, wrapping, kept it whole
        assert strings_wrapped(parse_po(gnu, source="ms.po")), line


@pytest.mark.skipif(MSGCAT is None, reason="needs GNU msgcat")
def test_an_obsolete_entry_tells_the_files_way_too(tmp_path: Path) -> None:
    """``msgcat --no-wrap`` keeps an obsolete ``#~ msgstr`` line whole, and msgcat breaks it:
    it is evidence like any other string line."""
    from tests._catalog_oracles import strings_wrapped

    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            'msgid "Kos"\nmsgstr "Cost"\n\n'
            f'#~ msgid "Lama"\n#~ msgstr "{"kata " * 20}"\n')
    (tmp_path / "ms.po").write_text(text, encoding="utf-8")
    for args, wrapped in ((["--no-wrap"], False), ([], True)):
        saved = subprocess.run([MSGCAT, *args, "ms.po"], cwd=tmp_path, capture_output=True,
                               check=True).stdout.decode()
        assert strings_wrapped(parse_po(saved, source="ms.po")) is wrapped, args
