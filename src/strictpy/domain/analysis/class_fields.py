"""Fields and ``model_config`` of settings and model class bodies, for the facts.

pydantic-settings reads one environment variable per annotated field of a
``BaseSettings`` subclass (``env_prefix`` + name, or the field's alias). The fact
collector records, for the classes where it matters, each field's name, whether
it has a default, its literal aliases, and the ``model_config`` entries as source
text, without evaluating anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.facts import FieldFact

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["class_fields", "string_value"]

CONFIG_NAME = "model_config"
ALIAS_KEYWORDS = frozenset({"alias", "validation_alias"})
DEFAULT_KEYWORDS = frozenset({"default", "default_factory"})
CLASS_VAR_NAMES = frozenset({"ClassVar", "typing.ClassVar"})


def string_value(node: cst.BaseExpression) -> str | None:
    """Return the value of a plain (non-f) string literal.

    Args:
        node: An expression.

    Returns:
        The string, or None for anything else.
    """
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(node, cst.ConcatenatedString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _callee_ends_with(node: cst.BaseExpression, suffix: str) -> bool:
    """Tell whether an expression is a call of a name ending in ``suffix``.

    Args:
        node: An expression.
        suffix: The last part of the callee's dotted name (``Field``).

    Returns:
        True for ``Field(...)``, ``pydantic.Field(...)`` and the like.
    """
    if not isinstance(node, cst.Call):
        return False
    name = dotted_name(node.func)
    return name is not None and name.rsplit(".", 1)[-1] == suffix


def _alias_names(node: cst.BaseExpression) -> tuple[str, ...]:
    """Return the literal names of an alias value.

    Args:
        node: ``"NAME"``, ``AliasChoices("A", "B")`` or ``AliasPath("A", 0)``.

    Returns:
        The names; for ``AliasPath`` only its first element (the variable).
    """
    literal = string_value(node)
    if literal is not None:
        return (literal,)
    if _callee_ends_with(node, "AliasChoices") and isinstance(node, cst.Call):
        return tuple(
            name
            for arg in node.args
            for name in _alias_names(arg.value)
            if arg.keyword is None
        )
    if _callee_ends_with(node, "AliasPath") and isinstance(node, cst.Call):
        first = next((arg for arg in node.args if arg.keyword is None), None)
        literal = string_value(first.value) if first is not None else None
        return (literal,) if literal is not None else ()
    return ()


def _field_call_facts(call: cst.Call) -> tuple[bool, tuple[str, ...]]:
    """Read a ``Field(...)`` call: does it give a default, which aliases.

    Args:
        call: The ``Field`` call.

    Returns:
        (has_default, aliases).
    """
    has_default = False
    aliases: list[str] = []
    positional = [arg for arg in call.args if arg.keyword is None]
    if positional and not isinstance(positional[0].value, cst.Ellipsis):
        has_default = True
    for arg in call.args:
        if arg.keyword is None:
            continue
        keyword = arg.keyword.value
        if keyword in DEFAULT_KEYWORDS and not isinstance(arg.value, cst.Ellipsis):
            has_default = True
        elif keyword in ALIAS_KEYWORDS:
            aliases.extend(_alias_names(arg.value))
    return has_default, tuple(aliases)


def _annotated_field_call(annotation: cst.BaseExpression) -> cst.Call | None:
    """Return the ``Field(...)`` call inside ``Annotated[T, Field(...)]``.

    Args:
        annotation: A field's annotation.

    Returns:
        The call, or None.
    """
    if not isinstance(annotation, cst.Subscript):
        return None
    name = dotted_name(annotation.value)
    if name is None or name.rsplit(".", 1)[-1] != "Annotated":
        return None
    for element in annotation.slice[1:]:
        index = element.slice
        if isinstance(index, cst.Index) and _callee_ends_with(index.value, "Field"):
            value = index.value
            return value if isinstance(value, cst.Call) else None
    return None


def _field_fact(statement: cst.AnnAssign, name: str, annotation: str) -> FieldFact:
    """Build the fact of one annotated field.

    Args:
        statement: The annotated assignment.
        name: The field name.
        annotation: The annotation's source text.

    Returns:
        The field's fact.
    """
    has_default = statement.value is not None
    aliases: tuple[str, ...] = ()
    inner = _annotated_field_call(statement.annotation.annotation)
    if inner is not None:
        inner_default, aliases = _field_call_facts(inner)
        has_default = has_default or inner_default
    value = statement.value
    if isinstance(value, cst.Call) and _callee_ends_with(value, "Field"):
        has_default, own_aliases = _field_call_facts(value)
        aliases = (*aliases, *own_aliases)
    return FieldFact(name, has_default, aliases, annotation)


def _config_entries(
    value: cst.BaseExpression, code_for: Callable[[cst.CSTNode], str]
) -> list[tuple[str, str]]:
    """Read the entries of a ``model_config`` value.

    Args:
        value: ``SettingsConfigDict(...)``, ``ConfigDict(...)``, ``dict(...)`` or
            a dict display with string keys.
        code_for: Renders a node as source text.

    Returns:
        (key, value source text) pairs.
    """
    if isinstance(value, cst.Call):
        return [
            (arg.keyword.value, code_for(arg.value))
            for arg in value.args
            if arg.keyword is not None
        ]
    if isinstance(value, cst.Dict):
        entries: list[tuple[str, str]] = []
        for element in value.elements:
            if isinstance(element, cst.DictElement):
                key = string_value(element.key)
                if key is not None:
                    entries.append((key, code_for(element.value)))
        return entries
    return []


def _body_statements(node: cst.ClassDef) -> Sequence[cst.BaseSmallStatement]:
    """Return the small statements directly in a class body.

    Args:
        node: The class definition.

    Returns:
        Assignments and other simple statements of the body, in order.
    """
    body = node.body
    if isinstance(body, cst.SimpleStatementSuite):
        return list(body.body)
    return [
        small
        for line in body.body
        if isinstance(line, cst.SimpleStatementLine)
        for small in line.body
    ]


def class_fields(
    node: cst.ClassDef, code_for: Callable[[cst.CSTNode], str]
) -> tuple[tuple[FieldFact, ...], tuple[tuple[str, str], ...]]:
    """Read a class body's annotated fields and its ``model_config``.

    ``ClassVar`` annotations, private names and ``model_config`` itself are
    not fields.

    Args:
        node: The class definition.
        code_for: Renders a node as source text.

    Returns:
        (fields, config entries).
    """
    fields: list[FieldFact] = []
    config: list[tuple[str, str]] = []
    for statement in _body_statements(node):
        if isinstance(statement, cst.AnnAssign) and isinstance(
            statement.target, cst.Name
        ):
            name = statement.target.value
            if name == CONFIG_NAME:
                if statement.value is not None:
                    config.extend(_config_entries(statement.value, code_for))
                continue
            annotation = code_for(statement.annotation.annotation)
            base = annotation.split("[", 1)[0].strip()
            if name.startswith("_") or base in CLASS_VAR_NAMES:
                continue
            fields.append(_field_fact(statement, name, annotation))
        elif isinstance(statement, cst.Assign):
            targets = [target.target for target in statement.targets]
            if any(
                isinstance(target, cst.Name) and target.value == CONFIG_NAME
                for target in targets
            ):
                config.extend(_config_entries(statement.value, code_for))
    return tuple(fields), tuple(config)
