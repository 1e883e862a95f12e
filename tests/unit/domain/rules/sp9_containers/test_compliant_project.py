"""The realistic compliant project of the fixtures yields no SP9 finding and no SP000."""

from __future__ import annotations

from types import MappingProxyType

from strictpy.domain.project import ProjectContext
from strictpy.domain.project_registry import PROJECT_RULES
from strictpy.domain.rules.sp9_containers.container_parse_errors import (
    container_parse_errors,
)
from tests.unit.domain.rules.sp9_containers.container_fixtures import (
    CONTAINER_FIXTURES,
)

SP9_RULES = tuple(rule for rule in PROJECT_RULES if rule.CODE.startswith("SP9"))

COMPLIANT = CONTAINER_FIXTURES / "compliant"


def test_compliant_project_is_clean() -> None:
    """Dockerfile (section 9.1), compose (9.3) and ignore files (9.4) all pass."""
    texts = {
        path.name: path.read_text(encoding="utf-8") for path in COMPLIANT.iterdir()
    }
    assert set(texts) == {"Dockerfile", "compose.yaml", ".gitignore", ".dockerignore"}
    context = ProjectContext(package="app", texts=MappingProxyType(texts))
    assert container_parse_errors(context) == ()
    assert context.containers.dockerfile is not None
    assert len(context.containers.compose_files) == 1
    assert [f.message for rule in SP9_RULES for f in rule().check(context)] == []
