"""SP708 no-entry-point: ``__main__.py`` has no ``if __name__ == "__main__":`` call."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["NoEntryPoint"]

PACKAGE_INIT = "src/shop/__init__.py"
PACKAGE_DOC = '"""Shop."""\n'

MAIN_OK = '''"""Entry point."""
from shop.api.cli import main

if __name__ == "__main__":
    main()
'''


class NoEntryPoint(ProjectRule):
    """Flags a ``__main__.py`` without an ``if __name__ == "__main__":`` block calling a function.

    Ruleset section 2 requires ``__main__.py`` to implement a proper entry point
    for ``python -m <pkg>`` (the container's ``ENTRYPOINT``, section 9.1). Code
    at module level runs on any import of the module, tests included; the
    guard keeps importing harmless, and the call inside it is the one place
    the program starts. Silent when ``__main__.py`` does not exist (SP702).
    """

    CODE = "SP708"
    NAME = "no-entry-point"
    MESSAGE = "'{module}' {problem}"
    FIX_HINT = "End the module with 'if __name__ == \"__main__\":' calling main()"
    RULESET_REF = "2"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {PACKAGE_INIT: PACKAGE_DOC, "src/shop/__main__.py": MAIN_OK}
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    PACKAGE_INIT: PACKAGE_DOC,
                    "src/shop/__main__.py": (
                        '"""Entry point."""\nfrom shop.api.cli import main\n\nmain()\n'
                    ),
                }
            ),
            path="src/shop/__main__.py",
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a ``__main__.py`` without a guarded call.

        Args:
            ctx: The project.

        Yields:
            At most one finding.
        """
        path = ctx.package_path("__main__.py")
        facts = ctx.facts.get(path) if path is not None else None
        if path is None or facts is None:
            return
        if facts.main_calls is None:
            yield self.finding(
                ctx,
                path,
                module=path,
                problem="has no 'if __name__ == \"__main__\":' block",
            )
        elif not facts.main_calls:
            yield self.finding(
                ctx,
                path,
                module=path,
                problem="calls no function in its '__main__' block",
            )
