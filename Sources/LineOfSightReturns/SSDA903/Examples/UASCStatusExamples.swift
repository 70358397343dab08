/// Worked examples for the rules on Header's UASC status; a rule that runs only on the XML form
/// has its example in that form.
let uascStatusExamples: [SSDA903RuleExample] = [
    SSDA903RuleExample("105", "a UASC status blank, or neither 0 nor 1", flags: [2, 3, 4], in: .header,
                       xml: xmlReturn(uascChild("1", uasc: "0"), uascChild("2", uasc: "1"), uascChild("3", uasc: ""),
                                      uascChild("4", uasc: "2"), uascChild("5", uasc: "Y"))),
    // Child 4's status is blank, so its HEADER holds no UASC row and there is nothing to compare.
    SSDA903RuleExample("303", "UASC status ceased for a child whose status is 0", flags: [1], in: .header,
                       xml: xmlReturn(uascChild("1", uasc: "1", ceased: "01/06/2025"), uascChild("2", uasc: "0", ceased: "01/06/2025"),
                                      uascChild("3", uasc: "0"), uascChild("4", uasc: "", ceased: "01/06/2025"))),
    SSDA903RuleExample("231", "a UASC 11 only after the year ends; one 11 on its last day; a child as young who is not a UASC",
                       .lac2024_25, flags: [0],
                       header("1,M,01/04/2014,WBRI,UN1,,", "2,M,31/03/2014,WBRI,UN1,,", "3,M,01/04/2014,WBRI,UN1,,"),
                       csv(.uasc, "1,M,01/04/2014,", "2,M,31/03/2014,")),
    SSDA903RuleExample("406", "a distance for a UASC child (1), or one who was UASC last year (3)", flags: [0, 3], in: .episodes,
                       previous: formerUASC,
                       header("1,M,01/01/2008,WBRI,UN1,,", "2,M,01/01/2008,WBRI,UN1,,", "3,M,01/01/2008,WBRI,UN1,,"),
                       csv(.uasc, "1,M,01/01/2008,"),
                       episodes(lookedAfter("1", home: "LS1 4AP", placed: "BD1 1HY"), lookedAfter("1"),
                                lookedAfter("2", home: "LS1 4AP", placed: "BD1 1HY"), lookedAfter("3", home: "LS1 4AP", placed: "BD1 1HY"))),
    SSDA903RuleExample("164", "a distance over 999.9 miles (a grid reference outside Great Britain) for a child never UASC",
                       flags: [0], in: .episodes,
                       header("1,M,01/01/2008,WBRI,UN1,,", "2,M,01/01/2008,WBRI,UN1,,", "3,M,01/01/2008,WBRI,UN1,,"),
                       csv(.uasc, "3,M,01/01/2008,"),
                       episodes(lookedAfter("1", home: "LS1 4AP", placed: "XY1 1AB"), lookedAfter("2", home: "LS1 4AP", placed: "BD1 1HY"),
                                lookedAfter("3", home: "LS1 4AP", placed: "XY1 1AB"))),
    SSDA903RuleExample("392a", "no distance for a child never UASC who is not on short breaks", flags: [1], in: .episodes,
                       previous: formerUASC,
                       header("1,M,01/01/2008,WBRI,UN1,,", "2,M,01/01/2008,WBRI,UN1,,", "3,M,01/01/2008,WBRI,UN1,,"),
                       csv(.uasc, "1,M,01/01/2008,"),
                       episodes(lookedAfter("1"), lookedAfter("2"), lookedAfter("2", home: "LS1 4AP", placed: "BD1 1HY"),
                                lookedAfter("2", ls: "V3"), lookedAfter("3"))),
    SSDA903RuleExample("392b", "a postcode missing for a child never UASC who is not on short breaks", flags: [1], in: .episodes,
                       previous: formerUASC,
                       header("1,M,01/01/2008,WBRI,UN1,,", "2,M,01/01/2008,WBRI,UN1,,", "3,M,01/01/2008,WBRI,UN1,,"),
                       csv(.uasc, "1,M,01/01/2008,"),
                       episodes(lookedAfter("1"), lookedAfter("2", home: "LS1 4AP"), lookedAfter("2", home: "LS1 4AP", placed: "BD1 1HY"),
                                lookedAfter("2", ls: "V4"), lookedAfter("3"))),
]

/// Last year's files of the UASC examples: child 3 was a UASC then.
private let formerUASC = [header("3,M,01/01/2008,WBRI,UN1,,"), csv(.uasc, "3,M,01/01/2008,")]

/// An episode looked after since May 2025 in a children's home, with the given postcodes.
private func lookedAfter(_ child: String, ls: String = "C2", home: String = "", placed: String = "") -> String {
    k2Episode(child, [.ls: ls, .homePost: home, .plPost: placed])
}

/// A return in the XML form holding `children`.
func xmlReturn(_ children: String...) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EXPSSDA903>\n" + children.joined() + "</EXPSSDA903>\n"
}

/// A child looked after since May 2025 with the given UASC status and the date it ceased.
func uascChild(_ id: String, uasc: String, ceased: String? = nil) -> String {
    """
      <CHILD>
        <HEADER><CHILDID>\(id)</CHILDID><UPN>UN1</UPN><SEX>M</SEX><DOB>01/01/2008</DOB><ETHNIC>WBRI</ETHNIC>\
    <UASC>\(uasc)</UASC>\(ceased.map { "<DUC>\($0)</DUC>" } ?? "")</HEADER>
        <EPISODE><DECOM>01/05/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U1</PL><DEC/><REC/></EPISODE>
      </CHILD>

    """
}
