"""Turning an article's bytes into clean text, or a precise error.

Real files arrive with a UTF-8 BOM, CRLF line endings, stray control characters, or in Latin-1.
This module accepts the first two silently (they change no line number) and rejects the rest with
the line of the first bad byte.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from glossari.errors import SeedError
from glossari.root import file_kind
from glossari.text import NotText, utf8_text, wide_encoding

__all__ = ["MAX_ARTICLE_BYTES", "check_regular_file", "decode_article", "read_article_bytes",
           "read_article_text"]

MAX_ARTICLE_BYTES = 2 * 1024 * 1024
"""Largest article accepted. The seed is 4 KB; a 2 MB article is a generated or corrupt file."""

# C0 controls other than tab and newline, DEL, and C1 controls: never in a hand-written article.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


def check_regular_file(path: Path, *, source: str) -> os.stat_result:
    """``path``'s status (links followed), refusing anything but a regular file of at most
    :data:`MAX_ARTICLE_BYTES` before a byte is read.

    A FIFO would block every command forever on ``open``; a device or a sparse 8 GB file would be
    read whole before the size limit could say no.
    """
    try:
        status = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise SeedError("cannot read the file: no such file (a symbolic link to a missing "
                            "file)",
                            path=source, hint="remove the link or restore its target") from None
        raise SeedError("no such file", path=source, hint="check the path") from None
    except OSError as error:
        raise SeedError(f"cannot read the file: {error.strerror}", path=source,
                        hint="check that the file exists and is readable") from None
    if stat.S_ISDIR(status.st_mode):
        raise SeedError("a folder, not an article file", path=source,
                        hint="seeds/ holds only *.md files")
    if not stat.S_ISREG(status.st_mode):
        raise SeedError(f"{file_kind(status.st_mode)}, not a regular file", path=source,
                        hint="seeds/ holds only *.md files; remove it")
    if status.st_size > MAX_ARTICLE_BYTES:
        raise _too_big(status.st_size, source)
    return status


def read_article_text(path: Path, *, source: str) -> str:
    """The text of one article file: :func:`read_article_bytes`, then :func:`decode_article`."""
    return decode_article(read_article_bytes(path, source=source), source=source)


def read_article_bytes(path: Path, *, source: str) -> bytes:
    """The bytes of one article file, checked with :func:`check_regular_file` first.

    Opened without blocking (a FIFO swapped in after the check cannot hang the run) and read up
    to one byte past the limit, so a file growing meanwhile is refused too.
    """
    check_regular_file(path, source=source)
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise SeedError(f"cannot read the file: {error.strerror}", path=source,
                        hint="check that the file exists and is readable") from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise SeedError("not a regular file", path=source,
                            hint="seeds/ holds only *.md files; remove it")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_ARTICLE_BYTES:
            chunk = os.read(handle, MAX_ARTICLE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise SeedError(f"cannot read the file: {error.strerror}", path=source,
                        hint="check that the file exists and is readable") from None
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_big(len(data), source)
    return data


def _too_big(size: int, source: str) -> SeedError:
    return SeedError(
        f"the article is {size // 1024} KiB, more than the "
        f"{MAX_ARTICLE_BYTES // 1024} KiB an article may have",
        path=source, line=1, hint="split it into several articles, or check it is not corrupt",
    )


def decode_article(data: bytes, *, source: str) -> str:
    """Decode an article: UTF-8 (a leading BOM dropped), line endings normalised to ``\\n``.

    >>> decode_article(b"\\xef\\xbb\\xbf---\\r\\ntitle: A\\r\\n", source="x.md")
    '---\\ntitle: A\\n'
    >>> decode_article(b"a\\nb\\xe9\\n", source="x.md")
    Traceback (most recent call last):
    ...
    glossari.errors.SeedError: x.md:2: not UTF-8 text (byte 0xe9 at column 2); \
save the file as UTF-8 (it looks like Latin-1 or Windows-1252)
    """
    if not data.strip():
        raise SeedError("the file is empty", path=source, line=1,
                        hint="write front matter with a title, or delete the file")
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_big(len(data), source)
    wide = wide_encoding(data)
    if wide is not None:  # Notepad's "Unicode": was "binary data (a NUL byte)"
        raise SeedError(f"{wide} text, not UTF-8", path=source, line=1,
                        hint=f"save the file as UTF-8 (iconv -f {wide} -t UTF-8)")
    text = utf8_text(data)
    if isinstance(text, NotText):
        raise SeedError(f"{text.what}, not a text article" if text.binary else text.what,
                        path=source, line=text.line,
                        hint="seeds/ may hold only Markdown articles" if text.binary else
                        "save the file as UTF-8 (it looks like Latin-1 or Windows-1252)")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    bad = _CONTROL.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        raise SeedError(
            f"control character U+{ord(bad.group()):04X} in the text",
            path=source, line=line, hint="delete it; articles hold only printable text",
        )
    return text
