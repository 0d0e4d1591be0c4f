package org.intentpod.ldp;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/** Collects what a writer writes, giving up as soon as it exceeds a cap (so a huge body is never buffered). */
final class CappedBuffer {
    private final int cap;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    CappedBuffer(int cap) {
        this.cap = cap;
    }

    /** Runs the writer; false when it wrote more than the cap. */
    boolean fill(Consumer<OutputStream> writer) {
        try {
            writer.accept(new OutputStream() {
                @Override
                public void write(int b) {
                    check(1);
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    check(len);
                    bytes.write(b, off, len);
                }
            });
            return true;
        } catch (CapExceeded e) {
            return false;
        }
    }

    private void check(int more) {
        if (bytes.size() + more > cap) {
            throw new CapExceeded();
        }
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private static final class CapExceeded extends RuntimeException {
        CapExceeded() {
            super(null, null, false, false);
        }
    }
}
