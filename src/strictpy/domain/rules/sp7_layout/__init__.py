"""SP7 rules; registered in code order in RULES."""

from strictpy.domain.rules.sp7_layout.engine_without_pool_settings import (
    EngineWithoutPoolSettings,
)
from strictpy.domain.rules.sp7_layout.god_object import GodObject
from strictpy.domain.rules.sp7_layout.layer_violation import LayerViolation
from strictpy.domain.rules.sp7_layout.missing_health_check import MissingHealthCheck
from strictpy.domain.rules.sp7_layout.missing_layer_package import MissingLayerPackage
from strictpy.domain.rules.sp7_layout.missing_migrations import MissingMigrations
from strictpy.domain.rules.sp7_layout.missing_package_module import MissingPackageModule
from strictpy.domain.rules.sp7_layout.missing_project_file import MissingProjectFile
from strictpy.domain.rules.sp7_layout.missing_test_scaffold import MissingTestScaffold
from strictpy.domain.rules.sp7_layout.module_without_tests import ModuleWithoutTests
from strictpy.domain.rules.sp7_layout.no_entry_point import NoEntryPoint
from strictpy.domain.rules.sp7_layout.not_src_layout import NotSrcLayout
from strictpy.domain.rules.sp7_layout.orm_outside_adapters import OrmOutsideAdapters
from strictpy.domain.rules.sp7_layout.settings_not_pydantic import SettingsNotPydantic
from strictpy.domain.rules.sp7_layout.unmarked_integration_test import (
    UnmarkedIntegrationTest,
)

__all__ = ["RULES"]

RULES = (
    NotSrcLayout,
    MissingPackageModule,
    MissingLayerPackage,
    MissingTestScaffold,
    MissingProjectFile,
    LayerViolation,
    SettingsNotPydantic,
    NoEntryPoint,
    GodObject,
    ModuleWithoutTests,
    UnmarkedIntegrationTest,
    OrmOutsideAdapters,
    MissingMigrations,
    EngineWithoutPoolSettings,
    MissingHealthCheck,
)
