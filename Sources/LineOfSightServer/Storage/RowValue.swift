import Foundation

/// A value of a row written in bulk (`SQLDatabase.insert(_:into:columns:)`), told apart by its
/// exact type, each compared once: a chain of `as?` casts (each failed one searching the
/// runtime's conversions, an optional's for a wrapped value) took longer than making the
/// statement. Each database writes these kinds its own way (`RowInsert`, `RowCopy`).
enum RowValue {
    case text(String), uuid(UUID), integer(Int), boolean(Bool), real(Double), time(Date), null
    /// Any other kind of value, for the database's own encoder.
    case other(any Encodable)

    init(_ value: any Encodable) {
        switch ObjectIdentifier(Swift.type(of: value)) {
        case ObjectIdentifier(String.self): self = .text(value as! String)
        case ObjectIdentifier(UUID.self): self = .uuid(value as! UUID)
        case ObjectIdentifier(Int.self): self = .integer(value as! Int)
        case ObjectIdentifier(Bool.self): self = .boolean(value as! Bool)
        case ObjectIdentifier(Double.self): self = .real(value as! Double)
        case ObjectIdentifier(Date.self): self = .time(value as! Date)
        // Optionals of those, told apart the same way: asking whether a value is any optional
        // searches the runtime's conformances each time, and most rows written in bulk (a
        // child's obligations) hold several.
        case ObjectIdentifier(String?.self): self = Self(opened: value as! String?, RowValue.text)
        case ObjectIdentifier(UUID?.self): self = Self(opened: value as! UUID?, RowValue.uuid)
        case ObjectIdentifier(Int?.self): self = Self(opened: value as! Int?, RowValue.integer)
        case ObjectIdentifier(Bool?.self): self = Self(opened: value as! Bool?, RowValue.boolean)
        case ObjectIdentifier(Double?.self): self = Self(opened: value as! Double?, RowValue.real)
        case ObjectIdentifier(Date?.self): self = Self(opened: value as! Date?, RowValue.time)
        default:
            if let optional = value as? any OptionalRowValue {
                self = optional.wrappedRowValue.map(RowValue.init) ?? .null
            } else {
                self = .other(value)
            }
        }
    }

    private init<Wrapped>(opened value: Wrapped?, _ kind: (Wrapped) -> RowValue) {
        self = value.map(kind) ?? .null
    }
}

/// An optional value of a row, opened to what it holds.
private protocol OptionalRowValue {
    var wrappedRowValue: (any Encodable)? { get }
}

extension Optional: OptionalRowValue where Wrapped: Encodable {
    fileprivate var wrappedRowValue: (any Encodable)? { self }
}
