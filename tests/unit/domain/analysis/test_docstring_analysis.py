"""Tests for the per-file docstring analysis and its helpers."""

from __future__ import annotations

import libcst as cst
import pytest

from strictpy.domain.analysis.context import FileContext
from strictpy.domain.analysis.docstring_analysis import (
    DocstringAnalysis,
    docstring_value,
    is_abstract,
    is_overload,
    is_property,
    is_stub_body,
    raised_name,
    returns_none,
)
from strictpy.domain.analysis.file_info import RuleOptions, describe_file
from strictpy.domain.analysis.walker import Visitor, build_dispatch, leaves, walk


class _Recorder(Visitor):
    """Copies each function's facts when the walk leaves the function."""

    def __init__(self, analysis: DocstringAnalysis) -> None:
        """Record through an analysis.

        Args:
            analysis: The analysis whose facts are recorded.
        """
        self.analysis = analysis
        self.facts: dict[str, tuple[bool, bool, list[str], set[str]]] = {}

    @leaves(cst.FunctionDef)
    def record(self, node: cst.FunctionDef) -> None:
        """Copy the facts of the function being left.

        Args:
            node: The function.
        """
        facts = self.analysis.current
        assert facts is not None
        assert facts.node is node
        self.facts[node.name.value] = (
            facts.returns_value,
            facts.yields,
            [name for name, _ in facts.raised],
            set(facts.caught),
        )


def _context(source: str) -> FileContext:
    """Build a file context for a source text.

    Args:
        source: Python source.

    Returns:
        The context.
    """
    module = cst.parse_module(source)
    info = describe_file("src/app/example.py", "app")
    return FileContext(info, RuleOptions(package="app"), module, source)


def _facts(source: str) -> dict[str, tuple[bool, bool, list[str], set[str]]]:
    """Walk a source with the analysis and return every function's facts.

    Args:
        source: Python source.

    Returns:
        Function name to (returns a value, yields, raised names, caught names).
    """
    ctx = _context(source)
    analysis = DocstringAnalysis(ctx)
    recorder = _Recorder(analysis)
    walk(ctx.module, build_dispatch([analysis, recorder]), ctx.ancestors)
    return recorder.facts


def _function(source: str) -> cst.FunctionDef:
    """Return the first statement of a source, a function.

    Args:
        source: Python source starting with a ``def``.

    Returns:
        The function node.
    """
    statement = cst.parse_module(source).body[0]
    assert isinstance(statement, cst.FunctionDef)
    return statement


def test_return_values() -> None:
    """``return`` and ``return None`` give no value; other returns do."""
    facts = _facts(
        "def a():\n    return\n"
        "def b():\n    return None\n"
        "def c():\n    return 0\n"
        "def d():\n    if x:\n        return\n    return [\n        1,\n    ]\n"
    )
    assert {name: value[0] for name, value in facts.items()} == {
        "a": False,
        "b": False,
        "c": True,
        "d": True,
    }


def test_nested_scopes_keep_their_own_facts() -> None:
    """Nested functions, classes and lambdas do not leak into the outer function."""
    facts = _facts(
        "def outer():\n"
        "    def inner():\n        yield 1\n        return 2\n"
        "    class Local:\n        raise KeyError\n"
        "        def method(self):\n            raise OSError\n"
        "    key = lambda: (yield)\n"
        "    raise ValueError\n"
    )
    assert facts["outer"] == (False, False, ["ValueError"], set())
    assert facts["inner"] == (True, True, [], set())
    assert facts["method"] == (False, False, ["OSError"], set())


def test_generators_and_async_generators() -> None:
    """``yield`` and ``yield from`` make generators, async ones too."""
    facts = _facts(
        "def a():\n    yield\n"
        "def b():\n    yield from c()\n"
        "async def d():\n    yield 1\n"
        "def e():\n    return (x for x in y)\n"
    )
    assert [facts[name][1] for name in "abde"] == [True, True, True, False]


def test_raises_and_caught_names() -> None:
    """Raised names are recorded as written; bare raises are not recorded."""
    facts = _facts(
        "def f():\n"
        "    try:\n        g()\n"
        "    except KeyError as error:\n        raise error\n"
        "    try:\n        g()\n"
        "    except* OSError as group:\n        raise\n"
        "    raise errors.NotFound('x') from None\n"
    )
    assert facts["f"] == (
        False,
        False,
        ["error", "errors.NotFound"],
        {"error", "group"},
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("ValueError", "ValueError"),
        ("ValueError('x')", "ValueError"),
        ("errors.NotFound(key)", "errors.NotFound"),
        ("Error('x').with_traceback(tb)", "Error"),
        ("make()()", "make"),
        ("errors[0]", None),
    ],
)
def test_raised_name(source: str, expected: str | None) -> None:
    """The exception's name is read through calls and ``with_traceback``.

    Args:
        source: The expression after ``raise``.
        expected: The name read.
    """
    assert raised_name(cst.parse_expression(source)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f():\n    '''Doc.'''\n", True),
        ("def f():\n    '''Doc.'''\n    ...\n", True),
        ("def f(): ...\n", True),
        ("def f():\n    pass\n", True),
        ("def f():\n    '''Doc.'''\n    return 1\n", False),
        ("def f():\n    if x:\n        pass\n", False),
    ],
)
def test_is_stub_body(source: str, *, expected: bool) -> None:
    """A body of docstrings, ``...`` and ``pass`` only is a stub.

    Args:
        source: The function.
        expected: Whether it is a stub.
    """
    assert is_stub_body(_function(source)) is expected


def test_decorator_and_annotation_helpers() -> None:
    """Overloads, properties, abstract methods and ``-> None`` are recognised."""
    overload = _function("@typing.overload\ndef f() -> None: ...\n")
    prop = _function("@functools.cached_property\ndef f(self) -> int: ...\n")
    abstract = _function("@abc.abstractmethod\ndef f(self) -> 'None': ...\n")
    assert is_overload(overload)
    assert not is_overload(prop)
    assert is_property(prop)
    assert is_abstract(abstract)
    assert returns_none(overload)
    assert not returns_none(prop)
    assert not returns_none(abstract)


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ('"""Plain."""', "Plain."),
        ('r"""Raw \\d."""', "Raw \\d."),
        ('"""Tab\\tescape."""', "Tab\tescape."),
        ('"""caf\\u00e9."""', "caf\u00e9."),
        ("b'''Bytes.'''", None),
        ('"Con" "cat."', "Concat."),
    ],
)
def test_docstring_value(literal: str, expected: str | None) -> None:
    """Plain docstrings skip evaluation; escapes and concatenations evaluate.

    Args:
        literal: The docstring literal's source.
        expected: Its value.
    """
    node = cst.parse_expression(literal)
    assert isinstance(node, (cst.SimpleString, cst.ConcatenatedString))
    assert docstring_value(node) == expected


def test_docstring_is_parsed_once_and_cached() -> None:
    """Asking twice gives the same parse; missing docstrings are cached too."""
    ctx = _context("def f():\n    '''Doc.'''\n\ndef g():\n    f'''No.'''\n")
    analysis = DocstringAnalysis(ctx)
    first, second = ctx.module.body
    assert isinstance(first, cst.FunctionDef)
    assert isinstance(second, cst.FunctionDef)
    found = analysis.docstring(first)
    assert found is not None
    assert found.parsed.summary == "Doc."
    assert analysis.docstring(first) is found
    assert analysis.docstring(second) is None
    assert analysis.current is None
