/// A date written YYYY-MM-DD that exists in the calendar (2026-02-30 does not).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init?(parsing text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), day >= 1, day <= CalendarDate.days(in: month, of: year)
    else { return nil }
    (self.year, self.month, self.day) = (year, month, day)
  }

  /// The UTC date of a moment given in seconds since 1970 (for SOURCE_DATE_EPOCH and "today").
  public init(secondsSince1970 seconds: Int64) {
    var days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    var year = 1970
    while true {
      let length = CalendarDate.isLeap(year) ? 366 : 365
      if days < 0 {
        year -= 1
        days += CalendarDate.isLeap(year) ? 366 : 365
      } else if days >= length {
        days -= length
        year += 1
      } else {
        break
      }
    }
    var month = 1
    while days >= CalendarDate.days(in: month, of: year) {
      days -= CalendarDate.days(in: month, of: year)
      month += 1
    }
    (self.year, self.month, self.day) = (year, month, days + 1)
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

  static func days(in month: Int, of year: Int) -> Int {
    [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }

  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}
