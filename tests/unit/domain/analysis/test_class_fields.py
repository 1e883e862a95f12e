"""Tests for reading settings fields and model_config into facts."""

from __future__ import annotations

import libcst as cst

from strictpy.domain.analysis.class_fields import class_fields, string_value

SOURCE = '''
class Settings(BaseSettings):
    """S."""

    model_config = SettingsConfigDict(env_prefix="APP_", env_file=(".env",))
    required: str
    optional: int | None = None
    ellipsis: str = Field(...)
    positional: int = Field(3, alias="POS")
    keyword: int = Field(default=...)
    factory: list[str] = pydantic.Field(default_factory=list)
    choices: str = Field(validation_alias=AliasChoices("A", "B", 1))
    path: str = Field(validation_alias=AliasPath("NESTED", "key"))
    annotated: Annotated[str, Field(alias="ANN")]
    annotated_default: Annotated[int, Field(default=1)]
    K: ClassVar[int] = 1
    T: typing.ClassVar[str] = "x"
    _private: int = 0
    plain = 5
'''


def _class(source: str) -> cst.ClassDef:
    """Parse the first class of a source.

    Args:
        source: Python code starting with a class.

    Returns:
        The class definition.
    """
    module = cst.parse_module(source)
    node = module.body[0]
    assert isinstance(node, cst.ClassDef)
    return node


def test_fields_defaults_and_aliases() -> None:
    """Each kind of field declaration is read."""
    module = cst.parse_module(SOURCE)
    fields, config = class_fields(_class(SOURCE), module.code_for_node)
    table = {field.name: (field.has_default, field.aliases) for field in fields}
    assert table == {
        "required": (False, ()),
        "optional": (True, ()),
        "ellipsis": (False, ()),
        "positional": (True, ("POS",)),
        "keyword": (False, ()),
        "factory": (True, ()),
        "choices": (False, ("A", "B")),
        "path": (False, ("NESTED",)),
        "annotated": (False, ("ANN",)),
        "annotated_default": (True, ()),
    }
    assert config == (("env_prefix", '"APP_"'), ("env_file", '(".env",)'))
    assert fields[1].annotation == "int | None"


def test_config_forms() -> None:
    """Dict displays, plain assignment and one-line class bodies."""
    source = 'class A(B):\n    model_config = {"env_prefix": "X_", 1: 2, **other}\n'
    module = cst.parse_module(source)
    assert class_fields(_class(source), module.code_for_node) == (
        (),
        (("env_prefix", '"X_"'),),
    )
    source = "class A(B): x: int; model_config = make()\n"
    module = cst.parse_module(source)
    fields, config = class_fields(_class(source), module.code_for_node)
    assert [field.name for field in fields] == ["x"]
    assert config == ()


def test_string_value() -> None:
    """Plain and concatenated strings; not f-strings or bytes."""
    assert string_value(cst.parse_expression('"a" "b"')) == "ab"
    assert string_value(cst.parse_expression("'x'")) == "x"
    assert string_value(cst.parse_expression('f"x"')) is None
    assert string_value(cst.parse_expression('b"x"')) is None
