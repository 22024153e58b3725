package cn.gov.linfen.fenhe.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * Linfen's 17 counties, cities and districts (县、市、区): stable codes, the Chinese names people use
 * and the administrative division code (GB/T 2260, 6 digits; the data of
 * src/main/resources/divisions/).
 */
public enum County {
  YAODU("yaodu", "尧都区", "141002"),
  HOUMA("houma", "侯马市", "141081"),
  HUOZHOU("huozhou", "霍州市", "141082"),
  QUWO("quwo", "曲沃县", "141021"),
  YICHENG("yicheng", "翼城县", "141022"),
  XIANGFEN("xiangfen", "襄汾县", "141023"),
  HONGTONG("hongtong", "洪洞县", "141024"),
  GUXIAN("guxian", "古县", "141025"),
  ANZE("anze", "安泽县", "141026"),
  FUSHAN("fushan", "浮山县", "141027"),
  JIXIAN("jixian", "吉县", "141028"),
  XIANGNING("xiangning", "乡宁县", "141029"),
  DANING("daning", "大宁县", "141030"),
  XIXIAN("xixian", "隰县", "141031"),
  YONGHE("yonghe", "永和县", "141032"),
  PUXIAN("puxian", "蒲县", "141033"),
  FENXI("fenxi", "汾西县", "141034");

  private final String code;
  private final String chineseName;
  private final String divisionCode;

  County(String code, String chineseName, String divisionCode) {
    this.code = code;
    this.chineseName = chineseName;
    this.divisionCode = divisionCode;
  }

  /** The administrative division code (行政区划代码, GB/T 2260), e.g. 141002 for 尧都区. */
  public String divisionCode() {
    return divisionCode;
  }

  /** By administrative division code (GB/T 2260). */
  public static Optional<County> ofDivisionCode(String divisionCode) {
    return Arrays.stream(values()).filter(c -> c.divisionCode.equals(divisionCode)).findFirst();
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
    return Arrays.stream(values())
        .filter(c -> c.chineseName.equals(value) || c.code.equals(value))
        .findFirst();
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

  /** The start check of a {@code county} variable: null when it names one of the 17 counties. */
  public static FieldError check(String field, Object county) {
    if (county instanceof String name && of(name).isPresent()) {
      return null;
    }
    return CommonRefusal.COUNTY_UNKNOWN.at(field);
  }
}
