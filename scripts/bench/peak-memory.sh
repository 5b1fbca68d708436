#!/usr/bin/env bash
# Usage: scripts/bench/peak-memory.sh CONTENT_DIR OUT_DIR
# Builds the site and samples, every 0.2 s, the resident memory of the Astro
# (node) process and of Pagefind's indexer separately, printing each peak:
# /usr/bin/time -v reports only the largest single process of the tree.
# Only this build's own processes are sampled (the machine may run other builds).
set -euo pipefail
export PATH="$(cd "$(dirname "$0")/../.." && pwd)/node_modules/.bin:$PATH"
CONTENT_DIR="$1" OUT_DIR="$2" SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1767225600}" ASTRO_TELEMETRY_DISABLED=1 \
  astro build --silent &
build=$!
node_peak=0 pf_peak=0
# This build's process tree: the build and every descendant.
tree() {
  local pid
  echo "$1"
  for pid in $(pgrep -P "$1" || true); do tree "$pid"; done
}
while kill -0 "$build" 2>/dev/null; do
  mine=$(tree "$build")
  for pid in $(pgrep -f 'bin/astro build' | grep -xF "$mine" || true); do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    ((rss > node_peak)) && node_peak=$rss
  done
  for pid in $(pgrep -f pagefind_extended | grep -xF "$mine" || true); do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    ((rss > pf_peak)) && pf_peak=$rss
  done
  sleep 0.2
done
wait "$build"
echo "astro (node) peak RSS: $((node_peak / 1024)) MB"
echo "pagefind indexer peak RSS: $((pf_peak / 1024)) MB"
