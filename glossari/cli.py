"""The ``glossari`` command line: ``main(argv) -> int``.

Only this module touches standard output, standard error and exit codes. Each subcommand lives in
``glossari/commands/<name>.py`` and provides ``configure(parser)`` and ``run(args, ctx) -> int``;
commands are imported only when used, so ``glossari --help`` stays fast.

Exit codes: 0 done (or clean), 1 findings at or above ``--fail-on`` (``check``, ``termcheck``),
2 bad usage or bad input, with one line ``path:line: what is wrong; what to do`` on standard
error.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import errno
import importlib
import io
import keyword
import os
import re
import signal
import sys
import traceback
from collections.abc import Iterator, Sequence
from typing import IO, Any, NoReturn, Protocol, TextIO, cast

from glossari import __version__
from glossari._launch import interrupted
from glossari.commands._context import Context
from glossari.errors import GlossariError
from glossari.text import closest_name, terminal_text

__all__ = ["COMMANDS", "Context", "main"]

COMMANDS: dict[str, str] = {
    "show": "show one term, readably",
    "extract": "seeds/ to the catalog templates under locale/",
    "update": "bring locale/LANG catalogs up to date with the templates (msgmerge semantics)",
    "compile": "compile .po catalogs to .mo (fuzzy messages left out) and write the compiled "
               "termbase, locale/LANG/glossari.sqlite",
    "align": "fill LANG catalogs from translated articles with the same file names",
    "render": "rebuild the articles in LANG from the seeds and the catalogs",
    "table": "print the bilingual term table (md, csv, html, tbx, json)",
    "check": "report quality findings in the articles and catalogs",
    "import": "merge a TBX or CSV termbase's translations into the LANG catalogs",
    "init": "scaffold a new glossary folder (seeds/, locale/, glossari.toml, README.md, "
            ".gitignore)",
    "find": "the glossary's terms in a text, with their other-language headword",
    "termcheck": "check a third party's catalogs against the glossary's terms",
    "site": "write the bilingual static website (term pages, A-Z index, search)",
    "search": "full-text search of the glossary in both languages, ranked",
}
"""Subcommand name to one-line summary; the module is ``glossari.commands.<name>``."""


def _global_options(parser: argparse.ArgumentParser) -> None:
    """The options before COMMAND: one definition for the full parser and the first stage."""
    parser.add_argument(
        "--root",
        metavar="DIR",
        help="glossary folder holding seeds/ and locale/ (default: the current folder when it "
        "holds seeds/, otherwise the glossary bundled with glossari, read-only)",
    )
    parser.add_argument(
        "--traceback",
        action="store_true",
        help="on an internal error, print the full traceback for a bug report "
        "(also GLOSSARI_DEBUG=1)",
    )


class _Parser(argparse.ArgumentParser):
    """argparse's parser, whose error is one line saying what to do, as every other error of
    glossari is: argparse printed its usage lines first (eight for ``table``), and
    ``the following arguments are required: QUERY`` said what was wrong, not where to look.
    ``--help`` still prints the usage.

    A long value is quoted by its start: `check --select`, `table --status` or `site
    --base-url` given 130 KB repeated it whole, an error of 130 KB and more on one line.
    argparse's messages go to ``sys.stderr`` directly, past the filter of
    :class:`_Printable`: their control characters are shown escaped here, by the same rule."""

    def error(self, message: str) -> NoReturn:
        message = terminal_text(message)
        message = _LONG_QUOTED.sub(lambda m: f"{m.group(1)}...{m.group(1)[0]}", message)
        if len(message) > 400:  # a value with quotes inside it: the start of the message
            message = message[:300] + "..."
        if not any(told in message for told in _TOLD):
            message += f"; see '{self.prog} --help'"
        self.exit(2, f"{self.prog}: error: {message}\n")

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # a misspelt command or choice names the one meant (`tabel`: 'table'; `--format jsn`:
        # 'json'), as a misspelt option does (see _unrecognized)
        try:
            super()._check_value(action, value)
        except argparse.ArgumentError as error:
            close = closest_name(str(value), [str(choice) for choice in action.choices or ()])
            if close is None:
                raise
            meant = f"; did you mean {close!r}?"
            message, list_, choices = error.message.partition(" (choose from")
            raise argparse.ArgumentError(action, message + meant + list_ + choices) from None


def _unknown_option(words: list[str], parser: argparse.ArgumentParser) -> str | None:
    """The first of ``words`` (before any ``--``) that is written as a long option and is none
    of ``parser``'s, nor the start of one (argparse takes ``--vers`` for ``--version``), or None.

    Found before argparse parses: it says what is missing first, and ``align --alng en DIR``
    said '-l/--lang is required', ``--verison`` that a COMMAND was, ``--rot . table`` that '.'
    was no command."""
    known = [o for o in parser._option_string_actions if o.startswith("--")]
    given = words[:words.index("--")] if "--" in words else words
    if "-h" in given or any(len(w) > 2 and "--help".startswith(w) for w in given):
        return None  # help asked for: argparse gives it, whatever else is there
    for word in given:
        name = word.split("=", 1)[0]
        if name.startswith("--") and not any(o.startswith(name) for o in known):
            return word
    return None


def _unrecognized(extras: list[str], parser: argparse.ArgumentParser,
                  top: argparse.ArgumentParser) -> str:
    """argparse's 'unrecognized arguments' message for ``extras`` (left over by ``parser``, a
    command's, or ``top``), with the option meant when one is misspelt (``--fromat``:
    '--format') or the place of a global option given after the command (``table --root g``)."""
    message = f"unrecognized arguments: {' '.join(extras)}"
    given = next((w.split("=", 1)[0] for w in extras
                  if w != "--" and w.split("=", 1)[0] in parser._option_string_actions), None)
    if given is not None and parser is not top:
        # an option of the command's own, as typed, is left over only after `--`, where
        # every word is the text (`search -- kupon-kupon --format json`): "did you mean
        # '--format'?" named the very option typed
        name = parser.prog.split()[-1]
        what = "the text" if name in _TEXT_COMMANDS else "an argument"
        return (f"{message}; after '--' every word is {what}: give the options before '--' "
                f"(glossari {name} {given} ... -- {'TEXT' if name in _TEXT_COMMANDS else 'ARG'})")
    option = next((w.split("=", 1)[0] for w in extras if w.startswith("--") and w != "--"),
                  None)
    if option is None:
        return message
    if parser is not top and option in top._option_string_actions:
        return (f"{message}; {option} is an option of glossari itself: give it before the "
                f"command (glossari {option} ... {parser.prog.split()[-1]})")
    known = [o for o in parser._option_string_actions if o.startswith("--")]
    close = closest_name(option, known)
    return message if close is None else f"{message}; did you mean {close!r}?"


_TOLD = ("; did you mean ", " is an option of glossari itself: give it before the command")
"""What :func:`_unrecognized` and :meth:`_Parser._check_value` add to argparse's message when
they know the one change to make; any other message is followed by where the options are told
(``see 'glossari table --help'``)."""


_LONG_QUOTED = re.compile(r"""(['"][^'"]{60})[^'"]{20,}['"]""")
"""A quoted value in an argparse message, longer than 80 characters: its first 60 are shown."""


class _QuietParser(argparse.ArgumentParser):
    """A parser that leaves its errors to the full parser: the first stage used to print its
    own usage and error, and the full parser the same error again."""

    def error(self, message: str) -> NoReturn:
        raise SystemExit(2)


def _global_rest(args_list: list[str]) -> list[str]:
    """``args_list`` without the global options and their values (which may spell a command:
    ``--root show``); empty when they are wrong (``--root`` without its value: the full parser
    reports it, once)."""
    first_stage = _QuietParser(add_help=False)
    _global_options(first_stage)
    try:
        _known, rest = first_stage.parse_known_args(args_list)
    except SystemExit:
        return []
    return rest


def _chosen_command(args_list: list[str]) -> tuple[str | None, int]:
    """The command named in ``args_list`` and where it stands there: the first word left once
    argparse has taken out the global options and their values, written in any way argparse
    reads them (``--root show``, ``--root=show``, ``--ro show``); ``(None, len(args_list))``
    when there is none. Where it stands is argparse's answer too: each word goes in as an object
    of its own, and the command is found by identity, not by a second reading of the options."""
    words: list[str] = [_Word(word) for word in args_list]
    for word in _global_rest(words):
        if not word.startswith("-"):
            # (by equality only should an argparse ever hand back copies: never a traceback)
            return str(word), next((k for k, given in enumerate(words) if given is word),
                                   words.index(word))
    return None, len(args_list)


class _Word(str):
    """A word of the command line as an object of its own (equal words are not one object), so
    that the word argparse leaves is known by its place (:func:`_chosen_command`)."""

    __slots__ = ()


_TEXT_COMMANDS = frozenset({"show", "find", "search"})
"""The commands whose one positional argument is text a reader types (a term, a text, a
query), which may start with '-' as a word or a number does (``-saham``, ``-5%``)."""


def _text_after_dashes(words: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """The words after the command ``show``, ``find`` or ``search`` (whose parser is
    ``parser``), with its text argument moved after ``--`` when it starts with '-' and is none
    of the command's options, so that argparse reads it as the text: ``search -saham`` said
    'the following arguments are required: QUERY', ``search -nilai`` read ``-n ilai``.

    An option is one of the command's option strings as written (with its value, the next
    word, attached to it when it starts with '-', so that argparse judges it as the option's
    value: ``search -n -saham`` says -n's value is no number), any word starting with ``--``
    (argparse judges those), or a short option with its value attached that the option takes
    (``-n5``; ``-lms``, a language :func:`glossari.catalog.languages.check_language`
    accepts). With a ``--`` given, or a
    text already given before it, nothing moves."""
    if "--" in words:
        return words
    options = parser._option_string_actions  # argparse's own table of option strings
    out: list[str] = []
    text: str | None = None
    given = False
    k = 0
    while k < len(words):
        word = words[k]
        k += 1
        if not word.startswith("-") or word == "-":
            given = True
            out.append(word)
        elif _is_option(word, options):
            out.append(word)
            action = options.get(word)
            if action is not None and action.nargs != 0 and k < len(words):
                value = words[k]
                k += 1
                if value.startswith("-") and value != "-":
                    # its value, whatever it looks like, judged as the option's value: argparse
                    # took -saham for an option and said '-n: expected one argument'
                    out[-1] = _attached(word, action, value)
                else:
                    out.append(value)
        elif text is None and not given:
            text = word
        else:
            out.append(word)  # one more: argparse names it
    return out if text is None else [*out, "--", text]


def _refused_language(words: list[str], parser: argparse.ArgumentParser) -> GlossariError | None:
    """The error of a language option's value that starts with '-' among ``words`` (the
    command's, as :func:`_text_after_dashes` gives them: ``--lang=-saham``), or None.

    No language code starts with '-', so such a value is refused whatever the command: judged
    here, before argparse, as README says (``search -l -saham`` says ``-saham`` is no
    language). argparse judged first that the text was missing (``search -l -saham``, ``show
    -l -saham``: 'the following arguments are required: QUERY'), and the command, which
    checks the language, never ran."""
    from glossari.catalog.languages import check_language

    options = parser._option_string_actions
    for word in words[:words.index("--")] if "--" in words else words:
        name, equals, value = word.partition("=")
        if not (equals and name.startswith("--") and value.startswith("-")):
            continue
        meant = [o for o in options if o.startswith(name)]
        action = options[name] if name in options else (
            options[meant[0]] if len(meant) == 1 else None)
        if action is None or action.dest not in ("lang", "translation"):
            continue
        try:
            check_language(value, path=min(action.option_strings, key=len))
        except GlossariError as error:
            return error
    return None


def _attached(word: str, action: argparse.Action, value: str) -> str:
    """The option ``word`` with ``value`` attached, as argparse reads a value starting with '-'
    (``--limit=-saham``: 'invalid int value: '-saham''; ``--lang=-saham``: no language)."""
    long = next((o for o in action.option_strings if o.startswith("--")), None)
    return f"{long}={value}" if long is not None else f"{word}{value}"


def _is_option(word: str, options: dict[str, argparse.Action]) -> bool:
    """Whether ``word`` (starting with '-') is an option of the parser whose ``options``
    these are, for :func:`_text_after_dashes`."""
    if word in options or word.startswith("--"):
        return True
    action = options.get(word[:2])
    if action is None or action.nargs == 0:
        return False
    value = word[2:]
    if action.type is int:
        return value.isdigit()
    if action.dest in ("lang", "translation"):
        from glossari.catalog.languages import check_language

        try:
            check_language(value)
        except GlossariError:
            return False
    return True


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler of :data:`_ESCAPE`: each character the output's encoding lacks as
    ``\\uXXXX`` (a UTF-16 surrogate pair past U+FFFF), as ``json.dumps`` escapes it."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import json  # only a locale that cannot spell a character gets here

    # the characters an encoding lacks are never ASCII, so json's escapes are all \uXXXX
    return json.dumps(error.object[error.start:error.end])[1:-1], error.end


_ESCAPE = "glossari.jsonescape"
codecs.register_error(_ESCAPE, _json_escape)


_PIECE = 4096
"""The most characters :class:`_Printable` hands its stream at once."""


class _Printable(io.TextIOBase):
    """A text stream that shows control characters escaped on their way to a terminal or a log.

    Everything a command prints (a term's title, a finding quoting a catalog, an error naming a
    file) can hold text from a hostile article or catalog; an ESC there would run a terminal
    escape sequence (change the window title, hide lines), a U+202E would print the rest of the
    line backwards. One filter on both streams, through :func:`glossari.text.terminal_text`,
    covers every command, its text and JSON outputs alike. Binary output written to
    :attr:`buffer` (``table``'s formats, already stripped) passes as it is.
    """

    def __init__(self, inner: TextIO | None, *, required: bool = True) -> None:
        super().__init__()
        self._inner = inner
        self._required = required  # standard output must be there; standard error need not
        self._ascii = False  # see escape_non_ascii

    def write(self, text: str) -> int:
        if self._inner is None:  # the stream was closed before glossari started (`>&-`)
            if self._required:
                raise _OutputError(None)
            return len(text)
        clean = terminal_text(text)
        with _output_errors():
            # in pieces: one write larger than the pipe's buffer, cut short because the reader
            # left mid-way, is taken as done by the buffered layer (no EPIPE is ever seen, and
            # `find --format json | head -1` exited 0); small writes fill and flush the buffer,
            # and its flush meets the closed pipe (exit 141)
            for start in range(0, len(clean), _PIECE):
                self._write(clean[start:start + _PIECE])
        return len(text)

    def _write(self, clean: str) -> None:
        assert self._inner is not None
        if self._ascii:
            clean = clean.encode("ascii", _ESCAPE).decode("ascii")
        try:
            self._inner.write(clean)
        except UnicodeEncodeError:
            # a locale that cannot spell every character (LC_ALL=en_US.ISO-8859-1,
            # PYTHONIOENCODING=ascii): such a character is written as a JSON-style \uXXXX
            # escape (valid inside the json and sarif outputs too) rather than crashing the
            # command; nothing was written, the encoder fails before the stream is touched
            encoding = self.encoding
            self._inner.write(clean.encode(encoding, _ESCAPE).decode(encoding))

    def flush(self) -> None:
        if self._inner is not None:
            with _output_errors():
                self._inner.flush()

    def isatty(self) -> bool:
        return self._inner is not None and bool(self._inner.isatty())

    def escape_non_ascii(self) -> None:
        """From now on, in an encoding other than UTF-8, write every non-ASCII character as a
        JSON ``\\uXXXX`` escape, not only those the encoding lacks: JSON is read as UTF-8
        (RFC 8259), and the ``É`` a cp1252 pipe (Windows) or an ISO-8859-1 locale spells as the
        byte 0xC9 is no UTF-8. ASCII is the same bytes in every such encoding."""
        self._ascii = codecs.lookup(self.encoding).name != "utf-8"

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        # the inner stream is the caller's (sys.stdout, a test's capture): never close it, and
        # do not flush it when this wrapper is collected after the caller closed it
        pass

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self._inner, "encoding", None) or "utf-8")

    @property
    def buffer(self) -> IO[bytes] | None:
        inner = getattr(self._inner, "buffer", None)
        return None if inner is None else cast("IO[bytes]", _Bytes(inner))


class _OutputError(GlossariError):
    """Standard output cannot be written (a full disk, a closed stream, an I/O error): what the
    machine did, not a bug of glossari, so it is one ``glossari: error:`` line, exit 2."""

    def __init__(self, error: OSError | None) -> None:
        why = "it is closed" if error is None else (error.strerror or str(error))
        super().__init__(f"cannot write: {why}", path="standard output",
                         hint="check where the output goes (free some space, or redirect it)")


@contextlib.contextmanager
def _output_errors() -> Iterator[None]:
    """An ``OSError`` of the standard output as :class:`_OutputError`; a closed pipe stays a
    ``BrokenPipeError`` (exit 141)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _OutputError(error) from error


class _Bytes(io.BufferedIOBase):
    """Standard output's byte stream (``table`` writes UTF-8 there), its errors as
    :class:`_OutputError`."""

    def __init__(self, inner: IO[bytes]) -> None:
        super().__init__()
        self._inner = inner

    def write(self, data: Any) -> int:
        # unbuffered (PYTHONUNBUFFERED=1, common in containers), a write to a pipe whose reader
        # left returns short instead of failing, and `table | head` exited 0: write the rest,
        # so that the closed pipe is met (exit 141)
        view = memoryview(data).cast("B")
        done = 0
        with _output_errors():
            while done < len(view):
                written = self._inner.write(view[done:])
                if not written:
                    raise BrokenPipeError("standard output takes no more")
                done += written
        return done

    def flush(self) -> None:
        with _output_errors():
            self._inner.flush()

    def writable(self) -> bool:
        return True

    def close(self) -> None:  # the caller's stream, as in _Printable.close
        pass


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser: argparse.ArgumentParser = _Parser(
        prog="glossari",
        description="Malay financial-dictionary articles to a Malay-English glossary.",
        epilog="Run 'glossari COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"glossari {__version__}")
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    subparsers: dict[str, argparse.ArgumentParser] = {
        name: sub.add_parser(name, help=summary, description=summary)
        for name, summary in COMMANDS.items()
    }
    return parser, subparsers


class _Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, ``timeout``, a CI job cancelled, ``docker stop``) raised in the
    command as Ctrl-C is, so that it removes its temporary files as on Ctrl-C: killed outright,
    ``extract``, ``render`` and ``site`` left them among their outputs for good (a site's
    ``.page.html.x1y2.tmp`` was published with it), and ``update`` in ``locale/``."""


def _terminate(signum: int, frame: object) -> None:
    # in an extract worker too (a forked copy of this process; `timeout` and `docker stop`
    # signal the whole process group): it removes what it staged, as on Ctrl-C
    signal.signal(signum, signal.SIG_DFL)  # a second SIGTERM during the clean-up ends it
    raise _Terminated


def _stopped(interrupt: KeyboardInterrupt, stderr: IO[str]) -> int:
    """The line and exit code of a command stopped by Ctrl-C (130) or SIGTERM (143)."""
    if isinstance(interrupt, _Terminated):
        print("glossari: terminated", file=stderr)
        return 128 + signal.SIGTERM
    return interrupted(stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``) and return the exit code."""
    previous = None
    with contextlib.suppress(ValueError):  # not the main thread (a test's): left as it is
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return _main(argv)
    except KeyboardInterrupt as interrupt:  # while a command's module was still being imported
        return _stopped(interrupt, sys.stderr)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, subparsers = _parser()
    # Only the chosen command's module is imported: each one configures its own options.
    # where the command is: the words before it stay as they are below
    chosen, at = _chosen_command(args_list)
    if chosen in COMMANDS:
        _command_module(chosen).configure(subparsers[chosen])
    if chosen in _TEXT_COMMANDS:
        args_list[at + 1:] = _text_after_dashes(args_list[at + 1:], subparsers[chosen])
    try:
        unknown = _unknown_option(_global_rest(args_list[:at]), parser)
        if unknown is not None:
            parser.error(_unrecognized([unknown], parser, parser))
        if chosen in COMMANDS:
            unknown = _unknown_option(args_list[at + 1:], subparsers[chosen])
            if unknown is not None:
                subparsers[chosen].error(_unrecognized([unknown], subparsers[chosen], parser))
        if chosen in _TEXT_COMMANDS:
            refused = _refused_language(args_list[at + 1:], subparsers[chosen])
            if refused is not None:
                print(f"glossari: error: {refused}",
                      file=cast(TextIO, _Printable(sys.stderr, required=False)))
                return 2
        args, extras = parser.parse_known_args(args_list)
        if extras:
            command = subparsers.get(args.command, parser)
            command.error(_unrecognized(extras, command, parser))
    except SystemExit as exit_:  # argparse has printed usage or --help / --version
        return int(exit_.code or 0)
    stderr = cast(TextIO, _Printable(sys.stderr, required=False))
    ctx = Context(stdout=cast(TextIO, _Printable(sys.stdout)), stderr=stderr,
                  root_arg=args.root)
    try:
        code = int(_command_module(args.command).run(args, ctx))
        ctx.stdout.flush()  # a closed pipe is met here, not in the interpreter's last flush
        return code
    except _OutputError as error:
        print(f"glossari: error: {error}", file=stderr)
        _drop_stdout()  # the interpreter's last flush would meet the same error again
        return 2
    except GlossariError as error:
        print(f"glossari: error: {error}", file=stderr)
        return 2
    except KeyboardInterrupt as interrupt:
        return _stopped(interrupt, stderr)
    except BrokenPipeError:
        # the reader went away (`glossari table | head`): exit as a program stopped by SIGPIPE
        # does (128 + 13), so that `check | head` under `set -o pipefail` is not taken for a
        # clean run (it was 0, whatever the findings)
        _drop_stdout()
        return 141
    except Exception as error:  # a bug of ours: one line, the traceback only when asked for
        if isinstance(error, OSError) and error.errno == errno.ENAMETOOLONG:
            # a path argument too long for the file system (Python 3.11's Path.exists() raises
            # it): the user's input, not a bug, wherever the command first met the path
            print(f"glossari: error: {error.filename}: {error.strerror}; choose a shorter path",
                  file=stderr)
            return 2
        if (isinstance(error, OSError) and error.errno in (errno.EACCES, errno.EPERM)
                and error.filename is not None):
            # a file or a folder the user may not read, enter or write (another owner's
            # locale/ or seeds/, left by a `sudo glossari` run), wherever the command first
            # met it (Python 3.11's Path.is_dir() raises it): the user's setup, not a bug
            print(f"glossari: error: {error.filename}: {error.strerror}; check that you may "
                  "read and write it and enter the folders above it", file=stderr)
            return 2
        if args.traceback or os.environ.get("GLOSSARI_DEBUG", "") not in ("", "0"):
            traceback.print_exc(file=sys.stderr)
        print(
            f"glossari: internal error: {type(error).__name__}: {error}; "
            "please report it with the command you ran",
            file=stderr,
        )
        return 2


def _drop_stdout() -> None:
    # what is still buffered for the closed pipe goes to devnull: the interpreter's last flush
    # would fail again, and print a traceback-like warning on standard error
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # a test's capture, or no standard output
        pass


class _Command(Protocol):  # what each glossari.commands.<name> module provides
    def configure(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, ctx: Context) -> int: ...


def _command_module(name: str) -> _Command:
    # a command named like a Python keyword lives in <name>_.py (``import`` -> import_.py)
    module: _Command = importlib.import_module(
        f"glossari.commands.{name}{'_' if keyword.iskeyword(name) else ''}")
    return module


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
