#!/usr/bin/env python3
"""The Python RFM package's LaplaceRFM.fit, operation by operation, as a same-run peer for issue 13.

Not the package (PyPI is unreachable here) and not a copy of it: a script written from reading its source
(github.com/aradha/recursive_feature_machines, rfm/recursive_feature_machine.py at commit 005af6e and rfm/kernels.py),
performing the torch operations LaplaceRFM.fit(train, test, iters=T, method='lstsq', classification=True,
M_batch_size=n, verbose=False) performs, in its order, in float32:

  for t in 0..T-1: K = laplacian_M(X, X) + reg I; alpha = torch.linalg.solve(K, Y)
                   test accuracy, train accuracy, test MSE (each a fresh kernel matrix times alpha)
                   M <- AGOP over all n rows in one batch (kernel, distances, K/dist, two GEMMs, einsum), M /= max(M)
  then one more solve, test MSE and test accuracy.

Deviation: the package's three-operand einsums are contracted pairwise as opt_einsum would (torch 1.13 without
opt_einsum cannot run 'md,nD,dD->mn' at n = 6,000: it asks for 1.4 TB). Usage:
  python3 laplace_rfm_peer.py TRAIN.csv TEST.csv TARGET_COLUMN ITERS RIDGE BANDWIDTH [THREADS]
prints one line with the CSV-load and fit seconds, and the final test accuracy.
"""
import sys
import time

T0 = time.time()
import numpy as np  # noqa: E402
import torch  # noqa: E402


def load(path, target):
    with open(path) as f:
        header = f.readline().strip().split(',')
    data = np.loadtxt(path, delimiter=',', skiprows=1, dtype=np.float32)
    col = header.index(target)
    x = np.delete(data, col, axis=1)
    return torch.from_numpy(np.ascontiguousarray(x)), data[:, col].astype(np.int64)


def distances(samples, centers, m):
    """euclidean_distances_M(samples, centers, M, squared=False): the package's einsums, contracted pairwise."""
    s_norm = ((samples @ m) * samples).sum(-1)
    c_norm = s_norm if samples is centers else ((centers @ m) * centers).sum(-1)
    d = -2 * (samples @ (centers @ m.T).T)
    d.add_(s_norm.view(-1, 1))
    d.add_(c_norm)
    return d.clamp_(min=0).sqrt_()


def laplacian(samples, centers, m, bandwidth):
    k = distances(samples, centers, m)
    k.clamp_(min=0)
    k.mul_(-1.0 / bandwidth)
    return k.exp_()


def scores(samples, centers, m, bandwidth, alpha):
    return laplacian(samples, centers, m, bandwidth) @ alpha


def agop(samples, centers, m, bandwidth, alpha):
    """update_M for one batch holding every training row."""
    k = laplacian(samples, centers, m, bandwidth)
    dist = distances(samples, centers, m)
    dist = torch.where(dist < 1e-10, torch.zeros(1).float(), dist)
    k.div_(dist)
    del dist
    k[k == float("Inf")] = 0.0
    p, d = centers.shape
    c = alpha.shape[1]
    n = samples.shape[0]
    samples_term = (k @ alpha).reshape(n, c, 1)
    temp = k @ (alpha.view(p, c, 1) * (centers @ m).view(p, 1, d)).reshape(p, c * d)
    centers_term = temp.view(n, c, d)
    samples_term = samples_term * (samples @ m).reshape(n, 1, d)
    g = (centers_term - samples_term) / bandwidth
    del centers_term, samples_term, k
    return (g.reshape(n * c, d).T @ g.reshape(n * c, d))   # einsum('ncd,ncD->dD', G, G)


def main():
    train, test, target, iters, ridge, bandwidth = sys.argv[1:7]
    if len(sys.argv) > 7:
        torch.set_num_threads(int(sys.argv[7]))
    iters, ridge, bandwidth = int(iters), float(ridge), float(bandwidth)
    t_load = time.time()
    x, labels = load(train, target)
    xt, labels_t = load(test, target)
    classes = int(max(labels.max(), labels_t.max())) + 1
    y = torch.nn.functional.one_hot(torch.from_numpy(labels), classes).float()
    yt = torch.nn.functional.one_hot(torch.from_numpy(labels_t), classes).float()
    t_fit = time.time()
    m = torch.eye(x.shape[1])
    for _ in range(iters):
        k = laplacian(x, x, m, bandwidth)
        k.diagonal().add_(ridge)
        alpha = torch.linalg.solve(k, y)
        del k
        (scores(xt, x, m, bandwidth, alpha).argmax(-1) == yt.argmax(-1)).float().mean().item()   # test accuracy
        (scores(x, x, m, bandwidth, alpha).argmax(-1) == y.argmax(-1)).float().mean().item()     # train accuracy
        (yt - scores(xt, x, m, bandwidth, alpha)).pow(2).mean()                                 # test MSE
        new = agop(x, x, m, bandwidth, alpha)
        m = new / (new.max() + 1e-30)
    k = laplacian(x, x, m, bandwidth)
    k.diagonal().add_(ridge)
    alpha = torch.linalg.solve(k, y)
    del k
    (yt - scores(xt, x, m, bandwidth, alpha)).pow(2).mean()
    acc = (scores(xt, x, m, bandwidth, alpha).argmax(-1) == yt.argmax(-1)).float().mean().item()
    end = time.time()
    print(f"peer: torch {torch.__version__} threads {torch.get_num_threads()} imports {t_load - T0:.2f} s, "
          f"csv {t_fit - t_load:.2f} s, fit {end - t_fit:.2f} s, test accuracy {acc:.4f}")


if __name__ == "__main__":
    main()
