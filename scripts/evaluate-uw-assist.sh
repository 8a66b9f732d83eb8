#!/usr/bin/env bash
# The interactive model on GI-tract MRI, leave one case out: for each case of the UW-Madison sample,
# an interactive model trained on the other cases' slices (started from the shipped MRI model's
# filters) is measured on the held-out case's slices by a simulated annotator (clicks at the largest
# error from an empty mask): NoC@85 and NoC@90 per organ. 18 slices of 3 cases: a demo figure.
# Usage: scripts/evaluate-uw-assist.sh [EPOCHS]   (after scripts/setup.sh; needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=${CLI:-build/app/delineo-cli}
EPOCHS=${1:-60}
# INIT: the weights each fold starts from: an automatic model (filters transferred) or an interactive one
INIT=${INIT:-resources/models/gi-mri-unet.pt}
LR=${LR:-1e-3}
DATA=${DATA:-../shared/data/uw-madison-gi}
[ -d "$DATA" ] || { echo "no UW-Madison sample at $DATA: nothing to measure" >&2; exit 0; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
source scripts/uw-folds.sh
for held in $(uw_folds "$CLI" "$DATA" "$WORK"); do
  "$CLI" train --images "$WORK/$held/train" --masks "$WORK/$held/train/masks" --no-val --interactive \
    --classes stomach,large_bowel,small_bowel \
    --init "$INIT" --epochs "$EPOCHS" --batch 6 --lr "$LR" \
    --out "$WORK/$held/assist.pt" >"$WORK/$held/train.log" 2>&1
  echo "== held out: $held ($(ls "$WORK/$held/test"/*.png | wc -l) slices), trained on the other cases"
  "$CLI" evaluate --interactive --model "$WORK/$held/assist.pt" --images "$WORK/$held/test" \
    --masks "$WORK/$held/test/masks" --classes 3 --class-names stomach,large_bowel,small_bowel --no-report
done
