#!/usr/bin/env python3
"""Times commands of a millisecond or so side by side, spawning each in turn.

    bench/interleave.py RUNS 'COMMAND' 'COMMAND' ...

Each round spawns every command once (no shell, output to /dev/null), so a noisy spell on a
shared machine touches all of them alike; hyperfine instead runs one command's runs in a row.
Prints each command's median wall time in microseconds and its ratio to the first command's.
"""
import os
import shlex
import statistics
import sys
import time


def main() -> int:
    if len(sys.argv) < 3 or not sys.argv[1].isdigit():
        print(__doc__.strip(), file=sys.stderr)
        return 2
    runs = int(sys.argv[1])
    commands = [shlex.split(c) for c in sys.argv[2:]]
    devnull = os.open(os.devnull, os.O_WRONLY)
    quiet = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    times = [[] for _ in commands]
    for _ in range(runs):
        for k, argv in enumerate(commands):
            start = time.perf_counter_ns()
            pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=quiet)
            os.waitpid(pid, 0)
            times[k].append((time.perf_counter_ns() - start) / 1000)
    first = statistics.median(times[0])
    for text, spent in zip(sys.argv[2:], times):
        median = statistics.median(spent)
        print(f"{median:8.0f} µs  {median / first:5.2f}x  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
