"""Tests for SP406 exception-outside-hierarchy."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP406"
EXCEPTIONS = (
    '"""Errors."""\n\n\nclass AppError(Exception):\n    """Base."""\n\n\n'
    'class NotFoundError(AppError):\n    """Missing."""\n'
)


def _module(body: str) -> str:
    """Wrap class definitions in a module with a docstring.

    Args:
        body: The module body.

    Returns:
        The module text.
    """
    return '"""Module."""\n' + body


def test_hierarchy_is_silent() -> None:
    """AppError(Exception) and subclasses through imports are fine."""
    files = {
        "src/shop/exceptions.py": EXCEPTIONS,
        "src/shop/services/orders.py": _module(
            "from shop.exceptions import NotFoundError\n\n\n"
            'class OrderMissing(NotFoundError):\n    """Missing order."""\n'
        ),
    }
    assert locations(CODE, files) == []


def test_builtin_bases_reported_at_class_line() -> None:
    """Exception, ValueError, KeyboardInterrupt, StopIteration subclasses."""
    body = (
        "\n\nclass A(Exception):\n    pass\n\n\n"
        "@decorator\nclass B(ValueError):\n    pass\n\n\n"
        "class C(StopIteration):\n    pass\n\n\n"
        "def f() -> None:\n    class D(KeyboardInterrupt):\n        pass\n"
    )
    files = {
        "src/shop/exceptions.py": EXCEPTIONS,
        "src/shop/domain/x.py": _module(body),
    }
    assert locations(CODE, files) == [
        ("src/shop/domain/x.py", 4),
        ("src/shop/domain/x.py", 9),
        ("src/shop/domain/x.py", 13),
        ("src/shop/domain/x.py", 18),
    ]


def test_mixin_with_app_error_is_inside_hierarchy() -> None:
    """class InvalidInput(AppError, ValueError) derives from AppError."""
    files = {
        "src/shop/exceptions.py": EXCEPTIONS
        + '\n\nclass InvalidInput(NotFoundError, ValueError):\n    """Bad."""\n',
    }
    assert locations(CODE, files) == []


def test_app_error_elsewhere_is_not_the_root() -> None:
    """An AppError outside exceptions.py is just another class."""
    files = {
        "src/shop/exceptions.py": EXCEPTIONS,
        "src/shop/utils/errors.py": _module(
            '\n\nclass AppError(Exception):\n    """X."""\n'
        ),
    }
    (finding,) = findings_of(CODE, files)
    assert (finding.path, finding.line) == ("src/shop/utils/errors.py", 4)
    assert "'AppError'" in finding.message
    assert "'Exception'" in finding.message


def test_shadowed_builtin_and_tests_are_ignored() -> None:
    """A local class named ValueError is not the builtin; tests are exempt."""
    files = {
        "src/shop/exceptions.py": EXCEPTIONS,
        "src/shop/domain/x.py": _module(
            '\n\nclass ValueError:  # noqa: A001\n    """Shadow."""\n\n\n'
            'class Y(ValueError):\n    """Not an exception."""\n'
        ),
        "tests/unit/test_x.py": _module('\n\nclass Boom(Exception):\n    """T."""\n'),
    }
    assert locations(CODE, files) == []


def test_warning_categories_are_not_errors() -> None:
    """A DeprecationWarning subclass is issued, not raised."""
    body = '\n\nclass OldApi(DeprecationWarning):\n    """Deprecated."""\n'
    assert locations(CODE, {"src/shop/api/compat.py": _module(body)}) == []


def test_scripts_are_checked() -> None:
    """Non-test code outside the package counts too."""
    files = {
        "scripts/seed.py": _module('\n\nclass SeedError(RuntimeError):\n    """S."""\n')
    }
    assert locations(CODE, files) == [("scripts/seed.py", 4)]
