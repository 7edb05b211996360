#!/usr/bin/env bash
# scale-csvs.sh SHARED OUT: the train/test CSVs of the issue-14 comparison of the tree-partitioned RFM with the exact
# one (docs/performance.md, "Tree-partitioned RFM"). Deterministic (row numbers, no random numbers):
#   OUT/letter-train.csv, OUT/letter-test.csv   UCI letter (20,000 rows, 16 features, 26 classes): every 5th row to test
#   OUT/fertility-train.csv, OUT/fertility-test.csv   AER_Fertility (254,654 rows): rows with index % 12 == 0 (the
#       first 20,000) for training, index % 12 == 6 (the first 5,000) for testing
#   OUT/fertility-all-train.csv, OUT/fertility-all-test.csv   all of AER_Fertility: index % 10 == 9 to test
#       (25,465 rows), the other 229,189 rows to train
set -euo pipefail
SHARED="$1"; OUT="$2"
mkdir -p "$OUT"
L="$SHARED/data/uci121/letter"
header="$(seq 0 15 | sed 's/^/f/' | paste -sd, -),label"
paste -d, "$L/letter_py.dat" "$L/labels_py.dat" | awk -v h="$header" -v out="$OUT" '
  BEGIN { print h > (out "/letter-train.csv"); print h > (out "/letter-test.csv") }
  { if ((NR - 1) % 5 == 4) print > (out "/letter-test.csv"); else print > (out "/letter-train.csv") }'
F="$SHARED/data/tabular/large/AER_Fertility.csv"
awk -v out="$OUT" '
  NR == 1 { print > (out "/fertility-train.csv"); print > (out "/fertility-test.csv"); next }
  { i = NR - 2 }
  i % 12 == 0 && tr < 20000 { print > (out "/fertility-train.csv"); tr++ }
  i % 12 == 6 && te < 5000 { print > (out "/fertility-test.csv"); te++ }' "$F"
awk -v out="$OUT" '
  NR == 1 { print > (out "/fertility-all-train.csv"); print > (out "/fertility-all-test.csv"); next }
  { if ((NR - 2) % 10 == 9) print > (out "/fertility-all-test.csv"); else print > (out "/fertility-all-train.csv") }' "$F"
wc -l "$OUT"/*.csv
