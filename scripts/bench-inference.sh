#!/usr/bin/env bash
# Inference figures beside their anchors, in one run: the CPU's convolution peak (peak.py), every
# architecture's forward pass (plain and inference form), and `delineo-cli segment` against the
# same-model Python reference over Kvasir frames, interleaved.
# Usage: scripts/bench-inference.sh [FRAMES=50] [ROUNDS=3]   (needs python3-torch, python3-opencv)
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-50}
rounds=${2:-3}
anchors=../shared/anchors
kvasir=../shared/data/kvasir-seg
if [ ! -d "$anchors" ] || [ ! -d "$kvasir/images" ]; then
  echo "bench-inference: ../shared (anchors and Kvasir-SEG) not found: skipped" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/frames"
head -n "$frames" "$kvasir/val.txt" | while read -r name; do
  ln -s "$(realpath "$kvasir/images/$name")" "$work/frames/$name"
done
echo "== CPU convolution peak (peak.py, 3x3 conv 128->128 @64x64 b1)"
/usr/bin/python3 "$anchors/peak.py" --runs 5 --no-netlib 2>&1 | grep "3x3 conv 128->128 @64x64 b1"
echo "== forward passes, 256x256, batch 1"
build/app/delineo-cli bench --arch all --runs 7
echo "== segment $frames Kvasir val frames (decode, infer, resize back, write PNG)"
for r in $(seq "$rounds"); do
  build/app/delineo-cli segment --model resources/models/polyp-unet.pt "$work/frames" --out "$work/d" 2>&1 | tail -1
  /usr/bin/python3 scripts/reference-segment-folder.py "$work/frames" "$work/p" | tail -1
done
