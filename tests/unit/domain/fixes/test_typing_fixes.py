"""Tests for SP203-SP205's expression fixes: modern spellings, aliases, strings."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.fixes.typing_fixes import dotted_expression, leftmost_name
from tests.unit.domain.fixes.fix_helpers import fix_source

TYPING = frozenset({"SP203", "SP204", "SP205"})
HEAD = '"""M."""\n\n'


def _fixed(body: str) -> str | None:
    """Fix a module made of the header docstring and a body.

    Args:
        body: The module's code after its docstring.

    Returns:
        The fixed body (docstring removed), or None when nothing changes.
    """
    fixed = fix_source(HEAD + body, codes=TYPING)
    return None if fixed is None else fixed.removeprefix(HEAD)


def test_unions_become_bit_or() -> None:
    """``Optional``/``Union`` nest and flatten into ``|``."""
    assert _fixed(
        "from typing import Optional, Union\n\n"
        "X: Optional[Union[int, str]] = None\nY: Union[int] = 1\n"
    ) == ("X: int | str | None = None\nY: int = 1\n")


def test_aliases_are_followed() -> None:
    """``import typing as t`` and ``Optional as Opt`` are both seen through."""
    assert _fixed(
        "import typing as t\nfrom typing import Optional as Opt\n\n"
        "X: Opt[t.Dict[str, t.Tuple[int, ...]]] = None\n"
    ) == ("X: dict[str, tuple[int, ...]] | None = None\n")


def test_parentheses_where_needed() -> None:
    """A union used as an operand keeps its meaning with parentheses."""
    assert _fixed(
        "from typing import Optional, Union\n\n"
        "ARGS = Optional[int].__args__\nBOTH = Union[int, lambda: 1]\n"
    ) == ("ARGS = (int | None).__args__\nBOTH = int | (lambda: 1)\n")


def test_quoted_annotations_are_rewritten_inside() -> None:
    """Names inside a string annotation are fixed in the string."""
    assert _fixed(
        "from typing import Dict, Optional\n\n\n"
        'def f(x: "Optional[Dict[str, int]]") -> None:\n    """F."""\n'
    ) == ('\ndef f(x: "dict[str, int] | None") -> None:\n    """F."""\n')


def test_quoted_member_makes_one_quoted_annotation() -> None:
    """``Optional["Node"]`` becomes ``"Node | None"``, not ``"Node" | None``."""
    assert _fixed(
        "from typing import Optional\n\n\n"
        'def f(x: Optional["Node"]) -> None:\n    """F."""\n'
    ) == ('\ndef f(x: "Node | None") -> None:\n    """F."""\n')


def test_quoted_member_outside_annotations_stays() -> None:
    """Outside an annotation a string would change the value: no fix there."""
    body = 'from typing import Optional\n\nNODE = Optional["Node"]\n'
    assert _fixed(body) is None


def test_comments_inside_a_union_block_the_fix() -> None:
    """Rebuilding a commented union would drop the comment: it is left alone."""
    body = "from typing import Union\n\nX = Union[\n    int,  # why\n    str,\n]\n"
    assert _fixed(body) is None


def test_collections_generics() -> None:
    """``Deque`` imported by name becomes ``deque`` from ``collections``."""
    assert _fixed("from typing import Deque\n\nQUEUE: Deque[int] = Deque()\n") == (
        "from collections import deque\n\nQUEUE: deque[int] = deque()\n"
    )


def test_collections_generic_with_a_clash_keeps_its_name() -> None:
    """When ``deque`` means something else, the import is aliased instead."""
    assert _fixed(
        "from typing import Deque\n\nQUEUE: Deque[int] = Deque()\nprint(deque)\n"
    ) == (
        "from collections import deque as Deque\n\n"
        "QUEUE: Deque[int] = Deque()\nprint(deque)\n"
    )


def test_attribute_uses_get_the_module_imported() -> None:
    """``typing.Deque`` and ``typing.Callable`` need ``collections`` imported."""
    assert _fixed(
        "import typing\n\nQUEUE: typing.Deque[typing.Callable[[], int]] = []\n"
    ) == (
        "import collections.abc\n\n"
        "QUEUE: collections.deque[collections.abc.Callable[[], int]] = []\n"
    )


def test_shadowed_names_are_not_rewritten() -> None:
    """A parameter named ``List`` is not ``typing.List``; the import stays for it."""
    body = (
        "from typing import List\n\nX: List[int] = []\n\n\n"
        'def f(List: int) -> int:\n    """F."""\n    return List\n'
    )
    assert _fixed(body) == body.replace("X: List[int]", "X: list[int]")


def test_literal_strings_are_values() -> None:
    """``Literal["List"]`` holds a value, not an annotation to rewrite."""
    body = (
        "from typing import List, Literal\n\n"
        'KIND: Literal["List"] = "List"\nVALUES: List[int] = []\n'
    )
    assert _fixed(body) == (
        'from typing import Literal\n\nKIND: Literal["List"] = "List"\n'
        "VALUES: list[int] = []\n"
    )


def test_helpers() -> None:
    """Dotted names are built and taken apart."""
    node = dotted_expression("collections.abc.Callable")
    assert cst.Module(body=[]).code_for_node(node) == "collections.abc.Callable"
    assert leftmost_name(node) == "collections"
    assert leftmost_name(cst.parse_expression("f()")) is None
