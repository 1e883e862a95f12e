"""A compose file parsed with PyYAML's safe loader, keeping the line of every key.

The YAML node graph (``yaml.compose``) gives each key's line; the safe
constructor then builds plain values with anchors, aliases and ``<<`` merge
keys resolved. Services that ``extends`` another service of the same file get
that service's keys underneath their own; ``extends`` of another file is kept
as a marker, since project rules never open files. Duplicate keys, which
PyYAML silently accepts but compose rejects, are reported like compose does.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

import yaml

from strictpy.domain.containers.input_problem import InputProblem, binary_problem
from strictpy.domain.containers.variable_expansion import expand_variables

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["UNKNOWN", "ComposeFile", "Service", "parse_compose"]

MERGE_TAG = "tag:yaml.org,2002:merge"
# What an interpolated variable without a default becomes: its value is unknown.
UNKNOWN = "\x00"


@dataclass(frozen=True, slots=True)
class Service:
    """One compose service.

    Attributes:
        name: The service's key.
        line: The line of the service's key.
        config: The service's settings as plain values (merges and same-file
            ``extends`` applied).
        key_lines: The line of each setting's key.
        external_extends: Whether it ``extends`` a service of another file,
            so some settings may come from elsewhere.
    """

    name: str
    line: int
    config: MappingProxyType[str, object]
    key_lines: MappingProxyType[str, int]
    external_extends: bool = False

    def line_of(self, key: str) -> int:
        """Return the line of a setting's key, or the service's line.

        Args:
            key: A setting such as ``image``.

        Returns:
            The 1-based line.
        """
        return self.key_lines.get(key, self.line)

    def builds(self, dockerfile: str) -> bool:
        """Tell whether the service builds from a project-relative Dockerfile.

        ``build: .`` and ``build: {context: ., dockerfile: Dockerfile}`` build
        the root ``Dockerfile``; the ``dockerfile`` path is relative to the
        context, as in compose.

        Args:
            dockerfile: The Dockerfile's project-relative path.

        Returns:
            True when the service's build resolves to that file.
        """
        build = self.config.get("build")
        context: object = "."
        name: object = "Dockerfile"
        if isinstance(build, str):
            context = build
        elif isinstance(build, dict):
            if "dockerfile_inline" in build:
                return False
            context = build.get("context", ".")
            name = build.get("dockerfile", "Dockerfile")
        else:
            return False
        if not isinstance(context, str) or not isinstance(name, str):
            return False
        if "://" in context or context.startswith("git@"):
            return False
        resolved = posixpath.normpath(posixpath.join(context, name))
        return resolved == posixpath.normpath(dockerfile)

    def image(self) -> str | None:
        """Return the service's ``image``, variables interpolated.

        Variables with a default (``${TAG:-16}``) take it; others become
        :data:`UNKNOWN`, so callers can tell a value they cannot see.

        Returns:
            The image reference, or None when the service has none.
        """
        image = self.config.get("image")
        if image is None:
            return None
        return expand_variables(str(image), {}, missing=UNKNOWN, compose=True)

    def depends_on(self) -> MappingProxyType[str, str]:
        """Return the services this one waits for, with the awaited condition.

        Returns:
            Service name to condition (``service_started`` for the list form).
        """
        raw = self.config.get("depends_on")
        conditions: dict[str, str] = {}
        if isinstance(raw, list):
            conditions.update((str(name), "service_started") for name in raw)
        elif isinstance(raw, dict):
            for name, options in raw.items():
                condition = (
                    options.get("condition", "service_started")
                    if isinstance(options, dict)
                    else "service_started"
                )
                conditions[str(name)] = str(condition)
        return MappingProxyType(conditions)

    def network_names(self) -> tuple[str, ...]:
        """Return the networks the service joins (list or mapping form).

        Returns:
            The network names; empty when the service names none.
        """
        raw = self.config.get("networks")
        if isinstance(raw, (list, dict)):
            return tuple(str(name) for name in raw)
        return ()


@dataclass(frozen=True, slots=True)
class ComposeFile:
    """A parsed compose file.

    Attributes:
        path: The project-relative path.
        services: The services, in file order.
        services_line: The line of the ``services`` key, or None.
        networks: The top-level ``networks`` declarations, by name.
        networks_line: The line of the top-level ``networks`` key, or None.
    """

    path: str
    services: tuple[Service, ...]
    services_line: int | None
    networks: MappingProxyType[str, object]
    networks_line: int | None

    def service(self, name: str) -> Service | None:
        """Find a service by name.

        Args:
            name: The service's key.

        Returns:
            The service, or None.
        """
        return next((item for item in self.services if item.name == name), None)

    def app_services(self, dockerfile: str = "Dockerfile") -> tuple[Service, ...]:
        """Return the services built from the project's Dockerfile.

        Args:
            dockerfile: The project's Dockerfile path.

        Returns:
            Those services; without any, the service named ``app`` if it exists.
        """
        built = tuple(item for item in self.services if item.builds(dockerfile))
        if built:
            return built
        app = self.service("app")
        return (app,) if app is not None else ()


def _line(node: yaml.Node) -> int:
    """Return a node's 1-based first line.

    Args:
        node: A YAML node.

    Returns:
        The line.
    """
    return node.start_mark.line + 1


def _mapping_pairs(
    node: yaml.MappingNode, seen: frozenset[int] = frozenset()
) -> Iterator[tuple[yaml.Node, yaml.Node]]:
    """Yield a mapping's key/value nodes, ``<<`` merges expanded (own keys first).

    Args:
        node: The mapping node.
        seen: Ids of mappings already being expanded (alias cycles).

    Yields:
        (key node, value node) pairs; a merged key follows the own keys.
    """
    merges: list[yaml.Node] = []
    for key, value in node.value:
        if key.tag == MERGE_TAG:
            merges.append(value)
        else:
            yield key, value
    for merged in merges:
        sources = merged.value if isinstance(merged, yaml.SequenceNode) else [merged]
        for source in sources:
            if isinstance(source, yaml.MappingNode) and id(source) not in seen:
                yield from _mapping_pairs(source, seen | {id(node)})


def _key_lines(node: yaml.MappingNode) -> dict[str, int]:
    """Return the line of each key of a mapping, own keys winning over merged ones.

    Args:
        node: The mapping node.

    Returns:
        Key text to line.
    """
    lines: dict[str, int] = {}
    for key, _ in _mapping_pairs(node):
        if isinstance(key, yaml.ScalarNode):
            lines.setdefault(str(key.value), _line(key))
    return lines


def _duplicate_key(root: yaml.Node, path: str) -> InputProblem | None:
    """Find a key defined twice in one mapping, which compose rejects.

    Args:
        root: The document's root node.
        path: The file's path.

    Returns:
        The problem at the second definition, or None.
    """
    stack: list[yaml.Node] = [root]
    visited: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in visited:
            continue
        visited.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                stack.append(value)
                if key.tag == MERGE_TAG or not isinstance(key, yaml.ScalarNode):
                    continue
                if key.value in first:
                    reason = (
                        f'mapping key "{key.value}" already defined at line '
                        f"{first[key.value]}"
                    )
                    return InputProblem(path, _line(key), reason)
                first[key.value] = _line(key)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def _yaml_problem(path: str, text: str, error: yaml.YAMLError) -> InputProblem:
    """Turn a PyYAML error into a problem with the parser's line and message.

    An error found at the end of the stream (an unclosed bracket) points at
    where the unfinished construct started, which PyYAML gives as context,
    or else at the last line.

    Args:
        path: The file's path.
        text: The file's text.
        error: The error.

    Returns:
        The problem.
    """
    last = len(text.rstrip("\n").split("\n")) - 1
    line: int | None = None
    for mark in (
        getattr(error, "problem_mark", None),
        getattr(error, "context_mark", None),
    ):
        if mark is not None:
            line = min(mark.line, last) + 1
            if mark.line <= last:
                break
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    reason = f"not valid YAML: {problem}" + (f" ({context})" if context else "")
    return InputProblem(path, line, reason)


def _resolve_extends(
    name: str,
    raw: dict[str, tuple[dict[str, object], dict[str, int]]],
    path: str,
    trail: tuple[str, ...] = (),
) -> tuple[dict[str, object], dict[str, int], bool]:
    """Apply a service's same-file ``extends`` chain.

    Args:
        name: The service.
        raw: Every service's own settings and key lines.
        path: The compose file's path (an ``extends.file`` naming it is local).
        trail: Services already on the chain (cycles stop here).

    Returns:
        (settings, key lines, whether an external file is extended).
    """
    config, lines = raw[name]
    extends = config.get("extends")
    base_name: str | None = None
    external = False
    if isinstance(extends, str):
        base_name = extends
    elif isinstance(extends, dict):
        file = extends.get("file")
        service = extends.get("service")
        if file is not None and str(file).removeprefix("./") != path:
            external = True
        elif isinstance(service, str):
            base_name = service
    if base_name is None or base_name not in raw or base_name in (*trail, name):
        return config, lines, external
    base_config, base_lines, base_external = _resolve_extends(
        base_name, raw, path, (*trail, name)
    )
    return (
        {**base_config, **config},
        {**base_lines, **lines},
        external or base_external,
    )


def _services(
    node: yaml.MappingNode, loader: yaml.SafeLoader, path: str
) -> tuple[Service, ...] | InputProblem:
    """Build the services of a ``services`` mapping.

    Args:
        node: The ``services`` mapping node.
        loader: A safe loader used as constructor.
        path: The file's path.

    Returns:
        The services, or the problem of a service that is not a mapping.
    """
    raw: dict[str, tuple[dict[str, object], dict[str, int]]] = {}
    key_lines: dict[str, int] = {}
    for key, value in _mapping_pairs(node):
        name = str(key.value)
        if isinstance(value, yaml.ScalarNode) and value.tag.endswith(":null"):
            raw.setdefault(name, ({}, {}))
        elif isinstance(value, yaml.MappingNode):
            lines = _key_lines(value)
            config = loader.construct_object(value, deep=True)
            raw.setdefault(name, (dict(config), lines))
        else:
            reason = f'service "{name}" must be a mapping'
            return InputProblem(path, _line(key), reason)
        key_lines.setdefault(name, _line(key))
    services: list[Service] = []
    for name in raw:
        config, lines, external = _resolve_extends(name, raw, path)
        services.append(
            Service(
                name=name,
                line=key_lines[name],
                config=MappingProxyType(config),
                key_lines=MappingProxyType(lines),
                external_extends=external,
            )
        )
    return tuple(services)


def parse_compose(path: str, text: str) -> ComposeFile | InputProblem:
    """Parse a compose file's text.

    Args:
        path: The project-relative path (``compose.yaml`` ...).
        text: The file's text.

    Returns:
        The compose file, or the problem that makes it unreadable.
    """
    binary = binary_problem(path, text)
    if binary is not None:
        return binary
    loader = yaml.SafeLoader("")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        if root is None:
            return ComposeFile(path, (), None, MappingProxyType({}), None)
        if not isinstance(root, yaml.MappingNode):
            reason = "the top-level object must be a mapping"
            return InputProblem(path, _line(root), reason)
        return _duplicate_key(root, path) or _compose_file(path, root, loader)
    except yaml.YAMLError as error:
        return _yaml_problem(path, text, error)
    except RecursionError:
        return InputProblem(path, None, "not valid YAML: nested too deeply")
    finally:
        loader.dispose()


def _compose_file(
    path: str, root: yaml.MappingNode, loader: yaml.SafeLoader
) -> ComposeFile | InputProblem:
    """Build the compose file from its root mapping.

    Args:
        path: The file's path.
        root: The root mapping node.
        loader: A safe loader used as constructor.

    Returns:
        The compose file, or the problem of a malformed section.
    """
    sections = {
        str(key.value): (key, value)
        for key, value in _mapping_pairs(root)
        if isinstance(key, yaml.ScalarNode)
    }
    services: tuple[Service, ...] = ()
    services_line: int | None = None
    if "services" in sections:
        key, value = sections["services"]
        services_line = _line(key)
        if isinstance(value, yaml.MappingNode):
            built = _services(value, loader, path)
            if isinstance(built, InputProblem):
                return built
            services = built
        elif not value.tag.endswith(":null"):
            return InputProblem(path, _line(key), "services must be a mapping")
    networks: dict[str, object] = {}
    networks_line: int | None = None
    if "networks" in sections:
        key, value = sections["networks"]
        networks_line = _line(key)
        if isinstance(value, yaml.MappingNode):
            constructed = loader.construct_object(value, deep=True)
            networks = {str(name): item for name, item in constructed.items()}
    return ComposeFile(
        path=path,
        services=services,
        services_line=services_line,
        networks=MappingProxyType(networks),
        networks_line=networks_line,
    )
