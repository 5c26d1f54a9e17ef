package dev.switchboard.backend.openai;

import dev.switchboard.core.JsonValue;
import io.reactivex.rxjava3.core.Single;
import java.util.List;
import okhttp3.MultipartBody;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Headers;
import retrofit2.http.Multipart;
import retrofit2.http.POST;
import retrofit2.http.Part;
import retrofit2.http.Streaming;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/** The routes of an OpenAI-compatible server, relative to its base URL (which ends in /v1/). */
interface OpenAiApi {
    @POST("chat/completions")
    Single<JsonValue> chatCompletion(@Body JsonValue body, @Tag CallOptions options);

    @Streaming
    @POST("chat/completions")
    @Headers("Accept: text/event-stream")
    Single<Response<ResponseBody>> chatCompletionStream(@Body JsonValue body, @Tag CallOptions options);

    @POST("embeddings")
    Single<JsonValue> embeddings(@Body JsonValue body, @Tag CallOptions options);

    @Streaming
    @POST("audio/speech")
    Single<Response<ResponseBody>> speech(@Body JsonValue body, @Tag CallOptions options);

    @Multipart
    @POST("audio/transcriptions")
    Single<Response<ResponseBody>> transcription(@Part List<MultipartBody.Part> parts, @Tag CallOptions options);

    @POST("images/generations")
    Single<JsonValue> images(@Body JsonValue body, @Tag CallOptions options);

    @GET("models")
    Single<JsonValue> models(@Tag CallOptions options);

    /** A health probe; the path may leave the /v1 prefix (as {@code /health} does). */
    @GET
    Single<Response<ResponseBody>> probe(@Url String url, @Tag CallOptions options);
}
