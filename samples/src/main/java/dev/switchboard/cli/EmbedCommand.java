package dev.switchboard.cli;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.Embedding;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.router.Router;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard embed TEXT...}: one embedding a text, summarised or whole. */
@Command(name = "embed", mixinStandardHelpOptions = true, description = "Embeds each TEXT and prints its vector.")
final class EmbedCommand implements Callable<Integer> {
    @ParentCommand
    Switchboard root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The texts, one embedding each")
    List<String> texts;

    @Option(names = {"-m", "--model"}, defaultValue = "embeddings", description = "The pool (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--dimensions", description = "Fewer dimensions, when the model can")
    Long dimensions;

    @Option(names = "--full", description = "Print every number of each vector, not the first eight")
    boolean full;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Router router = root.router();
        try (OpenAIClient client = Switchboard.client(router)) {
            String pool = Switchboard.pool(router, model, root.configFile());
            EmbeddingCreateParams.Builder params = EmbeddingCreateParams.builder().model(pool)
                    .inputOfArrayOfStrings(texts);
            if (dimensions != null) params.dimensions(dimensions);
            CreateEmbeddingResponse response = client.embeddings().create(params.build());
            for (Embedding e : response.data()) {
                List<Float> vector = e.embedding();
                List<Float> shown = full ? vector : vector.subList(0, Math.min(8, vector.size()));
                String numbers = shown.stream().map(f -> String.format(Locale.ROOT, "%.4f", f)).collect(Collectors.joining(" "));
                out.println("[" + e.index() + "] " + vector.size() + " dimensions: " + numbers
                        + (shown.size() < vector.size() ? " ..." : ""));
            }
            out.flush();
            return 0;
        }
    }
}
