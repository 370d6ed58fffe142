"""A richer glossary for the site tests, built in a temporary folder from tests/data/parallel.

The six parallel articles, aligned with their English (translated), plus:

- ``commission``: one sentence of the Malay changed after alignment, so ``update`` marks its
  translation fuzzy;
- ``ekuiti``: an article nobody translated, whose headword holds a ``<script>`` element and
  accents, with an alias (``Modal saham``), with raw HTML, emphasis, a nested list and links in
  its body, a table and a code block holding a script and an image, and no backlinks;
- the link-only terms ``securities`` and ``mutualfund`` (from the parallel articles' links, given
  English by alignment) and ``capitalmarket`` (English only suggested from its slug).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _alignkit import PARALLEL, cli, ok, parallel_root, prepared

PAYLOAD = "<script>document.title='pwned'</script>"
HOSTILE_TITLE = f"Ékuiti {PAYLOAD}"
HOSTILE_ARTICLE = f"""---
keywords: Ékuiti, Pelaburan
aliases: Modal saham
title: {HOSTILE_TITLE}
description: Ékuiti ialah bahagian <b>pemilikan</b> dalam syarikat.
---

# {HOSTILE_TITLE}
## Apakah itu Ékuiti?

Ékuiti ialah nilai [dana lindung nilai](/hedgefund) selepas hutang, *bukan* {{IMG}} aset.

- Perkara [sekuriti](/securities) pertama
  - Perkara bersarang
- Perkara kedua tentang [pasaran modal](/capitalmarket)

## Jadual

| Jenis | {{IMG}} |
|:--|--:|
| <script>document.title='pwned by table'</script> | [sekuriti](/securities) |

```text
<script>document.title='pwned by code'</script> {{IMG}}
```

## Sorotan

- Ékuiti ialah pemilikan.
"""
HOSTILE_ARTICLE = HOSTILE_ARTICLE.replace(
    "{IMG}", "<img src=x onerror=\"document.title='pwned by img'\">")
CHANGED_FROM = "Komisen juga merupakan sebahagian daripada pampasan ramai jurujual"
CHANGED_TO = "Komisen juga merupakan sebahagian besar daripada pampasan ramai jurujual"


def rich_root(tmp: Path) -> Path:
    """The glossary folder described above (catalogs extracted, updated and aligned)."""
    root = parallel_root(tmp)
    prepared(root)
    ok("align", "-l", "en", str(PARALLEL / "en"), root=root)
    (root / "seeds" / "ekuiti.md").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    commission = root / "seeds" / "commission.md"
    data = commission.read_bytes()
    assert CHANGED_FROM.encode() in data
    commission.write_bytes(data.replace(CHANGED_FROM.encode(), CHANGED_TO.encode()))
    ok("extract", root=root)
    ok("update", "-l", "en", root=root)
    return root


def edit_article(root: Path, term_id: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in one article (bytes, so CRLF and BOM stay)."""
    path = root / "seeds" / f"{term_id}.md"
    data = path.read_bytes()
    assert old.encode() in data, (term_id, old)
    path.write_bytes(data.replace(old.encode(), new.encode(), 1))


def built_site(factory: pytest.TempPathFactory, extra: dict[str, str] | None = None) -> Path:
    """The site of :func:`rich_root`, with ``extra`` articles (file name: text) added."""
    root = rich_root(factory.mktemp("glossary"))
    for name, text in (extra or {}).items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    output = factory.mktemp("out") / "site"
    code, _, err = cli("site", "-o", output, root=root)
    assert code == 0, err
    return output
