"""The record ``glossari render`` keeps in its output folder, one home for its two readers:
``render`` (which never replaces what it did not write) and ``align`` (which must not take one
language's rendering for another's translations)."""

from __future__ import annotations

import contextlib
import json
import os
import stat
from pathlib import Path

from glossari.errors import GlossariError
from glossari.root import file_kind

__all__ = ["LANGUAGE", "RENDERED", "WITHDRAWN", "note_withdrawal", "read_digest",
           "read_record", "record_withdrawals", "rendered_language", "withdrawal"]

RENDERED = ".glossari-rendered.json"
"""The record ``render`` keeps in its output folder: each file it wrote, by name, with the
SHA-256 of the bytes it wrote, so that it never replaces a file someone else wrote or edited;
and under :data:`LANGUAGE` the language it rendered."""

LANGUAGE = ".lang"
"""The record's key for the language the folder's renderings are in (no file is so named: the
renderings are ``*.md``)."""


WITHDRAWN = "#withdrawn"
"""The record's key for a rendering ``align --force`` withdrew translations from (the file gave
their Malay back) is its name with this suffix; its value, a JSON text, the SHA-256 of the file
then and the messages withdrawn (domain, msgctxt, msgid). A translator who confirms such a
translation in the catalog afterwards has reviewed that withdrawal, which these very bytes must
not make again (``align``), nor keep ``render`` from writing the English back over the Malay
they hold (it refused the file, and its hint, ``align --force``, marked the translation fuzzy
again, on every round). When ``render`` then writes the rendering, the Malay in place of those
still withdrawn, the note goes with its digest: the translation typed back there is the
translator's, where ``render`` wrote the Malay (``align --force`` confirms it)."""

Message = tuple[str, str | None, str]
"""A message: (domain, msgctxt, msgid)."""

MAX_RECORD_BYTES = 64 * 1024 * 1024
"""A record larger than this is damaged (30,000 articles take about 3 MB): it is not read."""


def read_record(folder: Path) -> dict[str, str]:
    """The record of ``folder``; empty when there is none or it is damaged (every file there is
    then someone else's). Raises :class:`GlossariError` when the record's name is a symbolic
    link (rewriting the record would replace the link's target: an article, a catalog), a
    FIFO (its read would wait forever), a folder or a device."""
    path = folder / RENDERED
    try:
        mode = path.lstat().st_mode
    except OSError:
        return {}
    if not stat.S_ISREG(mode):
        what = "a symbolic link" if stat.S_ISLNK(mode) else file_kind(mode)
        raise GlossariError(f"{what}, not the record 'glossari render' keeps", path=path.as_posix(),
                            hint="remove it (render writes the record again)")
    try:
        # without blocking: a FIFO swapped in after the check cannot hang the run
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return {}
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return {}
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(MAX_RECORD_BYTES + 1)
    except OSError:
        return {}
    finally:
        os.close(handle)
    if len(data) > MAX_RECORD_BYTES:
        return {}
    try:
        found = json.loads(data)
    except (ValueError, RecursionError):  # RecursionError: `[[[[...` nested deeper than Python
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(k): str(v) for k, v in found.items()}


def rendered_language(folder: Path) -> str | None:
    """The language ``render`` last wrote ``folder``'s renderings in, or None (no record, or
    one from before the record named it)."""
    return read_record(folder).get(LANGUAGE)


def read_digest(path: Path) -> str | None:
    """The SHA-256 of the file at ``path`` (read in chunks, whatever its size), or None when
    there is none. Raises :class:`GlossariError` for a FIFO (its read would wait forever), a
    folder or a device, and for a file that cannot be read."""
    import hashlib

    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as error:
        raise GlossariError(f"cannot read the file to replace: {error.strerror}",
                            path=path.as_posix(), hint="check its permissions") from None
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            raise GlossariError(f"{file_kind(mode)}, not a file render wrote",
                                path=path.as_posix(),
                                hint="remove it, or render into another folder")
        digest = hashlib.sha256()
        while chunk := os.read(handle, 1 << 20):
            digest.update(chunk)
    except OSError as error:
        raise GlossariError(f"cannot read the file to replace: {error.strerror}",
                            path=path.as_posix(), hint="check its permissions") from None
    finally:
        os.close(handle)
    return digest.hexdigest()


def withdrawal(record: dict[str, str], name: str) -> tuple[str, frozenset[Message]] | None:
    """The digest of the rendering ``name`` when ``align --force`` withdrew translations from it,
    and the messages withdrawn, as ``record`` holds them (:data:`WITHDRAWN`); None when it
    holds none (or a damaged one)."""
    written = record.get(name + WITHDRAWN)
    if written is None:
        return None
    try:
        digest, messages = json.loads(written)
        return str(digest), frozenset(
            (str(domain), None if context is None else str(context), str(msgid))
            for domain, context, msgid in messages)
    except (ValueError, TypeError, RecursionError):
        return None


def note_withdrawal(record: dict[str, str], name: str, digest: str,
                    messages: frozenset[Message]) -> None:
    """Note in ``record`` the messages withdrawn from the rendering ``name`` whose SHA-256 is
    ``digest`` (:data:`WITHDRAWN`); none, the note goes."""
    if not messages:
        record.pop(name + WITHDRAWN, None)
        return
    record[name + WITHDRAWN] = json.dumps([digest, sorted(
        messages, key=lambda m: (m[0], m[1] or "", m[2]))], ensure_ascii=False)


def record_withdrawals(folder: Path,
                       withdrawn: dict[str, tuple[str, frozenset[Message]]]) -> None:
    """Add to ``folder``'s record, by rendering name, the digest of each file ``align --force``
    withdrew translations from and the messages withdrawn (:data:`WITHDRAWN`), under the lock
    ``render`` takes on the folder, so that neither loses the other's record. A folder it
    cannot write (read-only, a render holding it past the lock's wait) keeps its record: the
    catalogs are written already, and those bytes then withdraw the translation again, as
    they did before withdrawals were noted."""
    if not withdrawn:
        return
    from glossari._atomic import StagedWrites, locked_folder

    with contextlib.suppress(OSError, GlossariError), locked_folder(
            folder, busy="another 'glossari render' is writing into this folder"):
        record = read_record(folder)
        if not record:
            return  # no rendering here (or render's record is gone): nothing to say of one
        for name, (digest, messages) in withdrawn.items():
            note_withdrawal(record, name, digest, messages)
        with StagedWrites() as staged:
            staged.stage_changed(folder / RENDERED, json.dumps(
                dict(sorted(record.items())), indent=1).encode() + b"\n")
            staged.commit()
