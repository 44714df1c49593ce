#!/usr/bin/env python3
"""Writes a hostile Markdown handbook folder for `ladder import`, for bench/run.sh. Prints nothing.

    bench/hostile_import.py headings DIR   # one page of 20,000 `##` headings (0.5 MB)
    bench/hostile_import.py big DIR        # four pages of 50 MB each: over the 64 MiB cap
    bench/hostile_import.py large DIR      # four pages of 9 MB each: the most that imports

`headings` is the case that once took a minute (every new heading compared with every
other); `big` must be refused with one error line, in little memory; `large` is read whole
(its TOML is just under the 64 MiB any command reads), and its peak memory is what the budget
of 4x the input is judged on.
"""
import os
import sys

INDEX = """# Hostile handbook

A handbook built to be expensive to import.

## How each level is described

- **Planning horizon**: How far ahead the level plans.

And it sets expectations in these dimensions:

- Delivery

## Levels

1. [H1 Engineer](H1-Engineer.md)
"""


def page(path, level, title, body_lines):
    """A level page: heading, summary, one attribute, then the body lines."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"# {level}: {title}\n\n> _A level page._\n\n- **Planning horizon**: A week\n\n")
        for line in body_lines:
            out.write(line)


def headings(n):
    """`n` headings, each a dimension of its own with one expectation and one example."""
    for i in range(n):
        yield f"## Dimension {i}\n- e{i}.\n"


def bullets(size):
    """Expectation bullets under a few headings, about `size` bytes in all."""
    written, i = 0, 0
    while written < size:
        if i % 10_000 == 0:
            line = "\n## Delivery\n\n" if i == 0 else f"\n## Area {i // 10_000}\n\n"
        else:
            line = f"- Ships the work of item {i} on time and explains what it learned along the way.\n"
        written += len(line)
        i += 1
        yield line


def main():
    kind, target = sys.argv[1], sys.argv[2]
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(target, "README.md"), "w", encoding="utf-8") as out:
        out.write(INDEX)
    if kind == "headings":
        page(os.path.join(target, "H1-Engineer.md"), "H1", "Engineer", headings(20_000))
    elif kind in ("big", "large"):
        size = (50 if kind == "big" else 9) * 1000 * 1000
        for n in range(1, 5):
            page(os.path.join(target, f"H{n}-Engineer-{n}.md"), f"H{n}", f"Engineer {n}", bullets(size))
    else:
        sys.exit(f"unknown case {kind!r}: headings, big or large")


if __name__ == "__main__":
    main()
