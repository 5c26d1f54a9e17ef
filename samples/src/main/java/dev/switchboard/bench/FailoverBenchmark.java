package dev.switchboard.bench;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.router.BreakerState;
import dev.switchboard.router.CooldownPolicy;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.HealthPolicy;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * (d): a chat call to a pool whose first deployment (by priority) is a loopback port nobody listens
 * on, so connecting is refused. {@code direct}: a pool of the good deployment alone, the baseline.
 * {@code failover}: every call is refused by the first and fails over to the second (its breaker
 * never trips here). {@code cooled}: the first deployment's breaker is open, so calls skip it. The
 * report subtracts the baseline: what failing over adds, and what is left once the dead one cools.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class FailoverBenchmark {
    static final String POOL = "chat";

    @Param({"direct", "failover", "cooled"})
    public String scenario;

    private LoopbackServer server;
    private Router router;
    private OpenAIClient client;
    private final ChatCompletionCreateParams params = Requests.switchboard(POOL);

    @Setup(Level.Trial)
    public void start() {
        server = LoopbackServer.start();
        Deployment dead = Deployment.builder().name("dead").kind("openai").apiKey(Requests.API_KEY)
                .baseUrl("http://127.0.0.1:" + LoopbackServer.closedPort() + "/v1").model(Requests.MODEL).build();
        Deployment good = Deployment.builder().name("good").kind("openai").apiKey(Requests.API_KEY)
                .baseUrl(server.baseUrl()).model(Requests.MODEL).build();
        Pool.Builder pool = Pool.builder().name(POOL).strategy("priority");
        if (!scenario.equals("direct")) pool.addDeployment(dead);
        pool.addDeployment(good);
        CooldownPolicy cooldown = scenario.equals("failover")
                // Never cools: every call meets the refusal.
                ? CooldownPolicy.builder().allowedFails(Integer.MAX_VALUE).minimumRequests(Integer.MAX_VALUE).build()
                // Cools at the first failure and stays out for the whole run.
                : CooldownPolicy.builder().allowedFails(0).cooldown(Duration.ofHours(1)).build();
        router = Router.builder().addPool(pool.build()).cooldownPolicy(cooldown).healthPolicy(HealthPolicy.disabled()).build();
        client = OpenAIOkHttpClient.builder().router(router).build();
        Requests.expect("Switchboard (" + scenario + ")", CannedAnswers.CONTENT, call());
        if (scenario.equals("cooled")) {
            Requests.expect("the dead deployment's breaker", BreakerState.OPEN, router.breakerState(dead));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        server.close();
    }

    @Benchmark
    public String call() {
        return client.chat().completions().create(params).choices().get(0).message().content().orElseThrow();
    }
}
