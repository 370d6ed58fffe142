"""A writing command that must parse many articles shares them with a helper process
(glossari/seeds/cache.py): the Terms, the cache it writes and the error a bad article raises are
those of a run on one core."""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from glossari.errors import GlossariError
from glossari.seeds import cache as seeds_cache
from glossari.seeds.cache import read_seeds_cached
from tests._processes import counted_helpers, needs_two_cores
from tests.strategies import article_text

pytestmark = needs_two_cores

# Malay stems and slugs, as real glossaries name their files
_STEMS = ["akaun", "bon-korporat", "broker-dealer", "dana", "ekuiti", "kos-modal", "nilai",
          "peniaga-broker", "saham", "yuran"]
_BAD = [b"---\ntitle: Kos\nTitle: Kos\n---\n", b"\n\n---\ntitle: Kos\n---\n\n# Kos\n",
        b"---\ntitle: ~\n---\n", b"---\ntitle: Kos\n"]


def _read(root: Path, *, help_from: int, write: bool = True,
          ) -> tuple[tuple[object, ...] | GlossariError, list[int]]:
    with mock.patch.object(seeds_cache, "HELP_FROM", help_from), counted_helpers() as helpers:
        try:
            terms: tuple[object, ...] | GlossariError = read_seeds_cached(
                root / "seeds", base=root, cache=root / ".glossari-cache", write=write)
        except GlossariError as error:
            terms = error
    return terms, helpers


def _cache(root: Path) -> dict[str, str]:
    # what each table holds, every field (repr shows the fields equality ignores): not the
    # bytes, which depend on which strings one process happened to share
    folder = root / ".glossari-cache"
    return {str(p.relative_to(folder)): repr(pickle.loads(p.read_bytes()))
            for p in sorted(folder.rglob("*.pickle"))}


_AGAIN = ["---\ntitle: Saham\naliases: saham-saham\n---\n\n# Saham\n\nLihat [peniaga broker]"
          "(/broker-dealer).\n", "---\ntitle: Peniaga broker\n---\n\n# Peniaga broker\n"]


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(article_text(), min_size=2, max_size=12),
       bad=st.lists(st.tuples(st.integers(0, 11), st.sampled_from(_BAD)), max_size=3),
       cached=st.sets(st.integers(0, 11)))
# the same articles drawn twice (the second's cached article is past the last one), as
# Hypothesis draws them while it shrinks: each example's folders start empty
@example(texts=_AGAIN, bad=[], cached=set())
@example(texts=_AGAIN, bad=[], cached={7})
def test_a_helper_gives_what_one_core_gives(tmp_path: Path, texts: list[str],
                                           bad: list[tuple[int, bytes]],
                                           cached: set[int]) -> None:
    results = []
    # a folder of its own for each example: tmp_path is the same for all of them, and the
    # cache an earlier example left held these very articles when Hypothesis drew the same
    # texts again (as it does while it shrinks), so nothing was parsed and no helper forked
    example = Path(tempfile.mkdtemp(dir=tmp_path))
    for help_from in (10**9, 0):  # one core, then the helper from the first article on
        root = example / f"g{help_from}"
        seeds = root / "seeds"
        seeds.mkdir(parents=True)
        names = [f"{_STEMS[n % len(_STEMS)]}-{n}.md" for n in range(len(texts))]
        # some articles are already in the cache: only the others are parsed
        kept = {n: texts[n].encode() for n in cached if n < len(texts)}
        for n, data in kept.items():
            (seeds / names[n]).write_bytes(data)
        if kept:  # (a seeds/ folder holding no article is refused, not cached)
            read_seeds_cached(seeds, base=root, cache=root / ".glossari-cache")
        final = {n: text.encode() for n, text in enumerate(texts)}
        final.update((n, data) for n, data in bad if n < len(texts))
        for n, data in final.items():
            (seeds / names[n]).write_bytes(data)
        terms, helpers = _read(root, help_from=help_from)
        parsed = any(kept.get(n) != data for n, data in final.items())
        assert len(helpers) == (1 if help_from == 0 and parsed else 0)
        results.append((terms, _cache(root)))
    (alone, alone_cache), (helped, helped_cache) = results
    if isinstance(alone, GlossariError):  # the first bad article in file-name order
        assert isinstance(helped, GlossariError)
        assert type(helped) is type(alone)
        assert str(helped) == str(alone).replace("/g1000000000/", "/g0/")
    else:
        assert repr(helped) == repr(alone).replace("/g1000000000/", "/g0/")  # every field
        assert helped_cache == alone_cache
    with pytest.raises(ChildProcessError):  # the helper was waited for
        os.waitpid(-1, os.WNOHANG)


def test_a_reader_never_forks(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(5):
        (seeds / f"{_STEMS[n]}.md").write_text(f"---\ntitle: Istilah {n}\n---\n\nTeks.\n",
                                             encoding="utf-8")
    terms, helpers = _read(tmp_path, help_from=0, write=False)
    assert not isinstance(terms, GlossariError)
    assert len(terms) == 5
    assert helpers == []
