package dev.switchboard.local.llama;

import dev.switchboard.backend.BackendErrors;
import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Tool calling on a model that knows nothing of tools: the tools are described to it in a system
 * message, and a call is one JSON object {@code {"name": …, "arguments": {…}}}. When the caller
 * requires a call ({@code tool_choice} required or a named function) a grammar makes the model write
 * exactly such an object for one of the allowed tools, with arguments that match that tool's schema;
 * with {@code auto} the model writes freely, and an answer that is such an object becomes a call.
 */
final class ToolPlan {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    enum Choice { AUTO, REQUIRED, NAMED }

    /** One function the model may call: its name, description, and parameter schema (checked). */
    static final class Tool {
        final String name;
        final String description;
        final JsonObject parameters;

        Tool(String name, String description, JsonObject parameters) {
            this.name = name;
            this.description = description;
            this.parameters = parameters;
        }
    }

    final List<Tool> tools;
    final Choice choice;
    /** The tools a call may name: all of them, or the one tool_choice names. */
    final List<Tool> allowed;

    private ToolPlan(List<Tool> tools, Choice choice, List<Tool> allowed) {
        this.tools = tools;
        this.choice = choice;
        this.allowed = allowed;
    }

    /** The plan for a request's tools and tool_choice; empty when the request offers no tools or says none. */
    static Optional<ToolPlan> read(RequestFields f) {
        Optional<JsonArray> list = f.array("tools");
        if (list.isEmpty() || list.get().values().isEmpty()) {
            if (f.has("tool_choice") && !isNone(f.get("tool_choice"))) {
                throw BackendErrors.badRequest("tool_choice", "tool_choice needs tools to choose from");
            }
            return Optional.empty();
        }
        List<Tool> tools = new ArrayList<>();
        List<JsonValue> values = list.get().values();
        for (int i = 0; i < values.size(); i++) tools.add(tool(values.get(i), "tools[" + i + "]"));
        JsonValue choiceValue = f.get("tool_choice");
        if (choiceValue == null || (choiceValue instanceof JsonString && ((JsonString) choiceValue).value().equals("auto"))) {
            return Optional.of(new ToolPlan(tools, Choice.AUTO, tools));
        }
        if (isNone(choiceValue)) return Optional.empty();
        if (choiceValue instanceof JsonString && ((JsonString) choiceValue).value().equals("required")) {
            return Optional.of(new ToolPlan(tools, Choice.REQUIRED, tools));
        }
        if (choiceValue instanceof JsonObject) {
            JsonValue function = ((JsonObject) choiceValue).values().get("function");
            JsonValue name = function instanceof JsonObject ? ((JsonObject) function).values().get("name") : null;
            if (name instanceof JsonString) {
                for (Tool t : tools) {
                    if (t.name.equals(((JsonString) name).value())) return Optional.of(new ToolPlan(tools, Choice.NAMED, List.of(t)));
                }
                throw BackendErrors.badRequest("tool_choice", "tool_choice names function '" + ((JsonString) name).value()
                        + "', which is not among the tools");
            }
        }
        throw BackendErrors.badRequest("tool_choice", "tool_choice must be none, auto, required or"
                + " {\"type\": \"function\", \"function\": {\"name\": …}}, was " + choiceValue);
    }

    private static boolean isNone(JsonValue v) {
        return v instanceof JsonString && ((JsonString) v).value().equals("none");
    }

    private static Tool tool(JsonValue value, String at) {
        if (!(value instanceof JsonObject)) throw BackendErrors.badRequest("tools", at + " must be an object");
        Map<String, JsonValue> t = ((JsonObject) value).values();
        JsonValue type = t.get("type");
        if (!(type instanceof JsonString) || !((JsonString) type).value().equals("function")) {
            throw BackendErrors.badRequest("tools", at + ".type must be function; this engine calls functions only");
        }
        JsonValue function = t.get("function");
        if (!(function instanceof JsonObject)) throw BackendErrors.badRequest("tools", at + ".function must be an object");
        Map<String, JsonValue> fn = ((JsonObject) function).values();
        JsonValue name = fn.get("name");
        if (!(name instanceof JsonString) || !NAME.matcher(((JsonString) name).value()).matches()) {
            throw BackendErrors.badRequest("tools", at + ".function.name must be 1 to 64 letters, digits, _ or -, was " + name);
        }
        JsonValue description = fn.get("description");
        JsonValue parameters = fn.get("parameters");
        JsonObject schema = parameters == null ? emptyObjectSchema()
                : SchemaCheck.check(parameters, at + ".function.parameters");
        return new Tool(((JsonString) name).value(),
                description instanceof JsonString ? ((JsonString) description).value() : "", schema);
    }

    private static JsonObject emptyObjectSchema() {
        Map<String, JsonValue> s = new LinkedHashMap<>();
        s.put("type", JsonString.of("object"));
        s.put("properties", JsonObject.of(Map.of()));
        return JsonObject.of(s);
    }

    /** Whether the answer must be a call, under a grammar. */
    boolean constrained() {
        return choice != Choice.AUTO;
    }

    /** The system message that tells the model its tools and the shape of a call. */
    String instructions() {
        StringBuilder out = new StringBuilder("You can call functions. To call one, answer with only a JSON object"
                + " {\"name\": <function name>, \"arguments\": <arguments object>}.");
        if (choice == Choice.AUTO) out.append(" Otherwise answer in words.");
        if (choice == Choice.NAMED) out.append(" Call ").append(allowed.get(0).name).append('.');
        out.append("\nFunctions:");
        for (Tool t : allowed) {
            out.append("\n- ").append(t.name);
            if (!t.description.isEmpty()) out.append(": ").append(t.description);
            out.append("\n  arguments schema: ").append(JsonValueAdapter.toJsonString(t.parameters));
        }
        return out.toString();
    }

    /**
     * One schema matching a call of any allowed tool. Each tool's parameter schema moves under
     * {@code $defs} with its local references rewritten to the new place, so tools whose schemas
     * have their own {@code $defs} do not clash.
     */
    JsonObject callSchema() {
        Map<String, JsonValue> defs = new LinkedHashMap<>();
        List<JsonValue> alternatives = new ArrayList<>();
        for (int i = 0; i < allowed.size(); i++) {
            Tool t = allowed.get(i);
            String def = "tool" + i;
            defs.put(def, relocate(t.parameters, "#/$defs/" + def));
            Map<String, JsonValue> properties = new LinkedHashMap<>();
            properties.put("name", JsonObject.of(Map.of("const", JsonString.of(t.name))));
            properties.put("arguments", JsonObject.of(Map.of("$ref", JsonString.of("#/$defs/" + def))));
            Map<String, JsonValue> call = new LinkedHashMap<>();
            call.put("type", JsonString.of("object"));
            call.put("properties", JsonObject.of(properties));
            call.put("required", JsonArray.of(List.of(JsonString.of("name"), JsonString.of("arguments"))));
            call.put("additionalProperties", dev.switchboard.core.JsonBoolean.of(false));
            alternatives.add(JsonObject.of(call));
        }
        Map<String, JsonValue> root = new LinkedHashMap<>();
        if (alternatives.size() == 1) {
            root.putAll(((JsonObject) alternatives.get(0)).values());
        } else {
            root.put("oneOf", JsonArray.of(alternatives));
        }
        root.put("$defs", JsonObject.of(defs));
        return JsonObject.of(root);
    }

    /** A schema moved to {@code base}: its {@code #/…} references now point below base. */
    private static JsonValue relocate(JsonValue value, String base) {
        if (value instanceof JsonObject) {
            Map<String, JsonValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : ((JsonObject) value).values().entrySet()) {
                if (e.getKey().equals("$ref") && e.getValue() instanceof JsonString) {
                    String ref = ((JsonString) e.getValue()).value();
                    out.put("$ref", JsonString.of(ref.startsWith("#/") ? base + ref.substring(1) : ref));
                } else {
                    out.put(e.getKey(), relocate(e.getValue(), base));
                }
            }
            return JsonObject.of(out);
        }
        if (value instanceof JsonArray) {
            List<JsonValue> out = new ArrayList<>();
            for (JsonValue v : ((JsonArray) value).values()) out.add(relocate(v, base));
            return JsonArray.of(out);
        }
        return value;
    }

    /** The call an answer makes, when it is one call object naming an allowed tool. */
    Optional<JsonObject> call(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{")) return Optional.empty();
        JsonValue json;
        try {
            json = JsonValueAdapter.parse(trimmed);
        } catch (OpenAIInvalidDataException | IllegalArgumentException notJson) {
            return Optional.empty();
        }
        if (!(json instanceof JsonObject)) return Optional.empty();
        Map<String, JsonValue> call = ((JsonObject) json).values();
        JsonValue name = call.get("name");
        JsonValue arguments = call.get("arguments");
        if (!(name instanceof JsonString) || !(arguments instanceof JsonObject)) return Optional.empty();
        boolean known = allowed.stream().anyMatch(t -> t.name.equals(((JsonString) name).value()));
        if (!known) return Optional.empty();
        Map<String, JsonValue> function = new LinkedHashMap<>();
        function.put("name", name);
        function.put("arguments", JsonString.of(JsonValueAdapter.toJsonString(arguments)));
        Map<String, JsonValue> toolCall = new LinkedHashMap<>();
        toolCall.put("id", JsonString.of("call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24)));
        toolCall.put("type", JsonString.of("function"));
        toolCall.put("function", JsonObject.of(function));
        return Optional.of(JsonObject.of(toolCall));
    }
}
