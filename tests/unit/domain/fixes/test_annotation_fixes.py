"""Tests for SP202's fix: ``-> None`` only where the body proves it."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.fixes.annotation_fixes import returns_nothing, with_none_return
from tests.unit.domain.fixes.fix_helpers import fix_source

CODES = frozenset({"SP202"})
HEAD = '"""M."""\n\n\n'


def _function(source: str) -> cst.FunctionDef:
    """Parse the first function of a source.

    Args:
        source: Python source starting with a ``def``.

    Returns:
        The function.
    """
    node = cst.parse_module(source).body[0]
    assert isinstance(node, cst.FunctionDef)
    return node


def test_functions_without_value_get_none() -> None:
    """No ``return <value>``: ``-> None``; a nested function's return does not count."""
    source = HEAD + (
        "def outer(x: int):\n"
        '    """O."""\n\n'
        "    def inner() -> int:\n"
        '        """I."""\n'
        "        return x\n\n"
        "    inner()\n"
        "    return None\n"
    )
    fixed = fix_source(source, codes=CODES)
    assert fixed == source.replace("def outer(x: int):", "def outer(x: int) -> None:")


def test_values_and_generators_are_left_alone() -> None:
    """A value or a ``yield`` means another return type: no fix."""
    source = HEAD + (
        'def value():\n    """V."""\n    return 1\n\n\n'
        'def numbers():\n    """N."""\n    yield 1\n'
    )
    assert fix_source(source, codes=CODES) is None


def test_stubs_are_left_alone_but_init_is_fixed() -> None:
    """Interfaces (abstract, docstring-only) keep their finding; ``__init__`` does not."""
    source = HEAD + (
        "class Shape:\n"
        '    """S."""\n\n'
        "    @abstractmethod\n"
        "    def area(self):\n"
        '        """A."""\n\n'
        "    def name(self):\n"
        '        """N."""\n'
        "        raise NotImplementedError\n\n"
        "    def __init__(self):\n"
        '        """I."""\n'
    )
    fixed = fix_source(source, codes=CODES)
    assert fixed == source.replace("def __init__(self):", "def __init__(self) -> None:")


def test_returns_nothing_and_with_none_return() -> None:
    """The predicate reads the body; the change writes ``-> None``."""
    plain = _function('def f():\n    """F."""\n    x = 1\n')
    assert returns_nothing(plain, returns_value=False, yields=False)
    assert not returns_nothing(plain, returns_value=True, yields=False)
    assert not returns_nothing(plain, returns_value=False, yields=True)
    overload = _function('@typing.overload\ndef f(x: int):\n    """F."""\n    ...\n')
    assert not returns_nothing(overload, returns_value=False, yields=False)
    one_line = _function("def f(): ...\n")
    assert not returns_nothing(one_line, returns_value=False, yields=False)
    annotated = with_none_return(plain)
    assert cst.Module(body=[annotated]).code.startswith("def f() -> None:")
    assert not returns_nothing(annotated, returns_value=False, yields=False)
