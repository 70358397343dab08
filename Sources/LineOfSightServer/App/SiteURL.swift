import Fluent
import Foundation
import LineOfSightCore
import Vapor

/// A path parameter of a `SiteURL`: its pattern when a route is registered, its value in a link.
enum Parameter<Value: Sendable>: Sendable {
    case key
    case value(Value)
}

/// Every address of the site, written once: routes register its pattern and pages link to it, so a
/// link cannot point at a page that does not exist, and renaming an address renames every link.
enum SiteURL: Sendable {
    case home, myWork
    case signIn, signOut
    case children, newChild
    case childrenInCare, permanence, adoption, preProceedings, proceedings, reviewsDue, careLeavers, missingEpisodes
    /// A panel pack: choosing its meeting and children, the pack itself, and the meeting's decisions.
    case preparePanelPack, panelPack, panelDecisions
    /// The case transfer tracker and its monthly review pack.
    case transfers, transferReview
    /// An SSDA903 return checked in the browser: the upload form, one upload's findings (and their
    /// CSV), and importing it.
    case checkReturn, returnCheck(Parameter<UUID>), returnCheckCSV(Parameter<UUID>), importReturn(Parameter<UUID>)
    case child(Parameter<UUID>), editChild(Parameter<UUID>), allocateChild(Parameter<UUID>)
    case recordEvent(child: Parameter<UUID>, list: Parameter<JourneyList>)
    case event(child: Parameter<UUID>, event: Parameter<UUID>)
    case correctEvent(child: Parameter<UUID>, event: Parameter<UUID>), withdrawEvent(child: Parameter<UUID>, event: Parameter<UUID>)
    case eventSignificance(child: Parameter<UUID>, event: Parameter<UUID>)
    case eventStep(child: Parameter<UUID>, event: Parameter<UUID>, step: Parameter<String>)
    case chronology(Parameter<UUID>), chronologyPrint(Parameter<UUID>), voiceOfTheChild(Parameter<UUID>)
    case teams, team(Parameter<UUID>)
    case staff, staffMember(Parameter<UUID>)
    /// Staff records and the heads of service's caseload and workforce page.
    case newStaffMember, editStaffMember(Parameter<UUID>), workforce
    /// Supervision sessions, each with a discussion of every child discussed.
    case supervision, newSupervision, supervisionSession(Parameter<UUID>), caseDiscussion(Parameter<UUID>)
    case accountTokens, revokeAccountToken(Parameter<UUID>)
    case users, newUser, user(Parameter<UUID>)
    case userActive(Parameter<UUID>), userRole(Parameter<UUID>), userPassword(Parameter<UUID>), userUnlock(Parameter<UUID>)
    case revokeUserToken(user: Parameter<UUID>, token: Parameter<UUID>)
    case grants, revokeGrant(Parameter<UUID>), approveGrant(Parameter<UUID>)
    case newTeam, editTeam(Parameter<UUID>)
    case accessHistory, restriction
    case healthz, metrics, asset(Parameter<String>)
    case api(API)

    /// API v1, under `/api/v1`.
    enum API: Sendable {
        case openAPI
        case children, child(Parameter<UUID>)
        case journey(Parameter<UUID>), journeyList(child: Parameter<UUID>, list: Parameter<JourneyList>)
        case journeyEvent(child: Parameter<UUID>, list: Parameter<JourneyList>, event: Parameter<UUID>)
        /// A list nested in an event: `journey/periodsOfCare/{eventID}/placements`. The same
        /// parameter names as `journeyEvent`, so the router keeps one path for both.
        case journeyNested(child: Parameter<UUID>, event: Parameter<UUID>, list: Parameter<JourneyList>)
        case obligations(Parameter<UUID>), myWork
        case teams, team(Parameter<UUID>)
        case staff, staffMember(Parameter<UUID>)
    }

    private enum Segment {
        case constant(String)
        case parameter(name: String, value: String?)
    }

    private static func uuid(_ name: String, _ parameter: Parameter<UUID>) -> Segment {
        switch parameter {
        case .key: .parameter(name: name, value: nil)
        case let .value(id): .parameter(name: name, value: id.text)
        }
    }

    private static func list(_ parameter: Parameter<JourneyList>) -> Segment {
        switch parameter {
        case .key: .parameter(name: "list", value: nil)
        case let .value(list): .parameter(name: "list", value: list.rawValue)
        }
    }

    private var segments: [Segment] {
        let c = Segment.constant
        switch self {
        case .home: return []
        case .myWork: return [c("my-work")]
        case .signIn: return [c("sign-in")]
        case .signOut: return [c("sign-out")]
        case .children: return [c("children")]
        case .newChild: return [c("children"), c("new")]
        case .childrenInCare: return [c("children-in-care")]
        case .permanence: return [c("permanence")]
        case .preparePanelPack: return [c("permanence"), c("panel")]
        case .panelPack: return [c("permanence"), c("panel"), c("pack")]
        case .panelDecisions: return [c("permanence"), c("panel"), c("decisions")]
        case .adoption: return [c("adoption")]
        case .preProceedings: return [c("pre-proceedings")]
        case .proceedings: return [c("proceedings")]
        case .reviewsDue: return [c("reviews-due")]
        case .careLeavers: return [c("care-leavers")]
        case .missingEpisodes: return [c("missing")]
        case .transfers: return [c("transfers")]
        case .transferReview: return [c("transfers"), c("review")]
        case .checkReturn: return [c("returns"), c("ssda903")]
        case let .returnCheck(id): return [c("returns"), c("ssda903"), Self.uuid("uploadID", id)]
        case let .returnCheckCSV(id): return [c("returns"), c("ssda903"), Self.uuid("uploadID", id), c("findings.csv")]
        case let .importReturn(id): return [c("returns"), c("ssda903"), Self.uuid("uploadID", id), c("import")]
        case let .child(id): return [c("children"), Self.uuid("childID", id)]
        case let .editChild(id): return [c("children"), Self.uuid("childID", id), c("edit")]
        case let .allocateChild(id): return [c("children"), Self.uuid("childID", id), c("allocate")]
        case let .recordEvent(child, list): return [c("children"), Self.uuid("childID", child), c("record"), Self.list(list)]
        case let .event(child, event): return [c("children"), Self.uuid("childID", child), c("events"), Self.uuid("eventID", event)]
        case let .correctEvent(child, event):
            return [c("children"), Self.uuid("childID", child), c("events"), Self.uuid("eventID", event), c("correct")]
        case let .withdrawEvent(child, event):
            return [c("children"), Self.uuid("childID", child), c("events"), Self.uuid("eventID", event), c("withdraw")]
        case let .eventSignificance(child, event):
            return [c("children"), Self.uuid("childID", child), c("events"), Self.uuid("eventID", event), c("significant")]
        case let .eventStep(child, event, step):
            let name: Segment = switch step {
            case .key: .parameter(name: "step", value: nil)
            case let .value(id): .parameter(name: "step", value: id)
            }
            return [c("children"), Self.uuid("childID", child), c("events"), Self.uuid("eventID", event), c("steps"), name]
        case let .chronology(child): return [c("children"), Self.uuid("childID", child), c("chronology")]
        case let .chronologyPrint(child): return [c("children"), Self.uuid("childID", child), c("chronology"), c("print")]
        case let .voiceOfTheChild(child): return [c("children"), Self.uuid("childID", child), c("voice")]
        case .teams: return [c("teams")]
        case let .team(id): return [c("teams"), Self.uuid("teamID", id)]
        case .staff: return [c("staff")]
        case let .staffMember(id): return [c("staff"), Self.uuid("staffID", id)]
        case .newStaffMember: return [c("staff"), c("new")]
        case let .editStaffMember(id): return [c("staff"), Self.uuid("staffID", id), c("edit")]
        case .workforce: return [c("workforce")]
        case .supervision: return [c("supervision")]
        case .newSupervision: return [c("supervision"), c("new")]
        case let .supervisionSession(id): return [c("supervision"), Self.uuid("sessionID", id)]
        case let .caseDiscussion(id): return [c("supervision"), Self.uuid("sessionID", id), c("discuss")]
        case .accountTokens: return [c("account"), c("tokens")]
        case let .revokeAccountToken(id): return [c("account"), c("tokens"), Self.uuid("tokenID", id), c("revoke")]
        case .users: return [c("admin"), c("users")]
        case .newUser: return [c("admin"), c("users"), c("new")]
        case let .user(id): return [c("admin"), c("users"), Self.uuid("userID", id)]
        case let .userActive(id): return [c("admin"), c("users"), Self.uuid("userID", id), c("active")]
        case let .userRole(id): return [c("admin"), c("users"), Self.uuid("userID", id), c("role")]
        case let .userPassword(id): return [c("admin"), c("users"), Self.uuid("userID", id), c("password")]
        case let .userUnlock(id): return [c("admin"), c("users"), Self.uuid("userID", id), c("unlock")]
        case let .revokeUserToken(user, token):
            return [c("admin"), c("users"), Self.uuid("userID", user), c("tokens"), Self.uuid("tokenID", token), c("revoke")]
        case .grants: return [c("admin"), c("grants")]
        case let .revokeGrant(id): return [c("admin"), c("grants"), Self.uuid("grantID", id), c("revoke")]
        case let .approveGrant(id): return [c("admin"), c("grants"), Self.uuid("grantID", id), c("approve")]
        case .newTeam: return [c("admin"), c("teams"), c("new")]
        case let .editTeam(id): return [c("admin"), c("teams"), Self.uuid("teamID", id), c("edit")]
        case .accessHistory: return [c("admin"), c("access-history")]
        case .restriction: return [c("admin"), c("access-history"), c("restricted")]
        case .healthz: return [c("healthz")]
        case .metrics: return [c("metrics")]
        case let .asset(file):
            switch file {
            case .key: return [c("assets"), .parameter(name: "file", value: nil)]
            case let .value(name): return [c("assets"), .parameter(name: "file", value: name)]
            }
        case let .api(api):
            let base = [c("api"), c("v1")]
            switch api {
            case .openAPI: return base + [c("openapi.json")]
            case .children: return base + [c("children")]
            case let .child(id): return base + [c("children"), Self.uuid("childID", id)]
            case let .journey(id): return base + [c("children"), Self.uuid("childID", id), c("journey")]
            case let .journeyList(child, list): return base + [c("children"), Self.uuid("childID", child), c("journey"), Self.list(list)]
            case let .journeyEvent(child, list, event):
                return base + [c("children"), Self.uuid("childID", child), c("journey"), Self.list(list), Self.uuid("eventID", event)]
            case let .journeyNested(child, event, list):
                let (parent, nested): (Segment, Segment) = switch list {
                case .key: (.parameter(name: "list", value: nil), .parameter(name: "nested", value: nil))
                case let .value(list): (.parameter(name: "list", value: list.parent?.rawValue), .parameter(name: "nested", value: list.rawValue))
                }
                return base + [c("children"), Self.uuid("childID", child), c("journey"), parent, Self.uuid("eventID", event), nested]
            case let .obligations(id): return base + [c("children"), Self.uuid("childID", id), c("obligations")]
            case .myWork: return base + [c("me"), c("work")]
            case .teams: return base + [c("teams")]
            case let .team(id): return base + [c("teams"), Self.uuid("teamID", id)]
            case .staff: return base + [c("staff")]
            case let .staffMember(id): return base + [c("staff"), Self.uuid("staffID", id)]
            }
        }
    }

    /// The pattern a route registers.
    var pathComponents: [PathComponent] {
        segments.map { segment in
            switch segment {
            case let .constant(text): .constant(text)
            case let .parameter(name, _): .parameter(name)
            }
        }
    }

    /// The address to link to (parameters given as `.value`).
    /// Written into one string: a list page has a link on every row.
    var path: String {
        var path = ""
        path.reserveCapacity(64)
        for segment in segments {
            path.append("/")
            switch segment {
            case let .constant(text): path.append(text)
            case let .parameter(name, value):
                if let value { path.append(value) } else { path.append(":"); path.append(name) }
            }
        }
        return path.isEmpty ? "/" : path
    }

    /// The address with a query string, e.g. a filtered list: each name and value percent-encoded
    /// but for the characters a URL never reserves. Written by hand: `URLComponents` cost a list
    /// page a percent of its CPU, and leaves a `+` as it is, which a form's query reads as a space;
    /// `addingPercentEncoding` cost My work 2–3 % more than this (side by side).
    func path(query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        var bytes = Array(path.utf8)
        for (index, (name, value)) in query.enumerated() {
            bytes.append(index == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
            Self.appendEncoded(name, to: &bytes)
            bytes.append(UInt8(ascii: "="))
            Self.appendEncoded(value, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendEncoded(_ text: String, to bytes: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}

extension RoutesBuilder {
    @discardableResult
    func get(_ url: SiteURL, use handler: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable) -> Route {
        get(url.pathComponents, use: handler)
    }

    @discardableResult
    func post(_ url: SiteURL, use handler: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable) -> Route {
        post(url.pathComponents, use: handler)
    }
}

extension Model where IDValue == UUID {
    /// The record as a path parameter (a stored record always has its id).
    var parameter: Parameter<UUID> { id.map(Parameter.value) ?? .key }
}

extension Request {
    func redirect(to url: SiteURL) -> Response {
        redirect(to: url.path)
    }
}
