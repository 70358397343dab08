import Vapor

/// A small typed HTML tree. Text is escaped when rendered, so a page cannot inject markup by accident;
/// the builder is non-generic so large pages type-check quickly.
public enum Node: Sendable {
    case element(String, [Attribute], [Node])
    case void(String, [Attribute])
    case text(String)
    case fragment([Node])

    static let empty = Node.fragment([])

    /// Writes piece by piece as UTF-8 bytes, never concatenating temporaries: a list page is
    /// thousands of nodes.
    func render(into out: inout HTMLBytes) {
        switch self {
        case let .element(name, attributes, children):
            out.append(UInt8(ascii: "<"))
            out.append(name)
            for attribute in attributes { attribute.render(into: &out) }
            out.append(UInt8(ascii: ">"))
            for child in children { child.render(into: &out) }
            out.append("</" as StaticString)
            out.append(name)
            out.append(UInt8(ascii: ">"))
        case let .void(name, attributes):
            out.append(UInt8(ascii: "<"))
            out.append(name)
            for attribute in attributes { attribute.render(into: &out) }
            out.append(UInt8(ascii: ">"))
        case let .text(text):
            out.appendEscaped(text)
        case let .fragment(children):
            for child in children { child.render(into: &out) }
        }
    }
}

public struct Attribute: Sendable {
    let name: String
    /// nil renders a boolean attribute (`required`, `checked`).
    let value: String?

    init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    func render(into out: inout HTMLBytes) {
        out.append(UInt8(ascii: " "))
        out.append(name)
        guard let value else { return }
        out.append("=\"" as StaticString)
        out.appendEscaped(value)
        out.append(UInt8(ascii: "\""))
    }

    static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    static func id(_ value: String) -> Attribute { Attribute("id", value) }
    static func href(_ value: String) -> Attribute { Attribute("href", value) }
    static func href(_ url: SiteURL) -> Attribute { Attribute("href", url.path) }
    static func name(_ value: String) -> Attribute { Attribute("name", value) }
    static func type(_ value: String) -> Attribute { Attribute("type", value) }
    static func value(_ value: String) -> Attribute { Attribute("value", value) }
    static func `for`(_ value: String) -> Attribute { Attribute("for", value) }
    static func aria(_ name: String, _ value: String) -> Attribute { Attribute("aria-" + name, value) }
    static func data(_ name: String, _ value: String) -> Attribute { Attribute("data-" + name, value) }
    static func flag(_ name: String) -> Attribute { Attribute(name, nil) }
}

/// A page's bytes as it is rendered, in a plain array handed to the response as one buffer at the
/// end. A page is thousands of small writes, and each write to a `ByteBuffer` enforced exclusive
/// access to its storage at run time (a third of the time rendering took, written that way).
struct HTMLBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// `text` as HTML text or an attribute's value: the five characters that could end either or
    /// start markup written as their references.
    mutating func appendEscaped(_ text: String) {
        text.forEachEscapedPiece(Self.reference) { piece in
            switch piece {
            case let .run(run): bytes.append(contentsOf: run)
            case let .replacement(reference): append(reference)
            }
        }
    }

    private static func reference(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}

@resultBuilder
public enum NodeBuilder {
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    /// Most elements hold one thing (a cell's text, a link's): no array of arrays to flatten.
    public static func buildBlock(_ part: [Node]) -> [Node] { part }
    public static func buildOptional(_ part: [Node]?) -> [Node] { part ?? [] }
    public static func buildEither(first: [Node]) -> [Node] { first }
    public static func buildEither(second: [Node]) -> [Node] { second }
    public static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
}

/// `el("p", .class("govuk-body")) { "Hello" }`
func el(_ name: String, _ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    .element(name, attributes, content())
}

func el(_ name: String, attributes: [Attribute], @NodeBuilder _ content: () -> [Node] = { [] }) -> Node {
    .element(name, attributes, content())
}

func fragment(@NodeBuilder _ content: () -> [Node]) -> Node {
    .fragment(content())
}
