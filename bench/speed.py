"""Speed and memory of checker beside the naive keyword grep, in one run.

    python bench/speed.py                 # 2,000 synthesised reports, 15 cold starts
    python bench/speed.py --docs 400      # a quicker run

Builds a corpus by recombining the sections of the seeds and tests/corpus reports (shuffled sections, altered
figures), then measures: cold start (one `checker audit` process on one report, median), batch throughput
(`checker audit --jobs 2 --format json` over the corpus, reports per second) and the batch's peak RSS; and the
same for a naive grep that reads every file and looks up each element's keywords.
"""

from __future__ import annotations

import argparse
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


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and the peak RSS (KB) of the child process."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


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
        wall, _ = timed(checker + ["--jobs", "2", "--format", "json", "-o", str(Path(tmp) / "out.json"),
                                   str(corpus)])
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        grep_wall, _ = timed(grep + [str(corpus)])
    print(f"machine: {sys.platform}, {sys.version.split()[0]}, {__import__('os').cpu_count()} cores")
    print(f"{'measure':34} {'checker':>12} {'naive grep':>12}")
    print(f"{'cold start, one report (median)':34} {cold:11.2f}s {grep_cold:11.2f}s")
    print(f"{'batch of ' + str(args.docs) + ' reports':34} {wall:11.1f}s {grep_wall:11.1f}s")
    print(f"{'throughput (reports/s)':34} {args.docs / wall:12.0f} {args.docs / grep_wall:12.0f}")
    print(f"{'peak RSS of one process (MB)':34} {rss / 1024:12.0f} {'':>12}")
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
