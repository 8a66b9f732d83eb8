#!/usr/bin/env bash
# Builds delineo-ml-train (core/ml alone) against the LibTorch of this machine's PyTorch, or the one
# named by Torch_DIR, for training on a GPU box that has no Qt/OpenCV/DCMTK.
# usage: scripts/build-ml-trainer.sh BUILD_DIR [DEPS_PREFIX]
#   DEPS_PREFIX holds include/nlohmann, include/stb and share/cmake/nlohmann_json where the
#   machine lacks nlohmann-json3-dev and libstb-dev.
set -euo pipefail
build=${1:?build folder}
deps=${2:-/usr}
prefix="$deps"
if [[ -z "${Torch_DIR:-}" ]] && command -v python3 >/dev/null; then
  prefix="$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)' 2>/dev/null);$deps" || prefix="$deps"
fi
cmake -S "$(dirname "$0")/../core/ml" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" -DSTB_INCLUDE_DIR="$deps/include" ${Torch_DIR:+-DTorch_DIR="$Torch_DIR"}
cmake --build "$build" --target delineo-ml-train
