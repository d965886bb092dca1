public struct ArgumentSpec: Sendable {
  public var name: String
  public var help: String
  public var repeating: Bool
  public var required: Bool

  public init(name: String, help: String, repeating: Bool = false, required: Bool = true) {
    self.name = name
    self.help = help
    self.repeating = repeating
    self.required = required
  }
}
