package dev.switchboard.bench;

import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.router.Capability;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.HealthPolicy;
import dev.switchboard.router.Pool;
import dev.switchboard.router.RouteRequest;
import dev.switchboard.router.Router;
import io.reactivex.rxjava3.core.Single;
import java.nio.charset.StandardCharsets;
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
 * (a): what a call pays the router to pick a deployment, per strategy and pool size. Each operation is
 * a whole routed call whose attempt answers at once: the pool looked up, the call's record, the
 * strategy's order of the candidates, cooldown and limit checks, admission, the listener's events and
 * statistics, and the Rx pipeline around them. Only the backend's work is left out.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class RoutingBenchmark {
    static final String POOL = "chat";

    @Param({"2", "8", "32"})
    public int deployments;

    @Param({"priority", "round_robin", "random", "weighted", "least_busy", "lowest_latency"})
    public String strategy;

    private Router router;
    private ChatCompletion answer;
    private Router.Attempt<Single<ChatCompletion>> attempt;

    @Setup(Level.Trial)
    public void build() {
        Pool.Builder pool = Pool.builder().name(POOL).strategy(strategy);
        for (int i = 0; i < deployments; i++) {
            // Never contacted: the attempt below answers without its backend.
            pool.addDeployment(Deployment.builder().name("d" + i).kind("openai")
                    .baseUrl("http://127.0.0.1:9/v1").model("model-" + i).weight(1 + i % 3).build());
        }
        router = Router.builder().addPool(pool.build()).healthPolicy(HealthPolicy.disabled()).build();
        answer = JsonValueAdapter.parse(new String(CannedAnswers.COMPLETION, StandardCharsets.UTF_8)).convert(ChatCompletion.class);
        attempt = (backend, model) -> Single.just(answer);
    }

    @TearDown(Level.Trial)
    public void close() {
        router.close();
    }

    @Benchmark
    public ChatCompletion route() {
        // As the client routes a chat call: its estimated prompt and its output limit (for tpm budgets).
        RouteRequest request = RouteRequest.builder(Capability.CHAT, POOL).estimatedPromptTokens(24).maxOutputTokens(64).build();
        return router.single(request, attempt).blockingGet();
    }
}
