"""The contributor subcommands of `kyky`: new, schemas, forms, from-issue and docs.

`generator/cli.py` calls `add_commands`; each command here parses nothing itself and
calls one function of schemas.py, starter.py, forms.py or guides.py.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from generator.messages import Ref, help_text, message
from generator.schemas import KIND_NAMES
from generator.vocabularies import LANGUAGES, SITE_LANGUAGES

KINDS = tuple(KIND_NAMES.values())


def add_commands(commands: argparse._SubParsersAction, language: str) -> None:  # type: ignore[type-arg]
    """Add the contributor subcommands to the `kyky` parser, with help in `language`."""

    def command(name: str, key: str) -> argparse.ArgumentParser:
        text = help_text(key, language)
        parser: argparse.ArgumentParser = commands.add_parser(
            name, help=text, description=text, language=language
        )
        return parser

    new = command("new", "new")
    new.add_argument("kind", choices=KINDS, help=help_text("kind", language))
    new.add_argument("--title", required=True, help=help_text("title", language))
    new.add_argument(
        "--lang", choices=SITE_LANGUAGES, default="fi", help=help_text("lang_comments", language)
    )
    new.add_argument("--content", default="content", help=help_text("new_content", language))
    new.set_defaults(run=run_new)

    schemas = command("schemas", "schemas")
    schemas.add_argument("--out", required=True, help=help_text("schemas_out", language))
    _add_language(schemas, language)
    schemas.set_defaults(run=run_schemas)

    forms = command("forms", "forms")
    forms.add_argument(
        "--out", default=".github/ISSUE_TEMPLATE", help=help_text("forms_out", language)
    )
    _add_language(forms, language)
    forms.set_defaults(run=run_forms)

    from_issue = command("from-issue", "from_issue")
    from_issue.add_argument(
        "--kind", choices=KINDS, required=True, help=help_text("kind", language)
    )
    from_issue.add_argument("--body-file", required=True, help=help_text("body_file", language))
    from_issue.add_argument(
        "--content", default="content", help=help_text("content_write", language)
    )
    from_issue.add_argument("--comment", metavar="FILE", help=help_text("comment", language))
    _add_language(from_issue, language)
    from_issue.set_defaults(run=run_from_issue)

    docs = command("docs", "docs")
    docs.add_argument("--root", default=".", help=help_text("docs_root", language))
    _add_language(docs, language)
    docs.set_defaults(run=run_docs)


def _add_language(command: argparse.ArgumentParser, language: str) -> None:
    command.add_argument(
        "--lang", choices=LANGUAGES, default="fi", help=help_text("lang", language)
    )


def run_new(arguments: argparse.Namespace) -> int:
    from generator.starter import reserved_id, starter_file, write_starter

    starter = starter_file(
        arguments.kind, arguments.title, arguments.lang, arguments.content, date.today()
    )
    shown = str(starter.path)
    reserved = reserved_id(arguments.kind, arguments.title, arguments.content)
    if reserved is not None:
        print(message(reserved.key, arguments.lang, path=shown, **reserved.params), file=sys.stderr)
        return 1
    if not write_starter(starter):
        print(message("new_exists", arguments.lang, path=shown), file=sys.stderr)
        return 1
    print(message("new_written", arguments.lang, path=shown))
    return 0


def run_schemas(arguments: argparse.Namespace) -> int:
    from generator.schemas import write_schemas

    written = write_schemas(arguments.out)
    print(message("schemas_written", arguments.lang, path=arguments.out, count=len(written)))
    return 0


def run_forms(arguments: argparse.Namespace) -> int:
    from generator.forms import write_forms

    written = write_forms(arguments.out)
    print(message("forms_written", arguments.lang, path=arguments.out, count=len(written)))
    return 0


def run_from_issue(arguments: argparse.Namespace) -> int:
    from generator.forms import IssueError, entry_text, issue_to_entry
    from generator.schemas import FOLDERS

    try:
        body = Path(arguments.body_file).read_text("utf-8")
        entry_id, data = issue_to_entry(arguments.kind, body, date.today())
        path = Path(arguments.content) / FOLDERS[arguments.kind] / f"{entry_id}.yml"
        if path.exists():
            raise IssueError("issue_file_exists", path=str(path))
    except IssueError as error:
        _tell(arguments, "issue_failed", reason=Ref(error.key, dict(error.params)))
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(entry_text(arguments.kind, data), "utf-8")
    _tell(arguments, "issue_written", path=str(path))
    return 0


def _tell(arguments: argparse.Namespace, key: str, **params: object) -> None:
    """Print the outcome of from-issue, and write it in fi and sv to --comment if given."""

    def text(language: str) -> str:
        return message(key, language, **params)

    stream = sys.stderr if key == "issue_failed" else sys.stdout
    print(text(arguments.lang), file=stream)
    if arguments.comment:
        with open(arguments.comment, "a", encoding="utf-8") as comment:
            comment.write("".join(f"{text(language)}\n\n" for language in SITE_LANGUAGES))


def run_docs(arguments: argparse.Namespace) -> int:
    from generator.guides import write_guides

    changed = write_guides(arguments.root)
    print(message("docs_written", arguments.lang, count=len(changed)))
    return 0
