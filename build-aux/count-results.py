#!/usr/bin/env python3
"""Counts meson test results (one JSON object per line in testlog.json).

Prints "N passed, N failed". A skipped test counts as failed: a check that
did not run has not passed.
"""
import json
import sys

passed = failed = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        if not line.strip():
            continue
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        else:
            failed += 1
            print(f"not passed: {json.loads(line)['name']} ({result})", file=sys.stderr)
print(f"{passed} passed, {failed} failed")
