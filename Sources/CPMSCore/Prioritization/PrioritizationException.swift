/// A contextualized standard the group decided not to prioritize, with the recorded reason.
public struct PrioritizationException: Sendable, Equatable, Hashable {
  public var standard: StandardNumber
  public var reason: ExceptionReason

  public init(standard: StandardNumber, reason: ExceptionReason) {
    self.standard = standard
    self.reason = reason
  }
}
