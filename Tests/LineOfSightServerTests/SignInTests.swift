import Fluent
import Foundation
@testable import LineOfSightServer
import Testing
import Vapor
import VaporTesting

@Suite struct SignInTests {
    @Test func wrongPasswordIsRefusedWithAMessageAndCorrectPasswordSignsIn() async throws {
        try await withTestApp { app, _ in
            var visitor = Visitor(app)
            let refused = try await visitor.signIn("team.manager", password: "not-the-password")
            #expect(refused.status == .unauthorized)
            #expect(refused.body.string.contains("Enter a correct username and password"))
            let accepted = try await visitor.signIn("team.manager", password: DemoAuthority.password)
            #expect(accepted.status == .seeOther && accepted.location == "/")
            let home = try await visitor.get("/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Sign out"))
        }
    }

    @Test func cookiesAreHttpOnlySameSiteAndSecureExceptOnALoopbackHost() async throws {
        try await withTestApp { app, _ in
            var visitor = Visitor(app)
            let form = try await visitor.get("/sign-in")
            let csrf = try #require(form.headers.setCookie?["lineofsight-csrf"])
            #expect(csrf.isHTTPOnly && csrf.sameSite == .lax && csrf.isSecure, "no Host header: not a loopback name, so Secure")
            let signedIn = try await visitor.post("/sign-in", ["username": "analyst", "password": DemoAuthority.password])
            let session = try #require(signedIn.headers.setCookie?["lineofsight-session"])
            #expect(session.isHTTPOnly && session.sameSite == .lax && session.isSecure)
            #expect(signedIn.headers.first(name: "Strict-Transport-Security") != nil)
            var local = Visitor(app)
            let page = try await local.get("/sign-in", headers: ["Host": "127.0.0.1:8080"])
            #expect(page.headers.setCookie?["lineofsight-csrf"]?.isSecure == false)
            #expect(page.headers.first(name: "Strict-Transport-Security") == nil)
            #expect(Request.isLoopback(host: "localhost:8080") && Request.isLoopback(host: "[::1]:80") && !Request.isLoopback(host: "127.evil.example"))
        }
    }

    @Test func fiveFailuresLockTheUsernameEvenWithTheRightPassword() async throws {
        try await withTestApp { app, _ in
            var visitor = Visitor(app)
            for _ in 0..<LoginThrottle.maximumFailures { _ = try await visitor.signIn("director", password: "wrong") }
            let locked = try await visitor.signIn("director", password: DemoAuthority.password)
            #expect(locked.status == .unauthorized)
            #expect(locked.body.string.contains("Too many failed attempts"))
            // The count lives in the database, so another "instance" (a fresh visitor) sees it too.
            var other = Visitor(app)
            #expect(try await other.signIn("director", password: DemoAuthority.password).status == .unauthorized)
            // Another username is unaffected.
            #expect(try await other.signIn("analyst", password: DemoAuthority.password).status == .seeOther)
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefusedAndNothingIsSaved() async throws {
        try await withTestApp { app, demo in
            var visitor = try await Visitor.signedIn(app, as: "team.manager")
            let child = demo.socialWorkersChild
            let response = try await visitor.post("/children/\(child.id)/edit", ["first-name": "Changed", "last-name": child.lastName], csrf: false)
            #expect(response.status == .forbidden)
            #expect(try await Child.find(child.id, on: app.db)?.firstName == child.firstName)
            // Signing in needs the token too.
            var stranger = Visitor(app)
            _ = try await stranger.get("/sign-in")
            #expect(try await stranger.post("/sign-in", ["username": "director", "password": DemoAuthority.password], csrf: false).status == .forbidden)
        }
    }

    @Test func signingInStartsANewSessionAndSigningOutEndsIt() async throws {
        try await withTestApp { app, _ in
            var visitor = Visitor(app)
            _ = try await visitor.get("/sign-in")
            visitor.cookie = "planted-by-someone-else"
            _ = try await visitor.post("/sign-in", ["username": "analyst", "password": DemoAuthority.password])
            let first = try #require(visitor.cookie)
            #expect(first != "planted-by-someone-else", "a planted session id must not survive sign-in")
            _ = try await visitor.get("/")
            _ = try await visitor.post("/sign-in", ["username": "analyst", "password": DemoAuthority.password])
            #expect(visitor.cookie != first, "signing in again starts a new session")
            var stale = Visitor(app)
            stale.cookie = first
            #expect(try await stale.get("/children").status == .seeOther, "the replaced session no longer signs anyone in")
            #expect(try await UserSession.query(on: app.db).filter(\.$tokenHash == first).count() == 0, "only the hash of a session token is stored")
            _ = try await visitor.get("/")
            let out = try await visitor.post("/sign-out")
            #expect(out.location == "/sign-in?signedOut=1")
            let page = try await visitor.get("/sign-in?signedOut=1")
            #expect(page.body.string.contains("You have signed out"))
            #expect(try await visitor.get("/children").status == .seeOther)
        }
    }

    @Test func afterTheIdleTimeoutAFormIsKeptAndRestoredForTheSameUserOnly() async throws {
        try await withTestApp { app, demo in
            let child = demo.socialWorkersChild
            var visitor = try await Visitor.signedIn(app, as: "team.manager")
            _ = try await visitor.get("/children/\(child.id)/edit")
            try await idleEverySession(app)
            let timedOut = try await visitor.post("/children/\(child.id)/edit", ["first-name": "Typed before timeout", "last-name": child.lastName])
            #expect(timedOut.status == .seeOther)
            #expect(timedOut.location?.hasPrefix("/sign-in?timeout=1") == true)
            #expect(try await Child.find(child.id, on: app.db)?.firstName == child.firstName, "nothing is saved by an expired session")
            #expect(try await visitor.get(Assets.stylesheetPath).status == .ok, "the sign-in page keeps its stylesheet")
            #expect(try await visitor.get("/sign-in?timeout=1").status == .ok)

            // Another user signing in does not get it.
            var colleague = try await Visitor.signedIn(app, as: "head.of.service")
            let theirs = try await colleague.get("/children/\(child.id)/edit")
            #expect(!theirs.body.string.contains("Typed before timeout"))

            // The same user is sent back to the form, with what they typed.
            _ = try await visitor.get("/sign-in")
            let back = try await visitor.post("/sign-in", ["username": "team.manager", "password": DemoAuthority.password])
            #expect(back.location == "/children/\(child.id)/edit")
            let restored = try await visitor.get("/children/\(child.id)/edit")
            #expect(restored.body.string.contains("value=\"Typed before timeout\""))
            // Restored once: it is not offered again.
            #expect(try await SavedForm.query(on: app.db).count() == 0)
        }
    }

    @Test func savedFormsOlderThanAnHourAreDiscarded() async throws {
        try await withTestApp { app, demo in
            let userID = try #require(try await User.query(on: app.db).filter(\.$username == "team.manager").first()?.requireID())
            try await SavedForm(userID: userID, path: "/children/new", fields: "{\"first-name\":\"Old\"}", savedAt: Date().addingTimeInterval(-3_700)).create(on: app.db)
            #expect(try await SavedForms.pendingPath(for: userID, on: app.db, now: Date()) == nil)
            var visitor = try await Visitor.signedIn(app, as: "team.manager")
            let page = try await visitor.get("/children/new")
            #expect(!page.body.string.contains("value=\"Old\""))
            _ = demo
        }
    }

    @Test func redirectsAfterSignInStayOnThisSite() {
        #expect(SignInController.safeRedirect("/children?q=a") == "/children?q=a")
        #expect(SignInController.safeRedirect("//evil.example") == "/")
        #expect(SignInController.safeRedirect("https://evil.example") == "/")
        #expect(SignInController.safeRedirect("/\\evil.example") == "/")
        #expect(SignInController.safeRedirect("/\t/evil.example/") == "/")
        #expect(SignInController.safeRedirect("/children\r\nSet-Cookie: x=1") == "/")
        #expect(SignInController.safeRedirect("/ /evil.example") == "/")
    }
}
