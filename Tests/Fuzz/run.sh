#!/usr/bin/env bash
# Builds the libFuzzer targets of Tests/Fuzz and runs each one for a bounded time (`make fuzz`,
# `make fuzz-smoke`). Exits non-zero when any target finds a crash, a hang or a memory blow-up.
#
#   Tests/Fuzz/run.sh SECONDS [TARGET...]
#
# Everything it writes stays under $FUZZ_DIR (default .build-fuzz): the build, a working corpus per
# target (the committed seeds in Tests/Fuzz/Corpus are only read), logs, and crash or hang inputs
# under artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:?usage: Tests/Fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(FuzzValidate FuzzWorkshop FuzzBallot FuzzMonitoring FuzzArguments); fi
dir=${FUZZ_DIR:-.build-fuzz}
swift=${SWIFT:-swift}

for target in "${targets[@]}"; do
  CPMS_FUZZ=1 "$swift" build -c debug --scratch-path "$dir" --product "$target"
done

failed=()
for target in "${targets[@]}"; do
  corpus="$dir/corpus/$target"
  artifacts="$dir/artifacts/$target"
  log="$dir/logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$dir/logs"
  seeds=(Tests/Fuzz/Corpus/"$target")
  if [ -d Tests/Fuzz/Regressions/"$target" ]; then seeds+=(Tests/Fuzz/Regressions/"$target"); fi
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1
    -artifact_prefix="$artifacts/")
  if [ -f Tests/Fuzz/Dictionaries/"$target".dict ]; then options+=(-dict=Tests/Fuzz/Dictionaries/"$target".dict); fi
  # New inputs go to the first corpus folder, the working copy; the seed folders are only read.
  # SWIFT_BACKTRACE=enable=no lets libFuzzer see the crash and write the input that caused it.
  status=0
  SWIFT_BACKTRACE=enable=no "$dir/debug/$target" "${options[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  if [ "$status" -eq 0 ]; then
    echo "$target: ok, ${runs:-?} runs in ${seconds}s (${speed:-?} exec/s, ${coverage:-cov: ?})"
  else
    echo "$target: FAILED (exit $status); inputs in $artifacts/, log in $log:"
    tail -n 40 "$log"
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "Fuzzing found problems in: ${failed[*]}. Fix them, save each input under Tests/Fuzz/Regressions/<target>/."
  exit 1
fi
