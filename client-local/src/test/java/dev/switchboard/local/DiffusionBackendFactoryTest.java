package dev.switchboard.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.backend.BackendFactory;
import dev.switchboard.router.Capability;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DiffusionBackendFactoryTest {
    private static Deployment.Builder deployment() {
        return Deployment.builder().name("sd").kind("diffusion").model("./models/sd15-onnx");
    }

    private static Router router(Deployment deployment) {
        return Router.builder().addPool(Pool.builder().name("images").addDeployment(deployment).build()).build();
    }

    @Test
    void theServiceLoaderFindsTheDiffusionFactory() {
        assertThat(ServiceLoader.load(BackendFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(DiffusionBackendFactory.class, LlamaBackendFactory.class);
    }

    @Test
    void aRouterMakesADiffusionBackendWithoutLoadingItsModel() {
        Deployment sd = deployment().build();
        try (Router router = router(sd)) {
            assertThat(router.backend(sd)).hasToString("diffusion(sd15-onnx)");
            assertThat(router.backend(sd).capabilities()).containsExactlyInAnyOrder(Capability.IMAGES, Capability.MODELS);
        }
    }

    @Test
    void aDeploymentWithoutAModelIsRefusedWhenTheRouterIsBuilt() {
        assertThatThrownBy(() -> router(Deployment.builder().name("sd").kind("diffusion").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.sd.model must name the model folder in the Stable Diffusion 1.5 ONNX layout"
                        + " (a path or hf:owner/repo)");
    }

    @Test
    void aHubReferenceWithoutARepositoryIsRefusedWhenTheRouterIsBuilt() {
        assertThatThrownBy(() -> router(Deployment.builder().name("sd").kind("diffusion").model("hf:runwayml").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.sd.model: 'hf:runwayml' must name a repository: hf:owner/repo, optionally"
                        + " followed by /folder and @revision");
    }

    @Test
    void anUnknownOptionIsRefusedListingTheOptions() {
        assertThatThrownBy(() -> DiffusionOptions.of(deployment().putOption("sampler", "euler").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deployments.sd.sampler is not a diffusion engine option; the options are guidance_scale, max_batch,"
                        + " max_size, output_dir, progress, provider, scheduler, size, steps, threads");
    }

    @Test
    void badOptionValuesAreRefusedNamingOptionAndValue() {
        assertThatThrownBy(() -> DiffusionOptions.of(deployment().putOption("scheduler", "pndm").build()))
                .hasMessage("deployments.sd.scheduler must be one of [ddim, dpmpp_2m, euler, euler_a], was 'pndm'");
        assertThatThrownBy(() -> DiffusionOptions.of(deployment().putOption("size", "500x500").build()))
                .hasMessage("deployments.sd.size 500x500 must have sides that are multiples of 8 between 8 and max_size 1024");
        assertThatThrownBy(() -> DiffusionOptions.of(deployment().putOption("provider", "rocm").build()))
                .hasMessage("deployments.sd.provider must be auto, cpu or cuda, was 'rocm'");
        assertThatThrownBy(() -> DiffusionOptions.of(deployment().putOption("steps", 0).build()))
                .hasMessage("deployments.sd.steps must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> DiffusionOptions.of(deployment().putOption("progress", "bar").build()))
                .hasMessage("deployments.sd.progress must be a dev.switchboard.local.DiffusionProgress set in code, was 'bar'");
    }

    @Test
    void otherKindsAreDeclined() {
        Deployment llama = Deployment.builder().name("l").kind("llama").model("m.gguf").build();
        assertThat(new DiffusionBackendFactory().create(llama, null)).isNull();
    }
}
