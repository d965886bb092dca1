import Foundation
import XCTest

@testable import CPMSCore

/// The HTML pack: self-contained, well-formed, escaped in every context, laid out for print.
final class HTMLPackTests: XCTestCase {
  static let hostileName =
    "Zone | A \"q\" 's'\n<script>alert(1)</script> & </style> \u{05E2}\u{05D1}\u{05E8}\u{05D9}\u{05EA}"

  func catalog() throws -> Catalog { try Catalog.bundled.get() }

  func pack(
    _ selection: [StandardNumber]? = [1, 7, 14, 21], contextName: String? = "Test context", ballots: [Ballot] = [],
    paper: PaperSize = .a4
  ) throws -> String {
    let catalog = try catalog()
    let result = try Prioritizer.run(
      PrioritizationRequest(situation: .none, selection: selection, ballots: ballots), catalog: catalog)
    let request = PackRequest(result: result, contextName: contextName, date: "2026-01-15")
    return WorkshopPack.html(request, catalog: catalog, paper: paper)
  }

  // MARK: escaping

  func testTextAndAttributeEscaping() {
    XCTAssertEqual(HTML.text("a < b & c > d \"q\" 's'"), "a &lt; b &amp; c &gt; d \"q\" 's'")
    XCTAssertEqual(HTML.attribute("a < b & \"q\" 's'\nnext"), "a &lt; b &amp; &quot;q&quot; &#39;s&#39; next")
    XCTAssertEqual(HTML.text("nul\u{0}bell\u{7}"), "nul\u{FFFD}bell\u{FFFD}")
    XCTAssertEqual(HTML.text("\u{05E2}\u{05D1} \u{202E}x"), "\u{05E2}\u{05D1} \u{202E}x")
    XCTAssertEqual(HTML.text("line\r\nbreak"), "line\n\nbreak")
  }

  func testCSSStringsCannotEndTheStringOrTheStyleSheet() {
    let escaped = HTML.cssString("a\"b'c\\d</style><x>&\n\u{1}")
    XCTAssertEqual(escaped, "a\\22 b\\27 c\\5C d\\3C /style\\3E \\3C x\\3E \\26  \\FFFD ")
    for forbidden in ["\"", "'", "<", ">", "\n"] { XCTAssertFalse(escaped.contains(forbidden), forbidden) }
  }

  func testSlugs() {
    XCTAssertEqual(HTML.slug("Session 3: Scoring and selecting"), "session-3-scoring-and-selecting")
    XCTAssertEqual(HTML.slug("Principle 5: Enhance people's safety, dignity"), "principle-5-enhance-people-s")
    XCTAssertEqual(HTML.slug("\u{05E2}\u{05D1}"), "section")
    XCTAssertEqual(HTML.slug("<script>"), "script")
  }

  func testHostileContextNameIsOnlyText() throws {
    let html = try pack(contextName: Self.hostileName)
    XCTAssertFalse(html.contains("<script"))
    XCTAssertEqual(html.components(separatedBy: "</style>").count, 2, "the style sheet ends once")
    XCTAssertTrue(
      html.contains(
        "<h1 id=\"cover\">Workshop pack: <bdi>Zone | A \"q\" 's'\n&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
          + "&lt;/style&gt; \u{05E2}\u{05D1}\u{05E8}\u{05D9}\u{05EA}</bdi></h1>"))
    XCTAssertTrue(
      html.contains(
        "<meta name=\"description\" content=\"CPMS workshop pack for Zone | A &quot;q&quot; &#39;s&#39; "
          + "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/style&gt; "))
    XCTAssertTrue(html.contains("<li><strong>Context:</strong> <bdi>Zone | A \"q\" 's'\n&lt;script&gt;"), "isolated")
    let style = html.components(separatedBy: "<style>")[1].components(separatedBy: "</style>")[0]
    XCTAssertFalse(style.contains("<"))
    XCTAssertTrue(style.contains("CPMS workshop pack: \\2068 Zone | A \\22 q\\22  \\27 s\\27  \\3C script\\3E "))
  }

  func testALongContextNameIsCutInTheRunningHeaderOnly() throws {
    let name = String(repeating: "Province ", count: 20)
    let html = try pack(contextName: name)
    XCTAssertTrue(html.contains("<bdi>\(name.trimmingCharacters(in: .whitespaces))</bdi>"))
    XCTAssertTrue(html.contains(String(repeating: "Province ", count: 6) + "Provi\u{2026}\\2069 \""))
  }

  // MARK: structure

  /// A small check of the structure the print tests verify with html.parser: every element closed
  /// in order, no element that loads anything, ids unique and every link's target present.
  func testWellFormedSelfContainedAndLinked() throws {
    let html = try pack(ballots: [])
    var stack: [String] = []
    let void: Set = ["meta", "col", "br"]
    // The charts are inline SVG, whose empty elements close themselves (`<rect … />`).
    let tags = matches(#"<(/?)([a-zA-Z0-9]+)[^>]*?(/?)>"#, in: html, groups: 3)
    for tag in tags {
      if tag[0] == "/" {
        XCTAssertEqual(stack.popLast(), tag[1], "</\(tag[1])> closes something else")
      } else if !void.contains(tag[1]) && tag[2] != "/" {
        stack.append(tag[1])
      }
    }
    XCTAssertEqual(stack, [])
    let names = Set(tags.map { $0[1] })
    for forbidden in ["script", "img", "link", "iframe", "object", "embed", "base"] {
      XCTAssertFalse(names.contains(forbidden), forbidden)
    }
    for pattern in ["src=", "url(", "@import", "http:", "https:", "@font-face"] {
      XCTAssertFalse(html.contains(pattern), pattern)
    }
    let ids = matches(#" id="([^"]+)""#, in: html, groups: 1).map { $0[0] }
    XCTAssertEqual(ids.count, Set(ids).count, "duplicate ids")
    let targets = matches(#"href="([^"]*)""#, in: html, groups: 1).map { $0[0] }
    XCTAssertGreaterThan(targets.count, 10)
    for target in targets {
      XCTAssertTrue(target.hasPrefix("#") && ids.contains(String(target.dropFirst())), target)
    }
    XCTAssertEqual(matches(#"<h[1-6]>"#, in: html, groups: 0).count, 0, "every heading has an id")
  }

  func testEveryPartIsASectionThatStartsAPage() throws {
    let html = try pack()
    XCTAssertTrue(html.contains("section.part { break-before: page; page-break-before: always; }"))
    let parts = matches(#"<section class="part">\n<h1 id="([^"]+)">"#, in: html, groups: 1).map { $0[0] }
    XCTAssertEqual(
      parts,
      [
        "cover", "agenda", "key-questions", "standard-1", "standard-7", "standard-14", "standard-21", "principles",
        "programme-cycle", "monitoring-framework", "all-standards",
      ])
    for keep in ["tr { break-inside: avoid;", ".keep { break-inside: avoid;", "thead { display: table-header-group; }"]
    {
      XCTAssertTrue(html.contains(keep), keep)
    }
  }

  func testPaperSizes() throws {
    XCTAssertTrue(try pack(paper: .a4).contains("size: A4 portrait;"))
    XCTAssertTrue(try pack(paper: .letter).contains("size: letter portrait;"))
    XCTAssertTrue(try pack().contains("content: \"Page \" counter(page) \" of \" counter(pages)"))
  }

  func testWorksheetsHaveBoxesAndLinesForEveryKeyAction() throws {
    let html = try pack()
    let catalog = try catalog()
    for number in [1, 7, 14, 21] {
      for action in catalog.standard(number)!.keyActions {
        XCTAssertTrue(
          html.contains("<p class=\"action-text\"><strong>\(action.id)</strong> "), "\(action.id) in the worksheet")
      }
    }
    let actions = [1, 7, 14, 21].reduce(0) { $0 + catalog.standard($1)!.keyActions.count }
    XCTAssertEqual(html.components(separatedBy: "<div class=\"action\">").count - 1, actions)
    XCTAssertEqual(html.components(separatedBy: "<span class=\"box\"></span>").count - 1, 3 * actions)
    XCTAssertEqual(html.components(separatedBy: "<p class=\"write notes\">Notes</p>").count - 1, actions)
  }

  func testSameInputSameBytes() throws {
    XCTAssertEqual(try pack(), try pack())
    XCTAssertEqual(try pack([21, 14, 7, 1]), try pack([1, 7, 14, 21]))
  }

  func matches(_ pattern: String, in text: String, groups: Int) -> [[String]] {
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
      (1..<(groups + 1)).map { String(text[Range(match.range(at: $0), in: text)!]) }
    }
  }

  /// Arabic reads right to left: the page says so, and ids, numbers and Latin text keep their order.
  func testArabicPageIsRightToLeftWithLatinRunsIsolated() throws {
    let catalog = try Catalog.bundled(in: .ar).get()
    let result = try Prioritizer.run(
      PrioritizationRequest(situation: .none, selection: [1, 7, 14, 18]), catalog: catalog)
    let page = WorkshopPack.html(PackRequest(result: result, contextName: "Zone", date: "2026-10-14"), catalog: catalog)
    XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n"))
    XCTAssertTrue(page.contains("<bdi dir=\"ltr\">18.2</bdi>"))
    XCTAssertTrue(
      page.contains("@top-right { content: \"ملف ورشة عمل CPMS: "), "the running header starts on the right")
    XCTAssertTrue(page.contains("content: \"الصفحة \" counter(page) \" من \" counter(pages)"))
    XCTAssertTrue(page.contains("14 أكتوبر 2026"))
    for physical in ["padding-left", "margin-right", "border-left", "text-align: left", "text-align: right"] {
      XCTAssertFalse(page.contains(physical), physical)
    }
    XCTAssertEqual(
      HTMLPack.isolatingLeftToRight("المعيار 18: Case management (v2) <x> مؤشر 13.L1"),
      "المعيار <bdi dir=\"ltr\">18</bdi>: <bdi dir=\"ltr\">Case management (v2)</bdi> &lt;"
        + "<bdi dir=\"ltr\">x</bdi>&gt; مؤشر <bdi dir=\"ltr\">13.L1</bdi>")
    let french = try Catalog.bundled(in: .fr).get()
    let frenchPage = WorkshopPack.html(
      PackRequest(
        result: try Prioritizer.run(
          PrioritizationRequest(situation: .none, selection: [1, 7, 14, 18]), catalog: french), contextName: "Zone",
        date: "2026-10-01"),
      catalog: french)
    XCTAssertTrue(frenchPage.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">\n"))
    XCTAssertTrue(frenchPage.contains("<title>Dossier de l'atelier : Zone</title>"))
    XCTAssertTrue(frenchPage.contains("content: \"Page \" counter(page) \" sur \" counter(pages)"))
  }
}
