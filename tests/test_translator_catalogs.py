"""Catalogs as translators' tools write them (Poedit, Weblate, Lokalize, GNU msgmerge), read,
updated and compiled as GNU gettext reads them: msgcat, msgattrib and msgfmt are the oracles."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import pytest
from _catalog_oracles import GNU, article, cli, make_root
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from glossari.catalog.pofile import _FLAG_RANK, parse_po, render_po

needs_gnu = pytest.mark.skipif(not GNU, reason="GNU gettext is not installed")

HEADER = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n'

_FLAG_PIECES = st.sampled_from([
    "fuzzy", "no-wrap", "wrap", "c-format", "no-python-format", "placeholders:", "max-length:80",
    '"', "'", ",", " ", "\t", "x", "y", "\\"])


@needs_gnu
@settings(max_examples=80, deadline=None)
@example(' placeholders:"x, fuzzy, y"')
@example(" 'a no-wrap b', \"c c-format\"")
@given(st.lists(_FLAG_PIECES, max_size=12).map("".join).filter(lambda t: not t.endswith("\\")))
def test_flags_mean_what_gnu_reads_in_them(tmp_path_factory: pytest.TempPathFactory,
                                           line: str) -> None:
    """GNU parts a `#,` line at every comma and blank, quotes or not: `#, placeholders:"x,
    fuzzy, y"` (Weblate's flag, a word of it `fuzzy`) is fuzzy to msgfmt, which leaves it out
    of the .mo. glossari kept the quoted flag whole and read no fuzzy there: it compiled the
    guess and counted it translated. The flags GNU acts on (fuzzy, wrap, format) are read as
    msgcat reads them; the quoted flag is kept whole."""
    text = f"{HEADER}\n#,{line}\nmsgid \"a\"\nmsgstr \"b\"\n"
    path = tmp_path_factory.mktemp("flags") / "f.po"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    oracle = parse_po(done.stdout, source="msgcat.po").entries
    gnu = set(oracle[0].flags) if oracle else set()
    (entry,) = parse_po(text, source="f.po").entries
    # `wrap` and `no-wrap` both: GNU takes the last, glossari `wrap` (not this test's matter)
    assume(not {"wrap", "no-wrap"} <= set(entry.flags))
    known = {f for f in entry.flags if f in ("fuzzy", "no-wrap") or f in _FLAG_RANK}
    assert entry.fuzzy == ("fuzzy" in gnu)
    assert known == gnu  # msgcat writes no `wrap`, the default


@needs_gnu
def test_a_fuzzy_word_in_a_quoted_flag_is_left_out_of_the_mo(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"saham": article(
        "Saham", "Saham dibeli melalui [peniaga broker](/broker-dealer).\n\n## Sorotan\n\n"
        "- Pemegang saham menerima dividen.\n", description="Unit pemilikan syarikat.")})
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    po = root / "locale/en/LC_MESSAGES/articles-s.po"
    text = po.read_text(encoding="utf-8").replace(
        'msgid "Sorotan"\nmsgstr ""',
        '#, placeholders:"x, fuzzy, y"\nmsgid "Sorotan"\nmsgstr "Key Takeaways"').replace(
        'msgid "Pemegang saham menerima dividen."\nmsgstr ""',
        'msgid "Pemegang saham menerima dividen."\nmsgstr "Shareholders receive dividends."')
    po.write_text(text, encoding="utf-8")
    code, err = cli(root, "update", "-l", "en")
    assert code == 0
    assert "1 translated, 1 fuzzy" in err
    assert po.read_text(encoding="utf-8") == text  # nothing of the translator's changed
    assert cli(root, "compile", "-l", "en")[0] == 0
    mo = root / "locale/en/LC_MESSAGES/articles-s.mo"
    done = subprocess.run(["msgunfmt", str(mo)], capture_output=True, text=True, check=True)
    assert "Shareholders receive dividends." in done.stdout
    assert "Key Takeaways" not in done.stdout  # msgfmt leaves the fuzzy guess out too
    gnu = subprocess.run(["msgfmt", "-o", "-", str(po)], capture_output=True, check=True)
    assert b"Key Takeaways" not in gnu.stdout


_PO_HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
              '"Language: en\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n')


@needs_gnu
@pytest.mark.parametrize("template_flags", ["no-c-format", "c-format", "python-format",
                                            "no-c-format, no-python-format"])
@pytest.mark.parametrize("old_flags", ["c-format", "no-c-format, max-length:80",
                                       "fuzzy, c-format", "python-format, c-format"])
def test_an_exact_match_takes_the_templates_word_on_a_format(
        tmp_path: Path, template_flags: str, old_flags: str) -> None:
    """A format flag describes the source: where the template says `no-c-format`, msgmerge
    gives an exactly matched message the template's word, as glossari did for a fuzzy match
    only; an exact match kept the old message's `c-format`, and `msgfmt --check-format`
    then checked the translation as a C format the source is not. The old message's other
    flags (Weblate's `max-length:80`, `fuzzy`) stay."""
    from glossari.catalog.merge import _format_language, merge

    entry = '\n#: seeds/saham.md:11\n#, {}\nmsgid "Sorotan %d"\nmsgstr "{}"\n'
    pot = _PO_HEADER + entry.format(template_flags, "")
    po = _PO_HEADER + entry.format(old_flags, "Key %d")
    (tmp_path / "t.pot").write_text(pot, encoding="utf-8")
    (tmp_path / "o.po").write_text(po, encoding="utf-8")
    done = subprocess.run(["msgmerge", "-q", "--previous", "-o", "-", str(tmp_path / "o.po"),
                           str(tmp_path / "t.pot")], capture_output=True, text=True, check=True)
    (gnu,) = parse_po(done.stdout, source="msgmerge.po").entries
    merged = merge(parse_po(pot, source="t.pot"), parse_po(po, source="o.po"), lang="en")
    (ours,) = merged.entries
    said = {_format_language(f) for f in parse_po(pot, source="t.pot").entries[0].flags}

    def formats(flags: tuple[str, ...]) -> set[str]:
        return {f for f in flags if _format_language(f) in said}

    assert formats(ours.flags) == formats(gnu.flags)
    assert ours.fuzzy == gnu.fuzzy
    assert ("max-length:80" in ours.flags) == ("max-length:80" in old_flags)
    # once merged, the next update leaves the entry's bytes alone
    written = render_po(merged)
    again = merge(parse_po(pot, source="t.pot"), parse_po(written, source="o.po"), lang="en")
    assert again.entries[0].raw is not None
    assert render_po(again) == written


def _broker(title: str, definition: str = "Firma yang membeli dan menjual sekuriti.") -> str:
    return article(title, "Peniaga membeli [saham-saham](/saham) dan [pelaburannya](/pelaburan).\n",
                   description=definition, keywords="Pelaburan, Broker")


def _headwords(root: Path) -> dict[tuple[str | None, str], tuple[str, bool, bool]]:
    po = parse_po((root / "locale/en/LC_MESSAGES/glossary.po").read_text(encoding="utf-8"),
                  source="glossary.po")
    return {e.key: (e.msgstr, e.fuzzy, e.obsolete) for e in po.entries if e.msgctxt
            and not e.msgctxt.startswith("/")}


def _translate_headwords(root: Path, english: dict[str, str]) -> None:
    po = root / "locale/en/LC_MESSAGES/glossary.po"
    text = po.read_text(encoding="utf-8")
    for context, msgstr in english.items():
        start = text.index(f'msgctxt "{context}"\n')
        end = text.index('msgstr ""', start)
        text = text[:end] + f'msgstr "{msgstr}"' + text[end + len('msgstr ""'):]
    po.write_text(text, encoding="utf-8")


def test_a_rename_and_a_retitle_in_one_update_keep_the_headwords_translation(
        tmp_path: Path) -> None:
    """`peniaga-broker.md` renamed `broker-dealer.md` and retitled in one update: neither the
    id (the msgctxt) nor the headword matched, and the English headword went obsolete (msgmerge
    too: the two titles are unlike). The article's unchanged definition, categories and link
    texts name the old id before and the new one after: the translation is offered fuzzy,
    with the old source in `#|`. Two articles at once pair each with its own; an article
    deleted while another, unrelated, is written keeps msgmerge's answer (obsolete)."""
    root = make_root(tmp_path, {
        "peniaga-broker": _broker("Peniaga broker"),
        "kadar-faedah": article("Kadar faedah", description="Kos meminjam wang.",
                                keywords="Perbankan"),
        "saham": article("Saham", description="Unit pemilikan syarikat.", keywords="Pelaburan"),
    })
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    _translate_headwords(root, {"peniaga-broker": "Broker-dealer",
                                "kadar-faedah": "Interest rate", "saham": "Shares"})
    seeds = root / "seeds"
    (seeds / "peniaga-broker.md").unlink()
    (seeds / "broker-dealer.md").write_text(_broker("Pedagang sekuriti"), encoding="utf-8")
    (seeds / "kadar-faedah.md").unlink()
    (seeds / "interest-rate.md").write_text(article(
        "Kadar bunga", description="Kos meminjam wang.", keywords="Perbankan"), encoding="utf-8")
    (seeds / "saham.md").unlink()  # deleted; an unrelated article written in the same update
    (seeds / "sukuk.md").write_text(article(
        "Sukuk", description="Sijil pelaburan patuh syariah.", keywords="Islam"),
        encoding="utf-8")
    assert cli(root, "extract")[0] == 0
    code, err = cli(root, "update", "-l", "en")
    assert code == 0, err
    words = _headwords(root)
    assert words[("broker-dealer", "Pedagang sekuriti")] == ("Broker-dealer", True, False)
    assert words[("interest-rate", "Kadar bunga")] == ("Interest rate", True, False)
    assert words[("saham", "Saham")] == ("Shares", False, True)
    assert words[("sukuk", "Sukuk")] == ("", False, False)
    text = (root / "locale/en/LC_MESSAGES/glossary.po").read_text(encoding="utf-8")
    assert ('#| msgctxt "peniaga-broker"\n#| msgid "Peniaga broker"\n'
            'msgctxt "broker-dealer"\nmsgid "Pedagang sekuriti"\n') in text
    if GNU:
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null",
                        str(root / "locale/en/LC_MESSAGES/glossary.po")], check=True)


def test_a_rename_and_retitle_with_its_definition_rewritten_too_is_no_evidence(
        tmp_path: Path) -> None:
    root = make_root(tmp_path, {"peniaga-broker": _broker("Peniaga broker")})
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    _translate_headwords(root, {"peniaga-broker": "Broker-dealer"})
    (root / "seeds" / "peniaga-broker.md").unlink()
    (root / "seeds" / "broker-dealer.md").write_text(
        article("Pedagang sekuriti", description="Syarikat dagangan sekuriti berlesen.",
                keywords="Undang-undang"), encoding="utf-8")
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    words = _headwords(root)
    assert words[("peniaga-broker", "Peniaga broker")] == ("Broker-dealer", False, True)
    assert words[("broker-dealer", "Pedagang sekuriti")] == ("", False, False)


_WORDS = st.sampled_from(["saham", "saham-saham", "pelaburannya", "Bursa", "dividen", "kos",
                          "peniaga", "broker", "(SC)", "RM1,000", "ialah", "yang", "dan"])


@needs_gnu
@settings(max_examples=40, deadline=None)
@given(previous=st.lists(_WORDS, min_size=1, max_size=22).map(" ".join),
       obsolete=st.booleans())
def test_a_long_previous_msgid_tells_an_unwrapped_catalog(
        tmp_path_factory: pytest.TempPathFactory, previous: str, obsolete: bool) -> None:
    """A catalog saved unwrapped (Weblate, `msgcat --no-wrap`) whose messages are all short,
    its only long line a `#| msgid` (or `#~| msgid`) that msgcat would have wrapped, was read as
    wrapped (the evidence looked at message lines alone): an entry glossari wrote anew into it
    came out wrapped, for the translator's next save to unwrap again."""
    from glossari.catalog.pofile import Entry, PoFile
    from tests._catalog_oracles import strings_wrapped

    folder = tmp_path_factory.mktemp("wrap")
    mark = "#~ " if obsolete else ""
    text = (f'{HEADER}\n#, fuzzy\n{mark}#| msgid "{previous}"\n{mark}msgid "Kos"\n'
            f'{mark}msgstr "Cost"\n\nmsgid "Saham"\nmsgstr "Shares"\n')
    (folder / "f.po").write_text(text.replace("#~ #|", "#~|"), encoding="utf-8")

    def msgcat(*options: str) -> str:
        return subprocess.run(["msgcat", *options, str(folder / "f.po")], capture_output=True,
                              text=True, check=True).stdout

    wrapped, unwrapped = msgcat(), msgcat("--no-wrap")
    assert strings_wrapped(parse_po(wrapped, source="poedit.po"))
    saved = parse_po(unwrapped, source="weblate.po")
    assert strings_wrapped(saved) == (wrapped == unwrapped)
    long = "Pemegang saham menerima dividen daripada syarikat yang disenaraikan di Bursa."
    fresh = PoFile(header=saved.header, entries=(
        *saved.current, Entry(msgid=long, msgstr=long), *saved.obsolete),
        text_of_source=saved.text_of_source)
    written = render_po(fresh)
    (folder / "f.po").write_text(written, encoding="utf-8")
    assert msgcat("--no-wrap" if wrapped != unwrapped else "--width=79") == written


@needs_gnu
@pytest.mark.parametrize("fields", [
    ["Project-Id-Version: glossari", "POT-Creation-Date: 2026-12-07 13:00+0000",
     "Content-Type: text/plain; charset=UTF-8", "Plural-Forms: nplurals=1; plural=0;"],
    ["POT-Creation-Date: 2026-12-07 13:00+0000", "Content-Type: text/plain; charset=UTF-8"],
    ["Content-Type: text/plain; charset=UTF-8", "pot-creation-date: 1", "X-POT-Creation-Date: 1",
     "POT-Creation-Date : 2", "POT-Creation-Date: 3", "POT-Creation-Date: 4"],
    ["Content-Type: text/plain; charset=UTF-8", "POT-Creation-Date:"],
])
def test_the_mo_header_is_msgfmts(tmp_path: Path, fields: list[str]) -> None:
    """GNU msgfmt leaves the header's first `POT-Creation-Date:` line out of the .mo: glossari
    kept it, so every `extract` that changed a template changed the language's `.mo` too
    (update carries the date into the catalog), with no translation changed."""
    from glossari.catalog.mofile import write_mo
    from glossari.catalog.pofile import load_po

    header = "".join(f'"{field}\\n"\n' for field in fields)
    po = tmp_path / "ms.po"
    po.write_text(f'msgid ""\nmsgstr ""\n{header}\nmsgctxt "saham"\nmsgid "Saham"\n'
                  'msgstr "Shares"\n', encoding="utf-8")
    catalog = load_po(po)
    write_mo(tmp_path / "ours.mo", catalog.entries, catalog.header)
    subprocess.run(["msgfmt", "-o", str(tmp_path / "gnu.mo"), str(po)], check=True)

    def unfmt(name: str) -> str:
        return subprocess.run(["msgunfmt", str(tmp_path / name)], capture_output=True,
                              text=True, check=True).stdout

    assert unfmt("ours.mo") == unfmt("gnu.mo")


def test_a_new_template_date_alone_rewrites_no_mo(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"saham": article("Saham", description="Unit pemilikan.")})
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    _translate_headwords(root, {"saham": "Shares"})
    assert cli(root, "compile", "-l", "en")[0] == 0
    mo = root / "locale/en/LC_MESSAGES/glossary.mo"
    before = mo.read_bytes()
    po = root / "locale/en/LC_MESSAGES/glossary.po"
    text = po.read_text(encoding="utf-8")
    assert "POT-Creation-Date: " in text
    po.write_text(re.sub(r"POT-Creation-Date: [^\\]*", "POT-Creation-Date: 2030-01-01 00:00+0000",
                         text), encoding="utf-8")
    assert cli(root, "compile", "-l", "en")[0] == 0
    assert mo.read_bytes() == before


@needs_gnu
def test_a_note_on_an_untranslated_obsolete_message_comes_back_with_it(tmp_path: Path) -> None:
    """Lokalize and Weblate keep an obsolete message whose msgstr is empty when it carries a
    translator's note (`# ask the editor: share or stock?`). When its message came back to the
    template, glossari gave it an empty entry and dropped the note; msgmerge revives it."""
    root = make_root(tmp_path, {"saham": article(
        "Saham", "Saham biasa memberi hak mengundi.\n\nPemegang saham menerima dividen.\n",
        description="Unit pemilikan syarikat.")})
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    po = root / "locale/en/LC_MESSAGES/articles-s.po"
    text = po.read_text(encoding="utf-8")
    end = text.index('msgid "Saham biasa memberi hak mengundi."\nmsgstr ""\n\n')
    start = text.rindex("\n\n", 0, end) + 2
    end = text.index("\n\n", end) + 2
    note = "# ask the editor: share or stock?\n"
    po.write_text(text[:start] + text[end:] + "\n" + note
                  + '#~ msgid "Saham biasa memberi hak mengundi."\n#~ msgstr ""\n',
                  encoding="utf-8")
    gnu = subprocess.run(["msgmerge", "-q", "--previous", "-o", "-", str(po),
                          str(root / "locale/articles-s.pot")], capture_output=True, text=True,
                         check=True).stdout
    assert cli(root, "update", "-l", "en")[0] == 0
    written = po.read_text(encoding="utf-8")
    for merged in (written, gnu):
        (entry,) = (e for e in parse_po(merged, source="articles-s.po").entries
                    if e.msgid == "Saham biasa memberi hak mengundi.")
        assert entry.translator_comments == ("ask the editor: share or stock?",)
        assert not entry.obsolete
    assert written.count("ask the editor") == 1
    assert cli(root, "update", "-l", "en")[0] == 0
    assert po.read_text(encoding="utf-8") == written


@needs_gnu
def test_comments_written_inside_an_obsolete_message_are_read_as_gnu_reads_them(
        tmp_path: Path) -> None:
    """A hand edit or an older tool writes an obsolete message's comments behind `#~` too
    (`#~ # note`, `#~ #, fuzzy`, `#~ #| msgid`), and leaves a bare `#~` line between obsolete
    messages. GNU reads them as the comments and a blank line; glossari refused the whole
    catalog ("unknown keyword '#'"), so no update, compile or check ran on it."""
    root = make_root(tmp_path, {"saham": article(
        "Saham", "Pemegang saham menerima dividen.\n", description="Unit pemilikan syarikat.")})
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    po = root / "locale/en/LC_MESSAGES/articles-s.po"
    kbabel = ("\n#~ # ask the editor: share or stock?\n#~ #. paragraph of saham\n"
              "#~ #, fuzzy, c-format\n#~ #| msgid \"Saham lama %d\"\n"
              "#~ msgid \"Saham-saham lama %d\"\n#~ msgstr \"Old shares %d\"\n#~\n\n"
              "#~ msgid \"Bon\"\n#~ msgstr \"Bond\"\n#~ \n")
    text = po.read_text(encoding="utf-8") + kbabel
    po.write_text(text, encoding="utf-8")
    gnu = subprocess.run(["msgcat", str(po)], capture_output=True, text=True, check=True).stdout

    def fields(source: str) -> list[tuple[object, ...]]:
        return [(e.msgid, e.msgstr, e.obsolete, e.fuzzy, e.translator_comments,
                 e.extracted_comments, e.previous_msgid, sorted(e.flags))
                for e in parse_po(source, source="articles-s.po").entries]

    assert fields(text) == fields(gnu)
    for command in (["update", "-l", "en"], ["compile", "-l", "en"], ["check", "-l", "en"]):
        code, err = cli(root, *command)
        assert code in (0, 1), err
    assert po.read_text(encoding="utf-8") == text  # the translator's bytes, kept


def _weblate_save(path: Path, width: int) -> None:
    """Save ``path`` as Weblate does with the file format parameter `po_line_wrap` = ``width``
    (translate-toolkit's pofile, every unit written anew)."""
    from translate.storage import pypo

    store = pypo.pofile(path.read_bytes(), width=width)
    for unit in store.units:
        for name in ("source", "target"):
            value = getattr(unit, name)
            setattr(unit, name, value + "x")  # a change of value: the unit is written anew
            setattr(unit, name, value)
    path.write_bytes(bytes(store))


@pytest.mark.parametrize("width", [-1, 65535, 77])
def test_a_catalog_weblate_saved_with_no_line_wrapping_keeps_its_way(
        tmp_path: Path, width: int) -> None:
    """Weblate's "No line wrapping" (`po_line_wrap` -1) keeps each string on one line,
    newlines and all (`msgstr "Baris satu\\nbaris dua."`), where `msgcat --no-wrap` (Weblate's
    65535) ends a line after each `\\n`. glossari wrote its new entries into such a catalog
    split at their newlines (a paragraph's Markdown lines are kept as newlines), for Weblate's
    next save to join them again: churn in every entry update wrote."""
    root = make_root(tmp_path, {"saham": article(
        "Saham", "Saham dibeli melalui peniaga broker di Bursa Malaysia dan harganya\n"
        "berubah setiap hari mengikut permintaan dan penawaran pasaran.\n",
        description="Saham ialah unit pemilikan dalam syarikat yang disenaraikan di bursa.")})
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    po = root / "locale/en/LC_MESSAGES/articles-s.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('"pasaran."\nmsgstr ""', '"pasaran."\nmsgstr ""\n'
                               '"Shares are bought through a broker-dealer on Bursa Malaysia '
                               'and their\\n"\n"price changes every day with supply and '
                               'demand."'), encoding="utf-8")
    _weblate_save(po, width)
    saved = po.read_bytes()
    with (root / "seeds/saham.md").open("a", encoding="utf-8") as article_file:
        article_file.write("\nPemegang saham menerima dividen daripada syarikat yang\n"
                           "disenaraikan di Bursa Malaysia setiap suku tahun.\n")
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    written = po.read_bytes()
    assert written.startswith(saved.rstrip(b"\n"))  # Weblate's bytes, kept
    _weblate_save(po, width)
    assert po.read_bytes() == written  # Weblate's next save: no diff


@needs_gnu
def test_confirming_a_translation_fuzzy_by_a_quoted_flag_makes_it_not_fuzzy(
        tmp_path: Path) -> None:
    """`import --force` confirmed a headword fuzzy by Weblate's `placeholders:"x, fuzzy, y"`
    (GNU reads `fuzzy` in it) by taking off the `fuzzy` flag alone: the file was left as it
    was, still fuzzy to msgfmt and to glossari, and every import said "confirmed" again. The
    flag goes, kept in a translator comment."""
    root = make_root(tmp_path, {"saham": article("Saham", description="Unit pemilikan.")})
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    po = root / "locale/en/LC_MESSAGES/glossary.po"
    po.write_text(po.read_text(encoding="utf-8").replace(
        'msgctxt "saham"\nmsgid "Saham"\nmsgstr ""',
        '#, placeholders:"x, fuzzy, y", max-length:30\nmsgctxt "saham"\nmsgid "Saham"\n'
        'msgstr "Shares"'), encoding="utf-8")
    csv = tmp_path / "terms.csv"
    csv.write_text("source,target,context\nSaham,Shares,saham\n", encoding="utf-8")
    code, err = cli(root, "import", str(csv), "-l", "en", "--force")
    assert code == 0
    assert "confirmed the fuzzy translation 'Shares'" in err
    gnu = subprocess.run(["msgattrib", "--only-fuzzy", str(po)], capture_output=True,
                         text=True, check=True).stdout
    assert "Saham" not in gnu
    (entry,) = (e for e in parse_po(po.read_text(encoding="utf-8"), source="glossary.po").entries
                if e.msgctxt == "saham")
    assert not entry.fuzzy
    assert entry.flags == ("max-length:30",)
    assert any('placeholders:"x, fuzzy, y"' in c for c in entry.translator_comments)
    code, err = cli(root, "import", str(csv), "-l", "en", "--force")
    assert "1 unchanged" in err


_SENTENCES = st.lists(st.sampled_from([
    "Broker-dealers trade securities for their own account.",
    "Its investment (pelaburannya) is made through \\\"advisors\\\".",
    "Saham-saham\\tare shares.", "A commission is a fee.", "The fee is < 1% and > 0.5%.",
    "Back\\\\slash.", "Tiada.", " ", "x" * 90]), min_size=2, max_size=6)


@settings(max_examples=12, deadline=None)
@given(_SENTENCES, st.booleans())
def test_a_translators_own_wrapping_survives_a_reference_that_moved(
        tmp_path_factory: pytest.TempPathFactory, pieces: list[str], crlf: bool) -> None:
    """A translator who writes one sentence a line (Vim, by hand) saw every translation of an
    article rewrapped at 79 columns as soon as a line was added above it: its reference moved,
    and the whole entry was written anew. Only the reference changes now; the strings keep
    their lines, as the entries with nothing to change keep theirs."""
    tmp_path = tmp_path_factory.mktemp("wrapping")
    paragraph = ("Peniaga broker membeli saham-saham untuk akaun sendiri dan bagi pihak "
                 "pelanggan, dan pelaburannya dibuat melalui penasihat.")
    root = make_root(tmp_path, {"peniaga-broker": article(
        "Peniaga broker", paragraph + "\n", description="Firma sekuriti.")})
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    po = root / "locale/en/LC_MESSAGES/articles-p.po"
    text = po.read_text(encoding="utf-8")
    at = text.index('msgstr ""\n', text.index("Peniaga broker membeli"))
    translation = "msgstr \"\"\n" + "".join(f'"{piece}"\n' for piece in pieces)
    text = text[:at] + translation + text[at + len('msgstr ""\n'):]
    text = "# Vim: one sentence a line\n" + text if not text.startswith("#") else text
    newline = "\r\n" if crlf else "\n"
    po.write_bytes(text.replace("\n", newline).encode("utf-8"))
    seed = root / "seeds/peniaga-broker.md"
    seed.write_text(seed.read_text(encoding="utf-8").replace(
        paragraph, "<!-- nota editor -->\n\n" + paragraph), encoding="utf-8")
    assert cli(root, "extract")[0] == 0
    code, err = cli(root, "update", "-l", "en")
    assert code == 0, err
    written = po.read_bytes().decode("utf-8")
    assert "seeds/peniaga-broker.md:8" in written  # the reference moved: the entry was written
    assert translation.replace("\n", newline) in written
    assert parse_po(written, source="p.po").by_key()[(None, paragraph)].msgstr == "".join(
        p.replace('\\"', '"').replace("\\t", "\t").replace("\\\\", "\\") for p in pieces)
    if GNU:
        check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                               capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stderr


_BLANKS = st.text(alphabet=" \t", max_size=3)


@settings(max_examples=60, deadline=None)
@given(st.lists(_BLANKS, min_size=7, max_size=7), st.booleans())
def test_string_lines_indented_by_hand_survive_a_reference_that_moved(
        tmp_path_factory: pytest.TempPathFactory, blanks: list[str], crlf: bool) -> None:
    """GNU reads blanks before a keyword, a continuation or a `#|` line as nothing (a
    translator's editor indented the entry). An entry whose reference moved keeps its string
    lines; the first line without blanks was taken for the first of them, so `  msgid "Saham"`
    (and a `  #| msgid` above it) was dropped: `update` wrote `msgstr "Share"` with no msgid,
    which msgfmt refuses, and the next command refused the catalog."""
    lines = ['#| msgctxt "saham"', '#| msgid "Saham biasa"', 'msgctxt "saham"',
             'msgid "Saham"', 'msgstr ""', '"Share, "', '"a unit"']
    strings = [blank + line for blank, line in zip(blanks, lines, strict=True)]
    newline = "\r\n" if crlf else "\n"
    text = (HEADER + "\n#. headword of saham\n#: seeds/saham.md:3\n#, fuzzy\n"
            + "\n".join(strings) + "\n").replace("\n", newline)
    po = parse_po(text, source="saham.po")
    (entry,) = po.entries
    moved = dataclasses.replace(po, entries=(
        entry.with_changes(references=("seeds/saham.md:4",), line=0),))
    written = render_po(moved)
    assert newline.join(strings) + newline in written
    (again,) = parse_po(written, source="saham.po").entries
    assert again.references == ("seeds/saham.md:4",)
    assert (again.previous_msgctxt, again.previous_msgid, again.msgctxt, again.msgid,
            again.msgstr, again.fuzzy) == ("saham", "Saham biasa", "saham", "Saham",
                                           "Share, a unit", True)
    if GNU:
        path = tmp_path_factory.mktemp("indented") / "saham.po"
        path.write_text(written, encoding="utf-8", newline="")
        check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                               capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stderr


def test_update_keeps_an_indented_msgid_when_its_reference_moves(tmp_path: Path) -> None:
    root = make_root(tmp_path, {"saham": article(
        "Saham", "Saham dibeli melalui [peniaga broker](/broker-dealer).\n",
        description="Unit pemilikan syarikat.")})
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    po = root / "locale/en/LC_MESSAGES/glossary.po"
    text = po.read_text(encoding="utf-8").replace(
        'msgid "Unit pemilikan syarikat."\nmsgstr ""',
        '  msgid "Unit pemilikan syarikat."\nmsgstr "A unit of ownership of a company."')
    po.write_text(text, encoding="utf-8")
    seed = root / "seeds/saham.md"
    seed.write_text(seed.read_text(encoding="utf-8").replace("---\n", "---\nauthor: Ali\n", 1),
                    encoding="utf-8")
    assert cli(root, "extract")[0] == 0
    code, err = cli(root, "update", "-l", "en")
    assert code == 0, err
    written = po.read_text(encoding="utf-8")
    assert ('#: seeds/saham.md:4\n  msgid "Unit pemilikan syarikat."\n'
            'msgstr "A unit of ownership of a company."\n') in written
    assert cli(root, "compile", "-l", "en")[0] == 0
    if GNU:
        check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                               capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stderr
