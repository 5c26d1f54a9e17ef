package dev.switchboard.cli;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.Pool;
import dev.switchboard.router.Router;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.router.RouterConfigException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code switchboard} command: calls through a router described by a config file, the router
 * as an OpenAI-compatible server, and model downloads. Exit codes: 0 done, 1 a call (or download,
 * or server) failed, 2 the command or its config file is wrong.
 */
@Command(name = "switchboard", mixinStandardHelpOptions = true, version = "switchboard 0.1.0",
        description = "Routes OpenAI-style calls through Switchboard's router, from a shell or as an HTTP gateway.",
        subcommands = {ChatCommand.class, EmbedCommand.class, TranscribeCommand.class, SpeakCommand.class,
                ImagineCommand.class, ModelsCommand.class, PullCommand.class, StatsCommand.class, ServeCommand.class},
        footer = {"", "Exit codes: 0 done, 1 a call failed, 2 bad usage or config.",
                "The config file comes from --config or SWITCHBOARD_CONFIG."})
public final class Switchboard implements Callable<Integer> {
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The router config (YAML with pools:, router:, gateway:); default: SWITCHBOARD_CONFIG")
    Path config;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print the stack trace of a failure")
    boolean verbose;

    @Spec
    CommandSpec spec;

    final Function<String, String> env;
    final InputStream in;
    /** Hears the gateway {@code serve} started, so tests can call it and stop it. */
    final Consumer<Gateway> onServe;

    public Switchboard() {
        this(System::getenv, System.in, gateway -> { });
    }

    Switchboard(Function<String, String> env, InputStream in, Consumer<Gateway> onServe) {
        this.env = env;
        this.in = in;
        this.onServe = onServe;
    }

    public static void main(String[] args) {
        // Jetty and the engines log at INFO through slf4j-simple; a shell user wants the answers.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        int status = commandLine(new Switchboard()).execute(args);
        System.exit(status);
    }

    /** The command line for {@code root}, with its error handling: messages, exit codes, no stack traces. */
    static CommandLine commandLine(Switchboard root) {
        CommandLine line = new CommandLine(root);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (root.verbose) e.printStackTrace(err);
            int code = e instanceof CliFailure ? ((CliFailure) e).exitCode : EXIT_FAILED;
            err.println("switchboard: " + message(e));
            err.flush();
            return code;
        });
        return line;
    }

    private static String message(Throwable e) {
        if (e instanceof UncheckedIOException && e.getCause() != null) e = e.getCause();
        String message = e.getMessage();
        if (message == null || message.isBlank()) return e.getClass().getSimpleName();
        // The official exceptions' messages stand alone; anything else says what it was.
        return e instanceof dev.switchboard.errors.OpenAIException || e instanceof CliFailure ? message
                : e.getClass().getSimpleName() + ": " + message;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return EXIT_USAGE;
    }

    /** The config file: --config, else SWITCHBOARD_CONFIG; a usage failure when neither names a readable file. */
    Path configFile() {
        Path file = config;
        if (file == null) {
            String fromEnv = env.apply("SWITCHBOARD_CONFIG");
            if (fromEnv == null || fromEnv.isBlank()) {
                throw CliFailure.usage("no router config: pass --config FILE or set SWITCHBOARD_CONFIG "
                        + "(a YAML file with pools:, see the README)");
            }
            file = Path.of(fromEnv);
        }
        if (!Files.isRegularFile(file)) {
            throw CliFailure.usage("the router config " + file + " does not exist (from "
                    + (config != null ? "--config" : "SWITCHBOARD_CONFIG") + ")");
        }
        return file;
    }

    /** The router the config file describes; its mistakes, each with its place, are a usage failure. */
    Router router() {
        return router(UnaryOperator.identity());
    }

    /**
     * The router the config file describes, each deployment passed through {@code adjust} first (a
     * command may hand an engine a listener, such as imagine's progress bar).
     */
    Router router(UnaryOperator<Deployment> adjust) {
        Path file = configFile();
        try {
            RouterConfig config = RouterConfig.reader().env(env).load(file);
            Router.Builder router = Router.builder();
            for (Pool pool : config.pools()) {
                Pool.Builder adjusted = Pool.builder().name(pool.name()).strategy(pool.strategyName());
                pool.strategy().ifPresent(adjusted::strategy);
                pool.deployments().forEach(d -> adjusted.addDeployment(adjust.apply(d)));
                router.addPool(adjusted.build());
            }
            config.retryPolicy().ifPresent(router::retryPolicy);
            config.cooldownPolicy().ifPresent(router::cooldownPolicy);
            config.healthPolicy().ifPresent(router::healthPolicy);
            config.requestTimeout().ifPresent(router::timeout);
            return router.build();
        } catch (RouterConfigException e) {
            throw CliFailure.usage(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CliFailure.usage("the router in " + file + " cannot be built: " + e.getMessage());
        }
    }

    /** A client on {@code router}; closing it closes the router. */
    static OpenAIClient client(Router router) {
        return OpenAIOkHttpClient.builder().router(Objects.requireNonNull(router)).build();
    }

    /** {@code model} when the router has such a pool, else a usage failure naming the pools. */
    static String pool(Router router, String model, Path config) {
        if (router.pools().containsKey(model)) return model;
        throw CliFailure.usage("no pool '" + model + "' in " + config + "; its pools: "
                + String.join(", ", router.pools().keySet()) + ". Pick one with --model.");
    }
}
