package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewaySettingsTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        Path file = dir.resolve("switchboard.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void withoutAGatewaySectionTheGatewayListensOnLoopbackWithoutKeys() throws Exception {
        GatewaySettings settings = GatewaySettings.read(file("pools: {}\n"), name -> null);
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8000);
        assertThat(settings.apiKeys()).isEmpty();
        assertThat(settings.maxRequestBytes()).isEqualTo(25L * 1024 * 1024);
    }

    @Test
    void theSectionGivesHostPortKeysFromTheEnvironmentAndASizeLimit() throws Exception {
        GatewaySettings settings = GatewaySettings.read(file("gateway:\n  host: 0.0.0.0\n  port: 9000\n"
                + "  api_keys: [\"${KEY_A}\", \"${KEY_B:-fallback}\"]\n  max_request_size: 2MB\n"), Map.of("KEY_A", "sb-a")::get);
        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(9000);
        assertThat(settings.apiKeys()).containsExactlyInAnyOrder("sb-a", "fallback");
        assertThat(settings.maxRequestBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(settings.toString()).doesNotContain("sb-a").contains("apiKeys=2");
    }

    @Test
    void mistakesAreListedTogether() throws Exception {
        Path file = file("gateway:\n  prot: 9000\n  max_request_size: huge\n");
        assertThatThrownBy(() -> GatewaySettings.read(file, name -> null))
                .hasMessage("The gateway section of " + file + " has problems:\n"
                        + "  gateway.prot is not a gateway setting; known: api_keys, host, max_request_size, port\n"
                        + "  gateway.max_request_size must be like 512KB, 25MB or 1GB, was huge");
    }
}
