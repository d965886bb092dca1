#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A place in the CPMS where all the searched words occur.
public struct SearchHit: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable {
    case standard
    case keyAction
    case indicator
  }

  public var id: String
  public var kind: Kind
  public var standard: Int
  public var standardTitle: String
  public var text: String
}

public enum Search {
  /// Finds the standards (title or statement), key actions and indicators (with additional measures)
  /// containing every word,
  /// ignoring case and accents. Hits come in handbook order.
  public static func run(_ words: [String], in catalog: Catalog) -> [SearchHit] {
    let terms = words.flatMap { $0.split(separator: " ") }.map { fold(String($0)) }.filter { !$0.isEmpty }
    guard !terms.isEmpty else { return [] }
    func matches(_ text: String) -> Bool {
      let folded = fold(text)
      return terms.allSatisfy(folded.contains)
    }
    var hits: [SearchHit] = []
    for standard in catalog.standards {
      func hit(_ id: String, _ kind: SearchHit.Kind, _ text: String) -> SearchHit {
        SearchHit(id: id, kind: kind, standard: standard.number, standardTitle: standard.title, text: text)
      }
      if matches(standard.title + " " + standard.statement) {
        hits.append(hit(String(standard.number), .standard, standard.title + ": " + standard.statement))
      }
      for action in standard.keyActions where matches(action.text) {
        hits.append(hit(action.id, .keyAction, action.text))
      }
      // Additional measures are found too, and an indicator by its official id ("1.2.1").
      for indicator in standard.indicators + (standard.additionalMeasures ?? [])
      where matches(indicator.text + " " + indicator.note + " " + (indicator.officialId ?? "")) {
        hits.append(hit(indicator.id, .indicator, indicator.text))
      }
    }
    return hits
  }

  static func fold(_ text: String) -> String { TextFolding.fold(text) }
}
