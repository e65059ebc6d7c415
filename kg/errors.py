"""User-facing errors: the CLI prints them as one line and exits non-zero."""


class KgError(Exception):
    """A problem the user can fix (bad input, unwritable output, bad query...)."""

    exit_code = 1


class UsageError(KgError):
    exit_code = 2


#: How to get the optional HanLP backend; a CPU-only torch first keeps pip from pulling a CUDA build.
HANLP_INSTALL = ("pip install 'kg[hanlp]' (for a CPU-only torch, first: "
                 "pip install torch --index-url https://download.pytorch.org/whl/cpu)")


def require_hanlp(feature: str) -> None:
    """Fail with one line naming the install command when HanLP (and torch) are not installed."""
    try:
        import hanlp  # noqa: F401  (optional heavy dependency: imported only here and where it is used)
        import torch  # noqa: F401
    except ImportError:
        raise KgError(f"{feature} needs the HanLP extra, which is not installed: {HANLP_INSTALL}") from None
