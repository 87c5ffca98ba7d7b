"""Speed and memory of checker beside the naive keyword grep, in one run.

    python bench/speed.py                 # 2,000 synthesised reports, 15 cold starts
    python bench/speed.py --docs 400      # a quicker run

Builds a corpus by recombining the sections of the seeds and tests/corpus reports (shuffled sections, altered
figures), then measures: cold start (one `checker audit` process on one report, median; and once with an empty
dictionary cache, as on the first run after installing), batch throughput (`checker audit --jobs 2 --format json`
over the corpus, reports per second) and the batch's peak RSS (largest process, and main process plus workers);
and the same for a naive grep that reads every file and looks up each element's keywords.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from naive_grep import grep_statuses  # noqa: E402

HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、", re.M)


def synthesise(out: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    sources += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus" / "docs").glob("a*.txt"))]
    parts = []
    for text in sources:
        starts = [m.start() for m in HEADING.finditer(text)] + [len(text)]
        parts.append((text[:starts[0]], [text[a:b] for a, b in zip(starts, starts[1:])]))
    paths = []
    for i in range(count):
        head, sections = rng.choice(parts)
        body = rng.sample(sections, len(sections)) if sections else []
        extra = rng.choice(parts)[1]
        if extra:
            body.append(rng.choice(extra))
        text = head + "".join(body)
        text = re.sub(r"\d+(?=件|次|人|项|%)", lambda m: str(int(m.group()) + rng.randint(0, 9)), text)
        path = out / f"r{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds and the peak RSS (KB) of the child process."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    wall = time.perf_counter() - start
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants now (Linux /proc; shared pages count in each)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in os.listdir(f"/proc/{current}/task"):
                stack += [int(c) for c in Path(f"/proc/{current}/task/{task}/children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def timed_tree(command: list[str]) -> tuple[float, int]:
    """Wall seconds and the peak summed RSS (KB) of the command with its workers, sampled every 20 ms."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while child.poll() is None:
        peak = max(peak, tree_rss_kb(child.pid))
        time.sleep(0.02)
    return time.perf_counter() - start, peak


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        synthesise(corpus, args.docs)
        one = str(ROOT / "seeds" / "000_7c10309f05703634.txt")
        checker = [sys.executable, "-m", "checker", "audit", "--exit-zero", "-q"]
        grep = [sys.executable, str(Path(__file__).resolve()), "--grep"]
        cold = statistics.median(timed(checker + [one])[0] for _ in range(args.runs))
        grep_cold = statistics.median(timed(grep + [one])[0] for _ in range(args.runs))
        wall, rss_all = timed_tree(checker + ["--jobs", "2", "--format", "json", "-o", str(Path(tmp) / "out.json"),
                                              str(corpus)])
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        grep_wall, _ = timed(grep + [str(corpus)])
        # Last: building the dictionary cache takes more memory than any batch, and ru_maxrss only grows.
        first = timed(checker + [one], {**os.environ, "CHECKER_CACHE_DIR": str(Path(tmp) / "fresh-cache")})[0]
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores, {sys.platform}, Python {sys.version.split()[0]}")
    print(f"{'measure':36} {'checker':>10} {'naive grep':>11} {'target':>10}")
    print(f"{'cold start, one report (median)':36} {cold:9.2f}s {grep_cold:10.2f}s {'<= 0.35s':>10}")
    print(f"{'  first run after install (builds cache)':36} {first:9.2f}s {'':>11} {'':>10}")
    print(f"{'batch of ' + str(args.docs) + ' reports, --jobs 2':36} {wall:9.1f}s {grep_wall:10.1f}s {'':>10}")
    print(f"{'throughput (reports/s)':36} {args.docs / wall:10.0f} {args.docs / grep_wall:11.0f} {'>= 200':>10}")
    print(f"{'peak RSS, largest process (MB)':36} {rss / 1024:10.0f} {'':>11} {'<= 200':>10}")
    print(f"{'peak RSS, main + workers summed (MB)':36} {rss_all / 1024:10.0f} {'':>11} {'':>10}")
    return 0


def grep_main(paths: list[str]) -> int:
    files = [p for arg in paths for p in (sorted(Path(arg).glob("*.txt")) if Path(arg).is_dir() else [Path(arg)])]
    for path in files:
        grep_statuses(path.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--grep"]:
        sys.exit(grep_main(sys.argv[2:]))
    sys.exit(main(sys.argv[1:]))
