#!/usr/bin/env python3
"""Times commands of a millisecond or so side by side, spawning each in turn.

    bench/interleave.py [--json FILE] RUNS [NAME=]COMMAND ...

Each round spawns every command once (no shell, output to /dev/null), so a noisy spell on a
shared machine touches all of them alike; hyperfine instead runs one command's runs in a row,
and the ratio of two commands then drifts with the machine. Prints each command's median wall
time in microseconds and its ratio to the first command's. With --json, also writes
{"results": [{"command": NAME, "median": SECONDS, "start": RATIO}]}, where RATIO is the median
to that of the command named `start` (1 when there is none), the shape bench/run.sh reads.
"""
import json
import os
import shlex
import statistics
import sys
import time


def parse(argv):
    out = None
    if len(argv) >= 2 and argv[0] == "--json":
        out, argv = argv[1], argv[2:]
    if len(argv) < 2 or not argv[0].isdigit():
        return None
    named = []
    for text in argv[1:]:
        name, sep, command = text.partition("=")
        if not sep or " " in name:
            name, command = text, text
        named.append((name, shlex.split(command)))
    return out, int(argv[0]), named


def main() -> int:
    parsed = parse(sys.argv[1:])
    if parsed is None:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out, runs, named = parsed
    devnull = os.open(os.devnull, os.O_WRONLY)
    quiet = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    times = [[] for _ in named]
    for _ in range(runs):
        for k, (_, argv) in enumerate(named):
            start = time.perf_counter_ns()
            pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=quiet)
            os.waitpid(pid, 0)
            times[k].append((time.perf_counter_ns() - start) / 1e9)
    medians = [statistics.median(t) for t in times]
    start = next((m for (name, _), m in zip(named, medians) if name == "start"), None)
    for (name, _), median in zip(named, medians):
        print(f"{median * 1e6:8.0f} µs  {median / medians[0]:5.2f}x  {name}")
    if out:
        results = [
            {"command": name, "median": m, "start": m / start if start else 1.0}
            for (name, _), m in zip(named, medians)
        ]
        with open(out, "w", encoding="utf-8") as f:
            json.dump({"results": results}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
