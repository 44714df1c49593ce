#!/usr/bin/env python3
"""Rewrites every `console` block of README.md, docs/guide.md, docs/security.md and docs/json.md
with what the binary prints now.

Each block starts with `$ ladder ARGS [| head -n N | tail -n N]`, or is a recipe piped into jq or
awk (run in bash); the output is produced exactly as tests/readme.rs checks it (100 columns, colour off, stdout then stderr). Read the diff before
committing: this makes the examples true, not right.

    cargo build && scripts/refresh-examples.py [FILE...]
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "debug", "ladder")


def output(command: str) -> str:
    args, _, filt = command.partition(" | ")
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "CLICOLOR_FORCE", "TERM", "LADDER_PAGER", "PAGER")}
    env["COLUMNS"] = "100"
    if filt and not re.fullmatch(r"(head|tail) -n \d+", filt.strip()):
        # A recipe: run as written in bash, this build of ladder first on the PATH.
        env.pop("LADDER_DATA", None)
        env["PATH"] = os.path.dirname(BIN) + os.pathsep + env.get("PATH", "")
        run = subprocess.run(["bash", "-o", "pipefail", "-c", f"ladder {command}"],
                             capture_output=True, env=env, cwd=ROOT, check=True)
        return run.stdout.decode() + run.stderr.decode(errors="replace")
    run = subprocess.run([BIN, *args.split()], capture_output=True, env=env, cwd=ROOT)
    text = run.stdout.decode() + run.stderr.decode(errors="replace")
    if filt:
        what, flag, n = filt.split()
        assert flag == "-n", filt
        lines = text.splitlines(keepends=True)
        text = "".join(lines[: int(n)] if what == "head" else lines[-int(n):])
    return text


def refresh(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        doc = f.read()

    def block(m: re.Match) -> str:
        command = m.group(1)
        return f"```console\n$ ladder {command}\n{output(command)}```"

    new = re.sub(r"```console\n\$ ladder ([^\n]*)\n.*?```", block, doc, flags=re.S)
    if new != doc:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
        print(f"updated {os.path.relpath(path, ROOT)}")


for name in sys.argv[1:] or ["README.md", "docs/guide.md", "docs/security.md", "docs/json.md"]:
    refresh(os.path.join(ROOT, name))
