#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the translations (TAP).

    test-i18n.py SOURCE_ROOT

Regenerates the template from po/POTFILES.in with xgettext, exactly as
`ninja -C _build dateline-pot` does (meson's "glib" preset), into a temporary
folder, and fails when:

- a source file marks strings for translation but is missing from POTFILES.in;
- a catalogue in po/LINGUAS is missing, broken (msgfmt --check), has a wrong
  header, or lacks, leaves untranslated or fuzzy a message of the template;
- a catalogue is stale: it holds obsolete (#~) or fuzzy entries.

Each failure says which messages and how to fix it (see po/README.md).
Uses only the Python standard library and GNU gettext's tools.
"""

import os
import re
import subprocess
import sys
import tempfile

PACKAGE = "dateline"

# meson's i18n.gettext(preset: 'glib') arguments, with what run_potgen adds.
GLIB_PRESET = [
    "--from-code=UTF-8",
    "--add-comments",
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format",
    "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]

# Header values each catalogue must have.
PLURAL_FORMS = {
    "ar": "nplurals=6;",
    "de": "nplurals=2;",
    "fr": "nplurals=2; plural=(n > 1);",
    "he": "nplurals=",
}

FIX = ("To fix: ninja -C _build dateline-update-po (merges the new template into "
       "every po/*.po), translate the new and fuzzy messages in each language, "
       "delete the obsolete #~ entries (msgattrib --no-obsolete -o po/LL.po po/LL.po), and check with msgfmt --check; see po/README.md.")

MARKERS = re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|g_dpgettext2|g_dcgettext)\s*\(|translatable="yes"')
SOURCE_SUFFIXES = (".c", ".h", ".ui", ".in", ".xml")

results = []


def tap(ok, name, details=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    if not ok and details:
        for line in details.rstrip().splitlines():
            print(f"# {line}")


# A small reader for PO files: enough for the checks here.
def unquote(text):
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}.get(n, "\\" + n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read_po(path):
    """Returns a list of entries: dicts with msgctxt, msgid, msgid_plural,
    msgstr (list), flags (set), obsolete (bool)."""
    entries = []
    entry = None
    field = None

    def finish():
        nonlocal entry
        if entry is not None and "msgid" in entry:
            entries.append(entry)
        entry = None

    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            obsolete = line.startswith("#~")
            if obsolete:
                line = line[2:].lstrip()
                if line.startswith("|"):
                    continue
            if not line.strip():
                finish()
                field = None
                continue
            if line.startswith("#"):
                if entry is not None and "msgid" in entry and field is not None:
                    finish()
                if entry is None:
                    entry = {"flags": set(), "msgstr": {}, "obsolete": False}
                if line.startswith("#,"):
                    entry["flags"].update(x.strip() for x in line[2:].split(","))
                continue
            if entry is None:
                entry = {"flags": set(), "msgstr": {}, "obsolete": False}
            entry["obsolete"] = entry["obsolete"] or obsolete
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
            if m:
                key, index, value = m.group(1), m.group(2), unquote(m.group(3))
                if key == "msgctxt" and "msgid" in entry:
                    finish()
                    entry = {"flags": set(), "msgstr": {}, "obsolete": obsolete}
                if key == "msgid" and "msgid" in entry:
                    finish()
                    entry = {"flags": set(), "msgstr": {}, "obsolete": obsolete}
                if key.startswith("msgstr"):
                    field = ("msgstr", int(index) if index is not None else 0)
                    entry["msgstr"][field[1]] = value
                else:
                    field = (key, None)
                    entry[key] = value
                continue
            m = re.match(r'^"(.*)"$', line)
            if m and field is not None:
                if field[0] == "msgstr":
                    entry["msgstr"][field[1]] += unquote(m.group(1))
                else:
                    entry[field[0]] += unquote(m.group(1))
    finish()
    return entries


def key_of(e):
    return (e.get("msgctxt"), e["msgid"])


def show(key):
    ctx, msgid = key
    text = msgid.replace("\n", "\\n")
    return f'msgctxt "{ctx}" msgid "{text}"' if ctx else f'msgid "{text}"'


def main():
    if len(sys.argv) != 2:
        print("usage: test-i18n.py SOURCE_ROOT", file=sys.stderr)
        return 2
    root = os.path.abspath(sys.argv[1])
    po_dir = os.path.join(root, "po")

    with open(os.path.join(po_dir, "POTFILES.in"), encoding="utf-8") as f:
        potfiles = [l.strip() for l in f if l.strip() and not l.lstrip().startswith("#")]
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        linguas = [w for l in f if not l.lstrip().startswith("#") for w in l.split()]

    # 1. POTFILES.in lists every file that marks strings, and only files that exist.
    marked = []
    for top in ("src", "ui", "data"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = [d for d in dirnames if d not in ("datasets", "basemap", "screenshots")]
            for name in filenames:
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                try:
                    with open(path, encoding="utf-8") as f:
                        text = f.read()
                except UnicodeDecodeError:
                    continue
                if rel.endswith(".gresource.xml"):
                    continue
                if MARKERS.search(text) or rel.startswith("data/") and rel.endswith((".desktop.in", ".metainfo.xml.in", ".gschema.xml", "-mime.xml")):
                    marked.append(rel)
    unlisted = sorted(set(marked) - set(potfiles))
    tap(not unlisted, "po/POTFILES.in lists every file with translatable strings",
        "Add these files to po/POTFILES.in:\n" + "\n".join("  " + p for p in unlisted))
    gone = [p for p in potfiles if not os.path.exists(os.path.join(root, p))]
    tap(not gone, "every file in po/POTFILES.in exists",
        "Remove these from po/POTFILES.in:\n" + "\n".join("  " + p for p in gone))

    # 2. A fresh template, made as meson's dateline-pot target makes it.
    with tempfile.TemporaryDirectory() as tmp:
        listfile = os.path.join(tmp, "POTFILES")
        with open(listfile, "w", encoding="utf-8") as f:
            f.write("\n".join(p for p in potfiles if p not in gone) + "\n")
        pot = os.path.join(tmp, PACKAGE + ".pot")
        proc = subprocess.run(
            ["xgettext", "--package-name=" + PACKAGE, "-p", tmp, "-f", listfile,
             "-D", root, "-k_", "-o", pot] + GLIB_PRESET,
            capture_output=True, text=True)
        tap(proc.returncode == 0 and os.path.exists(pot), "xgettext makes the template",
            proc.stderr)
        if proc.returncode != 0 or not os.path.exists(pot):
            print(f"1..{len(results)}")
            return 1
        template = {key_of(e): e for e in read_po(pot) if e["msgid"] != ""}

    tap(len(template) > 0, f"the template holds {len(template)} messages")

    # 3. Every catalogue.
    for lang in linguas:
        path = os.path.join(po_dir, lang + ".po")
        if not os.path.exists(path):
            tap(False, f"{lang}: po/{lang}.po exists",
                f"po/LINGUAS names {lang} but po/{lang}.po is missing: "
                "msginit -i _build/po/dateline.pot -l " + lang + " -o po/" + lang + ".po")
            continue

        proc = subprocess.run(["msgfmt", "--check", "--check-accelerators=_", "-o", os.devnull, path],
                              capture_output=True, text=True)
        tap(proc.returncode == 0, f"{lang}: msgfmt --check accepts po/{lang}.po", proc.stderr)

        entries = read_po(path)
        header = next((e for e in entries if e["msgid"] == "" and not e.get("msgctxt")), None)
        head = header["msgstr"].get(0, "") if header else ""
        problems = []
        if f"Language: {lang}\n" not in head:
            problems.append(f"the header needs \"Language: {lang}\\n\"")
        if "Content-Type: text/plain; charset=UTF-8\n" not in head:
            problems.append("the header needs \"Content-Type: text/plain; charset=UTF-8\\n\"")
        if f"Plural-Forms: {PLURAL_FORMS.get(lang, 'nplurals=')}" not in head:
            problems.append(f"the header needs \"Plural-Forms: {PLURAL_FORMS.get(lang, 'nplurals=...')}...\"")
        tap(not problems, f"{lang}: the header names the language, UTF-8 and the plural forms",
            "\n".join(problems))

        live = {key_of(e): e for e in entries if not e["obsolete"] and e["msgid"] != ""}
        missing = [k for k in template if k not in live]
        tap(not missing, f"{lang}: every message of the template is in po/{lang}.po",
            f"{len(missing)} message(s) missing from po/{lang}.po:\n"
            + "\n".join("  " + show(k) for k in missing) + "\n" + FIX)

        untranslated = [k for k in template if k in live
                        and (not live[k]["msgstr"] or any(v == "" for v in live[k]["msgstr"].values()))]
        tap(not untranslated, f"{lang}: every message is translated",
            f"{len(untranslated)} untranslated message(s) in po/{lang}.po:\n"
            + "\n".join("  " + show(k) for k in untranslated) + "\n" + FIX)

        fuzzy = [key_of(e) for e in entries if "fuzzy" in e["flags"] and e["msgid"] != ""]
        tap(not fuzzy, f"{lang}: no fuzzy messages",
            f"{len(fuzzy)} fuzzy message(s) in po/{lang}.po (check the translation, then remove the "
            "\"#, fuzzy\" line):\n" + "\n".join("  " + show(k) for k in fuzzy) + "\n" + FIX)

        obsolete = [key_of(e) for e in entries if e["obsolete"]]
        extra = [k for k in live if k not in template]
        stale = [("obsolete #~ ", k) for k in obsolete] + [("not in the sources: ", k) for k in extra]
        tap(not stale, f"{lang}: no obsolete or stale messages",
            f"{len(stale)} stale message(s) in po/{lang}.po (delete them):\n"
            + "\n".join("  " + why + show(k) for why, k in stale) + "\n" + FIX)

    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
