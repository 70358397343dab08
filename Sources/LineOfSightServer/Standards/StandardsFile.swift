import Foundation
import LineOfSightCore
import Yams

private typealias YAMLNode = Yams.Node

/// The council's local standards file (YAML), parsed here at the edge so the core stays Foundation-only.
///
/// ```yaml
/// standards:                      # any named standard (docs/timescales.md lists them all)
///   visits.cp.interval_working_days: 10
/// local_closure_days: [2026-12-24, 2026-12-29]   # local standards only; statutory rules ignore them
/// bank_holidays_feed: bank-holidays.json          # a newer gov.uk feed, relative to this file
/// home_postcode_districts: [WA9, WA10, WA11, WA12] # the council's own: a placement elsewhere is out of area
/// postcode_district_centres: districts.csv         # district,easting,northing: distances from home
/// ```
///
/// Every problem is reported with its line and column, and nothing from a bad file is used.
struct StandardsFile: Sendable {
    let standards: LocalStandards
    let calendar: WorkingDayCalendar
    /// The council's postcode districts (upper case): a placement in another is out of area.
    var homeDistricts: Set<String> = []
    /// The centre of each postcode district (upper case) on the national grid, from which a
    /// placement's distance from home is measured.
    var districtCentres: [String: GridReference] = [:]

    static let defaults = StandardsFile(standards: .defaults, calendar: .englandAndWales)

    static func load(path: String) throws(StandardsFileError) -> StandardsFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw StandardsFileError(path: path, line: nil, column: nil, message: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(StandardsFileError) -> StandardsFile {
        func fail(_ node: YAMLNode?, _ message: String) -> StandardsFileError {
            StandardsFileError(path: path, line: node?.mark?.line, column: node?.mark?.column, message: message)
        }
        let root: YAMLNode?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw StandardsFileError(yaml: error, path: path)
        } catch {
            throw StandardsFileError(path: path, line: nil, column: nil, message: "not valid YAML (\(error))")
        }
        guard let root else { return .defaults }
        guard let top = root.mapping else {
            throw fail(root, "the file must be a mapping with the keys standards, local_closure_days, bank_holidays_feed, home_postcode_districts and postcode_district_centres")
        }

        var overrides: [String: StandardValue] = [:]
        var calendar = WorkingDayCalendar.englandAndWales
        var districts: Set<String> = []
        var centres: [String: GridReference] = [:]
        /// A file named in this one, relative to it.
        func resolve(_ file: String) -> String {
            file.hasPrefix("/") ? file : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(file).path
        }
        for (keyNode, value) in top {
            switch keyNode.string {
            case "standards":
                guard let entries = value.mapping else { throw fail(value, "standards must map each standard’s name to its value") }
                for (nameNode, valueNode) in entries {
                    let name = nameNode.string ?? ""
                    guard let definition = LocalStandards.definition(name) else {
                        throw fail(nameNode, "unknown standard “\(name)” (docs/timescales.md lists every standard)")
                    }
                    overrides[name] = try standardValue(valueNode, like: definition.defaultValue, name: name, fail: fail)
                }
            case "local_closure_days":
                guard let days = value.sequence else { throw fail(value, "local_closure_days must be a list of dates like 2026-12-24") }
                var closures: [CivilDate] = []
                for day in days {
                    guard let date = day.string.flatMap(CivilDate.init(iso:)) else { throw fail(day, "“\(day.string ?? "")” is not a date like 2026-12-24") }
                    closures.append(date)
                }
                calendar = calendar.withLocalClosures(closures)
            case "bank_holidays_feed":
                guard let feedPath = value.string else { throw fail(value, "bank_holidays_feed must be the path of a gov.uk bank-holidays JSON file") }
                let resolved = resolve(feedPath)
                guard let data = FileManager.default.contents(atPath: resolved) else { throw fail(value, "cannot read the bank holidays feed \(resolved)") }
                do { calendar = try calendar.merging(feedData: data) } catch { throw fail(value, "the bank holidays feed \(resolved) is not valid: \(error)") }
            case "home_postcode_districts":
                guard let items = value.sequence else { throw fail(value, "home_postcode_districts must be a list like [WA9, WA10]") }
                for item in items {
                    let district = (item.string ?? "").uppercased()
                    guard PeriodOfCareRecord.isPostcodeDistrict(district) else {
                        throw fail(item, "“\(item.string ?? "")” is not the first half of a postcode, like WA10")
                    }
                    districts.insert(district)
                }
            case "postcode_district_centres":
                guard let file = value.string else { throw fail(value, "postcode_district_centres must be the path of a CSV file with the columns district,easting,northing") }
                let resolved = resolve(file)
                guard let data = FileManager.default.contents(atPath: resolved) else { throw fail(value, "cannot read the postcode district centres \(resolved)") }
                do { centres = try districtCentres(csv: String(decoding: data, as: UTF8.self)) } catch { throw fail(value, "\(resolved) \(error.message)") }
            default:
                throw fail(keyNode, "unknown key “\(keyNode.string ?? "")”: use standards, local_closure_days, bank_holidays_feed, home_postcode_districts or postcode_district_centres")
            }
        }
        do {
            return StandardsFile(standards: try LocalStandards.defaults.overriding(overrides), calendar: calendar, homeDistricts: districts,
                                 districtCentres: centres)
        } catch {
            let node = entriesNode(top, named: error.key)
            throw fail(node, error.message)
        }
    }

    /// Miles from the child's home to their placement, between the centres of the two postcode
    /// districts: nil unless both are known and the council's table of centres holds both.
    func distance(fromHome home: String?, to placement: String?) -> Double? {
        guard let home = home.flatMap({ districtCentres[$0.uppercased()] }),
              let placed = placement.flatMap({ districtCentres[$0.uppercased()] }) else { return nil }
        return PlacementDistance.miles(from: home, to: placed)
    }

    struct CentresProblem: Error { let message: String }

    /// `district,easting,northing` (a header, then a district a line, metres on the national grid).
    static func districtCentres(csv text: String) throws(CentresProblem) -> [String: GridReference] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let header = lines.first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}").union(.whitespaces)).lowercased() }
        guard header == "district,easting,northing" else { throw CentresProblem(message: "line 1: the first line must be district,easting,northing") }
        var centres: [String: GridReference] = [:]
        for (index, line) in lines.enumerated().dropFirst() where !line.allSatisfy(\.isWhitespace) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let district = cells[0].uppercased()
            // The national grid: 0–700 km east, 0–1,300 km north.
            guard cells.count == 3, PeriodOfCareRecord.isPostcodeDistrict(district),
                  let easting = Double(cells[1]), (0...700_000).contains(easting),
                  let northing = Double(cells[2]), (0...1_300_000).contains(northing) else {
                throw CentresProblem(message: "line \(index + 1): expected a postcode district like WA10, then its easting and northing in metres")
            }
            centres[district] = GridReference(easting: easting, northing: northing)
        }
        return centres
    }

    private static func standardValue(_ node: YAMLNode, like example: StandardValue, name: String,
                                      fail: (YAMLNode?, String) -> StandardsFileError) throws(StandardsFileError) -> StandardValue {
        switch example {
        case .integer:
            guard let value = node.int else { throw fail(node, "\(name) must be a whole number") }
            return .integer(value)
        case .boolean:
            guard let value = node.bool else { throw fail(node, "\(name) must be true or false") }
            return .boolean(value)
        case .choice:
            guard let value = node.string else { throw fail(node, "\(name) must be one of its listed words") }
            return .choice(value)
        }
    }

    private static func entriesNode(_ top: Yams.Node.Mapping, named key: String) -> YAMLNode? {
        top.first { $0.key.string == "standards" }?.value.mapping?.first { $0.key.string == key }?.key
    }
}

struct StandardsFileError: Error, CustomStringConvertible {
    let path: String
    let line: Int?
    let column: Int?
    let message: String

    init(path: String, line: Int?, column: Int?, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    init(yaml error: YamlError, path: String) {
        var line: Int?, column: Int?
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _):
            line = mark.line
            column = mark.column
        default: break
        }
        self.init(path: path, line: line, column: column, message: "not valid YAML: \(error)".components(separatedBy: "\n").first ?? "not valid YAML")
    }

    var description: String {
        let position = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
        return "\(path)\(position): \(message)"
    }
}
