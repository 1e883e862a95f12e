"""strictpy's exception hierarchy (ruleset 7.1): every application error is an AppError."""

from __future__ import annotations

__all__ = [
    "AppError",
    "ConfigurationError",
    "ExternalServiceError",
    "NotFoundError",
    "RuleDefinitionError",
    "ValidationError",
]


class AppError(Exception):
    """Base exception for the application."""


class ValidationError(AppError):
    """Raised when input validation fails."""


class NotFoundError(AppError):
    """Raised when a requested resource is not found."""


class ExternalServiceError(AppError):
    """Raised when an external service call fails."""


class ConfigurationError(AppError):
    """Raised when application configuration is invalid."""


class RuleDefinitionError(AppError):
    """Raised at import time when a rule class is declared wrongly."""
