#!/usr/bin/env bash
# Renders the main window in its main states to docs/screenshots/ (offscreen, no display needed):
# the app's own --screenshot for the overlays, and the GUI tests' captures for the training panel,
# the model comparison, the AI preview and the shortcuts dialog.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="$here/build/app/delineo"
out="$here/docs/screenshots"
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
demo="$here/resources/demo"
"$app" --screenshot "$out/polyp-segmented.png" --segment "$demo/cju34ymm8d6700799uop0cw33.jpg"
"$app" --screenshot "$out/mri-segmented.png" --segment "$demo/slice_0075_266_266_1.50_1.50.png"
"$app" --screenshot "$out/mr-dicom.png" "$demo/mr-abdomen-slice.dcm"
# AI Assist: one click inside the polyp, off its centre, as an annotator would click.
"$app" --screenshot "$out/ai-assist.png" --assist 277,418 "$demo/cju34ymm8d6700799uop0cw33.jpg"
shared="$here/../shared/data/dicom/ge-ct-head-gantry-tilt/In/GE"
if [ -d "$shared" ]; then
  "$app" --screenshot "$out/ct-series-gantry-tilt.png" "$shared"
fi
DELINEO_SCREENSHOTS="$out" "$here/build/tests/gui_tests" \
  --gtest_filter='MainWindow.RunModelIsUndoableAndFineTuneSwapsModel:MainWindow.MaskOperationsFromTheKeyboardAreUndoable:MainWindow.RunModelOnAllSlicesThenAcceptAll:Translations.MenusFollowTheLanguageAndPersianIsRightToLeft:Multiplanar.TheCrosshairLinksTheThreeViews:Multiplanar.TheStructuresPanelMeasuresAndStylesEachClass' \
  > /dev/null
echo "screenshots in $out"
