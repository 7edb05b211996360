#!/usr/bin/env python3
"""Post-hoc combinations of dumped UCI test scores (issue 12, docs/benchmarks.md "Ensembles re-weighted and
re-mixed"). A scratch probe, not part of the build or CI; needs numpy.

The dumps come from a build with benchmarks/probes/uci-ensemble-screens.patch applied: `benchmark uci ...
-Dscratch.dump=DIR` writes DIR/<dataset>__<fold>__<model>.csv, one row per test row: the label, then the
model's mean class scores (what the ensemble of UciProtocol adds up).

usage: ensemble-combinations.py DATASETS_FILE DIR[:SUFFIX] ...
       (SUFFIX is appended to the model names read from DIR, e.g. dump-k8:@8, or renames: dump-g:=gauss)
"""
import collections
import itertools
import os
import sys

import numpy as np


def load(specs):
    data = collections.defaultdict(dict)  # (dataset, fold) -> name -> (labels, scores)
    for spec in specs:
        directory, _, suffix = spec.partition(':')
        for f in sorted(os.listdir(directory)):
            d, j, m = f[:-4].split('__')
            a = np.loadtxt(os.path.join(directory, f), delimiter=',', ndmin=2)
            name = suffix[1:] if suffix.startswith('=') else m + suffix
            data[(d, int(j))][name] = (a[:, 0].astype(int), a[:, 1:])
    return data


def per_dataset(data, members, weights=None, transform=None):
    """Mean over the four folds of the accuracy of argmax Σ w·transform(scores), per dataset."""
    folds = collections.defaultdict(list)
    for (d, _), mm in data.items():
        if all(m in mm for m in members):
            total = 0
            for i, m in enumerate(members):
                s = mm[m][1] if transform is None else transform(mm[m][1])
                total = total + (1.0 if weights is None else weights[i]) * s
            folds[d].append(np.mean(np.argmax(total, 1) == mm[members[0]][0]))
    return {d: np.mean(v) for d, v in folds.items() if len(v) == 4}


def softmax(temperature):
    def f(s):
        z = s / temperature
        e = np.exp(z - z.max(1, keepdims=True))
        return e / e.sum(1, keepdims=True)
    return f


def row_standardised(s):
    return (s - s.mean(1, keepdims=True)) / (s.std(1, keepdims=True) + 1e-12)


def main():
    datasets = open(sys.argv[1]).read().replace(',', ' ').split()
    data = load(sys.argv[2:])
    names = sorted({m for mm in data.values() for m in mm})
    complete = [d for d in datasets if all(m in data.get((d, j), {}) for m in names for j in range(4))]
    print(f"{len(complete)} datasets with every model in every fold; models: {', '.join(names)}")

    def row(label, members, weights=None, transform=None, against=('nfa-rfm', 'laplace-l1')):
        p = per_dataset(data, list(members), weights, transform)
        q = per_dataset(data, list(against))
        wins = sum(p[d] > q[d] + 1e-9 for d in complete)
        losses = sum(p[d] < q[d] - 1e-9 for d in complete)
        print(f"{label:55s} {100 * np.mean([p[d] for d in complete]):6.2f}  {wins:3d}/{losses:<3d}")

    print(f"{'combination (equal weights unless stated)':55s} {'mean':>6s}  w/l against nfa-rfm+laplace-l1")
    for m in names:
        row(m, [m])
    for r in (2, 3):
        for c in itertools.combinations(names, r):
            row('+'.join(c), c)
    if {'nfa-rfm', 'laplace-l1'} <= set(names):
        for w in (0.3, 0.4, 0.6, 0.7):
            row(f"{w}·nfa-rfm + {1 - w:.1f}·laplace-l1", ('nfa-rfm', 'laplace-l1'), (w, 1 - w))
        for t in (0.05, 0.1, 0.3):
            row(f"nfa-rfm+laplace-l1, softmax(scores/{t}) averaged", ('nfa-rfm', 'laplace-l1'), None, softmax(t))
        row("nfa-rfm+laplace-l1, row-standardised scores", ('nfa-rfm', 'laplace-l1'), None, row_standardised)


if __name__ == '__main__':
    main()
