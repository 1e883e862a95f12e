"""Tests for SP203-SP205's import fixes: moved, merged, removed only when unused."""

from __future__ import annotations

from strictpy.domain.fixes.typing_imports import alias_key
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


def test_abc_names_move_next_to_the_typing_import() -> None:
    """``Callable`` moves to ``collections.abc``; ``TypeVar`` stays."""
    assert _fixed("from typing import Callable, TypeVar\n") == (
        "from collections.abc import Callable\nfrom typing import TypeVar\n"
    )


def test_moved_names_merge_into_an_existing_import() -> None:
    """An existing ``from collections.abc import`` of the block takes the names."""
    assert (
        _fixed(
            "from collections.abc import Iterator\nfrom typing import Iterable, Mapping\n"
        )
        == "from collections.abc import Iterable, Iterator, Mapping\n"
    )


def test_imports_under_type_checking_stay_there() -> None:
    """A ``typing`` import in ``if TYPE_CHECKING:`` is rewritten in that block."""
    assert _fixed(
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        "    from typing import Sequence  # typing only\n"
    ) == (
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        "    from collections.abc import Sequence  # typing only\n"
    )


def test_abstract_set_keeps_its_name() -> None:
    """``AbstractSet`` is ``collections.abc.Set``, imported under the old name."""
    assert _fixed("from typing import AbstractSet\n") == (
        "from collections.abc import Set as AbstractSet\n"
    )


def test_unused_names_are_removed_only_when_fixed() -> None:
    """``List`` goes (flagged, unused); ``TypeVar`` stays (never touched)."""
    assert (
        _fixed("from typing import List, TypeVar\n") == "from typing import TypeVar\n"
    )


def test_a_remaining_reference_keeps_the_import() -> None:
    """A name exported in ``__all__`` keeps its import even after uses are fixed."""
    body = 'from typing import List\n\n__all__ = ["List"]\n\nVALUES: List[int] = []\n'
    assert _fixed(body) == (
        'from typing import List\n\n__all__ = ["List"]\n\nVALUES: list[int] = []\n'
    )


def test_module_alias_goes_when_every_use_was_rewritten() -> None:
    """``import typing as t`` goes with its last use, stays with other uses."""
    assert _fixed("import typing as t\n\nX: t.List[int] = []\n") == (
        "X: list[int] = []\n"
    )
    assert _fixed(
        "import typing as t\n\nX: t.List[int] = []\nT = t.TypeVar('T')\n"
    ) == ("import typing as t\n\nX: list[int] = []\nT = t.TypeVar('T')\n")


def test_unions_leave_their_import_when_unused() -> None:
    """``Optional`` is removed once its uses became ``| None``."""
    assert _fixed("from typing import Optional\n\nX: Optional[int] = None\n") == (
        "X: int | None = None\n"
    )


def test_multi_statement_lines_are_not_rebuilt() -> None:
    """``from typing import List; X = 1`` stays, and so do its uses."""
    body = "from typing import List; X = 1\n\nVALUES: List[int] = []\n"
    assert _fixed(body) is None


def test_order_by_type() -> None:
    """Constants, then classes, then functions, as isort orders them."""
    names = ["cast", "TYPE_CHECKING", "Callable", "Any"]
    assert sorted(names, key=alias_key) == ["TYPE_CHECKING", "Any", "Callable", "cast"]


def test_a_block_is_never_left_empty() -> None:
    """An import that is a block's only statement stays, unused but valid."""
    body = (
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        "    from typing import List\n\nX: List[int] = []\n"
    )
    assert _fixed(body) == body.replace("X: List[int]", "X: list[int]")


def test_existing_module_imports_are_reused() -> None:
    """``import collections`` already there: no second import is added."""
    assert _fixed("import collections\nimport typing\n\nQ: typing.Deque[int]\n") == (
        "import collections\n\nQ: collections.deque[int]\n"
    )


def test_imports_inside_functions() -> None:
    """A local ``from typing import`` is rewritten where it is."""
    body = (
        "def f() -> None:\n"
        '    """F."""\n'
        "    from typing import Iterator\n\n"
        "    x: Iterator[int] = iter(())\n"
        "    del x\n"
    )
    assert _fixed(body) == body.replace(
        "from typing import", "from collections.abc import"
    )
