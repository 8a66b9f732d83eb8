#!/usr/bin/env bash
# Builds the fuzz targets (libFuzzer, clang, AddressSanitizer + UndefinedBehaviorSanitizer) in
# build-fuzz/ and runs each for SECONDS (default 60) on its corpus: seeds from tests/fuzz/seeds,
# tests/data and ../shared/data, plus what earlier runs found. Findings land in build-fuzz/findings/.
# Prints per target: executions/s, coverage (edges), seconds run, findings.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: dicom dicom-folder dicom-seg frame itk-volume
#        uw-madison sidecar workspace packed-dataset video checkpoint torchscript dicomweb; default all)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dicom dicom-folder dicom-seg frame itk-volume uw-madison sidecar workspace packed-dataset video
                                     checkpoint torchscript dicomweb)
build="${DELINEO_FUZZ_BUILD:-$here/build-fuzz}"
shared="$here/../shared/data"

# shellcheck source=scripts/sanitizer-build.sh
. "$here/scripts/sanitizer-build.sh"
names=()
for t in "${targets[@]}"; do names+=("fuzz_${t//-/_}"); done
cmake --build "$build" -j "$(nproc)" --target "${names[@]}"

seed() { # seed TARGET FILES...: copies into the target's corpus
  local dir="$build/corpus/$1"; shift; mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp -n "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")" 2>/dev/null || true; done
}
for t in "${targets[@]}"; do
  rm -rf "$build/findings/$t"
  mkdir -p "$build/corpus/$t" "$build/findings/$t"
  [ -d "$here/tests/fuzz/seeds/$t" ] && seed "$t" "$here"/tests/fuzz/seeds/"$t"/*
  [ -d "$here/tests/data/fuzz-regressions/$t" ] && seed "$t" "$here"/tests/data/fuzz-regressions/"$t"/*
done
if [ -d "$shared/dicom" ]; then
  mapfile -t dcm < <(find "$shared/dicom" -type f -size -200k | head -n 120)
  seed dicom "${dcm[@]}"
  seed dicom-folder "${dcm[@]:0:40}"
  mapfile -t segs < <(grep -rl "1.2.840.10008.5.1.4.1.1.66.4" "$shared/dicom" 2>/dev/null | head -n 8 || true)
  [ ${#segs[@]} -gt 0 ] && seed dicom-seg "${segs[@]}"
fi
[ -d "$here/resources/demo" ] && seed frame "$here"/resources/demo/*.jpg "$here"/resources/demo/*.png
[ -d "$shared/kvasir-seg/images" ] && seed frame $(ls "$shared"/kvasir-seg/images/*.jpg | head -n 10)
if [ -f "$shared/uw-madison-gi/train.csv" ]; then
  mkdir -p "$build/corpus/uw-madison"
  head -c 20000 "$shared/uw-madison-gi/train.csv" > "$build/corpus/uw-madison/train.csv"
fi
seed sidecar "$here"/resources/models/*.json "$here"/tests/data/*.json
seed checkpoint "$here"/tests/data/torchscript-tiny.pt
seed torchscript "$here"/tests/data/torchscript-tiny.pt

export LSAN_OPTIONS="suppressions=$here/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
regressions_failed=()
printf '%-16s %10s %8s %8s %9s\n' target exec/s edges seconds findings
for t in "${targets[@]}"; do
  name="fuzz_${t//-/_}"
  dict=(); [ -f "$here/tests/fuzz/$t.dict" ] && dict=(-dict="$here/tests/fuzz/$t.dict")
  # DCMTK 3.6.7's DcmSegmentation leaks its functional groups on every load (a cycle inside
  # dcmiod, not Delineo's code): leak detection stays on for every other target.
  [ "$t" = dicom-seg ] && dict+=(-detect_leaks=0)
  log="$build/$t.log"
  ( cd "$build/findings/$t" && timeout $((seconds + 60)) "$build/tests/fuzz/$name" "${dict[@]}" -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=3072 -malloc_limit_mb=4096 -print_final_stats=1 \
      "$build/corpus/$t" > "$log" 2>&1 ) || true
  # Every input found so far, once, under the sanitizers; what fails is copied into findings/, never
  # into the folder this runs from. (Both runs allow single allocations up to
  # 4 GB: DCMTK reserves what an element of an unknown VR claims before it finds the file too short,
  # which ends in a typed error; memory actually used is still capped by -rss_limit_mb.)
  if [ -d "$here/tests/data/fuzz-regressions/$t" ]; then
    "$build/tests/fuzz/$name" "${dict[@]}" -runs=0 -timeout=10 -rss_limit_mb=3072 -malloc_limit_mb=4096 \
      -artifact_prefix="$build/findings/$t/" "$here/tests/data/fuzz-regressions/$t" > "$build/$t.regressions.log" 2>&1 || regressions_failed+=("$t")
  fi
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | head -n 1 | grep -o '[0-9]*$' || echo 0)"
  edges="$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*' || echo 0)"
  found="$(ls "$build/findings/$t" | grep -c -E '^(crash|leak|timeout|oom|slow-unit)-' || true)"
  printf '%-16s %10s %8s %8s %9s\n' "$t" "$(( ${execs:-0} / (seconds > 0 ? seconds : 1) ))" "${edges:-0}" "$seconds" "$found"
done
echo "findings (if any) in $build/findings/<target>/; reproduce with $build/tests/fuzz/fuzz_<target> FILE"
if [ ${#regressions_failed[@]} -gt 0 ]; then
  echo "regression inputs failing under the sanitizers: ${regressions_failed[*]} (see $build/<target>.regressions.log)"
  exit 1
fi
