"""The one way a test asks for an outside tool (a program or a package the suite needs).

On a newcomer's machine a missing tool skips the tests that need it, with the reason and
how to install it. Where the tools are required — CI sets ``NASTAVNIK_REQUIRE_TOOLS=1`` —
the same test fails instead, so a tool that could not be installed or started never turns
into silently skipped tests. Every such check in the suite goes through this module
(``tests/test_tools.py`` enforces it).
"""

import importlib
import os
import shutil

import pytest

REQUIRE_TOOLS = "NASTAVNIK_REQUIRE_TOOLS"


def tools_required():
    return os.environ.get(REQUIRE_TOOLS, "").strip().lower() in {"1", "true", "yes"}


def missing_tool(reason):
    """Skip on a newcomer's machine; fail where the tools are required (CI)."""
    if tools_required():
        pytest.fail(f"{reason} — {REQUIRE_TOOLS}=1 requires it", pytrace=False)
    pytest.skip(reason)


def require_command(name, how, *, path=None):
    """The full path of the program ``name`` (or of ``path`` if given and present)."""
    if path and os.path.exists(path):
        return path
    found = shutil.which(path or name) or shutil.which(name)
    if not found:
        missing_tool(f"{name} is not installed ({how})")
    return found


def require_module(name, how):
    """The Python module ``name``, imported."""
    try:
        return importlib.import_module(name)
    except ImportError:
        missing_tool(f"the Python package {name} is not installed ({how})")


def require_file(path, how, root=None):
    """A file the tests need (e.g. from ``npm ci``)."""
    if not path.exists():
        shown = path.relative_to(root) if root else path
        missing_tool(f"{shown} is missing ({how})")
    return path
