package dev.switchboard.backend.openai;

import dev.switchboard.router.Capability;
import dev.switchboard.router.Deployment;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * What Switchboard knows about one kind of OpenAI-compatible server: how to probe its health
 * without costing a completion, which calls it serves, how it takes the key, and which sampling
 * parameters beyond OpenAI's it honours. Profiles are data, one constant a kind, read from each
 * server's own sources and documentation:
 *
 * <table>
 * <caption>The profiles</caption>
 * <tr><th>kind</th><th>health probe</th><th>not</th><th>extra sampling parameters honoured</th></tr>
 * <tr><td>openai</td><td>GET /v1/models</td><td></td><td>none (unknown ones are a 400)</td></tr>
 * <tr><td>vllm</td><td>GET /health</td><td>speech, images</td><td>top_k, min_p, repetition_penalty, min_tokens, ignore_eos</td></tr>
 * <tr><td>ollama</td><td>GET /api/tags</td><td>speech, images, transcription</td><td>none: its /v1 drops them silently</td></tr>
 * <tr><td>llamacpp</td><td>GET /health (503 while loading)</td><td>speech, images, transcription; tools unless {@code tools: true}</td>
 *     <td>top_k, min_p, typical_p, repeat_penalty, repeat_last_n, mirostat, mirostat_tau, mirostat_eta, ignore_eos</td></tr>
 * <tr><td>tgi</td><td>GET /health</td><td>embeddings, speech, images, transcription</td><td>none on its Messages API</td></tr>
 * <tr><td>sglang</td><td>GET /health</td><td>speech, images, transcription</td><td>top_k, min_p, repetition_penalty, min_tokens, ignore_eos</td></tr>
 * <tr><td>localai</td><td>GET /readyz (503 while starting)</td><td></td><td>top_k, min_p, typical_p, repeat_penalty, repeat_last_n, ignore_eos</td></tr>
 * <tr><td>lmstudio</td><td>GET /v1/models</td><td>speech, images, transcription</td><td>top_k, repeat_penalty</td></tr>
 * </table>
 *
 * <p>Every kind takes the key as {@code Authorization: Bearer}; their health routes need none.
 */
public final class BackendProfile {
    /** Where a health path is resolved: the server's root, or the API root the base URL names (…/v1). */
    public enum ProbeBase {
        SERVER_ROOT,
        API_ROOT
    }

    /**
     * The sampling parameters beyond OpenAI's that some servers read from a chat request's body;
     * sending one to a server that ignores it is worth a warning.
     */
    private static final Set<String> EXTRA_SAMPLING_PARAMETERS = Set.of(
            "top_k", "min_p", "typical_p", "repetition_penalty", "repeat_penalty", "repeat_last_n",
            "min_tokens", "ignore_eos", "mirostat", "mirostat_tau", "mirostat_eta");

    private static final Set<Capability> ALL = Collections.unmodifiableSet(EnumSet.allOf(Capability.class));
    private static final Set<Capability> TEXT = Collections.unmodifiableSet(EnumSet.complementOf(
            EnumSet.of(Capability.SPEECH, Capability.IMAGES, Capability.TRANSCRIPTION)));

    public static final BackendProfile OPENAI = new BackendProfile("openai", "OpenAI",
            "models", ProbeBase.API_ROOT, ALL, Set.of(), false);
    public static final BackendProfile VLLM = new BackendProfile("vllm", "vLLM",
            "health", ProbeBase.SERVER_ROOT, with(TEXT, Capability.TRANSCRIPTION),
            Set.of("top_k", "min_p", "repetition_penalty", "min_tokens", "ignore_eos"), true);
    public static final BackendProfile OLLAMA = new BackendProfile("ollama", "Ollama",
            "api/tags", ProbeBase.SERVER_ROOT, TEXT, Set.of(), true);
    public static final BackendProfile LLAMACPP = new BackendProfile("llamacpp", "llama.cpp's server",
            "health", ProbeBase.SERVER_ROOT, without(TEXT, Capability.TOOLS),
            Set.of("top_k", "min_p", "typical_p", "repeat_penalty", "repeat_last_n",
                    "mirostat", "mirostat_tau", "mirostat_eta", "ignore_eos"), true);
    public static final BackendProfile TGI = new BackendProfile("tgi", "TGI",
            "health", ProbeBase.SERVER_ROOT, without(TEXT, Capability.EMBEDDINGS), Set.of(), true);
    public static final BackendProfile SGLANG = new BackendProfile("sglang", "SGLang",
            "health", ProbeBase.SERVER_ROOT, TEXT,
            Set.of("top_k", "min_p", "repetition_penalty", "min_tokens", "ignore_eos"), true);
    public static final BackendProfile LOCALAI = new BackendProfile("localai", "LocalAI",
            "readyz", ProbeBase.SERVER_ROOT, ALL,
            Set.of("top_k", "min_p", "typical_p", "repeat_penalty", "repeat_last_n", "ignore_eos"), true);
    public static final BackendProfile LMSTUDIO = new BackendProfile("lmstudio", "LM Studio",
            "models", ProbeBase.API_ROOT, TEXT, Set.of("top_k", "repeat_penalty"), true);

    private static final Map<String, BackendProfile> BY_KIND;

    static {
        Map<String, BackendProfile> byKind = new LinkedHashMap<>();
        for (BackendProfile p : List.of(OPENAI, VLLM, OLLAMA, LLAMACPP, TGI, SGLANG, LOCALAI, LMSTUDIO)) byKind.put(p.kind, p);
        BY_KIND = Collections.unmodifiableMap(byKind);
    }

    private final String kind;
    private final String serverName;
    private final String healthPath;
    private final ProbeBase healthBase;
    private final Set<Capability> capabilities;
    private final Set<String> honouredSamplingParameters;
    private final boolean ignoresUnknownParameters;

    private BackendProfile(String kind, String serverName, String healthPath, ProbeBase healthBase,
            Set<Capability> capabilities, Set<String> honouredSamplingParameters, boolean ignoresUnknownParameters) {
        this.kind = kind;
        this.serverName = serverName;
        this.healthPath = healthPath;
        this.healthBase = healthBase;
        this.capabilities = capabilities;
        this.honouredSamplingParameters = honouredSamplingParameters;
        this.ignoresUnknownParameters = ignoresUnknownParameters;
    }

    /** The profile of {@code kind}; an unknown kind is an error listing the known ones. */
    public static BackendProfile of(String kind) {
        BackendProfile profile = kind == null ? null : BY_KIND.get(kind.toLowerCase(Locale.ROOT));
        if (profile == null) {
            throw new IllegalArgumentException("No remote backend kind '" + kind + "'; known kinds: " + BY_KIND.keySet());
        }
        return profile;
    }

    /** Every profile by kind, in a stable order. */
    public static Map<String, BackendProfile> all() {
        return BY_KIND;
    }

    /** The kind as deployments name it: {@code vllm}, {@code ollama}, … */
    public String kind() {
        return kind;
    }

    /** The server's own name, for messages: {@code llama.cpp's server}, {@code LM Studio}, … */
    public String serverName() {
        return serverName;
    }

    /** The health route, relative to {@link #healthBase()}: {@code health}, {@code api/tags}, {@code models}, … */
    public String healthPath() {
        return healthPath;
    }

    public ProbeBase healthBase() {
        return healthBase;
    }

    /**
     * The URL of the health probe of a server whose API root is {@code baseUrl}. The server root is
     * the base URL less a last {@code /v1} segment (so a server behind a path prefix keeps it).
     */
    public String healthUrl(String baseUrl) {
        HttpUrl url = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        if (url == null) throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
        return healthUrl(url).toString();
    }

    HttpUrl healthUrl(HttpUrl apiRoot) {
        HttpUrl base = apiRoot;
        if (healthBase == ProbeBase.SERVER_ROOT) {
            String path = apiRoot.encodedPath();
            if (path.endsWith("/v1/")) base = apiRoot.resolve(path.substring(0, path.length() - "v1/".length()));
        }
        return base.resolve(healthPath);
    }

    /** The calls and features a server of this kind offers, before any deployment option. */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * What a deployment of this kind offers: the kind's capabilities, with tools switched on or off
     * by the deployment option {@code tools: true|false} (llama.cpp's server calls tools only when
     * started with {@code --jinja}, so its tools are off unless the option says so).
     */
    public Set<Capability> capabilitiesFor(Deployment deployment) {
        EnumSet<Capability> out = EnumSet.noneOf(Capability.class);
        out.addAll(capabilities);
        Object tools = deployment.options().get("tools");
        if (tools != null) {
            String value = String.valueOf(tools).trim().toLowerCase(Locale.ROOT);
            if (value.equals("true")) out.add(Capability.TOOLS);
            else if (value.equals("false")) out.remove(Capability.TOOLS);
            else throw new IllegalArgumentException("deployments." + deployment.name() + ".tools must be true or false, was '" + tools + "'");
        }
        return Collections.unmodifiableSet(out);
    }

    /** The header that carries the key; every known kind takes {@code Authorization}. */
    public String authHeader() {
        return "Authorization";
    }

    /** The value of {@link #authHeader()} for {@code apiKey}. */
    public String authValue(String apiKey) {
        return "Bearer " + apiKey;
    }

    /** The sampling parameters beyond OpenAI's that this kind reads from a chat request. */
    public Set<String> honouredSamplingParameters() {
        return honouredSamplingParameters;
    }

    /**
     * Whether this kind drops body parameters it does not know without a word (most do); OpenAI
     * answers them with a 400 instead, which needs no warning.
     */
    public boolean ignoresUnknownParameters() {
        return ignoresUnknownParameters;
    }

    /** Whether a request carrying {@code parameter} loses it here without the server saying so. */
    boolean dropsSilently(String parameter) {
        return ignoresUnknownParameters && EXTRA_SAMPLING_PARAMETERS.contains(parameter)
                && !honouredSamplingParameters.contains(parameter);
    }

    @Override
    public String toString() {
        return "BackendProfile{" + kind + ", probe GET " + (healthBase == ProbeBase.SERVER_ROOT ? "/" : "<api>/") + healthPath
                + ", " + capabilities + "}";
    }

    private static Set<Capability> with(Set<Capability> base, Capability extra) {
        EnumSet<Capability> out = EnumSet.copyOf(base);
        out.add(extra);
        return Collections.unmodifiableSet(out);
    }

    private static Set<Capability> without(Set<Capability> base, Capability removed) {
        EnumSet<Capability> out = EnumSet.copyOf(base);
        out.remove(removed);
        return Collections.unmodifiableSet(out);
    }
}
