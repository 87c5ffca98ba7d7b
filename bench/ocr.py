"""OCR of scanned reports: how far the verdicts of an image-only PDF agree with the text's, and seconds per page.

    pip install -e '.[ocr]' && apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk
    python bench/ocr.py                    # the five seeds, rendered at 150 dpi
    python bench/ocr.py --dpi 300 seeds/000_7c10309f05703634.txt

Each report is printed to PDF by LibreOffice (the text as a word processor lays it out, CJK font from
fonts-noto-cjk), rasterised by pdftoppm and rebuilt as a PDF of page pictures only (Pillow), the way a scanner
delivers it. checker then reads that PDF (pages without a text layer go to OCR) and the element statuses are compared
with those of the .txt. Timing is checker's whole audit of the scanned PDF divided by its pages, as wall-clock and
as CPU seconds of the process (all threads; the fairer figure on a shared machine); the OCR engine is loaded once,
before the first report.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.audit import audit_source  # noqa: E402
from checker.read import ocr  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def scanned_pdf(text_file: Path, folder: Path, dpi: int) -> Path:
    """The report as a scanner would deliver it: a PDF whose pages are pictures, no text layer."""
    from PIL import Image

    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(text_file)],
                   check=True, capture_output=True, timeout=300)
    printed = folder / (text_file.stem + ".pdf")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(printed), str(folder / "page")], check=True,
                   timeout=300)
    pages = [Image.open(p).convert("L") for p in sorted(folder.glob("page-*.png"))]
    out = folder / (text_file.stem + ".scan.pdf")
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="text reports (default: seeds/*.txt)")
    parser.add_argument("--dpi", type=int, default=150, help="scan resolution (default 150)")
    args = parser.parse_args()
    if not ocr.available():
        sys.exit("the ocr extra is not installed: pip install -e '.[ocr]'")
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed: apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk")
    files = args.files or sorted((ROOT / "seeds").glob("*.txt"))
    from PIL import Image

    ocr.recognise(Image.new("RGB", (64, 32), "white"))  # load the models before timing
    print("| report | pages | elements agreeing | differing | wall s/page | CPU s/page | confidence |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: |")
    agree = total = pages_all = 0
    seconds_all = cpu_all = 0.0
    for path in files:
        with tempfile.TemporaryDirectory() as tmp:
            scan = scanned_pdf(path, Path(tmp), args.dpi)
            want = audit_source(str(path), None)
            started, cpu = time.perf_counter(), time.process_time()
            got = audit_source(str(scan), None)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        if got.error:
            print(f"| {path.name} | – | – | {got.error[1]} | – | – | – |")
            continue
        statuses = {e.id: e.status for e in want.elements}
        differ = [f"{e.id} {statuses[e.id]}→{e.status}" for e in got.elements if statuses.get(e.id) != e.status]
        pages = len(got.document.page_starts)
        same = len(got.elements) - len(differ)
        agree, total, pages_all = agree + same, total + len(got.elements), pages_all + pages
        seconds_all, cpu_all = seconds_all + seconds, cpu_all + cpu
        confidence = dict(got.document.properties).get("ocr_confidence", "–")
        print(f"| {path.stem[:3]} | {pages} | {same}/{len(got.elements)} | {'; '.join(differ) or '—'} | "
              f"{seconds / pages:.1f} | {cpu / pages:.1f} | {confidence} |", flush=True)
    if total:
        print(f"| all | {pages_all} | {agree}/{total} ({agree / total:.1%}) | | {seconds_all / pages_all:.1f} | "
              f"{cpu_all / pages_all:.1f} | |")


if __name__ == "__main__":
    main()
