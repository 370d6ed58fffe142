"""Is this text Malay? Language identification on langdetect, seeded, cached, and honest.

langdetect has no Malay profile: Malay text comes back as Indonesian (``id``), which shares most of
its vocabulary. So "Malay" here means P(id) + P(ms), the ``ms`` term only there in case a future
profile appears. Below :data:`MIN_WORDS` words no detector is reliable, and this module refuses to
answer (``None``) rather than guess.

Words are counted after stripping what is not language: Markdown link targets (the link *text*
stays), code spans, URLs (a bare domain too, ``sc.com.my``), e-mail addresses, HTML tags,
printf/format placeholders, template tags (``{% if kadar > 5 %}``:
:data:`glossari.text.TEMPLATE_TAG`) and numbers.
Proper names are no evidence either: *Bank Negara Malaysia* or *Permodalan Nasional Berhad* in an
English sentence are Malay words in every language; nor are words quoted in italics
(``The Malay term *untung kasar* means gross profit``). So the detector is handed the words
that are neither (a name: a capitalised word other than a sentence's first, or a first word
that starts a run of capitalised words), unless fewer than :data:`MIN_WORDS` are left: then
every word (a Title Case heading is no list of names).

>>> words("Lihat [peniaga broker](/broker-dealer), `x = 1` dan 3220 di https://example.com")
('Lihat', 'peniaga', 'broker', 'dan', 'di')
>>> malay_probability("Kos") is None  # too short: never a verdict
True

Detection is deterministic: the detector is seeded (``seed = 0``) and its profiles are loaded in a
fixed order, so a text always gets the same probability, whatever else is detected around it. That
is what makes the cache by text sound: :class:`LanguageIdentifier` keeps a table in the store of
derived state (:mod:`glossari._store`; never the source of truth, a corrupt or foreign file is
ignored and rewritten), so a second run over unchanged catalogs does no detection at all, and
detects a cold batch on every core.

That table is the one in the store not keyed on the package's fingerprint: detection depends only
on :func:`detection_text` and the detector's set-up (:data:`ALGORITHM_VERSION`) and on langdetect's
version, which make its ``code``; redoing every detection after any change to glossari would cost
minutes at 30,000 articles for nothing.

langdetect takes about half a second to import and load its profiles, so it is imported only when
a text actually needs detecting.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from glossari._store import CACHE_DIR, Store
from glossari.text import APOSTROPHES, TEMPLATE_TAG, blanked

__all__ = [
    "CACHE_DIR",
    "MIN_WORDS",
    "THRESHOLD",
    "LanguageIdentifier",
    "cache_path",
    "detection_text",
    "is_still_malay",
    "judged_text",
    "kept_malay",
    "malay_probability",
    "sentences",
    "words",
]

MIN_WORDS = 4
"""Fewer words than this: too short to tell, :func:`malay_probability` answers None."""

THRESHOLD = 0.5
"""P(id) + P(ms) at or above this is Malay."""


ALGORITHM_VERSION = 6
"""Bump when :func:`detection_text` or the detector set-up changes: old cache files go unused."""

POOL_THRESHOLD = 200
"""A cold batch bigger than this is detected in a process pool (profile loading costs ~0.5 s per
process, which only pays off over a few hundred texts at ~5 ms each)."""

_MALAY_CODES = ("id", "ms")

# Order matters: link targets and code go before URLs and numbers are looked for. Every repeat is
# bounded, so a hostile text ("](" ten thousand times) costs linear time, not quadratic.
_STRIP = re.compile(
    r"""
      \]\([^()\[\]\s]{0,2048}(?:\s+"[^"]{0,256}")?\)  # a link target: keep [text], drop (target)
    | (`{1,8}).{1,1000}?\1                     # a code span
    | <[a-zA-Z/!][^<>]{0,256}>                 # an HTML tag
    | (?:https?|ftp)://\S+ | www\.\S+           # a URL
    | (?<![\w.@/-])[a-zA-Z0-9][a-zA-Z0-9-]{0,62}(?:\.[a-zA-Z0-9-]{1,63}){0,4}
      \.(?:com|net|org|gov|edu|info|biz|io|my|sg|id|asia)(?![\w@-])(?:/\S{0,2048})?
                                               # a bare domain: sc.com.my, bnm.gov.my/OPR
    | %\([^)]{0,64}\)[-#0 +]{0,4}\d{0,4}(?:\.\d{1,4})?[a-zA-Z]   # %(name)s
    | %(?!\ [^\W\d_]{2})[-#0 +]{0,4}\d{0,4}(?:\.\d{1,4})?[sdifgexXcr%]  # %d; not 12% daripada
    | \{[^{}\s]{0,64}\}                         # {name}, {0}
    | """ + TEMPLATE_TAG + r"""                 # {% if kadar > 5 %}: not "% if", a percent
    """,
    re.VERBOSE | re.DOTALL,
)
# Apart, and only when there is an "@": tried at every word, it would triple the cost of _STRIP.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+")  # from a run's start: linear
# A word: letters, possibly joined by hyphens or apostrophes (``sehari-hari``, ``don't``). Digits
# never make a word, so numbers drop out here.
_WORD = re.compile(rf"[^\W\d_]+(?:[{APOSTROPHES}-][^\W\d_]+)*")
# A word or phrase in italics (*kos jualan*, _untung kasar_), as English and Malay set the other
# language's words they mention: no evidence of the text's own language (**strong** is not)
_ITALICS = re.compile(r"(?<![*\w])\*(?=[^\s*])[^*\n]{1,80}?(?<=[^\s*])\*(?![*\w])"
                      r"|(?<![_\w])_(?=[^\s_])[^_\n]{1,80}?(?<=[^\s_])_(?![_\w])")
# Where a sentence ends: . ! ? (and a closing quote or bracket), a space, then a capital letter
# (after an opening quote, bracket or emphasis mark); a line break alone ends none.
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"'\u201d\u2019)\]*_]{0,4}\s+(?=[\"'\u201c\u2018(\[*_]{0,4}[A-Z])")
# The word a dot ends, where a sentence ends (looked for in the few characters before it)
_DOTTED = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\.$")
_ABBREVIATIONS = frozenset({
    "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "no", "vs", "eg", "ie", "cf",  # English
    "en", "pn", "tn", "hj", "hjh", "sdn",  # Malay: Encik, Puan, Tuan, Haji, Hajah, Sendirian
})
"""Abbreviations that a name or a number follows, not a new sentence (``Dr. Ahmad``, ``ABC Sdn.
Bhd.``, ``No. 5``); ``Bhd.`` is not one, as a company's name often ends a sentence."""


def _sentence_parts(text: str) -> list[str]:
    """``text`` split where a sentence ends (:data:`_SENTENCE_END`), but not after an
    abbreviation (:data:`_ABBREVIATIONS`) or an initial (``J. P. Morgan``), which a name
    follows: ``Dr. Ahmad`` and ``ABC Sdn. Bhd.`` are no sentence ends.

    >>> _sentence_parts("Menurut Dr. Ahmad, bank itu bebas. Ia penting.")
    ['Menurut Dr. Ahmad, bank itu bebas.', 'Ia penting.']
    >>> _sentence_parts("ABC Sdn. Bhd. rose. J. P. Morgan fell.")
    ['ABC Sdn. Bhd. rose.', 'J. P. Morgan fell.']
    """
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        dotted = _DOTTED.search(text, max(start, match.start() - 8), match.start())
        if dotted is not None and (len(dotted.group(1)) == 1
                                   or dotted.group(1).casefold() in _ABBREVIATIONS):
            continue
        parts.append(text[start:match.start()])
        start = match.end()
    parts.append(text[start:])
    return parts


def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` that carry language, after stripping links' targets, code and such.

    >>> words("Sehingga Mei 2021, purata gaji ialah $57,504.")
    ('Sehingga', 'Mei', 'purata', 'gaji', 'ialah')
    """
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    return tuple(_WORD.findall(_STRIP.sub(" ", text)))


def _is_name(found: tuple[str, ...], i: int) -> bool:
    """Whether word ``i`` of a sentence's words is (part of) a proper name: capitalised, and not
    the sentence's first word unless a capitalised word follows it (``Bank Negara ...``)."""
    if not found[i][0].isupper():
        return False
    return i > 0 or (len(found) > 1 and found[1][0].isupper())


def _language_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` that tell its language: without proper names and the words it
    quotes in italics, unless that leaves fewer than :data:`MIN_WORDS` (then every word)."""
    every: list[str] = []
    kept: list[str] = []
    for sentence in _sentence_parts(text):
        found = words(sentence)
        every.extend(found)
        if "*" in sentence or "_" in sentence:
            found = words(_ITALICS.sub(" ", sentence))
        kept.extend(w for i, w in enumerate(found) if not _is_name(found, i))
    return tuple(kept if len(kept) >= MIN_WORDS else every)


@lru_cache(maxsize=1 << 16)  # every check asks twice per text: is it short, and what is P?
def detection_text(text: str) -> str | None:
    """What is handed to the detector (and keys the cache), or None when too short to tell.

    >>> detection_text("**Kos** jualan  tahunan\\n syarikat")
    'Kos jualan tahunan syarikat'
    >>> detection_text("Sorotan") is None
    True
    >>> detection_text("The sukuk was issued by Bank Negara Malaysia in June.")
    'The sukuk was issued by in'
    >>> detection_text("Memahami Kos Jualan Syarikat")  # no name left over: every word
    'Memahami Kos Jualan Syarikat'
    """
    found = _language_words(text)
    return " ".join(found) if len(found) >= MIN_WORDS else None


_MALAY_WORDS = frozenset({
    "yang", "dan", "untuk", "daripada", "ialah", "adalah", "dengan", "kepada", "oleh",
    "dalam", "akan", "telah", "tidak", "atau", "pada", "sebagai", "ini", "itu", "bagi",
    "juga", "boleh", "lebih", "kerana", "jika", "apabila", "secara", "antara", "iaitu",
    "seperti", "tersebut", "ia", "mereka", "setiap", "semua", "bahawa", "hanya", "sahaja",
    "masih", "sudah", "belum", "tetapi", "namun", "serta", "manakala", "di", "ke", "dari",
})
"""Malay's commonest function words, none an English word: a sentence holding none is not read
again on its own (:func:`sentences`). Only a gate against needless detection; the verdict is
still the detector's."""


def judged_text(translation: str, source: str) -> str:
    """What of a translation of ``source`` tells its language: ``translation`` itself when it
    holds one of Malay's commonest function words (a copy of the Malay, or one left half done:
    every word is evidence) or only words of its source (a copy); otherwise the translation
    without the words it keeps from its source, which are names and loanwords (*sukuk
    musyarakah*, *murabahah*, *Bursa Malaysia*) and tell nothing of the language they stand
    in. Link targets, code and the like go first, as for :func:`words`.

    >>> words(judged_text("Common sukuk structures are sukuk musyarakah and murabahah.",
    ...                   "Struktur sukuk yang lazim ialah sukuk musyarakah dan murabahah."))
    ('Common', 'structures', 'are', 'and')
    >>> judged_text("Pemegang sukuk berkongsi profit yang dijana.",
    ...             "Pemegang sukuk berkongsi keuntungan yang dijana.")
    'Pemegang sukuk berkongsi profit yang dijana.'

    >>> judged_text("Tukar kata laluan saya", "Tukar kata laluan saya")
    'Tukar kata laluan saya'

    A translation with no function word that keeps most of its source's words is left with
    too few to tell:

    >>> words(judged_text("Pemegang sukuk berkongsi profit.", "Pemegang sukuk berkongsi untung."))
    ('profit',)

    Words kept in a row, four or more, are Malay left untranslated, not loanwords, and stay:

    >>> judged_text("Losses dikongsi mengikut sumbangan modal.",
    ...             "Kerugian dikongsi mengikut sumbangan modal.")
    'Losses dikongsi mengikut sumbangan modal.'
    >>> words(judged_text("What Is Skim Simpanan Pendidikan Nasional?",
    ...                   "Apakah itu Skim Simpanan Pendidikan Nasional?"))
    ('What', 'Is')
    """
    found = words(translation)
    if not _MALAY_WORDS.isdisjoint(word.casefold() for word in found):
        return translation
    kept = {word.casefold() for word in words(source)}
    if kept.isdisjoint(word.casefold() for word in found) or kept.issuperset(
            word.casefold() for word in found):
        return translation  # nothing kept, or nothing but what is kept: a copy
    if "@" in translation:
        translation = _EMAIL.sub(" ", translation)
    text = _STRIP.sub(" ", translation)
    out: list[str] = []
    end = 0
    for kept_run in _kept_runs(text, list(_WORD.finditer(text)), kept):
        lower: list[re.Match[str]] = []
        for match in kept_run:
            if match.group().islower():
                lower.append(match)
                continue
            # a name's word (Skim Simpanan Pendidikan Nasional): a run of its own, and it
            # ends the lower-case one before it
            end = _drop_kept(text, lower, end, out)
            end = _drop_kept(text, [match], end, out)
            lower = []
        end = _drop_kept(text, lower, end, out)
    return "".join(out) + text[end:]


def _kept_runs(text: str, found: list[re.Match[str]],
               kept: set[str]) -> list[list[re.Match[str]]]:
    """The words of ``found`` (words of ``text``, in order) kept from the source (their folded
    form in ``kept``), in runs: words in a row with only white space between them. The one
    reading of "kept in a row" of :func:`judged_text` (a long run is Malay left untranslated,
    evidence) and :func:`kept_malay` (the run it quotes).

    >>> text = "Losses dikongsi mengikut modal, sukuk musyarakah"
    >>> [[m.group() for m in run] for run in _kept_runs(
    ...     text, list(_WORD.finditer(text)), {"dikongsi", "mengikut", "modal", "sukuk"})]
    [['dikongsi', 'mengikut', 'modal'], ['sukuk']]
    """
    runs: list[list[re.Match[str]]] = []
    previous: re.Match[str] | None = None
    for match in found:
        if match.group().casefold() not in kept:
            previous = None
            continue
        if previous is not None and text[previous.end():match.start()].isspace():
            runs[-1].append(match)
        else:
            runs.append([match])
        previous = match
    return runs


_GRAMMAR_WORDS = _MALAY_WORDS | frozenset({
    "sebelum", "selepas", "semasa", "sehingga", "terhadap", "mengikut", "melalui", "tanpa",
    "agar", "supaya", "walaupun", "sekiranya", "bukan", "sangat", "paling", "biasanya",
    "sebahagian", "beberapa", "banyak", "sedikit", "lain", "tersebut", "iaitu", "yakni",
})
"""Words of Malay's grammar (:data:`_MALAY_WORDS` and more prepositions, conjunctions and
adverbs: ``sebelum``, ``selepas``, ``biasanya``), none an English word nor any loanword's:
kept from the source in an English translation, they are Malay left untranslated
(:func:`kept_malay`), where a loanword or a name is not."""


_MENTION = re.compile(r'"[^"\n]{1,200}"|\u201c[^\u201d\n]{1,200}\u201d|\([^()\n]{1,200}\)')
"""Words in double quotes or in brackets: a mention of the Malay (``sale and leaseback (jual
dan pajak balik)``, ``known as "wang pendahuluan"``), no Malay left untranslated."""


def kept_malay(translation: str, source: str) -> str | None:
    """The Malay an English ``translation`` leaves untranslated from ``source``, however few
    its words: a run of words kept from the source (as written, in a row) that holds a word of
    Malay's grammar (:data:`_GRAMMAR_WORDS`) in lower case, not in italics and not inside a
    name (``Cukai Barang dan Perkhidmatan``: between two capitalised words), in double quotes
    or in brackets (a mention: ``sale and leaseback (jual dan pajak balik)``); else None. A
    copy (every word kept) is none: that is C202's.

    >>> kept_malay("Pengeluaran sebelum matang usually costs the depositor interest.",
    ...            "Pengeluaran sebelum matang biasanya menyebabkan kerugian faedah.")
    'Pengeluaran sebelum matang'
    >>> kept_malay("Goods and Services Tax (Cukai Barang dan Perkhidmatan) is 6%.",
    ...            "Cukai Barang dan Perkhidmatan (GST) ialah 6%.") is None
    True
    >>> kept_malay("[Islamic banking](/perbankan-islam) tidak menggunakan interest.",
    ...            "[Perbankan Islam](/perbankan-islam) tidak menggunakan kadar faedah.")
    'tidak menggunakan'
    >>> kept_malay("A sale and leaseback (jual dan pajak balik) frees capital.",
    ...            "Jual dan pajak balik membebaskan modal.") is None
    True
    >>> kept_malay("Common structures are sukuk musyarakah and murabahah.",
    ...            "Struktur lazim ialah sukuk musyarakah dan murabahah.") is None
    True
    """
    kept = {word.casefold() for word in words(source)}
    if not kept:
        return None
    # offsets kept (blanked): the run is quoted as written
    text = blanked(_EMAIL, translation) if "@" in translation else translation
    # a word in italics or a mention parts the words around it, as it does in judged_text:
    # blanked to spaces, `sebelum *sukuk* sebelum` was one run of Malay kept; no white space
    # between them, the words either side are no run
    text = blanked(_MENTION, blanked(_ITALICS, blanked(_STRIP, text), "\0"), "\0")
    found = list(_WORD.finditer(text))
    if all(m.group().casefold() in kept for m in found):
        return None
    run_of = {match.start(): run for run in _kept_runs(text, found, kept) for match in run}
    for i, match in enumerate(found):
        word = match.group()
        if word not in _GRAMMAR_WORDS or word.casefold() not in kept:
            continue
        if (0 < i < len(found) - 1 and found[i - 1].group()[0].isupper()
                and found[i + 1].group()[0].isupper()):
            continue  # a name's (Cukai Barang dan Perkhidmatan)
        run = run_of[match.start()]
        return translation[run[0].start():run[-1].end()]
    return None


def _drop_kept(text: str, run: list[re.Match[str]], end: int, out: list[str]) -> int:
    """Blank the words of ``run`` (words of ``text`` kept from the source, in a row) in ``out``,
    which holds ``text`` up to ``end``; returns where ``out`` now ends. Loanwords come one or
    two at a time (*sukuk musyarakah*); a run of :data:`MIN_WORDS` lower-case words or more is
    Malay left untranslated (*dikongsi mengikut sumbangan modal*), and stays evidence. A name's
    words, capitalised, are no evidence however many (*Skim Simpanan Pendidikan Nasional*)."""
    if not run or len(run) >= MIN_WORDS:
        return end
    for match in run:
        out.append(text[end:match.start()] + " ")
        end = match.end()
    return end


def sentences(text: str) -> tuple[str, ...]:
    """The sentences of ``text`` that may be Malay on their own, when it has more than one: long
    enough to tell their language, and holding one of Malay's commonest function words (a
    translation half done, English first and the Malay left after, reads English as a whole).

    The function words keep this cheap: a finished English translation has none, so its
    sentences are not detected one by one (a cold ``check`` of a translated catalog would detect
    every paragraph three times over).

    >>> sentences("Gross profit is revenue minus cost of sales. Ia menunjukkan kecekapan syarikat.")
    ('Ia menunjukkan kecekapan syarikat.',)
    >>> sentences("Satu ayat sahaja, tanpa titik di tengah-tengahnya.")
    ()
    """
    parts = _sentence_parts(text)
    if len(parts) < 2:
        return ()
    return tuple(part for part in parts if detection_text(part) is not None
                 and not _MALAY_WORDS.isdisjoint(word.casefold() for word in words(part)))


# --- the detector (one per process, built on first use) ------------------------------------------

_factory: Any = None


def _get_factory() -> Any:
    global _factory
    if _factory is None:
        # langdetect's public names, plus LangProfile and add_profile (internals, so that the
        # profiles load in sorted order): tests/test_dependencies.py fails when they change
        from langdetect import PROFILES_DIRECTORY, DetectorFactory
        from langdetect.utils.lang_profile import LangProfile

        factory = DetectorFactory()
        # langdetect's own loader follows os.listdir order; sorted names make the profile order,
        # and so every float sum, the same on every machine.
        names = sorted(n for n in os.listdir(PROFILES_DIRECTORY) if not n.startswith("."))
        for index, name in enumerate(names):
            with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as f:
                factory.add_profile(LangProfile(**json.load(f)), index, len(names))
        factory.seed = 0  # the instance's own seed: the global DetectorFactory is left alone
        _factory = factory
    return _factory


def _detect(text: str) -> float | None:
    """P(id) + P(ms) for an already-cleaned text (module level, so a Pool can pickle it)."""
    from langdetect import LangDetectException

    detector = _get_factory().create()
    detector.append(text)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:  # "no features in text": nothing a detector can use
        return None
    return float(sum(lang.prob for lang in ranked if lang.lang in _MALAY_CODES))


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _langdetect_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("langdetect")
    except PackageNotFoundError:  # pragma: no cover - a vendored copy
        return "unknown"


KIND = "langid"
"""The store's table of detections."""


def cache_path(root: Path) -> Path:
    """The file of the detections' table for the glossary folder ``root``."""
    path = Store(root / CACHE_DIR).path(KIND)
    assert path is not None
    return path


def _code() -> str:
    # both versions: an upgrade of langdetect or of the text cleaning starts a fresh table
    return f"langid-{ALGORITHM_VERSION}-langdetect-{_langdetect_version()}"


def _key(text: str) -> str:
    # A digest keeps a 30,000-article cache to a few MB; 128 bits make a collision irrelevant.
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _quiet_worker() -> None:
    """A detection worker's signals: :meth:`LanguageIdentifier.close` ends it with SIGTERM, and
    Ctrl-C reaches the whole process group. A forked worker inherits the command's handlers,
    which raise (``glossari.cli`` turns SIGTERM into an interrupt, to clean up its own files), so
    every ``check`` printed a worker's traceback as it closed its pool; a worker has nothing to
    clean up, and the command decides on Ctrl-C."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class LanguageIdentifier:
    """Malay probabilities of texts, cached by text in ``store`` (or in memory only).

    >>> ident = LanguageIdentifier()
    >>> ident.is_still_malay("Eksekutif akaun ialah pekerja yang mempunyai tanggungjawab utama.")
    True
    >>> ident.is_still_malay("An account executive is the main contact between vendor and client.")
    False
    >>> ident.is_still_malay("Eksekutif akaun") is None
    True
    >>> ident.detections  # the two long texts; the short one never reaches the detector
    2
    """

    def __init__(
        self,
        store: Store | None = None,
        *,
        processes: int | None = None,
        pool_threshold: int = POOL_THRESHOLD,
        progress: Callable[[Iterator[float | None], int], Iterator[float | None]] | None = None,
    ) -> None:
        self.store = store
        """Where the cache lives, or None to keep it in memory only."""
        self.processes = processes if processes is not None else _cpus()
        """How many processes a cold batch may use."""
        self.pool_threshold = pool_threshold
        """Batches of more uncached texts than this go to a process pool (when processes > 1)."""
        self.progress = progress
        """Wraps the stream of results of a batch (with its size), e.g. to draw a progress bar;
        the command line passes one, the library itself never writes anywhere."""
        self.detections = 0
        """How many texts this identifier has actually run through langdetect."""
        self._cache: dict[str, float | None] = self._load()
        self._dirty = False
        self._pool: Any = None

    # -- cache file ---------------------------------------------------------------------------

    def _load(self) -> dict[str, float | None]:
        if self.store is None:
            return {}
        table = self.store.open(KIND, code=_code(), package=False)
        return {key: value for key, _, value in table.items()}

    def save(self) -> None:
        """Write the cache if anything new was detected; a read-only place is no error
        (the cache only saves time)."""
        if self.store is None or not self._dirty:
            return
        table = self.store.open(KIND, code=_code(), package=False)
        table.replace(self._cache)
        table.save()
        self._dirty = False

    # -- detection ----------------------------------------------------------------------------

    def prefetch(self, texts: Iterable[str], *, by_sentence: bool = False) -> None:
        """Detect every uncached text of ``texts`` now, in a process pool when there are many;
        ``by_sentence``: each of their :func:`sentences` too (for :meth:`most_malay`).

        Call this with a whole catalog's texts before asking about them one by one.
        """
        if by_sentence:
            texts = list(texts)
            self.prefetch(texts)
            # a text already Malay as a whole needs no sentence read (most_malay skips them)
            texts = [unit for text in texts if not self.is_still_malay(text)
                     for unit in sentences(text)]
        todo = self._uncached(texts)
        if not todo:
            return
        wrap = self.progress or (lambda results, _: results)
        if self.processes > 1 and len(todo) > self.pool_threshold:
            pool = self._get_pool()
            chunk = max(1, min(64, len(todo) // (self.processes * 8)))
            results = list(wrap(pool.imap(_detect, todo, chunksize=chunk), len(todo)))
        else:
            results = list(wrap(map(_detect, todo), len(todo)))
        for text, prob in zip(todo, results, strict=True):
            self._cache[_key(text)] = prob
        self.detections += len(todo)
        self._dirty = True

    def _get_pool(self) -> Any:
        # One pool for the identifier's life: a check detects catalog by catalog, and starting
        # processes (and loading langdetect's profiles in each) once per catalog would cost more
        # than small catalogs take to detect.
        if self._pool is None:
            import gc
            import multiprocessing

            # Frozen objects are left alone by the workers' garbage collector, so a forked
            # worker does not touch (and copy) the parent's whole heap: the glossary stays shared.
            gc.freeze()
            try:
                self._pool = multiprocessing.get_context().Pool(self.processes,
                                                                initializer=_quiet_worker)
            finally:
                gc.unfreeze()
        return self._pool

    def close(self) -> None:
        """Stop the worker processes of cold batches, if any were started (a later batch starts
        them again). Call it when done detecting; the cache is written by :meth:`save`."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()
            pool.join()

    def __enter__(self) -> LanguageIdentifier:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _uncached(self, texts: Iterable[str]) -> list[str]:
        seen: set[str] = set()
        out: list[str] = []
        for text in texts:
            clean = detection_text(text)
            if clean is None or clean in seen or _key(clean) in self._cache:
                continue
            seen.add(clean)
            out.append(clean)
        return out

    def malay_probability(self, text: str) -> float | None:
        """P(id) + P(ms) of ``text``, or None when it has fewer than :data:`MIN_WORDS` words."""
        clean = detection_text(text)
        if clean is None:
            return None
        key = _key(clean)
        if key not in self._cache:
            self._cache[key] = _detect(clean)
            self.detections += 1
            self._dirty = True
        return self._cache[key]

    def is_still_malay(self, text: str) -> bool | None:
        """True when ``text`` reads as Malay, False when not, None when too short to tell."""
        prob = self.malay_probability(text)
        return None if prob is None else prob >= THRESHOLD

    def most_malay(self, text: str) -> tuple[float, str] | None:
        """The P(Malay) of ``text`` with ``text`` when it reads as Malay as a whole; otherwise
        the highest of it and of each of its :func:`sentences`', with the most Malay sentence
        (``text`` itself when it has only one); None when ``text`` is too short to tell.

        A translation left half done (the first sentence English, the rest Malay) reads
        English as a whole; its Malay sentence does not.
        """
        whole = self.malay_probability(text)
        if whole is None or whole >= THRESHOLD:
            return None if whole is None else (whole, text)
        best: tuple[float, str] | None = None
        for sentence in sentences(text):
            prob = self.malay_probability(sentence)
            if prob is not None and (best is None or prob > best[0]):
                best = (prob, sentence)
        if best is None:
            return whole, text
        return max(whole, best[0]), best[1]  # the sentence is what a finding should quote


_default: LanguageIdentifier | None = None


def _identifier() -> LanguageIdentifier:
    global _default
    if _default is None:
        _default = LanguageIdentifier(processes=1)
    return _default


def malay_probability(text: str) -> float | None:
    """P(id) + P(ms) of ``text`` (memory cache only), or None when too short to tell."""
    return _identifier().malay_probability(text)


def is_still_malay(text: str) -> bool | None:
    """True when ``text`` reads as Malay, False when not, None when too short to tell.

    >>> is_still_malay("Pampasan biasanya termasuk gaji pokok, komisen jualan dan bonus.")
    True
    """
    return _identifier().is_still_malay(text)
