import Fluent
import Foundation

final class Team: Model, @unchecked Sendable {
    static let schema = "teams"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Enum(key: "service") var service: Service
    /// The head of service the team reports to; that person sees the team's children.
    @OptionalParent(key: "head_of_service_id") var headOfService: StaffMember?
    /// The team's establishment: its funded posts in full-time equivalents. Vacancies are the funded
    /// posts no one fills.
    @Field(key: "funded_fte") var fundedFTE: Double

    init() {}

    init(id: UUID? = nil, name: String, service: Service, headOfServiceID: UUID? = nil, fundedFTE: Double = 0) {
        self.id = id
        self.name = name
        self.service = service
        $headOfService.id = headOfServiceID
        self.fundedFTE = fundedFTE
    }
}
