/// Splits CSV bytes into records (RFC 4180: commas, double-quoted fields with `""` for a quote,
/// LF or CRLF line ends), one record at a time into reusable buffers, so reading a large return
/// allocates per table, not per cell.
///
/// Blank lines are skipped, as pandas does for the DfE tool.
struct CSVScanner {
    enum Failure: Error { case unterminatedQuote(line: Int) }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var nextLine = 1

    /// The current record's fields, unquoted, one after another.
    private(set) var fieldBytes: [UInt8] = []
    /// Where each field of the current record ends in `fieldBytes`.
    private(set) var fieldEnds: [Int] = []
    /// The line on which the current record starts (1-based).
    private(set) var line = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        fieldBytes.reserveCapacity(256)
        fieldEnds.reserveCapacity(16)
    }

    var fieldCount: Int { fieldEnds.count }

    func field(_ index: Int) -> ArraySlice<UInt8> {
        fieldBytes[(index == 0 ? 0 : fieldEnds[index - 1])..<fieldEnds[index]]
    }

    /// Reads the next non-blank record; false at the end of the input.
    mutating func next() throws(Failure) -> Bool {
        while position < bytes.count {
            line = nextLine
            fieldBytes.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            let blank = try scanRecord()
            if !blank { return true }
        }
        return false
    }

    /// Scans one line's record; true when the line was blank.
    private mutating func scanRecord() throws(Failure) -> Bool {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var sawAnything = false
        var inQuotes = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if inQuotes {
                if byte == quote {
                    if position < bytes.count, bytes[position] == quote {
                        fieldBytes.append(quote)
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == lf { nextLine += 1 }
                    fieldBytes.append(byte)
                }
                continue
            }
            switch byte {
            case quote:
                inQuotes = true
                sawAnything = true
            case comma:
                fieldEnds.append(fieldBytes.count)
                sawAnything = true
            case lf:
                nextLine += 1
                fieldEnds.append(fieldBytes.count)
                return !sawAnything
            case cr where position < bytes.count && bytes[position] == lf:
                continue
            default:
                fieldBytes.append(byte)
                sawAnything = true
            }
        }
        if inQuotes { throw .unterminatedQuote(line: line) }
        fieldEnds.append(fieldBytes.count)
        return !sawAnything
    }
}
