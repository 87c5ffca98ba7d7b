"""Build hook: ship the caches a first run would otherwise build (checker/prebuilt.py says what and why).

Best effort: where they cannot be built (a build without checker's dependencies, --no-build-isolation), the wheel
ships without them and says so; the first run then builds the caches itself, as an editable install always does.
.ci/run checks that the wheel it installs has them.
"""

from __future__ import annotations

import os
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
        self._folder = None
        if self.target_name != "wheel" or version == "editable":  # an editable install builds them on first use
            return
        root = Path(self.root)
        seeds = sorted(str(p) for p in (root / "seeds").glob("*.txt"))
        folder = tempfile.mkdtemp(prefix="checker-prebuilt-")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
        run = subprocess.run([sys.executable, "-m", "checker.warm", folder, *seeds], cwd=root, env=env,
                             capture_output=True, text=True)
        if run.returncode != 0:
            shutil.rmtree(folder, ignore_errors=True)
            last = (run.stderr.strip().splitlines() or ["?"])[-1]
            self.app.display_warning(f"checker/prebuilt not built, the first run will build its caches: {last}")
            return
        self._folder = folder
        if not seeds:
            self.app.display_warning("no seeds/*.txt: checker/prebuilt ships the word dictionary only")
        for path in sorted(Path(folder).iterdir()):
            build_data["force_include"][str(path)] = f"checker/prebuilt/{path.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)
