import Foundation
@testable import LineOfSightReturns
import Testing

/// The XML form: the same tables as the CSV files, and clear errors for a file that is not a return.
@Suite struct XMLReaderTests {
    private func read(_ xml: String) throws(SSDA903ReadError) -> SSDA903Return {
        try SSDA903XMLReader.read(Data(xml.utf8), file: "return.xml")
    }

    private func readError(_ bytes: [UInt8]) -> SSDA903ReadError? {
        do {
            _ = try SSDA903XMLReader.read(Data(bytes), file: "return.xml")
            return nil
        } catch {
            return error
        }
    }

    /// Each table of `xml` holds exactly the rows of the CSV form, cell by cell.
    private func expectSameTables(_ xml: SSDA903Return, _ csv: SSDA903Return, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Set(xml.tables.keys).isSuperset(of: csv.tables.keys), sourceLocation: sourceLocation)
        for (table, expected) in csv.tables {
            guard let got = xml[table] else { continue }
            #expect(got.rowCount == expected.rowCount, "\(table) rows", sourceLocation: sourceLocation)
            for column in table.columns where got.rowCount == expected.rowCount {
                let cells = got[column], wanted = expected[column]
                #expect(got.rows.map { cells[$0] } == expected.rows.map { wanted[$0] }, "\(table).\(column)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    private func findings(_ data: SSDA903Return) -> [String] {
        SSDA903Validator.validate(data, ruleSet: .lac2025_26).findings.map { "\($0.ruleCode) \($0.childID ?? "") \($0.table) \($0.row)" }
    }

    /// The findings of one form that the other lacks, the first few of each.
    private func differences(_ xml: [String], _ csv: [String]) -> [String] {
        Array(xml.filter { !csv.contains($0) }.prefix(5).map { "only XML: " + $0 })
            + csv.filter { !xml.contains($0) }.prefix(5).map { "only CSV: " + $0 }
    }

    /// Two children, every table the XML form holds, and a fault or two in most of them.
    private static let csvTables: [SSDA903Table: [String]] = [
        .header: ["1,F,01/02/2010,WBRI,UN1,0,", "2,M,31/02/2012,XXXX,UN1,,"],
        .episodes: ["1,01/05/2025,S,C2,N1,U1,PR1,01/08/2025,X1,CARPL,LS1 4AP,LS6 2RA,SC123456",
                    "1,01/08/2025,P,C2,N1,Z9,PR1,,,,LS1 4AP,,",
                    "2,15/06/2025,S,V2,N9,U4,PR2,,,,,,"],
        .reviews: ["1,01/02/2010,01/07/2025,PN1", "1,01/02/2010,01/13/2025,PN9", "2,31/02/2012,01/09/2025,PN3"],
        .uasc: ["2,M,31/02/2012,2020-01-01"],
        .oc2: ["1,01/02/2010,41,,0,,1,1,1,0,,"],
        .oc3: ["2,31/02/2012,MAYBE,F2,B1"],
        .ad1: ["1,01/02/2010,01/06/2025,01/07/2025,1,3,MF,L11"],
        .placedAdoption: ["1,01/02/2010,01/06/2025,,RD9"],
        .prevPerm: ["2,31/02/2012,P9,,zz/05/2019"],
        .missing: ["1,01/02/2010,M,01/06/2025,", "1,01/02/2010,X,02/06/2025,03/06/2025"],
    ]

    /// The same return in the XML form, laid out as a council's system might write it: fields
    /// in the schema's order, optional ones left out when blank, values not yet upper-cased.
    private static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <EXPSSDA903>
          <CHILD>
            <HEADER>
              <CHILDID>1</CHILDID><UPN>UN1</UPN><SEX>F</SEX><DOB>01/02/2010</DOB><ETHNIC>wbri</ETHNIC><UASC>0</UASC>
              <DATE_INT>01/06/2025</DATE_INT><DATE_MATCH>01/07/2025</DATE_MATCH><FOSTER_CARE>1</FOSTER_CARE>
              <NB_ADOPTR>3</NB_ADOPTR><SEX_ADOPTR>MF</SEX_ADOPTR><LS_ADOPTR>L11</LS_ADOPTR>
              <AMISSING><MISSING>M</MISSING><MIS_START>01/06/2025</MIS_START></AMISSING>
              <AMISSING><MISSING>X</MISSING><MIS_START>02/06/2025</MIS_START><MIS_END>03/06/2025</MIS_END></AMISSING>
              <AREVIEW><REVIEW>01/07/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
              <AREVIEW>
                <REVIEW>01/13/2025</REVIEW>
                <REVIEW_CODE>PN9</REVIEW_CODE>
              </AREVIEW>
              <MOTHER>0</MOTHER><MC_DOB/>
              <OC2><SDQ_SCORE>41</SDQ_SCORE><CONVICTED>0</CONVICTED><IMMUNISATIONS>1</IMMUNISATIONS>
                <TEETH_CHECK>1</TEETH_CHECK><HEALTH_ASSESSMENT>1</HEALTH_ASSESSMENT><SUBSTANCE_MISUSE>0</SUBSTANCE_MISUSE></OC2>
              <AD_PLACED><DATE_PLACED>01/06/2025</DATE_PLACED><REASON_PLACED_CEASED>RD9</REASON_PLACED_CEASED></AD_PLACED>
            </HEADER>
            <EPISODE><DECOM>01/05/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><PL_POST>LS6 2RA</PL_POST>
              <HOME_POST>LS1 4AP</HOME_POST><URN>SC123456</URN><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>01/08/2025</DEC>
              <REC>X1</REC><REASON_PLACE_CHANGE>CARPL</REASON_PLACE_CHANGE></EPISODE>
            <EPISODE><DECOM>01/08/2025</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN><PL>Z9</PL><HOME_POST>LS1 4AP</HOME_POST>
              <PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC/><REC/></EPISODE>
          </CHILD>
          <CHILD>
            <HEADER>
              <CHILDID>2</CHILDID><UPN>UN1</UPN><SEX>M</SEX><DOB>31/02/2012</DOB><ETHNIC>XXXX</ETHNIC>
              <UASC>1</UASC><DUC>2020-01-01</DUC><IN_TOUCH>maybe</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM>B1</ACCOM>
              <AREVIEW><REVIEW>01/09/2025</REVIEW><REVIEW_CODE>PN3</REVIEW_CODE></AREVIEW>
              <PERMANENCE><PREV_PERM>P9</PREV_PERM><DATE_PERM>zz/05/2019</DATE_PERM></PERMANENCE>
              <SOMETHING_ELSE><NOT_OURS>1</NOT_OURS></SOMETHING_ELSE>
            </HEADER>
            <EPISODE><DECOM>15/06/2025</DECOM><RNE>S</RNE><LS>V2</LS><CIN>N9</CIN><PL>U4</PL>
              <PLACE_PROVIDER>PR2</PLACE_PROVIDER><DEC></DEC><REC></REC></EPISODE>
          </CHILD>
        </EXPSSDA903>
        """

    private func csvReturn(_ rows: [SSDA903Table: [String]]) -> SSDA903Return {
        SSDA903Return(tables: Dictionary(uniqueKeysWithValues: rows.map { ($0.key, table($0.key, $0.value)) }))
    }

    @Test func aCSVReturnAndItsXMLFormGiveTheSameTablesAndFindings() throws {
        let csv = csvReturn(Self.csvTables)
        let xml = try read(Self.xml)
        #expect(xml.form == .xml)
        expectSameTables(xml, csv)
        let found = findings(csv)
        #expect(found.count > 20, "the example return has faults in most tables: \(found)")
        #expect(Set(found.map { $0.split(separator: " ")[2] }).count >= 8)
        #expect(differences(findings(xml), found).isEmpty && findings(xml).count == found.count)
    }

    @Test func aRowsLineIsTheLineOfItsElement() throws {
        let xml = try read(Self.xml)
        #expect(xml[.header]!.lines == [4, 27])
        #expect(xml[.episodes]!.lines == [20, 23, 34])
        #expect(xml[.reviews]!.lines == [10, 11, 30])
        #expect(xml[.uasc]!.lines == [29])
        #expect(xml[.oc3]!.lines == [29])
        #expect(xml[.ad1]!.lines == [6])
    }

    @Test func aGeneratedReturnWrittenAsXMLReadsBackAsItsCSVFiles() throws {
        var generator = SSDA903Generator(children: 400, ruleSet: .lac2025_26, seed: 12, errorRate: 0)
        var files = generator.generate().filter { $0.key != .swEpisodes && $0.key != .doLo }
        // The generator gives a care leaver's OC3 row a DOB of its own; the XML form holds one DOB
        // a child, Header's.
        let born = Dictionary(uniqueKeysWithValues: files[.header]!.split(separator: "\n").dropFirst().map {
            let cells = $0.split(separator: ",", omittingEmptySubsequences: false)
            return (cells[0], cells[2])
        })
        files[.oc3] = files[.oc3]!.split(separator: "\n").enumerated().map { number, line in
            var cells = line.split(separator: ",", omittingEmptySubsequences: false)
            if number > 0 { cells[1] = born[cells[0]]! }
            return cells.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        let csv = SSDA903Return(tables: try files.mapValues { text throws(SSDA903ReadError) in
            try SSDA903Reader.readTable(bytes: Array(text.utf8), file: "x.csv")
        })
        let xml = try read(try SSDA903XMLWriter.xml(csv))
        expectSameTables(xml, csv)
        #expect(Set(xml.tables.keys) == Set(SSDA903XMLLayout.tables))
        #expect(xml[.uasc]!.rowCount > 0 && xml[.oc3]!.rowCount > 0 && xml[.ad1]!.rowCount > 0)
        let found = findings(csv)
        #expect(found.count > 100)
        let differences = differences(findings(xml), found)
        #expect(differences.isEmpty, "\(differences)")
    }

    @Test func theWriterRefusesWhatTheXMLFormCannotHold() throws {
        let twice = csvReturn([.header: ["1,F,01/02/2010,WBRI,UN1,,", "1,F,01/02/2010,WBRI,UN1,,"]])
        #expect(throws: SSDA903XMLWriter.Refusal.self) { try SSDA903XMLWriter.xml(twice) }
        let orphan = csvReturn([.header: ["1,F,01/02/2010,WBRI,UN1,,"], .reviews: ["2,01/02/2010,01/07/2025,PN1"]])
        let refusal = #expect(throws: SSDA903XMLWriter.Refusal.self) { try SSDA903XMLWriter.xml(orphan) }
        #expect(refusal?.description == "Reviews row 0 is of child 2, who is not in Header")
        let twoOC2 = csvReturn([.header: ["1,F,01/02/2010,WBRI,UN1,,"], .oc2: ["1,,,,,,,,,,,", "1,,,,,,,,,,,"]])
        #expect(throws: SSDA903XMLWriter.Refusal.self) { try SSDA903XMLWriter.xml(twoOC2) }
    }

    @Test func aUASCRowIsMadeForAChildWhoIsOrWasUASC() throws {
        func child(_ id: String, _ fields: String) -> String {
            "<CHILD><HEADER><CHILDID>\(id)</CHILDID>\(fields)</HEADER></CHILD>"
        }
        let xml = try read("<EXPSSDA903>" + child("A", "<UASC>0</UASC>") + child("B", "<UASC>1</UASC>")
            + child("C", "<UASC>0</UASC><DUC>01/06/2025</DUC>") + child("D", "<UASC/><DUC>01/06/2025</DUC>")
            + child("E", "<UASC>2</UASC>") + child("F", "<UASC> </UASC>") + "</EXPSSDA903>")
        let uasc = xml[.uasc]!
        #expect(uasc.rows.map { uasc.children[$0] } == ["B", "C", "E"])
        #expect(xml[.header]!.rows.map { xml[.header]![.uasc][$0] } == ["0", "1", "0", nil, "2", nil])
    }

    @Test func aFieldAbsentFromOneRowIsBlankThereWhateverAnotherRowSays() throws {
        let xml = try read("""
            <EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID></HEADER>
            <EPISODE><DECOM>01/05/2025</DECOM><URN>SC123456</URN></EPISODE><EPISODE><DECOM>01/06/2025</DECOM></EPISODE>
            </CHILD></EXPSSDA903>
            """)
        #expect(xml[.episodes]![.urn][1] == nil)
        #expect(xml[.episodes]![.child][1] == "1")
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<EXPSSDA903>\n<CHILD><HEADER><DOB>01/01/2012</HEADER></CHILD>\n</EXPSSDA903>\n",
         "return.xml, line 3, column 40: is not well-formed XML: an element is closed by the end tag of another"),
        ("<EXPSSDA903>\n<CHILD><HEADER><DOB>01/01/2012</DOB></HEADER>\n", "return.xml, line 2, column 46: is not well-formed XML: it ends before every element is closed"),
        ("CHILD,SEX,DOB\n1,M,01/01/2012\n", "return.xml, line 1, column 1: is not well-formed XML: no element starts it: it is not XML"),
        ("", "return.xml: is not well-formed XML: the file is empty"),
        ("<?xml version=\"1.0\"?>\n<Message><Header/></Message>", "return.xml, line 2, column 9: has the root element <Message>, not <EXPSSDA903>: it is not an SSDA903 return"),
        ("<EXPSSDA903>\n  <CHILD>\n    <EPISODE/>\n  </CHILD>\n</EXPSSDA903>", "return.xml, line 2: is not laid out as an SSDA903 return: the <CHILD> of line 2 has no <HEADER>"),
        ("<EXPSSDA903><CHILD><HEADER/><HEADER/></CHILD></EXPSSDA903>", "return.xml, line 1, column 36: is not laid out as an SSDA903 return: the <CHILD> of line 1 holds a second <HEADER>"),
        ("<EXPSSDA903><CHILD><HEADER><DOB>1</DOB><DOB>2</DOB></HEADER></CHILD></EXPSSDA903>", "return.xml, line 1, column 52: is not laid out as an SSDA903 return: <HEADER> holds <DOB> twice"),
        ("<EXPSSDA903><CHILD><HEADER/><EPISODE><PL>U1</PL><PL>U2</PL></EPISODE></CHILD></EXPSSDA903>", "return.xml, line 1, column 60: is not laid out as an SSDA903 return: <EPISODE> holds <PL> twice"),
        ("<EXPSSDA903><CHILD><HEADER><DOB><D>1</D></DOB></HEADER></CHILD></EXPSSDA903>", "return.xml, line 1, column 35: is not laid out as an SSDA903 return: <DOB> holds the element <D> where only its value belongs"),
        ("<EXPSSDA903><HEADER/></EXPSSDA903>", "return.xml, line 1, column 20: is not laid out as an SSDA903 return: <EXPSSDA903> holds <HEADER> where only <CHILD> elements belong"),
        ("<EXPSSDA903><CHILD><HEADER><DOB>&nbsp;</DOB></HEADER></CHILD></EXPSSDA903>", "return.xml, line 1, column 39: is not well-formed XML: it uses an entity (&…;) that is not declared"),
    ])
    func aFileThatIsNotAReturnIsRefusedWithItsPlace(_ xml: String, _ message: String) {
        #expect(readError(Array(xml.utf8))?.description == message)
    }

    @Test func namesTheLineOfAByteThatIsNotUTF8() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EXPSSDA903><CHILD><HEADER>\n<CHILDID>Ren".utf8) + [0xE9]
            + Array("</CHILDID></HEADER></CHILD></EXPSSDA903>".utf8)
        let error = readError(bytes)
        #expect(error?.line == 3)
        #expect(error?.description.contains("not a character of its encoding") == true, "\(String(describing: error))")
    }

    @Test func refusesATableLongerThanAnyReturn() throws {
        let children = String(repeating: "<CHILD><HEADER><CHILDID>1</CHILDID></HEADER></CHILD>\n", count: 4)
        #expect(throws: SSDA903ReadError(file: "return.xml", line: 5, .tooManyRows(3))) {
            try SSDA903XMLReader.read(Data(("<EXPSSDA903>\n" + children + "</EXPSSDA903>").utf8), file: "return.xml", rowLimit: 3)
        }
    }

    @Test func readsADirectoryHoldingOneXMLFileAndRefusesOneThatMixesForms() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ssda903-xml-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Self.xml.utf8).write(to: directory.appendingPathComponent("Return.XML"))
        let read = try SSDA903Reader.read(directory: directory)
        #expect(read.form == .xml && read[.header]?.rowCount == 2)
        try Data("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n".utf8).write(to: directory.appendingPathComponent("header.csv"))
        let error = #expect(throws: SSDA903ReadError.self) { try SSDA903Reader.read(directory: directory) }
        #expect(error?.kind == .notOneXMLFile(otherFile: directory.appendingPathComponent("header.csv").path))
    }
}
