"""Builds the `vankien` Python package (pyproject.toml) from a CMake build, offline:

    /usr/bin/python3 -m venv --system-site-packages .venv
    VANKIEN_BUILD_DIR=build .venv/bin/pip install --no-index --no-build-isolation bindings/python

The compiled extension, libvankien and the data files are copied from the
build (VANKIEN_BUILD_DIR, default ../../build) into the package first.
"""
import glob
import os
import pathlib
import re
import shutil

from setuptools import setup
from setuptools.dist import Distribution

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BUILD = pathlib.Path(os.environ.get("VANKIEN_BUILD_DIR", ROOT / "build")).resolve()
PACKAGE = HERE / "vankien"


class BinaryDistribution(Distribution):
    def has_ext_modules(self):
        return True


def copy_built_files():
    extensions = glob.glob(str(BUILD / "bindings" / "python" / "vankien" / "_core*.so"))
    libraries = glob.glob(str(BUILD / "lib" / "libvankien.so.*"))
    if not extensions or not libraries:
        raise SystemExit(f"no built extension in {BUILD}: build with cmake first (scripts/dev.sh build)")
    for path in extensions + libraries:
        shutil.copy2(path, PACKAGE)
    shutil.rmtree(PACKAGE / "data", ignore_errors=True)
    shutil.copytree(ROOT / "data", PACKAGE / "data")


copy_built_files()
# Everything else is declared in pyproject.toml; the version has one source,
# the CMake project's.
setup(
    version=re.search(r"project\(vankien VERSION ([0-9.]+)", (ROOT / "CMakeLists.txt").read_text()).group(1),
    distclass=BinaryDistribution,
)
