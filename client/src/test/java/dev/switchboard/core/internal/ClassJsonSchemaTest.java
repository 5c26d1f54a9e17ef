package dev.switchboard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.squareup.moshi.Json;
import dev.switchboard.core.JsonSchemaLocalValidation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JSON schema derived from a class: one test per kind of type, one per type refused. Unless a
 * test says otherwise, the schema expected is, key for key and in the same order, the one the
 * official SDK (openai-java 4.101.0) sends for the same class.
 */
class ClassJsonSchemaTest {

    private static String schema(Class<?> type) {
        return schema(type, JsonSchemaLocalValidation.YES);
    }

    private static String schema(Class<?> type, JsonSchemaLocalValidation validation) {
        return JsonValueAdapter.toJsonString(ClassJsonSchema.of(type, validation));
    }

    /** The expected JSON written readably, compacted with its keys in the order written. */
    private static String json(String text) {
        return JsonValueAdapter.toJsonString(JsonValueAdapter.parse(text));
    }

    private static final String DRAFT = "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"";
    private static final String POINT = "{\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"integer\"},"
            + " \"y\": {\"type\": \"integer\"}}, \"required\": [\"x\", \"y\"], \"additionalProperties\": false}";

    record Scalars(String text, char letter, int count, long big, Integer boxed, short small,
            double ratio, Float boxedRatio, boolean flag, Boolean boxedFlag) {}

    @Test
    void scalarsMapToStringIntegerNumberAndBooleanEveryOneRequired() {
        assertThat(schema(Scalars.class)).isEqualTo(json("{" + DRAFT + ","
                + "\"type\": \"object\","
                + "\"properties\": {"
                + "  \"big\": {\"type\": \"integer\"}, \"boxed\": {\"type\": \"integer\"},"
                + "  \"boxedFlag\": {\"type\": \"boolean\"}, \"boxedRatio\": {\"type\": \"number\"},"
                + "  \"count\": {\"type\": \"integer\"}, \"flag\": {\"type\": \"boolean\"}, \"letter\": {\"type\": \"string\"},"
                + "  \"ratio\": {\"type\": \"number\"}, \"small\": {\"type\": \"integer\"}, \"text\": {\"type\": \"string\"}},"
                + "\"required\": [\"big\", \"boxed\", \"boxedFlag\", \"boxedRatio\", \"count\", \"flag\", \"letter\","
                + "  \"ratio\", \"small\", \"text\"],"
                + "\"additionalProperties\": false}"));
    }

    record Mixed(String zeta, String alpha, String Beta, String _under, String a10, String a2, @JsonProperty("aa") String zz) {}

    @Test
    void propertiesAndRequiredAreInTheAlphabeticalOrderOfTheirJsonNames() {
        assertThat(schema(Mixed.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"Beta\": {\"type\": \"string\"}, \"_under\": {\"type\": \"string\"},"
                + "  \"a10\": {\"type\": \"string\"}, \"a2\": {\"type\": \"string\"}, \"aa\": {\"type\": \"string\"},"
                + "  \"alpha\": {\"type\": \"string\"}, \"zeta\": {\"type\": \"string\"}},"
                + "\"required\": [\"Beta\", \"_under\", \"a10\", \"a2\", \"aa\", \"alpha\", \"zeta\"],"
                + "\"additionalProperties\": false}"));
    }

    record Bytes(byte one, Byte boxed, Optional<Byte> maybe, List<Byte> many) {}

    @Test
    void bytesAreStrings() {
        assertThat(schema(Bytes.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"boxed\": {\"type\": \"string\"},"
                + "  \"many\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
                + "  \"maybe\": {\"type\": [\"string\", \"null\"]}, \"one\": {\"type\": \"string\"}},"
                + "\"required\": [\"boxed\", \"many\", \"maybe\", \"one\"], \"additionalProperties\": false}"));
    }

    record Point(int x, int y) {}

    record Pin(String label, Point at) {}

    @Test
    void aNestedRecordReferredToOnceIsAClosedObjectInline() {
        assertThat(schema(Pin.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"at\": " + POINT + ", \"label\": {\"type\": \"string\"}},"
                + "\"required\": [\"at\", \"label\"], \"additionalProperties\": false}"));
    }

    record Segment(Point from, Point to) {}

    @Test
    void aRecordReferredToMoreThanOnceIsDefinedOnceUnderDefs() {
        assertThat(schema(Segment.class)).isEqualTo(json("{" + DRAFT + ", \"$defs\": {\"Point\": " + POINT + "},"
                + "\"type\": \"object\","
                + "\"properties\": {\"from\": {\"$ref\": \"#/$defs/Point\"}, \"to\": {\"$ref\": \"#/$defs/Point\"}},"
                + "\"required\": [\"from\", \"to\"], \"additionalProperties\": false}"));
    }

    record Zed(int z) {}

    record Apple(int a) {}

    record Grove(Point point) {}

    record Orchard(Zed a, Zed b, Apple c, Apple d, Grove e, Point f) {}

    @Test
    void definitionsAreInAlphabeticalOrderAndCountTheReferencesOfEveryDefinitionOnce() {
        assertThat(schema(Orchard.class)).isEqualTo(json("{" + DRAFT + ", \"$defs\": {"
                + "  \"Apple\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\"}}, \"required\": [\"a\"],"
                + "    \"additionalProperties\": false},"
                + "  \"Point\": " + POINT + ","
                + "  \"Zed\": {\"type\": \"object\", \"properties\": {\"z\": {\"type\": \"integer\"}}, \"required\": [\"z\"],"
                + "    \"additionalProperties\": false}},"
                + "\"type\": \"object\","
                + "\"properties\": {\"a\": {\"$ref\": \"#/$defs/Zed\"}, \"b\": {\"$ref\": \"#/$defs/Zed\"},"
                + "  \"c\": {\"$ref\": \"#/$defs/Apple\"}, \"d\": {\"$ref\": \"#/$defs/Apple\"},"
                + "  \"e\": {\"type\": \"object\", \"properties\": {\"point\": {\"$ref\": \"#/$defs/Point\"}},"
                + "    \"required\": [\"point\"], \"additionalProperties\": false},"
                + "  \"f\": {\"$ref\": \"#/$defs/Point\"}},"
                + "\"required\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"], \"additionalProperties\": false}"));
    }

    record Bags(List<String> list, Set<Integer> set, Collection<Boolean> collection, double[] array,
            Point[] points, List<? extends Point> bounded) {}

    @Test
    void listsSetsCollectionsAndArraysAreArraysOfTheirElement() {
        assertThat(schema(Bags.class)).isEqualTo(json("{" + DRAFT + ", \"$defs\": {\"Point\": " + POINT + "},"
                + "\"type\": \"object\","
                + "\"properties\": {"
                + "  \"array\": {\"type\": \"array\", \"items\": {\"type\": \"number\"}},"
                + "  \"bounded\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/Point\"}},"
                + "  \"collection\": {\"type\": \"array\", \"items\": {\"type\": \"boolean\"}},"
                + "  \"list\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
                + "  \"points\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/Point\"}},"
                + "  \"set\": {\"type\": \"array\", \"items\": {\"type\": \"integer\"}}},"
                + "\"required\": [\"array\", \"bounded\", \"collection\", \"list\", \"points\", \"set\"],"
                + "\"additionalProperties\": false}"));
    }

    @JsonClassDescription("How urgent a ticket is")
    enum Priority {
        LOW,
        @Json(name = "normal") NORMAL,
        @JsonProperty("urgent!") URGENT
    }

    record Ticket(Priority priority) {}

    @Test
    void enumsAreStringsOfTheirJsonNamesWithTheirDescription() {
        // The official SDK lists URGENT here, a name its own Jackson reader then refuses; the names read back are sent.
        assertThat(schema(Ticket.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"priority\": {\"type\": \"string\", \"enum\": [\"LOW\", \"normal\", \"urgent!\"],"
                + "  \"description\": \"How urgent a ticket is\"}},"
                + "\"required\": [\"priority\"], \"additionalProperties\": false}"));
    }

    record Contact(String name, Optional<String> email, Optional<Point> location, List<Optional<String>> aliases) {}

    @Test
    void optionalsAreRequiredButMayBeNull() {
        assertThat(schema(Contact.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {"
                + "  \"aliases\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
                + "  \"email\": {\"type\": [\"string\", \"null\"]},"
                + "  \"location\": {\"type\": [\"object\", \"null\"], \"properties\": {\"x\": {\"type\": \"integer\"},"
                + "     \"y\": {\"type\": \"integer\"}}, \"required\": [\"x\", \"y\"], \"additionalProperties\": false},"
                + "  \"name\": {\"type\": \"string\"}},"
                + "\"required\": [\"aliases\", \"email\", \"location\", \"name\"], \"additionalProperties\": false}"));
    }

    record Escalation(Priority first, Priority second, Optional<Priority> third, Optional<Point> from, Point to) {}

    @Test
    void optionalEnumsAndReferencesAreAnyOfNullFirst() {
        assertThat(schema(Escalation.class)).isEqualTo(json("{" + DRAFT + ", \"$defs\": {\"Point\": " + POINT + ","
                + "  \"Priority\": {\"type\": \"string\", \"enum\": [\"LOW\", \"normal\", \"urgent!\"],"
                + "    \"description\": \"How urgent a ticket is\"}},"
                + "\"type\": \"object\","
                + "\"properties\": {\"first\": {\"$ref\": \"#/$defs/Priority\"},"
                + "  \"from\": {\"anyOf\": [{\"type\": \"null\"}, {\"$ref\": \"#/$defs/Point\"}]},"
                + "  \"second\": {\"$ref\": \"#/$defs/Priority\"},"
                + "  \"third\": {\"anyOf\": [{\"type\": \"null\"}, {\"$ref\": \"#/$defs/Priority\"}]},"
                + "  \"to\": {\"$ref\": \"#/$defs/Point\"}},"
                + "\"required\": [\"first\", \"from\", \"second\", \"third\", \"to\"], \"additionalProperties\": false}"));
    }

    @JsonClassDescription("A city on the map")
    record City(@JsonPropertyDescription("Its name in English") String name,
            @JsonPropertyDescription("Where it lies") Point location,
            @JsonPropertyDescription("Its landmarks, if any") Optional<List<String>> landmarks,
            @JsonPropertyDescription("Its districts") List<String> districts,
            @JsonPropertyDescription("How busy it is") Optional<Priority> traffic,
            @JsonPropertyDescription("Its twin town, if any") Optional<Point> twin) {}

    @Test
    void descriptionsComeFromJacksonAnnotationsFirstInArraysAndLastElsewhere() {
        assertThat(schema(City.class)).isEqualTo(json("{" + DRAFT + ", \"$defs\": {\"Point\": " + POINT + "},"
                + "\"type\": \"object\","
                + "\"properties\": {"
                + "  \"districts\": {\"description\": \"Its districts\", \"type\": \"array\", \"items\": {\"type\": \"string\"}},"
                + "  \"landmarks\": {\"description\": \"Its landmarks, if any\", \"type\": [\"array\", \"null\"],"
                + "    \"items\": {\"type\": \"string\"}},"
                + "  \"location\": {\"$ref\": \"#/$defs/Point\", \"description\": \"Where it lies\"},"
                + "  \"name\": {\"type\": \"string\", \"description\": \"Its name in English\"},"
                + "  \"traffic\": {\"anyOf\": [{\"type\": \"null\"}, {\"type\": \"string\", \"enum\": [\"LOW\", \"normal\", \"urgent!\"],"
                + "    \"description\": \"How urgent a ticket is\"}], \"description\": \"How busy it is\"},"
                + "  \"twin\": {\"anyOf\": [{\"type\": \"null\"}, {\"$ref\": \"#/$defs/Point\"}], \"description\": \"Its twin town, if any\"}},"
                + "\"required\": [\"districts\", \"landmarks\", \"location\", \"name\", \"traffic\", \"twin\"],"
                + "\"description\": \"A city on the map\", \"additionalProperties\": false}"));
    }

    @JsonClassDescription("A place")
    record Place(String name) {}

    @JsonClassDescription("A stop")
    record Stop(String name) {}

    record Visit(@JsonPropertyDescription("Where the visit began") Place start, Optional<Stop> end) {}

    @Test
    void aPropertysOwnDescriptionTakesThePlaceOfItsClassDescription() {
        // The official SDK sends allOf [the class's schema, {"description": …}], which strict mode refuses.
        assertThat(schema(Visit.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {"
                + "  \"end\": {\"type\": [\"object\", \"null\"], \"properties\": {\"name\": {\"type\": \"string\"}},"
                + "    \"required\": [\"name\"], \"description\": \"A stop\", \"additionalProperties\": false},"
                + "  \"start\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}},"
                + "    \"required\": [\"name\"], \"additionalProperties\": false, \"description\": \"Where the visit began\"}},"
                + "\"required\": [\"end\", \"start\"], \"additionalProperties\": false}"));
    }

    record Renamed(@JsonProperty("first_name") String firstName, @Json(name = "last_name") String lastName,
            @JsonProperty("") String kept) {}

    @Test
    void jacksonJsonPropertyAndMoshiJsonRenameProperties() {
        assertThat(schema(Renamed.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"first_name\": {\"type\": \"string\"}, \"kept\": {\"type\": \"string\"},"
                + "  \"last_name\": {\"type\": \"string\"}},"
                + "\"required\": [\"first_name\", \"kept\", \"last_name\"], \"additionalProperties\": false}"));
    }

    static class Base {
        public String id;
    }

    @SuppressWarnings("unused")
    static final class Account extends Base {
        static final String KIND = "account";
        public String owner;
        public transient String cache;
        @Json(ignore = true) public String internal;
        @JsonIgnore public String secret;
        String hidden;
        private String balance;
        private boolean active;
        @JsonProperty private String named;
        @Json(name = "moshi_named") private String moshiNamed;
        private String note;

        public String getBalance() {
            return balance;
        }

        public boolean isActive() {
            return active;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    @Test
    void plainClassesAreTheFieldsJacksonSeesLeavingOutStaticTransientIgnoredAndHiddenOnes() {
        assertThat(schema(Account.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"active\": {\"type\": \"boolean\"}, \"balance\": {\"type\": \"string\"},"
                + "  \"id\": {\"type\": \"string\"}, \"moshi_named\": {\"type\": \"string\"}, \"named\": {\"type\": \"string\"},"
                + "  \"note\": {\"type\": \"string\"}, \"owner\": {\"type\": \"string\"}},"
                + "\"required\": [\"active\", \"balance\", \"id\", \"moshi_named\", \"named\", \"note\", \"owner\"],"
                + "\"additionalProperties\": false}"));
    }

    record Page<T>(List<T> items, T first) {}

    record Catalog(Page<Point> points) {}

    @Test
    void typeArgumentsOfGenericRecordsAreSubstituted() {
        assertThat(schema(Catalog.class)).isEqualTo(json("{" + DRAFT + ", \"$defs\": {\"Point\": " + POINT + "},"
                + "\"type\": \"object\","
                + "\"properties\": {\"points\": {\"type\": \"object\","
                + "  \"properties\": {\"first\": {\"$ref\": \"#/$defs/Point\"},"
                + "    \"items\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/Point\"}}},"
                + "  \"required\": [\"first\", \"items\"], \"additionalProperties\": false}},"
                + "\"required\": [\"points\"], \"additionalProperties\": false}"));
    }

    record Pair<A, B>(A left, B right) {}

    record Pairs(Pair<String, Apple> a, Pair<String, Apple> b, Pair<List<String>, Integer> c, Pair<List<String>, Integer> d) {}

    @Test
    void genericDefinitionsAreNamedWithTheirTypeArguments() {
        String apple = "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\"}}, \"required\": [\"a\"],"
                + " \"additionalProperties\": false}";
        assertThat(schema(Pairs.class)).isEqualTo(json("{" + DRAFT + ", \"$defs\": {"
                + "  \"Pair(List(String),Integer)\": {\"type\": \"object\", \"properties\": {"
                + "    \"left\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}, \"right\": {\"type\": \"integer\"}},"
                + "    \"required\": [\"left\", \"right\"], \"additionalProperties\": false},"
                + "  \"Pair(String,Apple)\": {\"type\": \"object\", \"properties\": {"
                + "    \"left\": {\"type\": \"string\"}, \"right\": " + apple + "},"
                + "    \"required\": [\"left\", \"right\"], \"additionalProperties\": false}},"
                + "\"type\": \"object\","
                + "\"properties\": {\"a\": {\"$ref\": \"#/$defs/Pair(String,Apple)\"}, \"b\": {\"$ref\": \"#/$defs/Pair(String,Apple)\"},"
                + "  \"c\": {\"$ref\": \"#/$defs/Pair(List(String),Integer)\"}, \"d\": {\"$ref\": \"#/$defs/Pair(List(String),Integer)\"}},"
                + "\"required\": [\"a\", \"b\", \"c\", \"d\"], \"additionalProperties\": false}"));
    }

    static final class North {
        record Same(int a) {}
    }

    static final class South {
        record Same(int b) {}
    }

    record Namesakes(North.Same a, North.Same b, South.Same c, South.Same d) {}

    @Test
    void definitionsOfOneNameAreNumbered() {
        assertThat(schema(Namesakes.class)).isEqualTo(json("{" + DRAFT + ", \"$defs\": {"
                + "  \"Same-1\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\"}}, \"required\": [\"a\"],"
                + "    \"additionalProperties\": false},"
                + "  \"Same-2\": {\"type\": \"object\", \"properties\": {\"b\": {\"type\": \"integer\"}}, \"required\": [\"b\"],"
                + "    \"additionalProperties\": false}},"
                + "\"type\": \"object\","
                + "\"properties\": {\"a\": {\"$ref\": \"#/$defs/Same-1\"}, \"b\": {\"$ref\": \"#/$defs/Same-1\"},"
                + "  \"c\": {\"$ref\": \"#/$defs/Same-2\"}, \"d\": {\"$ref\": \"#/$defs/Same-2\"}},"
                + "\"required\": [\"a\", \"b\", \"c\", \"d\"], \"additionalProperties\": false}"));
    }

    record Tree(String label, List<Tree> children, Optional<Tree> parent) {}

    @Test
    void aRootThatContainsItselfRefersToTheRoot() {
        assertThat(schema(Tree.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"children\": {\"type\": \"array\", \"items\": {\"$ref\": \"#\"}},"
                + "  \"label\": {\"type\": \"string\"},"
                + "  \"parent\": {\"anyOf\": [{\"type\": \"null\"}, {\"$ref\": \"#\"}]}},"
                + "\"required\": [\"children\", \"label\", \"parent\"], \"additionalProperties\": false}"));
    }

    record Employee(String name, Optional<Employee> manager) {}

    record Company(Employee ceo) {}

    @Test
    void aNestedTypeThatContainsItselfIsDefinedOnceUnderDefs() {
        assertThat(schema(Company.class)).isEqualTo(json("{" + DRAFT + ", \"$defs\": {\"Employee\": {\"type\": \"object\","
                + "  \"properties\": {\"manager\": {\"anyOf\": [{\"type\": \"null\"}, {\"$ref\": \"#/$defs/Employee\"}]},"
                + "    \"name\": {\"type\": \"string\"}},"
                + "  \"required\": [\"manager\", \"name\"], \"additionalProperties\": false}},"
                + "\"type\": \"object\","
                + "\"properties\": {\"ceo\": {\"$ref\": \"#/$defs/Employee\"}},"
                + "\"required\": [\"ceo\"], \"additionalProperties\": false}"));
    }

    record Labels(Map<String, Integer> counts) {}

    @Test
    void mapsWithStringKeysAreOpenObjectsWhenLocalValidationIsOff() {
        assertThat(schema(Labels.class, JsonSchemaLocalValidation.NO)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"counts\": {\"type\": \"object\", \"additionalProperties\": {\"type\": \"integer\"}}},"
                + "\"required\": [\"counts\"], \"additionalProperties\": false}"));
    }

    @Test
    void mapsAreRefusedUnderLocalValidation() {
        assertThatThrownBy(() -> schema(Labels.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from Labels: field Labels.counts: Map<String, Integer> cannot be"
                        + " part of a strict schema, which needs additionalProperties: false; use a List of key/value"
                        + " records (or JsonSchemaLocalValidation.NO for a server that accepts maps)");
    }

    record ById(Map<Integer, String> names) {}

    @Test
    void mapsWithNonStringKeysAreRefused() {
        assertThatThrownBy(() -> schema(ById.class, JsonSchemaLocalValidation.NO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from ById: field ById.names: Map<Integer, String> has non-String"
                        + " keys, and JSON object keys are always strings");
    }

    record Loose(String name, Object extra) {}

    @Test
    void objectFieldsAreRefused() {
        assertThatThrownBy(() -> schema(Loose.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from Loose: field Loose.extra: Object has no JSON schema;"
                        + " use a concrete type");
    }

    record Link(String name, Link next) {}

    @Test
    void recursionThroughRequiredFieldsOnlyIsRefused() {
        assertThatThrownBy(() -> schema(Link.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from Link: field Link.next: Link contains itself through required"
                        + " fields only (Link.next), so no finite JSON value fits; make one of them Optional or a List");
    }

    record Husband(String name, Wife wife) {}

    record Wife(String name, Husband husband) {}

    record Wedding(List<Husband> couples) {}

    @Test
    void endlessRecursionIsFoundBehindAList() {
        assertThatThrownBy(() -> schema(Wedding.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from Wedding: field Wife.husband: Husband contains itself through"
                        + " required fields only (Husband.wife -> Wife.husband), so no finite JSON value fits;"
                        + " make one of them Optional or a List");
    }

    @Test
    void unboundTypeVariablesAreRefused() {
        assertThatThrownBy(() -> schema(Page.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from Page: field Page.items: type variable T is not bound to"
                        + " a type here; use a concrete type");
    }

    @SuppressWarnings("rawtypes")
    record Raw(List names) {}

    @Test
    void rawCollectionsAreRefused() {
        assertThatThrownBy(() -> schema(Raw.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from Raw: field Raw.names: raw List has no type argument;"
                        + " give one, as in List<String>");
    }

    record Concrete(ArrayList<String> names) {}

    @Test
    void collectionImplementationsAreRefused() {
        assertThatThrownBy(() -> schema(Concrete.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from Concrete: field Concrete.names: ArrayList is a collection"
                        + " implementation; declare it as List, Set, Collection or Map");
    }

    record Event(String title, LocalDate day) {}

    @Test
    void platformTypesWithoutAJsonFormAreRefused() {
        assertThatThrownBy(() -> schema(Event.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from Event: field Event.day: LocalDate is a platform type with"
                        + " no JSON form here; use String, a number, boolean, an enum, List, Set, Optional, a record"
                        + " or a class");
    }

    interface Shape {}

    record Drawing(List<Shape> shapes) {}

    @Test
    void interfacesAreRefused() {
        assertThatThrownBy(() -> schema(Drawing.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from Drawing: field Drawing.shapes: Shape is abstract; JSON can"
                        + " only be read into a concrete record or class");
    }

    class Inner {
        String name;
    }

    @Test
    void innerClassesAreRefused() {
        assertThatThrownBy(() -> schema(Inner.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from Inner: Inner is an inner class; make it static, so it can"
                        + " be created without an enclosing instance");
    }

    record Nothing() {}

    @Test
    void objectsWithoutPropertiesAreRefusedUnderLocalValidation() {
        assertThatThrownBy(() -> schema(Nothing.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from Nothing: Nothing has no properties, and OpenAI's strict"
                        + " mode needs at least one (JsonSchemaLocalValidation.NO leaves that to the server)");
    }

    @Test
    void objectsWithoutPropertiesAreEmptyClosedObjectsWhenLocalValidationIsOff() {
        assertThat(schema(Nothing.class, JsonSchemaLocalValidation.NO)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"additionalProperties\": false}"));
    }

    @Test
    void aRootThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> schema(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot derive a JSON schema from String: it must be a record or class, whose values are"
                        + " JSON objects");
    }

    record Clash(@JsonProperty("name") String first, String name) {}

    @Test
    void twoPropertiesWithOneJsonNameAreRefused() {
        assertThatThrownBy(() -> schema(Clash.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("Clash has two properties named `name` in JSON: first and name");
    }
}
