#!/usr/bin/env bash
# Test accuracy of the four tabular models on ../shared/data/small with the CLI alone:
# every 4th data row (rows 1, 5, 9, ...) is a test row, the others train; default `fit` settings.
# Usage: scripts/small-data-accuracy.sh [DATA_DIR] [WORK_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${1:-$ROOT/../shared/data/small}"
WORK="${2:-$(mktemp -d)}"
FL="$ROOT/featurelab"
printf '%-14s %-12s %s\n' dataset model test_accuracy
for ds in iris wine breast_cancer digits; do
  f="$DATA/$ds.csv"
  target=$(head -1 "$f" | tr ',' '\n' | tail -1 | tr -d '\r')
  awk 'NR==1 || (NR-2)%4!=0' "$f" > "$WORK/$ds-train.csv"
  awk 'NR==1 || (NR-2)%4==0' "$f" > "$WORK/$ds-test.csv"
  for m in laplace nfa-rfm fact-rfm fact-rfm-gm; do
    "$FL" fit --data "$WORK/$ds-train.csv" --target "$target" --model "$m" --out "$WORK/$ds-$m.flm" --quiet > /dev/null
    acc=$("$FL" eval --model "$WORK/$ds-$m.flm" --data "$WORK/$ds-test.csv")
    printf '%-14s %-12s %s\n' "$ds" "$m" "$(echo "$acc" | grep -i accuracy | awk '{print $NF}')"
  done
done
