"""Stand-in templates and catalogs for the peers while ``glossari extract``/``update`` are missing.

    python benchmarks/templates.py ROOT [--catalogs LANG]

The GNU and Babel peers must be timed on the same templates and catalogs glossari uses. Until
``glossari extract`` exists, this writes ``ROOT/locale/<domain>.pot`` with exactly glossari's
messages (its own reader and ``glossari.catalog.messages.iter_messages``: same domains, msgctxt
and texts), and with ``--catalogs LANG`` also ``ROOT/locale/LANG/LC_MESSAGES/<domain>.po`` with
empty translations, as ``update`` would start them. The runner uses it only when glossari's own
command is not available, and says so. Run it with glossari importable (the runner sets
PYTHONPATH to the checkout).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from glossari.catalog.messages import Message, iter_messages
from glossari.seeds.folder import read_seeds

_HEADER = (
    'msgid ""\nmsgstr ""\n'
    '"Project-Id-Version: glossari benchmark\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
)


def _quote(text: str) -> str:
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
               .replace("\r", "\\r"))
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def render(messages: Sequence[Message], *, language: str | None = None) -> str:
    """One PO file (a template when ``language`` is None) holding ``messages``, merged by key."""
    merged: dict[tuple[str | None, str], list[str]] = {}
    for message in messages:
        merged.setdefault(message.key, []).append(str(message.location))
    header = _HEADER
    if language is not None:
        header += f'"Language: {language}\\n"\n'
    out = [header]
    for (context, msgid), refs in merged.items():
        entry = "".join(f"#: {ref}\n" for ref in refs)
        if context is not None:
            entry += f"msgctxt {_quote(context)}\n"
        entry += f'msgid {_quote(msgid)}\nmsgstr ""\n'
        out.append(entry)
    return "\n".join(out)


def write(root: Path, language: str | None) -> list[str]:
    """Write the templates (and the LANG catalogs) for the glossary in ``root``; the domains."""
    by_domain: dict[str, list[Message]] = {}
    for term in read_seeds(root / "seeds", base=root):
        for message in iter_messages(term):
            by_domain.setdefault(message.domain, []).append(message)
    locale = root / "locale"
    locale.mkdir(parents=True, exist_ok=True)
    for domain, messages in sorted(by_domain.items()):
        (locale / f"{domain}.pot").write_text(render(messages), encoding="utf-8")
        if language is not None:
            catalogs = locale / language / "LC_MESSAGES"
            catalogs.mkdir(parents=True, exist_ok=True)
            (catalogs / f"{domain}.po").write_text(render(messages, language=language),
                                                  encoding="utf-8")
    return sorted(by_domain)


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: ``templates.py ROOT [--catalogs LANG]``."""
    parser = argparse.ArgumentParser(description="stand-in templates for the benchmark peers")
    parser.add_argument("root", type=Path)
    parser.add_argument("--catalogs", metavar="LANG", help="also write empty LANG catalogs")
    args = parser.parse_args(argv)
    write(args.root, args.catalogs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
