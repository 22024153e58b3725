package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Variables.*;

import java.util.Map;

/** The Chinese names of the five taxes (临政办发〔2021〕20号 二). */
final class TaxNames {

  static final Map<String, String> CHINESE =
      Map.of(
          VAT_PAID, "增值税",
          URBAN_CONSTRUCTION_TAX, "城市维护建设税",
          EDUCATION_SURCHARGE, "教育费附加",
          LOCAL_EDUCATION_SURCHARGE, "地方教育附加",
          STAMP_DUTY, "印花税");

  private TaxNames() {}

  static String of(String tax) {
    return CHINESE.getOrDefault(tax, tax);
  }
}
