"""Format strings: a c-format, python-format or python-brace-format translation whose directives
do not match its source's is refused as GNU ``msgfmt --check`` refuses it
(:mod:`glossari.catalog.formats`); GNU msgfmt is the oracle."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossari.catalog.pofile import parse_po
from glossari.errors import CatalogError
from tests._catalog_oracles import article, cli, make_root, needs_gnu

_HEADERS = {
    "en": "nplurals=2; plural=(n != 1);",
    "ms": "nplurals=1; plural=0;",
    "ru": ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
           "(n%100<10 || n%100>=20) ? 1 : 2);"),
}


def _catalog(lang: str, entries: str) -> str:
    return (
        'msgid ""\nmsgstr ""\n"Project-Id-Version: app 1.0\\n"\n'
        '"PO-Revision-Date: 2026-12-07 19:00+0000\\n"\n"Last-Translator: Siti <s@example.my>\\n"\n'
        '"Language-Team: Malay\\n"\n'
        f'"Language: {lang}\\n"\n"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
        f'"Plural-Forms: {_HEADERS[lang]}\\n"\n\n{entries}')


def _refused(text: str) -> CatalogError | None:
    try:
        parse_po(text, source="app.po", gnu_controls=True)
    except CatalogError as error:
        return error
    return None


@pytest.mark.parametrize(("flag", "msgid", "msgstr", "line"), [
    ("c-format", "%d bonds", "%s bon", "argument 1 are not the same"),
    ("c-format", "%d bonds of %s", "%d bon", "does not match"),
    ("possible-c-format", "%1$s sold %2$d", "%2$d dijual %1$d", "argument 1 are not the same"),
    ("python-format", "%(count)d shares", "%(count)d %(jumlah)d saham-saham",
     "argument 'jumlah', as in 'msgstr', doesn't exist in 'msgid'"),
    ("python-format", "%(count)d shares", "%(jumlah)d saham-saham",
     "argument 'count' doesn't exist in 'msgstr'"),
    ("python-format", "%(count)d shares", "%d saham", "expect a mapping"),
    ("python-format", "%s shares", "%(n)s saham", "expect a tuple"),
    ("python-brace-format", "{count} bonds", "{jumlah} bon", "doesn't exist in"),
    ("python-brace-format", "{count} bonds", "bon", "doesn't exist in 'msgstr'"),
    ("python-format", "%s shares", "%y saham", "'msgstr' is not a valid Python format string"),
])
def test_a_translation_whose_directives_differ_is_refused_at_its_msgstr(
        flag: str, msgid: str, msgstr: str, line: str) -> None:
    """``#, c-format`` with ``msgid "%d bonds"`` and ``msgstr "%s bon"`` (Django's humanize
    sr_Latn shipped one) passed compile and termcheck, where msgfmt --check refuses it: the
    program would read an int as a string. Refused at the msgstr line, with GNU's words."""
    text = _catalog("ms", f'#: app.py:7\n#, {flag}\nmsgid "{msgid}"\nmsgstr ""\n"{msgstr}"\n')
    error = _refused(text)
    assert error is not None
    assert error.line == 16  # the msgstr keyword's line, as msgfmt names it
    assert line in str(error)
    assert flag in str(error)
    assert "take off" in str(error)


@pytest.mark.parametrize(("flags", "msgid", "msgstr"), [
    ("c-format", "%d bonds", "%d bon"),
    ("c-format", "%1$s sold %2$d", "%2$d dijual oleh %1$s"),
    ("c-format, no-c-format", "%d bonds", "%s bon"),  # the last flag of a language wins
    ("fuzzy, c-format", "%d bonds", "%s bon"),  # fuzzy is not compiled, nor checked
    ("c-format", "100% bonds %q", "%s bon"),  # a source that is no format string
    ("python-format", "%(count)d shares", "%(count)d saham-saham"),
    ("python-brace-format", "{count} bonds, {rate:.2f}%", "{rate:.2f}% {count} bon"),
    ("no-python-format", "%(count)d shares", "%d saham"),
])
def test_a_translation_gnu_accepts_is_read(flags: str, msgid: str, msgstr: str) -> None:
    text = _catalog("ms", f'#, {flags}\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n')
    assert _refused(text) is None


def test_a_plural_form_used_for_one_number_may_leave_the_number_out() -> None:
    """English's msgstr[0] (n == 1 alone) may say "one bond" for "%d bonds", as msgfmt
    allows; its msgstr[1] (every other n) may not."""
    good = ('#, c-format\nmsgid "%d bond"\nmsgid_plural "%d bonds"\n'
            'msgstr[0] "one bon"\nmsgstr[1] "%d bon"\n')
    assert _refused(_catalog("en", good)) is None
    bad = good.replace('msgstr[1] "%d bon"', 'msgstr[1] "bon-bon"')
    error = _refused(_catalog("en", bad))
    assert error is not None
    assert "msgstr[1]" in str(error)
    assert error.line == 17


@needs_gnu
def test_compile_and_termcheck_refuse_it_exit_2(tmp_path: Path) -> None:
    root = make_root(tmp_path, {
        "bon": article("Bon", "Bon ialah hutang; lihat [peniaga broker](/broker-dealer).",
                       keywords="Pasaran Modal")})
    assert cli(root, "extract")[0] == 0
    assert cli(root, "update", "-l", "en")[0] == 0
    app = tmp_path / "app.po"
    app.write_text(_catalog("ms", '#, c-format\nmsgid "%d bonds"\nmsgstr "%s bon"\n'),
                   encoding="utf-8")
    code, err = cli(root, "termcheck", str(app))
    assert code == 2, err
    assert f"{app}:15: the c-format translation does not match its source" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    catalog = root / "locale/en/LC_MESSAGES/glossary.po"
    text = catalog.read_text("utf-8").replace(
        'msgid "Pasaran Modal"\nmsgstr ""',
        '#, python-brace-format\nmsgid "Pasaran Modal"\nmsgstr "Capital {market}"')
    catalog.write_text(text, encoding="utf-8")
    code, err = cli(root, "compile", "-l", "en")
    assert code == 2, err
    assert "glossary.po:" in err
    assert "'market'" in err
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(catalog)],
                          capture_output=True, text=True, check=False)
    assert done.returncode != 0


_WORDS = ["bon ", "saham-saham ", "pelaburannya ", "KLCI ", "100 ", "x"]
_PIECES = {
    "c": ["%d", "%s", "%i", "%u", "%x", "%ld", "%lld", "%zu", "%5.2f", "%%", "%1$s", "%2$d",
          "%1$d", "%3$s", "%*d", "%.*s", "%<PRId64>", "%<PRIu32>", "%c", "%p", "%hhd", "%q",
          "%", "%'d", "%Id", "%0$d", "%lc", "%m", "%Lf", "%jd", "%-5s", "%2$*1$d"],
    "python": ["%s", "%d", "%(n)s", "%(n)d", "%(nama)s", "%.0s", "%r", "%%", "%(x)%", "%*d",
               "%5.2f", "%a", "%(n", "%i", "%(n)r", "%(nama)c", "%.0r", "%F", "%ld"],
    "python-brace": ["{}", "{0}", "{1}", "{n}", "{n.x}", "{n[0]}", "{0:>10}", "{0:{1}}", "{{",
                     "}}", "{", "}", "{n!r}", "{0:.2f}", "{n[k]}", "{nama}", "{0:x}"],
}


@st.composite
def _message(draw: st.DrawFn) -> tuple[str, str]:
    language = draw(st.sampled_from(sorted(_PIECES)))
    piece = st.sampled_from(_PIECES[language] + _WORDS)

    def text() -> str:
        return "".join(draw(st.lists(piece, max_size=5)))

    flag = draw(st.sampled_from(["", "possible-", "no-", "impossible-"])) + language + "-format"
    flags = [flag]
    if draw(st.booleans()):
        flags.append(draw(st.sampled_from(["fuzzy", "range: 1..1", "range: 0..5",
                                           "range: 2..100", f"no-{language}-format",
                                           f"{language}-format", "c-format"])))
    lang = draw(st.sampled_from(sorted(_HEADERS)))
    msgid = text() or "bon"
    if draw(st.booleans()):
        forms = _HEADERS[lang][len("nplurals=")]
        strings = "".join(f'msgstr[{i}] "{text()}"\n' for i in range(int(forms)))
        entry = f'msgid "{msgid}"\nmsgid_plural "{text() or "bon"}"\n{strings}'
    else:
        entry = f'msgid "{msgid}"\nmsgstr "{text()}"\n'
    return lang, f"#, {', '.join(flags)}\n{entry}"


@needs_gnu
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_message())
def test_refused_exactly_when_msgfmt_check_refuses(tmp_path_factory: pytest.TempPathFactory,
                                                   message: tuple[str, str]) -> None:
    lang, entry = message
    text = _catalog(lang, entry)
    path = tmp_path_factory.mktemp("fmt") / "app.po"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                          capture_output=True, text=True, check=False)
    error = _refused(text)
    assert (error is not None) == (done.returncode != 0), (str(error), done.stderr)
