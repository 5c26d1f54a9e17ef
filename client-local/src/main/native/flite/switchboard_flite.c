/*
 * JNI shim between dev.switchboard.local.speech.FliteNative and Debian's libflite (flite1-dev, 2.2).
 *
 * Java validates everything before it gets here (voice index, ASCII text of at most 8192 bytes, a
 * duration stretch between 0.25 and 4); the checks below repeat the cheap ones so that a mistake in
 * Java is an error code, never a crash. Calls are serialised by the Java side (one lock), because
 * flite keeps one shared voice object per voice and its error hook (cst_errjmp) is a global.
 *
 * flite reports a fatal error with cst_error(), which calls exit(-1) unless cst_errjmp is set; the
 * JVM would end. So every synthesis runs under setjmp with cst_errjmp pointing at it, and an error
 * comes back as FLITE_FAILED (what the failed utterance had allocated is leaked: flite gives no way
 * to free it after a longjmp).
 */
#include <jni.h>
#include <setjmp.h>
#include <string.h>
#include <flite/flite.h>

#define FLITE_DONE 0
#define FLITE_STOPPED 1
#define FLITE_FAILED -1
#define FLITE_BAD_ARGUMENT -2

#define MAX_TEXT_BYTES 8192
#define VOICE_COUNT 4

cst_voice *register_cmu_us_kal16(const char *voxdir);
cst_voice *register_cmu_us_rms(const char *voxdir);
cst_voice *register_cmu_us_slt(const char *voxdir);
cst_voice *register_cmu_us_awb(const char *voxdir);

/* The order is FliteNative.VOICES'. */
static cst_voice *voices[VOICE_COUNT];
static int initialised;

typedef struct {
    JNIEnv *env;
    jobject sink;
    jmethodID accept;
    int stopped;
} stream_target;

/* Hands each chunk of audio flite produces to the Java sink; a false answer or an exception stops synthesis. */
static int on_chunk(const cst_wave *w, int start, int size, int last, cst_audio_streaming_info *asi) {
    stream_target *target = (stream_target *) asi->userdata;
    JNIEnv *env = target->env;
    (void) last;
    if (target->stopped) return CST_AUDIO_STREAM_STOP;
    if (size <= 0) return CST_AUDIO_STREAM_CONT;
    if (start < 0 || start + size > w->num_samples) {
        target->stopped = 1;
        return CST_AUDIO_STREAM_STOP;
    }
    jshortArray samples = (*env)->NewShortArray(env, size);
    if (samples == NULL) {
        target->stopped = 1;
        return CST_AUDIO_STREAM_STOP;
    }
    (*env)->SetShortArrayRegion(env, samples, 0, size, (const jshort *) (w->samples + start));
    jboolean more = (*env)->CallBooleanMethod(env, target->sink, target->accept, samples, (jint) w->sample_rate);
    (*env)->DeleteLocalRef(env, samples);
    if ((*env)->ExceptionCheck(env) || !more) {
        target->stopped = 1;
        return CST_AUDIO_STREAM_STOP;
    }
    return CST_AUDIO_STREAM_CONT;
}

JNIEXPORT jint JNICALL Java_dev_switchboard_local_speech_FliteNative_init(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    if (initialised) return VOICE_COUNT;
    jmp_buf failed;
    cst_errjmp = &failed;
    if (setjmp(failed)) {
        cst_errjmp = NULL;
        return FLITE_FAILED;
    }
    flite_init();
    voices[0] = register_cmu_us_kal16(NULL);
    voices[1] = register_cmu_us_rms(NULL);
    voices[2] = register_cmu_us_slt(NULL);
    voices[3] = register_cmu_us_awb(NULL);
    cst_errjmp = NULL;
    for (int i = 0; i < VOICE_COUNT; i++) {
        if (voices[i] == NULL) return FLITE_FAILED;
    }
    initialised = 1;
    return VOICE_COUNT;
}

JNIEXPORT jint JNICALL Java_dev_switchboard_local_speech_FliteNative_speak(JNIEnv *env, jclass cls, jint voice,
        jbyteArray text, jfloat durationStretch, jobject sink) {
    (void) cls;
    if (!initialised || voice < 0 || voice >= VOICE_COUNT || text == NULL || sink == NULL) return FLITE_BAD_ARGUMENT;
    if (!(durationStretch >= 0.25f && durationStretch <= 4.0f)) return FLITE_BAD_ARGUMENT;
    jsize length = (*env)->GetArrayLength(env, text);
    if (length <= 0 || length > MAX_TEXT_BYTES) return FLITE_BAD_ARGUMENT;

    char buffer[MAX_TEXT_BYTES + 1];
    (*env)->GetByteArrayRegion(env, text, 0, length, (jbyte *) buffer);
    buffer[length] = '\0';
    for (jsize i = 0; i < length; i++) {
        unsigned char c = (unsigned char) buffer[i];
        if (c == 0 || c > 126) return FLITE_BAD_ARGUMENT;
    }

    jclass sinkClass = (*env)->GetObjectClass(env, sink);
    jmethodID accept = (*env)->GetMethodID(env, sinkClass, "accept", "([SI)Z");
    if (accept == NULL) return FLITE_BAD_ARGUMENT; /* NoSuchMethodError pending: Java sees it */

    stream_target target = {env, sink, accept, 0};
    cst_audio_streaming_info *asi = new_audio_streaming_info();
    asi->asc = on_chunk;
    asi->userdata = &target;

    /*
     * flite_ts_to_speech (what flite_file_to_speech runs) splits the text into utterances with
     * flite's own tokenizer and synthesises them one after another, so the first sentence is heard
     * before the last is computed (flite_text_to_speech makes the whole text one utterance). It
     * stops at an utterance the streaming hook interrupted, and closes the token stream itself. It
     * reads the hook and the stretch from the voice's features; calls are serialised, so they are
     * set on the shared voice for this call and put back after it.
     */
    cst_voice *v = voices[voice];
    int had_stretch = feat_present(v->features, "duration_stretch");
    float old_stretch = get_param_float(v->features, "duration_stretch", 1.0f);
    feat_set(v->features, "streaming_info", audio_streaming_info_val(asi)); /* the features own asi now */
    feat_set_float(v->features, "duration_stretch", durationStretch);

    int failed_at_flite = 0;
    jmp_buf failed;
    cst_errjmp = &failed;
    if (setjmp(failed)) {
        failed_at_flite = 1;
    } else {
        cst_tokenstream *ts = ts_open_string(buffer,
                get_param_string(v->features, "text_whitespace", NULL),
                get_param_string(v->features, "text_singlecharsymbols", NULL),
                get_param_string(v->features, "text_prepunctuation", NULL),
                get_param_string(v->features, "text_postpunctuation", NULL));
        if (ts == NULL) {
            failed_at_flite = 1;
        } else {
            flite_ts_to_speech(ts, v, "none");
        }
    }
    cst_errjmp = NULL;
    feat_remove(v->features, "streaming_info");
    if (had_stretch) {
        feat_set_float(v->features, "duration_stretch", old_stretch);
    } else {
        feat_remove(v->features, "duration_stretch");
    }
    if (failed_at_flite) return FLITE_FAILED;
    if ((*env)->ExceptionCheck(env)) return FLITE_STOPPED;
    return target.stopped ? FLITE_STOPPED : FLITE_DONE;
}
