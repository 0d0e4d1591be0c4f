package org.intentpod.auth;

import java.net.URI;
import java.time.Clock;
import java.util.function.Predicate;
import org.intentpod.http.RemoteFetcher;
import org.intentpod.ldp.PodProvisioner;
import org.intentpod.ldp.RdfInput;
import org.intentpod.store.PodStore;

/**
 * The identity provider and token verification, wired from one configuration: what the server needs of
 * {@code auth} is the {@link IdpHandler} for {@code /idp} and the {@link RequestAuthenticator} for pods.
 */
public final class IdentityProvider {
    private final IdpHandler handler;
    private final RequestAuthenticator authenticator;

    public IdentityProvider(IdentityConfig config, String baseUrl, PodStore store, SigningKeys keys, PodProvisioner provisioner,
            RemoteFetcher fetcher, RdfInput rdf, Clock clock) {
        Accounts accounts = new Accounts(store);
        PasswordHasher hasher = new PasswordHasher(config.argon2MemoryKiB(), config.argon2Iterations());
        PasswordLogin login = new PasswordLogin(accounts, hasher, new LoginThrottle(config.maxLoginFailures(), clock));
        BrowserSession browser = new BrowserSession(new LoginSessions(store, clock), baseUrl);
        AppAuthorizations apps = new AppAuthorizations(store, clock);
        ClientRegistry clients = new ClientRegistry(store, accounts, fetcher, clock);
        AuthorizationCodes codes = new AuthorizationCodes(clock);
        this.handler = new IdpHandler(new OidcProvider(keys, baseUrl),
                new AccountApi(new Registration(accounts, provisioner, hasher, baseUrl), accounts, apps, browser,
                        new AccountAuthentication(login, browser, accounts)),
                new BrowserLogin(login, accounts, browser, clients, keys, baseUrl),
                new AuthorizationEndpoint(clients, accounts, apps, codes, browser, baseUrl, clock),
                new TokenEndpoint(accounts, clients, codes, new RefreshTokens(store, clock), apps, new TokenIssuer(keys, baseUrl, clock),
                        URI.create(baseUrl + "idp/token"), config.bearerTokens()),
                new ClientRegistrationEndpoint(clients, URI.create(baseUrl + "idp/reg")));
        // A token names the credential (client_credentials) or the app authorization it derives from; an app
        // that is a vendor's static client also stops when the vendor's credential is revoked.
        Predicate<String> liveCredential = clientId -> accounts.credential(clientId).filter(c -> !c.revoked()).isPresent();
        Predicate<String> liveGrant = grant -> AppAuthorizations.names(grant)
                ? apps.find(grant).filter(app -> accounts.credential(app.clientId()).map(c -> !c.revoked()).orElse(true)).isPresent()
                : liveCredential.test(grant);
        this.authenticator = new RequestAuthenticator(keys, baseUrl, config, liveGrant, store, fetcher, rdf, clock);
    }

    public IdpHandler handler() {
        return handler;
    }

    public RequestAuthenticator authenticator() {
        return authenticator;
    }
}
