package cn.gov.linfen.fenhe.procedures.p4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The monthly draw (P4-R01) and the month-end check (P4-R05), plain logic. */
class DrawingSellersTest {

  final DrawingSellers drawing = new DrawingSellers();

  static List<String> codes(int n) {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      codes.add(String.format("91141002MA%07dX", i));
    }
    return codes;
  }

  @Test
  void P4_R01_a_month_with_23_sellers_draws_5() {
    assertThat(DrawingSellers.target(23)).isEqualTo(5);
    assertThat(DrawingSellers.target(5)).isEqualTo(1);
    assertThat(DrawingSellers.target(10)).isEqualTo(2);
    assertThat(DrawingSellers.target(0)).isZero();
    List<DrawingSellers.Candidate> all =
        codes(23).stream().map(c -> new DrawingSellers.Candidate(c, false)).toList();
    assertThat(drawing.draw(all, "00112233445566778899aabbccddeeff").drawn())
        .hasSize(5)
        .doesNotHaveDuplicates();
  }

  @Test
  void P4_R01_the_draw_is_reproducible_from_its_seed_by_sha256_of_seed_and_code() {
    List<DrawingSellers.Candidate> all =
        codes(23).stream().map(c -> new DrawingSellers.Candidate(c, false)).toList();
    String seed = "a1b2c3d4e5f60718";
    DrawingSellers.Draw first = drawing.draw(all, seed);
    List<DrawingSellers.Candidate> reversed = new ArrayList<>(all);
    java.util.Collections.reverse(reversed);
    assertThat(drawing.draw(reversed, seed).drawn()).isEqualTo(first.drawn());
    List<String> bySha =
        codes(23).stream()
            .sorted(java.util.Comparator.comparing(c -> DrawingSellers.drawKey(seed, c)))
            .limit(5)
            .toList();
    assertThat(first.drawn()).isEqualTo(bySha);
    // printf '%s' 'a1b2c3d4e5f60718|91141002MA0000000X' | sha256sum
    assertThat(DrawingSellers.drawKey(seed, "91141002MA0000000X"))
        .hasSize(64)
        .matches("[0-9a-f]{64}");
    assertThat(first.summary()).contains("种子 " + seed).contains("23 家").contains("即 5 家");
    assertThatThrownBy(() -> drawing.draw(all, "not a seed"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void
      P4_R01_sellers_not_sampled_this_year_come_first_and_a_year_of_12_rounds_covers_every_seller() {
    List<String> register = codes(23);
    Set<String> sampled = new HashSet<>();
    for (int month = 1; month <= 12; month++) {
      List<DrawingSellers.Candidate> candidates =
          register.stream().map(c -> new DrawingSellers.Candidate(c, sampled.contains(c))).toList();
      List<String> drawn = drawing.draw(candidates, DrawingSellers.newSeed()).drawn();
      assertThat(drawn).hasSize(5);
      int fresh = (int) register.stream().filter(c -> !sampled.contains(c)).count();
      assertThat(drawn.stream().filter(c -> !sampled.contains(c)).count())
          .isEqualTo(Math.min(5, fresh));
      sampled.addAll(drawn);
    }
    assertThat(sampled).containsExactlyInAnyOrderElementsOf(register);
  }

  @Test
  void P4_R05_a_month_below_20_percent_and_a_december_below_100_percent_are_short() {
    CheckingCoverage checking = new CheckingCoverage();
    CheckingCoverage.Coverage enough = checking.check("尧都区", "2026-11", 23, 5, 23, 10);
    assertThat(enough.shortfall()).isFalse();
    assertThat(enough.monthPercent()).isEqualByComparingTo("21.73");
    CheckingCoverage.Coverage month = checking.check("尧都区", "2026-11", 23, 4, 23, 10);
    assertThat(month.shortfall()).isTrue();
    assertThat(month.summary()).contains("尧都区2026年11月").contains("低于每月 20% 的要求");
    assertThat(checking.check("尧都区", "2026-11", 10, 2, 10, 4).shortfall()).isFalse();
    CheckingCoverage.Coverage year = checking.check("尧都区", "2026-12", 23, 5, 23, 22);
    assertThat(year.yearShort()).isTrue();
    assertThat(year.summary()).contains("未达到全年 100% 的要求");
    assertThat(checking.check("尧都区", "2026-12", 23, 5, 23, 23).shortfall()).isFalse();
    assertThat(checking.check("古县", "2026-11", 0, 0, 0, 0).shortfall()).isFalse();
  }
}
