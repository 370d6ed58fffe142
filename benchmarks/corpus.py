"""A deterministic synthetic glossary: N articles in the seed's format, for benchmarks.

    python benchmarks/corpus.py N OUTDIR [--seed S]

writes ``OUTDIR/seeds/<slug>.md`` for N articles shaped like ``seeds/accountexecutive.md``: front
matter (``keywords``, ``title``, ``description``), a ``# Title``, ``##``/``###`` sections of
one-line paragraphs, loose ``- `` lists, ``>`` quotes (sometimes with the seed's stray empty ``>``
line) and a ``Sorotan`` (key takeaways) list, written ``##Sorotan`` without its space in about one
article in ten, as in the seed. The text is Malay-like: random sentences over the seed's own
vocabulary (embedded below, with the seed's word counts, so the corpus does not change when more
seeds arrive). Ids are English-like slugs (``primebrokerage``, ``broker-dealer``); each article has
0 to 6 inline cross-links ``[teks](/slug)``, about one in six to a slug with no article.

The same N and seed always give the same bytes (one ``random.Random(seed)``, files written in a
fixed order with ``\\n`` line ends), so figures from different runs and machines are comparable.
Standard library only: the benchmark runner imports it into whatever interpreter it runs under.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "MARKER", "Article", "change_article", "change_blocks", "generate", "main", "write_corpus",
]

MARKER = ".glossari-benchmark-corpus"
"""A file in OUTDIR saying the folder is generated, so regenerating may delete its articles."""

# The seed's words (accountexecutive.md, front matter and body, lower-cased; link targets, proper
# names and the heading word "sorotan" left out) with how often each occurs there; a word without
# a count occurs once.
_SEED_VOCABULARY = """
akaun:25 eksekutif:24 dan:21 untuk:19 pelanggan:18 yang:13 dalam:10 perkhidmatan:6 kewangan:6
kemahiran:6 ialah:5 utama:5 dengan:5 mungkin:5 jualan:5 mempunyai:4 atau:4 itu:4 perniagaan:4
syarikat:4 baharu:4 industri:4 mereka:4 keperluan:4 tanggungjawab:3 ada:3 hubungan:3 biasa:3
pengiklanan:3 perhubungan:3 kepada:3 biasanya:3 ini:3 dunia:3 termasuk:3 pelbagai:3
pengurusan:3 gaji:3 bekerja:3 korporat:2 kerja:2 paling:2 awam:2 sokongan:2 perkakasan:2
perisian:2 orang:2 dari:2 kontrak:2 memastikan:2 juga:2 boleh:2 memperkenalkan:2 produk:2
lain:2 peraturan:2 terpakai:2 dijangka:2 garis:2 panduan:2 pihak:2 berkuasa:2 kawal:2 selia:2
membawa:2 masuk:2 diberi:2 oleh:2 hanya:2 seorang:2 penting:2 mengendalikan:2 makanan:2
ditemui:2 pampasan:2 asas:2 komisen:2 bonus:2 melebihi:2 sasaran:2 pekerjaan:2 pengurus sama
individu apakah pekerja sehari-hari berterusan tajuk adalah teknologi menyediakan menugaskan
memahami antara vendor gambar permulaan setelah membuat perjanjian merundingkan
bertanggungjawab selepas memenuhi syarat gembira menghubungi melibatkan mengatur kakitangan
teknikal reka bentuk pergi ke menjalankan demonstrasi membantu promosi digalakkan sentiasa
berhubung mematuhi etika daripada peniaga broker penasihat pelaburan mengehadkan pembayaran
hadiah ganjaran selalunya kuota tahunan diberikan sesetengah kes ditugaskan sangat akan
layanan permaidani merah berbilang diutamakan segi kepentingan firma tunggal kempen minuman
rangkaian segera perlu mengikut ditetapkan tempat keselamatan siber bank farmaseutikal
kumpulan hospital kekayaan swasta pembrokeran dana lindung nilai lazimnya mencapai sehingga
mei purata di amerika menurut pengetahuan mendalam tentang berikut sedia pada projek sedang
dilakukan jabatan secara dalaman apabila diperlukan komunikasi luar mengekalkan pokok
banyak tetapi memerlukan satu beberapa
"""

# English finance words for slugs, as the dictionary's ids are (accountexecutive, broker-dealer).
_SLUG_WORDS = """
account accrual adjusted agency annual annuity arbitrage asset audit balance bank bear bid
bond book broker budget bull business buyback call capital cash ceiling charge clearing
collateral commodity compound contract corporate cost coupon credit currency current cycle
debt default deficit deposit derivative discount dividend earnings economic equity estate
exchange executive expense exposure factor federal fiscal fixed float forward fund futures gain
gap gross growth hedge holding income index inflation insurance interest investment ledger
leverage liability limit liquidity loan margin market maturity merger monetary money mortgage
net note offer option order payable payment pension portfolio premium price prime principal
profit rate ratio real receivable reserve retail return revenue risk sales savings security
share short spread stock strike supply swap tax term trade trust turnover underwriting value
venture volatility wage warrant wealth yield
"""

_CATEGORIES = (
    "Careers", "Banking", "Investing", "Trading", "Insurance", "Taxes", "Economics", "Accounting",
    "Corporate Finance", "Personal Finance", "Retirement", "Real Estate", "Cryptocurrency",
    "Bonds", "Stocks", "Derivatives", "Markets", "Loans", "Credit", "Budgeting",
)

_MONTHS = ("Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September",
           "Oktober", "November", "Disember")


def _vocabulary() -> tuple[tuple[str, ...], tuple[float, ...]]:
    words: list[str] = []
    weights: list[float] = []
    for entry in _SEED_VOCABULARY.split():
        word, _, count = entry.partition(":")
        words.append(word)
        # square root: the seed's own subject (akaun, eksekutif) would otherwise fill every text
        weights.append(math.sqrt(int(count or 1)))
    return tuple(words), tuple(weights)


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One generated article: its id (file stem), headword and full file text."""

    slug: str
    title: str
    text: str


class _Writer:
    """Random Malay-like text over the seed's vocabulary, from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words, weights = _vocabulary()
        total = 0.0
        cumulative: list[float] = []
        for weight in weights:
            total += weight
            cumulative.append(total)
        self.cumulative = tuple(cumulative)

    def word_list(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def phrase(self, low: int, high: int) -> str:
        return " ".join(self.word_list(self.rng.randint(low, high)))

    def title(self) -> str:
        return self.phrase(1, 3).capitalize()

    def sentence(self) -> str:
        words = self.word_list(self.rng.randint(8, 22))
        if self.rng.random() < 0.25:  # a comma, as the seed's longer sentences have
            words[self.rng.randrange(2, len(words) - 1)] += ","
        if self.rng.random() < 0.08:  # a date or an amount, as in "Sehingga Mei 2021 ... $57,504"
            extra = (f"{self.rng.choice(_MONTHS)} {self.rng.randint(1990, 2024)}"
                     if self.rng.random() < 0.5
                     else f"${self.rng.randint(1, 999)},{self.rng.randint(0, 999):03d}")
            words.insert(self.rng.randrange(1, len(words)), extra)
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 3)))


def _slugs(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct English-like slugs: two or three finance words, sometimes hyphenated."""
    words = _SLUG_WORDS.split()
    seen: set[str] = set()
    slugs: list[str] = []
    while len(slugs) < count:
        parts = rng.sample(words, 3 if rng.random() < 0.3 else 2)
        slug = ("-" if rng.random() < 0.15 else "").join(parts)
        if slug in seen:
            continue  # 130 words give ~2 million slugs: a retry is rare even at 30,000
        seen.add(slug)
        slugs.append(slug)
    return slugs


def _with_links(writer: _Writer, paragraph: str, links: Sequence[tuple[str, str]]) -> str:
    """Put ``[text](/slug)`` links between the words of ``paragraph``, keeping its last word."""
    words = paragraph.split(" ")
    for text, slug in links:
        at = writer.rng.randrange(1, max(2, len(words)))
        words.insert(at, f"[{text}](/{slug})")
    return " ".join(words)


def _article(writer: _Writer, slug: str, title: str, links: Sequence[tuple[str, str]]) -> str:
    rng = writer.rng
    lines: list[str] = []

    def block(text: str) -> None:
        lines.extend((text, ""))

    # Sections first, as (heading, paragraphs, items, quote) lists, so links can land anywhere.
    paragraphs: list[str] = []
    layout: list[tuple[str, list[int], list[str], str | None]] = []

    def section(heading: str, n_paragraphs: int, items: list[str], quote: str | None) -> None:
        indexes = []
        for _ in range(n_paragraphs):
            indexes.append(len(paragraphs))
            paragraphs.append(writer.paragraph())
        layout.append((heading, indexes, items, quote))

    section(f"## Apakah itu {title}?", rng.randint(1, 3), [], None)
    section(f"## Memahami {title}", rng.randint(2, 3), [], None)
    for _ in range(rng.randint(0, 2)):
        quote = writer.sentence() if rng.random() < 0.3 else None
        section(f"### {writer.title()}", rng.randint(1, 3), [], quote)
    items = [writer.sentence() for _ in range(rng.randint(2, 5))] if rng.random() < 0.75 else []
    section(f"## {writer.title()}", rng.randint(1, 3), items, None)

    by_paragraph: dict[int, list[tuple[str, str]]] = {}
    for link in links:
        by_paragraph.setdefault(rng.randrange(len(paragraphs)), []).append(link)
    for index, paragraph_links in by_paragraph.items():
        paragraphs[index] = _with_links(writer, paragraphs[index], paragraph_links)

    description = f"{title} ialah {writer.phrase(8, 20)}."
    keywords = ", ".join(rng.sample(_CATEGORIES, 2 if rng.random() < 0.4 else 1))
    lines += ["---", f"keywords: {keywords}", f"title: {title}", f"description: {description}",
              "---", "", f"# {title}"]
    for heading, indexes, section_items, quote in layout:
        lines.append(heading)
        lines.append("")
        for index in indexes:
            block(paragraphs[index])
        if quote is not None:
            block(f"> {quote}")
            if rng.random() < 0.5:  # the seed's stray empty quote line
                block(">")
        for item in section_items:
            block(f"- {item}")
    lines.append("##Sorotan" if rng.random() < 0.1 else "## Sorotan")
    lines.append("")
    for _ in range(rng.randint(2, 4)):
        block(f"- {writer.sentence()}")
    return "\n".join(lines)


def generate(n: int, seed: int = 0) -> list[Article]:
    """N articles, in a fixed order, the same for the same ``n`` and ``seed``."""
    if n < 0:
        raise ValueError(f"N must be 0 or more, not {n}")
    rng = random.Random(seed)
    writer = _Writer(rng)
    slugs = _slugs(rng, n + max(1, n // 5))
    ids, missing = slugs[:n], slugs[n:]
    titles = [writer.title() for _ in ids]
    articles = []
    for slug, title in zip(ids, titles, strict=True):
        links = []
        for _ in range(rng.randint(0, 6)):
            if not ids or rng.random() < 1 / 6:
                target, text = rng.choice(missing), writer.phrase(1, 3)
            else:
                index = rng.randrange(len(ids))
                target, text = ids[index], titles[index].lower()
            links.append((text, target))
        articles.append(Article(slug=slug, title=title, text=_article(writer, slug, title, links)))
    return articles


def write_corpus(n: int, outdir: Path, seed: int = 0) -> list[Path]:
    """Write the corpus to ``outdir/seeds/``, replacing a corpus generated there before.

    Refuses to touch a ``seeds/`` folder holding articles that this script did not write.
    """
    seeds = outdir / "seeds"
    marker = outdir / MARKER
    old = sorted(seeds.glob("*.md")) if seeds.is_dir() else []
    if old and not marker.exists():
        raise FileExistsError(f"{seeds} holds articles that are not a generated corpus; "
                              "choose an empty or new OUTDIR")
    seeds.mkdir(parents=True, exist_ok=True)
    marker.write_text(f"generated by benchmarks/corpus.py: N={n} seed={seed}\n", encoding="utf-8")
    paths = []
    for article in generate(n, seed):
        path = seeds / f"{article.slug}.md"
        path.write_bytes(article.text.encode("utf-8"))
        paths.append(path)
    keep = set(paths)
    for path in old:
        if path not in keep:
            path.unlink()
    return paths


_NEW_WORDS = ("semasa", "tambahan", "terkini", "semula")


def _block_lines(lines: Sequence[str]) -> list[int]:
    """Indexes of the body's paragraph, item and quote lines (each one message)."""
    closing = lines.index("---", 1) if lines and lines[0] == "---" else 0
    return [i for i in range(closing + 1, len(lines))
            if lines[i][:1].isupper() or lines[i].startswith(("- ", "> "))]


def _edit_line(line: str, rng: random.Random) -> str:
    # before the first sentence's full stop: links and amounts hold no "."
    head, dot, tail = line.partition(".")
    return f"{head} {rng.choice(_NEW_WORDS)}{dot}{tail}"


def change_blocks(seeds: Path, count: int, seed: int = 1) -> int:
    """Edit ``count`` body blocks (paragraphs, items, quotes) across the corpus, deterministically.

    A word is added to each chosen block, so that as many messages of the templates change: what
    ``update`` sees after a round of edits across the dictionary. Returns how many were edited.
    """
    rng = random.Random(seed)
    texts = {path: path.read_text(encoding="utf-8").split("\n")
             for path in sorted(seeds.glob("*.md"))}
    blocks = [(path, i) for path, lines in texts.items() for i in _block_lines(lines)]
    if not blocks:
        return 0
    chosen = rng.sample(blocks, min(len(blocks), max(1, count)))
    touched = set()
    for path, i in chosen:
        texts[path][i] = _edit_line(texts[path][i], rng)
        touched.add(path)
    for path in sorted(touched):
        path.write_bytes("\n".join(texts[path]).encode("utf-8"))
    return len(chosen)


def change_article(path: Path, seed: int = 1) -> None:
    """Edit one body block of one article: the smallest change a writer makes."""
    rng = random.Random(seed)
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks = _block_lines(lines)
    i = blocks[rng.randrange(len(blocks))]
    lines[i] = _edit_line(lines[i], rng)
    path.write_bytes("\n".join(lines).encode("utf-8"))


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: ``corpus.py N OUTDIR [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("n", type=int, metavar="N", help="number of articles")
    parser.add_argument("outdir", type=Path, metavar="OUTDIR", help="writes OUTDIR/seeds/*.md")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    try:
        paths = write_corpus(args.n, args.outdir, args.seed)
    except (FileExistsError, ValueError) as error:
        print(f"corpus.py: error: {error}", file=sys.stderr)
        return 2
    print(f"{len(paths)} articles in {args.outdir / 'seeds'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
