/// A ZIP archive of stored (uncompressed) entries: what an .xlsx workbook is, and all cpms needs to
/// write one without a package. Entries carry a fixed date, so the same content gives the same bytes.
public struct ZIPArchive: Sendable {
  public private(set) var entries: [(path: String, bytes: [UInt8])] = []

  public init() {}

  public mutating func add(_ path: String, _ bytes: [UInt8]) {
    entries.append((path, bytes))
  }

  public mutating func add(_ path: String, text: String) {
    add(path, Array(text.utf8))
  }

  /// 1980-01-01 00:00, the earliest date ZIP can hold, in MS-DOS format.
  static let dosTime: UInt16 = 0
  static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

  /// The archive's bytes: each local header and its data, then the central directory and its end.
  public var bytes: [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for (path, data) in entries {
      let name = Array(path.utf8)
      let crc = CRC32.checksum(data)
      let offset = UInt32(out.count)
      // Local file header.
      out.append(littleEndian: UInt32(0x0403_4b50))
      out.append(littleEndian: UInt16(20))  // version needed: 2.0
      out.append(littleEndian: UInt16(0x0800))  // flags: names are UTF-8
      out.append(littleEndian: UInt16(0))  // method: stored
      out.append(littleEndian: ZIPArchive.dosTime)
      out.append(littleEndian: ZIPArchive.dosDate)
      out.append(littleEndian: crc)
      out.append(littleEndian: UInt32(data.count))
      out.append(littleEndian: UInt32(data.count))
      out.append(littleEndian: UInt16(name.count))
      out.append(littleEndian: UInt16(0))
      out += name
      out += data
      // Its central directory record.
      central.append(littleEndian: UInt32(0x0201_4b50))
      central.append(littleEndian: UInt16(20))  // made by: 2.0
      central.append(littleEndian: UInt16(20))
      central.append(littleEndian: UInt16(0x0800))
      central.append(littleEndian: UInt16(0))
      central.append(littleEndian: ZIPArchive.dosTime)
      central.append(littleEndian: ZIPArchive.dosDate)
      central.append(littleEndian: crc)
      central.append(littleEndian: UInt32(data.count))
      central.append(littleEndian: UInt32(data.count))
      central.append(littleEndian: UInt16(name.count))
      central.append(littleEndian: UInt16(0))  // extra
      central.append(littleEndian: UInt16(0))  // comment
      central.append(littleEndian: UInt16(0))  // disk
      central.append(littleEndian: UInt16(0))  // internal attributes
      central.append(littleEndian: UInt32(0))  // external attributes
      central.append(littleEndian: offset)
      central += name
    }
    let centralOffset = UInt32(out.count)
    out += central
    out.append(littleEndian: UInt32(0x0605_4b50))
    out.append(littleEndian: UInt16(0))
    out.append(littleEndian: UInt16(0))
    out.append(littleEndian: UInt16(entries.count))
    out.append(littleEndian: UInt16(entries.count))
    out.append(littleEndian: UInt32(central.count))
    out.append(littleEndian: centralOffset)
    out.append(littleEndian: UInt16(0))
    return out
  }
}

extension Array where Element == UInt8 {
  mutating func append<Value: FixedWidthInteger>(littleEndian value: Value) {
    var value = value.littleEndian
    Swift.withUnsafeBytes(of: &value) { append(contentsOf: $0) }
  }
}
