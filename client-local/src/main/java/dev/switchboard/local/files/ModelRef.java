package dev.switchboard.local.files;

/**
 * Where a model file comes from, as a deployment names it: a path on this machine ({@code
 * ./models/x.gguf}, {@code /opt/models/x.gguf}, {@code ~/models/x.gguf}), or a file in a Hugging Face
 * repository ({@code hf:owner/repo/path/in/repo.gguf}, optionally followed by {@code @revision}: a
 * branch, tag or commit; {@code main} when absent). {@link ModelFiles#resolve(ModelRef)} finds the
 * file, downloading it into the Hugging Face cache when needed.
 */
public sealed interface ModelRef permits LocalFileRef, HubFileRef {

    /** The prefix of a file on the Hugging Face hub. */
    String HUB_PREFIX = "hf:";

    /**
     * Reads a reference, or says precisely what is wrong with it.
     *
     * @throws IllegalArgumentException when {@code text} is not a path nor a valid {@code hf:} reference
     */
    static ModelRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a model reference is required: a path such as ./models/model.gguf,"
                    + " or a file on the Hugging Face hub such as hf:owner/repo/model.gguf");
        }
        if (!text.equals(text.strip())) {
            throw new IllegalArgumentException("model reference '" + text + "' starts or ends with spaces: remove them");
        }
        if (text.startsWith(HUB_PREFIX + "//")) {
            throw new IllegalArgumentException("model reference '" + text + "' has '//' after 'hf:': write "
                    + HUB_PREFIX + text.substring(HUB_PREFIX.length() + 2));
        }
        if (text.startsWith(HUB_PREFIX)) return HubFileRef.parse(text);
        if (HubFileRef.URL_SCHEME.matcher(text).lookingAt()) throw HubFileRef.urlGivenAsReference(text);
        return LocalFileRef.of(text);
    }

    /**
     * A short name for logs and {@code toString}: the last segment of {@code ref} (a path or hub
     * reference, either slash, trailing slashes ignored) without {@code extension}.
     */
    static String shortName(String ref, String extension) {
        String name = ref.replace('\\', '/');
        while (name.endsWith("/")) name = name.substring(0, name.length() - 1);
        name = name.substring(name.lastIndexOf('/') + 1);
        return !extension.isEmpty() && name.endsWith(extension) ? name.substring(0, name.length() - extension.length()) : name;
    }
}
