#!/usr/bin/env python3
"""The parts of `make bench` that are easier in Python than in shell (bench.sh calls them):

  bench.py check  --work DIR --cpms BIN --check-jsonschema BIN --jq BIN --schema FILE
      runs every peer once on the inputs and checks they see what the generator meant: cpms says
      valid for the 90% and invalid for the 10%, check-jsonschema agrees where the mistake is one the
      schema can see, jq reads every well-formed file, the big files and the pack run. Writes
      results/checks.json; exits 1 when the inputs are not what they should be.
  bench.py memory --work DIR --cpms BIN --runs N
      peak resident memory of `cpms validate` on each big file, one process at a time, as GNU time
      (/usr/bin/time -f %M) reports it. Writes results/memory.json.
  bench.py report --work DIR --output FILE --cpms BIN --floor BIN --check-jsonschema BIN --jq BIN
                  --hyperfine BIN --swift BIN
      reads the hyperfine exports and the files above and writes BENCHMARKS.md.
"""

import argparse
import csv
import datetime
import glob
import json
import os
import pathlib
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile

MB = 1_000_000
ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent


def run(argv, cwd=None):
    result = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    return result.returncode, result.stdout, result.stderr


def files(folder):
    return sorted(glob.glob(os.path.join(folder, "*.json")))


# ---------------------------------------------------------------------------------------------- check

def check(args):
    work = pathlib.Path(args.work)
    results = work / "results"
    results.mkdir(parents=True, exist_ok=True)
    problems, report = [], {}

    with open(work / "many.tsv", encoding="utf-8") as handle:
        manifest = list(csv.DictReader(handle, delimiter="\t"))
    many = files(work / "many")
    parsable = files(work / "parsable")
    if len(many) != len(manifest):
        problems.append(f"many/ holds {len(many)} files, the manifest {len(manifest)}")

    code, out, err = run([args.cpms, "validate", "--format", "json", *many])
    cpms_files = {pathlib.Path(entry["path"]).name: entry for entry in json.loads(out)["files"]}
    report["cpms"] = {"exit": code, "summary": json.loads(out)["summary"], "files": len(cpms_files)}
    if len(cpms_files) != len(manifest):
        problems.append(f"cpms validate reported {len(cpms_files)} files, not {len(manifest)}")

    code, out, err = run([args.check_jsonschema, "-o", "json", "--schemafile", args.schema, *many])
    schema_output = json.loads(out)
    schema_errors = {pathlib.Path(entry["filename"]).name for entry in schema_output.get("errors", [])}
    parse_errors = {pathlib.Path(entry["filename"]).name for entry in schema_output.get("parse_errors", [])}
    report["check-jsonschema"] = {"exit": code, "schema_invalid": len(schema_errors),
                                  "parse_failures": len(parse_errors)}

    kinds, mismatches = {}, []
    for row in manifest:
        name = row["file"]
        cpms_verdict = "valid" if cpms_files.get(name, {}).get("valid") else "invalid"
        schema_verdict = "invalid" if name in schema_errors or name in parse_errors else "valid"
        kind = kinds.setdefault(row["mistake"], {"files": 0, "schema": row["schema"], "cpms_agrees": 0,
                                                 "schema_agrees": 0, "rules": {}})
        kind["files"] += 1
        kind["cpms_agrees"] += cpms_verdict == row["cpms"]
        kind["schema_agrees"] += schema_verdict == row["schema"]
        for finding in cpms_files.get(name, {}).get("findings", []):
            kind["rules"][finding["rule"]] = kind["rules"].get(finding["rule"], 0) + 1
        if cpms_verdict != row["cpms"] or schema_verdict != row["schema"]:
            mismatches.append(f"{name} ({row['mistake']}): cpms says {cpms_verdict} (expected {row['cpms']}), "
                              f"check-jsonschema says {schema_verdict} (expected {row['schema']})")
    report["kinds"] = kinds
    report["mismatches"] = mismatches
    problems += mismatches

    # jq 1.6 reads all its files as one stream and stops at the first malformed one: record where.
    code, out, err = run([args.jq, "-r", "input_filename", *many])
    report["jq_many"] = {"exit": code, "files_read": len(out.split()), "stderr": err.strip().splitlines()[:1]}
    code, out, err = run([args.jq, "-n", "[inputs] | length", *parsable])
    report["jq_parsable"] = {"exit": code, "values": int(out.strip() or 0), "files": len(parsable)}
    if code != 0 or int(out.strip() or 0) != len(parsable):
        problems.append(f"jq read {out.strip()} values from the {len(parsable)} well-formed files (exit {code})")
    code, out, err = run([args.cpms, "validate", *parsable])
    report["cpms_parsable"] = {"exit": code, "summary": out.strip().splitlines()[-1]}

    big = []
    with open(work / "big.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            path = work / "big" / row["file"]
            code, out, err = run([args.cpms, "validate", "--format", "json", str(path)])
            entry = json.loads(out)["files"][0] if out.strip().startswith("{") else {}
            findings = [f"{finding['rule']}: {finding['message']}" for finding in entry.get("findings", [])]
            big.append({"file": row["file"], "bytes": int(row["bytes"]), "exit": code,
                        "valid": bool(entry.get("valid")), "findings": findings[:3]})
    report["big"] = big
    # The 1 MB file is small enough to check against the schema too, as a check of the generator.
    code, _, _ = run([args.check_jsonschema, "--schemafile", args.schema, str(work / "big" / big[0]["file"])])
    report["big_schema_exit"] = code
    if code != 0:
        problems.append(f"check-jsonschema rejects {big[0]['file']}: the generator wrote an invalid big file")

    code, out, err = run([args.cpms, "pack", "--workshop", "pack/workshop.json", "--single-file",
                          "-o", "pack-out/pack.md", "--force"], cwd=work)
    output = work / "pack-out" / "pack.md"
    report["pack"] = {"exit": code, "bytes": output.stat().st_size if output.exists() else 0,
                      "message": (out + err).strip()}
    if code != 0:
        problems.append(f"cpms pack failed (exit {code}): {(out + err).strip()}")

    (results / "checks.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    summary = report["cpms"]["summary"]
    print(f"bench: cpms validate on many/: {summary} (exit {report['cpms']['exit']})")
    print(f"bench: check-jsonschema: {len(schema_errors)} files fail the schema, {len(parse_errors)} do not parse "
          f"(exit {report['check-jsonschema']['exit']})")
    for entry in big:
        state = "valid" if entry["valid"] else "NOT valid: " + "; ".join(entry["findings"])
        print(f"bench: cpms validate big/{entry['file']} ({entry['bytes']} bytes): {state}")
    if problems:
        for problem in problems:
            print(f"bench: input check: {problem}", file=sys.stderr)
        if os.environ.get("BENCH_ALLOW_MISMATCH") != "1":
            print("bench: the inputs are not what the benchmark expects (set BENCH_ALLOW_MISMATCH=1 to measure "
                  "anyway)", file=sys.stderr)
            return 1
    return 0


# --------------------------------------------------------------------------------------------- memory

def peak_memory(time_bin, argv):
    """Runs argv under GNU time and returns (exit code, peak resident set size in bytes). GNU time, a
    small C program, forks before it execs argv; Python's own rusage would count the Python image the
    child was forked from."""
    with tempfile.NamedTemporaryFile("r") as report:
        with open(os.devnull, "wb") as null:
            code = subprocess.run([time_bin, "-f", "%M", "-o", report.name, *argv], stdout=null,
                                  stderr=null).returncode
        return code, int(report.read().strip().splitlines()[-1]) * 1024  # GNU time prints kilobytes


def memory(args):
    work = pathlib.Path(args.work)
    checks = json.loads((work / "results" / "checks.json").read_text())
    report = {"runs": args.runs, "baseline": [], "files": []}
    for _ in range(args.runs):
        report["baseline"].append(peak_memory(args.time, [args.cpms, "--version"])[1])
    for entry in checks["big"]:
        if not entry["valid"]:
            continue
        peaks = []
        for _ in range(args.runs):
            code, peak = peak_memory(args.time, [args.cpms, "validate", str(work / "big" / entry["file"])])
            peaks.append(peak)
        report["files"].append({"file": entry["file"], "bytes": entry["bytes"], "peaks": peaks, "exit": code})
        print(f"bench: peak memory of cpms validate big/{entry['file']}: {max(peaks) / MB:.1f} MB")
    sheets = sorted(str(path) for path in (work / "monitoring").glob("*.csv"))
    if sheets:
        peaks = [peak_memory(args.time, [args.cpms, "monitor", "report", *sheets])[1] for _ in range(args.runs)]
        report["monitoring"] = {"files": len(sheets), "peaks": peaks}
        print(f"bench: peak memory of cpms monitor report ({len(sheets)} sheets): {max(peaks) / MB:.1f} MB")
    (work / "results" / "memory.json").write_text(json.dumps(report, indent=2) + "\n")
    return 0


# --------------------------------------------------------------------------------------------- report

class Measure:
    """All hyperfine samples of one command, merged over the rounds of one comparison."""

    def __init__(self, name):
        self.name, self.command, self.times, self.exit_codes = name, None, [], set()

    @property
    def median(self):
        return statistics.median(self.times)

    def cell(self):
        return f"{duration(self.median)} ({duration(min(self.times))}–{duration(max(self.times))})"


def load(results, comparison):
    """label -> Measure, from results/<comparison>.<round>.json and results/<comparison>.commands.tsv."""
    commands = {}
    listing = results / f"{comparison}.commands.tsv"
    if listing.exists():
        for line in listing.read_text().splitlines():
            label, command = line.split("\t", 1)
            commands[label] = command
    measures = {}
    for path in sorted(results.glob(f"{comparison}.*.json")):
        for result in json.loads(path.read_text())["results"]:
            # hyperfine's export gives the label (-n) as "command".
            label = result["command"]
            measure = measures.setdefault(label, Measure(label))
            measure.command = commands.get(label, label)
            measure.times += result["times"]
            measure.exit_codes.update(code for code in result.get("exit_codes", []) if code is not None)
    return measures


def duration(seconds):
    if seconds < 0.010:
        return f"{seconds * 1000:.2f} ms"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def megabytes(count):
    return f"{count / MB:.1f} MB"


def yes_no(flag):
    return "**yes**" if flag else "**no**"


def first_line(argv):
    try:
        code, out, err = run(argv)
        return (out or err).strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def interpreter_version(script):
    """The Python version a console script such as check-jsonschema runs under, from its #! line."""
    try:
        with open(script, encoding="utf-8", errors="replace") as handle:
            line = handle.readline()
    except OSError:
        return "unknown"
    if not line.startswith("#!"):
        return "unknown"
    version = first_line([*line[2:].split(), "--version"])
    return version.replace("Python ", "")


def machine(args):
    cpu, hypervisor = "unknown", False
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name") and cpu == "unknown":
                cpu = line.split(":", 1)[1].strip()
            if line.startswith("flags") and " hypervisor" in line:
                hypervisor = True
    ram = "unknown"
    with open("/proc/meminfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    system = platform.system()
    try:
        with open("/etc/os-release", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("PRETTY_NAME="):
                    system = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    size = os.path.getsize(args.cpms)
    stripped = None
    if shutil.which("strip"):
        with tempfile.TemporaryDirectory() as folder:
            target = os.path.join(folder, "cpms")
            if run(["strip", "-o", target, args.cpms])[0] == 0:
                stripped = os.path.getsize(target)
    binary = f"{size / 2**20:.1f} MiB as built" + (f", {stripped / 2**20:.1f} MiB stripped" if stripped else "")
    return [
        ("CPU", cpu + (" (virtual machine)" if hypervisor else "")),
        ("cores", f"{os.cpu_count()} (logical CPUs)"),
        ("RAM", ram),
        ("OS", system),
        ("kernel", platform.release()),
        ("Swift", first_line([args.swift, "--version"])),
        ("cpms binary", f"{binary} (release, `-static-executable`)"),
        ("hyperfine", first_line([args.hyperfine, "--version"])),
        ("jq", first_line([args.jq, "--version"])),
        ("check-jsonschema", first_line([args.check_jsonschema, "--version"])),
        ("Python", f"{platform.python_version()} (generator and report); "
                   f"{interpreter_version(args.check_jsonschema)} (check-jsonschema)"),
        ("gcc (floor program)", first_line(["gcc", "--version"])),
    ]


# The exit codes each measured command must give; hyperfine -i accepts any, so the report checks them.
EXPECTED_EXIT = {
    ("validate-schema", "cpms validate"): {1},
    ("validate-schema", "check-jsonschema"): {1},
    ("validate-jq", "cpms validate"): {1},
}


def report(args):
    work = pathlib.Path(args.work)
    results = work / "results"
    checks = json.loads((results / "checks.json").read_text())
    mem = json.loads((results / "memory.json").read_text())
    rename = [(args.cpms, "cpms"), (args.floor, "floor"), (args.check_jsonschema, "check-jsonschema"),
              (args.jq, "jq"), (str(work) + "/", ""), (str(ROOT) + "/", "")]

    def shown(command):
        for old, new in rename:
            command = command.replace(old, new)
        return command

    def code(command):
        return "`" + shown(command).replace("|", "\\|") + "`"

    comparisons = {name: load(results, name)
                   for name in ("startup", "validate-schema", "validate-jq", "pack", "sizes")}
    rows = []

    cpms, floor = comparisons["startup"]["cpms show 18 --format json"], comparisons["startup"]["floor"]
    ratio = cpms.median / floor.median
    rows.append(("start-up", code(cpms.command), cpms.cell(), "`floor`: C, prints one line", floor.cell(),
                 f"{ratio:.2f}× the floor", "≤ 3× the floor", yes_no(ratio <= 3)))

    cpms, peer = comparisons["validate-schema"]["cpms validate"], comparisons["validate-schema"]["check-jsonschema"]
    speedup = peer.median / cpms.median
    rows.append(("validate 1,000 files, 10% invalid", code(cpms.command), cpms.cell(), code(peer.command),
                 peer.cell(), f"{speedup:.1f}× faster", "≥ 20× faster", yes_no(speedup >= 20)))

    cpms, peer = comparisons["validate-jq"]["cpms validate"], comparisons["validate-jq"]["jq empty"]
    ratio = cpms.median / peer.median
    rows.append((f"validate the {checks['jq_parsable']['files']} well-formed files of those", code(cpms.command),
                 cpms.cell(), code(peer.command), peer.cell(), f"{ratio:.2f}× jq's time", "≤ 1.5× jq's time",
                 yes_no(ratio <= 1.5)))

    cpms, peer = comparisons["pack"]["cpms pack"], comparisons["pack"]["cpms --version"]
    added = cpms.median / peer.median - 1
    rows.append(("pack: 10 standards, 30 ballots", code(cpms.command), cpms.cell(), code(peer.command),
                 peer.cell(), f"pack work adds {added * 100:.0f}% to start-up", "adds < 100%", yes_no(added < 1)))

    monitoring = load(results, "monitor-report")
    if "cpms monitor report" in monitoring and "monitoring" in mem:
        comparisons["monitor-report"] = monitoring
        cpms, peer = monitoring["cpms monitor report"], monitoring["cpms --version"]
        peak = max(mem["monitoring"]["peaks"])
        rows.append(("monitor report: 112,000 rows in 80 sheets (28 indicators × 50 locations × 40 partners × 2 "
                     "rounds)", code(cpms.command), cpms.cell(), code(peer.command), peer.cell(),
                     f"peak memory {megabytes(peak)}", "< 1 s", yes_no(cpms.median < 1)))

    sizes = comparisons["sizes"]
    measured = {m["file"]: m for m in mem["files"]}
    size_rows, size_ok, steps, summary = [], True, [], []
    previous = None
    for entry in checks["big"]:
        name = entry["file"]
        limit = 3 * entry["bytes"] + 20 * MB
        if not entry["valid"]:
            size_ok, previous = False, None
            reason = "; ".join(entry["findings"]) or f"exit {entry['exit']}"
            size_rows.append((f"`{name}`", megabytes(entry["bytes"]), f"not measured: cpms refuses it ({reason})",
                              "", "", "", megabytes(limit), "**no**"))
            summary.append(f"{megabytes(entry['bytes'])}: refused")
            continue
        measure = next(m for m in sizes.values() if m.command.endswith("/" + name))
        peak = max(measured[name]["peaks"])
        ok, time_step, memory_step = peak <= limit, "", ""
        if previous:
            size_step = entry["bytes"] / previous[0]
            time_growth, memory_growth = measure.median / previous[1], peak / previous[2]
            time_step, memory_step = f"×{time_growth:.1f}", f"×{memory_growth:.1f}"
            steps.append(f"×{time_growth:.1f} / ×{memory_growth:.1f}")
            ok = ok and time_growth <= 1.5 * size_step and memory_growth <= 1.5 * size_step
        size_ok = size_ok and ok
        size_rows.append((f"`{name}`", megabytes(entry["bytes"]), measure.cell(), time_step, megabytes(peak),
                          memory_step, megabytes(limit), yes_no(ok)))
        summary.append(f"{megabytes(entry['bytes'])}: {duration(measure.median)}, {megabytes(peak)} peak")
        previous = (entry["bytes"], measure.median, peak)
    rows.append(("validate one file of 1, 10 and 100 MB", "`cpms validate big/FILE`", "; ".join(summary),
                 "itself, across sizes", "—",
                 ("time / memory per ×10 in size: " + ", ".join(steps)) if steps else "—",
                 "linear growth; peak memory ≤ 3× the file + 20 MB", yes_no(size_ok)))

    exits, surprises = [], []
    for comparison, measures in comparisons.items():
        for label, measure in measures.items():
            expected = EXPECTED_EXIT.get((comparison, label), {0})
            seen = sorted(measure.exit_codes)
            exits.append(f"| {comparison} | {label} | {', '.join(map(str, seen)) or '?'} | "
                         f"{', '.join(map(str, sorted(expected)))} | {len(measure.times)} |")
            if set(seen) != expected:
                surprises.append(f"{label} ({comparison}) exited with {seen}, expected {sorted(expected)}")

    out = []
    add = out.append
    add("# Benchmarks")
    add("")
    add("Written by `make bench` (`Tests/Benchmarks/bench.sh`); do not edit by hand. This is a benchmark, not a")
    add("test: nothing fails when a target is missed. Times are wall-clock, from hyperfine: each cell gives the")
    add("median of all runs and, in brackets, the fastest and the slowest run. Ratios compare medians.")
    add("")
    add(f"Measured on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d}.")
    add("")
    add("| work | cpms | median (min–max) | compared with | median (min–max) | ratio | target | met |")
    add("|---|---|---|---|---|---|---|---|")
    for row in rows:
        add("| " + " | ".join(row) + " |")
    add("")
    for surprise in surprises:
        add(f"**Unexpected exit code:** {surprise}.")
        add("")
    add("## Validate one big file")
    add("")
    add("Valid contextualization files of about 1, 10 and 100 MB: all 28 standards, each with many long local")
    add(f"indicators and added key actions. Peak memory is the largest resident set of {mem['runs']} runs as")
    add(f"`/usr/bin/time -f %M` reports it; `cpms --version` alone peaks at {megabytes(max(mem['baseline']))}. "
        "Growth counts as")
    add("linear when each ×10 step in size multiplies time and peak memory by at most 15 (1.5 × the step; fixed")
    add("start-up costs make small files relatively slower, so growth can look less than linear).")
    add("")
    add("| file | size | time: median (min–max) | time × previous | peak memory | memory × previous "
        "| memory limit (3× file + 20 MB) | met |")
    add("|---|---|---|---|---|---|---|---|")
    for row in size_rows:
        add("| " + " | ".join(row) + " |")
    add("")

    kinds = checks["kinds"]
    total = sum(kind["files"] for kind in kinds.values())
    instructions = results / "instructions.tsv"
    if instructions.exists():
        add("## Instructions (callgrind)")
        add("")
        add("Instruction counts from `valgrind --tool=callgrind` for one run of each command on the same inputs:")
        add("unlike times, they do not change with the load on the machine, so they show what a change to cpms")
        add("did. The earlier counts in the next section were measured the same way.")
        add("")
        add("| command | instructions |")
        add("|---|---|")
        for row in instructions.read_text().splitlines():
            label, count = row.split("\t")[:2]
            add(f"| `{label}` | {int(count):,} |")
        add("")
    notes = HERE / "profile-notes.md"
    if notes.exists():
        out.extend(notes.read_text().rstrip("\n").splitlines())
        add("")
    add("## Inputs, and what cpms and the peers say about them")
    add("")
    add(f"`Tests/Benchmarks/generate_inputs.py` (fixed seed) writes {total:,} contextualization files in English,")
    add("French, Spanish and Arabic, in five layouts (compact; indented by 2 or 4 spaces or by tabs; ASCII escapes;")
    add("some with CRLF line ends): 1 to 14 standards each, with local wording, changed and added key actions,")
    add("core indicators with definitions and targets, and local indicators. "
        f"{total - kinds.get('-', {'files': 0})['files']} of them carry one typical mistake:")
    add("")
    add("| mistake | files | the JSON Schema sees it | cpms: invalid | check-jsonschema as expected | cpms rule |")
    add("|---|---|---|---|---|---|")
    for name in sorted(kinds, key=lambda k: (k == "-", k)):
        kind = kinds[name]
        if name == "-":
            label, sees, verdict = "none (valid file)", "—", f"valid: {kind['cpms_agrees']}/{kind['files']}"
        else:
            label, sees = name, "yes" if kind["schema"] == "invalid" else "no"
            verdict = f"{kind['cpms_agrees']}/{kind['files']}"
        rules = ", ".join(f"`{rule}`" for rule in sorted(kind["rules"])) or "—"
        add(f"| {label} | {kind['files']} | {sees} | {verdict} | {kind['schema_agrees']}/{kind['files']} | {rules} |")
    add("")
    cj, jq_many = checks["check-jsonschema"], checks["jq_many"]
    add(f"- `cpms validate` on all {total:,} files says \"{checks['cpms']['summary']}\" and exits "
        f"{checks['cpms']['exit']} (some file is")
    add("  invalid). hyperfine runs it with `-i`, and the report checks the exit code of every run (below).")
    add(f"- `check-jsonschema` finds {cj['schema_invalid']} files that break the schema and {cj['parse_failures']} "
        f"that do not parse, carries on past")
    add(f"  malformed files and exits {cj['exit']}. The mistakes only cpms can see (ids that do not exist in the "
        "CPMS, a")
    add("  duplicate key, a standard listed twice, a date such as 2026-02-30, a phase that is not its section's)")
    add("  pass the schema, as expected.")
    add(f"- `jq` ({first_line([args.jq, '--version'])}) reads its files as one stream and stops at the first "
        f"malformed one (exit {jq_many['exit']}")
    add(f"  after {jq_many['files_read']} of {total:,} files), so the jq comparison uses the "
        f"{checks['jq_parsable']['files']} well-formed files, and cpms runs on")
    add(f"  the same files beside it (\"{checks['cpms_parsable']['summary']}\").")
    add(f"- The big files are valid for cpms, and the 1 MB one for check-jsonschema too (exit "
        f"{checks['big_schema_exit']}).")
    add("- The pack reads 30 ballots filled in from `cpms ballot` templates (one in three with semicolons, a BOM,")
    add("  CRLF and decimal commas) and a workshop file that selects standards "
        + ", ".join(map(str, json.loads((work / "pack" / "workshop.json").read_text())["select"])) + ";")
    add(f"  the single-file pack it writes is {checks['pack']['bytes']:,} bytes.")
    add("")

    add("## Commands")
    add("")
    add("Run in the inputs folder (`.build-bench/bench-inputs` unless `BENCH_WORK` names another);")
    add("`cpms` is `.build-bench/release/cpms` and `floor` is `Tests/Benchmarks/floor.c` built with `gcc -O2`.")
    add("hyperfine does every run of one command before it starts the next, so each comparison is made in")
    add("rounds that swap the order, and the samples of all rounds are merged. The commands with a glob run")
    add("through `sh` (hyperfine subtracts the shell's own start-up); the others run without a shell (`-N`).")
    add("")
    add("```sh")
    for line in (results / "commands.txt").read_text().splitlines():
        add(shown(line))
    add("```")
    add("")
    add("| comparison | command | exit codes seen | expected | runs measured |")
    add("|---|---|---|---|---|")
    out.extend(exits)
    add("")
    add("## Machine")
    add("")
    add("| | |")
    add("|---|---|")
    for key, value in machine(args):
        add(f"| {key} | {value} |")
    source_file = results / "source.txt"
    if source_file.exists():
        add(f"| cpms built from | {source_file.read_text().strip()} |")
    load_file = results / "loadavg.txt"
    if load_file.exists():
        one, five = load_file.read_text().split()[:2]
        add(f"| load average before measuring | {one} (1 min), {five} (5 min) |")
    add("")
    pathlib.Path(args.output).write_text("\n".join(out))
    for surprise in surprises:
        print(f"bench: warning: {surprise}", file=sys.stderr)
    print(f"bench: wrote {args.output}")
    return 0


def main():
    parser = argparse.ArgumentParser(description="Checks, memory and report for make bench.")
    sub = parser.add_subparsers(dest="action", required=True)
    for name in ("check", "memory", "report"):
        command = sub.add_parser(name)
        command.add_argument("--work", required=True)
        command.add_argument("--cpms", required=True)
    sub.choices["check"].add_argument("--check-jsonschema", required=True)
    sub.choices["check"].add_argument("--jq", required=True)
    sub.choices["check"].add_argument("--schema", required=True)
    sub.choices["memory"].add_argument("--runs", type=int, default=5)
    sub.choices["memory"].add_argument("--time", default="/usr/bin/time")
    for option in ("--output", "--floor", "--check-jsonschema", "--jq", "--hyperfine", "--swift"):
        sub.choices["report"].add_argument(option, required=True)
    args = parser.parse_args()
    return {"check": check, "memory": memory, "report": report}[args.action](args)


if __name__ == "__main__":
    sys.exit(main())
