/// The pack's content before it is written as Markdown or HTML: the writer decides what is said once,
/// and each renderer only decides how it looks, so both formats always carry the same text.

/// A run of inline text. Text is user or data text: each renderer escapes it for its format.
enum PackInline: Equatable {
  case text(String)
  case strong(String)
  case emphasis(String)
  case code(String)
  /// A name users give (a context's): HTML isolates it, so right-to-left or direction-changing text
  /// cannot reorder the words around it.
  case name(String)
  /// A reference to another part of the pack (a file, a section, or an element of the HTML page).
  case link(String, PackPart)
}

typealias PackLine = [PackInline]

/// One entry of a list, with an optional nested list (the contents list uses it for the standards).
struct PackListItem: Equatable {
  var line: PackLine
  var children: [PackLine] = []
}

/// A table of at most six columns: every table must fit a portrait page at a readable size.
struct PackTable: Equatable {
  /// The widest table the pack writes; Word and the print tests hold it to this.
  static let maxColumns = 6

  var header: [String]
  var rows: [[PackLine]]
  var alignRight: Set<Int> = []
  /// Relative column widths for print (percentages); empty leaves them to the browser.
  var widths: [Int] = []
  /// A class for the HTML table (how it is styled); Markdown ignores it.
  var style: String = ""
}

/// One key action in a worksheet: its text next to the boxes and lines the group fills in.
struct WorksheetItem: Equatable {
  var id: String
  /// The phase's title; the pack shows it as the heading above the items.
  var phase: String
  var text: String
  var contextualised: Bool
}

/// One field of an indicator's fill-in grid: the label, and a value when the context already set it.
struct FillInField: Equatable {
  var label: String
  var value: String?
}

enum PackBlock: Equatable {
  /// A heading; level 0 is the part's title, 1 a section of the part, and so on.
  case heading(Int, String)
  case paragraph(PackLine)
  case bullets([PackLine])
  case numbered([PackListItem])
  case table(PackTable)
  /// A remark set apart from the text (a block quote in Markdown, a box in HTML).
  case note(PackLine)
  case worksheet([WorksheetItem])
  /// The grid a group fills in for one indicator.
  case fillIn([FillInField])
  /// A group of blocks that must stay on one page when printed (one indicator, one principle).
  case keepTogether([PackBlock])
  /// A picture of numbers the pack also gives as a table (an SVG chart, written by cpms): HTML draws
  /// it; Markdown, which cannot carry it portably, says where to get it.
  case chart(svg: String, caption: String)
}

/// A part's blocks with its title, as the renderers receive it.
struct PackSection {
  var part: PackPart
  var title: String
  var blocks: [PackBlock]
}
