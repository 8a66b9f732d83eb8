#!/usr/bin/env bash
# The architectures of the seed projects, trained by Delineo under one budget and measured the same
# way (docs/MODELS.md). The budget is data and epochs, the same for every architecture; each one's
# training time is what that budget cost it:
#  - Kvasir-SEG: the first TRAIN_IMAGES names of train.txt, EPOCHS epochs, the checkpoint with the
#    best Dice on val.txt kept, then evaluated on val.txt: pixel accuracy, IoU, Dice, precision,
#    recall, HD95 (pixels);
#  - the UW-Madison sample, leave one case out: for each case, UW_EPOCHS epochs on the other cases'
#    slices, evaluated on the held-out case's slices (18 slices of 3 cases: demo figures).
# Usage: scripts/models-table.sh OUT_DIR   (after scripts/setup.sh; needs ../shared/data)
# Settings: EPOCHS (8), TRAIN_IMAGES (700: all of train.txt), UW_EPOCHS (10), SIZE (128), BASE (16), ARCHS, UW_ARCHS.
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=${CLI:-build/app/delineo-cli}
OUT=${1:?usage: scripts/models-table.sh OUT_DIR}
EPOCHS=${EPOCHS:-8} TRAIN_IMAGES=${TRAIN_IMAGES:-700} UW_EPOCHS=${UW_EPOCHS:-10} SIZE=${SIZE:-128} BASE=${BASE:-16}
ARCHS=${ARCHS:-fcn unet unetpp attention_unet unet3p deeplabv3p}
UW_ARCHS=${UW_ARCHS:-unet unetpp deeplabv3p unet3p}
KVASIR=${KVASIR:-../shared/data/kvasir-seg} UW=${UW:-../shared/data/uw-madison-gi}
[ -d "$KVASIR" ] && [ -d "$UW" ] || { echo "no Kvasir-SEG or UW-Madison data under ../shared/data: nothing to measure" >&2; exit 0; }
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
head -n "$TRAIN_IMAGES" "$KVASIR/train.txt" > "$OUT/train-subset.txt"
"$CLI" bench --arch all --size "$SIZE" --base "$BASE" > "$OUT/architectures.txt" 2>&1

for arch in $ARCHS; do
  start=$(date +%s)
  "$CLI" train --data "$KVASIR" --train-list "$OUT/train-subset.txt" --arch "$arch" --base "$BASE" --size "$SIZE" \
    --epochs "$EPOCHS" --seed 42 --out "$OUT/kvasir-$arch.pt" > "$OUT/kvasir-$arch.log" 2>&1
  echo "kvasir $arch: trained in $(( $(date +%s) - start )) s" | tee -a "$OUT/times.txt"
  "$CLI" evaluate --model "$OUT/kvasir-$arch.pt" --data "$KVASIR" --list val.txt --json --no-report \
    > "$OUT/kvasir-$arch.eval.json"
done

WORK="$OUT/uw-folds"
rm -rf "$WORK"
source scripts/uw-folds.sh
for held in $(uw_folds "$CLI" "$UW" "$WORK"); do
  for arch in $UW_ARCHS; do
    start=$(date +%s)
    "$CLI" train --images "$WORK/$held/train" --masks "$WORK/$held/train/masks" --no-val --arch "$arch" \
      --classes stomach,large_bowel,small_bowel --channels 1 --base "$BASE" --size "$SIZE" --batch 6 \
      --epochs "$UW_EPOCHS" --seed 42 --out "$WORK/$held/$arch.pt" > "$WORK/$held/$arch.log" 2>&1
    "$CLI" evaluate --model "$WORK/$held/$arch.pt" --images "$WORK/$held/test" --masks "$WORK/$held/test/masks" \
      --json --no-report > "$OUT/uw-$held-$arch.eval.json"
    echo "uw $held $arch: trained in $(( $(date +%s) - start )) s" | tee -a "$OUT/times.txt"
  done
done
