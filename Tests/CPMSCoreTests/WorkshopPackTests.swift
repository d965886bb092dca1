import Foundation
import XCTest

@testable import CPMSCore

/// The workshop pack: its documents and their order, well-formed tables, escaping, links and determinism.
final class WorkshopPackTests: XCTestCase {
  static let hostileName = "Zone | A\n# <script>alert(1)</script> *x*"

  func catalog() throws -> Catalog { try Catalog.bundled.get() }

  func request(
    _ selection: [StandardNumber]?, situation: Situation = .none, contextualized: [StandardNumber] = [],
    ballots: [Ballot] = [],
    contextName: String? = "Test context", catalog: Catalog, globalCatalog: Catalog? = nil
  ) throws -> PackRequest {
    let result = try Prioritizer.run(
      PrioritizationRequest(
        situation: situation, selection: selection, contextualized: contextualized, ballots: ballots),
      catalog: catalog)
    return PackRequest(result: result, contextName: contextName, date: "2026-01-15", globalCatalog: globalCatalog)
  }

  func ballot(_ rows: [(Int, Int)], source: String) throws -> Ballot {
    let csv = "standard,score\n" + rows.map { "\($0.0),\($0.1)\n" }.joined()
    return Ballot(source: source, scores: try BallotFile.parse(csv: Array(csv.utf8), source: source).ballots[0].scores)
  }

  /// A contextualization whose local text tries to break tables and headings.
  func hostileContext() -> Contextualization {
    let details = LocalIndicatorDetails(
      definition: "Children | registered\n## <b>bold</b>", method: "Case *records*", frequency: "Monthly",
      dataSource: "CMWG <i>x</i>", disaggregation: ["sex", "age", "disability"])
    return Contextualization(
      name: Self.hostileName, language: "en", updated: nil, coordinationGroup: nil,
      standards: [
        Contextualization.StandardEntry(
          number: 13, title: "Separated | children\n# <script>x</script>", statement: nil, rationale: "Floods | *now*",
          keyActions: [],
          indicators: [
            Contextualization.IndicatorChange(
              id: "13.1", text: nil, target: Target(parsing: "80%"), details: details, note: nil)
          ],
          additionalIndicators: [
            Contextualization.IndicatorChange(
              id: "13.L1", text: "Desks | open", target: Target(parsing: "12"),
              details: LocalIndicatorDetails(frequency: "Weekly"), note: nil)
          ])
      ])
  }

  /// Every kind of pack the tests look at: plain, hostile name, ballots, contextualized.
  func variants() throws -> [(String, PackRequest, Catalog)] {
    let catalog = try catalog()
    let context = hostileContext().apply(to: catalog)
    let ballots = [
      try ballot([(1, 5), (7, 4), (14, 5), (21, 3), (13, 2)], source: "a.csv"),
      try ballot([(1, 4), (9, 5), (18, 5), (25, 4)], source: "b.csv"),
    ]
    return [
      ("plain", try request([1, 7, 14, 21], catalog: catalog), catalog),
      ("hostile", try request([1, 7, 14, 21], contextName: Self.hostileName, catalog: catalog), catalog),
      ("unnamed", try request([2, 8, 15, 22, 23], contextName: nil, catalog: catalog), catalog),
      ("ballots", try request(nil, ballots: ballots, catalog: catalog), catalog),
      (
        "context",
        try request(
          [1, 13, 14, 21], situation: .contextualized, contextualized: [13], contextName: Self.hostileName,
          catalog: context, globalCatalog: catalog),
        context
      ),
    ]
  }

  // MARK: helpers that read the Markdown back

  /// Pipes that end a cell: those not escaped by an odd run of backslashes.
  func unescapedPipes(_ line: Substring) -> Int {
    var count = 0
    var backslashes = 0
    for character in line {
      if character == "\\" {
        backslashes += 1
        continue
      }
      if character == "|" && backslashes % 2 == 0 { count += 1 }
      backslashes = 0
    }
    return count
  }

  /// Checks every pipe table and returns how many there are (data rows per table in `rows`).
  @discardableResult
  func checkTables(_ text: String, _ name: String, rows: inout [Int]) -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var index = 0
    var tables = 0
    while index < lines.count {
      guard lines[index].hasPrefix("|") else {
        index += 1
        continue
      }
      tables += 1
      XCTAssertTrue(
        index == 0 || lines[index - 1].isEmpty, "\(name): a table must follow a blank line (line \(index + 1))")
      let header = unescapedPipes(lines[index])
      XCTAssertGreaterThan(header, 1, "\(name): line \(index + 1)")
      let separator = lines[index + 1]
      XCTAssertTrue(
        separator.split(separator: "|").allSatisfy {
          ["---", "---:"].contains($0.trimmingCharacters(in: .whitespaces))
        },
        "\(name): line \(index + 2) is not a separator row: \(separator)")
      var end = index + 1
      while end < lines.count && lines[end].hasPrefix("|") {
        XCTAssertEqual(
          unescapedPipes(lines[end]), header, "\(name): line \(end + 1) has the wrong cell count: \(lines[end])")
        XCTAssertTrue(lines[end].hasSuffix(" |"), "\(name): line \(end + 1) does not end its row")
        end += 1
      }
      rows.append(end - index - 2)
      XCTAssertTrue(end == lines.count || lines[end].isEmpty, "\(name): a table must end with a blank line")
      index = end
    }
    return tables
  }

  func matches(_ pattern: String, in text: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
      String(text[Range($0.range(at: 1), in: text)!])
    }
  }

  /// The ids GitHub and pandoc give the headings, repeated headings numbered -1, -2…
  func headingIDs(_ text: String) -> Set<String> {
    var seen: [String: Int] = [:]
    var ids: Set<String> = []
    for line in text.split(separator: "\n") where line.hasPrefix("#") {
      guard let space = line.firstIndex(of: " "), line[..<space].allSatisfy({ $0 == "#" }) else { continue }
      let rendered = line[line.index(after: space)...].replacingOccurrences(of: "&lt;", with: "<")
        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
      let base = WorkshopPack.anchor(rendered)
      let count = seen[base, default: 0]
      ids.insert(count == 0 ? base : "\(base)-\(count)")
      seen[base] = count + 1
    }
    return ids
  }

  // MARK: documents

  func testDocumentsComeInReadingOrder() throws {
    let catalog = try catalog()
    let documents = WorkshopPack.documents(try request([21, 1, 14, 7], catalog: catalog), catalog: catalog)
    XCTAssertEqual(
      documents.map(\.path),
      [
        "README.md", "01-agenda.md", "02-key-questions.md", "standards/standard-01.md", "standards/standard-07.md",
        "standards/standard-14.md", "standards/standard-21.md", "03-principles.md", "04-programme-cycle.md",
        "05-monitoring-framework.md", "06-all-standards.md",
      ])
    XCTAssertEqual(documents[0].title, "Workshop pack: Test context")
    XCTAssertEqual(documents[3].title, "Standard 1: Coordination")
    XCTAssertEqual(WorkshopPack.standardPath(9), "standards/standard-09.md")
  }

  func testEveryDocumentHasOneTitleAndEndsWithTheFooterLineAndABackLink() throws {
    for (name, request, catalog) in try variants() {
      let footer = "*\(Markdown.escape(PackWriter(request: request, catalog: catalog).footerLine))*\n"
      for document in WorkshopPack.documents(request, catalog: catalog) {
        let place = "\(name)/\(document.path)"
        XCTAssertTrue(document.contents.hasPrefix("# "), place)
        XCTAssertEqual(document.contents.split(separator: "\n").filter { $0.hasPrefix("# ") }.count, 1, place)
        XCTAssertTrue(document.contents.hasSuffix(footer), place)
        if document.path != "README.md" {
          let back = document.path.hasPrefix("standards/") ? "(../README.md)" : "(README.md)"
          XCTAssertTrue(document.contents.contains("[Back to the index]\(back)"), place)
        }
      }
      let single = WorkshopPack.singleDocument(request, catalog: catalog)
      XCTAssertTrue(single.hasSuffix(footer), name)
      XCTAssertEqual(single.components(separatedBy: footer).count, 2, "\(name): one footer line")
      XCTAssertEqual(single.split(separator: "\n").filter { $0.hasPrefix("# ") }.count, 1, name)
      XCTAssertFalse(single.contains("Back to"), "\(name): no navigation that is dead on paper")
    }
  }

  /// What the issue found in the printed pack: internal notes, repetition and mixed spelling.
  func testHandoutsCarryNoProvenanceNotesAndSayThingsOnce() throws {
    for (name, request, catalog) in try variants() {
      let aboutHeading = PackWriter(request: request, catalog: catalog).aboutHeading
      let single = WorkshopPack.singleDocument(request, catalog: catalog)
      let html = WorkshopPack.html(request, catalog: catalog)
      for text in [single, html] {
        for jargon in ["seed", "Seed", "reconstructed", "Reconstructed", "from memory", "plausible", "Sources:"] {
          XCTAssertFalse(text.contains(jargon), "\(name): \(jargon)")
        }
        for american in ["ontextualiz", "rioritiz", "obiliz", "ummariz"] {
          XCTAssertFalse(text.contains(american), "\(name): \(american)")
        }
        XCTAssertFalse(text.contains(Catalog.contentNotice), name)
        XCTAssertEqual(text.components(separatedBy: aboutHeading + "</h2>").count - 1, text == html ? 1 : 0)
        XCTAssertLessThanOrEqual(text.components(separatedBy: "Chosen by the group").count - 1, 1, name)
      }
      XCTAssertEqual(single.components(separatedBy: "## \(aboutHeading)\n").count, 2, name)
      XCTAssertEqual(
        single.contains("\u{201C}Chosen by the group\u{201D} means"), request.result.mode == .checked, name)
    }
  }

  func testTheCoverHasTheWorkshopDetailsAndTheRuleCheck() throws {
    let catalog = try catalog()
    let request = try request([1, 2, 7, 14, 21], situation: .plan, contextualized: [9], catalog: catalog)
    XCTAssertFalse(request.result.findings.isEmpty)
    let cover = WorkshopPack.documents(request, catalog: catalog)[0].contents
    XCTAssertTrue(cover.contains("- **Context:** Test context\n"))
    XCTAssertTrue(cover.contains("- **Date:** 15 January 2026\n"))
    XCTAssertTrue(cover.contains(Markdown.escape(catalog.guide.situations.first { $0.id == "plan" }!.title)))
    XCTAssertTrue(cover.contains(Markdown.escape(PrioritizationRendering(catalog: catalog).rule(for: .plan))))
    for finding in request.result.findings {
      XCTAssertTrue(cover.contains(Markdown.escape(PackWriter.british(finding.message))), finding.message)
    }
    XCTAssertTrue(cover.contains("| 7 | [Dangers and injuries](standards/standard-07.md) | 2 | chosen by the group |"))
    XCTAssertTrue(cover.contains(Markdown.escape(catalog.guide.reminders[0])))
    XCTAssertTrue(cover.contains("## About the content\n"))
    XCTAssertTrue(cover.contains("alliancecpha.org"))
  }

  func testAgendaHasTheSixSessionsAndTheAims() throws {
    let catalog = try catalog()
    let agenda = WorkshopPack.documents(try request([1, 7, 14, 21], catalog: catalog), catalog: catalog)[1].contents
    XCTAssertEqual(catalog.guide.sessions.count, 6)
    for session in catalog.guide.sessions {
      XCTAssertTrue(agenda.contains("## Session \(session.number): \(Markdown.escape(session.title))\n"))
      XCTAssertTrue(agenda.contains(Markdown.escape(session.aim)))
      for item in session.prepare + session.produces { XCTAssertTrue(agenda.contains(Markdown.escape(item))) }
    }
    for aim in catalog.guide.aims { XCTAssertTrue(agenda.contains(Markdown.escape(aim))) }
    XCTAssertTrue(agenda.contains(Markdown.escape(catalog.guide.sessionFormat)))
    XCTAssertTrue(agenda.contains("[Worksheet for standard 14](standards/standard-14.md)"))
  }

  func testTablesAreWellFormedInEveryDocument() throws {
    for (name, request, catalog) in try variants() {
      var rows: [Int] = []
      var tables = 0
      for document in WorkshopPack.documents(request, catalog: catalog) {
        tables += checkTables(document.contents, "\(name)/\(document.path)", rows: &rows)
      }
      var singleRows: [Int] = []
      let single = WorkshopPack.singleDocument(request, catalog: catalog)
      XCTAssertEqual(checkTables(single, "\(name)/single", rows: &singleRows), tables, name)
      XCTAssertEqual(singleRows, rows, name)
      XCTAssertGreaterThan(tables, request.result.selection.count, name)
    }
  }

  func testHostileTextIsEscapedEverywhere() throws {
    for (name, request, catalog) in try variants() where name == "hostile" || name == "context" {
      let single = WorkshopPack.singleDocument(request, catalog: catalog)
      for (path, text) in WorkshopPack.documents(request, catalog: catalog).map({ ($0.path, $0.contents) })
        + [("single", single)]
      {
        let place = "\(name)/\(path)"
        for tag in ["<script", "<b>", "<i>", "</"] { XCTAssertFalse(text.contains(tag), "\(place): \(tag)") }
        XCTAssertFalse(text.contains("\n# &lt;"), place)
        XCTAssertFalse(text.contains("\n## &lt;"), place)
        XCTAssertFalse(text.contains("\n# <"), place)
      }
      XCTAssertTrue(
        single.hasPrefix(
          "# Workshop pack: Zone \\| A \\# &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\*\n"),
        name)
      XCTAssertTrue(single.contains("- **Context:** Zone \\| A \\# &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\*\n"))
    }
  }

  func testContextValuesFillTheMonitoringFramework() throws {
    let variant = try variants().first { $0.0 == "context" }!
    let documents = WorkshopPack.documents(variant.1, catalog: variant.2)
    let framework = documents.first { $0.path == "05-monitoring-framework.md" }!.contents
    let block = try XCTUnwrap(framework.components(separatedBy: "### Indicator 13.1 (contextualised)\n").last)
    XCTAssertTrue(
      block.hasPrefix(
        "\n- **What it measures:** % of identified unaccompanied and separated children who are in appropriate care "
          + "and receiving case management.\n- **Global target:** 100% (proposed in this summary)\n"), block)
    XCTAssertTrue(
      block.contains(
        "| To agree | The group's decision |\n| --- | --- |\n"
          + "| Definition here | Children \\| registered \\#\\# &lt;b&gt;bold&lt;/b&gt; |\n"
          + "| Method | Case \\*records\\* |\n| Frequency | Monthly |\n| Data source | CMWG &lt;i&gt;x&lt;/i&gt; |\n"
          + "| Disaggregation (sex, age, disability) | sex, age, disability |\n| Local target | 80% |\n"), block)
    let local = try XCTUnwrap(framework.components(separatedBy: "### Indicator 13.L1 (contextualised)\n").last)
    XCTAssertTrue(
      local.contains("- **What it measures:** Desks \\| open\n- **Global target:** none: a local indicator\n"))
    XCTAssertTrue(local.contains("| Frequency | Weekly |\n| Data source |   |\n"), local)
    XCTAssertTrue(local.contains("| Local target | 12 |\n"), local)
    XCTAssertTrue(framework.contains("Where the contextualisation"))
  }

  func testMonitoringFrameworkHasOneBlockAndGridPerIndicatorOfTheSelection() throws {
    for (name, request, catalog) in try variants() {
      let framework = WorkshopPack.documents(request, catalog: catalog).first {
        $0.path == "05-monitoring-framework.md"
      }!.contents
      var rows: [Int] = []
      let core = request.result.selection.flatMap { catalog.standard($0).indicators }
      let indicators = core + request.result.selection.flatMap { catalog.standard($0).additionalMeasures ?? [] }
      XCTAssertEqual(checkTables(framework, name, rows: &rows), indicators.count, name)
      XCTAssertEqual(rows, Array(repeating: 6, count: indicators.count), name)
      for indicator in indicators {
        let official = indicator.officialId.map { " (official \($0))" } ?? ""
        let kind = core.contains(indicator) ? "Indicator" : "Additional measure"
        XCTAssertTrue(
          framework.contains("### \(kind) \(Markdown.escape(indicator.id + official))"), "\(name): \(indicator.id)")
        if let numerator = indicator.numerator, let denominator = indicator.denominator {
          XCTAssertTrue(
            framework.contains(
              "- **Numerator:** \(Markdown.escape(numerator))\n- **Denominator:** \(Markdown.escape(denominator))\n"),
            "\(name): \(indicator.id)")
        }
      }
      XCTAssertEqual(
        framework.components(separatedBy: "| To agree | The group's decision |").count - 1, indicators.count)
    }
  }

  /// Every table of every form fits a portrait page: at most PackTable.maxColumns columns.
  func testNoTableIsWiderThanAPortraitPage() throws {
    for (name, request, catalog) in try variants() {
      for line in WorkshopPack.singleDocument(request, catalog: catalog).split(separator: "\n")
      where line.hasPrefix("| ") {
        XCTAssertLessThanOrEqual(unescapedPipes(line) - 1, PackTable.maxColumns, "\(name): \(line)")
      }
      let html = WorkshopPack.html(request, catalog: catalog)
      for row in html.components(separatedBy: "<tr>").dropFirst() {
        let cells = row.components(separatedBy: "</tr>")[0].components(separatedBy: "</t").count - 1
        XCTAssertLessThanOrEqual(cells, PackTable.maxColumns, name)
      }
    }
  }

  func testSelectionTipsAppearOnlyForSelectedStandards() throws {
    let catalog = try catalog()
    for selection: [StandardNumber] in [[1, 7, 14, 21], [2, 8, 15, 22], [3, 9, 16, 23, 24]] {
      let request = try request(selection, catalog: catalog)
      let cycle = WorkshopPack.documents(request, catalog: catalog).first { $0.path == "04-programme-cycle.md" }!
      for tip in catalog.guide.selectionTips {
        let concerned = tip.standardNumbers.filter { selection.contains($0) }
        let shown = cycle.contents.contains("- \(Markdown.escape(tip.text)) *(concerns ")
        XCTAssertEqual(shown, !concerned.isEmpty, "\(selection): \(tip.text)")
        if let first = concerned.first {
          XCTAssertTrue(cycle.contents.contains("Standard \(first): "), "\(selection): \(tip.text)")
        }
      }
      for stage in catalog.guide.programmeCycle {
        XCTAssertTrue(cycle.contents.contains("## \(Markdown.escape(stage.title))\n"))
        for question in stage.reflectionQuestions { XCTAssertTrue(cycle.contents.contains(Markdown.escape(question))) }
      }
    }
  }

  func testBallotResultsOnlyWhenBallotsWereGiven() throws {
    let variants = try variants()
    for (name, request, catalog) in variants where name == "plain" || name == "ballots" {
      let questions = WorkshopPack.documents(request, catalog: catalog)[2].contents
      XCTAssertEqual(questions.contains("## Ballot results"), name == "ballots", name)
      for question in catalog.guide.keyQuestions { XCTAssertTrue(questions.contains(Markdown.escape(question.text))) }
    }
  }

  func testAllStandardsMarksTheSelection() throws {
    let catalog = try catalog()
    let documents = WorkshopPack.documents(try request([1, 7, 14, 21], catalog: catalog), catalog: catalog)
    let all = documents.last!.contents
    var rows: [Int] = []
    checkTables(all, "all", rows: &rows)
    XCTAssertEqual(rows, [28])
    XCTAssertTrue(all.contains("| 7 | [Dangers and injuries](standards/standard-07.md) | 2 | yes |"))
    XCTAssertTrue(all.contains("| 8 | Physical and emotional maltreatment | 2 |   |"))
  }

  func testStandardDocumentsCarryTheWorksheet() throws {
    let catalog = try catalog()
    let documents = WorkshopPack.documents(try request([1, 7, 14, 21], catalog: catalog), catalog: catalog)
    let standard14 = catalog.standard(14)!
    let standard = documents.first { $0.path == "standards/standard-14.md" }!.contents
    XCTAssertTrue(standard.hasPrefix("# Standard 14: \(Markdown.escape(standard14.title))\n"))
    XCTAssertTrue(standard.contains(Markdown.escape(standard14.statement)))
    XCTAssertTrue(standard.contains("[monitoring framework](../05-monitoring-framework.md)"))
    // The key actions are listed once, as the worksheet, under their phases.
    let worksheet = try XCTUnwrap(standard.components(separatedBy: "## Key actions: where the group stands\n").last)
    XCTAssertEqual(standard.components(separatedBy: "## Key actions").count, 2)
    for (phase, actions) in standard14.keyActionsByPhase {
      XCTAssertTrue(worksheet.contains("### \(phase.title)\n"), phase.title)
      for action in actions {
        // The action's own text next to the boxes and the lines to write on.
        XCTAssertTrue(
          worksheet.contains("**\(action.id)** \(Markdown.escape(action.text))\n\n\u{2610} In place "), action.id)
      }
    }
    XCTAssertEqual(worksheet.components(separatedBy: "Notes: ").count - 1, standard14.keyActions.count)
    XCTAssertEqual(worksheet.components(separatedBy: "By when: ").count - 1, standard14.keyActions.count)
  }

  /// British respelling is for the pack's English only: a translated text keeps its own spelling.
  func testOnlyEnglishIsRespelled() throws {
    var catalog = try catalog()
    let request = try request([1, 7, 14, 21], catalog: catalog)
    XCTAssertEqual(PackWriter(request: request, catalog: catalog).spelled("contextualized"), "contextualised")
    catalog.language = .es
    XCTAssertEqual(PackWriter(request: request, catalog: catalog).spelled("organización"), "organización")
  }

  func testBallotResultsShowMedianSpreadParticipantsAndComments() throws {
    let catalog = try catalog()
    let csv =
      "participant,standard,score,comment\nAmina,1,5,Referral | <b>pathways</b>\nAmina,7,2,\nAmina,14,5,\n"
      + "Jean,1,4,\nJean,7,4,\nJean,14,5,\nLucia,1,1,too broad\nLucia,7,3,\n"
    let ballots = try BallotFile.parse(csv: Array(csv.utf8), source: "votes.csv").ballots
    let request = try request(nil, ballots: ballots, catalog: catalog)
    let questions = WorkshopPack.documents(request, catalog: catalog)[2].contents
    XCTAssertTrue(questions.contains("3 participants gave 8 scores from 0"), questions)
    XCTAssertTrue(questions.contains("| Rank | Standard | Mean | Median | Spread | Scores |"))
    // 14: 5 and 5; 1: 5, 4, 1 (mean 3.33, median 4, a split); 7: 2, 4, 3. Spread: standard deviation.
    XCTAssertTrue(questions.contains("| 5 | 5 | 0 | 2 |"), questions)
    XCTAssertTrue(questions.contains("Coordination** (selected) *to discuss* | 3.33 | 4 | 1.7 | 3 |"), questions)
    XCTAssertTrue(questions.contains("| 3 | 3 | 0.82 | 3 |"), questions)
    XCTAssertTrue(questions.contains("- **Participants (3):** Amina, Jean, Lucia\n"), questions)
    XCTAssertTrue(questions.contains("Kendall"), questions)
    XCTAssertTrue(
      questions.contains(
        "**Standard 1: Coordination**\n\n- Referral \\| &lt;b&gt;pathways&lt;/b&gt; *(Amina)*\n- too broad *(Lucia)*\n"),
      questions)
    let html = WorkshopPack.html(request, catalog: catalog)
    XCTAssertTrue(html.contains("<li>Referral | &lt;b&gt;pathways&lt;/b&gt; <em>(Amina)</em></li>"))
    XCTAssertFalse(html.contains("<b>pathways"))
  }

  // MARK: links

  func testFolderLinksPointToDocumentsOfThePack() throws {
    for (name, request, catalog) in try variants() {
      let documents = WorkshopPack.documents(request, catalog: catalog)
      let paths = Set(documents.map(\.path))
      for document in documents {
        let folder = document.path.contains("/") ? "standards/" : ""
        let targets = matches(#"\]\(([^)]*)\)"#, in: document.contents)
        XCTAssertFalse(targets.isEmpty, document.path)
        for target in targets {
          XCTAssertFalse(target.hasPrefix("/") || target.contains("://"), "\(name)/\(document.path): \(target)")
          let resolved = target.hasPrefix("../") ? String(target.dropFirst(3)) : folder + target
          XCTAssertTrue(paths.contains(resolved), "\(name)/\(document.path): broken link \(target)")
        }
      }
      let cover = documents[0].contents
      for path in paths where path != "README.md" {
        XCTAssertTrue(cover.contains("](\(path))"), "\(name): the index does not link to \(path)")
      }
    }
  }

  func testSingleDocumentLinksPointToItsOwnSections() throws {
    for (name, request, catalog) in try variants() {
      let single = WorkshopPack.singleDocument(request, catalog: catalog)
      let ids = headingIDs(single)
      let targets = matches(#"\]\(([^)]*)\)"#, in: single)
      XCTAssertGreaterThan(targets.count, 10, name)
      for target in targets {
        XCTAssertTrue(target.hasPrefix("#"), "\(name): \(target) is not an internal link")
        XCTAssertTrue(ids.contains(String(target.dropFirst())), "\(name): broken link \(target)")
      }
      for number in request.result.selection {
        XCTAssertTrue(single.contains("## Standard \(number): "), "\(name): standard \(number)")
      }
      XCTAssertFalse(single.contains(".md)"), name)
    }
  }

  /// Translated headings (accents, apostrophes, " : ", Arabic letters and vowel marks) still give the
  /// slugs the single document links to, in every language and every variant.
  func testSingleDocumentLinksResolveInEveryLanguage() throws {
    for language in [Language.fr, .es, .ar] {
      let catalog = try Catalog.bundled(in: language).get()
      for (selection, name) in [([1, 6, 9, 13, 18, 23] as [StandardNumber], "workshop"), ([2, 8, 15, 22], nil)] {
        let request = try request(selection, contextName: name, catalog: catalog)
        let single = WorkshopPack.singleDocument(request, catalog: catalog)
        let ids = headingIDs(single)
        let targets = matches(#"\]\((#[^)]*)\)"#, in: single)
        XCTAssertGreaterThan(targets.count, 10, "\(language)")
        for target in targets {
          XCTAssertTrue(ids.contains(String(target.dropFirst())), "\(language): broken link \(target)")
        }
        XCTAssertTrue(single.hasPrefix(Markdown.frontMatter(language) + "# "), "\(language)")
      }
    }
  }

  func testPackFilesAreToldApartFromOtherWork() {
    for path in ["README.md", "01-agenda.md", "standards/", "standards/standard-18.md"] {
      XCTAssertTrue(WorkshopPack.isPackFile(path), path)
    }
    for path in ["notes.txt", ".git/", ".hidden.md", "standards/notes.md", "drafts/", "a/b/c.md", "standards/x/"] {
      XCTAssertFalse(WorkshopPack.isPackFile(path), path)
    }
  }

  func testAnchorsFollowGitHub() {
    XCTAssertEqual(
      WorkshopPack.anchor("Standard 14: Applying a socio-ecological approach"),
      "standard-14-applying-a-socio-ecological-approach")
    XCTAssertEqual(WorkshopPack.anchor("The 10 principles"), "the-10-principles")
    XCTAssertEqual(WorkshopPack.anchor("A | b (contextualized)"), "a--b-contextualized")
    XCTAssertEqual(WorkshopPack.anchor("  Tab\tand_under-score 2019!  "), "taband_under-score-2019")
    XCTAssertEqual(WorkshopPack.anchor("Protección de la niñez"), "protección-de-la-niñez")
    XCTAssertEqual(
      WorkshopPack.anchor("Standard 6 : Suivi de la protection de l'enfance"),
      "standard-6--suivi-de-la-protection-de-lenfance")
    XCTAssertEqual(WorkshopPack.anchor("المعيار 1: التنسيق (مُواءَم مع السياق)"), "المعيار-1-التنسيق-مُواءَم-مع-السياق")
  }

  // MARK: determinism

  func testTheSameRequestGivesTheSameBytes() throws {
    for (name, request, catalog) in try variants() {
      XCTAssertEqual(
        WorkshopPack.documents(request, catalog: catalog), WorkshopPack.documents(request, catalog: catalog), name)
      XCTAssertEqual(
        WorkshopPack.singleDocument(request, catalog: catalog), WorkshopPack.singleDocument(request, catalog: catalog),
        name)
    }
    let catalog = try catalog()
    let first = WorkshopPack.singleDocument(try request([21, 7, 14, 1], catalog: catalog), catalog: catalog)
    let second = WorkshopPack.singleDocument(try request([1, 7, 14, 21], catalog: catalog), catalog: catalog)
    XCTAssertEqual(first, second)
  }
}
