"""Benchmark of ``glossari site`` on the synthetic corpus (issue 16's targets).

    uv run python benchmarks/site.py                  # N = 10,000 and 30,000
    uv run python benchmarks/site.py --sizes 1000     # a quick look
    uv run python benchmarks/site.py --sizes 10000 --root benchmarks/_work/n10000/root --work site-h

For each N: the corpus of benchmarks/corpus.py, ``extract``, ``update -l en``, and half the
catalogs translated with GNU ``msgen`` (the ``glossary`` domain and the bodies ``articles-a`` to
``articles-l``), so the site shows translated and untranslated parts; or, with ``--root``, a
folder prepared so (copied into the scratch folder first: the original is never modified). Then
``glossari compile -l en`` (the site, like every reader, loads a fresh compiled termbase), and
each command run as its own process and measured with GNU time (wall seconds, CPU seconds of the
process and its helper, peak resident memory of the largest process) while the resident memory
of the whole process tree is sampled (``tree MB``: the largest sum of the processes' proportional
set sizes, so pages the forked helper shares are counted once):

- ``compile``: ``glossari compile -l en`` (not the site's cost: every reader needs it);
- ``load + table json``: ``glossari table --format json`` to /dev/null, the peer: loading the
  glossary (and writing one row per term), which every command pays;
- ``site cold``: ``glossari site`` into an empty folder;
- ``site again``: the same command again, nothing changed (no page rendered, none written);
- ``site one changed``: after one article's body block is edited (``corpus.change_article``) and
  the termbase compiled again (``compile after the change``, measured on its own line).

Targets (issue 16): site cold under 30 s at 10,000 terms and under 90 s at 30,000, under 1 GB.
The machine is shared: each line carries the load average when it started, and the ratio to the
peer in the same run is printed, which the load affects far less than the seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (benchmarks/ is not a package)

TARGETS = {10_000: 30.0, 30_000: 90.0}
MEMORY_LIMIT_MB = 1024.0


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _tree_mb(pid: int) -> float:
    """The summed proportional set size of ``pid`` and its descendants, in MB."""
    total = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += next(int(line.split()[1]) for line in rollup.splitlines()
                          if line.startswith("Pss:"))
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, StopIteration, ValueError):
            continue
        todo.extend(int(c) for c in children)
    return total / 1024


def measure(cmd: list[str], cwd: Path) -> tuple[float, float, float, float, str]:
    """(wall s, cpu s, peak MB of the largest process, peak MB of the process tree, stderr's
    last line) of one run under GNU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        full = ["/usr/bin/time", "-o", out.name, "-f", "%e %U %S %M", *cmd]
        with tempfile.TemporaryFile("w+") as err:
            process = subprocess.Popen(full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err,
                                       text=True)
            peak = [0.0]

            def sample() -> None:
                while process.poll() is None:
                    peak[0] = max(peak[0], _tree_mb(process.pid))
                    time.sleep(0.25)

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            process.wait()
            sampler.join()
            err.seek(0)
            stderr = err.read()
        if process.returncode != 0:
            raise SystemExit(f"failed ({process.returncode}): {' '.join(cmd)}\n{stderr}")
        wall, user, system, kb = out.read().split()[-4:]
    last = (stderr.strip().splitlines() or [""])[-1]
    return float(wall), float(user) + float(system), int(kb) / 1024, peak[0], last


def glossari(*args: str) -> list[str]:
    return [sys.executable, "-m", "glossari", *args]


def prepare(n: int, work: Path, seed: int, prepared: Path | None = None) -> Path:
    base = work / f"n{n}"
    shutil.rmtree(base, ignore_errors=True)
    if prepared is not None:
        root = base / "root"
        shutil.copytree(prepared, root, symlinks=True)
        return root
    corpus.write_corpus(n, base / "corpus", seed=seed)
    root = base / "root"
    root.mkdir(parents=True)
    shutil.copytree(base / "corpus" / "seeds", root / "seeds")
    for step in (["extract"], ["update", "-l", "en"]):
        subprocess.run(glossari("--root", str(root), *step), check=True, capture_output=True)
    folder = root / "locale" / "en" / "LC_MESSAGES"
    translated = ["glossary", *(f"articles-{c}" for c in "abcdefghijkl")]
    for domain in translated:
        po = folder / f"{domain}.po"
        if po.exists():
            subprocess.run(["msgen", "-o", str(po), str(po)], check=True)
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,30000",
                        help="comma-separated article counts (default: 10000,30000)")
    parser.add_argument("--work", type=Path, default=HERE / "_work" / "site",
                        help="scratch folder (default: benchmarks/_work/site)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--root", type=Path,
                        help="a corpus already prepared (extract, update -l en, half translated) "
                        "for the one size given, copied before use")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.root is not None and len(sizes) != 1:
        parser.error("--root goes with one size")
    print(f"# glossari site benchmark; {os.cpu_count()} cores; python {sys.version.split()[0]}")
    print("| N | terms | step | wall s | cpu s | peak MB | tree MB | load at start | cpu x peer "
          "| note |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    verdicts = []
    for n in sizes:
        root = prepare(n, args.work, args.seed, args.root)
        out = args.work / f"n{n}" / "site"
        shutil.rmtree(out, ignore_errors=True)
        compile_ = glossari("--root", str(root), "compile", "-l", "en")
        site = glossari("--root", str(root), "site", "-o", str(out))
        steps: list[tuple[str, list[str]]] = [
            ("compile", compile_),
            ("load + table json", glossari("--root", str(root), "table", "--format", "json",
                                           "-o", os.devnull)),
            ("site cold", site),
            ("site again", site),
        ]
        peer = None

        def run(name: str, cmd: list[str], n: int = n, root: Path = root,
                out: Path = out) -> tuple[float, float, float]:
            nonlocal peer
            started = load()
            wall, cpu, mb, tree, last = measure(cmd, root)
            if name == "load + table json":
                peer = cpu
            terms = len(list((out / "terms").glob("*.html"))) if out.exists() else ""
            note = last.split("; open")[0].rsplit(": ", 1)[-1] if name.startswith("site") else ""
            ratio = f"x{cpu / peer:.2f}" if peer and name != "compile" else ""
            print(f"| {n} | {terms} | {name} | {wall:.2f} | {cpu:.2f} | {mb:.0f} | {tree:.0f} | "
                  f"{started} | {ratio} | {note} |", flush=True)
            return wall, cpu, max(mb, tree)

        for name, cmd in steps:
            wall, cpu, mb = run(name, cmd)
            if name == "site cold":
                limit = TARGETS.get(n)
                if limit is not None:
                    verdicts.append(
                        f"N={n}: site cold {wall:.1f} s wall, {cpu:.1f} s CPU (target < "
                        f"{limit:.0f} s: {'met' if wall < limit else 'MISSED'} in wall seconds "
                        f"at this load), {mb:.0f} MB (target < 1 GB: "
                        f"{'met' if mb < MEMORY_LIMIT_MB else 'MISSED'})")
        victim = sorted((root / "seeds").glob("*.md"))[n // 2]
        corpus.change_article(victim)
        run("compile after the change", compile_)
        run(f"site one changed ({victim.stem})", site)
    print()
    for line in verdicts:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
