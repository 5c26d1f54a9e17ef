package dev.switchboard.local.files;

import dev.switchboard.errors.ModelLoadException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the user reads when a hub file cannot be had: which file, what went wrong, and what to do
 * ({@code huggingface-cli download …}, set {@code HF_TOKEN}, fix the name, try again later, or give a
 * local copy's path). The token never appears, even if a server were to echo it.
 */
final class HubErrors {
    private final HubEnvironment env;
    private final HubFileRef file;
    private final HubCache cache;

    HubErrors(HubEnvironment env, HubFileRef file, HubCache cache) {
        this.env = env;
        this.file = file;
        this.cache = cache;
    }

    ModelLoadException offline() {
        return error(file + " is not in the Hugging Face cache (" + cache.repoDir() + "), and offline mode"
                + " (HF_HUB_OFFLINE) keeps it from being downloaded. Run " + cliDownload()
                + " where the hub can be reached (it fills the same cache layout; point HF_HUB_CACHE at a copy of"
                + " it), turn offline mode off, or give the path of a copy of the file as the model.", null);
    }

    ModelLoadException unreachable(Exception cause) {
        return error("could not reach the Hugging Face hub at " + env.endpoint() + " for " + file + " ("
                + describe(cause) + "), and the file is not in the cache (" + cache.repoDir() + "). Check the"
                + " network, HF_ENDPOINT and proxy settings, or run " + cliDownload() + " where the hub can be"
                + " reached, or give the path of a copy of the file as the model.", cause);
    }

    ModelLoadException refused(HubRefusal refusal) {
        String said = refusal.getMessage() + refusal.serverMessage().map(m -> ": " + m).orElse("");
        String repoPage = env.endpoint() + "/" + file.repoId();
        String files = repoPage + "/tree/" + HubFileRef.DEFAULT_REVISION;
        switch (refusal.kind()) {
            case NO_ACCESS:
                if (env.hasToken()) {
                    return error("the Hugging Face hub refused " + file + " (" + said + "): the token from "
                            + env.tokenSource().orElse("the environment") + " cannot read the repository "
                            + file.repoId() + ", or it does not exist. Check the name at " + repoPage + ", accept"
                            + " its conditions there if it is gated, and check that the token is valid and may read"
                            + " it (" + env.endpoint() + "/settings/tokens).", refusal);
                }
                return error("the Hugging Face hub refused " + file + " (" + said + "): the repository "
                        + file.repoId() + " does not exist, or it is private or gated and needs a token. Check the"
                        + " name at " + repoPage + "; if it is gated, accept its conditions there; then set HF_TOKEN"
                        + " to an access token that can read it (" + env.endpoint() + "/settings/tokens).", refusal);
            case NO_REVISION:
                return error("the Hugging Face repository " + file.repoId() + " has no revision '" + file.revision()
                        + "' (" + said + "): name a branch, tag or commit it has (see " + files + ").", refusal);
            case NO_FILE:
                return error("the Hugging Face repository " + file.repoId() + " has no file '" + file.path()
                        + "' at revision " + file.revision() + " (" + said + "): check the path against the files"
                        + " listed at " + files + ".", refusal);
            case NOT_FOUND:
                return error("the Hugging Face hub found nothing at " + file + " (" + said + "): check the owner,"
                        + " repository, path and revision at " + repoPage + ".", refusal);
            case UNAVAILABLE:
                return error("the Hugging Face hub could not answer for " + file + " (" + said + "), and the file"
                        + " is not in the cache (" + cache.repoDir() + "): try again later.", refusal);
            default:
                return error("the server at " + env.endpoint() + " did not answer for " + file + " as a Hugging"
                        + " Face hub does (" + said + "), and the file is not in the cache (" + cache.repoDir()
                        + "): check HF_ENDPOINT and any proxy in between.", refusal);
        }
    }

    ModelLoadException cut(long done, long total, Path incomplete, Exception cause) {
        if (done == 0) {
            return error("downloading " + file + " failed before its first byte (" + describe(cause) + "): check the"
                    + " network, or run " + cliDownload() + ".", cause);
        }
        return error("downloading " + file + " stopped after " + bytes(done) + (total >= 0 ? " of " + bytes(total) : "")
                + " (" + describe(cause) + "): what was downloaded is kept in " + incomplete
                + ", and the next attempt resumes from there.", cause);
    }

    ModelLoadException corrupt(ContentCheck check, String actual) {
        return error("the download of " + file + " does not match the hub's checksum: its " + check.algorithm()
                + " is " + actual + ", the hub's is " + check.expected() + ". The downloaded bytes were deleted;"
                + " the next attempt downloads the file anew.", null);
    }

    ModelLoadException tooLong(long done, long total) {
        return error("the download of " + file + " has " + bytes(done) + " where the hub said " + bytes(total)
                + ": the downloaded bytes were deleted; the next attempt downloads the file anew.", null);
    }

    ModelLoadException downloadRefused(HubRefusal refusal, String host) {
        return error("downloading " + file + " from " + host + " was refused (" + refusal.getMessage()
                + refusal.serverMessage().map(m -> ": " + m).orElse("") + "): the next attempt asks the hub for a"
                + " fresh address; if it keeps failing, run " + cliDownload() + ".", refusal);
    }

    ModelLoadException rangeRefused(long offset, String contentRange) {
        return error("resuming the download of " + file + " at byte " + bytes(offset) + " got the range '"
                + contentRange + "' instead: the downloaded bytes were deleted; the next attempt downloads the file"
                + " anew.", null);
    }

    ModelLoadException noRoom(long needed, long free, Path folder) {
        return error("there is no room for " + file + ": it needs " + bytes(needed) + " more in " + folder
                + ", which has " + bytes(free) + " free. Free some space, or set HF_HUB_CACHE to a folder on a"
                + " larger disk.", null);
    }

    ModelLoadException cacheNotWritable(Path path, Exception cause) {
        return error("could not write " + path + " in the Hugging Face cache for " + file + " (" + describe(cause)
                + "): make the cache writable, or set HF_HUB_CACHE to a folder that is.", cause);
    }

    ModelLoadException interrupted(String what) {
        return error("interrupted while " + what + " " + file + "; the next attempt resumes the download.", null);
    }

    /** {@code huggingface-cli download owner/repo path [--revision rev]}, between backquotes. */
    private String cliDownload() {
        return "`huggingface-cli download " + file.repoId() + " " + file.path()
                + (file.revision().equals(HubFileRef.DEFAULT_REVISION) ? "" : " --revision " + file.revision()) + "`";
    }

    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d bytes", n);
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private ModelLoadException error(String message, Throwable cause) {
        String shown = env.token().map(t -> message.replace(t, "<token>")).orElse(message);
        return cause == null ? new ModelLoadException(shown) : new ModelLoadException(shown, cause);
    }
}
