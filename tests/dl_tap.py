"""What the command-line tests (test-*-cli.py, test-cli*.py) share.

Each check is gathered as it runs and all are printed at the end as TAP,
which meson reads; one module so the report and the headless environment
the app runs in are the same in every script.
"""
import os
import sys

results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def headless_env(*also_drop):
    """The environment without a display (and @also_drop), criticals fatal, in C.UTF-8."""
    drop = ("DISPLAY", "WAYLAND_DISPLAY", *also_drop)
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["G_DEBUG"] = "fatal-criticals"
    env["LC_ALL"] = "C.UTF-8"
    return env


def report(max_detail_lines=20):
    """Prints the checks as TAP and exits: 0 when all passed."""
    print("TAP version 13")
    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in str(detail).splitlines()[:max_detail_lines]:
                print(f"# {line}")
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)
