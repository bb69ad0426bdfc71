"""Exception hierarchy of ares.

Every exception ares raises on purpose derives from `AresError`. `UserError` and its
subclasses are problems the user can fix (a config value, a data file, a run directory).
The command line shows them without a traceback and exits with code 2.
"""

from __future__ import annotations


class AresError(Exception):
    """Base class of every error ares raises on purpose."""


class UserError(AresError):
    """A problem the user can fix; the command line exits with code 2."""


class ConfigError(UserError):
    """A config file or value is invalid."""


class DataError(UserError):
    """A data file (component library, preference set, benchmark) is invalid."""


class RunDirError(UserError):
    """A run directory cannot be used as requested."""


class BackendError(AresError):
    """A model backend failed after its retries (server error, timeout, invalid reply)."""


class ModelOutputError(AresError):
    """A model returned output that ares cannot use, after its retries."""
