"""SP5 rules; registered in code order in RULES."""

from strictpy.domain.rules.sp5_security.env_example_invalid import EnvExampleInvalid
from strictpy.domain.rules.sp5_security.env_example_out_of_sync import (
    EnvExampleOutOfSync,
)
from strictpy.domain.rules.sp5_security.env_file_committed import EnvFileCommitted
from strictpy.domain.rules.sp5_security.env_read_outside_config import (
    EnvReadOutsideConfig,
)
from strictpy.domain.rules.sp5_security.error_details_exposed import (
    ErrorDetailsExposed,
)
from strictpy.domain.rules.sp5_security.hardcoded_secret import HardcodedSecret
from strictpy.domain.rules.sp5_security.sql_string_building import SqlStringBuilding

__all__ = ["RULES"]

RULES = (
    HardcodedSecret,
    SqlStringBuilding,
    ErrorDetailsExposed,
    EnvFileCommitted,
    EnvExampleInvalid,
    EnvReadOutsideConfig,
    EnvExampleOutOfSync,
)
