"""Adds up the CPU time of a group of processes: every process whose command line
contains PATTERN, sampled from /proc every 0.2 s until SIGTERM or SIGINT, when it writes
the total seconds (user + system) to OUTPUT, then the seconds of each kind of Spark
process (``executor-jvm 97.0``, ``python-workers 80.1``…), a line each. Linux only.

    python cpu.py PATTERN OUTPUT &

run.sh counts Spark's processes this way (master, workers, executors, the driver and the
Python workers: all run from its work folder), because the machine is shared: wall time
depends on what else runs, CPU time much less. A process that lives less than 0.2 s is
missed.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from typing import Dict, Tuple

TICK = os.sysconf("SC_CLK_TCK")

#: Spark's processes by what their command line holds, first match wins.
KINDS = (
    (b"CoarseGrainedExecutorBackend", "executor-jvm"),
    (b"pyspark.daemon", "python-workers"),
    (b"SparkSubmit", "driver-jvm"),
    (b"candor_spark.py", "driver-python"),
    (b"deploy.master.Master", "master-jvm"),
    (b"deploy.worker.Worker", "worker-jvm"),
)


def kind(cmdline: bytes, program: str) -> str:
    for needle, name in KINDS:
        if needle in cmdline:
            return name
    return "other-" + program.replace(" ", "-")


def sample(pattern: bytes, seen: Dict[Tuple[int, int, str], int]) -> None:
    """Updates each matching process's CPU ticks, keyed by pid, start time and kind."""
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/cmdline", "rb") as f:
                cmdline = f.read()
            if pattern not in cmdline:
                continue
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue  # gone meanwhile
        # The fields after the program's name, which is in parentheses and may hold spaces.
        program = stat[stat.index(b"(") + 1 : stat.rindex(b")")].decode(errors="replace")
        fields = stat[stat.rindex(b")") + 2 :].split()
        utime, stime, start = int(fields[11]), int(fields[12]), int(fields[19])
        key = (int(name), start, kind(cmdline, program))
        seen[key] = max(seen.get(key, 0), utime + stime)


def main(pattern: str, output: str) -> int:
    seen: Dict[Tuple[int, int, str], int] = {}
    running = True

    def stop(*_: object) -> None:
        nonlocal running
        running = False

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    me = os.getpid()
    while running:
        sample(pattern.encode(), seen)
        time.sleep(0.2)
    by_program: Dict[str, float] = {}
    for (pid, _, what), ticks in seen.items():
        if pid != me:
            by_program[what] = by_program.get(what, 0.0) + ticks / TICK
    with open(output, "w") as f:
        f.write(f"{sum(by_program.values()):.1f}\n")
        for program, seconds in sorted(by_program.items(), key=lambda x: -x[1]):
            f.write(f"{program} {seconds:.1f}\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
