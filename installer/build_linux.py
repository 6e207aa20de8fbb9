"""Builds the Linux bundle: PyInstaller one-folder build + .desktop file + icon, as a tarball.

Usage: python3 installer/build_linux.py [--out DIR]   (default DIR: installer/dist)
Prints the tarball path and the bundle size. See installer/README.md.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from packstation import __version__  # noqa: E402


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def build(out: Path) -> Path:
    """Build into `out` and return the tarball path; `out/packstation/` holds the unpacked bundle."""
    out.mkdir(parents=True, exist_ok=True)
    work = out / "build"
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out), "--workpath", str(work), str(ROOT / "installer" / "packstation.spec")],
        check=True,
        cwd=ROOT,
    )
    stage = out / f"packstation-{__version__}-linux-{platform.machine()}"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir()
    shutil.copytree(out / "packstation", stage / "packstation", symlinks=True)
    shutil.copy2(ROOT / "installer" / "linux" / "packstation.desktop", stage)
    shutil.copy2(ROOT / "installer" / "linux" / "install.sh", stage)
    shutil.copy2(ROOT / "resources" / "icons" / "packstation.png", stage)
    tarball = out / f"{stage.name}.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(stage, arcname=stage.name)
    shutil.rmtree(stage)
    return tarball


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "installer" / "dist")
    args = parser.parse_args()
    tarball = build(args.out.resolve())
    size = folder_size(args.out.resolve() / "packstation")
    print(f"bundle: {args.out / 'packstation'} ({size / 2**20:.0f} MB unpacked)")
    print(f"tarball: {tarball} ({tarball.stat().st_size / 2**20:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
