"""Tests for SP715 missing-health-check."""

from __future__ import annotations

import pytest

from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP715"
FASTAPI = '[project]\ndependencies = ["fastapi>=0.115"]\n'
FLASK = '[project]\ndependencies = [\n    "flask>=3",\n]\n'


def _app(body: str, framework: str = "fastapi") -> dict[str, str]:
    """Build a one-module web project.

    Args:
        body: Module code after the framework import.
        framework: fastapi or flask.

    Returns:
        The files.
    """
    if framework == "fastapi":
        header = '"""App."""\nfrom fastapi import APIRouter, FastAPI\n\n'
        return {"pyproject.toml": FASTAPI, "src/shop/api/app.py": header + body}
    header = '"""App."""\nfrom flask import Blueprint, Flask\n\n'
    return {"pyproject.toml": FLASK, "src/shop/api/app.py": header + body}


@pytest.mark.parametrize(
    "body",
    [
        'app = FastAPI()\n\n\n@app.get("/health")\ndef health() -> dict:\n    """H."""\n',
        'app = FastAPI()\nr = APIRouter(prefix="/api")\n\n\n@r.get("/health/")\ndef h() -> None:\n'
        '    """H."""\n\n\napp.include_router(r)\n',
        'app = FastAPI()\nr = APIRouter()\n\n\n@r.api_route("/health")\ndef h() -> None:\n'
        '    """H."""\n\n\napp.include_router(r, prefix="/api")\n',
        'app = FastAPI()\napp.add_api_route("/health", handler, methods=["GET"])\n',
        'app = FastAPI()\n\n\n@app.api_route("/health", methods=["GET", "HEAD"])\ndef h() -> None:\n'
        '    """H."""\n',
    ],
)
def test_fastapi_health_routes(body: str) -> None:
    """Decorators, routers with prefixes and add_api_route are understood.

    Args:
        body: The module body.
    """
    assert locations(CODE, _app(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        'app = Flask(__name__)\n\n\n@app.route("/health")\ndef h() -> str:\n    """H."""\n',
        'app = Flask(__name__)\n\n\n@app.route("/health", methods=["GET"])\ndef h() -> str:\n'
        '    """H."""\n',
        'bp = Blueprint("x", __name__, url_prefix="/api")\napp = Flask(__name__)\n\n\n'
        '@bp.get("/health/")\ndef h() -> str:\n    """H."""\n\n\napp.register_blueprint(bp)\n',
        'app = Flask(__name__)\napp.add_url_rule("/health", view_func=handler)\n',
    ],
)
def test_flask_health_routes(body: str) -> None:
    """Flask routes, blueprints and add_url_rule are understood.

    Args:
        body: The module body.
    """
    assert locations(CODE, _app(body, "flask")) == []


def test_router_in_other_module_with_include_prefix() -> None:
    """A router imported (relative, aliased) and included with a prefix."""
    files = {
        "pyproject.toml": FASTAPI,
        "src/shop/__init__.py": "",
        "src/shop/api/health.py": (
            '"""Health."""\nfrom fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n'
            '@router.get("/health/")\nasync def health() -> dict:\n    """H."""\n'
        ),
        "src/shop/api/app.py": (
            '"""App."""\nfrom fastapi import FastAPI\n\nfrom .health import router as hr\n\n'
            'app = FastAPI()\napp.include_router(hr, prefix="/api")\n'
        ),
    }
    assert locations(CODE, files) == []


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (
            'app = FastAPI()\n\n\n@app.post("/health")\ndef h() -> None:\n    """H."""\n',
            4,
        ),
        (
            'app = FastAPI()\n\n\n@app.get("/healthz")\ndef h() -> None:\n    """H."""\n',
            4,
        ),
        (
            'app = FastAPI()\nr = APIRouter(prefix="/v1")\n\n\n@r.get("/health")\n'
            'def h() -> None:\n    """H."""\n\n\napp.include_router(r)\n',
            4,
        ),
    ],
)
def test_missing_health_route_reported_at_app(body: str, line: int) -> None:
    """POST-only, other paths and prefixed routes do not count.

    Args:
        body: The module body.
        line: The line of FastAPI().
    """
    assert locations(CODE, _app(body)) == [("src/shop/api/app.py", line)]


def test_flask_post_only_route() -> None:
    """A Flask route limited to POST is no health check."""
    body = 'app = Flask(__name__)\n\n\n@app.route("/health", methods=["POST"])\ndef h() -> str:\n    """H."""\n'
    (finding,) = findings_of(CODE, _app(body, "flask"))
    assert (finding.line, "Flask" in finding.message) == (4, True)


def test_routes_in_tests_do_not_count() -> None:
    """A health route declared only in tests does not serve production."""
    files = _app("app = FastAPI()\n")
    files["tests/test_app.py"] = (
        '"""T."""\nfrom shop.api.app import app\n\n\n@app.get("/health")\ndef h() -> None:\n'
        '    """H."""\n'
    )
    assert locations(CODE, files) == [("src/shop/api/app.py", 4)]


def test_no_app_object_reports_dependency_line() -> None:
    """Depending on Flask without creating an app: the requirement's line."""
    files = {"pyproject.toml": FLASK, "src/shop/__init__.py": ""}
    assert locations(CODE, files) == [("pyproject.toml", 3)]


def test_no_web_framework_is_silent() -> None:
    """Projects without FastAPI/Flask need no HTTP health route."""
    assert locations(CODE, {"pyproject.toml": "[project]\n", "src/a.py": ""}) == []
