"""Tests for SP708 no-entry-point."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import findings_of, locations

CODE = "SP708"
MAIN = "src/shop/__main__.py"


def test_guarded_call_is_silent() -> None:
    """The guard calls main(): silent."""
    source = '"""Entry."""\nfrom shop.cli import main\n\nif __name__ == "__main__":\n    main()\n'
    assert locations(CODE, {MAIN: source}) == []


def test_reversed_comparison_and_nested_call() -> None:
    """'__main__' == __name__ with raise SystemExit(main()) counts."""
    source = (
        '"""Entry."""\nfrom shop.cli import main\n\n'
        "if '__main__' == __name__:\n    raise SystemExit(main())\n"
    )
    assert locations(CODE, {MAIN: source}) == []


def test_unguarded_call() -> None:
    """A module-level call without the guard is reported."""
    source = '"""Entry."""\nfrom shop.cli import main\n\nmain()\n'
    (finding,) = findings_of(CODE, {MAIN: source})
    assert (finding.path, finding.line) == (MAIN, None)
    assert "has no" in finding.message


def test_guard_without_call() -> None:
    """A guard whose body calls nothing is reported."""
    source = '"""Entry."""\n\nif __name__ == "__main__":\n    VALUE = 1\n'
    (finding,) = findings_of(CODE, {MAIN: source})
    assert "calls no function" in finding.message


def test_call_only_in_else_branch_or_nested_guard() -> None:
    """Calls in the else branch or a guard inside a function do not count."""
    source = (
        '"""Entry."""\n\n\ndef run() -> None:\n    """Run."""\n'
        '    if __name__ == "__main__":\n        run()\n\n\n'
        'if __name__ == "__main__":\n    VALUE = 1\nelse:\n    run()\n'
    )
    assert locations(CODE, {MAIN: source}) == [(MAIN, None)]


def test_missing_main_is_silent() -> None:
    """No __main__.py: SP702's business."""
    assert locations(CODE, {"src/shop/__init__.py": ""}) == []
