import Vapor

/// A small typed HTML tree. Text is escaped when rendered, so a page cannot inject markup by accident;
/// the builder is non-generic so large pages type-check quickly.
public indirect enum Node: Sendable {
    case element(String, [Attribute], [Node])
    case void(String, [Attribute])
    case text(String)
    case fragment([Node])

    static let empty = Node.fragment([])

    /// Writes piece by piece as UTF-8 bytes, never concatenating temporaries: a list page is
    /// thousands of nodes, and the bytes are the response's body as they are written.
    func render(into out: inout ByteBuffer) {
        switch self {
        case let .element(name, attributes, children):
            out.writeInteger(UInt8(ascii: "<"))
            out.writeString(name)
            for attribute in attributes { attribute.render(into: &out) }
            out.writeInteger(UInt8(ascii: ">"))
            for child in children { child.render(into: &out) }
            out.writeStaticString("</")
            out.writeString(name)
            out.writeInteger(UInt8(ascii: ">"))
        case let .void(name, attributes):
            out.writeInteger(UInt8(ascii: "<"))
            out.writeString(name)
            for attribute in attributes { attribute.render(into: &out) }
            out.writeInteger(UInt8(ascii: ">"))
        case let .text(text):
            HTMLEscaping.escape(text, into: &out)
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

    func render(into out: inout ByteBuffer) {
        out.writeInteger(UInt8(ascii: " "))
        out.writeString(name)
        guard let value else { return }
        out.writeStaticString("=\"")
        HTMLEscaping.escape(value, into: &out)
        out.writeInteger(UInt8(ascii: "\""))
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

enum HTMLEscaping {
    /// Works on the UTF-8 bytes: the five characters to escape are ASCII.
    static func escape(_ text: String, into out: inout ByteBuffer) {
        out.writeEscaping(text) { byte in
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
}

@resultBuilder
public enum NodeBuilder {
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
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
