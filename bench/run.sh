#!/usr/bin/env bash
# Benchmarks `ladder` against the floor on this machine, and on ladders up to 10,000 roles.
#
#   bench/run.sh            # everything (a few minutes)
#   bench/run.sh embedded   # only the embedded ladder against cat and jq
#   bench/run.sh scale      # only the synthetic ladders of 100, 1,000 and 10,000 roles
#   bench/run.sh hostile    # only the files built to be expensive (bench/hostile*.py)
#   bench/run.sh versions   # only `changes` of two versions of the embedded ladder
#   bench/run.sh catalogue  # only a folder of 50 ladders (show LADDER/ROLE, and list, search,
#                           # tracks, dimensions, path, show --all across it)
#   bench/run.sh browse     # only `browse`'s frames, on the embedded ladder and 1,000 roles
#   RUNS=500 bench/run.sh   # more runs per command (default 300; scale uses fewer)
#   bench/interleave.py     # times commands side by side, spawning each in turn
#
# Budget (BENCHMARKS.md, "The start-up budget"): the start every command pays, `ladder
# --version`, at most 1.3x the time, 2.25x the page faults and 3x the instructions of `cat` of
# a role's exported page; each ladder command at most 1.5x that start and at most 0.5x a `jq` query
# for the role, medians from the same run; peak resident memory at most 10 MiB; on the
# synthetic ladders, 10x the roles at most 12x the time, and `show` on 10,000 roles under
# 150 ms; each hostile case within its own budget (below); in a catalogue of 50 ladders,
# `show LADDER/ROLE` at most 1.5x the start, and `list`, `search`, `tracks`, `dimensions`,
# `path` and `show --all` linear; `changes` of two versions of the embedded ladder at most
# what reading both files and one `diff` cost, and of the same bytes at most one file's read;
# each frame of `browse` (a key, the page drawn again, the screen) under 5 ms on the embedded
# ladder and under 50 ms on 1,000 roles.
# Exits 1 when a budget is missed.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-all}
runs=${RUNS:-300}

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing $2" >&2
    apt-get install -y -qq "$2" >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$2" >/dev/null 2>&1; }
  fi
  command -v "$1" >/dev/null 2>&1 || { echo "bench: $1 is needed (Debian package $2)" >&2; exit 2; }
}
need hyperfine hyperfine
need jq jq
need python3 python3
[ -x /usr/bin/time ] || need /usr/bin/time time

# The release binary as `cargo build --release` makes it, no special flags, run from a copy
# as `cargo install` leaves it: the page cache holds a file the linker has just written in
# small pieces, which costs more page faults per start than the same bytes copied whole
# (BENCHMARKS.md, "The embedded ladder against the floor").
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp target/release/ladder "$work/ladder"
bin=$work/ladder
failed=0

# The median of one named command from a hyperfine or bench/interleave.py JSON export, in
# milliseconds.
median() { jq -r --arg n "$2" '.results[] | select(.command == $n) | .median * 1000' "$1"; }
# A command's ratio to the start, from bench/interleave.py's output.
to_start() { jq -r --arg n "$2" '.results[] | select(.command == $n) | .start' "$1" | xargs printf '%.2f'; }
# Peak resident memory of a command, in KiB.
peak() { { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null || true; } | tail -n 1; }
# Page faults of one run of a command (minor ones: the files are in the page cache), which,
# unlike the time, are the same run after run.
faults() { { /usr/bin/time -f '%R' "$@" 2>&1 >/dev/null || true; } | tail -n 1; }
# Instructions of one run of a command, counted by valgrind; "-" without it.
instructions() {
  command -v valgrind >/dev/null 2>&1 || { echo -; return; }
  # A command may exit 1 on purpose (`changes` of two versions that differ).
  { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
over() { python3 -c "import sys; sys.exit(0 if $1 > $2 else 1)"; }

embedded() {
  echo "== the embedded ladder, $runs runs of each command in turn, against cat and jq on this machine"
  "$bin" export "$work/handbook" >/dev/null
  for id in $("$bin" list --ids); do "$bin" show "$id" --format json; done |
    jq -s '{schema: 1, roles: [.[].role]}' >"$work/ladder.json"
  local page="$work/handbook/L3-Senior-Security-Engineer.md"
  local -a names=(start show diff list search path)
  local -a commands=(
    "$bin --version"
    "$bin show L3-senior-security-engineer --color never"
    "$bin diff L2 L3 --track engineer --color never"
    "$bin list --color never"
    "$bin search incident --color never"
    "$bin path --track analyst --color never"
  )
  local -a args=("cat=cat $page")
  for i in "${!names[@]}"; do args+=("${names[$i]}=${commands[$i]}"); done
  # Every command spawned in turn, run after run (bench/interleave.py): a noisy spell on a
  # shared machine then touches all of them alike, and their ratios hold where one command's
  # runs in a row (hyperfine) drift with the machine. jq, 30 times slower, is timed apart:
  # whatever ran after it would pay for the caches it filled.
  python3 bench/interleave.py --json "$work/embedded.json" "$runs" "${args[@]}" >/dev/null
  python3 bench/interleave.py --json "$work/jq.json" $((runs / 10 + 1)) \
    "jq=jq '.roles[] | select(.id == \"L3-senior-security-engineer\")' $work/ladder.json" >/dev/null
  local cat_ms jq_ms
  cat_ms=$(median "$work/embedded.json" cat)
  jq_ms=$(median "$work/jq.json" jq)
  local head='%-8s %10s %7s %9s %7s %12s %7s %13s\n'
  printf "$head" command "median ms" "x cat" "x start" "x jq" "peak RSS KiB" faults instructions
  local cat_faults cat_count
  cat_faults=$(faults cat "$page")
  cat_count=$(instructions cat "$page")
  printf "$head" cat "$(printf %.2f "$cat_ms")" 1.00 - "$(ratio "$cat_ms" "$jq_ms")" "$(peak cat "$page")" \
    "$cat_faults" "$cat_count"
  local -a select=('.roles[] | select(.id == "L3-senior-security-engineer")' "$work/ladder.json")
  printf "$head" jq "$(printf %.2f "$jq_ms")" "$(ratio "$jq_ms" "$cat_ms")" - 1.00 "$(peak jq "${select[@]}")" \
    "$(faults jq "${select[@]}")" "-"
  for i in "${!names[@]}"; do
    local ms rss name=${names[$i]} count fault
    ms=$(median "$work/embedded.json" "$name")
    # shellcheck disable=SC2086 # the command is words on purpose
    rss=$(peak ${commands[$i]})
    # shellcheck disable=SC2086
    fault=$(faults ${commands[$i]})
    # shellcheck disable=SC2086
    count=$(instructions ${commands[$i]})
    local x_start
    x_start=$(to_start "$work/embedded.json" "$name")
    printf "$head" "$name" "$(printf %.2f "$ms")" "$(ratio "$ms" "$cat_ms")" "$x_start" \
      "$(ratio "$ms" "$jq_ms")" "$rss" "$fault" "$count"
    if [ "$name" = start ]; then
      # What every command pays before its own work: exec, the dynamic loader, std, clap.
      if over "$ms" "1.3 * $cat_ms"; then echo "  over budget: the start is more than 1.3x cat"; failed=1; fi
      if over "$fault" "2.25 * $cat_faults"; then echo "  over budget: the start takes more than 2.25x cat's page faults"; failed=1; fi
      if [ "$count" != - ] && [ "$cat_count" != - ] && over "$count" "3 * $cat_count"; then
        echo "  over budget: the start takes more than 3x cat's instructions"; failed=1
      fi
      continue
    fi
    if over "$x_start" 1.5; then echo "  over budget: $name is more than 1.5x the start"; failed=1; fi
    if over "$ms" "0.5 * $jq_ms"; then echo "  over budget: $name is more than 0.5x jq"; failed=1; fi
    if [ "$rss" -gt 10240 ]; then echo "  over budget: $name uses more than 10 MiB"; failed=1; fi
  done
}

# `changes` of two versions of the embedded ladder (its file, and the file with a word
# changed throughout), against what reading the two files costs any command (`tracks` of
# each) plus one `diff`: the comparison may cost no more than a diff. (`diff` alone reads the
# ladder decoded from the binary; `changes` parses two TOML texts, each dearer than a whole
# `diff`.)
versions() {
  echo
  echo "== changes: two versions of the embedded ladder, in instructions (callgrind)"
  command -v valgrind >/dev/null 2>&1 || { echo "valgrind not found: not measured"; return; }
  sed 's/incident/incidents/g' data/ladder.toml >"$work/edited.toml"
  local diff_count tracks_count changes_count same_count
  diff_count=$(instructions "$bin" diff L2 L3 --track engineer --color never)
  tracks_count=$(instructions "$bin" --data data/ladder.toml tracks --color never)
  changes_count=$(instructions "$bin" changes data/ladder.toml "$work/edited.toml" --color never)
  same_count=$(instructions "$bin" changes data/ladder.toml data/ladder.toml --color never)
  printf '%-40s %13s\n' command instructions
  printf '%-40s %13s\n' "diff L2 L3 --track engineer" "$diff_count" \
    "--data data/ladder.toml tracks" "$tracks_count" \
    "changes FILE EDITED" "$changes_count" "changes FILE FILE (same bytes)" "$same_count"
  echo "  changes / diff: $(ratio "$changes_count" "$diff_count")"
  if over "$changes_count" "2 * $tracks_count + $diff_count"; then
    echo "  over budget: changes costs more than reading both files and one diff"; failed=1
  fi
  if over "$same_count" "$tracks_count"; then
    echo "  over budget: changes of the same bytes costs more than reading one file"; failed=1
  fi
}

scale() {
  echo
  echo "== synthetic ladders (bench/generate.py): 4 attributes, 4 dimensions of 5 themes,"
  echo "   10 expectations and 5 examples per dimension, tracks of 5 levels"
  local -a sizes=(100 1000 10000)
  for n in "${sizes[@]}"; do python3 bench/generate.py "$n" >"$work/ladder-$n.toml"; done
  local -a names=(list show search diff validate)
  local -a tails=("list" "show S3-role-4997" "search 4997-2-3" "diff S2-role-4996 S3-role-4997" "validate")
  # Growth is judged on instructions counted by valgrind, which are the same run after run,
  # when valgrind is there; wall time on a shared machine swings by a third between runs.
  local counting=""
  command -v valgrind >/dev/null 2>&1 && counting=yes
  printf '%-9s %8s %12s %12s %10s %14s %10s %14s\n' command roles "file bytes" "median ms" "x previous" \
    "instructions" "x previous" "RSS / file"
  for i in "${!names[@]}"; do
    local previous="" previous_count=""
    for n in "${sizes[@]}"; do
      # Many runs of the small ladders, whose times are short and noisy; a few of the large.
      local file="$work/ladder-$n.toml" tail=${tails[$i]} r=$((runs * 10 / n + 5))
      # The smaller ladders hold fewer roles: pick one that exists.
      tail=${tail//4997/$((n / 2 - 3))}
      tail=${tail//4996/$((n / 2 - 4))}
      # shellcheck disable=SC2086
      hyperfine -N --warmup 2 --runs "$r" --output "$work/out.txt" --export-json "$work/s.json" \
        -i -n x "$bin --data $file --color never $tail" >/dev/null
      local ms rss bytes growth="-" count="-" count_growth="-"
      ms=$(median "$work/s.json" x)
      # shellcheck disable=SC2086
      rss=$(peak "$bin" --data "$file" --color never $tail)
      bytes=$(wc -c <"$file")
      [ -n "$previous" ] && growth=$(ratio "$ms" "$previous")
      if [ -n "$counting" ]; then
        # shellcheck disable=SC2086
        count=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --data "$file" --color never $tail \
          2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
        [ -n "$previous_count" ] && count_growth=$(ratio "$count" "$previous_count")
      fi
      printf '%-9s %8s %12s %12.1f %10s %14s %10s %14s\n' "${names[$i]}" "$n" "$bytes" "$ms" "$growth" "$count" \
        "$count_growth" "$(python3 -c "print(f'{$rss * 1024 / $bytes:.1f}')")"
      local grew=$growth
      [ -n "$counting" ] && grew=$count_growth
      if [ "$grew" != "-" ] && over "$grew" 12; then
        echo "  over budget: ${names[$i]} grows more than 12x from $((n / 10)) to $n roles"; failed=1
      fi
      previous_count=$count
      if [ "${names[$i]}" = show ] && [ "$n" = 10000 ] && over "$ms" 150; then
        echo "  over budget: show on 10,000 roles takes more than 150 ms"; failed=1
      fi
      previous=$ms
    done
  done
}

# Seconds and peak KiB of one run, as "SECONDS KIB"; the command's exit status is ignored
# (most hostile cases are meant to fail cleanly).
cost() { { /usr/bin/time -f '%e %M' "$@" >/dev/null 2>"$work/cost.err" || true; } 2>&1; tail -n 1 "$work/cost.err"; }
# The median of three runs of `cost`: one slow spell on a shared machine does not decide.
cost3() {
  local -a runs=()
  for _ in 1 2 3; do runs+=("$(cost "$@")"); done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}

# One hostile case: name, time budget in seconds, memory budget in KiB, then the command.
budget() {
  local name=$1 seconds=$2 kib=$3
  shift 3
  local s k
  read -r s k <<<"$(cost3 "$@")"
  printf '%-34s %8s %10s %10s %12s\n' "$name" "$s" "$seconds" "$k" "$kib"
  if over "$s" "$seconds"; then echo "  over budget: $name takes more than $seconds s"; failed=1; fi
  if [ "$k" -gt "$kib" ]; then echo "  over budget: $name uses more than $kib KiB"; failed=1; fi
}

hostile() {
  echo
  echo "== hostile inputs (bench/hostile.py, bench/hostile_import.py): median of 3 runs"
  python3 bench/hostile.py long-line >"$work/long-line.toml"
  python3 bench/hostile.py many-errors >"$work/many-errors.toml"
  python3 bench/hostile.py diff 5000 >"$work/diff.toml"
  python3 bench/hostile.py alike >"$work/alike.toml"
  python3 bench/hostile.py wordy >"$work/wordy.toml"
  python3 bench/hostile.py name 100000 >"$work/name.txt"
  for shape in themes levels tracks attributes; do python3 bench/hostile.py "$shape" >"$work/$shape.toml"; done
  [ -f "$work/ladder-10000.toml" ] || python3 bench/generate.py 10000 >"$work/ladder-10000.toml"
  python3 bench/hostile_import.py headings "$work/headings"
  python3 bench/hostile_import.py large "$work/large"
  python3 bench/hostile_import.py big "$work/big"
  for shape in spellings fence fence-large pages sheet-long sheet-wide sheet-quote levels titles; do
    python3 bench/hostile_import.py "$shape" "$work/$shape"
  done
  local large_kib fence_kib long_kib wide_kib
  large_kib=$(( $(du -sk "$work/large" | cut -f1) * 4 ))
  fence_kib=$(( $(du -sk "$work/fence-large" | cut -f1) * 5 ))
  long_kib=$(( $(du -sk "$work/sheet-long/sheet.tsv" | cut -f1) * 4 ))
  wide_kib=$(( $(du -sk "$work/sheet-wide/sheet.csv" | cut -f1) * 4 ))
  printf '%-34s %8s %10s %10s %12s\n' case seconds budget "peak KiB" budget
  budget "list, 384 KB line, 64,000 repeats" 1 102400 "$bin" --data "$work/long-line.toml" list
  budget "validate, 384 KB line" 1 102400 "$bin" validate "$work/long-line.toml"
  budget "validate, 1 MB, 1,000 errors" 1 102400 "$bin" validate "$work/many-errors.toml"
  budget "diff, 5,000 themeless each" 1 102400 "$bin" --data "$work/diff.toml" diff A1-a A2-b
  budget "next, 5,000 themeless" 1 102400 "$bin" --data "$work/diff.toml" next A1-a
  budget "evidence, 5,000 themeless" 1 102400 "$bin" --data "$work/diff.toml" evidence A2-b
  budget "diff, 16,000 alike each" 1 102400 "$bin" --data "$work/alike.toml" diff A1-a A2-b
  budget "diff --word-diff, 400 x 256 words" 1 102400 "$bin" --data "$work/wordy.toml" diff A1-a A2-b --word-diff
  budget "validate, 13,000 themes" 1 102400 "$bin" validate "$work/themes.toml"
  budget "diff, 13,000 themes" 1 102400 "$bin" --data "$work/themes.toml" diff A1-a A2-b
  budget "path, 13,000 themes" 1 102400 "$bin" --data "$work/themes.toml" path --track t
  budget "list, 10,000 levels" 1 102400 "$bin" --data "$work/levels.toml" list
  budget "tracks, 10,000 levels" 1 102400 "$bin" --data "$work/levels.toml" tracks
  budget "tracks, 2,000 tracks" 1 102400 "$bin" --data "$work/tracks.toml" tracks
  budget "validate, 3,000 attributes" 1 102400 "$bin" validate "$work/attributes.toml"
  # Did-you-mean on a 100 KB name costs no more than on a short one: both load 10,000 roles.
  local short
  read -r short _ <<<"$(cost3 "$bin" --data "$work/ladder-10000.toml" show no-such-role)"
  budget "show a 100 KB name, 10,000 roles" "$(python3 -c "print(round(max(0.2, $short * 1.5), 2))")" 307200 \
    "$bin" --data "$work/ladder-10000.toml" show "$(cat "$work/name.txt")"
  budget "import, 20,000 headings (0.5 MB)" 1 102400 "$bin" import "$work/headings"
  budget "import, 4 x 9 MB pages (4x input)" 10 "$large_kib" "$bin" import "$work/large"
  budget "import, 4 x 50 MB pages (refused)" 1 20480 "$bin" import "$work/big"
  budget "import, 1,860 spellings of a page" 1 102400 "$bin" import "$work/spellings"
  budget "import, 0.9 MB unclosed fence" 1 102400 "$bin" import "$work/fence"
  budget "import, 62 MiB unclosed fence (5x)" 10 "$fence_kib" "$bin" import "$work/fence-large"
  budget "import, 20,000 one-line pages" 1 102400 "$bin" import "$work/pages"
  budget "import, long sheet of 10,000 roles (4x)" 10 "$long_kib" "$bin" import "$work/sheet-long/sheet.tsv"
  budget "import, wide sheet 100 x 40 (4x)" 10 "$wide_kib" "$bin" import "$work/sheet-wide/sheet.csv"
  budget "import, 60 MB unclosed quote (refused)" 1 204800 "$bin" import "$work/sheet-quote/sheet.csv"
  budget "import, 20,000 levels on one page" 1 102400 "$bin" import "$work/levels"
  budget "import, 20,000 alike titles on a page" 1 102400 "$bin" import "$work/titles"
  # The plan of 20,000 pages, written and then followed: linear too.
  rm -f "$work/pages.plan"
  budget "import --plan-out, 20,000 pages" 1 102400 "$bin" import "$work/pages" --plan-out "$work/pages.plan" --force
  budget "import --plan, 20,000 pages" 1 102400 "$bin" import "$work/pages" --plan "$work/pages.plan"
  # Two versions of a ladder: every "Owns" reworded, a run of expectations removed.
  python3 bench/generate.py 100 >"$work/versions-a.toml"
  sed -e 's/"Owns /"Takes charge of /' -e '/item 3-1-/d' "$work/versions-a.toml" >"$work/versions-b.toml"
  budget "changes, 6,000 statements" 1 204800 "$bin" changes "$work/versions-a.toml" "$work/versions-b.toml"
  python3 bench/generate.py 1000 >"$work/versions-c.toml"
  sed -e 's/"Owns /"Takes charge of /' -e '/item 3-1-/d' "$work/versions-c.toml" >"$work/versions-d.toml"
  budget "changes, 60,000 statements (10x)" 2 204800 "$bin" changes "$work/versions-c.toml" "$work/versions-d.toml"
  # An outline of the most expectations a role may have (1,000), filled; then five copies of
  # its sections (5,000), and the same without anchors, matched by words.
  python3 bench/review_outline.py 1000 "$work/review"
  "$bin" --data "$work/review/ladder.toml" evidence R2-b --output "$work/review/me.md" --force
  python3 bench/review_outline.py fill "$work/review/me.md"
  python3 -c "import sys; s=open(sys.argv[1]).read(); b=s[s.index(chr(10)+'## '):]; open(sys.argv[2],'w').write(s+b*4)" \
    "$work/review/me.md" "$work/review/me5.md"
  grep -v '^<!--' "$work/review/me5.md" >"$work/review/old5.md"
  budget "review, 1,000 expectations filled" 1 102400 "$bin" --data "$work/review/ladder.toml" review "$work/review/me.md"
  budget "review, 5,000 sections" 1 102400 "$bin" --data "$work/review/ladder.toml" review "$work/review/me5.md"
  budget "review, 5,000 sections by words" 1 102400 "$bin" --data "$work/review/ladder.toml" review "$work/review/old5.md"
  # Issue 20's audit: each case writes its own file.
  # 5,000 roles that leave out 1,000 attributes and 1,000 dimensions each: 8 warnings each
  # and a count, not 10 million warnings.
  python3 bench/hostile.py wide >"$work/wide.toml"
  budget "validate, 5,000 x 2,000 unfilled" 1 102400 "$bin" validate "$work/wide.toml"
  budget "validate --format json, same" 1 102400 "$bin" validate --format json "$work/wide.toml"
  # 3,000 themes missing at each of 2,998 places on a track.
  python3 bench/hostile.py gaps >"$work/gaps.toml"
  budget "validate, 3,000 x 3,000 theme gaps" 1 102400 "$bin" validate "$work/gaps.toml"
  # A name that 11,500 roles of a track hold: each match looked up on the track, not searched.
  python3 bench/hostile.py ambiguous >"$work/ambiguous.toml"
  budget "show L --track t, 11,500 matches" 1 102400 "$bin" --data "$work/ambiguous.toml" show L --track t
  # 8,000 tracks over 8,000 levels: too many to draw, known before the grid is built.
  python3 bench/hostile.py diagonal >"$work/diagonal.toml"
  budget "tracks, 8,000 x 8,000 levels" 1 102400 "$bin" --data "$work/diagonal.toml" tracks
  # 220 tracks of 4,000-column titles narrowed to fit 1,000 columns.
  python3 bench/hostile.py narrow >"$work/narrow.toml"
  budget "tracks, 220 wide columns narrowed" 1 102400 env COLUMNS=1000 "$bin" --data "$work/narrow.toml" tracks
  # 2,000 levels of one unlike expectation each: 2,000 rows, each holding only its one text
  # (JSON and Markdown still write every cell, 2,000 x 2,000, as they are written).
  python3 bench/hostile.py untagged >"$work/untagged.toml"
  budget "path, 2,000 unlike untagged levels" 1 204800 "$bin" --data "$work/untagged.toml" path --track t
  # A 100 KB role on 2,500 tracks: people get 8 next steps and a count, not its text 2,500
  # times. The limits now refuse the file (a text holds at most 10,000 characters), so this
  # times the refusal.
  python3 bench/hostile.py hub >"$work/hub.toml"
  budget "next, 100 KB role on 2,500 tracks" 1 102400 "$bin" --data "$work/hub.toml" next B-h
  budget "next --brief, same" 1 102400 "$bin" --data "$work/hub.toml" next B-h --brief
  # The wide ladder's every role shown: people get eight "not stated" and a count per role,
  # and the roles are made one at a time. The limits now refuse the file (5,000 levels, 1,000
  # attributes and dimensions), so this times the refusal.
  budget "show --all, 5,000 x 2,000 unfilled" 1 102400 "$bin" --data "$work/wide.toml" show --all
  budget "show --all --format markdown, same" 1 102400 "$bin" --data "$work/wide.toml" show --all --format markdown
  # Its track of 5,000 levels stacked in blocks: no block of "not stated", and rows that
  # hold only the values stated (none here).
  budget "path, 5,000 x 1,000 unstated" 1 102400 "$bin" --data "$work/wide.toml" path --track t
  # A 100 KB search pattern that almost matches everywhere in 900 KB: one pass, not one
  # comparison of the pattern at every place.
  python3 bench/hostile.py haystack >"$work/haystack.toml"
  python3 bench/hostile.py needle >"$work/needle.txt"
  budget "search, 100 KB pattern in 900 KB" 1 102400 "$bin" --data "$work/haystack.toml" search "$(cat "$work/needle.txt")"
  # A track at 1 MB: 7,500 levels of one unlike untagged expectation each. The rows hold only
  # their texts, and each level is paired with the rows' latest texts through one word index
  # that follows them, not with every row (before and after: BENCHMARKS.md). Now refused (over
  # 100 levels), as are the 2,000-level and `shared` cases below.
  python3 bench/hostile.py untagged 7500 >"$work/untagged-1mb.toml"
  budget "path, 7,500 unlike untagged (1 MB)" 1 204800 "$bin" --data "$work/untagged-1mb.toml" path --track t
  budget "path --format tsv, same" 1 204800 "$bin" --data "$work/untagged-1mb.toml" path --track t --format tsv
  # Markdown's tables have every cell of every row, written row by row.
  budget "path --format markdown, same" 1 204800 "$bin" --data "$work/untagged-1mb.toml" path --track t --format markdown
  # JSON's contract gives every row one list per level: quadratic output, written as it is
  # serialised; at the limits, `spread` below is the worst case.
  python3 bench/hostile.py untagged 2000 >"$work/untagged-2000.toml"
  budget "path --format json, 2,000 untagged" 1 204800 "$bin" --data "$work/untagged-2000.toml" path --track t --format json
  # 7,000 untagged expectations that share one word and are otherwise unlike: each meets
  # every row in the word index, and visits at most its share of it (1 MB).
  python3 bench/hostile.py shared >"$work/shared.toml"
  budget "path, 7,000 untagged sharing a word" 1 204800 "$bin" --data "$work/shared.toml" path --track t
  # The wide ladder's track as the machine formats and Markdown write it: every attribute at
  # every level, from rows that hold only what is stated (now refused, as above).
  python3 bench/hostile.py wide >"$work/wide-path.toml"
  budget "path --format json, 5,000 x 1,000" 1 204800 "$bin" --data "$work/wide-path.toml" path --track t --format json
  budget "path --format markdown, same" 1 204800 "$bin" --data "$work/wide-path.toml" path --track t --format markdown
  budget "path --format tsv, same" 1 204800 "$bin" --data "$work/wide-path.toml" path --track t --format tsv
  # The limits (docs/format.md, "Limits"): what they refuse, and the most they allow.
  # A 495 KB title on 2,500 tracks: gigabytes of tables before, refused now (a title has at
  # most 200 characters).
  python3 bench/hostile.py title >"$work/title.toml"
  budget "tracks, 495 KB title x 2,500 (refused)" 1 204800 "$bin" --data "$work/title.toml" tracks
  budget "tracks --format json, same (refused)" 1 204800 "$bin" --data "$work/title.toml" tracks --format json
  # 5,000 roles x 2,000 attributes and dimensions: gigabytes of JSON before, refused now.
  budget "show --all --format json, wide (refused)" 1 204800 "$bin" --data "$work/wide.toml" show --all --format json
  budget "export, wide (refused)" 1 204800 "$bin" --data "$work/wide.toml" export "$work/wide-export"
  # A 100 KB expectation on 2,500 tracks, each to a role of its own: hundreds of MB of JSON
  # before, refused now (a text has at most 10,000 characters, a role at most 20 roles after
  # it).
  budget "next --format json, hub (refused)" 1 204800 "$bin" --data "$work/hub.toml" next B-h --format json
  # The most the limits allow: 1,000 expectations of 900 characters followed by 20 roles,
  # 1,000 roles of 200 attributes and dimensions named in 200 characters (what they write:
  # BENCHMARKS.md).
  python3 bench/hostile.py fan >"$work/fan.toml"
  budget "next --format json, fan at the limits" 1 204800 "$bin" --data "$work/fan.toml" next B-h --format json
  budget "next --format tsv, same" 1 204800 "$bin" --data "$work/fan.toml" next B-h --format tsv
  python3 bench/hostile.py grid >"$work/grid.toml"
  budget "show --all --format json, grid at limits" 1 204800 "$bin" --data "$work/grid.toml" show --all --format json
  # 100 levels of 450 unlike untagged statements each (945 KB), the most the limits allow:
  # path's sparse rows in every format (JSON writes every row at every level).
  python3 bench/hostile.py spread >"$work/spread.toml"
  for format in table json markdown tsv; do
    budget "path --format $format, spread at limits" 1 204800 "$bin" --data "$work/spread.toml" path --track t --format "$format"
  done
  # A pattern whose lazy DFA would need 2^1000 states: seconds before, refused now; the worst
  # pattern allowed (50 places) over 900 KB of texts as long as a text may be.
  python3 bench/hostile.py mixed >"$work/mixed.toml"
  budget "search --regex a[ab]{1000}c (refused)" 1 204800 "$bin" --data "$work/mixed.toml" search --regex 'a[ab]{1000}c'
  budget "search --regex a[ab]{48}c, 900 KB" 1 204800 "$bin" --data "$work/mixed.toml" search --regex 'a[ab]{48}c'
  budget "search --regex \w{50}, 900 KB" 1 204800 "$bin" --data "$work/mixed.toml" search --regex '\w{50}'
}

catalogue() {
  echo
  echo "== a catalogue (issue 15): 50 ladders of 10 roles each (bench/generate.py 10), against cat"
  local dir="$work/catalogue" ten="$work/catalogue-10"
  mkdir -p "$dir" "$ten"
  python3 bench/generate.py 10 >"$work/ten-roles.toml"
  for i in $(seq -w 1 50); do cp "$work/ten-roles.toml" "$dir/team$i.toml"; done
  for i in $(seq -w 1 10); do cp "$work/ten-roles.toml" "$ten/team$i.toml"; done
  "$bin" --data "$dir/team25.toml" export "$work/catalogue-page" >/dev/null
  local page="$work/catalogue-page/S2-Role-6.md"
  # Beside the start every command pays (`ladder --version`), in turn, as for the embedded
  # ladder: show LADDER/ROLE is judged against the start (BENCHMARKS.md, "The start-up budget").
  local one="$bin --data $dir --color never show team25/S2-role-6"
  python3 bench/interleave.py --json "$work/cat.json" "$runs" "cat=cat $page" "start=$bin --version" \
    "show=$one" >/dev/null
  local cat_ms show_ms start_ms
  cat_ms=$(median "$work/cat.json" cat)
  start_ms=$(median "$work/cat.json" start)
  show_ms=$(median "$work/cat.json" show)
  printf '%-34s %10s %8s %8s %10s %14s\n' command "median ms" "x cat" "x start" faults instructions
  printf '%-34s %10.2f %8s %8s %10s %14s\n' "cat of one role's page" "$cat_ms" 1.00 - "$(faults cat "$page")" \
    "$(instructions cat "$page")"
  printf '%-34s %10.2f %8s %8s %10s %14s\n' "start (--version)" "$start_ms" "$(ratio "$start_ms" "$cat_ms")" 1.00 \
    "$(faults "$bin" --version)" "$(instructions "$bin" --version)"
  # shellcheck disable=SC2086 # the command is words on purpose
  printf '%-34s %10.2f %8s %8s %10s %14s\n' "show team25/S2-role-6 (50 ladders)" "$show_ms" \
    "$(ratio "$show_ms" "$cat_ms")" "$(to_start "$work/cat.json" show)" "$(faults $one)" "$(instructions $one)"
  if over "$(to_start "$work/cat.json" show)" 1.5; then echo "  over budget: show LADDER/ROLE is more than 1.5x the start"; failed=1; fi
  # Across the catalogue: 5x the ladders at most 6x the instructions.
  local -a across=("list" "search role" "tracks" "dimensions" "path -t track-0" "show --all")
  for tail in "${across[@]}"; do
    local small large
    # shellcheck disable=SC2086 # the command is words on purpose
    small=$(instructions "$bin" --data "$ten" --color never $tail)
    # shellcheck disable=SC2086
    large=$(instructions "$bin" --data "$dir" --color never $tail)
    if [ "$small" = - ]; then echo "  $tail: growth not measured (valgrind is missing)"; continue; fi
    printf '%-34s %10s %8s %10s %14s\n' "$tail: 10 -> 50 ladders" - "$(ratio "$large" "$small")" - "$large"
    if over "$large" "6 * $small"; then echo "  over budget: $tail grows faster than the ladders"; failed=1; fi
  done
}

echo "machine: $(uname -srm), $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs)"
echo "ladder: $("$bin" --version), $(git rev-parse --short HEAD 2>/dev/null || echo 'no git')"
# `browse` draws a frame per key: the key acted on, the page drawn again when what it shows
# changed (the comparison and its table), the screen drawn. tests/browse.rs `frame_times`
# (ignored by `cargo test`, built here in release) times a round of keys through every mode,
# five times, at 80x24 and 200x50, on ratatui's test backend: what a frame costs `ladder`,
# without the terminal's own time to show it.
browse() {
  echo "== browse: frames (a key, the page, the screen) on the embedded ladder and on 1,000 roles"
  python3 bench/generate.py 1000 >"$work/browse-1000.toml"
  local -a run=(cargo test --release --quiet --test cli frame_times -- --ignored --nocapture)
  "${run[@]}" 2>/dev/null | grep '^frames' | sed 's/^/embedded   /' | tee "$work/frames.txt"
  LADDER_FRAMES_DATA="$work/browse-1000.toml" "${run[@]}" 2>/dev/null | grep '^frames' |
    sed 's/^/1000 roles  /' | tee -a "$work/frames.txt"
  local budget slowest
  while read -r line; do
    case "$line" in embedded*) budget=5000 ;; *) budget=50000 ;; esac
    slowest=$(sed -n 's/.*slowest \([0-9]*\) us.*/\1/p' <<<"$line")
    if [ -z "$slowest" ] || [ "$slowest" -ge "$budget" ]; then
      echo "  over budget: a frame took ${slowest:-?} us (budget $budget us): $line"; failed=1
    fi
  done <"$work/frames.txt"
  [ "$(wc -l <"$work/frames.txt")" -eq 4 ] || { echo "  frame_times printed no figures"; failed=1; }
}

case $what in
  all) embedded; versions; scale; hostile; catalogue; browse ;;
  browse) browse ;;
  embedded) embedded ;;
  versions) versions ;;
  catalogue) catalogue ;;
  scale) scale ;;
  hostile) hostile ;;
  *) echo "usage: bench/run.sh [all|embedded|versions|scale|hostile|catalogue|browse]" >&2; exit 2 ;;
esac
exit "$failed"
