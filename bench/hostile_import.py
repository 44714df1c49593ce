#!/usr/bin/env python3
"""Writes a hostile Markdown handbook folder for `ladder import`, for bench/run.sh. Prints nothing.

    bench/hostile_import.py headings DIR   # one page of 20,000 `##` headings (0.5 MB)
    bench/hostile_import.py big DIR        # four pages of 50 MB each: over the 64 MiB cap
    bench/hostile_import.py large DIR      # four pages of 9 MB each: the most that imports
    bench/hostile_import.py spellings DIR  # a 100 KB index of 1,860 links to one 36 KB page,
                                           # each spelled another way (`d//H1.md`, `d/./H1.md`)
    bench/hostile_import.py fence DIR      # a 0.9 MB page inside an unclosed code fence:
                                           # 450,000 lines that each could not be placed
    bench/hostile_import.py fence-large DIR  # the same, 62 MiB: inside the cap
    bench/hostile_import.py pages DIR      # 20,000 one-line pages, no index (0.3 MB)
    bench/hostile_import.py sheet-long DIR # DIR/sheet.tsv: a long sheet of 10,000 roles (27 MB)
    bench/hostile_import.py sheet-wide DIR # DIR/sheet.csv: 100 level rows x 40 columns of
                                           # cells of paragraphs and bullets (15 MB)
    bench/hostile_import.py sheet-quote DIR  # DIR/sheet.csv: 60 MB after a quote never closed
    bench/hostile_import.py levels DIR     # one page of 20,000 `## D1 - Developer 1` levels,
                                           # each over a `### Delivery` section (1 MB)
    bench/hostile_import.py titles DIR     # one page of 20,000 `# Senior Engineer` titles, one
                                           # title for every level (0.6 MB)

`headings` is the case that once took a minute (every new heading compared with every
other); `big` must be refused with one error line, in little memory; `large` is read whole
(its TOML is just under the 64 MiB any command reads), and its peak memory is what the budget
of 4x the input is judged on. `spellings` once read its page 1,860 times (40 s, 8.75 GB);
`fence` wrote 450,000 warning lines and `fence-large` took 36 s and 8.2 GB; `pages` took
1.5 s (40,000: 5.7 s), inferring tracks by comparing every title's family with every other.
`levels` and `titles` are pages of many levels, each cut into parts and read as a page of its
own: the parts, their ids made unique and their tracks grow linearly with the headings.
The sheets are read in one pass: `sheet-long` and `sheet-wide` within 4x their size, and
`sheet-quote` (whose one cell would be the whole file) refused with one error line.
"""
import itertools
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


def spellings(target, links=1860):
    """An index linking one page in a subfolder by `links` spellings of its path."""
    os.makedirs(os.path.join(target, "d"), exist_ok=True)
    body = (f"- Ships item {i} on time and explains what it learned.\n" for i in range(640))
    page(os.path.join(target, "d", "H1-Engineer.md"), "H1", "Engineer", body)
    with open(os.path.join(target, "README.md"), "w", encoding="utf-8") as out:
        out.write(INDEX.replace("1. [H1 Engineer](H1-Engineer.md)\n", ""))
        for i in range(links):
            # Bit b of i spells the b-th separator `./` or `/`: every link differs.
            path = "".join("./" if (i >> b) & 1 else "/" for b in range(11))
            out.write(f"1. [H1 Engineer](d/{path}H1-Engineer.md)\n")


def fence(target, lines):
    """One level page whose last section opens a code fence that never closes."""
    body = itertools.chain(["## Delivery\n\n- Ships.\n\n```\n"], itertools.repeat("x\n", lines))
    page(os.path.join(target, "H1-Engineer.md"), "H1", "Engineer", body)


def pages(target, n):
    """`n` pages of one line each, every title a family of its own, and no index."""
    os.remove(os.path.join(target, "README.md"))
    for i in range(n):
        with open(os.path.join(target, f"L{i}.md"), "w", encoding="utf-8") as out:
            out.write(f"# L{i}: Engineer {i}\n")


def sheet_long(target, roles=10_000):
    """A long sheet (the rows `show --all --format tsv` writes) of `roles` roles, 50 a track,
    within the limits of a ladder (100 levels, roles x attributes and dimensions)."""
    with open(os.path.join(target, "sheet.tsv"), "w", encoding="utf-8") as out:
        out.write("role\tfield\tdimension\ttheme\tattribute\ttext\n")
        for i in range(roles):
            role = f"L{i % 50}-role-{i}"
            out.write(f"{role}\tlevel\t\t\t\tL{i % 50}\n{role}\ttitle\t\t\t\tEngineer {i}\n")
            out.write(f"{role}\ttrack\t\t\t\ttrack-{i // 50}\n{role}\tsummary\t\t\t\tDoes the work of {i}.\n")
            out.write(f"{role}\tattribute\t\t\tscope\tThe scope of role {i}\n")
            for d in range(5):
                for e in range(4):
                    text = f"Ships item {e} of area {d} for role {i}, and explains what it learned."
                    out.write(f"{role}\texpectation\tarea-{d}\ttheme-{e}\t\t{text}\n")
                out.write(f"{role}\texample\tarea-{d}\t\t\tDid it once, for role {i}.\n")


def sheet_wide(target, rows=100, columns=40, paragraphs=24):
    """A wide sheet: `rows` level rows (the most levels a ladder may have), `columns`
    competencies, each cell `paragraphs` paragraphs and bullets (960 statements a role, within
    the 1,000 a role may have)."""
    words = "leads the work of the area with care, and explains what it learned to the team " * 2
    with open(os.path.join(target, "sheet.csv"), "w", encoding="utf-8") as out:
        out.write("Level," + ",".join(f"Area {c}" for c in range(columns)) + "\n")
        for r in range(rows):
            paras = [f"Paragraph {p} at level {r} {words}." for p in range(paragraphs - 2)]
            cell = "\n\n".join(paras) + '\n\n- One bullet\n- Two ""quoted"" bullets'
            out.write(f"L{r}," + ",".join([f'"{cell}"'] * columns) + "\n")


def sheet_quote(target, size=60 * 1000 * 1000):
    """A sheet whose second row opens a quoted cell that never closes."""
    with open(os.path.join(target, "sheet.csv"), "w", encoding="utf-8") as out:
        out.write('Level,Vision\nL1,"Sees far\n')
        line = "x, y and z, one more line of a cell that never ends\n"
        for _ in range(size // len(line)):
            out.write(line)


def page_of_levels(target, n):
    """One track page of `n` coded level sections over the same dimension."""
    with open(os.path.join(target, "H1-Engineer.md"), "w", encoding="utf-8") as out:
        out.write("# Developer\n\nThe developer track.\n\n")
        for i in range(1, n + 1):
            out.write(f"## D{i} - Developer {i}\n\n### Delivery\n\n- Ships item {i}.\n\n")


def page_of_titles(target, n):
    """One page of `n` `#` titles that all read alike: their ids and levels clash."""
    with open(os.path.join(target, "H1-Engineer.md"), "w", encoding="utf-8") as out:
        for i in range(n):
            out.write(f"# Senior Engineer\n\n## Delivery\n\n- Ships item {i}.\n\n")


def main():
    kind, target = sys.argv[1], sys.argv[2]
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(target, "README.md"), "w", encoding="utf-8") as out:
        out.write(INDEX)
    if kind == "spellings":
        spellings(target)
    elif kind == "fence":
        fence(target, 450_000)
    elif kind == "fence-large":
        fence(target, 32_500_000)
    elif kind == "pages":
        pages(target, 20_000)
    elif kind == "sheet-long":
        sheet_long(target)
    elif kind == "sheet-wide":
        sheet_wide(target)
    elif kind == "sheet-quote":
        sheet_quote(target)
    elif kind == "levels":
        page_of_levels(target, 20_000)
    elif kind == "titles":
        page_of_titles(target, 20_000)
    elif kind == "headings":
        page(os.path.join(target, "H1-Engineer.md"), "H1", "Engineer", headings(20_000))
    elif kind in ("big", "large"):
        size = (50 if kind == "big" else 9) * 1000 * 1000
        for n in range(1, 5):
            page(os.path.join(target, f"H{n}-Engineer-{n}.md"), f"H{n}", f"Engineer {n}", bullets(size))
    else:
        sys.exit(f"unknown case {kind!r}: headings, big, large, spellings, fence, fence-large, pages, "
                 "sheet-long, sheet-wide, sheet-quote, levels or titles")


if __name__ == "__main__":
    main()
