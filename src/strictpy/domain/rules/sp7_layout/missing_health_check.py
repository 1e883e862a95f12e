"""SP715 missing-health-check: a FastAPI or Flask service without a GET health route."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar

from strictpy.domain.dependency_map import normalize_distribution, requirement_name
from strictpy.domain.examples import ProjectInvalid, ProjectValid
from strictpy.domain.facts import ANY_METHOD
from strictpy.domain.rule import ProjectRule
from strictpy.domain.ruleset_data import HEALTH_PATHS, WEB_FRAMEWORKS

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from strictpy.domain.facts import RouteFact, RouterFact
    from strictpy.domain.findings import Finding
    from strictpy.domain.project import ProjectContext

__all__ = ["MissingHealthCheck", "route_paths"]

MAX_DEPTH = 8
SLASHES = re.compile(r"/{2,}")
ACCEPTED_PATHS = frozenset(
    {path.rstrip("/") for path in HEALTH_PATHS}
    | {path.rstrip("/") + "/" for path in HEALTH_PATHS}
)
PYPROJECT = '[project]\nname = "shop"\ndependencies = ["fastapi>=0.115"]\n'
APP_OK = '''"""HTTP application."""
from fastapi import FastAPI

from shop.api.health import router

app = FastAPI()
app.include_router(router, prefix="/api")
'''
HEALTH_OK = '''"""Health route."""
from fastapi import APIRouter

router = APIRouter()


@router.get("/health/")
async def health() -> dict[str, str]:
    """Report readiness."""
    return {"status": "healthy"}
'''


def _prefixes(
    owner: str,
    created: dict[str, RouterFact],
    includes: list[RouterFact],
    seen: frozenset[str],
) -> set[str]:
    """Return the URL prefixes under which an app or router serves its routes.

    FastAPI joins ``include_router(prefix=...)`` and the router's own prefix;
    Flask's ``register_blueprint(url_prefix=...)`` replaces the blueprint's.
    Both readings are kept, so neither framework gets a false report.

    Args:
        owner: The app or router.
        created: Apps and routers by identity.
        includes: Every inclusion.
        seen: Owners already on the path (cycles end here).

    Returns:
        The possible prefixes.
    """
    own = created[owner].prefix if owner in created else ""
    parents = [
        include
        for include in includes
        if include.child == owner and include.owner not in seen
    ]
    if not parents or len(seen) >= MAX_DEPTH:
        return {own}
    found: set[str] = set()
    for include in parents:
        for outer in _prefixes(include.owner, created, includes, seen | {owner}):
            found.add(outer + include.prefix + own)
            found.add(outer + (include.prefix or own))
    return found


def route_paths(
    routes: Iterable[RouteFact], routers: Iterable[RouterFact]
) -> set[tuple[str, tuple[str, ...]]]:
    """Return every full path a route may be served at, with its methods.

    Args:
        routes: The project's routes.
        routers: The project's apps, routers and inclusions.

    Returns:
        (full path, methods) pairs.
    """
    routers = list(routers)
    created = {r.owner: r for r in routers if r.kind != "include" and r.owner}
    includes = [r for r in routers if r.kind == "include" and r.child]
    paths: set[tuple[str, tuple[str, ...]]] = set()
    for route in routes:
        if route.path is None:
            continue
        for prefix in _prefixes(route.owner, created, includes, frozenset()):
            full = SLASHES.sub("/", "/" + prefix + "/" + route.path)
            paths.add((full, route.methods))
    return paths


def _serves_get(methods: tuple[str, ...]) -> bool:
    """Tell whether a route answers GET.

    Args:
        methods: The route's declared methods (empty: the default, GET).

    Returns:
        True for GET routes.
    """
    return not methods or "GET" in methods or ANY_METHOD in methods


class MissingHealthCheck(ProjectRule):
    """Flags a project depending on FastAPI or Flask that has no GET ``/health`` route.

    Ruleset section 8: every long-running HTTP service exposes a health check
    at ``/health`` or ``/api/health/`` answering ``GET`` without
    authentication, so orchestrators can probe readiness. Routes are read from
    decorators (``@app.get``, ``@router.get``, ``@app.route`` with or without
    ``methods``, ``@bp.get``) and ``add_api_route``/``add_url_rule`` calls,
    with the prefixes of ``APIRouter(prefix=...)``, ``include_router(...,
    prefix=...)``, ``Blueprint(url_prefix=...)`` and ``register_blueprint``
    applied across modules. Trailing-slash variants of both paths count. The
    finding points at the ``FastAPI(...)``/``Flask(...)`` call (or at the
    dependency when no application object is created).
    """

    CODE = "SP715"
    NAME = "missing-health-check"
    MESSAGE = "The {framework} service has no GET route for '/health' or '/api/health/'"
    FIX_HINT = "Add a GET /health route reporting readiness (200) or failure (503)"
    RULESET_REF = "8"
    VALID: ClassVar[tuple[ProjectValid, ...]] = (
        ProjectValid(
            MappingProxyType(
                {
                    "pyproject.toml": PYPROJECT,
                    "src/shop/api/app.py": APP_OK,
                    "src/shop/api/health.py": HEALTH_OK,
                }
            )
        ),
    )
    INVALID: ClassVar[tuple[ProjectInvalid, ...]] = (
        ProjectInvalid(
            MappingProxyType(
                {
                    "pyproject.toml": PYPROJECT,
                    "src/shop/api/app.py": APP_OK.replace('"/api"', '"/v1"'),
                    "src/shop/api/health.py": HEALTH_OK,
                }
            ),
            path="src/shop/api/app.py",
            line=6,
        ),
    )

    def check(self, ctx: ProjectContext) -> Iterator[Finding]:
        """Report a web service without a health route.

        Args:
            ctx: The project.

        Yields:
            At most one finding.
        """
        frameworks = sorted(ctx.dependency_names & WEB_FRAMEWORKS)
        if not frameworks:
            return
        routes = [route for facts in ctx.code_facts for route in facts.routes]
        routers = [router for facts in ctx.code_facts for router in facts.routers]
        for path, methods in route_paths(routes, routers):
            if path in ACCEPTED_PATHS and _serves_get(methods):
                return
        framework = "/".join(name.capitalize() for name in frameworks)
        framework = framework.replace("Fastapi", "FastAPI")
        for facts in ctx.code_facts:
            for router in facts.routers:
                if router.kind == "app":
                    yield self.finding(
                        ctx, facts.path, router.line, framework=framework
                    )
                    return
        yield from self._at_dependency(ctx, framework)

    def _at_dependency(self, ctx: ProjectContext, framework: str) -> Iterator[Finding]:
        """Report at the framework's requirement in ``pyproject.toml``.

        Args:
            ctx: The project.
            framework: The framework's display name.

        Yields:
            The finding.
        """
        pyproject = ctx.pyproject
        line = None
        if pyproject is not None:
            for spec in pyproject.dependencies:
                name = requirement_name(spec)
                if name and normalize_distribution(name) in WEB_FRAMEWORKS:
                    line = pyproject.dependency_line(("project", "dependencies"), spec)
                    break
        yield self.finding(ctx, "pyproject.toml", line, framework=framework)
