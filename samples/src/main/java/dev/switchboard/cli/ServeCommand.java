package dev.switchboard.cli;

import dev.switchboard.gateway.Gateway;
import dev.switchboard.gateway.GatewaySettings;
import dev.switchboard.router.Router;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard serve}: the router as an OpenAI-compatible HTTP server, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the router as an OpenAI-compatible API: /v1/chat/completions, /v1/embeddings,",
                "/v1/audio/speech, /v1/audio/transcriptions, /v1/images/generations, /v1/models, /health, /services, /stats.",
                "Listens on loopback unless --host says otherwise; keys come from the config's gateway: section."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Switchboard root;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", description = "The address to listen on (default: the config's gateway.host, else 127.0.0.1)")
    String host;

    @Option(names = {"-p", "--port"}, description = "The port (default: the config's gateway.port, else 8000; 0 takes a free one)")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        Path file = root.configFile();
        // The router first: its reader reports a broken file with each problem's place.
        Router router = root.router();
        GatewaySettings.Builder settings;
        try {
            settings = GatewaySettings.read(file, root.env).toBuilder();
            if (host != null) settings.host(host);
            if (port != null) settings.port(port);
        } catch (IllegalArgumentException e) {
            router.close();
            throw CliFailure.usage(e.getMessage());
        }
        Gateway gateway;
        try {
            gateway = Gateway.create(router, settings.build()).start();
        } catch (IllegalStateException e) {
            throw CliFailure.failed(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Switchboard gateway on " + gateway.baseUrl() + "  (pools: " + String.join(", ", router.pools().keySet())
                + (gateway.settings().apiKeys().isEmpty() ? "; no api_keys: any caller is let in" : "; bearer keys required")
                + ")");
        out.println("Routes: POST /v1/chat/completions /v1/embeddings /v1/audio/speech /v1/audio/transcriptions "
                + "/v1/images/generations; GET /v1/models /health /services /stats. Ctrl-C stops.");
        out.flush();
        Thread stop = new Thread(gateway::close, "switchboard-gateway-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            root.onServe.accept(gateway);
            gateway.join();
        } finally {
            gateway.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it closes the gateway itself.
            }
        }
        return 0;
    }
}
