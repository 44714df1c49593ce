#!/usr/bin/env python3
"""Writes a synthetic ladder of N roles to stdout, for the scale benchmarks of bench/run.sh.

Every role has 4 attributes, and 4 dimensions of 5 themes with 10 expectations and
5 examples each; roles sit on tracks of 5 levels (N/5 tracks). The texts are short,
varied sentences, so that no sentence repeats and the file stays a realistic size.

    bench/generate.py 1000 > /tmp/ladder-1000.toml
"""
import sys

WORDS = ("owns plans reviews mentors ships designs measures explains automates secures "
         "coordinates documents tests improves leads").split()
OBJECTS = ("the backlog incidents the roadmap alerts releases the budget reviews audits "
           "the runbook dashboards the pipeline risks contracts").split()


def sentence(*parts):
    """A short sentence unique to its parts."""
    n = sum((i + 7) * (p + 3) for i, p in enumerate(parts))
    return f"{WORDS[n % len(WORDS)].capitalize()} {OBJECTS[(n // 7) % len(OBJECTS)]} (item {'-'.join(map(str, parts))})."


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    levels = 5
    out = sys.stdout
    out.write(f'name = "Synthetic ladder of {n} roles"\n')
    out.write("levels = [" + ", ".join(f'"S{i}"' for i in range(1, levels + 1)) + "]\n\n")
    for a in range(4):
        out.write(f'[[attribute]]\nid = "a{a}"\nname = "Attribute {a}"\nmeaning = "What attribute {a} measures."\n\n')
    for d in range(4):
        themes = ", ".join(f'{{ id = "t{t}", name = "Theme {d}.{t}" }}' for t in range(5))
        out.write(f'[[dimension]]\nid = "d{d}"\nname = "Dimension {d}"\nthemes = [{themes}]\n\n')
    for t in range((n + levels - 1) // levels):
        roles = ", ".join(f'"S{l + 1}-role-{t * levels + l}"' for l in range(levels) if t * levels + l < n)
        out.write(f'[[track]]\nid = "track-{t}"\nname = "Track {t}"\nroles = [{roles}]\n\n')
    for r in range(n):
        level = r % levels + 1
        out.write(f'[[role]]\nid = "S{level}-role-{r}"\nlevel = "S{level}"\ntitle = "Role {r}"\n')
        out.write(f'summary = "{sentence(r)}"\n')
        out.write("attributes = { " + ", ".join(f'a{a} = "Value {a} at S{level}"' for a in range(4)) + " }\n")
        for d in range(4):
            out.write(f"[role.dimensions.d{d}]\nexpectations = [\n")
            for e in range(10):
                out.write(f'  {{ theme = "t{e % 5}", text = "{sentence(r, d, e)}" }},\n')
            out.write("]\nexamples = [\n")
            for x in range(5):
                out.write(f'  "{sentence(r, d, x, 9)}",\n')
            out.write("]\n")
        out.write("\n")


if __name__ == "__main__":
    main()
