"""A Babel extractor, so ``pybabel extract`` reads glossary articles like ``glossari extract``.

Registered in the ``babel.extractors`` entry-point group as ``glossari``; a mapping file such as::

    [glossari: seeds/*.md]

makes ``pybabel extract -F mapping.cfg -o messages.pot .`` produce the messages of every article:
the same ``(msgctxt, msgid)`` pairs as ``glossari extract``, in one file instead of one per domain
(Babel has no notion of domains per message). Headwords and link terms carry their msgctxt through
``pgettext``; each message has the part comment (``headword of accountexecutive``) as ``#.``.

>>> import io
>>> src = io.BytesIO("---\\ntitle: Kos\\n---\\nHarga.\\n".encode())
>>> src.name = "seeds/kos.md"
>>> list(extract_glossari(src, ["gettext", "pgettext"], [], {}))
[(2, 'pgettext', ('kos', 'Kos'), ['headword of kos']), (4, None, 'Harga.', ['paragraph of kos'])]
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterator, Mapping
from pathlib import PurePath
from typing import IO, Any

from glossari.catalog.messages import iter_messages
from glossari.catalog.template import message_comment
from glossari.errors import GlossariError
from glossari.seeds.article import parse_article
from glossari.seeds.folder import NOT_ARTICLES
from glossari.seeds.source import decode_article

__all__ = ["extract_glossari"]


def extract_glossari(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str | None, str | tuple[str, str], list[str]]]:
    """Yield ``(lineno, funcname, message, comments)`` for every message of one article.

    The term id is the file's stem (``options["id"]`` overrides it, for a file object without a
    name). ``comment_tags`` does not apply: every message gets its part comment. A bad article
    yields nothing and is named, with its line and the fix, on the ``babel`` logger (an error).
    """
    del comment_tags  # articles have no translator comments to filter
    name = str(getattr(fileobj, "name", "") or "article.md")
    term_id = str(options.get("id") or PurePath(name).stem)
    if term_id.casefold() in NOT_ARTICLES:  # seeds/README.md documents the folder
        return
    folder = PurePath(name).parent
    if folder.name != "seeds" and "seeds" in folder.parts:
        # a mapping such as seeds/**.md reaches into subfolders, which glossari never reads
        # (check's S112): their messages would be in Babel's template and in no catalog
        logging.getLogger("babel").warning(
            "glossari: %s: an article in a subfolder of seeds/ is not read, so it is no term; "
            "move it into seeds/ (skipped)", name)
        return
    try:
        text = decode_article(fileobj.read(), source=name)
        term = parse_article(text, term_id=term_id, source=name)
    except GlossariError as error:
        # Babel's command line prints a traceback for whatever an extractor raises: say it in
        # one line, on the logger pybabel reports through, and go on with the other files
        logging.getLogger("babel").error("glossari: %s (the article was skipped: its messages "
                                         "are not in the template)", error)
        return
    with_context = "pgettext" in keywords
    for message in iter_messages(term):
        comments = [message_comment(message)]
        line = message.location.line
        if message.context is not None and with_context:
            yield (line, "pgettext", (message.context, message.msgid), comments)
        else:
            yield (line, None, message.msgid, comments)
