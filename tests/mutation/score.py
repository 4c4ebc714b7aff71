"""The mutation score per rule module, after `mutmut run` (called by `make mutants`).

Reads mutmut's results in ``mutants/<module>.meta`` and the equivalent mutants listed in
``tests/mutation/equivalent.md`` (a table whose first column is the mutant's name in
backticks), prints one line per module and exits non-zero when a module scores below its
minimum, when a surviving mutant is not listed as equivalent, or when the list names a
mutant that no longer exists or is now killed (so the list cannot go stale).

The score is killed / (all mutants − equivalent ones); a timeout counts as killed (the
mutant made the tests hang), «no tests» and «suspicious» count as survived.
"""

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EQUIVALENT = Path(__file__).with_name("equivalent.md")
# The functions that hold the rules, per module: `make mutants` mutates these (CI runs it).
SCOPE = {
    "mentoring/access.py": [
        "is_hr",
        "is_hr_admin",
        "has_role",
        "_record_pairs",
        "supported_pairs",
        "mentees_visible_to",
        "can_view_person",
        "get_visible_person_or_404",
        "can_view_pair_private",
        "can_curate",
        "group_is_reportable",
        "is_mentor_of",
        "issues_visible_to",
        "can_read_feedback_authors",
    ],
    "mentoring/consents.py": ["record", "_scope", "latest", "has_consent"],
    "mentoring/disclosure.py": [
        "group_is_reportable",
        "_sensitive",
        "_hide_next",
        "suppress",
        "hide_all",
        "reconcile",
    ],
    "mentoring/reporting.py": ["_monthly_count"],
    "skills/services.py": ["record_level"],
    "search/text.py": ["_marked", "plain_text"],
    "mentoring/importing.py": ["apply"],
    "cms/pdf.py": ["SiteOnlyFetcher.__init__", "SiteOnlyFetcher.fetch", "SiteOnlyFetcher._read"],
}
# `MUTATION_MODULES="mentoring/access.py mentoring/consents.py" make mutants` runs and scores
# only those modules (the list above stays the whole scope).
if os.environ.get("MUTATION_MODULES"):
    SCOPE = {m: SCOPE[m] for m in os.environ["MUTATION_MODULES"].split()}
# The minimum score per module, in per cent of non-equivalent mutants in scope.
MINIMUM = dict.fromkeys(SCOPE, 100)
KILLED = {1, 3, 24, 36, 152, 255, -24}


def equivalent_names(path=EQUIVALENT):
    names = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|\s*`([\w.]+__mutmut_\d+)`\s*\|(.*)\|\s*$", line)
        if match:
            names[match.group(1)] = match.group(2).strip()
    return names


def mangled(module, function):
    """mutmut's name of a function: ``x_name``, or ``xǁClassǁmethod`` for a method."""
    dotted = module.removesuffix(".py").replace("/", ".")
    if "." in function:
        cls, method = function.split(".")
        return f"{dotted}.x\u01c1{cls}\u01c1{method}"
    return f"{dotted}.x_{function}"


def globs():
    """The mutant names in scope, as the patterns `mutmut run` takes."""
    return [f"{mangled(m, f)}__mutmut_*" for m, functions in SCOPE.items() for f in functions]


def in_scope(module, name):
    return any(name.startswith(mangled(module, f) + "__mutmut_") for f in SCOPE[module])


def results(root=ROOT):
    """``{module path: {mutant name: exit code}}`` in scope, from mutmut's meta files."""
    found = {}
    for module in SCOPE:
        meta = root / "mutants" / (module + ".meta")
        if meta.exists():
            codes = json.loads(meta.read_text())["exit_code_by_key"]
            found[module] = {n: c for n, c in codes.items() if in_scope(module, n)}
    return found


def report(found, equivalent):
    problems, lines = [], []
    every_name = set()
    for module, codes in found.items():
        every_name.update(codes)
        killed = [n for n, code in codes.items() if code in KILLED]
        listed = [n for n in codes if n in equivalent]
        unchecked = [n for n, code in codes.items() if code is None]
        survived = [
            n
            for n, code in codes.items()
            if code not in KILLED and code is not None and n not in equivalent
        ]
        counted = len(codes) - len(listed)
        real_kills = len([n for n in killed if n not in equivalent])
        score = 100.0 * real_kills / counted if counted else 100.0
        lines.append(
            f"{module:28} {score:6.1f}%  killed {len(killed):4}  survived {len(survived):3}"
            f"  equivalent {len(listed):3}  not run {len(unchecked):3}  of {len(codes):4}"
        )
        if unchecked:
            problems.append(f"{module}: {len(unchecked)} mutants were not run")
        if score < MINIMUM[module]:
            problems.append(f"{module}: {score:.1f}% is below the minimum {MINIMUM[module]}%")
        for name in survived:
            problems.append(f"survived, not listed as equivalent: {name}  (mutmut show {name})")
        for name in listed:
            if codes[name] in KILLED:
                problems.append(f"listed as equivalent but killed now: {name}")
    for module in MINIMUM.keys() - found.keys():
        problems.append(f"{module}: no results (run `make mutants`)")
    if found.keys() == MINIMUM.keys():
        prefixes = tuple(m.removesuffix(".py").replace("/", ".") + ".x" for m in SCOPE)
        for name in sorted(n for n in set(equivalent) - every_name if n.startswith(prefixes)):
            problems.append(f"listed as equivalent but no such mutant: {name}")
    return lines, problems


def main():
    if sys.argv[1:] == ["--globs"]:
        print(" ".join(globs()))
        return 0
    lines, problems = report(results(), equivalent_names())
    print("\n".join(lines))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
