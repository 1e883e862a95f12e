"""SP2: typing (ruleset 3.1)."""

from strictpy.domain.rules.sp2_typing.legacy_generic_alias import LegacyGenericAlias
from strictpy.domain.rules.sp2_typing.legacy_union import LegacyUnion
from strictpy.domain.rules.sp2_typing.missing_param_annotation import (
    MissingParamAnnotation,
)
from strictpy.domain.rules.sp2_typing.missing_return_annotation import (
    MissingReturnAnnotation,
)
from strictpy.domain.rules.sp2_typing.typing_abc_import import TypingAbcImport

__all__ = ["RULES"]

RULES = (
    MissingParamAnnotation,
    MissingReturnAnnotation,
    LegacyGenericAlias,
    LegacyUnion,
    TypingAbcImport,
)
