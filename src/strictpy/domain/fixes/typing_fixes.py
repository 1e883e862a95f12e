"""SP203-SP205's fixes on expressions: modern spellings of legacy ``typing`` names.

``List[int]`` becomes ``list[int]``, ``Deque`` becomes ``collections.deque`` (or
``deque`` when imported by name), ``Optional[X]`` becomes ``X | None`` and
``Union[A, B]`` becomes ``A | B``; ``typing.Callable`` becomes
``collections.abc.Callable``. Aliases are respected (``t.List``, ``Opt[str]``),
quoted annotations are rewritten inside the string, and a union with a quoted
member (``Optional["Node"]``) becomes one quoted annotation (``"Node | None"``),
since ``"Node" | None`` fails at run time. The import statements are rewritten
afterwards (:mod:`strictpy.domain.fixes.typing_imports`) from the plan and the
counts kept here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.fixes.fix_scope import has_comment, needs_parentheses
from strictpy.domain.rules.sp2_typing.legacy_typing import (
    ABC_NAMES,
    GENERIC_ALIASES,
    UNION_NAMES,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from strictpy.domain.fixes.fix_scope import FixScope
    from strictpy.domain.fixes.fix_targets import FixTargets, QuotedAnnotation

__all__ = [
    "AliasPlan",
    "TypingPlan",
    "TypingTransformer",
    "UnionContext",
    "dotted_expression",
    "leftmost_name",
    "rewrite_quoted",
]

GENERIC_CODE = "SP203"
UNION_CODE = "SP204"
ABC_CODE = "SP205"
OPTIONAL = "typing.Optional"
COLLECTIONS = "collections"
COLLECTIONS_ABC = "collections.abc"
# Operands that bind less tightly than ``|`` and need parentheses inside it.
LOOSE_OPERANDS = (
    cst.Lambda,
    cst.IfExp,
    cst.BooleanOperation,
    cst.Comparison,
    cst.NamedExpr,
    cst.Yield,
)
STRINGS = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)


def leftmost_name(node: cst.BaseExpression) -> str | None:
    """Return the first name of a dotted chain (``t`` of ``t.List``).

    Args:
        node: A name or attribute chain.

    Returns:
        The first name, or None for other expressions.
    """
    while isinstance(node, cst.Attribute):
        node = node.value
    return node.value if isinstance(node, cst.Name) else None


def dotted_expression(path: str) -> cst.Name | cst.Attribute:
    """Build a name or attribute chain from dotted text.

    Args:
        path: ``collections.abc.Callable`` and the like.

    Returns:
        The expression.
    """
    first, *rest = path.split(".")
    node: cst.Name | cst.Attribute = cst.Name(first)
    for part in rest:
        node = cst.Attribute(value=node, attr=cst.Name(part))
    return node


@dataclass(frozen=True, slots=True)
class AliasPlan:
    """What happens to one ``from typing import X [as L]`` alias.

    Attributes:
        qualified: ``typing.X``.
        local: The name it binds (``L``, or ``X``).
        module: The module it moves to (``collections``, ``collections.abc``),
            or None when it is dropped once unused (builtins, unions) or kept.
        name: The name imported from ``module``.
        rename_uses: Whether uses are renamed to ``name`` (``Deque`` -> ``deque``).
        builtin: The builtin its uses become (``list``), if any.
        fixable: Whether the alias and its uses are fixed at all.
    """

    qualified: str
    local: str
    module: str | None = None
    name: str | None = None
    rename_uses: bool = False
    builtin: str | None = None
    fixable: bool = False


class TypingPlan:
    """The decisions for one file, and the counts of rewritten references.

    Attributes:
        aliases: Plan per ``from typing import`` alias, by (qualified, local).
        by_alias: Plan per alias node ``id``.
        removed: Local name to how many of its references were rewritten away.
        needed_modules: Modules that rewritten attribute uses need imported.
        collections_usable: Whether ``collections`` may be used at module level.
    """

    def __init__(self, targets: FixTargets, scope: FixScope) -> None:
        """Decide, alias by alias, what the fix may do.

        Args:
            targets: What the locating walk found.
            scope: The reported lines per code.
        """
        self._targets = targets
        self._scope = scope
        self.aliases: dict[tuple[str, str], AliasPlan] = {}
        self.by_alias: dict[int, AliasPlan] = {}
        self.removed: Counter[str] = Counter()
        self.needed_modules: set[str] = set()
        self.collections_usable = targets.collections_binding in {
            COLLECTIONS,
            f"builtins.{COLLECTIONS}",
        }
        for alias, statement in targets.typing_aliases:
            plan = self._plan(
                alias, rewritable=id(statement) in targets.rewritable_imports
            )
            self.by_alias[id(alias)] = plan
            self.aliases.setdefault((plan.qualified, plan.local), plan)

    def _plan(self, alias: cst.ImportAlias, *, rewritable: bool) -> AliasPlan:
        """Decide the fate of one alias.

        Args:
            alias: The alias of ``from typing import``.
            rewritable: Whether its statement may be rebuilt.

        Returns:
            The alias's plan.
        """
        name = alias.name.value if isinstance(alias.name, cst.Name) else ""
        local = name
        if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
            local = alias.asname.name.value
        qualified = f"typing.{name}"
        plan = AliasPlan(qualified, local)
        if not rewritable:
            return plan
        if qualified in GENERIC_ALIASES and self._scope.allows(GENERIC_CODE, alias):
            target = GENERIC_ALIASES[qualified]
            if "." not in target:
                return AliasPlan(qualified, local, builtin=target, fixable=True)
            module, _, short = target.rpartition(".")
            rename = local == name and self._may_rename(local, target)
            return AliasPlan(qualified, local, module, short, rename, fixable=True)
        if qualified in ABC_NAMES and self._scope.allows(ABC_CODE, alias):
            module, _, short = ABC_NAMES[qualified].rpartition(".")
            return AliasPlan(qualified, local, module, short, fixable=True)
        if qualified in UNION_NAMES:
            return AliasPlan(qualified, local, fixable=True)
        return plan

    def _may_rename(self, local: str, target: str) -> bool:
        """Tell whether uses of ``Deque`` may become ``deque``.

        Args:
            local: The name the import binds.
            target: The qualified replacement (``collections.deque``).

        Returns:
            True when every use is a rewritable ``typing`` use and the new name
            means nothing else in the module.
        """
        short = target.rpartition(".")[2]
        targets = self._targets
        clash = targets.bindings.get(short, set()) - {target}
        return not clash and targets.references[local] == targets.resolved_names[local]

    def remaining(self, local: str) -> int:
        """Return how many references to a local name are left.

        Args:
            local: The name.

        Returns:
            Original references minus rewritten ones.
        """
        return self._targets.references[local] - self.removed[local]

    def name_use(self, node: cst.Name, qualified: str) -> cst.BaseExpression | None:
        """Rewrite a name that refers to a ``typing`` name imported by name.

        Args:
            node: The name use.
            qualified: What it refers to.

        Returns:
            The replacement, or None to keep it.
        """
        plan = self.aliases.get((qualified, node.value))
        if plan is None or not plan.fixable:
            return None
        if plan.builtin is not None:
            self.removed[node.value] += 1
            return cst.Name(plan.builtin)
        if plan.rename_uses and plan.name is not None:
            self.removed[node.value] += 1
            return cst.Name(plan.name)
        return None

    def attribute_use(
        self, node: cst.Attribute, qualified: str, line_node: cst.CSTNode
    ) -> cst.BaseExpression | None:
        """Rewrite ``t.List``/``typing.Callable`` to its modern spelling.

        Args:
            node: The attribute use.
            qualified: What it refers to.
            line_node: The node whose line the finding was reported on.

        Returns:
            The replacement, or None to keep it.
        """
        if qualified in GENERIC_ALIASES:
            code, target = GENERIC_CODE, GENERIC_ALIASES[qualified]
        elif qualified in ABC_NAMES:
            code, target = ABC_CODE, ABC_NAMES[qualified]
        else:
            return None
        if not self._scope.allows(code, line_node):
            return None
        if "." in target:
            if not self.collections_usable:
                return None
            self.needed_modules.add(target.rpartition(".")[0])
        base = leftmost_name(node)
        if base is not None:
            self.removed[base] += 1
        return dotted_expression(target)

    def union(
        self,
        original: cst.Subscript,
        updated: cst.Subscript,
        qualified: str,
        context: UnionContext,
    ) -> cst.BaseExpression | None:
        """Rewrite ``Optional[X]``/``Union[A, B]`` as ``X | None``/``A | B``.

        Args:
            original: The subscript as parsed.
            updated: The subscript with its members already rewritten.
            qualified: ``typing.Optional`` or ``typing.Union``.
            context: Where the subscript sits.

        Returns:
            The replacement, or None to keep it.
        """
        if not self._scope.allows(UNION_CODE, context.line_node) or has_comment(
            original
        ):
            return None
        members: list[cst.BaseExpression] = []
        for element in updated.slice:
            if not isinstance(element.slice, cst.Index) or element.slice.star:
                return None
            members.append(element.slice.value)
        if not members or (qualified == OPTIONAL and len(members) != 1):
            return None
        if qualified == OPTIONAL:
            members.append(cst.Name("None"))
        if any(isinstance(member, STRINGS) for member in members):
            replacement = _quoted_union(members, context)
        else:
            replacement = _bit_or(members, parenthesize=context.parentheses)
        if replacement is not None:
            base = leftmost_name(original.value)
            if base is not None:
                self.removed[base] += 1
        return replacement


@dataclass(frozen=True, slots=True)
class UnionContext:
    """Where a ``Union``/``Optional`` subscript sits.

    Attributes:
        line_node: The node whose line carries the finding.
        in_annotation: Whether it is inside an annotation.
        quoted: Whether it is inside a quoted annotation already.
        parentheses: Whether its replacement needs parentheses.
    """

    line_node: cst.CSTNode
    in_annotation: bool
    quoted: bool
    parentheses: bool


def _bit_or(
    members: list[cst.BaseExpression], *, parenthesize: bool
) -> cst.BaseExpression:
    """Join members with ``|``.

    Args:
        members: The union's members, in order.
        parenthesize: Whether to wrap the result in parentheses.

    Returns:
        The ``A | B | ...`` expression.
    """
    wrapped = [
        member.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        if isinstance(member, LOOSE_OPERANDS)
        else member
        for member in members
    ]
    result = wrapped[0]
    for member in wrapped[1:]:
        result = cst.BinaryOperation(left=result, operator=cst.BitOr(), right=member)
    if parenthesize and len(wrapped) > 1:
        result = result.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return result


def _quoted_union(
    members: list[cst.BaseExpression], context: UnionContext
) -> cst.SimpleString | None:
    """Turn a union with a quoted member into one quoted annotation.

    Args:
        members: The union's members.
        context: Where the union sits.

    Returns:
        ``"A | B"``, or None outside annotations (a string there would change
        the value) or when the text cannot be quoted simply.
    """
    if not context.in_annotation or context.quoted:
        return None
    parts: list[str] = []
    for member in members:
        if isinstance(member, cst.SimpleString):
            value = member.evaluated_value
            if not isinstance(value, str):
                return None
            parts.append(value.strip())
        elif isinstance(member, STRINGS):
            return None
        else:
            parts.append(cst.Module(body=[]).code_for_node(member))
    text = " | ".join(parts)
    if "\\" in text or "\n" in text:
        return None
    for quote in ('"', "'"):
        if quote not in text:
            return cst.SimpleString(f"{quote}{text}{quote}")
    return None


class TypingTransformer(cst.CSTTransformer):
    """Rewrites legacy ``typing`` uses in a tree (a module, or a quoted annotation).

    Attributes:
        plan: The file's plan and counters.
    """

    def __init__(
        self,
        plan: TypingPlan,
        resolved: Mapping[int, str],
        line_node: cst.CSTNode | None = None,
    ) -> None:
        """Prepare a rewrite.

        Args:
            plan: The file's plan and counters.
            resolved: ``id`` of a name or attribute to its ``typing`` name.
            line_node: For a quoted annotation, the string node (its line
                decides); None for the module itself.
        """
        super().__init__()
        self.plan = plan
        self._resolved = resolved
        self._line_node = line_node
        self._parents: list[cst.CSTNode] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        """Track the parent chain, then dispatch to ``visit_<Type>``.

        Args:
            node: The node being entered.

        Returns:
            Whether to visit its children.
        """
        result = super().on_visit(node)
        self._parents.append(node)
        return result

    def on_leave(
        self, original_node: cst.CSTNode, updated_node: cst.CSTNode
    ) -> cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[cst.CSTNode]:
        """Pop the parent chain, then dispatch to ``leave_<Type>``.

        Args:
            original_node: The node as parsed.
            updated_node: The node with rewritten children.

        Returns:
            The replacement.
        """
        self._parents.pop()
        return super().on_leave(original_node, updated_node)

    def _parent(self) -> cst.CSTNode | None:
        """Return the parent of the node being left.

        Returns:
            The parent, or None at the root.
        """
        return self._parents[-1] if self._parents else None

    def leave_Name(  # noqa: N802 - libcst's naming
        self, original_node: cst.Name, updated_node: cst.Name
    ) -> cst.BaseExpression:
        """Rewrite a name imported from ``typing`` by name.

        Args:
            original_node: The name as parsed.
            updated_node: The same name.

        Returns:
            The replacement or the name.
        """
        qualified = self._resolved.get(id(original_node))
        if qualified is None:
            return updated_node
        replacement = self.plan.name_use(original_node, qualified)
        if replacement is None:
            return updated_node
        return replacement.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)

    def leave_Attribute(  # noqa: N802 - libcst's naming
        self, original_node: cst.Attribute, updated_node: cst.Attribute
    ) -> cst.BaseExpression:
        """Rewrite ``typing.X`` reached through a module alias.

        Args:
            original_node: The attribute as parsed.
            updated_node: The attribute with rewritten children.

        Returns:
            The replacement or the attribute.
        """
        qualified = self._resolved.get(id(original_node))
        if qualified is None:
            return updated_node
        line_node = self._line_node or original_node
        replacement = self.plan.attribute_use(original_node, qualified, line_node)
        if replacement is None:
            return updated_node
        return replacement.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)

    def leave_Subscript(  # noqa: N802 - libcst's naming
        self, original_node: cst.Subscript, updated_node: cst.Subscript
    ) -> cst.BaseExpression:
        """Rewrite ``Optional[X]`` and ``Union[A, B]``.

        Args:
            original_node: The subscript as parsed.
            updated_node: The subscript with rewritten children.

        Returns:
            The replacement or the subscript.
        """
        qualified = self._resolved.get(id(original_node.value))
        if qualified not in UNION_NAMES:
            return updated_node
        context = UnionContext(
            line_node=self._line_node or original_node,
            in_annotation=self._line_node is not None
            or any(isinstance(node, cst.Annotation) for node in self._parents),
            quoted=self._line_node is not None,
            parentheses=needs_parentheses(self._parent(), original_node),
        )
        replacement = self.plan.union(original_node, updated_node, qualified, context)
        return replacement or updated_node


def rewrite_quoted(
    plan: TypingPlan, quoted: QuotedAnnotation, node: cst.SimpleString
) -> cst.SimpleString | None:
    """Rewrite the legacy names inside a quoted annotation.

    Args:
        plan: The file's plan and counters.
        quoted: The string's parsed content and its resolved names.
        node: The string literal.

    Returns:
        The new string (same prefix and quotes), or None when nothing changes
        or the result cannot be quoted the same way.
    """
    removed, needed = plan.removed.copy(), set(plan.needed_modules)
    rewritten = quoted.expression.visit(TypingTransformer(plan, quoted.resolved, node))
    text = before = cst.Module(body=[]).code_for_node(quoted.expression)
    if isinstance(rewritten, cst.BaseExpression):
        text = cst.Module(body=[]).code_for_node(rewritten)
    if text == before or "\\" in text or "\n" in text or node.quote in text:
        plan.removed, plan.needed_modules = removed, needed
        return None
    return node.with_changes(value=f"{node.prefix}{node.quote}{text}{node.quote}")
