"""Read time per format for a typical report: each seed in every format of tests/fixtures/formats/, read
(read_source) and then structured (build_document), best of N runs, in milliseconds.

    python bench/read_formats.py [--runs 5] [--compare-pdf]

--compare-pdf also times the PDF libraries considered (pypdfium2, pypdf, pdfminer.six, whichever are installed) and
how much of the seed's Chinese text each recovers (difflib ratio over CJK characters).
"""

from __future__ import annotations

import argparse
import difflib
import io
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.read import read_source  # noqa: E402
from checker.structure import build_document  # noqa: E402

FORMATS = ROOT / "tests" / "fixtures" / "formats"
SEEDS = ROOT / "seeds"
KINDS = ("txt", "gb18030.txt", "docx", "html", "pdf", "doc")


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def files(kind: str) -> list[Path]:
    if kind == "txt":
        return sorted(SEEDS.glob("*.txt"))
    return sorted(FORMATS.glob(f"[0-9][0-9][0-9].{kind}"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare-pdf", action="store_true")
    args = parser.parse_args()
    print(f"{'format':12} {'files':>5} {'read ms (median of seeds)':>26} {'read+structure ms':>18} {'max read ms':>12}")
    for kind in KINDS:
        paths = files(kind)
        if not paths:
            continue
        reads, totals = [], []
        try:
            for path in paths:
                reads.append(best(lambda: read_source(str(path)), 1 if kind == "doc" else args.runs))
                totals.append(best(lambda: build_document(read_source(str(path))), 1 if kind == "doc" else args.runs))
        except Exception as exc:  # noqa: BLE001 - a missing extra or LibreOffice: say so and go on
            print(f"{kind:12} skipped: {exc}")
            continue
        print(f"{kind:12} {len(paths):>5} {statistics.median(reads):>26.1f} {statistics.median(totals):>18.1f}"
              f" {max(reads):>12.1f}")
    if args.compare_pdf:
        compare_pdf(args.runs)


def compare_pdf(runs: int) -> None:
    def cjk(text: str) -> str:
        return re.sub(r"[^\u4e00-\u9fff]", "", text)

    def pdfium(data: bytes) -> str:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(data)
        out = [page.get_textpage().get_text_range() for page in doc]
        doc.close()
        return "\n".join(out)

    def pypdf(data: bytes) -> str:
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)

    def pdfminer(data: bytes) -> str:
        from pdfminer.high_level import extract_text

        return extract_text(io.BytesIO(data))

    seeds = {p.stem[:3]: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    print("\nPDF library      ms/report  CJK text recovered (difflib ratio per seed)")
    for name, fn in (("pypdfium2", pdfium), ("pypdf", pypdf), ("pdfminer.six", pdfminer)):
        try:
            times, ratios = [], []
            for path in files("pdf"):
                data = path.read_bytes()
                times.append(best(lambda: fn(data), runs))
                ratios.append(difflib.SequenceMatcher(None, cjk(seeds[path.stem]), cjk(fn(data)),
                                                      autojunk=False).ratio())
        except ImportError:
            print(f"{name:16} not installed")
            continue
        print(f"{name:16} {statistics.median(times):>9.1f}  " + " ".join(f"{r:.3f}" for r in ratios))


if __name__ == "__main__":
    main()
