"""SP504 env-file-committed: a ``.env`` file is tracked by git."""

from __future__ import annotations

from pathlib import PurePosixPath
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import ENV_FILE_NAME, ENV_FILE_TEMPLATES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["EnvFileCommitted", "is_env_file"]


def is_env_file(path: str) -> bool:
    """Tell whether a path is an environment file that must not be committed.

    Args:
        path: A project-relative path.

    Returns:
        True for ``.env``, ``*.env`` and ``.env.*`` files other than the
        templates (``.env.example``, ``.env.sample``, ``.env.template``).
    """
    name = PurePosixPath(path).name
    if name in ENV_FILE_TEMPLATES:
        return False
    return (
        name == ENV_FILE_NAME
        or name.endswith(ENV_FILE_NAME)
        or name.startswith(ENV_FILE_NAME + ".")
    )


class EnvFileCommitted(ProjectRule):
    """Flags a ``.env`` file (or ``*.env``, ``.env.*`` other than a template) that git tracks.

    Ruleset section 4.2: ``.env`` files hold real secrets and are listed in
    ``.gitignore``; only ``.env.example`` with placeholder values is
    committed. A file that was committed before the ignore entry existed stays
    tracked, so ``.gitignore`` alone does not help: it must be removed with
    ``git rm --cached``. The check reads git's index (``git ls-files``);
    outside a git work tree there is nothing committed and the rule is silent.
    """

    CODE = "SP504"
    NAME = "env-file-committed"
    MESSAGE = "Environment file '{file}' is tracked by git"
    FIX_HINT = "Run 'git rm --cached <file>', rotate its secrets, keep it ignored"
    RULESET_REF = "4.2"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({".env.example": "API_TOKEN=changeme\n"})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType({".env": "API_TOKEN=s3cr3t-value\n"}), path=".env"
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each tracked environment file.

        Args:
            ctx: The project.

        Yields:
            One finding per tracked file, in path order.
        """
        for path in sorted(ctx.tracked or ()):
            if is_env_file(path):
                yield self.finding(ctx, path, file=path)
