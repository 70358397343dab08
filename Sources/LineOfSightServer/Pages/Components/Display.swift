/// Summary lists, tables, tags, banners and pagination in GOV.UK patterns.
struct SummaryRow {
    var key: String
    var value: Node
    var action: (href: String, text: String, hiddenText: String)? = nil

    init(_ key: String, _ value: String, action: (href: String, text: String, hiddenText: String)? = nil) {
        self.key = key
        self.value = .text(value)
        self.action = action
    }

    init(_ key: String, node: Node, action: (href: String, text: String, hiddenText: String)? = nil) {
        self.key = key
        self.value = node
        self.action = action
    }
}

func summaryList(_ rows: [SummaryRow]) -> Node {
    el("dl", .class("govuk-summary-list")) {
        for row in rows {
            el("div", .class("govuk-summary-list__row")) {
                el("dt", .class("govuk-summary-list__key")) { row.key }
                el("dd", .class("govuk-summary-list__value")) { row.value }
                if let action = row.action {
                    el("dd", .class("govuk-summary-list__actions")) {
                        el("a", .class("govuk-link"), .href(action.href)) {
                            action.text
                            el("span", .class("govuk-visually-hidden")) { " " + action.hiddenText }
                        }
                    }
                }
            }
        }
    }
}

struct TableColumn {
    var header: String
    var numeric: Bool = false
}

func table(caption: String, captionVisible: Bool = true, columns: [TableColumn], rows: [[Node]]) -> Node {
    el("table", .class("govuk-table")) {
        el("caption", .class("govuk-table__caption govuk-table__caption--m" + (captionVisible ? "" : " govuk-visually-hidden"))) { caption }
        el("thead", .class("govuk-table__head")) {
            el("tr", .class("govuk-table__row")) {
                for column in columns {
                    el("th", .attribute("scope", "col"), .class("govuk-table__header" + (column.numeric ? " govuk-table__header--numeric" : ""))) { column.header }
                }
            }
        }
        // A table's body is most of a list page's nodes: each written as it is, its attributes shared.
        let cells = columns.map { $0.numeric ? numericCellAttributes : cellAttributes }
        Node.element("tbody", tableBodyAttributes, rows.map { row in
            .element("tr", tableRowAttributes, row.enumerated().map { index, content in
                .element("td", index < cells.count ? cells[index] : cellAttributes, [content])
            })
        })
    }
}

private let tableBodyAttributes = [Attribute.class("govuk-table__body")]
private let tableRowAttributes = [Attribute.class("govuk-table__row")]
private let cellAttributes = [Attribute.class("govuk-table__cell")]
private let numericCellAttributes = [Attribute.class("govuk-table__cell govuk-table__cell--numeric")]

enum TagColour: String, CaseIterable {
    case grey, green, turquoise, blue, purple, pink, red, orange, yellow
}

func tag(_ text: String, _ colour: TagColour? = nil) -> Node {
    .element("strong", colour.flatMap { tagAttributes[$0] } ?? plainTagAttributes, [.text(text)])
}

/// Each colour's attributes, made once: a list page has a tag on every row.
private let tagAttributes = Dictionary(uniqueKeysWithValues: TagColour.allCases.map { colour in
    (colour, [Attribute.class("govuk-tag govuk-tag--" + colour.rawValue)])
})
private let plainTagAttributes = [Attribute.class("govuk-tag")]

func successBanner(_ message: String) -> Node {
    el("div", .class("govuk-notification-banner govuk-notification-banner--success"), .attribute("role", "alert"), .aria("labelledby", "govuk-notification-banner-title")) {
        el("div", .class("govuk-notification-banner__header")) {
            el("h2", .class("govuk-notification-banner__title"), .id("govuk-notification-banner-title")) { "Success" }
        }
        el("div", .class("govuk-notification-banner__content")) {
            el("p", .class("govuk-notification-banner__heading")) { message }
        }
    }
}

func link(_ text: String, _ url: SiteURL) -> Node {
    link(text, href: url.path)
}

/// A link to an address with a query string (a filtered list).
func link(_ text: String, href: String) -> Node {
    el("a", .class("govuk-link"), .href(href)) { text }
}

func paragraph(_ text: String, _ classes: String = "govuk-body") -> Node {
    el("p", .class(classes)) { text }
}

func heading(_ text: String, caption: String? = nil, size: String = "l") -> Node {
    fragment {
        if let caption { el("span", .class("govuk-caption-\(size)")) { caption } }
        el("h1", .class("govuk-heading-\(size)")) { text }
    }
}

/// Previous / next pagination keeping the current query parameters.
func pagination(page: Int, pageCount: Int, href: (Int) -> String) -> Node {
    guard pageCount > 1 else { return .empty }
    return el("nav", .class("govuk-pagination"), .aria("label", "Pagination")) {
        if page > 1 {
            el("div", .class("govuk-pagination__prev")) {
                el("a", .class("govuk-link govuk-pagination__link"), .href(href(page - 1)), .attribute("rel", "prev")) {
                    el("span", .class("govuk-pagination__link-title")) { "Previous" }
                    el("span", .class("govuk-visually-hidden")) { " page" }
                }
            }
        }
        el("ul", .class("govuk-pagination__list")) {
            for number in paginationNumbers(page: page, pageCount: pageCount) {
                if let number {
                    el("li", .class("govuk-pagination__item" + (number == page ? " govuk-pagination__item--current" : ""))) {
                        el("a", attributes: [.class("govuk-link govuk-pagination__link"), .href(href(number)), .aria("label", "Page \(number)")] + (number == page ? [.aria("current", "page")] : [])) { "\(number)" }
                    }
                } else {
                    el("li", .class("govuk-pagination__item govuk-pagination__item--ellipses")) { "⋯" }
                }
            }
        }
        if page < pageCount {
            el("div", .class("govuk-pagination__next")) {
                el("a", .class("govuk-link govuk-pagination__link"), .href(href(page + 1)), .attribute("rel", "next")) {
                    el("span", .class("govuk-pagination__link-title")) { "Next" }
                    el("span", .class("govuk-visually-hidden")) { " page" }
                }
            }
        }
    }
}

/// First, last, and the pages either side of the current one; nil marks a gap.
func paginationNumbers(page: Int, pageCount: Int) -> [Int?] {
    let wanted = Set([1, pageCount, page - 1, page, page + 1]).filter { (1...pageCount).contains($0) }.sorted()
    var result: [Int?] = []
    for number in wanted {
        if let last = result.last ?? nil, number > last + 1 { result.append(nil) }
        result.append(number)
    }
    return result
}
