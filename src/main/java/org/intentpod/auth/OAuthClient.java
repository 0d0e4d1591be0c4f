package org.intentpod.auth;

import java.net.URI;
import java.util.List;

/**
 * A client of the authorization code flow, whichever way it is known: a Client Identifier Document (its
 * id is the document's URL; a public client), a dynamically registered client, or a vendor's static client
 * (an account's credential with redirect URIs).
 *
 * @param secretHash digest of the client secret; null for a public client, which proves itself by PKCE and DPoP only
 */
record OAuthClient(String id, String name, List<URI> redirectUris, List<URI> postLogoutRedirectUris, String secretHash) {
    OAuthClient {
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    }

    boolean confidential() {
        return secretHash != null;
    }

    boolean allowsRedirect(URI uri) {
        return redirectUris.stream().anyMatch(registered -> same(registered, uri));
    }

    boolean allowsPostLogoutRedirect(URI uri) {
        return postLogoutRedirectUris.stream().anyMatch(registered -> same(registered, uri));
    }

    /**
     * Redirect URIs are compared as strings, as OAuth 2.1 requires: no prefix, no pattern, and not
     * {@link URI#equals}, which ignores the case of the host.
     */
    static boolean same(URI registered, URI presented) {
        return presented != null && registered.toString().equals(presented.toString());
    }
}
