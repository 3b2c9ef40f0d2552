"""Print pip constraints that hold every dependency of pyproject.toml at the lowest version it
declares (`name>=X` becomes `name==X`), for the project and the extras named as arguments.

    python .ci/lowest.py test > lowest.txt
    python -m pip install -c lowest.txt -e '.[test]'

This is uv's `--resolution lowest-direct` for pip: the direct dependencies at their minimums,
whatever they need in turn at its newest. A dependency without a lower bound is refused, since
"the lowest version" would then be whatever version 0 PyPI holds.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python 3.10
    sys.exit("lowest.py needs Python 3.11 or newer (tomllib)")

REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$")


def minimum(requirement: str) -> str:
    """`name==X` for a requirement whose specifiers include `>=X`."""
    match = REQUIREMENT.match(requirement.split(";")[0])
    if not match:
        sys.exit(f"lowest.py: cannot read the requirement {requirement!r}")
    name, _, specifiers = match.groups()
    floors = re.findall(r">=\s*([^,\s]+)", specifiers)
    if len(floors) != 1:
        sys.exit(f"lowest.py: {requirement!r} needs exactly one lower bound (>=)")
    return f"{name}=={floors[0]}"


def main() -> None:
    project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    extras = project.get("optional-dependencies", {})
    for extra in sys.argv[1:]:
        if extra not in extras:
            sys.exit(f"lowest.py: pyproject.toml has no extra {extra!r}")
        requirements += extras[extra]
    seen = set(sys.argv[1:])
    while requirements:
        requirement = requirements.pop(0)
        match = REQUIREMENT.match(requirement)
        if match and match.group(1).lower() == project["name"].lower():
            # An extra that includes another (`figcheck[html]`): that extra's lines count.
            for extra in (match.group(2) or "[]")[1:-1].split(","):
                extra = extra.strip()
                if extra and extra not in seen:
                    seen.add(extra)
                    requirements += extras[extra]
            continue
        print(minimum(requirement))


if __name__ == "__main__":
    main()
