#!/usr/bin/env python3
"""Issue 20's soak plot: SoakIT's CSV (bench/soak.sh) drawn as one SVG, standard library only.

Panels, each against minutes since traffic started, one line per node (BLUE, RED): heap used after
a full GC, open file descriptors, threads, delivery latency p99 (p50 dashed) per 30 s window, and
the machine's 1-minute load average (the soak shares its two cores with other work).

Usage: python3 bench/soak-plot.py SOAK.csv OUT.svg [title]
"""
import csv
import math
import sys
from xml.sax.saxutils import escape

WIDTH, PANEL_H, LEFT, RIGHT, TOP, GAP = 900, 150, 80, 110, 60, 45
COLOURS = {"BLUE": "#1f5fbf", "RED": "#c0392b"}
PANELS = [
    ("heap_after_gc_mib", "heap after full GC (MiB)", None),
    ("fds", "open file descriptors", None),
    ("threads", "threads", None),
    ("p99_ms", "delivery p99 (ms), p50 dashed", "p50_ms"),
    ("load1", "load average (1 min)", None),
]
# Newer CSVs also carry each node's ledger size (SoakIT reads api/v1/link's treeSize).
TREE_PANEL = ("tree_size", "ledger leaves (Merkle tree size)", None)


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit(f"{path} has no samples")
    return rows


def number(text):
    try:
        value = float(text)
    except ValueError:
        return None
    return None if math.isnan(value) else value


def nice_top(value):
    """A round number at or above value for the y axis."""
    if value <= 0:
        return 1.0
    step = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 2.5, 5, 10):
        if m * step >= value:
            return m * step
    return 10 * step


def series(rows, node, column):
    return [(float(r["t_s"]) / 60, number(r[column])) for r in rows if r["node"] == node]


def polyline(points, sx, sy, colour, dashed=False):
    path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in points if y is not None)
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return f'<polyline fill="none" stroke="{colour}" stroke-width="1.5"{dash} points="{path}"/>'


def panel(rows, index, column, label, second, t_max):
    top = TOP + index * (PANEL_H + GAP)
    inner_w = WIDTH - LEFT - RIGHT
    nodes = [n for n in COLOURS if any(r["node"] == n for r in rows)]
    if column == "load1":
        nodes = nodes[:1]
    values = [y for n in nodes for _, y in series(rows, n, column) if y is not None]
    y_max = nice_top(max(values, default=1) * 1.1)

    def sx(x):
        return LEFT + inner_w * x / t_max

    def sy(y):
        return top + PANEL_H - PANEL_H * y / y_max

    out = [f'<text x="{LEFT}" y="{top - 8}" font-size="13" font-weight="bold">{escape(label)}</text>',
           f'<rect x="{LEFT}" y="{top}" width="{inner_w}" height="{PANEL_H}" fill="none" stroke="#999"/>']
    for i in range(5):
        y = y_max * i / 4
        out.append(f'<line x1="{LEFT}" x2="{LEFT + inner_w}" y1="{sy(y):.1f}" y2="{sy(y):.1f}" stroke="#eee"/>')
        out.append(f'<text x="{LEFT - 6}" y="{sy(y) + 4:.1f}" font-size="11" text-anchor="end">{y:g}</text>')
    label_y = []
    for n in nodes:
        colour = "#555" if column == "load1" else COLOURS[n]
        out.append(polyline(series(rows, n, column), sx, sy, colour))
        if second:
            out.append(polyline(series(rows, n, second), sx, sy, colour, dashed=True))
        last = [y for _, y in series(rows, n, column) if y is not None]
        if last and column != "load1":
            y = sy(last[-1]) + 4
            while any(abs(y - other) < 12 for other in label_y):
                y += 12  # keep the two nodes' end labels apart when their lines end together
            label_y.append(y)
            out.append(f'<text x="{LEFT + inner_w + 6}" y="{y:.1f}" font-size="11" '
                       f'fill="{colour}">{n} {last[-1]:g}</text>')
    step = max(1, round(t_max / 12))
    for m in range(0, int(t_max) + 1, step):
        out.append(f'<text x="{sx(m):.1f}" y="{top + PANEL_H + 14}" font-size="11" text-anchor="middle">{m}</text>')
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rows = read(sys.argv[1])
    panels = PANELS + ([TREE_PANEL] if "tree_size" in rows[0] else [])
    title = sys.argv[3] if len(sys.argv) > 3 else "Parley soak: two node processes, 50 envelopes/s"
    t_max = max(float(r["t_s"]) for r in rows) / 60
    height = TOP + len(panels) * (PANEL_H + GAP) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'font-family="sans-serif">',
           f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
           f'<text x="{LEFT}" y="18" font-size="15" font-weight="bold">{escape(title)}</text>',
           f'<text x="{LEFT}" y="36" font-size="11">x: minutes since traffic started; BLUE blue, RED red; '
           f'one sample per node every 30 s</text>']
    for i, (column, label, second) in enumerate(panels):
        out.extend(panel(rows, i, column, label, second, t_max))
    out.append("</svg>")
    with open(sys.argv[2], "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
