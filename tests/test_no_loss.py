"""No translation is ever lost: a hypothesis state machine over the whole workflow.

The machine keeps a glossary in a temporary folder (the real seed plus generated articles) and
runs random sequences of what happens to a real one: authors edit a paragraph, rename, delete or
add articles (the real seed too); a translator edits a msgstr (any text: quotes, backslashes,
tabs, U+2028, U+0085, emoji) and clears ``fuzzy`` as Poedit does, or marks one "needs work"
(fuzzy); Poedit saves the file through ``msgcat``;
``glossari extract`` + ``update``, ``align`` (translated articles) and ``compile`` run.

After every step:

- every en catalog parses and passes ``msgfmt --check``;
- every translation ever entered (by the translator or by ``align``), unless the translator
  replaced it, is still in the en catalogs: current, fuzzy or obsolete (``#~``);
- after ``compile``, the ``.mo`` answers every current, non-fuzzy translation through the stdlib
  :class:`gettext.GNUTranslations`.

The number of steps run is printed in pytest's summary. The default profile runs 15 sequences of
up to 20 steps; ``--hypothesis-profile=fuzz`` runs far more (docs/reliability.md).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gettext
import io
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from strategies import body_paragraph, translation

from glossari.catalog.pofile import PoFile, load_po, write_po
from glossari.cli import main

SEEDS = Path(__file__).parent.parent / "seeds"
LANG = "en"
IDS = ("kos", "harga", "saham", "bon", "zakat", "ekuiti", "modal", "untung")
"""Ids of generated articles: several first letters, so several articles-<letter> domains."""


@dataclasses.dataclass
class Article:
    title: str
    description: str
    blocks: list[tuple[str, str]]  # (kind, text): "h2", "p", "li", "quote"

    def render(self, texts: dict[str, str] | None = None) -> str:
        """The article, or with ``texts`` its translation (each text replaced, same shape)."""
        tr = texts or {}
        lines = ["---", f'title: "{tr.get(self.title, self.title)}"',
                 f'description: "{tr.get(self.description, self.description)}"',
                 "keywords: Ujian", "---", "", f"# {tr.get(self.title, self.title)}", ""]
        for kind, text in self.blocks:
            prefix = {"h2": "## ", "p": "", "li": "- ", "quote": "> "}[kind]
            lines += [prefix + tr.get(text, text), ""]
        return "\n".join(lines)


_blocks = st.lists(
    st.tuples(st.sampled_from(("h2", "p", "p", "li", "quote")), body_paragraph()),
    min_size=1, max_size=4,
)
_articles = st.builds(
    Article,
    title=st.sampled_from(("Kos", "Harga pasaran", "Saham biasa", "Bon korporat")),
    description=body_paragraph(awkward=False),
    blocks=_blocks,
)


def _run(root: Path, *argv: str) -> bool:
    """Run glossari on ``root``: True when it ran, False when every article is deleted, a
    seeds/ folder every command that reads it refuses (exit 2, one line, nothing written;
    ``update`` reads the templates only)."""
    from glossari.seeds.folder import is_article_name

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--root", str(root), *argv])
    if code == 2 and not any(is_article_name(p.name) for p in (root / "seeds").iterdir()):
        assert err.getvalue().startswith("glossari: error: seeds: no article in the folder")
        return False
    assert code == 0, (argv, err.getvalue())
    return True


class NoLoss(RuleBasedStateMachine):
    steps = 0
    """Steps run by every instance (reported at the end of the session)."""

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="glossari-noloss-"))
        self.root = self.tmp / "glossary"
        self.articles: dict[str, Article] = {}
        self.live: Counter[str] = Counter()  # translations that must survive
        self.mo_fresh = False

    # --- set-up and helpers ---------------------------------------------------------------------

    @initialize(first=_articles, second=_articles)
    def start(self, first: Article, second: Article) -> None:
        shutil.copytree(SEEDS, self.root / "seeds")
        (self.root / "locale").mkdir()
        self.articles = {"kos": first, "saham": second}
        self._write_articles()
        _run(self.root, "extract")
        _run(self.root, "update", "-l", LANG)

    def teardown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _write_articles(self) -> None:
        for term_id, article in self.articles.items():
            path = self.root / "seeds" / f"{term_id}.md"
            text = article.render()
            if not path.exists() or path.read_text("utf-8") != text:
                path.write_text(text, encoding="utf-8")

    def _catalog_paths(self) -> list[Path]:
        return sorted((self.root / "locale" / LANG / "LC_MESSAGES").glob("*.po"))

    def _catalogs(self) -> dict[Path, PoFile]:
        return {p: load_po(p) for p in self._catalog_paths()}

    def _step(self) -> None:
        NoLoss.steps += 1
        self.mo_fresh = False

    # --- authors --------------------------------------------------------------------------------

    @precondition(lambda self: bool(self.articles))
    @rule(data=st.data(), text=body_paragraph())
    def edit_paragraph(self, data: st.DataObject, text: str) -> None:
        term_id = data.draw(st.sampled_from(sorted(self.articles)))
        article = self.articles[term_id]
        index = data.draw(st.integers(0, len(article.blocks) - 1))
        article.blocks[index] = (article.blocks[index][0], text)
        self._write_articles()
        self._step()

    @precondition(lambda self: bool(self.articles) and len(self.articles) < len(IDS))
    @rule(data=st.data())
    def rename_article(self, data: st.DataObject) -> None:
        old = data.draw(st.sampled_from(sorted(self.articles)))
        new = data.draw(st.sampled_from(sorted(set(IDS) - set(self.articles))))
        (self.root / "seeds" / f"{old}.md").rename(self.root / "seeds" / f"{new}.md")
        self.articles[new] = self.articles.pop(old)
        self._step()

    @precondition(lambda self: bool(self.articles))
    @rule(data=st.data())
    def delete_article(self, data: st.DataObject) -> None:
        term_id = data.draw(st.sampled_from(sorted(self.articles)))
        (self.root / "seeds" / f"{term_id}.md").unlink()
        del self.articles[term_id]
        self._step()

    @precondition(lambda self: (self.root / "seeds" / "accountexecutive.md").exists())
    @rule(new_name=st.sampled_from(("eksekutif-akaun", "account-executive", None)))
    def rename_or_delete_the_real_seed(self, new_name: str | None) -> None:
        seed = self.root / "seeds" / "accountexecutive.md"
        if new_name is None:
            seed.unlink()
        else:
            seed.rename(seed.with_name(f"{new_name}.md"))
        self._step()

    @precondition(lambda self: len(self.articles) < len(IDS))
    @rule(data=st.data(), article=_articles)
    def add_article(self, data: st.DataObject, article: Article) -> None:
        term_id = data.draw(st.sampled_from(sorted(set(IDS) - set(self.articles))))
        self.articles[term_id] = article
        self._write_articles()
        self._step()

    # --- translators ----------------------------------------------------------------------------

    @rule(data=st.data(), text=translation())
    def translator_edits(self, data: st.DataObject, text: str) -> None:
        catalogs = {p: po for p, po in self._catalogs().items() if po.current}
        if not catalogs:
            return
        path = data.draw(st.sampled_from(sorted(catalogs)))
        po = catalogs[path]
        entries = list(po.entries)
        index = data.draw(st.sampled_from([i for i, e in enumerate(entries) if not e.obsolete]))
        entry = entries[index]
        if entry.msgstr and self.live[entry.msgstr]:
            self.live[entry.msgstr] -= 1  # replaced on purpose: no longer owed
        # a translator's editor clears fuzzy and the previous-msgid lines on save
        entries[index] = entry.reviewed(text)
        write_po(path, dataclasses.replace(po, entries=tuple(entries)))
        self.live[text] += 1
        self._step()

    @rule(data=st.data())
    def translator_marks_needs_work(self, data: st.DataObject) -> None:
        # Poedit's "needs work": the translation stays, flagged fuzzy (left out of the .mo)
        catalogs = {p: po for p, po in self._catalogs().items()
                    if any(e.msgstr and not e.fuzzy for e in po.current)}
        if not catalogs:
            return
        path = data.draw(st.sampled_from(sorted(catalogs)))
        po = catalogs[path]
        entries = list(po.entries)
        index = data.draw(st.sampled_from(
            [i for i, e in enumerate(entries) if not e.obsolete and e.msgstr and not e.fuzzy]))
        entries[index] = entries[index].with_changes(flags=(*entries[index].flags, "fuzzy"))
        write_po(path, dataclasses.replace(po, entries=tuple(entries)))
        self._step()

    @rule(data=st.data())
    def poedit_saves_through_msgcat(self, data: st.DataObject) -> None:
        paths = self._catalog_paths()
        if not paths:
            return
        path = data.draw(st.sampled_from(paths))
        subprocess.run(["msgcat", "-o", str(path), str(path)], check=True,
                       capture_output=True)
        self._step()

    # --- glossari ---------------------------------------------------------------------------------

    @rule()
    def extract_and_update(self) -> None:
        _run(self.root, "extract")
        _run(self.root, "update", "-l", LANG)
        self._step()

    @precondition(lambda self: bool(self.articles))
    @rule(data=st.data(), prefix=st.sampled_from(("EN", "English:", 'Q "kutip"', "tab\t")))
    def align_translated_article(self, data: st.DataObject, prefix: str) -> None:
        term_id = data.draw(st.sampled_from(sorted(self.articles)))
        article = self.articles[term_id]
        texts = {t: f"{prefix} {t}" for t in
                 (article.title, article.description, *(b for _, b in article.blocks))}
        folder = self.tmp / "translated"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        (folder / f"{term_id}.md").write_text(article.render(texts), encoding="utf-8")
        before = self._present()
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["--root", str(self.root), "align", "-l", LANG, str(folder)])
        # exit 2 only for a structure mismatch (the seed changed since the last update): allowed
        assert code in (0, 2), err.getvalue()
        # align's new translations are owed from now on, like a translator's
        self.live.update(self._present() - before)
        self._step()

    @rule()
    def compile(self) -> None:
        compiled = _run(self.root, "compile", "-l", LANG)
        self._step()
        self.mo_fresh = compiled

    # --- what must hold -------------------------------------------------------------------------

    def _present(self) -> Counter[str]:
        found: Counter[str] = Counter()
        for po in self._catalogs().values():
            for entry in po.entries:
                for text in entry.translations:
                    if text:
                        found[text] += 1
        return found

    @invariant()
    def catalogs_are_valid(self) -> None:
        for path in self._catalog_paths():
            done = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)],
                                  capture_output=True, text=True, check=False)
            assert done.returncode == 0, done.stderr

    @invariant()
    def no_translation_is_lost(self) -> None:
        present = self._present()
        missing = [t for t in self.live if self.live[t] and not present[t]]
        assert not missing, f"translations lost: {missing}"

    @invariant()
    def mo_answers_every_current_translation(self) -> None:
        if not self.mo_fresh:
            return
        for path, po in self._catalogs().items():
            with path.with_suffix(".mo").open("rb") as handle:
                compiled = gettext.GNUTranslations(handle)
            for entry in po.current:
                if not entry.translated or entry.msgid_plural is not None:
                    continue
                if entry.msgctxt is None:
                    assert compiled.gettext(entry.msgid) == entry.msgstr
                else:
                    assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr


def test_no_translation_is_ever_lost(no_loss_steps: dict[str, int]) -> None:
    NoLoss.steps = 0
    current = settings()
    # the default profile's 50 examples would make this the slowest test; 15 sequences still
    # cover every rule many times. The fuzz profile runs its full count.
    runs = settings(
        current,
        max_examples=current.max_examples if current.max_examples > 50 else 15,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    try:
        run_state_machine_as_test(NoLoss, settings=runs)
    finally:
        no_loss_steps.update({"steps": NoLoss.steps, "sequences": runs.max_examples,
                              "at most steps per sequence": runs.stateful_step_count})
