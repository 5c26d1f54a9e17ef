package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonSchemaLocalValidation;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import dev.switchboard.models.ChatModel;
import dev.switchboard.models.FunctionDefinition;
import dev.switchboard.models.ReasoningEffort;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A chat completion request whose answer is JSON following the schema of a Java class {@code T},
 * read back into a {@code T} by {@link StructuredChatCompletion}. Made by
 * {@code ChatCompletionCreateParams.builder()…responseFormat(T.class)}; {@link #rawParams()} is the
 * request itself, whose {@code response_format} is the strict {@code json_schema} derived from the class.
 *
 * @param <T> the class the answer is read into
 */
public final class StructuredChatCompletionCreateParams<T> {
    private final Class<T> responseType;
    private final ChatCompletionCreateParams rawParams;

    private StructuredChatCompletionCreateParams(Class<T> responseType, ChatCompletionCreateParams rawParams) {
        this.responseType = responseType;
        this.rawParams = rawParams;
    }

    /** A builder with no response type yet; {@link Builder#responseFormat(Class)} sets it. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The class the answer is read into. */
    public Class<T> responseType() {
        return responseType;
    }

    /** The plain request, as sent. */
    public ChatCompletionCreateParams rawParams() {
        return rawParams;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructuredChatCompletionCreateParams
                && ((StructuredChatCompletionCreateParams<?>) o).responseType.equals(responseType)
                && ((StructuredChatCompletionCreateParams<?>) o).rawParams.equals(rawParams);
    }

    @Override
    public int hashCode() {
        return Objects.hash(responseType, rawParams);
    }

    @Override
    public String toString() {
        return "StructuredChatCompletionCreateParams{responseType=" + responseType + ", rawParams=" + rawParams + "}";
    }

    /**
     * Builds the request through a {@link ChatCompletionCreateParams.Builder}: every setter of that
     * builder is here too, except the other response formats, which would undo the structure.
     */
    public static final class Builder<T> {
        private Class<T> responseType;
        private ChatCompletionCreateParams.Builder paramsBuilder = ChatCompletionCreateParams.builder();

        private Builder() {}

        /** Takes over {@code paramsBuilder} (further calls on either change the same request) with the schema of {@code responseType}. */
        Builder<T> wrap(Class<T> responseType, ChatCompletionCreateParams.Builder paramsBuilder,
                JsonSchemaLocalValidation localValidation) {
            this.paramsBuilder = paramsBuilder;
            return responseFormat(responseType, localValidation);
        }

        /** Asks for JSON following the schema derived from {@code responseType}, checked locally. */
        public Builder<T> responseFormat(Class<T> responseType) {
            return responseFormat(responseType, JsonSchemaLocalValidation.YES);
        }

        /**
         * Asks for JSON following the schema derived from {@code responseType}.
         *
         * @throws IllegalArgumentException when the class cannot be a JSON schema, naming the class and field
         */
        public Builder<T> responseFormat(Class<T> responseType, JsonSchemaLocalValidation localValidation) {
            Objects.requireNonNull(responseType, "responseType");
            paramsBuilder.responseFormat(StructuredOutputs.responseFormat(responseType, localValidation));
            this.responseType = responseType;
            return this;
        }

        /** Adds a function tool whose parameters are the schema of {@code functionParametersType}. */
        public Builder<T> addTool(Class<?> functionParametersType) {
            paramsBuilder.addTool(functionParametersType);
            return this;
        }

        public Builder<T> addTool(Class<?> functionParametersType, JsonSchemaLocalValidation localValidation) {
            paramsBuilder.addTool(functionParametersType, localValidation);
            return this;
        }

        public Builder<T> messages(List<ChatCompletionMessageParam> messages) {
            paramsBuilder.messages(messages);
            return this;
        }

        public Builder<T> addMessage(ChatCompletionMessageParam element) {
            paramsBuilder.addMessage(element);
            return this;
        }

        public Builder<T> model(ChatModel model) {
            paramsBuilder.model(model);
            return this;
        }

        public Builder<T> frequencyPenalty(double frequencyPenalty) {
            paramsBuilder.frequencyPenalty(frequencyPenalty);
            return this;
        }

        public Builder<T> frequencyPenalty(Double frequencyPenalty) {
            paramsBuilder.frequencyPenalty(frequencyPenalty);
            return this;
        }

        public Builder<T> frequencyPenalty(Optional<Double> frequencyPenalty) {
            paramsBuilder.frequencyPenalty(frequencyPenalty);
            return this;
        }

        public Builder<T> logitBias(ChatCompletionCreateParams.LogitBias logitBias) {
            paramsBuilder.logitBias(logitBias);
            return this;
        }

        public Builder<T> logitBias(Optional<ChatCompletionCreateParams.LogitBias> logitBias) {
            paramsBuilder.logitBias(logitBias);
            return this;
        }

        public Builder<T> logprobs(boolean logprobs) {
            paramsBuilder.logprobs(logprobs);
            return this;
        }

        public Builder<T> logprobs(Boolean logprobs) {
            paramsBuilder.logprobs(logprobs);
            return this;
        }

        public Builder<T> logprobs(Optional<Boolean> logprobs) {
            paramsBuilder.logprobs(logprobs);
            return this;
        }

        public Builder<T> maxCompletionTokens(long maxCompletionTokens) {
            paramsBuilder.maxCompletionTokens(maxCompletionTokens);
            return this;
        }

        public Builder<T> maxCompletionTokens(Long maxCompletionTokens) {
            paramsBuilder.maxCompletionTokens(maxCompletionTokens);
            return this;
        }

        public Builder<T> maxCompletionTokens(Optional<Long> maxCompletionTokens) {
            paramsBuilder.maxCompletionTokens(maxCompletionTokens);
            return this;
        }

        public Builder<T> maxTokens(long maxTokens) {
            paramsBuilder.maxTokens(maxTokens);
            return this;
        }

        public Builder<T> maxTokens(Long maxTokens) {
            paramsBuilder.maxTokens(maxTokens);
            return this;
        }

        public Builder<T> maxTokens(Optional<Long> maxTokens) {
            paramsBuilder.maxTokens(maxTokens);
            return this;
        }

        public Builder<T> metadata(ChatCompletionCreateParams.Metadata metadata) {
            paramsBuilder.metadata(metadata);
            return this;
        }

        public Builder<T> metadata(Optional<ChatCompletionCreateParams.Metadata> metadata) {
            paramsBuilder.metadata(metadata);
            return this;
        }

        public Builder<T> n(long n) {
            paramsBuilder.n(n);
            return this;
        }

        public Builder<T> n(Long n) {
            paramsBuilder.n(n);
            return this;
        }

        public Builder<T> n(Optional<Long> n) {
            paramsBuilder.n(n);
            return this;
        }

        public Builder<T> parallelToolCalls(boolean parallelToolCalls) {
            paramsBuilder.parallelToolCalls(parallelToolCalls);
            return this;
        }

        public Builder<T> parallelToolCalls(Boolean parallelToolCalls) {
            paramsBuilder.parallelToolCalls(parallelToolCalls);
            return this;
        }

        public Builder<T> parallelToolCalls(Optional<Boolean> parallelToolCalls) {
            paramsBuilder.parallelToolCalls(parallelToolCalls);
            return this;
        }

        public Builder<T> presencePenalty(double presencePenalty) {
            paramsBuilder.presencePenalty(presencePenalty);
            return this;
        }

        public Builder<T> presencePenalty(Double presencePenalty) {
            paramsBuilder.presencePenalty(presencePenalty);
            return this;
        }

        public Builder<T> presencePenalty(Optional<Double> presencePenalty) {
            paramsBuilder.presencePenalty(presencePenalty);
            return this;
        }

        public Builder<T> promptCacheKey(String promptCacheKey) {
            paramsBuilder.promptCacheKey(promptCacheKey);
            return this;
        }

        public Builder<T> promptCacheKey(Optional<String> promptCacheKey) {
            paramsBuilder.promptCacheKey(promptCacheKey);
            return this;
        }

        public Builder<T> reasoningEffort(ReasoningEffort reasoningEffort) {
            paramsBuilder.reasoningEffort(reasoningEffort);
            return this;
        }

        public Builder<T> reasoningEffort(Optional<ReasoningEffort> reasoningEffort) {
            paramsBuilder.reasoningEffort(reasoningEffort);
            return this;
        }

        public Builder<T> safetyIdentifier(String safetyIdentifier) {
            paramsBuilder.safetyIdentifier(safetyIdentifier);
            return this;
        }

        public Builder<T> safetyIdentifier(Optional<String> safetyIdentifier) {
            paramsBuilder.safetyIdentifier(safetyIdentifier);
            return this;
        }

        public Builder<T> seed(long seed) {
            paramsBuilder.seed(seed);
            return this;
        }

        public Builder<T> seed(Long seed) {
            paramsBuilder.seed(seed);
            return this;
        }

        public Builder<T> seed(Optional<Long> seed) {
            paramsBuilder.seed(seed);
            return this;
        }

        public Builder<T> serviceTier(ChatCompletionCreateParams.ServiceTier serviceTier) {
            paramsBuilder.serviceTier(serviceTier);
            return this;
        }

        public Builder<T> serviceTier(Optional<ChatCompletionCreateParams.ServiceTier> serviceTier) {
            paramsBuilder.serviceTier(serviceTier);
            return this;
        }

        public Builder<T> stop(ChatCompletionCreateParams.Stop stop) {
            paramsBuilder.stop(stop);
            return this;
        }

        public Builder<T> stop(Optional<ChatCompletionCreateParams.Stop> stop) {
            paramsBuilder.stop(stop);
            return this;
        }

        public Builder<T> store(boolean store) {
            paramsBuilder.store(store);
            return this;
        }

        public Builder<T> store(Boolean store) {
            paramsBuilder.store(store);
            return this;
        }

        public Builder<T> store(Optional<Boolean> store) {
            paramsBuilder.store(store);
            return this;
        }

        public Builder<T> streamOptions(ChatCompletionStreamOptions streamOptions) {
            paramsBuilder.streamOptions(streamOptions);
            return this;
        }

        public Builder<T> streamOptions(Optional<ChatCompletionStreamOptions> streamOptions) {
            paramsBuilder.streamOptions(streamOptions);
            return this;
        }

        public Builder<T> temperature(double temperature) {
            paramsBuilder.temperature(temperature);
            return this;
        }

        public Builder<T> temperature(Double temperature) {
            paramsBuilder.temperature(temperature);
            return this;
        }

        public Builder<T> temperature(Optional<Double> temperature) {
            paramsBuilder.temperature(temperature);
            return this;
        }

        public Builder<T> toolChoice(ChatCompletionToolChoiceOption toolChoice) {
            paramsBuilder.toolChoice(toolChoice);
            return this;
        }

        public Builder<T> tools(List<ChatCompletionTool> tools) {
            paramsBuilder.tools(tools);
            return this;
        }

        public Builder<T> addTool(ChatCompletionTool element) {
            paramsBuilder.addTool(element);
            return this;
        }

        public Builder<T> topLogprobs(long topLogprobs) {
            paramsBuilder.topLogprobs(topLogprobs);
            return this;
        }

        public Builder<T> topLogprobs(Long topLogprobs) {
            paramsBuilder.topLogprobs(topLogprobs);
            return this;
        }

        public Builder<T> topLogprobs(Optional<Long> topLogprobs) {
            paramsBuilder.topLogprobs(topLogprobs);
            return this;
        }

        public Builder<T> topP(double topP) {
            paramsBuilder.topP(topP);
            return this;
        }

        public Builder<T> topP(Double topP) {
            paramsBuilder.topP(topP);
            return this;
        }

        public Builder<T> topP(Optional<Double> topP) {
            paramsBuilder.topP(topP);
            return this;
        }

        public Builder<T> user(String user) {
            paramsBuilder.user(user);
            return this;
        }

        public Builder<T> verbosity(ChatCompletionCreateParams.Verbosity verbosity) {
            paramsBuilder.verbosity(verbosity);
            return this;
        }

        public Builder<T> verbosity(Optional<ChatCompletionCreateParams.Verbosity> verbosity) {
            paramsBuilder.verbosity(verbosity);
            return this;
        }

        public Builder<T> model(String model) {
            paramsBuilder.model(model);
            return this;
        }

        public Builder<T> addMessage(ChatCompletionDeveloperMessageParam developer) {
            paramsBuilder.addMessage(developer);
            return this;
        }

        public Builder<T> addMessage(ChatCompletionSystemMessageParam system) {
            paramsBuilder.addMessage(system);
            return this;
        }

        public Builder<T> addMessage(ChatCompletionUserMessageParam user) {
            paramsBuilder.addMessage(user);
            return this;
        }

        public Builder<T> addMessage(ChatCompletionAssistantMessageParam assistant) {
            paramsBuilder.addMessage(assistant);
            return this;
        }

        public Builder<T> addMessage(ChatCompletionToolMessageParam tool) {
            paramsBuilder.addMessage(tool);
            return this;
        }

        public Builder<T> addMessage(ChatCompletionMessage message) {
            paramsBuilder.addMessage(message);
            return this;
        }

        public Builder<T> addDeveloperMessage(String content) {
            paramsBuilder.addDeveloperMessage(content);
            return this;
        }

        public Builder<T> addDeveloperMessage(ChatCompletionDeveloperMessageParam.Content content) {
            paramsBuilder.addDeveloperMessage(content);
            return this;
        }

        public Builder<T> addDeveloperMessageOfArrayOfContentParts(List<ChatCompletionContentPartText> parts) {
            paramsBuilder.addDeveloperMessageOfArrayOfContentParts(parts);
            return this;
        }

        public Builder<T> addSystemMessage(String content) {
            paramsBuilder.addSystemMessage(content);
            return this;
        }

        public Builder<T> addSystemMessage(ChatCompletionSystemMessageParam.Content content) {
            paramsBuilder.addSystemMessage(content);
            return this;
        }

        public Builder<T> addSystemMessageOfArrayOfContentParts(List<ChatCompletionContentPartText> parts) {
            paramsBuilder.addSystemMessageOfArrayOfContentParts(parts);
            return this;
        }

        public Builder<T> addUserMessage(String content) {
            paramsBuilder.addUserMessage(content);
            return this;
        }

        public Builder<T> addUserMessage(ChatCompletionUserMessageParam.Content content) {
            paramsBuilder.addUserMessage(content);
            return this;
        }

        public Builder<T> addUserMessageOfArrayOfContentParts(List<ChatCompletionContentPart> parts) {
            paramsBuilder.addUserMessageOfArrayOfContentParts(parts);
            return this;
        }

        public Builder<T> addAssistantMessage(String content) {
            paramsBuilder.addAssistantMessage(content);
            return this;
        }

        public Builder<T> addAssistantMessage(ChatCompletionAssistantMessageParam.Content content) {
            paramsBuilder.addAssistantMessage(content);
            return this;
        }

        public Builder<T> addTool(ChatCompletionFunctionTool functionTool) {
            paramsBuilder.addTool(functionTool);
            return this;
        }

        public Builder<T> addFunctionTool(FunctionDefinition function) {
            paramsBuilder.addFunctionTool(function);
            return this;
        }

        public Builder<T> stop(String stop) {
            paramsBuilder.stop(stop);
            return this;
        }

        public Builder<T> stopOfStrings(List<String> strings) {
            paramsBuilder.stopOfStrings(strings);
            return this;
        }

        public Builder<T> toolChoice(ChatCompletionToolChoiceOption.Auto auto) {
            paramsBuilder.toolChoice(auto);
            return this;
        }

        public Builder<T> toolChoice(ChatCompletionNamedToolChoice namedToolChoice) {
            paramsBuilder.toolChoice(namedToolChoice);
            return this;
        }

        public Builder<T> putAdditionalBodyProperty(String key, JsonValue value) {
            paramsBuilder.putAdditionalBodyProperty(key, value);
            return this;
        }

        public Builder<T> putAllAdditionalBodyProperties(Map<String, ? extends JsonValue> additionalBodyProperties) {
            paramsBuilder.putAllAdditionalBodyProperties(additionalBodyProperties);
            return this;
        }

        public Builder<T> additionalBodyProperties(Map<String, ? extends JsonValue> additionalBodyProperties) {
            paramsBuilder.additionalBodyProperties(additionalBodyProperties);
            return this;
        }

        public Builder<T> removeAdditionalBodyProperty(String key) {
            paramsBuilder.removeAdditionalBodyProperty(key);
            return this;
        }

        public Builder<T> removeAllAdditionalBodyProperties(Set<String> keys) {
            paramsBuilder.removeAllAdditionalBodyProperties(keys);
            return this;
        }

        public Builder<T> additionalHeaders(Headers additionalHeaders) {
            paramsBuilder.additionalHeaders(additionalHeaders);
            return this;
        }

        public Builder<T> additionalHeaders(Map<String, ? extends Iterable<String>> additionalHeaders) {
            paramsBuilder.additionalHeaders(additionalHeaders);
            return this;
        }

        public Builder<T> putAdditionalHeader(String name, String value) {
            paramsBuilder.putAdditionalHeader(name, value);
            return this;
        }

        public Builder<T> putAdditionalHeaders(String name, Iterable<String> values) {
            paramsBuilder.putAdditionalHeaders(name, values);
            return this;
        }

        public Builder<T> putAllAdditionalHeaders(Headers additionalHeaders) {
            paramsBuilder.putAllAdditionalHeaders(additionalHeaders);
            return this;
        }

        public Builder<T> putAllAdditionalHeaders(Map<String, ? extends Iterable<String>> additionalHeaders) {
            paramsBuilder.putAllAdditionalHeaders(additionalHeaders);
            return this;
        }

        public Builder<T> replaceAdditionalHeaders(String name, String value) {
            paramsBuilder.replaceAdditionalHeaders(name, value);
            return this;
        }

        public Builder<T> replaceAdditionalHeaders(String name, Iterable<String> values) {
            paramsBuilder.replaceAdditionalHeaders(name, values);
            return this;
        }

        public Builder<T> removeAdditionalHeaders(String name) {
            paramsBuilder.removeAdditionalHeaders(name);
            return this;
        }

        public Builder<T> removeAllAdditionalHeaders(Set<String> names) {
            paramsBuilder.removeAllAdditionalHeaders(names);
            return this;
        }

        public Builder<T> additionalQueryParams(QueryParams additionalQueryParams) {
            paramsBuilder.additionalQueryParams(additionalQueryParams);
            return this;
        }

        public Builder<T> additionalQueryParams(Map<String, ? extends Iterable<String>> additionalQueryParams) {
            paramsBuilder.additionalQueryParams(additionalQueryParams);
            return this;
        }

        public Builder<T> putAdditionalQueryParam(String key, String value) {
            paramsBuilder.putAdditionalQueryParam(key, value);
            return this;
        }

        public Builder<T> putAdditionalQueryParams(String key, Iterable<String> values) {
            paramsBuilder.putAdditionalQueryParams(key, values);
            return this;
        }

        public Builder<T> putAllAdditionalQueryParams(QueryParams additionalQueryParams) {
            paramsBuilder.putAllAdditionalQueryParams(additionalQueryParams);
            return this;
        }

        public Builder<T> putAllAdditionalQueryParams(Map<String, ? extends Iterable<String>> additionalQueryParams) {
            paramsBuilder.putAllAdditionalQueryParams(additionalQueryParams);
            return this;
        }

        public Builder<T> replaceAdditionalQueryParams(String key, String value) {
            paramsBuilder.replaceAdditionalQueryParams(key, value);
            return this;
        }

        public Builder<T> replaceAdditionalQueryParams(String key, Iterable<String> values) {
            paramsBuilder.replaceAdditionalQueryParams(key, values);
            return this;
        }

        public Builder<T> removeAdditionalQueryParams(String key) {
            paramsBuilder.removeAdditionalQueryParams(key);
            return this;
        }

        public Builder<T> removeAllAdditionalQueryParams(Set<String> keys) {
            paramsBuilder.removeAllAdditionalQueryParams(keys);
            return this;
        }

        /** Throws IllegalStateException when a required field (responseType, messages, model) was not set. */
        public StructuredChatCompletionCreateParams<T> build() {
            if (responseType == null) throw new IllegalStateException("`responseType` is required, but was not set");
            return new StructuredChatCompletionCreateParams<>(responseType, paramsBuilder.build());
        }
    }
}
