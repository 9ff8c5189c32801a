"""Peak memory of a child process, measured so that the parent does not leak into it.

Linux counts a child's peak RSS from before its exec: the copy of the
parent it was forked from. So `wait4`'s ru_maxrss of a child started by a
parent holding 300 MB reports at least 300 MB, whatever the child used.
VmHWM in /proc/PID/status belongs to the process's current memory map,
which exec replaces: that is the child's own peak. It can be read only
while the process lives, so short-lived children are sampled until they exit.
"""
from __future__ import annotations

import subprocess
import time


def peak_rss_mb(pid: int) -> float:
    """The process's own peak RSS so far, in MB (0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0.0


def run_sampled(argv: list[str], interval: float = 0.005) -> tuple[int, float, float, bytes, bytes]:
    """Run a command to its end; (exit code, wall seconds, peak RSS MB, stdout, stderr).

    The peak is the last VmHWM seen before exit (it only grows), sampled every `interval` seconds.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, peak_rss_mb(proc.pid))
        time.sleep(interval)
    elapsed = time.perf_counter() - start
    out, err = proc.communicate()
    return proc.returncode, elapsed, peak, out, err
