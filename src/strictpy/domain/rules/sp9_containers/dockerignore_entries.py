"""SP921 dockerignore-entries: ``.dockerignore`` lacks an entry of ruleset section 9.4."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_dockerignore
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.fixes.ignore_file_fixes import MARKER
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import DOCKERIGNORE_ENTRIES, DOCKERIGNORE_NAME

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["DockerignoreEntries"]

_WITHOUT_ENV = (
    "\n".join(entry for entry in DOCKERIGNORE_ENTRIES if entry != ".env") + "\n"
)


class DockerignoreEntries(ProjectRule):
    """Flags each entry of ruleset section 9.4 that ``.dockerignore`` lacks.

    Ruleset section 9.4 lists what the Docker build context must leave out
    (``.git``, virtual environments, caches, tests, docs, ``.env``), and
    sections 4.2 and 4.6 keep ``.env`` out of image layers. Docker's pattern
    rules apply: ``/.venv``, ``.venv/`` and ``**/.venv`` cover ``.venv``. An
    exception narrower than the entry keeps it present, so ``*.md`` followed
    by ``!README.md`` (which a pyproject with ``readme = "README.md"`` needs
    in the build context) still lists ``*.md``; ``!.env`` after ``.env``
    removes it. One finding per missing entry, on ``.dockerignore`` without a
    line. A missing ``.dockerignore`` is SP705's finding.
    """

    CODE = "SP921"
    NAME = "dockerignore-entries"
    MESSAGE = "'.dockerignore' lacks the entry '{entry}'"
    FIX_HINT = "Add the entry to .dockerignore (--fix appends every missing entry)"
    RULESET_REF = "9.4"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({DOCKERIGNORE_NAME: compliant_dockerignore()})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType({DOCKERIGNORE_NAME: _WITHOUT_ENV}),
            path=DOCKERIGNORE_NAME,
            line=None,
            expected_files=MappingProxyType(
                {DOCKERIGNORE_NAME: f"{_WITHOUT_ENV}\n{MARKER}\n.env\n"}
            ),
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each required entry the ``.dockerignore`` lacks.

        Args:
            ctx: The project context.

        Yields:
            One finding per missing entry.
        """
        ignore = ctx.containers.ignore_files.get(DOCKERIGNORE_NAME)
        if ignore is None:
            return
        for entry in ignore.missing(DOCKERIGNORE_ENTRIES):
            yield self.finding(ctx, DOCKERIGNORE_NAME, None, entry=entry)
