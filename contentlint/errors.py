"""Errors the user must act on: each becomes one line on stderr and exit code 2."""


class ContentlintError(Exception):
    """Base class: a usage, configuration or input problem (exit 2)."""


class UsageError(ContentlintError):
    """Bad command-line arguments."""


class ConfigError(ContentlintError):
    """Bad configuration file, option or selector."""


class InputError(ContentlintError):
    """A file that cannot be read as an article."""
