"""The file pass: decode once, parse once, walk once with every selected rule.

This is the hot path. Positions are computed only for files that report
something (see ``domain.analysis.positions``); comments come from ``tokenize``
only when a comment rule is selected or the file mentions a suppression.
"""

from __future__ import annotations

import ast
import functools
import threading
from concurrent.futures import ThreadPoolExecutor
from types import MappingProxyType
from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.comments import (
    CommentToken,
    comment_tails,
    read_comments,
)
from strictpy.domain.analysis.context import FileContext
from strictpy.domain.analysis.fact_collector import FactCollector
from strictpy.domain.analysis.file_info import describe_file
from strictpy.domain.analysis.names import NameResolver
from strictpy.domain.analysis.parsing import parse_trusted
from strictpy.domain.analysis.positions import compute_positions
from strictpy.domain.analysis.source import (
    MAX_NESTING,
    SourceDecodeError,
    decode_source,
    nesting_too_deep,
    source_lines,
)
from strictpy.domain.analysis.walker import build_dispatch, walk
from strictpy.domain.findings import Finding, Span
from strictpy.domain.registry import BY_CODE, CODES, FILE_RULES
from strictpy.domain.results import FileResult
from strictpy.domain.suppression import (
    SuppressionPolicy,
    apply_suppressions,
    parse_suppressions,
)
from strictpy.utils.collector import collector_paused

if TYPE_CHECKING:
    from strictpy.domain.analysis.walker import Visitor
    from strictpy.domain.file_rule import FileRule
    from strictpy.services.file_plan import FilePlan

__all__ = ["FileResult", "check_file", "engine_finding"]

SUPPRESSION_MARK = "strictpy:"
EXCERPT_CONTEXT = 1
# A rule that fails on one file must not end the whole run; these are the ways a
# rule's own logic can fail on unexpected syntax.
RULE_FAILURES = (
    AttributeError,
    IndexError,
    KeyError,
    TypeError,
    ValueError,
    RecursionError,
)
# libcst's native parser recurses on the C stack: a long chain such as
# ``a.b.b.b...`` or ``- - - 1`` overflows a default stack and kills the whole
# process. Files are checked on a thread with a stack this large (address
# space only: untouched pages cost no memory).
CHECK_STACK_BYTES = 512 * 1024 * 1024
# A physical line this long may hold an expression nested deeper than the
# interpreter accepts; such files go through its parser before libcst's.
LONG_LINE = 1000
# The plan names rules by code (``services.file_plan``); the classes live here.
FILE_RULE_BY_CODE: MappingProxyType[str, type[FileRule]] = MappingProxyType(
    {rule.CODE: rule for rule in FILE_RULES}
)


def engine_finding(
    code: str, path: str, span: Span | None, fields: dict[str, object]
) -> Finding:
    """Build a finding of one of the engine's own rules (SP000-SP002).

    Args:
        code: The engine rule's code.
        path: The project-relative path.
        span: Where, or None for the whole file.
        fields: Values for the message template.

    Returns:
        The finding.
    """
    rule = BY_CODE[code]
    return Finding(
        code=code,
        name=rule.NAME,
        message=rule.format_message(fields),
        path=path,
        span=span,
        severity=rule.SEVERITY,
    )


def _unparsable(
    path: str, reason: str, line: int | None, column: int | None
) -> FileResult:
    """Return the result for a file that could not be decoded or parsed.

    Args:
        path: The project-relative path.
        reason: The decoder's or parser's message.
        line: The 1-based line of the problem, if known.
        column: The 1-based column of the problem, if known.

    Returns:
        A result holding one SP000 finding.
    """
    span = Span(line, column or 1, line, column or 1) if line else None
    finding = engine_finding("SP000", path, span, {"reason": reason})
    return FileResult(path, (finding,), None, ())


def _python_rejects(path: str, text: str) -> FileResult | None:
    """Parse with the interpreter's own parser and report what it rejects.

    Args:
        path: The project-relative path.
        text: The decoded source.

    Returns:
        A result holding one SP000 finding, or None when the interpreter
        accepts the file.
    """
    try:
        compile(text, path, "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as python_error:
        reason = f"syntax error: {python_error.msg}"
        return _unparsable(path, reason, python_error.lineno, python_error.offset)
    except ValueError:
        return _unparsable(path, "syntax error", None, None)
    except (RecursionError, MemoryError):
        return _unparsable(path, "the file is nested too deeply to parse", None, None)
    return None


def _syntax_error(path: str, text: str, error: cst.ParserSyntaxError) -> FileResult:
    """Report a file libcst cannot parse, with the interpreter's clearer message.

    The interpreter's own parser runs here, on failure (and before libcst only
    for files with very long lines): its messages and locations are what users
    know. When it accepts the file, the syntax is valid Python that libcst does
    not support yet, and the message says so.

    Args:
        path: The project-relative path.
        text: The decoded source.
        error: libcst's error.

    Returns:
        A result holding one SP000 finding.
    """
    rejected = _python_rejects(path, text)
    if rejected is not None:
        return rejected
    first = str(error.message).splitlines()[0]
    reason = f"valid Python that libcst cannot parse yet ({first})"
    return _unparsable(path, reason, error.raw_line, error.raw_column + 1)


def _comments(ctx: FileContext) -> tuple[CommentToken, ...]:
    """Return the file's comments, from ``tokenize`` or else from the tree.

    Args:
        ctx: The file's context.

    Returns:
        The comments in order.
    """
    found = read_comments(ctx.text)
    if found is not None:
        return found
    nodes: list[cst.Comment] = []
    pending: list[cst.CSTNode] = [ctx.module]
    while pending:
        node = pending.pop()
        if isinstance(node, cst.Comment):
            nodes.append(node)
        pending.extend(node.children)
    positions = compute_positions(ctx.module, nodes)
    found_in_tree = [
        CommentToken(node.value, position.start.line, position.start.column + 1)
        for node, position in positions.items()
    ]
    return tuple(sorted(found_in_tree, key=lambda token: (token.line, token.column)))


def _comments_matter(visitors: list[Visitor], text: str) -> bool:
    """Tell whether some comment handler may report on this file's comments.

    Args:
        visitors: Everything riding the walk.
        text: The decoded source.

    Returns:
        True unless every comment handler's ``COMMENT_HINT`` misses the text
        the file's comments can be in (see ``comment_tails``).
    """
    tails: str | None = None
    for visitor in visitors:
        if not any(node_type is CommentToken for node_type, _, _ in visitor.HANDLERS):
            continue
        # Read from the class: a function stored on it is not bound to instances.
        hint = getattr(type(visitor), "COMMENT_HINT", None)
        if hint is None:
            return True
        if tails is None:
            tails = comment_tails(text)
        if hint(tails):
            return True
    return False


def _excerpt(
    lines: list[str], findings: tuple[Finding, ...]
) -> tuple[tuple[int, str], ...]:
    """Keep the source lines around the findings, for code frames.

    Args:
        lines: The file's lines.
        findings: The file's findings.

    Returns:
        (line, text) pairs in line order.
    """
    wanted: dict[int, str] = {}
    for finding in findings:
        if finding.span is None:
            continue
        first = max(1, finding.span.line - EXCERPT_CONTEXT)
        last = min(len(lines), finding.span.line + EXCERPT_CONTEXT)
        for number in range(first, last + 1):
            wanted[number] = lines[number - 1]
    return tuple(sorted(wanted.items()))


@functools.cache
def _checker() -> ThreadPoolExecutor:
    """Return this process's checking thread, started with a large stack.

    Returns:
        A one-thread executor whose thread has ``CHECK_STACK_BYTES`` of stack.
    """
    previous = threading.stack_size(CHECK_STACK_BYTES)
    try:
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="strictpy")
        executor.submit(int).result()
    finally:
        threading.stack_size(previous)
    return executor


def check_file(
    path: str, data: bytes, plan: FilePlan, *, on_this_thread: bool = False
) -> FileResult:
    """Check one Python file with every selected file rule in one walk.

    The check runs on a thread with a large stack (``CHECK_STACK_BYTES``), so
    deeply nested code cannot overflow the stack; its exceptions propagate.

    Args:
        path: The project-relative path.
        data: The file's bytes.
        plan: What to run.
        on_this_thread: Check on the calling thread instead, for code known
            to be shallow, in a process that must stay single-threaded.

    Returns:
        The file's findings and facts.
    """
    if on_this_thread:
        return _check_file(path, data, plan)
    return _checker().submit(_check_file, path, data, plan).result()


def _rejected_early(path: str, text: str, lines: list[str]) -> FileResult | None:
    """Report files that must not reach libcst's parser.

    Args:
        path: The project-relative path.
        text: The decoded source.
        lines: Its lines.

    Returns:
        A result holding one SP000 finding, or None when libcst may parse it.
    """
    if nesting_too_deep(text):
        reason = f"brackets nest deeper than Python allows ({MAX_NESTING} levels)"
        return _unparsable(path, reason, None, None)
    if max(map(len, lines), default=0) >= LONG_LINE:
        return _python_rejects(path, text)
    return None


def _check_file(path: str, data: bytes, plan: FilePlan) -> FileResult:
    """Check one Python file (the body of ``check_file``).

    Args:
        path: The project-relative path.
        data: The file's bytes.
        plan: What to run.

    Returns:
        The file's findings and facts.
    """
    try:
        source = decode_source(data)
    except SourceDecodeError as error:
        return _unparsable(path, str(error), None, None)
    # Split once: the long-line guard and the rules read the same lines.
    lines = source_lines(source.text)
    rejected = _rejected_early(path, source.text, lines)
    if rejected is not None:
        return rejected
    # The tree must be gone before the collector resumes, or its first pass
    # would traverse every node: ``_parse_and_check`` drops it as it returns.
    with collector_paused():
        return _parse_and_check(path, source.text, plan, lines)


def _parse_and_check(
    path: str, text: str, plan: FilePlan, lines: list[str]
) -> FileResult:
    """Parse decoded source and run the rules on it.

    Args:
        path: The project-relative path.
        text: The decoded source.
        plan: What to run.
        lines: Its lines.

    Returns:
        The file's findings and facts.
    """
    try:
        module = parse_trusted(text)
    except cst.ParserSyntaxError as error:
        return _syntax_error(path, text, error)
    except (RecursionError, MemoryError):
        return _unparsable(path, "the file is nested too deeply to parse", None, None)
    ctx = FileContext(
        describe_file(path, plan.options.package), plan.options, module, text, lines
    )
    try:
        return _run_rules(ctx, plan)
    finally:
        ctx.release()


def _run_rules(ctx: FileContext, plan: FilePlan) -> FileResult:
    """Run the selected rules on a parsed file in one walk.

    Args:
        ctx: The file's context.
        plan: What to run.

    Returns:
        The file's findings and facts.
    """
    path = ctx.info.path
    module = ctx.module
    source_text = ctx.text
    enabled = plan.selection.enabled_for(path)
    rules = [FILE_RULE_BY_CODE[code] for code in plan.codes if code in enabled]
    visitors: list[Visitor] = []
    if plan.collect_facts or any(rule.NEEDS_NAMES for rule in rules):
        ctx.names = NameResolver(ctx.info, ctx.ancestors)
        visitors.append(ctx.names)
    collector = FactCollector(ctx) if plan.collect_facts else None
    if collector is not None:
        visitors.append(collector)
    visitors.extend(ctx.start_analyses(rules))
    visitors.extend(rule(ctx) for rule in rules)
    dispatch = build_dispatch(visitors)
    wants_comments = dispatch.wants(CommentToken) and _comments_matter(
        visitors, source_text
    )
    comments: tuple[CommentToken, ...] = ()
    if wants_comments or SUPPRESSION_MARK in source_text:
        comments = _comments(ctx)
    try:
        for comment in comments if wants_comments else ():
            for handler in dispatch.enter.get(CommentToken, ()):
                handler(comment)
        walk(module, dispatch, ctx.ancestors)
        ctx.resolve_positions()
    except RULE_FAILURES as error:
        return _unparsable(
            path,
            f"internal error ({type(error).__name__}); please report it",
            None,
            None,
        )
    findings = ctx.findings()
    if SUPPRESSION_MARK in source_text:
        policy = SuppressionPolicy(
            path=path,
            is_known=lambda code: any(known.startswith(code) for known in CODES),
            is_selected=lambda code: any(known.startswith(code) for known in enabled),
            make=engine_finding,
        )
        findings = apply_suppressions(findings, parse_suppressions(comments), policy)
        findings = [finding for finding in findings if finding.code in enabled]
    result = tuple(findings)
    facts = collector.facts() if collector is not None else None
    return FileResult(path, result, facts, _excerpt(ctx.lines, result))
