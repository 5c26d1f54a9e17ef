package dev.switchboard.core;

/**
 * Whether a JSON schema derived from a class is checked, before the request is sent, against the
 * rules OpenAI sets for strict structured outputs (every object closed with
 * {@code additionalProperties: false} and given at least one property). The server checks again
 * in any case; {@link #NO} lets through schemas that other servers (vLLM, llama.cpp) accept, such
 * as maps.
 */
public enum JsonSchemaLocalValidation {
    /** Check the schema here; a class that cannot be a strict schema fails at build time. */
    YES,

    /** Leave the checks to the server. */
    NO
}
