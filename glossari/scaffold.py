"""``glossari init``: a new glossary folder, ready for authors.

It holds ``seeds/`` with one example article (in the shape every article takes), an empty
``locale/`` for the catalogs, a ``glossari.toml`` listing the settings with their defaults, a
``README.md`` telling authors and translators what to do, and a ``.gitignore`` for what glossari
derives. Nothing that already exists is overwritten: a folder that already holds any of these is
refused before anything is written.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from glossari._atomic import atomic_write_text
from glossari.errors import RootError

__all__ = ["SCAFFOLD", "init_glossary"]

EXAMPLE_ARTICLE = """\
---
keywords: Contoh
title: Kos jualan
description: Kos jualan ialah kos langsung untuk menghasilkan barangan yang dijual oleh syarikat.
---

# Kos jualan
## Apakah itu Kos Jualan?

Kos jualan ialah jumlah kos langsung yang ditanggung oleh syarikat untuk menghasilkan barangan
atau perkhidmatan yang dijualnya dalam sesuatu tempoh, seperti bahan mentah dan upah buruh.

## Memahami Kos Jualan

Kos jualan ditolak daripada [hasil](/revenue) untuk mendapatkan untung kasar. Kos tidak langsung
seperti gaji pengurusan dan kos pemasaran tidak termasuk dalam kos jualan.

## Sorotan

- Kos jualan ialah kos langsung barangan atau perkhidmatan yang dijual.
- Hasil tolak kos jualan ialah untung kasar.
"""

CONFIG = """\
# glossari's settings for this glossary (docs: configuration.md in glossari's documentation).
# A command-line flag wins over this file; this file wins over the defaults shown here.

# languages = ["en"]            # the catalogs `glossari check` looks at (default: all in locale/)
# min-coverage = 80             # `glossari render`: write an article only this % translated

[check]
# select = ["S", "C", "L", "T"] # codes or prefixes to report (default: all)
# ignore = []                   # codes or prefixes never reported
fail-on = "error"               # exit 1 on a finding this severe: "error" or "warning"
# severity = { L301 = "error" } # give a code another severity here
"""

README = """\
# {name}: a Malay glossary

Made with [glossari](https://pypi.org/project/glossari/). Malay articles in `seeds/` are the
source; translations live in gettext catalogs under `locale/`.

## For authors (Malay)

- One article per term: `seeds/<id>.md`, the file name (without `.md`) is the term's id.
  `seeds/kosjualan.md` is an example: copy it, then replace its text.
- Front matter between `---` lines: `title` (the Malay headword), `description` (one sentence),
  `keywords` (categories, comma-separated).
- Then `# Headword`, sections as `## Heading` (a space after the `#`), and `## Sorotan` for the
  key points as a list. Link other terms as `[teks](/id-istilah)`.
- Run `glossari check` before committing; it names the file and line of every problem.

## For translators

```sh
glossari extract            # seeds/ -> locale/*.pot templates
glossari update -l en       # -> locale/en/LC_MESSAGES/*.po
# translate the .po files in Poedit, Weblate, Lokalize or any text editor
glossari check -l en        # what is still untranslated, fuzzy, or still Malay
glossari compile -l en      # -> .mo files
glossari render -l en       # the articles in English, under build/en/
glossari table -l en        # the bilingual term table
```

Settings (which checks, how strict): `glossari.toml`.
"""

GITIGNORE = """\
# derived by glossari; rebuilt when missing
.glossari-cache/
locale/.glossari-*.lock
build/
*.mo
locale/*/glossari.sqlite
"""

SCAFFOLD: dict[str, str] = {
    "seeds/kosjualan.md": EXAMPLE_ARTICLE,
    "glossari.toml": CONFIG,
    "README.md": README,
    ".gitignore": GITIGNORE,
}
"""Every file ``init`` writes, by path relative to the new glossary folder (``locale/`` too)."""


def init_glossary(folder: Path | str) -> list[Path]:
    """Scaffold a glossary in ``folder`` (created when missing); return the paths written.

    Raises :class:`RootError` when ``folder`` already holds ``seeds/``, ``locale/`` or any file
    of :data:`SCAFFOLD`, is a file, or is a glossary's ``seeds/`` or ``locale/`` (or inside
    one); nothing is written then.
    """
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise RootError("not a folder", path=str(root), hint="choose a new or empty folder")
    for folder_above in (root.resolve(), *root.resolve().parents):
        # a glossary's seeds/ or locale/ (or a folder in them): a nested glossary's files there
        # would be read as articles or sit among the catalogs, and no command writes seeds/
        if folder_above.name in ("seeds", "locale") and (folder_above.parent / "seeds").is_dir():
            raise RootError(
                f"is inside the glossary {folder_above.parent}'s {folder_above.name}/",
                path=str(root), hint="choose a folder outside seeds/ and locale/",
            )
    taken = [name for name in ("seeds", "locale", *SCAFFOLD) if (root / name).exists()]
    if taken:
        raise RootError(
            f"already holds {', '.join(taken)}", path=str(root),
            hint="glossari init never overwrites: choose a new or empty folder",
        )
    written: list[Path] = []
    made = [folder for folder in (*reversed(root.parents), root) if not folder.exists()]
    try:
        for name in ("seeds", "locale"):
            made.append(root / name)
            (root / name).mkdir(parents=True, exist_ok=True)
        # the folder's name as text: one whose bytes are not UTF-8 (undecodable, escaped as
        # Python decodes file names) was an internal UnicodeEncodeError writing README.md
        title = os.fsencode(root.resolve().name).decode("utf-8", "replace")
        for name, text in SCAFFOLD.items():
            target = root / name
            atomic_write_text(target, text.replace("{name}", title))
            written.append(target)
    except BaseException as error:
        # a full disk or Ctrl-C half way: what this run made goes, so that the next init (which
        # refuses a folder holding seeds/ or any of its files) is not refused
        for path in reversed(written):
            with contextlib.suppress(OSError):
                path.unlink()
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(error, OSError):
            raise RootError(f"cannot write: {error.strerror}", path=str(root),
                            hint="check that the folder is writable") from None
        raise
    return written
