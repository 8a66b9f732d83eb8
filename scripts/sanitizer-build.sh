# Sourced by scripts/fuzz.sh and scripts/test-sanitized.sh: installs clang if missing and configures
# build-fuzz/ (or $DELINEO_FUZZ_BUILD): clang, AddressSanitizer + UndefinedBehaviorSanitizer, libFuzzer
# coverage, no GUI, the tests and the fuzz targets. One folder for both, so core is compiled once.
# Expects $here (the repository root) and $build.
packages=(clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/delineo-ccache}" CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
mkdir -p "$build"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DDELINEO_FUZZ=ON -DDELINEO_BUILD_GUI=OFF -DDELINEO_BUILD_TESTS=ON \
  -DDELINEO_BUILD_BENCH=OFF "${launcher[@]}" > "$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
