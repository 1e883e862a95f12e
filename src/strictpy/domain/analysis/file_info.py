"""What a file's path says about it: test or not, stub or not, its module name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

__all__ = ["FileInfo", "RuleOptions", "describe_file"]

LAYERS = frozenset({"domain", "services", "adapters", "api", "utils"})


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """The configuration values that rules read.

    Attributes:
        package: The project's import package, when known.
        max_methods: SP709's limit of methods per class.
        max_module_lines: SP709's limit of lines per module.
        declared_modules: Top-level modules the project may import beyond the
            standard library (its declared dependencies' modules and its own
            first-party packages), for SP809; None when unknown.
    """

    package: str | None = None
    max_methods: int = 20
    max_module_lines: int = 600
    declared_modules: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class FileInfo:
    """Facts derived from a file's project-relative path.

    Attributes:
        path: Path relative to the project root, ``/``-separated.
        module: Dotted module name parts (``src/`` stripped, ``__init__`` dropped).
        is_package: Whether the file is a package's ``__init__``.
        is_stub: Whether the file is a ``.pyi`` stub.
        is_test: Whether the file is test code.
        package: The project's import package, when known.
    """

    path: str
    module: tuple[str, ...]
    is_package: bool
    is_stub: bool
    is_test: bool
    package: str | None

    @property
    def in_package(self) -> bool:
        """Tell whether the file belongs to the project's import package.

        Returns:
            True for files under ``<pkg>``.
        """
        return bool(self.package) and self.module[:1] == (self.package,)

    @property
    def layer(self) -> str | None:
        """Return the package-level part the file belongs to.

        ``domain``, ``services``... for layer packages; ``config``,
        ``exceptions``, ``__main__``... for top-level modules; None outside ``<pkg>``.

        Returns:
            The first module part below ``<pkg>``, or None.
        """
        if not self.in_package or len(self.module) < 2:  # noqa: PLR2004 - pkg + part
            return None
        return self.module[1]


def describe_file(path: str, package: str | None) -> FileInfo:
    """Derive a file's facts from its project-relative path.

    Args:
        path: Path relative to the project root, ``/``-separated.
        package: The project's import package, when known.

    Returns:
        The file's facts.
    """
    pure = PurePosixPath(path)
    parts = list(pure.parts)
    if parts and parts[0] == "src":
        parts = parts[1:]
    stem = pure.name.rsplit(".", 1)[0]
    is_package = stem == "__init__"
    module = (*parts[:-1], stem) if parts else (stem,)
    if is_package:
        module = module[:-1]
    is_test = (
        "tests" in pure.parts[:-1]
        or "test" in pure.parts[:-1]
        or stem.startswith("test_")
        or stem.endswith("_test")
        or stem == "conftest"
    )
    return FileInfo(
        path=path,
        module=tuple(module),
        is_package=is_package,
        is_stub=pure.suffix == ".pyi",
        is_test=is_test,
        package=package,
    )
