"""SP8 rules; registered in code order in RULES."""

from strictpy.domain.rules.sp8_pyproject.foreign_dependency_manager import (
    ForeignDependencyManager,
)
from strictpy.domain.rules.sp8_pyproject.foreign_linter_config import (
    ForeignLinterConfig,
)
from strictpy.domain.rules.sp8_pyproject.missing_core_dependency import (
    MissingCoreDependency,
)
from strictpy.domain.rules.sp8_pyproject.missing_dev_dependency import (
    MissingDevDependency,
)
from strictpy.domain.rules.sp8_pyproject.not_ruff_formatted import NotRuffFormatted
from strictpy.domain.rules.sp8_pyproject.project_metadata import ProjectMetadata
from strictpy.domain.rules.sp8_pyproject.pytest_config_drift import PytestConfigDrift
from strictpy.domain.rules.sp8_pyproject.python_version import PythonVersion
from strictpy.domain.rules.sp8_pyproject.ruff_config_drift import RuffConfigDrift
from strictpy.domain.rules.sp8_pyproject.ruff_violation import RuffViolation
from strictpy.domain.rules.sp8_pyproject.stale_lockfile import StaleLockfile
from strictpy.domain.rules.sp8_pyproject.undeclared_dependency import (
    UndeclaredDependency,
)
from strictpy.domain.rules.sp8_pyproject.unused_dependency import UnusedDependency

__all__ = ["RULES"]

RULES = (
    RuffConfigDrift,
    PytestConfigDrift,
    PythonVersion,
    ProjectMetadata,
    MissingCoreDependency,
    MissingDevDependency,
    StaleLockfile,
    UnusedDependency,
    UndeclaredDependency,
    ForeignDependencyManager,
    ForeignLinterConfig,
    RuffViolation,
    NotRuffFormatted,
)
