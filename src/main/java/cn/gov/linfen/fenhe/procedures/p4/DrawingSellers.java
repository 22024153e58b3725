package cn.gov.linfen.fenhe.procedures.p4;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The monthly draw of one county (P4-R01, 临政办发〔2021〕22号 二(五) "对民用煤销售企业每月煤质抽检覆盖率要达到
 * 20%以上，全年抽检覆盖率要达到100%"): at least 20% of the registered sellers, rounded up; sellers not yet
 * sampled this year first, at random among them (双随机), then — only when they are fewer than the
 * target — sellers sampled already, at random.
 *
 * <p>"At random" is reproducible from the recorded seed, with nothing but SHA-256: each seller's
 * draw key is the lower-case hex SHA-256 of {@code seed + "|" + creditCode} (UTF-8); within each
 * group sellers are taken in ascending order of their key. An auditor recomputes it with {@code
 * printf '%s' "<seed>|<code>" | sha256sum}. Plain logic.
 */
public class DrawingSellers {

  /** The monthly share (20%, 二(五)). */
  public static final BigDecimal MONTHLY_SHARE = new BigDecimal("0.20");

  public static final Pattern SEED = Pattern.compile("[0-9a-f]{16,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One registered seller as the draw sees it. */
  public record Candidate(String creditCode, boolean sampledThisYear) {}

  /** The draw: its seed, the target, the codes drawn in order, and the sentence people read. */
  public record Draw(
      String seed,
      int registered,
      int target,
      List<String> drawn,
      int neverSampled,
      String summary) {}

  /** The target of a month: ceil(20% × registered). */
  public static int target(int registered) {
    return MONTHLY_SHARE
        .multiply(BigDecimal.valueOf(registered))
        .setScale(0, RoundingMode.CEILING)
        .intValueExact();
  }

  /** A new seed: 16 random hex digits. */
  public static String newSeed() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The draw key of a seller: hex SHA-256 of {@code seed|creditCode}. */
  public static String drawKey(String seed, String creditCode) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest((seed + "|" + creditCode).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public Draw draw(List<Candidate> candidates, String seed) {
    if (seed == null || !SEED.matcher(seed).matches()) {
      throw new IllegalArgumentException(
          "抽取种子须为 16–64 位小写十六进制 / the seed must be 16–64 lower-case hex digits");
    }
    int target = target(candidates.size());
    Comparator<Candidate> byKey = Comparator.comparing(c -> drawKey(seed, c.creditCode()));
    List<Candidate> never =
        candidates.stream().filter(c -> !c.sampledThisYear()).sorted(byKey).toList();
    List<Candidate> again =
        candidates.stream().filter(Candidate::sampledThisYear).sorted(byKey).toList();
    List<String> drawn = new ArrayList<>();
    for (Candidate c : never) {
      if (drawn.size() < target) {
        drawn.add(c.creditCode());
      }
    }
    for (Candidate c : again) {
      if (drawn.size() < target) {
        drawn.add(c.creditCode());
      }
    }
    String summary =
        "登记在册 "
            + candidates.size()
            + " 家，本月至少抽检 20%（向上取整）即 "
            + target
            + " 家；"
            + "本年尚未抽检的 "
            + never.size()
            + " 家优先，随机抽取（种子 "
            + seed
            + "，按 SHA-256(种子|统一社会信用代码) 升序）；"
            + "抽中 "
            + drawn.size()
            + " 家";
    return new Draw(seed, candidates.size(), target, List.copyOf(drawn), never.size(), summary);
  }
}
