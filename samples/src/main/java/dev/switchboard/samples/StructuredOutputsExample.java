package dev.switchboard.samples;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.chat.completions.StructuredChatCompletionCreateParams;
import java.util.List;
import java.util.Optional;

/**
 * Structured output from records: the JSON schema is derived from {@link ExchangeList} (a list of
 * nested records, an enum, optional values, descriptions), and the answer is read back into one.
 */
public final class StructuredOutputsExample {
    private StructuredOutputsExample() {}

    /** How an exchange connected its calls. */
    public enum Switching { MANUAL, STEP_BY_STEP, CROSSBAR, ELECTRONIC }

    public record Operator(
            @JsonPropertyDescription("The operator's full name.") String name,
            @JsonPropertyDescription("How many years the operator worked there, if known.") Optional<Integer> yearsOfService) {}

    @JsonClassDescription("A telephone exchange of the past.")
    public record Exchange(
            @JsonPropertyDescription("The city the exchange served.") String city,
            @JsonPropertyDescription("The year the exchange opened.") int opened,
            Switching switching,
            Operator chiefOperator,
            @JsonPropertyDescription("Anything remarkable about the exchange, or null.") Optional<String> note) {}

    public record ExchangeList(List<Exchange> exchanges) {}

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            StructuredChatCompletionCreateParams<ExchangeList> params = ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI)
                    .maxCompletionTokens(1024)
                    .responseFormat(ExchangeList.class)
                    .addUserMessage("Name three famous telephone exchanges and their chief operators.")
                    .build();

            client.chat().completions().create(params).choices().stream()
                    .flatMap(choice -> choice.message().content().stream())
                    .flatMap(list -> list.exchanges().stream())
                    .forEach(StructuredOutputsExample::print);
        } finally {
            client.close();
        }
    }

    private static void print(Exchange exchange) {
        Operator operator = exchange.chiefOperator();
        System.out.println(exchange.city() + " (" + exchange.opened() + "), " + exchange.switching() + " switching");
        System.out.println("  chief operator: " + operator.name()
                + operator.yearsOfService().map(years -> ", " + years + " years of service").orElse(""));
        exchange.note().ifPresent(note -> System.out.println("  note: " + note));
    }
}
