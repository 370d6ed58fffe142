"""The articles' bodies set aside while ``compile`` writes a termbase whole.

Resolving a glossary (names, links, link-only terms: :func:`glossari.align.compose.compose`)
needs every article at once, but only its outline (:func:`glossari.align.compose.outline`); the
termbase's rows need each article whole, one batch of terms at a time. :class:`Bodies` keeps each
article, with its English side, pickled in one anonymous temporary file beside the termbase, and
gives a batch back whole as it is written: at 30,000 articles the bodies held in memory were
almost all of ``compile``'s (878 of 892 MB: benchmarks/README.md, "Stop 38" and "Stop 39").

The file has no name (``O_TMPFILE`` where the system has it): a killed ``compile`` leaves nothing.
A forked helper reads it through the same descriptor (``os.pread``, which moves no offset).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path

from glossari._store import _Pickler
from glossari.model import Term, reassembled

__all__ = ["Bodies"]


class Bodies:
    """Articles kept on disk by id, each given back whole with the names composing gave it."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        # closed by close(), once the termbase is written
        self._file = tempfile.TemporaryFile(dir=folder, prefix=".glossari-bodies.")  # noqa: SIM115
        self._at: dict[str, tuple[int, int]] = {}
        self._end = 0
        # the store's pickler (a model object is rebuilt from its field values, fast), one for
        # every article, straight into the file; its memo emptied after each, so that each
        # article's pickle stands alone
        self._pickler = _Pickler(self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def keep(self, article: Term) -> None:
        """Set ``article`` (with its English side) aside under its id."""
        try:
            self._pickler.dump(article)
            end = self._file.tell()
        except OSError as error:  # a full disk: one line, as for the termbase itself
            raise self._failed(error) from None
        finally:
            self._pickler.clear_memo()
        self._at[article.id] = (self._end, end - self._end)
        self._end = end

    def ready(self) -> None:
        """Every article kept: flush them to the file, for this process and a forked one."""
        try:
            self._file.flush()
        except OSError as error:
            raise self._failed(error) from None

    def _failed(self, error: OSError) -> Exception:
        from glossari.errors import CatalogError

        return CatalogError(f"cannot write in {self._folder}: {error.strerror}",
                            path=str(self._folder), hint="check free space and permissions")

    def whole(self, terms: Sequence[Term]) -> list[Term]:
        """Each of ``terms`` whole: an article kept under its id as it was kept, with the
        names of the term given (composing gives an article its names and nothing else); any
        other term (a link-only term) as it is."""
        found = []
        for term in terms:
            at = self._at.get(term.id)
            if at is None:
                found.append(term)
                continue
            article = pickle.loads(os.pread(self._file.fileno(), at[1], at[0]))
            assert isinstance(article, Term)
            found.append(reassembled(article, names=term.names))
        return found

    def close(self) -> None:
        """Remove the file."""
        self._file.close()
