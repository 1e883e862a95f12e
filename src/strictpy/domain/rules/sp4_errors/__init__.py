"""SP4 rules; registered in code order in RULES."""

from strictpy.domain.rules.sp4_errors.catch_broad_exception import (
    CatchBroadException,
)
from strictpy.domain.rules.sp4_errors.exception_outside_hierarchy import (
    ExceptionOutsideHierarchy,
)
from strictpy.domain.rules.sp4_errors.incomplete_exception_module import (
    IncompleteExceptionModule,
)
from strictpy.domain.rules.sp4_errors.log_level_not_configurable import (
    LogLevelNotConfigurable,
)
from strictpy.domain.rules.sp4_errors.logger_not_module_name import (
    LoggerNotModuleName,
)
from strictpy.domain.rules.sp4_errors.logging_not_json_dictconfig import (
    LoggingNotJsonDictconfig,
)
from strictpy.domain.rules.sp4_errors.print_call import PrintCall
from strictpy.domain.rules.sp4_errors.raise_broad_exception import RaiseBroadException
from strictpy.domain.rules.sp4_errors.sensitive_data_logged import SensitiveDataLogged
from strictpy.domain.rules.sp4_errors.swallowed_exception import SwallowedException

__all__ = ["RULES"]

RULES = (
    RaiseBroadException,
    CatchBroadException,
    SwallowedException,
    PrintCall,
    LoggerNotModuleName,
    ExceptionOutsideHierarchy,
    IncompleteExceptionModule,
    LoggingNotJsonDictconfig,
    LogLevelNotConfigurable,
    SensitiveDataLogged,
)
