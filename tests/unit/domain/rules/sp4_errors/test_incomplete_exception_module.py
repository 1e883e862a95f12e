"""Tests for SP407 incomplete-exception-module."""

from __future__ import annotations

from strictpy.domain.ruleset_data import EXCEPTION_HIERARCHY
from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP407"
PATH = "src/shop/exceptions.py"


def _module(pairs: tuple[tuple[str, str], ...]) -> str:
    """Write an exceptions module with the given (class, base) pairs.

    Args:
        pairs: Classes and their bases.

    Returns:
        The module text.
    """
    body = "".join(
        f'\n\nclass {name}({base}):\n    """{name}."""\n' for name, base in pairs
    )
    return '"""Errors."""\n' + body


def test_complete_hierarchy_with_extras() -> None:
    """The five classes (plus more) satisfy the rule."""
    text = _module((*EXCEPTION_HIERARCHY, ("PaymentError", "ExternalServiceError")))
    assert locations(CODE, {PATH: text}) == []


def test_missing_classes_reported_without_line() -> None:
    """Each missing class is one finding with no line."""
    text = _module(EXCEPTION_HIERARCHY[:2])
    found = findings_of(CODE, {PATH: text})
    assert [(f.path, f.line) for f in found] == [(PATH, None)] * 3
    assert {f.message.split("'class ")[1] for f in found} == {
        "NotFoundError(AppError)'",
        "ExternalServiceError(AppError)'",
        "ConfigurationError(AppError)'",
    }


def test_wrong_base_reported_at_class() -> None:
    """ValidationError(ValueError) and AppError(BaseException) are wrong."""
    pairs = list(EXCEPTION_HIERARCHY)
    pairs[0] = ("AppError", "BaseException")
    pairs[1] = ("ValidationError", "ValueError")
    assert locations(CODE, {PATH: _module(tuple(pairs))}) == [(PATH, 4), (PATH, 8)]


def test_imported_app_error_base_is_not_this_module() -> None:
    """A base imported from elsewhere is not this module's AppError."""
    text = (
        _module(EXCEPTION_HIERARCHY)
        .replace(
            '"""Errors."""\n', '"""Errors."""\nfrom other import AppError as Base\n'
        )
        .replace("class NotFoundError(AppError)", "class NotFoundError(Base)")
    )
    assert locations(CODE, {PATH: text}) == [(PATH, 13)]


def test_missing_module_is_silent() -> None:
    """No exceptions.py: SP702's business."""
    assert locations(CODE, {"src/shop/__init__.py": ""}) == []
