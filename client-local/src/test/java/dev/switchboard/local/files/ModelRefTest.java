package dev.switchboard.local.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Model references: what they are read as, and what a wrong one is told. */
class ModelRefTest {

    @Test
    void aHubReferenceReadsOwnerRepositoryPathAndMainByDefault() {
        HubFileRef ref = (HubFileRef) ModelRef.parse("hf:Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf");

        assertThat(ref.owner()).isEqualTo("Qwen");
        assertThat(ref.repo()).isEqualTo("Qwen3-0.6B-GGUF");
        assertThat(ref.repoId()).isEqualTo("Qwen/Qwen3-0.6B-GGUF");
        assertThat(ref.path()).isEqualTo("Qwen3-0.6B-Q8_0.gguf");
        assertThat(ref.revision()).isEqualTo("main");
        assertThat(ref.isPinned()).isFalse();
        assertThat(ref).hasToString("hf:Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf");
    }

    @Test
    void aPathInAFolderOfTheRepositoryKeepsItsFolders() {
        HubFileRef ref = (HubFileRef) ModelRef.parse("hf:ggml-org/models/tinyllamas/stories260K.gguf");

        assertThat(ref.repoId()).isEqualTo("ggml-org/models");
        assertThat(ref.path()).isEqualTo("tinyllamas/stories260K.gguf");
    }

    @Test
    void theRevisionIsWhatFollowsTheLastAt() {
        HubFileRef tag = (HubFileRef) ModelRef.parse("hf:acme/m/model.gguf@v1.0");
        HubFileRef pr = (HubFileRef) ModelRef.parse("hf:acme/m/model.gguf@refs/pr/1");
        HubFileRef at = (HubFileRef) ModelRef.parse("hf:acme/m/model@2x.gguf@main");

        assertThat(tag.revision()).isEqualTo("v1.0");
        assertThat(tag).hasToString("hf:acme/m/model.gguf@v1.0");
        assertThat(pr.revision()).isEqualTo("refs/pr/1");
        assertThat(at.path()).isEqualTo("model@2x.gguf");
        assertThat(at).hasToString("hf:acme/m/model@2x.gguf@main");
        assertThat(ModelRef.parse(at.toString())).isEqualTo(at);
    }

    @Test
    void aCommitRevisionIsPinned() {
        HubFileRef ref = (HubFileRef) ModelRef.parse("hf:acme/m/model.gguf@0123456789abcdef0123456789abcdef01234567");

        assertThat(ref.isPinned()).isTrue();
    }

    @Test
    void aRepositoryWithoutAFileIsToldToAddOne() {
        assertThatThrownBy(() -> ModelRef.parse("hf:Qwen/Qwen3-0.6B"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model reference 'hf:Qwen/Qwen3-0.6B' is not a file on the Hugging Face hub: it names the"
                        + " repository Qwen/Qwen3-0.6B but no file in it: add the file's path, such as"
                        + " hf:Qwen/Qwen3-0.6B/model.gguf");
    }

    @Test
    void aReferenceWithoutARepositoryIsShownTheForm() {
        assertThatThrownBy(() -> ModelRef.parse("hf:model.gguf"))
                .hasMessage("model reference 'hf:model.gguf' is not a file on the Hugging Face hub: write"
                        + " hf:owner/repo/path/in/repo, such as hf:owner/repo/model.gguf");
    }

    @Test
    void anOwnerTheHubWouldRefuseIsNamed() {
        assertThatThrownBy(() -> ModelRef.parse("hf:-acme/m/model.gguf"))
                .hasMessage("model reference 'hf:-acme/m/model.gguf' has '-acme' as its owner, which the hub does not"
                        + " allow: letters, digits, '-', '_' and '.', starting and ending with a letter, digit or '_',"
                        + " without '--' or '..', at most 96 characters");
        assertThatThrownBy(() -> ModelRef.parse("hf:acme/a--b/model.gguf"))
                .hasMessageStartingWith("model reference 'hf:acme/a--b/model.gguf' has 'a--b' as its repository name,");
    }

    @Test
    void aPathThatClimbsOutOfTheRepositoryIsRefused() {
        assertThatThrownBy(() -> ModelRef.parse("hf:acme/m/../../etc/passwd"))
                .hasMessage("model reference 'hf:acme/m/../../etc/passwd' has '../../etc/passwd' as the file's path in"
                        + " the repository, which is not one: write names separated by single '/', without '.', '..',"
                        + " '\\' or a '/' at either end");
        assertThatThrownBy(() -> ModelRef.parse("hf:acme/m/dir//model.gguf")).hasMessageContaining("'dir//model.gguf'");
        assertThatThrownBy(() -> ModelRef.parse("hf:acme/m/model.gguf/")).hasMessageContaining("'model.gguf/'");
    }

    @Test
    void aRevisionThatIsNotARefNameIsRefused() {
        assertThatThrownBy(() -> ModelRef.parse("hf:acme/m/model.gguf@../x"))
                .hasMessage("model reference 'hf:acme/m/model.gguf@../x' has '../x' as its revision, which is not a"
                        + " branch, tag or commit name: letters, digits, '_', '.', '+' and '-' in parts separated by '/'"
                        + " (such as main, v1.0 or refs/pr/1)");
    }

    @Test
    void anEmptyRevisionIsRefused() {
        assertThatThrownBy(() -> ModelRef.parse("hf:acme/m/model.gguf@"))
                .hasMessage("model reference 'hf:acme/m/model.gguf@' ends with '@': follow it with a revision (a branch,"
                        + " tag or commit), or leave it out for main");
    }

    @Test
    void slashesAfterHfAreRefusedWithTheReferenceToWrite() {
        assertThatThrownBy(() -> ModelRef.parse("hf://acme/m/model.gguf"))
                .hasMessage("model reference 'hf://acme/m/model.gguf' has '//' after 'hf:': write hf:acme/m/model.gguf");
    }

    @Test
    void aHubUrlIsRefusedWithTheReferenceToWrite() {
        assertThatThrownBy(() -> ModelRef.parse("https://huggingface.co/acme/m/resolve/main/q/model.gguf?download=true"))
                .hasMessage("model reference 'https://huggingface.co/acme/m/resolve/main/q/model.gguf?download=true'"
                        + " is a URL, but model files are read from a path or from the Hugging Face hub: write"
                        + " hf:acme/m/q/model.gguf");
        assertThatThrownBy(() -> ModelRef.parse("https://huggingface.co/acme/m/blob/v2/model.gguf"))
                .hasMessageEndingWith("write hf:acme/m/model.gguf@v2");
    }

    @Test
    void anotherUrlIsRefused() {
        assertThatThrownBy(() -> ModelRef.parse("s3://bucket/model.gguf"))
                .hasMessage("model reference 's3://bucket/model.gguf' is a URL, but model files are read from a path or"
                        + " from the Hugging Face hub: write hf:owner/repo/file for a file on the Hugging Face hub, or"
                        + " download the file and give its path");
    }

    @Test
    void aBlankReferenceIsRefused() {
        assertThatThrownBy(() -> ModelRef.parse(" "))
                .hasMessage("a model reference is required: a path such as ./models/model.gguf, or a file on the"
                        + " Hugging Face hub such as hf:owner/repo/model.gguf");
        assertThatThrownBy(() -> ModelRef.parse("./model.gguf "))
                .hasMessage("model reference './model.gguf ' starts or ends with spaces: remove them");
    }

    @Test
    void anythingElseIsALocalPathAsWritten() {
        ModelRef ref = ModelRef.parse("./models/x.gguf");

        assertThat(ref).isInstanceOf(LocalFileRef.class).hasToString("./models/x.gguf");
        assertThat(((LocalFileRef) ref).path()).isEqualTo(Path.of("./models/x.gguf"));
    }

    @Test
    void hubFileRefOfChecksItsParts() {
        HubFileRef ref = HubFileRef.of("acme/m", "q/model.gguf", "main");

        assertThat(ref).isEqualTo(ModelRef.parse("hf:acme/m/q/model.gguf"));
        assertThatThrownBy(() -> HubFileRef.of("acme", "model.gguf", "main"))
                .hasMessage("repository 'acme' must be written owner/repo");
    }
}
