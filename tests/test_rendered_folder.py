"""RenderedFolder is the sequence of results its docs promise (docs/alignment.md: "a sequence
of the results, as the tuple render_folder returned before"): a collections.abc.Sequence, so
that an application typed with Sequence[RenderResult] (mypy --strict) and one slicing it, as it
sliced the tuple, keep working."""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from glossari.render import RenderedFolder, RenderResult

REPO = Path(__file__).resolve().parent.parent


def _results() -> tuple[RenderResult, ...]:
    # the fields RenderedFolder reads none of: stand-ins are enough
    return tuple(RenderResult(source=f"seeds/{n}.md", rendering=None,  # type: ignore[arg-type]
                              path=None) for n in ("a", "b", "c"))


def test_a_rendered_folder_is_a_sequence_of_its_results() -> None:
    results = _results()
    folder = RenderedFolder(results=results)
    assert isinstance(folder, Sequence)
    assert folder[1:] == results[1:]
    assert folder[-1] is results[-1]
    assert list(reversed(folder)) == list(reversed(results))
    assert results[1] in folder
    assert folder.index(results[2]) == 2
    assert folder.count(results[0]) == 1
    assert pickle.loads(pickle.dumps(RenderedFolder(results=()))) == RenderedFolder(results=())


def test_mypy_strict_reads_a_rendered_folder_as_a_sequence(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(
        "from collections.abc import Sequence\n"
        "from glossari.render import RenderedFolder, RenderResult\n"
        "def first_two(folder: RenderedFolder) -> Sequence[RenderResult]:\n"
        "    every: Sequence[RenderResult] = folder\n"
        "    part: tuple[RenderResult, ...] = folder[:2]\n"
        "    return part if every else ()\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                          str(app)], capture_output=True, text=True, cwd=REPO, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
