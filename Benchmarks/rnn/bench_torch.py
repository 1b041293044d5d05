"""PyTorch side of Benchmarks/rnn: the same model, initial weights, data and epochs as
course-bench-rnn (read from its --export file), trained with a batch of one sequence, twice:

- torch.*    a hand-written Python loop over the time steps, laid out exactly like the Swift
             models (one nn.Linear on [x_t, h_{t-1}]);
- torch_nn.* what a PyTorch user would write: nn.LSTM (lstm) or nn.RNN(nonlinearity="tanh")
             (elman-tanh), which run the whole sequence in C++, plus an nn.Linear head. The
             notes' linear Elman network (elman) has no such peer: nn.RNN offers only tanh and
             relu, no identity, so there only the loop runs (torch_nn.skipped says why).

Both start from the exported weights; before timing, the script asserts that both give the
Swift model's loss on the first training sequence (and the same gradients) within 1e-12.

usage: bench_torch.py EXPORT.json
"""
import json
import sys
import time

import numpy as np
import torch
from torch import nn

torch.set_num_threads(1)  # ours runs on one core; so does this (intra-op threads)
torch.set_default_dtype(torch.float64)  # ours computes in Double

with open(sys.argv[1]) as f:
    spec = json.load(f)
kind = spec["model"]
hidden = 4
TOLERANCE = 1e-12


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


class Fused(nn.Module):
    """nn.LSTM or nn.RNN(tanh) over the whole sequence, then an nn.Linear head."""

    def __init__(self):
        super().__init__()
        if kind == "lstm":
            self.recurrent = nn.LSTM(input_size=1, hidden_size=hidden)
        else:
            self.recurrent = nn.RNN(input_size=1, hidden_size=hidden, nonlinearity="tanh")
        self.output_layer = nn.Linear(hidden, 1)

    def forward(self, xs):  # xs: T×1, an unbatched sequence; h₀ = c₀ = 0 by default
        states, _ = self.recurrent(xs)  # T×hidden
        return self.output_layer(states)  # T×1 logits


def exported(index):
    p = spec["parameters"][index]
    return torch.tensor(p["data"], dtype=torch.float64).reshape(p["rows"], p["cols"])


def load_loop(model):
    with torch.no_grad():
        for index, param in enumerate(model.parameters()):
            param.copy_(exported(index).reshape(param.shape))


# Ours stacks the gate rows i, f, g, o (Sources/Course/RNN/LSTM.swift, LSTMSequence.swift);
# nn.LSTM stacks weight_ih_l0 / weight_hh_l0 / biases as i, f, g, o too. The permutation below
# is therefore the identity, written out so that a change on either side is one edit here.
OURS_GATES, TORCH_GATES = "ifgo", "ifgo"


def to_torch_rows(tensor):
    if kind != "lstm":
        return tensor
    blocks = tensor.split(hidden, dim=0)
    return torch.cat([blocks[OURS_GATES.index(gate)] for gate in TORCH_GATES], dim=0)


def load_fused(model):
    # Ours: one W on [x_t, h_{t-1}] (columns: 1 input, then `hidden` state) and one bias b.
    # PyTorch: W_ih x_t + b_ih + W_hh h_{t-1} + b_hh, so W splits by columns, b_ih = b and
    # b_hh = 0. b_hh is frozen (no gradient, not given to Adam): trained, it would be a second
    # copy of b that Adam moves as far as b each step, doubling b's effective step, and the two
    # peers would no longer train the same model.
    weight, bias = exported(0), exported(1).reshape(-1)
    rnn = model.recurrent
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(to_torch_rows(weight[:, :1]))
        rnn.weight_hh_l0.copy_(to_torch_rows(weight[:, 1:]))
        rnn.bias_ih_l0.copy_(to_torch_rows(bias.reshape(-1, 1)).reshape(-1))
        rnn.bias_hh_l0.zero_()
        model.output_layer.weight.copy_(exported(2).reshape(model.output_layer.weight.shape))
        model.output_layer.bias.copy_(exported(3).reshape(-1))
    rnn.bias_hh_l0.requires_grad_(False)


def tensors(sequences):
    def column(values):
        return torch.tensor(values, dtype=torch.float64).reshape(-1, 1)

    return [(column(s["x"]), column(s["y"])) for s in sequences]


train_set, test_set = tensors(spec["train"]), tensors(spec["test"])
loss_fn = nn.BCEWithLogitsLoss()
epochs = spec["epochs"]


def check_start(loop, fused):
    """The first forward pass (and its gradients) of each model against the loop's and ours."""
    x, y = train_set[0]
    loop_loss = loss_fn(loop(x), y)
    loop_loss.backward()
    print(f"torch.initial_loss {loop_loss.item():.17g}")
    if "initial_loss" in spec:
        print(f"ours.initial_loss {spec['initial_loss']:.17g}")
        gap = abs(loop_loss.item() - spec["initial_loss"])
        assert gap <= TOLERANCE, f"loop's first loss differs from ours by {gap:.3g}"
    if fused is not None:
        fused_loss = loss_fn(fused(x), y)
        fused_loss.backward()
        print(f"torch_nn.initial_loss {fused_loss.item():.17g}")
        gap = abs(fused_loss.item() - loop_loss.item())
        print(f"torch_nn.initial_loss_difference {gap:.3g}")
        assert gap <= TOLERANCE, f"{kind}: nn module's first loss differs from the loop's by {gap:.3g}"
        rnn, loop_w = fused.recurrent, loop.hidden_layer.weight.grad
        grads = [(to_torch_rows(loop_w[:, :1]), rnn.weight_ih_l0.grad),
                 (to_torch_rows(loop_w[:, 1:]), rnn.weight_hh_l0.grad),
                 (to_torch_rows(loop.hidden_layer.bias.grad.reshape(-1, 1)).reshape(-1), rnn.bias_ih_l0.grad),
                 (loop.output_layer.weight.grad, fused.output_layer.weight.grad),
                 (loop.output_layer.bias.grad, fused.output_layer.bias.grad)]
        worst = max(float((a - b).abs().max()) for a, b in grads)
        print(f"torch_nn.initial_gradient_difference {worst:.3g}")
        assert worst <= TOLERANCE, f"{kind}: nn module's first gradients differ from the loop's by {worst:.3g}"
        fused.zero_grad(set_to_none=True)
    loop.zero_grad(set_to_none=True)


def train_and_test(model, prefix):
    parameters = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.Adam(parameters, lr=spec["learning_rate"])
    order_rng = np.random.default_rng(446)  # the same order of sequences for both peers
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

    print(f"{prefix}.final_loss {total / len(train_set) if epochs else float('nan'):.6f}")
    print(f"{prefix}.seconds_total {seconds:.4f}")
    print(f"{prefix}.seconds_per_epoch {seconds / max(epochs, 1):.5f}")
    print(f"{prefix}.test_accuracy {correct / steps:.4f}")


loop = Recurrent()
load_loop(loop)
fused = None
if kind in ("lstm", "elman-tanh"):
    fused = Fused()
    load_fused(fused)
check_start(loop, fused)

print(f"torch.version {torch.__version__}")
print(f"torch.threads {torch.get_num_threads()}")
train_and_test(loop, "torch")
if fused is not None:
    print(f"torch_nn.module {'nn.LSTM' if kind == 'lstm' else 'nn.RNN(tanh)'}")
    train_and_test(fused, "torch_nn")
else:
    print("torch_nn.skipped nn.RNN has no identity nonlinearity (tanh or relu only); loop only")
