package org.intentpod.access;

/**
 * Who is making a request: a WebID using a client, or nobody in particular.
 *
 * @param webId the authenticated WebID, or null when anonymous
 * @param clientId the client the token was issued to, or null when anonymous
 */
public record Agent(String webId, String clientId) {
    public static final Agent ANONYMOUS = new Agent(null, null);

    public boolean isAuthenticated() {
        return webId != null;
    }
}
