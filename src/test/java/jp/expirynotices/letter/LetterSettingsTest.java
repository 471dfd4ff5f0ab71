package jp.expirynotices.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

class LetterSettingsTest {

    private static LetterSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("notices.letter", LetterSettings.class);
    }

    @Test
    void defaultsAreTheSeedsValues() {
        LetterSettings s = LetterSettings.defaults();
        assertThat(s.font()).isEqualTo(FontSettings.search());
        assertThat(s.sender().ward()).isEqualTo("豊島区");
        assertThat(s.sender().postalCode()).isEqualTo("171-8422");
        assertThat(s.sender().address()).contains("東京都豊島区南池袋2-45-1");
        assertThat(s.sender().phone()).isEqualTo("03-3981-1111（代表）");
        assertThat(s.offices()).extracting(LetterSettings.Office::name)
                .containsExactly("豊島区役所本庁舎 3階 総合窓口課", "東部区民事務所", "西部区民事務所");
        assertThat(s.offices().getFirst().hours()).anyMatch(h -> h.contains("土曜日・日曜日") && h.contains("午後3時"));
        assertThat(s.offices()).allMatch(o -> o.hours().getFirst().contains("発券は午前8時30分から"));
        assertThat(String.join("", s.closures())).contains("第3土曜日", "振替休日は閉庁", "年末年始");
        assertThat(s.fee()).isEqualTo("無料");
        assertThat(s.addressBlock()).isEqualTo(new LetterSettings.AddressBlock(20, 15, 80, 35));
        assertThat(s.barcode().pointSize()).isEqualTo(8);
        assertThat(s.barcode().widthMm()).isCloseTo(63.84, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.barcode().heightMm()).isCloseTo(2.88, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void bindsNothingToTheDefaults() {
        assertThat(bind(Map.of())).isEqualTo(LetterSettings.defaults());
    }

    @Test
    void bindsOverrides() {
        LetterSettings s = bind(Map.of(
                "notices.letter.font.regular", "/opt/fonts/ipaexg.ttf",
                "notices.letter.sender.section", "区民部戸籍住民課",
                "notices.letter.address-block.x-mm", "22.5",
                "notices.letter.offices[0].name", "本庁舎",
                "notices.letter.offices[0].hours[0]", "平日　午前8時30分〜午後5時",
                "notices.letter.closures[0]", "年末年始は休みます。",
                "notices.letter.barcode.point-size", "10"));
        assertThat(s.font().regular()).contains(Path.of("/opt/fonts/ipaexg.ttf"));
        assertThat(s.font().bold()).isEmpty();
        assertThat(s.sender().section()).isEqualTo("区民部戸籍住民課");
        assertThat(s.sender().ward()).isEqualTo("豊島区");
        assertThat(s.addressBlock().xMm()).isEqualTo(22.5);
        assertThat(s.addressBlock().yMm()).isEqualTo(15);
        assertThat(s.offices()).containsExactly(
                new LetterSettings.Office("本庁舎", "", List.of("平日　午前8時30分〜午後5時")));
        assertThat(s.closures()).containsExactly("年末年始は休みます。");
        assertThat(s.barcode().pointSize()).isEqualTo(10);
    }

    @Test
    void emptyFontPathMeansSearch() {
        LetterSettings s = bind(Map.of("notices.letter.font.regular", "", "notices.letter.font.bold", " "));
        assertThat(s.font()).isEqualTo(FontSettings.search());
    }

    @Test
    void rejectsABarcodeWiderThanTheBlock() {
        assertThatThrownBy(() -> bind(Map.of("notices.letter.barcode.point-size", "11.5")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("max-width-mm");
        assertThatThrownBy(() -> new LetterSettings.Barcode(12)).hasMessageContaining("8 to 11.5");
    }

    @Test
    void rejectsAnAddressBlockOutsideTheTopThird() {
        assertThatThrownBy(() -> new LetterSettings.AddressBlock(20, 80, 80, 35))
                .hasMessageContaining("notices.letter.address-block");
    }

    /** job-config/letter.yml documents every default: binding it gives exactly {@link LetterSettings#defaults()}. */
    @Test
    void letterYmlShowsTheDefaults() throws Exception {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("letter.yml", new FileSystemResource("job-config/letter.yml"));
        LetterSettings fromYaml = new Binder(ConfigurationPropertySources.from(sources))
                .bind("notices.letter", LetterSettings.class).get();
        assertThat(fromYaml).isEqualTo(LetterSettings.defaults());
    }

    @Test
    void fontSettingsTreatNullAsEmpty() {
        assertThat(new FontSettings((Optional<Path>) null, null)).isEqualTo(FontSettings.search());
        assertThat(new FontSettings((String) null, null)).isEqualTo(FontSettings.search());
        assertThat(new FontSettings(" /opt/f.ttf ", "")).isEqualTo(
                new FontSettings(Optional.of(Path.of("/opt/f.ttf")), Optional.empty()));
        assertThat(new FontSettings(Optional.of(Path.of("")), Optional.empty()).regular()).isEmpty();
    }
}
