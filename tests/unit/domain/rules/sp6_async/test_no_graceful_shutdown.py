"""Tests for SP605 no-graceful-shutdown."""

from __future__ import annotations

from tests.unit.domain.rules.project_cases import locations

CODE = "SP605"
MAIN = "src/shop/__main__.py"
RUN = '"""Entry."""\nimport asyncio\n\nfrom shop.app import serve\n\nasyncio.run(serve())\n'


def test_handler_in_other_module_is_enough() -> None:
    """loop.add_signal_handler anywhere in the code counts."""
    files = {
        MAIN: RUN,
        "src/shop/services/lifecycle.py": (
            '"""Lifecycle."""\nimport signal\n\n\n'
            'def install(loop: object, stop: object) -> None:\n    """Install."""\n'
            "    loop.add_signal_handler(signal.SIGTERM, stop)\n"
        ),
    }
    assert locations(CODE, files) == []


def test_signal_signal_counts() -> None:
    """from signal import signal as on_signal is resolved."""
    text = (
        RUN.replace(
            "import asyncio\n",
            "import asyncio\nfrom signal import SIGTERM, signal as on_signal\n",
        )
        + "on_signal(SIGTERM, print)\n"
    )
    assert locations(CODE, {MAIN: text}) == []


def test_asyncio_run_without_handler_reported_at_call() -> None:
    """Each asyncio.run in the package, at its line; aliases resolved."""
    other = '"""Worker."""\nfrom asyncio import run as start\n\n\ndef go() -> None:\n    """Go."""\n    start(work())\n'
    files = {MAIN: RUN, "src/shop/services/worker.py": other}
    assert locations(CODE, files) == [(MAIN, 6), ("src/shop/services/worker.py", 7)]


def test_handler_only_in_tests_does_not_count() -> None:
    """A test registering a handler is not the service doing it."""
    files = {
        MAIN: RUN,
        "tests/test_main.py": '"""T."""\nimport signal\n\nsignal.signal(signal.SIGINT, print)\n',
    }
    assert locations(CODE, files) == [(MAIN, 6)]


def test_asyncio_run_outside_package_is_ignored() -> None:
    """Scripts are not the service."""
    assert locations(CODE, {"scripts/once.py": RUN}) == []
