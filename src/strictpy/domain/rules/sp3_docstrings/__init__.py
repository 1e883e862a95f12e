"""SP3: docstrings (ruleset 3.2 and 3.4); registered in code order in RULES."""

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

__all__ = ["RULES"]

RULES = (
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
)
