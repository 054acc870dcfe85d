package dev.junction.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every captured description: parse, write, parse again; nothing is lost, reordered or changed. */
class RoundTripTest {

  @ParameterizedTest
  @FieldSource("dev.junction.media.sdp.Fixtures#ALL")
  void writesBackExactlyWhatItRead(String fixture) throws Exception {
    String text = Fixtures.text(fixture);
    assertThat(text).as("fixtures are stored as the browser wrote them, CRLF").contains("\r\n").doesNotContain("\n\n");

    SessionDescription parsed = SessionDescription.parse(text);

    assertThat(parsed.toString()).isEqualTo(text);
    assertThat(SessionDescription.parse(parsed.toString())).isEqualTo(parsed);
  }

  @ParameterizedTest
  @FieldSource("dev.junction.media.sdp.Fixtures#ALL")
  void lfLineEndingsReadTheSameAndWriteCrlf(String fixture) throws Exception {
    String crlf = Fixtures.text(fixture);
    String lf = crlf.replace("\r\n", "\n");

    SessionDescription parsed = SessionDescription.parse(lf);

    assertThat(parsed).isEqualTo(SessionDescription.parse(crlf));
    assertThat(parsed.toString()).isEqualTo(crlf);
  }

  @ParameterizedTest
  @FieldSource("dev.junction.media.sdp.Fixtures#ALL")
  void linesRebuildTheSameDescription(String fixture) throws Exception {
    SessionDescription parsed = Fixtures.parse(fixture);
    var media = new java.util.ArrayList<MediaDescription>();
    for (MediaDescription m : parsed.media()) {
      media.add(MediaDescription.of(m.lines()));
    }

    SessionDescription rebuilt = SessionDescription.of(parsed.sessionLines(), media);

    assertThat(rebuilt).isEqualTo(parsed);
    assertThat(rebuilt.lines()).hasSize(Fixtures.text(fixture).split("\r\n").length);
  }
}
