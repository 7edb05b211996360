#!/usr/bin/env bash
# synthetic-csv.sh N D CLASSES SEED > out.csv
# N rows of D standard-normal features x1..xD and a class y = argmax_k (x·W)_k, W a D×CLASSES standard-normal
# teacher (a low-rank target, as `featurelab speed tree` fits in-process). For the Spark measurements of docs/spark.md.
set -euo pipefail
N="$1"; D="$2"; C="$3"; SEED="$4"
awk -v n="$N" -v d="$D" -v c="$C" -v seed="$SEED" 'BEGIN {
  srand(seed);
  pi = 3.141592653589793;
  for (j = 1; j <= d; j++) for (k = 1; k <= c; k++) w[j, k] = sqrt(-2 * log(1 - rand())) * cos(2 * pi * rand());
  header = "";
  for (j = 1; j <= d; j++) header = header "x" j ",";
  print header "y";
  for (i = 0; i < n; i++) {
    line = "";
    for (j = 1; j <= d; j++) { x[j] = sqrt(-2 * log(1 - rand())) * cos(2 * pi * rand()); line = line sprintf("%.6f,", x[j]); }
    best = 1; bestv = -1e300;
    for (k = 1; k <= c; k++) { s = 0; for (j = 1; j <= d; j++) s += x[j] * w[j, k]; if (s > bestv) { bestv = s; best = k } }
    print line (best - 1);
  }
}'
