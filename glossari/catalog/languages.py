"""Language codes: the one validator every command and the library use.

A code names a folder under ``locale/`` and a CLDR locale (plural forms, the language's name), so
it must be one Babel knows: ``en``, ``ms``, ``pt_BR`` or ``pt-BR``, ``sr@latin``.
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING, Literal

from glossari.errors import CatalogError
from glossari.text import excerpt, quoted

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["check_language", "check_translation_language", "cldr_locale", "gettext_code",
           "gettext_spelling", "glossary_language", "header_language_problem", "language_tag",
           "other_script", "primary_language", "side_language"]


def primary_language(code: str) -> str:
    """The primary language subtag of a language code, lower case, whatever its region, script,
    encoding or modifier (a catalog's ``Language``, a TBX ``xml:lang``, a folder name), in the
    form CLDR gives it: one language has one answer whether a tool wrote its ISO 639-1, 639-2/T,
    639-2/B or 639-3 code, or a withdrawn one (``in`` for Indonesian).

    >>> [primary_language(c) for c in ("ms_MY", "EN-gb", "sr@latin", "ms_MY.UTF-8", " zsm ")]
    ['ms', 'en', 'sr', 'ms', 'ms']
    >>> [primary_language(c) for c in ("msa", "may", "eng", "fre", "in_ID", "xyz")]
    ['ms', 'ms', 'en', 'fr', 'id', 'xyz']
    """
    primary = code.strip().replace("-", "_").split("_")[0].split("@")[0].split(".")[0].lower()
    from babel.core import get_global  # deferred: Babel's data is read only when a code is

    # an alias may name a script or region too (sh is sr_Latn); the language is its first part
    return str(get_global("language_aliases").get(primary, primary)).split("_")[0]


_SCRIPT_MODIFIERS = {"latin": "Latn", "latn": "Latn", "cyrillic": "Cyrl", "cyrl": "Cyrl",
                     "arabic": "Arab", "devanagari": "Deva", "hebrew": "Hebr"}
"""gettext's ``@`` modifiers that name a script (``sr@latin``, ``uz@cyrillic``), by the ISO 15924
code a BCP 47 tag writes for them."""


def language_tag(code: str) -> str:
    """The BCP 47 tag (``xml:lang``, HTML ``lang``) of a language code as gettext writes it:
    ``pt_BR`` is ``pt-BR``, and a modifier is a script (``sr@latin`` is ``sr-Latn``, before the
    region: ``sr_RS@latin`` is ``sr-Latn-RS``) or a variant (``ca@valencia`` is
    ``ca-valencia``); ``@euro`` names a currency, no language, and is dropped. Writing the
    modifier as it was (``xml:lang="sr@latin"``) gave no tag, and its reader took a Cyrillic
    ``sr`` section for it.

    >>> [language_tag(c) for c in ("en", "pt_BR", "sr@latin", "sr_RS@latin", "ca_ES@valencia")]
    ['en', 'pt-BR', 'sr-Latn', 'sr-Latn-RS', 'ca-ES-valencia']
    >>> [language_tag(c) for c in ("de_DE@euro", "uz@cyrillic", "sr-Latn", "en_GB.UTF-8")]
    ['de-DE', 'uz-Cyrl', 'sr-Latn', 'en-GB']

    A region glibc writes in another script than CLDR's likely one (:data:`_GLIBC_SCRIPTS`)
    names it, or a reader of the tag (a browser choosing a font, a TBX tool) takes CLDR's:

    >>> [language_tag(c) for c in ("sd_IN", "sr_ME", "sd_IN@devanagari")]
    ['sd-Arab-IN', 'sr-Cyrl-ME', 'sd-Deva-IN']
    """
    base, _, modifier = code.strip().partition("@")
    language, *rest = base.split(".")[0].replace("_", "-").split("-")
    modifier = modifier.split(".")[0]
    script = _SCRIPT_MODIFIERS.get(modifier.lower())
    if script is None and rest and not any(len(part) == 4 and part.isalpha() for part in rest):
        script = _GLIBC_SCRIPTS.get(f"{language.lower()}_{rest[0].upper()}")
    if script is not None and not any(len(part) == 4 and part.isalpha() for part in rest):
        rest.insert(0, script)
    elif script is None and modifier and modifier.lower() != "euro":
        rest.append(modifier.lower())
    return "-".join([language, *rest])


_MODIFIER_OF_SCRIPT = {"latn": "latin", "cyrl": "cyrillic", "arab": "arabic",
                       "deva": "devanagari", "hebr": "hebrew"}
"""The gettext modifier of a script a BCP 47 tag names: :data:`_SCRIPT_MODIFIERS` read back."""


def gettext_code(tag: str) -> str:
    """The language code gettext writes (a ``locale/`` folder, ``-l``) for a BCP 47 tag (a TBX
    ``xml:lang``): :func:`language_tag` read back. A region follows an underscore, and a script
    gettext names by a modifier (``sr-Latn`` is ``sr@latin``, ``sr-Latn-RS`` ``sr_RS@latin``) or
    a variant (``ca-ES-valencia``) is that modifier; another script stays a subtag (``zh_Hant``).
    ``sr_Latn`` named a catalog no gettext tool looks for, beside the ``sr@latin`` one.

    >>> [gettext_code(t) for t in ("en", "en-GB", "sr-Latn", "sr-Latn-RS", "uz-Cyrl")]
    ['en', 'en_GB', 'sr@latin', 'sr_RS@latin', 'uz@cyrillic']
    >>> [gettext_code(t) for t in ("ca-ES-valencia", "zh-Hant", "pt_BR", "sr@latin")]
    ['ca_ES@valencia', 'zh_Hant', 'pt_BR', 'sr@latin']
    >>> all(gettext_code(language_tag(c)) == c for c in ("sr_RS@latin", "pt_BR", "uz@cyrillic"))
    True
    >>> [gettext_code(t) for t in ("eng-GB", "may", "in-ID", "sh")]
    ['en_GB', 'ms', 'id_ID', 'sh']
    >>> [gettext_code(t) for t in ("sr@Latin", "sr@latn", "sr_Latn@latin", "sr@latin.UTF-8")]
    ['sr@latin', 'sr@latin', 'sr@latin', 'sr@latin']

    The script a language is written in anyway (in its region: :func:`_usual_script`) is
    dropped, a second folder of the language otherwise:

    >>> [gettext_code(t) for t in ("sr-Cyrl", "uz-Latn", "zh-Hans-CN", "zh-Hant-TW", "pa-Arab-PK")]
    ['sr', 'uz', 'zh_CN', 'zh_TW', 'pa_PK']
    >>> [gettext_code(t) for t in ("sd-Deva-IN", "sd-Arab-IN", "sr-Latn-ME", "zh-Hant")]
    ['sd_IN@devanagari', 'sd_IN', 'sr_ME@latin', 'zh_Hant']
    """
    base, at, modifier = tag.strip().partition("@")
    language, *rest = base.split(".")[0].replace("_", "-").split("-")
    # a modifier as glibc's locales write it: lower case, a script by its name (sr@Latin and
    # sr@latn are sr@latin), no codeset (sr@latin.UTF-8)
    modifier = modifier.split(".")[0].lower()
    modifier = _MODIFIER_OF_SCRIPT.get(_SCRIPT_MODIFIERS.get(modifier, "").lower(), modifier)
    # the script the language is written in anyway is no part of its code: sr-Cyrl is sr,
    # uz-Latn uz, zh-Hans-CN zh_CN (each was a second folder of its language, made beside it)
    regions = [p.upper() for p in rest if (len(p) == 2 and p.isalpha()) or
               (len(p) == 3 and p.isdigit())]
    usual = _usual_script(language, regions)
    rest = [p for p in rest if not (len(p) == 4 and p.isalpha() and p.title() == usual)]
    if usual is not None and _SCRIPT_MODIFIERS.get(modifier) == usual:
        at, modifier = "", ""  # aa@latin: Afar is written in Latin letters
    parts: list[str] = []
    for part in rest:
        if (len(part) == 4 and part.isalpha() and at
                and _MODIFIER_OF_SCRIPT.get(part.lower()) == modifier):
            continue  # sr_Latn@latin: the script twice
        if len(part) == 4 and part.isalpha() and part.lower() in _MODIFIER_OF_SCRIPT and not at:
            at, modifier = "@", _MODIFIER_OF_SCRIPT[part.lower()]
        elif len(part) == 4 and part.isalpha():
            parts.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            parts.append(part.upper())
        elif part and not at:
            at, modifier = "@", part.lower()
        elif part:
            parts.append(part)
    # the language as locale/ writes it (check_language refuses the others): eng-GB (an ISO
    # 639-2 tool's) is en_GB, in (withdrawn) id; an alias naming more (sh, sr_Latn) keeps its
    # own code, the script it names being no part of primary_language's answer
    from babel.core import get_global  # deferred, as in primary_language

    if "_" not in str(get_global("language_aliases").get(language.lower(), "_")):
        language = primary_language(language)
    return "_".join([language.lower(), *parts]) + at + modifier


_GLIBC_SCRIPTS = {"sd_IN": "Arab", "sr_ME": "Cyrl", "sat_IN": "Deva"}
"""Where glibc's locale of a language in a region is written in another script than CLDR's
likely one (found comparing the day names of glibc's locales with CLDR's likely subtags): a
gettext program run with ``LANG=sd_IN.UTF-8`` reads ``locale/sd_IN`` as Sindhi in Arabic
letters, ``sr_ME`` as Cyrillic Serbian, ``sat_IN`` as Santali in Devanagari; CLDR writes them
in Devanagari, Latin and Ol Chiki. A folder is named for gettext's programs, so theirs wins."""


def _usual_script(language: str, regions: list[str]) -> str | None:
    """The script ``language`` is written in anyway, in its region when one is given: glibc's
    where it parts from CLDR (:data:`_GLIBC_SCRIPTS`), else CLDR's likely one (``sr``: Cyrl,
    ``zh`` in ``TW``: Hant, ``pa`` in ``PK``: Arab); None when CLDR knows none."""
    from babel.core import get_global

    likely = get_global("likely_subtags")
    language = primary_language(language)

    def script(key: str) -> str | None:
        parts = str(likely.get(key, "")).split("_")
        return parts[1] if len(parts) > 2 and len(parts[1]) == 4 else None

    for region in regions[:1]:
        usual = _GLIBC_SCRIPTS.get(f"{language}_{region}") or script(f"{language}_{region}")
        if usual is not None:
            return usual
    return script(language)


def cldr_locale(code: str) -> Locale:
    """Babel's locale of a language code (its plural forms, name, writing direction), a script
    gettext writes as a modifier read as that script: ``sr@latin`` is ``sr_Latn``,
    ``az_IQ@arabic`` ``az_Arab_IQ``, where Babel reads a modifier as nothing (``uz@arabic`` was
    Uzbek written left to right in Latin letters) and knows no ``az_IQ``. Raises Babel's
    :class:`~babel.core.UnknownLocaleError` (a :class:`ValueError`) for a code CLDR does not know.

    >>> [str(cldr_locale(c)) for c in ("pt-BR", "sr@latin", "az_IQ@arabic", "ca@valencia")]
    ['pt_BR', 'sr_Latn', 'az_Arab_IQ', 'ca']
    >>> [str(cldr_locale(c)) for c in ("sd_IN", "sd_IN@devanagari", "sr_ME", "zh_TW")]
    ['sd_Arab', 'sd_Deva_IN', 'sr_Cyrl_ME', 'zh_Hant_TW']
    """
    from babel import Locale, UnknownLocaleError

    base, _, modifier = code.strip().partition("@")
    language, *rest = base.split(".")[0].replace("-", "_").split("_")
    script = _SCRIPT_MODIFIERS.get(modifier.split(".")[0].lower())
    if script is None and not any(len(part) == 4 and part.isalpha() for part in rest):
        # sd_IN is glibc's Sindhi in Arabic letters (CLDR has no sd_Arab_IN: sd_Arab)
        glibc = _GLIBC_SCRIPTS.get(f"{language.lower()}_{rest[0].upper()}" if rest else "")
        if glibc is not None:
            for parts in ([language, glibc, *rest], [language, glibc]):
                with contextlib.suppress(UnknownLocaleError, ValueError):
                    return Locale.parse("_".join(parts))
        try:
            return Locale.parse("_".join([language, *rest]))
        except UnknownLocaleError:
            # az_IQ, gettext's spelling of az_Arab_IQ (Arabic is Azerbaijani's script in
            # Iraq), is a locale CLDR knows by its script only
            script = _usual_script(language, [part.upper() for part in rest[:1]])
            if script is None or not rest:
                raise
    if script is not None and not any(len(part) == 4 and part.isalpha() for part in rest):
        rest.insert(0, script)
    return Locale.parse("_".join([language, *rest]))


def _spelling(lang: str, *, path: str) -> str:
    """How gettext's ``locale/`` folders write the language ``lang`` names (``pt-BR`` is
    ``pt_BR``, ``EN`` is ``en``); :class:`CatalogError` when Babel's CLDR data knows none."""
    from babel import UnknownLocaleError

    hint = "use an ISO 639 code such as en, id or pt_BR"
    if (not lang or "/" in lang or "\\" in lang or lang.startswith(".")
            or lang.upper() in {"C", "POSIX"} or lang.upper().startswith(("C.", "POSIX."))):
        raise CatalogError(f"unknown language code {quoted(lang)}", path=path, hint=hint)
    try:
        locale = cldr_locale(lang)
    except (UnknownLocaleError, ValueError, TypeError):
        raise CatalogError(f"unknown language code {quoted(lang)}", path=path, hint=hint) from None
    base, _, modifier = lang.partition("@")
    modifier = modifier.split(".")[0].lower()
    if modifier and any(
            len(part) == 4 and part.isalpha()
            and (part.lower() in _MODIFIER_OF_SCRIPT or modifier in _SCRIPT_MODIFIERS)
            and _SCRIPT_MODIFIERS.get(modifier) != part.title()
            for part in base.split(".")[0].replace("-", "_").split("_")[1:]):
        # az_Arab@latin, bm_Nkoo@latin, sr_Latn@euro: two scripts, or a script gettext names
        # by the one modifier a code has beside another modifier
        raise CatalogError(f"unknown language code {quoted(lang)}: its script and its "
                           "modifier disagree", path=path, hint=hint)
    # a code with no region gets none (Babel expands the aliases `eng` and `msa` to en_US, ms_MY)
    spelled = str(locale) if "_" in lang or "-" in lang or "@" in lang else locale.language
    # nor a script it did not write: Babel expands zh_CN to zh_Hans_CN, sr_RS to sr_Cyrl_RS,
    # while gettext (and a program run with LANG=zh_CN.UTF-8) looks in locale/zh_CN
    written = {part.lower() for part in lang.replace("-", "_").replace("@", "_").split("_")}
    if locale.script and locale.script.lower() not in written:
        spelled = spelled.replace(f"_{locale.script}", "", 1)
    region = next((part.upper() for part in base.split(".")[0].replace("-", "_").split("_")[1:]
                   if len(part) == 2 and part.isalpha()), None)
    if (locale.territory is None and region is not None
            and f"{locale.language}_{region}" in _GLIBC_SCRIPTS):
        # sd_IN, glibc's Arabic Sindhi, is CLDR's sd_Arab (which has no sd_Arab_IN)
        spelled = f"{locale.language}_{region}" + spelled[len(locale.language):]
    if "@" in lang and "@" not in spelled:  # Babel reads sr_RS@latin as sr_Cyrl_RS
        spelled += "@" + lang.partition("@")[2]
    # a script gettext names by a modifier is that modifier (gettext_code, the one reading):
    # -l sr_Latn made locale/sr_Latn beside locale/sr@latin, one language in two folders, the
    # one no gettext program looks in; sr@Latin is sr@latin, as glibc's locales write it
    return gettext_code(spelled)


def gettext_spelling(code: str) -> str | None:
    """How ``locale/`` writes the language ``code`` names (``sr_Latn``: ``sr@latin``,
    ``pt-BR``: ``pt_BR``), the spelling :func:`check_language` asks for; None for a code CLDR
    does not know.

    >>> gettext_spelling("sr_Latn"), gettext_spelling("EN"), gettext_spelling("klingon")
    ('sr@latin', 'en', None)
    """
    try:
        return _spelling(code, path="-l")
    except CatalogError:
        return None


def _misspelt(lang: str, spelled: str, path: str, *, folder: bool = True) -> CatalogError:
    """The error of a language code written otherwise than gettext writes it. ``folder`` says
    whether the code names a ``locale/`` folder where it is used (``update -l``, a translation's
    ``find -l fr``); without one (``termcheck -l``, ``find -l`` of Malay, the articles' side)
    the message names no folder: ``termcheck -l ms-MY`` was told the code "is written 'ms_MY'
    in locale/", a folder termcheck never reads."""
    where = " in locale/" if folder else ", as gettext writes language codes"
    return CatalogError(f"the language code {quoted(lang)} is written {quoted(spelled)}{where}",
                        path=path, hint=f"rename the folder to locale/{spelled}"
                        if path.startswith("locale/") else f"use {quoted(spelled)}")


def check_language(lang: str, *, path: str = "-l") -> str:
    """Return ``lang`` when Babel's CLDR data knows it and it is written as gettext names its
    ``locale/`` folders; else raise :class:`CatalogError`.

    One language has one spelling, so that it has one folder: ``-l EN`` made ``locale/EN`` beside
    ``locale/en`` (one folder on macOS and Windows), ``-l pt-BR`` a ``locale/pt-BR`` that gettext
    programs never look in. Such a code is refused with its spelling (``en``, ``pt_BR``), as is
    the POSIX locale ``C``, which is no language.

    >>> check_language("pt_BR")
    'pt_BR'
    >>> check_language("zh_CN"), check_language("sr_RS@latin")
    ('zh_CN', 'sr_RS@latin')
    >>> check_language("pt-BR")
    Traceback (most recent call last):
    ...
    glossari.errors.CatalogError: -l: the language code 'pt-BR' is written 'pt_BR' in locale/; \
use 'pt_BR'
    >>> check_language("english")
    Traceback (most recent call last):
    ...
    glossari.errors.CatalogError: -l: unknown language code 'english'; \
use an ISO 639 code such as en, id or pt_BR
    """
    spelled = _spelling(lang, path=path)
    if spelled != lang:
        raise _misspelt(lang, spelled, path)
    return lang


def check_translation_language(lang: str, *, path: str = "-l") -> str:
    """:func:`check_language`, and not Malay: the articles are written in Malay, so Malay is no
    language to translate them into (``update -l ms`` made Malay-to-Malay catalogs that
    ``check`` then counted as 0% translated, ``table -l ms`` a Malay | Malay table).

    >>> check_translation_language("en")
    'en'
    >>> check_translation_language("ms_MY")
    Traceback (most recent call last):
    ...
    glossari.errors.CatalogError: -l: 'ms_MY' is Malay, the language of the articles; \
give the language they are translated into, such as en

    Malay in a spelling ``locale/`` does not use (``MS``, ``zsm``, ``msa``, ``ms-MY``) is named
    Malay too: it was told to use ``ms`` (or ``ms_MY``), which this very rule then refused.

    >>> check_translation_language("zsm")
    Traceback (most recent call last):
    ...
    glossari.errors.CatalogError: -l: 'zsm' is Malay, the language of the articles; \
give the language they are translated into, such as en
    """
    spelled = _spelling(lang, path=path)
    if primary_language(spelled) != "ms" and spelled != lang:
        raise _misspelt(lang, spelled, path)
    if primary_language(spelled) == "ms":
        raise CatalogError(f"{quoted(lang)} is Malay, the language of the articles", path=path,
                           hint="give the language they are translated into, such as en")
    return lang



def side_language(lang: str, *, path: str = "-l") -> str:
    """The language of a text or of hits where Malay is one of the choices (``find -l``,
    ``search -l``): ``ms`` for Malay in any valid spelling (``ms``, ``ms_MY``, ``ms_BN``), else
    a translation language (:func:`check_translation_language`).

    ``search -l ms_MY`` was refused as "Malay, the language of the articles; give the language
    they are translated into", the rule of the commands that write or read a translation,
    although ``-l ms`` asks exactly for Malay; and ``-l ms-MY`` was told to use ``ms_MY``.

    >>> side_language("ms_MY"), side_language("ms"), side_language("en_GB")
    ('ms', 'ms', 'en_GB')

    Malay is the articles' side, which names no ``locale/`` folder, and its names are in Latin
    script (Rumi): Malay in another script (``ms@jawi``, ``ms_Arab``) is refused, as
    ``termcheck -l`` refuses it (:func:`other_script`), where ``find -l ms@jawi`` read Jawi
    text as Malay and found nothing, and ``-l ms_Arab`` was told to use ``ms@arabic``, which
    was then read so too.

    >>> side_language("ms@jawi")
    Traceback (most recent call last):
    ...
    glossari.errors.CatalogError: -l: 'ms@jawi' is written in Jawi script, the glossary's \
names in Latin script: none could match; give ms (or ms_MY), Malay in Latin script
    """
    if lang == "ms":  # the default of find: no need to read Babel's data
        return lang
    spelled = _spelling(lang, path=path)
    if primary_language(spelled) != "ms":  # a translation language: its locale/ folder's
        return check_translation_language(lang, path=path)
    _refuse_other_script(lang, path, hint="give ms (or ms_MY), Malay in Latin script")
    if spelled != lang:
        raise _misspelt(lang, spelled, path, folder=False)
    return "ms"


def _refuse_other_script(lang: str, path: str, *, hint: str) -> None:
    """Raise :class:`CatalogError` when ``lang`` names another script than Latin
    (:func:`other_script`), for the glossary's own names, all in Latin script."""
    script = other_script(lang)
    if script is not None:
        raise CatalogError(f"{quoted(lang)} is written in {script} script, the glossary's "
                           "names in Latin script: none could match", path=path, hint=hint)


_SCRIPT_NAMES = {"arab": "Jawi", "jawi": "Jawi"}
"""How a script is named in the message: Malay in Arabic script is Jawi."""


def other_script(code: str) -> str | None:
    """The script other than Latin that the language code ``code`` names, by a POSIX modifier
    (``ms@jawi``) or a script subtag (``ms_Arab``, ``ms-Arab-MY``), or None: the glossary's
    names are in Latin script, Malay's Rumi.

    >>> other_script("ms@jawi"), other_script("ms_Arab_MY"), other_script("ms_MY")
    ('Jawi', 'Jawi', None)
    >>> other_script("sr@latin"), other_script("ms-Latn"), other_script("en@shaw")
    (None, None, 'Shaw')
    """
    base, _, modifier = code.strip().partition("@")
    names = [modifier] if modifier else []
    names += [part for part in re.split(r"[-_]", base)[1:] if len(part) == 4 and part.isalpha()]
    for name in names:
        if name.lower() not in ("latin", "latn", "rumi"):
            return _SCRIPT_NAMES.get(name.lower(), name.title())
    return None


def glossary_language(lang: str, *, path: str = "-l") -> Literal["ms", "en"]:
    """The side of the glossary a language code names, for a command that matches the
    glossary's own names, Malay and English, and reads no catalog of the glossary's
    (``termcheck -l`` and ``--source-lang``): ``ms`` for Malay, ``en`` for English, in any
    spelling :func:`side_language` takes (``ms_MY``, ``ms_BN``, ``en_GB``); another language
    is refused, in one line naming the two.

    ``termcheck -l ms_MY`` was refused by the option parser, its choices ``ms`` and ``en``,
    where ``find -l ms_MY`` reads Malay.

    >>> glossary_language("ms_MY"), glossary_language("en_GB"), glossary_language("ms")
    ('ms', 'en', 'ms')
    >>> glossary_language("fr")
    Traceback (most recent call last):
    ...
    glossari.errors.CatalogError: -l: 'fr' is neither Malay nor English, the glossary's two \
languages; give ms or en (or ms_MY, en_GB)
    """
    spelled = _spelling(lang, path=path)
    side = primary_language(spelled)
    if side not in ("ms", "en"):
        raise CatalogError(f"{quoted(lang)} is neither Malay nor English, the glossary's two "
                           "languages", path=path, hint="give ms or en (or ms_MY, en_GB)")
    # termcheck -l ms@jawi checked Jawi translations against names in Rumi, and reported every
    # term lacking; -l ms_Arab was told to use ms@arabic, refused in turn
    _refuse_other_script(lang, path, hint="give ms or en (in Latin script)")
    if spelled != lang:  # termcheck reads no locale/ folder: the message names none
        raise _misspelt(lang, spelled, path, folder=False)
    return "ms" if side == "ms" else "en"


def header_language_problem(written: str, lang: str) -> str | None:
    """What is wrong when a catalog's header ``Language`` (``written``) names another language
    than ``lang``, the folder's, which the catalog is compiled for, or ``None``. A region or
    another spelling of the same language (``en_GB``, ``EN-us``, ``eng``) is that language; an
    empty ``Language`` says none. The one rule of ``check``'s ``C210`` and ``compile``'s
    warning: Poedit and Weblate go by the header, gettext by the folder.

    >>> header_language_problem("en_GB", "en") is None, header_language_problem("", "en")
    (True, None)
    >>> print(header_language_problem("zh_CN", "zh_TW").partition(": ")[2][:82])
    Poedit and Weblate read it as 'zh_CN', written in Simplified script where zh_TW is
    >>> [header_language_problem(c, "sr@latin") is None for c in ("sr_Latn", "sr_RS@latin", "sr")]
    [True, True, False]
    >>> print(header_language_problem("ms", "en")[:67])
    the header says Language 'ms', but the catalog is in locale/en/ and
    """
    written = written.strip()
    if not written:
        return None
    scripts = ""
    if primary_language(written) == primary_language(lang):
        # the same language in another script is another catalog to a translator's tool (its
        # spell checker, its machine translation): Language: zh_CN in locale/zh_TW, sr in
        # locale/sr@latin, where a region or another spelling is the same (en_GB in en)
        ours, theirs = _script_of(lang), _script_of(written)
        if ours is None or theirs is None or ours == theirs:
            return None
        scripts = f", written in {_script_name(theirs)} where {lang} is in {_script_name(ours)}"
    return (f"the header says Language {quoted(excerpt(written))}, but the catalog is in "
            f"locale/{lang}/ and is compiled as {quoted(lang)}: Poedit and Weblate read it as "
            f"{quoted(excerpt(written))}{scripts}; write 'Language: {lang}' in the header (or "
            "move the file to its language's folder)")


def _script_of(code: str) -> str | None:
    """The script ``code`` is written in: the one it names (``sr@latin``, ``zh_Hant``), its
    region's (``zh_TW``: Hant), else its language's (``sr``: Cyrl); None for a code CLDR does
    not know."""
    from babel import UnknownLocaleError
    from babel.core import get_global

    try:
        locale = cldr_locale(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    if locale.script:
        return str(locale.script)
    parts = str(get_global("likely_subtags").get(locale.language, "")).split("_")
    return parts[1] if len(parts) > 2 and len(parts[1]) == 4 else None


def _script_name(script: str) -> str:
    """A script's English name (``Hant``: Traditional), or its code."""
    from babel import Locale

    return f"{Locale('en').scripts.get(script, script)} script"
