"""The one build step pyproject.toml cannot declare: the bundled example ledger stays at the
repository root, where a clone reads it, and is copied into the package as `factcheck/example/`,
so that an installed `factcheck init --example` can copy it too."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LEDGER = ("sources.yaml", "facts.yaml", "claims.yaml", "factcheck.yaml", "reviews.yaml")  # the last two if present


class BuildPyWithLedger(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the ledger from the checkout itself
            return
        target = Path(self.build_lib, "factcheck", "example")
        self.mkpath(str(target))
        for name in LEDGER:
            if Path(name).is_file():
                self.copy_file(name, str(target / name))


setup(cmdclass={"build_py": BuildPyWithLedger})
