package dev.switchboard.local.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonNumber;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.BadRequestException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
    private static JsonValue json(String text) {
        return JsonValueAdapter.parse(text);
    }

    private static void refused(String schema, String message) {
        assertThatThrownBy(() -> SchemaCheck.check(json(schema), "schema"))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("400: " + message);
    }

    @Test
    void aSchemaOfSupportedKeywordsWithLocalReferencesPasses() {
        String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"maxLength\":8},"
                + "\"age\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":120},\"tags\":{\"type\":\"array\","
                + "\"items\":{\"$ref\":\"#/$defs/tag\"},\"maxItems\":3},\"kind\":{\"enum\":[\"a\",\"b\"]},"
                + "\"child\":{\"anyOf\":[{\"$ref\":\"#/$defs/node\"},{\"type\":\"null\"}]}},"
                + "\"required\":[\"name\"],\"additionalProperties\":false,"
                + "\"$defs\":{\"tag\":{\"type\":\"string\",\"pattern\":\"^[a-z]{1,5}$\"},"
                + "\"node\":{\"type\":\"object\",\"properties\":{\"next\":{\"$ref\":\"#/$defs/node\"}}}}}";
        assertThat(SchemaCheck.check(json(schema), "schema")).isEqualTo(json(schema));
    }

    @Test
    void aNumberBeyondTheRangeOfADoubleIsRefusedBecauseLlamaCppsJsonParserAbortsTheJvmOnIt() {
        JsonValue schema = JsonObject.of(Map.of("type", JsonString.of("number"), "default", JsonNumber.of(new BigDecimal("1e400"))));

        assertThatThrownBy(() -> SchemaCheck.check(schema, "schema"))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("400: schema at /default: 1E+400 is beyond the range of a double (±1.7976931348623157E308),"
                        + " which llama.cpp cannot read");
    }

    @Test
    void aNumberOurJsonReaderMadeInfiniteIsRefused() {
        refused("{\"enum\":[1,-2e999]}", "schema at /enum/1: -Infinity is beyond the range of a double"
                + " (±1.7976931348623157E308), which llama.cpp cannot read");
    }

    @Test
    void aSchemaNestedDeeperThanOurJsonWriterGoesIsABadRequestNotAWriterError() {
        JsonValue nested = JsonString.of("deep");
        for (int i = 0; i < 300; i++) nested = JsonArray.of(List.of(nested));
        JsonValue schema = JsonObject.of(Map.of("enum", JsonArray.of(List.of(nested))));

        assertThatThrownBy(() -> SchemaCheck.check(schema, "schema"))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("400: schema at /enum" + "/0".repeat(200) + ": nests deeper than 200 levels of JSON");
    }

    @Test
    void aHugeMaxLengthIsRefusedBecauseTheGrammarUnrollsItIntoGigabytes() {
        // Found by fuzzing: maxLength 100,000,000 made llama.cpp take over 17 GB and two minutes.
        refused("{\"type\":\"string\",\"maxLength\":100000000}", "schema at /maxLength: brings the elements llama.cpp's"
                + " grammar must spell out for lengths, item counts and pattern repetitions to 100000000 (at most 100000 in a"
                + " schema); it unrolls each bound into that many copies, which takes seconds and gigabytes beyond this");
    }

    @Test
    void boundsAddUpAcrossTheSchema() {
        String field = "{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"maxItems\":60000}";
        assertThatThrownBy(() -> SchemaCheck.check(json("{\"type\":\"object\",\"properties\":{\"a\":" + field + ",\"b\":"
                + field + "}}"), "schema"))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("400: schema at /properties/b/maxItems: brings the elements llama.cpp's grammar must"
                        + " spell out for lengths, item counts and pattern repetitions to 120000 (at most 100000");
    }

    @Test
    void nestedRepetitionsInAPatternMultiply() {
        refused("{\"type\":\"string\",\"pattern\":\"^(a{1000}b){1000}$\"}", "schema at /pattern: brings the elements"
                + " llama.cpp's grammar must spell out for lengths, item counts and pattern repetitions to 1001000 (at most"
                + " 100000 in a schema); it unrolls each bound into that many copies, which takes seconds and gigabytes beyond"
                + " this");
    }

    @Test
    void ordinaryBoundsAndPatternsPass() {
        String schema = "{\"type\":\"object\",\"properties\":{\"zip\":{\"type\":\"string\",\"pattern\":"
                + "\"^[0-9]{5}(-[0-9]{4})?$\"},\"text\":{\"type\":\"string\",\"maxLength\":20000},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"maxItems\":100}}}";
        assertThat(SchemaCheck.check(json(schema), "schema")).isEqualTo(json(schema));
    }

    @Test
    void aReferenceBesideAnAnyOfThatLeadsNowhereIsRefusedBecauseLlamaCppResolvesEveryReferenceFirst() {
        // Found by fuzzing: the converter resolves every $ref of the document, used or not, and aborts on a bad one.
        refused("{\"anyOf\":[{\"type\":\"string\"}],\"items\":{\"$ref\":\"#/$defs/missing\"}}",
                "schema at /items/$ref: '#/$defs/missing' leads nowhere: no '$defs' there");
    }

    @Test
    void aReferenceInsideAConstThatIsNotAStringIsRefused() {
        refused("{\"type\":\"object\",\"properties\":{\"a\":{\"const\":{\"$ref\":{\"x\":1}}}}}",
                "schema at /properties/a/const/$ref: must be a string, was {x=1}");
    }

    @Test
    void anIntegerBoundBeyondAThirtyTwoBitIntIsRefused() {
        // Found by fuzzing: exclusiveMaximum 1e12 left llama.cpp's converter with no bound, and it threw, aborting the JVM.
        refused("{\"type\":\"integer\",\"exclusiveMaximum\":1000000000000}", "schema at /exclusiveMaximum: must be a whole"
                + " number within ±2147483646 (llama.cpp reads integer bounds as 32-bit ints), was 1000000000000");
    }

    @Test
    void oneOfIsCheckedWhenAnyOfSitsBesideItBecauseLlamaCppUsesOneOf() {
        // Found by fuzzing: with both, only anyOf was checked, and a oneOf that was not a list aborted the JVM.
        refused("{\"anyOf\":[{\"type\":\"string\"}],\"oneOf\":5}", "schema at /oneOf: must be an array, was 5");
    }

    @Test
    void aReferenceOutsideTheSchemaIsRefused() {
        refused("{\"$ref\":\"https://example.com/s.json\"}", "schema at /$ref: 'https://example.com/s.json' is not a local"
                + " reference; llama.cpp resolves only #/… inside the schema");
    }

    @Test
    void aReferenceToTheWholeSchemaIsRefusedBecauseTheConverterAbortsOnIt() {
        refused("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#\"}}}", "schema at /properties/a/$ref:"
                + " '#' is not a local reference; llama.cpp resolves only #/… inside the schema");
    }

    @Test
    void aReferenceThatLeadsNowhereIsRefused() {
        refused("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/$defs/missing\"}}}",
                "schema at /properties/a/$ref: '#/$defs/missing' leads nowhere: no '$defs' there");
    }

    @Test
    void aLoopOfBareReferencesIsRefused() {
        refused("{\"$ref\":\"#/$defs/a\",\"$defs\":{\"a\":{\"$ref\":\"#/$defs/a\"}}}",
                "schema at #/$defs/a: references loop back to themselves without a property or item in between"
                        + " (#/$defs/a -> #/$defs/a); such a schema matches nothing finite");
    }

    @Test
    void aKeywordTheGrammarWouldIgnoreIsRefused() {
        refused("{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"uniqueItems\":true}",
                "schema: uniqueItems is not supported: llama.cpp's grammar cannot make items unique");
    }

    @Test
    void boundsOnANumberAreRefusedBecauseTheGrammarIgnoresThem() {
        refused("{\"type\":\"number\",\"minimum\":1}", "schema: minimum and maximum are honoured only with"
                + " \"type\": \"integer\" (llama.cpp's grammar ignores them on numbers)");
    }

    @Test
    void aSubschemaOfAnnotationsAloneIsRefused() {
        refused("{\"type\":\"object\",\"properties\":{\"a\":{\"description\":\"anything\"}}}",
                "schema at /properties/a: needs a type (or enum, const, $ref, anyOf, properties, items); llama.cpp cannot"
                        + " convert a schema of annotations alone");
    }

    @Test
    void anUnanchoredPatternIsRefused() {
        refused("{\"type\":\"string\",\"pattern\":\"[a-z]+\"}",
                "schema at /pattern: llama.cpp needs a pattern anchored as ^…$, was '[a-z]+'");
    }

    @Test
    void aShorthandClassInAPatternIsRefused() {
        refused("{\"type\":\"string\",\"pattern\":\"^\\\\d+$\"}", "schema at /pattern: '\\d' is not supported by"
                + " llama.cpp's pattern converter; spell classes out, such as [0-9] for \\d");
    }

    @Test
    void aSubschemaThatIsNotAnObjectIsRefused() {
        refused("{\"type\":\"object\",\"properties\":{\"a\":true}}", "schema at /properties/a: a subschema must be a"
                + " JSON object (true/false schemas are not supported), was true");
    }

    @Test
    void anUnknownTypeIsRefused() {
        refused("{\"type\":\"date\"}", "schema at /type: unknown type 'date'; the types are [array, boolean, integer,"
                + " null, number, object, string]");
    }
}
