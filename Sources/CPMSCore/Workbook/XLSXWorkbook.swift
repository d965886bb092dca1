/// A workbook of named sheets of text cells, written as an .xlsx file (Office Open XML) with inline
/// strings: the smallest file Excel, LibreOffice, openpyxl and pyxform all read.
public struct XLSXWorkbook: Sendable {
  public struct Sheet: Sendable {
    public var name: String
    public var rows: [[String]]

    public init(name: String, rows: [[String]]) {
      self.name = name
      self.rows = rows
    }
  }

  public var sheets: [Sheet]

  public init(sheets: [Sheet]) {
    self.sheets = sheets
  }

  public var bytes: [UInt8] {
    var zip = ZIPArchive()
    zip.add("[Content_Types].xml", text: contentTypes)
    zip.add(
      "_rels/.rels",
      text: XLSXWorkbook.declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>")
    zip.add("xl/workbook.xml", text: workbook)
    zip.add("xl/_rels/workbook.xml.rels", text: workbookRelationships)
    for (index, sheet) in sheets.enumerated() {
      zip.add("xl/worksheets/sheet\(index + 1).xml", text: XLSXWorkbook.worksheet(sheet))
    }
    return zip.bytes
  }

  static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

  var contentTypes: String {
    var out = XLSXWorkbook.declaration
    out += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
    out += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
    out += #"<Default Extension="xml" ContentType="application/xml"/>"#
    out +=
      #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
    for index in sheets.indices {
      out += #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" "#
      out += #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
    }
    return out + "</Types>"
  }

  var workbook: String {
    var out = XLSXWorkbook.declaration
    out += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
    out += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
    for (index, sheet) in sheets.enumerated() {
      out += #"<sheet name="\#(XLSXWorkbook.escape(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
    }
    return out + "</sheets></workbook>"
  }

  var workbookRelationships: String {
    var out = XLSXWorkbook.declaration
    out += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    for index in sheets.indices {
      out += #"<Relationship Id="rId\#(index + 1)" "#
      out += #"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" "#
      out += #"Target="worksheets/sheet\#(index + 1).xml"/>"#
    }
    return out + "</Relationships>"
  }

  static func worksheet(_ sheet: Sheet) -> String {
    var out = declaration
    out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    for (rowIndex, row) in sheet.rows.enumerated() {
      out += #"<row r="\#(rowIndex + 1)">"#
      for (columnIndex, value) in row.enumerated() where !value.isEmpty {
        let reference = columnName(columnIndex) + String(rowIndex + 1)
        out += #"<c r="\#(reference)" t="inlineStr"><is><t xml:space="preserve">\#(escape(value))</t></is></c>"#
      }
      out += "</row>"
    }
    return out + "</sheetData></worksheet>"
  }

  /// A, B, … Z, AA, AB …
  static func columnName(_ index: Int) -> String {
    var index = index
    var name = ""
    repeat {
      name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
      index = index / 26 - 1
    } while index >= 0
    return name
  }

  static func escape(_ text: String) -> String { XML.escape(text) }
}
