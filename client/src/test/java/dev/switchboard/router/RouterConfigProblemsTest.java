package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Router config files that are wrong: one exception that lists every problem with its place. */
class RouterConfigProblemsTest {
    private static final Map<String, String> ENV = Map.of("SECRET", "sk-live-0123456789", "WORD", "heavy");

    private static RouterConfigException problems(String... lines) {
        String yaml = String.join("\n", lines) + "\n";
        return catchThrowableOfType(RouterConfigException.class,
                () -> RouterConfig.reader().env(ENV::get).parse(yaml, "switchboard.yaml"));
    }

    private static String[] deployment(String... settings) {
        String[] lines = new String[3 + settings.length];
        lines[0] = "pools:";
        lines[1] = "  chat:";
        lines[2] = "    deployments:";
        for (int i = 0; i < settings.length; i++) lines[3 + i] = (i == 0 ? "      - " : "        ") + settings[i];
        return lines;
    }

    @Test
    void aBadValueIsPlacedByFileLineColumnAndPath() {
        RouterConfigException e = problems(
                "pools:",
                "  text-generation:",
                "    deployments:",
                "      - backend: openai",
                "      - backend: openai",
                "        weight: -2");

        assertThat(e).hasMessage("The router config switchboard.yaml has 1 problem:\n"
                + "  switchboard.yaml:6:17: pools.text-generation.deployments[1].weight must be > 0, was -2");
        assertThat(e.source()).isEqualTo("switchboard.yaml");
        assertThat(e.problems()).containsExactly(
                "switchboard.yaml:6:17: pools.text-generation.deployments[1].weight must be > 0, was -2");
    }

    @Test
    void everyProblemOfTheFileIsInOneExceptionInFileOrder() {
        RouterConfigException e = problems(
                "pools:",
                "  text-generation:",
                "    strategy: fastest",
                "    deployments:",
                "      - backend: vllm",
                "        base_url: http://127.0.0.1:8001/v1",
                "        wieght: 3",
                "      - backend: openai",
                "        max_concurrency: 2.5",
                "router:",
                "  max_attempts: 0",
                "  cooldown: 30 seconds");

        assertThat(e).hasMessage("The router config switchboard.yaml has 5 problems:\n"
                + "  switchboard.yaml:3:15: pools.text-generation.strategy: unknown strategy 'fastest'; known: priority, "
                + "always_first, round_robin, random, weighted, least_busy, lowest_latency (a strategy of your own is "
                + "registered by name on the client builder or RouterConfig.reader())\n"
                + "  switchboard.yaml:7:9: pools.text-generation.deployments[0].wieght is not a setting of a deployment; "
                + "did you mean weight?\n"
                + "  switchboard.yaml:9:26: pools.text-generation.deployments[1].max_concurrency must be a whole number, was '2.5'\n"
                + "  switchboard.yaml:11:17: router.max_attempts must be >= 1, was 0\n"
                + "  switchboard.yaml:12:13: router.cooldown must be a duration (500ms, 30s, 2m, 1h), was '30 seconds'");
    }

    @Test
    void anUnknownKeyFarFromAnyKnownOneListsTheKnownOnes() {
        assertThat(problems("routing:", "  max_attempts: 2").problems()).containsExactly(
                "switchboard.yaml:1:1: routing is not a setting of the file; known: pools, router, gateway");
        assertThat(problems("router:", "  retries: 2").problems()).containsExactly(
                "switchboard.yaml:2:3: router.retries is not a setting of router:; known: max_attempts, backoff, "
                        + "max_backoff, retry_after_cap, jitter, cooldown, allowed_fails, cooldown_window, "
                        + "failure_rate_threshold, minimum_requests, half_open_probes, health, health_interval, "
                        + "health_timeout, timeout");
    }

    @Test
    void aTypoInAPoolOrTheRouterSectionIsNamedWithTheKeyItMeant() {
        RouterConfigException e = problems(
                "pools:",
                "  chat:",
                "    stratgey: random",
                "    deployments: [{backend: openai}]",
                "router:",
                "  health_intervall: 10s");

        assertThat(e.problems()).containsExactly(
                "switchboard.yaml:3:5: pools.chat.stratgey is not a setting of a pool; did you mean strategy?",
                "switchboard.yaml:6:3: router.health_intervall is not a setting of router:; did you mean health_interval?");
    }

    @Test
    void anEngineSettingOneLetterFromACommonSettingIsTakenForATypo() {
        RouterConfigException e = catchThrowableOfType(RouterConfigException.class, () -> RouterConfig.reader()
                .addBackendFactory(new RouterConfigTest.LocalEngines())
                .parse(String.join("\n", deployment("engine: llama", "modle: m.gguf", "context_size: 4096")), "s.yaml"));

        assertThat(e.problems()).containsExactly("s.yaml:5:16: pools.chat.deployments[0].modle looks like a misspelt "
                + "model (an engine setting of that name goes under options:)");
    }

    @Test
    void anUnknownEngineNamesTheModuleToAdd() {
        assertThat(problems(deployment("engine: llama", "model: ./models/qwen3-0.6b-q8_0.gguf")).problems()).containsExactly(
                "switchboard.yaml:4:17: pools.chat.deployments[0].engine: no local engine 'llama' on the class path; add "
                        + "switchboard-client-local (dev.switchboard:switchboard-client-local) to your dependencies");
    }

    @Test
    void anEngineNoFactoryMakesListsTheEnginesThereAre() {
        RouterConfigException e = catchThrowableOfType(RouterConfigException.class, () -> RouterConfig.reader()
                .addBackendFactory(new RouterConfigTest.LocalEngines())
                .parse("pools:\n  speech: {deployments: [{engine: piper}]}\n", "s.yaml"));

        assertThat(e.problems()).containsExactly("s.yaml:2:35: pools.speech.deployments[0].engine: no local engine 'piper' on "
                + "the class path; engines available: llama (local engines come with dev.switchboard:switchboard-client-local)");
    }

    @Test
    void anUnknownBackendListsTheKnownKinds() {
        assertThat(problems(deployment("backend: bedrock")).problems()).containsExactly(
                "switchboard.yaml:4:18: pools.chat.deployments[0].backend: unknown backend 'bedrock'; known: llamacpp, "
                        + "lmstudio, localai, ollama, openai, sglang, tgi, vllm; an engine that runs in this process is "
                        + "written engine: bedrock");
        assertThat(problems(deployment("backend: vLLM", "base_url: http://h:8000/v1")).problems()).containsExactly(
                "switchboard.yaml:4:18: pools.chat.deployments[0].backend: unknown backend 'vLLM'; known: llamacpp, "
                        + "lmstudio, localai, ollama, openai, sglang, tgi, vllm (kinds are lower case: write vllm)");
    }

    @Test
    void aServerWrittenAsAnEngineIsToldToUseBackend() {
        assertThat(problems(deployment("engine: ollama", "model: qwen3")).problems()).containsExactly(
                "switchboard.yaml:4:17: pools.chat.deployments[0].engine: ollama is a server reached over HTTP: write "
                        + "backend: ollama with its base_url");
    }

    @Test
    void aDeploymentNeedsExactlyOneOfBackendAndEngine() {
        assertThat(problems(deployment("model: gpt-4o-mini")).problems()).containsExactly(
                "switchboard.yaml:4:9: pools.chat.deployments[0] needs backend: <kind> (llamacpp, lmstudio, localai, "
                        + "ollama, openai, sglang, tgi, vllm) or engine: <kind> (a local engine, such as llama)");
        assertThat(problems(deployment("backend: openai", "engine: openai")).problems()).first().asString()
                .startsWith("switchboard.yaml:4:9: pools.chat.deployments[0] sets both backend: and engine:; backend: is "
                        + "a server reached over HTTP, engine: runs in this process: keep one");
    }

    @Test
    void aServerOtherThanOpenAiNeedsItsBaseUrlAndItMustBeAUrl() {
        assertThat(problems(deployment("backend: vllm", "model: Qwen/Qwen3-8B")).problems()).containsExactly(
                "switchboard.yaml:4:9: pools.chat.deployments[0].base_url must be set for a vllm server (such as "
                        + "http://127.0.0.1:8000/v1)");
        assertThat(problems(deployment("backend: vllm", "base_url: localhost:8000")).problems()).containsExactly(
                "switchboard.yaml:5:19: pools.chat.deployments[0].base_url must be an http:// or https:// URL");
    }

    @Test
    void anEngineHasNoUrlOrKey() {
        RouterConfigException e = catchThrowableOfType(RouterConfigException.class, () -> RouterConfig.reader()
                .addBackendFactory(new RouterConfigTest.LocalEngines())
                .parse(String.join("\n", deployment("engine: llama", "base_url: http://h/v1", "api_key: k")), "s.yaml"));

        assertThat(e.problems()).containsExactly(
                "s.yaml:5:19: pools.chat.deployments[0].base_url is for servers reached over HTTP (backend:); an engine "
                        + "runs in this process",
                "s.yaml:6:18: pools.chat.deployments[0].api_key is for servers reached over HTTP (backend:); an engine "
                        + "runs in this process");
    }

    @Test
    void valuesOfTheWrongKindSayWhatWasExpected() {
        RouterConfigException e = problems(
                "pools:",
                "  chat:",
                "    deployments:",
                "      - backend: openai",
                "        weight: heavy",
                "        rpm: -1",
                "        tags: gpu",
                "        timeout: 30",
                "        options: [a]",
                "router:",
                "  health: yes",
                "  jitter: 2",
                "  failure_rate_threshold: 150%",
                "  cooldown: 0s");

        assertThat(e.problems()).containsExactly(
                "switchboard.yaml:5:17: pools.chat.deployments[0].weight must be a number, was 'heavy'",
                "switchboard.yaml:6:14: pools.chat.deployments[0].rpm must be >= 0, was -1",
                "switchboard.yaml:7:15: pools.chat.deployments[0].tags must be a list of tags, was a single value",
                "switchboard.yaml:8:18: pools.chat.deployments[0].timeout needs a unit (500ms, 30s, 2m, 1h), was '30'",
                "switchboard.yaml:9:18: pools.chat.deployments[0].options must be a mapping of option names to values, was a list",
                "switchboard.yaml:11:11: router.health must be true or false, was 'yes'",
                "switchboard.yaml:12:11: router.jitter must be in [0, 1], was 2",
                "switchboard.yaml:13:27: router.failure_rate_threshold must be in (0, 100], was 150%",
                "switchboard.yaml:14:13: router.cooldown must be > 0, was 0s");
    }

    @Test
    void aPoolNeedsDeployments() {
        RouterConfigException e = problems(
                "pools:",
                "  chat:",
                "    deployments: []",
                "  embeddings:",
                "    strategy: random",
                "  speech: [openai]",
                "  images:",
                "  transcription:",
                "    deployments:",
                "      -",
                "      - backend: openai");

        assertThat(e.problems()).containsExactly(
                "switchboard.yaml:3:18: pools.chat.deployments must list at least one deployment",
                "switchboard.yaml:5:5: pools.embeddings.deployments must list at least one deployment",
                "switchboard.yaml:6:11: pools.speech must be a pool: a mapping with strategy: and deployments:, was a list",
                "switchboard.yaml:7:10: pools.images.deployments must list at least one deployment",
                "switchboard.yaml:10:8: pools.transcription.deployments[0] is empty; a deployment needs backend: <kind> or "
                        + "engine: <kind>");
    }

    @Test
    void aKeyGivenTwiceAndADeploymentNameUsedTwiceAreProblems() {
        RouterConfigException e = problems(
                "pools:",
                "  chat:",
                "    deployments:",
                "      - backend: openai",
                "        name: gpu",
                "        model: a",
                "        model: b",
                "  embeddings:",
                "    deployments:",
                "      - backend: openai",
                "        name: gpu");

        assertThat(e.problems()).containsExactly(
                "switchboard.yaml:7:9: pools.chat.deployments[0].model is given twice (first at line 6)",
                "switchboard.yaml:11:15: pools.embeddings.deployments[0]: the deployment name 'gpu' is taken by "
                        + "pools.chat.deployments[0]; names must be unique (set name:)");
    }

    @Test
    void aMissingEnvironmentVariableIsAProblemUnlessItHasADefault() {
        assertThat(problems(deployment("backend: openai", "api_key: ${OPENAI_API_KEY}")).problems()).containsExactly(
                "switchboard.yaml:5:18: pools.chat.deployments[0].api_key: the environment variable OPENAI_API_KEY is "
                        + "not set (write ${OPENAI_API_KEY:-default} to give a default)");
    }

    @Test
    void aMalformedReferenceIsAProblem() {
        RouterConfigException e = problems(deployment("backend: openai", "model: ${model name}", "name: ${UNCLOSED"));

        assertThat(e.problems()).containsExactly(
                "switchboard.yaml:5:16: pools.chat.deployments[0].model: '${model name}' is not a reference: write "
                        + "${NAME} or ${NAME:-default}",
                "switchboard.yaml:6:15: pools.chat.deployments[0].name: '${' is not closed: write ${NAME} or "
                        + "${NAME:-default}, or $${ for a literal ${");
    }

    @Test
    void aValueFromTheEnvironmentIsShownAsTheFileWritesIt() {
        assertThat(problems(deployment("backend: openai", "weight: ${SECRET}")).problems()).containsExactly(
                "switchboard.yaml:5:17: pools.chat.deployments[0].weight must be a number, was '${SECRET}'");
        assertThat(problems(deployment("backend: openai", "weight: ${WORD}")).problems()).containsExactly(
                "switchboard.yaml:5:17: pools.chat.deployments[0].weight must be a number, was '${WORD}'");
    }

    @Test
    void noProblemShowsAKey() {
        String key = "sk-live-0123456789";
        List<RouterConfigException> all = List.of(
                problems(deployment("backend: openai", "api_key: [" + key + "]")),
                problems(deployment("backend: openai", "api_key: " + key, "api_key: " + key)),
                problems(deployment("backend: openai", "api_key: {" + key + ": 1}")),
                problems(deployment("backend: openai", "api_key: " + key + "\"", "  weight: [")),
                problems(deployment("backend: openai", "api_key: \"" + key)),
                problems(deployment("backend: openai", "base_url: ${SECRET}")),
                problems(deployment("backend: openai", "timeout: ${SECRET}")),
                problems(deployment("backend: vllm", "api_key: ${SECRET}")));

        for (RouterConfigException e : all) assertThat(e.getMessage()).isNotEmpty().doesNotContain(key);
    }

    @Test
    void aYamlSyntaxErrorIsPlacedWithoutQuotingTheLine() {
        RouterConfigException e = problems(
                "pools:",
                "  chat:",
                "    deployments:",
                "      - backend: openai",
                "        api_key: \"sk-abc");

        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0)).startsWith("switchboard.yaml:6:1: not valid YAML: ").doesNotContain("sk-abc");
    }

    @Test
    void anEmptyFileOrOneThatIsNoMappingIsAProblem() {
        assertThat(problems("").problems()).containsExactly("switchboard.yaml: the file is empty; it needs pools: and/or router:");
        assertThat(problems("# nothing yet").problems()).containsExactly(
                "switchboard.yaml: the file is empty; it needs pools: and/or router:");
        assertThat(problems("- chat", "- embeddings").problems()).containsExactly(
                "switchboard.yaml:1:1: the file must be a mapping with pools: and router:, was a list");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> RouterConfig.load(missing))
                .isInstanceOf(RouterConfigException.class)
                .hasMessage("The router config " + missing + " has 1 problem:\n  " + missing + ": no such file");
    }
}
