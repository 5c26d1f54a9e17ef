package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.Embedding;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.embeddings.EmbeddingModel;
import java.util.List;

/** Embeddings of one text and of a batch of texts, and how close the batch's texts are to each other. */
public final class EmbeddingsExample {
    private EmbeddingsExample() {}

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            CreateEmbeddingResponse single = client.embeddings().create(EmbeddingCreateParams.builder()
                    .model(EmbeddingModel.TEXT_EMBEDDING_3_SMALL)
                    .input("The quick brown fox jumps over the lazy dog.")
                    .build());
            Embedding embedding = single.data().get(0);
            System.out.println("model: " + single.model());
            System.out.println("dimensions: " + embedding.embedding().size());
            System.out.println("first values: " + embedding.embedding().subList(0, 3));
            System.out.println("tokens: " + single.usage().totalTokens());

            List<String> texts = List.of("A cat sleeps on the sofa.", "A kitten naps on the couch.", "Stocks fell today.");
            CreateEmbeddingResponse batch = client.embeddings().create(EmbeddingCreateParams.builder()
                    .model(EmbeddingModel.TEXT_EMBEDDING_3_SMALL)
                    .inputOfArrayOfStrings(texts)
                    .dimensions(4)
                    .build());
            List<Embedding> vectors = batch.data();
            for (int i = 1; i < vectors.size(); i++) {
                System.out.printf("similarity(\"%s\", \"%s\") = %.3f%n", texts.get(0), texts.get(i),
                        cosine(vectors.get(0).embedding(), vectors.get(i).embedding()));
            }
        } finally {
            client.close();
        }
    }

    private static double cosine(List<Float> a, List<Float> b) {
        double dot = 0, normA = 0, normB = 0;
        for (int i = 0; i < a.size(); i++) {
            dot += a.get(i) * b.get(i);
            normA += a.get(i) * a.get(i);
            normB += b.get(i) * b.get(i);
        }
        return dot / Math.sqrt(normA * normB);
    }
}
