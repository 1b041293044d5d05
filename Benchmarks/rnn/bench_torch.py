"""PyTorch side of Benchmarks/rnn: the same model, initial weights, data and epochs as
course-bench-rnn (read from its --export file), trained with a batch of one sequence.

usage: bench_torch.py EXPORT.json
"""
import json
import sys
import time

import numpy as np
import torch
from torch import nn

torch.set_num_threads(1)  # ours runs on one core; so does this
torch.set_default_dtype(torch.float64)  # ours computes in Double

with open(sys.argv[1]) as f:
    spec = json.load(f)
kind = spec["model"]
hidden = 4


class Recurrent(nn.Module):
    """Elman RNN (identity or tanh) or LSTM, laid out exactly like the Swift models."""

    def __init__(self):
        super().__init__()
        width = 4 * hidden if kind == "lstm" else hidden
        self.hidden_layer = nn.Linear(1 + hidden, width)
        self.output_layer = nn.Linear(hidden, 1)

    def forward(self, xs):  # xs: T×1
        h = torch.zeros(1, hidden)
        c = torch.zeros(1, hidden)
        states = []
        for t in range(xs.shape[0]):
            z = self.hidden_layer(torch.cat((xs[t:t + 1], h), dim=1))
            if kind == "lstm":
                i, f, g, o = z.split(hidden, dim=1)
                c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
                h = torch.sigmoid(o) * torch.tanh(c)
            else:
                h = torch.tanh(z) if kind == "elman-tanh" else z
            states.append(h)
        return self.output_layer(torch.cat(states, dim=0))  # T×1 logits


model = Recurrent()
with torch.no_grad():
    for param, exported in zip(model.parameters(), spec["parameters"]):
        param.copy_(torch.tensor(exported["data"], dtype=torch.float64).reshape(param.shape))


def tensors(sequences):
    def column(values):
        return torch.tensor(values, dtype=torch.float64).reshape(-1, 1)

    return [(column(s["x"]), column(s["y"])) for s in sequences]


train_set, test_set = tensors(spec["train"]), tensors(spec["test"])
optimizer = torch.optim.Adam(model.parameters(), lr=spec["learning_rate"])
loss_fn = nn.BCEWithLogitsLoss()
order_rng = np.random.default_rng(446)
epochs = spec["epochs"]

start = time.perf_counter()
for epoch in range(epochs):
    total = 0.0
    for index in order_rng.permutation(len(train_set)):
        x, y = train_set[index]
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item()
seconds = time.perf_counter() - start

with torch.no_grad():
    correct = steps = 0
    for x, y in test_set:
        predicted = (model(x) > 0).double()
        correct += int((predicted == y).sum())
        steps += y.shape[0]

print(f"torch.version {torch.__version__}")
print(f"torch.final_loss {total / len(train_set):.6f}")
print(f"torch.seconds_total {seconds:.4f}")
print(f"torch.seconds_per_epoch {seconds / max(epochs, 1):.5f}")
print(f"torch.test_accuracy {correct / steps:.4f}")
