"""SP602 non-aiohttp-http-client: imports of ``requests``, ``httpx``, ``urllib3``, ``pycurl``."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.imports import imported_modules, top_level
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits

__all__ = ["HTTP_CLIENTS", "NonAiohttpHttpClient"]

HTTP_CLIENTS = frozenset({"requests", "httpx", "urllib3", "pycurl"})


class NonAiohttpHttpClient(FileRule):
    """Flags imports of HTTP clients other than ``aiohttp``.

    Ruleset 6.2.2: prefer ``aiohttp`` for HTTP, in sync and async code alike,
    and never use ``requests`` in async code. One client keeps retries,
    timeouts, sessions and tests uniform; ``requests``, ``httpx``, ``urllib3``
    and ``pycurl`` are reported wherever they are imported, except in tests
    (which may use a framework's test client).
    """

    CODE = "SP602"
    NAME = "non-aiohttp-http-client"
    MESSAGE = "HTTP client '{module}' imported; use aiohttp"
    FIX_HINT = "Use an aiohttp.ClientSession"
    RULESET_REF = "6.2"
    NEEDS_NAMES = True
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nimport aiohttp\n\nTIMEOUT = aiohttp.ClientTimeout(10)\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid('"""A module."""\n\nimport requests\n', line=3),
    )

    @visits(cst.Import, cst.ImportFrom)
    def check(self, node: cst.Import | cst.ImportFrom) -> None:
        """Report each non-aiohttp HTTP client an import brings in.

        Args:
            node: The import statement.
        """
        if self.ctx.info.is_test:
            return
        seen: set[str] = set()
        for module in imported_modules(node, self.ctx.names):
            top = top_level(module)
            if top in HTTP_CLIENTS and top not in seen:
                seen.add(top)
                self.report(node, module=top)
