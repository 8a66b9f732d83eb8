#!/usr/bin/env bash
# Leave one case out on the UW-Madison sample with the shipped GI-tract model's recipe (192², base
# 16, batch 6, lr 3e-3, the four MRI classes): for each case, train on the other cases' slices and
# measure on its own. Prints one line per architecture and case with each class's Dice over the
# case's pixels. REUSE=1 measures the models of an earlier run again without training.
# 18 slices of 3 cases: demo figures, not a ranking of architectures.
# Usage: scripts/uw-loco.sh OUT_DIR   (after scripts/setup.sh; needs ../shared/data and jq)
# Settings: ARCHS (unet deeplabv3p), EPOCHS (250), SIZE (192), BASE (16).
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=${CLI:-build/app/delineo-cli}
OUT=${1:?usage: scripts/uw-loco.sh OUT_DIR}
ARCHS=${ARCHS:-unet deeplabv3p} EPOCHS=${EPOCHS:-250} SIZE=${SIZE:-192} BASE=${BASE:-16}
UW=${UW:-../shared/data/uw-madison-gi}
CLASSES=stomach,large_bowel,small_bowel,tumour
[ -d "$UW" ] || { echo "no UW-Madison data under ../shared/data: nothing to measure" >&2; exit 0; }
command -v jq >/dev/null || { echo "uw-loco.sh reads the evaluation JSON with jq: sudo apt-get install jq" >&2; exit 2; }
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
: > "$OUT/table.txt"
WORK="$OUT/folds"
source scripts/uw-folds.sh
if [ -n "${REUSE:-}" ] && [ -d "$WORK" ]; then
  cases=$(ls "$WORK" | grep '^case')
else
  rm -rf "$WORK"
  cases=$(uw_folds "$CLI" "$UW" "$WORK")
fi
printf '%-11s %-8s %8s %8s %8s %6s\n' arch held stomach l.bowel s.bowel train_s
for arch in $ARCHS; do
  for held in $cases; do
    start=$(date +%s)
    [ -n "${REUSE:-}" ] && [ -f "$WORK/$held/$arch.pt" ] || "$CLI" train --images "$WORK/$held/train" --masks "$WORK/$held/train/masks" --no-val --arch "$arch" \
      --classes "$CLASSES" --channels 1 --base "$BASE" --size "$SIZE" --batch 6 --lr 3e-3 \
      --epochs "$EPOCHS" --seed 42 --out "$WORK/$held/$arch.pt" > "$WORK/$held/$arch.log" 2>&1
    seconds=$(( $(date +%s) - start ))
    "$CLI" evaluate --model "$WORK/$held/$arch.pt" --images "$WORK/$held/test" --masks "$WORK/$held/test/masks" \
      --json --no-report > "$OUT/$held-$arch.json"
    # Dice pooled over the held-out case's pixels (a mean over slices would count every slice
    # without the organ as a perfect 1); a class the case does not contain is a dash.
    jq -r --arg a "$arch" --arg h "$held" --arg s "$seconds" '
      def d(c): if .classes[c].truthPixels > 0 then (.classes[c].pooledDice * 1000 | round / 1000 | tostring) else "-" end;
      [$a, $h, d("stomach"), d("large_bowel"), d("small_bowel"), "-", (if env.REUSE then "-" else $s end)]
      | "\(.[0]) \(.[1]) \(.[2]) \(.[3]) \(.[4]) \(.[6])"' "$OUT/$held-$arch.json" |
      awk '{printf "%-11s %-8s %8s %8s %8s %6s\n", $1, $2, $3, $4, $5, $6}' | tee -a "$OUT/table.txt"
  done
done
