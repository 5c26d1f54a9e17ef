package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.backend.Backend;
import dev.switchboard.backend.BackendContext;
import dev.switchboard.backend.BackendFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Router config files that are right: what each key becomes. */
class RouterConfigTest {
    /** The file shape of the issue, word for word. */
    static final String ISSUE_EXAMPLE = String.join("\n",
            "pools:",
            "  text-generation:",
            "    strategy: priority            # priority | round_robin | random | weighted | least_busy | lowest_latency | <custom name>",
            "    deployments:",
            "      - backend: vllm",
            "        base_url: http://127.0.0.1:8001/v1",
            "        model: Qwen/Qwen3-8B",
            "        weight: 3",
            "      - engine: llama              # a local engine from switchboard-client-local",
            "        model: ./models/qwen3-0.6b-q8_0.gguf",
            "      - backend: openai",
            "        model: gpt-4o-mini",
            "        api_key: ${OPENAI_API_KEY}",
            "router:",
            "  max_attempts: 3",
            "  cooldown: 30s",
            "  allowed_fails: 3",
            "  health_interval: 30s",
            "  timeout: 60s",
            "");

    /** Stands in for switchboard-client-local: makes {@code llama} deployments and keeps what it was given. */
    static final class LocalEngines implements BackendFactory {
        final List<Deployment> made = new CopyOnWriteArrayList<>();

        @Override
        public Set<String> kinds() {
            return Set.of("llama");
        }

        @Override
        public Backend create(Deployment deployment, BackendContext context) {
            if (!deployment.kind().equals("llama")) return null;
            made.add(deployment);
            return new Backend() {
                @Override
                public Set<Capability> capabilities() {
                    return Set.of(Capability.CHAT);
                }

                @Override
                public void close() {}
            };
        }
    }

    private static RouterConfig read(String yaml, Map<String, String> env) {
        return RouterConfig.reader().env(env::get).addBackendFactory(new LocalEngines()).parse(yaml, "switchboard.yaml");
    }

    private static RouterConfig read(String yaml) {
        return read(yaml, Map.of());
    }

    private static Deployment onlyDeployment(RouterConfig config) {
        assertThat(config.pools()).hasSize(1);
        assertThat(config.pools().get(0).deployments()).hasSize(1);
        return config.pools().get(0).deployments().get(0);
    }

    @Test
    void theIssuesExampleBecomesAPoolOfThreeDeploymentsAndTheRouterSettings() {
        RouterConfig config = read(ISSUE_EXAMPLE, Map.of("OPENAI_API_KEY", "sk-from-env"));

        Pool pool = config.pools().get(0);
        assertThat(pool.name()).isEqualTo("text-generation");
        assertThat(pool.strategyName()).isEqualTo("priority");
        List<Deployment> d = pool.deployments();
        assertThat(d).extracting(Deployment::name)
                .containsExactly("text-generation[0]", "text-generation[1]", "text-generation[2]");
        assertThat(d).extracting(Deployment::kind).containsExactly("vllm", "llama", "openai");
        assertThat(d.get(0).baseUrl()).contains("http://127.0.0.1:8001/v1");
        assertThat(d.get(0).model()).contains("Qwen/Qwen3-8B");
        assertThat(d.get(0).weight()).isEqualTo(3.0);
        assertThat(d.get(1).model()).contains("./models/qwen3-0.6b-q8_0.gguf");
        assertThat(d.get(1).options()).isEmpty();
        assertThat(d.get(2).model()).contains("gpt-4o-mini");
        assertThat(d.get(2).apiKey()).contains("sk-from-env");
        assertThat(d.get(2).weight()).isEqualTo(1.0);

        assertThat(config.retryPolicy().get().maxRetries()).isEqualTo(2);
        assertThat(config.cooldownPolicy().get().cooldown()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.cooldownPolicy().get().allowedFails()).isEqualTo(3);
        assertThat(config.healthPolicy().get().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.healthPolicy().get().enabled()).isTrue();
        assertThat(config.requestTimeout()).contains(Duration.ofSeconds(60));
        assertThat(config.source()).isEqualTo("switchboard.yaml");
    }

    @Test
    void everyDeploymentSettingIsRead() {
        Deployment d = onlyDeployment(read(String.join("\n",
                "pools:",
                "  chat:",
                "    deployments:",
                "      - name: big-gpu",
                "        backend: sglang",
                "        base_url: http://gpu-1:30000/v1",
                "        api_key: sk-literal",
                "        model: meta-llama/Llama-3.1-8B-Instruct",
                "        weight: 0.5",
                "        max_concurrency: 8",
                "        rpm: 600",
                "        tpm: 100000",
                "        context_window: 32768",
                "        timeout: 45s",
                "        tags: [gpu, eu-west]",
                "        options:",
                "          chat_template: llama3",
                "")));

        assertThat(d.name()).isEqualTo("big-gpu");
        assertThat(d.kind()).isEqualTo("sglang");
        assertThat(d.baseUrl()).contains("http://gpu-1:30000/v1");
        assertThat(d.apiKey()).contains("sk-literal");
        assertThat(d.model()).contains("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(d.weight()).isEqualTo(0.5);
        assertThat(d.maxConcurrency()).isEqualTo(8);
        assertThat(d.rpm()).isEqualTo(600);
        assertThat(d.tpm()).isEqualTo(100000);
        assertThat(d.contextWindow()).hasValue(32768);
        assertThat(d.timeout()).contains(Duration.ofSeconds(45));
        assertThat(d.tags()).containsExactlyInAnyOrder("gpu", "eu-west");
        assertThat(d.options()).containsExactly(Map.entry("chat_template", "llama3"));
    }

    @Test
    void anEnginesOwnSettingsBesideTheCommonOnesBecomeItsOptionsWithTheirYamlTypes() {
        Deployment d = onlyDeployment(read(String.join("\n",
                "pools:",
                "  local:",
                "    deployments:",
                "      - engine: llama",
                "        model: ./models/qwen3-0.6b-q8_0.gguf",
                "        context_size: 4096",
                "        threads: ${THREADS}",
                "        temperature: 0.7",
                "        flash_attention: true",
                "        seed: \"42\"",
                "        stop: [\"</s>\", \"<|im_end|>\"]",
                "        rope: {scaling: yarn, factor: 4}",
                "        draft: null",
                ""), Map.of("THREADS", "8")));

        assertThat(d.kind()).isEqualTo("llama");
        assertThat(d.model()).contains("./models/qwen3-0.6b-q8_0.gguf");
        Map<String, Object> options = d.options();
        assertThat(options.keySet()).containsExactly(
                "context_size", "threads", "temperature", "flash_attention", "seed", "stop", "rope", "draft");
        assertThat(options.get("context_size")).isEqualTo(4096);
        assertThat(options.get("threads")).as("a number from the environment is a number").isEqualTo(8);
        assertThat(options.get("temperature")).isEqualTo(0.7);
        assertThat(options.get("flash_attention")).isEqualTo(true);
        assertThat(options.get("seed")).as("quoted, so a string").isEqualTo("42");
        assertThat(options.get("stop")).isEqualTo(List.of("</s>", "<|im_end|>"));
        assertThat(options.get("rope")).isEqualTo(Map.of("scaling", "yarn", "factor", 4));
        assertThat(options).containsEntry("draft", null);
    }

    @Test
    void everyRouterSettingIsRead() {
        RouterConfig config = read(String.join("\n",
                "router:",
                "  max_attempts: 5",
                "  backoff: 250ms",
                "  max_backoff: 4s",
                "  retry_after_cap: 20s",
                "  jitter: 0.1",
                "  cooldown: 2m",
                "  allowed_fails: 5",
                "  cooldown_window: 90s",
                "  failure_rate_threshold: 25%",
                "  minimum_requests: 10",
                "  half_open_probes: 2",
                "  health_interval: 15s",
                "  health_timeout: 2s",
                "  timeout: 1m30s",
                ""));

        RetryPolicy retry = config.retryPolicy().get();
        assertThat(retry.maxRetries()).isEqualTo(4);
        assertThat(retry.toString()).isEqualTo(
                "RetryPolicy{maxRetries=4, initialBackoff=PT0.25S, maxBackoff=PT4S, maxRetryAfter=PT20S, jitter=0.1}");
        CooldownPolicy cooldown = config.cooldownPolicy().get();
        assertThat(cooldown.cooldown()).isEqualTo(Duration.ofMinutes(2));
        assertThat(cooldown.allowedFails()).isEqualTo(5);
        assertThat(cooldown.window()).isEqualTo(Duration.ofSeconds(90));
        assertThat(cooldown.failureRateThreshold()).isEqualTo(25f);
        assertThat(cooldown.minimumRequests()).isEqualTo(10);
        assertThat(cooldown.halfOpenProbes()).isEqualTo(2);
        HealthPolicy health = config.healthPolicy().get();
        assertThat(health.enabled()).isTrue();
        assertThat(health.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(health.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.requestTimeout()).contains(Duration.ofSeconds(90));
        assertThat(config.pools()).isEmpty();
    }

    @Test
    void healthFalseTurnsTheProbesOff() {
        assertThat(read("router:\n  health: false\n").healthPolicy().get().enabled()).isFalse();
    }

    @Test
    void settingsTheFileLeavesOutAreNotSet() {
        RouterConfig config = read("router:\n  cooldown: 10s\n");

        assertThat(config.retryPolicy()).isEmpty();
        assertThat(config.healthPolicy()).isEmpty();
        assertThat(config.requestTimeout()).isEmpty();
        assertThat(config.cooldownPolicy().get().cooldown()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.cooldownPolicy().get().allowedFails()).as("the default").isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "30s, PT30S",
            "2m, PT2M",
            "1h, PT1H",
            "1d, PT24H",
            "1m30s, PT1M30S",
            "1.5s, PT1.5S",
            "PT45S, PT45S",
            "0, PT0S",
            "0s, PT0S"})
    void durationsAreWrittenWithAUnit(String written, String meant) {
        RouterConfig config = read("router:\n  backoff: " + written + "\n");

        assertThat(config.retryPolicy().get().toString()).contains("initialBackoff=" + meant + ",");
    }

    @Test
    void aReferenceWithADefaultTakesTheDefaultWhenTheVariableIsUnsetOrEmpty() {
        RouterConfig config = read(String.join("\n",
                "pools:",
                "  chat:",
                "    deployments:",
                "      - backend: ollama",
                "        base_url: http://${OLLAMA_HOST:-127.0.0.1}:${OLLAMA_PORT:-11434}/v1",
                "        model: ${CHAT_MODEL:-qwen3:0.6b}",
                "        api_key: ${OLLAMA_KEY:-}",
                ""), Map.of("OLLAMA_PORT", "11500", "CHAT_MODEL", ""));

        Deployment d = onlyDeployment(config);
        assertThat(d.baseUrl()).contains("http://127.0.0.1:11500/v1");
        assertThat(d.model()).contains("qwen3:0.6b");
        assertThat(d.apiKey()).as("an empty default leaves the key unset").isEmpty();
    }

    @Test
    void aDoubledDollarIsALiteralReference() {
        Deployment d = onlyDeployment(read(String.join("\n",
                "pools:",
                "  chat:",
                "    deployments:",
                "      - engine: llama",
                "        model: m.gguf",
                "        prompt_prefix: \"$${USER} says\"",
                "")));

        assertThat(d.options()).containsEntry("prompt_prefix", "${USER} says");
    }

    @Test
    void builtInStrategiesAreNamedInAnyCaseWithDashesOrUnderscores() {
        RouterConfig config = read(String.join("\n",
                "pools:",
                "  a: {strategy: Round-Robin, deployments: [{backend: openai}]}",
                "  b: {strategy: always_first, deployments: [{backend: openai}]}",
                "  c: {strategy: LOWEST_LATENCY, deployments: [{backend: openai}]}",
                ""));

        assertThat(config.pools()).extracting(Pool::strategyName).containsExactly("Round-Robin", "always_first", "LOWEST_LATENCY");
        assertThat(config.pools()).extracting(Pool::name).containsExactly("a", "b", "c");
    }

    @Test
    void aStrategyGivenToTheReaderMayBeNamedByAPool() {
        RouterConfig config = RouterConfig.reader()
                .strategy("canary", () -> (candidates, context) -> candidates)
                .parse("pools:\n  chat: {strategy: canary, deployments: [{backend: openai}]}\n", "s.yaml");

        assertThat(config.pools().get(0).strategyName()).isEqualTo("canary");
    }

    @Test
    void appliedToARouterBuilderTheFilesPoolsAndSettingsAreTheRouters() {
        LocalEngines engines = new LocalEngines();
        RouterConfig config = RouterConfig.reader().env(Map.of("OPENAI_API_KEY", "sk-x")::get).addBackendFactory(engines)
                .parse(ISSUE_EXAMPLE.replace("router:", "router:\n  health: false"), "switchboard.yaml");

        try (Router router = config.applyTo(Router.builder()).build()) {
            assertThat(router.pools()).containsOnlyKeys("text-generation");
            assertThat(router.route("text-generation").deployments()).hasSize(3);
            assertThat(router.retryPolicy().maxRetries()).isEqualTo(2);
            assertThat(router.cooldownPolicy().cooldown()).isEqualTo(Duration.ofSeconds(30));
            assertThat(router.healthPolicy().enabled()).isFalse();
        }
        assertThat(engines.made).as("the engine deployment reached the reader's factory")
                .extracting(Deployment::name).containsExactly("text-generation[1]");
    }

    @Test
    void policiesTheFileLeavesOutStayAsTheRouterBuilderHasThem() {
        CooldownPolicy mine = CooldownPolicy.builder().allowedFails(9).build();
        RouterConfig config = read("pools:\n  chat: {deployments: [{backend: openai}]}\nrouter:\n  max_attempts: 1\n  health: false\n");

        try (Router router = config.applyTo(Router.builder().cooldownPolicy(mine)).build()) {
            assertThat(router.cooldownPolicy()).isSameAs(mine);
            assertThat(router.retryPolicy().maxRetries()).isZero();
        }
    }

    @Test
    void loadReadsAFileAndNamesItAsTheSource(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("switchboard.yaml");
        Files.writeString(file, "pools:\n  chat: {deployments: [{backend: openai, model: gpt-4o-mini}]}\n");

        RouterConfig config = RouterConfig.load(file);

        assertThat(config.source()).isEqualTo(file.toString());
        assertThat(onlyDeployment(config).model()).contains("gpt-4o-mini");
    }

    @Test
    void aJsonFileIsReadTooAsJsonIsYaml() {
        RouterConfig config = read("{\"pools\": {\"embeddings\": {\"strategy\": \"round_robin\", \"deployments\": "
                + "[{\"backend\": \"tgi\", \"base_url\": \"http://tei:8080/v1\", \"weight\": 2}]}},"
                + " \"router\": {\"max_attempts\": 2}}");

        Deployment d = onlyDeployment(config);
        assertThat(config.pools().get(0).strategyName()).isEqualTo("round_robin");
        assertThat(d.kind()).isEqualTo("tgi");
        assertThat(d.weight()).isEqualTo(2.0);
        assertThat(config.retryPolicy().get().maxRetries()).isEqualTo(1);
    }

    @Test
    void theConfigsTextShowsNoKey() {
        RouterConfig config = read(ISSUE_EXAMPLE, Map.of("OPENAI_API_KEY", "sk-very-secret"));

        assertThat(config.toString()).doesNotContain("sk-very-secret").contains("text-generation[2]");
    }
}
