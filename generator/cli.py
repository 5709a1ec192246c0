"""The `kyky` command: a thin layer over the catalogue pipeline."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.catalogue import CheckResult, check
from generator.contributing import add_commands as add_contributor_commands
from generator.messages import message
from generator.problems import format_problem, github_annotation, summary_message
from generator.vocabularies import LANGUAGES

# The presentation settings next to the generator package, used by `kyky build` when the
# current folder has no mkdocs.yml.
REPOSITORY_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        return int(arguments.run(arguments))
    except BrokenPipeError:
        # The reader, such as `head`, closed the pipe: stop quietly, as other tools do.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kyky", description="Check the KYKY-tori catalogue and build its site."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    check_command = commands.add_parser("check", help="validate every file under content/")
    _add_common(check_command)
    check_command.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text: one line per problem; github: GitHub Actions annotations as well",
    )
    check_command.add_argument(
        "--summary",
        metavar="FILE",
        help="also append the result as Markdown in Finnish and Swedish to FILE",
    )
    check_command.set_defaults(run=run_check)

    build_command = commands.add_parser("build", help="build the site into site/")
    _add_common(build_command)
    build_command.add_argument("--site-dir", default="site", help="output folder (default: site)")
    build_command.add_argument(
        "--config",
        help="MkDocs configuration file (default: mkdocs.yml in the current folder if it "
        "exists, else the mkdocs.yml of the repository that contains the generator)",
    )
    build_command.set_defaults(run=run_build)

    addresses_command = commands.add_parser(
        "addresses", help="compare content/addresses.txt with the published addresses"
    )
    _add_common(addresses_command)
    addresses_command.add_argument(
        "--update", action="store_true", help="add the missing addresses to the register"
    )
    addresses_command.set_defaults(run=run_addresses)

    add_contributor_commands(commands)
    return parser


def _add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="fi",
        help="language of the messages: fi (default), sv or en",
    )
    command.add_argument(
        "--content", default="content", help="content folder to read (default: content)"
    )


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
