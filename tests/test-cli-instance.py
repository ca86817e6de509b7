#!/usr/bin/env python3
"""Command-line modes with a window already open (TAP).

A running Dateline owns the application's D-Bus name. `--screenshot` must
still do its own work in its own process (exit status, errors on its own
stderr, a relative path in its own folder), while opening a file reaches
the running instance.
"""
import os
import subprocess
import sys
import tempfile
import time

from dl_tap import check, report

DATELINE = os.path.abspath(sys.argv[1])
BUNDLED = sys.argv[2]
APP_ID = sys.argv[3]


def name_has_owner():
    r = subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                        "--object-path", "/org/freedesktop/DBus",
                        "--method", "org.freedesktop.DBus.NameHasOwner", APP_ID],
                       capture_output=True, text=True)
    return "true" in r.stdout


env = dict(os.environ)
with tempfile.TemporaryDirectory() as tmp:
    primary = subprocess.Popen([DATELINE, BUNDLED], env=env, cwd=tmp,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            if name_has_owner() or primary.poll() is not None:
                break
            time.sleep(0.1)
        check("a first instance owns the application name", name_has_owner())

        work = os.path.join(tmp, "work")
        os.mkdir(work)
        r = subprocess.run([DATELINE, "--screenshot", "shot.png", "--size", "800x600", BUNDLED],
                           env=env, cwd=work, capture_output=True, timeout=120)
        shot = os.path.join(work, "shot.png")
        check("--screenshot with a window open exits 0", r.returncode == 0, r.stderr.decode()[-2000:])
        check("--screenshot writes the relative path in its own folder",
              os.path.exists(shot) and open(shot, "rb").read(8) == b"\x89PNG\r\n\x1a\n",
              str(os.listdir(work)) + " " + str(os.listdir(tmp)))
        check("nothing lands in the running instance's folder",
              not os.path.exists(os.path.join(tmp, "shot.png")), str(os.listdir(tmp)))

        bad = os.path.join(tmp, "bad.dateline.json")
        with open(bad, "w") as f:
            f.write("{ not json")
        r = subprocess.run([DATELINE, "--screenshot", "bad.png", bad], env=env, cwd=work,
                           capture_output=True, timeout=120)
        check("--screenshot of a bad dataset fails in its own process",
              r.returncode != 0 and b"bad.dateline.json" in r.stderr, r.stderr.decode()[-2000:])

        # Opening a file goes to the running instance, which stays up.
        r = subprocess.run([DATELINE, BUNDLED], env=env, cwd=work, capture_output=True, timeout=60)
        check("opening a file reaches the running instance and returns",
              r.returncode == 0 and primary.poll() is None, r.stderr.decode()[-2000:])
    finally:
        primary.terminate()
        try:
            primary.wait(timeout=20)
        except subprocess.TimeoutExpired:
            primary.kill()
            primary.wait()

report()
