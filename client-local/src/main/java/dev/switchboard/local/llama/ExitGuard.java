package dev.switchboard.local.llama;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a JVM that loaded a llama model end when its program does.
 *
 * <p>Measured on de.kherud:llama 4.2.0: each load starts a native thread for llama.cpp's task loop
 * and attaches it to the JVM with {@code AttachCurrentThread}, which makes it a non-daemon thread
 * (it shows as {@code Thread-N}, with no Java frames). Nothing ever detaches it, not even
 * {@code LlamaModel.close()} (the thread stays alive), so the JVM waits for it forever after
 * {@code main} returns. Loading on a daemon thread does not help: the attached thread's daemon
 * state is set by the attach, not inherited.
 *
 * <p>So this guard remembers those threads, and a daemon watcher looks twice a second: once every
 * live non-daemon thread is one of them (or the launcher's {@code DestroyJavaVM}, which waits for
 * them), nothing else can ever run, and it ends the JVM with {@code System.exit}, running shutdown
 * hooks, as a normal exit would. The status is 0, or 1 when the main thread died of an uncaught
 * exception (as the launcher would have answered). Set {@code -Dswitchboard.llama.exitGuard=false}
 * to keep the JVM alive instead (and end it yourself).
 */
final class ExitGuard {
    static final String PROPERTY = "switchboard.llama.exitGuard";
    private static final Logger log = LoggerFactory.getLogger(ExitGuard.class);
    private static final Set<Thread> nativeLoops = Collections.newSetFromMap(new WeakHashMap<>());
    private static Thread watcher;
    private static volatile boolean mainFailed;

    private ExitGuard() {}

    /** The threads alive now, to tell which ones a load adds. */
    static Set<Thread> snapshot() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /**
     * Adopts the native loop threads a load started: threads that were not in {@code before}, are not
     * daemons and run no Java code. The loop thread attaches itself shortly after the load returns, so
     * this looks for up to two seconds.
     */
    static void adoptNewThreads(Set<Thread> before) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) return;
        long deadline = System.nanoTime() + 2_000_000_000L;
        Set<Thread> found = new HashSet<>();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                Thread t = e.getKey();
                if (!before.contains(t) && !t.isDaemon() && e.getValue().length == 0) found.add(t);
            }
            if (found.isEmpty()) Thread.onSpinWait();
        }
        if (found.isEmpty()) {
            log.debug("No native loop thread appeared after the load; the JVM exit guard has nothing to adopt");
            return;
        }
        synchronized (ExitGuard.class) {
            nativeLoops.addAll(found);
            startWatcher();
        }
    }

    private static void startWatcher() {
        if (watcher != null) return;
        watchMainThread();
        watcher = new Thread(ExitGuard::watch, "switchboard-llama-exit-guard");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Notes an uncaught exception that ends the main thread, so the exit status can say so. */
    private static void watchMainThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!t.getName().equals("main") || t.getThreadGroup() == null || !t.getThreadGroup().getName().equals("main")) {
                continue;
            }
            Thread.UncaughtExceptionHandler current = t.getUncaughtExceptionHandler();
            if (current != t.getThreadGroup()) return; // the program set its own: leave it alone
            t.setUncaughtExceptionHandler((thread, e) -> {
                mainFailed = true;
                thread.getThreadGroup().uncaughtException(thread, e);
            });
            return;
        }
    }

    private static void watch() {
        boolean idleBefore = false;
        while (true) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            boolean idle = onlyNativeLoopsLeft();
            if (idle && idleBefore) {
                log.debug("Only llama.cpp's native threads keep the JVM alive; exiting");
                System.exit(mainFailed ? 1 : 0);
            }
            idleBefore = idle;
        }
    }

    private static boolean onlyNativeLoopsLeft() {
        Set<Thread> loops;
        synchronized (ExitGuard.class) {
            loops = new HashSet<>(nativeLoops);
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isDaemon() || !t.isAlive() || loops.contains(t)) continue;
            if (t.getName().equals("DestroyJavaVM")) continue;
            return false;
        }
        return true;
    }
}
