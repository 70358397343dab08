import Foundation

/// One England and Wales bank holiday, as published in the gov.uk feed.
public struct BankHoliday: Hashable, Sendable, Codable {
    public let date: CivilDate
    public let title: String

    public init(date: CivilDate, title: String) {
        self.date = date
        self.title = title
    }
}

/// A bank-holiday feed file that could not be read.
public struct BankHolidayFeedError: Error, Sendable, CustomStringConvertible, Equatable {
    public let message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}

/// Reads the gov.uk `bank-holidays.json` shape, taking the `england-and-wales` division only
/// (working days in English children's services are defined by England's holidays).
enum BankHolidayFeed {
    private struct Division: Decodable {
        let events: [Event]
    }

    private struct Event: Decodable {
        let title: String
        let date: String
    }

    static func parse(_ data: Data) throws(BankHolidayFeedError) -> [BankHoliday] {
        let divisions: [String: Division]
        do {
            divisions = try JSONDecoder().decode([String: Division].self, from: data)
        } catch {
            throw BankHolidayFeedError(message: "bank-holiday feed is not in the gov.uk bank-holidays.json shape: \(error)")
        }
        guard let division = divisions["england-and-wales"] else {
            throw BankHolidayFeedError(message: "bank-holiday feed has no \"england-and-wales\" division")
        }
        var holidays: [BankHoliday] = []
        for (index, event) in division.events.enumerated() {
            guard let date = CivilDate(iso: event.date) else {
                throw BankHolidayFeedError(
                    message: "bank-holiday feed: $.england-and-wales.events[\(index)].date \"\(event.date)\" is not a YYYY-MM-DD date")
            }
            holidays.append(BankHoliday(date: date, title: event.title))
        }
        guard !holidays.isEmpty else {
            throw BankHolidayFeedError(message: "bank-holiday feed lists no England and Wales holidays")
        }
        return holidays
    }
}
