"""``glossari align``: fill a language's catalogs from translated articles (po4a's gettextize).

For each ``DIR/<id>.md`` with a ``seeds/<id>.md``, both are read with the article reader and paired
by position (:func:`glossari.align.pairing.pair_articles`); each paired text becomes the msgstr of
the matching message in ``locale/LANG/LC_MESSAGES/<domain>.po``. A file whose structure differs
from its seed gives nothing (the catalogs get no message from it). A message that already has a
translation (fuzzy included) keeps it unless ``force`` is set; a catalog is written atomically,
and only when its content changed.

A text still the Malay source, word for word, is not a translation: ``glossari render`` keeps the
Malay wherever the catalogs have no English yet, so a translator who edits some paragraphs of its
output and hands the file back leaves the rest in Malay (perhaps rewrapped by an editor: the
words are compared, not the line breaks). Those are counted
(:attr:`FileReport.untouched`), never written (they would count as translated English). A text
with no lower-case letter outside its code spans (``FINRA``, ``S&P 500``, ``2024``, a formula
written as code) is the same in both languages and is taken.
"""

from __future__ import annotations

import hashlib
import re
import stat
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from glossari._rendered import (
    LANGUAGE,
    read_digest,
    read_record,
    record_withdrawals,
    withdrawal,
)
from glossari.align.pairing import MessageKey, Pairing, pair_articles
from glossari.catalog.formats import entry_problem
from glossari.catalog.languages import check_translation_language
from glossari.catalog.messages import (
    GLOSSARY_DOMAIN,
    is_block_message,
    is_category_message,
    is_link_context,
    iter_messages,
)
from glossari.catalog.pofile import Entry, encode_po, read_po, require_catalog_file
from glossari.catalog.translations import (
    catalog_folder,
    catalog_lock,
    check_language,
    check_unchanged,
    misspelt_folder,
)
from glossari.catalog.usable import unusable_translation
from glossari.checks.parity import says, without_code
from glossari.errors import CatalogError, GlossariError
from glossari.model import Term
from glossari.root import GlossaryRoot, file_kind, relative_name
from glossari.seeds.article import parse_article, read_article
from glossari.seeds.folder import NOT_ARTICLES, article_paths
from glossari.seeds.markdown import reads_alike, reference_definitions
from glossari.seeds.source import read_article_text
from glossari.text import excerpt

__all__ = ["AlignReport", "FileReport", "align_folder", "catalog_path"]

def catalog_path(root: GlossaryRoot, lang: str, domain: str) -> Path:
    """``locale/LANG/LC_MESSAGES/<domain>.po`` under ``root``."""
    return catalog_folder(root, check_language(lang)) / f"{domain}.po"


@dataclass(frozen=True, slots=True, kw_only=True)
class FileReport:
    """What one translated file gave."""

    path: str
    """The translated file, as named in messages."""
    error: str | None = None
    """Why nothing from it was taken (structure mismatch, unreadable file), or None."""
    filled: int = 0
    """Messages whose msgstr it set."""
    kept: int = 0
    """Messages that already had a translation, left as they were (no ``--force``)."""
    same: int = 0
    """Messages that already had this very translation."""
    missing: int = 0
    """Paired messages absent from the catalogs (a template older than the seed)."""
    untouched: int = 0
    """Messages this file still gives in Malay, word for word: not taken (see above)."""
    withdrawn: int = 0
    """Messages this file gives back in Malay, word for word, whose catalog translation
    ``--force`` marked fuzzy: a translator who pastes the Malay back over a translation undoes
    it (kept in the catalog for review; ``render`` then keeps the Malay, as the file does).
    Without ``--force`` such a translation is kept (counted in :attr:`kept`), and so is one
    several articles share (a category, ``Sorotan``: their English would go with it). A link
    text is never one: in Malay, it stands in a block given back in Malay."""
    refused: int = 0
    """Translations not taken because ``render`` would refuse them (links or HTML that differ
    from the source's, a control character): named in :attr:`notes`."""
    as_rendered: int = 0
    """Link messages not taken from a rendering a translator edited since, because every block
    they stand in is as ``render`` wrote it (its text the catalog's translation of that block):
    such a link text is the inflection that block's translation uses (``[share](/stock)`` in
    one sentence for the catalog's ``shares``), not the translator's, and ``--force`` wrote it
    over the catalog's (:func:`glossari.align.pairing.pair_articles`)."""
    notes: tuple[str, ...] = ()
    """Smaller things left out (see :class:`glossari.align.pairing.Pairing`)."""
    rendered: bool = False
    """The file holds the very bytes ``glossari render`` wrote (its record says so): nothing
    of a translator's is in it, so nothing is taken. Its link texts are the inflections its
    paragraphs' translations happen to use, not translations of the link messages, and an
    older rendering would give back older text (``--force`` wrote them over the catalogs')."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AlignReport:
    """What ``align`` did."""

    files: tuple[FileReport, ...]
    """One report per translated file with a seed, in name order."""
    skipped: tuple[str, ...] = ()
    """Files in DIR with no seed of the same name."""
    written: tuple[str, ...] = ()
    """Catalogs rewritten (their content changed)."""

    @property
    def failed(self) -> tuple[FileReport, ...]:
        """The files nothing was taken from."""
        return tuple(f for f in self.files if f.error is not None)


def align_folder(
    root: GlossaryRoot, lang: str, folder: Path, *, force: bool = False, label: str | None = None
) -> AlignReport:
    """Fill ``root``'s ``lang`` catalogs from the translated articles in ``folder``.

    ``label`` names the folder in messages (default: the path as given). Raises
    :class:`CatalogError` when a needed catalog is missing (run ``glossari update -l LANG``
    first) or unreadable; per-file problems are reported in :class:`AlignReport` instead.
    """
    check_translation_language(lang)
    if not folder.is_dir():
        # a file or a device given for the folder exists: "no such folder" sent the user looking
        # for a typo
        try:
            mode = folder.stat().st_mode
        except OSError:
            what = "no such folder"
        else:
            what = ("a file, not a folder" if stat.S_ISREG(mode)
                    else f"{file_kind(mode)}, not a folder")
        raise CatalogError(what, path=folder.as_posix(),
                           hint="give the folder holding the translated articles")
    if folder.resolve() == root.seeds.resolve():
        raise CatalogError(
            "this is the seeds/ folder itself", path=folder.as_posix(),
            hint="give the folder of the translated articles; aligning the Malay with itself "
            "would copy Malay into the catalog as its translation",
        )
    record = read_record(folder)
    rendered = record.get(LANGUAGE)
    if rendered is not None and rendered != lang:
        # a folder render wrote in another language (one output folder for two): its text
        # went into this language's catalogs as their translations
        raise CatalogError(
            f"this folder holds the {rendered} rendering ('glossari render -l {rendered}' "
            f"wrote it), not {lang} articles", path=folder.as_posix(),
            hint=f"give -l {rendered}, or the folder of the {lang} articles")
    shown = (label or folder.as_posix()).rstrip("/")
    reports: list[FileReport] = []
    references: dict[int, str] = {}  # a report's seed's reference definitions
    # the pairs by domain, in file order, each with its file and its place in the file; only one
    # catalog is then read at a time (all of them at once take gigabytes at 30,000 articles)
    by_domain: dict[str, list[_Pair]] = {}
    skipped: list[str] = []
    loanwords: dict[int, set[MessageKey]] = {}  # by file: link texts its English keeps as Malay
    # renderings a translator edited since render wrote them (its record names them): paired
    # under the lock, once the catalogs say which of their blocks still stand as rendered
    edited: list[tuple[int, Term, Term]] = []
    renderings: dict[int, tuple[str, str]] = {}  # those: their name and digest, by report
    # the extension and the name in any case, as the seeds are read (`X.MD` pairs with
    # `seeds/x.md`); a file with no seed of its name is reported as skipped, never silently
    seeds = {path.stem.casefold(): path for path, _ in article_paths(root.seeds, base=root.path)}
    for path in sorted(p for p in folder.iterdir() if p.suffix.casefold() == ".md"
                       and not p.name.startswith(".")):
        if path.stem.casefold() in NOT_ARTICLES:
            continue
        name = f"{shown}/{path.name}"
        seed = seeds.get(path.stem.casefold())
        if seed is None:
            skipped.append(name)
            continue
        held = _digest(path) if path.name in record else None
        if path.name in record and held == record[path.name]:
            reports.append(FileReport(path=name, rendered=True))
            continue
        try:
            shown_seed = relative_name(seed, root.path, resolve=True)
            seed_text = read_article_text(seed, source=shown_seed)
            source = parse_article(seed_text, term_id=seed.stem, source=shown_seed)
            translated = read_article(path, source=name)
            pairing = pair_articles(source, translated)
        except GlossariError as error:
            reports.append(FileReport(path=name, error=str(error)))
            continue
        # the seed's reference definitions resolve its messages' reference links, as in render
        references[len(reports)] = reference_definitions(seed_text)
        if path.name in record:
            if held is not None:
                renderings[len(reports)] = path.name, held
            edited.append((len(reports), source, translated))
            reports.append(FileReport(path=name))
            continue
        _add_pairs(by_domain, len(reports), pairing, loanwords)
        reports.append(FileReport(path=name, notes=pairing.notes))
    if not reports:
        # `align -l en docs/examples` for docs/examples/en, or an empty folder: 'no catalog
        # changed', exit 0, as if every translation were already in
        first = skipped[0].rsplit("/", 1)[-1] if skipped else ""
        others = ("" if not skipped else
                  f"; its one Markdown file, {first}, names no article" if len(skipped) == 1
                  else f"; its {len(skipped)} Markdown files ({first}, ...) name no article")
        raise CatalogError(
            f"no translated article here: no file is named as an article of seeds/ (X.md for "
            f"seeds/X.md){others}", path=shown,
            hint="give the folder holding the translated articles")

    # Read, fill and write under the lock `update` holds: an update running meanwhile would
    # otherwise write back the catalog it read before this align, and the alignment would be lost.
    with catalog_lock(root, lang):
        if edited:
            known = _block_translations(root, lang, [source for _, source, _ in edited])
            for file, source, translated in edited:
                pairing = pair_articles(source, translated,
                                        as_rendered=lambda key, text: _reads_as(
                                            known.get(key), text))
                _add_pairs(by_domain, file, pairing, loanwords)
                reports[file] = replace(reports[file], notes=pairing.notes,
                                        as_rendered=pairing.as_rendered)
            by_domain = {domain: sorted(pairs) for domain, pairs in by_domain.items()}
        # a rendering whose Malay align --force took as withdrawals, in these very bytes: a
        # translation confirmed in the catalog since is the translator's review of it
        reviewed: dict[int, frozenset[MessageKey]] = {}
        # a rendering render wrote after align --force withdrew some of its messages, in
        # Malay there: a translation typed back in their place is the translator's
        retyped: dict[int, frozenset[MessageKey]] = {}
        for file, (name, digest) in renderings.items():
            made = withdrawal(record, name)
            if made is not None and made[0] == digest:
                reviewed[file] = made[1]
            elif made is not None and made[0] == record.get(name):
                retyped[file] = made[1]
        withdrawn: dict[int, set[MessageKey]] = {}
        report = _fill_catalogs(root, lang, reports, by_domain, skipped, force=force,
                                references=references, loanwords=loanwords, reviewed=reviewed,
                                retyped=retyped, withdrawn=withdrawn)
    # (after the catalogs' lock: render takes the folder's, then reads the catalogs)
    record_withdrawals(folder, {
        name: (digest, frozenset(withdrawn[file]) | reviewed.get(file, frozenset()))
        for file, (name, digest) in renderings.items() if withdrawn.get(file)})
    return report


def _add_pairs(by_domain: dict[str, list[_Pair]], file: int, pairing: Pairing,
               loanwords: dict[int, set[MessageKey]]) -> None:
    for place, ((domain, context, msgid), text) in enumerate(pairing.translations):
        by_domain.setdefault(domain, []).append((file, place, context, msgid, text))
    # a link text written as its Malay (`[riba](/riba)`) in a block the translator gave in
    # other words is their English for it, as English keeps such loanwords; in a block left
    # in Malay it is Malay left untranslated
    loanwords[file] = {key for key, blocks in pairing.link_blocks.items()
                       if any(not _reads_as_malay(text, malay) for malay, text in blocks)}


def _block_translations(root: GlossaryRoot, lang: str,
                        sources: list[Term]) -> dict[MessageKey, str]:
    """The catalogs' current translations (not fuzzy) of the block, description and headword
    messages of ``sources``: what ``render`` writes for them, so that a block of a rendering
    standing so is one the translator left as rendered. Only those messages are kept, each
    catalog read once; a catalog missing or unreadable gives none (filling names it)."""
    wanted: dict[str, set[tuple[str | None, str]]] = {}
    for source in sources:
        for message in iter_messages(source):
            # (and the headword, which the title and the heading repeating it write alike)
            if message.context is None or (message.domain == GLOSSARY_DOMAIN
                                           and message.context == source.id):
                wanted.setdefault(message.domain, set()).add((message.context, message.msgid))
    known: dict[MessageKey, str] = {}
    for domain, keys in wanted.items():
        path = catalog_path(root, lang, domain)
        try:
            _data, po = read_po(path, source=relative_name(path, root.path, resolve=True))
        except (OSError, GlossariError):
            continue
        for entry in po.entries:
            if (entry.key in keys and not entry.obsolete and not entry.fuzzy
                    and entry.has_translation):
                known[domain, *entry.key] = entry.msgstr
    return known


def _digest(path: Path) -> str | None:
    """The SHA-256 of ``path``'s bytes, as ``render``'s record keeps it (None: unreadable;
    :func:`glossari._rendered.read_digest`, render's own reading)."""
    try:
        return read_digest(path)
    except GlossariError:
        return None


_Pair = tuple[int, int, str | None, str, str]
"""A paired message: (its file's index, its place in that file, msgctxt, msgid, translation)."""

_LONG_ENOUGH = 30
"""Characters of Malay from which a block's length says something of its translation's."""

_ODD_LENGTH = 1.8
"""How many times longer (or shorter) than a file's usual translation, against its Malay, a
block's may be before it is taken fuzzy: two paragraphs merged into one are about twice."""


def _odd_lengths(by_domain: Mapping[str, list[_Pair]]) -> dict[tuple[int, int], float]:
    """The body blocks whose translation is far longer or shorter than the file's others,
    against their Malay, by (file, place), with that ratio: blocks pair by position, and a
    translator who merged two paragraphs and split a later one gave each slot the wrong text
    with every kind still matching. Files of fewer than three such blocks say nothing."""
    from statistics import median

    ratios = _length_ratios(by_domain)
    odd: dict[tuple[int, int], float] = {}
    for file, found in ratios.items():
        if len(found) < 3:
            continue
        usual = median(ratio for _, ratio in found)
        for place, ratio in found:
            relative = ratio / usual
            if relative > _ODD_LENGTH or relative < 1 / _ODD_LENGTH:
                odd[file, place] = relative
    return odd


def _length_ratios(by_domain: Mapping[str, list[_Pair]]) -> dict[int, list[tuple[int, float]]]:
    """Each file's body blocks of :data:`_LONG_ENOUGH` characters of Malay at least, as
    (place, the translation's length against the Malay's)."""
    ratios: dict[int, list[tuple[int, float]]] = {}
    for domain, pairs in by_domain.items():
        if domain == GLOSSARY_DOMAIN:
            continue
        for file, place, _context, msgid, text in pairs:
            if len(msgid) >= _LONG_ENOUGH and text.strip():
                ratios.setdefault(file, []).append((place, len(text) / len(msgid)))
    return ratios


_SWAPPED_OFF = 1.3
"""How far from the file's usual, against their Malay, two blocks side by side must be, one
longer and one shorter, to look swapped when exchanged they are within :data:`_SWAPPED_FIT`."""

_SWAPPED_FIT = 1.2


def _swapped_by_length(by_domain: Mapping[str, list[_Pair]]) -> set[tuple[int, int]]:
    """Two body blocks side by side, by (file, place), the one's translation far longer than
    the file's usual against its Malay and the other's far shorter, which exchanged are each
    of the usual length: a translator who moved a list item past another (two `Sorotan`
    points, no number in either) gave each slot the other's text."""
    from statistics import median

    usual = {file: median(ratio for _, ratio in found)
             for file, found in _length_ratios(by_domain).items() if len(found) >= 3}
    found: set[tuple[int, int]] = set()

    def off(ratio: float) -> float:
        return max(ratio, 1 / ratio)

    for domain, pairs in by_domain.items():
        if domain == GLOSSARY_DOMAIN:
            continue
        for one, two in pairwise(pairs):
            (file, place, _, first, first_text), (other, after, _, second, second_text) = one, two
            if (file != other or file not in usual or first_text == second_text
                    or min(len(first), len(second)) < _LONG_ENOUGH
                    or not first_text.strip() or not second_text.strip()):
                continue
            r = usual[file]
            given = (len(first_text) / len(first) / r, len(second_text) / len(second) / r)
            exchanged = (len(second_text) / len(first) / r, len(first_text) / len(second) / r)
            if ((given[0] - 1) * (given[1] - 1) < 0
                    and min(off(given[0]), off(given[1])) > _SWAPPED_OFF
                    and max(off(exchanged[0]), off(exchanged[1])) < _SWAPPED_FIT):
                found.update(((file, place), (file, after)))
    return found


_COGNATE = 5
"""Letters two words must begin alike with (Malay's `k` read as English's `c`) to be one
word's forms or cognates (`sekuriti`, `securities`; `investing`, `investments`)."""


_CLITIC = re.compile(r"(?<=\w{4})(?:nya|lah|kah)\Z")
"""Malay's clitics, cut from a word (`pelaburannya`) of four letters besides before it is
matched."""


def _names(text: str, *, malay: bool) -> frozenset[str]:
    """The words of ``text`` that may name something in either language: of four letters or
    more, or an acronym (`SC`); a Malay word without its clitic, each folded, `k` read as
    `c` (`sekuriti`, `securities`), its link targets left out (they are the same in both)."""
    from glossari.checks.parity import strip_link_targets

    words = [word.casefold() for word in _WORD.findall(strip_link_targets(text))
             if (len(word) >= 4 or (len(word) >= 2 and word.isupper())) and not word.isdigit()]
    if malay:
        words = [_CLITIC.sub("", word) for word in words]
    return frozenset(word.replace("k", "c") for word in words)


def _akin(one: str, other: str) -> bool:
    """Whether two of :func:`_names`' words are one (`broker`), forms of one or cognates: they
    begin alike for :data:`_COGNATE` letters at least, and all but three letters of the shorter
    (`investing`, `investments`; `dividen`, `dividends`; not `sendiri`, `send`)."""
    if one == other:
        return True
    alike = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        alike += 1
    return alike >= _COGNATE and alike >= min(len(one), len(other)) - 3


_Said = tuple[frozenset[str], dict[str, tuple[str, ...]]]
"""An English text's words (:func:`_names`), and those of :data:`_COGNATE` letters or more
by their first :data:`_COGNATE` letters: what :func:`_shared` looks a Malay word up in."""


def _said(english: frozenset[str]) -> _Said:
    by_start: dict[str, list[str]] = {}
    for word in english:
        if len(word) >= _COGNATE:
            by_start.setdefault(word[:_COGNATE], []).append(word)
    return english, {start: tuple(words) for start, words in by_start.items()}


def _shared(malay: frozenset[str], english: _Said) -> int:
    """How many of a Malay block's words (:func:`_names`) its English says alike."""
    words, by_start = english
    return sum(1 for word in malay if word in words or (
        len(word) >= _COGNATE and any(_akin(word, other)
                                      for other in by_start.get(word[:_COGNATE], ()))))


def _swapped_by_words(
    by_domain: Mapping[str, list[_Pair]],
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Two body blocks side by side, by (file, place), each of whose Malay shares more names
    with the other's translation than with its own: a word both languages write alike (`SC`,
    `Malaysia`, `broker`), a cognate (`sekuriti`, `securities`), or a pair the file itself
    gives the glossary (a headword, a category, a link text: `Pelaburan`, `Investing`). A translator
    who moved a list item or a paragraph gave each slot the other's text, often of much the
    same length and with no number in either: two `Sorotan` points exchanged. Second, the
    blocks moved in a cycle of three or more (:func:`_rotated`: a point moved two places
    down)."""
    # each file's own pairs (a few: reading every file's for each block took minutes at
    # 30,000 articles)
    lexicon: dict[int, list[tuple[frozenset[str], _Said]]] = {}
    for file, _place, _context, msgid, text in by_domain.get(GLOSSARY_DOMAIN, ()):
        # a headword, a category, a link text: a name, not a sentence
        if text.strip() and len(_WORD.findall(msgid)) <= 4 and not _gives_the_malay(text, msgid):
            said, named = _names(msgid, malay=True), _names(text, malay=False)
            if said and named:
                lexicon.setdefault(file, []).append((said, _said(named)))

    def score(file: int, malay: frozenset[str], english: _Said) -> int:
        # (a pair's English words looked up in the block's: `investing` in `investments`)
        return _shared(malay, english) + sum(
            1 for words, (names, _) in lexicon.get(file, ())
            if words <= malay and _shared(names, english))

    # each block's words read once (a block is the first of one pair and the second of the
    # next)
    read: dict[tuple[int, int], tuple[frozenset[str], _Said]] = {}

    def names(file: int, place: int, msgid: str, text: str) -> tuple[frozenset[str], _Said]:
        if (file, place) not in read:
            read[file, place] = (_names(msgid, malay=True), _said(_names(text, malay=False)))
        return read[file, place]

    found: set[tuple[int, int]] = set()
    moved: set[tuple[int, int]] = set()
    for domain, pairs in by_domain.items():
        if domain == GLOSSARY_DOMAIN:
            continue
        for one, two in pairwise(pairs):
            (file, place, _, first, first_text), (other, after, _, second, second_text) = one, two
            if (file != other or first_text == second_text or not first_text.strip()
                    or not second_text.strip()):
                continue
            (one_malay, one_english), (two_malay, two_english) = (
                names(file, place, first, first_text), names(file, after, second, second_text))
            if (score(file, one_malay, two_english) > score(file, one_malay, one_english)
                    and score(file, two_malay, one_english)
                    > score(file, two_malay, two_english)):
                found.update(((file, place), (file, after)))
        moved |= _rotated(pairs, names, score)
    return found, moved


_MOVED_REACH = 4
"""How many places a block may have moved for :func:`_rotated` to follow it: a `Sorotan`
point moved two, three or four places down or up."""


def _rotated(
    pairs: list[_Pair],
    names: Callable[[int, int, str, str], tuple[frozenset[str], _Said]],
    score: Callable[[int, frozenset[str], _Said], int],
) -> set[tuple[int, int]]:
    """Blocks of one file, by (file, place), whose translations are those of each other's
    Malay in a cycle (slots B, C, A for the Malay A, B, C): each Malay's block
    points at the block within :data:`_MOVED_REACH` places whose translation shares the most
    names with it, when more than its own does, and the blocks whose pointers close a cycle
    were moved (two exchanged across a third, or more in a ring). Each block points at one
    other at most, so the cycles are found in one walk."""
    best: dict[int, int] = {}
    for at, (file, place, _, msgid, text) in enumerate(pairs):
        if not text.strip():
            continue
        malay, own = names(file, place, msgid, text)
        top, to = score(file, malay, own), None
        # the nearest first, so that of two alike the nearer wins
        for near in (at + step * way for step in range(1, _MOVED_REACH + 1)
                     for way in (-1, 1)):
            if not 0 <= near < len(pairs):
                continue
            other_file, other_place, _, other_msgid, other_text = pairs[near]
            if other_file != file or other_text == text or not other_text.strip():
                continue
            said = score(file, malay, names(other_file, other_place, other_msgid,
                                            other_text)[1])
            if said > top:
                top, to = said, near
        if to is not None:
            best[at] = to
    return {(pairs[i][0], pairs[i][1]) for i in _cycles(best)}


def _cycles(best: Mapping[int, int]) -> set[int]:
    """The indexes on a cycle of ``best`` (each index pointing at one other at most): blocks
    whose translations are each another's of them, a permutation, found in one walk."""
    found: set[int] = set()
    done: set[int] = set()
    for start in best:
        walk: list[int] = []
        step: int | None = start
        while step is not None and step not in done and step not in walk:
            walk.append(step)
            step = best.get(step)
        done.update(walk)
        if step is not None and step in walk:
            found.update(walk[walk.index(step):])
    return found


def _swapped(
    by_domain: Mapping[str, list[_Pair]],
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """The body blocks, by (file, place), whose numbers differ from their Malay's where the
    two translations of a block and the one after it, exchanged, would agree with theirs
    (:func:`glossari.checks.parity.number_difference`, C205's rule): a translator who moved a
    list item or a paragraph gave each slot the other's text, every kind still matching,
    often of much the same length. Second, the blocks moved in a cycle (a point moved two
    places down): each whose numbers differ from its Malay's points at the nearest block
    within :data:`_MOVED_REACH` places whose translation's agree, and the pointers that close
    a cycle are a permutation (:func:`_cycles`)."""
    from glossari.checks.parity import number_difference

    found: set[tuple[int, int]] = set()
    moved: set[tuple[int, int]] = set()
    for domain, pairs in by_domain.items():
        if domain == GLOSSARY_DOMAIN:
            continue
        # each block's own verdict once (most hold no number: no difference at once)
        differs = [number_difference(msgid, text) is not None
                   for _file, _place, _context, msgid, text in pairs]
        for index, (one, two) in enumerate(pairwise(pairs)):
            # (a file's pairs of a domain are in its order)
            if one[0] != two[0] or not (differs[index] or differs[index + 1]):
                continue
            (file, place, _, first, first_text), (_, after, _, second, second_text) = one, two
            if (first_text != second_text and number_difference(first, second_text) is None
                    and number_difference(second, first_text) is None):
                found.update(((file, place), (file, after)))
        best: dict[int, int] = {}
        for at, (file, _place, _context, msgid, text) in enumerate(pairs):
            if not differs[at]:
                continue
            for near in (at + step * way for step in range(1, _MOVED_REACH + 1)
                         for way in (-1, 1)):
                if (0 <= near < len(pairs) and differs[near] and pairs[near][0] == file
                        and pairs[near][4] != text
                        and number_difference(msgid, pairs[near][4]) is None):
                    best[at] = near
                    break
        moved.update((pairs[i][0], pairs[i][1]) for i in _cycles(best))
    return found, moved


def _fill_catalogs(
    root: GlossaryRoot,
    lang: str,
    reports: list[FileReport],
    by_domain: dict[str, list[_Pair]],
    skipped: list[str],
    *,
    force: bool,
    references: Mapping[int, str],
    loanwords: Mapping[int, set[MessageKey]],
    reviewed: Mapping[int, frozenset[MessageKey]],
    retyped: Mapping[int, frozenset[MessageKey]],
    withdrawn: dict[int, set[MessageKey]],
) -> AlignReport:
    from glossari._atomic import StagedWrites

    # catalog_lock, held, removed a killed writer's temporary catalogs
    paths: dict[str, Path] = {}
    for domain in by_domain:  # every catalog needed must exist before any is read
        path = catalog_path(root, lang, domain)
        shown = relative_name(path, root.path, resolve=True)
        try:  # a pipe or a device there is refused as every command refuses it
            require_catalog_file(path, source=shown)
        except OSError:
            # the language's catalogs under another spelling (locale/sr_Latn) are named
            raise misspelt_folder(root.path, lang) or CatalogError(
                "no such catalog", path=shown,
                hint=f"run 'glossari extract' and 'glossari update -l {lang}' first",
            ) from None
        paths[domain] = path
    counts: list[Counter[str]] = [Counter() for _ in reports]
    kept: list[list[tuple[int, str]]] = [[] for _ in reports]
    written: list[str] = []
    # a catalog that cannot be read, found after others were filled, leaves every catalog as it
    # was: the filled ones are staged beside their targets and put in place together at the end
    read: dict[Path, tuple[str, str]] = {}  # a staged catalog: its digest as read, its name
    odd = _odd_lengths(by_domain)
    by_words, moved = _swapped_by_words(by_domain)
    by_numbers, moved_numbers = _swapped(by_domain)
    swapped = by_numbers | _swapped_by_length(by_domain) | by_words
    moved |= moved_numbers
    prose = _english_prose(by_domain)
    with StagedWrites() as staged:
        for domain, path in paths.items():
            shown = relative_name(path, root.path, resolve=True)
            data, po = read_po(path, source=shown)
            index = {e.key: i for i, e in enumerate(po.entries) if not e.obsolete}
            entries = list(po.entries)
            changed = False
            taken: dict[int, int] = {}  # entry index -> the file whose translation this run took
            for file, place, context, msgid, text in by_domain[domain]:
                at = index.get((context, msgid))
                if at is None:
                    counts[file]["missing"] += 1
                    continue
                entry = entries[at]
                if not entry.fuzzy and (entry.msgstr == text or (
                        domain != GLOSSARY_DOMAIN and _reads_as(entry.msgstr, text))):
                    # (a body block in other Markdown syntax, `_x_` for `*x*`, its lines
                    # wrapped elsewhere: the same translation, whose catalog bytes stay)
                    counts[file]["same"] += 1
                    taken.setdefault(at, file)
                elif (_gives_the_malay(text, msgid)
                      and any(char.islower() for char in without_code(text))
                      and (domain, context, msgid) not in loanwords.get(file, ())
                      and not (domain == GLOSSARY_DOMAIN and context is not None
                               and not is_link_context(context)
                               and says(prose.get(file, ""), text))):
                    # (a headword the file's own English prose says as written is its English
                    # name: `Murabahah is a cost-plus sale`, `Takaful is ...`)
                    if (not entry.has_translation or entry.fuzzy or is_link_context(context)
                            or at in taken):
                        # nothing of the catalog's to undo; a link text in Malay stands in a
                        # block given back in Malay (that block says nothing of the link term
                        # every article shares); a message another file translated this run
                        counts[file]["untouched"] += 1
                    elif (domain, context, msgid) in reviewed.get(file, ()):
                        # align --force withdrew it for these very bytes, and the translator
                        # confirmed it in the catalog since: withdrawn again, their review
                        # was undone on every round of render's refusal and its hint
                        counts[file]["kept"] += 1
                        kept[file].append((place, f"{reports[file].path}: kept the catalog's "
                                                  f"'{_short(entry.msgstr)}' for "
                                                  f"'{_short(msgid)}': confirmed in the "
                                                  "catalog since align --force marked it "
                                                  "fuzzy for this file's Malay (render writes "
                                                  "it back; to withdraw it again, mark it "
                                                  "fuzzy in the catalog)"))
                    elif (shared := _articles(entry)) > 1 or not force:
                        # a category, `Sorotan`: the other articles' English would go with it
                        why = (f", but {shared} articles share the message; change it in the "
                               "catalog" if shared > 1 else "; --force marks it fuzzy, so that "
                               "render keeps the Malay")
                        counts[file]["kept"] += 1
                        kept[file].append((place, f"{reports[file].path}: kept the catalog's "
                                                  f"'{_short(entry.msgstr)}' for "
                                                  f"'{_short(msgid)}' (this file gives the "
                                                  f"Malay back{why})"))
                    else:
                        # a translator who pastes the Malay back undoes the translation: it
                        # goes fuzzy (kept for review, never compiled, so render keeps the
                        # Malay, as the file does), rather than render writing it back over
                        # the file, refused again after every align
                        counts[file]["withdrawn"] += 1
                        kept[file].append((place, f"{reports[file].path}: marked the "
                                                  f"catalog's '{_short(entry.msgstr)}' for "
                                                  f"'{_short(msgid)}' fuzzy: this file gives "
                                                  "the Malay back (--force)"))
                        entries[at] = entry.with_changes(flags=(*entry.flags, "fuzzy"))
                        withdrawn.setdefault(file, set()).add((domain, context, msgid))
                        taken[at] = file
                        changed = True
                elif (entry.fuzzy and entry.previous_msgid is not None
                      and entry.previous_msgid != msgid
                      and _gives_the_malay(text, entry.previous_msgid)
                      and any(char.islower() for char in without_code(text))):
                    # the block's older Malay (`#| msgid`), as the rendering held it before
                    # an editor changed the article: no English, and no fix to the Malay (it
                    # was read as the Malay with a word changed, 'a fix belongs in seeds/')
                    counts[file]["untouched"] += 1
                    kept[file].append((place, f"{reports[file].path}: '{_short(text)}' is "
                                              "this block's older Malay, before the article "
                                              f"in seeds/ changed it to '{_short(msgid)}': "
                                              "nothing to take (render writes the new Malay "
                                              "there; the catalog keeps its English, fuzzy, "
                                              "for review)"))
                elif (problem := unusable_translation(
                        msgid, text, block=is_block_message(domain, entry.extracted_comments),
                        references=references.get(file, ""),
                        category=is_category_message(domain, entry.extracted_comments))
                ) is not None:
                    # `check` would report it (C203) and `render` keep the Malay: not written
                    counts[file]["refused"] += 1
                    kept[file].append((place, f"{reports[file].path}: not taken for "
                                              f"'{_short(msgid)}': {problem}"))
                elif entry.flags and (disagrees := entry_problem(entry.reviewed(text))):
                    # the format flag a translator gave the message refuses it: written, it
                    # made compile, every command and msgfmt --check refuse the catalog
                    counts[file]["refused"] += 1
                    kept[file].append((place, f"{reports[file].path}: not taken for "
                                              f"'{_short(msgid)}': {disagrees.message}"))
                elif (not _gives_the_malay(text, msgid) and _reads_as_malay(text, msgid)
                      and any(char.islower() for char in without_code(text))):
                    # the Malay with a word changed (a spelling fixed in a block left in
                    # Malay): no English, whatever the catalog holds; the fix is the article's
                    counts[file]["untouched"] += 1
                    kept[file].append((place, f"{reports[file].path}: '{_short(text)}' reads "
                                              f"as its Malay '{_short(msgid)}' with a word "
                                              "changed: not taken as a translation (a fix to "
                                              "the Malay belongs in the article in seeds/)"))
                elif force and at in taken:
                    # a message shared by two files (body text has no msgctxt), or a link text two
                    # files inflect differently: the first file's
                    # translation stands under --force too (without it, the branch below keeps it)
                    counts[file]["kept"] += 1
                    kept[file].append((place, f"{reports[file].path}: kept "
                                              f"'{_short(entry.msgstr)}' from "
                                              f"{reports[taken[at]].path} for '{_short(msgid)}' "
                                              f"(this file says '{_short(text)}')"))
                elif entry.fuzzy and entry.msgstr == text and _made_for_another(entry):
                    # update made it fuzzy: its Malay changed since (`#| msgid`), and a
                    # rendering edited elsewhere still gives the older Malay's translation, as
                    # render wrote it then; --force confirmed it as the new Malay's
                    counts[file]["kept"] += 1
                    kept[file].append((place, f"{reports[file].path}: the catalog's fuzzy "
                                              f"'{_short(entry.msgstr)}' was made for an "
                                              f"older Malay than '{_short(msgid)}', and this "
                                              "file gives that translation: translate the "
                                              "new Malay here, or review it in the catalog"))
                elif (force and entry.fuzzy and entry.msgstr == text
                      and (domain, context, msgid) in retyped.get(file, ())):
                    # withdrawn by align --force, rendered in Malay since, and the translation
                    # typed back in its place: the translator's, not a text passed on unread
                    kept[file].append((place, f"{reports[file].path}: confirmed the catalog's "
                                              f"fuzzy '{_short(entry.msgstr)}' for "
                                              f"'{_short(msgid)}': this file gives it back "
                                              "where render wrote the Malay after align "
                                              "--force withdrew it (--force)"))
                    entries[at] = entry.reviewed(text)
                    taken[at] = file
                    counts[file]["filled"] += 1
                    changed = True
                elif entry.has_translation and (not force or entry.msgstr == text):
                    counts[file]["kept"] += 1
                    if entry.msgstr == text:
                        # fuzzy (an odd length, a swap, the Malay given back, an earlier run):
                        # the file gives the very text the catalog holds for review, so it
                        # says nothing of a review; --force confirmed it, and render's hint
                        # (align --force) made every such review skipped
                        kept[file].append((place, f"{reports[file].path}: '{_short(msgid)}' is "
                                                  "fuzzy in the catalog with this file's text: "
                                                  "review it there (clear its fuzzy flag), or "
                                                  "change the text in this file"))
                    else:
                        kept[file].append((place, f"{reports[file].path}: kept the catalog's "
                                                  f"'{_short(entry.msgstr)}' for "
                                                  f"'{_short(msgid)}' (this file says "
                                                  f"'{_short(text)}')"))
                else:
                    if entry.has_translation:  # --force: say whose work is replaced
                        kept[file].append((place, f"{reports[file].path}: replaced the "
                                                  f"catalog's '{_short(entry.msgstr)}' for "
                                                  f"'{_short(msgid)}' with '{_short(text)}' "
                                                  "(--force)"))
                    entries[at] = entry.reviewed(text)
                    # taken, for a person to confirm: fuzzy, until they clear the flag in the
                    # catalog or give another text here
                    if (file, place) in odd or (file, place) in swapped or (
                            file, place) in moved:
                        entries[at] = entries[at].with_changes(
                            flags=(*entries[at].flags, "fuzzy"))
                        why = (f"its length against the Malay is {odd[file, place]:.1f} "
                               "times the file's usual" if (file, place) in odd else
                               "its numbers, its names, or its length, are those of the "
                               "Malay block beside it, and that block's translation has this "
                               "one's: the two look swapped" if (file, place) in swapped else
                               "its numbers or its names are those of another Malay block "
                               "near it, whose own are in a third block's translation, and "
                               "so round: the blocks look moved")
                        kept[file].append((place, f"{reports[file].path}: '{_short(msgid)}' "
                                                  f"taken as fuzzy: {why} (blocks pair by "
                                                  "position: a paragraph merged, split or "
                                                  "moved gives a slot another's text)"))
                    taken[at] = file
                    counts[file]["filled"] += 1
                    changed = True
            if changed:
                new = encode_po(replace(po, entries=tuple(entries)), path=shown)
                if new != data:
                    staged.stage(path, new)
                    read[path] = hashlib.sha256(data).hexdigest(), shown
                    written.append(shown)
            del po, entries, index, data
        for path, (digest, shown) in read.items():
            check_unchanged(path, digest, source=shown, command=f"align -l {lang}")
        staged.commit()
    done = tuple(
        replace(report, filled=c["filled"], kept=c["kept"], same=c["same"], missing=c["missing"],
                untouched=c["untouched"], refused=c["refused"], withdrawn=c["withdrawn"],
                notes=report.notes + tuple(note for _, note in sorted(notes)))
        for report, c, notes in zip(reports, counts, kept, strict=True)
    )
    return AlignReport(files=done, skipped=tuple(skipped), written=tuple(sorted(written)))


def _english_prose(by_domain: Mapping[str, list[_Pair]]) -> dict[int, str]:
    """Each file's body blocks and description that it gives in other words than their Malay
    (the translator's own text): what :func:`glossari.checks.parity.says` reads."""
    found: dict[int, list[str]] = {}
    for domain, pairs in by_domain.items():
        for file, _place, context, msgid, text in pairs:
            if (domain != GLOSSARY_DOMAIN or context is None) and not _reads_as_malay(text, msgid):
                found.setdefault(file, []).append(text)
    return {file: "\n\n".join(texts) for file, texts in found.items()}


_WORD = re.compile(r"\w+")


def _gives_the_malay(text: str, malay: str) -> bool:
    """Whether ``text`` says its Malay source ``malay`` word for word: the same words,
    whatever stands between them (line breaks, punctuation, hyphens, emphasis; a word
    capitalised otherwise is English's title case, `Sukuk Ijarah`, and no longer the Malay). A
    translator who edits a rendering's Malay left untranslated (`kos-tambah-untung` for `kos
    tambah untung`, a comma added) wrote no English: taken, it was the catalog's English
    translation, too few words for `check` to call it Malay.

    >>> _gives_the_malay("Jualan kos-tambah-untung,\\nkini.", "Jualan kos tambah untung kini.")
    True
    >>> _gives_the_malay("Cost-plus sale.", "Jualan kos tambah untung.")
    False
    """
    return _WORD.findall(text) == _WORD.findall(malay)


def _reads_as_malay(text: str, malay: str) -> bool:
    """Whether ``text`` is its Malay source ``malay`` (:func:`_gives_the_malay`) or that Malay
    with a word or so changed: a translator who fixes a spelling in a rendering's Malay block
    (`ditangung` to `ditanggung`), or drops a word, wrote no English, and taken it was the
    catalog's English. One word in eight of a Malay text of four words at least may differ
    (at least one, fewer than half), compared as :func:`_gives_the_malay` compares, none of
    the words put in an English one of the shipped list (``and`` for ``dan`` among names).

    >>> _reads_as_malay("Kos jualan ialah jumlah kos yang ditanggung syarikat.",
    ...                 "Kos jualan ialah jumlah kos yang ditangung syarikat.")
    True
    >>> _reads_as_malay("Bank Negara Malaysia, Suruhanjaya Sekuriti and Bursa Malaysia.",
    ...                 "Bank Negara Malaysia, Suruhanjaya Sekuriti dan Bursa Malaysia.")
    False
    >>> _reads_as_malay("Cost of sales is the total cost a company bears.",
    ...                 "Kos jualan ialah jumlah kos yang ditanggung syarikat.")
    False
    """
    from difflib import SequenceMatcher

    theirs, ours = _WORD.findall(text), _WORD.findall(malay)
    if theirs == ours:
        return True
    if len(ours) < 4:
        return False
    from glossari.align.slugs import default_words

    matcher = SequenceMatcher(None, ours, theirs, autojunk=False)
    edits = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    changed = sum(max(i2 - i1, j2 - j1) for i1, i2, j1, j2 in edits)
    # a word English has put in (`dan` to `and` among names English keeps: `Bank Negara
    # Malaysia, Suruhanjaya Sekuriti and Bursa Malaysia`) is a translation, not a fix
    english = default_words()
    return (changed <= max(1, len(ours) // 8) and 2 * changed < len(ours)
            and not any(word.casefold() in english for _, _, j1, j2 in edits
                        for word in theirs[j1:j2]))


def _reads_as(translation: str | None, text: str) -> bool:
    """Whether ``text`` is the catalog's ``translation`` (None: none), or reads as it in
    other Markdown syntax (:func:`glossari.seeds.markdown.reads_alike`): an editor's or a
    translator's habits (`_x_` for `*x*`, a line wrapped elsewhere) are no new translation."""
    if translation is None or not translation:
        return False
    return translation == text or reads_alike(translation, text)


def _articles(entry: Entry) -> int:
    """How many articles ``entry``'s ``#:`` references name (a category, a heading or a
    paragraph written alike in several articles is one message)."""
    return len({reference.rsplit(":", 1)[0] for reference in entry.references})


def _made_for_another(entry: Entry) -> bool:
    """Whether ``entry``'s translation was made for another source text (``#| msgid``, or
    ``#| msgctxt``, as ``update`` keeps them when a message's Malay changes)."""
    return ((entry.previous_msgid is not None and entry.previous_msgid != entry.msgid)
            or (entry.previous_msgctxt is not None and entry.previous_msgctxt != entry.msgctxt))


def _short(text: str) -> str:
    """``text`` quoted in a note: :func:`glossari.text.excerpt` at 48 characters."""
    return excerpt(text, 48, "\u2026")
