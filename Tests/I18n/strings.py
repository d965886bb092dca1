#!/usr/bin/env python3
"""Lists every text a person reads in Data/ with the key a translation file uses for it.

    python3 Tests/I18n/strings.py [DATA_DIR]            # JSON: [{"key", "source", "text"}, ...]
    python3 Tests/I18n/strings.py --check FILE [DATA]   # a translation file against the data
    python3 Tests/I18n/strings.py --todo FILE [DATA]    # what FILE lacks: texts to send to a translator
    python3 Tests/I18n/strings.py --merge FILE NEW      # adds NEW's entries to FILE, drops stale ones

A key is the file, then the path to the string: objects by key, array elements by their "id" (or
"number"), other array elements by position: `standards/18-case-management.json#keyActions[18.1.1].text`.
"source" is the FNV-1a 64-bit hash (16 hex digits) of the English text's UTF-8 bytes: a translation
whose source no longer matches was made from an older English text and must be redone. Identifiers,
targets, provenance and the files' own notices are not texts to translate.
"""
import json
import os
import sys

SKIP_KEYS = {
    "id", "actor", "phase", "part", "stage", "group", "letter", "target", "provenance",
    "notice", "type", "disaggregation", "officialId", "cpms", "$schema", "basis", "standards", "function",
}


def fnv64(text):
    value = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        value ^= byte
        value = (value * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % value


def walk(node, path, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in SKIP_KEYS:
                continue
            # A standard's "strategies" lists INSPIRE ids; inspire.json's are the strategies themselves.
            if key == "strategies" and isinstance(value, list) and all(isinstance(v, str) for v in value):
                continue
            walk(value, path + ("." if path else "") + key, out)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            label = index
            if isinstance(value, dict):
                if isinstance(value.get("id"), str):
                    label = value["id"]
                elif "number" in value:
                    label = value["number"]
            walk(value, "%s[%s]" % (path, label), out)
    elif isinstance(node, str):
        out.append((path, node))


def strings(data_dir):
    files = sorted(f for f in os.listdir(data_dir) if f.endswith(".json"))
    files += sorted("standards/" + f for f in os.listdir(os.path.join(data_dir, "standards")) if f.endswith(".json"))
    result = []
    for name in files:
        found = []
        walk(json.load(open(os.path.join(data_dir, name), encoding="utf-8")), "", found)
        for path, text in found:
            result.append({"key": "%s#%s" % (name, path), "source": fnv64(text), "text": text})
    return result


def check(translation_path, data_dir):
    translation = json.load(open(translation_path, encoding="utf-8"))
    entries = translation.get("entries", {})
    wanted = {s["key"]: s for s in strings(data_dir)}
    missing = [k for k in wanted if k not in entries]
    stale = [k for k in wanted if k in entries and entries[k].get("source") != wanted[k]["source"]]
    unknown = [k for k in entries if k not in wanted]
    empty = [k for k, v in entries.items() if not str(v.get("text", "")).strip()]
    for label, keys in (("missing", missing), ("stale", stale), ("unknown", unknown), ("empty", empty)):
        for key in keys:
            print("%s: %s: %s" % (translation_path, label, key))
    print("%s: %d texts, %d translated, %d missing, %d stale, %d unknown, %d empty" % (
        translation_path, len(wanted), len(wanted) - len(missing) - len(stale), len(missing), len(stale),
        len(unknown), len(empty)))
    return 1 if missing or stale or unknown or empty else 0


def todo(translation_path, data_dir):
    entries = json.load(open(translation_path, encoding="utf-8")).get("entries", {})
    return [s for s in strings(data_dir) if entries.get(s["key"], {}).get("source") != s["source"]]


def merge(translation_path, new_path, data_dir):
    translation = json.load(open(translation_path, encoding="utf-8"))
    new = json.load(open(new_path, encoding="utf-8")).get("entries", {})
    wanted = {s["key"]: s["source"] for s in strings(data_dir)}
    merged = {}
    for key, source in wanted.items():
        for candidate in (new.get(key), translation["entries"].get(key)):
            if candidate and candidate.get("source") == source:
                merged[key] = candidate
                break
    translation["entries"] = merged
    with open(translation_path, "w", encoding="utf-8") as out:
        json.dump(translation, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return check(translation_path, data_dir)


if __name__ == "__main__":
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Data")
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        sys.exit(check(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else here))
    if len(sys.argv) > 1 and sys.argv[1] == "--todo":
        print(json.dumps(todo(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else here), ensure_ascii=False, indent=1))
        sys.exit(0)
    if len(sys.argv) > 1 and sys.argv[1] == "--merge":
        sys.exit(merge(sys.argv[2], sys.argv[3], here))
    print(json.dumps(strings(sys.argv[1] if len(sys.argv) > 1 else here), ensure_ascii=False, indent=1))
