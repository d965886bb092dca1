#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A saved workshop (`"cpms": "workshop/1"`): the situation, lists, exceptions, ballots, size, context
/// name and date, so a script can re-run the workshop with `--workshop FILE`.
public struct WorkshopFile: Sendable, Equatable {
  public static let tag = "workshop/1"

  /// The language the workshop's outputs are in, as a BCP 47 tag (`fr`, `es-CO`): cpms speaks it
  /// unless `--lang` says otherwise; a tag cpms does not speak leaves the outputs in the environment's.
  public var language: String?
  public var contextName: String?
  public var date: String?
  public var request: PrioritizationRequest
  /// The contextualization file named by the workshop, resolved against the workshop's folder.
  public var contextPath: String?
  public var contextualization: Contextualization?
}
