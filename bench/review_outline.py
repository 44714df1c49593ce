#!/usr/bin/env python3
"""Writes, for bench/run.sh, a ladder of two roles whose upper one has N expectations, to
review an outline of that many: `review_outline.py N DIR` writes DIR/ladder.toml; the bench
then writes the outline with `ladder evidence` and fills every expectation with fill().

    bench/review_outline.py 5000 /tmp/review
"""
import os
import sys


def ladder(n):
    lines = ['name = "Outline bench"', 'levels = ["R1", "R2"]', ""]
    for d in range(4):
        themes = ", ".join(f'{{ id = "t{t}", name = "Theme {t}" }}' for t in range(5))
        lines += ["[[dimension]]", f'id = "d{d}"', f'name = "Dimension {d}"', f"themes = [{themes}]", ""]
    lines += ["[[track]]", 'id = "t"', 'name = "Track"', 'roles = ["R1-a", "R2-b"]', ""]
    for role, level, count in (("R1-a", "R1", 8), ("R2-b", "R2", n)):
        lines += ["[[role]]", f'id = "{role}"', f'level = "{level}"', f'title = "Role {role}"',
                  'summary = "A role."']
        for d in range(4):
            lines.append(f"[role.dimensions.d{d}]")
            items = ", ".join(
                f'{{ theme = "t{i % 5}", text = "Does task {i} of dimension {d} for role {role} well." }}'
                for i in range(count // 4))
            lines.append(f"expectations = [{items}]")
        lines.append("")
    return "\n".join(lines) + "\n"


def fill(path):
    """Fills every placeholder of the outline at `path` with a paragraph of evidence."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    evidence = "Did it in March with the team; the lead saw the result and the numbers improved."
    text = text.replace("_Your evidence: what you did, when, and who saw it._", evidence)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    if sys.argv[1] == "fill":
        fill(sys.argv[2])
    else:
        os.makedirs(sys.argv[2], exist_ok=True)
        with open(os.path.join(sys.argv[2], "ladder.toml"), "w", encoding="utf-8") as f:
            f.write(ladder(int(sys.argv[1])))
