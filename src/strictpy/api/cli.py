"""The command line: options in, one service call, a renderer, an exit code.

``AppError`` becomes one line on stderr and exit 2 here and nowhere else. Any
other failure reaches ``sys.excepthook``, which prints one line (the traceback
only with ``STRICTPY_DEBUG=1``) and exits 2.
"""

from __future__ import annotations

import gc
import importlib
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from strictpy import __version__
from strictpy.api.check_command import CheckOptions, render_options, run_check
from strictpy.api.renderers import OutputFormat
from strictpy.api.renderers.rule_doc_renderer import (
    RulesFormat,
    render_rule,
    render_rules,
)
from strictpy.exceptions import AppError
from strictpy.services.audit import AuditRequest
from strictpy.services.scaffold_options import (
    Cache,
    CliFramework,
    Database,
    HttpFramework,
    ScaffoldOptions,
)

if TYPE_CHECKING:
    from types import TracebackType

__all__ = ["app", "main"]

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

app = typer.Typer(
    name="strictpy",
    help="Audit Python repositories against the strict-mode ruleset.",
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _fail(message: str) -> typer.Exit:
    """Write one error line to stderr and return the exit to raise.

    Args:
        message: The user-facing message.

    Returns:
        The exit with status 2.
    """
    Console(stderr=True, highlight=False, soft_wrap=True).print(
        f"strictpy: error: {message}", markup=False
    )
    return typer.Exit(EXIT_ERROR)


def _warn(notices: tuple[str, ...]) -> None:
    """Write each notice as one warning line on stderr.

    Args:
        notices: The audit's notices.
    """
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    for notice in notices:
        console.print(f"strictpy: warning: {notice}", markup=False)


def _inform(message: str | None) -> None:
    """Write one information line on stderr (the fix summary).

    Args:
        message: The line, or None to write nothing.
    """
    if message:
        Console(stderr=True, highlight=False, soft_wrap=True).print(
            f"strictpy: {message}", markup=False
        )


def _codes(value: str | None) -> tuple[str, ...] | None:
    """Split a comma-separated option value.

    Args:
        value: The option's text, or None when not given.

    Returns:
        The entries, or None when the option was not given.
    """
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _version_callback(value: bool) -> None:  # noqa: FBT001 - typer's callback signature
    """Print the version and stop, for ``--version``.

    Args:
        value: Whether the flag was given.

    Raises:
        Exit: After printing the version.
    """
    if value:
        Console(highlight=False).print(f"strictpy {__version__}")
        raise typer.Exit(EXIT_CLEAN)


@app.callback(help="Audit Python repositories against the strict-mode ruleset.")
def root(
    *,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Show the version.",
        ),
    ] = False,
) -> None:
    """Audit Python repositories against the strict-mode ruleset.

    Args:
        version: Show the version and exit.
    """
    del version


@app.command(help="Check files and folders against the strict-mode ruleset.")
def check(  # noqa: PLR0913 - each parameter is one documented option
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders (default: .).")
    ] = None,
    *,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Report format.")
    ] = OutputFormat.RICH,
    output_file: Annotated[
        Path | None, typer.Option(help="Write the report to a file.")
    ] = None,
    select: Annotated[
        str | None, typer.Option(help="Codes or prefixes to enable.")
    ] = None,
    ignore: Annotated[
        str | None, typer.Option(help="Codes or prefixes to disable.")
    ] = None,
    extend_select: Annotated[
        str | None, typer.Option(help="More codes to enable.")
    ] = None,
    exit_zero: Annotated[bool, typer.Option(help="Exit 0 even with findings.")] = False,
    statistics: Annotated[bool, typer.Option(help="Show counts per code.")] = False,
    jobs: Annotated[
        int | None, typer.Option(min=1, help="Worker processes (default: all cores).")
    ] = None,
    quiet: Annotated[
        bool, typer.Option(help="Print nothing; use the exit code.")
    ] = False,
    no_ruff: Annotated[
        bool, typer.Option("--no-ruff", help="Do not run Ruff (SP812, SP813).")
    ] = False,
    fix: Annotated[
        bool, typer.Option(help="Repair what can be repaired safely.")
    ] = False,
    diff: Annotated[
        bool, typer.Option(help="Print the fixes as a diff; write nothing.")
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the cache.")
    ] = False,
    write_baseline: Annotated[
        Path | None,
        typer.Option(help="Record today's findings in a baseline file and exit 0."),
    ] = None,
) -> None:
    """Check files and folders against the strict-mode ruleset.

    Args:
        paths: Files or folders to check.
        output_format: The report format.
        output_file: Where to write the report instead of stdout.
        select: Comma-separated codes or prefixes to enable.
        ignore: Comma-separated codes or prefixes to disable.
        extend_select: Comma-separated codes or prefixes to add.
        exit_zero: Exit 0 even when there are findings.
        statistics: Print counts per code instead of the findings.
        jobs: How many worker processes to use.
        quiet: Print nothing.
        no_ruff: Leave Ruff's diagnostics out.
        fix: Repair the fixable findings, then report what remains.
        diff: Show the fixes ``--fix`` would make as a unified diff.
        no_cache: Check every file afresh and store nothing.
        write_baseline: Record today's findings there instead of reporting.

    Raises:
        Exit: Always, with the documented exit code.
    """
    overrides = {
        "select": _codes(select),
        "ignore": _codes(ignore),
        "extend_select": _codes(extend_select),
        "ruff": False if no_ruff else None,
    }
    render = render_options(
        output_format,
        output_file,
        statistics=statistics,
        exit_zero=exit_zero,
        quiet=quiet,
    )
    request = AuditRequest(tuple(paths or ()), overrides, jobs, no_cache=no_cache)
    options = CheckOptions(request, render, write_baseline, fix=fix, diff=diff)
    try:
        exit_code, notices, status = run_check(options, Path.cwd())
    except AppError as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"cannot write the report ({error.strerror})") from None
    if not quiet:
        _warn(notices)
        _inform(status)
    raise typer.Exit(exit_code)


@app.command(
    "rules", help="List every rule: code, name, family, scope, fixability, summary."
)
def rules_command(
    *,
    output_format: Annotated[
        RulesFormat, typer.Option("--format", help="Listing format.")
    ] = RulesFormat.RICH,
) -> None:
    """List every rule: code, name, family, scope, fixability and summary.

    Args:
        output_format: The listing format.
    """
    rule_docs = importlib.import_module("strictpy.services.rule_docs")
    render_rules(
        rule_docs.all_rule_docs(),
        output_format,
        Console(highlight=False, soft_wrap=True),
    )


@app.command(
    "rule", help="Explain one rule: what it checks, why, a bad and a good example."
)
def rule_command(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. SP404.")],
) -> None:
    """Explain one rule: what it checks, why, a bad and a good example.

    Args:
        code: The rule code.

    Raises:
        Exit: With status 2 for an unknown code.
    """
    try:
        doc = importlib.import_module("strictpy.services.rule_docs").rule_doc(code)
    except AppError as error:
        raise _fail(str(error)) from None
    render_rule(doc, Console(highlight=False, soft_wrap=True))


@app.command(
    "new", help="Scaffold a project that passes strictpy check with zero findings."
)
def new_command(  # noqa: PLR0913 - each parameter is one documented option
    name: Annotated[str, typer.Argument(help="The package name, e.g. my_app.")],
    *,
    folder: Annotated[
        Path | None,
        typer.Option("--dir", help="The project folder (default: ./NAME)."),
    ] = None,
    http: Annotated[
        HttpFramework | None, typer.Option(help="Add an HTTP service.")
    ] = None,
    cli: Annotated[
        CliFramework | None, typer.Option(help="Use a command-line framework.")
    ] = None,
    db: Annotated[Database | None, typer.Option(help="Add a SQL database.")] = None,
    cache: Annotated[Cache | None, typer.Option(help="Add a cache.")] = None,
    lock: Annotated[
        bool, typer.Option(help="Run 'uv lock' in the new project.")
    ] = True,
) -> None:
    """Scaffold a project that passes strictpy check with zero findings.

    Args:
        name: The import package (a lowercase Python identifier).
        folder: Where to create the project (it must be empty or missing).
        http: The HTTP framework, if the project serves HTTP.
        cli: The command-line framework (argparse by default).
        db: The SQL database, if any.
        cache: The cache, if any.
        lock: Whether to run ``uv lock`` in the new project.

    Raises:
        Exit: With status 2 for an invalid name or a non-empty folder.
    """
    options = ScaffoldOptions(
        http=HttpFramework(http) if http else None,
        cli=CliFramework(cli) if cli else None,
        db=Database(db) if db else None,
        cache=Cache(cache) if cache else None,
    )
    try:
        scaffold = importlib.import_module("strictpy.services.scaffold")
        outcome = scaffold.create_project(
            name, folder or Path(name), options, lock=lock
        )
    except AppError as error:
        raise _fail(str(error)) from None
    _warn(outcome.notices)
    Console(highlight=False, soft_wrap=True).print(
        f"Created {outcome.folder} ({len(outcome.files)} files).", markup=False
    )


def _excepthook(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Report an unexpected failure in one line and exit 2.

    Args:
        kind: The exception's type.
        error: The exception.
        trace: Its traceback.

    Raises:
        SystemExit: Always, with status 2.
    """
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    if importlib.import_module("strictpy.config").Settings().debug:
        console.print(
            "".join(traceback.format_exception(kind, error, trace)), markup=False
        )
    console.print(
        f"strictpy: internal error ({kind.__name__}); rerun with STRICTPY_DEBUG=1 for details",
        markup=False,
    )
    raise SystemExit(EXIT_ERROR)


def main() -> None:
    """Run the command line with strictpy's one-line error handling.

    The cycle collector is frozen before and after the run: the modules imported
    so far, and whatever the run leaves alive, stay until the process exits, so
    no collection (least of all the interpreter's last one, at exit) needs to
    traverse them again. Frozen, they are skipped: a sixth of a run that only
    replays a stored report.
    """
    sys.excepthook = _excepthook
    gc.freeze()
    try:
        typer.main.get_command(app)(prog_name="strictpy")
    finally:
        gc.freeze()
