import LineOfSightCore

/// Why a return cannot be brought into the journey: a value the journey cannot hold, or rows
/// that contradict each other or what is already recorded. It names the file, the line and the
/// column, so the council can put it right in the system it exported the return from.
public struct SSDA903ImportProblem: Error, CustomStringConvertible, Sendable, Equatable {
    /// "episodes.csv, line 14, column 2 (DECOM)".
    public let place: String
    public let message: String

    public init(place: String, message: String) {
        self.place = place
        self.message = message
    }

    public var description: String { "\(place): \(message)" }
}

/// A row of a table as read: where an imported value came from.
public struct SSDA903Row: Sendable {
    public let data: SSDA903TableData
    public let row: Int

    public init(_ data: SSDA903TableData, _ row: Int) {
        self.data = data
        self.row = row
    }

    public subscript(column: SSDA903Column) -> String? { data[column][row] }

    public func date(_ column: SSDA903Column) -> FieldDate { data.dates(column)[row] }

    /// The file, the row's line and the column's field number (a CSV file) or name (XML).
    public func place(_ column: SSDA903Column) -> String {
        let field = data.fieldNumber(of: column).map { ", column \($0)" } ?? ""
        return "\(data.file), line \(data.lines[row])\(field) (\(column.rawValue))"
    }

    public func problem(_ column: SSDA903Column, _ message: String) -> SSDA903ImportProblem {
        SSDA903ImportProblem(place: place(column), message: message)
    }

    /// The date in `column`, nil when blank; a cell that is not a date is a problem.
    public func optionalDate(_ column: SSDA903Column, _ what: String) throws(SSDA903ImportProblem) -> CivilDate? {
        switch date(column) {
        case .missing: return nil
        case .valid(let date): return date
        case .malformed: throw problem(column, "\(what) must be a real date in the form dd/mm/yyyy, not “\(self[column] ?? "")”")
        }
    }

    /// The date in `column`, which the journey needs.
    public func requiredDate(_ column: SSDA903Column, _ what: String) throws(SSDA903ImportProblem) -> CivilDate {
        guard let date = try optionalDate(column, what) else { throw problem(column, "Enter \(what.lowercasedFirst): the journey cannot hold this row without it") }
        return date
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
