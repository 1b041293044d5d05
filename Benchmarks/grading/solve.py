"""A solved student's copy of the chapters: each ```swift exercise id=X block's code replaced
by the code of its ```swift solution id=X block. Usage: solve.py CHAPTERS_DIR OUT_DIR"""
import os
import re
import sys

FENCE = re.compile(r"^```swift\b(.*)$")


def blocks(lines):
    """(kind, id, first code line index, closing fence index) for every swift block."""
    out, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m:
            words = m.group(1).split()
            kind = next((w for w in words if w in ("exercise", "solution", "check")), "code")
            ident = next((w[3:] for w in words if w.startswith("id=")), None)
            j = i + 1
            while lines[j].rstrip("\n") != "```":
                j += 1
            out.append((kind, ident, i + 1, j))
            i = j
        i += 1
    return out


def solve(text):
    lines = text.splitlines(keepends=True)
    found = blocks(lines)
    solutions = {b[1]: "".join(lines[b[2]:b[3]]) for b in found if b[0] == "solution"}
    for kind, ident, start, end in reversed(found):
        if kind == "exercise" and ident in solutions:
            lines[start:end] = [solutions[ident]]
    return "".join(lines)


source, target = sys.argv[1], sys.argv[2]
os.makedirs(target, exist_ok=True)
for name in sorted(os.listdir(source)):
    if name.endswith(".md"):
        with open(os.path.join(source, name), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(target, name), "w", encoding="utf-8") as f:
            f.write(solve(text))
