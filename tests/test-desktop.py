#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Desktop integration, checked offline (TAP).

    test-desktop.py SOURCE_ROOT BUILD_ROOT

- Both Flatpak manifests parse (flatpak-builder --show-manifest) and say what
  they must: the app id, the command, the least finish-args, libshumate from
  a release tarball pinned by sha256, the app from this repository.
- No GNOME runtime can be installed here, so the manifests are checked
  against facts written down below, each with where it comes from: every
  module's build dependencies are in the SDK or built by an earlier module;
  every download is pinned by checksum; no option a module ignores; network
  access only because of the opt-in online basemap; the Devel manifest
  differs from the release one only where a development build should.
- `meson install --destdir` lays out exactly the files the manifest, the
  desktop file, the metainfo, the icons and the schema expect, named after
  the app id.
- The MIME type: a file manager recognises a dataset by its name and by its
  content, and offers Dateline to open it.
"""

import configparser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

APP_ID = "io.github.datelineapp.Dateline"
MIME_TYPE = "application/x-dateline+json"
FINISH_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
               "--share=network"}
LINGUAS_FALLBACK = ["ar", "de", "fr", "he"]

# What the GNOME SDK (org.gnome.Sdk, on top of org.freedesktop.Sdk) gives
# every module at build time. "pkg:" names a pkg-config module, "bin:" a
# program. Sources:
# - freedesktop-sdk elements/sdk.bst: gperf, meson, ninja, autotools,
#   pkg-config and the C/C++ toolchain are in the SDK stack;
#   elements/platform.bst: sqlite, cairo, glib. protobuf and protobuf-c are
#   components there but in neither stack (fwupd's build only).
# - GNOME runtime: gtk4, libadwaita, json-glib, libsoup 3 (gnome-build-meta
#   sdk/platform); libshumate is not in it (issue 16; GNOME Maps builds it).
SDK_PROVIDES = {
    "bin:cc", "bin:c++", "bin:meson", "bin:ninja", "bin:autoconf", "bin:pkg-config", "bin:gperf",
    "pkg:glib-2.0", "pkg:gobject-2.0", "pkg:gio-2.0", "pkg:cairo", "pkg:sqlite3", "pkg:gtk4",
    "pkg:libadwaita-1", "pkg:json-glib-1.0", "pkg:libsoup-3.0",
}
# What each module needs to build, and what it installs for the next ones.
MODULE_FACTS = {
    # protobuf 3.17.3 (protobuf-all tarball, autotools): a C++ compiler only;
    # installs protobuf.pc and protoc. (GNOME Maps' org.gnome.Maps.json
    # builds it first, with DIST_LANG=cpp.)
    "protobuf": ({"bin:c++", "bin:autoconf"}, {"pkg:protobuf", "bin:protoc"}),
    # protobuf-c 1.4.0 configure.ac:73: PKG_CHECK_MODULES([protobuf],
    # [protobuf >= 3.0.0]) for protoc-c, and it runs protoc (:89); installs
    # libprotobuf-c.pc.
    "protobuf-c": ({"bin:c++", "bin:autoconf", "pkg:protobuf", "bin:protoc"}, {"pkg:libprotobuf-c"}),
    # libshumate 1.6.1 meson.build:62-76: glib, gobject, gio, cairo, sqlite3,
    # gtk4, libsoup-3.0, json-glib, libprotobuf-c, find_program('gperf');
    # since 1.6 the vector renderer (protobuf-c, gperf) is always built.
    "libshumate": ({"bin:meson", "bin:ninja", "bin:gperf", "pkg:glib-2.0", "pkg:gobject-2.0",
                    "pkg:gio-2.0", "pkg:cairo", "pkg:sqlite3", "pkg:gtk4", "pkg:libsoup-3.0",
                    "pkg:json-glib-1.0", "pkg:libprotobuf-c"}, {"pkg:shumate-1.0"}),
    # dateline: read from this repository's meson.build (see meson_dependencies).
}
# Options a module accepts but ignores: a manifest that passes them believes
# something that is not true. libshumate 1.6.1 meson_options.txt:16-18,
# meson.build:11-12 ("the vector renderer is no longer optional").
IGNORED_OPTIONS = {"libshumate": {"-Dvector_renderer=false", "-Dvector_renderer=true"}}
# Where the Devel manifest may differ from the release one: the app module's
# configuration and tests, and the devel branch's naming.
DEVEL_ONLY_KEYS = {"branch", "tags", "desktop-file-name-suffix"}

results = []


def tap(ok, name, details=""):
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {name}")
    if not ok and details:
        for line in str(details).rstrip().splitlines():
            print(f"# {line}")
    return ok


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def meson_dependencies(root):
    """The pkg-config modules the app's meson.build asks for."""
    import re
    with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
        text = f.read()
    return {"pkg:" + name for name in re.findall(r"\bdependency\(\s*'([^']+)'", text)}


def check_modules(root, name, m):
    """Every module's build dependencies come from the SDK or an earlier module."""
    available = set(SDK_PROVIDES)
    modules = [mod for mod in m.get("modules", []) if isinstance(mod, dict)]
    facts = dict(MODULE_FACTS)
    if modules:
        facts[modules[-1].get("name")] = ({"bin:meson", "bin:ninja"} | meson_dependencies(root), set())
    for mod in modules:
        mname = mod.get("name")
        needs, gives = facts.get(mname, (None, None))
        if not tap(needs is not None, f"{name}: the module {mname} is one whose build dependencies are known",
                   "add it to MODULE_FACTS in tests/test-desktop.py, with where the facts come from"):
            continue
        missing = sorted(needs - available)
        tap(not missing, f"{name}: {mname}'s build dependencies are in the SDK or built before it",
            "missing: " + " ".join(missing))
        ignored = sorted(set(mod.get("config-opts", [])) & IGNORED_OPTIONS.get(mname, set()))
        tap(not ignored, f"{name}: {mname} is given no option it ignores", "found " + " ".join(ignored))
        for src in mod.get("sources", []):
            if src.get("type") == "dir":
                continue
            sha = src.get("sha256", "")
            pinned = (src.get("type") in ("archive", "file") and src.get("url", "").startswith("https://")
                      and len(sha) == 64 and all(c in "0123456789abcdef" for c in sha))
            pinned = pinned or (src.get("type") == "git" and len(src.get("commit", "")) == 40)
            tap(pinned, f"{name}: {mname} downloads over https, pinned by checksum", json.dumps(src))
        available |= gives
    names = [mod.get("name") for mod in modules]
    tap(names[-1:] == ["dateline"], f"{name}: the app is the last module", f"modules: {names}")


def check_devel_differs_only_where_it_should(release, devel):
    if release is None or devel is None:
        return
    keys = (set(release) | set(devel)) - {"modules"}
    other = sorted(k for k in keys if release.get(k) != devel.get(k) and k not in DEVEL_ONLY_KEYS)
    tap(not other, "the Devel manifest has the release one's id, runtime, finish-args and cleanup",
        "differs in: " + " ".join(other))
    tap(devel.get("branch") == "devel" and "devel" in devel.get("tags", []),
        "the Devel manifest builds the devel branch, tagged devel")
    rm, dm = release.get("modules", []), devel.get("modules", [])
    tap(rm[:-1] == dm[:-1], "the Devel manifest builds the same libraries, pinned the same",
        "the modules before the app differ")
    ra = {k: v for k, v in (rm[-1] if rm else {}).items() if k not in ("config-opts", "run-tests")}
    da = {k: v for k, v in (dm[-1] if dm else {}).items() if k not in ("config-opts", "run-tests")}
    tap(ra == da, "the Devel manifest builds the app from the same place, differently configured only",
        json.dumps(ra) + "\n" + json.dumps(da))


def check_network_reason(root, m, name):
    """--share=network only because the user can choose the online basemap."""
    if "--share=network" not in m.get("finish-args", []):
        return
    schema = ET.parse(os.path.join(root, "data", APP_ID + ".gschema.xml")).getroot()
    key = next((k for k in schema.iter("key") if k.get("name") == "basemap"), None)
    choices = [c.get("value") for c in key.iter("choice")] if key is not None else []
    default = (key.findtext("default") or "").strip('"') if key is not None else None
    tap("openstreetmap" in choices and default == "offline",
        f"{name}: network access is for the online basemap, which is opt-in (the default is offline)",
        f"basemap choices {choices}, default {default}")


def check_manifest(root, name, development):
    path = os.path.join(root, "flatpak", name)
    # flatpak-builder leaves its .flatpak-builder cache in the working directory.
    with tempfile.TemporaryDirectory() as cwd:
        proc = run(["flatpak-builder", "--show-manifest", path], cwd=cwd)
    if not tap(proc.returncode == 0, f"{name}: flatpak-builder --show-manifest parses it",
               proc.stderr):
        return None
    m = json.loads(proc.stdout)
    app_id = m.get("id") or m.get("app-id")
    tap(app_id == APP_ID, f"{name}: the app id is {APP_ID}", f"found {app_id}")
    tap(m.get("runtime") == "org.gnome.Platform" and m.get("sdk") == "org.gnome.Sdk"
        and str(m.get("runtime-version", "")).isdigit() and int(m["runtime-version"]) >= 47,
        f"{name}: a current GNOME runtime and SDK",
        f"runtime {m.get('runtime')} {m.get('runtime-version')}, sdk {m.get('sdk')}")
    args = m.get("finish-args", [])
    tap(set(args) == FINISH_ARGS and len(args) == len(FINISH_ARGS),
        f"{name}: finish-args are exactly {' '.join(sorted(FINISH_ARGS))}",
        f"found {args}")
    tap(not any(a.startswith(("--filesystem", "--socket=x11", "--device=all", "--talk-name=org.freedesktop.Flatpak"))
                for a in args),
        f"{name}: no filesystem or host access (files come through the portal)", f"found {args}")
    cleanup = set(m.get("cleanup", []))
    tap({"/include", "/lib/pkgconfig", "*.a", "*.la"} <= cleanup,
        f"{name}: cleanup drops headers, pkg-config files and static libraries", f"found {sorted(cleanup)}")

    modules = {mod.get("name"): mod for mod in m.get("modules", []) if isinstance(mod, dict)}
    shumate = modules.get("libshumate")
    ok = shumate is not None
    details = "no libshumate module"
    if ok:
        srcs = shumate.get("sources", [])
        ok = (len(srcs) == 1 and srcs[0].get("type") == "archive"
              and srcs[0].get("url", "").startswith("https://download.gnome.org/sources/libshumate/")
              and len(srcs[0].get("sha256", "")) == 64
              and all(c in "0123456789abcdef" for c in srcs[0].get("sha256", "")))
        opts = shumate.get("config-opts", [])
        ok = ok and {"-Dgir=false", "-Dvapi=false", "-Dgtk_doc=false", "-Ddemos=false"} <= set(opts)
        details = json.dumps(shumate, indent=2)
    tap(ok, f"{name}: libshumate is built from a release tarball pinned by sha256", details)

    app = m.get("modules", [])[-1] if m.get("modules") else {}
    srcs = app.get("sources", [])
    tap(app.get("buildsystem") == "meson" and srcs == [{"type": "dir", "path": ".."}],
        f"{name}: the last module builds this repository with meson", json.dumps(app, indent=2))
    want = f"-Ddevelopment={'true' if development else 'false'}"
    tap(want in app.get("config-opts", []), f"{name}: the app is configured with {want}",
        f"found {app.get('config-opts')}")
    check_modules(root, name, m)
    check_network_reason(root, m, name)
    return m


def installed_files(destdir):
    out = []
    for dirpath, dirnames, filenames in os.walk(destdir):
        for f in filenames:
            out.append(os.path.relpath(os.path.join(dirpath, f), destdir))
    return sorted(out)


def main():
    if len(sys.argv) != 3:
        print("usage: test-desktop.py SOURCE_ROOT BUILD_ROOT", file=sys.stderr)
        return 2
    root, build = (os.path.abspath(a) for a in sys.argv[1:])

    manifest = check_manifest(root, APP_ID + ".json", development=False)
    devel = check_manifest(root, APP_ID + ".Devel.json", development=True)
    check_devel_differs_only_where_it_should(manifest, devel)
    tap(not os.path.exists(os.path.join(root, "flatpak", ".flatpak-builder")) or
        run(["git", "-C", root, "ls-files", "flatpak/.flatpak-builder"]).stdout.strip() == "",
        "flatpak-builder's cache is not in the repository")

    # The app id everywhere: meson.build, and the files named after it.
    with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
        tap(f"app_id = '{APP_ID}'" in f.read(), f"meson.build's app_id is {APP_ID}")
    named = ["flatpak/" + APP_ID + ".json", "flatpak/" + APP_ID + ".Devel.json",
             "data/" + APP_ID + ".desktop.in", "data/" + APP_ID + ".metainfo.xml.in",
             "data/" + APP_ID + ".gschema.xml"]
    missing = [n for n in named if not os.path.exists(os.path.join(root, n))]
    tap(not missing, "the manifests, desktop file, metainfo and schema are named after the app id",
        "missing: " + " ".join(missing))
    command = (manifest or {}).get("command", "dateline")
    tap(command == "dateline", "the manifest's command is dateline", f"found {command}")

    with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
        linguas = [w for l in f if not l.lstrip().startswith("#") for w in l.split()] or LINGUAS_FALLBACK

    # The build's prefix and datadir, from meson's introspection.
    with open(os.path.join(build, "meson-info", "intro-buildoptions.json"), encoding="utf-8") as f:
        options = {o["name"]: o["value"] for o in json.load(f)}
    prefix = options["prefix"].lstrip("/")
    datadir = os.path.join(prefix, options["datadir"])
    bindir = os.path.join(prefix, options["bindir"])
    localedir = os.path.join(prefix, options["localedir"])

    with tempfile.TemporaryDirectory() as tmp:
        dest = os.path.join(tmp, "dest")
        env = dict(os.environ)
        # No post-install caches in the DESTDIR: they are the system's business.
        env["DESTDIR"] = dest
        proc = run(["meson", "install", "-C", build, "--destdir", dest, "--no-rebuild", "--quiet"],
                   env=env)
        if not tap(proc.returncode == 0, "meson install --destdir succeeds", proc.stdout + proc.stderr):
            print(f"1..{len(results)}")
            return 1
        files = installed_files(dest)

        expected = {
            os.path.join(bindir, command): "the binary named as the manifest's command",
            os.path.join(datadir, "applications", APP_ID + ".desktop"): "the desktop file",
            os.path.join(datadir, "metainfo", APP_ID + ".metainfo.xml"): "the metainfo",
            os.path.join(datadir, "icons/hicolor/scalable/apps", APP_ID + ".svg"): "the app icon",
            os.path.join(datadir, "icons/hicolor/symbolic/apps", APP_ID + "-symbolic.svg"): "the symbolic icon",
            os.path.join(datadir, "glib-2.0/schemas", APP_ID + ".gschema.xml"): "the GSettings schema",
            os.path.join(datadir, "mime/packages", APP_ID + ".xml"): "the MIME type",
            os.path.join(datadir, "dateline/datasets/gaza-august-2024/gaza-august-2024.dateline.json"): "the bundled dataset",
            os.path.join(datadir, "dateline/basemap/basemap.dlbm"): "the offline basemap",
            os.path.join(datadir, "dateline/basemap/LICENSES.md"): "the basemap's licences",
            os.path.join(datadir, "dateline/gazetteer/gazetteer.dlgz"): "the offline gazetteer",
            os.path.join(datadir, "dateline/gazetteer/LICENSES.md"): "the gazetteer's licences",
        }
        for lang in linguas:
            expected[os.path.join(localedir, lang, "LC_MESSAGES", "dateline.mo")] = f"the {lang} catalogue"
        for path, what in expected.items():
            tap(path in files, f"installs {what}: /{path}",
                "installed:\n" + "\n".join("  /" + f for f in files))

        # Nothing else, except the dataset's articles and the basemap's data.
        allowed = (os.path.join(datadir, "dateline/datasets") + "/",
                   os.path.join(datadir, "dateline/basemap") + "/")
        extra = [f for f in files if f not in expected and not f.startswith(allowed)]
        tap(not extra, "installs nothing the manifest and metainfo do not expect",
            "unexpected (add them to tests/test-desktop.py if they are meant):\n"
            + "\n".join("  /" + f for f in extra))
        articles = [f for f in files if f.startswith(allowed[0]) and f.endswith(".txt")]
        tap(len(articles) >= 5, f"installs the bundled dataset's articles ({len(articles)})")

        # The desktop file.
        desktop = os.path.join(dest, datadir, "applications", APP_ID + ".desktop")
        if os.path.exists(desktop):
            cp = configparser.RawConfigParser(strict=False, interpolation=None)
            cp.optionxform = str
            cp.read(desktop, encoding="utf-8")
            entry = cp["Desktop Entry"]
            tap(entry.get("Exec", "").split()[0] == command and "%U" in entry.get("Exec", ""),
                "the desktop file runs the manifest's command with %U", entry.get("Exec"))
            tap(entry.get("Icon") == APP_ID, "the desktop file's icon is the app id", entry.get("Icon"))
            tap(MIME_TYPE in entry.get("MimeType", "").split(";"),
                f"the desktop file opens {MIME_TYPE}", entry.get("MimeType"))
            tap(entry.get("Categories") == "Education;Science;Geography;",
                "the desktop file's categories", entry.get("Categories"))
            tap(all(f"Name[{l}]" in entry and f"Comment[{l}]" in entry and f"Keywords[{l}]" in entry
                    for l in linguas),
                "the desktop file is translated into " + " ".join(linguas))

        # The metainfo.
        metainfo = os.path.join(dest, datadir, "metainfo", APP_ID + ".metainfo.xml")
        if os.path.exists(metainfo):
            tree = ET.parse(metainfo).getroot()
            tap(tree.findtext("id") == APP_ID, "the metainfo's id is the app id", tree.findtext("id"))
            launch = tree.find("launchable")
            tap(launch is not None and launch.get("type") == "desktop-id" and launch.text == APP_ID + ".desktop",
                "the metainfo launches the desktop file", launch.text if launch is not None else None)
            tap(tree.findtext("provides/binary") == command, "the metainfo provides the binary",
                tree.findtext("provides/binary"))
            tap(MIME_TYPE in [e.text for e in tree.findall("provides/mediatype")],
                f"the metainfo provides {MIME_TYPE}")
            shots = tree.findall("screenshots/screenshot/image")
            missing = [s.text for s in shots
                       if not os.path.exists(os.path.join(root, "data", "screenshots",
                                                          os.path.basename(s.text or "")))]
            tap(shots and not missing, "every screenshot the metainfo names is in data/screenshots/",
                "missing: " + " ".join(missing))
            names = {os.path.basename(s.text or "") for s in shots}
            tap({"overview.png", "event.png", "article.png", "presentation.png"} <= names,
                "the metainfo shows the window, an event, the article view and presentation mode",
                f"found {sorted(names)}")
            with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
                import re
                version = re.search(r"version: '([^']+)'", f.read()).group(1)
            releases = tree.findall("releases/release")
            tap(releases and releases[0].get("version") == version
                and releases[0].find("description") is not None and releases[0].get("date"),
                f"the newest release in the metainfo is this version, {version}, dated, with notes",
                f"found {[r.get('version') for r in releases]}")
            rating = tree.find("content_rating")
            tap(rating is not None and rating.get("type", "").startswith("oars-")
                and rating.findall("content_attribute"),
                "the metainfo has an OARS content rating")
            proc = run(["appstreamcli", "validate", "--no-net", metainfo])
            issues = [l for l in proc.stdout.splitlines() if l[:2] in ("W:", "E:")]
            tap(proc.returncode == 0 and not issues, "appstreamcli validate --no-net: no errors, no warnings",
                proc.stdout + proc.stderr)
            desc = " ".join(p.text or "" for p in tree.findall("description/p") if not p.attrib)
            tap("network" in desc, "the metainfo says why Dateline may use the network")
            langs = {e.get("{http://www.w3.org/XML/1998/namespace}lang") for e in tree.iter("summary")}
            tap(set(linguas) <= langs, "the metainfo is translated into " + " ".join(linguas),
                f"summary languages: {sorted(l for l in langs if l)}")

        # The schema.
        schema = os.path.join(dest, datadir, "glib-2.0/schemas", APP_ID + ".gschema.xml")
        if os.path.exists(schema):
            ids = [s.get("id") for s in ET.parse(schema).getroot().findall("schema")]
            tap(APP_ID in ids, "the schema file holds the schema named after the app id", ids)

        # The MIME type, as a file manager sees it: GIO over shared-mime-info.
        home = os.path.join(tmp, "home")
        os.makedirs(os.path.join(home, "mime", "packages"))
        os.makedirs(os.path.join(home, "applications"))
        shutil.copy(os.path.join(dest, datadir, "mime/packages", APP_ID + ".xml"),
                    os.path.join(home, "mime", "packages"))
        shutil.copy(desktop, os.path.join(home, "applications"))
        proc = run(["update-mime-database", os.path.join(home, "mime")])
        tap(proc.returncode == 0, "update-mime-database accepts the MIME type", proc.stderr)
        # GIO finds handlers through mimeinfo.cache, as gnome.post_install makes it.
        proc = run(["update-desktop-database", os.path.join(home, "applications")])
        tap(proc.returncode == 0, "update-desktop-database accepts the desktop file", proc.stderr)
        genv = dict(os.environ, XDG_DATA_HOME=home, XDG_DATA_DIRS="/usr/share",
                    XDG_CONFIG_HOME=os.path.join(tmp, "config"), GIO_USE_VFS="local")
        genv.pop("DESTDIR", None)
        # GIO offers only applications whose command is on the PATH.
        genv["PATH"] = os.path.join(dest, bindir) + os.pathsep + os.environ.get("PATH", "")

        def content_type(path):
            p = run(["gio", "info", "-a", "standard::content-type", path], env=genv)
            for line in p.stdout.splitlines():
                if "standard::content-type:" in line:
                    return line.split(": ", 1)[1].strip()
            return p.stderr.strip()

        bundled = os.path.join(root, "data/datasets/gaza-august-2024/gaza-august-2024.dateline.json")
        t = content_type(bundled)
        tap(t == MIME_TYPE, f"a *.dateline.json file is {MIME_TYPE}", f"found {t}")
        sniffed = os.path.join(tmp, "dataset-without-suffix")
        with open(bundled, "rb") as f, open(sniffed, "wb") as g:
            g.write(f.read(4096))
        t = content_type(sniffed)
        tap(t == MIME_TYPE, f"a file without the suffix is {MIME_TYPE} by its content", f"found {t}")
        plain = os.path.join(tmp, "other.json")
        with open(plain, "w") as g:
            g.write('{"type": "FeatureCollection", "features": []}\n')
        t = content_type(plain)
        tap(t == "application/json" or t == "application/geo+json", "other JSON stays JSON", f"found {t}")
        p = run(["gio", "mime", MIME_TYPE], env=genv)
        tap(APP_ID + ".desktop" in p.stdout, f"Dateline is offered for {MIME_TYPE}", p.stdout + p.stderr)

    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
