package cn.gov.linfen.fenhe.procedures.p4;

import java.util.Arrays;
import java.util.Optional;

/** Who is sampled (临政办发〔2021〕22号 二(五)): 民用煤销售企业、民用煤供应点、型煤生产企业. */
public enum SellerKind {
  COAL_SELLER("coal-seller", "民用煤销售企业"),
  SUPPLY_POINT("supply-point", "民用煤供应点"),
  BRIQUETTE_PRODUCER("briquette-producer", "型煤生产企业");

  private final String id;
  private final String label;

  SellerKind(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public static Optional<SellerKind> of(Object id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }
}
