package cn.gov.linfen.fenhe.identity;

import java.util.Arrays;
import java.util.Optional;

/** Linfen's 17 counties, cities and districts (县、市、区): stable codes and the Chinese names people use. */
public enum County {
  YAODU("yaodu", "尧都区"),
  HOUMA("houma", "侯马市"),
  HUOZHOU("huozhou", "霍州市"),
  QUWO("quwo", "曲沃县"),
  YICHENG("yicheng", "翼城县"),
  XIANGFEN("xiangfen", "襄汾县"),
  HONGTONG("hongtong", "洪洞县"),
  GUXIAN("guxian", "古县"),
  ANZE("anze", "安泽县"),
  FUSHAN("fushan", "浮山县"),
  JIXIAN("jixian", "吉县"),
  XIANGNING("xiangning", "乡宁县"),
  DANING("daning", "大宁县"),
  XIXIAN("xixian", "隰县"),
  YONGHE("yonghe", "永和县"),
  PUXIAN("puxian", "蒲县"),
  FENXI("fenxi", "汾西县");

  private final String code;
  private final String chineseName;

  County(String code, String chineseName) {
    this.code = code;
    this.chineseName = chineseName;
  }

  public String code() {
    return code;
  }

  public String chineseName() {
    return chineseName;
  }

  /** By Chinese name (the value of the process variable {@code county}) or by code. */
  public static Optional<County> of(String nameOrCode) {
    if (nameOrCode == null) {
      return Optional.empty();
    }
    String value = nameOrCode.trim();
    return Arrays.stream(values()).filter(c -> c.chineseName.equals(value) || c.code.equals(value)).findFirst();
  }

  /** The Chinese name of that group, e.g. 尧都区工信部门. */
  public String groupName(FenheGroup role) {
    return chineseName + role.chineseName().replace("县级", "");
  }

  /** The Chinese name of a county group id such as {@code county-finance-houma}, if it is one. */
  public static Optional<String> nameOfGroup(String groupId) {
    for (FenheGroup role : FenheGroup.values()) {
      for (County county : values()) {
        if (role.isCountyScoped() && county.groupOf(role).equals(groupId)) {
          return Optional.of(county.groupName(role));
        }
      }
    }
    return Optional.empty();
  }

  /** The group of one county-level role in this county, e.g. {@code county-industry-it-yaodu}. */
  public String groupOf(FenheGroup role) {
    if (!role.isCountyScoped()) {
      throw new IllegalArgumentException(role.id() + " is not a county-level role");
    }
    return role.id() + "-" + code;
  }
}
