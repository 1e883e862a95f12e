"""SP000 findings for container inputs that cannot be parsed.

A Dockerfile that BuildKit rejects, a compose file that is not YAML, or an
ignore file holding binary garbage is reported once, as the engine's
``SP000`` (parse-error), by the audit itself rather than by any SP9 rule: so
the finding appears exactly once per bad file whichever SP9 rules are
selected (none included), as long as ``SP000`` is selected. The SP9 rules
simply skip an input that did not parse, and the rest of the audit goes on.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext
    from strictpy.domain.rule import Rule

__all__ = ["container_parse_errors"]


def container_parse_errors(ctx: ProjectContext) -> tuple[Finding, ...]:
    """Return one SP000 finding per container input that could not be parsed.

    Args:
        ctx: The project context.

    Returns:
        The findings, each with the parser's message and line.
    """
    problems = ctx.containers.problems
    if not problems:
        return ()
    # SP000 is a file rule, which imports libcst: only for a bad input, so that
    # the project pass stays free of it (see ``domain.project_registry``).
    module = importlib.import_module("strictpy.domain.rules.sp0_engine.parse_error")
    parse_error = cast("type[Rule]", module.ParseError)
    return tuple(
        ctx.make_finding(
            parse_error, problem.path, problem.line, {"reason": problem.reason}
        )
        for problem in problems
    )
