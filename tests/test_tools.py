"""A missing tool skips on a newcomer's machine and fails in CI, through one helper."""

import re
from pathlib import Path

import pytest

from tests import tools

TESTS = Path(__file__).resolve().parent
# A test that looks for a program or an optional package itself would skip silently in CI.
OWN_CHECKS = re.compile(r"shutil\.which\(|importorskip\(|except ImportError")


def test_a_missing_tool_skips_without_the_requirement(monkeypatch):
    monkeypatch.delenv(tools.REQUIRE_TOOLS, raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install nothing"):
        tools.require_command("no-such-program-here", "apt-get install nothing")


@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_a_missing_tool_fails_where_tools_are_required(monkeypatch, value):
    monkeypatch.setenv(tools.REQUIRE_TOOLS, value)
    with pytest.raises(pytest.fail.Exception, match="NASTAVNIK_REQUIRE_TOOLS=1 requires it"):
        tools.require_command("no-such-program-here", "apt-get install nothing")
    with pytest.raises(pytest.fail.Exception):
        tools.require_module("no_such_module_here", "pip install nothing")
    with pytest.raises(pytest.fail.Exception):
        tools.require_file(TESTS / "no-such-file", "npm ci")


def test_a_present_tool_is_returned(monkeypatch):
    monkeypatch.setenv(tools.REQUIRE_TOOLS, "1")
    assert tools.require_command("sh", "always there").endswith("/sh")
    assert tools.require_module("json", "stdlib").dumps([]) == "[]"
    assert tools.require_file(Path(__file__), "here") == Path(__file__)


def test_every_tool_check_goes_through_the_helper():
    own = [
        f"{path.relative_to(TESTS)}:{number}: {line.strip()}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.name != "tools.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OWN_CHECKS.search(line) and "OWN_CHECKS" not in line
    ]
    assert not own, "use tests/tools.py (require_command, require_module):\n" + "\n".join(own)
