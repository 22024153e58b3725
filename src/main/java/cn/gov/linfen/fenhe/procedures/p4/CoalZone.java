package cn.gov.linfen.fenhe.procedures.p4;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three zones of 临政办发〔2021〕22号 二(一) ("三区"): ids of the API and the decision table, Chinese
 * names.
 */
public enum CoalZone {
  NO_COAL("no-coal", "禁煤区"),
  NO_BURN("no-burn", "高污染燃料禁燃区"),
  OTHER("other", "其他区域");

  private final String id;
  private final String label;

  CoalZone(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public static Optional<CoalZone> of(Object id) {
    return Arrays.stream(values()).filter(z -> z.id.equals(id)).findFirst();
  }
}
