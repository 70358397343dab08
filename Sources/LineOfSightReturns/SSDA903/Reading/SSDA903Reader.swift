import Foundation

/// Reads a return's CSV files: each file's header row says which table it holds.
public enum SSDA903Reader {
    /// Every `.csv` file directly in `directory` (other files are not part of a return).
    public static func read(directory: URL) throws(SSDA903ReadError) -> SSDA903Return {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw SSDA903ReadError(file: directory.path, .unreadable(error.localizedDescription))
        }
        let files = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
            .map { directory.appendingPathComponent($0) }
        return try read(files: files)
    }

    public static func read(files: [URL]) throws(SSDA903ReadError) -> SSDA903Return {
        var tables: [SSDA903Table: SSDA903TableData] = [:]
        for url in files {
            let data: Data
            do {
                // Mapped, not copied: a large file costs address space, not memory, and a file
                // that is not a table is refused from its first line.
                data = try Data(contentsOf: url, options: .alwaysMapped)
            } catch {
                throw SSDA903ReadError(file: url.path, .unreadable(error.localizedDescription))
            }
            let table = try data.withUnsafeBytes { raw in
                Result { () throws(SSDA903ReadError) in try readTable(raw.bindMemory(to: UInt8.self), file: url.path) }
            }.get()
            if let earlier = tables[table.table] {
                throw SSDA903ReadError(file: url.path, .sameTableTwice(table.table, otherFile: earlier.file))
            }
            tables[table.table] = table
        }
        return SSDA903Return(tables: tables)
    }

    /// One file's table. `file` names it in errors and findings.
    /// `rowLimit` lets a test show the limit without writing a million rows.
    public static func readTable(bytes: [UInt8], file: String,
                                 rowLimit: Int = maximumRows) throws(SSDA903ReadError) -> SSDA903TableData {
        try bytes.withUnsafeBufferPointer { buffer throws(SSDA903ReadError) in
            try readTable(buffer, file: file, rowLimit: rowLimit)
        }
    }

    static let headerSearchLimit = 64 * 1024
    /// England's largest council looks after a few thousand children and a national return has
    /// under 100,000; a table longer than this is not a return, and refusing it bounds memory.
    public static let maximumRows = 1_000_000

    static func readTable(_ file: UnsafeBufferPointer<UInt8>, file name: String,
                          rowLimit: Int = maximumRows) throws(SSDA903ReadError) -> SSDA903TableData {
        var body = file
        if body.count >= 3, body[0] == 0xEF, body[1] == 0xBB, body[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: body[3...])
        }
        // The longest header row is a few hundred bytes: a file with no line end early on is not a
        // table, however large, and is refused before the rest of it is looked at.
        let firstLineEnd = body.prefix(headerSearchLimit).firstIndex(of: UInt8(ascii: "\n"))
        if body.count > headerSearchLimit, firstLineEnd == nil {
            throw SSDA903ReadError(file: name, line: 1, .noHeaderRow)
        }
        // The header row alone first, so a file of the wrong kind is refused before its body is read.
        let firstLine = UnsafeBufferPointer(rebasing: body[..<(firstLineEnd ?? body.count)])
        if let problem = UTF8Check.problem(in: firstLine) {
            throw SSDA903ReadError(file: name, line: 1, .notUTF8(detail: problem.detail))
        }
        var headerOnly = CSVScanner(firstLine)
        _ = try headerRow(&headerOnly, file: name)
        if let problem = UTF8Check.problem(in: body) {
            throw SSDA903ReadError(file: name, line: problem.line, .notUTF8(detail: problem.detail))
        }
        return try parseTable(body, file: name, rowLimit: rowLimit)
    }

    /// Reads the header row and names its table.
    private static func headerRow(_ scanner: inout CSVScanner, file: String) throws(SSDA903ReadError) -> (SSDA903Table, [String]) {
        guard try advance(&scanner, file: file) else { throw SSDA903ReadError(file: file, .empty) }
        let names = (0..<scanner.fieldCount).map { index in
            scanner.withField(index) { String(decoding: $0, as: UTF8.self) }.trimmingCharacters(in: .whitespaces)
        }
        guard let table = SSDA903Table.recognising(names) else {
            throw SSDA903ReadError(file: file, line: scanner.line, .unknownHeader(names))
        }
        return (table, names)
    }

    private static func advance(_ scanner: inout CSVScanner, file: String) throws(SSDA903ReadError) -> Bool {
        do {
            return try scanner.next()
        } catch {
            switch error {
            case .unterminatedQuote(let line): throw SSDA903ReadError(file: file, line: line, .unterminatedQuote)
            }
        }
    }

    private static func parseTable(_ bytes: UnsafeBufferPointer<UInt8>, file: String,
                                   rowLimit: Int) throws(SSDA903ReadError) -> SSDA903TableData {
        var scanner = CSVScanner(bytes)
        let (table, names) = try headerRow(&scanner, file: file)
        // Where each file column goes among the table's columns (files may order them freely).
        let columns = table.columns
        let destination = names.map { name in columns.firstIndex { $0.rawValue == name }! }
        var ids = Array(repeating: [Int32](), count: columns.count)
        var interners = Array(repeating: CellInterner(), count: columns.count)
        let estimate = bytes.count / max(16, names.count * 6)
        for index in ids.indices { ids[index].reserveCapacity(estimate) }
        var lines: [Int] = []
        lines.reserveCapacity(estimate)
        var scratch: [UInt8] = []
        while try advance(&scanner, file: file) {
            guard lines.count < rowLimit else {
                throw SSDA903ReadError(file: file, line: scanner.line, .tooManyRows(rowLimit))
            }
            guard scanner.fieldCount <= names.count else {
                throw SSDA903ReadError(file: file, line: scanner.line, column: names.count + 1,
                                       .tooManyFields(expected: names.count, found: scanner.fieldCount))
            }
            for index in 0..<names.count {
                // A short row's missing fields are empty cells, as pandas reads them.
                let column = destination[index]
                guard index < scanner.fieldCount else { ids[column].append(0); continue }
                let id = scanner.withField(index) { field in
                    CellText.normalise(field, scratch: &scratch) { interners[column].id(of: $0) }
                }
                ids[column].append(id)
            }
            lines.append(scanner.line)
        }
        let cells = zip(ids, interners).map { SSDA903Cells(ids: $0, values: $1.values) }
        return SSDA903TableData(table: table, file: file, lines: lines, columns: cells)
    }
}
