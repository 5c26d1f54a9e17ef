package dev.switchboard.cli;

import dev.switchboard.backend.Health;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import io.reactivex.rxjava3.core.Single;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard models}: the config's pools, each deployment probed for health. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists the pools of the config and their deployments, each probed for health.")
final class ModelsCommand implements Callable<Integer> {
    @ParentCommand
    Switchboard root;

    @Spec
    CommandSpec spec;

    @Option(names = "--timeout", defaultValue = "10", description = "Seconds a health probe may take (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try (Router router = root.router()) {
            // Every probe at once: a pool of slow servers takes one timeout, not one each.
            Map<Deployment, Single<Health>> probes = new LinkedHashMap<>();
            for (Pool pool : router.pools().values()) {
                for (Deployment d : pool.deployments()) {
                    Single<Health> probe = Single.defer(() -> router.backend(d).health(timeout))
                            .timeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
                            .onErrorReturn(e -> Health.unreachable(String.valueOf(e.getMessage()), e)).cache();
                    probe.subscribe(h -> { }, e -> { });
                    probes.put(d, probe);
                }
            }
            int unhealthy = 0;
            for (Pool pool : router.pools().values()) {
                out.println(pool.name() + "  (" + pool.strategyName() + ", " + pool.deployments().size()
                        + (pool.deployments().size() == 1 ? " deployment)" : " deployments)"));
                for (Deployment d : pool.deployments()) {
                    Health health = probes.get(d).blockingGet();
                    if (!health.isHealthy()) unhealthy++;
                    String can = new TreeSet<>(router.backend(d).capabilities()).stream()
                            .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
                    out.println(String.format(Locale.ROOT, "  %-22s %-9s %-40s %-11s %s", d.name(), d.kind(),
                            d.model().orElse("(caller's)"), health.status().name().toLowerCase(Locale.ROOT), can));
                    if (!health.isHealthy()) out.println("      " + health.detail());
                }
            }
            out.flush();
            return unhealthy == 0 ? 0 : Switchboard.EXIT_FAILED;
        }
    }

}
