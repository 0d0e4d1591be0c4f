package org.intentpod.server;

/** A start that cannot go on; the message tells the operator what to do. */
public final class StartupException extends Exception {
    public StartupException(String message) {
        super(message);
    }
}
