"""Build hook: ship the caches a first run would otherwise build (checker/prebuilt.py says what and why)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class PrebuiltCaches(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":  # an editable install builds them on first use
            return
        self._folder = tempfile.mkdtemp(prefix="checker-prebuilt-")
        root = Path(self.root)
        seeds = sorted(str(p) for p in (root / "seeds").glob("*.txt"))
        run = subprocess.run([sys.executable, "-m", "checker.warm", self._folder, *seeds], cwd=root,
                             capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError(f"building checker/prebuilt (checker.warm) failed:\n{run.stderr}")
        for path in run.stdout.split():
            build_data["force_include"][path] = f"checker/prebuilt/{Path(path).name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_folder", None):
            shutil.rmtree(self._folder, ignore_errors=True)
