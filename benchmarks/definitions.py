"""How long reading articles with reference definitions takes (docs/performance.md).

Generates 2,000 articles, each with reference links and their definitions (``[hasil]:
/revenue``, one in a quote, one over two lines), and parses each as the reader does
(:func:`glossari.seeds.article.parse_article`), best of three runs. Run it before and after a
change to the reader: ``uv run python benchmarks/definitions.py``.
"""

from __future__ import annotations

import time

from glossari.seeds.article import parse_article

ARTICLES = 2000


def article(n: int) -> str:
    return (
        f"---\ntitle: Saham {n}\ndescription: Saham {n} ialah [ekuiti][e] syarikat.\n"
        "keywords: Pelaburan\n---\n\n"
        f"# Saham {n}\n\n## Memahami saham {n}\n\n"
        "Peniaga broker menjual [saham-saham][s] dan [pelaburannya][p] kepada pelabur.\n\n"
        "- Dividen dibayar daripada [hasil].\n- Harga saham berubah setiap hari.\n\n"
        "> Nota: lihat [bon][b].\n>\n> [b]: /bon \"Bon korporat\"\n\n"
        + "Perenggan tentang pasaran modal dan risiko pelaburan. " * 8 + "\n\n"
        "[s]: /stock\n[p]: /investment\n[hasil]: /revenue\n[e]:\n  /equity\n"
    )


def main() -> None:
    texts = [article(n) for n in range(ARTICLES)]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for n, text in enumerate(texts):
            parse_article(text, term_id=f"saham-{n}", source=f"seeds/saham-{n}.md")
        best = min(best, time.perf_counter() - start)
    print(f"{ARTICLES} articles with reference definitions: {best:.2f} s "
          f"({best / ARTICLES * 1000:.2f} ms each)")


if __name__ == "__main__":
    main()
