"""Speed and memory of checker beside the naive keyword grep, in one run.

    python bench/speed.py                 # 2,000 synthesised reports, 15 cold starts
    python bench/speed.py --docs 400      # a quicker run

Measures checker as `pip install .` leaves it: the working tree is built into a wheel (with its prebuilt caches,
checker/prebuilt.py) and installed into a temporary folder, bytecode compiled, and its `checker` command is run. Where
no wheel can be built (no network for the build's own requirements), it measures the source tree instead and says
so. Builds a corpus by recombining the sections of the seeds and tests/corpus reports (shuffled sections, altered
figures), then measures: cold start (one `checker audit` process on one report, median wall and CPU time; and once
with an empty cache folder, as on the first run after installing), batch throughput (`checker audit` over the
corpus in JSON and in text, with --jobs 1 and 2, reports per second, and when the first byte of output arrives),
the batch's peak RSS (largest process, and main process plus workers); and the same for a naive grep that reads
every file and looks up each element's keywords.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GREP = Path(__file__).resolve().parent / "naive_grep.py"  # run as its own script: a grep's cold start has no bench in it
HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、", re.M)
ENV: dict[str, str] = dict(os.environ)  # the environment checker runs in (main sets it to the installed copy's)


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


def installed(folder: Path) -> tuple[list[str], dict[str, str], str]:
    """The `checker` command of the working tree installed into folder from a wheel, the environment it runs in,
    and what that is; else the source tree's, without prebuilt caches."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # users' installs have bytecode
    pip = [sys.executable, "-m", "pip", "--quiet", "--disable-pip-version-check"]
    try:
        subprocess.run(pip + ["wheel", "--no-deps", "-w", str(folder / "wheel"), str(ROOT)], check=True,
                       capture_output=True)
        wheel = next((folder / "wheel").glob("*.whl"))
        subprocess.run(pip + ["install", "--no-deps", "--target", str(folder / "site"), str(wheel)], check=True,
                       capture_output=True, env=env)
    except (subprocess.CalledProcessError, StopIteration):  # the warm-up run writes the source tree's bytecode
        return [sys.executable, "-m", "checker"], env, "the source tree (no wheel could be built)"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder / "site"), env.get("PYTHONPATH")]))
    return [str(folder / "site" / "bin" / "checker")], env, f"{wheel.name}, installed"


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and the peak RSS (KB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or ENV)
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def first_byte(command: list[str]) -> tuple[float, float]:
    """Seconds until the first byte of stdout arrives through a pipe, and until the command ends."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV)
    child.stdout.read(1)
    first = time.perf_counter() - start
    while child.stdout.read(1 << 16):
        pass
    child.wait()
    return first, time.perf_counter() - start


def tree_rss_kb(pid: int) -> tuple[int, int]:
    """Resident memory of a process and all its descendants now, summed and the largest one (Linux /proc; shared
    pages count in each)."""
    total, largest, stack = 0, 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            rss = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            total, largest = total + rss, max(largest, rss)
            for task in os.listdir(f"/proc/{current}/task"):
                stack += [int(c) for c in Path(f"/proc/{current}/task/{task}/children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total, largest


def timed_tree(command: list[str]) -> tuple[float, int, int]:
    """Wall seconds and the peak RSS (KB) of the command with its workers, summed and of the largest process,
    sampled every 50 ms."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    peak = largest = 0
    while child.poll() is None:
        summed, single = tree_rss_kb(child.pid)
        peak, largest = max(peak, summed), max(largest, single)
        time.sleep(0.05)
    return time.perf_counter() - start, peak, largest


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
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        synthesise(corpus, args.docs)
        command, env, measured = installed(Path(tmp) / "install")
        ENV.clear()
        ENV.update(env)
        one = str(ROOT / "seeds" / "000_7c10309f05703634.txt")
        checker = command + ["audit", "--exit-zero", "-q"]
        timed(checker + [one])  # fills the user's cache for this install: what every run after the first finds
        grep = [sys.executable, str(GREP)]
        colds = [timed(checker + [one]) for _ in range(args.runs)]
        grep_colds = [timed(grep + [one]) for _ in range(args.runs)]
        cold, cold_cpu = statistics.median(c[0] for c in colds), statistics.median(c[1] for c in colds)
        grep_cold = statistics.median(c[0] for c in grep_colds)
        rows.append(("cold start, one report (median wall)", f"{cold:.3f}s", f"{grep_cold:.3f}s",
                     f"{cold / grep_cold:.1f}x grep"))
        rows.append(("  CPU time (median)", f"{cold_cpu:.3f}s", f"{statistics.median(c[1] for c in grep_colds):.3f}s",
                     ""))
        rows.append(("  peak RSS", f"{max(c[2] for c in colds) / 1024:.0f} MB", "", ""))
        batch = command + ["audit", "--exit-zero"]
        walls, largest = {}, 0
        for fmt, jobs in (("json", 1), ("json", 2), ("text", 1), ("text", 2)):
            out = Path(tmp) / f"out.{fmt}"
            walls[fmt, jobs], rss_all, rss_one = timed_tree(batch + ["-q" if fmt == "json" else "--no-color", "--jobs",
                                                            str(jobs), "--format", fmt, "-o", str(out), str(corpus)])
            rows.append((f"{args.docs} reports, {fmt}, --jobs {jobs}", f"{walls[fmt, jobs]:.1f}s",
                         "", f"{args.docs / walls[fmt, jobs]:.0f} reports/s"))
            largest = max(largest, rss_one)
            if jobs == 2:
                rows.append(("  peak RSS, main + workers summed", f"{rss_all / 1024:.0f} MB", "", ""))
        for fmt in ("json", "text"):
            rows.append((f"  speedup from 1 to 2 jobs, {fmt}", f"{walls[fmt, 1] / walls[fmt, 2]:.2f}", "", ""))
            first, total = first_byte(batch + ["--no-color", "--jobs", "2", "--format", fmt, str(corpus)])
            rows.append((f"  first byte on stdout, {fmt}, --jobs 2", f"{first:.2f}s", "", f"of {total:.1f}s"))
        rows.append(("peak RSS, largest process of a batch", f"{largest / 1024:.0f} MB", "", ""))
        grep_wall = timed(grep + [str(corpus)])[0]
        rows.append((f"{args.docs} reports, grep", "", f"{grep_wall:.1f}s", f"{args.docs / grep_wall:.0f} reports/s"))
        first = statistics.median(timed(checker + [one], {**ENV, "CHECKER_CACHE_DIR": str(Path(tmp) / f"fresh-{i}")})[0]
                                  for i in range(5))
        rows.append(("first run, empty user cache (median of 5)", f"{first:.2f}s", "", ""))
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores, {sys.platform}, Python {sys.version.split()[0]}, "
          f"load {os.getloadavg()[0]:.1f}")
    print(f"checker measured: {measured}")
    print(f"{'measure':42} {'checker':>10} {'naive grep':>11}  note")
    for name, mine, theirs, note in rows:
        print(f"{name:42} {mine:>10} {theirs:>11}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
