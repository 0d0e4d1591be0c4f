package org.intentpod.auth;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.intentpod.http.Html;

/** The identity provider's pages for people: log in, approve an app, log out, and what happened. */
final class LoginPages {
    private static final Map<String, String> SCOPES = Map.of(
            "openid", "know that it is you who logs in",
            "webid", "know your WebID, and act as you on the pods that WebID may use, within your access rules",
            "offline_access", "stay connected while you are away, until you revoke it");

    private LoginPages() {
    }

    static String login(String csrf, String returnTo, String error) {
        return page("Log in", """
                <h1>Log in to your IntentPod</h1>
                %s<form method="post" action="/idp/login">
                <input type="hidden" name="csrf" value="%s"><input type="hidden" name="return_to" value="%s">
                <p><label>Username <input name="username" required autocomplete="username" autofocus></label></p>
                <p><label>Password <input name="password" type="password" required autocomplete="current-password"></label></p>
                <p><button type="submit">Log in</button></p>
                </form><p><a href="/idp/register">Create a pod</a></p>
                """.formatted(error == null ? "" : "<p role=\"alert\">" + Html.escape(error) + "</p>\n", Html.escape(csrf), Html.escape(returnTo)));
    }

    static String consent(String person, OAuthClient client, String redirectHost, Scope scope, String csrf, String requestId) {
        List<String> items = new ArrayList<>();
        for (Scope.Value value : scope) {
            items.add("<li>" + Html.escape(SCOPES.getOrDefault(value.getValue(), value.getValue())) + "</li>");
        }
        boolean offline = scope.contains(OIDCScopeValue.OFFLINE_ACCESS);
        return page("Allow " + client.name() + "?", """
                <h1>Allow %s?</h1>
                <p>Logged in as <strong>%s</strong>. The app <strong>%s</strong> (<code>%s</code>), which will be sent back to
                <code>%s</code>, asks to:</p>
                <ul>%s</ul>
                <form method="post" action="/idp/consent">
                <input type="hidden" name="csrf" value="%s"><input type="hidden" name="request" value="%s">
                <p><label><input type="checkbox" name="remember" value="on" checked> Remember this choice for this app</label></p>
                <p><button type="submit" name="decision" value="allow">Allow</button>
                <button type="submit" name="decision" value="deny">Deny</button></p>
                </form><p>%s You can revoke it at any time in your pod's list of apps.</p>
                """.formatted(Html.escape(client.name()), Html.escape(person), Html.escape(client.name()), Html.escape(client.id()),
                Html.escape(redirectHost), String.join("", items), Html.escape(csrf), Html.escape(requestId),
                offline ? "The app keeps access until you revoke it." : "The app's access lasts while you use it."));
    }

    static String logout(String csrf, Map<String, String> carried) {
        StringBuilder hidden = new StringBuilder();
        carried.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"").append(Html.escape(name)).append("\" value=\"")
                .append(Html.escape(value)).append("\">"));
        return page("Log out", """
                <h1>Log out?</h1>
                <form method="post" action="/idp/logout"><input type="hidden" name="csrf" value="%s">%s
                <p><button type="submit">Log out</button></p></form>
                """.formatted(Html.escape(csrf), hidden));
    }

    static String apps(List<AppAuthorizations.AppAuthorization> authorized, String csrf) {
        StringBuilder rows = new StringBuilder();
        for (AppAuthorizations.AppAuthorization app : authorized) {
            rows.append("""
                    <li><strong>%s</strong> (<code>%s</code>), since %s: %s
                    <form method="post" action="/idp/apps/%s"><input type="hidden" name="csrf" value="%s"><button type="submit">Revoke</button></form></li>
                    """.formatted(Html.escape(app.clientName()), Html.escape(app.clientId()), Instant.ofEpochMilli(app.createdMillis()),
                    Html.escape(app.scope().toString()), Html.escape(app.id()), Html.escape(csrf)));
        }
        return page("Your apps", """
                <h1>Apps you allowed</h1>
                %s<p>Revoking stops the app at once: its tokens no longer work, and it must ask you again.</p>
                """.formatted(authorized.isEmpty() ? "<p>No app has access.</p>\n" : "<ul>\n" + rows + "</ul>\n"));
    }

    /** A page that at once navigates to a path of this server, so the navigation starts on this site. */
    static String bounce(String path) {
        return page("Continuing…", "<meta http-equiv=\"refresh\" content=\"0;url=" + Html.escape(path) + "\">",
                "<p><a href=\"" + Html.escape(path) + "\">Continue</a></p>\n");
    }

    static String message(String title, String text) {
        return page(title, "<h1>" + Html.escape(title) + "</h1>\n<p>" + Html.escape(text) + "</p>\n");
    }

    private static String page(String title, String body) {
        return page(title, "", body);
    }

    private static String page(String title, String head, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">%s</head><body>
                %s</body></html>
                """.formatted(Html.escape(title), head, body);
    }
}
