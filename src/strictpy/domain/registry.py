"""The rule registry: every rule class, in code order (strictpy's ``codes.rs``).

The file rules are listed here; the project rules and the rules of the Ruff
pass come from ``domain.project_registry``, which a process can import without
the file rules and libcst.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from strictpy.domain.project_registry import PROJECT_RULES, RUFF_RULES
from strictpy.domain.rules.sp0_engine.bad_suppression import BadSuppression
from strictpy.domain.rules.sp0_engine.parse_error import ParseError
from strictpy.domain.rules.sp0_engine.unused_suppression import UnusedSuppression
from strictpy.domain.rules.sp1_placeholders.ellipsis_body import EllipsisBody
from strictpy.domain.rules.sp1_placeholders.not_implemented import NotImplementedRule
from strictpy.domain.rules.sp1_placeholders.pass_statement import PassStatement
from strictpy.domain.rules.sp1_placeholders.placeholder_comment import (
    PlaceholderComment,
)
from strictpy.domain.rules.sp1_placeholders.todo_comment import TodoComment
from strictpy.domain.rules.sp2_typing.legacy_generic_alias import LegacyGenericAlias
from strictpy.domain.rules.sp2_typing.legacy_union import LegacyUnion
from strictpy.domain.rules.sp2_typing.missing_param_annotation import (
    MissingParamAnnotation,
)
from strictpy.domain.rules.sp2_typing.missing_return_annotation import (
    MissingReturnAnnotation,
)
from strictpy.domain.rules.sp2_typing.typing_abc_import import TypingAbcImport
from strictpy.domain.rules.sp3_docstrings.bad_summary_line import BadSummaryLine
from strictpy.domain.rules.sp3_docstrings.missing_class_docstring import (
    MissingClassDocstring,
)
from strictpy.domain.rules.sp3_docstrings.missing_function_docstring import (
    MissingFunctionDocstring,
)
from strictpy.domain.rules.sp3_docstrings.missing_returns_section import (
    MissingReturnsSection,
)
from strictpy.domain.rules.sp3_docstrings.non_english_text import NonEnglishText
from strictpy.domain.rules.sp3_docstrings.section_order import SectionOrder
from strictpy.domain.rules.sp3_docstrings.spurious_returns_section import (
    SpuriousReturnsSection,
)
from strictpy.domain.rules.sp3_docstrings.undocumented_param import UndocumentedParam
from strictpy.domain.rules.sp3_docstrings.undocumented_raise import UndocumentedRaise
from strictpy.domain.rules.sp3_docstrings.unknown_documented_param import (
    UnknownDocumentedParam,
)
from strictpy.domain.rules.sp4_errors.catch_broad_exception import CatchBroadException
from strictpy.domain.rules.sp4_errors.logger_not_module_name import LoggerNotModuleName
from strictpy.domain.rules.sp4_errors.print_call import PrintCall
from strictpy.domain.rules.sp4_errors.raise_broad_exception import RaiseBroadException
from strictpy.domain.rules.sp4_errors.sensitive_data_logged import SensitiveDataLogged
from strictpy.domain.rules.sp4_errors.swallowed_exception import SwallowedException
from strictpy.domain.rules.sp5_security.env_read_outside_config import (
    EnvReadOutsideConfig,
)
from strictpy.domain.rules.sp5_security.error_details_exposed import ErrorDetailsExposed
from strictpy.domain.rules.sp5_security.hardcoded_secret import HardcodedSecret
from strictpy.domain.rules.sp5_security.sql_string_building import SqlStringBuilding
from strictpy.domain.rules.sp6_async.blocking_call_in_async import BlockingCallInAsync
from strictpy.domain.rules.sp6_async.custom_event_loop_policy import (
    CustomEventLoopPolicy,
)
from strictpy.domain.rules.sp6_async.global_mutable_state import GlobalMutableState
from strictpy.domain.rules.sp6_async.non_aiohttp_http_client import NonAiohttpHttpClient
from strictpy.domain.rules.sp6_async.sync_orm_in_async import SyncOrmInAsync
from strictpy.domain.rules.sp7_layout.engine_without_pool_settings import (
    EngineWithoutPoolSettings,
)
from strictpy.domain.rules.sp7_layout.god_object import GodObject
from strictpy.domain.rules.sp7_layout.layer_violation import LayerViolation
from strictpy.domain.rules.sp7_layout.orm_outside_adapters import OrmOutsideAdapters
from strictpy.domain.rules.sp7_layout.unmarked_integration_test import (
    UnmarkedIntegrationTest,
)
from strictpy.domain.rules.sp8_pyproject.undeclared_dependency import (
    UndeclaredDependency,
)

if TYPE_CHECKING:
    from strictpy.domain.file_rule import FileRule
    from strictpy.domain.rule import Rule

__all__ = ["BY_CODE", "CODES", "FILE_RULES", "PROJECT_RULES", "RULES"]

FILE_RULES: tuple[type[FileRule], ...] = tuple(
    sorted(
        (
            ParseError,
            BadSuppression,
            UnusedSuppression,
            TodoComment,
            PassStatement,
            EllipsisBody,
            PlaceholderComment,
            NotImplementedRule,
            MissingParamAnnotation,
            MissingReturnAnnotation,
            LegacyGenericAlias,
            LegacyUnion,
            TypingAbcImport,
            MissingFunctionDocstring,
            MissingClassDocstring,
            BadSummaryLine,
            UndocumentedParam,
            UnknownDocumentedParam,
            MissingReturnsSection,
            UndocumentedRaise,
            SectionOrder,
            NonEnglishText,
            SpuriousReturnsSection,
            RaiseBroadException,
            CatchBroadException,
            SwallowedException,
            PrintCall,
            LoggerNotModuleName,
            SensitiveDataLogged,
            HardcodedSecret,
            SqlStringBuilding,
            ErrorDetailsExposed,
            EnvReadOutsideConfig,
            BlockingCallInAsync,
            NonAiohttpHttpClient,
            CustomEventLoopPolicy,
            GlobalMutableState,
            SyncOrmInAsync,
            LayerViolation,
            GodObject,
            UnmarkedIntegrationTest,
            OrmOutsideAdapters,
            EngineWithoutPoolSettings,
            UndeclaredDependency,
        ),
        key=lambda rule: rule.CODE,
    )
)
RULES: tuple[type[Rule], ...] = tuple(
    sorted((*FILE_RULES, *PROJECT_RULES, *RUFF_RULES), key=lambda rule: rule.CODE)
)
BY_CODE: MappingProxyType[str, type[Rule]] = MappingProxyType(
    {rule.CODE: rule for rule in RULES}
)
CODES: tuple[str, ...] = tuple(BY_CODE)
