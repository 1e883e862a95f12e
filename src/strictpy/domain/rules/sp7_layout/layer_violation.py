"""SP706 layer-violation: an import against the layers' dependency direction."""

from __future__ import annotations

from types import MappingProxyType
from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.imports import imported_modules
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["FORBIDDEN_IMPORTS", "LayerViolation"]

LAYERS = frozenset({"domain", "services", "adapters", "api", "utils"})
FORBIDDEN_IMPORTS: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "domain": frozenset({"services", "adapters", "api"}),
        "services": frozenset({"api"}),
        "adapters": frozenset({"services", "api"}),
        "utils": LAYERS - {"utils"},
        "config": LAYERS,
        "exceptions": LAYERS,
    }
)


class LayerViolation(FileRule):
    """Flags an import that goes against the direction of the layers.

    Ruleset 1 (layer responsibilities): ``domain`` imports no other layer;
    ``services`` never imports ``api``; ``adapters`` import neither
    ``services`` nor ``api``; ``utils``, ``config`` and ``exceptions`` import no
    layer. ``__main__.py`` is the composition root and may import anything.
    Absolute (``import app.adapters.db``), ``from`` and relative
    (``from ..adapters import db``) imports all count, including imports under
    ``if TYPE_CHECKING:`` (a type-only dependency is still a dependency).
    """

    CODE = "SP706"
    NAME = "layer-violation"
    MESSAGE = "Layer '{layer}' imports '{target}' ('{module}')"
    FIX_HINT = "Invert the dependency: define an interface in the inner layer"
    RULESET_REF = "1"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nfrom app.domain.user import User\n\n__all__ = ["User"]\n',
            path="src/app/services/users.py",
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid(
            '"""A module."""\n\nfrom ..adapters import db\n\n__all__ = ["db"]\n',
            line=3,
            path="src/app/domain/user.py",
        ),
    )

    @visits(cst.Import, cst.ImportFrom)
    def check(self, node: cst.Import | cst.ImportFrom) -> None:
        """Report imports of layers this file's layer must not depend on.

        Args:
            node: The import statement.
        """
        info = self.ctx.info
        forbidden = FORBIDDEN_IMPORTS.get(info.layer or "")
        if forbidden is None:
            return
        reported: set[str] = set()
        for module in imported_modules(node, self.ctx.names):
            parts = module.split(".")
            if len(parts) < 2 or parts[0] != info.package:  # noqa: PLR2004 - pkg + layer
                continue
            target = parts[1]
            if target in forbidden and target not in reported:
                reported.add(target)
                self.report(node, layer=info.layer, target=target, module=module)
