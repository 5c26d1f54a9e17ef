package dev.switchboard.local.llama;

import de.kherud.llama.LlamaModel;
import dev.switchboard.local.LlamaOptions;
import java.nio.file.Path;

/** One model llama.cpp holds for the whole process, shared by every deployment that names it with the same settings. */
final class LoadedModel {
    final LlamaModel llama;
    final ModelFacts facts;
    final Path file;
    final LlamaOptions options;
    /** Tokens one call may use, prompt and answer together: the context divided between the slots. */
    final int slotContext;
    final Slots slots;
    /** Whether prompts come from a chat template (the model's or a named one), or are plain text. */
    final boolean templated;

    LoadedModel(LlamaModel llama, ModelFacts facts, Path file, LlamaOptions options, int contextSize) {
        this.llama = llama;
        this.facts = facts;
        this.file = file;
        this.options = options;
        this.slotContext = contextSize / options.parallel();
        this.slots = new Slots(options.parallel());
        String template = options.chatTemplate().orElse(null);
        this.templated = template == null ? facts.chatTemplate.isPresent() : !template.equals(LlamaOptions.NO_TEMPLATE);
    }

    /** The model's name for messages: its file name without extension. */
    String name() {
        String name = file.getFileName().toString();
        return name.endsWith(".gguf") ? name.substring(0, name.length() - 5) : name;
    }
}
