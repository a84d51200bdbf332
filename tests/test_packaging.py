"""The distribution: an sdist that holds what its tests need, and a wheel that, installed into a
fresh environment, lets a new user start a ledger or try the bundled one from an empty folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import venv
from pathlib import Path

import pytest

from .conftest import REPO, copy_of_repository, offline_pip, repository_files
from .test_init import EXAMPLE


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the wheel built from it (as pip would), of this project as it is now."""
    work = tmp_path_factory.mktemp("dist")
    source = copy_of_repository(work / "source")
    built = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(work / "out"),
                            str(source)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return work / "out"


def test_sdist_holds_every_file_of_the_project(dist: Path) -> None:
    [sdist] = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        root, *_ = archive.getnames()
        names = {n.removeprefix(root + "/") for n in archive.getnames()}
    wanted = set(repository_files()) - {".gitignore"}
    assert wanted - names == set(), "add these to MANIFEST.in"
    assert {"LICENSE", "claims.yaml", ".pre-commit-hooks.yaml", "schemas/claims.schema.json",
            "tests/conftest.py", "tests/ledgers/mini/claims.yaml", "src/factcheck/starter/claims.yaml"} <= names
    assert not [n for n in names if "__pycache__" in n or n.startswith((".venv", ".git/"))]


def test_metadata_names_the_license_and_authors(dist: Path) -> None:
    [sdist] = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        [member] = [m for m in archive.getmembers() if m.name.count("/") == 1 and m.name.endswith("/PKG-INFO")]
        metadata = archive.extractfile(member).read().decode()  # type: ignore[union-attr]
    assert re.search(r"^License-Expression: MIT$", metadata, re.M)
    assert re.search(r"^License-File: LICENSE$", metadata, re.M)
    assert re.search(r"^Author: factcheck contributors$", metadata, re.M)
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_wheel_carries_the_bundled_ledger(dist: Path) -> None:
    import zipfile

    [wheel] = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        for name in EXAMPLE:
            assert archive.read(f"factcheck/example/{name}") == (REPO / name).read_bytes()
        assert "factcheck/starter/claims.yaml" in archive.namelist()


@pytest.fixture(scope="module")
def installed(dist: Path, wheelhouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed into a fresh virtual environment: the folder of its `factcheck`."""
    env = tmp_path_factory.mktemp("venv") / "env"
    venv.create(env, with_pip=True)
    [wheel] = dist.glob("*.whl")
    done = subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                          env={**os.environ, **offline_pip(wheelhouse)}, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return env / "bin"


def shell(script: str, cwd: Path, bin_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run commands as a user of the installed package would, with only its `factcheck` on PATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin"
    return subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)


def test_installed_init_example_in_an_empty_folder(installed: Path, tmp_path: Path) -> None:
    done = shell("command -v factcheck; factcheck init --example && factcheck list && factcheck check "
                 "&& factcheck list --format csv", tmp_path, installed)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith(str(installed / "factcheck"))
    assert "\nmondo-crimea-treaty-2013," in done.stdout and "no problems in" in done.stdout


def test_installed_init_then_add_in_an_empty_folder(installed: Path, tmp_path: Path) -> None:
    done = shell("factcheck init && factcheck list && factcheck check && factcheck list --format csv",
                 tmp_path, installed)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "\ndaily-pluto-dwarf-since-2006," in done.stdout and "no problems in 3 files" in done.stdout
    before = (tmp_path / "claims.yaml").read_bytes()
    done = shell("factcheck add claim --id forum-pluto-2010 --text 'Pluto lost its planet status in 2010.' "
                 "--source example-forum --ruling false --assertion "
                 "'subject=pluto relation=classified-as object=dwarf-planet change=start date=2010' "
                 "&& factcheck check", tmp_path, installed)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "computed verdict: false (F5), as its ruling says" in done.stdout
    assert (tmp_path / "claims.yaml").read_bytes().startswith(before)


def test_readme_ledger_of_your_own_runs_as_written(installed: Path, tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A ledger of your own", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert len(blocks) >= 2  # init, then add: one session at the shell
    done = shell("".join(blocks), tmp_path, installed)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "computed verdict: true (B2), as its ruling says" in done.stdout
