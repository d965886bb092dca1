import CPMSArguments
import CPMSCore

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The date on a pack's cover: `--date`, else the workshop file's date, else SOURCE_DATE_EPOCH, else
/// today in UTC. SOURCE_DATE_EPOCH comes first among the defaults so builds of a pack can be reproduced.
enum PackDate {
  /// The last second of 9999-12-31: a later epoch cannot be written YYYY-MM-DD.
  static let latestEpoch: Int64 = 253_402_300_799

  static func resolve(
    _ flag: String?, workshop: String?, environment: Environment, spec: CommandSpec, now: Date = Date()
  ) throws(CLIError) -> String {
    let t = Interface(environment.language)
    if let flag {
      guard let date = CalendarDate(parsing: flag) else {
        throw .usage(t("cli.invalidDate", Excerpt.of(flag)), spec)
      }
      return date.description
    }
    if let workshop, let date = CalendarDate(parsing: workshop) { return date.description }
    if let text = environment.variables["SOURCE_DATE_EPOCH"] {
      guard let seconds = Int64(text), (0...latestEpoch).contains(seconds) else {
        throw .usage(t("cli.invalidSourceDateEpoch", Excerpt.of(text)), spec)
      }
      return CalendarDate(secondsSince1970: seconds).description
    }
    let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
    return CalendarDate(secondsSince1970: min(max(seconds, 0), latestEpoch)).description
  }
}
