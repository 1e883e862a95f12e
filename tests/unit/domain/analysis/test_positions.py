"""Tests for lazily computed node positions."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.analysis.positions import compute_positions


def test_positions_match_libcst_provider() -> None:
    """Positions agree with libcst's own PositionProvider."""
    source = "@decorator\ndef run(\n    value: int,\n) -> None:\n    return None\n"
    module = cst.parse_module(source)
    positions = compute_positions(module)
    wrapper = cst.metadata.MetadataWrapper(module, unsafe_skip_copy=True)
    expected = wrapper.resolve(cst.metadata.PositionProvider)
    function = module.body[0]
    assert isinstance(function, cst.FunctionDef)
    assert positions[function] == expected[function]
    # The def line, not the decorator.
    assert (positions[function].start.line, positions[function].start.column) == (2, 0)
    param = function.params.params[0]
    assert (positions[param].start.line, positions[param].start.column) == (3, 4)
