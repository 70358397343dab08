import Foundation
@testable import LineOfSightReturns
import Testing

@Suite struct ReaderTests {
    private func read(_ text: String, file: String = "x.csv") throws(SSDA903ReadError) -> SSDA903TableData {
        try SSDA903Reader.readTable(bytes: Array(text.utf8), file: file)
    }

    private func readError(_ bytes: [UInt8]) -> SSDA903ReadError? {
        do {
            _ = try SSDA903Reader.readTable(bytes: bytes, file: "bad.csv")
            return nil
        } catch {
            return error
        }
    }

    @Test func recognisesATableByItsColumnsInAnyOrder() throws {
        let table = try read("UPN,CHILD,DOB,SEX,ETHNIC,MC_DOB,MOTHER\nUN1,7,01/01/2020,m,wbri,,\n")
        #expect(table.table == .header)
        #expect(table[.child][0] == "7")
        #expect(table[.sex][0] == "M")
        #expect(table[.ethnic][0] == "WBRI")
        #expect(table.dates(.dob) == [.valid(.init(year: 2020, month: 1, day: 1)!)])
    }

    /// Values told apart by their bytes alone (long ones differing only in the last byte, one
    /// the other's prefix), and a CHILD found again by its bytes as joins find it.
    @Test func numbersEachDistinctValueByItsBytes() throws {
        let long = String(repeating: "A", count: 17)
        let table = try read("UPN,CHILD,DOB,SEX,ETHNIC,MC_DOB,MOTHER\n,\(long)B,,,,,\n,\(long)C,,,,,\n,\(long),,,,,\n,\(long)B,,,,,\n,,,,,,\n")
        #expect(table.children.ids == [1, 2, 3, 1, 0])
        #expect(table.children.values == ["", long + "B", long + "C", long])
        #expect(table.childNumber(of: long + "C") == 2 && table.childNumber(of: "") == 0)
        #expect(table.childNumber(of: long + "D") == nil && table.childNumber(of: long + "BB") == nil)
    }

    /// Files uploaded in a browser: named in findings and errors as their person named them.
    @Test func readsUploadedFilesUnderTheirOwnNames() throws {
        let header = (name: "Header 2026.csv", contents: Data("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n7,M,01/01/2020,WBRI,UN1,,\n".utf8))
        let read = try SSDA903Reader.read(uploaded: [header])
        #expect(read[.header]?.file == "Header 2026.csv" && read[.header]?.rowCount == 1)
        let twice = #expect(throws: SSDA903ReadError.self) { try SSDA903Reader.read(uploaded: [header, (name: "copy.csv", contents: header.contents)]) }
        #expect(twice == SSDA903ReadError(file: "copy.csv", .sameTableTwice(.header, otherFile: "Header 2026.csv")))
        let mixed = #expect(throws: SSDA903ReadError.self) { try SSDA903Reader.read(uploaded: [header, (name: "return.XML", contents: Data())]) }
        #expect(mixed == SSDA903ReadError(file: "return.XML", .notOneXMLFile(otherFile: "Header 2026.csv")))
        let empty = #expect(throws: SSDA903ReadError.self) { try SSDA903Reader.read(uploaded: [(name: "episodes.csv", contents: Data())]) }
        #expect(empty == SSDA903ReadError(file: "episodes.csv", .empty))
    }

    @Test func refusesAHeaderRowOfNoTable() {
        let error = readError(Array("CHILD,SEX,DOB\n1,M,01/01/2020\n".utf8))
        #expect(error == SSDA903ReadError(file: "bad.csv", line: 1, .unknownHeader(["CHILD", "SEX", "DOB"])))
        #expect(error?.description.contains("bad.csv, line 1") == true)
    }

    @Test func refusesARepeatedColumnName() {
        #expect(readError(Array("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,SEX\n".utf8))?.kind
            == .unknownHeader(["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "SEX"]))
    }

    @Test func trimsAndUpperCasesValuesAndReadsBlankAsMissing() throws {
        let table = try read("CHILD,DOB,MISSING,MIS_START,MIS_END\n 1 , 02/03/2024 ,m,  ,\n")
        #expect(table[.child][0] == "1")
        #expect(table[.missing][0] == "M")
        #expect(table.dates(.dob) == [.valid(.init(year: 2024, month: 3, day: 2)!)])
        #expect(table.dates(.misStart) == [.missing])
        #expect(table.dates(.misEnd) == [.missing])
    }

    @Test func upperCasesLettersBeyondASCII() throws {
        #expect(try read("CHILD,DOB,MISSING,MIS_START,MIS_END\né1,,,,\n")[.child][0] == "É1")
    }

    @Test func acceptsAByteOrderMarkCRLFQuotesAndBlankLines() throws {
        let text = "\u{FEFF}CHILD,DOB,MISSING,MIS_START,MIS_END\r\n\"1,A\",01/01/2010,\"M\"\"X\",,\r\n\r\n2,01/01/2011,A,,\r\n"
        let table = try read(text)
        #expect([table[.child][0], table[.child][1]] == ["1,A", "2"])
        #expect([table[.missing][0], table[.missing][1]] == ["M\"X", "A"])
        #expect(table.lines == [2, 4])
    }

    @Test func readsQuotedFieldsWherePandasDoes() throws {
        // A quoted field at the end of the file with no line end, one with a line break inside,
        // one followed by stray characters (kept, as pandas keeps them), and an empty quoted field.
        let text = "CHILD,DOB,MISSING,MIS_START,MIS_END\n\"A\nB\",,\"M\"x,\"\",\r\n2,,A,,\"01/01/2020\""
        let table = try read(text)
        #expect(table.rowCount == 2)
        #expect(table[.child][0] == "A\nB")
        #expect(table[.missing][0] == "MX")
        #expect(table[.misStart][0] == nil)
        #expect(table.dates(.misEnd) == [.missing, .valid(.init(year: 2020, month: 1, day: 1)!)])
        #expect(table.lines == [2, 4])
    }

    @Test func readsTheLastLineWithoutALineEnd() throws {
        let table = try read("CHILD,DOB,MISSING,MIS_START,MIS_END\r\n1,,M,,\r\n2,,A,,")
        #expect(table.rowCount == 2)
        #expect(table[.missing][1] == "A")
    }

    @Test func readsAShortRowsMissingFieldsAsBlank() throws {
        let table = try read("CHILD,DOB,MISSING,MIS_START,MIS_END\n1,01/01/2010\n")
        #expect(table[.missing].count == 1 && table[.missing][0] == nil)
        #expect(table.dates(.misEnd) == [.missing])
    }

    @Test func refusesARowWithMoreFieldsThanTheHeader() {
        let error = readError(Array("CHILD,DOB,MISSING,MIS_START,MIS_END\n1,,,,\n2,,,,,extra\n".utf8))
        #expect(error == SSDA903ReadError(file: "bad.csv", line: 3, column: 6, .tooManyFields(expected: 5, found: 6)))
    }

    @Test func refusesAQuoteThatIsNeverClosed() {
        let error = readError(Array("CHILD,DOB,MISSING,MIS_START,MIS_END\n1,,,,\n\"2,,,,\n".utf8))
        #expect(error == SSDA903ReadError(file: "bad.csv", line: 3, .unterminatedQuote))
    }

    @Test func refusesAnEmptyFile() {
        #expect(readError([])?.kind == .empty)
        #expect(readError([0xEF, 0xBB, 0xBF, 0x0A, 0x0A])?.kind == .empty)
    }

    @Test func refusesALargeFileWithNoLineEndBeforeLookingFurther() {
        // Not UTF-8 after the first 64 KB: the missing header row is what is reported.
        let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 70_000) + [0xFF]
        #expect(readError(bytes) == SSDA903ReadError(file: "bad.csv", line: 1, .noHeaderRow))
    }

    @Test func refusesATableLongerThanAnyReturn() {
        let text = "CHILD,DOB,MISSING,MIS_START,MIS_END\n" + String(repeating: "1,,M,,\n", count: 4)
        #expect(throws: SSDA903ReadError(file: "bad.csv", line: 5, .tooManyRows(3))) {
            try SSDA903Reader.readTable(bytes: Array(text.utf8), file: "bad.csv", rowLimit: 3)
        }
        #expect(SSDA903Reader.maximumRows >= 1_000_000)
    }

    @Test func namesTheLineOfTheFirstByteThatIsNotUTF8() {
        // "é" in Windows-1252 is the single byte 0xE9.
        let bytes = Array("CHILD,DOB,MISSING,MIS_START,MIS_END\n1,,,,\nRen".utf8) + [0xE9] + Array(",,,,\n".utf8)
        let error = readError(bytes)
        #expect(error?.line == 3)
        #expect(error?.description.contains("byte 0xE9 at byte 4 of the line is not valid UTF-8") == true)
    }

    @Test func saysWhenAFileIsUTF16() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("CHILD".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(readError(bytes)?.kind == .notUTF8(detail: "it is UTF-16"))
    }

    @Test func readsEveryCSVFileOfADirectoryAndRefusesATableTwice() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ssda903-reader-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M,01/01/2010,WBRI,UN1,,\n"
        try Data(header.utf8).write(to: directory.appendingPathComponent("anything.CSV"))
        try Data("not a table".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let read = try SSDA903Reader.read(directory: directory)
        #expect(Set(read.tables.keys) == [.header])
        try Data(header.utf8).write(to: directory.appendingPathComponent("header-again.csv"))
        #expect(throws: SSDA903ReadError.self) { try SSDA903Reader.read(directory: directory) }
    }
}

@Suite struct CellsTests {
    @Test func aColumnHoldsEachDistinctValueOnceAndGroupsRowsByValue() {
        let cells = table(.missing, "1,,M,,", "2,,A,,", "3,,m,,", "4,,,,")[.missing]
        #expect(cells.values == ["", "M", "A"])
        #expect(cells.ids == [1, 2, 1, 0])
        let match = cells.matching(["M", "X"])
        #expect(cells.ids.indices.map { match[$0] } == [true, false, true, false])
        let groups = cells.rowsByValue()
        #expect(Array(groups[1]) == [0, 2])
        #expect(Array(groups[0]) == [3])
        #expect(groups.present.map(Array.init) == [[0, 2], [1]])
    }

    @Test func manyDistinctValuesKeepTheirOwnNumbers() {
        let rows = (0..<5000).map { "C\($0),,M,," }
        let children = table(.missing, rows)[.child]
        #expect(children.values.count == 5001)
        #expect((0..<5000).allSatisfy { children[$0] == "C\($0)" })
    }
}
