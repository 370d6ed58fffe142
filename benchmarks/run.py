"""The benchmark runner: glossari against the tools a user would otherwise pick, on one corpus.

    python benchmarks/run.py [--quick | --sizes 1000,10000,30000] [--repeat 3]
                             [--json FILE] [--markdown] [--no-peers | --no-glossari]
    python benchmarks/run.py --report FILE.json        # re-print the tables of a saved run

For each N it generates the corpus (``benchmarks/corpus.py``), times every step as a fresh
subprocess (wall time with ``time.perf_counter``; peak memory from ``os.wait4``, the largest
resident set of the process tree) and prints one line per measurement, medians of ``--repeat``
runs::

    N=10000  glossari extract                12.34 s    456 MB  (x0.81 of markdown-it-py parse)

glossari runs from this checkout (``PYTHONPATH``) under ``--python`` (default: the interpreter
running this script). A glossari command that does not exist yet is reported as "not available";
one that fails is reported with its last error line; neither stops the run. Each peer is installed
on first use into its own virtual environment under ``benchmarks/_work/venvs/<peer>`` (mdpo and
translate-toolkit both install a script named ``md2po``); a peer that cannot be installed is
skipped with a line saying so. Benchmarks are run by hand, never as timed tests.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402  (the generator beside this file, standard library only)

DEFAULT_SIZES = (1000, 10000, 30000)
LANG = "en"
MB = 1024 * 1024

# Peers: name -> pip requirements for its own virtual environment.
VENVS: dict[str, tuple[str, ...]] = {
    "translate-toolkit": ("translate-toolkit[markdown]",),
    "mdpo": ("mdpo",),
    "babel": ("babel",),
}

# msgmerge's fuzzy matching grows faster than linearly (6.9 s at N=1,000 in the issue): past this
# size it is skipped unless asked for with --fuzzy-max.
FUZZY_MAX_DEFAULT = 10000


# --------------------------------------------------------------------------------------------
# Measuring one subprocess


@dataclass(slots=True)
class Sample:
    """One timed run of one subprocess (or of several in a row, summed)."""

    seconds: float
    peak_bytes: int
    rc: int
    cpu: float = 0.0
    """User plus system CPU seconds of the whole process tree: steadier than wall time when the
    machine is shared, and above it when a command uses both cores."""
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False


# Peak memory is read by a small wrapper that starts the command and waits for it: ru_maxrss of a
# child forked straight from this runner would include the runner's own resident set (Linux keeps
# the high-water mark of the memory the child had before exec), so every figure would be at least
# the runner's size. GNU time is ~2 MB; without it, a bare Python wrapper (~9 MB) does the same.
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
_WRAPPER = """
import os, sys
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as handle:
    handle.write(f"{usage.ru_maxrss} {usage.ru_utime:.3f} {usage.ru_stime:.3f}")
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)
"""
_USAGE = re.compile(r"^(\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$", re.MULTILINE)


def _usage(text: str) -> tuple[int, float]:
    """(peak KB, CPU seconds) from the wrapper's "%M %U %S" line."""
    found = _USAGE.findall(text)
    if not found:
        return 0, 0.0
    peak, user, system = found[-1]
    return int(peak), float(user) + float(system)


def run_once(cmd: Sequence[str], *, env: dict[str, str], cwd: Path | None = None,
             timeout: float = 900.0, keep_stdout: bool = False) -> Sample:
    """Run ``cmd`` once: wall time around it, peak resident set of its largest process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        if GNU_TIME:
            wrapped = [GNU_TIME, "-f", "%M %U %S", "-o", rss.name, *cmd]
        else:
            wrapped = [sys.executable, "-S", "-c", _WRAPPER, rss.name, *cmd]
        start = time.perf_counter()
        proc = subprocess.Popen(
            wrapped, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
            start_new_session=True,  # its own process group, so a timeout kills the whole tree
        )
        timed_out = threading.Event()

        def kill() -> None:
            with contextlib.suppress(ProcessLookupError):  # it ended just now
                os.killpg(proc.pid, signal.SIGKILL)

        def expire() -> None:
            timed_out.set()
            kill()

        timer = threading.Timer(timeout, expire)
        timer.start()
        try:
            rc = proc.wait()
        except BaseException:  # Ctrl-C: take the measured command down with us
            kill()
            proc.wait()
            raise
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace") if keep_stdout else ""
        stderr = err.read()[-4000:].decode("utf-8", "replace")
        peak, cpu = _usage(rss.read())
    return Sample(seconds=seconds, peak_bytes=peak * 1024, rc=rc, cpu=cpu, stdout=stdout,
                  stderr=stderr, timed_out=timed_out.is_set())


def run_all(cmds: Iterable[Sequence[str]], **kwargs: Any) -> Sample:
    """Run several commands one after the other: times add up, the peak is the largest."""
    total = Sample(seconds=0.0, peak_bytes=0, rc=0)
    for cmd in cmds:
        sample = run_once(cmd, **kwargs)
        total.seconds += sample.seconds
        total.cpu += sample.cpu
        total.peak_bytes = max(total.peak_bytes, sample.peak_bytes)
        total.stdout += sample.stdout
        total.stderr = sample.stderr or total.stderr
        if sample.rc != 0 or sample.timed_out:
            total.rc, total.timed_out = sample.rc, sample.timed_out
            break
    return total


# --------------------------------------------------------------------------------------------
# Results


@dataclass(slots=True)
class Result:
    """The median of the runs of one measurement (or why there is none)."""

    n: int
    name: str
    """``glossari extract``, ``GNU msgmerge -N``, ..."""
    status: str = "ok"
    """``ok``, ``not available``, ``failed``, ``timeout``, ``skipped``."""
    seconds: float | None = None
    """Median wall time; for ``lookup`` rows the median microseconds per lookup."""
    peak_mb: float | None = None
    """The largest peak resident set over the runs."""
    cpu: float | None = None
    """Median CPU seconds (user + system, whole process tree)."""
    runs: list[float] = field(default_factory=list)
    unit: str = "s"
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


# (glossari measurement, peer measurement, comparison, target, what the issue asks)
PAIRS: tuple[tuple[str, str, str, float | None, str], ...] = (
    ("glossari extract", "markdown-it-py parse", "<=", 1.5,
     "extract at most 1.5x markdown-it-py parsing alone"),
    ("glossari extract", "translate-toolkit md2po", "<=", 1 / 3,
     "extract at least 3x faster than translate-toolkit md2po"),
    ("glossari extract", "mdpo md2po", "", None, "extract vs mdpo, one file at a time"),
    ("glossari load", "python-frontmatter load", "", None,
     "load vs python-frontmatter reading alone"),
    ("glossari load cold", "markdown-it-py parse", "", None,
     "load without a cache vs markdown-it-py parsing alone"),
    ("glossari update 5%", "GNU msgmerge -N", "<=", 1.0, "update no slower than msgmerge -N"),
    ("glossari update 5%", "GNU msgmerge (fuzzy)", "", None, "update vs msgmerge with fuzzy"),
    ("glossari update 5%", "pybabel update -N", "", None, "update vs pybabel update -N"),
    ("glossari compile", "GNU msgfmt", "<=", 1.0, "compile no slower than msgfmt"),
    ("glossari compile", "pybabel compile", "", None, "compile vs pybabel compile"),
    ("glossari lookup", "stdlib gettext lookup", "<=", 1.0,
     "a lookup costs no more than a gettext lookup"),
)


class Report:
    """Collects results, prints one line per measurement as it comes."""

    def __init__(self, stream: Any = sys.stdout) -> None:
        self.results: list[Result] = []
        self.stream = stream

    def get(self, n: int, name: str) -> Result | None:
        for result in self.results:
            if result.n == n and result.name == name:
                return result
        return None

    def add(self, result: Result) -> Result:
        self.results.append(result)
        print(self.line(result), file=self.stream, flush=True)
        return result

    def ratio_note(self, result: Result) -> str:
        notes = []
        for mine, peer, _, _, _ in PAIRS:
            if result.name != mine:
                continue
            other = self.get(result.n, peer)
            if other is not None and other.seconds and result.seconds is not None:
                cpu = (f", cpu x{result.cpu / other.cpu:.2f}"
                       if result.cpu and other.cpu else "")
                notes.append(f"x{result.seconds / other.seconds:.2f}{cpu} of {peer}")
        return f"  ({'; '.join(notes)})" if notes else ""

    def line(self, result: Result) -> str:
        head = f"N={result.n:<6} {result.name:<30}"
        if result.status != "ok" or result.seconds is None:
            return f"{head} {result.status}{': ' + result.note if result.note else ''}"
        if result.unit == "us":
            value = f"{result.seconds:8.2f} us/lookup"
        elif result.unit == "ms":
            value = f"{result.seconds:8.1f} ms"
        else:
            value = f"{result.seconds:8.2f} s "
            if result.cpu is not None:
                value += f" cpu {result.cpu:7.2f} s"
        memory = f"{result.peak_mb:6.0f} MB" if result.peak_mb is not None else " " * 9
        runs = f"  [{len(result.runs)} runs]" if len(result.runs) != 3 else ""
        note = f"  {result.note}" if result.note else ""
        return f"{head} {value} {memory}{self.ratio_note(result)}{runs}{note}"


# --------------------------------------------------------------------------------------------
# The runner


def median_result(n: int, name: str, samples: Sequence[Sample], *, ok_codes: tuple[int, ...] = (0,),
                  note: str = "") -> Result:
    """Median time and largest peak of the samples, or the failure of the first bad one."""
    for sample in samples:
        if sample.timed_out:
            return Result(n=n, name=name, status="timeout",
                          note=f"killed after {sample.seconds:.0f} s")
        if sample.rc not in ok_codes:
            last = [line for line in sample.stderr.strip().splitlines() if line.strip()]
            return Result(n=n, name=name, status="failed",
                          note=f"exit {sample.rc}: {last[-1][:160] if last else 'no message'}")
    seconds = [s.seconds for s in samples]
    return Result(n=n, name=name, seconds=statistics.median(seconds),
                  cpu=statistics.median(s.cpu for s in samples),
                  peak_mb=max(s.peak_bytes for s in samples) / MB, runs=seconds, note=note)


class Runner:
    """Builds the corpus for each N and measures glossari and the peers on it."""

    def __init__(self, args: argparse.Namespace, report: Report) -> None:
        self.args = args
        self.report = report
        self.work: Path = args.work.resolve()
        self.python: str = args.python
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
        env["LC_ALL"] = "C.UTF-8"
        env["XDG_CACHE_HOME"] = str(self.work / "xdg-cache")  # keep any cache inside _work
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env = env
        self.available: dict[str, bool] = {}
        self.versions: dict[str, str] = {}

    # --- helpers ---------------------------------------------------------------------------

    def log(self, text: str) -> None:
        print(f"# {text}", file=sys.stderr, flush=True)

    def glossari(self, root: Path, *args: str) -> list[str]:
        return [self.python, "-m", "glossari", "--root", str(root), *args]

    def has_command(self, name: str) -> bool:
        """True when ``glossari NAME --help`` works: the command has been written."""
        if name not in self.available:
            sample = run_once([self.python, "-m", "glossari", name, "--help"], env=self.env,
                              timeout=60)
            self.available[name] = sample.rc == 0
        return self.available[name]

    def skipped(self, name: str) -> bool:
        return any(word and word in name for word in self.args.skip.split(","))

    def repeat(self, n: int, name: str, prepare: Callable[[], None] | None,
               measure: Callable[[], Sample], *, ok_codes: tuple[int, ...] = (0,),
               note: str = "", runs: int | None = None) -> Result:
        if self.skipped(name):
            return self.report.add(Result(n=n, name=name, status="skipped", note="--skip"))
        samples: list[Sample] = []
        for i in range(runs or self.args.repeat):
            if prepare is not None:
                prepare()
            sample = measure()
            samples.append(sample)
            if sample.rc not in ok_codes or sample.timed_out:
                break
            # a peer slower than --long alone would take the run past the session: once is enough
            if i == 0 and sample.seconds > self.args.long and runs is None:
                note = (note + "; " if note else "") + f"1 run (over {self.args.long:.0f} s)"
                break
        return self.report.add(median_result(n, name, samples, ok_codes=ok_codes, note=note))

    def unavailable(self, n: int, name: str, why: str, status: str = "not available") -> Result:
        return self.report.add(Result(n=n, name=name, status=status, note=why))

    def venv(self, peer: str) -> Path | None:
        """The peer's virtual environment, installed on first use; None if that fails."""
        path = self.work / "venvs" / peer
        python = path / "bin" / "python"
        stamp = path / "installed.txt"
        wanted = " ".join(VENVS[peer])
        if python.exists() and stamp.exists() and stamp.read_text() == wanted:
            return path
        self.log(f"installing {wanted} into {path}")
        shutil.rmtree(path, ignore_errors=True)
        log = self.work / "venvs" / f"{peer}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("w") as handle:
            ok = subprocess.run([sys.executable, "-m", "venv", str(path)], stdout=handle,
                                stderr=subprocess.STDOUT).returncode == 0
            ok = ok and subprocess.run(
                [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                 *VENVS[peer]], stdout=handle, stderr=subprocess.STDOUT).returncode == 0
        if not ok:
            print(f"# {peer}: installation failed, see {log}", file=sys.stderr)
            return None
        stamp.write_text(wanted)
        return path

    def version(self, python: str, dist: str) -> str:
        if dist not in self.versions:
            proc = subprocess.run(
                [python, "-c", f"import importlib.metadata as m; print(m.version({dist!r}))"],
                capture_output=True, text=True, env=self.env)
            self.versions[dist] = proc.stdout.strip() or "?"
        return self.versions[dist]

    def tool_version(self, tool: str) -> str:
        if tool not in self.versions:
            proc = subprocess.run([tool, "--version"], capture_output=True, text=True)
            self.versions[tool] = (proc.stdout.splitlines() or ["?"])[0]
        return self.versions[tool]

    # --- the glossary folder's states ------------------------------------------------------

    def reset_root(self, root: Path, seeds: Path) -> None:
        """``root`` holding a fresh copy of ``seeds`` and nothing else (no catalogs, no cache)."""
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(self.work / "xdg-cache", ignore_errors=True)
        root.mkdir(parents=True)
        shutil.copytree(seeds, root / "seeds")

    @staticmethod
    def templates(root: Path) -> dict[str, Path]:
        """Domain -> template, wherever under ``locale/`` glossari puts them."""
        return {p.stem: p for p in sorted((root / "locale").rglob("*.pot"))}

    @staticmethod
    def catalogs(root: Path) -> dict[str, Path]:
        return {p.stem: p for p in sorted((root / "locale" / LANG / "LC_MESSAGES").glob("*.po"))}

    @staticmethod
    def clear_caches(root: Path) -> None:
        for cache in (root / ".glossari-cache", root / "locale" / ".glossari-cache"):
            shutil.rmtree(cache, ignore_errors=True)

    def fallback_templates(self, root: Path, *, catalogs: bool) -> None:
        cmd = [self.python, str(HERE / "templates.py"), str(root)]
        subprocess.run(cmd + (["--catalogs", LANG] if catalogs else []), env=self.env,
                       check=True)

    def translate(self, root: Path) -> None:
        """Fill every catalog's translations (msgstr = msgid, GNU msgen), as a finished catalog."""
        for po in self.catalogs(root).values():
            subprocess.run(["msgen", "-o", str(po), str(po)], check=True, env=self.env)

    @staticmethod
    def restore(snapshot: Path, root: Path) -> None:
        shutil.rmtree(root / "locale", ignore_errors=True)
        shutil.copytree(snapshot, root / "locale")

    # --- one size --------------------------------------------------------------------------

    def size(self, n: int) -> None:
        base = self.work / f"n{n}"
        pristine = base / "corpus"
        self.log(f"N={n}: generating the corpus in {pristine}")
        corpus.write_corpus(n, pristine, seed=self.args.seed)
        seeds = pristine / "seeds"
        root = base / "root"
        kw = {"env": self.env, "timeout": self.args.timeout}

        # Templates v1 (from the pristine seeds) and translated catalogs v1: glossari's own when
        # its commands exist, else the stand-ins, so the peers always have their inputs. Timed
        # runs come later, after the peers, so that each glossari line can show its ratios.
        self.reset_root(root, seeds)
        if self.has_command("extract") and \
                run_once(self.glossari(root, "extract"), **kw).rc == 0 and self.templates(root):
            source = "glossari extract"
        else:
            shutil.rmtree(root / "locale", ignore_errors=True)
            self.fallback_templates(root, catalogs=False)
            source = "stand-in templates (benchmarks/templates.py)"
        templates_v1 = base / "templates-v1"
        shutil.rmtree(templates_v1, ignore_errors=True)
        shutil.copytree(root / "locale", templates_v1)
        domains = sorted(self.templates(root))
        messages = sum(p.read_text(encoding="utf-8").count("\nmsgid ")
                       for p in self.templates(root).values())
        self.log(f"N={n}: {len(domains)} templates, {messages} messages, from {source}")
        if self.has_command("update") and \
                run_once(self.glossari(root, "update", "-l", LANG), **kw).rc == 0 and \
                self.catalogs(root):
            self.log(f"N={n}: catalogs from glossari update")
        else:
            self.restore(templates_v1, root)
            self.fallback_templates(root, catalogs=True)
            self.log(f"N={n}: stand-in catalogs (benchmarks/templates.py)")
        self.translate(root)
        catalog_v1 = base / "catalog-v1"
        shutil.rmtree(catalog_v1, ignore_errors=True)
        shutil.copytree(root / "locale", catalog_v1)

        # Templates v2: 5% of the messages changed.
        changed = base / "changed"
        shutil.rmtree(changed, ignore_errors=True)
        shutil.copytree(seeds, changed / "seeds")
        edited = corpus.change_blocks(changed / "seeds", round(messages * 0.05), seed=1)
        v2_root = base / "root-v2"
        self.reset_root(v2_root, changed / "seeds")
        if source == "glossari extract" and \
                run_once(self.glossari(v2_root, "extract"), **kw).rc == 0:
            pass
        else:
            shutil.rmtree(v2_root / "locale", ignore_errors=True)
            self.fallback_templates(v2_root, catalogs=False)
        templates_v2 = base / "templates-v2"
        shutil.rmtree(templates_v2, ignore_errors=True)
        shutil.copytree(v2_root / "locale", templates_v2)
        self.log(f"N={n}: {edited} messages edited for the update runs")

        if self.args.peers:
            self.peers(n, seeds, catalog_v1, templates_v2, base)
        if self.args.glossari:
            self.glossari_steps(n, seeds, root, changed / "seeds", templates_v1, catalog_v1,
                                templates_v2)

    def ok(self, n: int, name: str) -> bool | None:
        result = self.report.get(n, name)
        return None if result is None else result.status == "ok"

    # --- peers ------------------------------------------------------------------------------

    def peers(self, n: int, seeds: Path, catalog_v1: Path, templates_v2: Path,
              base: Path) -> None:
        kw = {"env": self.env, "timeout": self.args.timeout}
        scratch = base / "peer-out"
        project = self.python

        def fresh() -> None:
            shutil.rmtree(scratch, ignore_errors=True)
            scratch.mkdir(parents=True)

        # markdown-it-py and python-frontmatter: glossari's own dependencies, so the versions
        # glossari actually runs on (the project's interpreter), each alone in a loop.
        self.repeat(n, "markdown-it-py parse", None, lambda: run_once(
            [project, "-c", _MARKDOWN_IT, str(seeds)], **kw),
            note=f"markdown-it-py {self.version(project, 'markdown-it-py')}")
        self.repeat(n, "python-frontmatter load", None, lambda: run_once(
            [project, "-c", _FRONTMATTER, str(seeds)], **kw),
            note=f"python-frontmatter {self.version(project, 'python-frontmatter')}")

        venv = self.venv("translate-toolkit")
        if venv is None:
            self.unavailable(n, "translate-toolkit md2po", "installation failed", "skipped")
        else:
            self.repeat(n, "translate-toolkit md2po", fresh, lambda: run_once(
                [str(venv / "bin" / "md2po"), "--progress=none", "-P", "--multifile=onefile",
                 "-i", str(seeds), "-o", str(scratch / "all.pot")], **kw),
                note=f"{self.version(str(venv / 'bin' / 'python'), 'translate-toolkit')}")

        venv = self.venv("mdpo")
        if venv is None:
            self.unavailable(n, "mdpo md2po", "installation failed", "skipped")
        else:
            self.repeat(n, "mdpo md2po", fresh, lambda: run_once(
                [str(venv / "bin" / "python"), "-c", _MDPO, str(seeds), str(scratch)], **kw),
                note=f"{self.version(str(venv / 'bin' / 'python'), 'mdpo')}, one file at a time")

        domains = sorted(p.stem for p in templates_v2.rglob("*.pot"))
        pots = {p.stem: p for p in templates_v2.rglob("*.pot")}
        pos = {p.stem: p for p in (catalog_v1 / LANG / "LC_MESSAGES").glob("*.po")}
        both = [d for d in domains if d in pos]

        def merge_cmds(fuzzy: bool) -> list[list[str]]:
            flags = ["-q"] if fuzzy else ["-q", "-N"]
            return [["msgmerge", *flags, "-o", str(scratch / f"{d}.po"), str(pos[d]),
                     str(pots[d])] for d in both]

        gnu = self.tool_version("msgmerge")
        self.repeat(n, "GNU msgmerge -N", fresh, lambda: run_all(merge_cmds(False), **kw),
                    note=f"{len(both)} files; {gnu}")
        if n <= self.args.fuzzy_max:
            self.repeat(n, "GNU msgmerge (fuzzy)", fresh, lambda: run_all(merge_cmds(True), **kw),
                        note=f"{len(both)} files")
        else:
            self.unavailable(n, "GNU msgmerge (fuzzy)",
                             f"skipped above N={self.args.fuzzy_max} (--fuzzy-max): superlinear",
                             "skipped")
        self.repeat(n, "GNU msgfmt", fresh, lambda: run_all(
            [["msgfmt", "-o", str(scratch / f"{d}.mo"), str(pos[d])] for d in sorted(pos)], **kw),
            note=f"{len(pos)} files")

        venv = self.venv("babel")
        if venv is None:
            for name in ("pybabel update -N", "pybabel compile"):
                self.unavailable(n, name, "installation failed", "skipped")
            return
        python = str(venv / "bin" / "python")
        version = self.version(python, "babel")

        def babel_tree() -> None:
            # pybabel wants DIR/LANG/LC_MESSAGES/DOMAIN.po: a fresh copy of the v1 catalogs
            fresh()
            shutil.copytree(catalog_v1 / LANG, scratch / LANG)

        templates = json.dumps({d: str(pots[d]) for d in both})
        self.repeat(n, "pybabel update -N", babel_tree, lambda: run_once(
            [python, "-c", _PYBABEL_UPDATE, str(scratch), templates], **kw),
            note=f"Babel {version}, one process")
        self.repeat(n, "pybabel compile", babel_tree, lambda: run_once(
            [python, "-c", _PYBABEL_COMPILE, str(scratch), json.dumps(sorted(pos))], **kw),
            note=f"Babel {version}, one process")

    # --- glossari ---------------------------------------------------------------------------

    def glossari_steps(self, n: int, seeds: Path, root: Path, changed: Path, templates_v1: Path,
                       catalog_v1: Path, templates_v2: Path) -> None:
        kw = {"env": self.env, "timeout": self.args.timeout}

        if self.has_command("extract"):
            self.repeat(n, "glossari extract", lambda: self.reset_root(root, seeds),
                        lambda: run_once(self.glossari(root, "extract"), **kw))
        else:
            self.unavailable(n, "glossari extract", "no `glossari extract` command yet")
        if self.has_command("update"):
            def update_cold_prepare() -> None:
                if not (root / "seeds").is_dir():
                    self.reset_root(root, seeds)
                self.restore(templates_v1, root)
                self.clear_caches(root)  # no record of an earlier update either
            self.repeat(n, "glossari update cold", update_cold_prepare,
                        lambda: run_once(self.glossari(root, "update", "-l", LANG), **kw))
        else:
            self.unavailable(n, "glossari update cold", "no `glossari update` command yet")

        def with_catalogs(with_mo: bool = False) -> Callable[[], None]:
            def prepare() -> None:
                if not (root / "seeds").is_dir():
                    self.reset_root(root, seeds)
                self.restore(catalog_v1, root)
                if with_mo and mo_dir is not None:
                    for mo in mo_dir.glob("*.mo"):
                        shutil.copy2(mo, root / "locale" / LANG / "LC_MESSAGES" / mo.name)
            return prepare

        mo_dir: Path | None = None
        self.reset_root(root, seeds)

        # compile
        if self.has_command("compile"):
            def compile_prepare() -> None:
                with_catalogs()()
                for mo in (root / "locale").rglob("*.mo"):
                    mo.unlink()
            self.repeat(n, "glossari compile", compile_prepare,
                        lambda: run_once(self.glossari(root, "compile", "-l", LANG), **kw))
            if self.ok(n, "glossari compile"):
                mo_dir = root.parent / "mo-glossari"
                shutil.rmtree(mo_dir, ignore_errors=True)
                mo_dir.mkdir()
                for mo in (root / "locale").rglob("*.mo"):
                    shutil.copy2(mo, mo_dir / mo.name)
        else:
            self.unavailable(n, "glossari compile", "no `glossari compile` command yet")
        if mo_dir is None:  # gettext's side of the lookup comparison needs a .mo: msgfmt's
            mo_dir = root.parent / "mo-msgfmt"
            shutil.rmtree(mo_dir, ignore_errors=True)
            mo_dir.mkdir()
            for d, po in self.catalogs_of(catalog_v1).items():
                subprocess.run(["msgfmt", "-o", str(mo_dir / f"{d}.mo"), str(po)], check=True)

        # load and lookup, over the translated catalogs
        load = [self.python, "-c", "import sys, glossari; glossari.load(sys.argv[1])", str(root)]

        def load_cold() -> None:
            with_catalogs(with_mo=True)()
            self.clear_caches(root)

        self.repeat(n, "glossari load cold", load_cold, lambda: run_once(load, **kw),
                    note="no .glossari-cache")
        self.repeat(n, "glossari load", None, lambda: run_once(load, **kw),
                    note="warm .glossari-cache")
        glossary_mo = mo_dir / "glossary.mo"
        lookups = [run_once([self.python, "-c", _LOOKUP, str(root), str(glossary_mo)],
                            keep_stdout=True, **kw) for _ in range(self.args.repeat)]
        failed = median_result(n, "glossari lookup", lookups)
        good = [json.loads(s.stdout) for s in lookups if s.rc == 0 and s.stdout.strip()]
        if failed.status != "ok" or not good:
            self.report.add(failed if failed.status != "ok" else
                            Result(n=n, name="glossari lookup", status="failed", note="no output"))
        else:
            self.report.add(Result(
                n=n, name="stdlib gettext lookup", unit="us",
                seconds=statistics.median(g["gettext_us"] for g in good),
                runs=[g["gettext_us"] for g in good],
                note=f"pgettext on glossary.mo, {good[0]['count']} headwords"))
            self.report.add(Result(
                n=n, name="glossari lookup", unit="us",
                seconds=statistics.median(g["glossari_us"] for g in good),
                runs=[g["glossari_us"] for g in good],
                note=f"Glossary.lookup by Malay headword; {good[0]['missed']} not found"))

        # table
        if self.has_command("table"):
            self.repeat(n, "glossari table json", with_catalogs(with_mo=True), lambda: run_once(
                self.glossari(root, "table", "--format", "json"), **kw))
        else:
            self.unavailable(n, "glossari table json", "no `glossari table` command yet")

        if self.has_command("search"):
            self.termbase_steps(n, seeds, root, with_catalogs(with_mo=True), mo_dir)
        else:
            self.unavailable(n, "glossari load termbase", "no compiled termbase yet")

        # check, cold then warm
        if self.has_command("check"):
            warm: list[Sample] = []

            def check_cold() -> Sample:
                sample = run_once(self.glossari(root, "check", "-l", LANG), **kw)
                if sample.rc in (0, 1) and not sample.timed_out:
                    warm.append(run_once(self.glossari(root, "check", "-l", LANG), **kw))
                return sample

            def check_prepare() -> None:
                with_catalogs(with_mo=True)()
                self.clear_caches(root)
                shutil.rmtree(self.work / "xdg-cache", ignore_errors=True)

            self.repeat(n, "glossari check cold", check_prepare, check_cold, ok_codes=(0, 1))
            if warm:
                self.report.add(median_result(n, "glossari check warm", warm, ok_codes=(0, 1)))
            elif self.skipped("glossari check cold"):
                self.unavailable(n, "glossari check warm", "--skip", "skipped")
        else:
            self.unavailable(n, "glossari check cold", "no `glossari check` command yet")
            self.unavailable(n, "glossari check warm", "no `glossari check` command yet")

        # update with 5% of the messages changed: v1 catalogs, v2 templates, changed seeds
        if self.has_command("update"):
            def update_prepare() -> None:
                shutil.rmtree(root, ignore_errors=True)
                root.mkdir(parents=True)
                shutil.copytree(changed, root / "seeds")
                self.restore(catalog_v1, root)
                for pot in templates_v2.rglob("*.pot"):
                    target = root / "locale" / pot.relative_to(templates_v2)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(pot, target)
            self.repeat(n, "glossari update 5%", update_prepare,
                        lambda: run_once(self.glossari(root, "update", "-l", LANG), **kw))
        else:
            self.unavailable(n, "glossari update 5%", "no `glossari update` command yet")

        # incremental: one article changed after a full extract + update
        if self.has_command("extract") and self.has_command("update"):
            article = sorted(seeds.glob("*.md"))[len(list(seeds.glob("*.md"))) // 2]

            def incremental_prepare() -> None:
                self.reset_root(root, seeds)
                run_once(self.glossari(root, "extract"), **kw)
                run_once(self.glossari(root, "update", "-l", LANG), **kw)
                corpus.change_article(root / "seeds" / article.name)

            self.repeat(n, "glossari incremental", incremental_prepare, lambda: run_all(
                [self.glossari(root, "extract"), self.glossari(root, "update", "-l", LANG)],
                **kw), note="extract + update after one article changed")
        else:
            self.unavailable(n, "glossari incremental", "needs `extract` and `update`")

    def termbase_steps(self, n: int, seeds: Path, root: Path, catalogs: Callable[[], None],
                       mo_dir: Path) -> None:
        """Issue 13: the compiled termbase (``compile`` writes it; readers open it)."""
        kw = {"env": self.env, "timeout": self.args.timeout}
        articles = sorted(seeds.glob("*.md"))
        middle = articles[len(articles) // 2]
        title = next(line[len("title: "):] for line in middle.read_text("utf-8").splitlines()
                     if line.startswith("title: "))
        compile_cmd = self.glossari(root, "compile", "-l", LANG)

        def compiled() -> None:  # a fresh termbase (compile is a no-op when it is)
            if not (root / "locale" / LANG / "glossari.sqlite").is_file():
                catalogs()
            shutil.copy2(middle, root / "seeds" / middle.name)
            run_once(compile_cmd, **kw)

        compiled()
        load = [self.python, "-c", "import sys, glossari; glossari.load(sys.argv[1])"
                ".lookup(sys.argv[2])", str(root), title]
        self.repeat(n, "glossari load termbase", compiled, lambda: run_once(load, **kw),
                    note="load(R).lookup(X), whole process, fresh termbase")
        self.repeat(n, "glossari show termbase", compiled,
                    lambda: run_once(self.glossari(root, "show", title), **kw))
        self.repeat(n, "glossari table json termbase", compiled, lambda: run_once(
            self.glossari(root, "table", "--format", "json"), **kw))
        samples = [run_once([self.python, "-c", _SEARCH, str(root)], keep_stdout=True, **kw)
                   for _ in range(self.args.repeat)]
        good = [json.loads(x.stdout) for x in samples if x.rc == 0 and x.stdout.strip()]
        if good:
            self.report.add(Result(
                n=n, name="glossari search", unit="ms",
                seconds=statistics.median(g["worst_ms"] for g in good),
                runs=[g["worst_ms"] for g in good],
                note=f"in process, the slowest of {good[0]['count']} queries "
                     f"(median query {statistics.median(g['median_ms'] for g in good):.2f} ms)"))
        else:
            self.report.add(median_result(n, "glossari search", samples))
        lookups = [run_once([self.python, "-c", _LOOKUP, str(root), str(mo_dir / "glossary.mo")],
                            keep_stdout=True, **kw) for _ in range(self.args.repeat)]
        good = [json.loads(x.stdout) for x in lookups if x.rc == 0 and x.stdout.strip()]
        if good:
            self.report.add(Result(
                n=n, name="glossari lookup termbase", unit="us",
                seconds=statistics.median(g["glossari_us"] for g in good),
                runs=[g["glossari_us"] for g in good],
                note=f"Glossary.lookup by Malay headword from the termbase; {good[0]['missed']} "
                     "not found"))

        def one_change() -> None:
            compiled()
            corpus.change_article(root / "seeds" / middle.name)

        self.repeat(n, "glossari compile one change", one_change,
                    lambda: run_once(compile_cmd, **kw),
                    note="compile (.mo and termbase) after one article changed")

    @staticmethod
    def catalogs_of(snapshot: Path) -> dict[str, Path]:
        return {p.stem: p for p in sorted((snapshot / LANG / "LC_MESSAGES").glob("*.po"))}

    # --- start-up cost ----------------------------------------------------------------------

    def import_time(self) -> None:
        if self.skipped("import"):
            return
        runs = self.args.import_runs
        bare: list[float] = []
        loaded: list[float] = []
        cumulative: list[float] = []
        for cmd in ([self.python, "-c", "pass"], [self.python, "-c", "import glossari"]):
            run_once(cmd, env=self.env)  # warm the file cache and the .pyc files
        for _ in range(runs):  # interleaved, so a busy moment hits both alike
            bare.append(run_once([self.python, "-c", "pass"], env=self.env).seconds)
            sample = run_once([self.python, "-c", "import glossari"], env=self.env)
            if sample.rc != 0:
                self.unavailable(0, "glossari import", sample.stderr.strip()[-160:], "failed")
                return
            loaded.append(sample.seconds)
            timed = run_once([self.python, "-X", "importtime", "-c", "import glossari"],
                             env=self.env)
            match = re.search(r"\|\s*(\d+)\s*\|\s*glossari\s*$", timed.stderr, re.MULTILINE)
            if match:
                cumulative.append(int(match.group(1)) / 1000)
        self.report.add(Result(n=0, name="python -c pass", unit="ms",
                               seconds=statistics.median(bare) * 1000,
                               runs=[b * 1000 for b in bare], note=f"median of {runs}"))
        self.report.add(Result(n=0, name="python -c 'import glossari'", unit="ms",
                               seconds=statistics.median(loaded) * 1000,
                               runs=[x * 1000 for x in loaded], note=f"median of {runs}"))
        overhead = (statistics.median(loaded) - statistics.median(bare)) * 1000
        self.report.add(Result(
            n=0, name="glossari import overhead", unit="ms", seconds=overhead, runs=[overhead],
            note=(f"-X importtime cumulative {statistics.median(cumulative):.1f} ms"
                  if cumulative else "")))


# --------------------------------------------------------------------------------------------
# The in-process loops run by the peers' interpreters (kept as text: each runs in its own venv)

_MARKDOWN_IT = """
import pathlib, sys
from markdown_it import MarkdownIt
md = MarkdownIt("commonmark")
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.md")):
    md.parse(path.read_text(encoding="utf-8"))
"""

_FRONTMATTER = """
import pathlib, sys
import frontmatter
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.md")):
    frontmatter.loads(path.read_text(encoding="utf-8"))
"""

_MDPO = """
import pathlib, sys
from mdpo.md2po import markdown_to_pofile
out = pathlib.Path(sys.argv[2])
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.md")):
    markdown_to_pofile(str(path), po_filepath=str(out / (path.stem + ".po")), save=True)
"""

_PYBABEL_UPDATE = """
import json, sys
from babel.messages.frontend import CommandLineInterface
for domain, pot in json.loads(sys.argv[2]).items():
    CommandLineInterface().run(["pybabel", "-q", "update", "-N", "-i", pot, "-d", sys.argv[1],
                                "-D", domain, "-l", "en"])
"""

_PYBABEL_COMPILE = """
import json, sys
from babel.messages.frontend import CommandLineInterface
for domain in json.loads(sys.argv[2]):
    CommandLineInterface().run(["pybabel", "-q", "compile", "-d", sys.argv[1], "-D", domain,
                                "-l", "en"])
"""

# Lookups by Malay headword, in-process, against pgettext on the compiled glossary catalog.
_LOOKUP = """
import gettext, json, sys, time
import glossari
glossary = glossari.load(sys.argv[1])
pairs = [(t.id, t.title) for t in glossary
         if getattr(t, "kind", "article") == "article" and t.title]
with open(sys.argv[2], "rb") as handle:
    catalog = gettext.GNUTranslations(handle)
def per_call(fn):
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best / len(pairs) * 1e6
missed = 0
def lookups():
    global missed
    missed = 0
    for _, title in pairs:
        try:
            glossary.lookup(title)
        except KeyError:
            missed += 1
def gettexts():
    for term_id, title in pairs:
        catalog.pgettext(term_id, title)
print(json.dumps({"glossari_us": per_call(lookups), "gettext_us": per_call(gettexts),
                  "count": len(pairs), "missed": missed}))
"""


# Searches in process over a fresh termbase: common, rare, prefix, two words, no hit.
_SEARCH = """
import json, statistics, sys, time
import glossari
glossary = glossari.load(sys.argv[1])
# headword, name and definition queries, a one-letter prefix, a miss, and common words that only
# the article bodies hold in number (every body text that holds them is ranked by bm25)
queries = ["akaun", "pelanggan eksekutif", "perkhid", "farmaseutikal", "bank dana", "tahunan",
           "kew", "zzzz", "a", "account", "gaji kawal", "februari", "bonus pekerja etika",
           "perisian pelanggan dalam"]
glossary.search("akaun")  # the first query opens the index
times = []
for query in queries:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        glossary.search(query)
        best = min(best, time.perf_counter() - start)
    times.append(best * 1000)
print(json.dumps({"worst_ms": max(times), "median_ms": statistics.median(times),
                  "count": len(queries)}))
"""


# --------------------------------------------------------------------------------------------
# Targets and tables


@dataclass(slots=True)
class Target:
    what: str
    value: str
    verdict: str
    """``met``, ``missed``, ``not yet measurable``, or ``info``."""
    cause: str = ""


def _med(results: list[Result], n: int, name: str) -> Result | None:
    for r in results:
        if r.n == n and r.name == name and r.status == "ok" and r.seconds is not None:
            return r
    return None


def targets(results: list[Result]) -> list[Target]:
    """Each target of issue 7, judged on these results (one run, one machine)."""
    sizes = sorted({r.n for r in results if r.n > 0})
    at10k = 10000 if 10000 in sizes else (sizes[-1] if sizes else 0)
    out: list[Target] = []

    def pair(mine: str, peer: str, limit: float, what: str, n: int) -> None:
        a, b = _med(results, n, mine), _med(results, n, peer)
        if a is None or b is None or not b.seconds:
            missing = mine if a is None else peer
            out.append(Target(what=f"{what} (N={n})", value="-", verdict="not yet measurable",
                              cause=f"no figure for {missing}"))
            return
        ratio = (a.seconds or 0) / b.seconds
        value = f"x{ratio:.2f}"
        cause = ""
        if a.cpu and b.cpu and a.unit == "s":
            cpu_ratio = a.cpu / b.cpu
            value += f" (cpu x{cpu_ratio:.2f})"
            if (cpu_ratio <= limit) != (ratio <= limit):
                cause = "wall and CPU time disagree (a busy machine, or both cores used)"
        out.append(Target(what=f"{what} (N={n})", value=value,
                          verdict="met" if ratio <= limit else "missed", cause=cause))

    for mine, peer, op, limit, what in PAIRS:
        if op and limit is not None:
            pair(mine, peer, limit, what, at10k)

    incremental, extract, update = (_med(results, at10k, name) for name in (
        "glossari incremental", "glossari extract", "glossari update cold"))
    if incremental and extract and update:
        ratio = (incremental.seconds or 0) / ((extract.seconds or 0) + (update.seconds or 0))
        out.append(Target(what=f"incremental extract+update < 10% of cold (N={at10k})",
                          value=f"{ratio:.0%}", verdict="met" if ratio < 0.10 else "missed"))
    else:
        out.append(Target(what="incremental extract+update < 10% of cold", value="-",
                          verdict="not yet measurable", cause="needs extract and update"))

    steps = ("glossari extract", "glossari update cold", "glossari update 5%",
             "glossari compile", "glossari load cold", "glossari load", "glossari table json",
             "glossari check cold")
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        for step in steps:
            a, b = _med(results, small, step), _med(results, large, step)
            what = f"linear: {step} per article at {large} / at {small} <= 1.3"
            if a is None or b is None:
                out.append(Target(what=what, value="-", verdict="not yet measurable",
                                  cause="not measured at both sizes"))
                continue
            ratio = ((b.seconds or 0) / large) / ((a.seconds or 0) / small)
            value, cause, good = f"x{ratio:.2f}", "", ratio <= 1.3
            if a.cpu and b.cpu:
                cpu_ratio = (b.cpu / large) / (a.cpu / small)
                value += f" (cpu x{cpu_ratio:.2f})"
                if (cpu_ratio <= 1.3) != good:
                    cause = "wall and CPU time disagree (a busy machine, or both cores used)"
                good = good and cpu_ratio <= 1.3  # met only when both say so
            out.append(Target(what=what, value=value, verdict="met" if good else "missed",
                              cause=cause))
    else:
        out.append(Target(what="linear: time per article at 30,000 within 1.3x of 1,000",
                          value="-", verdict="not yet measurable", cause="one size only"))

    biggest = sizes[-1] if sizes else 0
    peaks = [r for r in results if r.n == biggest and r.name.startswith("glossari ")
             and r.status == "ok" and r.peak_mb is not None and r.unit == "s"]
    if peaks:
        top = max(peaks, key=lambda r: r.peak_mb or 0)
        under = (top.peak_mb or 0) < 1024
        out.append(Target(what=f"peak memory < 1 GB for any command (N={biggest})",
                          value=f"{top.peak_mb:.0f} MB ({top.name})",
                          verdict=("met" if under else "missed") if biggest >= 30000 else
                          ("met so far" if under else "missed"),
                          cause="" if biggest >= 30000 else "measured below N=30,000"))
    else:
        out.append(Target(what="peak memory < 1 GB at N=30,000", value="-",
                          verdict="not yet measurable", cause="no glossari command measured"))

    overhead = _med(results, 0, "glossari import overhead")
    if overhead is not None:
        out.append(Target(what="import glossari adds <= 30 ms", value=f"{overhead.seconds:.1f} ms",
                          verdict="met" if (overhead.seconds or 0) <= 30 else "missed"))
    else:
        out.append(Target(what="import glossari adds <= 30 ms", value="-",
                          verdict="not yet measurable", cause="not measured"))

    out.extend(termbase_targets(results, sizes))

    warm = _med(results, 10000, "glossari check warm")
    out.append(Target(what="check warm < 3 s (N=10000)",
                      value=f"{warm.seconds:.2f} s" if warm else "-",
                      verdict=("met" if (warm.seconds or 0) < 3 else "missed") if warm
                      else "not yet measurable",
                      cause="" if warm else "no check warm figure at N=10000"))
    return out


def termbase_targets(results: list[Result], sizes: list[int]) -> list[Target]:
    """The targets of issue 13 (the compiled termbase), at the largest N measured."""
    out: list[Target] = []
    if not sizes:
        return out
    big, small = sizes[-1], sizes[0]

    def limit(name: str, what: str, most: float, unit: str, mb: float | None = None) -> None:
        r = _med(results, big, name)
        if r is None:
            out.append(Target(what=f"{what} (N={big})", value="-", verdict="not yet measurable",
                              cause=f"no figure for {name}"))
            return
        value = f"{r.seconds:.3g} {unit}" + (f", {r.peak_mb:.0f} MB" if mb and r.peak_mb else "")
        good = (r.seconds or 0) < most and (mb is None or (r.peak_mb or 0) < mb)
        out.append(Target(what=f"{what} (N={big})", value=value,
                          verdict="met" if good else "missed"))

    def ratio(mine: str, peer: str, most: float, what: str, n_peer: int | None = None) -> None:
        a, b = _med(results, big, mine), _med(results, n_peer or big, peer)
        if a is None or b is None or not b.seconds:
            out.append(Target(what=what, value="-", verdict="not yet measurable",
                              cause=f"no figure for {mine if a is None else peer}"))
            return
        x = (a.seconds or 0) / b.seconds
        out.append(Target(what=f"{what} (N={big})", value=f"x{x:.2f}",
                          verdict="met" if x <= most else "missed"))

    limit("glossari load termbase", "load(R).lookup(X) under 0.3 s and 80 MB", 0.3, "s", 80)
    if big != small:
        ratio("glossari load termbase", "glossari load termbase", 1.5,
              f"load(R).lookup(X) at {big} <= 1.5x its figure at {small}", n_peer=small)
    limit("glossari show termbase", "show TERM under 0.5 s", 0.5, "s")
    limit("glossari search", "search under 20 ms in process", 20, "ms")
    ratio("glossari table json termbase", "glossari table json", 0.5,
          "table --format json at most half the time from the sources")
    limit("glossari table json termbase", "table --format json under 300 MB", float("inf"), "s",
          300)
    ratio("glossari compile", "GNU msgfmt", 1.5, "compile with the termbase <= msgfmt + 50%")
    ratio("glossari compile one change", "glossari compile", 0.10,
          "compile after one changed article < 10% of a cold compile")
    ratio("glossari lookup termbase", "stdlib gettext lookup", 1.0,
          "lookup (termbase) no dearer than a gettext lookup")
    return out


def markdown(results: list[Result], meta: dict[str, Any]) -> str:
    """The tables for benchmarks/README.md: figures per N, scaling, targets."""
    load = meta.get("load_average_start")
    busy = f" Load average at start: {load[0]:.1f}." if load else ""
    code = f" glossari at {meta['commit']}." if meta.get("commit") else ""
    lines = [f"Machine: {meta.get('machine', '?')}. Date: {meta.get('date', '?')}.{code}{busy} "
             f"Medians of {meta.get('repeat', '?')} runs unless noted.", ""]
    sizes = sorted({r.n for r in results if r.n > 0})
    names: list[str] = []
    for r in results:
        if r.n > 0 and r.name not in names:
            names.append(r.name)

    def cell(r: Result | None) -> str:
        if r is None:
            return ""
        if r.status != "ok" or r.seconds is None:
            return r.status
        if r.unit == "us":
            return f"{r.seconds:.2f} µs"
        if r.unit == "ms":
            return f"{r.seconds:.2f} ms"
        mem = f", {r.peak_mb:.0f} MB" if r.peak_mb is not None else ""
        cpu = f" (cpu {r.cpu:.2f})" if r.cpu is not None else ""
        return f"{r.seconds:.2f} s{cpu}{mem}"

    lines.append("| measurement | " + " | ".join(f"N={n:,}" for n in sizes) + " |")
    lines.append("|---|" + "---|" * len(sizes))
    for name in names:
        row = [cell(next((r for r in results if r.n == n and r.name == name), None))
               for n in sizes]
        lines.append(f"| {name} | " + " | ".join(row) + " |")
    lines.append("")

    if len(sizes) >= 2:
        lines.append("Scaling: CPU time per article in ms, steadier than wall time on a shared "
                     "machine (µs per lookup for lookups); the last columns compare the largest "
                     "size with the smallest, per article.")
        lines.append("")
        lines.append("| measurement | " + " | ".join(f"N={n:,}" for n in sizes)
                     + f" | cpu {sizes[-1]:,} / {sizes[0]:,} | wall {sizes[-1]:,} / {sizes[0]:,} |")
        lines.append("|---|" + "---|" * (len(sizes) + 2))
        for name in names:
            cpu: list[float | None] = []
            wall: list[float | None] = []
            for n in sizes:
                r = _med(results, n, name)
                if r is None:
                    cpu.append(None)
                    wall.append(None)
                elif r.unit in ("us", "ms"):
                    cpu.append(r.seconds)
                    wall.append(r.seconds)
                else:
                    cpu.append(r.cpu / n * 1000 if r.cpu else None)
                    wall.append((r.seconds or 0) / n * 1000)
            shown = ["" if p is None else f"{p:.3f}" for p in cpu]
            ratios = [f"x{v[-1] / v[0]:.2f}" if v[0] and v[-1] is not None else ""
                      for v in (cpu, wall)]
            lines.append(f"| {name} | " + " | ".join(shown) + f" | {' | '.join(ratios)} |")
        lines.append("")

    startup = [r for r in results if r.n == 0]
    if startup:
        lines.append("| start-up | ms |")
        lines.append("|---|---|")
        for r in startup:
            lines.append(f"| {r.name} | {cell(r) if r.status != 'ok' else f'{r.seconds:.1f}'} |")
        lines.append("")

    lines.append("| target | value | verdict | cause of a gap |")
    lines.append("|---|---|---|---|")
    for t in targets(results):
        lines.append(f"| {t.what} | {t.value} | {t.verdict} | {t.cause} |")
    return "\n".join(lines)


def commit() -> str:
    """The checkout's commit, marked ``+changes`` when the working tree differs from it."""
    def git(*args: str) -> str:
        proc = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)
        return proc.stdout.strip() if proc.returncode == 0 else ""
    head = git("rev-parse", "--short", "HEAD") or "?"
    return head + ("+changes" if git("status", "--porcelain", "--untracked-files=no",
                                     "glossari") else "")


def interpreter(python: str) -> tuple[str, str]:
    """``python`` named without this machine's paths: its implementation and version
    (``CPython 3.11.7``), and its path relative to the repository (``.venv/bin/python``), or
    only its file name when it lives elsewhere. Saved runs are committed: no absolute path."""
    proc = subprocess.run(
        [python, "-c", "import platform; print(platform.python_implementation(), "
         "platform.python_version())"], capture_output=True, text=True)
    version = proc.stdout.strip() if proc.returncode == 0 else "?"
    return version, relative_path(python)


def relative_path(path: str | Path) -> str:
    """``path`` relative to the repository (forward slashes), or its last part when outside."""
    absolute = Path(os.path.abspath(path))  # not resolved: a venv's python is a symlink
    try:
        return absolute.relative_to(REPO).as_posix()
    except ValueError:
        return absolute.name


def machine() -> str:
    model = "?"
    memory = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores ({model}), {memory} memory, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


# --------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark glossari against its peers on a synthetic corpus.")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated corpus sizes (default 1000,10000,30000)")
    parser.add_argument("--quick", action="store_true", help="N=1000 only")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--json", type=Path, metavar="FILE", help="save the results as JSON")
    parser.add_argument("--markdown", action="store_true",
                        help="print the Markdown tables (for benchmarks/README.md) at the end")
    parser.add_argument("--report", type=Path, nargs="+", metavar="FILE",
                        help="print the tables of saved --json FILEs and exit (several: merged, "
                        "a later file's figure replacing an earlier one's)")
    parser.add_argument("--no-peers", dest="peers", action="store_false", help="glossari only")
    parser.add_argument("--no-glossari", dest="glossari", action="store_false",
                        help="peers only")
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter that runs glossari (default: this one)")
    parser.add_argument("--work", type=Path, default=HERE / "_work",
                        help="scratch folder (default benchmarks/_work)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per run")
    parser.add_argument("--long", type=float, default=300,
                        help="a first run longer than this is not repeated")
    parser.add_argument("--fuzzy-max", type=int, default=FUZZY_MAX_DEFAULT,
                        help="largest N for msgmerge with fuzzy matching")
    parser.add_argument("--import-runs", type=int, default=20)
    parser.add_argument("--skip", default="", metavar="WORDS",
                        help="comma-separated words: skip measurements whose name holds one "
                        "(e.g. check,fuzzy,translate-toolkit)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.report:
        merged: dict[tuple[int, str], Result] = {}
        metas = []
        for path in args.report:
            data = json.loads(path.read_text(encoding="utf-8"))
            metas.append(data["meta"])
            for r in data["results"]:
                result = Result(**r)
                old = merged.get((result.n, result.name))
                if old is None or result.status == "ok" or old.status != "ok":
                    merged[(result.n, result.name)] = result  # a skip never hides a figure
        meta = dict(metas[-1])
        meta["date"] = ", ".join(sorted({m.get("date", "?") for m in metas}))
        meta["repeat"] = "/".join(sorted({str(m.get("repeat", "?")) for m in metas}))
        print(markdown(list(merged.values()), meta))
        return 0
    sizes = (1000,) if args.quick else tuple(int(s) for s in args.sizes.split(",") if s)
    meta = {"machine": machine(),
            "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "repeat": args.repeat, "sizes": list(sizes),
            "python": interpreter(args.python)[0], "python_path": interpreter(args.python)[1],
            "peers": args.peers, "glossari": args.glossari,
            "load_average_start": list(os.getloadavg()), "commit": commit()}
    report = Report()
    runner = Runner(args, report)

    def stop(signum: int, frame: object) -> None:  # `kill PID`: save what was measured, as ^C
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    print(f"# {meta['machine']}; {meta['date']}", flush=True)
    try:
        if args.glossari:
            runner.import_time()
        for n in sizes:
            runner.size(n)
    except KeyboardInterrupt:
        print("# interrupted: saving what was measured", file=sys.stderr)
    meta["versions"] = runner.versions
    meta["load_average_end"] = list(os.getloadavg())
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(
            {"meta": meta, "results": [asdict(r) for r in report.results]}, indent=1),
            encoding="utf-8")
    print()
    for t in targets(report.results):
        print(f"target: {t.what}: {t.value} {t.verdict}{' (' + t.cause + ')' if t.cause else ''}")
    if args.markdown:
        print()
        print(markdown(report.results, meta))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
