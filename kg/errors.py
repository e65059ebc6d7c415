"""User-facing errors: the CLI prints them as one line and exits non-zero."""


class KgError(Exception):
    """A problem the user can fix (bad input, unwritable output, bad query...)."""

    exit_code = 1


class UsageError(KgError):
    exit_code = 2
