#!/usr/bin/env python3
"""dateline --export to CSV, PDF and PNG, with no display (TAP).

Usage: test-export-cli.py DATELINE BUNDLED_DATASET
"""
import csv
import io
import os
import struct
import subprocess
import sys
import tempfile

from dl_tap import check, headless_env, report

DATELINE = sys.argv[1]
BUNDLED = sys.argv[2]

# Headless: no X, no Wayland, no session bus.
ENV = headless_env("DBUS_SESSION_BUS_ADDRESS")


def run(*args, timeout=120):
    return subprocess.run([DATELINE, *args], capture_output=True, env=ENV, timeout=timeout)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "events.csv")
    r = run("--export", out, BUNDLED)
    check("--export .csv", r.returncode == 0 and os.path.exists(out), r.stderr.decode())
    if r.returncode == 0:
        with open(out, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        check("the CSV has a header and one row per event",
              rows[0][:3] == ["id", "title", "category"] and len(rows) == 51, repr(rows[0]))

    out = os.path.join(tmp, "MAP.PNG")
    r = run("--export", out, "--size", "1280x720", BUNDLED)
    check("--export .PNG --size 1280x720, headless", r.returncode == 0 and png_size(out) == (1280, 720),
          r.stderr.decode())

    out = os.path.join(tmp, "map.png")
    r = run("--export", out, BUNDLED)
    check("--export .png defaults to 1920x1080", r.returncode == 0 and png_size(out) == (1920, 1080),
          r.stderr.decode())

    r = run("--export", out, "--size", "huge", BUNDLED)
    check("a bad --size is a usage error", r.returncode == 2, r.stderr.decode())

    out = os.path.join(tmp, "handout.pdf")
    r = run("--export", out, "--narrative", "four-days", "--paper", "letter", BUNDLED)
    ok = r.returncode == 0 and os.path.exists(out)
    detail = r.stderr.decode()
    if ok:
        with open(out, "rb") as f:
            data = f.read()
        ok = data.startswith(b"%PDF-") and b"612 792" in data
    check("--export .pdf --narrative four-days --paper letter", ok, detail)

    r = run("--export", out, "--paper", "a5", BUNDLED)
    check("an unknown --paper is a usage error", r.returncode == 2, r.stderr.decode())

    # A failing export reports it and keeps the old file.
    with open(out, "w") as f:
        f.write("old")
    r = run("--export", out, "--narrative", "no-such-narrative", BUNDLED)
    with open(out) as f:
        kept = f.read() == "old"
    check("an unknown narrative fails, says so and keeps the old file",
          r.returncode == 1 and kept and b"cannot export" in r.stderr and b"no-such-narrative" in r.stderr,
          r.stderr.decode())

    r = run("--export", os.path.join(tmp, "missing", "x.pdf"), BUNDLED)
    check("a PDF into a missing folder fails with a message",
          r.returncode == 1 and r.stderr.decode().startswith(os.path.join(tmp, "missing", "x.pdf") + ": cannot export: "),
          r.stderr.decode())

    r = run("--export", tmp + "/", BUNDLED)
    check("an unknown extension is a usage error", r.returncode == 2, r.stderr.decode())

    sub = os.path.join(tmp, "a-folder.csv")
    os.mkdir(sub)
    r = run("--export", sub, BUNDLED)
    check("a CSV onto a folder fails and leaves the folder",
          r.returncode == 1 and os.path.isdir(sub) and b"cannot export" in r.stderr, r.stderr.decode())

report()
