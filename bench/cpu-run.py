#!/usr/bin/env python3
"""Runs a command and reports the CPU time of that one process from /proc, in clock ticks.

Usage: cpu-run.py OUT_FILE [--stdin FILE] [--stdout FILE] -- COMMAND [ARG...]

Writes one line to OUT_FILE: "wall_s utime_ticks stime_ticks cutime_ticks cstime_ticks ticks_per_s".
utime/stime are the process's own CPU (all its threads, and whatever ran in it before an exec: a
launcher script that ends in `exec java` is billed to the same pid); cutime/cstime are children it
waited for (e.g. `git` run by a launcher). The process is waited for with WNOWAIT, so its
/proc/<pid>/stat can still be read after it exits and before it is reaped: the figure is its final
one, in ticks (man 5 proc, fields 14-17), not rounded to whole seconds as `ps` shows them.
Stdout of the command goes to our stdout unless --stdout is given; the exit code is the command's.
"""
import os
import sys
import time


def stat_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    # Field 2 (comm) is in parentheses and may hold spaces: split after the last ')'.
    fields = text[text.rindex(")") + 2:].split()
    # fields[0] is field 3 (state); utime is field 14 -> index 11.
    return [int(v) for v in fields[11:15]]


def main():
    args = sys.argv[1:]
    out_file = args.pop(0)
    stdin_path = stdout_path = None
    while args and args[0] != "--":
        opt = args.pop(0)
        if opt == "--stdin":
            stdin_path = args.pop(0)
        elif opt == "--stdout":
            stdout_path = args.pop(0)
        else:
            sys.exit(f"cpu-run: unknown option {opt}")
    args.pop(0)
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        if stdin_path:
            fd = os.open(stdin_path, os.O_RDONLY)
            os.dup2(fd, 0)
            os.close(fd)
        if stdout_path:
            fd = os.open(stdout_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.close(fd)
        try:
            os.execvp(args[0], args)
        finally:
            os._exit(127)
    os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
    wall = time.monotonic() - start
    ticks = stat_ticks(pid)
    _, status = os.waitpid(pid, 0)
    with open(out_file, "w") as f:
        f.write(f"{wall:.3f} {ticks[0]} {ticks[1]} {ticks[2]} {ticks[3]} {os.sysconf('SC_CLK_TCK')}\n")
    sys.exit(os.waitstatus_to_exitcode(status))


if __name__ == "__main__":
    main()
