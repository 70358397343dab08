/// One row at fault under one rule: `row` is the 0-based data row of that table's file (the
/// DfE tool's row index), `line` the line of the file it starts on.
public struct SSDA903Finding: Sendable, Hashable {
    public let ruleCode: String
    public let childID: String?
    public let table: SSDA903Table
    public let row: Int
    public let line: Int
    /// Whether the row is of last year's table (`--prev`), as rule 706's are.
    public var lastYear: Bool = false

    /// The table's name, last year's as the DfE tool names it internally (`DoLo_last`).
    public var tableName: String { lastYear ? table.rawValue + "_last" : table.rawValue }
}

/// Every finding of a validation, stored as (rule, table, row) in eight bytes each: a file of
/// millions of faulty rows costs tens of megabytes, not gigabytes. Each `SSDA903Finding` is made
/// when it is read, with its CHILD and line from the tables.
public struct SSDA903Findings: RandomAccessCollection, Sendable {
    struct Entry: Sendable {
        let rule: UInt16
        let table: UInt8
        let row: UInt32
    }

    let entries: [Entry]
    let codes: [String]
    /// This year's tables in `SSDA903Table.allCases` order, then last year's.
    let tables: [SSDA903TableData?]

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    public subscript(position: Int) -> SSDA903Finding {
        let entry = entries[position]
        let data = tables[Int(entry.table)]!
        let row = Int(entry.row), count = SSDA903Table.allCases.count
        return SSDA903Finding(ruleCode: codes[Int(entry.rule)], childID: data.children[row],
                              table: SSDA903Table.allCases[Int(entry.table) % count], row: row, line: data.lines[row],
                              lastYear: Int(entry.table) >= count)
    }
}

/// Everything a validation produced.
public struct SSDA903Report: Sendable {
    public let ruleSet: SSDA903RuleSet
    /// Ordered by rule (catalogue order), then table, then row.
    public let findings: SSDA903Findings
    /// The codes of the rules that ran.
    public let ran: [String]
    /// Rules that could not run, with what they lacked.
    public let skipped: [SSDA903SkippedRule]

    /// Writes `rule_code,child_id,table,row_index` (a header line, then one line per finding) in
    /// pieces of a few thousand lines, so a large report is never held whole.
    public func writeCSV(_ write: (String) -> Void) {
        // Bytes straight from the stored entries, no `SSDA903Finding` (nor its strings) a line: a
        // return with many faults has hundreds of thousands. The entries run table by table
        // within a rule, so each table's CHILD column and name are looked up when the table changes.
        var chunk = Array("rule_code,child_id,table,row_index\n".utf8)
        chunk.reserveCapacity(70 * 1024)
        let codes = findings.codes.map { Array($0.utf8) }
        let tableCount = SSDA903Table.allCases.count
        let names = findings.tables.indices.map { number in
            Array((SSDA903Table.allCases[number % tableCount].rawValue + (number >= tableCount ? "_last" : "")).utf8)
        }
        var tableNumber = -1
        var children = SSDA903Cells(ids: [], values: [])
        for entry in findings.entries {
            if Int(entry.table) != tableNumber {
                tableNumber = Int(entry.table)
                children = findings.tables[tableNumber]!.children
            }
            let row = Int(entry.row)
            chunk.append(contentsOf: codes[Int(entry.rule)])
            chunk.append(UInt8(ascii: ","))
            if let child = children[row] { appendCSVField(child, to: &chunk) }
            chunk.append(UInt8(ascii: ","))
            chunk.append(contentsOf: names[tableNumber])
            chunk.append(UInt8(ascii: ","))
            appendNumber(row, to: &chunk)
            chunk.append(UInt8(ascii: "\n"))
            if chunk.count >= 64 * 1024 {
                write(String(decoding: chunk, as: UTF8.self))
                chunk.removeAll(keepingCapacity: true)
            }
        }
        write(String(decoding: chunk, as: UTF8.self))
    }

    /// The whole CSV at once, for small reports.
    public var csv: String {
        var text = ""
        writeCSV { text += $0 }
        return text
    }

    private func appendCSVField(_ text: String, to bytes: inout [UInt8]) {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        // Row numbers are never negative.
        let start = bytes.count
        var rest = number
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start..<bytes.count].reverse()
    }
}

/// A rule that did not run: the tables of this year or last year, or the lookup, it lacked, or
/// the XML form it reads.
public struct SSDA903SkippedRule: Sendable {
    public let code: String
    public let missing: [SSDA903Table]
    public let missingPrevious: [SSDA903Table]
    public let missingPostcodes: Bool
    public let missingProviders: Bool
    public let notXML: Bool

    /// What it lacked, in words: "no Episodes table, no postcode lookup (--postcodes)".
    public var reason: String {
        let lacking = missing.map { "no \($0.rawValue) table" }
            + missingPrevious.map { "no \($0.rawValue) table of last year (--prev)" }
            + (missingPostcodes ? ["no postcode lookup (--postcodes)"] : [])
            + (missingProviders ? ["no Ofsted provider lookup (--providers)"] : [])
            + (notXML ? ["the return is CSV files, and the rule reads what only the XML form holds"] : [])
        return lacking.joined(separator: ", ")
    }
}
