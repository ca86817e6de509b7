#!/usr/bin/env python3
"""Other tools' files on the command line (TAP): dateline --validate and
--export read CSV, GeoJSON, TimelineJS and StoryMapJS, and an imported CSV
exports as a native dataset that validates on its own.
"""
import os
import re
import subprocess
import sys
import tempfile

DATELINE = sys.argv[1]
DATA = os.path.join(sys.argv[2], "import")

ENV = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
ENV["G_DEBUG"] = "fatal-criticals"
ENV["LC_ALL"] = "C.UTF-8"

results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def run(*args, cwd=None):
    return subprocess.run([DATELINE, *args], capture_output=True, env=ENV, timeout=120, cwd=cwd)


acled = os.path.join(DATA, "acled.csv")

# Every problem of a CSV names the line and, where there is one, the column.
r = run("--validate", acled)
err = r.stderr.decode()
check("ACLED CSV validates with warnings (exit 0)", r.returncode == 0, err)
check("its summary counts what was read",
      "valid: 4 sources, 3 places, 3 events, 4 excerpts, 3 claims, 0 narratives, 4 warnings" in r.stdout.decode(),
      r.stdout.decode())
pattern = re.compile(r"^" + re.escape(acled) + r": (line \d+(, column \w+)?|\$): (error|warning): \S.*$")
check("every problem reads FILE: line N, column NAME: …",
      err != "" and all(pattern.match(line) for line in err.splitlines()), err)
check("a bad date names its line and column",
      f"{acled}: line 6, column event_date: warning: “2024-02-31” is not a date" in err, err)
check("skipped rows are counted", "3 of 6 rows could not be read and were skipped" in err, err)

# A table that is not recognised: exit 1, the line named.
bad = os.path.join(DATA, "bad-header.csv")
r = run("--validate", bad)
check("an unknown header is refused (exit 1)", r.returncode == 1, r.stderr.decode())
check("… naming line 1", r.stderr.decode().startswith(f"{bad}: line 1: error: the columns are not recognised"),
      r.stderr.decode())

# Every format validates.
for name, counts in [("ucdp.csv", "3 events"), ("latin1.csv", "2 events"), ("features.geojson", "5 events"),
                     ("timeline.json", "4 events"), ("storymap.json", "4 events, 4 excerpts, 0 claims, 1 narratives")]:
    r = run("--validate", os.path.join(DATA, name))
    check(f"{name} validates", r.returncode == 0 and counts in r.stdout.decode(),
          (r.stdout + r.stderr).decode())

# Imported, exported as a native dataset: it validates on its own, articles
# and all, with no warnings; and exporting that again gives the same bytes.
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "acled.dateline.json")
    r = run("--export", out, acled)
    check("--export OUT.dateline.json input.csv exits 0", r.returncode == 0, r.stderr.decode())
    check("the articles are written beside it",
          sorted(os.listdir(os.path.join(tmp, "articles"))) == ["acled-csv.txt", "al-jazeera.txt", "reuters.txt",
                                                                  "sana.txt"],
          str(os.listdir(tmp)))
    r = run("--validate", out)
    check("the exported dataset validates without warnings",
          r.returncode == 0 and r.stderr == b"" and b"3 events, 4 excerpts, 3 claims" in r.stdout,
          (r.stdout + r.stderr).decode())
    again = os.path.join(tmp, "again", "acled.dateline.json")
    os.mkdir(os.path.dirname(again))
    r = run("--export", again, out)
    with open(out, "rb") as a, open(again, "rb") as b:
        check("exported again, the same bytes", r.returncode == 0 and a.read() == b.read(), r.stderr.decode())

    # The same for a story: events without a place, without a date.
    story = os.path.join(tmp, "story.dateline.json")
    r = run("--export", story, os.path.join(DATA, "storymap.json"))
    r2 = run("--validate", story)
    check("a StoryMapJS story exports and validates", r.returncode == 0 and r2.returncode == 0
          and b"1 narratives, 0 warnings" in r2.stdout, (r.stderr + r2.stdout + r2.stderr).decode())

    # GeoJSON out of a CSV.
    geo = os.path.join(tmp, "acled.geojson")
    r = run("--export", geo, acled)
    check("an imported CSV exports as GeoJSON", r.returncode == 0 and os.path.getsize(geo) > 0, r.stderr.decode())

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}")
sys.exit(0)
