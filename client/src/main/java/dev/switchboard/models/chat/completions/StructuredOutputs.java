package dev.switchboard.models.chat.completions;

import dev.switchboard.core.JsonSchemaLocalValidation;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.ClassJsonSchema;
import dev.switchboard.models.FunctionDefinition;
import dev.switchboard.models.FunctionParameters;
import dev.switchboard.models.ResponseFormatJsonSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/** The request parts derived from a class: a strict JSON-schema response format, and a strict function tool. */
final class StructuredOutputs {
    private StructuredOutputs() {}

    /** {@code json_schema} named {@code json-schema-from-<class>}, strict, as the official SDK names it. */
    static ResponseFormatJsonSchema responseFormat(Class<?> type, JsonSchemaLocalValidation localValidation) {
        Map<String, JsonValue> schema = ClassJsonSchema.of(type, localValidation).values();
        return ResponseFormatJsonSchema.builder()
                .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                        .name("json-schema-from-" + type.getSimpleName())
                        .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder().putAllAdditionalProperties(schema).build())
                        // Strict is what makes the model follow the schema instead of trying to.
                        .strict(true)
                        .build())
                .build();
    }

    /**
     * A function named after the class ({@code @JsonTypeName} or its simple name), described by its
     * {@code @JsonClassDescription}, taking the class's schema as strict parameters.
     */
    static ChatCompletionFunctionTool functionTool(Class<?> parametersType, JsonSchemaLocalValidation localValidation) {
        Map<String, JsonValue> schema = new LinkedHashMap<>(ClassJsonSchema.of(parametersType, localValidation).values());
        // The class description describes the function, not its parameters object.
        JsonValue description = schema.remove("description");
        FunctionDefinition.Builder function = FunctionDefinition.builder().name(ClassJsonSchema.typeName(parametersType));
        if (description instanceof JsonString) function.description(((JsonString) description).value());
        return ChatCompletionFunctionTool.builder()
                .function(function
                        .parameters(FunctionParameters.builder().putAllAdditionalProperties(schema).build())
                        .strict(true)
                        .build())
                .build();
    }
}
