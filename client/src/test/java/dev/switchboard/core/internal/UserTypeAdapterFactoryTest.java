package dev.switchboard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.squareup.moshi.Json;
import dev.switchboard.core.JsonValue;
import dev.switchboard.errors.OpenAIInvalidDataException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading and writing the user's records, classes and enums by the names their schema uses. */
class UserTypeAdapterFactoryTest {

    private static <T> T read(String json, Class<T> type) {
        return JsonValueAdapter.parse(json).convert(type);
    }

    private static String write(Object value) {
        return JsonValueAdapter.toJsonString(JsonValue.from(value));
    }

    private enum Size { SMALL, @Json(name = "medium") MEDIUM, @JsonProperty("XL") LARGE }

    private record Line(String product, int quantity, Size size) {}

    private record Order(@JsonProperty("customer_name") String customer, List<Line> lines, Optional<String> note) {}

    @Test
    void privateRecordsAreReadThroughTheirCanonicalConstructor() {
        Order order = read("{\"customer_name\": \"Ada\", \"lines\": [{\"product\": \"tea\", \"quantity\": 2,"
                + " \"size\": \"XL\"}], \"note\": \"ring twice\"}", Order.class);

        assertThat(order).isEqualTo(new Order("Ada", List.of(new Line("tea", 2, Size.LARGE)), Optional.of("ring twice")));
    }

    @Test
    void recordsAreWrittenUnderTheirJsonNamesInComponentOrder() {
        Order order = new Order("Ada", List.of(new Line("tea", 2, Size.MEDIUM)), Optional.empty());

        assertThat(write(order)).isEqualTo("{\"customer_name\":\"Ada\",\"lines\":[{\"product\":\"tea\",\"quantity\":2,"
                + "\"size\":\"medium\"}],\"note\":null}");
    }

    @Test
    void aNullOptionalIsEmpty() {
        assertThat(read("{\"customer_name\": \"Ada\", \"lines\": [], \"note\": null}", Order.class).note()).isEmpty();
    }

    @Test
    void aMissingOptionalIsEmpty() {
        assertThat(read("{\"customer_name\": \"Ada\", \"lines\": []}", Order.class).note()).isEmpty();
    }

    @Test
    void aMissingPrimitiveIsAnErrorAtItsPath() {
        assertThatThrownBy(() -> read("{\"customer_name\": \"Ada\", \"lines\": [{\"product\": \"tea\", \"size\": \"SMALL\"}]}",
                Order.class))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("Cannot convert JSON to Order: Required value 'quantity' missing at $.lines[0]");
    }

    @Test
    void aValueOfTheWrongTypeIsAnErrorAtItsPath() {
        assertThatThrownBy(() -> read("{\"customer_name\": \"Ada\", \"lines\": [{\"product\": \"tea\", \"quantity\": \"two\","
                + " \"size\": \"SMALL\"}]}", Order.class))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("Cannot convert JSON to Order: Expected NUMBER but was two, a java.lang.String, at path"
                        + " $.lines[0].quantity");
    }

    @Test
    void anUnknownEnumConstantIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> read("{\"product\": \"tea\", \"quantity\": 1, \"size\": \"LARGE\"}", Line.class))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("Cannot convert JSON to Line: Expected one of [SMALL, medium, XL] but was LARGE at path $.size");
    }

    @Test
    void enumConstantsAreWrittenUnderTheirJsonNames() {
        assertThat(write(List.of(Size.SMALL, Size.MEDIUM, Size.LARGE))).isEqualTo("[\"SMALL\",\"medium\",\"XL\"]");
    }

    private record Percent(int value) {
        Percent {
            if (value < 0 || value > 100) throw new IllegalArgumentException("percent out of range: " + value);
        }
    }

    @Test
    void aRecordsOwnCheckRefusingTheValuesIsInvalidData() {
        assertThatThrownBy(() -> read("{\"value\": 140}", Percent.class))
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasMessage("Cannot convert JSON to Percent: percent out of range: 140");
    }

    private record Secretive(String name, @JsonIgnore String secret, @JsonIgnore int pin) {}

    @Test
    void ignoredComponentsAreNeitherReadNorWritten() {
        Secretive read = read("{\"name\": \"Ada\", \"secret\": \"s3\", \"pin\": 1234}", Secretive.class);

        assertThat(read).isEqualTo(new Secretive("Ada", null, 0));
        assertThat(write(new Secretive("Ada", "s3", 1234))).isEqualTo("{\"name\":\"Ada\"}");
    }

    static final class Profile {
        @JsonProperty("display_name") String displayName;
        @JsonIgnore public String password = "unset";
        public Optional<String> bio;
        public int visits = 7;
        // Neither public nor named nor behind a getter or setter: Jackson does not see it, and nor does Switchboard.
        String draft = "unsent";

        private Profile() {}
    }

    @Test
    void plainClassesWithANoArgumentConstructorAreReadByTheirJsonNames() {
        Profile profile = read("{\"display_name\": \"Ada\", \"password\": \"hunter2\", \"draft\": \"sent\"}", Profile.class);

        assertThat(profile.displayName).isEqualTo("Ada");
        assertThat(profile.password).isEqualTo("unset");
        assertThat(profile.bio).isEmpty();
        assertThat(profile.visits).isEqualTo(7);
        assertThat(profile.draft).isEqualTo("unsent");
    }

    @Test
    void plainClassesAreWrittenByTheirJsonNames() {
        Profile profile = new Profile();
        profile.displayName = "Ada";
        profile.bio = Optional.of("math");

        assertThat(write(profile)).isEqualTo("{\"display_name\":\"Ada\",\"bio\":\"math\",\"visits\":7}");
    }

    static final class Immutable {
        @JsonProperty("full_name") final String fullName;

        Immutable(String fullName) {
            this.fullName = fullName;
        }
    }

    @Test
    void aClassNamedByJacksonWithoutANoArgumentConstructorIsRefused() {
        assertThatThrownBy(() -> read("{\"full_name\": \"Ada\"}", Immutable.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(Immutable.class.getName() + " uses Jackson's @JsonProperty or @JsonIgnore but has"
                        + " no no-argument constructor to read it with; add one, or use Moshi's @Json(name = …, ignore = …)");
    }

    static final class MoshiOnly {
        @Json(name = "full_name") final String fullName;

        MoshiOnly(String fullName) {
            this.fullName = fullName;
        }
    }

    @Test
    void aClassWithoutANoArgumentConstructorIsLeftToMoshi() {
        assertThat(read("{\"full_name\": \"Ada\"}", MoshiOnly.class).fullName).isEqualTo("Ada");
    }
}
