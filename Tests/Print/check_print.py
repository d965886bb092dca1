#!/usr/bin/env python3
"""Checks the HTML workshop pack the way a facilitator uses it: printed from a real browser.

For A4 and for US Letter it prints the pack with headless Chromium, then reads every word's box
with `pdftotext -bbox` and checks that
  - no word lies outside the page's printable area (5 mm from each edge), and no word of the body
    lies outside the page's content box (the margins set by the pack), so nothing is cut;
  - every part (and so every selected standard) starts at the top of a new page;
  - no character of the text is missing from the PDF (nothing clipped), and no worksheet item or
    indicator grid is split between two pages;
and reports the page count and the page each part starts on.

It also checks the HTML itself: well-formed (every element closed in order, html.parser reports
nothing), no external references (no src, no href leaving the page, no @import or url()), and a
hostile context name appears only as text. Finally it converts the Markdown pack to Word with
pandoc and checks the document opens with python-docx and no table is wider than the page.

Usage: check_print.py CPMS_BINARY OUTPUT_DIR   (run from the package root; see `make test-print`)
"""

import collections
import html
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

MM = 72 / 25.4
SAFE_EDGE = 5 * MM  # what most printers can reach
MARGINS = {}  # the page margins the pack's @page rule sets, read from the HTML by page_margins()
TOLERANCE = 1.0  # points: glyph boxes may overhang their line box slightly
MAX_WORD_COLUMNS = 6
HOSTILE = "Zone | A \"quoted\" 'single'\n<script>alert(1)</script> & </style> \u05e2\u05d1\u05e8\u05d9\u05ea \u202eRTL"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("Chromium is not installed: run Tests/Print/setup.sh")


# MARK: HTML checks


class StrictParser(html.parser.HTMLParser):
    """Records the tag structure and every text and attribute, and what is wrong with them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.text = []
        self.attributes = []
        self.headings = []  # (id, text) of each h1
        self.style = []
        self.tags = []
        self._capture = None
        self._hidden = None  # the depth of a screen-only element being read (not printed)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))
            if "screen-only" in (dict(attrs).get("class") or "").split() and self._hidden is None:
                self._hidden = len(self.stack)
        if tag == "h1":
            self._capture = [dict(attrs).get("id", ""), ""]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append(f"end tag for void element </{tag}> at {self.getpos()}")
            return
        if not self.stack or self.stack[-1][0] != tag:
            expected = self.stack[-1] if self.stack else None
            self.errors.append(f"</{tag}> at {self.getpos()} closes {expected}")
            return
        if self._hidden == len(self.stack):
            self._hidden = None
        self.stack.pop()
        if tag == "h1" and self._capture:
            self.headings.append((self._capture[0], " ".join(self._capture[1].split())))
            self._capture = None

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "style":
            self.style.append(data)
        elif (self.stack and self.stack[-1][0] in ("title", "desc")) or self._hidden is not None:
            pass
        else:
            self.text.append(data)
        if self._capture is not None:
            self._capture[1] += data

    def handle_decl(self, decl):
        if decl.lower() != "doctype html":
            self.errors.append(f"unexpected declaration {decl}")

    def unknown_decl(self, data):
        self.errors.append(f"unknown declaration {data}")

    def handle_pi(self, data):
        self.errors.append(f"processing instruction {data}")


def parse(path):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    parser = StrictParser()
    parser.feed(source)
    parser.close()
    if parser.stack:
        parser.errors.append(f"unclosed elements: {parser.stack}")
    return source, parser


def page_margins(style):
    """Reads `margin: T R B L` (millimetres) from the style sheet's @page rule into MARGINS."""
    match = re.search(r"@page\s*\{[^@]*?margin:\s*([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm", style)
    if not match:
        raise SystemExit("the HTML pack's @page rule gives no margins in mm")
    MARGINS.update(zip(("top", "right", "bottom", "left"), (float(value) * MM for value in match.groups())))


def check_html(path, label):
    source, parser = parse(path)
    page_margins("".join(parser.style))
    for error in parser.errors:
        fail(f"{label}: not well-formed: {error}")
    if not source.startswith("<!DOCTYPE html>\n"):
        fail(f"{label}: no doctype")
    for tag in ("script", "iframe", "object", "embed", "img", "link", "base"):
        if tag in parser.tags:
            fail(f"{label}: has a <{tag}> element")
    for tag, name, value in parser.attributes:
        if name == "src" or name == "srcset":
            fail(f"{label}: <{tag} {name}> loads {value!r}")
        if name == "href" and not value.startswith("#"):
            fail(f"{label}: <{tag} href={value!r}> leaves the page")
        if name.startswith("on"):
            fail(f"{label}: <{tag} {name}> is a script")
        if name == "style" and re.search(r"url\s*\(|@import|expression", value, re.I):
            fail(f"{label}: inline style loads something: {value!r}")
    style = "".join(parser.style)
    if re.search(r"@import|url\s*\(|@font-face", style, re.I):
        fail(f"{label}: the style sheet loads something")
    if re.search(r"https?:|//[a-z0-9]", source.replace("alliancecpha.org", ""), re.I):
        fail(f"{label}: mentions a network address")
    ids = [value for _, name, value in parser.attributes if name == "id"]
    if len(ids) != len(set(ids)):
        fail(f"{label}: duplicate ids")
    for tag, name, value in parser.attributes:
        if name == "href" and value[1:] not in ids:
            fail(f"{label}: link to #{value[1:]} has no target")
    headings_without_id = len(re.findall(r"<h[1-6]>", source))
    if headings_without_id:
        fail(f"{label}: {headings_without_id} headings without an id")
    return parser


def check_hostile(binary, out):
    path = os.path.join(out, "hostile.html")
    run([binary, "pack", "--workshop", "Data/examples/workshop.json", "--format", "html", "--context-name", HOSTILE,
         "-o", path, "--force"])
    parser = check_html(path, "hostile pack")
    flat = " ".join(HOSTILE.split())
    title = [text for (id_, text) in parser.headings if id_ == "cover"]
    if title != [f"Workshop pack: {flat}"]:
        fail(f"hostile pack: the cover title is {title!r}")
    descriptions = [value for tag, name, value in parser.attributes if tag == "meta" and name == "content"
                    and value.startswith("CPMS workshop pack for")]
    if descriptions != [f"CPMS workshop pack for {HOSTILE.replace(chr(10), ' ')}, 14 October 2026"]:
        fail(f"hostile pack: the description attribute is {descriptions!r}")
    if "script" in parser.tags:
        fail("hostile pack: the context name made a <script> element")
    if "<" in "".join(parser.style):
        fail("hostile pack: a '<' reached the style sheet")
    print("hostile context name: only text (cover title, description attribute, running header string)")
    return path


# MARK: PDF checks


def print_pdf(source, pdf, profile):
    run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         "--user-data-dir=" + profile, "--print-to-pdf=" + pdf, "file://" + os.path.abspath(source)])


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def pages(pdf):
    text = run(["pdftotext", "-bbox", pdf, "-"])
    result = []
    for width, height, body in PAGE.findall(text):
        words = [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in WORD.findall(body)]
        result.append((float(width), float(height), words))
    return result


def characters(text):
    """How often each visible character occurs (compatibility forms folded, so ligatures compare)."""
    folded = unicodedata.normalize("NFKC", text)
    return collections.Counter(c for c in folded if not c.isspace() and unicodedata.category(c)[0] != "C")


def logical(word):
    """pdftotext gives an Arabic word's letters in visual order (right to left reversed): put them back."""
    return word[::-1] if any("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff" for c in word) else word


def letters(text):
    """The letters and digits of a text, compatibility forms folded (Arabic presentation forms)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c)[0] in "LN")


def split_labels(language):
    """The first and last labels of a worksheet item and of an indicator's grid, in the pack's language
    (from Data/i18n/interface/pack.json): on each page they come in pairs, or something is split."""
    import json
    with open("Data/i18n/interface/pack.json", encoding="utf-8") as handle:
        texts = json.load(handle)["texts"]
    word = lambda key: texts[key][language].split()[0]
    return ((word("pack.sheet.partly"), word("pack.sheet.notes")),
            (word("pack.fill.definition"), word("pack.fill.frequency")))


def check_pdf(pdf, label, headings, expected_size, html_text, language="en"):
    rtl = language == "ar"
    # Arabic vowel marks reach further above and below the line than Latin letters do.
    vertical = 3.0 if rtl else TOLERANCE
    found = pages(pdf)
    # Whatever the browser cuts off is missing from the PDF's text: every character of the page's
    # text must be printed at least as often (the PDF adds list numbers, bullets and the margins).
    printed = characters(" ".join(word for _, height, words in found for _, y0, _, y1, word in words
                                  if y0 >= MARGINS["top"] - vertical and y1 <= height - MARGINS["bottom"] + vertical))
    missing = characters(html_text) - printed
    if missing:
        fail(f"{label}: {sum(missing.values())} characters of the text are not printed (cut off?): "
             + "".join(sorted(missing.elements()))[:80])
    print(f"{label}: {len(found)} pages")
    starts = {}
    for number, (width, height, words) in enumerate(found, 1):
        if abs(width - expected_size[0]) > 2 or abs(height - expected_size[1]) > 2:
            fail(f"{label} page {number}: size {width}x{height}, expected {expected_size}")
        body = []
        for x0, y0, x1, y1, word in words:
            if x0 < SAFE_EDGE or y0 < SAFE_EDGE or x1 > width - SAFE_EDGE or y1 > height - SAFE_EDGE:
                fail(f"{label} page {number}: {word!r} at ({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f}) is outside "
                     "the printable area")
            in_body = y0 >= MARGINS["top"] - vertical and y1 <= height - MARGINS["bottom"] + vertical
            if in_body:
                body.append((y0, x0, word))
                if x0 < MARGINS["left"] - TOLERANCE or x1 > width - MARGINS["right"] + TOLERANCE:
                    fail(f"{label} page {number}: {word!r} at x {x0:.0f}-{x1:.0f} is outside the text area "
                         f"({MARGINS['left']:.0f}-{width - MARGINS['right']:.0f})")
        # A worksheet item (status boxes, then Notes) and an indicator's grid (Definition here first,
        # Frequency below it) are never split between pages: on each page their first and last labels
        # come in pairs.
        labels = [word for _, _, word in body]
        for first, last in split_labels(language):
            if labels.count(first) != labels.count(last):
                fail(f"{label} page {number}: {labels.count(first)} '{first}' but {labels.count(last)} '{last}': "
                     "a worksheet item or an indicator grid is split between pages")
        body.sort()
        if not body:
            continue
        # The first line of the page: the words whose top is within a few points of the first, in
        # reading order (from the right for Arabic).
        first_top = body[0][0]
        line_words = [(x, logical(w) if rtl else w) for y, x, w in body if y - first_top <= 4]
        first_line = " ".join(w for x, w in sorted(line_words, reverse=rtl))
        # Where the line starts: a heading opens at the right margin in Arabic, at the left otherwise.
        ends = [(x0, x1) for x0, y0, x1, y1, w in words
                if y0 >= MARGINS["top"] - vertical and y1 <= height - MARGINS["bottom"] + vertical
                and y0 - first_top <= 4]
        line_start = width - max(x1 for _, x1 in ends) if rtl else min(x0 for x0, _ in ends)
        margin = MARGINS["right"] if rtl else MARGINS["left"]
        for id_, text in headings:
            flat = " ".join(text.split())
            # The heading's first words, or (a long heading wrapped, even inside a word) its first line.
            opens = first_line.startswith(" ".join(text.split()[:4])) or (
                len(first_line) >= 12 and flat.startswith(first_line))
            if rtl:
                # Arabic: the heading's first three words are all on the line, and nothing but the heading
                # (the PDF gives punctuation, vowel marks and ligatures in visual order, so not in sequence).
                line = collections.Counter(letters(first_line))
                opens = not collections.Counter(letters(" ".join(text.split()[:3]))) - line and not (
                    line - collections.Counter(letters(text)))
            if id_ not in starts and opens:
                starts[id_] = number
                if abs(line_start - margin) > 3:
                    side = "right" if rtl else "left"
                    fail(f"{label} page {number}: the heading {flat[:40]!r} starts {line_start:.0f} pt from the "
                         f"{side} edge, not at the {side} margin ({margin:.0f} pt)")
    for id_, text in headings:
        if id_ not in starts:
            fail(f"{label}: part {id_} ({text!r}) does not start at the top of a page")
    standards = [id_ for id_, _ in headings if id_.startswith("standard-")]
    if not standards:
        fail(f"{label}: no selected standard found")
    order = [starts.get(id_, 0) for id_, _ in headings]
    if order != sorted(order):
        fail(f"{label}: parts start out of order: {order}")
    print(f"{label}: parts start on pages " + ", ".join(f"{id_} {starts.get(id_, '?')}" for id_, _ in headings))
    return len(found)


# MARK: Arabic


def check_arabic(binary, out, profile, size):
    """The pack in Arabic reads right to left on paper: the page declares it, each part's heading starts
    at the right margin, and tables and worksheets stay within the text area like the English ones."""
    source = os.path.join(out, "pack-ar.html")
    run([binary, "pack", "--workshop", "Data/examples/workshop.json", "--lang", "ar", "--format", "html", "--paper",
         "a4", "-o", source, "--force"])
    parser = check_html(source, "Arabic pack")
    with open(source, encoding="utf-8") as handle:
        page = handle.read()
    if '<html lang="ar" dir="rtl">' not in page:
        fail("Arabic pack: the page does not declare lang=\"ar\" dir=\"rtl\"")
    if 'dir="ltr">18.2<' not in page:
        fail("Arabic pack: indicator ids such as 18.2 are not isolated left to right")
    pdf = os.path.join(out, "pack-ar.pdf")
    print_pdf(source, pdf, profile)
    count = check_pdf(pdf, "Arabic A4", parser.headings, size, "".join(parser.text), language="ar")
    print(f"Arabic: right to left, every part's heading at the right margin; {count} pages ({pdf})")
    return count


# MARK: Word


def check_word(binary, out):
    pandoc = shutil.which("pandoc")
    if not pandoc:
        fail("pandoc is not installed: run Tests/Print/setup.sh")
        return
    markdown = os.path.join(out, "pack.md")
    docx = os.path.join(out, "pack.docx")
    run([binary, "pack", "--workshop", "Data/examples/workshop.json", "--single-file", "-o", markdown, "--force"])
    run([pandoc, "-f", "gfm", markdown, "-o", docx])
    import docx as python_docx  # installed by setup.sh
    from docx.oxml.ns import qn

    document = python_docx.Document(docx)
    section = document.sections[0]
    # Word's defaults (US Letter, 1 inch margins) when the document does not set a page.
    inch = 914400
    page = section.page_width or int(8.5 * inch)
    usable = page - (section.left_margin or inch) - (section.right_margin or inch)
    widest = 0
    for index, table in enumerate(document.tables, 1):
        columns = len(table.columns)
        widest = max(widest, columns)
        if columns > MAX_WORD_COLUMNS:
            fail(f"Word: table {index} has {columns} columns (at most {MAX_WORD_COLUMNS} fit)")
        grid = table._tbl.tblGrid
        widths = [int(col.get(qn("w:w")) or 0) for col in grid.findall(qn("w:gridCol"))] if grid is not None else []
        total = sum(widths) * 635  # twentieths of a point to EMU
        if total > usable + 635:
            fail(f"Word: table {index} is {total / 12700:.0f} pt wide; the page has {usable / 12700:.0f} pt")
        width = table._tbl.tblPr.find(qn("w:tblW"))
        if width is not None and width.get(qn("w:type")) == "pct" and int(width.get(qn("w:w"))) > 5000:
            fail(f"Word: table {index} is wider than the page ({width.get(qn('w:w'))}/5000)")
    print(f"Word: {docx} opens; {len(document.tables)} tables, at most {widest} columns, "
          f"none wider than the page ({usable / 12700:.0f} pt)")


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    binary, out = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    sizes = {"a4": (595.0, 842.0), "letter": (612.0, 792.0)}
    counts = {}
    with tempfile.TemporaryDirectory() as profile:
        for paper, size in sizes.items():
            source = os.path.join(out, f"pack-{paper}.html")
            run([binary, "pack", "--workshop", "Data/examples/workshop.json", "--format", "html", "--paper", paper,
                 "-o", source, "--force"])
            parser = check_html(source, f"{paper} pack")
            pdf = os.path.join(out, f"pack-{paper}.pdf")
            print_pdf(source, pdf, profile)
            label = "A4" if paper == "a4" else "Letter"
            counts[paper] = check_pdf(pdf, label, parser.headings, size, "".join(parser.text))
        arabic = check_arabic(binary, out, profile, sizes["a4"])
        hostile = check_hostile(binary, out)
        hostile_pdf = os.path.join(out, "hostile.pdf")
        print_pdf(hostile, hostile_pdf, profile)
        hostile_parser = parse(hostile)[1]
        check_pdf(hostile_pdf, "hostile A4", hostile_parser.headings, sizes["a4"], "".join(hostile_parser.text))
        # A name with no place to break a line must wrap, not run off the page.
        long_name = os.path.join(out, "long-name.html")
        run([binary, "pack", "--workshop", "Data/examples/workshop.json", "--format", "html", "--context-name",
             "W" * 200, "-o", long_name, "--force"])
        long_parser = check_html(long_name, "long-name pack")
        print_pdf(long_name, os.path.join(out, "long-name.pdf"), profile)
        check_pdf(os.path.join(out, "long-name.pdf"), "long-name A4", long_parser.headings, sizes["a4"],
                  "".join(long_parser.text))
    check_word(binary, out)
    print(f"Demo pack: {counts['a4']} pages on A4, {counts['letter']} on Letter, {arabic} in Arabic on A4 "
          f"(PDFs in {out}).")
    if failures:
        print(f"{len(failures)} print check(s) failed.")
        sys.exit(1)
    print("All print checks passed.")


if __name__ == "__main__":
    main()
