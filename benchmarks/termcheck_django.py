"""``termcheck`` over Django's real Malay catalogs (English msgids, Malay msgstrs).

    uv run python benchmarks/termcheck_django.py [--findings]

Twice: with the bundled glossary (what ``glossari termcheck`` does out of the box), and with the
40 terms of benchmarks/termsets/terms.json, whose English includes words Django's messages use
(password, user, field, date, ...), so that the check has something to find. Prints the counts,
the findings per term and the time taken.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

import django

from glossari.checks.termcheck import TermChecker
from glossari.glossary import load_glossary

sys.path.insert(0, str(Path(__file__).resolve().parent))
from find_terms_eval import glossary as termset_glossary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--findings", action="store_true", help="print every finding")
    args = parser.parse_args()
    base = Path(django.__file__).parent
    files = sorted(base.glob("**/locale/ms/LC_MESSAGES/*.po"))
    print(f"Django {django.__version__}: {len(files)} Malay catalogs "
          f"(load {os.getloadavg()[0]:.2f})")
    for label, terms in (("bundled glossary", list(load_glossary())),
                         ("termsets/terms.json", list(termset_glossary()))):
        checker = TermChecker(terms, source="en", target="ms")
        start = time.perf_counter()
        found = [f for path in files
                 for f in checker.check_file(path, name=str(path.relative_to(base.parent)))]
        seconds = time.perf_counter() - start
        c = checker.counts
        print(f"{label}: {len(checker)} terms; {c.entries} messages, {c.checked} checked, "
              f"{c.fuzzy} fuzzy and {c.untranslated} untranslated skipped; {c.with_terms} use a "
              f"term; {len(found)} findings ({seconds:.2f} s)")
        for term, n in Counter(f.term for f in found).most_common():
            print(f"  {term}: {n}")
        if args.findings:
            for f in found:
                print(f"  {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
