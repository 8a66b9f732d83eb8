#!/usr/bin/env bash
# Runs delineo-bench-pacs against a temporary Orthanc (Debian's orthanc package) on free local ports:
# its own configuration and storage in a temporary folder, DELINEO registered, stopped at the end;
# then again over DICOMweb when orthanc-dicomweb is installed.
# Usage: scripts/bench-pacs.sh [BUILD_DIR] [--runs N] [--slices N]   (ORTHANC_TCP_NODELAY=0: an untuned server)
set -euo pipefail
build=${1:-build}
shift || true
command -v Orthanc > /dev/null || [ -x /usr/sbin/Orthanc ] || { echo "bench-pacs: install orthanc (apt-get install orthanc)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; rm -rf "$tmp"' EXIT
port=$(shuf -i 20000-60000 -n 1)
plugin=/usr/share/orthanc/plugins/libOrthancDicomWeb.so
plugins=""
[ -r "$plugin" ] && plugins="\"$plugin\""
cat > "$tmp/orthanc.json" << JSON
{ "Name": "delineo-bench", "StorageDirectory": "$tmp/db", "IndexDirectory": "$tmp/db", "DicomAet": "ORTHANC",
  "DicomPort": $port, "HttpPort": $((port + 1)), "RemoteAccessAllowed": false, "AuthenticationEnabled": false,
  "Plugins": [$plugins], "DicomWeb": { "Enable": true, "Root": "/dicom-web/" },
  "DicomModalities": { "delineo": [ "DELINEO", "127.0.0.1", 1 ] } }
JSON
# As a tuned server runs: DCMTK (inside Orthanc too) leaves Nagle's algorithm on unless TCP_NODELAY=1.
TCP_NODELAY=${ORTHANC_TCP_NODELAY:-1} /usr/sbin/Orthanc "$tmp/orthanc.json" > "$tmp/orthanc.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
  (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && break
  sleep 0.1
done
"$build/bench/delineo-bench-pacs" --pacs "ORTHANC@127.0.0.1:$port" "$@"
if [ -n "$plugins" ]; then
  "$build/bench/delineo-bench-pacs" --pacs "http://127.0.0.1:$((port + 1))/dicom-web" "$@"
else
  echo "bench-pacs: no DICOMweb row (apt-get install orthanc-dicomweb)"
fi
