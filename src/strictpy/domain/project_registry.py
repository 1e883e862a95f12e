"""The rules that run once per project: importable without libcst.

The project rules read the facts collected during the file pass, and the Ruff
pass reports under SP812 and SP813; none walks a tree. A run whose files a
worker checks imports only these in the main process (see
``adapters.preloaded_worker``); ``domain.registry`` adds the file rules.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.domain.rules.sp4_errors.exception_outside_hierarchy import (
    ExceptionOutsideHierarchy,
)
from strictpy.domain.rules.sp4_errors.incomplete_exception_module import (
    IncompleteExceptionModule,
)
from strictpy.domain.rules.sp4_errors.log_level_not_configurable import (
    LogLevelNotConfigurable,
)
from strictpy.domain.rules.sp4_errors.logging_not_json_dictconfig import (
    LoggingNotJsonDictconfig,
)
from strictpy.domain.rules.sp5_security.env_example_invalid import EnvExampleInvalid
from strictpy.domain.rules.sp5_security.env_example_out_of_sync import (
    EnvExampleOutOfSync,
)
from strictpy.domain.rules.sp5_security.env_file_committed import EnvFileCommitted
from strictpy.domain.rules.sp6_async.no_graceful_shutdown import NoGracefulShutdown
from strictpy.domain.rules.sp7_layout.missing_health_check import MissingHealthCheck
from strictpy.domain.rules.sp7_layout.missing_layer_package import MissingLayerPackage
from strictpy.domain.rules.sp7_layout.missing_migrations import MissingMigrations
from strictpy.domain.rules.sp7_layout.missing_package_module import MissingPackageModule
from strictpy.domain.rules.sp7_layout.missing_project_file import MissingProjectFile
from strictpy.domain.rules.sp7_layout.missing_test_scaffold import MissingTestScaffold
from strictpy.domain.rules.sp7_layout.module_without_tests import ModuleWithoutTests
from strictpy.domain.rules.sp7_layout.no_entry_point import NoEntryPoint
from strictpy.domain.rules.sp7_layout.not_src_layout import NotSrcLayout
from strictpy.domain.rules.sp7_layout.settings_not_pydantic import SettingsNotPydantic
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
from strictpy.domain.rules.sp8_pyproject.unused_dependency import UnusedDependency
from strictpy.domain.rules.sp9_containers.compose_app_not_built import (
    ComposeAppNotBuilt,
)
from strictpy.domain.rules.sp9_containers.compose_no_env_file import ComposeNoEnvFile
from strictpy.domain.rules.sp9_containers.compose_no_healthcheck import (
    ComposeNoHealthcheck,
)
from strictpy.domain.rules.sp9_containers.compose_no_network import ComposeNoNetwork
from strictpy.domain.rules.sp9_containers.compose_no_volume import ComposeNoVolume
from strictpy.domain.rules.sp9_containers.compose_unpinned_image import (
    ComposeUnpinnedImage,
)
from strictpy.domain.rules.sp9_containers.dockerignore_entries import (
    DockerignoreEntries,
)
from strictpy.domain.rules.sp9_containers.entrypoint_not_module import (
    EntrypointNotModule,
)
from strictpy.domain.rules.sp9_containers.gitignore_entries import GitignoreEntries
from strictpy.domain.rules.sp9_containers.no_frozen_sync import NoFrozenSync
from strictpy.domain.rules.sp9_containers.no_lint_gate import NoLintGate
from strictpy.domain.rules.sp9_containers.root_runtime import RootRuntime
from strictpy.domain.rules.sp9_containers.runtime_incomplete import RuntimeIncomplete
from strictpy.domain.rules.sp9_containers.secret_in_image import SecretInImage
from strictpy.domain.rules.sp9_containers.shell_form_command import ShellFormCommand
from strictpy.domain.rules.sp9_containers.single_stage_dockerfile import (
    SingleStageDockerfile,
)
from strictpy.domain.rules.sp9_containers.tests_in_build import TestsInBuild
from strictpy.domain.rules.sp9_containers.uv_not_from_official_image import (
    UvNotFromOfficialImage,
)
from strictpy.domain.rules.sp9_containers.wrong_builder_image import WrongBuilderImage
from strictpy.domain.rules.sp9_containers.wrong_runtime_image import WrongRuntimeImage

if TYPE_CHECKING:
    from strictpy.domain.rule import ProjectRule, Rule

__all__ = ["BY_CODE", "PROJECT_RULES", "RUFF_RULES"]

PROJECT_RULES: tuple[type[ProjectRule], ...] = tuple(
    sorted(
        (
            ExceptionOutsideHierarchy,
            IncompleteExceptionModule,
            LoggingNotJsonDictconfig,
            LogLevelNotConfigurable,
            EnvFileCommitted,
            EnvExampleInvalid,
            EnvExampleOutOfSync,
            NoGracefulShutdown,
            NotSrcLayout,
            MissingPackageModule,
            MissingLayerPackage,
            MissingTestScaffold,
            MissingProjectFile,
            SettingsNotPydantic,
            NoEntryPoint,
            ModuleWithoutTests,
            MissingMigrations,
            MissingHealthCheck,
            RuffConfigDrift,
            PytestConfigDrift,
            PythonVersion,
            ProjectMetadata,
            MissingCoreDependency,
            MissingDevDependency,
            StaleLockfile,
            UnusedDependency,
            ForeignDependencyManager,
            ForeignLinterConfig,
            SingleStageDockerfile,
            WrongBuilderImage,
            WrongRuntimeImage,
            UvNotFromOfficialImage,
            NoFrozenSync,
            NoLintGate,
            TestsInBuild,
            RootRuntime,
            ShellFormCommand,
            SecretInImage,
            RuntimeIncomplete,
            EntrypointNotModule,
            GitignoreEntries,
            DockerignoreEntries,
            ComposeAppNotBuilt,
            ComposeUnpinnedImage,
            ComposeNoHealthcheck,
            ComposeNoEnvFile,
            ComposeNoVolume,
            ComposeNoNetwork,
        ),
        key=lambda rule: rule.CODE,
    )
)
# The rules the Ruff pass reports under: ``ruff check`` (SP812), ``ruff format``
# (SP813).
RUFF_RULES: tuple[type[Rule], ...] = (
    RuffViolation,
    NotRuffFormatted,
)
BY_CODE: MappingProxyType[str, type[Rule]] = MappingProxyType(
    {rule.CODE: rule for rule in (*PROJECT_RULES, *RUFF_RULES)}
)
