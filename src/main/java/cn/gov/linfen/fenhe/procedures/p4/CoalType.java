package cn.gov.linfen.fenhe.procedures.p4;

import java.util.Arrays;
import java.util.Optional;

/** The coal types of 临政办发〔2021〕22号 二(一): ids of the forms and the decision table, Chinese names. */
public enum CoalType {
  BITUMINOUS("bituminous", "烟煤"),
  ANTHRACITE("anthracite", "无烟煤"),
  BRIQUETTE("briquette", "型煤"),
  COKE("coke", "焦炭"),
  SEMI_COKE("semi-coke", "兰炭");

  private final String id;
  private final String label;

  CoalType(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public static Optional<CoalType> of(Object id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }
}
