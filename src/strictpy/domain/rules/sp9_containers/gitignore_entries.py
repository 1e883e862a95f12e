"""SP920 gitignore-entries: ``.gitignore`` lacks an entry of ruleset section 9.4."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.containers.compliant_files import compliant_gitignore
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.fixes.ignore_file_fixes import MARKER
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import GITIGNORE_ENTRIES, GITIGNORE_NAME

if TYPE_CHECKING:
    from collections.abc import Iterator

    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["GitignoreEntries"]

_WITHOUT_ENV = "\n".join(entry for entry in GITIGNORE_ENTRIES if entry != ".env") + "\n"


class GitignoreEntries(ProjectRule):
    """Flags each entry of ruleset section 9.4 that ``.gitignore`` lacks.

    Ruleset section 9.4 lists what ``.gitignore`` must ignore (caches,
    virtual environments, build output, editor files, ``.env``), and 4.2
    keeps ``.env`` out of version control. An entry counts as present when a
    line ignores at least as much, written in any equivalent way
    (``/.venv/``, ``**/.venv/`` or ``.venv`` cover ``.venv/``; ``*.py[cod]``
    covers ``*.pyc``), unless a later ``!`` line re-includes all of it. The
    ruleset also lists ``uv.lock`` although section 9.4 requires the lock file
    to be committed: keep the entry and track the file anyway with
    ``git add -f uv.lock`` (git keeps tracking a file once it is added). One
    finding per missing entry, on ``.gitignore`` without a line. A missing
    ``.gitignore`` is SP705's finding.
    """

    CODE = "SP920"
    NAME = "gitignore-entries"
    MESSAGE = "'.gitignore' lacks the entry '{entry}'"
    FIX_HINT = "Add the entry to .gitignore (--fix appends every missing entry)"
    RULESET_REF = "9.4"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(MappingProxyType({GITIGNORE_NAME: compliant_gitignore()})),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType({GITIGNORE_NAME: _WITHOUT_ENV}),
            path=GITIGNORE_NAME,
            line=None,
            expected_files=MappingProxyType(
                {GITIGNORE_NAME: f"{_WITHOUT_ENV}\n{MARKER}\n.env\n"}
            ),
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report each required entry the ``.gitignore`` lacks.

        Args:
            ctx: The project context.

        Yields:
            One finding per missing entry.
        """
        ignore = ctx.containers.ignore_files.get(GITIGNORE_NAME)
        if ignore is None:
            return
        for entry in ignore.missing(GITIGNORE_ENTRIES):
            yield self.finding(ctx, GITIGNORE_NAME, None, entry=entry)
