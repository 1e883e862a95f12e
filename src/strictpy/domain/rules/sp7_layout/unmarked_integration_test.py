"""SP711 unmarked-integration-test: tests under ``tests/integration/`` without the marker."""

from __future__ import annotations

import itertools
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, ClassVar

import libcst as cst

from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, leaves, visits

if TYPE_CHECKING:
    from strictpy.domain.analysis.context import FileContext

__all__ = ["INTEGRATION_MARK", "UnmarkedIntegrationTest"]

INTEGRATION_MARK = "pytest.mark.integration"
MARK_ATTRIBUTE = "pytestmark"


def _is_integration_folder(path: str) -> bool:
    """Tell whether a test module lives under ``tests/integration/``.

    Args:
        path: The project-relative path.

    Returns:
        True for ``test_*.py``/``*_test.py`` files below ``tests/integration``.
    """
    pure = PurePosixPath(path)
    folders = pure.parts[:-1]
    in_folder = any(
        first == "tests" and second == "integration"
        for first, second in itertools.pairwise(folders)
    )
    stem = pure.stem
    return in_folder and (stem.startswith("test_") or stem.endswith("_test"))


class UnmarkedIntegrationTest(FileRule):
    """Flags a test under ``tests/integration/`` without the ``integration`` marker.

    Ruleset 3.3: integration tests live in ``tests/integration/`` and are
    marked with ``@pytest.mark.integration``, so that a unit run can deselect
    them (``-m "not integration"``). A test is marked by its own decorator, by
    its class's decorator, or by a ``pytestmark`` assignment (a mark or a list
    of marks) in its module or class. Aliases (``from pytest import mark``)
    are followed.
    """

    CODE = "SP711"
    NAME = "unmarked-integration-test"
    MESSAGE = "Integration test '{name}' is not marked 'integration'"
    FIX_HINT = "Add @pytest.mark.integration, or pytestmark = pytest.mark.integration"
    RULESET_REF = "3.3"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""Tests."""\n\nimport pytest\n\npytestmark = pytest.mark.integration\n\n\n'
            'def test_api() -> None:\n    """The API answers."""\n    assert True\n',
            path="tests/integration/test_api.py",
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""Tests."""\n\n\ndef test_api() -> None:\n    """The API answers."""\n'
            "    assert True\n",
            line=4,
            path="tests/integration/test_api.py",
            expected_fix='"""Tests."""\n\nimport pytest\n\npytestmark = pytest.mark.integration\n'
            '\n\ndef test_api() -> None:\n    """The API answers."""\n    assert True\n',
        ),
    )

    def __init__(self, ctx: FileContext) -> None:
        """Decide once whether the file is an integration test module.

        Args:
            ctx: The per-file context.
        """
        super().__init__(ctx)
        self._active = _is_integration_folder(ctx.info.path)
        self._module_marked = False
        self._marked_classes: set[int] = set()
        # (test function, enclosing class or None), reported at the module's end.
        self._candidates: list[tuple[cst.FunctionDef, cst.ClassDef | None]] = []

    def _is_mark(self, expression: cst.BaseExpression) -> bool:
        """Tell whether an expression is the integration mark (or a list of marks with it).

        Args:
            expression: A decorator or ``pytestmark`` value.

        Returns:
            True when it is or contains ``pytest.mark.integration``.
        """
        if isinstance(expression, (cst.List, cst.Tuple)):
            return any(self._is_mark(element.value) for element in expression.elements)
        if isinstance(expression, cst.Call):
            expression = expression.func
        names = self.ctx.names
        qualified = names.qualified_name(expression) if names is not None else None
        return (qualified or dotted_name(expression)) == INTEGRATION_MARK

    def _decorated(self, node: cst.FunctionDef | cst.ClassDef) -> bool:
        """Tell whether a definition carries the integration mark.

        Args:
            node: The function or class.

        Returns:
            True when one of its decorators is the mark.
        """
        return any(self._is_mark(decorator.decorator) for decorator in node.decorators)

    def _owner(self) -> tuple[bool, cst.ClassDef | None]:
        """Return where the current statement sits: module, class, or elsewhere.

        Returns:
            (collectable, class): collectable is True at module level or directly
            in a module-level class body; class is that class, if any.
        """
        scopes = [
            node
            for node in self.ctx.ancestors
            if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda))
        ]
        if not scopes:
            return True, None
        if len(scopes) == 1 and isinstance(scopes[0], cst.ClassDef):
            return True, scopes[0]
        return False, None

    @visits(cst.FunctionDef)
    def check_function(self, node: cst.FunctionDef) -> None:
        """Collect an unmarked test function.

        Args:
            node: The function.
        """
        if not self._active or not node.name.value.startswith("test"):
            return
        collectable, owner = self._owner()
        if not collectable or self._decorated(node):
            return
        if owner is not None and (
            not owner.name.value.startswith("Test") or self._decorated(owner)
        ):
            return
        self._candidates.append((node, owner))

    @visits(cst.Assign, cst.AnnAssign)
    def check_pytestmark(self, node: cst.Assign | cst.AnnAssign) -> None:
        """Record ``pytestmark`` assignments of the module or a class.

        Args:
            node: The assignment.
        """
        if not self._active or node.value is None:
            return
        targets = (
            [target.target for target in node.targets]
            if isinstance(node, cst.Assign)
            else [node.target]
        )
        if not any(
            isinstance(target, cst.Name) and target.value == MARK_ATTRIBUTE
            for target in targets
        ):
            return
        if not self._is_mark(node.value):
            return
        collectable, owner = self._owner()
        if collectable and owner is None:
            self._module_marked = True
        elif owner is not None:
            self._marked_classes.add(id(owner))

    @leaves(cst.Module)
    def report_unmarked(self, node: cst.Module) -> None:
        """Report the collected tests once the whole module has been seen.

        Args:
            node: The module.
        """
        del node
        if self._module_marked:
            return
        for function, owner in self._candidates:
            if owner is None or id(owner) not in self._marked_classes:
                self.report(function, name=function.name.value)
