/// A line chart of percentages over time as accessible SVG: a title and a description that says
/// what it shows, and each series told apart by its line (solid or dashed) and marker (circle or
/// square) as well as its colour. Always shown with a table of the same figures.
struct TrendChart {
    struct Series {
        let name: String
        /// One value per label, 0–100; nil where there is nothing to count.
        let values: [Int?]
    }

    let id: String
    let title: String
    let description: String
    let labels: [String]
    let series: [Series]

    private static let (width, height, left, right, top, bottom) = (640.0, 260.0, 48.0, 16.0, 16.0, 40.0)
    private static let styles: [(colour: String, dash: String?, square: Bool)] = [("#1d70b8", nil, false), ("#0b0c0c", "6 4", true)]

    var node: Node {
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let step = labels.count > 1 ? plotWidth / Double(labels.count - 1) : 0
        func x(_ index: Int) -> Double { Self.left + Double(index) * step }
        func y(_ value: Int) -> Double { Self.top + plotHeight * (1 - Double(value) / 100) }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        return el("figure", .class("app-chart")) {
            el("svg", attributes: [Attribute("viewBox", "0 0 \(Int(Self.width)) \(Int(Self.height))"), Attribute("role", "img"),
                                   .aria("labelledby", "\(id)-title \(id)-desc"), .class("app-chart__svg")]) {
                el("title", .id("\(id)-title")) { title }
                el("desc", .id("\(id)-desc")) { description }
                for percent in stride(from: 0, through: 100, by: 25) {
                    shape("line", [Attribute("x1", number(Self.left)), Attribute("x2", number(Self.width - Self.right)),
                                       Attribute("y1", number(y(percent))), Attribute("y2", number(y(percent))), Attribute("stroke", "#b1b4b6")])
                    el("text", attributes: [Attribute("x", number(Self.left - 6)), Attribute("y", number(y(percent) + 4)),
                                            Attribute("text-anchor", "end"), Attribute("font-size", "12")]) { "\(percent)%" }
                }
                for (index, label) in labels.enumerated() {
                    el("text", attributes: [Attribute("x", number(x(index))), Attribute("y", number(Self.height - Self.bottom + 18)),
                                            Attribute("text-anchor", "middle"), Attribute("font-size", "12")]) { label }
                }
                for (number_, line) in series.enumerated() {
                    let style = Self.styles[number_ % Self.styles.count]
                    // A line through each run of months that have a value; a gap where one has none.
                    for run in runs(line.values) where run.count > 1 {
                        shape("polyline", [Attribute("points", run.map { "\(number(x($0.index))),\(number(y($0.value)))" }.joined(separator: " ")),
                                               Attribute("fill", "none"), Attribute("stroke", style.colour), Attribute("stroke-width", "2")]
                                  + (style.dash.map { [Attribute("stroke-dasharray", $0)] } ?? []))
                    }
                    for point in runs(line.values).joined() {
                        marker(x: x(point.index), y: y(point.value), square: style.square, colour: style.colour, number: number)
                    }
                }
            }
            el("figcaption", .class("govuk-body-s")) {
                el("ul", .class("govuk-list app-inline-list")) {
                    for (index, line) in series.enumerated() {
                        let style = Self.styles[index % Self.styles.count]
                        el("li") { (style.square ? "■ dashed line: " : "● solid line: ") + line.name }
                    }
                }
            }
        }
    }

    private func marker(x: Double, y: Double, square: Bool, colour: String, number: (Double) -> String) -> Node {
        square
            ? shape("rect", [Attribute("x", number(x - 4)), Attribute("y", number(y - 4)), Attribute("width", "8"), Attribute("height", "8"),
                                 Attribute("fill", colour)])
            : shape("circle", [Attribute("cx", number(x)), Attribute("cy", number(y)), Attribute("r", "4.5"), Attribute("fill", colour)])
    }

    /// An SVG shape: closed by its end tag, as HTML's parser needs inside SVG (a bare start tag would
    /// hold what follows as its children).
    private func shape(_ name: String, _ attributes: [Attribute]) -> Node { .element(name, attributes, []) }

    /// The values in runs of consecutive indexes that have one.
    private func runs(_ values: [Int?]) -> [[(index: Int, value: Int)]] {
        var runs: [[(index: Int, value: Int)]] = [[]]
        for (index, value) in values.enumerated() {
            if let value { runs[runs.count - 1].append((index, value)) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        return runs.filter { !$0.isEmpty }
    }
}
