package org.intentpod.auth;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.intentpod.http.HttpProblem;

/**
 * Who a request to the account API acts for: HTTP Basic when it sends an Authorization header (scripts,
 * test tools), else its login session, which for a change must also present the session's CSRF token in
 * the {@code X-CSRF-Token} header.
 */
final class AccountAuthentication {
    private final PasswordLogin login;
    private final BrowserSession browser;
    private final Accounts accounts;

    AccountAuthentication(PasswordLogin login, BrowserSession browser, Accounts accounts) {
        this.login = login;
        this.browser = browser;
        this.accounts = accounts;
    }

    Account owner(Request request, boolean changes) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization != null) {
            return login.basic(authorization, Request.getRemoteAddr(request));
        }
        LoginSessions.Session session = changes ? browser.forChange(request, request.getHeaders().get(BrowserSession.CSRF_HEADER))
                : browser.current(request).orElseThrow(() -> PasswordLogin.challenge("Log in, or give the account's username and password with HTTP Basic"));
        return accounts.find(session.username()).orElseThrow(() -> new HttpProblem(401, "Unauthorized", "The account is gone"));
    }
}
