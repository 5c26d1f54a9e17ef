package dev.switchboard.cli;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionAssistantMessageParam;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.router.Router;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard chat [PROMPT]}: the answer streamed to the terminal; without a prompt, a conversation. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Streams a chat answer to the terminal.",
                "Without a prompt, a conversation: one line a turn, /reset forgets it, /exit or end of input leaves."})
final class ChatCommand implements Callable<Integer> {
    @ParentCommand
    Switchboard root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROMPT", arity = "0..*", description = "What to ask (the words are joined)")
    List<String> prompt;

    @Option(names = {"-m", "--model"}, defaultValue = "text-generation", description = "The pool (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = {"-s", "--system"}, description = "A system message")
    String system;

    @Option(names = "--max-tokens", description = "The most tokens an answer may have")
    Long maxTokens;

    @Option(names = {"-t", "--temperature"}, description = "Sampling temperature")
    Double temperature;

    @Option(names = "--no-stream", negatable = false, description = "Wait for the whole answer instead of streaming it")
    boolean noStream;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Router router = root.router();
        try (OpenAIClient client = Switchboard.client(router)) {
            String pool = Switchboard.pool(router, model, root.configFile());
            if (prompt != null && !prompt.isEmpty()) {
                answer(client, base(pool).addUserMessage(String.join(" ", prompt)), out);
                return 0;
            }
            return converse(client, pool, out);
        }
    }

    private ChatCompletionCreateParams.Builder base(String pool) {
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder().model(pool);
        if (system != null) b.addSystemMessage(system);
        if (maxTokens != null) b.maxCompletionTokens(maxTokens);
        if (temperature != null) b.temperature(temperature);
        return b;
    }

    /** Prints the answer to {@code params} as it arrives and returns it whole. */
    private String answer(OpenAIClient client, ChatCompletionCreateParams.Builder params, PrintWriter out) {
        StringBuilder text = new StringBuilder();
        if (noStream) {
            ChatCompletion completion = client.chat().completions().create(params.build());
            text.append(completion.choices().isEmpty() ? "" : completion.choices().get(0).message().content().orElse(""));
            out.print(text);
        } else {
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params.build())) {
                stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(piece -> {
                    text.append(piece);
                    out.print(piece);
                    out.flush();
                })));
            }
        }
        out.println();
        out.flush();
        return text.toString();
    }

    private int converse(OpenAIClient client, String pool, PrintWriter out) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(root.in, StandardCharsets.UTF_8));
        ChatCompletionCreateParams.Builder conversation = base(pool);
        out.println("Chatting with pool " + pool + ". /reset forgets the conversation, /exit leaves.");
        while (true) {
            out.print("> ");
            out.flush();
            String line;
            try {
                line = lines.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null || line.trim().equals("/exit")) {
                if (line == null) out.println();
                out.flush();
                return 0;
            }
            if (line.isBlank()) continue;
            if (line.trim().equals("/reset")) {
                conversation = base(pool);
                out.println("(forgotten)");
                continue;
            }
            conversation.addUserMessage(line);
            String reply = answer(client, conversation, out);
            conversation.addMessage(ChatCompletionAssistantMessageParam.builder()
                    .content(ChatCompletionAssistantMessageParam.Content.ofText(reply)).build());
        }
    }
}
