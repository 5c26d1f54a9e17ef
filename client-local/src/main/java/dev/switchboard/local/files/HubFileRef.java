package dev.switchboard.local.files;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file in a Hugging Face model repository at a revision: {@code hf:owner/repo/path/in/repo.gguf}
 * or {@code hf:owner/repo/path/in/repo.gguf@revision}. The revision is what follows the last {@code @}
 * (so a file whose name holds an {@code @} is written with an explicit {@code @main}); it is a branch, a
 * tag or a 40-digit commit, {@code main} by default.
 */
public final class HubFileRef implements ModelRef {
    /** The branch a reference without {@code @revision} names, as on the hub. */
    public static final String DEFAULT_REVISION = "main";

    static final Pattern URL_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    // The hub's rule for owner and repository names (huggingface_hub's validate_repo_id), plus "--" and
    // ".." being refused there too: "--" separates the parts of a cache folder's name.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?");
    private static final Pattern REVISION_PART = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    // https://huggingface.co/owner/repo/resolve/main/file.gguf?download=true, or /blob/ as the web page links it.
    private static final Pattern HUB_URL = Pattern.compile(
            "https?://(?:www\\.)?huggingface\\.co/([^/?#]+/[^/?#]+)/(?:resolve|blob)/([^/?#]+)/([^?#]+).*");

    private final String owner;
    private final String repo;
    private final String path;
    private final String revision;

    private HubFileRef(String owner, String repo, String path, String revision) {
        this.owner = owner;
        this.repo = repo;
        this.path = path;
        this.revision = revision;
    }

    /**
     * The file {@code path} of repository {@code repoId} ({@code owner/repo}) at {@code revision}.
     *
     * @throws IllegalArgumentException naming the part that is not valid
     */
    public static HubFileRef of(String repoId, String path, String revision) {
        Objects.requireNonNull(repoId, "repoId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(revision, "revision");
        String text = ModelRef.HUB_PREFIX + repoId + "/" + path + "@" + revision;
        int slash = repoId.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("repository '" + repoId + "' must be written owner/repo");
        }
        return checked(text, repoId.substring(0, slash), repoId.substring(slash + 1), path, revision);
    }

    /** Reads {@code hf:owner/repo/path[@revision]}. */
    static HubFileRef parse(String text) {
        String body = text.substring(ModelRef.HUB_PREFIX.length());
        String revision = DEFAULT_REVISION;
        int at = body.lastIndexOf('@');
        if (at >= 0) {
            revision = body.substring(at + 1);
            body = body.substring(0, at);
            if (revision.isEmpty()) {
                throw new IllegalArgumentException("model reference '" + text
                        + "' ends with '@': follow it with a revision (a branch, tag or commit), or leave it out for main");
            }
        }
        String[] parts = body.split("/", 3);
        if (parts.length < 3 || parts[2].isEmpty()) {
            String hint = parts.length == 2 && !parts[1].isEmpty()
                    ? "it names the repository " + parts[0] + "/" + parts[1] + " but no file in it: add the file's path,"
                            + " such as hf:" + parts[0] + "/" + parts[1] + "/model.gguf"
                    : "write hf:owner/repo/path/in/repo, such as hf:owner/repo/model.gguf";
            throw new IllegalArgumentException("model reference '" + text + "' is not a file on the Hugging Face hub: "
                    + hint);
        }
        return checked(text, parts[0], parts[1], parts[2], revision);
    }

    private static HubFileRef checked(String text, String owner, String repo, String path, String revision) {
        checkName(text, "owner", owner);
        checkName(text, "repository name", repo);
        checkPath(text, path);
        checkRevision(text, revision);
        return new HubFileRef(owner, repo, path, revision);
    }

    private static void checkName(String text, String what, String name) {
        if (!NAME.matcher(name).matches() || name.contains("--") || name.contains("..")) {
            throw new IllegalArgumentException("model reference '" + text + "' has '" + name + "' as its " + what
                    + ", which the hub does not allow: letters, digits, '-', '_' and '.', starting and ending with a"
                    + " letter, digit or '_', without '--' or '..', at most 96 characters");
        }
    }

    private static void checkPath(String text, String path) {
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.indexOf('\\') >= 0
                    || part.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("model reference '" + text + "' has '" + path
                        + "' as the file's path in the repository, which is not one: write names separated by single"
                        + " '/', without '.', '..', '\\' or a '/' at either end");
            }
        }
    }

    private static void checkRevision(String text, String revision) {
        for (String part : revision.split("/", -1)) {
            if (!REVISION_PART.matcher(part).matches() || part.contains("..") || part.endsWith(".lock")) {
                throw new IllegalArgumentException("model reference '" + text + "' has '" + revision
                        + "' as its revision, which is not a branch, tag or commit name: letters, digits, '_', '.',"
                        + " '+' and '-' in parts separated by '/' (such as main, v1.0 or refs/pr/1)");
            }
        }
    }

    /** What to write instead of a URL: the {@code hf:} reference of a hub file's URL, when it is one. */
    static IllegalArgumentException urlGivenAsReference(String text) {
        Matcher hub = HUB_URL.matcher(text);
        String instead = hub.matches()
                ? "write " + ModelRef.HUB_PREFIX + hub.group(1) + "/" + hub.group(3)
                        + (DEFAULT_REVISION.equals(hub.group(2)) ? "" : "@" + hub.group(2))
                : "write hf:owner/repo/file for a file on the Hugging Face hub, or download the file and give its path";
        return new IllegalArgumentException("model reference '" + text + "' is a URL, but model files are read from a"
                + " path or from the Hugging Face hub: " + instead);
    }

    /** The user or organization that owns the repository. */
    public String owner() {
        return owner;
    }

    /** The repository's name within its owner's. */
    public String repo() {
        return repo;
    }

    /** {@code owner/repo}, as the hub and {@code huggingface-cli} name a repository. */
    public String repoId() {
        return owner + "/" + repo;
    }

    /** The file's path in the repository, parts separated by {@code /}. */
    public String path() {
        return path;
    }

    /** The branch, tag or commit; {@link #DEFAULT_REVISION} unless the reference named one. */
    public String revision() {
        return revision;
    }

    /** Whether the revision is a full commit hash, which names the same file forever. */
    public boolean isPinned() {
        return COMMIT.matcher(revision).matches();
    }

    /** The reference as written in a config: {@code hf:owner/repo/path}, with {@code @revision} unless main. */
    @Override
    public String toString() {
        // A path holding '@' keeps its "@main", so that the text reads back as the same reference.
        boolean plain = revision.equals(DEFAULT_REVISION) && path.indexOf('@') < 0;
        return ModelRef.HUB_PREFIX + repoId() + "/" + path + (plain ? "" : "@" + revision);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HubFileRef && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
