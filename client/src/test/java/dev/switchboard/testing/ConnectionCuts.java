package dev.switchboard.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockWebServer;

/**
 * The server's view of a cancelled stream: MockWebServer notes (at FINE) each connection that
 * failed while it was serving it, such as a client closing the socket in the middle of a body.
 */
public final class ConnectionCuts implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MockWebServer.class.getName());

    private final String serverName;
    private final CountDownLatch cut = new CountDownLatch(1);
    private final Level originalLevel = LOG.getLevel();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (message != null && message.startsWith(serverName + " connection from") && message.contains(" failed")) {
                cut.countDown();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private ConnectionCuts(MockWebServer server) {
        this.serverName = server.toString();
        LOG.setLevel(Level.FINE);
        LOG.addHandler(handler);
    }

    /** Starts watching {@code server}'s connections. */
    public static ConnectionCuts watch(MockWebServer server) {
        return new ConnectionCuts(server);
    }

    /** Whether a client cut a connection of the server within {@code seconds}. */
    public boolean awaitCut(long seconds) throws InterruptedException {
        return cut.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        LOG.removeHandler(handler);
        LOG.setLevel(originalLevel);
    }
}
