"""The build step pyproject.toml cannot say: arabic.so (built by `make
loadable`), the sql/ scripts, VERSION and LICENSE go inside the package, so
sqlite_arabic.loadable_path() and sql_path() find them next to __init__.py.
The package holds a compiled library, so the wheel is for this platform."""
import glob
import os
import shutil
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

ROOT = os.path.dirname(os.path.abspath(__file__))


class BuildPyWithLibrary(build_py):
    def run(self):
        super().run()
        subprocess.run(["make", "-C", ROOT, "--no-print-directory", "-s", "loadable"], check=True)
        package = os.path.join(self.build_lib, "sqlite_arabic")
        os.makedirs(os.path.join(package, "sql"), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, "dist", "arabic.so"), package)
        for name in ("VERSION", "LICENSE"):
            shutil.copy2(os.path.join(ROOT, name), package)
        for script in glob.glob(os.path.join(ROOT, "sql", "*.sql")):
            shutil.copy2(script, os.path.join(package, "sql"))


class PlatformDistribution(Distribution):
    def has_ext_modules(self):
        return True


# setuptools' own build folders go under build/python, beside make's.
os.makedirs(os.path.join(ROOT, "build", "python"), exist_ok=True)
setup(cmdclass={"build_py": BuildPyWithLibrary}, distclass=PlatformDistribution,
      options={"build": {"build_base": "build/python"}, "egg_info": {"egg_base": "build/python"}})
