"""Build the caches the wheel ships (checker.prebuilt): `python -m checker.warm FOLDER DOCUMENT...`, run by
hatch_build.py; prints the files it wrote."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from checker import prebuilt, regexcache
from checker.atomic import write_atomic
from checker.segment import dictionary

# What the `checker` command that pip installs runs (its launcher compiles one pattern of its own).
LAUNCHER = ("import re, sys; from checker.cli.main import main; "
            "sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0]); sys.exit(main())")
# The audit must compile every pattern itself, not preload those of a checker/prebuilt left in the source tree.
WITHOUT_SHIPPED = ("import os; from pathlib import Path; from checker import prebuilt; "
                   "prebuilt.FOLDER = Path(os.devnull); ")


def build(out: Path, documents: list[Path]) -> list[Path]:
    """Write into out the dictionary and the compiled patterns of auditing the documents in both formats, in one
    process, as the `checker` command does (no configuration file read); returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    write_atomic(str(out / prebuilt.DICTIONARY), dictionary.shippable())
    if not documents:  # `checker audit` with no path would read stdin
        return [out / prebuilt.DICTIONARY]
    with tempfile.TemporaryDirectory() as cache:
        code = str(Path(__file__).resolve().parent.parent)  # this checker, not one installed elsewhere
        env = {**os.environ, "CHECKER_CACHE_DIR": cache,
               "PYTHONPATH": os.pathsep.join(filter(None, [code, os.environ.get("PYTHONPATH")]))}
        for fmt in ("json", "text"):
            subprocess.run([sys.executable, "-c", WITHOUT_SHIPPED + LAUNCHER, "audit", "--isolated", "--exit-zero",
                            "-q", "--jobs", "1", "--format", fmt, "-o", os.devnull, *map(str, documents)],
                           env=env, check=True)
        regexes = Path(cache) / regexcache.cache_name()
        write_atomic(str(out / regexes.name), regexes.read_bytes())
    return [out / prebuilt.DICTIONARY, out / regexes.name]


if __name__ == "__main__":
    target, *inputs = sys.argv[1:]
    for path in build(Path(target), [Path(p) for p in inputs]):
        print(path)
