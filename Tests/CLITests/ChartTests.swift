import Foundation
import XCTest

/// The charts as a reader's tools see them: each SVG parsed as XML (Python's ElementTree), checked for
/// structure and safety, and its dots read back and compared with the JSON output of the same input.
final class ChartTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = try CLIRunner.temporaryDirectory()
  }

  override func tearDownWithError() throws {
    if let root { try? FileManager.default.removeItem(at: root) }
  }

  func python() throws -> URL { try CLIRunner.program("python3", install: "install Python 3") }

  /// Parses the SVG and checks what every chart must hold; prints the scores read back per standard.
  static let checker = """
    import json, sys, xml.etree.ElementTree as ET
    ns = "{http://www.w3.org/2000/svg}"
    tree = ET.parse(sys.argv[1])
    svg = tree.getroot()
    assert svg.tag == ns + "svg", svg.tag
    assert svg.get("viewBox", "").startswith("0 0 "), svg.attrib
    assert svg.get("role") == "img"
    children = list(svg)
    assert children[0].tag == ns + "title" and children[0].text, "a title first"
    assert children[1].tag == ns + "desc" and children[1].text, "then a description"
    for element in svg.iter():
        assert element.tag.startswith(ns), "only SVG elements: " + element.tag
        name = element.tag[len(ns):]
        assert name not in ("script", "foreignObject", "image", "use", "a"), name
        for attribute in element.attrib:
            assert not attribute.lower().startswith("on"), attribute
            assert "href" not in attribute, attribute
    scores = {}
    scale = {t.text: float(t.get("x")) for t in svg.iter(ns + "text") if t.text in ("0", "5")}
    for group in svg.iter(ns + "g"):
        gid = group.get("id", "")
        if gid.startswith("ranking-chart-standard-"):
            xs = [float(c.get("cx")) for c in group.iter(ns + "circle")]
            scores[gid[23:]] = sorted(round((x - scale["0"]) / (scale["5"] - scale["0"]) * 5, 2) for x in xs)
    print(json.dumps({"title": children[0].text, "desc": children[1].text, "scores": scores,
                      "text": " ".join(t for t in svg.itertext())}))
    """

  func read(_ svg: String) throws -> [String: Any] {
    let file = root.appendingPathComponent("chart.svg")
    try svg.write(to: file, atomically: true, encoding: .utf8)
    let run = try CLIRunner.run(["-c", Self.checker, file.path], executable: try python())
    XCTAssertEqual(run.status, 0, run.stderr)
    return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
  }

  func testTheRankingChartShowsTheSameScoresAsTheJSON() throws {
    let arguments = ["prioritize", "--workshop", "Data/examples/workshop.json"]
    let svg = try CLIRunner.run(arguments + ["--format", "svg"])
    XCTAssertEqual(svg.status, 0, svg.stderr)
    XCTAssertEqual(svg.stdout, try CLIRunner.run(arguments + ["--format", "svg"]).stdout, "same bytes")
    let chart = try read(svg.stdout)
    let json = try CLIRunner.run(arguments + ["--format", "json"])
    let output = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let ranking = try XCTUnwrap(output["ranking"] as? [[String: Any]])
    let drawn = try XCTUnwrap(chart["scores"] as? [String: [Double]])
    XCTAssertEqual(drawn.count, 28)
    for entry in ranking {
      let standard = try XCTUnwrap(entry["standard"] as? Int)
      XCTAssertEqual(drawn[String(standard)], entry["scores"] as? [Double], "standard \(standard)")
    }
    let description = try XCTUnwrap(chart["desc"] as? String)
    XCTAssertTrue(description.contains("Selected: 1, 6, 9, 13, 18, 23."), description)
  }

  func testThePillarChartSaysWhichPillarIsMissing() throws {
    let result = try CLIRunner.run(["prioritize", "--situation", "plan", "--select", "1,7,9,14", "--format", "svg"])
    XCTAssertEqual(result.status, 0, result.stderr)
    let chart = try read(result.stdout)
    XCTAssertTrue((chart["desc"] as? String)?.contains("No standard selected in Pillar 4.") ?? false)
    XCTAssertTrue((chart["text"] as? String)?.contains("none selected") ?? false)
  }

  func testHostileNamesAreOnlyText() throws {
    let name = #"<script>alert("x")</script> & ' onload=evil() ]]>"#
    let ballot = root.appendingPathComponent("b.csv")
    let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    try "participant,standard,score\n\(quoted),1,5\n\(quoted),2,1\n".write(
      to: ballot, atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(["prioritize", "--situation", "none", "--ballot", ballot.path, "--format", "svg"])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertFalse(result.stdout.contains("<script"), "escaped")
    let chart = try read(result.stdout)
    XCTAssertTrue((chart["text"] as? String)?.contains(name) ?? false, "the name is shown as text")
  }

  func testTheChartIsWrittenToAFileWithOutput() throws {
    let path = root.appendingPathComponent("ranking.svg").path
    let result = try CLIRunner.run(
      ["prioritize", "--workshop", "Data/examples/workshop.json", "--format", "svg", "-o", path])
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("<svg "))
  }
}

extension ChartTests {
  /// The monitoring chart: a bar per period with data, its length the JSON's figure on the 0–100 scale;
  /// periods and indicators without data say so and draw nothing.
  func testTheMonitoringChartDrawsTheReportsFiguresAndNeverAGapAsZero() throws {
    let arguments = [
      "monitor", "report", "--workshop", "Data/examples/workshop.json",
      "Data/examples/monitoring/round1-hope-relief.csv",
      "Data/examples/monitoring/round1-children-first-network.csv", "Data/examples/monitoring/round2-hope-relief.csv",
    ]
    let svg = try CLIRunner.run(arguments + ["--format", "svg"])
    XCTAssertEqual(svg.status, 0, svg.stderr)
    let chart = try read(svg.stdout)
    XCTAssertTrue((chart["text"] as? String)?.contains("No data in any period:") ?? false)
    let file = root.appendingPathComponent("monitoring.svg")
    try svg.stdout.write(to: file, atomically: true, encoding: .utf8)
    let script = """
      import sys, xml.etree.ElementTree as ET
      ns = "{http://www.w3.org/2000/svg}"
      svg = ET.parse(sys.argv[1]).getroot()
      for group in svg.iter(ns + "g"):
          gid = group.get("id", "")
          if not gid.startswith("monitoring-chart-indicator-"): continue
          for bar in group.iter(ns + "rect"):
              print(gid[27:], round(float(bar.get("width")) / 400 * 100, 1))
      """
    let bars = try CLIRunner.run(["-c", script, file.path], executable: try python())
    XCTAssertEqual(bars.status, 0, bars.stderr)
    let json = try CLIRunner.run(arguments + ["--format", "json"])
    let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let indicators = try XCTUnwrap(report["indicators"] as? [[String: Any]])
    var expected: [String] = []
    for indicator in indicators where indicator["measure"] as? String == "percentage" {
      for period in indicator["periods"] as? [[String: Any]] ?? [] {
        guard let percentage = period["percentage"] as? Double else { continue }
        expected.append("\(indicator["id"] as? String ?? "") \((min(percentage, 100) * 10).rounded() / 10)")
      }
    }
    let drawn = bars.stdout.split(separator: "\n").map(String.init).filter { line in
      expected.contains { $0.hasPrefix(line.split(separator: " ")[0] + " ") }
    }
    XCTAssertFalse(expected.isEmpty)
    for line in expected {
      let (id, value) = (line.split(separator: " ")[0], Double(line.split(separator: " ")[1]) ?? -1)
      XCTAssertTrue(
        drawn.contains { $0.hasPrefix(id + " ") && abs((Double($0.split(separator: " ")[1]) ?? -9) - value) <= 0.2 },
        "\(line) not drawn: \(drawn)")
    }
  }
}

extension ChartTests {
  /// The HTML monitoring report: one page that parses, loads nothing, carries the chart and a table of
  /// periods per indicator, and prints from Chromium when it is installed (`make test-print` installs it).
  func testTheHTMLMonitoringReportIsSelfContainedAndCarriesTheChart() throws {
    let result = try CLIRunner.run(
      [
        "monitor", "report", "--workshop", "Data/examples/workshop.json",
        "Data/examples/monitoring/round1-hope-relief.csv",
        "Data/examples/monitoring/round2-hope-relief.csv", "--format", "html",
      ])
    XCTAssertEqual(result.status, 0, result.stderr)
    let html = result.stdout
    XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    XCTAssertTrue(html.contains("<svg id=\"monitoring-chart\""), "the chart inline")
    for pattern in ["http:", "https:", "src=", "url(", "<script"] { XCTAssertFalse(html.contains(pattern), pattern) }
    let file = root.appendingPathComponent("report.html")
    try html.write(to: file, atomically: true, encoding: .utf8)
    let script = """
      import sys, html.parser
      class P(html.parser.HTMLParser):
          def __init__(self):
              super().__init__(); self.stack = []; self.tables = 0
          def handle_starttag(self, tag, attrs):
              if tag not in ("meta", "br"): self.stack.append(tag)
              if tag == "table": self.tables += 1
          def handle_startendtag(self, tag, attrs): pass
          def handle_endtag(self, tag):
              assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
              self.stack.pop()
      p = P(); p.feed(open(sys.argv[1]).read())
      assert p.stack == [], p.stack
      print(p.tables)
      """
    let parsed = try CLIRunner.run(["-c", script, file.path], executable: try python())
    XCTAssertEqual(parsed.status, 0, parsed.stderr)
    XCTAssertGreaterThan(Int(parsed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, 5)
  }
}
