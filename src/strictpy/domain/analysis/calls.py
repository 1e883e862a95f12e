"""Questions rules ask about calls: what is called, from which kind of function."""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from strictpy.domain.analysis.names import dotted_name
from strictpy.domain.analysis.walker import Visitor, leaves, visits

if TYPE_CHECKING:
    from collections.abc import Sequence

    from strictpy.domain.analysis.names import NameResolver

__all__ = [
    "AsyncBodyTracker",
    "callee_name",
    "is_awaited",
    "keyword_argument",
    "receiver_text",
]


def callee_name(node: cst.Call, names: NameResolver | None) -> str | None:
    """Return the qualified name of the function a call calls.

    Args:
        node: The call.
        names: Name resolution, when available.

    Returns:
        ``time.sleep`` for ``nap(1)`` after ``from time import sleep as nap``;
        None for shadowed locals and for callees that are not name chains.
    """
    if names is None:
        return None
    return names.qualified_name(node.func)


def is_awaited(ancestors: Sequence[cst.CSTNode]) -> bool:
    """Tell whether the current expression is directly awaited.

    Args:
        ancestors: The walk's ancestors, outermost first.

    Returns:
        True for the operand of ``await``.
    """
    return bool(ancestors) and isinstance(ancestors[-1], cst.Await)


def keyword_argument(node: cst.Call, name: str) -> cst.Arg | None:
    """Return a call's keyword argument of a given name.

    Args:
        node: The call.
        name: The keyword.

    Returns:
        The argument, or None when the call does not pass it.
    """
    for argument in node.args:
        if argument.keyword is not None and argument.keyword.value == name:
            return argument
    return None


def receiver_text(node: cst.Call) -> str | None:
    """Return the dotted text of a method call's receiver.

    Args:
        node: The call.

    Returns:
        ``self.session`` for ``self.session.query(...)``; None when the callee
        is not an attribute of a name chain.
    """
    if isinstance(node.func, cst.Attribute):
        return dotted_name(node.func.value)
    return None


class AsyncBodyTracker(Visitor):
    """Mixin for rules that must know whether they are in an ``async def``'s body.

    Only the ``async def``'s own body counts: nested ``def``s, lambdas and
    classes run elsewhere. Frames are pushed as the walk enters them, which is
    far cheaper than scanning the ancestors at every call.

    Attributes:
        async_frames: One flag per enclosing def, lambda or class, innermost
            last: True for an ``async def``.
    """

    async_frames: tuple[bool, ...] = ()

    @property
    def in_async_body(self) -> bool:
        """Whether the node being visited runs in an ``async def``'s own body.

        Returns:
            True when the innermost enclosing frame is an ``async def``.
        """
        return bool(self.async_frames) and self.async_frames[-1]

    @visits(cst.FunctionDef, cst.Lambda, cst.ClassDef)
    def enter_frame(self, node: cst.FunctionDef | cst.Lambda | cst.ClassDef) -> None:
        """Push the frame of a def, lambda or class.

        Args:
            node: The definition being entered.
        """
        is_async = isinstance(node, cst.FunctionDef) and node.asynchronous is not None
        self.async_frames = (*self.async_frames, is_async)

    @leaves(cst.FunctionDef, cst.Lambda, cst.ClassDef)
    def leave_frame(self, node: cst.FunctionDef | cst.Lambda | cst.ClassDef) -> None:
        """Pop the frame of a def, lambda or class.

        Args:
            node: The definition being left.
        """
        del node
        self.async_frames = self.async_frames[:-1]
