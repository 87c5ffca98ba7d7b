"""Time and memory of one `checker audit` as the input grows, to show that both stay linear in its size.

    python bench/scale.py                      # 10k, 100k, 1M, 5M characters; one 1M-character line; 100k headings
    python bench/scale.py --sizes 10000 100000 # only these report sizes (the hostile shapes still run)

Each input is built here from the seeds: a report's body repeated (figures changed, so that not every paragraph
is a duplicate) until it has the size asked for; one line of a million characters without punctuation; and a
hundred thousand numbered headings. Each run is its own process: wall and CPU seconds and the peak RSS come from
os.wait4 for that process alone.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001_3dc2c55ea39481b7.txt"
SIZES = (10_000, 100_000, 1_000_000, 5_000_000)


def report_of(size: int) -> str:
    """The seed's title, then its body repeated with altered figures up to size characters, then its sign-off."""
    text = SEED.read_text(encoding="utf-8")
    head, _, body = text.partition("\n")
    parts, length, round_ = [head, "\n"], len(head) + 1, 0
    while length < size:
        round_ += 1
        piece = re.sub(r"\d+(?=件|次|人|项|%)", lambda m: str(int(m.group()) + round_), body)
        piece = piece[: size - length]
        parts.append(piece)
        length += len(piece)
    return "".join(parts)


def one_line(size: int) -> str:
    """A single line of Chinese without any punctuation: one sentence, one run for the segmenter."""
    words = "法治政府建设行政执法监督复议诉讼调解培训"
    return "某县人民政府2024年法治政府建设情况报告\n" + (words * (size // len(words) + 1))[:size] + "\n"


def headings(count: int) -> str:
    """count numbered sub-headings, each with one short line under it."""
    lines = ["某县人民政府关于2024年法治政府建设情况的报告", "一、主要举措"]
    for i in range(count):
        lines.append(f"（{'一二三四五六七八九'[i % 9]}）推进依法行政工作")
        lines.append("开展执法检查4次。")
    return "\n".join(lines) + "\n"


def measure(path: Path) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (user + system), peak RSS in MB and the exit code of one audit process."""
    command = [sys.executable, "-m", "checker", "audit", "--exit-zero", "-q", "--format", "json", str(path)]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--line", type=int, default=1_000_000, help="characters of the one-line input (0: skip)")
    parser.add_argument("--headings", type=int, default=100_000, help="headings of the headings input (0: skip)")
    args = parser.parse_args(argv)
    inputs = [(f"report, {size:,} characters", report_of(size)) for size in args.sizes]
    if args.line:
        inputs.append((f"one line, {args.line:,} characters", one_line(args.line)))
    if args.headings:
        inputs.append((f"{args.headings:,} headings", headings(args.headings)))
    print(f"{'input':34} {'chars':>10} {'wall s':>8} {'cpu s':>8} {'RSS MB':>7} {'µs/char':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in inputs:
            path = Path(tmp) / "input.txt"
            path.write_text(text, encoding="utf-8")
            wall, cpu, rss, code = measure(path)
            note = "" if code == 0 else f"  (exit {code})"
            print(f"{name:34} {len(text):>10,} {wall:8.2f} {cpu:8.2f} {rss:7d} {cpu / len(text) * 1e6:8.2f}{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
