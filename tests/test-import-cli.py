#!/usr/bin/env python3
"""Other tools' files on the command line (TAP): dateline --validate and
--export read CSV, GeoJSON, TimelineJS and StoryMapJS, and an imported CSV
exports as a native dataset that validates on its own. A CSV that is not an
ACLED or UCDP GED export (or GeoJSON without a usual date property) is read
by the mapping remembered for its header, or by --mapping; without either
the error says how to map it. --suggest prints an article's candidate events,
one JSON object a line with the members issue 13 names.
"""
import hashlib
import os
import re
import subprocess
import sys
import tempfile

from dl_tap import check, headless_env, report

DATELINE = sys.argv[1]
DATA = os.path.join(sys.argv[2], "import")
SCHEMAS = sys.argv[3]

ENV = headless_env()


def run(*args, cwd=None, env=None):
    return subprocess.run([DATELINE, *args], capture_output=True, env=env or ENV, timeout=120, cwd=cwd)


def header_key(names):
    """dl_import_header_key(): the names trimmed, lower-case, each ended by \\x1f, SHA-256."""
    return hashlib.sha256("".join(n.strip().lower() + "\x1f" for n in names).encode()).hexdigest()


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

# A table whose columns have no usual names: refused, naming the file and
# saying how to map it; then read by --mapping, and by a remembered mapping.
mapped = os.path.join(DATA, "mapped.csv")
r = run("--validate", mapped)
err = r.stderr.decode()
check("an unmapped table is refused (exit 1)", r.returncode == 1, err)
check("… with line 1 named", f"{mapped}: line 1: error: the columns are not recognised" in err, err)
check("… and how to map it", f"{mapped}: no columns were chosen for this header: open the file once in Dateline" in err
      and "--mapping date=COLUMN" in err, err)

MAPPING = ["--mapping", "title=Headline", "--mapping", "date=Day", "--mapping", "end-date=Until",
           "--mapping", "latitude=Lat deg", "--mapping", "longitude=Lon deg", "--mapping", "wkt=Spot",
           "--mapping", "place=Where", "--mapping", "category=Kind", "--mapping", "id=Ref", "--mapping", "summary=Notes",
           "--mapping", "source=Reporter"]
r = run("--validate", *MAPPING, mapped)
check("--mapping ROLE=COLUMN reads it", r.returncode == 0 and b"valid: 2 sources, 3 places, 4 events" in r.stdout,
      (r.stdout + r.stderr).decode())
check("… a bad cell still names its line and column",
      f"{mapped}: line 5, column day: warning: “not a date” is not a date" in r.stderr.decode(), r.stderr.decode())
r = run("--validate", "--mapping", "when=Day", mapped)
check("an unknown role is a usage error (exit 2) listing the roles",
      r.returncode == 2 and "“when=Day” is not ROLE=COLUMN with a role of: title, date, end-date" in r.stderr.decode(),
      r.stderr.decode())
r = run("--validate", "--mapping", "date=Nope", mapped)
check("a column the file lacks is named",
      r.returncode == 1 and f"{mapped}: line 1: error: the file has no column “Nope” (chosen for “Date”)"
      in r.stderr.decode(), r.stderr.decode())
r = run("--validate", "--mapping", "date=Day", acled)
check("--mapping on an ACLED export is ignored, saying so",
      r.returncode == 0 and f"{acled}: --mapping only applies to CSV files" in r.stderr.decode(), r.stderr.decode())

geo_mapped = os.path.join(DATA, "mapped.geojson")
r = run("--validate", geo_mapped)
check("GeoJSON without a usual date property: on the map only, saying how to map it",
      r.returncode == 0 and b"4 events" in r.stdout
      and f"{geo_mapped}: $: warning: no property has a usual date name" in r.stderr.decode(),
      (r.stdout + r.stderr).decode())
r = run("--validate", "--mapping", "date=Datum", "--mapping", "end-date=Bis", "--mapping", "title=Titel", geo_mapped)
check("… and read by --mapping", r.returncode == 0 and b"5 events" in r.stdout
      and "no property has a usual date name" not in r.stderr.decode(), (r.stdout + r.stderr).decode())

with tempfile.TemporaryDirectory() as tmp:
    # What the window's column-mapping dialog remembered (GSettings, here in a key file).
    settings = os.path.join(tmp, "glib-2.0", "settings")
    os.makedirs(settings)
    csv_key = header_key(["Headline", "Day", "Until", "Lat deg", "Lon deg", "Spot", "Where", "Kind", "Notes",
                          "Reporter", "Ref"])
    geo_key = header_key(sorted(n.lower() for n in ["Titel", "Datum", "Bis", "Art", "Ort", "Notiz", "Ref",
                                                    "Verletzte"]))
    with open(os.path.join(settings, "keyfile"), "w", encoding="utf-8") as f:
        f.write("[io/github/datelineapp/Dateline]\n"
                f"csv-mappings={{'{csv_key}': {{'date': 'Day', 'latitude': 'Lat deg', 'longitude': 'Lon deg', "
                "'title': 'Headline', 'id': 'Ref'}}\n"
                f"geojson-mappings={{'{geo_key}': {{'date': 'Datum', 'end-date': 'Bis', 'title': 'Titel', "
                "'id': 'Ref'}}\n")
    env = dict(ENV, GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=tmp, GSETTINGS_SCHEMA_DIR=SCHEMAS)
    r = run("--validate", mapped, env=env)
    check("a remembered mapping reads the table", r.returncode == 0 and b"4 events" in r.stdout,
          (r.stdout + r.stderr).decode())
    out = os.path.join(tmp, "mapped.dateline.json")
    r = run("--export", out, mapped, env=env)
    r2 = run("--validate", out)
    check("… and --export uses it", r.returncode == 0 and r2.returncode == 0 and b"4 events" in r2.stdout
          and os.path.exists(out), (r.stderr + r2.stdout + r2.stderr).decode())
    with open(out, encoding="utf-8") as f:
        text = f.read()
    check("… reading each column as remembered", '"id": "r1"' in text and '"when": "2024-08-10"' in text, text[:400])
    r = run("--validate", geo_mapped, env=env)
    check("a remembered GeoJSON mapping reads the dates", r.returncode == 0 and b"5 events" in r.stdout
          and "no property has a usual date name" not in r.stderr.decode(), (r.stdout + r.stderr).decode())
    r = run("--validate", "--mapping", "date=Until", mapped, env=env)
    check("--mapping wins over the remembered one",
          r.returncode == 0 and b" 1 events" in r.stdout, (r.stdout + r.stderr).decode())

# --suggest: one JSON object a line, each with the members; its
# passage is the article's text at its code-point offsets.
import json

bundled = os.path.join(sys.argv[2], "..", "..", "data", "datasets", "gaza-august-2024")
article = os.path.join(bundled, "articles", sorted(os.listdir(os.path.join(bundled, "articles")))[0])
with open(article, encoding="utf-8") as f:
    article_text = f.read()
r = run("--suggest", article, "--published", "2024-08-20", "--json")
lines = r.stdout.decode().splitlines()
check("--suggest --json exits 0 with candidates", r.returncode == 0 and len(lines) >= 4, r.stderr.decode())
members = {"start", "end", "exact", "when", "when_basis", "place", "lon", "lat", "precision_m", "claims"}
objects = [json.loads(line) for line in lines]
check("each line is an object with start, end, exact, when, when_basis, place, lon, lat, precision_m, claims",
      all(members <= set(o) for o in objects), lines[0] if lines else "")
check("each passage is the article's text at its offsets",
      all(article_text[o["start"]:o["end"]] == o["exact"] for o in objects),
      [o["exact"] for o in objects if article_text[o["start"]:o["end"]] != o["exact"]][:2])
check("each date is EDTF with its basis, each place has coordinates and a precision",
      all(re.match(r"^\d{4}-\d{2}(-\d{2})?[~?%]?(/\d{4}-\d{2}-\d{2}[~?%]?)?$", o["when"]) and o["when_basis"]
          and -180 <= o["lon"] <= 180 and -90 <= o["lat"] <= 90 and o["precision_m"] > 0 for o in objects),
      lines[:2])
check("positions and precisions are written as short as they mean (no 31.439999999999998)",
      not any(re.search(r'"(lon|lat)":-?\d+\.\d{7,}|"precision_m":\d+\.\d{3,}', line) for line in lines),
      [line for line in lines if re.search(r"\d{12,}", line)][:1])
check("numbers are claims with their qualifier and unit",
      any(c["qualifier"] is not None for o in objects for c in o["claims"])
      and all({"value", "qualifier", "unit", "text"} <= set(c) for o in objects for c in o["claims"]), lines[:3])
r = run("--suggest", article, "--published", "2024-08-20")
check("without --json: one readable line each", r.returncode == 0 and len(r.stdout.decode().splitlines()) == len(lines),
      r.stdout.decode()[:300])
r = run("--suggest", article, "--published", "nope")
check("a bad --published is a usage error (exit 2)", r.returncode == 2 and "“nope”" in r.stderr.decode(),
      r.stderr.decode())
r = run("--suggest", article)
check("--suggest without --published says so (exit 2)", r.returncode == 2 and "--published" in r.stderr.decode(),
      r.stderr.decode())
missing = os.path.join(DATA, "no-such-article.txt")
r = run("--suggest", missing, "--published", "2024-08-20")
check("a missing article names the file (exit 1)",
      r.returncode == 1 and r.stderr.decode().startswith(f"{missing}: cannot read the article"), r.stderr.decode())

report()
