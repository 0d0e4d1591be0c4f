package org.intentpod.http;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises before our handlers run (an ambiguous URI, a bad header) get our problem body too.
 * Jetty's own {@link ErrorHandler} writes no body for methods such as PUT, so this replaces it whole.
 */
public final class ProblemErrorHandler implements Request.Handler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        String reason = HttpStatus.getMessage(status);
        String detail = request.getAttribute(ErrorHandler.ERROR_MESSAGE) instanceof String message ? message : reason;
        ProblemResponder.send(request, response, callback, new HttpProblem(status, reason, detail));
        return true;
    }
}
