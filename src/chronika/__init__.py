"""Chronika: a secure, verifiable chronicle of human-rights violations."""

__version__ = "0.1.0"
