package dev.junction.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyValuesTest {

  @Test
  void readsNameValueLinesAndIgnoresTheRest() {
    KeyValues kv = KeyValues.parse("""
        Binding /127.0.0.1:3478: 5 answers = 1/s
        binding.answers=518115
        binding.rate=103599.5
        WARNING: x=y is not a name
        stat.before=1 (java) S 1 2 3
        binding.answers=7
        """);

    assertThat(kv.number("binding.answers")).hasValue(7);
    assertThat(kv.number("binding.rate")).hasValue(103599.5);
    assertThat(kv.string("stat.before")).isEqualTo("1 (java) S 1 2 3");
    assertThat(kv.string("warning: x")).isNull();
    assertThat(kv.number("stat.before")).isEmpty();
    assertThat(kv.number("missing")).isEmpty();
  }
}
