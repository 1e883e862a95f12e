"""Initialisers that store each field through its slot, for frozen slotted dataclasses.

A frozen dataclass refuses plain assignment, so its generated ``__init__`` stores
every field with ``object.__setattr__``; storing through the slots' member
descriptors does the same in half the time. That matters for classes built by
the hundred thousand: libcst's nodes while a file is parsed
(``domain.analysis.parsing``), findings, spans and facts. The initialisers are
generated with ``exec`` because each must accept exactly the arguments of the
one it stands in for (same names, order and defaults), and no library builds
such functions.

The same classes cross between worker processes by the tens of thousands.
Pickle restores a slotted dataclass through a generic ``__setstate__`` that
looks its fields up again for every object; ``stores_through_slots`` also makes
them reduce to a call of the class with their field values, which unpickles
several times faster, through the fast initialiser.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["stores_through_slots", "storing_initialiser"]

# Stands for "no argument given" where a field's default comes from a factory.
NO_VALUE = object()


def storing_initialiser(cls: type) -> Callable[..., None] | None:
    """Generate an initialiser that stores each field through its slot.

    Args:
        cls: A slotted dataclass.

    Returns:
        The initialiser, or None when a field is not a plain slot set by
        ``__init__`` (the class then keeps its own).
    """
    namespace: dict[str, object] = {"NO_VALUE": NO_VALUE}
    parameters: list[str] = []
    stores: list[str] = []
    for index, field in enumerate(dataclasses.fields(cls)):
        name = field.name
        slot = inspect.getattr_static(cls, name, None)
        plain = name.isidentifier() and not name.startswith("_")
        if not (plain and field.init and field.kw_only is not True) or not isinstance(
            slot, types.MemberDescriptorType
        ):
            return None
        namespace[f"_store{index}"] = slot.__set__
        value = name
        if field.default is not dataclasses.MISSING:
            namespace[f"_default{index}"] = field.default
            parameters.append(f"{name}=_default{index}")
        elif field.default_factory is not dataclasses.MISSING:
            namespace[f"_factory{index}"] = field.default_factory
            parameters.append(f"{name}=NO_VALUE")
            value = f"_factory{index}() if {name} is NO_VALUE else {name}"
        else:
            parameters.append(name)
        stores.append(f"    _store{index}(self, {value})\n")
    body = "".join(stores) or "    pass\n"
    source = f"def __init__({', '.join(['self', *parameters])}):\n{body}"
    exec(source, namespace)  # noqa: S102 - generated from the class's own fields
    initialiser = namespace["__init__"]
    return initialiser if callable(initialiser) else None


def stores_through_slots[T: type](cls: T) -> T:
    """Give a frozen slotted dataclass the storing initialiser (a class decorator).

    The class also pickles as a call of itself with its field values, in order.

    Only for classes without ``__post_init__``: the storing initialiser calls
    none.

    Args:
        cls: The dataclass, as ``@dataclass(frozen=True, slots=True)`` made it.

    Raises:
        TypeError: If the class has a ``__post_init__`` or a field that is not a
            plain slot set by ``__init__``.

    Returns:
        The same class.
    """
    initialiser = storing_initialiser(cls)
    if initialiser is None or hasattr(cls, "__post_init__"):
        message = f"{cls.__name__} cannot store its fields through its slots"
        raise TypeError(message)
    cls.__init__ = initialiser  # type: ignore[misc]
    cls.__reduce__ = _reducer(cls)  # type: ignore[assignment,method-assign]
    return cls


def _reducer(cls: type) -> Callable[[object], tuple[type, tuple[object, ...]]]:
    """Generate a ``__reduce__`` that reads each field by name, in order.

    Args:
        cls: The dataclass.

    Returns:
        The method: the class and its field values, as pickle wants them.
    """
    values = "".join(f"self.{field.name}, " for field in dataclasses.fields(cls))
    namespace: dict[str, object] = {"cls": cls}
    source = f"def __reduce__(self):\n    return (cls, ({values}))\n"
    exec(source, namespace)  # noqa: S102 - generated from the class's own fields
    return namespace["__reduce__"]  # type: ignore[return-value]
