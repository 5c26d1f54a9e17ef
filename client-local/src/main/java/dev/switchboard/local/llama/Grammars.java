package dev.switchboard.local.llama;

import de.kherud.llama.LlamaModel;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.internal.JsonValueAdapter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * llama.cpp grammars made from JSON schemas that {@link SchemaCheck} passed (the converter aborts
 * the JVM on any it cannot convert). Conversions are kept, a few dozen, since a caller usually
 * sends the same schema again and again.
 */
final class Grammars {
    private static final int KEEP = 64;
    private static final Map<String, String> recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEEP;
        }
    });

    private Grammars() {}

    /** The grammar of a checked schema. */
    static String of(JsonObject checkedSchema) {
        String json = JsonValueAdapter.toJsonString(checkedSchema);
        String grammar = recent.get(json);
        if (grammar == null) {
            NativeLibrary.prepare();
            grammar = LlamaModel.jsonSchemaToGrammar(json);
            recent.put(json, grammar);
        }
        return grammar;
    }
}
