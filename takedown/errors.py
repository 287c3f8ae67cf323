"""One exception family, so callers (and the CLI's exit codes) can tell our failures apart."""

from __future__ import annotations


class TakedownError(Exception):
    """Base class of every error takedown raises on purpose."""


class RulesError(TakedownError):
    """A rules file is malformed; the message names file:line and the reason."""


class InputError(TakedownError):
    """One input cannot be read or decoded; the run goes on with the others."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
