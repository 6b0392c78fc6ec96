"""Launch a process and time it until it goes quiet: no CPU used for a while, read from /proc.

"Quiet" is what a user feels as "ready": the window is up and nothing is still busy behind it,
so the first click is handled at once. Linux only (``/proc/PID/stat``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

QUIET_SECONDS = 0.4  # no CPU used for this long counts as quiet
POLL_SECONDS = 0.005
TIMEOUT_SECONDS = 30.0
_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_ticks(pid: int) -> int | None:
    """User + system CPU ticks of process ``pid`` and all its threads (None once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)


def launch_to_quiet(command: list[str], env: dict[str, str]) -> float:
    """Seconds from launch until the last CPU tick before ``QUIET_SECONDS`` of no CPU use.

    The clock runs from just before the process starts; CPU ticks are 1/CLK_TCK seconds (10 ms
    on Linux), so the figure is good to about a tick. The process is then ended.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    last_ticks = -1
    last_change = start
    try:
        while True:
            now = time.perf_counter()
            ticks = _cpu_ticks(proc.pid)
            if ticks is None or proc.poll() is not None:
                proc.wait()
                error = proc.stderr.read().decode(errors="replace")[-2000:] if proc.stderr else ""
                raise SystemExit(
                    f"{command} ended (exit {proc.returncode}) before it went quiet:\n{error}"
                )
            if ticks != last_ticks:
                last_ticks, last_change = ticks, now
            elif now - last_change >= QUIET_SECONDS:
                return last_change - start
            if now - start > TIMEOUT_SECONDS:
                raise SystemExit(f"{command} did not go quiet within {TIMEOUT_SECONDS:.0f} s")
            time.sleep(POLL_SECONDS)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()


def ticks_per_second() -> int:
    """CPU ticks per second on this machine (the resolution of the quiet figure)."""
    return _TICK
