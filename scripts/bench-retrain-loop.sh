#!/usr/bin/env bash
# The simulated correction loop on Kvasir-SEG: a model trained on 100 train images, 50 more train
# images "corrected" (their ground truth stands in for the corrections), then a fine-tune through
# the same code path as Training → Fine-tune (planFineTune/runFineTune) within a CPU time budget.
# Prints the starting and the fine-tuned model's Dice on the Kvasir val list (the frozen split).
# Usage: scripts/bench-retrain-loop.sh [--budget 900] [--start-epochs 8] [--out DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$here/../shared/data/kvasir-seg"
cli="${DELINEO_CLI:-$here/build/app/delineo-cli}"
budget=900 start_epochs=8 out="${TMPDIR:-/tmp}/delineo-retrain-loop"
while [ $# -gt 0 ]; do
  case "$1" in
    --budget) budget="$2"; shift ;;
    --start-epochs) start_epochs="$2"; shift ;;
    --out) out="$2"; shift ;;
    --data) data="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ ! -f "$data/train.txt" ]; then
  echo "bench-retrain-loop: $data not found (../shared/data beside the clone): skipped"; exit 0
fi
[ -x "$cli" ] || { echo "build first: bash scripts/setup.sh" >&2; exit 2; }
rm -rf "$out"; mkdir -p "$out"
link() { # link NAME... into $out/$1/{images,masks}
  local dir="$out/$1"; shift; mkdir -p "$dir/images" "$dir/masks"
  for n in "$@"; do ln -s "$data/images/$n" "$dir/images/$n"; ln -s "$data/masks/$n" "$dir/masks/$n"; done
}
mapfile -t train < "$data/train.txt"
mapfile -t val < "$data/val.txt"
link start "${train[@]:0:100}"
link corrected "${train[@]:100:50}"
link val "${val[@]}"

echo "== starting model: UNet base 16, 256x256, $start_epochs epochs on 100 train images"
t0=$(date +%s)
"$cli" train --images "$out/start/images" --masks "$out/start/masks" --no-val --out "$out/start.pt" \
  --base 16 --size 256 --epochs "$start_epochs" --batch 8 --lr 2e-3 2>&1 | grep -v '\r' | tail -n 2
echo "   ($(( $(date +%s) - t0 )) s)"

ws="$out/ws"
"$cli" workspace create "$ws" --classes polyp >/dev/null
"$cli" workspace import "$ws" "$out/start" >/dev/null
"$cli" workspace import "$ws" "$out/corrected" >/dev/null
"$cli" workspace import "$ws" "$out/val" >/dev/null
"$cli" workspace split "$ws" --val-list "$data/val.txt"
"$cli" models add --workspace "$ws" "$out/start.pt" --name start >/dev/null

echo "== fine-tune on the 150 corrected train images, budget $budget s"
t0=$(date +%s)
"$cli" finetune --workspace "$ws" --epochs 12 --time-budget "$budget" 2>&1 | tr '\r' '\n' | grep -v "step" | tail -n 20
echo "   ($(( $(date +%s) - t0 )) s wall, including loading and validation)"
"$cli" models list --workspace "$ws"
