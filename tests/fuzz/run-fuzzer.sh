#!/bin/sh
# Runs a libFuzzer target for a while over a copy of the corpus, so that the
# inputs it finds never land in the committed corpus.
#
#   run-fuzzer.sh FUZZER SECONDS CORPUS-DIR... [-- LIBFUZZER-OPTION...]
#
# Runs with the dictionary tests/fuzz/dateline.dict. libFuzzer's last
# "#N DONE cov: E ft: F" line gives the edges (E) the run covered.
#
# SECONDS caps the time; FUZZ_RUNS (default 20000, -1: no limit) caps the
# number of inputs. A crash, leak, sanitizer report or timeout fails, and the
# input that caused it is kept in the current folder (crash-*, leak-*, …).
set -eu

fuzzer=$1
seconds=$2
shift 2
case $fuzzer in
  */*) ;;
  *) fuzzer=./$fuzzer ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/dateline-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir "$work/corpus"

while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  dir=${1%/}
  prefix=$(basename "$dir")
  # Datasets where there are any, else every file (seeds of other targets).
  pattern="*.dateline.json"
  ls "$dir"/$pattern >/dev/null 2>&1 || pattern="*"
  for file in "$dir"/$pattern; do
    [ -f "$file" ] && cp "$file" "$work/corpus/$prefix-$(basename "$file")"
  done
  shift
done
[ "${1:-}" = "--" ] && shift

echo "fuzzing $(ls "$work/corpus" | wc -l) corpus files for at most ${seconds}s"
status=0
"$fuzzer" \
  -runs="${FUZZ_RUNS:-20000}" \
  -max_total_time="$seconds" \
  -max_len=65536 \
  -timeout=10 \
  -error_exitcode=1 \
  -timeout_exitcode=1 \
  -rss_limit_mb=2048 \
  -print_final_stats=1 \
  -dict="$(dirname "$0")/dateline.dict" \
  -artifact_prefix="$PWD/" \
  "$@" \
  "$work/corpus" || status=$?

if [ "$status" -ne 0 ]; then
  echo "the fuzzer failed (status $status); its input is saved in $PWD" >&2
fi
exit "$status"
