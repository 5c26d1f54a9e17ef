package dev.switchboard.backend.openai;

import com.squareup.moshi.JsonDataException;
import dev.switchboard.errors.OpenAIException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Moshi's converters, with a request that cannot be written as JSON (nested past Moshi's 255 levels)
 * failing as the caller's mistake. Left alone, Moshi's exception reads like a malformed answer, which
 * the router retries on every deployment although none of them ever saw the request.
 */
final class RequestBodyWriting extends Converter.Factory {
    private final Converter.Factory moshi;

    RequestBodyWriting(Converter.Factory moshi) {
        this.moshi = moshi;
    }

    @Override
    public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
            Annotation[] methodAnnotations, Retrofit retrofit) {
        @SuppressWarnings("unchecked")
        Converter<Object, RequestBody> writer = (Converter<Object, RequestBody>)
                moshi.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
        if (writer == null) return null;
        return value -> {
            try {
                return writer.convert(value);
            } catch (JsonDataException e) {
                throw new OpenAIException("The request cannot be written as JSON: " + e.getMessage(), e);
            }
        };
    }

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
        return moshi.responseBodyConverter(type, annotations, retrofit);
    }
}
