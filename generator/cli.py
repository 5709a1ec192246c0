"""The `kyky` command: a thin layer over the catalogue pipeline."""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from generator.catalogue import CheckResult, check
from generator.contributing import add_commands as add_contributor_commands
from generator.messages import help_text, message
from generator.problems import format_problem, github_annotation, summary_message
from generator.vocabularies import LANGUAGES

# The presentation settings next to the generator package, used by `kyky build` when the
# current folder has no mkdocs.yml.
REPOSITORY_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


# The environment variables that name the language of a program's messages, in the
# order POSIX gives them precedence.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def main(argv: Sequence[str] | None = None) -> int:
    arguments_given = list(sys.argv[1:] if argv is None else argv)
    parser = _parser(help_language(arguments_given, os.environ))
    arguments = parser.parse_args(arguments_given)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        return int(arguments.run(arguments))
    except BrokenPipeError:
        # The reader, such as `head`, closed the pipe: stop quietly, as other tools do.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 1


def help_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """Choose the language of the help texts before the arguments are parsed.

    `--lang` comes first. Otherwise the first of LC_ALL, LC_MESSAGES and LANG that is
    set, such as `sv_FI.UTF-8`, decides if it names fi, sv or en. The fallback is
    Finnish, the default of every command.
    """
    for index, argument in enumerate(argv):
        value = argument.removeprefix("--lang=") if argument.startswith("--lang=") else None
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in LANGUAGES:
            return value
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            language = value[:2].lower()
            return language if language in LANGUAGES else "fi"
    return "fi"


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, with the word before the usage line in our language."""

    def __init__(self, prog: str, usage_prefix: str) -> None:
        super().__init__(prog)
        self.usage_prefix = usage_prefix

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, self.usage_prefix if prefix is None else prefix)


class HelpParser(argparse.ArgumentParser):
    """An argument parser whose help, including argparse's own words, is in `language`.

    argparse translates its words (usage, the section titles, the help of -h) through
    gettext, which has no Finnish or Swedish catalogue for it, so they are set here
    from messages.yaml. Subcommand parsers are made by this class too, with the same
    language.

    NOTE: argparse's error messages, such as "invalid choice", stay in English.
    """

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        usage_prefix = help_text("usage", language)
        kwargs["formatter_class"] = functools.partial(HelpFormatter, usage_prefix=usage_prefix)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = help_text("positionals", language)
        self._optionals.title = help_text("options", language)
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=help_text("help", language),
        )


def _parser(language: str) -> argparse.ArgumentParser:
    parser = HelpParser(
        prog="kyky",
        description=help_text("kyky", language),
        epilog=help_text("language", language),
        language=language,
    )
    commands = parser.add_subparsers(dest="command", required=True)

    check_command = _command(commands, "check", language)
    _add_common(check_command, language)
    check_command.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help=help_text("format", language),
    )
    check_command.add_argument("--summary", metavar="FILE", help=help_text("summary", language))
    check_command.set_defaults(run=run_check)

    build_command = _command(commands, "build", language)
    _add_common(build_command, language)
    build_command.add_argument("--site-dir", default="site", help=help_text("site_dir", language))
    build_command.add_argument("--config", help=help_text("config", language))
    build_command.set_defaults(run=run_build)

    addresses_command = _command(commands, "addresses", language)
    _add_common(addresses_command, language)
    addresses_command.add_argument(
        "--update", action="store_true", help=help_text("update", language)
    )
    addresses_command.set_defaults(run=run_addresses)

    add_contributor_commands(commands, language)
    return parser


def _command(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    language: str,
) -> argparse.ArgumentParser:
    """Add a subcommand whose help line and description are `help_<name>`."""
    text = help_text(name, language)
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=text, description=text, language=language
    )
    return parser


def _add_common(command: argparse.ArgumentParser, language: str) -> None:
    command.add_argument(
        "--lang", choices=LANGUAGES, default="fi", help=help_text("lang", language)
    )
    command.add_argument("--content", default="content", help=help_text("content", language))


def report(result: CheckResult, language: str, github: bool = False) -> None:
    """Print every problem, one per line, then a summary line."""
    for problem in result.problems:
        print(format_problem(problem, language))
        if github:
            print(github_annotation(problem, language))
    print(summary_message(result.files, result.errors, result.warnings, language))


def run_check(arguments: argparse.Namespace) -> int:
    result = check(arguments.content, _display_root(arguments.content))
    report(result, arguments.lang, github=arguments.format == "github")
    if arguments.summary:
        from generator.guides import check_summary

        with open(arguments.summary, "a", encoding="utf-8") as stream:
            stream.write(check_summary(result) + "\n")
    return 1 if result.errors else 0


def run_build(arguments: argparse.Namespace) -> int:
    from generator.finnish import VoikkoMissingError
    from generator.site import build_site

    candidates = config_candidates(arguments.config)
    config_file = next((path for path in candidates if os.path.isfile(path)), None)
    if config_file is None:
        shown = ", ".join(candidates)
        print(message("build_config_missing", arguments.lang, path=shown), file=sys.stderr)
        return 1
    result = check(arguments.content, _display_root(arguments.content))
    if result.errors:
        report(result, arguments.lang)
        print(message("build_refused", arguments.lang), file=sys.stderr)
        return 1
    for problem in result.problems:
        print(format_problem(problem, arguments.lang))
    try:
        pages = build_site(result.catalogue, arguments.site_dir, arguments.content, config_file)
    except VoikkoMissingError as error:
        print(message("voikko_missing", arguments.lang, cause=error.cause), file=sys.stderr)
        return 1
    print(message("build_done", arguments.lang, path=arguments.site_dir, pages=pages))
    return 0


def config_candidates(option: str | None) -> list[str]:
    """Return the MkDocs configuration files that `kyky build` looks for, in order."""
    return [option] if option else ["mkdocs.yml", str(REPOSITORY_CONFIG)]


def run_addresses(arguments: argparse.Namespace) -> int:
    """Check or update the register of published addresses; content errors block both."""
    from generator.addresses import read_register, updated_register, write_register
    from generator.files import REGISTER_FILE

    result = check(arguments.content, _display_root(arguments.content))
    if result.errors:
        report(result, arguments.lang)
        return 1
    display = f"{_display_root(arguments.content)}/{REGISTER_FILE}"
    current = [line for _, line in read_register(arguments.content) or []]
    lines = updated_register(result.catalogue, arguments.content)
    missing = sorted(set(lines) - set(current))
    if arguments.update:
        write_register(lines, arguments.content)
        counts = {"count": len(lines), "added": len(missing)}
        print(message("addresses_updated", arguments.lang, path=display, **counts))
        return 0
    for line in missing:
        print(message("addresses_missing", arguments.lang, path=display, value=line))
    if missing:
        print(message("addresses_outdated", arguments.lang, path=display, count=len(missing)))
        return 1
    print(message("addresses_current", arguments.lang, count=len(lines)))
    return 0


def _display_root(content: str) -> str:
    return content.rstrip("/") or "content"


if __name__ == "__main__":
    sys.exit(main())
