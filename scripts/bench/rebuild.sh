#!/bin/sh
# One side of the paired rebuild benchmark (docs/benchmarks.md):
#   scripts/bench/rebuild.sh edit CONTENT WORK   one reply edited (a paragraph appended), built again with WORK's warm cache
#   scripts/bench/rebuild.sh full CONTENT WORK   WORK's second cache emptied, then a full build
# Run as: farm-bench -n 5 --timeout 1200 --vs "scripts/bench/rebuild.sh full C W" -- scripts/bench/rebuild.sh edit C W
# (build once with `edit` first, or give farm-bench a warm-up run, so the first cache exists).
set -eu
mode=$1 content=$2 work=$3
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH" CONTENT_DIR="$content" SOURCE_DATE_EPOCH=1767225600 ASTRO_TELEMETRY_DISABLED=1
if [ "$mode" = edit ]; then
  reply=$(find "$content/proposals" -name '*.mdx' ! -name index.mdx | sort | head -n 1)
  printf '\n本段为基准测试的一处修改。\n' >>"$reply"
  OUT_DIR="$work/dist" ASTRO_CACHE_DIR="$work/cache" exec astro build --silent
else
  rm -rf "$work/cache-full" "$work/dist-full"
  OUT_DIR="$work/dist-full" ASTRO_CACHE_DIR="$work/cache-full" exec astro build --silent
fi
