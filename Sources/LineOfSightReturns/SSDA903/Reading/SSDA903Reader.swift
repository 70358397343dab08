import Foundation

/// Reads a return: its CSV files, each file's header row saying which table it holds, or its
/// one XML file.
public enum SSDA903Reader {
    /// Every `.csv` file directly in `directory`, or its `.xml` file (other files are not part of a return).
    public static func read(directory: URL) throws(SSDA903ReadError) -> SSDA903Return {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw SSDA903ReadError(file: directory.path, .unreadable(error.localizedDescription))
        }
        let files = names.filter { $0.lowercased().hasSuffix(".csv") || isXML($0) }.sorted()
            .map { directory.appendingPathComponent($0) }
        return try read(files: files)
    }

    /// The return in `files`: CSV files, or one XML file (as the DfE tool, which refuses a mix).
    public static func read(files: [URL]) throws(SSDA903ReadError) -> SSDA903Return {
        try read(names: files.map(\.path)) { index throws(SSDA903ReadError) in try contents(of: files[index]) }
    }

    /// The return in files uploaded in a browser, each named as its person named it (errors and
    /// findings name it so): CSV files, or one XML file.
    public static func read(uploaded files: [(name: String, contents: Data)]) throws(SSDA903ReadError) -> SSDA903Return {
        try read(names: files.map(\.name)) { files[$0].contents }
    }

    /// The return in the files called `names`, each file's bytes read only when needed.
    private static func read(names: [String],
                             contents: (Int) throws(SSDA903ReadError) -> Data) throws(SSDA903ReadError) -> SSDA903Return {
        if let xml = names.firstIndex(where: isXML) {
            if let other = names.indices.first(where: { $0 != xml }) {
                throw SSDA903ReadError(file: names[xml], .notOneXMLFile(otherFile: names[other]))
            }
            return try SSDA903XMLReader.read(contents(xml), file: names[xml])
        }
        var tables: [SSDA903Table: SSDA903TableData] = [:]
        for (index, name) in names.enumerated() {
            let data = try contents(index)
            let table = try data.withUnsafeBytes { raw in
                Result { () throws(SSDA903ReadError) in try readTable(raw.bindMemory(to: UInt8.self), file: name) }
            }.get()
            if let earlier = tables[table.table] {
                throw SSDA903ReadError(file: name, .sameTableTwice(table.table, otherFile: earlier.file))
            }
            tables[table.table] = table
        }
        return SSDA903Return(tables: tables)
    }

    private static func isXML(_ name: String) -> Bool { name.lowercased().hasSuffix(".xml") }

    /// Mapped, not copied: a large file costs address space, not memory, and a file that is not
    /// a return is refused from its first line.
    private static func contents(of url: URL) throws(SSDA903ReadError) -> Data {
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw SSDA903ReadError(file: url.path, .unreadable(error.localizedDescription))
        }
    }

    /// One file's table. `file` names it in errors and findings.
    /// `rowLimit` lets a test show the limit without writing a million rows.
    public static func readTable(bytes: [UInt8], file: String,
                                 rowLimit: Int = maximumRows) throws(SSDA903ReadError) -> SSDA903TableData {
        try bytes.withUnsafeBufferPointer { buffer throws(SSDA903ReadError) in
            try readTable(buffer, file: file, rowLimit: rowLimit)
        }
    }

    /// `rows` of `table` (each a row's cells by column, an absent column empty) as `readTable`
    /// reads a CSV file of them written with the table's columns in order (`SSDA903CSVTable`):
    /// each cell trimmed and upper-cased the same way, without writing the text and parsing it
    /// back. Lines are numbered as in that file when no cell holds a line break.
    public static func table(_ table: SSDA903Table, rows: [[SSDA903Column: String]]) -> SSDA903TableData {
        let columns = table.columns
        var builder = SSDA903TableBuilder(table, layout: columns, fileOrder: columns, expectedRows: rows.count)
        for (index, row) in rows.enumerated() {
            for (position, column) in columns.enumerated() {
                var cell = row[column] ?? ""
                cell.withUTF8 { builder.add($0, to: position) }
            }
            builder.endRow(line: index + 2)
        }
        return builder.build(file: table.rawValue)
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
            scanner.withField(index, CellText.name)
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
        var builder = SSDA903TableBuilder(table, layout: columns, fileOrder: destination.map { columns[$0] },
                                          expectedRows: bytes.count / max(16, names.count * 6))
        while try advance(&scanner, file: file) {
            guard builder.rowCount < rowLimit else {
                throw SSDA903ReadError(file: file, line: scanner.line, .tooManyRows(rowLimit))
            }
            guard scanner.fieldCount <= names.count else {
                throw SSDA903ReadError(file: file, line: scanner.line, column: names.count + 1,
                                       .tooManyFields(expected: names.count, found: scanner.fieldCount))
            }
            for index in 0..<names.count {
                // A short row's missing fields are empty cells, as pandas reads them.
                let column = destination[index]
                guard index < scanner.fieldCount else { builder.addBlank(to: column); continue }
                scanner.withField(index) { builder.add($0, to: column) }
            }
            builder.endRow(line: scanner.line)
        }
        return builder.build(file: file)
    }
}
