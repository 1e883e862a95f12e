"""Entry point: ``python -m strictpy`` behaves exactly like ``strictpy``."""

from strictpy.api.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    main()
