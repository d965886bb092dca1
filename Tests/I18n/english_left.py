#!/usr/bin/env python3
"""Runs a whole workshop in French, Spanish and Arabic and fails on any English sentence left.

    python3 Tests/I18n/english_left.py CPMS_BINARY [LANG ...]    # default: fr es ar

For each language, with only `LANG=xx_XX.UTF-8` set (no --lang), on the example as a group working in that
language writes it (Data/examples/languages/LANG/: its workshop file names the language) and once on the
English example (no language named: the environment must be enough), it runs what a coordinator runs: help, the ballot (CSV and XLSForm), prioritize (text and Markdown), the pack
(Markdown and HTML), the charts, the monitoring template and report (text and HTML), validate (on the
example, on a broken file and on a file with a JSON syntax error), browse commands, the manual page, and
the mistakes people make: a usage error, ballots that cannot be read (a score of 7, a workbook saved as
.csv, the same file twice) and a --select list that cannot be parsed. Outputs are written to
.build/languages/LANG/ to read afterwards.

A line is English when either
  * it holds a text of cpms's English strings table: the English of every interface text
    (Data/i18n/interface/*.json; a literal run of at least three words between placeholders) and every
    sentence of at least four words of the English content (what Tests/I18n/strings.py lists), or
  * it reads as English: at least three distinct English function words making a fifth of its words
    (this catches English written in code that no table holds).
Not English: what the user wrote (every string of the example's workshop, contextualization, ballot
and monitoring files, removed before checking), proper names (ALLOWED below), ids, numbers, file paths,
CSV column names and HXL tags (machine vocabulary, the same in every language by design), and the
English label column of the XLSForm, which carries every language on purpose.
"""
import csv
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "Data")
EXAMPLES = os.path.join(DATA, "examples")
LOCALES = {"fr": "fr_FR.UTF-8", "es": "es_ES.UTF-8", "ar": "ar_SA.UTF-8"}

# Proper names and titles that stay English in every language.
ALLOWED = [
    "Alliance for Child Protection in Humanitarian Action",
    "Minimum Standards for Child Protection in Humanitarian Action",
    "Child Protection Minimum Standards in Humanitarian Action",
    "Child Protection Minimum Standards",
    "Humanitarian Standards Partnership",
    "Practical Action",
    "Humanitarian Programme Cycle",
    "Inter-Agency Standing Committee",
    "Google Play",
    "App Store",
    "KoboToolbox",
]

FUNCTION_WORDS = {
    "the", "and", "of", "to", "is", "are", "with", "for", "this", "that", "which", "from", "be", "by",
    "it", "as", "an", "at", "when", "will", "has", "have", "can", "should", "each", "their", "its", "was",
    "were", "into", "than", "then", "there", "these", "those", "what", "who", "how", "does", "not", "they",
    "or", "in", "if", "you", "your", "only", "but", "any", "all", "must", "would", "one", "been", "per",
}


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def interface_fragments():
    """Literal runs of at least three words of every English interface text."""
    folder = os.path.join(DATA, "i18n", "interface")
    fragments = set()
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        for key, texts in load_json(os.path.join(folder, name))["texts"].items():
            english = texts.get("en", "")
            if all(texts.get(language) == english for language in LOCALES):
                continue  # the same in every language: a name, a format or a symbol
            for line in english.split("\n"):
                for piece in re.split(r"\{[0-9]\}", line):
                    piece = piece.strip(" :;,.()[]'\"")
                    if re.search(r"--|\bcpms |\bpandoc |\.(json|md|csv|html)\b", piece):
                        continue  # a command line to copy: the same in every language
                    if len(re.findall(r"[A-Za-z]+", piece)) >= 3:
                        fragments.add(piece)
    return fragments


def content_sentences():
    """Sentences of at least four words of the English content that cpms ships."""
    output = subprocess.run(
        [sys.executable, os.path.join(ROOT, "Tests", "I18n", "strings.py"), DATA],
        check=True, capture_output=True, text=True).stdout
    sentences = set()
    for entry in json.loads(output):
        for sentence in re.split(r"(?<=[.;:!?])\s+", entry["text"]):
            sentence = sentence.strip()
            if len(re.findall(r"[A-Za-z]+", sentence)) >= 4:
                sentences.add(sentence)
    return sentences


def user_texts():
    """Every string a user wrote in the example's files: shown as written, in the user's language."""
    texts = set()

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str) and " " in node.strip():
            texts.add(node.strip())

    for folder, _, names in os.walk(EXAMPLES):
        for name in sorted(names):
            if name.endswith(".json"):
                walk(load_json(os.path.join(folder, name)))
            elif name.endswith(".csv"):
                with open(os.path.join(folder, name), encoding="utf-8", newline="") as handle:
                    for row in csv.reader(handle):
                        texts.update(cell.strip() for cell in row if " " in cell.strip())
    # A text may be wrapped across lines in the terminal: any run of spaces matches any run of white space.
    return [re.compile(r"\s+".join(re.escape(word) for word in text.split()))
            for text in sorted(texts, key=len, reverse=True)]


def visible_text(path):
    """What a person reads in a file: tags removed from HTML and SVG, the language's column of an XLSForm."""
    if path.endswith(".xlsx"):
        return xlsform_text(path)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if path.endswith((".html", ".svg")):
        text = re.sub(r"<style.*?</style>", " ", text, flags=re.S)
        text = re.sub(r"<[^>]+>", "\n", text)
        text = html.unescape(text)
    return text


def xlsform_text(path):
    """The cells of the XLSForm's columns for people in the run's language (label::Français (fr), …)."""
    import openpyxl  # installed by Tests/setup.sh

    book = openpyxl.load_workbook(path, read_only=True)
    lines = []
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        if not rows:
            continue
        header = [str(cell or "") for cell in rows[0]]
        wanted = [index for index, name in enumerate(header) if name.endswith("(%s)" % LANGUAGE)]
        for row in rows[1:]:
            lines += [str(row[index]) for index in wanted if index < len(row) and row[index]]
    return "\n".join(lines)


def english_in(text, fragments, sentences, users):
    for pattern in users:
        text = pattern.sub(" ", text)
    for phrase in ALLOWED:
        text = text.replace(phrase, " ")
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        if not re.search(r"[A-Za-z]{3}", line):
            continue
        hits = [fragment for fragment in fragments if fragment in line]
        hits += [sentence for sentence in sentences if sentence in line]
        # File paths with their line:column, rule ids and option names are not words of a sentence.
        prose = re.sub(r"\S*[/.]\S*\.(json|csv|md|html|svg|xlsx)(:[0-9]+)*:?|\[[a-z0-9-]+\]|--[a-z-]+", " ", line)
        words = [word.lower() for word in re.findall(r"[A-Za-z]+", prose)]
        function_words = {word for word in words if word in FUNCTION_WORDS}
        if hits or (len(function_words) >= 3 and len([w for w in words if w in FUNCTION_WORDS]) * 5 >= len(words)):
            found.append((number, line.strip()[:160], hits[:2]))
    return found


def roff_text(page):
    """What `man` shows of a roff page: escapes decoded, fonts and macro names dropped."""
    text = re.sub(r"\\\[u([0-9A-F]{4,6})\]", lambda match: chr(int(match.group(1), 16)), page)
    text = re.sub(r"\\f[BIRP]", "", text).replace("\\-", "-").replace("\\&", "").replace("\\e", "\\")
    lines = []
    for line in text.split("\n"):
        if line.startswith(".\\\""):
            continue  # a comment
        lines.append(re.sub(r"^\.[A-Z]+ ?", "", line).strip('"'))
    return "\n".join(lines)


def run(binary, language, arguments, out_dir, stdin=None, expect_failure=False):
    environment = {"PATH": os.environ.get("PATH", ""), "LANG": LOCALES[language], "SOURCE_DATE_EPOCH": "1791936000"}
    result = subprocess.run(
        [binary] + arguments, cwd=out_dir, env=environment, capture_output=True, text=True, input=stdin)
    if (result.returncode != 0) != expect_failure:
        sys.exit("english_left: '%s' exited %d in %s:\n%s" % (" ".join(arguments), result.returncode, language,
                                                              result.stderr))
    return result.stdout + "\n" + result.stderr


def workshop(binary, language, out_dir):
    """Runs the workshop; returns {what: text a person reads}."""
    # The example as a group working in the language writes it (Data/examples/languages/LANG/); the English
    # example's monitoring rounds, which hold only names and figures.
    workshop_file = os.path.join(EXAMPLES, "languages", language, "workshop.json")
    context = os.path.join(EXAMPLES, "languages", language, "contextualization.json")
    rounds = sorted(os.path.join(EXAMPLES, "monitoring", name)
                    for name in os.listdir(os.path.join(EXAMPLES, "monitoring")) if name.startswith("round"))
    units = os.path.join(EXAMPLES, "monitoring", "units.csv")
    broken = os.path.join(out_dir, "broken-context.json")
    with open(broken, "w", encoding="utf-8") as handle:
        handle.write('{"cpms": "contextualization/1", "context": {"name": ""}, "standards": [{"number": 40}],'
                     ' "extra": 1}\n')
    # A workshop file with a JSON syntax error, and ballots that cannot be read or counted.
    syntax_error = os.path.join(out_dir, "syntax-error.json")
    with open(syntax_error, "w", encoding="utf-8") as handle:
        handle.write('{\n  "cpms": "workshop/1",\n  "situation": "none"\n  "size": 6,\n}\n')
    bad_ballots = {
        "bad-score.csv": b"standard,score\n18,7\n",
        "workbook.csv": b"PK\x03\x04\x14\x00\x06\x00",
        "same-a.csv": b"participant,standard,score\nAmina,18,4\n",
        "same-b.csv": b"participant,standard,score\nAmina,18,4\n",
        "no-score.csv": b"standard,score\n18,\n",
    }
    for name, data in bad_ballots.items():
        with open(os.path.join(out_dir, name), "wb") as handle:
            handle.write(data)
    seen = {}
    steps = [
        ("help", ["--help"]),
        ("pack help", ["pack", "--help"]),
        ("ballot csv", ["ballot", "-o", "ballot.csv", "--force"]),
        ("ballot xlsform", ["ballot", "--format", "xlsform", "-o", "ballot.xlsx", "--force"]),
        ("prioritize", ["prioritize", "--workshop", workshop_file]),
        ("prioritize, English example", ["prioritize", "--workshop", os.path.join(EXAMPLES, "workshop.json")]),
        ("prioritize markdown", ["prioritize", "--workshop", workshop_file, "--format", "markdown"]),
        ("pack", ["pack", "--workshop", workshop_file, "--single-file", "-o", "pack.md", "--force"]),
        ("pack html", ["pack", "--workshop", workshop_file, "--format", "html", "-o", "pack.html", "--force"]),
        ("ranking chart", ["prioritize", "--workshop", workshop_file, "--format", "svg", "-o", "ranking.svg",
                           "--force"]),
        ("monitoring template", ["monitor", "template", "--workshop", workshop_file, "--units", units,
                                 "--period-start", "2026-07-01", "--period-end", "2026-09-30", "-o",
                                 "monitoring.csv", "--force"]),
        ("monitoring report", ["monitor", "report", "--workshop", workshop_file] + rounds),
        ("monitoring report html", ["monitor", "report", "--workshop", workshop_file] + rounds
         + ["--format", "html", "-o", "monitoring.html", "--force"]),
        ("monitoring chart", ["monitor", "report", "--workshop", workshop_file] + rounds
         + ["--format", "svg", "-o", "monitoring.svg", "--force"]),
        ("validate", ["validate", "--context", context, os.path.dirname(context),
                      os.path.join(EXAMPLES, "monitoring")]),
        ("show", ["show", "18"]),
        ("list", ["list"]),
        ("principles", ["principles"]),
    ]
    for what, arguments in steps:
        seen[what + " (terminal)"] = run(binary, language, arguments, out_dir)
    seen["validate, broken file (terminal)"] = run(
        binary, language, ["validate", broken], out_dir, expect_failure=True)
    seen["usage error (terminal)"] = run(
        binary, language, ["pack", "--paper", "legal"], out_dir, expect_failure=True)
    seen["validate, JSON syntax error (terminal)"] = run(
        binary, language, ["validate", syntax_error], out_dir, expect_failure=True)
    seen["prioritize, workshop file with a JSON syntax error (terminal)"] = run(
        binary, language, ["prioritize", "--workshop", syntax_error], out_dir, expect_failure=True)
    for ballots in (["bad-score.csv"], ["workbook.csv"], ["same-a.csv", "same-b.csv"], ["no-score.csv"]):
        arguments = ["prioritize", "--situation", "none"] + [item for name in ballots for item in ("--ballot", name)]
        seen["prioritize, broken ballot %s (terminal)" % " ".join(ballots)] = run(
            binary, language, arguments, out_dir, expect_failure=True)
    seen["bad --select (terminal)"] = run(
        binary, language, ["prioritize", "--situation", "none", "--select", "1,5,9-3"], out_dir, expect_failure=True)
    seen["manual page"] = roff_text(run(binary, language, ["man", "--date", "2026-10-14"], out_dir))
    for name in ("ballot.csv", "ballot.xlsx", "pack.md", "pack.html", "ranking.svg", "monitoring.csv",
                 "monitoring.html", "monitoring.svg"):
        seen[name] = visible_text(os.path.join(out_dir, name))
    return seen


def main():
    global LANGUAGE
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    languages = sys.argv[2:] or ["fr", "es", "ar"]
    fragments, sentences, users = interface_fragments(), content_sentences(), user_texts()
    failures = 0
    for language in languages:
        LANGUAGE = language
        out_dir = os.path.join(ROOT, ".build", "languages", language)
        os.makedirs(out_dir, exist_ok=True)
        for what, text in workshop(binary, language, out_dir).items():
            for number, line, hits in english_in(text, fragments, sentences, users):
                failures += 1
                reason = ("matches '%s'" % hits[0]) if hits else "reads as English"
                print("%s: %s, line %d: %s\n    %s" % (language, what, number, reason, line))
        print("english_left: %s checked (outputs in .build/languages/%s/)." % (language, language))
    if failures:
        sys.exit("english_left: %d English line(s) left in %s." % (failures, ", ".join(languages)))
    print("english_left: no English sentence left in %s." % ", ".join(languages))


LANGUAGE = "fr"
if __name__ == "__main__":
    main()
