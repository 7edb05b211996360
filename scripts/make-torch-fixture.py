#!/usr/bin/env python3
"""Writes core/src/test/resources/diagnose/: a tiny PyTorch MLP and what PyTorch's autograd says about it.

Run once by hand (python3-torch and python3-numpy from Debian); the build and CI never run Python.
  torch-mlp.safetensors   nn.Sequential(Linear(4,8), Tanh, Linear(8,3)) (smooth, so gradient descent reaches a stationary point) as safetensors F32 (names net.0.*, net.2.*),
                          trained by full-batch gradient descent (float64) on MSE + (lam/2)|theta|^2 to a stationary point
  torch-x.npy, torch-y.npy   the 64 training rows (float32) and targets (64x3)
  torch-agop-0.npy, torch-agop-1.npy   AGOP of each layer's input, (1/n) sum_i sum_c grad_h f_c grad_h f_c^T, autograd
  torch-nfm-0.npy, torch-nfm-1.npy     W^T W of each layer
  torch-meta.json          lam, the loss, the final gradient norm
The safetensors file is written by hand (8-byte length, JSON header, little-endian data) so that the safetensors
package is not needed.
"""
import json, struct, sys
import numpy as np
import torch

out = sys.argv[1]
torch.manual_seed(7)
n, d, h, c = 64, 4, 8, 3
lam = 1e-2
x = torch.randn(n, d)
y = torch.stack([torch.sin(2 * x[:, 0]), x[:, 1] * x[:, 2], torch.tanh(x[:, 3])], dim=1)
net = torch.nn.Sequential(torch.nn.Linear(d, h), torch.nn.Tanh(), torch.nn.Linear(h, c)).double()
xd, yd = x.double(), y.double()
def objective():
    loss = 0.5 * ((net(xd) - yd) ** 2).sum(dim=1).mean()
    return loss + 0.5 * lam * sum((p ** 2).sum() for p in net.parameters())
opt = torch.optim.SGD(net.parameters(), lr=0.05)  # full-batch gradient descent: converges to a stationary point
for step in range(150000):
    opt.zero_grad(); v = objective(); v.backward()
    gnorm = torch.sqrt(sum((p.grad ** 2).sum() for p in net.parameters())).item()
    if gnorm < 1e-9:
        break
    opt.step()
net = net.float()  # the file holds float32, as PyTorch users save it

tensors = {k: t.detach().numpy().astype("<f4") for k, t in net.state_dict().items()}
tensors = {"net." + k: v for k, v in tensors.items()}
header, offset, blobs = {"__metadata__": {"format": "pt"}}, 0, []
for k in sorted(tensors):
    b = tensors[k].tobytes()
    header[k] = {"dtype": "F32", "shape": list(tensors[k].shape), "data_offsets": [offset, offset + len(b)]}
    offset += len(b); blobs.append(b)
hb = json.dumps(header).encode()
hb += b" " * ((8 - len(hb) % 8) % 8)
with open(f"{out}/torch-mlp.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(hb))); f.write(hb); [f.write(b) for b in blobs]

np.save(f"{out}/torch-x.npy", x.numpy().astype("<f4"))
np.save(f"{out}/torch-y.npy", y.numpy().astype("<f4"))
# AGOP of each layer's input, from autograd on the float32 network evaluated in float64
netd = net.double()
layers = [netd[0], netd[2]]
xin = x.double()
h1 = torch.tanh(netd[0](xin))
for l, hin in enumerate([xin, h1]):
    hin = hin.detach().requires_grad_(True)
    fo = netd(hin) if l == 0 else netd[2](hin)
    agop = torch.zeros(hin.shape[1], hin.shape[1], dtype=torch.float64)
    for k in range(c):
        g, = torch.autograd.grad(fo[:, k].sum(), hin, retain_graph=True)
        agop += g.T @ g
    agop /= n
    np.save(f"{out}/torch-agop-{l}.npy", agop.numpy())
    w = layers[l].weight.detach()
    np.save(f"{out}/torch-nfm-{l}.npy", (w.T @ w).numpy())
json.dump({"weightDecay": lam, "loss": "mse", "gradNormFloat64": gnorm}, open(f"{out}/torch-meta.json", "w"), indent=1)
print("gradient norm at the float64 optimum", gnorm)
