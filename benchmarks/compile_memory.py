"""Where a whole termbase build holds its memory (benchmarks/README.md, "Stop 38").

Runs the steps of ``glossari compile``'s whole build of the termbase one after the other in this
process, as :func:`glossari.glossary.compile_termbase` runs them (the inputs' record; the
glossary read with the writing commands' store, as its articles' outlines, each body set aside;
the termbase written, the bodies read back batch by batch), and prints after each the
process's resident set now and at its peak, and the seconds since the start. The termbase is
written to a temporary folder, never into the glossary; the store (``.glossari-cache/``) is
brought up to date, as ``compile`` does. The ``.mo`` files are not compiled: run
``/usr/bin/time -f %M glossari compile`` for the whole command.

    uv run python benchmarks/compile_memory.py ROOT [LANG]

On Linux only (it reads ``/proc/self/status``).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from glossari.glossary import _write_whole
from glossari.root import resolve_root
from glossari.termbase import snapshot


def _resident_mb() -> int:
    status = Path("/proc/self/status").read_text(encoding="ascii")
    return int(status.split("VmRSS:")[1].split()[0]) // 1024


def _peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print(__doc__.strip().splitlines()[-3].strip(), file=sys.stderr)
        return 2
    root = resolve_root(argv[0])
    lang = argv[1] if len(argv) > 1 else "en"
    start = time.perf_counter()

    def report(step: str) -> None:
        print(f"{step:<28} {_resident_mb():>6} MB now {_peak_mb():>6} MB peak "
              f"{time.perf_counter() - start:8.2f} s", flush=True)

    report("start")
    inputs = snapshot(root, lang)
    report("inputs recorded")
    with tempfile.TemporaryDirectory() as folder:
        _write_whole(root, lang, Path(folder) / "glossari.sqlite", inputs, time.time_ns(),
                     step=report)
        report("termbase written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
