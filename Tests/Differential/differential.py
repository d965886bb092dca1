#!/usr/bin/env python3
"""Differential test: `cpms validate` against the published JSON Schemas (Data/schema/*.schema.json).

Generates, from a seed, valid and mutated contextualization and workshop files (missing and unknown keys,
type changes, out-of-range numbers, numbers spelled 18.0 or 1.8e1, ids of every malformed shape, duplicates,
Unicode of every kind, deep nesting, BOM, CRLF), checks each with `cpms validate --format json` and with
check-jsonschema, and fails on any file where they disagree, except where cpms rejects a file only for rules
that the committed allow-list (allowlist.json) documents as "cpms is stricter than the schema". A file cpms
accepts and the schema rejects is always a failure, and so is any crash of cpms.

check-jsonschema itself crashes (RecursionError) on very deep nesting: such files are counted as skipped, with
the reason. A UTF-8 byte order mark is not part of the JSON text (RFC 8259 lets parsers ignore it, cpms does,
check-jsonschema does not): the schema side checks the same file without it.

Usage: differential.py --cpms .build/debug/cpms --count 400 [--seed 12] [--keep DIR] [--check-jsonschema PATH]
"""

import argparse
import copy
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
CONTEXT_TAG = "contextualization/1"
WORKSHOP_TAG = "workshop/1"


# MARK: - JSON with the spellings the standard library will not write


class Raw:
    """A token written as is: a number spelled 1.8e1, or text that is not JSON at all (NaN)."""

    def __init__(self, text):
        self.text = text

    def __eq__(self, other):
        return isinstance(other, Raw) and other.text == self.text

    def __repr__(self):
        return "Raw(%r)" % self.text


class Obj:
    """An object as a list of members, so that a key can be written twice."""

    def __init__(self, members):
        self.members = list(members)

    def __repr__(self):
        return "Obj(%r)" % self.members


class Nested:
    """`depth` arrays nested in one another around `inner`, written without recursion."""

    def __init__(self, depth, inner=0):
        self.depth = depth
        self.inner = inner


def dump(value, style, level=0):
    pretty = style["pretty"]
    pad = "\n" + style["indent"] * (level + 1) if pretty else ""
    end = "\n" + style["indent"] * level if pretty else ""
    sep = ": " if pretty else ":"
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Nested):
        return "[" * value.depth + dump(value.inner, style, level) + "]" * value.depth
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, str):
        surrogate = any(0xD800 <= ord(c) <= 0xDFFF for c in value)
        return json.dumps(value, ensure_ascii=style["ascii"] or surrogate)
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[" + ",".join(pad + dump(v, style, level + 1) for v in value) + end + "]"
    members = value.members if isinstance(value, Obj) else list(value.items())
    if not members:
        return "{}"
    return "{" + ",".join(pad + dump(k, style, level + 1) + sep + dump(v, style, level + 1) for k, v in members) + end + "}"


def file_bytes(doc, rng, notes):
    style = {"pretty": rng.random() < 0.8, "indent": rng.choice(["  ", "    ", "\t"]), "ascii": rng.random() < 0.3}
    text = dump(doc, style) + ("\n" if rng.random() < 0.8 else "")
    if rng.random() < 0.12:
        text = text.replace("\n", "\r\n")
        notes.append("CRLF line endings")
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.08:
        data = b"\xef\xbb\xbf" + data
        notes.append("byte order mark")
    return data


# MARK: - The CPMS as the files name it


class Catalog:
    def __init__(self):
        self.standards = {}
        for path in sorted(glob.glob(os.path.join(ROOT, "Data", "standards", "*.json"))):
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            sections = {}
            for action in data["keyActions"]:
                sections.setdefault(int(action["id"].split(".")[1]), action["phase"])
            self.standards[data["number"]] = {
                "pillar": data["pillar"],
                "actions": [a["id"] for a in data["keyActions"]],
                "indicators": [i["id"] for i in data["indicators"]],
                "sections": sections,
            }
        self.pillars = {}
        for number, standard in self.standards.items():
            self.pillars.setdefault(standard["pillar"], []).append(number)


# MARK: - Values, valid and not

VALID_TEXTS = [
    "Local wording agreed by the group.",
    "Protección de la niñez: gestión de casos con enfoque diferencial.",
    "Prise en charge des enfants non accompagnés — « priorité » du groupe.",
    "\u2067حماية الطفل في حالات الطوارئ\u2069 (Arabic wrapped in isolates, as editors save it)",
    "\u2066LTR\u2069 and \u2068first strong\u2069 isolates",
    "Line one\r\nline two (a Windows line break)",
    "Line one\nline two\ttabbed",
    "Girls 👧🏽 and boys 👦🏿; a family 👨‍👩‍👧",
    "Cafe\u0301 with a combining accent",
    "児童保護の最低基準",
    "\u200bstarts with a zero-width space but shows text",
    "ends with a byte order mark\ufeff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP",
    "שלום עולם",
    "x",
    "tab\tin the middle",
    "soft\u00adhyphen",
    "a" * 3000,
]

INVISIBLE = [
    "", " ", "   ", "\t", "\n", "\r\n", "\ufeff", "\ufeff\ufeff", "\u200b", "\u200c\u200d", "\u00a0", "\u2028",
    "\u2029", "\u3000", "\u034f", "\u180e", "\u2060", "\ufe0f", "\u00ad", "\u061c", "\u200e\u200f", "\u3164",
    "\uffa0", "\u115f", "\u2066\u2069", " \ufeff \u200b ", "\u1680", "\u202f", "\u205f", "\u17b4",
]

FORBIDDEN = [
    "\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u000e", "\u001b[2J", "\u001f", "\u007f",
    "\u0080", "\u0085", "\u009b", "\u009f", "\r", "\n\r", "\r\r\n", "\u202a", "\u202b", "\u202c", "\u202d",
    "\u202e",
]

NUMBER_SPELLINGS_WHOLE = ["{n}.0", "{n}.00", "{a}.{b}e1", "{n}0e-1", "{n}e0", "{a}.{b}E+1", "{n}.000e0", "0.{n}e2"]
NUMBER_SPELLINGS_NOT = ["{n}.5", "{a}.{b}5e1", "-{n}", "{n}e-1", "1e400", "-1e400", "1e-400", "-0", "0", "29",
                        "1000000000000000000000", "28.000000001", "3.0e-1", "-0.0", "100", "1E2"]

BAD_KEY_ACTION_IDS = [
    "{s}.02.1", "+{s}.2.1", "0{s}.2.1", "{s}.2.01", "{s}.2.012", "{s}.+2.1", "{s}.2.+1", "-{s}.2.1", "{s}.2",
    "{s}..1", "{s}.2.", ".{s}.2.1", "{s}.2.1.1", "{s}.2.0", "{s}.0.1", "0.2.1", "{s}.a.1", "{s} .2.1", " {s}.2.1",
    "{s}.2.1 ", "{s}.2.1\n", "١٨.٢.١", "１８.２.１", "{s}.2.1\u200b", "{s},2,1", "{s}.2.1e0", "{s}.2.0x1", "",
    "{s}.2.99999999999999999999", "99999999999999999999.2.1", "{s}.L1.1",
]
BAD_INDICATOR_IDS = [
    "{s}.01", "+{s}.1", "0{s}.1", "{s}.+1", "{s}.0", "{s}", "{s}.", ".1", "{s}.1.1", "{s}.a", "{s}.L1", "{s}. 1",
    "{s}.1 ", "{s}.1\n", "１８.１", "{s}.-1", "{s}.99999999999999999999", "{s}.9", "0.1",
]
BAD_LOCAL_IDS = [
    "{s}.L007", "{s}.L+1", "{s}.L0", "{s}.l1", "{s}.L", "{s}.1", "0{s}.L1", "+{s}.L1", "{s}.L1.1", "{s}L1",
    "{s}.L 1", "{s}.L-1", "{s}.LL1", "{s}.L١", "{s}.L1\n", "{s}.L01", "{t}.L1", "{s}.L99999999999999999999",
]

TARGET_VALID = [
    "80%", "0%", "100%", "100.0%", "100.000%", "0.5%", "99.99%", "7%", "yes", "no", "YES", "No", "Set In Context",
    "set in context", "25", "0", "0.25", "1000000000000000", "1000000000000000.000", "999999999999999.9999",
    " 80% ", "\t80%\n", "80%\u2028", "\u000b80%", "\u00a080%\u00a0", "\ufeff90%", "\u3000yes\u3000", "\r\n25\r\n",
    "\u2029no", "\u202f50%", "\u205f12\u1680", "99.9999999999999999999%",
    Raw("25"), Raw("0"), Raw("1e15"), Raw("1000000000000000"), Raw("1.5"), Raw("-0"), Raw("2.5e3"),
    Raw("1000000000000000.0000001"), Raw("1e-400"), Raw("0.000000000000000000000000000000000000000000001"),
]
TARGET_INVALID = [
    "099%", "000050%", "00%", "05%", "100.01%", "100.0000000000000001%", "101%", "-5%", "+5%", "1e2%", "80 %",
    "80%%", "%80", ".5%", "5.%", "yes.", "set  in context", "setincontext", "maybe", "", " ", "007", "01",
    "-5", "+5", "1e3", "5.", ".5", "1000000000000001", "1000000000000000.5", "1000000000000000.0000001",
    "99999999999999999999", "\u200b80%", "80%\u200b", "\u00ad80%", "８０%", "٨٠%", "80\u066a", "yes\u0085",
    "\u0085no", "NaN", "Infinity", "0x10",
    Raw("-1"), Raw("-0.5"), Raw("1e400"), Raw("1000000000000001"), Raw("1e16"), Raw("1000000000000000.5"),
    True, False, None, [], {}, ["80%"],
]

LANGUAGES_VALID = ["en", "fr", "es-CO", "ar", "zh-Hans-CN", "sr-Latn", "de-CH-1996", "es-419", "fil"]
LANGUAGES_INVALID = ["english", "e", "fr_FR", "12", "en-", "-en", "en--US", "en-US-", "ar\u200f", "ＥＮ", "en-12345678X",
                     "", " en"]
DATES_VALID = ["2026-03-31", "2028-02-29", "2000-02-29", "1999-12-31"]
DATES_INVALID = ["2026-02-30", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-01",
                 "26-01-01", "2026/01/01", "2026-01-01T00:00:00Z", "2026-01-32", "٢٠٢٦-٠١-٠١", "2026-01-01 "]


def whole_spellings(n):
    s = str(n)
    a, b = s[0], s[1:] or "0"
    return [p.format(n=n, a=a, b=b) for p in NUMBER_SPELLINGS_WHOLE]


# MARK: - Valid documents


def valid_contextualization(rng, catalog):
    numbers = rng.sample(range(1, 29), rng.choice([1, 1, 2, 3, 5]))
    standards = []
    official = iter(range(1, 10_000))  # official ids unique in the file; section 3 is free in cpms's data
    for number in numbers:
        info = catalog.standards[number]
        entry = {"number": number}
        for key in ["title", "statement", "rationale", "officialStatement"]:
            if rng.random() < 0.4:
                entry[key] = rng.choice(VALID_TEXTS)
        if rng.random() < 0.6:
            actions = []
            for action_id in rng.sample(info["actions"], rng.randint(1, 3)):
                actions.append({"id": action_id, "text": rng.choice(VALID_TEXTS)})
            if rng.random() < 0.5:
                section = rng.choice(sorted(info["sections"]))
                used = [int(a.split(".")[2]) for a in info["actions"] if int(a.split(".")[1]) == section]
                actions.append({
                    "id": "%d.%d.%d" % (number, section, max(used) + rng.randint(1, 5)), "added": True,
                    "phase": info["sections"][section], "text": rng.choice(VALID_TEXTS)})
            if rng.random() < 0.2:
                actions[0]["added"] = False
            entry["keyActions"] = actions
        if rng.random() < 0.6:
            indicators = []
            for indicator_id in rng.sample(info["indicators"], rng.randint(1, len(info["indicators"]))):
                indicator = {"id": indicator_id}
                for key in ["text", "definition", "method", "frequency", "dataSource", "note"]:
                    if rng.random() < 0.25:
                        indicator[key] = rng.choice(VALID_TEXTS)
                if rng.random() < 0.6:
                    indicator["target"] = rng.choice(TARGET_VALID)
                if rng.random() < 0.2:
                    indicator["officialId"] = "%d.3.%d" % (number, next(official))
                    indicator["officialText"] = rng.choice(VALID_TEXTS)
                if rng.random() < 0.3:
                    indicator["disaggregation"] = rng.sample(["sex", "age", "disability", "location", "âge"], 3)
                indicators.append(indicator)
            entry["indicators"] = indicators
        if rng.random() < 0.4:
            entry["additionalIndicators"] = [
                {"id": "%d.L%d" % (number, k), "text": rng.choice(VALID_TEXTS), "target": rng.choice(TARGET_VALID)}
                for k in range(1, rng.randint(2, 4))
            ]
        standards.append(entry)
    context = {"name": rng.choice(VALID_TEXTS)}
    if rng.random() < 0.5:
        context["language"] = rng.choice(LANGUAGES_VALID)
    if rng.random() < 0.5:
        context["updated"] = rng.choice(DATES_VALID)
    if rng.random() < 0.3:
        context["coordinationGroup"] = rng.choice(VALID_TEXTS)
    return {"cpms": CONTEXT_TAG, "context": context, "standards": standards}


# The example context contextualizes 13, 18 and 23.
EXAMPLE_CONTEXTUALIZED = [13, 18, 23]


def valid_workshop(rng, catalog):
    situation = rng.choice(["none", "contextualized", "plan"])
    doc = {"cpms": WORKSHOP_TAG, "situation": situation}
    if rng.random() < 0.4:
        doc["contextName"] = rng.choice(VALID_TEXTS)
    if rng.random() < 0.4:
        doc["date"] = rng.choice(DATES_VALID)
    if rng.random() < 0.3:
        doc["language"] = rng.choice(LANGUAGES_VALID)
    selection = []
    if situation == "none":
        selection = [rng.choice(catalog.pillars[p]) for p in sorted(catalog.pillars)]
    elif situation == "contextualized":
        contextualized = sorted(rng.sample(range(1, 29), rng.randint(1, 4)))
        if rng.random() < 0.3:
            doc["context"] = "contextualization.json"
            contextualized = EXAMPLE_CONTEXTUALIZED
        else:
            doc["contextualized"] = contextualized
        excepted = [n for n in contextualized if rng.random() < 0.3]
        if excepted:
            doc["exceptions"] = [
                {"standard": n, "reason": rng.choice(["no-consensus", "principle-1", "principle-10", "principle-7"])}
                for n in excepted]
        selection = [n for n in contextualized if n not in excepted]
    else:
        doc["planStandards"] = sorted(rng.sample(range(1, 29), rng.randint(2, 6)))
        if rng.random() < 0.4:
            doc["contextualized"] = sorted(rng.sample(range(1, 29), 2))
        selection = list(doc["planStandards"])
    if rng.random() < 0.35:
        doc["ballots"] = rng.sample(["ballots/amina.csv", "ballots/jean-fr-excel.csv", "ballots/lucia.csv"],
                                    rng.randint(1, 3))
        doc["size"] = rng.randint(max(4, len(selection)), 10)
    else:
        while len(selection) < rng.randint(4, 8):
            n = rng.randint(1, 28)
            if n not in selection:
                selection.append(n)
        doc["select"] = selection[:10]
        rng.shuffle(doc["select"])
    if situation == "none" and rng.random() < 0.2:
        doc["context"] = "contextualization.json"
        doc["contextualized"] = []
    return doc


# MARK: - Mutations


def slots(value, path=()):
    """Every (container, key, path) of a document below the root, for mutations to pick from."""
    out = []
    stack = [(value, path)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, dict):
            for key, child in node.items():
                out.append((node, key, where + (key,)))
                stack.append((child, where + (key,)))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                out.append((node, index, where + (index,)))
                stack.append((child, where + (index,)))
    return out


def slots_named(doc, names):
    return [s for s in slots(doc) if s[2] and s[2][-1] in names]


def last_key(path):
    keys = [p for p in path if isinstance(p, str)]
    return keys[-1] if keys else ""


OTHER_TYPES = [0, 7, 1.5, -3, "x", "", "18", True, False, None, [], {}, [1], {"a": 1}, Raw("1e400"), Raw("-0")]


def m_drop_key(rng, doc, catalog):
    objects = [doc] + [c[k] for c, k, _ in slots(doc) if isinstance(c[k], dict)]
    objects = [o for o in objects if o]
    target = rng.choice(objects)
    key = rng.choice(list(target))
    del target[key]
    return "drop key %r" % key


def typo(rng, key):
    if len(key) < 2:
        return key + "s"
    choice = rng.randrange(5)
    if choice == 0:
        i = rng.randrange(len(key) - 1)
        return key[:i] + key[i + 1] + key[i] + key[i + 2:]
    if choice == 1:
        return key.upper()
    if choice == 2:
        return key + "s"
    if choice == 3:
        return key + "\u200b"
    return " " + key


UNKNOWN_KEYS = ["comment", "$schema", "notes", "x-extra", "", " ", "ключ", "\u0000", "id ", "Number", "TITLE",
                "\ud83d\ude00", "__proto__", "constructor"]


def m_unknown_key(rng, doc, catalog):
    objects = [doc] + [c[k] for c, k, _ in slots(doc) if isinstance(c[k], dict)]
    target = rng.choice(objects)
    if target and rng.random() < 0.6:
        key = typo(rng, rng.choice(list(target)))
    else:
        key = rng.choice(UNKNOWN_KEYS)
    if key in target:
        key = key + "_"
    target[key] = rng.choice(["x", 1, True, None, [], {}])
    return "unknown key %r" % key


def m_type_change(rng, doc, catalog):
    container, key, path = rng.choice(slots(doc))
    old = container[key]
    options = [v for v in OTHER_TYPES if type(v) is not type(old)]
    container[key] = copy.deepcopy(rng.choice(options))
    return "type change at %s to %r" % ("/".join(map(str, path)), container[key])


def m_number_spelling(rng, doc, catalog):
    candidates = [s for s in slots(doc) if isinstance(s[0][s[1]], int) and not isinstance(s[0][s[1]], bool)]
    if not candidates:
        return None
    container, key, path = rng.choice(candidates)
    n = container[key]
    spelling = rng.choice(whole_spellings(n) if rng.random() < 0.6 else NUMBER_SPELLINGS_NOT)
    spelling = spelling.format(n=n, a=str(n)[0], b=str(n)[1:] or "0")
    container[key] = Raw(spelling)
    return "number %s written %s" % ("/".join(map(str, path)), spelling)


def m_text(rng, doc, catalog):
    candidates = [s for s in slots(doc) if isinstance(s[0][s[1]], str)]
    if not candidates:
        return None
    container, key, path = rng.choice(candidates)
    old = container[key]
    kind = rng.randrange(4)
    if kind == 0:
        new = rng.choice(INVISIBLE)
    elif kind == 1:
        bad = rng.choice(FORBIDDEN)
        i = rng.randint(0, len(old))
        new = old[:i] + bad + old[i:]
    elif kind == 2:
        new = rng.choice(VALID_TEXTS)
    else:
        new = rng.choice(INVISIBLE) + old + rng.choice(INVISIBLE)
    container[key] = new
    return "text %s = %r" % ("/".join(map(str, path)), new[:60])


BAD_OFFICIAL_IDS = [
    "{s}.02.1", "+{s}.2.1", "0{s}.2.1", "{s}.2.01", "{s}.2", "{s}.2.1.1", "{s}.0.1", "{s}.2.0", "{s}.L1.1", "",
    "{s}.2.1 ", "{s}.2.999999", "{s}.2.99999999999999999999", "{t}.2.1", "1.2.1", "1.2.2", "{s}.1",
]


def m_official_id(rng, doc, catalog):
    candidates = slots_named(doc, {"officialId"})
    if not candidates:
        return None
    container, key, path = rng.choice(candidates)
    standard = int(path[1]) if len(path) > 1 and isinstance(path[1], int) else 0
    entry = doc["standards"][standard] if isinstance(doc.get("standards"), list) and standard < len(doc["standards"]) else {}
    number = entry.get("number", 18) if isinstance(entry, dict) else 18
    number = number if isinstance(number, int) else 18
    others = [c[k] for c, k, _ in candidates if c is not container]
    if others and rng.random() < 0.3:
        container[key] = rng.choice(others)
    else:
        container[key] = rng.choice(BAD_OFFICIAL_IDS).format(s=number, t=rng.choice([n for n in range(1, 29) if n != number]))
    return "official id %s = %r" % ("/".join(map(str, path)), container[key])


def m_id(rng, doc, catalog):
    candidates = slots_named(doc, {"id"})
    if not candidates:
        return None
    container, key, path = rng.choice(candidates)
    standard = int(str(container[key]).split(".")[0]) if str(container[key]).split(".")[0].isdigit() else 18
    other = rng.choice([n for n in range(1, 29) if n != standard])
    parent = path[-3] if len(path) >= 3 else ""
    if parent == "additionalIndicators":
        pool = BAD_LOCAL_IDS
    elif parent == "keyActions":
        pool = BAD_KEY_ACTION_IDS + ["{t}.1.1", "{s}.9.1", "{s}.1.99"]
    else:
        pool = BAD_INDICATOR_IDS + ["{t}.1", "{s}.L1"]
    new = rng.choice(pool).format(s=standard, t=other)
    container[key] = new
    return "id %s = %r" % ("/".join(map(str, path)), new)


def m_target(rng, doc, catalog):
    candidates = slots_named(doc, {"target"})
    if not candidates:
        return None
    container, key, path = rng.choice(candidates)
    container[key] = copy.deepcopy(rng.choice(TARGET_INVALID if rng.random() < 0.6 else TARGET_VALID))
    return "target %s = %r" % ("/".join(map(str, path)), container[key])


def m_duplicate_entry(rng, doc, catalog):
    lists = [c[k] for c, k, _ in slots(doc) if isinstance(c[k], list) and c[k]]
    if not lists:
        return None
    target = rng.choice(lists)
    target.insert(rng.randint(0, len(target)), copy.deepcopy(rng.choice(target)))
    return "duplicate list entry"


def m_duplicate_key(rng, doc, catalog):
    containers = [(None, None, doc)] + [(c, k, c[k]) for c, k, _ in slots(doc) if isinstance(c[k], dict) and c[k]]
    container, key, obj = rng.choice(containers)
    members = list(obj.items())
    if not members:
        return None
    repeated = rng.choice(members)
    members.insert(rng.randint(0, len(members)), copy.deepcopy(repeated))
    replacement = Obj(members)
    if container is None:
        return ("root", replacement, "duplicate key %r" % repeated[0])
    container[key] = replacement
    return "duplicate key %r" % repeated[0]


def m_deep(rng, doc, catalog):
    container, key, path = rng.choice(slots(doc))
    depth = rng.choice([10, 63, 64, 65, 70, 300, 900, 5000])
    container[key] = Nested(depth, rng.choice([0, "x", {}]))
    return "nested %d deep at %s" % (depth, "/".join(map(str, path)))


def m_tag(rng, doc, catalog):
    doc["cpms"] = rng.choice(["contextualization/2", "Contextualization/1", "workshop/1", "contextualization/1 ",
                              "contextualization", "", 1, None, "contextualization/1\u200b"])
    return "tag %r" % (doc["cpms"],)


def m_language_date(rng, doc, catalog):
    context = doc.get("context") if isinstance(doc.get("context"), dict) else doc
    if rng.random() < 0.5:
        # A contextualization's "context.language", or a workshop's top-level "language".
        context["language"] = rng.choice(LANGUAGES_INVALID + LANGUAGES_VALID)
        return "language %r" % context["language"]
    key = "updated" if doc.get("cpms") == CONTEXT_TAG else "date"
    context[key] = rng.choice(DATES_INVALID + DATES_VALID)
    return "%s %r" % (key, context[key])


def m_standard_number(rng, doc, catalog):
    candidates = slots_named(doc, {"number", "standard", "size"}) + [
        s for s in slots(doc) if len(s[2]) >= 2 and s[2][-2] in ("select", "contextualized", "planStandards")]
    if not candidates:
        return None
    container, key, path = rng.choice(candidates)
    container[key] = rng.choice([0, 29, -1, 3, 11, 4, 10, 28, 1, 100, Raw("28.5"), Raw("1e400"), Raw("-0"),
                                 Raw("99999999999999999999"), "18"])
    return "number %s = %r" % ("/".join(map(str, path)), container[key])


def m_keyaction(rng, doc, catalog):
    actions = [c[k] for c, k, p in slots(doc) if isinstance(c[k], dict) and len(p) >= 2 and p[-2] == "keyActions"]
    if not actions:
        return None
    action = rng.choice(actions)
    choice = rng.randrange(5)
    if choice == 0:
        action["added"] = not action.get("added", False)
    elif choice == 1:
        action["phase"] = rng.choice(["preparedness", "prevention", "response", "Response", "recovery", ""])
    elif choice == 2:
        action.pop("phase", None)
    elif choice == 3:
        action["added"] = rng.choice(["true", 1, None])
    else:
        action["added"] = True
        action["phase"] = rng.choice(["preparedness", "prevention", "response"])
    return "key action %r" % action


def m_indicators(rng, doc, catalog):
    entries = [s for s in doc.get("standards", []) if isinstance(s, dict) and isinstance(s.get("number"), int)]
    if not entries:
        return None
    entry = rng.choice(entries)
    info = catalog.standards.get(entry["number"])
    if not info:
        return None
    entry["indicators"] = [{"id": i} for i in info["indicators"]] + [{"id": info["indicators"][0]}]
    return "too many indicators for %d" % entry["number"]


def m_workshop(rng, doc, catalog):
    choice = rng.randrange(11)
    if choice == 0:
        doc["situation"] = rng.choice(["none", "contextualized", "plan", "Plan", "sometimes", ""])
        return "situation %r" % doc["situation"]
    if choice == 1:
        doc["contextualized"] = sorted(rng.sample(range(1, 29), rng.randint(0, 4)))
        return "contextualized %r" % doc["contextualized"]
    if choice == 2:
        doc["planStandards"] = sorted(rng.sample(range(1, 29), rng.randint(0, 4)))
        return "planStandards %r" % doc["planStandards"]
    if choice == 3:
        n = rng.randint(1, 28)
        doc.setdefault("exceptions", []).append(
            {"standard": n, "reason": rng.choice(["no-consensus", "principle-3", "principle-01", "principle-+1",
                                                 "principle-11", "principle-0", "maybe", "principle-1 "])})
        return "exception %r" % doc["exceptions"][-1]
    if choice == 4:
        doc["select"] = rng.sample(range(1, 29), rng.choice([0, 1, 3, 4, 10, 11, 12]))
        return "select %r" % doc["select"]
    if choice == 5:
        doc["ballots"] = rng.choice([
            ["ballots/nobody.csv"], ["ballots/amina.csv"], ["contextualization.json"], [""], ["ballots/"],
            ["/dev/null"], ["ballots/amina.csv", "./ballots/amina.csv"], ["ballots/lucia.csv", "ballots/lucia.csv"]])
        return "ballots %r" % doc["ballots"]
    if choice == 6:
        doc["context"] = rng.choice(["missing.json", "ballots/amina.csv", "contextualization.json", "."])
        return "context %r" % doc["context"]
    if choice == 7:
        doc.pop("select", None)
        doc.pop("ballots", None)
        return "no selection nor ballots"
    if choice == 8:
        doc["size"] = rng.choice([3, 4, 10, 11, Raw("4.0"), Raw("1e1"), Raw("5.5"), "6"])
        return "size %r" % doc["size"]
    if choice == 9:
        selection = doc.get("select")
        if isinstance(selection, list) and selection:
            selection.pop()
            return "select one fewer"
        return None
    if isinstance(doc.get("exceptions"), list) and doc["exceptions"]:
        doc["exceptions"].append(copy.deepcopy(doc["exceptions"][0]))
        return "exception repeated"
    return None


def m_syntax(rng, doc, catalog):
    container, key, path = rng.choice(slots(doc))
    container[key] = Raw(rng.choice(["NaN", "Infinity", "-Infinity", "'x'", "undefined", "01", "+1", ".5", "1."]))
    return "not JSON: %s" % container[key].text


CONTEXT_MUTATIONS = [
    (m_drop_key, 3), (m_unknown_key, 3), (m_type_change, 3), (m_number_spelling, 3), (m_text, 6), (m_id, 6),
    (m_target, 6), (m_duplicate_entry, 3), (m_duplicate_key, 2), (m_deep, 1), (m_tag, 1), (m_language_date, 3),
    (m_standard_number, 2), (m_keyaction, 3), (m_indicators, 1), (m_syntax, 1), (m_official_id, 3),
]
WORKSHOP_MUTATIONS = [
    (m_drop_key, 3), (m_unknown_key, 2), (m_type_change, 3), (m_number_spelling, 3), (m_text, 3),
    (m_duplicate_entry, 3), (m_duplicate_key, 2), (m_deep, 1), (m_tag, 1), (m_language_date, 2),
    (m_standard_number, 3), (m_workshop, 10), (m_syntax, 1),
]


def example(name):
    with open(os.path.join(ROOT, "Data", "examples", name), encoding="utf-8") as f:
        return json.load(f)


def generate(rng, catalog, index):
    kind = CONTEXT_TAG if rng.random() < 0.6 else WORKSHOP_TAG
    if rng.random() < 0.15:
        # Variants of the bundled examples, as a user editing them would make.
        doc = example("contextualization.json" if kind == CONTEXT_TAG else "workshop.json")
    else:
        doc = valid_contextualization(rng, catalog) if kind == CONTEXT_TAG else valid_workshop(rng, catalog)
    pool = CONTEXT_MUTATIONS if kind == CONTEXT_TAG else WORKSHOP_MUTATIONS
    notes = []
    count = rng.choice([0, 0, 1, 1, 1, 2, 3])
    for _ in range(count):
        mutation = rng.choices([m for m, _ in pool], weights=[w for _, w in pool])[0]
        if not isinstance(doc, dict) or not slots(doc):
            break  # a root rewritten with a repeated key is final
        result = mutation(rng, doc, catalog)
        if isinstance(result, tuple):
            _, doc, result = result
        if result:
            notes.append(result)
    deep = any(n.startswith("nested") and int(n.split()[1]) > 500 for n in notes)
    data = file_bytes(doc, rng, notes)
    name = "%s-%05d.json" % ("ctx" if kind == CONTEXT_TAG else "ws", index)
    return name, kind, data, notes, deep


# MARK: - Running both


def run_cpms(cpms, directory, names):
    """cpms's verdict per file: (valid, [error rules]). Fails on a crash."""
    verdicts = {}
    for start in range(0, len(names), 500):
        batch = names[start:start + 500]
        proc = subprocess.run([cpms, "validate", "--format", "json"] + batch, cwd=directory, capture_output=True)
        # 66: a path does not exist (here a ballot or context named in a workshop); still a verdict.
        if proc.returncode not in (0, 1, 66):
            crashed = []
            for name in batch:
                one = subprocess.run([cpms, "validate", "--format", "json", name], cwd=directory, capture_output=True)
                if one.returncode not in (0, 1, 66):
                    crashed.append("%s (exit %d): %s" % (name, one.returncode, one.stderr.decode(errors="replace")[-300:]))
            raise SystemExit("cpms validate crashed or failed:\n" + "\n".join(crashed or ["(batch) exit %d" % proc.returncode]))
        output = json.loads(proc.stdout)
        for entry in output["files"]:
            rules = sorted({f["rule"] for f in entry["findings"] if f["severity"] == "error"})
            verdicts[entry["path"]] = (entry["valid"], rules, entry.get("kind"))
    return verdicts


def run_schema(checker, schema, directory, names, deep):
    """The schema's verdict per file: True (valid), False, or a string saying why it was skipped."""
    verdicts = {}
    shallow = [n for n in names if n not in deep]
    for start in range(0, len(shallow), 500):
        batch = shallow[start:start + 500]
        verdicts.update(schema_batch(checker, schema, directory, batch))
    for name in names:
        if name in deep:
            verdicts.update(schema_batch(checker, schema, directory, [name]))
    return verdicts


def schema_batch(checker, schema, directory, batch):
    proc = subprocess.run(
        [checker, "--schemafile", schema, "--output-format", "json", "--traceback-mode", "short"] + batch,
        cwd=directory, capture_output=True)
    try:
        output = json.loads(proc.stdout)
    except ValueError:
        output = None
    if output is None or proc.returncode not in (0, 1):
        text = (proc.stdout + proc.stderr).decode(errors="replace")
        if len(batch) == 1:
            if "RecursionError" in text:
                return {batch[0]: "check-jsonschema crashed (RecursionError) on deep nesting"}
            raise SystemExit("check-jsonschema failed on %s:\n%s" % (batch[0], text[-2000:]))
        result = {}
        for name in batch:
            result.update(schema_batch(checker, schema, directory, [name]))
        return result
    failed = {e["filename"] for e in output.get("errors", [])} | {e["filename"] for e in output.get("parse_errors", [])}
    return {name: name not in failed for name in batch}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cpms", default=os.path.join(ROOT, ".build", "debug", "cpms"))
    parser.add_argument("--check-jsonschema", default=shutil.which("check-jsonschema") or "check-jsonschema")
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--allowlist", default=os.path.join(HERE, "allowlist.json"))
    parser.add_argument("--keep", help="write the files to this folder and keep them")
    parser.add_argument("--schema-dir", default=os.path.join(ROOT, "Data", "schema"),
                        help="the schemas to check against (to try other versions)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    with open(args.allowlist, encoding="utf-8") as f:
        allowlist = json.load(f)
    allowed = {}
    for entry in allowlist["rules"]:
        allowed.setdefault(entry["kind"], set()).add(entry["rule"])

    catalog = Catalog()
    rng = random.Random(args.seed)
    directory = args.keep or tempfile.mkdtemp(prefix="cpms-differential-")
    os.makedirs(os.path.join(directory, "schema-side"), exist_ok=True)
    shutil.copy(os.path.join(ROOT, "Data", "examples", "contextualization.json"), directory)
    shutil.copytree(os.path.join(ROOT, "Data", "examples", "ballots"), os.path.join(directory, "ballots"),
                    dirs_exist_ok=True)

    files = []
    for index in range(args.count):
        name, kind, data, notes, deep = generate(rng, catalog, index)
        with open(os.path.join(directory, name), "wb") as f:
            f.write(data)
        # The schema side reads the JSON text: the same bytes without a byte order mark.
        schema_name = "schema-side/" + name
        with open(os.path.join(directory, schema_name), "wb") as f:
            f.write(data[3:] if data.startswith(b"\xef\xbb\xbf") else data)
        files.append({"name": name, "kind": kind, "notes": notes, "deep": deep, "schema_name": schema_name})

    cpms_verdicts = run_cpms(os.path.abspath(args.cpms), directory, [f["name"] for f in files])
    # Each file is checked against the schema of the format it says it is, else of the one it was made from.
    by_schema = {}
    for f in files:
        tag = cpms_verdicts[f["name"]][2] or f["kind"]
        f["schema_kind"] = tag
        by_schema.setdefault(tag, []).append(f)
    schema_verdicts = {}
    for tag, group in by_schema.items():
        schema = os.path.join(os.path.abspath(args.schema_dir), tag.split("/")[0] + ".schema.json")
        deep = {f["schema_name"] for f in group if f["deep"]}
        schema_verdicts.update(run_schema(args.check_jsonschema, schema, directory,
                                          [f["schema_name"] for f in group], deep))

    counts = {"both accept": 0, "both reject": 0}
    stricter = {}
    skipped = {}
    cpms_only_accepts = []
    disagreements = []
    for f in files:
        valid, rules, _ = cpms_verdicts[f["name"]]
        schema_valid = schema_verdicts[f["schema_name"]]
        if isinstance(schema_valid, str):
            skipped[schema_valid] = skipped.get(schema_valid, 0) + 1
            continue
        if valid and schema_valid:
            counts["both accept"] += 1
        elif not valid and not schema_valid:
            counts["both reject"] += 1
        elif valid:
            cpms_only_accepts.append(f)
        else:
            kind_rules = allowed.get(f["schema_kind"], set()) | allowed.get("*", set())
            if rules and all(rule in kind_rules for rule in rules):
                key = ", ".join(rules)
                stricter[key] = stricter.get(key, 0) + 1
            else:
                f["rules"] = rules
                disagreements.append(f)

    def show(f):
        return "  %s (%s): %s%s" % (f["name"], f["schema_kind"], "; ".join(f["notes"]) or "no mutation",
                                    " -> cpms: " + ", ".join(f.get("rules", [])) if f.get("rules") else "")

    print("Differential run: %d generated files, seed %d (cpms %s, check-jsonschema %s)"
          % (args.count, args.seed, os.path.relpath(args.cpms, ROOT) if args.cpms.startswith(ROOT) else args.cpms,
             args.check_jsonschema))
    print()
    print("| outcome | files |")
    print("|---|---:|")
    print("| files generated | %d |" % args.count)
    print("| both accept | %d |" % counts["both accept"])
    print("| both reject | %d |" % counts["both reject"])
    print("| cpms stricter, allow-listed | %d |" % sum(stricter.values()))
    for key in sorted(stricter):
        print("| &nbsp;&nbsp;by rule: %s | %d |" % (key, stricter[key]))
    for reason in sorted(skipped):
        print("| skipped: %s | %d |" % (reason, skipped[reason]))
    print("| cpms accepts, schema rejects | %d |" % len(cpms_only_accepts))
    print("| other disagreements | %d |" % len(disagreements))
    if cpms_only_accepts:
        print("\ncpms accepts, the schema rejects (never allowed):")
        for f in cpms_only_accepts:
            print(show(f))
    if disagreements:
        print("\ncpms rejects for rules not in %s:" % os.path.relpath(args.allowlist, ROOT))
        for f in disagreements:
            print(show(f))
    if not args.keep:
        shutil.rmtree(directory, ignore_errors=True)
    else:
        print("\nThe files are in %s (the schema side's copies in schema-side/)." % directory)
    failed = len(cpms_only_accepts) + len(disagreements)
    print("\ndifferential: %d passed, %d failed" % (args.count - failed - sum(skipped.values()), failed)
          + (", %d skipped" % sum(skipped.values()) if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
