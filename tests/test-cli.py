#!/usr/bin/env python3
"""The headless command line: dateline --validate / --export (TAP).

Runs the built binary with no display, on the bundled dataset and on every
bad dataset of the corpus, and checks exit statuses and the problem format.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

from dl_tap import check, headless_env, report

DATELINE = sys.argv[1]
DATA = sys.argv[2]
BUNDLED = sys.argv[3]

ENV = headless_env()


def run(*args, timeout=60):
    return subprocess.run([DATELINE, *args], capture_output=True, env=ENV, timeout=timeout)


def problem_lines_ok(stderr, display):
    pattern = re.compile(r"^" + re.escape(display) + r": (\S+): (error|warning): \S.*$")
    lines = stderr.decode("utf-8").splitlines()
    bad = [line for line in lines if not pattern.match(line)]
    return not bad, bad[:3]


# The bundled dataset: valid, no warnings at all.
r = run("--validate", BUNDLED)
check("bundled validates with exit 0", r.returncode == 0, r.stderr.decode()[:2000])
check("bundled has no problems at all", r.stderr == b"", r.stderr.decode()[:2000])
check("summary names the counts", b"valid:" in r.stdout and b"events" in r.stdout, r.stdout.decode())

# Without FILE: the bundled dataset too.
r = run("--validate")
check("--validate without FILE uses the bundled dataset", r.returncode == 0 and b"valid:" in r.stdout,
      (r.stdout + r.stderr).decode()[:500])

# Every bad dataset: exit 1, well-formed problem lines, no GLib noise.
bad_files = sorted(glob.glob(os.path.join(DATA, "bad", "*.dateline.json")))
check("the corpus holds at least 25 bad datasets", len(bad_files) >= 25, str(len(bad_files)))
for path in bad_files:
    name = os.path.basename(path)
    r = run("--validate", path)
    ok_lines, bad_lines = problem_lines_ok(r.stderr, path)
    noise = b"CRITICAL" in r.stderr or b"-WARNING **" in r.stderr
    check(f"{name}: refused (exit 1)", r.returncode == 1, f"exit {r.returncode}")
    check(f"{name}: at least one error line", b": error: " in r.stderr, r.stderr.decode()[:500])
    check(f"{name}: every line is FILE: PATH: SEVERITY: MESSAGE, no GLib noise",
          ok_lines and not noise, "\n".join(bad_lines))

# A file that does not exist.
r = run("--validate", "/nonexistent/x.dateline.json")
check("a missing file is refused with its name", r.returncode == 1 and b"/nonexistent/x.dateline.json: $: error:" in r.stderr,
      r.stderr.decode())

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "out.geojson")
    r = run("--export", out, BUNDLED)
    check("--export writes the bundled dataset", r.returncode == 0 and os.path.exists(out), r.stderr.decode())
    try:
        with open(out, encoding="utf-8") as f:
            collection = json.load(f)
        features = collection["features"]
        check("export is a FeatureCollection with sources", collection["type"] == "FeatureCollection"
              and len(collection["sources"]) == 5)
        props = features[0]["properties"]
        check("features carry the documented properties",
              all(k in props for k in ("id", "title", "category", "when", "start", "end", "place",
                                        "precision_m", "sources", "excerpts", "claims")), str(sorted(props)))
        check("every feature has excerpts with verified offsets",
              all(e["end"] > e["start"] for f in features for e in f["properties"]["excerpts"]))
    except (OSError, ValueError, KeyError, IndexError) as error:
        check("export parses", False, repr(error))

    # A failing export leaves the old file as it was.
    with open(out, "w", encoding="utf-8") as f:
        f.write("old")
    r = run("--export", out, bad_files[0] if bad_files else "/nonexistent")
    with open(out, encoding="utf-8") as f:
        check("export of an invalid dataset fails and keeps the old file", r.returncode == 1 and f.read() == "old")

    r = run("--export", os.path.join(tmp, "no-such-dir", "out.geojson"), BUNDLED)
    check("export into a missing folder fails with a message", r.returncode == 1 and b"cannot export" in r.stderr,
          r.stderr.decode())

    r = run("--export", os.path.join(tmp, "out.xyz"), BUNDLED)
    check("an unknown export format is a usage error", r.returncode == 2, r.stderr.decode())

    # The native format: written normalised, with its articles when written
    # elsewhere; it validates, and written again it does not change.
    native = os.path.join(tmp, "native", "copy.dateline.json")
    os.makedirs(os.path.dirname(native))
    r = run("--export", native, BUNDLED)
    check("--export OUT.dateline.json writes the native format", r.returncode == 0 and os.path.exists(native),
          r.stderr.decode())
    r = run("--validate", native)
    check("the written dataset validates beside its copied articles, without warnings",
          r.returncode == 0 and b", 0 warnings" in r.stdout, (r.stdout + r.stderr).decode())
    again = os.path.join(tmp, "native", "again.dateline.json")
    r = run("--export", again, native)
    with open(native, "rb") as f1, open(again, "rb") as f2:
        check("written again, the native file is byte-identical", r.returncode == 0 and f1.read() == f2.read())
    try:
        with open(native, encoding="utf-8") as f:
            check("the native file is a dataset, not GeoJSON", json.load(f).get("dateline") == 1)
    except (OSError, ValueError) as error:
        check("the native file parses", False, repr(error))

# Never over an input (the native format included), never an unknown
# suffix; links and modes survive an export.
with tempfile.TemporaryDirectory() as tmp:
    import shutil
    copy = os.path.join(tmp, "data")
    shutil.copytree(os.path.dirname(BUNDLED), copy)
    dataset = os.path.join(copy, os.path.basename(BUNDLED))
    with open(dataset, "rb") as f:
        original = f.read()

    r = run("--export", dataset, dataset)
    with open(dataset, "rb") as f:
        check("exporting over the dataset itself is refused and leaves it intact",
              r.returncode != 0 and f.read() == original and b"cannot export" in r.stderr, r.stderr.decode())
    check("the refusal says the file is one the dataset was read from",
          b"read from" in r.stderr, r.stderr.decode())

    as_csv = os.path.join(copy, "dataset.csv")
    shutil.copy(dataset, as_csv)
    r = run("--export", as_csv, as_csv)
    with open(as_csv, "rb") as f:
        check("a dataset named .csv is not overwritten by its own export",
              r.returncode == 1 and f.read() == original and b"read from" in r.stderr, r.stderr.decode())

    article = sorted(glob.glob(os.path.join(copy, "articles", "*.txt")))[0]
    with open(article, "rb") as f:
        article_text = f.read()
    link = os.path.join(tmp, "article.geojson")
    os.symlink(article, link)
    r = run("--export", link, dataset)
    with open(article, "rb") as f:
        check("an article reached through a link is not overwritten",
              r.returncode == 1 and f.read() == article_text, r.stderr.decode())

    r = run("--export", os.path.join(tmp, "out.json"), dataset)
    check("a plain .json is refused (GeoJSON is .geojson)", r.returncode == 2, r.stderr.decode())

    target = os.path.join(tmp, "real.csv")
    with open(target, "w") as f:
        f.write("old")
    os.chmod(target, 0o600)
    link = os.path.join(tmp, "link.csv")
    os.symlink("real.csv", link)
    r = run("--export", link, dataset)
    check("exporting over a link replaces its target and keeps the link",
          r.returncode == 0 and os.path.islink(link) and open(target).read().startswith("id,"),
          r.stderr.decode())
    check("exporting over a 0600 file keeps the mode",
          (os.stat(target).st_mode & 0o777) == 0o600, oct(os.stat(target).st_mode))
    check("no temporary file is left beside the export",
          sorted(os.listdir(tmp)) == ["article.geojson", "data", "link.csv", "real.csv"], str(os.listdir(tmp)))

report()
