package dev.switchboard.samples;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;

/** Lists the models the endpoint offers, with the blocking client and then with the asynchronous one. */
public final class ModelListExample {
    private ModelListExample() {}

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.fromEnv();
        try {
            // The auto-pager fetches further pages as the loop reaches them.
            client.models().list().autoPager().forEach(model -> System.out.println(model.id() + " (" + model.ownedBy() + ")"));

            System.out.println("-- async --");
            client.async().models().list()
                    .thenCompose(page -> page.autoPager()
                            .subscribe(model -> System.out.println(model.id()))
                            .onCompleteFuture())
                    .join();
        } finally {
            client.close();
        }
    }
}
