package org.intentpod.auth;

import org.intentpod.http.Html;

/** The registration form, for people who create their pod in a browser. */
final class RegistrationPage {
    private RegistrationPage() {
    }

    static String form(String csrf) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Create your IntentPod</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
                <h1>Create your pod</h1>
                <form method="post" action="register"><input type="hidden" name="csrf" value="%s">
                <p><label>Username <input name="username" required pattern="[a-z][a-z0-9-]{2,31}" autocomplete="username"></label></p>
                <p><label>Your name <input name="name" required maxlength="100"></label></p>
                <p><label>Password <input name="password" type="password" required minlength="10" autocomplete="new-password"></label></p>
                <p><label>I am <select name="kind"><option value="person">a person</option><option value="vendor">a vendor</option></select></label></p>
                <p><button type="submit">Create my pod</button></p>
                </form></body></html>
                """.formatted(Html.escape(csrf));
    }

    static String done(Registration.Registered registered) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Your IntentPod</title></head><body>
                <h1>Your pod is ready</h1>
                <p>Pod: <a href="%s">%s</a></p><p>WebID: <code>%s</code></p><p>Issuer: <code>%s</code></p>
                </body></html>
                """.formatted(Html.escape(registered.pod()), Html.escape(registered.pod()), Html.escape(registered.webId()), Html.escape(registered.issuer()));
    }
}
