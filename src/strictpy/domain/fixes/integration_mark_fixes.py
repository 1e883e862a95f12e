"""SP711's fix: mark a whole ``tests/integration/`` module with ``integration``.

The module gets ``pytestmark = pytest.mark.integration`` after its imports; an
existing module-level ``pytestmark`` gains the mark instead (``[slow]`` becomes
``[slow, integration]``). When ``pytest`` is not imported, ``import pytest`` is
added where isort puts it: among the third-party imports, or before the
project's own imports. Nothing is done when the name ``pytest`` means
something else in the module.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.names import dotted_name

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["add_integration_mark"]

MARK_NAME = "pytestmark"
PYTEST = "pytest"
FUTURE = "__future__"
FIRST_PARTY_EXTRA = frozenset({"tests"})


def _single(statement: cst.BaseStatement) -> cst.BaseSmallStatement | None:
    """Return the only small statement of a simple line.

    Args:
        statement: A statement.

    Returns:
        The small statement, or None.
    """
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        return statement.body[0]
    return None


def _pytest_alias(body: Sequence[cst.BaseStatement]) -> str | None:
    """Return the name a module-level ``import pytest [as x]`` binds.

    Args:
        body: The module's statements.

    Returns:
        The name, or None when pytest is not imported at module level.
    """
    for statement in body:
        small = _single(statement)
        if not isinstance(small, cst.Import):
            continue
        for alias in small.names:
            if dotted_name(alias.name) == PYTEST:
                if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                    return alias.asname.name.value
                return PYTEST
    return None


def _with_mark(
    value: cst.BaseExpression, mark: cst.BaseExpression
) -> cst.BaseExpression | None:
    """Add the mark to an existing ``pytestmark`` value.

    Args:
        value: A mark, or a list or tuple of marks.
        mark: The integration mark.

    Returns:
        The new value, or None when the value's shape is unknown.
    """
    if isinstance(value, (cst.List, cst.Tuple)):
        elements = list(value.elements)
        if elements and isinstance(elements[-1].comma, cst.MaybeSentinel):
            elements[-1] = elements[-1].with_changes(
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            )
        return value.with_changes(elements=[*elements, cst.Element(mark)])
    if isinstance(value, (cst.Attribute, cst.Call)):
        return cst.List([cst.Element(value), cst.Element(mark)])
    return None


def _existing_mark(
    body: list[cst.BaseStatement], mark: cst.BaseExpression
) -> list[cst.BaseStatement] | None:
    """Add the mark to a module-level ``pytestmark``, if there is one.

    Args:
        body: The module's statements.
        mark: The integration mark.

    Returns:
        The new statements; the unchanged list when the value cannot take the
        mark; None when there is no module-level ``pytestmark``.
    """
    for index, statement in enumerate(body):
        small = _single(statement)
        if isinstance(small, cst.Assign) and len(small.targets) == 1:
            target = small.targets[0].target
        elif isinstance(small, cst.AnnAssign) and small.value is not None:
            target = small.target
        else:
            continue
        if not (isinstance(target, cst.Name) and target.value == MARK_NAME):
            continue
        value = _with_mark(small.value, mark) if small.value is not None else None
        if value is None or not isinstance(statement, cst.SimpleStatementLine):
            return body
        new = statement.with_changes(body=[small.with_changes(value=value)])
        return [*body[:index], new, *body[index + 1 :]]
    return None


def _section(statement: cst.BaseStatement, package: str | None) -> int | None:
    """Classify a module-level import as isort does.

    Args:
        statement: A statement.
        package: The project's import package.

    Returns:
        0 future, 1 standard library, 2 third party, 3 first party; None for
        anything but an import line.
    """
    small = _single(statement)
    if isinstance(small, cst.ImportFrom):
        if small.relative:
            return 3
        module = dotted_name(small.module) if small.module is not None else ""
    elif isinstance(small, cst.Import):
        module = dotted_name(small.names[0].name)
    else:
        return None
    top = (module or "").split(".")[0]
    if top == FUTURE:
        return 0
    if top in sys.stdlib_module_names:
        return 1
    if top == package or top in FIRST_PARTY_EXTRA:
        return 3
    return 2


def _import_block(body: Sequence[cst.BaseStatement], package: str | None) -> list[int]:
    """Return the sections of the leading imports (docstring skipped).

    Args:
        body: The module's statements.
        package: The project's import package.

    Returns:
        One section per leading statement up to the first non-import.
    """
    sections: list[int] = []
    for index, statement in enumerate(body):
        small = _single(statement)
        if index == 0 and isinstance(small, cst.Expr):
            sections.append(-1)
            continue
        section = _section(statement, package)
        if section is None:
            break
        sections.append(section)
    return sections


def _add_pytest_import(
    body: list[cst.BaseStatement], package: str | None
) -> list[cst.BaseStatement]:
    """Insert ``import pytest`` where isort would put it.

    Args:
        body: The module's statements.
        package: The project's import package.

    Returns:
        The statements with the import.
    """
    sections = _import_block(body, package)
    line = cst.SimpleStatementLine(
        body=[cst.Import([cst.ImportAlias(cst.Name(PYTEST))])]
    )
    third = [index for index, section in enumerate(sections) if section == 2]  # noqa: PLR2004 - isort's section number
    first = [index for index, section in enumerate(sections) if section == 3]  # noqa: PLR2004 - isort's section number
    if third:
        position = next(
            (index for index in third if _sorts_after_pytest(body[index])),
            third[-1] + 1,
        )
        if position == third[0]:
            line = line.with_changes(leading_lines=body[position].leading_lines)
            body = [
                *body[:position],
                body[position].with_changes(leading_lines=[]),
                *body[position + 1 :],
            ]
        return [*body[:position], line, *body[position:]]
    if first:
        position = first[0]
        line = line.with_changes(leading_lines=body[position].leading_lines)
        following = body[position].with_changes(leading_lines=[cst.EmptyLine()])
        return [*body[:position], line, following, *body[position + 1 :]]
    position = len(sections)
    if position:
        line = line.with_changes(leading_lines=[cst.EmptyLine()])
    return [*body[:position], line, *body[position:]]


def _sorts_after_pytest(statement: cst.BaseStatement) -> bool:
    """Tell whether a third-party import sorts after ``import pytest``.

    Plain ``import`` lines come before ``from`` lines, each group by module.

    Args:
        statement: A third-party import line.

    Returns:
        True when ``import pytest`` belongs before it.
    """
    small = _single(statement)
    if isinstance(small, cst.ImportFrom):
        return True
    if isinstance(small, cst.Import):
        return (dotted_name(small.names[0].name) or "").lower() > PYTEST
    return False


def add_integration_mark(
    module: cst.Module, *, package: str | None, pytest_bound_elsewhere: bool
) -> cst.Module | None:
    """Mark every test of a module with ``pytest.mark.integration``.

    Args:
        module: The test module.
        package: The project's import package (to place ``import pytest``).
        pytest_bound_elsewhere: Whether the name ``pytest`` means something
            other than the pytest module somewhere in the file.

    Returns:
        The marked module, or None when it cannot be marked safely.
    """
    body = list(module.body)
    local = _pytest_alias(body)
    if local is None:
        if pytest_bound_elsewhere:
            return None
        body = _add_pytest_import(body, package)
        local = PYTEST
    mark = cst.parse_expression(f"{local}.mark.integration")
    existing = _existing_mark(body, mark)
    if existing is not None:
        return None if existing is body else module.with_changes(body=existing)
    position = len(_import_block(body, package))
    statement = cst.SimpleStatementLine(
        body=[cst.Assign([cst.AssignTarget(cst.Name(MARK_NAME))], mark)],
        leading_lines=[cst.EmptyLine()] if position else [],
    )
    return module.with_changes(body=[*body[:position], statement, *body[position:]])
