#!/usr/bin/env python3
"""Writes torch_vectors.json: reference values computed by PyTorch (float64) for the layers a
student compares against — an LSTM over a sequence, layer norm, scaled dot-product attention
(plain and causal), multi-head attention, BCE (from logits and from probabilities),
cross-entropy and three Adam steps — each with the gradients of a weighted sum of its output.

Run once (it was, to make the committed JSON) with a Python that has PyTorch:
    python3 -m venv .venv-bench && .venv-bench/bin/pip install numpy torch
    .venv-bench/bin/python Tests/CourseTests/Data/make_torch_vectors.py
The Swift tests (TorchReferenceTests.swift) read the JSON, so they need no PyTorch.
Inputs come from NumPy's seeded generator and are stored beside the results.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
rng = np.random.default_rng(2026)


def randn(*shape):
    return rng.standard_normal(shape)


def leaf(array):
    return torch.tensor(array, requires_grad=True)


def listed(t):
    return t.detach().numpy().tolist()


vectors = {"torch": torch.__version__}

# LSTM, input 2, hidden 3, a sequence of 5 steps, h0 = c0 = 0. Gate order i, f, g, o in both.
lstm = torch.nn.LSTM(2, 3)
with torch.no_grad():
    for p in lstm.parameters():
        p.copy_(torch.tensor(randn(*p.shape) * 0.5))
x = leaf(randn(5, 2))
g = randn(5, 3)
h, _ = lstm(x[:, None, :])
h = h[:, 0, :]
(h * torch.tensor(g)).sum().backward()
vectors["lstm"] = {
    # Ours: one Linear on [x, h] with W = [W_ih | W_hh] and b = b_ih + b_hh.
    "weight": listed(torch.cat([lstm.weight_ih_l0, lstm.weight_hh_l0], dim=1)),
    "bias": listed(lstm.bias_ih_l0 + lstm.bias_hh_l0),
    "inputs": listed(x), "outputWeights": g.tolist(),
    "hidden": listed(h), "inputGradient": listed(x.grad),
}

# Layer norm over 6 features with a non-trivial γ and β.
x = leaf(randn(4, 6) * 3 + 1)
gamma, beta = leaf(randn(6)), leaf(randn(6))
g = randn(4, 6)
y = F.layer_norm(x, (6,), gamma, beta, eps=1e-5)
(y * torch.tensor(g)).sum().backward()
vectors["layerNorm"] = {
    "inputs": listed(x), "gain": listed(gamma), "shift": listed(beta), "outputWeights": g.tolist(),
    "outputs": listed(y), "inputGradient": listed(x.grad), "gainGradient": listed(gamma.grad),
    "shiftGradient": listed(beta.grad),
}

# Scaled dot-product attention, 5 queries, 7 keys (plain) and 6 × 6 causal.
cases = []
for name, n, m, causal in [("plain", 5, 7, False), ("causal", 6, 6, True)]:
    q, k, v = leaf(randn(n, 4)), leaf(randn(m, 4)), leaf(randn(m, 3))
    g = randn(n, 3)
    h = F.scaled_dot_product_attention(q[None], k[None], v[None], is_causal=causal)[0]
    (h * torch.tensor(g)).sum().backward()
    cases.append({"name": name, "causal": causal, "queries": listed(q), "keys": listed(k),
                  "values": listed(v), "outputWeights": g.tolist(), "outputs": listed(h),
                  "queryGradient": listed(q.grad), "keyGradient": listed(k.grad),
                  "valueGradient": listed(v.grad)})
vectors["attention"] = cases

# Multi-head attention, D = 8, h = 2, no biases; W_O set to the identity so the output is the
# concatenation of the heads (ours without an output projection).
mha = torch.nn.MultiheadAttention(8, 2, bias=False)
with torch.no_grad():
    mha.in_proj_weight.copy_(torch.tensor(randn(24, 8) / np.sqrt(8)))
    mha.out_proj.weight.copy_(torch.eye(8))
x = leaf(randn(5, 8))
g = randn(5, 8)
out, _ = mha(x, x, x, need_weights=False)
(out * torch.tensor(g)).sum().backward()
vectors["multiHeadAttention"] = {
    "heads": 2, "inProjection": listed(mha.in_proj_weight), "inputs": listed(x),
    "outputWeights": g.tolist(), "outputs": listed(out), "inputGradient": listed(x.grad),
}

# Losses, with the gradient with respect to their input.
z, y = leaf(randn(3, 4) * 4), (rng.random((3, 4)) < 0.5).astype(float)
loss = F.binary_cross_entropy_with_logits(z, torch.tensor(y))
loss.backward()
bce_logits = {"logits": listed(z), "targets": y.tolist(), "loss": loss.item(), "gradient": listed(z.grad)}
p = leaf(rng.uniform(0.02, 0.98, (3, 4)))
loss = F.binary_cross_entropy(p, torch.tensor(y))
loss.backward()
bce = {"probabilities": listed(p), "targets": y.tolist(), "loss": loss.item(), "gradient": listed(p.grad)}
z, labels = leaf(randn(5, 4) * 2), rng.integers(0, 4, 5)
loss = F.cross_entropy(z, torch.tensor(labels))
loss.backward()
ce = {"logits": listed(z), "labels": labels.tolist(), "loss": loss.item(), "gradient": listed(z.grad)}
vectors["losses"] = {"bceWithLogits": bce_logits, "bce": bce, "crossEntropy": ce}

# Three Adam steps (η = 0.01, default β and ε) with given gradients.
w = torch.nn.Parameter(torch.tensor(randn(2, 3)))
start = listed(w)
adam = torch.optim.Adam([w], lr=0.01)
grads, after = [], []
for _ in range(3):
    step_grad = randn(2, 3)
    w.grad = torch.tensor(step_grad)
    adam.step()
    grads.append(step_grad.tolist())
    after.append(listed(w))
vectors["adam"] = {"learningRate": 0.01, "start": start, "gradients": grads, "after": after}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_vectors.json")
with open(path, "w") as f:
    json.dump(vectors, f)
    f.write("\n")
print(f"wrote {path}")
