"""Tests for the call readers behind route, router and main-guard facts."""

from __future__ import annotations

import libcst as cst
import pytest

from strictpy.domain.analysis.file_info import RuleOptions
from strictpy.domain.analysis.route_calls import (
    ANY_METHOD,
    is_main_guard,
    literal_strings,
    route_methods,
)
from strictpy.domain.registry import CODES
from strictpy.domain.selection import Selection
from strictpy.services.file_pass import check_file
from strictpy.services.file_plan import FilePlan


def _call(text: str) -> cst.Call:
    """Parse a call expression.

    Args:
        text: The call's source.

    Returns:
        The call node.
    """
    node = cst.parse_expression(text)
    assert isinstance(node, cst.Call)
    return node


@pytest.mark.parametrize(
    ("method", "call", "expected"),
    [
        ("get", 'app.get("/x")', ("GET",)),
        ("post", 'app.post("/x", methods=["GET"])', ("POST",)),
        ("route", 'app.route("/x")', ()),
        ("route", 'app.route("/x", methods=("get", "post"))', ("GET", "POST")),
        ("api_route", "app.api_route('/x', methods=METHODS)", (ANY_METHOD,)),
    ],
)
def test_route_methods(method: str, call: str, expected: tuple[str, ...]) -> None:
    """Method decorators name their method; generic forms read methods=.

    Args:
        method: The decorator name.
        call: The call source.
        expected: The methods.
    """
    assert route_methods(method, _call(call)) == expected


def test_literal_strings_and_guard() -> None:
    """Only displays of plain strings; only the main guard."""
    assert literal_strings(cst.parse_expression('["a", "b"]')) == ("a", "b")
    assert literal_strings(cst.parse_expression('["a", x]')) is None
    assert literal_strings(cst.parse_expression('"a"')) is None
    assert is_main_guard(cst.parse_expression('__name__ == "__main__"'))
    assert is_main_guard(cst.parse_expression("'__main__' == __name__"))
    assert not is_main_guard(cst.parse_expression('__name__ != "__main__"'))
    assert not is_main_guard(cst.parse_expression('__name__ == "main"'))
    assert not is_main_guard(cst.parse_expression('a == b == "__main__"'))
    assert not is_main_guard(cst.parse_expression("flag"))


def test_collected_facts() -> None:
    """The collector records routes, routers, main calls, JSON formatters, drivers."""
    source = (
        '"""M."""\nimport json\nimport logging\nfrom flask import Blueprint, Flask\n\n'
        'app = Flask(__name__)\nbp: Blueprint = Blueprint("b", __name__, url_prefix="/api")\n'
        'app.register_blueprint(bp, url_prefix="/v1")\n'
        'app.add_url_rule(rule="/r", view_func=view)\nDSN = "sqlite+aiosqlite:///x"\n\n\n'
        "class Fmt(logging.Formatter):\n"
        '    """F."""\n\n    def format(self, record: object) -> str:\n'
        '        """F."""\n        return json.dumps({})\n\n\n'
        '@bp.route("/health")\ndef health() -> str:\n    """H."""\n    return "ok"\n\n\n'
        'if __name__ == "__main__":\n    app.run()\n'
    )
    selection = Selection.build(
        CODES, select=(), extend_select=(), ignore=(), per_file_ignores={}
    )
    plan = FilePlan((), selection, RuleOptions("shop"), collect_facts=True)
    facts = check_file("src/shop/logging.py", source.encode(), plan).facts
    assert facts is not None
    owner = "shop.logging"
    assert [(r.kind, r.owner, r.prefix, r.child, r.line) for r in facts.routers] == [
        ("app", f"{owner}.app", "", None, 6),
        ("router", f"{owner}.bp", "/api", None, 7),
        ("include", f"{owner}.app", "/v1", f"{owner}.bp", 8),
    ]
    assert [(r.owner, r.path, r.methods, r.line) for r in facts.routes] == [
        (f"{owner}.app", "/r", (), 9),
        (f"{owner}.bp", "/health", (), 21),
    ]
    assert facts.main_calls == ("app.run",)
    assert facts.json_formatters == ("Fmt",)
    assert facts.url_drivers == ("aiosqlite",)
    assert facts.dotted_strings == ()
