package dev.switchboard.local.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment variables huggingface_hub reads, read the same way. */
class HubEnvironmentTest {
    @TempDir
    Path home;

    private HubEnvironment env(Map<String, String> vars) {
        return HubEnvironment.from(vars::get, home);
    }

    @Test
    void theCacheIsUnderTheHomeFolderByDefault() {
        HubEnvironment env = env(Map.of());

        assertThat(env.cacheDir()).isEqualTo(home.resolve(".cache/huggingface/hub"));
        assertThat(env.endpoint()).isEqualTo("https://huggingface.co");
        assertThat(env.hasToken()).isFalse();
        assertThat(env.offline()).isFalse();
    }

    @Test
    void theCacheFollowsHfHubCacheThenHfHomeThenXdgCacheHome() {
        assertThat(env(Map.of("XDG_CACHE_HOME", "/xdg")).cacheDir()).isEqualTo(Path.of("/xdg/huggingface/hub"));
        assertThat(env(Map.of("XDG_CACHE_HOME", "/xdg", "HF_HOME", "/hf")).cacheDir()).isEqualTo(Path.of("/hf/hub"));
        assertThat(env(Map.of("HF_HOME", "/hf", "HUGGINGFACE_HUB_CACHE", "/legacy")).cacheDir())
                .isEqualTo(Path.of("/legacy"));
        assertThat(env(Map.of("HF_HOME", "/hf", "HUGGINGFACE_HUB_CACHE", "/legacy", "HF_HUB_CACHE", "/cache")).cacheDir())
                .isEqualTo(Path.of("/cache"));
        assertThat(env(Map.of("HF_HUB_CACHE", "~/models")).cacheDir()).isEqualTo(home.resolve("models"));
    }

    @Test
    void hfEndpointNamesTheHubWithoutATrailingSlash() {
        assertThat(env(Map.of("HF_ENDPOINT", "https://hf-mirror.example/")).endpoint())
                .isEqualTo("https://hf-mirror.example");
        assertThat(env(Map.of("HF_ENDPOINT", "http://127.0.0.1:8080/hub")).endpoint()).isEqualTo("http://127.0.0.1:8080/hub");
    }

    @Test
    void anEndpointThatIsNotAnHttpUrlIsNamed() {
        assertThatThrownBy(() -> env(Map.of("HF_ENDPOINT", "huggingface.co")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HF_ENDPOINT must be an http or https URL such as https://huggingface.co, was 'huggingface.co'");
        assertThatThrownBy(() -> HubEnvironment.builder().endpoint("https://user:pw@mirror.example"))
                .hasMessage("endpoint must not hold a user name or password: give a token with HF_TOKEN instead");
    }

    @Test
    void theTokenComesFromHfTokenThenTheTokenFileOfHuggingfaceCliLogin() throws IOException {
        Files.createDirectories(home.resolve(".cache/huggingface"));
        Files.writeString(home.resolve(".cache/huggingface/token"), "hf_fromfile\n");

        HubEnvironment fromFile = env(Map.of());
        HubEnvironment fromVariable = env(Map.of("HF_TOKEN", "hf_fromvariable"));

        assertThat(fromFile.token()).contains("hf_fromfile");
        assertThat(fromFile.tokenSource()).contains("the token file " + home.resolve(".cache/huggingface/token"));
        assertThat(fromVariable.token()).contains("hf_fromvariable");
        assertThat(fromVariable.tokenSource()).contains("HF_TOKEN");
    }

    @Test
    void hfTokenPathNamesTheTokenFile() throws IOException {
        Path file = home.resolve("elsewhere");
        Files.writeString(file, "hf_elsewhere");

        assertThat(env(Map.of("HF_TOKEN_PATH", file.toString())).token()).contains("hf_elsewhere");
    }

    @Test
    void offlineModeIsOnForTheValuesHuggingfaceHubTakesAsTrue() {
        for (String yes : new String[] {"1", "true", "TRUE", "yes", "on"}) {
            assertThat(env(Map.of("HF_HUB_OFFLINE", yes)).offline()).as(yes).isTrue();
        }
        for (String no : new String[] {"0", "false", "no", ""}) {
            assertThat(env(Map.of("HF_HUB_OFFLINE", no)).offline()).as(no).isFalse();
        }
        assertThat(env(Map.of("TRANSFORMERS_OFFLINE", "1")).offline()).isTrue();
    }

    @Test
    void theTokenIsNeverShown() {
        HubEnvironment env = env(Map.of("HF_TOKEN", "hf_SECRET123"));

        assertThat(env.toString()).doesNotContain("hf_SECRET123").contains("token=set");
        assertThat(env.toBuilder().toString()).doesNotContain("hf_SECRET123");
        assertThat(ModelFiles.builder().environment(env).build().toString()).doesNotContain("hf_SECRET123");
    }
}
