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

/** The JSON schema derived from a class: one test per kind of type, one per type refused. */
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

    record Scalars(String text, char letter, int count, long big, Integer boxed, short small, byte tiny,
            double ratio, Float boxedRatio, boolean flag, Boolean boxedFlag) {}

    @Test
    void scalarsMapToStringIntegerNumberAndBooleanEveryOneRequired() {
        assertThat(schema(Scalars.class)).isEqualTo(json("{" + DRAFT + ","
                + "\"type\": \"object\","
                + "\"properties\": {"
                + "  \"text\": {\"type\": \"string\"}, \"letter\": {\"type\": \"string\"},"
                + "  \"count\": {\"type\": \"integer\"}, \"big\": {\"type\": \"integer\"},"
                + "  \"boxed\": {\"type\": \"integer\"}, \"small\": {\"type\": \"integer\"}, \"tiny\": {\"type\": \"integer\"},"
                + "  \"ratio\": {\"type\": \"number\"}, \"boxedRatio\": {\"type\": \"number\"},"
                + "  \"flag\": {\"type\": \"boolean\"}, \"boxedFlag\": {\"type\": \"boolean\"}},"
                + "\"required\": [\"text\", \"letter\", \"count\", \"big\", \"boxed\", \"small\", \"tiny\","
                + "  \"ratio\", \"boxedRatio\", \"flag\", \"boxedFlag\"],"
                + "\"additionalProperties\": false}"));
    }

    record Point(int x, int y) {}

    record Segment(Point from, Point to) {}

    @Test
    void nestedRecordsAreClosedObjectsInline() {
        String point = "{\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"integer\"}, \"y\": {\"type\": \"integer\"}},"
                + " \"required\": [\"x\", \"y\"], \"additionalProperties\": false}";
        assertThat(schema(Segment.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"from\": " + point + ", \"to\": " + point + "},"
                + "\"required\": [\"from\", \"to\"], \"additionalProperties\": false}"));
    }

    record Bags(List<String> list, Set<Integer> set, Collection<Boolean> collection, double[] array,
            Point[] points, List<? extends Point> bounded) {}

    @Test
    void listsSetsCollectionsAndArraysAreArraysOfTheirElement() {
        String point = "{\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"integer\"}, \"y\": {\"type\": \"integer\"}},"
                + " \"required\": [\"x\", \"y\"], \"additionalProperties\": false}";
        assertThat(schema(Bags.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {"
                + "  \"list\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
                + "  \"set\": {\"type\": \"array\", \"items\": {\"type\": \"integer\"}},"
                + "  \"collection\": {\"type\": \"array\", \"items\": {\"type\": \"boolean\"}},"
                + "  \"array\": {\"type\": \"array\", \"items\": {\"type\": \"number\"}},"
                + "  \"points\": {\"type\": \"array\", \"items\": " + point + "},"
                + "  \"bounded\": {\"type\": \"array\", \"items\": " + point + "}},"
                + "\"required\": [\"list\", \"set\", \"collection\", \"array\", \"points\", \"bounded\"],"
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
        assertThat(schema(Ticket.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"priority\": {\"description\": \"How urgent a ticket is\", \"type\": \"string\","
                + "  \"enum\": [\"LOW\", \"normal\", \"urgent!\"]}},"
                + "\"required\": [\"priority\"], \"additionalProperties\": false}"));
    }

    record Contact(String name, Optional<String> email, Optional<Point> location) {}

    @Test
    void optionalsAreRequiredButMayBeNull() {
        assertThat(schema(Contact.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {"
                + "  \"name\": {\"type\": \"string\"},"
                + "  \"email\": {\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"null\"}]},"
                + "  \"location\": {\"anyOf\": [{\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"integer\"},"
                + "     \"y\": {\"type\": \"integer\"}}, \"required\": [\"x\", \"y\"], \"additionalProperties\": false},"
                + "    {\"type\": \"null\"}]}},"
                + "\"required\": [\"name\", \"email\", \"location\"], \"additionalProperties\": false}"));
    }

    @JsonClassDescription("A city on the map")
    record City(@JsonPropertyDescription("Its name in English") String name,
            @JsonPropertyDescription("Where it lies") Point location,
            @JsonPropertyDescription("Its landmarks, if any") Optional<List<String>> landmarks) {}

    @Test
    void descriptionsComeFromJacksonAnnotationsAndComeFirst() {
        assertThat(schema(City.class)).isEqualTo(json("{" + DRAFT + ", \"description\": \"A city on the map\","
                + "\"type\": \"object\","
                + "\"properties\": {"
                + "  \"name\": {\"description\": \"Its name in English\", \"type\": \"string\"},"
                + "  \"location\": {\"description\": \"Where it lies\", \"type\": \"object\","
                + "    \"properties\": {\"x\": {\"type\": \"integer\"}, \"y\": {\"type\": \"integer\"}},"
                + "    \"required\": [\"x\", \"y\"], \"additionalProperties\": false},"
                + "  \"landmarks\": {\"description\": \"Its landmarks, if any\","
                + "    \"anyOf\": [{\"type\": \"array\", \"items\": {\"type\": \"string\"}}, {\"type\": \"null\"}]}},"
                + "\"required\": [\"name\", \"location\", \"landmarks\"], \"additionalProperties\": false}"));
    }

    record Renamed(@JsonProperty("first_name") String firstName, @Json(name = "last_name") String lastName,
            @JsonProperty("") String kept) {}

    @Test
    void jacksonJsonPropertyAndMoshiJsonRenameProperties() {
        assertThat(schema(Renamed.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"first_name\": {\"type\": \"string\"}, \"last_name\": {\"type\": \"string\"},"
                + "  \"kept\": {\"type\": \"string\"}},"
                + "\"required\": [\"first_name\", \"last_name\", \"kept\"], \"additionalProperties\": false}"));
    }

    static class Base {
        String id;
    }

    static final class Account extends Base {
        static final String KIND = "account";
        String owner;
        transient String cache;
        @Json(ignore = true) String internal;
        @JsonIgnore String secret;
    }

    @Test
    void plainClassesAreTheirFieldsSuperclassFirstLeavingOutStaticTransientAndIgnoredOnes() {
        assertThat(schema(Account.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"id\": {\"type\": \"string\"}, \"owner\": {\"type\": \"string\"}},"
                + "\"required\": [\"id\", \"owner\"], \"additionalProperties\": false}"));
    }

    record Page<T>(List<T> items, T first) {}

    record Catalog(Page<Point> points) {}

    @Test
    void typeArgumentsOfGenericRecordsAreSubstituted() {
        String point = "{\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"integer\"}, \"y\": {\"type\": \"integer\"}},"
                + " \"required\": [\"x\", \"y\"], \"additionalProperties\": false}";
        assertThat(schema(Catalog.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"points\": {\"type\": \"object\","
                + "  \"properties\": {\"items\": {\"type\": \"array\", \"items\": " + point + "}, \"first\": " + point + "},"
                + "  \"required\": [\"items\", \"first\"], \"additionalProperties\": false}},"
                + "\"required\": [\"points\"], \"additionalProperties\": false}"));
    }

    record Tree(String label, List<Tree> children) {}

    @Test
    void aRootThatContainsItselfRefersToTheRoot() {
        assertThat(schema(Tree.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"label\": {\"type\": \"string\"},"
                + "  \"children\": {\"type\": \"array\", \"items\": {\"$ref\": \"#\"}}},"
                + "\"required\": [\"label\", \"children\"], \"additionalProperties\": false}"));
    }

    record Employee(String name, Optional<Employee> manager) {}

    record Company(Employee ceo, List<Employee> staff) {}

    @Test
    void aNestedTypeThatContainsItselfIsDefinedOnceUnderDefs() {
        assertThat(schema(Company.class)).isEqualTo(json("{" + DRAFT + ", \"type\": \"object\","
                + "\"properties\": {\"ceo\": {\"$ref\": \"#/$defs/Employee\"},"
                + "  \"staff\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/Employee\"}}},"
                + "\"required\": [\"ceo\", \"staff\"], \"additionalProperties\": false,"
                + "\"$defs\": {\"Employee\": {\"type\": \"object\","
                + "  \"properties\": {\"name\": {\"type\": \"string\"},"
                + "    \"manager\": {\"anyOf\": [{\"$ref\": \"#/$defs/Employee\"}, {\"type\": \"null\"}]}},"
                + "  \"required\": [\"name\", \"manager\"], \"additionalProperties\": false}}}"));
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
                + "\"properties\": {}, \"required\": [], \"additionalProperties\": false}"));
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
