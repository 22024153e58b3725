package cn.gov.linfen.fenhe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedMemoTest {

  @Test
  void a_value_is_computed_once_per_key_and_null_is_not_kept() {
    List<String> computed = new ArrayList<>();
    BoundedMemo<String, String> memo = new BoundedMemo<>(10);
    assertThat(
            memo.get(
                "甲",
                key -> {
                  computed.add(key);
                  return key + "!";
                }))
        .isEqualTo("甲!");
    assertThat(
            memo.get(
                "甲",
                key -> {
                  computed.add(key);
                  return "again";
                }))
        .isEqualTo("甲!");
    assertThat(
            memo.get(
                "乙",
                key -> {
                  computed.add(key);
                  return null;
                }))
        .isNull();
    assertThat(
            memo.get(
                "乙",
                key -> {
                  computed.add(key);
                  return "乙!";
                }))
        .isEqualTo("乙!");
    assertThat(computed).containsExactly("甲", "乙", "乙");
    assertThat(memo.size()).isEqualTo(2);
  }

  @Test
  void reaching_the_bound_forgets_everything_and_computes_again() {
    BoundedMemo<Integer, Integer> memo = new BoundedMemo<>(3);
    for (int i = 0; i < 3; i++) {
      memo.get(i, key -> key * 10);
    }
    assertThat(memo.size()).isEqualTo(3);
    assertThat(memo.get(3, key -> key * 10)).isEqualTo(30);
    assertThat(memo.size()).isEqualTo(1);
    assertThat(memo.get(0, key -> -1)).as("forgotten, computed again").isEqualTo(-1);
  }
}
