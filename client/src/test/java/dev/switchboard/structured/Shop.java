package dev.switchboard.structured;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.squareup.moshi.Json;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import java.util.List;
import java.util.Optional;

/**
 * The classes a shop asks a model to fill from a customer's email, written as users of the official
 * SDK write them (Jackson's annotations; Moshi's for one rename), and the schema they give.
 */
final class Shop {
    private Shop() {}

    @JsonClassDescription("An order read from a customer's email")
    record Order(
            @JsonPropertyDescription("The customer's full name") String customer,
            List<Line> lines,
            Status status,
            @JsonPropertyDescription("Delivery instructions, when the email gives any") Optional<String> note,
            Address shipping) {}

    record Line(String product, int quantity, @JsonProperty("unit_price") double unitPrice) {}

    enum Status { NEW, PAID, @JsonProperty("on_hold") ON_HOLD }

    record Address(String street, String city, @Json(name = "postal_code") String postalCode) {}

    /** The strict JSON schema of {@link Order}, compact, keys in the order they are sent (the official SDK's). */
    static final String ORDER_SCHEMA = compact("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "customer": {"type": "string", "description": "The customer's full name"},
                "lines": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "product": {"type": "string"},
                      "quantity": {"type": "integer"},
                      "unit_price": {"type": "number"}
                    },
                    "required": ["product", "quantity", "unit_price"],
                    "additionalProperties": false
                  }
                },
                "note": {
                  "type": ["string", "null"],
                  "description": "Delivery instructions, when the email gives any"
                },
                "shipping": {
                  "type": "object",
                  "properties": {
                    "city": {"type": "string"},
                    "postal_code": {"type": "string"},
                    "street": {"type": "string"}
                  },
                  "required": ["city", "postal_code", "street"],
                  "additionalProperties": false
                },
                "status": {"type": "string", "enum": ["NEW", "PAID", "on_hold"]}
              },
              "required": ["customer", "lines", "note", "shipping", "status"],
              "description": "An order read from a customer's email",
              "additionalProperties": false
            }
            """);

    /** An answer that fills {@link Order}, as JSON text, and the order it reads as. */
    static final String ORDER_JSON = "{\"customer\":\"Ada Lovelace\",\"lines\":[{\"product\":\"tea\",\"quantity\":2,"
            + "\"unit_price\":4.5}],\"status\":\"on_hold\",\"note\":null,\"shipping\":{\"street\":\"12 St James's Sq\","
            + "\"city\":\"London\",\"postal_code\":\"SW1Y 4JH\"}}";

    static final Order ORDER = new Order("Ada Lovelace", List.of(new Line("tea", 2, 4.5)), Status.ON_HOLD,
            Optional.empty(), new Address("12 St James's Sq", "London", "SW1Y 4JH"));

    /** JSON written readably, compacted with its keys kept in order. */
    static String compact(String json) {
        return JsonValueAdapter.toJsonString(JsonValueAdapter.parse(json));
    }

    /** {@code text} as a JSON string literal. */
    static String quoted(String text) {
        return JsonValueAdapter.toJsonString(JsonValue.from(text));
    }

    /** A whole chat completion whose one message has {@code messageJson}. */
    static String completion(String messageJson, String finishReason) {
        return "{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"message\":" + messageJson + ",\"logprobs\":null,\"finish_reason\":\""
                + finishReason + "\"}],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":40,\"total_tokens\":90}}";
    }
}
