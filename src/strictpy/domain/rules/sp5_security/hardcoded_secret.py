"""SP501 hardcoded-secret: secret-like names bound to string literals, credential URLs."""

from __future__ import annotations

import re
from typing import ClassVar

import libcst as cst

from strictpy.domain.analysis.string_literals import literal_value, simple_string_value
from strictpy.domain.examples import Invalid, Valid
from strictpy.domain.file_rule import FileRule, visits
from strictpy.domain.secret_names import is_secret_name, name_words

__all__ = ["CREDENTIAL_URL", "HardcodedSecret", "credential_url_line"]

# scheme://user:password@ (the user may be empty: redis://:secret@host).
CREDENTIAL_URL = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@'\"]*:(?P<password>[^\s/@'\"]+)@"
)
# A secret-like name ending in one of these describes a secret, not holds it.
DESCRIPTIVE_WORDS = frozenset(
    {
        "attr",
        "attribute",
        "column",
        "description",
        "dir",
        "endpoint",
        "env",
        "error",
        "field",
        "file",
        "format",
        "header",
        "help",
        "hint",
        "kind",
        "label",
        "message",
        "msg",
        "name",
        "param",
        "path",
        "pattern",
        "placeholder",
        "prefix",
        "regex",
        "suffix",
        "template",
        "type",
        "uri",
        "url",
        "var",
        "variable",
    }
)
# Password parts that are templates or masks, not secrets.
PLACEHOLDER_STARTS = ("{", "$", "%", "<", "*")


def credential_url_line(text: str) -> int | None:
    """Return the 0-based line of the first URL with embedded credentials.

    Args:
        text: A string literal's value.

    Returns:
        The line within the text, or None when no URL carries a real password.
    """
    for match in CREDENTIAL_URL.finditer(text):
        if not match["password"].startswith(PLACEHOLDER_STARTS):
            return text.count("\n", 0, match.start())
    return None


def _holds_secret(name: str, value: str | bytes) -> bool:
    """Tell whether a literal bound to a secret-like name may be the secret.

    Empty values are not; nor are values of names that describe a secret rather
    than hold it (``PASSWORD_ENV``, ``TOKEN_HEADER``, ``token_type``: see
    ``DESCRIPTIVE_WORDS``), nor URLs without credentials.

    Args:
        name: The secret-like name.
        value: The literal's value.

    Returns:
        True when the binding should be reported.
    """
    if not value:
        return False
    words = name_words(name)
    if words and words[-1] in DESCRIPTIVE_WORDS:
        return False
    if isinstance(value, bytes):
        return True
    return not ("://" in value and credential_url_line(value) is None)


def _target_name(target: cst.BaseExpression) -> str | None:
    """Return the name an assignment target binds.

    Args:
        target: The target expression.

    Returns:
        The variable, attribute or string-subscript key; None otherwise.
    """
    if isinstance(target, cst.Name):
        return target.value
    if isinstance(target, cst.Attribute):
        return target.attr.value
    if isinstance(target, cst.Subscript) and len(target.slice) == 1:
        index = target.slice[0].slice
        if isinstance(index, cst.Index):
            key = literal_value(index.value)
            return key if isinstance(key, str) else None
    return None


class HardcodedSecret(FileRule):
    """Flags secret-like names bound to string literals, and URLs with credentials.

    Ruleset 4.1: secrets are read from the environment through
    pydantic-settings; never hardcode secrets, tokens, passwords, API keys or
    connection strings. A secret-like name (see the catalog's conventions)
    assigned, annotated, passed as a keyword, used as a parameter default or a
    dict key with a non-empty string literal is reported, as is any string
    holding ``scheme://user:password@host``. Names that describe a secret
    instead of holding it (``PASSWORD_ENV = "DB_PASSWORD"``, ``TOKEN_HEADER``,
    ``token_type``), credential-free URLs, template placeholders in a URL's
    password (``{password}``, ``${DB_PASS}``) and docstrings are not secrets.
    """

    CODE = "SP501"
    NAME = "hardcoded-secret"
    MESSAGE = "Hardcoded secret in {what}"
    FIX_HINT = "Read the value from the environment through the settings class"
    RULESET_REF = "4.1"
    VALID: ClassVar[tuple[Valid, ...]] = (
        Valid(
            '"""A module."""\n\nfrom app.config import Settings\n\n'
            "password = Settings().db_password\n"
            'PASSWORD_ENV = "DB_PASSWORD"\n'
        ),
    )
    INVALID: ClassVar[tuple[Invalid, ...]] = (
        Invalid('"""A module."""\n\ndb_password = "hunter2"\n', line=3),
        Invalid(
            # Split so that this module's own literals hold no credential URL.
            '"""A module."""\n\nURL = "postgresql://app:' + 'hunter2@db:5432/app"\n',
            line=3,
        ),
    )

    def _check_binding(
        self,
        node: cst.CSTNode,
        name: str | None,
        value: cst.BaseExpression | None,
    ) -> None:
        """Report a secret-like name bound to a secret-looking literal.

        The name is checked first: evaluating a literal (a long implicit
        concatenation, say) costs more and is rarely needed.

        Args:
            node: Where to report.
            name: The bound name, if any.
            value: The bound expression, if any.
        """
        if name is None or value is None or not is_secret_name(name):
            return
        literal = literal_value(value)
        if isinstance(literal, (str, bytes)) and _holds_secret(name, literal):
            self.report(node, what=f"'{name}'")

    @visits(cst.Assign)
    def check_assign(self, node: cst.Assign) -> None:
        """Check each target of an assignment.

        Args:
            node: The assignment.
        """
        for target in node.targets:
            self._check_binding(target, _target_name(target.target), node.value)

    @visits(cst.AnnAssign)
    def check_annotated(self, node: cst.AnnAssign) -> None:
        """Check an annotated assignment with a value.

        Args:
            node: The annotated assignment.
        """
        self._check_binding(node, _target_name(node.target), node.value)

    @visits(cst.Arg)
    def check_keyword(self, node: cst.Arg) -> None:
        """Check a keyword argument.

        Args:
            node: The argument.
        """
        if node.keyword is not None:
            self._check_binding(node, node.keyword.value, node.value)

    @visits(cst.Param)
    def check_default(self, node: cst.Param) -> None:
        """Check a parameter's default.

        Args:
            node: The parameter.
        """
        self._check_binding(node, node.name.value, node.default)

    @visits(cst.DictElement)
    def check_dict_entry(self, node: cst.DictElement) -> None:
        """Check a dict display entry with a string key.

        Args:
            node: The key-value pair.
        """
        if isinstance(node.key, cst.SimpleString):
            key = simple_string_value(node.key)
            if isinstance(key, str):
                self._check_binding(node, key, node.value)

    @visits(cst.SimpleString, cst.FormattedStringText)
    def check_url(self, node: cst.SimpleString | cst.FormattedStringText) -> None:
        """Report a literal holding a URL with embedded credentials.

        Args:
            node: A string literal or the text part of an f-string.
        """
        # The raw text keeps the source's line breaks (escapes stay escaped).
        if "://" not in node.value:
            return
        if isinstance(node, cst.SimpleString) and isinstance(
            self.ctx.ancestors[-1], cst.Expr
        ):
            return
        line = credential_url_line(node.value)
        if line is None:
            return
        self.report(node, line_delta=line, what="a URL with credentials")
