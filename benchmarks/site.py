"""Benchmark of ``glossari site`` on the synthetic corpus (issue 16's targets).

    uv run python benchmarks/site.py                  # N = 10,000 and 30,000
    uv run python benchmarks/site.py --sizes 1000     # a quick look

For each N: the corpus of benchmarks/corpus.py, ``extract``, ``update -l en``, and half the
catalogs translated with GNU ``msgen`` (the ``glossary`` domain and the bodies ``articles-a`` to
``articles-l``), so the site shows translated and untranslated parts. Then, each command run as
its own process and measured with GNU time (wall seconds, CPU seconds, peak resident memory):

- ``load + table json``: ``glossari table --format json`` to /dev/null, the peer: loading the
  glossary (and writing one row per term), which every command pays;
- ``site cold``: ``glossari site`` into an empty folder;
- ``site again``: the same command again, nothing changed (every page rendered and compared,
  none written);
- ``site one changed``: after one article's body block is edited (``corpus.change_article``).

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
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (benchmarks/ is not a package)

TARGETS = {10_000: 30.0, 30_000: 90.0}
MEMORY_LIMIT_MB = 1024.0


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def measure(cmd: list[str], cwd: Path) -> tuple[float, float, float, str]:
    """(wall s, cpu s, peak MB, stderr's last line) of one run under GNU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        full = ["/usr/bin/time", "-o", out.name, "-f", "%e %U %S %M", *cmd]
        done = subprocess.run(full, cwd=cwd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr}")
        wall, user, system, kb = out.read().split()[-4:]
    last = (done.stderr.strip().splitlines() or [""])[-1]
    return float(wall), float(user) + float(system), int(kb) / 1024, last


def glossari(*args: str) -> list[str]:
    return [sys.executable, "-m", "glossari", *args]


def prepare(n: int, work: Path, seed: int) -> Path:
    base = work / f"n{n}"
    shutil.rmtree(base, ignore_errors=True)
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
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"# glossari site benchmark; {os.cpu_count()} cores; python {sys.version.split()[0]}")
    print("| N | terms | step | wall s | cpu s | peak MB | load at start | x peer wall | note |")
    print("|---|---|---|---|---|---|---|---|---|")
    verdicts = []
    for n in sizes:
        root = prepare(n, args.work, args.seed)
        out = args.work / f"n{n}" / "site"
        shutil.rmtree(out, ignore_errors=True)
        steps: list[tuple[str, list[str]]] = [
            ("load + table json", glossari("--root", str(root), "table", "--format", "json",
                                           "-o", os.devnull)),
            ("site cold", glossari("--root", str(root), "site", "-o", str(out))),
            ("site again", glossari("--root", str(root), "site", "-o", str(out))),
        ]
        peer = None
        for name, cmd in steps:
            started = load()
            wall, cpu, mb, last = measure(cmd, root)
            peer = wall if peer is None else peer
            terms = len(list((out / "terms").glob("*.html"))) if out.exists() else ""
            note = last.split(": ", 1)[-1][:90] if name.startswith("site") else ""
            print(f"| {n} | {terms} | {name} | {wall:.2f} | {cpu:.2f} | {mb:.0f} | {started} | "
                  f"x{wall / peer:.2f} | {note} |", flush=True)
            if name == "site cold":
                limit = TARGETS.get(n)
                if limit is not None:
                    verdicts.append(
                        f"N={n}: site cold {wall:.1f} s (target < {limit:.0f} s: "
                        f"{'met' if wall < limit else 'MISSED'}), {mb:.0f} MB (target < 1 GB: "
                        f"{'met' if mb < MEMORY_LIMIT_MB else 'MISSED'})")
        victim = sorted((root / "seeds").glob("*.md"))[n // 2]
        corpus.change_article(victim)
        started = load()
        wall, cpu, mb, last = measure(glossari("--root", str(root), "site", "-o", str(out)),
                                      root)
        print(f"| {n} | | site one changed ({victim.stem}) | {wall:.2f} | {cpu:.2f} | {mb:.0f} "
              f"| {started} | x{wall / (peer or wall):.2f} | {last.split(': ', 1)[-1][:90]} |",
              flush=True)
    print()
    for line in verdicts:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
