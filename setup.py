"""Builds kinerja._core with the project's CMake and packages it with the pure-Python layer.

`pip install --no-build-isolation --no-deps .` (what scripts/setup runs) needs only Debian's
packages: cmake, a C++17 compiler, pybind11-dev, libboost-dev, libeigen3-dev, python3-dev.
The CMake build directory is build/pip, reused between installs.
"""

import os
import re
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.abspath(__file__))


def version() -> str:
    text = open(os.path.join(ROOT, "include", "kinerja", "version.hpp"), encoding="utf-8").read()
    parts = [re.search(rf"#define KINERJA_VERSION_{p} (\d+)", text).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        out_dir = os.path.dirname(os.path.abspath(self.get_ext_fullpath(ext.name)))
        build_dir = os.environ.get("KINERJA_CMAKE_BUILD_DIR", os.path.join(ROOT, "build", "pip"))
        os.makedirs(build_dir, exist_ok=True)
        subprocess.check_call([
            "cmake", "-S", ROOT, "-B", build_dir,
            "-DCMAKE_BUILD_TYPE=Release",
            "-DKINERJA_BUILD_PYTHON=ON", "-DKINERJA_BUILD_TESTS=OFF", "-DKINERJA_BUILD_EXAMPLES=OFF",
            "-DPYBIND11_FINDPYTHON=ON", f"-DPython_EXECUTABLE={sys.executable}",
            f"-DKINERJA_PYTHON_PACKAGE_DIR={out_dir}",
        ])
        subprocess.check_call(["cmake", "--build", build_dir, "--target", "_core", "-j", str(os.cpu_count() or 2)])


setup(
    version=version(),
    ext_modules=[Extension("kinerja._core", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
)
