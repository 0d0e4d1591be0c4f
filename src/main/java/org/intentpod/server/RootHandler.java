package org.intentpod.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.intentpod.access.Agent;
import org.intentpod.auth.IdpHandler;
import org.intentpod.auth.RequestAuthenticator;
import org.intentpod.http.HttpProblem;
import org.intentpod.http.ProblemResponder;
import org.intentpod.ldp.LdpHandler;
import org.intentpod.http.ResourcePath;
import org.intentpod.ui.HomePage;
import org.intentpod.vocab.ShapesHandler;
import org.intentpod.vocab.VocabularyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes by the canonical path and is the one place that maps failures to responses: an
 * {@link HttpProblem} becomes its problem body, anything else a logged 500 that reveals nothing.
 */
final class RootHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(RootHandler.class);
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;
    private final HomePage home;
    private final LdpHandler ldp;
    private final VocabularyHandler vocabulary;
    private final ShapesHandler shapes;
    private final IdpHandler idp;
    private final RequestAuthenticator authenticator;
    private final String baseUrl;

    RootHandler(String baseUrl, HomePage home, LdpHandler ldp, VocabularyHandler vocabulary, ShapesHandler shapes, IdpHandler idp,
            RequestAuthenticator authenticator) {
        this.baseUrl = baseUrl;
        this.home = home;
        this.ldp = ldp;
        this.vocabulary = vocabulary;
        this.shapes = shapes;
        this.idp = idp;
        this.authenticator = authenticator;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            ResourcePath path = ResourcePath.parse(request.getHttpURI().getPath());
            if (path.isServerRoot()) {
                home.handle(request, response);
            } else if (path.pod().equals("ns")) {
                vocabulary.handle(request, path, response);
            } else if (path.pod().equals("shapes")) {
                shapes.handle(request, path, response);
            } else if (path.pod().equals("idp")) {
                idp.handle(request, path, response);
            } else if (path.pod().equals(".well-known")) {
                idp.wellKnown(request, path, response);
            } else if (ResourcePath.RESERVED_TOP_LEVEL.contains(path.pod())) {
                throw HttpProblem.notFound("No resource at " + path);
            } else {
                // htu is checked against the URL as the configured base URL spells it, never as Host says.
                Agent agent = authenticator.authenticate(request.getMethod(), URI.create(path.iri(baseUrl)),
                        request.getHeaders().get(HttpHeader.AUTHORIZATION), request.getHeaders().get("DPoP"));
                ldp.handle(request, path, response, agent);
            }
            callback.succeeded();
        } catch (HttpProblem problem) {
            fail(request, response, callback, problem, null);
        } catch (Throwable unexpected) {
            if (clientWentAway(unexpected)) {
                LOG.debug("{} {}: the client went away", request.getMethod(), request.getHttpURI().getPath());
                callback.failed(unexpected);
                return true;
            }
            LOG.error("{} {} failed", request.getMethod(), request.getHttpURI().getPath(), unexpected);
            fail(request, response, callback, new HttpProblem(500, "Internal Server Error", "The server failed to handle this request"),
                    unexpected);
        }
        return true;
    }

    /**
     * A refusal often comes before the body was read (a 413, a 404 for a PUT). Answering then makes Jetty
     * close the connection under a client that is still sending, which sees a reset instead of our answer;
     * reading a bounded rest first lets the answer arrive. Beyond the bound the connection is closed anyway.
     */
    private static void drainUnreadBody(Request request) {
        try (InputStream rest = Content.Source.asInputStream(request)) {
            long left = DRAIN_LIMIT;
            while (left > 0) {
                long skipped = rest.skip(left);
                if (skipped <= 0) {
                    if (rest.read() < 0) {
                        return;
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        } catch (IOException | RuntimeException closedOrShort) {
            // nothing more to read, or the client went away: either way we answer (or abort) now
        }
    }

    /** A client that closes its connection while we write is not a server failure. */
    private static boolean clientWentAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EofException) {
                return true;
            }
        }
        return false;
    }

    private static void fail(Request request, Response response, Callback callback, HttpProblem problem, Throwable cause) {
        drainUnreadBody(request);
        if (response.isCommitted()) {
            // Part of a body is already out: only aborting the response tells the client it is incomplete.
            callback.failed(cause != null ? cause : problem);
            return;
        }
        // Drop what the handler had set for a success, but keep CORS and Vary so an app can read the error.
        HttpFields.Mutable kept = HttpFields.build();
        for (HttpField field : response.getHeaders()) {
            if (field.getName().startsWith("Access-Control-") || field.getHeader() == HttpHeader.VARY) {
                kept.add(field);
            }
        }
        response.reset();
        kept.forEach(response.getHeaders()::add);
        ProblemResponder.send(request, response, callback, problem);
    }
}
