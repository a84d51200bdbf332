"""How factcheck scales: every command on generated ledgers of growing size. Prints figures;
asserts nothing.

    python benchmarks/scale.py [--sizes 1000 10000 100000] [--files 100] [--repeat 3]

Ledgers come from `generate.py` and are kept under benchmarks/ledgers/ (ignored by git) so a
second run does not regenerate them. Each command runs in a child process; the figures are the
median wall time, the median CPU time (user + system) and the largest peak resident memory
(ru_maxrss) over the runs, with the machine's load average beside them. "cold" runs start from
an empty cache, "warm" ones after a run that filled it, with one claims file changed since.
The parse floor is libyaml's C parser alone producing the events of every file, in one process.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEDGERS = HERE / "ledgers"
FACTCHECK = str(Path(sys.executable).parent / "factcheck")
PARSE_FLOOR = """
import sys, yaml
from pathlib import Path
for path in sys.argv[1:]:
    for _ in yaml.parse(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader):
        pass
"""


class Run:
    def __init__(self, wall: float, cpu: float, rss_mb: float, status: int) -> None:
        self.wall, self.cpu, self.rss_mb, self.status = wall, cpu, rss_mb, status


def run(args: list[str], env: dict[str, str], timeout: float) -> Run | None:
    """One child process: wall and CPU seconds, peak memory; None if it ran past `timeout`."""
    start = time.perf_counter()
    with open(os.devnull, "w") as devnull:
        process = subprocess.Popen(args, stdout=devnull, stderr=subprocess.PIPE, env=env)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                return None
            time.sleep(0.005)
    wall = time.perf_counter() - start
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({code}): {error[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code)


def ledger(claims: int, files: int) -> tuple[Path, Path]:
    """The generated ledger and article for a size, generated once."""
    root = LEDGERS / f"{claims}-{files}"
    done = root / ".complete"
    stamp = hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()
    if not (done.exists() and done.read_text() == stamp):
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(root / "ledger"), "--claims", str(claims),
                        "--files", str(files), "--article", str(root / "article.txt")], check=True)
        done.write_text(stamp)
    return root / "ledger", root / "article.txt"


def change_one_file(data: Path, turn: int) -> None:
    """Edit one claims file the way an editor would: its content changes, nothing else."""
    folder = data / "claims"
    target = sorted(folder.iterdir())[0] if folder.is_dir() else data / "claims.yaml"
    text = target.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lines[0] = f"# Generated for benchmarks: claims as they appeared (edit {turn}).\n"
    target.write_text("".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--files", type=int, default=100, help="claims files per ledger (1 = one claims.yaml)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run counts as too slow")
    parser.add_argument("--only", nargs="*", help="only the commands whose names start with these words")
    options = parser.parse_args()

    results: dict[str, dict[int, tuple[float, float, float] | None]] = {}
    for size in options.sizes:
        data, article = ledger(size, options.files)
        cache = Path(tempfile.mkdtemp(prefix="factcheck-bench-cache-"))
        env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache), "FACTCHECK_TODAY": "2026-01-01"}
        sentence = article.read_text(encoding="utf-8").splitlines()[0]
        yaml_files = sorted(str(p) for p in data.rglob("*.yaml"))
        claim_id = f"c{size // 2}"
        cold = "cold"
        commands: list[tuple[str, list[str], str]] = [
            ("parse floor (libyaml events)", [sys.executable, "-c", PARSE_FLOOR, *yaml_files], cold),
            ("check, cold", [FACTCHECK, "check", "-d", str(data)], cold),
            ("check, warm (one file changed)", [FACTCHECK, "check", "-d", str(data)], "changed"),
            ("list --format json, warm", [FACTCHECK, "list", "-d", str(data), "--format", "json"], "warm"),
            ("verify <id>, warm", [FACTCHECK, "verify", claim_id, "-d", str(data)], "warm"),
            ('verify "<sentence>", cold', [FACTCHECK, "verify", sentence, "-d", str(data)], cold),
            ('verify "<sentence>", warm', [FACTCHECK, "verify", sentence, "-d", str(data)], "warm"),
            ("scan a 200 KB article, warm", [FACTCHECK, "scan", str(article), "-d", str(data)], "warm"),
        ]
        load_before = os.getloadavg()[0]
        print(f"\n{size:,} claims in {options.files} files ({sum(os.path.getsize(p) for p in yaml_files) / 1e6:.0f} MB)"
              f", load {load_before:.2f}", flush=True)
        for name, args, state in commands:
            if options.only and not any(name.startswith(word) for word in options.only):
                continue
            runs: list[Run] = []
            for turn in range(options.repeat):
                if state == "cold":
                    shutil.rmtree(cache, ignore_errors=True)
                    cache.mkdir(mode=0o700)
                elif state == "changed":
                    change_one_file(data, turn)
                elif turn == 0:  # warm: fill the cache first
                    run(args, env, options.timeout)
                measured = run(args, env, options.timeout)
                if measured is None:
                    break
                runs.append(measured)
            if len(runs) < options.repeat:
                results.setdefault(name, {})[size] = None
                print(f"  {name:<34} over {options.timeout:.0f} s", flush=True)
                continue
            wall = statistics.median(r.wall for r in runs)
            cpu = statistics.median(r.cpu for r in runs)
            rss = max(r.rss_mb for r in runs)
            results.setdefault(name, {})[size] = (wall, cpu, rss)
            print(f"  {name:<34} {wall:8.2f} s wall {cpu:8.2f} s cpu {rss:7.0f} MB   load {os.getloadavg()[0]:.2f}",
                  flush=True)
        shutil.rmtree(cache, ignore_errors=True)

    print("\ngrowth: wall time ratio between successive sizes")
    for name, by_size in results.items():
        sizes = sorted(by_size)
        ratios = []
        for small, big in zip(sizes, sizes[1:], strict=False):
            a, b = by_size[small], by_size[big]
            if a and b:
                ratios.append(f"{small:,}->{big:,}: {b[0] / a[0]:5.1f}x")
        print(f"  {name:<34} {'   '.join(ratios)}")


if __name__ == "__main__":
    main()
