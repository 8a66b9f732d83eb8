#!/usr/bin/env bash
# Installs dependencies, builds, and opens Delineo on the bundled demo workspace.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/scripts/setup.sh"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run.sh: no display found; starting under xvfb-run (use a desktop session to see the window)" >&2
  exec xvfb-run -a "$here/build/app/delineo" --demo "$@"
fi
exec "$here/build/app/delineo" --demo "$@"
