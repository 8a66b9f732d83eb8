#!/usr/bin/env bash
# Installs Delineo's Debian 12 build dependencies (idempotent), then configures and builds.
# Usage: scripts/setup.sh [--deps-only] [--build-dir DIR] [--type Release|Debug]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$here/build"
build_type=RelWithDebInfo
deps_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --deps-only) deps_only=1 ;;
    --build-dir) build_dir="$2"; shift ;;
    --type) build_type="$2"; shift ;;
    *) echo "setup.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

packages=(build-essential cmake ninja-build pkg-config file ccache
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-charts-dev libqt6sql6-sqlite
  qt6-qpa-plugins libgl-dev libqt6opengl6-dev
  libtorch-dev libgloo-dev libideep-dev libdnnl-dev libopenblas0-openmp nlohmann-json3-dev libstb-dev libjpeg62-turbo-dev libsqlite3-dev
  libopencv-dev libavformat-dev libavcodec-dev libswscale-dev libavutil-dev libdcmtk-dev dcmtk libinsighttoolkit5-dev libfftw3-dev
  libcli11-dev libpq-dev postgresql orthanc orthanc-dicomweb libcurl4-openssl-dev zlib1g-dev libssl-dev libopenjp2-7-dev libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth fonts-dejavu-core dicom3tools help2man)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup.sh: installing ${#missing[@]} packages: ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "setup.sh: all Debian packages present"
fi
[ "$deps_only" -eq 1 ] && exit 0

launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/delineo-ccache}"
  export CCACHE_SLOPPINESS="pch_defines,time_macros"
  # Cache hits across clones in different folders (CI clones afresh each run).
  export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "${launcher[@]}"
cmake --build "$build_dir" -j "$(nproc)"
