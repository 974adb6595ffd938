#!/usr/bin/env python3
"""Checks the GUI translations (a CTest test):
  1. every string the GUI sources mark with tr() is in each .ts file (lupdate is run
     over gui/ into a scratch file and compared), so a new string cannot ship untranslated;
  2. fa, ru and zh_CN have no unfinished or empty translation (tr may have some, marked
     unfinished, which lrelease then reports);
  3. every translation keeps the placeholders (%1, %2, ...) of its source;
  4. fa lays out right to left (QT_LAYOUT_DIRECTION = RTL), the others left to right.
Usage: check_translations.py SOURCE_DIR LUPDATE
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

COMPLETE = ("fa", "ru", "zh_CN")
ALL = COMPLETE + ("tr",)


def messages(path):
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.find("name").text
        for m in ctx.iter("message"):
            tr = m.find("translation")
            kind = tr.get("type", "")
            if kind in ("vanished", "obsolete"):
                continue
            out[(name, m.find("source").text)] = (tr.text or "", kind)
    return out


def main():
    src, lupdate = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = os.path.join(tmp, "scratch.ts")
        subprocess.run([lupdate, "-silent", os.path.join(src, "gui", "app"), os.path.join(src, "gui", "core"),
                        "-ts", scratch], check=True)
        wanted = set(messages(scratch))
    if len(wanted) < 50:
        failures.append("lupdate found only %d strings: the scan is broken" % len(wanted))
    for lang in ALL:
        path = os.path.join(src, "translations", "ptdispatcher_%s.ts" % lang)
        have = messages(path)
        for key in sorted(wanted - set(have)):
            failures.append("%s: not in the .ts (run the update_translations target): %s / %r" % (lang, key[0], key[1]))
        for (ctx, source), (text, kind) in have.items():
            if lang in COMPLETE and (kind == "unfinished" or not text.strip()):
                failures.append("%s: unfinished: %s / %r" % (lang, ctx, source))
                continue
            if text and sorted(re.findall(r"%\d", source)) != sorted(re.findall(r"%\d", text)):
                failures.append("%s: placeholders differ: %r -> %r" % (lang, source, text))
        direction = have.get(("QGuiApplication", "QT_LAYOUT_DIRECTION"), ("", ""))[0]
        if direction != ("RTL" if lang == "fa" else "LTR"):
            failures.append("%s: QT_LAYOUT_DIRECTION is %r" % (lang, direction))
        print("%s: %d strings checked" % (lang, len(have)))
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
