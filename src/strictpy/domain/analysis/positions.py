"""Positions of chosen nodes, computed only for files that report something.

libcst's ``PositionProvider`` positions every node through the metadata machinery,
which costs more than twice the parse. Most files of a strict project report
nothing, so the engine first walks without positions and, only when findings
exist, re-generates the module's code once with libcst's own position-recording
code generator and reads off the nodes it needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from libcst.metadata.position_provider import PositionProvidingCodegenState

if TYPE_CHECKING:
    import libcst as cst
    from libcst import CodeRange

__all__ = ["compute_positions"]


class _PositionSink:
    """Stands in for a metadata provider: the code generator writes into it.

    Attributes:
        _computed: Node to range, filled by the code generator.
    """

    __slots__ = ("_computed",)

    def __init__(self) -> None:
        """Start with no positions."""
        self._computed: dict[cst.CSTNode, CodeRange] = {}


def compute_positions(module: cst.Module) -> dict[cst.CSTNode, CodeRange]:
    """Return the syntactic range of every node of a module.

    Args:
        module: The parsed module.

    Returns:
        Node to 1-based line, 0-based column range (libcst's convention).
    """
    sink = _PositionSink()
    state = PositionProvidingCodegenState(
        default_indent=module.default_indent,
        default_newline=module.default_newline,
        provider=sink,
    )
    module._codegen(state)  # libcst exposes no public entry
    return sink._computed
