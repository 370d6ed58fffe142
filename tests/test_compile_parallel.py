"""``compile`` shares the catalogs with a helper process once enough were compiled
(glossari/catalog/compile.py): the ``.mo`` files, the lookup tables left for the termbase, the
counts and the error a broken catalog raises are those of a run on one core."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
import pickle
import shutil
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossari.catalog import compile as compile_module
from glossari.catalog import template
from glossari.catalog.compile import compile_catalogs
from glossari.errors import CatalogError
from glossari.root import GlossaryRoot
from tests._processes import counted_helpers, needs_two_cores
from tests.test_termbase import _glossary_folder, _write_folder

pytestmark = needs_two_cores

_BROKEN = [b'\nmsgid "rosak\n', b'\nmsgid "a"\nmsgstr "b"\nmsgid "a"\nmsgstr "c"\n',
           b"\n\xff\xfe\n"]


def _compile(root: Path, help_from: int) -> tuple[object, list[int]]:
    with mock.patch.object(compile_module, "HELP_FROM", help_from), counted_helpers() as helpers:
        try:
            result = compile_catalogs(GlossaryRoot(path=root))
        except CatalogError as error:
            return (type(error).__name__, str(error)), helpers
    return (result.messages, [p.name for p in result.written],
            [p.name for p in result.unchanged]), helpers


def _outputs(root: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    locale = root / "locale"
    mo = {str(p.relative_to(locale)): p.read_bytes() for p in sorted(locale.rglob("*.mo"))}
    cache = root / ".glossari-cache"
    tables = {str(p.relative_to(cache)): repr(pickle.loads(p.read_bytes()))
              for p in sorted(cache.glob("tables-*/*.pickle"))}
    return mo, tables


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(spec=_glossary_folder(),
       broken=st.lists(st.tuples(st.integers(0, 7), st.sampled_from(_BROKEN)), max_size=2))
def test_a_helper_compiles_what_one_core_compiles(tmp_path: Path, spec: dict[str, object],
                                                 broken: list[tuple[int, bytes]]) -> None:
    outcomes = []
    # written once, copied for each run: extract and update stamp the catalogs with the time,
    # and two folders written a minute apart differed (the tables' digests with them)
    base = tmp_path / "base"
    _write_folder(base, spec)
    for help_from in (1 << 40, 0):  # one core, then the helper from the first catalog on
        root = tmp_path / f"g{help_from}"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(base, root, ignore=shutil.ignore_patterns(".glossari-cache"))
        catalogs = sorted((root / "locale" / "en" / "LC_MESSAGES").glob("*.po"))
        for n, data in broken:  # the n-th catalog, counting round
            with catalogs[n % len(catalogs)].open("ab") as handle:
                handle.write(data)
        outcome, helpers = _compile(root, help_from)
        assert len(helpers) == (1 if help_from == 0 else 0)
        first = min((n % len(catalogs) for n, _ in broken), default=None)
        if first is not None:  # the first broken catalog in order is the one named
            assert isinstance(outcome, tuple)
            assert outcome[0] == "CatalogError"
            assert str(outcome[1]).startswith(f"locale/en/LC_MESSAGES/{catalogs[first].name}:")
        outcomes.append((outcome, _outputs(root)))
    assert outcomes[0] == outcomes[1]
    with pytest.raises(ChildProcessError):  # the helper was waited for
        os.waitpid(-1, os.WNOHANG)


def test_a_catalog_changed_after_it_was_read_is_not_compiled(tmp_path: Path) -> None:
    """The helper reads a catalog itself: bytes other than those its parent hashed are refused,
    with the fix."""
    catalog = tmp_path / "locale" / "en" / "LC_MESSAGES" / "glossary.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_bytes(b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n')
    read = hashlib.sha256(catalog.read_bytes()).digest()
    job = (0, GlossaryRoot(path=tmp_path), "en", "glossary", "locale/en/LC_MESSAGES/glossary.po")
    index, compiled, error = compile_module._compile_job((*job, read))
    assert (index, error) == (0, None)
    assert compiled is not None
    with catalog.open("ab") as handle:
        handle.write(b'\nmsgid "kos"\nmsgstr "cost"\n')
    index, compiled, error = compile_module._compile_job((*job, read))
    assert compiled is None
    assert isinstance(error, CatalogError)
    assert str(error).startswith("locale/en/LC_MESSAGES/glossary.po")
    assert "changed while it was being compiled" in str(error)
    assert "run 'glossari compile' again" in str(error)


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").is_dir() else 0


def test_a_refused_fork_compiles_everything_here(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A system that refuses a new process (a container's limit) gets the compile one core
    gives, not an error, and keeps no pipe of the helper that was never born."""
    from glossari.cli import main
    from glossari.seeds import cache as seeds_cache
    from glossari.termbase import build as termbase_build
    from tests.test_termbase_update import TERMBASE, _dump

    spec = {"articles": {"akaun": "---\ntitle: Akaun\n---\n\nLihat [bon](/bon).\n",
                         "bon-korporat": "---\ntitle: Bon korporat\naliases: bon\n---\n\n"
                                         "## Sorotan\n\n- Hutang syarikat.\n"},
            "seed": 7, "translations": ["Account", "Corporate bond"], "fuzzy": False}
    # every clock reading a minute after the last, as on a loaded machine whose two folders
    # were written either side of a minute: written once and copied, or the catalogs' revision
    # dates (taken from the template's creation date) differed, and the .mo files with them
    minutes = itertools.count()
    real_stamp = template.now_stamp

    def ticking(moment: dt.datetime | None = None) -> str:
        return real_stamp(moment or dt.datetime(2026, 12, 7, 21, 59, tzinfo=dt.UTC)
                          + dt.timedelta(minutes=next(minutes)))

    monkeypatch.setattr(template, "now_stamp", ticking)
    alone, refused = tmp_path / "alone", tmp_path / "refused"
    _write_folder(alone, spec)
    shutil.copytree(alone, refused)
    assert main(["--root", str(alone), "compile"]) == 0
    tries: list[int] = []

    def no_fork() -> int:
        tries.append(1)
        raise BlockingIOError(11, "Resource temporarily unavailable")

    # every helper asked for from the first job on
    monkeypatch.setattr(compile_module, "HELP_FROM", 0)
    monkeypatch.setattr(seeds_cache, "HELP_FROM", 0)
    monkeypatch.setattr(termbase_build, "PARALLEL_TERMS", 1)
    monkeypatch.setattr(os, "fork", no_fork)
    shutil.rmtree(refused / ".glossari-cache" / "terms")  # so the articles are parsed too
    descriptors = _open_descriptors()
    assert main(["--root", str(refused), "compile"]) == 0
    assert _open_descriptors() == descriptors
    assert len(tries) == 3  # the catalogs, the articles, the termbase's rows: once each
    assert _outputs(refused) == _outputs(alone)
    # the same termbase, but for the times of the files it was made from (two folders)
    dumps = [_dump(root / TERMBASE) for root in (refused, alone)]
    for dump in dumps:
        dump["inputs"] = [(name, size, sha256) for name, size, _, sha256 in dump["inputs"]]
        dump["meta"] = [(key, value) for key, value in dump["meta"] if key != "listing"]
    assert dumps[0] == dumps[1]
