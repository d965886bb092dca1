#!/usr/bin/env bash
# `make bench`: times cpms against its peers side by side and writes BENCHMARKS.md at the repository
# root. A benchmark, not a test: it never fails because a target is missed, only when it cannot run.
#
#   1. builds the release binary into .build-bench (its own scratch path, so it does not disturb
#      other builds in the tree) and the floor program (floor.c) with gcc -O2;
#   2. installs the peers that are missing: hyperfine, jq, gcc and GNU time (Debian/Ubuntu packages,
#      with sudo when not root) and check-jsonschema (PyPI, into a virtual environment under
#      .build-bench);
#   3. generates the inputs (generate_inputs.py, fixed seed) under .build-bench/bench-inputs and
#      checks that cpms and the peers see them as intended (bench.py check);
#   4. measures with hyperfine and records peak memory (bench.py memory);
#   5. writes BENCHMARKS.md (bench.py report).
#
# Settings (environment): SWIFT (swift), BENCH_SCRATCH (.build-bench), BENCH_WORK (inputs folder),
# BENCH_OUTPUT (BENCHMARKS.md), BENCH_QUICK=1 (few runs, to try the script; the numbers mean little),
# BENCH_ALLOW_MISMATCH=1 (measure even when the inputs check finds a disagreement).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

swift=${SWIFT:-swift}
scratch=${BENCH_SCRATCH:-.build-bench}
case "$scratch" in /*) ;; *) scratch="$root/$scratch" ;; esac
work=${BENCH_WORK:-$scratch/bench-inputs}
case "$work" in /*) ;; *) work="$root/$work" ;; esac
output=${BENCH_OUTPUT:-$root/BENCHMARKS.md}
results="$work/results"
# hyperfine splits commands on spaces, and the commands hold these paths.
case "$root$work" in *[[:space:]]*) echo "bench: error: run it from a path without spaces" >&2; exit 1 ;; esac
started=$(date +%s)

say() { printf 'bench: %s\n' "$*"; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

# ------------------------------------------------------------------------------------------ peers

sudo_cmd=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
  sudo_cmd=(sudo)
fi
apt_updated=no

# apt_install PACKAGE...: installs Debian/Ubuntu packages, or says clearly why it cannot.
apt_install() {
  command -v apt-get >/dev/null 2>&1 \
    || die "missing $*, and this machine has no apt-get: install the package(s) '$*' yourself and run again"
  if [ "$(id -u)" -ne 0 ] && [ "${#sudo_cmd[@]}" -eq 0 ]; then
    die "missing $*: run as root, install sudo, or install the package(s) '$*' yourself"
  fi
  if [ "$apt_updated" = no ]; then
    say "apt-get update"
    ${sudo_cmd[@]+"${sudo_cmd[@]}"} apt-get update -qq || die "apt-get update failed; is the network up?"
    apt_updated=yes
  fi
  say "apt-get install -y $*"
  ${sudo_cmd[@]+"${sudo_cmd[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
    || die "could not install the package(s) '$*' with apt-get"
}

# need COMMAND PACKAGE: makes sure COMMAND is on PATH, installing PACKAGE when it is not.
need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    apt_install "$2"
    command -v "$1" >/dev/null 2>&1 || die "installed $2 but '$1' is still not on PATH"
  fi
}

need python3 python3
need hyperfine hyperfine
need jq jq
need gcc gcc
need valgrind valgrind
if [ ! -x /usr/bin/time ]; then
  apt_install time
  [ -x /usr/bin/time ] || die "installed the package time but /usr/bin/time is still missing"
fi

# check-jsonschema: the one on PATH, else one in a virtual environment of our own (Debian's Python
# refuses `pip install` outside one).
if command -v check-jsonschema >/dev/null 2>&1; then
  check_jsonschema=$(command -v check-jsonschema)
  # A pyenv shim adds a shell script and pyenv itself to every run; time the real program.
  case "$check_jsonschema" in
    */shims/*) check_jsonschema=$(pyenv which check-jsonschema 2>/dev/null || echo "$check_jsonschema") ;;
  esac
else
  venv="$scratch/bench-tools/venv"
  check_jsonschema="$venv/bin/check-jsonschema"
  if [ ! -x "$check_jsonschema" ]; then
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
      rm -rf "$venv"
      apt_install python3-venv
      python3 -m venv "$venv" || die "could not create a Python virtual environment in $venv"
    fi
    say "pip install check-jsonschema (into $venv)"
    "$venv/bin/python" -m pip install -q check-jsonschema \
      || die "could not install check-jsonschema from PyPI (pip install check-jsonschema); is the network up?"
  fi
fi
hyperfine_bin=$(command -v hyperfine)
jq_bin=$(command -v jq)

# -N (no shell) arrived in hyperfine 1.13; older ones run everything through sh, which hyperfine
# then subtracts.
no_shell=(-N)
if ! hyperfine --help 2>&1 | grep -q -- '--shell'; then
  no_shell=()
  say "this hyperfine has no -N; commands without a glob run through sh too"
fi
hyperfine --help 2>&1 | grep -q -- '--export-json' || die "hyperfine is too old: it has no --export-json"

# ------------------------------------------------------------------------------------------ build

say "building the release binary: $swift build -c release -Xswiftc -static-executable --scratch-path $scratch"
mkdir -p "$scratch"
# Which sources the numbers are for: the commit, and whether the tree had changes on top of it.
source_state=unknown
if commit=$(git rev-parse --short HEAD 2>/dev/null); then
  source_state="commit $commit"
  if [ -n "$(git status --porcelain -- Package.swift Sources Data 2>/dev/null)" ]; then
    source_state+=" with uncommitted changes in Package.swift, Sources or Data"
  fi
fi
build_log="$scratch/bench-build.log"
# Others may edit Sources/ during the build; SwiftPM then stops, and trying again is enough.
for attempt in 1 2 3 4 5 6; do
  if "$swift" build -c release -Xswiftc -static-executable --scratch-path "$scratch" >"$build_log" 2>&1; then
    break
  fi
  if [ "$attempt" -lt 6 ] && grep -q 'modified during the build' "$build_log"; then
    say "a source file changed during the build; building again"
    sleep 5
    continue
  fi
  tail -n 30 "$build_log" >&2
  die "the release build failed (full log: $build_log)"
done
cpms="$scratch/release/cpms"
[ -x "$cpms" ] || die "the build did not produce $cpms"

floor="$scratch/bench-floor"
gcc -O2 -o "$floor" "$here/floor.c" || die "could not compile $here/floor.c with gcc"

# ------------------------------------------------------------------------------------------ inputs

mkdir -p "$work"
rm -rf "$results" "$work/pack-out"
mkdir -p "$results" "$work/pack-out"
"$cpms" ballot -o "$work/ballot-template.csv" --force >/dev/null
"$cpms" ballot --delimiter semicolon -o "$work/ballot-template-semicolon.csv" --force >/dev/null
say "generating the inputs in $work"
python3 "$here/generate_inputs.py" --repo "$root" --out "$work" \
  --ballot-template "$work/ballot-template.csv" \
  --ballot-template-semicolon "$work/ballot-template-semicolon.csv"

# The monitoring report's input: 112,000 rows (28 indicators × 50 locations × 40 partners × 2 rounds).
python3 "$here/generate_monitoring.py" --repo "$root" --out "$work/monitoring"

say "checking that cpms and the peers see the inputs as intended"
python3 "$here/bench.py" check --work "$work" --cpms "$cpms" --check-jsonschema "$check_jsonschema" \
  --jq "$jq_bin" --schema "$root/Data/schema/contextualization.schema.json"

# ------------------------------------------------------------------------------------------ measure

# Run counts: (rounds, runs per round, warm-up runs) for each comparison.
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  startup=(2 10 2) schema=(1 2 1) parse=(2 3 1) pack=(2 5 1) sizes=(1 2 1) memory_runs=2
else
  startup=(4 100 10) schema=(2 5 1) parse=(4 10 2) pack=(4 30 5) sizes=(2 5 1) memory_runs=5
fi

# quote ARG...: the arguments as one shell line, quoted only where needed (for the report).
quote() {
  local arg line=""
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./:=+,@%-]+$ ]]; then
      line+=" $arg"
    else
      line+=" '${arg//\'/\'\\\'\'}'"
    fi
  done
  printf '%s\n' "${line# }"
}

# compare NAME ROUNDS RUNS WARMUP [hyperfine options...] -- LABEL COMMAND [LABEL COMMAND...]
# hyperfine runs every run of one command before the next command, so a comparison is made in rounds
# that swap the order; the report merges the samples of all rounds. hyperfine's JSON export names a
# command by its label, so results/NAME.commands.tsv keeps label and command.
compare() {
  local name=$1 rounds=$2 runs=$3 warmup=$4
  shift 4
  local -a options=() commands=() ordered=() argv=()
  while [ "$1" != -- ]; do options+=("$1"); shift; done
  shift
  commands=("$@")
  local round i
  : >"$results/$name.commands.tsv"
  for ((i = 0; i < ${#commands[@]}; i += 2)); do
    printf '%s\t%s\n' "${commands[i]}" "${commands[i + 1]}" >>"$results/$name.commands.tsv"
  done
  for ((round = 1; round <= rounds; round++)); do
    ordered=()
    if ((round % 2 == 1)); then
      for ((i = 0; i < ${#commands[@]}; i += 2)); do ordered+=(-n "${commands[i]}" "${commands[i + 1]}"); done
    else
      for ((i = ${#commands[@]} - 2; i >= 0; i -= 2)); do ordered+=(-n "${commands[i]}" "${commands[i + 1]}"); done
    fi
    argv=(hyperfine ${options[@]+"${options[@]}"} --style basic --warmup "$warmup" --runs "$runs"
      --export-json "$results/$name.$round.json" "${ordered[@]}")
    quote "${argv[@]}" >>"$results/commands.txt"
    say "$name, round $round of $rounds"
    (cd "$work" && "${argv[@]}" >"$results/$name.$round.log" 2>&1) \
      || { cat "$results/$name.$round.log" >&2; die "hyperfine failed for $name"; }
    grep -E '^ *(Time|Range|Benchmark)' "$results/$name.$round.log" | sed 's/^/  /' || true
  done
}

: >"$results/commands.txt"
cp /proc/loadavg "$results/loadavg.txt" 2>/dev/null || true
printf '%s\n' "$source_state" >"$results/source.txt"
compare startup "${startup[@]}" ${no_shell[@]+"${no_shell[@]}"} -- \
  "cpms show 18 --format json" "$cpms show 18 --format json" \
  "floor" "$floor"

# cpms validate and check-jsonschema exit 1 when a file is invalid, as 10% are: -i accepts that, and
# the report checks the exit codes hyperfine recorded.
compare validate-schema "${schema[@]}" -i -- \
  "cpms validate" "$cpms validate many/*.json" \
  "check-jsonschema" "$check_jsonschema --schemafile $root/Data/schema/contextualization.schema.json many/*.json"

compare validate-jq "${parse[@]}" -i -- \
  "cpms validate" "$cpms validate parsable/*.json" \
  "jq empty" "$jq_bin empty parsable/*.json"

compare pack "${pack[@]}" ${no_shell[@]+"${no_shell[@]}"} -- \
  "cpms pack" "$cpms pack --workshop pack/workshop.json --single-file -o pack-out/pack.md --force" \
  "cpms --version" "$cpms --version"

# Through sh, for the glob; the report must be complete (exit 0).
compare monitor-report "${sizes[@]}" -- \
  "cpms monitor report" "$cpms monitor report monitoring/round1-*.csv monitoring/round2-*.csv" \
  "cpms --version" "$cpms --version"

# Only the big files cpms accepts are timed; the report says which ones it refused.
size_commands=()
while IFS=$'\t' read -r file valid; do
  if [ "$valid" = true ]; then
    size_commands+=("cpms validate $file" "$cpms validate big/$file")
  else
    say "cpms does not accept big/$file: not timed"
  fi
done < <(python3 -c 'import json, sys
for entry in json.load(open(sys.argv[1]))["big"]:
    print(entry["file"], "true" if entry["valid"] else "false", sep="\t")' "$results/checks.json")
if [ "${#size_commands[@]}" -gt 0 ]; then
  compare sizes "${sizes[@]}" ${no_shell[@]+"${no_shell[@]}"} -- "${size_commands[@]}"
fi

say "peak memory"
python3 "$here/bench.py" memory --work "$work" --cpms "$cpms" --runs "$memory_runs" --time /usr/bin/time

# callgrind counts instructions: the same count on every run of the same binary and inputs, however
# busy the machine is, so before/after comparisons of a change do not drown in timing noise.
say "instruction counts (callgrind)"
: >"$results/instructions.tsv"
count_instructions() { # LABEL SHELL-COMMAND (run in the inputs folder; globs expand there)
  local count
  # validate exits 1 on the files with mistakes: the exit code is not what is measured here.
  count=$(cd "$work" && { eval "valgrind --tool=callgrind --callgrind-out-file=/dev/null $2" 2>&1 >/dev/null || true; } \
    | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p')
  [ -n "$count" ] || die "callgrind gave no count for: $2"
  printf '%s\t%s\t%s\n' "$1" "$count" "$2" >>"$results/instructions.tsv"
}
count_instructions "floor" "$floor"
count_instructions "cpms --version" "$cpms --version"
count_instructions "cpms show 18 --format json" "$cpms show 18 --format json"
count_instructions "cpms pack (10 standards, 30 ballots)" \
  "$cpms pack --workshop pack/workshop.json --single-file -o pack-out/pack.md --force"
count_instructions "cpms validate (1,000 files)" "$cpms validate many/*.json"

# ------------------------------------------------------------------------------------------ report

python3 "$here/bench.py" report --work "$work" --output "$output" --cpms "$cpms" --floor "$floor" \
  --check-jsonschema "$check_jsonschema" --jq "$jq_bin" --hyperfine "$hyperfine_bin" --swift "$swift"
say "done in $(($(date +%s) - started)) s"
