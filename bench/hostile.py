#!/usr/bin/env python3
"""Writes hostile inputs for the cost budgets of bench/run.sh to stdout: one subcommand per case.

    bench/hostile.py long-line [N]    # `about` of N x "Word. " on one line (default 64,000:
                                      # 384 KB) and one role with an unknown level:
                                      # `ladder --data F list`, `ladder --data F validate`
    bench/hostile.py many-errors [N]  # about 1 MB: N unknown roles (default 1,000) named on
                                      # one line of a track, each id ~1 KB: `ladder validate F`
    bench/hostile.py diff [N]         # two roles, A1-a and A2-b, with N themeless expectations
                                      # each (default 5,000) of varied realistic words:
                                      # `ladder --data F diff A1-a A2-b`, `next A1-a`, `evidence A2-b`
    bench/hostile.py alike [N]        # two roles, A1-a and A2-b, with N themeless expectations
                                      # each (default 16,000) that all share three of their four
                                      # words: every pair qualifies. `diff A1-a A2-b`
    bench/hostile.py wordy [N]        # two roles, A1-a and A2-b, with N themeless expectations
                                      # each (default 400) of 256 words, each pair alike but
                                      # for a few words: every pair's word diff compares
                                      # 256 x 256 words, the most it may (1.2 MB):
                                      # `diff A1-a A2-b --word-diff`
    bench/hostile.py name [N]         # a role name of N bytes (default 100,000), for
                                      # `ladder --data <(bench/generate.py 10000) show "$(...)"`
    bench/hostile.py themes [N]       # one dimension of N themes (default 13,000) and two roles
                                      # on one track, each with one expectation per theme:
                                      # `validate F`, `diff A1-a A2-b`, `path t`, `next A1-a`,
                                      # `evidence A2-b`, `export`
    bench/hostile.py levels [N]       # N levels (default 10,000), one role at each, all on one
                                      # track: `validate F`, `list`, `tracks`, `path t`, `export`
    bench/hostile.py tracks [N]       # N tracks (default 2,000) of five roles each, over five
                                      # levels: `validate F`, `list`, `tracks`, `export`
    bench/hostile.py attributes [N]   # N attributes (default 3,000) and 20 roles giving each a
                                      # value: `validate F`, `list`, `show A1-r0`
    bench/hostile.py wide [N]         # N roles (default 5,000) on one track over N levels, and
                                      # 1,000 attributes and 1,000 dimensions that no role fills
                                      # (532 KB): `validate F`, `show --all`, `path --track t`
    bench/hostile.py gaps [N]         # N themes (default 3,000) that the first and last of N
                                      # roles on one track have and every role between lacks
                                      # (589 KB): `validate F`
    bench/hostile.py ambiguous [N]    # N roles (default 11,500), one per level, all on one
                                      # track, whose ids all hold "L" (1 MB): `show L --track t`
    bench/hostile.py diagonal [N]     # N tracks (default 8,000) of one role each, each at its
                                      # own level (1 MB): `tracks`
    bench/hostile.py narrow [N]       # N tracks (default 220) of one role each, whose titles
                                      # are 2,000 short words (905 KB): `COLUMNS=1000 tracks`
    bench/hostile.py untagged [N]     # N roles (default 2,000) on one track, each with one
                                      # expectation without a theme, none like another
                                      # (250 KB): `path --track t`
    bench/hostile.py hub [N]          # a role B-h of one 100 KB expectation on N tracks (default
                                      # 2,500), each to a next role of its own (713 KB):
                                      # `next B-h`, `next B-h --brief`
    bench/hostile.py haystack [N]     # one expectation of N (default 900,000) times "a" (900 KB)
    bench/hostile.py needle [N]       # a search pattern of N (default 100,000) times "a", then
                                      # "b": `ladder --data HAYSTACK search "$(...)"`
    bench/hostile.py shared [N]       # N roles (default 7,000) on one track, each with one
                                      # expectation without a theme of two words of its own and
                                      # one that all share, so no two are alike but every one
                                      # meets every other in the word index (1 MB):
                                      # `path --track t`
    bench/hostile.py title [N]        # a role B-h whose title is N (default 495,000) times "T",
                                      # on 2,500 tracks, each to a role of its own (0.6 MB):
                                      # `tracks`, `tracks --format json`, `list`
    bench/hostile.py mixed [N]        # N (default 900,000) characters of "a" and "b" drawn at
                                      # random, in expectations of 9,999 and a "c" (900 KB):
                                      # `search --regex 'a[ab]{1000}c'`, `'a[ab]{97}c'`
    bench/hostile.py minimal [N]      # N roles (default 16,000) of a few bytes each, on no
                                      # track, over one level (980 KB): `show --all`
    bench/hostile.py fan [N]          # a role B-h of 1,000 expectations of N characters
                                      # (default 900) on 20 tracks, each to a role of its own:
                                      # the most the limits allow (910 KB): `next B-h`
    bench/hostile.py grid [N]         # N roles (default 1,000) of a ladder of 100 attributes
                                      # and 100 dimensions with names of 200 characters: the
                                      # most roles the limits allow (108 KB): `show --all`
    bench/hostile.py spread [N]       # 100 levels, one role at each on one track, each with N
                                      # (default 450) unlike expectations without a theme
                                      # (1 MB): `path --track t`

Each ladder is valid TOML; `many-errors` and `long-line` are meant to fail validation.
"""
import random
import sys

HEAD = '''name = "Hostile"
levels = ["A1", "A2"]

[[attribute]]
id = "scope"
name = "Scope"
meaning = "How far the work reaches."

[[dimension]]
id = "craft"
name = "Craft"
'''

# Words of the kind ladders are written in, so that the word statistics look like real text.
VOCABULARY = """
owns plans reviews mentors ships designs measures explains automates secures coordinates
documents tests improves leads triages escalates investigates hunts detects responds contains
recovers reports builds maintains migrates hardens monitors tunes writes presents negotiates
prioritises delegates coaches sponsors shapes drives aligns influences proposes evaluates
backlog incidents roadmap alerts releases budget audits runbook dashboards pipeline risks
contracts vendors threats vulnerabilities controls policies standards playbooks detections
signals logs endpoints identities secrets keys certificates networks clusters workloads
services accounts permissions findings exceptions metrics objectives outcomes stakeholders
customers peers juniors seniors managers executives auditors regulators partners teams
quarter cycle year sprint week day incident change release review retrospective postmortem
clearly quickly safely reliably consistently independently proactively thoroughly calmly
own team area organisation company industry community cloud platform product domain
security operations engineering analysis response governance compliance privacy resilience
small large complex ambiguous critical routine novel recurring urgent strategic tactical
new existing shared internal external cross-team multi-year high-impact low-risk well-known
guidance support context judgement trade-offs priorities direction feedback evidence data
""".split()


def long_line(n=64000):
    out = sys.stdout
    out.write(HEAD.replace('name = "Hostile"\n', 'name = "Hostile"\nabout = "' + "Word. " * n + '"\n'))
    out.write('\n[[role]]\nid = "A1-a"\nlevel = "Z9"\ntitle = "A"\nsummary = "A role."\n')
    out.write('attributes = { scope = "Own work" }\n')


def many_errors(n=1000):
    ids = ", ".join(f'"unknown-{i:04d}-' + "x" * 1000 + '"' for i in range(n))
    out = sys.stdout
    out.write(HEAD.replace('levels = ["A1", "A2"]', 'levels = ["A1"]'))
    out.write(f'\n[[track]]\nid = "t"\nname = "T"\nroles = [{ids}]\n\n')
    out.write('[[role]]\nid = "A1-a"\nlevel = "A1"\ntitle = "A"\nsummary = "A role."\n')
    out.write('attributes = { scope = "Own work" }\n')


# Forms of each word, as real text inflects them: about 1,900 distinct words in all.
FORMS = [w + end for w in VOCABULARY for end in ("", "s", "ed", "ing", "ment", "er")]


def sentence(rng, weights):
    """A sentence of 6 to 14 words drawn with Zipf's law: a few words common, most rare."""
    words = rng.choices(FORMS, weights=weights, k=rng.randint(6, 14))
    return " ".join(words).capitalize() + "."


def diff(n=5000):
    rng = random.Random(7)
    order = list(range(len(FORMS)))
    rng.shuffle(order)
    weights = [1 / (1 + order[k]) for k in range(len(FORMS))]
    out = sys.stdout
    out.write(HEAD)
    out.write('\n[[track]]\nid = "t"\nname = "T"\nroles = ["A1-a", "A2-b"]\n')
    for role, level in (("A1-a", "A1"), ("A2-b", "A2")):
        out.write(f'\n[[role]]\nid = "{role}"\nlevel = "{level}"\ntitle = "{role}"\n')
        out.write(f'summary = "Role {role}."\nattributes = {{ scope = "Scope {role}" }}\n')
        out.write("[role.dimensions.craft]\nexpectations = [\n")
        for _ in range(n):
            out.write(f'  {{ text = "{sentence(rng, weights)}" }},\n')
        out.write("]\n")


def themes(n=13000):
    out = sys.stdout
    out.write(HEAD)
    out.write("themes = [\n")
    for i in range(n):
        out.write(f'  {{ id = "th-{i}", name = "Theme {i}" }},\n')
    out.write("]\n")
    out.write('\n[[track]]\nid = "t"\nname = "T"\nroles = ["A1-a", "A2-b"]\n')
    for role, level in (("A1-a", "A1"), ("A2-b", "A2")):
        out.write(f'\n[[role]]\nid = "{role}"\nlevel = "{level}"\ntitle = "{role}"\n')
        out.write(f'summary = "Role {role}."\nattributes = {{ scope = "Scope {role}" }}\n')
        out.write("[role.dimensions.craft]\nexpectations = [\n")
        for i in range(n):
            out.write(f'  {{ theme = "th-{i}", text = "{role} does {i}." }},\n')
        out.write("]\n")


def role(out, id, level, expectations=2):
    out.write(f'\n[[role]]\nid = "{id}"\nlevel = "{level}"\ntitle = "T {id}"\n')
    out.write(f'summary = "Role {id}."\nattributes = {{ scope = "S {id}" }}\n')
    texts = ", ".join(f'{{ text = "{id} {k}." }}' for k in range(expectations))
    out.write(f"dimensions.craft.expectations = [{texts}]\n")


def levels(n=10000):
    out = sys.stdout
    names = [f"L{i}" for i in range(n)]
    out.write(HEAD.replace('levels = ["A1", "A2"]', "levels = [" + ", ".join(f'"{l}"' for l in names) + "]"))
    ids = ", ".join(f'"{l}-r"' for l in names)
    out.write(f'\n[[track]]\nid = "t"\nname = "T"\nroles = [{ids}]\n')
    for l in names:
        role(out, f"{l}-r", l)


def tracks(n=2000):
    out = sys.stdout
    names = [f"L{i}" for i in range(5)]
    out.write(HEAD.replace('levels = ["A1", "A2"]', "levels = [" + ", ".join(f'"{l}"' for l in names) + "]"))
    for t in range(n):
        ids = ", ".join(f'"{l}-t{t}"' for l in names)
        out.write(f'\n[[track]]\nid = "t{t}"\nname = "T{t}"\nroles = [{ids}]\n')
    for t in range(n):
        for l in names:
            role(out, f"{l}-t{t}", l)


def attributes(n=3000):
    out = sys.stdout
    out.write('name = "Hostile"\nlevels = ["A1"]\n')
    for i in range(n):
        out.write(f'\n[[attribute]]\nid = "at-{i}"\nname = "At {i}"\nmeaning = "M."\n')
    out.write('\n[[dimension]]\nid = "craft"\nname = "Craft"\n')
    for r in range(20):
        out.write(f'\n[[role]]\nid = "A1-r{r}"\nlevel = "A1"\ntitle = "R{r}"\nsummary = "S."\n')
        out.write("[role.attributes]\n")
        for i in range(n):
            out.write(f'at-{i} = "v"\n')
        out.write('[role.dimensions.craft]\nexpectations = [{ text = "A." }, { text = "B." }]\n')


def two_roles(texts):
    """Two roles on one track, A1-a and A2-b, each with the themeless expectations
    `texts(tag)` gives for its tag ("a", "b")."""
    out = sys.stdout
    out.write(HEAD)
    out.write('\n[[track]]\nid = "t"\nname = "T"\nroles = ["A1-a", "A2-b"]\n')
    for role, level, tag in (("A1-a", "A1", "a"), ("A2-b", "A2", "b")):
        out.write(f'\n[[role]]\nid = "{role}"\nlevel = "{level}"\ntitle = "{role}"\n')
        out.write(f'summary = "Role {role}."\nattributes = {{ scope = "Scope {role}" }}\n')
        out.write("[role.dimensions.craft]\nexpectations = [\n")
        for text in texts(tag):
            out.write(f'  {{ text = "{text}" }},\n')
        out.write("]\n")


def alike(n=16000):
    two_roles(lambda tag: (f"Common words here {tag}{i}." for i in range(n)))


def wordy(n=400, words=256):
    def texts(tag):
        for i in range(n):
            # The pair's own words, then shared ones, every 64th changed at B.
            text = [f"p{i}x{k}" for k in range(8)]
            text += [f"{tag}{k}" if k % 64 == 0 else f"w{k}" for k in range(words - 8)]
            yield " ".join(text) + "."

    two_roles(texts)


def name(n=100000):
    sys.stdout.write(("S1-role-" * (n // 8 + 1))[:n])


def minimal_head(levels, attributes=0, dimensions=1, themes=0):
    """A ladder's head: the levels, `attributes` attributes and `dimensions` dimensions, the
    first with `themes` themes."""
    out = ['name = "Hostile"\nlevels = [' + ", ".join(f'"{l}"' for l in levels) + "]\n"]
    for i in range(attributes):
        out.append(f'\n[[attribute]]\nid = "a{i}"\nname = "A{i}"\nmeaning = "M."\n')
    for d in range(dimensions):
        out.append(f'\n[[dimension]]\nid = "d{d}"\nname = "D{d}"\n')
        if d == 0 and themes:
            out.append("themes = [\n" + "".join(f'  {{ id = "t{i}", name = "T{i}" }},\n' for i in range(themes)) + "]\n")
    return "".join(out)


def one_track(levels):
    """A track `t` of one role per level, `L0-r` and so on."""
    return '\n[[track]]\nid = "t"\nname = "T"\nroles = [' + ", ".join(f'"{l}-r"' for l in levels) + "]\n"


def wide(n=5000, attributes=1000, dimensions=1000):
    out = sys.stdout
    levels = [f"L{i}" for i in range(n)]
    out.write(minimal_head(levels, attributes, dimensions))
    out.write(one_track(levels))
    for l in levels:
        out.write(f'\n[[role]]\nid = "{l}-r"\nlevel = "{l}"\ntitle = "R"\nsummary = "S."\n')


def gaps(n=3000):
    out = sys.stdout
    levels = [f"L{i}" for i in range(n)]
    out.write(minimal_head(levels, 0, 1, n))
    out.write(one_track(levels))
    for k, l in enumerate(levels):
        out.write(f'\n[[role]]\nid = "{l}-r"\nlevel = "{l}"\ntitle = "R"\nsummary = "S."\n')
        if k in (0, n - 1):
            texts = "".join(f'{{ theme = "t{i}", text = "x{i}." }},\n' for i in range(n))
            out.write(f"[role.dimensions.d0]\nexpectations = [\n{texts}]\n")


def ambiguous(n=11500):
    out = sys.stdout
    levels = [f"L{i}" for i in range(n)]
    out.write(minimal_head(levels, 0, 0).replace("\n", "\ndimension = []\n", 1))
    out.write(one_track(levels))
    for l in levels:
        out.write(f'[[role]]\nid = "{l}-r"\nlevel = "{l}"\ntitle = "R"\nsummary = "S"\n')


def diagonal(n=8000):
    out = sys.stdout
    levels = [f"L{i}" for i in range(n)]
    out.write(minimal_head(levels, 0, 0).replace("\n", "\ndimension = []\n", 1))
    for i, l in enumerate(levels):
        out.write(f'[[track]]\nid = "t{i}"\nname = "T"\nroles = ["{l}-r"]\n')
    for l in levels:
        out.write(f'[[role]]\nid = "{l}-r"\nlevel = "{l}"\ntitle = "R"\nsummary = "S"\n')


def narrow(n=220):
    out = sys.stdout
    out.write('name = "Hostile"\nlevels = ["A"]\ndimension = []\n')
    for i in range(n):
        out.write(f'[[track]]\nid = "t{i}"\nname = "T"\nroles = ["A-r{i}"]\n')
    for i in range(n):
        out.write(f'[[role]]\nid = "A-r{i}"\nlevel = "A"\ntitle = "{"a " * 2000}a"\nsummary = "S"\n')


def untagged(n=2000):
    out = sys.stdout
    levels = [f"L{i}" for i in range(n)]
    out.write(minimal_head(levels, 0, 1))
    out.write(one_track(levels))
    for i, l in enumerate(levels):
        out.write(f'[[role]]\nid = "{l}-r"\nlevel = "{l}"\ntitle = "R"\nsummary = "S"\n')
        out.write(f'dimensions.d0.expectations = [{{ text = "w{i}" }}]\n')


def hub(n=2500):
    out = sys.stdout
    out.write(minimal_head(["A", "B", "C"], 0, 1))
    for i in range(n):
        out.write(f'[[track]]\nid = "t{i}"\nname = "T"\nroles = ["A-p{i}", "B-h", "C-n{i}"]\n')
    out.write('[[role]]\nid = "B-h"\nlevel = "B"\ntitle = "H"\nsummary = "S."\n')
    out.write('dimensions.d0.expectations = [{ text = "' + "Word " * 20000 + '." }]\n')
    for i in range(n):
        out.write(f'[[role]]\nid = "A-p{i}"\nlevel = "A"\ntitle = "P"\nsummary = "S."\n')
        out.write(f'[[role]]\nid = "C-n{i}"\nlevel = "C"\ntitle = "N"\nsummary = "S."\n')
        out.write(f'dimensions.d0.expectations = [{{ text = "n{i}" }}]\n')


def haystack(n=900000):
    out = sys.stdout
    out.write(minimal_head(["A"], 0, 1))
    out.write('[[role]]\nid = "A-r"\nlevel = "A"\ntitle = "R"\nsummary = "S."\n')
    out.write('dimensions.d0.expectations = [{ text = "' + "a" * n + '" }]\n')


def needle(n=100000):
    sys.stdout.write("a" * n + "b")


def shared(n=7000):
    out = sys.stdout
    levels = [f"L{i}" for i in range(n)]
    out.write(minimal_head(levels, 0, 1))
    out.write(one_track(levels))
    for i, l in enumerate(levels):
        out.write(f'[[role]]\nid = "{l}-r"\nlevel = "{l}"\ntitle = "R"\nsummary = "S"\n')
        out.write(f'dimensions.d0.expectations = [{{ text = "w{i} v{i} common" }}]\n')


def title(n=495000, tracks=2500):
    out = sys.stdout
    out.write(minimal_head(["A", "B"], 0, 0).replace("\n", "\ndimension = []\n", 1))
    for i in range(tracks):
        out.write(f'[[track]]\nid = "t{i}"\nname = "T"\nroles = ["A-p{i}", "B-h"]\n')
    out.write(f'[[role]]\nid = "B-h"\nlevel = "B"\ntitle = "{"T" * n}"\nsummary = "S."\n')
    for i in range(tracks):
        out.write(f'[[role]]\nid = "A-p{i}"\nlevel = "A"\ntitle = "P"\nsummary = "S."\n')


def mixed(n=900000):
    rng = random.Random(1)
    out = sys.stdout
    out.write(minimal_head(["A"], 0, 1))
    out.write('[[role]]\nid = "A-r"\nlevel = "A"\ntitle = "R"\nsummary = "S."\n')
    text = "".join(rng.choice("ab") for _ in range(n))
    # In texts of 9,999 characters and a "c": as long as a text may be.
    texts = "".join(f'{{ text = "{text[i:i + 9999]}c" }},\n' for i in range(0, n, 9999))
    out.write(f"dimensions.d0.expectations = [\n{texts}]\n")


def minimal(n=16000):
    out = sys.stdout
    out.write(minimal_head(["A"], 0, 1))
    for i in range(n):
        out.write(f'[[role]]\nid = "A-{i}"\nlevel = "A"\ntitle = "R"\nsummary = "S"\n')


def fan(n=900, tracks=20, statements=1000):
    out = sys.stdout
    out.write(minimal_head(["A", "B", "C"], 0, 1))
    for i in range(tracks):
        out.write(f'[[track]]\nid = "t{i}"\nname = "T"\nroles = ["A-p{i}", "B-h", "C-n{i}"]\n')
    out.write('[[role]]\nid = "B-h"\nlevel = "B"\ntitle = "H"\nsummary = "S."\n')
    texts = "".join(f'{{ text = "{k} {"Word " * (n // 5)}" }},\n' for k in range(statements))
    out.write(f"dimensions.d0.expectations = [\n{texts}]\n")
    for i in range(tracks):
        out.write(f'[[role]]\nid = "A-p{i}"\nlevel = "A"\ntitle = "P"\nsummary = "S."\n')
        out.write(f'[[role]]\nid = "C-n{i}"\nlevel = "C"\ntitle = "N"\nsummary = "S."\n')
        out.write(f'dimensions.d0.expectations = [{{ text = "n{i}" }}]\n')


def grid(n=1000, items=100, length=200):
    out = sys.stdout
    out.write('name = "Hostile"\nlevels = ["L"]\n')
    for i in range(items):
        out.write(f'[[attribute]]\nid = "a{i}"\nname = "{str(i).rjust(length, "A")}"\nmeaning = "M."\n')
    for i in range(items):
        out.write(f'[[dimension]]\nid = "d{i}"\nname = "{str(i).rjust(length, "D")}"\n')
    for i in range(n):
        out.write(f'[[role]]\nid = "L-{i}"\nlevel = "L"\ntitle = "R"\nsummary = "S"\n')


def spread(n=450, levels=100):
    out = sys.stdout
    names = [f"L{i}" for i in range(levels)]
    out.write(minimal_head(names, 0, 1))
    out.write(one_track(names))
    for i, l in enumerate(names):
        # One word each, none like another: no two pair up into one row of the path.
        texts = "".join(f'{{ text = "w{i * n + k}" }},\n' for k in range(n))
        out.write(f'[[role]]\nid = "{l}-r"\nlevel = "{l}"\ntitle = "R"\nsummary = "S"\n')
        out.write(f"dimensions.d0.expectations = [\n{texts}]\n")


CASES = {
    "long-line": long_line,
    "many-errors": many_errors,
    "diff": diff,
    "alike": alike,
    "wordy": wordy,
    "name": name,
    "themes": themes,
    "levels": levels,
    "tracks": tracks,
    "attributes": attributes,
    "wide": wide,
    "gaps": gaps,
    "ambiguous": ambiguous,
    "diagonal": diagonal,
    "narrow": narrow,
    "untagged": untagged,
    "hub": hub,
    "haystack": haystack,
    "needle": needle,
    "shared": shared,
    "title": title,
    "mixed": mixed,
    "minimal": minimal,
    "fan": fan,
    "grid": grid,
    "spread": spread,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in CASES:
        sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(CASES)}}} [N]")
    CASES[sys.argv[1]](*map(int, sys.argv[2:3]))
