package dev.switchboard.router;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.Health;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A backend that answers as its test scripts it: each call takes the next scripted outcome (a
 * failure, or a ready Single), and once the script runs out answers its own name.
 */
final class ScriptedBackend implements Backend {
    final String name;
    private final Set<Capability> capabilities;
    private final Deque<Supplier<Single<String>>> script = new ArrayDeque<>();
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean closed;
    /** What its health probe answers; healthy unless a test says otherwise. */
    volatile Health health = Health.healthy("ok");
    final AtomicInteger probes = new AtomicInteger();

    ScriptedBackend(String name, Set<Capability> capabilities) {
        this.name = name;
        this.capabilities = capabilities;
    }

    ScriptedBackend(String name) {
        this(name, EnumSet.allOf(Capability.class));
    }

    /** The next calls fail with {@code failures}, one each. */
    synchronized ScriptedBackend failing(Throwable... failures) {
        for (Throwable f : failures) script.add(() -> Single.error(f));
        return this;
    }

    /** The next call answers with {@code answer} (a pending subject, a timer on virtual time, …). */
    synchronized ScriptedBackend then(Supplier<Single<String>> answer) {
        script.add(answer);
        return this;
    }

    /** One call: the script's next outcome, or this backend's name. */
    Single<String> call() {
        calls.incrementAndGet();
        Supplier<Single<String>> next;
        synchronized (this) {
            next = script.poll();
        }
        return next != null ? next.get() : Single.just(name);
    }

    /** One streamed call: the scripted outcome's answer as one item, or its failure before any item. */
    Flowable<String> stream() {
        return call().toFlowable();
    }

    @Override
    public Single<Health> health(Duration timeout) {
        probes.incrementAndGet();
        return Single.just(health);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "scripted(" + name + ")";
    }
}
