"""SP505 env-example-invalid: ``.env.example`` is missing, malformed or holds a secret."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.secret_names import is_secret_name

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["EnvExampleInvalid", "is_placeholder"]

ENV_EXAMPLE = ".env.example"
PLACEHOLDER_WORDS = frozenset(
    {"changeme", "change-me", "change_me", "placeholder", "dummy", "example"}
)
PLACEHOLDER_PATTERNS = (
    re.compile(r"^<[^>]*>$"),
    re.compile(r"^your[-_].*"),
    re.compile(r"^x{3,}$"),
    re.compile(r"^\*+$"),
    re.compile(r"^\$\{[^}]*\}$"),
    re.compile(r".*(example|changeme|change-me|placeholder).*"),
)


def is_placeholder(value: str) -> bool:
    """Tell whether a template value is an obvious placeholder.

    Args:
        value: The value, unquoted.

    Returns:
        True for empty values, ``changeme``, ``<...>``, ``your-...``, ``xxx``,
        ``***``, ``${OTHER}`` references and values containing ``example``.
    """
    text = value.strip().lower()
    if not text or text in PLACEHOLDER_WORDS:
        return True
    return any(pattern.match(text) for pattern in PLACEHOLDER_PATTERNS)


class EnvExampleInvalid(ProjectRule):
    """Flags a missing ``.env.example``, a malformed line, or a secret-like key with a real value.

    Ruleset section 4.2: only ``.env.example``, with placeholder values and no
    secrets, is committed; it documents every variable the application reads.
    A secret-like key (``DB_PASSWORD``, ``API_TOKEN``...) must hold an obvious
    placeholder: empty, ``changeme``, ``<...>``, ``your-...``, ``xxx`` or a value
    containing ``example``. A line that is not ``KEY=value`` (python-dotenv's
    grammar) is skipped by the loader, so the first such line is reported too
    (this is how a malformed file is reported: never as a crash).
    """

    CODE = "SP505"
    NAME = "env-example-invalid"
    MESSAGE = "{problem}"
    FIX_HINT = "Commit a .env.example with placeholder values such as 'changeme'"
    RULESET_REF = "4.2"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {ENV_EXAMPLE: "APP_DB_PASSWORD=changeme\nAPP_API_KEY=<your-key>\n"}
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {ENV_EXAMPLE: "APP_DEBUG=false\nAPP_DB_PASSWORD=hunter2\n"}
            ),
            path=ENV_EXAMPLE,
            line=2,
        ),
        ProjectInvalid(MappingProxyType({}), path=ENV_EXAMPLE),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a missing template, a malformed line and real secret values.

        Args:
            ctx: The project.

        Yields:
            The findings, in line order.
        """
        env = ctx.env_example
        if env is None:
            yield self.finding(ctx, ENV_EXAMPLE, problem=f"'{ENV_EXAMPLE}' is missing")
            return
        if env.malformed:
            count = len(env.malformed)
            more = f" ({count} such lines)" if count > 1 else ""
            yield self.finding(
                ctx,
                ENV_EXAMPLE,
                env.malformed[0],
                problem=f"Line is not KEY=value and is ignored by the loader{more}",
            )
        for entry in env.entries:
            if is_secret_name(entry.key) and not is_placeholder(entry.value):
                yield self.finding(
                    ctx,
                    ENV_EXAMPLE,
                    entry.line,
                    problem=f"Secret-like key '{entry.key}' has a real-looking value",
                )
