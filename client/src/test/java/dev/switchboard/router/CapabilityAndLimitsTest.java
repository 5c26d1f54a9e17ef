package dev.switchboard.router;

import static dev.switchboard.router.Fixtures.chat;
import static dev.switchboard.router.Fixtures.deployment;
import static dev.switchboard.router.Fixtures.deploymentBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.errors.NoDeploymentAvailableException;
import dev.switchboard.errors.UnsupportedCapabilityException;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.subjects.SingleSubject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.switchboard.testing.StrayErrors;

/** Deployments a call skips: lacking what it needs, too small for it, or at their limits. */
class CapabilityAndLimitsTest {
    @RegisterExtension
    final StrayErrors strayErrors = new StrayErrors();

    private final VirtualTime time = new VirtualTime();
    private final ScriptedBackend a = new ScriptedBackend("a");
    private final ScriptedBackend b = new ScriptedBackend("b");

    private Router router(Deployment... deployments) {
        return builder().addPool(Pool.of("text-generation", List.of(deployments))).build();
    }

    private Router.Builder builder() {
        return Router.builder().scheduler(time.scheduler).clock(time).random(() -> 0);
    }

    private static RouteRequest.Builder request(Capability capability) {
        return RouteRequest.builder(capability, "text-generation");
    }

    private static ScriptedBackend offering(String name, Capability... capabilities) {
        return new ScriptedBackend(name, EnumSet.copyOf(List.of(capabilities)));
    }

    @Test
    void aDeploymentWithoutTheCallsCapabilityIsSkipped() {
        ScriptedBackend tgi = offering("tgi", Capability.CHAT, Capability.STREAMING);
        Router router = router(deployment(tgi), deployment(b));

        assertThat(chat(router, request(Capability.EMBEDDINGS).build()).blockingGet()).isEqualTo("b");
        assertThat(tgi.calls).hasValue(0);
    }

    @Test
    void aPoolWhereNoDeploymentHasTheCapabilityAnswersUnsupportedCapabilityNamingPoolAndCapability() {
        Router router = router(
                Deployment.builder().name("tgi").kind("tgi").backend(offering("tgi", Capability.CHAT)).build(),
                Deployment.builder().name("ollama").kind("ollama").backend(offering("ollama", Capability.CHAT)).build());

        assertThatThrownBy(() -> chat(router, request(Capability.SPEECH).build()).blockingGet())
                .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e -> {
                    assertThat(e.pool()).isEqualTo("text-generation");
                    assertThat(e.capability()).isEqualTo("speech");
                })
                .hasMessage("'text-generation' cannot do speech: none of its deployments offers it (tgi: tgi, ollama: ollama)");
    }

    @Test
    void aStreamCancelledAsItStartsDropsTheRefusalInsteadOfHandingItToRxJavasErrorHook() {
        // The caller cancels in onSubscribe (a stream closed while it was being opened); the refusal
        // that the first routing decision makes must not surface as an undeliverable error.
        Router router = router(deployment(offering("whole", Capability.CHAT)));

        router.stream(request(Capability.CHAT).require(Capability.STREAMING).build(),
                        (backend, model) -> ((ScriptedBackend) backend).stream())
                .test(0, true)
                .assertNoValues().assertNotComplete();
        strayErrors.assertNone();
    }

    @Test
    void aCallWithToolsSkipsDeploymentsWithoutTools() {
        ScriptedBackend plain = offering("plain", Capability.CHAT);
        Router router = router(deployment(plain), deployment(b));

        assertThat(chat(router, request(Capability.CHAT).require(Capability.TOOLS).build()).blockingGet()).isEqualTo("b");
        assertThat(plain.calls).hasValue(0);
    }

    @Test
    void aJsonSchemaCallNoDeploymentCanDoNamesTheFeature() {
        Router router = router(deployment(offering("plain", Capability.CHAT, Capability.TOOLS)));

        assertThatThrownBy(() -> chat(router, request(Capability.CHAT).require(Capability.JSON_SCHEMA).build()).blockingGet())
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessage("'text-generation' cannot do json_schema: none of its deployments offers it (plain: custom)");
    }

    @Test
    void aStreamSkipsDeploymentsThatCannotStream() {
        ScriptedBackend wholeOnly = offering("whole", Capability.CHAT);
        Router router = router(deployment(wholeOnly), deployment(b));

        router.stream(request(Capability.CHAT).require(Capability.STREAMING).build(),
                        (backend, model) -> ((ScriptedBackend) backend).stream())
                .test().assertValue("b");
        assertThat(wholeOnly.calls).hasValue(0);
    }

    @Test
    void theDefaultEndpointIsSentEveryCallAsTheOfficialSdkWould() {
        ScriptedBackend endpoint = offering("endpoint", Capability.CHAT);
        Router router = builder().defaultDeployment(deployment(endpoint)).build();

        assertThat(chat(router, RouteRequest.builder(Capability.SPEECH, "tts-1").build()).blockingGet()).isEqualTo("endpoint");
    }

    @Test
    void aDeploymentWhoseContextWindowCannotHoldTheCallIsSkipped() {
        Router router = router(deploymentBuilder(a).contextWindow(4096).build(), deploymentBuilder(b).contextWindow(32768).build());

        RouteRequest big = request(Capability.CHAT).estimatedPromptTokens(4000).maxOutputTokens(1000).build();

        assertThat(chat(router, big).blockingGet()).isEqualTo("b");
        assertThat(a.calls).hasValue(0);
        assertThat(chat(router, request(Capability.CHAT).estimatedPromptTokens(3000).build()).blockingGet()).isEqualTo("a");
    }

    @Test
    void aCallNoContextWindowCanHoldFailsAtOnceSayingWhy() {
        Router router = router(deploymentBuilder(a).contextWindow(4096).build(), deploymentBuilder(b).contextWindow(8192).build());

        assertThatThrownBy(() -> chat(router, request(Capability.CHAT).estimatedPromptTokens(9000).maxOutputTokens(500).build())
                        .blockingGet())
                .isInstanceOf(NoDeploymentAvailableException.class)
                .hasMessage("No deployment of 'text-generation' could answer:\n"
                        + "  a: DeploymentSkippedException (a was skipped: its context window of 4096 tokens is too small "
                        + "for this call's about 9500 (9000 prompt + 500 output))\n"
                        + "  b: DeploymentSkippedException (b was skipped: its context window of 8192 tokens is too small "
                        + "for this call's about 9500 (9000 prompt + 500 output))");
    }

    @Test
    void aDeploymentWhoseRequestsPerMinuteAreSpentIsSkippedUntilTheNextMinute() {
        Router router = router(deploymentBuilder(a).rpm(2).build(), deployment(b));

        assertThat(List.of(chat(router, "text-generation").blockingGet(), chat(router, "text-generation").blockingGet(),
                chat(router, "text-generation").blockingGet())).containsExactly("a", "a", "b");
        time.advanceSeconds(60);

        assertThat(chat(router, "text-generation").blockingGet()).isEqualTo("a");
    }

    @Test
    void aDeploymentWhoseTokensPerMinuteAreSpentIsSkipped() {
        Router router = router(deploymentBuilder(a).tpm(1000).build(), deployment(b));
        RouteRequest call = request(Capability.CHAT).estimatedPromptTokens(400).build();

        assertThat(List.of(chat(router, call).blockingGet(), chat(router, call).blockingGet(), chat(router, call).blockingGet()))
                .containsExactly("a", "a", "b");
    }

    @Test
    void whenEveryDeploymentHasSpentItsMinuteTheCallWaitsForTheNextMinute() {
        Router router = router(deploymentBuilder(a).rpm(1).build());
        chat(router, "text-generation").blockingGet();

        TestObserver<String> waiting = chat(router, "text-generation").test();
        time.advanceSeconds(59);
        waiting.assertEmpty();
        time.advanceSeconds(1);

        waiting.assertValue("a");
    }

    @Test
    void aDeploymentAtItsMaxConcurrencyIsSkipped() {
        Router router = router(deploymentBuilder(a).maxConcurrency(1).build(), deployment(b));
        SingleSubject<String> busy = SingleSubject.create();
        a.then(() -> busy);
        TestObserver<String> first = chat(router, "text-generation").test();

        assertThat(chat(router, "text-generation").blockingGet()).isEqualTo("b");
        busy.onSuccess("a");
        first.assertValue("a");
        assertThat(chat(router, "text-generation").blockingGet()).isEqualTo("a");
    }

    @Test
    void whenEveryDeploymentIsAtItsMaxConcurrencyTheCallWaitsForAFreeSlot() {
        Router router = router(deploymentBuilder(a).maxConcurrency(1).build());
        SingleSubject<String> busy = SingleSubject.create();
        a.then(() -> busy);
        chat(router, "text-generation").test();

        TestObserver<String> waiting = chat(router, "text-generation").test();
        waiting.assertEmpty();
        busy.onSuccess("first");

        waiting.assertValue("a");
    }

    @Test
    void aCallWaitingForAFreeSlotGivesUpAtItsTimeoutSayingWhy() {
        Router router = router(deploymentBuilder(a).maxConcurrency(1).build());
        a.then(Single::never);
        chat(router, "text-generation").test();

        TestObserver<String> waiting = chat(router, request(Capability.CHAT).timeout(Duration.ofSeconds(5)).build()).test();
        time.advanceSeconds(5);

        waiting.assertError(e -> e instanceof NoDeploymentAvailableException && e.getMessage().equals(
                "No deployment of 'text-generation' could answer:\n"
                        + "  a: DeploymentSkippedException (a was skipped: it has 1 calls in flight, its max_concurrency)"));
    }
}
