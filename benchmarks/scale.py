"""How factcheck scales: every command on generated ledgers of growing size. Prints figures;
asserts nothing.

    python benchmarks/scale.py [--sizes 1000 10000 100000] [--files 100] [--repeat 3]

Ledgers come from `generate.py` and are kept under benchmarks/ledgers/ (ignored by git) so a
second run does not regenerate them. Each command runs in a child process; the figures are the
median wall time, the median CPU time (user + system, the command's worker processes included)
and, over the runs, the largest peak memory: the proportional set size (PSS) summed over the
command and its workers, sampled from /proc every 0.1 s, or every hundredth of the time the
command has run so far when that is longer (pages they share counted once), and the
largest process's own peak (ru_maxrss); the machine's load average is beside them. "cold" runs
start from an empty cache, "warm" ones after a run that filled it, with one claims file changed
since. The parse floor is libyaml's C parser alone producing the events of every file, in one
process.

    python benchmarks/scale.py --ledger /work/ledgers/l100k /work/ledgers/l1m --only check

measures ledgers generated beforehand instead (left as they are: the "one file changed" runs,
which edit a file, are skipped).
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
    def __init__(self, wall: float, cpu: float, rss_mb: float, pss_mb: float, status: int) -> None:
        self.wall, self.cpu, self.rss_mb, self.pss_mb, self.status = wall, cpu, rss_mb, pss_mb, status


SAMPLE_SECONDS = 0.1
"""How often the memory of a command's process tree is sampled, at the least: reading a process's
smaps_rollup walks its page tables (7.5 ms for a 2 GB process), which at 10 a second took some 5%
of a 2-core machine from a million-claim run, so the interval grows to a hundredth of the time run."""
SAMPLE_SHARE = 0.01


def process_tree(root: int) -> list[int]:
    """`root` and every process descended from it, from the parents /proc gives."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                parent = int(stat.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):  # gone since it was listed
            continue
        children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def tree_pss_mb(root: int) -> float:
    """The proportional set size summed over `root`'s process tree: shared pages counted once."""
    total = 0
    for pid in process_tree(root):
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
                for line in rollup:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:  # exited since it was listed
            continue
    return total / 1024


def run(args: list[str], env: dict[str, str], timeout: float) -> Run | None:
    """One child process: wall and CPU seconds, peak memory; None if it ran past `timeout`."""
    start = time.perf_counter()
    pss = 0.0
    sampled = start - SAMPLE_SECONDS
    with open(os.devnull, "w") as devnull:
        process = subprocess.Popen(args, stdout=devnull, stderr=subprocess.PIPE, env=env)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            now = time.perf_counter()
            if now > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                return None
            if now - sampled >= max(SAMPLE_SECONDS, (now - start) * SAMPLE_SHARE) and \
                    os.path.exists("/proc/self/smaps_rollup"):
                pss, sampled = max(pss, tree_pss_mb(process.pid)), now
            time.sleep(0.005)
    wall = time.perf_counter() - start
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({code}): {error[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, pss, code)


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


def given_ledger(folder: Path) -> int:
    """How many claims a ledger generated beforehand holds (generate.py writes one `  - id:` a claim)."""
    files = sorted((folder / "claims").glob("*.yaml")) if (folder / "claims").is_dir() else [folder / "claims.yaml"]
    return sum(path.read_bytes().count(b"\n  - id: ") for path in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--files", type=int, default=100, help="claims files per ledger (1 = one claims.yaml)")
    parser.add_argument("--ledger", type=Path, nargs="+", help="measure these generated ledgers instead of --sizes")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run counts as too slow")
    parser.add_argument("--only", nargs="*", help="only the commands whose names start with these words")
    options = parser.parse_args()

    given = [(given_ledger(folder), folder) for folder in options.ledger or []]
    results: dict[str, dict[int, tuple[float, float, float, float] | None]] = {}
    for size, folder in given or [(size, None) for size in options.sizes]:
        data, article = (folder, None) if folder else ledger(size, options.files)
        cache = Path(tempfile.mkdtemp(prefix="factcheck-bench-cache-"))
        yaml_files = sorted(str(p) for p in data.rglob("*.yaml"))
        largest_mb = max(os.path.getsize(p) for p in yaml_files) / 2**20
        env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache), "FACTCHECK_TODAY": "2026-01-01"}
        if largest_mb > 64:  # the million's facts.yaml is past the default limit of a ledger file
            env["FACTCHECK_MAX_LEDGER_FILE_MB"] = str(int(largest_mb) + 1)
        claim_id = f"c{size // 2}"
        cold = "cold"
        commands: list[tuple[str, list[str], str]] = [
            ("parse floor (libyaml events)", [sys.executable, "-c", PARSE_FLOOR, *yaml_files], cold),
            ("check, cold", [FACTCHECK, "check", "-d", str(data)], cold),
            ("check, warm", [FACTCHECK, "check", "-d", str(data)], "warm"),
            ("check, warm (one file changed)", [FACTCHECK, "check", "-d", str(data)], "changed"),
            ("list --format json, warm", [FACTCHECK, "list", "-d", str(data), "--format", "json"], "warm"),
            ("verify <id>, warm", [FACTCHECK, "verify", claim_id, "-d", str(data)], "warm"),
        ]
        if article:
            sentence = article.read_text(encoding="utf-8").splitlines()[0]
            commands += [
                ('verify "<sentence>", cold', [FACTCHECK, "verify", sentence, "-d", str(data)], cold),
                ('verify "<sentence>", warm', [FACTCHECK, "verify", sentence, "-d", str(data)], "warm"),
                ("scan a 200 KB article, warm", [FACTCHECK, "scan", str(article), "-d", str(data)], "warm"),
            ]
        load_before = os.getloadavg()[0]
        print(f"\n{size:,} claims in {data} ({sum(os.path.getsize(p) for p in yaml_files) / 1e6:.0f} MB)"
              f", load {load_before:.2f}", flush=True)
        for name, args, state in commands:
            if options.only and not any(name.startswith(word) for word in options.only):
                continue
            if state == "changed" and folder:
                print(f"  {name:<34} skipped (it would edit {folder})", flush=True)
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
            pss = max(r.pss_mb for r in runs)
            rss = max(r.rss_mb for r in runs)
            results.setdefault(name, {})[size] = (wall, cpu, pss, rss)
            print(f"  {name:<34} {wall:8.2f} s wall {cpu:8.2f} s cpu {pss:7.0f} MB summed"
                  f" ({rss:.0f} MB largest)   load {os.getloadavg()[0]:.2f}", flush=True)
        shutil.rmtree(cache, ignore_errors=True)

    print("\ngrowth: wall / CPU time ratio between successive sizes")
    for name, by_size in results.items():
        sizes = sorted(by_size)
        ratios = []
        for small, big in zip(sizes, sizes[1:], strict=False):
            a, b = by_size[small], by_size[big]
            if a and b:
                ratios.append(f"{small:,}->{big:,}: {b[0] / a[0]:5.1f}x / {b[1] / a[1]:5.1f}x")
        print(f"  {name:<34} {'   '.join(ratios)}")


if __name__ == "__main__":
    main()
