package dev.switchboard.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Errors that reach nobody who asked: what RxJava could not deliver (it would print them and hand
 * them to the thread's uncaught-exception handler) and anything printed to stderr. A test that
 * registers this fails when either happens. MockWebServer's own log stays off the console: a client
 * cutting a stream makes the server complain, and that is the server's business.
 */
public final class StrayErrors implements BeforeEachCallback, AfterEachCallback {
    private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    private final List<Throwable> undeliverable = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        RxJavaPlugins.setErrorHandler(undeliverable::add);
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        SERVER_LOG.setUseParentHandlers(false);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RxJavaPlugins.setErrorHandler(null);
        System.setErr(originalErr);
        SERVER_LOG.setUseParentHandlers(true);
        assertNone();
    }

    /** Fails when an error went astray so far. */
    public void assertNone() {
        assertThat(undeliverable).as("errors RxJava could not deliver").isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).as("stderr").isEmpty();
    }
}
