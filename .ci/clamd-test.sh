#!/usr/bin/env bash
# Start a ClamAV daemon for the tests (CI, or a developer's machine): Debian's clamd with a
# signature database of one test signature (EICAR, .ci/clamav/eicar-test.ndb), since the real
# signatures cannot be downloaded here (production runs freshclam). Idempotent: a daemon already
# answering on the socket is kept. Prints the CLAMAV_URL to use.
#   apt-get install clamav-daemon && .ci/clamd-test.sh
#   CLAMAV_URL=unix:///tmp/cmq-clamd/clamd.sock CLAMAV_REQUIRED=true .venv/bin/pytest ...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${CMQ_CLAMD_DIR:-/tmp/cmq-clamd}"
socket="$dir/clamd.sock"

ping() {
  python3 - "$socket" <<'EOF'
import socket, sys
try:
    s = socket.socket(socket.AF_UNIX)
    s.settimeout(2)
    s.connect(sys.argv[1])
    s.sendall(b"nPING\n")
    sys.exit(0 if s.recv(16).strip() == b"PONG" else 1)
except OSError:
    sys.exit(1)
EOF
}

if ping; then
  echo "unix://$socket"
  exit 0
fi

mkdir -p "$dir/db"
cp "$here/clamav/eicar-test.ndb" "$dir/db/"
# StreamMaxLength and the scan limits above the largest upload the portal accepts (20 Mo), so
# that no accepted file goes unscanned; AlertExceedsMax reports one that would.
cat >"$dir/clamd.conf" <<EOF
LocalSocket $socket
LocalSocketMode 660
DatabaseDirectory $dir/db
PidFile $dir/clamd.pid
LogFile $dir/clamd.log
Foreground no
StreamMaxLength 25M
MaxFileSize 25M
MaxScanSize 100M
AlertExceedsMax yes
MaxThreads 4
EOF
rm -f "$socket"
"$(command -v clamd || echo /usr/sbin/clamd)" --config-file="$dir/clamd.conf"
for _ in $(seq 60); do
  if ping; then
    echo "unix://$socket"
    exit 0
  fi
  sleep 0.5
done
echo "clamd did not answer on $socket; see $dir/clamd.log" >&2
exit 1
